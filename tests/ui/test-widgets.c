/* test-widgets.c — every widget of the app made, shown and finalized, under Xvfb (the matter
 * form and view: test-matter-widgets.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "hall-admin-accounts-page.h"
#include "hall-admin-calendar-page.h"
#include "hall-admin-maintenance-page.h"
#include "hall-admin-setup-page.h"
#include "hall-json-item.h"
#include "hall-board-page.h"
#include "hall-charge-view.h"
#include "hall-charges-page.h"
#include "hall-followup-page.h"
#include "hall-counter-card.h"
#include "hall-escalations-page.h"
#include "hall-kiosk-page.h"
#include "hall-local-client.h"
#include "hall-counter-page.h"
#include "hall-matter-form.h"
#include "hall-matter-list-page.h"
#include "hall-preferences-window.h"
#include "hall-queue-page.h"
#include "hall-reception-form.h"
#include "hall-reception-page.h"
#include "hall-roster-page.h"
#include "hall-signin-page.h"
#include "hall-stats-page.h"
#include "hall-supervision-page.h"
#include "hall-triage-page.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"
#include "hall-welcome-page.h"
#include "hall-window.h"
#include "hall-windows-page.h"
#include "hall-workspace.h"

static char *data_dir;

static void
test_welcome_page (void)
{
  GtkWidget *page = hall_welcome_page_new ();

  g_assert_cmpstr (hall_welcome_page_get_step (HALL_WELCOME_PAGE (page)), ==, "choose");
  hall_welcome_page_set_local_exists (HALL_WELCOME_PAGE (page), TRUE);
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "open_local_row")));
  gtk_widget_activate_action (page, "welcome.show-join", NULL);
  g_assert_cmpstr (hall_welcome_page_get_step (HALL_WELCOME_PAGE (page)), ==, "join");
  /* Not an address: said next to the field, nothing contacted. */
  hall_ui_test_type (page, "address", "ftp://hall");
  gtk_widget_activate_action (page, "welcome.probe", NULL);
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (page, "address"), "error"));
  gtk_widget_activate_action (page, "welcome.back", NULL);
  g_assert_cmpstr (hall_welcome_page_get_step (HALL_WELCOME_PAGE (page)), ==, "choose");
  hall_ui_test_show_and_finalize (page);
}

static void
test_signin_page (void)
{
  GtkWidget *page = hall_signin_page_new ();
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "last-username", "lijing");
  g_settings_set_int64 (settings, "counter-id", 3);
  hall_signin_page_set_settings (HALL_SIGNIN_PAGE (page), settings);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (page, "username"))), ==,
                   "lijing");
  g_assert_cmpuint (
      adw_combo_row_get_selected (ADW_COMBO_ROW (hall_ui_test_find (page, "counter"))), ==, 3);
  hall_signin_page_set_location (HALL_SIGNIN_PAGE (page), "The demo hall", TRUE);
  /* Without a hall there is nobody to ask. */
  g_assert_false (gtk_widget_is_sensitive (hall_ui_test_find (page, "signin_button")));
  g_settings_reset (settings, "last-username");
  g_settings_reset (settings, "counter-id");
  hall_ui_test_show_and_finalize (page);
}

static void
test_counter_card (void)
{
  g_autoptr (JsonObject) data =
      hall_test_parse_object ("{\"id\": 2, \"number\": 2, \"name\": \"2号窗口\", \"state\": "
                              "\"open\", \"staff_name\": \"赵磊\","
                              " \"departments\": [{\"id\": 2, \"name\": \"城建\"}], \"waiting\": "
                              "4, \"held\": 1, \"over_norm\": true,"
                              " \"current\": {\"ticket_id\": 7, \"code\": \"C007\", \"state\": "
                              "\"serving\", \"since\": 1000}}");
  g_autoptr (HallJsonItem) item = hall_json_item_new (data, 1000 + 12 * 60);
  GtkWidget *card = hall_counter_card_new (item);

  g_assert_true (hall_counter_card_get_item (HALL_COUNTER_CARD (card)) == item);
  hall_ui_test_show_and_finalize (card);
  g_assert_finalize_object (g_steal_pointer (&item));
}

