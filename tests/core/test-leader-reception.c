/* test-leader-reception.c — the duty leader's reception: the escalated visitor's way from the
 * window to the leader and back, the lead and cooperating departments it assigns, and
 * windows, managers and leaders acting at the same time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-leader-reception"

#include "config.h"

#include <string.h>

#include "test-leader-fixture.h"

/* ---- escalation and the leader's reception ------------------------------------------------ */

static void
test_reception_flow (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) ticket = NULL;
  g_autoptr (JsonObject) queue = NULL;
  g_autoptr (JsonObject) matter = NULL;
  gint64      matter_id, ticket_id, escalation_id, reception_id;
  JsonObject *escalation, *visitor, *reception, *instruction;
  JsonArray  *assignments;

  ticket_id = visitor_at_window (f, &matter_id);

  /* Nobody on duty today: the window is told what to do about it. */
  hall_test_fails (f->hall, f->staff, "matter.escalate", HALL_ERROR_CONFLICT, NULL,
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);
  ticket = get_ticket (f, ticket_id);
  g_assert_cmpstr (json_object_get_string_member (ticket, "queue"), ==, "counter");
  g_clear_pointer (&ticket, json_object_unref);

  put_on_duty (f, f->leader_id);

  /* A leader who is not on duty today cannot be chosen. */
  hall_test_fails (f->hall, f->staff, "matter.escalate", HALL_ERROR_CONFLICT, "leader_user_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"leader_user_id\":%" G_GINT64_FORMAT "}",
                   matter_id, f->leader2_id);

  r = hall_test_ok (f->hall, f->staff, "matter.escalate",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"note\":\"诉求强烈，要求见领导\"}", matter_id);
  escalation = json_object_get_object_member (r, "escalation");
  escalation_id = json_object_get_int_member (escalation, "id");
  g_assert_cmpint (json_object_get_int_member (escalation, "leader_user_id"), ==, f->leader_id);
  g_assert_cmpint (json_object_get_int_member (escalation, "ticket_id"), ==, ticket_id);
  g_assert_cmpstr (json_object_get_string_member (escalation, "state"), ==, "waiting");
  g_clear_pointer (&r, json_object_unref);

  /* The ticket left window 2's queue for the leader's. */
  ticket = get_ticket (f, ticket_id);
  g_assert_cmpstr (json_object_get_string_member (ticket, "queue"), ==, "leader");
  g_assert_cmpstr (json_object_get_string_member (ticket, "state"), ==, "waiting");
  g_assert_cmpint (json_object_get_int_member (ticket, "leader_user_id"), ==, f->leader_id);
  g_clear_pointer (&ticket, json_object_unref);
  hall_test_fails (f->hall, f->staff, "counter.call_next", HALL_ERROR_QUEUE_EMPTY, NULL, NULL);

  /* Escalating it twice is refused. */
  hall_test_fails (f->hall, f->manager, "matter.escalate", HALL_ERROR_CONFLICT, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);

  /* The leader sees the visitor waiting; today's roster counts them. */
  queue = hall_test_ok (f->hall, f->leader, "leader.queue", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (queue, "visitors")), ==,
                    1);
  visitor = json_array_get_object_element (json_object_get_array_member (queue, "visitors"), 0);
  g_assert_cmpint (json_object_get_int_member (visitor, "escalation_id"), ==, escalation_id);
  g_assert_cmpstr (json_object_get_string_member (visitor, "ticket_code"), ==, "C001");
  g_assert_cmpint (json_object_get_int_member (visitor, "persons"), ==, 2);
  g_clear_pointer (&queue, json_object_unref);
  r = hall_test_ok (f->hall, f->manager, "leader.today", NULL);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (
                                                   json_object_get_array_member (r, "leaders"), 0),
                                               "waiting"),
                   ==, 1);
  g_clear_pointer (&r, json_object_unref);

  /* The manager cannot take the leader off today's roster while the visitor waits. */
  hall_test_fails (f->hall, f->manager, "leader.duty", HALL_ERROR_CONFLICT, "clear",
                   "{\"date\":\"2026-10-12\",\"user_id\":%" G_GINT64_FORMAT ",\"clear\":true}",
                   f->leader_id);

  /* Another leader cannot call them in. */
  hall_test_fails (f->hall, f->leader2, "leader.call", HALL_ERROR_FORBIDDEN, "escalation_id",
                   "{\"escalation_id\":%" G_GINT64_FORMAT "}", escalation_id);

  hall_engine_set_now (f->hall->engine, hall_test_time ("2026-10-12 09:40"));
  r = hall_test_ok (f->hall, f->leader, "leader.call", "{\"escalation_id\":%" G_GINT64_FORMAT "}",
                    escalation_id);
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (r, "escalation"), "state"), ==,
      "called");
  g_clear_pointer (&r, json_object_unref);
  ticket = get_ticket (f, ticket_id);
  g_assert_cmpstr (json_object_get_string_member (ticket, "state"), ==, "called");
  g_clear_pointer (&ticket, json_object_unref);

  /* The reception record: instructions, two departments, one with its own deadline. */
  hall_engine_set_now (f->hall->engine, hall_test_time ("2026-10-12 10:05"));
  r = hall_test_ok (f->hall, f->leader, "leader.receive",
                    "{\"escalation_id\":%" G_GINT64_FORMAT ","
                    "\"problem\":\"电梯停用三个月，物业不维修\","
                    "\"instructions\":\"请住建局牵头，自然资源局配合，10月底前拿出维修方案\","
                    "\"deadline\":\"2026-11-11\","
                    "\"assignments\":[{\"department\":\"chengjian\",\"deadline\":\"2026-10-30\"},"
                    "{\"department\":\"ziranziyuan\",\"note\":\"核实小区土地性质\"}],"
                    "\"result\":\"当场答复，限期办理\"}",
                    escalation_id);
  reception = json_object_get_object_member (r, "reception");
  reception_id = json_object_get_int_member (reception, "id");
  g_assert_cmpint (json_object_get_int_member (reception, "matter_id"), ==, matter_id);
  g_assert_cmpstr (json_object_get_string_member (reception, "petitioner_name"), ==, "王小明");
  g_assert_cmpstr (json_object_get_string_member (reception, "petitioner_sex"), ==, "male");
  g_assert_cmpstr (json_object_get_string_member (reception, "petitioner_id_number"), ==,
                   "431228198001151236");
  g_assert_cmpint (json_object_get_int_member (reception, "persons"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (reception, "deadline"), ==, "2026-11-11");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (reception, "departments")),
                    ==, 2);
  g_assert_cmpstr (json_object_get_string_member (
                       json_array_get_object_element (
                           json_object_get_array_member (reception, "departments"), 1),
                       "deadline"),
                   ==, "2026-11-11");
  g_assert_cmpstr (json_object_get_string_member (
                       json_array_get_object_element (
                           json_object_get_array_member (reception, "departments"), 0),
                       "role"),
                   ==, "lead");
  g_assert_cmpstr (json_object_get_string_member (
                       json_array_get_object_element (
                           json_object_get_array_member (reception, "departments"), 1),
                       "role"),
                   ==, "cooperate");
  g_clear_pointer (&r, json_object_unref);

  /* The matter's timeline shows the escalation, the instruction and both assignments. */
  matter = hall_test_ok (f->hall, f->leader, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                         matter_id);
  g_assert_cmpuint (hall_test_count_timeline (matter, "escalated"), ==, 1);
  instruction = hall_test_find_timeline (matter, "leader_instruction");
  g_assert_nonnull (instruction);
  g_assert_cmpstr (json_object_get_string_member (
                       json_object_get_object_member (instruction, "detail"), "instructions"),
                   ==, "请住建局牵头，自然资源局配合，10月底前拿出维修方案");
  /* Both departments got the matter with their deadlines; the first listed leads and is
   * responsible for it now. */
  assignments = json_object_get_array_member (matter, "assignments");
  g_assert_cmpuint (json_array_get_length (assignments), ==, 2);
  g_assert_cmpuint (hall_test_count_timeline (matter, "assigned"), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *a = json_array_get_object_element (assignments, i);

      if (json_object_get_int_member (a, "department_id") == 2)
        g_assert_cmpstr (json_object_get_string_member (a, "deadline"), ==, "2026-10-30");
      else
        {
          g_assert_cmpint (json_object_get_int_member (a, "department_id"), ==, 4);
          g_assert_cmpstr (json_object_get_string_member (a, "deadline"), ==, "2026-11-11");
          g_assert_cmpstr (json_object_get_string_member (a, "note"), ==, "核实小区土地性质");
        }
    }
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (matter, "matter"),
                                               "department_id"),
                   ==, 2);
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (matter, "matter"), "state"), ==,
      "assigned");
  /* 住建 leads (牵头) and 自然资源 cooperates (配合): both work it at the same time. */
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *a = json_array_get_object_element (assignments, i);

      g_assert_cmpstr (json_object_get_string_member (a, "state"), ==, "open");
      g_assert_cmpstr (json_object_get_string_member (a, "role"), ==,
                       json_object_get_int_member (a, "department_id") == 2 ? "lead" : "cooperate");
    }

  /* The visitor's ticket is finished, and the leader's queue is empty. */
  ticket = get_ticket (f, ticket_id);
  g_assert_cmpstr (json_object_get_string_member (ticket, "state"), ==, "finished");
  g_clear_pointer (&ticket, json_object_unref);
  queue = hall_test_ok (f->hall, f->leader, "leader.queue", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (queue, "visitors")), ==,
                    0);
  hall_test_fails (f->hall, f->leader, "leader.call", HALL_ERROR_CONFLICT, "escalation_id",
                   "{\"escalation_id\":%" G_GINT64_FORMAT "}", escalation_id);

  /* The register lists the reception without the visitor's particulars … */
  r = hall_test_ok (f->hall, f->manager, "leader.receptions", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "receptions")), ==, 1);
  g_assert_false (json_object_has_member (json_array_get_object_element (
                                              json_object_get_array_member (r, "receptions"), 0),
                                          "petitioner_id_number"));
  g_clear_pointer (&r, json_object_unref);

  /* … and reading the full record is audited. */
  r = hall_test_ok (f->hall, f->manager, "leader.reception",
                    "{\"reception_id\":%" G_GINT64_FORMAT "}", reception_id);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (r, "reception"),
                                                  "petitioner_phone"),
                   ==, "13800138000");
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->admin, "audit.list",
                    "{\"object_type\":\"leader_reception\",\"object_id\":\"%" G_GINT64_FORMAT "\"}",
                    reception_id);
  {
    JsonArray *entries = json_object_get_array_member (r, "entries");
    gboolean   personal = FALSE;

    for (guint i = 0; i < json_array_get_length (entries); i++)
      personal |= g_strcmp0 (json_object_get_string_member (
                                 json_array_get_object_element (entries, i), "command"),
                             "leader_reception.read_personal")
                  == 0;
    g_assert_true (personal);
  }
  g_clear_pointer (&r, json_object_unref);

  /* No event carries the visitor's name, ID number or phone. */
  r = hall_test_ok (f->hall, f->manager, "events.since", "{\"since\":0,\"limit\":10000}");
  {
    JsonArray *events = json_object_get_array_member (r, "events");

    for (guint i = 0; i < json_array_get_length (events); i++)
      {
        g_autoptr (JsonNode) node =
            json_node_init_object (json_node_alloc (), json_array_get_object_element (events, i));
        g_autofree char *text = json_to_string (node, FALSE);

        g_assert_null (strstr (text, "王小明"));
        g_assert_null (strstr (text, "431228198001151236"));
        g_assert_null (strstr (text, "13800138000"));
        g_assert_null (strstr (text, "维修方案"));
      }
  }
}

