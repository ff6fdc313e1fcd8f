/* hall-demo.h — the demo hall: a realistic day made through the engine's own commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-engine.h"

G_BEGIN_DECLS

/* Every demo account signs in with this password. */
#define HALL_DEMO_PASSWORD "demo1234"

typedef struct
{
  const char *username;
  const char *display_name;
  const char *roles;      /* comma-separated */
  const char *department; /* department code or NULL */
  gint64      counter_id; /* the window they staff today, 0 for none */
} HallDemoAccount;

/* The demo hall's people, in the order the sign-in page lists them. */
const HallDemoAccount *hall_demo_get_accounts (guint *n_accounts);

/* Fills the new hall @engine with today: accounts, staffed windows, waiting visitors, matters
 * in several states (some overdue), the leaders' duty roster. Runs in a worker thread. */
void     hall_demo_fill_async (HallEngine         *engine,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data);
gboolean hall_demo_fill_finish (GAsyncResult *result,
                                GError      **error);

G_END_DECLS
