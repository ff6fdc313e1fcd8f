/* hall-test-server.h — the real xinfang-hall-server as a child process, for tests
 *
 * The binary comes from $HALL_SERVER_EXE (set by tests/meson.build). Each server gets its own
 * temporary folder with the database, the certificate folder and one log file per start
 * (stdout and stderr). It listens on 127.0.0.1 on a free port that it keeps across restarts, so
 * a test can stop, kill -9 and start it again on the same database and address.
 *
 * Every wait polls with a deadline (HALL_TEST_SERVER_TIMEOUT seconds, generous for a loaded
 * machine under sanitizers) and iterates the thread-default main context while it waits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "hall-error.h"

G_BEGIN_DECLS

#define HALL_TEST_SERVER_TIMEOUT 120
#define HALL_TEST_PASSWORD "password123"

typedef enum
{
  HALL_TEST_SERVER_PLAIN = 0,         /* --plain: http://127.0.0.1:PORT */
  HALL_TEST_SERVER_TLS = 1 << 0,      /* HTTPS with the self-signed certificate */
  HALL_TEST_SERVER_NO_START = 1 << 1, /* hall_test_server_new() does not start it */
  HALL_TEST_SERVER_ANNOUNCE = 1 << 2, /* TLS: announced on the LAN (else --no-announce) */
} HallTestServerFlags;

typedef struct
{
  char        *dir;      /* temporary folder, removed by hall_test_server_free() */
  char        *database; /* dir/hall.db */
  char        *log_path; /* the current start's output */
  gboolean     tls;
  gboolean     announce;
  guint16      port;        /* 0 until the first start chose one */
  char        *url;         /* "http://127.0.0.1:PORT" or "https://…", no trailing slash */
  char        *fingerprint; /* TLS: the fingerprint the server printed; the session pins it */
  SoupSession *session;
  /* Set before the first start (HALL_TEST_SERVER_NO_START): the network namespace the server
   * runs in, and the address clients reach it at there. With @host it listens on every address
   * and @url uses @host; NULL for both: 127.0.0.1 in the test's own namespace. */
  char *netns;
  char *host;

  /*< private >*/
  char        *exe;      /* NULL: $HALL_SERVER_EXE */
  gboolean     keep_dir; /* @dir is the caller's: free() leaves it */
  GSubprocess *process;
  gboolean     exited;
  int          exit_status; /* as from waitpid() */
  guint        n_starts;
} HallTestServer;

/* A new hall in a new temporary folder; started and healthy unless NO_START. */
HallTestServer *hall_test_server_new (HallTestServerFlags flags);
/* A plain-HTTP server, started, on an existing @database that hall_test_server_free() leaves
 * (its logs go beside it), running @exe (NULL: $HALL_SERVER_EXE). For the benchmark. */
HallTestServer *hall_test_server_new_for_database (const char *exe,
                                                   const char *database);
/* Starts (again) on the same database and port; returns once /api/v1/health answers 200. */
void hall_test_server_start (HallTestServer *self);
/* SIGTERM and wait; returns the exit code (asserts it exited rather than crashed). */
int hall_test_server_stop (HallTestServer *self);
/* SIGKILL and wait. */
void hall_test_server_kill (HallTestServer *self);
/* Stop (SIGTERM) and start again. */
void     hall_test_server_restart (HallTestServer *self);
gboolean hall_test_server_is_running (HallTestServer *self);
GPid     hall_test_server_get_pid (HallTestServer *self);
/* Kills it if still running and removes the folder. */
void hall_test_server_free (HallTestServer *self);
/* The log of the current (or last) start. */
char *hall_test_server_read_log (HallTestServer *self);

/* Runs `xinfang-hall-server ARGS…` (NULL-terminated) with @input on standard input; returns its
 * standard output and sets @exit_code. "--database" is not added: pass self->database. */
char *hall_test_server_run_cli (HallTestServer *self,
                                const char     *input,
                                int            *exit_code,
                                char          **error_output,
                                ...) G_GNUC_NULL_TERMINATED;
/* Creates an account with the `add-user` command (works while the server runs). @roles is
 * comma-separated ("staff,manager"); @department a code or NULL; @password NULL for
 * HALL_TEST_PASSWORD. */
