/* hall-signin-page.c — username, password, role and this PC's window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-signin-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-demo.h"
#include "hall-form.h"
#include "hall-role.h"
#include "hall-signin-page.h"

/* Windows offered before signing in; the hall's own list is known only after. */
#define DEFAULT_COUNTERS 20

struct _HallSigninPage
{
  AdwBin parent_instance;

  HallClient   *client;
  GSignalGroup *client_signals;
  GSettings    *settings;
  GCancellable *cancellable;
  gboolean      busy;
  GArray       *counter_ids; /* gint64 per counter_row position */

  GtkLabel     *hall_label;
  AdwEntryRow  *username_row;
  GtkWidget    *username_error;
  AdwEntryRow  *password_row;
  GtkWidget    *password_error;
  AdwComboRow  *role_row;
  GtkWidget    *role_error;
  AdwComboRow  *counter_row;
  GtkWidget    *counter_error;
  GtkLabel     *general_error;
  HallFormField fields[4];
  GtkWidget    *signin_button;
  GtkSpinner   *spinner;
  GtkWidget    *demo_group;
  GtkListBox   *demo_list;
};

G_DEFINE_FINAL_TYPE (HallSigninPage, hall_signin_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CLIENT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_general_error (HallSigninPage *self,
                   const char     *message)
{
  gtk_label_set_text (self->general_error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), message != NULL);
}

static void
clear_errors (HallSigninPage *self)
{
  _hall_form_clear_errors (self->fields, G_N_ELEMENTS (self->fields), NULL);
  set_general_error (self, NULL);
}

static void
update_actions (HallSigninPage *self)
{
  gboolean connected = self->client != NULL && hall_client_get_connected (self->client);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "signin.submit", connected && !self->busy);
}

static void
set_busy (HallSigninPage *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  if (busy)
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static const char *
selected_role (HallSigninPage *self)
{
  guint              position = adw_combo_row_get_selected (self->role_row);
  const char *const *roles = _hall_role_desktop_roles ();

  if (position == 0 || position == GTK_INVALID_LIST_POSITION
      || position > g_strv_length ((char **) roles))
    return NULL;
  return roles[position - 1];
}

static gint64
selected_counter (HallSigninPage *self)
{
  guint position = adw_combo_row_get_selected (self->counter_row);

  if (position == GTK_INVALID_LIST_POSITION || position >= self->counter_ids->len)
    return 0;
  return g_array_index (self->counter_ids, gint64, position);
}

static void
fill_counters (HallSigninPage *self,
               gint64          extra)
{
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
  gint64 none = 0;

  g_array_set_size (self->counter_ids, 0);
  /* Translators: choice of "This PC's window": the PC stands at no service window */
  gtk_string_list_append (list, _ ("None"));
  g_array_append_val (self->counter_ids, none);
  for (gint64 id = 1; id <= MAX (DEFAULT_COUNTERS, extra); id++)
    {
      /* Translators: a service window by its number, "Window 3" (3号窗口) */
      g_autofree char *label = g_strdup_printf (_ ("Window %d"), (int) id);

      gtk_string_list_append (list, label);
      g_array_append_val (self->counter_ids, id);
    }
  adw_combo_row_set_model (self->counter_row, G_LIST_MODEL (list));
}

static void
select_counter (HallSigninPage *self,
                gint64          counter_id)
{
  if (counter_id > DEFAULT_COUNTERS)
    fill_counters (self, counter_id);
  for (guint i = 0; i < self->counter_ids->len; i++)
    if (g_array_index (self->counter_ids, gint64, i) == counter_id)
      adw_combo_row_set_selected (self->counter_row, i);
}

static void
select_role (HallSigninPage *self,
             const char     *role)
{
  const char *const *roles = _hall_role_desktop_roles ();

  adw_combo_row_set_selected (self->role_row, 0);
  for (guint i = 0; roles[i] != NULL; i++)
    if (g_strcmp0 (roles[i], role) == 0)
      adw_combo_row_set_selected (self->role_row, i + 1);
}

static void
login_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (HallSigninPage) self = user_data;
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *field;

  reply = hall_client_login_finish (HALL_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_busy (self, FALSE);

  if (reply == NULL)
    {
      /* Everything typed stays; the message sits next to what to fix. */
      field = _hall_form_show_error (self->fields, G_N_ELEMENTS (self->fields), error, NULL);
      if (field != NULL)
        gtk_widget_grab_focus (field);
      else
        set_general_error (self, error->message);
      return;
    }

  if (self->settings != NULL)
    {
      const char *role = selected_role (self);

      g_settings_delay (self->settings);
      g_settings_set_string (self->settings, "last-username",
                             gtk_editable_get_text (GTK_EDITABLE (self->username_row)));
      g_settings_set_string (self->settings, "last-role", role ? role : "");
      g_settings_set_int64 (self->settings, "counter-id", selected_counter (self));
      g_settings_apply (self->settings);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  clear_errors (self);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HallSigninPage  *self = HALL_SIGNIN_PAGE (widget);
  g_autofree char *username = NULL;
  const char      *password;

  if (self->client == NULL || self->busy)
    return;

  clear_errors (self);
  username = _hall_form_dup_text (self->username_row);
  password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));
  if (*username == '\0')
    {
      _hall_form_set_error (GTK_WIDGET (self->username_row), self->username_error,
                            _ ("Enter your username."));
      gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
      return;
    }
  if (*password == '\0')
    {
      _hall_form_set_error (GTK_WIDGET (self->password_row), self->password_error,
                            _ ("Enter your password."));
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }

  set_busy (self, TRUE);
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  hall_client_login_async (self->client, username, password, selected_role (self),
                           selected_counter (self), self->cancellable, login_cb,
                           g_object_ref (self));
}

