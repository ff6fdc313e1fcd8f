/* hall-find.h — a widget by the name the page gave it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Makes the page's widgets and the "error" strings a test can find by name: the first
 * descendant of @root whose widget name is @name, or NULL. */
GtkWidget *_hall_find_named (GtkWidget  *root,
                             const char *name);

G_END_DECLS
