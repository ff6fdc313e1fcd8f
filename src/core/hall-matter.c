/* hall-matter.c — matters (信访事项): the helpers the matter files share, matter.get and the
 * command table of petitioners and matters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-idcard.h"
#include "hall-leader-lapse-private.h"
#include "hall-matter-private.h"

/* ---- shared helpers ---- */

const char *
_hall_matter_get_string (JsonObject *object,
                         const char *member)
{
  return json_object_get_string_member_with_default (object, member, NULL);
}

gint64
_hall_matter_get_int (JsonObject *object,
                      const char *member)
{
  return json_object_get_int_member_with_default (object, member, 0);
}

gboolean
_hall_matter_exec (HallStmt *stmt,
                   GError  **error)
{
  int rc = hall_stmt_step (stmt, error);

  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_ROW)
    hall_set_error (error, HALL_ERROR_INTERNAL, NULL, "statement returned a row");
  return FALSE;
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint y, m, d;
  char  tail;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3
      || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

int
_hall_matter_days_between (const char *from,
                           const char *to)
{
  GDate a, b;

  if (!parse_date (from, &a) || !parse_date (to, &b))
    return 0;
  return g_date_days_between (&a, &b);
}

const char *
_hall_matter_state_label (const char *state)
{
  static const struct
  {
    const char *state, *label;
  } labels[] = {
    { "registered", N_ ("registered, waiting for the decision to accept it") },
    { "accepted", N_ ("accepted, being handled") },
    { "declined", N_ ("not accepted") },
    { "litigation", N_ ("litigation-related, not accepted as a petition") },
    { "assigned", N_ ("assigned to a department") },
    { "objected", N_ ("sent back by the department it was assigned to") },
    { "replied", N_ ("replied") },
    { "review", N_ ("under review") },
    { "reviewed", N_ ("reviewed") },
    { "rereview", N_ ("under re-review") },
    { "rereviewed", N_ ("re-reviewed") },
    { "closed", N_ ("closed") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].state, state) == 0)
      return _ (labels[i].label);
  return state;
}

JsonObject *
_hall_matter_load (HallCtx    *ctx,
                   gint64      matter_id,
                   const char *field,
                   GError    **error)
{
  g_autoptr (HallStmt) stmt =
      hall_db_prepare (ctx->db, "SELECT * FROM matter WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, matter_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      return hall_stmt_row_object (stmt);
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, field, _ ("There is no such matter."));
      return NULL;
    default:
      return NULL;
    }
}

gboolean
_hall_matter_allowed (HallCtx         *ctx,
                      JsonObject      *matter,
                      HallMatterAccess access)
{
  const HallActor *actor = ctx->actor;

  if (hall_ctx_is (ctx, HALL_ROLE_SYSTEM | HALL_ROLE_MANAGER | HALL_ROLE_LEADER))
    return TRUE;
  if (!hall_ctx_is (ctx, HALL_ROLE_STAFF))
    return FALSE;

  /* Window staff: their department's matters (responsible now, or first received there) and
   * the ones they registered themselves. */
  if (_hall_matter_get_int (matter, "first_user_id") == actor->user_id)
    return TRUE;
  if (actor->department_id != 0
      && (_hall_matter_get_int (matter, "department_id") == actor->department_id
          || _hall_matter_get_int (matter, "first_department_id") == actor->department_id))
    return TRUE;
  /* A cooperating department (配合单位) sees the matter; only the lead acts on it. */
  if (access == HALL_MATTER_READ
      && _hall_matter_cooperates (ctx, _hall_matter_get_int (matter, "id"), actor->department_id,
                                  FALSE))
    return TRUE;
  return FALSE;
}

