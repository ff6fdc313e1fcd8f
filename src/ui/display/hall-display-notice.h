/* hall-display-notice.h — where the manager and the admin write the calling display's notice
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_DISPLAY_NOTICE (hall_display_notice_get_type ())

G_DECLARE_FINAL_TYPE (HallDisplayNotice, hall_display_notice, HALL, DISPLAY_NOTICE, HallPage)

GtkWidget *hall_display_notice_new (HallClient *client);

G_END_DECLS
