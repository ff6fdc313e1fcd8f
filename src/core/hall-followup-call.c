/* hall-followup-call.c — 回访核实: a call on a follow-up (one attempt of at most three), the
 * on-site check (实地核实) that a 不满意 opens, and its finding: the outcome confirmed, or the
 * matter reopened and sent back to its department for 整改
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-followup"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-followup-private.h"
#include "hall-supervision-private.h"
#include "hall-matter-private.h"
#include "hall-matter-timeline-private.h"

static const char *const results[] = { "reached", "no_answer", "empty_number", "refused", NULL };
static const char *const methods[] = { "phone", "visit", "sms", NULL };
static const char *const satisfactions[] = { "satisfied", "basic", "dissatisfied", NULL };
static const char *const findings[] = { "confirmed", "reopen", NULL };
/* A matter whose outcome a check can send back: replied, reviewed or closed. */
static const char *const reopenable[] = { "replied", "reviewed", "rereviewed", "closed", NULL };

static gint64
item_matter (JsonObject *item)
{
  return json_object_get_int_member_with_default (item, "matter_id", 0);
}

static JsonObject *
require_item (HallCtx    *ctx,
              JsonObject *params,
              const char *state,
              const char *message,
              GError    **error)
{
  gint64 followup_id = 0;
  g_autoptr (JsonObject) item = NULL;

  if (!hall_param_int (params, "followup_id", TRUE, 1, G_MAXINT64, &followup_id, error))
    return NULL;
  item = _hall_followup_require (ctx, followup_id, error);
  if (item == NULL)
    return NULL;
  if (g_strcmp0 (json_object_get_string_member (item, "state"), state) != 0)
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "followup_id", "%s", message);
      return NULL;
    }
  return g_steal_pointer (&item);
}

