/* hall-bench-feed.h — call latency with a change-feed subscriber that stopped reading
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-test-http.h"

G_BEGIN_DECLS

/* The newest seq, from GET /api/v1/health. */
gint64 bench_feed_last_seq (HallTestHttp *client);

/* @n_rounds times: @manager issues a ticket to @department_id, @staff (at an open window that
 * serves it) calls it and finishes it; first with no other subscriber, then with one, signed in
 * as @subscriber, that connects and never reads. Prints both call_next latencies, whether the
 * stalled subscriber was closed (and with which code), and whether resuming from the last seq it
 * read gets every later event. Stores the two call_next p50s. */
void bench_measure_stalled_feed (HallTestHttp *manager,
                                 HallTestHttp *staff,
                                 HallTestHttp *subscriber,
                                 int           department_id,
                                 guint         n_rounds,
                                 double       *p50_none,
                                 double       *p50_stalled);

G_END_DECLS
