/* hall-screenshot-staff.c — the demo's window clerk at window 2: the counter, a matter
 * registered, the earlier matters alike and a repeat, the matters, a link and a reply
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-screenshot"

#include "config.h"

#include "hall-counter-page.h"
#include "hall-json-item.h"
#include "hall-matter-form.h"
#include "hall-matter-list-page.h"
#include "hall-screenshot.h"
#include "hall-ui-test-util.h"
#include "hall-workspace.h"

static gboolean
counter_loaded (gpointer data)
{
  return hall_counter_page_get_counter (data) != NULL;
}

static gboolean
candidates_shown (gpointer data)
{
  return gtk_widget_get_visible (hall_ui_test_find (data, "similar"));
}

static gboolean
form_answered (gpointer data)
{
  return hall_matter_form_get_result (data) != NULL;
}

/* The demo's window clerk at window 2: the visitor called and a matter being registered (with a
 * mistyped ID number), the earlier matters alike what another visitor says, linked to one and
 * recorded as a repeat, then their first-received matters with one open, and the matter with
 * the repeat. */
void
hall_screenshot_staff_counter (HallScreenshot *shot)
{
  HallWorkspace *workspace = hall_window_get_workspace (shot->window);
  GtkWidget     *counter = hall_workspace_get_page (workspace, "counter");
  GtkWidget     *matters = hall_workspace_get_page (workspace, "matters");
  GtkWidget     *form = hall_counter_page_get_matter_form (HALL_COUNTER_PAGE (counter));
  GListModel    *list = hall_matter_list_page_get_matters (HALL_MATTER_LIST_PAGE (matters));
  g_autoptr (GObject) first = NULL;
  gint64 repeated;

  hall_ui_test_wait (counter_loaded, counter, 60, "the window");
  hall_screenshot_settle (600);
  if (hall_counter_page_get_current (HALL_COUNTER_PAGE (counter)) == NULL)
    gtk_widget_activate_action (counter, "counter.call-next", NULL);
  hall_screenshot_settle (800);
  hall_screenshot_shoot (shot, "staff-counter");
  gtk_widget_activate_action (counter, "counter.register", NULL);
  hall_ui_test_type (form, "content", "小区拆迁补偿款至今未发放，要求尽快兑现");
  hall_ui_test_type (form, "petitioners[0].name", "刘桂兰");
  hall_ui_test_type (form, "petitioners[0].id_number", "430102198503151237");
  hall_screenshot_settle (600);
  hall_screenshot_shoot (shot, "staff-register");
  hall_matter_form_reset (HALL_MATTER_FORM (form));
  hall_ui_test_type (form, "petitioners[0].name", "周建华");
  hall_ui_test_type (form, "content", "小区电梯长期故障无人维修，物业还擅自提高物业费，要求住建部门督促整改");
  hall_ui_test_wait (candidates_shown, form, 30, "the earlier matters");
  hall_screenshot_settle (400);
  {
    GtkWidget *candidates = hall_ui_test_find (form, "similar_list");
    GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (candidates), 0));

    adw_action_row_activate (ADW_ACTION_ROW (row));
  }
  /* Scrolled to the panel: the button under it has the focus. */
  gtk_widget_grab_focus (hall_ui_test_find (form, "register_button"));
  hall_screenshot_settle (400);
  hall_screenshot_shoot (shot, "repeat-candidates");
  gtk_widget_activate_action (form, "matter-form.submit", NULL);
  hall_ui_test_wait (form_answered, form, 30, "the repeat recorded");
  hall_screenshot_settle (400);
  hall_screenshot_shoot (shot, "repeat-recorded");
  repeated = json_object_get_int_member (hall_matter_form_get_result (HALL_MATTER_FORM (form)),
                                         "matter_id");
  hall_workspace_show_page (workspace, "matters");
  hall_screenshot_settle (1200);
  first = g_list_model_get_item (list, 0);
  if (first != NULL)
    hall_matter_list_page_show_matter (HALL_MATTER_LIST_PAGE (matters),
                                       hall_json_item_get_id (HALL_JSON_ITEM (first)));
  hall_screenshot_settle (1200);
  hall_screenshot_shoot (shot, "staff-matters");
  hall_matter_list_page_show_matter (HALL_MATTER_LIST_PAGE (matters), repeated);
  hall_screenshot_settle (1200);
  hall_screenshot_shoot (shot, "repeat-matter");
  /* Linking another matter by hand: the form in the view, a number typed. */
  {
    GtkWidget *view = hall_matter_list_page_get_view (HALL_MATTER_LIST_PAGE (matters));

    if (gtk_widget_activate_action (view, "matter.link", NULL))
      {
        hall_ui_test_type (view, "linked_number", "XF2026-000002");
        hall_ui_test_type (view, "note", "同一小区电梯问题");
        hall_screenshot_settle (600);
        hall_screenshot_shoot (shot, "matter-link");
        gtk_widget_activate_action (view, "matter.cancel", NULL);
      }
  }

  /* The reply form of the matter shown (accepted first when it waits for its decision), its
   * basis left empty and said so at the field. */
  {
    GtkWidget *view = hall_matter_list_page_get_view (HALL_MATTER_LIST_PAGE (matters));

    if (gtk_widget_activate_action (view, "matter.accept", NULL))
      {
        gtk_widget_activate_action (view, "matter.apply", NULL);
        hall_screenshot_settle (1500);
      }
    if (gtk_widget_activate_action (view, "matter.reply", NULL))
      {
        hall_ui_test_type (view, "facts",
                           "经实地核查，小区物业自2026年9月起上调物业费，未经业主大会表决；"
                           "3号楼电梯停运两个月未修复。");
        hall_ui_test_type (view, "text", "责成物业公司恢复原收费标准，十日内修复电梯并通过检验。");
        gtk_widget_activate_action (view, "matter.apply", NULL);
        hall_screenshot_settle (600);
        hall_screenshot_shoot (shot, "staff-reply");
        gtk_widget_activate_action (view, "matter.cancel", NULL);
      }
  }
}

