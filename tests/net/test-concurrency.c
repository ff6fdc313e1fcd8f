/* test-concurrency.c — twenty windows call one queue at once through the real server
 *
 * Issue 2 §4 "Concurrency": 20 clients call next on one queue of 10,000 tickets (HALL_TEST_TICKETS
 * to change the size) through the real server: every ticket is called exactly once, no number or
 * code is given twice, the counts add up, and a replayed request_id returns the first result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-concurrency"

#include "config.h"

#include <sqlite3.h>

#include "hall-test-http.h"
#include "hall-test-server.h"
#include "hall-test-util.h"

#define N_WINDOWS 20
#define N_ISSUERS 4
#define DEPARTMENT_ID 2 /* 城建 */
#define PASSWORD HALL_TEST_PASSWORD

typedef struct
{
  HallTestServer *server;
  char           *url;
  guint           n_tickets;
} Fixture;

typedef struct
{
  Fixture   *fx;
  int        index;           /* 1-based: the window number, or the issuer number */
  GArray    *ticket_ids;      /* gint64: tickets issued, or called, by this client */
  GPtrArray *codes;           /* issuers: the codes they were given */
  guint      count;           /* issuers: their share of the tickets */
  gint64     replayed_ticket; /* window 1: what a replayed call_next returned */
  gint64     first_ticket;
  GError    *error;
} Client;

static guint
ticket_count (void)
{
  const char *env = g_getenv ("HALL_TEST_TICKETS");
  guint64     n = env ? g_ascii_strtoull (env, NULL, 10) : 0;

  return n > 0 ? (guint) n : 10000;
}

static void
setup_hall (Fixture *fx)
{
  g_autofree char *admin = NULL;

  fx->server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  fx->url = fx->server->url;
  fx->n_tickets = ticket_count ();
  admin = hall_test_server_add_user_login (fx->server, "admin", "admin", NULL, 0);
  hall_test_server_add_user (fx->server, "manager", "manager", NULL, NULL);
  for (int i = 1; i <= N_WINDOWS; i++)
    {
      g_autofree char *name = g_strdup_printf ("window%02d", i);
      g_autoptr (JsonObject) saved = NULL;

      hall_test_server_add_user (fx->server, name, "staff", "chengjian", NULL);
      /* every window serves 城建: twenty windows, one queue */
      saved = hall_test_server_ok (fx->server, admin, "counter.save",
                                   "{\"id\":%d,\"department_ids\":[%d]}", i, DEPARTMENT_ID);
    }
}

static void
teardown_hall (Fixture *fx)
{
  g_clear_pointer (&fx->server, hall_test_server_free);
}

static gint64
ticket_id_of (JsonObject *result)
{
  return json_object_get_int_member (json_object_get_object_member (result, "ticket"), "id");
}

static gpointer
issuer_thread (gpointer data)
{
  Client *c = data;
  g_autoptr (HallTestHttp) client = hall_test_http_new (c->fx->url);

  if (!hall_test_http_login (client, "manager", PASSWORD, "manager", 0, &c->error))
    return NULL;
  for (guint i = 0; i < c->count; i++)
    {
      g_autoptr (JsonObject) result = NULL;

      result = hall_test_http_callf (client, "ticket.issue", &c->error,
                                     "{\"department_id\":%d,\"request_id\":\"issue-%d-%u\"}",
                                     DEPARTMENT_ID, c->index, i);
      if (result == NULL)
        return NULL;
      gint64 ticket_id = ticket_id_of (result);

      g_array_append_val (c->ticket_ids, ticket_id);
      g_ptr_array_add (c->codes, g_strdup (json_object_get_string_member (
                                     json_object_get_object_member (result, "ticket"), "code")));
    }
  return NULL;
}

