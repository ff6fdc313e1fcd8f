/* hall-checkpoint.c — copying the WAL back into the database off the commit path
 *
 * With one writer committing all day, SQLite's automatic checkpoint runs inside a commit every
 * thousand WAL pages: it copies them into the database file and syncs that file, and the call
 * that committed waits for it — a few milliseconds every eighty or so calls on a large hall.
 * Here the writer's connection only tells how many pages its WAL holds (a WAL hook), and a
 * thread of our own checkpoints over its own connection (the writer still checkpoints itself
 * when calls come without a pause, see WRITER_CHECKPOINT_PAGES). A passive checkpoint takes no lock
 * a writer needs, so calls go on meanwhile; the WAL starts over at the writer's next transaction
 * once everything in it is in the database. Commits stay as durable as before: each is synced
 * to the WAL before it is answered.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-checkpoint"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-checkpoint.h"
#include "hall-error.h"

/* SQLite's own default for its automatic checkpoint. */
#define CHECKPOINT_PAGES 1000
/* Under calls without a pause the WAL cannot start over behind a checkpoint of another
 * connection (there is always a page it has not copied yet): at this size the writer
 * checkpoints itself, as SQLite would, with most pages already copied. */
#define WRITER_CHECKPOINT_PAGES (4 * CHECKPOINT_PAGES)

struct _HallCheckpointer
{
  sqlite3 *writer;
  sqlite3 *db; /* the checkpointer's own connection */
  GThread *thread;
  GMutex   mutex;
  GCond    cond;
  gboolean wanted;    /* under mutex */
  gboolean quit;      /* under mutex */
  guint    count;     /* atomic */
  guint    wal_pages; /* writer's thread only */
};

/* On the writer's thread, after each commit. */
static int
wal_hook (void       *data,
          sqlite3    *db,
          const char *name,
          int         pages)
{
  HallCheckpointer *self = data;

  self->wal_pages = pages;
  /* The commit is done and its lock released: the hook may checkpoint (SQLite's own does). */
  if (pages >= WRITER_CHECKPOINT_PAGES)
    sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
  else if (pages >= CHECKPOINT_PAGES)
    {
      g_mutex_lock (&self->mutex);
      self->wanted = TRUE;
      g_cond_signal (&self->cond);
      g_mutex_unlock (&self->mutex);
    }
  return SQLITE_OK;
}

static gpointer
checkpoint_main (gpointer data)
{
  HallCheckpointer *self = data;

  for (;;)
    {
      int rc, log = 0, done = 0;

      g_mutex_lock (&self->mutex);
      while (!self->wanted && !self->quit)
        g_cond_wait (&self->cond, &self->mutex);
      if (self->quit)
        {
          g_mutex_unlock (&self->mutex);
          break;
        }
      self->wanted = FALSE;
      g_mutex_unlock (&self->mutex);

      rc = sqlite3_wal_checkpoint_v2 (self->db, NULL, SQLITE_CHECKPOINT_PASSIVE, &log, &done);
      if (rc == SQLITE_OK)
        g_atomic_int_inc (&self->count);
      else
        /* Busy now: the next thousand pages ask again; the data is safe in the WAL meanwhile. */
        g_debug ("Checkpoint put off: %s", sqlite3_errmsg (self->db));
    }
  return NULL;
}

HallCheckpointer *
hall_checkpointer_new (HallDb  *writer,
                       GError **error)
{
  HallCheckpointer *self;
  sqlite3          *db = NULL;
  char             *message = NULL;

  g_return_val_if_fail (writer != NULL, NULL);

  if (sqlite3_open_v2 (hall_db_get_path (writer), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX,
                       NULL)
          != SQLITE_OK
      || sqlite3_exec (db, "PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL;", NULL, NULL,
                       &message)
             != SQLITE_OK)
    {
      hall_set_error (error, HALL_ERROR_INTERNAL, "database",
                      _ ("Cannot open the hall database “%s”: %s"), hall_db_get_path (writer),
                      message != NULL ? message : sqlite3_errmsg (db));
      sqlite3_free (message);
      sqlite3_close (db);
      return NULL;
    }

  self = g_new0 (HallCheckpointer, 1);
  self->writer = hall_db_get_handle (writer);
  self->db = db;
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  /* Replaces the writer's automatic checkpoint. */
  sqlite3_wal_hook (self->writer, wal_hook, self);
  self->thread = g_thread_new ("hall-checkpoint", checkpoint_main, self);
  return self;
}

guint
hall_checkpointer_get_count (HallCheckpointer *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_atomic_int_get (&self->count);
}

guint
hall_checkpointer_get_wal_pages (HallCheckpointer *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->wal_pages;
}

void
hall_checkpointer_free (HallCheckpointer *self)
{
  if (self == NULL)
    return;
  g_mutex_lock (&self->mutex);
  self->quit = TRUE;
  g_cond_signal (&self->cond);
  g_mutex_unlock (&self->mutex);
  g_thread_join (self->thread);
  /* The last connection to close checkpoints what is left. */
  sqlite3_close (self->db);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self);
}
