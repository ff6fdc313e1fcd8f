/* test-supervision-ui.c — a leader's supervision page: overdue matters flagged and taken in
 * charge, talks (约谈) and notices (通报)
 *
 * A real hall (engine and SQLite file) with a duty leader today; the supervision page runs under
 * Xvfb against it through a local client and is driven through its actions, as the keyboard and
 * buttons do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include <adwaita.h>

#include "hall-form.h"
#include "hall-json-item.h"
#include "hall-supervision-page.h"
#include "hall-test-util.h"
#include "hall-ui-test-leader.h"
#include "hall-ui-test-util.h"

static char *data_dir;

typedef struct
{
  HallSupervisionPage *page;
  const char          *which;
  gint64               matter_id;
  const char          *member;
} RowWait;

static JsonObject *
row_of (RowWait *w)
{
  GListModel *model = hall_supervision_page_get_list (w->page, w->which);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (model, i);
      JsonObject *data = hall_json_item_get_data (item);

      if (json_object_get_int_member (data, "matter_id") == w->matter_id)
        return data;
    }
  return NULL;
}

static gboolean
row_has (gpointer data)
{
  RowWait    *w = data;
  JsonObject *row = row_of (w);

  return row != NULL
         && (w->member == NULL || json_object_get_int_member_with_default (row, w->member, 0) != 0);
}

static gboolean
row_gone (gpointer data)
{
  return row_of (data) == NULL;
}

static gboolean
resolution_has_error (gpointer data)
{
  return hall_ui_test_has_error (hall_ui_test_find (data, "resolution"));
}

static gboolean
supervision_on_list (gpointer data)
{
  return g_strcmp0 (hall_supervision_page_get_view (data), "list") == 0;
}

/* A matter past its decision limit shows as overdue, with the clock and the days; the leader
 * flags it for supervision and takes charge of it. */
static void
test_supervision (HallUiTestLeader *f,
                  gconstpointer     data)
{
  gint64           matter_id = hall_test_register_visit (f->hall, f->staff, 0, "2026-09-21");
  GtkWidget       *page = hall_supervision_page_new (f->client);
  GtkWidget       *window = hall_ui_test_leader_show (page);
  RowWait          overdue = { HALL_SUPERVISION_PAGE (page), "overdue", matter_id, NULL };
  RowWait          flagged = { HALL_SUPERVISION_PAGE (page), "flagged", matter_id, NULL };
  RowWait          charged = { HALL_SUPERVISION_PAGE (page), "overdue", matter_id, "charge_leader_id" };
  g_autofree char *row_name = g_strdup_printf ("matter-%" G_GINT64_FORMAT, matter_id);
  JsonObject      *row;
  GtkWidget       *widget;

  hall_ui_test_wait (row_has, &overdue, 30, "the overdue matter");
  row = row_of (&overdue);
  g_assert_cmpstr (json_object_get_string_member (row, "clock"), ==, "decision");
  g_assert_true (json_object_get_boolean_member (row, "overdue"));
  hall_ui_test_flush ();
  /* Days overdue said in words, not only in red. */
  widget = hall_ui_test_find (page, row_name);
  g_assert_nonnull (widget);

  gtk_widget_activate_action (page, "supervision.flag", "x", matter_id);
  g_assert_cmpstr (hall_supervision_page_get_view (HALL_SUPERVISION_PAGE (page)), ==, "flag");
  /* No note: said next to it, nothing sent. */
  gtk_widget_activate_action (page, "supervision.submit", NULL);
  g_assert_true (hall_ui_test_has_error (hall_ui_test_find (page, "note")));
  hall_ui_test_type (page, "due_date", "2026-10-01");
  hall_ui_test_type (page, "note", "请城建局三日内说明未按期受理原因");
  gtk_widget_activate_action (page, "supervision.submit", NULL);
  g_assert_true (hall_ui_test_has_error (hall_ui_test_find (page, "due_date")));
  hall_ui_test_type (page, "due_date", "2026-10-15");
  gtk_widget_activate_action (page, "supervision.submit", NULL);
  hall_ui_test_wait (supervision_on_list, page, 30, "the flag to be kept");
  hall_ui_test_wait (row_has, &flagged, 30, "the flagged matter");
  g_assert_cmpstr (json_object_get_string_member (row_of (&flagged), "due_date"), ==, "2026-10-15");

  gtk_widget_activate_action (page, "supervision.take-charge", "x", matter_id);
  hall_ui_test_wait (row_has, &charged, 30, "the charge");

  /* Resolving the flag: it needs a resolution, said next to it, before asking. */
  {
    g_autoptr (GString) text = g_string_new (NULL);
    g_autoptr (JsonObject) matter = NULL;
    JsonObject *resolved = NULL;
    JsonArray  *timeline;

    gtk_widget_activate_action (page, "supervision.resolve", "x", matter_id);
    g_assert_cmpstr (hall_supervision_page_get_view (HALL_SUPERVISION_PAGE (page)), ==, "resolve");
    gtk_widget_activate_action (page, "supervision.resolve-submit", NULL);
    g_assert_true (hall_ui_test_has_error (hall_ui_test_find (page, "resolution")));
    g_assert_null (hall_ui_test_find_dialog ());
    /* It asks first; no is no. */
    hall_ui_test_type (page, "resolution", "城建局已说明原因并当日受理");
    gtk_widget_activate_action (page, "supervision.resolve-submit", NULL);
    hall_ui_test_answer ("cancel");
    g_assert_cmpstr (hall_supervision_page_get_view (HALL_SUPERVISION_PAGE (page)), ==, "resolve");
    g_assert_nonnull (row_of (&flagged));
    /* What the hall refuses is said at the resolution. */
    for (guint i = 0; i < 501; i++)
      g_string_append (text, "办");
    hall_ui_test_type (page, "resolution", text->str);
    gtk_widget_activate_action (page, "supervision.resolve-submit", NULL);
    hall_ui_test_answer ("resolve");
    hall_ui_test_wait (resolution_has_error, page, 30, "the refused resolution");
    g_assert_cmpstr (hall_supervision_page_get_view (HALL_SUPERVISION_PAGE (page)), ==, "resolve");
    /* Resolved: back to the list, the flag gone from it, the resolution in the timeline. */
    hall_ui_test_type (page, "resolution", "城建局已说明原因并当日受理");
    gtk_widget_activate_action (page, "supervision.resolve-submit", NULL);
    hall_ui_test_answer ("resolve");
    hall_ui_test_wait (supervision_on_list, page, 30, "the resolution to be kept");
    hall_ui_test_wait (row_gone, &flagged, 30, "the flag to leave the list");
    matter = hall_test_ok (f->hall, f->leader, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                           matter_id);
    timeline = json_object_get_array_member (matter, "timeline");
    for (guint i = 0; i < json_array_get_length (timeline); i++)
      if (g_strcmp0 (
              json_object_get_string_member (json_array_get_object_element (timeline, i), "kind"),
              "supervision_resolved")
          == 0)
        resolved = json_array_get_object_element (timeline, i);
    g_assert_nonnull (resolved);
  }

  hall_ui_test_leader_close (window, page);
}

