/* test-queue.c — the hall queue: numbers, calling order, exactly-once calling, a ticket's life
 * at a counter, counter states, roles and the public hall board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-queue"

#include "config.h"

#include "hall-test-util.h"

#define CHENGJIAN 2
#define MINZHENG 3
#define RENSHE 5

/* ---- helpers -------------------------------------------------------------------------------- */

static JsonObject *
ticket_of (JsonObject *result)
{
  g_assert_true (json_object_has_member (result, "ticket"));
  return json_object_get_object_member (result, "ticket");
}

static gint64
ticket_id (JsonObject *result)
{
  return json_object_get_int_member (ticket_of (result), "id");
}

static const char *
ticket_code (JsonObject *result)
{
  return json_object_get_string_member (ticket_of (result), "code");
}

static const char *
ticket_state (JsonObject *result)
{
  return json_object_get_string_member (ticket_of (result), "state");
}

/* Issues a ticket for @department_id at @local time and returns its id. */
static gint64
issue_at (HallTestHall *hall,
          const char   *token,
          const char   *local,
          gint64        department_id,
          const char   *priority,
          gint64        persons)
{
  g_autoptr (JsonObject) r = NULL;

  hall_engine_set_now (hall->engine, hall_test_time (local));
  r = hall_test_ok (hall, token, "ticket.issue", "{\"department_id\":%" G_GINT64_FORMAT
                    ",\"priority\":\"%s\",\"persons\":%" G_GINT64_FORMAT "}",
                    department_id, priority, persons);
  return ticket_id (r);
}

static gint64
call_next (HallTestHall *hall,
           const char   *token)
{
  g_autoptr (JsonObject) r = hall_test_ok (hall, token, "counter.call_next", NULL);

  g_assert_cmpstr (ticket_state (r), ==, "called");
  return ticket_id (r);
}

static void
finish (HallTestHall *hall,
        const char   *token,
        gint64        id)
{
  g_autoptr (JsonObject) r
      = hall_test_ok (hall, token, "ticket.finish",
                      "{\"ticket_id\":%" G_GINT64_FORMAT ",\"outcome\":\"resolved\"}", id);

  g_assert_cmpstr (ticket_state (r), ==, "finished");
}

static JsonObject *
get_ticket (HallTestHall *hall,
            const char   *token,
            gint64        id)
{
  return hall_test_ok (hall, token, "ticket.get", "{\"ticket_id\":%" G_GINT64_FORMAT "}", id);
}

static void
open_counter (HallTestHall *hall,
              const char   *token)
{
  g_autoptr (JsonObject) r = hall_test_ok (hall, token, "counter.open", NULL);

  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (r, "counter"), "state"), ==,
      "open");
}

static char *
to_json (JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return json_to_string (node, FALSE);
}

/* ---- numbering ------------------------------------------------------------------------------ */

