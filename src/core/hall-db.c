/* hall-db.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-db"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>
#include <sys/vfs.h>

#include "hall-audit-chain-private.h"
#include "hall-db.h"
#include "hall-error.h"
#include "hall-search-tokenizer.h"

#define MIGRATIONS_PATH "/io/github/xinfanghall/Hall/sql"

struct _HallDb
{
  sqlite3    *handle;
  char       *path;
  GHashTable *stmts; /* SQL text → sqlite3_stmt */
  /* The address of the SQL text → its statement, checked against the text: hashing the text of
   * every statement on every use was a good part of a command's time. Not owned. */
  GHashTable *by_address;
};

#define BY_ADDRESS_MAX 4096

/* statfs(2) magic numbers of filesystems that live on another machine. SQLite's locking and WAL
 * do not work across machines, so a hall database on one of these could be corrupted. */
static const struct
{
  unsigned long magic;
  const char   *name;
} network_filesystems[] = {
  { 0x6969, "NFS" },
  { 0x517B, "SMB" },
  { 0xFF534D42, "CIFS" },
  { 0xFE534D42, "SMB2" },
  { 0x564c, "NCP" },
  { 0x5346414F, "AFS" },
  { 0x6B414653, "AFS" },
  { 0x01021997, "9P" },
  { 0x00C36400, "Ceph" },
  { 0x0BD00BD0, "Lustre" },
  { 0x47504653, "GPFS" },
  { 0x73757245, "Coda" },
  { 0x65735546, "FUSE" },
};

gboolean
hall_db_check_local_filesystem (const char *path,
                                GError    **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *abs = NULL;
  struct statfs    st;

  abs = g_canonicalize_filename (path, NULL);
  dir = g_path_get_dirname (abs);

  if (statfs (dir, &st) != 0)
    {
      int saved_errno = errno;

      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "database",
                      _ ("Cannot use the folder “%s” for the hall database: %s"),
                      dir, g_strerror (saved_errno));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (network_filesystems); i++)
    {
      if ((unsigned long) st.f_type == network_filesystems[i].magic)
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "database",
                          _ ("“%s” is on a network filesystem (%s). The hall database must be on "
                             "a local disk of the hall server; other PCs connect to that server "
                             "over the LAN instead of opening the file."),
                          abs, network_filesystems[i].name);
          return FALSE;
        }
    }

  return TRUE;
}

gboolean
hall_db_is_disk_full (int rc,
                      int system_errno)
{
  return (rc & 0xff) == SQLITE_FULL || system_errno == ENOSPC || system_errno == EDQUOT;
}

void
hall_db_set_disk_full_error (GError **error)
{
  /* The field tells a client this is no passing outage to retry at once (architecture.md §3). */
  hall_set_error (error, HALL_ERROR_UNAVAILABLE, HALL_ERROR_FIELD_DISK_FULL,
                  _ ("The hall server’s disk is full: nothing more can be saved until space is "
                     "freed on it. Everything saved before is safe."));
}

static void
set_sqlite_error (GError    **error,
                  sqlite3    *handle,
                  const char *what)
{
  int           code = sqlite3_extended_errcode (handle);
  HallErrorCode hall_code = HALL_ERROR_INTERNAL;

  if (hall_db_is_disk_full (code, sqlite3_system_errno (handle)))
    {
      hall_db_set_disk_full_error (error);
      return;
    }
  if ((code & 0xff) == SQLITE_CONSTRAINT)
    hall_code = HALL_ERROR_CONFLICT;
  else if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
    hall_code = HALL_ERROR_UNAVAILABLE;

  hall_set_error (error, hall_code, NULL, "%s: %s", what, sqlite3_errmsg (handle));
  /* Another process holding the database a moment too long passes: a client may try again. */
  if (hall_code == HALL_ERROR_UNAVAILABLE && error != NULL && *error != NULL)
    hall_error_set_retry_after (*error, 1);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* What a migration needs that SQL cannot do, in the migration's own transaction. */
static gboolean
after_migration (HallDb     *db,
                 const char *name,
                 GError    **error)
{
  if (g_str_equal (name, "008-audit-chain.sql"))
    return _hall_audit_chain_seal (db, error);
  return TRUE;
}

/* The migrations this build carries, in the order they run; the strings belong to @names. */
static GPtrArray *
list_migrations (GStrv   *names,
                 GError **error)
{
  GPtrArray *sorted;

  *names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, error);
  if (*names == NULL)
    return NULL;
  sorted = g_ptr_array_new ();
  for (guint i = 0; (*names)[i] != NULL; i++)
    if (g_str_has_suffix ((*names)[i], ".sql"))
      g_ptr_array_add (sorted, (*names)[i]);
  g_ptr_array_sort (sorted, compare_strings);
  return sorted;
}

