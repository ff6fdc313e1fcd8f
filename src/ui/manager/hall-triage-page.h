/* hall-triage-page.h — 分流取号: the hall manager gives a walk-in visitor a ticket
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_TRIAGE_PAGE (hall_triage_page_get_type ())

G_DECLARE_FINAL_TYPE (HallTriagePage, hall_triage_page, HALL, TRIAGE_PAGE, HallPage)

GtkWidget *hall_triage_page_new (HallClient *client);
/* TRUE once the categories and departments are read from the hall. */
gboolean hall_triage_page_get_ready (HallTriagePage *self);
/* TRUE while a ticket is being issued or a petitioner looked up. */
gboolean hall_triage_page_get_busy (HallTriagePage *self);
/* The last ticket.issue result ({ticket, position, people_ahead, repeat_visits}) or NULL. */
JsonObject *hall_triage_page_get_last_issued (HallTriagePage *self);
/* The last petitioner.lookup result or NULL. */
JsonObject *hall_triage_page_get_lookup (HallTriagePage *self);

G_END_DECLS
