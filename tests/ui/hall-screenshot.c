/* hall-screenshot.c — saves a PNG of each page of the app, light and dark
 *
 *   LANG=zh_CN.UTF-8 xvfb-run -a build/tests/hall-screenshot OUTPUT-DIR [HEIGHT [WIDTH]]
 *
 * Runs the real app on the demo hall: the first-run page, the sign-in page and the hall board
 * of the demo's hall manager, each in the light and the dark style, and a date field's calendar
 * open. As root, with avahi-daemon and dbus-daemon installed, also the join page listing two
 * halls found on the LAN (announced to a daemon of its own, hall-test-avahi.h). Then a window's
 * rating pad at 1024×600, idle and asking (HALL_SCREENSHOT_ONLY=rating-pad takes only those;
 * HALL_SCREENSHOT_ONLY=staff only the window clerk's pages, =leader only the leader's).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "hall-board-page.h"
#include "hall-charges-page.h"
#include "hall-followup-page.h"
#include "hall-reception-form.h"
#include "hall-reception-page.h"
#include "hall-supervision-page.h"
#include "hall-json-item.h"
#include "hall-kiosk-page.h"
#include "hall-local-client.h"
#include "hall-rating-pad.h"
#include "hall-counter-page.h"
#include "hall-matter-form.h"
#include "hall-matter-list-page.h"
#include "hall-announce.h"
#include "hall-demo.h"
#include "hall-test-avahi.h"
#include "hall-display-page.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"
#include "hall-stats-page.h"
#include "hall-ledgers-page.h"

/* Lets the window draw a few frames (spinners stop, transitions end). */
static void
settle (guint ms)
{
  hall_ui_test_pause (ms);
}

/* Draws @popover (a GtkPopover open over @window) where it shows: a popover is a surface of its
 * own, which the window's picture leaves out. */
static void
snapshot_popover (GtkSnapshot *snapshot,
                  GtkWidget   *window,
                  GtkWidget   *popover)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (popover);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
  double      window_x, window_y, popover_x, popover_y;

  gtk_native_get_surface_transform (GTK_NATIVE (window), &window_x, &window_y);
  gtk_native_get_surface_transform (GTK_NATIVE (popover), &popover_x, &popover_y);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (
      snapshot, &GRAPHENE_POINT_INIT (gdk_popup_get_position_x (GDK_POPUP (surface)) + popover_x
                                          - window_x,
                                      gdk_popup_get_position_y (GDK_POPUP (surface)) + popover_y
                                          - window_y));
  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (popover),
                          gtk_widget_get_height (popover));
  gtk_snapshot_restore (snapshot);
}

static void
save_png (GtkWidget  *widget,
          GtkWidget  *popover,
          const char *dir,
          const char *name,
          const char *scheme)
{
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, scheme);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  GskRenderer     *renderer = gtk_native_get_renderer (GTK_NATIVE (widget));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  if (popover != NULL)
    snapshot_popover (snapshot, widget, popover);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Cannot write %s", path);
  g_print ("%s\n", path);
}

static const char *const admin_pages[] = { "admin-setup", "admin-accounts", "admin-calendar",
                                           "admin-maintenance" };

static gboolean
board_loaded (gpointer data)
{
  GtkWidget *board = hall_workspace_get_page (hall_window_get_workspace (data), "board");

  return board != NULL
         && g_list_model_get_n_items (hall_board_page_get_counters (HALL_BOARD_PAGE (board))) > 0;
}

