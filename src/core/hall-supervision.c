/* hall-supervision.c — the week's forecast of matters turning overdue, 约谈 and 通报
 *
 * leader.forecast: every open matter whose time limit ends within the next 7 days (it turns
 * overdue on one of them), by department, with the rules that flagged it.
 * leader.talk, leader.talks: a leader's talk with a department's head (约谈) or notice to every
 * department (通报) (条例 40), each linked to the matters it concerns, which show it in their
 * timelines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-supervision"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-commands-private.h"
#include "hall-engine.h"
#include "hall-leader-private.h"
#include "hall-matter-private.h"
#include "hall-matter-timeline-private.h"
#include "hall-supervision-private.h"

#define FORECAST_DAYS 7
#define SUBJECT_MAX 200
#define CONTENT_MAX 4000
#define TALK_MATTERS_MAX 50
#define LIST_MAX 200

static const char *const talk_kinds[] = { "talk", "notice", NULL };

/* ---- leader.forecast --------------------------------------------------------------------- */

static JsonObject *
department_group (GHashTable *groups,
                  JsonArray  *order,
                  JsonObject *row)
{
  gint64      department_id = json_object_get_int_member (row, "department_id");
  JsonObject *group = g_hash_table_lookup (groups, &department_id);

  if (group == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = department_id;
      group = json_object_new ();
      json_object_set_int_member (group, "department_id", department_id);
      json_object_set_string_member (group, "department_name",
                                     json_object_get_string_member (row, "department_name"));
      json_object_set_array_member (group, "matters", json_array_new ());
      json_array_add_object_element (order, group);
      g_hash_table_insert (groups, key, group);
    }
  return group;
}

static JsonObject *
leader_forecast (HallCtx    *ctx,
                 JsonObject *params,
                 GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (JsonArray) rows = NULL;
  g_autoptr (GHashTable) groups = NULL;
  g_autofree char *last_due = NULL;
  g_autofree char *until = _hall_leader_date_add (ctx->today, FORECAST_DAYS);
  JsonArray       *departments;
  JsonObject      *result;

  /* Due on one of today … today + 6: overdue on one of the next 7 days. */
  last_due = _hall_leader_date_add (ctx->today, FORECAST_DAYS - 1);
  stmt = hall_db_prepare (
      ctx->db,
      "SELECT c.matter_id, m.number AS matter_number, m.state AS matter_state, c.clock, "
      "MIN(c.due) AS due, m.department_id, d.name AS department_name, m.supervised, "
      "(SELECT json_group_array(json_object('supervision_id', s.id, 'rule', s.rule, "
      "'note', s.note, 'at', s.at)) FROM leader_supervision s "
      "WHERE s.matter_id = c.matter_id AND s.resolved = 0 AND s.rule IS NOT NULL) AS rules_json "
      "FROM matter_clock c JOIN matter m ON m.id = c.matter_id "
      "JOIN department d ON d.id = m.department_id "
      "WHERE c.clock <> 'objection' AND c.due BETWEEN ?1 AND ?2 "
      "GROUP BY c.matter_id ORDER BY d.sort, d.id, due, c.matter_id",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, 1, ctx->today);
  hall_stmt_bind_text (stmt, 2, last_due);
  rows = hall_stmt_all_objects (stmt, error);
  if (rows == NULL)
    return NULL;

  departments = json_array_new ();
  groups = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject      *row = json_array_get_object_element (rows, i);
      JsonObject      *group = department_group (groups, departments, row);
      g_autofree char *turns = _hall_leader_date_add (json_object_get_string_member (row, "due"), 1);

      _hall_leader_add_days_left (ctx, row, "due");
      json_object_set_string_member (row, "overdue_from", turns);
      json_object_set_boolean_member (row, "supervised",
                                      json_object_get_int_member (row, "supervised") != 0);
      json_object_remove_member (row, "department_name");
      json_array_add_object_element (json_object_get_array_member (group, "matters"),
                                     json_object_ref (row));
    }
  for (guint i = 0; i < json_array_get_length (departments); i++)
    {
      JsonObject *group = json_array_get_object_element (departments, i);

      json_object_set_int_member (
          group, "count", json_array_get_length (json_object_get_array_member (group, "matters")));
    }

  result = json_object_new ();
  json_object_set_string_member (result, "date", ctx->today);
  json_object_set_string_member (result, "until", until);
  json_object_set_int_member (result, "count", json_array_get_length (rows));
  json_object_set_array_member (result, "departments", departments);
  return result;
}

