/* hall-queue-board.c — what screens read: the hall board (hall.snapshot) and the queue lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-queue"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-engine.h"
#include "hall-idcard.h"
#include "hall-matter-private.h"
#include "hall-queue-private.h"

#define RECENT_CALLS 10

static const char *const list_states[] = {
  "waiting", "called", "serving", "held", "no_show", "finished", "active", "all", NULL
};
static const char *const queue_names[] = { "counter", "leader", NULL };

/* ---- a counter as screens show it ----------------------------------------------------------- */

/* The first row of @sql (?1 @id, ?2 today when used) as an object; an empty object when none. */
static JsonObject *
one_row (HallCtx    *ctx,
         const char *sql,
         gint64      id,
         GError    **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, id);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    hall_stmt_bind_text (stmt, 2, ctx->today);
  rc = hall_stmt_step (stmt, error);
  if (rc == SQLITE_ROW)
    return hall_stmt_row_object (stmt);
  if (rc == SQLITE_DONE)
    return json_object_new ();
  return NULL;
}

JsonObject *
_hall_queue_counter_object (HallCtx *ctx,
                            gint64   counter_id,
                            gboolean public_view,
                            GError **error)
{
  g_autoptr (JsonObject) counter = NULL;
  g_autoptr (JsonObject) current = NULL;
  g_autoptr (JsonObject) counts = NULL;
  g_autoptr (HallStmt) departments = NULL;
  JsonArray *served;

  counter = one_row (ctx,
                     "SELECT c.id, c.number, c.name, c.state, c.state_since, c.pause_reason, "
                     "c.staff_user_id, a.display_name AS staff_name "
                     "FROM counter c LEFT JOIN account a ON a.id = c.staff_user_id "
                     "WHERE c.id = ?1",
                     counter_id, error);
  if (counter == NULL)
    return NULL;
  if (!json_object_has_member (counter, "id"))
    {
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "counter_id", _ ("There is no such window."));
      return NULL;
    }

  departments = hall_db_prepare (ctx->db,
                                 "SELECT d.id, d.code, d.name, d.prefix FROM counter_department cd "
                                 "JOIN department d ON d.id = cd.department_id "
                                 "WHERE cd.counter_id = ?1 ORDER BY d.sort, d.id",
                                 error);
  if (departments == NULL)
    return NULL;
  hall_stmt_bind_int (departments, 1, counter_id);
  served = hall_stmt_all_objects (departments, error);
  if (served == NULL)
    return NULL;
  json_object_set_array_member (counter, "departments", served);

  current = one_row (ctx,
                     "SELECT id AS ticket_id, code, state, department_id, called_at, "
                     "coalesce(started_at, called_at) AS since, recall_count "
                     "FROM ticket WHERE counter_id = ?1 AND state IN ('called', 'serving') "
                     "ORDER BY called_at DESC, id DESC LIMIT 1",
                     counter_id, error);
  if (current == NULL)
    return NULL;
  if (json_object_has_member (current, "ticket_id"))
    json_object_set_object_member (counter, "current", g_steal_pointer (&current));
  else
    json_object_set_null_member (counter, "current");

  /* The same tickets counter.call_next chooses from. CROSS JOIN keeps SQLite from walking all
   * of today's tickets: it seeks each department's waiting ones. */
  counts = one_row (
      ctx,
      "SELECT (SELECT count(*) FROM ticket t WHERE t.target_counter_id = ?1 "
      "        AND t.state = 'waiting' AND t.day = ?2 AND t.queue = 'counter') "
      "     + (SELECT count(*) FROM counter_department cd CROSS JOIN ticket t "
      "        ON t.department_id = cd.department_id AND t.day = ?2 AND t.state = 'waiting' "
      "        WHERE cd.counter_id = ?1 AND t.queue = 'counter' "
      "        AND t.target_counter_id IS NULL) AS waiting, "
      "       (SELECT count(*) FROM ticket WHERE counter_id = ?1 AND state = 'held') AS held",
      counter_id, error);
  if (counts == NULL)
    return NULL;
  json_object_set_int_member (counter, "waiting", json_object_get_int_member (counts, "waiting"));
  json_object_set_int_member (counter, "held", json_object_get_int_member (counts, "held"));

  if (public_view)
    {
      /* The wall and the kiosk show who is at a window masked, and not why it is paused. */
      const char *name = json_object_get_string_member (counter, "staff_name");

      if (name != NULL)
        {
          g_autofree char *masked = hall_mask_name (name);

          json_object_set_string_member (counter, "staff_name", masked);
        }
      json_object_remove_member (counter, "staff_user_id");
      json_object_remove_member (counter, "pause_reason");
    }

  return g_steal_pointer (&counter);
}
/* ---- ticket.get / ticket.list --------------------------------------------------------------- */

