/* hall-stats.c — stats.summary: the hall's figures for a date range and the year before
 *
 * Batches (来访批次 / 件) count arrivals: each ticket is one visit, and a matter that came without
 * a ticket (a letter, an online or phone petition, a visit registered directly) is one batch of
 * its own channel. Persons (人次) add up the people of each batch. A batch is a repeat when its
 * petitioner had a ticket or a matter before it. The rates are over the matters received in the
 * range (their cohort), counted as they stand today:
 *   on-time decision   decided by the decision due date, of those decided or already past due
 *   on-time handling   replied by the handling due date (extension included), of those accepted
 *                      and replied or already past due
 *   resolution         closed 满意 / 基本满意 or with the outcome "resolved", of those closed
 *   satisfaction       满意 / 基本满意, of those closed and rated
 *   participation      rated, of those closed
 * Litigation-related matters (涉法涉诉) are guided elsewhere and not counted in the rates.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-stats"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "hall-engine.h"
#include "hall-commands-private.h"

#define MAX_RANGE_DAYS 3660

/* Every batch of the range with its channel, department, persons, collective flag and whether
 * its petitioner came before. */
#define BATCHES                                                                                 \
  "WITH batch AS MATERIALIZED ("                                                                \
  "  SELECT t.id AS ticket_id, t.matter_id, t.issued_at AS at, 'visit' AS channel, "            \
  "         t.department_id, t.persons, (t.priority = 'collective' OR t.persons >= 5) AS "      \
  "collective, "                                                                                \
  "         coalesce (t.petitioner_id, (SELECT mp.petitioner_id FROM matter_petitioner mp "     \
  "                                     WHERE mp.matter_id = t.matter_id "                      \
  "                                     ORDER BY mp.sort, mp.petitioner_id LIMIT 1)) AS "       \
  "petitioner_id "                                                                              \
  "    FROM ticket t WHERE t.day BETWEEN :from AND :to "                                        \
  "  UNION ALL "                                                                                \
  "  SELECT NULL, m.id, m.registered_at, m.channel, m.first_department_id, m.persons, "         \
  "m.collective, "                                                                              \
  "         (SELECT mp.petitioner_id FROM matter_petitioner mp WHERE mp.matter_id = m.id "      \
  "           ORDER BY mp.sort, mp.petitioner_id LIMIT 1) "                                     \
  "    FROM matter m WHERE m.received_date BETWEEN :from AND :to AND m.ticket_id IS NULL "      \
  "     AND NOT EXISTS (SELECT 1 FROM ticket t WHERE t.matter_id = m.id)), "                    \
  "flagged AS MATERIALIZED ("                                                                   \
  "  SELECT b.*, (b.petitioner_id IS NOT NULL AND ("                                            \
  "    EXISTS (SELECT 1 FROM ticket t2 WHERE t2.petitioner_id = b.petitioner_id "               \
  "             AND t2.issued_at < b.at AND t2.id IS NOT b.ticket_id) "                         \
  "    OR EXISTS (SELECT 1 FROM matter_petitioner mp2 JOIN matter m2 ON m2.id = mp2.matter_id " \
  "                WHERE mp2.petitioner_id = b.petitioner_id AND m2.registered_at < b.at "      \
  "                  AND m2.id IS NOT b.matter_id))) AS repeat "                                \
  "  FROM batch b) "

static const char *sql_totals = BATCHES
    "SELECT count(*) AS batches, coalesce (sum (persons), 0) AS persons, "
    "coalesce (sum (collective), 0) AS collective_batches, "
    "coalesce (sum (CASE WHEN collective THEN persons ELSE 0 END), 0) AS collective_persons, "
    "coalesce (sum (NOT repeat), 0) AS first_batches, coalesce (sum (CASE WHEN NOT repeat THEN "
    "persons ELSE 0 END), 0) AS first_persons, "
    "coalesce (sum (repeat), 0) AS repeat_batches, coalesce (sum (CASE WHEN repeat THEN persons "
    "ELSE 0 END), 0) AS repeat_persons "
    "FROM flagged";