/* The matter the clerk's matters page shows, replied to, then the review request form (复查申请)
 * and the review opinion form (复查意见), each filled in. */
void
hall_screenshot_staff_review (HallScreenshot *shot)
{
  GtkWidget *matters = hall_workspace_get_page (hall_window_get_workspace (shot->window), "matters");
  GtkWidget *view = hall_matter_list_page_get_view (HALL_MATTER_LIST_PAGE (matters));

  if (!gtk_widget_activate_action (view, "matter.reply", NULL))
    return;
  hall_ui_test_type (view, "facts", "经核查，3号楼电梯停运两个月未修复。");
  hall_ui_test_type (view, "basis", "《物业管理条例》第五十五条");
  hall_ui_test_type (view, "text", "责成物业公司十日内修复电梯。");
  gtk_widget_activate_action (view, "matter.apply", NULL);
  g_object_set_data (G_OBJECT (view), "want-state", (gpointer) "replied");
  hall_ui_test_wait (hall_ui_test_matter_view_shows, view, 30, "the reply");
  gtk_widget_activate_action (view, "matter.review-request", NULL);
  hall_ui_test_type (view, "reason", "对答复不服：电梯修复后仍经常停运，请求复查。");
  /* The reply's toast gone (5 s). */
  hall_screenshot_settle (5500);
  hall_screenshot_shoot (shot, "staff-review-request");
  gtk_widget_activate_action (view, "matter.apply", NULL);
  g_object_set_data (G_OBJECT (view), "want-state", (gpointer) "review");
  hall_ui_test_wait (hall_ui_test_matter_view_shows, view, 30, "the review request");
  gtk_widget_activate_action (view, "matter.review-reply", NULL);
  hall_ui_test_type (view, "facts", "复查查明：电梯已更换主板，近十日运行正常。");
  hall_ui_test_type (view, "basis", "《信访工作条例》第三十五条");
  hall_ui_test_type (view, "text", "维持原答复意见。");
  hall_screenshot_settle (600);
  hall_screenshot_shoot (shot, "staff-review-opinion");
  gtk_widget_activate_action (view, "matter.cancel", NULL);
}
