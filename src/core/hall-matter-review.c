/* hall-matter-review.c — review (复查, 条例 35) and re-review (复核, 条例 36): each asked for
 * within 30 days of the previous written answer, and answered within 30 days of the request.
 * A re-reviewed matter is final: the same facts and reasons are not taken up again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-matter-private.h"
#include "hall-matter-timeline-private.h"

static const char *const review_opinions[] = { "uphold", "revise", NULL };

/* One level of review. The SQL differs only in column names, fixed here, never from input. */
typedef struct
{
  const char        *answered_column; /* the date of the answer the request is against */
  const char        *until_column;
  const char        *requested_column;
  const char *const *request_states;
  const char        *request_sql;
  const char        *reply_sql;
  const char        *requested_kind;
  const char        *done_kind;
} Level;

static const char *const review_from[] = { "replied", "closed", NULL };
static const char *const rereview_from[] = { "reviewed", "closed", NULL };
static const char *const review_pending[] = { "review", NULL };
static const char *const rereview_pending[] = { "rereview", NULL };

static const Level review = {
  "replied_date",
  "review_request_until",
  "review_requested_date",
  review_from,
  "UPDATE matter SET state = 'review', review_requested_date = ?2, review_reason = ?3, review_due "
  "= ?4, "
  "updated_at = ?5 WHERE id = ?1",
  "UPDATE matter SET state = 'reviewed', review_opinion = ?2, review_text = ?3, reviewed_date = "
  "?4, "
  "review_late = ?5, rereview_request_until = ?6, updated_at = ?7, review_facts = ?8, "
  "review_basis = ?9 WHERE id = ?1",
  "review_requested",
  "reviewed",
};

static const Level rereview = {
  "reviewed_date",
  "rereview_request_until",
  "rereview_requested_date",
  rereview_from,
  "UPDATE matter SET state = 'rereview', rereview_requested_date = ?2, rereview_reason = ?3, "
  "rereview_due = ?4, "
  "updated_at = ?5 WHERE id = ?1",
  "UPDATE matter SET state = 'rereviewed', rereview_opinion = ?2, rereview_text = ?3, "
  "rereviewed_date = ?4, "
  "rereview_late = ?5, rereview_request_until = coalesce(?6, rereview_request_until), updated_at = "
  "?7, rereview_facts = ?8, rereview_basis = ?9 WHERE id = ?1",
  "rereview_requested",
  "rereviewed",
};

static JsonObject *
finish (HallCtx *ctx,
        gint64   matter_id,
        GError **error)
{
  if (!_hall_matter_emit (ctx, "matter.changed", matter_id, error))
    return NULL;
  return _hall_matter_result (ctx, matter_id, error);
}

static JsonObject *
request (HallCtx     *ctx,
         JsonObject  *params,
         const Level *level,
         GError     **error)
{
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (JsonObject) detail = json_object_new ();
  g_autofree char *due = NULL;
  const char      *reason = NULL, *request_date = NULL, *answered, *until;
  gint64           matter_id;

  matter = _hall_matter_require (ctx, params, HALL_MATTER_WRITE, error);
  if (matter == NULL
      || !hall_param_string (params, "reason", TRUE, HALL_MATTER_TEXT_MAX, &reason, error)
      || !hall_param_date (params, "request_date", FALSE, &request_date, error))
    return NULL;
  matter_id = _hall_matter_get_int (matter, "id");
  answered = _hall_matter_get_string (matter, level->answered_column);
  until = _hall_matter_get_string (matter, level->until_column);

  if (!_hall_matter_check_state (
          matter, level->request_states,
          level == &review ? _ ("A review can be asked for only after the written reply.")
                           : _ ("A re-review can be asked for only after the review opinion."),
          error))
    return NULL;
  if (answered == NULL || _hall_matter_get_string (matter, level->requested_column) != NULL)
    {
      hall_set_error (
          error, HALL_ERROR_CONFLICT, "matter_id",
          level == &review
              ? _ ("A review of this matter was already asked for.")
              : _ ("A re-review of this matter was already asked for, or it was never reviewed."));
      return NULL;
    }

  if (request_date == NULL)
    request_date = ctx->today;
  if (strcmp (request_date, ctx->today) > 0 || strcmp (request_date, answered) < 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "request_date",
                      _ ("The request date must lie between the date of the opinion under review "
                         "(%s) and today."),
                      answered);
      return NULL;
    }
  if (until != NULL && strcmp (request_date, until) > 0)
    {
      hall_set_error (
          error, HALL_ERROR_CONFLICT, "request_date",
          level == &review
              ? _ ("The 30 days to ask for a review ended on %s (the reply was given on %s).")
              : _ ("The 30 days to ask for a re-review ended on %s (the review opinion was given "
                   "on %s)."),
          until, answered);
      return NULL;
    }

  due = _hall_calendar_add_days (ctx, request_date, HALL_MATTER_REVIEW_DAYS, error);
  if (due == NULL)
    return NULL;

  {
    g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, level->request_sql, error);
    if (stmt == NULL)
      return NULL;
    hall_stmt_bind_int (stmt, 1, matter_id);
    hall_stmt_bind_text (stmt, 2, request_date);
    hall_stmt_bind_text (stmt, 3, reason);
    hall_stmt_bind_text (stmt, 4, due);
    hall_stmt_bind_int (stmt, 5, ctx->now);
    if (!_hall_matter_exec (stmt, error))
      return NULL;
  }

  json_object_set_string_member (detail, "request_date", request_date);
  json_object_set_string_member (detail, "reason", reason);
  json_object_set_string_member (detail, "due", due);
  json_object_set_string_member (detail, "from_state", _hall_matter_get_string (matter, "state"));
  if (!_hall_matter_add_timeline (ctx, matter_id, level->requested_kind, detail, error))
    return NULL;
  return finish (ctx, matter_id, error);
}

