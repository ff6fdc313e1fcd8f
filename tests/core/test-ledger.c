/* test-ledger.c — the ledgers (台账): the screened disputes (dispute.*), with their weekly report
 * (每周三、五), and ledger.list for each ledger, a page at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-ledger"

#include "config.h"

#include "hall-test-util.h"

#define DISPUTE                                                                                   \
  "\"found_date\":\"%s\",\"source\":\"grid\",\"parties\":\"张三、李四\",\"type\":\"wages\"," \
  "\"risk\":\"high\",\"summary\":\"工地拖欠农民工工资12万元\",\"department_id\":4,"    \
  "\"leader_name\":\"王副镇长\",\"person_name\":\"刘干事\""

static gint64
create_dispute (HallTestHall *hall,
                const char   *token,
                const char   *found)
{
  g_autoptr (JsonObject) d = hall_test_ok (hall, token, "dispute.create", "{" DISPUTE "}", found);

  g_assert_cmpstr (json_object_get_string_member (d, "state"), ==, "screening");
  return json_object_get_int_member (d, "id");
}

static guint
count_rows (JsonObject *list,
            const char *member)
{
  return json_array_get_length (json_object_get_array_member (list, member));
}

static void
test_disputes (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *staff = hall_test_add_user (hall, "li", "staff", "chengjian", 2);
  g_autofree char *manager = hall_test_add_user (hall, "zhao", "manager", NULL, 0);
  g_autofree char *leader = hall_test_add_user (hall, "sun", "leader", NULL, 0);
  g_autoptr (GPtrArray) events = NULL;
  g_autoptr (JsonObject) updated = NULL;
  g_autoptr (JsonObject) list = NULL;
  gint64 id;

  hall_test_set_now (hall, "2026-06-23 10:00");
  events = hall_test_record_events (hall->engine);
  id = create_dispute (hall, staff, "2026-06-22");
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (g_ptr_array_index (events, 0), "kind"), ==,
                   "dispute.created");
  /* no personal data in the feed */
  g_assert_false (json_object_has_member (g_ptr_array_index (events, 0), "parties"));
  hall_test_stop_recording (hall->engine, g_steal_pointer (&events));

  hall_test_fails (hall, leader, "dispute.create", HALL_ERROR_FORBIDDEN, NULL, "{" DISPUTE "}",
                   "2026-06-22");
  hall_test_fails (hall, staff, "dispute.create", HALL_ERROR_INVALID_ARGUMENT, "found_date",
                   "{" DISPUTE "}", "2026-06-24");
  hall_test_fails (hall, staff, "dispute.create", HALL_ERROR_INVALID_ARGUMENT, "source",
                   "{" DISPUTE ",\"source\":\"rumour\"}", "2026-06-22");
  hall_test_fails (hall, staff, "dispute.create", HALL_ERROR_INVALID_ARGUMENT, "deadline",
                   "{" DISPUTE ",\"deadline\":\"2026-06-01\"}", "2026-06-22");
  hall_test_fails (hall, manager, "dispute.update", HALL_ERROR_INVALID_ARGUMENT, "resolved_date",
                   "{\"id\":%" G_GINT64_FORMAT ",\"state\":\"resolved\"}", id);
  hall_test_fails (hall, manager, "dispute.update", HALL_ERROR_NOT_FOUND, "id",
                   "{\"id\":999,\"state\":\"resolving\"}");

  updated = hall_test_ok (hall, manager, "dispute.update",
                          "{\"id\":%" G_GINT64_FORMAT ",\"state\":\"resolved\","
                          "\"resolved_date\":\"2026-06-23\",\"measures\":\"协调劳动监察大队\"}",
                          id);
  g_assert_cmpstr (json_object_get_string_member (updated, "state"), ==, "resolved");
  g_assert_cmpstr (json_object_get_string_member (updated, "measures"), ==, "协调劳动监察大队");
  /* what was not given stays as it was */
  g_assert_cmpstr (json_object_get_string_member (updated, "parties"), ==, "张三、李四");

  list = hall_test_ok (hall, leader, "dispute.list", "{\"state\":\"resolved\"}");
  g_assert_cmpuint (count_rows (list, "disputes"), ==, 1);
}