/* @popover: one open over the window, or NULL. */
static void
shoot_with (GtkWidget  *window,
            GtkWidget  *popover,
            const char *dir,
            const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  settle (600);
  save_png (window, popover, dir, name, "light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  settle (600);
  save_png (window, popover, dir, name, "dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
shoot (HallWindow *window,
       const char *dir,
       const char *name)
{
  shoot_with (GTK_WIDGET (window), NULL, dir, name);
}

/* The admin's calendar page with its date field's calendar open on October 2026: the National
 * Day holidays and the make-up working day marked and named. */
static void
shoot_date_picker (HallWindow *window,
                   const char *out)
{
  HallWorkspace *workspace = hall_window_get_workspace (window);
  GtkWidget     *page = hall_workspace_get_page (workspace, "admin-calendar");
  GtkWidget     *row = hall_ui_test_find (page, "day_date");
  GtkWidget     *button = hall_ui_test_find (row, "date_button");

  hall_workspace_show_page (workspace, "admin-calendar");
  settle (800);
  hall_ui_test_type (page, "day_date", "20261008");
  gtk_widget_grab_focus (row);
  settle (300);
  gtk_widget_activate_action (row, "date-row.open", NULL);
  settle (1200);
  shoot_with (GTK_WIDGET (window), GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (button))), out,
              "date-picker");
  gtk_menu_button_popdown (GTK_MENU_BUTTON (button));
}

/* The hall manager's pages: triage with a ticket just issued and the next visitor's problem
 * picked, the queue, the duty roster. */
static gboolean
followup_loaded (gpointer data)
{
  return g_list_model_get_n_items (hall_followup_page_get_items (data)) > 0;
}

/* 回访核实: the demo's closed matters waiting for their call, the first one chosen and the call
 * got through. */
static void
shoot_followup (HallWindow *window,
                const char *out)
{
  HallWorkspace *workspace = hall_window_get_workspace (window);
  GtkWidget     *page = hall_workspace_get_page (workspace, "followup");

  hall_workspace_show_page (workspace, "followup");
  hall_ui_test_wait (followup_loaded, page, 60, "the follow-up list");
  gtk_list_box_select_row (
      GTK_LIST_BOX (hall_ui_test_find (page, "items")),
      gtk_list_box_get_row_at_index (GTK_LIST_BOX (hall_ui_test_find (page, "items")), 0));
  gtk_widget_activate_action (page, "followup.result", "s", "reached");
  gtk_widget_activate_action (page, "followup.satisfaction", "s", "basic");
  settle (800);
  shoot (window, out, "followup");
}

static void
shoot_manager (HallWindow *window,
               const char *out)
{
  HallWorkspace *workspace = hall_window_get_workspace (window);
  GtkWidget     *triage;

  hall_workspace_show_page (workspace, "triage");
  triage = hall_workspace_get_page (workspace, "triage");
  settle (600);
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (triage, "category")), 1);
  gtk_widget_activate_action (triage, "triage.issue", NULL);
  settle (600);
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (triage, "category")), 3);
  hall_ui_test_type (triage, "id_number", "430102198506120022");
  shoot (window, out, "triage");
  hall_workspace_show_page (workspace, "queue");
  shoot (window, out, "queue");
  hall_workspace_show_page (workspace, "roster");
  shoot (window, out, "roster");
  hall_workspace_show_page (workspace, "escalations");
  shoot (window, out, "escalations");
  hall_workspace_show_page (workspace, "windows");
  shoot (window, out, "windows");
  shoot_followup (window, out);
}

static gboolean
statistics_loaded (gpointer data)
{
  return hall_stats_page_get_summary (data) != NULL && !hall_page_is_loading (data);
}

/* The statistics page (统计) on the demo hall's month: the 统计表, the two charts, the tables. */
static void
shoot_statistics (HallWindow *window,
                  const char *out)
{
  HallWorkspace *workspace = hall_window_get_workspace (window);
  GtkWidget     *page = hall_workspace_get_page (workspace, "statistics");

  hall_workspace_show_page (workspace, "statistics");
  hall_ui_test_wait (statistics_loaded, page, 120, "the statistics");
  shoot (window, out, "statistics");
}

static gboolean
ledgers_loaded (gpointer data)
{
  return !hall_ledgers_page_is_loading (data);
}

/* The ledgers page (台账): the matters ledger of the demo hall's month, then the disputes ledger
 * and the form of a new dispute. */
static void
shoot_ledgers (HallWindow *window,
               const char *out)
{
  HallWorkspace *workspace = hall_window_get_workspace (window);
  GtkWidget     *page = hall_workspace_get_page (workspace, "ledgers");

  hall_workspace_show_page (workspace, "ledgers");
  hall_ui_test_wait (ledgers_loaded, page, 120, "the disputes");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (hall_ui_test_find (page, "ledger")), 4);
  settle (300);
  hall_ui_test_wait (ledgers_loaded, page, 120, "the matters");
  shoot (window, out, "ledgers");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (hall_ui_test_find (page, "ledger")), 0);
  settle (300);
  hall_ui_test_wait (ledgers_loaded, page, 120, "the disputes");
  shoot (window, out, "ledgers-disputes");
  gtk_widget_activate_action (page, "ledgers.new-dispute", NULL);
  settle (800);
  {
    GListModel *windows = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
      {
        g_autoptr (GtkWindow) form = g_list_model_get_item (windows, i);

        if (g_strcmp0 (gtk_window_get_title (form), _ ("New Dispute")) == 0)
          {
            shoot_with (GTK_WIDGET (form), NULL, out, "ledgers-dispute-form");
            gtk_window_destroy (form);
            break;
          }
      }
  }
}

