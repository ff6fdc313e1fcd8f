/* test-app.c — the real app under Xvfb, driven through its actions: first run, a new hall on
 * this PC, sign-in (with the mistakes people make), role switching and the live hall board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "hall-board-item.h"
#include "hall-board-page.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"

static char *data_dir;

static gboolean
board_has_counters (gpointer data)
{
  HallWindow *window = data;
  GtkWidget *board = hall_workspace_get_page (hall_window_get_workspace (window), "board");

  return board != NULL && g_list_model_get_n_items (hall_board_page_get_counters (HALL_BOARD_PAGE (board))) == 20;
}

static gboolean
signin_idle (gpointer data)
{
  return !hall_signin_page_get_busy (data);
}

static gint64
department_waiting (HallBoardPage *board,
                    gint64         department_id)
{
  GListModel *departments = hall_board_page_get_departments (board);

  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (HallBoardItem) item = g_list_model_get_item (departments, i);

      if (hall_board_item_get_id (item) == department_id)
        return json_object_get_int_member (hall_board_item_get_data (item), "waiting");
    }
  return -1;
}

typedef struct
{
  HallBoardPage *board;
  gint64 department_id;
  gint64 waiting;
} WaitingCheck;

static gboolean
waiting_is (gpointer data)
{
  WaitingCheck *check = data;
  return department_waiting (check->board, check->department_id) == check->waiting;
}

static gboolean
role_is_admin (gpointer data)
{
  return g_strcmp0 (hall_workspace_get_role (hall_window_get_workspace (data)), "admin") == 0;
}

static void
issue_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);

  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
test_first_run (void)
{
  HallWindow *window = NULL;
  g_autoptr (HallApplication) app = hall_ui_test_start_app (&window);
  GtkWidget *welcome = GTK_WIDGET (hall_window_get_welcome_page (window));
  GtkWidget *signin = GTK_WIDGET (hall_window_get_signin_page (window));
  HallWorkspace *workspace = hall_window_get_workspace (window);
  g_autofree char *db = hall_application_get_local_path ();
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  HallBoardPage *board;
  HallClient *client;

  /* A new PC: the three ways in, and no hall yet. */
  g_assert_cmpstr (hall_window_get_page_name (window), ==, "welcome");
  g_assert_cmpstr (hall_welcome_page_get_step (HALL_WELCOME_PAGE (welcome)), ==, "choose");
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (welcome, "open_local_row")));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  gtk_widget_activate_action (welcome, "welcome.show-create", NULL);
  g_assert_cmpstr (hall_welcome_page_get_step (HALL_WELCOME_PAGE (welcome)), ==, "create");

  /* Inline validation while typing: a bad character in the username shows at once. */
  hall_ui_test_type (welcome, "username", "zhang san");
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (welcome, "username"), "error"));
  hall_ui_test_type (welcome, "username", "zhangsan");
  g_assert_false (gtk_widget_has_css_class (hall_ui_test_find (welcome, "username"), "error"));

  /* Submitting an incomplete form names each field and creates nothing. */
  hall_ui_test_type (welcome, "password", "short");
  hall_ui_test_type (welcome, "confirm", "short");
  gtk_widget_activate_action (welcome, "welcome.create", NULL);
  hall_ui_test_flush ();
  g_assert_cmpstr (hall_welcome_page_get_step (HALL_WELCOME_PAGE (welcome)), ==, "create");
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (welcome, "hall_name"), "error"));
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (welcome, "password"), "error"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  /* The confirmation must match. */
  hall_ui_test_type (welcome, "hall_name", "城关县信访超市");
  hall_ui_test_type (welcome, "display_name", "张三");
  hall_ui_test_type (welcome, "password", "correct horse");
  hall_ui_test_type (welcome, "confirm", "correct hearse");
  gtk_widget_activate_action (welcome, "welcome.create", NULL);
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (welcome, "confirm"), "error"));
  g_assert_false (gtk_widget_has_css_class (hall_ui_test_find (welcome, "password"), "error"));
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));

  /* Start the hall: the database appears in the data folder and the admin is signed in. */
  hall_ui_test_type (welcome, "confirm", "correct horse");
  gtk_widget_activate_action (welcome, "welcome.create", NULL);
  hall_ui_test_wait_page (window, "workspace", 60);
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));
  g_assert_cmpstr (g_settings_get_string (settings, "mode"), ==, "local");
  g_assert_cmpstr (hall_workspace_get_role (workspace), ==, "manager");
  g_assert_cmpstr (hall_workspace_get_visible_page_name (workspace), ==, "board");
  hall_ui_test_wait (board_has_counters, window, 30, "the board's 20 windows");

  /* Sign out, then the mistakes: the message sits at the password, the username stays. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL);
  hall_ui_test_wait_page (window, "signin", 10);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (signin, "username"))), ==, "zhangsan");
  hall_ui_test_type (signin, "password", "wrong password");
  gtk_widget_activate_action (signin, "signin.submit", NULL);
  g_assert_true (hall_signin_page_get_busy (HALL_SIGNIN_PAGE (signin)));
  hall_ui_test_wait (signin_idle, signin, 30, "the sign-in answer");
  g_assert_cmpstr (hall_window_get_page_name (window), ==, "signin");
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (signin, "password"), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (signin, "username"))), ==, "zhangsan");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (signin, "password"))), ==,
                   "wrong password");

  /* The right password: the workspace of the account's first role, and the board. */
  hall_ui_test_type (signin, "password", "correct horse");
  g_assert_false (gtk_widget_has_css_class (hall_ui_test_find (signin, "password"), "error"));
  gtk_widget_activate_action (signin, "signin.submit", NULL);
  hall_ui_test_wait_page (window, "workspace", 30);
  /* Signed in, the form forgets the password. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (signin, "password"))), ==, "");
  hall_ui_test_wait (board_has_counters, window, 30, "the board's 20 windows");
  board = HALL_BOARD_PAGE (hall_workspace_get_page (workspace, "board"));

  /* The board follows the hall: a ticket issued elsewhere shows in 城建's queue. */
  client = hall_application_get_client (app);
  g_assert_cmpint (department_waiting (board, 2), ==, 0);
  {
    g_autoptr (JsonObject) params = hall_test_parse_object ("{\"department_id\": 2}");
    gboolean done = FALSE;
    WaitingCheck check = { board, 2, 1 };

    hall_client_call_async (client, "ticket.issue", params, NULL, issue_cb, &done);
    hall_ui_test_wait (flag_set, &done, 30, "ticket.issue");
    hall_ui_test_wait (waiting_is, &check, 30, "the board to show the new ticket");
  }
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (GTK_WIDGET (board), "waiting_total"))), ==, "1");

  /* Switching role without signing out: same session, the admin's workspace. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.role", "s", "admin");
  hall_ui_test_wait (role_is_admin, window, 30, "the admin role");
  g_assert_true (hall_client_is_signed_in (client));
  g_assert_cmpstr (hall_client_get_role (client), ==, "admin");
  g_assert_cmpstr (hall_window_get_page_name (window), ==, "workspace");
  hall_ui_test_wait (board_has_counters, window, 30, "the admin's board");

  /* A locally kept hall is never offline. */
  g_assert_true (hall_client_get_connected (client));

  hall_application_forget_hall (app);
  hall_ui_test_wait_page (window, "welcome", 10);
  /* The hall stays on this PC and is offered again. */
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (welcome, "open_local_row")));
  gtk_window_destroy (GTK_WINDOW (window));
  hall_ui_test_flush ();
}

int
main (int   argc,
      char *argv[])
{
  int result;

  data_dir = hall_ui_test_environment ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/app/first-run", test_first_run);
  result = g_test_run ();
  hall_test_rm_rf (data_dir);
  g_free (data_dir);
  return result;
}
