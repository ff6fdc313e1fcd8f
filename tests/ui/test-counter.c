/* test-counter.c — a window clerk's day under Xvfb, driven through the pages' actions: choose the
 * window, open it, call the visitor the hall manager issued, register a matter (a wrong ID number
 * first), escalate it to the duty leader (first with nobody on the roster), register a returning
 * visitor's litigation-related matter and finish the visit with it, and find the first matter
 * among "my first-received matters" with its timeline, where the leader's assignment appears by
 * itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "hall-json-item.h"
#include "hall-counter-page.h"
#include "hall-local-client.h"
#include "hall-matter-form.h"
#include "hall-matter-list-page.h"
#include "hall-matter-view.h"
#include "hall-test-util.h"
#include "hall-ui-test-counter.h"
#include "hall-ui-test-util.h"
#include "hall-workspace.h"

static char *data_dir;

static gboolean
name_filled (gpointer data)
{
  return g_strcmp0 (gtk_editable_get_text (data), "王建国") == 0;
}

static gboolean
label_shown (gpointer data)
{
  return gtk_widget_get_visible (data) && *gtk_label_get_text (data) != '\0';
}

static gboolean
names_petitioner (gpointer data)
{
  GtkWidget *label = hall_ui_test_find (data, "petitioner_label");

  return gtk_widget_get_visible (label)
         && strstr (gtk_label_get_text (GTK_LABEL (label)), "王建国") != NULL;
}

static gboolean
form_done (gpointer data)
{
  return !hall_matter_form_get_busy (data);
}

static gboolean
stack_shows (gpointer data)
{
  GtkWidget *stack = gtk_widget_get_first_child (data);
  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)),
                    g_object_get_data (data, "want"))
         == 0;
}

static gboolean
list_has_matter (gpointer data)
{
  GListModel *matters = hall_matter_list_page_get_matters (data);

  for (guint i = 0; i < g_list_model_get_n_items (matters); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (matters, i);
      if (g_strcmp0 (json_object_get_string_member (hall_json_item_get_data (item), "number"),
                     g_object_get_data (data, "number"))
          == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
view_has_timeline (gpointer data)
{
  JsonObject *result = hall_matter_view_get_result (data);
  return result != NULL
         && json_array_get_length (json_object_get_array_member (result, "timeline")) >= 1;
}

static gboolean
view_has_assigned (gpointer data)
{
  return _hall_find_named (data, "assigned") != NULL;
}

static gboolean
client_released (gpointer data)
{
  return G_OBJECT (data)->ref_count == 1;
}

static void
test_counter_day (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *manager = hall_test_add_user (hall, "zhangli", "manager", "xinfang", 0);
  g_autofree char *staff = hall_test_add_user (hall, "lijing", "staff", "chengjian", 0);
  g_autofree char *leader = NULL;
  g_autoptr (HallClient) client = hall_local_client_new (hall->engine);
  g_autoptr (JsonObject) issued = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *workspace = hall_workspace_new ();
  GtkWidget *page, *form, *matters, *view;
  gboolean   signed_in = FALSE;
  g_autoptr (JsonObject) result = NULL;
  const char *code;

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (window), workspace);
  gtk_window_present (GTK_WINDOW (window));
  hall_client_login_async (client, "lijing", "password123", "staff", 0, NULL, hall_ui_test_login_cb,
                           &signed_in);
  hall_ui_test_wait (hall_ui_test_flag_set, &signed_in, 30, "sign-in");
  hall_workspace_set_client (HALL_WORKSPACE (workspace), client);
  hall_workspace_set_role (HALL_WORKSPACE (workspace), "staff");

  /* The clerk's first page is the window; without one, a clear prompt to choose it. */
  g_assert_cmpstr (hall_workspace_get_visible_page_name (HALL_WORKSPACE (workspace)), ==,
                   "counter");
  page = hall_workspace_get_page (HALL_WORKSPACE (workspace), "counter");
  g_object_set_data (G_OBJECT (page), "want", (gpointer) "no-counter");
  hall_ui_test_wait (stack_shows, page, 10, "the prompt to choose a window");
  hall_ui_test_flush ();
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (page, "choose_counter")), 1);
  g_assert_true (gtk_widget_activate_action (page, "counter.choose", NULL));
  g_object_set_data (G_OBJECT (page), "want", (gpointer) "closed");
  hall_ui_test_wait (hall_ui_test_counter_is, page, 30, "window 2, closed");
  g_assert_cmpint (hall_client_get_counter_id (client), ==, 2);

  /* Open it; the hall manager issues a ticket for 城建 and it shows in the waiting list. */
  gtk_widget_activate_action (page, "counter.open", NULL);
  g_object_set_data (G_OBJECT (page), "want", (gpointer) "open");
  hall_ui_test_wait (hall_ui_test_counter_is, page, 30, "the window to open");
  issued = hall_test_ok (hall, manager, "ticket.issue", "{\"department_id\": 2, \"persons\": 2}");
  code = json_object_get_string_member (json_object_get_object_member (issued, "ticket"), "code");
  hall_ui_test_wait (hall_ui_test_one_waiting, page, 30, "the new ticket in the waiting list");

  /* Call next (F2): the visitor's card shows the ticket. */
  gtk_widget_activate_action (page, "counter.call-next", NULL);
  hall_ui_test_wait (hall_ui_test_has_current, page, 30, "the called visitor");
  hall_ui_test_flush ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "ticket_code"))), ==,
                   code);
  g_assert_cmpuint (
      g_list_model_get_n_items (hall_counter_page_get_waiting (HALL_COUNTER_PAGE (page))), ==, 0);

  /* Register a matter with a wrong check digit: said at the ID field while typing and on
   * submitting, nothing sent, everything typed kept. */
  gtk_widget_activate_action (page, "counter.register", NULL);
  form = hall_counter_page_get_matter_form (HALL_COUNTER_PAGE (page));
  hall_ui_test_type (form, "content", "小区拆迁补偿款至今未发放");
  hall_ui_test_type (form, "petitioners[0].name", "王建国");
  hall_ui_test_type (form, "petitioners[0].phone", "138123");
  g_assert_false (
      gtk_widget_has_css_class (hall_ui_test_find (form, "petitioners[0].phone"), "error"));
  hall_ui_test_type (form, "petitioners[0].phone", "13812345678");
  hall_ui_test_type (form, "petitioners[0].id_number", "430102198503151237");
  g_assert_true (
      gtk_widget_has_css_class (hall_ui_test_find (form, "petitioners[0].id_number"), "error"));
  gtk_widget_activate_action (form, "matter-form.submit", NULL);
  g_assert_false (hall_matter_form_get_busy (HALL_MATTER_FORM (form)));
  g_assert_null (hall_matter_form_get_result (HALL_MATTER_FORM (form)));
  g_assert_true (
      gtk_widget_has_css_class (hall_ui_test_find (form, "petitioners[0].id_number"), "error"));
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (form, "petitioners[0].id_number"))),
      ==, "430102198503151237");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (form, "content"))), ==,
                   "小区拆迁补偿款至今未发放");

  /* Fixed: the message goes, the matter is registered, the visit finishes with it. */
  hall_ui_test_type (form, "petitioners[0].id_number", "430102198503151236");
  g_assert_false (
      gtk_widget_has_css_class (hall_ui_test_find (form, "petitioners[0].id_number"), "error"));
  /* The visitor already went to the province about it (越级访). */
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (form, "escalation")), 2);
  gtk_widget_activate_action (form, "matter-form.submit", NULL);
  g_assert_true (hall_matter_form_get_busy (HALL_MATTER_FORM (form)));
  hall_ui_test_wait (form_done, form, 30, "matter.register");
  result = json_object_ref (hall_matter_form_get_result (HALL_MATTER_FORM (form)));
  g_assert_nonnull (result);
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (result, "matter"), "escalation"),
      ==, "province");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (form, "result_number"))), ==,
                   json_object_get_string_member (result, "number"));
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (form, "result_box")));
  /* The receipt with the number and the query code for the visitor: the print dialog opens. */
  g_assert_true (gtk_widget_activate_action (form, "matter-form.print-receipt", NULL));
  hall_ui_test_cancel_print_dialog ();
  /* The visit goes on with its matter: escalating it without a leader on today's roster says
   * so in the form; with one, the visitor goes to the leader's reception queue. */
  hall_ui_test_wait (hall_ui_test_current_has_matter, page, 30, "the visit to carry its matter");
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "show_matter_button")));
  /* "Open the Registered Matter" asks the workspace, which opens it on "My Matters"; the visit
   * waits at the window meanwhile. */
  g_assert_true (gtk_widget_activate_action (page, "counter.show-matter", NULL));
  g_assert_cmpstr (hall_workspace_get_visible_page_name (HALL_WORKSPACE (workspace)), ==,
                   "matters");
  g_assert_cmpint (hall_matter_view_get_matter_id (
                       HALL_MATTER_VIEW (hall_matter_list_page_get_view (HALL_MATTER_LIST_PAGE (
                           hall_workspace_get_page (HALL_WORKSPACE (workspace), "matters"))))),
                   ==, json_object_get_int_member (result, "matter_id"));
  g_assert_true (hall_workspace_show_page (HALL_WORKSPACE (workspace), "counter"));
  g_assert_true (gtk_widget_activate_action (page, "counter.escalate", NULL));
  gtk_widget_activate_action (page, "counter.form-apply", NULL);
  hall_ui_test_wait (label_shown, hall_ui_test_find (page, "action_form_error"), 30,
                     "the roster message");
  leader = hall_test_add_user (hall, "wangld", "leader", "xinfang", 0);
  {
    g_autoptr (JsonObject) me = hall_test_ok (hall, leader, "session.whoami", "{}");
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    g_autoptr (JsonObject) duty = hall_test_ok (
        hall, manager, "leader.duty", "{\"date\": \"%s\", \"user_id\": %" G_GINT64_FORMAT "}",
        today, json_object_get_int_member (json_object_get_object_member (me, "user"), "id"));
  }
  gtk_widget_activate_action (page, "counter.form-apply", NULL);
  hall_ui_test_wait (hall_ui_test_no_current, page, 30, "the visitor to go to the leader");
  {
    g_autoptr (JsonObject) ticket = hall_test_ok (
        hall, staff, "ticket.get", "{\"ticket_id\": %" G_GINT64_FORMAT "}",
        json_object_get_int_member (json_object_get_object_member (issued, "ticket"), "id"));
    JsonObject *t = json_object_get_object_member (ticket, "ticket");
    g_assert_cmpstr (json_object_get_string_member (t, "queue"), ==, "leader");
    g_assert_cmpstr (json_object_get_string_member (t, "state"), ==, "waiting");
  }

  /* The next visitor: registered, and F8 ends the visit with the matter. */
  {
    g_autoptr (JsonObject) second =
        hall_test_ok (hall, manager, "ticket.issue", "{\"department_id\": 2}");
    g_autoptr (JsonObject) ticket = NULL;

    hall_ui_test_wait (hall_ui_test_one_waiting, page, 30, "the second ticket");
    gtk_widget_activate_action (page, "counter.call-next", NULL);
    hall_ui_test_wait (hall_ui_test_has_current, page, 30, "the second visitor");
    gtk_widget_activate_action (page, "counter.register", NULL);
    g_assert_null (hall_matter_form_get_result (HALL_MATTER_FORM (form)));
    hall_ui_test_type (form, "content", "补偿款仍未到位，再次来访");
    /* The same ID number again: the form fills in what the hall knows, and the visitor's card
     * shows the repeat visit with the earlier matter one click away. */
    hall_ui_test_type (form, "petitioners[0].id_number", "430102198503151236");
    hall_ui_test_wait (name_filled, hall_ui_test_find (form, "petitioners[0].name"), 30,
                       "the name from the ID's history");
    g_assert_cmpstr (
        gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (form, "petitioners[0].phone"))), ==,
        "13812345678");
    g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "repeat_badge")));
    g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "earlier_matters")));
    /* Litigation-related: registered as such, and the visitor is told which windows to go to. */
    gtk_switch_set_active (GTK_SWITCH (hall_ui_test_find (form, "litigation")), TRUE);
    gtk_widget_activate_action (form, "matter-form.submit", NULL);
    hall_ui_test_wait (form_done, form, 30, "the second matter.register");
    g_assert_cmpstr (json_object_get_string_member (
                         hall_matter_form_get_result (HALL_MATTER_FORM (form)), "state"),
                     ==, "litigation");
    g_assert_true (gtk_widget_get_visible (hall_ui_test_find (form, "result_guidance")));
    g_assert_nonnull (strstr (
        gtk_label_get_text (GTK_LABEL (hall_ui_test_find (form, "result_guidance"))), "公安"));
    hall_ui_test_wait (hall_ui_test_current_has_matter, page, 30,
                       "the second visit to carry its matter");
    gtk_widget_activate_action (page, "counter.finish", NULL);
    hall_ui_test_wait (hall_ui_test_no_current, page, 30, "the visit to finish with the matter");
    ticket = hall_test_ok (
        hall, staff, "ticket.get", "{\"ticket_id\": %" G_GINT64_FORMAT "}",
        json_object_get_int_member (json_object_get_object_member (second, "ticket"), "id"));
    g_assert_cmpstr (
        json_object_get_string_member (json_object_get_object_member (ticket, "ticket"), "state"),
        ==, "finished");
    g_assert_cmpstr (
        json_object_get_string_member (json_object_get_object_member (ticket, "ticket"), "outcome"),
        ==, "matter");
  }

  /* A visitor registered at triage: the card names them from the ticket, with the repeat visit
   * and the earlier matters, before the clerk types anything. */
  {
    g_autoptr (JsonObject) third =
        hall_test_ok (hall, manager, "ticket.issue",
                      "{\"department_id\": 2, \"petitioner\": {\"name\": \"王建国\","
                      " \"id_number\": \"430102198503151236\"}}");

    hall_ui_test_wait (hall_ui_test_one_waiting, page, 30, "the third ticket");
    gtk_widget_activate_action (page, "counter.call-next", NULL);
    hall_ui_test_wait (names_petitioner, page, 30, "the card to name the triage petitioner");
    g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "repeat_badge")));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "repeat_badge"))), ==,
                     "Visit no. 3");
    g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "earlier_matters")));
    /* An earlier matter opens in a window of its own over the counter. */
    {
      GListModel *toplevels = gtk_window_get_toplevels ();
      guint       n_windows = g_list_model_get_n_items (toplevels);

      g_signal_emit_by_name (gtk_list_box_get_row_at_index (
                                 GTK_LIST_BOX (hall_ui_test_find (page, "earlier_matters")), 0),
                             "activate");
      g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_windows + 1);
    }
  }

  /* 首接首办: the matter is among the clerk's first-received matters, with its timeline. */
  g_assert_true (hall_workspace_show_page (HALL_WORKSPACE (workspace), "matters"));
  matters = hall_workspace_get_page (HALL_WORKSPACE (workspace), "matters");
  g_object_set_data_full (G_OBJECT (matters), "number",
                          g_strdup (json_object_get_string_member (result, "number")), g_free);
  hall_ui_test_wait (list_has_matter, matters, 30, "the matter in my first-received matters");
  hall_matter_list_page_show_matter (HALL_MATTER_LIST_PAGE (matters),
                                     json_object_get_int_member (result, "matter_id"));
  view = hall_matter_list_page_get_view (HALL_MATTER_LIST_PAGE (matters));
  hall_ui_test_wait (view_has_timeline, view, 30, "the matter's timeline");
  hall_ui_test_flush ();
  g_assert_nonnull (hall_ui_test_find (view, "registered"));
  g_assert_nonnull (hall_ui_test_find (view, "escalated"));

  /* The leader assigns it to 民政 with a deadline: the hand-off shows in the clerk's timeline by
   * itself, from the change feed. */
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    g_autoptr (GDateTime) later = g_date_time_add_days (now, 10);
    g_autofree char *deadline = g_date_time_format (later, "%Y-%m-%d");
    g_autoptr (JsonObject) assigned =
        hall_test_ok (hall, leader, "matter.assign",
                      "{\"matter_id\": %" G_GINT64_FORMAT ", \"department_id\": 3,"
                      " \"deadline\": \"%s\"}",
                      json_object_get_int_member (result, "matter_id"), deadline);
    hall_ui_test_wait (view_has_assigned, view, 30, "the assignment in the timeline");
  }

  /* Search within what the clerk may see: by the ID number. */
  hall_ui_test_type (matters, "matter_search", "430102198503151236");
  hall_ui_test_wait (list_has_matter, matters, 30, "the matter found by ID number");

  gtk_window_destroy (GTK_WINDOW (window));
  hall_ui_test_flush ();
  /* Calls still on their way hold the client until they are answered. */
  hall_ui_test_wait (client_released, client, 30, "the pages' last calls");
  hall_engine_shutdown (hall->engine);
}

int
main (int   argc,
      char *argv[])
{
  data_dir = hall_ui_test_init (&argc, &argv);

  g_test_add_func ("/counter/day", test_counter_day);
  return hall_ui_test_run (data_dir);
}
