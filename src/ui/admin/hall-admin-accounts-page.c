/* hall-admin-accounts-page.c — the admin's accounts: create, change roles and department, reset a
 * password, lock and unlock
 *
 * The list is user.list, read again after every account.changed event; the departments offered
 * come from hall.info, read again after setup.changed. Locking signs the person out everywhere,
 * so it is asked first; a new password is checked before it can be sent. Each account is a
 * HallAdminAccountRow, which also edits the account's roles and department.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-admin-accounts"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-admin-account-row.h"
#include "hall-admin-accounts-page.h"
#include "hall-admin-role-checks.h"
#include "hall-check.h"
#include "hall-dialog.h"
#include "hall-find.h"
#include "hall-form.h"
#include "hall-json-item.h"
#include "hall-json.h"

struct _HallAdminAccountsPage
{
  HallAdminPage parent_instance;

  GListStore     *accounts;
  GPtrArray      *department_codes; /* char*, parallel to department_names; [0] NULL: none */
  GtkCheckButton *role_checks[HALL_N_ROLES];
  GArray         *pad_counter_ids; /* gint64, parallel to pad_counter_names */
  HallFormField   fields[6];

  AdwEntryRow   *username_row;
  GtkWidget     *username_error;
  AdwEntryRow   *display_name_row;
  GtkWidget     *display_name_error;
  AdwEntryRow   *password_row;
  GtkWidget     *password_error;
  AdwComboRow   *department_row;
  GtkStringList *department_names;
  GtkWidget     *department_error;
  GtkWidget     *roles_row;
  GtkFlowBox    *roles_box;
  GtkWidget     *roles_error;
  AdwComboRow   *pad_counter_row;
  GtkStringList *pad_counter_names;
  GtkWidget     *pad_counter_error;
  GtkLabel      *general_error;
  GtkListBox    *accounts_list;
};

G_DEFINE_FINAL_TYPE (HallAdminAccountsPage, hall_admin_accounts_page, HALL_TYPE_ADMIN_PAGE)

static const char *const refresh_on[] = { "account.changed", "setup.changed", NULL };

static void
hall_admin_accounts_page_update_actions (HallPage *page)
{
  HallAdminAccountsPage *self = HALL_ADMIN_ACCOUNTS_PAGE (page);
  gboolean               online = hall_page_is_online (page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.create",
                                 online && !hall_admin_page_is_changing (HALL_ADMIN_PAGE (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.lock", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.unlock", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.reset-password", online);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->accounts_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    gtk_widget_action_set_enabled (row, "account.save", online);
}

/* The username of the account @user_id, or NULL when it is not listed. */
static const char *
account_username (HallAdminAccountsPage *self,
                  gint64                 user_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->accounts)); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      if (hall_json_item_get_id (item) == user_id)
        return json_object_get_string_member_with_default (hall_json_item_get_data (item),
                                                           "username", "");
    }
  return NULL;
}

/* Keeps the chosen department by its code while the list is rebuilt. */
static void
show_departments (HallAdminAccountsPage *self,
                  JsonArray             *departments)
{
  guint            selected = adw_combo_row_get_selected (self->department_row);
  g_autofree char *chosen = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  guint new_selected = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->department_codes->len)
    chosen = g_strdup (g_ptr_array_index (self->department_codes, selected));

  g_ptr_array_set_size (self->department_codes, 0);
  g_ptr_array_add (self->department_codes, NULL);
  /* Translators: an account that belongs to no department (an admin, a leader) */
  g_ptr_array_add (names, (gpointer) _ ("None"));
  for (guint i = 0; departments != NULL && i < json_array_get_length (departments); i++)
    {
      JsonObject *department = json_array_get_object_element (departments, i);
      const char *code = json_object_get_string_member_with_default (department, "code", "");

      if (!json_object_get_boolean_member_with_default (department, "active", TRUE))
        continue;
      if (g_strcmp0 (code, chosen) == 0)
        new_selected = self->department_codes->len;
      g_ptr_array_add (self->department_codes, g_strdup (code));
      g_ptr_array_add (
          names, (gpointer) json_object_get_string_member_with_default (department, "name", code));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->department_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->department_names)),
                          (const char *const *) names->pdata);
  adw_combo_row_set_selected (self->department_row, new_selected);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->accounts_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (HALL_IS_ADMIN_ACCOUNT_ROW (row))
      hall_admin_account_row_sync (HALL_ADMIN_ACCOUNT_ROW (row));
}

