/* test-crash.c — kill -9 the server under load, again and again
 *
 * Issue 2 §4 "Crash": writers issue tickets with request_ids while the server is killed with
 * SIGKILL and started again on the same database and port. Afterwards no acknowledged write is
 * lost, the database passes `xinfang-hall-server check`, and a change-feed subscriber that
 * resumes with since=<last seq it saw> has seen every event exactly once, in order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-crash"

#include "config.h"

#include <sqlite3.h>

#include "hall-test-feed.h"
#include "hall-test-http.h"
#include "hall-test-server.h"
#include "hall-test-util.h"

#define N_WRITERS 4
#define N_ROUNDS 10
/* acknowledged writes between two kills */
#define WRITES_PER_ROUND 80

typedef struct
{
  char  *request_id;
  gint64 ticket_id;
  char  *code;
} Ack;

typedef struct
{
  const char *url;
  int         index;
  GMutex      lock;
  GArray     *acks; /* Ack */
  guint       retries;
  GError     *error;
} Writer;

static gint stop_writers;

static void
ack_clear (gpointer data)
{
  Ack *ack = data;

  g_free (ack->request_id);
  g_free (ack->code);
}

static guint
count_acks (Writer *writers)
{
  guint n = 0;

  for (int i = 0; i < N_WRITERS; i++)
    {
      g_mutex_lock (&writers[i].lock);
      n += writers[i].acks->len;
      g_mutex_unlock (&writers[i].lock);
    }
  return n;
}

/* Issues tickets one after another. A request the server did not answer (killed, or shutting
 * down) is sent again with the same request_id until it is answered: then it counts as
 * acknowledged, and it must be there after every later crash. */
static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr (HallTestHttp) client = hall_test_http_new (w->url);
  g_autofree char *username = g_strdup_printf ("kiosk%d", w->index);

  while (!hall_test_http_login (client, username, HALL_TEST_PASSWORD, "kiosk", 0, &w->error))
    {
      if (!g_error_matches (w->error, HALL_ERROR, HALL_ERROR_UNAVAILABLE))
        return NULL;
      g_clear_error (&w->error);
      g_usleep (10 * 1000);
    }

  for (guint n = 0; !g_atomic_int_get (&stop_writers); n++)
    {
      g_autofree char *request_id = g_strdup_printf ("w%d-%u", w->index, n);
      g_autoptr (JsonObject) params = json_object_new ();
      g_autoptr (JsonObject) result = NULL;
      JsonObject *ticket;
      Ack         ack;

      /* the server may be down: sent again until it is back */
      json_object_set_int_member (params, "department_id", 1 + w->index);
      json_object_set_string_member (params, "request_id", request_id);
      result = hall_test_http_call_until_answered (client, "ticket.issue", params, &w->retries,
                                                   &w->error);
      if (result == NULL)
        return NULL;

      ticket = json_object_get_object_member (result, "ticket");
      ack.request_id = g_steal_pointer (&request_id);
      ack.ticket_id = json_object_get_int_member (ticket, "id");
      ack.code = g_strdup (json_object_get_string_member (ticket, "code"));
      g_mutex_lock (&w->lock);
      g_array_append_val (w->acks, ack);
      g_mutex_unlock (&w->lock);
    }
  return NULL;
}

static void
wait_for_acks (Writer *writers,
               guint   n)
{
  gint64 deadline = g_get_monotonic_time () + HALL_TEST_SERVER_TIMEOUT * G_USEC_PER_SEC;

  while (count_acks (writers) < n)
    {
      for (int i = 0; i < N_WRITERS; i++)
        g_assert_no_error (writers[i].error);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (2 * 1000);
    }
}

/* Every event in the database, by paging through events.since from 0. */
static GArray *
all_events (HallTestServer *server,
            const char     *token)
{
  GArray  *seqs = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64   since = 0;
  gboolean more = TRUE;

  while (more)
    {
      g_autoptr (JsonObject) page = hall_test_server_ok (
          server, token, "events.since", "{\"since\":%" G_GINT64_FORMAT ",\"limit\":10000}", since);
      JsonArray *events = json_object_get_array_member (page, "events");

      for (guint i = 0; i < json_array_get_length (events); i++)
        {
          gint64 seq =
              json_object_get_int_member (json_array_get_object_element (events, i), "seq");

          g_array_append_val (seqs, seq);
        }
      since = json_object_get_int_member (page, "last_seq");
      more = json_object_get_boolean_member (page, "more");
    }
  return seqs;
}

static void
assert_acks_kept (HallTestServer *server,
                  Writer         *writers)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *st = NULL;
  guint         n_acks = 0;

  g_assert_cmpint (sqlite3_open_v2 (server->database, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT code FROM ticket WHERE id = ?1", -1, &st, NULL),
                   ==, SQLITE_OK);
  for (int i = 0; i < N_WRITERS; i++)
    for (guint k = 0; k < writers[i].acks->len; k++)
      {
        Ack *ack = &g_array_index (writers[i].acks, Ack, k);

        sqlite3_bind_int64 (st, 1, ack->ticket_id);
        if (sqlite3_step (st) != SQLITE_ROW)
          g_error ("acknowledged ticket %s (request %s) is lost", ack->code, ack->request_id);
        g_assert_cmpstr ((const char *) sqlite3_column_text (st, 0), ==, ack->code);
        sqlite3_reset (st);
        n_acks++;
      }
  sqlite3_finalize (st);

  /* Every request was retried until answered, so each made exactly one ticket: none is missing
   * and none was issued twice for one request_id. */
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT count(*), count(DISTINCT code || day) FROM ticket",
                                       -1, &st, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (st, 0), ==, n_acks);
  g_assert_cmpint (sqlite3_column_int64 (st, 1), ==, n_acks);
  sqlite3_finalize (st);
  sqlite3_close (db);
}