gboolean
_hall_ticket_visible (HallCtx    *ctx,
                      JsonObject *ticket,
                      gboolean   *visible,
                      GError    **error)
{
  const HallActor *actor = ctx->actor;
  gint64           department_id = _hall_matter_get_int (ticket, "department_id");
  gint64           matter_id = _hall_matter_get_int (ticket, "matter_id");

  *visible = TRUE;
  if (!hall_ctx_is (ctx, HALL_ROLE_STAFF))
    {
      *visible = hall_ctx_is (ctx, HALL_ROLE_SYSTEM | HALL_ROLE_MANAGER | HALL_ROLE_LEADER);
      return TRUE;
    }
  if (actor->department_id != 0 && department_id == actor->department_id)
    return TRUE;
  if (actor->counter_id != 0)
    {
      g_autoptr (HallStmt) stmt = NULL;

      if (_hall_matter_get_int (ticket, "counter_id") == actor->counter_id
          || _hall_matter_get_int (ticket, "target_counter_id") == actor->counter_id)
        return TRUE;
      /* Waiting in a department the window serves: the window may call the visitor next. */
      stmt = hall_db_prepare (ctx->db,
                              "SELECT 1 FROM counter_department WHERE counter_id = ?1 "
                              "AND department_id = ?2",
                              error);
      if (stmt == NULL)
        return FALSE;
      hall_stmt_bind_int (stmt, 1, actor->counter_id);
      hall_stmt_bind_int (stmt, 2, department_id);
      switch (hall_stmt_step (stmt, error))
        {
        case SQLITE_ROW:
          return TRUE;
        case SQLITE_DONE:
          break;
        default:
          return FALSE;
        }
    }
  if (matter_id != 0)
    {
      g_autoptr (JsonObject) matter = _hall_matter_load (ctx, matter_id, NULL, error);

      if (matter == NULL)
        return FALSE;
      *visible = _hall_matter_allowed (ctx, matter, HALL_MATTER_READ);
      return TRUE;
    }
  *visible = FALSE;
  return TRUE;
}

/* The queue screens of every window show every department's tickets; who the visitor is and
 * what they said stay with those who may see the ticket. */
static gboolean
strip_hidden (HallCtx    *ctx,
              JsonObject *ticket,
              GError    **error)
{
  gboolean visible;

  if (!_hall_ticket_visible (ctx, ticket, &visible, error))
    return FALSE;
  if (!visible)
    {
      json_object_set_null_member (ticket, "petitioner_id");
      json_object_set_null_member (ticket, "note");
    }
  return TRUE;
}