static gpointer
window_thread (gpointer data)
{
  Client *c = data;
  g_autoptr (HallTestHttp) client = hall_test_http_new (c->fx->url);
  g_autofree char *username = g_strdup_printf ("window%02d", c->index);
  g_autoptr (JsonObject) opened = NULL;

  if (!hall_test_http_login (client, username, PASSWORD, "staff", c->index, &c->error))
    return NULL;
  opened = hall_test_http_callf (client, "counter.open", &c->error, "{\"request_id\":\"open-%d\"}",
                                 c->index);
  if (opened == NULL)
    return NULL;

  for (guint k = 0;; k++)
    {
      g_autoptr (GError) local_error = NULL;
      g_autoptr (JsonObject) called = NULL;
      g_autoptr (JsonObject) finished = NULL;
      gint64 ticket_id;

      called = hall_test_http_callf (client, "counter.call_next", &local_error,
                                     "{\"request_id\":\"call-%d-%u\"}", c->index, k);
      if (called == NULL)
        {
          if (!g_error_matches (local_error, HALL_ERROR, HALL_ERROR_QUEUE_EMPTY))
            g_propagate_error (&c->error, g_steal_pointer (&local_error));
          break;
        }
      ticket_id = ticket_id_of (called);
      g_array_append_val (c->ticket_ids, ticket_id);

      if (c->index == 1 && k == 0)
        {
          /* The answer got lost and the window sends the same call again: it must get the same
           * visitor back, not call another one. */
          g_autoptr (JsonObject) again = hall_test_http_callf (
              client, "counter.call_next", &c->error, "{\"request_id\":\"call-1-0\"}");
          if (again == NULL)
            return NULL;
          c->first_ticket = ticket_id;
          c->replayed_ticket = ticket_id_of (again);
        }

      finished =
          hall_test_http_callf (client, "ticket.finish", &c->error,
                                "{\"ticket_id\":%" G_GINT64_FORMAT ",\"outcome\":\"resolved\","
                                "\"request_id\":\"finish-%d-%u\"}",
                                ticket_id, c->index, k);
      if (finished == NULL)
        return NULL;
    }
  return NULL;
}

static void
client_clear (Client *c)
{
  g_clear_pointer (&c->ticket_ids, g_array_unref);
  g_clear_pointer (&c->codes, g_ptr_array_unref);
  g_clear_error (&c->error);
}

static void
assert_database (Fixture    *fx,
                 GHashTable *called_by)
{
  sqlite3      *db = NULL;
  sqlite3_stmt *st = NULL;

  g_assert_cmpint (sqlite3_open_v2 (fx->server->database, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);

  /* every ticket is finished, called once, by the window the client saw */
  g_assert_cmpint (
      sqlite3_prepare_v2 (db,
                          "SELECT count(*), count(DISTINCT code), count(DISTINCT number), "
                          "sum(state = 'finished'), sum(called_at IS NOT NULL), max(number) "
                          "FROM ticket",
                          -1, &st, NULL),
      ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (st, 0), ==, fx->n_tickets);
  g_assert_cmpint (sqlite3_column_int64 (st, 1), ==, fx->n_tickets);
  g_assert_cmpint (sqlite3_column_int64 (st, 2), ==, fx->n_tickets);
  g_assert_cmpint (sqlite3_column_int64 (st, 3), ==, fx->n_tickets);
  g_assert_cmpint (sqlite3_column_int64 (st, 4), ==, fx->n_tickets);
  /* numbers run 1 … n without a gap */
  g_assert_cmpint (sqlite3_column_int64 (st, 5), ==, fx->n_tickets);
  sqlite3_finalize (st);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT id, counter_id FROM ticket", -1, &st, NULL), ==,
                   SQLITE_OK);
  while (sqlite3_step (st) == SQLITE_ROW)
    {
      gint64   id = sqlite3_column_int64 (st, 0);
      gpointer window = g_hash_table_lookup (called_by, &id);

      g_assert_nonnull (window);
      g_assert_cmpint (GPOINTER_TO_INT (window), ==, sqlite3_column_int64 (st, 1));
    }
  sqlite3_finalize (st);

  /* the change feed says the same: one ticket.called per ticket */
  g_assert_cmpint (
      sqlite3_prepare_v2 (db,
                          "SELECT count(*), count(DISTINCT json_extract(payload, '$.ticket_id')) "
                          "FROM event WHERE kind = 'ticket.called'",
                          -1, &st, NULL),
      ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int64 (st, 0), ==, fx->n_tickets);
  g_assert_cmpint (sqlite3_column_int64 (st, 1), ==, fx->n_tickets);
  sqlite3_finalize (st);
  sqlite3_close (db);
}

