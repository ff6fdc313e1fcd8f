/* hall-stats-figures.c — the figures of stats.summary: batches and persons by channel, matters,
 * 初访/重访, 越级访, the leaders' receptions and 下访/约访, and the rates
 *
 * A batch (批次) is one arrival: each ticket is one visit, and a matter that came without a ticket
 * (a letter, an online or phone petition, a visit registered directly) is one batch of its own
 * channel. Batches are put in the order they were received, not typed in: by the date received,
 * then the time (a ticket's issue, a matter's registration), then tickets before matters, then by
 * id, so that two entries of one person in the same second still have exactly one first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-stats"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-engine.h"
#include "hall-stats-private.h"

#define FIRST_PETITIONER(matter)                                                    \
  "(SELECT mp.petitioner_id FROM matter_petitioner mp WHERE mp.matter_id = " matter \
  " ORDER BY mp.sort, mp.petitioner_id LIMIT 1)"

const char _hall_stats_flagged[] =
    "WITH batch AS MATERIALIZED ("
    "  SELECT t.id AS ticket_id, t.matter_id, t.day AS date, t.issued_at AS at, 0 AS rank, "
    "         t.id AS rid, 'visit' AS channel, t.department_id, t.persons, "
    "         (t.priority = 'collective' OR t.persons >= 5 OR coalesce (m.collective, 0)) "
    "           AS collective, m.escalation, "
    "         coalesce (t.petitioner_id, " FIRST_PETITIONER ("t.matter_id") ") AS petitioner_id "
                                                                            "    FROM ticket t LEFT JOIN matter m ON m.id = t.matter_id "
                                                                            "   WHERE t.day BETWEEN :from AND :to "
                                                                            "  UNION ALL "
                                                                            "  SELECT NULL, m.id, m.received_date, m.registered_at, 1, m.id, m.channel, "
                                                                            "         m.first_department_id, m.persons, (m.collective OR m.persons >= 5), m.escalation, " FIRST_PETITIONER ("m.id") "    FROM matter m "
                                                                                                                                                                                                    "   WHERE m.received_date BETWEEN :from AND :to AND m.ticket_id IS NULL "
                                                                                                                                                                                                    "     AND NOT EXISTS (SELECT 1 FROM ticket t WHERE t.matter_id = m.id)), "
                                                                                                                                                                                                    "flagged AS MATERIALIZED ("
                                                                                                                                                                                                    "  SELECT b.*, (b.petitioner_id IS NOT NULL AND ("
                                                                                                                                                                                                    "    EXISTS (SELECT 1 FROM ticket t2 WHERE t2.petitioner_id = b.petitioner_id "
                                                                                                                                                                                                    "             AND (t2.day, t2.issued_at, 0, t2.id) < (b.date, b.at, b.rank, b.rid)) "
                                                                                                                                                                                                    "    OR EXISTS (SELECT 1 FROM matter_petitioner mp2 JOIN matter m2 ON m2.id = mp2.matter_id "
                                                                                                                                                                                                    "                WHERE mp2.petitioner_id = b.petitioner_id AND m2.id IS NOT b.matter_id "
                                                                                                                                                                                                    "                  AND (b.ticket_id IS NULL OR m2.ticket_id IS NOT b.ticket_id) "
                                                                                                                                                                                                    "                  AND (m2.received_date, m2.registered_at, 1, m2.id) "
                                                                                                                                                                                                    "                      < (b.date, b.at, b.rank, b.rid)))) AS repeat "
                                                                                                                                                                                                    "  FROM batch b) ";

/* The batches, matters and departments are summed from the daily counts the triggers of
 * 018-stats-counts.sql keep with every write (stats_batch_source there is _hall_stats_flagged
 * without the period); stats.trace reads the records themselves. */
#define BATCH_SUM(cond)                                              \
  "coalesce (sum (CASE WHEN " cond " THEN batches ELSE 0 END), 0), " \
  "coalesce (sum (CASE WHEN " cond " THEN persons ELSE 0 END), 0)"

