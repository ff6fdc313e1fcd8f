/* hall-counter-card.h — one service window on the hall board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hall-json-item.h"

G_BEGIN_DECLS

#define HALL_TYPE_COUNTER_CARD (hall_counter_card_get_type ())

G_DECLARE_FINAL_TYPE (HallCounterCard, hall_counter_card, HALL, COUNTER_CARD, GtkWidget)

GtkWidget    *hall_counter_card_new (HallJsonItem *item);
HallJsonItem *hall_counter_card_get_item (HallCounterCard *self);
void          hall_counter_card_set_item (HallCounterCard *self,
                                          HallJsonItem    *item);

G_END_DECLS
