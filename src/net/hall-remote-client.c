/* hall-remote-client.c — the hall across the LAN
 *
 * Calls are POST /api/v1/<command>; the change feed is a WebSocket on /api/v1/events that this
 * client keeps open while signed in, reopening it with backoff and resuming from the last seq it
 * delivered. A call whose connection drops is sent again with the same request_id, so the hall
 * does it exactly once; a call made while the hall is known to be unreachable fails at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-remote-client"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "hall-client-private.h"
#include "hall-remote-client.h"
#include "hall-tls.h"

#define CALL_TIMEOUT_SECONDS 30
#define BACKOFF_FIRST_MS 500
#define BACKOFF_MAX_MS 10000
/* A dropped call is sent again after 0.25, 0.5, 1, 2, 2, 2 and 2 s: about ten seconds, long
 * enough for the server to restart, short enough for someone waiting at the counter. */
#define RETRY_FIRST_MS 250
#define RETRY_MAX_MS 2000
#define MAX_RETRIES 7
/* The feed pings the server; silence this long means the link is gone even without a FIN. */
#define KEEPALIVE_SECONDS 5
#define SILENCE_LIMIT_US (3 * KEEPALIVE_SECONDS * G_USEC_PER_SEC)

struct _HallRemoteClient
{
  GObject parent_instance;

  char *url;
  char *fingerprint;
  SoupSession *session;      /* calls */
  SoupSession *feed_session; /* the long-lived WebSocket, without an I/O timeout */

  /* A failure was seen and nothing has succeeded since: calls fail at once. */
  gboolean offline;
  /* Why, when it is something retrying will not cure (a certificate that is not the pinned one). */
  GError *link_error;

  gboolean feed_wanted;
  GCancellable *link_attempt; /* a WebSocket handshake or health check under way */
  guint reconnect_id;
  guint backoff_ms;
  SoupWebsocketConnection *ws;
  gint64 last_heard;
  guint watchdog_id;
};

static void hall_remote_client_iface_init (HallClientInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HallRemoteClient, hall_remote_client, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (HALL_TYPE_CLIENT, hall_remote_client_iface_init))

enum {
  PROP_0,
  PROP_URL,
  PROP_FINGERPRINT,
  PROP_CLIENT_FIRST,
  N_PROPS = PROP_CLIENT_FIRST
};

static GParamSpec *properties[N_PROPS];
static GQuark pin_mismatch_quark;

static void link_attempt (HallRemoteClient *self);

/* ---- messages, certificates and errors ---------------------------------------------------- */

static gboolean
accept_certificate_cb (SoupMessage          *msg,
                       GTlsCertificate      *certificate,
                       GTlsCertificateFlags  errors,
                       HallRemoteClient     *self)
{
  g_autofree char *presented = hall_tls_fingerprint (certificate);

  /* A self-signed certificate is trusted by its fingerprint alone, like an SSH host key. */
  if (self->fingerprint != NULL && presented != NULL && g_ascii_strcasecmp (presented, self->fingerprint) == 0)
    return TRUE;
  g_object_set_qdata_full (G_OBJECT (msg), pin_mismatch_quark, g_steal_pointer (&presented), g_free);
  return FALSE;
}

static SoupMessage *
new_message (HallRemoteClient *self,
             const char       *method,
             const char       *path,
             const char       *token)
{
  g_autofree char *uri = g_strconcat (self->url, path, NULL);
  SoupMessage *msg = soup_message_new (method, uri);

  g_assert (msg != NULL);
  g_signal_connect_object (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), self, 0);
  if (token != NULL)
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", bearer);
    }
  return msg;
}

static GError *
pin_mismatch_error (HallRemoteClient *self,
                    SoupMessage      *msg)
{
  const char *presented = g_object_get_qdata (G_OBJECT (msg), pin_mismatch_quark);

  if (presented == NULL)
    return NULL;
  if (self->fingerprint == NULL)
    return hall_error_new_literal (HALL_ERROR_UNAVAILABLE, "fingerprint",
                                   _("The hall server’s certificate has not been confirmed on this "
                                     "computer. Connect to it again and compare its fingerprint."));
  {
    g_autofree char *message =
      g_strdup_printf (_("The hall server presented a certificate with fingerprint %s, not the one "
                         "this computer trusts (%s). Ask the hall administrator before connecting: "
                         "this may be another computer pretending to be the server."),
                       presented, self->fingerprint);
    return hall_error_new_literal (HALL_ERROR_UNAVAILABLE, "fingerprint", message);
  }
}

