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
#include <stdio.h>

#include "hall-bench-util.h"
#include "hall-bench-wal.h"

#define WAL_HEADER 32
#define FRAME_HEADER 24
/* A b-tree larger than this (the matters, the search index of a full run) is walked once, to
 * find it is large, and left out after: no call here writes it, and dbstat would read it all. */
#define LARGE_PAGES 2000
#define UNNAMED "(free, or a b-tree of over 2000 pages)"

struct _BenchWal
{
  char       *wal_path;
  sqlite3    *db;
  guint32     salt[2]; /* of the WAL when marked */
  guint       frames;  /* valid frames when marked */
  GHashTable *pages;   /* name → pages counted, over every collect */
  GPtrArray  *small;   /* the names of the b-trees of LARGE_PAGES or fewer, NULL until known */
};

static guint32
get_be32 (const guchar *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* The page numbers of the WAL's valid frames (those of its current salt) into @pgnos, when
 * given; their count. Reads the frames' headers only. */
static guint
read_frames (BenchWal *wal,
             guint32   salt[2],
             GArray   *pgnos)
{
  FILE  *file = fopen (wal->wal_path, "rb");
  guchar header[WAL_HEADER];
  gsize  page_size;
  guint  n = 0;

  salt[0] = salt[1] = 0;
  if (file == NULL)
    return 0;
  if (fread (header, 1, WAL_HEADER, file) != WAL_HEADER)
    {
      fclose (file);
      return 0;
    }
  page_size = get_be32 (header + 8);
  if (page_size == 1)
    page_size = 65536;
  salt[0] = get_be32 (header + 16);
  salt[1] = get_be32 (header + 20);
  for (;;)
    {
      guchar  frame[FRAME_HEADER];
      guint32 pgno;

      if (fseek (file, WAL_HEADER + (long) n * (FRAME_HEADER + page_size), SEEK_SET) != 0
          || fread (frame, 1, FRAME_HEADER, file) != FRAME_HEADER)
        break;
      /* A frame of an earlier WAL generation, left behind when the WAL started over. */
      if (get_be32 (frame + 8) != salt[0] || get_be32 (frame + 12) != salt[1])
        break;
      pgno = get_be32 (frame);
      if (pgnos != NULL)
        g_array_append_val (pgnos, pgno);
      n++;
    }
  fclose (file);
  return n;
}

static void
count (BenchWal   *wal,
       const char *name,
       guint       pages)
{
  guint before = GPOINTER_TO_UINT (g_hash_table_lookup (wal->pages, name));

  g_hash_table_insert (wal->pages, g_strdup (name), GUINT_TO_POINTER (before + pages));
}

/* The tables and indexes of at most LARGE_PAGES pages. */
static GPtrArray *
small_btrees (sqlite3 *db)
{
  GPtrArray    *small = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *names = NULL, *pages = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT 'sqlite_schema' UNION ALL "
                          "SELECT name FROM sqlite_schema WHERE rootpage > 0",
                          -1, &names, NULL)
          != SQLITE_OK
      || sqlite3_prepare_v2 (db, "SELECT count(*) FROM (SELECT 1 FROM dbstat WHERE name = ?1 LIMIT ?2)",
                             -1, &pages, NULL)
             != SQLITE_OK)
    bench_die ("dbstat (SQLite built without SQLITE_ENABLE_DBSTAT_VTAB?)", NULL);
  while (sqlite3_step (names) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (names, 0);

      sqlite3_bind_text (pages, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (pages, 2, LARGE_PAGES + 1);
      if (sqlite3_step (pages) == SQLITE_ROW && sqlite3_column_int (pages, 0) <= LARGE_PAGES)
        g_ptr_array_add (small, g_strdup (name));
      sqlite3_reset (pages);
    }
  sqlite3_finalize (names);
  sqlite3_finalize (pages);
  return small;
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
  g_clear_pointer (&wal->small, g_ptr_array_unref);
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

  if (wal->small == NULL)
    wal->small = small_btrees (wal->db);
  /* Page 1, the file's header, is the root of sqlite_schema. */
  if (sqlite3_prepare_v2 (wal->db, "SELECT pageno FROM dbstat WHERE name = ?1", -1, &stmt, NULL)
      != SQLITE_OK)
    bench_die ("dbstat (SQLite built without SQLITE_ENABLE_DBSTAT_VTAB?)", NULL);
  for (guint i = 0; i < wal->small->len && g_hash_table_size (written) > 0; i++)
    {
      const char *name = wal->small->pdata[i];

      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        if (g_hash_table_remove (written,
                                 GUINT_TO_POINTER ((guint) sqlite3_column_int64 (stmt, 0))))
          count (wal, name, 1);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
  /* Pages no small b-tree holds now: the free list, the end of the file, or a large b-tree. */
  if (g_hash_table_size (written) > 0)
    count (wal, UNNAMED, g_hash_table_size (written));
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
