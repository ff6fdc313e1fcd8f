/* hall-reception-form-private.h — what the reception record's display and its sending share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-date-row.h"
#include "hall-form.h"
#include "hall-reception-form.h"

G_BEGIN_DECLS

struct _HallReceptionForm
{
  HallPage parent_instance;

  guint       record; /* counts the records started: a reply for an earlier one is dropped */
  gint64      escalation_id;
  gint64      matter_id;
  gint64      petitioner_id;
  char       *petitioner_name;
  char       *today;
  gboolean    busy;
  gboolean    ready;
  guint       pending;
  GArray     *ticked; /* gint64 department ids, in the order they were ticked */
  GHashTable *checks; /* code → GtkCheckButton */

  AdwPreferencesGroup *matter_group;
  AdwActionRow        *matter_state_row;
  AdwActionRow        *matter_department_row;
  AdwActionRow        *matter_received_row;
  AdwEntryRow         *name_row;
  GtkLabel            *name_error;
  AdwComboRow         *sex_row;
  AdwEntryRow         *id_row;
  GtkLabel            *id_error;
  AdwEntryRow         *phone_row;
  GtkLabel            *phone_error;
  AdwEntryRow         *address_row;
  GtkLabel            *address_error;
  GtkSpinButton       *persons_spin;
  GtkTextView         *problem_view;
  GtkLabel            *problem_error;
  GtkTextView         *instructions_view;
  GtkLabel            *instructions_error;
  AdwComboRow         *outcome_row;
  GtkFlowBox          *departments_box;
  GtkLabel            *lead_label;
  GtkLabel            *departments_error;
  HallDateRow         *deadline_row;
  GtkLabel            *deadline_error;
  GtkTextView         *result_view;
  GtkLabel            *result_error;
  GtkLabel            *general_error;
  HallFormField
      fields[11]; /* where the hall's errors show: the field they name, else general_error */
};

void _hall_reception_form_set_busy (HallReceptionForm *self,
                                    gboolean           busy);
/* The matter and the departments are on the form (and it is not sent yet). */
void _hall_reception_form_set_ready (HallReceptionForm *self,
                                     gboolean           ready);
/* The name of a department on the form by its id. */
const char *_hall_reception_form_department_name (HallReceptionForm *self,
                                                  gint64             id);
/* The hall kept the record: the form is done, "received" is emitted. */
void _hall_reception_form_received (HallReceptionForm *self,
                                    JsonObject        *reception);

/* hall-reception-form-send.c: checking what the leader wrote, and sending it. */
void _hall_reception_form_class_init_send (GtkWidgetClass *widget_class);
void _hall_reception_form_init_send (HallReceptionForm *self);
void _hall_reception_form_clear_errors (HallReceptionForm *self);

G_END_DECLS