static GError *
unreachable_error (HallRemoteClient *self)
{
  if (self->link_error != NULL)
    return g_error_copy (self->link_error);
  return hall_error_new_literal (HALL_ERROR_UNAVAILABLE, NULL,
                                 _("Not connected to the hall server, so nothing was saved. What you "
                                   "typed is kept: try again when the connection is back."));
}

/* An HTTP answer other than 200 → a HALL_ERROR with the server's code, message and field. */
static GError *
error_from_response (guint   status,
                     GBytes *body)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  HallErrorCode code;
  const char *message = NULL, *field = NULL, *code_name = NULL;
  JsonObject *error = NULL;

  if (body != NULL
      && json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL)
      && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      JsonObject *root = json_node_get_object (json_parser_get_root (parser));
      JsonNode *node = json_object_get_member (root, "error");

      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        error = json_node_get_object (node);
    }
  if (error != NULL)
    {
      code_name = json_object_get_string_member_with_default (error, "code", NULL);
      message = json_object_get_string_member_with_default (error, "message", NULL);
      field = json_object_get_string_member_with_default (error, "field", NULL);
    }

  if (code_name == NULL || !hall_error_code_from_string (code_name, &code))
    switch (status)
      {
      case 400: code = HALL_ERROR_INVALID_ARGUMENT; break;
      case 401: code = HALL_ERROR_UNAUTHENTICATED; break;
      case 403: code = HALL_ERROR_FORBIDDEN; break;
      case 404: code = HALL_ERROR_NOT_FOUND; break;
      case 409: code = HALL_ERROR_CONFLICT; break;
      case 413: code = HALL_ERROR_TOO_LARGE; break;
      case 429: code = HALL_ERROR_RATE_LIMITED; break;
      case 502: case 503: case 504: code = HALL_ERROR_UNAVAILABLE; break;
      default: code = HALL_ERROR_INTERNAL; break;
      }

  if (message == NULL || *message == '\0')
    {
      g_autofree char *fallback = g_strdup_printf (_("The hall server refused the request (HTTP %u %s)."),
                                                   status, soup_status_get_phrase (status));
      return hall_error_new_literal (code, field, fallback);
    }
  return hall_error_new_literal (code, field, message);
}

static JsonObject *
parse_object (GBytes  *body,
              GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      hall_set_error (error, HALL_ERROR_INTERNAL, NULL,
                      _("The hall server sent an answer this program does not understand."));
      return NULL;
    }
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* ---- the link: reachability and the change feed ------------------------------------------- */

static void
mark_reachable (HallRemoteClient *self)
{
  self->offline = FALSE;
  g_clear_error (&self->link_error);
  self->backoff_ms = BACKOFF_FIRST_MS;
  /* Signed out, being able to talk to the hall is all "connected" means. */
  if (!self->feed_wanted)
    _hall_client_set_connected (HALL_CLIENT (self), TRUE);
}