void hall_test_server_add_user (HallTestServer *self,
                                const char     *username,
                                const char     *roles,
                                const char     *department,
                                const char     *password);
/* Signs in over HTTP and returns the token (asserts success). @role NULL for the default. */
char *hall_test_server_login (HallTestServer *self,
                              const char     *username,
                              const char     *role,
                              gint64          counter_id);
/* add_user + login. */
char *hall_test_server_add_user_login (HallTestServer *self,
                                       const char     *username,
                                       const char     *roles,
                                       const char     *department,
                                       gint64          counter_id);

/* A message for @path ("/api/v1/…") that trusts the server's pinned certificate. */
SoupMessage *hall_test_server_message_new (HallTestServer *self,
                                           const char     *method,
                                           const char     *path);
/* Sends a raw request; returns the body as text (never NULL) and sets @status. @token and
 * @body may be NULL. */
char *hall_test_server_request (HallTestServer *self,
                                const char     *method,
                                const char     *path,
                                const char     *token,
                                const char     *body,
                                gsize           body_length,
                                guint          *status);
/* POST /api/v1/@command with a JSON body from @json_format (printf-style; NULL sends no body).
 * Returns the parsed JSON object of the answer (asserts it is one) and sets @status. */
JsonObject *hall_test_server_call (HallTestServer *self,
                                   const char     *token,
                                   const char     *command,
                                   guint          *status,
                                   const char     *json_format,
                                   ...) G_GNUC_PRINTF (5, 6);
/* As hall_test_server_call(), asserting 200. */
JsonObject *hall_test_server_ok (HallTestServer *self,
                                 const char     *token,
                                 const char     *command,
                                 const char     *json_format,
                                 ...) G_GNUC_PRINTF (4, 5);
/* Asserts the call fails with @code (and its HTTP status) and, when @field is non-NULL, names
 * @field; returns the "error" object. */
JsonObject *hall_test_server_fails (HallTestServer *self,
                                    const char     *token,
                                    const char     *command,
                                    HallErrorCode   code,
                                    const char     *field,
                                    const char     *json_format,
                                    ...) G_GNUC_PRINTF (6, 7);
/* TCP states as /proc/net/tcp writes them. */
#define HALL_TEST_TCP_ESTABLISHED 0x01
#define HALL_TEST_TCP_CLOSE_WAIT 0x08

/* VmRSS of the running server in kB, or -1. */
gint64 hall_test_server_rss_kb (HallTestServer *self);
/* How many files the running server has open (/proc/PID/fd). */
guint hall_test_server_count_fds (HallTestServer *self);
/* How many of the server's accepted connections are in @tcp_state (/proc/net/tcp and tcp6). */
guint hall_test_server_count_connections (HallTestServer *self,
                                          guint           tcp_state);
/* Adds to @ports (a set of GUINT_TO_POINTER) the local port of every open client connection
 * to the server, this process's or another's: sampled often, it tells how many connections a
 * client opened. */
void hall_test_server_collect_client_ports (HallTestServer *self,
                                            GHashTable     *ports);
/* Iterates the main context until the server has at most @max_fds files open and no
 * connection in CLOSE-WAIT; FALSE if that does not happen within @timeout_seconds. */
gboolean hall_test_server_wait_fds_at_most (HallTestServer *self,
                                            guint           max_fds,
                                            guint           timeout_seconds);
/* Polls /api/v1/health until it answers 200 or the deadline passes. */
gboolean hall_test_server_wait_healthy (HallTestServer *self,
                                        guint           timeout_seconds);
/* Handles what is due in the thread-default main context for about @msec milliseconds. */
void hall_test_pump (guint msec);
/* Iterates the thread-default main context until *@flag is TRUE or @timeout_seconds pass. */
gboolean hall_test_wait_for (gboolean *flag,
                             guint     timeout_seconds);

/* Connects to @url as the join page does (hall_remote_client_probe_async()) and waits: the
 * health answer, or NULL with @error; @fingerprint gets the certificate's (NULL over http://). */
JsonObject *hall_test_probe (const char *url,
                             char      **fingerprint,
                             GError    **error);

/* The id of the account @username, from user.list as @admin_token (asserts it exists). */
gint64 hall_test_server_user_id (HallTestServer *self,
                                 const char     *admin_token,
                                 const char     *username);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HallTestServer, hall_test_server_free)

G_END_DECLS
