/* test-rating.c — the window rating pads (一次一评): what a pad may rate, once, in time, at its
 * own window only; the 不满意 alert; the figures per window and per staff member
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "hall-test-queue.h"

#define PETITIONER_NAME "欧阳明辉"
#define PETITIONER_ID "430102198503151236"
#define PETITIONER_PHONE "13907311234"

typedef struct
{
  HallTestHall *hall;
  char         *manager;
  char         *staff; /* 城建, window 2 */
  char         *other; /* 民政, window 3 */
  char         *pad;   /* faces window 2 */
  char         *admin;
  gint64        staff_id;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (JsonObject) bound = NULL;
  gint64 pad_id;

  f->hall = hall_test_hall_new ();
  hall_test_set_now (f->hall, "2026-10-12 09:00");
  f->manager = hall_test_add_user (f->hall, "zhang", "manager", NULL, 0);
  f->staff = hall_test_add_user (f->hall, "li", "staff", "chengjian", CHENGJIAN);
  f->other = hall_test_add_user (f->hall, "wang", "staff", "minzheng", MINZHENG);
  f->admin = hall_test_add_user (f->hall, "root", "admin", NULL, 0);
  f->pad = hall_test_add_user (f->hall, "pad2", "rating_pad", NULL, 0);
  f->staff_id = hall_test_user_id (f->hall, f->staff);
  pad_id = hall_test_user_id (f->hall, f->pad);
  bound = hall_test_ok (f->hall, f->admin, "rating.bind",
                        "{\"user_id\":%" G_GINT64_FORMAT ",\"counter_id\":%d}", pad_id, CHENGJIAN);
  open_counter (f->hall, f->staff);
  open_counter (f->hall, f->other);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_free (f->manager);
  g_free (f->staff);
  g_free (f->other);
  g_free (f->pad);
  g_free (f->admin);
  hall_test_hall_free (f->hall);
}

/* A visitor with a name, an ID number and a phone is served at the window of @token and leaves
 * at @local: the ticket's id. */
static gint64
serve (Fixture    *f,
       const char *token,
       gint64      department_id,
       const char *local)
{
  g_autoptr (JsonObject) issued = NULL;
  gint64 id;

  hall_test_set_now (f->hall, local);
  issued = hall_test_ok (f->hall, f->manager, "ticket.issue",
                         "{\"department_id\":%" G_GINT64_FORMAT ",\"petitioner\":{\"name\":\"" PETITIONER_NAME
                         "\",\"id_number\":\"" PETITIONER_ID "\",\"phone\":\"" PETITIONER_PHONE "\"}}",
                         department_id);
  id = call_next (f->hall, token);
  g_assert_cmpint (id, ==, ticket_id (issued));
  finish (f->hall, token, id);
  return id;
}

static void
assert_no_personal_data (JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), object);
  g_autofree char *text = json_to_string (node, FALSE);

  g_assert_null (strstr (text, PETITIONER_NAME));
  g_assert_null (strstr (text, "欧阳"));
  g_assert_null (strstr (text, PETITIONER_ID));
  g_assert_null (strstr (text, PETITIONER_PHONE));
  g_assert_null (strstr (text, "petitioner"));
}

