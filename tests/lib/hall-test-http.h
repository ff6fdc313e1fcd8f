/* hall-test-http.h — a plain HTTP client of the hall's API, one per thread (the concurrency and
 * crash tests, the benchmark)
 *
 * Not HallClient: no main loop, no change feed, blocking calls, so that many threads can each
 * call as fast as one window would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct
{
  SoupSession *session;
  char        *url;
  char        *token;
  char        *fingerprint;
  char        *server_timing; /* the last answer's Server-Timing header (HALL_SERVER_TIMING=1) */
} HallTestHttp;

/* A client of its own SoupSession for the server at @url: use it from one thread only. */
HallTestHttp *hall_test_http_new (const char *url);
/* The same for https://: it trusts the certificate of SHA-256 @fingerprint, and no other. */
HallTestHttp *hall_test_http_new_pinned (const char *url,
                                         const char *fingerprint);
void          hall_test_http_free (HallTestHttp *client);
/* Makes @msg trust the certificate of SHA-256 @fingerprint (which must outlive it), and no other;
 * nothing when @fingerprint is NULL. */
void hall_test_http_pin (SoupMessage *msg,
                         const char  *fingerprint);
/* POST /api/v1/@command; the error is a HALL_ERROR from the body's error code, or
 * HALL_ERROR_UNAVAILABLE when the server could not be reached. State-changing calls get a
 * request_id, as HallClient gives them. */
JsonObject *hall_test_http_call (HallTestHttp *client,
                                 const char   *command,
                                 JsonObject   *params,
                                 GError      **error);
/* The same with params parsed from @json_format (printf-style). */
JsonObject *hall_test_http_callf (HallTestHttp *client,
                                  const char   *command,
                                  GError      **error,
                                  const char   *json_format,
                                  ...) G_GNUC_PRINTF (4, 5);
/* Sends @command with @params, which carry a request_id, again and again while the server
 * cannot be reached (down, restarting, or the answer lost on the way) until it answers; adds
 * the unanswered tries to *@retries. Every try is the same request, so the hall does it once. */
JsonObject *hall_test_http_call_until_answered (HallTestHttp *client,
                                                const char   *command,
                                                JsonObject   *params,
                                                guint        *retries,
                                                GError      **error);
/* Signs in and keeps the token for the next calls; @role NULL for the default, @counter_id 0
 * for none. */
gboolean hall_test_http_login (HallTestHttp *client,
                               const char   *username,
                               const char   *password,
                               const char   *role,
                               gint64        counter_id,
                               GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HallTestHttp, hall_test_http_free)

G_END_DECLS
