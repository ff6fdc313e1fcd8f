/* hall-matter-flow.c — a matter's way through the hall: the decision to accept or decline it
 * (15 days), the reply (60 days, extended once by at most 30) and closing; assignment and
 * objection are in hall-matter-assign.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-followup-private.h"
#include "hall-matter-private.h"
#include "hall-matter-timeline-private.h"

static const char *const opinions[] = { "support", "explain", "reject", NULL };
static const char *const satisfactions[] = { "satisfied", "basic", "dissatisfied", "none", NULL };
static const char *const outcomes[] = { "resolved", "educated", "assisted", "punished", NULL };

static const char *const undecided[] = { "registered", NULL };
static const char *const handling[] = { "accepted", "assigned", "objected", NULL };
static const char *const closable[] = { "replied", "reviewed", "rereviewed", NULL };

static JsonObject *
finish (HallCtx *ctx,
        gint64   matter_id,
        GError **error)
{
  if (!_hall_matter_emit (ctx, "matter.changed", matter_id, error))
    return NULL;
  return _hall_matter_result (ctx, matter_id, error);
}

/* Records the decision to accept: the 60-day handling clock starts today. */
gboolean
_hall_matter_accept_now (HallCtx    *ctx,
                         JsonObject *matter,
                         const char *note,
                         gboolean    implicit,
                         GError    **error)
{
  gint64           matter_id = _hall_matter_get_int (matter, "id");
  const char      *decision_due = _hall_matter_get_string (matter, "decision_due");
  gboolean         late = g_strcmp0 (ctx->today, decision_due) > 0;
  g_autofree char *handling_due = NULL;
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (JsonObject) detail = json_object_new ();

  handling_due = _hall_calendar_add_days (ctx, ctx->today, HALL_MATTER_HANDLING_DAYS, error);
  if (handling_due == NULL)
    return FALSE;

  stmt =
      hall_db_prepare (ctx->db,
                       "UPDATE matter SET state = 'accepted', decided_at = ?2, decided_date = ?3, "
                       "decision_late = ?4, accepted_date = ?3, handling_due = ?5, updated_at = ?2 "
                       "WHERE id = ?1",
                       error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, matter_id);
  hall_stmt_bind_int (stmt, 2, ctx->now);
  hall_stmt_bind_text (stmt, 3, ctx->today);
  hall_stmt_bind_int (stmt, 4, late);
  hall_stmt_bind_text (stmt, 5, handling_due);
  if (!_hall_matter_exec (stmt, error))
    return FALSE;

  json_object_set_string_member (detail, "handling_due", handling_due);
  json_object_set_boolean_member (detail, "late", late);
  json_object_set_string_member (detail, "decision_due", decision_due);
  if (implicit)
    json_object_set_boolean_member (detail, "with_assignment", TRUE);
  if (note)
    json_object_set_string_member (detail, "note", note);
  if (!_hall_matter_add_timeline (ctx, matter_id, "accepted", detail, error))
    return FALSE;

  /* The row the caller holds follows the change. */
  json_object_set_string_member (matter, "state", "accepted");
  json_object_set_string_member (matter, "accepted_date", ctx->today);
  json_object_set_string_member (matter, "handling_due", handling_due);
  return TRUE;
}

JsonObject *
_hall_matter_accept (HallCtx    *ctx,
                     JsonObject *params,
                     GError    **error)
{
  g_autoptr (JsonObject) matter = NULL;
  const char *note = NULL;

  matter = _hall_matter_require (ctx, params, HALL_MATTER_WRITE, error);
  if (matter == NULL
      || !hall_param_string (params, "note", FALSE, HALL_MATTER_REASON_MAX, &note, error)
      || !_hall_matter_check_state (
          matter, undecided, _ ("Only a matter waiting for its decision can be accepted."), error)
      || !_hall_matter_accept_now (ctx, matter, note, FALSE, error))
    return NULL;
  return finish (ctx, _hall_matter_get_int (matter, "id"), error);
}

