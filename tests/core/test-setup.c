/* test-setup.c — the seeded hall and the admin's setup commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-setup"

#include "config.h"

#include <string.h>

#include "hall-test-util.h"

static JsonObject *
find_by (JsonArray  *array,
         const char *member,
         const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      if (g_strcmp0 (json_object_get_string_member_with_default (o, member, NULL), value) == 0)
        return o;
    }
  return NULL;
}

static void
test_seeded (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *kiosk = hall_test_add_user (hall, "kiosk1", "kiosk", NULL, 0);
  g_autoptr (JsonObject) info = hall_test_ok (hall, kiosk, "hall.info", NULL);
  JsonArray  *departments = json_object_get_array_member (info, "departments");
  JsonArray  *counters = json_object_get_array_member (info, "counters");
  JsonArray  *categories = json_object_get_array_member (info, "categories");
  JsonObject *o;

  g_assert_cmpstr (json_object_get_string_member (info, "hall_name"), ==, "信访超市");
  g_assert_cmpuint (json_array_get_length (departments), ==, 20);
  g_assert_cmpuint (json_array_get_length (counters), ==, 20);

  o = find_by (departments, "name", "城建");
  g_assert_nonnull (o);
  g_assert_cmpstr (json_object_get_string_member (o, "prefix"), ==, "C");
  o = find_by (departments, "name", "法院");
  g_assert_cmpint (json_object_get_int_member (o, "is_legal"), ==, 1);

  /* 征地拆迁 goes to 自然资源; 诉讼相关 is litigation-related and goes to 法院. */
  o = find_by (categories, "name", "征地拆迁");
  g_assert_cmpint (json_object_get_int_member (o, "department_id"), ==,
                   json_object_get_int_member (find_by (departments, "name", "自然资源"), "id"));
  o = find_by (categories, "name", "诉讼相关");
  g_assert_cmpint (json_object_get_int_member (o, "litigation"), ==, 1);

  /* Every counter serves at least one department. */
  for (guint i = 0; i < json_array_get_length (counters); i++)
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                          json_array_get_object_element (counters, i), "department_ids")),
                      >=, 1);
}

static void
test_admin_edits (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *admin = hall_test_add_user (hall, "admin", "admin", NULL, 0);
  g_autofree char *manager = hall_test_add_user (hall, "mgr", "manager", NULL, 0);
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) info = NULL;

  r = hall_test_ok (hall, admin, "hall.configure",
                    "{\"hall_name\":\"芷江县信访超市\",\"wait_norm_minutes\":15}");
  g_assert_cmpstr (json_object_get_string_member (r, "hall_name"), ==, "芷江县信访超市");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "settings"),
                                               "wait_norm_minutes"),
                   ==, 15);
  hall_test_fails (hall, admin, "hall.configure", HALL_ERROR_INVALID_ARGUMENT, "wait_norm_minutes",
                   "{\"wait_norm_minutes\":0}");
  /* 复查机关, named on the written opinions: set, kept as text, and taken back with an empty one. */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, admin, "hall.configure", "{\"review_body\":\"芷江县人民政府\"}");
  g_assert_cmpstr (json_object_get_string_member (r, "review_body"), ==, "芷江县人民政府");
  g_assert_cmpstr (json_object_get_string_member (r, "hall_name"), ==, "芷江县信访超市");
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, admin, "hall.configure", "{\"review_body\":\"\"}");
  g_assert_false (json_object_has_member (r, "review_body"));
  hall_test_fails (hall, manager, "hall.configure", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"hall_name\":\"x\"}");

  /* Departments: new one, a taken prefix, a bad prefix. */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, admin, "department.save",
                    "{\"code\":\"zhuanjian\",\"name\":\"住建\",\"prefix\":\"Q\"}");
  hall_test_fails (hall, admin, "department.save", HALL_ERROR_CONFLICT, "prefix",
                   "{\"code\":\"other\",\"name\":\"其他部门\",\"prefix\":\"C\"}");
  hall_test_fails (hall, admin, "department.save", HALL_ERROR_INVALID_ARGUMENT, "prefix",
                   "{\"code\":\"other\",\"name\":\"其他部门\",\"prefix\":\"q\"}");

  /* The manager may change which departments a window serves, not rename it. */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, manager, "counter.save", "{\"id\":2,\"department_ids\":[2,3]}");
  hall_test_fails (hall, manager, "counter.save", HALL_ERROR_FORBIDDEN, "name",
                   "{\"id\":2,\"name\":\"x\"}");
  hall_test_fails (hall, manager, "counter.save", HALL_ERROR_INVALID_ARGUMENT, "department_ids",
                   "{\"id\":2,\"department_ids\":[]}");
  hall_test_fails (hall, manager, "counter.save", HALL_ERROR_NOT_FOUND, "department_ids",
                   "{\"id\":2,\"department_ids\":[999]}");
  hall_test_fails (hall, admin, "counter.save", HALL_ERROR_CONFLICT, "number",
                   "{\"number\":3,\"department_ids\":[1]}");
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, admin, "counter.save", "{\"number\":21,\"department_ids\":[1]}");

  info = hall_test_ok (hall, admin, "hall.info", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (info, "counters")), ==,
                    21);
  g_assert_cmpuint (
      json_array_get_length (json_object_get_array_member (
          json_array_get_object_element (json_object_get_array_member (info, "counters"), 1),
          "department_ids")),
      ==, 2);

  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, admin, "category.save", "{\"name\":\"拆迁补偿\",\"department_id\":4}");
  hall_test_fails (hall, admin, "category.save", HALL_ERROR_CONFLICT, "name",
                   "{\"name\":\"拆迁补偿\",\"department_id\":4}");
}

