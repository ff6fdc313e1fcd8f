/* hall-info.c — the hall's reference data as a page keeps it, and the drop-downs that choose
 * among it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-info"

#include "config.h"

#include "hall-info.h"

typedef struct
{
  JsonObject **info;
  HallInfoFunc func;
} InfoLoad;

static void
info_cb (HallPage     *page,
         JsonObject   *reply,
         const GError *error,
         gpointer      user_data)
{
  InfoLoad *load = user_data;

  if (reply != NULL)
    {
      g_clear_pointer (load->info, json_object_unref);
      *load->info = json_object_ref (reply);
    }
  else
    g_debug ("hall.info: %s", error->message);
  if (load->func != NULL)
    load->func (page, reply == NULL ? error : NULL);
}

void
_hall_info_load (HallPage    *page,
                 JsonObject **info,
                 HallInfoFunc func)
{
  InfoLoad *load = g_new (InfoLoad, 1);

  load->info = info;
  load->func = func;
  hall_page_load_full (page, "hall.info", NULL, info_cb, load, g_free);
}

gboolean
_hall_info_forget_on (JsonObject **info,
                      const char  *kind)
{
  if (!g_str_has_prefix (kind, "setup."))
    return FALSE;
  g_clear_pointer (info, json_object_unref);
  return TRUE;
}

JsonArray *
_hall_info_array (JsonObject *info,
                  const char *member)
{
  if (info == NULL || !json_object_has_member (info, member))
    return NULL;
  return json_object_get_array_member (info, member);
}

void
_hall_info_combo_set_items (AdwComboRow *row,
                            GArray      *ids,
                            const char  *first,
                            JsonArray   *items,
                            gboolean     with_prefix,
                            gint64       selected_id)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = 0;

  g_array_set_size (ids, 0);
  if (first != NULL)
    {
      gint64 none = 0;

      gtk_string_list_append (names, first);
      g_array_append_val (ids, none);
    }
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);
      gint64      id = json_object_get_int_member_with_default (item, "id", 0);
      const char *name = json_object_get_string_member_with_default (item, "name", "");

      if (!json_object_get_boolean_member_with_default (item, "active", TRUE))
        continue;
      if (id == selected_id)
        selected = ids->len;
      if (with_prefix)
        {
          const char      *prefix = json_object_get_string_member_with_default (item, "prefix", "");
          g_autofree char *label = g_strdup_printf ("%s  %s", prefix, name);

          gtk_string_list_append (names, label);
        }
      else
        gtk_string_list_append (names, name);
      g_array_append_val (ids, id);
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (row, selected);
}

gint64
_hall_info_combo_get_id (AdwComboRow *row,
                         GArray      *ids)
{
  guint selected = adw_combo_row_get_selected (row);

  return selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}
