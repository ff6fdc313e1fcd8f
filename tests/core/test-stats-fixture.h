/* test-stats-fixture.h — randomised halls and the recount of their figures, which
 * test-stats-counts.c checks stats.summary against
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "hall-test-util.h"

G_BEGIN_DECLS

/* The period asked about, and the hall's today. */
#define FROM "2026-03-02"
#define TO "2026-03-05"
#define TODAY "2026-03-08"

/* The one value the query @sql answers on @db. */
gint64 test_stats_one_int (sqlite3    *db,
                           const char *sql);
/* @n random writes, in one transaction, as the records come: matters (ids from 1001), tickets
 * (ids from 1001) with or without a person or a matter, and edits of what a batch depends on. */
void test_stats_fill (HallTestHall *hall,
                      GRand        *rand,
                      guint         n,
                      gint64        user_id);
/* Every figure of the period FROM–TO, worked out from the records of the hall at @path: a table
 * of names ("period/batches", "letter/collective_batches", "department/2/matters" …) to
 * gint64s. */
GHashTable *test_stats_recount (const char *path);
/* The figure the name @format makes in @figures; 0 for one not counted. */
gint64 test_stats_figure (GHashTable *figures,
                          const char *format,
                          ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
