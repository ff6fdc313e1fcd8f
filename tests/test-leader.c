/* test-leader.c — the duty roster, escalation to the duty leader, the leader's reception,
 * 包案 and 督办
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-leader"

#include "config.h"

#include <string.h>

#include "hall-test-util.h"

typedef struct
{
  HallTestHall *hall;
  char *manager;
  char *staff;
  char *leader;  /* 张书记 */
  char *leader2; /* 李县长 */
  char *display;
  char *kiosk;
  char *admin;
  gint64 manager_id;
  gint64 staff_id;
  gint64 leader_id;
  gint64 leader2_id;
} Fixture;

static gint64
user_id_of (HallTestHall *hall,
            const char   *token)
{
  g_autoptr (JsonObject) who = hall_test_ok (hall, token, "session.whoami", NULL);

  return json_object_get_int_member (json_object_get_object_member (who, "user"), "id");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->hall = hall_test_hall_new ();
  /* Monday 12 October 2026, 09:00. */
  hall_engine_set_now (f->hall->engine, hall_test_time ("2026-10-12 09:00"));
  f->manager = hall_test_add_user (f->hall, "zhiban", "manager", "xinfang", 0);
  f->staff = hall_test_add_user (f->hall, "chuangkou", "staff", "chengjian", 2);
  f->leader = hall_test_add_user (f->hall, "zhang", "leader", NULL, 0);
  f->leader2 = hall_test_add_user (f->hall, "li", "leader", NULL, 0);
  f->display = hall_test_add_user (f->hall, "wall", "display", NULL, 0);
  f->kiosk = hall_test_add_user (f->hall, "kiosk", "kiosk", NULL, 0);
  f->admin = hall_test_add_user (f->hall, "admin", "admin", NULL, 0);
  f->manager_id = user_id_of (f->hall, f->manager);
  f->staff_id = user_id_of (f->hall, f->staff);
  f->leader_id = user_id_of (f->hall, f->leader);
  f->leader2_id = user_id_of (f->hall, f->leader2);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->manager);
  g_free (f->staff);
  g_free (f->leader);
  g_free (f->leader2);
  g_free (f->display);
  g_free (f->kiosk);
  g_free (f->admin);
  hall_test_hall_free (f->hall);
}

static JsonArray *
day_leaders (JsonObject *roster,
             const char *date)
{
  JsonArray *days = json_object_get_array_member (roster, "days");

  for (guint i = 0; i < json_array_get_length (days); i++)
    {
      JsonObject *day = json_array_get_object_element (days, i);

      if (g_strcmp0 (json_object_get_string_member (day, "date"), date) == 0)
        return json_object_get_array_member (day, "leaders");
    }
  g_assert_not_reached ();
}

static void
test_roster (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) week = NULL;
  g_autoptr (JsonObject) today = NULL;
  JsonArray *leaders;
  JsonObject *entry;

  /* The manager puts both leaders on Monday (one for the morning) and one on Thursday. */
  r = hall_test_ok (f->hall, f->manager, "leader.duty",
                    "{\"date\":\"2026-10-12\",\"user_id\":%" G_GINT64_FORMAT ",\"note\":\"接待室一\"}",
                    f->leader_id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->manager, "leader.duty",
                    "{\"date\":\"2026-10-12\",\"user_id\":%" G_GINT64_FORMAT ",\"slot\":\"am\"}",
                    f->leader2_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "leaders")), ==, 2);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->manager, "leader.duty",
                    "{\"date\":\"2026-10-15\",\"user_id\":%" G_GINT64_FORMAT "}", f->leader2_id);
  g_clear_pointer (&r, json_object_unref);

  /* A leader sets their own day without naming themself. */
  r = hall_test_ok (f->hall, f->leader, "leader.duty", "{\"date\":\"2026-10-16\",\"slot\":\"pm\"}");
  g_clear_pointer (&r, json_object_unref);

  /* Setting the same leader again on a day changes the entry, it does not add one. */
  r = hall_test_ok (f->hall, f->leader, "leader.duty", "{\"date\":\"2026-10-16\",\"slot\":\"day\"}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "leaders")), ==, 1);
  g_clear_pointer (&r, json_object_unref);

  /* The week view: Monday to Sunday, every day present, empty days too. */
  week = hall_test_ok (f->hall, f->staff, "leader.roster", NULL);
  g_assert_cmpstr (json_object_get_string_member (week, "from"), ==, "2026-10-12");
  g_assert_cmpstr (json_object_get_string_member (week, "to"), ==, "2026-10-18");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (week, "days")), ==, 7);
  leaders = day_leaders (week, "2026-10-12");
  g_assert_cmpuint (json_array_get_length (leaders), ==, 2);
  entry = json_array_get_object_element (leaders, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "display_name"), ==, "zhang");
  g_assert_cmpstr (json_object_get_string_member (entry, "slot"), ==, "day");
  g_assert_cmpstr (json_object_get_string_member (entry, "note"), ==, "接待室一");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (leaders, 1), "slot"), ==, "am");
  g_assert_cmpuint (json_array_get_length (day_leaders (week, "2026-10-13")), ==, 0);
  g_assert_cmpuint (json_array_get_length (day_leaders (week, "2026-10-15")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     day_leaders (week, "2026-10-16"), 0), "slot"), ==, "day");
  g_clear_pointer (&week, json_object_unref);

  /* An explicit range. */
  week = hall_test_ok (f->hall, f->leader, "leader.roster", "{\"from\":\"2026-10-15\",\"to\":\"2026-10-16\"}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (week, "days")), ==, 2);
  g_clear_pointer (&week, json_object_unref);

  /* Today: both, and at 09:00 both are receiving. */
  today = hall_test_ok (f->hall, f->manager, "leader.today", NULL);
  g_assert_cmpstr (json_object_get_string_member (today, "date"), ==, "2026-10-12");
  leaders = json_object_get_array_member (today, "leaders");
  g_assert_cmpuint (json_array_get_length (leaders), ==, 2);
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (leaders, 1), "on_duty_now"));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (leaders, 0), "waiting"), ==, 0);
  g_clear_pointer (&today, json_object_unref);

  /* The wall display may announce who receives today (halls publish it), without the queue. */
  today = hall_test_ok (f->hall, f->display, "leader.today", NULL);
  g_assert_false (json_object_has_member (json_array_get_object_element (
                    json_object_get_array_member (today, "leaders"), 0), "waiting"));
  g_clear_pointer (&today, json_object_unref);

  /* In the afternoon the morning leader is no longer receiving. */
  hall_engine_set_now (f->hall->engine, hall_test_time ("2026-10-12 14:30"));
  today = hall_test_ok (f->hall, f->leader, "leader.today", NULL);
  leaders = json_object_get_array_member (today, "leaders");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (leaders, 0), "on_duty_now"));
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (leaders, 1), "on_duty_now"));
  g_clear_pointer (&today, json_object_unref);

  /* Clearing an entry. */
  r = hall_test_ok (f->hall, f->manager, "leader.duty",
                    "{\"date\":\"2026-10-15\",\"user_id\":%" G_GINT64_FORMAT ",\"clear\":true}", f->leader2_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "leaders")), ==, 0);
  g_clear_pointer (&r, json_object_unref);
  hall_test_fails (f->hall, f->manager, "leader.duty", HALL_ERROR_NOT_FOUND, "date",
                   "{\"date\":\"2026-10-15\",\"user_id\":%" G_GINT64_FORMAT ",\"clear\":true}", f->leader2_id);

  /* Each change is in the change feed, with ids only. */
  r = hall_test_ok (f->hall, f->manager, "events.since", "{\"since\":0}");
  {
    JsonArray *events = json_object_get_array_member (r, "events");
    guint n = 0;

    for (guint i = 0; i < json_array_get_length (events); i++)
      {
        JsonObject *ev = json_array_get_object_element (events, i);

        if (g_strcmp0 (json_object_get_string_member (ev, "kind"), "leader.duty") == 0)
          {
            n++;
            g_assert_true (json_object_has_member (ev, "user_id"));
            g_assert_false (json_object_has_member (ev, "note"));
          }
      }
    g_assert_cmpuint (n, ==, 6);
  }
}

