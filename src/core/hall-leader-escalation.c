/* hall-leader-escalation.c — escalation to the duty leader (matter.escalate) and the leader's
 * reception queue (leader.queue, leader.call)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-leader"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-leader-lapse-private.h"
#include "hall-leader-private.h"
#include "hall-matter-private.h"
#include "hall-matter-timeline-private.h"
#include "hall-queue-private.h"

/* ---- escalation to the duty leader ------------------------------------------------------- */

/* The queue's event for a ticket that moved in the leader's queue; the leader's id tells the
 * boards to send the visitor to the leaders' reception room rather than to a window. */
gboolean
_hall_leader_emit_ticket (HallCtx    *ctx,
                          const char *kind,
                          gint64      ticket_id,
                          gint64      leader_user_id,
                          GError    **error)
{
  JsonObject *extra = json_object_new ();

  json_object_set_int_member (extra, "leader_user_id", leader_user_id);
  return _hall_queue_emit_ticket (ctx, kind, ticket_id, extra, error);
}

/* Which duty leader receives an escalation: the one asked for, if on duty today; otherwise
 * the leader receiving now with the fewest visitors waiting. */
static gboolean
choose_duty_leader (HallCtx *ctx,
                    gint64   wanted,
                    gint64  *leader_user_id,
                    GError **error)
{
  g_autoptr (JsonArray) entries = _hall_leader_duty_entries (ctx, ctx->today, error);
  gint64   best = 0, best_waiting = G_MAXINT64;
  gboolean best_now = FALSE;

  if (entries == NULL)
    return FALSE;

  if (json_array_get_length (entries) == 0)
    {
      hall_set_error (
          error, HALL_ERROR_CONFLICT, NULL,
          _ ("No leader is on duty today. Ask the hall manager to put today’s receiving "
             "leader on the roster, then escalate again."));
      return FALSE;
    }

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);
      gint64      user_id = json_object_get_int_member (entry, "user_id");
      gint64      waiting = json_object_get_int_member (entry, "waiting");
      gboolean    now = _hall_leader_slot_is_now (ctx, json_object_get_string_member (entry, "slot"));

      if (wanted != 0)
        {
          if (user_id == wanted)
            {
              *leader_user_id = wanted;
              return TRUE;
            }
          continue;
        }
      if (best == 0 || (now && !best_now) || (now == best_now && waiting < best_waiting))
        {
          best = user_id;
          best_waiting = waiting;
          best_now = now;
        }
    }

  if (wanted != 0)
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "leader_user_id",
                      _ ("This leader is not on duty today. Choose one of today’s duty leaders."));
      return FALSE;
    }

  *leader_user_id = best;
  return TRUE;
}

gboolean
_hall_leader_find_open_ticket (HallCtx *ctx,
                               gint64   matter_id,
                               gint64   wanted,
                               gint64  *ticket_id,
                               GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;

  *ticket_id = 0;
  if (wanted != 0)
    {
      /* The ticket is this matter's, or nobody's yet (a visitor may bring several matters). */
      stmt = hall_db_prepare (ctx->db,
                              "SELECT t.day, t.state, "
                              "t.matter_id = ?2 OR EXISTS (SELECT 1 FROM matter m WHERE m.id = ?2 "
                              " AND m.ticket_id = t.id) "
                              "OR (t.matter_id IS NULL AND NOT EXISTS (SELECT 1 FROM matter m "
                              " WHERE m.ticket_id = t.id)) "
                              "FROM ticket t WHERE t.id = ?1",
                              error);
      if (stmt == NULL)
        return FALSE;
      hall_stmt_bind_int (stmt, 1, wanted);
      hall_stmt_bind_int (stmt, 2, matter_id);
      switch (hall_stmt_step (stmt, error))
        {
        case SQLITE_ROW:
          break;
        case SQLITE_DONE:
          hall_set_error (error, HALL_ERROR_NOT_FOUND, "ticket_id", _ ("There is no such ticket."));
          return FALSE;
        default:
          return FALSE;
        }
      if (g_strcmp0 (hall_stmt_text (stmt, 0), ctx->today) != 0
          || g_strcmp0 (hall_stmt_text (stmt, 1), "finished") == 0
          || g_strcmp0 (hall_stmt_text (stmt, 1), "no_show") == 0)
        {
          hall_set_error (
              error, HALL_ERROR_CONFLICT, "ticket_id",
              _ ("This ticket is finished or not from today: the visitor has left the queue. "
                 "Escalate the matter without a ticket, or issue a new one."));
          return FALSE;
        }
      if (!hall_stmt_int (stmt, 2))
        {
          hall_set_error (error, HALL_ERROR_CONFLICT, "ticket_id",
                          _ ("This ticket belongs to another matter."));
          return FALSE;
        }
      *ticket_id = wanted;
      return TRUE;
    }

  stmt = hall_db_prepare (ctx->db,
                          "SELECT t.id FROM ticket t WHERE (t.matter_id = ?1 "
                          " OR t.id = (SELECT m.ticket_id FROM matter m WHERE m.id = ?1)) "
                          "AND t.day = ?2 AND t.state NOT IN ('finished', 'no_show') "
                          "ORDER BY t.id DESC LIMIT 1",
                          error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, matter_id);
  hall_stmt_bind_text (stmt, 2, ctx->today);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      *ticket_id = hall_stmt_int (stmt, 0);
      return TRUE;
    case SQLITE_DONE:
      return TRUE;
    default:
      return FALSE;
    }
}

