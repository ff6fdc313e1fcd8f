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

  gint64      matter_id;
  guint       generation; /* counts the matters shown, so a late answer for another one is dropped */
  JsonObject *result;
  JsonArray  *departments; /* hall.info's, for the assign form and the timeline */
  char       *review_body; /* hall.info's 复查机关, named on the written opinion (NULL: unset) */
  char       *today;       /* hall.info's today, in the hall's time zone (NULL: not read yet) */
  gboolean    busy;        /* an action is on its way */
  gboolean    info_requested;

  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *error_page;
  GtkLabel       *number_label;
  GtkLabel       *state_label;
  GtkLabel       *due_label;
  GtkLabel       *summary_label;
  GtkWidget      *accept_button;
  GtkWidget      *decline_button;
  GtkWidget      *assign_button;
  GtkWidget      *escalate_button;
  GtkWidget      *reply_button;
  GtkWidget      *review_request_button;
  GtkWidget      *review_reply_button;
  GtkWidget      *rereview_request_button;
  GtkWidget      *rereview_reply_button;
  GtkWidget      *extend_button;
  GtkWidget      *close_button;
  GtkWidget      *note_button;
  GtkWidget      *object_button;
  GtkWidget      *link_button;
  HallActionForm *action_form;
  GtkListBox     *details_list;
  GtkWidget      *assignments_heading;
  GtkListBox     *assignments_list;
  GtkWidget      *links_heading;
  GtkListBox     *links_list;
  GtkListBox     *petitioners_list;
  GtkListBox     *timeline_list;
};

JsonObject *_hall_matter_view_get_matter (HallMatterView *self);
/* After an action on the matter went through. */
void _hall_matter_view_emit_changed (HallMatterView *self);
/* Shows @button (and its slot) and enables @action when @allowed, online and not busy. */
void _hall_matter_view_set_action (HallMatterView *self,
                                   const char     *action,
                                   GtkWidget      *button,
                                   gboolean        allowed);
/* A row of the matter's details (none when @value is NULL or empty). */
void _hall_matter_view_add_detail_row (GtkListBox *list,
                                       const char *title,
                                       const char *value);

/* hall-matter-view-actions.c: "matter.accept" … open their form, "matter.apply" sends it;
 * "matter.print-receipt" and "matter.print-notice" print the shown matter's papers. */
void _hall_matter_view_class_install_actions (GtkWidgetClass *widget_class);
/* The open form's text @field into @params; when it is empty, says so there and FALSE. */
gboolean _hall_matter_view_take_required (HallMatterView *self,
                                          JsonObject     *params,
                                          const char     *field);
/* The open form's date @field (a HallDateRow) into @params; else says what is wrong there. */
gboolean _hall_matter_view_take_date (HallMatterView *self,
                                      JsonObject     *params,
                                      const char     *field);
/* The code of @codes chosen in the open form's drop-down @field. */
const char *_hall_matter_view_selected_code (HallMatterView    *self,
                                             const char        *field,
                                             const char *const *codes);
/* The shown matter's "receipt" or "notice" (NULL with @error while it waits for its decision). */
HallDocument *_hall_matter_view_dup_paper (HallMatterView *self,
                                           const char     *paper,
                                           GError        **error);

/* hall-matter-view-answers.c: "matter.reply", "matter.review-request", "matter.review-reply",
 * "matter.rereview-request" and "matter.rereview-reply" open one form builder's forms: an answer
 * (facts, basis, opinion, its words) or a request (the date received, what is asked). */
void _hall_matter_view_class_install_answer_actions (GtkWidgetClass *widget_class);
/* Shows the steps' buttons as the matter's state and @writer (may act on it) allow. */
void _hall_matter_view_update_answer_actions (HallMatterView *self,
                                              gboolean        writer);
/* The command of the form @form when it is one of these (NULL otherwise), and its toast. */
const char *_hall_matter_view_answer_command (const char *form);
const char *_hall_matter_view_answer_done (const char *form);
/* Reads the open form @form into @params; FALSE when a field is wrong (said at it). */
gboolean _hall_matter_view_take_answer (HallMatterView *self,
                                        const char     *form,
                                        JsonObject     *params);
/* The details' rows of the reply, the review and the re-review: requests and opinions. */
void _hall_matter_view_add_answer_rows (HallMatterView *self);
/* What a timeline entry of the answers adds to its line: dates received, due, until when. */
void _hall_matter_view_add_answer_detail (const char *kind,
                                          JsonObject *detail,
                                          GPtrArray  *parts);

/* hall-matter-view-papers.c: "matter.print-opinion", "matter.print-review-opinion",
 * "matter.print-rereview-opinion", "matter.print-extension", "matter.print-assignment" and
 * "matter.print-supervision" print the written answers and the letters of the shown matter,
 * each enabled once the matter has what it tells. */
void _hall_matter_view_class_install_paper_actions (GtkWidgetClass *widget_class);
void _hall_matter_view_update_paper_actions (HallMatterView *self);
/* The shown matter's paper @paper ("opinion", "review-opinion", "rereview-opinion", "extension",
 * "assignment", "supervision"); NULL with @error when the matter has nothing to tell on it. */
HallDocument *_hall_matter_view_dup_written_paper (HallMatterView *self,
                                                   const char     *paper,
                                                   GError        **error);

/* hall-matter-view-assignments.c: the current round's departments and their roles, earlier
 * rounds folded away. */
void _hall_matter_view_show_assignments (HallMatterView *self);
/* hall-matter-view-links.c: the matters linked both ways (关联事项) and the repeat petitions. */
void _hall_matter_view_show_links (HallMatterView *self);
/* Sends the open "link" form: finds the matter by its number, then links it. */
void _hall_matter_view_send_link (HallMatterView *self);
void _hall_matter_view_class_install_link_actions (GtkWidgetClass *widget_class);
/* The open part of @department_id in the current round, or NULL. */
JsonObject *_hall_matter_view_open_part (HallMatterView *self,
                                         gint64          department_id);
/* The current round's open parts still within their objection window, of @department_id or of
 * every department (0), the lead first. */
GPtrArray *_hall_matter_view_objectable_parts (HallMatterView *self,
                                               gint64          department_id);
/* The assign form's lead drop-down (the active departments, the matter's own chosen) and its
 * cooperating departments (a check row each, the lead's hidden). */
GtkWidget *_hall_matter_view_add_lead_field (HallMatterView      *self,
                                             AdwPreferencesGroup *group);
GtkWidget *_hall_matter_view_add_cooperating_field (HallMatterView      *self,
                                                    AdwPreferencesGroup *group,
                                                    GtkWidget           *lead);
JsonArray *_hall_matter_view_dup_cooperating (GtkWidget *field);
/* The objection form's drop-down of @parts (from _hall_matter_view_objectable_parts()). */
GtkWidget *_hall_matter_view_add_part_field (HallMatterView      *self,
                                             AdwPreferencesGroup *group,
                                             GPtrArray           *parts);
/* The department id of a drop-down made by the functions above. */
gint64 _hall_matter_view_selected_department (GtkWidget *combo);

G_END_DECLS
