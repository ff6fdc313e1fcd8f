/* hall-followup-page.h — 回访核实: the follow-up list, the call form and the on-site check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_FOLLOWUP_PAGE (hall_followup_page_get_type ())
G_DECLARE_FINAL_TYPE (HallFollowupPage, hall_followup_page, HALL, FOLLOWUP_PAGE, HallPage)

GtkWidget *hall_followup_page_new (HallClient *client);
/* The items of the list shown now (HallJsonItem). */
GListModel *hall_followup_page_get_items (HallFollowupPage *self);
/* The item the forms act on, or NULL. */
JsonObject *hall_followup_page_get_selected (HallFollowupPage *self);

G_END_DECLS
