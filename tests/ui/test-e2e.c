/* test-e2e.c — the whole hall end to end: three desktop apps, each in a process of its own,
 * joined to the real xinfang-hall-server on 127.0.0.1
 *
 * The test starts the server (tests/hall-test-server.h) with a temporary database, adds a hall
 * manager, a window clerk of 城建 and a leader, and puts the leader on today's roster. Then it
 * runs itself three more times (`test-e2e --e2e-role ROLE URL`): each child is the real app
 * (HallApplication, its own settings in memory and its own data folders) that joins the server
 * from the welcome page, signs in and is driven through its pages' actions. The children say
 * what they did and saw on their standard output, one line at a time, and wait for the go-ahead
 * on their standard input; no step waits for a fixed time.
 *
 *   manager  triage issues a ticket for 城建                     → "issued CODE MONOTONIC_USEC"
 *   staff    window 2 open; the ticket shows in the waiting list → "seen CODE MONOTONIC_USEC"
 *            (asserted within one second of ticket.issue returning in the manager's app; the
 *            monotonic clock is the same in every process)
 *   staff    calls it, registers a matter, escalates it to the duty leader → "escalated ID NUMBER"
 *   staff    opens the matter among the first-received matters → "watching"
 *   leader   the visitor is in reception; calls them in, records the reception assigning 民政
 *            with a deadline → "received"
 *   staff    the hand-off appears in the matter's timeline by itself (change feed) → "assigned"
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "hall-json-item.h"
#include "hall-counter-page.h"
#include "hall-matter-form.h"
#include "hall-matter-list-page.h"
#include "hall-matter-view.h"
#include "hall-reception-form.h"
#include "hall-reception-page.h"
#include "hall-test-server.h"
#include "hall-test-util.h"
#include "hall-triage-page.h"
#include "hall-ui-test-counter.h"
#include "hall-ui-test-process.h"
#include "hall-ui-test-util.h"
#include "hall-workspace.h"

/* A ticket issued at triage shows at the window within a second. Under the sanitizers every
 * process (three apps and the server) runs about three times slower, the factor the suite's
 * --timeout-multiplier 3 grants them: there the bound is three seconds. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__)
#define SEEN_WITHIN (3 * G_USEC_PER_SEC)
#else
#define SEEN_WITHIN G_USEC_PER_SEC
#endif

/* ------------------------------------------------------------------------------------------ */
/* The apps (children)                                                                        */

/* Manager ----------------------------------------------------------------------------------- */

static gboolean
triage_ready (gpointer data)
{
  return hall_triage_page_get_ready (data);
}

static gboolean
triage_issued (gpointer data)
{
  return hall_triage_page_get_last_issued (data) != NULL && !hall_triage_page_get_busy (data);
}

static void
run_manager (const char *url)
{
  HallWindow *window = NULL;
  g_autoptr (HallApplication) app = hall_ui_test_join_hall (url, "zhangli", 0, &window);
  GtkWidget  *page = hall_ui_test_show_page (window, "triage");
  JsonObject *ticket;
  gint64      issued_at;

  hall_ui_test_wait (triage_ready, page, HALL_UI_TEST_STEP_TIMEOUT, "the triage form");
  hall_ui_test_say ("ready");
  g_strfreev (hall_ui_test_lines_expect (hall_ui_test_child_lines (), "issue"));

  /* A visitor for 城建: the department picked at triage. */
  hall_ui_test_select (page, "department", "城建");
  gtk_widget_activate_action (page, "triage.issue", NULL);
  hall_ui_test_wait (triage_issued, page, HALL_UI_TEST_STEP_TIMEOUT, "the ticket");
  issued_at = g_get_monotonic_time ();
  ticket = json_object_get_object_member (
      hall_triage_page_get_last_issued (HALL_TRIAGE_PAGE (page)), "ticket");
  g_assert_cmpstr (json_object_get_string_member (ticket, "department_code"), ==, "chengjian");
  /* The code, large, for the visitor. */
  hall_ui_test_flush ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "ticket_code"))), ==,
                   json_object_get_string_member (ticket, "code"));
  hall_ui_test_say ("issued %s %" G_GINT64_FORMAT, json_object_get_string_member (ticket, "code"), issued_at);
  hall_ui_test_child_quit (app, window);
}

