/* hall-server.c — the hall engine on the LAN
 *
 * Maps `POST /api/v1/<command>` to the engine's dispatcher, answers `GET /api/v1/health` and
 * streams the change feed over a WebSocket at `/api/v1/events` (hall-event-stream.c). No handler
 * ever waits for the database: each one pauses its message, queues the command on the engine's
 * worker and unpauses when the answer comes back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-server"

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

#include "hall-nodelay.h"
#include "hall-server.h"
#include "hall-server-private.h"

#define API_PREFIX "/api/v1/"
#define LOGIN_WINDOW_USEC (60 * G_USEC_PER_SEC)
#define SHUTDOWN_GRACE_MSEC 2000
/* An ended session's feed closes within a second. */
#define SESSION_CHECK_MSEC 250

struct _HallServer
{
  GObject parent_instance;

  HallEngine      *engine;
  SoupServer      *soup;
  GTlsCertificate *certificate;
  gulong           event_handler;

  GPtrArray  *streams;           /* HallEventStream*, open change-feed subscribers */
  guint       session_check;     /* timeout while there are streams */
  gboolean    sessions_checking; /* a session.alive call is under way */
  GHashTable *login_failures;    /* client address → GArray of gint64 monotonic times */
  guint       n_pending;         /* engine calls not yet answered */
  gboolean    stopping;
  GTask      *shutdown_task;
  guint       shutdown_timeout;

  char    *hall_name;
  gboolean info_refreshing;
  gboolean info_stale;
};

typedef struct
{
  HallServer        *server;
  SoupServerMessage *msg;
  char              *command;
  char              *client_address;
  gulong             disconnected_handler;
  gboolean           gone;     /* libsoup let go of the connection: the answer goes nowhere */
  gint64             received; /* the handler ran: headers and body are in */
  gint64             parsed;   /* the body was checked and parsed */
} Call;

G_DEFINE_FINAL_TYPE (HallServer, hall_server, G_TYPE_OBJECT)

static void maybe_finish_shutdown (HallServer *self);

/* ---- sign-in rate limit ------------------------------------------------------------------- */

static GArray *
login_failures_for (HallServer *self,
                    const char *address,
                    gboolean    create)
{
  GArray *times = g_hash_table_lookup (self->login_failures, address);
  gint64  cutoff = g_get_monotonic_time () - LOGIN_WINDOW_USEC;
  guint   expired = 0;

  if (times == NULL)
    {
      if (!create)
        return NULL;
      times = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (self->login_failures, g_strdup (address), times);
      return times;
    }

  while (expired < times->len && g_array_index (times, gint64, expired) < cutoff)
    expired++;
  g_array_remove_range (times, 0, expired);
  if (times->len == 0 && !create)
    {
      g_hash_table_remove (self->login_failures, address);
      return NULL;
    }
  return times;
}

/* 0 when @address may sign in, else the seconds until its oldest counted failure is a minute
 * old. */
static guint
login_wait (HallServer *self,
            const char *address)
{
  GArray *times = login_failures_for (self, address, FALSE);
  gint64  oldest;

  if (times == NULL || times->len < HALL_SERVER_LOGIN_FAILURES_PER_MINUTE)
    return 0;
  oldest = g_array_index (times, gint64, times->len - HALL_SERVER_LOGIN_FAILURES_PER_MINUTE);
  return MAX (1, (oldest + LOGIN_WINDOW_USEC - g_get_monotonic_time () + G_USEC_PER_SEC - 1)
                     / G_USEC_PER_SEC);
}

static void
count_login_failure (HallServer *self,
                     const char *address)
{
  GArray *times = login_failures_for (self, address, TRUE);
  gint64  now = g_get_monotonic_time ();

  g_array_append_val (times, now);
}

/* ---- the hall's name for /health ---------------------------------------------------------- */

static gboolean
fetch_hall_name (HallEngine *engine,
                 char      **name)
{
  g_autoptr (JsonObject) info = hall_engine_call_system (engine, "hall.info", NULL, NULL);

  if (info == NULL || !json_object_has_member (info, "hall_name"))
    return FALSE;
  *name = g_strdup (json_object_get_string_member_with_default (info, "hall_name", NULL));
  return TRUE;
}

