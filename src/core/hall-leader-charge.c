/* hall-leader-charge.c — 包案 (a leader's personal charge of a hard matter, with the 五个一:
 * one leader, one working group, one plan, one set of meeting minutes, one set of stability
 * measures)
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

#define LONG_TEXT_MAX 4000
#define ENTRY_TEXT_MAX 2000
#define NOTE_MAX 500
#define GROUP_MAX_MEMBERS 30
#define GROUP_MEMBER_MAX_CHARS 60
#define LIST_MAX 500

/* The 五个一 checklist of a charge, as SQL over leader_charge c. */
#define CHECKLIST_COLUMNS                                                                         \
  "1 AS has_leader, json_array_length(c.working_group_json) > 0 AS has_working_group, "           \
  "c.plan IS NOT NULL AS has_plan, "                                                              \
  "EXISTS (SELECT 1 FROM leader_charge_entry x WHERE x.charge_id = c.id AND x.kind = 'minutes') " \
  " AS has_minutes, c.stability_measures IS NOT NULL AS has_stability_measures "

static const char *const checklist_items[] = {
  "leader", "working_group", "plan", "minutes", "stability_measures", NULL
};

/* Folds the has_* columns of @row into {"checklist": {...}, "complete": n}. */
static void
fold_checklist (JsonObject *row)
{
  JsonObject *checklist = json_object_new ();
  int         complete = 0;

  for (guint i = 0; checklist_items[i] != NULL; i++)
    {
      g_autofree char *column = g_strdup_printf ("has_%s", checklist_items[i]);
      gboolean         done = json_object_get_int_member (row, column) != 0;

      json_object_set_boolean_member (checklist, checklist_items[i], done);
      json_object_remove_member (row, column);
      complete += done;
    }
  json_object_set_object_member (row, "checklist", checklist);
  json_object_set_int_member (row, "complete", complete);
  json_object_set_int_member (row, "items", g_strv_length ((char **) checklist_items));
}

static gboolean
set_charge_leader (HallCtx *ctx,
                   gint64   matter_id,
                   gint64   leader_user_id,
                   GError **error)
{
  g_autoptr (HallStmt) stmt =
      hall_db_prepare (ctx->db,
                       "UPDATE matter SET charge_leader_id = ?2, updated_at = ?3 "
                       "WHERE id = ?1",
                       error);

  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, matter_id);
  hall_stmt_bind_id (stmt, 2, leader_user_id);
  hall_stmt_bind_int (stmt, 3, ctx->now);
  return _hall_leader_exec (stmt, error);
}

static JsonObject *
describe_charge (HallCtx *ctx,
                 gint64   charge_id,
                 GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (HallStmt) entries = NULL;
  g_autoptr (JsonArray) rows = NULL;
  JsonArray  *minutes, *progress;
  JsonObject *charge, *result;

  stmt = hall_db_prepare (
      ctx->db,
      "SELECT c.id, c.matter_id, m.number AS matter_number, m.state AS matter_state, "
      "m.handling_due, c.leader_user_id, a.display_name AS leader_name, c.charged_at, "
      "c.deadline, c.note, c.working_group_json, c.plan, c.plan_date, "
      "c.stability_measures, c.closed, c.closed_at, c.closing_note, "
      "c.updated_at, " CHECKLIST_COLUMNS "FROM leader_charge c JOIN matter m ON m.id = c.matter_id "
      "JOIN account a ON a.id = c.leader_user_id WHERE c.id = ?1",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, charge_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      break;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "charge_id", _ ("There is no such charge."));
      return NULL;
    default:
      return NULL;
    }
  charge = hall_stmt_row_object (stmt);
  fold_checklist (charge);
  _hall_leader_add_days_left (ctx, charge, "deadline");

  entries = hall_db_prepare (
      ctx->db,
      "SELECT e.id, e.kind, e.date, e.text, e.by_user_id, a.display_name AS by_name, e.at "
      "FROM leader_charge_entry e JOIN account a ON a.id = e.by_user_id "
      "WHERE e.charge_id = ?1 ORDER BY e.date, e.id",
      error);
  if (entries == NULL)
    {
      json_object_unref (charge);
      return NULL;
    }
  hall_stmt_bind_int (entries, 1, charge_id);
  rows = hall_stmt_all_objects (entries, error);
  if (rows == NULL)
    {
      json_object_unref (charge);
      return NULL;
    }
  minutes = json_array_new ();
  progress = json_array_new ();
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *entry = json_array_get_object_element (rows, i);
      gboolean    is_minutes =
          g_strcmp0 (json_object_get_string_member (entry, "kind"), "minutes") == 0;

      json_object_remove_member (entry, "kind");
      json_array_add_object_element (is_minutes ? minutes : progress, json_object_ref (entry));
    }
  json_object_set_array_member (charge, "minutes", minutes);
  json_object_set_array_member (charge, "progress", progress);

  result = json_object_new ();
  json_object_set_object_member (result, "charge", charge);
  return result;
}

