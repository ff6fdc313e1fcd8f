/* hall-leader-format.h — the words and badges of the leaders' pages: which time limit runs, how a
 * deadline stands, whether a step is done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Which time limit runs ("handling" → "Handling deadline"). */
const char *_hall_leader_format_clock_label (const char *clock);
/* Shows how a deadline stands in @badge, as text and colour: "3 days overdue", "Due today",
 * "5 days left"; @due (may be NULL) is added in brackets. */
void _hall_leader_format_due_badge (GtkLabel   *badge,
                                    gint64      days_left,
                                    gboolean    overdue,
                                    const char *due);
/* Marks @badge (a label) as a state: "state-open" when @done, else "state-paused". The text
 * says the state; the colour only repeats it. */
void _hall_leader_format_state_badge (GtkWidget *badge,
                                      gboolean   done);
/* @today plus @days, "YYYY-MM-DD". */
char *_hall_leader_format_add_days (const char *today,
                                    int         days);

G_END_DECLS
