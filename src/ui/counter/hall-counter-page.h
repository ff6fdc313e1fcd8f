/* hall-counter-page.h — the window clerk's counter (窗口): its state, the visitor at it, the calls
 * and hand-ons worked from the keyboard, registering a matter, and who waits for it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_COUNTER_PAGE (hall_counter_page_get_type ())

G_DECLARE_FINAL_TYPE (HallCounterPage, hall_counter_page, HALL, COUNTER_PAGE, HallPage)

GtkWidget *hall_counter_page_new (HallClient *client);
/* The counter as hall.snapshot gives it, or NULL before it is read or without a window. */
JsonObject *hall_counter_page_get_counter (HallCounterPage *self);
/* The ticket called or served at the window now (a ticket.list object), or NULL. */
JsonObject *hall_counter_page_get_current (HallCounterPage *self);
/* HallJsonItem per waiting ticket, in calling order. */
GListModel *hall_counter_page_get_waiting (HallCounterPage *self);
GtkWidget  *hall_counter_page_get_matter_form (HallCounterPage *self);

G_END_DECLS
