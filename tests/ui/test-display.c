/* test-display.c — a PC set up as the calling display, under Xvfb against the real server: it
 * starts as the display by itself, a call at window 2 shows within a second and is spoken, a
 * recall flashes and is spoken again, the notice the manager writes reaches it, no screen and
 * nothing the display account receives names the visitor (name, ID number, phone, address),
 * it cannot be closed, its top-left corner held 5 s (not 4 s) asks for an administrator, a
 * wrong administrator's password is refused, and after a restart it
 * comes back as the display until an administrator leaves it for good
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hall-device-mode.h"
#include "hall-device-setup.h"
#include "hall-device-window.h"
#include "hall-display-notice.h"
#include "hall-display-page.h"
#include "hall-remote-client.h"
#include "hall-test-server.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"

#ifdef __SANITIZE_ADDRESS__
#define CALL_SHOWN_WITHIN_USEC (5 * G_USEC_PER_SEC) /* ASan slows every step several times */
#else
#define CALL_SHOWN_WITHIN_USEC G_USEC_PER_SEC
#endif

/* The visitor: nothing of this may reach the display. */
static const char *const personal[] = { "王建国", "王*国", "430102198503151236", "13807310001",
                                        "芙蓉路8号" };

static char           *data_dir;
static HallTestServer *server;

typedef struct
{
  HallDisplayPage *page;
  GPtrArray       *said;
  const char      *code;
} Watch;

static gboolean
has_device (gpointer data)
{
  return hall_device_window_get_device (data) != NULL;
}

static gboolean
window_shows (gpointer data)
{
  GtkWidget       *window = data;
  g_autofree char *texts = hall_ui_test_texts (window);

  return strstr (texts, g_object_get_data (G_OBJECT (window), "want")) != NULL;
}

static void
wait_shows (GtkWidget  *window,
            const char *text)
{
  g_object_set_data_full (G_OBJECT (window), "want", g_strdup (text), g_free);
  hall_ui_test_wait (window_shows, window, 30, text);
}

static void
assert_nothing_personal (const char *what,
                         const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    if (strstr (text, personal[i]) != NULL)
      g_error ("%s shows “%s”: %s", what, personal[i], text);
}

static char *
json_text (JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), object);
  return json_to_string (node, FALSE);
}

static gboolean
call_shown (gpointer data)
{
  Watch *watch = data;
  return strstr (hall_display_page_get_call_text (watch->page), watch->code) != NULL;
}

static gboolean
flashing (gpointer data)
{
  return hall_display_page_get_flashing (data);
}

static gboolean
said_twice (gpointer data)
{
  return ((Watch *) data)->said->len >= 2;
}

static gboolean
said_once (gpointer data)
{
  return ((Watch *) data)->said->len >= 1;
}

static void
started_cb (HallVoice  *voice,
            const char *text,
            gint64      first_sample,
            Watch      *watch)
{
  g_ptr_array_add (watch->said, g_strdup (text));
}

static gboolean
said_and_quiet (gpointer data)
{
  Watch *watch = data;
  return watch->said->len >= 3
         && hall_voice_get_pending (hall_display_page_get_voice (watch->page)) == 0;
}

static gboolean
offline (gpointer data)
{
  return hall_device_window_get_offline (data);
}

static gboolean
online (gpointer data)
{
  return !hall_device_window_get_offline (data);
}

static gboolean
label_says_something (gpointer data)
{
  return *gtk_label_get_text (data) != '\0';
}

static gboolean
unlock_refused (gpointer data)
{
  GtkWidget *error = hall_ui_test_find (data, "unlock_error");
  return gtk_widget_get_visible (error)
         && gtk_widget_is_sensitive (hall_ui_test_find (data, "leave_button"));
}

static gboolean
window_gone (gpointer data)
{
  return *(GtkWidget **) data == NULL;
}

/* The device's panel to leave it: opened with Ctrl+Alt+Q; @password; @forget ticks "also stop
 * using this PC as a device". */
