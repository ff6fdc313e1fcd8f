/* test-backup.c — the daily backup on the engine's clock, pruning, and a restore that brings the
 * hall back to its backup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-backup"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "hall-scheduler.h"
#include "hall-restore.h"
#include "hall-test-util.h"

typedef struct
{
  HallTestHall *hall;
  char         *admin;
  char         *folder;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  f->hall = hall_test_hall_new ();
  f->admin = hall_test_add_user (f->hall, "admin", "admin", NULL, 0);
  f->folder = g_strconcat (f->hall->path, ".backups", NULL);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_free (f->admin);
  g_free (f->folder);
  hall_test_hall_free (f->hall);
}

/* What the schedule does at the local time @local. */
static JsonObject *
run_schedule (Fixture    *f,
              const char *local)
{
  g_autoptr (GError) error = NULL;
  JsonObject *reply;

  hall_test_set_now (f->hall, local);
  reply = hall_engine_call_system (f->hall->engine, "hall.backup_scheduled", NULL, &error);
  g_assert_no_error (error);
  return reply;
}

static gboolean
taken (JsonObject *reply)
{
  return json_object_get_boolean_member (reply, "taken");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

/* The names in the backups folder, sorted, joined by spaces. */
static char *
folder_listing (Fixture *f)
{
  g_autoptr (GDir) dir = g_dir_open (f->folder, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* A hall that was never backed up catches up at once; then the set time each day, once. */
static void
test_schedule_daily (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr (JsonObject) first = run_schedule (f, "2026-03-02 08:00");
  g_autoptr (JsonObject) again = run_schedule (f, "2026-03-02 09:00");
  g_autoptr (JsonObject) at_time = NULL;
  g_autoptr (JsonObject) later = NULL;
  g_autoptr (JsonObject) off = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (taken (first));
  g_assert_true (json_object_get_boolean_member (first, "ok"));
  g_assert_cmpstr (json_object_get_string_member (first, "file"), ==,
                   "hall-daily-20260302-080000.db");
  g_assert_cmpint (json_object_get_int_member (first, "next_at"), ==,
                   hall_test_time ("2026-03-02 12:30"));
  g_assert_false (taken (again));

  at_time = run_schedule (f, "2026-03-02 12:30");
  g_assert_true (taken (at_time));
  g_assert_cmpint (json_object_get_int_member (at_time, "next_at"), ==,
                   hall_test_time ("2026-03-03 12:30"));
  later = run_schedule (f, "2026-03-02 18:00");
  g_assert_false (taken (later));

  /* Off: nothing is taken, and no time is named. */
  g_clear_pointer (&later, json_object_unref);
  json_object_unref (hall_test_ok (f->hall, f->admin, "hall.configure", "{\"backup_enabled\":0}"));
  off = run_schedule (f, "2026-03-04 13:00");
  g_assert_false (taken (off));
  g_assert_false (json_object_has_member (off, "next_at"));

  listing = folder_listing (f);
  g_assert_cmpstr (listing, ==, "hall-daily-20260302-080000.db hall-daily-20260302-123000.db");
}

/* Only the newest daily backups stay; a manual one and what else the admin keeps there stay. */
static void
test_schedule_keeps_last (Fixture      *f,
                          gconstpointer data)
{
  g_autoptr (JsonObject) list = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *own = NULL;
  JsonArray       *backups;

  json_object_unref (hall_test_ok (f->hall, f->admin, "hall.configure",
                                   "{\"backup_keep\":2,\"backup_minute\":1200}"));
  json_object_unref (run_schedule (f, "2026-03-01 21:00"));
  notes = g_build_filename (f->folder, "hall-daily-notes.db", NULL);
  own = g_build_filename (f->folder, "hall-daily-20260101-000000.db.txt", NULL);
  g_assert_true (g_file_set_contents (notes, "mine", -1, NULL));
  g_assert_true (g_file_set_contents (own, "mine", -1, NULL));
  hall_test_set_now (f->hall, "2026-03-02 10:00");
  json_object_unref (hall_test_ok (f->hall, f->admin, "hall.backup", NULL));

  for (guint day = 2; day <= 5; day++)
    {
      g_autofree char *when = g_strdup_printf ("2026-03-%02u 20:05", day);
      g_autoptr (JsonObject) reply = run_schedule (f, when);

      g_assert_true (taken (reply));
    }

  listing = folder_listing (f);
  g_assert_cmpstr (listing, ==,
                   "hall-20260302-100000.db hall-daily-20260101-000000.db.txt "
                   "hall-daily-20260304-200500.db hall-daily-20260305-200500.db "
                   "hall-daily-notes.db");

  list = hall_test_ok (f->hall, f->admin, "hall.backup_list", NULL);
  g_assert_cmpint (json_object_get_int_member (list, "keep"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (list, "minute"), ==, 1200);
  backups = json_object_get_array_member (list, "backups");
  g_assert_cmpuint (json_array_get_length (backups), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (backups, 0),
                                                  "file"),
                   ==, "hall-daily-20260305-200500.db");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (backups, 2),
                                                  "kind"),
                   ==, "manual");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (list, "last"),
                                                  "file"),
                   ==, "hall-daily-20260305-200500.db");
}

