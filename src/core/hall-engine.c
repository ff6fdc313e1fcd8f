/* hall-engine.c
 *
 * The engine owns the database and runs every command on one worker thread. The worker takes
 * whatever calls are queued (up to MAX_BATCH), runs each inside its own SAVEPOINT of a single
 * BEGIN IMMEDIATE transaction and commits once: a group commit. A command that fails rolls back
 * to its savepoint and leaves the others untouched; nobody gets an answer before the commit that
 * holds their write is on disk (synchronous=FULL).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-engine"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-checkpoint.h"
#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-dispatch-private.h"
#include "hall-restore.h"

#define MAX_BATCH 64
/* How often an idle worker looks for events another process (xinfang-hall-server add-user, a
 * second engine on the same file) committed, so they reach subscribers too. */
#define EXTERNAL_CHECK_USEC (500 * 1000)

struct _HallEngine
{
  GObject parent_instance;

  char             *path;
  HallDb           *db;           /* worker thread only, once started */
  HallCheckpointer *checkpointer; /* outlives db */
  GThread          *worker;
  GAsyncQueue      *queue; /* Job* */
  GMainContext     *context;
  GTimeZone        *tz;

  char    *restore_from; /* worker only: hall.restore's backup, put back after its commit */
  gint64   fixed_now;    /* atomic; 0 = real clock */
  gint64   data_version; /* worker only: PRAGMA data_version when we last looked for others' writes */
  gint64   last_seq;     /* atomic */
  gboolean shut_down;    /* atomic */
  gboolean timing;       /* HALL_SERVER_TIMING=1: calls keep where their time went */
};

typedef struct
{
  char       *token;
  char       *command;
  JsonObject *params;
  char       *client_address;
  gboolean    system;
  gboolean    quit;

  GTask            *task;
  HallEngineTiming *timing; /* a reference to the task's, or NULL */

  /* for hall_engine_call_sync */
  GMutex   mutex;
  GCond    cond;
  gboolean done;

  JsonObject *result;
  GError     *error;
  GPtrArray  *events;
} Job;

G_DEFINE_FINAL_TYPE (HallEngine, hall_engine, G_TYPE_OBJECT)