static gboolean
reconnect_cb (gpointer data)
{
  HallRemoteClient *self = data;

  self->reconnect_id = 0;
  link_attempt (self);
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
static void
mark_unreachable (HallRemoteClient *self,
                  GError           *reason)
{
  self->offline = TRUE;
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
  GCancellable *attempt;
  SoupMessage *msg;
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
close_feed (HallRemoteClient *self)
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
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root;

  self->last_heard = g_get_monotonic_time ();
  if (type != SOUP_WEBSOCKET_DATA_TEXT
      || !json_parser_load_from_data (parser, g_bytes_get_data (message, NULL), g_bytes_get_size (message), NULL))
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
  close_feed (self);
  if (self->feed_wanted)
    mark_unreachable (self, NULL);
}

static gboolean
watchdog_cb (gpointer data)
{
  HallRemoteClient *self = data;

  if (self->ws != NULL && g_get_monotonic_time () - self->last_heard > SILENCE_LIMIT_US)
    {
      g_debug ("the change feed went silent");
      self->watchdog_id = 0;
      close_feed (self);
      if (self->feed_wanted)
        mark_unreachable (self, NULL);
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

  if (ws == NULL)
    {
      guint status = soup_message_get_status (data->msg);

      g_debug ("change feed: %s (HTTP %u)", error->message, status);
      if (status == SOUP_STATUS_UNAUTHORIZED)
        {
          /* The server is up but forgot us (the session expired or was ended): sign in again. */
          mark_reachable (self);
          _hall_client_session_lost (HALL_CLIENT (self));
          return;
        }
      pin_error = pin_mismatch_error (self, data->msg);
      mark_unreachable (self, pin_error);
      return;
    }

  self->ws = g_steal_pointer (&ws);
  self->last_heard = g_get_monotonic_time ();
  soup_websocket_connection_set_keepalive_interval (self->ws, KEEPALIVE_SECONDS);
  soup_websocket_connection_set_max_incoming_payload_size (self->ws, 1024 * 1024);
  g_signal_connect (self->ws, "message", G_CALLBACK (ws_message_cb), self);
  g_signal_connect (self->ws, "pong", G_CALLBACK (ws_pong_cb), self);
  g_signal_connect (self->ws, "closed", G_CALLBACK (ws_closed_cb), self);
  self->watchdog_id = g_timeout_add_seconds (KEEPALIVE_SECONDS, watchdog_cb, self);
  mark_reachable (self);
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

  if (body != NULL && soup_message_get_status (data->msg) == SOUP_STATUS_OK)
    {
      mark_reachable (self);
      if (self->feed_wanted)
        link_attempt (self);
      return;
    }
  pin_error = pin_mismatch_error (self, data->msg);
  mark_unreachable (self, pin_error);
}

/* Opens the feed when signed in, else checks the server is there. */
static void
link_attempt (HallRemoteClient *self)
{
  LinkAttempt *data;
  const char *token = _hall_client_get_token (HALL_CLIENT (self));

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

      data->msg = new_message (self, "GET", path, token);
      soup_session_websocket_connect_async (self->feed_session, data->msg, NULL, NULL, G_PRIORITY_DEFAULT,
                                            data->attempt, ws_connected_cb, data);
    }
  else
    {
      data->msg = new_message (self, "GET", "/api/v1/health", NULL);
      soup_session_send_and_read_async (self->session, data->msg, G_PRIORITY_DEFAULT, data->attempt,
                                        health_checked_cb, data);
    }
}

static void
cancel_link_attempt (HallRemoteClient *self)
{
  g_clear_handle_id (&self->reconnect_id, g_source_remove);
  g_cancellable_cancel (self->link_attempt);
  g_clear_object (&self->link_attempt);
}

/* ---- calls -------------------------------------------------------------------------------- */

typedef struct
{
  char *command;
  char *token;
  GBytes *body;
  guint retries;
  guint retry_id;
  SoupMessage *msg;
} Send;

static void
send_free (Send *send)
{
  g_clear_handle_id (&send->retry_id, g_source_remove);
  g_free (send->command);
  g_free (send->token);
  g_bytes_unref (send->body);
  g_clear_object (&send->msg);
  g_free (send);
}

static void send_attempt (GTask *task);

static gboolean
retry_cb (gpointer data)
{
  GTask *task = data;
  Send *send = g_task_get_task_data (task);

  send->retry_id = 0;
  if (g_task_return_error_if_cancelled (task))
    {
      g_object_unref (task);
      return G_SOURCE_REMOVE;
    }
  send_attempt (task);
  return G_SOURCE_REMOVE;
}

/* The hall may or may not have done it: send the same request (same request_id) again. */
static gboolean
retry_later (GTask *task)
{
  Send *send = g_task_get_task_data (task);
  guint delay;

  if (send->retries >= MAX_RETRIES)
    return FALSE;
  delay = MIN (RETRY_FIRST_MS << MIN (send->retries, 8u), RETRY_MAX_MS);
  send->retries++;
  g_debug ("%s: connection lost, sending again in %u ms", send->command, delay);
  send->retry_id = g_timeout_add (delay, retry_cb, task);
  return TRUE;
}

static void
send_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  HallRemoteClient *self = g_task_get_source_object (task);
  Send *send = g_task_get_task_data (task);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  GError *pin_error;
  guint status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);

  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      pin_error = pin_mismatch_error (self, send->msg);
      if (pin_error != NULL)
        {
          mark_unreachable (self, pin_error);
          g_task_return_error (task, pin_error);
          return;
        }
      g_debug ("%s: %s", send->command, error->message);
      mark_unreachable (self, NULL);
      if (retry_later (task))
        {
          g_steal_pointer (&task);
          return;
        }
      g_task_return_error (task, unreachable_error (self));
      return;
    }

  status = soup_message_get_status (send->msg);
  if (status == SOUP_STATUS_SERVICE_UNAVAILABLE && retry_later (task))
    {
      /* Shutting down for a restart: the request id makes a second try safe. */
      g_steal_pointer (&task);
      return;
    }

  mark_reachable (self);
  if (status == SOUP_STATUS_OK)
    {
      JsonObject *reply = parse_object (body, &error);

      if (reply == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, reply, (GDestroyNotify) json_object_unref);
      return;
    }
  g_task_return_error (task, error_from_response (status, body));
}