static void
test_rate_once (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GPtrArray) events = hall_test_record_events (f->hall->engine);
  g_autoptr (JsonObject) idle = NULL;
  g_autoptr (JsonObject) pending = NULL;
  g_autoptr (JsonObject) rated = NULL;
  g_autoptr (JsonObject) after = NULL;
  g_autoptr (JsonObject) list = NULL;
  JsonObject *ticket, *rating, *counter;
  gint64      id;
  gboolean    seen = FALSE;

  idle = hall_test_ok (f->hall, f->pad, "rating.pending", NULL);
  g_assert_true (json_object_get_null_member (idle, "pending"));
  counter = json_object_get_object_member (idle, "counter");
  g_assert_cmpint (json_object_get_int_member (counter, "number"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (counter, "staff_name"), ==, "li");

  id = serve (f, f->staff, CHENGJIAN, "2026-10-12 09:10");
  pending = hall_test_ok (f->hall, f->pad, "rating.pending", "{\"counter_id\":%d}", CHENGJIAN);
  ticket = json_object_get_object_member (pending, "pending");
  g_assert_nonnull (ticket);
  g_assert_cmpint (json_object_get_int_member (ticket, "ticket_id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (ticket, "code"), ==, "C001");
  assert_no_personal_data (pending);

  rated = hall_test_ok (f->hall, f->pad, "rating.submit",
                        "{\"ticket_id\":%" G_GINT64_FORMAT ",\"level\":\"very_satisfied\","
                        "\"attitude\":5,\"quality\":4,\"integrity\":5}",
                        id);
  rating = json_object_get_object_member (rated, "rating");
  g_assert_cmpstr (json_object_get_string_member (rating, "level"), ==, "very_satisfied");
  g_assert_true (json_object_get_null_member (rating, "efficiency"));
  g_assert_false (json_object_get_boolean_member (rating, "alert"));
  assert_no_personal_data (rated);

  /* Once only: a second tap, even another level, is refused plainly. */
  hall_test_fails (f->hall, f->pad, "rating.submit", HALL_ERROR_CONFLICT, "ticket_id",
                   "{\"ticket_id\":%" G_GINT64_FORMAT ",\"level\":\"dissatisfied\"}", id);
  after = hall_test_ok (f->hall, f->pad, "rating.pending", NULL);
  g_assert_true (json_object_get_null_member (after, "pending"));

  /* Stored with the ticket, the window and the staff member who served. */
  list = hall_test_ok (f->hall, f->manager, "rating.list", "{}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (list, "ratings")), ==, 1);
  rating = json_array_get_object_element (json_object_get_array_member (list, "ratings"), 0);
  g_assert_cmpint (json_object_get_int_member (rating, "ticket_id"), ==, id);
  g_assert_cmpint (json_object_get_int_member (rating, "counter_number"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (rating, "staff_user_id"), ==, f->staff_id);
  g_assert_cmpint (json_object_get_int_member (rating, "attitude"), ==, 5);
  assert_no_personal_data (list);

  for (guint i = 0; i < events->len; i++)
    {
      JsonObject *event = g_ptr_array_index (events, i);

      assert_no_personal_data (event);
      if (g_strcmp0 (json_object_get_string_member (event, "kind"), "rating.submitted") == 0)
        {
          g_assert_cmpint (json_object_get_int_member (event, "ticket_id"), ==, id);
          g_assert_cmpstr (json_object_get_string_member (event, "level"), ==, "very_satisfied");
          seen = TRUE;
        }
    }
  g_assert_true (seen);
  hall_test_stop_recording (f->hall->engine, g_steal_pointer (&events));
}

static void
test_wrong_window (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr (JsonObject) waiting = NULL;
  g_autoptr (JsonObject) pending = NULL;
  gint64 elsewhere = serve (f, f->other, MINZHENG, "2026-10-12 09:10");

  /* Window 3's visitor is not window 2's pad's to rate, nor to see. */
  hall_test_fails (f->hall, f->pad, "rating.submit", HALL_ERROR_FORBIDDEN, "ticket_id",
                   "{\"ticket_id\":%" G_GINT64_FORMAT ",\"level\":\"satisfied\"}", elsewhere);
  pending = hall_test_ok (f->hall, f->pad, "rating.pending", NULL);
  g_assert_true (json_object_get_null_member (pending, "pending"));
  hall_test_fails (f->hall, f->pad, "rating.pending", HALL_ERROR_FORBIDDEN, "counter_id",
                   "{\"counter_id\":%d}", MINZHENG);

  /* A ticket still being served is not rated yet. */
  waiting = hall_test_ok (f->hall, f->manager, "ticket.issue", "{\"department_id\":%d}", CHENGJIAN);
  call_next (f->hall, f->staff);
  hall_test_fails (f->hall, f->pad, "rating.submit", HALL_ERROR_CONFLICT, "ticket_id",
                   "{\"ticket_id\":%" G_GINT64_FORMAT ",\"level\":\"satisfied\"}",
                   ticket_id (waiting));

  /* Bad input names its field; people rate, a pad's account does not serve. */
  hall_test_fails (f->hall, f->pad, "rating.submit", HALL_ERROR_INVALID_ARGUMENT, "level",
                   "{\"ticket_id\":%" G_GINT64_FORMAT ",\"level\":\"ok\"}", elsewhere);
  hall_test_fails (f->hall, f->pad, "rating.submit", HALL_ERROR_INVALID_ARGUMENT, "quality",
                   "{\"ticket_id\":%" G_GINT64_FORMAT ",\"level\":\"satisfied\",\"quality\":6}",
                   elsewhere);
  hall_test_fails (f->hall, f->staff, "rating.submit", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"ticket_id\":%" G_GINT64_FORMAT ",\"level\":\"satisfied\"}", elsewhere);
  hall_test_fails (f->hall, f->pad, "counter.call_next", HALL_ERROR_FORBIDDEN, NULL, "{}");
}

static void
test_unbound_pad (Fixture      *f,
                  gconstpointer data)
{
  g_autofree char *loose = hall_test_add_user (f->hall, "pad9", "rating_pad", NULL, 0);
  g_autoptr (JsonObject) created = NULL;
  gint64 staff_id = f->staff_id;

  hall_test_fails (f->hall, loose, "rating.pending", HALL_ERROR_FORBIDDEN, "counter_id", NULL);
  /* Only a pad faces a window, and the window must exist. */
  hall_test_fails (f->hall, f->admin, "rating.bind", HALL_ERROR_INVALID_ARGUMENT, "counter_id",
                   "{\"user_id\":%" G_GINT64_FORMAT ",\"counter_id\":2}", staff_id);
  hall_test_fails (f->hall, f->admin, "rating.bind", HALL_ERROR_NOT_FOUND, "counter_id",
                   "{\"user_id\":%" G_GINT64_FORMAT ",\"counter_id\":99}",
                   hall_test_user_id (f->hall, loose));
  /* The admin makes a pad and chooses its window in one step. */
  created = hall_test_ok (f->hall, f->admin, "user.create",
                          "{\"username\":\"pad5\",\"display_name\":\"5号窗口评价器\","
                          "\"password\":\"password123\",\"roles\":[\"rating_pad\"],"
                          "\"counter_id\":5}");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (created, "user"),
                                               "pad_counter_id"),
                   ==, 5);
  hall_test_fails (f->hall, f->admin, "user.create", HALL_ERROR_INVALID_ARGUMENT, "counter_id",
                   "{\"username\":\"clerk5\",\"password\":\"password123\",\"roles\":[\"staff\"],"
                   "\"counter_id\":5}");
}

static void
test_time_limit (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (JsonObject) pending = NULL;
  g_autoptr (JsonObject) rated = NULL;
  gint64 late = serve (f, f->staff, CHENGJIAN, "2026-10-12 09:10");
  gint64 in_time;

  hall_test_set_now (f->hall, "2026-10-12 09:21");
  pending = hall_test_ok (f->hall, f->pad, "rating.pending", NULL);
  g_assert_true (json_object_get_null_member (pending, "pending"));
  hall_test_fails (f->hall, f->pad, "rating.submit", HALL_ERROR_CONFLICT, "ticket_id",
                   "{\"ticket_id\":%" G_GINT64_FORMAT ",\"level\":\"satisfied\"}", late);

  in_time = serve (f, f->staff, CHENGJIAN, "2026-10-12 09:30");
  hall_test_set_now (f->hall, "2026-10-12 09:40");
  rated = hall_test_ok (f->hall, f->pad, "rating.submit",
                        "{\"ticket_id\":%" G_GINT64_FORMAT ",\"level\":\"satisfied\"}", in_time);
}

static void
test_alert_and_figures (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr (JsonObject) alerts = NULL;
  g_autoptr (JsonObject) cleared = NULL;
  g_autoptr (JsonObject) followed = NULL;
  g_autoptr (JsonObject) summary = NULL;
  g_autoptr (JsonObject) r1 = NULL;
  g_autoptr (JsonObject) r2 = NULL;
  JsonObject *alert, *total, *counter, *staff;
  JsonArray  *counters;
  gint64      a, b, rating_id;

  a = serve (f, f->staff, CHENGJIAN, "2026-10-12 09:10");
  r1 = hall_test_ok (f->hall, f->pad, "rating.submit",
                     "{\"ticket_id\":%" G_GINT64_FORMAT ",\"level\":\"dissatisfied\","
                     "\"attitude\":1,\"efficiency\":2}",
                     a);
  b = serve (f, f->staff, CHENGJIAN, "2026-10-12 09:30");
  r2 = hall_test_ok (f->hall, f->pad, "rating.submit",
                     "{\"ticket_id\":%" G_GINT64_FORMAT ",\"level\":\"satisfied\",\"attitude\":4}",
                     b);
  serve (f, f->staff, CHENGJIAN, "2026-10-12 09:50"); /* not rated */
  serve (f, f->other, MINZHENG, "2026-10-12 10:00");  /* not rated */

  alerts = hall_test_ok (f->hall, f->manager, "rating.alerts", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (alerts, "alerts")), ==, 1);
  alert = json_array_get_object_element (json_object_get_array_member (alerts, "alerts"), 0);
  g_assert_cmpint (json_object_get_int_member (alert, "ticket_id"), ==, a);
  g_assert_cmpstr (json_object_get_string_member (alert, "code"), ==, "C001");
  g_assert_cmpstr (json_object_get_string_member (alert, "staff_name"), ==, "li");
  rating_id = json_object_get_int_member (alert, "rating_id");
  assert_no_personal_data (alerts);

  hall_test_fails (f->hall, f->staff, "rating.follow_up", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"rating_id\":%" G_GINT64_FORMAT "}", rating_id);
  followed = hall_test_ok (f->hall, f->manager, "rating.follow_up",
                           "{\"rating_id\":%" G_GINT64_FORMAT "}", rating_id);
  hall_test_fails (f->hall, f->manager, "rating.follow_up", HALL_ERROR_CONFLICT, "rating_id",
                   "{\"rating_id\":%" G_GINT64_FORMAT "}", rating_id);
  hall_test_fails (
      f->hall, f->manager, "rating.follow_up", HALL_ERROR_CONFLICT, "rating_id",
      "{\"rating_id\":%" G_GINT64_FORMAT "}",
      json_object_get_int_member (json_object_get_object_member (r2, "rating"), "rating_id"));
  cleared = hall_test_ok (f->hall, f->manager, "rating.alerts", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cleared, "alerts")), ==,
                    0);

  summary = hall_test_ok (f->hall, f->manager, "rating.summary",
                          "{\"from\":\"2026-10-12\",\"to\":\"2026-10-12\"}");
  total = json_object_get_object_member (summary, "total");
  g_assert_cmpint (json_object_get_int_member (total, "finished"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (total, "rated"), ==, 2);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (total, "participation"), 0.5,
                                  1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (total, "attitude"), 2.5, 1e-9);
  counters = json_object_get_array_member (summary, "counters");
  g_assert_cmpuint (json_array_get_length (counters), ==, 2);
  counter = json_array_get_object_element (counters, 0);
  g_assert_cmpint (json_object_get_int_member (counter, "number"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (counter, "finished"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (counter, "dissatisfied"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counter, "satisfied"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (counter, "very_satisfied"), ==, 0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (counter, "efficiency"), 2.0,
                                  1e-9);
  g_assert_true (json_object_get_null_member (counter, "quality"));
  counter = json_array_get_object_element (counters, 1);
  g_assert_cmpint (json_object_get_int_member (counter, "number"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (counter, "rated"), ==, 0);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (counter, "participation"), 0.0,
                                  1e-9);
  staff = json_array_get_object_element (json_object_get_array_member (summary, "staff"), 0);
  g_assert_cmpstr (json_object_get_string_member (staff, "name"), ==, "li");
  g_assert_cmpint (json_object_get_int_member (staff, "finished"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (staff, "rated"), ==, 2);

  hall_test_fails (f->hall, f->manager, "rating.summary", HALL_ERROR_INVALID_ARGUMENT, "to",
                   "{\"from\":\"2026-10-12\",\"to\":\"2026-10-11\"}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/rating/once", test_rate_once);
  ADD ("/rating/wrong-window", test_wrong_window);
  ADD ("/rating/unbound-pad", test_unbound_pad);
  ADD ("/rating/time-limit", test_time_limit);
  ADD ("/rating/alert-and-figures", test_alert_and_figures);
#undef ADD
  return g_test_run ();
}
