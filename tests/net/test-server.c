/* test-server.c — xinfang-hall-server as a client on the LAN sees it: health, commands, TLS,
 * the sign-in rate limit, the command line and the server's life with the test (the change feed
 * and connections: test-server-feed.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <unistd.h>

#include "hall-test-server.h"
#include "hall-test-util.h"
#include "hall-tls.h"

/* ---- tests -------------------------------------------------------------------------------- */

static void
test_health (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_autofree char *text = NULL;
  g_autoptr (JsonObject) health = NULL;
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (GBytes) body = NULL;
  SoupMessageHeaders *headers;
  guint               status = 0;

  g_assert_true (g_str_has_prefix (server->url, "http://127.0.0.1:"));

  msg = hall_test_server_message_new (server, "GET", "/api/v1/health");
  body = soup_session_send_and_read (server->session, msg, NULL, NULL);
  g_assert_nonnull (body);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
  headers = soup_message_get_response_headers (msg);
  g_assert_cmpstr (soup_message_headers_get_one (headers, "Cache-Control"), ==, "no-store");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "X-Content-Type-Options"), ==, "nosniff");
  g_assert_true (
      g_str_has_prefix (soup_message_headers_get_content_type (headers, NULL), "application/json"));

  text = g_strndup (g_bytes_get_data (body, NULL), g_bytes_get_size (body));
  health = hall_test_parse_object (text);
  g_assert_true (json_object_get_boolean_member (health, "ok"));
  g_assert_cmpint (json_object_get_int_member (health, "api_version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (health, "hall_name"), ==, "信访超市");
  g_assert_cmpint (json_object_get_int_member (health, "last_seq"), >=, 0);
  g_assert_cmpstr (json_object_get_string_member (health, "version"), ==, PACKAGE_VERSION);
  g_assert_false (json_object_get_boolean_member (health, "tls"));

  /* Anything but GET is refused with a JSON answer. */
  g_free (text);
  text = hall_test_server_request (server, "POST", "/api/v1/health", NULL, "{}", 2, &status);
  g_assert_cmpuint (status, ==, 405);
  g_assert_nonnull (strstr (text, "\"error\""));

  /* Nothing is served outside the API. */
  g_free (text);
  text = hall_test_server_request (server, "GET", "/", NULL, NULL, 0, &status);
  g_assert_cmpuint (status, ==, 404);
  g_assert_nonnull (strstr (text, "not_found"));
}

static void
test_login_and_command (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_autofree char *token = NULL;
  g_autofree char *admin = NULL;
  g_autoptr (JsonObject) whoami = NULL;
  g_autoptr (JsonObject) users = NULL;
  g_autoptr (JsonObject) renamed = NULL;
  g_autoptr (JsonObject) error = NULL;
  g_autofree char *text = NULL;
  guint            status = 0;

  hall_test_server_add_user (server, "wang.fang", "staff", "chengjian", NULL);
  token = hall_test_server_login (server, "wang.fang", NULL, 2);
  g_assert_nonnull (token);

  whoami = hall_test_server_ok (server, token, "session.whoami", NULL);
  g_assert_cmpstr (json_object_get_string_member (whoami, "role"), ==, "staff");
  g_assert_cmpint (json_object_get_int_member (whoami, "counter_id"), ==, 2);
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (whoami, "user"), "username"),
      ==, "wang.fang");

  /* The role table holds over HTTP, with the error shape of the LAN contract. */
  error = hall_test_server_fails (server, token, "user.list", HALL_ERROR_FORBIDDEN, NULL, "{}");
  g_assert_true (json_object_get_null_member (error, "field"));

  admin = hall_test_server_add_user_login (server, "admin", "admin", NULL, 0);
  users = hall_test_server_ok (server, admin, "user.list", "{}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (users, "users")), ==, 2);

  /* A renamed hall shows in /health without a restart. */
  renamed = hall_test_server_ok (server, admin, "hall.configure", "{\"hall_name\": \"城关镇信访超市\"}");
  for (gint64 deadline = g_get_monotonic_time () + HALL_TEST_SERVER_TIMEOUT * G_USEC_PER_SEC;;)
    {
      g_autoptr (JsonObject) health = NULL;

      g_free (text);
      text = hall_test_server_request (server, "GET", "/api/v1/health", NULL, NULL, 0, &status);
      health = hall_test_parse_object (text);
      if (g_strcmp0 (json_object_get_string_member (health, "hall_name"), "城关镇信访超市") == 0)
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      hall_test_pump (20);
    }

  /* A command whose name starts like the change feed's path is still a command. */
  {
    g_autoptr (JsonObject) events =
        hall_test_server_ok (server, admin, "events.since", "{\"since\": 0}");

    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (events, "events")), >=,
                      2);
  }

  /* Signing out ends the token. */
  g_clear_pointer (&whoami, json_object_unref);
  whoami = hall_test_server_ok (server, token, "session.logout", "{}");
  g_clear_pointer (&error, json_object_unref);
  error = hall_test_server_fails (server, token, "session.whoami", HALL_ERROR_UNAUTHENTICATED, NULL,
                                  NULL);
}

