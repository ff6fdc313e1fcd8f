/* hall-supervision-rules.c — 督办 that starts by itself: the rules, the flags they raise
 *
 * A rule's flag is a leader_supervision row with the rule and no leader, so the supervision page,
 * the matter's timeline and matter.supervise's resolve treat it as a leader's. The time rules
 * (1–3) are looked at by supervision.evaluate, which the process that owns the hall runs at start
 * and every few minutes (hall_scheduler_new_supervision()), and after each write on a matter;
 * rules 4 and 5 are raised by the command where the repeat visit or the 不满意 is recorded. Every
 * date is the hall's (ctx->today) and every working day the hall calendar's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-supervision"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-commands-private.h"
#include "hall-engine.h"
#include "hall-leader-private.h"
#include "hall-matter-private.h"
#include "hall-matter-timeline-private.h"
#include "hall-supervision-private.h"

/* Working days a cooperating department may stay silent, and before the due date a reply is
 * waited for. */
#define SILENT_WORKING_DAYS 5
#define DUE_WORKING_DAYS 3
/* A flag raised by an event (rules 4, 5) asks for an answer within this many working days,
 * unless the handling period ends earlier. */
#define EVENT_DUE_WORKING_DAYS 5

static gboolean evaluate_half_period (HallCtx *ctx,
                                      gint64   matter_id,
                                      guint   *raised,
                                      GError **error);
static gboolean evaluate_silent_department (HallCtx *ctx,
                                            gint64   matter_id,
                                            guint   *raised,
                                            GError **error);
static gboolean evaluate_due_no_reply (HallCtx *ctx,
                                       gint64   matter_id,
                                       guint   *raised,
                                       GError **error);

const HallSupervisionRuleInfo _hall_supervision_rules[HALL_SUPERVISION_N_RULES] = {
  [HALL_SUPERVISION_RULE_HALF_PERIOD] = { "half_period", evaluate_half_period },
  [HALL_SUPERVISION_RULE_SILENT_DEPARTMENT] = { "silent_department", evaluate_silent_department },
  [HALL_SUPERVISION_RULE_DUE_NO_REPLY] = { "due_no_reply", evaluate_due_no_reply },
  [HALL_SUPERVISION_RULE_REPEAT_VISIT] = { "repeat_visit", NULL },
  [HALL_SUPERVISION_RULE_DISSATISFIED] = { "dissatisfied", NULL },
};

/* The matters whose handling clock runs: accepted and not yet replied. */
#define HANDLING_STATES "('accepted', 'assigned', 'objected')"

HallSupervisionRule
_hall_supervision_rule_from_key (const char *key)
{
  for (guint i = 0; i < HALL_SUPERVISION_N_RULES; i++)
    if (g_strcmp0 (key, _hall_supervision_rules[i].key) == 0)
      return i;
  return HALL_SUPERVISION_N_RULES;
}

/* Whether a row answers @sql (bound: ?1 matter, ?2 rule, ?3 key). */
static gboolean
exists (HallCtx    *ctx,
        const char *sql,
        gint64      matter_id,
        const char *rule,
        const char *key,
        gboolean   *found,
        GError    **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, matter_id);
  hall_stmt_bind_text (stmt, 2, rule);
  hall_stmt_bind_text (stmt, 3, key);
  rc = hall_stmt_step (stmt, error);
  *found = rc == SQLITE_ROW;
  return rc != 0;
}