enum
{
  EVENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static Job quit_job = { .quit = TRUE };

static void
job_free (Job *job)
{
  g_free (job->token);
  g_free (job->command);
  g_clear_pointer (&job->params, json_object_unref);
  g_free (job->client_address);
  g_clear_object (&job->task);
  g_clear_pointer (&job->timing, g_rc_box_release);
  g_clear_pointer (&job->result, json_object_unref);
  g_clear_error (&job->error);
  g_clear_pointer (&job->events, g_ptr_array_unref);
  g_mutex_clear (&job->mutex);
  g_cond_clear (&job->cond);
  g_free (job);
}

static Job *
job_new (const char *token,
         const char *command,
         JsonObject *params,
         const char *client_address)
{
  Job *job = g_new0 (Job, 1);

  job->token = g_strdup (token);
  job->command = g_strdup (command);
  job->params = params ? json_object_ref (params) : json_object_new ();
  job->client_address = g_strdup (client_address);
  g_mutex_init (&job->mutex);
  g_cond_init (&job->cond);
  return job;
}

static gint64
engine_now (HallEngine *self)
{
  gint64 fixed = __atomic_load_n (&self->fixed_now, __ATOMIC_SEQ_CST);

  if (fixed != 0)
    return fixed;
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
run_job (HallEngine *self,
         Job        *job,
         gint64      now)
{
  HallCall call = {
    .token = job->token,
    .command = job->command,
    .params = job->params,
    .client_address = job->client_address,
    .system = job->system,
  };

  job->result = _hall_dispatch (self, self->db, self->tz, &call, now, &job->events, &job->error);
}

/* Answers @job: a waiting thread at once, an async call's task where it was made. */
static void
complete_job (Job *job)
{
  if (job->task != NULL)
    {
      if (job->error != NULL)
        g_task_return_error (job->task, g_steal_pointer (&job->error));
      else
        g_task_return_pointer (job->task, g_steal_pointer (&job->result),
                               (GDestroyNotify) json_object_unref);
      job_free (job);
    }
  else
    {
      g_mutex_lock (&job->mutex);
      job->done = TRUE;
      g_cond_signal (&job->cond);
      g_mutex_unlock (&job->mutex);
    }
}

/* A commit's events, then its async calls' answers: one wake-up of the main loop, not two. */
typedef struct
{
  HallEngine *engine;
  GPtrArray  *events;
  GPtrArray  *timings; /* HallEngineTiming*, references: the batch's calls */
  GPtrArray  *jobs;    /* Job*: async calls to answer after the events */
} EventBatch;

static gboolean
emit_events_cb (gpointer data)
{
  EventBatch *batch = data;
  gint64      start = g_get_monotonic_time ();

  for (guint i = 0; i < batch->events->len; i++)
    g_signal_emit (batch->engine, signals[EVENT], 0, batch->events->pdata[i]);
  for (guint i = 0; i < batch->timings->len; i++)
    ((HallEngineTiming *) batch->timings->pdata[i])->fanout_us = g_get_monotonic_time () - start;
  /* In the tasks' context, past the iteration that made them: each returns at once. */
  for (guint i = 0; i < batch->jobs->len; i++)
    complete_job (batch->jobs->pdata[i]);
  g_ptr_array_set_size (batch->jobs, 0);
  return G_SOURCE_REMOVE;
}

static void
event_batch_free (gpointer data)
{
  EventBatch *batch = data;

  /* Not dispatched (the context went away): the tasks still get their answers. */
  for (guint i = 0; i < batch->jobs->len; i++)
    complete_job (batch->jobs->pdata[i]);
  g_object_unref (batch->engine);
  g_ptr_array_unref (batch->events);
  g_ptr_array_unref (batch->timings);
  g_ptr_array_unref (batch->jobs);
  g_free (batch);
}

/* Appends to @events the events other connections committed since we last looked. Run inside the
 * write lock (or when idle), so they are delivered before any seq this engine commits next. */
static void
collect_external_events (HallEngine *self,
                         GPtrArray  *events)
{
  g_autoptr (HallStmt) version = hall_db_prepare (self->db, "PRAGMA data_version", NULL);
  g_autoptr (HallStmt) stmt = NULL;
  gint64 last = __atomic_load_n (&self->last_seq, __ATOMIC_SEQ_CST);
  gint64 data_version;

  if (version == NULL || hall_stmt_step (version, NULL) != SQLITE_ROW)
    return;
  data_version = hall_stmt_int (version, 0);
  if (data_version == self->data_version)
    return;
  self->data_version = data_version;

  stmt = hall_db_prepare (
      self->db, "SELECT seq, kind, at, payload FROM event WHERE seq > ?1 ORDER BY seq", NULL);
  if (stmt == NULL)
    return;
  hall_stmt_bind_int (stmt, 1, last);
  while (hall_stmt_step (stmt, NULL) == SQLITE_ROW)
    {
      g_autoptr (JsonNode) payload = json_from_string (hall_stmt_text (stmt, 3), NULL);

      last = hall_stmt_int (stmt, 0);
      g_ptr_array_add (events,
                       hall_event_new (last, hall_stmt_text (stmt, 1), hall_stmt_int (stmt, 2),
                                       payload && JSON_NODE_HOLDS_OBJECT (payload)
                                           ? json_node_get_object (payload)
                                           : NULL));
    }
}

/* @batch: the Jobs whose transaction wrote @events, or NULL; answered here too. */
static void
publish_events (HallEngine *self,
                GPtrArray  *events,
                GPtrArray  *batch)
{
  g_autoptr (GPtrArray) jobs = g_ptr_array_new ();
  g_autoptr (GPtrArray) waiting = g_ptr_array_new ();
  EventBatch *eb;

  if (events->len > 0)
    __atomic_store_n (&self->last_seq,
                      json_object_get_int_member (events->pdata[events->len - 1], "seq"),
                      __ATOMIC_SEQ_CST);
  for (guint i = 0; batch != NULL && i < batch->len; i++)
    {
      Job *job = batch->pdata[i];

      if (job->timing != NULL)
        job->timing->done = g_get_monotonic_time ();
      g_ptr_array_add (job->task != NULL ? jobs : waiting, job);
    }
  if (events->len > 0 || jobs->len > 0)
    {
      eb = g_new0 (EventBatch, 1);
      eb->engine = g_object_ref (self);
      eb->events = g_ptr_array_ref (events);
      eb->timings = g_ptr_array_new_with_free_func (g_rc_box_release);
      for (guint i = 0; i < jobs->len; i++)
        if (((Job *) jobs->pdata[i])->timing != NULL)
          g_ptr_array_add (eb->timings, g_rc_box_acquire (((Job *) jobs->pdata[i])->timing));
      eb->jobs = g_steal_pointer (&jobs);
      /* Run on this thread when nobody iterates the context (hall_engine_call_sync () waits) */
      g_main_context_invoke_full (self->context, G_PRIORITY_DEFAULT, emit_events_cb, eb,
                                  event_batch_free);
    }
  /* Callers waiting for the worker last (the tasks above may be freed by now). */
  for (guint i = 0; i < waiting->len; i++)
    complete_job (waiting->pdata[i]);
}

/* Puts the backup hall.restore chose back in place, between two batches: the worker closes its
 * connection and the checkpointer's, so that the restore is the only one on the file, and opens
 * them again on the restored hall. Its "hall.restored" event, numbered after every event this
 * engine published, then reaches subscribers as another process's write would. */
static gboolean
restore_in_place (HallEngine *self,
                  const char *from,
                  char      **undo,
                  GError    **error)
{
  g_autoptr (GError) reopen_error = NULL;
  gboolean restored;

  g_clear_pointer (&self->checkpointer, hall_checkpointer_free);
  g_clear_pointer (&self->db, hall_db_free);
  restored = hall_restore_database (self->path, from, engine_now (self), undo, error);

  self->db = hall_db_open (self->path, &reopen_error);
  if (self->db != NULL)
    self->checkpointer = hall_checkpointer_new (self->db, &reopen_error);
  if (reopen_error != NULL)
    /* The file was there a moment ago and nothing else may open it: no way to go on. */
    g_error ("Cannot open the hall again after a restore: %s", reopen_error->message);
  self->data_version = -1;
  return restored;
}

/* After the commit of a batch with hall.restore in it: restores, and answers that call with
 * the outcome. */
static void
run_restore (HallEngine *self,
             GPtrArray  *batch,
             GPtrArray  *events)
{
  g_autofree char *from = g_steal_pointer (&self->restore_from);
  g_autofree char *undo = NULL;
  GError          *error = NULL;

  for (guint i = 0; i < batch->len; i++)
    {
      Job *job = batch->pdata[i];

      if (!g_str_equal (job->command, "hall.restore") || job->result == NULL)
        continue;
      if (restore_in_place (self, from, &undo, &error))
        {
          g_autofree char *name = g_path_get_basename (undo);

          json_object_set_string_member (job->result, "undo_file", name);
        }
      else
        {
          g_clear_pointer (&job->result, json_object_unref);
          job->error = error;
        }
      collect_external_events (self, events);
      return;
    }
}

static void
run_batch (HallEngine *self,
           GPtrArray  *batch)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) events =
      g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  gint64 now = engine_now (self);
  gint64 started = g_get_monotonic_time (), committing;
  guint  pages = hall_checkpointer_get_wal_pages (self->checkpointer);

