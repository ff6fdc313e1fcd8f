/* hall-leader-lapse.c — escalations whose day ended before the leader received the visitor
 * (lapsed), and the hall manager's list of escalations in progress: leader.escalations,
 * leader.escalation_leave
 *
 * A ticket ends with its day; the matter must not. An escalation still waiting or called after
 * its day is stored as lapsed the next time anyone looks at escalations or at the matter (every
 * command runs in a write transaction), so the state is right after a restart on a later day
 * without a timer. The manager then escalates the matter again to a later duty leader
 * (matter.escalate) or leaves it with its department (leader.escalation_leave).
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
#include "hall-matter-timeline-private.h"

#define LIST_MAX 500

typedef struct
{
  gint64 id;
  gint64 matter_id;
  gint64 leader_user_id;
  gint64 ticket_id;
  char   date[11];
} Lapsed;

gboolean
_hall_leader_lapse_escalations (HallCtx *ctx,
                                gint64   matter_id,
                                GError **error)
{
  g_autoptr (HallStmt) find = NULL;
  g_autoptr (GArray) lapsed = g_array_new (FALSE, TRUE, sizeof (Lapsed));
  int rc;

  find = hall_db_prepare (
      ctx->db,
      "SELECT id, matter_id, leader_user_id, ticket_id, date FROM leader_escalation "
      "WHERE state IN ('waiting', 'called') AND date < ?1 AND (?2 = 0 OR matter_id = ?2) "
      "ORDER BY id",
      error);
  if (find == NULL)
    return FALSE;
  hall_stmt_bind_text (find, 1, ctx->today);
  hall_stmt_bind_int (find, 2, matter_id);
  while ((rc = hall_stmt_step (find, error)) == SQLITE_ROW)
    {
      Lapsed l = { 0 };

      l.id = hall_stmt_int (find, 0);
      l.matter_id = hall_stmt_int (find, 1);
      l.leader_user_id = hall_stmt_int (find, 2);
      l.ticket_id = hall_stmt_int (find, 3);
      g_strlcpy (l.date, hall_stmt_text (find, 4), sizeof l.date);
      g_array_append_val (lapsed, l);
    }
  if (rc == 0)
    return FALSE;
  g_clear_pointer (&find, hall_stmt_release);

  for (guint i = 0; i < lapsed->len; i++)
    {
      Lapsed *l = &g_array_index (lapsed, Lapsed, i);
      g_autoptr (HallStmt) update = NULL;
      g_autoptr (JsonObject) detail = json_object_new ();
      JsonObject *payload;

      update = hall_db_prepare (
          ctx->db, "UPDATE leader_escalation SET state = 'lapsed', lapsed_at = ?2 WHERE id = ?1",
          error);
      if (update == NULL)
        return FALSE;
      hall_stmt_bind_int (update, 1, l->id);
      hall_stmt_bind_int (update, 2, ctx->now);
      if (!_hall_leader_exec (update, error))
        return FALSE;

      /* Recorded by the hall, not by whoever happened to look. */
      json_object_set_int_member (detail, "escalation_id", l->id);
      json_object_set_int_member (detail, "leader_user_id", l->leader_user_id);
      json_object_set_string_member (detail, "date", l->date);
      if (l->ticket_id)
        json_object_set_int_member (detail, "ticket_id", l->ticket_id);
      if (!_hall_matter_add_timeline_as (ctx, l->matter_id, 0, "escalation_lapsed", detail, error))
        return FALSE;

      payload = json_object_new ();
      json_object_set_int_member (payload, "escalation_id", l->id);
      json_object_set_int_member (payload, "matter_id", l->matter_id);
      json_object_set_int_member (payload, "leader_user_id", l->leader_user_id);
      json_object_set_string_member (payload, "state", "lapsed");
      if (!hall_ctx_emit (ctx, "leader.escalation_lapsed", payload, error))
        return FALSE;
    }
  return TRUE;
}

/* Marks the matter's lapsed escalations waiting for the manager as followed up. */
gboolean
_hall_leader_resolve_lapsed (HallCtx    *ctx,
                             gint64      matter_id,
                             const char *resolution,
                             gint64      next_escalation_id,
                             GError    **error)
{
  g_autoptr (HallStmt) stmt =
      hall_db_prepare (ctx->db,
                       "UPDATE leader_escalation SET resolution = ?2, resolved_at = ?3, "
                       "resolved_by = ?4, next_escalation_id = ?5 "
                       "WHERE matter_id = ?1 AND state = 'lapsed' AND resolution IS NULL",
                       error);

  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, matter_id);
  hall_stmt_bind_text (stmt, 2, resolution);
  hall_stmt_bind_int (stmt, 3, ctx->now);
  hall_stmt_bind_id (stmt, 4, ctx->actor->user_id);
  hall_stmt_bind_id (stmt, 5, next_escalation_id);
  return _hall_leader_exec (stmt, error);
}

/* ---- leader.escalations ---------------------------------------------------------------- */