/* ---- at the same time ------------------------------------------------------------------------ */

/* @n callers (@tokens) run @command with @json at once; @out counts their answers. */
static void
race (Fixture      *f,
      const char  **tokens,
      guint         n,
      const char   *command,
      const char   *json,
      HallTestRace *out)
{
  *out = (HallTestRace){ 0 };
  for (guint i = 0; i < n; i++)
    hall_test_race_call (f->hall, out, tokens[i], command, "%s", json);
  hall_test_race_wait (out);
}

/* A visitor who asks for the leader by the matter's number, without an escalation: the
 * reception finishes their ticket, as it does an escalated visitor's (issue 11 §5). */
static void
test_receive_by_matter (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) ticket = NULL;
  gint64 matter_id, ticket_id;

  ticket_id = visitor_at_window (f, &matter_id);
  ticket = get_ticket (f, ticket_id);
  g_assert_cmpstr (json_object_get_string_member (ticket, "state"), !=, "finished");
  g_clear_pointer (&ticket, json_object_unref);

  r = hall_test_ok (f->hall, f->leader, "leader.receive",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"problem\":\"电梯停用\","
                    "\"instructions\":\"请住建局尽快处理\"}",
                    matter_id);
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (r, "reception"), "ticket_id"), ==,
      ticket_id);

  ticket = get_ticket (f, ticket_id);
  g_assert_cmpstr (json_object_get_string_member (ticket, "state"), ==, "finished");
  g_assert_cmpstr (json_object_get_string_member (ticket, "outcome"), ==, "matter");
}