/* Window staff ------------------------------------------------------------------------------ */

static gboolean
form_done (gpointer data)
{
  return !hall_matter_form_get_busy (data);
}

static gboolean
list_has_matter (gpointer data)
{
  return hall_ui_test_list_has (hall_matter_list_page_get_matters (data), "number",
                                g_object_get_data (data, "number"));
}

static gboolean
view_shows_escalated (gpointer data)
{
  return hall_matter_view_get_result (data) != NULL && _hall_find_named (data, "escalated") != NULL;
}

static gboolean
view_has_assigned (gpointer data)
{
  return _hall_find_named (data, "assigned") != NULL;
}

static void
run_staff (const char *url)
{
  HallWindow *window = NULL;
  g_autoptr (HallApplication) app = hall_ui_test_join_hall (url, "lijing", 2, &window);
  HallClient *client = hall_application_get_client (app);
  GtkWidget  *page, *form, *matters, *view;
  g_autoptr (HallJsonItem) waiting = NULL;
  g_autoptr (JsonObject) result = NULL;
  gint64 seen_at;

  /* Signed in at window 2: the clerk's first page is the window, closed. */
  g_assert_cmpint (hall_client_get_counter_id (client), ==, 2);
  g_assert_cmpstr (hall_workspace_get_visible_page_name (hall_window_get_workspace (window)), ==,
                   "counter");
  page = hall_workspace_get_page (hall_window_get_workspace (window), "counter");
  g_object_set_data (G_OBJECT (page), "want", (gpointer) "closed");
  hall_ui_test_wait (hall_ui_test_counter_is, page, HALL_UI_TEST_STEP_TIMEOUT, "window 2, closed");
  gtk_widget_activate_action (page, "counter.open", NULL);
  g_object_set_data (G_OBJECT (page), "want", (gpointer) "open");
  hall_ui_test_wait (hall_ui_test_counter_is, page, HALL_UI_TEST_STEP_TIMEOUT, "the window to open");
  g_assert_cmpuint (
      g_list_model_get_n_items (hall_counter_page_get_waiting (HALL_COUNTER_PAGE (page))), ==, 0);
  hall_ui_test_say ("ready");

  /* The manager's ticket shows by itself; the test compares the times. */
  hall_ui_test_wait (hall_ui_test_one_waiting, page, HALL_UI_TEST_STEP_TIMEOUT,
                     "the manager's ticket in the waiting list");
  seen_at = g_get_monotonic_time ();
  waiting = g_list_model_get_item (hall_counter_page_get_waiting (HALL_COUNTER_PAGE (page)), 0);
  hall_ui_test_say ("seen %s %" G_GINT64_FORMAT,
                    json_object_get_string_member (hall_json_item_get_data (waiting), "code"), seen_at);

  /* Call it: the visitor's card shows the ticket. */
  gtk_widget_activate_action (page, "counter.call-next", NULL);
  hall_ui_test_wait (hall_ui_test_has_current, page, HALL_UI_TEST_STEP_TIMEOUT, "the called visitor");
  hall_ui_test_flush ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "ticket_code"))), ==,
                   json_object_get_string_member (hall_json_item_get_data (waiting), "code"));

  /* Register the visitor's matter. */
  gtk_widget_activate_action (page, "counter.register", NULL);
  form = hall_counter_page_get_matter_form (HALL_COUNTER_PAGE (page));
  hall_ui_test_type (form, "content", "小区拆迁补偿款至今未发放，多次反映未解决");
  hall_ui_test_type (form, "petitioners[0].name", "王建国");
  hall_ui_test_type (form, "petitioners[0].phone", "13812345678");
  hall_ui_test_type (form, "petitioners[0].id_number", "430102198503151236");
  gtk_widget_activate_action (form, "matter-form.submit", NULL);
  hall_ui_test_wait (form_done, form, HALL_UI_TEST_STEP_TIMEOUT, "matter.register");
  g_assert_nonnull (hall_matter_form_get_result (HALL_MATTER_FORM (form)));
  result = json_object_ref (hall_matter_form_get_result (HALL_MATTER_FORM (form)));
  hall_ui_test_flush ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (form, "result_number"))), ==,
                   json_object_get_string_member (result, "number"));

  /* Escalate it to the duty leader: the visitor leaves the window for reception. */
  hall_ui_test_wait (hall_ui_test_current_has_matter, page, HALL_UI_TEST_STEP_TIMEOUT,
                     "the visit to carry its matter");
  g_assert_true (gtk_widget_activate_action (page, "counter.escalate", NULL));
  gtk_widget_activate_action (page, "counter.form-apply", NULL);
  hall_ui_test_wait (hall_ui_test_no_current, page, HALL_UI_TEST_STEP_TIMEOUT,
                     "the visitor to go to the leader");
  hall_ui_test_say ("escalated %" G_GINT64_FORMAT " %s", json_object_get_int_member (result, "matter_id"),
                    json_object_get_string_member (result, "number"));

  /* 首接首办: the matter among the clerk's first-received matters, its timeline open. */
  matters = hall_ui_test_show_page (window, "matters");
  g_object_set_data_full (G_OBJECT (matters), "number",
                          g_strdup (json_object_get_string_member (result, "number")), g_free);
  hall_ui_test_wait (list_has_matter, matters, HALL_UI_TEST_STEP_TIMEOUT,
                     "the matter in my first-received matters");
  hall_matter_list_page_show_matter (HALL_MATTER_LIST_PAGE (matters),
                                     json_object_get_int_member (result, "matter_id"));
  view = hall_matter_list_page_get_view (HALL_MATTER_LIST_PAGE (matters));
  hall_ui_test_wait (view_shows_escalated, view, HALL_UI_TEST_STEP_TIMEOUT,
                     "the escalation in the matter's timeline");
  g_assert_null (_hall_find_named (view, "assigned"));
  hall_ui_test_say ("watching");

  /* The leader's hand-off arrives by itself. */
  hall_ui_test_wait (view_has_assigned, view, HALL_UI_TEST_STEP_TIMEOUT,
                     "the leader's assignment in the timeline");
  hall_ui_test_say ("assigned");
  hall_ui_test_child_quit (app, window);
}

