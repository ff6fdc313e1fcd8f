/* hall-admin-util.c — what the admin pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-admin"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-admin-util.h"
#include "hall-client.h"
#include "hall-ui-util.h"

gboolean
_hall_admin_show_field_error (const HallAdminField *fields,
                              guint                 n_fields,
                              const char           *name,
                              const char           *message)
{
  for (guint i = 0; i < n_fields; i++)
    if (g_strcmp0 (fields[i].name, name) == 0)
      {
        _hall_form_set_error (fields[i].widget, fields[i].error_label, message);
        return TRUE;
      }
  return FALSE;
}

void
_hall_admin_clear_errors (const HallAdminField *fields,
                          guint                 n_fields,
                          GtkLabel             *general)
{
  for (guint i = 0; i < n_fields; i++)
    _hall_form_set_error (fields[i].widget, fields[i].error_label, NULL);
  if (general != NULL)
    gtk_label_set_text (general, "");
}

void
_hall_admin_show_error (const HallAdminField *fields,
                        guint                 n_fields,
                        const GError         *error,
                        GtkLabel             *general)
{
  const char *field = error->domain == HALL_ERROR ? hall_error_get_field (error) : NULL;

  if (field == NULL || !_hall_admin_show_field_error (fields, n_fields, field, error->message))
    gtk_label_set_text (general, error->message);
}

AdwMessageDialog *
_hall_admin_confirm (GtkWidget  *widget,
                     const char *heading,
                     const char *body,
                     const char *response,
                     const char *response_label,
                     GCallback   callback,
                     gpointer    data)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    /* Translators: button in a question before an irreversible step */
                                    "cancel", _("_Cancel"),
                                    response, response_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), response, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_swapped (dialog, "response", callback, data);
  gtk_window_present (GTK_WINDOW (dialog));
  return ADW_MESSAGE_DIALOG (dialog);
}

static void
question_free (HallAdminQuestion *question)
{
  g_clear_object (&question->page);
  g_free (question->key);
  g_free (question);
}

AdwMessageDialog *
_hall_admin_ask (HallPage   *page,
                 gint64      id,
                 const char *key,
                 const char *heading,
                 const char *body,
                 const char *response,
                 const char *response_label,
                 GCallback   callback)
{
  HallAdminQuestion *question = g_new0 (HallAdminQuestion, 1);
  AdwMessageDialog *dialog;

  question->page = g_object_ref (page);
  question->id = id;
  question->key = g_strdup (key);
  dialog = _hall_admin_confirm (GTK_WIDGET (page), heading, body, response, response_label, callback, question);
  g_object_set_data_full (G_OBJECT (dialog), "question", question, (GDestroyNotify) question_free);
  return dialog;
}

static void
password_changed_cb (GtkEditable *entry,
                     GtkWidget   *error_label)
{
  const char *text = gtk_editable_get_text (entry);
  g_autofree char *problem = *text ? _hall_check_new_password (text) : NULL;
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (gtk_widget_get_ancestor (error_label, ADW_TYPE_MESSAGE_DIALOG));

  gtk_label_set_text (GTK_LABEL (error_label), problem ? problem : "");
  gtk_widget_set_visible (error_label, problem != NULL);
  if (dialog != NULL)
    adw_message_dialog_set_response_enabled (dialog, g_object_get_data (G_OBJECT (entry), "response"),
                                             *text && problem == NULL);
}

GtkWidget *
_hall_admin_add_password_field (AdwMessageDialog *dialog,
                                const char       *response)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *entry = gtk_password_entry_new ();
  GtkWidget *error_label = gtk_label_new (NULL);

  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  gtk_widget_set_name (entry, "reset_password");
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  /* Translators: accessible name of the new password field */
                                  _("New password"), -1);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_widget_add_css_class (error_label, "field-error");
  gtk_widget_set_visible (error_label, FALSE);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_box_append (GTK_BOX (box), error_label);
  g_object_set_data_full (G_OBJECT (entry), "response", g_strdup (response), g_free);
  g_signal_connect (entry, "changed", G_CALLBACK (password_changed_cb), error_label);
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_set_response_enabled (dialog, response, FALSE);
  return entry;
}

const char * const _hall_admin_roles[HALL_ADMIN_N_ROLES] = {
  "staff", "manager", "leader", "admin", "display", "kiosk",
};

void
_hall_admin_add_role_checks (GtkFlowBox      *box,
                             const char      *prefix,
                             GtkCheckButton **checks)
{
  for (guint i = 0; i < HALL_ADMIN_N_ROLES; i++)
    {
      g_autofree char *name = g_strconcat (prefix, _hall_admin_roles[i], NULL);

      checks[i] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_hall_role_label (_hall_admin_roles[i])));
      gtk_widget_set_name (GTK_WIDGET (checks[i]), name);
      gtk_flow_box_append (box, GTK_WIDGET (checks[i]));
    }
}

JsonArray *
_hall_admin_dup_roles (GtkCheckButton **checks)
{
  JsonArray *chosen = json_array_new ();

  for (guint i = 0; i < HALL_ADMIN_N_ROLES; i++)
    if (gtk_check_button_get_active (checks[i]))
      json_array_add_string_element (chosen, _hall_admin_roles[i]);
  return chosen;
}

char *
_hall_admin_format_date (const char *date)
{
  int y, m, d;
  g_autoptr (GDateTime) time = NULL;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return g_strdup (date ? date : "");
  time = g_date_time_new_local (y, m, d, 12, 0, 0);
  if (time == NULL)
    return g_strdup (date);
  /* Translators: a date with its weekday, strftime format: "2026-10-08 星期四" */
  return g_date_time_format (time, _("%Y-%m-%d %A"));
}
