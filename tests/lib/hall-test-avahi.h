/* hall-test-avahi.h — a real avahi-daemon of the test's own, for the hall found on the LAN
 *
 * The daemon runs in a network namespace of its own (only its loopback, with multicast on, so
 * nothing is announced to or heard from the machine's LAN) with a private /run/avahi-daemon, and
 * talks to the test's own system bus (a dbus-daemon with a configuration that lets avahi own its
 * name). DBUS_SYSTEM_BUS_ADDRESS points this process and the servers it starts at that bus. The
 * servers themselves stay in the test's namespace on 127.0.0.1: what the daemon announces is the
 * port and the TXT record, and its own 127.0.0.1 is the address a browser resolves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hall-discovery.h"

G_BEGIN_DECLS

typedef struct _HallTestAvahi HallTestAvahi;

/* The bus and the daemon, running; NULL with @why (for the skip message) when they cannot run
 * here (not root, no namespaces, no avahi-daemon or dbus-daemon, the daemon failed to start). */
HallTestAvahi *hall_test_avahi_new (char **why);
/* Stops the daemon (the bus stays): clients see it go away. */
void hall_test_avahi_stop_daemon (HallTestAvahi *self);
/* Starts it again (asserts it starts). */
void hall_test_avahi_start_daemon (HallTestAvahi *self);
/* Stops both, removes the namespace and the folder, and unsets DBUS_SYSTEM_BUS_ADDRESS. */
void hall_test_avahi_free (HallTestAvahi *self);

/* Iterates the thread-default main context until @model has @n_items, or fails the test after
 * HALL_TEST_SERVER_TIMEOUT seconds. */
void hall_test_wait_n_items (GListModel *model,
                             guint       n_items);

/* Waits until @discovery lists one hall only, named @name (what an earlier server announced may
 * linger a moment after it ended); returns it (owned by the model). */
HallDiscoveredHall *hall_test_wait_for_hall (HallDiscovery *discovery,
                                             const char    *name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HallTestAvahi, hall_test_avahi_free)

G_END_DECLS
