/* hall-admin-accounts-page.h — the admin's accounts: create, reset a password, lock and unlock
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-admin-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_ADMIN_ACCOUNTS_PAGE (hall_admin_accounts_page_get_type ())

G_DECLARE_FINAL_TYPE (HallAdminAccountsPage,
                      hall_admin_accounts_page,
                      HALL,
                      ADMIN_ACCOUNTS_PAGE,
                      HallAdminPage)

GtkWidget *hall_admin_accounts_page_new (HallClient *client);
/* HallJsonItem per account (user.list's objects), in the hall's order. */
GListModel *hall_admin_accounts_page_get_accounts (HallAdminAccountsPage *self);
/* TRUE while a change the admin asked for is on its way to the hall. */
gboolean hall_admin_accounts_page_get_busy (HallAdminAccountsPage *self);

G_END_DECLS
