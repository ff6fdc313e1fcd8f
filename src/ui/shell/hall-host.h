/* hall-host.h — this PC's hall served to the other PCs of the LAN ("Host this hall")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-engine.h"

G_BEGIN_DECLS

#define HALL_TYPE_HOST (hall_host_get_type ())

G_DECLARE_FINAL_TYPE (HallHost, hall_host, HALL, HOST, GObject)

/* Serves @engine on 0.0.0.0:@port over HTTPS with the certificate kept next to its database
 * (made on first use), as xinfang-hall-server does. */
HallHost *hall_host_start (HallEngine *engine,
                           guint16     port,
                           GError    **error);
/* Stops taking requests and closes the connections; the object may be dropped at once. */
void hall_host_stop (HallHost *self);
/* What other PCs type: "https://192.168.1.10:8443", one per line for several addresses. */
char *hall_host_dup_urls (HallHost *self);
/* The certificate's SHA-256 fingerprint, as joining PCs see it. */
const char *hall_host_get_fingerprint (HallHost *self);

G_END_DECLS
