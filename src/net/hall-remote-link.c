/* hall-remote-link.c — whether the hall is there, and the change feed while signed in
 *
 * Signed in, the link is the events WebSocket, reopened with backoff (0.5 s, then every second)
 * and resumed from the last seq delivered; signed out, it is a health check, repeated with the
 * same backoff while the hall is away.
 *
 * A cable pulled out says nothing: the feed pings the server every second and counts the link
 * lost after 3.5 s without a word, so the window shows it is offline within about 4 s
 * (architecture.md §6). A feed whose TCP connection gets no answer soon (CONNECT_TIMEOUT_MIN_MS)
 * is given up for a fresh one at once: the kernel resends a SYN after 1, 3, 7, 15 … s, so one
 * long attempt would notice a healed link up to half a minute late. While the link is down a
 * try lasts a second at most, so the first after the link heals goes within about a second; each
 * try also opens a connection for the calls (a warm-up request on the session they go on next),
 * so that the pages' reloads and the calls still waiting do not wait for TCP and TLS once more
 * after the feed is back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-remote-client"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-remote-private.h"

#define BACKOFF_MAX_MS 1000
/* The feed pings the server; silence this long means the link is gone even without a FIN. A
 * pong comes back one round trip after its ping (0.6 s over a 300 ms WAN), and TCP resends a lost
 * packet after about a second: 3.5 s of silence is more than two losses in a row. */
#define KEEPALIVE_SECONDS 1
#define SILENCE_LIMIT_US (7 * G_USEC_PER_SEC / 2)
#define WATCHDOG_MS 500
/* A feed's TCP connection gets four times the last connection's round trip, between 0.9 s and
 * 10 s; until one has been measured, 0.9 s doubling with each try. Below a second, a try is given
 * up before the kernel resends its SYN: a connection whose SYN was resent starts with a 3 s
 * retransmission timeout, which a lossy link then pays on every lost packet. */
#define CONNECT_TIMEOUT_MIN_MS 900u
#define CONNECT_TIMEOUT_MAX_MS 10000u
/* While the link is down: one lost SYN must not hold up the first try after the heal. */
#define CONNECT_TIMEOUT_OUTAGE_MS 1000u

void
_hall_remote_mark_reachable (HallRemoteClient *self)
{
  self->offline = FALSE;
  g_clear_error (&self->link_error);
  self->backoff_ms = HALL_REMOTE_BACKOFF_FIRST_MS;
  /* Signed out, being able to talk to the hall is all "connected" means. Signed in, the feed
   * must be back too: an answer means it is worth trying now rather than after the backoff. */
  if (!self->feed_wanted)
    _hall_client_set_connected (HALL_CLIENT (self), TRUE);
  else if (self->ws == NULL && self->link_attempt == NULL)
    _hall_remote_link_attempt (self);
}