/* ---- leader.talk, leader.talks ----------------------------------------------------------- */

static JsonArray *
list_talks (HallCtx *ctx,
            gint64   talk_id,
            gint64   matter_id,
            GError **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (
      ctx->db,
      "SELECT t.id, t.kind, t.date, t.leader_user_id, a.display_name AS leader_name, "
      "t.department_id, d.name AS department_name, t.subject, t.content, t.created_at, "
      "(SELECT json_group_array(json_object('matter_id', m.id, 'matter_number', m.number)) "
      "FROM leader_talk_matter l JOIN matter m ON m.id = l.matter_id WHERE l.talk_id = t.id) "
      "AS matters_json "
      "FROM leader_talk t JOIN account a ON a.id = t.leader_user_id "
      "LEFT JOIN department d ON d.id = t.department_id "
      "WHERE (?1 = 0 OR t.id = ?1) AND (?2 = 0 OR EXISTS (SELECT 1 FROM leader_talk_matter l "
      "WHERE l.talk_id = t.id AND l.matter_id = ?2)) "
      "ORDER BY t.date DESC, t.id DESC LIMIT ?3",
      error);

  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, talk_id);
  hall_stmt_bind_int (stmt, 2, matter_id);
  hall_stmt_bind_int (stmt, 3, LIST_MAX);
  return hall_stmt_all_objects (stmt, error);
}

static gboolean
require_department (HallCtx *ctx,
                    gint64   department_id,
                    char   **name,
                    GError **error)
{
  g_autoptr (HallStmt) stmt =
      hall_db_prepare (ctx->db, "SELECT name FROM department WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, department_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      *name = g_strdup (hall_stmt_text (stmt, 0));
      return TRUE;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "department_id",
                      _ ("There is no such department."));
      return FALSE;
    default:
      return FALSE;
    }
}

static gboolean
link_matter (HallCtx    *ctx,
             gint64      talk_id,
             gint64      matter_id,
             JsonObject *detail,
             GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (JsonObject) matter = _hall_matter_load (ctx, matter_id, "matter_ids", error);

  if (matter == NULL)
    return FALSE;
  stmt = hall_db_prepare (
      ctx->db, "INSERT OR IGNORE INTO leader_talk_matter (talk_id, matter_id) VALUES (?1, ?2)",
      error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, talk_id);
  hall_stmt_bind_int (stmt, 2, matter_id);
  if (!_hall_leader_exec (stmt, error))
    return FALSE;
  if (hall_db_changes (ctx->db) == 0)
    return TRUE;
  return _hall_matter_add_timeline (ctx, matter_id, "talk", detail, error)
         && _hall_matter_emit (ctx, "matter.changed", matter_id, error);
}

