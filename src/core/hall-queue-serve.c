/* hall-queue-serve.c — counters: open, close, pause, call the next visitor, call again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-queue"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-engine.h"
#include "hall-queue-private.h"

#define REASON_MAX_CHARS 200

/* ---- helpers -------------------------------------------------------------------------------- */

static JsonObject *
counter_result (HallCtx *ctx,
                gint64   counter_id,
                GError **error)
{
  JsonObject *counter = _hall_queue_counter_object (ctx, counter_id, FALSE, error);
  JsonObject *result;

  if (counter == NULL)
    return NULL;
  result = json_object_new ();
  json_object_set_object_member (result, "counter", counter);
  return result;
}

static gboolean
emit_counter (HallCtx           *ctx,
              const HallCounter *counter,
              GError           **error)
{
  g_autoptr (HallStmt) stmt =
      hall_db_prepare (ctx->db, "SELECT state FROM counter WHERE id = ?1", error);
  JsonObject *payload;

  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, counter->id);
  if (hall_stmt_step (stmt, error) != SQLITE_ROW)
    return FALSE;
  payload = json_object_new ();
  json_object_set_int_member (payload, "counter_id", counter->id);
  json_object_set_int_member (payload, "counter_number", counter->number);
  json_object_set_string_member (payload, "state", hall_stmt_text (stmt, 0));
  return hall_ctx_emit (ctx, "counter.changed", payload, error) != 0;
}