static void
test_workspace_empty (void)
{
  GtkWidget *workspace = hall_workspace_new ();

  hall_workspace_set_role (HALL_WORKSPACE (workspace), "kiosk");
  g_assert_null (hall_workspace_get_visible_page_name (HALL_WORKSPACE (workspace)));
  g_assert_null (hall_workspace_get_page (HALL_WORKSPACE (workspace), "board"));
  hall_ui_test_show_and_finalize (workspace);
}

static gboolean
board_loaded (gpointer data)
{
  return g_list_model_get_n_items (hall_board_page_get_counters (data)) == 20;
}

/* The workspace of a signed-in manager, with the live board. */
static void
test_workspace_board (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *token = hall_test_add_user (hall, "zhangli", "manager", "xinfang", 0);
  g_autoptr (HallClient) client = hall_local_client_new (hall->engine);
  GtkWidget *workspace = hall_workspace_new ();
  GtkWidget *board;
  gboolean   signed_in = FALSE;
  guint      n_cards = 0;

  hall_client_login_async (client, "zhangli", "password123", NULL, 0, NULL, hall_ui_test_login_cb,
                           &signed_in);
  hall_ui_test_wait (hall_ui_test_flag_set, &signed_in, 30, "sign-in");

  hall_workspace_set_client (HALL_WORKSPACE (workspace), client);
  hall_workspace_set_role (HALL_WORKSPACE (workspace), hall_client_get_role (client));
  g_assert_cmpstr (hall_workspace_get_visible_page_name (HALL_WORKSPACE (workspace)), ==, "board");
  board = hall_workspace_get_page (HALL_WORKSPACE (workspace), "board");
  g_assert_true (HALL_IS_BOARD_PAGE (board));
  hall_ui_test_wait (board_loaded, board, 30, "the board");

  for (GtkWidget *child = gtk_widget_get_first_child (hall_ui_test_find (board, "counters")); child;
       child = gtk_widget_get_next_sibling (child))
    n_cards++;
  g_assert_cmpuint (n_cards, ==, 20);

  hall_ui_test_show_and_finalize (workspace);
  hall_engine_shutdown (hall->engine);
}

/* The clerk's pages without a hall: made, shown and released; the form checks what is typed. */
static void
test_counter_pages_no_client (void)
{
  GtkWidget *counter = hall_counter_page_new (NULL);
  GtkWidget *list = hall_matter_list_page_new (NULL);
  GtkWidget *form = hall_matter_form_new (NULL);

  g_assert_cmpuint (
      g_list_model_get_n_items (hall_counter_page_get_waiting (HALL_COUNTER_PAGE (counter))), ==,
      0);
  g_assert_null (hall_counter_page_get_current (HALL_COUNTER_PAGE (counter)));
  hall_ui_test_show_and_finalize (counter);
  g_assert_cmpuint (
      g_list_model_get_n_items (hall_matter_list_page_get_matters (HALL_MATTER_LIST_PAGE (list))),
      ==, 0);
  hall_ui_test_show_and_finalize (list);

  /* A second petitioner, an impossible birth date, a phone too short to be one. */
  gtk_widget_activate_action (form, "matter-form.add-petitioner", NULL);
  hall_ui_test_type (form, "petitioners[1].id_number", "430102198513321234");
  g_assert_true (
      gtk_widget_has_css_class (hall_ui_test_find (form, "petitioners[1].id_number"), "error"));
  hall_ui_test_type (form, "petitioners[1].phone", "1381234567890");
  g_assert_true (
      gtk_widget_has_css_class (hall_ui_test_find (form, "petitioners[1].phone"), "error"));
  gtk_widget_activate_action (form, "matter-form.remove-petitioner", "u", 1);
  g_assert_null (_hall_find_named (form, "petitioners[1].id_number"));

  hall_ui_test_show_and_finalize (form);
}

static void
test_board_page_no_client (void)
{
  GtkWidget *board = hall_board_page_new (NULL);

  g_assert_cmpuint (
      g_list_model_get_n_items (hall_board_page_get_counters (HALL_BOARD_PAGE (board))), ==, 0);
  hall_ui_test_show_and_finalize (board);
}