/* ---- leader.charge ---------------------------------------------------------------------- */

JsonObject *
_hall_leader_charge (HallCtx    *ctx,
                     JsonObject *params,
                     GError    **error)
{
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (HallStmt) existing = NULL;
  g_autoptr (HallStmt) insert = NULL;
  g_autoptr (JsonObject) detail = NULL;
  const char *deadline = NULL, *note = NULL;
  gint64      matter_id, charge_id;
  JsonObject *payload;

  matter = _hall_matter_require (ctx, params, HALL_MATTER_READ, error);
  if (matter == NULL
      || !hall_param_date (params, "deadline", FALSE, &deadline, error)
      || !hall_param_string (params, "note", FALSE, NOTE_MAX, &note, error))
    return NULL;
  matter_id = _hall_matter_get_int (matter, "id");

  if (_hall_leader_matter_is_final (_hall_matter_get_string (matter, "state")))
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "matter_id",
                      _ ("This matter is %s: there is nothing left to take charge of."),
                      _hall_matter_state_label (_hall_matter_get_string (matter, "state")));
      return NULL;
    }
  if (deadline != NULL && strcmp (deadline, ctx->today) <= 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "deadline",
                      _ ("The deadline must be after today."));
      return NULL;
    }

  /* One charging leader per matter. */
  existing = hall_db_prepare (
      ctx->db,
      "SELECT c.leader_user_id, a.display_name FROM leader_charge c "
      "JOIN account a ON a.id = c.leader_user_id WHERE c.matter_id = ?1 AND c.closed = 0",
      error);
  if (existing == NULL)
    return NULL;
  hall_stmt_bind_int (existing, 1, matter_id);
  switch (hall_stmt_step (existing, error))
    {
    case SQLITE_ROW:
      if (hall_stmt_int (existing, 0) == ctx->actor->user_id)
        hall_set_error (error, HALL_ERROR_CONFLICT, "matter_id",
                        _ ("This matter is already in your charge."));
      else
        hall_set_error (
            error, HALL_ERROR_CONFLICT, "matter_id",
            _ ("Leader %s already has charge of this matter. One leader takes charge of a "
               "matter; they must close their charge first."),
            hall_stmt_text (existing, 1));
      return NULL;
    case SQLITE_DONE:
      break;
    default:
      return NULL;
    }

  insert = hall_db_prepare (
      ctx->db,
      "INSERT INTO leader_charge (matter_id, leader_user_id, charged_at, deadline, note, "
      "updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?3)",
      error);
  if (insert == NULL)
    return NULL;
  hall_stmt_bind_int (insert, 1, matter_id);
  hall_stmt_bind_int (insert, 2, ctx->actor->user_id);
  hall_stmt_bind_int (insert, 3, ctx->now);
  hall_stmt_bind_text (insert, 4, deadline);
  hall_stmt_bind_text (insert, 5, note);
  if (!_hall_leader_exec (insert, error))
    return NULL;
  charge_id = hall_db_last_insert_id (ctx->db);

  if (!set_charge_leader (ctx, matter_id, ctx->actor->user_id, error))
    return NULL;

  detail = json_object_new ();
  json_object_set_int_member (detail, "charge_id", charge_id);
  json_object_set_int_member (detail, "leader_user_id", ctx->actor->user_id);
  if (deadline)
    json_object_set_string_member (detail, "deadline", deadline);
  if (!_hall_matter_add_timeline (ctx, matter_id, "charged", detail, error))
    return NULL;

  payload = json_object_new ();
  json_object_set_int_member (payload, "charge_id", charge_id);
  json_object_set_int_member (payload, "matter_id", matter_id);
  json_object_set_int_member (payload, "leader_user_id", ctx->actor->user_id);
  if (!hall_ctx_emit (ctx, "leader.charged", payload, error)
      || !_hall_matter_emit (ctx, "matter.changed", matter_id, error))
    return NULL;

  return describe_charge (ctx, charge_id, error);
}

