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
post_raw (HallTestServer *server,
          const char     *token,
          const char     *command,
          const char     *body,
          guint          *status,
          char          **retry_after)
{
  g_autofree char *path = g_strconcat ("/api/v1/", command, NULL);
  g_autoptr (SoupMessage) msg = hall_test_server_message_new (server, "POST", path);
  g_autoptr (GBytes) bytes = g_bytes_new (body, strlen (body));
  g_autoptr (GBytes) answer = NULL;
  g_autoptr (GError) error = NULL;
  const char *data;
  gsize       length = 0;

  if (token != NULL)
    {
      g_autofree char *header = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    header);
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
login_raw (HallTestServer *server,
           const char     *username,
           const char     *password,
           guint          *status,
           char          **retry_after)
{
  g_autofree char *body = g_strdup_printf ("{\"username\": \"%s\", \"password\": \"%s\"}", username,
                                           password);

  return post_raw (server, NULL, "session.login", body, status, retry_after);
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
  guint       status = 0;

  hall_test_server_add_user (server, "locked.user", "staff", "minzheng", NULL);
  hall_test_server_add_user (server, "out.user", "staff", "minzheng", NULL);
  hall_test_server_add_user (server, "fine.user", "staff", "minzheng", NULL);
  locked = hall_test_server_ok (server, admin, "user.set_locked",
                                "{\"user_id\": %" G_GINT64_FORMAT ", \"locked\": true}",
                                hall_test_server_user_id (server, admin, "locked.user"));
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
  g_assert_cmpstr (
      expected, ==,
      "{\"error\":{\"code\":\"unauthenticated\",\"message\":\"Wrong username or password.\","
      "\"field\":\"password\"}}");

  /* The right password may tell the truth, and Retry-After says the real wait. */
  {
    g_autofree char *retry_after = NULL;
    g_autofree char *text =
        login_raw (server, "out.user", HALL_TEST_PASSWORD, &status, &retry_after);
    g_autoptr (JsonObject) answer = hall_test_parse_object (text);
    JsonObject *error = json_object_get_object_member (answer, "error");
    gint64      seconds;

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

/* ---- the kiosk -------------------------------------------------------------------------- */

/* The member names of @object, sorted and joined: two answers of the same shape match. */
static char *
member_names (JsonObject *object)
{
  g_autoptr (GList) names =
      g_list_sort (json_object_get_members (object), (GCompareFunc) g_strcmp0);
  GString *out = g_string_new (NULL);

  for (GList *l = names; l != NULL; l = l->next)
    g_string_append_printf (out, "%s,", (const char *) l->data);
  return g_string_free (out, FALSE);
}

static JsonObject *
kiosk_issue (HallTestServer *server,
             const char     *kiosk,
             const char     *name,
             const char     *id_number)
{
  g_autoptr (JsonObject) issued = hall_test_server_ok (server, kiosk, "ticket.issue",
                                                       "{\"department_id\": 2, \"petitioner\": "
                                                       "{\"name\": \"%s\", \"id_number\": \"%s\"}}",
                                                       name, id_number);
  g_autofree char *text = NULL;
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), issued);

  text = json_to_string (node, FALSE);
  g_test_message ("kiosk, %s %s: %s", name, id_number, text);
  g_assert_null (strstr (text, "张"));
  g_assert_null (strstr (text, "*"));
  g_assert_true (json_object_get_null_member (issued, "repeat_visits"));
  g_assert_false (
      json_object_has_member (json_object_get_object_member (issued, "ticket"), "petitioner_id"));
  return g_steal_pointer (&issued);
}

static void
test_kiosk_no_oracle (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_autofree char *kiosk = hall_test_server_add_user_login (server, "kiosk1", "kiosk", NULL, 0);
  g_autofree char *manager =
      hall_test_server_add_user_login (server, "m.manager", "manager", NULL, 1);
  g_autoptr (JsonObject) first = NULL;
  g_autoptr (JsonObject) known = NULL;
  g_autoptr (JsonObject) fresh = NULL;
  g_autoptr (JsonObject) same = NULL;
  g_autoptr (JsonObject) registered = NULL;
  g_autofree char *known_shape = NULL;
  g_autofree char *fresh_shape = NULL;
  g_autofree char *known_ticket_shape = NULL;
  g_autofree char *fresh_ticket_shape = NULL;

  /* 张建国 came before, and has a matter. */
  first = kiosk_issue (server, kiosk, "张建国", "430102198503151236");
  registered = hall_test_server_ok (
      server, manager, "matter.register",
      "{\"channel\": \"visit\", \"type\": \"claim\", \"content\": \"漏水\", "
      "\"petitioners\": [{\"name\": \"张建国\", \"id_number\": \"430102198503151236\"}]}");

  /* His ID number under another name, a fresh one, and his own: the same kind of answer. */
  known = kiosk_issue (server, kiosk, "王五", "430102198503151236");
  fresh = kiosk_issue (server, kiosk, "王五", "431228198001151236");
  same = kiosk_issue (server, kiosk, "张建国", "430102198503151236");
  known_shape = member_names (known);
  fresh_shape = member_names (fresh);
  g_assert_cmpstr (known_shape, ==, fresh_shape);
  known_ticket_shape = member_names (json_object_get_object_member (known, "ticket"));
  fresh_ticket_shape = member_names (json_object_get_object_member (fresh, "ticket"));
  g_assert_cmpstr (known_ticket_shape, ==, fresh_ticket_shape);
  /* The mismatched ticket went out without a petitioner: the window asks the visitor. */
  {
    g_autoptr (JsonObject) got = hall_test_server_ok (
        server, manager, "ticket.get", "{\"ticket_id\": %" G_GINT64_FORMAT "}",
        json_object_get_int_member (json_object_get_object_member (known, "ticket"), "id"));

    g_assert_true (json_object_get_null_member (json_object_get_object_member (got, "ticket"),
                                                "petitioner_id"));
  }

  /* Internal ids cannot be named from a kiosk, whether or not someone has them. */
  {
    g_autoptr (JsonObject) e1 = NULL;
    g_autoptr (JsonObject) e2 = NULL;

    e1 = hall_test_server_fails (server, kiosk, "ticket.issue", HALL_ERROR_INVALID_ARGUMENT,
                                 "petitioner.id",
                                 "{\"department_id\": 2, \"petitioner\": {\"id\": 1}}");
    e2 = hall_test_server_fails (server, kiosk, "ticket.issue", HALL_ERROR_INVALID_ARGUMENT,
                                 "petitioner.id",
                                 "{\"department_id\": 2, \"petitioner\": {\"id\": 99999}}");
    g_assert_cmpstr (json_object_get_string_member (e1, "message"), ==,
                     json_object_get_string_member (e2, "message"));
  }

  /* Guessing query codes: a number on record and one nobody has get the same answers, the
   * lock included; the right code waits for the lock like a wrong one. */
  {
    const char      *number = json_object_get_string_member (registered, "number");
    const char      *code = json_object_get_string_member (registered, "query_code");
    const char      *wrong = g_str_equal (code, "000000") ? "111111" : "000000";
    g_autofree char *unknown = g_strdup_printf ("%.7s999999", number);
    g_autoptr (JsonObject) bad = NULL;

    for (guint i = 0; i < 6; i++)
      {
        guint            s1 = 0, s2 = 0;
        g_autofree char *a = NULL;
        g_autofree char *b = NULL;
        g_autofree char *body1 = g_strdup_printf ("{\"number\": \"%s\", \"query_code\": \"%s\"}",
                                                  number, i < 5 ? wrong : code);
        g_autofree char *body2 = g_strdup_printf ("{\"number\": \"%s\", \"query_code\": \"%s\"}",
                                                  unknown, i < 5 ? wrong : code);

        a = post_raw (server, kiosk, "status.query", body1, &s1, NULL);
        b = post_raw (server, kiosk, "status.query", body2, &s2, NULL);
        g_test_message ("status.query %u: %u %s / %u %s", i, s1, a, s2, b);
        g_assert_cmpuint (s1, ==, i < 5 ? 404 : 429);
        g_assert_cmpuint (s1, ==, s2);
        g_assert_cmpstr (a, ==, b);
      }
    bad =
        hall_test_server_fails (server, kiosk, "status.query", HALL_ERROR_INVALID_ARGUMENT,
                                "number", "{\"number\": \"1 OR 1=1\", \"query_code\": \"123456\"}");
  }

  /* What the kiosk is told about a known person fills gaps, never replaces what a window took
   * down: whoever knows a name and an ID number cannot redirect the hall's calls. */
  {
    g_autoptr (JsonObject) told = NULL;
    g_autoptr (JsonObject) person = NULL;
    JsonObject *found;
    gint64      id =
        json_array_get_int_element (json_object_get_array_member (registered, "petitioner_ids"), 0);

    g_autoptr (JsonObject) set = hall_test_server_ok (
        server, manager, "matter.register",
        "{\"channel\": \"visit\", \"type\": \"claim\", \"content\": \"漏水又犯\", "
        "\"petitioners\": [{\"name\": \"张建国\", \"id_number\": \"430102198503151236\", "
        "\"phone\": \"13807311111\"}]}");
    told = hall_test_server_ok (server, kiosk, "ticket.issue",
                                "{\"department_id\": 2, \"petitioner\": {\"name\": \"张建国\", "
                                "\"id_number\": \"430102198503151236\", \"phone\": "
                                "\"13900000000\", \"address\": \"芙蓉路1号\"}}");
    person = hall_test_server_ok (server, manager, "petitioner.lookup",
                                  "{\"petitioner_id\": %" G_GINT64_FORMAT "}", id);
    found = json_array_get_object_element (json_object_get_array_member (person, "persons"), 0);
    g_assert_cmpstr (json_object_get_string_member (found, "phone"), ==, "13807311111");
    /* The address was missing: the kiosk's fills it. */
    g_assert_cmpstr (json_object_get_string_member (found, "address"), ==, "芙蓉路1号");
  }
  (void) first;
  (void) same;
}

/* ---- HTTP framing --------------------------------------------------------------------------- */

/* Sends @head over a raw connection, then up to @body_bytes of body while reading whatever the
 * server answers; returns the answer. @sent gets the body bytes that went out, @closed whether
 * the server closed (or reset) the connection within 10 s. */
static char *
raw_exchange (HallTestServer *server,
              const char     *head,
              gsize           body_bytes,
              gsize          *sent,
              gboolean       *closed)
{
  static char junk[64 * 1024];
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  g_autoptr (GSocketConnection) connection = NULL;
  g_autoptr (GError) error = NULL;
  GString *answer = g_string_new (NULL);
  gint64   deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  gsize    head_sent = 0;
  GSocket *socket;

  memset (junk, 'x', sizeof junk);
  connection = g_socket_client_connect_to_host (client, "127.0.0.1", server->port, NULL, &error);
  g_assert_no_error (error);
  socket = g_socket_connection_get_socket (connection);
  g_socket_set_blocking (socket, FALSE);
  *sent = 0;
  *closed = FALSE;

  while (!*closed && g_get_monotonic_time () < deadline)
    {
      char     buffer[4096];
      gboolean sending = head_sent < strlen (head) || *sent < body_bytes;
      gssize   n;

      g_socket_condition_timed_wait (socket, G_IO_IN | (sending ? G_IO_OUT : 0), 100000, NULL,
                                     NULL);
      n = g_socket_receive (socket, buffer, sizeof buffer, NULL, &error);
      if (n > 0)
        g_string_append_len (answer, buffer, n);
      else if (n == 0 || !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_WOULD_BLOCK))
        *closed = TRUE;
      g_clear_error (&error);
      if (*closed || !sending)
        continue;

      if (head_sent < strlen (head))
        n = g_socket_send (socket, head + head_sent, strlen (head) - head_sent, NULL, &error);
      else
        n = g_socket_send (socket, junk, MIN (sizeof junk, body_bytes - *sent), NULL, &error);
      if (n > 0 && head_sent < strlen (head))
        head_sent += n;
      else if (n > 0)
        *sent += n;
      g_clear_error (&error);
    }
  return g_string_free (answer, FALSE);
}

