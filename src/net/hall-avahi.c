/* hall-avahi.c — a connection to avahi-daemon that outlives the daemon's restarts
 *
 * Shared by the announcement (hall-announce.c) and the browser (hall-discovery.c): both must
 * work without a daemon and pick up when one starts (AVAHI_CLIENT_NO_FAIL), and start again
 * with a new client when the daemon stops, which ends the old one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-avahi"

#include "config.h"

#include <avahi-common/error.h>

#include "hall-avahi-private.h"

/* Without a system bus not even a waiting client can be made: try again this often. */
#define RETRY_SECONDS 10

static void     connect_client (HallAvahiConnection *self,
                                int                 *error);
static gboolean reconnect_cb (gpointer user_data);

/* In the context the client's poll runs in: @seconds 0 for as soon as possible. */
static void
schedule_reconnect (HallAvahiConnection *self,
                    guint                seconds)
{
  GSource *source = seconds ? g_timeout_source_new_seconds (seconds) : g_idle_source_new ();

  g_source_set_callback (source, reconnect_cb, self, NULL);
  g_source_attach (source, g_main_context_get_thread_default ());
  self->reconnect = source;
}

static gboolean
reconnect_cb (gpointer user_data)
{
  HallAvahiConnection *self = user_data;
  int                  error = 0;

  g_clear_pointer (&self->reconnect, g_source_unref);
  connect_client (self, &error);
  if (self->client == NULL)
    {
      g_debug ("Cannot reach avahi-daemon: %s", avahi_strerror (error));
      schedule_reconnect (self, RETRY_SECONDS);
    }
  return G_SOURCE_REMOVE;
}

static void
client_cb (AvahiClient     *client,
           AvahiClientState state,
           void            *user_data)
{
  HallAvahiConnection *self = user_data;

  /* The first call comes from inside avahi_client_new(), before it returned. */
  self->client = client;
  self->state_func (client, state, self->user_data);
  if (state == AVAHI_CLIENT_FAILURE && avahi_client_errno (client) == AVAHI_ERR_DISCONNECTED)
    {
      /* Not freed inside its own callback's caller chain: from an idle. */
      schedule_reconnect (self, 0);
    }
}

static void
connect_client (HallAvahiConnection *self,
                int                 *error)
{
  g_clear_pointer (&self->client, avahi_client_free);
  /* NO_FAIL: without a daemon the client waits (CONNECTING) and runs once it appears. */
  self->client = avahi_client_new (avahi_glib_poll_get (self->poll), AVAHI_CLIENT_NO_FAIL,
                                   client_cb, self, error);
}

gboolean
_hall_avahi_connection_init (HallAvahiConnection *self,
                             HallAvahiStateFunc   state_func,
                             gpointer             user_data,
                             const char         **error_text)
{
  int error = 0;

  self->state_func = state_func;
  self->user_data = user_data;
  self->poll = avahi_glib_poll_new (g_main_context_get_thread_default (), G_PRIORITY_DEFAULT);
  connect_client (self, &error);
  if (self->client == NULL)
    {
      *error_text = avahi_strerror (error);
      schedule_reconnect (self, RETRY_SECONDS);
    }
  return self->client != NULL;
}

void
_hall_avahi_connection_clear (HallAvahiConnection *self)
{
  if (self->reconnect != NULL)
    g_source_destroy (self->reconnect);
  g_clear_pointer (&self->reconnect, g_source_unref);
  g_clear_pointer (&self->client, avahi_client_free);
  g_clear_pointer (&self->poll, avahi_glib_poll_free);
}
