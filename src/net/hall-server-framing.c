/* hall-server-framing.c — requests whose body length is not plain are refused at the headers
 *
 * libsoup 3.2 parses the framing itself and forgives too much: a Content-Length of "2, 5" reads
 * five bytes, a negative one makes it wait for a body that never ends, a chunk size of "zz"
 * reads as 0 (the end of the body) and whatever follows as the next request, and a body it was
 * told to refuse is still read to its end before the answer goes out (32 MiB at a time). A
 * request in two readings is how one client slips a request past another's checks.
 *
 * So when the headers are in, before libsoup reads any of the body: one Content-Length of
 * digits only (repeats of the same value allowed), no Transfer-Encoding (the hall's clients send
 * a Content-Length; chunked bodies, with their chunk sizes, are refused whole), at most 1 MiB.
 * Anything else is answered here, in the LAN contract's error shape, with the connection taken
 * from libsoup and closed: nothing of that connection is read as a request again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-server"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-server-private.h"

/* After the answer, what the client still sends is read and dropped for a while, so that
 * closing does not reset the connection before the client has read the answer: a client such
 * as libsoup reads it only once it has sent its whole body. A body of a few MiB (a clerk's
 * oversized paste) is drained; a larger one is cut off. */
#define LINGER_MSEC 2000
#define LINGER_BYTES (4 * 1024 * 1024)

typedef struct
{
  GIOStream    *stream;
  GBytes       *answer;
  GCancellable *linger;
  guint         linger_timeout;
  char          buffer[16 * 1024];
  gsize         drained;
} Refusal;

static void
refusal_free (Refusal *refusal)
{
  g_clear_handle_id (&refusal->linger_timeout, g_source_remove);
  g_clear_object (&refusal->linger);
  g_clear_object (&refusal->stream);
  g_clear_pointer (&refusal->answer, g_bytes_unref);
  g_free (refusal);
}

static gboolean
linger_over_cb (gpointer user_data)
{
  Refusal *refusal = user_data;

  refusal->linger_timeout = 0;
  g_cancellable_cancel (refusal->linger);
  return G_SOURCE_REMOVE;
}

static void
closed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_io_stream_close_finish (G_IO_STREAM (object), result, NULL);
  refusal_free (user_data);
}

static void
finish (Refusal *refusal)
{
  g_io_stream_close_async (refusal->stream, G_PRIORITY_DEFAULT, NULL, closed_cb, refusal);
}

static void
drained_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Refusal *refusal = user_data;
  gssize   n = g_input_stream_read_finish (G_INPUT_STREAM (object), result, NULL);

  if (n <= 0 || (refusal->drained += n) >= LINGER_BYTES)
    {
      finish (refusal);
      return;
    }
  g_input_stream_read_async (g_io_stream_get_input_stream (refusal->stream), refusal->buffer,
                             sizeof refusal->buffer, G_PRIORITY_DEFAULT, refusal->linger,
                             drained_cb, refusal);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Refusal *refusal = user_data;

  if (!g_output_stream_write_all_finish (G_OUTPUT_STREAM (object), result, NULL, NULL))
    {
      finish (refusal);
      return;
    }
  g_output_stream_flush (G_OUTPUT_STREAM (object), NULL, NULL);
  refusal->linger = g_cancellable_new ();
  refusal->linger_timeout = g_timeout_add (LINGER_MSEC, linger_over_cb, refusal);
  g_input_stream_read_async (g_io_stream_get_input_stream (refusal->stream), refusal->buffer,
                             sizeof refusal->buffer, G_PRIORITY_DEFAULT, refusal->linger,
                             drained_cb, refusal);
}

static void
add_header (const char *name,
            const char *value,
            gpointer    user_data)
{
  g_string_append_printf (user_data, "%s: %s\r\n", name, value);
}