/* ---- leader.charge_update --------------------------------------------------------------- */

static gboolean
read_working_group (JsonObject *params,
                    char      **json,
                    GError    **error)
{
  JsonArray *members = NULL;
  g_autoptr (JsonArray) clean = json_array_new ();
  g_autoptr (JsonNode) node = NULL;

  *json = NULL;
  if (!hall_param_array (params, "working_group", FALSE, GROUP_MAX_MEMBERS, &members, error))
    return FALSE;
  if (members == NULL)
    return TRUE;

  for (guint i = 0; i < json_array_get_length (members); i++)
    {
      JsonNode        *member = json_array_get_element (members, i);
      g_autofree char *field = g_strdup_printf ("working_group[%u]", i);
      g_autofree char *text = NULL;

      if (json_node_get_value_type (member) != G_TYPE_STRING)
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, field,
                          _ ("Write each member as text, such as “王强 县住建局”."));
          return FALSE;
        }
      text = g_strstrip (g_strdup (json_node_get_string (member)));
      if (!hall_text_check (text, field, FALSE, error))
        return FALSE;
      if (*text == '\0')
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, field,
                          _ ("This member has no name."));
          return FALSE;
        }
      if (g_utf8_strlen (text, -1) > GROUP_MEMBER_MAX_CHARS)
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, field,
                          g_dngettext (GETTEXT_PACKAGE, "Too long: at most %u character.",
                                       "Too long: at most %u characters.", GROUP_MEMBER_MAX_CHARS),
                          GROUP_MEMBER_MAX_CHARS);
          return FALSE;
        }
      json_array_add_string_element (clean, text);
    }

  node = json_node_init_array (json_node_alloc (), clean);
  *json = json_to_string (node, FALSE);
  return TRUE;
}

static gboolean
add_entry (HallCtx    *ctx,
           gint64      charge_id,
           const char *kind,
           const char *date,
           const char *text,
           GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;

  stmt = hall_db_prepare (
      ctx->db,
      "INSERT INTO leader_charge_entry (charge_id, kind, date, text, by_user_id, at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
      error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, charge_id);
  hall_stmt_bind_text (stmt, 2, kind);
  hall_stmt_bind_text (stmt, 3, date);
  hall_stmt_bind_text (stmt, 4, text);
  hall_stmt_bind_int (stmt, 5, ctx->actor->user_id);
  hall_stmt_bind_int (stmt, 6, ctx->now);
  return _hall_leader_exec (stmt, error);
}

