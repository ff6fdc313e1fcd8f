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
#include "hall-admin-util.h"
#include "hall-board-item.h"
#include "hall-ui-util.h"

#define N_ROLES 6

struct _HallAdminAccountsPage
{
  AdwBin parent_instance;

  HallClient *client;
  GSignalGroup *client_signals; /* "event" */
  GSignalGroup *client_notify;  /* "notify::" */
  GCancellable *cancellable;
  gboolean loading;
  gboolean dirty;
  guint busy;

  GListStore *accounts;
  GPtrArray *department_codes; /* char*, parallel to department_names; [0] NULL: none */
  GtkCheckButton *role_checks[N_ROLES];

  GtkListBox *form_list;
  AdwEntryRow *username_row;
  GtkWidget *username_error;
  AdwEntryRow *display_name_row;
  GtkWidget *display_name_error;
  AdwEntryRow *password_row;
  GtkWidget *password_error;
  AdwComboRow *department_row;
  GtkStringList *department_names;
  GtkWidget *department_error;
  GtkWidget *roles_row;
  GtkFlowBox *roles_box;
  GtkWidget *roles_error;
  GtkLabel *general_error;
  GtkListBox *accounts_list;
};

G_DEFINE_FINAL_TYPE (HallAdminAccountsPage, hall_admin_accounts_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const roles[N_ROLES] = { "staff", "manager", "leader", "admin", "display", "kiosk" };
static const char * const watched_events[] = { "account.changed", "setup.changed", NULL };

typedef struct
{
  HallAdminAccountsPage *self;
  gint64 user_id;
  char *username;
  GtkWidget *password;
} AccountOp;

static void refresh (HallAdminAccountsPage *self);

static void
account_op_free (AccountOp *op)
{
  g_clear_object (&op->self);
  g_free (op->username);
  g_free (op);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AccountOp, account_op_free)

static void
set_busy (HallAdminAccountsPage *self,
          gboolean               busy)
{
  gboolean was = self->busy > 0;

  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;
  if (was != (self->busy > 0))
    {
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.create",
                                     self->busy == 0 && self->client && hall_client_get_connected (self->client));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }
}

static void
update_actions (HallAdminAccountsPage *self)
{
  gboolean connected = self->client != NULL && hall_client_get_connected (self->client);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.create", connected && self->busy == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.lock", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.unlock", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "accounts.reset-password", connected);
}

static JsonObject *
find_account (HallAdminAccountsPage *self,
              gint64                 user_id)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->accounts)); i++)
    {
      g_autoptr (HallBoardItem) item = g_list_model_get_item (G_LIST_MODEL (self->accounts), i);

      if (hall_board_item_get_id (item) == user_id)
        return hall_board_item_get_data (item);
    }
  return NULL;
}

static void
clear_errors (HallAdminAccountsPage *self)
{
  _hall_form_set_error (GTK_WIDGET (self->username_row), self->username_error, NULL);
  _hall_form_set_error (GTK_WIDGET (self->display_name_row), self->display_name_error, NULL);
  _hall_form_set_error (GTK_WIDGET (self->password_row), self->password_error, NULL);
  _hall_form_set_error (GTK_WIDGET (self->department_row), self->department_error, NULL);
  _hall_form_set_error (self->roles_row, self->roles_error, NULL);
  gtk_label_set_text (self->general_error, "");
}

static void
show_error (HallAdminAccountsPage *self,
            const GError          *error)
{
  const char *field = error->domain == HALL_ERROR ? hall_error_get_field (error) : NULL;

  if (g_strcmp0 (field, "username") == 0)
    _hall_form_set_error (GTK_WIDGET (self->username_row), self->username_error, error->message);
  else if (g_strcmp0 (field, "display_name") == 0)
    _hall_form_set_error (GTK_WIDGET (self->display_name_row), self->display_name_error, error->message);
  else if (g_strcmp0 (field, "password") == 0)
    _hall_form_set_error (GTK_WIDGET (self->password_row), self->password_error, error->message);
  else if (g_strcmp0 (field, "department") == 0)
    _hall_form_set_error (GTK_WIDGET (self->department_row), self->department_error, error->message);
  else if (g_strcmp0 (field, "roles") == 0)
    _hall_form_set_error (self->roles_row, self->roles_error, error->message);
  else
    gtk_label_set_text (self->general_error, error->message);
}

