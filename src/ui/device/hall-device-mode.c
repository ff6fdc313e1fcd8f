/* hall-device-mode.c — the devices a PC can be set up as, and what it remembers of its setup
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-device-mode"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hall-device-mode.h"
#include "hall-display-page.h"
#include "hall-kiosk-page.h"
#include "hall-rating-pad.h"

/* One line a device. */
static const HallDeviceMode modes[] = {
  { "display", "display", N_ ("Calling display"), hall_display_page_new, NULL },
  { "kiosk", "kiosk", N_ ("Ticket kiosk"), hall_kiosk_page_new, NULL },
  { "rating-pad", "rating_pad", N_ ("Window rating pad"), NULL, hall_rating_pad_new },
  { NULL },
};

const HallDeviceMode *
hall_device_modes (void)
{
  return modes;
}

const HallDeviceMode *
hall_device_mode_lookup (const char *name)
{
  for (const HallDeviceMode *mode = modes; name != NULL && mode->name != NULL; mode++)
    if (g_str_equal (mode->name, name))
      return mode;
  return NULL;
}

gboolean
hall_device_mode_needs_counter (const HallDeviceMode *mode)
{
  g_return_val_if_fail (mode != NULL, FALSE);
  return mode->new_widget_at_counter != NULL;
}

GtkWidget *
hall_device_mode_create (const HallDeviceMode *mode,
                         HallClient           *client,
                         gint64                counter_id)
{
  g_return_val_if_fail (mode != NULL, NULL);

  if (mode->new_widget_at_counter != NULL)
    return mode->new_widget_at_counter (client, counter_id);
  return mode->new_widget (client);
}

/* ---- what the PC remembers ----------------------------------------------------------------- */

static char *
credentials_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "xinfang-hall", "device.ini", NULL);
}

gboolean
hall_device_config_save (GSettings  *settings,
                         const char *mode,
                         gint64      counter_id,
                         const char *url,
                         const char *fingerprint,
                         const char *username,
                         const char *password,
                         GError    **error)
{
  g_autoptr (GKeyFile) keys = g_key_file_new ();
  g_autofree char *path = credentials_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *data = NULL;
  gsize            length = 0;

  g_return_val_if_fail (G_IS_SETTINGS (settings), FALSE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _ ("Cannot make the folder “%s” for the hall: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  g_key_file_set_string (keys, "device", "username", username);
  g_key_file_set_string (keys, "device", "password", password);
  data = g_key_file_to_data (keys, &length, NULL);
  /* Written with mode 0600 from the start: the password is never readable by others. */
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  g_settings_delay (settings);
  g_settings_set_string (settings, "mode", "remote");
  g_settings_set_string (settings, "server-url", url);
  g_settings_set_string (settings, "server-fingerprint", fingerprint ? fingerprint : "");
  g_settings_set_string (settings, "device-mode", mode);
  g_settings_set_int64 (settings, "device-counter", counter_id);
  g_settings_set_string (settings, "last-username", username);
  g_settings_apply (settings);
  return TRUE;
}

gboolean
hall_device_config_load (char **username,
                         char **password)
{
  g_autoptr (GKeyFile) keys = g_key_file_new ();
  g_autofree char *path = credentials_path ();

  if (!g_key_file_load_from_file (keys, path, G_KEY_FILE_NONE, NULL))
    return FALSE;
  *username = g_key_file_get_string (keys, "device", "username", NULL);
  *password = g_key_file_get_string (keys, "device", "password", NULL);
  if (*username == NULL || *password == NULL)
    {
      g_clear_pointer (username, g_free);
      g_clear_pointer (password, g_free);
      return FALSE;
    }
  return TRUE;
}

void
hall_device_config_forget (GSettings *settings)
{
  g_autofree char *path = credentials_path ();

  g_return_if_fail (G_IS_SETTINGS (settings));

  g_unlink (path);
  g_settings_set_string (settings, "device-mode", "");
  g_settings_set_int64 (settings, "device-counter", 0);
}
