/* hall-rating.c — the window rating pads (评价器, 一次一评): which window a pad faces, the
 * service it may rate now, and the rating itself
 *
 * A pad account is bound to one window (rating_pad). When that window finishes a ticket, the pad
 * learns it from the change feed (ticket.finished at its counter) or from rating.pending, and
 * may rate it once, within HALL_RATING_WINDOW_SECONDS. The pad never receives anything about
 * the visitor: only the ticket's number, the window and the name of the staff on duty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-rating"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-followup-private.h"
#include "hall-queue-private.h"
#include "hall-rating-private.h"

static const char *const level_names[] = { "very_satisfied", "satisfied", "dissatisfied", NULL };
/* 态度, 质量, 效率, 廉洁自律 */
static const char *const score_names[] = { "attitude", "quality", "efficiency", "integrity", NULL };

/* ---- the pad's window ----------------------------------------------------------------------- */

gboolean
_hall_rating_pad_counter (HallDb  *db,
                          gint64   user_id,
                          gint64  *counter_id,
                          GError **error)
{
  g_autoptr (HallStmt) stmt =
      hall_db_prepare (db, "SELECT counter_id FROM rating_pad WHERE user_id = ?1", error);

  *counter_id = 0;
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, user_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      *counter_id = hall_stmt_int (stmt, 0);
      return TRUE;
    case SQLITE_DONE:
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
_hall_rating_bind_pad (HallCtx *ctx,
                       gint64   user_id,
                       gint64   counter_id,
                       GError **error)
{
  g_autoptr (HallStmt) bind = NULL;
  HallCounter counter;

  if (!(_hall_account_load_roles (ctx->db, user_id, error) & HALL_ROLE_RATING_PAD))
    {
      if (error == NULL || *error == NULL)
        hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "counter_id",
                        _ ("Only a rating pad account faces a window."));
      return FALSE;
    }
  if (!_hall_queue_get_counter (ctx, counter_id, &counter, error))
    return FALSE;

  bind = hall_db_prepare (ctx->db,
                          "INSERT INTO rating_pad (user_id, counter_id) VALUES (?1, ?2) "
                          "ON CONFLICT (user_id) DO UPDATE SET counter_id = excluded.counter_id",
                          error);
  if (bind == NULL)
    return FALSE;
  hall_stmt_bind_int (bind, 1, user_id);
  hall_stmt_bind_int (bind, 2, counter_id);
  return hall_stmt_step (bind, error) == SQLITE_DONE;
}

/* The window of the calling pad; @counter_id the one the pad says it faces (0: any). */
static gboolean
require_pad (HallCtx *ctx,
             gint64   said,
             gint64  *counter_id,
             GError **error)
{
  if (!_hall_rating_pad_counter (ctx->db, ctx->actor->user_id, counter_id, error))
    return FALSE;
  if (*counter_id == 0)
    {
      hall_set_error (error, HALL_ERROR_FORBIDDEN, "counter_id",
                      _ ("This rating pad faces no window yet. Ask the hall administrator to "
                         "choose its window."));
      return FALSE;
    }
  if (said != 0 && said != *counter_id)
    {
      hall_set_error (error, HALL_ERROR_FORBIDDEN, "counter_id",
                      _ ("This rating pad faces another window. Ask the hall administrator "
                         "which window it belongs to."));
      return FALSE;
    }
  return TRUE;
}

/* ---- rating.bind ---------------------------------------------------------------------------- */

static JsonObject *
rating_bind (HallCtx    *ctx,
             JsonObject *params,
             GError    **error)
{
  gint64      user_id = 0, counter_id = 0;
  JsonObject *payload;

  if (!hall_param_int (params, "user_id", TRUE, 1, G_MAXINT64, &user_id, error)
      || !hall_param_int (params, "counter_id", TRUE, 1, G_MAXINT64, &counter_id, error))
    return NULL;
  hall_ctx_set_object (ctx, "account", user_id);
  if (!_hall_rating_bind_pad (ctx, user_id, counter_id, error))
    return NULL;

  payload = json_object_new ();
  json_object_set_int_member (payload, "user_id", user_id);
  if (!hall_ctx_emit (ctx, "account.changed", payload, error))
    return NULL;
  payload = json_object_new ();
  json_object_set_int_member (payload, "user_id", user_id);
  json_object_set_int_member (payload, "counter_id", counter_id);
  return payload;
}

/* ---- rating.pending ------------------------------------------------------------------------- */