static void
test_numbering (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *kiosk = hall_test_add_user (hall, "kiosk1", "kiosk", NULL, 0);
  g_autoptr (JsonObject) c1 = NULL;
  g_autoptr (JsonObject) c2 = NULL;
  g_autoptr (JsonObject) m1 = NULL;
  g_autoptr (JsonObject) by_category = NULL;
  g_autoptr (JsonObject) next_day = NULL;
  g_autoptr (JsonObject) replay = NULL;
  g_autoptr (JsonObject) events = NULL;
  JsonArray *list;
  guint issued = 0;

  hall_engine_set_now (hall->engine, hall_test_time ("2026-10-12 09:00"));
  c1 = hall_test_ok (hall, kiosk, "ticket.issue", "{\"department_id\":2,\"request_id\":\"k-1\"}");
  g_assert_cmpstr (ticket_code (c1), ==, "C001");
  g_assert_cmpint (json_object_get_int_member (c1, "position"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (c1, "people_ahead"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (ticket_of (c1), "day"), ==, "2026-10-12");
  g_assert_cmpstr (json_object_get_string_member (ticket_of (c1), "priority"), ==, "normal");

  /* A retried request (the kiosk lost the answer) does not print a second number. */
  replay
      = hall_test_ok (hall, kiosk, "ticket.issue", "{\"department_id\":2,\"request_id\":\"k-1\"}");
  g_assert_cmpstr (ticket_code (replay), ==, "C001");

  c2 = hall_test_ok (hall, kiosk, "ticket.issue", "{\"department_id\":2}");
  g_assert_cmpstr (ticket_code (c2), ==, "C002");
  g_assert_cmpint (json_object_get_int_member (c2, "position"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (c2, "people_ahead"), ==, 1);

  /* Each department counts on its own. */
  m1 = hall_test_ok (hall, kiosk, "ticket.issue", "{\"department_id\":3}");
  g_assert_cmpstr (ticket_code (m1), ==, "M001");
  g_assert_cmpint (json_object_get_int_member (m1, "people_ahead"), ==, 0);

  /* A category goes to its default department: 住房/物业 (id 3) → 城建. */
  by_category = hall_test_ok (hall, kiosk, "ticket.issue", "{\"category_id\":3}");
  g_assert_cmpstr (ticket_code (by_category), ==, "C003");
  g_assert_cmpint (json_object_get_int_member (ticket_of (by_category), "department_id"), ==,
                   CHENGJIAN);
  g_assert_cmpint (json_object_get_int_member (ticket_of (by_category), "category_id"), ==, 3);

  /* Numbers restart the next day. */
  hall_engine_set_now (hall->engine, hall_test_time ("2026-10-13 08:30"));
  next_day = hall_test_ok (hall, kiosk, "ticket.issue", "{\"department_id\":2}");
  g_assert_cmpstr (ticket_code (next_day), ==, "C001");
  g_assert_cmpint (json_object_get_int_member (next_day, "people_ahead"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (ticket_of (next_day), "day"), ==, "2026-10-13");

  /* Every issue is in the change feed with its code and no personal data. */
  events = hall_test_ok (hall, kiosk, "events.since", "{\"since\":0}");
  list = json_object_get_array_member (events, "events");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *event = json_array_get_object_element (list, i);

      if (g_strcmp0 (json_object_get_string_member (event, "kind"), "ticket.issued") == 0)
        {
          issued++;
          g_assert_nonnull (json_object_get_string_member (event, "code"));
          g_assert_true (json_object_has_member (event, "department_id"));
          g_assert_false (json_object_has_member (event, "petitioner_id"));
        }
    }
  g_assert_cmpuint (issued, ==, 5);
}

/* ---- calling order -------------------------------------------------------------------------- */

static void
test_priority_order (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *manager = hall_test_add_user (hall, "zhang", "manager", NULL, 0);
  g_autofree char *staff = hall_test_add_user (hall, "li", "staff", "chengjian", CHENGJIAN);
  g_autoptr (JsonObject) list = NULL;
  g_autoptr (JsonObject) r = NULL;
  gint64 a, b, p, q, n1, p1, p2, late;
  JsonArray *tickets;

  open_counter (hall, staff);

  /* Within the maximum wait (30 minutes by default) priority and collective visits go first. */
  a = issue_at (hall, manager, "2026-10-12 09:00", CHENGJIAN, "normal", 1);
  b = issue_at (hall, manager, "2026-10-12 09:05", CHENGJIAN, "normal", 1);
  p = issue_at (hall, manager, "2026-10-12 09:10", CHENGJIAN, "priority", 1);
  /* Six people make a collective visit even when the kiosk said "normal". */
  q = issue_at (hall, manager, "2026-10-12 09:12", CHENGJIAN, "normal", 6);
  r = get_ticket (hall, manager, q);
  g_assert_cmpstr (json_object_get_string_member (ticket_of (r), "priority"), ==, "collective");

  /* The management screen lists them in calling order. */
  hall_engine_set_now (hall->engine, hall_test_time ("2026-10-12 09:20"));
  list = hall_test_ok (hall, manager, "ticket.list", "{\"department_id\":2,\"state\":\"waiting\"}");
  tickets = json_object_get_array_member (list, "tickets");
  g_assert_cmpuint (json_array_get_length (tickets), ==, 4);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (tickets, 0), "id"),
                   ==, p);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (tickets, 3), "id"),
                   ==, b);
  g_assert_cmpint (
      json_object_get_int_member (json_array_get_object_element (tickets, 3), "wait_seconds"), ==,
      15 * 60);

  g_assert_cmpint (call_next (hall, staff), ==, p);
  finish (hall, staff, p);
  g_assert_cmpint (call_next (hall, staff), ==, q);
  finish (hall, staff, q);
  g_assert_cmpint (call_next (hall, staff), ==, a);
  finish (hall, staff, a);
  g_assert_cmpint (call_next (hall, staff), ==, b);
  finish (hall, staff, b);

  /* No one waits past the maximum because of priorities: at 10:31 the 10:00 visitor has waited
   * 31 minutes and goes before the priority tickets. */
  n1 = issue_at (hall, manager, "2026-10-12 10:00", CHENGJIAN, "normal", 1);
  p1 = issue_at (hall, manager, "2026-10-12 10:10", CHENGJIAN, "priority", 1);
  p2 = issue_at (hall, manager, "2026-10-12 10:20", CHENGJIAN, "priority", 1);
  late = issue_at (hall, manager, "2026-10-12 10:25", CHENGJIAN, "normal", 1);
  hall_engine_set_now (hall->engine, hall_test_time ("2026-10-12 10:29"));
  g_assert_cmpint (call_next (hall, staff), ==, p1);
  finish (hall, staff, p1);
  hall_engine_set_now (hall->engine, hall_test_time ("2026-10-12 10:31"));
  g_assert_cmpint (call_next (hall, staff), ==, n1);
  finish (hall, staff, n1);

  /* The hall manager moves a ticket to the front. */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, manager, "ticket.prioritize",
                    "{\"ticket_id\":%" G_GINT64_FORMAT ",\"front\":true}", late);
  g_assert_true (json_object_get_boolean_member (ticket_of (r), "at_front"));
  g_assert_cmpint (call_next (hall, staff), ==, late);
  finish (hall, staff, late);
  g_assert_cmpint (call_next (hall, staff), ==, p2);
  finish (hall, staff, p2);
  hall_test_fails (hall, staff, "counter.call_next", HALL_ERROR_QUEUE_EMPTY, NULL, NULL);

  /* The maximum wait is a hall setting. */
  {
    g_autoptr (JsonObject) hall_info = NULL;
    g_autoptr (JsonObject) params = hall_test_parse_object ("{\"priority_max_wait_minutes\":5}");
    g_autoptr (GError) error = NULL;
    gint64 n2, p3;

    hall_info = hall_engine_call_system (hall->engine, "hall.configure", params, &error);
    g_assert_no_error (error);
    n2 = issue_at (hall, manager, "2026-10-12 11:00", CHENGJIAN, "normal", 1);
    p3 = issue_at (hall, manager, "2026-10-12 11:06", CHENGJIAN, "priority", 1);
    g_assert_cmpint (call_next (hall, staff), ==, n2);
    finish (hall, staff, n2);
    g_assert_cmpint (call_next (hall, staff), ==, p3);
  }
}

/* ---- exactly once --------------------------------------------------------------------------- */

#define N_COUNTERS 8
#define N_TICKETS 240

typedef struct
{
  HallTestHall *hall;
  char *token;
  GMutex *lock;
  GHashTable *called; /* ticket id → counter */
  guint duplicates;
  guint served;
} Caller;

static gpointer
caller_thread (gpointer data)
{
  Caller *caller = data;

  for (;;)
    {
      g_autoptr (JsonObject) empty = json_object_new ();
      g_autoptr (JsonObject) params = json_object_new ();
      g_autoptr (JsonObject) r = NULL;
      g_autoptr (JsonObject) done = NULL;
      g_autoptr (GError) error = NULL;
      gint64 id;

      r = hall_engine_call_sync (caller->hall->engine, caller->token, "counter.call_next", empty,
                                 NULL, &error);
      if (g_error_matches (error, HALL_ERROR, HALL_ERROR_QUEUE_EMPTY))
        break;
      g_assert_no_error (error);
      id = ticket_id (r);

      g_mutex_lock (caller->lock);
      if (g_hash_table_contains (caller->called, GINT_TO_POINTER (id)))
        caller->duplicates++;
      g_hash_table_add (caller->called, GINT_TO_POINTER (id));
      g_mutex_unlock (caller->lock);
      caller->served++;

      json_object_set_int_member (params, "ticket_id", id);
      json_object_set_string_member (params, "outcome", "consultation");
      done = hall_engine_call_sync (caller->hall->engine, caller->token, "ticket.finish", params,
                                    NULL, &error);
      g_assert_no_error (error);
    }
  return NULL;
}

