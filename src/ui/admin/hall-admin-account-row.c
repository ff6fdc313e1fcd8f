/* hall-admin-account-row.c — one account on the admin's accounts page: its state, Reset Password
 * and Lock, and, expanded, its roles and department with a Save button
 *
 * The editor shows the account as the hall last sent it until the admin changes something; Save
 * sends user.update through the page (asking first when the roles change: that signs the person
 * out everywhere).
 * The list itself is read again by the page on the account.changed event that follows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-admin-accounts"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-admin-account-row.h"
#include "hall-admin-page.h"
#include "hall-admin-role-checks.h"
#include "hall-dialog.h"
#include "hall-form.h"
#include "hall-role.h"

struct _HallAdminAccountRow
{
  AdwExpanderRow parent_instance;

  HallJsonItem   *item;
  GPtrArray      *department_codes;
  gint64          own_id;
  GtkCheckButton *role_checks[HALL_N_ROLES];
  HallFormField   fields[2];

  GtkLabel    *state_label;
  GtkButton   *reset_button;
  GtkButton   *lock_button;
  GtkWidget   *roles_row;
  GtkFlowBox  *roles_box;
  GtkWidget   *roles_error;
  AdwComboRow *department_row;
  GtkWidget   *department_error;
  GtkLabel    *general_error;
  GtkButton   *save_button;
};

G_DEFINE_FINAL_TYPE (HallAdminAccountRow, hall_admin_account_row, ADW_TYPE_EXPANDER_ROW)

static gboolean
has_role (JsonObject *user,
          const char *role)
{
  JsonArray *array = json_object_get_array_member (user, "roles");

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), role) == 0)
      return TRUE;
  return FALSE;
}

static char *
describe_roles (JsonObject *user)
{
  JsonArray *array = json_object_get_array_member (user, "roles");
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      if (i > 0)
        /* Translators: separates role names in an account's description */
        g_string_append (text, _ (", "));
      g_string_append (text, _hall_role_label (json_array_get_string_element (array, i)));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
hall_admin_account_row_sync (HallAdminAccountRow *self)
{
  JsonObject *user;
  const char *name;
  GListModel *names;
  guint       position = 0;

  g_return_if_fail (HALL_IS_ADMIN_ACCOUNT_ROW (self));

  /* Accounts name their department; department names are unique in a hall. */
  user = hall_json_item_get_data (self->item);
  name = json_object_get_string_member_with_default (user, "department_name", NULL);
  names = adw_combo_row_get_model (self->department_row);
  for (guint i = 1; name != NULL && names != NULL && i < g_list_model_get_n_items (names); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (names), i), name) == 0)
      position = i;
  adw_combo_row_set_selected (self->department_row, position);
}

static void
update (HallAdminAccountRow *self)
{
  JsonObject *user = hall_json_item_get_data (self->item);
  gint64      id = hall_json_item_get_id (self->item);
  const char *username = json_object_get_string_member_with_default (user, "username", "");
  const char *display_name =
      json_object_get_string_member_with_default (user, "display_name", username);
  const char *department =
      json_object_get_string_member_with_default (user, "department_name", NULL);
  gboolean         locked = json_object_get_boolean_member_with_default (user, "locked", FALSE);
  gboolean         locked_out = json_object_get_boolean_member_with_default (user, "locked_out", FALSE);
  g_autofree char *title = g_strdup_printf ("%s (%s)", display_name, username);
  g_autofree char *role_text = describe_roles (user);
  g_autofree char *subtitle = department != NULL && *department
                                  ? g_strdup_printf ("%s · %s", role_text, department)
                                  : g_strdup (role_text);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  gtk_widget_set_name (GTK_WIDGET (self), username);

  if (locked)
    /* Translators: an account an admin locked; it cannot sign in */
    gtk_label_set_text (self->state_label, _ ("Locked"));
  else if (locked_out)
    /* Translators: an account locked for 15 minutes after wrong passwords */
    gtk_label_set_text (self->state_label, _ ("Locked out for now"));
  else
    gtk_label_set_text (self->state_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->state_label), locked || locked_out);

  /* The hall refuses to lock the admin out of their own account; so does the page. */
  gtk_widget_set_visible (GTK_WIDGET (self->lock_button), id != self->own_id);
  gtk_button_set_label (self->lock_button, locked ? _ ("_Unlock") : _ ("_Lock…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->lock_button),
                                  locked ? "accounts.unlock" : "accounts.lock");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->lock_button), "x", id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->reset_button), "x", id);
  {
    /* The buttons of every row read the same; their names say whose account. */
    /* Translators: accessible name of an account's Reset Password button; %s is the account */
    g_autofree char *reset_name = g_strdup_printf (_ ("Reset the password of %s"), title);
    /* Translators: accessible name of an account's Lock or Unlock button; %s is the account */
    g_autofree char *lock_name = g_strdup_printf (locked ? _ ("Unlock %s") : _ ("Lock %s"), title);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self->reset_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, reset_name, -1);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->lock_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, lock_name, -1);
  }

  /* The editor starts again from what the hall holds now. */
  for (guint i = 0; i < HALL_N_ROLES; i++)
    gtk_check_button_set_active (self->role_checks[i], has_role (user, hall_role_names[i]));
  hall_admin_account_row_sync (self);
  hall_admin_account_row_show_error (self, NULL);
}

