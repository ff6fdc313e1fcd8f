/* hall-admin-setup-page.h — the hall's setup: its name and norms, departments, windows and the
 * departments each serves, problem categories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-admin-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_ADMIN_SETUP_PAGE (hall_admin_setup_page_get_type ())

G_DECLARE_FINAL_TYPE (HallAdminSetupPage,
                      hall_admin_setup_page,
                      HALL,
                      ADMIN_SETUP_PAGE,
                      HallAdminPage)

GtkWidget *hall_admin_setup_page_new (HallClient *client);
/* HallJsonItems of hall.info's departments, counters and categories. */
GListModel *hall_admin_setup_page_get_departments (HallAdminSetupPage *self);
GListModel *hall_admin_setup_page_get_counters (HallAdminSetupPage *self);
GListModel *hall_admin_setup_page_get_categories (HallAdminSetupPage *self);
/* TRUE while a read or a change is under way. */
gboolean hall_admin_setup_page_get_busy (HallAdminSetupPage *self);

G_END_DECLS
