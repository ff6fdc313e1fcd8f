/* hall-bench-load.c — bulk-loading synthetic matters straight into the hall's schema
 *
 * Registering a million matters through matter.register would take hours; the benchmark only
 * needs the tables as the engine would have left them. So the loader writes the rows itself,
 * with the engine's own migrations already applied and the engine's search tokenizer registered,
 * and lets the triggers of 005-search.sql build the index as they would for every registration.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-bench"

#include "config.h"

#include <gio/gio.h>
#include <sqlite3.h>
#include <string.h>

#include "hall-bench-load.h"
#include "hall-error.h"
#include "hall-search-tokenizer.h"
#include "hall-synth.h"

#define MIGRATIONS_PATH "/io/github/xinfanghall/Hall/sql"
#define LOADER_VERSION 1

/* Matters span three years up to this day (2026-05-31 18:00 Asia/Shanghai). */
#define SPAN_END 1780221600
#define SPAN_SECONDS (3 * 365 * 24 * 3600)
#define DAY_SECONDS (24 * 3600)

enum
{
  ST_PETITIONER,
  ST_PETITIONER_BY_ID,
  ST_MATTER,
  ST_LINK,
  ST_NUMBER,
  N_STATEMENTS
};

static const char *statements_sql[N_STATEMENTS] = {
  "INSERT INTO petitioner (name, id_number, phone, sex, birth_date, address, created_at, "
  "updated_at) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) ON CONFLICT (id_number) DO NOTHING",
  "SELECT id FROM petitioner WHERE id_number = ?1",
  "INSERT INTO matter (id, number, query_code, channel, type, category_id, department_id, content, "
  "persons, "
  "collective, state, first_counter_id, first_department_id, received_date, registered_at, "
  "decision_due, "
  "decided_at, decided_date, accepted_date, handling_due, reply_opinion, reply_text, replied_date, "
  "replied_at, "
  "satisfaction, outcome, closed_at, closed_date, updated_at) "
  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?7, ?7, ?12, ?13, ?14, ?15, ?16, ?16, "
  "?17, ?18, "
  "?19, ?20, ?21, ?22, ?23, ?24, ?25, ?13)",
  "INSERT INTO matter_petitioner (matter_id, petitioner_id, role, sort) VALUES (?1, ?2, "
  "'petitioner', 0)",
  "INSERT INTO matter_number (year, last_number) VALUES (?1, ?2) "
  "ON CONFLICT (year) DO UPDATE SET last_number = max(last_number, excluded.last_number)",
};

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char **) a, *(const char **) b);
}

char *
bench_load_cache_key (guint64 n_matters)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_auto (GStrv) names = g_resources_enumerate_children (MIGRATIONS_PATH, 0, NULL);
  g_autofree char *versions = NULL;
  g_autoptr (GPtrArray) sorted = g_ptr_array_new ();

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    g_ptr_array_add (sorted, names[i]);
  g_ptr_array_sort (sorted, compare_names);
  for (guint i = 0; i < sorted->len; i++)
    {
      g_autofree char *path = g_build_path ("/", MIGRATIONS_PATH, sorted->pdata[i], NULL);
      g_autoptr (GBytes) bytes = g_resources_lookup_data (path, 0, NULL);

      g_checksum_update (sum, (const guchar *) sorted->pdata[i], -1);
      if (bytes != NULL)
        g_checksum_update (sum, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }
  versions = g_strdup_printf ("synth %d loader %d tokenizer %s", HALL_SYNTH_VERSION, LOADER_VERSION,
                              HALL_SEARCH_TOKENIZER);
  g_checksum_update (sum, (const guchar *) versions, -1);
  return g_strdup_printf ("%" G_GUINT64_FORMAT "-s%u-%.12s", n_matters, sorted->len,
                          g_checksum_get_string (sum));
}

/* About one matter in ten comes from someone who petitioned before (重复信访). */
static guint64
person_of (guint64 index)
{
  HallSynthRng rng;

  hall_synth_rng_init (&rng, index ^ G_GUINT64_CONSTANT (0x5eed5eed5eed));
  if (index > 0 && hall_synth_rng_below (&rng, 10) == 0)
    return hall_synth_rng_next (&rng) % index;
  return index;
}

guint64
bench_load_sample (guint64 n_matters,
                   guint   n)
{
  guint64 index = ((guint64) n * G_GUINT64_CONSTANT (2654435761) + 17) % n_matters;

  while (person_of (index) != index)
    index = (index + 1) % n_matters;
  return index;
}

static gboolean
sql_failed (sqlite3 *db,
            GError **error)
{
  g_set_error (error, HALL_ERROR, HALL_ERROR_INTERNAL, "bulk load: %s", sqlite3_errmsg (db));
  return FALSE;
}

