/* hall-host.c — this PC's hall served to the other PCs of the LAN ("Host this hall")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-host"

#include "config.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>

#include "hall-announce.h"
#include "hall-host.h"
#include "hall-server.h"
#include "hall-tls.h"

struct _HallHost
{
  GObject parent_instance;

  HallServer   *server;
  char         *fingerprint;
  GCancellable *cancellable;
  HallAnnounce *announcement; /* the join page of other PCs lists it */
};

G_DEFINE_FINAL_TYPE (HallHost, hall_host, G_TYPE_OBJECT)

static void
hall_host_dispose (GObject *object)
{
  HallHost *self = HALL_HOST (object);

  hall_host_stop (self);
  G_OBJECT_CLASS (hall_host_parent_class)->dispose (object);
}

static void
hall_host_finalize (GObject *object)
{
  HallHost *self = HALL_HOST (object);

  g_free (self->fingerprint);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (hall_host_parent_class)->finalize (object);
}

static void
hall_host_class_init (HallHostClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hall_host_dispose;
  object_class->finalize = hall_host_finalize;
}

static void
hall_host_init (HallHost *self)
{
}

static void
info_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (HallHost) self = user_data;
  g_autoptr (JsonObject) info = hall_engine_call_finish (HALL_ENGINE (object), result, NULL);

  /* Stopped meanwhile: nothing to announce. */
  if (self->server == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  self->announcement = hall_announce_new (
      info ? json_object_get_string_member_with_default (info, "hall_name", NULL) : NULL,
      hall_server_get_port (self->server), self->fingerprint);
}

HallHost *
hall_host_start (HallEngine *engine,
                 guint16     port,
                 GError    **error)
{
  g_autoptr (HallHost) self = NULL;
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autoptr (GSocketAddress) address = NULL;
  g_autofree char *tls_dir = NULL;
  g_autofree char *listen = NULL;

  g_return_val_if_fail (HALL_IS_ENGINE (engine), NULL);

  tls_dir = hall_tls_dir_for_database (hall_engine_get_path (engine));
  certificate = hall_tls_load_or_create (tls_dir, NULL, error);
  if (certificate == NULL)
    return NULL;
  listen = g_strdup_printf ("0.0.0.0:%u", port);
  address = hall_server_parse_address (listen, error);
  if (address == NULL)
    return NULL;

  self = g_object_new (HALL_TYPE_HOST, NULL);
  self->server = hall_server_new (engine);
  hall_server_set_tls_certificate (self->server, certificate);
  if (!hall_server_listen (self->server, address, error))
    return NULL;
  self->fingerprint = hall_tls_fingerprint (certificate);
  /* The hall's name comes from the engine's thread: announced once it is known. */
  self->cancellable = g_cancellable_new ();
  hall_engine_call_system_async (engine, "hall.info", NULL, self->cancellable, info_cb,
                                 g_object_ref (self));
  return g_steal_pointer (&self);
}

void
hall_host_stop (HallHost *self)
{
  g_return_if_fail (HALL_IS_HOST (self));

  if (self->server == NULL)
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->announcement);
  /* The server's dispose closes its listeners and streams; nobody waits for the answer. */
  hall_server_shutdown_async (self->server, NULL, NULL, NULL);
  g_clear_object (&self->server);
}

char *
hall_host_dup_urls (HallHost *self)
{
  g_autoptr (GString) urls = g_string_new (NULL);
  struct ifaddrs *addrs = NULL;
  guint           port;

  g_return_val_if_fail (HALL_IS_HOST (self), NULL);

  if (self->server == NULL)
    return NULL;
  port = hall_server_get_port (self->server);

  /* Other PCs need this PC's LAN addresses, not the 0.0.0.0 it listens on. */
  if (getifaddrs (&addrs) == 0)
    {
      for (struct ifaddrs *a = addrs; a != NULL; a = a->ifa_next)
        {
          char                text[INET_ADDRSTRLEN];
          struct sockaddr_in *in;

          if (a->ifa_addr == NULL || a->ifa_addr->sa_family != AF_INET)
            continue;
          in = (struct sockaddr_in *) a->ifa_addr;
          if ((ntohl (in->sin_addr.s_addr) >> 24) == 127)
            continue;
          if (inet_ntop (AF_INET, &in->sin_addr, text, sizeof text) == NULL)
            continue;
          g_string_append_printf (urls, "%shttps://%s:%u", urls->len ? "\n" : "", text, port);
        }
      freeifaddrs (addrs);
    }
  if (urls->len == 0)
    g_string_append_printf (urls, "https://%s:%u", g_get_host_name (), port);
  return g_string_free (g_steal_pointer (&urls), FALSE);
}

const char *
hall_host_get_fingerprint (HallHost *self)
{
  g_return_val_if_fail (HALL_IS_HOST (self), NULL);
  return self->fingerprint;
}