JsonObject *
_hall_leader_escalations (HallCtx    *ctx,
                          JsonObject *params,
                          GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (JsonArray) rows = NULL;
  JsonObject *result;
  guint       lapsed = 0;

  if (!_hall_leader_lapse_escalations (ctx, 0, error))
    return NULL;

  /* Lapsed ones waiting for the manager's decision first (oldest first), then today's called
   * and waiting visitors in the order they were escalated. A lapsed escalation of a matter
   * since closed needs nothing more. */
  stmt = hall_db_prepare (
      ctx->db,
      "SELECT e.id, e.matter_id, m.number AS matter_number, m.state AS matter_state, "
      "m.department_id, d.name AS department_name, e.ticket_id, t.code AS ticket_code, "
      "e.leader_user_id, l.display_name AS leader_name, e.date, e.note, e.state, "
      "e.escalated_by, b.display_name AS escalated_by_name, e.escalated_at, e.called_at, "
      "e.lapsed_at, e.state = 'lapsed' AS needs_action "
      "FROM leader_escalation e JOIN matter m ON m.id = e.matter_id "
      "JOIN department d ON d.id = m.department_id "
      "LEFT JOIN ticket t ON t.id = e.ticket_id "
      "JOIN account l ON l.id = e.leader_user_id "
      "JOIN account b ON b.id = e.escalated_by "
      "WHERE (e.state IN ('waiting', 'called') AND e.date = ?1) "
      "OR (e.state = 'lapsed' AND e.resolution IS NULL "
      "    AND m.state NOT IN ('closed', 'litigation', 'declined')) "
      "ORDER BY e.state = 'lapsed' DESC, e.state = 'called' DESC, e.date, e.escalated_at, e.id "
      "LIMIT ?2",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, 1, ctx->today);
  hall_stmt_bind_int (stmt, 2, LIST_MAX);
  rows = hall_stmt_all_objects (stmt, error);
  if (rows == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      gboolean    needs_action = json_object_get_int_member (row, "needs_action") != 0;

      json_object_set_boolean_member (row, "needs_action", needs_action);
      lapsed += needs_action;
    }

  result = json_object_new ();
  json_object_set_string_member (result, "date", ctx->today);
  json_object_set_int_member (result, "lapsed", lapsed);
  json_object_set_array_member (result, "escalations", g_steal_pointer (&rows));
  return result;
}

/* ---- leader.escalation_leave ------------------------------------------------------------ */

JsonObject *
_hall_leader_escalation_leave (HallCtx    *ctx,
                               JsonObject *params,
                               GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (JsonObject) detail = json_object_new ();
  const char *note = NULL;
  gint64      escalation_id = 0, matter_id, department_id;
  JsonObject *payload;

  if (!hall_param_int (params, "escalation_id", TRUE, 1, G_MAXINT64, &escalation_id, error)
      || !hall_param_string (params, "note", FALSE, 500, &note, error))
    return NULL;
  hall_ctx_set_object (ctx, "leader_escalation", escalation_id);
  if (!_hall_leader_lapse_escalations (ctx, 0, error))
    return NULL;

  stmt = hall_db_prepare (
      ctx->db,
      "SELECT e.state, e.resolution, e.matter_id, m.department_id FROM leader_escalation e "
      "JOIN matter m ON m.id = e.matter_id WHERE e.id = ?1",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, escalation_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      break;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "escalation_id",
                      _ ("There is no such escalation."));
      return NULL;
    default:
      return NULL;
    }
  if (g_strcmp0 (hall_stmt_text (stmt, 0), "lapsed") != 0)
    {
      hall_set_error (
          error, HALL_ERROR_CONFLICT, "escalation_id",
          _ ("Only an escalation that lapsed (the visitor was not received on its day) can be "
             "left with the department. This one is still for today."));
      return NULL;
    }
  if (hall_stmt_text (stmt, 1) != NULL)
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "escalation_id",
                      _ ("This lapsed escalation has already been followed up."));
      return NULL;
    }
  matter_id = hall_stmt_int (stmt, 2);
  department_id = hall_stmt_int (stmt, 3);
  g_clear_pointer (&stmt, hall_stmt_release);

  stmt = hall_db_prepare (
      ctx->db,
      "UPDATE leader_escalation SET resolution = 'left', resolved_at = ?2, resolved_by = ?3, "
      "resolution_note = ?4 WHERE id = ?1",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, escalation_id);
  hall_stmt_bind_int (stmt, 2, ctx->now);
  hall_stmt_bind_id (stmt, 3, ctx->actor->user_id);
  hall_stmt_bind_text (stmt, 4, note);
  if (!_hall_leader_exec (stmt, error))
    return NULL;

  json_object_set_int_member (detail, "escalation_id", escalation_id);
  json_object_set_int_member (detail, "department_id", department_id);
  if (note)
    json_object_set_string_member (detail, "note", note);
  if (!_hall_matter_add_timeline (ctx, matter_id, "escalation_left", detail, error))
    return NULL;

  payload = json_object_new ();
  json_object_set_int_member (payload, "escalation_id", escalation_id);
  json_object_set_int_member (payload, "matter_id", matter_id);
  json_object_set_string_member (payload, "resolution", "left");
  if (!hall_ctx_emit (ctx, "leader.escalation_resolved", payload, error))
    return NULL;
  return _hall_leader_describe_escalation (ctx, escalation_id, error);
}
