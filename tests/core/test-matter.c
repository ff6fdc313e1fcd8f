/* test-matter.c — petitioners and matters: registration, numbering and the regulation's clocks
 * (see also test-matter-access.c and test-matter-cohandling.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-matter"

#include "config.h"

#include "test-matter-fixture.h"

static void
test_register (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) again = NULL;
  g_autoptr (JsonObject) got = NULL;
  g_autofree char *long_content = NULL;
  JsonObject      *matter;
  JsonArray       *petitioners;
  const char      *code;

  at (f, "2026-03-02 09:00");
  r = hall_test_ok (f->hall, f->zhang, "matter.register",
                    "{\"channel\":\"visit\",\"type\":\"claim\",\"category_id\":3,"
                    "\"content\":\"小区电梯长期故障\","
                    "\"petitioners\":[{\"name\":\"张伟\",\"id_number\":\"%s\"}]}",
                    "430102198503151236");
  g_assert_cmpstr (json_object_get_string_member (r, "number"), ==, "XF2026-000001");
  g_assert_false (json_object_get_boolean_member (r, "repeat"));
  g_clear_pointer (&r, json_object_unref);
  /* A phone number with spaces or a wrong length is refused, naming the petitioner's field. */
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT,
                   "petitioners[0].phone",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"x\","
                   "\"petitioners\":[{\"name\":\"张伟\",\"phone\":\"138 1234 5678\"}]}");
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT,
                   "petitioners[0].phone",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"x\","
                   "\"petitioners\":[{\"name\":\"张伟\",\"phone\":\"1381234567\"}]}");

  r = hall_test_ok (
      f->hall, f->zhang, "matter.register",
      "{\"channel\":\"visit\",\"type\":\"claim\",\"category_id\":3,"
      "\"content\":\"小区电梯长期故障\","
      "\"petitioners\":[{\"name\":\"张伟\",\"id_number\":\"%s\",\"phone\":\"13812345678\"}]}",
      ID_ZHANG);
  g_assert_cmpstr (json_object_get_string_member (r, "number"), ==, "XF2026-000002");
  code = json_object_get_string_member (r, "query_code");
  g_assert_cmpint (strlen (code), ==, 6);
  for (const char *p = code; *p; p++)
    g_assert_true (g_ascii_isdigit (*p));
  g_assert_cmpstr (json_object_get_string_member (r, "state"), ==, "registered");
  /* 15 days from the day after receipt: 17 March. */
  g_assert_cmpstr (json_object_get_string_member (r, "decision_due"), ==, "2026-03-17");
  /* The first registration of this person was a moment ago. */
  g_assert_true (json_object_get_boolean_member (r, "repeat"));
  matter = json_object_get_object_member (r, "matter");
  g_assert_cmpint (json_object_get_int_member (matter, "first_user_id"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (matter, "first_counter_id"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (matter, "first_department_id"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (matter, "department_id"), ==, 2);

  /* The same person, not a new record; sex and birth date come from the ID number. */
  got = hall_test_ok (f->hall, f->zhang, "matter.get", "{\"number\":\"xf2026-000002\"}");
  petitioners = json_object_get_array_member (got, "petitioners");
  g_assert_cmpint (json_array_get_length (petitioners), ==, 1);
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (petitioners, 0), "sex"), ==,
      "male");
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (petitioners, 0), "birth_date"),
      ==, "1985-03-15");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (got, "timeline")), ==, 1);

  /* Bad input names the field. */
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT,
                   "petitioners[0].id_number",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"x\","
                   "\"petitioners\":[{\"name\":\"张伟\",\"id_number\":\"430102198503151235\"}]}");
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT,
                   "petitioners[1].name",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"x\","
                   "\"petitioners\":[{\"name\":\"张伟\"},{\"phone\":\"13812345678\"}]}");
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "channel",
                   "{\"channel\":\"fax\",\"type\":\"claim\",\"content\":\"x\",\"petitioners\":[{"
                   "\"name\":\"张伟\"}]}");
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "type",
                   "{\"channel\":\"visit\",\"content\":\"x\",\"petitioners\":[{\"name\":\"张伟\"}]}");
  hall_test_fails (
      f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "petitioners",
      "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"x\",\"petitioners\":[]}");
  hall_test_fails (
      f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "category_id",
      "{\"channel\":\"visit\",\"type\":\"claim\",\"category_id\":999,\"content\":\"x\","
      "\"petitioners\":[{\"name\":\"张伟\"}]}");
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT,
                   "received_date",
                   "{\"channel\":\"letter\",\"type\":\"claim\",\"content\":\"x\",\"received_date\":"
                   "\"2026-03-03\","
                   "\"petitioners\":[{\"name\":\"张伟\"}]}");
  /* The ID number belongs to 张伟: another name with it is a typing mistake somewhere. */
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_CONFLICT, "petitioners[0].name",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"x\","
                   "\"petitioners\":[{\"name\":\"李四\",\"id_number\":\"%s\"}]}",
                   ID_ZHANG);

  /* Wrong types name the field; SQL metacharacters are only text. */
  hall_test_fails (
      f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "persons",
      "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"x\",\"persons\":\"five\","
      "\"petitioners\":[{\"name\":\"张伟\"}]}");
  hall_test_fails (
      f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "petitioners[0]",
      "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"x\",\"petitioners\":[\"张伟\"]}");
  hall_test_fails (
      f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "petitioners[0].name",
      "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"x\","
      "\"petitioners\":[{\"name\":\"%s\"}]}",
      "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一");
  {
    g_autoptr (JsonObject) sql = hall_test_ok (f->hall, f->zhang, "matter.register",
                                               "{\"channel\":\"online\",\"type\":\"suggestion\","
                                               "\"content\":\"'); DROP TABLE matter;--\","
                                               "\"petitioners\":[{\"name\":\"O'Brien\"}]}");
    g_assert_cmpstr (matter_member (sql, "content"), ==, "'); DROP TABLE matter;--");
    g_assert_cmpstr (json_object_get_string_member (sql, "number"), ==, "XF2026-000003");
  }

  /* Over-long content is refused, naming the field, and nothing is half-written. */
  {
    GString *s = g_string_new (NULL);
    for (int i = 0; i < 4001; i++)
      g_string_append (s, "访");
    long_content = g_string_free (s, FALSE);
  }
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "content",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"%s\","
                   "\"petitioners\":[{\"name\":\"王五\"}]}",
                   long_content);
  again = hall_test_ok (f->hall, f->zhang, "matter.register",
                        "{\"channel\":\"letter\",\"type\":\"suggestion\",\"content\":\"建议增设公交线路\","
                        "\"received_date\":\"2026-02-27\",\"petitioners\":[{\"name\":\"王五\"}]}");
  /* Numbers stay sequential: the refused registrations took none. Received on Friday 27 February:
   * 15 days end on Saturday 14 March, so the decision is due on Monday 16 March. */
  g_assert_cmpstr (json_object_get_string_member (again, "number"), ==, "XF2026-000004");
  g_assert_cmpstr (json_object_get_string_member (again, "decision_due"), ==, "2026-03-16");
  g_assert_false (json_object_get_boolean_member (again, "repeat"));
}

