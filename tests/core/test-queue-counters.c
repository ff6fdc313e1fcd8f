/* test-queue-counters.c — the hall queue at the windows: counter states, roles and the public
 * hall board with its masked names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-queue-counters"

#include "config.h"

#include "hall-test-queue.h"

/* ---- helpers -------------------------------------------------------------------------------- */

static char *
to_json (JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return json_to_string (node, FALSE);
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
  gint64      id;

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
      "ticket.issued:waiting",
      "counter.changed:open",
      "counter.changed:paused",
      "counter.changed:open",
      "ticket.called:called",
      "ticket.finished:finished",
      "counter.changed:closed",
      "counter.changed:open",
      "counter.changed:open",
    };
    g_autoptr (JsonObject) feed = hall_test_ok (hall, manager, "events.since", "{\"since\":0}");
    JsonArray *events = json_object_get_array_member (feed, "events");
    guint      seen = 0;

    for (guint i = 0; i < json_array_get_length (events); i++)
      {
        JsonObject      *event = json_array_get_object_element (events, i);
        const char      *kind = json_object_get_string_member (event, "kind");
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
    "counter.open",
    "counter.close",
    "counter.pause",
    "counter.resume",
    "counter.call_next",
    "counter.recall",
    "ticket.start",
    "ticket.hold",
    "ticket.resume",
    "ticket.no_show",
    "ticket.reactivate",
    "ticket.transfer",
    "ticket.finish",
    "ticket.prioritize",
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
  const char      *secrets[] = { "李建国", "张小明", "11010519491231002X", "13800138000", "午饭" };
  JsonObject      *counter;
  JsonObject      *department;

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
  g_assert_true (json_object_get_null_member (issued, "repeat_visits"));
  issued_text = to_json (issued);
  g_assert_null (strstr (issued_text, "张小明"));
  /* The same person again the same day is a repeat visit, which the kiosk does not tell:
   * whoever typed the ID number would learn that the person came before. */
  again = hall_test_ok (hall, kiosk, "ticket.issue",
                        "{\"department_id\":3,\"petitioner\":{\"name\":\"张小明\",\"id_number\":"
                        "\"11010519491231002X\"}}");
  g_assert_true (json_object_get_null_member (again, "repeat_visits"));

  hall_engine_set_now (hall->engine, hall_test_time ("2026-10-12 09:30"));
  g_assert_cmpint (call_next (hall, staff), ==, ticket_id (issued));
  {
    g_autoptr (JsonObject) paused = NULL;

    paused = hall_test_ok (hall, manager, "counter.open", "{\"counter_id\":4}");
    g_clear_pointer (&paused, json_object_unref);
    paused = hall_test_ok (hall, manager, "counter.pause", "{\"counter_id\":4,\"reason\":\"午饭\"}");
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
  department =
      json_array_get_object_element (json_object_get_array_member (board, "departments"), 2);
  g_assert_cmpstr (json_object_get_string_member (department, "code"), ==, "minzheng");
  g_assert_cmpint (json_object_get_int_member (department, "waiting"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (department, "longest_wait_seconds"), ==, 30 * 60);
  g_assert_true (json_object_get_boolean_member (department, "over_norm"));
  g_assert_cmpstr (
      json_object_get_string_member (
          json_array_get_object_element (json_object_get_array_member (board, "recent_calls"), 0),
          "code"),
      ==, "C001");

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
      g_autofree char *json =
          g_strdup_printf ("{\"username\":\"%s\",\"display_name\":\"%s\",\"password\":"
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/queue/counter-states", test_counter_states);
  g_test_add_func ("/queue/roles", test_roles);
  g_test_add_func ("/queue/public-board", test_public_board);
  g_test_add_func ("/queue/mask-names", test_mask_names);

  return g_test_run ();
}