  if (!hall_db_run (self->db, "BEGIN IMMEDIATE", &error))
    {
      for (guint i = 0; i < batch->len; i++)
        {
          Job *job = batch->pdata[i];
          job->error = g_error_copy (error);
        }
      publish_events (self, events, batch);
      return;
    }

  collect_external_events (self, events);

  for (guint i = 0; i < batch->len; i++)
    {
      Job   *job = batch->pdata[i];
      gint64 t0 = g_get_monotonic_time ();

      run_job (self, job, now);
      if (job->timing != NULL)
        job->timing->exec_us = g_get_monotonic_time () - t0;
    }

  committing = g_get_monotonic_time ();
  if (!hall_db_run (self->db, "COMMIT", &error))
    {
      hall_db_run (self->db, "ROLLBACK", NULL);
      for (guint i = 0; i < batch->len; i++)
        {
          Job *job = batch->pdata[i];

          g_clear_pointer (&job->result, json_object_unref);
          g_clear_error (&job->error);
          g_clear_pointer (&job->events, g_ptr_array_unref);
          if (g_strcmp0 (hall_error_get_field (error), HALL_ERROR_FIELD_DISK_FULL) == 0)
            job->error = g_error_copy (error);
          else
            hall_set_error (&job->error, HALL_ERROR_UNAVAILABLE, NULL,
                            _ ("The hall database could not save this: %s"), error->message);
        }
    }
  else
    {
      for (guint i = 0; i < batch->len; i++)
        {
          Job *job = batch->pdata[i];

          if (job->events != NULL)
            g_ptr_array_extend_and_steal (events, g_steal_pointer (&job->events));
        }
      if (self->restore_from != NULL)
        {
          publish_events (self, events, NULL);
          g_ptr_array_set_size (events, 0);
          run_restore (self, batch, events);
        }
    }
  g_clear_pointer (&self->restore_from, g_free);