JsonObject *
_hall_leader_charge_update (HallCtx    *ctx,
                            JsonObject *params,
                            GError    **error)
{
  const char      *plan = NULL, *plan_date = NULL, *measures = NULL, *progress = NULL;
  const char      *deadline = NULL, *closing_note = NULL, *minutes_date = NULL, *minutes_text = NULL;
  g_autofree char *group_json = NULL;
  JsonObject      *minutes = NULL;
  gboolean         closed = FALSE;
  gint64           charge_id, matter_id;
  g_autoptr (HallStmt) load = NULL;
  g_autoptr (HallStmt) update = NULL;
  g_autoptr (JsonArray) changed = json_array_new ();
  g_autoptr (JsonObject) detail = NULL;
  JsonObject *payload;

  if (!hall_param_int (params, "charge_id", TRUE, 1, G_MAXINT64, &charge_id, error))
    return NULL;
  hall_ctx_set_object (ctx, "leader_charge", charge_id);

  load = hall_db_prepare (
      ctx->db, "SELECT leader_user_id, closed, matter_id FROM leader_charge WHERE id = ?1", error);
  if (load == NULL)
    return NULL;
  hall_stmt_bind_int (load, 1, charge_id);
  switch (hall_stmt_step (load, error))
    {
    case SQLITE_ROW:
      break;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "charge_id", _ ("There is no such charge."));
      return NULL;
    default:
      return NULL;
    }
  if (hall_stmt_int (load, 0) != ctx->actor->user_id)
    {
      hall_set_error (error, HALL_ERROR_FORBIDDEN, "charge_id",
                      _ ("Only the leader in charge of this matter can update the charge."));
      return NULL;
    }
  if (hall_stmt_int (load, 1))
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "charge_id", _ ("This charge is closed."));
      return NULL;
    }
  matter_id = hall_stmt_int (load, 2);

  if (!read_working_group (params, &group_json, error)
      || !hall_param_string (params, "plan", FALSE, LONG_TEXT_MAX, &plan, error)
      || !hall_param_date (params, "plan_date", FALSE, &plan_date, error)
      || !hall_param_string (params, "stability_measures", FALSE, LONG_TEXT_MAX, &measures, error)
      || !hall_param_object (params, "minutes", FALSE, &minutes, error)
      || !hall_param_string (params, "progress", FALSE, ENTRY_TEXT_MAX, &progress, error)
      || !hall_param_date (params, "deadline", FALSE, &deadline, error)
      || !hall_param_bool (params, "closed", FALSE, &closed, error)
      || !hall_param_string (params, "closing_note", FALSE, NOTE_MAX, &closing_note, error))
    return NULL;

  if (minutes != NULL)
    {
      g_autoptr (GError) local = NULL;

      minutes_date = ctx->today;
      if (!hall_param_date (minutes, "date", FALSE, &minutes_date, &local)
          || !hall_param_string (minutes, "text", TRUE, LONG_TEXT_MAX, &minutes_text, &local))
        {
          g_autofree char *field = g_strdup_printf ("minutes.%s", hall_error_get_field (local));
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, field, "%s", local->message);
          return NULL;
        }
      if (strcmp (minutes_date, ctx->today) > 0)
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "minutes.date",
                          _ ("A meeting cannot be minuted before it is held."));
          return NULL;
        }
    }
  if (plan_date != NULL && plan == NULL)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "plan",
                      _ ("Give the plan with its date."));
      return NULL;
    }
  if (deadline != NULL && strcmp (deadline, ctx->today) <= 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "deadline",
                      _ ("The deadline must be after today."));
      return NULL;
    }
  if (closing_note != NULL && !closed)
    {
      hall_set_error (
          error, HALL_ERROR_INVALID_ARGUMENT, "closed",
          _ ("A closing note is written when the charge is closed: close the charge as well."));
      return NULL;
    }

  if (group_json)
    json_array_add_string_element (changed, "working_group");
  if (plan)
    json_array_add_string_element (changed, "plan");
  if (measures)
    json_array_add_string_element (changed, "stability_measures");
  if (minutes_text)
    json_array_add_string_element (changed, "minutes");
  if (progress)
    json_array_add_string_element (changed, "progress");
  if (deadline)
    json_array_add_string_element (changed, "deadline");
  if (closed)
    json_array_add_string_element (changed, "closed");
  if (json_array_get_length (changed) == 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, NULL,
                      _ ("Nothing to change: fill in the working group, plan, minutes, stability "
                         "measures or progress."));
      return NULL;
    }

  update =
      hall_db_prepare (ctx->db,
                       "UPDATE leader_charge SET "
                       "working_group_json = coalesce(?2, working_group_json), "
                       "plan = coalesce(?3, plan), "
                       "plan_date = CASE WHEN ?3 IS NULL THEN plan_date ELSE coalesce(?4, ?9) END, "
                       "stability_measures = coalesce(?5, stability_measures), "
                       "deadline = coalesce(?6, deadline), "
                       "closed = ?7, closed_at = CASE WHEN ?7 THEN ?8 END, closing_note = ?10, "
                       "updated_at = ?8 WHERE id = ?1",
                       error);
  if (update == NULL)
    return NULL;
  hall_stmt_bind_int (update, 1, charge_id);
  hall_stmt_bind_text (update, 2, group_json);
  hall_stmt_bind_text (update, 3, plan);
  hall_stmt_bind_text (update, 4, plan_date);
  hall_stmt_bind_text (update, 5, measures);
  hall_stmt_bind_text (update, 6, deadline);
  hall_stmt_bind_int (update, 7, closed);
  hall_stmt_bind_int (update, 8, ctx->now);
  hall_stmt_bind_text (update, 9, ctx->today);
  hall_stmt_bind_text (update, 10, closing_note);
  if (!_hall_leader_exec (update, error))
    return NULL;

  if ((minutes_text && !add_entry (ctx, charge_id, "minutes", minutes_date, minutes_text, error))
      || (progress && !add_entry (ctx, charge_id, "progress", ctx->today, progress, error)))
    return NULL;

  if (closed && !set_charge_leader (ctx, matter_id, 0, error))
    return NULL;

  /* The timeline says what was done; the texts stay with the charge. */
  detail = json_object_new ();
  json_object_set_int_member (detail, "charge_id", charge_id);
  json_object_set_array_member (detail, "items", json_array_ref (changed));
  if (progress)
    json_object_set_string_member (detail, "progress", progress);
  if (!_hall_matter_add_timeline (ctx, matter_id, closed ? "charge_closed" : "charge_updated",
                                  detail, error))
    return NULL;

  payload = json_object_new ();
  json_object_set_int_member (payload, "charge_id", charge_id);
  json_object_set_int_member (payload, "matter_id", matter_id);
  json_object_set_int_member (payload, "leader_user_id", ctx->actor->user_id);
  json_object_set_boolean_member (payload, "closed", closed);
  if (!hall_ctx_emit (ctx, "leader.charge_updated", payload, error))
    return NULL;
  if (closed && !_hall_matter_emit (ctx, "matter.changed", matter_id, error))
    return NULL;

  return describe_charge (ctx, charge_id, error);
}

