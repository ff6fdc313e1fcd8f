/* hall-device-mode.h — the devices a PC can be set up as, and what it remembers of its setup
 *
 * Each device is one entry of the table in hall-device-mode.c: its name (the GSettings value
 * and the command-line option, `--display`), the role its account signs in with, a title, and
 * the widget it shows. A device that stands at one window (a rating pad) gives a constructor
 * that takes the window's id (`--counter N`).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hall-client.h"

G_BEGIN_DECLS

typedef GtkWidget *(*HallDeviceNewFunc) (HallClient *client);
typedef GtkWidget *(*HallDeviceNewAtCounterFunc) (HallClient *client,
                                                  gint64      counter_id);

typedef struct
{
  const char                *name;  /* "display": the setting's value and the option --display */
  const char                *role;  /* the role its account signs in with */
  const char                *title; /* N_(…), translated where shown */
  HallDeviceNewFunc          new_widget;
  HallDeviceNewAtCounterFunc new_widget_at_counter; /* instead, for a device at one window */
} HallDeviceMode;

/* Every device this build has, ending with an entry whose name is NULL. */
const HallDeviceMode *hall_device_modes (void);
const HallDeviceMode *hall_device_mode_lookup (const char *name);
gboolean              hall_device_mode_needs_counter (const HallDeviceMode *mode);
GtkWidget            *hall_device_mode_create (const HallDeviceMode *mode,
                                               HallClient           *client,
                                               gint64                counter_id);

/* The device account's password is kept in a file of the user's own (mode 0600) beside the
 * hall's data, like the hall database of a single-PC hall; the rest in GSettings. */
gboolean hall_device_config_save (GSettings  *settings,
                                  const char *mode,
                                  gint64      counter_id,
                                  const char *url,
                                  const char *fingerprint,
                                  const char *username,
                                  const char *password,
                                  GError    **error);
/* The device's account, or FALSE when this PC is no device (or its password was removed). */
gboolean hall_device_config_load (char **username,
                                  char **password);
/* This PC is no device any more: the mode and the password are forgotten, the hall stays. */
void hall_device_config_forget (GSettings *settings);

G_END_DECLS
