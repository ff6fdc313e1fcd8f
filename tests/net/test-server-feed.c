/* test-server-feed.c — xinfang-hall-server as a client on the LAN sees it: the change feed over
 * WebSocket (closed with 1008 within a second of its session ending), a clean shutdown, and
 * connections the clients close or drop
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include <sqlite3.h>

#include "hall-test-feed.h"
#include "hall-test-server.h"
#include "hall-test-util.h"

/* ---- a change-feed subscriber ------------------------------------------------------------- */

typedef struct
{
  SoupWebsocketConnection *conn;
  GArray                  *seqs; /* every seq received, in order */
  gboolean                 closed;
  gushort                  close_code;
  guint                    want; /* wait_seqs(): how many seqs are wanted */
  gboolean                 have;
} Feed;

static void
feed_message_cb (SoupWebsocketConnection *conn,
                 gint                     type,
                 GBytes                  *message,
                 Feed                    *feed)
{
  g_autofree char *text = g_strndup (g_bytes_get_data (message, NULL), g_bytes_get_size (message));
  g_autoptr (JsonObject) event = hall_test_parse_object (text);
  gint64 seq = json_object_get_int_member (event, "seq");

  g_assert_cmpint (type, ==, SOUP_WEBSOCKET_DATA_TEXT);
  g_assert_true (json_object_has_member (event, "kind"));
  g_array_append_val (feed->seqs, seq);
  if (feed->seqs->len >= feed->want)
    feed->have = TRUE;
}

static void
feed_closed_cb (SoupWebsocketConnection *conn,
                Feed                    *feed)
{
  feed->closed = TRUE;
  feed->close_code = soup_websocket_connection_get_close_code (conn);
}

typedef struct
{
  gboolean                 done;
  SoupWebsocketConnection *conn;
  GError                  *error;
} Connecting;

static void
connected_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Connecting *c = user_data;

  c->conn = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &c->error);
  c->done = TRUE;
}

/* Opens /api/v1/events@query with @session, in the thread-default main context; returns the
 * HTTP status when the upgrade is refused. */
static Feed *
feed_open_with (SoupSession    *session,
                HallTestServer *server,
                const char     *token,
                const char     *query,
                guint          *refused_status)
{
  g_autofree char *path = g_strconcat ("/api/v1/events", query, NULL);
  g_autoptr (SoupMessage) msg = hall_test_server_message_new (server, "GET", path);
  Connecting c = { 0 };
  Feed      *feed;

  if (token != NULL)
    {
      g_autofree char *header = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    header);
    }
  soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        connected_cb, &c);
  g_assert_true (hall_test_wait_for (&c.done, HALL_TEST_SERVER_TIMEOUT));

  if (c.conn == NULL)
    {
      g_assert_nonnull (refused_status);
      *refused_status = soup_message_get_status (msg);
      g_clear_error (&c.error);
      return NULL;
    }
  g_assert_no_error (c.error);
  g_assert_null (refused_status);

  feed = g_new0 (Feed, 1);
  feed->conn = c.conn;
  feed->seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (feed->conn, "message", G_CALLBACK (feed_message_cb), feed);
  g_signal_connect (feed->conn, "closed", G_CALLBACK (feed_closed_cb), feed);
  return feed;
}

static Feed *
feed_open (HallTestServer *server,
           const char     *token,
           const char     *query,
           guint          *refused_status)
{
  return feed_open_with (server->session, server, token, query, refused_status);
}

static void
feed_wait_seqs (Feed *feed,
                guint n)
{
  feed->want = n;
  feed->have = feed->seqs->len >= n;
  if (!hall_test_wait_for (&feed->have, HALL_TEST_SERVER_TIMEOUT))
    g_error ("The change feed delivered %u events, not %u", feed->seqs->len, n);
}