/* ---- leader.charges, leader.charge_get -------------------------------------------------- */

JsonObject *
_hall_leader_charges (HallCtx    *ctx,
                      JsonObject *params,
                      GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  gint64      leader_user_id = 0;
  gboolean    include_closed = FALSE;
  JsonArray  *rows;
  JsonObject *result;

  if (!hall_param_int (params, "leader_user_id", FALSE, 1, G_MAXINT64, &leader_user_id, error)
      || !hall_param_bool (params, "include_closed", FALSE, &include_closed, error))
    return NULL;
  /* A leader sees their own charges unless they ask for another's; the manager the whole hall. */
  if (leader_user_id == 0 && hall_ctx_is (ctx, HALL_ROLE_LEADER))
    leader_user_id = ctx->actor->user_id;

  stmt = hall_db_prepare (
      ctx->db,
      "SELECT c.id, c.matter_id, m.number AS matter_number, m.state AS matter_state, "
      "m.handling_due, c.leader_user_id, a.display_name AS leader_name, c.charged_at, "
      "c.deadline, c.closed, c.updated_at, "
      "(SELECT count(*) FROM leader_charge_entry x WHERE x.charge_id = c.id "
      " AND x.kind = 'minutes') AS minutes_count, "
      "(SELECT max(x.at) FROM leader_charge_entry x WHERE x.charge_id = c.id "
      " AND x.kind = 'progress') AS last_progress_at, " CHECKLIST_COLUMNS
      "FROM leader_charge c JOIN matter m ON m.id = c.matter_id "
      "JOIN account a ON a.id = c.leader_user_id "
      "WHERE (?1 = 0 OR c.leader_user_id = ?1) AND (?2 OR c.closed = 0) "
      "ORDER BY c.closed, c.deadline IS NULL, c.deadline, c.id LIMIT ?3",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, leader_user_id);
  hall_stmt_bind_int (stmt, 2, include_closed);
  hall_stmt_bind_int (stmt, 3, LIST_MAX);
  rows = hall_stmt_all_objects (stmt, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      fold_checklist (row);
      _hall_leader_add_days_left (ctx, row, "deadline");
    }

  result = json_object_new ();
  json_object_set_array_member (result, "charges", rows);
  return result;
}

JsonObject *
_hall_leader_charge_get (HallCtx    *ctx,
                         JsonObject *params,
                         GError    **error)
{
  gint64 charge_id;

  if (!hall_param_int (params, "charge_id", TRUE, 1, G_MAXINT64, &charge_id, error))
    return NULL;
  hall_ctx_set_object (ctx, "leader_charge", charge_id);
  return describe_charge (ctx, charge_id, error);
}