JsonObject *
_hall_ticket_get (HallCtx    *ctx,
                  JsonObject *params,
                  GError    **error)
{
  gint64      ticket_id = 0;
  const char *code = NULL, *day = NULL;

  if (!hall_param_int (params, "ticket_id", FALSE, 1, G_MAXINT64, &ticket_id, error)
      || !hall_param_string (params, "code", FALSE, 16, &code, error)
      || !hall_param_date (params, "day", FALSE, &day, error))
    return NULL;

  if (ticket_id == 0 && code == NULL)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "ticket_id",
                      _ ("Give the ticket or its number."));
      return NULL;
    }

  if (ticket_id == 0)
    {
      g_autoptr (HallStmt) stmt =
          hall_db_prepare (ctx->db,
                           "SELECT id FROM ticket WHERE day = ?1 AND code = ?2 "
                           "ORDER BY id DESC LIMIT 1",
                           error);
      g_autofree char *upper = g_ascii_strup (code, -1);

      if (stmt == NULL)
        return NULL;
      hall_stmt_bind_text (stmt, 1, day ? day : ctx->today);
      hall_stmt_bind_text (stmt, 2, upper);
      switch (hall_stmt_step (stmt, error))
        {
        case SQLITE_ROW:
          ticket_id = hall_stmt_int (stmt, 0);
          break;
        case SQLITE_DONE:
          hall_set_error (error, HALL_ERROR_NOT_FOUND, "code",
                          _ ("No ticket %s was issued that day."), upper);
          return NULL;
        default:
          return NULL;
        }
    }

  hall_ctx_set_object (ctx, "ticket", ticket_id);
  {
    g_autoptr (JsonObject) result = _hall_queue_ticket_result (ctx, ticket_id, error);
    g_autoptr (HallStmt) stmt = NULL;
    JsonArray *transfers;

    if (result == NULL
        || !strip_hidden (ctx, json_object_get_object_member (result, "ticket"), error))
      return NULL;
    stmt = hall_db_prepare (
        ctx->db,
        "SELECT tr.id, tr.from_department_id, tr.from_counter_id, tr.to_department_id, "
        "tr.to_counter_id, tr.reason, tr.by_user_id, a.display_name AS by_name, tr.at "
        "FROM ticket_transfer tr LEFT JOIN account a ON a.id = tr.by_user_id "
        "WHERE tr.ticket_id = ?1 ORDER BY tr.id",
        error);
    if (stmt == NULL)
      return NULL;
    hall_stmt_bind_int (stmt, 1, ticket_id);
    transfers = hall_stmt_all_objects (stmt, error);
    if (transfers == NULL)
      return NULL;
    json_object_set_array_member (json_object_get_object_member (result, "ticket"), "transfers",
                                  transfers);
    return g_steal_pointer (&result);
  }
}

