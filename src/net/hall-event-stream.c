/* hall-event-stream.c — the change feed over a WebSocket
 *
 * `GET /api/v1/events?since=N` checks the session before the upgrade, then sends every event
 * after N (paging through "events.since") and after that each event as the engine commits it.
 * Live events that arrive while the backlog is still being read wait in a queue; anything at or
 * below the last seq sent is dropped, so a subscriber sees every seq once and in order. When a
 * live event skips a seq (another process wrote to the database), the stream reads the missing
 * ones from the database before going on.
 *
 * A subscriber that stops reading must not cost the hall: the kernel's buffer for its socket is
 * kept small (FEED_SNDBUF), events that do not fit wait in the stream's own queue rather than
 * libsoup's unbounded one, and past MAX_BACKLOG waiting events the feed is closed with
 * HALL_FEED_CLOSE_BEHIND. The client reconnects with the last seq it read and misses nothing:
 * everything is in the database (architecture.md §6).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-server"

#include "config.h"

#include <glib/gi18n.h>
#include <sys/socket.h>

#include "hall-server-private.h"

#define EVENTS_PATH "/api/v1/events"
#define PAGE_SIZE 1000
#define KEEPALIVE_SECONDS 30
/* Events a subscriber may be behind, beyond what its socket holds, before its feed is closed:
 * minutes of a busy hall, a few hundred kilobytes of memory. */
#define MAX_BACKLOG 1000
/* Bytes the kernel buffers for a subscriber's socket (it doubles the figure). */
#define FEED_SNDBUF (64 * 1024)
/* Private close code (4000–4999): "you fell behind; reconnect from the last seq you read". */
#define HALL_FEED_CLOSE_BEHIND 4001

struct _HallEventStream
{
  guint                    ref_count;
  HallServer              *server; /* not owned; NULL once the stream left the server */
  SoupWebsocketConnection *conn;
  char                    *token;
  char                    *client_address;
  gint64                   last_sent;
  gboolean                 reading_backlog;
  GQueue                   pending; /* JsonObject*: live events that came while reading the backlog */
  GPollableOutputStream   *output;  /* the socket's side, to see whether a frame would wait */
  GQueue                   unsent;  /* char*: events sent while the socket was full */
  GSource                 *writable;
};

typedef struct
{
  char  *token;
  gint64 since;
} FeedRequest;

typedef struct
{
  HallServer        *server;
  SoupServerMessage *msg;
  FeedRequest       *request;
  gulong             disconnected_handler;
  gboolean           gone;
} FeedCheck;

static void fetch_backlog (HallEventStream *stream);

static void
feed_request_free (FeedRequest *request)
{
  g_free (request->token);
  g_free (request);
}

HallEventStream *
_hall_event_stream_ref (HallEventStream *stream)
{
  stream->ref_count++;
  return stream;
}

static void
clear_unsent (HallEventStream *stream)
{
  g_queue_clear_full (&stream->unsent, g_free);
  if (stream->writable != NULL)
    {
      g_source_destroy (stream->writable);
      g_clear_pointer (&stream->writable, g_source_unref);
    }
}

static void
clear_pending (HallEventStream *stream)
{
  JsonObject *event;

  while ((event = g_queue_pop_head (&stream->pending)) != NULL)
    json_object_unref (event);
  clear_unsent (stream);
}

void
_hall_event_stream_unref (HallEventStream *stream)
{
  if (--stream->ref_count > 0)
    return;
  clear_pending (stream);
  g_signal_handlers_disconnect_by_data (stream->conn, stream);
  g_clear_object (&stream->conn);
  g_clear_object (&stream->output);
  g_free (stream->token);
  g_free (stream->client_address);
  g_free (stream);
}

const char *
_hall_event_stream_get_token (HallEventStream *stream)
{
  return stream->token;
}

