/* test-client.c — HallClient: one suite, run on the local client and on the remote one
 *
 * Every test body runs twice: over a HallLocalClient on a temporary hall, and over a
 * HallRemoteClient talking to the real xinfang-hall-server on 127.0.0.1. The remote-only tests
 * are in test-client-remote.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-client"

#include "config.h"

#include "hall-test-client.h"

/* ---- both kinds ---------------------------------------------------------------------------- */

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_login_logout (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (JsonObject) who = NULL;
  HallClient *client;
  guint       user_notified = 0;

  client = new_client (f);
  g_signal_connect (client, "notify::user", G_CALLBACK (notify_count_cb), &user_notified);

  g_assert_false (hall_client_is_signed_in (client));
  g_assert_null (hall_client_get_user (client));
  call_fails (client, "session.whoami", HALL_ERROR_UNAUTHENTICATED, NULL, NULL);

  /* A wrong password names the field to fix and leaves the client signed out. */
  reply = login (client, "wang", "not-the-password", NULL, &error);
  g_assert_null (reply);
  g_assert_error (error, HALL_ERROR, HALL_ERROR_UNAUTHENTICATED);
  g_assert_cmpstr (hall_error_get_field (error), ==, "password");
  g_assert_false (hall_client_is_signed_in (client));
  g_clear_error (&error);

  reply = login (client, "wang", "password123", "staff", &error);
  g_assert_no_error (error);
  /* The token stays inside the client. */
  g_assert_false (json_object_has_member (reply, "token"));
  g_assert_true (hall_client_is_signed_in (client));
  g_assert_cmpstr (hall_client_get_role (client), ==, "staff");
  g_assert_cmpstr (json_object_get_string_member (hall_client_get_user (client), "username"), ==,
                   "wang");
  g_assert_cmpuint (user_notified, ==, 1);

  who = call_ok (client, "session.whoami", NULL);
  g_assert_cmpstr (json_object_get_string_member (who, "role"), ==, "staff");

  /* Switching role through a call updates the client's own idea of it. */
  g_clear_pointer (&reply, json_object_unref);
  reply = call_ok (client, "session.switch", "{\"role\":\"manager\"}");
  g_assert_cmpstr (hall_client_get_role (client), ==, "manager");

  logout (client);
  g_assert_false (hall_client_is_signed_in (client));
  g_assert_null (hall_client_get_user (client));
  g_assert_null (hall_client_get_role (client));
  g_assert_cmpuint (user_notified, ==, 2);
  call_fails (client, "session.whoami", HALL_ERROR_UNAUTHENTICATED, NULL, NULL);

  free_client (client);
}

typedef struct
{
  guint connected;
  guint last_seq;
  guint user;
  guint role;
  guint counter_id;
} Notified;

static void
notified_cb (GObject    *object,
             GParamSpec *pspec,
             Notified   *n)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "connected"))
    n->connected++;
  else if (g_str_equal (name, "last-seq"))
    n->last_seq++;
  else if (g_str_equal (name, "user"))
    n->user++;
  else if (g_str_equal (name, "role"))
    n->role++;
  else if (g_str_equal (name, "counter-id"))
    n->counter_id++;
  else
    g_error ("unexpected notify::%s", name);
}

/* What the app's pages follow: each property says so once when it changes, and not when it
 * does not, on both kinds of client. */
static void
test_notify_once (Fixture      *f,
                  gconstpointer data)
{
  HallClient *admin, *client;
  Notified    n = { 0 };
  gint64      start;

  admin = new_client (f);
  login_ok (admin, "admin", NULL);
  client = new_client (f);
  g_signal_connect (client, "notify", G_CALLBACK (notified_cb), &n);

  /* Signing in announces the session (its counter too, none here) and where the feed starts. */
  login_ok (client, "wang", "staff");
  g_assert_cmpuint (n.user, ==, 1);
  g_assert_cmpuint (n.role, ==, 1);
  g_assert_cmpuint (n.counter_id, ==, 1);
  g_assert_cmpuint (n.last_seq, ==, 1);
  g_assert_cmpuint (n.connected, ==, 0);

  start = hall_client_get_last_seq (client);
  hall_client_set_last_seq (client, start);
  g_object_set (client, "last-seq", start, NULL);
  g_assert_cmpuint (n.last_seq, ==, 1);

  /* One notification an event. */
  create_user (admin, "zhao");
  create_user (admin, "qian");
  wait_until (hall_client_get_last_seq (client) == start + 2);
  g_assert_cmpuint (n.last_seq, ==, 3);

  /* Signing out clears who and as what; the counter was none already. Twice is once. */
  logout (client);
  logout (client);
  g_assert_cmpuint (n.user, ==, 2);
  g_assert_cmpuint (n.role, ==, 2);
  g_assert_cmpuint (n.counter_id, ==, 1);
  g_assert_cmpuint (n.last_seq, ==, 3);
  g_assert_cmpuint (n.connected, ==, 0);

  g_signal_handlers_disconnect_by_data (client, &n);
  free_client (admin);
  free_client (client);
}

