/* test-manager.c — the hall manager's floor under Xvfb, driven through the workspace's actions:
 * triage issues a ticket, the queue moves, transfers (with a reason) and reactivates tickets, the
 * windows open, pause, serve another department and close
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "hall-json-item.h"
#include "hall-queue-page.h"
#include "hall-test-util.h"
#include "hall-triage-page.h"
#include "hall-ui-test-manager.h"
#include "hall-ui-test-util.h"
#include "hall-windows-page.h"

static char *data_dir;

static const char *
combo_text (GtkWidget *combo)
{
  return gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (combo)));
}

static gboolean
triage_ready (gpointer data)
{
  return hall_triage_page_get_ready (data);
}

static gboolean
triage_idle (gpointer data)
{
  return !hall_triage_page_get_busy (data);
}

static gboolean
triage_issued (gpointer data)
{
  return hall_triage_page_get_last_issued (data) != NULL && !hall_triage_page_get_busy (data);
}

static void
test_triage (void)
{
  HallUiTestManager m = { 0 };
  GtkWidget        *page;
  JsonObject       *issued, *ticket;
  g_autoptr (JsonObject) again = NULL;

  hall_ui_test_manager_start (&m, NULL);
  page = hall_ui_test_manager_show_page (&m, "triage");
  hall_ui_test_wait (triage_ready, page, 30, "the categories");

  /* Nothing picked: said on the form, nothing issued. */
  gtk_widget_activate_action (page, "triage.issue", NULL);
  hall_ui_test_flush ();
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "form_error")));
  g_assert_null (hall_triage_page_get_last_issued (HALL_TRIAGE_PAGE (page)));

  /* 征地拆迁 suggests 自然资源. */
  hall_ui_test_select (page, "category", "征地拆迁");
  g_assert_nonnull (strstr (combo_text (hall_ui_test_find (page, "department")), "自然资源"));

  /* A wrong check digit is said as soon as the 18th character is typed. */
  hall_ui_test_type (page, "id_number", "110101199003070010");
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (page, "id_number"), "error"));
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "id_number_error")));
  gtk_widget_activate_action (page, "triage.issue", NULL);
  hall_ui_test_flush ();
  g_assert_null (hall_triage_page_get_last_issued (HALL_TRIAGE_PAGE (page)));

  /* A valid one is looked up: a first visit. */
  hall_ui_test_type (page, "id_number", "110101199003070011");
  g_assert_false (gtk_widget_has_css_class (hall_ui_test_find (page, "id_number"), "error"));
  hall_ui_test_wait (triage_idle, page, 30, "the lookup");
  g_assert_nonnull (hall_triage_page_get_lookup (HALL_TRIAGE_PAGE (page)));
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "repeat_warning")));
  g_assert_false (gtk_widget_has_css_class (hall_ui_test_find (page, "repeat_warning"), "repeat"));
  hall_ui_test_type (page, "name", "王小明");

  /* Five persons make a collective visit. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hall_ui_test_find (page, "persons")), 6);
  g_assert_cmpuint (
      adw_combo_row_get_selected (ADW_COMBO_ROW (hall_ui_test_find (page, "priority"))), ==, 2);

  gtk_widget_activate_action (page, "triage.issue", NULL);
  hall_ui_test_wait (triage_issued, page, 30, "the ticket");
  issued = hall_triage_page_get_last_issued (HALL_TRIAGE_PAGE (page));
  ticket = json_object_get_object_member (issued, "ticket");
  g_assert_cmpstr (json_object_get_string_member (ticket, "department_code"), ==, "ziranziyuan");
  g_assert_cmpstr (json_object_get_string_member (ticket, "priority"), ==, "collective");
  g_assert_cmpint (json_object_get_int_member (ticket, "persons"), ==, 6);
  /* The code, large, to tell the visitor; the form is ready for the next one. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "ticket_code"))), ==,
                   "Z001");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "ticket_position"))), !=,
                   "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (page, "id_number"))), ==,
                   "");
  g_assert_cmpuint (
      adw_combo_row_get_selected (ADW_COMBO_ROW (hall_ui_test_find (page, "category"))), ==, 0);

  /* Ctrl+Enter pressed twice gives no second ticket: the form is empty. */
  gtk_widget_activate_action (page, "triage.issue", NULL);
  hall_ui_test_flush ();
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "form_error")));
  again = hall_test_ok (m.hall, m.token, "ticket.list", "{\"state\": \"waiting\"}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (again, "tickets")), ==, 1);

  /* The same person again: a repeat visit, named. */
  hall_ui_test_type (page, "id_number", "110101199003070011");
  hall_ui_test_wait (triage_idle, page, 30, "the second lookup");
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (page, "repeat_warning"), "repeat"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (page, "name"))), ==,
                   "王小明");
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "history")));

  /* Collective with fewer than 5 is refused next to the persons count. */
  hall_ui_test_select (page, "department", "城建");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hall_ui_test_find (page, "persons")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (page, "priority")), 2);
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (page, "persons"), "error"));

  gtk_widget_activate_action (page, "triage.clear", NULL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "ticket_code"))), ==,
                   "—");
  hall_ui_test_manager_stop (&m);
}