static gboolean
display_loaded (gpointer data)
{
  return *hall_display_page_get_call_text (data) != '\0';
}

static void
notice_set_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, NULL);

  *(gboolean *) user_data = TRUE;
}

/* The calling display (叫号大屏) as a 1920×1080 television shows it, with the hall manager's
 * client on the demo hall and a notice. */
static void
shoot_display (HallApplication *app,
               const char      *out)
{
  HallClient      *client = hall_application_get_client (app);
  GtkWidget       *window = gtk_window_new ();
  GtkWidget       *page = hall_display_page_new (client);
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr (JsonObject) params = json_object_new ();
  gboolean set = FALSE;

  json_object_set_string_member (params, "text",
                                 "温馨提示：请按号排队，保管好随身物品；12:00—13:30 午间 1 号窗口照常办理。");
  hall_client_call_async (client, "display.notice_set", params, NULL, notice_set_cb, &set);
  hall_ui_test_wait (hall_ui_test_flag_set, &set, 30, "the display's notice");
  gtk_window_set_decorated (GTK_WINDOW (window), FALSE);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  hall_ui_test_wait (display_loaded, page, 60, "the calling display");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  settle (1500);
  save_png (window, NULL, out, "display", "light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  settle (800);
  save_png (window, NULL, out, "display", "dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  gtk_window_destroy (GTK_WINDOW (window));
}

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
static void
shoot_staff (HallWindow *window,
             const char *out)
{
  HallWorkspace *workspace = hall_window_get_workspace (window);
  GtkWidget     *counter = hall_workspace_get_page (workspace, "counter");
  GtkWidget     *matters = hall_workspace_get_page (workspace, "matters");
  GtkWidget     *form = hall_counter_page_get_matter_form (HALL_COUNTER_PAGE (counter));
  GListModel    *list = hall_matter_list_page_get_matters (HALL_MATTER_LIST_PAGE (matters));
  g_autoptr (GObject) first = NULL;
  gint64 repeated;

  hall_ui_test_wait (counter_loaded, counter, 60, "the window");
  settle (600);
  if (hall_counter_page_get_current (HALL_COUNTER_PAGE (counter)) == NULL)
    gtk_widget_activate_action (counter, "counter.call-next", NULL);
  settle (800);
  shoot (window, out, "staff-counter");
  gtk_widget_activate_action (counter, "counter.register", NULL);
  hall_ui_test_type (form, "content", "小区拆迁补偿款至今未发放，要求尽快兑现");
  hall_ui_test_type (form, "petitioners[0].name", "刘桂兰");
  hall_ui_test_type (form, "petitioners[0].id_number", "430102198503151237");
  settle (600);
  shoot (window, out, "staff-register");
  hall_matter_form_reset (HALL_MATTER_FORM (form));
  hall_ui_test_type (form, "petitioners[0].name", "周建华");
  hall_ui_test_type (form, "content", "小区电梯长期故障无人维修，物业还擅自提高物业费，要求住建部门督促整改");
  hall_ui_test_wait (candidates_shown, form, 30, "the earlier matters");
  settle (400);
  {
    GtkWidget *candidates = hall_ui_test_find (form, "similar_list");
    GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (candidates), 0));

    adw_action_row_activate (ADW_ACTION_ROW (row));
  }
  /* Scrolled to the panel: the button under it has the focus. */
  gtk_widget_grab_focus (hall_ui_test_find (form, "register_button"));
  settle (400);
  shoot (window, out, "repeat-candidates");
  gtk_widget_activate_action (form, "matter-form.submit", NULL);
  hall_ui_test_wait (form_answered, form, 30, "the repeat recorded");
  settle (400);
  shoot (window, out, "repeat-recorded");
  repeated = json_object_get_int_member (hall_matter_form_get_result (HALL_MATTER_FORM (form)),
                                         "matter_id");
  hall_workspace_show_page (workspace, "matters");
  settle (1200);
  first = g_list_model_get_item (list, 0);
  if (first != NULL)
    hall_matter_list_page_show_matter (HALL_MATTER_LIST_PAGE (matters),
                                       hall_json_item_get_id (HALL_JSON_ITEM (first)));
  settle (1200);
  shoot (window, out, "staff-matters");
  hall_matter_list_page_show_matter (HALL_MATTER_LIST_PAGE (matters), repeated);
  settle (1200);
  shoot (window, out, "repeat-matter");
  /* Linking another matter by hand: the form in the view, a number typed. */
  {
    GtkWidget *view = hall_matter_list_page_get_view (HALL_MATTER_LIST_PAGE (matters));

    if (gtk_widget_activate_action (view, "matter.link", NULL))
      {
        hall_ui_test_type (view, "linked_number", "XF2026-000002");
        hall_ui_test_type (view, "note", "同一小区电梯问题");
        settle (600);
        shoot (window, out, "matter-link");
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
        settle (1500);
      }
    if (gtk_widget_activate_action (view, "matter.reply", NULL))
      {
        hall_ui_test_type (view, "facts",
                           "经实地核查，小区物业自2026年9月起上调物业费，未经业主大会表决；"
                           "3号楼电梯停运两个月未修复。");
        hall_ui_test_type (view, "text", "责成物业公司恢复原收费标准，十日内修复电梯并通过检验。");
        gtk_widget_activate_action (view, "matter.apply", NULL);
        settle (600);
        shoot (window, out, "staff-reply");
        gtk_widget_activate_action (view, "matter.cancel", NULL);
      }
  }
}

