/* hall-nodelay.h — small answers sent at once: TCP_NODELAY on the hall's connections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Turns Nagle's algorithm off on @socket, once: a call's request or answer leaves as its headers
 * and then its body, and with Nagle the body would wait for the peer's ACK of the headers. */
void hall_socket_set_nodelay (GSocket *socket);

G_END_DECLS