static void
test_litigation (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) by_category = NULL;
  JsonArray  *windows;
  const char *codes[] = { "gongan", "fayuan", "jianchayuan", "sifa" };
  gint64      matter_id;

  at (f, "2026-03-02 09:00");
  r = hall_test_ok (
      f->hall, f->zhang, "matter.register",
      "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"不服法院判决\",\"litigation\":true,"
      "\"petitioners\":[{\"name\":\"刘芳\",\"id_number\":\"%s\"}]}",
      ID_LIU);
  g_assert_cmpstr (json_object_get_string_member (r, "state"), ==, "litigation");
  windows = json_object_get_array_member (r, "legal_windows");
  g_assert_cmpint (json_array_get_length (windows), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *w = json_array_get_object_element (windows, i);
      JsonArray  *counters = json_object_get_array_member (w, "counters");

      g_assert_cmpstr (json_object_get_string_member (w, "code"), ==, codes[i]);
      g_assert_cmpint (json_array_get_length (counters), ==, 1);
      g_assert_cmpint (json_array_get_int_element (counters, 0), ==, 9 + i);
    }
  g_assert_nonnull (json_object_get_string_member (r, "guidance"));

  /* Not accepted: it cannot be accepted or assigned afterwards. */
  matter_id = json_object_get_int_member (r, "matter_id");
  hall_test_fails (f->hall, f->zhang, "matter.accept", HALL_ERROR_CONFLICT, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);
  hall_test_fails (f->hall, f->zhang, "matter.assign", HALL_ERROR_CONFLICT, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT
                   ",\"department_id\":10,\"deadline\":\"2026-03-20\"}",
                   matter_id);

  /* A litigation category (诉讼相关, id 17) alone is enough. */
  by_category = hall_test_ok (
      f->hall, f->zhang, "matter.register",
      "{\"channel\":\"visit\",\"type\":\"claim\",\"category_id\":17,\"content\":\"执行款未到位\","
      "\"petitioners\":[{\"name\":\"刘芳\",\"id_number\":\"%s\"}]}",
      ID_LIU);
  g_assert_cmpstr (json_object_get_string_member (by_category, "state"), ==, "litigation");
  g_assert_true (json_object_get_boolean_member (by_category, "repeat"));
}

