/* hall-restore.h — putting a backup back in place of the hall's database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Holds the lock of the hall at @database for as long as the returned descriptor is open: the
 * server and the app take it while they serve the hall, a restore takes it before it replaces
 * the file. -1 with a HALL_ERROR_CONFLICT when someone else holds it. */
int hall_restore_lock (const char *database,
                       GError    **error);
/* Replaces the hall at @database (nobody may have it open: hold its lock) by the backup @from,
 * once the backup passed the integrity check and its audit chain is sound. The hall as it was
 * is first backed up to "<database>.backups/hall-before-restore-STAMP.db" (@now the time of the
 * restore), whose path goes to @undo_path. On failure the database is unchanged. */
gboolean hall_restore_database (const char *database,
                                const char *from,
                                gint64      now,
                                char      **undo_path,
                                GError    **error);

G_END_DECLS
