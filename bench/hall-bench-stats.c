/* hall-bench-stats.c — the statistics and the ledgers at a county's size (issue 10 §4)
 *
 * Prints, next to their targets: the export of a 100,000-row ledger (信访事项登记台账) to XLSX,
 * its time and the process's peak memory, then stats.summary for a year over 1,000,000 matters
 * and for a month of it (p50 and p95 of repeated calls). The records are written straight with
 * SQL in one transaction (not through commands), and the search index's triggers are dropped
 * first: the figures read no search index, and filling it would take most of the time; so are
 * the triggers of stats.summary's counts, which the fill builds once at its end. --quick runs the
 * same at small sizes, so that the benchmark cannot rot; --reuse keeps the databases a previous
 * run filled (same sizes), --rounds N sets how many calls of stats.summary are timed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-bench-stats"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <sys/resource.h>

#include "hall-bench-util.h"
#include "hall-engine.h"
#include "hall-export.h"

/* The triggers that keep the counts of stats.summary as tickets, matters and their people are
 * written (018-stats-counts.sql): dropped for the fill, which builds the counts once at its end
 * as the migration does, instead of working out each person's batches again at each row. */
#define DROP_STATS_TRIGGERS                                                               \
  "DROP TRIGGER stats_ticket_inserted; DROP TRIGGER stats_ticket_updated; "               \
  "DROP TRIGGER stats_ticket_deleted; DROP TRIGGER stats_matter_inserted; "               \
  "DROP TRIGGER stats_matter_counts_updated; DROP TRIGGER stats_matter_batches_updated; " \
  "DROP TRIGGER stats_matter_deleted; DROP TRIGGER stats_matter_petitioner_inserted; "    \
  "DROP TRIGGER stats_matter_petitioner_updated; DROP TRIGGER stats_matter_petitioner_deleted;"

/* One year of matters in @year, a fifth of them with a ticket of their own, from a third as
 * many petitioners (so that many come again), on every channel, in every state. */
static const char fill_sql[] =
    "PRAGMA journal_mode = WAL;"
    "DROP TRIGGER IF EXISTS matter_fts_after_insert;"
    "DROP TRIGGER IF EXISTS matter_fts_petitioner_linked;" DROP_STATS_TRIGGERS
    "BEGIN;"
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :n / 3 + 1) "
    "INSERT INTO petitioner (id, name, created_at, updated_at) "
    "SELECT i, '信访人' || i, 0, 0 FROM n;"
    "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < :n), "
    "m AS (SELECT i, date (:year || '-01-01', '+' || ((i * 37) % 365) || ' days') AS received, "
    "      CASE i % 4 WHEN 0 THEN 'closed' WHEN 1 THEN 'accepted' WHEN 2 THEN 'registered' "
    "      ELSE 'replied' END AS state FROM n) "
    "INSERT INTO matter (id, number, query_code, channel, type, department_id, content, persons, "
    "  collective, escalation, state, first_department_id, received_date, registered_at, "
    "  decision_due, decided_date, accepted_date, handling_due, replied_date, satisfaction, "
    "  updated_at) "
    "SELECT i, printf ('B%s-%07d', :year, i), '123456', "
    "  CASE i % 4 WHEN 0 THEN 'visit' WHEN 1 THEN 'letter' WHEN 2 THEN 'online' ELSE 'phone' END, "
    "  'claim', 2 + i % 8, '反映问题', CASE WHEN i % 23 = 0 THEN 6 + i % 10 ELSE 1 + (i % 3 = 0) "
    "  END, i % 23 = 0, CASE i % 97 WHEN 0 THEN 'city' WHEN 1 THEN 'province' END, state, "
    "  2 + i % 8, received, unixepoch (received) + 3600 + i % 30000, date (received, '+15 days'), "
    "  CASE WHEN state != 'registered' THEN date (received, '+' || (i % 20) || ' days') END, "
    "  CASE WHEN state != 'registered' THEN date (received, '+' || (i % 20) || ' days') END, "
    "  CASE WHEN state != 'registered' THEN date (received, '+75 days') END, "
    "  CASE WHEN state IN ('closed', 'replied') THEN date (received, '+' || (30 + i % 50) || "
    "  ' days') END, "
    "  CASE WHEN state = 'closed' THEN CASE i % 10 WHEN 0 THEN 'dissatisfied' WHEN 1 THEN 'none' "
    "  WHEN 2 THEN 'basic' ELSE 'satisfied' END END, 0 FROM m;"
    "INSERT INTO matter_petitioner (matter_id, petitioner_id) "
    "SELECT id, 1 + (id * 7919) % (:n / 3 + 1) FROM matter;"
    "WITH RECURSIVE n (i) AS (SELECT 5 UNION ALL SELECT i + 5 FROM n WHERE i + 5 <= :n) "
    "INSERT INTO ticket (id, day, code, number, issued_department_id, department_id, persons, "
    "  petitioner_id, state, arrived_at, issued_at, called_at, started_at, finished_at, outcome, "
    "  matter_id) "
    "SELECT i, m.received_date, 'C' || i, i, m.department_id, m.department_id, m.persons, "
    "  mp.petitioner_id, 'finished', m.registered_at - 1800, m.registered_at - 1800, "
    "  m.registered_at - 1800 + i % 1200, m.registered_at - 600, m.registered_at, 'matter', m.id "
    "FROM n JOIN matter m ON m.id = n.i JOIN matter_petitioner mp ON mp.matter_id = m.id;"
    "UPDATE matter SET ticket_id = id WHERE id % 5 = 0;"
    /* the counts of stats.summary, as migration 018 builds them for a hall's records */
    "INSERT INTO stats_batch SELECT * FROM stats_batch_source;"
    "INSERT INTO stats_matter_change SELECT 1, received_date, channel, first_department_id, "
    "  first_user_id, persons, litigation, state, decision_due, decided_date, accepted_date, "
    "  handling_due, replied_date, satisfaction FROM matter;"
    "COMMIT;"
    "ANALYZE;";