static void
test_representatives (Fixture      *f,
                      gconstpointer data)
{
  GString         *six = g_string_new (NULL);
  GString         *five = g_string_new (NULL);
  g_autofree char *six_json = NULL;
  g_autofree char *five_json = NULL;
  g_autoptr (JsonObject) r = NULL;

  at (f, "2026-03-02 09:00");
  for (int i = 0; i < 6; i++)
    g_string_append_printf (six, "%s{\"name\":\"代表%c\",\"role\":\"representative\"}",
                            i ? "," : "", 'A' + i);
  for (int i = 0; i < 5; i++)
    g_string_append_printf (five, "{\"name\":\"代表%c\",\"role\":\"representative\"},", 'A' + i);
  g_string_append (five, "{\"name\":\"群众甲\"}");
  six_json = g_string_free (six, FALSE);
  five_json = g_string_free (five, FALSE);
  hall_test_fails (f->hall, f->wang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "petitioners",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"集体讨薪\",\"persons\":40,"
                   "\"petitioners\":[%s]}",
                   six_json);
  hall_test_fails (
      f->hall, f->wang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "petitioners[0].role",
      "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"集体讨薪\",\"persons\":40,"
      "\"petitioners\":[{\"name\":\"甲\",\"role\":\"leader\"}]}");
  hall_test_fails (f->hall, f->wang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "persons",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"集体讨薪\",\"persons\":1,"
                   "\"petitioners\":[{\"name\":\"甲\"},{\"name\":\"乙\"}]}");

  r = hall_test_ok (
      f->hall, f->wang, "matter.register",
      "{\"channel\":\"visit\",\"type\":\"claim\",\"category_id\":7,\"content\":\"集体讨薪\","
      "\"persons\":40,\"petitioners\":[%s]}",
      five_json);
  g_assert_true (
      json_object_get_boolean_member (json_object_get_object_member (r, "matter"), "collective"));
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (r, "matter"), "persons"), ==, 40);
  /* A manager without a department registers for the category's department (人社). */
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "matter"),
                                               "first_department_id"),
                   ==, 5);
}

static const char *
timeline_kind (JsonArray *timeline,
               guint      i)
{
  return json_object_get_string_member (json_array_get_object_element (timeline, i), "kind");
}

