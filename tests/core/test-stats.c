/* test-stats.c — stats.summary over a handful of known tickets and matters
 *
 * The records are written straight into the hall database (a second connection, as a restored
 * backup would hold them) so that every date in them is known exactly; the expected figures are
 * worked out by hand next to the data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-stats"

#include "config.h"

#include "hall-test-util.h"

/* Petitioners 1–5; tickets and matters of March 2026 and of March 2025.
 *
 *   batch  kind    channel  dept  persons  petitioner  note
 *   T1     ticket  visit    2     1        P1          first; matter M1
 *   T2     ticket  visit    2     6        P2          collective; first; matter M2
 *   T3     ticket  visit    3     2        P1          repeat (T1)
 *   T4     ticket  visit    5     1        —           first (nobody known)
 *   M3     matter  letter   4     1        P3          first
 *   M4     matter  online   2     1        P2          repeat (T2, M2)
 *   M5     matter  visit    10    1        P3          repeat (M3); litigation, no rates
 *   M6     matter  phone    2     1        P4          first
 *   T5     ticket  visit    2     1        —           1 April: outside the range
 *
 *   March 2025: T9 (ticket, dept 2, 2 persons, nobody known) and M9 (letter, dept 3, P5).
 */
static const char *records =
    "INSERT INTO petitioner (id, name, created_at, updated_at) VALUES "
    "  (1, '张三', 0, 0), (2, '李四', 0, 0), (3, '王五', 0, 0), (4, '赵六', 0, 0), (5, '钱七', 0, "
    "0);"
    "INSERT INTO ticket (id, day, code, number, issued_department_id, department_id, priority, "
    "persons,"
    "                    petitioner_id, state, arrived_at, issued_at, matter_id) VALUES "
    "  (1, '2026-03-02', 'C001', 1, 2, 2, 'normal', 1, 1, 'finished', 1772413200, 1772413200, 1),"
    "  (2, '2026-03-05', 'C001', 1, 2, 2, 'collective', 6, 2, 'finished', 1772672400, 1772672400, "
    "2),"
    "  (3, '2026-03-10', 'M001', 1, 3, 3, 'normal', 2, 1, 'finished', 1773104400, 1773104400, "
    "NULL),"
    "  (4, '2026-03-12', 'R001', 1, 5, 5, 'normal', 1, NULL, 'finished', 1773277200, 1773277200, "
    "NULL),"
    "  (5, '2026-04-01', 'C001', 1, 2, 2, 'normal', 1, NULL, 'waiting', 1775005200, 1775005200, "
    "NULL),"
    "  (9, '2025-03-10', 'C001', 1, 2, 2, 'normal', 2, NULL, 'finished', 1741568400, 1741568400, "
    "NULL);"
    "INSERT INTO matter (id, number, query_code, channel, type, department_id, content, persons,"
    "                    collective, litigation, state, first_department_id, ticket_id, "
    "received_date,"
    "                    registered_at, decision_due, decided_date, accepted_date, handling_due,"
    "                    replied_date, satisfaction, outcome, updated_at) VALUES "
    /* M1: decided 03-10 ≤ 03-17, replied 04-20 ≤ 05-11, closed 满意 and resolved. */
    "  (1, 'XF2026-000001', '111111', 'visit', 'claim', 2, '小区楼道漏水', 1, 0, 0, 'closed', 2, 1,"
    "   '2026-03-02', 1772414000, '2026-03-17', '2026-03-10', '2026-03-10', '2026-05-11',"
    "   '2026-04-20', 'satisfied', 'resolved', 0),"
    /* M2: decided 03-25 > 03-20 (late), replied 06-01 > 05-25 (late), closed 不满意, educated. */
    "  (2, 'XF2026-000002', '222222', 'visit', 'claim', 2, '征地补偿款未发放', 6, 1, 0, 'closed', "
    "2, 2,"
    "   '2026-03-05', 1772673000, '2026-03-20', '2026-03-25', '2026-03-25', '2026-05-25',"
    "   '2026-06-01', 'dissatisfied', 'educated', 0),"
    /* M3: decided 03-20 ≤ 03-30, replied 05-10 ≤ 05-19, closed 未评价 but resolved. */
    "  (3, 'XF2026-000003', '333333', 'letter', 'claim', 4, '宅基地权属纠纷', 1, 0, 0, 'closed', "
    "4, NULL,"
    "   '2026-03-15', 1773540000, '2026-03-30', '2026-03-20', '2026-03-20', '2026-05-19',"
    "   '2026-05-10', 'none', 'resolved', 0),"
    /* M4: never decided; due 04-07, long past on 06-30. */
    "  (4, 'XF2026-000004', '444444', 'online', 'suggestion', 2, '建议增设公交站点', 1, 0, 0, "
    "'registered', 2,"
    "   NULL, '2026-03-20', 1773972000, '2026-04-07', NULL, NULL, NULL, NULL, NULL, NULL, 0),"
    /* M5: litigation-related, outside every rate. */
    "  (5, 'XF2026-000005', '555555', 'visit', 'claim', 10, '对判决不服', 1, 0, 1, 'litigation', "
    "10, NULL,"
    "   '2026-03-25', 1774404000, '2026-04-09', NULL, NULL, NULL, NULL, NULL, NULL, 0),"
    /* M6: decided 04-01 ≤ 04-13; handling due 06-01 passed without a reply. */
    "  (6, 'XF2026-000006', '666666', 'phone', 'claim', 2, '物业乱收费', 1, 0, 0, 'accepted', 2, "
    "NULL,"
    "   '2026-03-28', 1774663200, '2026-04-13', '2026-04-01', '2026-04-01', '2026-06-01',"
    "   NULL, NULL, NULL, 0),"
    /* M9 (2025): everything on time, closed 基本满意. */
    "  (9, 'XF2025-000001', '999999', 'letter', 'claim', 3, '低保申请', 1, 0, 0, 'closed', 3, NULL,"
    "   '2025-03-11', 1741654800, '2025-03-26', '2025-03-20', '2025-03-20', '2025-05-19',"
    "   '2025-05-01', 'basic', 'assisted', 0);"
    "INSERT INTO matter_petitioner (matter_id, petitioner_id) VALUES "
    "  (1, 1), (2, 2), (3, 3), (4, 2), (5, 3), (6, 4), (9, 5);";

