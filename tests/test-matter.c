/* test-matter.c — petitioners and matters: registration, the regulation's clocks, row-level
 * access, audited reads and the kiosk's status check
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-matter"

#include "config.h"

#include "hall-test-util.h"

/* Valid ID numbers (GB 11643 check characters computed) */
#define ID_ZHANG "430102198503151236"  /* male, 1985-03-15 */
#define ID_LIU "11010519491231002X"    /* female, 1949-12-31 */

typedef struct
{
  HallTestHall *hall;
  char *zhang;   /* staff, 城建 (2), counter 2 */
  char *zhang2;  /* staff, 城建, counter 4 */
  char *li;      /* staff, 民政 (3), counter 3 */
  char *sun;     /* staff, 人社 (5), counter 5 */
  char *wang;    /* manager */
  char *zhao;    /* leader */
  char *kiosk;
  char *admin;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->hall = hall_test_hall_new ();
  f->admin = hall_test_add_user (f->hall, "admin", "admin", NULL, 0);
  f->zhang = hall_test_add_user (f->hall, "zhang", "staff", "chengjian", 2);
  f->zhang2 = hall_test_add_user (f->hall, "zhang2", "staff", "chengjian", 4);
  f->li = hall_test_add_user (f->hall, "li", "staff", "minzheng", 3);
  f->sun = hall_test_add_user (f->hall, "sun", "staff", "renshe", 5);
  f->wang = hall_test_add_user (f->hall, "wang", "manager", NULL, 0);
  f->zhao = hall_test_add_user (f->hall, "zhao", "leader", NULL, 0);
  f->kiosk = hall_test_add_user (f->hall, "kiosk", "kiosk", NULL, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->zhang);
  g_free (f->zhang2);
  g_free (f->li);
  g_free (f->sun);
  g_free (f->wang);
  g_free (f->zhao);
  g_free (f->kiosk);
  g_free (f->admin);
  hall_test_hall_free (f->hall);
}

static void
at (Fixture    *f,
    const char *local)
{
  hall_engine_set_now (f->hall->engine, hall_test_time (local));
}

/* Registers a matter for 张伟 by @token and returns its id. */
static gint64
register_matter (Fixture    *f,
                 const char *token,
                 const char *extra)
{
  g_autoptr (JsonObject) r = hall_test_ok (f->hall, token, "matter.register",
                                           "{\"channel\":\"visit\",\"type\":\"claim\",\"category_id\":3,"
                                           "\"content\":\"小区电梯长期故障，物业不予维修。\","
                                           "\"petitioners\":[{\"name\":\"张伟\",\"id_number\":\"%s\","
                                           "\"phone\":\"13812345678\",\"address\":\"城关镇建设路8号\"}]%s}",
                                           ID_ZHANG, extra ? extra : "");
  return json_object_get_int_member (r, "matter_id");
}

static const char *
matter_member (JsonObject *result,
               const char *member)
{
  return json_object_get_string_member (json_object_get_object_member (result, "matter"), member);
}

static void
test_register (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) again = NULL;
  g_autoptr (JsonObject) got = NULL;
  g_autofree char *long_content = NULL;
  JsonObject *matter;
  JsonArray *petitioners;
  const char *code;

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
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "petitioners[0].phone",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"x\","
                   "\"petitioners\":[{\"name\":\"张伟\",\"phone\":\"138 1234 5678\"}]}");
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "petitioners[0].phone",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"x\","
                   "\"petitioners\":[{\"name\":\"张伟\",\"phone\":\"1381234567\"}]}");

  r = hall_test_ok (f->hall, f->zhang, "matter.register",
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
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (petitioners, 0), "sex"), ==, "male");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (petitioners, 0), "birth_date"),
                   ==, "1985-03-15");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (got, "timeline")), ==, 1);

  /* Bad input names the field. */
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "petitioners[0].id_number",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"x\","
                   "\"petitioners\":[{\"name\":\"张伟\",\"id_number\":\"430102198503151235\"}]}");
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "petitioners[1].name",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"x\","
                   "\"petitioners\":[{\"name\":\"张伟\"},{\"phone\":\"13812345678\"}]}");
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "channel",
                   "{\"channel\":\"fax\",\"type\":\"claim\",\"content\":\"x\",\"petitioners\":[{\"name\":\"张伟\"}]}");
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "type",
                   "{\"channel\":\"visit\",\"content\":\"x\",\"petitioners\":[{\"name\":\"张伟\"}]}");
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "petitioners",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"x\",\"petitioners\":[]}");
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "category_id",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"category_id\":999,\"content\":\"x\","
                   "\"petitioners\":[{\"name\":\"张伟\"}]}");
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "received_date",
                   "{\"channel\":\"letter\",\"type\":\"claim\",\"content\":\"x\",\"received_date\":\"2026-03-03\","
                   "\"petitioners\":[{\"name\":\"张伟\"}]}");
  /* The ID number belongs to 张伟: another name with it is a typing mistake somewhere. */
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_CONFLICT, "petitioners[0].name",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"x\","
                   "\"petitioners\":[{\"name\":\"李四\",\"id_number\":\"%s\"}]}", ID_ZHANG);

  /* Wrong types name the field; SQL metacharacters are only text. */
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "persons",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"x\",\"persons\":\"five\","
                   "\"petitioners\":[{\"name\":\"张伟\"}]}");
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "petitioners[0]",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"x\",\"petitioners\":[\"张伟\"]}");
  hall_test_fails (f->hall, f->zhang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "petitioners[0].name",
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
                   "\"petitioners\":[{\"name\":\"王五\"}]}", long_content);
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
test_litigation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) by_category = NULL;
  JsonArray *windows;
  const char *codes[] = { "gongan", "fayuan", "jianchayuan", "sifa" };
  gint64 matter_id;

  at (f, "2026-03-02 09:00");
  r = hall_test_ok (f->hall, f->zhang, "matter.register",
                    "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"不服法院判决\",\"litigation\":true,"
                    "\"petitioners\":[{\"name\":\"刘芳\",\"id_number\":\"%s\"}]}", ID_LIU);
  g_assert_cmpstr (json_object_get_string_member (r, "state"), ==, "litigation");
  windows = json_object_get_array_member (r, "legal_windows");
  g_assert_cmpint (json_array_get_length (windows), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *w = json_array_get_object_element (windows, i);
      JsonArray *counters = json_object_get_array_member (w, "counters");

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
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":10,\"deadline\":\"2026-03-20\"}",
                   matter_id);

  /* A litigation category (诉讼相关, id 17) alone is enough. */
  by_category = hall_test_ok (f->hall, f->zhang, "matter.register",
                              "{\"channel\":\"visit\",\"type\":\"claim\",\"category_id\":17,\"content\":\"执行款未到位\","
                              "\"petitioners\":[{\"name\":\"刘芳\",\"id_number\":\"%s\"}]}", ID_LIU);
  g_assert_cmpstr (json_object_get_string_member (by_category, "state"), ==, "litigation");
  g_assert_true (json_object_get_boolean_member (by_category, "repeat"));
}

