/* hall-remote-util.c — sessions, addresses, the server's answers, and the first-time probe
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-remote-client"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-remote-private.h"
#include "hall-tls.h"

SoupSession *
_hall_remote_new_session (guint timeout)
{
  g_autoptr (GProxyResolver) direct = g_simple_proxy_resolver_new (NULL, NULL);
  SoupSession *session = soup_session_new_with_options ("timeout", timeout, "user-agent",
                                                        "xinfang-hall/" PACKAGE_VERSION, NULL);

  /* No certificate authority vouches for a hall: every certificate goes through the pin. */
  soup_session_set_tls_database (session, NULL);
  /* The hall server is on the hall's own LAN: a PC's web proxy (set for the Internet) must not
   * carry petitioners' data, and asking the system's resolver costs a thread per connection. */
  soup_session_set_proxy_resolver (session, direct);
  return session;
}

gboolean
_hall_remote_url_is_usable (const char *url)
{
  g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *scheme;

  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  return g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0;
}

char *
_hall_remote_normalize_url (const char *url)
{
  gsize len = strlen (url);

  while (len > 0 && url[len - 1] == '/')
    len--;
  return g_strndup (url, len);
}

/* An HTTP answer other than 200 → a HALL_ERROR with the server's code, message and field. */
GError *
_hall_remote_error_from_response (guint   status,
                                  GBytes *body)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  HallErrorCode code;
  const char   *message = NULL, *field = NULL, *code_name = NULL;
  JsonObject   *error = NULL;

  if (body != NULL
      && json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                     NULL)
      && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      JsonObject *root = json_node_get_object (json_parser_get_root (parser));
      JsonNode   *node = json_object_get_member (root, "error");

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
      case 400:
        code = HALL_ERROR_INVALID_ARGUMENT;
        break;
      case 401:
        code = HALL_ERROR_UNAUTHENTICATED;
        break;
      case 403:
        code = HALL_ERROR_FORBIDDEN;
        break;
      case 404:
        code = HALL_ERROR_NOT_FOUND;
        break;
      case 409:
        code = HALL_ERROR_CONFLICT;
        break;
      case 413:
        code = HALL_ERROR_TOO_LARGE;
        break;
      case 429:
        code = HALL_ERROR_RATE_LIMITED;
        break;
      case 502:
      case 503:
      case 504:
        code = HALL_ERROR_UNAVAILABLE;
        break;
      default:
        code = HALL_ERROR_INTERNAL;
        break;
      }

  if (message == NULL || *message == '\0')
    {
      g_autofree char *fallback =
          g_strdup_printf (_ ("The hall server refused the request (HTTP %u %s)."), status,
                           soup_status_get_phrase (status));
      return hall_error_new_literal (code, field, fallback);
    }
  return hall_error_new_literal (code, field, message);
}

JsonObject *
_hall_remote_parse_object (GBytes  *body,
                           GError **error)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body),
                                   NULL)
      || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      hall_set_error (error, HALL_ERROR_INTERNAL, NULL,
                      _ ("The hall server sent an answer this program does not understand."));
      return NULL;
    }
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}
/* ---- probe -------------------------------------------------------------------------------- */

typedef struct
{
  SoupSession *session;
  SoupMessage *msg;
  char        *fingerprint;
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
probe_accept_cb (SoupMessage         *msg,
                 GTlsCertificate     *certificate,
                 GTlsCertificateFlags errors,
                 gpointer             user_data)
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
  JsonObject      *health;

  body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error);
  if (body == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_task_return_error (task, g_steal_pointer (&error));
      else
        g_task_return_new_error (task, HALL_ERROR, HALL_ERROR_UNAVAILABLE,
                                 _ ("Cannot reach a hall server at this address: %s"),
                                 error->message);
      return;
    }
  if (soup_message_get_status (probe->msg) != SOUP_STATUS_OK
      || (health = _hall_remote_parse_object (body, NULL)) == NULL
      || !json_object_get_boolean_member_with_default (health, "ok", FALSE))
    {
      g_task_return_new_error (
          task, HALL_ERROR, HALL_ERROR_NOT_FOUND,
          _ ("Something answers at this address, but it is not a hall server."));
      return;
    }

  certificate = soup_message_get_tls_peer_certificate (probe->msg);
  if (certificate != NULL)
    probe->fingerprint = hall_tls_fingerprint (certificate);
  g_task_return_pointer (task, health, (GDestroyNotify) json_object_unref);
}

void
hall_remote_client_probe_async (const char         *url,
                                GCancellable       *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autofree char *base = NULL;
  g_autofree char *health = NULL;
  Probe           *probe;

  g_return_if_fail (url != NULL);
  g_task_set_source_tag (task, hall_remote_client_probe_async);

  if (!_hall_remote_url_is_usable (url))
    {
      g_task_return_error (task, hall_error_new_literal (HALL_ERROR_INVALID_ARGUMENT, "url",
                                                         _ ("Enter the server’s address, such as "
                                                            "https://192.168.1.10:8443.")));
      return;
    }

  base = _hall_remote_normalize_url (url);
  health = g_strconcat (base, "/api/v1/health", NULL);
  probe = g_new0 (Probe, 1);
  probe->session = _hall_remote_new_session (HALL_REMOTE_CALL_TIMEOUT_SECONDS);
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
hall_remote_client_probe_finish (GAsyncResult *result,
                                 char        **fingerprint,
                                 GError      **error)
{
  Probe      *probe;
  JsonObject *health;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  health = g_task_propagate_pointer (G_TASK (result), error);
  probe = g_task_get_task_data (G_TASK (result));
  if (fingerprint != NULL)
    *fingerprint = health != NULL ? g_strdup (probe->fingerprint) : NULL;
  return health;
}