static gboolean
set_state (HallCtx    *ctx,
           JsonObject *item,
           const char *state,
           gboolean    ended,
           GError    **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (
      ctx->db,
      "UPDATE followup SET state = ?2, ended_date = ?3, updated_at = ?4 WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, json_object_get_int_member (item, "id"));
  hall_stmt_bind_text (stmt, 2, state);
  hall_stmt_bind_text (stmt, 3, ended ? ctx->today : NULL);
  hall_stmt_bind_int (stmt, 4, ctx->now);
  return hall_stmt_step (stmt, error) == SQLITE_DONE;
}

/* A 不满意 on a pad is followed up once its round has ended. */
static gboolean
end_rating_alert (HallCtx    *ctx,
                  JsonObject *item,
                  GError    **error)
{
  g_autoptr (HallStmt) rating = NULL;

  if (json_object_get_int_member_with_default (item, "rating_id", 0) == 0)
    return TRUE;
  rating = hall_db_prepare (ctx->db,
                            "UPDATE rating SET alert = 'followed_up', followed_up_by = ?2, "
                            "followed_up_at = ?3 WHERE id = ?1 AND alert = 'open'",
                            error);
  if (rating == NULL)
    return FALSE;
  hall_stmt_bind_int (rating, 1, json_object_get_int_member (item, "rating_id"));
  hall_stmt_bind_id (rating, 2, ctx->actor->user_id);
  hall_stmt_bind_int (rating, 3, ctx->now);
  return hall_stmt_step (rating, error) == SQLITE_DONE;
}

/* The timeline entry on the item's matter, if it has one, and the events. */
static JsonObject *
finish (HallCtx    *ctx,
        JsonObject *item,
        const char *state,
        const char *kind,
        JsonObject *detail,
        GError    **error)
{
  gint64 matter_id = item_matter (item);

  if (matter_id != 0)
    {
      json_object_set_int_member (detail, "followup_id", json_object_get_int_member (item, "id"));
      if (!_hall_matter_add_timeline (ctx, matter_id, kind, detail, error)
          || !_hall_matter_emit (ctx, "matter.changed", matter_id, error))
        return NULL;
    }
  if (!_hall_followup_emit (ctx, item, state, error))
    return NULL;
  {
    JsonObject *result = json_object_new ();
    JsonObject *now = _hall_followup_get (ctx, json_object_get_int_member (item, "id"), error);

    if (now == NULL)
      {
        json_object_unref (result);
        return NULL;
      }
    json_object_set_object_member (result, "followup", now);
    return result;
  }
}

/* ---- followup.record ------------------------------------------------------------------------ */

JsonObject *
_hall_followup_record (HallCtx    *ctx,
                       JsonObject *params,
                       GError    **error)
{
  const char *result = NULL, *method = "phone", *satisfaction = NULL, *note = NULL;
  const char *state;
  gboolean    accepts = FALSE, reached, ended;
  gint64      attempt;
  g_autoptr (JsonObject) item = NULL;
  g_autoptr (JsonObject) detail = json_object_new ();
  g_autoptr (HallStmt) insert = NULL;

  if (!hall_param_enum (params, "result", TRUE, results, &result, error)
      || !hall_param_enum (params, "method", FALSE, methods, &method, error))
    return NULL;
  reached = g_str_equal (result, "reached");
  if (!hall_param_enum (params, "satisfaction", reached, satisfactions, &satisfaction, error)
      || !hall_param_bool (params, "accepts", reached, &accepts, error)
      || !hall_param_string (params, "note", FALSE, HALL_FOLLOWUP_TEXT_MAX, &note, error))
    return NULL;
  if (!reached && satisfaction != NULL)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "satisfaction",
                      _ ("Only a petitioner who was reached can say how satisfied they are."));
      return NULL;
    }
  item = require_item (ctx, params, "open",
                       _ ("This follow-up is not waiting for a call any more."), error);
  if (item == NULL)
    return NULL;
  attempt = json_object_get_int_member (item, "attempts") + 1;

  insert = hall_db_prepare (ctx->db,
                            "INSERT INTO followup_call (followup_id, matter_id, attempt, method, "
                            "result, satisfaction, accepts, note, called_at, called_date, "
                            "user_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                            error);
  if (insert == NULL)
    return NULL;
  hall_stmt_bind_int (insert, 1, json_object_get_int_member (item, "id"));
  hall_stmt_bind_id (insert, 2, item_matter (item));
  hall_stmt_bind_int (insert, 3, attempt);
  hall_stmt_bind_text (insert, 4, method);
  hall_stmt_bind_text (insert, 5, result);
  hall_stmt_bind_text (insert, 6, satisfaction);
  if (reached)
    hall_stmt_bind_int (insert, 7, accepts);
  else
    hall_stmt_bind_id (insert, 7, 0);
  hall_stmt_bind_text (insert, 8, note);
  hall_stmt_bind_int (insert, 9, ctx->now);
  hall_stmt_bind_text (insert, 10, ctx->today);
  hall_stmt_bind_id (insert, 11, ctx->actor->user_id);
  if (hall_stmt_step (insert, error) != SQLITE_DONE)
    return NULL;

  /* 满意/基本满意 end the round; 不满意 waits for the check; three calls that reach nobody, or a
   * refusal, end it unreached. */
  if (reached)
    state = g_str_equal (satisfaction, "dissatisfied") ? "check" : "done";
  else if (g_str_equal (result, "refused"))
    state = "refused";
  else
    state = attempt >= HALL_FOLLOWUP_ATTEMPTS ? "unreachable" : "open";
  ended = !g_str_equal (state, "open") && !g_str_equal (state, "check");
  {
    g_autoptr (HallStmt) update = hall_db_prepare (ctx->db,
                                                   "UPDATE followup SET attempts = ?2, state = ?3, "
                                                   "ended_date = ?4, updated_at = ?5 WHERE id = ?1",
                                                   error);
    if (update == NULL)
      return NULL;
    hall_stmt_bind_int (update, 1, json_object_get_int_member (item, "id"));
    hall_stmt_bind_int (update, 2, attempt);
    hall_stmt_bind_text (update, 3, state);
    hall_stmt_bind_text (update, 4, ended ? ctx->today : NULL);
    hall_stmt_bind_int (update, 5, ctx->now);
    if (hall_stmt_step (update, error) != SQLITE_DONE)
      return NULL;
  }
  if (ended && !end_rating_alert (ctx, item, error))
    return NULL;
  /* A 不满意 at follow-up urges the matter by itself (督办 rule 5). */
  if (g_str_equal (state, "check") && item_matter (item) != 0
      && !hall_supervision_flag_raise (ctx, item_matter (item), HALL_SUPERVISION_RULE_DISSATISFIED,
                                       ctx->today, NULL, error))
    return NULL;

  json_object_set_int_member (detail, "attempt", attempt);
  json_object_set_string_member (detail, "method", method);
  json_object_set_string_member (detail, "result", result);
  if (reached)
    {
      json_object_set_string_member (detail, "satisfaction", satisfaction);
      json_object_set_boolean_member (detail, "accepts", accepts);
    }
  json_object_set_string_member (detail, "state", state);
  if (note != NULL)
    json_object_set_string_member (detail, "note", note);
  return finish (ctx, item, state, "followup_call", detail, error);
}

/* ---- followup.check_assign ------------------------------------------------------------------ */

