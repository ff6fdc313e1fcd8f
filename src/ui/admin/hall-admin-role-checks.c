/* hall-admin-role-checks.c — a check button per role an account may hold, for the account forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-admin"

#include "config.h"

#include "hall-admin-role-checks.h"
#include "hall-role.h"

void
_hall_admin_role_checks_add (GtkFlowBox      *box,
                             const char      *prefix,
                             GtkCheckButton **checks)
{
  for (guint i = 0; i < HALL_N_ROLES; i++)
    {
      g_autofree char *name = g_strconcat (prefix, hall_role_names[i], NULL);
      const char      *label = _hall_role_label (hall_role_names[i]);

      checks[i] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (label));
      gtk_widget_set_name (GTK_WIDGET (checks[i]), name);
      gtk_flow_box_append (box, GTK_WIDGET (checks[i]));
    }
}

JsonArray *
_hall_admin_role_checks_dup_roles (GtkCheckButton **checks)
{
  JsonArray *chosen = json_array_new ();

  for (guint i = 0; i < HALL_N_ROLES; i++)
    if (gtk_check_button_get_active (checks[i]))
      json_array_add_string_element (chosen, hall_role_names[i]);
  return chosen;
}
