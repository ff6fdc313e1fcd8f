/* test-roles.c — who may do what, over the LAN (architecture.md §5)
 *
 * Every command × every role against the real server: 403 exactly when the command's table
 * leaves the role out. Then the row-level rule: window staff see their own department's
 * matters (responsible, first receiving or cooperating on them) and the ones they first
 * received, nothing else. Last, role × command × object for people and tickets: who may read a
 * petitioner (by internal id or by ID number) and a ticket's personal fields (petitioner, note).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "hall-engine.h"
#include "hall-server.h"
#include "hall-test-server.h"
#include "hall-test-util.h"

static const struct
{
  HallRole    role;
  const char *username;
  const char *department;
  gint64      counter_id;
} people[] = {
  { HALL_ROLE_STAFF, "r.staff", "chengjian", 2 },
  { HALL_ROLE_MANAGER, "r.manager", NULL, 1 },
  { HALL_ROLE_LEADER, "r.leader", NULL, 0 },
  { HALL_ROLE_ADMIN, "r.admin", NULL, 0 },
  { HALL_ROLE_DISPLAY, "r.display", NULL, 0 },
  { HALL_ROLE_KIOSK, "r.kiosk", NULL, 0 },
  { HALL_ROLE_RATING_PAD, "r.pad", NULL, 0 },
};

static void
test_every_command_every_role (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  const HallCommand *const *commands;
  char                     *tokens[G_N_ELEMENTS (people)];
  guint                     n_commands = 0, n_calls = 0;

  for (guint p = 0; p < G_N_ELEMENTS (people); p++)
    tokens[p] = hall_test_server_add_user_login (server, people[p].username,
                                                 hall_role_to_string (people[p].role),
                                                 people[p].department, people[p].counter_id);
  /* A rating pad faces a window before it rates anything. */
  {
    g_autoptr (JsonObject) pad = hall_test_server_ok (server, tokens[6], "session.whoami", "{}");
    g_autoptr (JsonObject) bound = hall_test_server_ok (
        server, tokens[3], "rating.bind", "{\"user_id\": %" G_GINT64_FORMAT ", \"counter_id\": 2}",
        json_object_get_int_member (json_object_get_object_member (pad, "user"), "id"));
  }

  commands = hall_engine_list_commands (&n_commands);
  g_assert_cmpuint (n_commands, >, 20);

  for (guint c = 0; c < n_commands; c++)
    for (guint p = 0; p < G_N_ELEMENTS (people); p++)
      {
        const HallCommand *command = commands[c];
        gboolean           allowed =
            (command->roles & people[p].role) || (command->flags & HALL_COMMAND_PUBLIC);
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

            g_error ("%s as %s: %u %s, but the role table allows it", command->name,
                     people[p].username, status, text);
          }
        else
          g_assert_cmpuint (status, <, 500);

        /* Signing out ends the session: sign in again for the next command. */
        if (g_str_equal (command->name, "session.logout") && status == 200)
          {
            g_free (tokens[p]);
            tokens[p] =
                hall_test_server_login (server, people[p].username, NULL, people[p].counter_id);
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
  g_autoptr (JsonObject) answer =
      hall_test_server_ok (server, token, "matter.register",
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

  answer = hall_test_server_call (server, token, "matter.get", &status,
                                  "{\"matter_id\": %" G_GINT64_FORMAT "}", matter_id);
  if (status == 200)
    {
      g_assert_cmpint (
          json_object_get_int_member (json_object_get_object_member (answer, "matter"), "id"), ==,
          matter_id);
      return TRUE;
    }
  g_assert_cmpuint (status, ==, 403);
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (answer, "error"), "code"), ==,
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
    g_string_append_printf (out, "%s%" G_GINT64_FORMAT, i ? "," : "",
                            g_array_index (ids, gint64, i));
  return g_string_free (out, FALSE);
}

