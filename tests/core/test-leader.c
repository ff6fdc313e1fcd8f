/* test-leader.c — the duty roster and escalation to the duty leader: who may escalate what and
 * when, and escalations whose day ended (see also test-leader-reception.c and
 * test-leader-charge.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-leader"

#include "config.h"

#include "test-leader-fixture.h"

static JsonArray *
day_leaders (JsonObject *roster,
             const char *date)
{
  JsonArray *days = json_object_get_array_member (roster, "days");

  for (guint i = 0; i < json_array_get_length (days); i++)
    {
      JsonObject *day = json_array_get_object_element (days, i);

      if (g_strcmp0 (json_object_get_string_member (day, "date"), date) == 0)
        return json_object_get_array_member (day, "leaders");
    }
  g_assert_not_reached ();
}

static void
test_roster (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) week = NULL;
  g_autoptr (JsonObject) today = NULL;
  JsonArray  *leaders;
  JsonObject *entry;

  /* The manager puts both leaders on Monday (one for the morning) and one on Thursday. */
  r = hall_test_ok (f->hall, f->manager, "leader.duty",
                    "{\"date\":\"2026-10-12\",\"user_id\":%" G_GINT64_FORMAT ",\"note\":\"接待室一\"}",
                    f->leader_id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->manager, "leader.duty",
                    "{\"date\":\"2026-10-12\",\"user_id\":%" G_GINT64_FORMAT ",\"slot\":\"am\"}",
                    f->leader2_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "leaders")), ==, 2);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->manager, "leader.duty",
                    "{\"date\":\"2026-10-15\",\"user_id\":%" G_GINT64_FORMAT "}", f->leader2_id);
  g_clear_pointer (&r, json_object_unref);

  /* A leader sets their own day without naming themself. */
  r = hall_test_ok (f->hall, f->leader, "leader.duty", "{\"date\":\"2026-10-16\",\"slot\":\"pm\"}");
  g_clear_pointer (&r, json_object_unref);

  /* Setting the same leader again on a day changes the entry, it does not add one. */
  r = hall_test_ok (f->hall, f->leader, "leader.duty",
                    "{\"date\":\"2026-10-16\",\"slot\":\"day\"}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "leaders")), ==, 1);
  g_clear_pointer (&r, json_object_unref);

  /* The week view: Monday to Sunday, every day present, empty days too. */
  week = hall_test_ok (f->hall, f->staff, "leader.roster", NULL);
  g_assert_cmpstr (json_object_get_string_member (week, "from"), ==, "2026-10-12");
  g_assert_cmpstr (json_object_get_string_member (week, "to"), ==, "2026-10-18");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (week, "days")), ==, 7);
  leaders = day_leaders (week, "2026-10-12");
  g_assert_cmpuint (json_array_get_length (leaders), ==, 2);
  entry = json_array_get_object_element (leaders, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "display_name"), ==, "zhang");
  g_assert_cmpstr (json_object_get_string_member (entry, "slot"), ==, "day");
  g_assert_cmpstr (json_object_get_string_member (entry, "note"), ==, "接待室一");
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (leaders, 1), "slot"), ==, "am");
  g_assert_cmpuint (json_array_get_length (day_leaders (week, "2026-10-13")), ==, 0);
  g_assert_cmpuint (json_array_get_length (day_leaders (week, "2026-10-15")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (
                                                      day_leaders (week, "2026-10-16"), 0),
                                                  "slot"),
                   ==, "day");
  g_clear_pointer (&week, json_object_unref);

  /* An explicit range. */
  week = hall_test_ok (f->hall, f->leader, "leader.roster",
                       "{\"from\":\"2026-10-15\",\"to\":\"2026-10-16\"}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (week, "days")), ==, 2);
  g_clear_pointer (&week, json_object_unref);

  /* Today: both, and at 09:00 both are receiving. */
  today = hall_test_ok (f->hall, f->manager, "leader.today", NULL);
  g_assert_cmpstr (json_object_get_string_member (today, "date"), ==, "2026-10-12");
  leaders = json_object_get_array_member (today, "leaders");
  g_assert_cmpuint (json_array_get_length (leaders), ==, 2);
  g_assert_true (
      json_object_get_boolean_member (json_array_get_object_element (leaders, 1), "on_duty_now"));
  g_assert_cmpint (
      json_object_get_int_member (json_array_get_object_element (leaders, 0), "waiting"), ==, 0);
  g_clear_pointer (&today, json_object_unref);

  /* The wall display may announce who receives today (halls publish it), without the queue. */
  today = hall_test_ok (f->hall, f->display, "leader.today", NULL);
  g_assert_false (json_object_has_member (json_array_get_object_element (
                                              json_object_get_array_member (today, "leaders"), 0),
                                          "waiting"));
  g_clear_pointer (&today, json_object_unref);

  /* In the afternoon the morning leader is no longer receiving. */
  hall_engine_set_now (f->hall->engine, hall_test_time ("2026-10-12 14:30"));
  today = hall_test_ok (f->hall, f->leader, "leader.today", NULL);
  leaders = json_object_get_array_member (today, "leaders");
  g_assert_true (
      json_object_get_boolean_member (json_array_get_object_element (leaders, 0), "on_duty_now"));
  g_assert_false (
      json_object_get_boolean_member (json_array_get_object_element (leaders, 1), "on_duty_now"));
  g_clear_pointer (&today, json_object_unref);

  /* Clearing an entry. */
  r = hall_test_ok (f->hall, f->manager, "leader.duty",
                    "{\"date\":\"2026-10-15\",\"user_id\":%" G_GINT64_FORMAT ",\"clear\":true}",
                    f->leader2_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "leaders")), ==, 0);
  g_clear_pointer (&r, json_object_unref);
  hall_test_fails (f->hall, f->manager, "leader.duty", HALL_ERROR_NOT_FOUND, "date",
                   "{\"date\":\"2026-10-15\",\"user_id\":%" G_GINT64_FORMAT ",\"clear\":true}",
                   f->leader2_id);

  /* Each change is in the change feed, with ids only. */
  r = hall_test_ok (f->hall, f->manager, "events.since", "{\"since\":0}");
  {
    JsonArray *events = json_object_get_array_member (r, "events");
    guint      n = 0;

    for (guint i = 0; i < json_array_get_length (events); i++)
      {
        JsonObject *ev = json_array_get_object_element (events, i);

        if (g_strcmp0 (json_object_get_string_member (ev, "kind"), "leader.duty") == 0)
          {
            n++;
            g_assert_true (json_object_has_member (ev, "user_id"));
            g_assert_false (json_object_has_member (ev, "note"));
          }
      }
    g_assert_cmpuint (n, ==, 6);
  }
}