/* Leader ------------------------------------------------------------------------------------ */

static gboolean
duty_said (gpointer data)
{
  return *gtk_label_get_text (data) != '\0';
}

static gboolean
form_ready (gpointer data)
{
  return hall_reception_form_get_ready (data);
}

static gboolean
reception_on_list (gpointer data)
{
  return g_strcmp0 (hall_reception_page_get_view (data), "list") == 0;
}

/* The escalation of the matter g_object_get_data (@page, "matter-id") waiting in reception. */
static gint64
waiting_escalation (GtkWidget *page)
{
  GListModel *visitors = hall_reception_page_get_visitors (HALL_RECEPTION_PAGE (page));
  gint64      matter_id = *(gint64 *) g_object_get_data (G_OBJECT (page), "matter-id");

  for (guint i = 0; i < g_list_model_get_n_items (visitors); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (visitors, i);
      JsonObject *visitor = hall_json_item_get_data (item);

      if (json_object_get_int_member (visitor, "matter_id") == matter_id
          && g_strcmp0 (json_object_get_string_member (visitor, "state"), "waiting") == 0)
        return json_object_get_int_member (visitor, "escalation_id");
    }
  return 0;
}

static gboolean
visitor_waiting (gpointer data)
{
  return waiting_escalation (data) != 0;
}

static gboolean
visitor_gone (gpointer data)
{
  GListModel *visitors = hall_reception_page_get_visitors (data);
  return g_list_model_get_n_items (visitors) == 0;
}

static gboolean
dialog_shown (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          *(AdwMessageDialog **) data = ADW_MESSAGE_DIALOG (window);
          return TRUE;
        }
    }
  return FALSE;
}

