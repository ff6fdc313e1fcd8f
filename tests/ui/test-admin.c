/* test-admin.c — the real app under Xvfb, driven through its actions by the hall's administrator:
 * a window-staff account for 城建 (with the mistake of a short password), locked after a
 * question, a new holiday that moves the deadline preview, a backup that is really there; a new
 * department (first with a ticket letter another department has) and window 21 serving it; a
 * change of roles, asked first, that signs the person out where they were signed in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "hall-admin-account-row.h"
#include "hall-admin-accounts-page.h"
#include "hall-admin-calendar-page.h"
#include "hall-admin-maintenance-page.h"
#include "hall-admin-setup-page.h"
#include "hall-json-item.h"
#include "hall-local-client.h"
#include "hall-test-util.h"
#include "hall-ui-test-process.h"
#include "hall-ui-test-util.h"

static char *data_dir;

static gboolean
role_is_admin (gpointer data)
{
  return g_strcmp0 (hall_workspace_get_role (hall_window_get_workspace (data)), "admin") == 0;
}

static JsonObject *
find_account (HallAdminAccountsPage *page,
              const char            *username)
{
  GListModel *accounts = hall_admin_accounts_page_get_accounts (page);

  for (guint i = 0; i < g_list_model_get_n_items (accounts); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (accounts, i);
      JsonObject *user = hall_json_item_get_data (item);

      if (g_strcmp0 (json_object_get_string_member (user, "username"), username) == 0)
        return user;
    }
  return NULL;
}

static gboolean
accounts_loaded (gpointer data)
{
  return find_account (data, "zhangsan") != NULL;
}

static gboolean
lijing_listed (gpointer data)
{
  return find_account (data, "lijing") != NULL && !hall_admin_accounts_page_get_busy (data);
}

static gboolean
pad_listed (gpointer data)
{
  return find_account (data, "pad2") != NULL && !hall_admin_accounts_page_get_busy (data);
}

static gboolean
lijing_locked (gpointer data)
{
  JsonObject *user = find_account (data, "lijing");

  return user != NULL && json_object_get_boolean_member_with_default (user, "locked", FALSE);
}

typedef struct
{
  gboolean done;
  GError  *error;
} Call;

static void
login_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Call *call = user_data;
  g_autoptr (JsonObject) reply =
      hall_client_login_finish (HALL_CLIENT (object), result, &call->error);

  call->done = TRUE;
}

static gboolean
call_done (gpointer data)
{
  return ((Call *) data)->done;
}

/* Whether @username could sign in with @password now, at another PC of the same hall; the
 * error, if not. */
static GError *
try_sign_in (HallApplication *app,
             const char      *username,
             const char      *password)
{
  HallEngine *engine =
      hall_local_client_get_engine (HALL_LOCAL_CLIENT (hall_application_get_client (app)));
  g_autoptr (HallClient) other = hall_local_client_new (engine);
  Call call = { FALSE, NULL };

  hall_client_login_async (other, username, password, NULL, 0, NULL, login_cb, &call);
  hall_ui_test_wait (call_done, &call, HALL_UI_TEST_STEP_TIMEOUT, "session.login");
  if (call.error == NULL)
    hall_client_logout_async (other, NULL, NULL, NULL);
  return call.error;
}

static void
call_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Call *call = user_data;
  g_autoptr (JsonObject) reply =
      hall_client_call_finish (HALL_CLIENT (object), result, &call->error);

  call->done = TRUE;
}

/* @username signed in at another PC of the same hall, staying signed in. */
static HallClient *
sign_in_elsewhere (HallApplication *app,
                   const char      *username,
                   const char      *password)
{
  HallEngine *engine =
      hall_local_client_get_engine (HALL_LOCAL_CLIENT (hall_application_get_client (app)));
  HallClient *other = hall_local_client_new (engine);
  Call        call = { FALSE, NULL };

  hall_client_login_async (other, username, password, NULL, 0, NULL, login_cb, &call);
  hall_ui_test_wait (call_done, &call, HALL_UI_TEST_STEP_TIMEOUT, "session.login");
  g_assert_no_error (call.error);
  return other;
}

/* What @client's session gets from the hall now. */
static GError *
whoami (HallClient *client)
{
  Call call = { FALSE, NULL };

  hall_client_call_async (client, "session.whoami", NULL, NULL, call_cb, &call);
  hall_ui_test_wait (call_done, &call, HALL_UI_TEST_STEP_TIMEOUT, "session.whoami");
  return call.error;
}

