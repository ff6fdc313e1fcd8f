/* hall-board-item.h — one counter or department of the hall board, as a list model item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HALL_TYPE_BOARD_ITEM (hall_board_item_get_type ())

G_DECLARE_FINAL_TYPE (HallBoardItem, hall_board_item, HALL, BOARD_ITEM, GObject)

/* @data is the counter or department object of hall.snapshot. @now is the snapshot's clock. */
HallBoardItem *hall_board_item_new      (JsonObject    *data,
                                         gint64         now);
gint64         hall_board_item_get_id   (HallBoardItem *self);
JsonObject    *hall_board_item_get_data (HallBoardItem *self);
gint64         hall_board_item_get_now  (HallBoardItem *self);
/* Replaces the data; notifies "data" only when something changed. */
void           hall_board_item_set_data (HallBoardItem *self,
                                         JsonObject    *data,
                                         gint64         now);
/* Makes @store hold an item per object of @array (NULL empties it). With @keep_items, when the
 * ids are the same in the same order, the items stay (and so the rows made for them, with what is
 * typed in them) and only those whose data changed are told. */
void           hall_board_item_update_store (GListStore *store,
                                             JsonArray  *array,
                                             gint64      now,
                                             gboolean    keep_items);

G_END_DECLS