static void
test_roster_rules (Fixture       *f,
                   gconstpointer  data)
{
  /* A leader cannot set someone else's roster; staff, admin, display and kiosk cannot set any. */
  hall_test_fails (f->hall, f->leader, "leader.duty", HALL_ERROR_FORBIDDEN, "user_id",
                   "{\"date\":\"2026-10-13\",\"user_id\":%" G_GINT64_FORMAT "}", f->leader2_id);
  hall_test_fails (f->hall, f->staff, "leader.duty", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"date\":\"2026-10-13\",\"user_id\":%" G_GINT64_FORMAT "}", f->leader_id);
  hall_test_fails (f->hall, f->admin, "leader.duty", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"date\":\"2026-10-13\",\"user_id\":%" G_GINT64_FORMAT "}", f->leader_id);
  hall_test_fails (f->hall, f->display, "leader.roster", HALL_ERROR_FORBIDDEN, NULL, NULL);
  hall_test_fails (f->hall, f->kiosk, "leader.roster", HALL_ERROR_FORBIDDEN, NULL, NULL);
  hall_test_fails (f->hall, f->display, "leader.duty", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"date\":\"2026-10-13\",\"user_id\":%" G_GINT64_FORMAT "}", f->leader_id);

  /* Only leaders go on the roster; the manager must say which leader. */
  hall_test_fails (f->hall, f->manager, "leader.duty", HALL_ERROR_INVALID_ARGUMENT, "user_id",
                   "{\"date\":\"2026-10-13\",\"user_id\":%" G_GINT64_FORMAT "}", f->staff_id);
  hall_test_fails (f->hall, f->manager, "leader.duty", HALL_ERROR_NOT_FOUND, "user_id",
                   "{\"date\":\"2026-10-13\",\"user_id\":999}");
  hall_test_fails (f->hall, f->manager, "leader.duty", HALL_ERROR_INVALID_ARGUMENT, "user_id",
                   "{\"date\":\"2026-10-13\"}");

  /* Bad dates, slots, notes. */
  hall_test_fails (f->hall, f->leader, "leader.duty", HALL_ERROR_INVALID_ARGUMENT, "date", "{}");
  hall_test_fails (f->hall, f->leader, "leader.duty", HALL_ERROR_INVALID_ARGUMENT, "date",
                   "{\"date\":\"2026-02-30\"}");
  hall_test_fails (f->hall, f->leader, "leader.duty", HALL_ERROR_INVALID_ARGUMENT, "date",
                   "{\"date\":\"13/10/2026\"}");
  hall_test_fails (f->hall, f->leader, "leader.duty", HALL_ERROR_INVALID_ARGUMENT, "date",
                   "{\"date\":\"2028-01-01\"}");
  hall_test_fails (f->hall, f->leader, "leader.duty", HALL_ERROR_CONFLICT, "date",
                   "{\"date\":\"2026-10-11\"}");
  hall_test_fails (f->hall, f->leader, "leader.duty", HALL_ERROR_INVALID_ARGUMENT, "slot",
                   "{\"date\":\"2026-10-13\",\"slot\":\"night\"}");
  hall_test_fails (f->hall, f->leader, "leader.duty", HALL_ERROR_INVALID_ARGUMENT, "note",
                   "{\"date\":\"2026-10-13\",\"note\":42}");
  hall_test_fails (f->hall, f->leader, "leader.duty", HALL_ERROR_INVALID_ARGUMENT, "clear",
                   "{\"date\":\"2026-10-13\",\"clear\":\"yes\"}");
  {
    g_autofree char *long_note = NULL;
    GString *s = g_string_new (NULL);

    for (int i = 0; i < 201; i++)
      g_string_append (s, "字");
    long_note = g_string_free (s, FALSE);
    hall_test_fails (f->hall, f->leader, "leader.duty", HALL_ERROR_INVALID_ARGUMENT, "note",
                     "{\"date\":\"2026-10-13\",\"note\":\"%s\"}", long_note);
  }
  /* SQL metacharacters are just text. */
  {
    g_autoptr (JsonObject) r = hall_test_ok (f->hall, f->leader, "leader.duty",
                                             "{\"date\":\"2026-10-13\",\"note\":\"'); DROP TABLE leader_duty;--\"}");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                       json_object_get_array_member (r, "leaders"), 0), "note"), ==,
                     "'); DROP TABLE leader_duty;--");
  }

  /* Roster ranges. */
  hall_test_fails (f->hall, f->staff, "leader.roster", HALL_ERROR_INVALID_ARGUMENT, "to",
                   "{\"from\":\"2026-10-15\",\"to\":\"2026-10-14\"}");
  hall_test_fails (f->hall, f->staff, "leader.roster", HALL_ERROR_INVALID_ARGUMENT, "to",
                   "{\"from\":\"2026-01-01\",\"to\":\"2026-12-31\"}");
  hall_test_fails (f->hall, f->staff, "leader.roster", HALL_ERROR_INVALID_ARGUMENT, "from",
                   "{\"from\":\"yesterday\"}");
}


/* ---- helpers for the flows with the queue and the matters ---------------------------------- */

static gint64
register_matter (Fixture    *f,
                 gint64      ticket_id,
                 const char *received_date)
{
  g_autoptr (JsonObject) r = NULL;
  g_autofree char *ticket = ticket_id ? g_strdup_printf (",\"ticket_id\":%" G_GINT64_FORMAT, ticket_id)
                                      : g_strdup ("");
  g_autofree char *received = received_date ? g_strdup_printf (",\"received_date\":\"%s\"", received_date)
                                            : g_strdup ("");

  r = hall_test_ok (f->hall, f->staff, "matter.register",
                    "{\"channel\":\"visit\",\"type\":\"claim\",\"category_id\":3,"
                    "\"content\":\"小区物业长期不维修电梯，多次反映未解决\"%s%s,"
                    "\"petitioners\":[{\"name\":\"王小明\",\"id_number\":\"431228198001151236\","
                    "\"phone\":\"13800138000\",\"sex\":\"male\",\"address\":\"城关镇幸福路8号\"}]}",
                    ticket, received);
  return json_object_get_int_member (json_object_get_object_member (r, "matter"), "id");
}

/* A visitor takes a number for 城建, window 2 calls them in and registers their matter. */
static gint64
visitor_at_window (Fixture *f,
                   gint64  *matter_id)
{
  g_autoptr (JsonObject) ticket = NULL;
  g_autoptr (JsonObject) r = NULL;
  gint64 ticket_id;

  ticket = hall_test_ok (f->hall, f->kiosk, "ticket.issue", "{\"department_id\":2,\"persons\":2}");
  ticket_id = json_object_get_int_member (json_object_get_object_member (ticket, "ticket"), "id");
  r = hall_test_ok (f->hall, f->staff, "counter.open", NULL);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->staff, "counter.call_next", NULL);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "ticket"), "id"), ==, ticket_id);
  *matter_id = register_matter (f, ticket_id, NULL);
  return ticket_id;
}

static JsonObject *
get_ticket (Fixture *f,
            gint64   ticket_id)
{
  g_autoptr (JsonObject) r = hall_test_ok (f->hall, f->manager, "ticket.get",
                                           "{\"ticket_id\":%" G_GINT64_FORMAT "}", ticket_id);

  return json_object_ref (json_object_get_object_member (r, "ticket"));
}

static guint
count_timeline (JsonObject *matter_result,
                const char *kind)
{
  JsonArray *timeline = json_object_get_array_member (matter_result, "timeline");
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (timeline); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (timeline, i), "kind"), kind) == 0)
      n++;
  return n;
}

static JsonObject *
find_timeline (JsonObject *matter_result,
               const char *kind)
{
  JsonArray *timeline = json_object_get_array_member (matter_result, "timeline");

  for (guint i = 0; i < json_array_get_length (timeline); i++)
    {
      JsonObject *entry = json_array_get_object_element (timeline, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "kind"), kind) == 0)
        return entry;
    }
  return NULL;
}

/* A new day: yesterday's sessions have expired. */
static void
relogin (Fixture *f)
{
  g_free (f->manager);
  g_free (f->staff);
  g_free (f->leader);
  g_free (f->leader2);
  f->manager = hall_test_login (f->hall, "zhiban", "manager", 0);
  f->staff = hall_test_login (f->hall, "chuangkou", "staff", 2);
  f->leader = hall_test_login (f->hall, "zhang", "leader", 0);
  f->leader2 = hall_test_login (f->hall, "li", "leader", 0);
}

static void
put_on_duty (Fixture *f,
             gint64   leader_id)
{
  g_autoptr (JsonObject) r = hall_test_ok (f->hall, f->manager, "leader.duty",
                                           "{\"date\":\"2026-10-12\",\"user_id\":%" G_GINT64_FORMAT "}",
                                           leader_id);
}

/* ---- escalation and the leader's reception ------------------------------------------------ */