static void
unlock (GtkWidget  *window,
        const char *password,
        gboolean    forget)
{
  GtkWidget *panel = hall_ui_test_find (window, "unlock_panel");

  if (!gtk_widget_get_visible (panel))
    g_assert_true (
        hall_ui_test_press_shortcut (window, GDK_KEY_q, GDK_CONTROL_MASK | GDK_ALT_MASK));
  g_assert_true (gtk_widget_get_visible (panel));
  hall_ui_test_type (window, "username_row", "d.admin");
  hall_ui_test_type (window, "password_row", password);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (hall_ui_test_find (window, "forget_check")),
                               forget);
  gtk_widget_activate_action (window, "device.unlock-confirm", NULL);
}

/* A finger on the device's top-left corner for @milliseconds, through the corner's own press
 * gesture (what GTK does when a touch or a button goes down there and comes up again). */
static void
corner_press (GtkWidget *window,
              guint      milliseconds)
{
  GtkWidget *corner = hall_ui_test_find (window, "corner");
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (corner);
  GtkEventController *press = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && press == NULL; i++)
    {
      g_autoptr (GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        press = controller;
    }
  g_assert_nonnull (press);
  g_signal_emit_by_name (press, "pressed", 1, 4.0, 4.0);
  hall_ui_test_pause (milliseconds);
  g_signal_emit_by_name (press, "released", 1, 4.0, 4.0);
  hall_ui_test_flush ();
}

/* ---- the first start: set up, calls, recall, notice, no personal data, no way out --------- */

