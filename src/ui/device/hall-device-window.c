/* hall-device-window.c — the window of a device PC: fullscreen, awake, signed in by itself, and
 * left only with an administrator's password
 *
 * A device runs unattended: it signs in with its own account as soon as the hall answers, signs
 * in again when its session ends, says across the top while it cannot reach the hall, and keeps
 * the screen on. Closing it (Alt+F4, Ctrl+Q) does nothing; Ctrl+Alt+Q or holding the top left
 * corner for five seconds opens a panel where an administrator's password is checked by the
 * hall (device.unlock) before the device may be left.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-device-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-device-window.h"
#include "hall-error.h"

#define RETRY_SECONDS 3
#define REFUSED_RETRY_SECONDS 30
#define CORNER_HOLD_MS 5000

struct _HallDeviceWindow
{
  AdwApplicationWindow parent_instance;

  const HallDeviceMode *mode;
  HallClient           *client;
  char                 *username;
  char                 *password;
  gint64                counter_id;
  GCancellable         *cancellable;
  guint                 inhibit_cookie;
  guint                 retry_id;
  guint                 corner_id;
  gboolean              signing_in;
  gboolean              unreachable;
  gboolean              unlocking;
  gboolean              unlocked;

  GtkRevealer         *offline_revealer;
  GtkStack            *stack;
  AdwStatusPage       *status_page;
  AdwBin              *device_bin;
  GtkWidget           *corner;
  GtkWidget           *unlock_panel;
  AdwEntryRow         *username_row;
  AdwPasswordEntryRow *password_row;
  GtkLabel            *unlock_error;
  GtkCheckButton      *forget_check;
};

G_DEFINE_FINAL_TYPE (HallDeviceWindow, hall_device_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  LEFT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void sign_in (HallDeviceWindow *self);

/* ---- signing in by itself ----------------------------------------------------------------- */

static void
update_offline (HallDeviceWindow *self)
{
  gboolean offline = hall_client_is_signed_in (self->client)
                         ? !hall_client_get_connected (self->client)
                         : self->unreachable;

  gtk_revealer_set_reveal_child (self->offline_revealer, offline);
}

static gboolean
retry_cb (gpointer user_data)
{
  HallDeviceWindow *self = user_data;

  self->retry_id = 0;
  sign_in (self);
  return G_SOURCE_REMOVE;
}

static void
login_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  HallDeviceWindow *self;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_login_finish (HALL_CLIENT (object), result, &error);
  gboolean refused;

  if (reply == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  self->signing_in = FALSE;
  if (reply != NULL)
    {
      self->unreachable = FALSE;
      if (adw_bin_get_child (self->device_bin) == NULL)
        adw_bin_set_child (self->device_bin,
                           hall_device_mode_create (self->mode, self->client, self->counter_id));
      gtk_stack_set_visible_child_name (self->stack, "device");
      update_offline (self);
      return;
    }

  /* The hall answered and said no (a wrong password, a locked account, another role): say so
   * and try again now and then, for the administrator may put it right on the hall. */
  refused = error->domain == HALL_ERROR;
  self->unreachable = !refused;
  adw_status_page_set_description (self->status_page, error->message);
  if (refused)
    /* Translators: a device whose account the hall refused */
    adw_status_page_set_title (self->status_page, _ ("The Hall Refused This Device’s Account"));
  else
    adw_status_page_set_title (self->status_page, _ ("Connecting to the Hall…"));
  if (adw_bin_get_child (self->device_bin) == NULL)
    gtk_stack_set_visible_child_name (self->stack, "connecting");
  update_offline (self);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->retry_id =
      g_timeout_add_seconds (refused ? REFUSED_RETRY_SECONDS : RETRY_SECONDS, retry_cb, self);
}

static void
sign_in (HallDeviceWindow *self)
{
  if (self->signing_in || self->unlocked || hall_client_is_signed_in (self->client))
    return;
  self->signing_in = TRUE;
  hall_client_login_async (self->client, self->username, self->password, self->mode->role,
                           self->counter_id, self->cancellable, login_cb, self);
}

static void
client_user_cb (HallDeviceWindow *self)
{
  /* The session ended on the hall (an expiry, the administrator): sign in again. */
  if (!hall_client_is_signed_in (self->client) && self->retry_id == 0)
    self->retry_id = g_timeout_add_seconds (1, retry_cb, self);
  update_offline (self);
}

/* ---- leaving it --------------------------------------------------------------------------- */

