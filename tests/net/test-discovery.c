/* test-discovery.c — the hall server found on the LAN: a real avahi-daemon (hall-test-avahi.h),
 * the real server announcing itself, and the app's list of halls (HallDiscovery)
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
#include "hall-test-avahi.h"
#include "hall-test-server.h"
#include "hall-test-util.h"

#define HALL_NAME "城关镇信访超市"
#define OTHER_FINGERPRINT \
  "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF"

static HallTestAvahi *avahi;

/* What the join page does with a chosen hall: connect, then compare what the server presents
 * with what it announced. */
static gboolean
probe_and_check (HallDiscoveredHall *hall,
                 GError            **error)
{
  g_autoptr (GError) probe_error = NULL;
  g_autofree char *fingerprint = NULL;
  g_autoptr (JsonObject) health = hall_test_probe (hall_discovered_hall_get_url (hall), &fingerprint, &probe_error);

  g_assert_no_error (probe_error);
  g_assert_nonnull (health);
  return hall_discovered_hall_check_fingerprint (hall, fingerprint, error);
}

static HallDiscoveredHall *
item (HallDiscovery *discovery,
      guint          position)
{
  HallDiscoveredHall *hall = g_list_model_get_item (G_LIST_MODEL (discovery), position);

  g_assert_nonnull (hall);
  /* The model keeps its own reference. */
  g_object_unref (hall);
  return hall;
}

/* The hall renamed, then the server restarted to announce with its new name. */
static HallTestServer *
announced_server (const char *hall_name)
{
  HallTestServer  *server = hall_test_server_new (HALL_TEST_SERVER_TLS | HALL_TEST_SERVER_ANNOUNCE);
  g_autofree char *token = hall_test_server_add_user_login (server, "admin", "admin", NULL, 0);
  g_autoptr (JsonObject) info = NULL;

  info = hall_test_server_ok (server, token, "hall.configure", "{\"hall_name\": \"%s\"}",
                              hall_name);
  hall_test_server_restart (server);
  return server;
}

static void
test_found_and_gone (void)
{
  g_autoptr (HallTestServer) server = announced_server (HALL_NAME);
  g_autoptr (HallDiscovery) discovery = hall_discovery_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char    *address = g_strdup_printf ("127.0.0.1:%u", server->port);
  g_autofree char    *log = NULL;
  HallDiscoveredHall *hall;

  hall = hall_test_wait_for_hall (discovery, HALL_NAME);
  g_assert_true (hall_discovery_get_available (discovery));
  g_assert_cmpstr (hall_discovered_hall_get_service_name (hall), ==, HALL_NAME);
  g_assert_cmpuint (hall_discovered_hall_get_port (hall), ==, server->port);
  g_assert_cmpstr (hall_discovered_hall_get_address (hall), ==, address);
  g_assert_cmpstr (hall_discovered_hall_get_url (hall), ==, server->url);
  g_assert_cmpstr (hall_discovered_hall_get_fingerprint (hall), ==, server->fingerprint);
  g_assert_true (probe_and_check (hall, &error));
  g_assert_no_error (error);

  log = hall_test_server_read_log (server);
  g_assert_nonnull (strstr (log, "Announced on the LAN as “" HALL_NAME "”"));

  /* Stopped: gone from the list, not left to expire. */
  g_assert_cmpint (hall_test_server_stop (server), ==, 0);
  hall_test_wait_n_items (G_LIST_MODEL (discovery), 0);
}

static void
test_other_certificate_refused (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_TLS);
  /* Another computer announcing itself as a hall at this server's address and port. */
  g_autoptr (HallAnnounce) impostor = hall_announce_new ("假冒的大厅", server->port, OTHER_FINGERPRINT);
  g_autoptr (HallDiscovery) discovery = hall_discovery_new ();
  g_autoptr (GError) error = NULL;
  HallDiscoveredHall *hall;

  /* The one before's server may linger a moment in the daemon's cache: wait for the impostor alone. */
  hall = hall_test_wait_for_hall (discovery, "假冒的大厅");
  g_assert_cmpstr (hall_discovered_hall_get_fingerprint (hall), ==, OTHER_FINGERPRINT);
  g_assert_false (probe_and_check (hall, &error));
  g_assert_error (error, HALL_ERROR, HALL_ERROR_UNAVAILABLE);
  g_assert_cmpstr (hall_error_get_field (error), ==, "fingerprint");
  /* It names both, so the person can tell the administrator what they saw. */
  g_assert_nonnull (strstr (error->message, server->fingerprint));
  g_assert_nonnull (strstr (error->message, OTHER_FINGERPRINT));
  g_assert_nonnull (strstr (error->message, "假冒的大厅"));
}

