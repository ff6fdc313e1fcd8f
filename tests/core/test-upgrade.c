/* test-upgrade.c — a database made by an earlier release opens in this one with every row kept,
 * and one made by a later release is refused and left alone
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-upgrade"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "hall-test-util.h"

/* One dump of a filled hall per release, oldest first (tests/core/fixtures, each says at its top
 * how it was made). A dump that ships is never edited: it is what that release's halls hold. */
static const char *const releases[] = { "hall-v7.sql", "hall-v9.sql" };

/* The demo hall's password (src/demo/hall-demo.h), which the fixtures were filled with. */
#define FIXTURE_PASSWORD "demo1234"

/* A new folder with the release's dump loaded into hall.db, as that release left it on disk. */
static HallTestHall *
load_release (const char *fixture)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dump_path = g_build_filename (HALL_TEST_FIXTURES, fixture, NULL);
  g_autofree char *dump = NULL;
  HallTestHall    *hall = g_new0 (HallTestHall, 1);
  sqlite3         *db = NULL;
  char            *errmsg = NULL;

  g_file_get_contents (dump_path, &dump, NULL, &error);
  g_assert_no_error (error);
  hall->dir = g_dir_make_tmp ("hall-upgrade-XXXXXX", &error);
  g_assert_no_error (error);
  hall->path = g_build_filename (hall->dir, "hall.db", NULL);

  g_assert_cmpint (sqlite3_open (hall->path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, dump, NULL, NULL, &errmsg) != SQLITE_OK)
    g_error ("%s: %s", fixture, errmsg);
  sqlite3_close (db);
  return hall;
}

/* Rows per table. The full-text index (a virtual table and its shadow tables) is left out: it is
 * derived from the matters, and a later migration may rebuild it in another layout. So are the
 * waiting counts (ticket_waiting), derived from the tickets and counted from them since
 * migration 020. */
static GHashTable *
count_rows (const char *path)
{
  g_autoptr (GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3      *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (
                       db,
                       "SELECT t.name FROM sqlite_schema t "
                       "WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
                       "AND t.name != 'ticket_waiting' "
                       "AND t.sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND NOT EXISTS ("
                       "  SELECT 1 FROM sqlite_schema v WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%'"
                       "  AND t.name LIKE v.name || '\\_%' ESCAPE '\\')",
                       -1, &tables, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char      *name = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", name);
      sqlite3_stmt    *count = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &count, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (count), ==, SQLITE_ROW);
      g_hash_table_insert (counts, g_strdup (name),
                           GINT_TO_POINTER (sqlite3_column_int (count, 0)));
      sqlite3_finalize (count);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_steal_pointer (&counts);
}

/* The first column of @sql's first row on the file at @path, as text (NULL when there is none). */
static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char         *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return text;
}

/* The audit chain runs through every row of the release and, when the release already kept
 * hashes (migration 008), ends at the hash its newest row had: the upgrade did not rewrite it. */
static void
check_audit_chain (JsonObject *check,
                   GHashTable *before,
                   const char *last_id,
                   const char *last_hash)
{
  JsonObject *audit = json_object_get_object_member (check, "audit");

  g_assert_true (json_object_get_boolean_member (audit, "ok"));
  g_assert_cmpint (json_object_get_int_member (audit, "rows"), ==,
                   GPOINTER_TO_INT (g_hash_table_lookup (before, "audit")));
  g_assert_cmpint (json_object_get_int_member (audit, "last_id"), ==,
                   g_ascii_strtoll (last_id, NULL, 10));
  if (last_hash != NULL)
    g_assert_cmpstr (json_object_get_string_member (audit, "last_hash"), ==, last_hash);
}

/* A release with migration 009 kept its backup schedule (set with hall.configure) and the log
 * of its backups, so the admin page still says when the last one was taken. */
static void
check_backups (HallTestHall *hall)
{
  g_autofree char *admin =
      hall_test_login_with_password (hall, "chenzhiqiang", FIXTURE_PASSWORD, "admin", 0);
  g_autoptr (JsonObject) list = hall_test_ok (hall, admin, "hall.backup_list", NULL);
  JsonObject *last = json_object_get_object_member (list, "last");

  g_assert_true (json_object_get_boolean_member (list, "enabled"));
  g_assert_cmpint (json_object_get_int_member (list, "minute"), ==, 750);
  g_assert_cmpint (json_object_get_int_member (list, "keep"), ==, 7);
  g_assert_nonnull (last);
  g_assert_cmpstr (json_object_get_string_member (last, "kind"), ==, "scheduled");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (last, "file"), "hall-daily-"));
  g_assert_cmpint (json_object_get_int_member (last, "size"), >, 0);
}

