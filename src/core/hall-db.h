/* hall-db.h — the one SQLite connection, its migrations and statement cache
 *
 * A HallDb is used from the engine's worker thread only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _HallDb HallDb;
typedef sqlite3_stmt   HallStmt;

HallDb     *hall_db_open (const char *path,
                          GError    **error);
void        hall_db_free (HallDb *db);
sqlite3    *hall_db_get_handle (HallDb *db);
const char *hall_db_get_path (HallDb *db);
gboolean    hall_db_check_local_filesystem (const char *path,
                                            GError    **error);

/* Whether a failure with SQLite's code @rc and the system's @system_errno means the disk is
 * full (SQLITE_FULL, or an I/O error from ENOSPC or EDQUOT). */
gboolean hall_db_is_disk_full (int rc,
                               int system_errno);
/* Sets the error every write that found the disk full answers with. */
void hall_db_set_disk_full_error (GError **error);

/* Prepared once per SQL text and cached; release with hall_stmt_release (g_autoptr does it). */
HallStmt *hall_db_prepare (HallDb     *db,
                           const char *sql,
                           GError    **error);
gboolean  hall_db_exec (HallDb     *db,
                        const char *sql,
                        GError    **error);
/* One statement, prepared once and cached like hall_db_prepare: for the BEGIN, SAVEPOINT,
 * RELEASE and COMMIT every command runs, which sqlite3_exec would parse every time. */
gboolean hall_db_run (HallDb     *db,
                      const char *sql,
                      GError    **error);
gint64   hall_db_last_insert_id (HallDb *db);
int      hall_db_changes (HallDb *db);
gboolean hall_db_backup_to (HallDb     *db,
                            const char *dest_path,
                            GError    **error);
/* The newest change-feed event's seq, 0 when there is none. */
gint64   hall_db_last_event_seq (HallDb *db);
gboolean hall_db_check_integrity (HallDb  *db,
                                  GString *report,
                                  GError **error);

void hall_stmt_release (HallStmt *stmt);
/* Returns SQLITE_ROW or SQLITE_DONE, or 0 with @error set. */
int  hall_stmt_step (HallStmt *stmt,
                     GError  **error);
void hall_stmt_bind_text (HallStmt   *stmt,
                          int         index,
                          const char *text);
void hall_stmt_bind_int (HallStmt *stmt,
                         int       index,
                         gint64    value);
/* Binds NULL when @value is 0: the convention for optional row ids. */
void        hall_stmt_bind_id (HallStmt *stmt,
                               int       index,
                               gint64    value);
const char *hall_stmt_text (HallStmt *stmt,
                            int       column);
gint64      hall_stmt_int (HallStmt *stmt,
                           int       column);
/* The current row as an object keyed by column name; NULL columns become JSON null.
 * A column named "*_json" holding JSON text is parsed and stored under the name without "_json". */
JsonObject *hall_stmt_row_object (HallStmt *stmt);
/* Steps to the end, one object per row. */
JsonArray *hall_stmt_all_objects (HallStmt *stmt,
                                  GError  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HallStmt, hall_stmt_release)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HallDb, hall_db_free)

G_END_DECLS
