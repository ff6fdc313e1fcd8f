/* hall-bench-wal.c — which tables and indexes a commit writes, read back from the WAL file
 *
 * The method of architecture.md §10 ("Performance under load"): the frames a commit appended to
 * `<database>-wal` carry the numbers of the pages it wrote; SQLite's dbstat table names the
 * b-tree (table or index) each page belongs to. Read from a connection of its own while the
 * server runs, between two calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-bench"

#include "config.h"

#include <sqlite3.h>

#include "hall-bench-util.h"
#include "hall-bench-wal.h"

#define WAL_HEADER 32
#define FRAME_HEADER 24

struct _BenchWal
{
  char       *wal_path;
  sqlite3    *db;
  guint32     salt[2]; /* of the WAL when marked */
  guint       frames;  /* valid frames when marked */
  GHashTable *pages;   /* name → pages counted, over every collect */
};

static guint32
get_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* The page numbers of the WAL's valid frames (those of its current salt) into @pgnos, when
 * given; their count. */
static guint
read_frames (BenchWal *wal,
             guint32   salt[2],
             GArray   *pgnos)
{
  g_autofree guchar *data = NULL;
  gsize              length = 0, page_size, at;
  guint              n = 0;

  salt[0] = salt[1] = 0;
  if (!g_file_get_contents (wal->wal_path, (char **) &data, &length, NULL) || length < WAL_HEADER)
    return 0;
  page_size = get_be32 (data + 8);
  if (page_size == 1)
    page_size = 65536;
  salt[0] = get_be32 (data + 16);
  salt[1] = get_be32 (data + 20);
  for (at = WAL_HEADER; at + FRAME_HEADER + page_size <= length; at += FRAME_HEADER + page_size)
    {
      guint32 pgno = get_be32 (data + at);

      /* A frame of an earlier WAL generation, left behind when the WAL started over. */
      if (get_be32 (data + at + 8) != salt[0] || get_be32 (data + at + 12) != salt[1])
        break;
      if (pgnos != NULL)
        g_array_append_val (pgnos, pgno);
      n++;
    }
  return n;
}

BenchWal *
bench_wal_new (const char *db_path)
{
  BenchWal *wal = g_new0 (BenchWal, 1);

  wal->wal_path = g_strconcat (db_path, "-wal", NULL);
  if (sqlite3_open_v2 (db_path, &wal->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    bench_die ("opening the hall database to name its pages", NULL);
  sqlite3_busy_timeout (wal->db, 5000);
  wal->pages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return wal;
}

void
bench_wal_free (BenchWal *wal)
{
  if (wal == NULL)
    return;
  sqlite3_close (wal->db);
  g_hash_table_unref (wal->pages);
  g_free (wal->wal_path);
  g_free (wal);
}

void
bench_wal_mark (BenchWal *wal)
{
  wal->frames = read_frames (wal, wal->salt, NULL);
}

guint
bench_wal_collect (BenchWal *wal)
{
  g_autoptr (GArray) pgnos = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr (GHashTable) written = g_hash_table_new (NULL, NULL);
  sqlite3_stmt *stmt = NULL;
  guint32       salt[2];
  guint         first;

  read_frames (wal, salt, pgnos);
  /* The WAL started over since the mark: every frame in it is new. */
  first = salt[0] == wal->salt[0] && salt[1] == wal->salt[1] ? wal->frames : 0;
  for (guint i = first; i < pgnos->len; i++)
    g_hash_table_add (written, GUINT_TO_POINTER (g_array_index (pgnos, guint32, i)));
  if (g_hash_table_size (written) == 0)
    return 0;

  /* Page 1 is the file's header and the schema's root. */
  if (sqlite3_prepare_v2 (wal->db, "SELECT name, pageno FROM dbstat", -1, &stmt, NULL)
      != SQLITE_OK)
    bench_die ("dbstat (SQLite built without SQLITE_ENABLE_DBSTAT_VTAB?)", NULL);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gpointer    pgno = GUINT_TO_POINTER ((guint) sqlite3_column_int64 (stmt, 1));
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (g_hash_table_remove (written, pgno))
        g_hash_table_insert (wal->pages, g_strdup (name),
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (
                                                   g_hash_table_lookup (wal->pages, name))
                                               + 1));
    }
  sqlite3_finalize (stmt);
  /* Pages no b-tree holds now: the free list, or the end of the file. */
  if (g_hash_table_size (written) > 0)
    g_hash_table_insert (wal->pages, g_strdup ("(free or unused)"),
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (
                                               wal->pages, "(free or unused)"))
                                           + g_hash_table_size (written)));
  return pgnos->len - first;
}

static gint
compare_count (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  GHashTable *pages = data;
  guint       na = GPOINTER_TO_UINT (g_hash_table_lookup (pages, *(const char **) a));
  guint       nb = GPOINTER_TO_UINT (g_hash_table_lookup (pages, *(const char **) b));

  return na != nb ? (na < nb ? 1 : -1) : g_strcmp0 (*(const char **) a, *(const char **) b);
}

void
bench_wal_print (BenchWal *wal,
                 guint     calls)
{
  g_autofree const char **names = NULL;
  guint                   n = 0, total = 0;

  names = (const char **) g_hash_table_get_keys_as_array (wal->pages, &n);
  g_qsort_with_data (names, n, sizeof (char *), compare_count, wal->pages);
  for (guint i = 0; i < n; i++)
    {
      guint pages = GPOINTER_TO_UINT (g_hash_table_lookup (wal->pages, names[i]));
      char  value[32];

      total += pages;
      g_snprintf (value, sizeof value, "%.2f", (double) pages / MAX (calls, 1));
      bench_print_row (names[i], value, NULL);
    }
  {
    char value[32];

    g_snprintf (value, sizeof value, "%.2f", (double) total / MAX (calls, 1));
    bench_print_row ("all pages", value, NULL);
  }
}
