/* hall-leader-supervision.c — 督办: leaders flag overdue and hard matters for supervision and
 * follow them round by round
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-leader"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-leader-private.h"
#include "hall-matter-private.h"
#include "hall-matter-timeline-private.h"

#define NOTE_MAX 500
#define LIST_MAX 500

/* ---- matter.supervise, leader.supervision ----------------------------------------------- */

static gboolean
set_supervised (HallCtx *ctx,
                gint64   matter_id,
                gboolean supervised,
                GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;

  /* A matter stays supervised while any flag on it, a leader's or a rule's, is open. */
  stmt = hall_db_prepare (
      ctx->db,
      "UPDATE matter SET supervised = ?2 OR EXISTS (SELECT 1 FROM leader_supervision s "
      "WHERE s.matter_id = ?1 AND s.resolved = 0), "
      "supervised_by = CASE WHEN ?2 THEN ?3 ELSE supervised_by END, "
      "supervised_at = CASE WHEN ?2 THEN ?4 ELSE supervised_at END, updated_at = ?4 "
      "WHERE id = ?1",
      error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, matter_id);
  hall_stmt_bind_int (stmt, 2, supervised);
  hall_stmt_bind_int (stmt, 3, ctx->actor->user_id);
  hall_stmt_bind_int (stmt, 4, ctx->now);
  return _hall_leader_exec (stmt, error);
}

/* Resolves @only (a flag of the matter) or, when 0, every open flag of the matter: the leader's
 * and the rules'. Each resolved flag leaves a timeline entry naming its rule. */
static gboolean
resolve_flags (HallCtx    *ctx,
               gint64      matter_id,
               gint64      only,
               const char *resolution,
               gint64     *last_id,
               GError    **error)
{
  g_autoptr (HallStmt) open = NULL;
  g_autoptr (JsonArray) flags = NULL;

  open = hall_db_prepare (ctx->db,
                          "SELECT id, rule FROM leader_supervision WHERE matter_id = ?1 "
                          "AND resolved = 0 AND (?2 = 0 OR id = ?2) ORDER BY id",
                          error);
  if (open == NULL)
    return FALSE;
  hall_stmt_bind_int (open, 1, matter_id);
  hall_stmt_bind_int (open, 2, only);
  flags = hall_stmt_all_objects (open, error);
  if (flags == NULL)
    return FALSE;
  g_clear_pointer (&open, hall_stmt_release);
  if (json_array_get_length (flags) == 0)
    {
      if (only != 0)
        hall_set_error (error, HALL_ERROR_NOT_FOUND, "supervision_id",
                        _ ("This flag is not open on this matter."));
      else
        hall_set_error (error, HALL_ERROR_CONFLICT, "resolve",
                        _ ("This matter is not under supervision."));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (flags); i++)
    {
      JsonObject *flag = json_array_get_object_element (flags, i);
      g_autoptr (HallStmt) done = NULL;
      g_autoptr (JsonObject) detail = json_object_new ();
      gint64 id = json_object_get_int_member (flag, "id");

      done = hall_db_prepare (
          ctx->db,
          "UPDATE leader_supervision SET resolved = 1, resolved_at = ?2, resolved_by = ?3, "
          "resolution = ?4 WHERE id = ?1",
          error);
      if (done == NULL)
        return FALSE;
      hall_stmt_bind_int (done, 1, id);
      hall_stmt_bind_int (done, 2, ctx->now);
      hall_stmt_bind_int (done, 3, ctx->actor->user_id);
      hall_stmt_bind_text (done, 4, resolution);
      if (!_hall_leader_exec (done, error))
        return FALSE;
      g_clear_pointer (&done, hall_stmt_release);

      json_object_set_int_member (detail, "supervision_id", id);
      if (!json_object_get_null_member (flag, "rule"))
        json_object_set_string_member (detail, "rule", json_object_get_string_member (flag, "rule"));
      if (resolution)
        json_object_set_string_member (detail, "resolution", resolution);
      if (!_hall_matter_add_timeline (ctx, matter_id, "supervision_resolved", detail, error))
        return FALSE;
      *last_id = id;
    }
  return set_supervised (ctx, matter_id, FALSE, error);
}

static JsonObject *
describe_supervision (HallCtx *ctx,
                      gint64   supervision_id,
                      GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  JsonObject *row, *result;

  stmt = hall_db_prepare (
      ctx->db,
      "SELECT s.id, s.matter_id, m.number AS matter_number, s.by_user_id, "
      "a.display_name AS by_name, s.rule, s.at, s.note, s.due_date, s.resolved, s.resolved_at, "
      "s.resolution FROM leader_supervision s JOIN matter m ON m.id = s.matter_id "
      "LEFT JOIN account a ON a.id = s.by_user_id WHERE s.id = ?1",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, supervision_id);
  if (hall_stmt_step (stmt, error) != SQLITE_ROW)
    {
      if (error && *error == NULL)
        hall_set_error (error, HALL_ERROR_NOT_FOUND, "supervision_id",
                        _ ("There is no such supervision."));
      return NULL;
    }
  row = hall_stmt_row_object (stmt);
  _hall_leader_add_days_left (ctx, row, "due_date");
  result = json_object_new ();
  json_object_set_object_member (result, "supervision", row);
  return result;
}