static void
set_unlock_error (HallDeviceWindow *self,
                  const char       *message)
{
  gtk_label_set_text (self->unlock_error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->unlock_error), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->password_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->password_row), "error");
}

static void
unlock_cancel_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HallDeviceWindow *self = HALL_DEVICE_WINDOW (widget);

  gtk_widget_set_visible (self->unlock_panel, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  set_unlock_error (self, NULL);
}

static void
unlocked_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  HallDeviceWindow *self;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);

  if (reply == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = user_data;
  self->unlocking = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "device.unlock-confirm", TRUE);
  if (reply == NULL)
    {
      /* What was typed stays; the password field says what was wrong. */
      set_unlock_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
      return;
    }
  self->unlocked = TRUE;
  if (self->inhibit_cookie != 0)
    {
      gtk_application_uninhibit (gtk_window_get_application (GTK_WINDOW (self)),
                                 self->inhibit_cookie);
      self->inhibit_cookie = 0;
    }
  g_signal_emit (self, signals[LEFT], 0, gtk_check_button_get_active (self->forget_check));
}

static void
unlock_confirm_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HallDeviceWindow *self = HALL_DEVICE_WINDOW (widget);
  g_autoptr (JsonObject) params = json_object_new ();
  const char *username = gtk_editable_get_text (GTK_EDITABLE (self->username_row));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  if (self->unlocking)
    return;
  if (*username == '\0' || *password == '\0')
    {
      /* Translators: the panel that leaves a device, when a field is empty */
      set_unlock_error (self, _ ("Enter an administrator’s username and password."));
      return;
    }
  if (!hall_client_is_signed_in (self->client))
    {
      /* Translators: the panel that leaves a device, while the device cannot reach the hall */
      set_unlock_error (self, _ ("The hall cannot check the password while this device is "
                                 "offline. Try again when it is back."));
      return;
    }
  json_object_set_string_member (params, "username", username);
  json_object_set_string_member (params, "password", password);
  /* The fields stay as they are (and keep the focus): only the button waits. */
  self->unlocking = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "device.unlock-confirm", FALSE);
  hall_client_call_async (self->client, "device.unlock", params, self->cancellable, unlocked_cb,
                          self);
}

static void
password_activated_cb (HallDeviceWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "device.unlock-confirm", NULL);
}

static void
unlock_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  hall_device_window_ask_unlock (HALL_DEVICE_WINDOW (widget));
}

static gboolean
corner_held_cb (gpointer user_data)
{
  HallDeviceWindow *self = user_data;

  self->corner_id = 0;
  hall_device_window_ask_unlock (self);
  return G_SOURCE_REMOVE;
}

static void
corner_pressed_cb (GtkGestureClick  *gesture,
                   int               n_press,
                   double            x,
                   double            y,
                   HallDeviceWindow *self)
{
  g_clear_handle_id (&self->corner_id, g_source_remove);
  self->corner_id = g_timeout_add (CORNER_HOLD_MS, corner_held_cb, self);
}

static void
corner_released_cb (HallDeviceWindow *self)
{
  g_clear_handle_id (&self->corner_id, g_source_remove);
}

/* ---- GObject ------------------------------------------------------------------------------ */

static gboolean
hall_device_window_close_request (GtkWindow *window)
{
  /* Alt+F4 and the like: a device stays until an administrator leaves it. */
  return !HALL_DEVICE_WINDOW (window)->unlocked;
}

static void
hall_device_window_dispose (GObject *object)
{
  HallDeviceWindow *self = HALL_DEVICE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->retry_id, g_source_remove);
  g_clear_handle_id (&self->corner_id, g_source_remove);
  if (self->inhibit_cookie != 0 && gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    gtk_application_uninhibit (gtk_window_get_application (GTK_WINDOW (self)),
                               self->inhibit_cookie);
  self->inhibit_cookie = 0;
  if (self->client != NULL)
    g_signal_handlers_disconnect_by_data (self->client, self);
  g_clear_object (&self->client);
  gtk_widget_dispose_template (GTK_WIDGET (object), HALL_TYPE_DEVICE_WINDOW);
  G_OBJECT_CLASS (hall_device_window_parent_class)->dispose (object);
}

static void
hall_device_window_finalize (GObject *object)
{
  HallDeviceWindow *self = HALL_DEVICE_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_free (self->username);
  if (self->password != NULL)
    memset (self->password, 0, strlen (self->password));
  g_free (self->password);
  G_OBJECT_CLASS (hall_device_window_parent_class)->finalize (object);
}

