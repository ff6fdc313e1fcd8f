/* test-leader-charge.c — 包案 (a leader takes charge of a matter) and 督办 (supervision of
 * overdue matters)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-leader-charge"

#include "config.h"

#include "test-leader-fixture.h"

/* ---- 包案 and 督办 --------------------------------------------------------------------------- */

static JsonObject *
charge_of (JsonObject *result)
{
  return json_object_get_object_member (result, "charge");
}

static void
test_charge (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) matter = NULL;
  JsonObject *charge, *checklist;
  gint64      matter_id = register_matter (f, 0, NULL);
  gint64      charge_id;
  JsonArray  *list;

  /* Only leaders take charge. */
  hall_test_fails (f->hall, f->staff, "leader.charge", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);
  hall_test_fails (f->hall, f->manager, "leader.charge", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);
  hall_test_fails (f->hall, f->display, "leader.charges", HALL_ERROR_FORBIDDEN, NULL, NULL);
  hall_test_fails (f->hall, f->kiosk, "leader.charge", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);
  hall_test_fails (f->hall, f->leader, "leader.charge", HALL_ERROR_NOT_FOUND, "matter_id",
                   "{\"matter_id\":4242}");
  hall_test_fails (f->hall, f->leader, "leader.charge", HALL_ERROR_INVALID_ARGUMENT, "deadline",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"deadline\":\"2026-10-01\"}", matter_id);

  r = hall_test_ok (f->hall, f->leader, "leader.charge",
                    "{\"matter_id\":%" G_GINT64_FORMAT
                    ",\"deadline\":\"2026-11-30\",\"note\":\"重点积案\"}",
                    matter_id);
  charge = charge_of (r);
  charge_id = json_object_get_int_member (charge, "id");
  g_assert_cmpint (json_object_get_int_member (charge, "complete"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (charge, "items"), ==, 5);
  checklist = json_object_get_object_member (charge, "checklist");
  g_assert_true (json_object_get_boolean_member (checklist, "leader"));
  g_assert_false (json_object_get_boolean_member (checklist, "plan"));
  g_assert_cmpint (json_object_get_int_member (charge, "days_left"), ==, 49);
  g_clear_pointer (&r, json_object_unref);

  /* One charging leader per matter. */
  hall_test_fails (f->hall, f->leader2, "leader.charge", HALL_ERROR_CONFLICT, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);
  hall_test_fails (f->hall, f->leader, "leader.charge", HALL_ERROR_CONFLICT, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);
  matter = hall_test_ok (f->hall, f->leader2, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                         matter_id);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (matter, "matter"),
                                               "charge_leader_id"),
                   ==, f->leader_id);
  g_assert_cmpuint (hall_test_count_timeline (matter, "charged"), ==, 1);
  g_clear_pointer (&matter, json_object_unref);

  /* Only the leader in charge fills in the 五个一. */
  hall_test_fails (f->hall, f->leader2, "leader.charge_update", HALL_ERROR_FORBIDDEN, "charge_id",
                   "{\"charge_id\":%" G_GINT64_FORMAT ",\"plan\":\"x\"}", charge_id);
  hall_test_fails (f->hall, f->leader, "leader.charge_update", HALL_ERROR_NOT_FOUND, "charge_id",
                   "{\"charge_id\":999,\"plan\":\"x\"}");

  /* Bad input names the entry to fix. */
  hall_test_fails (f->hall, f->leader, "leader.charge_update", HALL_ERROR_INVALID_ARGUMENT, NULL,
                   "{\"charge_id\":%" G_GINT64_FORMAT "}", charge_id);
  hall_test_fails (
      f->hall, f->leader, "leader.charge_update", HALL_ERROR_INVALID_ARGUMENT, "working_group[1]",
      "{\"charge_id\":%" G_GINT64_FORMAT ",\"working_group\":[\"王强 县住建局\",42]}", charge_id);
  hall_test_fails (f->hall, f->leader, "leader.charge_update", HALL_ERROR_INVALID_ARGUMENT,
                   "working_group[0]",
                   "{\"charge_id\":%" G_GINT64_FORMAT ",\"working_group\":[\"  \"]}", charge_id);
  hall_test_fails (f->hall, f->leader, "leader.charge_update", HALL_ERROR_INVALID_ARGUMENT,
                   "working_group",
                   "{\"charge_id\":%" G_GINT64_FORMAT ",\"working_group\":\"王强\"}", charge_id);
  hall_test_fails (
      f->hall, f->leader, "leader.charge_update", HALL_ERROR_INVALID_ARGUMENT, "minutes.text",
      "{\"charge_id\":%" G_GINT64_FORMAT ",\"minutes\":{\"date\":\"2026-10-10\"}}", charge_id);
  hall_test_fails (
      f->hall, f->leader, "leader.charge_update", HALL_ERROR_INVALID_ARGUMENT, "minutes.date",
      "{\"charge_id\":%" G_GINT64_FORMAT ",\"minutes\":{\"date\":\"2026-10-20\",\"text\":\"会\"}}",
      charge_id);
  hall_test_fails (f->hall, f->leader, "leader.charge_update", HALL_ERROR_INVALID_ARGUMENT, "plan",
                   "{\"charge_id\":%" G_GINT64_FORMAT ",\"plan_date\":\"2026-10-12\"}", charge_id);
  hall_test_fails (f->hall, f->leader, "leader.charge_update", HALL_ERROR_INVALID_ARGUMENT,
                   "closed", "{\"charge_id\":%" G_GINT64_FORMAT ",\"closing_note\":\"化解\"}",
                   charge_id);

  /* The five items, in two sittings. */
  r = hall_test_ok (f->hall, f->leader, "leader.charge_update",
                    "{\"charge_id\":%" G_GINT64_FORMAT
                    ",\"working_group\":[\"王强 县住建局\",\"李芳 自然资源局\"],"
                    "\"plan\":\"一、查明电梯产权；二、协调维修资金\"}",
                    charge_id);
  charge = charge_of (r);
  g_assert_cmpint (json_object_get_int_member (charge, "complete"), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (charge, "working_group")),
                    ==, 2);
  g_assert_cmpstr (json_object_get_string_member (charge, "plan_date"), ==, "2026-10-12");
  g_clear_pointer (&r, json_object_unref);

  r = hall_test_ok (f->hall, f->leader, "leader.charge_update",
                    "{\"charge_id\":%" G_GINT64_FORMAT
                    ",\"minutes\":{\"date\":\"2026-10-10\",\"text\":\"专题会议：住建局牵头\"},"
                    "\"stability_measures\":\"社区每周走访一次\",\"progress\":\"已约谈物业公司\"}",
                    charge_id);
  charge = charge_of (r);
  g_assert_cmpint (json_object_get_int_member (charge, "complete"), ==, 5);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (charge, "minutes")), ==,
                    1);
  g_assert_cmpstr (
      json_object_get_string_member (
          json_array_get_object_element (json_object_get_array_member (charge, "minutes"), 0),
          "date"),
      ==, "2026-10-10");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (charge, "progress")), ==,
                    1);
  /* The working group was not touched by the second update. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (charge, "working_group")),
                    ==, 2);
  g_clear_pointer (&r, json_object_unref);

  r = hall_test_ok (f->hall, f->leader, "leader.charge_update",
                    "{\"charge_id\":%" G_GINT64_FORMAT ",\"minutes\":{\"text\":\"第二次会议\"}}",
                    charge_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (charge_of (r), "minutes")),
                    ==, 2);
  g_clear_pointer (&r, json_object_unref);

  /* My charges, with the checklist and the deadline; the manager sees the whole hall's. */
  r = hall_test_ok (f->hall, f->leader, "leader.charges", NULL);
  list = json_object_get_array_member (r, "charges");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (list, 0), "complete"),
                   ==, 5);
  g_assert_cmpint (
      json_object_get_int_member (json_array_get_object_element (list, 0), "minutes_count"), ==, 2);
  g_assert_false (
      json_object_get_boolean_member (json_array_get_object_element (list, 0), "overdue"));
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->leader2, "leader.charges", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "charges")), ==, 0);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->manager, "leader.charges", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "charges")), ==, 1);
  g_clear_pointer (&r, json_object_unref);

  /* Past its deadline the charge shows as overdue. */
  hall_engine_set_now (f->hall->engine, hall_test_time ("2026-12-02 09:00"));
  relogin (f);
  r = hall_test_ok (f->hall, f->leader, "leader.charge_get", "{\"charge_id\":%" G_GINT64_FORMAT "}",
                    charge_id);
  g_assert_true (json_object_get_boolean_member (charge_of (r), "overdue"));
  g_assert_cmpint (json_object_get_int_member (charge_of (r), "days_left"), ==, -2);
  g_clear_pointer (&r, json_object_unref);

  /* Closing the charge frees the matter for another leader. */
  r = hall_test_ok (f->hall, f->leader, "leader.charge_update",
                    "{\"charge_id\":%" G_GINT64_FORMAT
                    ",\"closed\":true,\"closing_note\":\"已化解，息诉罢访\"}",
                    charge_id);
  g_assert_true (json_object_get_int_member (charge_of (r), "closed"));
  g_clear_pointer (&r, json_object_unref);
  hall_test_fails (f->hall, f->leader, "leader.charge_update", HALL_ERROR_CONFLICT, "charge_id",
                   "{\"charge_id\":%" G_GINT64_FORMAT ",\"progress\":\"x\"}", charge_id);
  matter = hall_test_ok (f->hall, f->leader, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                         matter_id);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (matter, "matter"),
                                              "charge_leader_id"));
  g_assert_cmpuint (hall_test_count_timeline (matter, "charge_updated"), ==, 3);
  g_assert_cmpuint (hall_test_count_timeline (matter, "charge_closed"), ==, 1);
  r = hall_test_ok (f->hall, f->leader, "leader.charges", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "charges")), ==, 0);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->leader, "leader.charges", "{\"include_closed\":true}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "charges")), ==, 1);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->leader2, "leader.charge", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                    matter_id);
}

