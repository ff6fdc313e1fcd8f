/* test-calendar.c — Clocks: working days, holidays, 调休 and every time limit the hall enforces
 *
 * Every expected date below was worked out by hand from the State Council's schedules seeded in
 * 006-calendar.sql; the reasoning is in the comment next to it. A period of N days counts from the
 * day after the start (the start day itself is not counted), and when its last day is not a
 * working day it ends on the next working day (民法典 arts. 201, 203). Working-day periods count
 * only working days, make-up Saturdays and Sundays (调休) included.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-calendar"

#include "config.h"

#include "hall-test-util.h"

typedef struct
{
  HallTestHall *hall;
  char         *admin;
  char         *staff;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  f->hall = hall_test_hall_new ();
  f->admin = hall_test_add_user (f->hall, "admin", "admin", NULL, 0);
  f->staff = hall_test_add_user (f->hall, "li", "staff", "chengjian", 2);
  hall_engine_set_now (f->hall->engine, hall_test_time ("2026-03-02 09:00"));
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_free (f->admin);
  g_free (f->staff);
  hall_test_hall_free (f->hall);
}

static char *
deadline (Fixture    *f,
          const char *from,
          int         days,
          gboolean    working)
{
  g_autoptr (JsonObject) r = NULL;

  r = hall_test_ok (f->hall, f->staff, "calendar.deadline",
                    "{\"from\":\"%s\",\"days\":%d,\"working\":%s}", from, days,
                    working ? "true" : "false");
  return g_strdup (json_object_get_string_member (r, "due"));
}

static void
assert_due (Fixture    *f,
            const char *from,
            int         days,
            gboolean    working,
            const char *expected)
{
  g_autofree char *due = deadline (f, from, days, working);

  if (g_strcmp0 (due, expected) != 0)
    g_test_message ("from %s, %d %s days", from, days, working ? "working" : "calendar");
  g_assert_cmpstr (due, ==, expected);
}

/* 15 days to decide whether to accept a matter (条例 22). */
static void
test_decision_15_days (Fixture      *f,
                       gconstpointer data)
{
  /* Thu 2026-03-12 + 15 = Fri 03-27, an ordinary working day. */
  assert_due (f, "2026-03-12", 15, FALSE, "2026-03-27");
  /* Fri 2026-03-13 + 15 = Sat 03-28: weekend, so Mon 03-30. */
  assert_due (f, "2026-03-13", 15, FALSE, "2026-03-30");
  /* 国庆 2026: Wed 09-16 + 15 = Thu 10-01, a holiday; 10-01..10-07 off, so Thu 10-08. */
  assert_due (f, "2026-09-16", 15, FALSE, "2026-10-08");
  /* 春节 2026: Sun 02-01 + 15 = Mon 02-16, inside the holiday 02-15..02-23, so Tue 02-24. */
  assert_due (f, "2026-02-01", 15, FALSE, "2026-02-24");
  /* 调休: Fri 02-13 + 15 = Sat 02-28, a make-up working day after 春节, so it stands. */
  assert_due (f, "2026-02-13", 15, FALSE, "2026-02-28");
  /* 调休: Sat 09-05 + 15 = Sun 09-20, a make-up working day before 国庆, so it stands. */
  assert_due (f, "2026-09-05", 15, FALSE, "2026-09-20");
  /* 元旦 2026: Wed 2025-12-17 + 15 = Thu 2026-01-01; 01-01..01-03 off; Sun 01-04 is a make-up
   * working day. */
  assert_due (f, "2025-12-17", 15, FALSE, "2026-01-04");
  /* 春节 2025: Sun 2025-01-12 + 15 = Mon 01-27, the working day before the holiday (01-28..02-04). */
  assert_due (f, "2025-01-12", 15, FALSE, "2025-01-27");
  /* Sat 2025-01-11 + 15 = Sun 01-26, the make-up working day before 春节 2025. */
  assert_due (f, "2025-01-11", 15, FALSE, "2025-01-26");
  /* Received on a holiday: the count still starts the next day. Thu 2026-10-01 + 15 = Fri 10-16. */
  assert_due (f, "2026-10-01", 15, FALSE, "2026-10-16");
}