static JsonObject *
leader_talk (HallCtx    *ctx,
             JsonObject *params,
             GError    **error)
{
  g_autoptr (HallStmt) insert = NULL;
  g_autoptr (JsonObject) detail = NULL;
  g_autoptr (JsonArray) talks = NULL;
  g_autofree char *department_name = NULL;
  const char      *kind = NULL, *date = NULL, *subject = NULL, *content = NULL;
  JsonArray       *matter_ids = NULL;
  gint64           department_id = 0, talk_id;
  JsonObject      *payload, *result;

  if (!hall_param_enum (params, "kind", TRUE, talk_kinds, &kind, error)
      || !hall_param_date (params, "date", TRUE, &date, error)
      || !hall_param_int (params, "department_id", FALSE, 1, G_MAXINT64, &department_id, error)
      || !hall_param_string (params, "subject", TRUE, SUBJECT_MAX, &subject, error)
      || !hall_param_string (params, "content", TRUE, CONTENT_MAX, &content, error)
      || !hall_param_array (params, "matter_ids", FALSE, TALK_MATTERS_MAX, &matter_ids, error))
    return NULL;
  if (strcmp (date, ctx->today) > 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "date",
                      _ ("A talk or notice is recorded after it took place: the date cannot be "
                         "in the future."));
      return NULL;
    }
  if (g_str_equal (kind, "talk") && department_id == 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "department_id",
                      _ ("Choose the department whose head was talked to."));
      return NULL;
    }
  if (g_str_equal (kind, "notice") && department_id != 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "department_id",
                      _ ("A notice goes to every department: leave the department empty."));
      return NULL;
    }
  if (department_id != 0 && !require_department (ctx, department_id, &department_name, error))
    return NULL;
  for (guint i = 0; matter_ids != NULL && i < json_array_get_length (matter_ids); i++)
    {
      JsonNode *node = json_array_get_element (matter_ids, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64
          || json_node_get_int (node) <= 0)
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "matter_ids",
                          _ ("Must be a list of matters."));
          return NULL;
        }
    }

  insert = hall_db_prepare (ctx->db,
                            "INSERT INTO leader_talk (kind, date, leader_user_id, department_id, "
                            "subject, content, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                            error);
  if (insert == NULL)
    return NULL;
  hall_stmt_bind_text (insert, 1, kind);
  hall_stmt_bind_text (insert, 2, date);
  hall_stmt_bind_int (insert, 3, ctx->actor->user_id);
  hall_stmt_bind_id (insert, 4, department_id);
  hall_stmt_bind_text (insert, 5, subject);
  hall_stmt_bind_text (insert, 6, content);
  hall_stmt_bind_int (insert, 7, ctx->now);
  if (!_hall_leader_exec (insert, error))
    return NULL;
  talk_id = hall_db_last_insert_id (ctx->db);
  g_clear_pointer (&insert, hall_stmt_release);
  hall_ctx_set_object (ctx, "talk", talk_id);

  detail = json_object_new ();
  json_object_set_int_member (detail, "talk_id", talk_id);
  json_object_set_string_member (detail, "kind", kind);
  json_object_set_string_member (detail, "date", date);
  json_object_set_string_member (detail, "subject", subject);
  if (department_name != NULL)
    json_object_set_string_member (detail, "department_name", department_name);
  for (guint i = 0; matter_ids != NULL && i < json_array_get_length (matter_ids); i++)
    if (!link_matter (ctx, talk_id, json_array_get_int_element (matter_ids, i), detail, error))
      return NULL;

  payload = json_object_new ();
  json_object_set_int_member (payload, "talk_id", talk_id);
  json_object_set_string_member (payload, "talk_kind", kind);
  if (!hall_ctx_emit (ctx, "leader.talk", payload, error))
    return NULL;

  talks = list_talks (ctx, talk_id, 0, error);
  if (talks == NULL)
    return NULL;
  result = json_object_new ();
  json_object_set_object_member (result, "talk",
                                 json_object_ref (json_array_get_object_element (talks, 0)));
  return result;
}

static JsonObject *
leader_talks (HallCtx    *ctx,
              JsonObject *params,
              GError    **error)
{
  gint64      matter_id = 0;
  JsonArray  *talks;
  JsonObject *result;

  if (!hall_param_int (params, "matter_id", FALSE, 1, G_MAXINT64, &matter_id, error))
    return NULL;
  talks = list_talks (ctx, 0, matter_id, error);
  if (talks == NULL)
    return NULL;
  result = json_object_new ();
  json_object_set_array_member (result, "talks", talks);
  return result;
}

const HallCommand _hall_supervision_commands[] = {
  /* Only the hall itself: the scheduler of the process that owns it. */
  { "supervision.evaluate", _hall_supervision_evaluate_cmd, 0, HALL_COMMAND_WRITE },
  { "leader.forecast", leader_forecast, HALL_ROLE_LEADER | HALL_ROLE_MANAGER, HALL_COMMAND_READ },
  { "leader.talk", leader_talk, HALL_ROLE_LEADER, HALL_COMMAND_WRITE },
  { "leader.talks", leader_talks, HALL_ROLE_LEADER | HALL_ROLE_MANAGER | HALL_ROLE_ADMIN,
    HALL_COMMAND_READ },
  { NULL }
};
