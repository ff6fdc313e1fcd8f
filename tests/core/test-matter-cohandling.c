/* test-matter-cohandling.c — co-handling: the lead department (牵头) and cooperating ones (配合)
 * on one matter, also when they act at the same time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-matter-cohandling"

#include "config.h"

#include "test-matter-fixture.h"

/* The assignment of department @department_id in matter.get's "assignments" (the latest). */
static JsonObject *
find_assignment (JsonObject *got,
                 gint64      department_id)
{
  JsonArray  *assignments = json_object_get_array_member (got, "assignments");
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
  JsonArray  *timeline = json_object_get_array_member (got, "timeline");
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

#define ASSIGNMENT_IS(got, dept, role_, state_)                                \
  G_STMT_START                                                                 \
  {                                                                            \
    JsonObject *a_ = find_assignment (got, dept);                              \
    g_assert_cmpstr (json_object_get_string_member (a_, "role"), ==, role_);   \
    g_assert_cmpstr (json_object_get_string_member (a_, "state"), ==, state_); \
  }                                                                            \
  G_STMT_END

static void
test_cohandling (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) got = NULL;
  g_autofree char *number = NULL;
  g_autofree char *other = NULL;
  gint64           id;

#define GET(token)                                                                                 \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_clear_pointer (&got, json_object_unref);                                                     \
    got = hall_test_ok (f->hall, token, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", id); \
  }                                                                                                \
  G_STMT_END
#define OK(cmd, token, ...)                              \
  G_STMT_START                                           \
  {                                                      \
    g_clear_pointer (&r, json_object_unref);             \
    r = hall_test_ok (f->hall, token, cmd, __VA_ARGS__); \
  }                                                      \
  G_STMT_END

  /* 李 (民政) receives the matter and assigns it: 城建 leads (牵头), 人社 cooperates (配合).
   * Bad cooperating departments name the entry, and nothing is assigned. */
  at (f, "2026-03-02 09:00");
  id = register_matter (f, f->li, NULL);
  hall_test_fails (
      f->hall, f->li, "matter.assign", HALL_ERROR_INVALID_ARGUMENT, "cooperating_department_ids[0]",
      "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":2,\"deadline\":\"2026-03-20\","
      "\"cooperating_department_ids\":[\"renshe\"]}",
      id);
  hall_test_fails (
      f->hall, f->li, "matter.assign", HALL_ERROR_INVALID_ARGUMENT, "cooperating_department_ids[1]",
      "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":2,\"deadline\":\"2026-03-20\","
      "\"cooperating_department_ids\":[5,2]}",
      id);
  hall_test_fails (
      f->hall, f->li, "matter.assign", HALL_ERROR_INVALID_ARGUMENT, "cooperating_department_ids[0]",
      "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":2,\"deadline\":\"2026-03-20\","
      "\"cooperating_department_ids\":[99]}",
      id);
  GET (f->li);
  g_assert_cmpstr (matter_member (got, "state"), ==, "registered");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (got, "assignments")), ==,
                    0);

  OK ("matter.assign", f->li,
      "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":2,\"deadline\":\"2026-03-20\","
      "\"cooperating_department_ids\":[5]}",
      id);
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (r, "matter"), "department_id"), ==,
      2);
  number = g_strdup (matter_member (r, "number"));
  GET (f->wang);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (got, "assignments")), ==,
                    2);
  ASSIGNMENT_IS (got, 2, "lead", "open");
  ASSIGNMENT_IS (got, 5, "cooperate", "open");
  g_assert_cmpint (json_object_get_int_member (find_assignment (got, 5), "round"), ==, 1);
  g_assert_cmpint (
      json_object_get_int_member (last_timeline (got, "assigned"), "lead_department_id"), ==, 2);
  /* The same round again is refused. */
  hall_test_fails (f->hall, f->li, "matter.assign", HALL_ERROR_CONFLICT, "department_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT
                   ",\"department_id\":2,\"deadline\":\"2026-03-20\","
                   "\"cooperating_department_ids\":[5]}",
                   id);

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
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"opinion\":\"support\",\"text\":\"已办\"}",
                   id);
  hall_test_fails (
      f->hall, f->sun, "matter.extend", HALL_ERROR_FORBIDDEN, "matter_id",
      "{\"matter_id\":%" G_GINT64_FORMAT ",\"days\":10,\"reason\":\"x\",\"approver\":\"y\"}", id);
  hall_test_fails (f->hall, f->sun, "matter.note", HALL_ERROR_INVALID_ARGUMENT, "text",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"text\":\"  \"}", id);
  OK ("matter.note", f->sun, "{\"matter_id\":%" G_GINT64_FORMAT ",\"text\":\"已核实社保缴费记录\"}", id);
  g_assert_cmpint (json_object_get_int_member (r, "timeline_id"), >, 0);
  OK ("matter.note", f->zhang, "{\"matter_id\":%" G_GINT64_FORMAT ",\"text\":\"已约物业面谈\"}", id);
  GET (f->li);
  g_assert_cmpstr (json_object_get_string_member (last_timeline (got, "progress_note"), "role"), ==,
                   "lead");
  {
    JsonArray  *timeline = json_object_get_array_member (got, "timeline");
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
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (r, "matter"), "department_id"), ==,
      2);
  GET (f->li);
  ASSIGNMENT_IS (got, 2, "lead", "open");
  ASSIGNMENT_IS (got, 5, "cooperate", "objected");
  g_assert_cmpstr (
      json_object_get_string_member (last_timeline (got, "cooperation_objected"), "reason"), ==,
      "不涉及社保");
  hall_test_fails (f->hall, f->sun, "matter.get", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
  hall_test_fails (f->hall, f->sun, "matter.note", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"text\":\"x\"}", id);

  /* A new round: 人社 leads, 城建 cooperates; round 1's open assignment ends as reassigned. */
  OK ("matter.assign", f->li,
      "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":5,\"deadline\":\"2026-03-25\","
      "\"cooperating_department_ids\":[2]}",
      id);
  GET (f->wang);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (got, "assignments")), ==,
                    4);
  g_assert_cmpstr (
      json_object_get_string_member (
          json_array_get_object_element (json_object_get_array_member (got, "assignments"), 0),
          "state"),
      ==, "reassigned");
  ASSIGNMENT_IS (got, 5, "lead", "open");
  ASSIGNMENT_IS (got, 2, "cooperate", "open");
  g_assert_cmpint (json_object_get_int_member (find_assignment (got, 2), "round"), ==, 2);

  /* The lead's objection sends the whole round back to the first receiver. */
  hall_test_fails (f->hall, f->zhang, "matter.reply", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"opinion\":\"support\",\"text\":\"已办\"}",
                   id);
  OK ("matter.object", f->sun, "{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"应由城建牵头\"}", id);
  g_assert_cmpstr (matter_member (r, "state"), ==, "objected");
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (r, "matter"), "department_id"), ==,
      3);
  GET (f->li);
  ASSIGNMENT_IS (got, 5, "lead", "objected");
  ASSIGNMENT_IS (got, 2, "cooperate", "returned");
  g_assert_cmpint (
      json_array_get_int_element (
          json_object_get_array_member (last_timeline (got, "objected"), "returned_department_ids"),
          0),
      ==, 2);

  /* Round 3: the lead replies and every open part of the round is done; the cooperating
   * department still sees the matter it worked on, but adds nothing more. */
  OK ("matter.assign", f->li,
      "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":2,\"deadline\":\"2026-03-25\","
      "\"cooperating_department_ids\":[5]}",
      id);
  OK ("matter.reply", f->zhang,
      "{\"matter_id\":%" G_GINT64_FORMAT ",\"facts\":\"经查属实\",\"basis\":\"《信访工作条例》第三十二条\",\"opinion\":\"support\",\"text\":\"已修复\"}", id);
  GET (f->sun);
  ASSIGNMENT_IS (got, 2, "lead", "done");
  ASSIGNMENT_IS (got, 5, "cooperate", "done");
  hall_test_fails (f->hall, f->sun, "matter.note", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"text\":\"x\"}", id);
