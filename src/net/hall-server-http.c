/* hall-server-http.c — the HTTP side of the hall server: answers and request bodies
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-server"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-server-private.h"

#define MAX_JSON_DEPTH 32
#define MAX_TOKEN_CHARS 256

/* ---- responses ---------------------------------------------------------------------------- */

static void
add_security_headers (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);

  soup_message_headers_replace (headers, "Cache-Control", "no-store");
  soup_message_headers_replace (headers, "Pragma", "no-cache");
  soup_message_headers_replace (headers, "X-Content-Type-Options", "nosniff");
  soup_message_headers_replace (headers, "X-Frame-Options", "DENY");
  soup_message_headers_replace (headers, "Referrer-Policy", "no-referrer");
  soup_message_headers_replace (headers, "Content-Security-Policy",
                                "default-src 'none'; frame-ancestors 'none'");
}

void
_hall_server_respond_json (SoupServerMessage *msg,
                           guint              status,
                           JsonObject        *object)
{
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), object);
  gsize length = 0;
  char *text = json_to_string (node, FALSE);

  length = strlen (text);
  add_security_headers (msg);
  soup_server_message_set_status (msg, status, NULL);
  soup_server_message_set_response (msg, "application/json; charset=utf-8", SOUP_MEMORY_TAKE, text,
                                    length);
}

void
_hall_server_respond_error (SoupServerMessage *msg,
                            const GError      *error)
{
  g_autoptr (JsonObject) body = json_object_new ();
  JsonObject   *inner = json_object_new ();
  HallErrorCode code = HALL_ERROR_INTERNAL;
  const char   *field = NULL;
  const char   *message = error->message;

  if (error->domain == HALL_ERROR)
    {
      code = error->code;
      field = hall_error_get_field (error);
    }
  else
    {
      g_message ("Internal error answered as 500: %s", error->message);
      message = _ ("The hall server failed to do this.");
    }

  json_object_set_string_member (inner, "code", hall_error_code_to_string (code));
  json_object_set_string_member (inner, "message", message);
  if (field != NULL)
    json_object_set_string_member (inner, "field", field);
  else
    json_object_set_null_member (inner, "field");
  json_object_set_object_member (body, "error", inner);

  /* Retry-After: how long a rate limit lasts, or that a 503 is a passing outage (the server
   * stopping for a restart) which a client may ride out by sending again. A 503 without it (a
   * full disk) lasts until someone acts, and clients say so at once. */
  if (code == HALL_ERROR_RATE_LIMITED
      || (code == HALL_ERROR_UNAVAILABLE && hall_error_get_retry_after (error) > 0))
    {
      guint            wait = hall_error_get_retry_after (error);
      g_autofree char *seconds = g_strdup_printf ("%u", wait > 0 ? wait : 60);

      soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Retry-After",
                                    seconds);
    }
  _hall_server_respond_json (msg, hall_error_code_to_status (code), body);
}

/* An error in the LAN contract's shape with an HTTP status of its own (405). */
void
_hall_server_respond_error_status (SoupServerMessage *msg,
                                   guint              status,
                                   HallErrorCode      code,
                                   const char        *field,
                                   const char        *message)
{
  g_autoptr (GError) error = hall_error_new_literal (code, field, message);

  _hall_server_respond_error (msg, error);
  soup_server_message_set_status (msg, status, NULL);
}

void
_hall_server_respond_simple_error (SoupServerMessage *msg,
                                   HallErrorCode      code,
                                   const char        *field,
                                   const char        *message)
{
  g_autoptr (GError) error = hall_error_new_literal (code, field, message);

  _hall_server_respond_error (msg, error);
}

/* 503 while the server stops for a restart: a passing outage, so with Retry-After. */
void
_hall_server_respond_stopping (SoupServerMessage *msg)
{
  g_autoptr (GError) error = hall_error_new_literal (
      HALL_ERROR_UNAVAILABLE, NULL, _ ("The hall server is stopping. Try again shortly."));

  hall_error_set_retry_after (error, 1);
  _hall_server_respond_error (msg, error);
}

/* Server-Timing (W3C), in milliseconds, for the benchmark: sent only when HALL_SERVER_TIMING=1
 * was set when the server started. @received: the handler ran (headers and body in); @parsed:
 * the body was checked; @called_back: the engine's answer reached the main context. */