static void
test_exactly_once (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *manager = hall_test_add_user (hall, "zhang", "manager", NULL, 0);
  g_autofree char *kiosk = hall_test_add_user (hall, "kiosk1", "kiosk", NULL, 0);
  g_autoptr (GHashTable) called = g_hash_table_new (NULL, NULL);
  g_autoptr (JsonObject) snapshot = NULL;
  Caller callers[N_COUNTERS];
  GThread *threads[N_COUNTERS];
  GMutex lock;
  guint total = 0;

  g_mutex_init (&lock);
  hall_engine_set_now (hall->engine, hall_test_time ("2026-10-12 09:00"));

  /* Eight windows all serve 城建: one queue, eight callers. */
  for (int i = 0; i < N_COUNTERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("staff%d", i + 1);
      g_autoptr (JsonObject) saved = hall_test_ok (hall, manager, "counter.save",
                                                   "{\"id\":%d,\"department_ids\":[2]}", i + 1);

      callers[i] = (Caller){ hall,  hall_test_add_user (hall, name, "staff", "chengjian", i + 1),
                             &lock, called,
                             0,     0 };
      open_counter (hall, callers[i].token);
    }
  for (int i = 0; i < N_TICKETS; i++)
    {
      g_autoptr (JsonObject) r
          = hall_test_ok (hall, kiosk, "ticket.issue", "{\"department_id\":2}");
      (void) r;
    }

  for (int i = 0; i < N_COUNTERS; i++)
    threads[i] = g_thread_new ("caller", caller_thread, &callers[i]);
  for (int i = 0; i < N_COUNTERS; i++)
    {
      g_thread_join (threads[i]);
      g_assert_cmpuint (callers[i].duplicates, ==, 0);
      total += callers[i].served;
      g_free (callers[i].token);
    }

  g_assert_cmpuint (total, ==, N_TICKETS);
  g_assert_cmpuint (g_hash_table_size (called), ==, N_TICKETS);

  snapshot = hall_test_ok (hall, manager, "hall.snapshot", NULL);
  g_assert_cmpint (json_object_get_int_member (snapshot, "waiting"), ==, 0);
  g_mutex_clear (&lock);
}

/* ---- a ticket's life ------------------------------------------------------------------------ */

static void
test_transfer (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *manager = hall_test_add_user (hall, "zhang", "manager", NULL, 0);
  g_autofree char *cj = hall_test_add_user (hall, "li", "staff", "chengjian", CHENGJIAN);
  g_autofree char *mz = hall_test_add_user (hall, "wang", "staff", "minzheng", MINZHENG);
  g_autofree char *rs = hall_test_add_user (hall, "zhao", "staff", "renshe", RENSHE);
  g_autoptr (JsonObject) moved = NULL;
  g_autoptr (JsonObject) got = NULL;
  g_autoptr (JsonObject) to_counter = NULL;
  gint64 c1, m1, arrived;
  JsonArray *transfers;

  open_counter (hall, cj);
  open_counter (hall, mz);
  c1 = issue_at (hall, manager, "2026-10-12 09:00", CHENGJIAN, "normal", 1);
  m1 = issue_at (hall, manager, "2026-10-12 09:10", MINZHENG, "normal", 1);
  hall_engine_set_now (hall->engine, hall_test_time ("2026-10-12 09:15"));
  g_assert_cmpint (call_next (hall, cj), ==, c1);

  /* The reason is required; the other window's clerk cannot move it. */
  hall_test_fails (hall, cj, "ticket.transfer", HALL_ERROR_INVALID_ARGUMENT, "reason",
                   "{\"ticket_id\":%" G_GINT64_FORMAT ",\"department_id\":3}", c1);
  hall_test_fails (hall, cj, "ticket.transfer", HALL_ERROR_INVALID_ARGUMENT, "reason",
                   "{\"ticket_id\":%" G_GINT64_FORMAT ",\"department_id\":3,\"reason\":\"   \"}",
                   c1);
  hall_test_fails (hall, cj, "ticket.transfer", HALL_ERROR_INVALID_ARGUMENT, "department_id",
                   "{\"ticket_id\":%" G_GINT64_FORMAT ",\"reason\":\"低保问题\"}", c1);
  hall_test_fails (
      hall, cj, "ticket.transfer", HALL_ERROR_INVALID_ARGUMENT, "department_id",
      "{\"ticket_id\":%" G_GINT64_FORMAT ",\"department_id\":99,\"reason\":\"低保问题\"}", c1);
  hall_test_fails (
      hall, mz, "ticket.transfer", HALL_ERROR_FORBIDDEN, "ticket_id",
      "{\"ticket_id\":%" G_GINT64_FORMAT ",\"department_id\":3,\"reason\":\"低保问题\"}", c1);

  moved = hall_test_ok (
      hall, cj, "ticket.transfer",
      "{\"ticket_id\":%" G_GINT64_FORMAT ",\"department_id\":3,\"reason\":\"低保问题\"}", c1);
  g_assert_cmpstr (ticket_state (moved), ==, "waiting");
  g_assert_cmpint (json_object_get_int_member (ticket_of (moved), "department_id"), ==, MINZHENG);
  g_assert_cmpstr (ticket_code (moved), ==, "C001");
  arrived = json_object_get_int_member (ticket_of (moved), "arrived_at");
  g_assert_cmpint (arrived, ==, hall_test_time ("2026-10-12 09:00"));

  /* 城建's window is free again; 民政 calls the transferred visitor before M001, who came later. */
  hall_test_fails (hall, cj, "counter.call_next", HALL_ERROR_QUEUE_EMPTY, NULL, NULL);
  g_assert_cmpint (call_next (hall, mz), ==, c1);

  got = get_ticket (hall, mz, c1);
  transfers = json_object_get_array_member (ticket_of (got), "transfers");
  g_assert_cmpuint (json_array_get_length (transfers), ==, 1);
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (transfers, 0), "reason"), ==,
      "低保问题");
  g_assert_cmpint (
      json_object_get_int_member (json_array_get_object_element (transfers, 0), "from_counter_id"),
      ==, CHENGJIAN);

  /* To one window: a closed one is refused, an open one alone may call the visitor. */
  hall_test_fails (hall, mz, "ticket.transfer", HALL_ERROR_CONFLICT, "counter_id",
                   "{\"ticket_id\":%" G_GINT64_FORMAT ",\"counter_id\":5,\"reason\":\"欠薪\"}", c1);
  open_counter (hall, rs);
  to_counter = hall_test_ok (
      hall, mz, "ticket.transfer",
      "{\"ticket_id\":%" G_GINT64_FORMAT ",\"counter_id\":5,\"reason\":\"欠薪\"}", c1);
  g_assert_cmpint (json_object_get_int_member (ticket_of (to_counter), "target_counter_id"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (ticket_of (to_counter), "department_id"), ==,
                   RENSHE);
  g_assert_cmpint (json_object_get_int_member (ticket_of (to_counter), "arrived_at"), ==, arrived);
  g_assert_cmpint (call_next (hall, mz), ==, m1);
  g_assert_cmpint (call_next (hall, rs), ==, c1);
}

