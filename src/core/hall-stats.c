/* hall-stats.c — stats.summary: the hall's figures for a date range and the same dates a year
 * earlier (同比), with the definition of each figure
 *
 * The figures themselves are worked out in hall-stats-figures.c (batches, matters, leaders,
 * rates) and hall-stats-queue.c (the queue, 首接首办); stats.trace (hall-stats-trace.c) lists the
 * records behind each of them.
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
#include "hall-stats-private.h"

#define MAX_RANGE_DAYS 3660

/* The definition of each figure, as the statistics page shows it in a tooltip and docs/api.md
 * writes it. */
static const struct
{
  const char *key;
  const char *label;
  const char *definition;
} definitions[] = {
  { "batches", N_ ("Batches"),
    N_ ("Each arrival is one batch: every ticket issued is one visit, and every matter received "
        "without a ticket (a letter, an online or phone petition, a visit registered directly) "
        "is one batch of its channel.") },
  { "persons", N_ ("Person-times"), N_ ("The people of each batch, added up.") },
  { "matters", N_ ("Matters"),
    N_ ("Matters (件) received in the period, whether they came with a ticket or not.") },
  { "collective_batches", N_ ("Collective"),
    N_ ("Batches of five people or more, or marked collective (a ticket with the collective "
        "priority, a matter marked collective, a joint letter), in their own channel.") },
  { "single_batches", N_ ("Single"), N_ ("Batches less collective batches.") },
  { "first_batches", N_ ("First visits"),
    N_ ("Batches whose petitioner had nothing received before: batches are ordered by the date "
        "received, then the time, then tickets before matters, then by number, so one person's "
        "entries in the same second still have exactly one first.") },
  { "repeat_batches", N_ ("Repeat visits"),
    N_ ("Batches whose petitioner had a ticket or a matter received before them.") },
  { "escalated_batches", N_ ("Beyond level"),
    N_ ("Batches of matters whose petitioner had already gone to the city, the province or "
        "Beijing about them (越级访).") },
  { "leader_receptions", N_ ("Leader receptions"),
    N_ ("Reception records of the leaders dated in the period, in batches and person-times, and "
        "by outcome: resolved on the spot, assigned, forwarded, explained.") },
  { "leader_outreach", N_ ("Visits and invitations"),
    N_ ("Leaders' visits to petitioners (下访) and invitations (约访) dated in the period, with "
        "their persons and matters.") },
  { "decision_on_time", N_ ("Timely acceptance rate"),
    N_ ("Matters decided (accepted or declined) by their decision due date, 15 days after "
        "receipt, of those decided or already past that date. Litigation-related matters are "
        "not counted.") },
  { "handling_on_time", N_ ("On-time reply rate"),
    N_ ("Accepted matters replied by their handling due date (60 days, with any extension), of "
        "those replied or already past that date.") },
  { "satisfaction", N_ ("Satisfaction rate"),
    N_ ("Closed matters rated satisfied or basically satisfied, of the closed matters that were "
        "rated.") },
  { "participation", N_ ("Rating participation rate"),
    N_ ("Closed matters the petitioner rated, of all closed matters.") },
  { "repeat_petitions", N_ ("Repeat petitions"),
    N_ ("Petitions about a matter the hall already had, recorded on it instead of a new matter "
        "(重复信访): on a matter still being handled (条例 19) or whose re-review is final (条例 "
        "36), dated in the period, in batches and person-times. One that came with a ticket is "
        "in the batches as well.") },
  { "resolution", N_ ("Resolution rate"),
    N_ ("Matters closed in the period whose latest follow-up call that reached the petitioner "
        "found them satisfied or basically satisfied, or accepting the outcome (息诉罢访), of all "
        "matters closed in the period. Litigation-related matters are not counted; a matter not "
        "yet reached counts as not resolved.") },
  { "follow_up", N_ ("Follow-up visits"),
    N_ ("Follow-ups listed in the period (closed matters, leaders' receptions, dissatisfied "
        "ratings, rectified matters): called at least once, of all listed; reached, of those "
        "called (回访成功); satisfied or basically satisfied, of those reached. Each follow-up "
        "counts once, however many calls it took.") },
  { "queue", N_ ("Queue"),
    N_ ("Tickets finished at a counter: the wait from arrival to the call (average and 90th "
        "percentile), the service from start to finish, and on-site resolution: finished as "
        "resolved or consultation, of those and the ones that became matters.") },
  { "on_site", N_ ("Resolved on site"),
    N_ ("Tickets a window or staff member finished as resolved or as a consultation, of those "
        "and the ones that became matters.") },
  { "first_handling", N_ ("First receiver"),
    N_ ("Matters received in the period by the staff member and department that registered "
        "them: open (overdue when a due date passed without the step), closed on time, closed "
        "late, and the share closed on time.") },
};

