/* hall-preferences-window.h — where this PC's hall is, and hosting it for other PCs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-application.h"

G_BEGIN_DECLS

#define HALL_TYPE_PREFERENCES_WINDOW (hall_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (HallPreferencesWindow,
                      hall_preferences_window,
                      HALL,
                      PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

HallPreferencesWindow *hall_preferences_window_new (HallApplication *application);

G_END_DECLS
