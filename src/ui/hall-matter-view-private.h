/* hall-matter-view-private.h — what the matter view's display and its action forms share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-matter-view.h"

G_BEGIN_DECLS

struct _HallMatterView
{
  AdwBin parent_instance;

  HallClient *client;
  GSignalGroup *client_signals; /* "event" */
  GSignalGroup *client_notify;  /* "notify::" */
  GCancellable *cancellable;
  gint64 matter_id;
  JsonObject *result;
  JsonArray *departments;  /* hall.info's, for the assign form and the timeline */
  gboolean loading;
  gboolean dirty;
  gboolean busy;           /* an action is on its way */
  gboolean info_requested;
  const char *form;        /* static string, NULL when no form is open */
  GtkWidget *form_group;

  GtkStack *stack;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  GtkLabel *number_label;
  GtkLabel *state_label;
  GtkLabel *due_label;
  GtkLabel *summary_label;
  GtkWidget *accept_button;
  GtkWidget *decline_button;
  GtkWidget *assign_button;
  GtkWidget *escalate_button;
  GtkWidget *reply_button;
  GtkWidget *extend_button;
  GtkWidget *close_button;
  GtkRevealer *form_revealer;
  GtkLabel *form_title;
  GtkLabel *form_error;
  AdwBin *form_bin;
  GtkButton *apply_button;
  GtkListBox *details_list;
  GtkListBox *petitioners_list;
  GtkListBox *timeline_list;
};

JsonObject *_hall_matter_view_get_matter      (HallMatterView *self);
/* A string member, NULL when missing or null. */
const char *_hall_matter_view_string          (JsonObject     *object,
                                               const char     *member);
void        _hall_matter_view_load            (HallMatterView *self);
void        _hall_matter_view_update_actions  (HallMatterView *self);
void        _hall_matter_view_close_form      (HallMatterView *self);
GtkWidget  *_hall_matter_view_form_field      (HallMatterView *self,
                                               const char     *name);
/* After an action on the matter went through. */
void        _hall_matter_view_emit_changed    (HallMatterView *self);

/* hall-matter-view-actions.c: "matter.accept" … open their form, "matter.apply" sends it. */
void        _hall_matter_view_form_action     (GtkWidget      *widget,
                                               const char     *action_name,
                                               GVariant       *parameter);
void        _hall_matter_view_apply_action    (GtkWidget      *widget,
                                               const char     *action_name,
                                               GVariant       *parameter);
void        _hall_matter_view_cancel_action   (GtkWidget      *widget,
                                               const char     *action_name,
                                               GVariant       *parameter);

G_END_DECLS
