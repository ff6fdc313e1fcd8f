/* hall-ui-test-manager.h — the hall manager's workspace in a window, on a hall of its own
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
  char         *token;  /* the manager's */
  char         *leader; /* the leader's */
  HallClient   *client;
  GtkWidget    *window;
  GtkWidget    *workspace;
} HallUiTestManager;

/* A hall with a manager and a leader, the manager signed in on a local client, the manager's
 * workspace in a window; the hall's clock at @local ("2026-10-12 21:00"), or the real time when
 * @local is NULL. */
void hall_ui_test_manager_start (HallUiTestManager *m,
                                 const char        *local);
/* Closes the window and frees the hall. */
void hall_ui_test_manager_stop (HallUiTestManager *m);
/* Shows the workspace's page @name and returns it. */
GtkWidget *hall_ui_test_manager_show_page (HallUiTestManager *m,
                                           const char        *name);

G_END_DECLS
