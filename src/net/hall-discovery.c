/* hall-discovery.c — hall servers found on the LAN (DNS-SD through Avahi), as a list model
 *
 * The join page binds this model: each `_xinfang-hall._tcp` service the browser reports is
 * resolved (address, port, TXT record) and then listed; it leaves the list when the server
 * withdraws it (stopped, or gone from the network once its records expire). A service seen on
 * several interfaces is listed once, until it is gone from all of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-discovery"

#include "config.h"

#include <avahi-client/lookup.h>
#include <avahi-common/error.h>
#include <avahi-common/malloc.h>
#include <glib/gi18n.h>

#include "hall-announce.h"
#include "hall-avahi-private.h"
#include "hall-discovery.h"
#include "hall-error.h"
#include "hall-server.h"

/* ---- one hall ------------------------------------------------------------------------------- */

struct _HallDiscoveredHall
{
  GObject parent_instance;

  char   *name;
  char   *service_name;
  char   *address;
  char   *url;
  char   *fingerprint;
  guint16 port;
};

G_DEFINE_FINAL_TYPE (HallDiscoveredHall, hall_discovered_hall, G_TYPE_OBJECT)

enum
{
  HALL_PROP_0,
  HALL_PROP_NAME,
  HALL_PROP_ADDRESS,
  HALL_PROP_URL,
  HALL_N_PROPS
};

static GParamSpec *hall_properties[HALL_N_PROPS];

static void
hall_discovered_hall_finalize (GObject *object)
{
  HallDiscoveredHall *self = HALL_DISCOVERED_HALL (object);

  g_free (self->name);
  g_free (self->service_name);
  g_free (self->address);
  g_free (self->url);
  g_free (self->fingerprint);
  G_OBJECT_CLASS (hall_discovered_hall_parent_class)->finalize (object);
}

static void
hall_discovered_hall_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HallDiscoveredHall *self = HALL_DISCOVERED_HALL (object);

  switch (prop_id)
    {
    case HALL_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case HALL_PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;
    case HALL_PROP_URL:
      g_value_set_string (value, self->url);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_discovered_hall_class_init (HallDiscoveredHallClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags   flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = hall_discovered_hall_finalize;
  object_class->get_property = hall_discovered_hall_get_property;

  hall_properties[HALL_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  hall_properties[HALL_PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, flags);
  hall_properties[HALL_PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, HALL_N_PROPS, hall_properties);
}

static void
hall_discovered_hall_init (HallDiscoveredHall *self)
{
}

/* The value of @key in @txt as UTF-8, or NULL. */
static char *
txt_value (AvahiStringList *txt,
           const char      *key)
{
  AvahiStringList *pair = avahi_string_list_find (txt, key);
  char            *k = NULL, *v = NULL;
  char            *value = NULL;

  if (pair == NULL || avahi_string_list_get_pair (pair, &k, &v, NULL) < 0)
    return NULL;
  if (v != NULL && g_utf8_validate (v, -1, NULL))
    value = g_strdup (v);
  avahi_free (k);
  avahi_free (v);
  return value;
}

static HallDiscoveredHall *
discovered_hall_new (const char         *service_name,
                     const AvahiAddress *address,
                     guint16             port,
                     AvahiStringList    *txt)
{
  g_autoptr (HallDiscoveredHall) self = g_object_new (HALL_TYPE_DISCOVERED_HALL, NULL);
  g_autofree char *api = txt_value (txt, HALL_ANNOUNCE_TXT_API);
  char             ip[AVAHI_ADDRESS_STR_MAX];

  /* Another version of the LAN contract: this app could not talk to it. */
  if (g_strcmp0 (api, G_STRINGIFY (HALL_SERVER_API_VERSION)) != 0)
    return NULL;
  self->fingerprint = txt_value (txt, HALL_ANNOUNCE_TXT_FINGERPRINT);
  if (self->fingerprint == NULL || *self->fingerprint == '\0')
    return NULL;
  self->name = txt_value (txt, HALL_ANNOUNCE_TXT_NAME);
  if (self->name == NULL || *g_strstrip (self->name) == '\0')
    {
      g_free (self->name);
      self->name = g_strdup (service_name);
    }
  self->service_name = g_strdup (service_name);
  self->port = port;
  avahi_address_snprint (ip, sizeof ip, address);
  self->address = g_strdup_printf ("%s:%u", ip, port);
  self->url = g_strdup_printf ("https://%s", self->address);
  return g_steal_pointer (&self);
}

const char *
hall_discovered_hall_get_name (HallDiscoveredHall *self)
{
  g_return_val_if_fail (HALL_IS_DISCOVERED_HALL (self), NULL);
  return self->name;
}

const char *
hall_discovered_hall_get_service_name (HallDiscoveredHall *self)
{
  g_return_val_if_fail (HALL_IS_DISCOVERED_HALL (self), NULL);
  return self->service_name;
}

const char *
hall_discovered_hall_get_address (HallDiscoveredHall *self)
{
  g_return_val_if_fail (HALL_IS_DISCOVERED_HALL (self), NULL);
  return self->address;
}

guint16
hall_discovered_hall_get_port (HallDiscoveredHall *self)
{
  g_return_val_if_fail (HALL_IS_DISCOVERED_HALL (self), 0);
  return self->port;
}

const char *
hall_discovered_hall_get_url (HallDiscoveredHall *self)
{
  g_return_val_if_fail (HALL_IS_DISCOVERED_HALL (self), NULL);
  return self->url;
}

const char *
hall_discovered_hall_get_fingerprint (HallDiscoveredHall *self)
{
  g_return_val_if_fail (HALL_IS_DISCOVERED_HALL (self), NULL);
  return self->fingerprint;
}

gboolean
hall_discovered_hall_check_fingerprint (HallDiscoveredHall *self,
                                        const char         *presented,
                                        GError            **error)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (HALL_IS_DISCOVERED_HALL (self), FALSE);

  if (presented != NULL && g_ascii_strcasecmp (presented, self->fingerprint) == 0)
    return TRUE;
  message = g_strdup_printf (
      _ ("The server at %s presented a certificate with fingerprint %s, but the hall “%s” "
         "announced %s on the network. Do not join: another computer may be answering in its "
         "place. Ask the hall administrator."),
      self->address,
      presented != NULL ? presented : _ ("(none: it does not encrypt its connections)"),
      self->name, self->fingerprint);
  g_propagate_error (error, hall_error_new_literal (HALL_ERROR_UNAVAILABLE, "fingerprint", message));
  return FALSE;
}

/* ---- the browser ---------------------------------------------------------------------------- */

/* A service by its name: seen on @n_seen interfaces, listed once resolved. */
typedef struct
{
  HallDiscovery        *discovery;
  char                 *service_name;
  char                 *domain;
  guint                 n_seen;
  AvahiServiceResolver *resolver;
  HallDiscoveredHall   *hall;
} Found;

struct _HallDiscovery
{
  GObject parent_instance;

  GPtrArray  *halls; /* HallDiscoveredHall, sorted by name */
  GHashTable *found; /* "name\ndomain" → Found */
  gboolean    available;

  HallAvahiConnection  avahi;
  AvahiServiceBrowser *browser;
};

static void hall_discovery_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HallDiscovery, hall_discovery, G_TYPE_OBJECT, G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, hall_discovery_list_model_init))