static void
send_attempt (GTask *task)
{
  HallRemoteClient *self = g_task_get_source_object (task);
  Send *send = g_task_get_task_data (task);
  g_autofree char *path = g_strconcat ("/api/v1/", send->command, NULL);

  g_clear_object (&send->msg);
  send->msg = new_message (self, "POST", path, send->token);
  soup_message_set_request_body_from_bytes (send->msg, "application/json", send->body);
  soup_session_send_and_read_async (self->session, send->msg, G_PRIORITY_DEFAULT,
                                    g_task_get_cancellable (task), send_done_cb, task);
}

/* ---- HallClient --------------------------------------------------------------------------- */

static void
hall_remote_client_send_async (HallClient          *client,
                               const char          *token,
                               const char          *command,
                               JsonObject          *params,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  HallRemoteClient *self = HALL_REMOTE_CLIENT (client);
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  Send *send;
  char *text;
  gsize length;

  g_task_set_source_tag (task, hall_remote_client_send_async);

  /* Waiting for a server that is known to be away would leave the clerk staring at a spinner. */
  if (self->offline)
    {
      g_task_return_error (task, unreachable_error (self));
      return;
    }

  if (params != NULL)
    json_node_set_object (node, params);
  else
    json_node_take_object (node, json_object_new ());
  text = json_to_string (node, FALSE);
  length = strlen (text);

  send = g_new0 (Send, 1);
  send->command = g_strdup (command);
  send->token = g_strdup (token);
  send->body = g_bytes_new_take (text, length);
  g_task_set_task_data (task, send, (GDestroyNotify) send_free);

  send_attempt (g_steal_pointer (&task));
}

static JsonObject *
hall_remote_client_send_finish (HallClient    *client,
                                GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
head_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  HallRemoteClient *self = g_task_get_source_object (task);
  SoupMessage *msg = g_task_get_task_data (task);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) health = NULL;
  GError *pin_error;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      pin_error = pin_mismatch_error (self, msg);
      mark_unreachable (self, pin_error);
      g_task_return_error (task, pin_error ? pin_error : unreachable_error (self));
      return;
    }
  if (soup_message_get_status (msg) != SOUP_STATUS_OK)
    {
      g_task_return_error (task, error_from_response (soup_message_get_status (msg), body));
      return;
    }
  health = parse_object (body, &error);
  if (health == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  mark_reachable (self);
  g_task_return_int (task, json_object_get_int_member_with_default (health, "last_seq", 0));
}

static void
hall_remote_client_head_async (HallClient          *client,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  HallRemoteClient *self = HALL_REMOTE_CLIENT (client);
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  SoupMessage *msg = new_message (self, "GET", "/api/v1/health", NULL);

  g_task_set_source_tag (task, hall_remote_client_head_async);
  g_task_set_task_data (task, msg, g_object_unref);
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable, head_done_cb,
                                    g_steal_pointer (&task));
}

static gint64
hall_remote_client_head_finish (HallClient    *client,
                                GAsyncResult  *result,
                                GError       **error)
{
  return g_task_propagate_int (G_TASK (result), error);
}

static void
hall_remote_client_start_feed (HallClient *client)
{
  HallRemoteClient *self = HALL_REMOTE_CLIENT (client);

  close_feed (self);
  cancel_link_attempt (self);
  self->feed_wanted = TRUE;
  self->backoff_ms = BACKOFF_FIRST_MS;
  link_attempt (self);
}

