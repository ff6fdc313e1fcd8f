/* hall-followup.c — 回访核实: the follow-up list and what puts an item on it
 *
 * Every closed matter and every matter a leader received is called back (回访) within the hall's
 * followup_days working days; so is a visitor who rated a window 不满意 on its pad: on the matter
 * when the ticket became one, otherwise on the ticket itself. One row of followup is one round;
 * a matter has at most one round open at a time. The calls and the on-site check are in
 * hall-followup-call.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-followup"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-followup-private.h"

#define LIST_MAX 500

static const char *const views[] = { "due", "overdue", "open", "check", "done", "all", NULL };

/* The columns of an item as the list shows it; ?1 is today. */
#define ITEM_SELECT                                                                             \
  "SELECT f.id, f.matter_id, m.number, m.state AS matter_state, f.ticket_id, "                  \
  "t.code AS ticket_code, f.rating_id, f.source, f.department_id, d.name AS department, "       \
  "f.listed_date, f.due_date, (f.state = 'open' AND f.due_date < ?1) AS overdue, "              \
  "(f.state = 'open' AND f.due_date = ?1) AS due_today, f.state, f.attempts, "                  \
  "f.check_person, f.check_due, f.finding, f.finding_text, f.finding_date, f.rectify_due, "     \
  "f.ended_date, p.name AS petitioner_name, p.phone, "                                          \
  "c.result AS last_result, c.satisfaction AS last_satisfaction, c.accepts AS last_accepts, "   \
  "c.called_date AS last_called_date, c.note AS last_note "                                     \
  "FROM followup f LEFT JOIN matter m ON m.id = f.matter_id "                                   \
  "LEFT JOIN ticket t ON t.id = f.ticket_id JOIN department d ON d.id = f.department_id "       \
  "LEFT JOIN petitioner p ON p.id = coalesce ((SELECT mp.petitioner_id FROM matter_petitioner " \
  "  mp WHERE mp.matter_id = f.matter_id ORDER BY mp.sort, mp.petitioner_id LIMIT 1), "         \
  "  t.petitioner_id) "                                                                         \
  "LEFT JOIN followup_call c ON c.id = (SELECT max (c2.id) FROM followup_call c2 "              \
  "  WHERE c2.followup_id = f.id) "

#define IN_VIEW                                                                  \
  "(CASE ?2 WHEN 'due' THEN f.state = 'open' AND f.due_date <= ?1 "              \
  "WHEN 'overdue' THEN f.state = 'open' AND f.due_date < ?1 "                    \
  "WHEN 'open' THEN f.state = 'open' "                                           \
  "WHEN 'check' THEN f.state IN ('check', 'rectifying') "                        \
  "WHEN 'done' THEN f.state IN ('done', 'unreachable', 'refused', 'rectified') " \
  "ELSE 1 END)"

#define FILTERS                           \
  "(?3 IS NULL OR f.department_id = ?3) " \
  "AND (?4 IS NULL OR f.due_date >= ?4) AND (?5 IS NULL OR f.due_date <= ?5)"

/* ---- settings and the list's rows ----------------------------------------------------------- */

gint64
_hall_followup_setting (HallCtx    *ctx,
                        const char *key,
                        gint64      fallback)
{
  g_autoptr (HallStmt) stmt =
      hall_db_prepare (ctx->db, "SELECT value FROM hall_setting WHERE key = ?1", NULL);
  gint64 value = fallback;

  if (stmt == NULL)
    return fallback;
  hall_stmt_bind_text (stmt, 1, key);
  if (hall_stmt_step (stmt, NULL) == SQLITE_ROW)
    value = g_ascii_strtoll (hall_stmt_text (stmt, 0), NULL, 10);
  return value > 0 ? value : fallback;
}

/* ?1 today, ?3 the department, ?4 and ?5 the due dates' bounds (NULL for none). */
static void
bind_filters (HallStmt   *stmt,
              HallCtx    *ctx,
              gint64      department_id,
              const char *from,
              const char *to)
{
  hall_stmt_bind_text (stmt, 1, ctx->today);
  hall_stmt_bind_id (stmt, 3, department_id);
  hall_stmt_bind_text (stmt, 4, from);
  hall_stmt_bind_text (stmt, 5, to);
}

