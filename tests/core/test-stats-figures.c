/* test-stats-figures.c — the county's figures of stats.summary against hand-counted records:
 * a year in the shape of seed 000 (145 批 419 人次), 初访/重访 by the date received and in the
 * same second, collective letters per channel, 越级访, the leaders' receptions and outreach, the
 * queue and 首接首办, and stats.trace behind each of them: every figure's trace counts it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-stats-figures"

#include "config.h"

#include "hall-test-util.h"

static JsonObject *
row_of (JsonObject *object,
        const char *array,
        const char *member,
        const char *value)
{
  JsonArray *rows = json_object_get_array_member (object, array);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (g_strcmp0 (json_object_get_string_member (row, member), value) == 0)
        return row;
    }
  g_assert_not_reached ();
}

static gint64
get (JsonObject *object,
     const char *member)
{
  g_assert_true (json_object_has_member (object, member));
  return json_object_get_int_member (object, member);
}

/* "[1,2]" for the ids of @member of a stats.trace answer. */
static char *
ids (JsonObject *trace,
     const char *member)
{
  JsonArray *list = json_object_get_array_member (trace, member);
  GString   *s = g_string_new ("[");

  g_assert_nonnull (list);
  for (guint i = 0; i < json_array_get_length (list); i++)
    g_string_append_printf (s, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            json_array_get_int_element (list, i));
  g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

static JsonObject *
trace (HallTestHall *hall,
       const char   *token,
       const char   *extra)
{
  return hall_test_ok (hall, token, "stats.trace",
                       "{\"from\":\"2026-01-01\",\"to\":\"2026-06-30\",%s}", extra);
}

/* ---- a year in the shape of seed 000 -------------------------------------------------------
 *
 * 124 single visits with 162 persons (86 alone, 38 in pairs) and 21 collective visits with 257
 * (20 of 12 persons, one of 17), each by its own petitioner, received from January to December
 * 2025 but typed in the other way round (the December visit first). 40 of them are closed: 30
 * satisfied, 6 basically satisfied, 3 dissatisfied, 1 not rated.
 *   满意率 = (30 + 6) / (30 + 6 + 3) = 36 / 39 = 92.3 %, 参评率 = 39 / 40 = 97.5 %. */
static void
test_seed_year (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *manager = hall_test_add_user (hall, "zhao", "manager", NULL, 0);
  g_autoptr (GString) sql = g_string_new ("BEGIN;");
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) t = NULL;
  JsonObject *cur, *visit;

  for (int i = 1; i <= 145; i++)
    {
      /* received in the reverse order of the ids: id 1 on 31 December, id 145 in January */
      int day = 365 - (i * 364) / 145;
      g_autoptr (GDateTime) start = g_date_time_new_local (2025, 1, 1, 9, 0, 0);
      g_autoptr (GDateTime) received = g_date_time_add_days (start, day - 1);
      g_autofree char *date = g_date_time_format (received, "%Y-%m-%d");
      gboolean         collective = i > 124;
      int              persons = collective ? (i == 145 ? 17 : 12) : (i <= 86 ? 1 : 2);
      const char      *satisfaction = i <= 30   ? "'satisfied'"
                                      : i <= 36 ? "'basic'"
                                      : i <= 39 ? "'dissatisfied'"
                                      : i == 40 ? "'none'"
                                                : "NULL";

      g_string_append_printf (sql,
                              "INSERT INTO petitioner (id, name, created_at, updated_at) "
                              "VALUES (%d, '信访人%d', 0, 0);",
                              i, i);
      g_string_append_printf (
          sql,
          "INSERT INTO matter (id, number, query_code, channel, type, department_id, content, "
          "persons, collective, state, first_department_id, received_date, registered_at, "
          "decision_due, satisfaction, updated_at) VALUES (%d, 'XF2025-%06d', '123456', "
          "'visit', 'claim', 2, '反映问题', %d, %d, %s, 2, '%s', %" G_GINT64_FORMAT
          ", '2026-12-31', %s, 0);"
          "INSERT INTO matter_petitioner (matter_id, petitioner_id) VALUES (%d, %d);",
          i, i, persons, collective, i <= 40 ? "'closed'" : "'registered'", date,
          hall_test_time ("2026-01-05 09:00") + i, satisfaction, i, i);
    }
  g_string_append (sql, "COMMIT;");
  hall_test_exec_sql (hall, sql->str);
  hall_test_set_now (hall, "2026-02-01 10:00");

  r = hall_test_ok (hall, manager, "stats.summary",
                    "{\"from\":\"2025-01-01\",\"to\":\"2025-12-31\"}");
  cur = json_object_get_object_member (r, "current");
  g_assert_cmpint (get (cur, "batches"), ==, 145);
  g_assert_cmpint (get (cur, "persons"), ==, 419);
  g_assert_cmpint (get (cur, "matters"), ==, 145);
  g_assert_cmpint (get (cur, "single_batches"), ==, 124);
  g_assert_cmpint (get (cur, "single_persons"), ==, 162);
  g_assert_cmpint (get (cur, "collective_batches"), ==, 21);
  g_assert_cmpint (get (cur, "collective_persons"), ==, 257);
  g_assert_cmpint (get (cur, "first_batches"), ==, 145);
  visit = row_of (cur, "by_channel", "channel", "visit");
  g_assert_cmpint (get (visit, "batches"), ==, 145);
  g_assert_cmpint (get (visit, "persons"), ==, 419);
  g_assert_cmpint (get (row_of (cur, "by_channel", "channel", "letter"), "batches"), ==, 0);
  hall_test_assert_rate (json_object_get_object_member (cur, "rates"), "satisfaction", 36, 39);
  hall_test_assert_rate (json_object_get_object_member (cur, "rates"), "participation", 39, 40);
  g_assert_cmpfloat (json_object_get_double_member (
                         json_object_get_object_member (
                             json_object_get_object_member (cur, "rates"), "satisfaction"),
                         "rate"),
                     <, 1.0);

  /* The 3 dissatisfied ones behind the rate: the rated that are not in the numerator. */
  t = hall_test_ok (hall, manager, "stats.trace",
                    "{\"key\":\"satisfaction\",\"part\":\"denominator\",\"from\":\"2025-01-01\","
                    "\"to\":\"2025-12-31\"}");
  g_assert_cmpint (get (t, "count"), ==, 39);
}