static void
refresh_info_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  HallServer *self = source_object;
  char       *name = NULL;

  if (fetch_hall_name (self->engine, &name))
    g_task_return_pointer (task, name, g_free);
  else
    g_task_return_new_error (task, HALL_ERROR, HALL_ERROR_UNAVAILABLE, "hall.info failed");
}

static void refresh_info (HallServer *self);

static void
refresh_info_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  HallServer *self = HALL_SERVER (object);
  char       *name = g_task_propagate_pointer (G_TASK (result), NULL);

  self->info_refreshing = FALSE;
  if (name != NULL)
    {
      g_free (self->hall_name);
      self->hall_name = name;
    }
  if (self->info_stale && !self->stopping)
    refresh_info (self);
}

static void
refresh_info (HallServer *self)
{
  g_autoptr (GTask) task = NULL;

  self->info_stale = self->info_refreshing;
  if (self->info_refreshing)
    return;
  self->info_refreshing = TRUE;
  task = g_task_new (self, NULL, refresh_info_cb, NULL);
  g_task_run_in_thread (task, refresh_info_thread);
}

/* ---- engine events ------------------------------------------------------------------------ */

static void
engine_event_cb (HallEngine *engine,
                 JsonObject *event,
                 HallServer *self)
{
  g_autofree char *text = NULL;

  if (g_strcmp0 (json_object_get_string_member_with_default (event, "kind", NULL), "setup.changed")
          == 0
      && g_strcmp0 (json_object_get_string_member_with_default (event, "what", NULL), "hall") == 0)
    refresh_info (self);

  if (self->streams->len == 0)
    return;
  {
    g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), event);
    text = json_to_string (node, FALSE);
  }
  /* A stream may close (and leave the array) while we deliver. */
  {
    g_autoptr (GPtrArray) streams =
        g_ptr_array_copy (self->streams, (GCopyFunc) _hall_event_stream_ref, NULL);

    g_ptr_array_set_free_func (streams, (GDestroyNotify) _hall_event_stream_unref);
    for (guint i = 0; i < streams->len; i++)
      _hall_event_stream_deliver (streams->pdata[i], event, text);
  }
}

void
_hall_server_remove_stream (HallServer      *self,
                            HallEventStream *stream)
{
  if (g_ptr_array_remove (self->streams, stream))
    maybe_finish_shutdown (self);
}

/* ---- commands ----------------------------------------------------------------------------- */

static void
call_free (Call *call)
{
  g_clear_signal_handler (&call->disconnected_handler, call->msg);
  g_object_unref (call->msg);
  g_free (call->command);
  g_free (call->client_address);
  g_object_unref (call->server);
  g_free (call);
}

/* ---- an ended session ends its change feed ------------------------------------------------ */

static void
sessions_checked_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  HallServer *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) answer = hall_engine_call_finish (HALL_ENGINE (object), result, &error);
  JsonArray *ended = answer ? json_object_get_array_member (answer, "ended") : NULL;

  self->sessions_checking = FALSE;
  if (ended != NULL && json_array_get_length (ended) > 0 && self->streams != NULL)
    {
      g_autoptr (GHashTable) tokens = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr (GPtrArray) streams = NULL;

      streams = g_ptr_array_copy (self->streams, (GCopyFunc) _hall_event_stream_ref, NULL);
      g_ptr_array_set_free_func (streams, (GDestroyNotify) _hall_event_stream_unref);
      for (guint i = 0; i < json_array_get_length (ended); i++)
        g_hash_table_add (tokens, (gpointer) json_array_get_string_element (ended, i));
      for (guint i = 0; i < streams->len; i++)
        if (g_hash_table_contains (tokens, _hall_event_stream_get_token (streams->pdata[i])))
          _hall_event_stream_close (streams->pdata[i], SOUP_WEBSOCKET_CLOSE_POLICY_VIOLATION,
                                    _ ("Your session has ended. Please sign in again."));
    }
  _hall_server_release (self);
  g_object_unref (self);
}

/* Signing out, expiry, a lock or a change of roles ends a session in the database, whoever
 * made the change (another server process included): look, rather than wait to be told. */