static void
feed_free (Feed *feed)
{
  g_signal_handlers_disconnect_by_data (feed->conn, feed);
  if (soup_websocket_connection_get_state (feed->conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (feed->conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_object_unref (feed->conn);
  g_array_unref (feed->seqs);
  g_free (feed);
}

/* Seqs @from, @from + 1 … exactly, in order. */
static void
assert_seqs (Feed  *feed,
             gint64 from,
             guint  n)
{
  g_assert_cmpuint (feed->seqs->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (g_array_index (feed->seqs, gint64, i), ==, from + i);
}

static gint64
health_last_seq (HallTestServer *server)
{
  guint            status = 0;
  g_autofree char *text =
      hall_test_server_request (server, "GET", "/api/v1/health", NULL, NULL, 0, &status);
  g_autoptr (JsonObject) health = hall_test_parse_object (text);

  g_assert_cmpuint (status, ==, 200);
  return json_object_get_int_member (health, "last_seq");
}

/* One change-feed event per call: the hall's setting changes. */
static void
make_events (HallTestServer *server,
             const char     *admin,
             guint           n)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (JsonObject) answer = hall_test_server_ok (
          server, admin, "hall.configure", "{\"wait_norm_minutes\": %u}", 10 + i % 50);
    }
}

typedef struct
{
  guint    outstanding;
  gboolean all_done;
} Burst;

static void
burst_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Burst *burst = user_data;
  g_autoptr (GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);

  g_assert_nonnull (body);
  if (--burst->outstanding == 0)
    burst->all_done = TRUE;
}

/* @n hall.configure calls, many in flight at once: the engine commits them in groups. */
static void
make_events_async (HallTestServer *server,
                   const char     *admin,
                   guint           n,
                   Burst          *burst)
{
  g_autofree char *header = g_strconcat ("Bearer ", admin, NULL);

  burst->outstanding += n;
  burst->all_done = FALSE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (SoupMessage) msg =
          hall_test_server_message_new (server, "POST", "/api/v1/hall.configure");
      g_autofree char *body = g_strdup_printf ("{\"wait_norm_minutes\": %u}", 10 + i % 50);
      g_autoptr (GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    header);
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
      soup_session_send_and_read_async (server->session, msg, G_PRIORITY_DEFAULT, NULL,
                                        burst_done_cb, burst);
    }
}

/* A POST on a connection of its own, which the client closes once it has the answer: what a
 * libsoup client does with POSTs not marked idempotent when it drops its idle connections. */