static gboolean
queue_idle (gpointer data)
{
  return !hall_queue_page_get_busy (data);
}

typedef struct
{
  GListModel *model;
  const char *code;
  const char *member;
  const char *value;
  guint       position; /* G_MAXUINT: anywhere */
} TicketCheck;

/* The ticket @code is in @model (at @position) with @member equal to @value. */
static gboolean
ticket_is (gpointer data)
{
  TicketCheck *check = data;

  for (guint i = 0; i < g_list_model_get_n_items (check->model); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (check->model, i);
      JsonObject *ticket = hall_json_item_get_data (item);

      if (g_strcmp0 (json_object_get_string_member (ticket, "code"), check->code) != 0)
        continue;
      return (check->position == G_MAXUINT || check->position == i)
             && (check->member == NULL
                 || g_strcmp0 (json_object_get_string_member (ticket, check->member), check->value)
                        == 0);
    }
  return FALSE;
}

/* Whether the row of C002 is shown is what the page's "want-row" says. */
static gboolean
row_shown_is (gpointer data)
{
  gboolean want = GPOINTER_TO_INT (g_object_get_data (data, "want-row"));

  return (_hall_find_named (data, "ticket-C002") != NULL) == want;
}

static gint64
issue (HallUiTestManager *m,
       const char        *department)
{
  g_autoptr (JsonObject) issued = NULL;
  issued = hall_test_ok (m->hall, m->token, "ticket.issue", "{\"department_id\": %s}", department);
  return json_object_get_int_member (json_object_get_object_member (issued, "ticket"), "id");
}