static void
test_hold_and_no_show (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *manager = hall_test_add_user (hall, "zhang", "manager", NULL, 0);
  g_autofree char *staff = hall_test_add_user (hall, "li", "staff", "chengjian", CHENGJIAN);
  g_autofree char *other = hall_test_add_user (hall, "wang", "staff", "minzheng", MINZHENG);
  g_autoptr (JsonObject) r = NULL;
  gint64 c1, c2, c3, p1;

  open_counter (hall, staff);
  c1 = issue_at (hall, manager, "2026-10-12 09:00", CHENGJIAN, "normal", 1);
  c2 = issue_at (hall, manager, "2026-10-12 09:01", CHENGJIAN, "normal", 1);
  c3 = issue_at (hall, manager, "2026-10-12 09:02", CHENGJIAN, "normal", 1);
  hall_engine_set_now (hall->engine, hall_test_time ("2026-10-12 09:05"));

  /* Hold: the visitor steps aside to fetch documents; the window serves the next one. */
  g_assert_cmpint (call_next (hall, staff), ==, c1);
  r = hall_test_ok (hall, staff, "ticket.start", "{\"ticket_id\":%" G_GINT64_FORMAT "}", c1);
  g_assert_cmpstr (ticket_state (r), ==, "serving");
  g_assert_false (json_object_get_null_member (ticket_of (r), "started_at"));
  hall_test_fails (hall, staff, "counter.call_next", HALL_ERROR_CONFLICT, "counter_id", NULL);
  hall_test_fails (hall, other, "ticket.hold", HALL_ERROR_FORBIDDEN, "ticket_id",
                   "{\"ticket_id\":%" G_GINT64_FORMAT "}", c1);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, staff, "ticket.hold", "{\"ticket_id\":%" G_GINT64_FORMAT "}", c1);
  g_assert_cmpstr (ticket_state (r), ==, "held");
  g_assert_cmpint (call_next (hall, staff), ==, c2);

  /* Back with the documents while C002 is served: first in line at the same window, even ahead
   * of a priority visitor. */
  p1 = issue_at (hall, manager, "2026-10-12 09:10", CHENGJIAN, "priority", 1);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, staff, "ticket.resume", "{\"ticket_id\":%" G_GINT64_FORMAT "}", c1);
  g_assert_cmpstr (ticket_state (r), ==, "waiting");
  g_assert_cmpint (json_object_get_int_member (ticket_of (r), "target_counter_id"), ==, CHENGJIAN);
  g_assert_cmpint (json_object_get_int_member (ticket_of (r), "arrived_at"), ==,
                   hall_test_time ("2026-10-12 09:00"));
  hall_test_fails (hall, staff, "ticket.resume", HALL_ERROR_CONFLICT, "ticket_id",
                   "{\"ticket_id\":%" G_GINT64_FORMAT "}", c1);
  finish (hall, staff, c2);
  g_assert_cmpint (call_next (hall, staff), ==, c1);
  finish (hall, staff, c1);
  g_assert_cmpint (call_next (hall, staff), ==, p1);
  finish (hall, staff, p1);

  /* No-show: called twice, nobody came. */
  g_assert_cmpint (call_next (hall, staff), ==, c3);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, staff, "counter.recall", NULL);
  g_assert_cmpint (json_object_get_int_member (ticket_of (r), "recall_count"), ==, 1);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, staff, "ticket.no_show", "{\"ticket_id\":%" G_GINT64_FORMAT "}", c3);
  g_assert_cmpstr (ticket_state (r), ==, "no_show");
  hall_test_fails (hall, staff, "counter.recall", HALL_ERROR_CONFLICT, "counter_id", NULL);
  hall_test_fails (hall, staff, "counter.call_next", HALL_ERROR_QUEUE_EMPTY, NULL, NULL);
  hall_test_fails (hall, staff, "ticket.finish", HALL_ERROR_CONFLICT, "ticket_id",
                   "{\"ticket_id\":%" G_GINT64_FORMAT ",\"outcome\":\"resolved\"}", c3);

  /* The visitor turns up after all: back to waiting with the original arrival time. */
  hall_test_fails (hall, other, "ticket.reactivate", HALL_ERROR_FORBIDDEN, "ticket_id",
                   "{\"ticket_id\":%" G_GINT64_FORMAT "}", c3);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, staff, "ticket.reactivate", "{\"ticket_id\":%" G_GINT64_FORMAT "}", c3);
  g_assert_cmpstr (ticket_state (r), ==, "waiting");
  g_assert_cmpint (json_object_get_int_member (ticket_of (r), "arrived_at"), ==,
                   hall_test_time ("2026-10-12 09:02"));
  hall_test_fails (hall, manager, "ticket.reactivate", HALL_ERROR_CONFLICT, "ticket_id",
                   "{\"ticket_id\":%" G_GINT64_FORMAT "}", c3);
  g_assert_cmpint (call_next (hall, staff), ==, c3);
  hall_test_ok (hall, staff, "ticket.no_show", "{\"ticket_id\":%" G_GINT64_FORMAT "}", c3);

  /* Yesterday's no-show cannot come back: a new day needs a new number. */
  hall_engine_set_now (hall->engine, hall_test_time ("2026-10-13 09:00"));
  hall_test_fails (hall, manager, "ticket.reactivate", HALL_ERROR_CONFLICT, "ticket_id",
                   "{\"ticket_id\":%" G_GINT64_FORMAT "}", c3);
}

