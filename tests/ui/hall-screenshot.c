/* hall-screenshot.c — saves a PNG of each page of the app, light and dark
 *
 *   LANG=zh_CN.UTF-8 xvfb-run -a build/tests/hall-screenshot OUTPUT-DIR [HEIGHT [WIDTH]]
 *
 * Runs the real app on the demo hall: the first-run page, the sign-in page and the pages of the
 * demo's hall manager, administrator, window clerk and leader, each in the light and the dark
 * style, and a date field's calendar open. As root, with avahi-daemon and dbus-daemon installed,
 * also the join page listing two halls found on the LAN (announced to a daemon of its own,
 * hall-test-avahi.h). Then the calling display, a window's rating pad at 1024×600 and the ticket
 * kiosk. HALL_SCREENSHOT_ONLY=NAME[,NAME…] takes only the rows of the table below so named, and
 * those named NAME-… (staff takes staff-review too; rating-pad, leader, statistics, ledgers …).
 *
 * A shot is a function of a hall-screenshot-<feature>.c and a row of shots[] here: the row says
 * who is signed in when it runs, and the rows run in their order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-screenshot"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <adwaita.h>

#include "hall-demo.h"
#include "hall-screenshot.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"

typedef enum
{
  /* The first-run page: no hall open. */
  WHO_NOBODY,
  /* The demo hall open, nobody signed in. */
  WHO_SIGNIN,
  WHO_MANAGER,
  WHO_ADMIN,
  WHO_STAFF,
  WHO_LEADER,
  /* A hall of the shot's own, in a window of its own: the app's hall is closed. */
  WHO_OWN_HALL,
} Who;

typedef struct
{
  const char *name;
  Who         who;
  void (*shoot) (HallScreenshot *shot);
} Shot;

typedef struct
{
  /* NULL: the demo's first featured account, its hall manager (who also covers windows). */
  const char *username;
  guint       role_row;
  guint       counter_row;
} Account;

static const Account accounts[] = {
  [WHO_MANAGER] = { NULL, 2, 0 },
  [WHO_ADMIN] = { "chenzhiqiang", 0, 0 },
  [WHO_STAFF] = { "zhaolei", 0, 2 },
  [WHO_LEADER] = { "wangjianguo", 0, 0 },
};

static const Shot shots[] = {
  { "welcome", WHO_NOBODY, hall_screenshot_welcome_first_run },
  { "create", WHO_NOBODY, hall_screenshot_welcome_create },
  { "join-list", WHO_NOBODY, hall_screenshot_welcome_join_list },
  { "signin", WHO_SIGNIN, hall_screenshot_welcome_signin },
  { "board", WHO_MANAGER, hall_screenshot_manager_board },
  { "statistics", WHO_MANAGER, hall_screenshot_manager_statistics },
  { "ledgers", WHO_MANAGER, hall_screenshot_manager_ledgers },
  { "manager", WHO_MANAGER, hall_screenshot_manager_pages },
  { "followup", WHO_MANAGER, hall_screenshot_manager_followup },
  { "display", WHO_MANAGER, hall_screenshot_devices_display },
  { "admin", WHO_ADMIN, hall_screenshot_admin_pages },
  { "date-picker", WHO_ADMIN, hall_screenshot_admin_date_picker },
  { "staff", WHO_STAFF, hall_screenshot_staff_counter },
  { "staff-review", WHO_STAFF, hall_screenshot_staff_review },
  { "leader", WHO_LEADER, hall_screenshot_leader_pages },
  { "rating-pad", WHO_OWN_HALL, hall_screenshot_devices_rating_pad },
  { "kiosk", WHO_OWN_HALL, hall_screenshot_devices_kiosk },
};

/* What a frame drew, taken when the frame clock has painted it: between frames a widget that
 * queued a redraw (a spinner, a clock, a list just updated) has no picture to give. */
typedef struct
{
  GtkWidget     *window;
  GtkWidget     *popover;
  GskRenderNode *node;
} Frame;

static GskRenderNode *
widget_node (GtkWidget *widget)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  return gtk_snapshot_free_to_node (snapshot);
}