static gboolean
lijing_is_manager (gpointer data)
{
  JsonObject *user = find_account (data, "lijing");
  JsonArray  *roles = user != NULL ? json_object_get_array_member (user, "roles") : NULL;

  for (guint i = 0; roles != NULL && i < json_array_get_length (roles); i++)
    if (g_strcmp0 (json_array_get_string_element (roles, i), "manager") == 0)
      return TRUE;
  return FALSE;
}

static JsonObject *
find_by (GListModel *model,
         const char *member,
         const char *value)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (model, i);
      JsonObject *data = hall_json_item_get_data (item);

      if (g_strcmp0 (json_object_get_string_member_with_default (data, member, NULL), value) == 0)
        return data;
    }
  return NULL;
}

static gboolean
setup_loaded (gpointer data)
{
  return g_list_model_get_n_items (hall_admin_setup_page_get_departments (data)) == 20
         && g_list_model_get_n_items (hall_admin_setup_page_get_counters (data)) == 20;
}

static gboolean
laoling_listed (gpointer data)
{
  return find_by (hall_admin_setup_page_get_departments (data), "code", "laoling") != NULL
         && !hall_admin_setup_page_get_busy (data);
}

static JsonObject *
window_21 (HallAdminSetupPage *page)
{
  GListModel *counters = hall_admin_setup_page_get_counters (page);

  for (guint i = 0; i < g_list_model_get_n_items (counters); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (counters, i);

      if (json_object_get_int_member_with_default (hall_json_item_get_data (item), "number", 0)
          == 21)
        return hall_json_item_get_data (item);
    }
  return NULL;
}

static gboolean
window_21_listed (gpointer data)
{
  return window_21 (data) != NULL && !hall_admin_setup_page_get_busy (data);
}

/* The setup page: a department 老龄办 whose ticket letter is first one 城建's tickets have, then a
 * free one; window 21 serves it. */