static gboolean reuse;

static void
fill (const char *path,
      gint64      n,
      int         year)
{
  g_autoptr (HallEngine) engine = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *year_text = g_strdup_printf ("%d", year);
  g_autofree char *n_text = g_strdup_printf ("%" G_GINT64_FORMAT, n);
  g_autofree char *sql = NULL;
  sqlite3         *db = NULL;
  char            *message = NULL;
  GString         *expanded;

  if (reuse && g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  /* the engine makes the schema */
  g_unlink (path);
  engine = hall_engine_new (path, &error);
  if (engine == NULL)
    bench_die ("create the hall", error);
  hall_engine_shutdown (engine);

  expanded = g_string_new (fill_sql);
  g_string_replace (expanded, ":n", n_text, 0);
  g_string_replace (expanded, ":year", year_text, 0);
  sql = g_string_free (expanded, FALSE);
  if (sqlite3_open (path, &db) != SQLITE_OK || sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_printerr ("hall-bench-stats: filling %s: %s\n", path, message ? message : sqlite3_errmsg (db));
      exit (1);
    }
  sqlite3_close (db);
}

/* CPU time of the whole process (every thread) in microseconds: the figure a shared, busy
 * machine does not stretch as it stretches the wall clock. */
static gint64
cpu_us (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC
         + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

static JsonObject *
call_cb (const char *command,
         JsonObject *params,
         gpointer    data,
         GError    **error)
{
  return hall_engine_call_system (data, command, params, error);
}

static void
bench_export (const char *dir,
              gint64      n)
{
  g_autofree char *path = g_build_filename (dir, "export.db", NULL);
  g_autofree char *out = g_build_filename (dir, "matters.xlsx", NULL);
  g_autofree char *label = NULL;
  g_autofree char *value = NULL;
  g_autoptr (HallEngine) engine = NULL;
  g_autoptr (GError) error = NULL;
  struct rusage usage;
  GStatBuf      st;
  gint64        start, elapsed, cpu;

  fill (path, n, 2026);
  engine = hall_engine_new (path, &error);
  if (engine == NULL)
    bench_die ("open the hall", error);
  start = g_get_monotonic_time ();
  cpu = cpu_us ();
  if (!hall_export_write ("matters", "2026-01-01", "2026-12-31", NULL, HALL_EXPORT_XLSX, "bench",
                          out, call_cb, engine, &error))
    bench_die ("export", error);
  elapsed = g_get_monotonic_time () - start;
  cpu = cpu_us () - cpu;
  hall_engine_shutdown (engine);
  getrusage (RUSAGE_SELF, &usage);
  g_stat (out, &st);

  label = g_strdup_printf ("export, %" G_GINT64_FORMAT " rows to XLSX", n);
  value = g_strdup_printf ("%.2f s (CPU %.2f s)", elapsed / 1e6, cpu / 1e6);
  bench_print_row (label, value, "≤ 5 s");
  g_clear_pointer (&value, g_free);
  value = g_strdup_printf ("%ld MB", usage.ru_maxrss / 1024);
  bench_print_row ("  peak RSS of the process", value, "≤ 200 MB");
  g_clear_pointer (&value, g_free);
  value = g_strdup_printf ("%.1f MB", st.st_size / 1e6);
  bench_print_row ("  file", value, "");
}

/* p50 and p95 of @rounds calls of stats.summary from @from to @to, after one that warms the
 * cache; @what names the period in the rows printed. */
static void
time_summary (HallEngine *engine,
              const char *from,
              const char *to,
              const char *what,
              guint       rounds)
{
  g_autofree char *label = NULL;
  g_autofree char *value = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) samples = bench_samples_new ();
  g_autoptr (GArray) cpu = bench_samples_new ();
  g_autoptr (JsonObject) params = json_object_new ();
  gint64 batches = 0, matters = 0;

  json_object_set_string_member (params, "from", from);
  json_object_set_string_member (params, "to", to);
  for (guint i = 0; i <= rounds; i++)
    {
      gint64 start = g_get_monotonic_time ();
      gint64 cpu_start = cpu_us ();
      g_autoptr (JsonObject) r = hall_engine_call_system (engine, "stats.summary", params, &error);
      JsonObject *current;

      if (r == NULL)
        bench_die ("stats.summary", error);
      /* the first call warms the cache */
      if (i > 0)
        {
          bench_samples_add_us (samples, g_get_monotonic_time () - start);
          bench_samples_add_us (cpu, cpu_us () - cpu_start);
        }
      current = json_object_get_object_member (r, "current");
      batches = json_object_get_int_member (current, "batches");
      matters = json_object_get_int_member (current, "matters");
    }

  label = g_strdup_printf ("stats.summary, %s (%" G_GINT64_FORMAT " matters, %" G_GINT64_FORMAT
                           " batches), p50",
                           what, matters, batches);
  value = g_strdup_printf ("%.1f ms", bench_percentile (samples, 50));
  bench_print_row (label, value, "");
  g_clear_pointer (&value, g_free);
  value = g_strdup_printf ("%.1f ms", bench_percentile (samples, 95));
  bench_print_row ("  p95", value, "≤ 200 ms");
  g_clear_pointer (&value, g_free);
  value = g_strdup_printf ("%.1f ms", bench_percentile (cpu, 50));
  bench_print_row ("  CPU time of a call, p50", value, "");
}

static void
bench_summary (const char *dir,
               gint64      n,
               guint       rounds)
{
  g_autofree char *path = g_build_filename (dir, "stats.db", NULL);
  g_autofree char *year = g_strdup_printf ("a year of %" G_GINT64_FORMAT " matters", n);
  g_autoptr (HallEngine) engine = NULL;
  g_autoptr (GError) error = NULL;

  fill (path, n, 2025);
  engine = hall_engine_new (path, &error);
  if (engine == NULL)
    bench_die ("open the hall", error);
  time_summary (engine, "2025-01-01", "2025-12-31", year, rounds);
  time_summary (engine, "2025-06-01", "2025-06-30", "June", rounds);
  hall_engine_shutdown (engine);
}

int
main (int   argc,
      char *argv[])
{
  gboolean           quick = FALSE;
  gint               rounds = 0;
  g_autofree char   *dir = NULL;
  const GOptionEntry entries[] = {
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, "Small sizes", NULL },
    { "reuse", 0, 0, G_OPTION_ARG_NONE, &reuse, "Keep the databases of a previous run", NULL },
    { "rounds", 0, 0, G_OPTION_ARG_INT, &rounds, "Timed calls of stats.summary", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    bench_die ("options", error);
  /* the smoke run never touches the large databases a full run keeps */
  dir = g_build_filename (HALL_BENCH_DIR, quick ? "stats-quick" : "stats", NULL);
  g_mkdir_with_parents (dir, 0700);
  g_print ("Statistics and ledgers (%s)\n", bench_filesystem_name (dir));
  bench_export (dir, quick ? 2000 : 100000);
  bench_summary (dir, quick ? 20000 : 1000000, rounds > 0 ? (guint) rounds : quick ? 3
                                                                                   : 10);
  return 0;
}
