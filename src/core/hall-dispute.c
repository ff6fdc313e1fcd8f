/* hall-dispute.c — the disputes found by screening (矛盾纠纷排查化解清单): dispute.create,
 * dispute.update, dispute.list and dispute.weekly, the list sent on each report day (每周三、五)
 *
 * Staff and managers enter them; leaders and administrators read them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-dispute"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "hall-engine.h"
#include "hall-commands-private.h"

#define TEXT_MAX 4000
#define PERSON_MAX 100

static const char *const sources[] = { "community", "grid", "department", NULL };
static const char *const types[] = { "wages", "property", "neighbour", "land",
                                     "family", "environment", "other", NULL };
static const char *const risks[] = { "high", "medium", "low", NULL };
static const char *const states[] = { "screening", "resolving", "resolved", "controlled", NULL };

#define COLUMNS                                                                                  \
  "d.id, d.found_date, d.source, d.parties, d.type, d.risk, d.summary, d.department_id, "        \
  "(SELECT name FROM department WHERE id = d.department_id) AS department_name, d.leader_name, " \
  "d.person_name, d.measures, d.deadline, d.state, d.resolved_date, d.created_at, d.updated_at "

typedef struct
{
  const char *found_date, *source, *parties, *type, *risk, *summary, *leader_name, *person_name;
  const char *measures, *deadline, *state, *resolved_date;
  gint64      department_id;
} Dispute;

/* Reads every field of @params; on an update @params already holds the stored values under the
 * ones given. */
static gboolean
read_dispute (HallCtx    *ctx,
              JsonObject *params,
              Dispute    *d,
              GError    **error)
{
  d->state = "screening";
  if (!hall_param_date (params, "found_date", TRUE, &d->found_date, error)
      || !hall_param_enum (params, "source", TRUE, sources, &d->source, error)
      || !hall_param_string (params, "parties", TRUE, 500, &d->parties, error)
      || !hall_param_enum (params, "type", TRUE, types, &d->type, error)
      || !hall_param_enum (params, "risk", TRUE, risks, &d->risk, error)
      || !hall_param_string (params, "summary", TRUE, TEXT_MAX, &d->summary, error)
      || !hall_param_int (params, "department_id", TRUE, 1, G_MAXINT64, &d->department_id, error)
      || !hall_param_string (params, "leader_name", TRUE, PERSON_MAX, &d->leader_name, error)
      || !hall_param_string (params, "person_name", TRUE, PERSON_MAX, &d->person_name, error)
      || !hall_param_string (params, "measures", FALSE, TEXT_MAX, &d->measures, error)
      || !hall_param_date (params, "deadline", FALSE, &d->deadline, error)
      || !hall_param_enum (params, "state", FALSE, states, &d->state, error)
      || !hall_param_date (params, "resolved_date", FALSE, &d->resolved_date, error)
      || !_hall_department_check_active (ctx, d->department_id, "department_id", error))
    return FALSE;
  if (strcmp (d->found_date, ctx->today) > 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "found_date",
                      _ ("The date found cannot be in the future."));
      return FALSE;
    }
  if (d->deadline != NULL && strcmp (d->deadline, d->found_date) < 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "deadline",
                      _ ("The deadline cannot be before the date found."));
      return FALSE;
    }
  if (g_str_equal (d->state, "resolved") && d->resolved_date == NULL)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "resolved_date",
                      _ ("Give the date the dispute was resolved."));
      return FALSE;
    }
  if (!g_str_equal (d->state, "resolved"))
    d->resolved_date = NULL;
  else if (strcmp (d->resolved_date, d->found_date) < 0
           || strcmp (d->resolved_date, ctx->today) > 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "resolved_date",
                      _ ("The date resolved must be between the date found and today."));
      return FALSE;
    }
  return TRUE;
}

static JsonObject *
get_dispute (HallCtx *ctx,
             gint64   id,
             GError **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, "SELECT " COLUMNS "FROM dispute d WHERE d.id = ?1", error);

  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      return hall_stmt_row_object (stmt);
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "id", _ ("There is no such dispute."));
      return NULL;
    default:
      return NULL;
    }
}

static JsonObject *
emit (HallCtx    *ctx,
      const char *kind,
      gint64      id,
      const char *state,
      GError    **error)
{
  JsonObject *payload = json_object_new ();

  json_object_set_int_member (payload, "dispute_id", id);
  json_object_set_string_member (payload, "state", state);
  hall_ctx_set_object (ctx, "dispute", id);
  if (!hall_ctx_emit (ctx, kind, payload, error))
    return NULL;
  return get_dispute (ctx, id, error);
}