static const char sql_by_channel[] =
    "SELECT channel, " BATCH_SUM ("1") ", " BATCH_SUM ("collective") ", " BATCH_SUM (
        "NOT repeat") ", " BATCH_SUM ("repeat") ", " BATCH_SUM ("escalation = 'city'") ", " BATCH_SUM ("escalation = 'province'") ", " BATCH_SUM ("escalation = 'capital'") " FROM stats_batch_day WHERE date BETWEEN :from AND :to GROUP BY channel";

static const char sql_matters[] =
    "SELECT channel, coalesce (sum (matters), 0), coalesce (sum (persons), 0) "
    "FROM stats_matter_day WHERE date BETWEEN :from AND :to GROUP BY channel";

static const char sql_by_department[] =
    "WITH s AS (SELECT department_id, sum (batches) AS batches, sum (persons) AS persons, "
    "                  sum (matters) AS matters "
    "             FROM stats_department_day WHERE date BETWEEN :from AND :to "
    "            GROUP BY department_id) "
    "SELECT d.id AS department_id, d.code, d.name, coalesce (s.batches, 0) AS batches, "
    "coalesce (s.persons, 0) AS persons, coalesce (s.matters, 0) AS matters "
    "FROM department d LEFT JOIN s ON s.department_id = d.id ORDER BY d.sort, d.id";

static const char sql_receptions[] =
    "SELECT coalesce (outcome, 'unrecorded'), count (*), coalesce (sum (persons), 0) "
    "FROM leader_reception WHERE date BETWEEN :from AND :to GROUP BY 1";

static const char sql_outreach[] =
    "SELECT kind, count (*), coalesce (sum (persons), 0), "
    "coalesce (sum ((SELECT count (*) FROM leader_outreach_matter om "
    "                 WHERE om.outreach_id = o.id)), 0) "
    "FROM leader_outreach o WHERE date BETWEEN :from AND :to GROUP BY kind";

/* What depends on :today is counted by due date in stats_rate_day. */
#define OPEN_PAST(column) "CASE WHEN " column " <> '' AND " column " < :today THEN matters ELSE 0 END"

static const char sql_rates[] =
    "SELECT coalesce (sum (decided_on_time), 0), "
    "coalesce (sum (decided + " OPEN_PAST ("decision_open") "), 0), "
                                                            "coalesce (sum (replied_on_time), 0), "
                                                            "coalesce (sum (replied + " OPEN_PAST ("handling_open") "), 0), "
                                                                                                                    "coalesce (sum (satisfied), 0), coalesce (sum (rated), 0), coalesce (sum (rated), 0), "
                                                                                                                    "coalesce (sum (closed), 0) FROM stats_rate_day WHERE date BETWEEN :from AND :to";

static const char *const channels[] = { "visit", "letter", "online", "phone", "other", NULL };
static const char *const outcomes[] = { "resolved", "assigned", "forwarded", "explained",
                                        "unrecorded", NULL };
static const char *const outreach_kinds[] = { "visit", "invite", NULL };
static const char *const levels[] = { "city", "province", "capital", NULL };

/* The counts of sql_by_channel, after its channel: the members of each channel and of the whole
 * period. */
static const char *const batch_members[] = {
  "batches",
  "persons",
  "collective_batches",
  "collective_persons",
  "first_batches",
  "first_persons",
  "repeat_batches",
  "repeat_persons",
  "city_batches",
  "city_persons",
  "province_batches",
  "province_persons",
  "capital_batches",
  "capital_persons",
};

void
_hall_stats_bind (HallStmt   *stmt,
                  HallCtx    *ctx,
                  const char *from,
                  const char *to)
{
  int i;

  if ((i = sqlite3_bind_parameter_index (stmt, ":from")) > 0)
    hall_stmt_bind_text (stmt, i, from);
  if ((i = sqlite3_bind_parameter_index (stmt, ":to")) > 0)
    hall_stmt_bind_text (stmt, i, to);
  if ((i = sqlite3_bind_parameter_index (stmt, ":today")) > 0)
    hall_stmt_bind_text (stmt, i, ctx->today);
}

