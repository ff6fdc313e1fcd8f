/* hall-bench-util.h — latency samples and the figures' rows, for the benchmarks
 *
 * The server process, the plain HTTP client and the change-feed subscriber the benchmark drives
 * are the tests' own (tests/lib: hall-test-server.h, hall-test-http.h, hall-test-feed.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hall-test-http.h"

G_BEGIN_DECLS

/* Latency samples in milliseconds. */
GArray *bench_samples_new (void);
void    bench_samples_add_us (GArray *samples,
                              gint64  microseconds);
/* @p in [0, 100]; sorts @samples. */
double bench_percentile (GArray *samples,
                         double  p);
double bench_mean (GArray *samples);

/* Says what failed and why, on stderr under the program's name, and exits 1. */
G_NORETURN void bench_die (const char   *what,
                           const GError *error);
/* Calls @command with params @json; dies (bench_die()) when it fails. */
JsonObject *bench_call (HallTestHttp *client,
                        const char   *command,
                        const char   *json);
/* The kind of file system @path is on ("ext4", "tmpfs …"), for the figures' heading. */
const char *bench_filesystem_name (const char *path);
/* "  label      value      target", padded by display width (CJK characters are two columns). */
void bench_print_row (const char *label,
                      const char *value,
                      const char *target);

G_END_DECLS
