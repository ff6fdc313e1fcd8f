/* hall-queue-ticket.c — a ticket's life at a counter: serve, hold, hand on, finish
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-queue"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-engine.h"
#include "hall-queue-private.h"

#define REASON_MAX_CHARS 200

static const char *const outcome_names[] = { "matter", "resolved", "consultation", "guided", NULL };
static const char *const priority_names[] = { "normal", "priority", "collective", NULL };

/* ---- a ticket at the counter ---------------------------------------------------------------- */

JsonObject *
_hall_ticket_start (HallCtx    *ctx,
                    JsonObject *params,
                    GError    **error)
{
  HallTicket ticket;

  if (!_hall_queue_load_for_serving (ctx, params, &ticket, error))
    return NULL;
  if (!_hall_queue_in_state (&ticket, "called", NULL))
    {
      _hall_queue_state_conflict (error, &ticket);
      return NULL;
    }
  if (!_hall_queue_exec_ticket (
          ctx, "UPDATE ticket SET state = 'serving', started_at = ?2 WHERE id = ?1", ticket.id, 0,
          error)
      || !_hall_queue_emit_ticket (ctx, "ticket.started", ticket.id, NULL, error))
    return NULL;
  return _hall_queue_ticket_result (ctx, ticket.id, error);
}

JsonObject *
_hall_ticket_no_show (HallCtx    *ctx,
                      JsonObject *params,
                      GError    **error)
{
  HallTicket ticket;

  if (!_hall_queue_load_for_serving (ctx, params, &ticket, error))
    return NULL;
  if (!_hall_queue_in_state (&ticket, "called", "held"))
    {
      _hall_queue_state_conflict (error, &ticket);
      return NULL;
    }
  if (!_hall_queue_exec_ticket (ctx, "UPDATE ticket SET state = 'no_show' WHERE id = ?1",
                                ticket.id, 0, error)
      || !_hall_queue_emit_ticket (ctx, "ticket.no_show", ticket.id, NULL, error))
    return NULL;
  return _hall_queue_ticket_result (ctx, ticket.id, error);
}

JsonObject *
_hall_ticket_reactivate (HallCtx    *ctx,
                         JsonObject *params,
                         GError    **error)
{
  HallTicket ticket;

  if (!_hall_queue_load_for_serving (ctx, params, &ticket, error))
    return NULL;
  if (!_hall_queue_in_state (&ticket, "no_show", NULL))
    {
      _hall_queue_state_conflict (error, &ticket);
      return NULL;
    }
  if (!g_str_equal (ticket.day, ctx->today))
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "ticket_id",
                      _ ("Ticket %s is from an earlier day. Issue a new ticket instead."),
                      ticket.code);
      return NULL;
    }
  /* Back in the queue as if never called: the arrival time stays, so the visitor keeps their place.
   */
  if (!_hall_queue_exec_ticket (
          ctx,
          "UPDATE ticket SET state = 'waiting', counter_id = NULL, target_counter_id = NULL, "
          "front_at = NULL WHERE id = ?1",
          ticket.id, 0, error)
      || !_hall_queue_emit_ticket (ctx, "ticket.reactivated", ticket.id, NULL, error))
    return NULL;
  return _hall_queue_ticket_result (ctx, ticket.id, error);
}

JsonObject *
_hall_ticket_hold (HallCtx    *ctx,
                   JsonObject *params,
                   GError    **error)
{
  HallTicket ticket;

  if (!_hall_queue_load_for_serving (ctx, params, &ticket, error))
    return NULL;
  if (!_hall_queue_in_state (&ticket, "called", "serving"))
    {
      _hall_queue_state_conflict (error, &ticket);
      return NULL;
    }
  if (!_hall_queue_exec_ticket (ctx, "UPDATE ticket SET state = 'held' WHERE id = ?1",
                                ticket.id, 0, error)
      || !_hall_queue_emit_ticket (ctx, "ticket.held", ticket.id, NULL, error))
    return NULL;
  return _hall_queue_ticket_result (ctx, ticket.id, error);
}

JsonObject *
_hall_ticket_resume (HallCtx    *ctx,
                     JsonObject *params,
                     GError    **error)
{
  HallTicket  ticket;
  HallCounter counter;
  gint64      target = 0;

  if (!_hall_queue_load_for_serving (ctx, params, &ticket, error))
    return NULL;
  if (!_hall_queue_in_state (&ticket, "held", NULL))
    {
      _hall_queue_state_conflict (error, &ticket);
      return NULL;
    }
  /* The visitor is back with their documents: first in line at the same window, or at the
   * front of their department's queue when that window has closed meanwhile. */
  if (ticket.counter_id != 0)
    {
      if (!_hall_queue_get_counter (ctx, ticket.counter_id, &counter, error))
        return NULL;
      if (!g_str_equal (counter.state, "closed"))
        target = counter.id;
    }
  if (!_hall_queue_exec_ticket (
          ctx,
          "UPDATE ticket SET state = 'waiting', counter_id = NULL, target_counter_id = ?3, "
          "front_at = ?2 WHERE id = ?1",
          ticket.id, target, error)
      || !_hall_queue_emit_ticket (ctx, "ticket.resumed", ticket.id, NULL, error))
    return NULL;
  return _hall_queue_ticket_result (ctx, ticket.id, error);
}