static gboolean
is_open (HallEventStream *stream)
{
  return stream->server != NULL
         && soup_websocket_connection_get_state (stream->conn) == SOUP_WEBSOCKET_STATE_OPEN;
}

/* Leaves the server's list; the list's reference goes with it. */
static void
detach (HallEventStream *stream)
{
  HallServer *server = g_steal_pointer (&stream->server);

  if (server == NULL)
    return;
  clear_pending (stream);
  _hall_server_remove_stream (server, stream);
  _hall_event_stream_unref (stream);
}

void
_hall_event_stream_close (HallEventStream *stream,
                          gushort          code,
                          const char      *reason)
{
  g_autofree char *short_reason = NULL;

  /* A close reason has room for 123 bytes. */
  if (reason != NULL)
    {
      glong n = g_utf8_strlen (reason, -1);

      short_reason = g_strdup (reason);
      while (strlen (short_reason) > 120 && n > 0)
        {
          g_free (short_reason);
          short_reason = g_utf8_substring (reason, 0, --n);
        }
    }

  if (soup_websocket_connection_get_state (stream->conn) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (stream->conn, code, short_reason);
  /* Without a server to wait for the peer, let go now. */
  if (reason == NULL)
    detach (stream);
}

static void
close_behind (HallEventStream *stream)
{
  g_message ("Change feed of %s closed: %u events behind", stream->client_address,
             stream->unsent.length + stream->pending.length);
  clear_pending (stream);
  _hall_event_stream_close (stream, HALL_FEED_CLOSE_BEHIND,
                            _ ("The change feed fell too far behind. Reconnect."));
}

static gboolean
socket_full (HallEventStream *stream)
{
  return stream->output != NULL && !g_pollable_output_stream_is_writable (stream->output);
}

static gboolean writable_cb (GObject *output,
                             gpointer user_data);

static void
watch_writable (HallEventStream *stream)
{
  if (stream->writable != NULL)
    return;
  stream->writable = g_pollable_output_stream_create_source (stream->output, NULL);
  g_source_set_callback (stream->writable, G_SOURCE_FUNC (writable_cb), stream, NULL);
  g_source_set_static_name (stream->writable, "hall change feed writable");
  g_source_attach (stream->writable, g_main_context_get_thread_default ());
}

/* Hands libsoup the events that waited, while the socket takes them. */
static gboolean
writable_cb (GObject *output,
             gpointer user_data)
{
  HallEventStream *stream = user_data;
  char            *text;

  while (is_open (stream) && !socket_full (stream)
         && (text = g_queue_pop_head (&stream->unsent)) != NULL)
    {
      soup_websocket_connection_send_text (stream->conn, text);
      g_free (text);
    }
  if (is_open (stream) && stream->unsent.length > 0)
    return G_SOURCE_CONTINUE;
  g_clear_pointer (&stream->writable, g_source_unref);
  return G_SOURCE_REMOVE;
}

static void
send_text (HallEventStream *stream,
           gint64           seq,
           const char      *text)
{
  if (!is_open (stream))
    return;
  stream->last_sent = seq;
  if (stream->unsent.length == 0 && !socket_full (stream))
    {
      soup_websocket_connection_send_text (stream->conn, text);
      return;
    }
  if (stream->unsent.length >= MAX_BACKLOG)
    {
      close_behind (stream);
      return;
    }
  g_queue_push_tail (&stream->unsent, g_strdup (text));
  watch_writable (stream);
}

static void
send_event (HallEventStream *stream,
            JsonObject      *event)
{
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), event);
  g_autofree char *text = json_to_string (node, FALSE);

  send_text (stream, json_object_get_int_member_with_default (event, "seq", 0), text);
}