static void
run_leader (const char *url)
{
  HallWindow *window = NULL;
  g_autoptr (HallApplication) app = hall_ui_test_join_hall (url, "wangld", 0, &window);
  GtkWidget *page = hall_ui_test_show_page (window, "reception");
  GtkWidget *form = hall_reception_page_get_form (HALL_RECEPTION_PAGE (page));
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) later = g_date_time_add_days (now, 10);
  g_autofree char  *deadline = g_date_time_format (later, "%Y-%m-%d");
  AdwMessageDialog *dialog = NULL;
  g_auto (GStrv) words = NULL;
  gint64 matter_id;

  hall_ui_test_wait (duty_said, hall_ui_test_find (page, "duty"), HALL_UI_TEST_STEP_TIMEOUT, "today’s duty");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "duty"))), ==,
                   "You receive visitors all day");
  hall_ui_test_say ("ready");

  /* The clerk's visitor, in the reception list by itself. */
  words = hall_ui_test_lines_expect (hall_ui_test_child_lines (), "receive");
  matter_id = g_ascii_strtoll (words[1], NULL, 10);
  g_object_set_data (G_OBJECT (page), "matter-id", &matter_id);
  hall_ui_test_wait (visitor_waiting, page, HALL_UI_TEST_STEP_TIMEOUT, "the escalated visitor in reception");

  /* Called in, the record filled: 民政 leads, with a deadline ten days on. */
  gtk_widget_activate_action (page, "reception.call", "x", waiting_escalation (page));
  hall_ui_test_wait (form_ready, form, HALL_UI_TEST_STEP_TIMEOUT, "the reception record");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (form, "name"))), ==,
                   "王建国");
  hall_reception_form_set_department (HALL_RECEPTION_FORM (form), "minzheng", TRUE);
  hall_ui_test_type (form, "instructions", "民政局牵头，十日内核实补偿款发放情况并答复信访人");
  hall_ui_test_type (form, "deadline", deadline);
  hall_ui_test_type (form, "result", "当场答复信访人，明确承办单位和办理时限");
  gtk_widget_activate_action (form, "reception-form.submit", NULL);
  hall_ui_test_wait (dialog_shown, &dialog, HALL_UI_TEST_STEP_TIMEOUT, "the question before recording");
  /* As a click does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, "record");
  gtk_window_destroy (GTK_WINDOW (dialog));
  hall_ui_test_wait (reception_on_list, page, HALL_UI_TEST_STEP_TIMEOUT, "the record to be kept");
  hall_ui_test_wait (visitor_gone, page, HALL_UI_TEST_STEP_TIMEOUT, "the received visitor to leave the list");
  g_object_set_data (G_OBJECT (page), "matter-id", NULL);
  hall_ui_test_say ("received %s", deadline);
  hall_ui_test_child_quit (app, window);
}

static int
run_child (const char *role,
           const char *url)
{
  char *dir = hall_ui_test_child_init ();

  if (g_str_equal (role, "manager"))
    run_manager (url);
  else if (g_str_equal (role, "staff"))
    run_staff (url);
  else if (g_str_equal (role, "leader"))
    run_leader (url);
  else
    g_error ("No role “%s”", role);

  hall_ui_test_child_end (dir);
  return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* The test (parent)                                                                          */

static char *self_path;

static void
app_start (HallUiTestApp *app,
           const char    *role,
           const char    *url)
{
  const char *argv[] = { self_path, "--e2e-role", role, url, NULL };

  hall_ui_test_app_start (app, role, NULL, argv);
}