/* A backup that cannot be written is logged with its reason and tried again an hour later. */
static void
test_schedule_failure (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr (JsonObject) failed = NULL;
  g_autoptr (JsonObject) soon = NULL;
  g_autoptr (JsonObject) hour = NULL;
  g_autoptr (JsonObject) list = NULL;
  JsonObject *last;

  /* A file where the folder should be. */
  g_assert_true (g_file_set_contents (f->folder, "not a folder", -1, NULL));
  failed = run_schedule (f, "2026-03-02 13:00");
  g_assert_true (taken (failed));
  g_assert_false (json_object_get_boolean_member (failed, "ok"));
  g_assert_nonnull (strstr (json_object_get_string_member (failed, "error"), f->folder));

  list = hall_test_ok (f->hall, f->admin, "hall.backup_list", NULL);
  last = json_object_get_object_member (list, "last");
  g_assert_cmpstr (json_object_get_string_member (last, "kind"), ==, "scheduled");
  g_assert_nonnull (json_object_get_string_member (last, "error"));

  soon = run_schedule (f, "2026-03-02 13:30");
  g_assert_false (taken (soon));
  g_assert_cmpint (g_unlink (f->folder), ==, 0);
  hour = run_schedule (f, "2026-03-02 14:00");
  g_assert_true (taken (hour));
  g_assert_true (json_object_get_boolean_member (hour, "ok"));
}

static void
checked_cb (HallScheduler *scheduler,
            JsonObject    *reply,
            JsonObject   **out)
{
  *out = json_object_ref (reply);
}

/* The scheduler asks at once, and again when the admin changes the settings. */
static void
test_scheduler (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (HallScheduler) scheduler = NULL;
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (JsonObject) configured = NULL;

  hall_test_set_now (f->hall, "2026-03-02 08:00");
  scheduler = hall_scheduler_new_backup (f->hall->engine);
  g_signal_connect (scheduler, "checked", G_CALLBACK (checked_cb), &reply);
  while (reply == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (taken (reply));
  g_clear_pointer (&reply, json_object_unref);

  /* Later the same day, at the new time. */
  hall_test_set_now (f->hall, "2026-03-02 09:00");
  configured =
      hall_test_ok (f->hall, f->admin, "hall.configure", "{\"backup_minute\":540}");
  while (reply == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (taken (reply));
  g_assert_cmpstr (json_object_get_string_member (reply, "file"), ==,
                   "hall-daily-20260302-090000.db");
}

/* Every row of every table but the trail, the feed and the sessions, which a restore adds to,
 * and the search index, which is derived from the matters. */
static char *
dump_tables (const char *path)
{
  g_autoptr (GString) dump = g_string_new (NULL);
  sqlite3      *db = NULL;
  sqlite3_stmt *tables = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                       "AND name NOT IN ('audit', 'event', 'session') "
                                       "AND name NOT LIKE 'sqlite%' AND name NOT LIKE '%fts%' "
                                       "ORDER BY name",
                                       -1, &tables, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2",
                                              sqlite3_column_text (tables, 0));
      sqlite3_stmt    *rows = NULL;

      g_string_append_printf (dump, "[%s]\n", sqlite3_column_text (tables, 0));
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL), ==, SQLITE_OK);
      while (sqlite3_step (rows) == SQLITE_ROW)
        {
          for (int i = 0; i < sqlite3_column_count (rows); i++)
            g_string_append_printf (dump, "%s|", sqlite3_column_text (rows, i));
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (rows);
    }
  sqlite3_finalize (tables);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static gint64
