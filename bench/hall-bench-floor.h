/* hall-bench-floor.h — the bare SQLite commit on the bench's disk, which every ratio divides by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @n_commits transactions in a fresh database in @dir, each one INSERT into each of @n_tables
 * tables (1: the floor; more: a bare commit that writes as many pages as a hall command), with
 * the same pragmas as the hall (WAL, synchronous=FULL). Appends each commit's latency to
 * @samples; returns the seconds the commits took. */
double bench_floor_measure (const char *dir,
                            guint       n_commits,
                            guint       n_tables,
                            GArray     *samples);
/* Prints the latency and the commits per second of one bench_floor_measure(). */
void bench_floor_print (GArray *samples,
                        double  seconds);

G_END_DECLS