static void
hall_device_window_class_init (HallDeviceWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hall_device_window_dispose;
  object_class->finalize = hall_device_window_finalize;
  window_class->close_request = hall_device_window_close_request;

  signals[LEFT] = g_signal_new ("left", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/device/hall-device-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HallDeviceWindow, offline_revealer);
  gtk_widget_class_bind_template_child (widget_class, HallDeviceWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, HallDeviceWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, HallDeviceWindow, device_bin);
  gtk_widget_class_bind_template_child (widget_class, HallDeviceWindow, corner);
  gtk_widget_class_bind_template_child (widget_class, HallDeviceWindow, unlock_panel);
  gtk_widget_class_bind_template_child (widget_class, HallDeviceWindow, username_row);
  gtk_widget_class_bind_template_child (widget_class, HallDeviceWindow, password_row);
  gtk_widget_class_bind_template_child (widget_class, HallDeviceWindow, unlock_error);
  gtk_widget_class_bind_template_child (widget_class, HallDeviceWindow, forget_check);
  gtk_widget_class_bind_template_callback (widget_class, password_activated_cb);

  gtk_widget_class_install_action (widget_class, "device.unlock", NULL, unlock_action);
  gtk_widget_class_install_action (widget_class, "device.unlock-cancel", NULL,
                                   unlock_cancel_action);
  gtk_widget_class_install_action (widget_class, "device.unlock-confirm", NULL,
                                   unlock_confirm_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_q, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "device.unlock", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "device.unlock-cancel",
                                       NULL);
}

static void
hall_device_window_init (HallDeviceWindow *self)
{
  GtkGesture *press = gtk_gesture_click_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  g_signal_connect (press, "pressed", G_CALLBACK (corner_pressed_cb), self);
  g_signal_connect_swapped (press, "released", G_CALLBACK (corner_released_cb), self);
  g_signal_connect_swapped (press, "stopped", G_CALLBACK (corner_released_cb), self);
  g_signal_connect_swapped (press, "cancel", G_CALLBACK (corner_released_cb), self);
  gtk_widget_add_controller (self->corner, GTK_EVENT_CONTROLLER (press));
}

/* ---- public API --------------------------------------------------------------------------- */

HallDeviceWindow *
hall_device_window_new (GtkApplication       *app,
                        const HallDeviceMode *mode,
                        HallClient           *client,
                        const char           *username,
                        const char           *password,
                        gint64                counter_id)
{
  HallDeviceWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (mode != NULL, NULL);
  g_return_val_if_fail (HALL_IS_CLIENT (client), NULL);

  self = g_object_new (HALL_TYPE_DEVICE_WINDOW, "application", app, NULL);
  self->mode = mode;
  self->client = g_object_ref (client);
  self->username = g_strdup (username);
  self->password = g_strdup (password);
  self->counter_id = counter_id;
  gtk_window_set_title (GTK_WINDOW (self), _ (mode->title));

  g_signal_connect_swapped (client, "notify::connected", G_CALLBACK (update_offline), self);
  g_signal_connect_swapped (client, "notify::user", G_CALLBACK (client_user_cb), self);

  gtk_window_fullscreen (GTK_WINDOW (self));
  /* Translators: why the screen must not blank or the PC sleep (the session manager shows it) */
  self->inhibit_cookie = gtk_application_inhibit (
      app, GTK_WINDOW (self),
      GTK_APPLICATION_INHIBIT_IDLE | GTK_APPLICATION_INHIBIT_LOGOUT | GTK_APPLICATION_INHIBIT_SUSPEND,
      _ ("This PC is a device of the petition hall"));
  sign_in (self);
  return self;
}

GtkWidget *
hall_device_window_get_device (HallDeviceWindow *self)
{
  g_return_val_if_fail (HALL_IS_DEVICE_WINDOW (self), NULL);
  return adw_bin_get_child (self->device_bin);
}

gboolean
hall_device_window_get_offline (HallDeviceWindow *self)
{
  g_return_val_if_fail (HALL_IS_DEVICE_WINDOW (self), FALSE);
  return gtk_revealer_get_reveal_child (self->offline_revealer);
}

gboolean
hall_device_window_get_inhibited (HallDeviceWindow *self)
{
  g_return_val_if_fail (HALL_IS_DEVICE_WINDOW (self), FALSE);
  return self->inhibit_cookie != 0;
}

void
hall_device_window_ask_unlock (HallDeviceWindow *self)
{
  g_return_if_fail (HALL_IS_DEVICE_WINDOW (self));

  if (self->unlocked)
    return;
  set_unlock_error (self, NULL);
  gtk_widget_set_visible (self->unlock_panel, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
}