static void
first_run_activated (HallApplication *app,
                     gpointer         user_data)
{
  GtkWindow       *active = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWidget       *window = GTK_WIDGET (active);
  g_autofree char *kiosk = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *manager = NULL;
  g_autofree char *display = NULL;
  g_autoptr (JsonObject) issued = NULL;
  g_autoptr (JsonObject) opened = NULL;
  g_autoptr (JsonObject) called = NULL;
  g_autoptr (JsonObject) recalled = NULL;
  g_autoptr (GPtrArray) said = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *texts = NULL;
  GPtrArray       *events;
  HallClient      *client;
  Watch            watch = { NULL, said, NULL };
  g_autofree char *expected = NULL;
  gint64           asked, shown;

  g_assert_true (HALL_IS_DEVICE_WINDOW (active));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  hall_ui_test_wait (has_device, window, 60, "the display signed in");
  watch.page = HALL_DISPLAY_PAGE (hall_device_window_get_device (HALL_DEVICE_WINDOW (window)));
  client = hall_page_get_client (HALL_PAGE (watch.page));
  g_assert_cmpstr (hall_client_get_role (client), ==, "display");
  g_assert_false (hall_device_window_get_offline (HALL_DEVICE_WINDOW (window)));
  g_assert_true (gtk_window_is_fullscreen (active));
  events = hall_test_record_events (client);
  g_signal_connect (hall_display_page_get_voice (watch.page), "started", G_CALLBACK (started_cb),
                    &watch);

  /* A visitor takes a number at the kiosk with everything about them; window 2 opens. */
  kiosk = hall_test_server_add_user_login (server, "d.kiosk", "kiosk", NULL, 0);
  staff = hall_test_server_add_user_login (server, "d.staff", "staff", "chengjian", 2);
  manager = hall_test_server_add_user_login (server, "d.manager", "manager", NULL, 0);
  issued = hall_test_server_ok (server, kiosk, "ticket.issue",
                                "{\"department_id\": 2, \"petitioner\": {\"name\": \"王建国\", "
                                "\"id_number\": \"430102198503151236\", \"phone\": "
                                "\"13807310001\", \"address\": \"芙蓉路8号\"}}");
  opened = hall_test_server_ok (server, staff, "counter.open", "{}");
  wait_shows (window, "Window 2");

  /* The call shows within a second, and is spoken: chime, then the number digit by digit. */
  asked = g_get_monotonic_time ();
  called = hall_test_server_ok (server, staff, "counter.call_next", "{}");
  watch.code = json_object_get_string_member (json_object_get_object_member (called, "ticket"),
                                              "code");
  hall_ui_test_wait (call_shown, &watch, 30, "the call on the display");
  shown = g_get_monotonic_time ();
  g_test_message ("call → display: %.0f ms", (shown - asked) / 1000.0);
  g_assert_cmpint (shown - asked, <=, CALL_SHOWN_WITHIN_USEC);
  g_assert_nonnull (strstr (hall_display_page_get_call_text (watch.page), "window 2"));
  g_assert_false (hall_display_page_get_flashing (watch.page));
  hall_ui_test_wait (said_once, &watch, 60, "the call spoken");
  expected = hall_voice_call_text (watch.code, 2);
  g_assert_cmpstr (said->pdata[0], ==, expected);

  /* A recall flashes and is said again. */
  recalled = hall_test_server_ok (server, staff, "counter.recall", "{}");
  hall_ui_test_wait (flashing, watch.page, 30, "the recall flashing");
  hall_ui_test_wait (said_twice, &watch, 60, "the recall spoken");
  g_assert_cmpstr (said->pdata[1], ==, expected);

  /* The manager writes a notice on the windows page; it scrolls along the foot of the display,
   * through the feed. Too long a notice is refused at the field, and the text stays. */
  {
    g_autoptr (HallClient) manager_client = hall_remote_client_new (server->url, NULL);
    GtkWidget       *editor_window = gtk_window_new ();
    GtkWidget       *editor = hall_display_notice_new (manager_client);
    g_autofree char *too_long = NULL;
    GString         *text = g_string_new (NULL);
    gboolean         signed_in = FALSE;

    for (guint i = 0; i < 51; i++)
      g_string_append (text, "请勿插队请勿插队请勿");
    too_long = g_string_free (text, FALSE);
    gtk_window_set_child (GTK_WINDOW (editor_window), editor);
    gtk_window_present (GTK_WINDOW (editor_window));
    hall_client_login_async (manager_client, "d.manager", HALL_TEST_PASSWORD, NULL, 0, NULL,
                             hall_ui_test_login_cb, &signed_in);
    hall_ui_test_wait (hall_ui_test_flag_set, &signed_in, 30, "the manager signed in");
    hall_ui_test_type (editor, "notice_text", too_long);
    gtk_widget_activate_action (editor, "notice.save", NULL);
    hall_ui_test_wait (label_says_something, hall_ui_test_find (editor, "notice_error"), 30,
                       "too long a notice refused");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (editor, "notice_text"))),
                     ==, too_long);
    hall_ui_test_type (editor, "notice_text", "Lunch break 12:00-13:30, window 1 stays open");
    gtk_widget_activate_action (editor, "notice.save", NULL);
    wait_shows (window, "Lunch break 12:00-13:30");
    gtk_window_destroy (GTK_WINDOW (editor_window));
  }

  /* Nothing of the visitor: on screen, in the events the display received, and in whatever
   * the display account may read. */
  texts = hall_ui_test_texts (window);
  assert_nothing_personal ("the display", texts);
  g_assert_cmpuint (events->len, >, 0);
  for (guint i = 0; i < events->len; i++)
    {
      g_autofree char *text = json_text (events->pdata[i]);
      assert_nothing_personal ("an event to the display", text);
    }
  display = hall_test_server_login (server, "d.display", NULL, 0);
  {
    static const char *const reads[] = { "hall.snapshot", "leader.today", "display.notice",
                                         "hall.info" };
    g_autoptr (JsonObject) feed =
        hall_test_server_ok (server, display, "events.since", "{\"since\": 0}");
    g_autofree char *feed_text = json_text (feed);

    assert_nothing_personal ("events.since for the display", feed_text);
    for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
      {
        g_autoptr (JsonObject) answer = hall_test_server_ok (server, display, reads[i], "{}");
        g_autofree char *text = json_text (answer);
        assert_nothing_personal (reads[i], text);
      }
  }
  hall_test_stop_recording (client, events);

  /* The hall goes away: the display says so across the top, reconnects by itself when it is
   * back, and shows the next call. */
  hall_test_server_kill (server);
  hall_ui_test_wait (offline, window, 60, "the offline notice");
  hall_test_server_start (server);
  hall_ui_test_wait (online, window, 60, "the display back online");
  {
    g_autoptr (JsonObject) finished = NULL;
    g_autoptr (JsonObject) again = NULL;
    g_autoptr (JsonObject) next = NULL;

    finished = hall_test_server_ok (
        server, staff, "ticket.no_show", "{\"ticket_id\": %" G_GINT64_FORMAT "}",
        json_object_get_int_member (json_object_get_object_member (called, "ticket"), "id"));
    again = hall_test_server_ok (server, kiosk, "ticket.issue", "{\"department_id\": 2}");
    next = hall_test_server_ok (server, staff, "counter.call_next", "{}");
    watch.code =
        json_object_get_string_member (json_object_get_object_member (next, "ticket"), "code");
    hall_ui_test_wait (call_shown, &watch, 30, "a call after the reconnection");
    /* Said too, before the app goes (its synthesis would outlive the app). */
    hall_ui_test_wait (said_and_quiet, &watch, 60, "the call said");
    g_assert_cmpuint (said->len, ==, 3);
  }

  /* The top-left corner held: 4 s asks nothing, 5 s asks for an administrator. The panel it
   * opens is the one the wrong and the right password are typed into below. */
  corner_press (window, 4000);
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (window, "unlock_panel")));
  corner_press (window, 5200);
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (window, "unlock_panel")));

  /* No way out: closing the window and Ctrl+Q do nothing. */
  gtk_window_close (active);
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  hall_ui_test_flush ();
  g_assert_nonnull (window);
  g_assert_true (gtk_widget_get_visible (window));

  /* A wrong password is refused at the field; what was typed stays. */
  unlock (window, "not-the-password", FALSE);
  hall_ui_test_wait (unlock_refused, window, 30, "the wrong password refused");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (window, "username_row"))),
                   ==, "d.admin");
  g_assert_nonnull (window);

  /* The administrator's password leaves it (the app ends; the setup stays). */
  unlock (window, HALL_TEST_PASSWORD, FALSE);
  hall_ui_test_wait (window_gone, &window, 30, "the display left");
}