/* Keeps the chosen department by its code while the list is rebuilt. */
static void
show_departments (HallAdminAccountsPage *self,
                  JsonArray             *departments)
{
  guint selected = adw_combo_row_get_selected (self->department_row);
  g_autofree char *chosen = NULL;
  guint n_names = g_list_model_get_n_items (G_LIST_MODEL (self->department_names));
  guint new_selected = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected < self->department_codes->len)
    chosen = g_strdup (g_ptr_array_index (self->department_codes, selected));

  g_ptr_array_set_size (self->department_codes, 0);
  g_ptr_array_add (self->department_codes, NULL);
  {
    g_autoptr (GPtrArray) names = g_ptr_array_new ();

    /* Translators: an account that belongs to no department (an admin, a leader) */
    g_ptr_array_add (names, (gpointer) _("None"));
    for (guint i = 0; departments != NULL && i < json_array_get_length (departments); i++)
      {
        JsonObject *department = json_array_get_object_element (departments, i);
        const char *code = json_object_get_string_member_with_default (department, "code", "");

        if (!json_object_get_boolean_member_with_default (department, "active", TRUE))
          continue;
        if (g_strcmp0 (code, chosen) == 0)
          new_selected = self->department_codes->len;
        g_ptr_array_add (self->department_codes, g_strdup (code));
        g_ptr_array_add (names, (gpointer) json_object_get_string_member_with_default (department, "name", code));
      }
    g_ptr_array_add (names, NULL);
    gtk_string_list_splice (self->department_names, 0, n_names, (const char * const *) names->pdata);
  }
  adw_combo_row_set_selected (self->department_row, new_selected);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->accounts_list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (HALL_IS_ADMIN_ACCOUNT_ROW (row))
      hall_admin_account_row_sync (HALL_ADMIN_ACCOUNT_ROW (row));
}

static void
info_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (HallAdminAccountsPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) info = hall_client_call_finish (HALL_CLIENT (object), result, &error);

  if (info == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("hall.info: %s", error->message);
      return;
    }
  if (json_object_has_member (info, "departments"))
    show_departments (self, json_object_get_array_member (info, "departments"));
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (HallAdminAccountsPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (reply == NULL)
    g_debug ("user.list: %s", error->message);
  else if (json_object_has_member (reply, "users"))
    _hall_admin_store_replace (self->accounts, json_object_get_array_member (reply, "users"), TRUE);
  if (self->dirty)
    refresh (self);
}

static void
refresh (HallAdminAccountsPage *self)
{
  if (self->client == NULL || !hall_client_is_signed_in (self->client))
    return;
  if (self->loading)
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  self->loading = TRUE;
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  hall_client_call_async (self->client, "user.list", NULL, self->cancellable, list_cb, g_object_ref (self));
  hall_client_call_async (self->client, "hall.info", NULL, self->cancellable, info_cb, g_object_ref (self));
}

static gint64
own_id (HallAdminAccountsPage *self)
{
  JsonObject *user = self->client != NULL ? hall_client_get_user (self->client) : NULL;

  return user != NULL ? json_object_get_int_member_with_default (user, "id", 0) : 0;
}

static GtkWidget *
create_account_row (gpointer item,
                    gpointer user_data)
{
  HallAdminAccountsPage *self = user_data;

  return hall_admin_account_row_new (item, self->client, G_LIST_MODEL (self->department_names),
                                     self->department_codes, own_id (self));
}