/* The matter the clerk's matters page shows, replied to, then the review request form (复查申请)
 * and the review opinion form (复查意见), each filled in. */
static void
shoot_review (HallWindow *window,
              const char *out)
{
  GtkWidget *matters = hall_workspace_get_page (hall_window_get_workspace (window), "matters");
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
  settle (5500);
  shoot (window, out, "staff-review-request");
  gtk_widget_activate_action (view, "matter.apply", NULL);
  g_object_set_data (G_OBJECT (view), "want-state", (gpointer) "review");
  hall_ui_test_wait (hall_ui_test_matter_view_shows, view, 30, "the review request");
  gtk_widget_activate_action (view, "matter.review-reply", NULL);
  hall_ui_test_type (view, "facts", "复查查明：电梯已更换主板，近十日运行正常。");
  hall_ui_test_type (view, "basis", "《信访工作条例》第三十五条");
  hall_ui_test_type (view, "text", "维持原答复意见。");
  settle (600);
  shoot (window, out, "staff-review-opinion");
  gtk_widget_activate_action (view, "matter.cancel", NULL);
}

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
shoot_talk (HallWindow *window,
            GtkWidget  *supervision,
            JsonObject *overdue,
            const char *out)
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
  settle (600);
  shoot (window, out, "supervision-talk-form");
  gtk_widget_activate_action (supervision, "supervision.talk-submit", NULL);
  /* The toast gone first: it would hide the list's last row. */
  settle (6000);
  scrolled = gtk_widget_get_ancestor (hall_ui_test_find (supervision, "talks"),
                                      GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  settle (600);
  shoot (window, out, "supervision-talks");
  gtk_adjustment_set_value (adjustment, 0);
}

/* The demo's leader: today's reception (a visitor's record when one waits), supervision, and a
 * matter taken in charge from there with its 五个一. */
static void
shoot_leader (HallWindow *window,
              const char *out)
{
  HallWorkspace *workspace = hall_window_get_workspace (window);
  GtkWidget     *reception = hall_workspace_get_page (workspace, "reception");
  GtkWidget     *supervision = hall_workspace_get_page (workspace, "supervision");
  GtkWidget     *charges = hall_workspace_get_page (workspace, "charges");
  GListModel    *visitors = hall_reception_page_get_visitors (HALL_RECEPTION_PAGE (reception));
  g_autoptr (GObject) first = NULL;
  g_autoptr (GObject) overdue = NULL;
  g_autoptr (GObject) charge = NULL;

  hall_workspace_show_page (workspace, "reception");
  settle (1200);
  shoot (window, out, "leader-reception");
  first = g_list_model_get_item (visitors, 0);
  if (first != NULL)
    {
      JsonObject *visitor = hall_json_item_get_data (HALL_JSON_ITEM (first));

      gtk_widget_activate_action (reception, "reception.record", "x",
                                  json_object_get_int_member (visitor, "escalation_id"));
      settle (1200);
      shoot (window, out, "leader-record");
    }

  hall_workspace_show_page (workspace, "supervision");
  hall_ui_test_wait (supervision_loaded, supervision, 60, "the supervision lists");
  settle (600);
  shoot (window, out, "leader-supervision");
  overdue = g_list_model_get_item (
      hall_supervision_page_get_list (HALL_SUPERVISION_PAGE (supervision), "overdue"), 0);
  shoot_talk (window, supervision, hall_json_item_get_data (HALL_JSON_ITEM (overdue)), out);
  gtk_widget_activate_action (
      supervision, "supervision.take-charge", "x",
      json_object_get_int_member (hall_json_item_get_data (HALL_JSON_ITEM (overdue)), "matter_id"));
  settle (1200);
  hall_workspace_show_page (workspace, "charges");
  settle (1200);
  shoot (window, out, "leader-charges");
  charge = g_list_model_get_item (hall_charges_page_get_charges (HALL_CHARGES_PAGE (charges)), 0);
  gtk_widget_activate_action (
      charges, "charges.open", "x",
      json_object_get_int_member (hall_json_item_get_data (HALL_JSON_ITEM (charge)), "id"));
  hall_ui_test_wait (charge_open, charges, 60, "the charge");
  settle (600);
  shoot (window, out, "leader-charge");
}

