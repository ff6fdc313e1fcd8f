/* hall-test-client.h — a HallClient in tests: the fixture that runs a test on a local hall or
 * on the real server, waiting without sleeping, calls, sign-in and event recording (shared by
 * test-client.c and test-client-remote.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-local-client.h"
#include "hall-remote-client.h"
#include "hall-test-server.h"
#include "hall-test-util.h"

G_BEGIN_DECLS

#define WAIT_LIMIT_SECONDS 30
/* How many accounts every test starts with (admin, wall, wang, li; password "password123"). */
#define N_ACCOUNTS 4

typedef struct
{
  gboolean        remote;
  HallTestHall   *hall;   /* local */
  HallTestServer *server; /* remote */
} Fixture;

/* ---- waiting without sleeping ------------------------------------------------------------- */

/* Fails the test: what wait_until() waited for (@data, its text) never came. */
gboolean _hall_test_client_wait_expired_cb (gpointer data);

/* Runs the main loop until @cond holds; fails the test after WAIT_LIMIT_SECONDS. */
#define wait_until(cond)                                                                         \
  G_STMT_START                                                                                   \
  {                                                                                              \
    guint _limit = g_timeout_add_seconds (WAIT_LIMIT_SECONDS, _hall_test_client_wait_expired_cb, \
                                          (gpointer) #cond);                                     \
    while (!(cond))                                                                              \
      g_main_context_iteration (NULL, TRUE);                                                     \
    g_source_remove (_limit);                                                                    \
  }                                                                                              \
  G_STMT_END

/* A GAsyncReadyCallback that keeps a reference to @result in *(GAsyncResult **) @user_data. */
void store_result_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data);

/* ---- calls and sign-in --------------------------------------------------------------------- */

/* Runs @command with params parsed from @json (may be NULL) and waits for the reply. */
JsonObject *call (HallClient *client,
                  const char *command,
                  GError    **error,
                  const char *json);
/* The same; the test fails unless the call succeeds. */
JsonObject *call_ok (HallClient *client,
                     const char *command,
                     const char *json);
/* The same; the test fails unless the call fails with @code naming @field. */
void call_fails (HallClient   *client,
                 const char   *command,
                 HallErrorCode code,
                 const char   *field,
                 const char   *json);
/* Signs in and waits for the reply. */
JsonObject *login (HallClient *client,
                   const char *username,
                   const char *password,
                   const char *role,
                   GError    **error);
/* Signs in with password "password123"; the test fails unless it works. */
void login_ok (HallClient *client,
               const char *username,
               const char *role);
/* Signs out; the test fails unless it works. */
void logout (HallClient *client);

/* ---- the two kinds of hall ---------------------------------------------------------------- */

/* A local hall (@data FALSE) or the real server over TLS (TRUE), with the N_ACCOUNTS accounts. */
void fixture_setup (Fixture      *f,
                    gconstpointer data);
void fixture_teardown (Fixture      *f,
                       gconstpointer data);
/* A client of the fixture's hall, connected. */
HallClient *new_client (Fixture *f);
/* Drops the client and checks nothing else holds it (pending calls, timers, the feed). */
void free_client (HallClient *client);

/* ---- events -------------------------------------------------------------------------------- */

/* Starts keeping every event @client receives; stop_recording() frees the array. */
GPtrArray *record_events (HallClient *client);
void       stop_recording (HallClient *client,
                           GPtrArray  *events);
/* The seq of the @i-th recorded event. */
gint64 event_seq (GPtrArray *events,
                  guint      i);
/* Every seq after @first, once, in order. */
void assert_consecutive (GPtrArray *events,
                         gint64     first);

/* Creates a staff account of 民政 (password "password123"); its id. */
gint64 create_user (HallClient *client,
                    const char *username);

G_END_DECLS