JsonObject *
_hall_leader_escalate (HallCtx    *ctx,
                       JsonObject *params,
                       GError    **error)
{
  g_autoptr (JsonObject) matter = NULL;
  const char *note = NULL;
  gint64      matter_id, wanted_leader = 0, wanted_ticket = 0, leader_user_id = 0, ticket_id = 0;
  gint64      escalation_id;
  g_autoptr (HallStmt) open = NULL;
  g_autoptr (HallStmt) insert = NULL;
  g_autoptr (JsonObject) detail = NULL;
  JsonObject *payload;

  /* Window staff escalate the matters they may see: their department's and the ones they
   * first received (architecture.md §5). */
  matter = _hall_matter_require (ctx, params, HALL_MATTER_READ, error);
  if (matter == NULL
      || !hall_param_int (params, "leader_user_id", FALSE, 1, G_MAXINT64, &wanted_leader, error)
      || !hall_param_int (params, "ticket_id", FALSE, 1, G_MAXINT64, &wanted_ticket, error)
      || !hall_param_string (params, "note", FALSE, 500, &note, error))
    return NULL;
  matter_id = _hall_matter_get_int (matter, "id");

  if (_hall_leader_matter_is_final (_hall_matter_get_string (matter, "state")))
    {
      hall_set_error (
          error, HALL_ERROR_CONFLICT, "matter_id",
          _ ("This matter is %s: a leader cannot take it up. Register a new matter or a "
             "review request instead."),
          _hall_matter_state_label (_hall_matter_get_string (matter, "state")));
      return NULL;
    }

  /* An escalation left open on an earlier day (the visitor went home) lapses. */
  if (!_hall_leader_lapse_escalations (ctx, matter_id, error))
    return NULL;

  open = hall_db_prepare (ctx->db,
                          "SELECT a.display_name FROM leader_escalation e "
                          "JOIN account a ON a.id = e.leader_user_id "
                          "WHERE e.matter_id = ?1 AND e.state IN ('waiting', 'called')",
                          error);
  if (open == NULL)
    return NULL;
  hall_stmt_bind_int (open, 1, matter_id);
  switch (hall_stmt_step (open, error))
    {
    case SQLITE_ROW:
      hall_set_error (error, HALL_ERROR_CONFLICT, "matter_id",
                      _ ("This matter is already waiting for leader %s."),
                      hall_stmt_text (open, 0));
      return NULL;
    case SQLITE_DONE:
      break;
    default:
      return NULL;
    }

  if (!choose_duty_leader (ctx, wanted_leader, &leader_user_id, error)
      || !_hall_leader_find_open_ticket (ctx, matter_id, wanted_ticket, &ticket_id, error))
    return NULL;

  insert = hall_db_prepare (
      ctx->db,
      "INSERT INTO leader_escalation (matter_id, ticket_id, leader_user_id, date, note, "
      "escalated_by, escalated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
      error);
  if (insert == NULL)
    return NULL;
  hall_stmt_bind_int (insert, 1, matter_id);
  hall_stmt_bind_id (insert, 2, ticket_id);
  hall_stmt_bind_int (insert, 3, leader_user_id);
  hall_stmt_bind_text (insert, 4, ctx->today);
  hall_stmt_bind_text (insert, 5, note);
  hall_stmt_bind_int (insert, 6, ctx->actor->user_id);
  hall_stmt_bind_int (insert, 7, ctx->now);
  if (!_hall_leader_exec (insert, error))
    return NULL;
  escalation_id = hall_db_last_insert_id (ctx->db);

  /* A lapsed escalation of the matter is followed up by this one. */
  if (!_hall_leader_resolve_lapsed (ctx, matter_id, "escalated", escalation_id, error))
    return NULL;

  if (ticket_id != 0)
    {
      /* The visitor keeps their arrival time and leaves the window's queue for the leader's. */
      g_autoptr (HallStmt) move = NULL;

      move = hall_db_prepare (
          ctx->db,
          "UPDATE ticket SET queue = 'leader', state = 'waiting', leader_user_id = ?2, "
          "matter_id = ?3, counter_id = NULL, target_counter_id = NULL, front_at = NULL, "
          "called_at = NULL, started_at = NULL WHERE id = ?1",
          error);
      if (move == NULL)
        return NULL;
      hall_stmt_bind_int (move, 1, ticket_id);
      hall_stmt_bind_int (move, 2, leader_user_id);
      hall_stmt_bind_int (move, 3, matter_id);
      if (!_hall_leader_exec (move, error)
          || !_hall_leader_emit_ticket (ctx, "ticket.escalated", ticket_id, leader_user_id, error))
        return NULL;
    }

  detail = json_object_new ();
  json_object_set_int_member (detail, "escalation_id", escalation_id);
  json_object_set_int_member (detail, "leader_user_id", leader_user_id);
  if (ticket_id)
    json_object_set_int_member (detail, "ticket_id", ticket_id);
  if (note)
    json_object_set_string_member (detail, "note", note);
  if (!_hall_matter_add_timeline (ctx, matter_id, "escalated", detail, error))
    return NULL;

  payload = json_object_new ();
  json_object_set_int_member (payload, "escalation_id", escalation_id);
  json_object_set_int_member (payload, "matter_id", matter_id);
  json_object_set_int_member (payload, "leader_user_id", leader_user_id);
  if (ticket_id)
    json_object_set_int_member (payload, "ticket_id", ticket_id);
  if (!hall_ctx_emit (ctx, "matter.escalated", payload, error))
    return NULL;

  return _hall_leader_describe_escalation (ctx, escalation_id, error);
}