static void
test_lifecycle (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) got = NULL;
  gint64      id;
  JsonArray  *timeline, *assignments;
  const char *kinds[] = {
    "registered",
    "accepted",
    "assigned",
    "objected",
    "assigned",
    "extended",
    "replied",
    "review_requested",
    "reviewed",
    "rereview_requested",
    "rereviewed",
    "closed",
  };

#define RESULT(cmd, token, ...)                          \
  G_STMT_START                                           \
  {                                                      \
    g_clear_pointer (&r, json_object_unref);             \
    r = hall_test_ok (f->hall, token, cmd, __VA_ARGS__); \
  }                                                      \
  G_STMT_END

  at (f, "2026-03-02 09:00");
  id = register_matter (f, f->zhang, NULL);

  /* Accepted the same day: 60 days end on 1 May, a holiday until 5 May, so 6 May. */
  RESULT ("matter.accept", f->zhang, "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
  g_assert_cmpstr (matter_member (r, "state"), ==, "accepted");
  g_assert_cmpstr (matter_member (r, "handling_due"), ==, "2026-05-06");
  hall_test_fails (f->hall, f->zhang, "matter.accept", HALL_ERROR_CONFLICT, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", id);

  /* Assigned to 民政; 民政 objects on the fifth working day. */
  hall_test_fails (
      f->hall, f->zhang, "matter.assign", HALL_ERROR_INVALID_ARGUMENT, "deadline",
      "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":3,\"deadline\":\"2026-06-01\"}", id);
  hall_test_fails (
      f->hall, f->zhang, "matter.assign", HALL_ERROR_INVALID_ARGUMENT, "department_id",
      "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":99,\"deadline\":\"2026-04-30\"}", id);
  RESULT ("matter.assign", f->zhang,
          "{\"matter_id\":%" G_GINT64_FORMAT
          ",\"department_id\":3,\"deadline\":\"2026-04-30\",\"note\":\"请核查\"}",
          id);
  g_assert_cmpstr (matter_member (r, "state"), ==, "assigned");
  at (f, "2026-03-09 16:00");
  /* 人社 is not the department it was assigned to. */
  hall_test_fails (f->hall, f->sun, "matter.object", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"不属本部门\"}", id);
  hall_test_fails (f->hall, f->li, "matter.object", HALL_ERROR_INVALID_ARGUMENT, "reason",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
  RESULT ("matter.object", f->li,
          "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"物业纠纷不属民政职责\"}", id);
  g_assert_cmpstr (matter_member (r, "state"), ==, "objected");
  /* Back to the first receiver's department. */
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (r, "matter"), "department_id"), ==,
      2);
  hall_test_fails (f->hall, f->li, "matter.get", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", id);

  /* Reassigned to 人社 on Tuesday 10 March: the objection window ends on Tuesday 17 March. */
  at (f, "2026-03-10 09:00");
  RESULT ("matter.assign", f->zhang,
          "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":5,\"deadline\":\"2026-04-30\"}",
          id);
  at (f, "2026-03-18 09:00");
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (JsonObject) params = hall_test_parse_object ("{\"reason\":\"不属本部门\"}");
    g_autoptr (JsonObject) none = NULL;

    json_object_set_int_member (params, "matter_id", id);
    none = hall_engine_call_sync (f->hall->engine, f->sun, "matter.object", params, "127.0.0.1",
                                  &error);
    g_assert_error (error, HALL_ERROR, HALL_ERROR_CONFLICT);
    g_assert_nonnull (strstr (error->message, "2026-03-17"));
  }

  /* Extension: once, at most 30 days, with reason and approver. The 60 days from 2 March end on
   * Friday 1 May, inside 劳动节, so on Wednesday 6 May; 30 more days from there end on Friday
   * 5 June. */
  hall_test_fails (f->hall, f->sun, "matter.extend", HALL_ERROR_INVALID_ARGUMENT, "days",
                   "{\"matter_id\":%" G_GINT64_FORMAT
                   ",\"days\":31,\"reason\":\"情况复杂\",\"approver\":\"赵局长\"}",
                   id);
  hall_test_fails (f->hall, f->sun, "matter.extend", HALL_ERROR_INVALID_ARGUMENT, "approver",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"days\":30,\"reason\":\"情况复杂\"}", id);
  hall_test_fails (f->hall, f->sun, "matter.extend", HALL_ERROR_INVALID_ARGUMENT, "reason",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"days\":30,\"approver\":\"赵局长\"}", id);
  RESULT ("matter.extend", f->sun,
          "{\"matter_id\":%" G_GINT64_FORMAT
          ",\"days\":30,\"reason\":\"需现场勘验\",\"approver\":\"赵局长\"}",
          id);
  g_assert_cmpstr (matter_member (r, "handling_due"), ==, "2026-06-05");
  hall_test_fails (f->hall, f->sun, "matter.extend", HALL_ERROR_CONFLICT, "days",
                   "{\"matter_id\":%" G_GINT64_FORMAT
                   ",\"days\":5,\"reason\":\"再延\",\"approver\":\"赵局长\"}",
                   id);

  /* The reply opens the 30-day review window: 10 April + 30 = Sunday 10 May → 11 May. */
  at (f, "2026-04-10 10:00");
  hall_test_fails (f->hall, f->sun, "matter.close", HALL_ERROR_CONFLICT, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT
                   ",\"satisfaction\":\"satisfied\",\"outcome\":\"resolved\"}",
                   id);
  hall_test_fails (f->hall, f->sun, "matter.reply", HALL_ERROR_INVALID_ARGUMENT, "opinion",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"facts\":\"经查属实\",\"basis\":\"《信访工作条例》第三十二条\",\"opinion\":\"maybe\",\"text\":\"x\"}", id);
  /* The facts found and the basis are required, each named. */
  hall_test_fails (f->hall, f->sun, "matter.reply", HALL_ERROR_INVALID_ARGUMENT, "facts",
                   "{\"matter_id\":%" G_GINT64_FORMAT
                   ",\"basis\":\"条例\",\"opinion\":\"support\",\"text\":\"x\"}",
                   id);
  hall_test_fails (f->hall, f->sun, "matter.reply", HALL_ERROR_INVALID_ARGUMENT, "basis",
                   "{\"matter_id\":%" G_GINT64_FORMAT
                   ",\"facts\":\"属实\",\"basis\":\"  \",\"opinion\":\"support\",\"text\":\"x\"}",
                   id);
  RESULT ("matter.reply", f->sun,
          "{\"matter_id\":%" G_GINT64_FORMAT
          ",\"facts\":\"经查属实\",\"basis\":\"《信访工作条例》第三十二条\",\"opinion\":\"support\",\"text\":\"责成物业七日内修复电梯。\"}",
          id);
  g_assert_cmpstr (matter_member (r, "state"), ==, "replied");
  /* The written reply's parts, each in its own field (条例 32). */
  g_assert_cmpstr (matter_member (r, "reply_facts"), ==, "经查属实");
  g_assert_cmpstr (matter_member (r, "reply_basis"), ==, "《信访工作条例》第三十二条");
  g_assert_cmpstr (matter_member (r, "reply_text"), ==, "责成物业七日内修复电梯。");
  g_assert_cmpstr (matter_member (r, "review_request_until"), ==, "2026-05-11");
  g_assert_false (
      json_object_get_int_member (json_object_get_object_member (r, "matter"), "reply_late"));

  /* Review asked for after the window: refused. Dated on the last day (a letter): accepted. */
  at (f, "2026-05-12 09:00");
  hall_test_fails (f->hall, f->zhang, "matter.review_request", HALL_ERROR_CONFLICT, "request_date",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"不服\"}", id);
  RESULT ("matter.review_request", f->zhang,
          "{\"matter_id\":%" G_GINT64_FORMAT
          ",\"reason\":\"电梯仍未修复\",\"request_date\":\"2026-05-11\"}",
          id);
  g_assert_cmpstr (matter_member (r, "state"), ==, "review");
  g_assert_cmpstr (matter_member (r, "review_due"), ==, "2026-06-10");

  /* Answered late: recorded as late. */
  at (f, "2026-06-15 09:00");
  RESULT ("matter.review_reply", f->wang,
          "{\"matter_id\":%" G_GINT64_FORMAT ",\"facts\":\"经查属实\",\"basis\":\"《信访工作条例》第三十二条\",\"opinion\":\"uphold\",\"text\":\"维持原处理意见\"}", id);
  g_assert_cmpstr (matter_member (r, "state"), ==, "reviewed");
  g_assert_cmpstr (matter_member (r, "review_facts"), ==, "经查属实");
  g_assert_cmpstr (matter_member (r, "review_opinion"), ==, "uphold");
  g_assert_true (
      json_object_get_int_member (json_object_get_object_member (r, "matter"), "review_late"));
  g_assert_cmpstr (matter_member (r, "rereview_request_until"), ==, "2026-07-15");

  at (f, "2026-07-01 09:00");
  RESULT ("matter.rereview_request", f->zhang,
          "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"仍不服\"}", id);
  g_assert_cmpstr (matter_member (r, "rereview_due"), ==, "2026-07-31");
  at (f, "2026-07-20 09:00");
  RESULT ("matter.rereview_reply", f->zhao,
          "{\"matter_id\":%" G_GINT64_FORMAT ",\"facts\":\"经查属实\",\"basis\":\"《信访工作条例》第三十二条\",\"opinion\":\"revise\",\"text\":\"责令限期更换电梯\"}", id);
  hall_test_fails (f->hall, f->zhang, "matter.review_request", HALL_ERROR_CONFLICT, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"再次\"}", id);

  hall_test_fails (f->hall, f->zhang, "matter.close", HALL_ERROR_INVALID_ARGUMENT, "outcome",
                   "{\"matter_id\":%" G_GINT64_FORMAT
                   ",\"satisfaction\":\"basic\",\"outcome\":\"forgotten\"}",
                   id);
  RESULT ("matter.close", f->zhang,
          "{\"matter_id\":%" G_GINT64_FORMAT
          ",\"satisfaction\":\"basic\",\"outcome\":\"resolved\"}",
          id);
  g_assert_cmpstr (matter_member (r, "state"), ==, "closed");
  g_assert_cmpstr (matter_member (r, "satisfaction"), ==, "basic");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (
                       json_object_get_object_member (r, "matter"), "clocks")),
                   ==, 0);

  /* Every step is on the timeline, with who did it. */
  got = hall_test_ok (f->hall, f->wang, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
  timeline = json_object_get_array_member (got, "timeline");
  g_assert_cmpint (json_array_get_length (timeline), ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_assert_cmpstr (timeline_kind (timeline, i), ==, kinds[i]);
      g_assert_cmpint (
          json_object_get_int_member (json_array_get_object_element (timeline, i), "at"), >, 0);
      g_assert_false (
          json_object_get_null_member (json_array_get_object_element (timeline, i), "user_id"));
    }
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (timeline, 5), "user_name"), ==,
      "sun");
  assignments = json_object_get_array_member (got, "assignments");
  g_assert_cmpint (json_array_get_length (assignments), ==, 2);
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (assignments, 0), "state"), ==,
      "objected");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (assignments, 0),
                                                  "objection_until"),
                   ==, "2026-03-09");
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (assignments, 1), "state"), ==,
      "done");