JsonObject *
_hall_matter_decline (HallCtx    *ctx,
                      JsonObject *params,
                      GError    **error)
{
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (JsonObject) detail = json_object_new ();
  const char *reason = NULL;
  gboolean    late;
  gint64      matter_id;

  matter = _hall_matter_require (ctx, params, HALL_MATTER_WRITE, error);
  if (matter == NULL
      || !hall_param_string (params, "reason", TRUE, HALL_MATTER_REASON_MAX, &reason, error)
      || !_hall_matter_check_state (
          matter, undecided, _ ("Only a matter waiting for its decision can be declined."), error))
    return NULL;
  matter_id = _hall_matter_get_int (matter, "id");
  late = g_strcmp0 (ctx->today, _hall_matter_get_string (matter, "decision_due")) > 0;

  stmt =
      hall_db_prepare (ctx->db,
                       "UPDATE matter SET state = 'declined', decided_at = ?2, decided_date = ?3, "
                       "decision_late = ?4, decline_reason = ?5, updated_at = ?2 WHERE id = ?1",
                       error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, matter_id);
  hall_stmt_bind_int (stmt, 2, ctx->now);
  hall_stmt_bind_text (stmt, 3, ctx->today);
  hall_stmt_bind_int (stmt, 4, late);
  hall_stmt_bind_text (stmt, 5, reason);
  if (!_hall_matter_exec (stmt, error))
    return NULL;

  json_object_set_string_member (detail, "reason", reason);
  json_object_set_boolean_member (detail, "late", late);
  json_object_set_string_member (detail, "decision_due",
                                 _hall_matter_get_string (matter, "decision_due"));
  if (!_hall_matter_add_timeline (ctx, matter_id, "declined", detail, error))
    return NULL;
  return finish (ctx, matter_id, error);
}

/* While a round of co-handling is open only the lead department replies: window staff whose
 * department cooperates on it may not, even as the first-receiving department. */
static gboolean
check_not_cooperating (HallCtx    *ctx,
                       JsonObject *matter,
                       GError    **error)
{
  if (!hall_ctx_is (ctx, HALL_ROLE_STAFF)
      || !_hall_matter_cooperates (ctx, _hall_matter_get_int (matter, "id"),
                                   ctx->actor->department_id, TRUE))
    return TRUE;
  hall_set_error (
      error, HALL_ERROR_FORBIDDEN, "matter_id",
      _ ("Your department cooperates on this matter; only the lead department replies and "
         "acts on it. Add a progress note to its timeline, or object to your part."));
  return FALSE;
}

