/* hall-find.c — a widget by the name the page gave it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-find"

#include "config.h"

#include "hall-find.h"

GtkWidget *
_hall_find_named (GtkWidget  *root,
                  const char *name)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = _hall_find_named (child, name);
      if (found != NULL)
        return found;
    }
  return NULL;
}
