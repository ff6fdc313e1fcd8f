/* hall-backup-scheduler.h — takes the daily backup of the hall this process owns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-engine.h"

G_BEGIN_DECLS

#define HALL_TYPE_BACKUP_SCHEDULER (hall_backup_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (HallBackupScheduler, hall_backup_scheduler, HALL, BACKUP_SCHEDULER, GObject)

/* Looks at once (a PC that was off at the set time catches up), then at the set time each day
 * and whenever the hall's settings change. Made by the process that owns the hall: the server,
 * or the app for the hall on this PC. The "checked" signal carries hall.backup_scheduled's
 * answer ({"taken", "ok", "file", "error", "next_at"}) or NULL when it failed. */
HallBackupScheduler *hall_backup_scheduler_new (HallEngine *engine);
/* Looks now instead of at the next time: after the engine's clock was set, in tests. */
void hall_backup_scheduler_check (HallBackupScheduler *self);

G_END_DECLS
