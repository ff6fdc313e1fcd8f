/* hall-stats-period.c — the statistics page's periods, counted on the hall's own day
 *
 * The page never reads the PC's clock: the day it starts from is hall.info's "today", the date in
 * the hall's time zone, and everything here is calendar arithmetic on that date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-stats-period"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "hall-stats-period.h"

static gboolean
parse (const char *text,
       GDate      *date)
{
  guint y, m, d;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3
      || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static char *
format (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

gboolean
_hall_stats_period_around (HallStatsPeriod kind,
                           const char     *date,
                           char          **from,
                           char          **to)
{
  GDate first, last;
  guint month;

  if (!parse (date, &first) || kind == HALL_STATS_PERIOD_CUSTOM)
    return FALSE;
  month = g_date_get_month (&first);
  switch (kind)
    {
    case HALL_STATS_PERIOD_DAY:
      break;
    case HALL_STATS_PERIOD_WEEK:
      g_date_subtract_days (&first, g_date_get_weekday (&first) - G_DATE_MONDAY);
      break;
    case HALL_STATS_PERIOD_MONTH:
      g_date_set_day (&first, 1);
      break;
    case HALL_STATS_PERIOD_QUARTER:
      g_date_set_day (&first, 1);
      g_date_set_month (&first, (month - 1) / 3 * 3 + 1);
      break;
    case HALL_STATS_PERIOD_YEAR:
      g_date_set_day (&first, 1);
      g_date_set_month (&first, G_DATE_JANUARY);
      break;
    case HALL_STATS_PERIOD_CUSTOM:
    default:
      return FALSE;
    }
  last = first;
  switch (kind)
    {
    case HALL_STATS_PERIOD_WEEK:
      g_date_add_days (&last, 6);
      break;
    case HALL_STATS_PERIOD_MONTH:
      g_date_add_months (&last, 1);
      g_date_subtract_days (&last, 1);
      break;
    case HALL_STATS_PERIOD_QUARTER:
      g_date_add_months (&last, 3);
      g_date_subtract_days (&last, 1);
      break;
    case HALL_STATS_PERIOD_YEAR:
      g_date_add_years (&last, 1);
      g_date_subtract_days (&last, 1);
      break;
    default:
      break;
    }
  *from = format (&first);
  *to = format (&last);
  return TRUE;
}

gboolean
_hall_stats_period_shift (HallStatsPeriod kind,
                          const char     *from,
                          int             steps,
                          char          **new_from,
                          char          **new_to)
{
  static const int months[] = { 0, 0, 1, 3, 12 };
  GDate            date;
  g_autofree char *moved = NULL;

  if (!parse (from, &date) || kind == HALL_STATS_PERIOD_CUSTOM)
    return FALSE;
  if (kind == HALL_STATS_PERIOD_DAY || kind == HALL_STATS_PERIOD_WEEK)
    {
      int days = (kind == HALL_STATS_PERIOD_DAY ? 1 : 7) * steps;

      if (days < 0)
        g_date_subtract_days (&date, -days);
      else
        g_date_add_days (&date, days);
    }
  else if (steps < 0)
    g_date_subtract_months (&date, months[kind] * -steps);
  else
    g_date_add_months (&date, months[kind] * steps);
  moved = format (&date);
  return _hall_stats_period_around (kind, moved, new_from, new_to);
}

char *
_hall_stats_period_title (HallStatsPeriod kind,
                          const char     *from,
                          const char     *to)
{
  GDate first;
  guint year, month;

  if (!parse (from, &first))
    return g_strdup ("");
  year = g_date_get_year (&first);
  month = g_date_get_month (&first);
  switch (kind)
    {
    case HALL_STATS_PERIOD_MONTH:
      /* Translators: a month on the statistics page: the year, then the month (2026年12月) */
      return g_strdup_printf (_ ("%u-%02u"), year, month);
    case HALL_STATS_PERIOD_QUARTER:
      /* Translators: a quarter on the statistics page: the year, then the quarter (2026年第4季度) */
      return g_strdup_printf (_ ("%u Q%u"), year, (month - 1) / 3 + 1);
    case HALL_STATS_PERIOD_YEAR:
      /* Translators: a year on the statistics page (2026年) */
      return g_strdup_printf (_ ("Year %u"), year);
    case HALL_STATS_PERIOD_DAY:
      return g_strdup (from);
    case HALL_STATS_PERIOD_WEEK:
    case HALL_STATS_PERIOD_CUSTOM:
    default:
      /* Translators: a range of days on the statistics page: the first, then the last */
      return g_strdup_printf (_ ("%s to %s"), from, to);
    }
}

guint
_hall_stats_period_n_days (const char *from,
                           const char *to)
{
  GDate first, last;

  if (!parse (from, &first) || !parse (to, &last) || g_date_compare (&first, &last) > 0)
    return 0;
  return g_date_days_between (&first, &last) + 1;
}

char *
_hall_stats_period_add_days (const char *from,
                             guint       n)
{
  GDate date;

  if (!parse (from, &date))
    return g_strdup ("");
  g_date_add_days (&date, n);
  return format (&date);
}