static void
entry_activated_cb (HallSigninPage *self,
                    AdwEntryRow    *row)
{
  if (row == self->username_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "signin.submit", NULL);
}

static void
text_changed_cb (HallSigninPage *self,
                 GParamSpec     *pspec,
                 AdwEntryRow    *row)
{
  /* A wrong-password message goes once the person starts correcting it. */
  if (row == self->username_row)
    _hall_form_set_error (GTK_WIDGET (self->username_row), self->username_error, NULL);
  else
    _hall_form_set_error (GTK_WIDGET (self->password_row), self->password_error, NULL);
  set_general_error (self, NULL);
}

static void
demo_row_activated_cb (HallSigninPage *self,
                       GtkListBoxRow  *row)
{
  const char *username = g_object_get_data (G_OBJECT (row), "username");

  gtk_editable_set_text (GTK_EDITABLE (self->username_row), username);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), HALL_DEMO_PASSWORD);
  select_role (self, g_object_get_data (G_OBJECT (row), "role"));
  select_counter (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "counter-id")));
  gtk_widget_grab_focus (self->signin_button);
}

static void
fill_demo_accounts (HallSigninPage *self)
{
  guint                  n = 0;
  const HallDemoAccount *accounts = hall_demo_get_accounts (&n);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_auto (GStrv) roles = g_strsplit (accounts[i].roles, ",", -1);
      g_autoptr (GString) subtitle = g_string_new (accounts[i].username);

      for (guint j = 0; roles[j] != NULL; j++)
        g_string_append_printf (subtitle, " · %s", _hall_role_label (roles[j]));
      if (accounts[i].counter_id > 0)
        {
          g_string_append (subtitle, " · ");
          g_string_append_printf (subtitle, _ ("Window %d"), (int) accounts[i].counter_id);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), accounts[i].display_name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data (G_OBJECT (row), "username", (gpointer) accounts[i].username);
      g_object_set_data_full (G_OBJECT (row), "role", g_strdup (roles[0]), g_free);
      g_object_set_data (G_OBJECT (row), "counter-id",
                         GINT_TO_POINTER ((int) accounts[i].counter_id));
      gtk_list_box_append (self->demo_list, row);
    }
}

