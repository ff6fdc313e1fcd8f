/* hall-remote-client.c — the hall across the LAN
 *
 * Calls are POST /api/v1/<command>; the change feed is a WebSocket on /api/v1/events that this
 * client keeps open while signed in, reopening it with backoff and resuming from the last seq it
 * delivered. A call whose connection drops is sent again with the same request_id, so the hall
 * does it exactly once; a call made while the hall is known to be unreachable fails at once.
 * When the link comes back after an outage, every connection from before it is closed and the
 * calls still waiting are sent again at once: their answers may have been lost with the link,
 * and TCP, backing off, would resend them up to half a minute later.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-remote-client"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-remote-private.h"
#include "hall-tls.h"

/* A dropped call is sent again after 0.25, 0.5, 1, 2, 2, 2 and 2 s: about ten seconds, long
 * enough for the server to restart, short enough for someone waiting at the counter. */
#define RETRY_FIRST_MS 250
#define RETRY_MAX_MS 2000
#define MAX_RETRIES 7

G_DEFINE_FINAL_TYPE (HallRemoteClient, hall_remote_client, HALL_TYPE_CLIENT)

enum
{
  PROP_0,
  PROP_URL,
  PROP_FINGERPRINT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GQuark      pin_mismatch_quark;

/* ---- messages, certificates and errors ---------------------------------------------------- */

static gboolean
accept_certificate_cb (SoupMessage         *msg,
                       GTlsCertificate     *certificate,
                       GTlsCertificateFlags errors,
                       HallRemoteClient    *self)
{
  g_autofree char *presented = hall_tls_fingerprint (certificate);

  /* A self-signed certificate is trusted by its fingerprint alone, like an SSH host key. */
  if (self->fingerprint != NULL && presented != NULL
      && g_ascii_strcasecmp (presented, self->fingerprint) == 0)
    return TRUE;
  g_object_set_qdata_full (G_OBJECT (msg), pin_mismatch_quark, g_steal_pointer (&presented),
                           g_free);
  return FALSE;
}

SoupMessage *
_hall_remote_new_message (HallRemoteClient *self,
                          const char       *method,
                          const char       *path,
                          const char       *token)
{
  g_autofree char *uri = g_strconcat (self->url, path, NULL);
  SoupMessage     *msg = soup_message_new (method, uri);

  g_assert (msg != NULL);
  g_signal_connect_object (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), self, 0);
  if (token != NULL)
    {
      g_autofree char *bearer = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    bearer);
    }
  return msg;
}

GError *
_hall_remote_pin_mismatch_error (HallRemoteClient *self,
                                 SoupMessage      *msg)
{
  const char *presented = g_object_get_qdata (G_OBJECT (msg), pin_mismatch_quark);

  if (presented == NULL)
    return NULL;
  if (self->fingerprint == NULL)
    return hall_error_new_literal (
        HALL_ERROR_UNAVAILABLE, "fingerprint",
        _ ("The hall server’s certificate has not been confirmed on this "
           "computer. Connect to it again and compare its fingerprint."));
  {
    g_autofree char *message = g_strdup_printf (
        _ ("The hall server presented a certificate with fingerprint %s, not the one "
           "this computer trusts (%s). Ask the hall administrator before connecting: "
           "this may be another computer pretending to be the server."),
        presented, self->fingerprint);
    return hall_error_new_literal (HALL_ERROR_UNAVAILABLE, "fingerprint", message);
  }
}

GError *
_hall_remote_unreachable_error (HallRemoteClient *self)
{
  if (self->link_error != NULL)
    return g_error_copy (self->link_error);
  return hall_error_new_literal (
      HALL_ERROR_UNAVAILABLE, NULL,
      _ ("Not connected to the hall server, so nothing was saved. What you "
         "typed is kept: try again when the connection is back."));
}

/* ---- calls -------------------------------------------------------------------------------- */

typedef struct
{
  HallRemoteClient *client;
  GTask            *task; /* whose data this is */
  char             *command;
  char             *token;
  GBytes           *body;
  guint             retries;
  guint             retry_id;
  SoupMessage      *msg;
  /* Each try has a cancellable of its own, cancelled with the caller's: libsoup cancels the
   * cancellable of every message that soup_session_abort() ends. */
  GCancellable *attempt;
  GCancellable *cancellable; /* the caller's */
  gulong        cancelled_id;
  gboolean      resend; /* this try is being given up for a new one */
} Send;