static void
hall_remote_client_stop_feed (HallClient *client)
{
  HallRemoteClient *self = HALL_REMOTE_CLIENT (client);
  gboolean was_open = self->ws != NULL;

  self->feed_wanted = FALSE;
  close_feed (self);
  cancel_link_attempt (self);
  if (was_open)
    mark_reachable (self);
  else
    link_attempt (self);
}

static void
hall_remote_client_iface_init (HallClientInterface *iface)
{
  iface->send_async = hall_remote_client_send_async;
  iface->send_finish = hall_remote_client_send_finish;
  iface->head_async = hall_remote_client_head_async;
  iface->head_finish = hall_remote_client_head_finish;
  iface->start_feed = hall_remote_client_start_feed;
  iface->stop_feed = hall_remote_client_stop_feed;
}

/* ---- GObject ------------------------------------------------------------------------------ */

static SoupSession *
new_session (guint timeout)
{
  SoupSession *session = soup_session_new_with_options ("timeout", timeout,
                                                        "user-agent", "xinfang-hall/" PACKAGE_VERSION,
                                                        NULL);

  /* No certificate authority vouches for a hall: every certificate goes through the pin. */
  soup_session_set_tls_database (session, NULL);
  return session;
}

static void
hall_remote_client_constructed (GObject *object)
{
  HallRemoteClient *self = (HallRemoteClient *) object;

  G_OBJECT_CLASS (hall_remote_client_parent_class)->constructed (object);

  self->session = new_session (CALL_TIMEOUT_SECONDS);
  self->feed_session = new_session (0);
  link_attempt (self);
}

static void
hall_remote_client_dispose (GObject *object)
{
  HallRemoteClient *self = (HallRemoteClient *) object;

  self->feed_wanted = FALSE;
  close_feed (self);
  cancel_link_attempt (self);
  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->session);
  g_clear_object (&self->feed_session);

  G_OBJECT_CLASS (hall_remote_client_parent_class)->dispose (object);
}

static void
hall_remote_client_finalize (GObject *object)
{
  HallRemoteClient *self = (HallRemoteClient *) object;

  g_free (self->url);
  g_free (self->fingerprint);
  g_clear_error (&self->link_error);

  G_OBJECT_CLASS (hall_remote_client_parent_class)->finalize (object);
}