static void
create_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (HallAdminAccountsPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (reply == NULL)
    show_error (self, error);
  else
    {
      g_autofree char *message = NULL;

      /* Translators: %s is the new account's username */
      message = g_strdup_printf (_("Account “%s” created."),
                                 gtk_editable_get_text (GTK_EDITABLE (self->username_row)));
      _hall_admin_toast (GTK_WIDGET (self), message);
      gtk_editable_set_text (GTK_EDITABLE (self->username_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->display_name_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
      for (guint i = 0; i < N_ROLES; i++)
        gtk_check_button_set_active (self->role_checks[i], FALSE);
      clear_errors (self);
      refresh (self);
    }
  set_busy (self, FALSE);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HallAdminAccountsPage *self = HALL_ADMIN_ACCOUNTS_PAGE (widget);
  const char *username = gtk_editable_get_text (GTK_EDITABLE (self->username_row));
  const char *display_name = gtk_editable_get_text (GTK_EDITABLE (self->display_name_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  guint department = adw_combo_row_get_selected (self->department_row);
  g_autofree char *password_problem = _hall_check_new_password (password);
  const char *username_problem = _hall_check_username (username);
  g_autoptr (JsonObject) params = json_object_new ();
  g_autoptr (JsonArray) chosen = json_array_new ();
  gboolean ok = TRUE;

  clear_errors (self);
  for (guint i = 0; i < N_ROLES; i++)
    if (gtk_check_button_get_active (self->role_checks[i]))
      json_array_add_string_element (chosen, roles[i]);

  if (username_problem != NULL)
    {
      _hall_form_set_error (GTK_WIDGET (self->username_row), self->username_error, username_problem);
      ok = FALSE;
    }
  if (password_problem != NULL)
    {
      _hall_form_set_error (GTK_WIDGET (self->password_row), self->password_error, password_problem);
      ok = FALSE;
    }
  if (json_array_get_length (chosen) == 0)
    {
      _hall_form_set_error (self->roles_row, self->roles_error, _("Choose at least one role."));
      ok = FALSE;
    }
  if (!ok || self->client == NULL)
    return;

  json_object_set_string_member (params, "username", username);
  if (*display_name)
    json_object_set_string_member (params, "display_name", display_name);
  json_object_set_string_member (params, "password", password);
  json_object_set_array_member (params, "roles", g_steal_pointer (&chosen));
  if (department != GTK_INVALID_LIST_POSITION && department < self->department_codes->len
      && g_ptr_array_index (self->department_codes, department) != NULL)
    json_object_set_string_member (params, "department", g_ptr_array_index (self->department_codes, department));

  set_busy (self, TRUE);
  hall_client_call_async (self->client, "user.create", params, self->cancellable, create_cb, g_object_ref (self));
}

static void
account_op_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (AccountOp) op = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (reply == NULL)
    _hall_admin_toast (GTK_WIDGET (op->self), error->message);
  else
    refresh (op->self);
  set_busy (op->self, FALSE);
}

static void
set_locked (HallAdminAccountsPage *self,
            gint64                 user_id,
            gboolean               locked)
{
  g_autoptr (JsonObject) params = json_object_new ();
  AccountOp *op = g_new0 (AccountOp, 1);

  op->self = g_object_ref (self);
  op->user_id = user_id;
  json_object_set_int_member (params, "user_id", user_id);
  json_object_set_boolean_member (params, "locked", locked);
  set_busy (self, TRUE);
  hall_client_call_async (self->client, "user.set_locked", params, self->cancellable, account_op_cb, op);
}

static void
lock_response_cb (AccountOp        *op,
                  const char       *response,
                  AdwMessageDialog *dialog)
{
  if (g_strcmp0 (response, "lock") == 0 && op->self->client != NULL)
    set_locked (op->self, op->user_id, TRUE);
}

static void
lock_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HallAdminAccountsPage *self = HALL_ADMIN_ACCOUNTS_PAGE (widget);
  gint64 user_id = g_variant_get_int64 (parameter);
  JsonObject *user = find_account (self, user_id);
  AccountOp *op;
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  if (user == NULL)
    return;
  op = g_new0 (AccountOp, 1);
  op->self = g_object_ref (self);
  op->user_id = user_id;
  op->username = g_strdup (json_object_get_string_member_with_default (user, "username", ""));
  /* Translators: question before locking an account; %s is the username */
  heading = g_strdup_printf (_("Lock “%s”?"), op->username);
  dialog = _hall_admin_confirm (widget, heading,
                                _("They are signed out everywhere at once and cannot sign in until an "
                                  "administrator unlocks the account."),
                                /* Translators: button that locks an account */
                                "lock", _("_Lock"), G_CALLBACK (lock_response_cb), op);
  g_object_set_data_full (G_OBJECT (dialog), "op", op, (GDestroyNotify) account_op_free);
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  set_locked (HALL_ADMIN_ACCOUNTS_PAGE (widget), g_variant_get_int64 (parameter), FALSE);
}

static void
reset_response_cb (AccountOp        *op,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  g_autoptr (JsonObject) params = NULL;
  AccountOp *call;

  if (g_strcmp0 (response, "reset") != 0 || op->self->client == NULL)
    return;
  params = json_object_new ();
  json_object_set_int_member (params, "user_id", op->user_id);
  json_object_set_string_member (params, "password", gtk_editable_get_text (GTK_EDITABLE (op->password)));
  call = g_new0 (AccountOp, 1);
  call->self = g_object_ref (op->self);
  call->user_id = op->user_id;
  set_busy (op->self, TRUE);
  hall_client_call_async (op->self->client, "user.set_password", params, op->self->cancellable, account_op_cb,
                          call);
}

static void
reset_password_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HallAdminAccountsPage *self = HALL_ADMIN_ACCOUNTS_PAGE (widget);
  gint64 user_id = g_variant_get_int64 (parameter);
  JsonObject *user = find_account (self, user_id);
  AccountOp *op;
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  if (user == NULL)
    return;
  op = g_new0 (AccountOp, 1);
  op->self = g_object_ref (self);
  op->user_id = user_id;
  op->username = g_strdup (json_object_get_string_member_with_default (user, "username", ""));
  /* Translators: heading of the dialog that sets a new password; %s is the username */
  heading = g_strdup_printf (_("New Password for “%s”"), op->username);
  dialog = _hall_admin_confirm (widget, heading,
                                _("They are signed out everywhere; tell them the new password. A lockout "
                                  "after wrong passwords ends too."),
                                /* Translators: button that sets the new password */
                                "reset", _("_Set Password"), G_CALLBACK (reset_response_cb), op);
  adw_message_dialog_set_response_appearance (dialog, "reset", ADW_RESPONSE_SUGGESTED);
  op->password = _hall_admin_add_password_field (dialog, "reset");
  g_object_set_data_full (G_OBJECT (dialog), "op", op, (GDestroyNotify) account_op_free);
}

static void
field_changed_cb (GtkEditable           *editable,
                  HallAdminAccountsPage *self)
{
  if (editable == GTK_EDITABLE (self->username_row))
    _hall_form_set_error (GTK_WIDGET (self->username_row), self->username_error,
                          *gtk_editable_get_text (editable) ? _hall_check_username (gtk_editable_get_text (editable))
                                                            : NULL);
  else if (editable == GTK_EDITABLE (self->password_row))
    _hall_form_set_error (GTK_WIDGET (self->password_row), self->password_error, NULL);
  else if (editable == GTK_EDITABLE (self->display_name_row))
    _hall_form_set_error (GTK_WIDGET (self->display_name_row), self->display_name_error, NULL);
}

static void
event_cb (HallAdminAccountsPage *self,
          JsonObject            *event)
{
  if (_hall_admin_event_is (event, watched_events))
    refresh (self);
}

static void
connected_cb (HallAdminAccountsPage *self)
{
  update_actions (self);
  if (self->client != NULL && hall_client_get_connected (self->client))
    refresh (self);
}

static void
hall_admin_accounts_page_dispose (GObject *object)
{
  HallAdminAccountsPage *self = HALL_ADMIN_ACCOUNTS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client_signals != NULL)
    g_signal_group_set_target (self->client_signals, NULL);
  if (self->client_notify != NULL)
    g_signal_group_set_target (self->client_notify, NULL);
  g_clear_object (&self->client_signals);
  g_clear_object (&self->client_notify);
  g_clear_object (&self->client);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_ADMIN_ACCOUNTS_PAGE);
  G_OBJECT_CLASS (hall_admin_accounts_page_parent_class)->dispose (object);
}

