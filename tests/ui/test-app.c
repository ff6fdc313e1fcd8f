/* test-app.c — the real app under Xvfb, driven through its actions: first run, a new hall on
 * this PC, sign-in (with the mistakes people make), role switching and the live hall board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "hall-json-item.h"
#include "hall-board-page.h"
#include "hall-demo.h"
#include "hall-preferences-window.h"
#include "hall-server.h"
#include "hall-test-server.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"

static char *data_dir;

static gboolean
board_has_counters (gpointer data)
{
  HallWindow *window = data;
  GtkWidget  *board = hall_workspace_get_page (hall_window_get_workspace (window), "board");

  return board != NULL
         && g_list_model_get_n_items (hall_board_page_get_counters (HALL_BOARD_PAGE (board))) == 20;
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
      g_autoptr (HallJsonItem) item = g_list_model_get_item (departments, i);

      if (hall_json_item_get_id (item) == department_id)
        return json_object_get_int_member (hall_json_item_get_data (item), "waiting");
    }
  return -1;
}

typedef struct
{
  HallBoardPage *board;
  gint64         department_id;
  gint64         waiting;
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
has_toplevel (GType type)
{
  g_autoptr (GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return TRUE;
    }
  return FALSE;
}

static void
close_toplevels_but (GtkWindow *keep)
{
  g_autoptr (GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = g_list_model_get_n_items (toplevels); i > 0; i--)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i - 1);

      if (window != keep)
        gtk_window_destroy (window);
    }
  hall_ui_test_flush ();
}

/* The switch in the preferences: this PC's hall served to the LAN over TLS. */
static void
check_hosting (HallApplication *app)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *urls = NULL;
  g_autofree char *local_url = g_strdup_printf ("https://127.0.0.1:%d", HALL_SERVER_DEFAULT_PORT);
  g_autofree char *fingerprint = NULL;
  g_autoptr (JsonObject) health = NULL;

  if (!hall_application_set_hosting (app, TRUE, &error))
    {
      /* Another program holds the port on this machine: nothing this test can check. */
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_ADDRESS_IN_USE);
      g_test_message ("Port %d is taken; hosting not checked", HALL_SERVER_DEFAULT_PORT);
      return;
    }
  g_assert_true (hall_application_get_hosting (app));
  g_assert_cmpuint (strlen (hall_application_get_host_fingerprint (app)), ==, 95);
  urls = hall_application_dup_host_urls (app);
  g_assert_true (g_str_has_prefix (urls, "https://"));

  /* Another PC sees the same fingerprint the preferences show. */
  health = hall_test_probe (local_url, &fingerprint, &error);
  g_assert_no_error (error);
  g_assert_true (json_object_get_boolean_member (health, "ok"));
  g_assert_cmpstr (fingerprint, ==, hall_application_get_host_fingerprint (app));

  g_assert_true (hall_application_set_hosting (app, FALSE, NULL));
  g_assert_false (hall_application_get_hosting (app));
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr (GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) && g_str_equal (name, action))
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