/* ---- 初访/重访, channels, 越级访, leaders, queue, 首接首办 ---------------------------------------
 *
 * Today is 30 June 2026; the staff member (id S) registered every matter, at counter 2.
 *
 *   rec.  kind    channel  received          persons  person  note
 *   M9    matter  letter   02-10 (typed 05-20)  1      P1      first: received before T1
 *   T1    ticket  visit    05-15 10:00          1      P1      repeat
 *   M2    matter  online   03-01 10:00:00       1      P2      first: same second as M3, lower id
 *   M3    matter  online   03-01 10:00:00       1      P2      repeat
 *   T2    ticket  visit    03-02 09:00:00       1      P3      first: a ticket before a matter
 *   M4    matter  visit    03-02 09:00:00       1      P3      repeat
 *   M5    matter  letter   04-01                8      P4      first; collective letter; 到省
 *   M6    matter  letter   04-02                1      P5      first; 进京
 *   T3    ticket  visit    04-03 14:00          6      P6      first; collective visit
 *
 * Clocks: M9 closed on time (满意); M2 replied late (05-20 > 05-09), closed 不满意; M3 not decided,
 * due 03-16: overdue; M4 accepted, handling due 07-20: open; M5 not decided, due 04-16:
 * overdue; M6 declined on 04-10, due 04-17: on time.
 * Queue at counter 2, finished by S: T1 waits 600 s, serves 1200 s, became a matter; T2 120 s,
 * 600 s, resolved; T3 1800 s, 300 s, a consultation. */
