/* test-client-remote.c — HallRemoteClient alone, against the real xinfang-hall-server on
 * 127.0.0.1: it kills the server with SIGKILL, checks certificate pinning, the first-time probe
 * and how few connections one client keeps (the suite run on both kinds: test-client.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-client-remote"

#include "config.h"

#include <signal.h>

#include "hall-test-client.h"

/* ---- remote only --------------------------------------------------------------------------- */

typedef struct
{
  GArray *states;
} ConnectedLog;

static void
connected_changed_cb (HallClient *client,
                      GParamSpec *pspec,
                      GArray     *states)
{
  gboolean connected = hall_client_get_connected (client);

  g_array_append_val (states, connected);
}

static void
test_server_restart (Fixture      *f,
                     gconstpointer data)
{
  HallClient *admin, *wall, *late;
  g_autoptr (GArray) states = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (JsonObject) replay = NULL;
  g_autoptr (JsonObject) list = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) crash_params = NULL;
  GPtrArray *seen;
  gint64     start;
  guint      before;

  admin = new_client (f);
  wall = new_client (f);
  login_ok (admin, "admin", NULL);
  login_ok (wall, "wall", "display");
  start = hall_client_get_last_seq (wall);
  seen = record_events (wall);
  g_signal_connect (wall, "notify::connected", G_CALLBACK (connected_changed_cb), states);

  create_user (admin, "zhao");
  create_user (admin, "qian");
  wait_until (seen->len == 2);

  /* The server freezes with a call on its way, then dies without a word. The call is sent
   * again, with the same request_id, until the server is back. */
  crash_params = hall_test_parse_object ("{\"request_id\":\"during-crash\",\"username\":\"sun\","
                                         "\"password\":\"password123\",\"roles\":[\"staff\"]}");
  g_assert_cmpint (kill (hall_test_server_get_pid (f->server), SIGSTOP), ==, 0);
  hall_client_call_async (admin, "user.create", crash_params, NULL, store_result_cb, &result);
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  hall_test_server_kill (f->server);
  g_assert_null (result);

  wait_until (!hall_client_get_connected (wall));
  g_assert_cmpuint (states->len, ==, 1);

  /* While the hall is away, a new call fails at once instead of hanging. */
  {
    g_autoptr (JsonObject) none = call (wall, "session.whoami", &error, NULL);

    g_assert_null (none);
    g_assert_error (error, HALL_ERROR, HALL_ERROR_UNAVAILABLE);
    g_clear_error (&error);
  }

  hall_test_server_start (f->server);

  /* Changes made before the feed is back must reach it too. */
  late = new_client (f);
  login_ok (late, "admin", NULL);
  create_user (late, "zhou");

  wait_until (result != NULL);
  reply = hall_client_call_finish (admin, result, &error);
  g_assert_no_error (error);

  wait_until (hall_client_get_connected (wall));
  wait_until (seen->len >= 4);
  create_user (late, "wu");
  wait_until (seen->len >= 5);

  /* Went offline once and came back once; saw every event once and in order. */
  g_assert_cmpuint (states->len, ==, 2);
  g_assert_false (g_array_index (states, gboolean, 0));
  g_assert_true (g_array_index (states, gboolean, 1));
  assert_consecutive (seen, start + 1);
  g_assert_cmpuint (seen->len, ==, 5);

  /* The retried call was done once. */
  replay =
      call_ok (admin, "user.create",
               "{\"request_id\":\"during-crash\",\"username\":\"sun\",\"password\":\"password123\","
               "\"roles\":[\"staff\"]}");
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (reply, "user"), "id"), ==,
      json_object_get_int_member (json_object_get_object_member (replay, "user"), "id"));
  list = call_ok (admin, "user.list", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (list, "users")), ==,
                    N_ACCOUNTS + 5);

  before = states->len;
  stop_recording (wall, seen);
  g_signal_handlers_disconnect_by_data (wall, states);
  g_assert_cmpuint (before, ==, 2);
  g_clear_object (&result);
  free_client (admin);
  free_client (wall);
  free_client (late);
}

static void
test_pinning (Fixture      *f,
              gconstpointer data)
{
  const char      *real = f->server->fingerprint;
  g_autofree char *wrong = g_strdup (real);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = NULL;
  HallClient *client;

  /* One different byte is another certificate. */
  wrong[0] = wrong[0] == 'A' ? 'B' : 'A';
  client = hall_remote_client_new (f->server->url, wrong);

  reply = login (client, "admin", "password123", NULL, &error);
  g_assert_null (reply);
  g_assert_error (error, HALL_ERROR, HALL_ERROR_UNAVAILABLE);
  g_assert_cmpstr (hall_error_get_field (error), ==, "fingerprint");
  /* The message shows both fingerprints, for the person to tell the administrator. */
  g_assert_nonnull (strstr (error->message, real));
  g_assert_nonnull (strstr (error->message, wrong));
  g_assert_false (hall_client_get_connected (client));
  g_assert_false (hall_client_is_signed_in (client));
  g_clear_error (&error);

  /* And it stays refused. */
  call_fails (client, "session.whoami", HALL_ERROR_UNAVAILABLE, "fingerprint", NULL);
  free_client (client);

  /* The right fingerprint, in lower case as someone may type it, is accepted. */
  {
    g_autofree char *lower = g_ascii_strdown (real, -1);

    client = hall_remote_client_new (f->server->url, lower);
    wait_until (hall_client_get_connected (client));
    login_ok (client, "admin", NULL);
    free_client (client);
  }

  /* No fingerprint at all is refused too: nothing is trusted unseen. */
  client = hall_remote_client_new (f->server->url, NULL);
  reply = login (client, "admin", "password123", NULL, &error);
  g_assert_null (reply);
  g_assert_error (error, HALL_ERROR, HALL_ERROR_UNAVAILABLE);
  g_assert_cmpstr (hall_error_get_field (error), ==, "fingerprint");
  free_client (client);
}

