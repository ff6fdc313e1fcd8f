/* hall-admin-maintenance-page.h — backups, the integrity check and the audit trail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-admin-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_ADMIN_MAINTENANCE_PAGE (hall_admin_maintenance_page_get_type ())

G_DECLARE_FINAL_TYPE (HallAdminMaintenancePage,
                      hall_admin_maintenance_page,
                      HALL,
                      ADMIN_MAINTENANCE_PAGE,
                      HallAdminPage)

GtkWidget *hall_admin_maintenance_page_new (HallClient *client);
/* HallJsonItem per audit entry on the page shown, newest first. */
GListModel *hall_admin_maintenance_page_get_audit (HallAdminMaintenancePage *self);
/* The backups in the hall's backup folder (HallJsonItem of hall.backup_list), newest first. */
GListModel *hall_admin_maintenance_page_get_backups (HallAdminMaintenancePage *self);
/* Where the last "Back Up Now" wrote its copy (on the hall's computer), or NULL. */
const char *hall_admin_maintenance_page_get_backup_path (HallAdminMaintenancePage *self);
/* TRUE while a backup, a check or a read is under way. */
gboolean hall_admin_maintenance_page_get_busy (HallAdminMaintenancePage *self);

G_END_DECLS
