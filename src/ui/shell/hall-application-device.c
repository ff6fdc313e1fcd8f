/* hall-application-device.c — the app on a PC set up as a device of the hall
 *
 * `xinfang-hall --display` (one option a device, from hall-device-mode.c's table) or "Set Up
 * This PC as a Device" on the welcome page makes this PC a device; from then on the app starts
 * as that device by itself, after every restart, until an administrator leaves it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-application"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-application-private.h"
#include "hall-device-mode.h"
#include "hall-device-setup.h"
#include "hall-device-window.h"
#include "hall-remote-client.h"
#include "hall-window.h"

static void
device_left_cb (HallDeviceWindow *window,
                gboolean          forget,
                HallApplication  *self)
{
  self->device_window = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
  if (forget)
    {
      /* The PC stays with its hall, as a staff PC: the window opens on sign-in. */
      hall_device_config_forget (self->settings);
      g_application_activate (G_APPLICATION (self));
    }
  else
    g_application_quit (G_APPLICATION (self));
}

/* The device this PC is set up as, with its account, or NULL. */
static const HallDeviceMode *
configured_mode (HallApplication *self,
                 char           **username,
                 char           **password)
{
  g_autofree char      *name = g_settings_get_string (self->settings, "device-mode");
  g_autofree char      *mode = g_settings_get_string (self->settings, "mode");
  g_autofree char      *url = g_settings_get_string (self->settings, "server-url");
  const HallDeviceMode *device = hall_device_mode_lookup (name);

  if (device == NULL || !g_str_equal (mode, "remote") || *url == '\0'
      || !hall_device_config_load (username, password))
    return NULL;
  return device;
}

static void
start_device (HallApplication      *self,
              const HallDeviceMode *mode,
              const char           *username,
              const char           *password)
{
  g_autofree char *url = g_settings_get_string (self->settings, "server-url");
  g_autofree char *fingerprint = g_settings_get_string (self->settings, "server-fingerprint");
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  g_autoptr (HallClient) client = NULL;
  HallDeviceWindow *window;

  /* A staff window and its hall give way to the device. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  _hall_application_close_hall (self);

  client = hall_remote_client_new (url, *fingerprint ? fingerprint : NULL);
  window = hall_device_window_new (GTK_APPLICATION (self), mode, client, username, password,
                                   g_settings_get_int64 (self->settings, "device-counter"));
  self->device_window = GTK_WINDOW (window);
  g_signal_connect (window, "left", G_CALLBACK (device_left_cb), self);
  gtk_window_present (GTK_WINDOW (window));
}

static void
setup_done_cb (HallApplication *self)
{
  g_application_activate (G_APPLICATION (self));
}

static void
offer_setup (HallApplication *self,
             const char      *mode,
             gint64           counter_id)
{
  GtkWindow       *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  HallDeviceSetup *setup = hall_device_setup_new (self->settings, mode, counter_id);

  gtk_window_set_transient_for (GTK_WINDOW (setup), parent);
  g_signal_connect_object (setup, "done", G_CALLBACK (setup_done_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (setup));
}

static void
setup_device_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  offer_setup (HALL_APPLICATION (user_data), NULL, 0);
}

static const GActionEntry device_actions[] = {
  { "setup-device", setup_device_action },
};

void
_hall_application_device_init (HallApplication *self)
{
  for (const HallDeviceMode *mode = hall_device_modes (); mode->name != NULL; mode++)
    g_application_add_main_option (G_APPLICATION (self), mode->name, 0, G_OPTION_FLAG_NONE,
                                   G_OPTION_ARG_NONE, _ (mode->title), NULL);
  g_application_add_main_option (G_APPLICATION (self), "counter", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_INT64,
                                 /* Translators: --counter N, for a device at one window */
                                 _ ("The window a device stands at"), "N");
}

void
_hall_application_device_startup (HallApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), device_actions,
                                   G_N_ELEMENTS (device_actions), self);
}

void
_hall_application_device_handle_options (HallApplication *self,
                                         GVariantDict    *options)
{
  gint64 counter = 0;

  g_variant_dict_lookup (options, "counter", "x", &counter);
  for (const HallDeviceMode *mode = hall_device_modes (); mode->name != NULL; mode++)
    if (g_variant_dict_contains (options, mode->name))
      {
        g_free (self->device_request);
        self->device_request = g_strdup (mode->name);
        self->device_request_counter = counter;
      }
}

gboolean
_hall_application_device_activate (HallApplication *self)
{
  g_autofree char      *username = NULL;
  g_autofree char      *password = NULL;
  g_autofree char      *request = g_steal_pointer (&self->device_request);
  const HallDeviceMode *mode;
  gboolean              same;

  if (self->device_window != NULL)
    {
      gtk_window_present (self->device_window);
      return TRUE;
    }
  mode = configured_mode (self, &username, &password);
  same = mode != NULL
         && (request == NULL
             || (g_str_equal (request, mode->name)
                 && (!hall_device_mode_needs_counter (mode)
                     || self->device_request_counter
                            == g_settings_get_int64 (self->settings, "device-counter"))));
  if (same)
    {
      start_device (self, mode, username, password);
      return TRUE;
    }
  if (request == NULL)
    return FALSE;

  /* Asked for a device this PC is not yet: the usual window, and the setup over it. */
  {
    GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

    if (window == NULL)
      window = GTK_WINDOW (hall_window_new (GTK_APPLICATION (self)));
    gtk_window_present (window);
    offer_setup (self, request, self->device_request_counter);
  }
  return TRUE;
}