static gboolean
two_halls_listed (gpointer data)
{
  return gtk_list_box_get_row_at_index (data, 1) != NULL;
}

/* The join page with two halls on the LAN (made-up ports and fingerprints: only listed). */
static void
shoot_join_list (HallWindow    *window,
                 HallTestAvahi *avahi,
                 const char    *out)
{
  GtkWidget *welcome = GTK_WIDGET (hall_window_get_welcome_page (window));
  g_autoptr (HallAnnounce) first = NULL;
  g_autoptr (HallAnnounce) second = NULL;

  if (avahi == NULL)
    return;
  first = hall_announce_new ("城关镇信访超市", 8443, "3A:0F:5C:11:9B:E2:47:D0:8C:6A:21:F4:93:7E:B5:02:"
                                                     "C8:4D:16:AF:E9:30:72:5B:88:C1:0D:64:FA:27:9E:B3");
  second = hall_announce_new ("开发区信访超市", 8443, "91:7C:E4:2B:05:D8:6F:A3:1E:C9:50:B7:34:8A:F2:6D:"
                                                      "0B:E5:93:47:2C:DA:61:F8:15:9E:A7:3C:D0:84:6B:29");
  gtk_widget_activate_action (welcome, "welcome.show-join", NULL);
  hall_ui_test_wait (two_halls_listed, hall_ui_test_find (welcome, "found_list"), 60,
                     "two halls on the LAN");
  settle (300);
  shoot (window, out, "join-list");
  gtk_widget_activate_action (welcome, "welcome.back", NULL);
}

static gboolean
pad_shows (gpointer data)
{
  return g_strcmp0 (hall_rating_pad_get_screen (data), g_object_get_data (data, "want")) == 0;
}

static gboolean
board_alerted (gpointer data)
{
  return g_list_model_get_n_items (hall_board_page_get_rating_alerts (data)) > 0;
}

