/* hall-restore.c — putting a backup back in place of the hall's database
 *
 * Run while nobody has the hall open (the caller holds the hall's lock). The backup is copied
 * beside the database and opened as a hall, which brings a backup of an older version up to
 * date and refuses a newer one; the copy must pass the integrity check and its audit chain must
 * be sound. Then the database as it is now is itself backed up ("hall-before-restore-…"), so that
 * a wrong restore can be undone, and the copy replaces the database through SQLite's backup API:
 * one write transaction on the database, which SQLite makes atomic and which goes through its
 * WAL like any other, so no -wal or -shm file of the old content is left to be replayed over the
 * new one.
 *
 * The change feed must not go back: clients hold a seq up to the old database's newest, and the
 * restored one numbered fewer events. The restore's own event "hall.restored" takes the seq after
 * the larger of the two, so every later event has a number no client has seen, and a client
 * that sees it reloads everything. Sessions of accounts the backup knows are carried over, so
 * that nobody is signed out by the restore.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-restore"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/file.h>
#include <fcntl.h>
#include <unistd.h>

#include "hall-audit-chain-private.h"
#include "hall-backup-private.h"
#include "hall-restore.h"

static const char *const sidecars[] = { "", "-wal", "-shm", "-journal" };

static void
remove_database_files (const char *path)
{
  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *file = g_strconcat (path, sidecars[i], NULL);
      g_unlink (file);
    }
}

/* The backup, copied to @copy and opened as a hall, if it is sound. */
static HallDb *
open_checked_copy (const char *from,
                   const char *copy,
                   GError    **error)
{
  g_autoptr (GFile) source = g_file_new_for_path (from);
  g_autoptr (GFile) target = g_file_new_for_path (copy);
  g_autoptr (GString) report = g_string_new (NULL);
  g_autoptr (JsonObject) audit = json_object_new ();
  g_autoptr (HallDb) db = NULL;
  g_autoptr (GError) local_error = NULL;

  remove_database_files (copy);
  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local_error))
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "from",
                      _ ("Cannot read the backup “%s”: %s"), from, local_error->message);
      return NULL;
    }
  db = hall_db_open (copy, &local_error);
  if (db != NULL && hall_db_check_integrity (db, report, &local_error)
      && _hall_audit_chain_verify (db, audit, report, &local_error))
    return g_steal_pointer (&db);

  if (local_error != NULL && g_str_equal (hall_error_get_field (local_error) ?: "", "database"))
    hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "from",
                    _ ("The backup “%s” cannot be restored by this version of Xinfang Hall: %s"),
                    from, local_error->message);
  else
    hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "from",
                    _ ("The backup “%s” is damaged and was not restored:\n%s"), from,
                    local_error != NULL ? local_error->message : report->str);
  return NULL;
}

/* In the restored hall: the restore's event after @after, its audit row, and the sessions of
 * the database it replaces (@current, attached as "current") whose accounts it knows. */
static gboolean
mark_restored (HallDb     *restored,
               const char *current,
               const char *from,
               gint64      after,
               gint64      now,
               GError    **error)
{
  g_autofree char *name = g_path_get_basename (from);
  g_autoptr (JsonObject) payload = json_object_new ();
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), payload);
  g_autofree char *payload_text = NULL;
  g_autoptr (HallStmt) attach = NULL;
  g_autoptr (HallStmt) event = NULL;
  HallAuditRow row = {
    .at = now,
    .role = "system",
    .client_address = "local",
    .command = "hall.restore",
    .object_type = "backup",
    .object_id = name,
    .result = "ok",
  };

  json_object_set_string_member (payload, "file", name);
  payload_text = json_to_string (node, FALSE);

  attach = hall_db_prepare (restored, "ATTACH DATABASE ?1 AS current", error);
  if (attach == NULL)
    return FALSE;
  hall_stmt_bind_text (attach, 1, current);
  if (hall_stmt_step (attach, error) != SQLITE_DONE)
    return FALSE;
  hall_stmt_release (g_steal_pointer (&attach));

  if (!hall_db_exec (restored, "BEGIN IMMEDIATE", error))
    goto fail;
  if (!hall_db_exec (restored,
                     "INSERT OR IGNORE INTO main.session "
                     "SELECT s.* FROM current.session s "
                     "JOIN current.account ca ON ca.id = s.user_id "
                     "JOIN main.account a ON a.id = s.user_id AND a.username = ca.username "
                     "WHERE s.counter_id IS NULL OR s.counter_id IN (SELECT id FROM main.counter)",
                     error))
    goto fail;

  event = hall_db_prepare (restored,
                           "INSERT INTO event (seq, at, kind, payload) "
                           "VALUES (?1, ?2, 'hall.restored', ?3)",
                           error);
  if (event == NULL)
    goto fail;
  hall_stmt_bind_int (event, 1, after + 1);
  hall_stmt_bind_int (event, 2, now);
  hall_stmt_bind_text (event, 3, payload_text);
  if (hall_stmt_step (event, error) != SQLITE_DONE || !_hall_audit_chain_append (restored, &row, error)
      || !hall_db_exec (restored, "COMMIT", error))
    goto fail;
  return hall_db_exec (restored, "DETACH DATABASE current", error);