static void
role_toggled_cb (HallAdminAccountRow *self)
{
  _hall_form_set_error (self->roles_row, self->roles_error, NULL);
}

static void
updated_cb (HallPage     *page,
            JsonObject   *reply,
            const GError *error,
            gpointer      user_data)
{
  HallAdminAccountRow *self = user_data;
  g_autofree char     *message = NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), TRUE);
  if (reply == NULL)
    {
      hall_admin_account_row_show_error (self, error);
      return;
    }
  /* Translators: %s is the username of the account whose roles or department changed */
  message = g_strdup_printf (_ ("Account “%s” changed."),
                             json_object_get_string_member_with_default (
                                 hall_json_item_get_data (self->item), "username", ""));
  hall_page_toast (page, message);
}

/* Sent through the page, which reads the list again on the account.changed event. */
static void
send_update (HallAdminAccountRow *self)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), HALL_TYPE_ADMIN_PAGE);
  g_autoptr (JsonObject) params = json_object_new ();
  const char *department = hall_admin_account_row_get_department (self);

  if (page == NULL || hall_page_get_client (HALL_PAGE (page)) == NULL)
    return;
  json_object_set_int_member (params, "user_id", hall_json_item_get_id (self->item));
  if (department != NULL)
    json_object_set_string_member (params, "department", department);
  else
    json_object_set_null_member (params, "department");
  if (hall_admin_account_row_roles_changed (self))
    json_object_set_array_member (params, "roles", hall_admin_account_row_dup_roles (self));
  hall_admin_account_row_show_error (self, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
  hall_admin_page_change (HALL_ADMIN_PAGE (page), "user.update", params, updated_cb,
                          g_object_ref (self), g_object_unref);
}

static void
update_response_cb (HallAdminAccountRow *self,
                    const char          *response,
                    AdwMessageDialog    *dialog)
{
  if (g_strcmp0 (response, "change") == 0)
    send_update (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HallAdminAccountRow *self = HALL_ADMIN_ACCOUNT_ROW (widget);
  g_autoptr (JsonArray) chosen = hall_admin_account_row_dup_roles (self);
  const char *username = json_object_get_string_member_with_default (
      hall_json_item_get_data (self->item), "username", "");
  g_autofree char *heading = NULL;

  if (json_array_get_length (chosen) == 0)
    {
      g_autoptr (GError) error = NULL;

      hall_set_error (&error, HALL_ERROR_INVALID_ARGUMENT, "roles",
                      _ ("Choose at least one role."));
      hall_admin_account_row_show_error (self, error);
      return;
    }
  if (!hall_admin_account_row_roles_changed (self))
    {
      send_update (self);
      return;
    }
  /* Translators: question before changing an account's roles; %s is the username */
  heading = g_strdup_printf (_ ("Change the Roles of “%s”?"), username);
  /* The row lives as long as its question. */
  _hall_dialog_confirm (
      widget, 0, NULL, heading,
      _ ("They are signed out everywhere at once and sign in again with the new roles."),
      /* Translators: button that changes an account's roles */
      "change", _ ("_Change Roles"), G_CALLBACK (update_response_cb));
}

static void
hall_admin_account_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HALL_TYPE_ADMIN_ACCOUNT_ROW);
  G_OBJECT_CLASS (hall_admin_account_row_parent_class)->dispose (object);
}