/* The windows a rating pad may face, from hall.info's counters. */
static void
show_counters (HallAdminAccountsPage *self,
               JsonArray             *counters)
{
  guint  selected = adw_combo_row_get_selected (self->pad_counter_row);
  gint64 chosen = selected < self->pad_counter_ids->len
                      ? g_array_index (self->pad_counter_ids, gint64, selected)
                      : 0;
  guint  n = counters ? json_array_get_length (counters) : 0;
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  g_array_set_size (self->pad_counter_ids, 0);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *counter = json_array_get_object_element (counters, i);
      gint64      id = json_object_get_int_member (counter, "id");

      g_array_append_val (self->pad_counter_ids, id);
      g_ptr_array_add (names,
                       (gpointer) json_object_get_string_member_with_default (counter, "name", ""));
      if (id == chosen)
        selected = i;
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->pad_counter_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->pad_counter_names)),
                          (const char *const *) names->pdata);
  if (selected < n)
    adw_combo_row_set_selected (self->pad_counter_row, selected);
}

/* A rating pad faces one window: the window is asked for only with that role. */
static void
pad_role_toggled_cb (HallAdminAccountsPage *self)
{
  gboolean pad = FALSE;

  for (guint i = 0; i < HALL_N_ROLES; i++)
    if (g_str_equal (hall_role_names[i], "rating_pad"))
      pad = gtk_check_button_get_active (self->role_checks[i]);
  gtk_widget_set_visible (GTK_WIDGET (self->pad_counter_row), pad);
  if (!pad)
    _hall_form_set_error (GTK_WIDGET (self->pad_counter_row), self->pad_counter_error, NULL);
}

/* The accounts (user.list) and the departments (hall.info); @user_data: the command. */
static void
loaded_cb (HallPage     *page,
           JsonObject   *reply,
           const GError *error,
           gpointer      user_data)
{
  HallAdminAccountsPage *self = HALL_ADMIN_ACCOUNTS_PAGE (page);

  if (reply == NULL)
    g_debug ("%s: %s", (const char *) user_data, error->message);
  else if (json_object_has_member (reply, "users"))
    hall_json_item_update_store (self->accounts, json_object_get_array_member (reply, "users"), 0,
                                 TRUE);
  else if (json_object_has_member (reply, "departments"))
    {
      show_departments (self, json_object_get_array_member (reply, "departments"));
      show_counters (self, json_object_get_array_member (reply, "counters"));
    }
}

static void
hall_admin_accounts_page_refresh (HallPage *page)
{
  hall_page_load (page, "user.list", NULL, loaded_cb, (gpointer) "user.list");
  hall_page_load (page, "hall.info", NULL, loaded_cb, (gpointer) "hall.info");
}

static GtkWidget *
create_account_row (gpointer item,
                    gpointer user_data)
{
  HallAdminAccountsPage *self = user_data;
  HallClient            *client = hall_page_get_client (HALL_PAGE (self));
  JsonObject            *user = client != NULL ? hall_client_get_user (client) : NULL;
  gint64                 own_id = user != NULL ? json_object_get_int_member_with_default (user, "id", 0) : 0;
  GtkWidget             *row = hall_admin_account_row_new (item, G_LIST_MODEL (self->department_names),
                                                           self->department_codes, own_id);

  gtk_widget_action_set_enabled (row, "account.save", hall_page_is_online (HALL_PAGE (self)));
  return row;
}