static void
first_run (void)
{
  HallWindow *window = NULL;
  g_autoptr (HallApplication) app = hall_ui_test_start_app (&window);
  GtkWidget       *welcome = GTK_WIDGET (hall_window_get_welcome_page (window));
  GtkWidget       *signin = GTK_WIDGET (hall_window_get_signin_page (window));
  HallWorkspace   *workspace = hall_window_get_workspace (window);
  g_autofree char *db = hall_application_get_local_path ();
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  HallBoardPage *board;
  HallClient    *client;
  GtkWidget     *menu_button;
  g_auto (GStrv) accels = NULL;

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
  {
    g_autofree char *mode = g_settings_get_string (settings, "mode");
    g_assert_cmpstr (mode, ==, "local");
  }
  g_assert_cmpstr (hall_workspace_get_role (workspace), ==, "manager");
  g_assert_cmpstr (hall_workspace_get_visible_page_name (workspace), ==, "board");
  hall_ui_test_wait (board_has_counters, window, 30, "the board's 20 windows");

  /* Sign out, then the mistakes: the message sits at the password, the username stays. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL);
  hall_ui_test_wait_page (window, "signin", 10);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (signin, "username"))),
                   ==, "zhangsan");
  hall_ui_test_type (signin, "password", "wrong password");
  gtk_widget_activate_action (signin, "signin.submit", NULL);
  g_assert_true (hall_signin_page_get_busy (HALL_SIGNIN_PAGE (signin)));
  hall_ui_test_wait (signin_idle, signin, 30, "the sign-in answer");
  g_assert_cmpstr (hall_window_get_page_name (window), ==, "signin");
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (signin, "password"), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (signin, "username"))),
                   ==, "zhangsan");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (signin, "password"))),
                   ==, "wrong password");

  /* The right password: the workspace of the account's first role, and the board. */
  hall_ui_test_type (signin, "password", "correct horse");
  g_assert_false (gtk_widget_has_css_class (hall_ui_test_find (signin, "password"), "error"));
  gtk_widget_activate_action (signin, "signin.submit", NULL);
  hall_ui_test_wait_page (window, "workspace", 30);
  /* Signed in, the form forgets the password. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (signin, "password"))),
                   ==, "");
  hall_ui_test_wait (board_has_counters, window, 30, "the board's 20 windows");
  board = HALL_BOARD_PAGE (hall_workspace_get_page (workspace, "board"));

  /* The board follows the hall: a ticket issued elsewhere shows in 城建's queue. */
  client = hall_application_get_client (app);
  g_assert_cmpint (department_waiting (board, 2), ==, 0);
  {
    g_autoptr (JsonObject) params = hall_test_parse_object ("{\"department_id\": 2}");
    gboolean     done = FALSE;
    WaitingCheck check = { board, 2, 1 };

    hall_client_call_async (client, "ticket.issue", params, NULL, issue_cb, &done);
    hall_ui_test_wait (hall_ui_test_flag_set, &done, 30, "ticket.issue");
    hall_ui_test_wait (waiting_is, &check, 30, "the board to show the new ticket");
  }
  g_assert_cmpstr (
      gtk_label_get_text (GTK_LABEL (hall_ui_test_find (GTK_WIDGET (board), "waiting_total"))), ==,
      "1");

  /* Switching role without signing out: same session, the admin's workspace. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.role", "s", "admin");
  hall_ui_test_wait (role_is_admin, window, 30, "the admin role");
  g_assert_true (hall_client_is_signed_in (client));
  g_assert_cmpstr (hall_client_get_role (client), ==, "admin");
  g_assert_cmpstr (hall_window_get_page_name (window), ==, "workspace");
  hall_ui_test_wait (board_has_counters, window, 30, "the admin's board");

  /* A locally kept hall is never offline. */
  g_assert_true (hall_client_get_connected (client));

  check_hosting (app);

  /* The about, preferences and shortcuts windows open from their actions. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (has_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (has_toplevel (HALL_TYPE_PREFERENCES_WINDOW));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  g_assert_true (has_toplevel (GTK_TYPE_SHORTCUTS_WINDOW));
  close_toplevels_but (GTK_WINDOW (window));

  /* Help is one key away: F1 and the main menu both reach app.help (not activated: no yelp here). */
  accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.help");
  g_assert_true (g_strv_contains ((const char *const *) accels, "F1"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "help"));
  menu_button = hall_ui_test_find (GTK_WIDGET (window), "primary_menu_button");
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)),
                                  "app.help"));

  hall_application_forget_hall (app);
  hall_ui_test_wait_page (window, "welcome", 10);
  /* The hall stays on this PC and is offered again. */
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (welcome, "open_local_row")));
  gtk_window_destroy (GTK_WINDOW (window));
  hall_ui_test_flush ();
}

static gboolean
join_button_shown (gpointer data)
{
  return gtk_widget_get_visible (hall_ui_test_find (data, "join_button"));
}

static void
shutdown_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_assert_true (hall_server_shutdown_finish (HALL_SERVER (object), result, NULL));
  *(gboolean *) user_data = TRUE;
}

static HallServer *
serve (HallEngine *engine,
       const char *address)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSocketAddress) where = hall_server_parse_address (address, &error);
  HallServer *server = hall_server_new (engine);

  g_assert_no_error (error);
  g_assert_true (hall_server_listen (server, where, &error));
  g_assert_no_error (error);
  return server;
}