static void
test_tls (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_TLS);
  g_autofree char *tls_dir = hall_tls_dir_for_database (server->database);
  g_autofree char *cert_path = g_build_filename (tls_dir, "cert.pem", NULL);
  g_autofree char *key_path = g_build_filename (tls_dir, "key.pem", NULL);
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *first = NULL;
  g_autofree char *token = NULL;
  g_autoptr (JsonObject) whoami = NULL;
  GStatBuf st;

  g_assert_true (g_str_has_prefix (server->url, "https://127.0.0.1:"));

  /* The fingerprint printed at start is the certificate's. */
  certificate = g_tls_certificate_new_from_files (cert_path, key_path, &error);
  g_assert_no_error (error);
  fingerprint = hall_tls_fingerprint (certificate);
  g_assert_cmpuint (strlen (fingerprint), ==, 32 * 3 - 1);
  g_assert_true (g_regex_match_simple ("^([0-9A-F]{2}:){31}[0-9A-F]{2}$", fingerprint, 0, 0));
  g_assert_cmpstr (server->fingerprint, ==, fingerprint);

  /* The private key is for the server's eyes only. */
  g_assert_cmpint (g_stat (key_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0077, ==, 0);

  /* With the pinned fingerprint, everything works over HTTPS. */
  hall_test_server_add_user (server, "li.ming", "manager", NULL, NULL);
  token = hall_test_server_login (server, "li.ming", NULL, 0);
  whoami = hall_test_server_ok (server, token, "session.whoami", NULL);
  g_assert_cmpstr (json_object_get_string_member (whoami, "role"), ==, "manager");

  /* A client that does not trust it cannot talk to it. */
  {
    g_autoptr (SoupSession) stranger = soup_session_new ();
    g_autofree char *uri = g_strconcat (server->url, "/api/v1/health", NULL);
    g_autoptr (SoupMessage) msg = soup_message_new ("GET", uri);
    g_autoptr (GBytes) body = soup_session_send_and_read (stranger, msg, NULL, &error);

    g_assert_null (body);
    g_assert_error (error, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE);
    g_clear_error (&error);
  }

  /* Plain HTTP is not spoken on the TLS port. */
  {
    g_autofree char *plain = g_strdup_printf ("http://127.0.0.1:%u/api/v1/health", server->port);
    g_autoptr (SoupMessage) msg = soup_message_new ("GET", plain);
    g_autoptr (SoupSession) session = soup_session_new_with_options ("timeout", 30, NULL);
    g_autoptr (GBytes) body = soup_session_send_and_read (session, msg, NULL, &error);

    g_assert_true (body == NULL || soup_message_get_status (msg) != 200);
    g_clear_error (&error);
  }

  /* A restart keeps the certificate: clients that pinned it keep working. */
  first = g_strdup (server->fingerprint);
  hall_test_server_restart (server);
  g_assert_cmpstr (server->fingerprint, ==, first);
  g_clear_pointer (&whoami, json_object_unref);
  whoami = hall_test_server_ok (server, token, "session.whoami", NULL);
}

