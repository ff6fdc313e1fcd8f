/* hall-backup-private.h — the backups folder and the daily schedule, for hall-admin.c and tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-command.h"

G_BEGIN_DECLS

/* Names of the files in "<database>.backups/", each followed by "YYYYMMDD-HHMMSS.db". */
#define HALL_BACKUP_PREFIX_MANUAL "hall-"
#define HALL_BACKUP_PREFIX_DAILY "hall-daily-"
#define HALL_BACKUP_PREFIX_BEFORE_RESTORE "hall-before-restore-"

typedef struct
{
  gboolean due;     /* take the daily backup now */
  gint64   next_at; /* when to look again, if not now */
} HallBackupSchedule;

/* "<database>.backups" */
char *_hall_backup_dir (const char *database);
/* A new file name in the backups folder (made if missing) for now: "<prefix>STAMP.db". */
char *_hall_backup_new_path (HallCtx    *ctx,
                             const char *prefix,
                             GError    **error);
/* Logs a backup of @kind ("scheduled", "manual", "before_restore"): the file @path made, or the
 * @failure. */
gboolean _hall_backup_log (HallCtx      *ctx,
                           const char   *kind,
                           const char   *path,
                           gint64        size,
                           const GError *failure,
                           GError      **error);
/* Whether the daily backup at @minute past midnight is due at @now, given the last one made
 * and the last attempt (0: none): due when none was made since the latest time the schedule
 * named (a PC that was off then catches up at its next start), a failed one again an hour
 * later. */
void _hall_backup_schedule (gint64              now,
                            GDateTime          *now_local,
                            gint64              minute,
                            gint64              last_made,
                            gint64              last_tried,
                            HallBackupSchedule *out);

G_END_DECLS