static void
hall_signin_page_dispose (GObject *object)
{
  HallSigninPage *self = HALL_SIGNIN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client_signals != NULL)
    g_signal_group_set_target (self->client_signals, NULL);
  g_clear_object (&self->client_signals);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);
  /* AdwBin would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_SIGNIN_PAGE);
  G_OBJECT_CLASS (hall_signin_page_parent_class)->dispose (object);
}

static void
hall_signin_page_finalize (GObject *object)
{
  HallSigninPage *self = HALL_SIGNIN_PAGE (object);

  g_clear_pointer (&self->counter_ids, g_array_unref);
  G_OBJECT_CLASS (hall_signin_page_parent_class)->finalize (object);
}

static void
hall_signin_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HallSigninPage *self = HALL_SIGNIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_signin_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HallSigninPage *self = HALL_SIGNIN_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      hall_signin_page_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_signin_page_class_init (HallSigninPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hall_signin_page_dispose;
  object_class->finalize = hall_signin_page_finalize;
  object_class->get_property = hall_signin_page_get_property;
  object_class->set_property = hall_signin_page_set_property;

  properties[PROP_CLIENT] =
      g_param_spec_object ("client", NULL, NULL, HALL_TYPE_CLIENT,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
      g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/shell/hall-signin-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallSigninPage, hall_label);
  gtk_widget_class_bind_template_child (widget_class, HallSigninPage, username_row);
  gtk_widget_class_bind_template_child (widget_class, HallSigninPage, username_error);
  gtk_widget_class_bind_template_child (widget_class, HallSigninPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, HallSigninPage, password_error);
  gtk_widget_class_bind_template_child (widget_class, HallSigninPage, role_row);
  gtk_widget_class_bind_template_child (widget_class, HallSigninPage, role_error);
  gtk_widget_class_bind_template_child (widget_class, HallSigninPage, counter_row);
  gtk_widget_class_bind_template_child (widget_class, HallSigninPage, counter_error);
  gtk_widget_class_bind_template_child (widget_class, HallSigninPage, general_error);
  gtk_widget_class_bind_template_child (widget_class, HallSigninPage, signin_button);
  gtk_widget_class_bind_template_child (widget_class, HallSigninPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, HallSigninPage, demo_group);
  gtk_widget_class_bind_template_child (widget_class, HallSigninPage, demo_list);
  gtk_widget_class_bind_template_callback (widget_class, demo_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "signin.submit", NULL, submit_action);
}

static void
hall_signin_page_init (HallSigninPage *self)
{
  g_autoptr (GtkStringList) roles = gtk_string_list_new (NULL);
  const char *const *role_names = _hall_role_desktop_roles ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields[0] =
      (HallFormField){ "username", GTK_WIDGET (self->username_row), self->username_error };
  self->fields[1] =
      (HallFormField){ "password", GTK_WIDGET (self->password_row), self->password_error };
  self->fields[2] = (HallFormField){ "role", GTK_WIDGET (self->role_row), self->role_error };
  self->fields[3] =
      (HallFormField){ "counter_id", GTK_WIDGET (self->counter_row), self->counter_error };
  self->counter_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* Translators: choice of "Sign in as": the first role the account holds */
  gtk_string_list_append (roles, _ ("Account’s usual role"));
  for (guint i = 0; role_names[i] != NULL; i++)
    gtk_string_list_append (roles, _hall_role_label (role_names[i]));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  fill_counters (self, 0);
  fill_demo_accounts (self);
  set_general_error (self, NULL);

  g_signal_connect_object (self->username_row, "entry-activated", G_CALLBACK (entry_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->password_row, "entry-activated", G_CALLBACK (entry_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->username_row, "notify::text", G_CALLBACK (text_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->password_row, "notify::text", G_CALLBACK (text_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* Only "notify::" signals: they belong to GObject, not to the HallClient interface. */
  self->client_signals = g_signal_group_new (G_TYPE_OBJECT);
  g_signal_group_connect_swapped (self->client_signals, "notify::connected",
                                  G_CALLBACK (update_actions), self);
  update_actions (self);
}

GtkWidget *
hall_signin_page_new (void)
{
  return g_object_new (HALL_TYPE_SIGNIN_PAGE, NULL);
}

HallClient *
hall_signin_page_get_client (HallSigninPage *self)
{
  g_return_val_if_fail (HALL_IS_SIGNIN_PAGE (self), NULL);
  return self->client;
}

void
hall_signin_page_set_client (HallSigninPage *self,
                             HallClient     *client)
{
  g_return_if_fail (HALL_IS_SIGNIN_PAGE (self));
  g_return_if_fail (client == NULL || HALL_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->busy)
    set_busy (self, FALSE);
  g_signal_group_set_target (self->client_signals, client);
  clear_errors (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

void
hall_signin_page_set_settings (HallSigninPage *self,
                               GSettings      *settings)
{
  g_autofree char *username = NULL;
  g_autofree char *role = NULL;

  g_return_if_fail (HALL_IS_SIGNIN_PAGE (self));
  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));

  if (!g_set_object (&self->settings, settings) || settings == NULL)
    return;
  username = g_settings_get_string (settings, "last-username");
  role = g_settings_get_string (settings, "last-role");
  gtk_editable_set_text (GTK_EDITABLE (self->username_row), username);
  select_role (self, role);
  select_counter (self, g_settings_get_int64 (settings, "counter-id"));
}

void
hall_signin_page_set_location (HallSigninPage *self,
                               const char     *description,
                               gboolean        demo)
{
  g_return_if_fail (HALL_IS_SIGNIN_PAGE (self));

  gtk_label_set_text (self->hall_label, description ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hall_label), description != NULL);
  gtk_widget_set_visible (self->demo_group, demo);
  /* Nothing typed is replaced; an empty field gets the last username (the demo sets one). */
  if (self->settings != NULL && *gtk_editable_get_text (GTK_EDITABLE (self->username_row)) == '\0')
    {
      g_autofree char *username = g_settings_get_string (self->settings, "last-username");
      gtk_editable_set_text (GTK_EDITABLE (self->username_row), username);
    }
  /* The username is known: straight to the password. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->username_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
}

gboolean
hall_signin_page_get_busy (HallSigninPage *self)
{
  g_return_val_if_fail (HALL_IS_SIGNIN_PAGE (self), FALSE);
  return self->busy;
}