count (const char *path,
       const char *sql)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64        n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* A backup of a hall with a clerk; then more was written. Returns the backup's path. */
static char *
backup_then_write (Fixture *f)
{
  g_autoptr (JsonObject) backup = NULL;

  g_free (hall_test_add_user (f->hall, "li", "staff", "chengjian", 0));
  json_object_unref (hall_test_ok (f->hall, f->admin, "hall.configure", "{\"hall_name\":\"甲\"}"));
  backup = hall_test_ok (f->hall, f->admin, "hall.backup", NULL);
  g_free (hall_test_add_user (f->hall, "wang", "staff", "chengjian", 0));
  json_object_unref (hall_test_ok (f->hall, f->admin, "hall.configure", "{\"hall_name\":\"乙\"}"));
  return g_strdup (json_object_get_string_member (backup, "path"));
}

static void
reopen (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&f->hall->engine);
  f->hall->engine = hall_engine_new (f->hall->path, &error);
  g_assert_no_error (error);
}

/* Back up, write more, restore: the hall equals the backup, its check passes, the admin stays
 * signed in, the feed goes on after its newest seq, and the hall as it was can be restored. */
static void
test_restore (Fixture      *f,
              gconstpointer data)
{
  g_autofree char *backup = backup_then_write (f);
  g_autofree char *expected = dump_tables (backup);
  g_autofree char *restored = NULL;
  g_autofree char *undo = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) check = NULL;
  g_autoptr (JsonObject) info = NULL;
  gint64 seq = hall_engine_get_last_seq (f->hall->engine);
  gint64 audit_rows = count (backup, "SELECT count(*) FROM audit");

  hall_engine_shutdown (f->hall->engine);
  g_assert_true (hall_restore_database (f->hall->path, backup, hall_test_time ("2026-03-02 10:00"),
                                        &undo, &error));
  g_assert_no_error (error);
  reopen (f);

  restored = dump_tables (f->hall->path);
  g_assert_cmpstr (restored, ==, expected);
  g_assert_cmpint (count (f->hall->path, "SELECT count(*) FROM account WHERE username = 'wang'"),
                   ==, 0);
  g_assert_cmpint (count (f->hall->path, "SELECT count(*) FROM audit"), ==, audit_rows + 1);
  g_assert_cmpint (hall_engine_get_last_seq (f->hall->engine), ==, seq + 1);
  g_assert_cmpint (count (f->hall->path, "SELECT count(*) FROM event WHERE kind = 'hall.restored'"),
                   ==, 1);
  check = hall_test_ok (f->hall, f->admin, "hall.check", NULL);
  g_assert_true (json_object_get_boolean_member (check, "ok"));
  info = hall_test_ok (f->hall, f->admin, "hall.info", NULL);
  g_assert_cmpstr (json_object_get_string_member (info, "hall_name"), ==, "甲");

  /* The hall as it was before the restore was kept. */
  g_assert_true (g_str_has_prefix (undo, f->folder));
  g_assert_cmpint (count (undo, "SELECT count(*) FROM account WHERE username = 'wang'"), ==, 1);
}

/* hall.restore from the admin page: the running engine restores between two batches; the hall
 * equals the backup, the admin stays signed in and the feed says so after its newest seq. */
