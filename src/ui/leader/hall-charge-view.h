/* hall-charge-view.h — one charged matter (包案): the 五个一 checklist, its deadline, minutes and
 * progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_CHARGE_VIEW (hall_charge_view_get_type ())

G_DECLARE_FINAL_TYPE (HallChargeView, hall_charge_view, HALL, CHARGE_VIEW, HallPage)

GtkWidget *hall_charge_view_new (HallClient *client);
/* Shows @charge (leader.charge_get's "charge") and puts it into the fields the leader edits. */
void hall_charge_view_set_charge (HallChargeView *self,
                                  JsonObject     *charge);
/* The charge shown, or NULL. */
JsonObject *hall_charge_view_get_charge (HallChargeView *self);

G_END_DECLS