/* Reads the file's schema version and refuses one newer than this build's migrations. Called
 * before anything writes to the file, so that a newer hall's database is left byte for byte as
 * it was (even switching it to WAL would change its header) and its owner can still open it
 * with the newer program. */
static gboolean
read_schema_version (HallDb  *db,
                     guint    known,
                     gint64  *version,
                     GError **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (db, "PRAGMA user_version", error);

  if (stmt == NULL || hall_stmt_step (stmt, error) != SQLITE_ROW)
    return FALSE;
  *version = hall_stmt_int (stmt, 0);
  if (*version > (gint64) known)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "database",
                      _ ("The hall database “%s” was made by a newer Xinfang Hall: it is at "
                         "database version %lld, and this program knows versions up to %u. "
                         "Install the newer Xinfang Hall, or restore a backup made by this "
                         "version. The file has not been changed."),
                      db->path, (long long) *version, known);
      return FALSE;
    }
  return TRUE;
}

static gboolean
run_migrations (HallDb    *db,
                GPtrArray *sorted,
                gint64     version,
                GError   **error)
{
  for (guint i = version; i < sorted->len; i++)
    {
      g_autofree char *path = g_build_path ("/", MIGRATIONS_PATH, sorted->pdata[i], NULL);
      g_autoptr (GBytes) bytes = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *set_version = NULL;

      bytes = g_resources_lookup_data (path, 0, error);
      if (bytes == NULL)
        return FALSE;
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      set_version = g_strdup_printf ("PRAGMA user_version = %u", i + 1);

      if (!hall_db_exec (db, "BEGIN IMMEDIATE", error))
        return FALSE;
      if (!hall_db_exec (db, sql, error) || !after_migration (db, sorted->pdata[i], error)
          || !hall_db_exec (db, set_version, error))
        {
          hall_db_exec (db, "ROLLBACK", NULL);
          g_prefix_error (error, "%s: ", (const char *) sorted->pdata[i]);
          return FALSE;
        }
      if (!hall_db_exec (db, "COMMIT", error))
        return FALSE;
    }

  return TRUE;
}

HallDb *
hall_db_open (const char *path,
              GError    **error)
{
  g_autoptr (HallDb) db = NULL;
  g_auto (GStrv) names = NULL;
  g_autoptr (GPtrArray) migrations = NULL;
  gint64             version;
  static const char *pragmas =
      "PRAGMA journal_mode = WAL;"
      "PRAGMA synchronous = FULL;"
      "PRAGMA foreign_keys = ON;"
      "PRAGMA busy_timeout = 5000;"
      "PRAGMA temp_store = MEMORY;"
      "PRAGMA cache_size = -32000;";

  g_return_val_if_fail (path != NULL, NULL);

  if (!hall_db_check_local_filesystem (path, error))
    return NULL;

  db = g_new0 (HallDb, 1);
  db->path = g_strdup (path);
  db->stmts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) sqlite3_finalize);
  db->by_address = g_hash_table_new (g_direct_hash, g_direct_equal);

  if (sqlite3_open_v2 (path, &db->handle,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
                           | SQLITE_OPEN_EXRESCODE,
                       NULL)
      != SQLITE_OK)
    {
      hall_set_error (error, HALL_ERROR_INTERNAL, "database",
                      _ ("Cannot open the hall database “%s”: %s"), path,
                      db->handle ? sqlite3_errmsg (db->handle) : g_strerror (ENOMEM));
      return NULL;
    }

  migrations = list_migrations (&names, error);
  if (migrations == NULL)
    return NULL;
  /* A running hall server may be writing: wait for it, as the pragmas below make every later
   * statement do. */
  sqlite3_busy_timeout (db->handle, 5000);
  if (!read_schema_version (db, migrations->len, &version, error))
    return NULL;

  if (!hall_db_exec (db, pragmas, error))
    return NULL;

  {
    g_autoptr (HallStmt) stmt = hall_db_prepare (db, "PRAGMA journal_mode", error);
    if (stmt == NULL || hall_stmt_step (stmt, error) != SQLITE_ROW)
      return NULL;
    if (g_ascii_strcasecmp (hall_stmt_text (stmt, 0), "wal") != 0)
      {
        hall_set_error (error, HALL_ERROR_INTERNAL, "database",
                        _ ("The hall database “%s” cannot use write-ahead logging."), path);
        return NULL;
      }
  }

  /* The search index's tokenizer: its tables are created by the migrations. */
  if (!hall_search_register_tokenizer (db->handle, error))
    return NULL;

  if (!run_migrations (db, migrations, version, error))
    return NULL;

  return g_steal_pointer (&db);
}

