/* test-stats-daily.c — stats.daily: the batches of each day, the statistics page's trend
 *
 * Two letters on one day and a visit (a ticket) on another: the days come in order with their
 * batches and persons, a day without a batch is left out, and the days add up to stats.summary's
 * batches for the same period. Roles and bad dates are refused as stats.summary refuses them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "hall-test-util.h"

static void
register_letter (HallTestHall *hall,
                 const char   *token,
                 const char   *date,
                 int           persons)
{
  json_object_unref (hall_test_ok (
      hall, token, "matter.register",
      "{\"channel\": \"letter\", \"type\": \"claim\", \"received_date\": \"%s\", \"persons\": %d, "
      "\"content\": \"反映小区供暖不达标。\", \"petitioners\": [{\"name\": \"来信人%d\"}]}",
      date, persons, persons));
}

static void
test_days (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *manager = hall_test_add_user (hall, "zhang", "manager", NULL, 0);
  g_autoptr (JsonObject) daily = NULL;
  g_autoptr (JsonObject) summary = NULL;
  JsonArray  *days;
  JsonObject *day;

  hall_test_set_now (hall, "2026-06-10 09:00");
  register_letter (hall, manager, "2026-06-03", 1);
  register_letter (hall, manager, "2026-06-03", 3);
  json_object_unref (hall_test_ok (hall, manager, "ticket.issue", "{\"department_id\": 2}"));

  daily = hall_test_ok (hall, manager, "stats.daily", "{\"from\": \"2026-06-01\", \"to\": \"2026-06-30\"}");
  g_assert_cmpstr (json_object_get_string_member (daily, "from"), ==, "2026-06-01");
  g_assert_cmpstr (json_object_get_string_member (daily, "to"), ==, "2026-06-30");
  days = json_object_get_array_member (daily, "days");
  g_assert_cmpuint (json_array_get_length (days), ==, 2);
  day = json_array_get_object_element (days, 0);
  g_assert_cmpstr (json_object_get_string_member (day, "date"), ==, "2026-06-03");
  g_assert_cmpint (json_object_get_int_member (day, "batches"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (day, "persons"), ==, 4);
  day = json_array_get_object_element (days, 1);
  g_assert_cmpstr (json_object_get_string_member (day, "date"), ==, "2026-06-10");
  g_assert_cmpint (json_object_get_int_member (day, "batches"), ==, 1);

  summary = hall_test_ok (hall, manager, "stats.summary", "{\"from\": \"2026-06-01\", \"to\": \"2026-06-30\"}");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (summary, "current"),
                                               "batches"),
                   ==, 3);

  /* A period without a batch: no days. */
  g_clear_pointer (&daily, json_object_unref);
  daily = hall_test_ok (hall, manager, "stats.daily", "{\"from\": \"2026-05-01\", \"to\": \"2026-05-31\"}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (daily, "days")), ==, 0);
}

static void
test_roles_and_input (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *staff = hall_test_add_user (hall, "li", "staff", "chengjian", 2);
  g_autofree char *leader = hall_test_add_user (hall, "sun", "leader", NULL, 0);
  g_autofree char *admin = hall_test_add_user (hall, "root", "admin", NULL, 0);
  g_autoptr (JsonObject) ok = NULL;

  ok = hall_test_ok (hall, leader, "stats.daily", "{\"from\": \"2026-01-01\", \"to\": \"2026-12-31\"}");
  hall_test_fails (hall, staff, "stats.daily", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"from\": \"2026-01-01\", \"to\": \"2026-01-31\"}");
  hall_test_fails (hall, admin, "stats.daily", HALL_ERROR_INVALID_ARGUMENT, "from",
                   "{\"to\": \"2026-01-31\"}");
  hall_test_fails (hall, admin, "stats.daily", HALL_ERROR_INVALID_ARGUMENT, "to",
                   "{\"from\": \"2026-02-01\", \"to\": \"2026-01-31\"}");
  hall_test_fails (hall, admin, "stats.daily", HALL_ERROR_INVALID_ARGUMENT, "to",
                   "{\"from\": \"2000-01-01\", \"to\": \"2026-01-31\"}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/stats-daily/days", test_days);
  g_test_add_func ("/stats-daily/roles-and-input", test_roles_and_input);
  return g_test_run ();
}