/* A taken value is a conflict naming @field, with a message that names the value (and who has
 * it) so the admin knows what to change. */
static void
assert_taken (HallTestHall *hall,
              const char   *token,
              const char   *command,
              const char   *json,
              const char   *field,
              const char   *mentions)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) params = hall_test_parse_object (json);
  g_autoptr (JsonObject) result =
      hall_engine_call_sync (hall->engine, token, command, params, "127.0.0.1", &error);

  g_assert_null (result);
  g_assert_error (error, HALL_ERROR, HALL_ERROR_CONFLICT);
  g_assert_cmpstr (hall_error_get_field (error), ==, field);
  if (strstr (error->message, mentions) == NULL)
    g_error ("%s: “%s” does not mention “%s”", command, error->message, mentions);
}

static void
test_taken_values (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *admin = hall_test_add_user (hall, "admin", "admin", NULL, 0);
  g_autoptr (JsonObject) r = NULL;
  gint64 id;

  /* Departments: each unique value is named, on creation and on a change. */
  r = hall_test_ok (hall, admin, "department.save",
                    "{\"code\":\"zhujian\",\"name\":\"住建\",\"prefix\":\"Q\"}");
  id = json_object_get_int_member (r, "id");
  assert_taken (hall, admin, "department.save",
                "{\"code\":\"chengjian\",\"name\":\"城建二\",\"prefix\":\"V\"}", "code", "城建");
  assert_taken (hall, admin, "department.save",
                "{\"code\":\"chengjian2\",\"name\":\"城建\",\"prefix\":\"V\"}", "name", "城建");
  assert_taken (hall, admin, "department.save",
                "{\"code\":\"chengjian2\",\"name\":\"城建二\",\"prefix\":\"C\"}", "prefix", "城建");
  {
    g_autofree char *json = g_strdup_printf ("{\"id\":%" G_GINT64_FORMAT ",\"prefix\":\"C\"}", id);
    assert_taken (hall, admin, "department.save", json, "prefix", "C");
  }
  {
    g_autofree char *json =
        g_strdup_printf ("{\"id\":%" G_GINT64_FORMAT ",\"code\":\"minzheng\"}", id);
    assert_taken (hall, admin, "department.save", json, "code", "minzheng");
  }
  /* Saving a department with its own values again is no conflict. */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (
      hall, admin, "department.save",
      "{\"id\":%" G_GINT64_FORMAT ",\"code\":\"zhujian\",\"name\":\"住建\",\"prefix\":\"Q\"}", id);

  /* Windows: the number, on creation and on renumbering. */
  assert_taken (hall, admin, "counter.save", "{\"number\":3,\"department_ids\":[1]}", "number",
                "3");
  assert_taken (hall, admin, "counter.save", "{\"id\":2,\"number\":5}", "number", "5");
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, admin, "counter.save", "{\"id\":2,\"number\":2,\"name\":\"城建窗口\"}");

  /* Categories: the name. */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, admin, "category.save", "{\"name\":\"拆迁补偿\",\"department_id\":4}");
  id = json_object_get_int_member (r, "id");
  assert_taken (hall, admin, "category.save", "{\"name\":\"拆迁补偿\",\"department_id\":5}", "name",
                "拆迁补偿");
  {
    g_autofree char *json = g_strdup_printf ("{\"id\":%" G_GINT64_FORMAT ",\"name\":\"征地拆迁\"}", id);
    assert_taken (hall, admin, "category.save", json, "name", "征地拆迁");
  }

  /* Accounts: the username, whatever its letter case. */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, admin, "user.create",
                    "{\"username\":\"wangli\",\"roles\":[\"staff\"],\"department\":\"minzheng\","
                    "\"password\":\"password123\"}");
  assert_taken (hall, admin, "user.create",
                "{\"username\":\"WangLi\",\"roles\":[\"staff\"],\"password\":\"password123\"}",
                "username", "WangLi");
}

static void
test_taken_concurrently (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *admin = hall_test_add_user (hall, "admin", "admin", NULL, 0);
  g_autofree char *admin2 = hall_test_add_user (hall, "admin2", "admin", NULL, 0);
  HallTestRace     pair = { .field = "username" };

  /* Two admins create the same account at the same moment: one gets it, the other is told the
   * username is taken. */
  for (guint i = 0; i < 2; i++)
    hall_test_race_call (hall, &pair, i ? admin2 : admin, "user.create",
                         "{\"username\":\"zhaomin\",\"roles\":[\"staff\"],"
                         "\"password\":\"password123\"}");
  hall_test_race_wait (&pair);
  g_assert_cmpuint (pair.ok, ==, 1);
  g_assert_cmpuint (pair.conflicts, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/setup/seeded", test_seeded);
  g_test_add_func ("/setup/admin-edits", test_admin_edits);
  g_test_add_func ("/setup/taken-values", test_taken_values);
  g_test_add_func ("/setup/taken-concurrently", test_taken_concurrently);

  return g_test_run ();
}
