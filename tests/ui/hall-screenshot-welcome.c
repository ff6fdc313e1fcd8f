/* hall-screenshot-welcome.c — the shots before anyone signs in: the first-run page, a hall being
 * created, the halls found on the LAN, the demo hall's sign-in page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-screenshot"

#include "config.h"

#include "hall-announce.h"
#include "hall-screenshot.h"
#include "hall-ui-test-util.h"

static gboolean
two_halls_listed (gpointer data)
{
  return gtk_list_box_get_row_at_index (data, 1) != NULL;
}

void
hall_screenshot_welcome_first_run (HallScreenshot *shot)
{
  hall_screenshot_shoot (shot, "welcome");
}

/* A new hall's form with a user name the hall refuses and a password too short. */
void
hall_screenshot_welcome_create (HallScreenshot *shot)
{
  GtkWidget *welcome = GTK_WIDGET (hall_window_get_welcome_page (shot->window));

  gtk_widget_activate_action (welcome, "welcome.show-create", NULL);
  hall_ui_test_type (welcome, "username", "zhang san");
  hall_ui_test_type (welcome, "password", "1234");
  gtk_widget_activate_action (welcome, "welcome.create", NULL);
  hall_screenshot_shoot (shot, "create");
  gtk_widget_activate_action (welcome, "welcome.back", NULL);
}

/* The join page with two halls on the LAN (made-up ports and fingerprints: only listed). */
void
hall_screenshot_welcome_join_list (HallScreenshot *shot)
{
  GtkWidget *welcome = GTK_WIDGET (hall_window_get_welcome_page (shot->window));
  g_autoptr (HallAnnounce) first = NULL;
  g_autoptr (HallAnnounce) second = NULL;

  if (shot->avahi == NULL)
    return;
  first = hall_announce_new ("城关镇信访超市", 8443, "3A:0F:5C:11:9B:E2:47:D0:8C:6A:21:F4:93:7E:B5:02:"
                                                     "C8:4D:16:AF:E9:30:72:5B:88:C1:0D:64:FA:27:9E:B3");
  second = hall_announce_new ("开发区信访超市", 8443, "91:7C:E4:2B:05:D8:6F:A3:1E:C9:50:B7:34:8A:F2:6D:"
                                                      "0B:E5:93:47:2C:DA:61:F8:15:9E:A7:3C:D0:84:6B:29");
  gtk_widget_activate_action (welcome, "welcome.show-join", NULL);
  hall_ui_test_wait (two_halls_listed, hall_ui_test_find (welcome, "found_list"), 60,
                     "two halls on the LAN");
  hall_screenshot_settle (300);
  hall_screenshot_shoot (shot, "join-list");
  gtk_widget_activate_action (welcome, "welcome.back", NULL);
}

void
hall_screenshot_welcome_signin (HallScreenshot *shot)
{
  hall_screenshot_shoot (shot, "signin");
}