static JsonObject *
rating_pending (HallCtx    *ctx,
                JsonObject *params,
                GError    **error)
{
  gint64 said = 0, counter_id = 0;
  g_autoptr (HallStmt) counter = NULL;
  g_autoptr (HallStmt) ticket = NULL;
  g_autoptr (JsonObject) result = json_object_new ();
  JsonObject *pending;

  if (!hall_param_int (params, "counter_id", FALSE, 1, G_MAXINT64, &said, error)
      || !require_pad (ctx, said, &counter_id, error))
    return NULL;

  /* The staff on duty by name only: the pad faces the visitor, who may see who serves them. */
  counter = hall_db_prepare (ctx->db,
                             "SELECT c.id AS counter_id, c.number, c.name, c.state, "
                             "a.display_name AS staff_name "
                             "FROM counter c LEFT JOIN account a ON a.id = c.staff_user_id "
                             "WHERE c.id = ?1",
                             error);
  if (counter == NULL)
    return NULL;
  hall_stmt_bind_int (counter, 1, counter_id);
  switch (hall_stmt_step (counter, error))
    {
    case SQLITE_ROW:
      break;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "counter_id", _ ("There is no such window."));
      return NULL;
    default:
      return NULL;
    }
  json_object_set_object_member (result, "counter", hall_stmt_row_object (counter));

  ticket = hall_db_prepare (ctx->db,
                            "SELECT t.id AS ticket_id, t.code, t.finished_at, "
                            "t.finished_at + ?3 AS expires_at FROM ticket t "
                            "WHERE t.counter_id = ?1 AND t.state = 'finished' "
                            "AND t.finished_at >= ?2 - ?3 "
                            "AND NOT EXISTS (SELECT 1 FROM rating r WHERE r.ticket_id = t.id) "
                            "ORDER BY t.finished_at DESC, t.id DESC LIMIT 1",
                            error);
  if (ticket == NULL)
    return NULL;
  hall_stmt_bind_int (ticket, 1, counter_id);
  hall_stmt_bind_int (ticket, 2, ctx->now);
  hall_stmt_bind_int (ticket, 3, HALL_RATING_WINDOW_SECONDS);
  switch (hall_stmt_step (ticket, error))
    {
    case SQLITE_ROW:
      pending = hall_stmt_row_object (ticket);
      json_object_set_object_member (result, "pending", pending);
      break;
    case SQLITE_DONE:
      json_object_set_null_member (result, "pending");
      break;
    default:
      return NULL;
    }
  json_object_set_int_member (result, "rating_window_seconds", HALL_RATING_WINDOW_SECONDS);
  return g_steal_pointer (&result);
}

/* ---- rating.submit -------------------------------------------------------------------------- */

/* Who finished the ticket (ticket.finish keeps it); the window's staff when nobody did. */
static gint64
served_by (HallCtx *ctx,
           gint64   ticket_id,
           gint64   counter_id,
           GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;

  stmt = hall_db_prepare (ctx->db,
                          "SELECT coalesce ((SELECT finished_by FROM ticket WHERE id = ?1), "
                          " (SELECT staff_user_id FROM counter WHERE id = ?2), 0)",
                          error);
  if (stmt == NULL)
    return -1;
  hall_stmt_bind_int (stmt, 1, ticket_id);
  hall_stmt_bind_int (stmt, 2, counter_id);
  if (hall_stmt_step (stmt, error) != SQLITE_ROW)
    return -1;
  return hall_stmt_int (stmt, 0);
}

/* The ticket the pad rates, if it may rate it now. */
static gboolean
check_ratable (HallCtx *ctx,
               gint64   ticket_id,
               gint64   counter_id,
               char   **day,
               gint64  *department_id,
               GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;

  stmt = hall_db_prepare (ctx->db,
                          "SELECT t.counter_id, t.state, t.finished_at, t.day, t.department_id, "
                          "EXISTS (SELECT 1 FROM rating r WHERE r.ticket_id = t.id) "
                          "FROM ticket t WHERE t.id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, ticket_id);
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

  /* Another window's visitors are not this pad's to rate, whatever state they are in. */
  if (hall_stmt_int (stmt, 0) != counter_id)
    {
      hall_set_error (error, HALL_ERROR_FORBIDDEN, "ticket_id",
                      _ ("This pad rates only the services of its own window."));
      return FALSE;
    }
  if (g_strcmp0 (hall_stmt_text (stmt, 1), "finished") != 0)
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "ticket_id",
                      _ ("This service is not finished yet: it can be rated when the window "
                         "finishes it."));
      return FALSE;
    }
  if (hall_stmt_int (stmt, 5))
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "ticket_id",
                      _ ("This service has already been rated. Each service is rated once."));
      return FALSE;
    }
  if (hall_stmt_int (stmt, 2) + HALL_RATING_WINDOW_SECONDS < ctx->now)
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "ticket_id",
                      g_dngettext (GETTEXT_PACKAGE,
                                   "The time to rate this service has passed: it can be rated "
                                   "within %d minute of the end of the service.",
                                   "The time to rate this service has passed: it can be rated "
                                   "within %d minutes of the end of the service.",
                                   HALL_RATING_WINDOW_SECONDS / 60),
                      HALL_RATING_WINDOW_SECONDS / 60);
      return FALSE;
    }
  *day = g_strdup (hall_stmt_text (stmt, 3));
  *department_id = hall_stmt_int (stmt, 4);
  return TRUE;
}

