/* hall-remote-client.h — the hall across the LAN: a HallClient over HTTPS and a WebSocket
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-client.h"

G_BEGIN_DECLS

#define HALL_TYPE_REMOTE_CLIENT (hall_remote_client_get_type ())

G_DECLARE_FINAL_TYPE (HallRemoteClient, hall_remote_client, HALL, REMOTE_CLIENT, HallClient)

/* @url is the server's base address ("https://192.168.1.10:8443"). @fingerprint is the SHA-256
 * fingerprint ("AB:CD:…", as hall_tls_fingerprint() writes it) of the server's self-signed
 * certificate that this computer trusts; a server presenting another certificate is refused with
 * a HALL_ERROR_UNAVAILABLE naming the field "fingerprint". NULL only for http:// addresses. */
HallClient *hall_remote_client_new (const char *url,
                                    const char *fingerprint);
const char *hall_remote_client_get_url (HallRemoteClient *self);
const char *hall_remote_client_get_fingerprint (HallRemoteClient *self);

/* Connects once to @url without trusting anyone, for the first-time "is this the hall's
 * fingerprint?" question. Returns GET /api/v1/health's object and sets @fingerprint to the
 * certificate's (NULL for http://). */
void        hall_remote_client_probe_async (const char         *url,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
JsonObject *hall_remote_client_probe_finish (GAsyncResult *result,
                                             char        **fingerprint,
                                             GError      **error);

G_END_DECLS
