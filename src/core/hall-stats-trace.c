/* hall-stats-trace.c — stats.trace: the tickets, matters and records a figure of stats.summary
 * counts, so that every number can be checked against the records behind it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-stats"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-engine.h"
#include "hall-stats-private.h"

/* Each SQL gives the ids of the records (into the lists of the Trace) and, third, their persons
 * when the figure has person-times. */
#define BATCH_WHERE(cond)                                                      \
  "SELECT ticket_id, CASE WHEN ticket_id IS NULL THEN matter_id END, persons " \
  "FROM flagged WHERE " cond " AND (:channel IS NULL OR channel = :channel) "  \
  "AND (:department_id IS NULL OR department_id = :department_id) ORDER BY date, at, rank, rid"
#define MATTERS_WHERE(cond) \
  "SELECT NULL, id FROM matter WHERE " HALL_STATS_RATES " AND " cond " ORDER BY id"
#define FOLLOWUPS_WHERE(cond)                                                       \
  "SELECT id, matter_id FROM followup WHERE " HALL_STATS_FOLLOWUP_BASE " AND " cond \
  " AND (:department_id IS NULL OR department_id = :department_id) ORDER BY id"

typedef struct
{
  const char *key;
  const char *numerator;   /* the SQL of the figure, or of a rate's numerator */
  const char *denominator; /* a rate's denominator; NULL for a count */
  gboolean    batches;     /* the SQL goes after _hall_stats_flagged */
  const char *lists[2];    /* the members the columns of a row go to; NULL for none */
} Trace;

static const Trace traces[] = {
  { "batches", BATCH_WHERE ("1"), NULL, TRUE, { "tickets", "matters" } },
  { "persons", BATCH_WHERE ("1"), NULL, TRUE, { "tickets", "matters" } },
  { "single_batches", BATCH_WHERE ("NOT collective"), NULL, TRUE, { "tickets", "matters" } },
  { "collective_batches", BATCH_WHERE ("collective"), NULL, TRUE, { "tickets", "matters" } },
  { "first_batches", BATCH_WHERE ("NOT repeat"), NULL, TRUE, { "tickets", "matters" } },
  { "repeat_batches", BATCH_WHERE ("repeat"), NULL, TRUE, { "tickets", "matters" } },
  { "escalated_batches",
    BATCH_WHERE ("escalation IS NOT NULL AND (:level IS NULL OR escalation = :level)"),
    NULL,
    TRUE,
    { "tickets", "matters" } },
  { "matters",
    "SELECT NULL, id, persons FROM matter WHERE received_date BETWEEN :from AND :to "
    "AND (:channel IS NULL OR channel = :channel) "
    "AND (:department_id IS NULL OR first_department_id = :department_id) ORDER BY id",
    NULL,
    FALSE,
    { NULL, "matters" } },
  { "decision_on_time", MATTERS_WHERE (HALL_STATS_DECISION_NUM), MATTERS_WHERE (HALL_STATS_DECISION_DEN), FALSE, { NULL, "matters" } },
  { "handling_on_time", MATTERS_WHERE (HALL_STATS_HANDLING_NUM), MATTERS_WHERE (HALL_STATS_HANDLING_DEN), FALSE, { NULL, "matters" } },
  { "satisfaction", MATTERS_WHERE (HALL_STATS_SATISFIED), MATTERS_WHERE (HALL_STATS_RATED), FALSE, { NULL, "matters" } },
  { "participation", MATTERS_WHERE (HALL_STATS_RATED), MATTERS_WHERE (HALL_STATS_CLOSED), FALSE, { NULL, "matters" } },
  { "leader_receptions",
    "SELECT id, matter_id, persons FROM leader_reception WHERE date BETWEEN :from AND :to "
    "AND (:outcome IS NULL OR coalesce (outcome, 'unrecorded') = :outcome) ORDER BY date, id",
    NULL,
    FALSE,
    { "receptions", "matters" } },
  { "leader_outreach",
    "SELECT id, NULL, persons FROM leader_outreach WHERE date BETWEEN :from AND :to "
    "AND (:kind IS NULL OR kind = :kind) ORDER BY date, id",
    NULL,
    FALSE,
    { "outreach", NULL } },
  { "repeat_petitions",
    "SELECT id, matter_id, persons FROM matter_repeat WHERE date BETWEEN :from AND :to "
    "AND (:channel IS NULL OR channel = :channel) ORDER BY date, id",
    NULL,
    FALSE,
    { "repeats", "matters" } },
  { "resolution",
    "SELECT NULL, id FROM matter WHERE " HALL_STATS_RESOLUTION_BASE " AND " HALL_STATS_RESOLVED
    " ORDER BY id",
    "SELECT NULL, id FROM matter WHERE " HALL_STATS_RESOLUTION_BASE " ORDER BY id",
    FALSE,
    { NULL, "matters" } },
  { "follow_up_visits", FOLLOWUPS_WHERE (HALL_STATS_FOLLOWUP_CALLED), FOLLOWUPS_WHERE ("1"), FALSE, { "followups", "matters" } },
  { "follow_up_successful", FOLLOWUPS_WHERE (HALL_STATS_FOLLOWUP_REACHED), FOLLOWUPS_WHERE (HALL_STATS_FOLLOWUP_CALLED), FALSE, { "followups", "matters" } },
  { "follow_up_satisfied", FOLLOWUPS_WHERE (HALL_STATS_FOLLOWUP_SATISFIED), FOLLOWUPS_WHERE (HALL_STATS_FOLLOWUP_REACHED), FALSE, { "followups", "matters" } },
  { "queue", _hall_stats_trace_served_sql, NULL, FALSE, { "tickets", NULL } },
  { "on_site", _hall_stats_trace_on_site_sql, _hall_stats_trace_on_site_den_sql, FALSE, { "tickets", NULL } },
  { "first_handling", _hall_stats_trace_first_sql, NULL, FALSE, { NULL, "matters" } },
};

