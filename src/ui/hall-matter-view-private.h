/* hall-matter-view-private.h — what the matter view's display and its action forms share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-action-form.h"
#include "hall-document.h"
#include "hall-matter-view.h"

G_BEGIN_DECLS

struct _HallMatterView
{
  HallPage parent_instance;

  gint64 matter_id;
  guint generation;        /* counts the matters shown, so a late answer for another one is dropped */
  JsonObject *result;
  JsonArray *departments;  /* hall.info's, for the assign form and the timeline */
  gboolean busy;           /* an action is on its way */
  gboolean info_requested;

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
  HallActionForm *action_form;
  GtkListBox *details_list;
  GtkListBox *petitioners_list;
  GtkListBox *timeline_list;
};

JsonObject *_hall_matter_view_get_matter      (HallMatterView *self);
/* After an action on the matter went through. */
void        _hall_matter_view_emit_changed    (HallMatterView *self);

/* hall-matter-view-actions.c: "matter.accept" … open their form, "matter.apply" sends it;
 * "matter.print-receipt" and "matter.print-notice" print the shown matter's papers. */
void        _hall_matter_view_class_install_actions (GtkWidgetClass *widget_class);
/* The shown matter's "receipt" or "notice" (NULL with @error while it waits for its decision). */
HallDocument *_hall_matter_view_dup_paper (HallMatterView  *self,
                                           const char      *paper,
                                           GError         **error);

G_END_DECLS
