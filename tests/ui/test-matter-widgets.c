/* test-matter-widgets.c — the matter form and the matter view made, driven, shown and
 * finalized on a hall of their own, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include <adwaita.h>

#include "hall-find.h"
#include "hall-local-client.h"
#include "hall-matter-form.h"
#include "hall-matter-view.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"

static char *data_dir;

/* The form with a hall: six representatives are one too many, said at the sixth; the content is
 * required; nothing is sent. */
static void
test_matter_form (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *token = hall_test_add_user (hall, "lijing", "staff", "chengjian", 2);
  g_autoptr (HallClient) client = hall_local_client_new (hall->engine);
  GtkWidget *form;
  gboolean   signed_in = FALSE;

  hall_client_login_async (client, "lijing", "password123", NULL, 2, NULL, hall_ui_test_login_cb,
                           &signed_in);
  hall_ui_test_wait (hall_ui_test_flag_set, &signed_in, 30, "sign-in");
  form = hall_matter_form_new (client);

  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *name = g_strdup_printf ("petitioners[%u].name", i);
      g_autofree char *role = g_strdup_printf ("petitioners[%u].role", i);

      if (i > 0)
        gtk_widget_activate_action (form, "matter-form.add-petitioner", NULL);
      hall_ui_test_type (form, name, "代表");
      adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (form, role)), 1);
    }
  gtk_widget_activate_action (form, "matter-form.submit", NULL);
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (form, "content"), "error"));
  g_assert_false (
      gtk_widget_has_css_class (hall_ui_test_find (form, "petitioners[4].role"), "error"));
  g_assert_true (
      gtk_widget_has_css_class (hall_ui_test_find (form, "petitioners[5].role"), "error"));
  g_assert_false (hall_matter_form_get_busy (HALL_MATTER_FORM (form)));
  g_assert_null (hall_matter_form_get_result (HALL_MATTER_FORM (form)));
  hall_ui_test_show_and_finalize (form);
  hall_engine_shutdown (hall->engine);
}

/* One matter: its details and timeline, an action's form, a mistake at its field, then done. */
static void
test_matter_view (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *token = hall_test_add_user (hall, "lijing", "staff", "chengjian", 2);
  g_autoptr (HallClient) client = hall_local_client_new (hall->engine);
  g_autoptr (JsonObject) registered = NULL;
  GtkWidget *view = hall_matter_view_new (NULL);
  GtkWidget *window = gtk_window_new ();
  gint64     matter_id;

  registered = hall_test_ok (
      hall, token, "matter.register",
      "{\"channel\": \"visit\", \"type\": \"claim\", \"content\": \"小区拆迁补偿未到位\","
      " \"petitioners\": [{\"name\": \"王建国\", \"id_number\": \"430102198503151236\","
      " \"phone\": \"13812345678\"}]}");
  matter_id = json_object_get_int_member (registered, "matter_id");
  g_assert_true (hall_matter_view_get_result (HALL_MATTER_VIEW (view)) == NULL);
  hall_ui_test_show_matter (view, window, client, "lijing", 2, matter_id, "registered");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (view, "matter_number"))), ==,
                   json_object_get_string_member (registered, "number"));
  g_assert_nonnull (hall_ui_test_find (view, "registered"));
  /* Its receipt prints; there is no decision to give notice of yet. */
  gtk_widget_activate_action (view, "matter.print-notice", NULL);
  hall_ui_test_flush ();
  g_assert_null (hall_ui_test_find_print_dialog ());
  g_assert_true (gtk_widget_activate_action (view, "matter.print-receipt", NULL));
  hall_ui_test_cancel_print_dialog ();
  /* Waiting for the decision: accept and decline offered, reply not. */
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (view, "matter_due")));
  g_assert_true (gtk_widget_activate_action (view, "matter.assign", NULL));
  g_assert_cmpstr (hall_matter_view_get_form (HALL_MATTER_VIEW (view)), ==, "assign");

  /* A date that is not a date: said at the field, nothing sent. */
  hall_ui_test_type (view, "deadline", "next week");
  gtk_widget_activate_action (view, "matter.apply", NULL);
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (view, "deadline"), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (view, "deadline"))), ==,
                   "next week");
  /* A date in the past: the engine says so, at the same field, and the date stays. */
  hall_ui_test_type (view, "deadline", "2001-01-01");
  gtk_widget_activate_action (view, "matter.apply", NULL);
  g_assert_false (gtk_widget_has_css_class (hall_ui_test_find (view, "deadline"), "error"));
  while (!gtk_widget_has_css_class (hall_ui_test_find (view, "deadline"), "error"))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (view, "deadline"))), ==,
                   "Mon, 1 Jan 2001");

  /* Accept instead: the form closes and the matter reads again, accepted. */
  gtk_widget_activate_action (view, "matter.cancel", NULL);
  g_assert_null (hall_matter_view_get_form (HALL_MATTER_VIEW (view)));
  gtk_widget_activate_action (view, "matter.accept", NULL);
  hall_ui_test_type (view, "note", "材料齐全");
  gtk_widget_activate_action (view, "matter.apply", NULL);
  g_object_set_data (G_OBJECT (view), "want-state", (gpointer) "accepted");
  hall_ui_test_wait (hall_ui_test_matter_view_shows, view, 30, "the accepted matter");
  g_assert_null (hall_matter_view_get_form (HALL_MATTER_VIEW (view)));
  g_assert_nonnull (hall_ui_test_find (view, "accepted"));
  /* Accepted: the written notice of it (条例 23) prints. */
  g_assert_true (gtk_widget_activate_action (view, "matter.print-notice", NULL));
  hall_ui_test_cancel_print_dialog ();

  hall_ui_test_close_and_finalize (window, view);
  hall_engine_shutdown (hall->engine);
}