static void
test_plain_refused_off_loopback (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_NO_START);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int              code = 0;

  out = hall_test_server_run_cli (server, NULL, &code, &err, "serve", "--database",
                                  server->database, "--listen", "0.0.0.0:0", "--plain", NULL);
  g_assert_cmpint (code, ==, 2);
  g_assert_nonnull (strstr (err, "loopback"));
  g_assert_false (g_file_test (server->database, G_FILE_TEST_EXISTS));

  g_free (out);
  g_free (err);
  out = hall_test_server_run_cli (server, NULL, &code, &err, "serve", "--database",
                                  server->database, "--listen", "hall.example:80", NULL);
  g_assert_cmpint (code, ==, 2);
  g_assert_nonnull (strstr (err, "HOST:PORT"));
}

static void
test_login_rate_limit (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_autoptr (JsonObject) error = NULL;

  hall_test_server_add_user (server, "zhao.lei", "staff", "minzheng", NULL);

  /* Ten wrong passwords from one computer, then it has to wait, whatever the account. */
  for (guint i = 0; i < 10; i++)
    {
      g_clear_pointer (&error, json_object_unref);
      error = hall_test_server_fails (
          server, NULL, "session.login", HALL_ERROR_UNAUTHENTICATED, "password",
          "{\"username\": \"nobody%u\", \"password\": \"guess-%u\"}", i, i);
    }
  g_clear_pointer (&error, json_object_unref);
  error = hall_test_server_fails (
      server, NULL, "session.login", HALL_ERROR_RATE_LIMITED, "password",
      "{\"username\": \"zhao.lei\", \"password\": \"" HALL_TEST_PASSWORD "\"}");
}