static void
test_roster_rules (Fixture      *f,
                   gconstpointer data)
{
  /* A leader cannot set someone else's roster; staff, admin, display and kiosk cannot set any. */
  hall_test_fails (f->hall, f->leader, "leader.duty", HALL_ERROR_FORBIDDEN, "user_id",
                   "{\"date\":\"2026-10-13\",\"user_id\":%" G_GINT64_FORMAT "}", f->leader2_id);
  hall_test_fails (f->hall, f->staff, "leader.duty", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"date\":\"2026-10-13\",\"user_id\":%" G_GINT64_FORMAT "}", f->leader_id);
  hall_test_fails (f->hall, f->admin, "leader.duty", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"date\":\"2026-10-13\",\"user_id\":%" G_GINT64_FORMAT "}", f->leader_id);
  hall_test_fails (f->hall, f->display, "leader.roster", HALL_ERROR_FORBIDDEN, NULL, NULL);
  hall_test_fails (f->hall, f->kiosk, "leader.roster", HALL_ERROR_FORBIDDEN, NULL, NULL);
  hall_test_fails (f->hall, f->display, "leader.duty", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"date\":\"2026-10-13\",\"user_id\":%" G_GINT64_FORMAT "}", f->leader_id);

  /* Only leaders go on the roster; the manager must say which leader. */
  hall_test_fails (f->hall, f->manager, "leader.duty", HALL_ERROR_INVALID_ARGUMENT, "user_id",
                   "{\"date\":\"2026-10-13\",\"user_id\":%" G_GINT64_FORMAT "}", f->staff_id);
  hall_test_fails (f->hall, f->manager, "leader.duty", HALL_ERROR_NOT_FOUND, "user_id",
                   "{\"date\":\"2026-10-13\",\"user_id\":999}");
  hall_test_fails (f->hall, f->manager, "leader.duty", HALL_ERROR_INVALID_ARGUMENT, "user_id",
                   "{\"date\":\"2026-10-13\"}");

  /* Bad dates, slots, notes. */
  hall_test_fails (f->hall, f->leader, "leader.duty", HALL_ERROR_INVALID_ARGUMENT, "date", "{}");
  hall_test_fails (f->hall, f->leader, "leader.duty", HALL_ERROR_INVALID_ARGUMENT, "date",
                   "{\"date\":\"2026-02-30\"}");
  hall_test_fails (f->hall, f->leader, "leader.duty", HALL_ERROR_INVALID_ARGUMENT, "date",
                   "{\"date\":\"13/10/2026\"}");
  hall_test_fails (f->hall, f->leader, "leader.duty", HALL_ERROR_INVALID_ARGUMENT, "date",
                   "{\"date\":\"2028-01-01\"}");
  hall_test_fails (f->hall, f->leader, "leader.duty", HALL_ERROR_CONFLICT, "date",
                   "{\"date\":\"2026-10-11\"}");
  hall_test_fails (f->hall, f->leader, "leader.duty", HALL_ERROR_INVALID_ARGUMENT, "slot",
                   "{\"date\":\"2026-10-13\",\"slot\":\"night\"}");
  hall_test_fails (f->hall, f->leader, "leader.duty", HALL_ERROR_INVALID_ARGUMENT, "note",
                   "{\"date\":\"2026-10-13\",\"note\":42}");
  hall_test_fails (f->hall, f->leader, "leader.duty", HALL_ERROR_INVALID_ARGUMENT, "clear",
                   "{\"date\":\"2026-10-13\",\"clear\":\"yes\"}");
  {
    g_autofree char *long_note = NULL;
    GString         *s = g_string_new (NULL);

    for (int i = 0; i < 201; i++)
      g_string_append (s, "字");
    long_note = g_string_free (s, FALSE);
    hall_test_fails (f->hall, f->leader, "leader.duty", HALL_ERROR_INVALID_ARGUMENT, "note",
                     "{\"date\":\"2026-10-13\",\"note\":\"%s\"}", long_note);
  }
  /* SQL metacharacters are just text. */
  {
    g_autoptr (JsonObject) r =
        hall_test_ok (f->hall, f->leader, "leader.duty",
                      "{\"date\":\"2026-10-13\",\"note\":\"'); DROP TABLE leader_duty;--\"}");
    g_assert_cmpstr (
        json_object_get_string_member (
            json_array_get_object_element (json_object_get_array_member (r, "leaders"), 0), "note"),
        ==, "'); DROP TABLE leader_duty;--");
  }

  /* Roster ranges. */
  hall_test_fails (f->hall, f->staff, "leader.roster", HALL_ERROR_INVALID_ARGUMENT, "to",
                   "{\"from\":\"2026-10-15\",\"to\":\"2026-10-14\"}");
  hall_test_fails (f->hall, f->staff, "leader.roster", HALL_ERROR_INVALID_ARGUMENT, "to",
                   "{\"from\":\"2026-01-01\",\"to\":\"2026-12-31\"}");
  hall_test_fails (f->hall, f->staff, "leader.roster", HALL_ERROR_INVALID_ARGUMENT, "from",
                   "{\"from\":\"yesterday\"}");
}

