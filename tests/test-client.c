/* test-client.c — HallClient: one suite, run on the local client and on the remote one
 *
 * Every test body runs twice: over a HallLocalClient on a temporary hall, and over a
 * HallRemoteClient talking to the real xinfang-hall-server on 127.0.0.1. The remote-only tests
 * kill the server with SIGKILL, check certificate pinning and the first-time probe.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-client"

#include "config.h"

#include <signal.h>

#include "hall-local-client.h"
#include "hall-remote-client.h"
#include "hall-test-server.h"
#include "hall-test-util.h"
#include "hall-tls.h"

#define WAIT_LIMIT_SECONDS 30

typedef struct
{
  gboolean remote;
  HallTestHall *hall;       /* local */
  HallTestServer *server;   /* remote */
} Fixture;

/* ---- waiting without sleeping ------------------------------------------------------------- */

static gboolean
wait_expired_cb (gpointer data)
{
  g_error ("gave up waiting for %s after %d s", (const char *) data, WAIT_LIMIT_SECONDS);
  return G_SOURCE_REMOVE;
}

#define wait_until(cond) \
  G_STMT_START { \
    guint _limit = g_timeout_add_seconds (WAIT_LIMIT_SECONDS, wait_expired_cb, (gpointer) #cond); \
    while (!(cond)) \
      g_main_context_iteration (NULL, TRUE); \
    g_source_remove (_limit); \
  } G_STMT_END

static void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static JsonObject *
call (HallClient  *client,
      const char  *command,
      GError     **error,
      const char  *json)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) params = json ? hall_test_parse_object (json) : NULL;

  hall_client_call_async (client, command, params, NULL, store_result_cb, &result);
  wait_until (result != NULL);
  return hall_client_call_finish (client, result, error);
}

static JsonObject *
call_ok (HallClient *client,
         const char *command,
         const char *json)
{
  g_autoptr (GError) error = NULL;
  JsonObject *reply = call (client, command, &error, json);

  if (error != NULL)
    g_error ("%s failed: %s (field %s)", command, error->message,
             hall_error_get_field (error) ? hall_error_get_field (error) : "-");
  return reply;
}

static void
call_fails (HallClient    *client,
            const char    *command,
            HallErrorCode  code,
            const char    *field,
            const char    *json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = call (client, command, &error, json);

  g_assert_null (reply);
  g_assert_error (error, HALL_ERROR, (int) code);
  g_assert_cmpstr (hall_error_get_field (error), ==, field);
  g_assert_cmpstr (error->message, !=, "");
}

static JsonObject *
login (HallClient  *client,
       const char  *username,
       const char  *password,
       const char  *role,
       GError     **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  hall_client_login_async (client, username, password, role, 0, NULL, store_result_cb, &result);
  wait_until (result != NULL);
  return hall_client_login_finish (client, result, error);
}

static void
login_ok (HallClient *client,
          const char *username,
          const char *role)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = login (client, username, "password123", role, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reply);
}

static void
logout (HallClient *client)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  hall_client_logout_async (client, NULL, store_result_cb, &result);
  wait_until (result != NULL);
  g_assert_true (hall_client_logout_finish (client, result, &error));
  g_assert_no_error (error);
}

/* ---- the two kinds of hall ---------------------------------------------------------------- */

/* Every test starts with the same accounts (password HALL_TEST_PASSWORD). */
static const struct
{
  const char *username;
  const char *roles;
} accounts[] = {
  { "admin", "admin" },
  { "wall", "display" },
  { "wang", "manager,staff" },
  { "li", "staff" },
};