/* ---- ticket.transfer ------------------------------------------------------------------------ */

/* The department a visitor sent to @counter waits under: @wanted when the counter serves it,
 * otherwise the first one the counter serves (0 when it serves none). */
static gboolean
counter_department (HallCtx *ctx,
                    gint64   counter_id,
                    gint64   wanted,
                    gint64  *department_id,
                    GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  int rc;

  stmt = hall_db_prepare (ctx->db,
                          "SELECT cd.department_id FROM counter_department cd "
                          "JOIN department d ON d.id = cd.department_id "
                          "WHERE cd.counter_id = ?1 AND d.active "
                          "ORDER BY cd.department_id != ?2, d.sort, d.id LIMIT 1",
                          error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, counter_id);
  hall_stmt_bind_int (stmt, 2, wanted);
  rc = hall_stmt_step (stmt, error);
  *department_id = rc == SQLITE_ROW ? hall_stmt_int (stmt, 0) : 0;
  return rc != 0;
}

JsonObject *
_hall_ticket_transfer (HallCtx    *ctx,
                       JsonObject *params,
                       GError    **error)
{
  gint64      to_department = 0, to_counter = 0, department_id, from_counter;
  const char *reason = NULL;
  g_autoptr (HallStmt) update = NULL;
  g_autoptr (HallStmt) log = NULL;
  JsonObject *extra;
  HallTicket  ticket;

  if (!_hall_queue_load_for_serving (ctx, params, &ticket, error)
      || !hall_param_int (params, "department_id", FALSE, 1, G_MAXINT32, &to_department, error)
      || !hall_param_int (params, "counter_id", FALSE, 1, G_MAXINT32, &to_counter, error)
      || !hall_param_string (params, "reason", TRUE, REASON_MAX_CHARS, &reason, error))
    return NULL;

  if (to_department == 0 && to_counter == 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "department_id",
                      _ ("Choose the department or the window to send the visitor to."));
      return NULL;
    }
  if (!_hall_queue_in_state (&ticket, "waiting", "called")
      && !_hall_queue_in_state (&ticket, "serving", "held"))
    {
      _hall_queue_state_conflict (error, &ticket);
      return NULL;
    }
  if (to_department != 0
      && !_hall_department_check_active (ctx, to_department, "department_id", error))
    return NULL;

  department_id = to_department ? to_department : ticket.department_id;
  if (to_counter != 0)
    {
      HallCounter counter;

      if (!_hall_queue_get_counter (ctx, to_counter, &counter, error))
        return NULL;
      if (g_str_equal (counter.state, "closed"))
        {
          hall_set_error (
              error, HALL_ERROR_CONFLICT, "counter_id",
              _ ("Window %d is closed. Send the visitor to a department or an open window."),
              (int) counter.number);
          return NULL;
        }
      if (!counter_department (ctx, to_counter, department_id, &department_id, error))
        return NULL;
      if (department_id == 0 || (to_department != 0 && department_id != to_department))
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "counter_id",
                          _ ("Window %d does not serve that department."), (int) counter.number);
          return NULL;
        }
    }

  if (_hall_queue_in_state (&ticket, "waiting", NULL) && department_id == ticket.department_id
      && to_counter == ticket.target_counter_id)
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "department_id",
                      _ ("Ticket %s is already waiting there."), ticket.code);
      return NULL;
    }

  /* The visitor keeps their arrival time: time spent in the hall counts wherever they go next. */
  update = hall_db_prepare (
      ctx->db,
      "UPDATE ticket SET state = 'waiting', department_id = ?2, target_counter_id = ?3, "
      "counter_id = NULL, front_at = NULL WHERE id = ?1",
      error);
  if (update == NULL)
    return NULL;
  hall_stmt_bind_int (update, 1, ticket.id);
  hall_stmt_bind_int (update, 2, department_id);
  hall_stmt_bind_id (update, 3, to_counter);
  if (hall_stmt_step (update, error) != SQLITE_DONE)
    return NULL;

  from_counter = ticket.counter_id ? ticket.counter_id : ticket.target_counter_id;
  log = hall_db_prepare (
      ctx->db,
      "INSERT INTO ticket_transfer (ticket_id, from_department_id, from_counter_id, "
      "to_department_id, to_counter_id, reason, by_user_id, at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
      error);
  if (log == NULL)
    return NULL;
  hall_stmt_bind_int (log, 1, ticket.id);
  hall_stmt_bind_int (log, 2, ticket.department_id);
  hall_stmt_bind_id (log, 3, from_counter);
  hall_stmt_bind_int (log, 4, department_id);
  hall_stmt_bind_id (log, 5, to_counter);
  hall_stmt_bind_text (log, 6, reason);
  hall_stmt_bind_id (log, 7, ctx->actor->user_id);
  hall_stmt_bind_int (log, 8, ctx->now);
  if (hall_stmt_step (log, error) != SQLITE_DONE)
    return NULL;

  extra = json_object_new ();
  json_object_set_int_member (extra, "from_department_id", ticket.department_id);
  if (from_counter)
    json_object_set_int_member (extra, "from_counter_id", from_counter);
  else
    json_object_set_null_member (extra, "from_counter_id");
  return _hall_queue_emit_ticket_result (ctx, "ticket.transferred", ticket.id, extra, error);
}