enum
{
  PROP_0,
  PROP_AVAILABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_available (HallDiscovery *self,
               gboolean       available)
{
  if (self->available == available)
    return;
  self->available = available;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AVAILABLE]);
}

static void
unlist (HallDiscovery      *self,
        HallDiscoveredHall *hall)
{
  guint position;

  if (hall != NULL && g_ptr_array_find (self->halls, hall, &position))
    {
      g_ptr_array_remove_index (self->halls, position);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
    }
}

static void
list (HallDiscovery      *self,
      HallDiscoveredHall *hall)
{
  guint position = 0;

  while (position < self->halls->len
         && g_utf8_collate (hall_discovered_hall_get_name (g_ptr_array_index (self->halls, position)),
                            hall->name)
                <= 0)
    position++;
  g_ptr_array_insert (self->halls, position, g_object_ref (hall));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

static void
found_free (Found *found)
{
  unlist (found->discovery, found->hall);
  g_clear_object (&found->hall);
  g_clear_pointer (&found->resolver, avahi_service_resolver_free);
  g_free (found->service_name);
  g_free (found->domain);
  g_free (found);
}

static void
resolve_cb (AvahiServiceResolver  *resolver,
            AvahiIfIndex           interface,
            AvahiProtocol          protocol,
            AvahiResolverEvent     event,
            const char            *name,
            const char            *type,
            const char            *domain,
            const char            *host_name,
            const AvahiAddress    *address,
            uint16_t               port,
            AvahiStringList       *txt,
            AvahiLookupResultFlags flags,
            void                  *user_data)
{
  Found *found = user_data;
  g_autoptr (HallDiscoveredHall) hall = NULL;

  if (event != AVAHI_RESOLVER_FOUND)
    {
      g_debug ("Could not resolve “%s”: %s", name,
               avahi_strerror (avahi_client_errno (avahi_service_resolver_get_client (resolver))));
      return;
    }
  hall = discovered_hall_new (name, address, port, txt);
  if (hall == NULL)
    g_debug ("“%s” is not a hall server this app can join (no fingerprint or another API)", name);
  /* The resolver stays: a changed TXT record (a new name) or address is reported again. */
  unlist (found->discovery, found->hall);
  g_clear_object (&found->hall);
  if (hall != NULL)
    {
      found->hall = g_object_ref (hall);
      list (found->discovery, hall);
    }
}

static void
browse_cb (AvahiServiceBrowser   *browser,
           AvahiIfIndex           interface,
           AvahiProtocol          protocol,
           AvahiBrowserEvent      event,
           const char            *name,
           const char            *type,
           const char            *domain,
           AvahiLookupResultFlags flags,
           void                  *user_data)
{
  HallDiscovery   *self = user_data;
  g_autofree char *key = NULL;
  Found           *found;

  switch (event)
    {
    case AVAHI_BROWSER_NEW:
      key = g_strconcat (name, "\n", domain, NULL);
      found = g_hash_table_lookup (self->found, key);
      if (found != NULL)
        {
          found->n_seen++;
          break;
        }
      found = g_new0 (Found, 1);
      found->discovery = self;
      found->service_name = g_strdup (name);
      found->domain = g_strdup (domain);
      found->n_seen = 1;
      found->resolver = avahi_service_resolver_new (self->avahi.client, interface, protocol, name, type,
                                                    domain, AVAHI_PROTO_INET, 0, resolve_cb, found);
      g_hash_table_insert (self->found, g_steal_pointer (&key), found);
      break;
    case AVAHI_BROWSER_REMOVE:
      key = g_strconcat (name, "\n", domain, NULL);
      found = g_hash_table_lookup (self->found, key);
      if (found != NULL && --found->n_seen == 0)
        g_hash_table_remove (self->found, key);
      break;
    case AVAHI_BROWSER_FAILURE:
      g_debug ("Browsing for hall servers failed: %s",
               avahi_strerror (avahi_client_errno (avahi_service_browser_get_client (browser))));
      set_available (self, FALSE);
      break;
    case AVAHI_BROWSER_CACHE_EXHAUSTED:
    case AVAHI_BROWSER_ALL_FOR_NOW:
    default:
      break;
    }
}

static void
forget_all (HallDiscovery *self)
{
  /* Before the client goes: the resolvers are the client's. */
  g_hash_table_remove_all (self->found);
  g_clear_pointer (&self->browser, avahi_service_browser_free);
}

static void
client_cb (AvahiClient     *client,
           AvahiClientState state,
           gpointer         user_data)
{
  HallDiscovery *self = user_data;

  switch (state)
    {
    case AVAHI_CLIENT_S_RUNNING:
      if (self->browser == NULL)
        self->browser = avahi_service_browser_new (client, AVAHI_IF_UNSPEC, AVAHI_PROTO_INET,
                                                   HALL_ANNOUNCE_SERVICE_TYPE, NULL, 0, browse_cb,
                                                   self);
      if (self->browser == NULL)
        g_debug ("Cannot browse for hall servers: %s",
                 avahi_strerror (avahi_client_errno (client)));
      set_available (self, self->browser != NULL);
      break;
    case AVAHI_CLIENT_CONNECTING:
      set_available (self, FALSE);
      break;
    case AVAHI_CLIENT_FAILURE:
      forget_all (self);
      set_available (self, FALSE);
      break;
    case AVAHI_CLIENT_S_REGISTERING:
    case AVAHI_CLIENT_S_COLLISION:
    default:
      break;
    }
}

static GType
hall_discovery_get_item_type (GListModel *model)
{
  return HALL_TYPE_DISCOVERED_HALL;
}

static guint
hall_discovery_get_n_items (GListModel *model)
{
  return HALL_DISCOVERY (model)->halls->len;
}

static gpointer
hall_discovery_get_item (GListModel *model,
                         guint       position)
{
  HallDiscovery *self = HALL_DISCOVERY (model);

  if (position >= self->halls->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->halls, position));
}

