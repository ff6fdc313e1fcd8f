/* hall-reception-page.h — 领导接访: the visitors escalated to this leader today, live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_RECEPTION_PAGE (hall_reception_page_get_type ())

G_DECLARE_FINAL_TYPE (HallReceptionPage, hall_reception_page, HALL, RECEPTION_PAGE, HallPage)

GtkWidget *hall_reception_page_new (HallClient *client);
/* HallJsonItem per visitor, as leader.queue gives them (waiting or called). */
GListModel *hall_reception_page_get_visitors (HallReceptionPage *self);
/* The HallReceptionForm of the visitor being received. */
GtkWidget *hall_reception_page_get_form (HallReceptionPage *self);
/* "list" or "form". */
const char *hall_reception_page_get_view (HallReceptionPage *self);

G_END_DECLS
