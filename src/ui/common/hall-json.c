/* hall-json.c — reading the hall's replies and writing its parameters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-json"

#include "config.h"

#include "hall-json.h"
#include "hall-json-item.h"

const char *
_hall_json_string (JsonObject *object,
                   const char *member)
{
  if (object == NULL || !json_object_has_member (object, member)
      || json_object_get_null_member (object, member))
    return NULL;
  return json_object_get_string_member_with_default (object, member, NULL);
}

gboolean
_hall_json_flag (JsonObject *object,
                 const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);
  return json_node_get_int (node) != 0;
}

JsonObject *
_hall_json_params_id (const char *member,
                      gint64      id)
{
  JsonObject *params = json_object_new ();

  json_object_set_int_member (params, member, id);
  return params;
}

void
_hall_json_append_names (GtkStringList *list,
                         JsonArray     *objects)
{
  for (guint i = 0; objects != NULL && i < json_array_get_length (objects); i++)
    {
      JsonObject *object = json_array_get_object_element (objects, i);

      gtk_string_list_append (list, _hall_json_string (object, "name") ?: "");
    }
}

void
_hall_json_store_fill (GListStore *store,
                       JsonArray  *array)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    g_ptr_array_add (items, hall_json_item_new (json_array_get_object_element (array, i), now));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       items->pdata, items->len);
}
