/* hall-screenshot-manager.c — the demo's hall manager: the board, the statistics, the ledgers,
 * triage and the queue, the roster, escalations, the windows, follow-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-screenshot"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-board-page.h"
#include "hall-followup-page.h"
#include "hall-ledgers-page.h"
#include "hall-screenshot.h"
#include "hall-stats-page.h"
#include "hall-ui-test-util.h"
#include "hall-workspace.h"

static gboolean
board_loaded (gpointer data)
{
  GtkWidget *board = hall_workspace_get_page (hall_window_get_workspace (data), "board");

  return board != NULL
         && g_list_model_get_n_items (hall_board_page_get_counters (HALL_BOARD_PAGE (board))) > 0;
}

void
hall_screenshot_manager_board (HallScreenshot *shot)
{
  hall_ui_test_wait (board_loaded, shot->window, 60, "the hall board");
  hall_screenshot_shoot (shot, "board");
}

static gboolean
followup_loaded (gpointer data)
{
  return g_list_model_get_n_items (hall_followup_page_get_items (data)) > 0;
}

/* 回访核实: the demo's closed matters waiting for their call, the first one chosen and the call
 * got through. */
void
hall_screenshot_manager_followup (HallScreenshot *shot)
{
  GtkWidget *page =
      hall_screenshot_show_page (shot, "followup", followup_loaded, "the follow-up list");

  gtk_list_box_select_row (
      GTK_LIST_BOX (hall_ui_test_find (page, "items")),
      gtk_list_box_get_row_at_index (GTK_LIST_BOX (hall_ui_test_find (page, "items")), 0));
  gtk_widget_activate_action (page, "followup.result", "s", "reached");
  gtk_widget_activate_action (page, "followup.satisfaction", "s", "basic");
  hall_screenshot_settle (800);
  hall_screenshot_shoot (shot, "followup");
}

/* The hall manager's pages: triage with a ticket just issued and the next visitor's problem
 * picked, the queue, the duty roster, escalations, the windows. */
void
hall_screenshot_manager_pages (HallScreenshot *shot)
{
  HallWorkspace *workspace = hall_window_get_workspace (shot->window);
  GtkWidget     *triage;

  hall_workspace_show_page (workspace, "triage");
  triage = hall_workspace_get_page (workspace, "triage");
  hall_screenshot_settle (600);
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (triage, "category")), 1);
  gtk_widget_activate_action (triage, "triage.issue", NULL);
  hall_screenshot_settle (600);
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (triage, "category")), 3);
  hall_ui_test_type (triage, "id_number", "430102198506120022");
  hall_screenshot_shoot (shot, "triage");
  hall_workspace_show_page (workspace, "queue");
  hall_screenshot_shoot (shot, "queue");
  hall_workspace_show_page (workspace, "roster");
  hall_screenshot_shoot (shot, "roster");
  hall_workspace_show_page (workspace, "escalations");
  hall_screenshot_shoot (shot, "escalations");
  hall_workspace_show_page (workspace, "windows");
  hall_screenshot_shoot (shot, "windows");
}

static gboolean
statistics_loaded (gpointer data)
{
  return hall_stats_page_get_summary (data) != NULL && !hall_page_is_loading (data);
}

/* The statistics page (统计) on the demo hall's month: the 统计表, the two charts, the tables. */
void
hall_screenshot_manager_statistics (HallScreenshot *shot)
{
  hall_screenshot_show_page (shot, "statistics", statistics_loaded, "the statistics");
  hall_screenshot_shoot (shot, "statistics");
}

static gboolean
ledgers_loaded (gpointer data)
{
  return !hall_ledgers_page_is_loading (data);
}

/* The ledgers page (台账): the matters ledger of the demo hall's month, then the disputes ledger
 * and the form of a new dispute. */
void
hall_screenshot_manager_ledgers (HallScreenshot *shot)
{
  GtkWidget *page = hall_screenshot_show_page (shot, "ledgers", ledgers_loaded, "the disputes");

  gtk_drop_down_set_selected (GTK_DROP_DOWN (hall_ui_test_find (page, "ledger")), 4);
  hall_screenshot_settle (300);
  hall_ui_test_wait (ledgers_loaded, page, 120, "the matters");
  hall_screenshot_shoot (shot, "ledgers");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (hall_ui_test_find (page, "ledger")), 0);
  hall_screenshot_settle (300);
  hall_ui_test_wait (ledgers_loaded, page, 120, "the disputes");
  hall_screenshot_shoot (shot, "ledgers-disputes");
  gtk_widget_activate_action (page, "ledgers.new-dispute", NULL);
  hall_screenshot_settle (800);
  {
    GListModel *windows = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
      {
        g_autoptr (GtkWindow) form = g_list_model_get_item (windows, i);

        if (g_strcmp0 (gtk_window_get_title (form), _ ("New Dispute")) == 0)
          {
            hall_screenshot_shoot_widget (shot, GTK_WIDGET (form), NULL, "ledgers-dispute-form");
            gtk_window_destroy (form);
            break;
          }
      }
  }
}
