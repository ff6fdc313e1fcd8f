/* hall-ui-test-manager.c — the hall manager's workspace in a window, on a hall of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "hall-local-client.h"
#include "hall-ui-test-manager.h"
#include "hall-ui-test-util.h"
#include "hall-workspace.h"

void
hall_ui_test_manager_start (HallUiTestManager *m,
                            const char        *local)
{
  gboolean signed_in = FALSE;

  m->hall = hall_test_hall_new ();
  if (local != NULL)
    hall_engine_set_now (m->hall->engine, hall_test_time (local));
  m->token = hall_test_add_user (m->hall, "zhangli", "manager", "xinfang", 0);
  m->leader = hall_test_add_user (m->hall, "wangjianguo", "leader", NULL, 0);
  m->client = hall_local_client_new (m->hall->engine);
  hall_client_login_async (m->client, "zhangli", "password123", NULL, 0, NULL,
                           hall_ui_test_login_cb, &signed_in);
  hall_ui_test_wait (hall_ui_test_flag_set, &signed_in, 30, "sign-in");

  m->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (m->window), 1280, 800);
  m->workspace = hall_workspace_new ();
  gtk_window_set_child (GTK_WINDOW (m->window), m->workspace);
  hall_workspace_set_client (HALL_WORKSPACE (m->workspace), m->client);
  hall_workspace_set_role (HALL_WORKSPACE (m->workspace), "manager");
  gtk_window_present (GTK_WINDOW (m->window));
  hall_ui_test_flush ();
}

void
hall_ui_test_manager_stop (HallUiTestManager *m)
{
  gtk_window_destroy (GTK_WINDOW (m->window));
  hall_ui_test_flush ();
  g_clear_object (&m->client);
  hall_engine_shutdown (m->hall->engine);
  g_clear_pointer (&m->token, g_free);
  g_clear_pointer (&m->leader, g_free);
  g_clear_pointer (&m->hall, hall_test_hall_free);
}

GtkWidget *
hall_ui_test_manager_show_page (HallUiTestManager *m,
                                const char        *name)
{
  hall_workspace_show_page (HALL_WORKSPACE (m->workspace), name);
  g_assert_cmpstr (hall_workspace_get_visible_page_name (HALL_WORKSPACE (m->workspace)), ==, name);
  return hall_workspace_get_page (HALL_WORKSPACE (m->workspace), name);
}