static void
test_windows_page_no_client (void)
{
  GtkWidget *page = hall_windows_page_new (NULL);

  g_assert_null (hall_windows_page_get_counters (HALL_WINDOWS_PAGE (page)));
  gtk_widget_activate_action (page, "windows.departments", "x", (gint64) 1);
  g_assert_null (hall_windows_page_get_dialog (HALL_WINDOWS_PAGE (page)));
  hall_ui_test_show_and_finalize (page);
}

static void
test_escalations_page_no_client (void)
{
  GtkWidget *page = hall_escalations_page_new (NULL);

  g_assert_null (hall_escalations_page_get_data (HALL_ESCALATIONS_PAGE (page)));
  g_assert_false (hall_escalations_page_get_busy (HALL_ESCALATIONS_PAGE (page)));
  gtk_widget_activate_action (page, "escalations.open-matter", "x", (gint64) 1);
  g_assert_null (hall_escalations_page_get_matter_window (HALL_ESCALATIONS_PAGE (page)));
  hall_ui_test_show_and_finalize (page);
}

static void
test_roster_page_no_client (void)
{
  GtkWidget *page = hall_roster_page_new (NULL);

  g_assert_null (hall_roster_page_get_roster (HALL_ROSTER_PAGE (page)));
  /* Nobody to put on duty without the hall. */
  gtk_widget_activate_action (page, "roster.add", "s", "2026-10-01");
  g_assert_null (hall_roster_page_get_dialog (HALL_ROSTER_PAGE (page)));
  hall_ui_test_show_and_finalize (page);
}

static void
test_queue_page_no_client (void)
{
  GtkWidget *page = hall_queue_page_new (NULL);

  g_assert_cmpuint (g_list_model_get_n_items (hall_queue_page_get_waiting (HALL_QUEUE_PAGE (page))),
                    ==, 0);
  g_assert_false (hall_queue_page_get_busy (HALL_QUEUE_PAGE (page)));
  /* Nothing to transfer without a ticket. */
  gtk_widget_activate_action (page, "queue.transfer", "x", (gint64) 1);
  g_assert_null (hall_queue_page_get_dialog (HALL_QUEUE_PAGE (page)));
  hall_ui_test_show_and_finalize (page);
}

static void
test_triage_page_no_client (void)
{
  GtkWidget *page = hall_triage_page_new (NULL);

  g_assert_false (hall_triage_page_get_ready (HALL_TRIAGE_PAGE (page)));
  g_assert_false (gtk_widget_is_sensitive (hall_ui_test_find (page, "issue_button")));
  hall_ui_test_show_and_finalize (page);
}

static void
test_window (void)
{
  HallWindow *window = g_object_new (HALL_TYPE_WINDOW, NULL);

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  hall_ui_test_flush ();
  g_assert_cmpstr (hall_window_get_page_name (window), ==, "welcome");
  hall_window_show_toast (window, "A toast");
  hall_ui_test_close_and_finalize (window, window);
}

static void
test_preferences_window (void)
{
  HallPreferencesWindow *window = hall_preferences_window_new (NULL);

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  hall_ui_test_flush ();
  hall_ui_test_close_and_finalize (window, window);
}

static void
test_shortcuts_window (void)
{
  g_autoptr (GtkBuilder) builder =
      gtk_builder_new_from_resource ("/io/github/xinfanghall/Hall/gtk/help-overlay.ui");
  GtkWidget *window = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (window));
  g_object_ref (window);
  g_clear_object (&builder);
  hall_ui_test_close_and_finalize (window, window);
}

static void
test_kiosk_page_no_client (void)
{
  hall_ui_test_show_and_finalize (hall_kiosk_page_new (NULL));
}

static void
test_admin_pages_no_client (void)
{
  hall_ui_test_show_and_finalize (hall_admin_setup_page_new (NULL));
  hall_ui_test_show_and_finalize (hall_admin_accounts_page_new (NULL));
  hall_ui_test_show_and_finalize (hall_admin_calendar_page_new (NULL));
  hall_ui_test_show_and_finalize (hall_admin_maintenance_page_new (NULL));
}

