/* hall-device-setup.c — making this PC a device of the hall: which device, the hall server and
 * the device account
 *
 * "Start the Device" first reads the server's certificate and shows its fingerprint to compare
 * with the server's (as joining a hall does); the second press signs in with the device account
 * in the device's role, and only an account the hall accepts is remembered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-device-setup"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-device-mode.h"
#include "hall-device-setup.h"
#include "hall-form.h"
#include "hall-remote-client.h"

struct _HallDeviceSetup
{
  AdwWindow parent_instance;

  GSettings    *settings;
  GCancellable *cancellable;
  HallClient   *client; /* signing in to check the account */
  char         *url;
  char         *fingerprint;
  gboolean      probed;
  gboolean      working;

  AdwComboRow         *mode_row;
  AdwEntryRow         *address_row;
  GtkWidget           *counter_row;
  GtkSpinButton       *counter_spin;
  GtkWidget           *address_error;
  AdwEntryRow         *username_row;
  AdwPasswordEntryRow *password_row;
  GtkWidget           *account_error;
  GtkLabel            *fingerprint_label;
  GtkButton           *start_button;
};

G_DEFINE_FINAL_TYPE (HallDeviceSetup, hall_device_setup, ADW_TYPE_WINDOW)

enum
{
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const HallDeviceMode *
chosen_mode (HallDeviceSetup *self)
{
  return &hall_device_modes ()[adw_combo_row_get_selected (self->mode_row)];
}

static void
set_working (HallDeviceSetup *self,
             gboolean         working)
{
  self->working = working;
  gtk_widget_set_sensitive (GTK_WIDGET (self->start_button), !working);
}

static void
mode_changed_cb (HallDeviceSetup *self)
{
  gtk_widget_set_visible (self->counter_row, hall_device_mode_needs_counter (chosen_mode (self)));
}

/* Typing another address reads its certificate again. */
static void
address_changed_cb (HallDeviceSetup *self)
{
  self->probed = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->fingerprint_label), FALSE);
  gtk_button_set_label (self->start_button, _ ("_Start the Device"));
}

static void
login_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (HallDeviceSetup) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_login_finish (HALL_CLIENT (object), result, &error);
  const HallDeviceMode *mode = chosen_mode (self);
  g_autofree char      *username = _hall_form_dup_text (self->username_row);
  g_autofree char      *password = _hall_form_dup_text (self->password_row);
  gint64                counter = hall_device_mode_needs_counter (mode)
                                      ? gtk_spin_button_get_value_as_int (self->counter_spin)
                                      : 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_working (self, FALSE);
  if (reply == NULL)
    {
      _hall_form_set_error (GTK_WIDGET (self->password_row), self->account_error, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  /* The device signs in by itself from now on; this session was only the check. */
  hall_client_logout_async (self->client, NULL, NULL, NULL);
  if (!hall_device_config_save (self->settings, mode->name, counter, self->url, self->fingerprint,
                                username, password, &error))
    {
      _hall_form_set_error (GTK_WIDGET (self->password_row), self->account_error, error->message);
      return;
    }
  g_signal_emit (self, signals[DONE], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
probe_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (HallDeviceSetup) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) health = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *text = NULL;

  health = hall_remote_client_probe_finish (result, &fingerprint, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_working (self, FALSE);
  if (health == NULL)
    {
      _hall_form_set_error (GTK_WIDGET (self->address_row), self->address_error, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->address_row));
      return;
    }
  g_free (self->fingerprint);
  self->fingerprint = g_steal_pointer (&fingerprint);
  self->probed = TRUE;
  if (self->fingerprint != NULL)
    /* Translators: the device setup, after reading the server's certificate; %s is its
     * fingerprint */
    text = g_strdup_printf (_ ("Check that the hall server shows this certificate fingerprint, "
                               "then press the button again: %s"),
                            self->fingerprint);
  else
    text = g_strdup (
        _ ("This server does not encrypt its connections (http://). Use it only on this PC."));
  gtk_label_set_text (self->fingerprint_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->fingerprint_label), TRUE);
  /* Translators: the device setup's button once the certificate is shown */
  gtk_button_set_label (self->start_button, _ ("_Confirm and Start"));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HallDeviceSetup      *self = HALL_DEVICE_SETUP (widget);
  const HallDeviceMode *mode = chosen_mode (self);
  const char           *message = NULL;
  g_autofree char      *url = NULL;
  g_autofree char      *username = _hall_form_dup_text (self->username_row);
  g_autofree char      *password = _hall_form_dup_text (self->password_row);

  if (self->working)
    return;
  url = _hall_form_parse_server_url (gtk_editable_get_text (GTK_EDITABLE (self->address_row)),
                                     &message);
  _hall_form_set_error (GTK_WIDGET (self->address_row), self->address_error, message);
  _hall_form_set_error (GTK_WIDGET (self->password_row), self->account_error, NULL);
  if (url == NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->address_row));
      return;
    }
  if (!self->probed || g_strcmp0 (url, self->url) != 0)
    {
      g_free (self->url);
      self->url = g_steal_pointer (&url);
      set_working (self, TRUE);
      hall_remote_client_probe_async (self->url, self->cancellable, probe_cb, g_object_ref (self));
      return;
    }
  if (*username == '\0' || *password == '\0')
    {
      /* Translators: the device setup without the device account's username or password */
      _hall_form_set_error (GTK_WIDGET (self->password_row), self->account_error,
                            _ ("Enter the device account’s username and password."));
      return;
    }
  g_clear_object (&self->client);
  self->client = hall_remote_client_new (self->url, self->fingerprint);
  set_working (self, TRUE);
  hall_client_login_async (self->client, username, password, mode->role,
                           hall_device_mode_needs_counter (mode)
                               ? gtk_spin_button_get_value_as_int (self->counter_spin)
                               : 0,
                           self->cancellable, login_cb, g_object_ref (self));
}