static JsonObject *
rating_submit (HallCtx    *ctx,
               JsonObject *params,
               GError    **error)
{
  const char      *level = NULL;
  gint64           ticket_id = 0, counter_id = 0, department_id = 0, staff_id, rating_id;
  gint64           scores[G_N_ELEMENTS (score_names) - 1] = { 0 };
  g_autofree char *day = NULL;
  g_autoptr (HallStmt) insert = NULL;
  g_autoptr (JsonObject) rating = json_object_new ();
  gboolean    alert;
  JsonObject *payload, *result;

  if (!hall_param_int (params, "ticket_id", TRUE, 1, G_MAXINT64, &ticket_id, error)
      || !hall_param_enum (params, "level", TRUE, level_names, &level, error))
    return NULL;
  for (guint i = 0; score_names[i] != NULL; i++)
    if (!hall_param_int (params, score_names[i], FALSE, 1, 5, &scores[i], error))
      return NULL;
  if (!require_pad (ctx, 0, &counter_id, error))
    return NULL;
  hall_ctx_set_object (ctx, "ticket", ticket_id);
  if (!check_ratable (ctx, ticket_id, counter_id, &day, &department_id, error))
    return NULL;
  staff_id = served_by (ctx, ticket_id, counter_id, error);
  if (staff_id < 0)
    return NULL;

  alert = g_str_equal (level, "dissatisfied");
  insert = hall_db_prepare (
      ctx->db,
      "INSERT INTO rating (ticket_id, day, counter_id, department_id, staff_user_id, pad_user_id, "
      "level, attitude, quality, efficiency, integrity, rated_at, alert) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
      error);
  if (insert == NULL)
    return NULL;
  hall_stmt_bind_int (insert, 1, ticket_id);
  hall_stmt_bind_text (insert, 2, day);
  hall_stmt_bind_int (insert, 3, counter_id);
  hall_stmt_bind_int (insert, 4, department_id);
  hall_stmt_bind_id (insert, 5, staff_id);
  hall_stmt_bind_int (insert, 6, ctx->actor->user_id);
  hall_stmt_bind_text (insert, 7, level);
  for (guint i = 0; score_names[i] != NULL; i++)
    hall_stmt_bind_id (insert, 8 + i, scores[i]);
  hall_stmt_bind_int (insert, 12, ctx->now);
  hall_stmt_bind_text (insert, 13, alert ? "open" : NULL);
  if (hall_stmt_step (insert, error) != SQLITE_DONE)
    return NULL;
  rating_id = hall_db_last_insert_id (ctx->db);

  json_object_set_int_member (rating, "rating_id", rating_id);
  json_object_set_int_member (rating, "ticket_id", ticket_id);
  json_object_set_int_member (rating, "counter_id", counter_id);
  json_object_set_string_member (rating, "level", level);
  for (guint i = 0; score_names[i] != NULL; i++)
    if (scores[i])
      json_object_set_int_member (rating, score_names[i], scores[i]);
    else
      json_object_set_null_member (rating, score_names[i]);
  json_object_set_boolean_member (rating, "alert", alert);

  /* Ids and the level only: every session receives the feed. */
  payload = json_object_new ();
  json_object_set_int_member (payload, "rating_id", rating_id);
  json_object_set_int_member (payload, "ticket_id", ticket_id);
  json_object_set_int_member (payload, "counter_id", counter_id);
  json_object_set_string_member (payload, "level", level);
  json_object_set_boolean_member (payload, "alert", alert);
  if (!hall_ctx_emit (ctx, "rating.submitted", payload, error))
    return NULL;
  /* A 不满意 joins the follow-up list (回访核实). */
  if (alert && !_hall_followup_enqueue_rating (ctx, rating_id, ticket_id, error))
    return NULL;

  result = json_object_new ();
  json_object_set_object_member (result, "rating", g_steal_pointer (&rating));
  return result;
}

const HallCommand _hall_rating_commands[] = {
  { "rating.bind", rating_bind, HALL_ROLE_ADMIN, HALL_COMMAND_WRITE },
  { "rating.pending", rating_pending, HALL_ROLE_RATING_PAD, HALL_COMMAND_READ },
  { "rating.submit", rating_submit, HALL_ROLE_RATING_PAD, HALL_COMMAND_WRITE },
  { "rating.alerts", _hall_rating_alerts, HALL_ROLE_MANAGER | HALL_ROLE_LEADER, HALL_COMMAND_READ },
  { "rating.follow_up", _hall_rating_follow_up, HALL_ROLE_MANAGER, HALL_COMMAND_WRITE },
  { "rating.list", _hall_rating_list, HALL_ROLE_MANAGER | HALL_ROLE_LEADER, HALL_COMMAND_READ },
  { "rating.summary", _hall_rating_summary, HALL_ROLE_MANAGER | HALL_ROLE_LEADER,
    HALL_COMMAND_READ },
  { NULL }
};