static void
test_cli (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_autofree char *admin = hall_test_server_add_user_login (server, "admin", "admin", NULL, 0);
  g_autofree char *backup = g_build_filename (server->dir, "copy.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr (JsonObject) answer = NULL;
  g_autoptr (JsonObject) error = NULL;
  int code = -1;

  /* add-user: roles repeated or comma-separated; mistakes name what to fix and create nothing. */
  out = hall_test_server_run_cli (server, "password123\n", &code, &err, "add-user", "--database",
                                  server->database, "--username", "chen.jie", "--role",
                                  "staff,manager", "--role", "leader", "--department", "renshe",
                                  NULL);
  g_assert_cmpint (code, ==, 0);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out =
      hall_test_server_run_cli (server, "password123\n", &code, &err, "add-user", "--database",
                                server->database, "--username", "bad.role", "--role", "boss", NULL);
  g_assert_cmpint (code, ==, 1);
  g_assert_nonnull (strstr (err, "roles"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = hall_test_server_run_cli (server, "short\n", &code, &err, "add-user", "--database",
                                  server->database, "--username", "short.pw", "--role", "staff",
                                  NULL);
  g_assert_cmpint (code, ==, 1);
  g_assert_nonnull (strstr (err, "password"));
  answer = hall_test_server_ok (server, admin, "user.list", "{}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (answer, "users")), ==, 2);

  /* backup while the server runs, then check the copy. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = hall_test_server_run_cli (server, NULL, &code, &err, "backup", "--database",
                                  server->database, "--to", backup, NULL);
  g_assert_cmpint (code, ==, 0);
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = hall_test_server_run_cli (server, NULL, &code, &err, "check", "--database", backup, NULL);
  g_assert_cmpint (code, ==, 0);
  g_assert_nonnull (strstr (out, "integrity: ok"));
  g_assert_nonnull (strstr (out, "audit trail: ok"));

  /* An audit row changed with plain SQL on the copy: check names it and fails. */
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open_v2 (backup, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
    g_assert_cmpint (
        sqlite3_exec (db, "UPDATE audit SET client_address = '10.0.0.9' WHERE id = 2", NULL, NULL,
                      NULL),
        ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = hall_test_server_run_cli (server, NULL, &code, &err, "check", "--database", backup, NULL);
  g_assert_cmpint (code, ==, 1);
  g_assert_nonnull (strstr (out, "audit row 2 was altered"));

  /* A backup never overwrites the database; backup and check never create an empty one. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = hall_test_server_run_cli (server, NULL, &code, &err, "backup", "--database",
                                  server->database, "--to", server->database, NULL);
  g_assert_cmpint (code, ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  {
    g_autofree char *missing = g_build_filename (server->dir, "missing.db", NULL);

    out =
        hall_test_server_run_cli (server, NULL, &code, &err, "check", "--database", missing, NULL);
    g_assert_cmpint (code, ==, 1);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  /* The admin does the same over the network; only the command line picks the file. */
  g_clear_pointer (&answer, json_object_unref);
  answer = hall_test_server_ok (server, admin, "hall.check", "{}");
  g_assert_true (json_object_get_boolean_member (answer, "ok"));
  g_clear_pointer (&answer, json_object_unref);
  answer = hall_test_server_ok (server, admin, "hall.backup", "{}");
  g_assert_true (
      g_str_has_prefix (json_object_get_string_member (answer, "path"), server->database));
  g_assert_true (
      g_file_test (json_object_get_string_member (answer, "path"), G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (json_object_get_int_member (answer, "size"), >, 0);
  error = hall_test_server_fails (server, admin, "hall.backup", HALL_ERROR_FORBIDDEN, "to",
                                  "{\"to\": \"/tmp/stolen.db\"}");
  g_assert_false (g_file_test ("/tmp/stolen.db", G_FILE_TEST_EXISTS));

  /* Usage mistakes: exit status 2 and a hint. */
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = hall_test_server_run_cli (server, NULL, &code, &err, "frobnicate", NULL);
  g_assert_cmpint (code, ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  out = hall_test_server_run_cli (server, NULL, &code, &err, "backup", "--database",
                                  server->database, NULL);
  g_assert_cmpint (code, ==, 2);
  g_assert_nonnull (strstr (err, "--to"));
}

/* Where a test started in a subprocess notes its server, for the test that started it. */
static char *
orphan_note_path (int test_pid)
{
  g_autofree char *name = g_strdup_printf ("hall-server-orphan-%d", test_pid);

  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static gboolean
process_is_gone (int pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *stat = NULL;
  const char      *end;

  if (!g_file_get_contents (path, &stat, NULL, NULL))
    return TRUE;
  /* "PID (COMM) STATE …": killed but not yet reaped by whoever adopted it counts as gone. */
  end = strrchr (stat, ')');
  return end != NULL && (end[2] == 'Z' || end[2] == 'X');
}

/* A test that aborts with its server running takes the server with it. */
static void
test_server_dies_with_test (void)
{
  g_autofree char *note = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  gint64 deadline;
  int    pid;

  if (g_test_subprocess ())
    {
      HallTestServer *server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);

      note = orphan_note_path (getppid ());
      text = g_strdup_printf ("%d\n%s\n", (int) hall_test_server_get_pid (server), server->dir);
      g_assert_true (g_file_set_contents (note, text, -1, NULL));
      g_error ("A test fails with its server running");
    }

  note = orphan_note_path (getpid ());
  g_test_trap_subprocess (NULL, HALL_TEST_SERVER_TIMEOUT * G_USEC_PER_SEC,
                          G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_assert_true (g_file_get_contents (note, &text, NULL, NULL));
  g_unlink (note);
  lines = g_strsplit (text, "\n", -1);
  pid = (int) g_ascii_strtoll (lines[0], NULL, 10);
  g_assert_cmpint (pid, >, 0);

  for (deadline = g_get_monotonic_time () + HALL_TEST_SERVER_TIMEOUT * G_USEC_PER_SEC;
       !process_is_gone (pid) && g_get_monotonic_time () < deadline;)
    hall_test_pump (10);
  g_assert_true (process_is_gone (pid));
  hall_test_rm_rf (lines[1]);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/health", test_health);
  g_test_add_func ("/server/login-and-command", test_login_and_command);
  g_test_add_func ("/server/tls", test_tls);
  g_test_add_func ("/server/plain-refused-off-loopback", test_plain_refused_off_loopback);
  g_test_add_func ("/server/login-rate-limit", test_login_rate_limit);
  g_test_add_func ("/server/cli", test_cli);
  g_test_add_func ("/server/dies-with-test", test_server_dies_with_test);

  return g_test_run ();
}