static char *
local_date (GTimeZone *tz,
            gint64     unix_time,
            int       *year)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (utc, tz);

  if (year != NULL)
    *year = g_date_time_get_year (local);
  return g_date_time_format (local, "%Y-%m-%d");
}

static gint64
petitioner_id_for (sqlite3_stmt         **st,
                   const HallSynthPerson *person,
                   gint64                 now)
{
  sqlite3_stmt *insert = st[ST_PETITIONER], *lookup = st[ST_PETITIONER_BY_ID];
  gint64        id = 0;

  sqlite3_bind_text (insert, 1, person->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 2, person->id_number, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, person->phone, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, person->sex, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, person->birth_date, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, person->address, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (insert, 7, now);
  if (sqlite3_step (insert) != SQLITE_DONE)
    {
      sqlite3_reset (insert);
      return 0;
    }
  sqlite3_reset (insert);
  if (sqlite3_changes (sqlite3_db_handle (insert)) == 1)
    return sqlite3_last_insert_rowid (sqlite3_db_handle (insert));

  /* someone with this ID number is already on file: a repeat visitor, or two synthetic people
   * who drew the same number */
  sqlite3_bind_text (lookup, 1, person->id_number, -1, SQLITE_STATIC);
  if (sqlite3_step (lookup) == SQLITE_ROW)
    id = sqlite3_column_int64 (lookup, 0);
  sqlite3_reset (lookup);
  return id;
}

static gboolean
insert_matter (sqlite3_stmt **st,
               GTimeZone     *tz,
               guint64        index,
               guint64        n_matters,
               int           *year_out,
               gint64        *number_in_year)
{
  static const char *const opinions[] = { "support", "explain", "explain", "reject" };
  static const char *const satisfactions[] = { "satisfied", "satisfied", "basic", "dissatisfied",
                                               "none" };
  static const char *const outcomes[] = { "resolved", "resolved", "educated", "assisted",
                                          "punished" };
  sqlite3_stmt            *matter = st[ST_MATTER];
  HallSynthMatter          m = { 0 };
  HallSynthRng             rng;
  gint64                   received_at =
      SPAN_END - (gint64) ((n_matters - index) * (double) SPAN_SECONDS / n_matters);
  gint64           petitioner_id;
  g_autofree char *received_date = NULL;
  g_autofree char *decision_due = NULL;
  g_autofree char *number = NULL;
  g_autofree char *query_code = NULL;
  gboolean         closed = received_at < SPAN_END - 90 * DAY_SECONDS;
  gint64           decided_at = received_at + 5 * DAY_SECONDS, replied_at = received_at + 40 * DAY_SECONDS;
  g_autofree char *decided_date = NULL;
  g_autofree char *handling_due = NULL;
  g_autofree char *replied_date = NULL;
  g_autofree char *closed_date = NULL;
  int              year;
  gboolean         ok;

  hall_synth_matter (index, &m);
  hall_synth_rng_init (&rng, index ^ G_GUINT64_CONSTANT (0xc0dec0de));

  if (person_of (index) != index)
    {
      hall_synth_person_clear (&m.petitioner);
      hall_synth_person (person_of (index), &m.petitioner);
    }

  received_date = local_date (tz, received_at, &year);
  if (year != *year_out)
    {
      *year_out = year;
      *number_in_year = 0;
    }
  number = g_strdup_printf ("XF%d-%06" G_GINT64_FORMAT, year, ++*number_in_year);
  query_code = g_strdup_printf ("%06u", hall_synth_rng_below (&rng, 1000000));
  decision_due = local_date (tz, received_at + 15 * DAY_SECONDS, NULL);
  decided_date = local_date (tz, decided_at, NULL);
  handling_due = local_date (tz, decided_at + 60 * DAY_SECONDS, NULL);
  replied_date = local_date (tz, replied_at, NULL);
  closed_date = local_date (tz, replied_at + 3 * DAY_SECONDS, NULL);

  /* The link goes in first (foreign keys are off while loading), so that the matter's own
   * insert trigger indexes its petitioner's name along with its content in one go. */
  petitioner_id = petitioner_id_for (st, &m.petitioner, received_at);
  if (petitioner_id == 0)
    {
      hall_synth_matter_clear (&m);
      return FALSE;
    }
  sqlite3_bind_int64 (st[ST_LINK], 1, (gint64) index + 1);
  sqlite3_bind_int64 (st[ST_LINK], 2, petitioner_id);
  ok = sqlite3_step (st[ST_LINK]) == SQLITE_DONE;
  sqlite3_reset (st[ST_LINK]);
  if (!ok)
    {
      hall_synth_matter_clear (&m);
      return FALSE;
    }

  sqlite3_bind_int64 (matter, 1, (gint64) index + 1);
  sqlite3_bind_text (matter, 2, number, -1, SQLITE_STATIC);
  sqlite3_bind_text (matter, 3, query_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (matter, 4, m.channel, -1, SQLITE_STATIC);
  sqlite3_bind_text (matter, 5, m.type, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (matter, 6, m.category_id);
  sqlite3_bind_int64 (matter, 7, m.department_id);
  sqlite3_bind_text (matter, 8, m.content, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (matter, 9, m.persons);
  sqlite3_bind_int (matter, 10, m.persons >= 5);
  sqlite3_bind_text (matter, 11, closed ? "closed" : "registered", -1, SQLITE_STATIC);
  sqlite3_bind_text (matter, 12, received_date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (matter, 13, received_at);
  sqlite3_bind_text (matter, 14, decision_due, -1, SQLITE_STATIC);
  if (closed)
    {
      sqlite3_bind_int64 (matter, 15, decided_at);
      sqlite3_bind_text (matter, 16, decided_date, -1, SQLITE_STATIC);
      sqlite3_bind_text (matter, 17, handling_due, -1, SQLITE_STATIC);
      sqlite3_bind_text (matter, 18, opinions[hall_synth_rng_below (&rng, G_N_ELEMENTS (opinions))],
                         -1, SQLITE_STATIC);
      sqlite3_bind_text (matter, 19, "经调查核实，已按政策依法处理，并向信访人当面送达处理意见书。", -1, SQLITE_STATIC);
      sqlite3_bind_text (matter, 20, replied_date, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (matter, 21, replied_at);
      sqlite3_bind_text (matter, 22,
                         satisfactions[hall_synth_rng_below (&rng, G_N_ELEMENTS (satisfactions))],
                         -1, SQLITE_STATIC);
      sqlite3_bind_text (matter, 23, outcomes[hall_synth_rng_below (&rng, G_N_ELEMENTS (outcomes))],
                         -1, SQLITE_STATIC);
      sqlite3_bind_int64 (matter, 24, replied_at + 3 * DAY_SECONDS);
      sqlite3_bind_text (matter, 25, closed_date, -1, SQLITE_STATIC);
    }
  else
    {
      for (int i = 15; i <= 25; i++)
        sqlite3_bind_null (matter, i);
    }
  ok = sqlite3_step (matter) == SQLITE_DONE;
  sqlite3_reset (matter);
  hall_synth_matter_clear (&m);
  return ok;
}

gboolean
bench_load_matters (const char *path,
                    guint64     n_matters,
                    GError    **error)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *st[N_STATEMENTS] = { NULL };
  g_autoptr (GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  gboolean ok = FALSE;
  int      year = 0;
  gint64   number_in_year = 0;

  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    return sql_failed (db, error);
  if (!hall_search_register_tokenizer (db, error))
    goto out;
  if (sqlite3_exec (
          db,
          "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF;"
          "PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY;",
          NULL, NULL, NULL)
      != SQLITE_OK)
    {
      sql_failed (db, error);
      goto out;
    }
  for (int i = 0; i < N_STATEMENTS; i++)
    if (sqlite3_prepare_v2 (db, statements_sql[i], -1, &st[i], NULL) != SQLITE_OK)
      {
        sql_failed (db, error);
        goto out;
      }

  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    {
      sql_failed (db, error);
      goto out;
    }
  for (guint64 i = 0; i < n_matters; i++)
    {
      int    previous_year = year;
      gint64 previous_number = number_in_year;

      if (!insert_matter (st, tz, i, n_matters, &year, &number_in_year))
        {
          sql_failed (db, error);
          sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
          goto out;
        }
      if (previous_year != 0 && previous_year != year)
        {
          sqlite3_bind_int (st[ST_NUMBER], 1, previous_year);
          sqlite3_bind_int64 (st[ST_NUMBER], 2, previous_number);
          sqlite3_step (st[ST_NUMBER]);
          sqlite3_reset (st[ST_NUMBER]);
        }
    }
  if (year != 0)
    {
      sqlite3_bind_int (st[ST_NUMBER], 1, year);
      sqlite3_bind_int64 (st[ST_NUMBER], 2, number_in_year);
      sqlite3_step (st[ST_NUMBER]);
      sqlite3_reset (st[ST_NUMBER]);
    }
  if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK
      || sqlite3_exec (db, "PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);", NULL, NULL, NULL)
             != SQLITE_OK)
    {
      sql_failed (db, error);
      goto out;
    }
  ok = TRUE;

out:
  for (int i = 0; i < N_STATEMENTS; i++)
    sqlite3_finalize (st[i]);
  sqlite3_close (db);
  return ok;
}