static void
test_representatives (Fixture       *f,
                      gconstpointer  data)
{
  GString *six = g_string_new (NULL);
  GString *five = g_string_new (NULL);
  g_autofree char *six_json = NULL;
  g_autofree char *five_json = NULL;
  g_autoptr (JsonObject) r = NULL;

  at (f, "2026-03-02 09:00");
  for (int i = 0; i < 6; i++)
    g_string_append_printf (six, "%s{\"name\":\"代表%c\",\"role\":\"representative\"}", i ? "," : "", 'A' + i);
  for (int i = 0; i < 5; i++)
    g_string_append_printf (five, "{\"name\":\"代表%c\",\"role\":\"representative\"},", 'A' + i);
  g_string_append (five, "{\"name\":\"群众甲\"}");
  six_json = g_string_free (six, FALSE);
  five_json = g_string_free (five, FALSE);
  hall_test_fails (f->hall, f->wang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "petitioners",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"集体讨薪\",\"persons\":40,"
                   "\"petitioners\":[%s]}", six_json);
  hall_test_fails (f->hall, f->wang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "petitioners[0].role",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"集体讨薪\",\"persons\":40,"
                   "\"petitioners\":[{\"name\":\"甲\",\"role\":\"leader\"}]}");
  hall_test_fails (f->hall, f->wang, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "persons",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"集体讨薪\",\"persons\":1,"
                   "\"petitioners\":[{\"name\":\"甲\"},{\"name\":\"乙\"}]}");

  r = hall_test_ok (f->hall, f->wang, "matter.register",
                    "{\"channel\":\"visit\",\"type\":\"claim\",\"category_id\":7,\"content\":\"集体讨薪\","
                    "\"persons\":40,\"petitioners\":[%s]}", five_json);
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (r, "matter"), "collective"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "matter"), "persons"), ==, 40);
  /* A manager without a department registers for the category's department (人社). */
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "matter"), "first_department_id"),
                   ==, 5);
}

static const char *
timeline_kind (JsonArray *timeline,
               guint      i)
{
  return json_object_get_string_member (json_array_get_object_element (timeline, i), "kind");
}

static void
test_lifecycle (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) got = NULL;
  gint64 id;
  JsonArray *timeline, *assignments;
  const char *kinds[] = {
    "registered", "accepted", "assigned", "objected", "assigned", "extended", "replied",
    "review_requested", "reviewed", "rereview_requested", "rereviewed", "closed",
  };