/* ---- escalation ---------------------------------------------------------------------------- */

static void
test_escalation_rules (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) queue = NULL;
  g_autofree char *other_staff = hall_test_add_user (f->hall, "minzheng", "staff", "minzheng", 3);
  gint64           letter, walk_in, walk_ticket, first, second;
  JsonArray       *visitors;

  /* A matter without a visitor present (a letter) and a visitor at the window. */
  letter = register_matter (f, 0, NULL);
  walk_ticket = visitor_at_window (f, &walk_in);

  put_on_duty (f, f->leader_id);
  r = hall_test_ok (f->hall, f->manager, "leader.duty",
                    "{\"date\":\"2026-10-12\",\"user_id\":%" G_GINT64_FORMAT ",\"slot\":\"pm\"}",
                    f->leader2_id);
  g_clear_pointer (&r, json_object_unref);

  /* Staff of another department may not escalate 城建's matter. */
  hall_test_fails (f->hall, other_staff, "matter.escalate", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", letter);
  /* Leaders, admins and devices do not escalate. */
  hall_test_fails (f->hall, f->leader, "matter.escalate", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", letter);
  hall_test_fails (f->hall, f->kiosk, "matter.escalate", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", letter);
  hall_test_fails (f->hall, f->staff, "matter.escalate", HALL_ERROR_NOT_FOUND, "matter_id",
                   "{\"matter_id\":9999}");
  hall_test_fails (f->hall, f->staff, "matter.escalate", HALL_ERROR_INVALID_ARGUMENT, "matter_id",
                   "{\"matter_id\":\"XF2026-000001\"}");
  hall_test_fails (f->hall, f->staff, "matter.escalate", HALL_ERROR_INVALID_ARGUMENT, "matter_id",
                   "{}");
  hall_test_fails (f->hall, f->staff, "matter.escalate", HALL_ERROR_CONFLICT, "ticket_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"ticket_id\":%" G_GINT64_FORMAT "}",
                   letter, walk_ticket);

  /* In the morning the all-day leader receives (the afternoon one is not in yet). */
  r = hall_test_ok (f->hall, f->manager, "matter.escalate", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                    letter);
  first = json_object_get_int_member (json_object_get_object_member (r, "escalation"), "id");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "escalation"),
                                               "leader_user_id"),
                   ==, f->leader_id);
  g_assert_true (
      json_object_get_null_member (json_object_get_object_member (r, "escalation"), "ticket_id"));
  g_clear_pointer (&r, json_object_unref);

  /* In the afternoon, the leader with fewer visitors waiting gets the next one. */
  hall_engine_set_now (f->hall->engine, hall_test_time ("2026-10-12 14:00"));
  r = hall_test_ok (f->hall, f->staff, "matter.escalate", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                    walk_in);
  second = json_object_get_int_member (json_object_get_object_member (r, "escalation"), "id");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "escalation"),
                                               "leader_user_id"),
                   ==, f->leader2_id);
  g_clear_pointer (&r, json_object_unref);

  /* Each leader sees only their own queue; the manager names the leader. */
  queue = hall_test_ok (f->hall, f->leader, "leader.queue", NULL);
  visitors = json_object_get_array_member (queue, "visitors");
  g_assert_cmpuint (json_array_get_length (visitors), ==, 1);
  g_assert_cmpint (
      json_object_get_int_member (json_array_get_object_element (visitors, 0), "escalation_id"), ==,
      first);
  g_clear_pointer (&queue, json_object_unref);
  queue = hall_test_ok (f->hall, f->manager, "leader.queue",
                        "{\"leader_user_id\":%" G_GINT64_FORMAT "}", f->leader2_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (queue, "visitors")), ==,
                    1);
  g_clear_pointer (&queue, json_object_unref);
  hall_test_fails (f->hall, f->leader, "leader.queue", HALL_ERROR_FORBIDDEN, "leader_user_id",
                   "{\"leader_user_id\":%" G_GINT64_FORMAT "}", f->leader2_id);
  hall_test_fails (f->hall, f->manager, "leader.queue", HALL_ERROR_INVALID_ARGUMENT,
                   "leader_user_id", NULL);
  hall_test_fails (f->hall, f->staff, "leader.queue", HALL_ERROR_FORBIDDEN, NULL, NULL);
  hall_test_fails (f->hall, f->display, "leader.queue", HALL_ERROR_FORBIDDEN, NULL, NULL);

  /* Receiving the letter without a ticket; bad reception input leaves nothing half written. */
  hall_test_fails (f->hall, f->leader, "leader.receive", HALL_ERROR_INVALID_ARGUMENT,
                   "instructions", "{\"escalation_id\":%" G_GINT64_FORMAT ",\"problem\":\"物业\"}",
                   first);
  hall_test_fails (f->hall, f->leader, "leader.receive", HALL_ERROR_INVALID_ARGUMENT,
                   "assignments[1].department",
                   "{\"escalation_id\":%" G_GINT64_FORMAT
                   ",\"problem\":\"物业\",\"instructions\":\"办\","
                   "\"deadline\":\"2026-10-30\",\"assignments\":[{\"department\":\"chengjian\"},"
                   "{\"department\":\"nosuch\"}]}",
                   first);
  hall_test_fails (
      f->hall, f->leader, "leader.receive", HALL_ERROR_INVALID_ARGUMENT, "assignments[0].deadline",
      "{\"escalation_id\":%" G_GINT64_FORMAT ",\"problem\":\"物业\",\"instructions\":\"办\","
      "\"assignments\":[{\"department\":\"chengjian\"}]}",
      first);
  hall_test_fails (
      f->hall, f->leader, "leader.receive", HALL_ERROR_INVALID_ARGUMENT, "assignments[0].deadline",
      "{\"escalation_id\":%" G_GINT64_FORMAT ",\"problem\":\"物业\",\"instructions\":\"办\","
      "\"assignments\":[{\"department\":\"chengjian\",\"deadline\":\"2026-10-12\"}]}",
      first);
  hall_test_fails (f->hall, f->leader, "leader.receive", HALL_ERROR_INVALID_ARGUMENT,
                   "assignments[1].department",
                   "{\"escalation_id\":%" G_GINT64_FORMAT
                   ",\"problem\":\"物业\",\"instructions\":\"办\","
                   "\"deadline\":\"2026-10-30\",\"assignments\":[{\"department_id\":2},{"
                   "\"department\":\"chengjian\"}]}",
                   first);
  /* Later than the matter's 60-day handling deadline: found after the other department was
   * assigned, which is undone. */
  hall_test_fails (
      f->hall, f->leader, "leader.receive", HALL_ERROR_INVALID_ARGUMENT, "assignments[0].deadline",
      "{\"escalation_id\":%" G_GINT64_FORMAT ",\"problem\":\"物业\",\"instructions\":\"办\","
      "\"assignments\":[{\"department\":\"chengjian\",\"deadline\":\"2027-03-01\"},"
      "{\"department\":\"minzheng\",\"deadline\":\"2026-10-30\"}]}",
      first);
  hall_test_fails (f->hall, f->leader, "leader.receive", HALL_ERROR_INVALID_ARGUMENT, "assignments",
                   "{\"escalation_id\":%" G_GINT64_FORMAT
                   ",\"problem\":\"物业\",\"instructions\":\"办\","
                   "\"assignments\":\"chengjian\"}",
                   first);
  hall_test_fails (
      f->hall, f->leader, "leader.receive", HALL_ERROR_INVALID_ARGUMENT, "petitioner.id_number",
      "{\"escalation_id\":%" G_GINT64_FORMAT ",\"problem\":\"物业\",\"instructions\":\"办\","
      "\"petitioner\":{\"name\":\"王小明\",\"id_number\":\"431228198001151230\"}}",
      first);
  hall_test_fails (f->hall, f->leader2, "leader.receive", HALL_ERROR_FORBIDDEN, "escalation_id",
                   "{\"escalation_id\":%" G_GINT64_FORMAT
                   ",\"problem\":\"物业\",\"instructions\":\"办\"}",
                   first);
  hall_test_fails (f->hall, f->manager, "leader.receive", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"escalation_id\":%" G_GINT64_FORMAT
                   ",\"problem\":\"物业\",\"instructions\":\"办\"}",
                   first);
  {
    g_autoptr (JsonObject) m = hall_test_ok (f->hall, f->leader, "matter.get",
                                             "{\"matter_id\":%" G_GINT64_FORMAT "}", letter);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (m, "assignments")), ==,
                      0);
    g_assert_cmpuint (hall_test_count_timeline (m, "leader_instruction"), ==, 0);
  }

  r = hall_test_ok (f->hall, f->leader, "leader.receive",
                    "{\"escalation_id\":%" G_GINT64_FORMAT
                    ",\"problem\":\"物业\",\"instructions\":\"请住建局督促物业\"}",
                    first);
  g_assert_true (
      json_object_get_null_member (json_object_get_object_member (r, "reception"), "ticket_id"));
  g_clear_pointer (&r, json_object_unref);

  /* The visitor who was called but did not come in goes back to waiting when the next is called. */
  {
    g_autoptr (JsonObject) m2 = NULL;
    gint64 third_matter = register_matter (f, 0, NULL);
    gint64 third;

    r = hall_test_ok (f->hall, f->staff, "matter.escalate",
                      "{\"matter_id\":%" G_GINT64_FORMAT ",\"leader_user_id\":%" G_GINT64_FORMAT
                      "}",
                      third_matter, f->leader2_id);
    third = json_object_get_int_member (json_object_get_object_member (r, "escalation"), "id");
    g_clear_pointer (&r, json_object_unref);

    r = hall_test_ok (f->hall, f->leader2, "leader.call",
                      "{\"escalation_id\":%" G_GINT64_FORMAT "}", second);
    g_clear_pointer (&r, json_object_unref);
    r = hall_test_ok (f->hall, f->leader2, "leader.call",
                      "{\"escalation_id\":%" G_GINT64_FORMAT "}", third);
    g_clear_pointer (&r, json_object_unref);
    m2 = get_ticket (f, walk_ticket);
    g_assert_cmpstr (json_object_get_string_member (m2, "state"), ==, "waiting");
    g_assert_cmpstr (json_object_get_string_member (m2, "queue"), ==, "leader");
    queue = hall_test_ok (f->hall, f->leader2, "leader.queue", NULL);
    visitors = json_object_get_array_member (queue, "visitors");
    g_assert_cmpuint (json_array_get_length (visitors), ==, 2);
    g_assert_cmpint (
        json_object_get_int_member (json_array_get_object_element (visitors, 0), "escalation_id"),
        ==, third);
    g_assert_cmpstr (
        json_object_get_string_member (json_array_get_object_element (visitors, 0), "state"), ==,
        "called");
    g_clear_pointer (&queue, json_object_unref);
  }

  /* The next day the waiting escalation has lapsed: it cannot be called, and the matter can be
   * escalated again. */
  hall_engine_set_now (f->hall->engine, hall_test_time ("2026-10-13 09:00"));
  relogin (f);
  hall_test_fails (f->hall, f->leader2, "leader.call", HALL_ERROR_CONFLICT, "escalation_id",
                   "{\"escalation_id\":%" G_GINT64_FORMAT "}", second);
  r = hall_test_ok (f->hall, f->manager, "leader.duty",
                    "{\"date\":\"2026-10-13\",\"user_id\":%" G_GINT64_FORMAT "}", f->leader_id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->staff, "matter.escalate", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                    walk_in);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "escalation"),
                                               "leader_user_id"),
                   ==, f->leader_id);
  /* Yesterday's ticket stays behind: the visitor is not in the hall today. */
  g_assert_true (
      json_object_get_null_member (json_object_get_object_member (r, "escalation"), "ticket_id"));
}