static void
flush_pending (HallEventStream *stream)
{
  JsonObject *event;

  while (is_open (stream) && !stream->reading_backlog
         && (event = g_queue_pop_head (&stream->pending)) != NULL)
    {
      gint64 seq = json_object_get_int_member_with_default (event, "seq", 0);

      if (seq == stream->last_sent + 1)
        send_event (stream, event);
      else if (seq > stream->last_sent + 1)
        {
          /* A hole: read what is missing before going on. */
          g_queue_push_head (&stream->pending, event);
          fetch_backlog (stream);
          return;
        }
      json_object_unref (event);
    }
}

void
_hall_event_stream_deliver (HallEventStream *stream,
                            JsonObject      *event,
                            const char      *text)
{
  gint64 seq = json_object_get_int_member_with_default (event, "seq", 0);

  if (!is_open (stream) || seq <= stream->last_sent)
    return;

  if (stream->reading_backlog || seq > stream->last_sent + 1)
    {
      if (stream->pending.length >= MAX_BACKLOG)
        {
          close_behind (stream);
          return;
        }
      g_queue_push_tail (&stream->pending, json_object_ref (event));
      if (!stream->reading_backlog)
        flush_pending (stream);
      return;
    }

  send_text (stream, seq, text);
}

static void
backlog_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  HallEventStream *stream = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) page = hall_engine_call_finish (HALL_ENGINE (object), result, &error);
  gint64     before = stream->last_sent;
  JsonArray *events;

  stream->reading_backlog = FALSE;

  if (!is_open (stream))
    goto out;

  if (page == NULL)
    {
      gushort code = g_error_matches (error, HALL_ERROR, HALL_ERROR_UNAUTHENTICATED)
                         ? SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION
                         : SOUP_WEBSOCKET_CLOSE_SERVER_ERROR;

      _hall_event_stream_close (stream, code, error->message);
      goto out;
    }

  events = json_object_get_array_member (page, "events");
  for (guint i = 0; events != NULL && i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);

      if (event != NULL
          && json_object_get_int_member_with_default (event, "seq", 0) > stream->last_sent)
        send_event (stream, event);
    }

  if (json_object_get_boolean_member_with_default (page, "more", FALSE)
      && stream->last_sent > before)
    fetch_backlog (stream);
  else
    {
      /* Whatever is still missing before the first queued event is not in the database. */
      JsonObject *first = g_queue_peek_head (&stream->pending);

      if (first != NULL && stream->last_sent == before)
        stream->last_sent =
            MAX (stream->last_sent, json_object_get_int_member_with_default (first, "seq", 1) - 1);
      flush_pending (stream);
    }

out:
  _hall_event_stream_unref (stream);
}

static void
fetch_backlog (HallEventStream *stream)
{
  g_autoptr (JsonObject) params = json_object_new ();
  stream->reading_backlog = TRUE;
  json_object_set_int_member (params, "since", stream->last_sent);
  json_object_set_int_member (params, "limit", PAGE_SIZE);
  hall_engine_call_async (hall_server_get_engine (stream->server), stream->token, "events.since",
                          params, stream->client_address, NULL, backlog_cb,
                          _hall_event_stream_ref (stream));
}

static void
message_cb (SoupWebsocketConnection *conn,
            gint                     type,
            GBytes                  *message,
            gpointer                 user_data)
{
  /* Subscribers only listen; anything they send is ignored. */
}

static void
closed_cb (SoupWebsocketConnection *conn,
           gpointer                 user_data)
{
  detach (user_data);
}

/* The stream under libsoup's wrappers (SoupIOStream, TLS) that owns the socket. */
static GSocket *
find_socket (GIOStream *stream)
{
  while (stream != NULL && !G_IS_SOCKET_CONNECTION (stream))
    {
      GObjectClass *klass = G_OBJECT_GET_CLASS (stream);
      const char   *name = g_object_class_find_property (klass, "base-iostream") ? "base-iostream"
                           : g_object_class_find_property (klass, "base-io-stream")
                               ? "base-io-stream"
                               : NULL;
      GIOStream    *base = NULL;

      if (name == NULL)
        return NULL;
      g_object_get (stream, name, &base, NULL);
      if (base == NULL)
        return NULL;
      /* @stream holds it */
      g_object_unref (base);
      stream = base;
    }
  return stream ? g_socket_connection_get_socket (G_SOCKET_CONNECTION (stream)) : NULL;
}