static gboolean
check_sessions_cb (gpointer user_data)
{
  HallServer *self = user_data;
  g_autoptr (JsonObject) params = NULL;
  JsonArray *tokens;

  if (self->streams->len == 0)
    {
      self->session_check = 0;
      return G_SOURCE_REMOVE;
    }
  if (self->sessions_checking || self->stopping)
    return G_SOURCE_CONTINUE;

  tokens = json_array_new ();
  for (guint i = 0; i < self->streams->len; i++)
    json_array_add_string_element (tokens, _hall_event_stream_get_token (self->streams->pdata[i]));
  params = json_object_new ();
  json_object_set_array_member (params, "tokens", tokens);
  self->sessions_checking = TRUE;
  _hall_server_hold (self);
  hall_engine_call_system_async (self->engine, "session.alive", params, NULL, sessions_checked_cb,
                                 g_object_ref (self));
  return G_SOURCE_CONTINUE;
}

void
_hall_server_hold (HallServer *self)
{
  self->n_pending++;
}

void
_hall_server_release (HallServer *self)
{
  g_assert (self->n_pending > 0);
  self->n_pending--;
  maybe_finish_shutdown (self);
}

static void
command_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Call  *call = user_data;
  gint64 called_back = g_get_monotonic_time ();
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) answer = hall_engine_call_finish (HALL_ENGINE (object), result, &error);

  /* device.unlock checks an administrator's password too, and answers a wrong one with 403
   * (a 401 would sign the device out). */
  if (answer == NULL
      && ((g_str_equal (call->command, "session.login")
           && g_error_matches (error, HALL_ERROR, HALL_ERROR_UNAUTHENTICATED))
          || (g_str_equal (call->command, "device.unlock")
              && g_error_matches (error, HALL_ERROR, HALL_ERROR_FORBIDDEN))))
    count_login_failure (call->server, call->client_address);

  if (call->gone)
    g_debug ("%s: the client left before the answer", call->command);
  else
    {
      if (answer != NULL)
        _hall_server_respond_json (call->msg, SOUP_STATUS_OK, answer);
      else
        _hall_server_respond_error (call->msg, error);
      /* The engine keeps a call's timing only when asked to (HALL_SERVER_TIMING=1). */
      if (hall_engine_call_get_timing (result) != NULL)
        _hall_server_add_timing (call->msg, call->received, call->parsed,
                                 hall_engine_call_get_timing (result), called_back);
      soup_server_message_unpause (call->msg);
    }
  _hall_server_release (call->server);
  call_free (call);
}

/* libsoup let go of the connection while the command ran (the server is disconnecting). */
static void
call_disconnected_cb (SoupServerMessage *msg,
                      Call              *call)
{
  call->gone = TRUE;
}

static gboolean
valid_command_name (const char *name)
{
  gsize length = strlen (name);

  if (length == 0 || length > 64)
    return FALSE;
  for (const char *p = name; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_' && *p != '.')
      return FALSE;
  return TRUE;
}

static void
handle_command (HallServer        *self,
                SoupServerMessage *msg,
                const char        *name)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) params = NULL;
  g_autofree char *token = NULL;
  const char      *address = soup_server_message_get_remote_host (msg);
  Call            *call;
  guint            wait;
  gint64           received = g_get_monotonic_time ();

  if (!valid_command_name (name) || hall_engine_lookup_command (name) == NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (name, MIN (strlen (name), 64));
      g_autofree char *message = g_strdup_printf (_ ("There is no command “%s”."), shown);

      _hall_server_respond_simple_error (msg, HALL_ERROR_NOT_FOUND, "command", message);
      return;
    }

  if (soup_server_message_get_method (msg) != SOUP_METHOD_POST)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow",
                                    "POST");
      _hall_server_respond_error_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED,
                                         HALL_ERROR_INVALID_ARGUMENT, NULL,
                                         _ ("Commands are sent with POST."));
      return;
    }

  params = _hall_server_parse_body (msg, &error);
  if (params == NULL || !_hall_server_get_token (msg, NULL, &token, &error))
    {
      _hall_server_respond_error (msg, error);
      return;
    }

  if (address == NULL)
    address = "unknown";
  if ((g_str_equal (name, "session.login") || g_str_equal (name, "device.unlock"))
      && (wait = login_wait (self, address)) > 0)
    {
      g_autoptr (GError) limited = NULL;

      limited = hall_error_new_literal (HALL_ERROR_RATE_LIMITED, "password",
                                        _ ("Too many failed sign-ins from this computer. "
                                           "Wait a minute and try again."));
      hall_error_set_retry_after (limited, wait);
      _hall_server_respond_error (msg, limited);
      return;
    }

  call = g_new0 (Call, 1);
  call->server = g_object_ref (self);
  call->msg = g_object_ref (msg);
  call->command = g_strdup (name);
  call->client_address = g_strdup (address);
  call->received = received;
  call->parsed = g_get_monotonic_time ();
  call->disconnected_handler =
      g_signal_connect (msg, "disconnected", G_CALLBACK (call_disconnected_cb), call);

  hall_socket_set_nodelay (soup_server_message_get_socket (msg));
  _hall_server_hold (self);
  soup_server_message_pause (msg);
  hall_engine_call_async (self->engine, token, name, params, address, NULL, command_done_cb, call);
}

