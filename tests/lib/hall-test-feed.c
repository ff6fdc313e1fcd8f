/* hall-test-feed.c — a change-feed subscriber on its own thread, that resumes after a restart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>
#include <sys/socket.h>

#include "hall-test-feed.h"
#include "hall-test-http.h"

#define RECONNECT_MS 50

struct _HallTestFeed
{
  char *url;
  char *token;
  char *fingerprint;

  GThread                 *thread;
  GMainContext            *context;
  GMainLoop               *loop;
  SoupSession             *session;
  SoupWebsocketConnection *connection;
  GCancellable            *cancellable;
  guint                    reconnect_id;

  GMutex   lock;
  GCond    cond;
  GArray  *events; /* HallTestFeedEvent */
  gint64   last_seq;
  guint    connections;
  gboolean stopping;
};

static void connect_feed (HallTestFeed *feed);

static void
event_clear (gpointer data)
{
  HallTestFeedEvent *event = data;

  g_clear_pointer (&event->event, json_object_unref);
}

static gboolean
reconnect_cb (gpointer data)
{
  HallTestFeed *feed = data;

  feed->reconnect_id = 0;
  connect_feed (feed);
  return G_SOURCE_REMOVE;
}

static void
schedule_reconnect (HallTestFeed *feed)
{
  GSource *source;

  g_clear_object (&feed->connection);
  if (feed->stopping || feed->reconnect_id != 0)
    return;
  source = g_timeout_source_new (RECONNECT_MS);
  g_source_set_callback (source, reconnect_cb, feed, NULL);
  feed->reconnect_id = g_source_attach (source, feed->context);
  g_source_unref (source);
}

static void
message_cb (SoupWebsocketConnection *connection,
            int                      type,
            GBytes                  *message,
            gpointer                 data)
{
  HallTestFeed *feed = data;
  g_autoptr (JsonNode) node = NULL;
  HallTestFeedEvent event = { 0 };
  gsize             size;
  const char       *text = g_bytes_get_data (message, &size);
  g_autofree char  *copy = g_strndup (text, size);

  event.arrived_us = g_get_monotonic_time ();
  node = json_from_string (copy, NULL);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return;
  event.event = json_object_ref (json_node_get_object (node));
  event.seq = json_object_get_int_member_with_default (event.event, "seq", 0);

  g_mutex_lock (&feed->lock);
  g_array_append_val (feed->events, event);
  if (event.seq > feed->last_seq)
    feed->last_seq = event.seq;
  g_cond_broadcast (&feed->cond);
  g_mutex_unlock (&feed->lock);
}

static void
closed_cb (SoupWebsocketConnection *connection,
           gpointer                 data)
{
  HallTestFeed *feed = data;

  if (connection == feed->connection)
    schedule_reconnect (feed);
}

static void
connected_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  HallTestFeed *feed = data;
  g_autoptr (GError) error = NULL;
  SoupWebsocketConnection *connection;

  connection = soup_session_websocket_connect_finish (SOUP_SESSION (source), result, &error);
  if (connection == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        schedule_reconnect (feed);
      return;
    }
  if (feed->stopping)
    {
      soup_websocket_connection_close (connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      g_object_unref (connection);
      return;
    }
  feed->connection = connection;
  /* no keepalive timeouts: a benchmark's feed is idle for long stretches */
  soup_websocket_connection_set_max_incoming_payload_size (connection, 0);
  g_signal_connect (connection, "message", G_CALLBACK (message_cb), feed);
  g_signal_connect (connection, "closed", G_CALLBACK (closed_cb), feed);
  g_mutex_lock (&feed->lock);
  feed->connections++;
  g_cond_broadcast (&feed->cond);
  g_mutex_unlock (&feed->lock);
}

static void
connect_feed (HallTestFeed *feed)
{
  g_autofree char *uri = NULL;
  g_autofree char *auth = g_strconcat ("Bearer ", feed->token, NULL);
  g_autoptr (SoupMessage) msg = NULL;
  gint64 since;

  if (feed->stopping)
    return;
  g_mutex_lock (&feed->lock);
  since = feed->last_seq;
  g_mutex_unlock (&feed->lock);

  uri = g_strdup_printf ("%s/api/v1/events?since=%" G_GINT64_FORMAT, feed->url, since);
  msg = soup_message_new ("GET", uri);
  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
  hall_test_http_pin (msg, feed->fingerprint);
  soup_session_websocket_connect_async (feed->session, msg, NULL, NULL, G_PRIORITY_DEFAULT,
                                        feed->cancellable, connected_cb, feed);
}