static void
test_reception_flow (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) ticket = NULL;
  g_autoptr (JsonObject) queue = NULL;
  g_autoptr (JsonObject) matter = NULL;
  gint64 matter_id, ticket_id, escalation_id, reception_id;
  JsonObject *escalation, *visitor, *reception, *instruction;
  JsonArray *assignments;

  ticket_id = visitor_at_window (f, &matter_id);

  /* Nobody on duty today: the window is told what to do about it. */
  hall_test_fails (f->hall, f->staff, "matter.escalate", HALL_ERROR_CONFLICT, NULL,
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);
  ticket = get_ticket (f, ticket_id);
  g_assert_cmpstr (json_object_get_string_member (ticket, "queue"), ==, "counter");
  g_clear_pointer (&ticket, json_object_unref);

  put_on_duty (f, f->leader_id);

  /* A leader who is not on duty today cannot be chosen. */
  hall_test_fails (f->hall, f->staff, "matter.escalate", HALL_ERROR_CONFLICT, "leader_user_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"leader_user_id\":%" G_GINT64_FORMAT "}",
                   matter_id, f->leader2_id);

  r = hall_test_ok (f->hall, f->staff, "matter.escalate",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"note\":\"诉求强烈，要求见领导\"}", matter_id);
  escalation = json_object_get_object_member (r, "escalation");
  escalation_id = json_object_get_int_member (escalation, "id");
  g_assert_cmpint (json_object_get_int_member (escalation, "leader_user_id"), ==, f->leader_id);
  g_assert_cmpint (json_object_get_int_member (escalation, "ticket_id"), ==, ticket_id);
  g_assert_cmpstr (json_object_get_string_member (escalation, "state"), ==, "waiting");
  g_clear_pointer (&r, json_object_unref);

  /* The ticket left window 2's queue for the leader's. */
  ticket = get_ticket (f, ticket_id);
  g_assert_cmpstr (json_object_get_string_member (ticket, "queue"), ==, "leader");
  g_assert_cmpstr (json_object_get_string_member (ticket, "state"), ==, "waiting");
  g_assert_cmpint (json_object_get_int_member (ticket, "leader_user_id"), ==, f->leader_id);
  g_clear_pointer (&ticket, json_object_unref);
  hall_test_fails (f->hall, f->staff, "counter.call_next", HALL_ERROR_QUEUE_EMPTY, NULL, NULL);

  /* Escalating it twice is refused. */
  hall_test_fails (f->hall, f->manager, "matter.escalate", HALL_ERROR_CONFLICT, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);

  /* The leader sees the visitor waiting; today's roster counts them. */
  queue = hall_test_ok (f->hall, f->leader, "leader.queue", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (queue, "visitors")), ==, 1);
  visitor = json_array_get_object_element (json_object_get_array_member (queue, "visitors"), 0);
  g_assert_cmpint (json_object_get_int_member (visitor, "escalation_id"), ==, escalation_id);
  g_assert_cmpstr (json_object_get_string_member (visitor, "ticket_code"), ==, "C001");
  g_assert_cmpint (json_object_get_int_member (visitor, "persons"), ==, 2);
  g_clear_pointer (&queue, json_object_unref);
  r = hall_test_ok (f->hall, f->manager, "leader.today", NULL);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
                     json_object_get_array_member (r, "leaders"), 0), "waiting"), ==, 1);
  g_clear_pointer (&r, json_object_unref);

  /* The manager cannot take the leader off today's roster while the visitor waits. */
  hall_test_fails (f->hall, f->manager, "leader.duty", HALL_ERROR_CONFLICT, "clear",
                   "{\"date\":\"2026-10-12\",\"user_id\":%" G_GINT64_FORMAT ",\"clear\":true}", f->leader_id);

  /* Another leader cannot call them in. */
  hall_test_fails (f->hall, f->leader2, "leader.call", HALL_ERROR_FORBIDDEN, "escalation_id",
                   "{\"escalation_id\":%" G_GINT64_FORMAT "}", escalation_id);

  hall_engine_set_now (f->hall->engine, hall_test_time ("2026-10-12 09:40"));
  r = hall_test_ok (f->hall, f->leader, "leader.call", "{\"escalation_id\":%" G_GINT64_FORMAT "}", escalation_id);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (r, "escalation"), "state"), ==,
                   "called");
  g_clear_pointer (&r, json_object_unref);
  ticket = get_ticket (f, ticket_id);
  g_assert_cmpstr (json_object_get_string_member (ticket, "state"), ==, "called");
  g_clear_pointer (&ticket, json_object_unref);

  /* The reception record: instructions, two departments, one with its own deadline. */
  hall_engine_set_now (f->hall->engine, hall_test_time ("2026-10-12 10:05"));
  r = hall_test_ok (f->hall, f->leader, "leader.receive",
                    "{\"escalation_id\":%" G_GINT64_FORMAT ","
                    "\"problem\":\"电梯停用三个月，物业不维修\","
                    "\"instructions\":\"请住建局牵头，自然资源局配合，10月底前拿出维修方案\","
                    "\"deadline\":\"2026-11-11\","
                    "\"assignments\":[{\"department\":\"chengjian\",\"deadline\":\"2026-10-30\"},"
                    "{\"department\":\"ziranziyuan\",\"note\":\"核实小区土地性质\"}],"
                    "\"result\":\"当场答复，限期办理\"}",
                    escalation_id);
  reception = json_object_get_object_member (r, "reception");
  reception_id = json_object_get_int_member (reception, "id");
  g_assert_cmpint (json_object_get_int_member (reception, "matter_id"), ==, matter_id);
  g_assert_cmpstr (json_object_get_string_member (reception, "petitioner_name"), ==, "王小明");
  g_assert_cmpstr (json_object_get_string_member (reception, "petitioner_sex"), ==, "male");
  g_assert_cmpstr (json_object_get_string_member (reception, "petitioner_id_number"), ==, "431228198001151236");
  g_assert_cmpint (json_object_get_int_member (reception, "persons"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (reception, "deadline"), ==, "2026-11-11");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reception, "departments")), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (reception, "departments"), 1), "deadline"), ==, "2026-11-11");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (reception, "departments"), 0), "role"), ==, "lead");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (reception, "departments"), 1), "role"), ==, "cooperate");
  g_clear_pointer (&r, json_object_unref);

  /* The matter's timeline shows the escalation, the instruction and both assignments. */
  matter = hall_test_ok (f->hall, f->leader, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);
  g_assert_cmpuint (count_timeline (matter, "escalated"), ==, 1);
  instruction = find_timeline (matter, "leader_instruction");
  g_assert_nonnull (instruction);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (instruction, "detail"),
                                                  "instructions"),
                   ==, "请住建局牵头，自然资源局配合，10月底前拿出维修方案");
  /* Both departments got the matter with their deadlines; the first listed leads and is
   * responsible for it now. */
  assignments = json_object_get_array_member (matter, "assignments");
  g_assert_cmpuint (json_array_get_length (assignments), ==, 2);
  g_assert_cmpuint (count_timeline (matter, "assigned"), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *a = json_array_get_object_element (assignments, i);

      if (json_object_get_int_member (a, "department_id") == 2)
        g_assert_cmpstr (json_object_get_string_member (a, "deadline"), ==, "2026-10-30");
      else
        {
          g_assert_cmpint (json_object_get_int_member (a, "department_id"), ==, 4);
          g_assert_cmpstr (json_object_get_string_member (a, "deadline"), ==, "2026-11-11");
          g_assert_cmpstr (json_object_get_string_member (a, "note"), ==, "核实小区土地性质");
        }
    }
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (matter, "matter"), "department_id"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (matter, "matter"), "state"), ==,
                   "assigned");
  /* 住建 leads (牵头) and 自然资源 cooperates (配合): both work it at the same time. */
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *a = json_array_get_object_element (assignments, i);

      g_assert_cmpstr (json_object_get_string_member (a, "state"), ==, "open");
      g_assert_cmpstr (json_object_get_string_member (a, "role"), ==,
                       json_object_get_int_member (a, "department_id") == 2 ? "lead" : "cooperate");
    }

  /* The visitor's ticket is finished, and the leader's queue is empty. */
  ticket = get_ticket (f, ticket_id);
  g_assert_cmpstr (json_object_get_string_member (ticket, "state"), ==, "finished");
  g_clear_pointer (&ticket, json_object_unref);
  queue = hall_test_ok (f->hall, f->leader, "leader.queue", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (queue, "visitors")), ==, 0);
  hall_test_fails (f->hall, f->leader, "leader.call", HALL_ERROR_CONFLICT, "escalation_id",
                   "{\"escalation_id\":%" G_GINT64_FORMAT "}", escalation_id);

  /* The register lists the reception without the visitor's particulars … */
  r = hall_test_ok (f->hall, f->manager, "leader.receptions", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "receptions")), ==, 1);
  g_assert_false (json_object_has_member (json_array_get_object_element (
                    json_object_get_array_member (r, "receptions"), 0), "petitioner_id_number"));
  g_clear_pointer (&r, json_object_unref);

  /* … and reading the full record is audited. */
  r = hall_test_ok (f->hall, f->manager, "leader.reception", "{\"reception_id\":%" G_GINT64_FORMAT "}", reception_id);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (r, "reception"), "petitioner_phone"),
                   ==, "13800138000");
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->admin, "audit.list",
                    "{\"object_type\":\"leader_reception\",\"object_id\":\"%" G_GINT64_FORMAT "\"}", reception_id);
  {
    JsonArray *entries = json_object_get_array_member (r, "entries");
    gboolean personal = FALSE;

    for (guint i = 0; i < json_array_get_length (entries); i++)
      personal |= g_strcmp0 (json_object_get_string_member (json_array_get_object_element (entries, i), "command"),
                             "leader_reception.read_personal") == 0;
    g_assert_true (personal);
  }
  g_clear_pointer (&r, json_object_unref);

  /* No event carries the visitor's name, ID number or phone. */
  r = hall_test_ok (f->hall, f->manager, "events.since", "{\"since\":0,\"limit\":10000}");
  {
    JsonArray *events = json_object_get_array_member (r, "events");

    for (guint i = 0; i < json_array_get_length (events); i++)
      {
        g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (),
                                                           json_array_get_object_element (events, i));
        g_autofree char *text = json_to_string (node, FALSE);

        g_assert_null (strstr (text, "王小明"));
        g_assert_null (strstr (text, "431228198001151236"));
        g_assert_null (strstr (text, "13800138000"));
        g_assert_null (strstr (text, "维修方案"));
      }
  }
}