#define RESULT(cmd, token, ...) \
  G_STMT_START { g_clear_pointer (&r, json_object_unref); r = hall_test_ok (f->hall, token, cmd, __VA_ARGS__); } G_STMT_END

  at (f, "2026-03-02 09:00");
  id = register_matter (f, f->zhang, NULL);

  /* Accepted the same day: 60 days end on 1 May, a holiday until 5 May, so 6 May. */
  RESULT ("matter.accept", f->zhang, "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
  g_assert_cmpstr (matter_member (r, "state"), ==, "accepted");
  g_assert_cmpstr (matter_member (r, "handling_due"), ==, "2026-05-06");
  hall_test_fails (f->hall, f->zhang, "matter.accept", HALL_ERROR_CONFLICT, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", id);

  /* Assigned to 民政; 民政 objects on the fifth working day. */
  hall_test_fails (f->hall, f->zhang, "matter.assign", HALL_ERROR_INVALID_ARGUMENT, "deadline",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":3,\"deadline\":\"2026-06-01\"}", id);
  hall_test_fails (f->hall, f->zhang, "matter.assign", HALL_ERROR_INVALID_ARGUMENT, "department_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":99,\"deadline\":\"2026-04-30\"}", id);
  RESULT ("matter.assign", f->zhang,
          "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":3,\"deadline\":\"2026-04-30\",\"note\":\"请核查\"}", id);
  g_assert_cmpstr (matter_member (r, "state"), ==, "assigned");
  at (f, "2026-03-09 16:00");
  /* 人社 is not the department it was assigned to. */
  hall_test_fails (f->hall, f->sun, "matter.object", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"不属本部门\"}", id);
  hall_test_fails (f->hall, f->li, "matter.object", HALL_ERROR_INVALID_ARGUMENT, "reason",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
  RESULT ("matter.object", f->li, "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"物业纠纷不属民政职责\"}", id);
  g_assert_cmpstr (matter_member (r, "state"), ==, "objected");
  /* Back to the first receiver's department. */
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "matter"), "department_id"), ==, 2);
  hall_test_fails (f->hall, f->li, "matter.get", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", id);

  /* Reassigned to 人社 on Tuesday 10 March: the objection window ends on Tuesday 17 March. */
  at (f, "2026-03-10 09:00");
  RESULT ("matter.assign", f->zhang,
          "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":5,\"deadline\":\"2026-04-30\"}", id);
  at (f, "2026-03-18 09:00");
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (JsonObject) params = hall_test_parse_object ("{\"reason\":\"不属本部门\"}");
    g_autoptr (JsonObject) none = NULL;

    json_object_set_int_member (params, "matter_id", id);
    none = hall_engine_call_sync (f->hall->engine, f->sun, "matter.object", params, "127.0.0.1", &error);
    g_assert_error (error, HALL_ERROR, HALL_ERROR_CONFLICT);
    g_assert_nonnull (strstr (error->message, "2026-03-17"));
  }

  /* Extension: once, at most 30 days, with reason and approver. 60 + 30 days from 2 March end
   * on Sunday 31 May, so 1 June. */
  hall_test_fails (f->hall, f->sun, "matter.extend", HALL_ERROR_INVALID_ARGUMENT, "days",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"days\":31,\"reason\":\"情况复杂\",\"approver\":\"赵局长\"}", id);
  hall_test_fails (f->hall, f->sun, "matter.extend", HALL_ERROR_INVALID_ARGUMENT, "approver",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"days\":30,\"reason\":\"情况复杂\"}", id);
  hall_test_fails (f->hall, f->sun, "matter.extend", HALL_ERROR_INVALID_ARGUMENT, "reason",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"days\":30,\"approver\":\"赵局长\"}", id);
  RESULT ("matter.extend", f->sun,
          "{\"matter_id\":%" G_GINT64_FORMAT ",\"days\":30,\"reason\":\"需现场勘验\",\"approver\":\"赵局长\"}", id);
  g_assert_cmpstr (matter_member (r, "handling_due"), ==, "2026-06-01");
  hall_test_fails (f->hall, f->sun, "matter.extend", HALL_ERROR_CONFLICT, "days",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"days\":5,\"reason\":\"再延\",\"approver\":\"赵局长\"}", id);

  /* The reply opens the 30-day review window: 10 April + 30 = Sunday 10 May → 11 May. */
  at (f, "2026-04-10 10:00");
  hall_test_fails (f->hall, f->sun, "matter.close", HALL_ERROR_CONFLICT, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"satisfaction\":\"satisfied\",\"outcome\":\"resolved\"}", id);
  hall_test_fails (f->hall, f->sun, "matter.reply", HALL_ERROR_INVALID_ARGUMENT, "opinion",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"opinion\":\"maybe\",\"text\":\"x\"}", id);
  RESULT ("matter.reply", f->sun,
          "{\"matter_id\":%" G_GINT64_FORMAT ",\"opinion\":\"support\",\"text\":\"责成物业七日内修复电梯。\"}", id);
  g_assert_cmpstr (matter_member (r, "state"), ==, "replied");
  g_assert_cmpstr (matter_member (r, "review_request_until"), ==, "2026-05-11");
  g_assert_false (json_object_get_int_member (json_object_get_object_member (r, "matter"), "reply_late"));

  /* Review asked for after the window: refused. Dated on the last day (a letter): accepted. */
  at (f, "2026-05-12 09:00");
  hall_test_fails (f->hall, f->zhang, "matter.review_request", HALL_ERROR_CONFLICT, "request_date",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"不服\"}", id);
  RESULT ("matter.review_request", f->zhang,
          "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"电梯仍未修复\",\"request_date\":\"2026-05-11\"}", id);
  g_assert_cmpstr (matter_member (r, "state"), ==, "review");
  g_assert_cmpstr (matter_member (r, "review_due"), ==, "2026-06-10");

  /* Answered late: recorded as late. */
  at (f, "2026-06-15 09:00");
  RESULT ("matter.review_reply", f->wang,
          "{\"matter_id\":%" G_GINT64_FORMAT ",\"opinion\":\"uphold\",\"text\":\"维持原处理意见\"}", id);
  g_assert_cmpstr (matter_member (r, "state"), ==, "reviewed");
  g_assert_true (json_object_get_int_member (json_object_get_object_member (r, "matter"), "review_late"));
  g_assert_cmpstr (matter_member (r, "rereview_request_until"), ==, "2026-07-15");

  at (f, "2026-07-01 09:00");
  RESULT ("matter.rereview_request", f->zhang,
          "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"仍不服\"}", id);
  g_assert_cmpstr (matter_member (r, "rereview_due"), ==, "2026-07-31");
  at (f, "2026-07-20 09:00");
  RESULT ("matter.rereview_reply", f->zhao,
          "{\"matter_id\":%" G_GINT64_FORMAT ",\"opinion\":\"revise\",\"text\":\"责令限期更换电梯\"}", id);
  hall_test_fails (f->hall, f->zhang, "matter.review_request", HALL_ERROR_CONFLICT, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"再次\"}", id);

  hall_test_fails (f->hall, f->zhang, "matter.close", HALL_ERROR_INVALID_ARGUMENT, "outcome",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"satisfaction\":\"basic\",\"outcome\":\"forgotten\"}", id);
  RESULT ("matter.close", f->zhang,
          "{\"matter_id\":%" G_GINT64_FORMAT ",\"satisfaction\":\"basic\",\"outcome\":\"resolved\"}", id);
  g_assert_cmpstr (matter_member (r, "state"), ==, "closed");
  g_assert_cmpstr (matter_member (r, "satisfaction"), ==, "basic");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (json_object_get_object_member (r, "matter"),
                                                                        "clocks")), ==, 0);

  /* Every step is on the timeline, with who did it. */
  got = hall_test_ok (f->hall, f->wang, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
  timeline = json_object_get_array_member (got, "timeline");
  g_assert_cmpint (json_array_get_length (timeline), ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_assert_cmpstr (timeline_kind (timeline, i), ==, kinds[i]);
      g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (timeline, i), "at"), >, 0);
      g_assert_false (json_object_get_null_member (json_array_get_object_element (timeline, i), "user_id"));
    }
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (timeline, 5), "user_name"), ==, "sun");
  assignments = json_object_get_array_member (got, "assignments");
  g_assert_cmpint (json_array_get_length (assignments), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (assignments, 0), "state"), ==,
                   "objected");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (assignments, 0), "objection_until"),
                   ==, "2026-03-09");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (assignments, 1), "state"), ==, "done");
#undef RESULT
}