static void
handle_health (HallServer        *self,
               SoupServerMessage *msg)
{
  g_autoptr (JsonObject) body = json_object_new ();
  const char *method = soup_server_message_get_method (msg);

  if (method != SOUP_METHOD_GET && method != SOUP_METHOD_HEAD)
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Allow",
                                    "GET, HEAD");
      _hall_server_respond_error_status (msg, SOUP_STATUS_METHOD_NOT_ALLOWED,
                                         HALL_ERROR_INVALID_ARGUMENT, NULL,
                                         _ ("Ask for the server's health with GET."));
      return;
    }

  json_object_set_boolean_member (body, "ok", !self->stopping);
  json_object_set_int_member (body, "api_version", HALL_SERVER_API_VERSION);
  if (self->hall_name)
    json_object_set_string_member (body, "hall_name", self->hall_name);
  else
    json_object_set_null_member (body, "hall_name");
  json_object_set_int_member (body, "last_seq", hall_engine_get_last_seq (self->engine));
  json_object_set_string_member (body, "version", PACKAGE_VERSION);
  json_object_set_boolean_member (body, "tls", self->certificate != NULL);
  json_object_set_int_member (body, "now", g_get_real_time () / G_USEC_PER_SEC);
  _hall_server_respond_json (msg, self->stopping ? SOUP_STATUS_SERVICE_UNAVAILABLE : SOUP_STATUS_OK,
                             body);
}

void
_hall_server_api_cb (SoupServer        *soup,
                     SoupServerMessage *msg,
                     const char        *path,
                     GHashTable        *query,
                     gpointer           user_data)
{
  HallServer *self = user_data;

  if (g_str_equal (path, API_PREFIX "health"))
    handle_health (self, msg);
  else if (self->stopping)
    _hall_server_respond_stopping (msg);
  else if (g_str_has_prefix (path, API_PREFIX) && strchr (path + strlen (API_PREFIX), '/') == NULL)
    handle_command (self, msg, path + strlen (API_PREFIX));
  else
    _hall_server_respond_simple_error (msg, HALL_ERROR_NOT_FOUND, NULL,
                                       _ ("There is nothing at this address."));
}

static void
default_cb (SoupServer        *soup,
            SoupServerMessage *msg,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  _hall_server_respond_simple_error (msg, HALL_ERROR_NOT_FOUND, NULL,
                                     _ ("There is nothing at this address."));
}

/* ---- shutdown ----------------------------------------------------------------------------- */

static void
finish_shutdown (HallServer *self)
{
  g_autoptr (GTask) task = g_steal_pointer (&self->shutdown_task);

  g_clear_handle_id (&self->shutdown_timeout, g_source_remove);
  soup_server_disconnect (self->soup);
  g_task_return_boolean (task, TRUE);
}

static gboolean
shutdown_timeout_cb (gpointer user_data)
{
  HallServer *self = user_data;

  self->shutdown_timeout = 0;
  g_message ("Stopping without waiting any longer for %u open change feeds", self->streams->len);
  finish_shutdown (self);
  return G_SOURCE_REMOVE;
}