/* 60 days to handle an accepted matter (条例 34). */
static void
test_handling_60_days (Fixture      *f,
                       gconstpointer data)
{
  /* Sun 2026-08-02 + 60: 08-02 + 29 = 08-31, + 30 more = 09-30, + 1 = Thu 10-01 (国庆) → Thu 10-08.
   */
  assert_due (f, "2026-08-02", 60, FALSE, "2026-10-08");
  /* Mon 2026-03-02 + 60: 03-31 is +29, 04-30 is +59, Fri 05-01 is +60; 劳动节 05-01..05-05 → Wed
   * 05-06. */
  assert_due (f, "2026-03-02", 60, FALSE, "2026-05-06");
  /* Mon 2026-06-01 + 60: 06-30 is +29, 07-30 is +59, Fri 07-31 is +60, a working day. */
  assert_due (f, "2026-06-01", 60, FALSE, "2026-07-31");
}

/* One extension of at most 30 days, counted on from the handling deadline (条例 34). */
static void
test_extension_30_days (Fixture      *f,
                        gconstpointer data)
{
  /* Deadline Mon 2026-09-07 + 30 = Wed 10-07, the last day of 国庆 → Thu 10-08. */
  assert_due (f, "2026-09-07", 30, FALSE, "2026-10-08");
  /* Deadline Thu 2026-01-15 + 30: 01-31 is +16, so +30 is Sat 02-14, a 春节 make-up working day. */
  assert_due (f, "2026-01-15", 30, FALSE, "2026-02-14");
  /* Deadline Fri 2026-05-08 + 30 = Sun 06-07 → Mon 06-08. */
  assert_due (f, "2026-05-08", 30, FALSE, "2026-06-08");
}

/* 5 working days for a receiving unit to object to a misrouted matter. */
static void
test_objection_5_working_days (Fixture      *f,
                               gconstpointer data)
{
  /* Wed 2026-03-11: Thu 12 (1), Fri 13 (2), weekend skipped, Mon 16 (3), Tue 17 (4), Wed 18 (5). */
  assert_due (f, "2026-03-11", 5, TRUE, "2026-03-18");
  /* 中秋 + 国庆 2026 from Thu 09-24: 09-25..09-27 off, Mon 28 (1), Tue 29 (2), Wed 30 (3),
   * 10-01..10-07 off, Thu 10-08 (4), Fri 10-09 (5). */
  assert_due (f, "2026-09-24", 5, TRUE, "2026-10-09");
  /* 春节 2026 from Tue 02-10: Wed 11 (1), Thu 12 (2), Fri 13 (3), Sat 14 make-up day (4),
   * 02-15..02-23 off, Tue 02-24 (5). */
  assert_due (f, "2026-02-10", 5, TRUE, "2026-02-24");
  /* 国庆 2025 from Fri 09-26: Sat 27 off, Sun 28 make-up day (1), Mon 29 (2), Tue 30 (3),
   * 10-01..10-08 off, Thu 10-09 (4), Fri 10-10 (5). */
  assert_due (f, "2025-09-26", 5, TRUE, "2025-10-10");
  /* Assigned on a Saturday: Mon 2026-03-16 is the first working day after Sat 03-14. */
  assert_due (f, "2026-03-14", 1, TRUE, "2026-03-16");
}

