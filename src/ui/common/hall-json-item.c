/* hall-json-item.c — one object of the hall's JSON (a counter, a matter, an account …) as a
 * list model item, and a GListStore of them kept up to date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-json-item"

#include "config.h"

#include "hall-json-item.h"

struct _HallJsonItem
{
  GObject parent_instance;

  JsonObject *data;
  gint64      now;
};

G_DEFINE_FINAL_TYPE (HallJsonItem, hall_json_item, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_ID,
  PROP_DATA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hall_json_item_finalize (GObject *object)
{
  HallJsonItem *self = HALL_JSON_ITEM (object);

  g_clear_pointer (&self->data, json_object_unref);
  G_OBJECT_CLASS (hall_json_item_parent_class)->finalize (object);
}

static void
hall_json_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HallJsonItem *self = HALL_JSON_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, hall_json_item_get_id (self));
      break;
    case PROP_DATA:
      g_value_set_boxed (value, self->data);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_json_item_class_init (HallJsonItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hall_json_item_finalize;
  object_class->get_property = hall_json_item_get_property;

  properties[PROP_ID] =
      g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_DATA] =
      g_param_spec_boxed ("data", NULL, NULL, JSON_TYPE_OBJECT,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hall_json_item_init (HallJsonItem *self)
{
}

HallJsonItem *
hall_json_item_new (JsonObject *data,
                    gint64      now)
{
  HallJsonItem *self;

  g_return_val_if_fail (data != NULL, NULL);

  self = g_object_new (HALL_TYPE_JSON_ITEM, NULL);
  self->data = json_object_ref (data);
  self->now = now;
  return self;
}

gint64
hall_json_item_get_id (HallJsonItem *self)
{
  g_return_val_if_fail (HALL_IS_JSON_ITEM (self), 0);
  return self->data ? json_object_get_int_member_with_default (self->data, "id", 0) : 0;
}

JsonObject *
hall_json_item_get_data (HallJsonItem *self)
{
  g_return_val_if_fail (HALL_IS_JSON_ITEM (self), NULL);
  return self->data;
}

gint64
hall_json_item_get_now (HallJsonItem *self)
{
  g_return_val_if_fail (HALL_IS_JSON_ITEM (self), 0);
  return self->now;
}

void
hall_json_item_set_data (HallJsonItem *self,
                         JsonObject   *data,
                         gint64        now)
{
  g_autoptr (JsonNode) old_node = NULL;
  g_autoptr (JsonNode) new_node = NULL;
  gboolean same;

  g_return_if_fail (HALL_IS_JSON_ITEM (self));
  g_return_if_fail (data != NULL);

  old_node = json_node_init_object (json_node_alloc (), self->data);
  new_node = json_node_init_object (json_node_alloc (), data);
  /* Waiting and service times are shown to the minute: a new clock alone is news once a minute. */
  same = json_node_equal (old_node, new_node) && self->now / 60 == now / 60;
  self->now = now;
  if (same)
    return;
  g_clear_pointer (&self->data, json_object_unref);
  self->data = json_object_ref (data);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATA]);
}

void
hall_json_item_update_store (GListStore *store,
                             JsonArray  *array,
                             gint64      now,
                             gboolean    keep_items)
{
  g_autoptr (GPtrArray) items = NULL;
  guint    n_items, n;
  gboolean same_ids;

  g_return_if_fail (G_IS_LIST_STORE (store));

  n_items = g_list_model_get_n_items (G_LIST_MODEL (store));
  n = array != NULL ? json_array_get_length (array) : 0;
  same_ids = keep_items && n_items == n;
  for (guint i = 0; same_ids && i < n; i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);
      JsonObject *data = json_array_get_object_element (array, i);

      same_ids =
          hall_json_item_get_id (item) == json_object_get_int_member_with_default (data, "id", -1);
    }
  if (same_ids)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (HallJsonItem) item = g_list_model_get_item (G_LIST_MODEL (store), i);

          hall_json_item_set_data (item, json_array_get_object_element (array, i), now);
        }
      return;
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, hall_json_item_new (json_array_get_object_element (array, i), now));
  g_list_store_splice (store, 0, n_items, items->pdata, items->len);
}
