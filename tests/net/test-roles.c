/* test-roles.c — who may do what, over the LAN (DESIGN.md §4)
 *
 * Every command × every role against the real server: 403 exactly when the command's table
 * leaves the role out. Then the row-level rule: window staff see their own department's
 * matters (responsible, first receiving or cooperating on them) and the ones they first
 * received, nothing else.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "hall-engine.h"
#include "hall-test-server.h"
#include "hall-test-util.h"

static const struct
{
  HallRole role;
  const char *username;
  const char *department;
  gint64 counter_id;
} people[] = {
  { HALL_ROLE_STAFF, "r.staff", "chengjian", 2 },
  { HALL_ROLE_MANAGER, "r.manager", NULL, 1 },
  { HALL_ROLE_LEADER, "r.leader", NULL, 0 },
  { HALL_ROLE_ADMIN, "r.admin", NULL, 0 },
  { HALL_ROLE_DISPLAY, "r.display", NULL, 0 },
  { HALL_ROLE_KIOSK, "r.kiosk", NULL, 0 },
};

static void
test_every_command_every_role (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  const HallCommand * const *commands;
  char *tokens[G_N_ELEMENTS (people)];
  guint n_commands = 0, n_calls = 0;

  for (guint p = 0; p < G_N_ELEMENTS (people); p++)
    tokens[p] = hall_test_server_add_user_login (server, people[p].username, hall_role_to_string (people[p].role),
                                                 people[p].department, people[p].counter_id);

  commands = hall_engine_list_commands (&n_commands);
  g_assert_cmpuint (n_commands, >, 20);

  for (guint c = 0; c < n_commands; c++)
    for (guint p = 0; p < G_N_ELEMENTS (people); p++)
      {
        const HallCommand *command = commands[c];
        gboolean allowed = (command->roles & people[p].role) || (command->flags & HALL_COMMAND_PUBLIC);
        g_autoptr (JsonObject) answer = NULL;
        guint status = 0;

        answer = hall_test_server_call (server, tokens[p], command->name, &status, "{}");
        n_calls++;

        if (!allowed)
          {
            JsonObject *error = json_object_get_object_member (answer, "error");

            if (status != 403)
              g_error ("%s as %s: %u, expected 403", command->name, people[p].username, status);
            g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, "forbidden");
            g_assert_true (json_object_get_null_member (error, "field"));
          }
        else if (status == 403 || status == 401)
          {
            g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), answer);
            g_autofree char *text = json_to_string (node, FALSE);

            g_error ("%s as %s: %u %s, but the role table allows it", command->name, people[p].username, status,
                     text);
          }
        else
          g_assert_cmpuint (status, <, 500);

        /* Signing out ends the session: sign in again for the next command. */
        if (g_str_equal (command->name, "session.logout") && status == 200)
          {
            g_free (tokens[p]);
            tokens[p] = hall_test_server_login (server, people[p].username, NULL, people[p].counter_id);
          }
      }

  g_test_message ("%u commands x %zu roles = %u calls", n_commands, G_N_ELEMENTS (people), n_calls);
  for (guint p = 0; p < G_N_ELEMENTS (people); p++)
    g_free (tokens[p]);
}

/* ---- row-level: matters ------------------------------------------------------------------- */

static gint64
register_matter (HallTestServer *server,
                 const char     *token,
                 const char     *content,
                 const char     *name)
{
  g_autoptr (JsonObject) answer = hall_test_server_ok (server, token, "matter.register",
                                                       "{\"channel\": \"visit\", \"type\": \"claim\", "
                                                       "\"content\": \"%s\", "
                                                       "\"petitioners\": [{\"name\": \"%s\"}]}",
                                                       content, name);

  return json_object_get_int_member (answer, "matter_id");
}

static gboolean
can_get (HallTestServer *server,
         const char     *token,
         gint64          matter_id)
{
  g_autoptr (JsonObject) answer = NULL;
  guint status = 0;

  answer = hall_test_server_call (server, token, "matter.get", &status, "{\"matter_id\": %" G_GINT64_FORMAT "}",
                                  matter_id);
  if (status == 200)
    {
      g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (answer, "matter"), "id"), ==,
                       matter_id);
      return TRUE;
    }
  g_assert_cmpuint (status, ==, 403);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (answer, "error"), "code"), ==,
                   "forbidden");
  return FALSE;
}

static gint
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return (x > y) - (x < y);
}

/* The ids matter.search and matter.list show @token, sorted. */
static char *
visible_ids (HallTestServer *server,
             const char     *token,
             const char     *command,
             const char     *params)
{
  g_autoptr (JsonObject) answer = hall_test_server_ok (server, token, command, "%s", params);
  JsonArray *matters = json_object_get_array_member (answer, "matters");
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (matters); i++)
    {
      gint64 id = json_object_get_int_member (json_array_get_object_element (matters, i), "id");
      g_array_append_val (ids, id);
    }
  g_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "", g_array_index (ids, gint64, i));
  return g_string_free (out, FALSE);
}