static JsonObject *
require_id (HallCtx         *ctx,
            gint64           matter_id,
            const char      *field,
            HallMatterAccess access,
            GError         **error)
{
  g_autoptr (JsonObject) matter = _hall_matter_load (ctx, matter_id, field, error);

  if (matter == NULL)
    return NULL;
  hall_ctx_set_object (ctx, "matter", matter_id);
  if (!_hall_matter_allowed (ctx, matter, access))
    {
      if (access == HALL_MATTER_WRITE && hall_ctx_is (ctx, HALL_ROLE_STAFF)
          && _hall_matter_cooperates (ctx, matter_id, ctx->actor->department_id, FALSE))
        {
          hall_set_error (
              error, HALL_ERROR_FORBIDDEN, field,
              _ ("Your department cooperates on this matter; only the lead department replies and "
                 "acts on it. Add a progress note to its timeline, or object to your part."));
          return NULL;
        }
      hall_set_error (
          error, HALL_ERROR_FORBIDDEN, field,
          access == HALL_MATTER_READ
              ? _ ("This matter belongs to another department; you may not see it.")
              : _ ("This matter belongs to another department; you may not act on it."));
      return NULL;
    }
  return g_steal_pointer (&matter);
}

JsonObject *
_hall_matter_require (HallCtx         *ctx,
                      JsonObject      *params,
                      HallMatterAccess access,
                      GError         **error)
{
  gint64 matter_id = 0;

  if (!hall_param_int (params, "matter_id", TRUE, 1, G_MAXINT64, &matter_id, error))
    return NULL;
  return require_id (ctx, matter_id, "matter_id", access, error);
}

gboolean
_hall_matter_check_state (JsonObject        *matter,
                          const char *const *states,
                          const char        *doing,
                          GError           **error)
{
  const char *state = _hall_matter_get_string (matter, "state");

  if (g_strv_contains (states, state))
    return TRUE;
  hall_set_error (error, HALL_ERROR_CONFLICT, "matter_id", _ ("%s This matter is %s."), doing,
                  _hall_matter_state_label (state));
  return FALSE;
}

gboolean
_hall_matter_emit (HallCtx    *ctx,
                   const char *kind,
                   gint64      matter_id,
                   GError    **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (
      ctx->db, "SELECT number, state, department_id FROM matter WHERE id = ?1", error);
  JsonObject *payload;

  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, matter_id);
  if (hall_stmt_step (stmt, error) != SQLITE_ROW)
    {
      if (error && *error == NULL)
        hall_set_error (error, HALL_ERROR_NOT_FOUND, "matter_id", _ ("There is no such matter."));
      return FALSE;
    }
  payload = json_object_new ();
  json_object_set_int_member (payload, "matter_id", matter_id);
  json_object_set_string_member (payload, "number", hall_stmt_text (stmt, 0));
  json_object_set_string_member (payload, "state", hall_stmt_text (stmt, 1));
  json_object_set_int_member (payload, "department_id", hall_stmt_int (stmt, 2));
  g_clear_pointer (&stmt, hall_stmt_release);

  /* The departments cooperating on it now, so their lists follow too. */
  {
    g_autoptr (HallStmt) cooperating =
        hall_db_prepare (ctx->db,
                         "SELECT department_id FROM matter_assignment "
                         "WHERE matter_id = ?1 AND state = 'open' "
                         "AND role = 'cooperate' ORDER BY id",
                         error);
    JsonArray *ids = json_array_new ();
    int        rc;

    json_object_set_array_member (payload, "cooperating_department_ids", ids);
    if (cooperating == NULL)
      {
        json_object_unref (payload);
        return FALSE;
      }
    hall_stmt_bind_int (cooperating, 1, matter_id);
    while ((rc = hall_stmt_step (cooperating, error)) == SQLITE_ROW)
      json_array_add_int_element (ids, hall_stmt_int (cooperating, 0));
    if (rc == 0)
      {
        json_object_unref (payload);
        return FALSE;
      }
  }
  return hall_ctx_emit (ctx, kind, payload, error) != 0;
}

static JsonArray *
matter_clocks (HallCtx *ctx,
               gint64   matter_id,
               GError **error)
{
  g_autoptr (HallStmt) stmt =
      hall_db_prepare (ctx->db,
                       "SELECT clock, due, CAST(julianday(due) - julianday(?2) AS INTEGER) "
                       "AS days_left, due < ?2 AS overdue "
                       "FROM matter_clock WHERE matter_id = ?1 ORDER BY due",
                       error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, matter_id);
  hall_stmt_bind_text (stmt, 2, ctx->today);
  return hall_stmt_all_objects (stmt, error);
}