static void
created_cb (HallPage     *page,
            JsonObject   *reply,
            const GError *error,
            gpointer      user_data)
{
  HallAdminAccountsPage *self = HALL_ADMIN_ACCOUNTS_PAGE (page);
  g_autofree char       *message = NULL;

  if (reply == NULL)
    {
      _hall_form_show_error (self->fields, G_N_ELEMENTS (self->fields), error, self->general_error);
      return;
    }
  /* Translators: %s is the new account's username */
  message = g_strdup_printf (_ ("Account “%s” created."),
                             gtk_editable_get_text (GTK_EDITABLE (self->username_row)));
  hall_page_toast (page, message);
  gtk_editable_set_text (GTK_EDITABLE (self->username_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->display_name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  for (guint i = 0; i < HALL_N_ROLES; i++)
    gtk_check_button_set_active (self->role_checks[i], FALSE);
  _hall_form_clear_errors (self->fields, G_N_ELEMENTS (self->fields), self->general_error);
  hall_page_refresh (page);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HallAdminAccountsPage *self = HALL_ADMIN_ACCOUNTS_PAGE (widget);
  const char            *username = gtk_editable_get_text (GTK_EDITABLE (self->username_row));
  const char            *display_name = gtk_editable_get_text (GTK_EDITABLE (self->display_name_row));
  const char            *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  guint                  department = adw_combo_row_get_selected (self->department_row);
  guint                  pad_counter = adw_combo_row_get_selected (self->pad_counter_row);
  g_autofree char       *password_problem = _hall_check_new_password (password);
  const char            *username_problem = _hall_check_username (username);
  g_autoptr (JsonObject) params = json_object_new ();
  g_autoptr (JsonArray) chosen = _hall_admin_role_checks_dup_roles (self->role_checks);
  guint    n_fields = G_N_ELEMENTS (self->fields);
  gboolean ok = TRUE;

  _hall_form_clear_errors (self->fields, n_fields, self->general_error);
  if (username_problem != NULL)
    ok = !_hall_form_show_field_error (self->fields, n_fields, "username", username_problem);
  if (password_problem != NULL)
    ok = !_hall_form_show_field_error (self->fields, n_fields, "password", password_problem);
  if (json_array_get_length (chosen) == 0)
    ok = !_hall_form_show_field_error (self->fields, n_fields, "roles",
                                       _ ("Choose at least one role."));
  if (gtk_widget_get_visible (GTK_WIDGET (self->pad_counter_row))
      && pad_counter >= self->pad_counter_ids->len)
    ok = !_hall_form_show_field_error (self->fields, n_fields, "counter_id",
                                       _ ("Choose the window this rating pad faces."));
  if (!ok || hall_page_get_client (HALL_PAGE (self)) == NULL)
    return;

  json_object_set_string_member (params, "username", username);
  if (*display_name)
    json_object_set_string_member (params, "display_name", display_name);
  json_object_set_string_member (params, "password", password);
  json_object_set_array_member (params, "roles", g_steal_pointer (&chosen));
  if (department != GTK_INVALID_LIST_POSITION && department < self->department_codes->len
      && g_ptr_array_index (self->department_codes, department) != NULL)
    json_object_set_string_member (params, "department",
                                   g_ptr_array_index (self->department_codes, department));
  if (gtk_widget_get_visible (GTK_WIDGET (self->pad_counter_row)))
    json_object_set_int_member (params, "counter_id",
                                g_array_index (self->pad_counter_ids, gint64, pad_counter));
  hall_admin_page_change (HALL_ADMIN_PAGE (self), "user.create", params, created_cb, NULL, NULL);
}

static void
set_locked (HallAdminAccountsPage *self,
            gint64                 user_id,
            gboolean               locked)
{
  g_autoptr (JsonObject) params = json_object_new ();

  json_object_set_int_member (params, "user_id", user_id);
  json_object_set_boolean_member (params, "locked", locked);
  hall_admin_page_change (HALL_ADMIN_PAGE (self), "user.set_locked", params,
                          hall_admin_page_refresh_cb, NULL, NULL);
}

static void
lock_response_cb (HallAdminAccountsPage *self,
                  const char            *response,
                  AdwMessageDialog      *dialog)
{
  if (g_str_equal (response, "lock") && hall_page_get_client (HALL_PAGE (self)) != NULL)
    set_locked (self, _hall_dialog_get_id (dialog), TRUE);
}

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HallAdminAccountsPage *self = HALL_ADMIN_ACCOUNTS_PAGE (widget);
  gint64                 user_id = g_variant_get_int64 (parameter);
  const char            *username = account_username (self, user_id);
  g_autofree char       *heading = NULL;

  if (username == NULL)
    return;
  /* Translators: question before locking an account; %s is the username */
  heading = g_strdup_printf (_ ("Lock “%s”?"), username);
  _hall_dialog_confirm (widget, user_id, NULL, heading,
                        _ ("They are signed out everywhere at once and cannot sign in until an "
                           "administrator unlocks the account."),
                        /* Translators: button that locks an account */
                        "lock", _ ("_Lock"), G_CALLBACK (lock_response_cb));
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  set_locked (HALL_ADMIN_ACCOUNTS_PAGE (widget), g_variant_get_int64 (parameter), FALSE);
}

static void
reset_response_cb (HallAdminAccountsPage *self,
                   const char            *response,
                   AdwMessageDialog      *dialog)
{
  GtkWidget *password = _hall_find_named (GTK_WIDGET (dialog), "reset_password");
  g_autoptr (JsonObject) params = NULL;

  if (!g_str_equal (response, "reset") || hall_page_get_client (HALL_PAGE (self)) == NULL)
    return;
  params = _hall_json_params_id ("user_id", _hall_dialog_get_id (dialog));
  json_object_set_string_member (params, "password",
                                 gtk_editable_get_text (GTK_EDITABLE (password)));
  hall_admin_page_change (HALL_ADMIN_PAGE (self), "user.set_password", params,
                          hall_admin_page_refresh_cb, NULL, NULL);
}

static void
reset_password_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HallAdminAccountsPage *self = HALL_ADMIN_ACCOUNTS_PAGE (widget);
  gint64                 user_id = g_variant_get_int64 (parameter);
  const char            *username = account_username (self, user_id);
  g_autofree char       *heading = NULL;
  AdwMessageDialog      *dialog;

  if (username == NULL)
    return;
  /* Translators: heading of the dialog that sets a new password; %s is the username */
  heading = g_strdup_printf (_ ("New Password for “%s”"), username);
  dialog = ADW_MESSAGE_DIALOG (
      _hall_dialog_confirm (widget, user_id, NULL, heading,
                            _ ("They are signed out everywhere; tell them the new "
                               "password. A lockout after wrong passwords ends too."),
                            /* Translators: button that sets the new password */
                            "reset", _ ("_Set Password"), G_CALLBACK (reset_response_cb)));
  adw_message_dialog_set_response_appearance (dialog, "reset", ADW_RESPONSE_SUGGESTED);
  /* Added once the dialog shows: GTK 4.8's password entry, realized along with a dialog not yet
   * shown, casts a freed pointer after the dialog closes (a warning, fatal in the tests). */
  _hall_dialog_add_password (dialog, "reset");
}