/* 30 days to ask for a review after the reply, 30 days to answer it (条例 35, 36). */
static void
test_review_30_days (Fixture      *f,
                     gconstpointer data)
{
  /* Request: reply Tue 2026-09-01 + 30 = Thu 10-01 (国庆) → Thu 10-08. */
  assert_due (f, "2026-09-01", 30, FALSE, "2026-10-08");
  /* Request: reply Fri 2026-01-16 + 30 = Sun 02-15, first day of 春节 → Tue 02-24. */
  assert_due (f, "2026-01-16", 30, FALSE, "2026-02-24");
  /* Answer: request received Sun 2026-04-05 (清明) + 30 = Tue 05-05 (劳动节) → Wed 05-06. */
  assert_due (f, "2026-04-05", 30, FALSE, "2026-05-06");
  /* Answer: Mon 2025-09-08 + 30 = Wed 10-08, the last day of 国庆中秋 2025 → Thu 10-09. */
  assert_due (f, "2025-09-08", 30, FALSE, "2025-10-09");
}

static void
test_admin_edits (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) events = NULL;
  JsonArray  *list;
  JsonObject *day;

  /* Fri 2026-03-13 + 15 = Sat 03-28 → Mon 03-30 with the seeded calendar. */
  assert_due (f, "2026-03-13", 15, FALSE, "2026-03-30");

  /* A local holiday on Mon 03-30 moves it to Tue 03-31. */
  r = hall_test_ok (f->hall, f->admin, "calendar.set_day",
                    "{\"date\":\"2026-03-30\",\"kind\":\"holiday\",\"note\":\"县庆\"}");
  g_assert_cmpstr (json_object_get_string_member (r, "kind"), ==, "holiday");
  g_assert_cmpstr (json_object_get_string_member (r, "note"), ==, "县庆");
  g_assert_false (json_object_get_boolean_member (r, "working"));
  assert_due (f, "2026-03-13", 15, FALSE, "2026-03-31");
  /* Wed 03-25 + 3 working days: Thu 26, Fri 27, (weekend, holiday Mon 30) Tue 31. */
  assert_due (f, "2026-03-25", 3, TRUE, "2026-03-31");

  /* Making Sat 03-28 a working day ends the period there. */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->admin, "calendar.set_day",
                    "{\"date\":\"2026-03-28\",\"kind\":\"workday\"}");
  g_assert_true (json_object_get_boolean_member (r, "working"));
  assert_due (f, "2026-03-13", 15, FALSE, "2026-03-28");
  assert_due (f, "2026-03-25", 3, TRUE, "2026-03-28");

  /* Changing a day's kind replaces the row. */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->admin, "calendar.set_day",
                    "{\"date\":\"2026-03-28\",\"kind\":\"holiday\"}");
  assert_due (f, "2026-03-13", 15, FALSE, "2026-03-31");

  /* Clearing both returns to the plain weekend rule. */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->admin, "calendar.clear_day", "{\"date\":\"2026-03-28\"}");
  g_assert_true (json_object_get_null_member (r, "kind"));
  g_assert_false (json_object_get_boolean_member (r, "working"));
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->admin, "calendar.clear_day", "{\"date\":\"2026-03-30\"}");
  g_assert_true (json_object_get_boolean_member (r, "working"));
  assert_due (f, "2026-03-13", 15, FALSE, "2026-03-30");
  hall_test_fails (f->hall, f->admin, "calendar.clear_day", HALL_ERROR_NOT_FOUND, "date",
                   "{\"date\":\"2026-03-30\"}");

  /* Clearing a seeded holiday makes 国庆 2026's first day an ordinary Thursday. */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->admin, "calendar.clear_day", "{\"date\":\"2026-10-01\"}");
  assert_due (f, "2026-09-16", 15, FALSE, "2026-10-01");

  /* Every edit is on the change feed, with the date and the kind only. */
  events = hall_test_ok (f->hall, f->staff, "events.since", "{\"since\":0}");
  list = json_object_get_array_member (events, "events");
  {
    guint n = 0;

    for (guint i = 0; i < json_array_get_length (list); i++)
      {
        JsonObject *e = json_array_get_object_element (list, i);

        if (!g_str_equal (json_object_get_string_member (e, "kind"), "calendar.changed"))
          continue;
        n++;
        g_assert_true (json_object_has_member (e, "date"));
        g_assert_false (json_object_has_member (e, "note"));
      }
    g_assert_cmpuint (n, ==, 6);
  }

  /* calendar.list shows the overrides in a range, the remaining seeded ones included. */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->staff, "calendar.list",
                    "{\"from\":\"2026-09-20\",\"to\":\"2026-10-10\"}");
  list = json_object_get_array_member (r, "days");
  /* 09-20 workday, 09-25..27 holidays, 10-02..10-07 holidays (10-01 cleared), 10-10 workday. */
  g_assert_cmpuint (json_array_get_length (list), ==, 11);
  day = json_array_get_object_element (list, 0);
  g_assert_cmpstr (json_object_get_string_member (day, "date"), ==, "2026-09-20");
  g_assert_cmpstr (json_object_get_string_member (day, "kind"), ==, "workday");
  g_assert_true (json_object_get_boolean_member (day, "working"));
  day = json_array_get_object_element (list, 4);
  g_assert_cmpstr (json_object_get_string_member (day, "date"), ==, "2026-10-02");
  g_assert_cmpstr (json_object_get_string_member (day, "note"), ==, "国庆节");
  g_assert_false (json_object_get_boolean_member (day, "working"));
}

