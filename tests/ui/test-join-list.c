/* test-join-list.c — the join page lists the hall servers found on the LAN: a real avahi-daemon
 * (hall-test-avahi.h), the real server announcing itself, the app under Xvfb
 *
 * Skipped (77) where the daemon cannot run: it needs root, network namespaces, avahi-daemon and
 * dbus-daemon.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "hall-announce.h"
#include "hall-discovery.h"
#include "hall-host.h"
#include "hall-test-avahi.h"
#include "hall-test-server.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"

#define HALL_NAME "城关镇信访超市"
#define IMPOSTOR_NAME "假冒的大厅"
#define OTHER_FINGERPRINT \
  "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF"

static HallTestAvahi *avahi;
static char          *data_dir;

typedef struct
{
  GtkListBox *list;
  guint       n_rows;
} Rows;

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  return n;
}

static gboolean
has_rows (gpointer data)
{
  Rows *rows = data;

  return gtk_widget_get_visible (GTK_WIDGET (rows->list)) && count_rows (rows->list) == rows->n_rows;
}

static void
wait_rows (GtkListBox *list,
           guint       n_rows)
{
  Rows rows = { list, n_rows };

  hall_ui_test_wait (has_rows, &rows, 60, "the list of halls");
}

/* The row showing @name, with its address. */
static GtkListBoxRow *
find_row (GtkListBox *list,
          const char *name,
          const char *address)
{
  GtkListBoxRow *row;

  for (guint i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    if (g_str_equal (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), name))
      {
        g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, address);
        return row;
      }
  g_error ("no row “%s” in the list of halls", name);
}

static gboolean
join_button_shown (gpointer data)
{
  return gtk_widget_get_visible (hall_ui_test_find (data, "join_button"));
}

static gboolean
address_has_error (gpointer data)
{
  return gtk_widget_has_css_class (hall_ui_test_find (data, "address"), "error");
}

static gboolean
widget_visible (gpointer data)
{
  return gtk_widget_get_visible (data);
}

/* The app's address field error shows under the field, in the next row of its list. */
static const char *
address_error_text (GtkWidget *welcome)
{
  GtkWidget *address = hall_ui_test_find (welcome, "address");
  GtkWidget *error_row = gtk_widget_get_next_sibling (address);

  g_assert_true (gtk_widget_get_visible (error_row));
  return gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row))));
}

