/* hall-bench-floor.c — the bare SQLite commit on the bench's disk, which every ratio divides by
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-bench"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "hall-bench-floor.h"
#include "hall-bench-util.h"
#include "hall-error.h"

typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *begin, *commit;
  GPtrArray    *inserts; /* one INSERT per table */
} Floor;

static G_NORETURN void
floor_die (Floor      *floor,
           const char *what)
{
  g_autoptr (GError) error =
      g_error_new (HALL_ERROR, HALL_ERROR_INTERNAL, "%s", sqlite3_errmsg (floor->db));

  bench_die (what, error);
}

/* One row into each table per transaction, @n times; appends each commit's latency to
 * @samples (if not NULL) and returns the seconds the commits took. */
static double
floor_commits (Floor  *floor,
               guint   n,
               GArray *samples)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < n; i++)
    {
      gint64 t0 = g_get_monotonic_time ();

      sqlite3_step (floor->begin);
      sqlite3_reset (floor->begin);
      for (guint t = 0; t < floor->inserts->len; t++)
        {
          sqlite3_stmt *insert = floor->inserts->pdata[t];

          sqlite3_bind_int64 (insert, 1, t0);
          sqlite3_bind_text (insert, 2,
                             "{\"kind\":\"ticket.called\",\"ticket_id\":123,\"code\":\"C015\"}",
                             -1, SQLITE_STATIC);
          sqlite3_step (insert);
          sqlite3_reset (insert);
        }
      if (sqlite3_step (floor->commit) != SQLITE_DONE)
        floor_die (floor, "floor commit");
      sqlite3_reset (floor->commit);
      if (samples != NULL)
        bench_samples_add_us (samples, g_get_monotonic_time () - t0);
    }
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* Fair to the floor: the hall writes into a WAL file that is already as long as it gets (its
 * checkpointer copies it back on its own thread and the next transaction starts the file over,
 * never growing it), so the floor's commits are timed the same way: the WAL grown by as many
 * commits first, checkpointed, then written over, with no checkpoint inside a commit. A commit
 * that grows the file also syncs the file's size, which the hall's commits do not pay. */
double
bench_floor_measure (const char *dir,
                     guint       n_commits,
                     guint       n_tables,
                     GArray     *samples)
{
  g_autofree char *path = g_build_filename (dir, "floor.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  Floor            floor = { .inserts = g_ptr_array_new_with_free_func (
                                 (GDestroyNotify) sqlite3_finalize) };
  double           seconds;

  if (sqlite3_open (path, &floor.db) != SQLITE_OK
      || sqlite3_exec (floor.db,
                       "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                       "PRAGMA wal_autocheckpoint = 0;",
                       NULL, NULL, NULL)
             != SQLITE_OK
      || sqlite3_prepare_v2 (floor.db, "BEGIN IMMEDIATE", -1, &floor.begin, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (floor.db, "COMMIT", -1, &floor.commit, NULL) != SQLITE_OK)
    floor_die (&floor, "floor");
  for (guint t = 0; t < n_tables; t++)
    {
      g_autofree char *create = g_strdup_printf (
          "CREATE TABLE t%u (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, payload TEXT NOT NULL)",
          t);
      g_autofree char *insert = g_strdup_printf ("INSERT INTO t%u (at, payload) VALUES (?1, ?2)", t);
      sqlite3_stmt    *stmt = NULL;

      if (sqlite3_exec (floor.db, create, NULL, NULL, NULL) != SQLITE_OK
          || sqlite3_prepare_v2 (floor.db, insert, -1, &stmt, NULL) != SQLITE_OK)
        floor_die (&floor, "floor");
      g_ptr_array_add (floor.inserts, stmt);
    }

  floor_commits (&floor, n_commits, NULL);
  if (sqlite3_wal_checkpoint_v2 (floor.db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL)
      != SQLITE_OK)
    floor_die (&floor, "floor checkpoint");
  seconds = floor_commits (&floor, n_commits, samples);

  g_ptr_array_unref (floor.inserts);
  sqlite3_finalize (floor.begin);
  sqlite3_finalize (floor.commit);
  sqlite3_close (floor.db);
  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  return seconds;
}

void
bench_floor_print (GArray *samples,
                   double  seconds)
{
  char value[64];

  g_snprintf (value, sizeof value, "p50 %.2f ms  p99 %.2f ms", bench_percentile (samples, 50),
              bench_percentile (samples, 99));
  bench_print_row ("commit", value, NULL);
  g_snprintf (value, sizeof value, "%.0f commits/s", samples->len / seconds);
  bench_print_row ("single writer", value, NULL);
}
