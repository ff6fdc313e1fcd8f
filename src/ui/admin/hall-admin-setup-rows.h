/* hall-admin-setup-rows.h — the rows of the setup page: a department, a window, a category
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-json-item.h"

G_BEGIN_DECLS

/* The row of @list (bound to @model) showing the item with @id, or NULL. */
GtkWidget *_hall_admin_setup_row_for_id (GListModel *model,
                                         GtkListBox *list,
                                         gint64      id);
GtkWidget *_hall_admin_department_row_new (HallJsonItem *item);
/* Replaces what @flow holds by one check button per department of @departments (named
 * "department_CODE", with its "department-id"); @checks gets the buttons. */
void _hall_admin_fill_department_checks (GtkFlowBox *flow,
                                         GListModel *departments,
                                         GPtrArray  *checks);
/* @departments: HallJsonItems of hall.info's departments, one check button each. */
GtkWidget *_hall_admin_counter_row_new (HallJsonItem *item,
                                        GListModel   *departments);
/* @department_names: the names of @departments in the same order, for the choice. */
GtkWidget *_hall_admin_category_row_new (HallJsonItem *item,
                                         GListModel   *departments,
                                         GListModel   *department_names);
/* The name of the department of @departments whose string @member is @value, or NULL. */
const char *_hall_admin_department_with (GListModel *departments,
                                         const char *member,
                                         const char *value);
/* Whether a window of @counters has @number. */
gboolean _hall_admin_counter_with_number (GListModel *counters,
                                          gint64      number);
/* The department choices of a category are the departments in the same order: the position of
 * the department @id (0 when it is not there), and the id at @position (0 when none is). */
guint  _hall_admin_department_position (GListModel *departments,
                                        gint64      id);
gint64 _hall_admin_department_id_at (GListModel *departments,
                                     guint       position);
/* What a department's, a window's or a category's row sends to department.save, counter.save,
 * category.save. */
JsonObject *_hall_admin_department_row_params (GtkWidget *row,
                                               gint64     id);
JsonObject *_hall_admin_counter_row_params (GtkWidget *row,
                                            gint64     id);
JsonObject *_hall_admin_category_row_params (GtkWidget *row,
                                             gint64     id);

G_END_DECLS