JsonObject *
_hall_matter_reply (HallCtx    *ctx,
                    JsonObject *params,
                    GError    **error)
{
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (JsonObject) detail = json_object_new ();
  g_autofree char *review_until = NULL;
  const char      *opinion = NULL, *text = NULL, *facts = NULL, *basis = NULL, *handling_due;
  gboolean         late;
  gint64           matter_id;

  matter = _hall_matter_require (ctx, params, HALL_MATTER_WRITE, error);
  if (matter == NULL
      || !hall_param_string (params, "facts", TRUE, HALL_MATTER_TEXT_MAX, &facts, error)
      || !hall_param_string (params, "basis", TRUE, HALL_MATTER_TEXT_MAX, &basis, error)
      || !hall_param_enum (params, "opinion", TRUE, opinions, &opinion, error)
      || !hall_param_string (params, "text", TRUE, HALL_MATTER_TEXT_MAX, &text, error)
      || !_hall_matter_check_state (matter, handling,
                                    _ ("Only an accepted matter can be replied to."), error)
      || !check_not_cooperating (ctx, matter, error))
    return NULL;
  matter_id = _hall_matter_get_int (matter, "id");
  handling_due = _hall_matter_get_string (matter, "handling_due");
  late = g_strcmp0 (ctx->today, handling_due) > 0;

  review_until = _hall_calendar_add_days (ctx, ctx->today, HALL_MATTER_REVIEW_DAYS, error);
  if (review_until == NULL)
    return NULL;

  {
    g_autoptr (HallStmt) stmt =
        hall_db_prepare (ctx->db,
                         "UPDATE matter SET state = 'replied', reply_opinion = ?2, "
                         "reply_text = ?3, replied_date = ?4, replied_at = ?5, "
                         "replied_by = ?6, reply_late = ?7, review_request_until = ?8, "
                         "reply_facts = ?9, reply_basis = ?10, updated_at = ?5 WHERE id = ?1",
                         error);
    if (stmt == NULL)
      return NULL;
    hall_stmt_bind_int (stmt, 1, matter_id);
    hall_stmt_bind_text (stmt, 2, opinion);
    hall_stmt_bind_text (stmt, 3, text);
    hall_stmt_bind_text (stmt, 4, ctx->today);
    hall_stmt_bind_int (stmt, 5, ctx->now);
    hall_stmt_bind_id (stmt, 6, ctx->actor->user_id);
    hall_stmt_bind_int (stmt, 7, late);
    hall_stmt_bind_text (stmt, 8, review_until);
    hall_stmt_bind_text (stmt, 9, facts);
    hall_stmt_bind_text (stmt, 10, basis);
    if (!_hall_matter_exec (stmt, error))
      return NULL;
  }
  {
    g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db,
                                                 "UPDATE matter_assignment SET state = 'done' "
                                                 "WHERE matter_id = ?1 AND state = 'open'",
                                                 error);
    if (stmt == NULL)
      return NULL;
    hall_stmt_bind_int (stmt, 1, matter_id);
    if (!_hall_matter_exec (stmt, error))
      return NULL;
  }

  json_object_set_string_member (detail, "opinion", opinion);
  json_object_set_boolean_member (detail, "late", late);
  json_object_set_string_member (detail, "handling_due", handling_due);
  json_object_set_string_member (detail, "review_request_until", review_until);
  if (!_hall_matter_add_timeline (ctx, matter_id, "replied", detail, error)
      || !_hall_followup_after_reply (ctx, matter_id, error))
    return NULL;
  return finish (ctx, matter_id, error);
}

JsonObject *
_hall_matter_extend (HallCtx    *ctx,
                     JsonObject *params,
                     GError    **error)
{
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (JsonObject) detail = json_object_new ();
  g_autofree char *new_due = NULL;
  const char      *reason = NULL, *approver = NULL, *handling_due;
  gint64           days = 0, matter_id;

  matter = _hall_matter_require (ctx, params, HALL_MATTER_WRITE, error);
  if (matter == NULL
      || !hall_param_int (params, "days", TRUE, 1, HALL_MATTER_EXTENSION_MAX_DAYS, &days, error)
      || !hall_param_string (params, "reason", TRUE, HALL_MATTER_REASON_MAX, &reason, error)
      || !hall_param_string (params, "approver", TRUE, 40, &approver, error)
      || !_hall_matter_check_state (
          matter, handling, _ ("Only a matter being handled can have its deadline extended."),
          error)
      || !check_not_cooperating (ctx, matter, error))
    return NULL;
  matter_id = _hall_matter_get_int (matter, "id");
  handling_due = _hall_matter_get_string (matter, "handling_due");

  if (_hall_matter_get_int (matter, "extended_days") > 0)
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "days",
                      _ ("The handling period can be extended only once, and it was already "
                         "extended by %d days."),
                      (int) _hall_matter_get_int (matter, "extended_days"));
      return NULL;
    }
  if (g_strcmp0 (ctx->today, handling_due) > 0)
    {
      hall_set_error (
          error, HALL_ERROR_CONFLICT, "days",
          _ ("The handling deadline %s has passed; an extension must be approved before it."),
          handling_due);
      return NULL;
    }

  /* The extension counts on from the handling deadline as the calendar moved it (民法典 203),
   * never as 60 + N days from acceptance: when the 60th day fell in a holiday, that sum could
   * land in the same holiday and the extension would add nothing. */
  new_due = _hall_calendar_add_days (ctx, handling_due, (int) days, error);
  if (new_due == NULL)
    return NULL;

  {
    g_autoptr (HallStmt) stmt =
        hall_db_prepare (ctx->db,
                         "UPDATE matter SET handling_due = ?2, extended_days = ?3, "
                         "extension_reason = ?4, extension_approver = ?5, extended_at = ?6, "
                         "extended_by = ?7, updated_at = ?6 WHERE id = ?1",
                         error);
    if (stmt == NULL)
      return NULL;
    hall_stmt_bind_int (stmt, 1, matter_id);
    hall_stmt_bind_text (stmt, 2, new_due);
    hall_stmt_bind_int (stmt, 3, days);
    hall_stmt_bind_text (stmt, 4, reason);
    hall_stmt_bind_text (stmt, 5, approver);
    hall_stmt_bind_int (stmt, 6, ctx->now);
    hall_stmt_bind_id (stmt, 7, ctx->actor->user_id);
    if (!_hall_matter_exec (stmt, error))
      return NULL;
  }

  json_object_set_int_member (detail, "days", days);
  json_object_set_string_member (detail, "reason", reason);
  json_object_set_string_member (detail, "approver", approver);
  json_object_set_string_member (detail, "handling_due_before", handling_due);
  json_object_set_string_member (detail, "handling_due", new_due);
  if (!_hall_matter_add_timeline (ctx, matter_id, "extended", detail, error))
    return NULL;
  return finish (ctx, matter_id, error);
}

