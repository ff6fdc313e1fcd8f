/* hall-action-form.h — an action's form, opened in place: a card with the action's title, its
 * fields, a message for what went wrong as a whole, and Cancel and apply buttons
 *
 * The page owns the actions: "apply-action-name" and "cancel-action-name" name them for the
 * buttons. The fields are an AdwPreferencesGroup made with _hall_form_add_entry() and
 * _hall_form_add_combo(), named as the engine names its parameters, so an error from the
 * engine lands on the field it names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include "hall-form.h"

G_BEGIN_DECLS

#define HALL_TYPE_ACTION_FORM (hall_action_form_get_type ())

G_DECLARE_FINAL_TYPE (HallActionForm, hall_action_form, HALL, ACTION_FORM, AdwBin)

/* Shows @group's fields as the form @name (a static string), titled @title, applied by a button
 * labelled @apply (with a mnemonic). */
void hall_action_form_open (HallActionForm      *self,
                            const char          *name,
                            const char          *title,
                            const char          *apply,
                            AdwPreferencesGroup *group);
void hall_action_form_close (HallActionForm *self);
/* The form open now, or NULL. */
const char *hall_action_form_get_name (HallActionForm *self);
gboolean    hall_action_form_is_open (HallActionForm *self,
                                      const char     *name);
/* The open form's field named @field, or NULL. */
GtkWidget *hall_action_form_get_field (HallActionForm *self,
                                       const char     *field);
/* The trimmed text of the field @field; when it is empty, says so there and returns NULL. */
char *hall_action_form_dup_required (HallActionForm *self,
                                     const char     *field);
/* Shows @message at the field @field when the form has it (an item of a list, "ids[1]", at the
 * list's field "ids"), else above the fields. FALSE when no
 * form is open (the caller says it elsewhere). */
gboolean hall_action_form_show_error (HallActionForm *self,
                                      const char     *field,
                                      const char     *message);

G_END_DECLS