static void
test_concurrent (Fixture      *f,
                 gconstpointer data)
{
  g_autofree char *staff2 = hall_test_add_user (f->hall, "chuangkou2", "staff", "chengjian", 2);
  g_autofree char *leader3 = hall_test_add_user (f->hall, "wang", "leader", NULL, 0);
  g_autofree char *json = NULL;
  g_autoptr (JsonObject) r = NULL;
  gint64       matter_id = register_matter (f, 0, NULL);
  HallTestRace result;

  put_on_duty (f, f->leader_id);
  json = g_strdup_printf ("{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);

  /* Two windows and the manager escalate the same matter at once: it goes to the leader once. */
  {
    const char *tokens[] = { f->staff, staff2, f->manager };

    race (f, tokens, G_N_ELEMENTS (tokens), "matter.escalate", json, &result);
    g_assert_cmpuint (result.ok, ==, 1);
    g_assert_cmpuint (result.conflicts, ==, 2);
  }
  r = hall_test_ok (f->hall, f->leader, "leader.queue", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "visitors")), ==, 1);
  g_clear_pointer (&r, json_object_unref);

  /* Three leaders take charge of it at once: one of them has it. */
  {
    const char *tokens[] = { f->leader, f->leader2, leader3 };

    race (f, tokens, G_N_ELEMENTS (tokens), "leader.charge", json, &result);
    g_assert_cmpuint (result.ok, ==, 1);
    g_assert_cmpuint (result.conflicts, ==, 2);
  }
  r = hall_test_ok (f->hall, f->manager, "leader.charges", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "charges")), ==, 1);
  g_clear_pointer (&r, json_object_unref);

  /* Received by its matter rather than from the queue, the escalation is answered all the same. */
  r = hall_test_ok (f->hall, f->leader, "leader.receive",
                    "{\"matter_id\":%" G_GINT64_FORMAT
                    ",\"problem\":\"物业\",\"instructions\":\"依法办理\"}",
                    matter_id);
  g_assert_false (json_object_get_null_member (json_object_get_object_member (r, "reception"),
                                               "escalation_id"));
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->leader, "leader.queue", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "visitors")), ==, 0);
}