/* The date the flag asks to have the matter moved by. */
static char *
flag_due_date (HallCtx            *ctx,
               gint64              matter_id,
               HallSupervisionRule rule,
               GError            **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  g_autofree char *soon = NULL;
  const char      *handling_due;

  stmt = hall_db_prepare (ctx->db,
                          "SELECT CASE WHEN state IN " HANDLING_STATES
                          " THEN handling_due END FROM matter WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, matter_id);
  if (hall_stmt_step (stmt, error) != SQLITE_ROW)
    {
      if (error && *error == NULL)
        hall_set_error (error, HALL_ERROR_NOT_FOUND, "matter_id", _ ("There is no such matter."));
      return NULL;
    }
  handling_due = hall_stmt_text (stmt, 0);
  if (_hall_supervision_rules[rule].evaluate != NULL && handling_due != NULL)
    return g_strdup (handling_due);

  soon = _hall_calendar_add_working_days (ctx, ctx->today, EVENT_DUE_WORKING_DAYS, error);
  if (soon == NULL)
    return NULL;
  if (handling_due != NULL && strcmp (handling_due, soon) < 0)
    return g_strdup (handling_due);
  return g_steal_pointer (&soon);
}

static gboolean
raise_flag (HallCtx            *ctx,
            gint64              matter_id,
            HallSupervisionRule rule,
            const char         *key,
            const char         *detail,
            gboolean           *raised,
            GError            **error)
{
  const char *rule_key = _hall_supervision_rules[rule].key;
  g_autoptr (HallStmt) insert = NULL;
  g_autoptr (HallStmt) mark = NULL;
  g_autoptr (JsonObject) entry = NULL;
  g_autofree char *due = NULL;
  gboolean         found = FALSE;
  gint64           supervision_id;
  JsonObject      *payload;

  if (raised)
    *raised = FALSE;
  if (!exists (ctx,
               "SELECT 1 FROM leader_supervision WHERE matter_id = ?1 AND rule = ?2 "
               "AND (resolved = 0 OR rule_key = ?3)",
               matter_id, rule_key, key, &found, error))
    return FALSE;
  if (found)
    return TRUE;

  due = flag_due_date (ctx, matter_id, rule, error);
  if (due == NULL)
    return FALSE;
  insert = hall_db_prepare (ctx->db,
                            "INSERT INTO leader_supervision (matter_id, at, note, due_date, rule, "
                            "rule_key) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            error);
  if (insert == NULL)
    return FALSE;
  hall_stmt_bind_int (insert, 1, matter_id);
  hall_stmt_bind_int (insert, 2, ctx->now);
  hall_stmt_bind_text (insert, 3, detail ? detail : "");
  hall_stmt_bind_text (insert, 4, due);
  hall_stmt_bind_text (insert, 5, rule_key);
  hall_stmt_bind_text (insert, 6, key);
  if (!_hall_leader_exec (insert, error))
    return FALSE;
  supervision_id = hall_db_last_insert_id (ctx->db);

  mark = hall_db_prepare (ctx->db,
                          "UPDATE matter SET supervised = 1, supervised_at = ?2, updated_at = ?2 "
                          "WHERE id = ?1",
                          error);
  if (mark == NULL)
    return FALSE;
  hall_stmt_bind_int (mark, 1, matter_id);
  hall_stmt_bind_int (mark, 2, ctx->now);
  if (!_hall_leader_exec (mark, error))
    return FALSE;

  /* The hall raised it, not the person whose write made the engine look. */
  entry = json_object_new ();
  json_object_set_int_member (entry, "supervision_id", supervision_id);
  json_object_set_string_member (entry, "rule", rule_key);
  json_object_set_string_member (entry, "date", ctx->today);
  json_object_set_string_member (entry, "due_date", due);
  if (detail != NULL && *detail != '\0')
    json_object_set_string_member (entry, "note", detail);
  if (!_hall_matter_add_timeline_as (ctx, matter_id, 0, "supervised", entry, error))
    return FALSE;

  payload = json_object_new ();
  json_object_set_int_member (payload, "supervision_id", supervision_id);
  json_object_set_int_member (payload, "matter_id", matter_id);
  json_object_set_boolean_member (payload, "resolved", FALSE);
  json_object_set_string_member (payload, "rule", rule_key);
  if (!hall_ctx_emit (ctx, "matter.supervised", payload, error)
      || !_hall_matter_emit (ctx, "matter.changed", matter_id, error))
    return FALSE;
  if (raised)
    *raised = TRUE;
  return TRUE;
}

gboolean
hall_supervision_flag_raise (HallCtx            *ctx,
                             gint64              matter_id,
                             HallSupervisionRule rule,
                             const char         *detail,
                             gboolean           *raised,
                             GError            **error)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (rule < HALL_SUPERVISION_N_RULES, FALSE);

  /* An event names its occurrence by what it says happened, and by the day. */
  key = g_strdup_printf ("%s %s", ctx->today, detail ? detail : "");
  return raise_flag (ctx, matter_id, rule, g_strstrip (key), detail, raised, error);
}

static gboolean
count_raise (HallCtx            *ctx,
             gint64              matter_id,
             HallSupervisionRule rule,
             const char         *key,
             const char         *detail,
             guint              *raised,
             GError            **error)
{
  gboolean one = FALSE;

  if (!raise_flag (ctx, matter_id, rule, key, detail, &one, error))
    return FALSE;
  *raised += one;
  return TRUE;
}

/* The rows of @sql, bound ?1 = @matter_id (0: all). */
static JsonArray *
candidates (HallCtx    *ctx,
            const char *sql,
            gint64      matter_id,
            GError    **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, sql, error);

  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, matter_id);
  return hall_stmt_all_objects (stmt, error);
}