static gboolean
reconnect_cb (gpointer data)
{
  HallRemoteClient *self = data;

  self->reconnect_id = 0;
  _hall_remote_link_attempt (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_reconnect (HallRemoteClient *self)
{
  if (self->reconnect_id != 0 || self->link_attempt != NULL || self->ws != NULL)
    return;
  g_debug ("reconnecting in %u ms", self->backoff_ms);
  self->reconnect_id = g_timeout_add (self->backoff_ms, reconnect_cb, self);
  self->backoff_ms = MIN (self->backoff_ms * 2, BACKOFF_MAX_MS);
}

/* Something failed to reach the hall: show it and keep trying in the background. */
void
_hall_remote_mark_unreachable (HallRemoteClient *self,
                               GError           *reason)
{
  self->offline = TRUE;
  self->outage = TRUE;
  /* A call that cannot get through says the feed's connection is likely dead too: check it
   * rather than trust it. */
  _hall_remote_close_feed (self);
  if (reason != NULL && g_error_matches (reason, HALL_ERROR, HALL_ERROR_UNAVAILABLE)
      && g_strcmp0 (hall_error_get_field (reason), "fingerprint") == 0)
    {
      g_clear_error (&self->link_error);
      self->link_error = g_error_copy (reason);
    }
  _hall_client_set_connected (HALL_CLIENT (self), FALSE);
  schedule_reconnect (self);
}

/* An attempt does not keep the client alive: disposing it cancels the attempt, and a cancelled
 * attempt's callback does not look at the client. */
typedef struct
{
  HallRemoteClient *self;
  GCancellable     *attempt;
  SoupMessage      *msg;
} LinkAttempt;

static void
link_attempt_free (LinkAttempt *data)
{
  g_object_unref (data->attempt);
  g_object_unref (data->msg);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LinkAttempt, link_attempt_free)

static void
stop_connect_timeout (HallRemoteClient *self)
{
  g_clear_handle_id (&self->connect_timeout_id, g_source_remove);
}

static void
outage_over (HallRemoteClient *self)
{
  if (!self->outage)
    return;
  self->outage = FALSE;
  _hall_remote_resend_calls (self);
}

void
_hall_remote_close_feed (HallRemoteClient *self)
{
  g_clear_handle_id (&self->watchdog_id, g_source_remove);
  if (self->ws == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->ws, self);
  if (soup_websocket_connection_get_state (self->ws) == SOUP_WEBSOCKET_STATE_OPEN)
    soup_websocket_connection_close (self->ws, SOUP_WEBSOCKET_CLOSE_NORMAL, NULL);
  g_clear_object (&self->ws);
}

static void
ws_message_cb (SoupWebsocketConnection *ws,
               SoupWebsocketDataType    type,
               GBytes                  *message,
               HallRemoteClient        *self)
{
  /* A handler may sign out, which drops the feed while it is delivering. */
  G_GNUC_UNUSED g_autoptr (SoupWebsocketConnection) hold = g_object_ref (ws);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root;

  self->last_heard = g_get_monotonic_time ();
  if (type != SOUP_WEBSOCKET_DATA_TEXT
      || !json_parser_load_from_data (parser, g_bytes_get_data (message, NULL),
                                      g_bytes_get_size (message), NULL))
    {
      g_debug ("ignoring a change-feed message that is not JSON");
      return;
    }
  root = json_parser_get_root (parser);
  if (JSON_NODE_HOLDS_OBJECT (root) && json_object_has_member (json_node_get_object (root), "seq"))
    _hall_client_deliver_event (HALL_CLIENT (self), json_node_get_object (root));
}

static void
ws_pong_cb (SoupWebsocketConnection *ws,
            GBytes                  *message,
            HallRemoteClient        *self)
{
  self->last_heard = g_get_monotonic_time ();
}

static void
ws_closed_cb (SoupWebsocketConnection *ws,
              HallRemoteClient        *self)
{
  g_debug ("change feed closed (code %u)", soup_websocket_connection_get_close_code (ws));
  _hall_remote_close_feed (self);
  if (self->feed_wanted)
    _hall_remote_mark_unreachable (self, NULL);
}

static gboolean
watchdog_cb (gpointer data)
{
  HallRemoteClient *self = data;
  gint64            now = g_get_monotonic_time ();

  /* This process stood still (a long frame, a loaded PC): the pings did not go out either, so
   * the silence says nothing about the link. */
  if (now - self->last_watched > 2 * WATCHDOG_MS * 1000)
    self->last_heard = MAX (self->last_heard, now);
  self->last_watched = now;
  if (self->ws != NULL && now - self->last_heard > SILENCE_LIMIT_US)
    {
      g_debug ("the change feed went silent");
      self->watchdog_id = 0;
      _hall_remote_close_feed (self);
      if (self->feed_wanted)
        _hall_remote_mark_unreachable (self, NULL);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
ws_connected_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (LinkAttempt) data = user_data;
  HallRemoteClient *self = data->self;
  g_autoptr (SoupWebsocketConnection) ws = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) pin_error = NULL;

  ws = soup_session_websocket_connect_finish (SOUP_SESSION (object), result, &error);
  if (g_cancellable_is_cancelled (data->attempt))
    return;
  g_assert (self->link_attempt == data->attempt);
  g_clear_object (&self->link_attempt);
  stop_connect_timeout (self);

  if (ws == NULL)
    {
      guint status = soup_message_get_status (data->msg);

      g_debug ("change feed: %s (HTTP %u)", error->message, status);
      if (status == SOUP_STATUS_UNAUTHORIZED)
        {
          /* The server is up but forgot us (the session expired or was ended): sign in again. */
          _hall_remote_mark_reachable (self);
          _hall_client_session_lost (HALL_CLIENT (self));
          return;
        }
      pin_error = _hall_remote_pin_mismatch_error (self, data->msg);
      _hall_remote_mark_unreachable (self, pin_error);
      return;
    }

  self->ws = g_steal_pointer (&ws);
  self->last_heard = g_get_monotonic_time ();
  soup_websocket_connection_set_keepalive_interval (self->ws, KEEPALIVE_SECONDS);
  soup_websocket_connection_set_max_incoming_payload_size (self->ws, 1024 * 1024);
  g_signal_connect (self->ws, "message", G_CALLBACK (ws_message_cb), self);
  g_signal_connect (self->ws, "pong", G_CALLBACK (ws_pong_cb), self);
  g_signal_connect (self->ws, "closed", G_CALLBACK (ws_closed_cb), self);
  self->last_watched = self->last_heard;
  /* Below the sockets' priority, so that a pong that came is counted before the silence. */
  self->watchdog_id = g_timeout_add_full (G_PRIORITY_LOW, WATCHDOG_MS, watchdog_cb, self, NULL);
  outage_over (self);
  _hall_remote_mark_reachable (self);
  _hall_client_set_connected (HALL_CLIENT (self), TRUE);
}

static void
health_checked_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (LinkAttempt) data = user_data;
  HallRemoteClient *self = data->self;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) pin_error = NULL;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (g_cancellable_is_cancelled (data->attempt))
    return;
  g_assert (self->link_attempt == data->attempt);
  g_clear_object (&self->link_attempt);
  stop_connect_timeout (self);

  if (body != NULL && soup_message_get_status (data->msg) == SOUP_STATUS_OK)
    {
      outage_over (self);
      _hall_remote_mark_reachable (self);
      if (self->feed_wanted)
        _hall_remote_link_attempt (self);
      return;
    }
  pin_error = _hall_remote_pin_mismatch_error (self, data->msg);
  _hall_remote_mark_unreachable (self, pin_error);
}