static char *
records (gint64 staff,
         gint64 leader)
{
  return g_strdup_printf (
      "INSERT INTO petitioner (id, name, created_at, updated_at) VALUES "
      "  (1, '张三', 0, 0), (2, '李四', 0, 0), (3, '王五', 0, 0), (4, '赵六', 0, 0),"
      "  (5, '钱七', 0, 0), (6, '孙八', 0, 0);"
      "INSERT INTO matter (id, number, query_code, channel, type, department_id, content, "
      "  persons, collective, escalation, state, first_user_id, first_department_id, "
      "  received_date, registered_at, decision_due, decided_date, accepted_date, handling_due, "
      "  replied_date, satisfaction, updated_at) VALUES "
      "  (9, 'XF2026-000009', '111111', 'letter', 'claim', 2, '宅基地纠纷', 1, 0, NULL, "
      "   'closed', %1$" G_GINT64_FORMAT ", 2, '2026-02-10', %3$" G_GINT64_FORMAT ", "
      "   '2026-02-25', '2026-02-20', '2026-02-20', '2026-04-21', '2026-04-01', 'satisfied', 0),"
      "  (2, 'XF2026-000002', '222222', 'online', 'claim', 2, '物业收费', 1, 0, NULL, "
      "   'closed', %1$" G_GINT64_FORMAT ", 2, '2026-03-01', %4$" G_GINT64_FORMAT ", "
      "   '2026-03-16', '2026-03-10', '2026-03-10', '2026-05-09', '2026-05-20', 'dissatisfied', "
      "   0),"
      "  (3, 'XF2026-000003', '333333', 'online', 'claim', 2, '物业收费（再次）', 1, 0, NULL, "
      "   'registered', %1$" G_GINT64_FORMAT ", 2, '2026-03-01', %4$" G_GINT64_FORMAT ", "
      "   '2026-03-16', NULL, NULL, NULL, NULL, NULL, 0),"
      "  (4, 'XF2026-000004', '444444', 'visit', 'claim', 2, '拖欠工资', 1, 0, NULL, "
      "   'accepted', %1$" G_GINT64_FORMAT ", 2, '2026-03-02', %5$" G_GINT64_FORMAT ", "
      "   '2026-03-17', '2026-03-05', '2026-03-05', '2026-07-20', NULL, NULL, 0),"
      "  (5, 'XF2026-000005', '555555', 'letter', 'claim', 2, '征地补偿（联名信）', 8, 1, "
      "   'province', 'registered', %1$" G_GINT64_FORMAT ", 2, '2026-04-01', "
      "   %6$" G_GINT64_FORMAT ", '2026-04-16', NULL, NULL, NULL, NULL, NULL, 0),"
      "  (6, 'XF2026-000006', '666666', 'letter', 'claim', 2, '低保', 1, 0, 'capital', "
      "   'declined', %1$" G_GINT64_FORMAT ", 2, '2026-04-02', %7$" G_GINT64_FORMAT ", "
      "   '2026-04-17', '2026-04-10', NULL, NULL, NULL, NULL, 0);"
      "INSERT INTO matter_petitioner (matter_id, petitioner_id) VALUES "
      "  (9, 1), (2, 2), (3, 2), (4, 3), (5, 4), (6, 5);"
      "INSERT INTO ticket (id, day, code, number, issued_department_id, department_id, "
      "  priority, persons, petitioner_id, state, counter_id, arrived_at, issued_at, called_at, "
      "  started_at, finished_at, outcome) VALUES "
      "  (1, '2026-05-15', 'C001', 1, 2, 2, 'normal', 1, 1, 'finished', 2, %8$" G_GINT64_FORMAT
      ", %8$" G_GINT64_FORMAT ", %8$" G_GINT64_FORMAT " + 600, %8$" G_GINT64_FORMAT
      " + 600, %8$" G_GINT64_FORMAT " + 1800, 'matter'),"
      "  (2, '2026-03-02', 'C001', 1, 2, 2, 'normal', 1, 3, 'finished', 2, %5$" G_GINT64_FORMAT
      ", %5$" G_GINT64_FORMAT ", %5$" G_GINT64_FORMAT " + 120, %5$" G_GINT64_FORMAT
      " + 120, %5$" G_GINT64_FORMAT " + 720, 'resolved'),"
      "  (3, '2026-04-03', 'C001', 1, 2, 2, 'collective', 6, 6, 'finished', 2, "
      "   %9$" G_GINT64_FORMAT ", %9$" G_GINT64_FORMAT ", %9$" G_GINT64_FORMAT " + 1800, "
      "   %9$" G_GINT64_FORMAT " + 1800, %9$" G_GINT64_FORMAT " + 2100, 'consultation');"
      "INSERT INTO audit (at, user_id, role, command, object_type, object_id, result) VALUES "
      "  (0, %1$" G_GINT64_FORMAT ", 'staff', 'ticket.finish', 'ticket', '1', 'ok'),"
      "  (0, %1$" G_GINT64_FORMAT ", 'staff', 'ticket.finish', 'ticket', '2', 'ok'),"
      "  (0, %1$" G_GINT64_FORMAT ", 'staff', 'ticket.finish', 'ticket', '3', 'ok');"
      "INSERT INTO leader_reception (date, leader_user_id, matter_id, persons, problem, "
      "  instructions, outcome, created_at, created_by) VALUES "
      "  ('2026-03-05', %2$" G_GINT64_FORMAT ", 4, 2, '拖欠工资', '当场协调', 'resolved', 0, "
      "   %2$" G_GINT64_FORMAT "),"
      "  ('2026-04-08', %2$" G_GINT64_FORMAT ", 5, 1, '征地补偿', '交国土部门', 'assigned', 0, "
      "   %2$" G_GINT64_FORMAT "),"
      "  ('2026-04-09', %2$" G_GINT64_FORMAT ", 6, 1, '低保', '按政策解释', NULL, 0, "
      "   %2$" G_GINT64_FORMAT ");",
      staff, leader, hall_test_time ("2026-05-20 12:00"), hall_test_time ("2026-03-01 10:00"),
      hall_test_time ("2026-03-02 09:00"), hall_test_time ("2026-04-01 11:00"),
      hall_test_time ("2026-04-02 11:00"), hall_test_time ("2026-05-15 10:00"),
      hall_test_time ("2026-04-03 14:00"));
}