  {
    gint64 commit_us = g_get_monotonic_time () - committing;
    guint  after = hall_checkpointer_get_wal_pages (self->checkpointer);

    for (guint i = 0; i < batch->len; i++)
      {
        HallEngineTiming *timing = ((Job *) batch->pdata[i])->timing;

        if (timing == NULL)
          continue;
        timing->started = started;
        timing->commit_us = commit_us;
        timing->batch = batch->len;
        /* The WAL starts over at a transaction once a checkpoint copied all of it. */
        timing->pages = after >= pages ? after - pages : after;
      }
  }

  publish_events (self, events, batch);
}

static gpointer
worker_main (gpointer data)
{
  HallEngine *self = data;
  gboolean    quit = FALSE;

  while (!quit)
    {
      g_autoptr (GPtrArray) batch = g_ptr_array_new ();
      Job *job = g_async_queue_timeout_pop (self->queue, EXTERNAL_CHECK_USEC);

      if (job == NULL)
        {
          g_autoptr (GPtrArray) events =
              g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

          collect_external_events (self, events);
          publish_events (self, events, NULL);
          continue;
        }
      if (job->quit)
        break;
      g_ptr_array_add (batch, job);

      while (batch->len < MAX_BATCH && (job = g_async_queue_try_pop (self->queue)) != NULL)
        {
          if (job->quit)
            {
              quit = TRUE;
              break;
            }
          g_ptr_array_add (batch, job);
        }

      run_batch (self, batch);
    }

  g_clear_pointer (&self->db, hall_db_free);
  return NULL;
}

/* ---- GObject ------------------------------------------------------------------------------ */