static void
test_decision_clock (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) due = NULL;
  g_autoptr (JsonObject) mine = NULL;
  g_autoptr (JsonObject) list = NULL;
  JsonObject *entry;
  gint64 late, on_time;

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

  r = hall_test_ok (f->hall, f->zhang, "matter.accept", "{\"matter_id\":%" G_GINT64_FORMAT "}", on_time);
  g_assert_false (json_object_get_int_member (json_object_get_object_member (r, "matter"), "decision_late"));

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
  g_assert_true (json_object_get_int_member (json_object_get_object_member (r, "matter"), "decision_late"));
}

static void
test_objection_over_holiday (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) due = NULL;
  gint64 id;

  /* Assigned on 30 September: 国庆 runs 1–7 October and Saturday 10 October is a make-up working
   * day, so the fifth working day is Tuesday 13 October. */
  at (f, "2026-09-30 10:00");
  id = register_matter (f, f->zhang, NULL);
  r = hall_test_ok (f->hall, f->zhang, "matter.assign",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":3,\"deadline\":\"2026-11-20\"}", id);
  /* Assigning a matter still waiting for its decision accepts it. */
  g_assert_nonnull (matter_member (r, "accepted_date"));

  at (f, "2026-10-12 10:00");
  due = hall_test_ok (f->hall, f->li, "matter.due", NULL);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (due, "entries")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (due, "entries"), 0), "clock"),
                   ==, "objection");

  at (f, "2026-10-13 17:00");
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->li, "matter.object", "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"非本部门职责\"}", id);
  g_assert_cmpstr (matter_member (r, "state"), ==, "objected");

  /* The first receiver reassigns it; on the sixth working day the objection is too late. */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->zhang, "matter.assign",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":4,\"deadline\":\"2026-11-20\"}", id);
  at (f, "2026-10-21 09:00");
  {
    g_autofree char *token = hall_test_add_user (f->hall, "zhou", "staff", "ziranziyuan", 0);
    hall_test_fails (f->hall, token, "matter.object", HALL_ERROR_CONFLICT, "matter_id",
                     "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"非本部门职责\"}", id);
  }
}

static void
test_visibility (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (JsonObject) list = NULL;
  g_autoptr (JsonObject) r = NULL;
  gint64 chengjian, minzheng, own;

  at (f, "2026-03-02 09:00");
  chengjian = register_matter (f, f->zhang2, NULL);
  minzheng = register_matter (f, f->li, NULL);

  /* 张 (城建) sees the 城建 matter another colleague registered, not 民政's. */
  r = hall_test_ok (f->hall, f->zhang, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", chengjian);
  hall_test_fails (f->hall, f->zhang, "matter.get", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", minzheng);
  hall_test_fails (f->hall, f->zhang, "matter.accept", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", minzheng);
  hall_test_fails (f->hall, f->zhang, "matter.get", HALL_ERROR_NOT_FOUND, "matter_id", "{\"matter_id\":999}");
  list = hall_test_ok (f->hall, f->zhang, "matter.list", NULL);
  g_assert_cmpint (json_object_get_int_member (list, "total"), ==, 1);

  /* A matter 李 (民政) registered and assigned to 城建 stays visible to 李 as first receiver. */
  own = register_matter (f, f->li, NULL);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->li, "matter.assign",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":2,\"deadline\":\"2026-04-01\"}", own);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->zhang, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", own);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->li, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", own);
  g_clear_pointer (&list, json_object_unref);
  list = hall_test_ok (f->hall, f->li, "matter.list", "{\"first_received_by\":\"me\"}");
  g_assert_cmpint (json_object_get_int_member (list, "total"), ==, 2);
  g_clear_pointer (&list, json_object_unref);
  list = hall_test_ok (f->hall, f->zhang, "matter.list", "{\"state\":\"open\"}");
  g_assert_cmpint (json_object_get_int_member (list, "total"), ==, 2);

  /* The manager and the leader see all; the list masks names. */
  g_clear_pointer (&list, json_object_unref);
  list = hall_test_ok (f->hall, f->wang, "matter.list", "{\"limit\":2}");
  g_assert_cmpint (json_object_get_int_member (list, "total"), ==, 3);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (list, "matters")), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (
                     json_object_get_array_member (
                       json_array_get_object_element (json_object_get_array_member (list, "matters"), 0),
                       "petitioner_names"), 0), ==, "张*");
  g_clear_pointer (&list, json_object_unref);
  list = hall_test_ok (f->hall, f->zhao, "matter.list", NULL);
  g_assert_cmpint (json_object_get_int_member (list, "total"), ==, 3);

  /* Paging on without counting: "more" says whether another page follows. */
  g_clear_pointer (&list, json_object_unref);
  list = hall_test_ok (f->hall, f->wang, "matter.list", "{\"limit\":2,\"count\":false}");
  g_assert_false (json_object_has_member (list, "total"));
  g_assert_true (json_object_get_boolean_member (list, "more"));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (list, "matters")), ==, 2);
  g_clear_pointer (&list, json_object_unref);
  list = hall_test_ok (f->hall, f->wang, "matter.list", "{\"limit\":2,\"offset\":2,\"count\":false}");
  g_assert_false (json_object_get_boolean_member (list, "more"));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (list, "matters")), ==, 1);

  /* Devices and the admin do not read matters. */
  hall_test_fails (f->hall, f->kiosk, "matter.get", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", chengjian);
  hall_test_fails (f->hall, f->admin, "matter.list", HALL_ERROR_FORBIDDEN, NULL, NULL);
  hall_test_fails (f->hall, f->kiosk, "petitioner.lookup", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"id_number\":\"%s\"}", ID_ZHANG);
}

static guint
count_audit (Fixture    *f,
             const char *object_type,
             gint64      object_id,
             const char *command)
{
  g_autoptr (JsonObject) audit = hall_test_ok (f->hall, f->admin, "audit.list",
                                               "{\"object_type\":\"%s\",\"object_id\":\"%" G_GINT64_FORMAT "\"}",
                                               object_type, object_id);
  JsonArray *entries = json_object_get_array_member (audit, "entries");
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (entries); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (entries, i), "command"),
                   command) == 0)
      n++;
  return n;
}