static void
shoot_pad (GtkWidget  *window,
           const char *out,
           const char *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  settle (600);
  save_png (window, NULL, out, name, "light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  settle (600);
  save_png (window, NULL, out, name, "dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
}

/* Window 2's rating pad on a hall of its own: idle with the clerk on duty, then asking about
 * the visitor the window just finished. */
static void
shoot_rating_pad (const char *out)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autoptr (HallClient) client = hall_local_client_new (hall->engine);
  g_autofree char *staff = hall_test_add_user (hall, "lijing", "staff", "chengjian", 2);
  g_autofree char *manager = hall_test_add_user (hall, "zhangli", "manager", NULL, 0);
  g_autofree char *admin = hall_test_add_user (hall, "root", "admin", NULL, 0);
  g_autoptr (JsonObject) named = NULL;
  g_autoptr (JsonObject) opened = NULL;
  g_autoptr (JsonObject) pad = NULL;
  g_autoptr (JsonObject) issued = NULL;
  g_autoptr (JsonObject) called = NULL;
  g_autoptr (JsonObject) finished = NULL;
  g_autoptr (HallClient) board_client = NULL;
  GtkWidget *window = gtk_window_new ();
  GtkWidget *widget, *board;
  gboolean   done = FALSE;
  gint64     id;

  named = hall_test_ok (hall, admin, "user.update",
                        "{\"user_id\":%" G_GINT64_FORMAT ",\"display_name\":\"李静\"}",
                        hall_test_user_id (hall, staff));
  pad = hall_test_ok (hall, admin, "user.create",
                      "{\"username\":\"pad2\",\"display_name\":\"2号窗口评价器\","
                      "\"password\":\"password123\",\"roles\":[\"rating_pad\"],\"counter_id\":2}");
  opened = hall_test_ok (hall, staff, "counter.open", NULL);
  hall_client_login_async (client, "pad2", "password123", "rating_pad", 0, NULL,
                           hall_ui_test_login_cb, &done);
  hall_ui_test_wait (hall_ui_test_flag_set, &done, 60, "the pad signed in");

  widget = hall_rating_pad_new (client, 2);
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 600);
  gtk_window_present (GTK_WINDOW (window));
  g_object_set_data (G_OBJECT (widget), "want", (gpointer) "idle");
  hall_ui_test_wait (pad_shows, widget, 60, "the pad idle");
  shoot_pad (window, out, "rating-pad-idle");

  issued = hall_test_ok (hall, manager, "ticket.issue",
                         "{\"department_id\":2,\"petitioner\":{\"name\":\"欧阳明辉\"}}");
  id = json_object_get_int_member (json_object_get_object_member (issued, "ticket"), "id");
  called = hall_test_ok (hall, staff, "counter.call_next", NULL);
  finished = hall_test_ok (hall, staff, "ticket.finish",
                           "{\"ticket_id\":%" G_GINT64_FORMAT ",\"outcome\":\"resolved\"}", id);
  g_object_set_data (G_OBJECT (widget), "want", (gpointer) "ask");
  hall_ui_test_wait (pad_shows, widget, 60, "the pad asking");
  shoot_pad (window, out, "rating-pad");

  /* The visitor taps 不满意: the alert on the manager's board. */
  gtk_widget_activate_action (widget, "pad.rate", "s", "dissatisfied");
  g_object_set_data (G_OBJECT (widget), "want", (gpointer) "thanks");
  hall_ui_test_wait (pad_shows, widget, 60, "the pad thanking");
  shoot_pad (window, out, "rating-pad-thanks");
  board_client = hall_local_client_new (hall->engine);
  done = FALSE;
  hall_client_login_async (board_client, "zhangli", "password123", "manager", 0, NULL,
                           hall_ui_test_login_cb, &done);
  hall_ui_test_wait (hall_ui_test_flag_set, &done, 60, "the manager signed in");
  board = hall_board_page_new (board_client);
  gtk_window_set_child (GTK_WINDOW (window), board);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  hall_ui_test_wait (board_alerted, board, 60, "the alert on the board");
  shoot_pad (window, out, "board-rating-alert");

  gtk_window_destroy (GTK_WINDOW (window));
  hall_ui_test_flush ();
}

static gboolean
kiosk_ready (gpointer data)
{
  return gtk_widget_get_first_child (hall_ui_test_find (data, "choices_box")) != NULL;
}

/* The ticket kiosk on a hall of its own, in portrait as the hall's 1080×1920 touch screen: the
 * start, a visit being filled in, the number taken, a matter's progress. */