/* Who may see the petitioner's name and phone on the list: those who call and the leaders. */
static void
strip_personal (HallCtx    *ctx,
                JsonObject *row)
{
  if (hall_ctx_is (ctx, HALL_ROLE_SYSTEM | HALL_ROLE_STAFF | HALL_ROLE_MANAGER | HALL_ROLE_LEADER))
    return;
  json_object_set_null_member (row, "petitioner_name");
  json_object_set_null_member (row, "phone");
}

JsonObject *
_hall_followup_get (HallCtx *ctx,
                    gint64   followup_id,
                    GError **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, ITEM_SELECT "WHERE f.id = ?6", error);
  JsonObject *row;

  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, 1, ctx->today);
  hall_stmt_bind_int (stmt, 6, followup_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      row = hall_stmt_row_object (stmt);
      strip_personal (ctx, row);
      return row;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "followup_id",
                      _ ("There is no such follow-up."));
      return NULL;
    default:
      return NULL;
    }
}

JsonObject *
_hall_followup_require (HallCtx *ctx,
                        gint64   followup_id,
                        GError **error)
{
  g_autoptr (JsonObject) item = NULL;

  hall_ctx_set_object (ctx, "followup", followup_id);
  item = _hall_followup_get (ctx, followup_id, error);
  if (item == NULL)
    return NULL;
  if (hall_ctx_is (ctx, HALL_ROLE_STAFF)
      && json_object_get_int_member (item, "department_id") != ctx->actor->department_id)
    {
      hall_set_error (error, HALL_ERROR_FORBIDDEN, "followup_id",
                      _ ("This follow-up belongs to another department."));
      return NULL;
    }
  return g_steal_pointer (&item);
}

gboolean
_hall_followup_emit (HallCtx    *ctx,
                     JsonObject *item,
                     const char *state,
                     GError    **error)
{
  JsonObject *payload = json_object_new ();
  JsonNode   *matter = json_object_get_member (item, "matter_id");

  json_object_set_int_member (payload, "followup_id", json_object_get_int_member (item, "id"));
  if (matter != NULL && !JSON_NODE_HOLDS_NULL (matter))
    json_object_set_int_member (payload, "matter_id", json_node_get_int (matter));
  else
    json_object_set_null_member (payload, "matter_id");
  json_object_set_string_member (payload, "state", state);
  json_object_set_int_member (payload, "department_id",
                              json_object_get_int_member (item, "department_id"));
  return hall_ctx_emit (ctx, "followup.changed", payload, error) != 0;
}

/* ---- putting an item on the list ------------------------------------------------------------ */

static gboolean
insert_item (HallCtx    *ctx,
             gint64      matter_id,
             gint64      ticket_id,
             gint64      rating_id,
             const char *source,
             gint64      department_id,
             GError    **error)
{
  g_autofree char *due = NULL;
  g_autoptr (HallStmt) insert = NULL;
  g_autoptr (JsonObject) item = json_object_new ();

  due = _hall_calendar_add_working_days (
      ctx, ctx->today,
      (int) _hall_followup_setting (ctx, "followup_days", HALL_FOLLOWUP_DAYS_DEFAULT), error);
  if (due == NULL)
    return FALSE;
  insert = hall_db_prepare (ctx->db,
                            "INSERT INTO followup (matter_id, ticket_id, rating_id, source, "
                            "department_id, listed_date, due_date, created_at, updated_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
                            error);
  if (insert == NULL)
    return FALSE;
  hall_stmt_bind_id (insert, 1, matter_id);
  hall_stmt_bind_id (insert, 2, ticket_id);
  hall_stmt_bind_id (insert, 3, rating_id);
  hall_stmt_bind_text (insert, 4, source);
  hall_stmt_bind_int (insert, 5, department_id);
  hall_stmt_bind_text (insert, 6, ctx->today);
  hall_stmt_bind_text (insert, 7, due);
  hall_stmt_bind_int (insert, 8, ctx->now);
  if (hall_stmt_step (insert, error) != SQLITE_DONE)
    return FALSE;

  json_object_set_int_member (item, "id", hall_db_last_insert_id (ctx->db));
  if (matter_id)
    json_object_set_int_member (item, "matter_id", matter_id);
  json_object_set_int_member (item, "department_id", department_id);
  return _hall_followup_emit (ctx, item, "open", error);
}