void
hall_db_free (HallDb *db)
{
  if (db == NULL)
    return;
  g_clear_pointer (&db->by_address, g_hash_table_unref);
  g_clear_pointer (&db->stmts, g_hash_table_unref);
  if (db->handle != NULL)
    sqlite3_close (db->handle);
  g_free (db->path);
  g_free (db);
}

sqlite3 *
hall_db_get_handle (HallDb *db)
{
  return db->handle;
}

const char *
hall_db_get_path (HallDb *db)
{
  return db->path;
}

HallStmt *
hall_db_prepare (HallDb     *db,
                 const char *sql,
                 GError    **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (db->by_address, sql);

  /* Almost always the same string literal as last time; a string built at run time may have been
   * freed and its address reused for other SQL, hence the comparison. */
  if (stmt != NULL && strcmp (sqlite3_sql (stmt), sql) == 0)
    return stmt;

  stmt = g_hash_table_lookup (db->stmts, sql);
  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL)
          != SQLITE_OK)
        {
          set_sqlite_error (error, db->handle, "prepare");
          g_critical ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (db->handle));
          return NULL;
        }
      g_hash_table_insert (db->stmts, g_strdup (sql), stmt);
    }

  if (g_hash_table_size (db->by_address) >= BY_ADDRESS_MAX)
    g_hash_table_remove_all (db->by_address);
  g_hash_table_insert (db->by_address, (gpointer) sql, stmt);
  return stmt;
}

gboolean
hall_db_run (HallDb     *db,
             const char *sql,
             GError    **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
    ;
  return rc == SQLITE_DONE;
}

gboolean
hall_db_exec (HallDb     *db,
              const char *sql,
              GError    **error)
{
  char *errmsg = NULL;

  if (sqlite3_exec (db->handle, sql, NULL, NULL, &errmsg) != SQLITE_OK)
    {
      set_sqlite_error (error, db->handle, "exec");
      sqlite3_free (errmsg);
      return FALSE;
    }
  return TRUE;
}

gint64
hall_db_last_insert_id (HallDb *db)
{
  return sqlite3_last_insert_rowid (db->handle);
}

int
hall_db_changes (HallDb *db)
{
  return sqlite3_changes (db->handle);
}

gboolean
hall_db_backup_to (HallDb     *db,
                   const char *dest_path,
                   GError    **error)
{
  g_autofree char *tmp_path = g_strdup_printf ("%s.partial", dest_path);
  sqlite3         *dest = NULL;
  sqlite3         *source = NULL;
  sqlite3_backup  *backup;
  guint            busy_waits = 0;
  int              rc;

  /* Write to a side file and rename, so a half-written backup never has the final name. */
  g_unlink (tmp_path);
  if (sqlite3_open_v2 (tmp_path, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL)
      != SQLITE_OK)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "to",
                      _ ("Cannot write the backup “%s”: %s"), dest_path,
                      dest ? sqlite3_errmsg (dest) : g_strerror (ENOMEM));
      sqlite3_close (dest);
      return FALSE;
    }

  /* SQLite will not back up from a connection in a write transaction (a command runs inside
   * one): read the last committed state through a second, read-only connection instead. */
  if (sqlite3_open_v2 (db->path, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      hall_set_error (error, HALL_ERROR_INTERNAL, "to", _ ("Cannot start the backup: %s"),
                      source ? sqlite3_errmsg (source) : g_strerror (ENOMEM));
      sqlite3_close (source);
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }
  sqlite3_busy_timeout (source, 5000);

  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      hall_set_error (error, HALL_ERROR_INTERNAL, "to", _ ("Cannot start the backup: %s"),
                      sqlite3_errmsg (dest));
      sqlite3_close (source);
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }

  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && busy_waits++ < 500)
        sqlite3_sleep (10);
      else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        break;
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  sqlite3_close (source);

  if (rc == SQLITE_DONE)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_DONE && rc != SQLITE_OK)
    {
      if (hall_db_is_disk_full (rc, sqlite3_system_errno (dest)))
        hall_set_error (error, HALL_ERROR_UNAVAILABLE, HALL_ERROR_FIELD_DISK_FULL,
                        _ ("The backup “%s” does not fit: its disk is full. No backup was made "
                           "and nothing half-written was left; free some space and try again."),
                        dest_path);
      else
        hall_set_error (error, HALL_ERROR_INTERNAL, "to", _ ("The backup failed: %s"),
                        sqlite3_errstr (rc));
      sqlite3_close (dest);
      g_unlink (tmp_path);
      return FALSE;
    }
  sqlite3_close (dest);

  if (g_rename (tmp_path, dest_path) != 0)
    {
      int saved_errno = errno;

      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "to",
                      _ ("Cannot write the backup “%s”: %s"), dest_path, g_strerror (saved_errno));
      g_unlink (tmp_path);
      return FALSE;
    }

  return TRUE;
}

