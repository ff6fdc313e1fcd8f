/* hall-counter-page-private.h — what the counter page's display and its actions share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-action-form.h"
#include "hall-counter-page.h"
#include "hall-matter-form.h"

G_BEGIN_DECLS

struct _HallCounterPage
{
  HallPage parent_instance;

  GSignalGroup *client_notify; /* "notify::counter-id" */
  gboolean      busy;
  JsonObject   *counter;
  JsonObject   *current;
  JsonObject   *snapshot;
  JsonObject   *person; /* petitioner.lookup's person for the current visitor */
  gint64        person_ticket_id;
  gint64        lookup_ticket_id; /* the ticket whose triage petitioner is being looked up */
  JsonArray    *counters;         /* hall.info's */
  JsonArray    *departments;
  GListStore   *waiting;
  GtkWidget    *choose_row;

  GtkStack            *stack;
  AdwPreferencesGroup *choose_group;
  GtkLabel            *counter_title;
  GtkLabel            *counter_state;
  GtkWidget           *open_button;
  GtkWidget           *pause_button;
  GtkWidget           *resume_button;
  GtkWidget           *close_button;
  HallActionForm      *action_form;
  GtkWidget           *visitor_card;
  GtkLabel            *ticket_code;
  GtkLabel            *ticket_state;
  GtkLabel            *repeat_badge;
  GtkLabel            *ticket_details;
  GtkLabel            *petitioner_label;
  GtkListBox          *earlier_list;
  GtkRevealer         *register_revealer;
  GtkWidget           *show_matter_button;
  HallMatterForm      *matter_form;
  GtkLabel            *waiting_heading;
  GtkListBox          *waiting_list;
};

/* The matter registered from the current visit, 0 when none. */
gint64 _hall_counter_page_current_matter (HallCounterPage *self);

/* hall-counter-page-actions.c: the "counter." actions, their keys, and the matter form's
 * "registered" handler. */
void _hall_counter_page_class_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