static void
test_staff_see_own_matters (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_autofree char *staff_a =
      hall_test_server_add_user_login (server, "a.chengjian", "staff", "chengjian", 2);
  g_autofree char *staff_b =
      hall_test_server_add_user_login (server, "b.minzheng", "staff", "minzheng", 3);
  g_autofree char *staff_c =
      hall_test_server_add_user_login (server, "c.chengjian", "staff", "chengjian", 2);
  g_autofree char *manager =
      hall_test_server_add_user_login (server, "m.manager", "manager", NULL, 5);
  g_autofree char *leader = hall_test_server_add_user_login (server, "l.leader", "leader", NULL, 0);
  g_autofree char *display =
      hall_test_server_add_user_login (server, "d.display", "display", NULL, 0);
  g_autofree char *deadline = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *expect = NULL;
  gint64           m1, m2, m3, m4;

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
  /* c: a colleague at chengjian sees the department's matters, m4 included (first received there).
   */
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

  /* The candidates of a registration follow the same rule: another department's matter, even
   * word for word, is none of them. */
  g_free (ids);
  ids = visible_ids (server, staff_a, "matter.similar", "{\"content\": \"低保申请漏水房屋补助\"}");
  g_assert_cmpstr (ids, ==, "");
  g_free (ids);
  g_free (expect);
  expect = g_strdup_printf ("%" G_GINT64_FORMAT, m2);
  ids = visible_ids (server, staff_b, "matter.similar", "{\"content\": \"低保申请漏水房屋补助\"}");
  g_assert_cmpstr (ids, ==, expect);
  g_free (ids);
  ids = visible_ids (server, manager, "matter.similar", "{\"content\": \"低保申请漏水房屋补助\"}");
  g_assert_cmpstr (ids, ==, expect);
  g_free (expect);
  expect = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, m2, m4);

  g_free (expect);
  g_free (ids);
  expect = g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                            ",%" G_GINT64_FORMAT,
                            m1, m2, m3, m4);
  ids = visible_ids (server, manager, "matter.search", "{\"query\": \"漏水\"}");
  g_assert_cmpstr (ids, ==, expect);

  /* Acting on another department's matter is refused like reading it. */
  {
    g_autoptr (JsonObject) error =
        hall_test_server_fails (server, staff_a, "matter.accept", HALL_ERROR_FORBIDDEN, "matter_id",
                                "{\"matter_id\": %" G_GINT64_FORMAT "}", m2);
  }

  /* The wall display reads no matter at all. */
  {
    g_autoptr (JsonObject) error =
        hall_test_server_fails (server, display, "matter.get", HALL_ERROR_FORBIDDEN, NULL,
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
    expect =
        g_strdup_printf ("%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT, m1, m3, m4);
    ids = visible_ids (server, staff_c, "matter.search", "{\"query\": \"漏水\"}");
    g_assert_cmpstr (ids, ==, expect);
    g_free (ids);
    ids = visible_ids (server, staff_c, "matter.list", "{}");
    g_assert_cmpstr (ids, ==, expect);
    noted = hall_test_server_ok (
        server, staff_c, "matter.note",
        "{\"matter_id\": %" G_GINT64_FORMAT ", \"text\": \"已派员现场查看\"}", m3);
    error =
        hall_test_server_fails (server, staff_c, "matter.reply", HALL_ERROR_FORBIDDEN, "matter_id",
                                "{\"matter_id\": %" G_GINT64_FORMAT ", \"opinion\": \"support\", "
                                "\"text\": \"已修\"}",
                                m3);
  }
}

/* ---- row-level: petitioners and tickets ---------------------------------------------------- */

static char *
to_text (JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return json_to_string (node, FALSE);
}

/* petitioner.lookup by internal id: the answer's text, or the error object's text. */
static char *
lookup_by_id (HallTestServer *server,
              const char     *token,
              gint64          petitioner_id,
              gboolean       *found)
{
  g_autoptr (JsonObject) answer = NULL;
  guint status = 0;

  answer = hall_test_server_call (server, token, "petitioner.lookup", &status,
                                  "{\"petitioner_id\": %" G_GINT64_FORMAT "}", petitioner_id);
  *found = status == 200;
  if (status == 200)
    return to_text (answer);
  g_assert_cmpuint (status, ==, 404);
  return to_text (json_object_get_object_member (answer, "error"));
}

/* How many people petitioner.lookup by ID number shows @token, and whether one has a phone. */
static guint
lookup_by_id_number (HallTestServer *server,
                     const char     *token,
                     const char     *id_number)
{
  g_autoptr (JsonObject) answer = hall_test_server_ok (server, token, "petitioner.lookup",
                                                       "{\"id_number\": \"%s\"}", id_number);
  JsonArray *persons = json_object_get_array_member (answer, "persons");

  g_assert_cmpint (json_object_get_boolean_member (answer, "found"), ==,
                   json_array_get_length (persons) > 0);
  return json_array_get_length (persons);
}

/* Whether @ticket_id's petitioner and note reach @token, in ticket.get and in ticket.list. */
static gboolean
ticket_personal_visible (HallTestServer *server,
                         const char     *token,
                         gint64          ticket_id)
{
  g_autoptr (JsonObject) got = hall_test_server_ok (
      server, token, "ticket.get", "{\"ticket_id\": %" G_GINT64_FORMAT "}", ticket_id);
  g_autoptr (JsonObject) list =
      hall_test_server_ok (server, token, "ticket.list", "{\"state\": \"all\"}");
  JsonObject *ticket = json_object_get_object_member (got, "ticket");
  JsonArray  *tickets = json_object_get_array_member (list, "tickets");
  gboolean    in_get = !json_object_get_null_member (ticket, "petitioner_id");
  gboolean    listed = FALSE;

  /* The code, department and state stay: every window's queue screen shows them. */
  g_assert_nonnull (json_object_get_string_member (ticket, "code"));
  g_assert_cmpint (in_get, ==, !json_object_get_null_member (ticket, "note"));
  for (guint i = 0; i < json_array_get_length (tickets); i++)
    {
      JsonObject *row = json_array_get_object_element (tickets, i);

      if (json_object_get_int_member (row, "id") != ticket_id)
        continue;
      listed = TRUE;
      g_assert_cmpint (in_get, ==, !json_object_get_null_member (row, "petitioner_id"));
      g_assert_cmpint (in_get, ==, !json_object_get_null_member (row, "note"));
    }
  g_assert_true (listed);
  return in_get;
}

static void
test_petitioners_and_tickets (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_autofree char *kiosk = hall_test_server_add_user_login (server, "k.kiosk", "kiosk", NULL, 0);
  const struct
  {
    const char *username;
    const char *roles;
    const char *department;
    gint64      counter_id;
  } actors[] = {
    { "a.chengjian", "staff", "chengjian", 2 },
    { "b.minzheng", "staff", "minzheng", 3 },
    { "c.chengjian", "staff", "chengjian", 0 }, /* signed in at no window */
    { "m.manager", "manager", NULL, 1 },
    { "l.leader", "leader", NULL, 0 },
  };
  /* The people on record: p[0] came with a ticket for chengjian, p[1] with one for minzheng,
   * p[2] has a minzheng matter registered by b without a ticket; the last id is nobody's. */
  const char *id_numbers[] = { "430102198503151236", "11010519491231002X", "431228198001151236" };
  /* Who sees whom, by actor (rows) and person (columns). */
  const gboolean sees[G_N_ELEMENTS (actors)][3] = {
    { TRUE, FALSE, FALSE },
    { FALSE, TRUE, TRUE },
    { TRUE, FALSE, FALSE },
    { TRUE, TRUE, TRUE },
    { TRUE, TRUE, TRUE },
  };
  char  *tokens[G_N_ELEMENTS (actors)];
  gint64 person[4], ticket[2];

  for (guint a = 0; a < G_N_ELEMENTS (actors); a++)
    tokens[a] = hall_test_server_add_user_login (server, actors[a].username, actors[a].roles,
                                                 actors[a].department, actors[a].counter_id);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr (JsonObject) issued = NULL;
      g_autoptr (JsonObject) got = NULL;

      issued = hall_test_server_ok (server, kiosk, "ticket.issue",
                                    "{\"department_id\": %u, \"note\": \"家住三楼，丈夫酗酒\", "
                                    "\"petitioner\": {\"name\": \"%s\", \"id_number\": \"%s\", "
                                    "\"phone\": \"1380731000%u\", \"address\": \"芙蓉路%u号\"}}",
                                    i == 0 ? 2 : 3, i == 0 ? "张建国" : "李秀英", id_numbers[i], i, i);
      ticket[i] =
          json_object_get_int_member (json_object_get_object_member (issued, "ticket"), "id");
      got = hall_test_server_ok (server, tokens[3], "ticket.get",
                                 "{\"ticket_id\": %" G_GINT64_FORMAT "}", ticket[i]);
      person[i] = json_object_get_int_member (json_object_get_object_member (got, "ticket"),
                                              "petitioner_id");
    }
  {
    g_autoptr (JsonObject) registered = NULL;

    registered = hall_test_server_ok (
        server, tokens[1], "matter.register",
        "{\"channel\": \"letter\", \"type\": \"claim\", \"content\": \"低保\", "
        "\"petitioners\": [{\"name\": \"王强\", \"id_number\": \"%s\", "
        "\"phone\": \"13807310009\"}]}",
        id_numbers[2]);
    person[2] =
        json_array_get_int_element (json_object_get_array_member (registered, "petitioner_ids"), 0);
  }
  person[3] = person[2] + 100;

  for (guint a = 0; a < G_N_ELEMENTS (actors); a++)
    {
      gboolean         found = TRUE;
      g_autofree char *nobody = lookup_by_id (server, tokens[a], person[3], &found);

      g_assert_false (found);
      for (guint p = 0; p < 3; p++)
        {
          g_autofree char *answer = lookup_by_id (server, tokens[a], person[p], &found);

          g_test_message ("%s × petitioner %u: %s", actors[a].username, p, answer);
          g_assert_cmpint (found, ==, sees[a][p]);
          /* Refused exactly as for someone who does not exist. */
          if (!found)
            g_assert_cmpstr (answer, ==, nobody);
          else
            g_assert_nonnull (strstr (answer, id_numbers[p]));
          g_assert_cmpuint (lookup_by_id_number (server, tokens[a], id_numbers[p]), ==,
                            sees[a][p] ? 1 : 0);
        }
      for (guint t = 0; t < 2; t++)
        g_assert_cmpint (ticket_personal_visible (server, tokens[a], ticket[t]), ==, sees[a][t]);
    }

  /* Staff cannot link a person they may not see to a matter of theirs by naming the id … */
  {
    g_autoptr (JsonObject) error = NULL;

    error = hall_test_server_fails (
        server, tokens[0], "matter.register", HALL_ERROR_NOT_FOUND, "petitioners[0].id",
        "{\"channel\": \"visit\", \"type\": \"claim\", \"content\": \"漏水\", "
        "\"petitioners\": [{\"id\": %" G_GINT64_FORMAT "}]}",
        person[2]);
  }
  /* … but the visitor at the window, with their ID card and name, is registered and then seen. */
  {
    g_autoptr (JsonObject) registered = NULL;
    gboolean         found = FALSE;
    g_autofree char *answer = NULL;

    registered =
        hall_test_server_ok (server, tokens[0], "matter.register",
                             "{\"channel\": \"visit\", \"type\": \"claim\", \"content\": \"漏水\", "
                             "\"petitioners\": [{\"name\": \"王强\", \"id_number\": \"%s\"}]}",
                             id_numbers[2]);
    g_assert_cmpint (
        json_array_get_int_element (json_object_get_array_member (registered, "petitioner_ids"), 0),
        ==, person[2]);
    g_assert_cmpint (json_object_get_int_member (registered, "repeat_count"), ==, 1);
    answer = lookup_by_id (server, tokens[0], person[2], &found);
    g_assert_true (found);
  }

  for (guint a = 0; a < G_N_ELEMENTS (actors); a++)
    g_free (tokens[a]);
}

