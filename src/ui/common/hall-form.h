/* hall-form.h — one way for every form to show what is wrong with its fields, and to read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Shows @message (NULL clears it) next to @field: @error_label sits in the row just below the
 * field; the field gets the "error" style and the message as its accessible description. A
 * form's general error label is its own field and error label. */
void _hall_form_set_error (GtkWidget  *field,
                           GtkWidget  *error_label,
                           const char *message);

/* A field of a form as the hall names it in its errors (hall_error_get_field()): @pattern for
 * g_pattern_match_simple() ("plan*", "*.deadline"; "*" catches every error, one with no field
 * too), the field's widget and the label under it (NULL: the one _hall_form_add_field() made).
 * A form keeps a table of these, filled once its widgets exist. */
typedef struct
{
  const char *pattern;
  GtkWidget  *widget;
  GtkWidget  *error_label;
} HallFormField;

/* Takes back what the fields of @fields and @general (may be NULL) say. */
void _hall_form_clear_errors (const HallFormField *fields,
                              guint                n_fields,
                              GtkLabel            *general);
/* Shows @message (NULL clears it) at the first field of @fields that @field (may be NULL)
 * matches; returns that field's widget, or NULL when none does. */
GtkWidget *_hall_form_show_field_error (const HallFormField *fields,
                                        guint                n_fields,
                                        const char          *field,
                                        const char          *message);
/* Shows what the hall said at the field it names, else in @general (may be NULL); returns the
 * field's widget, or NULL when the message went to @general. */
GtkWidget *_hall_form_show_error (const HallFormField *fields,
                                  guint                n_fields,
                                  const GError        *error,
                                  GtkLabel            *general);

/* @row (an AdwPreferencesRow) as the field @name titled @title, with its error row under it,
 * appended to @group; tests and _hall_form_field_set_error() find it by @name. */
GtkWidget *_hall_form_add_field (AdwPreferencesGroup *group,
                                 const char          *name,
                                 const char          *title,
                                 GtkWidget           *row);
/* A text field (an AdwEntryRow) made by _hall_form_add_field(). */
GtkWidget *_hall_form_add_entry (AdwPreferencesGroup *group,
                                 const char          *name,
                                 const char          *title);
/* A text of several lines: a row of @group with @title, a GtkTextView and the message under it.
 * The text view is the field: it has @name, shows the errors and is returned. */
GtkWidget *_hall_form_add_text_area (AdwPreferencesGroup *group,
                                     const char          *name,
                                     const char          *title);
/* A drop-down row of @labels (NULL-terminated, may be NULL) made by _hall_form_add_field(). */
GtkWidget *_hall_form_add_combo (AdwPreferencesGroup *group,
                                 const char          *name,
                                 const char          *title,
                                 const char *const   *labels);
/* The label under @field where _hall_form_field_set_error() shows its errors: the one
 * _hall_form_add_field() made, or one a form's template has (NULL: none yet). */
void       _hall_form_field_set_error_label (GtkWidget *field,
                                             GtkWidget *error_label);
GtkWidget *_hall_form_field_get_error_label (GtkWidget *field);
/* Shows @message under a field made by _hall_form_add_field() (NULL clears it). */
void _hall_form_field_set_error (GtkWidget  *field,
                                 const char *message);
/* Shows @message at the field under @form made by _hall_form_add_field() that the hall names
 * @field (an item of a list, "ids[1]", at the list's field "ids") and gives it the focus; returns
 * it, or NULL when @form has no such field. */
GtkWidget *_hall_form_show_named_error (GtkWidget  *form,
                                        const char *field,
                                        const char *message);
/* Clears the text and the message of a field made by _hall_form_add_field(). */
void _hall_form_field_reset (GtkWidget *field);

/* The text of @editable (a GtkEditable, or a text view) without leading and trailing spaces, never
 * NULL. */
char *_hall_form_dup_text (gpointer editable);
/* The same for a text view. */
char *_hall_form_text_view_dup_text (GtkTextView *view);
/* Puts @text (NULL: nothing) into @view. */
void _hall_form_text_view_set_text (GtkTextView *view,
                                    const char  *text);

/* A hall server's address as typed ("192.168.1.10") made whole ("https://192.168.1.10:8443");
 * NULL with @message (translated, static) when it cannot be one. */
char *_hall_form_parse_server_url (const char  *text,
                                   const char **message);

G_END_DECLS
