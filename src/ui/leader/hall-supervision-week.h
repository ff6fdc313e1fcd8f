/* hall-supervision-week.h — "This week" on the supervision page: matters turning overdue
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Fills @list with leader.forecast's answer: a row per department, opening on its matters with
 * their due dates and the rules that flagged them. Returns the text of the count. */
char *_hall_supervision_week_fill (GtkListBox *list,
                                   JsonObject *forecast);

G_END_DECLS
