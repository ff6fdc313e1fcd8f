/* hall-rows.h — the rows of a list box a page fills itself, and the buttons in them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Removes the rows of @list (one not bound to a model); its placeholder stays. */
void _hall_rows_remove_all (GtkListBox *list);

/* @button, centred in a row, with @tooltip (may be NULL), activating @action_name with the
 * int64 @target. Returns @button. */
GtkWidget *_hall_rows_button (GtkWidget  *button,
                              const char *tooltip,
                              const char *action_name,
                              gint64      target);
/* A flat icon button made by _hall_rows_button(): @label is its tooltip and accessible name. */
GtkWidget *_hall_rows_icon_button_new (const char *icon_name,
                                       const char *label,
                                       const char *action_name,
                                       gint64      target);
/* A button labelled @mnemonic made by _hall_rows_button(), added to the end of @row. */
GtkWidget *_hall_rows_add_button (AdwActionRow *row,
                                  const char   *mnemonic,
                                  const char   *action_name,
                                  gint64        target);

G_END_DECLS
