/* hall-screenshot-devices.c — the hall's devices: the calling display on the demo hall, a
 * window's rating pad (with the alert on the manager's board) and the ticket kiosk on halls of
 * their own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-screenshot"

#include "config.h"

#include "hall-board-page.h"
#include "hall-display-page.h"
#include "hall-kiosk-page.h"
#include "hall-local-client.h"
#include "hall-rating-pad.h"
#include "hall-screenshot.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"

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
void
hall_screenshot_devices_display (HallScreenshot *shot)
{
  HallClient *client = hall_application_get_client (shot->app);
  GtkWidget  *window = gtk_window_new ();
  GtkWidget  *page = hall_display_page_new (client);
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
  hall_screenshot_shoot_widget (shot, window, NULL, "display");
  gtk_window_destroy (GTK_WINDOW (window));
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

/* Window 2's rating pad on a hall of its own: idle with the clerk on duty, then asking about
 * the visitor the window just finished. */
void
hall_screenshot_devices_rating_pad (HallScreenshot *shot)
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
  hall_screenshot_shoot_widget (shot, window, NULL, "rating-pad-idle");

  issued = hall_test_ok (hall, manager, "ticket.issue",
                         "{\"department_id\":2,\"petitioner\":{\"name\":\"欧阳明辉\"}}");
  id = json_object_get_int_member (json_object_get_object_member (issued, "ticket"), "id");
  called = hall_test_ok (hall, staff, "counter.call_next", NULL);
  finished = hall_test_ok (hall, staff, "ticket.finish",
                           "{\"ticket_id\":%" G_GINT64_FORMAT ",\"outcome\":\"resolved\"}", id);
  g_object_set_data (G_OBJECT (widget), "want", (gpointer) "ask");
  hall_ui_test_wait (pad_shows, widget, 60, "the pad asking");
  hall_screenshot_shoot_widget (shot, window, NULL, "rating-pad");

  /* The visitor taps 不满意: the alert on the manager's board. */
  gtk_widget_activate_action (widget, "pad.rate", "s", "dissatisfied");
  g_object_set_data (G_OBJECT (widget), "want", (gpointer) "thanks");
  hall_ui_test_wait (pad_shows, widget, 60, "the pad thanking");
  hall_screenshot_shoot_widget (shot, window, NULL, "rating-pad-thanks");
  board_client = hall_local_client_new (hall->engine);
  done = FALSE;
  hall_client_login_async (board_client, "zhangli", "password123", "manager", 0, NULL,
                           hall_ui_test_login_cb, &done);
  hall_ui_test_wait (hall_ui_test_flag_set, &done, 60, "the manager signed in");
  board = hall_board_page_new (board_client);
  gtk_window_set_child (GTK_WINDOW (window), board);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  hall_ui_test_wait (board_alerted, board, 60, "the alert on the board");
  hall_screenshot_shoot_widget (shot, window, NULL, "board-rating-alert");

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
void
hall_screenshot_devices_kiosk (HallScreenshot *shot)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *admin = hall_test_add_user (hall, "admin1", "admin", NULL, 0);
  g_autofree char *manager = hall_test_add_user (hall, "manager1", "manager", NULL, 0);
  g_autofree char *kiosk = hall_test_add_user (hall, "kiosk1", "kiosk", NULL, 0);
  g_autofree char *pdf = g_build_filename (shot->out, "kiosk-ticket.pdf", NULL);
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
  hall_screenshot_shoot_widget (shot, window, NULL, "kiosk");

  gtk_widget_activate (hall_ui_test_find (page, "choice-征地拆迁"));
  gtk_widget_activate_action (page, "kiosk.persons-more", NULL);
  for (const char *c = "4301021985"; *c != '\0'; c++)
    gtk_widget_activate_action (page, "kiosk.key", "s", (char[]){ *c, '\0' });
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (hall_ui_test_find (page, "green_button")), TRUE);
  hall_screenshot_shoot_widget (shot, window, NULL, "kiosk-details");
  gtk_editable_set_text (GTK_EDITABLE (hall_ui_test_find (page, "id_entry")), "");
  gtk_widget_activate_action (page, "kiosk.take", NULL);
  hall_screenshot_settle (1500);
  hall_screenshot_shoot_widget (shot, window, NULL, "kiosk-ticket");

  gtk_widget_activate_action (page, "kiosk.query-start", NULL);
  hall_ui_test_type (page, "number_entry", json_object_get_string_member (matter, "number"));
  hall_ui_test_type (page, "code_entry", json_object_get_string_member (matter, "query_code"));
  gtk_widget_activate_action (page, "kiosk.query", NULL);
  hall_screenshot_settle (1500);
  hall_screenshot_shoot_widget (shot, window, NULL, "kiosk-status");
  gtk_window_destroy (GTK_WINDOW (window));
  hall_ui_test_flush ();

  /* The same kiosk on a landscape screen. */
  window = gtk_window_new ();
  page = hall_kiosk_page_new (client);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  hall_ui_test_wait (kiosk_ready, page, 60, "the kiosk");
  hall_screenshot_shoot_widget (shot, window, NULL, "kiosk-landscape");
  gtk_widget_activate_action (page, "kiosk.query-start", NULL);
  hall_screenshot_shoot_widget (shot, window, NULL, "kiosk-landscape-query");
  gtk_window_destroy (GTK_WINDOW (window));
  hall_ui_test_flush ();
}
