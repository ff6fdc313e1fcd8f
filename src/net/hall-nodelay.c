/* hall-nodelay.c — small answers sent at once: TCP_NODELAY on the hall's connections
 *
 * A counter's call is a few hundred bytes each way. libsoup writes the headers and the body
 * separately; with Nagle's algorithm on, the second write waits for the peer to acknowledge the
 * first. The server sets the option on every connection it answers on. (On the clients' side the
 * bench showed no gain.)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-net"

#include "config.h"

#include <netinet/in.h>
#include <netinet/tcp.h>

#include "hall-nodelay.h"

void
hall_socket_set_nodelay (GSocket *socket)
{
  g_autoptr (GError) error = NULL;

  if (socket == NULL || g_object_get_data (G_OBJECT (socket), "hall-nodelay") != NULL)
    return;
  g_object_set_data (G_OBJECT (socket), "hall-nodelay", GINT_TO_POINTER (1));
  /* a UNIX socket has no such option; nothing is lost without it but speed */
  if (g_socket_get_family (socket) != G_SOCKET_FAMILY_UNIX
      && !g_socket_set_option (socket, IPPROTO_TCP, TCP_NODELAY, 1, &error))
    g_debug ("TCP_NODELAY: %s", error->message);
}