static void
add_department_and_window (HallWorkspace *workspace)
{
  GtkWidget  *setup;
  GListModel *departments;
  const char *taken;
  char        free_letter[2] = { 0, 0 };
  gint64      laoling_id;

  g_assert_true (hall_workspace_show_page (workspace, "admin-setup"));
  setup = hall_workspace_get_page (workspace, "admin-setup");
  hall_ui_test_wait (setup_loaded, setup, HALL_UI_TEST_STEP_TIMEOUT, "the departments and windows");
  departments = hall_admin_setup_page_get_departments (HALL_ADMIN_SETUP_PAGE (setup));
  taken = json_object_get_string_member (find_by (departments, "code", "chengjian"), "prefix");
  for (char c = 'Z'; c >= 'A' && free_letter[0] == 0; c--)
    {
      char letter[2] = { c, 0 };

      if (find_by (departments, "prefix", letter) == NULL)
        free_letter[0] = c;
    }
  g_assert_cmpint (free_letter[0], !=, 0);

  hall_ui_test_type (setup, "new_department_code", "laoling");
  hall_ui_test_type (setup, "new_department_name", "老龄办");
  hall_ui_test_type (setup, "new_department_prefix", taken);
  gtk_widget_activate_action (setup, "setup.add-department", NULL);
  /* Said at the ticket letter, naming the department that has it; everything typed stays. */
  g_assert_true (
      gtk_widget_has_css_class (hall_ui_test_find (setup, "new_department_prefix"), "error"));
  g_assert_false (
      gtk_widget_has_css_class (hall_ui_test_find (setup, "new_department_code"), "error"));
  g_assert_false (
      gtk_widget_has_css_class (hall_ui_test_find (setup, "new_department_name"), "error"));
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (setup, "new_department_name"))), ==,
      "老龄办");
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (setup, "new_department_prefix"))), ==,
      taken);
  g_assert_null (find_by (departments, "code", "laoling"));

  /* Another letter takes the message back; the department is added and listed. */
  hall_ui_test_type (setup, "new_department_prefix", free_letter);
  g_assert_false (
      gtk_widget_has_css_class (hall_ui_test_find (setup, "new_department_prefix"), "error"));
  gtk_widget_activate_action (setup, "setup.add-department", NULL);
  hall_ui_test_wait (laoling_listed, setup, HALL_UI_TEST_STEP_TIMEOUT, "the new department in the list");
  {
    JsonObject *laoling = find_by (departments, "code", "laoling");

    g_assert_cmpstr (json_object_get_string_member (laoling, "name"), ==, "老龄办");
    g_assert_cmpstr (json_object_get_string_member (laoling, "prefix"), ==, free_letter);
    g_assert_false (json_object_get_boolean_member (laoling, "is_legal"));
    laoling_id = json_object_get_int_member (laoling, "id");
  }
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (setup, "new_department_code"))), ==,
      "");

  /* Window 21, serving 老龄办: its choice appeared with the department. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hall_ui_test_find (setup, "new_counter_number")), 21);
  gtk_widget_activate_action (setup, "setup.add-counter", NULL);
  /* No department chosen: said there, nothing added. */
  g_assert_true (gtk_widget_has_css_class (
      gtk_widget_get_ancestor (hall_ui_test_find (setup, "new_counter_departments"),
                               GTK_TYPE_LIST_BOX_ROW),
      "error"));
  g_assert_null (window_21 (HALL_ADMIN_SETUP_PAGE (setup)));
  gtk_check_button_set_active (
      GTK_CHECK_BUTTON (hall_ui_test_find (hall_ui_test_find (setup, "new_counter_departments"),
                                           "department_laoling")),
      TRUE);
  gtk_widget_activate_action (setup, "setup.add-counter", NULL);
  hall_ui_test_wait (window_21_listed, setup, HALL_UI_TEST_STEP_TIMEOUT, "window 21 in the list");
  {
    JsonArray *served =
        json_object_get_array_member (window_21 (HALL_ADMIN_SETUP_PAGE (setup)), "department_ids");

    g_assert_cmpuint (json_array_get_length (served), ==, 1);
    g_assert_cmpint (json_array_get_int_element (served, 0), ==, laoling_id);
  }
  /* A second window 21 is refused at the number. */
  gtk_check_button_set_active (
      GTK_CHECK_BUTTON (hall_ui_test_find (hall_ui_test_find (setup, "new_counter_departments"),
                                           "department_laoling")),
      TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hall_ui_test_find (setup, "new_counter_number")), 21);
  gtk_widget_activate_action (setup, "setup.add-counter", NULL);
  g_assert_true (gtk_widget_has_css_class (
      gtk_widget_get_ancestor (hall_ui_test_find (setup, "new_counter_number"),
                               ADW_TYPE_ACTION_ROW),
      "error"));
}

static gboolean
accounts_idle (gpointer data)
{
  return !hall_admin_accounts_page_get_busy (data);
}

static gboolean
calendar_ready (gpointer data)
{
  return hall_admin_calendar_page_get_due_15 (data) != NULL
         && !hall_admin_calendar_page_get_busy (data);
}

typedef struct
{
  HallAdminCalendarPage *page;
  const char            *before;
} DueCheck;

static gboolean
due_moved (gpointer data)
{
  DueCheck *check = data;

  return !hall_admin_calendar_page_get_busy (check->page)
         && g_strcmp0 (hall_admin_calendar_page_get_due_15 (check->page), check->before) != 0;
}

static gboolean
backup_done (gpointer data)
{
  return hall_admin_maintenance_page_get_backup_path (data) != NULL
         && !hall_admin_maintenance_page_get_busy (data);
}

