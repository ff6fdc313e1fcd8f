/* hall-device-window.h — the window of a device PC: fullscreen, awake, signed in by itself, and
 * left only with an administrator's password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-client.h"
#include "hall-device-mode.h"

G_BEGIN_DECLS

#define HALL_TYPE_DEVICE_WINDOW (hall_device_window_get_type ())

G_DECLARE_FINAL_TYPE (HallDeviceWindow, hall_device_window, HALL, DEVICE_WINDOW, AdwApplicationWindow)

/* Signs @client in as @username with @mode's role (at @counter_id for a device at one window),
 * again and again until it can, then shows @mode's widget. Signal "left" (gboolean forget)
 * when an administrator has left the device; the window may then be destroyed. */
HallDeviceWindow *hall_device_window_new (GtkApplication       *app,
                                          const HallDeviceMode *mode,
                                          HallClient           *client,
                                          const char           *username,
                                          const char           *password,
                                          gint64                counter_id);
/* The mode's widget once signed in, else NULL. */
GtkWidget *hall_device_window_get_device (HallDeviceWindow *self);
/* Whether the "offline, reconnecting" notice shows. */
gboolean hall_device_window_get_offline (HallDeviceWindow *self);
/* Whether the screen is kept from blanking (the application's inhibit). */
gboolean hall_device_window_get_inhibited (HallDeviceWindow *self);
/* Opens the panel that leaves the device (as Ctrl+Alt+Q or a 5 s press in the top left corner). */
void hall_device_window_ask_unlock (HallDeviceWindow *self);

G_END_DECLS