static void
test_figures (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *staff = hall_test_add_user (hall, "li", "staff", "chengjian", 2);
  g_autofree char *leader = hall_test_add_user (hall, "sun", "leader", NULL, 0);
  g_autofree char *manager = hall_test_add_user (hall, "zhao", "manager", NULL, 0);
  gint64           staff_id = hall_test_user_id (hall, staff);
  g_autofree char *sql = records (staff_id, hall_test_user_id (hall, leader));
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) o = NULL;
  JsonObject *cur, *row, *rates, *receptions, *outreach, *queue, *first;

  hall_test_exec_sql (hall, sql);
  hall_test_set_now (hall, "2026-06-30 10:00");
  o = hall_test_ok (hall, leader, "leader.outreach_record",
                    "{\"kind\":\"visit\",\"date\":\"2026-05-06\",\"place\":\"城关镇新村\","
                    "\"persons\":5,\"matter_ids\":[9,2]}");
  g_assert_cmpstr (json_object_get_string_member (o, "place"), ==, "城关镇新村");

  r = hall_test_ok (hall, manager, "stats.summary",
                    "{\"from\":\"2026-01-01\",\"to\":\"2026-06-30\"}");
  cur = json_object_get_object_member (r, "current");
  g_assert_cmpint (get (cur, "batches"), ==, 9);
  g_assert_cmpint (get (cur, "persons"), ==, 21);
  g_assert_cmpint (get (cur, "matters"), ==, 6);
  g_assert_cmpint (get (cur, "matter_persons"), ==, 13);
  g_assert_cmpint (get (cur, "first_batches"), ==, 6);
  g_assert_cmpint (get (cur, "first_persons"), ==, 18);
  g_assert_cmpint (get (cur, "repeat_batches"), ==, 3);
  g_assert_cmpint (get (cur, "repeat_persons"), ==, 3);
  g_assert_cmpint (get (cur, "escalated_batches"), ==, 2);
  g_assert_cmpint (get (cur, "escalated_persons"), ==, 9);
  g_assert_cmpint (get (row_of (cur, "by_escalation", "level", "province"), "persons"), ==, 8);
  g_assert_cmpint (get (row_of (cur, "by_escalation", "level", "capital"), "batches"), ==, 1);
  g_assert_cmpint (get (row_of (cur, "by_escalation", "level", "city"), "batches"), ==, 0);

  /* The collective letter counts under letters, not under visits. */
  row = row_of (cur, "by_channel", "channel", "letter");
  g_assert_cmpint (get (row, "batches"), ==, 3);
  g_assert_cmpint (get (row, "persons"), ==, 10);
  g_assert_cmpint (get (row, "collective_batches"), ==, 1);
  g_assert_cmpint (get (row, "collective_persons"), ==, 8);
  g_assert_cmpint (get (row, "single_batches"), ==, 2);
  g_assert_cmpint (get (row, "matters"), ==, 3);
  row = row_of (cur, "by_channel", "channel", "visit");
  g_assert_cmpint (get (row, "batches"), ==, 4);
  g_assert_cmpint (get (row, "persons"), ==, 9);
  g_assert_cmpint (get (row, "collective_batches"), ==, 1);
  g_assert_cmpint (get (row, "collective_persons"), ==, 6);
  g_assert_cmpint (get (row, "single_batches"), ==, 3);
  g_assert_cmpint (get (row, "single_persons"), ==, 3);
  g_assert_cmpint (get (row, "matters"), ==, 1);
  row = row_of (cur, "by_channel", "channel", "online");
  g_assert_cmpint (get (row, "batches"), ==, 2);
  g_assert_cmpint (get (row, "first_batches"), ==, 1);
  g_assert_cmpint (get (row, "repeat_batches"), ==, 1);

  rates = json_object_get_object_member (cur, "rates");
  hall_test_assert_rate (rates, "decision_on_time", 4, 6);
  hall_test_assert_rate (rates, "handling_on_time", 1, 2);
  hall_test_assert_rate (rates, "satisfaction", 1, 2);
  hall_test_assert_rate (rates, "participation", 2, 2);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (rates, "resolution"),
                                              "rate"));
  g_assert_true (json_object_get_null_member (
      json_object_get_object_member (json_object_get_object_member (cur, "follow_up"), "visits"),
      "rate"));

  receptions = json_object_get_object_member (cur, "leader_receptions");
  g_assert_cmpint (get (receptions, "batches"), ==, 3);
  g_assert_cmpint (get (receptions, "persons"), ==, 4);
  g_assert_cmpint (get (row_of (receptions, "by_outcome", "outcome", "resolved"), "persons"), ==,
                   2);
  g_assert_cmpint (get (row_of (receptions, "by_outcome", "outcome", "assigned"), "batches"), ==,
                   1);
  g_assert_cmpint (get (row_of (receptions, "by_outcome", "outcome", "forwarded"), "batches"),
                   ==, 0);
  g_assert_cmpint (get (row_of (receptions, "by_outcome", "outcome", "unrecorded"), "batches"),
                   ==, 1);
  outreach = json_object_get_object_member (cur, "leader_outreach");
  g_assert_cmpint (get (outreach, "batches"), ==, 1);
  g_assert_cmpint (get (outreach, "persons"), ==, 5);
  g_assert_cmpint (get (outreach, "matters"), ==, 2);

  queue = json_object_get_object_member (cur, "queue");
  row = json_array_get_object_element (json_object_get_array_member (queue, "by_counter"), 0);
  g_assert_cmpint (get (row, "counter_id"), ==, 2);
  g_assert_cmpint (get (row, "served"), ==, 3);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (row, "wait_average"), 840, 1e-9);
  g_assert_cmpint (get (row, "wait_p90"), ==, 1800);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (row, "service_average"), 700,
                                  1e-9);
  g_assert_cmpint (get (row, "resolved_on_site"), ==, 2);
  g_assert_cmpint (get (row, "became_matters"), ==, 1);
  row = json_array_get_object_element (json_object_get_array_member (queue, "by_staff"), 0);
  g_assert_cmpint (get (row, "user_id"), ==, staff_id);
  g_assert_cmpint (get (row, "served"), ==, 3);

  first = json_object_get_object_member (cur, "first_handling");
  row = json_array_get_object_element (json_object_get_array_member (first, "by_staff"), 0);
  g_assert_cmpint (get (row, "user_id"), ==, staff_id);
  g_assert_cmpint (get (row, "matters"), ==, 6);
  g_assert_cmpint (get (row, "open"), ==, 3);
  g_assert_cmpint (get (row, "overdue"), ==, 2);
  g_assert_cmpint (get (row, "closed_on_time"), ==, 2);
  g_assert_cmpint (get (row, "closed_late"), ==, 1);
  hall_test_assert_rate (row, "on_time", 2, 3);
  row = json_array_get_object_element (json_object_get_array_member (first, "by_department"), 0);
  g_assert_cmpint (get (row, "department_id"), ==, 2);
  g_assert_cmpint (get (row, "overdue"), ==, 2);

  /* Every figure has its definition. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "definitions")), >=,
                    15);
}

static void
assert_trace (HallTestHall *hall,
              const char   *token,
              const char   *params,
              const char   *member,
              const char   *expected)
{
  g_autoptr (JsonObject) t = trace (hall, token, params);
  g_autofree char *got = ids (t, member);

  g_assert_cmpstr (got, ==, expected);
}

static void
test_trace (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *staff = hall_test_add_user (hall, "li", "staff", "chengjian", 2);
  g_autofree char *leader = hall_test_add_user (hall, "sun", "leader", NULL, 0);
  gint64           staff_id = hall_test_user_id (hall, staff);
  g_autofree char *sql = records (staff_id, hall_test_user_id (hall, leader));
  g_autofree char *by_staff = NULL;

  hall_test_exec_sql (hall, sql);
  hall_test_set_now (hall, "2026-06-30 10:00");

  /* in the order received: M9 (02-10), M2 (03-01) before M3, T2 (03-02) before M4 */
  assert_trace (hall, leader, "\"key\":\"first_batches\"", "tickets", "[2,3]");
  assert_trace (hall, leader, "\"key\":\"first_batches\"", "matters", "[9,2,5,6]");
  assert_trace (hall, leader, "\"key\":\"repeat_batches\"", "tickets", "[1]");
  assert_trace (hall, leader, "\"key\":\"repeat_batches\"", "matters", "[3,4]");
  assert_trace (hall, leader, "\"key\":\"collective_batches\",\"channel\":\"letter\"", "matters",
                "[5]");
  assert_trace (hall, leader, "\"key\":\"escalated_batches\",\"level\":\"capital\"", "matters",
                "[6]");
  assert_trace (hall, leader, "\"key\":\"satisfaction\",\"part\":\"denominator\"", "matters",
                "[2,9]");
  assert_trace (hall, leader, "\"key\":\"decision_on_time\"", "matters", "[2,4,6,9]");
  assert_trace (hall, leader, "\"key\":\"leader_receptions\",\"outcome\":\"unrecorded\"",
                "matters", "[6]");
  assert_trace (hall, leader, "\"key\":\"queue\",\"counter_id\":2", "tickets", "[1,2,3]");
  by_staff = g_strdup_printf ("\"key\":\"first_handling\",\"bucket\":\"overdue\",\"user_id\":%" G_GINT64_FORMAT,
                              staff_id);
  assert_trace (hall, leader, by_staff, "matters", "[3,5]");

  hall_test_fails (hall, leader, "stats.trace", HALL_ERROR_INVALID_ARGUMENT, "part",
                   "{\"key\":\"batches\",\"part\":\"denominator\",\"from\":\"2026-01-01\","
                   "\"to\":\"2026-06-30\"}");
  hall_test_fails (hall, leader, "stats.trace", HALL_ERROR_INVALID_ARGUMENT, "key",
                   "{\"key\":\"nothing\",\"from\":\"2026-01-01\",\"to\":\"2026-06-30\"}");
  hall_test_fails (hall, staff, "stats.trace", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"key\":\"batches\",\"from\":\"2026-01-01\",\"to\":\"2026-06-30\"}");
}