/* The backups list holds one of @kind ("manual", "before_restore"). */
static gboolean
has_backup (HallAdminMaintenancePage *page,
            const char               *kind)
{
  GListModel *backups = hall_admin_maintenance_page_get_backups (page);

  for (guint i = 0; i < g_list_model_get_n_items (backups); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (backups, i);

      if (g_strcmp0 (json_object_get_string_member (hall_json_item_get_data (item), "kind"), kind)
          == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
manual_backup_listed (gpointer data)
{
  return has_backup (data, "manual");
}

/* The schedule's time as the page shows it, "HH:MM". */
static char *
shown_time (GtkWidget *page)
{
  return g_strdup_printf (
      "%02d:%02d",
      gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (hall_ui_test_find (page, "schedule_hour"))),
      gtk_spin_button_get_value_as_int (
          GTK_SPIN_BUTTON (hall_ui_test_find (page, "schedule_minute"))));
}

static gboolean
schedule_saved (gpointer data)
{
  const char *status = adw_action_row_get_subtitle (ADW_ACTION_ROW (hall_ui_test_find (data, "schedule_status")));

  return !hall_admin_maintenance_page_get_busy (data) && status != NULL
         && strstr (status, "08:15") != NULL;
}

/* Back to the backup's settings, and the hall as it was kept in a backup of its own. */
static gboolean
restored (gpointer data)
{
  g_autofree char *time = shown_time (data);

  return g_str_equal (time, "12:30") && has_backup (data, "before_restore");
}

static gboolean
audit_has_create (gpointer data)
{
  GListModel *audit = hall_admin_maintenance_page_get_audit (data);

  for (guint i = 0; i < g_list_model_get_n_items (audit); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (audit, i);

      if (g_strcmp0 (json_object_get_string_member (hall_json_item_get_data (item), "command"),
                     "user.create")
          == 0)
        return TRUE;
    }
  /* Not on this page: the next older one, as the admin would. */
  if (!hall_admin_maintenance_page_get_busy (data) && g_list_model_get_n_items (audit) > 0)
    gtk_widget_activate_action (data, "maintenance.audit-older", NULL);
  return FALSE;
}

static guint
position_of (GListModel *names,
             const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name) == 0)
      return i;
  g_error ("No choice “%s”", name);
}

