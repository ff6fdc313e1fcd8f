/* test-disk-full.c — the real server on a small tmpfs that fills up
 *
 * Writes fail with `unavailable` and a message that says the disk is full, which the app's
 * client hands over at once instead of retrying; nothing committed is lost; a backup that does
 * not fit leaves nothing half-written; and when space comes back the next write goes through
 * without a restart, on a sound database. Mounting needs root: without it the test is skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-disk-full"

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/statvfs.h>

#include "hall-test-client.h"

#define TMPFS_SIZE "size=4m"
/* What the filler leaves free: a few dozen tickets, each commit a few pages of the WAL. */
#define LEFT_FREE (1536 * 1024)

static char *mount_dir;

static void
fill_disk (const char *path)
{
  struct statvfs   st;
  g_autofree char *zeros = NULL;
  gsize            size;

  g_assert_cmpint (statvfs (mount_dir, &st), ==, 0);
  size = (gsize) st.f_bavail * st.f_frsize;
  g_assert_cmpuint (size, >, LEFT_FREE);
  size -= LEFT_FREE;
  zeros = g_malloc0 (size);
  g_assert_true (g_file_set_contents (path, zeros, size, NULL));
}

static gboolean
is_disk_full (const GError *error)
{
  return g_error_matches (error, HALL_ERROR, HALL_ERROR_UNAVAILABLE)
         && g_strcmp0 (hall_error_get_field (error), HALL_ERROR_FIELD_DISK_FULL) == 0
         && strstr (error->message, "disk is full") != NULL;
}

static void
test_disk_full (void)
{
  g_autofree char *database = g_build_filename (mount_dir, "hall.db", NULL);
  g_autofree char *filler = g_build_filename (mount_dir, "filler", NULL);
  g_autofree char *backups = g_strconcat (database, ".backups", NULL);
  g_autoptr (HallTestServer) server = hall_test_server_new_for_database (NULL, database);
  g_autoptr (GArray) issued = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) check = NULL;
  g_autoptr (JsonObject) after = NULL;
  g_autoptr (GDir) dir = NULL;
  Fixture     f = { .remote = TRUE, .server = server };
  HallClient *manager;
  HallClient *admin;
  gint64      started;
  const char *name;

  hall_test_server_add_user (server, "admin", "admin", NULL, NULL);
  hall_test_server_add_user (server, "zhang", "manager", NULL, NULL);
  manager = new_client (&f);
  admin = new_client (&f);
  login_ok (manager, "zhang", NULL);
  login_ok (admin, "admin", NULL);

  fill_disk (filler);
  for (guint i = 0; i < 20000; i++)
    {
      g_autoptr (JsonObject) ticket = NULL;
      gint64 id;

      started = g_get_monotonic_time ();
      ticket = call (manager, "ticket.issue", &error,
                     "{\"department_id\":2,\"note\":\"一位来访群众反映小区电梯长期故障，物业"
                     "不予维修，请求相关部门督促解决。一位来访群众反映小区电梯长期故障。\"}");
      if (ticket == NULL)
        break;
      id = json_object_get_int_member (json_object_get_object_member (ticket, "ticket"), "id");
      g_array_append_val (issued, id);
    }

  g_test_message ("%u tickets issued before the disk was full", issued->len);
  /* The app gets the reason at once: a full disk is no outage to retry through. */
  g_assert_true (is_disk_full (error));
  g_assert_cmpint (g_get_monotonic_time () - started, <, 2 * G_USEC_PER_SEC);
  g_assert_cmpuint (issued->len, >, 0);
  g_clear_error (&error);

  /* A backup that does not fit says so and leaves no part of itself. */
  g_assert_null (call (admin, "hall.backup", &error, NULL));
  g_assert_true (g_error_matches (error, HALL_ERROR, HALL_ERROR_UNAVAILABLE));
  g_assert_nonnull (strstr (error->message, "disk is full"));
  g_clear_error (&error);
  dir = g_dir_open (backups, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_suffix (name, ".partial"));

  /* Nothing committed was lost. */
  for (guint i = 0; i < issued->len; i++)
    {
      g_autofree char *params =
          g_strdup_printf ("{\"ticket_id\":%" G_GINT64_FORMAT "}", g_array_index (issued, gint64, i));

      json_object_unref (call_ok (manager, "ticket.get", params));
    }

  /* Space comes back: the next write goes through, the server never restarted. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  after = call_ok (manager, "ticket.issue", "{\"department_id\":2}");
  g_assert_true (hall_test_server_is_running (server));
  check = call_ok (admin, "hall.check", NULL);
  g_assert_true (json_object_get_boolean_member (check, "ok"));

  free_client (manager);
  free_client (admin);
  g_assert_cmpint (hall_test_server_stop (server), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  mount_dir = g_dir_make_tmp ("hall-disk-full-XXXXXX", NULL);
  g_assert_nonnull (mount_dir);
  if (mount ("tmpfs", mount_dir, "tmpfs", 0, TMPFS_SIZE) != 0)
    {
      g_print ("Skipped: cannot mount a small tmpfs to fill (%s); this test needs root.\n",
               g_strerror (errno));
      g_rmdir (mount_dir);
      g_free (mount_dir);
      return 77;
    }

  g_test_add_func ("/disk-full/server", test_disk_full);
  status = g_test_run ();

  umount2 (mount_dir, MNT_DETACH);
  g_rmdir (mount_dir);
  g_free (mount_dir);
  return status;
}