static gboolean
set_counter_state (HallCtx           *ctx,
                   const HallCounter *counter,
                   const char        *state,
                   gint64             staff_user_id,
                   const char        *pause_reason,
                   GError           **error)
{
  g_autoptr (HallStmt) stmt = NULL;

  stmt = hall_db_prepare (ctx->db,
                          "UPDATE counter SET state = ?2, staff_user_id = ?3, pause_reason = ?4, "
                          "state_since = ?5 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, counter->id);
  hall_stmt_bind_text (stmt, 2, state);
  hall_stmt_bind_id (stmt, 3, staff_user_id);
  hall_stmt_bind_text (stmt, 4, pause_reason);
  hall_stmt_bind_int (stmt, 5, ctx->now);
  return hall_stmt_step (stmt, error) == SQLITE_DONE && emit_counter (ctx, counter, error);
}

static gboolean
check_no_current (HallCtx           *ctx,
                  const HallCounter *counter,
                  const char        *doing,
                  GError           **error)
{
  gint64     current = _hall_queue_current_ticket (ctx, counter->id, error);
  HallTicket ticket;

  if (current < 0)
    return FALSE;
  if (current == 0)
    return TRUE;
  if (!_hall_queue_get_ticket (ctx, current, &ticket, error))
    return FALSE;
  /* Translators: the second %s is what the clerk tried, e.g. "calling the next visitor" */
  hall_set_error (
      error, HALL_ERROR_CONFLICT, "counter_id",
      _ ("Ticket %s is still at window %d. Finish it, put it on hold or mark it as not shown "
         "before %s."),
      ticket.code, (int) counter->number, doing);
  return FALSE;
}

/* ---- counter.open / close / pause / resume -------------------------------------------------- */

JsonObject *
_hall_counter_open (HallCtx    *ctx,
                    JsonObject *params,
                    GError    **error)
{
  HallCounter counter;

  if (!_hall_queue_resolve_counter (ctx, params, &counter, error))
    return NULL;

  if (g_str_equal (counter.state, "closed"))
    {
      if (!set_counter_state (ctx, &counter, "open", ctx->actor->user_id, NULL, error))
        return NULL;
    }
  else if (counter.staff_user_id != ctx->actor->user_id)
    {
      /* A manager covering a window takes it over as it is; a clerk may not push a colleague out.
       */
      g_autoptr (HallStmt) stmt = NULL;

      if (!hall_ctx_is (ctx, HALL_ROLE_MANAGER | HALL_ROLE_SYSTEM))
        {
          hall_set_error (
              error, HALL_ERROR_CONFLICT, "counter_id",
              _ ("Window %d is already open for a colleague. They must close it first."),
              (int) counter.number);
          return NULL;
        }
      stmt =
          hall_db_prepare (ctx->db, "UPDATE counter SET staff_user_id = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return NULL;
      hall_stmt_bind_int (stmt, 1, counter.id);
      hall_stmt_bind_id (stmt, 2, ctx->actor->user_id);
      if (hall_stmt_step (stmt, error) != SQLITE_DONE || !emit_counter (ctx, &counter, error))
        return NULL;
    }

  return counter_result (ctx, counter.id, error);
}

JsonObject *
_hall_counter_close (HallCtx    *ctx,
                     JsonObject *params,
                     GError    **error)
{
  g_autoptr (HallStmt) waiting = NULL;
  g_autoptr (GArray) released = g_array_new (FALSE, FALSE, sizeof (gint64));
  HallCounter counter;
  int         rc;

  if (!_hall_queue_resolve_counter (ctx, params, &counter, error))
    return NULL;
  if (g_str_equal (counter.state, "closed"))
    return counter_result (ctx, counter.id, error);
  if (!check_no_current (ctx, &counter, _ ("closing the window"), error))
    return NULL;

  if (!set_counter_state (ctx, &counter, "closed", 0, NULL, error))
    return NULL;

  /* Visitors sent to this window alone go back to their department's queue. */
  waiting = hall_db_prepare (
      ctx->db, "SELECT id FROM ticket WHERE target_counter_id = ?1 AND state = 'waiting'", error);
  if (waiting == NULL)
    return NULL;
  hall_stmt_bind_int (waiting, 1, counter.id);
  while ((rc = hall_stmt_step (waiting, error)) == SQLITE_ROW)
    {
      gint64 id = hall_stmt_int (waiting, 0);
      g_array_append_val (released, id);
    }
  if (rc == 0)
    return NULL;

  for (guint i = 0; i < released->len; i++)
    {
      gint64 id = g_array_index (released, gint64, i);

      if (!_hall_queue_exec_ticket (ctx, "UPDATE ticket SET target_counter_id = NULL WHERE id = ?1",
                                    id, 0, error)
          || !_hall_queue_emit_ticket (ctx, "ticket.requeued", id, NULL, error))
        return NULL;
    }

  return counter_result (ctx, counter.id, error);
}

JsonObject *
_hall_counter_pause (HallCtx    *ctx,
                     JsonObject *params,
                     GError    **error)
{
  const char *reason = NULL;
  HallCounter counter;

  if (!_hall_queue_resolve_counter (ctx, params, &counter, error)
      || !hall_param_string (params, "reason", TRUE, REASON_MAX_CHARS, &reason, error))
    return NULL;
  if (!g_str_equal (counter.state, "open"))
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "counter_id",
                      g_str_equal (counter.state, "paused")
                          ? _ ("Window %d is already paused.")
                          : _ ("Window %d is closed; open it first."),
                      (int) counter.number);
      return NULL;
    }
  if (!set_counter_state (ctx, &counter, "paused", counter.staff_user_id, reason, error))
    return NULL;
  return counter_result (ctx, counter.id, error);
}

JsonObject *
_hall_counter_resume (HallCtx    *ctx,
                      JsonObject *params,
                      GError    **error)
{
  HallCounter counter;

  if (!_hall_queue_resolve_counter (ctx, params, &counter, error))
    return NULL;
  if (!g_str_equal (counter.state, "paused"))
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "counter_id",
                      g_str_equal (counter.state, "open")
                          ? _ ("Window %d is not paused.")
                          : _ ("Window %d is closed; open it first."),
                      (int) counter.number);
      return NULL;
    }
  if (!set_counter_state (ctx, &counter, "open",
                          counter.staff_user_id ? counter.staff_user_id : ctx->actor->user_id, NULL,
                          error))
    return NULL;
  return counter_result (ctx, counter.id, error);
}

/* ---- counter.call_next / counter.recall ----------------------------------------------------- */

/* Tickets a counter may call: today's, in the counter queue, sent to this counter, or waiting in
 * a department it serves and not sent to another counter. EXISTS rather than IN (SELECT …): a
 * primary-key probe for the ticket looked at, not a temporary list built on every call. */