static void
test_errors_name_the_field (Fixture      *f,
                            gconstpointer data)
{
  HallClient *admin, *staff;
  g_autoptr (JsonObject) reply = NULL;

  admin = new_client (f);
  staff = new_client (f);
  login_ok (admin, "admin", NULL);
  login_ok (staff, "li", NULL);

  call_fails (admin, "user.create", HALL_ERROR_INVALID_ARGUMENT, "username",
              "{\"username\":\"bad name!\",\"password\":\"password123\",\"roles\":[\"staff\"]}");
  call_fails (admin, "user.create", HALL_ERROR_INVALID_ARGUMENT, "password",
              "{\"username\":\"zhao\",\"password\":\"short\",\"roles\":[\"staff\"]}");
  call_fails (admin, "user.create", HALL_ERROR_INVALID_ARGUMENT, "roles",
              "{\"username\":\"zhao\",\"password\":\"password123\",\"roles\":[\"emperor\"]}");
  call_fails (admin, "user.create", HALL_ERROR_CONFLICT, "username",
              "{\"username\":\"li\",\"password\":\"password123\",\"roles\":[\"staff\"]}");
  call_fails (admin, "no.such_command", HALL_ERROR_NOT_FOUND, "command", NULL);
  call_fails (staff, "user.create", HALL_ERROR_FORBIDDEN, NULL,
              "{\"username\":\"zhao\",\"password\":\"password123\",\"roles\":[\"staff\"]}");
  call_fails (staff, "audit.list", HALL_ERROR_FORBIDDEN, NULL, NULL);

  /* Nothing half-written: the account list is what it was. */
  reply = call_ok (admin, "user.list", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply, "users")), ==,
                    N_ACCOUNTS);

  free_client (admin);
  free_client (staff);
}

static void
test_events_reach_other_clients (Fixture      *f,
                                 gconstpointer data)
{
  HallClient *admin, *wall;
  g_autoptr (JsonObject) list = NULL;
  GPtrArray *seen;
  gint64     start, ids[3];

  admin = new_client (f);
  wall = new_client (f);
  login_ok (admin, "admin", NULL);
  login_ok (wall, "wall", "display");

  /* A client starts from the newest event at sign-in, not from the beginning of the hall. */
  start = hall_client_get_last_seq (wall);
  g_assert_cmpint (start, >, 0);
  seen = record_events (wall);

  ids[0] = create_user (admin, "zhao");
  ids[1] = create_user (admin, "qian");
  ids[2] = create_user (admin, "sun");

  wait_until (seen->len >= 3);
  assert_consecutive (seen, start + 1);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *event = g_ptr_array_index (seen, i);

      g_assert_cmpstr (json_object_get_string_member (event, "kind"), ==, "account.changed");
      g_assert_cmpint (json_object_get_int_member (event, "user_id"), ==, ids[i]);
      g_assert_cmpint (json_object_get_int_member (event, "at"), >, 0);
      /* No personal data on the feed. */
      g_assert_false (json_object_has_member (event, "username"));
    }
  g_assert_cmpint (hall_client_get_last_seq (wall), ==, start + 3);

  /* Signed out, nothing arrives; signing in again resumes where the client stopped. */
  logout (wall);
  create_user (admin, "zhou");
  login_ok (wall, "wall", "display");
  wait_until (seen->len >= 4);
  assert_consecutive (seen, start + 1);

  /* Reads do not make events. */
  list = call_ok (admin, "user.list", NULL);
  create_user (admin, "wu");
  wait_until (seen->len >= 5);
  assert_consecutive (seen, start + 1);

  stop_recording (wall, seen);
  free_client (admin);
  free_client (wall);
}

static void
test_request_id_replay (Fixture      *f,
                        gconstpointer data)
{
  HallClient *admin, *other;
  g_autoptr (JsonObject) first = NULL;
  g_autoptr (JsonObject) again = NULL;
  g_autoptr (JsonObject) list = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *user_first, *user_again;

  admin = new_client (f);
  other = new_client (f);
  login_ok (admin, "admin", NULL);
  login_ok (other, "admin", NULL);

  first = call_ok (admin, "user.create",
                   "{\"request_id\":\"req-7\",\"username\":\"zhao\",\"password\":\"password123\","
                   "\"roles\":[\"staff\"]}");
  /* The same request again, from another client even, is the same answer and no second account. */
  again = call_ok (other, "user.create",
                   "{\"request_id\":\"req-7\",\"username\":\"zhao\",\"password\":\"password123\","
                   "\"roles\":[\"staff\"]}");
  user_first = json_object_get_object_member (first, "user");
  user_again = json_object_get_object_member (again, "user");
  g_assert_cmpint (json_object_get_int_member (user_first, "id"), ==,
                   json_object_get_int_member (user_again, "id"));

  /* A request id is one request: another command with it is refused. */
  call_fails (admin, "user.set_locked", HALL_ERROR_CONFLICT, "request_id",
              "{\"request_id\":\"req-7\",\"user_id\":1,\"locked\":false}");

  /* Without one, each call is a new request. */
  create_user (admin, "qian");
  create_user (admin, "sun");

  list = call_ok (admin, "user.list", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (list, "users")), ==,
                    N_ACCOUNTS + 3);

  free_client (admin);
  free_client (other);
}