static void
test_personal_reads_audited (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) lookup = NULL;
  g_autoptr (JsonObject) by_phone = NULL;
  g_autoptr (JsonObject) none = NULL;
  JsonObject *person;
  gint64 id, petitioner_id;

  at (f, "2026-03-02 09:00");
  id = register_matter (f, f->zhang, NULL);
  g_assert_cmpuint (count_audit (f, "matter", id, "matter.read_personal"), ==, 0);
  r = hall_test_ok (f->hall, f->zhang, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->wang, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
  g_assert_cmpuint (count_audit (f, "matter", id, "matter.read_personal"), ==, 2);
  /* A refused read reads nothing. */
  hall_test_fails (f->hall, f->li, "matter.get", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
  g_assert_cmpuint (count_audit (f, "matter", id, "matter.read_personal"), ==, 2);

  /* Looking a person up: earlier matters, repeat count, and an audit row. */
  lookup = hall_test_ok (f->hall, f->li, "petitioner.lookup", "{\"id_number\":\"%s\"}", "430102198503151236 ");
  g_assert_true (json_object_get_boolean_member (lookup, "found"));
  person = json_array_get_object_element (json_object_get_array_member (lookup, "persons"), 0);
  petitioner_id = json_object_get_int_member (person, "id");
  g_assert_cmpstr (json_object_get_string_member (person, "name"), ==, "张伟");
  g_assert_cmpint (json_object_get_int_member (person, "repeat_count"), ==, 1);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (person, "matters")), ==, 1);
  g_assert_cmpuint (count_audit (f, "petitioner", petitioner_id, "petitioner.read_personal"), ==, 1);

  by_phone = hall_test_ok (f->hall, f->li, "petitioner.lookup", "{\"phone\":\"+86 13812345678\"}");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (by_phone, "persons")), ==, 1);
  g_assert_cmpuint (count_audit (f, "petitioner", petitioner_id, "petitioner.read_personal"), ==, 2);

  none = hall_test_ok (f->hall, f->li, "petitioner.lookup", "{\"phone\":\"13900000000\"}");
  g_assert_false (json_object_get_boolean_member (none, "found"));
  hall_test_fails (f->hall, f->li, "petitioner.lookup", HALL_ERROR_INVALID_ARGUMENT, "id_number",
                   "{\"id_number\":\"430102198503151235\"}");
  hall_test_fails (f->hall, f->li, "petitioner.lookup", HALL_ERROR_INVALID_ARGUMENT, "id_number", NULL);

  /* By the petitioner a ticket carries from triage: the same person, audited as well. */
  {
    g_autoptr (JsonObject) by_id = hall_test_ok (f->hall, f->li, "petitioner.lookup",
                                                 "{\"petitioner_id\":%" G_GINT64_FORMAT "}", petitioner_id);
    JsonObject *same = json_array_get_object_element (json_object_get_array_member (by_id, "persons"), 0);

    g_assert_true (json_object_get_boolean_member (by_id, "found"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (by_id, "persons")), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (same, "name"), ==, "张伟");
    g_assert_cmpint (json_object_get_int_member (same, "repeat_count"), ==, 1);
    g_assert_cmpint (json_array_get_length (json_object_get_array_member (same, "matters")), ==, 1);
    g_assert_cmpuint (count_audit (f, "petitioner", petitioner_id, "petitioner.read_personal"), ==, 3);
  }
  hall_test_fails (f->hall, f->li, "petitioner.lookup", HALL_ERROR_NOT_FOUND, "petitioner_id",
                   "{\"petitioner_id\":%" G_GINT64_FORMAT "}", petitioner_id + 1000);
  hall_test_fails (f->hall, f->li, "petitioner.lookup", HALL_ERROR_INVALID_ARGUMENT, "petitioner_id",
                   "{\"petitioner_id\":0}");
  hall_test_fails (f->hall, f->li, "petitioner.lookup", HALL_ERROR_INVALID_ARGUMENT, "petitioner_id",
                   "{\"petitioner_id\":%" G_GINT64_FORMAT ",\"phone\":\"13812345678\"}", petitioner_id);
  hall_test_fails (f->hall, f->kiosk, "petitioner.lookup", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"petitioner_id\":%" G_GINT64_FORMAT "}", petitioner_id);
  g_assert_cmpuint (count_audit (f, "petitioner", petitioner_id, "petitioner.read_personal"), ==, 3);
}

static void
test_status_query (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) status = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *json = NULL;
  g_autofree char *number = NULL;
  g_autofree char *code = NULL;
  g_autofree char *wrong = NULL;
  JsonObjectIter iter;
  const char *member;

  at (f, "2026-03-02 09:00");
  r = hall_test_ok (f->hall, f->zhang, "matter.register",
                    "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"电梯故障\","
                    "\"petitioners\":[{\"name\":\"张伟\",\"id_number\":\"%s\",\"phone\":\"13812345678\","
                    "\"address\":\"建设路8号\"}]}", ID_ZHANG);
  number = g_strdup (json_object_get_string_member (r, "number"));
  code = g_strdup (json_object_get_string_member (r, "query_code"));
  wrong = g_strdup_printf ("%06d", (atoi (code) + 1) % 1000000);

  status = hall_test_ok (f->hall, f->kiosk, "status.query", "{\"number\":\"%s\",\"query_code\":\"%s\"}", number, code);
  g_assert_cmpstr (json_object_get_string_member (status, "state"), ==, "registered");
  /* Nothing but the number, the state and the date it was received. */
  json_object_iter_init (&iter, status);
  while (json_object_iter_next (&iter, &member, NULL))
    g_assert_true (g_strv_contains ((const char *[]) { "number", "state", "state_label", "received_date", NULL },
                                    member));
  node = json_node_init_object (json_node_alloc (), status);
  json = json_to_string (node, FALSE);
  g_assert_null (strstr (json, "张"));
  g_assert_null (strstr (json, ID_ZHANG));
  g_assert_null (strstr (json, "138"));
  g_assert_null (strstr (json, "电梯"));

  /* A wrong code says no more than an unknown number; five in a row lock the number. */
  hall_test_fails (f->hall, f->kiosk, "status.query", HALL_ERROR_NOT_FOUND, "query_code",
                   "{\"number\":\"XF2026-999999\",\"query_code\":\"%s\"}", code);
  hall_test_fails (f->hall, f->kiosk, "status.query", HALL_ERROR_INVALID_ARGUMENT, "query_code",
                   "{\"number\":\"%s\",\"query_code\":\"1234567\"}", number);
  for (int i = 0; i < 5; i++)
    hall_test_fails (f->hall, f->kiosk, "status.query", HALL_ERROR_NOT_FOUND, "query_code",
                     "{\"number\":\"%s\",\"query_code\":\"%s\"}", number, wrong);
  hall_test_fails (f->hall, f->kiosk, "status.query", HALL_ERROR_RATE_LIMITED, "query_code",
                   "{\"number\":\"%s\",\"query_code\":\"%s\"}", number, code);
  at (f, "2026-03-02 09:20");
  g_clear_pointer (&status, json_object_unref);
  status = hall_test_ok (f->hall, f->kiosk, "status.query", "{\"number\":\"%s\",\"query_code\":\"%s\"}", number, code);
}