static void
test_supervision (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) matter = NULL;
  gint64     late = register_matter (f, 0, "2026-09-01"); /* decision was due in September */
  gint64     soon = register_matter (f, 0, "2026-10-01"); /* decision due within the week */
  gint64     fresh = register_matter (f, 0, NULL);        /* received today */
  gint64     supervision_id;
  JsonArray *list;
  gboolean   found;

  /* Only leaders flag; staff, the manager and devices cannot. */
  hall_test_fails (
      f->hall, f->staff, "matter.supervise", HALL_ERROR_FORBIDDEN, NULL,
      "{\"matter_id\":%" G_GINT64_FORMAT ",\"note\":\"督办\",\"due_date\":\"2026-10-20\"}", late);
  hall_test_fails (
      f->hall, f->manager, "matter.supervise", HALL_ERROR_FORBIDDEN, NULL,
      "{\"matter_id\":%" G_GINT64_FORMAT ",\"note\":\"督办\",\"due_date\":\"2026-10-20\"}", late);
  hall_test_fails (f->hall, f->display, "leader.supervision", HALL_ERROR_FORBIDDEN, NULL, NULL);
  hall_test_fails (f->hall, f->staff, "leader.supervision", HALL_ERROR_FORBIDDEN, NULL, NULL);

  hall_test_fails (f->hall, f->leader, "matter.supervise", HALL_ERROR_INVALID_ARGUMENT, "note",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"due_date\":\"2026-10-20\"}", late);
  hall_test_fails (f->hall, f->leader, "matter.supervise", HALL_ERROR_INVALID_ARGUMENT, "due_date",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"note\":\"督办\"}", late);
  hall_test_fails (
      f->hall, f->leader, "matter.supervise", HALL_ERROR_INVALID_ARGUMENT, "due_date",
      "{\"matter_id\":%" G_GINT64_FORMAT ",\"note\":\"督办\",\"due_date\":\"2026-10-11\"}", late);
  hall_test_fails (f->hall, f->leader, "matter.supervise", HALL_ERROR_CONFLICT, "resolve",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"resolve\":true}", late);

  /* What needs attention before anything is flagged. */
  r = hall_test_ok (f->hall, f->manager, "leader.supervision", NULL);
  list = json_object_get_array_member (r, "overdue");
  found = FALSE;
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *row = json_array_get_object_element (list, i);

      g_assert_cmpint (json_object_get_int_member (row, "matter_id"), !=, fresh);
      if (json_object_get_int_member (row, "matter_id") == late)
        {
          found = TRUE;
          g_assert_cmpstr (json_object_get_string_member (row, "clock"), ==, "decision");
          g_assert_true (json_object_get_boolean_member (row, "overdue"));
          g_assert_cmpint (json_object_get_int_member (row, "days_left"), <, 0);
        }
    }
  g_assert_true (found);
  list = json_object_get_array_member (r, "due_soon");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpint (
      json_object_get_int_member (json_array_get_object_element (list, 0), "matter_id"), ==, soon);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "flagged")), ==, 0);
  g_clear_pointer (&r, json_object_unref);

  /* 督办: the leader flags the overdue one. */
  r = hall_test_ok (f->hall, f->leader, "matter.supervise",
                    "{\"matter_id\":%" G_GINT64_FORMAT
                    ",\"note\":\"请住建局10月20日前办结\",\"due_date\":\"2026-10-20\"}",
                    late);
  supervision_id =
      json_object_get_int_member (json_object_get_object_member (r, "supervision"), "id");
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (r, "supervision"), "days_left"),
      ==, 8);
  g_clear_pointer (&r, json_object_unref);

  matter =
      hall_test_ok (f->hall, f->leader, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", late);
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (matter, "matter"), "supervised"),
      ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (matter, "matter"),
                                               "supervised_by"),
                   ==, f->leader_id);
  g_assert_cmpuint (hall_test_count_timeline (matter, "supervised"), ==, 1);
  g_clear_pointer (&matter, json_object_unref);

  r = hall_test_ok (f->hall, f->leader2, "leader.supervision", "{\"days\":3}");
  list = json_object_get_array_member (r, "flagged");
  g_assert_cmpuint (json_array_get_length (list), ==, 1);
  g_assert_cmpint (
      json_object_get_int_member (json_array_get_object_element (list, 0), "supervision_id"), ==,
      supervision_id);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "note"),
                   ==, "请住建局10月20日前办结");
  /* With a three-day window, the matter due on the 16th is not due soon yet. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "due_soon")), ==, 0);
  g_clear_pointer (&r, json_object_unref);

  /* A second round supersedes the first; resolving clears the flag. */
  r = hall_test_ok (f->hall, f->leader2, "matter.supervise",
                    "{\"matter_id\":%" G_GINT64_FORMAT
                    ",\"note\":\"二次督办\",\"due_date\":\"2026-10-15\"}",
                    late);
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (r, "supervision"), "id"), !=,
      supervision_id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->leader, "leader.supervision", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "flagged")), ==, 1);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (
      f->hall, f->leader, "matter.supervise",
      "{\"matter_id\":%" G_GINT64_FORMAT ",\"resolve\":true,\"resolution\":\"已受理办理\"}", late);
  g_assert_true (
      json_object_get_int_member (json_object_get_object_member (r, "supervision"), "resolved"));
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->leader, "leader.supervision", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "flagged")), ==, 0);
  g_clear_pointer (&r, json_object_unref);
  matter =
      hall_test_ok (f->hall, f->leader, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", late);
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (matter, "matter"), "supervised"),
      ==, 0);
  g_assert_cmpuint (hall_test_count_timeline (matter, "supervised"), ==, 2);
  g_assert_cmpuint (hall_test_count_timeline (matter, "supervision_resolved"), ==, 1);

  /* Once the receiving department's 5 working days to object have passed, that window is closed,
   * not overdue: only the handling clock can be. */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->manager, "matter.assign",
                    "{\"matter_id\":%" G_GINT64_FORMAT
                    ",\"department_id\":3,\"deadline\":\"2026-12-01\"}",
                    fresh);
  hall_engine_set_now (f->hall->engine, hall_test_time ("2026-10-26 09:00"));
  g_free (f->leader);
  f->leader = hall_test_login (f->hall, "zhang", NULL, 0); /* a new day, a new session */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->leader, "leader.supervision", "{\"days\":60}");
  list = json_object_get_array_member (r, "overdue");
  for (guint i = 0; i < json_array_get_length (list); i++)
    g_assert_cmpstr (
        json_object_get_string_member (json_array_get_object_element (list, i), "clock"), !=,
        "objection");

  hall_test_fails (f->hall, f->leader, "leader.supervision", HALL_ERROR_INVALID_ARGUMENT, "days",
                   "{\"days\":0}");
  hall_test_fails (f->hall, f->leader, "leader.supervision", HALL_ERROR_INVALID_ARGUMENT, "days",
                   "{\"days\":\"7\"}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/leader/charge", Fixture, NULL, fixture_set_up, test_charge, fixture_tear_down);
  g_test_add ("/leader/supervision", Fixture, NULL, fixture_set_up, test_supervision,
              fixture_tear_down);

  return g_test_run ();
}