static void
test_queue (void)
{
  HallUiTestManager m = { 0 };
  g_autofree char  *staff = NULL;
  g_autoptr (JsonObject) called = NULL;
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (JsonObject) got = NULL;
  GtkWidget        *page;
  AdwMessageDialog *dialog;
  JsonObject       *transfer;
  gint64            c3;
  TicketCheck       check;

  hall_ui_test_manager_start (&m, NULL);
  /* 城建 (2): C001 called and missed at window 2, then C002, C003 waiting. */
  staff = hall_test_add_user (m.hall, "lijing", "staff", "chengjian", 2);
  issue (&m, "2");
  issue (&m, "2");
  c3 = issue (&m, "2");
  reply = hall_test_ok (m.hall, staff, "counter.open", "{}");
  called = hall_test_ok (m.hall, staff, "counter.call_next", "{}");
  g_clear_pointer (&reply, json_object_unref);
  reply = hall_test_ok (
      m.hall, staff, "ticket.no_show", "{\"ticket_id\": %" G_GINT64_FORMAT "}",
      json_object_get_int_member (json_object_get_object_member (called, "ticket"), "id"));

  page = hall_ui_test_manager_show_page (&m, "queue");
  check = (TicketCheck){ hall_queue_page_get_no_show (HALL_QUEUE_PAGE (page)), "C001", "state",
                         "no_show", 0 };
  hall_ui_test_wait (ticket_is, &check, 30, "the missed ticket");
  hall_ui_test_wait (queue_idle, page, 30, "the queue");
  g_assert_cmpuint (g_list_model_get_n_items (hall_queue_page_get_waiting (HALL_QUEUE_PAGE (page))),
                    ==, 2);

  /* C003 to the front of the queue. */
  gtk_widget_activate_action (page, "queue.front", "x", c3);
  check =
      (TicketCheck){ hall_queue_page_get_waiting (HALL_QUEUE_PAGE (page)), "C003", NULL, NULL, 0 };
  hall_ui_test_wait (ticket_is, &check, 30, "C003 at the front");

  /* Finding a ticket by its code narrows the list; clearing the search shows all again. */
  hall_ui_test_type (page, "queue_search", "c003");
  g_object_set_data (G_OBJECT (page), "want-row", NULL);
  hall_ui_test_wait (row_shown_is, page, 30, "the search to hide C002");
  g_assert_nonnull (hall_ui_test_find (page, "ticket-C003"));
  hall_ui_test_type (page, "queue_search", "");
  g_object_set_data (G_OBJECT (page), "want-row", GINT_TO_POINTER (1));
  hall_ui_test_wait (row_shown_is, page, 30, "C002 back");

  /* Transfer C003 to 民政: the reason is required before the dialog lets it go. */
  gtk_widget_activate_action (page, "queue.transfer", "x", c3);
  dialog = hall_queue_page_get_dialog (HALL_QUEUE_PAGE (page));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "transfer"));
  hall_ui_test_select (GTK_WIDGET (dialog), "transfer_department", "民政");
  hall_ui_test_type (GTK_WIDGET (dialog), "transfer_reason", "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "transfer"));
  hall_ui_test_type (GTK_WIDGET (dialog), "transfer_reason", "低保问题，应由民政窗口办理");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "transfer"));
  adw_message_dialog_response (dialog, "transfer");
  gtk_window_close (GTK_WINDOW (dialog));
  check = (TicketCheck){ hall_queue_page_get_waiting (HALL_QUEUE_PAGE (page)), "C003",
                         "department_code", "minzheng", G_MAXUINT };
  hall_ui_test_wait (ticket_is, &check, 30, "C003 in 民政's queue");
  hall_ui_test_wait (queue_idle, page, 30, "the queue");
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (page, "queue_error")));
  g_assert_null (hall_queue_page_get_dialog (HALL_QUEUE_PAGE (page)));
  got = hall_test_ok (m.hall, m.token, "ticket.get", "{\"ticket_id\": %" G_GINT64_FORMAT "}", c3);
  transfer = json_array_get_object_element (
      json_object_get_array_member (json_object_get_object_member (got, "ticket"), "transfers"), 0);
  g_assert_cmpstr (json_object_get_string_member (transfer, "reason"), ==, "低保问题，应由民政窗口办理");
  g_assert_cmpint (json_object_get_int_member (transfer, "to_department_id"), ==, 3);

  /* The missed visitor came back: waiting again, no longer missed. */
  gtk_widget_activate_action (
      page, "queue.reactivate", "x",
      json_object_get_int_member (json_object_get_object_member (called, "ticket"), "id"));
  check = (TicketCheck){ hall_queue_page_get_waiting (HALL_QUEUE_PAGE (page)), "C001", "state",
                         "waiting", G_MAXUINT };
  hall_ui_test_wait (ticket_is, &check, 30, "C001 waiting again");
  hall_ui_test_wait (queue_idle, page, 30, "the queue");
  g_assert_cmpuint (g_list_model_get_n_items (hall_queue_page_get_no_show (HALL_QUEUE_PAGE (page))),
                    ==, 0);

  /* A refused change is said on the page: C001 is no longer missed. */
  gtk_widget_activate_action (
      page, "queue.reactivate", "x",
      json_object_get_int_member (json_object_get_object_member (called, "ticket"), "id"));
  hall_ui_test_wait (queue_idle, page, 30, "the refusal");
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "queue_error")));
  hall_ui_test_manager_stop (&m);
}

typedef struct
{
  HallWindowsPage *page;
  gint64           counter_id;
  const char      *state;
} WindowCheck;

static JsonObject *
shown_window (HallWindowsPage *page,
              gint64           counter_id)
{
  JsonArray *counters = hall_windows_page_get_counters (page);

  for (guint i = 0; counters && i < json_array_get_length (counters); i++)
    if (json_object_get_int_member (json_array_get_object_element (counters, i), "id")
        == counter_id)
      return json_array_get_object_element (counters, i);
  return NULL;
}