/* Draws the popover where it shows: a popover is a surface of its own, which the window's
 * picture leaves out. */
static GskRenderNode *
frame_node (Frame *frame)
{
  g_autoptr (GskRenderNode) window = widget_node (frame->window);
  g_autoptr (GskRenderNode) popover = NULL;
  GtkSnapshot *snapshot;
  GdkSurface  *surface;
  double       window_x, window_y, popover_x, popover_y;

  if (window == NULL || frame->popover == NULL)
    return g_steal_pointer (&window);
  popover = widget_node (frame->popover);
  if (popover == NULL)
    return NULL;
  surface = gtk_native_get_surface (GTK_NATIVE (frame->popover));
  gtk_native_get_surface_transform (GTK_NATIVE (frame->window), &window_x, &window_y);
  gtk_native_get_surface_transform (GTK_NATIVE (frame->popover), &popover_x, &popover_y);
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_node (snapshot, window);
  gtk_snapshot_translate (
      snapshot, &GRAPHENE_POINT_INIT (gdk_popup_get_position_x (GDK_POPUP (surface)) + popover_x
                                          - window_x,
                                      gdk_popup_get_position_y (GDK_POPUP (surface)) + popover_y
                                          - window_y));
  gtk_snapshot_append_node (snapshot, popover);
  return gtk_snapshot_free_to_node (snapshot);
}

static void
frame_painted_cb (GdkFrameClock *clock,
                  gpointer       user_data)
{
  Frame *frame = user_data;

  if (frame->node != NULL)
    return;
  frame->node = frame_node (frame);
  if (frame->node == NULL)
    {
      /* Something asked to be drawn again after the paint: the next frame then. */
      gtk_widget_queue_draw (frame->window);
      if (frame->popover != NULL)
        gtk_widget_queue_draw (frame->popover);
    }
}

static gboolean
frame_taken (gpointer data)
{
  return ((Frame *) data)->node != NULL;
}

void
hall_screenshot_settle (guint milliseconds)
{
  hall_ui_test_pause (milliseconds);
}

void
hall_screenshot_save_png (HallScreenshot *shot,
                          GtkWidget      *window,
                          GtkWidget      *popover,
                          const char     *name,
                          const char     *scheme)
{
  int            width = gtk_widget_get_width (window), height = gtk_widget_get_height (window);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  Frame          frame = { window, popover, NULL };
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s-%s.png", name, scheme);
  g_autofree char *path = g_build_filename (shot->out, file, NULL);
  gulong           handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_painted_cb), &frame);
  gtk_widget_queue_draw (window);
  if (popover != NULL)
    gtk_widget_queue_draw (popover);
  hall_ui_test_wait (frame_taken, &frame, 30, name);
  g_signal_handler_disconnect (clock, handler);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), frame.node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  gsk_render_node_unref (frame.node);
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Cannot write %s", path);
  g_print ("%s\n", path);
}

void
hall_screenshot_shoot_widget (HallScreenshot *shot,
                              GtkWidget      *window,
                              GtkWidget      *popover,
                              const char     *name)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  hall_screenshot_settle (600);
  hall_screenshot_save_png (shot, window, popover, name, "light");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  hall_screenshot_settle (600);
  hall_screenshot_save_png (shot, window, popover, name, "dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
}

void
hall_screenshot_shoot (HallScreenshot *shot,
                       const char     *name)
{
  hall_screenshot_shoot_widget (shot, GTK_WIDGET (shot->window), NULL, name);
}

GtkWidget *
hall_screenshot_show_page (HallScreenshot *shot,
                           const char     *name,
                           gboolean (*loaded) (gpointer page),
                           const char *what)
{
  HallWorkspace *workspace = hall_window_get_workspace (shot->window);
  GtkWidget     *page = hall_workspace_get_page (workspace, name);

  hall_workspace_show_page (workspace, name);
  hall_ui_test_wait (loaded, page, 120, what);
  return page;
}

static gboolean
shot_wanted (const Shot *shot)
{
  const char *only = g_getenv ("HALL_SCREENSHOT_ONLY");
  g_auto (GStrv) names = NULL;

  if (only == NULL || *only == '\0')
    return TRUE;
  names = g_strsplit (only, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *group = g_strconcat (names[i], "-", NULL);

      if (g_str_equal (shot->name, names[i]) || g_str_has_prefix (shot->name, group))
        return TRUE;
    }
  return FALSE;
}

