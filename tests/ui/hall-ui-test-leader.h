/* hall-ui-test-leader.h — a hall with a duty leader signed in, for the leader's pages under test
 * (test-leader-ui.c, test-supervision-ui.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hall-client.h"
#include "hall-test-util.h"

G_BEGIN_DECLS

typedef struct
{
  HallTestHall *hall;
  char         *manager;
  char         *staff; /* 城建, window 2 */
  char         *kiosk;
  char         *leader; /* on duty today */
  gint64        leader_id;
  HallClient   *client; /* the leader's, signed in */
} HallUiTestLeader;

/* A hall on Monday 12 October 2026, 09:00, with its manager, a clerk at window 2, a kiosk and a
 * leader on duty that day, signed in on @f->client (a g_test_add() fixture). */
void hall_ui_test_leader_set_up (HallUiTestLeader *f,
                                 gconstpointer     data);
void hall_ui_test_leader_tear_down (HallUiTestLeader *f,
                                    gconstpointer     data);
/* @page in a window of its own, 1024×768, shown; returns the window. */
GtkWidget *hall_ui_test_leader_show (GtkWidget *page);
/* Closes @window and waits until @page is finalized: calls still on the engine's worker hold the
 * page until their (cancelled) answer is back. */
void hall_ui_test_leader_close (GtkWidget *window,
                                GtkWidget *page);
/* Waits until the matter view of @page (named "matter_view") shows a timeline entry of @kind. */
void hall_ui_test_leader_wait_timeline (GtkWidget  *page,
                                        const char *kind,
                                        const char *what);

G_END_DECLS