static const char *const parts[] = { "numerator", "denominator", NULL };
static const char *const buckets[] = { "all", "open", "overdue", "on_time", "late", NULL };
static const char *const levels[] = { "city", "province", "capital", NULL };
static const char *const channels[] = { "visit", "letter", "online", "phone", "other", NULL };
static const char *const outcomes[] = { "resolved", "assigned", "forwarded",
                                        "explained", "unrecorded", NULL };
static const char *const kinds[] = { "visit", "invite", NULL };

static void
bind_optional (HallStmt   *stmt,
               const char *name,
               const char *text,
               gint64      id)
{
  int i = sqlite3_bind_parameter_index (stmt, name);

  if (i <= 0)
    return;
  if (text != NULL)
    hall_stmt_bind_text (stmt, i, text);
  else
    hall_stmt_bind_id (stmt, i, id);
}

JsonObject *
_hall_stats_trace (HallCtx    *ctx,
                   JsonObject *params,
                   GError    **error)
{
  const char      *key = NULL, *from = NULL, *to = NULL, *part = "numerator";
  const char      *channel = NULL, *level = NULL, *outcome = NULL, *kind = NULL, *bucket = "all";
  gint64           counter_id = 0, user_id = 0, department_id = 0, count = 0, persons = 0;
  const char      *keys[G_N_ELEMENTS (traces) + 1];
  const Trace     *trace = NULL;
  g_autofree char *sql = NULL;
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (JsonObject) result = json_object_new ();
  JsonArray *lists[2] = { NULL, NULL };
  int        rc;

  for (guint i = 0; i < G_N_ELEMENTS (traces); i++)
    keys[i] = traces[i].key;
  keys[G_N_ELEMENTS (traces)] = NULL;
  if (!hall_param_enum (params, "key", TRUE, keys, &key, error)
      || !_hall_stats_read_period (params, &from, &to, error)
      || !hall_param_enum (params, "part", FALSE, parts, &part, error)
      || !hall_param_enum (params, "channel", FALSE, channels, &channel, error)
      || !hall_param_enum (params, "level", FALSE, levels, &level, error)
      || !hall_param_enum (params, "outcome", FALSE, outcomes, &outcome, error)
      || !hall_param_enum (params, "kind", FALSE, kinds, &kind, error)
      || !hall_param_enum (params, "bucket", FALSE, buckets, &bucket, error)
      || !hall_param_int (params, "counter_id", FALSE, 1, G_MAXINT64, &counter_id, error)
      || !hall_param_int (params, "user_id", FALSE, 1, G_MAXINT64, &user_id, error)
      || !hall_param_int (params, "department_id", FALSE, 1, G_MAXINT64, &department_id, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (traces); i++)
    if (g_str_equal (traces[i].key, key))
      trace = &traces[i];
  if (g_str_equal (part, "denominator") && trace->denominator == NULL)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "part",
                      _ ("Only a rate has a denominator."));
      return NULL;
    }

  sql = g_strconcat (trace->batches ? _hall_stats_flagged : "",
                     g_str_equal (part, "denominator") ? trace->denominator : trace->numerator,
                     NULL);
  if ((stmt = hall_db_prepare (ctx->db, sql, error)) == NULL)
    return NULL;
  _hall_stats_bind (stmt, ctx, from, to);
  bind_optional (stmt, ":channel", channel, 0);
  bind_optional (stmt, ":level", level, 0);
  bind_optional (stmt, ":outcome", outcome, 0);
  bind_optional (stmt, ":kind", kind, 0);
  bind_optional (stmt, ":bucket", bucket, 0);
  bind_optional (stmt, ":counter_id", NULL, counter_id);
  bind_optional (stmt, ":user_id", NULL, user_id);
  bind_optional (stmt, ":department_id", NULL, department_id);

  for (guint c = 0; c < 2; c++)
    if (trace->lists[c] != NULL)
      {
        lists[c] = json_array_new ();
        json_object_set_array_member (result, trace->lists[c], lists[c]);
      }
  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      count++;
      if (sqlite3_column_count (stmt) > 2)
        persons += hall_stmt_int (stmt, 2);
      for (guint c = 0; c < 2 && c < (guint) sqlite3_column_count (stmt); c++)
        if (lists[c] != NULL && sqlite3_column_type (stmt, c) != SQLITE_NULL)
          json_array_add_int_element (lists[c], hall_stmt_int (stmt, c));
    }
  if (rc != SQLITE_DONE)
    return NULL;

  json_object_set_string_member (result, "key", key);
  json_object_set_string_member (result, "part", part);
  json_object_set_string_member (result, "from", from);
  json_object_set_string_member (result, "to", to);
  json_object_set_int_member (result, "count", count);
  if (sqlite3_column_count (stmt) > 2)
    json_object_set_int_member (result, "persons", persons);
  return g_steal_pointer (&result);
}
