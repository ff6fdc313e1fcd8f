/* hall-bench-kiosk.c — the ticket kiosk's benchmark (issue 9 §5): a tap on 取号 to the ticket's
 * document ready, p50 and p99
 *
 * The real server on 127.0.0.1, the kiosk page signed in to it as the kiosk account, in a
 * portrait window under Xvfb. Each run chooses a category, taps 取号 (kiosk.take) and waits for
 * "ticket-printed": ticket.issue over HTTP, the ticket paper built and laid out on its roll, and
 * its PDF written by GtkPrintOperation, as a kiosk without a printer does. A figure, not a test.
 *
 *   xvfb-run -a build/bench/hall-bench-kiosk [--runs N] [--quick]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-bench"

#include "config.h"

#include <locale.h>

#include "hall-bench-util.h"
#include "hall-kiosk-page.h"
#include "hall-remote-client.h"
#include "hall-test-server.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"

#define TARGET_MS 1000.0

static gboolean
has_choices (gpointer data)
{
  return gtk_widget_get_first_child (hall_ui_test_find (data, "choices_box")) != NULL;
}

static void
printed_cb (HallKioskPage *page,
            gboolean       ok,
            gpointer       user_data)
{
  if (!ok)
    bench_die ("printing the ticket", NULL);
  *(gboolean *) user_data = TRUE;
}

int
main (int   argc,
      char *argv[])
{
  gboolean     quick = FALSE;
  int          runs = 200;
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Tickets to take (200)", "N" },
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "20 tickets", NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("— the ticket kiosk's figures");
  g_autoptr (GError) error = NULL;
  g_autoptr (HallTestServer) server = NULL;
  g_autoptr (HallClient) client = NULL;
  g_autoptr (GArray) samples = bench_samples_new ();
  g_autofree char *data_dir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *value = NULL;
  g_autofree char *p50 = NULL;
  g_autofree char *p99 = NULL;
  gboolean         signed_in = FALSE;
  GtkWidget       *window, *page;
  GVariant        *choice;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    bench_die ("reading the options", error);
  if (quick)
    runs = 20;

  data_dir = hall_ui_test_environment ();
  setlocale (LC_ALL, "");
  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_setenv ("HALL_SERVER_EXE", HALL_SERVER_PATH, FALSE);
  server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  hall_test_server_add_user (server, "bench-kiosk", "kiosk", NULL, NULL);
  client = hall_remote_client_new (server->url, NULL);
  hall_client_login_async (client, "bench-kiosk", HALL_TEST_PASSWORD, "kiosk", 0, NULL,
                           hall_ui_test_login_cb, &signed_in);
  hall_ui_test_wait (hall_ui_test_flag_set, &signed_in, HALL_TEST_SERVER_TIMEOUT, "sign-in");

  pdf = g_build_filename (data_dir, "ticket.pdf", NULL);
  page = hall_kiosk_page_new (client);
  hall_kiosk_page_set_export_filename (HALL_KIOSK_PAGE (page), pdf);
  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1080, 1920);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  hall_ui_test_wait (has_choices, page, HALL_TEST_SERVER_TIMEOUT, "the categories");
  choice = gtk_actionable_get_action_target_value (
      GTK_ACTIONABLE (hall_ui_test_find (page, "choice-征地拆迁")));

  for (int i = 0; i < runs; i++)
    {
      gboolean printed = FALSE;
      gulong   handler = g_signal_connect (page, "ticket-printed", G_CALLBACK (printed_cb), &printed);
      gint64   t0;

      gtk_widget_activate_action (page, "kiosk.home", NULL);
      /* What a touch on the category's button does (a button's own activation waits 250 ms). */
      gtk_widget_activate_action_variant (page, "kiosk.choose", choice);
      hall_ui_test_flush ();
      t0 = g_get_monotonic_time ();
      gtk_widget_activate_action (page, "kiosk.take", NULL);
      hall_ui_test_wait (hall_ui_test_flag_set, &printed, 60, "the ticket");
      bench_samples_add_us (samples, g_get_monotonic_time () - t0);
      g_signal_handler_disconnect (page, handler);
    }

  g_print ("Ticket kiosk (issue 9 §5): %d tickets, the real server on 127.0.0.1, a 80 mm roll to "
           "PDF\n",
           runs);
  bench_print_row ("figure", "measured", "target");
  p50 = g_strdup_printf ("%.1f ms", bench_percentile (samples, 50));
  p99 = g_strdup_printf ("%.1f ms", bench_percentile (samples, 99));
  value = g_strdup_printf ("≤ %.0f ms", TARGET_MS);
  bench_print_row ("tap → ticket document ready, p50", p50, value);
  bench_print_row ("tap → ticket document ready, p99", p99, value);

  gtk_window_destroy (GTK_WINDOW (window));
  hall_ui_test_flush ();
  hall_test_rm_rf (data_dir);
  return 0;
}
