/* hall-manager-rows.h — what the hall manager's pages share: a ticket in the queue, a
 * petitioner's earlier visits and matters, the hall's reference data, the changes they send and
 * the dialogs that ask first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "hall-page.h"

G_BEGIN_DECLS

/* ---- rows ---------------------------------------------------------------------------------- */

/* A ticket as ticket.list gives it: code, department, wait, priority, persons, and the buttons
 * for what the manager may do with it in its state (actions "queue.front", "queue.priority",
 * "queue.transfer", "queue.resume", "queue.reactivate", targeted at the ticket id). */
GtkWidget  *_hall_ticket_row_new             (JsonObject *ticket);

/* A flat icon button for a row: @label is its tooltip and accessible name; it activates
 * @action_name with the int64 @target. */
GtkWidget  *_hall_row_button_new             (const char *icon_name,
                                              const char *label,
                                              const char *action_name,
                                              gint64      target);

/* A lapsed escalation as leader.escalations gives it: "Not received" in words, its matter, the
 * department, the day it was for, the leader it was escalated to and why the last follow-up
 * failed (@failure, may be NULL); the buttons activate "escalations.escalate-again" and
 * "escalations.leave" with the escalation id, the row "escalations.open-matter" with the
 * matter id. */
GtkWidget  *_hall_lapsed_escalation_row_new  (JsonObject *escalation,
                                              const char *failure);

/* Removes the rows of @list (its placeholder stays). */
void        _hall_list_box_remove_rows       (GtkListBox *list);

/* A leader's duty slot ("day", "am", "pm") as people say it. */
const char *_hall_duty_slot_label            (const char *slot);

/* "3 persons" */
char       *_hall_persons_label              (gint64      persons);

/* Fills @list and @repeat_label from a petitioner.lookup result: a first-visit note, or the
 * repeat-visit warning (第 N 次来访) and the earlier matters and visits. Returns the person found
 * (owned by @lookup) or NULL. */
JsonObject *_hall_petitioner_history_show    (GtkListBox *list,
                                              GtkLabel   *repeat_label,
                                              JsonObject *lookup);
void        _hall_petitioner_history_clear   (GtkListBox *list,
                                              GtkLabel   *repeat_label);

/* ---- the hall's reference data ------------------------------------------------------------- */

/* Runs when hall.info has been read (@error NULL) or could not be. */
typedef void (*HallInfoFunc) (HallPage     *page,
                              const GError *error);

/* Reads hall.info (departments, categories, windows, today's date) into *@info, a member of
 * @page, as one of the calls of its refresh; then @func (may be NULL). A failed read keeps what
 * *@info held. */
void        _hall_info_load                  (HallPage     *page,
                                              JsonObject  **info,
                                              HallInfoFunc  func);
/* Forgets *@info on a setup.* event (departments, windows or categories changed) and says so. */
gboolean    _hall_info_forget_on             (JsonObject  **info,
                                              const char   *kind);
/* hall.info's array @member ("departments", "categories", "counters"), or NULL. */
JsonArray  *_hall_info_array                 (JsonObject   *info,
                                              const char   *member);

/* Makes @row choose among @first (id 0; may be NULL) and the active objects of @items, each
 * named by its "name" (after its ticket letter, "prefix", when @with_prefix); their ids go to
 * @ids. Selects @selected_id's item, else the first. */
void        _hall_combo_row_set_items        (AdwComboRow  *row,
                                              GArray       *ids,
                                              const char   *first,
                                              JsonArray    *items,
                                              gboolean      with_prefix,
                                              gint64        selected_id);
/* The id of @row's choice, or 0. */
gint64      _hall_combo_row_get_id           (AdwComboRow  *row,
                                              GArray       *ids);

/* ---- changes and the dialogs that ask first ------------------------------------------------ */

/* Sends @command; *@pending counts it while under way. @error_label then says why it failed
 * (or hides), and @page loads again. */
void        _hall_change_send                (HallPage     *page,
                                              const char   *command,
                                              JsonObject   *params,
                                              GtkLabel     *error_label,
                                              guint        *pending);

/* An AdwMessageDialog over @page's window, answered "cancel" or @response (suggested, and the
 * default, unless @appearance is destructive). *@slot points to it while it is open; @response_cb
 * (HallPage *page, const char *response) gets the answer. Present it when it is filled in. */
GtkWidget  *_hall_dialog_new                 (HallPage              *page,
                                              AdwMessageDialog     **slot,
                                              const char            *heading,
                                              const char            *body,
                                              const char            *response,
                                              const char            *response_label,
                                              AdwResponseAppearance  appearance,
                                              GCallback              response_cb);
/* Closes the dialog *@slot points to, if any. */
void        _hall_dialog_close               (AdwMessageDialog     **slot);
/* An entry row titled "Reason (required)", named @name: @dialog's @response stays disabled until
 * it holds more than spaces. */
AdwEntryRow *_hall_dialog_reason_row_new     (AdwMessageDialog      *dialog,
                                              const char            *name,
                                              const char            *response);
/* The text of @editable without leading and trailing spaces. */
char       *_hall_editable_get_stripped      (gpointer               editable);

G_END_DECLS