#undef RESULT
}

static void
test_decision_clock (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) due = NULL;
  g_autoptr (JsonObject) mine = NULL;
  g_autoptr (JsonObject) list = NULL;
  JsonObject *entry;
  gint64      late, on_time;

  at (f, "2026-03-02 09:00");
  late = register_matter (f, f->zhang, NULL);
  on_time = register_matter (f, f->zhang, NULL);

  /* The day before the decision is due: due soon, one day left. */
  at (f, "2026-03-16 09:00");
  due = hall_test_ok (f->hall, f->wang, "matter.due", NULL);
  g_assert_cmpint (json_object_get_int_member (due, "due_soon"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (due, "overdue"), ==, 0);
  entry = json_array_get_object_element (json_object_get_array_member (due, "entries"), 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "clock"), ==, "decision");
  g_assert_cmpint (json_object_get_int_member (entry, "days_left"), ==, 1);

  r = hall_test_ok (f->hall, f->zhang, "matter.accept", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                    on_time);
  g_assert_false (
      json_object_get_int_member (json_object_get_object_member (r, "matter"), "decision_late"));

  /* Past the 15 days: the decline is still recorded, as late; a reason is required. */
  at (f, "2026-03-18 09:00");
  g_clear_pointer (&due, json_object_unref);
  due = hall_test_ok (f->hall, f->zhang, "matter.due", "{\"first_received_by\":\"me\"}");
  g_assert_cmpint (json_object_get_int_member (due, "overdue"), ==, 1);
  entry = json_array_get_object_element (json_object_get_array_member (due, "entries"), 0);
  g_assert_cmpint (json_object_get_int_member (entry, "matter_id"), ==, late);
  g_assert_cmpint (json_object_get_int_member (entry, "days_left"), ==, -1);
  mine = hall_test_ok (f->hall, f->li, "matter.due", NULL);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (mine, "entries")), ==, 0);

  list = hall_test_ok (f->hall, f->wang, "matter.list", "{\"overdue\":true}");
  g_assert_cmpint (json_object_get_int_member (list, "total"), ==, 1);

  hall_test_fails (f->hall, f->zhang, "matter.decline", HALL_ERROR_INVALID_ARGUMENT, "reason",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", late);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->zhang, "matter.decline",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"已经法定途径处理\"}", late);
  g_assert_cmpstr (matter_member (r, "state"), ==, "declined");
  g_assert_true (
      json_object_get_int_member (json_object_get_object_member (r, "matter"), "decision_late"));
}