static HallStmt *
prepare (HallCtx    *ctx,
         const char *sql,
         const char *from,
         const char *to,
         GError    **error)
{
  HallStmt *stmt = hall_db_prepare (ctx->db, sql, error);

  if (stmt != NULL)
    _hall_stats_bind (stmt, ctx, from, to);
  return stmt;
}

static guint
index_of (const char *const *list,
          const char        *value)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_strcmp0 (list[i], value) == 0)
      return i;
  return G_MAXUINT;
}

static void
add (JsonObject *object,
     const char *member,
     gint64      value)
{
  json_object_set_int_member (object, member,
                              json_object_get_int_member_with_default (object, member, 0)
                                  + value);
}

/* Single visits (单访) are the batches less the collective ones, so each channel and the period
 * carry them ready to read. */
static void
add_single (JsonObject *o)
{
  json_object_set_int_member (o, "single_batches",
                              json_object_get_int_member (o, "batches")
                                  - json_object_get_int_member (o, "collective_batches"));
  json_object_set_int_member (o, "single_persons",
                              json_object_get_int_member (o, "persons")
                                  - json_object_get_int_member (o, "collective_persons"));
  json_object_set_int_member (o, "escalated_batches",
                              json_object_get_int_member (o, "city_batches")
                                  + json_object_get_int_member (o, "province_batches")
                                  + json_object_get_int_member (o, "capital_batches"));
  json_object_set_int_member (o, "escalated_persons",
                              json_object_get_int_member (o, "city_persons")
                                  + json_object_get_int_member (o, "province_persons")
                                  + json_object_get_int_member (o, "capital_persons"));
}

static const char *const matter_members[] = { "matters", "matter_persons" };

/* Adds the counts of each row of @stmt (channel, then one column per member of @members) to its
 * channel's row and to @period. */
static gboolean
accumulate (HallStmt          *stmt,
            JsonObject       **rows,
            JsonObject        *period,
            const char *const *members,
            guint              n_members,
            GError           **error)
{
  int rc;

  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      guint c = index_of (channels, hall_stmt_text (stmt, 0));

      if (c == G_MAXUINT)
        continue;
      for (guint i = 0; i < n_members; i++)
        {
          add (rows[c], members[i], hall_stmt_int (stmt, i + 1));
          add (period, members[i], hall_stmt_int (stmt, i + 1));
        }
    }
  return rc == SQLITE_DONE;
}

