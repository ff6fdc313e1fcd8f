/* hall-screenshot.h — what the shots of hall-screenshot share: the run, the pictures, the shots
 *
 * A shot is one function here and one row of hall-screenshot.c's table, which says who is
 * signed in when it runs; the shots of a feature live in hall-screenshot-<feature>.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-application.h"
#include "hall-test-avahi.h"
#include "hall-window.h"

G_BEGIN_DECLS

typedef struct
{
  HallApplication *app;
  HallWindow      *window;
  /* An avahi-daemon of the run's own, or NULL where none could run. */
  HallTestAvahi *avahi;
  /* The folder the PNGs go to. */
  const char *out;
} HallScreenshot;

/* Lets the window draw a few frames (spinners stop, transitions end). */
void hall_screenshot_settle (guint milliseconds);
/* Saves @window (and @popover, one open over it, or NULL) as DIR/@name-@scheme.png, from a frame
 * it has drawn. */
void hall_screenshot_save_png (HallScreenshot *shot,
                               GtkWidget      *window,
                               GtkWidget      *popover,
                               const char     *name,
                               const char     *scheme);
/* @window (with @popover or NULL) in the light style, then the dark one. */
void hall_screenshot_shoot_widget (HallScreenshot *shot,
                                   GtkWidget      *window,
                                   GtkWidget      *popover,
                                   const char     *name);
/* The app's window in the light style, then the dark one. */
void hall_screenshot_shoot (HallScreenshot *shot,
                            const char     *name);

/* Shows the workspace's page @name and waits (two minutes at the most) until @loaded holds for
 * it; returns the page. */
GtkWidget *hall_screenshot_show_page (HallScreenshot *shot,
                                      const char     *name,
                                      gboolean (*loaded) (gpointer page),
                                      const char *what);

/* hall-screenshot-welcome.c: no hall open, then the demo's sign-in page. */
void hall_screenshot_welcome_first_run (HallScreenshot *shot);
void hall_screenshot_welcome_create (HallScreenshot *shot);
void hall_screenshot_welcome_join_list (HallScreenshot *shot);
void hall_screenshot_welcome_signin (HallScreenshot *shot);

/* hall-screenshot-manager.c: the demo's hall manager. */
void hall_screenshot_manager_board (HallScreenshot *shot);
void hall_screenshot_manager_statistics (HallScreenshot *shot);
void hall_screenshot_manager_ledgers (HallScreenshot *shot);
void hall_screenshot_manager_pages (HallScreenshot *shot);
void hall_screenshot_manager_followup (HallScreenshot *shot);

/* hall-screenshot-admin.c: the demo's administrator. */
void hall_screenshot_admin_pages (HallScreenshot *shot);
void hall_screenshot_admin_date_picker (HallScreenshot *shot);

/* hall-screenshot-staff.c: the demo's window clerk at window 2. */
void hall_screenshot_staff_counter (HallScreenshot *shot);
/* After it: the matter shown replied to, its review request and review opinion forms. */
void hall_screenshot_staff_review (HallScreenshot *shot);

/* hall-screenshot-leader.c: the demo's leader. */
void hall_screenshot_leader_pages (HallScreenshot *shot);

/* hall-screenshot-devices.c: the calling display (on the manager's client), a rating pad and the
 * ticket kiosk (on halls of their own). */
void hall_screenshot_devices_display (HallScreenshot *shot);
void hall_screenshot_devices_rating_pad (HallScreenshot *shot);
void hall_screenshot_devices_kiosk (HallScreenshot *shot);

G_END_DECLS