/* An extension always adds time: it counts on from the handling deadline as the calendar moved
 * it (民法典 203), not as 60 + N days from acceptance, which can fall in the same holiday. */
static void
test_extension_over_holiday (Fixture      *f,
                             gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) got = NULL;
  JsonObject *extended;
  gint64      id;

  /* Accepted Monday 2 March: the 60th day is Friday 1 May, 劳动节 (1–5 May), so Wednesday 6 May.
   * 62 days from acceptance would be Sunday 3 May, inside the holiday too: the same 6 May. */
  at (f, "2026-03-02 09:00");
  id = register_matter (f, f->zhang, NULL);
  r = hall_test_ok (f->hall, f->zhang, "matter.accept", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                    id);
  g_assert_cmpstr (matter_member (r, "handling_due"), ==, "2026-05-06");
  g_clear_pointer (&r, json_object_unref);

  /* Two days more from Wednesday 6 May: Friday 8 May. */
  at (f, "2026-04-28 09:00");
  r = hall_test_ok (f->hall, f->zhang, "matter.extend",
                    "{\"matter_id\":%" G_GINT64_FORMAT
                    ",\"days\":2,\"reason\":\"需调取档案\",\"approver\":\"赵局长\"}",
                    id);
  g_assert_cmpstr (matter_member (r, "handling_due"), ==, "2026-05-08");

  got = hall_test_ok (f->hall, f->zhang, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                      id);
  /* (Half the period gone with no progress note, the hall also flagged it for 督办.) */
  extended = hall_test_find_timeline (got, "extended");
  g_assert_nonnull (extended);
  {
    JsonObject *detail = json_object_get_object_member (extended, "detail");

    g_assert_cmpstr (json_object_get_string_member (detail, "handling_due_before"), ==,
                     "2026-05-06");
    g_assert_cmpstr (json_object_get_string_member (detail, "handling_due"), ==, "2026-05-08");
  }
}