static void
send_free (Send *send)
{
  g_ptr_array_remove_fast (send->client->sends, send);
  g_object_unref (send->client);
  if (send->cancellable != NULL)
    g_cancellable_disconnect (send->cancellable, send->cancelled_id);
  g_clear_object (&send->cancellable);
  g_clear_object (&send->attempt);
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
  Send  *send = g_task_get_task_data (task);

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
  Send             *send = g_task_get_task_data (task);
  g_autoptr (GBytes) body = NULL;
  g_autoptr (GError) error = NULL;
  GError *pin_error;
  guint   status;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);

  if (send->resend && !g_cancellable_is_cancelled (send->cancellable))
    {
      /* Once the abort is over, whether it ended this try now or later. */
      send->resend = FALSE;
      send->retry_id = g_timeout_add (0, retry_cb, g_steal_pointer (&task));
      return;
    }

  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      pin_error = _hall_remote_pin_mismatch_error (self, send->msg);
      if (pin_error != NULL)
        {
          _hall_remote_mark_unreachable (self, pin_error);
          g_task_return_error (task, pin_error);
          return;
        }
      g_debug ("%s: %s", send->command, error->message);
      _hall_remote_mark_unreachable (self, NULL);
      if (retry_later (task))
        {
          g_steal_pointer (&task);
          return;
        }
      g_task_return_error (task, _hall_remote_unreachable_error (self));
      return;
    }

  status = soup_message_get_status (send->msg);
  /* A 503 with Retry-After passes (the server stopping for a restart): the request id makes a
   * second try safe. Without it (a full disk) it lasts longer than the retries: say so at once. */
  if (status == SOUP_STATUS_SERVICE_UNAVAILABLE
      && soup_message_headers_get_one (soup_message_get_response_headers (send->msg),
                                       "Retry-After")
             != NULL
      && retry_later (task))
    {
      g_steal_pointer (&task);
      return;
    }

  _hall_remote_mark_reachable (self);
  if (status == SOUP_STATUS_OK)
    {
      JsonObject *reply = _hall_remote_parse_object (body, &error);

      if (reply == NULL)
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_pointer (task, reply, (GDestroyNotify) json_object_unref);
      return;
    }
  g_clear_error (&error);
  error = _hall_remote_error_from_response (status, body);
  /* How long to wait is said in the header only (a kiosk tells the visitor when to come back). */
  if (g_error_matches (error, HALL_ERROR, HALL_ERROR_RATE_LIMITED))
    {
      const char *retry = soup_message_headers_get_one (
          soup_message_get_response_headers (send->msg), "Retry-After");
      guint64 seconds = 0;

      if (retry != NULL && g_ascii_string_to_unsigned (retry, 10, 1, G_MAXUINT, &seconds, NULL))
        hall_error_set_retry_after (error, (guint) seconds);
    }
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
send_attempt (GTask *task)
{
  HallRemoteClient *self = g_task_get_source_object (task);
  Send             *send = g_task_get_task_data (task);
  g_autofree char  *path = g_strconcat ("/api/v1/", send->command, NULL);

  g_clear_object (&send->msg);
  g_clear_object (&send->attempt);
  send->attempt = g_cancellable_new ();
  if (g_cancellable_is_cancelled (send->cancellable))
    g_cancellable_cancel (send->attempt);
  send->msg = _hall_remote_new_message (self, "POST", path, send->token);
  /* Without the flag libsoup opens a new connection for every POST. Sending one again is safe:
   * every state-changing call carries a request_id, and the hall answers a replay with the
   * first result. */
  soup_message_add_flags (send->msg, SOUP_MESSAGE_IDEMPOTENT);
  soup_message_set_request_body_from_bytes (send->msg, "application/json", send->body);
  soup_session_send_and_read_async (self->session, send->msg, G_PRIORITY_DEFAULT, send->attempt,
                                    send_done_cb, task);
}

static void
send_cancelled_cb (GCancellable *cancellable,
                   Send         *send)
{
  g_cancellable_cancel (send->attempt);
}

void
_hall_remote_resend_calls (HallRemoteClient *self)
{
  g_autoptr (SoupSession) before = g_object_ref (self->session);

  /* The connection opened alongside the feed (its warm-up's) carries the calls from now on; the
   * warm-up itself, if still under way, goes on to its end. */
  if (self->next_session != NULL)
    {
      g_object_unref (self->session);
      self->session = g_steal_pointer (&self->next_session);
      g_clear_object (&self->warm_up);
    }
  for (guint i = 0; i < self->sends->len; i++)
    {
      Send *send = g_ptr_array_index (self->sends, i);

      /* Waiting for a retry, or answered: it goes as it is. */
      if (send->retry_id != 0 || g_task_get_completed (send->task))
        continue;
      g_debug ("%s: sending again after the outage", send->command);
      send->resend = TRUE;
    }
  /* Every try ends (cancelled) and closes its connection, idle ones too; those being resent
   * start again in send_done_cb(), on the session calls go on now. */
  soup_session_abort (before);
}

/* ---- HallClient --------------------------------------------------------------------------- */

static void
hall_remote_client_send_async (HallClient         *client,
                               const char         *token,
                               const char         *command,
                               JsonObject         *params,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
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
      g_task_return_error (task, _hall_remote_unreachable_error (self));
      return;
    }

  if (params != NULL)
    json_node_set_object (node, params);
  else
    json_node_take_object (node, json_object_new ());
  text = json_to_string (node, FALSE);
  length = strlen (text);

  send = g_new0 (Send, 1);
  send->client = g_object_ref (self);
  send->task = task;
  send->command = g_strdup (command);
  send->token = g_strdup (token);
  send->body = g_bytes_new_take (text, length);
  g_task_set_task_data (task, send, (GDestroyNotify) send_free);
  g_ptr_array_add (self->sends, send);
  if (cancellable != NULL)
    {
      send->attempt = g_cancellable_new ();
      send->cancellable = g_object_ref (cancellable);
      send->cancelled_id =
          g_cancellable_connect (cancellable, G_CALLBACK (send_cancelled_cb), send, NULL);
    }

  send_attempt (g_steal_pointer (&task));
}

