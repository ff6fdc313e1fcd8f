/* hall-manager-rows.h — rows the hall manager's pages share: a ticket in the queue, and a
 * petitioner's earlier visits and matters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A ticket as ticket.list gives it: code, department, wait, priority, persons, and the buttons
 * for what the manager may do with it in its state (actions "queue.front", "queue.priority",
 * "queue.transfer", "queue.resume", "queue.reactivate", targeted at the ticket id). */
GtkWidget  *_hall_ticket_row_new             (JsonObject *ticket);

/* Fills @list and @repeat_label from a petitioner.lookup result: a first-visit note, or the
 * repeat-visit warning (第 N 次来访) and the earlier matters and visits. Returns the person found
 * (owned by @lookup) or NULL. */
JsonObject *_hall_petitioner_history_show    (GtkListBox *list,
                                              GtkLabel   *repeat_label,
                                              JsonObject *lookup);
void        _hall_petitioner_history_clear   (GtkListBox *list,
                                              GtkLabel   *repeat_label);

G_END_DECLS
