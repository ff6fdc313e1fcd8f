/* hall-admin-setup-rows.h — the rows of the setup page: a department, a window, a category
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-board-item.h"

G_BEGIN_DECLS

/* The row of @list (bound to @model) showing the item with @id, or NULL. */
GtkWidget *_hall_admin_setup_row_for_id   (GListModel    *model,
                                           GtkListBox    *list,
                                           gint64         id);
GtkWidget *_hall_admin_department_row_new (HallBoardItem *item);
/* @departments: HallBoardItems of hall.info's departments, one check button each. */
GtkWidget *_hall_admin_counter_row_new    (HallBoardItem *item,
                                           GListModel    *departments);
/* @department_names: the names of @departments in the same order, for the choice. */
GtkWidget *_hall_admin_category_row_new   (HallBoardItem *item,
                                           GListModel    *departments,
                                           GListModel    *department_names);

G_END_DECLS