/* ---- every figure against the records behind it --------------------------------------------
 *
 * Each figure of stats.summary that the statistics page shows (and its 同比, the year before),
 * traced with the filters the page gives it: the trace's count (its person-times for a persons
 * figure) equals the figure, for every channel, level, outcome, kind, department, window and
 * staff member, and each rate's numerator and denominator. */

typedef struct
{
  HallTestHall *hall;
  const char   *token;
  const char   *from;
  const char   *to;
  guint         n_checked;
} Tracer;

/* The figure @value against stats.trace for @key and @filters ("\"channel\":\"letter\"" or
 * ""); @persons compares the trace's person-times instead of its count. */
static void
check (Tracer     *t,
       gint64      value,
       const char *key,
       const char *filters,
       gboolean    persons)
{
  g_autoptr (JsonObject) r = hall_test_ok (t->hall, t->token, "stats.trace",
                                           "{\"key\":\"%s\",\"from\":\"%s\",\"to\":\"%s\"%s%s}",
                                           key, t->from, t->to, *filters ? "," : "", filters);
  gint64 got = json_object_get_int_member (r, persons ? "persons" : "count");

  if (got != value)
    g_error ("%s {%s} %s in %s..%s: the trace has %" G_GINT64_FORMAT ", the figure %" G_GINT64_FORMAT,
             key, filters, persons ? "persons" : "count", t->from, t->to, got, value);
  t->n_checked++;
}