/* ---- the leader's reception queue --------------------------------------------------------- */

JsonObject *
_hall_leader_describe_escalation (HallCtx *ctx,
                                  gint64   escalation_id,
                                  GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  JsonObject *escalation, *result;

  stmt = hall_db_prepare (
      ctx->db,
      "SELECT e.id, e.matter_id, m.number AS matter_number, e.ticket_id, t.code AS ticket_code, "
      "t.state AS ticket_state, t.persons, t.arrived_at, e.leader_user_id, "
      "l.display_name AS leader_name, e.date, e.note, e.state, e.escalated_by, "
      "b.display_name AS escalated_by_name, e.escalated_at, e.called_at, e.reception_id, "
      "e.lapsed_at, e.resolution, e.resolved_at, e.resolved_by, e.resolution_note, "
      "e.next_escalation_id "
      "FROM leader_escalation e JOIN matter m ON m.id = e.matter_id "
      "LEFT JOIN ticket t ON t.id = e.ticket_id "
      "JOIN account l ON l.id = e.leader_user_id "
      "JOIN account b ON b.id = e.escalated_by WHERE e.id = ?1",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, escalation_id);
  if (hall_stmt_step (stmt, error) != SQLITE_ROW)
    {
      if (error && *error == NULL)
        hall_set_error (error, HALL_ERROR_NOT_FOUND, "escalation_id",
                        _ ("There is no such escalation."));
      return NULL;
    }
  escalation = hall_stmt_row_object (stmt);
  result = json_object_new ();
  json_object_set_object_member (result, "escalation", escalation);
  return result;
}

static gboolean
queue_owner (HallCtx    *ctx,
             JsonObject *params,
             gint64     *leader_user_id,
             GError    **error)
{
  *leader_user_id = 0;
  if (!hall_param_int (params, "leader_user_id", FALSE, 1, G_MAXINT64, leader_user_id, error))
    return FALSE;
  if (hall_ctx_is (ctx, HALL_ROLE_LEADER))
    {
      if (*leader_user_id != 0 && *leader_user_id != ctx->actor->user_id)
        {
          hall_set_error (error, HALL_ERROR_FORBIDDEN, "leader_user_id",
                          _ ("You can see only your own reception queue."));
          return FALSE;
        }
      *leader_user_id = ctx->actor->user_id;
      return TRUE;
    }
  if (*leader_user_id == 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "leader_user_id",
                      _ ("Choose the leader."));
      return FALSE;
    }
  return TRUE;
}

