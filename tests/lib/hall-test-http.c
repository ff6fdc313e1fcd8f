/* hall-test-http.c — a plain HTTP client of the hall's API, one per thread (the concurrency and
 * crash tests, the benchmark)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include <string.h>

#include "hall-command.h"
#include "hall-engine.h"
#include "hall-error.h"
#include "hall-test-http.h"
#include "hall-test-util.h"
#include "hall-tls.h"

HallTestHttp *
hall_test_http_new (const char *url)
{
  HallTestHttp *client = g_new0 (HallTestHttp, 1);

  client->session = soup_session_new_with_options ("timeout", 120, "max-conns-per-host", 2, NULL);
  client->url = g_strdup (url);
  return client;
}

static gboolean
accept_certificate_cb (SoupMessage         *msg,
                       GTlsCertificate     *certificate,
                       GTlsCertificateFlags errors,
                       const char          *pinned)
{
  g_autofree char *fingerprint = hall_tls_fingerprint (certificate);

  return g_strcmp0 (fingerprint, pinned) == 0;
}

void
hall_test_http_pin (SoupMessage *msg,
                    const char  *fingerprint)
{
  if (fingerprint != NULL)
    g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb),
                      (gpointer) fingerprint);
}

HallTestHttp *
hall_test_http_new_pinned (const char *url,
                           const char *fingerprint)
{
  HallTestHttp *client = hall_test_http_new (url);

  client->fingerprint = g_strdup (fingerprint);
  return client;
}

void
hall_test_http_free (HallTestHttp *client)
{
  if (client == NULL)
    return;
  g_clear_object (&client->session);
  g_free (client->url);
  g_free (client->token);
  g_free (client->fingerprint);
  g_free (client->server_timing);
  g_free (client);
}

/* The same rule as HallClient: writes other than signing in carry a request_id. */
static gboolean
command_changes_state (const char *command)
{
  const HallCommand *cmd = hall_engine_lookup_command (command);

  if (cmd == NULL)
    return FALSE;
  if (cmd->flags & HALL_COMMAND_PUBLIC)
    return FALSE;
  return (cmd->flags & HALL_COMMAND_WRITE) != 0;
}

JsonObject *
hall_test_http_call (HallTestHttp *client,
                     const char   *command,
                     JsonObject   *params,
                     GError      **error)
{
  g_autofree char *uri = g_strconcat (client->url, "/api/v1/", command, NULL);
  g_autoptr (SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr (JsonObject) empty = json_object_new ();
  g_autoptr (GBytes) request = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (GError) local_error = NULL;
  char       *json;
  gsize       length;
  JsonObject *object;

  /* Without the flag libsoup opens a new connection for every POST. Sending one again is safe
   * here: state-changing calls carry a request_id, and a replay returns the first result. */
  soup_message_add_flags (msg, SOUP_MESSAGE_IDEMPOTENT);
  hall_test_http_pin (msg, client->fingerprint);
  json_node_set_object (node, params ? params : empty);
  if (command_changes_state (command)
      && !json_object_has_member (json_node_get_object (node), "request_id"))
    {
      /* As HallClient does for every state-changing call: the figures include the request row. */
      g_autoptr (JsonObject) sent = json_object_new ();
      g_autofree char *request_id = g_uuid_string_random ();
      JsonObjectIter   iter;
      const char      *member;
      JsonNode        *value;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &member, &value))
        json_object_set_member (sent, member, json_node_copy (value));
      json_object_set_string_member (sent, "request_id", request_id);
      json_node_set_object (node, sent);
    }
  json = json_to_string (node, FALSE);
  length = strlen (json);
  request = g_bytes_new_take (json, length);
  soup_message_set_request_body_from_bytes (msg, "application/json", request);
  if (client->token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", client->token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }

  body = soup_session_send_and_read (client->session, msg, NULL, &local_error);
  g_free (client->server_timing);
  client->server_timing = g_strdup (
      soup_message_headers_get_one (soup_message_get_response_headers (msg), "Server-Timing"));
  if (body == NULL)
    {
      g_set_error (error, HALL_ERROR, HALL_ERROR_UNAVAILABLE, "%s: %s", command,
                   local_error->message);
      return NULL;
    }
  reply = json_from_string (g_bytes_get_data (body, NULL), &local_error);
  if (reply == NULL || !JSON_NODE_HOLDS_OBJECT (reply))
    {
      g_set_error (error, HALL_ERROR, HALL_ERROR_INTERNAL, "%s: HTTP %u, not a JSON object",
                   command, soup_message_get_status (msg));
      return NULL;
    }
  object = json_node_get_object (reply);
  if (soup_message_get_status (msg) != SOUP_STATUS_OK)
    {
      JsonObject   *err = json_object_get_object_member (object, "error");
      HallErrorCode code = HALL_ERROR_INTERNAL;
      const char   *field = NULL;
      const char   *message = "?";

      if (err != NULL)
        {
          hall_error_code_from_string (json_object_get_string_member_with_default (err, "code", ""),
                                       &code);
          field = json_object_get_string_member_with_default (err, "field", NULL);
          message = json_object_get_string_member_with_default (err, "message", "?");
        }
      if (error != NULL)
        *error = hall_error_new_literal (code, field, message);
      return NULL;
    }
  return json_object_ref (object);
}

JsonObject *
hall_test_http_callf (HallTestHttp *client,
                      const char   *command,
                      GError      **error,
                      const char   *json_format,
                      ...)
{
  g_autofree char *json = NULL;
  g_autoptr (JsonNode) node = NULL;
  va_list args;

  va_start (args, json_format);
  json = g_strdup_vprintf (json_format, args);
  va_end (args);
  node = json_from_string (json, error);
  if (node == NULL)
    return NULL;
  g_return_val_if_fail (JSON_NODE_HOLDS_OBJECT (node), NULL);
  return hall_test_http_call (client, command, json_node_get_object (node), error);
}

JsonObject *
hall_test_http_call_until_answered (HallTestHttp *client,
                                    const char   *command,
                                    JsonObject   *params,
                                    guint        *retries,
                                    GError      **error)
{
  g_assert_true (json_object_has_member (params, "request_id"));
  for (;;)
    {
      g_autoptr (GError) local_error = NULL;
      JsonObject *result = hall_test_http_call (client, command, params, &local_error);

      if (result != NULL)
        return result;
      if (!g_error_matches (local_error, HALL_ERROR, HALL_ERROR_UNAVAILABLE))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      (*retries)++;
      g_usleep (5 * 1000);
    }
}

gboolean
hall_test_http_login (HallTestHttp *client,
                      const char   *username,
                      const char   *password,
                      const char   *role,
                      gint64        counter_id,
                      GError      **error)
{
  g_autoptr (JsonObject) params = hall_test_login_params (username, password, role, counter_id);
  g_autoptr (JsonObject) result = NULL;

  result = hall_test_http_call (client, "session.login", params, error);
  if (result == NULL)
    return FALSE;
  g_free (client->token);
  client->token = g_strdup (json_object_get_string_member (result, "token"));
  return TRUE;
}