/* Rule 1: on the day half the handling period (acceptance to due date, calendar days) has gone,
 * rolled to the next working day, no progress note since the acceptance. */
static gboolean
evaluate_half_period (HallCtx *ctx,
                      gint64   matter_id,
                      guint   *raised,
                      GError **error)
{
  g_autoptr (JsonArray) rows = candidates (
      ctx,
      "SELECT m.id, m.accepted_date, m.handling_due FROM matter m "
      "WHERE m.state IN " HANDLING_STATES " AND (?1 = 0 OR m.id = ?1) "
      "AND m.accepted_date IS NOT NULL AND m.handling_due IS NOT NULL "
      "AND NOT EXISTS (SELECT 1 FROM matter_timeline t WHERE t.matter_id = m.id "
      "AND t.kind = 'progress_note' AND t.at >= COALESCE(m.decided_at, 0))",
      matter_id, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject      *row = json_array_get_object_element (rows, i);
      const char      *accepted = json_object_get_string_member (row, "accepted_date");
      const char      *due = json_object_get_string_member (row, "handling_due");
      g_autofree char *half = NULL;
      int              span = _hall_leader_days_between (accepted, due);

      half = _hall_calendar_add_days (ctx, accepted, MAX (span, 0) / 2, error);
      if (half == NULL)
        return FALSE;
      if (strcmp (ctx->today, half) >= 0
          && !count_raise (ctx, json_object_get_int_member (row, "id"),
                           HALL_SUPERVISION_RULE_HALF_PERIOD, half, half, raised, error))
        return FALSE;
    }
  return TRUE;
}

/* Rule 2: a department cooperating on the matter (an open 'cooperate' assignment) has written
 * no progress note for 5 whole working days since it was assigned or since its last note: raised
 * on the working day after the fifth. */