static void
test_session_ended_elsewhere (Fixture      *f,
                              gconstpointer data)
{
  HallClient *admin, *staff;
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (JsonObject) who = NULL;
  gint64     li_id = 0;
  guint      user_notified = 0;
  JsonArray *users;

  admin = new_client (f);
  staff = new_client (f);
  login_ok (admin, "admin", NULL);
  login_ok (staff, "li", NULL);
  g_signal_connect (staff, "notify::user", G_CALLBACK (notify_count_cb), &user_notified);

  reply = call_ok (admin, "user.list", NULL);
  users = json_object_get_array_member (reply, "users");
  for (guint i = 0; i < json_array_get_length (users); i++)
    if (g_str_equal (
            json_object_get_string_member (json_array_get_object_element (users, i), "username"),
            "li"))
      li_id = json_object_get_int_member (json_array_get_object_element (users, i), "id");
  g_assert_cmpint (li_id, >, 0);

  /* Locking an account ends its sessions: the client finds out at its next call and goes back
   * to signed out, so the app shows the sign-in page. */
  g_clear_pointer (&reply, json_object_unref);
  {
    g_autofree char *json =
        g_strdup_printf ("{\"user_id\":%" G_GINT64_FORMAT ",\"locked\":true}", li_id);
    reply = call_ok (admin, "user.set_locked", json);
  }
  call_fails (staff, "session.whoami", HALL_ERROR_UNAUTHENTICATED, NULL, NULL);
  g_assert_false (hall_client_is_signed_in (staff));
  g_assert_null (hall_client_get_user (staff));
  g_assert_cmpuint (user_notified, ==, 1);

  /* The administrator's own session is untouched. */
  who = call_ok (admin, "session.whoami", NULL);
  g_assert_cmpstr (json_object_get_string_member (who, "role"), ==, "admin");

  g_signal_handlers_disconnect_by_data (staff, &user_notified);
  free_client (admin);
  free_client (staff);
}

static void
test_resume_from_saved_seq (Fixture      *f,
                            gconstpointer data)
{
  HallClient *admin, *wall;
  GPtrArray  *seen;
  gint64      saved;

  admin = new_client (f);
  login_ok (admin, "admin", NULL);
  saved = hall_client_get_last_seq (admin);
  create_user (admin, "zhao");
  create_user (admin, "qian");

  /* A wall display restarted with the seq it had shown last gets what it missed, once. */
  wall = new_client (f);
  hall_client_set_last_seq (wall, saved);
  seen = record_events (wall);
  login_ok (wall, "wall", "display");
  wait_until (seen->len >= 2);
  create_user (admin, "sun");
  wait_until (seen->len >= 3);
  assert_consecutive (seen, saved + 1);
  g_assert_cmpuint (seen->len, ==, 3);
  g_assert_cmpint (hall_client_get_last_seq (wall), ==, saved + 3);

  stop_recording (wall, seen);
  free_client (admin);
  free_client (wall);
}

static void
test_cancel (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (GError) error = NULL;
  HallClient *client = new_client (f);

  login_ok (client, "admin", NULL);
  g_cancellable_cancel (cancellable);
  hall_client_call_async (client, "user.list", NULL, cancellable, store_result_cb, &result);
  wait_until (result != NULL);
  reply = hall_client_call_finish (client, result, &error);
  g_assert_null (reply);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_clear_object (&result);
  free_client (client);
}

int
main (int   argc,
      char *argv[])
{
  static const struct
  {
    const char *name;
    void (*func) (Fixture *, gconstpointer);
  } both[] = {
    { "login-logout", test_login_logout },
    { "notify-once", test_notify_once },
    { "errors-name-the-field", test_errors_name_the_field },
    { "events-reach-other-clients", test_events_reach_other_clients },
    { "request-id-replay", test_request_id_replay },
    { "session-ended-elsewhere", test_session_ended_elsewhere },
    { "resume-from-saved-seq", test_resume_from_saved_seq },
    { "cancel", test_cancel },
  };

  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (both); i++)
    {
      g_autofree char *local = g_strdup_printf ("/client/local/%s", both[i].name);
      g_autofree char *remote = g_strdup_printf ("/client/remote/%s", both[i].name);

      g_test_add (local, Fixture, GINT_TO_POINTER (FALSE), fixture_setup, both[i].func,
                  fixture_teardown);
      g_test_add (remote, Fixture, GINT_TO_POINTER (TRUE), fixture_setup, both[i].func,
                  fixture_teardown);
    }

  return g_test_run ();
}