/* Another PC joins a hall server on the LAN, loses it, and gets it back by itself. */
static void
join_server (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *token = hall_test_add_user (hall, "lina", "manager", "xinfang", 0);
  g_autoptr (HallServer) server = serve (hall->engine, "127.0.0.1:0");
  g_autofree char *url = hall_server_get_url (server);
  g_autofree char *again = g_strdup_printf ("127.0.0.1:%u", hall_server_get_port (server));
  HallWindow      *window = NULL;
  g_autoptr (HallApplication) app = hall_ui_test_start_app (&window);
  GtkWidget *welcome = GTK_WIDGET (hall_window_get_welcome_page (window));
  GtkWidget *signin = GTK_WIDGET (hall_window_get_signin_page (window));
  GtkWidget *banner = hall_ui_test_find (GTK_WIDGET (window), "offline_banner");
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  HallClient    *client;
  HallBoardPage *board;
  gboolean       stopped = FALSE;

  g_assert_cmpstr (hall_window_get_page_name (window), ==, "welcome");
  gtk_widget_activate_action (welcome, "welcome.show-join", NULL);
  hall_ui_test_type (welcome, "address", url);
  gtk_widget_activate_action (welcome, "welcome.probe", NULL);
  hall_ui_test_wait (join_button_shown, welcome, 30, "the server's answer");
  gtk_widget_activate_action (welcome, "welcome.join", NULL);
  hall_ui_test_wait_page (window, "signin", 10);
  {
    g_autofree char *mode = g_settings_get_string (settings, "mode");
    g_autofree char *server_url = g_settings_get_string (settings, "server-url");
    g_assert_cmpstr (mode, ==, "remote");
    g_assert_cmpstr (server_url, ==, url);
  }

  hall_ui_test_type (signin, "username", "lina");
  hall_ui_test_type (signin, "password", "password123");
  client = hall_application_get_client (app);
  hall_ui_test_wait (hall_ui_test_client_online, client, 30, "the hall server");
  gtk_widget_activate_action (signin, "signin.submit", NULL);
  hall_ui_test_wait_page (window, "workspace", 30);
  hall_ui_test_wait (board_has_counters, window, 30, "the board over the LAN");
  board = HALL_BOARD_PAGE (hall_workspace_get_page (hall_window_get_workspace (window), "board"));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  /* The server goes away: the banner says so, the workspace and what it shows stay. */
  hall_server_shutdown_async (server, NULL, shutdown_cb, &stopped);
  hall_ui_test_wait (hall_ui_test_flag_set, &stopped, 30, "the server to stop");
  g_clear_object (&server);
  hall_ui_test_wait (hall_ui_test_client_offline, client, 30, "the client to notice");
  hall_ui_test_flush ();
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_cmpstr (hall_window_get_page_name (window), ==, "workspace");
  g_assert_cmpuint (g_list_model_get_n_items (hall_board_page_get_counters (board)), ==, 20);

  /* Back on the same address: reconnected without anyone doing anything, and caught up. */
  {
    g_autoptr (JsonObject) issued =
        hall_test_ok (hall, token, "ticket.issue", "{\"department_id\": 5}");
    WaitingCheck check = { board, 5, 1 };

    server = serve (hall->engine, again);
    hall_ui_test_wait (hall_ui_test_client_online, client, 60, "the client to reconnect");
    hall_ui_test_wait (waiting_is, &check, 30, "the board to catch up");
  }
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  hall_application_forget_hall (app);
  hall_ui_test_wait_page (window, "welcome", 10);
  gtk_window_destroy (GTK_WINDOW (window));
  hall_ui_test_flush ();
  hall_server_shutdown_async (server, NULL, shutdown_cb, &stopped);
  stopped = FALSE;
  hall_ui_test_wait (hall_ui_test_flag_set, &stopped, 30, "the server to stop");
  hall_engine_shutdown (hall->engine);
}

static gboolean
board_has_queue (gpointer data)
{
  GtkWidget *board = hall_workspace_get_page (hall_window_get_workspace (data), "board");

  return board != NULL
         && g_list_model_get_n_items (hall_board_page_get_counters (HALL_BOARD_PAGE (board))) == 20
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (board, "waiting_total"))),
                       "0")
                != 0;
}

/* The demo hall, made from nothing: a busy morning the hall manager signs in to. */
static void
demo (void)
{
  HallWindow *window = NULL;
  g_autoptr (HallApplication) app = hall_ui_test_start_app (&window);
  GtkWidget             *welcome = GTK_WIDGET (hall_window_get_welcome_page (window));
  GtkWidget             *signin = GTK_WIDGET (hall_window_get_signin_page (window));
  g_autofree char       *path = hall_application_get_demo_path ();
  const HallDemoAccount *manager = &hall_demo_get_accounts (NULL)[0];
  HallBoardPage         *board;
  GListModel            *counters;
  guint                  open = 0, serving = 0, paused = 0;

  gtk_widget_activate_action (welcome, "welcome.open-demo", NULL);
  g_assert_cmpstr (hall_welcome_page_get_step (HALL_WELCOME_PAGE (welcome)), ==, "progress");
  hall_ui_test_wait_page (window, "signin", 600);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  /* The demo's people are listed, and the first is filled in. */
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (signin, "demo_group")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (signin, "username"))),
                   ==, manager->username);

  hall_ui_test_type (signin, "password", HALL_DEMO_PASSWORD);
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (signin, "role")), 2);
  gtk_widget_activate_action (signin, "signin.submit", NULL);
  hall_ui_test_wait_page (window, "workspace", 60);
  g_assert_cmpstr (hall_workspace_get_role (hall_window_get_workspace (window)), ==, "manager");
  hall_ui_test_wait (board_has_queue, window, 60, "the demo's queue on the board");

  board = HALL_BOARD_PAGE (hall_workspace_get_page (hall_window_get_workspace (window), "board"));
  counters = hall_board_page_get_counters (board);
  for (guint i = 0; i < g_list_model_get_n_items (counters); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (counters, i);
      JsonObject *data = hall_json_item_get_data (item);
      const char *state = json_object_get_string_member (data, "state");

      open += g_str_equal (state, "open");
      paused += g_str_equal (state, "paused");
      serving += !json_object_get_null_member (data, "current");
    }
  /* Staffed windows, one paused, visitors at several of them, someone waiting for the leader. */
  g_assert_cmpuint (open, >=, 10);
  g_assert_cmpuint (paused, ==, 1);
  g_assert_cmpuint (serving, >=, 3);
  g_assert_cmpstr (
      gtk_label_get_text (GTK_LABEL (hall_ui_test_find (GTK_WIDGET (board), "leader_waiting"))), ==,
      "1");

  hall_application_forget_hall (app);
  gtk_window_destroy (GTK_WINDOW (window));
  hall_ui_test_flush ();
}

