/* hall-admin-util.c — what the admin pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-admin"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-admin-util.h"
#include "hall-board-item.h"
#include "hall-ui-util.h"
#include "hall-window.h"

void
_hall_admin_store_replace (GListStore *store,
                           JsonArray  *array,
                           gboolean    keep_items)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint n = array != NULL ? json_array_get_length (array) : 0;
  gboolean same_ids = keep_items && n_items == n;

  for (guint i = 0; same_ids && i < n; i++)
    {
      g_autoptr (HallBoardItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      JsonObject *data = json_array_get_object_element (array, i);

      same_ids = hall_board_item_get_id (item) == json_object_get_int_member_with_default (data, "id", -1);
    }
  if (same_ids)
    {
      /* Rows stay (with what is typed in them); only the ones that changed are told. */
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (HallBoardItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);
          hall_board_item_set_data (item, json_array_get_object_element (array, i), 0);
        }
      return;
    }

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, hall_board_item_new (json_array_get_object_element (array, i), 0));
  g_list_store_splice (store, 0, n_items, items->pdata, items->len);
}

void
_hall_admin_toast (GtkWidget  *widget,
                   const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (HALL_IS_WINDOW (root))
    hall_window_show_toast (HALL_WINDOW (root), message);
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

gboolean
_hall_admin_event_is (JsonObject         *event,
                      const char * const *kinds)
{
  const char *kind = json_object_get_string_member_with_default (event, "kind", "");

  return g_strv_contains (kinds, kind);
}
