/* hall-bench-display.c — the calling display (issue 9 §5): a call made at window 2 → the frame
 * that shows it drawn on the display, and → the first sample of its voice synthesized
 *
 *   xvfb-run -a build/bench/hall-bench-display [--calls N] [--quick]
 *
 * The real server on 127.0.0.1 (plain HTTP), the display signed in with its own account over
 * HallRemoteClient, a 1920×1080 window; the window clerk's calls go over HTTP. Each figure is
 * measured from just before counter.call_next is sent: to the frame clock's "after-paint" of
 * the first frame drawn after the big line shows the number, and to the voice's first sample.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-bench"

#include "config.h"

#include <locale.h>

#include "hall-bench-util.h"
#include "hall-display-page.h"
#include "hall-remote-client.h"
#include "hall-test-server.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"

typedef struct
{
  HallDisplayPage *page;
  const char      *code;   /* the number being called */
  gint64           seen;   /* monotonic µs of the first frame that lays it out, 0 before */
  gint64           drawn;  /* monotonic µs of the first frame after it showed, 0 before */
  gint64           spoken; /* monotonic µs of its voice's first sample, 0 before */
} Watch;

static void
after_paint_cb (GdkFrameClock *clock,
                Watch         *watch)
{
  if (watch->code != NULL && watch->drawn == 0
      && strstr (hall_display_page_get_call_text (watch->page), watch->code) != NULL)
    watch->drawn = g_get_monotonic_time ();
}

static void
layout_cb (GdkFrameClock *clock,
           Watch         *watch)
{
  if (watch->code != NULL && watch->seen == 0
      && strstr (hall_display_page_get_call_text (watch->page), watch->code) != NULL)
    watch->seen = g_get_monotonic_time ();
}

static void
started_cb (HallVoice  *voice,
            const char *text,
            gint64      first_sample,
            Watch      *watch)
{
  if (watch->spoken == 0)
    watch->spoken = first_sample;
}

static gboolean
drawn_and_spoken (gpointer data)
{
  Watch *watch = data;
  return watch->drawn != 0 && watch->spoken != 0;
}

static gboolean
display_ready (gpointer data)
{
  return hall_display_page_get_seq (data) > 0;
}

static char *
ms (double value)
{
  return g_strdup_printf ("%.1f ms", value);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) drawn = bench_samples_new ();
  g_autoptr (GArray) spoken = bench_samples_new ();
  g_autoptr (GArray) seen = bench_samples_new ();
  g_autoptr (HallClient) client = NULL;
  g_autofree char *data_dir = NULL;
  g_autofree char *kiosk = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *p50 = NULL, *p99 = NULL, *v50 = NULL, *v99 = NULL, *s50 = NULL;
  HallTestServer  *server;
  GtkWidget       *window, *page;
  GdkFrameClock   *clock;
  Watch            watch = { 0 };
  gboolean         quick = FALSE, signed_in = FALSE;
  int              calls = 0;
  GOptionEntry     entries[] = {
        { "calls", 0, 0, G_OPTION_ARG_INT, &calls, "Calls to measure (default 100)", "N" },
        { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "A few calls, to check the benchmark runs",
          NULL },
        { NULL }
  };

  setlocale (LC_ALL, "");
  context = g_option_context_new ("— the calling display: call → frame drawn, call → voice");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    bench_die ("options", error);
  if (calls <= 0)
    calls = quick ? 5 : 100;
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      /* 77: a skipped test for meson */
      g_printerr ("hall-bench-display: no display; run it under xvfb-run -a\n");
      return 77;
    }
  /* The voice this build always has; a PC without a sound card plays nothing, which does not
   * change when the first sample is made. */
  g_setenv ("HALL_VOICE", "espeak", TRUE);
  data_dir = hall_ui_test_init (&argc, &argv);

  server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  hall_test_server_add_user (server, "b.display", "display", NULL, NULL);
  kiosk = hall_test_server_add_user_login (server, "b.kiosk", "kiosk", NULL, 0);
  staff = hall_test_server_add_user_login (server, "b.staff", "staff", "chengjian", 2);
  {
    g_autoptr (JsonObject) opened = hall_test_server_ok (server, staff, "counter.open", "{}");
  }

  client = hall_remote_client_new (server->url, NULL);
  hall_client_login_async (client, "b.display", HALL_TEST_PASSWORD, "display", 0, NULL,
                           hall_ui_test_login_cb, &signed_in);
  hall_ui_test_wait (hall_ui_test_flag_set, &signed_in, 60, "the display signed in");
  window = gtk_window_new ();
  page = hall_display_page_new (client);
  watch.page = HALL_DISPLAY_PAGE (page);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  hall_ui_test_wait (display_ready, page, 60, "the display loaded");
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), &watch);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &watch);
  g_signal_connect (hall_display_page_get_voice (watch.page), "started", G_CALLBACK (started_cb),
                    &watch);

  for (int i = 0; i < calls; i++)
    {
      g_autoptr (JsonObject) issued = NULL;
      g_autoptr (JsonObject) called = NULL;
      g_autoptr (JsonObject) gone = NULL;
      gint64 asked;

      issued = hall_test_server_ok (server, kiosk, "ticket.issue", "{\"department_id\": 2}");
      /* Let the display take the new ticket in (it reads the lists again 250 ms after a change)
       * before the call is timed. */
      hall_ui_test_pause (400);
      watch.seen = watch.drawn = watch.spoken = 0;
      asked = g_get_monotonic_time ();
      called = hall_test_server_ok (server, staff, "counter.call_next", "{}");
      watch.code =
          json_object_get_string_member (json_object_get_object_member (called, "ticket"), "code");
      hall_ui_test_wait (drawn_and_spoken, &watch, 60, "the call drawn and spoken");
      bench_samples_add_us (seen, watch.seen - asked);
      bench_samples_add_us (drawn, watch.drawn - asked);
      bench_samples_add_us (spoken, watch.spoken - asked);
      watch.code = NULL;
      gone = hall_test_server_ok (
          server, staff, "ticket.no_show", "{\"ticket_id\": %" G_GINT64_FORMAT "}",
          json_object_get_int_member (json_object_get_object_member (called, "ticket"), "id"));
      /* The voice says one call after another: wait until it is quiet again. */
      while (hall_voice_get_pending (hall_display_page_get_voice (watch.page)) > 0)
        g_main_context_iteration (NULL, TRUE);
    }

  g_print ("Calling display (%d calls, loopback, 1920×1080 under Xvfb, software drawing):\n",
           calls);
  p50 = ms (bench_percentile (drawn, 50));
  p99 = ms (bench_percentile (drawn, 99));
  v50 = ms (bench_percentile (spoken, 50));
  v99 = ms (bench_percentile (spoken, 99));
  s50 = ms (bench_percentile (seen, 50));
  bench_print_row ("call → the frame that lays it out, p50", s50, NULL);
  bench_print_row ("call → display frame drawn, p50", p50, NULL);
  bench_print_row ("call → display frame drawn, p99", p99, "target p99 ≤ 200 ms");
  bench_print_row ("call → voice starts (first sample), p50", v50, NULL);
  bench_print_row ("call → voice starts (first sample), p99", v99, "target ≤ 500 ms");

  gtk_window_destroy (GTK_WINDOW (window));
  g_clear_object (&client);
  hall_ui_test_flush ();
  hall_test_server_free (server);
  hall_test_rm_rf (data_dir);
  return 0;
}