/* Each app in a process of its own: one GApplication per process and path on the session bus. */
#define APP_TEST(name, func)                                                                      \
  static void name (void)                                                                         \
  {                                                                                               \
    if (g_test_subprocess ())                                                                     \
      {                                                                                           \
        func ();                                                                                  \
        return;                                                                                   \
      }                                                                                           \
    g_test_trap_subprocess (NULL, 0,                                                              \
                            G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR); \
    g_test_trap_assert_passed ();                                                                 \
  }

/* README's launch command: `xinfang-hall --local` lands in the hall on this PC whatever was used
 * last: the form that starts one on a new PC, the sign-in of the one there is otherwise. */
static void
local_option_activated (HallApplication *app,
                        gpointer         user_data)
{
  HallWindow      *window = HALL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gboolean         exists = GPOINTER_TO_INT (user_data);
  HallWelcomePage *welcome = hall_window_get_welcome_page (window);
  g_autofree char *mode = NULL;

  if (exists)
    {
      hall_ui_test_wait_page (window, "signin", 60);
      mode = hall_application_dup_mode (app);
      g_assert_cmpstr (mode, ==, "local");
    }
  else
    {
      g_assert_cmpstr (hall_window_get_page_name (window), ==, "welcome");
      g_assert_cmpstr (hall_welcome_page_get_step (welcome), ==, "create");
      /* Typing goes straight into the hall's name. */
      g_assert_true (
          gtk_widget_is_ancestor (gtk_window_get_focus (GTK_WINDOW (window)),
                                  hall_ui_test_find (GTK_WIDGET (welcome), "hall_name")));
    }
  g_application_quit (G_APPLICATION (app));
}

static void
run_local_option (gboolean exists)
{
  g_autoptr (HallApplication) app = hall_application_new ();
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *db = hall_application_get_local_path ();
  char            *argv[] = { (char *) "xinfang-hall", (char *) "--local", NULL };

  g_assert_cmpint (g_file_test (db, G_FILE_TEST_EXISTS), ==, exists);
  /* Whatever was used last. */
  g_settings_set_string (settings, "mode", "demo");
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (local_option_activated),
                          GINT_TO_POINTER (exists));
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, 0);
}

static void
local_option_new (void)
{
  run_local_option (FALSE);
}

static void
created_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (hall_application_create_local_finish (HALL_APPLICATION (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
local_option_existing (void)
{
  HallApplication *first = hall_application_new ();
  gboolean         created = FALSE;

  /* Started once before, with the demo used since. */
  hall_application_create_local_async (first, "城关县信访超市", "zhangsan", "张三", "correct horse",
                                       NULL, created_cb, &created);
  hall_ui_test_wait (hall_ui_test_flag_set, &created, 60, "the hall on this PC");
  g_object_unref (first);
  run_local_option (TRUE);
}

APP_TEST (test_first_run, first_run)
APP_TEST (test_local_option_new, local_option_new)
APP_TEST (test_local_option_existing, local_option_existing)
APP_TEST (test_join_server, join_server)
APP_TEST (test_demo, demo)

int
main (int   argc,
      char *argv[])
{
  data_dir = hall_ui_test_init (&argc, &argv);

  g_test_add_func ("/app/first-run", test_first_run);
  g_test_add_func ("/app/local-option-new", test_local_option_new);
  g_test_add_func ("/app/local-option-existing", test_local_option_existing);
  g_test_add_func ("/app/join-server", test_join_server);
  g_test_add_func ("/app/demo", test_demo);
  return hall_ui_test_run (data_dir);
}