#define N_ACCOUNTS G_N_ELEMENTS (accounts)

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->remote = GPOINTER_TO_INT (data);
  if (f->remote)
    {
      /* Accounts are made with the server's command line before it starts, as an administrator
       * would on a new hall. */
      f->server = hall_test_server_new (HALL_TEST_SERVER_TLS | HALL_TEST_SERVER_NO_START);
      for (guint i = 0; i < N_ACCOUNTS; i++)
        hall_test_server_add_user (f->server, accounts[i].username, accounts[i].roles, NULL, NULL);
      hall_test_server_start (f->server);
    }
  else
    {
      f->hall = hall_test_hall_new ();
      for (guint i = 0; i < N_ACCOUNTS; i++)
        g_free (hall_test_add_user (f->hall, accounts[i].username, accounts[i].roles, NULL, 0));
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_pointer (&f->server, hall_test_server_free);
  g_clear_pointer (&f->hall, hall_test_hall_free);
}

static HallClient *
new_client (Fixture *f)
{
  HallClient *client;

  if (f->remote)
    client = hall_remote_client_new (f->server->url,
                                     f->server->fingerprint);
  else
    client = hall_local_client_new (f->hall->engine);
  g_assert_nonnull (client);
  wait_until (hall_client_get_connected (client));
  return client;
}

/* Drops the client and checks nothing else holds it (pending calls, timers, the feed). */
static void
free_client (HallClient *client)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (client);
}

typedef struct
{
  GPtrArray *events;
} Recorder;

static void
record_event_cb (HallClient *client,
                 JsonObject *event,
                 GPtrArray  *events)
{
  g_ptr_array_add (events, json_object_ref (event));
}

static GPtrArray *
record_events (HallClient *client)
{
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  g_signal_connect (client, "event", G_CALLBACK (record_event_cb), events);
  return events;
}

static void
stop_recording (HallClient *client,
                GPtrArray  *events)
{
  g_signal_handlers_disconnect_by_data (client, events);
  g_ptr_array_unref (events);
}

static gint64
event_seq (GPtrArray *events,
           guint      i)
{
  return json_object_get_int_member (g_ptr_array_index (events, i), "seq");
}

/* Every seq after @first, once, in order. */
static void
assert_consecutive (GPtrArray *events,
                    gint64     first)
{
  for (guint i = 0; i < events->len; i++)
    g_assert_cmpint (event_seq (events, i), ==, first + i);
}

static gint64
create_user (HallClient *client,
             const char *username)
{
  g_autofree char *json = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"password123\","
                                           "\"roles\":[\"staff\"],\"department\":\"minzheng\"}",
                                           username);
  g_autoptr (JsonObject) reply = call_ok (client, "user.create", json);

  return json_object_get_int_member (json_object_get_object_member (reply, "user"), "id");
}

/* ---- both kinds ---------------------------------------------------------------------------- */

static void
notify_count_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_login_logout (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (JsonObject) who = NULL;
  HallClient *client;
  guint user_notified = 0;

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
  g_assert_cmpstr (json_object_get_string_member (hall_client_get_user (client), "username"), ==, "wang");
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

static void
test_errors_name_the_field (Fixture       *f,
                            gconstpointer  data)
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
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply, "users")), ==, N_ACCOUNTS);

  free_client (admin);
  free_client (staff);
}

static void
test_events_reach_other_clients (Fixture       *f,
                                 gconstpointer  data)
{
  HallClient *admin, *wall;
  g_autoptr (JsonObject) list = NULL;
  GPtrArray *seen;
  gint64 start, ids[3];

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
test_request_id_replay (Fixture       *f,
                        gconstpointer  data)
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
  g_assert_cmpint (json_object_get_int_member (user_first, "id"), ==, json_object_get_int_member (user_again, "id"));

  /* A request id is one request: another command with it is refused. */
  call_fails (admin, "user.set_locked", HALL_ERROR_CONFLICT, "request_id",
              "{\"request_id\":\"req-7\",\"user_id\":1,\"locked\":false}");

  /* Without one, each call is a new request. */
  create_user (admin, "qian");
  create_user (admin, "sun");

  list = call_ok (admin, "user.list", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (list, "users")), ==, N_ACCOUNTS + 3);

  free_client (admin);
  free_client (other);
}