static void
hall_discovery_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = hall_discovery_get_item_type;
  iface->get_n_items = hall_discovery_get_n_items;
  iface->get_item = hall_discovery_get_item;
}

static void
hall_discovery_finalize (GObject *object)
{
  HallDiscovery *self = HALL_DISCOVERY (object);

  /* Nobody to tell that the halls go. */
  g_ptr_array_set_size (self->halls, 0);
  forget_all (self);
  _hall_avahi_connection_clear (&self->avahi);
  g_hash_table_unref (self->found);
  g_ptr_array_unref (self->halls);
  G_OBJECT_CLASS (hall_discovery_parent_class)->finalize (object);
}

static void
hall_discovery_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HallDiscovery *self = HALL_DISCOVERY (object);

  switch (prop_id)
    {
    case PROP_AVAILABLE:
      g_value_set_boolean (value, self->available);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_discovery_class_init (HallDiscoveryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hall_discovery_finalize;
  object_class->get_property = hall_discovery_get_property;

  properties[PROP_AVAILABLE] = g_param_spec_boolean (
      "available", NULL, NULL, FALSE,
      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hall_discovery_init (HallDiscovery *self)
{
  self->halls = g_ptr_array_new_with_free_func (g_object_unref);
  self->found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) found_free);
}

HallDiscovery *
hall_discovery_new (void)
{
  HallDiscovery *self = g_object_new (HALL_TYPE_DISCOVERY, NULL);
  const char    *error = NULL;

  if (!_hall_avahi_connection_init (&self->avahi, client_cb, self, &error))
    g_debug ("Cannot browse for hall servers: %s", error);
  return self;
}

gboolean
hall_discovery_get_available (HallDiscovery *self)
{
  g_return_val_if_fail (HALL_IS_DISCOVERY (self), FALSE);
  return self->available;
}