/* Typing again takes back what was said about the field; a username is checked as it is typed. */
static void
field_changed_cb (GtkEditable           *editable,
                  HallAdminAccountsPage *self)
{
  const char *text = gtk_editable_get_text (editable);

  if (editable == GTK_EDITABLE (self->username_row))
    _hall_form_set_error (GTK_WIDGET (self->username_row), self->username_error,
                          *text ? _hall_check_username (text) : NULL);
  else if (editable == GTK_EDITABLE (self->password_row))
    _hall_form_set_error (GTK_WIDGET (self->password_row), self->password_error, NULL);
  else if (editable == GTK_EDITABLE (self->display_name_row))
    _hall_form_set_error (GTK_WIDGET (self->display_name_row), self->display_name_error, NULL);
}

static void
hall_admin_accounts_page_finalize (GObject *object)
{
  HallAdminAccountsPage *self = HALL_ADMIN_ACCOUNTS_PAGE (object);

  g_clear_object (&self->accounts);
  g_clear_pointer (&self->department_codes, g_ptr_array_unref);
  g_clear_pointer (&self->pad_counter_ids, g_array_unref);
  G_OBJECT_CLASS (hall_admin_accounts_page_parent_class)->finalize (object);
}

static void
hall_admin_accounts_page_class_init (HallAdminAccountsPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->finalize = hall_admin_accounts_page_finalize;
  page_class->refresh = hall_admin_accounts_page_refresh;
  page_class->update_actions = hall_admin_accounts_page_update_actions;
  HALL_ADMIN_PAGE_CLASS (klass)->refresh_on = refresh_on;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/admin/hall-admin-accounts-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, HallAdminAccountsPage, name)
  CHILD (username_row);
  CHILD (username_error);
  CHILD (display_name_row);
  CHILD (display_name_error);
  CHILD (password_row);
  CHILD (password_error);
  CHILD (department_row);
  CHILD (department_names);
  CHILD (department_error);
  CHILD (roles_row);
  CHILD (roles_box);
  CHILD (roles_error);
  CHILD (pad_counter_row);
  CHILD (pad_counter_names);
  CHILD (pad_counter_error);
  CHILD (general_error);
  CHILD (accounts_list);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "accounts.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "accounts.lock", "x", lock_action);
  gtk_widget_class_install_action (widget_class, "accounts.unlock", "x", unlock_action);
  gtk_widget_class_install_action (widget_class, "accounts.reset-password", "x",
                                   reset_password_action);
}