static void
test_session_ended_elsewhere (Fixture       *f,
                              gconstpointer  data)
{
  HallClient *admin, *staff;
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (JsonObject) who = NULL;
  gint64 li_id = 0;
  guint user_notified = 0;
  JsonArray *users;

  admin = new_client (f);
  staff = new_client (f);
  login_ok (admin, "admin", NULL);
  login_ok (staff, "li", NULL);
  g_signal_connect (staff, "notify::user", G_CALLBACK (notify_count_cb), &user_notified);

  reply = call_ok (admin, "user.list", NULL);
  users = json_object_get_array_member (reply, "users");
  for (guint i = 0; i < json_array_get_length (users); i++)
    if (g_str_equal (json_object_get_string_member (json_array_get_object_element (users, i), "username"), "li"))
      li_id = json_object_get_int_member (json_array_get_object_element (users, i), "id");
  g_assert_cmpint (li_id, >, 0);

  /* Locking an account ends its sessions: the client finds out at its next call and goes back
   * to signed out, so the app shows the sign-in page. */
  g_clear_pointer (&reply, json_object_unref);
  {
    g_autofree char *json = g_strdup_printf ("{\"user_id\":%" G_GINT64_FORMAT ",\"locked\":true}", li_id);
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
test_resume_from_saved_seq (Fixture       *f,
                            gconstpointer  data)
{
  HallClient *admin, *wall;
  GPtrArray *seen;
  gint64 saved;

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
test_cancel (Fixture       *f,
             gconstpointer  data)
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
test_server_restart (Fixture       *f,
                     gconstpointer  data)
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
  gint64 start;
  guint before;

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
  replay = call_ok (admin, "user.create",
                    "{\"request_id\":\"during-crash\",\"username\":\"sun\",\"password\":\"password123\","
                    "\"roles\":[\"staff\"]}");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (reply, "user"), "id"), ==,
                   json_object_get_int_member (json_object_get_object_member (replay, "user"), "id"));
  list = call_ok (admin, "user.list", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (list, "users")), ==, N_ACCOUNTS + 5);

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
test_pinning (Fixture       *f,
              gconstpointer  data)
{
  const char *real = f->server->fingerprint;
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
test_probe (Fixture       *f,
            gconstpointer  data)
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
test_offline_before_sign_in (Fixture       *f,
                             gconstpointer  data)
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
test_few_connections (Fixture       *f,
                      gconstpointer  data)
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
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reply, "users")), ==, N_ACCOUNTS + 30);
    }

  established = hall_test_server_count_connections (f->server, HALL_TEST_TCP_ESTABLISHED);
  g_test_message ("130 calls: %u connections used, %u open at the server after", g_hash_table_size (ports),
                  established);
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
  static const struct
  {
    const char *name;
    void (*func) (Fixture *, gconstpointer);
  } both[] = {
    { "login-logout", test_login_logout },
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

      g_test_add (local, Fixture, GINT_TO_POINTER (FALSE), fixture_setup, both[i].func, fixture_teardown);
      g_test_add (remote, Fixture, GINT_TO_POINTER (TRUE), fixture_setup, both[i].func, fixture_teardown);
    }
  g_test_add ("/client/remote/server-restart", Fixture, GINT_TO_POINTER (TRUE), fixture_setup,
              test_server_restart, fixture_teardown);
  g_test_add ("/client/remote/pinning", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_pinning,
              fixture_teardown);
  g_test_add ("/client/remote/offline-before-sign-in", Fixture, GINT_TO_POINTER (TRUE), fixture_setup,
              test_offline_before_sign_in, fixture_teardown);
  g_test_add ("/client/remote/probe", Fixture, GINT_TO_POINTER (TRUE), fixture_setup, test_probe,
              fixture_teardown);
  g_test_add ("/client/remote/few-connections", Fixture, GINT_TO_POINTER (TRUE), fixture_setup,
              test_few_connections, fixture_teardown);

  return g_test_run ();
}