static void
set_up_output (HallEventStream *stream)
{
  GIOStream     *io = soup_websocket_connection_get_io_stream (stream->conn);
  GOutputStream *output = g_io_stream_get_output_stream (io);
  GSocket       *socket = find_socket (io);

  if (socket != NULL)
    g_socket_set_option (socket, SOL_SOCKET, SO_SNDBUF, FEED_SNDBUF, NULL);
  if (G_IS_POLLABLE_OUTPUT_STREAM (output)
      && g_pollable_output_stream_can_poll (G_POLLABLE_OUTPUT_STREAM (output)))
    stream->output = G_POLLABLE_OUTPUT_STREAM (g_object_ref (output));
}

static void
websocket_cb (SoupServer              *soup,
              SoupServerMessage       *msg,
              const char              *path,
              SoupWebsocketConnection *conn,
              gpointer                 user_data)
{
  HallServer      *self = user_data;
  FeedRequest     *request = g_object_get_data (G_OBJECT (msg), "hall-feed");
  HallEventStream *stream;

  if (request == NULL || _hall_server_is_stopping (self))
    {
      soup_websocket_connection_close (conn, SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
      return;
    }

  stream = g_new0 (HallEventStream, 1);
  stream->ref_count = 1; /* the server's list */
  stream->server = self;
  stream->conn = g_object_ref (conn);
  stream->token = g_strdup (request->token);
  stream->client_address = g_strdup (soup_server_message_get_remote_host (msg));
  stream->last_sent = request->since;
  g_queue_init (&stream->pending);
  g_queue_init (&stream->unsent);
  set_up_output (stream);

  soup_websocket_connection_set_keepalive_interval (conn, KEEPALIVE_SECONDS);
  soup_websocket_connection_set_max_incoming_payload_size (conn, 64 * 1024);
  g_signal_connect (conn, "message", G_CALLBACK (message_cb), stream);
  g_signal_connect (conn, "closed", G_CALLBACK (closed_cb), stream);

  _hall_server_add_stream (self, stream);
  g_message ("Change feed opened for %s from seq %" G_GINT64_FORMAT, stream->client_address,
             stream->last_sent);
  fetch_backlog (stream);
}

static void
feed_check_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  FeedCheck *check = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) whoami = hall_engine_call_finish (HALL_ENGINE (object), result, &error);

  g_clear_signal_handler (&check->disconnected_handler, check->msg);
  if (check->gone)
    feed_request_free (check->request);
  else if (whoami == NULL)
    {
      _hall_server_respond_error (check->msg, error);
      feed_request_free (check->request);
    }
  else
    {
      g_autofree char *last_seq = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                   hall_engine_get_last_seq (HALL_ENGINE (object)));

      soup_message_headers_replace (soup_server_message_get_response_headers (check->msg),
                                    "X-Hall-Last-Seq", last_seq);
      g_object_set_data_full (G_OBJECT (check->msg), "hall-feed", check->request,
                              (GDestroyNotify) feed_request_free);
    }

  if (!check->gone)
    soup_server_message_unpause (check->msg);
  _hall_server_release (check->server);
  g_object_unref (check->msg);
  g_object_unref (check->server);
  g_free (check);
}

/* libsoup let go of the connection during the check (the server is disconnecting). */
static void
check_disconnected_cb (SoupServerMessage *msg,
                       FeedCheck         *check)
{
  check->gone = TRUE;
}

static void
respond (SoupServerMessage *msg,
         guint              status,
         HallErrorCode      code,
         const char        *field,
         const char        *message)
{
  g_autoptr (GError) error = hall_error_new_literal (code, field, message);

  _hall_server_respond_error (msg, error);
  if (status != 0)
    soup_server_message_set_status (msg, status, NULL);
}