static gboolean
named_widget_shows (gpointer data)
{
  return _hall_find_named (data, g_object_get_data (data, "want-widget")) != NULL;
}

static const char *
assignment_role (GtkWidget  *view,
                 const char *row)
{
  return gtk_label_get_text (
      GTK_LABEL (hall_ui_test_find (hall_ui_test_find (view, row), "assignment-role")));
}

/* Co-handling (牵头 + 配合): the manager assigns a lead and a cooperating department from the
 * view; both show with their roles; the cooperating department's clerk only adds progress notes,
 * which the timeline shows. */
static void
test_matter_view_co_handling (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *registrar = hall_test_add_user (hall, "lijing", "staff", "xinfang", 1);
  g_autoptr (HallClient) manager = hall_local_client_new (hall->engine);
  g_autoptr (HallClient) clerk = hall_local_client_new (hall->engine);
  g_autoptr (JsonObject) registered = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) later = g_date_time_add_days (now, 10);
  g_autofree char *deadline = g_date_time_format (later, "%Y-%m-%d");
  GtkWidget       *view = hall_matter_view_new (NULL);
  GtkWidget       *window = gtk_window_new ();
  GtkWidget       *lead, *row;
  GListModel      *names;
  gboolean         signed_in = FALSE, clerk_signed_in = FALSE;

  g_free (hall_test_add_user (hall, "zhaomin", "manager", NULL, 0));
  g_free (hall_test_add_user (hall, "wangfang", "staff", "chengjian", 2));
  registered = hall_test_ok (
      hall, registrar, "matter.register",
      "{\"channel\": \"visit\", \"type\": \"claim\", \"content\": \"小区道路破损积水\","
      " \"petitioners\": [{\"name\": \"王建国\", \"phone\": \"13812345678\"}]}");
  hall_client_login_async (manager, "zhaomin", "password123", NULL, 0, NULL, hall_ui_test_login_cb,
                           &signed_in);
  hall_ui_test_wait (hall_ui_test_flag_set, &signed_in, 30, "the manager's sign-in");
  hall_page_set_client (HALL_PAGE (view), manager);
  hall_matter_view_set_matter_id (HALL_MATTER_VIEW (view),
                                  json_object_get_int_member (registered, "matter_id"));
  g_object_ref_sink (view);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  g_object_set_data (G_OBJECT (view), "want-state", (gpointer) "registered");
  hall_ui_test_wait (hall_ui_test_matter_view_shows, view, 30, "the matter");
  /* Not assigned yet: no departments to show. */
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (view, "assignments")));

  /* 民政 leads, 城建 cooperates; the lead is not offered as cooperating too. */
  g_assert_true (gtk_widget_activate_action (view, "matter.assign", NULL));
  g_object_set_data (G_OBJECT (view), "want-widget", (gpointer) "cooperate-3");
  hall_ui_test_wait (named_widget_shows, view, 30, "the departments");
  lead = hall_ui_test_find (view, "department_id");
  names = adw_combo_row_get_model (ADW_COMBO_ROW (lead));
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_str_equal (gtk_string_list_get_string (GTK_STRING_LIST (names), i), "民政"))
      adw_combo_row_set_selected (ADW_COMBO_ROW (lead), i);
  g_assert_false (gtk_widget_get_visible (
      gtk_widget_get_ancestor (hall_ui_test_find (view, "cooperate-3"), ADW_TYPE_ACTION_ROW)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (hall_ui_test_find (view, "cooperate-2")), TRUE);
  hall_ui_test_pick_date (view, "deadline", deadline);
  gtk_widget_activate_action (view, "matter.apply", NULL);
  g_object_set_data (G_OBJECT (view), "want-state", (gpointer) "assigned");
  hall_ui_test_wait (hall_ui_test_matter_view_shows, view, 30, "the assigned matter");
  g_object_set_data (G_OBJECT (view), "want-widget", (gpointer) "assignment-2");
  hall_ui_test_wait (named_widget_shows, view, 30, "the cooperating department");
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (view, "assignments")));
  g_assert_cmpstr (adw_preferences_row_get_title (
                       ADW_PREFERENCES_ROW (hall_ui_test_find (view, "assignment-3"))),
                   ==, "民政");
  g_assert_cmpstr (assignment_role (view, "assignment-3"), ==, "Lead");
  g_assert_cmpstr (assignment_role (view, "assignment-2"), ==, "Cooperating");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (hall_ui_test_find (view, "assignment-3"))), deadline));
  /* The manager may object for either department. */
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (view, "object_button")));

  /* 城建's clerk: a progress note, not a reply. */
  hall_client_login_async (clerk, "wangfang", "password123", NULL, 2, NULL, hall_ui_test_login_cb,
                           &clerk_signed_in);
  hall_ui_test_wait (hall_ui_test_flag_set, &clerk_signed_in, 30, "the clerk's sign-in");
  hall_page_set_client (HALL_PAGE (view), clerk);
  hall_ui_test_flush ();
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (view, "reply_button")));
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (view, "note_button")));
  g_assert_true (gtk_widget_activate_action (view, "matter.note", NULL));
  g_assert_cmpstr (hall_matter_view_get_form (HALL_MATTER_VIEW (view)), ==, "note");
  /* Nothing written: said at the field. */
  gtk_widget_activate_action (view, "matter.apply", NULL);
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (view, "text"), "error"));
  hall_ui_test_type (view, "text", "已派员现场查看，排水管道需更换");
  gtk_widget_activate_action (view, "matter.apply", NULL);
  g_object_set_data (G_OBJECT (view), "want-widget", (gpointer) "progress_note");
  hall_ui_test_wait (named_widget_shows, view, 30, "the progress note");
  g_assert_null (hall_matter_view_get_form (HALL_MATTER_VIEW (view)));
  row = hall_ui_test_find (view, "progress_note");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "已派员现场查看"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Cooperating"));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Progress note");

  /* The manager objects for 城建 alone: 民政 goes on leading. */
  hall_page_set_client (HALL_PAGE (view), manager);
  hall_ui_test_flush ();
  g_assert_true (gtk_widget_activate_action (view, "matter.object", NULL));
  lead = hall_ui_test_find (view, "department_id");
  names = adw_combo_row_get_model (ADW_COMBO_ROW (lead));
  g_assert_cmpuint (g_list_model_get_n_items (names), ==, 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (lead), 1);
  hall_ui_test_type (view, "reason", "不属本单位职责");
  gtk_widget_activate_action (view, "matter.apply", NULL);
  g_object_set_data (G_OBJECT (view), "want-widget", (gpointer) "cooperation_objected");
  hall_ui_test_wait (named_widget_shows, view, 30, "the cooperating department's objection");
  g_assert_nonnull (strstr (
      adw_action_row_get_subtitle (ADW_ACTION_ROW (hall_ui_test_find (view, "assignment-2"))),
      "Objected"));
  g_assert_cmpstr (assignment_role (view, "assignment-3"), ==, "Lead");

  hall_ui_test_close_and_finalize (window, view);
  hall_engine_shutdown (hall->engine);
}

int
main (int   argc,
      char *argv[])
{
  data_dir = hall_ui_test_init (&argc, &argv);

  g_test_add_func ("/widgets/matter-form", test_matter_form);
  g_test_add_func ("/widgets/matter-view", test_matter_view);
  g_test_add_func ("/widgets/matter-view/co-handling", test_matter_view_co_handling);
  return hall_ui_test_run (data_dir);
}