static void
password_activated_cb (HallDeviceSetup *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "setup.start", NULL);
}

static void
hall_device_setup_dispose (GObject *object)
{
  HallDeviceSetup *self = HALL_DEVICE_SETUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->client);
  gtk_widget_dispose_template (GTK_WIDGET (object), HALL_TYPE_DEVICE_SETUP);
  G_OBJECT_CLASS (hall_device_setup_parent_class)->dispose (object);
}

static void
hall_device_setup_finalize (GObject *object)
{
  HallDeviceSetup *self = HALL_DEVICE_SETUP (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_free (self->url);
  g_free (self->fingerprint);
  G_OBJECT_CLASS (hall_device_setup_parent_class)->finalize (object);
}

static void
hall_device_setup_class_init (HallDeviceSetupClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hall_device_setup_dispose;
  object_class->finalize = hall_device_setup_finalize;

  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/device/hall-device-setup.ui");
  gtk_widget_class_bind_template_child (widget_class, HallDeviceSetup, mode_row);
  gtk_widget_class_bind_template_child (widget_class, HallDeviceSetup, address_row);
  gtk_widget_class_bind_template_child (widget_class, HallDeviceSetup, counter_row);
  gtk_widget_class_bind_template_child (widget_class, HallDeviceSetup, counter_spin);
  gtk_widget_class_bind_template_child (widget_class, HallDeviceSetup, address_error);
  gtk_widget_class_bind_template_child (widget_class, HallDeviceSetup, username_row);
  gtk_widget_class_bind_template_child (widget_class, HallDeviceSetup, password_row);
  gtk_widget_class_bind_template_child (widget_class, HallDeviceSetup, account_error);
  gtk_widget_class_bind_template_child (widget_class, HallDeviceSetup, fingerprint_label);
  gtk_widget_class_bind_template_child (widget_class, HallDeviceSetup, start_button);

  gtk_widget_class_install_action (widget_class, "setup.start", NULL, start_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
hall_device_setup_init (HallDeviceSetup *self)
{
  g_autoptr (GtkStringList) titles = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  for (const HallDeviceMode *mode = hall_device_modes (); mode->name != NULL; mode++)
    gtk_string_list_append (titles, _ (mode->title));
  adw_combo_row_set_model (self->mode_row, G_LIST_MODEL (titles));
  g_signal_connect_swapped (self->mode_row, "notify::selected", G_CALLBACK (mode_changed_cb),
                            self);
  g_signal_connect_swapped (self->address_row, "changed", G_CALLBACK (address_changed_cb), self);
  g_signal_connect_swapped (self->password_row, "entry-activated", G_CALLBACK (password_activated_cb),
                            self);
}

HallDeviceSetup *
hall_device_setup_new (GSettings  *settings,
                       const char *mode,
                       gint64      counter_id)
{
  HallDeviceSetup *self;
  g_autofree char *url = NULL;
  guint            index = 0;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (HALL_TYPE_DEVICE_SETUP, NULL);
  self->settings = g_object_ref (settings);
  for (const HallDeviceMode *m = hall_device_modes (); m->name != NULL; m++, index++)
    if (g_strcmp0 (m->name, mode) == 0)
      adw_combo_row_set_selected (self->mode_row, index);
  if (counter_id > 0)
    gtk_spin_button_set_value (self->counter_spin, counter_id);
  url = g_settings_get_string (settings, "server-url");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), url);
  mode_changed_cb (self);
  return self;
}