typedef struct
{
  GPtrArray *events;
} EventLog;

static void
on_event (HallEngine *engine,
          JsonObject *event,
          EventLog   *log)
{
  g_ptr_array_add (log->events, json_object_ref (event));
}

static void
test_events_carry_no_personal_data (Fixture       *f,
                                    gconstpointer  data)
{
  EventLog log = { g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref) };
  g_autoptr (JsonObject) r = NULL;
  gint64 id;
  guint matter_events = 0;

  g_signal_connect (f->hall->engine, "event", G_CALLBACK (on_event), &log);
  at (f, "2026-03-02 09:00");
  id = register_matter (f, f->zhang, NULL);
  r = hall_test_ok (f->hall, f->zhang, "matter.accept", "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  for (guint i = 0; i < log.events->len; i++)
    {
      JsonObject *event = log.events->pdata[i];
      const char *kind = json_object_get_string_member (event, "kind");
      JsonObjectIter iter;
      const char *member;

      if (!g_str_has_prefix (kind, "matter."))
        continue;
      matter_events++;
      g_assert_cmpint (json_object_get_int_member (event, "matter_id"), ==, id);
      json_object_iter_init (&iter, event);
      while (json_object_iter_next (&iter, &member, NULL))
        g_assert_true (g_strv_contains ((const char *[]) { "seq", "kind", "at", "matter_id", "number", "state",
                                                           "department_id", "cooperating_department_ids",
                                                           NULL }, member));
    }
  g_assert_cmpuint (matter_events, ==, 2);
  g_signal_handlers_disconnect_by_func (f->hall->engine, on_event, &log);
  g_ptr_array_unref (log.events);
}

static void
test_repeat_requests (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (JsonObject) first = NULL;
  g_autoptr (JsonObject) replay = NULL;
  g_autoptr (JsonObject) next = NULL;
  const char *body = "{\"request_id\":\"reg-1\",\"channel\":\"phone\",\"type\":\"suggestion\",\"content\":\"路灯不亮\","
                     "\"petitioners\":[{\"name\":\"赵六\",\"phone\":\"0745-2345678\"}]}";

  at (f, "2026-03-02 09:00");
  first = hall_test_ok (f->hall, f->zhang, "matter.register", "%s", body);
  replay = hall_test_ok (f->hall, f->zhang, "matter.register", "%s", body);
  g_assert_cmpstr (json_object_get_string_member (first, "number"), ==, json_object_get_string_member (replay, "number"));
  next = hall_test_ok (f->hall, f->zhang, "matter.register",
                       "{\"channel\":\"phone\",\"type\":\"suggestion\",\"content\":\"路灯不亮\","
                       "\"petitioners\":[{\"name\":\"赵六\",\"phone\":\"07452345678\"}]}");
  g_assert_cmpstr (json_object_get_string_member (next, "number"), ==, "XF2026-000002");
  /* Same name and phone without an ID number: the same person, now a repeat. */
  g_assert_true (json_object_get_boolean_member (next, "repeat"));
}

/* The assignment of department @department_id in matter.get's "assignments" (the latest). */
static JsonObject *
find_assignment (JsonObject *got,
                 gint64      department_id)
{
  JsonArray *assignments = json_object_get_array_member (got, "assignments");
  JsonObject *found = NULL;

  for (guint i = 0; i < json_array_get_length (assignments); i++)
    {
      JsonObject *a = json_array_get_object_element (assignments, i);

      if (json_object_get_int_member (a, "department_id") == department_id)
        found = a;
    }
  g_assert_nonnull (found);
  return found;
}

/* The detail of the last timeline entry of @kind. */
static JsonObject *
last_timeline (JsonObject *got,
               const char *kind)
{
  JsonArray *timeline = json_object_get_array_member (got, "timeline");
  JsonObject *found = NULL;

  for (guint i = 0; i < json_array_get_length (timeline); i++)
    {
      JsonObject *entry = json_array_get_object_element (timeline, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "kind"), kind) == 0)
        found = entry;
    }
  g_assert_nonnull (found);
  return json_object_get_object_member (found, "detail");
}

#define ASSIGNMENT_IS(got, dept, role_, state_) \
  G_STMT_START { \
    JsonObject *a_ = find_assignment (got, dept); \
    g_assert_cmpstr (json_object_get_string_member (a_, "role"), ==, role_); \
    g_assert_cmpstr (json_object_get_string_member (a_, "state"), ==, state_); \
  } G_STMT_END

static void
test_cohandling (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) got = NULL;
  g_autofree char *number = NULL;
  g_autofree char *other = NULL;
  gint64 id;