static const char *sql_by_channel = BATCHES
    ", channel (code, sort) AS (VALUES ('visit', 1), ('letter', 2), ('online', 3), ('phone', 4), "
    "('other', 5)) "
    "SELECT c.code AS channel, count (f.channel) AS batches, coalesce (sum (f.persons), 0) AS "
    "persons "
    "FROM channel c LEFT JOIN flagged f ON f.channel = c.code GROUP BY c.code ORDER BY c.sort";

static const char *sql_by_department =
    BATCHES
    "SELECT d.id AS department_id, d.code, d.name, count (f.department_id) AS batches, "
    "coalesce (sum (f.persons), 0) AS persons "
    "FROM department d LEFT JOIN flagged f ON f.department_id = d.id "
    "GROUP BY d.id HAVING count (f.department_id) > 0 OR d.active ORDER BY d.sort, d.id";

static const char *sql_rates =
    "SELECT "
    "coalesce (sum (decided_date IS NOT NULL AND decided_date <= decision_due), 0), "
    "coalesce (sum (decided_date IS NOT NULL OR decision_due < :today), 0), "
    "coalesce (sum (accepted_date IS NOT NULL AND replied_date IS NOT NULL AND replied_date <= "
    "handling_due), 0), "
    "coalesce (sum (accepted_date IS NOT NULL AND (replied_date IS NOT NULL OR handling_due < "
    ":today)), 0), "
    "coalesce (sum (state = 'closed' AND (satisfaction IN ('satisfied', 'basic') OR outcome = "
    "'resolved')), 0), "
    "coalesce (sum (state = 'closed'), 0), "
    "coalesce (sum (state = 'closed' AND satisfaction IN ('satisfied', 'basic')), 0), "
    "coalesce (sum (state = 'closed' AND satisfaction IN ('satisfied', 'basic', 'dissatisfied')), "
    "0), "
    "coalesce (sum (state = 'closed' AND satisfaction IN ('satisfied', 'basic', 'dissatisfied')), "
    "0), "
    "coalesce (sum (state = 'closed'), 0) "
    "FROM matter WHERE received_date BETWEEN :from AND :to AND litigation = 0";

static const char *const total_members[] = {
  "batches",
  "persons",
  "collective_batches",
  "collective_persons",
  "first_batches",
  "first_persons",
  "repeat_batches",
  "repeat_persons",
};

static const char *const rate_names[] = {
  "decision_on_time",
  "handling_on_time",
  "resolution",
  "satisfaction",
  "participation",
};

static void
bind_range (HallStmt   *stmt,
            const char *from,
            const char *to,
            const char *today)
{
  int i;

  hall_stmt_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":from"), from);
  hall_stmt_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":to"), to);
  if ((i = sqlite3_bind_parameter_index (stmt, ":today")) > 0)
    hall_stmt_bind_text (stmt, i, today);
}

static JsonObject *
rate (gint64 numerator,
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

static JsonObject *
period_figures (HallCtx    *ctx,
                const char *from,
                const char *to,
                GError    **error)
{
  g_autoptr (JsonObject) period = json_object_new ();
  g_autoptr (JsonObject) rates = json_object_new ();
  JsonArray *rows;

  json_object_set_string_member (period, "from", from);
  json_object_set_string_member (period, "to", to);

  {
    g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, sql_totals, error);

    if (stmt == NULL)
      return NULL;
    bind_range (stmt, from, to, ctx->today);
    if (hall_stmt_step (stmt, error) != SQLITE_ROW)
      return NULL;
    for (guint i = 0; i < G_N_ELEMENTS (total_members); i++)
      json_object_set_int_member (period, total_members[i], hall_stmt_int (stmt, i));
  }

  {
    g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, sql_by_channel, error);

    if (stmt == NULL)
      return NULL;
    bind_range (stmt, from, to, ctx->today);
    if ((rows = hall_stmt_all_objects (stmt, error)) == NULL)
      return NULL;
    json_object_set_array_member (period, "by_channel", rows);
  }

  {
    g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, sql_by_department, error);

    if (stmt == NULL)
      return NULL;
    bind_range (stmt, from, to, ctx->today);
    if ((rows = hall_stmt_all_objects (stmt, error)) == NULL)
      return NULL;
    json_object_set_array_member (period, "by_department", rows);
  }

  {
    g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, sql_rates, error);

    if (stmt == NULL)
      return NULL;
    bind_range (stmt, from, to, ctx->today);
    if (hall_stmt_step (stmt, error) != SQLITE_ROW)
      return NULL;
    for (guint i = 0; i < G_N_ELEMENTS (rate_names); i++)
      json_object_set_object_member (
          rates, rate_names[i],
          rate (hall_stmt_int (stmt, 2 * i), hall_stmt_int (stmt, 2 * i + 1)));
  }
  json_object_set_object_member (period, "rates", g_steal_pointer (&rates));

  return g_steal_pointer (&period);
}

