/* hall-bench-feed.c — call latency with a change-feed subscriber that stopped reading
 *
 * A PC whose app hangs keeps its WebSocket open and stops reading. The hall must go on as fast
 * as without it, hold a bounded backlog for it, close it past that (4001) and let it resume from
 * the last seq it read (hall-event-stream.c). The stalled subscriber here lives in a main context
 * nobody runs while the calls go on, with a small socket buffer so that the server's own bound
 * is what the events reach.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-bench"

#include "config.h"

#include "hall-bench-feed.h"
#include "hall-bench-util.h"
#include "hall-error.h"
#include "hall-test-feed.h"
#include "hall-test-server.h"

typedef struct
{
  SoupWebsocketConnection *conn;
  GError                  *error;
  gboolean                 connected;
  gboolean                 closed;
  gushort                  close_code;
  gint64                   first_seq, last_seq;
  guint                    n_read;
  gboolean                 gap;
} Stalled;

static void
stalled_message_cb (SoupWebsocketConnection *conn,
                    gint                     type,
                    GBytes                  *message,
                    Stalled                 *stalled)
{
  g_autoptr (JsonNode) node = json_from_string (g_bytes_get_data (message, NULL), NULL);
  gint64 seq = node && JSON_NODE_HOLDS_OBJECT (node)
                   ? json_object_get_int_member_with_default (json_node_get_object (node), "seq", 0)
                   : 0;

  if (stalled->n_read++ == 0)
    stalled->first_seq = seq;
  else if (seq != stalled->last_seq + 1)
    stalled->gap = TRUE;
  stalled->last_seq = seq;
}

static void
stalled_closed_cb (SoupWebsocketConnection *conn,
                   Stalled                 *stalled)
{
  stalled->closed = TRUE;
  stalled->close_code = soup_websocket_connection_get_close_code (conn);
}

static void
stalled_connected_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  Stalled *stalled = user_data;

  stalled->conn = soup_session_websocket_connect_finish (SOUP_SESSION (object), result,
                                                         &stalled->error);
  stalled->connected = TRUE;
}

gint64
bench_feed_last_seq (HallTestHttp *client)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_strconcat (client->url, "/api/v1/health", NULL);
  g_autoptr (SoupMessage) msg = soup_message_new ("GET", uri);
  g_autoptr (GBytes) body = soup_session_send_and_read (client->session, msg, NULL, &error);
  g_autoptr (JsonNode) node =
      body ? json_from_string (g_bytes_get_data (body, NULL), &error) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    bench_die ("health", error);
  return json_object_get_int_member_with_default (json_node_get_object (node), "last_seq", 0);
}

/* Issue, call (timed), finish, @n times. */
static void
run_rounds (HallTestHttp *manager,
            HallTestHttp *staff,
            int           department_id,
            guint         n,
            GArray       *calls)
{
  g_autofree char *issue = g_strdup_printf ("{\"department_id\":%d}", department_id);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (JsonObject) ticket = bench_call (manager, "ticket.issue", issue);
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr (JsonObject) called = bench_call (staff, "counter.call_next", "{}");
      g_autofree char *finish = NULL;

      bench_samples_add_us (calls, g_get_monotonic_time () - t0);
      finish = g_strdup_printf (
          "{\"ticket_id\":%" G_GINT64_FORMAT ",\"outcome\":\"resolved\"}",
          json_object_get_int_member (json_object_get_object_member (called, "ticket"), "id"));
      json_object_unref (bench_call (staff, "ticket.finish", finish));
    }
}

static void
print_calls (const char *label,
             GArray     *calls)
{
  char value[64];

  g_snprintf (value, sizeof value, "p50 %.2f ms  p99 %.2f ms", bench_percentile (calls, 50),
              bench_percentile (calls, 99));
  bench_print_row (label, value, NULL);
}

