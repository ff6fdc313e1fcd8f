/* hall-window.h — the main window: first run, sign-in and the workspace of the role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-signin-page.h"
#include "hall-welcome-page.h"
#include "hall-workspace.h"

G_BEGIN_DECLS

#define HALL_TYPE_WINDOW (hall_window_get_type ())

G_DECLARE_FINAL_TYPE (HallWindow, hall_window, HALL, WINDOW, AdwApplicationWindow)

/* The window of @application (a HallApplication), whose hall it shows. The pages in it ask for
 * what only the window or the application can do through the window's actions: "win.create-hall",
 * "win.open-demo", "win.open-local", "win.join-hall", "win.offer-create", "win.sign-out" … */
HallWindow *hall_window_new (GtkApplication *application);
void        hall_window_show_toast (HallWindow *self,
                                    const char *message);
/* "loading", "welcome", "signin" or "workspace" */
const char      *hall_window_get_page_name (HallWindow *self);
HallWelcomePage *hall_window_get_welcome_page (HallWindow *self);
HallSigninPage  *hall_window_get_signin_page (HallWindow *self);
HallWorkspace   *hall_window_get_workspace (HallWindow *self);
/* The hall's name as hall.info gives it, or NULL before it is known. */
const char *hall_window_get_hall_name (HallWindow *self);
/* The role the window works in (the "win.role" action's state), or NULL when signed out. */
const char *hall_window_get_role (HallWindow *self);

G_END_DECLS