/* ---- the devices: what the calling display reads, and leaving a device ---------------------- */

static void
test_devices (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_autofree char *display =
      hall_test_server_add_user_login (server, "d.display", "display", NULL, 0);
  g_autofree char *manager =
      hall_test_server_add_user_login (server, "d.manager", "manager", NULL, 0);
  g_autofree char *admin = hall_test_server_add_user_login (server, "d.admin", "admin", NULL, 0);
  g_autofree char *staff =
      hall_test_server_add_user_login (server, "d.staff", "staff", "chengjian", 2);
  g_autoptr (JsonObject) notice = NULL;
  g_autoptr (JsonObject) set = NULL;
  g_autoptr (JsonObject) unlocked = NULL;
  g_autoptr (JsonObject) whoami = NULL;
  guint status = 0;

  /* No notice until someone writes one; the manager and the admin write it, the display reads
   * it, nobody else writes. */
  notice = hall_test_server_ok (server, display, "display.notice", "{}");
  g_assert_cmpstr (json_object_get_string_member (notice, "text"), ==, "");
  set = hall_test_server_ok (server, manager, "display.notice_set",
                             "{\"text\": \"今日下午三点起暂停办理社保业务\"}");
  g_clear_pointer (&notice, json_object_unref);
  notice = hall_test_server_ok (server, display, "display.notice", "{}");
  g_assert_cmpstr (json_object_get_string_member (notice, "text"), ==,
                   "今日下午三点起暂停办理社保业务");
  g_clear_pointer (&set, json_object_unref);
  set = hall_test_server_ok (server, admin, "display.notice_set", "{\"text\": \"\"}");
  g_assert_cmpstr (json_object_get_string_member (set, "text"), ==, "");
  {
    g_autoptr (JsonObject) error = NULL;

    error = hall_test_server_fails (server, staff, "display.notice_set", HALL_ERROR_FORBIDDEN,
                                    NULL, "{\"text\": \"x\"}");
    g_clear_pointer (&error, json_object_unref);
    error = hall_test_server_fails (server, display, "display.notice_set", HALL_ERROR_FORBIDDEN,
                                    NULL, "{\"text\": \"x\"}");
    g_clear_pointer (&error, json_object_unref);
    error = hall_test_server_fails (server, manager, "display.notice_set",
                                    HALL_ERROR_INVALID_ARGUMENT, "text",
                                    "{\"text\": \"两行\\n通知\"}");
  }

  /* The display reads today's duty leaders, without the queue behind them. */
  {
    g_autoptr (JsonObject) today = hall_test_server_ok (server, display, "leader.today", "{}");
    g_assert_nonnull (json_object_get_array_member (today, "leaders"));
  }

  /* Leaving a device: an administrator's password, checked without a session for them; a wrong
   * one or another role's is refused with 403 and the device stays signed in. */
  unlocked = hall_test_server_ok (server, display, "device.unlock",
                                  "{\"username\": \"d.admin\", \"password\": \"%s\"}",
                                  HALL_TEST_PASSWORD);
  g_assert_cmpint (json_object_get_int_member (unlocked, "user_id"), >, 0);
  {
    g_autoptr (JsonObject) error = NULL;

    error = hall_test_server_fails (server, display, "device.unlock", HALL_ERROR_FORBIDDEN,
                                    "password",
                                    "{\"username\": \"d.admin\", \"password\": \"wrong-one\"}");
    g_clear_pointer (&error, json_object_unref);
    error = hall_test_server_fails (server, display, "device.unlock", HALL_ERROR_FORBIDDEN,
                                    "username", "{\"username\": \"d.staff\", \"password\": \"%s\"}",
                                    HALL_TEST_PASSWORD);
    g_clear_pointer (&error, json_object_unref);
    /* Window staff cannot use it to try passwords. */
    error = hall_test_server_fails (server, staff, "device.unlock", HALL_ERROR_FORBIDDEN, NULL,
                                    "{\"username\": \"d.admin\", \"password\": \"x\"}");
  }
  whoami = hall_test_server_ok (server, display, "session.whoami", "{}");
  g_assert_cmpstr (json_object_get_string_member (whoami, "role"), ==, "display");

  /* Rate-limited like signing in: after the failures of a minute, even the right password waits. */
  for (guint i = 0; i < HALL_SERVER_LOGIN_FAILURES_PER_MINUTE; i++)
    {
      g_autoptr (JsonObject) answer =
          hall_test_server_call (server, display, "device.unlock", &status,
                                 "{\"username\": \"nobody\", \"password\": \"guess%u\"}", i);
    }
  {
    g_autoptr (JsonObject) error = hall_test_server_fails (
        server, display, "device.unlock", HALL_ERROR_RATE_LIMITED, "password",
        "{\"username\": \"d.admin\", \"password\": \"%s\"}", HALL_TEST_PASSWORD);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/roles/every-command-every-role", test_every_command_every_role);
  g_test_add_func ("/roles/staff-see-own-matters", test_staff_see_own_matters);
  g_test_add_func ("/roles/petitioners-and-tickets", test_petitioners_and_tickets);
  g_test_add_func ("/roles/devices", test_devices);

  return g_test_run ();
}
