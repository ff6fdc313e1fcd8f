/* hall-bench-throughput.h — twenty windows calling one queue at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The windows that call at once: 1 … BENCH_THROUGHPUT_N_CLIENTS, window i staffed by
 * bench-staff-<i in two digits>. */
#define BENCH_THROUGHPUT_N_CLIENTS 20

/* Against the server at @url, whose hall has the manager bench-manager and the windows above,
 * every account's password @password and every window serving @department_id: the clients first
 * issue @n_tickets_per_client tickets each to @department_id at once (as the manager), then call
 * and finish them at once until none waits. Prints both rates and stores the calls and the write
 * commands per second of the second run. */
void bench_measure_throughput (const char *url,
                               const char *password,
                               int         department_id,
                               guint       n_tickets_per_client,
                               double     *calls_per_s,
                               double     *commands_per_s);

G_END_DECLS
