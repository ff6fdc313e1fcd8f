/* hall-leader-outreach.c — 下访 (a leader goes out to petitioners) and 约访 (a leader invites
 * them): leader.outreach_record, leader.outreach_update, leader.outreach_list
 *
 * A record of its own, with the date, the place, the leader, the persons met and the matters
 * talked about; stats.summary counts it. Leaders and managers record it; admins read it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-leader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-leader-private.h"

#define MAX_MATTERS 50

static const char *const kinds[] = { "visit", "invite", NULL };

typedef struct
{
  const char *kind, *date, *place, *note;
  gint64      leader_user_id, persons;
  JsonArray  *matters;
} Outreach;

static gboolean
read_outreach (HallCtx    *ctx,
               JsonObject *params,
               gboolean    required,
               Outreach   *o,
               GError    **error)
{
  if (!hall_param_enum (params, "kind", required, kinds, &o->kind, error)
      || !hall_param_date (params, "date", required, &o->date, error)
      || !hall_param_string (params, "place", required, HALL_PARAM_LINE_MAX, &o->place, error)
      || !hall_param_int (params, "leader_user_id", FALSE, 1, G_MAXINT64, &o->leader_user_id,
                          error)
      || !hall_param_int (params, "persons", FALSE, 1, 9999, &o->persons, error)
      || !hall_param_string (params, "note", FALSE, 2000, &o->note, error)
      || !hall_param_array (params, "matter_ids", FALSE, MAX_MATTERS, &o->matters, error))
    return FALSE;
  if (o->date != NULL && strcmp (o->date, ctx->today) > 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "date",
                      _ ("Record a visit or an invitation once it has taken place."));
      return FALSE;
    }
  if (o->leader_user_id != 0
      && !_hall_leader_require_leader (ctx, o->leader_user_id, "leader_user_id", error))
    return FALSE;
  return TRUE;
}

/* Replaces the matters of outreach @id with @matters (ids of matters that exist). */
static gboolean
set_matters (HallCtx   *ctx,
             gint64     id,
             JsonArray *matters,
             GError   **error)
{
  g_autoptr (HallStmt) del = NULL;
  g_autoptr (HallStmt) add = NULL;

  del = hall_db_prepare (ctx->db, "DELETE FROM leader_outreach_matter WHERE outreach_id = ?1",
                         error);
  if (!(del != NULL && (hall_stmt_bind_int (del, 1, id), _hall_leader_exec (del, error))))
    return FALSE;
  add = hall_db_prepare (ctx->db,
                         "INSERT OR IGNORE INTO leader_outreach_matter (outreach_id, matter_id) "
                         "SELECT ?1, id FROM matter WHERE id = ?2 RETURNING matter_id",
                         error);
  if (add == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (matters); i++)
    {
      JsonNode        *node = json_array_get_element (matters, i);
      g_autofree char *field = g_strdup_printf ("matter_ids[%u]", i);
      int              rc;

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, field, _ ("Give a matter's id."));
          return FALSE;
        }
      sqlite3_reset (add);
      hall_stmt_bind_int (add, 1, id);
      hall_stmt_bind_int (add, 2, json_node_get_int (node));
      rc = hall_stmt_step (add, error);
      if (rc == 0)
        return FALSE;
      /* no row: no such matter, or the same one listed twice */
      if (rc == SQLITE_DONE)
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, field,
                          _ ("There is no such matter, or it is listed twice."));
          return FALSE;
        }
      while (rc == SQLITE_ROW)
        rc = hall_stmt_step (add, error);
    }
  return TRUE;
}

#define COLUMNS                                                                                \
  "o.id, o.kind, o.date, o.place, o.leader_user_id, "                                          \
  "(SELECT display_name FROM account WHERE id = o.leader_user_id) AS leader_name, o.persons, " \
  "o.note, (SELECT json_group_array (om.matter_id) FROM leader_outreach_matter om "            \
  "         WHERE om.outreach_id = o.id) AS matter_ids_json, o.created_at, o.updated_at "