static void
test_finish_outcomes (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *manager = hall_test_add_user (hall, "zhang", "manager", NULL, 0);
  g_autofree char *staff = hall_test_add_user (hall, "li", "staff", "chengjian", CHENGJIAN);
  const char *outcomes[] = { "resolved", "consultation", "guided" };
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) registered = NULL;
  g_autoptr (JsonObject) done = NULL;
  gint64 id, matter_id;

  open_counter (hall, staff);
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      g_autoptr (JsonObject) finished = NULL;

      id = issue_at (hall, manager, "2026-10-12 09:00", CHENGJIAN, "normal", 1);
      hall_engine_set_now (hall->engine, hall_test_time ("2026-10-12 09:10"));
      g_assert_cmpint (call_next (hall, staff), ==, id);
      hall_engine_set_now (hall->engine, hall_test_time ("2026-10-12 09:25"));
      finished = hall_test_ok (hall, staff, "ticket.finish",
                               "{\"ticket_id\":%" G_GINT64_FORMAT ",\"outcome\":\"%s\"}", id,
                               outcomes[i]);
      g_assert_cmpstr (ticket_state (finished), ==, "finished");
      g_assert_cmpstr (json_object_get_string_member (ticket_of (finished), "outcome"), ==,
                       outcomes[i]);
      g_assert_cmpint (json_object_get_int_member (ticket_of (finished), "issued_at"), ==,
                       hall_test_time ("2026-10-12 09:00"));
      g_assert_cmpint (json_object_get_int_member (ticket_of (finished), "called_at"), ==,
                       hall_test_time ("2026-10-12 09:10"));
      g_assert_cmpint (json_object_get_int_member (ticket_of (finished), "finished_at"), ==,
                       hall_test_time ("2026-10-12 09:25"));
    }

  id = issue_at (hall, manager, "2026-10-12 10:00", CHENGJIAN, "normal", 1);
  g_assert_cmpint (call_next (hall, staff), ==, id);
  hall_test_fails (hall, staff, "ticket.finish", HALL_ERROR_INVALID_ARGUMENT, "outcome",
                   "{\"ticket_id\":%" G_GINT64_FORMAT "}", id);
  hall_test_fails (hall, staff, "ticket.finish", HALL_ERROR_INVALID_ARGUMENT, "outcome",
                   "{\"ticket_id\":%" G_GINT64_FORMAT ",\"outcome\":\"happy\"}", id);
  /* "Matter registered" needs the matter. */
  hall_test_fails (hall, staff, "ticket.finish", HALL_ERROR_INVALID_ARGUMENT, "matter_id",
                   "{\"ticket_id\":%" G_GINT64_FORMAT ",\"outcome\":\"matter\"}", id);
  hall_test_fails (
      hall, staff, "ticket.finish", HALL_ERROR_INVALID_ARGUMENT, "matter_id",
      "{\"ticket_id\":%" G_GINT64_FORMAT ",\"outcome\":\"matter\",\"matter_id\":424242}", id);
  hall_test_fails (hall, staff, "ticket.finish", HALL_ERROR_NOT_FOUND, "ticket_id",
                   "{\"ticket_id\":424242,\"outcome\":\"resolved\"}");
  r = hall_test_ok (hall, staff, "ticket.finish",
                    "{\"ticket_id\":%" G_GINT64_FORMAT ",\"outcome\":\"guided\"}", id);
  hall_test_fails (hall, staff, "ticket.finish", HALL_ERROR_CONFLICT, "ticket_id",
                   "{\"ticket_id\":%" G_GINT64_FORMAT ",\"outcome\":\"resolved\"}", id);
  /* A matter registered from the ticket is linked to it: "matter registered" needs nothing more. */
  id = issue_at (hall, manager, "2026-10-12 11:00", CHENGJIAN, "normal", 1);
  g_assert_cmpint (call_next (hall, staff), ==, id);
  registered = hall_test_ok (hall, staff, "matter.register",
                             "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"小区路灯坏了三个月\","
                             "\"petitioners\":[{\"name\":\"张小明\"}],\"ticket_id\":%" G_GINT64_FORMAT "}",
                             id);
  matter_id = json_object_get_int_member (registered, "matter_id");
  done = hall_test_ok (hall, staff, "ticket.finish",
                       "{\"ticket_id\":%" G_GINT64_FORMAT ",\"outcome\":\"matter\"}", id);
  g_assert_cmpstr (json_object_get_string_member (ticket_of (done), "outcome"), ==, "matter");
  g_assert_cmpint (json_object_get_int_member (ticket_of (done), "matter_id"), ==, matter_id);

  /* Or the matter is named when finishing (one matter for the visitors of two tickets). */
  id = issue_at (hall, manager, "2026-10-12 11:30", CHENGJIAN, "normal", 1);
  g_assert_cmpint (call_next (hall, staff), ==, id);
  g_clear_pointer (&done, json_object_unref);
  done = hall_test_ok (hall, staff, "ticket.finish",
                       "{\"ticket_id\":%" G_GINT64_FORMAT ",\"outcome\":\"matter\",\"matter_id\":%"
                       G_GINT64_FORMAT "}", id, matter_id);
  g_assert_cmpint (json_object_get_int_member (ticket_of (done), "matter_id"), ==, matter_id);
}

/* ---- counters ------------------------------------------------------------------------------- */

static void
test_counter_states (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *manager = hall_test_add_user (hall, "zhang", "manager", NULL, 0);
  g_autofree char *staff = hall_test_add_user (hall, "li", "staff", "chengjian", CHENGJIAN);
  g_autofree char *colleague = hall_test_add_user (hall, "qian", "staff", "chengjian", CHENGJIAN);
  g_autofree char *nowhere = hall_test_add_user (hall, "sun", "staff", "chengjian", 0);
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) snapshot = NULL;
  JsonObject *counter;
  gint64 id;

  hall_engine_set_now (hall->engine, hall_test_time ("2026-10-12 09:00"));

  /* A clerk signed in without a window is told so. */
  hall_test_fails (hall, nowhere, "counter.open", HALL_ERROR_FORBIDDEN, "counter_id", NULL);
  hall_test_fails (hall, nowhere, "counter.call_next", HALL_ERROR_FORBIDDEN, "counter_id", NULL);

  /* A closed window cannot call. */
  id = issue_at (hall, manager, "2026-10-12 09:00", CHENGJIAN, "normal", 1);
  hall_test_fails (hall, staff, "counter.call_next", HALL_ERROR_CONFLICT, "counter_id", NULL);
  hall_test_fails (hall, staff, "counter.pause", HALL_ERROR_CONFLICT, "counter_id",
                   "{\"reason\":\"午休\"}");

  r = hall_test_ok (hall, staff, "counter.open", NULL);
  counter = json_object_get_object_member (r, "counter");
  g_assert_cmpstr (json_object_get_string_member (counter, "state"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (counter, "staff_name"), ==, "li");
  g_assert_cmpint (json_object_get_int_member (counter, "waiting"), ==, 1);
  /* A colleague cannot push in; the hall manager may take the window over. */
  hall_test_fails (hall, colleague, "counter.open", HALL_ERROR_CONFLICT, "counter_id", NULL);

  /* Pausing needs a reason; a paused window cannot call. */
  hall_test_fails (hall, staff, "counter.pause", HALL_ERROR_INVALID_ARGUMENT, "reason", NULL);
  hall_test_fails (hall, staff, "counter.pause", HALL_ERROR_INVALID_ARGUMENT, "reason",
                   "{\"reason\":\"\"}");
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, staff, "counter.pause", "{\"reason\":\"午休\"}");
  counter = json_object_get_object_member (r, "counter");
  g_assert_cmpstr (json_object_get_string_member (counter, "state"), ==, "paused");
  g_assert_cmpstr (json_object_get_string_member (counter, "pause_reason"), ==, "午休");
  hall_test_fails (hall, staff, "counter.call_next", HALL_ERROR_CONFLICT, "counter_id", NULL);
  hall_test_fails (hall, staff, "counter.pause", HALL_ERROR_CONFLICT, "counter_id",
                   "{\"reason\":\"again\"}");
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, staff, "counter.resume", NULL);
  hall_test_fails (hall, staff, "counter.resume", HALL_ERROR_CONFLICT, "counter_id", NULL);

  /* Closing while serving someone is refused. */
  g_assert_cmpint (call_next (hall, staff), ==, id);
  hall_test_fails (hall, staff, "counter.close", HALL_ERROR_CONFLICT, "counter_id", NULL);
  snapshot = hall_test_ok (hall, manager, "hall.snapshot", NULL);
  counter = json_array_get_object_element (json_object_get_array_member (snapshot, "counters"), 1);
  g_assert_cmpint (json_object_get_int_member (counter, "number"), ==, 2);
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (counter, "current"), "code"),
      ==, "C001");
  finish (hall, staff, id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, staff, "counter.close", NULL);
  counter = json_object_get_object_member (r, "counter");
  g_assert_cmpstr (json_object_get_string_member (counter, "state"), ==, "closed");
  g_assert_true (json_object_get_null_member (counter, "staff_user_id"));

  /* Empty queue. */
  open_counter (hall, colleague);
  hall_test_fails (hall, colleague, "counter.call_next", HALL_ERROR_QUEUE_EMPTY, NULL, NULL);
  /* The manager covers window 2 and takes it over. */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, manager, "counter.open", "{\"counter_id\":2}");
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (r, "counter"), "staff_name"),
      ==, "zhang");
  hall_test_fails (hall, manager, "counter.open", HALL_ERROR_NOT_FOUND, "counter_id",
                   "{\"counter_id\":77}");
  hall_test_fails (hall, manager, "counter.open", HALL_ERROR_INVALID_ARGUMENT, "counter_id", NULL);

  /* Every change reached the change feed, in order, so boards follow without polling. */
  {
    const char *expected[] = {
      "ticket.issued:waiting", "counter.changed:open", "counter.changed:paused", "counter.changed:open",
      "ticket.called:called", "ticket.finished:finished", "counter.changed:closed",
      "counter.changed:open", "counter.changed:open",
    };
    g_autoptr (JsonObject) feed = hall_test_ok (hall, manager, "events.since", "{\"since\":0}");
    JsonArray *events = json_object_get_array_member (feed, "events");
    guint seen = 0;

    for (guint i = 0; i < json_array_get_length (events); i++)
      {
        JsonObject *event = json_array_get_object_element (events, i);
        const char *kind = json_object_get_string_member (event, "kind");
        g_autofree char *key = NULL;

        if (!g_str_has_prefix (kind, "ticket.") && !g_str_has_prefix (kind, "counter."))
          continue;
        key = g_strdup_printf ("%s:%s", kind, json_object_get_string_member (event, "state"));
        g_assert_cmpuint (seen, <, G_N_ELEMENTS (expected));
        g_assert_cmpstr (key, ==, expected[seen]);
        seen++;
      }
    g_assert_cmpuint (seen, ==, G_N_ELEMENTS (expected));
  }
}