static void
test_escalation_rules (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) queue = NULL;
  g_autofree char *other_staff = hall_test_add_user (f->hall, "minzheng", "staff", "minzheng", 3);
  gint64 letter, walk_in, walk_ticket, first, second;
  JsonArray *visitors;

  /* A matter without a visitor present (a letter) and a visitor at the window. */
  letter = register_matter (f, 0, NULL);
  walk_ticket = visitor_at_window (f, &walk_in);

  put_on_duty (f, f->leader_id);
  r = hall_test_ok (f->hall, f->manager, "leader.duty",
                    "{\"date\":\"2026-10-12\",\"user_id\":%" G_GINT64_FORMAT ",\"slot\":\"pm\"}", f->leader2_id);
  g_clear_pointer (&r, json_object_unref);

  /* Staff of another department may not escalate 城建's matter. */
  hall_test_fails (f->hall, other_staff, "matter.escalate", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", letter);
  /* Leaders, admins and devices do not escalate. */
  hall_test_fails (f->hall, f->leader, "matter.escalate", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", letter);
  hall_test_fails (f->hall, f->kiosk, "matter.escalate", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", letter);
  hall_test_fails (f->hall, f->staff, "matter.escalate", HALL_ERROR_NOT_FOUND, "matter_id", "{\"matter_id\":9999}");
  hall_test_fails (f->hall, f->staff, "matter.escalate", HALL_ERROR_INVALID_ARGUMENT, "matter_id",
                   "{\"matter_id\":\"XF2026-000001\"}");
  hall_test_fails (f->hall, f->staff, "matter.escalate", HALL_ERROR_INVALID_ARGUMENT, "matter_id", "{}");
  hall_test_fails (f->hall, f->staff, "matter.escalate", HALL_ERROR_CONFLICT, "ticket_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"ticket_id\":%" G_GINT64_FORMAT "}", letter, walk_ticket);

  /* In the morning the all-day leader receives (the afternoon one is not in yet). */
  r = hall_test_ok (f->hall, f->manager, "matter.escalate", "{\"matter_id\":%" G_GINT64_FORMAT "}", letter);
  first = json_object_get_int_member (json_object_get_object_member (r, "escalation"), "id");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "escalation"), "leader_user_id"),
                   ==, f->leader_id);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (r, "escalation"), "ticket_id"));
  g_clear_pointer (&r, json_object_unref);

  /* In the afternoon, the leader with fewer visitors waiting gets the next one. */
  hall_engine_set_now (f->hall->engine, hall_test_time ("2026-10-12 14:00"));
  r = hall_test_ok (f->hall, f->staff, "matter.escalate", "{\"matter_id\":%" G_GINT64_FORMAT "}", walk_in);
  second = json_object_get_int_member (json_object_get_object_member (r, "escalation"), "id");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "escalation"), "leader_user_id"),
                   ==, f->leader2_id);
  g_clear_pointer (&r, json_object_unref);

  /* Each leader sees only their own queue; the manager names the leader. */
  queue = hall_test_ok (f->hall, f->leader, "leader.queue", NULL);
  visitors = json_object_get_array_member (queue, "visitors");
  g_assert_cmpuint (json_array_get_length (visitors), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (visitors, 0), "escalation_id"), ==, first);
  g_clear_pointer (&queue, json_object_unref);
  queue = hall_test_ok (f->hall, f->manager, "leader.queue", "{\"leader_user_id\":%" G_GINT64_FORMAT "}", f->leader2_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (queue, "visitors")), ==, 1);
  g_clear_pointer (&queue, json_object_unref);
  hall_test_fails (f->hall, f->leader, "leader.queue", HALL_ERROR_FORBIDDEN, "leader_user_id",
                   "{\"leader_user_id\":%" G_GINT64_FORMAT "}", f->leader2_id);
  hall_test_fails (f->hall, f->manager, "leader.queue", HALL_ERROR_INVALID_ARGUMENT, "leader_user_id", NULL);
  hall_test_fails (f->hall, f->staff, "leader.queue", HALL_ERROR_FORBIDDEN, NULL, NULL);
  hall_test_fails (f->hall, f->display, "leader.queue", HALL_ERROR_FORBIDDEN, NULL, NULL);

  /* Receiving the letter without a ticket; bad reception input leaves nothing half written. */
  hall_test_fails (f->hall, f->leader, "leader.receive", HALL_ERROR_INVALID_ARGUMENT, "instructions",
                   "{\"escalation_id\":%" G_GINT64_FORMAT ",\"problem\":\"物业\"}", first);
  hall_test_fails (f->hall, f->leader, "leader.receive", HALL_ERROR_INVALID_ARGUMENT, "assignments[1].department",
                   "{\"escalation_id\":%" G_GINT64_FORMAT ",\"problem\":\"物业\",\"instructions\":\"办\","
                   "\"deadline\":\"2026-10-30\",\"assignments\":[{\"department\":\"chengjian\"},"
                   "{\"department\":\"nosuch\"}]}",
                   first);
  hall_test_fails (f->hall, f->leader, "leader.receive", HALL_ERROR_INVALID_ARGUMENT, "assignments[0].deadline",
                   "{\"escalation_id\":%" G_GINT64_FORMAT ",\"problem\":\"物业\",\"instructions\":\"办\","
                   "\"assignments\":[{\"department\":\"chengjian\"}]}",
                   first);
  hall_test_fails (f->hall, f->leader, "leader.receive", HALL_ERROR_INVALID_ARGUMENT, "assignments[0].deadline",
                   "{\"escalation_id\":%" G_GINT64_FORMAT ",\"problem\":\"物业\",\"instructions\":\"办\","
                   "\"assignments\":[{\"department\":\"chengjian\",\"deadline\":\"2026-10-12\"}]}",
                   first);
  hall_test_fails (f->hall, f->leader, "leader.receive", HALL_ERROR_INVALID_ARGUMENT, "assignments[1].department",
                   "{\"escalation_id\":%" G_GINT64_FORMAT ",\"problem\":\"物业\",\"instructions\":\"办\","
                   "\"deadline\":\"2026-10-30\",\"assignments\":[{\"department_id\":2},{\"department\":\"chengjian\"}]}",
                   first);
  /* Later than the matter's 60-day handling deadline: found after the other department was
   * assigned, which is undone. */
  hall_test_fails (f->hall, f->leader, "leader.receive", HALL_ERROR_INVALID_ARGUMENT, "assignments[0].deadline",
                   "{\"escalation_id\":%" G_GINT64_FORMAT ",\"problem\":\"物业\",\"instructions\":\"办\","
                   "\"assignments\":[{\"department\":\"chengjian\",\"deadline\":\"2027-03-01\"},"
                   "{\"department\":\"minzheng\",\"deadline\":\"2026-10-30\"}]}",
                   first);
  hall_test_fails (f->hall, f->leader, "leader.receive", HALL_ERROR_INVALID_ARGUMENT, "assignments",
                   "{\"escalation_id\":%" G_GINT64_FORMAT ",\"problem\":\"物业\",\"instructions\":\"办\","
                   "\"assignments\":\"chengjian\"}",
                   first);
  hall_test_fails (f->hall, f->leader, "leader.receive", HALL_ERROR_INVALID_ARGUMENT, "petitioner.id_number",
                   "{\"escalation_id\":%" G_GINT64_FORMAT ",\"problem\":\"物业\",\"instructions\":\"办\","
                   "\"petitioner\":{\"name\":\"王小明\",\"id_number\":\"431228198001151230\"}}",
                   first);
  hall_test_fails (f->hall, f->leader2, "leader.receive", HALL_ERROR_FORBIDDEN, "escalation_id",
                   "{\"escalation_id\":%" G_GINT64_FORMAT ",\"problem\":\"物业\",\"instructions\":\"办\"}", first);
  hall_test_fails (f->hall, f->manager, "leader.receive", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"escalation_id\":%" G_GINT64_FORMAT ",\"problem\":\"物业\",\"instructions\":\"办\"}", first);
  {
    g_autoptr (JsonObject) m = hall_test_ok (f->hall, f->leader, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", letter);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (m, "assignments")), ==, 0);
    g_assert_cmpuint (count_timeline (m, "leader_instruction"), ==, 0);
  }

  r = hall_test_ok (f->hall, f->leader, "leader.receive",
                    "{\"escalation_id\":%" G_GINT64_FORMAT ",\"problem\":\"物业\",\"instructions\":\"请住建局督促物业\"}",
                    first);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (r, "reception"), "ticket_id"));
  g_clear_pointer (&r, json_object_unref);

  /* The visitor who was called but did not come in goes back to waiting when the next is called. */
  {
    g_autoptr (JsonObject) m2 = NULL;
    gint64 third_matter = register_matter (f, 0, NULL);
    gint64 third;

    r = hall_test_ok (f->hall, f->staff, "matter.escalate",
                      "{\"matter_id\":%" G_GINT64_FORMAT ",\"leader_user_id\":%" G_GINT64_FORMAT "}",
                      third_matter, f->leader2_id);
    third = json_object_get_int_member (json_object_get_object_member (r, "escalation"), "id");
    g_clear_pointer (&r, json_object_unref);

    r = hall_test_ok (f->hall, f->leader2, "leader.call", "{\"escalation_id\":%" G_GINT64_FORMAT "}", second);
    g_clear_pointer (&r, json_object_unref);
    r = hall_test_ok (f->hall, f->leader2, "leader.call", "{\"escalation_id\":%" G_GINT64_FORMAT "}", third);
    g_clear_pointer (&r, json_object_unref);
    m2 = get_ticket (f, walk_ticket);
    g_assert_cmpstr (json_object_get_string_member (m2, "state"), ==, "waiting");
    g_assert_cmpstr (json_object_get_string_member (m2, "queue"), ==, "leader");
    queue = hall_test_ok (f->hall, f->leader2, "leader.queue", NULL);
    visitors = json_object_get_array_member (queue, "visitors");
    g_assert_cmpuint (json_array_get_length (visitors), ==, 2);
    g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (visitors, 0), "escalation_id"), ==, third);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (visitors, 0), "state"), ==, "called");
    g_clear_pointer (&queue, json_object_unref);
  }

  /* The next day the waiting escalation has lapsed: it cannot be called, and the matter can be
   * escalated again. */
  hall_engine_set_now (f->hall->engine, hall_test_time ("2026-10-13 09:00"));
  relogin (f);
  hall_test_fails (f->hall, f->leader2, "leader.call", HALL_ERROR_CONFLICT, "escalation_id",
                   "{\"escalation_id\":%" G_GINT64_FORMAT "}", second);
  r = hall_test_ok (f->hall, f->manager, "leader.duty",
                    "{\"date\":\"2026-10-13\",\"user_id\":%" G_GINT64_FORMAT "}", f->leader_id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->staff, "matter.escalate", "{\"matter_id\":%" G_GINT64_FORMAT "}", walk_in);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "escalation"), "leader_user_id"),
                   ==, f->leader_id);
  /* Yesterday's ticket stays behind: the visitor is not in the hall today. */
  g_assert_true (json_object_get_null_member (json_object_get_object_member (r, "escalation"), "ticket_id"));
}