static JsonObject *
emit (HallCtx    *ctx,
      const char *kind,
      gint64      id,
      GError    **error)
{
  JsonObject *payload = json_object_new ();
  g_autoptr (HallStmt) stmt = NULL;

  json_object_set_int_member (payload, "outreach_id", id);
  hall_ctx_set_object (ctx, "leader_outreach", id);
  if (!hall_ctx_emit (ctx, kind, payload, error))
    return NULL;
  stmt = hall_db_prepare (ctx->db, "SELECT " COLUMNS "FROM leader_outreach o WHERE o.id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, id);
  if (hall_stmt_step (stmt, error) != SQLITE_ROW)
    return NULL;
  return hall_stmt_row_object (stmt);
}

static JsonObject *
outreach_record (HallCtx    *ctx,
                 JsonObject *params,
                 GError    **error)
{
  Outreach o = { 0 };
  g_autoptr (HallStmt) stmt = NULL;
  gint64 id;

  o.persons = 1;
  if (!read_outreach (ctx, params, TRUE, &o, error))
    return NULL;
  if (o.leader_user_id == 0)
    {
      if (!hall_ctx_is (ctx, HALL_ROLE_LEADER))
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "leader_user_id",
                          _ ("Choose the leader who went or invited."));
          return NULL;
        }
      o.leader_user_id = ctx->actor->user_id;
    }
  stmt = hall_db_prepare (ctx->db,
                          "INSERT INTO leader_outreach (kind, date, place, leader_user_id, "
                          "persons, note, created_at, created_by, updated_at) "
                          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7)",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, 1, o.kind);
  hall_stmt_bind_text (stmt, 2, o.date);
  hall_stmt_bind_text (stmt, 3, o.place);
  hall_stmt_bind_int (stmt, 4, o.leader_user_id);
  hall_stmt_bind_int (stmt, 5, o.persons);
  hall_stmt_bind_text (stmt, 6, o.note);
  hall_stmt_bind_int (stmt, 7, ctx->now);
  hall_stmt_bind_int (stmt, 8, ctx->actor->user_id);
  if (!_hall_leader_exec (stmt, error))
    return NULL;
  id = hall_db_last_insert_id (ctx->db);
  if (o.matters != NULL && !set_matters (ctx, id, o.matters, error))
    return NULL;
  return emit (ctx, "leader.outreach_recorded", id, error);
}

static JsonObject *
outreach_update (HallCtx    *ctx,
                 JsonObject *params,
                 GError    **error)
{
  Outreach o = { 0 };
  gint64   id = 0;
  g_autoptr (HallStmt) stmt = NULL;

  if (!hall_param_int (params, "id", TRUE, 1, G_MAXINT64, &id, error)
      || !read_outreach (ctx, params, FALSE, &o, error))
    return NULL;
  stmt = hall_db_prepare (ctx->db,
                          "UPDATE leader_outreach SET kind = coalesce (?2, kind), "
                          "date = coalesce (?3, date), place = coalesce (?4, place), "
                          "leader_user_id = coalesce (?5, leader_user_id), "
                          "persons = coalesce (?6, persons), note = coalesce (?7, note), "
                          "updated_at = ?8 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, id);
  hall_stmt_bind_text (stmt, 2, o.kind);
  hall_stmt_bind_text (stmt, 3, o.date);
  hall_stmt_bind_text (stmt, 4, o.place);
  hall_stmt_bind_id (stmt, 5, o.leader_user_id);
  hall_stmt_bind_id (stmt, 6, o.persons);
  hall_stmt_bind_text (stmt, 7, o.note);
  hall_stmt_bind_int (stmt, 8, ctx->now);
  if (!_hall_leader_exec (stmt, error))
    return NULL;
  if (hall_db_changes (ctx->db) == 0)
    {
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "id", _ ("There is no such record."));
      return NULL;
    }
  if (o.matters != NULL && !set_matters (ctx, id, o.matters, error))
    return NULL;
  return emit (ctx, "leader.outreach_updated", id, error);
}

static JsonObject *
outreach_list (HallCtx    *ctx,
               JsonObject *params,
               GError    **error)
{
  const char *from = NULL, *to = NULL;
  g_autoptr (HallStmt) stmt = NULL;
  JsonArray  *rows;
  JsonObject *result;

  if (!hall_param_date (params, "from", TRUE, &from, error)
      || !hall_param_date (params, "to", TRUE, &to, error))
    return NULL;
  stmt = hall_db_prepare (ctx->db,
                          "SELECT " COLUMNS "FROM leader_outreach o "
                          "WHERE o.date BETWEEN ?1 AND ?2 ORDER BY o.date, o.id",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, 1, from);
  hall_stmt_bind_text (stmt, 2, to);
  if ((rows = hall_stmt_all_objects (stmt, error)) == NULL)
    return NULL;
  result = json_object_new ();
  json_object_set_array_member (result, "outreach", rows);
  return result;
}

const HallCommand _hall_outreach_commands[] = {
  { "leader.outreach_record", outreach_record, HALL_ROLE_LEADER | HALL_ROLE_MANAGER,
    HALL_COMMAND_WRITE },
  { "leader.outreach_update", outreach_update, HALL_ROLE_LEADER | HALL_ROLE_MANAGER,
    HALL_COMMAND_WRITE },
  { "leader.outreach_list", outreach_list,
    HALL_ROLE_LEADER | HALL_ROLE_MANAGER | HALL_ROLE_ADMIN, HALL_COMMAND_READ },
  { NULL }
};