static void
head_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  HallRemoteClient *self = g_task_get_source_object (task);
  SoupMessage      *msg = g_task_get_task_data (task);
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
      pin_error = _hall_remote_pin_mismatch_error (self, msg);
      _hall_remote_mark_unreachable (self, pin_error);
      g_task_return_error (task, pin_error ? pin_error : _hall_remote_unreachable_error (self));
      return;
    }
  if (soup_message_get_status (msg) != SOUP_STATUS_OK)
    {
      g_task_return_error (task,
                           _hall_remote_error_from_response (soup_message_get_status (msg), body));
      return;
    }
  health = _hall_remote_parse_object (body, &error);
  if (health == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  _hall_remote_mark_reachable (self);
  g_task_return_int (task, json_object_get_int_member_with_default (health, "last_seq", 0));
}

static void
hall_remote_client_head_async (HallClient         *client,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  HallRemoteClient *self = HALL_REMOTE_CLIENT (client);
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  SoupMessage *msg = _hall_remote_new_message (self, "GET", "/api/v1/health", NULL);

  g_task_set_source_tag (task, hall_remote_client_head_async);
  g_task_set_task_data (task, msg, g_object_unref);
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, cancellable,
                                    head_done_cb, g_steal_pointer (&task));
}

static void
hall_remote_client_start_feed (HallClient *client)
{
  HallRemoteClient *self = HALL_REMOTE_CLIENT (client);

  _hall_remote_close_feed (self);
  _hall_remote_link_cancel (self);
  self->feed_wanted = TRUE;
  self->backoff_ms = HALL_REMOTE_BACKOFF_FIRST_MS;
  _hall_remote_link_attempt (self);
}

static void
hall_remote_client_stop_feed (HallClient *client)
{
  HallRemoteClient *self = HALL_REMOTE_CLIENT (client);
  gboolean          was_open = self->ws != NULL;

  self->feed_wanted = FALSE;
  _hall_remote_close_feed (self);
  _hall_remote_link_cancel (self);
  if (was_open)
    _hall_remote_mark_reachable (self);
  else
    _hall_remote_link_attempt (self);
}

/* ---- GObject ------------------------------------------------------------------------------ */

static void
hall_remote_client_constructed (GObject *object)
{
  HallRemoteClient *self = (HallRemoteClient *) object;

  G_OBJECT_CLASS (hall_remote_client_parent_class)->constructed (object);

  self->session = _hall_remote_new_session (HALL_REMOTE_CALL_TIMEOUT_SECONDS);
  self->feed_session = _hall_remote_new_session (0);
  _hall_remote_link_attempt (self);
}

static void
hall_remote_client_dispose (GObject *object)
{
  HallRemoteClient *self = (HallRemoteClient *) object;

  self->feed_wanted = FALSE;
  _hall_remote_close_feed (self);
  _hall_remote_link_cancel (self);
  if (self->session != NULL)
    soup_session_abort (self->session);
  if (self->next_session != NULL)
    soup_session_abort (self->next_session);
  g_clear_object (&self->session);
  g_clear_object (&self->next_session);
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
  g_ptr_array_unref (self->sends);

  G_OBJECT_CLASS (hall_remote_client_parent_class)->finalize (object);
}

static void
hall_remote_client_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HallRemoteClient *self = HALL_REMOTE_CLIENT (object);

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

static void
hall_remote_client_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HallRemoteClient *self = HALL_REMOTE_CLIENT (object);

  switch (prop_id)
    {
    case PROP_URL:
      self->url = _hall_remote_normalize_url (g_value_get_string (value));
      break;
    case PROP_FINGERPRINT:
      self->fingerprint =
          g_ascii_strup (g_value_get_string (value) ? g_value_get_string (value) : "", -1);
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
  GObjectClass    *object_class = G_OBJECT_CLASS (klass);
  HallClientClass *client_class = HALL_CLIENT_CLASS (klass);

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

  client_class->send_async = hall_remote_client_send_async;
  client_class->head_async = hall_remote_client_head_async;
  client_class->start_feed = hall_remote_client_start_feed;
  client_class->stop_feed = hall_remote_client_stop_feed;

  pin_mismatch_quark = g_quark_from_static_string ("hall-pin-mismatch");
}

static void
hall_remote_client_init (HallRemoteClient *self)
{
  self->backoff_ms = HALL_REMOTE_BACKOFF_FIRST_MS;
  self->sends = g_ptr_array_new ();
}
/* ---- public API --------------------------------------------------------------------------- */

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

  if (!_hall_remote_url_is_usable (url))
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