/* The counts whose year-on-year change the answer gives. */
static const char *const total_members[] = {
  "batches",
  "persons",
  "matters",
  "single_batches",
  "single_persons",
  "collective_batches",
  "collective_persons",
  "first_batches",
  "first_persons",
  "repeat_batches",
  "repeat_persons",
  "escalated_batches",
  "escalated_persons",
  "repeat_petition_batches",
  "repeat_petition_persons",
};

static const char *const rate_names[] = {
  "decision_on_time",
  "handling_on_time",
  "satisfaction",
  "participation",
};

static gboolean
repeat_petitions (HallCtx    *ctx,
                  const char *from,
                  const char *to,
                  JsonObject *period,
                  GError    **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (
      ctx->db,
      "SELECT count (*), coalesce (sum (persons), 0) FROM matter_repeat "
      "WHERE date BETWEEN :from AND :to",
      error);

  if (stmt == NULL)
    return FALSE;
  _hall_stats_bind (stmt, ctx, from, to);
  if (hall_stmt_step (stmt, error) != SQLITE_ROW)
    return FALSE;
  json_object_set_int_member (period, "repeat_petition_batches", hall_stmt_int (stmt, 0));
  json_object_set_int_member (period, "repeat_petition_persons", hall_stmt_int (stmt, 1));
  return TRUE;
}

static JsonObject *
period_figures (HallCtx    *ctx,
                const char *from,
                const char *to,
                GError    **error)
{
  g_autoptr (JsonObject) period = json_object_new ();

  json_object_set_string_member (period, "from", from);
  json_object_set_string_member (period, "to", to);
  if (!_hall_stats_batches (ctx, from, to, period, error)
      || !_hall_stats_leaders (ctx, from, to, period, error)
      || !_hall_stats_rates (ctx, from, to, period, error)
      || !_hall_stats_queue (ctx, from, to, period, error)
      || !_hall_stats_first_handling (ctx, from, to, period, error)
      || !repeat_petitions (ctx, from, to, period, error))
    return NULL;
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

static JsonArray *
definitions_array (void)
{
  JsonArray *list = json_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (definitions); i++)
    {
      JsonObject *d = json_object_new ();

      json_object_set_string_member (d, "key", definitions[i].key);
      json_object_set_string_member (d, "label", _ (definitions[i].label));
      json_object_set_string_member (d, "definition", _ (definitions[i].definition));
      json_array_add_object_element (list, d);
    }
  return list;
}

gboolean
_hall_stats_read_period (JsonObject  *params,
                         const char **from,
                         const char **to,
                         GError     **error)
{
  GDate first, last;
  guint y, m, d;

  if (!hall_param_date (params, "from", TRUE, from, error)
      || !hall_param_date (params, "to", TRUE, to, error))
    return FALSE;
  sscanf (*from, "%4u-%2u-%2u", &y, &m, &d);
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, d, m, y);
  sscanf (*to, "%4u-%2u-%2u", &y, &m, &d);
  g_date_clear (&last, 1);
  g_date_set_dmy (&last, d, m, y);
  if (g_date_compare (&first, &last) > 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "to",
                      _ ("Must not be before the start date."));
      return FALSE;
    }
  if (g_date_days_between (&first, &last) >= MAX_RANGE_DAYS)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "to",
                      _ ("Ask for at most %d days at a time."), MAX_RANGE_DAYS);
      return FALSE;
    }
  return TRUE;
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

  if (!_hall_stats_read_period (params, &from, &to, error))
    return NULL;

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
  json_object_set_array_member (result, "definitions", definitions_array ());
  return result;
}

const HallCommand _hall_stats_commands[] = {
  { "stats.summary", stats_summary, HALL_ROLE_MANAGER | HALL_ROLE_LEADER | HALL_ROLE_ADMIN,
    HALL_COMMAND_READ },
  { "stats.trace", _hall_stats_trace, HALL_ROLE_MANAGER | HALL_ROLE_LEADER | HALL_ROLE_ADMIN,
    HALL_COMMAND_READ },
  { NULL }
};