static void
test_release_opens (gconstpointer data)
{
  g_autoptr (HallTestHall) hall = load_release (data);
  g_autoptr (GHashTable) before = count_rows (hall->path);
  g_autoptr (GHashTable) after = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *user_version = query_text (hall->path, "PRAGMA user_version");
  g_autofree char *last_id = query_text (hall->path, "SELECT max(id) FROM audit");
  g_autofree char *last_hash = NULL;
  g_autoptr (JsonObject) check = NULL;
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (JsonObject) ticket = NULL;
  g_autoptr (JsonObject) issued = NULL;
  g_autofree char *manager = NULL;
  g_autofree char *clerk = NULL;
  g_autofree char *kiosk = NULL;
  GHashTableIter   iter;
  gpointer         name, count;
  JsonObject      *reception;
  gint64           version;

  /* The last migration the release ran: what it added is checked too. */
  version = g_ascii_strtoll (user_version, NULL, 10);
  if (version >= 8)
    last_hash = query_text (hall->path, "SELECT hash FROM audit ORDER BY id DESC LIMIT 1");
  hall->engine = hall_engine_new (hall->path, &error);
  g_assert_no_error (error);

  /* Every table of the release still has all its rows; tables added since may be new. */
  after = count_rows (hall->path);
  g_assert_cmpuint (g_hash_table_size (before), >, 20);
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &name, &count))
    {
      g_assert_true (g_hash_table_contains (after, name));
      if (g_hash_table_lookup (after, name) != count)
        g_error ("%s: table %s had %d rows, has %d after the upgrade", (const char *) data,
                 (const char *) name, GPOINTER_TO_INT (count),
                 GPOINTER_TO_INT (g_hash_table_lookup (after, name)));
    }

  check = hall_engine_call_system (hall->engine, "hall.check", NULL, &error);
  g_assert_no_error (error);
  if (!json_object_get_boolean_member (check, "ok"))
    g_error ("hall.check: %s", json_object_get_string_member (check, "report"));
  check_audit_chain (check, before, last_id, last_hash);
  if (version >= 9)
    check_backups (hall);

  /* What people would look for: the matter the leader received, with its history, and a
   * ticket held at its window. Accounts sign in with the passwords they had. */
  manager = hall_test_login_with_password (hall, "zhangli", FIXTURE_PASSWORD, "manager", 0);
  matter = hall_test_ok (hall, manager, "matter.get", "{\"number\":\"XF2026-000018\"}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (matter, "timeline")),
                    >=, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (matter, "petitioners")),
                    >=, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (matter, "assignments")),
                    >=, 2);
  g_clear_pointer (&check, json_object_unref);
  /* The fixture's day, not today's: the test runs on any date. */
  check = hall_test_ok (hall, manager, "leader.receptions",
                        "{\"from\":\"2026-12-01\",\"to\":\"2026-12-31\"}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (check, "receptions")),
                    ==, 1);
  reception =
      json_array_get_object_element (json_object_get_array_member (check, "receptions"), 0);
  g_assert_cmpstr (json_object_get_string_member (reception, "matter_number"), ==,
                   "XF2026-000018");

  ticket = hall_test_ok (hall, manager, "ticket.get", "{\"ticket_id\":51}");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (ticket, "ticket"),
                                                  "code"),
                   ==, "P001");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (ticket, "ticket"),
                                                  "state"),
                   ==, "held");

  /* The hall goes on: a new visitor takes a number and a window registers a matter. */
  kiosk = hall_test_add_user (hall, "upgrade-kiosk", "kiosk", NULL, 0);
  issued = hall_test_ok (hall, kiosk, "ticket.issue", "{\"department_id\":2}");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (issued, "ticket"),
                                                  "state"),
                   ==, "waiting");
  clerk = hall_test_login_with_password (hall, "lijing", FIXTURE_PASSWORD, "staff", 1);
  g_assert_cmpint (hall_test_register_visit (hall, clerk, 0, NULL), >,
                   GPOINTER_TO_INT (g_hash_table_lookup (before, "matter")));
}

static void
test_newer_refused (void)
{
  g_autoptr (HallTestHall) hall = load_release (releases[G_N_ELEMENTS (releases) - 1]);
  g_autoptr (GError) error = NULL;
  g_autoptr (HallEngine) engine = NULL;
  g_autofree char *wal = g_strconcat (hall->path, "-wal", NULL);
  g_autofree char *bytes_before = NULL;
  g_autofree char *bytes_after = NULL;
  gsize            len_before, len_after;
  sqlite3         *db = NULL;

  /* A version far beyond any migration this build will carry. */
  g_assert_cmpint (sqlite3_open (hall->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 1000", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  g_file_get_contents (hall->path, &bytes_before, &len_before, &error);
  g_assert_no_error (error);

  engine = hall_engine_new (hall->path, &error);
  g_assert_null (engine);
  g_assert_error (error, HALL_ERROR, HALL_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (hall_error_get_field (error), ==, "database");
  /* Which file, which version it is, which this program knows, and what to do. */
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, hall->path));
  g_assert_nonnull (strstr (error->message, "newer Xinfang Hall"));
  g_assert_nonnull (strstr (error->message, "version 1000"));
  g_assert_nonnull (strstr (error->message, "knows versions up to"));
  g_assert_nonnull (strstr (error->message, "Install the newer Xinfang Hall"));
  g_assert_nonnull (strstr (error->message, "restore a backup"));

  /* Same bytes, and no write-ahead log beside it. */
  g_clear_error (&error);
  g_file_get_contents (hall->path, &bytes_after, &len_after, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (bytes_before, len_before, bytes_after, len_after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (releases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/upgrade/opens/%s", releases[i]);

      g_test_add_data_func (path, releases[i], test_release_opens);
    }
  g_test_add_func ("/upgrade/newer-refused", test_newer_refused);

  return g_test_run ();
}
