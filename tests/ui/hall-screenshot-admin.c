/* hall-screenshot-admin.c — the demo's administrator: the hall's setup, accounts, the calendar
 * (its date field's calendar open), backup and audit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-screenshot"

#include "config.h"

#include "hall-screenshot.h"
#include "hall-ui-test-util.h"
#include "hall-workspace.h"

static const char *const admin_pages[] = { "admin-setup", "admin-accounts", "admin-calendar",
                                           "admin-maintenance" };

/* The admin's calendar page with its date field's calendar open on October 2026: the National
 * Day holidays and the make-up working day marked and named. */
void
hall_screenshot_admin_date_picker (HallScreenshot *shot)
{
  HallWorkspace *workspace = hall_window_get_workspace (shot->window);
  GtkWidget     *page = hall_workspace_get_page (workspace, "admin-calendar");
  GtkWidget     *row = hall_ui_test_find (page, "day_date");
  GtkWidget     *button = hall_ui_test_find (row, "date_button");

  hall_workspace_show_page (workspace, "admin-calendar");
  hall_screenshot_settle (800);
  hall_ui_test_type (page, "day_date", "20261008");
  gtk_widget_grab_focus (row);
  hall_screenshot_settle (300);
  gtk_widget_activate_action (row, "date-row.open", NULL);
  hall_screenshot_settle (1200);
  hall_screenshot_shoot_widget (shot, GTK_WIDGET (shot->window), GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))), "date-picker");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

/* The hall's setup, accounts, the calendar, backup and audit. */
void
hall_screenshot_admin_pages (HallScreenshot *shot)
{
  for (guint i = 0; i < G_N_ELEMENTS (admin_pages); i++)
    {
      hall_workspace_show_page (hall_window_get_workspace (shot->window), admin_pages[i]);
      hall_screenshot_settle (800);
      hall_screenshot_shoot (shot, admin_pages[i]);
    }
}