static void
hall_remote_client_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HallRemoteClient *self = HALL_REMOTE_CLIENT (object);

  if (_hall_client_get_property (object, PROP_CLIENT_FIRST, prop_id, value))
    return;

  switch (prop_id)
    {
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_FINGERPRINT:
      g_value_set_string (value, self->fingerprint);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static char *
normalize_url (const char *url)
{
  gsize len = strlen (url);

  while (len > 0 && url[len - 1] == '/')
    len--;
  return g_strndup (url, len);
}

static void
hall_remote_client_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HallRemoteClient *self = HALL_REMOTE_CLIENT (object);

  if (_hall_client_set_property (object, PROP_CLIENT_FIRST, prop_id, value))
    return;

  switch (prop_id)
    {
    case PROP_URL:
      self->url = normalize_url (g_value_get_string (value));
      break;
    case PROP_FINGERPRINT:
      self->fingerprint = g_ascii_strup (g_value_get_string (value) ? g_value_get_string (value) : "", -1);
      if (*self->fingerprint == '\0')
        g_clear_pointer (&self->fingerprint, g_free);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_remote_client_class_init (HallRemoteClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = hall_remote_client_constructed;
  object_class->dispose = hall_remote_client_dispose;
  object_class->finalize = hall_remote_client_finalize;
  object_class->get_property = hall_remote_client_get_property;
  object_class->set_property = hall_remote_client_set_property;

  properties[PROP_URL] =
    g_param_spec_string ("url", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINGERPRINT] =
    g_param_spec_string ("fingerprint", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  _hall_client_override_properties (object_class, PROP_CLIENT_FIRST);

  pin_mismatch_quark = g_quark_from_static_string ("hall-pin-mismatch");
}

static void
hall_remote_client_init (HallRemoteClient *self)
{
  self->backoff_ms = BACKOFF_FIRST_MS;
}

/* ---- public API --------------------------------------------------------------------------- */

static gboolean
url_is_usable (const char *url)
{
  g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *scheme;

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0;
}

/**
 * hall_remote_client_new:
 *
 * Returns: (transfer full): a client, or NULL when @url is not an http:// or https:// address
 */
HallClient *
hall_remote_client_new (const char *url,
                        const char *fingerprint)
{
  g_return_val_if_fail (url != NULL, NULL);

  if (!url_is_usable (url))
    return NULL;
  return g_object_new (HALL_TYPE_REMOTE_CLIENT, "url", url, "fingerprint", fingerprint, NULL);
}

const char *
hall_remote_client_get_url (HallRemoteClient *self)
{
  g_return_val_if_fail (HALL_IS_REMOTE_CLIENT (self), NULL);
  return self->url;
}

const char *
hall_remote_client_get_fingerprint (HallRemoteClient *self)
{
  g_return_val_if_fail (HALL_IS_REMOTE_CLIENT (self), NULL);
  return self->fingerprint;
}

/* ---- probe -------------------------------------------------------------------------------- */

typedef struct
{
  SoupSession *session;
  SoupMessage *msg;
  char *fingerprint;
} Probe;

static void
probe_free (Probe *probe)
{
  g_clear_object (&probe->msg);
  g_clear_object (&probe->session);
  g_free (probe->fingerprint);
  g_free (probe);
}

static gboolean
probe_accept_cb (SoupMessage          *msg,
                 GTlsCertificate      *certificate,
                 GTlsCertificateFlags  errors,
                 gpointer              user_data)
{
  /* Only looking: the person compares the fingerprint before anything is sent. */
  return TRUE;
}

static void
probe_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  Probe *probe = g_task_get_task_data (task);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  GTlsCertificate *certificate;
  JsonObject *health;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, HALL_ERROR, HALL_ERROR_UNAVAILABLE,
                                 _("Cannot reach a hall server at this address: %s"), error->message);
      return;
    }
  if (soup_message_get_status (probe->msg) != SOUP_STATUS_OK
      || (health = parse_object (body, NULL)) == NULL
      || !json_object_get_boolean_member_with_default (health, "ok", FALSE))
    {
      g_task_return_new_error (task, HALL_ERROR, HALL_ERROR_NOT_FOUND,
                               _("Something answers at this address, but it is not a hall server."));
      return;
    }

  certificate = soup_message_get_tls_peer_certificate (probe->msg);
  if (certificate != NULL)
    probe->fingerprint = hall_tls_fingerprint (certificate);
  g_task_return_pointer (task, health, (GDestroyNotify) json_object_unref);
}

void
hall_remote_client_probe_async (const char          *url,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *base = NULL;
  g_autofree char *health = NULL;
  Probe *probe;

  g_return_if_fail (url != NULL);
  g_task_set_source_tag (task, hall_remote_client_probe_async);

  if (!url_is_usable (url))
    {
      g_task_return_error (task, hall_error_new_literal (HALL_ERROR_INVALID_ARGUMENT, "url",
                                                         _("Enter the server’s address, such as "
                                                           "https://192.168.1.10:8443.")));
      return;
    }

  base = normalize_url (url);
  health = g_strconcat (base, "/api/v1/health", NULL);
  probe = g_new0 (Probe, 1);
  probe->session = new_session (CALL_TIMEOUT_SECONDS);
  probe->msg = soup_message_new ("GET", health);
  g_signal_connect (probe->msg, "accept-certificate", G_CALLBACK (probe_accept_cb), NULL);
  g_task_set_task_data (task, probe, (GDestroyNotify) probe_free);
  soup_session_send_and_read_async (probe->session, probe->msg, G_PRIORITY_DEFAULT, cancellable,
                                    probe_done_cb, g_steal_pointer (&task));
}

/**
 * hall_remote_client_probe_finish:
 * @fingerprint: (out) (optional): the certificate's fingerprint, NULL over plain HTTP
 *
 * Returns: (transfer full): the server's health object, or NULL
 */
JsonObject *
hall_remote_client_probe_finish (GAsyncResult  *result,
                                 char         **fingerprint,
                                 GError       **error)
{
  Probe *probe;
  JsonObject *health;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  health = g_task_propagate_pointer (G_TASK (result), error);
  probe = g_task_get_task_data (G_TASK (result));
  if (fingerprint != NULL)
    *fingerprint = health != NULL ? g_strdup (probe->fingerprint) : NULL;
  return health;
}
