/* test-followup-ui.c — the follow-up page (回访核实) under Xvfb, on a real hall through a local
 * client: window staff choose a closed matter due for its call, a refused note stays typed with
 * the error at the field, and the call is recorded as the petitioner said
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "hall-followup-page.h"
#include "hall-json.h"
#include "hall-local-client.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"

static char *data_dir;

static gboolean
items_loaded (gpointer data)
{
  return g_list_model_get_n_items (hall_followup_page_get_items (data)) > 0;
}

static gboolean
in_check (gpointer data)
{
  JsonObject *selected = hall_followup_page_get_selected (data);

  return selected != NULL && g_strcmp0 (_hall_json_string (selected, "state"), "check") == 0;
}

static gboolean
note_refused (gpointer data)
{
  return gtk_widget_has_css_class (hall_ui_test_find (data, "note"), "error");
}

static void
test_record_call (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *staff = NULL;
  g_autofree char *manager = NULL;
  g_autoptr (HallClient) client = NULL;
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) listed = NULL;
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (GString) long_note = g_string_new (NULL);
  GtkWidget  *page, *window;
  JsonObject *item;
  gboolean    signed_in = FALSE;
  gint64      id;

  /* 城建 closes 张伟's matter on Mon 12 Oct 2026; it is due for its call on Mon 19 Oct. */
  hall_test_set_now (hall, "2026-10-12 09:00");
  staff = hall_test_add_user (hall, "chuangkou", "staff", "chengjian", 2);
  id = hall_test_register_visit (hall, staff, 0, NULL);
  r = hall_test_ok (hall, staff, "matter.accept", "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, staff, "matter.reply",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"facts\":\"经核查属实\",\"basis\":\"《物业管理条例》\","
                    "\"opinion\":\"support\","
                    "\"text\":\"已修复\"}",
                    id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, staff, "matter.close",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"satisfaction\":\"satisfied\","
                    "\"outcome\":\"resolved\"}",
                    id);
  hall_test_set_now (hall, "2026-10-19 09:00");
  manager = hall_test_add_user (hall, "zhiban", "manager", NULL, 0);

  client = hall_local_client_new (hall->engine);
  hall_client_login_async (client, "chuangkou", "password123", "staff", 2, NULL,
                           hall_ui_test_login_cb, &signed_in);
  hall_ui_test_wait (hall_ui_test_flag_set, &signed_in, 30, "the clerk’s sign-in");
  page = hall_followup_page_new (client);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  hall_ui_test_wait (items_loaded, page, 30, "the follow-up list");

  /* Nothing to record before an item and how the call went are chosen. */
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (page, "call_group")));
  gtk_list_box_select_row (GTK_LIST_BOX (hall_ui_test_find (page, "items")),
                           gtk_list_box_get_row_at_index (
                               GTK_LIST_BOX (hall_ui_test_find (page, "items")), 0));
  hall_ui_test_flush ();
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "call_group")));
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (page, "check_group")));
  g_assert_false (gtk_widget_is_sensitive (hall_ui_test_find (page, "record")));
  gtk_widget_activate_action (page, "followup.result", "s", "reached");
  g_assert_false (gtk_widget_is_sensitive (hall_ui_test_find (page, "record")));
  gtk_widget_activate_action (page, "followup.satisfaction", "s", "dissatisfied");

  /* A note over 2000 characters is refused at the field and stays as typed. */
  for (guint i = 0; i < 2001; i++)
    g_string_append_c (long_note, 'x');
  hall_ui_test_type (page, "note", long_note->str);
  g_assert_true (gtk_widget_is_sensitive (hall_ui_test_find (page, "record")));
  gtk_widget_activate_action (page, "followup.record", NULL);
  hall_ui_test_wait (note_refused, page, 30, "the refused note");
  g_assert_cmpuint (strlen (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (page, "note")))),
                    ==, 2001);

  hall_ui_test_type (page, "note", "电梯仍经常停运");
  gtk_widget_activate_action (page, "followup.record", NULL);
  hall_ui_test_wait (in_check, page, 30, "the recorded call");

  /* The hall has it as the clerk said: 不满意, waiting for the on-site check. */
  listed = hall_test_ok (hall, manager, "followup.list", "{\"view\":\"check\"}");
  item = json_array_get_object_element (json_object_get_array_member (listed, "items"), 0);
  g_assert_cmpstr (json_object_get_string_member (item, "last_satisfaction"), ==, "dissatisfied");
  g_assert_cmpstr (json_object_get_string_member (item, "last_note"), ==, "电梯仍经常停运");
  g_assert_cmpint (json_object_get_int_member (item, "attempts"), ==, 1);
  matter = hall_test_ok (hall, manager, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
  g_assert_cmpuint (hall_test_count_timeline (matter, "followup_call"), ==, 1);
  /* The clerk's form is gone; the check is a manager's or a leader's. */
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (page, "call_group")));
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (page, "check_group")));

  gtk_window_destroy (GTK_WINDOW (window));
  hall_ui_test_flush ();
  hall_engine_shutdown (hall->engine);
}

int
main (int   argc,
      char *argv[])
{
  data_dir = hall_ui_test_init (&argc, &argv);
  g_test_add_func ("/followup-ui/record-call", test_record_call);
  return hall_ui_test_run (data_dir);
}
