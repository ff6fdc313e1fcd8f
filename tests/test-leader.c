/* test-leader.c — the duty roster, escalation to the duty leader, the leader's reception,
 * 包案 and 督办
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-leader"

#include "config.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/leader/roster", Fixture, NULL, fixture_set_up, test_roster, fixture_tear_down);
  g_test_add ("/leader/roster-rules", Fixture, NULL, fixture_set_up, test_roster_rules, fixture_tear_down);

  return g_test_run ();
}