gboolean
_hall_stats_batches (HallCtx    *ctx,
                     const char *from,
                     const char *to,
                     JsonObject *period,
                     GError    **error)
{
  g_autofree char *sql = g_strconcat (_hall_stats_flagged, sql_by_channel, NULL);
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (HallStmt) matters = NULL;
  g_autoptr (HallStmt) departments = NULL;
  JsonObject *rows[G_N_ELEMENTS (channels)];
  JsonArray  *by_channel = json_array_new ();
  JsonArray  *list;

  json_object_set_array_member (period, "by_channel", by_channel);
  for (guint c = 0; channels[c] != NULL; c++)
    {
      rows[c] = json_object_new ();
      json_object_set_string_member (rows[c], "channel", channels[c]);
      for (guint i = 0; i < G_N_ELEMENTS (batch_members); i++)
        json_object_set_int_member (rows[c], batch_members[i], 0);
      for (guint i = 0; i < G_N_ELEMENTS (matter_members); i++)
        json_object_set_int_member (rows[c], matter_members[i], 0);
      json_array_add_object_element (by_channel, rows[c]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (batch_members); i++)
    json_object_set_int_member (period, batch_members[i], 0);
  for (guint i = 0; i < G_N_ELEMENTS (matter_members); i++)
    json_object_set_int_member (period, matter_members[i], 0);

  if ((stmt = prepare (ctx, sql, from, to, error)) == NULL
      || !accumulate (stmt, rows, period, batch_members, G_N_ELEMENTS (batch_members), error)
      || (matters = prepare (ctx, sql_matters, from, to, error)) == NULL
      || !accumulate (matters, rows, period, matter_members, G_N_ELEMENTS (matter_members),
                      error))
    return FALSE;

  for (guint c = 0; channels[c] != NULL; c++)
    add_single (rows[c]);
  add_single (period);

  if ((departments = prepare (ctx, sql_by_department, from, to, error)) == NULL
      || (list = hall_stmt_all_objects (departments, error)) == NULL)
    return FALSE;
  json_object_set_array_member (period, "by_department", list);
  return TRUE;
}

/* One {"<key>": code, "batches", "persons"} per code of @codes, in that order, from the rows of
 * @stmt (code, batches, persons[, matters]); the sums go to @total. */
static JsonArray *
count_by_code (HallStmt          *stmt,
               const char        *key,
               const char *const *codes,
               JsonObject        *total,
               GError           **error)
{
  g_autoptr (JsonArray) list = json_array_new ();
  int rc;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      JsonObject *row = json_object_new ();

      json_object_set_string_member (row, key, codes[i]);
      json_object_set_int_member (row, "batches", 0);
      json_object_set_int_member (row, "persons", 0);
      json_array_add_object_element (list, row);
    }
  json_object_set_int_member (total, "batches", 0);
  json_object_set_int_member (total, "persons", 0);
  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      guint       i = index_of (codes, hall_stmt_text (stmt, 0));
      JsonObject *row;

      if (i == G_MAXUINT)
        continue;
      row = json_array_get_object_element (list, i);
      json_object_set_int_member (row, "batches", hall_stmt_int (stmt, 1));
      json_object_set_int_member (row, "persons", hall_stmt_int (stmt, 2));
      add (total, "batches", hall_stmt_int (stmt, 1));
      add (total, "persons", hall_stmt_int (stmt, 2));
      if (sqlite3_column_count (stmt) > 3)
        {
          json_object_set_int_member (row, "matters", hall_stmt_int (stmt, 3));
          add (total, "matters", hall_stmt_int (stmt, 3));
        }
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&list);
}

gboolean
_hall_stats_leaders (HallCtx    *ctx,
                     const char *from,
                     const char *to,
                     JsonObject *period,
                     GError    **error)
{
  g_autoptr (JsonObject) receptions = json_object_new ();
  g_autoptr (JsonObject) outreach = json_object_new ();
  g_autoptr (HallStmt) stmt = NULL;
  JsonArray *list;

  if ((stmt = prepare (ctx, sql_receptions, from, to, error)) == NULL
      || (list = count_by_code (stmt, "outcome", outcomes, receptions, error)) == NULL)
    return FALSE;
  json_object_set_array_member (receptions, "by_outcome", list);
  g_clear_pointer (&stmt, hall_stmt_release);

  json_object_set_int_member (outreach, "matters", 0);
  if ((stmt = prepare (ctx, sql_outreach, from, to, error)) == NULL
      || (list = count_by_code (stmt, "kind", outreach_kinds, outreach, error)) == NULL)
    return FALSE;
  json_object_set_array_member (outreach, "by_kind", list);

  json_object_set_object_member (period, "leader_receptions", g_steal_pointer (&receptions));
  json_object_set_object_member (period, "leader_outreach", g_steal_pointer (&outreach));
  {
    JsonArray *by_level = json_array_new ();

    for (guint i = 0; levels[i] != NULL; i++)
      {
        JsonObject      *row = json_object_new ();
        g_autofree char *b = g_strconcat (levels[i], "_batches", NULL);
        g_autofree char *p = g_strconcat (levels[i], "_persons", NULL);

        json_object_set_string_member (row, "level", levels[i]);
        json_object_set_int_member (row, "batches", json_object_get_int_member (period, b));
        json_object_set_int_member (row, "persons", json_object_get_int_member (period, p));
        json_array_add_object_element (by_level, row);
      }
    json_object_set_array_member (period, "by_escalation", by_level);
  }
  return TRUE;
}