static gboolean
admin_setup_loaded (gpointer data)
{
  return g_list_model_get_n_items (hall_admin_setup_page_get_counters (data)) == 20
         && g_list_model_get_n_items (hall_admin_setup_page_get_departments (data)) == 20
         && !hall_admin_setup_page_get_busy (data);
}

static gboolean
counter_one_serves_two (gpointer data)
{
  g_autoptr (HallJsonItem) counter =
      g_list_model_get_item (hall_admin_setup_page_get_counters (data), 0);
  JsonArray *ids =
      json_object_get_array_member (hall_json_item_get_data (counter), "department_ids");

  return json_array_get_length (ids) == 2 && !hall_admin_setup_page_get_busy (data);
}

static gboolean
admin_accounts_loaded (gpointer data)
{
  return g_list_model_get_n_items (hall_admin_accounts_page_get_accounts (data)) == 1;
}

static gboolean
admin_calendar_loaded (gpointer data)
{
  return hall_admin_calendar_page_get_due_15 (data) != NULL
         && !hall_admin_calendar_page_get_busy (data);
}

static gboolean
admin_maintenance_idle (gpointer data)
{
  return !hall_admin_maintenance_page_get_busy (data);
}

/* The admin's pages on a live hall: what each reads, and one change each. */
static void
test_admin_pages (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *token = hall_test_add_user (hall, "wangfang", "admin", NULL, 0);
  g_autoptr (HallClient) client = hall_local_client_new (hall->engine);
  GtkWidget *setup, *accounts, *calendar, *maintenance;
  gboolean   signed_in = FALSE;

  hall_engine_set_now (hall->engine, hall_test_time ("2026-09-21 09:00"));
  hall_client_login_async (client, "wangfang", "password123", NULL, 0, NULL, hall_ui_test_login_cb,
                           &signed_in);
  hall_ui_test_wait (hall_ui_test_flag_set, &signed_in, 30, "sign-in");

  /* Setup: every department and window; window 1 also serves 城建 once ticked and saved. */
  setup = hall_admin_setup_page_new (client);
  hall_ui_test_wait (admin_setup_loaded, setup, 30, "the hall's setup");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (setup, "hall_name"))),
                   !=, "");
  {
    GtkWidget *row = GTK_WIDGET (
        gtk_list_box_get_row_at_index (GTK_LIST_BOX (hall_ui_test_find (setup, "counters")), 0));
    GPtrArray *checks = g_object_get_data (G_OBJECT (row), "checks");

    g_assert_true (gtk_check_button_get_active (checks->pdata[0]));
    g_assert_false (gtk_check_button_get_active (checks->pdata[1]));
    gtk_check_button_set_active (checks->pdata[1], TRUE);
    gtk_widget_activate_action (setup, "setup.save-counter", "x", (gint64) 1);
    hall_ui_test_wait (counter_one_serves_two, setup, 30, "window 1 to serve two departments");
  }
  /* A category needs a name. */
  hall_ui_test_type (setup, "new_category_name", "");
  gtk_widget_activate_action (setup, "setup.add-category", NULL);
  g_assert_true (
      gtk_widget_has_css_class (hall_ui_test_find (setup, "new_category_name"), "error"));
  hall_ui_test_show_and_finalize (setup);

  /* Accounts: the admin, with a department left empty. */
  accounts = hall_admin_accounts_page_new (client);
  hall_ui_test_wait (admin_accounts_loaded, accounts, 30, "the accounts");
  /* No role chosen: said at the roles, nothing sent. */
  hall_ui_test_type (accounts, "new_username", "zhou.min");
  hall_ui_test_type (accounts, "new_password", "long enough");
  gtk_widget_activate_action (accounts, "accounts.create", NULL);
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (accounts, "new_roles"), "error"));
  g_assert_false (hall_admin_accounts_page_get_busy (HALL_ADMIN_ACCOUNTS_PAGE (accounts)));
  /* A space in a username shows while typing. */
  hall_ui_test_type (accounts, "new_username", "zhou min");
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (accounts, "new_username"), "error"));
  hall_ui_test_show_and_finalize (accounts);

  /* Calendar: 2026-09-21 + 15 days is Tue 6 October, inside the National Day holiday
   * (1–7 October in the seeded State Council schedule), so the period ends on Thu 8 October. */
  calendar = hall_admin_calendar_page_new (client);
  hall_ui_test_wait (admin_calendar_loaded, calendar, 30, "the deadline preview");
  g_assert_cmpstr (hall_admin_calendar_page_get_today (HALL_ADMIN_CALENDAR_PAGE (calendar)), ==,
                   "2026-09-21");
  g_assert_cmpstr (hall_admin_calendar_page_get_due_15 (HALL_ADMIN_CALENDAR_PAGE (calendar)), ==,
                   "2026-10-08");
  g_assert_cmpuint (g_list_model_get_n_items (
                        hall_admin_calendar_page_get_days (HALL_ADMIN_CALENDAR_PAGE (calendar))),
                    >, 0);
  hall_ui_test_show_and_finalize (calendar);

  /* Maintenance: the integrity check says the records are sound. */
  maintenance = hall_admin_maintenance_page_new (client);
  gtk_widget_activate_action (maintenance, "maintenance.check", NULL);
  hall_ui_test_wait (admin_maintenance_idle, maintenance, 30, "the integrity check");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (maintenance, "check_result"))),
                   ==, "The records are sound.");
  hall_ui_test_show_and_finalize (maintenance);

  hall_engine_shutdown (hall->engine);
}