static void
test_e2e_hall (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_autofree char *manager =
      hall_test_server_add_user_login (server, "zhangli", "manager", "xinfang", 0);
  g_autofree char *leader =
      hall_test_server_add_user_login (server, "wangld", "leader", "xinfang", 0);
  g_autoptr (JsonObject) me = NULL;
  g_autoptr (JsonObject) duty = NULL;
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  HallUiTestApp    manager_app = { 0 }, staff_app = { 0 }, leader_app = { 0 };
  g_auto (GStrv) issued = NULL;
  g_auto (GStrv) seen = NULL;
  g_auto (GStrv) escalated = NULL;
  g_auto (GStrv) received = NULL;
  gint64     delay, matter_id;
  JsonArray *assignments;
  gboolean   to_minzheng = FALSE;

  hall_test_server_add_user (server, "lijing", "staff", "chengjian", NULL);
  me = hall_test_server_ok (server, leader, "session.whoami", "{}");
  duty = hall_test_server_ok (
      server, manager, "leader.duty", "{\"date\": \"%s\", \"user_id\": %" G_GINT64_FORMAT "}",
      today, json_object_get_int_member (json_object_get_object_member (me, "user"), "id"));

  /* Three PCs in the hall, each signed in to the same server. */
  app_start (&staff_app, "staff", server->url);
  app_start (&leader_app, "leader", server->url);
  app_start (&manager_app, "manager", server->url);
  g_strfreev (hall_ui_test_lines_expect (&staff_app.from_app, "ready"));
  g_strfreev (hall_ui_test_lines_expect (&leader_app.from_app, "ready"));
  g_strfreev (hall_ui_test_lines_expect (&manager_app.from_app, "ready"));

  /* Triage issues a ticket; window 2 shows it within a second of ticket.issue returning. */
  hall_ui_test_app_tell (&manager_app, "issue");
  issued = hall_ui_test_lines_expect (&manager_app.from_app, "issued");
  seen = hall_ui_test_lines_expect (&staff_app.from_app, "seen");
  g_assert_cmpstr (seen[1], ==, issued[1]);
  delay = g_ascii_strtoll (seen[2], NULL, 10) - g_ascii_strtoll (issued[2], NULL, 10);
  /* Negative when the window's app saw it before the manager's app had taken the answer in. */
  g_test_message ("Ticket %s shown at window 2 %+" G_GINT64_FORMAT
                  " ms from ticket.issue returning at triage",
                  issued[1], delay / 1000);
  g_assert_cmpint (delay, <=, SEEN_WITHIN);

  /* Called, registered, escalated: the hall has the visitor in the leader's queue. */
  escalated = hall_ui_test_lines_expect (&staff_app.from_app, "escalated");
  matter_id = g_ascii_strtoll (escalated[1], NULL, 10);
  g_assert_cmpint (matter_id, >, 0);
  {
    g_autoptr (JsonObject) queue = hall_test_server_ok (server, leader, "leader.queue", NULL);
    JsonArray *visitors = json_object_get_array_member (queue, "visitors");

    g_assert_cmpuint (json_array_get_length (visitors), ==, 1);
    g_assert_cmpint (
        json_object_get_int_member (json_array_get_object_element (visitors, 0), "matter_id"), ==,
        matter_id);
  }

  /* The clerk watches the matter; the leader receives the visitor and assigns the matter. */
  g_strfreev (hall_ui_test_lines_expect (&staff_app.from_app, "watching"));
  {
    g_autofree char *line = g_strdup_printf ("receive %" G_GINT64_FORMAT, matter_id);
    hall_ui_test_app_tell (&leader_app, line);
  }
  received = hall_ui_test_lines_expect (&leader_app.from_app, "received");
  matter = hall_test_server_ok (server, leader, "matter.get",
                                "{\"matter_id\": %" G_GINT64_FORMAT "}", matter_id);
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (matter, "matter"), "number"),
      ==, escalated[2]);
  assignments = json_object_get_array_member (matter, "assignments");
  for (guint i = 0; i < json_array_get_length (assignments); i++)
    {
      JsonObject *assignment = json_array_get_object_element (assignments, i);

      if (json_object_get_int_member (assignment, "department_id") == 3)
        {
          to_minzheng = TRUE;
          g_assert_cmpstr (json_object_get_string_member (assignment, "deadline"), ==, received[1]);
        }
    }
  g_assert_true (to_minzheng);

  /* The first receiver sees the hand-off in the timeline without doing anything. */
  g_strfreev (hall_ui_test_lines_expect (&staff_app.from_app, "assigned"));

  hall_ui_test_app_finish (&manager_app);
  hall_ui_test_app_finish (&leader_app);
  hall_ui_test_app_finish (&staff_app);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--e2e-role"))
    return run_child (argv[2], argv[3]);

  int result;

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_assert_nonnull (self_path);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/e2e/hall", test_e2e_hall);
  result = g_test_run ();
  g_free (self_path);
  return result;
}