static void
admin (void)
{
  HallWindow *window = NULL;
  g_autoptr (HallApplication) app = hall_ui_test_start_app (&window);
  GtkWidget       *welcome = GTK_WIDGET (hall_window_get_welcome_page (window));
  HallWorkspace   *workspace = hall_window_get_workspace (window);
  GtkWidget       *accounts, *calendar, *maintenance, *department;
  g_autofree char *due_before = NULL;
  gint64           lijing_id;

  /* A new hall on this PC; its first account also holds the admin role. */
  gtk_widget_activate_action (welcome, "welcome.show-create", NULL);
  hall_ui_test_type (welcome, "hall_name", "城关县信访超市");
  hall_ui_test_type (welcome, "username", "zhangsan");
  hall_ui_test_type (welcome, "display_name", "张三");
  hall_ui_test_type (welcome, "password", "correct horse");
  hall_ui_test_type (welcome, "confirm", "correct horse");
  gtk_widget_activate_action (welcome, "welcome.create", NULL);
  hall_ui_test_wait_page (window, "workspace", 60);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.role", "s", "admin");
  hall_ui_test_wait (role_is_admin, window, HALL_UI_TEST_STEP_TIMEOUT, "the admin role");
  g_assert_nonnull (hall_workspace_get_page (workspace, "admin-setup"));
  g_assert_true (HALL_IS_ADMIN_SETUP_PAGE (hall_workspace_get_page (workspace, "admin-setup")));
  add_department_and_window (workspace);

  /* Accounts: a window-staff account for 城建. */
  g_assert_true (hall_workspace_show_page (workspace, "admin-accounts"));
  accounts = hall_workspace_get_page (workspace, "admin-accounts");
  hall_ui_test_wait (accounts_loaded, accounts, HALL_UI_TEST_STEP_TIMEOUT, "the accounts");
  hall_ui_test_type (accounts, "new_username", "lijing");
  hall_ui_test_type (accounts, "new_display_name", "李静");
  hall_ui_test_type (accounts, "new_password", "short");
  department = hall_ui_test_find (accounts, "new_department");
  adw_combo_row_set_selected (
      ADW_COMBO_ROW (department),
      position_of (adw_combo_row_get_model (ADW_COMBO_ROW (department)), "城建"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (hall_ui_test_find (accounts, "role_staff")), TRUE);

  /* Too short: said at the password, what was typed stays, nothing is created. */
  gtk_widget_activate_action (accounts, "accounts.create", NULL);
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (accounts, "new_password"), "error"));
  g_assert_false (gtk_widget_has_css_class (hall_ui_test_find (accounts, "new_username"), "error"));
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (accounts, "new_password"))), ==,
      "short");
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (accounts, "new_username"))), ==,
      "lijing");
  g_assert_false (hall_admin_accounts_page_get_busy (HALL_ADMIN_ACCOUNTS_PAGE (accounts)));
  g_assert_null (find_account (HALL_ADMIN_ACCOUNTS_PAGE (accounts), "lijing"));

  /* Typing again clears the message; a good password creates the account. */
  hall_ui_test_type (accounts, "new_password", "lijing-2026");
  g_assert_false (gtk_widget_has_css_class (hall_ui_test_find (accounts, "new_password"), "error"));
  gtk_widget_activate_action (accounts, "accounts.create", NULL);
  hall_ui_test_wait (lijing_listed, accounts, HALL_UI_TEST_STEP_TIMEOUT, "the new account in the list");
  {
    JsonObject *user = find_account (HALL_ADMIN_ACCOUNTS_PAGE (accounts), "lijing");
    JsonArray  *roles = json_object_get_array_member (user, "roles");

    g_assert_cmpstr (json_object_get_string_member (user, "department_name"), ==, "城建");
    g_assert_cmpstr (json_object_get_string_member (user, "display_name"), ==, "李静");
    g_assert_cmpuint (json_array_get_length (roles), ==, 1);
    g_assert_cmpstr (json_array_get_string_element (roles, 0), ==, "staff");
    lijing_id = json_object_get_int_member (user, "id");
  }
  /* The form is ready for the next person. */
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (accounts, "new_username"))), ==, "");
  g_assert_cmpstr (
      gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (accounts, "new_password"))), ==, "");

  /* Window 2's rating pad (评价器): the window is asked for with that role only. */
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (accounts, "new_pad_counter")));
  hall_ui_test_type (accounts, "new_username", "pad2");
  hall_ui_test_type (accounts, "new_password", "pad2-2026");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (hall_ui_test_find (accounts, "role_rating_pad")),
                               TRUE);
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (accounts, "new_pad_counter")));
  {
    GtkWidget *pad_counter = hall_ui_test_find (accounts, "new_pad_counter");

    adw_combo_row_set_selected (
        ADW_COMBO_ROW (pad_counter),
        position_of (adw_combo_row_get_model (ADW_COMBO_ROW (pad_counter)), "2号窗口"));
  }
  gtk_widget_activate_action (accounts, "accounts.create", NULL);
  hall_ui_test_wait (pad_listed, accounts, HALL_UI_TEST_STEP_TIMEOUT, "the rating pad in the list");
  {
    JsonObject *pad = find_account (HALL_ADMIN_ACCOUNTS_PAGE (accounts), "pad2");

    g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (pad, "roles"), 0),
                     ==, "rating_pad");
    g_assert_cmpint (json_object_get_int_member (pad, "pad_counter_id"), ==, 2);
  }
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (accounts, "new_pad_counter")));

  /* A new password: the dialog will not send one that is too short. */
  g_assert_null (try_sign_in (app, "lijing", "lijing-2026"));
  gtk_widget_activate_action (accounts, "accounts.reset-password", "x", lijing_id);
  {
    AdwMessageDialog *dialog = hall_ui_test_find_dialog ();
    GtkWidget        *entry = hall_ui_test_find (GTK_WIDGET (dialog), "reset_password");

    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reset"));
    gtk_editable_set_text (GTK_EDITABLE (entry), "1234");
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "reset"));
    gtk_editable_set_text (GTK_EDITABLE (entry), "lijing-new-2026");
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "reset"));
    hall_ui_test_answer ("reset");
  }
  hall_ui_test_wait (accounts_idle, accounts, HALL_UI_TEST_STEP_TIMEOUT, "the new password");
  {
    g_autoptr (GError) old_password = try_sign_in (app, "lijing", "lijing-2026");

    g_assert_error (old_password, HALL_ERROR, HALL_ERROR_UNAUTHENTICATED);
    g_assert_null (try_sign_in (app, "lijing", "lijing-new-2026"));
  }

  /* Roles: 李静 also becomes 值班长, after a question, since it signs her out where she is
   * signed in. */
  {
    g_autoptr (HallClient) elsewhere = sign_in_elsewhere (app, "lijing", "lijing-new-2026");
    GtkWidget *row = hall_ui_test_find (hall_ui_test_find (accounts, "accounts"), "lijing");
    g_autoptr (GError) before = whoami (elsewhere);
    g_autoptr (GError) after = NULL;

    g_assert_no_error (before);
    g_assert_true (HALL_IS_ADMIN_ACCOUNT_ROW (row));
    gtk_check_button_set_active (GTK_CHECK_BUTTON (hall_ui_test_find (row, "edit_role_manager")),
                                 TRUE);
    /* Cancelling sends nothing. */
    gtk_widget_activate_action (row, "account.save", NULL);
    hall_ui_test_answer ("cancel");
    g_assert_no_error (whoami (elsewhere));
    g_assert_false (lijing_is_manager (accounts));
    gtk_widget_activate_action (row, "account.save", NULL);
    hall_ui_test_answer ("change");
    hall_ui_test_wait (lijing_is_manager, accounts, HALL_UI_TEST_STEP_TIMEOUT, "the new roles in the list");
    after = whoami (elsewhere);
    g_assert_error (after, HALL_ERROR, HALL_ERROR_UNAUTHENTICATED);
    /* The department stayed. */
    g_assert_cmpstr (
        json_object_get_string_member (find_account (HALL_ADMIN_ACCOUNTS_PAGE (accounts), "lijing"),
                                       "department_name"),
        ==, "城建");
  }

  /* Locking asks first; cancelling changes nothing. */
  gtk_widget_activate_action (accounts, "accounts.lock", "x", lijing_id);
  hall_ui_test_answer ("cancel");
  g_assert_false (hall_admin_accounts_page_get_busy (HALL_ADMIN_ACCOUNTS_PAGE (accounts)));
  g_assert_false (lijing_locked (accounts));
  gtk_widget_activate_action (accounts, "accounts.lock", "x", lijing_id);
  hall_ui_test_answer ("lock");
  hall_ui_test_wait (lijing_locked, accounts, HALL_UI_TEST_STEP_TIMEOUT, "the account to show as locked");
  {
    g_autoptr (GError) locked = try_sign_in (app, "lijing", "lijing-new-2026");

    g_assert_error (locked, HALL_ERROR, HALL_ERROR_FORBIDDEN);
    g_assert_cmpstr (hall_error_get_field (locked), ==, "username");
  }

  /* The calendar: the day the 15-day period from today ends becomes a holiday, and the
   * preview moves past it. */
  g_assert_true (hall_workspace_show_page (workspace, "admin-calendar"));
  calendar = hall_workspace_get_page (workspace, "admin-calendar");
  hall_ui_test_wait (calendar_ready, calendar, HALL_UI_TEST_STEP_TIMEOUT, "the deadline preview");
  due_before = g_strdup (hall_admin_calendar_page_get_due_15 (HALL_ADMIN_CALENDAR_PAGE (calendar)));
  g_assert_nonnull (strstr (
      gtk_label_get_text (GTK_LABEL (hall_ui_test_find (calendar, "deadline_15"))), due_before));
  /* A date that is no date is said at the field. */
  hall_ui_test_type (calendar, "day_date", "2026-02-30");
  gtk_widget_activate_action (calendar, "calendar.add-day", NULL);
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (calendar, "day_date"), "error"));
  hall_ui_test_type (calendar, "day_date", due_before);
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (calendar, "day_kind")), 0);
  hall_ui_test_type (calendar, "day_note", "县庆");
  gtk_widget_activate_action (calendar, "calendar.add-day", NULL);
  {
    DueCheck    check = { HALL_ADMIN_CALENDAR_PAGE (calendar), due_before };
    const char *due_after;

    hall_ui_test_wait (due_moved, &check, HALL_UI_TEST_STEP_TIMEOUT, "the deadline preview to move");
    due_after = hall_admin_calendar_page_get_due_15 (HALL_ADMIN_CALENDAR_PAGE (calendar));
    g_assert_cmpstr (due_after, >, due_before);
    g_assert_nonnull (strstr (
        gtk_label_get_text (GTK_LABEL (hall_ui_test_find (calendar, "deadline_15"))), due_after));
  }
  /* The day is listed as a holiday. */
  g_assert_true (
      GTK_IS_WIDGET (hall_ui_test_find (hall_ui_test_find (calendar, "days"), due_before)));
  /* Taken off again, after asking: the preview comes back. */
  {
    g_autofree char *moved =
        g_strdup (hall_admin_calendar_page_get_due_15 (HALL_ADMIN_CALENDAR_PAGE (calendar)));
    DueCheck check = { HALL_ADMIN_CALENDAR_PAGE (calendar), moved };

    gtk_widget_activate_action (calendar, "calendar.remove-day", "s", due_before);
    hall_ui_test_answer ("remove");
    hall_ui_test_wait (due_moved, &check, HALL_UI_TEST_STEP_TIMEOUT, "the deadline preview to come back");
    g_assert_cmpstr (hall_admin_calendar_page_get_due_15 (HALL_ADMIN_CALENDAR_PAGE (calendar)), ==,
                     due_before);
  }
  g_assert_null (_hall_find_named (hall_ui_test_find (calendar, "days"), due_before));

  /* Back up now: the page says where the copy went, and it is there. */
  g_assert_true (hall_workspace_show_page (workspace, "admin-maintenance"));
  maintenance = hall_workspace_get_page (workspace, "admin-maintenance");
  gtk_widget_activate_action (maintenance, "maintenance.backup", NULL);
  hall_ui_test_wait (backup_done, maintenance, 60, "the backup");
  {
    const char *path =
        hall_admin_maintenance_page_get_backup_path (HALL_ADMIN_MAINTENANCE_PAGE (maintenance));

    g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    g_assert_nonnull (strstr (
        gtk_label_get_text (GTK_LABEL (hall_ui_test_find (maintenance, "backup_path"))), path));
  }
  /* The audit trail shows who did what, newest first, the account created among it. */
  hall_ui_test_wait (audit_has_create, maintenance, HALL_UI_TEST_STEP_TIMEOUT, "user.create in the audit trail");
  /* In words, not the command's code name. */
  {
    GtkWidget *list = hall_ui_test_find (maintenance, "audit");
    gboolean   found = FALSE;

    for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
         row = gtk_widget_get_next_sibling (row))
      if (ADW_IS_PREFERENCES_ROW (row)
          && strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "Create an account")
                 != NULL)
        found = TRUE;
    g_assert_true (found);
  }

  /* The daily backup at 08:15, five kept: saved in the hall, and said under "Last backup". */
  hall_ui_test_wait (manual_backup_listed, maintenance, HALL_UI_TEST_STEP_TIMEOUT, "the backup in the list");
  gtk_switch_set_active (GTK_SWITCH (hall_ui_test_find (maintenance, "schedule_enabled")), TRUE);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hall_ui_test_find (maintenance, "schedule_hour")), 8);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hall_ui_test_find (maintenance, "schedule_minute")),
                             15);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hall_ui_test_find (maintenance, "schedule_keep")), 5);
  gtk_widget_activate_action (maintenance, "maintenance.save-schedule", NULL);
  hall_ui_test_wait (schedule_saved, maintenance, HALL_UI_TEST_STEP_TIMEOUT, "the daily backup's new time");

  /* Restore the backup made by hand, before that change: the question says what is lost, and
   * the hall goes back to the default time, with the hall as it was kept. */
  {
    GListModel *backups =
        hall_admin_maintenance_page_get_backups (HALL_ADMIN_MAINTENANCE_PAGE (maintenance));
    const char       *file = NULL;
    AdwMessageDialog *dialog;

    for (guint i = 0; i < g_list_model_get_n_items (backups) && file == NULL; i++)
      {
        g_autoptr (HallJsonItem) item = g_list_model_get_item (backups, i);
        JsonObject *backup = hall_json_item_get_data (item);

        if (g_str_equal (json_object_get_string_member (backup, "kind"), "manual"))
          file = json_object_get_string_member (backup, "file");
      }
    g_assert_nonnull (file);
    gtk_widget_activate_action (maintenance, "maintenance.restore", "s", file);
    dialog = hall_ui_test_find_dialog ();
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "lost"));
    hall_ui_test_respond (dialog, "restore");
  }
  hall_ui_test_wait (restored, maintenance, 60, "the restored hall");

  hall_application_forget_hall (app);
  gtk_window_destroy (GTK_WINDOW (window));
  hall_ui_test_flush ();
}

/* One GApplication per process and path on the session bus. */
static void
test_admin (void)
{
  if (g_test_subprocess ())
    {
      admin ();
      return;
    }
  g_test_trap_subprocess (NULL, 0,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  data_dir = hall_ui_test_init (&argc, &argv);

  g_test_add_func ("/admin/accounts-calendar-backup", test_admin);
  return hall_ui_test_run (data_dir);
}
