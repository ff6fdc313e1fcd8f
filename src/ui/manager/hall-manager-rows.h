/* hall-manager-rows.h — the rows of the hall manager's pages: a ticket in the queue, a lapsed
 * escalation, a petitioner's earlier visits and matters, and the words they share
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
GtkWidget *_hall_manager_rows_ticket_new (JsonObject *ticket);

/* A lapsed escalation as leader.escalations gives it: "Not received" in words, its matter, the
 * department, the day it was for, the leader it was escalated to and why the last follow-up
 * failed (@failure, may be NULL); the buttons activate "escalations.escalate-again" and
 * "escalations.leave" with the escalation id, the row "escalations.open-matter" with the
 * matter id. */
GtkWidget *_hall_manager_rows_lapsed_escalation_new (JsonObject *escalation,
                                                     const char *failure);

/* A leader's duty slot ("day", "am", "pm") as people say it. */
const char *_hall_manager_rows_duty_slot_label (const char *slot);

/* "3 persons" */
char *_hall_manager_rows_persons_label (gint64 persons);

/* Fills @list and @repeat_label from a petitioner.lookup result: a first-visit note, or the
 * repeat-visit warning (第 N 次来访) and the earlier matters and visits. Returns the person found
 * (owned by @lookup) or NULL. */
JsonObject *_hall_manager_rows_history_show (GtkListBox *list,
                                             GtkLabel   *repeat_label,
                                             JsonObject *lookup);
void        _hall_manager_rows_history_clear (GtkListBox *list,
                                              GtkLabel   *repeat_label);

G_END_DECLS