JsonObject *
_hall_leader_queue (HallCtx    *ctx,
                    JsonObject *params,
                    GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (JsonArray) visitors = NULL;
  gint64      leader_user_id;
  JsonObject *result;

  if (!queue_owner (ctx, params, &leader_user_id, error)
      || !_hall_leader_lapse_escalations (ctx, 0, error))
    return NULL;

  /* Called visitors first, then by arrival in the hall (the escalation keeps the ticket's
   * arrival), escalations without a visitor present last. */
  stmt = hall_db_prepare (
      ctx->db,
      "SELECT e.id AS escalation_id, e.state, e.matter_id, m.number AS matter_number, "
      "e.ticket_id, t.code AS ticket_code, t.persons, t.priority, t.arrived_at, "
      "e.escalated_at, e.escalated_by, b.display_name AS escalated_by_name, e.note, "
      "e.called_at "
      "FROM leader_escalation e JOIN matter m ON m.id = e.matter_id "
      "LEFT JOIN ticket t ON t.id = e.ticket_id "
      "JOIN account b ON b.id = e.escalated_by "
      "WHERE e.leader_user_id = ?1 AND e.date = ?2 AND e.state IN ('waiting', 'called') "
      "ORDER BY e.state = 'called' DESC, t.id IS NULL, "
      "coalesce(t.arrived_at, e.escalated_at), e.id",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, leader_user_id);
  hall_stmt_bind_text (stmt, 2, ctx->today);
  visitors = hall_stmt_all_objects (stmt, error);
  if (visitors == NULL)
    return NULL;

  result = json_object_new ();
  json_object_set_string_member (result, "date", ctx->today);
  json_object_set_int_member (result, "leader_user_id", leader_user_id);
  json_object_set_array_member (result, "visitors", g_steal_pointer (&visitors));
  return result;
}

/* Loads an escalation the acting leader may act on today. */
gboolean
_hall_leader_own_escalation (HallCtx *ctx,
                             gint64   escalation_id,
                             gint64  *matter_id,
                             gint64  *ticket_id,
                             char   **state,
                             GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;

  stmt = hall_db_prepare (ctx->db,
                          "SELECT leader_user_id, date, state, matter_id, ticket_id "
                          "FROM leader_escalation WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, escalation_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      break;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "escalation_id",
                      _ ("There is no such escalation."));
      return FALSE;
    default:
      return FALSE;
    }

  if (hall_stmt_int (stmt, 0) != ctx->actor->user_id)
    {
      hall_set_error (error, HALL_ERROR_FORBIDDEN, "escalation_id",
                      _ ("This visitor was escalated to another leader."));
      return FALSE;
    }
  /* Its day is over (stored as lapsed or not yet): the visitor was not received that day. */
  if (g_strcmp0 (hall_stmt_text (stmt, 2), "lapsed") == 0
      || ((g_strcmp0 (hall_stmt_text (stmt, 2), "waiting") == 0
           || g_strcmp0 (hall_stmt_text (stmt, 2), "called") == 0)
          && g_strcmp0 (hall_stmt_text (stmt, 1), ctx->today) < 0))
    {
      hall_set_error (
          error, HALL_ERROR_CONFLICT, "escalation_id",
          _ ("This escalation lapsed: the visitor was not received on %s. Ask the hall manager to "
             "escalate the matter again to today’s duty leader."),
          hall_stmt_text (stmt, 1));
      return FALSE;
    }
  if (g_strcmp0 (hall_stmt_text (stmt, 2), "waiting") != 0
      && g_strcmp0 (hall_stmt_text (stmt, 2), "called") != 0)
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "escalation_id",
                      _ ("This visitor has already been received."));
      return FALSE;
    }
  if (g_strcmp0 (hall_stmt_text (stmt, 1), ctx->today) != 0)
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "escalation_id",
                      _ ("This escalation was for an earlier day. Ask the window to escalate the "
                         "matter again."));
      return FALSE;
    }
  *matter_id = hall_stmt_int (stmt, 3);
  *ticket_id = hall_stmt_int (stmt, 4);
  if (state)
    *state = g_strdup (hall_stmt_text (stmt, 2));
  return TRUE;
}

