/* hall-welcome-page.h — the first run: start a hall here, join a hall server, or try the demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HALL_TYPE_WELCOME_PAGE (hall_welcome_page_get_type ())

G_DECLARE_FINAL_TYPE (HallWelcomePage, hall_welcome_page, HALL, WELCOME_PAGE, AdwBin)

GtkWidget *hall_welcome_page_new (void);
/* "choose", "create", "join" or "progress" */
const char *hall_welcome_page_get_step (HallWelcomePage *self);
/* Offers "Open the hall on this PC" when there already is one. */
void hall_welcome_page_set_local_exists (HallWelcomePage *self,
                                         gboolean         exists);
/* Back to the three choices, the forms emptied. */
void hall_welcome_page_reset (HallWelcomePage *self);
/* The page asks its window to make or open a hall through the actions "win.create-hall"
 * (ssss: the hall's name, username, display name, password), "win.open-demo" and
 * "win.open-local", and shows its progress until the window tells how it went: @error (NULL when
 * the hall opened) shows at the field it names, or as a toast. */
void hall_welcome_page_finish (HallWelcomePage *self,
                               const GError    *error);

G_END_DECLS