static void
hall_engine_finalize (GObject *object)
{
  HallEngine *self = (HallEngine *) object;

  hall_engine_shutdown (self);
  g_clear_pointer (&self->db, hall_db_free);
  g_clear_pointer (&self->checkpointer, hall_checkpointer_free);
  g_clear_pointer (&self->queue, g_async_queue_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_pointer (&self->tz, g_time_zone_unref);
  g_free (self->restore_from);
  g_free (self->path);

  G_OBJECT_CLASS (hall_engine_parent_class)->finalize (object);
}

static void
hall_engine_class_init (HallEngineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hall_engine_finalize;

  /**
   * HallEngine::event:
   * @event: a #JsonObject {"seq", "kind", "at", ...}
   *
   * A committed change, in seq order, in the main context the engine was made in.
   */
  signals[EVENT] = g_signal_new ("event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 1,
                                 JSON_TYPE_OBJECT | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
hall_engine_init (HallEngine *self)
{
  self->queue = g_async_queue_new ();
  self->context = g_main_context_ref_thread_default ();
  self->tz = g_time_zone_new_local ();
  self->timing = g_strcmp0 (g_getenv ("HALL_SERVER_TIMING"), "1") == 0;
}

/* ---- public API --------------------------------------------------------------------------- */

HallEngine *
hall_engine_new (const char *path,
                 GError    **error)
{
  g_autoptr (HallEngine) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (HALL_TYPE_ENGINE, NULL);
  self->path = g_strdup (path);
  self->db = hall_db_open (path, error);
  if (self->db == NULL)
    return NULL;
  self->checkpointer = hall_checkpointer_new (self->db, error);
  if (self->checkpointer == NULL)
    return NULL;
  self->last_seq = hall_db_last_event_seq (self->db);
  {
    g_autoptr (HallStmt) version = hall_db_prepare (self->db, "PRAGMA data_version", NULL);
    if (version != NULL && hall_stmt_step (version, NULL) == SQLITE_ROW)
      self->data_version = hall_stmt_int (version, 0);
  }
  self->worker = g_thread_new ("hall-engine", worker_main, self);

  return g_steal_pointer (&self);
}

static void
engine_new_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError     *error = NULL;
  HallEngine *engine = hall_engine_new (task_data, &error);

  if (engine == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, engine, g_object_unref);
}

void
hall_engine_new_async (const char         *path,
                       GCancellable       *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, hall_engine_new_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, engine_new_thread);
}

HallEngine *
hall_engine_new_finish (GAsyncResult *result,
                        GError      **error)
{
  HallEngine *engine = g_task_propagate_pointer (G_TASK (result), error);

  /* The event signal belongs to the caller's context, not the thread that opened the file. */
  if (engine != NULL)
    {
      g_main_context_unref (engine->context);
      engine->context = g_main_context_ref_thread_default ();
    }
  return engine;
}

const char *
hall_engine_get_path (HallEngine *self)
{
  g_return_val_if_fail (HALL_IS_ENGINE (self), NULL);
  return self->path;
}

gint64
hall_engine_get_last_seq (HallEngine *self)
{
  g_return_val_if_fail (HALL_IS_ENGINE (self), 0);
  return __atomic_load_n (&self->last_seq, __ATOMIC_SEQ_CST);
}

gint64
hall_engine_get_now (HallEngine *self)
{
  g_return_val_if_fail (HALL_IS_ENGINE (self), 0);
  return engine_now (self);
}

void
hall_engine_set_now (HallEngine *self,
                     gint64      unix_time)
{
  g_return_if_fail (HALL_IS_ENGINE (self));
  __atomic_store_n (&self->fixed_now, unix_time, __ATOMIC_SEQ_CST);
}

static gboolean
enqueue (HallEngine *self,
         Job        *job,
         GError    **error)
{
  if (g_atomic_int_get (&self->shut_down))
    {
      hall_set_error (error, HALL_ERROR_UNAVAILABLE, NULL, _ ("The hall is shutting down."));
      /* A passing outage: a client may send the call again when the hall is back. */
      if (error != NULL)
        hall_error_set_retry_after (*error, 1);
      return FALSE;
    }
  g_async_queue_push (self->queue, job);
  return TRUE;
}

static void
call_async (HallEngine         *self,
            Job                *job,
            GCancellable       *cancellable,
            GAsyncReadyCallback callback,
            gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  GError *error = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hall_engine_call_async);
  /* A write that was queued still happens when the caller goes away; only its answer is dropped. */
  g_task_set_check_cancellable (task, FALSE);

  job->task = g_object_ref (task);
  if (self->timing)
    {
      job->timing = g_rc_box_new0 (HallEngineTiming);
      g_task_set_task_data (task, g_rc_box_acquire (job->timing), g_rc_box_release);
      job->timing->queued = g_get_monotonic_time ();
    }
  if (!enqueue (self, job, &error))
    {
      job_free (job);
      g_task_return_error (task, error);
    }
}