/* ---- co-handling: the lead department (牵头) and cooperating ones (配合) -------------------- */

static void
test_reception_roles (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) m = NULL;
  g_autofree char *lead_staff = hall_test_add_user (f->hall, "minzheng", "staff", "minzheng", 3);
  JsonArray       *departments, *assignments;
  gint64           matter_id = register_matter (f, 0, NULL);

#define RECEIVE_FAILS(field, list)                                                           \
  hall_test_fails (f->hall, f->leader, "leader.receive", HALL_ERROR_INVALID_ARGUMENT, field, \
                   "{\"matter_id\":%" G_GINT64_FORMAT                                        \
                   ",\"problem\":\"物业\",\"instructions\":\"办\","                       \
                   "\"deadline\":\"2026-10-30\",\"assignments\":" list "}",                  \
                   matter_id)

  /* Two leads, no lead at all, a role that does not exist. */
  RECEIVE_FAILS ("assignments[1].role", "[{\"department\":\"chengjian\",\"role\":\"lead\"},{"
                                        "\"department\":\"minzheng\",\"role\":\"lead\"}]");
  RECEIVE_FAILS ("assignments[0].role",
                 "[{\"department\":\"chengjian\",\"role\":\"cooperate\"},"
                 "{\"department\":\"minzheng\",\"role\":\"cooperate\"}]");
  RECEIVE_FAILS ("assignments[0].role", "[{\"department\":\"chengjian\",\"role\":\"boss\"}]");
  /* A fault found while assigning names the entry as the leader listed it. */
  RECEIVE_FAILS ("assignments[0].deadline",
                 "[{\"department\":\"chengjian\",\"deadline\":\"2027-03-01\"},"
                 "{\"department\":\"minzheng\",\"role\":\"lead\"}]");
