/* hall-bench-util.h — samples, a server process and a plain HTTP client for the benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

/* Latency samples in milliseconds. */
GArray     *bench_samples_new         (void);
void        bench_samples_add_us      (GArray      *samples,
                                       gint64       microseconds);
/* @p in [0, 100]; sorts @samples. */
double      bench_percentile          (GArray      *samples,
                                       double       p);
double      bench_mean                (GArray      *samples);

/* "  label      value      target", padded by display width (CJK characters are two columns). */
/* Says what failed and why, on stderr under the program's name, and exits 1. */
G_NORETURN void bench_die             (const char   *what,
                                       const GError *error);
/* The kind of file system @path is on ("ext4", "tmpfs …"), for the figures' heading. */
const char *bench_filesystem_name     (const char  *path);
void        bench_print_row           (const char  *label,
                                       const char  *value,
                                       const char  *target);

/* A free TCP port on 127.0.0.1 (free when asked: the server binds it right after). */
guint16     bench_free_port           (GError     **error);

typedef struct
{
  GSubprocess *process;
  char *server_path;
  char *database;
  char *listen;
  char *url;
  char *log_path;
} BenchServer;

/* Starts `xinfang-hall-server serve` on @database at 127.0.0.1:@port (0: a free one), and
 * returns once GET /api/v1/health answers. Its output goes to @database + ".log". */
BenchServer *bench_server_start       (const char  *server_path,
                                       const char  *database,
                                       guint16      port,
                                       GError     **error);
/* SIGTERM and wait; with @kill, SIGKILL (a crash). */
void         bench_server_stop        (BenchServer *server,
                                       gboolean     kill);
/* Starts the same server again on the same database and port. */
gboolean     bench_server_restart     (BenchServer *server,
                                       GError     **error);
/* VmRSS of the server process in kB, or -1. */
gint64       bench_server_rss_kb      (BenchServer *server);
void         bench_server_free        (BenchServer *server);

typedef struct
{
  SoupSession *session;
  char *url;
  char *token;
} BenchClient;

/* A client of its own SoupSession: use it from one thread only. */
BenchClient *bench_client_new         (const char  *url);
void         bench_client_free        (BenchClient *client);
/* POST /api/v1/@command; the error is a HALL_ERROR from the body's error code, or
 * HALL_ERROR_UNAVAILABLE when the server could not be reached. */
JsonObject  *bench_client_call        (BenchClient *client,
                                       const char  *command,
                                       JsonObject  *params,
                                       GError     **error);
JsonObject  *bench_client_callf       (BenchClient *client,
                                       const char  *command,
                                       GError     **error,
                                       const char  *json_format,
                                       ...) G_GNUC_PRINTF (4, 5);
gboolean     bench_client_login       (BenchClient *client,
                                       const char  *username,
                                       const char  *password,
                                       const char  *role,
                                       gint64       counter_id,
                                       GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchServer, bench_server_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchClient, bench_client_free)

G_END_DECLS