static JsonObject *
describe_matter (HallCtx *ctx,
                 gint64   matter_id,
                 GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (JsonObject) matter = NULL;
  JsonArray *clocks;

  stmt = hall_db_prepare (ctx->db,
                          "SELECT m.*, c.name AS category_name, d.name AS department_name, "
                          "d.code AS department_code, fd.name AS first_department_name, "
                          "fu.display_name AS first_user_name, fc.number AS first_counter_number, "
                          "t.code AS ticket_code, "
                          "(m.persons >= 5 OR m.collective) AS is_collective "
                          "FROM matter m JOIN department d ON d.id = m.department_id "
                          "JOIN department fd ON fd.id = m.first_department_id "
                          "LEFT JOIN category c ON c.id = m.category_id "
                          "LEFT JOIN account fu ON fu.id = m.first_user_id "
                          "LEFT JOIN counter fc ON fc.id = m.first_counter_id "
                          "LEFT JOIN ticket t ON t.id = m.ticket_id "
                          "WHERE m.id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, matter_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      break;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "matter_id", _ ("There is no such matter."));
      return NULL;
    default:
      return NULL;
    }
  matter = hall_stmt_row_object (stmt);
  json_object_remove_member (matter, "query_failures");
  json_object_remove_member (matter, "query_locked_until");

  clocks = matter_clocks (ctx, matter_id, error);
  if (clocks == NULL)
    return NULL;
  json_object_set_array_member (matter, "clocks", clocks);
  return g_steal_pointer (&matter);
}

JsonArray *
_hall_matter_petitioners (HallCtx *ctx,
                          gint64   matter_id,
                          gboolean personal,
                          GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  JsonArray *rows;

  stmt = hall_db_prepare (
      ctx->db,
      "SELECT p.id, p.name, p.id_number, p.phone, p.sex, p.birth_date, p.address, mp.role "
      "FROM matter_petitioner mp JOIN petitioner p ON p.id = mp.petitioner_id "
      "WHERE mp.matter_id = ?1 ORDER BY mp.sort, p.id",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, matter_id);
  rows = hall_stmt_all_objects (stmt, error);
  if (rows == NULL || personal)
    return rows;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject      *p = json_array_get_object_element (rows, i);
      g_autofree char *name = hall_mask_name (_hall_matter_get_string (p, "name"));

      json_object_set_string_member (p, "name", name);
      json_object_remove_member (p, "id_number");
      json_object_remove_member (p, "phone");
      json_object_remove_member (p, "address");
      json_object_remove_member (p, "birth_date");
    }
  return rows;
}

JsonObject *
_hall_matter_result (HallCtx *ctx,
                     gint64   matter_id,
                     GError **error)
{
  JsonObject *matter = describe_matter (ctx, matter_id, error);
  JsonObject *result;

  if (matter == NULL)
    return NULL;
  result = json_object_new ();
  json_object_set_object_member (result, "matter", matter);
  return result;
}

/* ---- matter.get ---- */