static void
check_rate (Tracer     *t,
            JsonObject *rate,
            const char *key,
            const char *filters)
{
  g_autofree char *den = g_strdup_printf ("%s%s\"part\":\"denominator\"", filters,
                                          *filters ? "," : "");

  check (t, get (rate, "numerator"), key, filters, FALSE);
  check (t, get (rate, "denominator"), key, den, FALSE);
}

/* The batches and persons figures of @o ("<prefix>batches", "<prefix>persons"). */
static void
check_pair (Tracer     *t,
            JsonObject *o,
            const char *prefix,
            const char *key,
            const char *filters)
{
  g_autofree char *b = g_strconcat (prefix, "batches", NULL);
  g_autofree char *p = g_strconcat (prefix, "persons", NULL);

  check (t, get (o, b), key, filters, FALSE);
  check (t, get (o, p), key, filters, TRUE);
}

static void
check_rows (Tracer     *t,
            JsonObject *o,
            const char *list,
            const char *match,
            const char *key)
{
  JsonArray *rows = json_object_get_array_member (o, list);

  g_assert_cmpuint (json_array_get_length (rows), >, 0);
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject      *row = json_array_get_object_element (rows, i);
      g_autofree char *f = g_strdup_printf ("\"%s\":\"%s\"", match,
                                            json_object_get_string_member (row, match));

      check_pair (t, row, "", key, f);
    }
}

