/* hall-test-client.c — a HallClient in tests: the fixture that runs a test on a local hall or
 * on the real server, waiting without sleeping, calls, sign-in and event recording
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "hall-test-client.h"

/* Every test starts with the same accounts. */
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

G_STATIC_ASSERT (G_N_ELEMENTS (accounts) == N_ACCOUNTS);

gboolean
_hall_test_client_wait_expired_cb (gpointer data)
{
  g_error ("gave up waiting for %s after %d s", (const char *) data, WAIT_LIMIT_SECONDS);
  return G_SOURCE_REMOVE;
}

void
store_result_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

JsonObject *
call (HallClient *client,
      const char *command,
      GError    **error,
      const char *json)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (JsonObject) params = json ? hall_test_parse_object (json) : NULL;

  hall_client_call_async (client, command, params, NULL, store_result_cb, &result);
  wait_until (result != NULL);
  return hall_client_call_finish (client, result, error);
}

JsonObject *
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

void
call_fails (HallClient   *client,
            const char   *command,
            HallErrorCode code,
            const char   *field,
            const char   *json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = call (client, command, &error, json);

  g_assert_null (reply);
  g_assert_error (error, HALL_ERROR, (int) code);
  g_assert_cmpstr (hall_error_get_field (error), ==, field);
  g_assert_cmpstr (error->message, !=, "");
}

JsonObject *
login (HallClient *client,
       const char *username,
       const char *password,
       const char *role,
       GError    **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  hall_client_login_async (client, username, password, role, 0, NULL, store_result_cb, &result);
  wait_until (result != NULL);
  return hall_client_login_finish (client, result, error);
}

void
login_ok (HallClient *client,
          const char *username,
          const char *role)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = login (client, username, "password123", role, &error);

  g_assert_no_error (error);
  g_assert_nonnull (reply);
}

void
logout (HallClient *client)
{
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;

  hall_client_logout_async (client, NULL, store_result_cb, &result);
  wait_until (result != NULL);
  g_assert_true (hall_client_logout_finish (client, result, &error));
  g_assert_no_error (error);
}

void
fixture_setup (Fixture      *f,
               gconstpointer data)
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

void
fixture_teardown (Fixture      *f,
                  gconstpointer data)
{
  g_clear_pointer (&f->server, hall_test_server_free);
  g_clear_pointer (&f->hall, hall_test_hall_free);
}

HallClient *
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

void
free_client (HallClient *client)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (client);
}

GPtrArray *
record_events (HallClient *client)
{
  return hall_test_record_events (client);
}

void
stop_recording (HallClient *client,
                GPtrArray  *events)
{
  hall_test_stop_recording (client, events);
}

gint64
event_seq (GPtrArray *events,
           guint      i)
{
  return json_object_get_int_member (g_ptr_array_index (events, i), "seq");
}

void
assert_consecutive (GPtrArray *events,
                    gint64     first)
{
  for (guint i = 0; i < events->len; i++)
    g_assert_cmpint (event_seq (events, i), ==, first + i);
}

gint64
create_user (HallClient *client,
             const char *username)
{
  g_autofree char *json = g_strdup_printf ("{\"username\":\"%s\",\"password\":\"password123\","
                                           "\"roles\":[\"staff\"],\"department\":\"minzheng\"}",
                                           username);
  g_autoptr (JsonObject) reply = call_ok (client, "user.create", json);

  return json_object_get_int_member (json_object_get_object_member (reply, "user"), "id");
}