#undef GET
#undef OK
}

static void
test_cohandling_concurrent (Fixture      *f,
                            gconstpointer data)
{
  g_autoptr (JsonObject) got = NULL;
  JsonArray   *assignments;
  HallTestRace race = { 0 };
  guint        open_leads = 0, open = 0;
  gint64       id, lead = 0;

  /* The first receiver and the manager assign the same matter at the same moment, each with
   * the other lead: both rounds are made one after the other, and exactly one lead is left
   * open with its cooperating department. */
  at (f, "2026-03-02 09:00");
  id = register_matter (f, f->li, NULL);
  for (guint i = 0; i < 2; i++)
    hall_test_race_call (f->hall, &race, i ? f->wang : f->li, "matter.assign",
                         "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":%d,"
                         "\"deadline\":\"2026-03-20\",\"cooperating_department_ids\":[%d]}",
                         id, i ? 2 : 5, i ? 5 : 2);
  hall_test_race_wait (&race);
  /* Neither is refused: the second round is made after the first. */
  g_assert_cmpuint (race.ok, ==, 2);

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
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (got, "matter"), "department_id"),
      ==, lead);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/matter/cohandling", test_cohandling);
  ADD ("/matter/cohandling-concurrent", test_cohandling_concurrent);

  return g_test_run ();
}
