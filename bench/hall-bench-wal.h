/* hall-bench-wal.h — which tables and indexes a commit writes, read back from the WAL file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BenchWal BenchWal;

/* For the hall database at @db_path (the server's, in WAL mode); dies when it cannot be read. */
BenchWal *bench_wal_new (const char *db_path);
void      bench_wal_free (BenchWal *wal);
/* Notes where the WAL ends now. */
void bench_wal_mark (BenchWal *wal);
/* The pages written to the WAL since bench_wal_mark(), each counted once and named by its table
 * or index (dbstat); added to the totals bench_wal_print() shows. Returns how many. */
guint bench_wal_collect (BenchWal *wal);
/* Pages per call by table or index, over @calls collected calls. */
void bench_wal_print (BenchWal *wal,
                      guint     calls);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchWal, bench_wal_free)

G_END_DECLS