static gboolean
window_is (gpointer data)
{
  WindowCheck *check = data;
  JsonObject  *counter = shown_window (check->page, check->counter_id);

  return !hall_windows_page_get_busy (check->page) && counter != NULL
         && g_strcmp0 (json_object_get_string_member (counter, "state"), check->state) == 0;
}

static void
test_windows (void)
{
  HallUiTestManager m = { 0 };
  g_autoptr (JsonObject) info = NULL;
  GtkWidget        *page;
  AdwMessageDialog *dialog;
  JsonArray        *served;
  WindowCheck       check;

  hall_ui_test_manager_start (&m, NULL);
  page = hall_ui_test_manager_show_page (&m, "windows");
  check = (WindowCheck){ HALL_WINDOWS_PAGE (page), 5, "closed" };
  hall_ui_test_wait (window_is, &check, 30, "the windows");

  /* The manager opens window 5, pauses it with a reason, resumes it. */
  gtk_widget_activate_action (page, "windows.open", "x", (gint64) 5);
  check.state = "open";
  hall_ui_test_wait (window_is, &check, 30, "window 5 open");
  gtk_widget_activate_action (page, "windows.pause", "x", (gint64) 5);
  dialog = hall_windows_page_get_dialog (HALL_WINDOWS_PAGE (page));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "pause"));
  hall_ui_test_type (GTK_WIDGET (dialog), "pause_reason", "系统维护");
  hall_ui_test_respond (dialog, "pause");
  check.state = "paused";
  hall_ui_test_wait (window_is, &check, 30, "window 5 paused");
  g_assert_cmpstr (
      json_object_get_string_member (shown_window (HALL_WINDOWS_PAGE (page), 5), "pause_reason"),
      ==, "系统维护");
  gtk_widget_activate_action (page, "windows.resume", "x", (gint64) 5);
  check.state = "open";
  hall_ui_test_wait (window_is, &check, 30, "window 5 resumed");

  /* Window 5 serves 人社 alone by default; 城建 is added. Unticking all is not offered. */
  gtk_widget_activate_action (page, "windows.departments", "x", (gint64) 5);
  dialog = hall_windows_page_get_dialog (HALL_WINDOWS_PAGE (page));
  g_assert_true (gtk_check_button_get_active (
      GTK_CHECK_BUTTON (hall_ui_test_find (GTK_WIDGET (dialog), "department-5"))));
  gtk_check_button_set_active (
      GTK_CHECK_BUTTON (hall_ui_test_find (GTK_WIDGET (dialog), "department-5")), FALSE);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_check_button_set_active (
      GTK_CHECK_BUTTON (hall_ui_test_find (GTK_WIDGET (dialog), "department-5")), TRUE);
  gtk_check_button_set_active (
      GTK_CHECK_BUTTON (hall_ui_test_find (GTK_WIDGET (dialog), "department-2")), TRUE);
  hall_ui_test_respond (dialog, "save");
  hall_ui_test_wait (window_is, &check, 30, "the saved departments");
  info = hall_test_ok (m.hall, m.token, "hall.info", "{}");
  served = json_object_get_array_member (
      json_array_get_object_element (json_object_get_array_member (info, "counters"), 4),
      "department_ids");
  g_assert_cmpuint (json_array_get_length (served), ==, 2);

  /* Closing asks first. */
  gtk_widget_activate_action (page, "windows.close", "x", (gint64) 5);
  dialog = hall_windows_page_get_dialog (HALL_WINDOWS_PAGE (page));
  g_assert_nonnull (dialog);
  hall_ui_test_respond (dialog, "close");
  check.state = "closed";
  hall_ui_test_wait (window_is, &check, 30, "window 5 closed");
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (page, "windows_error")));
  hall_ui_test_manager_stop (&m);
}

int
main (int   argc,
      char *argv[])
{
  data_dir = hall_ui_test_init (&argc, &argv);

  g_test_add_func ("/manager/triage", test_triage);
  g_test_add_func ("/manager/queue", test_queue);
  g_test_add_func ("/manager/windows", test_windows);
  return hall_ui_test_run (data_dir);
}