static void
hall_admin_accounts_page_finalize (GObject *object)
{
  HallAdminAccountsPage *self = HALL_ADMIN_ACCOUNTS_PAGE (object);

  g_clear_object (&self->accounts);
  g_clear_pointer (&self->department_codes, g_ptr_array_unref);
  G_OBJECT_CLASS (hall_admin_accounts_page_parent_class)->finalize (object);
}

static void
hall_admin_accounts_page_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  HallAdminAccountsPage *self = HALL_ADMIN_ACCOUNTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_admin_accounts_page_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  HallAdminAccountsPage *self = HALL_ADMIN_ACCOUNTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      hall_admin_accounts_page_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_admin_accounts_page_class_init (HallAdminAccountsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hall_admin_accounts_page_dispose;
  object_class->finalize = hall_admin_accounts_page_finalize;
  object_class->get_property = hall_admin_accounts_page_get_property;
  object_class->set_property = hall_admin_accounts_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HALL_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xinfanghall/Hall/ui/hall-admin-accounts-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallAdminAccountsPage, form_list);
  gtk_widget_class_bind_template_child (widget_class, HallAdminAccountsPage, username_row);
  gtk_widget_class_bind_template_child (widget_class, HallAdminAccountsPage, username_error);
  gtk_widget_class_bind_template_child (widget_class, HallAdminAccountsPage, display_name_row);
  gtk_widget_class_bind_template_child (widget_class, HallAdminAccountsPage, display_name_error);
  gtk_widget_class_bind_template_child (widget_class, HallAdminAccountsPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, HallAdminAccountsPage, password_error);
  gtk_widget_class_bind_template_child (widget_class, HallAdminAccountsPage, department_row);
  gtk_widget_class_bind_template_child (widget_class, HallAdminAccountsPage, department_names);
  gtk_widget_class_bind_template_child (widget_class, HallAdminAccountsPage, department_error);
  gtk_widget_class_bind_template_child (widget_class, HallAdminAccountsPage, roles_row);
  gtk_widget_class_bind_template_child (widget_class, HallAdminAccountsPage, roles_box);
  gtk_widget_class_bind_template_child (widget_class, HallAdminAccountsPage, roles_error);
  gtk_widget_class_bind_template_child (widget_class, HallAdminAccountsPage, general_error);
  gtk_widget_class_bind_template_child (widget_class, HallAdminAccountsPage, accounts_list);

  gtk_widget_class_install_action (widget_class, "accounts.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "accounts.lock", "x", lock_action);
  gtk_widget_class_install_action (widget_class, "accounts.unlock", "x", unlock_action);
  gtk_widget_class_install_action (widget_class, "accounts.reset-password", "x", reset_password_action);
}

