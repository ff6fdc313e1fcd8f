/* hall-matter-format.h — how a matter's codes, clocks and history read to people, and the form
 * fields the matter pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "hall-labels.h"

G_BEGIN_DECLS

/* A string member, NULL when missing or null. */
const char *_hall_mf_string                (JsonObject *object,
                                            const char *member);

/* "state-open", "state-paused" or "state-closed": the colour class next to a matter's or a
 * window's state (the words are hall_label_state() and hall_label_counter_state()). */
const char *_hall_mf_state_class           (const char *state);
const char *_hall_mf_counter_state_class   (const char *state);

/* "12 days left", "Due today", "Overdue by 3 days"; *@css_class "due-ok", "due-soon" or "overdue".
 * NULL when no clock runs. */
char       *_hall_mf_due_text              (gboolean     has_clock,
                                            gint64       days_left,
                                            gboolean     overdue,
                                            const char **css_class);
/* The same from a matter object's "clocks" (the first one other than the objection window). */
char       *_hall_mf_clocks_text           (JsonObject  *matter,
                                            const char **css_class);

/* @row (an AdwPreferencesRow) as the field @name titled @title, with its message row under it,
 * appended to @group. */
GtkWidget  *_hall_mf_field_add             (AdwPreferencesGroup *group,
                                            const char          *name,
                                            const char          *title,
                                            GtkWidget           *row);
/* A text field with its message row under it, appended to @group; the entry is named @name so
 * tests and _hall_mf_field_set_error() find it. */
GtkWidget  *_hall_mf_field_add_entry       (AdwPreferencesGroup *group,
                                            const char          *name,
                                            const char          *title);
/* A drop-down row of @labels (NULL-terminated), named @name, with its message row. */
GtkWidget  *_hall_mf_field_add_combo       (AdwPreferencesGroup *group,
                                            const char          *name,
                                            const char          *title,
                                            const char * const  *labels);
/* Shows @message under a field made by the two above (NULL clears it). */
void        _hall_mf_field_set_error       (GtkWidget  *field,
                                            const char *message);
/* Clears the text and the message. */
void        _hall_mf_field_reset           (GtkWidget  *field);
/* The trimmed text of an editable field, never NULL. */
char       *_hall_mf_field_dup_text        (GtkWidget  *field);

/* Appends each object's "name" to @list. */
void        _hall_mf_append_names          (GtkStringList *list,
                                            JsonArray     *objects);

/* A department's part in an assignment round: "Lead" (牵头单位) or "Cooperating" (配合单位), and
 * its state (open, objected, reassigned, returned, done) in words. */
const char *_hall_mf_assignment_role       (const char *role);
const char *_hall_mf_assignment_state      (const char *state);

/* The fields of escalating a matter to today's duty leader (a note), and what to say after it
 * (matter.escalate's answer). */
void        _hall_mf_escalate_fields       (AdwPreferencesGroup *group);
char       *_hall_mf_escalated_text        (JsonObject *reply);

G_END_DECLS
