/* hall-ui-test-leader.c — a hall with a duty leader signed in, for the leader's pages under test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "hall-local-client.h"
#include "hall-matter-view.h"
#include "hall-ui-test-leader.h"
#include "hall-ui-test-util.h"

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* A matter view (w[0]) whose timeline has an entry of the kind w[1]. */
static gboolean
matter_view_has_entry (gpointer data)
{
  gpointer   *w = data;
  JsonObject *result = hall_matter_view_get_result (w[0]);

  return result != NULL && hall_test_find_timeline (result, w[1]) != NULL;
}

void
hall_ui_test_leader_set_up (HallUiTestLeader *f,
                            gconstpointer     data)
{
  g_autoptr (JsonObject) duty = NULL;
  gboolean signed_in = FALSE;

  f->hall = hall_test_hall_new ();
  hall_test_set_now (f->hall, "2026-10-12 09:00");
  f->manager = hall_test_add_user (f->hall, "zhiban", "manager", "xinfang", 0);
  f->staff = hall_test_add_user (f->hall, "chuangkou", "staff", "chengjian", 2);
  f->kiosk = hall_test_add_user (f->hall, "kiosk", "kiosk", NULL, 0);
  f->leader = hall_test_add_user (f->hall, "zhang", "leader", NULL, 0);
  f->leader_id = hall_test_user_id (f->hall, f->leader);
  duty = hall_test_ok (f->hall, f->manager, "leader.duty",
                       "{\"date\":\"2026-10-12\",\"user_id\":%" G_GINT64_FORMAT "}", f->leader_id);

  f->client = hall_local_client_new (f->hall->engine);
  hall_client_login_async (f->client, "zhang", "password123", "leader", 0, NULL,
                           hall_ui_test_login_cb, &signed_in);
  hall_ui_test_wait (hall_ui_test_flag_set, &signed_in, 30, "the leader’s sign-in");
}

void
hall_ui_test_leader_tear_down (HallUiTestLeader *f,
                               gconstpointer     data)
{
  hall_engine_shutdown (f->hall->engine);
  g_clear_object (&f->client);
  g_free (f->manager);
  g_free (f->staff);
  g_free (f->kiosk);
  g_free (f->leader);
  hall_test_hall_free (f->hall);
}

GtkWidget *
hall_ui_test_leader_show (GtkWidget *page)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

void
hall_ui_test_leader_close (GtkWidget *window,
                           GtkWidget *page)
{
  gpointer weak = page;

  g_object_add_weak_pointer (G_OBJECT (page), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  hall_ui_test_wait (pointer_cleared, &weak, 30, "the page to be finalized");
}

void
hall_ui_test_leader_wait_timeline (GtkWidget  *page,
                                   const char *kind,
                                   const char *what)
{
  gpointer w[2] = { hall_ui_test_find (page, "matter_view"), (gpointer) kind };

  hall_ui_test_wait (matter_view_has_entry, w, 30, what);
}