static JsonObject *
matter_get (HallCtx    *ctx,
            JsonObject *params,
            GError    **error)
{
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (HallStmt) timeline = NULL;
  g_autoptr (HallStmt) assignments = NULL;
  JsonArray  *rows;
  JsonObject *result;
  const char *number = NULL;
  gint64      matter_id = 0;

  if (!hall_param_int (params, "matter_id", FALSE, 1, G_MAXINT64, &matter_id, error)
      || !hall_param_string (params, "number", matter_id == 0, 20, &number, error))
    return NULL;
  if (matter_id == 0)
    {
      g_autoptr (HallStmt) find =
          hall_db_prepare (ctx->db, "SELECT id FROM matter WHERE number = ?1", error);
      g_autofree char *upper = g_ascii_strup (number, -1);

      if (find == NULL)
        return NULL;
      hall_stmt_bind_text (find, 1, upper);
      if (hall_stmt_step (find, error) != SQLITE_ROW)
        {
          if (error && *error == NULL)
            hall_set_error (error, HALL_ERROR_NOT_FOUND, "number",
                            _ ("There is no matter with this number."));
          return NULL;
        }
      matter_id = hall_stmt_int (find, 0);
    }

  matter = require_id (ctx, matter_id, number ? "number" : "matter_id", HALL_MATTER_READ, error);
  if (matter == NULL)
    return NULL;
  g_clear_pointer (&matter, json_object_unref);

  /* An escalation whose day is over says so in the timeline. */
  if (!_hall_leader_lapse_escalations (ctx, matter_id, error))
    return NULL;

  matter = describe_matter (ctx, matter_id, error);
  if (matter == NULL)
    return NULL;

  result = json_object_new ();
  json_object_set_object_member (result, "matter", g_steal_pointer (&matter));

  rows = _hall_matter_petitioners (ctx, matter_id, TRUE, error);
  if (rows == NULL)
    goto fail;
  json_object_set_array_member (result, "petitioners", rows);

  timeline =
      hall_db_prepare (ctx->db,
                       "SELECT tl.id, tl.at, tl.user_id, a.display_name AS user_name, tl.kind, "
                       "tl.detail AS detail_json "
                       "FROM matter_timeline tl LEFT JOIN account a ON a.id = tl.user_id "
                       "WHERE tl.matter_id = ?1 ORDER BY tl.id",
                       error);
  if (timeline == NULL)
    goto fail;
  hall_stmt_bind_int (timeline, 1, matter_id);
  rows = hall_stmt_all_objects (timeline, error);
  if (rows == NULL)
    goto fail;
  json_object_set_array_member (result, "timeline", rows);

  assignments = hall_db_prepare (
      ctx->db,
      "SELECT s.id, s.department_id, d.name AS department_name, s.role, s.round, "
      "s.from_department_id, "
      "s.assigned_at, s.assigned_date, s.assigned_by, a.display_name AS assigned_by_name, "
      "s.deadline, s.note, s.objection_until, s.state, s.objected_at, s.objected_by, "
      "s.reason "
      "FROM matter_assignment s JOIN department d ON d.id = s.department_id "
      "LEFT JOIN account a ON a.id = s.assigned_by "
      "WHERE s.matter_id = ?1 ORDER BY s.id",
      error);
  if (assignments == NULL)
    goto fail;
  hall_stmt_bind_int (assignments, 1, matter_id);
  rows = hall_stmt_all_objects (assignments, error);
  if (rows == NULL)
    goto fail;
  json_object_set_array_member (result, "assignments", rows);

  if ((rows = _hall_matter_links (ctx, matter_id, error)) == NULL)
    goto fail;
  json_object_set_array_member (result, "links", rows);
  if ((rows = _hall_matter_repeats (ctx, matter_id, error)) == NULL)
    goto fail;
  json_object_set_array_member (result, "repeats", rows);

  /* Names, ID numbers, phones and addresses were read: that is recorded. */
  if (!hall_ctx_audit (ctx, "matter.read_personal", "matter", matter_id, error))
    goto fail;
  return result;

fail:
  json_object_unref (result);
  return NULL;
}

#define PEOPLE (HALL_ROLE_STAFF | HALL_ROLE_MANAGER | HALL_ROLE_LEADER)

const HallCommand _hall_matter_commands[] = {
  { "petitioner.lookup", _hall_petitioner_lookup, PEOPLE, HALL_COMMAND_AUDITED },
  { "matter.register", _hall_matter_register, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.update", _hall_matter_update, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.get", matter_get, PEOPLE, HALL_COMMAND_AUDITED },
  { "matter.list", _hall_matter_list, PEOPLE, HALL_COMMAND_READ },
  { "matter.due", _hall_matter_due, PEOPLE, HALL_COMMAND_READ },
  { "matter.accept", _hall_matter_accept, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.decline", _hall_matter_decline, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.assign", _hall_matter_assign_cmd, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.object", _hall_matter_object, HALL_ROLE_STAFF | HALL_ROLE_MANAGER, HALL_COMMAND_WRITE },
  { "matter.note", _hall_matter_note, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.reply", _hall_matter_reply, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.extend", _hall_matter_extend, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.close", _hall_matter_close, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.review_request", _hall_matter_review_request, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.review_reply", _hall_matter_review_reply, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.rereview_request", _hall_matter_rereview_request, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.rereview_reply", _hall_matter_rereview_reply, PEOPLE, HALL_COMMAND_WRITE },
  { "status.query", _hall_status_query, PEOPLE | HALL_ROLE_KIOSK, HALL_COMMAND_READ },
  { NULL }
};