static void
hall_admin_accounts_page_init (HallAdminAccountsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->accounts = g_list_store_new (HALL_TYPE_BOARD_ITEM);
  self->department_codes = g_ptr_array_new_with_free_func (g_free);
  gtk_list_box_bind_model (self->accounts_list, G_LIST_MODEL (self->accounts), create_account_row, self, NULL);
  show_departments (self, NULL);

  for (guint i = 0; i < N_ROLES; i++)
    {
      g_autofree char *name = g_strconcat ("role_", roles[i], NULL);

      self->role_checks[i] = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (_hall_role_label (roles[i])));
      gtk_widget_set_name (GTK_WIDGET (self->role_checks[i]), name);
      gtk_flow_box_append (self->roles_box, GTK_WIDGET (self->role_checks[i]));
    }

  g_signal_connect (self->username_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect (self->password_row, "changed", G_CALLBACK (field_changed_cb), self);
  g_signal_connect (self->display_name_row, "changed", G_CALLBACK (field_changed_cb), self);

  self->client_signals = g_signal_group_new (HALL_TYPE_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "event", G_CALLBACK (event_cb), self);
  self->client_notify = g_signal_group_new (G_TYPE_OBJECT);
  g_signal_group_connect_swapped (self->client_notify, "notify::connected", G_CALLBACK (connected_cb), self);
  g_signal_group_connect_swapped (self->client_notify, "notify::user", G_CALLBACK (connected_cb), self);
  update_actions (self);
}

GtkWidget *
hall_admin_accounts_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_ADMIN_ACCOUNTS_PAGE, "client", client, NULL);
}

HallClient *
hall_admin_accounts_page_get_client (HallAdminAccountsPage *self)
{
  g_return_val_if_fail (HALL_IS_ADMIN_ACCOUNTS_PAGE (self), NULL);
  return self->client;
}

void
hall_admin_accounts_page_set_client (HallAdminAccountsPage *self,
                                     HallClient            *client)
{
  g_return_if_fail (HALL_IS_ADMIN_ACCOUNTS_PAGE (self));
  g_return_if_fail (client == NULL || HALL_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = FALSE;
  g_signal_group_set_target (self->client_signals, client);
  g_signal_group_set_target (self->client_notify, client);
  update_actions (self);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
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
  return self->busy > 0;
}