/* The message is paused, so libsoup reads nothing more: answer it on the raw connection. */
static gboolean
answer_idle_cb (gpointer user_data)
{
  g_autoptr (SoupServerMessage) msg = user_data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (msg);
  g_autoptr (GBytes) body = soup_message_body_flatten (soup_server_message_get_response_body (msg));
  guint      status = soup_server_message_get_status (msg);
  GString   *answer = g_string_new (NULL);
  Refusal   *refusal;
  GIOStream *stream;

  soup_message_headers_remove (headers, "Content-Length");
  soup_message_headers_replace (headers, "Connection", "close");
  g_string_append_printf (answer, "HTTP/1.1 %u %s\r\n", status, soup_status_get_phrase (status));
  soup_message_headers_foreach (headers, add_header, answer);
  g_string_append_printf (answer, "Content-Length: %" G_GSIZE_FORMAT "\r\n\r\n",
                          g_bytes_get_size (body));
  g_string_append_len (answer, g_bytes_get_data (body, NULL), g_bytes_get_size (body));

  stream = soup_server_message_steal_connection (msg);
  if (stream == NULL)
    {
      g_string_free (answer, TRUE);
      return G_SOURCE_REMOVE;
    }
  refusal = g_new0 (Refusal, 1);
  refusal->stream = stream;
  refusal->answer = g_string_free_to_bytes (answer);
  g_output_stream_write_all_async (g_io_stream_get_output_stream (stream),
                                   g_bytes_get_data (refusal->answer, NULL),
                                   g_bytes_get_size (refusal->answer), G_PRIORITY_DEFAULT, NULL,
                                   written_cb, refusal);
  return G_SOURCE_REMOVE;
}

static void
refuse (SoupServerMessage *msg,
        guint              status,
        HallErrorCode      code,
        const char        *message)
{
  _hall_server_respond_error_status (msg, status, code, NULL, message);
  soup_server_message_pause (msg);
  g_idle_add (answer_idle_cb, g_object_ref (msg));
}

/* Whether every value of a Content-Length header (libsoup joins repeats with ", ") is the same
 * run of digits. */
static gboolean
content_length_plain (const char *list)
{
  g_auto (GStrv) values = g_strsplit (list, ",", -1);
  const char *first = NULL;

  for (guint i = 0; values[i] != NULL; i++)
    {
      const char *value = g_strstrip (values[i]);
      gsize       n = strlen (value);

      if (n == 0 || n > 18)
        return FALSE;
      for (gsize j = 0; j < n; j++)
        if (!g_ascii_isdigit (value[j]))
          return FALSE;
      if (first != NULL && !g_str_equal (first, value))
        return FALSE;
      first = value;
    }
  return first != NULL;
}

gboolean
_hall_server_framing_refused (SoupServerMessage *msg)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char         *length = soup_message_headers_get_list (headers, "Content-Length");

  if (soup_message_headers_get_list (headers, "Transfer-Encoding") != NULL)
    refuse (msg, SOUP_STATUS_BAD_REQUEST, HALL_ERROR_INVALID_ARGUMENT,
            _ ("Send the request body in one piece with a Content-Length, not in chunks."));
  else if (length != NULL && !content_length_plain (length))
    refuse (msg, SOUP_STATUS_BAD_REQUEST, HALL_ERROR_INVALID_ARGUMENT,
            _ ("The request’s Content-Length is not one whole number."));
  else if (length != NULL && g_ascii_strtoull (length, NULL, 10) > HALL_SERVER_MAX_BODY)
    refuse (msg, SOUP_STATUS_REQUEST_ENTITY_TOO_LARGE, HALL_ERROR_TOO_LARGE,
            _ ("The request is too large: the limit is 1 MiB. Send less text or fewer items."));
  else
    return FALSE;
  return TRUE;
}

/* Paths without an early handler of their own. */
void
_hall_server_framing_early_cb (SoupServer        *soup,
                               SoupServerMessage *msg,
                               const char        *path,
                               GHashTable        *query,
                               gpointer           user_data)
{
  _hall_server_framing_refused (msg);
}