static void
sign_out (HallScreenshot *shot)
{
  gtk_widget_activate_action (GTK_WIDGET (shot->window), "win.sign-out", NULL);
  hall_ui_test_wait_page (shot->window, "signin", 30);
}

static void
sign_in (HallScreenshot *shot,
         Who             who)
{
  GtkWidget  *signin = GTK_WIDGET (hall_window_get_signin_page (shot->window));
  const char *username = accounts[who].username;

  hall_ui_test_type (signin, "username",
                     username != NULL ? username : hall_demo_get_accounts (NULL)[0].username);
  hall_ui_test_type (signin, "password", HALL_DEMO_PASSWORD);
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (signin, "role")),
                              accounts[who].role_row);
  if (accounts[who].counter_row != 0)
    adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (signin, "counter")),
                                accounts[who].counter_row);
  gtk_widget_activate_action (signin, "signin.submit", NULL);
  hall_ui_test_wait_page (shot->window, "workspace", 60);
}

/* Brings the app from @from to where a shot of @to runs; returns @to. */
static Who
go_to (HallScreenshot *shot,
       Who             from,
       Who             to)
{
  if (from == to)
    return to;
  if (to == WHO_OWN_HALL)
    {
      /* The app's style sheet stays with the display. */
      hall_application_forget_hall (shot->app);
      gtk_window_destroy (GTK_WINDOW (shot->window));
      shot->window = NULL;
      hall_ui_test_flush ();
      return to;
    }
  g_assert (from != WHO_OWN_HALL && to != WHO_NOBODY);
  if (from == WHO_NOBODY)
    {
      gtk_widget_activate_action (GTK_WIDGET (hall_window_get_welcome_page (shot->window)),
                                  "welcome.open-demo", NULL);
      hall_ui_test_wait_page (shot->window, "signin", 300);
    }
  else if (from != WHO_SIGNIN)
    sign_out (shot);
  if (to != WHO_SIGNIN)
    sign_in (shot, to);
  return to;
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
  HallScreenshot   shot = { NULL };
  HallWindow      *window = NULL;
  Who              who = WHO_NOBODY;
  int              height = 800, width = 1280;

  if (argc < 2 || argc > 4)
    {
      g_printerr ("Usage: %s OUTPUT-DIR [HEIGHT [WIDTH]]\n", argv[0]);
      return 2;
    }
  shot.out = argv[1];
  if (argc >= 3)
    height = atoi (argv[2]);
  if (argc >= 4)
    width = atoi (argv[3]);
  g_mkdir_with_parents (shot.out, 0755);

  data_dir = hall_ui_test_environment ();
  /* Before GTK starts threads: it sets DBUS_SYSTEM_BUS_ADDRESS. */
  avahi = hall_test_avahi_new (&why);
  if (avahi == NULL)
    g_printerr ("No join-list picture: %s\n", why);
  shot.avahi = avahi;
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
  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    if (shot_wanted (&shots[i]) && shots[i].who != WHO_OWN_HALL)
      {
        app = hall_ui_test_start_app (&window);
        gtk_window_set_default_size (GTK_WINDOW (window), width, height);
        shot.app = app;
        shot.window = window;
        break;
      }
  if (app == NULL)
    {
      /* The app's style sheet, which the app would load. */
      g_autoptr (GtkCssProvider) css = gtk_css_provider_new ();

      gtk_css_provider_load_from_resource (css, "/io/github/xinfanghall/Hall/style.css");
      gtk_style_context_add_provider_for_display (
          gdk_display_get_default (), GTK_STYLE_PROVIDER (css), GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      who = WHO_OWN_HALL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (shots); i++)
    if (shot_wanted (&shots[i]))
      {
        who = go_to (&shot, who, shots[i].who);
        shots[i].shoot (&shot);
      }

  go_to (&shot, who, WHO_OWN_HALL);
  hall_test_rm_rf (data_dir);
  return 0;
}