JsonObject *
_hall_leader_supervise (HallCtx    *ctx,
                        JsonObject *params,
                        GError    **error)
{
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (HallStmt) open = NULL;
  g_autoptr (JsonObject) detail = NULL;
  const char *note = NULL, *due_date = NULL, *resolution = NULL;
  gboolean    resolve = FALSE;
  gint64      matter_id, open_id = 0, supervision_id = 0, supervision_id_param = 0;
  JsonObject *payload;

  matter = _hall_matter_require (ctx, params, HALL_MATTER_READ, error);
  if (matter == NULL
      || !hall_param_bool (params, "resolve", FALSE, &resolve, error)
      || !hall_param_string (params, "note", !resolve, NOTE_MAX, &note, error)
      || !hall_param_date (params, "due_date", !resolve, &due_date, error)
      || !hall_param_string (params, "resolution", FALSE, NOTE_MAX, &resolution, error)
      || !hall_param_int (params, "supervision_id", FALSE, 1, G_MAXINT64, &supervision_id_param,
                          error))
    return NULL;
  matter_id = _hall_matter_get_int (matter, "id");

  open = hall_db_prepare (
      ctx->db,
      "SELECT id FROM leader_supervision WHERE matter_id = ?1 AND resolved = 0 AND rule IS NULL",
      error);
  if (open == NULL)
    return NULL;
  hall_stmt_bind_int (open, 1, matter_id);
  switch (hall_stmt_step (open, error))
    {
    case SQLITE_ROW:
      open_id = hall_stmt_int (open, 0);
      break;
    case SQLITE_DONE:
      break;
    default:
      return NULL;
    }

  if (resolve)
    {
      if (!resolve_flags (ctx, matter_id, supervision_id_param, resolution, &supervision_id, error))
        return NULL;
    }
  else
    {
      g_autoptr (HallStmt) insert = NULL;

      if (_hall_leader_matter_is_final (_hall_matter_get_string (matter, "state")))
        {
          hall_set_error (error, HALL_ERROR_CONFLICT, "matter_id",
                          _ ("This matter is %s: there is nothing left to supervise."),
                          _hall_matter_state_label (_hall_matter_get_string (matter, "state")));
          return NULL;
        }
      if (strcmp (due_date, ctx->today) < 0)
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "due_date",
                          _ ("The due date cannot be in the past."));
          return NULL;
        }

      /* A new flag on a supervised matter is the next round: it replaces the open one. */
      if (open_id != 0)
        {
          g_autoptr (HallStmt) supersede = NULL;

          supersede =
              hall_db_prepare (ctx->db,
                               "UPDATE leader_supervision SET resolved = 1, resolved_at = ?2, "
                               "resolved_by = ?3, resolution = 'superseded' WHERE id = ?1",
                               error);
          if (supersede == NULL)
            return NULL;
          hall_stmt_bind_int (supersede, 1, open_id);
          hall_stmt_bind_int (supersede, 2, ctx->now);
          hall_stmt_bind_int (supersede, 3, ctx->actor->user_id);
          if (!_hall_leader_exec (supersede, error))
            return NULL;
        }

      insert = hall_db_prepare (
          ctx->db,
          "INSERT INTO leader_supervision (matter_id, by_user_id, at, note, due_date) "
          "VALUES (?1, ?2, ?3, ?4, ?5)",
          error);
      if (insert == NULL)
        return NULL;
      hall_stmt_bind_int (insert, 1, matter_id);
      hall_stmt_bind_int (insert, 2, ctx->actor->user_id);
      hall_stmt_bind_int (insert, 3, ctx->now);
      hall_stmt_bind_text (insert, 4, note);
      hall_stmt_bind_text (insert, 5, due_date);
      if (!_hall_leader_exec (insert, error))
        return NULL;
      supervision_id = hall_db_last_insert_id (ctx->db);

      if (open_id != 0)
        {
          g_autoptr (HallStmt) link = hall_db_prepare (
              ctx->db, "UPDATE leader_supervision SET superseded_by = ?2 WHERE id = ?1", error);
          if (link == NULL)
            return NULL;
          hall_stmt_bind_int (link, 1, open_id);
          hall_stmt_bind_int (link, 2, supervision_id);
          if (!_hall_leader_exec (link, error))
            return NULL;
        }
      if (!set_supervised (ctx, matter_id, TRUE, error))
        return NULL;
    }

  detail = json_object_new ();
  json_object_set_int_member (detail, "supervision_id", supervision_id);
  if (note)
    json_object_set_string_member (detail, "note", note);
  if (due_date)
    json_object_set_string_member (detail, "due_date", due_date);
  if (resolution)
    json_object_set_string_member (detail, "resolution", resolution);
  if (!resolve && !_hall_matter_add_timeline (ctx, matter_id, "supervised", detail, error))
    return NULL;

  payload = json_object_new ();
  json_object_set_int_member (payload, "supervision_id", supervision_id);
  json_object_set_int_member (payload, "matter_id", matter_id);
  json_object_set_boolean_member (payload, "resolved", resolve);
  if (!hall_ctx_emit (ctx, "matter.supervised", payload, error)
      || !_hall_matter_emit (ctx, "matter.changed", matter_id, error))
    return NULL;

  return describe_supervision (ctx, supervision_id, error);
}