/* ---- 包案 and 督办 --------------------------------------------------------------------------- */

static JsonObject *
charge_of (JsonObject *result)
{
  return json_object_get_object_member (result, "charge");
}

static void
test_charge (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) matter = NULL;
  JsonObject *charge, *checklist;
  gint64 matter_id = register_matter (f, 0, NULL);
  gint64 charge_id;
  JsonArray *list;

  /* Only leaders take charge. */
  hall_test_fails (f->hall, f->staff, "leader.charge", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);
  hall_test_fails (f->hall, f->manager, "leader.charge", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);
  hall_test_fails (f->hall, f->display, "leader.charges", HALL_ERROR_FORBIDDEN, NULL, NULL);
  hall_test_fails (f->hall, f->kiosk, "leader.charge", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);
  hall_test_fails (f->hall, f->leader, "leader.charge", HALL_ERROR_NOT_FOUND, "matter_id", "{\"matter_id\":4242}");
  hall_test_fails (f->hall, f->leader, "leader.charge", HALL_ERROR_INVALID_ARGUMENT, "deadline",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"deadline\":\"2026-10-01\"}", matter_id);

  r = hall_test_ok (f->hall, f->leader, "leader.charge",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"deadline\":\"2026-11-30\",\"note\":\"重点积案\"}",
                    matter_id);
  charge = charge_of (r);
  charge_id = json_object_get_int_member (charge, "id");
  g_assert_cmpint (json_object_get_int_member (charge, "complete"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (charge, "items"), ==, 5);
  checklist = json_object_get_object_member (charge, "checklist");
  g_assert_true (json_object_get_boolean_member (checklist, "leader"));
  g_assert_false (json_object_get_boolean_member (checklist, "plan"));
  g_assert_cmpint (json_object_get_int_member (charge, "days_left"), ==, 49);
  g_clear_pointer (&r, json_object_unref);

  /* One charging leader per matter. */
  hall_test_fails (f->hall, f->leader2, "leader.charge", HALL_ERROR_CONFLICT, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);
  hall_test_fails (f->hall, f->leader, "leader.charge", HALL_ERROR_CONFLICT, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);
  matter = hall_test_ok (f->hall, f->leader2, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (matter, "matter"), "charge_leader_id"),
                   ==, f->leader_id);
  g_assert_cmpuint (count_timeline (matter, "charged"), ==, 1);
  g_clear_pointer (&matter, json_object_unref);

  /* Only the leader in charge fills in the 五个一. */
  hall_test_fails (f->hall, f->leader2, "leader.charge_update", HALL_ERROR_FORBIDDEN, "charge_id",
                   "{\"charge_id\":%" G_GINT64_FORMAT ",\"plan\":\"x\"}", charge_id);
  hall_test_fails (f->hall, f->leader, "leader.charge_update", HALL_ERROR_NOT_FOUND, "charge_id",
                   "{\"charge_id\":999,\"plan\":\"x\"}");

  /* Bad input names the entry to fix. */
  hall_test_fails (f->hall, f->leader, "leader.charge_update", HALL_ERROR_INVALID_ARGUMENT, NULL,
                   "{\"charge_id\":%" G_GINT64_FORMAT "}", charge_id);
  hall_test_fails (f->hall, f->leader, "leader.charge_update", HALL_ERROR_INVALID_ARGUMENT, "working_group[1]",
                   "{\"charge_id\":%" G_GINT64_FORMAT ",\"working_group\":[\"王强 县住建局\",42]}", charge_id);
  hall_test_fails (f->hall, f->leader, "leader.charge_update", HALL_ERROR_INVALID_ARGUMENT, "working_group[0]",
                   "{\"charge_id\":%" G_GINT64_FORMAT ",\"working_group\":[\"  \"]}", charge_id);
  hall_test_fails (f->hall, f->leader, "leader.charge_update", HALL_ERROR_INVALID_ARGUMENT, "working_group",
                   "{\"charge_id\":%" G_GINT64_FORMAT ",\"working_group\":\"王强\"}", charge_id);
  hall_test_fails (f->hall, f->leader, "leader.charge_update", HALL_ERROR_INVALID_ARGUMENT, "minutes.text",
                   "{\"charge_id\":%" G_GINT64_FORMAT ",\"minutes\":{\"date\":\"2026-10-10\"}}", charge_id);
  hall_test_fails (f->hall, f->leader, "leader.charge_update", HALL_ERROR_INVALID_ARGUMENT, "minutes.date",
                   "{\"charge_id\":%" G_GINT64_FORMAT ",\"minutes\":{\"date\":\"2026-10-20\",\"text\":\"会\"}}",
                   charge_id);
  hall_test_fails (f->hall, f->leader, "leader.charge_update", HALL_ERROR_INVALID_ARGUMENT, "plan",
                   "{\"charge_id\":%" G_GINT64_FORMAT ",\"plan_date\":\"2026-10-12\"}", charge_id);
  hall_test_fails (f->hall, f->leader, "leader.charge_update", HALL_ERROR_INVALID_ARGUMENT, "closed",
                   "{\"charge_id\":%" G_GINT64_FORMAT ",\"closing_note\":\"化解\"}", charge_id);

  /* The five items, in two sittings. */
  r = hall_test_ok (f->hall, f->leader, "leader.charge_update",
                    "{\"charge_id\":%" G_GINT64_FORMAT ",\"working_group\":[\"王强 县住建局\",\"李芳 自然资源局\"],"
                    "\"plan\":\"一、查明电梯产权；二、协调维修资金\"}",
                    charge_id);
  charge = charge_of (r);
  g_assert_cmpint (json_object_get_int_member (charge, "complete"), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (charge, "working_group")), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (charge, "plan_date"), ==, "2026-10-12");
  g_clear_pointer (&r, json_object_unref);

  r = hall_test_ok (f->hall, f->leader, "leader.charge_update",
                    "{\"charge_id\":%" G_GINT64_FORMAT ",\"minutes\":{\"date\":\"2026-10-10\",\"text\":\"专题会议：住建局牵头\"},"
                    "\"stability_measures\":\"社区每周走访一次\",\"progress\":\"已约谈物业公司\"}",
                    charge_id);
  charge = charge_of (r);
  g_assert_cmpint (json_object_get_int_member (charge, "complete"), ==, 5);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (charge, "minutes")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                     json_object_get_array_member (charge, "minutes"), 0), "date"), ==, "2026-10-10");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (charge, "progress")), ==, 1);
  /* The working group was not touched by the second update. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (charge, "working_group")), ==, 2);
  g_clear_pointer (&r, json_object_unref);

  r = hall_test_ok (f->hall, f->leader, "leader.charge_update",
                    "{\"charge_id\":%" G_GINT64_FORMAT ",\"minutes\":{\"text\":\"第二次会议\"}}", charge_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (charge_of (r), "minutes")), ==, 2);
  g_clear_pointer (&r, json_object_unref);

  /* My charges, with the checklist and the deadline; the manager sees the whole hall's. */
  r = hall_test_ok (f->hall, f->leader, "leader.charges", NULL);
  list = json_object_get_array_member (r, "charges");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (list, 0), "complete"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (list, 0), "minutes_count"), ==, 2);
  g_assert_false (json_object_get_boolean_member (json_array_get_object_element (list, 0), "overdue"));
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->leader2, "leader.charges", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "charges")), ==, 0);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->manager, "leader.charges", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "charges")), ==, 1);
  g_clear_pointer (&r, json_object_unref);

  /* Past its deadline the charge shows as overdue. */
  hall_engine_set_now (f->hall->engine, hall_test_time ("2026-12-02 09:00"));
  relogin (f);
  r = hall_test_ok (f->hall, f->leader, "leader.charge_get", "{\"charge_id\":%" G_GINT64_FORMAT "}", charge_id);
  g_assert_true (json_object_get_boolean_member (charge_of (r), "overdue"));
  g_assert_cmpint (json_object_get_int_member (charge_of (r), "days_left"), ==, -2);
  g_clear_pointer (&r, json_object_unref);

  /* Closing the charge frees the matter for another leader. */
  r = hall_test_ok (f->hall, f->leader, "leader.charge_update",
                    "{\"charge_id\":%" G_GINT64_FORMAT ",\"closed\":true,\"closing_note\":\"已化解，息诉罢访\"}", charge_id);
  g_assert_true (json_object_get_int_member (charge_of (r), "closed"));
  g_clear_pointer (&r, json_object_unref);
  hall_test_fails (f->hall, f->leader, "leader.charge_update", HALL_ERROR_CONFLICT, "charge_id",
                   "{\"charge_id\":%" G_GINT64_FORMAT ",\"progress\":\"x\"}", charge_id);
  matter = hall_test_ok (f->hall, f->leader, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (matter, "matter"), "charge_leader_id"));
  g_assert_cmpuint (count_timeline (matter, "charge_updated"), ==, 3);
  g_assert_cmpuint (count_timeline (matter, "charge_closed"), ==, 1);
  r = hall_test_ok (f->hall, f->leader, "leader.charges", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "charges")), ==, 0);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->leader, "leader.charges", "{\"include_closed\":true}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "charges")), ==, 1);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->leader2, "leader.charge", "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);
}