fail:
  hall_db_exec (restored, "ROLLBACK", NULL);
  hall_db_exec (restored, "DETACH DATABASE current", NULL);
  return FALSE;
}

/* Copies @source over @dest in one transaction of @dest. */
static gboolean
replace_content (HallDb  *dest,
                 HallDb  *source,
                 GError **error)
{
  sqlite3        *handle = hall_db_get_handle (dest);
  sqlite3_backup *backup = sqlite3_backup_init (handle, "main", hall_db_get_handle (source), "main");
  int             rc;

  if (backup == NULL)
    {
      hall_set_error (error, HALL_ERROR_INTERNAL, NULL, _ ("Cannot restore: %s"),
                      sqlite3_errmsg (handle));
      return FALSE;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (hall_db_is_disk_full (rc, sqlite3_system_errno (handle)))
    hall_db_set_disk_full_error (error);
  else
    hall_set_error (error, HALL_ERROR_INTERNAL, NULL,
                    _ ("Cannot restore: %s. The hall is as it was before."), sqlite3_errstr (rc));
  return FALSE;
}

gboolean
hall_restore_database (const char *database,
                       const char *from,
                       gint64      now,
                       char      **undo_path,
                       GError    **error)
{
  g_autofree char *copy = g_strconcat (database, ".restoring", NULL);
  g_autofree char *dir = _hall_backup_dir (database);
  g_autofree char *stamp = NULL;
  g_autofree char *undo = NULL;
  g_autoptr (GDateTime) local = g_date_time_new_from_unix_local (now);
  g_autoptr (HallDb) restored = NULL;
  g_autoptr (HallDb) current = NULL;
  gboolean ok = FALSE;
  gint64   after;

  g_return_val_if_fail (database != NULL && from != NULL, FALSE);

  if (!g_file_test (from, G_FILE_TEST_IS_REGULAR))
    {
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "from", _ ("There is no backup “%s”."), from);
      return FALSE;
    }
  if (!g_file_test (database, G_FILE_TEST_IS_REGULAR))
    {
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "database",
                      _ ("There is no hall database at “%s”."), database);
      return FALSE;
    }

  restored = open_checked_copy (from, copy, error);
  if (restored == NULL)
    goto out;
  current = hall_db_open (database, error);
  if (current == NULL)
    goto out;

  after = MAX (hall_db_last_event_seq (current), hall_db_last_event_seq (restored));
  if (!mark_restored (restored, database, from, after, now, error))
    goto out;

  stamp = g_date_time_format (local, "%Y%m%d-%H%M%S");
  undo = g_strdup_printf ("%s/%s%s.db", dir, HALL_BACKUP_PREFIX_BEFORE_RESTORE, stamp);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      hall_set_error (error, HALL_ERROR_INTERNAL, NULL,
                      _ ("Cannot create the backup folder “%s”: %s"), dir, g_strerror (errno));
      goto out;
    }
  if (!hall_db_backup_to (current, undo, error))
    {
      g_prefix_error (error, "%s ", _ ("Nothing was restored: the hall as it is now could not be "
                                       "saved first."));
      goto out;
    }
  if (!replace_content (current, restored, error))
    goto out;

  if (undo_path != NULL)
    *undo_path = g_steal_pointer (&undo);
  ok = TRUE;

out:
  g_clear_pointer (&restored, hall_db_free);
  remove_database_files (copy);
  return ok;
}

int
hall_restore_lock (const char *database,
                   GError    **error)
{
  g_autofree char *path = g_strconcat (database, ".lock", NULL);
  int              fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    {
      int saved_errno = errno;

      hall_set_error (error, HALL_ERROR_INTERNAL, "database", _ ("Cannot lock “%s”: %s"), path,
                      g_strerror (saved_errno));
      return -1;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      close (fd);
      hall_set_error (error, HALL_ERROR_CONFLICT, "database",
                      _ ("A hall server or the Xinfang Hall app has the hall database “%s” open. "
                         "Stop it first, or restore from the app's maintenance page."),
                      database);
      return -1;
    }
  return fd;
}