/* Asserts @answer is exactly one answer with @status and, unless NULL, the error @code in the
 * LAN contract's shape, saying it closes. */
static void
assert_one_answer (const char *answer,
                   guint       status,
                   const char *code)
{
  g_autofree char *status_line = g_strdup_printf ("HTTP/1.1 %u ", status);
  g_autofree char *code_text = g_strdup_printf ("\"code\":\"%s\"", code);
  const char      *body = strstr (answer, "\r\n\r\n");

  g_assert_true (g_str_has_prefix (answer, status_line));
  g_assert_nonnull (body);
  /* Nothing after it was read as a request of its own. */
  g_assert_null (strstr (body, "HTTP/"));
  if (code == NULL)
    return;
  g_assert_nonnull (strstr (answer, "Connection: close\r\n"));
  g_assert_nonnull (strstr (answer, "X-Content-Type-Options: nosniff\r\n"));
  g_assert_nonnull (strstr (body, code_text));
}

static void
test_http_framing (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  /* libsoup refuses a Content-Length with letters in it itself, with an empty 400; the others
   * it would have read one way or another. */
  static const struct
  {
    const char *name;
    const char *request;
    const char *code;
  } bad[] = {
    { "conflicting Content-Length",
      "Content-Length: 2\r\nContent-Length: 60\r\n\r\n"
      "{}POST /api/v1/hall.info HTTP/1.1\r\nHost: x\r\n\r\n",
      "invalid_argument" },
    { "negative Content-Length", "Content-Length: -1\r\n\r\n{}", "invalid_argument" },
    { "Content-Length with junk", "Content-Length: 2x\r\n\r\n{}", NULL },
    { "Content-Length with a sign", "Content-Length: +2\r\n\r\n{}", "invalid_argument" },
    { "Content-Length not a number", "Content-Length: x10\r\n\r\n{}", NULL },
    { "bad chunk size",
      "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"
      "POST /api/v1/hall.info HTTP/1.1\r\nHost: x\r\n\r\n",
      "invalid_argument" },
    { "negative chunk size", "Transfer-Encoding: chunked\r\n\r\n-2\r\n{}\r\n0\r\n\r\n",
      "invalid_argument" },
    { "Content-Length and chunks",
      "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n"
      "2\r\n{}\r\n0\r\n\r\n",
      "invalid_argument" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *head = g_strconcat ("POST /api/v1/hall.info HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                           "Content-Type: application/json\r\n",
                                           bad[i].request, NULL);
      gsize            sent = 0;
      gboolean         closed = FALSE;
      g_autofree char *answer = raw_exchange (server, head, 0, &sent, &closed);

      g_test_message ("%s: closed %d, %s", bad[i].name, closed, answer);
      assert_one_answer (answer, 400, bad[i].code);
      g_assert_true (closed);
    }

  /* 32 MiB announced: refused before the body is read, with or without Expect: 100-continue. */
  for (guint expect = 0; expect < 2; expect++)
    {
      g_autofree char *head =
          g_strdup_printf ("POST /api/v1/session.login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           "Content-Type: application/json\r\n%s"
                           "Content-Length: %u\r\n\r\n",
                           expect ? "Expect: 100-continue\r\n" : "", 32u << 20);
      gsize            sent = 0;
      gboolean         closed = FALSE;
      g_autofree char *answer = raw_exchange (server, head, expect ? 0 : 32u << 20, &sent, &closed);

      g_test_message ("32 MiB%s: %" G_GSIZE_FORMAT " bytes of body went out, closed %d, %s",
                      expect ? " with Expect: 100-continue" : "", sent, closed, answer);
      assert_one_answer (answer, 413, "too_large");
      g_assert_null (strstr (answer, "100 Continue"));
      g_assert_true (closed);
      g_assert_cmpuint (sent, <, 16u << 20);
    }

  /* A body of exactly 1 MiB is still read and answered. */
  {
    g_autofree char *head =
        g_strdup_printf ("POST /api/v1/hall.info HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                         "Content-Length: %u\r\nConnection: close\r\n\r\n",
                         1u << 20);
    gsize            sent = 0;
    gboolean         closed = FALSE;
    g_autofree char *answer = raw_exchange (server, head, 1u << 20, &sent, &closed);

    g_assert_cmpuint (sent, ==, 1u << 20);
    g_assert_true (g_str_has_prefix (answer, "HTTP/1.1 400 "));
    g_assert_nonnull (strstr (answer, "not valid JSON"));
  }
  g_assert_true (hall_test_server_wait_healthy (server, 10));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/security/signin-same-answer", test_signin_same_answer);
  g_test_add_func ("/security/kiosk-no-oracle", test_kiosk_no_oracle);
  g_test_add_func ("/security/http-framing", test_http_framing);

  return g_test_run ();
}
