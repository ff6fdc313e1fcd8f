/* hall-server-keepalive.c — close kept-alive connections when the client closes them
 *
 * libsoup before 3.4 (Debian 12 has 3.2.3) loses track of an HTTP/1.1 connection between two
 * requests: after an answer it waits for the next request with a message that nobody listens
 * to yet, and when the client closes the connection instead of sending one, that message fails
 * without telling the server. The socket then stays open in CLOSE-WAIT for as long as the
 * server runs, one per connection a client ever closed, until it reaches its limit of open
 * files and stops answering. libsoup fixed this upstream for 3.4.
 *
 * Only the first request of a connection is watched properly, so after each answer on a
 * connection that stays open, the server takes the connection back from libsoup and hands it
 * over again as a new one: whatever the client does next, send a request or close, libsoup
 * sees it as the first thing on a fresh connection and closes it on end of stream.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-server"

#include "config.h"

#include "hall-server-private.h"

/* The rule libsoup applies before waiting for another request on the connection. */
static gboolean
stays_open (SoupServerMessage *msg)
{
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);

  /* HTTP/1.0 closes unless the answer says Keep-Alive, which this server never does. */
  return soup_server_message_get_http_version (msg) == SOUP_HTTP_1_1
         && soup_server_message_get_method (msg) != SOUP_METHOD_CONNECT
         && soup_message_headers_get_encoding (response) != SOUP_ENCODING_EOF
         && !soup_message_headers_header_contains (request, "Connection", "close")
         && !soup_message_headers_header_contains (response, "Connection", "close");
}

static gboolean
is_readable (GIOStream *stream)
{
  GInputStream *input = g_io_stream_get_input_stream (stream);

  return G_IS_POLLABLE_INPUT_STREAM (input)
         && g_pollable_input_stream_is_readable (G_POLLABLE_INPUT_STREAM (input));
}

/* The stream libsoup wraps the socket (or TLS) connection in, unless it has read ahead. */
static GIOStream *
unwrap (GIOStream *stolen)
{
  GIOStream *base = NULL;

  if (g_object_class_find_property (G_OBJECT_GET_CLASS (stolen), "base-iostream") == NULL)
    return g_object_ref (stolen);
  g_object_get (stolen, "base-iostream", &base, NULL);
  if (base == NULL)
    return g_object_ref (stolen);
  /* Bytes of a next request may wait in the wrapper's buffer (a client that pipelines): keep
   * the wrapper then, so they are read first. The wrapper is readable too when the bytes are
   * still in the socket, which is common once the client sent its next request before this
   * runs; keeping it then wrapped the connection once more at each such answer, and every
   * read and every GSource went through one more layer per request: the hall slowed down
   * with the requests it had served (architecture.md §10). */
  if (is_readable (stolen) && !is_readable (base))
    {
      g_object_unref (base);
      return g_object_ref (stolen);
    }
  return base;
}

/* The answer is out; libsoup has not yet started waiting for the next request. */
static void
wrote_body_cb (SoupServerMessage *msg,
               SoupServer        *soup)
{
  g_autoptr (GSocketAddress) local = NULL;
  g_autoptr (GSocketAddress) remote = NULL;
  g_autoptr (GIOStream) stolen = NULL;
  g_autoptr (GIOStream) stream = NULL;
  g_autoptr (GError) error = NULL;

  if (!stays_open (msg))
    return;

  local = g_object_ref (soup_server_message_get_local_address (msg));
  remote = g_object_ref (soup_server_message_get_remote_address (msg));
  stolen = soup_server_message_steal_connection (msg);
  if (stolen == NULL)
    return;
  stream = unwrap (stolen);

  if (!soup_server_accept_iostream (soup, stream, local, remote, &error))
    {
      g_debug ("Closing a connection libsoup would not take back: %s", error->message);
      g_io_stream_close (stream, NULL, NULL);
    }
}

static void
request_started_cb (SoupServer        *soup,
                    SoupServerMessage *msg,
                    gpointer           user_data)
{
  g_signal_connect_object (msg, "wrote-body", G_CALLBACK (wrote_body_cb), soup, 0);
}

/* libsoup 3.4 closes such connections itself. */
void
_hall_server_keepalive_init (SoupServer *soup)
{
  if (soup_check_version (3, 4, 0))
    return;
  g_signal_connect (soup, "request-started", G_CALLBACK (request_started_cb), NULL);
}