/* ---- roles ---------------------------------------------------------------------------------- */

static void
test_roles (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *manager = hall_test_add_user (hall, "zhang", "manager", NULL, 0);
  g_autofree char *staff = hall_test_add_user (hall, "li", "staff", "chengjian", CHENGJIAN);
  g_autofree char *kiosk = hall_test_add_user (hall, "kiosk1", "kiosk", NULL, 0);
  g_autofree char *display = hall_test_add_user (hall, "wall", "display", NULL, 0);
  g_autofree char *leader = hall_test_add_user (hall, "boss", "leader", NULL, 0);
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) snap = NULL;
  g_autoptr (JsonObject) list = NULL;
  gint64 id;

  hall_engine_set_now (hall->engine, hall_test_time ("2026-10-12 09:00"));
  r = hall_test_ok (hall, kiosk, "ticket.issue", "{\"department_id\":3}");
  id = ticket_id (r);

  /* Staff drive their own window only, and do not issue numbers. */
  hall_test_fails (hall, staff, "counter.open", HALL_ERROR_FORBIDDEN, "counter_id",
                   "{\"counter_id\":3}");
  hall_test_fails (hall, staff, "counter.call_next", HALL_ERROR_FORBIDDEN, "counter_id",
                   "{\"counter_id\":3}");
  hall_test_fails (hall, staff, "counter.pause", HALL_ERROR_FORBIDDEN, "counter_id",
                   "{\"counter_id\":3,\"reason\":\"x\"}");
  hall_test_fails (hall, staff, "ticket.issue", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"department_id\":2}");
  hall_test_fails (hall, staff, "ticket.prioritize", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"ticket_id\":%" G_GINT64_FORMAT ",\"front\":true}", id);

  /* The manager covers window 3. */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, manager, "counter.open", "{\"counter_id\":3}");
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, manager, "counter.call_next", "{\"counter_id\":3}");
  g_assert_cmpint (ticket_id (r), ==, id);
  /* The staff of window 2 may not touch a ticket at window 3. */
  hall_test_fails (hall, staff, "ticket.finish", HALL_ERROR_FORBIDDEN, "ticket_id",
                   "{\"ticket_id\":%" G_GINT64_FORMAT ",\"outcome\":\"resolved\"}", id);
  hall_test_fails (hall, staff, "ticket.no_show", HALL_ERROR_FORBIDDEN, "ticket_id",
                   "{\"ticket_id\":%" G_GINT64_FORMAT "}", id);

  /* The kiosk only issues; the display only reads the board; a leader does not serve windows. */
  static const char *serving[] = {
    "counter.open", "counter.close", "counter.pause", "counter.resume", "counter.call_next",
    "counter.recall", "ticket.start", "ticket.hold", "ticket.resume", "ticket.no_show",
    "ticket.reactivate", "ticket.transfer", "ticket.finish", "ticket.prioritize",
  };
  for (guint i = 0; i < G_N_ELEMENTS (serving); i++)
    {
      hall_test_fails (hall, kiosk, serving[i], HALL_ERROR_FORBIDDEN, NULL,
                       "{\"ticket_id\":%" G_GINT64_FORMAT ",\"counter_id\":3}", id);
      hall_test_fails (hall, display, serving[i], HALL_ERROR_FORBIDDEN, NULL,
                       "{\"ticket_id\":%" G_GINT64_FORMAT ",\"counter_id\":3}", id);
      hall_test_fails (hall, leader, serving[i], HALL_ERROR_FORBIDDEN, NULL,
                       "{\"ticket_id\":%" G_GINT64_FORMAT ",\"counter_id\":3}", id);
    }
  hall_test_fails (hall, kiosk, "ticket.list", HALL_ERROR_FORBIDDEN, NULL, NULL);
  hall_test_fails (hall, display, "ticket.list", HALL_ERROR_FORBIDDEN, NULL, NULL);
  hall_test_fails (hall, kiosk, "ticket.get", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"ticket_id\":%" G_GINT64_FORMAT "}", id);
  hall_test_fails (hall, display, "ticket.get", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"ticket_id\":%" G_GINT64_FORMAT "}", id);
  hall_test_fails (hall, display, "ticket.issue", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"department_id\":2}");
  snap = hall_test_ok (hall, display, "hall.snapshot", NULL);
  g_clear_pointer (&snap, json_object_unref);
  snap = hall_test_ok (hall, kiosk, "hall.snapshot", NULL);

  /* A leader reads the queue. */
  list = hall_test_ok (hall, leader, "ticket.list", "{\"state\":\"all\"}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (list, "tickets")), ==, 1);
}