static void
test_supervision (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) matter = NULL;
  gint64 late = register_matter (f, 0, "2026-09-01");  /* decision was due in September */
  gint64 soon = register_matter (f, 0, "2026-10-01");  /* decision due within the week */
  gint64 fresh = register_matter (f, 0, NULL);         /* received today */
  gint64 supervision_id;
  JsonArray *list;
  gboolean found;

  /* Only leaders flag; staff, the manager and devices cannot. */
  hall_test_fails (f->hall, f->staff, "matter.supervise", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"note\":\"督办\",\"due_date\":\"2026-10-20\"}", late);
  hall_test_fails (f->hall, f->manager, "matter.supervise", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"note\":\"督办\",\"due_date\":\"2026-10-20\"}", late);
  hall_test_fails (f->hall, f->display, "leader.supervision", HALL_ERROR_FORBIDDEN, NULL, NULL);
  hall_test_fails (f->hall, f->staff, "leader.supervision", HALL_ERROR_FORBIDDEN, NULL, NULL);

  hall_test_fails (f->hall, f->leader, "matter.supervise", HALL_ERROR_INVALID_ARGUMENT, "note",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"due_date\":\"2026-10-20\"}", late);
  hall_test_fails (f->hall, f->leader, "matter.supervise", HALL_ERROR_INVALID_ARGUMENT, "due_date",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"note\":\"督办\"}", late);
  hall_test_fails (f->hall, f->leader, "matter.supervise", HALL_ERROR_INVALID_ARGUMENT, "due_date",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"note\":\"督办\",\"due_date\":\"2026-10-11\"}", late);
  hall_test_fails (f->hall, f->leader, "matter.supervise", HALL_ERROR_CONFLICT, "resolve",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"resolve\":true}", late);

  /* What needs attention before anything is flagged. */
  r = hall_test_ok (f->hall, f->manager, "leader.supervision", NULL);
  list = json_object_get_array_member (r, "overdue");
  found = FALSE;
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *row = json_array_get_object_element (list, i);

      g_assert_cmpint (json_object_get_int_member (row, "matter_id"), !=, fresh);
      if (json_object_get_int_member (row, "matter_id") == late)
        {
          found = TRUE;
          g_assert_cmpstr (json_object_get_string_member (row, "clock"), ==, "decision");
          g_assert_true (json_object_get_boolean_member (row, "overdue"));
          g_assert_cmpint (json_object_get_int_member (row, "days_left"), <, 0);
        }
    }
  g_assert_true (found);
  list = json_object_get_array_member (r, "due_soon");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (list, 0), "matter_id"), ==, soon);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "flagged")), ==, 0);
  g_clear_pointer (&r, json_object_unref);

  /* 督办: the leader flags the overdue one. */
  r = hall_test_ok (f->hall, f->leader, "matter.supervise",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"note\":\"请住建局10月20日前办结\",\"due_date\":\"2026-10-20\"}",
                    late);
  supervision_id = json_object_get_int_member (json_object_get_object_member (r, "supervision"), "id");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "supervision"), "days_left"), ==, 8);
  g_clear_pointer (&r, json_object_unref);

  matter = hall_test_ok (f->hall, f->leader, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", late);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (matter, "matter"), "supervised"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (matter, "matter"), "supervised_by"), ==,
                   f->leader_id);
  g_assert_cmpuint (count_timeline (matter, "supervised"), ==, 1);
  g_clear_pointer (&matter, json_object_unref);

  r = hall_test_ok (f->hall, f->leader2, "leader.supervision", "{\"days\":3}");
  list = json_object_get_array_member (r, "flagged");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (list, 0), "supervision_id"), ==,
                   supervision_id);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "note"), ==,
                   "请住建局10月20日前办结");
  /* With a three-day window, the matter due on the 16th is not due soon yet. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "due_soon")), ==, 0);
  g_clear_pointer (&r, json_object_unref);

  /* A second round supersedes the first; resolving clears the flag. */
  r = hall_test_ok (f->hall, f->leader2, "matter.supervise",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"note\":\"二次督办\",\"due_date\":\"2026-10-15\"}", late);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "supervision"), "id"), !=,
                   supervision_id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->leader, "leader.supervision", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "flagged")), ==, 1);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->leader, "matter.supervise",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"resolve\":true,\"resolution\":\"已受理办理\"}", late);
  g_assert_true (json_object_get_int_member (json_object_get_object_member (r, "supervision"), "resolved"));
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->leader, "leader.supervision", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "flagged")), ==, 0);
  g_clear_pointer (&r, json_object_unref);
  matter = hall_test_ok (f->hall, f->leader, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", late);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (matter, "matter"), "supervised"), ==, 0);
  g_assert_cmpuint (count_timeline (matter, "supervised"), ==, 2);
  g_assert_cmpuint (count_timeline (matter, "supervision_resolved"), ==, 1);

  /* Once the receiving department's 5 working days to object have passed, that window is closed,
   * not overdue: only the handling clock can be. */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->manager, "matter.assign",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":3,\"deadline\":\"2026-12-01\"}", fresh);
  hall_engine_set_now (f->hall->engine, hall_test_time ("2026-10-26 09:00"));
  g_free (f->leader);
  f->leader = hall_test_login (f->hall, "zhang", NULL, 0); /* a new day, a new session */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->leader, "leader.supervision", "{\"days\":60}");
  list = json_object_get_array_member (r, "overdue");
  for (guint i = 0; i < json_array_get_length (list); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, i), "clock"), !=,
                     "objection");

  hall_test_fails (f->hall, f->leader, "leader.supervision", HALL_ERROR_INVALID_ARGUMENT, "days", "{\"days\":0}");
  hall_test_fails (f->hall, f->leader, "leader.supervision", HALL_ERROR_INVALID_ARGUMENT, "days", "{\"days\":\"7\"}");
}