JsonObject *
_hall_leader_call (HallCtx    *ctx,
                   JsonObject *params,
                   GError    **error)
{
  gint64           escalation_id, matter_id, ticket_id;
  g_autofree char *state = NULL;
  g_autoptr (HallStmt) others = NULL;
  g_autoptr (HallStmt) call = NULL;
  GPtrArray  *back;
  JsonObject *payload;
  gboolean    ok;
  int         rc;

  if (!hall_param_int (params, "escalation_id", TRUE, 1, G_MAXINT64, &escalation_id, error))
    return NULL;
  hall_ctx_set_object (ctx, "leader_escalation", escalation_id);
  if (!_hall_leader_own_escalation (ctx, escalation_id, &matter_id, &ticket_id, &state, error))
    return NULL;

  /* A visitor called earlier who has not come in goes back to waiting, so nobody is lost. */
  others = hall_db_prepare (ctx->db,
                            "SELECT id, ticket_id FROM leader_escalation WHERE leader_user_id = ?1 "
                            "AND date = ?2 AND state = 'called' AND id != ?3",
                            error);
  if (others == NULL)
    return NULL;
  hall_stmt_bind_int (others, 1, ctx->actor->user_id);
  hall_stmt_bind_text (others, 2, ctx->today);
  hall_stmt_bind_int (others, 3, escalation_id);
  back = g_ptr_array_new_with_free_func (g_free);
  ok = TRUE;
  while ((rc = hall_stmt_step (others, error)) == SQLITE_ROW)
    {
      gint64 *ids = g_new (gint64, 2);

      ids[0] = hall_stmt_int (others, 0);
      ids[1] = hall_stmt_int (others, 1);
      g_ptr_array_add (back, ids);
    }
  if (rc == 0)
    {
      g_ptr_array_unref (back);
      return NULL;
    }
  for (guint i = 0; ok && i < back->len; i++)
    {
      gint64 *ids = back->pdata[i];
      g_autoptr (HallStmt) wait = hall_db_prepare (
          ctx->db, "UPDATE leader_escalation SET state = 'waiting' WHERE id = ?1", error);
      g_autoptr (HallStmt) wait_ticket = NULL;

      if (wait != NULL)
        hall_stmt_bind_int (wait, 1, ids[0]);
      ok = _hall_leader_exec (wait, error);
      if (!ok || ids[1] == 0)
        continue;
      wait_ticket = hall_db_prepare (
          ctx->db, "UPDATE ticket SET state = 'waiting' WHERE id = ?1 AND state = 'called'", error);
      if (wait_ticket != NULL)
        hall_stmt_bind_int (wait_ticket, 1, ids[1]);
      ok = _hall_leader_exec (wait_ticket, error)
           && _hall_leader_emit_ticket (ctx, "ticket.requeued", ids[1], ctx->actor->user_id, error);
    }
  g_ptr_array_unref (back);
  if (!ok)
    return NULL;

  call = hall_db_prepare (
      ctx->db, "UPDATE leader_escalation SET state = 'called', called_at = ?2 WHERE id = ?1",
      error);
  if (call == NULL)
    return NULL;
  hall_stmt_bind_int (call, 1, escalation_id);
  hall_stmt_bind_int (call, 2, ctx->now);
  if (!_hall_leader_exec (call, error))
    return NULL;

  if (ticket_id != 0)
    {
      g_autoptr (HallStmt) ticket = NULL;

      ticket = hall_db_prepare (ctx->db,
                                "UPDATE ticket SET state = 'called', called_at = ?2, "
                                "recall_count = recall_count + (state = 'called') WHERE id = ?1",
                                error);
      if (ticket == NULL)
        return NULL;
      hall_stmt_bind_int (ticket, 1, ticket_id);
      hall_stmt_bind_int (ticket, 2, ctx->now);
      /* Calling the same visitor again is a recall, as at a window. */
      if (!_hall_leader_exec (ticket, error)
          || !_hall_leader_emit_ticket (
              ctx, g_str_equal (state, "called") ? "ticket.recalled" : "ticket.called", ticket_id,
              ctx->actor->user_id, error))
        return NULL;
    }

  payload = json_object_new ();
  json_object_set_int_member (payload, "escalation_id", escalation_id);
  json_object_set_int_member (payload, "matter_id", matter_id);
  json_object_set_int_member (payload, "leader_user_id", ctx->actor->user_id);
  if (ticket_id)
    json_object_set_int_member (payload, "ticket_id", ticket_id);
  if (!hall_ctx_emit (ctx, "leader.called", payload, error))
    return NULL;

  return _hall_leader_describe_escalation (ctx, escalation_id, error);
}