#define GET(token) \
  G_STMT_START { \
    g_clear_pointer (&got, json_object_unref); \
    got = hall_test_ok (f->hall, token, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", id); \
  } G_STMT_END
#define OK(cmd, token, ...) \
  G_STMT_START { g_clear_pointer (&r, json_object_unref); r = hall_test_ok (f->hall, token, cmd, __VA_ARGS__); } G_STMT_END

  /* 李 (民政) receives the matter and assigns it: 城建 leads (牵头), 人社 cooperates (配合).
   * Bad cooperating departments name the entry, and nothing is assigned. */
  at (f, "2026-03-02 09:00");
  id = register_matter (f, f->li, NULL);
  hall_test_fails (f->hall, f->li, "matter.assign", HALL_ERROR_INVALID_ARGUMENT, "cooperating_department_ids[0]",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":2,\"deadline\":\"2026-03-20\","
                   "\"cooperating_department_ids\":[\"renshe\"]}", id);
  hall_test_fails (f->hall, f->li, "matter.assign", HALL_ERROR_INVALID_ARGUMENT, "cooperating_department_ids[1]",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":2,\"deadline\":\"2026-03-20\","
                   "\"cooperating_department_ids\":[5,2]}", id);
  hall_test_fails (f->hall, f->li, "matter.assign", HALL_ERROR_INVALID_ARGUMENT, "cooperating_department_ids[0]",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":2,\"deadline\":\"2026-03-20\","
                   "\"cooperating_department_ids\":[99]}", id);
  GET (f->li);
  g_assert_cmpstr (matter_member (got, "state"), ==, "registered");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (got, "assignments")), ==, 0);

  OK ("matter.assign", f->li,
      "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":2,\"deadline\":\"2026-03-20\","
      "\"cooperating_department_ids\":[5]}", id);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "matter"), "department_id"), ==, 2);
  number = g_strdup (matter_member (r, "number"));
  GET (f->wang);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (got, "assignments")), ==, 2);
  ASSIGNMENT_IS (got, 2, "lead", "open");
  ASSIGNMENT_IS (got, 5, "cooperate", "open");
  g_assert_cmpint (json_object_get_int_member (find_assignment (got, 5), "round"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (last_timeline (got, "assigned"), "lead_department_id"), ==, 2);
  /* The same round again is refused. */
  hall_test_fails (f->hall, f->li, "matter.assign", HALL_ERROR_CONFLICT, "department_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":2,\"deadline\":\"2026-03-20\","
                   "\"cooperating_department_ids\":[5]}", id);

  /* 孙 (人社) sees it in the list, the search and the record … */
  OK ("matter.list", f->sun, NULL);
  g_assert_cmpint (json_object_get_int_member (r, "total"), ==, 1);
  OK ("matter.search", f->sun, "{\"query\":\"%s\"}", number);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "matters")), ==, 1);
  OK ("matter.search", f->sun, "{\"query\":\"电梯\"}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "matters")), ==, 1);
  GET (f->sun);

  /* … adds progress notes, but only the lead replies or extends. */
  hall_test_fails (f->hall, f->sun, "matter.reply", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"opinion\":\"support\",\"text\":\"已办\"}", id);
  hall_test_fails (f->hall, f->sun, "matter.extend", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"days\":10,\"reason\":\"x\",\"approver\":\"y\"}", id);
  hall_test_fails (f->hall, f->sun, "matter.note", HALL_ERROR_INVALID_ARGUMENT, "text",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"text\":\"  \"}", id);
  OK ("matter.note", f->sun, "{\"matter_id\":%" G_GINT64_FORMAT ",\"text\":\"已核实社保缴费记录\"}", id);
  g_assert_cmpint (json_object_get_int_member (r, "timeline_id"), >, 0);
  OK ("matter.note", f->zhang, "{\"matter_id\":%" G_GINT64_FORMAT ",\"text\":\"已约物业面谈\"}", id);
  GET (f->li);
  g_assert_cmpstr (json_object_get_string_member (last_timeline (got, "progress_note"), "role"), ==, "lead");
  {
    JsonArray *timeline = json_object_get_array_member (got, "timeline");
    JsonObject *note = json_object_get_object_member (
      json_array_get_object_element (timeline, json_array_get_length (timeline) - 2), "detail");

    g_assert_cmpstr (json_object_get_string_member (note, "role"), ==, "cooperate");
    g_assert_cmpint (json_object_get_int_member (note, "department_id"), ==, 5);
    g_assert_cmpstr (json_object_get_string_member (note, "text"), ==, "已核实社保缴费记录");
  }

  /* Another department neither sees it nor adds to it; 李, the first receiver, cannot object
   * for 城建, nor 人社 for another department. */
  at (f, "2026-03-03 09:00");
  other = hall_test_add_user (f->hall, "zhou", "staff", "jiaoyu", 7);
  hall_test_fails (f->hall, other, "matter.note", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"text\":\"x\"}", id);
  hall_test_fails (f->hall, other, "matter.object", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"x\"}", id);
  hall_test_fails (f->hall, f->li, "matter.object", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"x\"}", id);
  hall_test_fails (f->hall, f->sun, "matter.object", HALL_ERROR_FORBIDDEN, "department_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"x\",\"department_id\":2}", id);
  hall_test_fails (f->hall, f->wang, "matter.object", HALL_ERROR_INVALID_ARGUMENT, "department_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"x\",\"department_id\":7}", id);

  /* 人社 objects to its part: only its own assignment ends, 城建 goes on. */
  OK ("matter.object", f->sun, "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"不涉及社保\"}", id);
  g_assert_cmpstr (matter_member (r, "state"), ==, "assigned");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "matter"), "department_id"), ==, 2);
  GET (f->li);
  ASSIGNMENT_IS (got, 2, "lead", "open");
  ASSIGNMENT_IS (got, 5, "cooperate", "objected");
  g_assert_cmpstr (json_object_get_string_member (last_timeline (got, "cooperation_objected"), "reason"), ==,
                   "不涉及社保");
  hall_test_fails (f->hall, f->sun, "matter.get", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
  hall_test_fails (f->hall, f->sun, "matter.note", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"text\":\"x\"}", id);

  /* A new round: 人社 leads, 城建 cooperates; round 1's open assignment ends as reassigned. */
  OK ("matter.assign", f->li,
      "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":5,\"deadline\":\"2026-03-25\","
      "\"cooperating_department_ids\":[2]}", id);
  GET (f->wang);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (got, "assignments")), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (
                     json_array_get_object_element (json_object_get_array_member (got, "assignments"), 0), "state"),
                   ==, "reassigned");
  ASSIGNMENT_IS (got, 5, "lead", "open");
  ASSIGNMENT_IS (got, 2, "cooperate", "open");
  g_assert_cmpint (json_object_get_int_member (find_assignment (got, 2), "round"), ==, 2);

  /* The lead's objection sends the whole round back to the first receiver. */
  hall_test_fails (f->hall, f->zhang, "matter.reply", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"opinion\":\"support\",\"text\":\"已办\"}", id);
  OK ("matter.object", f->sun, "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"应由城建牵头\"}", id);
  g_assert_cmpstr (matter_member (r, "state"), ==, "objected");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "matter"), "department_id"), ==, 3);
  GET (f->li);
  ASSIGNMENT_IS (got, 5, "lead", "objected");
  ASSIGNMENT_IS (got, 2, "cooperate", "returned");
  g_assert_cmpint (json_array_get_int_element (
                     json_object_get_array_member (last_timeline (got, "objected"), "returned_department_ids"), 0),
                   ==, 2);

  /* Round 3: the lead replies and every open part of the round is done; the cooperating
   * department still sees the matter it worked on, but adds nothing more. */
  OK ("matter.assign", f->li,
      "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":2,\"deadline\":\"2026-03-25\","
      "\"cooperating_department_ids\":[5]}", id);
  OK ("matter.reply", f->zhang, "{\"matter_id\":%" G_GINT64_FORMAT ",\"opinion\":\"support\",\"text\":\"已修复\"}",
      id);
  GET (f->sun);
  ASSIGNMENT_IS (got, 2, "lead", "done");
  ASSIGNMENT_IS (got, 5, "cooperate", "done");
  hall_test_fails (f->hall, f->sun, "matter.note", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"text\":\"x\"}", id);