static void
test_seeded_schedule (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr (JsonObject) y2025 = NULL;
  g_autoptr (JsonObject) y2026 = NULL;
  JsonArray *days;
  guint      holidays = 0, workdays = 0;

  /* 2025: 1 + 8 + 3 + 5 + 3 + 8 = 28 holidays, 5 make-up days. */
  y2025 = hall_test_ok (f->hall, f->staff, "calendar.list",
                        "{\"from\":\"2025-01-01\",\"to\":\"2025-12-31\"}");
  days = json_object_get_array_member (y2025, "days");
  for (guint i = 0; i < json_array_get_length (days); i++)
    {
      const char *kind =
          json_object_get_string_member (json_array_get_object_element (days, i), "kind");

      if (g_str_equal (kind, "holiday"))
        holidays++;
      else
        workdays++;
    }
  g_assert_cmpuint (holidays, ==, 28);
  g_assert_cmpuint (workdays, ==, 5);

  /* 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7 = 33 holidays, 6 make-up days. */
  holidays = workdays = 0;
  y2026 = hall_test_ok (f->hall, f->staff, "calendar.list",
                        "{\"from\":\"2026-01-01\",\"to\":\"2026-12-31\"}");
  days = json_object_get_array_member (y2026, "days");
  for (guint i = 0; i < json_array_get_length (days); i++)
    {
      const char *kind =
          json_object_get_string_member (json_array_get_object_element (days, i), "kind");

      if (g_str_equal (kind, "holiday"))
        holidays++;
      else
        workdays++;
    }
  g_assert_cmpuint (holidays, ==, 33);
  g_assert_cmpuint (workdays, ==, 6);
}