/* Report days are Wednesdays and Fridays: each report carries what changed since the last. */
static void
test_weekly (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *staff = hall_test_add_user (hall, "li", "staff", "chengjian", 2);
  g_autoptr (JsonObject) wed = NULL;
  g_autoptr (JsonObject) fri = NULL;
  gint64 tuesday, thursday;

  hall_test_set_now (hall, "2026-06-23 10:00"); /* Tuesday */
  tuesday = create_dispute (hall, staff, "2026-06-23");
  hall_test_set_now (hall, "2026-06-25 16:00"); /* Thursday */
  thursday = create_dispute (hall, staff, "2026-06-25");

  wed = hall_test_ok (hall, staff, "dispute.weekly", "{\"date\":\"2026-06-24\"}");
  g_assert_cmpstr (json_object_get_string_member (wed, "report_date"), ==, "2026-06-24");
  g_assert_cmpstr (json_object_get_string_member (wed, "since"), ==, "2026-06-19");
  g_assert_cmpuint (count_rows (wed, "disputes"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (
                       json_array_get_object_element (json_object_get_array_member (wed, "disputes"), 0),
                       "id"),
                   ==, tuesday);

  fri = hall_test_ok (hall, staff, "dispute.weekly", "{\"date\":\"2026-06-27\"}");
  g_assert_cmpstr (json_object_get_string_member (fri, "report_date"), ==, "2026-06-26");
  g_assert_cmpuint (count_rows (fri, "disputes"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (
                       json_array_get_object_element (json_object_get_array_member (fri, "disputes"), 0),
                       "id"),
                   ==, thursday);
}

static JsonObject *
ledger (HallTestHall *hall,
        const char   *token,
        const char   *name,
        const char   *extra)
{
  return hall_test_ok (hall, token, "ledger.list",
                       "{\"ledger\":\"%s\",\"from\":\"2026-06-01\",\"to\":\"2026-06-30\"%s}", name,
                       extra);
}

static void
test_ledgers (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *staff = hall_test_add_user (hall, "li", "staff", "chengjian", 2);
  g_autofree char *manager = hall_test_add_user (hall, "zhao", "manager", NULL, 0);
  g_autofree char *leader = hall_test_add_user (hall, "sun", "leader", NULL, 0);
  g_autofree char *sql = NULL;
  g_autoptr (JsonObject) page1 = NULL;
  g_autoptr (JsonObject) page2 = NULL;
  g_autoptr (JsonObject) receptions = NULL;
  g_autoptr (JsonObject) roster = NULL;
  g_autoptr (JsonObject) charges = NULL;
  g_autoptr (JsonObject) disputes = NULL;
  g_autoptr (JsonObject) r = NULL;
  gint64      m1, m2;
  JsonObject *row;

  hall_test_set_now (hall, "2026-06-10 09:00");
  m1 = hall_test_register_visit (hall, staff, 0, "2026-05-20");
  m2 = hall_test_register_visit (hall, staff, 0, NULL);
  hall_test_register_visit (hall, staff, 0, NULL);
  hall_test_register_visit (hall, staff, 0, NULL);
  create_dispute (hall, staff, "2026-06-09");
  r = hall_test_ok (hall, leader, "leader.receive",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"problem\":\"电梯维修\","
                    "\"instructions\":\"现场答复\",\"outcome\":\"resolved\"}",
                    m2);
  sql = g_strdup_printf (
      "INSERT INTO leader_duty (date, user_id, slot, set_at) VALUES "
      "  ('2026-06-15', %1$" G_GINT64_FORMAT ", 'am', 0), ('2026-07-01', %1$" G_GINT64_FORMAT
      ", 'day', 0);"
      "INSERT INTO leader_charge (matter_id, leader_user_id, charged_at, deadline, plan, "
      "  updated_at) VALUES (%2$" G_GINT64_FORMAT ", %1$" G_GINT64_FORMAT ", %3$" G_GINT64_FORMAT
      ", '2026-07-31', '一案一策', 0);",
      hall_test_user_id (hall, leader), m2, hall_test_time ("2026-06-10 09:00"));
  hall_test_exec_sql (hall, sql);
  hall_test_set_now (hall, "2026-06-30 09:00");

  /* 信访事项登记台账: the three matters of June, two to a page; May's is not in it */
  page1 = ledger (hall, manager, "matters", ",\"limit\":2");
  g_assert_cmpuint (count_rows (page1, "rows"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (page1, "next_offset"), ==, 2);
  row = json_array_get_object_element (json_object_get_array_member (page1, "rows"), 0);
  g_assert_cmpstr (json_object_get_string_member (row, "petitioners"), ==, "王小明");
  g_assert_cmpstr (json_object_get_string_member (row, "channel"), ==, "visit");
  page2 = ledger (hall, manager, "matters", ",\"limit\":2,\"offset\":2");
  g_assert_cmpuint (count_rows (page2, "rows"), ==, 1);
  g_assert_true (json_object_get_null_member (page2, "next_offset"));

  receptions = ledger (hall, leader, "receptions", "");
  g_assert_cmpuint (count_rows (receptions, "rows"), ==, 1);
  row = json_array_get_object_element (json_object_get_array_member (receptions, "rows"), 0);
  g_assert_cmpstr (json_object_get_string_member (row, "outcome"), ==, "resolved");

  roster = ledger (hall, manager, "roster", "");
  g_assert_cmpuint (count_rows (roster, "rows"), ==, 1);

  /* M2 is in a leader's charge; the others are past their decision due date (15 days) at the end
   * of June with nobody in charge, M1 (received 05-20) first */
  charges = ledger (hall, manager, "charges", "");
  g_assert_cmpuint (count_rows (charges, "rows"), ==, 4);
  row = json_array_get_object_element (json_object_get_array_member (charges, "rows"), 0);
  g_assert_cmpint (json_object_get_int_member (row, "matter_id"), ==, m1);
  g_assert_true (json_object_get_null_member (row, "leader"));
  row = json_array_get_object_element (json_object_get_array_member (charges, "rows"), 1);
  g_assert_cmpint (json_object_get_int_member (row, "has_plan"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (row, "has_minutes"), ==, 0);

  disputes = ledger (hall, leader, "disputes", ",\"state\":\"screening\"");
  g_assert_cmpuint (count_rows (disputes, "rows"), ==, 1);

  hall_test_fails (hall, staff, "ledger.list", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"ledger\":\"matters\",\"from\":\"2026-06-01\",\"to\":\"2026-06-30\"}");
  hall_test_fails (hall, manager, "ledger.list", HALL_ERROR_INVALID_ARGUMENT, "ledger",
                   "{\"ledger\":\"secrets\",\"from\":\"2026-06-01\",\"to\":\"2026-06-30\"}");
  hall_test_fails (hall, manager, "ledger.list", HALL_ERROR_INVALID_ARGUMENT, "limit",
                   "{\"ledger\":\"matters\",\"from\":\"2026-06-01\",\"to\":\"2026-06-30\","
                   "\"limit\":100000}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ledger/disputes", test_disputes);
  g_test_add_func ("/ledger/weekly", test_weekly);
  g_test_add_func ("/ledger/lists", test_ledgers);

  return g_test_run ();
}