/* What needs a leader's attention across the hall: matters flagged for supervision, matters
 * past one of the regulation's time limits, and those whose limit falls within @days. The
 * limits are the matters' own clocks (the matter_clock view). */
JsonObject *
_hall_leader_supervision (HallCtx    *ctx,
                          JsonObject *params,
                          GError    **error)
{
  g_autoptr (HallStmt) flagged = NULL;
  g_autoptr (HallStmt) clocks = NULL;
  g_autofree char *horizon = NULL;
  gint64           days = 7;
  JsonArray       *flagged_rows, *clock_rows;
  JsonArray       *overdue, *due_soon;
  JsonObject      *result;

  if (!hall_param_int (params, "days", FALSE, 1, 60, &days, error))
    return NULL;
  horizon = _hall_leader_date_add (ctx->today, days);

  flagged =
      hall_db_prepare (ctx->db,
                       "SELECT s.id AS supervision_id, s.matter_id, m.number AS matter_number, "
                       "m.state AS matter_state, m.department_id, d.name AS department_name, "
                       "s.by_user_id, a.display_name AS by_name, s.rule, s.at, s.note, "
                       "s.due_date, m.charge_leader_id "
                       "FROM leader_supervision s JOIN matter m ON m.id = s.matter_id "
                       "JOIN department d ON d.id = m.department_id "
                       "LEFT JOIN account a ON a.id = s.by_user_id "
                       "WHERE s.resolved = 0 ORDER BY s.due_date, s.id LIMIT ?1",
                       error);
  if (flagged == NULL)
    return NULL;
  hall_stmt_bind_int (flagged, 1, LIST_MAX);
  flagged_rows = hall_stmt_all_objects (flagged, error);
  if (flagged_rows == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (flagged_rows); i++)
    _hall_leader_add_days_left (ctx, json_array_get_object_element (flagged_rows, i), "due_date");

  clocks = hall_db_prepare (
      ctx->db,
      "SELECT c.matter_id, m.number AS matter_number, m.state AS matter_state, c.clock, "
      "c.due, m.department_id, d.name AS department_name, m.first_user_id, "
      "m.supervised, m.charge_leader_id "
      "FROM matter_clock c JOIN matter m ON m.id = c.matter_id "
      "JOIN department d ON d.id = m.department_id "
      /* a closed objection window is no lapse: nobody objected */
      "WHERE c.due <= ?1 AND NOT (c.clock = 'objection' AND c.due < ?3) "
      "ORDER BY c.due, c.matter_id LIMIT ?2",
      error);
  if (clocks == NULL)
    {
      json_array_unref (flagged_rows);
      return NULL;
    }
  hall_stmt_bind_text (clocks, 1, horizon);
  hall_stmt_bind_int (clocks, 2, 2 * LIST_MAX);
  hall_stmt_bind_text (clocks, 3, ctx->today);
  clock_rows = hall_stmt_all_objects (clocks, error);
  if (clock_rows == NULL)
    {
      json_array_unref (flagged_rows);
      return NULL;
    }

  overdue = json_array_new ();
  due_soon = json_array_new ();
  for (guint i = 0; i < json_array_get_length (clock_rows); i++)
    {
      JsonObject *row = json_array_get_object_element (clock_rows, i);

      _hall_leader_add_days_left (ctx, row, "due");
      json_object_set_boolean_member (row, "supervised",
                                      json_object_get_int_member (row, "supervised") != 0);
      json_array_add_object_element (json_object_get_boolean_member (row, "overdue") ? overdue
                                                                                     : due_soon,
                                     json_object_ref (row));
    }
  json_array_unref (clock_rows);

  result = json_object_new ();
  json_object_set_string_member (result, "date", ctx->today);
  json_object_set_string_member (result, "due_soon_until", horizon);
  json_object_set_array_member (result, "flagged", flagged_rows);
  json_object_set_array_member (result, "overdue", overdue);
  json_object_set_array_member (result, "due_soon", due_soon);
  return result;
}
