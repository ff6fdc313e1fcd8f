/* hall-leader-util.h — words, badges, rows and form errors the leaders' pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "hall-labels.h"

G_BEGIN_DECLS

/* Which time limit runs ("handling" → "Handling deadline"). */
const char *_hall_leader_clock_label   (const char *clock);
/* Shows how a deadline stands in @badge, as text and colour: "3 days overdue", "Due today",
 * "5 days left"; @due (may be NULL) is added in brackets. */
void        _hall_leader_set_due_badge (GtkLabel   *badge,
                                        gint64      days_left,
                                        gboolean    overdue,
                                        const char *due);
/* Marks @badge (a label) as a state: "state-open" when @done, else "state-paused". The text
 * says the state; the colour only repeats it. */
void        _hall_leader_set_state_badge (GtkWidget *badge,
                                          gboolean   done);
/* "YYYY-MM-DD" that is a real date: NULL, else what to fix. */
const char *_hall_leader_check_date    (const char *text);
/* @today plus @days, "YYYY-MM-DD". */
char       *_hall_leader_add_days      (const char *today,
                                        int         days);
/* Text of a GtkTextView, trimmed. */
char       *_hall_leader_text_view_get (GtkTextView *view);
/* Puts @text (NULL: nothing) into @view. */
void        _hall_leader_text_view_set (GtkTextView *view,
                                        const char  *text);
/* Params object for a command; members are added with json_object_set_*. */
JsonObject *_hall_leader_params_id     (const char *member,
                                        gint64      id);

/* "YYYY-MM-DD" of a unix time, local. */
char       *_hall_leader_format_date   (gint64      unix_time);
/* A member that may be a boolean, a number or missing (FALSE). */
gboolean    _hall_leader_get_flag      (JsonObject *object,
                                        const char *member);

/* Makes @store hold a HallJsonItem per object of @array (NULL empties it). */
void        _hall_leader_store_fill    (GListStore *store,
                                        JsonArray  *array);
/* Adds a button to the end of @row that activates @action with the int64 @target. */
GtkWidget  *_hall_leader_add_row_button (AdwActionRow *row,
                                         const char   *mnemonic,
                                         const char   *action,
                                         gint64        target);

/* Where a form shows what the hall said about one of its fields: a table of these, the last
 * with the pattern "*" for the form's general error label (widget and label the same). */
typedef struct
{
  const char *pattern; /* the hall's field name, g_pattern_match_simple(): "plan*", "*.deadline" */
  gsize       widget;  /* G_STRUCT_OFFSET of the field's widget in the form's instance struct */
  gsize       label;   /* G_STRUCT_OFFSET of the label that shows its error */
} HallLeaderField;

/* Clears the error of every field of @form in @fields. */
void        _hall_leader_clear_errors  (gpointer               form,
                                        const HallLeaderField *fields,
                                        guint                  n_fields);
/* Shows @error next to the first field of @form in @fields that matches its field; returns
 * that field's widget. */
GtkWidget  *_hall_leader_show_error    (gpointer               form,
                                        const HallLeaderField *fields,
                                        guint                  n_fields,
                                        const GError          *error);

G_END_DECLS