/* Waits until the subscriber has connected to the server's @n-th life, so every crash is one the
 * feed has to resume across. */
static void
wait_for_feed_connections (HallTestFeed *feed,
                           guint         n)
{
  gint64 deadline = g_get_monotonic_time () + HALL_TEST_SERVER_TIMEOUT * G_USEC_PER_SEC;

  while (hall_test_feed_connections (feed) < n)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("the feed did not reconnect (%u connections, expected %u)",
                 hall_test_feed_connections (feed), n);
      g_usleep (10 * 1000);
    }
}

static void
test_kill_under_load (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_autofree char *display = NULL;
  g_autofree char *manager = NULL;
  g_autoptr (GArray) expected = NULL;
  g_autoptr (GArray) seen = NULL;
  Writer        writers[N_WRITERS] = { 0 };
  GThread      *threads[N_WRITERS];
  HallTestFeed *feed;
  guint         target = 0, retries = 0;

  for (int i = 0; i < N_WRITERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("kiosk%d", i + 1);

      hall_test_server_add_user (server, name, "kiosk", NULL, NULL);
    }
  display = hall_test_server_add_user_login (server, "wall", "display", NULL, 0);
  manager = hall_test_server_add_user_login (server, "manager", "manager", NULL, 0);

  /* The wall display follows the feed from the beginning and resumes after every crash. */
  feed = hall_test_feed_start (server->url, display, 0);

  g_atomic_int_set (&stop_writers, 0);
  for (int i = 0; i < N_WRITERS; i++)
    {
      writers[i].url = server->url;
      writers[i].index = i + 1;
      writers[i].acks = g_array_new (FALSE, FALSE, sizeof (Ack));
      g_array_set_clear_func (writers[i].acks, ack_clear);
      g_mutex_init (&writers[i].lock);
      threads[i] = g_thread_new ("writer", writer_thread, &writers[i]);
    }

  for (int round = 1; round <= N_ROUNDS; round++)
    {
      target += WRITES_PER_ROUND;
      wait_for_acks (writers, target);
      wait_for_feed_connections (feed, round);
      hall_test_server_kill (server);
      g_test_message ("round %d: killed after %u acknowledged writes", round, count_acks (writers));
      hall_test_server_start (server);
    }
  target += WRITES_PER_ROUND;
  wait_for_acks (writers, target);
  wait_for_feed_connections (feed, N_ROUNDS + 1);
  g_atomic_int_set (&stop_writers, 1);
  for (int i = 0; i < N_WRITERS; i++)
    {
      g_thread_join (threads[i]);
      g_assert_no_error (writers[i].error);
      retries += writers[i].retries;
    }
  g_test_message ("%u acknowledged writes, %u retries while the server was down",
                  count_acks (writers), retries);

  /* The subscriber has seen what the database holds: every seq once, in order, no gap. */
  expected = all_events (server, manager);
  g_assert_cmpuint (expected->len, >, 0);
  g_assert_true (hall_test_feed_wait_seq (feed, g_array_index (expected, gint64, expected->len - 1),
                                          HALL_TEST_SERVER_TIMEOUT * 1000));
  {
    g_autoptr (GArray) events = NULL;

    /* the feed keeps what arrives meanwhile (the manager's events.since is a read: no event) */
    events = hall_test_feed_dup_events (feed);
    seen = g_array_new (FALSE, FALSE, sizeof (gint64));
    for (guint i = 0; i < events->len; i++)
      g_array_append_val (seen, g_array_index (events, HallTestFeedEvent, i).seq);
  }
  g_assert_cmpuint (hall_test_feed_connections (feed), >=, N_ROUNDS + 1);
  hall_test_feed_stop (feed);

  g_assert_cmpuint (seen->len, ==, expected->len);
  for (guint i = 0; i < expected->len; i++)
    {
      g_assert_cmpint (g_array_index (seen, gint64, i), ==, g_array_index (expected, gint64, i));
      /* no gaps: the feed numbers every committed change */
      g_assert_cmpint (g_array_index (expected, gint64, i), ==, i + 1);
    }

  hall_test_server_stop (server);
  assert_acks_kept (server, writers);

  {
    int              exit_code = -1;
    g_autofree char *errors = NULL;
    g_autofree char *report = hall_test_server_run_cli (server, NULL, &exit_code, &errors, "check",
                                                        "--database", server->database, NULL);

    g_test_message ("check: %s", report);
    g_assert_cmpint (exit_code, ==, 0);
  }

  for (int i = 0; i < N_WRITERS; i++)
    {
      g_array_unref (writers[i].acks);
      g_mutex_clear (&writers[i].lock);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash/kill-9-under-load", test_kill_under_load);
  return g_test_run ();
}
