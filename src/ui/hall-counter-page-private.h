/* hall-counter-page-private.h — what the counter page's display and its actions share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-counter-page.h"
#include "hall-matter-form.h"

G_BEGIN_DECLS

struct _HallCounterPage
{
  AdwBin parent_instance;

  HallClient *client;
  GSignalGroup *client_signals;
  GSignalGroup *client_notify;
  GCancellable *cancellable;
  gboolean loading;
  gboolean dirty;
  gboolean busy;
  JsonObject *counter;
  JsonObject *current;
  JsonObject *snapshot;
  JsonObject *person;      /* petitioner.lookup's person for the current visitor */
  gint64 person_ticket_id;
  gint64 lookup_ticket_id; /* the ticket whose triage petitioner is being looked up */
  JsonArray *counters;     /* hall.info's */
  JsonArray *departments;
  GListStore *waiting;
  const char *form;
  GtkWidget *form_group;
  GtkWidget *choose_row;

  GtkStack *stack;
  AdwPreferencesGroup *choose_group;
  GtkLabel *counter_title;
  GtkLabel *counter_state;
  GtkWidget *open_button;
  GtkWidget *pause_button;
  GtkWidget *resume_button;
  GtkWidget *close_button;
  GtkRevealer *form_revealer;
  GtkLabel *form_title;
  GtkLabel *form_error;
  AdwBin *form_bin;
  GtkButton *apply_button;
  GtkWidget *visitor_card;
  GtkLabel *ticket_code;
  GtkLabel *ticket_state;
  GtkLabel *repeat_badge;
  GtkLabel *ticket_details;
  GtkLabel *petitioner_label;
  GtkListBox *earlier_list;
  GtkRevealer *register_revealer;
  GtkWidget *show_matter_button;
  HallMatterForm *matter_form;
  GtkLabel *waiting_heading;
  GtkListBox *waiting_list;
};

gint64      _hall_counter_page_counter_id          (HallCounterPage *self);
/* A string member, NULL when missing or null. */
const char *_hall_counter_page_string              (JsonObject      *object,
                                                    const char      *member);
/* The matter registered from the current visit, 0 when none. */
gint64      _hall_counter_page_current_matter      (HallCounterPage *self);
void        _hall_counter_page_refresh             (HallCounterPage *self);
void        _hall_counter_page_update_actions      (HallCounterPage *self);
void        _hall_counter_page_show_person         (HallCounterPage *self);
void        _hall_counter_page_close_form          (HallCounterPage *self);

/* hall-counter-page-actions.c */
void        _hall_counter_page_counter_action      (GtkWidget       *widget,
                                                    const char      *action_name,
                                                    GVariant        *parameter);
void        _hall_counter_page_form_apply_action   (GtkWidget       *widget,
                                                    const char      *action_name,
                                                    GVariant        *parameter);
void        _hall_counter_page_form_cancel_action  (GtkWidget       *widget,
                                                    const char      *action_name,
                                                    GVariant        *parameter);
void        _hall_counter_page_register_action     (GtkWidget       *widget,
                                                    const char      *action_name,
                                                    GVariant        *parameter);
/* Opens the matter just registered on the clerk's "My Matters" page. */
void        _hall_counter_page_show_matter_action  (GtkWidget       *widget,
                                                    const char      *action_name,
                                                    GVariant        *parameter);
void        _hall_counter_page_choose_action       (GtkWidget       *widget,
                                                    const char      *action_name,
                                                    GVariant        *parameter);
/* The matter form registered the visitor's matter: the visit finishes with it. */
void        _hall_counter_page_registered_cb       (HallCounterPage *self,
                                                    JsonObject      *result);

G_END_DECLS
