/* hall-server.h — the hall engine on the LAN: HTTPS, JSON commands and the change feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hall-engine.h"

G_BEGIN_DECLS

#define HALL_TYPE_SERVER (hall_server_get_type ())

G_DECLARE_FINAL_TYPE (HallServer, hall_server, HALL, SERVER, GObject)

/* The version of the LAN contract (/api/v1/…), in health and in the LAN announcement. */
#define HALL_SERVER_API_VERSION 1
/* The port a hall server listens on unless told otherwise (and a hall hosted by the app). */
#define HALL_SERVER_DEFAULT_PORT 8443
/* The largest request body the server reads (1 MiB); larger ones get 413 too_large. */
#define HALL_SERVER_MAX_BODY (1024 * 1024)
/* Failed sign-ins allowed per client address and minute before 429 rate_limited. */
#define HALL_SERVER_LOGIN_FAILURES_PER_MINUTE 10

/* Serves @engine, whose "event" signal must be emitted in the caller's main context. */
HallServer *hall_server_new (HallEngine *engine);
HallEngine *hall_server_get_engine (HallServer *self);
/* Serve HTTPS with @certificate; NULL (the default) serves plain HTTP, which
 * hall_server_listen() accepts on a loopback address only. */
void hall_server_set_tls_certificate (HallServer      *self,
                                      GTlsCertificate *certificate);
/* Parses "HOST:PORT" ("0.0.0.0:8443", "127.0.0.1:0", "[::1]:8443", "localhost:8443"); HOST is
 * an IP address or "localhost". Port 0 picks a free port. */
GSocketAddress *hall_server_parse_address (const char *host_port,
                                           GError    **error);
gboolean        hall_server_listen (HallServer     *self,
                                    GSocketAddress *address,
                                    GError        **error);
/* The port actually listened on (after port 0), or 0. */
guint16 hall_server_get_port (HallServer *self);
/* "https://HOST:PORT" or "http://HOST:PORT" of the first listener, or NULL. */
char *hall_server_get_url (HallServer *self);
/* Stops taking requests (new ones get 503 unavailable), waits for the ones the engine is
 * working on to be answered, then closes every connection and event stream. */
void     hall_server_shutdown_async (HallServer         *self,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data);
gboolean hall_server_shutdown_finish (HallServer   *self,
                                      GAsyncResult *result,
                                      GError      **error);

G_END_DECLS
