/* hall-announce.c — the hall server announced on the LAN over DNS-SD (Avahi)
 *
 * The hall's PCs find their server in the join page's list instead of having its address typed:
 * the server registers `_xinfang-hall._tcp` on its port with avahi-daemon over the system bus.
 * The TXT record carries what the join page shows and checks before anyone types a password:
 * the hall's name and the certificate's fingerprint (a server presenting another certificate
 * than it announced is refused, hall-discovery.c). The hall works without the daemon: the
 * announcement is a convenience, never a condition for serving.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-announce"

#include "config.h"

#include <avahi-client/publish.h>
#include <avahi-common/alternative.h>
#include <avahi-common/error.h>
#include <avahi-common/malloc.h>
#include <glib/gi18n.h>

#include "hall-announce.h"
#include "hall-avahi-private.h"
#include "hall-server.h"

/* A DNS label: a longer hall name is cut for the service name (the TXT record keeps it whole). */
#define MAX_SERVICE_NAME_BYTES 63

struct _HallAnnounce
{
  GObject parent_instance;

  char    *hall_name;
  char    *fingerprint;
  guint16  port;
  char    *service_name; /* what is asked for; changes on a collision */
  gboolean established;
  gboolean said_waiting; /* the "no daemon" line is logged once */

  HallAvahiConnection avahi;
  AvahiEntryGroup    *group;
};

G_DEFINE_FINAL_TYPE (HallAnnounce, hall_announce, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_SERVICE_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_established (HallAnnounce *self,
                 gboolean      established)
{
  if (self->established == established)
    return;
  self->established = established;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERVICE_NAME]);
}

static void
take_alternative_name (HallAnnounce *self)
{
  char *alternative = avahi_alternative_service_name (self->service_name);

  g_message ("The name “%s” is taken on the LAN; announcing as “%s”", self->service_name,
             alternative);
  g_free (self->service_name);
  self->service_name = g_strdup (alternative);
  avahi_free (alternative);
}

static void register_service (HallAnnounce *self);

static void
group_cb (AvahiEntryGroup     *group,
          AvahiEntryGroupState state,
          void                *user_data)
{
  HallAnnounce *self = user_data;

  switch (state)
    {
    case AVAHI_ENTRY_GROUP_ESTABLISHED:
      g_message ("Announced on the LAN as “%s” (" HALL_ANNOUNCE_SERVICE_TYPE ", port %u)",
                 self->service_name, self->port);
      set_established (self, TRUE);
      break;
    case AVAHI_ENTRY_GROUP_COLLISION:
      set_established (self, FALSE);
      take_alternative_name (self);
      register_service (self);
      break;
    case AVAHI_ENTRY_GROUP_FAILURE:
      set_established (self, FALSE);
      g_message ("Could not announce the hall on the LAN: %s",
                 avahi_strerror (avahi_client_errno (avahi_entry_group_get_client (group))));
      break;
    case AVAHI_ENTRY_GROUP_UNCOMMITED:
    case AVAHI_ENTRY_GROUP_REGISTERING:
    default:
      break;
    }
}

static void
register_service (HallAnnounce *self)
{
  g_autofree char *name_txt = g_strdup_printf (HALL_ANNOUNCE_TXT_NAME "=%s", self->hall_name);
  g_autofree char *fp_txt = g_strdup_printf (HALL_ANNOUNCE_TXT_FINGERPRINT "=%s", self->fingerprint);
  int              rc;

  if (self->group == NULL)
    {
      self->group = avahi_entry_group_new (self->avahi.client, group_cb, self);
      if (self->group == NULL)
        {
          g_message ("Could not announce the hall on the LAN: %s",
                     avahi_strerror (avahi_client_errno (self->avahi.client)));
          return;
        }
    }
  else
    avahi_entry_group_reset (self->group);

  for (;;)
    {
      rc = avahi_entry_group_add_service (self->group, AVAHI_IF_UNSPEC, AVAHI_PROTO_UNSPEC, 0,
                                          self->service_name, HALL_ANNOUNCE_SERVICE_TYPE, NULL,
                                          NULL, self->port, name_txt,
                                          HALL_ANNOUNCE_TXT_API "=" G_STRINGIFY (
                                              HALL_SERVER_API_VERSION),
                                          fp_txt, NULL);
      /* Another service of this host already has the name: only a new name helps. */
      if (rc != AVAHI_ERR_COLLISION)
        break;
      take_alternative_name (self);
    }
  if (rc >= 0)
    rc = avahi_entry_group_commit (self->group);
  if (rc < 0)
    g_message ("Could not announce the hall on the LAN: %s", avahi_strerror (rc));
}