static void
check_period (Tracer     *t,
              JsonObject *p)
{
  static const char *const groups[] = { "", "single_", "collective_", "first_", "repeat_",
                                        "escalated_" };
  static const char *const rates[] = { "decision_on_time", "handling_on_time", "satisfaction",
                                       "participation", "resolution" };
  static const char *const follow_up[][2] = { { "visits", "follow_up_visits" },
                                              { "successful", "follow_up_successful" },
                                              { "satisfied", "follow_up_satisfied" } };
  static const char *const buckets[][2] = { { "matters", "all" }, { "open", "open" }, { "overdue", "overdue" }, { "closed_on_time", "on_time" }, { "closed_late", "late" } };
  static const char *const owners[][2] = { { "by_staff", "user_id" },
                                           { "by_department", "department_id" } };
  JsonArray               *list;

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_autofree char *key = g_strconcat (groups[g], "batches", NULL);
      JsonArray       *channels = json_object_get_array_member (p, "by_channel");

      check_pair (t, p, groups[g], key, "");
      for (guint i = 0; i < json_array_get_length (channels); i++)
        {
          JsonObject      *row = json_array_get_object_element (channels, i);
          g_autofree char *f = g_strdup_printf ("\"channel\":\"%s\"",
                                                json_object_get_string_member (row, "channel"));

          check_pair (t, row, groups[g], key, f);
          if (g == 0)
            check (t, get (row, "matters"), "matters", f, FALSE);
        }
    }
  check (t, get (p, "matters"), "matters", "", FALSE);
  check_pair (t, p, "repeat_petition_", "repeat_petitions", "");
  check_rows (t, p, "by_escalation", "level", "escalated_batches");

  list = json_object_get_array_member (p, "by_department");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject      *row = json_array_get_object_element (list, i);
      g_autofree char *f = g_strdup_printf ("\"department_id\":%" G_GINT64_FORMAT,
                                            get (row, "department_id"));

      check_pair (t, row, "", "batches", f);
      check (t, get (row, "matters"), "matters", f, FALSE);
    }

  check_pair (t, json_object_get_object_member (p, "leader_receptions"), "", "leader_receptions",
              "");
  check_rows (t, json_object_get_object_member (p, "leader_receptions"), "by_outcome", "outcome",
              "leader_receptions");
  check_pair (t, json_object_get_object_member (p, "leader_outreach"), "", "leader_outreach", "");
  check_rows (t, json_object_get_object_member (p, "leader_outreach"), "by_kind", "kind",
              "leader_outreach");

  for (guint i = 0; i < G_N_ELEMENTS (rates); i++)
    check_rate (t, json_object_get_object_member (json_object_get_object_member (p, "rates"), rates[i]),
                rates[i], "");
  for (guint i = 0; i < G_N_ELEMENTS (follow_up); i++)
    check_rate (t,
                json_object_get_object_member (json_object_get_object_member (p, "follow_up"),
                                               follow_up[i][0]),
                follow_up[i][1], "");

  for (guint o = 0; o < 2; o++)
    {
      const char *queue_lists[] = { "by_staff", "by_counter" };
      const char *queue_ids[] = { "user_id", "counter_id" };

      list = json_object_get_array_member (json_object_get_object_member (p, "queue"),
                                           queue_lists[o]);
      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonObject      *row = json_array_get_object_element (list, i);
          g_autofree char *f = g_strdup_printf ("\"%s\":%" G_GINT64_FORMAT, queue_ids[o],
                                                get (row, queue_ids[o]));

          check (t, get (row, "served"), "queue", f, FALSE);
          check_rate (t, json_object_get_object_member (row, "on_site_resolution"), "on_site", f);
        }
      list = json_object_get_array_member (json_object_get_object_member (p, "first_handling"),
                                           owners[o][0]);
      for (guint i = 0; i < json_array_get_length (list); i++)
        {
          JsonObject *row = json_array_get_object_element (list, i);

          for (guint b = 0; b < G_N_ELEMENTS (buckets); b++)
            {
              g_autofree char *f = g_strdup_printf ("\"%s\":%" G_GINT64_FORMAT ",\"bucket\":\"%s\"",
                                                    owners[o][1], get (row, owners[o][1]),
                                                    buckets[b][1]);

              check (t, get (row, buckets[b][0]), "first_handling", f, FALSE);
            }
        }
    }
}