/* ---- at the same time ------------------------------------------------------------------------ */

typedef struct
{
  guint done;
  guint ok;
  guint conflicts;
} Race;

static void
race_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Race *race = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) r = hall_engine_call_finish (HALL_ENGINE (source), result, &error);

  race->done++;
  if (r != NULL)
    race->ok++;
  else if (g_error_matches (error, HALL_ERROR, HALL_ERROR_CONFLICT))
    race->conflicts++;
  else
    g_error ("unexpected: %s", error->message);
}

static void
race (Fixture     *f,
      const char **tokens,
      guint        n,
      const char  *command,
      const char  *json,
      Race        *out)
{
  g_autoptr (JsonObject) params = hall_test_parse_object (json);

  *out = (Race) { 0 };
  for (guint i = 0; i < n; i++)
    hall_engine_call_async (f->hall->engine, tokens[i], command, params, "127.0.0.1", NULL, race_cb, out);
  while (out->done < n)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_concurrent (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *staff2 = hall_test_add_user (f->hall, "chuangkou2", "staff", "chengjian", 2);
  g_autofree char *leader3 = hall_test_add_user (f->hall, "wang", "leader", NULL, 0);
  g_autofree char *json = NULL;
  g_autoptr (JsonObject) r = NULL;
  gint64 matter_id = register_matter (f, 0, NULL);
  Race result;

  put_on_duty (f, f->leader_id);
  json = g_strdup_printf ("{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);

  /* Two windows and the manager escalate the same matter at once: it goes to the leader once. */
  {
    const char *tokens[] = { f->staff, staff2, f->manager };

    race (f, tokens, G_N_ELEMENTS (tokens), "matter.escalate", json, &result);
    g_assert_cmpuint (result.ok, ==, 1);
    g_assert_cmpuint (result.conflicts, ==, 2);
  }
  r = hall_test_ok (f->hall, f->leader, "leader.queue", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "visitors")), ==, 1);
  g_clear_pointer (&r, json_object_unref);

  /* Three leaders take charge of it at once: one of them has it. */
  {
    const char *tokens[] = { f->leader, f->leader2, leader3 };

    race (f, tokens, G_N_ELEMENTS (tokens), "leader.charge", json, &result);
    g_assert_cmpuint (result.ok, ==, 1);
    g_assert_cmpuint (result.conflicts, ==, 2);
  }
  r = hall_test_ok (f->hall, f->manager, "leader.charges", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "charges")), ==, 1);
  g_clear_pointer (&r, json_object_unref);

  /* Received by its matter rather than from the queue, the escalation is answered all the same. */
  r = hall_test_ok (f->hall, f->leader, "leader.receive",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"problem\":\"物业\",\"instructions\":\"依法办理\"}",
                    matter_id);
  g_assert_false (json_object_get_null_member (json_object_get_object_member (r, "reception"), "escalation_id"));
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->leader, "leader.queue", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "visitors")), ==, 0);
}

/* ---- co-handling: the lead department (牵头) and cooperating ones (配合) -------------------- */

static void
test_reception_roles (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) m = NULL;
  g_autofree char *lead_staff = hall_test_add_user (f->hall, "minzheng", "staff", "minzheng", 3);
  JsonArray *departments, *assignments;
  gint64 matter_id = register_matter (f, 0, NULL);

#define RECEIVE_FAILS(field, list) \
  hall_test_fails (f->hall, f->leader, "leader.receive", HALL_ERROR_INVALID_ARGUMENT, field, \
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"problem\":\"物业\",\"instructions\":\"办\"," \
                   "\"deadline\":\"2026-10-30\",\"assignments\":" list "}", matter_id)

  /* Two leads, no lead at all, a role that does not exist. */
  RECEIVE_FAILS ("assignments[1].role",
                 "[{\"department\":\"chengjian\",\"role\":\"lead\"},{\"department\":\"minzheng\",\"role\":\"lead\"}]");
  RECEIVE_FAILS ("assignments[0].role",
                 "[{\"department\":\"chengjian\",\"role\":\"cooperate\"},"
                 "{\"department\":\"minzheng\",\"role\":\"cooperate\"}]");
  RECEIVE_FAILS ("assignments[0].role", "[{\"department\":\"chengjian\",\"role\":\"boss\"}]");
  /* A fault found while assigning names the entry as the leader listed it. */
  RECEIVE_FAILS ("assignments[0].deadline",
                 "[{\"department\":\"chengjian\",\"deadline\":\"2027-03-01\"},"
                 "{\"department\":\"minzheng\",\"role\":\"lead\"}]");
#undef RECEIVE_FAILS

  /* The second listed is marked to lead: it is responsible, the first cooperates. */
  r = hall_test_ok (f->hall, f->leader, "leader.receive",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"problem\":\"低保\",\"instructions\":\"民政局牵头\","
                    "\"deadline\":\"2026-10-30\",\"assignments\":[{\"department\":\"chengjian\"},"
                    "{\"department\":\"minzheng\",\"role\":\"lead\"}]}",
                    matter_id);
  departments = json_object_get_array_member (json_object_get_object_member (r, "reception"), "departments");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (departments, 0), "role"), ==,
                   "cooperate");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (departments, 1), "role"), ==,
                   "lead");

  m = hall_test_ok (f->hall, f->manager, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (m, "matter"), "department_id"), ==, 3);
  assignments = json_object_get_array_member (m, "assignments");
  g_assert_cmpuint (json_array_get_length (assignments), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (assignments, 0), "department_id"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (assignments, 0), "role"), ==, "lead");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (assignments, 1), "role"), ==,
                   "cooperate");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (assignments, 1), "state"), ==,
                   "open");

  /* 城建's window (the first receiver, cooperating now) reads and notes; 民政 replies. */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->staff, "matter.note",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"text\":\"已提供房屋档案\"}", matter_id);
  hall_test_fails (f->hall, f->staff, "matter.reply", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"opinion\":\"support\",\"text\":\"已办\"}", matter_id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, lead_staff, "matter.reply",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"opinion\":\"support\",\"text\":\"已纳入低保\"}",
                    matter_id);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (r, "matter"), "state"), ==,
                   "replied");
}

/* ---- escalations whose day ended --------------------------------------------------------- */

static void
restart (Fixture    *f,
         const char *local)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&f->hall->engine);
  f->hall->engine = hall_engine_new (f->hall->path, &error);
  g_assert_no_error (error);
  hall_engine_set_now (f->hall->engine, hall_test_time (local));

  /* A new working day: everyone signs in again. */
  g_free (f->manager);
  g_free (f->staff);
  g_free (f->leader);
  g_free (f->leader2);
  f->manager = hall_test_login (f->hall, "zhiban", "manager", 0);
  f->staff = hall_test_login (f->hall, "chuangkou", "staff", 2);
  f->leader = hall_test_login (f->hall, "zhang", "leader", 0);
  f->leader2 = hall_test_login (f->hall, "li", "leader", 0);
}

static JsonObject *
find_escalation (JsonObject *list,
                 gint64      escalation_id)
{
  JsonArray *rows = json_object_get_array_member (list, "escalations");

  for (guint i = 0; i < json_array_get_length (rows); i++)
    if (json_object_get_int_member (json_array_get_object_element (rows, i), "id") == escalation_id)
      return json_array_get_object_element (rows, i);
  return NULL;
}

typedef struct
{
  guint pending;
  guint ok;
  guint conflict;
} Pair;

static void
reescalated_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Pair *pair = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) r = hall_engine_call_finish (HALL_ENGINE (source), result, &error);

  if (r != NULL)
    pair->ok++;
  else
    {
      g_assert_error (error, HALL_ERROR, HALL_ERROR_CONFLICT);
      pair->conflict++;
    }
  pair->pending--;
}

