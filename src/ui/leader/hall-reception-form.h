/* hall-reception-form.h — the reception record (领导干部接待群众来访登记表) of one visitor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_RECEPTION_FORM (hall_reception_form_get_type ())

G_DECLARE_FINAL_TYPE (HallReceptionForm, hall_reception_form, HALL, RECEPTION_FORM, HallPage)

GtkWidget *hall_reception_form_new (HallClient *client);
/* Starts a record for @escalation_id (0: none) of @matter_id, prefilled from the matter and its
 * first petitioner; earlier input is cleared. */
void   hall_reception_form_load (HallReceptionForm *self,
                                 gint64             escalation_id,
                                 gint64             matter_id);
gint64 hall_reception_form_get_matter_id (HallReceptionForm *self);
/* TRUE once the matter and the departments are on the form. */
gboolean hall_reception_form_get_ready (HallReceptionForm *self);
/* Ticks or unticks a department by its code, as a click would. */
void hall_reception_form_set_department (HallReceptionForm *self,
                                         const char        *code,
                                         gboolean           assigned);

G_END_DECLS