static void
post_on_new_connection (HallTestServer *server,
                        const char     *token)
{
  g_autoptr (SoupSession) session =
      soup_session_new_with_options ("timeout", HALL_TEST_SERVER_TIMEOUT, NULL);
  g_autoptr (SoupMessage) msg =
      hall_test_server_message_new (server, "POST", "/api/v1/session.whoami");
  g_autofree char *header = g_strconcat ("Bearer ", token, NULL);
  g_autoptr (GBytes) request = g_bytes_new_static ("{}", 2);
  g_autoptr (GBytes) answer = NULL;
  g_autoptr (GError) error = NULL;

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", header);
  soup_message_set_request_body_from_bytes (msg, "application/json", request);
  answer = soup_session_send_and_read (session, msg, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (soup_message_get_status (msg), ==, 200);
}

/* Waits until the server has closed every connection the client closed. */
static void
assert_connections_closed (HallTestServer *server,
                           guint           baseline)
{
  if (!hall_test_server_wait_fds_at_most (server, baseline + 2, HALL_TEST_SERVER_TIMEOUT))
    g_error ("The server keeps %u files open (%u before) with %u connections in CLOSE-WAIT",
             hall_test_server_count_fds (server), baseline,
             hall_test_server_count_connections (server, HALL_TEST_TCP_CLOSE_WAIT));
}

/* ---- tests -------------------------------------------------------------------------------- */

static void
test_feed_resume (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_autofree char *admin = hall_test_server_add_user_login (server, "admin", "admin", NULL, 0);
  g_autofree char *display = hall_test_server_add_user_login (server, "wall", "display", NULL, 0);
  Feed            *feed;
  gint64           base;

  make_events (server, admin, 5);
  base = health_last_seq (server);
  g_assert_cmpint (base, >=, 5);

  /* Resuming from base - 3 gets exactly the three missing events, in order … */
  {
    g_autofree char *query = g_strdup_printf ("?since=%" G_GINT64_FORMAT, base - 3);
    feed = feed_open (server, display, query, NULL);
  }
  feed_wait_seqs (feed, 3);
  assert_seqs (feed, base - 2, 3);

  /* … then the live ones as they commit. */
  make_events (server, admin, 4);
  feed_wait_seqs (feed, 7);
  assert_seqs (feed, base - 2, 7);
  feed_free (feed);

  /* The token may come in the query, as browsers cannot set headers on a WebSocket. */
  {
    g_autofree char *query =
        g_strdup_printf ("?since=%" G_GINT64_FORMAT "&token=%s", base + 3, display);
    feed = feed_open (server, NULL, query, NULL);
  }
  feed_wait_seqs (feed, 1);
  assert_seqs (feed, base + 4, 1);
  feed_free (feed);
}

static void
test_feed_backlog_and_live (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_autofree char *admin = hall_test_server_add_user_login (server, "admin", "admin", NULL, 0);
  Burst            burst = { 0 };
  Feed            *feed;
  gint64           last;

  /* More than one page of backlog (1000 events a page) … */
  make_events_async (server, admin, 1100, &burst);
  g_assert_true (hall_test_wait_for (&burst.all_done, HALL_TEST_SERVER_TIMEOUT));
  last = health_last_seq (server);
  g_assert_cmpint (last, >=, 1100);

  /* … while more commit during the catch-up: every seq once, in order, none missing. */
  feed = feed_open (server, admin, "?since=0", NULL);
  make_events_async (server, admin, 200, &burst);
  g_assert_true (hall_test_wait_for (&burst.all_done, HALL_TEST_SERVER_TIMEOUT));
  last = health_last_seq (server);
  feed_wait_seqs (feed, last);
  assert_seqs (feed, 1, last);

  /* An event written by another process (the command line) is not lost either. */
  hall_test_server_add_user (server, "late", "staff", "minzheng", NULL);
  make_events (server, admin, 1);
  feed_wait_seqs (feed, last + 2);
  assert_seqs (feed, 1, last + 2);
  feed_free (feed);
}

/* A subscriber that stops reading does not hold the hall back: past a bounded backlog its feed is
 * closed with 4001, and it resumes from the last seq it read without losing an event. */
static void
test_feed_stalled (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_autofree char *admin = hall_test_server_add_user_login (server, "admin", "admin", NULL, 0);
  g_autoptr (GMainContext) stalled_context = g_main_context_new ();
  g_autoptr (SoupSession) stalled_session = NULL;
  Burst  burst = { 0 };
  Feed  *stalled, *live, *resumed;
  gint64 base = health_last_seq (server), last, read_up_to;
  guint  made = 0;

  /* The stalled subscriber lives in a main context nobody runs while the hall works on. */
  g_main_context_push_thread_default (stalled_context);
  stalled_session = soup_session_new_with_options ("timeout", 0, "idle-timeout", 0, NULL);
  {
    g_autofree char *query = g_strdup_printf ("?since=%" G_GINT64_FORMAT, base);
    stalled = feed_open_with (stalled_session, server, admin, query, NULL);
  }
  hall_test_feed_shrink_receive_buffer (stalled->conn);
  g_main_context_pop_thread_default (stalled_context);
  live = feed_open (server, admin, "?since=0", NULL);

  for (;;)
    {
      g_autofree char *log = hall_test_server_read_log (server);

      if (strstr (log, "events behind") != NULL)
        break;
      if (made >= 20000)
        g_error ("The stalled change feed was not closed after %u events", made);
      make_events_async (server, admin, 500, &burst);
      g_assert_true (hall_test_wait_for (&burst.all_done, HALL_TEST_SERVER_TIMEOUT));
      made += 500;
    }
  /* The one that reads got everything meanwhile. */
  last = health_last_seq (server);
  feed_wait_seqs (live, last);
  assert_seqs (live, 1, last);
  feed_free (live);

  /* Read again, the stalled one finds what its socket held, in order, then the close. */
  g_main_context_push_thread_default (stalled_context);
  g_assert_true (hall_test_wait_for (&stalled->closed, HALL_TEST_SERVER_TIMEOUT));
  g_main_context_pop_thread_default (stalled_context);
  g_assert_cmpuint (stalled->close_code, ==, 4001);
  g_assert_cmpuint (stalled->seqs->len, >, 0);
  assert_seqs (stalled, base + 1, stalled->seqs->len);
  read_up_to = base + stalled->seqs->len;
  g_assert_cmpint (read_up_to, <, last);

  /* Resuming from there misses nothing and repeats nothing. */
  {
    g_autofree char *query = g_strdup_printf ("?since=%" G_GINT64_FORMAT, read_up_to);
    resumed = feed_open (server, admin, query, NULL);
  }
  make_events (server, admin, 1);
  last = health_last_seq (server);
  feed_wait_seqs (resumed, last - read_up_to);
  assert_seqs (resumed, read_up_to + 1, last - read_up_to);
  feed_free (resumed);

  g_main_context_push_thread_default (stalled_context);
  feed_free (stalled);
  g_clear_object (&stalled_session);
  while (g_main_context_iteration (stalled_context, FALSE))
    ;
  g_main_context_pop_thread_default (stalled_context);
}

static void
test_feed_refused (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_autofree char *token = hall_test_server_add_user_login (server, "kiosk1", "kiosk", NULL, 0);
  g_autofree char *text = NULL;
  guint            status = 0;

  g_assert_null (feed_open (server, NULL, "?since=0", &status));
  g_assert_cmpuint (status, ==, 401);
  g_assert_null (feed_open (server, "not-a-token", "?since=0", &status));
  g_assert_cmpuint (status, ==, 401);
  g_assert_null (feed_open (server, token, "?since=-4", &status));
  g_assert_cmpuint (status, ==, 400);
  g_assert_null (feed_open (server, token, "?since=abc", &status));
  g_assert_cmpuint (status, ==, 400);

  /* Not a WebSocket request: a JSON error, not a hang. */
  text =
      hall_test_server_request (server, "GET", "/api/v1/events?since=0", token, NULL, 0, &status);
  g_assert_cmpuint (status, ==, 400);
  g_assert_nonnull (strstr (text, "WebSocket"));
}

static void
test_shutdown (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_autofree char *admin = hall_test_server_add_user_login (server, "admin", "admin", NULL, 0);
  g_autofree char *log = NULL;
  g_autoptr (JsonObject) whoami = NULL;
  Feed  *feed;
  gint64 last;

  make_events (server, admin, 3);
  last = health_last_seq (server);
  feed = feed_open (server, admin, "?since=0", NULL);
  feed_wait_seqs (feed, last);

  /* SIGTERM: a clean exit, subscribers told the server is going away. */
  g_assert_cmpint (hall_test_server_stop (server), ==, 0);
  g_assert_true (hall_test_wait_for (&feed->closed, HALL_TEST_SERVER_TIMEOUT));
  g_assert_cmpuint (feed->close_code, ==, SOUP_WEBSOCKET_CLOSE_GOING_AWAY);
  feed_free (feed);
  log = hall_test_server_read_log (server);
  g_assert_nonnull (strstr (log, "Stopped"));

  /* Everything committed is there after the restart, sessions included. */
  hall_test_server_start (server);
  g_assert_cmpint (health_last_seq (server), ==, last);
  whoami = hall_test_server_ok (server, admin, "session.whoami", NULL);
}

/* Clients that open a connection per request and close it: the server closes its end too, so
 * its open files stay few however many requests come (libsoup 3.2 kept each one in CLOSE-WAIT). */
static void
check_closed_connections (HallTestServerFlags flags,
                          guint               n)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (flags);
  g_autofree char *token =
      hall_test_server_add_user_login (server, "wang.fang", "staff", "chengjian", 2);
  g_autoptr (JsonObject) whoami = NULL;
  guint baseline = hall_test_server_count_fds (server);
  guint peak = 0;

  for (guint i = 0; i < n; i++)
    {
      post_on_new_connection (server, token);
      if (i % 50 == 49)
        peak = MAX (peak, hall_test_server_count_fds (server));
    }
  assert_connections_closed (server, baseline);
  g_test_message (
      "%u POSTs on connections of their own: %u open files before, at most %u while, %u after", n,
      baseline, peak, hall_test_server_count_fds (server));

  /* A change-feed subscriber that vanishes without a goodbye is let go as well. */
  {
    Feed *feed = feed_open (server, token, "?since=0", NULL);

    g_io_stream_close (soup_websocket_connection_get_io_stream (feed->conn), NULL, NULL);
    feed_free (feed);
  }
  assert_connections_closed (server, baseline);

  /* Still serving, on a kept-alive connection. */
  whoami = hall_test_server_ok (server, token, "session.whoami", NULL);
  g_assert_cmpuint (hall_test_server_count_connections (server, HALL_TEST_TCP_ESTABLISHED), <=, 2);
}

