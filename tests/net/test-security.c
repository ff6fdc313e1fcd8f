/* test-security.c — what an attacker gets back from the real server
 *
 * Sign-in that does not tell accounts apart, a kiosk that is no oracle for names, earlier
 * visits or matter numbers, and HTTP framing the server refuses. Each test asserts the answer
 * an attacker sees: status, error code, message and headers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "hall-test-server.h"
#include "hall-test-util.h"

/* POST @body to @command; returns the answer's text and sets @status and @retry_after (the
 * header's value, or NULL). */
static char *
post_raw (HallTestServer  *server,
          const char      *token,
          const char      *command,
          const char      *body,
          guint           *status,
          char           **retry_after)
{
  g_autofree char *path = g_strconcat ("/api/v1/", command, NULL);
  g_autoptr (SoupMessage) msg = hall_test_server_message_new (server, "POST", path);
  g_autoptr (GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr (GBytes) answer = NULL;
  g_autoptr (GError) error = NULL;
  const char *data;
  gsize length = 0;

  if (token != NULL)
    {
      g_autofree char *header = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", header);
    }
  soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
  answer = soup_session_send_and_read (server->session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  if (retry_after != NULL)
    *retry_after = g_strdup (soup_message_headers_get_one (soup_message_get_response_headers (msg),
                                                           "Retry-After"));
  data = g_bytes_get_data (answer, &length);
  return g_strndup (data ? data : "", length);
}

static char *
login_raw (HallTestServer  *server,
           const char      *username,
           const char      *password,
           guint           *status,
           char           **retry_after)
{
  g_autofree char *body = g_strdup_printf ("{\"username\": \"%s\", \"password\": \"%s\"}", username,
                                           password);

  return post_raw (server, NULL, "session.login", body, status, retry_after);
}

static gint64
user_id_of (HallTestServer *server,
            const char     *admin,
            const char     *username)
{
  g_autoptr (JsonObject) list = hall_test_server_ok (server, admin, "user.list", "{}");
  JsonArray *users = json_object_get_array_member (list, "users");

  for (guint i = 0; i < json_array_get_length (users); i++)
    {
      JsonObject *user = json_array_get_object_element (users, i);

      if (g_str_equal (json_object_get_string_member (user, "username"), username))
        return json_object_get_int_member (user, "id");
    }
  g_assert_not_reached ();
}

/* ---- sign-in ------------------------------------------------------------------------------ */

static void
test_signin_same_answer (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_autofree char *admin = hall_test_server_add_user_login (server, "admin", "admin", NULL, 0);
  g_autofree char *expected = NULL;
  g_autoptr (JsonObject) locked = NULL;
  const char *names[] = { "nobody.here", "locked.user", "out.user", "fine.user" };
  guint status = 0;

  hall_test_server_add_user (server, "locked.user", "staff", "minzheng", NULL);
  hall_test_server_add_user (server, "out.user", "staff", "minzheng", NULL);
  hall_test_server_add_user (server, "fine.user", "staff", "minzheng", NULL);
  locked = hall_test_server_ok (server, admin, "user.set_locked",
                                "{\"user_id\": %" G_GINT64_FORMAT ", \"locked\": true}",
                                user_id_of (server, admin, "locked.user"));
  /* Five wrong passwords put out.user in lockout (five of this computer's ten a minute). */
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *text = login_raw (server, "out.user", "wrong-guess", &status, NULL);
      g_assert_cmpuint (status, ==, 401);
    }

  /* Unknown, locked by an admin, in lockout, or fine: a wrong password gets one answer. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *retry_after = NULL;
      g_autofree char *text = login_raw (server, names[i], "wrong-guess", &status, &retry_after);

      g_test_message ("%s, wrong password: %u %s", names[i], status, text);
      g_assert_cmpuint (status, ==, 401);
      g_assert_null (retry_after);
      if (expected == NULL)
        expected = g_steal_pointer (&text);
      else
        g_assert_cmpstr (text, ==, expected);
    }
  g_assert_cmpstr (expected, ==,
                   "{\"error\":{\"code\":\"unauthenticated\",\"message\":\"Wrong username or password.\","
                   "\"field\":\"password\"}}");

  /* The right password may tell the truth, and Retry-After says the real wait. */
  {
    g_autofree char *retry_after = NULL;
    g_autofree char *text = login_raw (server, "out.user", HALL_TEST_PASSWORD, &status, &retry_after);
    g_autoptr (JsonObject) answer = hall_test_parse_object (text);
    JsonObject *error = json_object_get_object_member (answer, "error");
    gint64 seconds;

    g_test_message ("out.user, right password: %u %s, Retry-After %s", status, text, retry_after);
    g_assert_cmpuint (status, ==, 429);
    g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, "rate_limited");
    g_assert_cmpstr (json_object_get_string_member (error, "message"), ==,
                     "Too many wrong passwords. Try again in 15 minutes.");
    g_assert_nonnull (retry_after);
    seconds = g_ascii_strtoll (retry_after, NULL, 10);
    g_assert_cmpint (seconds, >, 14 * 60);
    g_assert_cmpint (seconds, <=, 15 * 60);
  }
  {
    g_autofree char *text = login_raw (server, "locked.user", HALL_TEST_PASSWORD, &status, NULL);

    g_assert_cmpuint (status, ==, 403);
    g_assert_nonnull (strstr (text, "\"field\":\"username\""));
  }

  /* The tenth failure within a minute, then this computer waits: as long as the header says. */
  {
    g_autofree char *retry_after = NULL;
    g_autofree char *text = login_raw (server, "nobody.else", "wrong-guess", &status, NULL);

    g_assert_cmpuint (status, ==, 401);
    g_free (text);
    text = login_raw (server, "fine.user", HALL_TEST_PASSWORD, &status, &retry_after);
    g_test_message ("after ten failures: %u %s, Retry-After %s", status, text, retry_after);
    g_assert_cmpuint (status, ==, 429);
    g_assert_nonnull (retry_after);
    g_assert_cmpint (g_ascii_strtoll (retry_after, NULL, 10), >=, 1);
    g_assert_cmpint (g_ascii_strtoll (retry_after, NULL, 10), <=, 60);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/security/signin-same-answer", test_signin_same_answer);

  return g_test_run ();
}