static void
test_objection_over_holiday (Fixture      *f,
                             gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) due = NULL;
  gint64 id;

  /* Assigned on 30 September: 国庆 runs 1–7 October and Saturday 10 October is a make-up working
   * day, so the fifth working day is Tuesday 13 October. */
  at (f, "2026-09-30 10:00");
  id = register_matter (f, f->zhang, NULL);
  r = hall_test_ok (
      f->hall, f->zhang, "matter.assign",
      "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":3,\"deadline\":\"2026-11-20\"}", id);
  /* Assigning a matter still waiting for its decision accepts it. */
  g_assert_nonnull (matter_member (r, "accepted_date"));

  at (f, "2026-10-12 10:00");
  due = hall_test_ok (f->hall, f->li, "matter.due", NULL);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (due, "entries")), ==, 1);
  g_assert_cmpstr (
      json_object_get_string_member (
          json_array_get_object_element (json_object_get_array_member (due, "entries"), 0),
          "clock"),
      ==, "objection");

  at (f, "2026-10-13 17:00");
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->li, "matter.object",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"非本部门职责\"}", id);
  g_assert_cmpstr (matter_member (r, "state"), ==, "objected");

  /* The first receiver reassigns it; on the sixth working day the objection is too late. */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (
      f->hall, f->zhang, "matter.assign",
      "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":4,\"deadline\":\"2026-11-20\"}", id);
  at (f, "2026-10-21 09:00");
  {
    g_autofree char *token = hall_test_add_user (f->hall, "zhou", "staff", "ziranziyuan", 0);
    hall_test_fails (f->hall, token, "matter.object", HALL_ERROR_CONFLICT, "matter_id",
                     "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"非本部门职责\"}", id);
  }
}