/* ---- escalations whose day ended --------------------------------------------------------- */

static void
restart (Fixture    *f,
         const char *local)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&f->hall->engine);
  f->hall->engine = hall_engine_new (f->hall->path, &error);
  g_assert_no_error (error);
  hall_engine_set_now (f->hall->engine, hall_test_time (local));

  /* A new working day: everyone signs in again. */
  relogin (f);
}

static JsonObject *
find_escalation (JsonObject *list,
                 gint64      escalation_id)
{
  JsonArray *rows = json_object_get_array_member (list, "escalations");

  for (guint i = 0; i < json_array_get_length (rows); i++)
    if (json_object_get_int_member (json_array_get_object_element (rows, i), "id") == escalation_id)
      return json_array_get_object_element (rows, i);
  return NULL;
}

static void
test_lapsed_escalation (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) list = NULL;
  g_autoptr (JsonObject) m = NULL;
  g_autofree char *manager2 = NULL;
  JsonObject      *row, *lapsed_entry;
  gint64           with_ticket, letter, ticket_id, first, second, again;
  HallTestRace     pair = { 0 };

  /* Monday: two matters escalated to 张; the leader calls one in but receives neither. */
  put_on_duty (f, f->leader_id);
  ticket_id = visitor_at_window (f, &with_ticket);
  letter = register_matter (f, 0, NULL);
  r = hall_test_ok (f->hall, f->staff, "matter.escalate", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                    with_ticket);
  first = json_object_get_int_member (json_object_get_object_member (r, "escalation"), "id");
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (r, "escalation"), "ticket_id"), ==,
      ticket_id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->staff, "matter.escalate", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                    letter);
  second = json_object_get_int_member (json_object_get_object_member (r, "escalation"), "id");
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->leader, "leader.call", "{\"escalation_id\":%" G_GINT64_FORMAT "}",
                    first);
  g_clear_pointer (&r, json_object_unref);

  /* Nothing lapses during its own day. */
  list = hall_test_ok (f->hall, f->manager, "leader.escalations", NULL);
  g_assert_cmpint (json_object_get_int_member (list, "lapsed"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (find_escalation (list, first), "state"), ==,
                   "called");
  g_assert_false (json_object_get_boolean_member (find_escalation (list, first), "needs_action"));
  hall_test_fails (f->hall, f->manager, "leader.escalation_leave", HALL_ERROR_CONFLICT,
                   "escalation_id", "{\"escalation_id\":%" G_GINT64_FORMAT "}", second);
  g_clear_pointer (&list, json_object_unref);

  /* Tuesday, after the server was restarted: 李 is on duty. */
  restart (f, "2026-10-13 08:30");
  r = hall_test_ok (f->hall, f->manager, "leader.duty",
                    "{\"date\":\"2026-10-13\",\"user_id\":%" G_GINT64_FORMAT "}", f->leader2_id);
  g_clear_pointer (&r, json_object_unref);

  /* 张's queue for today is empty; calling or receiving Monday's visitor says it lapsed. */
  r = hall_test_ok (f->hall, f->leader, "leader.queue", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "visitors")), ==, 0);
  g_clear_pointer (&r, json_object_unref);
  hall_test_fails (f->hall, f->leader, "leader.call", HALL_ERROR_CONFLICT, "escalation_id",
                   "{\"escalation_id\":%" G_GINT64_FORMAT "}", first);
  hall_test_fails (f->hall, f->leader, "leader.receive", HALL_ERROR_CONFLICT, "escalation_id",
                   "{\"escalation_id\":%" G_GINT64_FORMAT
                   ",\"problem\":\"物业\",\"instructions\":\"办\"}",
                   first);

  /* The manager's list shows both as lapsed, for a decision, with nothing personal. */
  list = hall_test_ok (f->hall, f->manager, "leader.escalations", NULL);
  g_assert_cmpint (json_object_get_int_member (list, "lapsed"), ==, 2);
  row = find_escalation (list, first);
  g_assert_nonnull (row);
  g_assert_cmpstr (json_object_get_string_member (row, "state"), ==, "lapsed");
  g_assert_true (json_object_get_boolean_member (row, "needs_action"));
  g_assert_cmpstr (json_object_get_string_member (row, "date"), ==, "2026-10-12");
  g_assert_cmpstr (json_object_get_string_member (row, "ticket_code"), ==, "C001");
  g_assert_cmpint (json_object_get_int_member (row, "department_id"), ==, 2);
  g_assert_false (json_object_has_member (row, "petitioner_name"));
  g_clear_pointer (&list, json_object_unref);
  hall_test_fails (f->hall, f->staff, "leader.escalations", HALL_ERROR_FORBIDDEN, NULL, NULL);
  hall_test_fails (f->hall, f->staff, "leader.escalation_leave", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"escalation_id\":%" G_GINT64_FORMAT "}", second);

  /* The matter's timeline says so, recorded by the hall rather than by whoever looked. */
  m = hall_test_ok (f->hall, f->staff, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                    with_ticket);
  g_assert_cmpuint (hall_test_count_timeline (m, "escalation_lapsed"), ==, 1);
  lapsed_entry = hall_test_find_timeline (m, "escalation_lapsed");
  g_assert_true (json_object_get_null_member (lapsed_entry, "user_id"));
  g_assert_cmpstr (json_object_get_string_member (
                       json_object_get_object_member (lapsed_entry, "detail"), "date"),
                   ==, "2026-10-12");
  g_clear_pointer (&m, json_object_unref);

  /* Two managers escalate Monday's visitor again at the same moment: one escalation is made,
   * the other is told the matter already waits for a leader. */
  manager2 = hall_test_add_user (f->hall, "zhiban2", "manager", "xinfang", 0);
  for (guint i = 0; i < 2; i++)
    hall_test_race_call (f->hall, &pair, i ? manager2 : f->manager, "matter.escalate",
                         "{\"matter_id\":%" G_GINT64_FORMAT "}", with_ticket);
  hall_test_race_wait (&pair);
  g_assert_cmpuint (pair.ok, ==, 1);
  g_assert_cmpuint (pair.conflicts, ==, 1);

  /* Monday's ticket ended with its day: the new escalation waits for 李 without it. */
  r = hall_test_ok (f->hall, f->leader2, "leader.queue", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "visitors")), ==, 1);
  row = json_array_get_object_element (json_object_get_array_member (r, "visitors"), 0);
  again = json_object_get_int_member (row, "escalation_id");
  g_assert_true (json_object_get_null_member (row, "ticket_id"));
  g_clear_pointer (&r, json_object_unref);

  /* The letter stays with its department. */
  hall_test_fails (f->hall, f->manager, "leader.escalation_leave", HALL_ERROR_INVALID_ARGUMENT,
                   "note", "{\"escalation_id\":%" G_GINT64_FORMAT ",\"note\":%d}", second, 5);
  r = hall_test_ok (f->hall, f->manager, "leader.escalation_leave",
                    "{\"escalation_id\":%" G_GINT64_FORMAT ",\"note\":\"已由住建局电话答复\"}", second);
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (r, "escalation"), "state"), ==,
      "lapsed");
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (r, "escalation"), "resolution"),
      ==, "left");
  g_clear_pointer (&r, json_object_unref);
  hall_test_fails (f->hall, f->manager, "leader.escalation_leave", HALL_ERROR_CONFLICT,
                   "escalation_id", "{\"escalation_id\":%" G_GINT64_FORMAT "}", second);
  hall_test_fails (f->hall, f->manager, "leader.escalation_leave", HALL_ERROR_CONFLICT,
                   "escalation_id", "{\"escalation_id\":%" G_GINT64_FORMAT "}", again);
  hall_test_fails (f->hall, f->manager, "leader.escalation_leave", HALL_ERROR_NOT_FOUND,
                   "escalation_id", "{\"escalation_id\":999}");
  m = hall_test_ok (f->hall, f->manager, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                    letter);
  g_assert_cmpuint (hall_test_count_timeline (m, "escalation_lapsed"), ==, 1);
  g_assert_cmpuint (hall_test_count_timeline (m, "escalation_left"), ==, 1);
  g_clear_pointer (&m, json_object_unref);

  /* Nothing is left for the manager to decide; today's escalation is listed as waiting. */
  list = hall_test_ok (f->hall, f->manager, "leader.escalations", NULL);
  g_assert_cmpint (json_object_get_int_member (list, "lapsed"), ==, 0);
  g_assert_null (find_escalation (list, first));
  g_assert_null (find_escalation (list, second));
  g_assert_cmpstr (json_object_get_string_member (find_escalation (list, again), "state"), ==,
                   "waiting");
  g_clear_pointer (&list, json_object_unref);
  r = hall_test_ok (f->hall, f->manager, "leader.queue",
                    "{\"leader_user_id\":%" G_GINT64_FORMAT "}", f->leader_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "visitors")), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/leader/roster", Fixture, NULL, fixture_set_up, test_roster, fixture_tear_down);
  g_test_add ("/leader/roster-rules", Fixture, NULL, fixture_set_up, test_roster_rules,
              fixture_tear_down);
  g_test_add ("/leader/escalation-rules", Fixture, NULL, fixture_set_up, test_escalation_rules,
              fixture_tear_down);
  g_test_add ("/leader/lapsed-escalation", Fixture, NULL, fixture_set_up, test_lapsed_escalation,
              fixture_tear_down);

  return g_test_run ();
}