#define ELIGIBLE                                                              \
  "t.state = 'waiting' AND t.day = ?2 AND t.queue = 'counter' "               \
  "AND (t.target_counter_id = ?1 OR (t.target_counter_id IS NULL AND EXISTS " \
  "     (SELECT 1 FROM counter_department cd "                                \
  "      WHERE cd.counter_id = ?1 AND cd.department_id = t.department_id))) "

static gboolean
first_ticket (HallCtx    *ctx,
              const char *sql,
              gint64      counter_id,
              gint64     *ticket_id,
              gint64     *arrived_at,
              GError    **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, counter_id);
  hall_stmt_bind_text (stmt, 2, ctx->today);
  rc = hall_stmt_step (stmt, error);
  if (rc == SQLITE_ROW)
    {
      *ticket_id = hall_stmt_int (stmt, 0);
      if (arrived_at != NULL)
        *arrived_at = hall_stmt_int (stmt, 1);
    }
  return rc != 0;
}

/* The first ticket by arrival this counter may take (ELIGIBLE): the first of those sent to it
 * and of each department it serves, each found by walking its own index in order. Walking all
 * of the day's waiting tickets in one index instead went past every earlier ticket of the
 * departments the counter does not serve, reading each one's row. */
static gboolean
first_by_arrival (HallCtx *ctx,
                  gint64   counter_id,
                  gint64  *ticket_id,
                  gint64  *arrived_at,
                  GError **error)
{
  g_autoptr (HallStmt) departments = NULL;
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  *ticket_id = *arrived_at = 0;
  if (!first_ticket (ctx,
                     "SELECT t.id, t.arrived_at FROM ticket t INDEXED BY ticket_by_target "
                     "WHERE t.target_counter_id = ?1 AND t.state = 'waiting' AND t.day = ?2 "
                     "AND t.queue = 'counter' ORDER BY t.arrived_at, t.id LIMIT 1",
                     counter_id, ticket_id, arrived_at, error))
    return FALSE;

  departments = hall_db_prepare (
      ctx->db, "SELECT department_id FROM counter_department WHERE counter_id = ?1", error);
  if (departments == NULL)
    return FALSE;
  hall_stmt_bind_int (departments, 1, counter_id);
  while ((rc = hall_stmt_step (departments, error)) == SQLITE_ROW)
    {
      gint64 id = hall_stmt_int (departments, 0);
      g_array_append_val (ids, id);
    }
  if (rc == 0)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = 0, arrived = 0;

      if (!first_ticket (ctx,
                         "SELECT t.id, t.arrived_at FROM ticket t INDEXED BY ticket_by_department "
                         "WHERE t.department_id = ?1 AND t.day = ?2 AND t.queue = 'counter' "
                         "AND t.state = 'waiting' AND t.target_counter_id IS NULL "
                         "ORDER BY t.arrived_at, t.id LIMIT 1",
                         g_array_index (ids, gint64, i), &id, &arrived, error))
        return FALSE;
      if (id != 0
          && (*ticket_id == 0 || arrived < *arrived_at
              || (arrived == *arrived_at && id < *ticket_id)))
        {
          *ticket_id = id;
          *arrived_at = arrived;
        }
    }
  return TRUE;
}

/* The order of calling: tickets moved to the front (or back from a hold), then any ticket that
 * has waited longer than priority_max_wait_minutes, then priority and collective visits, then
 * everyone else, each by arrival. Each probe walks an index in order and stops at the first
 * ticket this counter may take, so calling stays fast with thousands waiting. */
static gint64
pick_next (HallCtx *ctx,
           gint64   counter_id,
           GError **error)
{
  gint64 front = 0, oldest = 0, oldest_arrived = 0, priority = 0;
  gint64 max_wait = 60 * _hall_queue_setting_int (ctx, "priority_max_wait_minutes", 30);

  if (!first_ticket (ctx,
                     "SELECT t.id, t.arrived_at FROM ticket t INDEXED BY ticket_waiting_front "
                     "WHERE t.front_at IS NOT NULL AND " ELIGIBLE
                     "ORDER BY t.day, t.front_at, t.id LIMIT 1",
                     counter_id, &front, NULL, error))
    return -1;
  if (front != 0)
    return front;

  if (!first_by_arrival (ctx, counter_id, &oldest, &oldest_arrived, error))
    return -1;
  if (oldest == 0 || oldest_arrived <= ctx->now - max_wait)
    return oldest;

  if (!first_ticket (ctx,
                     "SELECT t.id, t.arrived_at FROM ticket t INDEXED BY ticket_waiting_priority "
                     "WHERE t.priority != 'normal' AND " ELIGIBLE
                     "ORDER BY t.day, t.arrived_at, t.id LIMIT 1",
                     counter_id, &priority, NULL, error))
    return -1;
  return priority != 0 ? priority : oldest;
}