static void
bind_dispute (HallStmt      *stmt,
              const Dispute *d)
{
  hall_stmt_bind_text (stmt, 1, d->found_date);
  hall_stmt_bind_text (stmt, 2, d->source);
  hall_stmt_bind_text (stmt, 3, d->parties);
  hall_stmt_bind_text (stmt, 4, d->type);
  hall_stmt_bind_text (stmt, 5, d->risk);
  hall_stmt_bind_text (stmt, 6, d->summary);
  hall_stmt_bind_int (stmt, 7, d->department_id);
  hall_stmt_bind_text (stmt, 8, d->leader_name);
  hall_stmt_bind_text (stmt, 9, d->person_name);
  hall_stmt_bind_text (stmt, 10, d->measures);
  hall_stmt_bind_text (stmt, 11, d->deadline);
  hall_stmt_bind_text (stmt, 12, d->state);
  hall_stmt_bind_text (stmt, 13, d->resolved_date);
}

static JsonObject *
dispute_create (HallCtx    *ctx,
                JsonObject *params,
                GError    **error)
{
  Dispute d = { 0 };
  g_autoptr (HallStmt) stmt = NULL;

  if (!read_dispute (ctx, params, &d, error))
    return NULL;
  stmt = hall_db_prepare (
      ctx->db,
      "INSERT INTO dispute (found_date, source, parties, type, risk, summary, department_id, "
      "leader_name, person_name, measures, deadline, state, resolved_date, created_at, "
      "created_by, updated_at, updated_by) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?14, ?15)",
      error);
  if (stmt == NULL)
    return NULL;
  bind_dispute (stmt, &d);
  hall_stmt_bind_int (stmt, 14, ctx->now);
  hall_stmt_bind_int (stmt, 15, ctx->actor->user_id);
  if (hall_stmt_step (stmt, error) != SQLITE_DONE)
    return NULL;
  return emit (ctx, "dispute.created", hall_db_last_insert_id (ctx->db), d.state, error);
}

static JsonObject *
dispute_update (HallCtx    *ctx,
                JsonObject *params,
                GError    **error)
{
  gint64  id = 0;
  Dispute d = { 0 };
  g_autoptr (JsonObject) merged = NULL;
  g_autoptr (GList) members = NULL;
  g_autoptr (HallStmt) stmt = NULL;

  if (!hall_param_int (params, "id", TRUE, 1, G_MAXINT64, &id, error))
    return NULL;
  if ((merged = get_dispute (ctx, id, error)) == NULL)
    return NULL;
  /* The stored values, then the ones given over them; a null clears an optional field. */
  members = json_object_get_members (params);
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (merged, l->data, json_object_dup_member (params, l->data));
  if (!read_dispute (ctx, merged, &d, error))
    return NULL;
  stmt = hall_db_prepare (
      ctx->db,
      "UPDATE dispute SET found_date = ?1, source = ?2, parties = ?3, type = ?4, risk = ?5, "
      "summary = ?6, department_id = ?7, leader_name = ?8, person_name = ?9, measures = ?10, "
      "deadline = ?11, state = ?12, resolved_date = ?13, updated_at = ?14, updated_by = ?15 "
      "WHERE id = ?16",
      error);
  if (stmt == NULL)
    return NULL;
  bind_dispute (stmt, &d);
  hall_stmt_bind_int (stmt, 14, ctx->now);
  hall_stmt_bind_int (stmt, 15, ctx->actor->user_id);
  hall_stmt_bind_int (stmt, 16, id);
  if (hall_stmt_step (stmt, error) != SQLITE_DONE)
    return NULL;
  return emit (ctx, "dispute.updated", id, d.state, error);
}

static JsonObject *
list_result (HallStmt *stmt,
             GError  **error)
{
  JsonArray  *rows = hall_stmt_all_objects (stmt, error);
  JsonObject *result;

  if (rows == NULL)
    return NULL;
  result = json_object_new ();
  json_object_set_array_member (result, "disputes", rows);
  return result;
}