#undef RECEIVE_FAILS

  /* The second listed is marked to lead: it is responsible, the first cooperates. */
  r = hall_test_ok (f->hall, f->leader, "leader.receive",
                    "{\"matter_id\":%" G_GINT64_FORMAT
                    ",\"problem\":\"低保\",\"instructions\":\"民政局牵头\","
                    "\"deadline\":\"2026-10-30\",\"assignments\":[{\"department\":\"chengjian\"},"
                    "{\"department\":\"minzheng\",\"role\":\"lead\"}]}",
                    matter_id);
  departments =
      json_object_get_array_member (json_object_get_object_member (r, "reception"), "departments");
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (departments, 0), "role"), ==,
      "cooperate");
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (departments, 1), "role"), ==,
      "lead");

  m = hall_test_ok (f->hall, f->manager, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                    matter_id);
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (m, "matter"), "department_id"), ==,
      3);
  assignments = json_object_get_array_member (m, "assignments");
  g_assert_cmpuint (json_array_get_length (assignments), ==, 2);
  g_assert_cmpint (
      json_object_get_int_member (json_array_get_object_element (assignments, 0), "department_id"),
      ==, 3);
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (assignments, 0), "role"), ==,
      "lead");
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (assignments, 1), "role"), ==,
      "cooperate");
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (assignments, 1), "state"), ==,
      "open");

  /* 城建's window (the first receiver, cooperating now) reads and notes; 民政 replies. */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->staff, "matter.note",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"text\":\"已提供房屋档案\"}", matter_id);
  hall_test_fails (f->hall, f->staff, "matter.reply", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"facts\":\"经查属实\",\"basis\":\"《信访工作条例》第三十二条\",\"opinion\":\"support\",\"text\":\"已办\"}",
                   matter_id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, lead_staff, "matter.reply",
                    "{\"matter_id\":%" G_GINT64_FORMAT
                    ",\"facts\":\"经查属实\",\"basis\":\"《信访工作条例》第三十二条\",\"opinion\":\"support\",\"text\":\"已纳入低保\"}",
                    matter_id);
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (r, "matter"), "state"), ==,
      "replied");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/leader/reception-flow", Fixture, NULL, fixture_set_up, test_reception_flow,
              fixture_tear_down);
  g_test_add ("/leader/receive-by-matter", Fixture, NULL, fixture_set_up, test_receive_by_matter,
              fixture_tear_down);
  g_test_add ("/leader/concurrent", Fixture, NULL, fixture_set_up, test_concurrent,
              fixture_tear_down);
  g_test_add ("/leader/reception-roles", Fixture, NULL, fixture_set_up, test_reception_roles,
              fixture_tear_down);

  return g_test_run ();
}
