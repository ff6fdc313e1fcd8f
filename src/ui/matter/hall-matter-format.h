/* hall-matter-format.h — how a matter's states, clocks and assignments read to people, and the
 * fields of escalating it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "hall-labels.h"

G_BEGIN_DECLS

/* "state-open", "state-paused" or "state-closed": the colour class next to a matter's state (the
 * words are hall_label_state()). */
const char *_hall_matter_format_state_class (const char *state);

/* "12 days left", "Due today", "Overdue by 3 days"; *@css_class "due-ok", "due-soon" or "overdue".
 * NULL when no clock runs. */
char *_hall_matter_format_due_text (gboolean     has_clock,
                                    gint64       days_left,
                                    gboolean     overdue,
                                    const char **css_class);
/* The same from a matter object's "clocks" (the first one other than the objection window). */
char *_hall_matter_format_clocks_text (JsonObject  *matter,
                                       const char **css_class);

/* A department's part in an assignment round: "Lead" (牵头单位) or "Cooperating" (配合单位), and
 * its state (open, objected, reassigned, returned, done) in words. */
const char *_hall_matter_format_assignment_role (const char *role);
const char *_hall_matter_format_assignment_state (const char *state);

/* The fields of escalating a matter to today's duty leader (a note), and what to say after it
 * (matter.escalate's answer). */
void  _hall_matter_format_escalate_fields (AdwPreferencesGroup *group);
char *_hall_matter_format_escalated_text (JsonObject *reply);

G_END_DECLS