void
_hall_server_add_timing (SoupServerMessage      *msg,
                         gint64                  received,
                         gint64                  parsed,
                         const HallEngineTiming *timing,
                         gint64                  called_back)
{
  g_autofree char *value = NULL;
  gint64           answered = g_get_monotonic_time ();

  value = g_strdup_printf (
      "parse;dur=%.3f, queue;dur=%.3f, sql;dur=%.3f, commit;dur=%.3f, fanout;dur=%.3f, "
      "handoff;dur=%.3f, answer;dur=%.3f, total;dur=%.3f, batch;desc=%u, pages;desc=%u",
      (parsed - received) / 1000.0, (timing->started - timing->queued) / 1000.0,
      timing->exec_us / 1000.0, timing->commit_us / 1000.0, timing->fanout_us / 1000.0,
      /* the fan-out may begin before the worker is done handing back */
      MAX (called_back - MAX (timing->done, timing->started) - timing->fanout_us, 0) / 1000.0, (answered - called_back) / 1000.0,
      (answered - received) / 1000.0, timing->batch, timing->pages);
  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "Server-Timing",
                                value);
}

/* ---- request parsing ---------------------------------------------------------------------- */

static gboolean
is_blank (const char *data,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

JsonObject *
_hall_server_parse_json (const char *data,
                         gsize       length,
                         GError    **error)
{
  g_autoptr (JsonParser) parser = NULL;
  g_autoptr (GError) parse_error = NULL;
  g_autoptr (GArray) nul_escapes = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autofree char *patched = NULL;
  JsonNode        *root;

  if (length > HALL_SERVER_MAX_BODY)
    {
      hall_set_error (
          error, HALL_ERROR_TOO_LARGE, NULL,
          _ ("The request is too large: the limit is 1 MiB. Send less text or fewer items."));
      return NULL;
    }
  if (data == NULL || is_blank (data, length))
    return json_object_new ();
  if (!g_utf8_validate (data, length, NULL))
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, NULL,
                      _ ("The request is not valid UTF-8 text."));
      return NULL;
    }
  if (!_hall_json_check (data, length, MAX_JSON_DEPTH, nul_escapes, error))
    return NULL;
  if (nul_escapes->len > 0)
    {
      /* json-glib ends a string at an escaped NUL, so "admin\u0000xyz" would read as "admin".
       * As \u0001 the string stays whole and the field's own check refuses it, naming it. */
      patched = g_strndup (data, length);
      for (guint i = 0; i < nul_escapes->len; i++)
        patched[g_array_index (nul_escapes, gsize, i) + 5] = '1';
      data = patched;
    }

  /* Not an immutable parser: the commands trim their text parameters in place
   * (hall_param_string()), so that the handler and the stored value agree. */
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, data, length, &parse_error))
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, NULL,
                      _ ("The request is not valid JSON: %s"), parse_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, NULL,
                      _ ("The request must be a JSON object, such as {\"name\": \"value\"}."));
      return NULL;
    }
  return json_object_ref (json_node_get_object (root));
}

/* The request body as a JSON object; an empty body counts as {}. */
JsonObject *
_hall_server_parse_body (SoupServerMessage *msg,
                         GError           **error)
{
  g_autoptr (GBytes) bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  gsize       length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return _hall_server_parse_json (data, length, error);
}

/* The bearer token, NULL when there is none; FALSE with @error when the header is malformed. */
gboolean
_hall_server_get_token (SoupServerMessage *msg,
                        GHashTable        *query,
                        char             **token,
                        GError           **error)
{
  const char *header = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                     "Authorization");
  const char *value = NULL;

  *token = NULL;
  if (header != NULL)
    {
      if (g_ascii_strncasecmp (header, "Bearer ", 7) != 0)
        {
          hall_set_error (error, HALL_ERROR_UNAUTHENTICATED, NULL,
                          _ ("Send the session token as “Authorization: Bearer <token>”."));
          return FALSE;
        }
      value = header + 7;
      while (*value == ' ')
        value++;
    }
  else if (query != NULL)
    value = g_hash_table_lookup (query, "token");

  if (value == NULL || *value == '\0')
    return TRUE;
  if (strlen (value) > MAX_TOKEN_CHARS || !g_utf8_validate (value, -1, NULL))
    {
      hall_set_error (error, HALL_ERROR_UNAUTHENTICATED, NULL,
                      _ ("Your session has ended. Please sign in again."));
      return FALSE;
    }
  *token = g_strdup (value);
  return TRUE;
}
