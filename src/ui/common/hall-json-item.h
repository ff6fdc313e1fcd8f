/* hall-json-item.h — one object of the hall's JSON (a counter, a matter, an account …) as a
 * list model item, and a GListStore of them kept up to date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HALL_TYPE_JSON_ITEM (hall_json_item_get_type ())

G_DECLARE_FINAL_TYPE (HallJsonItem, hall_json_item, HALL, JSON_ITEM, GObject)

/* @data is one object of a command's answer, with its "id"; @now is the clock it was read at (a
 * snapshot's "now"), for the ages and waits shown from it. */
HallJsonItem *hall_json_item_new (JsonObject *data,
                                  gint64      now);
gint64        hall_json_item_get_id (HallJsonItem *self);
JsonObject   *hall_json_item_get_data (HallJsonItem *self);
gint64        hall_json_item_get_now (HallJsonItem *self);
/* Replaces the data; notifies "data" only when something changed. */
void hall_json_item_set_data (HallJsonItem *self,
                              JsonObject   *data,
                              gint64        now);
/* Makes @store hold an item per object of @array (NULL empties it). With @keep_items, when the
 * ids are the same in the same order, the items stay (and so the rows made for them, with what is
 * typed in them) and only those whose data changed are told. */
void hall_json_item_update_store (GListStore *store,
                                  JsonArray  *array,
                                  gint64      now,
                                  gboolean    keep_items);

G_END_DECLS
