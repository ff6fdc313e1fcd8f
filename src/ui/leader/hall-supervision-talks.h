/* hall-supervision-talks.h — the 约谈 and 通报 on the supervision page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The row of a leader.talks talk (a HallJsonItem): date, kind, department or "All
 * departments", subject and the linked matters' numbers; named "talk-<id>". */
GtkWidget *_hall_supervision_talks_create_row (gpointer item,
                                               gpointer user_data);

G_END_DECLS