void
hall_engine_call_async (HallEngine         *self,
                        const char         *token,
                        const char         *command,
                        JsonObject         *params,
                        const char         *client_address,
                        GCancellable       *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer            user_data)
{
  g_return_if_fail (HALL_IS_ENGINE (self));
  g_return_if_fail (command != NULL);

  call_async (self, job_new (token, command, params, client_address), cancellable, callback,
              user_data);
}

void
hall_engine_call_system_async (HallEngine         *self,
                               const char         *command,
                               JsonObject         *params,
                               GCancellable       *cancellable,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  Job *job;

  g_return_if_fail (HALL_IS_ENGINE (self));
  g_return_if_fail (command != NULL);

  job = job_new (NULL, command, params, "local");
  job->system = TRUE;
  call_async (self, job, cancellable, callback, user_data);
}

JsonObject *
hall_engine_call_finish (HallEngine   *self,
                         GAsyncResult *result,
                         GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

const HallEngineTiming *
hall_engine_call_get_timing (GAsyncResult *result)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  return g_task_get_task_data (G_TASK (result));
}

static JsonObject *
call_sync (HallEngine *self,
           Job        *job,
           GError    **error)
{
  JsonObject *result;

  if (!enqueue (self, job, error))
    {
      job_free (job);
      return NULL;
    }

  g_mutex_lock (&job->mutex);
  while (!job->done)
    g_cond_wait (&job->cond, &job->mutex);
  g_mutex_unlock (&job->mutex);

  result = g_steal_pointer (&job->result);
  if (job->error != NULL)
    g_propagate_error (error, g_steal_pointer (&job->error));
  job_free (job);
  return result;
}

JsonObject *
hall_engine_call_sync (HallEngine *self,
                       const char *token,
                       const char *command,
                       JsonObject *params,
                       const char *client_address,
                       GError    **error)
{
  g_return_val_if_fail (HALL_IS_ENGINE (self), NULL);
  return call_sync (self, job_new (token, command, params, client_address), error);
}

JsonObject *
hall_engine_call_system (HallEngine *self,
                         const char *command,
                         JsonObject *params,
                         GError    **error)
{
  Job *job;

  g_return_val_if_fail (HALL_IS_ENGINE (self), NULL);
  job = job_new (NULL, command, params, "local");
  job->system = TRUE;
  return call_sync (self, job, error);
}

void
hall_engine_shutdown (HallEngine *self)
{
  g_return_if_fail (HALL_IS_ENGINE (self));

  if (!g_atomic_int_compare_and_exchange (&self->shut_down, FALSE, TRUE))
    return;
  if (self->worker != NULL)
    {
      g_async_queue_push (self->queue, &quit_job);
      g_thread_join (g_steal_pointer (&self->worker));
      /* The worker closed the database. */
      g_clear_pointer (&self->checkpointer, hall_checkpointer_free);
    }
}

void
_hall_engine_restore_after_commit (HallEngine *self,
                                   const char *from)
{
  g_free (self->restore_from);
  self->restore_from = g_strdup (from);
}

guint
hall_engine_get_checkpoints (HallEngine *self)
{
  g_return_val_if_fail (HALL_IS_ENGINE (self), 0);
  return self->checkpointer != NULL ? hall_checkpointer_get_count (self->checkpointer) : 0;
}