/* The same day one year earlier; 29 February becomes 28 February. */
static char *
year_earlier (const char *date)
{
  guint y = 0, m = 0, d = 0;

  sscanf (date, "%4u-%2u-%2u", &y, &m, &d);
  y--;
  if (m == 2 && d == 29 && !g_date_is_leap_year (y))
    d = 28;
  return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
}

static JsonNode *
change (gint64 now,
        gint64 before)
{
  JsonNode *node = json_node_alloc ();

  if (before == 0)
    return json_node_init_null (node);
  return json_node_init_double (node, (double) (now - before) / (double) before);
}

static JsonObject *
stats_summary (HallCtx    *ctx,
               JsonObject *params,
               GError    **error)
{
  const char      *from = NULL, *to = NULL;
  g_autofree char *prev_from = NULL;
  g_autofree char *prev_to = NULL;
  g_autoptr (JsonObject) current = NULL;
  g_autoptr (JsonObject) previous = NULL;
  g_autoptr (JsonObject) yoy = json_object_new ();
  JsonObject *result, *cur_rates, *prev_rates;
  GDate       first, last;
  guint       y, m, d;

  if (!hall_param_date (params, "from", TRUE, &from, error)
      || !hall_param_date (params, "to", TRUE, &to, error))
    return NULL;
  sscanf (from, "%4u-%2u-%2u", &y, &m, &d);
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, d, m, y);
  sscanf (to, "%4u-%2u-%2u", &y, &m, &d);
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, d, m, y);
  if (g_date_compare (&first, &last) > 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "to",
                      _ ("Must not be before the start date."));
      return NULL;
    }
  if (g_date_days_between (&first, &last) >= MAX_RANGE_DAYS)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "to",
                      _ ("Ask for at most %d days at a time."), MAX_RANGE_DAYS);
      return NULL;
    }

  prev_from = year_earlier (from);
  prev_to = year_earlier (to);
  current = period_figures (ctx, from, to, error);
  if (current == NULL)
    return NULL;
  previous = period_figures (ctx, prev_from, prev_to, error);
  if (previous == NULL)
    return NULL;

  /* Year-on-year: the relative change of each count, and the difference of each rate. */
  for (guint i = 0; i < G_N_ELEMENTS (total_members); i++)
    json_object_set_member (yoy, total_members[i],
                            change (json_object_get_int_member (current, total_members[i]),
                                    json_object_get_int_member (previous, total_members[i])));
  cur_rates = json_object_get_object_member (current, "rates");
  prev_rates = json_object_get_object_member (previous, "rates");
  for (guint i = 0; i < G_N_ELEMENTS (rate_names); i++)
    {
      JsonObject      *a = json_object_get_object_member (cur_rates, rate_names[i]);
      JsonObject      *b = json_object_get_object_member (prev_rates, rate_names[i]);
      g_autofree char *name = g_strconcat (rate_names[i], "_rate", NULL);

      if (json_object_get_null_member (a, "rate") || json_object_get_null_member (b, "rate"))
        json_object_set_null_member (yoy, name);
      else
        json_object_set_double_member (yoy, name,
                                       json_object_get_double_member (a, "rate")
                                           - json_object_get_double_member (b, "rate"));
    }

  result = json_object_new ();
  json_object_set_object_member (result, "current", g_steal_pointer (&current));
  json_object_set_object_member (result, "previous", g_steal_pointer (&previous));
  json_object_set_object_member (result, "year_on_year", g_steal_pointer (&yoy));
  return result;
}

const HallCommand _hall_stats_commands[] = {
  { "stats.summary", stats_summary, HALL_ROLE_MANAGER | HALL_ROLE_LEADER | HALL_ROLE_ADMIN,
    HALL_COMMAND_READ },
  { NULL }
};