static void
test_bad_input_and_roles (Fixture      *f,
                          gconstpointer data)
{
  g_autofree char *display = hall_test_add_user (f->hall, "wall", "display", NULL, 0);
  g_autofree char *manager = hall_test_add_user (f->hall, "zhao", "manager", NULL, 0);
  g_autoptr (JsonObject) r = NULL;

  hall_test_fails (f->hall, f->staff, "calendar.deadline", HALL_ERROR_INVALID_ARGUMENT, "from",
                   "{\"from\":\"2026-02-30\",\"days\":15}");
  hall_test_fails (f->hall, f->staff, "calendar.deadline", HALL_ERROR_INVALID_ARGUMENT, "from",
                   "{\"from\":\"2026-2-3\",\"days\":15}");
  hall_test_fails (f->hall, f->staff, "calendar.deadline", HALL_ERROR_INVALID_ARGUMENT, "days",
                   "{\"from\":\"2026-02-03\",\"days\":-1}");
  hall_test_fails (f->hall, f->staff, "calendar.deadline", HALL_ERROR_INVALID_ARGUMENT, "days",
                   "{\"from\":\"2026-02-03\",\"days\":\"15\"}");
  hall_test_fails (f->hall, f->staff, "calendar.deadline", HALL_ERROR_INVALID_ARGUMENT, "days",
                   "{\"from\":\"2026-02-03\",\"days\":0,\"working\":true}");
  hall_test_fails (f->hall, f->staff, "calendar.list", HALL_ERROR_INVALID_ARGUMENT, "to",
                   "{\"from\":\"2026-02-03\",\"to\":\"2026-02-01\"}");
  hall_test_fails (f->hall, f->staff, "calendar.list", HALL_ERROR_INVALID_ARGUMENT, "to",
                   "{\"from\":\"2000-01-01\",\"to\":\"2026-02-01\"}");
  hall_test_fails (f->hall, f->admin, "calendar.set_day", HALL_ERROR_INVALID_ARGUMENT, "kind",
                   "{\"date\":\"2026-02-03\",\"kind\":\"party\"}");
  hall_test_fails (f->hall, f->admin, "calendar.set_day", HALL_ERROR_INVALID_ARGUMENT, "date",
                   "{\"date\":\"2026-13-01\",\"kind\":\"holiday\"}");
  hall_test_fails (f->hall, f->admin, "calendar.set_day", HALL_ERROR_INVALID_ARGUMENT, "note",
                   "{\"date\":\"2026-03-03\",\"kind\":\"holiday\",\"note\":\"%s\"}",
                   "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一");

  /* Only admins edit; the wall display sees nothing of it. */
  hall_test_fails (f->hall, f->staff, "calendar.set_day", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"date\":\"2026-03-03\",\"kind\":\"holiday\"}");
  hall_test_fails (f->hall, manager, "calendar.clear_day", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"date\":\"2026-10-01\"}");
  hall_test_fails (f->hall, display, "calendar.list", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"from\":\"2026-01-01\",\"to\":\"2026-01-31\"}");
  r = hall_test_ok (f->hall, manager, "calendar.deadline", "{\"from\":\"2026-03-12\",\"days\":15}");
  g_assert_cmpstr (json_object_get_string_member (r, "due"), ==, "2026-03-27");

  /* A period of 0 days is the start day itself, moved to a working day: Sun 03-15 → Mon 03-16. */
  assert_due (f, "2026-03-15", 0, FALSE, "2026-03-16");
}

static void
test_runaway_holidays (Fixture      *f,
                       gconstpointer data)
{
  GDate d;

  /* An admin who marks three months as holidays gets a clear error, not a hang. */
  g_date_set_dmy (&d, 1, 7, 2027);
  for (int i = 0; i < 92; i++)
    {
      g_autoptr (JsonObject) r = NULL;
      char text[11];

      g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d),
                  g_date_get_day (&d));
      r = hall_test_ok (f->hall, f->admin, "calendar.set_day",
                        "{\"date\":\"%s\",\"kind\":\"holiday\"}", text);
      g_date_add_days (&d, 1);
    }
  hall_test_fails (f->hall, f->staff, "calendar.deadline", HALL_ERROR_CONFLICT, NULL,
                   "{\"from\":\"2027-07-01\",\"days\":15}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/calendar/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("decision-15-days", test_decision_15_days);
  ADD ("handling-60-days", test_handling_60_days);
  ADD ("extension-30-days", test_extension_30_days);
  ADD ("objection-5-working-days", test_objection_5_working_days);
  ADD ("review-30-days", test_review_30_days);
  ADD ("admin-edits", test_admin_edits);
  ADD ("seeded-schedule", test_seeded_schedule);
  ADD ("bad-input-and-roles", test_bad_input_and_roles);
  ADD ("runaway-holidays", test_runaway_holidays);
#undef ADD

  return g_test_run ();
}