static gboolean
check_can_call (HallCtx           *ctx,
                const HallCounter *counter,
                GError           **error)
{
  if (g_str_equal (counter->state, "closed"))
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "counter_id",
                      _ ("Window %d is closed; open it before calling visitors."),
                      (int) counter->number);
      return FALSE;
    }
  if (g_str_equal (counter->state, "paused"))
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "counter_id",
                      _ ("Window %d is paused; resume it before calling visitors."),
                      (int) counter->number);
      return FALSE;
    }
  return check_no_current (ctx, counter, _ ("calling the next visitor"), error);
}

JsonObject *
_hall_counter_call_next (HallCtx    *ctx,
                         JsonObject *params,
                         GError    **error)
{
  HallCounter counter;
  gint64      ticket_id = 0;

  if (!_hall_queue_resolve_counter (ctx, params, &counter, error)
      || !check_can_call (ctx, &counter, error))
    return NULL;

  /* The worker thread runs one command at a time, so the ticket picked is still waiting; the
   * update is conditional all the same, so that no two counters can ever get one ticket. */
  for (int attempt = 0; attempt < 3 && ticket_id == 0; attempt++)
    {
      g_autoptr (HallStmt) call = NULL;
      gint64 candidate = pick_next (ctx, counter.id, error);

      if (candidate < 0)
        return NULL;
      if (candidate == 0)
        break;

      call =
          hall_db_prepare (ctx->db,
                           "UPDATE ticket SET state = 'called', counter_id = ?2, called_at = ?3, "
                           "target_counter_id = NULL, front_at = NULL "
                           "WHERE id = ?1 AND state = 'waiting'",
                           error);
      if (call == NULL)
        return NULL;
      hall_stmt_bind_int (call, 1, candidate);
      hall_stmt_bind_int (call, 2, counter.id);
      hall_stmt_bind_int (call, 3, ctx->now);
      if (hall_stmt_step (call, error) != SQLITE_DONE)
        return NULL;
      if (hall_db_changes (ctx->db) == 1)
        ticket_id = candidate;
    }

  if (ticket_id == 0)
    {
      hall_set_error (error, HALL_ERROR_QUEUE_EMPTY, NULL, _ ("Nobody is waiting for window %d."),
                      (int) counter.number);
      return NULL;
    }

  return _hall_queue_emit_ticket_result (ctx, "ticket.called", ticket_id, NULL, error);
}

JsonObject *
_hall_counter_recall (HallCtx    *ctx,
                      JsonObject *params,
                      GError    **error)
{
  HallCounter counter;
  HallTicket  ticket;
  gint64      current;

  if (!_hall_queue_resolve_counter (ctx, params, &counter, error))
    return NULL;
  current = _hall_queue_current_ticket (ctx, counter.id, error);
  if (current < 0)
    return NULL;
  if (current == 0)
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "counter_id",
                      _ ("Nobody has been called at window %d yet."), (int) counter.number);
      return NULL;
    }
  if (!_hall_queue_get_ticket (ctx, current, &ticket, error))
    return NULL;
  if (!_hall_queue_in_state (&ticket, "called", NULL))
    {
      _hall_queue_state_conflict (error, &ticket);
      return NULL;
    }
  hall_ctx_set_object (ctx, "ticket", ticket.id);

  if (!_hall_queue_exec_ticket (ctx,
                                "UPDATE ticket SET recall_count = recall_count + 1 WHERE id = ?1",
                                ticket.id, 0, error)
      || !_hall_queue_emit_ticket (ctx, "ticket.recalled", ticket.id, NULL, error))
    return NULL;
  return _hall_queue_ticket_result (ctx, ticket.id, error);
}