/* ---- the restart: the display again, by itself; then left for good ------------------------- */

static void
restart_activated (HallApplication *app,
                   gpointer         user_data)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
  GtkWidget *window = GTK_WIDGET (active);
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *mode = NULL;

  /* Leaving for good activates the app again, for its usual window. */
  g_signal_handlers_disconnect_by_func (app, restart_activated, NULL);
  g_assert_true (HALL_IS_DEVICE_WINDOW (active));
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  hall_ui_test_wait (has_device, window, 60, "the display signed in again");
  g_assert_true (HALL_IS_DISPLAY_PAGE (hall_device_window_get_device (HALL_DEVICE_WINDOW (window))));

  unlock (window, HALL_TEST_PASSWORD, TRUE);
  hall_ui_test_wait (window_gone, &window, 30, "the display left for good");
  mode = g_settings_get_string (settings, "device-mode");
  g_assert_cmpstr (mode, ==, "");
  /* A staff PC of the same hall now. */
  g_assert_true (HALL_IS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app))));
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
}

static int
run_app (GCallback activated)
{
  g_autoptr (HallApplication) app = hall_application_new ();
  char *argv[] = { (char *) "xinfang-hall", NULL };

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", activated, NULL);
  return g_application_run (G_APPLICATION (app), 1, argv);
}