JsonObject *
_hall_matter_close (HallCtx    *ctx,
                    JsonObject *params,
                    GError    **error)
{
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (JsonObject) detail = json_object_new ();
  const char *satisfaction = NULL, *outcome = NULL, *note = NULL;
  gint64      matter_id;

  matter = _hall_matter_require (ctx, params, HALL_MATTER_WRITE, error);
  if (matter == NULL
      || !hall_param_enum (params, "satisfaction", TRUE, satisfactions, &satisfaction, error)
      || !hall_param_enum (params, "outcome", TRUE, outcomes, &outcome, error)
      || !hall_param_string (params, "note", FALSE, HALL_MATTER_REASON_MAX, &note, error)
      || !_hall_matter_check_state (
          matter, closable, _ ("Only a matter that has been replied to can be closed."), error))
    return NULL;
  matter_id = _hall_matter_get_int (matter, "id");

  {
    g_autoptr (HallStmt) stmt =
        hall_db_prepare (ctx->db,
                         "UPDATE matter SET state = 'closed', satisfaction = ?2, outcome = ?3, "
                         "closing_note = ?4, closed_at = ?5, closed_date = ?6, closed_by = ?7, "
                         "updated_at = ?5 WHERE id = ?1",
                         error);
    if (stmt == NULL)
      return NULL;
    hall_stmt_bind_int (stmt, 1, matter_id);
    hall_stmt_bind_text (stmt, 2, satisfaction);
    hall_stmt_bind_text (stmt, 3, outcome);
    hall_stmt_bind_text (stmt, 4, note);
    hall_stmt_bind_int (stmt, 5, ctx->now);
    hall_stmt_bind_text (stmt, 6, ctx->today);
    hall_stmt_bind_id (stmt, 7, ctx->actor->user_id);
    if (!_hall_matter_exec (stmt, error))
      return NULL;
  }

  json_object_set_string_member (detail, "satisfaction", satisfaction);
  json_object_set_string_member (detail, "outcome", outcome);
  json_object_set_string_member (detail, "from_state", _hall_matter_get_string (matter, "state"));
  if (note)
    json_object_set_string_member (detail, "note", note);
  if (!_hall_matter_add_timeline (ctx, matter_id, "closed", detail, error)
      || !_hall_followup_enqueue_matter (ctx, matter_id, "closed", error))
    return NULL;
  return finish (ctx, matter_id, error);
}