static gpointer
feed_thread (gpointer data)
{
  HallTestFeed *feed = data;

  g_main_context_push_thread_default (feed->context);
  feed->session = soup_session_new_with_options ("timeout", 0, "idle-timeout", 0, NULL);
  connect_feed (feed);
  g_main_loop_run (feed->loop);

  g_cancellable_cancel (feed->cancellable);
  if (feed->reconnect_id != 0)
    {
      GSource *source = g_main_context_find_source_by_id (feed->context, feed->reconnect_id);

      if (source != NULL)
        g_source_destroy (source);
      feed->reconnect_id = 0;
    }
  if (feed->connection != NULL)
    {
      g_signal_handlers_disconnect_by_data (feed->connection, feed);
      if (soup_websocket_connection_get_state (feed->connection) == SOUP_WEBSOCKET_STATE_OPEN)
        soup_websocket_connection_close (feed->connection, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
      g_clear_object (&feed->connection);
    }
  soup_session_abort (feed->session);
  /* let the cancelled operations finish */
  while (g_main_context_iteration (feed->context, FALSE))
    ;
  g_clear_object (&feed->session);
  while (g_main_context_iteration (feed->context, FALSE))
    ;
  g_main_context_pop_thread_default (feed->context);
  return NULL;
}

HallTestFeed *
hall_test_feed_start (const char *url,
                      const char *token,
                      gint64      since)
{
  return hall_test_feed_start_pinned (url, token, since, NULL);
}

HallTestFeed *
hall_test_feed_start_pinned (const char *url,
                             const char *token,
                             gint64      since,
                             const char *fingerprint)
{
  HallTestFeed    *feed = g_new0 (HallTestFeed, 1);
  g_autofree char *ws = NULL;

  /* http://host → ws://host */
  if (g_str_has_prefix (url, "https://"))
    ws = g_strconcat ("wss://", url + strlen ("https://"), NULL);
  else if (g_str_has_prefix (url, "http://"))
    ws = g_strconcat ("ws://", url + strlen ("http://"), NULL);
  else
    ws = g_strdup (url);
  feed->url = g_steal_pointer (&ws);
  feed->token = g_strdup (token);
  feed->fingerprint = g_strdup (fingerprint);
  feed->last_seq = since;
  feed->context = g_main_context_new ();
  feed->loop = g_main_loop_new (feed->context, FALSE);
  feed->cancellable = g_cancellable_new ();
  feed->events = g_array_new (FALSE, TRUE, sizeof (HallTestFeedEvent));
  g_array_set_clear_func (feed->events, event_clear);
  g_mutex_init (&feed->lock);
  g_cond_init (&feed->cond);
  feed->thread = g_thread_new ("bench-feed", feed_thread, feed);
  return feed;
}

gboolean
hall_test_feed_wait_seq (HallTestFeed *feed,
                         gint64        seq,
                         guint         timeout_ms)
{
  gint64   deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  gboolean ok;

  g_mutex_lock (&feed->lock);
  while (feed->last_seq < seq)
    if (!g_cond_wait_until (&feed->cond, &feed->lock, deadline))
      break;
  ok = feed->last_seq >= seq;
  g_mutex_unlock (&feed->lock);
  return ok;
}

static gint64
find_match (HallTestFeed *feed,
            const char   *kind,
            const char   *member,
            gint64        value)
{
  for (guint i = feed->events->len; i > 0; i--)
    {
      HallTestFeedEvent *event = &g_array_index (feed->events, HallTestFeedEvent, i - 1);

      if (g_strcmp0 (json_object_get_string_member_with_default (event->event, "kind", ""), kind)
              == 0
          && json_object_get_int_member_with_default (event->event, member, G_MININT64) == value)
        return event->arrived_us;
    }
  return 0;
}

gint64
hall_test_feed_wait_match (HallTestFeed *feed,
                           const char   *kind,
                           const char   *member,
                           gint64        value,
                           guint         timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  gint64 arrived;

  g_mutex_lock (&feed->lock);
  while ((arrived = find_match (feed, kind, member, value)) == 0)
    if (!g_cond_wait_until (&feed->cond, &feed->lock, deadline))
      break;
  g_mutex_unlock (&feed->lock);
  return arrived;
}

GArray *
hall_test_feed_dup_events (HallTestFeed *feed)
{
  GArray *copy = g_array_new (FALSE, TRUE, sizeof (HallTestFeedEvent));

  g_array_set_clear_func (copy, event_clear);
  g_mutex_lock (&feed->lock);
  for (guint i = 0; i < feed->events->len; i++)
    {
      HallTestFeedEvent event = g_array_index (feed->events, HallTestFeedEvent, i);

      event.event = json_object_ref (event.event);
      g_array_append_val (copy, event);
    }
  g_mutex_unlock (&feed->lock);
  return copy;
}

gint64
hall_test_feed_last_seq (HallTestFeed *feed)
{
  gint64 seq;

  g_mutex_lock (&feed->lock);
  seq = feed->last_seq;
  g_mutex_unlock (&feed->lock);
  return seq;
}

guint
hall_test_feed_connections (HallTestFeed *feed)
{
  guint n;

  g_mutex_lock (&feed->lock);
  n = feed->connections;
  g_mutex_unlock (&feed->lock);
  return n;
}

static gboolean
quit_cb (gpointer data)
{
  HallTestFeed *feed = data;

  feed->stopping = TRUE;
  g_main_loop_quit (feed->loop);
  return G_SOURCE_REMOVE;
}

void
hall_test_feed_stop (HallTestFeed *feed)
{
  if (feed == NULL)
    return;
  g_main_context_invoke (feed->context, quit_cb, feed);
  g_thread_join (feed->thread);
  g_array_unref (feed->events);
  g_main_loop_unref (feed->loop);
  g_main_context_unref (feed->context);
  g_object_unref (feed->cancellable);
  g_mutex_clear (&feed->lock);
  g_cond_clear (&feed->cond);
  g_free (feed->url);
  g_free (feed->fingerprint);
  g_free (feed->token);
  g_free (feed);
}

/* Keeps what the kernel holds for a subscriber that does not read small, so that the server's
 * own bound is what a few thousand events reach. */
void
hall_test_feed_shrink_receive_buffer (SoupWebsocketConnection *conn)
{
  g_autoptr (GIOStream) stream = g_object_ref (soup_websocket_connection_get_io_stream (conn));

  while (!G_IS_SOCKET_CONNECTION (stream))
    {
      GIOStream *base = NULL;

      g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (stream), "base-iostream"));
      g_object_get (stream, "base-iostream", &base, NULL);
      g_assert_nonnull (base);
      g_object_unref (stream);
      stream = base;
    }
  g_assert_true (g_socket_set_option (g_socket_connection_get_socket (G_SOCKET_CONNECTION (stream)),
                                      SOL_SOCKET, SO_RCVBUF, 4096, NULL));
}