static void
test_reception_page_no_client (void)
{
  GtkWidget *page = hall_reception_page_new (NULL);

  g_assert_cmpuint (
      g_list_model_get_n_items (hall_reception_page_get_visitors (HALL_RECEPTION_PAGE (page))), ==,
      0);
  g_assert_cmpstr (hall_reception_page_get_view (HALL_RECEPTION_PAGE (page)), ==, "list");
  hall_ui_test_show_and_finalize (page);
}

static void
test_reception_form (void)
{
  GtkWidget *form = hall_reception_form_new (NULL);

  /* Nothing to record before a matter is loaded; a wrong ID number is said as it is typed. */
  g_assert_false (hall_reception_form_get_ready (HALL_RECEPTION_FORM (form)));
  hall_ui_test_type (form, "id_number", "431228198001151237");
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (form, "id_number"), "error"));
  hall_ui_test_type (form, "id_number", "4312281980");
  g_assert_false (gtk_widget_has_css_class (hall_ui_test_find (form, "id_number"), "error"));
  hall_ui_test_show_and_finalize (form);
}

static void
test_charges_page_no_client (void)
{
  GtkWidget *page = hall_charges_page_new (NULL);

  g_assert_null (hall_charges_page_get_current (HALL_CHARGES_PAGE (page)));
  g_assert_cmpstr (hall_charges_page_get_view (HALL_CHARGES_PAGE (page)), ==, "list");
  hall_ui_test_show_and_finalize (page);
}

static void
test_followup_page_no_client (void)
{
  GtkWidget *page = hall_followup_page_new (NULL);

  g_assert_null (hall_followup_page_get_selected (HALL_FOLLOWUP_PAGE (page)));
  g_assert_cmpuint (g_list_model_get_n_items (hall_followup_page_get_items (HALL_FOLLOWUP_PAGE (page))),
                    ==, 0);
  hall_ui_test_show_and_finalize (page);
}