static gboolean
subject_has_error (gpointer data)
{
  return hall_ui_test_has_error (hall_ui_test_find (data, "subject"));
}

/* The leader records a 约谈 with 城建's head about an overdue matter: what is missing or refused is
 * said at its field and the text stays; once recorded it heads the list, with the matter's number,
 * and the matter's timeline shows it. Then a 通报, to every department. */
static void
test_talks (HallUiTestLeader *f,
            gconstpointer     data)
{
  gint64           matter_id = hall_test_register_visit (f->hall, f->staff, 0, "2026-09-21");
  GtkWidget       *page = hall_supervision_page_new (f->client);
  GtkWidget       *window = hall_ui_test_leader_show (page);
  RowWait          overdue = { HALL_SUPERVISION_PAGE (page), "overdue", matter_id, NULL };
  GListModel      *talks = hall_supervision_page_get_list (HALL_SUPERVISION_PAGE (page), "talks");
  g_autofree char *check_name = g_strdup_printf ("talk-matter-%" G_GINT64_FORMAT, matter_id);
  g_autoptr (GString) long_subject = g_string_new (NULL);
  g_autoptr (HallJsonItem) item = NULL;
  g_autofree char *row_name = NULL;
  g_autofree char *content = NULL;
  JsonObject      *talk;
  GtkWidget       *row;

  hall_ui_test_wait (row_has, &overdue, 30, "the overdue matter");
  g_assert_cmpuint (g_list_model_get_n_items (talks), ==, 0);
  gtk_widget_activate_action (page, "supervision.new-talk", NULL);
  g_assert_cmpstr (hall_supervision_page_get_view (HALL_SUPERVISION_PAGE (page)), ==, "talk");

  /* Nothing written: said at the subject and the content, nothing sent. */
  gtk_widget_activate_action (page, "supervision.talk-submit", NULL);
  g_assert_true (hall_ui_test_has_error (hall_ui_test_find (page, "subject")));
  g_assert_true (hall_ui_test_has_error (hall_ui_test_find (page, "content")));
  /* A day to come: said at the date, the rest kept. */
  hall_ui_test_type (page, "content", "约谈城建局负责人，要求十日内办结并书面报告");
  hall_ui_test_type (page, "subject", "未按期受理");
  hall_ui_test_type (page, "date", "2026-10-13");
  gtk_widget_activate_action (page, "supervision.talk-submit", NULL);
  g_assert_true (hall_ui_test_has_error (hall_ui_test_find (page, "date")));
  g_assert_false (hall_ui_test_has_error (hall_ui_test_find (page, "subject")));
  /* What the hall refuses (a subject of 201 characters) is said at the subject, the text kept. */
  for (guint i = 0; i < 201; i++)
    g_string_append (long_subject, "办");
  hall_ui_test_type (page, "date", "2026-10-12");
  hall_ui_test_type (page, "subject", long_subject->str);
  gtk_widget_activate_action (page, "supervision.talk-submit", NULL);
  hall_ui_test_wait (subject_has_error, page, 30, "the refused subject");
  g_assert_cmpstr (hall_supervision_page_get_view (HALL_SUPERVISION_PAGE (page)), ==, "talk");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (page, "subject"))), ==,
                   long_subject->str);
  content = _hall_form_text_view_dup_text (GTK_TEXT_VIEW (hall_ui_test_find (page, "content")));
  g_assert_cmpstr (content, ==, "约谈城建局负责人，要求十日内办结并书面报告");
  g_assert_cmpuint (g_list_model_get_n_items (talks), ==, 0);

  /* Recorded, with the overdue matter ticked: the list shows it with the matter's number. */
  hall_ui_test_type (page, "subject", "未按期受理");
  hall_ui_test_select (page, "department_id", "城建");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (hall_ui_test_find (page, check_name)), TRUE);
  gtk_widget_activate_action (page, "supervision.talk-submit", NULL);
  hall_ui_test_wait (supervision_on_list, page, 30, "the talk to be recorded");
  hall_ui_test_wait_count (talks, 1, "the talk in the list");
  item = g_list_model_get_item (talks, 0);
  talk = hall_json_item_get_data (item);
  g_assert_cmpstr (json_object_get_string_member (talk, "kind"), ==, "talk");
  g_assert_cmpstr (json_object_get_string_member (talk, "department_name"), ==,
                   json_object_get_string_member (row_of (&overdue), "department_name"));
  hall_ui_test_flush ();
  row_name = g_strdup_printf ("talk-%" G_GINT64_FORMAT, json_object_get_int_member (talk, "id"));
  row = hall_ui_test_find (page, row_name);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "2026-10-12"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "未按期受理"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            json_object_get_string_member (row_of (&overdue), "matter_number")));

  /* The matter's timeline has it. */
  gtk_widget_activate_action (page, "supervision.show-matter", "x", matter_id);
  hall_ui_test_leader_wait_timeline (page, "talk", "the talk in the matter's timeline");

  /* A notice goes to every department: no department to choose. */
  gtk_widget_activate_action (page, "supervision.back", NULL);
  gtk_widget_activate_action (page, "supervision.new-talk", NULL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (page, "kind")), 1);
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (page, "department_id")));
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "all_departments")));
  hall_ui_test_type (page, "subject", "十月督办情况通报");
  hall_ui_test_type (page, "content", "各单位务必按期办结信访事项");
  gtk_widget_activate_action (page, "supervision.talk-submit", NULL);
  hall_ui_test_wait_count (talks, 2, "the notice in the list");
  {
    g_autoptr (HallJsonItem) first = g_list_model_get_item (talks, 0);
    g_autoptr (HallJsonItem) second = g_list_model_get_item (talks, 1);
    JsonObject *a = hall_json_item_get_data (first), *b = hall_json_item_get_data (second);
    JsonObject *notice =
        g_strcmp0 (json_object_get_string_member (a, "kind"), "notice") == 0 ? a : b;

    g_assert_cmpstr (json_object_get_string_member (notice, "kind"), ==, "notice");
    g_assert_cmpint (json_object_get_int_member_with_default (notice, "department_id", 0), ==, 0);
  }

  hall_ui_test_leader_close (window, page);
}

int
main (int   argc,
      char *argv[])
{
  data_dir = hall_ui_test_init (&argc, &argv);

  g_test_add ("/leader-ui/supervision", HallUiTestLeader, NULL, hall_ui_test_leader_set_up,
              test_supervision, hall_ui_test_leader_tear_down);
  g_test_add ("/leader-ui/talks", HallUiTestLeader, NULL, hall_ui_test_leader_set_up, test_talks,
              hall_ui_test_leader_tear_down);
  return hall_ui_test_run (data_dir);
}