static void
test_staff_see_own_matters (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_autofree char *staff_a = hall_test_server_add_user_login (server, "a.chengjian", "staff", "chengjian", 2);
  g_autofree char *staff_b = hall_test_server_add_user_login (server, "b.minzheng", "staff", "minzheng", 3);
  g_autofree char *staff_c = hall_test_server_add_user_login (server, "c.chengjian", "staff", "chengjian", 2);
  g_autofree char *manager = hall_test_server_add_user_login (server, "m.manager", "manager", NULL, 5);
  g_autofree char *leader = hall_test_server_add_user_login (server, "l.leader", "leader", NULL, 0);
  g_autofree char *display = hall_test_server_add_user_login (server, "d.display", "display", NULL, 0);
  g_autofree char *deadline = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *expect = NULL;
  gint64 m1, m2, m3, m4;

  /* m1: chengjian's, by a; m2: minzheng's, by b; m3: renshe's (the manager at window 5);
   * m4: first received by a at chengjian, then assigned to minzheng. */
  m1 = register_matter (server, staff_a, "楼上漏水三个月无人处理", "张建国");
  m2 = register_matter (server, staff_b, "低保申请漏水房屋补助", "李秀英");
  m3 = register_matter (server, manager, "欠薪漏水厂房工资", "王强");
  m4 = register_matter (server, staff_a, "小区漏水物业推诿", "赵敏");
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    g_autoptr (GDateTime) later = g_date_time_add_days (now, 20);
    g_autoptr (JsonObject) assigned = NULL;

    deadline = g_date_time_format (later, "%Y-%m-%d");
    assigned = hall_test_server_ok (server, manager, "matter.assign",
                                    "{\"matter_id\": %" G_GINT64_FORMAT ", \"department_id\": 3, "
                                    "\"deadline\": \"%s\"}",
                                    m4, deadline);
  }

  /* a: chengjian's matters and what a first received (m4 went to minzheng but stays a's). */
  g_assert_true (can_get (server, staff_a, m1));
  g_assert_false (can_get (server, staff_a, m2));
  g_assert_false (can_get (server, staff_a, m3));
  g_assert_true (can_get (server, staff_a, m4));
  /* b: minzheng's, including m4 now assigned there. */
  g_assert_false (can_get (server, staff_b, m1));
  g_assert_true (can_get (server, staff_b, m2));
  g_assert_false (can_get (server, staff_b, m3));
  g_assert_true (can_get (server, staff_b, m4));
  /* c: a colleague at chengjian sees the department's matters, m4 included (first received there). */
  g_assert_true (can_get (server, staff_c, m1));
  g_assert_false (can_get (server, staff_c, m2));
  /* Manager and leader: every matter. */
  g_assert_true (can_get (server, manager, m2));
  g_assert_true (can_get (server, leader, m1));
  g_assert_true (can_get (server, leader, m3));

  /* Search and lists show the same rows, never more. */
  expect = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, m1, m4);
  ids = visible_ids (server, staff_a, "matter.search", "{\"query\": \"漏水\"}");
  g_assert_cmpstr (ids, ==, expect);
  g_free (ids);
  ids = visible_ids (server, staff_a, "matter.list", "{}");
  g_assert_cmpstr (ids, ==, expect);

  g_free (expect);
  g_free (ids);
  expect = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, m2, m4);
  ids = visible_ids (server, staff_b, "matter.search", "{\"query\": \"漏水\"}");
  g_assert_cmpstr (ids, ==, expect);
  g_free (ids);
  ids = visible_ids (server, staff_b, "matter.list", "{}");
  g_assert_cmpstr (ids, ==, expect);

  g_free (expect);
  g_free (ids);
  expect = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT,
                            m1, m2, m3, m4);
  ids = visible_ids (server, manager, "matter.search", "{\"query\": \"漏水\"}");
  g_assert_cmpstr (ids, ==, expect);

  /* Acting on another department's matter is refused like reading it. */
  {
    g_autoptr (JsonObject) error = hall_test_server_fails (server, staff_a, "matter.accept", HALL_ERROR_FORBIDDEN,
                                                           "matter_id", "{\"matter_id\": %" G_GINT64_FORMAT "}", m2);
  }

  /* The wall display reads no matter at all. */
  {
    g_autoptr (JsonObject) error = hall_test_server_fails (server, display, "matter.get", HALL_ERROR_FORBIDDEN, NULL,
                                                           "{\"matter_id\": %" G_GINT64_FORMAT "}", m1);
  }

  /* m3 assigned to minzheng (lead) with chengjian cooperating: chengjian's windows now see it
   * everywhere and add notes to it, but do not reply. */
  {
    g_autoptr (JsonObject) assigned = NULL;
    g_autoptr (JsonObject) noted = NULL;
    g_autoptr (JsonObject) error = NULL;

    assigned = hall_test_server_ok (server, manager, "matter.assign",
                                    "{\"matter_id\": %" G_GINT64_FORMAT ", \"department_id\": 3, "
                                    "\"deadline\": \"%s\", \"cooperating_department_ids\": [2]}",
                                    m3, deadline);
    g_assert_true (can_get (server, staff_c, m3));
    g_free (expect);
    g_free (ids);
    expect = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, m1, m3, m4);
    ids = visible_ids (server, staff_c, "matter.search", "{\"query\": \"漏水\"}");
    g_assert_cmpstr (ids, ==, expect);
    g_free (ids);
    ids = visible_ids (server, staff_c, "matter.list", "{}");
    g_assert_cmpstr (ids, ==, expect);
    noted = hall_test_server_ok (server, staff_c, "matter.note",
                                 "{\"matter_id\": %" G_GINT64_FORMAT ", \"text\": \"已派员现场查看\"}", m3);
    error = hall_test_server_fails (server, staff_c, "matter.reply", HALL_ERROR_FORBIDDEN, "matter_id",
                                    "{\"matter_id\": %" G_GINT64_FORMAT ", \"opinion\": \"support\", "
                                    "\"text\": \"已修\"}", m3);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roles/every-command-every-role", test_every_command_every_role);
  g_test_add_func ("/roles/staff-see-own-matters", test_staff_see_own_matters);

  return g_test_run ();
}