/* ---- the public board ----------------------------------------------------------------------- */

static void
test_public_board (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *manager = hall_test_add_user (hall, "zhang", "manager", NULL, 0);
  g_autofree char *display = hall_test_add_user (hall, "wall", "display", NULL, 0);
  g_autofree char *kiosk = hall_test_add_user (hall, "kiosk1", "kiosk", NULL, 0);
  g_autofree char *staff = NULL;
  g_autoptr (JsonObject) created = NULL;
  g_autoptr (JsonObject) params = NULL;
  g_autoptr (JsonObject) issued = NULL;
  g_autoptr (JsonObject) again = NULL;
  g_autoptr (JsonObject) board = NULL;
  g_autoptr (JsonObject) inside = NULL;
  g_autoptr (JsonObject) events = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *board_text = NULL;
  g_autofree char *inside_text = NULL;
  g_autofree char *events_text = NULL;
  g_autofree char *issued_text = NULL;
  const char *secrets[] = { "李建国", "张小明", "11010519491231002X", "13800138000", "午饭" };
  JsonObject *counter;
  JsonObject *department;

  /* A clerk with a real name at window 2. */
  params = hall_test_parse_object (
      "{\"username\":\"lijg\",\"display_name\":\"李建国\",\"password\":\"password123\","
      "\"roles\":[\"staff\"],\"department\":\"chengjian\"}");
  created = hall_engine_call_system (hall->engine, "user.create", params, &error);
  g_assert_no_error (error);
  staff = hall_test_login (hall, "lijg", "staff", CHENGJIAN);
  open_counter (hall, staff);

  /* A visitor gives their particulars at the kiosk. */
  hall_engine_set_now (hall->engine, hall_test_time ("2026-10-12 09:00"));
  issued = hall_test_ok (
      hall, kiosk, "ticket.issue",
      "{\"department_id\":2,\"persons\":1,\"note\":\"午饭后再来\",\"petitioner\":"
      "{\"name\":\"张小明\",\"id_number\":\"11010519491231002X\",\"phone\":\"13800138000\"}}");
  g_assert_cmpint (json_object_get_int_member (issued, "repeat_visits"), ==, 0);
  issued_text = to_json (issued);
  g_assert_null (strstr (issued_text, "张小明"));
  /* The same person again the same day is a repeat visit. */
  again = hall_test_ok (hall, kiosk, "ticket.issue",
                        "{\"department_id\":3,\"petitioner\":{\"name\":\"张小明\",\"id_number\":"
                        "\"11010519491231002X\"}}");
  g_assert_cmpint (json_object_get_int_member (again, "repeat_visits"), >=, 1);

  hall_engine_set_now (hall->engine, hall_test_time ("2026-10-12 09:30"));
  g_assert_cmpint (call_next (hall, staff), ==, ticket_id (issued));
  {
    g_autoptr (JsonObject) paused = NULL;

    paused = hall_test_ok (hall, manager, "counter.open", "{\"counter_id\":4}");
    g_clear_pointer (&paused, json_object_unref);
    paused
        = hall_test_ok (hall, manager, "counter.pause", "{\"counter_id\":4,\"reason\":\"午饭\"}");
  }

  board = hall_test_ok (hall, display, "hall.snapshot", NULL);
  board_text = to_json (board);
  events = hall_test_ok (hall, display, "events.since", "{\"since\":0}");
  events_text = to_json (events);
  for (guint i = 0; i < G_N_ELEMENTS (secrets); i++)
    {
      g_assert_null (strstr (board_text, secrets[i]));
      g_assert_null (strstr (events_text, secrets[i]));
    }

  g_assert_cmpstr (json_object_get_string_member (board, "hall_name"), ==, "信访超市");
  g_assert_cmpint (json_object_get_int_member (board, "last_seq"), ==,
                   hall_engine_get_last_seq (hall->engine));
  g_assert_cmpint (json_object_get_int_member (board, "wait_norm_minutes"), ==, 20);
  counter = json_array_get_object_element (json_object_get_array_member (board, "counters"), 1);
  g_assert_cmpstr (json_object_get_string_member (counter, "staff_name"), ==, "李*国");
  g_assert_cmpstr (json_object_get_string_member (counter, "state"), ==, "open");
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (counter, "current"), "code"),
      ==, "C001");
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (counter, "current"), "since"), ==,
      hall_test_time ("2026-10-12 09:30"));
  g_assert_false (json_object_has_member (counter, "staff_user_id"));
  counter = json_array_get_object_element (json_object_get_array_member (board, "counters"), 3);
  g_assert_cmpstr (json_object_get_string_member (counter, "state"), ==, "paused");
  g_assert_false (json_object_has_member (counter, "pause_reason"));
  department
      = json_array_get_object_element (json_object_get_array_member (board, "departments"), 2);
  g_assert_cmpstr (json_object_get_string_member (department, "code"), ==, "minzheng");
  g_assert_cmpint (json_object_get_int_member (department, "waiting"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (department, "longest_wait_seconds"), ==, 30 * 60);
  g_assert_true (json_object_get_boolean_member (department, "over_norm"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (board, "recent_calls"), 0), "code"), ==, "C001");

  /* Inside the hall the manager sees who is at the window and why one is paused. */
  inside = hall_test_ok (hall, manager, "hall.snapshot", NULL);
  inside_text = to_json (inside);
  g_assert_nonnull (strstr (inside_text, "李建国"));
  g_assert_nonnull (strstr (inside_text, "午饭"));
}