static void
hall_admin_accounts_page_init (HallAdminAccountsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields[0] =
      (HallFormField){ "username", GTK_WIDGET (self->username_row), self->username_error };
  self->fields[1] = (HallFormField){ "display_name", GTK_WIDGET (self->display_name_row),
                                     self->display_name_error };
  self->fields[2] =
      (HallFormField){ "password", GTK_WIDGET (self->password_row), self->password_error };
  self->fields[3] =
      (HallFormField){ "department", GTK_WIDGET (self->department_row), self->department_error };
  self->fields[4] = (HallFormField){ "roles", self->roles_row, self->roles_error };
  self->fields[5] = (HallFormField){ "counter_id", GTK_WIDGET (self->pad_counter_row),
                                     self->pad_counter_error };

  self->accounts = g_list_store_new (HALL_TYPE_JSON_ITEM);
  self->department_codes = g_ptr_array_new_with_free_func (g_free);
  self->pad_counter_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_list_box_bind_model (self->accounts_list, G_LIST_MODEL (self->accounts), create_account_row,
                           self, NULL);
  show_departments (self, NULL);
  _hall_admin_role_checks_add (self->roles_box, "role_", self->role_checks);
  for (guint i = 0; i < HALL_N_ROLES; i++)
    g_signal_connect_swapped (self->role_checks[i], "toggled", G_CALLBACK (pad_role_toggled_cb),
                              self);

  g_signal_connect (self->username_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect (self->password_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect (self->display_name_row, "changed", G_CALLBACK (field_changed_cb), self);
  hall_admin_accounts_page_update_actions (HALL_PAGE (self));
}

GtkWidget *
hall_admin_accounts_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_ADMIN_ACCOUNTS_PAGE, "client", client, NULL);
}

GListModel *
hall_admin_accounts_page_get_accounts (HallAdminAccountsPage *self)
{
  g_return_val_if_fail (HALL_IS_ADMIN_ACCOUNTS_PAGE (self), NULL);
  return G_LIST_MODEL (self->accounts);
}

gboolean
hall_admin_accounts_page_get_busy (HallAdminAccountsPage *self)
{
  g_return_val_if_fail (HALL_IS_ADMIN_ACCOUNTS_PAGE (self), FALSE);
  return hall_admin_page_is_changing (HALL_ADMIN_PAGE (self));
}