static void
test_charge_view (void)
{
  g_autoptr (JsonObject) charge = hall_test_parse_object (
      "{\"id\": 4, \"matter_id\": 9, \"matter_number\": \"XF2026-000009\", \"matter_state\": "
      "\"assigned\","
      " \"handling_due\": \"2026-12-01\", \"leader_name\": \"王建国\", \"charged_at\": 1791766800,"
      " \"deadline\": \"2026-10-20\", \"days_left\": -2, \"overdue\": true, \"closed\": false,"
      " \"working_group\": [\"王强 县住建局\"], \"plan\": \"两周内完成维修\", \"plan_date\": "
      "\"2026-10-12\","
      " \"checklist\": {\"leader\": true, \"working_group\": true, \"plan\": true, \"minutes\": "
      "false,"
      " \"stability_measures\": false}, \"complete\": 3, \"items\": 5, \"minutes\": [], "
      "\"progress\": []}");
  GtkWidget *view = hall_charge_view_new (NULL);

  hall_charge_view_set_charge (HALL_CHARGE_VIEW (view), charge);
  g_assert_true (hall_charge_view_get_charge (HALL_CHARGE_VIEW (view)) != NULL);
  /* The checklist says what is missing in words, and the deadline how late it is. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (view, "check_minutes_state"))),
                   ==, "Missing");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (view, "check_plan_state"))),
                   ==, "Done");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (view, "detail_badge"))), ==,
                   "2 days overdue (2026-10-20)");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (view, "working_group"))),
                   ==, "王强 县住建局");
  hall_ui_test_show_and_finalize (view);
}

static void
test_supervision_page_no_client (void)
{
  GtkWidget *page = hall_supervision_page_new (NULL);

  g_assert_cmpuint (g_list_model_get_n_items (
                        hall_supervision_page_get_list (HALL_SUPERVISION_PAGE (page), "overdue")),
                    ==, 0);
  hall_ui_test_show_and_finalize (page);
}

/* Without a hall: no period yet, nothing to export, the charts empty. */
static void
test_stats_page_no_client (void)
{
  GtkWidget *page = hall_stats_page_new (NULL);

  g_assert_null (hall_stats_page_get_from (HALL_STATS_PAGE (page)));
  g_assert_null (hall_stats_page_get_summary (HALL_STATS_PAGE (page)));
  g_assert_false (gtk_widget_activate_action (page, "stats.export", "s", "xlsx")
                  && hall_stats_page_is_exporting (HALL_STATS_PAGE (page)));
  hall_ui_test_show_and_finalize (page);
}

int
main (int   argc,
      char *argv[])
{
  data_dir = hall_ui_test_init (&argc, &argv);

  g_test_add_func ("/widgets/welcome-page", test_welcome_page);
  g_test_add_func ("/widgets/signin-page", test_signin_page);
  g_test_add_func ("/widgets/counter-card", test_counter_card);
  g_test_add_func ("/widgets/board-page/no-client", test_board_page_no_client);
  g_test_add_func ("/widgets/workspace/empty", test_workspace_empty);
  g_test_add_func ("/widgets/workspace/board", test_workspace_board);
  g_test_add_func ("/widgets/counter-pages/no-client", test_counter_pages_no_client);
  g_test_add_func ("/widgets/admin-pages/no-client", test_admin_pages_no_client);
  g_test_add_func ("/widgets/admin-pages", test_admin_pages);
  g_test_add_func ("/widgets/reception-page/no-client", test_reception_page_no_client);
  g_test_add_func ("/widgets/reception-form", test_reception_form);
  g_test_add_func ("/widgets/charges-page/no-client", test_charges_page_no_client);
  g_test_add_func ("/widgets/followup-page/no-client", test_followup_page_no_client);
  g_test_add_func ("/widgets/charge-view", test_charge_view);
  g_test_add_func ("/widgets/supervision-page/no-client", test_supervision_page_no_client);
  g_test_add_func ("/widgets/stats-page/no-client", test_stats_page_no_client);
  g_test_add_func ("/widgets/window", test_window);
  g_test_add_func ("/widgets/preferences-window", test_preferences_window);
  g_test_add_func ("/widgets/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/widgets/triage-page/no-client", test_triage_page_no_client);
  g_test_add_func ("/widgets/queue-page/no-client", test_queue_page_no_client);
  g_test_add_func ("/widgets/roster-page/no-client", test_roster_page_no_client);
  g_test_add_func ("/widgets/windows-page/no-client", test_windows_page_no_client);
  g_test_add_func ("/widgets/escalations-page/no-client", test_escalations_page_no_client);
  g_test_add_func ("/widgets/kiosk-page/no-client", test_kiosk_page_no_client);
  return hall_ui_test_run (data_dir);
}