gint64
hall_db_last_event_seq (HallDb *db)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (db, "SELECT COALESCE(MAX(seq), 0) FROM event", NULL);

  if (stmt == NULL || hall_stmt_step (stmt, NULL) != SQLITE_ROW)
    return 0;
  return hall_stmt_int (stmt, 0);
}

gboolean
hall_db_check_integrity (HallDb  *db,
                         GString *report,
                         GError **error)
{
  gboolean ok = TRUE;
  int      rc;

  {
    g_autoptr (HallStmt) stmt = hall_db_prepare (db, "PRAGMA integrity_check", error);
    if (stmt == NULL)
      return FALSE;
    while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
      {
        const char *line = hall_stmt_text (stmt, 0);

        if (g_strcmp0 (line, "ok") != 0)
          ok = FALSE;
        g_string_append_printf (report, "integrity: %s\n", line);
      }
    if (rc == 0)
      return FALSE;
  }

  {
    g_autoptr (HallStmt) stmt = hall_db_prepare (db, "PRAGMA foreign_key_check", error);
    if (stmt == NULL)
      return FALSE;
    while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
      {
        ok = FALSE;
        g_string_append_printf (report, "foreign key: table %s row %" G_GINT64_FORMAT " → %s\n",
                                hall_stmt_text (stmt, 0), hall_stmt_int (stmt, 1),
                                hall_stmt_text (stmt, 2));
      }
    if (rc == 0)
      return FALSE;
    if (ok)
      g_string_append (report, "foreign keys: ok\n");
  }

  return ok;
}

void
hall_stmt_release (HallStmt *stmt)
{
  if (stmt == NULL)
    return;
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

int
hall_stmt_step (HallStmt *stmt,
                GError  **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;

  set_sqlite_error (error, sqlite3_db_handle (stmt), "step");
  return 0;
}

void
hall_stmt_bind_text (HallStmt   *stmt,
                     int         index,
                     const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
hall_stmt_bind_int (HallStmt *stmt,
                    int       index,
                    gint64    value)
{
  sqlite3_bind_int64 (stmt, index, value);
}

void
hall_stmt_bind_id (HallStmt *stmt,
                   int       index,
                   gint64    value)
{
  if (value == 0)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, value);
}

const char *
hall_stmt_text (HallStmt *stmt,
                int       column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

gint64
hall_stmt_int (HallStmt *stmt,
               int       column)
{
  return sqlite3_column_int64 (stmt, column);
}

JsonObject *
hall_stmt_row_object (HallStmt *stmt)
{
  JsonObject *object = json_object_new ();
  int         n = sqlite3_column_count (stmt);

  for (int i = 0; i < n; i++)
    {
      const char *name = sqlite3_column_name (stmt, i);

      switch (sqlite3_column_type (stmt, i))
        {
        case SQLITE_INTEGER:
          json_object_set_int_member (object, name, sqlite3_column_int64 (stmt, i));
          break;

        case SQLITE_FLOAT:
          json_object_set_double_member (object, name, sqlite3_column_double (stmt, i));
          break;

        case SQLITE_NULL:
          if (g_str_has_suffix (name, "_json"))
            {
              g_autofree char *key = g_strndup (name, strlen (name) - 5);
              json_object_set_null_member (object, key);
            }
          else
            json_object_set_null_member (object, name);
          break;

        default:
          if (g_str_has_suffix (name, "_json"))
            {
              g_autofree char *key = g_strndup (name, strlen (name) - 5);
              JsonNode        *node =
                  json_from_string ((const char *) sqlite3_column_text (stmt, i), NULL);

              json_object_set_member (object, key, node ? node : json_node_new (JSON_NODE_NULL));
            }
          else
            json_object_set_string_member (object, name,
                                           (const char *) sqlite3_column_text (stmt, i));
          break;
        }
    }

  return object;
}

JsonArray *
hall_stmt_all_objects (HallStmt *stmt,
                       GError  **error)
{
  g_autoptr (JsonArray) array = json_array_new ();
  int rc;

  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
    json_array_add_object_element (array, hall_stmt_row_object (stmt));

  if (rc == 0)
    return NULL;
  return g_steal_pointer (&array);
}
