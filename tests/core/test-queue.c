/* test-queue.c — the hall queue: numbers, calling order, exactly-once calling, a ticket's life
 * at a counter and bad input (counter states, roles and the board: test-queue-counters.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-queue"

#include "config.h"

#include "hall-test-queue.h"

/* ---- helpers -------------------------------------------------------------------------------- */

static const char *
ticket_code (JsonObject *result)
{
  return json_object_get_string_member (ticket_of (result), "code");
}

static JsonObject *
get_ticket (HallTestHall *hall,
            const char   *token,
            gint64        id)
{
  return hall_test_ok (hall, token, "ticket.get", "{\"ticket_id\":%" G_GINT64_FORMAT "}", id);
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
  guint      issued = 0;

  hall_engine_set_now (hall->engine, hall_test_time ("2026-10-12 09:00"));
  c1 = hall_test_ok (hall, kiosk, "ticket.issue", "{\"department_id\":2,\"request_id\":\"k-1\"}");
  g_assert_cmpstr (ticket_code (c1), ==, "C001");
  g_assert_cmpint (json_object_get_int_member (c1, "position"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (c1, "people_ahead"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (ticket_of (c1), "day"), ==, "2026-10-12");
  g_assert_cmpstr (json_object_get_string_member (ticket_of (c1), "priority"), ==, "normal");

  /* A retried request (the kiosk lost the answer) does not print a second number. */
  replay =
      hall_test_ok (hall, kiosk, "ticket.issue", "{\"department_id\":2,\"request_id\":\"k-1\"}");
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
  gint64     a, b, p, q, n1, p1, p2, late;
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
  char         *token;
  GMutex       *lock;
  GHashTable   *called; /* ticket id → counter */
  guint         duplicates;
  guint         served;
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
  Caller   callers[N_COUNTERS];
  GThread *threads[N_COUNTERS];
  GMutex   lock;
  guint    total = 0;

  g_mutex_init (&lock);
  hall_engine_set_now (hall->engine, hall_test_time ("2026-10-12 09:00"));

  /* Eight windows all serve 城建: one queue, eight callers. */
  for (int i = 0; i < N_COUNTERS; i++)
    {
      g_autofree char *name = g_strdup_printf ("staff%d", i + 1);
      g_autoptr (JsonObject) saved = hall_test_ok (hall, manager, "counter.save",
                                                   "{\"id\":%d,\"department_ids\":[2]}", i + 1);

      callers[i] = (Caller){ hall, hall_test_add_user (hall, name, "staff", "chengjian", i + 1),
                             &lock, called,
                             0, 0 };
      open_counter (hall, callers[i].token);
    }
  for (int i = 0; i < N_TICKETS; i++)
    {
      g_autoptr (JsonObject) r =
          hall_test_ok (hall, kiosk, "ticket.issue", "{\"department_id\":2}");
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
  gint64     c1, m1, arrived;
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
  const char      *outcomes[] = { "resolved", "consultation", "guided" };
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
  registered =
      hall_test_ok (hall, staff, "matter.register",
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
                       "{\"ticket_id\":%" G_GINT64_FORMAT
                       ",\"outcome\":\"matter\",\"matter_id\":%" G_GINT64_FORMAT "}",
                       id, matter_id);
  g_assert_cmpint (json_object_get_int_member (ticket_of (done), "matter_id"), ==, matter_id);
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
  g_assert_cmpstr (
      json_object_get_string_member (
          json_array_get_object_element (json_object_get_array_member (list, "tickets"), 0),
          "code"),
      ==, "C001");

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
    g_autoptr (JsonObject) by_code =
        hall_test_ok (hall, manager, "ticket.get", "{\"code\":\"c001\"}");
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
  g_test_add_func ("/queue/bad-input", test_bad_input);

  return g_test_run ();
}
