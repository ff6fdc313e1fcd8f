/* hall-roster-page.h — the leaders' duty roster (值班领导), a week at a time, editable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_ROSTER_PAGE (hall_roster_page_get_type ())

G_DECLARE_FINAL_TYPE (HallRosterPage, hall_roster_page, HALL, ROSTER_PAGE, HallPage)

GtkWidget *hall_roster_page_new (HallClient *client);
/* The leader.roster result shown ({from, to, days}), or NULL before the first read. */
JsonObject *hall_roster_page_get_roster (HallRosterPage *self);
/* The hall's today ("YYYY-MM-DD"), NULL before it is known. */
const char *hall_roster_page_get_today (HallRosterPage *self);
/* TRUE while the roster is read or a change is sent. */
gboolean hall_roster_page_get_busy (HallRosterPage *self);
/* The open add or remove dialog, or NULL. */
AdwMessageDialog *hall_roster_page_get_dialog (HallRosterPage *self);

G_END_DECLS