JsonObject *
_hall_ticket_list (HallCtx    *ctx,
                   JsonObject *params,
                   GError    **error)
{
  gint64      department_id = 0, counter_id = 0, limit = 500;
  const char *state = "active", *day = NULL, *queue = "counter";
  g_autoptr (HallStmt) stmt = NULL;
  JsonArray  *tickets;
  JsonObject *result;
  gint64      threshold;
  guint       n;

  if (!hall_param_int (params, "department_id", FALSE, 1, G_MAXINT32, &department_id, error)
      || !hall_param_int (params, "counter_id", FALSE, 1, G_MAXINT32, &counter_id, error)
      || !hall_param_enum (params, "state", FALSE, list_states, &state, error)
      || !hall_param_enum (params, "queue", FALSE, queue_names, &queue, error)
      || !hall_param_date (params, "day", FALSE, &day, error)
      || !hall_param_int (params, "limit", FALSE, 1, 5000, &limit, error))
    return NULL;

  threshold = ctx->now - 60 * _hall_queue_setting_int (ctx, "priority_max_wait_minutes", 30);

  /* Waiting tickets come in the order counter.call_next would call them. */
  stmt = hall_db_prepare (
      ctx->db,
      "SELECT " HALL_QUEUE_TICKET_COLUMNS HALL_QUEUE_TICKET_JOINS
      "WHERE t.day = ?1 AND t.queue = ?2 "
      "AND (?3 = 'all' OR t.state = ?3 "
      "     OR (?3 = 'active' AND t.state IN ('waiting', 'called', 'serving', 'held'))) "
      "AND (?4 IS NULL OR t.department_id = ?4) "
      "AND (?5 IS NULL OR t.counter_id = ?5 OR t.target_counter_id = ?5 "
      "     OR (t.state = 'waiting' AND t.target_counter_id IS NULL AND t.department_id IN "
      "         (SELECT department_id FROM counter_department WHERE counter_id = ?5))) "
      "ORDER BY CASE t.state WHEN 'serving' THEN 0 WHEN 'called' THEN 1 "
      "  WHEN 'held' THEN 2 WHEN 'waiting' THEN 3 ELSE 4 END, "
      "t.front_at IS NULL, t.front_at, "
      "CASE WHEN t.arrived_at <= ?6 THEN 0 WHEN t.priority != 'normal' THEN 1 ELSE 2 END, "
      "t.arrived_at, t.id LIMIT ?7",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, 1, day ? day : ctx->today);
  hall_stmt_bind_text (stmt, 2, queue);
  hall_stmt_bind_text (stmt, 3, state);
  hall_stmt_bind_id (stmt, 4, department_id);
  hall_stmt_bind_id (stmt, 5, counter_id);
  hall_stmt_bind_int (stmt, 6, threshold);
  hall_stmt_bind_int (stmt, 7, limit);
  tickets = hall_stmt_all_objects (stmt, error);
  if (tickets == NULL)
    return NULL;

  n = json_array_get_length (tickets);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *ticket = json_array_get_object_element (tickets, i);

      _hall_queue_add_wait (ctx, ticket);
      if (!strip_hidden (ctx, ticket, error))
        {
          json_array_unref (tickets);
          return NULL;
        }
      if (g_strcmp0 (json_object_get_string_member (ticket, "state"), "waiting") == 0)
        json_object_set_boolean_member (
            ticket, "overdue", json_object_get_int_member (ticket, "arrived_at") <= threshold);
    }

  result = json_object_new ();
  json_object_set_array_member (result, "tickets", tickets);
  json_object_set_string_member (result, "day", day ? day : ctx->today);
  return result;
}

/* ---- hall.snapshot -------------------------------------------------------------------------- */

static JsonArray *
snapshot_counters (HallCtx *ctx,
                   gboolean public_view,
                   GError **error)
{
  g_autoptr (HallStmt) stmt =
      hall_db_prepare (ctx->db, "SELECT id FROM counter ORDER BY number", error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (JsonArray) counters = json_array_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      gint64 id = hall_stmt_int (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc == 0)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      JsonObject *counter =
          _hall_queue_counter_object (ctx, g_array_index (ids, gint64, i), public_view, error);

      if (counter == NULL)
        return NULL;
      json_array_add_object_element (counters, counter);
    }
  return g_steal_pointer (&counters);
}

static JsonArray *
snapshot_departments (HallCtx *ctx,
                      gint64   wait_norm,
                      gint64  *total_waiting,
                      GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  JsonArray *departments;
  guint      n;

  stmt = hall_db_prepare (
      ctx->db,
      "SELECT d.id, d.code, d.name, d.prefix, d.is_legal, count(t.id) AS waiting, "
      "coalesce(sum(t.persons), 0) AS persons_waiting, "
      "min(t.arrived_at) AS oldest_arrived_at, "
      "(SELECT count(*) FROM counter_department cd JOIN counter c ON c.id = cd.counter_id "
      " WHERE cd.department_id = d.id AND c.state = 'open') AS counters_open "
      "FROM department d LEFT JOIN ticket t ON t.department_id = d.id "
      "  AND t.state = 'waiting' AND t.day = ?1 AND t.queue = 'counter' "
      "WHERE d.active GROUP BY d.id ORDER BY d.sort, d.id",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, 1, ctx->today);
  departments = hall_stmt_all_objects (stmt, error);
  if (departments == NULL)
    return NULL;

  n = json_array_get_length (departments);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *department = json_array_get_object_element (departments, i);
      gint64      oldest = json_object_get_int_member_with_default (department, "oldest_arrived_at", 0);
      gint64      longest = oldest ? MAX (ctx->now - oldest, 0) : 0;

      *total_waiting += json_object_get_int_member (department, "waiting");
      json_object_set_int_member (department, "longest_wait_seconds", longest);
      json_object_set_boolean_member (department, "over_norm", longest > wait_norm * 60);
      json_object_set_boolean_member (department, "is_legal",
                                      json_object_get_int_member (department, "is_legal") != 0);
    }
  return departments;
}