static void
test_lapsed_escalation (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) list = NULL;
  g_autoptr (JsonObject) m = NULL;
  g_autofree char *manager2 = NULL;
  JsonObject *row, *lapsed_entry;
  gint64 with_ticket, letter, ticket_id, first, second, again;
  Pair pair = { 0 };

  /* Monday: two matters escalated to 张; the leader calls one in but receives neither. */
  put_on_duty (f, f->leader_id);
  ticket_id = visitor_at_window (f, &with_ticket);
  letter = register_matter (f, 0, NULL);
  r = hall_test_ok (f->hall, f->staff, "matter.escalate", "{\"matter_id\":%" G_GINT64_FORMAT "}", with_ticket);
  first = json_object_get_int_member (json_object_get_object_member (r, "escalation"), "id");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "escalation"), "ticket_id"), ==,
                   ticket_id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->staff, "matter.escalate", "{\"matter_id\":%" G_GINT64_FORMAT "}", letter);
  second = json_object_get_int_member (json_object_get_object_member (r, "escalation"), "id");
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->leader, "leader.call", "{\"escalation_id\":%" G_GINT64_FORMAT "}", first);
  g_clear_pointer (&r, json_object_unref);

  /* Nothing lapses during its own day. */
  list = hall_test_ok (f->hall, f->manager, "leader.escalations", NULL);
  g_assert_cmpint (json_object_get_int_member (list, "lapsed"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (find_escalation (list, first), "state"), ==, "called");
  g_assert_false (json_object_get_boolean_member (find_escalation (list, first), "needs_action"));
  hall_test_fails (f->hall, f->manager, "leader.escalation_leave", HALL_ERROR_CONFLICT, "escalation_id",
                   "{\"escalation_id\":%" G_GINT64_FORMAT "}", second);
  g_clear_pointer (&list, json_object_unref);

  /* Tuesday, after the server was restarted: 李 is on duty. */
  restart (f, "2026-10-13 08:30");
  r = hall_test_ok (f->hall, f->manager, "leader.duty",
                    "{\"date\":\"2026-10-13\",\"user_id\":%" G_GINT64_FORMAT "}", f->leader2_id);
  g_clear_pointer (&r, json_object_unref);

  /* 张's queue for today is empty; calling or receiving Monday's visitor says it lapsed. */
  r = hall_test_ok (f->hall, f->leader, "leader.queue", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "visitors")), ==, 0);
  g_clear_pointer (&r, json_object_unref);
  hall_test_fails (f->hall, f->leader, "leader.call", HALL_ERROR_CONFLICT, "escalation_id",
                   "{\"escalation_id\":%" G_GINT64_FORMAT "}", first);
  hall_test_fails (f->hall, f->leader, "leader.receive", HALL_ERROR_CONFLICT, "escalation_id",
                   "{\"escalation_id\":%" G_GINT64_FORMAT ",\"problem\":\"物业\",\"instructions\":\"办\"}", first);

  /* The manager's list shows both as lapsed, for a decision, with nothing personal. */
  list = hall_test_ok (f->hall, f->manager, "leader.escalations", NULL);
  g_assert_cmpint (json_object_get_int_member (list, "lapsed"), ==, 2);
  row = find_escalation (list, first);
  g_assert_nonnull (row);
  g_assert_cmpstr (json_object_get_string_member (row, "state"), ==, "lapsed");
  g_assert_true (json_object_get_boolean_member (row, "needs_action"));
  g_assert_cmpstr (json_object_get_string_member (row, "date"), ==, "2026-10-12");
  g_assert_cmpstr (json_object_get_string_member (row, "ticket_code"), ==, "C001");
  g_assert_cmpint (json_object_get_int_member (row, "department_id"), ==, 2);
  g_assert_false (json_object_has_member (row, "petitioner_name"));
  g_clear_pointer (&list, json_object_unref);
  hall_test_fails (f->hall, f->staff, "leader.escalations", HALL_ERROR_FORBIDDEN, NULL, NULL);
  hall_test_fails (f->hall, f->staff, "leader.escalation_leave", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"escalation_id\":%" G_GINT64_FORMAT "}", second);

  /* The matter's timeline says so, recorded by the hall rather than by whoever looked. */
  m = hall_test_ok (f->hall, f->staff, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", with_ticket);
  g_assert_cmpuint (count_timeline (m, "escalation_lapsed"), ==, 1);
  lapsed_entry = find_timeline (m, "escalation_lapsed");
  g_assert_true (json_object_get_null_member (lapsed_entry, "user_id"));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (lapsed_entry, "detail"), "date"), ==,
                   "2026-10-12");
  g_clear_pointer (&m, json_object_unref);

  /* Two managers escalate Monday's visitor again at the same moment: one escalation is made,
   * the other is told the matter already waits for a leader. */
  manager2 = hall_test_add_user (f->hall, "zhiban2", "manager", "xinfang", 0);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"matter_id\":%" G_GINT64_FORMAT "}", with_ticket);
      g_autoptr (JsonObject) params = hall_test_parse_object (json);

      pair.pending++;
      hall_engine_call_async (f->hall->engine, i ? manager2 : f->manager, "matter.escalate", params, "127.0.0.1",
                              NULL, reescalated_cb, &pair);
    }
  while (pair.pending > 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (pair.ok, ==, 1);
  g_assert_cmpuint (pair.conflict, ==, 1);

  /* Monday's ticket ended with its day: the new escalation waits for 李 without it. */
  r = hall_test_ok (f->hall, f->leader2, "leader.queue", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "visitors")), ==, 1);
  row = json_array_get_object_element (json_object_get_array_member (r, "visitors"), 0);
  again = json_object_get_int_member (row, "escalation_id");
  g_assert_true (json_object_get_null_member (row, "ticket_id"));
  g_clear_pointer (&r, json_object_unref);

  /* The letter stays with its department. */
  hall_test_fails (f->hall, f->manager, "leader.escalation_leave", HALL_ERROR_INVALID_ARGUMENT, "note",
                   "{\"escalation_id\":%" G_GINT64_FORMAT ",\"note\":%d}", second, 5);
  r = hall_test_ok (f->hall, f->manager, "leader.escalation_leave",
                    "{\"escalation_id\":%" G_GINT64_FORMAT ",\"note\":\"已由住建局电话答复\"}", second);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (r, "escalation"), "state"), ==,
                   "lapsed");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (r, "escalation"), "resolution"), ==,
                   "left");
  g_clear_pointer (&r, json_object_unref);
  hall_test_fails (f->hall, f->manager, "leader.escalation_leave", HALL_ERROR_CONFLICT, "escalation_id",
                   "{\"escalation_id\":%" G_GINT64_FORMAT "}", second);
  hall_test_fails (f->hall, f->manager, "leader.escalation_leave", HALL_ERROR_CONFLICT, "escalation_id",
                   "{\"escalation_id\":%" G_GINT64_FORMAT "}", again);
  hall_test_fails (f->hall, f->manager, "leader.escalation_leave", HALL_ERROR_NOT_FOUND, "escalation_id",
                   "{\"escalation_id\":999}");
  m = hall_test_ok (f->hall, f->manager, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", letter);
  g_assert_cmpuint (count_timeline (m, "escalation_lapsed"), ==, 1);
  g_assert_cmpuint (count_timeline (m, "escalation_left"), ==, 1);
  g_clear_pointer (&m, json_object_unref);

  /* Nothing is left for the manager to decide; today's escalation is listed as waiting. */
  list = hall_test_ok (f->hall, f->manager, "leader.escalations", NULL);
  g_assert_cmpint (json_object_get_int_member (list, "lapsed"), ==, 0);
  g_assert_null (find_escalation (list, first));
  g_assert_null (find_escalation (list, second));
  g_assert_cmpstr (json_object_get_string_member (find_escalation (list, again), "state"), ==, "waiting");
  g_clear_pointer (&list, json_object_unref);
  r = hall_test_ok (f->hall, f->manager, "leader.queue", "{\"leader_user_id\":%" G_GINT64_FORMAT "}", f->leader_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "visitors")), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/leader/roster", Fixture, NULL, fixture_set_up, test_roster, fixture_tear_down);
  g_test_add ("/leader/roster-rules", Fixture, NULL, fixture_set_up, test_roster_rules, fixture_tear_down);
  g_test_add ("/leader/reception-flow", Fixture, NULL, fixture_set_up, test_reception_flow, fixture_tear_down);
  g_test_add ("/leader/escalation-rules", Fixture, NULL, fixture_set_up, test_escalation_rules, fixture_tear_down);
  g_test_add ("/leader/charge", Fixture, NULL, fixture_set_up, test_charge, fixture_tear_down);
  g_test_add ("/leader/supervision", Fixture, NULL, fixture_set_up, test_supervision, fixture_tear_down);
  g_test_add ("/leader/concurrent", Fixture, NULL, fixture_set_up, test_concurrent, fixture_tear_down);
  g_test_add ("/leader/reception-roles", Fixture, NULL, fixture_set_up, test_reception_roles, fixture_tear_down);
  g_test_add ("/leader/lapsed-escalation", Fixture, NULL, fixture_set_up, test_lapsed_escalation, fixture_tear_down);

  return g_test_run ();
}
