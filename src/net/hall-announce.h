/* hall-announce.h — the hall server announced on the LAN over DNS-SD (Avahi)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The DNS-SD service type of a hall server, and the keys of its TXT record. */
#define HALL_ANNOUNCE_SERVICE_TYPE "_xinfang-hall._tcp"
#define HALL_ANNOUNCE_TXT_NAME "name"      /* the hall's name, as in the hall setting */
#define HALL_ANNOUNCE_TXT_API "api"        /* HALL_SERVER_API_VERSION */
#define HALL_ANNOUNCE_TXT_FINGERPRINT "fp" /* hall_tls_fingerprint() of the certificate */

#define HALL_TYPE_ANNOUNCE (hall_announce_get_type ())

G_DECLARE_FINAL_TYPE (HallAnnounce, hall_announce, HALL, ANNOUNCE, GObject)

/* Announces a hall server listening on @port (every interface) for as long as the object lives,
 * in the thread-default main context. When avahi-daemon is not running it logs one line and
 * announces as soon as the daemon appears; a name taken by another hall becomes "NAME #2".
 * @hall_name is the hall setting ("hall_name" of hall.info); NULL or empty: "Xinfang Hall". */
HallAnnounce *hall_announce_new (const char *hall_name,
                                 guint16     port,
                                 const char *fingerprint);
/* The service name the daemon confirmed (after any collision), or NULL while not announced.
 * "service-name" is notified when it changes. */
const char *hall_announce_get_service_name (HallAnnounce *self);

G_END_DECLS
