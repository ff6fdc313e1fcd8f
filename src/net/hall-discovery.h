/* hall-discovery.h — hall servers found on the LAN (DNS-SD through Avahi), as a list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define HALL_TYPE_DISCOVERED_HALL (hall_discovered_hall_get_type ())

G_DECLARE_FINAL_TYPE (HallDiscoveredHall, hall_discovered_hall, HALL, DISCOVERED_HALL, GObject)

/* The hall's name from the TXT record (the service name when it has none). */
const char *hall_discovered_hall_get_name (HallDiscoveredHall *self);
/* The service name on the LAN ("县信访超市", "县信访超市 #2"). */
const char *hall_discovered_hall_get_service_name (HallDiscoveredHall *self);
/* "192.168.1.10:8443", as the join page shows it. */
const char *hall_discovered_hall_get_address (HallDiscoveredHall *self);
guint16     hall_discovered_hall_get_port (HallDiscoveredHall *self);
/* "https://192.168.1.10:8443": what the address field gets. */
const char *hall_discovered_hall_get_url (HallDiscoveredHall *self);
/* The fingerprint the server announced (hall_tls_fingerprint()'s form). */
const char *hall_discovered_hall_get_fingerprint (HallDiscoveredHall *self);
/* FALSE (with a message naming both fingerprints) when @presented, the fingerprint of the
 * certificate the server showed when probed, is not the one it announced: another computer may
 * be answering at that address. A server without TLS (@presented NULL) is refused too. */
gboolean hall_discovered_hall_check_fingerprint (HallDiscoveredHall *self,
                                                 const char         *presented,
                                                 GError            **error);

#define HALL_TYPE_DISCOVERY (hall_discovery_get_type ())

G_DECLARE_FINAL_TYPE (HallDiscovery, hall_discovery, HALL, DISCOVERY, GObject)

/* Browses for hall servers (IPv4) in the thread-default main context while it lives: a
 * GListModel of HallDiscoveredHall, sorted by name, whose items come when a server is announced
 * and resolved and go when it withdraws. Without avahi-daemon the list stays empty and
 * "available" is FALSE; browsing starts when the daemon appears. */
HallDiscovery *hall_discovery_new (void);
/* Whether avahi-daemon answers (notified as "available"). */
gboolean hall_discovery_get_available (HallDiscovery *self);

G_END_DECLS
