/* hall-windows-page.h — the manager's window settings: open, pause or close any window, and the
 * departments each serves
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_WINDOWS_PAGE (hall_windows_page_get_type ())

G_DECLARE_FINAL_TYPE (HallWindowsPage, hall_windows_page, HALL, WINDOWS_PAGE, HallPage)

GtkWidget *hall_windows_page_new (HallClient *client);
/* The windows shown (counter objects as hall.snapshot gives them), or NULL. */
JsonArray *hall_windows_page_get_counters (HallWindowsPage *self);
gboolean   hall_windows_page_get_busy (HallWindowsPage *self);
/* The open pause, close or departments dialog, or NULL. */
AdwMessageDialog *hall_windows_page_get_dialog (HallWindowsPage *self);

G_END_DECLS