JsonObject *
_hall_stats_rate (gint64 numerator,
                  gint64 denominator)
{
  JsonObject *r = json_object_new ();

  json_object_set_int_member (r, "numerator", numerator);
  json_object_set_int_member (r, "denominator", denominator);
  if (denominator > 0)
    json_object_set_double_member (r, "rate", (double) numerator / (double) denominator);
  else
    json_object_set_null_member (r, "rate");
  return r;
}

/* The follow-up figures read their own small table, not the daily counts. */
#define COUNT(cond) "coalesce (sum (" cond "), 0), "

static const char sql_resolution[] = "SELECT " COUNT (HALL_STATS_RESOLVED) "count (*) FROM matter "
                                                                           "WHERE " HALL_STATS_RESOLUTION_BASE;

static const char sql_follow_up[] = "SELECT count (*), " COUNT (HALL_STATS_FOLLOWUP_CALLED) COUNT (
    HALL_STATS_FOLLOWUP_REACHED) COUNT (HALL_STATS_FOLLOWUP_SATISFIED) "0 FROM followup "
                                                                       "WHERE " HALL_STATS_FOLLOWUP_BASE;

static const char *const rate_names[] = {
  "decision_on_time",
  "handling_on_time",
  "satisfaction",
  "participation",
};

gboolean
_hall_stats_rates (HallCtx    *ctx,
                   const char *from,
                   const char *to,
                   JsonObject *period,
                   GError    **error)
{
  g_autoptr (HallStmt) stmt = prepare (ctx, sql_rates, from, to, error);
  g_autoptr (JsonObject) rates = json_object_new ();
  g_autoptr (JsonObject) follow_up = json_object_new ();

  if (stmt == NULL || hall_stmt_step (stmt, error) != SQLITE_ROW)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (rate_names); i++)
    json_object_set_object_member (
        rates, rate_names[i],
        _hall_stats_rate (hall_stmt_int (stmt, 2 * i), hall_stmt_int (stmt, 2 * i + 1)));
  g_clear_pointer (&stmt, hall_stmt_release);

  /* 化解率, 回访 and 回访成功 from the follow-up work (hall-followup.c). */
  if ((stmt = prepare (ctx, sql_resolution, from, to, error)) == NULL
      || hall_stmt_step (stmt, error) != SQLITE_ROW)
    return FALSE;
  json_object_set_object_member (rates, "resolution",
                                 _hall_stats_rate (hall_stmt_int (stmt, 0), hall_stmt_int (stmt, 1)));
  g_clear_pointer (&stmt, hall_stmt_release);
  if ((stmt = prepare (ctx, sql_follow_up, from, to, error)) == NULL
      || hall_stmt_step (stmt, error) != SQLITE_ROW)
    return FALSE;
  /* listed → called → reached → satisfied: each a rate of the one before */
  json_object_set_object_member (follow_up, "visits",
                                 _hall_stats_rate (hall_stmt_int (stmt, 1), hall_stmt_int (stmt, 0)));
  json_object_set_object_member (follow_up, "successful",
                                 _hall_stats_rate (hall_stmt_int (stmt, 2), hall_stmt_int (stmt, 1)));
  json_object_set_object_member (follow_up, "satisfied",
                                 _hall_stats_rate (hall_stmt_int (stmt, 3), hall_stmt_int (stmt, 2)));
  json_object_set_object_member (period, "rates", g_steal_pointer (&rates));
  json_object_set_object_member (period, "follow_up", g_steal_pointer (&follow_up));
  return TRUE;
}