static void
maybe_finish_shutdown (HallServer *self)
{
  if (self->shutdown_task == NULL || self->n_pending > 0)
    return;

  /* Every answer is out: say goodbye on each change feed, then wait (briefly) for them to close. */
  if (self->streams->len > 0 && self->shutdown_timeout == 0)
    {
      g_autoptr (GPtrArray) streams =
          g_ptr_array_copy (self->streams, (GCopyFunc) _hall_event_stream_ref, NULL);

      g_ptr_array_set_free_func (streams, (GDestroyNotify) _hall_event_stream_unref);
      self->shutdown_timeout = g_timeout_add (SHUTDOWN_GRACE_MSEC, shutdown_timeout_cb, self);
      for (guint i = 0; i < streams->len; i++)
        _hall_event_stream_close (streams->pdata[i], SOUP_WEBSOCKET_CLOSE_GOING_AWAY,
                                  _ ("The hall server is stopping."));
    }
  if (self->streams->len == 0 && self->shutdown_task != NULL)
    finish_shutdown (self);
}

/* ---- GObject ------------------------------------------------------------------------------ */

static void
hall_server_dispose (GObject *object)
{
  HallServer *self = (HallServer *) object;

  if (self->streams != NULL)
    while (self->streams->len > 0)
      _hall_event_stream_close (self->streams->pdata[self->streams->len - 1],
                                SOUP_WEBSOCKET_CLOSE_GOING_AWAY, NULL);
  g_clear_handle_id (&self->shutdown_timeout, g_source_remove);
  g_clear_handle_id (&self->session_check, g_source_remove);
  g_clear_signal_handler (&self->event_handler, self->engine);
  if (self->soup != NULL)
    soup_server_disconnect (self->soup);
  g_clear_object (&self->soup);

  G_OBJECT_CLASS (hall_server_parent_class)->dispose (object);
}

static void
hall_server_finalize (GObject *object)
{
  HallServer *self = (HallServer *) object;

  g_clear_object (&self->engine);
  g_clear_object (&self->certificate);
  g_clear_pointer (&self->streams, g_ptr_array_unref);
  g_clear_pointer (&self->login_failures, g_hash_table_unref);
  g_free (self->hall_name);

  G_OBJECT_CLASS (hall_server_parent_class)->finalize (object);
}

static void
hall_server_class_init (HallServerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hall_server_dispose;
  object_class->finalize = hall_server_finalize;
}

static void
hall_server_init (HallServer *self)
{
  self->streams = g_ptr_array_new ();
  self->login_failures =
      g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
}

/* ---- public API --------------------------------------------------------------------------- */

HallServer *
hall_server_new (HallEngine *engine)
{
  HallServer *self;

  g_return_val_if_fail (HALL_IS_ENGINE (engine), NULL);

  self = g_object_new (HALL_TYPE_SERVER, NULL);
  self->engine = g_object_ref (engine);
  /* For the benchmark only (architecture.md §10): nothing else needs to know. */
  self->soup = soup_server_new ("server-header", "xinfang-hall-server", NULL);
  _hall_server_keepalive_init (self->soup);

  soup_server_add_early_handler (self->soup, NULL, _hall_server_framing_early_cb, self, NULL);
  soup_server_add_handler (self->soup, NULL, default_cb, self, NULL);
  soup_server_add_early_handler (self->soup, "/api/v1", _hall_server_framing_early_cb, self, NULL);
  soup_server_add_handler (self->soup, "/api/v1", _hall_server_api_cb, self, NULL);
  /* Handler paths match as plain prefixes: keep "events.since" away from the change feed's
   * WebSocket handler at /api/v1/events. */
  soup_server_add_early_handler (self->soup, "/api/v1/events.", _hall_server_framing_early_cb, self,
                                 NULL);
  soup_server_add_handler (self->soup, "/api/v1/events.", _hall_server_api_cb, self, NULL);
  _hall_event_stream_add_handlers (self, self->soup);

  self->event_handler = g_signal_connect (engine, "event", G_CALLBACK (engine_event_cb), self);
  /* Once, at start; later from a thread when the hall is renamed. */
  fetch_hall_name (engine, &self->hall_name);
  return self;
}

HallEngine *
hall_server_get_engine (HallServer *self)
{
  g_return_val_if_fail (HALL_IS_SERVER (self), NULL);
  return self->engine;
}

gboolean
_hall_server_is_stopping (HallServer *self)
{
  return self->stopping;
}

void
_hall_server_add_stream (HallServer      *self,
                         HallEventStream *stream)
{
  g_ptr_array_add (self->streams, stream);
  if (self->session_check == 0)
    self->session_check = g_timeout_add (SESSION_CHECK_MSEC, check_sessions_cb, self);
}