static void
display_device (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GError) error = NULL;

  server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  hall_test_server_add_user (server, "d.display", "display", NULL, NULL);
  hall_test_server_add_user (server, "d.admin", "admin", NULL, NULL);
  /* Set up once (as the welcome page's setup does once the hall accepted the account). */
  g_assert_true (hall_device_config_save (settings, "display", 0, server->url, NULL, "d.display",
                                          HALL_TEST_PASSWORD, &error));
  g_assert_no_error (error);

  g_assert_cmpint (run_app (G_CALLBACK (first_run_activated)), ==, 0);
  g_assert_cmpint (run_app (G_CALLBACK (restart_activated)), ==, 0);
  hall_test_server_free (server);
}

/* ---- the setup on the welcome page ----------------------------------------------------------- */

static void
setup_done_cb (HallDeviceSetup *setup,
               gboolean        *done)
{
  *done = TRUE;
}

static gboolean
fingerprint_shown (gpointer data)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (hall_ui_test_find (data, "start_button"))),
                    _ ("_Confirm and Start"))
         == 0;
}

static gboolean
account_refused (gpointer data)
{
  GtkWidget *error = hall_ui_test_find (data, "account_error");
  return gtk_widget_get_visible (error) && *gtk_label_get_text (GTK_LABEL (error)) != '\0';
}

static void
test_display_setup (void)
{
  g_autoptr (HallTestServer) setup_server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *mode = NULL;
  g_autofree char *username = NULL;
  g_autofree char *password = NULL;
  HallDeviceSetup *setup;
  GtkWidget       *widget;
  gboolean         done = FALSE;

  hall_test_server_add_user (setup_server, "s.display", "display", NULL, NULL);
  hall_device_config_forget (settings);
  setup = hall_device_setup_new (settings, "display", 0);
  widget = GTK_WIDGET (setup);
  g_object_add_weak_pointer (G_OBJECT (setup), (gpointer *) &widget);
  g_signal_connect (setup, "done", G_CALLBACK (setup_done_cb), &done);
  gtk_window_present (GTK_WINDOW (setup));

  /* Not an address: said at the field. */
  hall_ui_test_type (widget, "address_row", "http://");
  gtk_widget_activate_action (widget, "setup.start", NULL);
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (widget, "address_error")));

  /* The server's certificate first (a plain server says it is not encrypted), then the
   * account: a wrong password is refused at the field and nothing is remembered. */
  hall_ui_test_type (widget, "address_row", setup_server->url);
  hall_ui_test_type (widget, "username_row", "s.display");
  hall_ui_test_type (widget, "password_row", "wrong-password");
  gtk_widget_activate_action (widget, "setup.start", NULL);
  hall_ui_test_wait (fingerprint_shown, widget, 30, "the server's certificate");
  gtk_widget_activate_action (widget, "setup.start", NULL);
  hall_ui_test_wait (account_refused, widget, 30, "the wrong password refused");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (widget, "username_row"))),
                   ==, "s.display");
  mode = g_settings_get_string (settings, "device-mode");
  g_assert_cmpstr (mode, ==, "");
  g_assert_false (hall_device_config_load (&username, &password));

  /* The right one: remembered, and the window closes. */
  hall_ui_test_type (widget, "password_row", HALL_TEST_PASSWORD);
  gtk_widget_activate_action (widget, "setup.start", NULL);
  hall_ui_test_wait (hall_ui_test_flag_set, &done, 30, "the device set up");
  hall_ui_test_flush ();
  g_assert_null (widget);
  g_free (mode);
  mode = g_settings_get_string (settings, "device-mode");
  g_assert_cmpstr (mode, ==, "display");
  g_assert_true (hall_device_config_load (&username, &password));
  g_assert_cmpstr (username, ==, "s.display");
  g_assert_cmpstr (password, ==, HALL_TEST_PASSWORD);
  hall_device_config_forget (settings);
}

static void
test_display_device (void)
{
  hall_ui_test_in_subprocess (display_device);
}

int
main (int   argc,
      char *argv[])
{
  data_dir = hall_ui_test_init (&argc, &argv);
  g_setenv ("HALL_VOICE", "espeak", TRUE);

  g_test_add_func ("/display/setup", test_display_setup);
  g_test_add_func ("/display/device", test_display_device);
  return hall_ui_test_run (data_dir);
}