static void
test_restore_command (Fixture      *f,
                      gconstpointer data)
{
  g_autofree char *backup = backup_then_write (f);
  g_autofree char *name = g_path_get_basename (backup);
  g_autofree char *expected = dump_tables (backup);
  g_autofree char *restored = NULL;
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (JsonObject) check = NULL;
  g_autoptr (JsonObject) ticket = NULL;
  g_autofree char *manager = NULL;
  GPtrArray       *events = hall_test_record_events (f->hall->engine);
  gint64           seq = hall_engine_get_last_seq (f->hall->engine);
  JsonObject      *last;

  hall_test_fails (f->hall, f->admin, "hall.restore", HALL_ERROR_NOT_FOUND, "file",
                   "{\"file\":\"../hall.db\"}");
  reply = hall_test_ok (f->hall, f->admin, "hall.restore", "{\"file\":\"%s\"}", name);
  g_assert_true (g_str_has_prefix (json_object_get_string_member (reply, "undo_file"),
                                   "hall-before-restore-"));
  restored = dump_tables (f->hall->path);
  g_assert_cmpstr (restored, ==, expected);

  /* The events of the failed call above and the restore, in order, without a gap. */
  while (events->len == 0
         || g_strcmp0 (json_object_get_string_member (g_ptr_array_index (events, events->len - 1),
                                                      "kind"),
                       "hall.restored")
                != 0)
    g_main_context_iteration (NULL, TRUE);
  last = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpint (json_object_get_int_member (last, "seq"), >, seq);
  g_assert_cmpint (json_object_get_int_member (last, "seq"), ==,
                   hall_engine_get_last_seq (f->hall->engine));

  check = hall_test_ok (f->hall, f->admin, "hall.check", NULL);
  g_assert_true (json_object_get_boolean_member (check, "ok"));
  /* The clerk of the backup is there; the one made after it is not. */
  g_assert_cmpint (count (f->hall->path, "SELECT count(*) FROM account WHERE username = 'wang'"),
                   ==, 0);
  manager = hall_test_add_user (f->hall, "zhao", "manager", NULL, 0);
  ticket = hall_test_ok (f->hall, manager, "ticket.issue", "{\"department_id\":2}");
  g_assert_cmpint (hall_engine_get_last_seq (f->hall->engine), >,
                   json_object_get_int_member (last, "seq"));
  hall_test_stop_recording (f->hall->engine, events);
}

/* A damaged backup, or one of a newer Xinfang Hall, is refused and the hall is left alone. */
static void
test_restore_refuses (Fixture      *f,
                      gconstpointer data)
{
  g_autofree char *backup = backup_then_write (f);
  g_autofree char *damaged = g_strconcat (backup, ".damaged.db", NULL);
  g_autofree char *newer = g_strconcat (backup, ".newer.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize            length;
  sqlite3         *db = NULL;

  g_assert_true (g_file_get_contents (backup, &contents, &length, NULL));
  /* Garbage over the pages after the first few: the header still says "SQLite format 3". */
  for (gsize i = 16384; i < length && i < 16384 + 8192; i++)
    contents[i] = (char) (i * 7);
  g_assert_true (g_file_set_contents (damaged, contents, length, NULL));
  g_free (contents);
  g_assert_true (g_file_get_contents (backup, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (newer, contents, length, NULL));
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  hall_engine_shutdown (f->hall->engine);
  before = dump_tables (f->hall->path);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_false (
          hall_restore_database (f->hall->path, i == 0 ? damaged : newer, 1, NULL, &error));
      g_assert_error (error, HALL_ERROR, HALL_ERROR_INVALID_ARGUMENT);
    }
  after = dump_tables (f->hall->path);
  g_assert_cmpstr (after, ==, before);
  reopen (f);
}

/* The server's lock keeps a restore out. */
static void
test_restore_lock (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  int held = hall_restore_lock (f->hall->path, &error);
  int second;

  g_assert_no_error (error);
  g_assert_cmpint (held, >=, 0);
  second = hall_restore_lock (f->hall->path, &error);
  g_assert_cmpint (second, ==, -1);
  g_assert_error (error, HALL_ERROR, HALL_ERROR_CONFLICT);
  close (held);
  g_clear_error (&error);
  second = hall_restore_lock (f->hall->path, &error);
  g_assert_no_error (error);
  close (second);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/backup/schedule/daily", Fixture, NULL, fixture_set_up, test_schedule_daily,
              fixture_tear_down);
  g_test_add ("/backup/schedule/keeps-last", Fixture, NULL, fixture_set_up,
              test_schedule_keeps_last, fixture_tear_down);
  g_test_add ("/backup/schedule/failure", Fixture, NULL, fixture_set_up, test_schedule_failure,
              fixture_tear_down);
  g_test_add ("/backup/scheduler", Fixture, NULL, fixture_set_up, test_scheduler,
              fixture_tear_down);
  g_test_add ("/backup/restore", Fixture, NULL, fixture_set_up, test_restore, fixture_tear_down);
  g_test_add ("/backup/restore/command", Fixture, NULL, fixture_set_up, test_restore_command,
              fixture_tear_down);
  g_test_add ("/backup/restore/refuses", Fixture, NULL, fixture_set_up, test_restore_refuses,
              fixture_tear_down);
  g_test_add ("/backup/restore/lock", Fixture, NULL, fixture_set_up, test_restore_lock,
              fixture_tear_down);
  return g_test_run ();
}
