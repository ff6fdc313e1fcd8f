/* hall-format.c — times, dates and states as the hall's pages show them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-format"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "hall-format.h"

char *
_hall_format_minutes (gint64 seconds)
{
  gint64 minutes = MAX (seconds, 0) / 60;

  if (minutes < 60)
    /* Translators: a duration in minutes */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min", "%d min", minutes),
                            (int) minutes);
  /* Translators: a duration in hours and minutes */
  return g_strdup_printf (_ ("%d h %02d min"), (int) (minutes / 60), (int) (minutes % 60));
}

char *
_hall_format_clock (gint64 unix_time)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (unix_time);

  return time ? g_date_time_format (time, "%H:%M") : g_strdup ("");
}

char *
_hall_format_date (gint64 unix_time)
{
  g_autoptr (GDateTime) time = unix_time > 0 ? g_date_time_new_from_unix_local (unix_time) : NULL;

  return time ? g_date_time_format (time, "%Y-%m-%d") : g_strdup ("");
}

char *
_hall_format_weekday_date (const char *date)
{
  int y, m, d;
  g_autoptr (GDateTime) time = NULL;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup (date ? date : "");
  time = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (time == NULL)
    return g_strdup (date);
  /* Translators: a date with its weekday, strftime format: "2026-10-08 星期四" */
  return g_date_time_format (time, _ ("%Y-%m-%d %A"));
}

const char *
_hall_format_counter_state_class (const char *state)
{
  if (g_strcmp0 (state, "open") == 0)
    return "state-open";
  if (g_strcmp0 (state, "paused") == 0)
    return "state-paused";
  return "state-closed";
}