static void
test_name_collision (void)
{
  g_autoptr (HallAnnounce) first = hall_announce_new ("信访超市", 8443, OTHER_FINGERPRINT);
  g_autoptr (HallAnnounce) second = NULL;
  g_autoptr (HallDiscovery) discovery = hall_discovery_new ();
  gint64 deadline = g_get_monotonic_time () + HALL_TEST_SERVER_TIMEOUT * G_USEC_PER_SEC;

  /* The impostor of the test before may linger a moment: wait for this one alone. */
  hall_test_wait_for_hall (discovery, "信访超市");
  second = hall_announce_new ("信访超市", 8444, OTHER_FINGERPRINT);
  hall_test_wait_n_items (G_LIST_MODEL (discovery), 2);
  while (hall_announce_get_service_name (second) == NULL && g_get_monotonic_time () < deadline)
    hall_test_pump (20);
  g_assert_cmpstr (hall_announce_get_service_name (first), ==, "信访超市");
  g_assert_cmpstr (hall_announce_get_service_name (second), ==, "信访超市 #2");
  /* Both listed under the hall's name, told apart by their address. */
  for (guint i = 0; i < 2; i++)
    g_assert_cmpstr (hall_discovered_hall_get_name (item (discovery, i)), ==, "信访超市");
  g_assert_cmpuint (hall_discovered_hall_get_port (item (discovery, 0))
                        + hall_discovered_hall_get_port (item (discovery, 1)),
                    ==, 8443 + 8444);
}

static void
test_daemon_comes_later (void)
{
  g_autoptr (HallTestServer) server = NULL;
  g_autoptr (HallDiscovery) discovery = NULL;
  g_autofree char *log = NULL;

  hall_test_avahi_stop_daemon (avahi);
  server = hall_test_server_new (HALL_TEST_SERVER_TLS | HALL_TEST_SERVER_ANNOUNCE);
  discovery = hall_discovery_new ();
  hall_test_pump (500);
  /* It serves anyway, says so once, and the app's list is empty but usable. */
  g_assert_true (hall_test_server_wait_healthy (server, HALL_TEST_SERVER_TIMEOUT));
  log = hall_test_server_read_log (server);
  g_assert_nonnull (strstr (log, "avahi-daemon is not running"));
  g_assert_false (hall_discovery_get_available (discovery));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (discovery)), ==, 0);

  hall_test_avahi_start_daemon (avahi);
  hall_test_wait_n_items (G_LIST_MODEL (discovery), 1);
  g_assert_true (hall_discovery_get_available (discovery));
  g_assert_cmpuint (hall_discovered_hall_get_port (item (discovery, 0)), ==, server->port);
}

static void
test_no_announce (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_TLS);
  g_autoptr (HallDiscovery) discovery = hall_discovery_new ();
  g_autoptr (HallAnnounce) marker = hall_announce_new ("标记", 1, OTHER_FINGERPRINT);

  /* Once the marker is listed alone the browser has had its answers: the server is not among them. */
  hall_test_wait_for_hall (discovery, "标记");
  hall_test_pump (1000);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (discovery)), ==, 1);
  g_assert_cmpstr (hall_discovered_hall_get_name (item (discovery, 0)), ==, "标记");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *why = NULL;
  int              status;

  g_test_init (&argc, &argv, NULL);
  avahi = hall_test_avahi_new (&why);
  if (avahi == NULL)
    {
      g_print ("SKIP: no avahi-daemon of the test's own: %s\n", why);
      return 77;
    }

  g_test_add_func ("/discovery/found-and-gone", test_found_and_gone);
  g_test_add_func ("/discovery/other-certificate-refused", test_other_certificate_refused);
  g_test_add_func ("/discovery/name-collision", test_name_collision);
  g_test_add_func ("/discovery/no-announce", test_no_announce);
  g_test_add_func ("/discovery/daemon-comes-later", test_daemon_comes_later);

  status = g_test_run ();
  g_clear_pointer (&avahi, hall_test_avahi_free);
  return status;
}
