/* hall-stats-period.h — the statistics page's periods: a day, a week, a month, a quarter, a year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  HALL_STATS_PERIOD_DAY,
  HALL_STATS_PERIOD_WEEK,
  HALL_STATS_PERIOD_MONTH,
  HALL_STATS_PERIOD_QUARTER,
  HALL_STATS_PERIOD_YEAR,
  HALL_STATS_PERIOD_CUSTOM,
} HallStatsPeriod;

/* The period of @kind holding @date ("YYYY-MM-DD", the hall's day): its first and last day.
 * Weeks run Monday to Sunday, as the hall's calendar does. FALSE when @date is no date or @kind
 * is CUSTOM. */
gboolean _hall_stats_period_around (HallStatsPeriod kind,
                                    const char     *date,
                                    char          **from,
                                    char          **to);
/* The period of @kind @steps before (negative) or after the one that starts on @from. */
gboolean _hall_stats_period_shift (HallStatsPeriod kind,
                                   const char     *from,
                                   int             steps,
                                   char          **new_from,
                                   char          **new_to);
/* The period's name as the page heads it ("2026年12月", "2026年第4季度", "2026-12-01 至 …"). */
char *_hall_stats_period_title (HallStatsPeriod kind,
                                const char     *from,
                                const char     *to);
/* The days from @from to @to, both included (0 when either is no date). */
guint _hall_stats_period_n_days (const char *from,
                                 const char *to);
/* The day @n days after @from, "YYYY-MM-DD". */
char *_hall_stats_period_add_days (const char *from,
                                   guint       n);

G_END_DECLS