static void
hall_admin_account_row_finalize (GObject *object)
{
  HallAdminAccountRow *self = HALL_ADMIN_ACCOUNT_ROW (object);

  g_clear_object (&self->item);
  g_clear_pointer (&self->department_codes, g_ptr_array_unref);
  G_OBJECT_CLASS (hall_admin_account_row_parent_class)->finalize (object);
}

static void
hall_admin_account_row_class_init (HallAdminAccountRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hall_admin_account_row_dispose;
  object_class->finalize = hall_admin_account_row_finalize;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/admin/hall-admin-account-row.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, HallAdminAccountRow, name)
  CHILD (state_label);
  CHILD (reset_button);
  CHILD (lock_button);
  CHILD (roles_row);
  CHILD (roles_box);
  CHILD (roles_error);
  CHILD (department_row);
  CHILD (department_error);
  CHILD (general_error);
  CHILD (save_button);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "account.save", NULL, save_action);
}

static void
hall_admin_account_row_init (HallAdminAccountRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields[0] = (HallFormField){ "roles", self->roles_row, self->roles_error };
  self->fields[1] =
      (HallFormField){ "department", GTK_WIDGET (self->department_row), self->department_error };
  _hall_admin_role_checks_add (self->roles_box, "edit_role_", self->role_checks);
  for (guint i = 0; i < HALL_N_ROLES; i++)
    g_signal_connect_swapped (self->role_checks[i], "toggled", G_CALLBACK (role_toggled_cb), self);
}

GtkWidget *
hall_admin_account_row_new (HallJsonItem *item,
                            GListModel   *department_names,
                            GPtrArray    *department_codes,
                            gint64        own_id)
{
  HallAdminAccountRow *self;

  g_return_val_if_fail (HALL_IS_JSON_ITEM (item), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (department_names), NULL);
  g_return_val_if_fail (department_codes != NULL, NULL);

  self = g_object_new (HALL_TYPE_ADMIN_ACCOUNT_ROW, NULL);
  self->item = g_object_ref (item);
  self->department_codes = g_ptr_array_ref (department_codes);
  self->own_id = own_id;
  adw_combo_row_set_model (self->department_row, department_names);
  g_signal_connect_object (item, "notify::data", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  return GTK_WIDGET (self);
}

HallJsonItem *
hall_admin_account_row_get_item (HallAdminAccountRow *self)
{
  g_return_val_if_fail (HALL_IS_ADMIN_ACCOUNT_ROW (self), NULL);
  return self->item;
}

JsonArray *
hall_admin_account_row_dup_roles (HallAdminAccountRow *self)
{
  g_return_val_if_fail (HALL_IS_ADMIN_ACCOUNT_ROW (self), NULL);
  return _hall_admin_role_checks_dup_roles (self->role_checks);
}

gboolean
hall_admin_account_row_roles_changed (HallAdminAccountRow *self)
{
  JsonObject *user;

  g_return_val_if_fail (HALL_IS_ADMIN_ACCOUNT_ROW (self), FALSE);

  user = hall_json_item_get_data (self->item);
  for (guint i = 0; i < HALL_N_ROLES; i++)
    if (gtk_check_button_get_active (self->role_checks[i]) != has_role (user, hall_role_names[i]))
      return TRUE;
  return FALSE;
}

const char *
hall_admin_account_row_get_department (HallAdminAccountRow *self)
{
  guint selected;

  g_return_val_if_fail (HALL_IS_ADMIN_ACCOUNT_ROW (self), NULL);

  selected = adw_combo_row_get_selected (self->department_row);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->department_codes->len)
    return NULL;
  return g_ptr_array_index (self->department_codes, selected);
}

void
hall_admin_account_row_show_error (HallAdminAccountRow *self,
                                   const GError        *error)
{
  g_return_if_fail (HALL_IS_ADMIN_ACCOUNT_ROW (self));

  _hall_form_clear_errors (self->fields, G_N_ELEMENTS (self->fields), self->general_error);
  if (error == NULL)
    return;
  _hall_form_show_error (self->fields, G_N_ELEMENTS (self->fields), error, self->general_error);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (self), TRUE);
}
