/* hall-avahi-private.h — a connection to avahi-daemon that outlives the daemon's restarts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <avahi-client/client.h>
#include <avahi-glib/glib-watch.h>
#include <glib.h>

G_BEGIN_DECLS

/* Told every state of the client: S_RUNNING once the daemon answers (again), CONNECTING while
 * there is none, FAILURE when it went away (everything made with the client is gone then, and
 * a new client waits for the next daemon). */
typedef void (*HallAvahiStateFunc) (AvahiClient     *client,
                                    AvahiClientState state,
                                    gpointer         user_data);

typedef struct
{
  AvahiGLibPoll     *poll;
  AvahiClient       *client;
  GSource           *reconnect;
  HallAvahiStateFunc state_func;
  gpointer           user_data;
} HallAvahiConnection;

/* Connects in the thread-default main context; FALSE (with the reason in @error_text, static)
 * when not even a waiting client can be made (no system bus yet): it tries again every 10 s. */
gboolean _hall_avahi_connection_init (HallAvahiConnection *self,
                                      HallAvahiStateFunc   state_func,
                                      gpointer             user_data,
                                      const char         **error_text);
void     _hall_avahi_connection_clear (HallAvahiConnection *self);

G_END_DECLS