/* ---- ticket.finish / ticket.prioritize ------------------------------------------------------ */

static gboolean
check_matter (HallCtx *ctx,
              gint64   matter_id,
              GError **error)
{
  g_autoptr (HallStmt) stmt =
      hall_db_prepare (ctx->db, "SELECT 1 FROM matter WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, matter_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      return TRUE;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "matter_id",
                      _ ("There is no such matter."));
      return FALSE;
    default:
      return FALSE;
    }
}

JsonObject *
_hall_ticket_finish (HallCtx    *ctx,
                     JsonObject *params,
                     GError    **error)
{
  const char *outcome = NULL;
  gint64      matter_id = 0;
  g_autoptr (HallStmt) stmt = NULL;
  JsonObject *extra;
  HallTicket  ticket;

  if (!_hall_queue_load_for_serving (ctx, params, &ticket, error)
      || !hall_param_enum (params, "outcome", TRUE, outcome_names, &outcome, error)
      || !hall_param_int (params, "matter_id", FALSE, 1, G_MAXINT64, &matter_id, error))
    return NULL;
  if (!_hall_queue_in_state (&ticket, "called", "serving"))
    {
      _hall_queue_state_conflict (error, &ticket);
      return NULL;
    }
  if (matter_id != 0 && !check_matter (ctx, matter_id, error))
    return NULL;
  if (matter_id == 0)
    matter_id = ticket.matter_id;
  if (g_str_equal (outcome, "matter") && matter_id == 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "matter_id",
                      _ ("Register the visitor's matter first, or give the matter it belongs to."));
      return NULL;
    }

  stmt = hall_db_prepare (ctx->db,
                          "UPDATE ticket SET state = 'finished', outcome = ?2, matter_id = ?3, "
                          "started_at = coalesce(started_at, ?4), finished_at = ?4, "
                          "finished_by = ?5 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, ticket.id);
  hall_stmt_bind_text (stmt, 2, outcome);
  hall_stmt_bind_id (stmt, 3, matter_id);
  hall_stmt_bind_int (stmt, 4, ctx->now);
  /* who served the visitor, for the statistics and the rating pads (as the audit row says) */
  hall_stmt_bind_id (stmt, 5, ctx->actor->user_id);
  if (hall_stmt_step (stmt, error) != SQLITE_DONE)
    return NULL;

  extra = json_object_new ();
  json_object_set_string_member (extra, "outcome", outcome);
  return _hall_queue_emit_ticket_result (ctx, "ticket.finished", ticket.id, extra, error);
}

JsonObject *
_hall_ticket_prioritize (HallCtx    *ctx,
                         JsonObject *params,
                         GError    **error)
{
  const char *priority = NULL;
  gboolean    front = FALSE;
  g_autoptr (HallStmt) stmt = NULL;
  HallTicket ticket;

  if (!_hall_queue_load_for_serving (ctx, params, &ticket, error)
      || !hall_param_enum (params, "priority", FALSE, priority_names, &priority, error)
      || !hall_param_bool (params, "front", FALSE, &front, error))
    return NULL;
  if (priority == NULL && !json_object_has_member (params, "front"))
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "priority",
                      _ ("Choose a priority or move the ticket to the front."));
      return NULL;
    }
  if (priority != NULL && !_hall_queue_check_priority (&priority, ticket.persons, TRUE, error))
    return NULL;
  if (!_hall_queue_in_state (&ticket, "waiting", NULL))
    {
      _hall_queue_state_conflict (error, &ticket);
      return NULL;
    }

  stmt = hall_db_prepare (
      ctx->db,
      "UPDATE ticket SET priority = coalesce(?2, priority), "
      "green_request = CASE WHEN ?2 IS NULL THEN green_request ELSE 0 END, "
      "front_at = CASE WHEN ?3 IS NULL THEN front_at WHEN ?3 THEN ?4 ELSE NULL END "
      "WHERE id = ?1",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, ticket.id);
  hall_stmt_bind_text (stmt, 2, priority);
  if (json_object_has_member (params, "front"))
    hall_stmt_bind_int (stmt, 3, front);
  else
    hall_stmt_bind_text (stmt, 3, NULL);
  hall_stmt_bind_int (stmt, 4, ctx->now);
  if (hall_stmt_step (stmt, error) != SQLITE_DONE
      || !_hall_queue_emit_ticket (ctx, "ticket.prioritized", ticket.id, NULL, error))
    return NULL;
  return _hall_queue_ticket_result (ctx, ticket.id, error);
}
