/* hall-format.h — times, dates and states as the hall's pages show them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include "hall-labels.h"

G_BEGIN_DECLS

/* "12 min", "1 h 05 min" */
char *_hall_format_minutes (gint64 seconds);
/* "09:12" in local time */
char *_hall_format_clock (gint64 unix_time);
/* "YYYY-MM-DD" of a unix time, local; "" for none (0). */
char *_hall_format_date (gint64 unix_time);
/* "2026-10-08 星期四" for a YYYY-MM-DD date. */
char *_hall_format_weekday_date (const char *date);
/* "state-open", "state-paused" or "state-closed": the colour class next to a window's state (the
 * words are hall_label_counter_state()). */
const char *_hall_format_counter_state_class (const char *state);

G_END_DECLS