void
hall_server_set_tls_certificate (HallServer      *self,
                                 GTlsCertificate *certificate)
{
  g_return_if_fail (HALL_IS_SERVER (self));
  g_return_if_fail (certificate == NULL || G_IS_TLS_CERTIFICATE (certificate));

  g_set_object (&self->certificate, certificate);
  soup_server_set_tls_certificate (self->soup, certificate);
}

GSocketAddress *
hall_server_parse_address (const char *host_port,
                           GError    **error)
{
  g_autofree char *host = NULL;
  g_autoptr (GInetAddress) address = NULL;
  const char *port_text = NULL;
  guint64     port = 0;

  g_return_val_if_fail (host_port != NULL, NULL);

  if (host_port[0] == '[')
    {
      const char *end = strchr (host_port, ']');

      if (end != NULL && end[1] == ':')
        {
          host = g_strndup (host_port + 1, end - host_port - 1);
          port_text = end + 2;
        }
    }
  else
    {
      const char *colon = strrchr (host_port, ':');

      if (colon != NULL && strchr (host_port, ':') == colon)
        {
          host = g_strndup (host_port, colon - host_port);
          port_text = colon + 1;
        }
    }

  if (host != NULL && g_ascii_strcasecmp (host, "localhost") == 0)
    address = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  else if (host != NULL)
    address = g_inet_address_new_from_string (host);

  if (address == NULL || port_text == NULL || *port_text == '\0'
      || !g_ascii_string_to_unsigned (port_text, 10, 0, 65535, &port, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _ ("“%s” is not an address to listen on. Give HOST:PORT with an IP address, for "
                      "example 0.0.0.0:8443 or 127.0.0.1:8080."),
                   host_port);
      return NULL;
    }

  return g_inet_socket_address_new (address, (guint16) port);
}

gboolean
hall_server_listen (HallServer     *self,
                    GSocketAddress *address,
                    GError        **error)
{
  GInetAddress *inet;

  g_return_val_if_fail (HALL_IS_SERVER (self), FALSE);
  g_return_val_if_fail (G_IS_INET_SOCKET_ADDRESS (address), FALSE);

  inet = g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address));
  if (self->certificate == NULL && !g_inet_address_get_is_loopback (inet))
    {
      g_autofree char *text = g_inet_address_to_string (inet);

      g_set_error (
          error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
          _ ("Plain HTTP is only allowed on this computer's loopback address (127.0.0.1 or ::1): "
             "on %s passwords and personal data would cross the network unencrypted. Serve "
             "HTTPS instead (leave out --plain)."),
          text);
      return FALSE;
    }

  return soup_server_listen (self->soup, address, self->certificate ? SOUP_SERVER_LISTEN_HTTPS : 0,
                             error);
}

guint16
hall_server_get_port (HallServer *self)
{
  g_autoslist (GUri) uris = NULL;

  g_return_val_if_fail (HALL_IS_SERVER (self), 0);
  uris = soup_server_get_uris (self->soup);
  if (uris == NULL)
    return 0;
  return (guint16) g_uri_get_port (uris->data);
}

char *
hall_server_get_url (HallServer *self)
{
  g_autoslist (GUri) uris = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (HALL_IS_SERVER (self), NULL);
  uris = soup_server_get_uris (self->soup);
  if (uris == NULL)
    return NULL;
  text = g_uri_to_string (uris->data);
  /* "https://127.0.0.1:8443/" → without the trailing slash, ready for API paths. */
  if (g_str_has_suffix (text, "/"))
    text[strlen (text) - 1] = '\0';
  return g_steal_pointer (&text);
}

void
hall_server_shutdown_async (HallServer         *self,
                            GCancellable       *cancellable,
                            GAsyncReadyCallback callback,
                            gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (HALL_IS_SERVER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hall_server_shutdown_async);
  if (self->shutdown_task != NULL || self->stopping)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               "The server is already stopping.");
      return;
    }
  self->stopping = TRUE;
  self->shutdown_task = g_steal_pointer (&task);
  maybe_finish_shutdown (self);
}

gboolean
hall_server_shutdown_finish (HallServer   *self,
                             GAsyncResult *result,
                             GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
