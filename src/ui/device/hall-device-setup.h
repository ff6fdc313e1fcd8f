/* hall-device-setup.h — making this PC a device of the hall: which device, the hall server and
 * the device account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HALL_TYPE_DEVICE_SETUP (hall_device_setup_get_type ())

G_DECLARE_FINAL_TYPE (HallDeviceSetup, hall_device_setup, HALL, DEVICE_SETUP, AdwWindow)

/* Writes what it learns to @settings (and the password beside the hall's data) once the hall
 * accepted the account, then emits "done" and closes. @mode preselects a device (may be NULL);
 * @counter_id a window (0 for none). */
HallDeviceSetup *hall_device_setup_new (GSettings  *settings,
                                        const char *mode,
                                        gint64      counter_id);

G_END_DECLS
