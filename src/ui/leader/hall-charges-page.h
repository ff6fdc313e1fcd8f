/* hall-charges-page.h — 包案: the matters a leader took charge of, with the 五个一 checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_CHARGES_PAGE (hall_charges_page_get_type ())

G_DECLARE_FINAL_TYPE (HallChargesPage, hall_charges_page, HALL, CHARGES_PAGE, HallPage)

GtkWidget *hall_charges_page_new (HallClient *client);
/* HallJsonItem per charge, as leader.charges lists them. */
GListModel *hall_charges_page_get_charges (HallChargesPage *self);
/* The charge shown in detail (leader.charge_get's "charge"), or NULL. */
JsonObject *hall_charges_page_get_current (HallChargesPage *self);
/* "list" or "detail". */
const char *hall_charges_page_get_view (HallChargesPage *self);

G_END_DECLS
