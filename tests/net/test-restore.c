/* test-restore.c — restoring a backup on the real server: from the admin page while it runs,
 * and with `xinfang-hall-server restore` while it is stopped
 *
 * In both a client that stays connected (or reconnects) sees the restored hall: it stays signed
 * in, and the change feed goes on after the newest seq it had, with "hall.restored".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-restore"

#include "config.h"

#include <string.h>

#include "hall-test-client.h"

typedef struct
{
  HallTestServer *server;
  Fixture         f;
  HallClient     *admin;
  char           *backup; /* its file name in the backups folder */
} Restore;

static gint64
count_accounts (HallClient *admin,
                const char *username)
{
  g_autoptr (JsonObject) list = call_ok (admin, "user.list", NULL);
  JsonArray *users = json_object_get_array_member (list, "users");
  gint64     n = 0;

  for (guint i = 0; i < json_array_get_length (users); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (users, i),
                                                  "username"),
                   username)
        == 0)
      n++;
  return n;
}

/* A hall with a clerk, its backup, then a second clerk made after it. */
static void
restore_set_up (Restore *r)
{
  g_autoptr (JsonObject) backup = NULL;
  g_autofree char *path = NULL;

  r->server = hall_test_server_new (HALL_TEST_SERVER_TLS);
  r->f.remote = TRUE;
  r->f.server = r->server;
  hall_test_server_add_user (r->server, "admin", "admin", NULL, NULL);
  r->admin = new_client (&r->f);
  login_ok (r->admin, "admin", NULL);
  create_user (r->admin, "li");
  backup = call_ok (r->admin, "hall.backup", NULL);
  r->backup = g_path_get_basename (json_object_get_string_member (backup, "path"));
  create_user (r->admin, "wang");
  g_assert_cmpint (count_accounts (r->admin, "wang"), ==, 1);
}

static void
restore_tear_down (Restore *r)
{
  free_client (r->admin);
  g_free (r->backup);
  hall_test_server_free (r->server);
}

static gboolean
saw_restored (GPtrArray *events,
              gint64     after)
{
  for (guint i = 0; i < events->len; i++)
    {
      JsonObject *event = g_ptr_array_index (events, i);

      if (g_strcmp0 (json_object_get_string_member (event, "kind"), "hall.restored") == 0
          && json_object_get_int_member (event, "seq") > after)
        return TRUE;
    }
  return FALSE;
}

/* The hall is the backup again: the first clerk, not the second, and a sound check. */
static void
assert_restored (Restore *r)
{
  g_autoptr (JsonObject) check = call_ok (r->admin, "hall.check", NULL);

  g_assert_cmpint (count_accounts (r->admin, "li"), ==, 1);
  g_assert_cmpint (count_accounts (r->admin, "wang"), ==, 0);
  g_assert_true (json_object_get_boolean_member (check, "ok"));
}

static void
test_restore_from_app (void)
{
  Restore r = { 0 };
  g_autoptr (JsonObject) reply = NULL;
  g_autofree char *params = NULL;
  GPtrArray       *events;
  gint64           seq;

  restore_set_up (&r);
  events = record_events (r.admin);
  seq = hall_client_get_last_seq (r.admin);
  params = g_strdup_printf ("{\"file\":\"%s\"}", r.backup);
  reply = call_ok (r.admin, "hall.restore", params);
  g_assert_true (
      g_str_has_prefix (json_object_get_string_member (reply, "undo_file"), "hall-before-"));

  wait_until (saw_restored (events, seq));
  assert_restored (&r);
  stop_recording (r.admin, events);
  restore_tear_down (&r);
}

static void
test_restore_command_line (void)
{
  Restore          r = { 0 };
  g_autofree char *from = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  GPtrArray       *events;
  gint64           seq;
  int              status;

  restore_set_up (&r);
  from = g_build_filename (r.server->dir, "hall.db.backups", r.backup, NULL);
  events = record_events (r.admin);
  seq = hall_client_get_last_seq (r.admin);

  /* Not under a running server. */
  out = hall_test_server_run_cli (r.server, NULL, &status, &err, "restore", "--database",
                                  r.server->database, "--from", from, NULL);
  g_assert_cmpint (status, ==, 1);
  g_assert_nonnull (strstr (err, "Stop it first"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (hall_test_server_stop (r.server), ==, 0);
  out = hall_test_server_run_cli (r.server, NULL, &status, &err, "restore", "--database",
                                  r.server->database, "--from", from, NULL);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "hall-before-restore-"));
  hall_test_server_start (r.server);

  /* The client reconnects by itself, still signed in, and resumes the feed after its seq. */
  wait_until (saw_restored (events, seq));
  assert_restored (&r);
  stop_recording (r.admin, events);
  restore_tear_down (&r);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/restore/from-app", test_restore_from_app);
  g_test_add_func ("/restore/command-line", test_restore_command_line);
  return g_test_run ();
}