JsonObject *
_hall_followup_check_assign (HallCtx    *ctx,
                             JsonObject *params,
                             GError    **error)
{
  const char *person = NULL, *due = NULL;
  g_autoptr (JsonObject) item = NULL;
  g_autoptr (JsonObject) detail = json_object_new ();
  g_autoptr (HallStmt) stmt = NULL;

  if (!hall_param_string (params, "person", TRUE, 40, &person, error)
      || !hall_param_date (params, "due_date", TRUE, &due, error))
    return NULL;
  if (g_strcmp0 (due, ctx->today) < 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "due_date",
                      _ ("The check’s deadline must be today or later."));
      return NULL;
    }
  item = require_item (ctx, params, "check",
                       _ ("Only a follow-up where the petitioner was dissatisfied is checked on "
                          "site."),
                       error);
  if (item == NULL)
    return NULL;

  stmt = hall_db_prepare (ctx->db,
                          "UPDATE followup SET check_person = ?2, check_due = ?3, "
                          "check_assigned_at = ?4, check_assigned_by = ?5, updated_at = ?4 "
                          "WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, json_object_get_int_member (item, "id"));
  hall_stmt_bind_text (stmt, 2, person);
  hall_stmt_bind_text (stmt, 3, due);
  hall_stmt_bind_int (stmt, 4, ctx->now);
  hall_stmt_bind_id (stmt, 5, ctx->actor->user_id);
  if (hall_stmt_step (stmt, error) != SQLITE_DONE)
    return NULL;

  json_object_set_string_member (detail, "person", person);
  json_object_set_string_member (detail, "due_date", due);
  return finish (ctx, item, "check", "followup_check", detail, error);
}

/* ---- followup.check_finding ----------------------------------------------------------------- */

/* The matter goes back to its department, which replies again by the 整改 deadline. */
static gboolean
reopen_matter (HallCtx    *ctx,
               JsonObject *item,
               const char *rectify_due,
               GError    **error)
{
  g_autoptr (JsonObject) matter = _hall_matter_load (ctx, item_matter (item), "followup_id", error);
  g_autoptr (HallStmt) stmt = NULL;

  if (matter == NULL
      || !_hall_matter_check_state (matter, reopenable,
                                    _ ("Only a matter that has been replied to or closed can be "
                                       "sent back for rectification."),
                                    error))
    return FALSE;
  stmt = hall_db_prepare (ctx->db,
                          "UPDATE matter SET state = 'accepted', handling_due = ?2, "
                          "satisfaction = NULL, outcome = NULL, closing_note = NULL, "
                          "closed_at = NULL, closed_date = NULL, closed_by = NULL, "
                          "updated_at = ?3 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, item_matter (item));
  hall_stmt_bind_text (stmt, 2, rectify_due);
  hall_stmt_bind_int (stmt, 3, ctx->now);
  return hall_stmt_step (stmt, error) == SQLITE_DONE;
}

JsonObject *
_hall_followup_check_finding (HallCtx    *ctx,
                              JsonObject *params,
                              GError    **error)
{
  const char      *finding = NULL, *text = NULL, *state;
  g_autofree char *rectify_due = NULL;
  g_autoptr (JsonObject) item = NULL;
  g_autoptr (JsonObject) detail = json_object_new ();
  g_autoptr (HallStmt) stmt = NULL;
  gboolean reopen;

  if (!hall_param_enum (params, "finding", TRUE, findings, &finding, error)
      || !hall_param_string (params, "text", TRUE, HALL_FOLLOWUP_TEXT_MAX, &text, error))
    return NULL;
  item = require_item (ctx, params, "check",
                       _ ("Only a follow-up being checked on site can have a finding."), error);
  if (item == NULL)
    return NULL;
  if (json_object_get_null_member (item, "check_person"))
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "followup_id",
                      _ ("Name the person who checks on site first."));
      return NULL;
    }
  reopen = g_str_equal (finding, "reopen");
  if (reopen && item_matter (item) == 0)
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "finding",
                      _ ("This visit did not become a matter: there is nothing to send back to "
                         "a department."));
      return NULL;
    }
  if (reopen)
    {
      rectify_due = _hall_calendar_add_working_days (
          ctx, ctx->today,
          (int) _hall_followup_setting (ctx, "rectify_days", HALL_FOLLOWUP_RECTIFY_DAYS_DEFAULT),
          error);
      if (rectify_due == NULL || !reopen_matter (ctx, item, rectify_due, error))
        return NULL;
    }
  state = reopen ? "rectifying" : "done";

  stmt = hall_db_prepare (ctx->db,
                          "UPDATE followup SET finding = ?2, finding_text = ?3, finding_date = ?4, "
                          "finding_by = ?5, rectify_due = ?6, updated_at = ?7 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, json_object_get_int_member (item, "id"));
  hall_stmt_bind_text (stmt, 2, finding);
  hall_stmt_bind_text (stmt, 3, text);
  hall_stmt_bind_text (stmt, 4, ctx->today);
  hall_stmt_bind_id (stmt, 5, ctx->actor->user_id);
  hall_stmt_bind_text (stmt, 6, rectify_due);
  hall_stmt_bind_int (stmt, 7, ctx->now);
  if (hall_stmt_step (stmt, error) != SQLITE_DONE || !set_state (ctx, item, state, !reopen, error)
      || (!reopen && !end_rating_alert (ctx, item, error)))
    return NULL;

  json_object_set_string_member (detail, "finding", finding);
  json_object_set_string_member (detail, "text", text);
  if (reopen)
    json_object_set_string_member (detail, "rectify_due", rectify_due);
  return finish (ctx, item, state, reopen ? "followup_reopened" : "followup_confirmed", detail,
                 error);
}