static void
test_connections_closed_plain (void)
{
  check_closed_connections (HALL_TEST_SERVER_PLAIN, 320);
}

static void
test_connections_closed_tls (void)
{
  check_closed_connections (HALL_TEST_SERVER_TLS, 60);
}

/* The client hangs up while its command waits for the database: the command still completes,
 * the answer goes nowhere, and the connection is closed. */
static void
test_client_gone_during_command (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_autofree char *admin = hall_test_server_add_user_login (server, "admin", "admin", NULL, 0);
  g_autoptr (GSocketClient) client = g_socket_client_new ();
  g_autoptr (GSocketConnection) connection = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *request = NULL;
  const char      *body = "{\"wait_norm_minutes\": 37}";
  guint            baseline = hall_test_server_count_fds (server);
  gint64           last = health_last_seq (server);
  gint64           deadline;
  sqlite3         *db = NULL;

  /* Another process holds the write lock, so the command waits (up to 5 s) on the engine. */
  g_assert_cmpint (sqlite3_open (server->database, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", server->port, NULL, &error);
  g_assert_no_error (error);
  request = g_strdup_printf ("POST /api/v1/hall.configure HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                             "Authorization: Bearer %s\r\nContent-Type: application/json\r\n"
                             "Content-Length: %zu\r\n\r\n%s",
                             admin, strlen (body), body);
  g_output_stream_write_all (g_io_stream_get_output_stream (G_IO_STREAM (connection)), request,
                             strlen (request), NULL, NULL, &error);
  g_assert_no_error (error);
  g_io_stream_close (G_IO_STREAM (connection), NULL, &error);
  g_assert_no_error (error);

  /* The server holds the request, its end of the connection waiting for the answer. */
  deadline = g_get_monotonic_time () + 4 * G_USEC_PER_SEC;
  while (hall_test_server_count_connections (server, HALL_TEST_TCP_CLOSE_WAIT) == 0
         && g_get_monotonic_time () < deadline)
    hall_test_pump (5);
  g_assert_cmpuint (hall_test_server_count_connections (server, HALL_TEST_TCP_CLOSE_WAIT), ==, 1);
  g_assert_cmpint (health_last_seq (server), ==, last);
  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_connections_closed (server, baseline);
  for (deadline = g_get_monotonic_time () + HALL_TEST_SERVER_TIMEOUT * G_USEC_PER_SEC;
       health_last_seq (server) == last && g_get_monotonic_time () < deadline;)
    hall_test_pump (20);
  g_assert_cmpint (health_last_seq (server), ==, last + 1);
}

/* ---- an ended session ends its feed ------------------------------------------------------ */

static void
test_feed_session_ended (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_autofree char *admin = hall_test_server_add_user_login (server, "admin", "admin", NULL, 0);
  const char      *ways[] = { "logout", "locked", "role-removed", "password-changed", "expired" };

  for (guint w = 0; w < G_N_ELEMENTS (ways); w++)
    {
      g_autofree char *username = g_strdup_printf ("wall%u", w);
      g_autofree char *token = NULL;
      g_autoptr (JsonObject) done = NULL;
      g_autofree char *untouched = NULL;
      Feed            *feed, *other;
      gint64           user_id, ended_at;
      guint            refused = 0;

      hall_test_server_add_user (server, username, "display,staff", "chengjian", NULL);
      token = hall_test_server_login (server, username, "display", 0);
      user_id = hall_test_server_user_id (server, admin, username);
      feed = feed_open (server, token, "", NULL);
      /* Another session's feed stays open throughout. */
      other = feed_open (server, admin, "", NULL);
      hall_test_pump (300);
      g_assert_false (feed->closed);

      if (g_str_equal (ways[w], "logout"))
        done = hall_test_server_ok (server, token, "session.logout", "{}");
      else if (g_str_equal (ways[w], "locked"))
        done =
            hall_test_server_ok (server, admin, "user.set_locked",
                                 "{\"user_id\": %" G_GINT64_FORMAT ", \"locked\": true}", user_id);
      else if (g_str_equal (ways[w], "role-removed"))
        done = hall_test_server_ok (server, admin, "user.update",
                                    "{\"user_id\": %" G_GINT64_FORMAT ", \"roles\": [\"staff\"]}",
                                    user_id);
      else if (g_str_equal (ways[w], "password-changed"))
        done = hall_test_server_ok (
            server, admin, "user.set_password",
            "{\"user_id\": %" G_GINT64_FORMAT ", \"password\": \"another-pw-1\"}", user_id);
      else
        {
          /* Twelve hours pass: the session's time is up in the database. */
          sqlite3         *db = NULL;
          g_autofree char *sql = g_strdup_printf (
              "UPDATE session SET expires_at = 1 WHERE user_id = %" G_GINT64_FORMAT, user_id);

          g_assert_cmpint (sqlite3_open (server->database, &db), ==, SQLITE_OK);
          sqlite3_busy_timeout (db, 10000);
          g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
          sqlite3_close (db);
        }

      ended_at = g_get_monotonic_time ();
      while (!feed->closed && g_get_monotonic_time () < ended_at + 5 * G_USEC_PER_SEC)
        hall_test_pump (10);
      g_test_message ("%s: feed closed %d with %u after %" G_GINT64_FORMAT " ms", ways[w],
                      feed->closed, feed->close_code, (g_get_monotonic_time () - ended_at) / 1000);
      g_assert_true (feed->closed);
      g_assert_cmpuint (feed->close_code, ==, SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION);
      g_assert_cmpint (g_get_monotonic_time () - ended_at, <=, G_USEC_PER_SEC);
      g_assert_false (other->closed);

      /* And the token opens no feed again. */
      g_assert_null (feed_open (server, token, "", &refused));
      g_assert_cmpuint (refused, ==, 401);
      feed_free (feed);
      feed_free (other);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/server/feed/resume", test_feed_resume);
  g_test_add_func ("/server/feed/backlog-and-live", test_feed_backlog_and_live);
  g_test_add_func ("/server/feed/refused", test_feed_refused);
  g_test_add_func ("/server/feed/stalled", test_feed_stalled);
  g_test_add_func ("/server/feed/session-ended", test_feed_session_ended);
  g_test_add_func ("/server/shutdown", test_shutdown);
  g_test_add_func ("/server/connections/closed-by-client", test_connections_closed_plain);
  g_test_add_func ("/server/connections/closed-by-client-tls", test_connections_closed_tls);
  g_test_add_func ("/server/connections/client-gone-during-command",
                   test_client_gone_during_command);

  return g_test_run ();
}