static void
test_join_list (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_TLS | HALL_TEST_SERVER_ANNOUNCE);
  g_autoptr (HallTestServer) other = hall_test_server_new (HALL_TEST_SERVER_TLS);
  g_autofree char *token = hall_test_server_add_user_login (server, "admin", "admin", NULL, 0);
  g_autoptr (JsonObject) info = hall_test_server_ok (server, token, "hall.configure",
                                                     "{\"hall_name\": \"" HALL_NAME "\"}");
  /* Another computer announcing a hall at an address where another certificate answers. */
  g_autoptr (HallAnnounce) impostor = hall_announce_new (IMPOSTOR_NAME, other->port,
                                                         OTHER_FINGERPRINT);
  g_autofree char *address = NULL;
  g_autofree char *other_address = g_strdup_printf ("127.0.0.1:%u", other->port);
  HallWindow      *window = NULL;
  g_autoptr (HallApplication) app = NULL;
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  GtkWidget  *welcome, *note;
  GtkListBox *list;
  const char *message;

  /* Announced under its new name. */
  hall_test_server_restart (server);
  address = g_strdup_printf ("127.0.0.1:%u", server->port);

  app = hall_ui_test_start_app (&window);
  welcome = GTK_WIDGET (hall_window_get_welcome_page (window));
  gtk_widget_activate_action (welcome, "welcome.show-join", NULL);
  list = GTK_LIST_BOX (hall_ui_test_find (welcome, "found_list"));
  note = hall_ui_test_find (welcome, "found_note");
  wait_rows (list, 2);
  g_assert_false (gtk_widget_get_visible (note));

  /* The impostor: the app connects, sees another certificate than announced, and refuses. */
  gtk_widget_activate (GTK_WIDGET (find_row (list, IMPOSTOR_NAME, other_address)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (welcome, "address"))),
                   ==, other->url);
  hall_ui_test_wait (address_has_error, welcome, 30, "the impostor refused");
  message = address_error_text (welcome);
  g_assert_nonnull (strstr (message, other->fingerprint));
  g_assert_nonnull (strstr (message, OTHER_FINGERPRINT));
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (welcome, "join_button")));

  /* Gone from the network, gone from the list. */
  g_clear_object (&impostor);
  wait_rows (list, 1);

  /* The real hall: the address filled in, its fingerprint still to be confirmed. */
  gtk_widget_activate (GTK_WIDGET (find_row (list, HALL_NAME, address)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (welcome, "address"))),
                   ==, server->url);
  hall_ui_test_wait (join_button_shown, welcome, 30, "the server's fingerprint");
  g_assert_false (address_has_error (welcome));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (welcome, "fingerprint"))),
                   ==, server->fingerprint);

  /* Without avahi-daemon: a quiet note, and the address can still be typed. */
  hall_test_avahi_stop_daemon (avahi);
  hall_ui_test_wait (widget_visible, note, 30, "the note that halls cannot be listed");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (list)));
  g_assert_true (gtk_widget_get_sensitive (hall_ui_test_find (welcome, "address")));
  hall_test_avahi_start_daemon (avahi);
  wait_rows (list, 1);
  g_assert_false (gtk_widget_get_visible (note));

  /* Trusted and joined as with a typed address. */
  gtk_widget_activate (GTK_WIDGET (find_row (list, HALL_NAME, address)));
  hall_ui_test_wait (join_button_shown, welcome, 30, "the server's fingerprint");
  gtk_widget_activate_action (welcome, "welcome.join", NULL);
  hall_ui_test_wait_page (window, "signin", 10);
  {
    g_autofree char *url = g_settings_get_string (settings, "server-url");
    g_autofree char *fingerprint = g_settings_get_string (settings, "server-fingerprint");

    g_assert_cmpstr (url, ==, server->url);
    g_assert_cmpstr (fingerprint, ==, server->fingerprint);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  hall_ui_test_flush ();
}

/* "Let other PCs join this hall" (the preferences): this PC's hall is announced as the server's is,
 * under the hall's name, and withdrawn when hosting stops. */
static void
test_hosted_hall_announced (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autoptr (HallDiscovery) discovery = hall_discovery_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (HallHost) host = hall_host_start (hall->engine, 0, &error);
  HallDiscoveredHall *found;
  g_autofree char    *urls = NULL;
  g_autofree char    *port = NULL;

  g_assert_no_error (error);
  found = hall_test_wait_for_hall (discovery, "信访超市");
  g_assert_cmpstr (hall_discovered_hall_get_fingerprint (found), ==,
                   hall_host_get_fingerprint (host));
  /* On the port it listens on, which the preferences show in its addresses. */
  urls = hall_host_dup_urls (host);
  port = g_strdup_printf (":%u", hall_discovered_hall_get_port (found));
  g_assert_true (g_str_has_suffix (urls, port));
  hall_host_stop (host);
  hall_test_wait_n_items (G_LIST_MODEL (discovery), 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *why = NULL;
  int              status;

  avahi = hall_test_avahi_new (&why);
  if (avahi == NULL)
    {
      g_print ("SKIP: no avahi-daemon of the test's own: %s\n", why);
      return 77;
    }
  data_dir = hall_ui_test_init (&argc, &argv);
  g_test_add_func ("/join-list/found-chosen-refused", test_join_list);
  g_test_add_func ("/join-list/hosted-hall-announced", test_hosted_hall_announced);
  status = hall_ui_test_run (data_dir);
  g_clear_pointer (&avahi, hall_test_avahi_free);
  return status;
}