static JsonObject *
find (JsonArray  *rows,
      const char *member,
      const char *value)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (g_strcmp0 (json_object_get_string_member (row, member), value) == 0)
        return row;
    }
  return NULL;
}

static void
assert_count (JsonArray  *rows,
              const char *member,
              const char *value,
              gint64      batches,
              gint64      persons)
{
  JsonObject *row = find (rows, member, value);

  g_assert_nonnull (row);
  g_assert_cmpint (json_object_get_int_member (row, "batches"), ==, batches);
  g_assert_cmpint (json_object_get_int_member (row, "persons"), ==, persons);
}

static void
test_summary (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *manager = hall_test_add_user (hall, "zhao", "manager", NULL, 0);
  g_autoptr (JsonObject) r = NULL;
  JsonObject *cur, *prev, *yoy, *rates;
  JsonArray  *channels, *departments;

  hall_test_exec_sql (hall, records);
  hall_engine_set_now (hall->engine, hall_test_time ("2026-06-30 10:00"));
  r = hall_test_ok (hall, manager, "stats.summary",
                    "{\"from\":\"2026-03-01\",\"to\":\"2026-03-31\"}");
  cur = json_object_get_object_member (r, "current");
  prev = json_object_get_object_member (r, "previous");
  yoy = json_object_get_object_member (r, "year_on_year");

  /* T1–T4 and the ticket-less M3, M4, M5, M6: 8 batches; 1+6+2+1 + 1+1+1+1 = 14 persons. */
  g_assert_cmpint (json_object_get_int_member (cur, "batches"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (cur, "persons"), ==, 14);
  /* T2 only: 6 people, the collective priority. */
  g_assert_cmpint (json_object_get_int_member (cur, "collective_batches"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (cur, "collective_persons"), ==, 6);
  /* Repeat: T3 (2), M4 (1), M5 (1); first: T1 (1), T2 (6), T4 (1), M3 (1), M6 (1). */
  g_assert_cmpint (json_object_get_int_member (cur, "repeat_batches"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (cur, "repeat_persons"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (cur, "first_batches"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (cur, "first_persons"), ==, 10);

  /* Channels: visit T1–T4 + M5 = 5 batches, 11 persons; one each of letter, online, phone. */
  channels = json_object_get_array_member (cur, "by_channel");
  g_assert_cmpuint (json_array_get_length (channels), ==, 5);
  assert_count (channels, "channel", "visit", 5, 11);
  assert_count (channels, "channel", "letter", 1, 1);
  assert_count (channels, "channel", "online", 1, 1);
  assert_count (channels, "channel", "phone", 1, 1);
  assert_count (channels, "channel", "other", 0, 0);

  /* Departments: 城建 T1, T2, M4, M6 = 4 batches, 9 persons; 民政 T3; 自然资源 M3; 人社 T4; 法院 M5. */
  departments = json_object_get_array_member (cur, "by_department");
  assert_count (departments, "code", "chengjian", 4, 9);
  assert_count (departments, "code", "minzheng", 1, 2);
  assert_count (departments, "code", "ziranziyuan", 1, 1);
  assert_count (departments, "code", "renshe", 1, 1);
  assert_count (departments, "code", "fayuan", 1, 1);
  assert_count (departments, "code", "jiaoyu", 0, 0);

  /* Rates over M1, M2, M3, M4, M6 (M5 is litigation-related):
   * decision: on time M1, M3, M6; late M2; M4 undecided past due → 3 of 5.
   * handling: accepted M1, M2, M3, M6; on time M1, M3; M2 late; M6 past due → 2 of 4.
   * resolution (化解率) is over the matters closed in the period, and none was: 0 of 0.
   * satisfaction: rated M1, M2 → 1 of 2. participation: 2 rated of 3 closed. */
  rates = json_object_get_object_member (cur, "rates");
  hall_test_assert_rate (rates, "decision_on_time", 3, 5);
  hall_test_assert_rate (rates, "handling_on_time", 2, 4);
  hall_test_assert_rate (rates, "resolution", 0, 0);
  hall_test_assert_rate (rates, "satisfaction", 1, 2);
  hall_test_assert_rate (rates, "participation", 2, 3);

  /* March 2025: T9 (2 persons) and M9 (1), both first; M9 all on time, 基本满意. */
  g_assert_cmpstr (json_object_get_string_member (prev, "from"), ==, "2025-03-01");
  g_assert_cmpstr (json_object_get_string_member (prev, "to"), ==, "2025-03-31");
  g_assert_cmpint (json_object_get_int_member (prev, "batches"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (prev, "persons"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (prev, "first_batches"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (prev, "repeat_batches"), ==, 0);
  rates = json_object_get_object_member (prev, "rates");
  hall_test_assert_rate (rates, "decision_on_time", 1, 1);
  hall_test_assert_rate (rates, "handling_on_time", 1, 1);
  hall_test_assert_rate (rates, "satisfaction", 1, 1);
  hall_test_assert_rate (rates, "participation", 1, 1);

  /* Year on year: batches (8 − 2) / 2 = +300%; persons (14 − 3) / 3; the decision rate fell from
   * 100% to 60%; no repeat visits a year ago, so no ratio for them. */
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (yoy, "batches"), 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (yoy, "persons"), 11.0 / 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (yoy, "decision_on_time_rate"),
                                  -0.4, 1e-9);
  g_assert_true (json_object_get_null_member (yoy, "repeat_batches"));
}

static void
test_empty_and_narrow (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *leader = hall_test_add_user (hall, "sun", "leader", NULL, 0);
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) one = NULL;
  JsonObject *cur;

  /* Nothing recorded: zeros and no rates, not a division by zero. */
  r = hall_test_ok (hall, leader, "stats.summary",
                    "{\"from\":\"2026-01-01\",\"to\":\"2026-12-31\"}");
  cur = json_object_get_object_member (r, "current");
  g_assert_cmpint (json_object_get_int_member (cur, "batches"), ==, 0);
  hall_test_assert_rate (json_object_get_object_member (cur, "rates"), "satisfaction", 0, 0);
  g_assert_true (
      json_object_get_null_member (json_object_get_object_member (r, "year_on_year"), "batches"));

  /* One day: only T2 and the matter registered from it (which is not a batch of its own). */
  hall_test_exec_sql (hall, records);
  hall_engine_set_now (hall->engine, hall_test_time ("2026-03-06 10:00"));
  one = hall_test_ok (hall, leader, "stats.summary",
                      "{\"from\":\"2026-03-05\",\"to\":\"2026-03-05\"}");
  cur = json_object_get_object_member (one, "current");
  g_assert_cmpint (json_object_get_int_member (cur, "batches"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (cur, "persons"), ==, 6);
  /* On 03-06, M2's decision (due 03-20) was made late on 03-25 — as the records stand now. Its
   * handling clock has not run out by today's date, but it was replied (late): 0 of 1 each. */
  hall_test_assert_rate (json_object_get_object_member (cur, "rates"), "decision_on_time", 0, 1);
  hall_test_assert_rate (json_object_get_object_member (cur, "rates"), "handling_on_time", 0, 1);
}

static void
test_roles_and_input (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *staff = hall_test_add_user (hall, "li", "staff", "chengjian", 2);
  g_autofree char *admin = hall_test_add_user (hall, "admin", "admin", NULL, 0);
  g_autofree char *display = hall_test_add_user (hall, "wall", "display", NULL, 0);
  g_autoptr (JsonObject) r = NULL;

  hall_test_fails (hall, staff, "stats.summary", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"from\":\"2026-03-01\",\"to\":\"2026-03-31\"}");
  hall_test_fails (hall, display, "stats.summary", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"from\":\"2026-03-01\",\"to\":\"2026-03-31\"}");
  hall_test_fails (hall, admin, "stats.summary", HALL_ERROR_INVALID_ARGUMENT, "from",
                   "{\"to\":\"2026-03-31\"}");
  hall_test_fails (hall, admin, "stats.summary", HALL_ERROR_INVALID_ARGUMENT, "to",
                   "{\"from\":\"2026-03-01\",\"to\":\"2026-02-31\"}");
  hall_test_fails (hall, admin, "stats.summary", HALL_ERROR_INVALID_ARGUMENT, "to",
                   "{\"from\":\"2026-03-01\",\"to\":\"2026-02-28\"}");
  hall_test_fails (hall, admin, "stats.summary", HALL_ERROR_INVALID_ARGUMENT, "to",
                   "{\"from\":\"2000-03-01\",\"to\":\"2026-02-28\"}");

  /* A leap day's year-earlier twin is 28 February. */
  r = hall_test_ok (hall, admin, "stats.summary",
                    "{\"from\":\"2028-02-29\",\"to\":\"2028-02-29\"}");
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (r, "previous"), "from"), ==,
      "2027-02-28");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/summary", test_summary);
  g_test_add_func ("/stats/empty-and-narrow", test_empty_and_narrow);
  g_test_add_func ("/stats/roles-and-input", test_roles_and_input);

  return g_test_run ();
}