static void
client_cb (AvahiClient     *client,
           AvahiClientState state,
           gpointer         user_data)
{
  HallAnnounce *self = user_data;

  switch (state)
    {
    case AVAHI_CLIENT_S_RUNNING:
      self->said_waiting = FALSE;
      register_service (self);
      break;
    case AVAHI_CLIENT_S_COLLISION:
    case AVAHI_CLIENT_S_REGISTERING:
      /* The host name changes: the records are registered again once it is running. */
      set_established (self, FALSE);
      if (self->group != NULL)
        avahi_entry_group_reset (self->group);
      break;
    case AVAHI_CLIENT_CONNECTING:
      if (!self->said_waiting)
        g_message ("avahi-daemon is not running: the hall is announced on the LAN once it starts");
      self->said_waiting = TRUE;
      break;
    case AVAHI_CLIENT_FAILURE:
      set_established (self, FALSE);
      self->group = NULL; /* it goes with the client */
      if (avahi_client_errno (client) == AVAHI_ERR_DISCONNECTED)
        {
          g_message ("avahi-daemon went away: the hall is announced again once it is back");
          self->said_waiting = TRUE;
        }
      else
        g_message ("The hall is not announced on the LAN: %s",
                   avahi_strerror (avahi_client_errno (client)));
      break;
    default:
      break;
    }
}

static void
hall_announce_finalize (GObject *object)
{
  HallAnnounce *self = HALL_ANNOUNCE (object);

  /* Freeing the client frees its entry group, which withdraws the records (goodbye packets). */
  _hall_avahi_connection_clear (&self->avahi);
  g_free (self->hall_name);
  g_free (self->fingerprint);
  g_free (self->service_name);
  G_OBJECT_CLASS (hall_announce_parent_class)->finalize (object);
}

static void
hall_announce_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HallAnnounce *self = HALL_ANNOUNCE (object);

  switch (prop_id)
    {
    case PROP_SERVICE_NAME:
      g_value_set_string (value, hall_announce_get_service_name (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_announce_class_init (HallAnnounceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hall_announce_finalize;
  object_class->get_property = hall_announce_get_property;

  properties[PROP_SERVICE_NAME] = g_param_spec_string (
      "service-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hall_announce_init (HallAnnounce *self)
{
}

HallAnnounce *
hall_announce_new (const char *hall_name,
                   guint16     port,
                   const char *fingerprint)
{
  HallAnnounce *self;
  const char   *end;
  const char   *error = NULL;

  g_return_val_if_fail (hall_name == NULL || g_utf8_validate (hall_name, -1, NULL), NULL);
  g_return_val_if_fail (fingerprint != NULL, NULL);
  g_return_val_if_fail (port > 0, NULL);

  if (hall_name == NULL || *hall_name == '\0')
    hall_name = _ ("Xinfang Hall");

  self = g_object_new (HALL_TYPE_ANNOUNCE, NULL);
  self->hall_name = g_strdup (hall_name);
  self->fingerprint = g_strdup (fingerprint);
  self->port = port;
  /* Cut at a character boundary: 40 Chinese characters are 120 bytes. */
  end = hall_name;
  while (*end != '\0')
    {
      const char *next = g_utf8_next_char (end);

      if (next - hall_name > MAX_SERVICE_NAME_BYTES)
        break;
      end = next;
    }
  self->service_name = g_strndup (hall_name, end - hall_name);
  if (!_hall_avahi_connection_init (&self->avahi, client_cb, self, &error))
    g_message ("The hall is not announced on the LAN until avahi-daemon can be reached: %s", error);
  return self;
}

const char *
hall_announce_get_service_name (HallAnnounce *self)
{
  g_return_val_if_fail (HALL_IS_ANNOUNCE (self), NULL);
  return self->established ? self->service_name : NULL;
}