static gboolean
evaluate_silent_department (HallCtx *ctx,
                            gint64   matter_id,
                            guint   *raised,
                            GError **error)
{
  g_autoptr (JsonArray) rows = candidates (
      ctx,
      "SELECT a.matter_id, a.department_id, d.name AS department_name, a.assigned_date, "
      "(SELECT MAX(t.at) FROM matter_timeline t WHERE t.matter_id = a.matter_id "
      "AND t.kind = 'progress_note' AND t.at >= a.assigned_at "
      "AND json_extract(t.detail, '$.department_id') = a.department_id) AS last_note_at "
      "FROM matter_assignment a JOIN matter m ON m.id = a.matter_id "
      "JOIN department d ON d.id = a.department_id "
      "WHERE a.role = 'cooperate' AND a.state = 'open' AND m.state IN " HANDLING_STATES
      " AND (?1 = 0 OR a.matter_id = ?1) ORDER BY a.matter_id, a.id",
      matter_id, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject      *row = json_array_get_object_element (rows, i);
      g_autofree char *last = g_strdup (json_object_get_string_member (row, "assigned_date"));
      g_autofree char *flag_day = NULL;
      g_autofree char *key = NULL;

      if (!json_object_get_null_member (row, "last_note_at"))
        {
          g_autofree char *noted =
              hall_ctx_date_of (ctx, json_object_get_int_member (row, "last_note_at"));

          if (strcmp (noted, last) > 0)
            {
              g_free (last);
              last = g_steal_pointer (&noted);
            }
        }
      flag_day = _hall_calendar_add_working_days (ctx, last, SILENT_WORKING_DAYS + 1, error);
      if (flag_day == NULL)
        return FALSE;
      if (strcmp (ctx->today, flag_day) < 0)
        continue;
      key = g_strdup_printf ("%" G_GINT64_FORMAT " %s",
                             json_object_get_int_member (row, "department_id"), last);
      if (!count_raise (ctx, json_object_get_int_member (row, "matter_id"),
                        HALL_SUPERVISION_RULE_SILENT_DEPARTMENT, key,
                        json_object_get_string_member (row, "department_name"), raised, error))
        return FALSE;
    }
  return TRUE;
}

/* Rule 3: no reply yet and the handling due date at most 3 working days away (or past). */
static gboolean
evaluate_due_no_reply (HallCtx *ctx,
                       gint64   matter_id,
                       guint   *raised,
                       GError **error)
{
  g_autoptr (JsonArray) rows = NULL;
  g_autofree char *horizon = NULL;

  horizon = _hall_calendar_add_working_days (ctx, ctx->today, DUE_WORKING_DAYS, error);
  if (horizon == NULL)
    return FALSE;
  rows = candidates (ctx,
                     "SELECT id, handling_due FROM matter WHERE state IN " HANDLING_STATES
                     " AND replied_date IS NULL AND handling_due IS NOT NULL "
                     "AND (?1 = 0 OR id = ?1)",
                     matter_id, error);
  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      const char *due = json_object_get_string_member (row, "handling_due");

      if (strcmp (due, horizon) <= 0
          && !count_raise (ctx, json_object_get_int_member (row, "id"),
                           HALL_SUPERVISION_RULE_DUE_NO_REPLY, due, due, raised, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_hall_supervision_evaluate (HallCtx *ctx,
                            gint64   matter_id,
                            guint   *raised,
                            GError **error)
{
  for (guint i = 0; i < HALL_SUPERVISION_N_RULES; i++)
    if (_hall_supervision_rules[i].evaluate != NULL
        && !_hall_supervision_rules[i].evaluate (ctx, matter_id, raised, error))
      return FALSE;
  return TRUE;
}

gboolean
_hall_supervision_after_write (HallCtx *ctx,
                               GError **error)
{
  guint  raised = 0;
  gint64 matter_id;

  if (g_strcmp0 (ctx->object_type, "matter") != 0 || ctx->object_id == NULL)
    return TRUE;
  matter_id = g_ascii_strtoll (ctx->object_id, NULL, 10);
  if (matter_id <= 0)
    return TRUE;
  return _hall_supervision_evaluate (ctx, matter_id, &raised, error);
}

JsonObject *
_hall_supervision_evaluate_cmd (HallCtx    *ctx,
                                JsonObject *params,
                                GError    **error)
{
  JsonObject *result;
  guint       raised = 0;

  if (!_hall_supervision_evaluate (ctx, 0, &raised, error))
    return NULL;
  /* Run every 5 minutes: an audit row only for a run that raised a flag (the rules clear none). */
  if (raised == 0)
    hall_ctx_set_unchanged (ctx);
  result = json_object_new ();
  json_object_set_string_member (result, "date", ctx->today);
  json_object_set_int_member (result, "raised", raised);
  return result;
}
