/* hall-screenshot-leader.c — the demo's leader: today's reception, supervision with a 约谈, a
 * matter taken in charge with its 五个一
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-screenshot"

#include "config.h"

#include "hall-charges-page.h"
#include "hall-json-item.h"
#include "hall-reception-page.h"
#include "hall-screenshot.h"
#include "hall-supervision-page.h"
#include "hall-ui-test-util.h"
#include "hall-workspace.h"

static gboolean
supervision_loaded (gpointer data)
{
  return g_list_model_get_n_items (hall_supervision_page_get_list (data, "overdue")) > 0;
}

static gboolean
charge_open (gpointer data)
{
  return hall_charges_page_get_current (data) != NULL;
}

/* A 约谈 about @overdue: the form filled in, then the list under the supervision lists. */
static void
shoot_talk (HallScreenshot *shot,
            GtkWidget      *supervision,
            JsonObject     *overdue)
{
  g_autofree char *check = g_strdup_printf (
      "talk-matter-%" G_GINT64_FORMAT, json_object_get_int_member (overdue, "matter_id"));
  GtkWidget     *scrolled;
  GtkAdjustment *adjustment;

  gtk_widget_activate_action (supervision, "supervision.new-talk", NULL);
  hall_ui_test_select (supervision, "department_id", "城建");
  hall_ui_test_type (supervision, "subject", "城建领域信访事项未按期办结");
  hall_ui_test_type (supervision, "content",
                     "约谈城建局负责人，通报逾期未办结情况，要求十日内办结并书面报告整改措施。");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (hall_ui_test_find (supervision, check)), TRUE);
  hall_screenshot_settle (600);
  hall_screenshot_shoot (shot, "supervision-talk-form");
  gtk_widget_activate_action (supervision, "supervision.talk-submit", NULL);
  /* The toast gone first: it would hide the list's last row. */
  hall_screenshot_settle (6000);
  scrolled = gtk_widget_get_ancestor (hall_ui_test_find (supervision, "talks"),
                                      GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  hall_screenshot_settle (600);
  hall_screenshot_shoot (shot, "supervision-talks");
  gtk_adjustment_set_value (adjustment, 0);
}

/* The demo's leader: today's reception (a visitor's record when one waits), supervision, and a
 * matter taken in charge from there with its 五个一. */
void
hall_screenshot_leader_pages (HallScreenshot *shot)
{
  HallWorkspace *workspace = hall_window_get_workspace (shot->window);
  GtkWidget     *reception = hall_workspace_get_page (workspace, "reception");
  GtkWidget     *supervision = hall_workspace_get_page (workspace, "supervision");
  GtkWidget     *charges = hall_workspace_get_page (workspace, "charges");
  GListModel    *visitors = hall_reception_page_get_visitors (HALL_RECEPTION_PAGE (reception));
  g_autoptr (GObject) first = NULL;
  g_autoptr (GObject) overdue = NULL;
  g_autoptr (GObject) charge = NULL;

  hall_workspace_show_page (workspace, "reception");
  hall_screenshot_settle (1200);
  hall_screenshot_shoot (shot, "leader-reception");
  first = g_list_model_get_item (visitors, 0);
  if (first != NULL)
    {
      JsonObject *visitor = hall_json_item_get_data (HALL_JSON_ITEM (first));

      gtk_widget_activate_action (reception, "reception.record", "x",
                                  json_object_get_int_member (visitor, "escalation_id"));
      hall_screenshot_settle (1200);
      hall_screenshot_shoot (shot, "leader-record");
    }

  hall_screenshot_show_page (shot, "supervision", supervision_loaded, "the supervision lists");
  hall_screenshot_settle (600);
  hall_screenshot_shoot (shot, "leader-supervision");
  overdue = g_list_model_get_item (
      hall_supervision_page_get_list (HALL_SUPERVISION_PAGE (supervision), "overdue"), 0);
  shoot_talk (shot, supervision, hall_json_item_get_data (HALL_JSON_ITEM (overdue)));
  gtk_widget_activate_action (
      supervision, "supervision.take-charge", "x",
      json_object_get_int_member (hall_json_item_get_data (HALL_JSON_ITEM (overdue)), "matter_id"));
  hall_screenshot_settle (1200);
  hall_workspace_show_page (workspace, "charges");
  hall_screenshot_settle (1200);
  hall_screenshot_shoot (shot, "leader-charges");
  charge = g_list_model_get_item (hall_charges_page_get_charges (HALL_CHARGES_PAGE (charges)), 0);
  gtk_widget_activate_action (
      charges, "charges.open", "x",
      json_object_get_int_member (hall_json_item_get_data (HALL_JSON_ITEM (charge)), "id"));
  hall_ui_test_wait (charge_open, charges, 60, "the charge");
  hall_screenshot_settle (600);
  hall_screenshot_shoot (shot, "leader-charge");
}
