/* hall-leader-util.h — words and badges the leaders' pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A matter's state as the hall says it ("assigned" → "Assigned"). */
const char *_hall_leader_state_label   (const char *state);
/* Which time limit runs ("handling" → "Handling deadline"). */
const char *_hall_leader_clock_label   (const char *clock);
/* Shows how a deadline stands in @badge, as text and colour: "3 days overdue", "Due today",
 * "5 days left"; @due (may be NULL) is added in brackets. */
void        _hall_leader_set_due_badge (GtkLabel   *badge,
                                        gint64      days_left,
                                        gboolean    overdue,
                                        const char *due);
/* "YYYY-MM-DD" that is a real date: NULL, else what to fix. */
const char *_hall_leader_check_date    (const char *text);
/* @today plus @days, "YYYY-MM-DD". */
char       *_hall_leader_add_days      (const char *today,
                                        int         days);
/* Text of a GtkTextView, trimmed. */
char       *_hall_leader_text_view_get (GtkTextView *view);
/* Params object for a command; members are added with json_object_set_*. */
JsonObject *_hall_leader_params_id     (const char *member,
                                        gint64      id);

/* "YYYY-MM-DD" of a unix time, local. */
char       *_hall_leader_format_date   (gint64      unix_time);
/* A member that may be a boolean, a number or missing (FALSE). */
gboolean    _hall_leader_get_flag      (JsonObject *object,
                                        const char *member);

G_END_DECLS