#undef GET
#undef OK
}

static void
assigned_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  guint *pending = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) r = hall_engine_call_finish (HALL_ENGINE (source), result, &error);

  g_assert_no_error (error);
  (*pending)--;
}

static void
test_cohandling_concurrent (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr (JsonObject) got = NULL;
  JsonArray *assignments;
  guint pending = 0, open_leads = 0, open = 0;
  gint64 id, lead = 0;

  /* The first receiver and the manager assign the same matter at the same moment, each with
   * the other lead: both rounds are made one after the other, and exactly one lead is left
   * open with its cooperating department. */
  at (f, "2026-03-02 09:00");
  id = register_matter (f, f->li, NULL);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":%d,"
                                               "\"deadline\":\"2026-03-20\",\"cooperating_department_ids\":[%d]}",
                                               id, i ? 2 : 5, i ? 5 : 2);
      g_autoptr (JsonObject) params = hall_test_parse_object (json);

      pending++;
      hall_engine_call_async (f->hall->engine, i ? f->wang : f->li, "matter.assign", params, "127.0.0.1", NULL,
                              assigned_cb, &pending);
    }
  while (pending > 0)
    g_main_context_iteration (NULL, TRUE);

  got = hall_test_ok (f->hall, f->wang, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
  assignments = json_object_get_array_member (got, "assignments");
  g_assert_cmpuint (json_array_get_length (assignments), ==, 4);
  for (guint i = 0; i < 4; i++)
    {
      JsonObject *a = json_array_get_object_element (assignments, i);

      if (g_str_equal (json_object_get_string_member (a, "state"), "open"))
        {
          open++;
          g_assert_cmpint (json_object_get_int_member (a, "round"), ==, 2);
          if (g_str_equal (json_object_get_string_member (a, "role"), "lead"))
            {
              open_leads++;
              lead = json_object_get_int_member (a, "department_id");
            }
        }
      else
        g_assert_cmpstr (json_object_get_string_member (a, "state"), ==, "reassigned");
    }
  g_assert_cmpuint (open, ==, 2);
  g_assert_cmpuint (open_leads, ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (got, "matter"), "department_id"), ==,
                   lead);
}

typedef struct
{
  guint pending;
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
test_concurrent_numbers (Fixture       *f,
                         gconstpointer  data)
{
  Burst burst = { 0, g_ptr_array_new_with_free_func (g_free) };
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const guint n = 60;

  /* Two windows register at once: every matter gets its own number, none is skipped. */
  at (f, "2026-03-02 09:00");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *json = g_strdup_printf ("{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"第%u件\","
                                               "\"petitioners\":[{\"name\":\"来访人%u\"}]}", i, i);
      g_autoptr (JsonObject) params = hall_test_parse_object (json);

      burst.pending++;
      hall_engine_call_async (f->hall->engine, i % 2 ? f->zhang : f->li, "matter.register", params, "127.0.0.1",
                              NULL, registered_cb, &burst);
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

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/matter/register", test_register);
  ADD ("/matter/litigation", test_litigation);
  ADD ("/matter/representatives", test_representatives);
  ADD ("/matter/lifecycle", test_lifecycle);
  ADD ("/matter/decision-clock", test_decision_clock);
  ADD ("/matter/objection-over-holiday", test_objection_over_holiday);
  ADD ("/matter/visibility", test_visibility);
  ADD ("/matter/personal-reads-audited", test_personal_reads_audited);
  ADD ("/matter/status-query", test_status_query);
  ADD ("/matter/events", test_events_carry_no_personal_data);
  ADD ("/matter/request-replay", test_repeat_requests);
  ADD ("/matter/concurrent-numbers", test_concurrent_numbers);
  ADD ("/matter/cohandling", test_cohandling);
  ADD ("/matter/cohandling-concurrent", test_cohandling_concurrent);
#undef ADD

  return g_test_run ();
}