static void
test_probe (Fixture      *f,
            gconstpointer data)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) health = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *closed_url = NULL;

  hall_remote_client_probe_async (f->server->url, NULL, store_result_cb, &result);
  wait_until (result != NULL);
  health = hall_remote_client_probe_finish (result, &fingerprint, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (health, "ok"));
  g_assert_cmpint (json_object_get_int_member (health, "api_version"), ==, 1);
  g_assert_cmpstr (fingerprint, ==, f->server->fingerprint);
  g_assert_cmpuint (strlen (fingerprint), ==, 95);

  /* Not an address, and an address where nothing listens. */
  g_clear_pointer (&fingerprint, g_free);
  g_clear_object (&result);
  hall_remote_client_probe_async ("192.168.1.10", NULL, store_result_cb, &result);
  wait_until (result != NULL);
  g_assert_null (hall_remote_client_probe_finish (result, &fingerprint, &error));
  g_assert_error (error, HALL_ERROR, HALL_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (hall_error_get_field (error), ==, "url");
  g_clear_error (&error);

  hall_test_server_kill (f->server);
  g_clear_object (&result);
  hall_remote_client_probe_async (f->server->url, NULL, store_result_cb, &result);
  wait_until (result != NULL);
  g_assert_null (hall_remote_client_probe_finish (result, &fingerprint, &error));
  g_assert_error (error, HALL_ERROR, HALL_ERROR_UNAVAILABLE);
}

static void
test_offline_before_sign_in (Fixture      *f,
                             gconstpointer data)
{
  HallClient *client;

  /* The app starts while the server is down: the offline banner shows, and goes away by itself
   * when the hall is back, before anyone signs in. */
  hall_test_server_kill (f->server);
  client = hall_remote_client_new (f->server->url, f->server->fingerprint);
  g_assert_false (hall_client_get_connected (client));
  hall_test_server_start (f->server);
  wait_until (hall_client_get_connected (client));
  login_ok (client, "admin", NULL);
  free_client (client);
}

static void
collect_result_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_ptr_array_add (user_data, g_object_ref (result));
}

/* One client's calls, in a row and many at once, share one or a few kept-alive connections
 * instead of opening one per POST. */
static void
test_few_connections (Fixture      *f,
                      gconstpointer data)
{
  HallClient *admin = new_client (f);
  g_autoptr (GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GHashTable) ports = g_hash_table_new (NULL, NULL);
  guint established;

  login_ok (admin, "admin", NULL);
  for (guint i = 0; i < 90; i++)
    {
      g_autofree char *username = g_strdup_printf ("user%u", i);
      g_autoptr (JsonObject) reply = NULL;

      /* Writes carry a request_id, reads do not: both go on kept-alive connections. */
      if (i % 3 == 0)
        create_user (admin, username);
      else
        reply = call_ok (admin, "session.whoami", NULL);
      hall_test_server_collect_client_ports (f->server, ports);
    }
  for (guint i = 0; i < 40; i++)
    hall_client_call_async (admin, "user.list", NULL, NULL, collect_result_cb, results);
  while (results->len < 40)
    {
      g_main_context_iteration (NULL, TRUE);
      hall_test_server_collect_client_ports (f->server, ports);
    }
  for (guint i = 0; i < results->len; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (JsonObject) reply = hall_client_call_finish (admin, results->pdata[i], &error);

      g_assert_no_error (error);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply, "users")), ==,
                        N_ACCOUNTS + 30);
    }

  established = hall_test_server_count_connections (f->server, HALL_TEST_TCP_ESTABLISHED);
  g_test_message ("130 calls: %u connections used, %u open at the server after",
                  g_hash_table_size (ports), established);
  /* The change feed, the client's calls (libsoup keeps at most 2 per host) and the test's own. */
  g_assert_cmpuint (g_hash_table_size (ports), <=, 4);
  g_assert_cmpuint (established, <=, 4);

  g_ptr_array_set_size (results, 0);
  free_client (admin);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/client/remote/server-restart", Fixture, GINT_TO_POINTER (TRUE), fixture_setup,
              test_server_restart, fixture_teardown);
  g_test_add ("/client/remote/pinning", Fixture, GINT_TO_POINTER (TRUE), fixture_setup,
              test_pinning, fixture_teardown);
  g_test_add ("/client/remote/offline-before-sign-in", Fixture, GINT_TO_POINTER (TRUE),
              fixture_setup, test_offline_before_sign_in, fixture_teardown);
  g_test_add ("/client/remote/probe", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_probe,
              fixture_teardown);
  g_test_add ("/client/remote/few-connections", Fixture, GINT_TO_POINTER (TRUE), fixture_setup,
              test_few_connections, fixture_teardown);

  return g_test_run ();
}
