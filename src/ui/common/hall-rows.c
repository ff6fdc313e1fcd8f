/* hall-rows.c — the rows of a list box a page fills itself, and the buttons in them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-rows"

#include "config.h"

#include "hall-rows.h"

void
_hall_rows_remove_all (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

GtkWidget *
_hall_rows_button (GtkWidget  *button,
                   const char *tooltip,
                   const char *action_name,
                   gint64      target)
{
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  if (tooltip != NULL)
    gtk_widget_set_tooltip_text (button, tooltip);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", target);
  return button;
}

GtkWidget *
_hall_rows_icon_button_new (const char *icon_name,
                            const char *label,
                            const char *action_name,
                            gint64      target)
{
  GtkWidget *button = _hall_rows_button (gtk_button_new_from_icon_name (icon_name), label,
                                         action_name, target);

  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

GtkWidget *
_hall_rows_add_button (AdwActionRow *row,
                       const char   *mnemonic,
                       const char   *action_name,
                       gint64        target)
{
  GtkWidget *button = _hall_rows_button (gtk_button_new_with_mnemonic (mnemonic), NULL,
                                         action_name, target);

  adw_action_row_add_suffix (row, button);
  return button;
}