static void
test_mask_names (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  const char *names[][2] = {
    { "李建国", "李*国" },
    { "张三", "张*" },
    { "欧阳小明", "欧**明" },
    { "Li Lei", "L****i" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *user = g_strdup_printf ("u%u", i);
      g_autofree char *json
          = g_strdup_printf ("{\"username\":\"%s\",\"display_name\":\"%s\",\"password\":"
                             "\"password123\",\"roles\":[\"staff\"]}",
                             user, names[i][0]);
      g_autoptr (JsonObject) params = hall_test_parse_object (json);
      g_autoptr (JsonObject) created = NULL;
      g_autoptr (JsonObject) board = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *token = NULL;
      g_autofree char *display = g_strdup_printf ("d%u", i);
      g_autofree char *wall = hall_test_add_user (hall, display, "display", NULL, 0);

      created = hall_engine_call_system (hall->engine, "user.create", params, &error);
      g_assert_no_error (error);
      token = hall_test_login (hall, user, "staff", i + 1);
      open_counter (hall, token);
      board = hall_test_ok (hall, wall, "hall.snapshot", NULL);
      g_assert_cmpstr (
          json_object_get_string_member (
              json_array_get_object_element (json_object_get_array_member (board, "counters"), i),
              "staff_name"),
          ==, names[i][1]);
    }
}

/* ---- bad input ------------------------------------------------------------------------------ */

static void
test_bad_input (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *kiosk = hall_test_add_user (hall, "kiosk1", "kiosk", NULL, 0);
  g_autofree char *manager = hall_test_add_user (hall, "zhang", "manager", NULL, 0);
  g_autoptr (JsonObject) list = NULL;
  gint64 id;

  hall_test_fails (hall, kiosk, "ticket.issue", HALL_ERROR_INVALID_ARGUMENT, "department_id", "{}");
  hall_test_fails (hall, kiosk, "ticket.issue", HALL_ERROR_INVALID_ARGUMENT, "department_id",
                   "{\"department_id\":99}");
  hall_test_fails (hall, kiosk, "ticket.issue", HALL_ERROR_INVALID_ARGUMENT, "department_id",
                   "{\"department_id\":\"2\"}");
  hall_test_fails (hall, kiosk, "ticket.issue", HALL_ERROR_INVALID_ARGUMENT, "department_id",
                   "{\"department_id\":0}");
  hall_test_fails (hall, kiosk, "ticket.issue", HALL_ERROR_INVALID_ARGUMENT, "category_id",
                   "{\"category_id\":999}");
  hall_test_fails (hall, kiosk, "ticket.issue", HALL_ERROR_INVALID_ARGUMENT, "persons",
                   "{\"department_id\":2,\"persons\":0}");
  hall_test_fails (hall, kiosk, "ticket.issue", HALL_ERROR_INVALID_ARGUMENT, "persons",
                   "{\"department_id\":2,\"persons\":1000}");
  hall_test_fails (hall, kiosk, "ticket.issue", HALL_ERROR_INVALID_ARGUMENT, "persons",
                   "{\"department_id\":2,\"persons\":2.5}");
  hall_test_fails (hall, kiosk, "ticket.issue", HALL_ERROR_INVALID_ARGUMENT, "priority",
                   "{\"department_id\":2,\"priority\":\"vip\"}");
  hall_test_fails (hall, kiosk, "ticket.issue", HALL_ERROR_INVALID_ARGUMENT, "persons",
                   "{\"department_id\":2,\"priority\":\"collective\",\"persons\":2}");
  hall_test_fails (hall, kiosk, "ticket.issue", HALL_ERROR_INVALID_ARGUMENT, "petitioner",
                   "{\"department_id\":2,\"petitioner\":\"张三\"}");
  hall_test_fails (hall, kiosk, "ticket.issue", HALL_ERROR_INVALID_ARGUMENT, "petitioner.id_number",
                   "{\"department_id\":2,\"petitioner\":{\"name\":\"张三\",\"id_number\":"
                   "\"110105194912310021\"}}");
  hall_test_fails (hall, kiosk, "ticket.issue", HALL_ERROR_INVALID_ARGUMENT, "note",
                   "{\"department_id\":2,\"note\":\"%s\"}",
                   "0123456789012345678901234567890123456789012345678901234567890123456789012345678"
                   "901234567890123456789"
                   "0123456789012345678901234567890123456789012345678901234567890123456789012345678"
                   "901234567890123456789"
                   "x");
  hall_test_fails (hall, kiosk, "ticket.issue", HALL_ERROR_INVALID_ARGUMENT, "department_id",
                   "{\"department_id\":\"2; DROP TABLE ticket\"}");

  /* Nothing half-written: the first good ticket is still number one. */
  id = issue_at (hall, kiosk, "2026-10-12 09:00", CHENGJIAN, "normal", 1);
  list = hall_test_ok (hall, manager, "ticket.list", "{\"state\":\"all\"}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (list, "tickets")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (list, "tickets"), 0), "code"), ==, "C001");

  hall_test_fails (hall, manager, "ticket.prioritize", HALL_ERROR_INVALID_ARGUMENT, "priority",
                   "{\"ticket_id\":%" G_GINT64_FORMAT "}", id);
  hall_test_fails (hall, manager, "ticket.prioritize", HALL_ERROR_INVALID_ARGUMENT, "persons",
                   "{\"ticket_id\":%" G_GINT64_FORMAT ",\"priority\":\"collective\"}", id);
  hall_test_fails (hall, manager, "ticket.get", HALL_ERROR_NOT_FOUND, "ticket_id",
                   "{\"ticket_id\":999}");
  hall_test_fails (hall, manager, "ticket.get", HALL_ERROR_NOT_FOUND, "code",
                   "{\"code\":\"Z999\"}");
  hall_test_fails (hall, manager, "ticket.list", HALL_ERROR_INVALID_ARGUMENT, "state",
                   "{\"state\":\"gone\"}");
  hall_test_fails (hall, manager, "ticket.list", HALL_ERROR_INVALID_ARGUMENT, "day",
                   "{\"day\":\"2026-02-30\"}");
  hall_test_fails (hall, manager, "ticket.transfer", HALL_ERROR_INVALID_ARGUMENT, "ticket_id",
                   "{\"ticket_id\":-1,\"department_id\":3,\"reason\":\"x\"}");
  {
    g_autoptr (JsonObject) by_code
        = hall_test_ok (hall, manager, "ticket.get", "{\"code\":\"c001\"}");
    g_assert_cmpint (ticket_id (by_code), ==, id);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/queue/numbering", test_numbering);
  g_test_add_func ("/queue/priority-order", test_priority_order);
  g_test_add_func ("/queue/exactly-once", test_exactly_once);
  g_test_add_func ("/queue/transfer", test_transfer);
  g_test_add_func ("/queue/hold-and-no-show", test_hold_and_no_show);
  g_test_add_func ("/queue/finish-outcomes", test_finish_outcomes);
  g_test_add_func ("/queue/counter-states", test_counter_states);
  g_test_add_func ("/queue/roles", test_roles);
  g_test_add_func ("/queue/public-board", test_public_board);
  g_test_add_func ("/queue/mask-names", test_mask_names);
  g_test_add_func ("/queue/bad-input", test_bad_input);

  return g_test_run ();
}
