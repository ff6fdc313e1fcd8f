/* hall-matter-form.h — register a matter (信访事项登记): every field matter.register takes, checked
 * as it is typed, petitioners filled in from the ID number's history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_MATTER_FORM (hall_matter_form_get_type ())

G_DECLARE_FINAL_TYPE (HallMatterForm, hall_matter_form, HALL, MATTER_FORM, HallPage)

GtkWidget *hall_matter_form_new (HallClient *client);
/* The visit the matter comes from (0: none); @persons the ticket's count of people. */
void   hall_matter_form_set_ticket (HallMatterForm *self,
                                    gint64          ticket_id,
                                    gint64          persons);
gint64 hall_matter_form_get_ticket_id (HallMatterForm *self);
/* Empties every field for the next visitor. */
void     hall_matter_form_reset (HallMatterForm *self);
gboolean hall_matter_form_get_busy (HallMatterForm *self);
/* The last matter.register result, or NULL. */
JsonObject *hall_matter_form_get_result (HallMatterForm *self);

G_END_DECLS
