/* hall-matter-view-papers.c — the matter view's written papers: the opinion (处理意见书), the
 * review and re-review opinions (复查意见书, 复核意见书), the extension notice (延期告知书), the
 * assignment slip (交办单) and the supervision letter (督办函), each printed from what is shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-json.h"
#include "hall-matter-view-private.h"
#include "hall-papers.h"
#include "hall-print.h"

/* Each paper's action, after "matter.print-", and the name _hall_matter_view_dup_written_paper()
 * knows it by. */
static const char *const papers[] = { "opinion", "review-opinion", "rereview-opinion",
                                      "extension", "assignment", "supervision" };

/* The newest "supervised" entry of the timeline as matter.supervise's record: what was urged,
 * by when, by whom and when; NULL when the matter was never supervised. */
static JsonObject *
dup_supervision (JsonObject *result)
{
  JsonArray  *timeline = json_object_get_array_member (result, "timeline");
  JsonObject *record;

  for (guint i = timeline != NULL ? json_array_get_length (timeline) : 0; i > 0; i--)
    {
      JsonObject *entry = json_array_get_object_element (timeline, i - 1);
      JsonObject *detail;

      if (g_strcmp0 (_hall_json_string (entry, "kind"), "supervised") != 0
          || !json_object_has_member (entry, "detail")
          || json_object_get_null_member (entry, "detail"))
        continue;
      detail = json_object_get_object_member (entry, "detail");
      record = json_object_new ();
      json_object_set_string_member (record, "note", _hall_json_string (detail, "note"));
      json_object_set_string_member (record, "due_date", _hall_json_string (detail, "due_date"));
      json_object_set_string_member (record, "by_name", _hall_json_string (entry, "user_name"));
      json_object_set_int_member (record, "at",
                                  json_object_get_int_member_with_default (entry, "at", 0));
      return record;
    }
  return NULL;
}

HallDocument *
_hall_matter_view_dup_written_paper (HallMatterView *self,
                                     const char     *paper,
                                     GError        **error)
{
  g_autofree char *hall_name = hall_print_dup_hall_name (GTK_WIDGET (self));
  g_autofree char *today = hall_print_today ();
  g_autoptr (JsonObject) supervision = NULL;

  g_return_val_if_fail (self->result != NULL, NULL);
  if (g_str_equal (paper, "opinion"))
    return hall_paper_opinion (self->result, hall_name, self->review_body, error);
  if (g_str_equal (paper, "review-opinion"))
    return hall_paper_review_opinion (self->result, hall_name, self->review_body, error);
  if (g_str_equal (paper, "rereview-opinion"))
    return hall_paper_rereview_opinion (self->result, hall_name, error);
  if (g_str_equal (paper, "extension"))
    return hall_paper_extension_notice (self->result, hall_name, error);
  if (g_str_equal (paper, "assignment"))
    return hall_paper_assignment (self->result, hall_name, today, error);
  g_return_val_if_fail (g_str_equal (paper, "supervision"), NULL);
  supervision = dup_supervision (self->result);
  if (supervision == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("No leader has supervised this matter."));
      return NULL;
    }
  return hall_paper_supervision (self->result, supervision, hall_name);
}

static void
print_paper_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HallMatterView *self = HALL_MATTER_VIEW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (HallDocument) document = NULL;

  if (self->result == NULL)
    return;
  document = _hall_matter_view_dup_written_paper (self, action_name + strlen ("matter.print-"),
                                                  &error);
  if (document == NULL)
    {
      hall_page_toast (HALL_PAGE (self), error->message);
      return;
    }
  hall_print_document (widget, document);
}

void
_hall_matter_view_update_paper_actions (HallMatterView *self)
{
  JsonObject *matter = _hall_matter_view_get_matter (self);
  JsonArray  *assignments =
      self->result != NULL ? json_object_get_array_member (self->result, "assignments") : NULL;
  g_autoptr (JsonObject) supervision = self->result != NULL ? dup_supervision (self->result) : NULL;
  gboolean enabled[G_N_ELEMENTS (papers)] = {
    _hall_json_string (matter, "reply_opinion") != NULL,
    _hall_json_string (matter, "review_opinion") != NULL,
    _hall_json_string (matter, "rereview_opinion") != NULL,
    matter != NULL && json_object_get_int_member_with_default (matter, "extended_days", 0) > 0,
    assignments != NULL && json_array_get_length (assignments) > 0,
    supervision != NULL,
  };

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autofree char *action = g_strconcat ("matter.print-", papers[i], NULL);

      gtk_widget_action_set_enabled (GTK_WIDGET (self), action, enabled[i]);
    }
}

void
_hall_matter_view_class_install_paper_actions (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    {
      g_autofree char *action = g_strconcat ("matter.print-", papers[i], NULL);

      gtk_widget_class_install_action (widget_class, action, NULL, print_paper_action);
    }
}