/* Reconnects from the last seq @stalled read and checks every later event arrives once. */
static void
print_resume (HallTestHttp *subscriber,
              Stalled      *stalled,
              gint64        since)
{
  gint64        resume_from = stalled->n_read > 0 ? stalled->last_seq : since;
  gint64        newest = bench_feed_last_seq (subscriber);
  HallTestFeed *feed = hall_test_feed_start (subscriber->url, subscriber->token, resume_from);
  g_autoptr (GArray) events = NULL;
  gboolean whole;
  char     value[96];

  if (!hall_test_feed_wait_seq (feed, newest, 30000))
    bench_die ("the resumed change feed did not catch up within 30 s", NULL);
  events = hall_test_feed_dup_events (feed);
  whole = events->len >= (guint) (newest - resume_from);
  for (guint i = 0; whole && i < (guint) (newest - resume_from); i++)
    whole = g_array_index (events, HallTestFeedEvent, i).seq == resume_from + 1 + i;
  hall_test_feed_stop (feed);
  g_snprintf (value, sizeof value, "from seq %" G_GINT64_FORMAT ": %" G_GINT64_FORMAT " events, %s",
              resume_from, newest - resume_from, whole ? "every one, in order" : "SOME MISSING");
  bench_print_row ("  resumed", value, NULL);
}

void
bench_measure_stalled_feed (HallTestHttp *manager,
                            HallTestHttp *staff,
                            HallTestHttp *subscriber,
                            int           department_id,
                            guint         n_rounds,
                            double       *p50_none,
                            double       *p50_stalled)
{
  g_autoptr (GArray) none = bench_samples_new ();
  g_autoptr (GArray) with_stalled = bench_samples_new ();
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (SoupSession) session = NULL;
  g_autoptr (SoupMessage) msg = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *auth = NULL;
  Stalled          stalled = { 0 };
  gint64           since;
  char             value[96];

  g_print ("\nA change-feed subscriber that stops reading (%u rounds of issue, call, finish each)\n",
           n_rounds);
  run_rounds (manager, staff, department_id, n_rounds, none);

  since = bench_feed_last_seq (subscriber);
  uri = g_strdup_printf ("%s/api/v1/events?since=%" G_GINT64_FORMAT, subscriber->url, since);
  auth = g_strconcat ("Bearer ", subscriber->token, NULL);
  g_main_context_push_thread_default (context);
  session = soup_session_new_with_options ("timeout", 0, "idle-timeout", 0, NULL);
  msg = soup_message_new ("GET", uri);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  soup_session_websocket_connect_async (session, msg, NULL, NULL, G_PRIORITY_DEFAULT, NULL,
                                        stalled_connected_cb, &stalled);
  if (!hall_test_wait_for (&stalled.connected, 30) || stalled.conn == NULL)
    bench_die ("the stalled subscriber's change feed", stalled.error);
  g_signal_connect (stalled.conn, "message", G_CALLBACK (stalled_message_cb), &stalled);
  g_signal_connect (stalled.conn, "closed", G_CALLBACK (stalled_closed_cb), &stalled);
  hall_test_feed_shrink_receive_buffer (stalled.conn);
  g_main_context_pop_thread_default (context);

  /* Nothing runs @context meanwhile: the subscriber reads nothing. */
  run_rounds (manager, staff, department_id, n_rounds, with_stalled);

  *p50_none = bench_percentile (none, 50);
  *p50_stalled = bench_percentile (with_stalled, 50);
  print_calls ("counter.call_next, no other subscriber", none);
  print_calls ("counter.call_next, one stalled subscriber", with_stalled);

  /* Reading again, it finds what its socket held, then the close (if the server closed it). */
  g_main_context_push_thread_default (context);
  hall_test_wait_for (&stalled.closed, 10);
  g_main_context_pop_thread_default (context);
  if (stalled.closed)
    g_snprintf (value, sizeof value, "closed, code %u, after reading %u events%s",
                stalled.close_code, stalled.n_read, stalled.gap ? " WITH A GAP" : " in order");
  else
    g_snprintf (value, sizeof value, "still open after reading %u events (fewer than the bound)",
                stalled.n_read);
  bench_print_row ("  the stalled subscriber", value, NULL);
  print_resume (subscriber, &stalled, since);

  g_main_context_push_thread_default (context);
  g_signal_handlers_disconnect_by_data (stalled.conn, &stalled);
  if (soup_websocket_connection_get_state (stalled.conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (stalled.conn, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_clear_object (&stalled.conn);
  g_clear_object (&session);
  while (g_main_context_iteration (context, FALSE))
    ;
  g_main_context_pop_thread_default (context);
}
