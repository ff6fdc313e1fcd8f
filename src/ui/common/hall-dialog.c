/* hall-dialog.c — the one dialog that asks before a step: its question, what it is about, and
 * the fields it may hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-check.h"
#include "hall-dialog.h"
#include "hall-form.h"

#define SUBJECT_KEY "hall-dialog-subject"
#define RESPONSE_KEY "hall-dialog-response"

typedef struct
{
  GtkWidget *owner;
  gint64     id;
  char      *key;
} Subject;

static void
subject_free (Subject *subject)
{
  g_clear_object (&subject->owner);
  g_free (subject->key);
  g_free (subject);
}

GtkWidget *
_hall_dialog_new (GtkWidget            *owner,
                  AdwMessageDialog    **slot,
                  const char           *heading,
                  const char           *body,
                  const char           *response,
                  const char           *response_label,
                  AdwResponseAppearance appearance,
                  GCallback             response_cb)
{
  GtkRoot   *root = gtk_widget_get_root (owner);
  GtkWidget *widget = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                              heading, body);
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (widget);

  adw_message_dialog_add_responses (dialog,
                                    /* Translators: button in a question before a step */
                                    "cancel", _ ("_Cancel"),
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, response, appearance);
  adw_message_dialog_set_default_response (dialog, appearance == ADW_RESPONSE_DESTRUCTIVE
                                                       ? "cancel"
                                                       : response);
  adw_message_dialog_set_close_response (dialog, "cancel");
  if (slot != NULL)
    g_set_weak_pointer (slot, dialog);
  g_signal_connect_object (dialog, "response", response_cb, owner, G_CONNECT_SWAPPED);
  return widget;
}

void
_hall_dialog_hold (GtkWidget  *dialog,
                   GtkWidget  *owner,
                   gint64      id,
                   const char *key)
{
  Subject *subject = g_new0 (Subject, 1);

  subject->owner = g_object_ref (owner);
  subject->id = id;
  subject->key = g_strdup (key);
  g_object_set_data_full (G_OBJECT (dialog), SUBJECT_KEY, subject, (GDestroyNotify) subject_free);
}

GtkWidget *
_hall_dialog_confirm (GtkWidget  *owner,
                      gint64      id,
                      const char *key,
                      const char *heading,
                      const char *body,
                      const char *response,
                      const char *response_label,
                      GCallback   response_cb)
{
  GtkWidget *dialog = _hall_dialog_new (owner, NULL, heading, body, response, response_label,
                                        ADW_RESPONSE_DESTRUCTIVE, response_cb);

  _hall_dialog_hold (dialog, owner, id, key);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

gint64
_hall_dialog_get_id (AdwMessageDialog *dialog)
{
  Subject *subject = g_object_get_data (G_OBJECT (dialog), SUBJECT_KEY);

  return subject != NULL ? subject->id : 0;
}

const char *
_hall_dialog_get_key (AdwMessageDialog *dialog)
{
  Subject *subject = g_object_get_data (G_OBJECT (dialog), SUBJECT_KEY);

  return subject != NULL ? subject->key : NULL;
}

void
_hall_dialog_close (AdwMessageDialog **slot)
{
  if (*slot != NULL)
    gtk_window_destroy (GTK_WINDOW (*slot));
  g_clear_weak_pointer (slot);
}

static void
reason_changed_cb (AdwMessageDialog *dialog,
                   GtkEditable      *row)
{
  g_autofree char *reason = _hall_form_dup_text (row);
  const char      *response = g_object_get_data (G_OBJECT (row), RESPONSE_KEY);

  adw_message_dialog_set_response_enabled (dialog, response, *reason != '\0');
}

AdwEntryRow *
_hall_dialog_reason_row_new (AdwMessageDialog *dialog,
                             const char       *name,
                             const char       *response)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  /* Translators: a dialog's field that must be filled in (transferring a ticket, pausing a
   * window) */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Reason (required)"));
  g_object_set_data_full (G_OBJECT (row), RESPONSE_KEY, g_strdup (response), g_free);
  adw_message_dialog_set_response_enabled (dialog, response, FALSE);
  g_signal_connect_object (row, "changed", G_CALLBACK (reason_changed_cb), dialog,
                           G_CONNECT_SWAPPED);
  return ADW_ENTRY_ROW (row);
}

static void
password_changed_cb (GtkEditable *entry,
                     GtkWidget   *error_label)
{
  const char      *text = gtk_editable_get_text (entry);
  g_autofree char *problem = *text ? _hall_check_new_password (text) : NULL;
  GtkWidget       *dialog = gtk_widget_get_ancestor (error_label, ADW_TYPE_MESSAGE_DIALOG);

  gtk_label_set_text (GTK_LABEL (error_label), problem ? problem : "");
  gtk_widget_set_visible (error_label, problem != NULL);
  if (dialog != NULL)
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog),
                                             g_object_get_data (G_OBJECT (entry), RESPONSE_KEY),
                                             *text && problem == NULL);
}

GtkWidget *
_hall_dialog_add_password (AdwMessageDialog *dialog,
                           const char       *response)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_password_entry_new ();
  GtkWidget *error_label = gtk_label_new (NULL);

  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  gtk_widget_set_name (entry, "reset_password");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: accessible name of the new password field */
                                  _ ("New password"), -1);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_widget_add_css_class (error_label, "field-error");
  gtk_widget_set_visible (error_label, FALSE);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), error_label);
  g_object_set_data_full (G_OBJECT (entry), RESPONSE_KEY, g_strdup (response), g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (password_changed_cb), error_label);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_set_response_enabled (dialog, response, FALSE);
  return entry;
}