typedef struct
{
  guint      pending;
  GPtrArray *numbers;
} Burst;

static void
registered_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Burst *burst = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) r = hall_engine_call_finish (HALL_ENGINE (source), result, &error);

  g_assert_no_error (error);
  g_ptr_array_add (burst->numbers, g_strdup (json_object_get_string_member (r, "number")));
  burst->pending--;
}

static void
test_concurrent_numbers (Fixture      *f,
                         gconstpointer data)
{
  Burst burst = { 0, g_ptr_array_new_with_free_func (g_free) };
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const guint n = 60;

  /* Two windows register at once: every matter gets its own number, none is skipped. */
  at (f, "2026-03-02 09:00");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *json =
          g_strdup_printf ("{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"第%u件\","
                           "\"petitioners\":[{\"name\":\"来访人%u\"}]}",
                           i, i);
      g_autoptr (JsonObject) params = hall_test_parse_object (json);

      burst.pending++;
      hall_engine_call_async (f->hall->engine, i % 2 ? f->zhang : f->li, "matter.register", params,
                              "127.0.0.1", NULL, registered_cb, &burst);
    }
  while (burst.pending > 0)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < burst.numbers->len; i++)
    g_assert_true (g_hash_table_add (seen, burst.numbers->pdata[i]));
  for (guint i = 1; i <= n; i++)
    {
      g_autofree char *number = g_strdup_printf ("XF2026-%06u", i);
      g_assert_true (g_hash_table_contains (seen, number));
    }
  g_ptr_array_unref (burst.numbers);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/matter/register", test_register);
  ADD ("/matter/litigation", test_litigation);
  ADD ("/matter/representatives", test_representatives);
  ADD ("/matter/lifecycle", test_lifecycle);
  ADD ("/matter/decision-clock", test_decision_clock);
  ADD ("/matter/objection-over-holiday", test_objection_over_holiday);
  ADD ("/matter/extension-over-holiday", test_extension_over_holiday);
  ADD ("/matter/concurrent-numbers", test_concurrent_numbers);

  return g_test_run ();
}
