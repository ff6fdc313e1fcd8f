/* hall-engine.h — the hall: one SQLite database, one worker thread, one dispatcher
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "hall-command.h"

G_BEGIN_DECLS

#define HALL_TYPE_ENGINE (hall_engine_get_type ())

G_DECLARE_FINAL_TYPE (HallEngine, hall_engine, HALL, ENGINE, GObject)

/* Opens (creating and seeding if new) the hall database at @path. The "event" signal is emitted
 * in the thread-default main context of the caller. */
HallEngine *hall_engine_new (const char *path,
                             GError    **error);
void        hall_engine_new_async (const char         *path,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data);
HallEngine *hall_engine_new_finish (GAsyncResult *result,
                                    GError      **error);

const char *hall_engine_get_path (HallEngine *self);
gint64      hall_engine_get_last_seq (HallEngine *self);
/* How many times the WAL was copied back into the database, off the commit path. */
guint hall_engine_get_checkpoints (HallEngine *self);

/* Runs @command for the session @token (NULL for public commands) on the worker thread.
 * @params may hold "request_id": a replayed request_id returns the first result. */
void        hall_engine_call_async (HallEngine         *self,
                                    const char         *token,
                                    const char         *command,
                                    JsonObject         *params,
                                    const char         *client_address,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data);
JsonObject *hall_engine_call_finish (HallEngine   *self,
                                     GAsyncResult *result,
                                     GError      **error);
/* Where one call's time went on the engine's side, in microseconds of g_get_monotonic_time ():
 * for the server's opt-in Server-Timing header (HALL_SERVER_TIMING) and the benchmark. */
typedef struct
{
  gint64 queued;    /* hall_engine_call_async() queued the call */
  gint64 started;   /* the worker began the transaction that holds it */
  gint64 exec_us;   /* its savepoint: session, handler, audit row, events */
  gint64 commit_us; /* its transaction's COMMIT: the WAL written and synced */
  gint64 done;      /* the worker handed the answer back */
  gint64 fanout_us; /* the caller's context delivering the transaction's events */
  guint  batch;     /* calls committed together */
  guint  pages;     /* WAL pages the commit wrote */
} HallEngineTiming;

/* The timing of a call finished by hall_engine_call_finish(), on the same @result. */
const HallEngineTiming *hall_engine_call_get_timing (GAsyncResult *result);
/* Blocks until the worker has run the command: for the command line, tests and benchmarks,
 * never from a UI thread. */
JsonObject *hall_engine_call_sync (HallEngine *self,
                                   const char *token,
                                   const char *command,
                                   JsonObject *params,
                                   const char *client_address,
                                   GError    **error);
/* As the hall itself (HALL_ROLE_SYSTEM): first-run setup and `xinfang-hall-server add-user`. */
JsonObject *hall_engine_call_system (HallEngine *self,
                                     const char *command,
                                     JsonObject *params,
                                     GError    **error);

/* The same without waiting, finished with hall_engine_call_finish(): for the server's own
 * checks, such as which change feeds' sessions ended. */
void hall_engine_call_system_async (HallEngine         *self,
                                    const char         *command,
                                    JsonObject         *params,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data);

/* The engine's clock, in Unix seconds: the real one unless a test pinned it. */
gint64 hall_engine_get_now (HallEngine *self);
/* Tests pin the clock; 0 returns to the real one. */
void hall_engine_set_now (HallEngine *self,
                          gint64      unix_time);
/* Makes the engine finish what is queued and close the database. Later calls fail with
 * HALL_ERROR_UNAVAILABLE. */
void hall_engine_shutdown (HallEngine *self);

const HallCommand *hall_engine_lookup_command (const char *name);
/* Every command, NULL-terminated by name, in registration order. */
const HallCommand *const *hall_engine_list_commands (guint *n_commands);

G_END_DECLS