static void
test_every_figure (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *staff = hall_test_add_user (hall, "li", "staff", "chengjian", 2);
  g_autofree char *leader = hall_test_add_user (hall, "sun", "leader", NULL, 0);
  g_autofree char *sql = records (hall_test_user_id (hall, staff), hall_test_user_id (hall, leader));
  g_autoptr (JsonObject) o = NULL;
  g_autoptr (JsonObject) r = NULL;
  JsonObject *cur, *dep = NULL;
  JsonArray  *departments;
  Tracer      t = { hall, leader, "2026-01-01", "2026-06-30", 0 };

  hall_test_exec_sql (hall, sql);
  /* A letter of three to 民政 (department 3), and one of the year before, so that the
   * departments and the 同比 column differ. */
  hall_test_exec_sql (
      hall,
      "INSERT INTO petitioner (id, name, created_at, updated_at) VALUES (7, '周九', 0, 0);"
      "INSERT INTO matter (id, number, query_code, channel, type, department_id, content, "
      "  persons, collective, state, first_department_id, received_date, registered_at, "
      "  decision_due, updated_at) VALUES "
      "  (10, 'XF2026-000010', '101010', 'letter', 'claim', 3, '低保复核', 3, 0, 'registered', 3, "
      "   '2026-06-01', 0, '2026-06-16', 0),"
      "  (11, 'XF2025-000011', '111110', 'letter', 'claim', 3, '低保', 2, 0, 'registered', 3, "
      "   '2025-06-01', 0, '2025-06-16', 0);"
      "INSERT INTO matter_petitioner (matter_id, petitioner_id) VALUES (10, 7), (11, 7);");
  hall_test_set_now (hall, "2026-06-30 10:00");
  o = hall_test_ok (hall, leader, "leader.outreach_record",
                    "{\"kind\":\"invite\",\"date\":\"2026-05-06\",\"place\":\"信访局\","
                    "\"persons\":4,\"matter_ids\":[9]}");

  r = hall_test_ok (hall, leader, "stats.summary", "{\"from\":\"%s\",\"to\":\"%s\"}", t.from, t.to);
  cur = json_object_get_object_member (r, "current");
  departments = json_object_get_array_member (cur, "by_department");
  for (guint i = 0; i < json_array_get_length (departments); i++)
    if (get (json_array_get_object_element (departments, i), "department_id") == 3)
      dep = json_array_get_object_element (departments, i);
  g_assert_nonnull (dep);
  g_assert_cmpint (get (dep, "batches"), ==, 1);
  g_assert_cmpint (get (dep, "persons"), ==, 3);
  check_period (&t, cur);
  /* 同比: the same dates a year earlier, as the page traces its second column */
  t.from = "2025-01-01";
  t.to = "2025-06-30";
  check_period (&t, json_object_get_object_member (r, "previous"));
  g_assert_cmpint (get (json_object_get_object_member (r, "previous"), "batches"), ==, 1);
  g_test_message ("%u figures traced", t.n_checked);
  g_assert_cmpuint (t.n_checked, >, 200);
}

/* 越级访 set at registration and corrected later; the reception's outcome. */
static void
test_escalation_and_outcome (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *staff = hall_test_add_user (hall, "li", "staff", "chengjian", 2);
  g_autofree char *leader = hall_test_add_user (hall, "sun", "leader", NULL, 0);
  g_autoptr (JsonObject) m = NULL;
  g_autoptr (JsonObject) u = NULL;
  g_autoptr (JsonObject) s = NULL;
  g_autoptr (JsonObject) rec = NULL;
  g_autoptr (JsonObject) s2 = NULL;
  gint64 id;

  hall_test_set_now (hall, "2026-06-30 10:00");
  m = hall_test_ok (hall, staff, "matter.register",
                    "{\"channel\":\"letter\",\"type\":\"claim\",\"content\":\"征地补偿\","
                    "\"escalation\":\"city\",\"petitioners\":[{\"name\":\"张伟\"}]}");
  id = json_object_get_int_member (m, "matter_id");
  hall_test_fails (hall, staff, "matter.update", HALL_ERROR_INVALID_ARGUMENT, "escalation",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"escalation\":\"county\"}", id);
  u = hall_test_ok (hall, staff, "matter.update",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"escalation\":\"capital\"}", id);
  s = hall_test_ok (hall, leader, "stats.summary", "{\"from\":\"2026-06-30\",\"to\":\"2026-06-30\"}");
  g_assert_cmpint (
      get (row_of (json_object_get_object_member (s, "current"), "by_escalation", "level",
                   "capital"),
           "batches"),
      ==, 1);

  hall_test_fails (hall, leader, "leader.receive", HALL_ERROR_INVALID_ARGUMENT, "outcome",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"problem\":\"征地补偿\","
                   "\"instructions\":\"解释政策\",\"outcome\":\"ignored\"}",
                   id);
  hall_test_fails (hall, leader, "leader.receive", HALL_ERROR_INVALID_ARGUMENT, "assignments",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"problem\":\"征地补偿\","
                   "\"instructions\":\"解释政策\",\"outcome\":\"assigned\"}",
                   id);
  rec = hall_test_ok (hall, leader, "leader.receive",
                      "{\"matter_id\":%" G_GINT64_FORMAT ",\"problem\":\"征地补偿\","
                      "\"instructions\":\"解释政策\",\"outcome\":\"explained\"}",
                      id);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (rec, "reception"), "outcome"), ==, "explained");
  s2 = hall_test_ok (hall, leader, "stats.summary", "{\"from\":\"2026-06-30\",\"to\":\"2026-06-30\"}");
  g_assert_cmpint (get (row_of (json_object_get_object_member (
                                    json_object_get_object_member (s2, "current"),
                                    "leader_receptions"),
                                "by_outcome", "outcome", "explained"),
                        "batches"),
                   ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats-figures/seed-year", test_seed_year);
  g_test_add_func ("/stats-figures/figures", test_figures);
  g_test_add_func ("/stats-figures/trace", test_trace);
  g_test_add_func ("/stats-figures/escalation-and-outcome", test_escalation_and_outcome);
  g_test_add_func ("/stats-figures/every-figure", test_every_figure);

  return g_test_run ();
}