static guint
connect_timeout_ms (HallRemoteClient *self)
{
  guint ms = self->connect_us > 0 ? (guint) (4 * self->connect_us / 1000)
                                  : CONNECT_TIMEOUT_MIN_MS << MIN (self->connect_timeouts, 4u);

  ms = CLAMP (ms, CONNECT_TIMEOUT_MIN_MS, CONNECT_TIMEOUT_MAX_MS);
  return self->outage ? MIN (ms, CONNECT_TIMEOUT_OUTAGE_MS) : ms;
}

static void
warm_up_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (SoupMessage) msg = user_data;
  g_autoptr (GBytes) body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, NULL);

  /* Only the connection it opened counts; the calls say whether the hall answers. */
}

/* A connection for the calls, opened alongside the feed's during an outage (see the top). */
static void
warm_up (HallRemoteClient *self)
{
  SoupMessage *msg;

  if (self->next_session == NULL)
    self->next_session = _hall_remote_new_session (HALL_REMOTE_CALL_TIMEOUT_SECONDS);
  g_cancellable_cancel (self->warm_up);
  g_clear_object (&self->warm_up);
  self->warm_up = g_cancellable_new ();
  msg = _hall_remote_new_message (self, "GET", "/api/v1/health", NULL);
  soup_session_send_and_read_async (self->next_session, msg, G_PRIORITY_DEFAULT, self->warm_up,
                                    warm_up_done_cb, msg);
}

static void
network_event_cb (SoupMessage       *msg,
                  GSocketClientEvent event,
                  GIOStream         *connection,
                  LinkAttempt       *data)
{
  if (event == G_SOCKET_CLIENT_CONNECTED && !g_cancellable_is_cancelled (data->attempt))
    {
      data->self->connect_us = g_get_monotonic_time () - data->self->connect_started;
      data->self->connect_timeouts = 0;
      stop_connect_timeout (data->self);
    }
}

static gboolean
connect_timeout_cb (gpointer user_data)
{
  HallRemoteClient *self = user_data;

  self->connect_timeout_id = 0;
  g_debug ("no answer to the connection in %" G_GINT64_FORMAT " ms: trying a new one",
           (g_get_monotonic_time () - self->connect_started) / 1000);
  self->connect_timeouts++;
  g_cancellable_cancel (self->link_attempt);
  g_clear_object (&self->link_attempt);
  self->offline = TRUE;
  self->outage = TRUE;
  _hall_client_set_connected (HALL_CLIENT (self), FALSE);
  _hall_remote_link_attempt (self);
  return G_SOURCE_REMOVE;
}

/* Opens the feed when signed in, else checks the server is there. */
void
_hall_remote_link_attempt (HallRemoteClient *self)
{
  LinkAttempt *data;
  const char  *token = _hall_client_get_token (HALL_CLIENT (self));

  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  if (self->link_attempt != NULL || self->ws != NULL)
    return;

  data = g_new0 (LinkAttempt, 1);
  data->self = self;
  data->attempt = g_cancellable_new ();
  self->link_attempt = g_object_ref (data->attempt);

  if (self->feed_wanted && token != NULL)
    {
      g_autofree char *path = g_strdup_printf ("/api/v1/events?since=%" G_GINT64_FORMAT,
                                               hall_client_get_last_seq (HALL_CLIENT (self)));

      data->msg = _hall_remote_new_message (self, "GET", path, token);
      /* Never on a kept-alive connection: a WebSocket opens one of its own. */
      g_signal_connect (data->msg, "network-event", G_CALLBACK (network_event_cb), data);
      /* Below the sockets' priority: after the main loop was busy for a while, an answer that
       * came meanwhile is seen before the time is found to be up. */
      self->connect_started = g_get_monotonic_time ();
      self->connect_timeout_id = g_timeout_add_full (G_PRIORITY_LOW, connect_timeout_ms (self),
                                                     connect_timeout_cb, self, NULL);
      soup_session_websocket_connect_async (self->feed_session, data->msg, NULL, NULL,
                                            G_PRIORITY_DEFAULT, data->attempt, ws_connected_cb,
                                            data);
      if (self->outage)
        warm_up (self);
    }
  else
    {
      data->msg = _hall_remote_new_message (self, "GET", "/api/v1/health", NULL);
      soup_session_send_and_read_async (self->session, data->msg, G_PRIORITY_DEFAULT, data->attempt,
                                        health_checked_cb, data);
    }
}

void
_hall_remote_link_cancel (HallRemoteClient *self)
{
  g_cancellable_cancel (self->warm_up);
  g_clear_object (&self->warm_up);
  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  stop_connect_timeout (self);
  g_cancellable_cancel (self->link_attempt);
  g_clear_object (&self->link_attempt);
}
