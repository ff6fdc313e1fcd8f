/* hall-bench-wan.c — what a township sub-centre would see, reaching the county's hall server
 * over a WAN or VPN
 *
 * The server runs in a network namespace of its own; this program is the sub-centre, in another,
 * joined to it by a TUN link (tests/lib/hall-test-netem.h) with a one-way delay of 50, 150 and
 * 300 ms (round trips of 100, 300 and 600 ms) ± 10 %, no loss. For each it prints: signing in
 * from a new connection (TCP, TLS and session.login), ticket.issue and counter.call_next on a
 * kept-alive connection, and when the ticket.called event reaches a second client (a wall
 * display, over the same link) counted from the call's start. Figures, not pass/fail.
 *
 *   hall-bench-wan [--quick]      (root: it makes network namespaces; 77 where it cannot)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-bench"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "hall-bench-util.h"
#include "hall-error.h"
#include "hall-test-feed.h"
#include "hall-test-http.h"
#include "hall-test-netem.h"
#include "hall-test-netns.h"
#include "hall-test-server.h"

#define DEPARTMENT_ID 2 /* 城建, served at window 2 */
#define COUNTER_ID 2

static gboolean quick;

typedef struct
{
  HallTestServer *server;
  HallTestNetem  *link;
  HallTestHttp   *kiosk;
  HallTestHttp   *clerk;
  HallTestFeed   *wall;
} Wan;

static HallTestHttp *
sign_in (Wan        *wan,
         const char *username,
         const char *role,
         gint64      counter_id)
{
  g_autoptr (GError) error = NULL;
  HallTestHttp *client = hall_test_http_new_pinned (wan->server->url, wan->server->fingerprint);

  if (!hall_test_http_login (client, username, HALL_TEST_PASSWORD, role, counter_id, &error))
    bench_die ("session.login", error);
  return client;
}

static void
print_samples (const char *label,
               GArray     *samples)
{
  g_autofree char *value = g_strdup_printf ("p50 %6.0f ms  p95 %6.0f ms", bench_percentile (samples, 50),
                                            bench_percentile (samples, 95));

  bench_print_row (label, value, NULL);
}

static void
measure (Wan  *wan,
         guint delay_ms)
{
  guint n = quick ? 3 : 10;
  g_autoptr (GArray) logins = bench_samples_new ();
  g_autoptr (GArray) issues = bench_samples_new ();
  g_autoptr (GArray) calls = bench_samples_new ();
  g_autoptr (GArray) events = bench_samples_new ();

  hall_test_netem_set_delay (wan->link, delay_ms, delay_ms / 10);
  /* A new sub-centre PC each time: TCP, TLS and the sign-in. */
  for (guint i = 0; i < (quick ? 2 : 5); i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr (HallTestHttp) client = sign_in (wan, "kiosk", "kiosk", 0);

      bench_samples_add_us (logins, g_get_monotonic_time () - t0);
    }
  /* Kept-alive connections: the first call of each kind is not counted. */
  for (guint i = 0; i <= n; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr (JsonObject) ticket = bench_call (wan->kiosk, "ticket.issue", "{\"department_id\":2}");

      if (i > 0)
        bench_samples_add_us (issues, g_get_monotonic_time () - t0);
    }
  for (guint i = 0; i <= n; i++)
    {
      gint64 t0 = g_get_monotonic_time ();
      g_autoptr (JsonObject) called = bench_call (wan->clerk, "counter.call_next", "{}");
      gint64 t1 = g_get_monotonic_time ();
      gint64 id =
          json_object_get_int_member (json_object_get_object_member (called, "ticket"), "id");
      g_autofree char *params = g_strdup_printf ("{\"ticket_id\":%" G_GINT64_FORMAT "}", id);
      g_autoptr (JsonObject) gone = NULL;
      gint64 arrived = hall_test_feed_wait_match (wan->wall, "ticket.called", "ticket_id", id, 30000);

      if (arrived == 0)
        bench_die ("the ticket.called event did not arrive within 30 s", NULL);
      if (i > 0)
        {
          bench_samples_add_us (calls, t1 - t0);
          bench_samples_add_us (events, arrived - t0);
        }
      gone = bench_call (wan->clerk, "ticket.no_show", params);
    }

  {
    g_autofree char *heading = g_strdup_printf ("one-way %u ms ± %u ms (round trip %u ms)",
                                                delay_ms, delay_ms / 10, 2 * delay_ms);

    printf ("\n%s\n", heading);
  }
  print_samples ("sign in (new connection)", logins);
  print_samples ("ticket.issue", issues);
  print_samples ("counter.call_next", calls);
  print_samples ("its event at a wall display", events);
}

int
main (int   argc,
      char *argv[])
{
  const guint      delays[] = { 50, 150, 300 };
  g_autofree char *why = NULL;
  g_autofree char *server_ns = NULL;
  g_autofree char *client_ns = NULL;
  g_autofree char *wall_token = NULL;
  Wan              wan = { 0 };

  setlocale (LC_ALL, "");
  quick = argc > 1 && g_str_equal (argv[1], "--quick");
  why = hall_test_netns_unsupported ();
  if (why != NULL)
    {
      g_print ("SKIP: no WAN of namespaces can be made here: %s\n", why);
      return 77;
    }
  if (g_getenv ("HALL_SERVER_EXE") == NULL)
    g_setenv ("HALL_SERVER_EXE", HALL_SERVER_PATH, TRUE);

  server_ns = hall_test_netns_new ("county");
  client_ns = hall_test_netns_new ("township");
  wan.link = hall_test_netem_new (1, server_ns, client_ns);
  hall_test_netns_enter (client_ns);
  wan.server = hall_test_server_new (HALL_TEST_SERVER_TLS | HALL_TEST_SERVER_NO_START);
  wan.server->netns = g_strdup (server_ns);
  wan.server->host = g_strdup (hall_test_netem_get_server_address (wan.link));
  hall_test_server_start (wan.server);

  hall_test_server_add_user (wan.server, "kiosk", "kiosk", NULL, NULL);
  hall_test_server_add_user (wan.server, "clerk", "staff", "chengjian", NULL);
  wall_token = hall_test_server_add_user_login (wan.server, "wall", "display", NULL, 0);
  wan.kiosk = sign_in (&wan, "kiosk", "kiosk", 0);
  wan.clerk = sign_in (&wan, "clerk", "staff", COUNTER_ID);
  json_object_unref (bench_call (wan.clerk, "counter.open", "{}"));
  wan.wall = hall_test_feed_start_pinned (wan.server->url, wall_token, 0, wan.server->fingerprint);

  printf ("Xinfang Hall over a WAN: the server in one network namespace, this client in another,\n"
          "joined by a TUN link (tests/lib/hall-test-netem.c), no loss. HTTPS, pinned.\n");
  for (guint i = 0; i < (quick ? 1 : G_N_ELEMENTS (delays)); i++)
    measure (&wan, delays[i]);

  hall_test_feed_stop (wan.wall);
  hall_test_http_free (wan.kiosk);
  hall_test_http_free (wan.clerk);
  hall_test_server_free (wan.server);
  hall_test_netem_free (wan.link);
  hall_test_netns_cleanup ();
  return 0;
}
