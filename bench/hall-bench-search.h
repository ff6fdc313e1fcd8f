/* hall-bench-search.h — matter.search latency by kind of query
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BENCH_SEARCH_N_KINDS 5

/* Searches the server at @url, whose database holds hall-synth's matters 0 … @n_matters - 1,
 * for two-, three- and four-character terms, ID numbers and phone numbers; prints p50/p95 of
 * each kind and stores the p95s in @p95 (BENCH_SEARCH_N_KINDS). */
void bench_measure_search (const char *url,
                           guint64     n_matters,
                           guint       rounds,
                           guint       n_samples,
                           double     *p95);

G_END_DECLS