/* Headers are in: check the session before the upgrade, so a bad token gets a plain 401. */
static void
events_early_cb (SoupServer        *soup,
                 SoupServerMessage *msg,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           user_data)
{
  HallServer *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *token = NULL;
  const char      *since_text = query ? g_hash_table_lookup (query, "since") : NULL;
  guint64          since = 0;
  FeedCheck       *check;

  if (!g_str_equal (path, EVENTS_PATH))
    {
      _hall_server_framing_early_cb (soup, msg, path, query, user_data);
      return;
    }

  if (_hall_server_framing_refused (msg))
    return;
  if (_hall_server_is_stopping (self))
    {
      respond (msg, 0, HALL_ERROR_UNAVAILABLE, NULL,
               _ ("The hall server is stopping. Try again shortly."));
      return;
    }
  if (soup_server_message_get_method (msg) != SOUP_METHOD_GET)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow", "GET");
      respond (msg, SOUP_STATUS_METHOD_NOT_ALLOWED, HALL_ERROR_INVALID_ARGUMENT, NULL,
               _ ("Open the change feed with GET as a WebSocket."));
      return;
    }
  if (since_text != NULL
      && !g_ascii_string_to_unsigned (since_text, 10, 0, G_MAXINT64, &since, NULL))
    {
      respond (msg, 0, HALL_ERROR_INVALID_ARGUMENT, "since",
               _ ("Must be a whole number, 0 or more."));
      return;
    }
  if (!_hall_server_get_token (msg, query, &token, &error))
    {
      _hall_server_respond_error (msg, error);
      return;
    }
  if (token == NULL)
    {
      respond (msg, 0, HALL_ERROR_UNAUTHENTICATED, NULL, _ ("Please sign in first."));
      return;
    }

  check = g_new0 (FeedCheck, 1);
  check->server = g_object_ref (self);
  check->msg = g_object_ref (msg);
  check->request = g_new0 (FeedRequest, 1);
  check->request->token = g_steal_pointer (&token);
  check->request->since = (gint64) since;
  check->disconnected_handler =
      g_signal_connect (msg, "disconnected", G_CALLBACK (check_disconnected_cb), check);

  _hall_server_hold (self);
  soup_server_message_pause (msg);
  hall_engine_call_async (hall_server_get_engine (self), check->request->token, "session.whoami",
                          NULL, soup_server_message_get_remote_host (msg), NULL, feed_check_cb,
                          check);
}

/* Runs after the body, just before libsoup answers the upgrade. */
static void
events_cb (SoupServer        *soup,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  g_autoptr (GError) error = NULL;

  /* "/api/v1/events.since" and the like are commands. */
  if (!g_str_equal (path, EVENTS_PATH))
    {
      _hall_server_api_cb (soup, msg, path, query, user_data);
      return;
    }
  if (g_object_get_data (G_OBJECT (msg), "hall-feed") == NULL)
    {
      respond (msg, 0, HALL_ERROR_UNAUTHENTICATED, NULL, _ ("Please sign in first."));
      return;
    }
  if (!soup_websocket_server_check_handshake (msg, NULL, NULL, NULL, &error))
    respond (msg, SOUP_STATUS_BAD_REQUEST, HALL_ERROR_INVALID_ARGUMENT, NULL,
             _ ("Open the change feed as a WebSocket."));
}

void
_hall_event_stream_add_handlers (HallServer *self,
                                 SoupServer *soup)
{
  soup_server_add_early_handler (soup, EVENTS_PATH, events_early_cb, self, NULL);
  soup_server_add_handler (soup, EVENTS_PATH, events_cb, self, NULL);
  soup_server_add_websocket_handler (soup, EVENTS_PATH, NULL, NULL, websocket_cb, self, NULL);
}