static void
test_twenty_windows (void)
{
  Fixture  fx = { 0 };
  Client   issuers[N_ISSUERS] = { 0 };
  Client   windows[N_WINDOWS] = { 0 };
  GThread *threads[N_WINDOWS];
  g_autoptr (GHashTable) issued = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr (GHashTable) codes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) called_by =
      g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint  n_called = 0;
  gint64 start;

  setup_hall (&fx);
  g_test_message ("%u tickets, %d windows", fx.n_tickets, N_WINDOWS);

  /* The kiosk and the hall manager hand out numbers at the same time. */
  start = g_get_monotonic_time ();
  for (int i = 0; i < N_ISSUERS; i++)
    {
      issuers[i].fx = &fx;
      issuers[i].index = i + 1;
      issuers[i].ticket_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      issuers[i].codes = g_ptr_array_new_with_free_func (g_free);
      issuers[i].count = fx.n_tickets / N_ISSUERS + ((guint) i < fx.n_tickets % N_ISSUERS ? 1 : 0);
      threads[i] = g_thread_new ("issuer", issuer_thread, &issuers[i]);
    }
  for (int i = 0; i < N_ISSUERS; i++)
    g_thread_join (threads[i]);
  for (int i = 0; i < N_ISSUERS; i++)
    {
      g_assert_no_error (issuers[i].error);
      g_assert_cmpuint (issuers[i].ticket_ids->len, ==, issuers[i].count);
      for (guint k = 0; k < issuers[i].ticket_ids->len; k++)
        {
          gint64      id = g_array_index (issuers[i].ticket_ids, gint64, k);
          const char *code = issuers[i].codes->pdata[k];

          g_assert_false (g_hash_table_contains (issued, &id));
          g_hash_table_add (issued, g_memdup2 (&id, sizeof id));
          /* no code given twice */
          g_assert_true (g_str_has_prefix (code, "C"));
          g_assert_false (g_hash_table_contains (codes, code));
          g_hash_table_add (codes, (gpointer) code);
        }
    }
  g_assert_cmpuint (g_hash_table_size (issued), ==, fx.n_tickets);
  g_test_message ("issued %u tickets from %d clients in %.1f s", fx.n_tickets, N_ISSUERS,
                  (g_get_monotonic_time () - start) / 1e6);

  {
    /* replaying an issue returns the same ticket rather than a new number */
    g_autoptr (HallTestHttp) client = hall_test_http_new (fx.url);
    g_autoptr (GError) error = NULL;
    g_autoptr (JsonObject) again = NULL;

    g_assert_true (hall_test_http_login (client, "manager", PASSWORD, "manager", 0, &error));
    again =
        hall_test_http_callf (client, "ticket.issue", &error,
                              "{\"department_id\":%d,\"request_id\":\"issue-1-0\"}", DEPARTMENT_ID);
    g_assert_no_error (error);
    g_assert_cmpint (ticket_id_of (again), ==, g_array_index (issuers[0].ticket_ids, gint64, 0));
  }

  /* Twenty windows call the queue empty. */
  start = g_get_monotonic_time ();
  for (int i = 0; i < N_WINDOWS; i++)
    {
      windows[i].fx = &fx;
      windows[i].index = i + 1;
      windows[i].ticket_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      threads[i] = g_thread_new ("window", window_thread, &windows[i]);
    }
  for (int i = 0; i < N_WINDOWS; i++)
    g_thread_join (threads[i]);

  g_test_message ("called and finished %u tickets at %d windows in %.1f s", fx.n_tickets, N_WINDOWS,
                  (g_get_monotonic_time () - start) / 1e6);
  for (int i = 0; i < N_WINDOWS; i++)
    {
      g_assert_no_error (windows[i].error);
      for (guint k = 0; k < windows[i].ticket_ids->len; k++)
        {
          gint64 id = g_array_index (windows[i].ticket_ids, gint64, k);

          /* every ticket called exactly once, and only tickets that were issued */
          g_assert_true (g_hash_table_contains (issued, &id));
          g_assert_false (g_hash_table_contains (called_by, &id));
          g_hash_table_insert (called_by, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (i + 1));
        }
      n_called += windows[i].ticket_ids->len;
      g_test_message ("window %d called %u", i + 1, windows[i].ticket_ids->len);
    }
  g_assert_cmpuint (n_called, ==, fx.n_tickets);
  g_assert_cmpuint (g_hash_table_size (called_by), ==, fx.n_tickets);
  g_assert_cmpint (windows[0].replayed_ticket, ==, windows[0].first_ticket);

  {
    /* Replayed once more after the visitor was finished and the queue is empty: still the first
     * result, and nobody else is called. */
    g_autoptr (HallTestHttp) client = hall_test_http_new (fx.url);
    g_autoptr (GError) error = NULL;
    g_autoptr (JsonObject) again = NULL;
    g_autoptr (JsonObject) empty = NULL;

    g_assert_true (hall_test_http_login (client, "window01", PASSWORD, "staff", 1, &error));
    again = hall_test_http_callf (client, "counter.call_next", &error,
                                  "{\"request_id\":\"call-1-0\"}");
    g_assert_no_error (error);
    g_assert_cmpint (ticket_id_of (again), ==, windows[0].first_ticket);
    empty = hall_test_http_callf (client, "counter.call_next", &error,
                                  "{\"request_id\":\"call-1-fresh\"}");
    g_assert_error (error, HALL_ERROR, HALL_ERROR_QUEUE_EMPTY);
    g_assert_null (empty);
  }

  hall_test_server_stop (fx.server);
  assert_database (&fx, called_by);

  for (int i = 0; i < N_ISSUERS; i++)
    client_clear (&issuers[i]);
  for (int i = 0; i < N_WINDOWS; i++)
    client_clear (&windows[i]);
  teardown_hall (&fx);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/concurrency/twenty-windows-one-queue", test_twenty_windows);
  return g_test_run ();
}
