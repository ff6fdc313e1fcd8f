/* hall-escalations-page.h — escalations in progress: those not received on their day, today's
 * duty leaders, the visitors waiting for each, and the receptions recorded today
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_ESCALATIONS_PAGE (hall_escalations_page_get_type ())

G_DECLARE_FINAL_TYPE (HallEscalationsPage, hall_escalations_page, HALL, ESCALATIONS_PAGE, HallPage)

GtkWidget *hall_escalations_page_new (HallClient *client);
/* What the page shows: {"leaders": [leader.today entries, each with "visitors" from leader.queue],
 * "escalations": [leader.escalations rows], "lapsed": n, "receptions": [...]}, or NULL before the
 * first read. */
JsonObject *hall_escalations_page_get_data (HallEscalationsPage *self);
/* TRUE while the page reads, or a lapsed escalation's follow-up is under way. */
gboolean hall_escalations_page_get_busy (HallEscalationsPage *self);
/* The dialog asking before a lapsed escalation is escalated again (several leaders on duty) or
 * left with its department, or NULL. */
AdwMessageDialog *hall_escalations_page_get_dialog (HallEscalationsPage *self);
/* The window showing a matter (escalations.open-matter), or NULL. */
GtkWindow *hall_escalations_page_get_matter_window (HallEscalationsPage *self);

G_END_DECLS