static void
shoot_kiosk (const char *out)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *admin = hall_test_add_user (hall, "admin1", "admin", NULL, 0);
  g_autofree char *manager = hall_test_add_user (hall, "manager1", "manager", NULL, 0);
  g_autofree char *kiosk = hall_test_add_user (hall, "kiosk1", "kiosk", NULL, 0);
  g_autofree char *pdf = g_build_filename (out, "kiosk-ticket.pdf", NULL);
  g_autoptr (HallClient) client = hall_local_client_new (hall->engine);
  g_autoptr (JsonObject) configured = NULL;
  g_autoptr (JsonObject) matter = NULL;
  GtkWidget *window = gtk_window_new (), *page;
  gboolean   signed_in = FALSE;

  configured = hall_test_ok (hall, admin, "hall.configure", "{\"hall_name\": \"%s\"}",
                             "清河县信访超市");
  matter = hall_test_ok (hall, manager, "matter.register",
                         "{\"channel\": \"visit\", \"type\": \"claim\", \"category_id\": 1, "
                         "\"content\": \"征地补偿款至今未发放。\", "
                         "\"petitioners\": [{\"name\": \"王建国\"}]}");
  /* Three visitors already wait for the same department. */
  for (int i = 0; i < 3; i++)
    json_object_unref (hall_test_ok (hall, manager, "ticket.issue", "{\"category_id\": 1}"));
  hall_client_login_async (client, "kiosk1", "password123", "kiosk", 0, NULL,
                           hall_ui_test_login_cb, &signed_in);
  hall_ui_test_wait (hall_ui_test_flag_set, &signed_in, 30, "sign-in");
  page = hall_kiosk_page_new (client);
  hall_kiosk_page_set_export_filename (HALL_KIOSK_PAGE (page), pdf);
  gtk_window_set_default_size (GTK_WINDOW (window), 1080, 1920);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  hall_ui_test_wait (kiosk_ready, page, 60, "the kiosk");
  shoot_with (window, NULL, out, "kiosk");

  gtk_widget_activate (hall_ui_test_find (page, "choice-征地拆迁"));
  gtk_widget_activate_action (page, "kiosk.persons-more", NULL);
  for (const char *c = "4301021985"; *c != '\0'; c++)
    gtk_widget_activate_action (page, "kiosk.key", "s", (char[]){ *c, '\0' });
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (hall_ui_test_find (page, "green_button")), TRUE);
  shoot_with (window, NULL, out, "kiosk-details");
  gtk_editable_set_text (GTK_EDITABLE (hall_ui_test_find (page, "id_entry")), "");
  gtk_widget_activate_action (page, "kiosk.take", NULL);
  settle (1500);
  shoot_with (window, NULL, out, "kiosk-ticket");

  gtk_widget_activate_action (page, "kiosk.query-start", NULL);
  hall_ui_test_type (page, "number_entry", json_object_get_string_member (matter, "number"));
  hall_ui_test_type (page, "code_entry", json_object_get_string_member (matter, "query_code"));
  gtk_widget_activate_action (page, "kiosk.query", NULL);
  settle (1500);
  shoot_with (window, NULL, out, "kiosk-status");
  gtk_window_destroy (GTK_WINDOW (window));
  hall_ui_test_flush ();

  /* The same kiosk on a landscape screen. */
  window = gtk_window_new ();
  page = hall_kiosk_page_new (client);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  hall_ui_test_wait (kiosk_ready, page, 60, "the kiosk");
  shoot_with (window, NULL, out, "kiosk-landscape");
  gtk_widget_activate_action (page, "kiosk.query-start", NULL);
  shoot_with (window, NULL, out, "kiosk-landscape-query");
  gtk_window_destroy (GTK_WINDOW (window));
  hall_ui_test_flush ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_dir = NULL;
  g_autoptr (HallApplication) app = NULL;
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (HallTestAvahi) avahi = NULL;
  g_autofree char *why = NULL;
  HallWindow      *window = NULL;
  GtkWidget       *welcome, *signin;
  const char      *out;
  int              height = 800, width = 1280;

  if (argc < 2 || argc > 4)
    {
      g_printerr ("Usage: %s OUTPUT-DIR [HEIGHT [WIDTH]]\n", argv[0]);
      return 2;
    }
  out = argv[1];
  if (argc >= 3)
    height = atoi (argv[2]);
  if (argc >= 4)
    width = atoi (argv[3]);
  g_mkdir_with_parents (out, 0755);

  data_dir = hall_ui_test_environment ();
  /* Before GTK starts threads: it sets DBUS_SYSTEM_BUS_ADDRESS. */
  avahi = hall_test_avahi_new (&why);
  if (avahi == NULL)
    g_printerr ("No join-list picture: %s\n", why);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  gtk_init ();
  adw_init ();
  /* Pictures of pages, not of transitions between them. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  settings = g_settings_new (APP_ID);
  g_settings_set_int (settings, "window-width", width);
  g_settings_set_int (settings, "window-height", height);
  if (g_strcmp0 (g_getenv ("HALL_SCREENSHOT_ONLY"), "rating-pad") == 0)
    {
      /* The app's style sheet, which the app would load. */
      g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (css, "/io/github/xinfanghall/Hall/style.css");
      gtk_style_context_add_provider_for_display (
          gdk_display_get_default (), GTK_STYLE_PROVIDER (css), GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      shoot_rating_pad (out);
      hall_test_rm_rf (data_dir);
      return 0;
    }
  app = hall_ui_test_start_app (&window);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);

  welcome = GTK_WIDGET (hall_window_get_welcome_page (window));
  shoot (window, out, "welcome");

  gtk_widget_activate_action (welcome, "welcome.show-create", NULL);
  hall_ui_test_type (welcome, "username", "zhang san");
  hall_ui_test_type (welcome, "password", "1234");
  gtk_widget_activate_action (welcome, "welcome.create", NULL);
  shoot (window, out, "create");
  gtk_widget_activate_action (welcome, "welcome.back", NULL);
  shoot_join_list (window, avahi, out);

  gtk_widget_activate_action (welcome, "welcome.open-demo", NULL);
  hall_ui_test_wait_page (window, "signin", 300);
  signin = GTK_WIDGET (hall_window_get_signin_page (window));
  shoot (window, out, "signin");

  hall_ui_test_type (signin, "username", hall_demo_get_accounts (NULL)[0].username);
  hall_ui_test_type (signin, "password", HALL_DEMO_PASSWORD);
  /* The demo's hall manager (the account also covers windows). */
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (signin, "role")), 2);
  gtk_widget_activate_action (signin, "signin.submit", NULL);
  hall_ui_test_wait_page (window, "workspace", 60);
  hall_ui_test_wait (board_loaded, window, 60, "the hall board");
  /* HALL_SCREENSHOT_ONLY=staff: the window clerk's pages alone. */
  if (g_strcmp0 (g_getenv ("HALL_SCREENSHOT_ONLY"), "staff") == 0)
    goto staff;
  /* HALL_SCREENSHOT_ONLY=leader: the leader's pages alone. */
  if (g_strcmp0 (g_getenv ("HALL_SCREENSHOT_ONLY"), "leader") == 0)
    goto leader;
  /* HALL_SCREENSHOT_ONLY=ledgers: the ledgers page alone. */
  if (g_strcmp0 (g_getenv ("HALL_SCREENSHOT_ONLY"), "ledgers") != 0)
    {
      shoot (window, out, "board");
      shoot_statistics (window, out);
    }
  shoot_ledgers (window, out);
  if (g_strcmp0 (g_getenv ("HALL_SCREENSHOT_ONLY"), "statistics") == 0
      || g_strcmp0 (g_getenv ("HALL_SCREENSHOT_ONLY"), "ledgers") == 0)
    {
      hall_application_forget_hall (app);
      gtk_window_destroy (GTK_WINDOW (window));
      hall_ui_test_flush ();
      hall_test_rm_rf (data_dir);
      return 0;
    }
  shoot_manager (window, out);
  shoot_display (app, out);

  /* The demo's administrator: the hall's setup, accounts, the calendar, backup and audit. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL);
  hall_ui_test_wait_page (window, "signin", 30);
  hall_ui_test_type (signin, "username", "chenzhiqiang");
  hall_ui_test_type (signin, "password", HALL_DEMO_PASSWORD);
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (signin, "role")), 0);
  gtk_widget_activate_action (signin, "signin.submit", NULL);
  hall_ui_test_wait_page (window, "workspace", 60);
  for (guint i = 0; i < G_N_ELEMENTS (admin_pages); i++)
    {
      hall_workspace_show_page (hall_window_get_workspace (window), admin_pages[i]);
      settle (800);
      shoot (window, out, admin_pages[i]);
    }
  shoot_date_picker (window, out);

staff:
  /* The demo's window clerk at window 2. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL);
  hall_ui_test_wait_page (window, "signin", 30);
  hall_ui_test_type (signin, "username", "zhaolei");
  hall_ui_test_type (signin, "password", HALL_DEMO_PASSWORD);
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (signin, "role")), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (signin, "counter")), 2);
  gtk_widget_activate_action (signin, "signin.submit", NULL);
  hall_ui_test_wait_page (window, "workspace", 60);
  shoot_staff (window, out);
  shoot_review (window, out);
  if (g_strcmp0 (g_getenv ("HALL_SCREENSHOT_ONLY"), "staff") == 0)
    {
      hall_application_forget_hall (app);
      gtk_window_destroy (GTK_WINDOW (window));
      hall_test_rm_rf (data_dir);
      return 0;
    }

leader:
  /* The demo's leader. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.sign-out", NULL);
  hall_ui_test_wait_page (window, "signin", 30);
  hall_ui_test_type (signin, "username", "wangjianguo");
  hall_ui_test_type (signin, "password", HALL_DEMO_PASSWORD);
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (signin, "role")), 0);
  gtk_widget_activate_action (signin, "signin.submit", NULL);
  hall_ui_test_wait_page (window, "workspace", 60);
  shoot_leader (window, out);
  if (g_strcmp0 (g_getenv ("HALL_SCREENSHOT_ONLY"), "leader") != 0)
    shoot_rating_pad (out);

  hall_application_forget_hall (app);
  gtk_window_destroy (GTK_WINDOW (window));
  hall_ui_test_flush ();
  shoot_kiosk (out);
  hall_test_rm_rf (data_dir);
  return 0;
}