static JsonObject *
answer (HallCtx     *ctx,
        JsonObject  *params,
        const Level *level,
        GError     **error)
{
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (JsonObject) detail = json_object_new ();
  g_autofree char *next_until = NULL;
  const char      *opinion = NULL, *text = NULL, *facts = NULL, *basis = NULL, *due;
  gboolean         late;
  gint64           matter_id;

  matter = _hall_matter_require (ctx, params, HALL_MATTER_WRITE, error);
  if (matter == NULL
      || !hall_param_string (params, "facts", TRUE, HALL_MATTER_TEXT_MAX, &facts, error)
      || !hall_param_string (params, "basis", TRUE, HALL_MATTER_TEXT_MAX, &basis, error)
      || !hall_param_enum (params, "opinion", TRUE, review_opinions, &opinion, error)
      || !hall_param_string (params, "text", TRUE, HALL_MATTER_TEXT_MAX, &text, error)
      || !_hall_matter_check_state (
          matter, level == &review ? review_pending : rereview_pending,
          level == &review ? _ ("Only a matter under review can get a review opinion.")
                           : _ ("Only a matter under re-review can get a re-review opinion."),
          error))
    return NULL;
  matter_id = _hall_matter_get_int (matter, "id");
  due = _hall_matter_get_string (matter, level == &review ? "review_due" : "rereview_due");
  late = g_strcmp0 (ctx->today, due) > 0;

  /* After a review the petitioner may ask for a re-review; after a re-review, nothing more. */
  if (level == &review)
    {
      next_until = _hall_calendar_add_days (ctx, ctx->today, HALL_MATTER_REVIEW_DAYS, error);
      if (next_until == NULL)
        return NULL;
    }

  {
    g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, level->reply_sql, error);
    if (stmt == NULL)
      return NULL;
    hall_stmt_bind_int (stmt, 1, matter_id);
    hall_stmt_bind_text (stmt, 2, opinion);
    hall_stmt_bind_text (stmt, 3, text);
    hall_stmt_bind_text (stmt, 4, ctx->today);
    hall_stmt_bind_int (stmt, 5, late);
    hall_stmt_bind_text (stmt, 6, next_until);
    hall_stmt_bind_int (stmt, 7, ctx->now);
    hall_stmt_bind_text (stmt, 8, facts);
    hall_stmt_bind_text (stmt, 9, basis);
    if (!_hall_matter_exec (stmt, error))
      return NULL;
  }

  json_object_set_string_member (detail, "opinion", opinion);
  json_object_set_boolean_member (detail, "late", late);
  json_object_set_string_member (detail, "due", due);
  if (next_until)
    json_object_set_string_member (detail, "rereview_request_until", next_until);
  if (!_hall_matter_add_timeline (ctx, matter_id, level->done_kind, detail, error))
    return NULL;
  return finish (ctx, matter_id, error);
}

JsonObject *
_hall_matter_review_request (HallCtx    *ctx,
                             JsonObject *params,
                             GError    **error)
{
  return request (ctx, params, &review, error);
}

JsonObject *
_hall_matter_review_reply (HallCtx    *ctx,
                           JsonObject *params,
                           GError    **error)
{
  return answer (ctx, params, &review, error);
}

JsonObject *
_hall_matter_rereview_request (HallCtx    *ctx,
                               JsonObject *params,
                               GError    **error)
{
  return request (ctx, params, &rereview, error);
}

JsonObject *
_hall_matter_rereview_reply (HallCtx    *ctx,
                             JsonObject *params,
                             GError    **error)
{
  return answer (ctx, params, &rereview, error);
}