gboolean
_hall_followup_enqueue_matter (HallCtx    *ctx,
                               gint64      matter_id,
                               const char *source,
                               GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  gint64 department_id;

  stmt = hall_db_prepare (ctx->db,
                          "SELECT m.department_id, EXISTS (SELECT 1 FROM followup f "
                          "  WHERE f.matter_id = m.id AND f.state IN ('open', 'check', "
                          "  'rectifying')) FROM matter m WHERE m.id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, matter_id);
  if (hall_stmt_step (stmt, error) != SQLITE_ROW)
    {
      if (error != NULL && *error == NULL)
        hall_set_error (error, HALL_ERROR_NOT_FOUND, "matter_id", _ ("There is no such matter."));
      return FALSE;
    }
  if (hall_stmt_int (stmt, 1))
    return TRUE;
  department_id = hall_stmt_int (stmt, 0);
  g_clear_pointer (&stmt, hall_stmt_release);
  return insert_item (ctx, matter_id, 0, 0, source, department_id, error);
}

gboolean
_hall_followup_enqueue_rating (HallCtx *ctx,
                               gint64   rating_id,
                               gint64   ticket_id,
                               GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  gint64 matter_id, department_id;

  stmt = hall_db_prepare (ctx->db, "SELECT matter_id, department_id FROM ticket WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, ticket_id);
  if (hall_stmt_step (stmt, error) != SQLITE_ROW)
    return FALSE;
  matter_id = hall_stmt_int (stmt, 0);
  department_id = hall_stmt_int (stmt, 1);
  g_clear_pointer (&stmt, hall_stmt_release);
  if (matter_id != 0)
    return _hall_followup_enqueue_matter (ctx, matter_id, "rating", error);
  return insert_item (ctx, 0, ticket_id, rating_id, "rating", department_id, error);
}

gboolean
_hall_followup_after_reply (HallCtx *ctx,
                            gint64   matter_id,
                            GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (JsonObject) item = NULL;

  stmt = hall_db_prepare (ctx->db,
                          "SELECT id, department_id FROM followup "
                          "WHERE matter_id = ?1 AND state = 'rectifying'",
                          error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, matter_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      item = hall_stmt_row_object (stmt);
      break;
    case SQLITE_DONE:
      return TRUE;
    default:
      return FALSE;
    }
  g_clear_pointer (&stmt, hall_stmt_release);

  stmt = hall_db_prepare (ctx->db,
                          "UPDATE followup SET state = 'rectified', ended_date = ?2, "
                          "updated_at = ?3 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, json_object_get_int_member (item, "id"));
  hall_stmt_bind_text (stmt, 2, ctx->today);
  hall_stmt_bind_int (stmt, 3, ctx->now);
  if (hall_stmt_step (stmt, error) != SQLITE_DONE)
    return FALSE;
  json_object_set_int_member (item, "matter_id", matter_id);
  if (!_hall_followup_emit (ctx, item, "rectified", error))
    return FALSE;
  return _hall_followup_enqueue_matter (ctx, matter_id, "rectified", error);
}

gboolean
_hall_followup_latest_dissatisfied (HallDb   *db,
                                    gint64    matter_id,
                                    gboolean *dissatisfied,
                                    GError  **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (db,
                                               "SELECT satisfaction FROM followup_call "
                                               "WHERE matter_id = ?1 AND result = 'reached' "
                                               "ORDER BY called_at DESC, id DESC LIMIT 1",
                                               error);

  *dissatisfied = FALSE;
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, matter_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      *dissatisfied = g_strcmp0 (hall_stmt_text (stmt, 0), "dissatisfied") == 0;
      return TRUE;
    case SQLITE_DONE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* ---- followup.list -------------------------------------------------------------------------- */

static JsonObject *
followup_list (HallCtx    *ctx,
               JsonObject *params,
               GError    **error)
{
  const char *view = "due", *from = NULL, *to = NULL;
  gint64      department_id = 0;
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (HallStmt) counts = NULL;
  g_autoptr (JsonObject) result = json_object_new ();
  JsonObject *count_object;
  JsonArray  *rows;

  if (!hall_param_enum (params, "view", FALSE, views, &view, error)
      || !hall_param_int (params, "department_id", FALSE, 1, G_MAXINT64, &department_id, error)
      || !hall_param_date (params, "from", FALSE, &from, error)
      || !hall_param_date (params, "to", FALSE, &to, error))
    return NULL;
  if (from != NULL && to != NULL && g_strcmp0 (from, to) > 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "to",
                      _ ("Must not be before the start date."));
      return NULL;
    }
  /* Window staff call their own department's list. */
  if (hall_ctx_is (ctx, HALL_ROLE_STAFF))
    {
      if (department_id != 0 && department_id != ctx->actor->department_id)
        {
          hall_set_error (error, HALL_ERROR_FORBIDDEN, "department_id",
                          _ ("Window staff see only their own department’s follow-ups."));
          return NULL;
        }
      department_id = ctx->actor->department_id;
    }

  stmt = hall_db_prepare (ctx->db,
                          ITEM_SELECT "WHERE " IN_VIEW " AND " FILTERS
                                      " ORDER BY f.due_date, f.id LIMIT ?6",
                          error);
  if (stmt == NULL)
    return NULL;
  bind_filters (stmt, ctx, department_id, from, to);
  hall_stmt_bind_text (stmt, 2, view);
  hall_stmt_bind_int (stmt, 6, LIST_MAX);
  if ((rows = hall_stmt_all_objects (stmt, error)) == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (rows); i++)
    strip_personal (ctx, json_array_get_object_element (rows, i));
  json_object_set_array_member (result, "items", rows);

  counts = hall_db_prepare (
      ctx->db,
      "SELECT coalesce (sum (f.state = 'open' AND f.due_date <= ?1), 0) AS due, "
      "coalesce (sum (f.state = 'open' AND f.due_date < ?1), 0) AS overdue, "
      "coalesce (sum (f.state = 'open'), 0) AS open, "
      "coalesce (sum (f.state IN ('check', 'rectifying')), 0) AS \"check\", "
      "coalesce (sum (f.state IN ('done', 'unreachable', 'refused', 'rectified')), 0) AS done "
      "FROM followup f WHERE " FILTERS,
      error);
  if (counts == NULL)
    return NULL;
  bind_filters (counts, ctx, department_id, from, to);
  if (hall_stmt_step (counts, error) != SQLITE_ROW)
    return NULL;
  count_object = hall_stmt_row_object (counts);
  json_object_set_object_member (result, "counts", count_object);
  json_object_set_string_member (result, "view", view);
  json_object_set_string_member (result, "today", ctx->today);
  return g_steal_pointer (&result);
}

/* Roles (docs/api.md, "Follow-up"): the responsible department's window staff and the managers
 * call; the leaders read and send someone to check; the administrators read, without names. */
const HallCommand _hall_followup_commands[] = {
  { "followup.list", followup_list,
    HALL_ROLE_STAFF | HALL_ROLE_MANAGER | HALL_ROLE_LEADER | HALL_ROLE_ADMIN,
    HALL_COMMAND_AUDITED },
  { "followup.record", _hall_followup_record, HALL_ROLE_STAFF | HALL_ROLE_MANAGER,
    HALL_COMMAND_WRITE },
  { "followup.check_assign", _hall_followup_check_assign, HALL_ROLE_MANAGER | HALL_ROLE_LEADER,
    HALL_COMMAND_WRITE },
  { "followup.check_finding", _hall_followup_check_finding, HALL_ROLE_MANAGER | HALL_ROLE_LEADER,
    HALL_COMMAND_WRITE },
  { NULL }
};