static JsonObject *
dispute_list (HallCtx    *ctx,
              JsonObject *params,
              GError    **error)
{
  const char *from = NULL, *to = NULL, *state = NULL;
  gint64      department_id = 0;
  g_autoptr (HallStmt) stmt = NULL;

  if (!hall_param_date (params, "from", FALSE, &from, error)
      || !hall_param_date (params, "to", FALSE, &to, error)
      || !hall_param_enum (params, "state", FALSE, states, &state, error)
      || !hall_param_int (params, "department_id", FALSE, 1, G_MAXINT64, &department_id, error))
    return NULL;
  stmt = hall_db_prepare (ctx->db,
                          "SELECT " COLUMNS "FROM dispute d "
                          "WHERE (?1 IS NULL OR d.found_date >= ?1) "
                          "AND (?2 IS NULL OR d.found_date <= ?2) "
                          "AND (?3 IS NULL OR d.state = ?3) "
                          "AND (?4 IS NULL OR d.department_id = ?4) "
                          "ORDER BY d.found_date, d.id",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, 1, from);
  hall_stmt_bind_text (stmt, 2, to);
  hall_stmt_bind_text (stmt, 3, state);
  hall_stmt_bind_id (stmt, 4, department_id);
  return list_result (stmt, error);
}

/* The report day on or before @date: a Wednesday or a Friday. */
static GDateTime *
report_day (GTimeZone  *tz,
            const char *date)
{
  guint      y = 0, m = 0, d = 0;
  GDateTime *day;

  sscanf (date, "%4u-%2u-%2u", &y, &m, &d);
  day = g_date_time_new (tz, y, m, d, 0, 0, 0);
  while (g_date_time_get_day_of_week (day) != 3 && g_date_time_get_day_of_week (day) != 5)
    {
      GDateTime *before = g_date_time_add_days (day, -1);

      g_date_time_unref (day);
      day = before;
    }
  return day;
}

/* dispute.weekly: the disputes entered or changed since the report day before the one on or
 * before @date (default today), up to the end of that report day. */
static JsonObject *
dispute_weekly (HallCtx    *ctx,
                JsonObject *params,
                GError    **error)
{
  const char *date = ctx->today;
  g_autoptr (GDateTime) day = NULL;
  g_autoptr (GDateTime) previous = NULL;
  g_autoptr (GDateTime) before = NULL;
  g_autoptr (GDateTime) end = NULL;
  g_autoptr (HallStmt) stmt = NULL;
  g_autofree char *day_text = NULL;
  g_autofree char *since_text = NULL;
  JsonObject      *result;

  if (!hall_param_date (params, "date", FALSE, &date, error))
    return NULL;
  day = report_day (g_date_time_get_timezone (ctx->now_local), date);
  before = g_date_time_add_days (day, -1);
  day_text = g_date_time_format (before, "%Y-%m-%d");
  previous = report_day (g_date_time_get_timezone (ctx->now_local), day_text);
  g_clear_pointer (&day_text, g_free);
  end = g_date_time_add_days (day, 1);
  day_text = g_date_time_format (day, "%Y-%m-%d");
  since_text = g_date_time_format (previous, "%Y-%m-%d");

  stmt = hall_db_prepare (ctx->db,
                          "SELECT " COLUMNS "FROM dispute d "
                          "WHERE d.updated_at >= ?1 AND d.updated_at < ?2 "
                          "ORDER BY d.found_date, d.id",
                          error);
  if (stmt == NULL)
    return NULL;
  /* from the end of the previous report day */
  hall_stmt_bind_int (stmt, 1, g_date_time_to_unix (previous) + 24 * 60 * 60);
  hall_stmt_bind_int (stmt, 2, g_date_time_to_unix (end));
  result = list_result (stmt, error);
  if (result == NULL)
    return NULL;
  json_object_set_string_member (result, "report_date", day_text);
  json_object_set_string_member (result, "since", since_text);
  return result;
}

const HallCommand _hall_dispute_commands[] = {
  { "dispute.create", dispute_create, HALL_ROLE_STAFF | HALL_ROLE_MANAGER, HALL_COMMAND_WRITE },
  { "dispute.update", dispute_update, HALL_ROLE_STAFF | HALL_ROLE_MANAGER, HALL_COMMAND_WRITE },
  { "dispute.list", dispute_list, HALL_ROLES_PEOPLE, HALL_COMMAND_READ },
  { "dispute.weekly", dispute_weekly, HALL_ROLES_PEOPLE, HALL_COMMAND_READ },
  { NULL }
};
