/* hall-admin-account-row.h — one account on the admin's accounts page, with its roles and
 * department editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "hall-json-item.h"

G_BEGIN_DECLS

#define HALL_TYPE_ADMIN_ACCOUNT_ROW (hall_admin_account_row_get_type ())
G_DECLARE_FINAL_TYPE (HallAdminAccountRow,
                      hall_admin_account_row,
                      HALL,
                      ADMIN_ACCOUNT_ROW,
                      AdwExpanderRow)

/* @department_names (a GtkStringList): "None" then the departments' names; @department_codes:
 * char*, parallel
 * ([0] NULL); both shared with the page, which rebuilds them in place. @own_id: the signed-in
 * admin, who cannot lock their own account. Save sends user.update through the HallAdminPage
 * the row is in, which enables "account.save" when the hall can be reached. */
GtkWidget    *hall_admin_account_row_new (HallJsonItem *item,
                                          GListModel   *department_names,
                                          GPtrArray    *department_codes,
                                          gint64        own_id);
HallJsonItem *hall_admin_account_row_get_item (HallAdminAccountRow *self);
/* The roles ticked in the editor, and whether they differ from the account's. */
JsonArray *hall_admin_account_row_dup_roles (HallAdminAccountRow *self);
gboolean   hall_admin_account_row_roles_changed (HallAdminAccountRow *self);
/* The chosen department's code, or NULL for none. */
const char *hall_admin_account_row_get_department (HallAdminAccountRow *self);
/* Shows what the hall said at the field it names ("roles", "department"), else beside Save;
 * NULL clears. */
void hall_admin_account_row_show_error (HallAdminAccountRow *self,
                                        const GError        *error);
/* Chooses the account's department again after the choices were rebuilt. */
void hall_admin_account_row_sync (HallAdminAccountRow *self);

G_END_DECLS