JsonObject *
_hall_hall_snapshot (HallCtx    *ctx,
                     JsonObject *params,
                     GError    **error)
{
  gboolean public_view = hall_ctx_is (ctx, HALL_ROLE_DISPLAY | HALL_ROLE_KIOSK);
  gint64   wait_norm = _hall_queue_setting_int (ctx, "wait_norm_minutes", 20);
  gint64   total_waiting = 0, last_seq;
  g_autoptr (JsonArray) counters = NULL;
  g_autoptr (JsonArray) departments = NULL;
  g_autoptr (JsonArray) recent = NULL;
  g_autoptr (JsonObject) hall = NULL;
  g_autoptr (HallStmt) stmt = NULL;
  JsonObject *result;

  last_seq = _hall_queue_last_seq (ctx, error);
  if (last_seq < 0)
    return NULL;
  hall = one_row (
      ctx,
      "SELECT (SELECT value FROM hall_setting WHERE key = 'hall_name') AS hall_name, "
      "(SELECT count(*) FROM ticket WHERE queue = 'leader' AND state = 'waiting' AND day = ?2) "
      "AS leader_waiting",
      0, error);
  if (hall == NULL)
    return NULL;
  counters = snapshot_counters (ctx, public_view, error);
  if (counters == NULL)
    return NULL;
  departments = snapshot_departments (ctx, wait_norm, &total_waiting, error);
  if (departments == NULL)
    return NULL;

  stmt = hall_db_prepare (
      ctx->db,
      "SELECT t.id AS ticket_id, t.code, t.counter_id, k.number AS counter_number, "
      "t.department_id, t.state, t.called_at, t.recall_count "
      "FROM ticket t JOIN counter k ON k.id = t.counter_id "
      "WHERE t.day = ?1 AND t.called_at IS NOT NULL AND t.queue = 'counter' "
      "ORDER BY t.called_at DESC, t.id DESC LIMIT ?2",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, 1, ctx->today);
  hall_stmt_bind_int (stmt, 2, RECENT_CALLS);
  recent = hall_stmt_all_objects (stmt, error);
  if (recent == NULL)
    return NULL;

  result = json_object_new ();
  json_object_set_string_member (result, "hall_name",
                                 json_object_get_string_member (hall, "hall_name"));
  json_object_set_string_member (result, "day", ctx->today);
  json_object_set_int_member (result, "now", ctx->now);
  json_object_set_int_member (result, "last_seq", last_seq);
  json_object_set_int_member (result, "wait_norm_minutes", wait_norm);
  json_object_set_int_member (result, "priority_max_wait_minutes",
                              _hall_queue_setting_int (ctx, "priority_max_wait_minutes", 30));
  json_object_set_int_member (result, "waiting", total_waiting);
  json_object_set_int_member (result, "leader_waiting",
                              json_object_get_int_member (hall, "leader_waiting"));
  json_object_set_array_member (result, "counters", g_steal_pointer (&counters));
  json_object_set_array_member (result, "departments", g_steal_pointer (&departments));
  json_object_set_array_member (result, "recent_calls", g_steal_pointer (&recent));
  return result;
}
