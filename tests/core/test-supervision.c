/* test-supervision.c — 督办 that starts by itself, 约谈 / 通报 and the week's forecast (issue 11 §4)
 *
 * A real hall file. Each time rule is run by supervision.evaluate on the day before it holds and
 * on the day it does, around a holiday the hall's calendar adds; it raises one flag, named in the
 * matter's timeline with the date, which a leader resolves. Rules 4 and 5 go through
 * hall_supervision_flag_raise() on a connection of the test's own, as the commands that record a
 * repeat visit or a 不满意 will call it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "hall-supervision-private.h"
#include "hall-scheduler.h"
#include "test-leader-fixture.h"

#define ID "%" G_GINT64_FORMAT

/* Registers a matter at the window (城建) and accepts it the same day; on 12 October it is due
 * 11 December. */
static gint64
accepted_matter_due (Fixture    *f,
                     const char *due)
{
  gint64 matter_id = register_matter (f, 0, NULL);
  g_autoptr (JsonObject) r =
      hall_test_ok (f->hall, f->staff, "matter.accept", "{\"matter_id\":" ID "}", matter_id);

  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (r, "matter"),
                                                  "handling_due"),
                   ==, due);
  return matter_id;
}

static gint64
accepted_matter (Fixture *f)
{
  return accepted_matter_due (f, "2026-12-11");
}

static void
holiday (Fixture    *f,
         const char *date)
{
  g_autoptr (JsonObject) r = hall_test_ok (f->hall, f->admin, "calendar.set_day",
                                           "{\"date\":\"%s\",\"kind\":\"holiday\"}", date);
}

/* Moves the hall's clock; sessions do not last over weeks, so everyone signs in again. */
static void
at (Fixture    *f,
    const char *local)
{
  hall_test_set_now (f->hall, local);
  relogin (f);
  g_free (f->admin);
  f->admin = hall_test_login (f->hall, "admin", "admin", 0);
}

/* Sets the clock and runs the rules as the hall's scheduler does; returns how many it raised. */
static gint64
evaluate_at (Fixture    *f,
             const char *local)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) r = NULL;

  at (f, local);
  r = hall_engine_call_system (f->hall->engine, "supervision.evaluate", NULL, &error);
  g_assert_no_error (error);
  return json_object_get_int_member (r, "raised");
}

/* The open flags of @rule on @matter_id, from leader.supervision; @supervision_id (may be NULL)
 * the last one's id. */
static guint
find_flags (Fixture    *f,
            gint64      matter_id,
            const char *rule,
            gint64     *supervision_id)
{
  g_autoptr (JsonObject) r = hall_test_ok (f->hall, f->leader, "leader.supervision", NULL);
  JsonArray *flagged = json_object_get_array_member (r, "flagged");
  guint      n = 0;

  for (guint i = 0; i < json_array_get_length (flagged); i++)
    {
      JsonObject *row = json_array_get_object_element (flagged, i);

      if (json_object_get_int_member (row, "matter_id") == matter_id
          && g_strcmp0 (json_object_get_string_member_with_default (row, "rule", NULL), rule) == 0)
        {
          n++;
          if (supervision_id)
            *supervision_id = json_object_get_int_member (row, "supervision_id");
        }
    }
  return n;
}

static guint
open_flags (Fixture    *f,
            gint64      matter_id,
            const char *rule)
{
  return find_flags (f, matter_id, rule, NULL);
}

/* The timeline entry of the flag of @rule: raised by the hall on @date, or NULL. */
static JsonObject *
flag_entry (Fixture    *f,
            gint64      matter_id,
            const char *rule)
{
  g_autoptr (JsonObject) got =
      hall_test_ok (f->hall, f->leader, "matter.get", "{\"matter_id\":" ID "}", matter_id);
  JsonArray *timeline = json_object_get_array_member (got, "timeline");

  for (guint i = 0; i < json_array_get_length (timeline); i++)
    {
      JsonObject *entry = json_array_get_object_element (timeline, i);
      JsonObject *detail = json_object_get_object_member (entry, "detail");

      if (g_str_equal (json_object_get_string_member (entry, "kind"), "supervised")
          && g_strcmp0 (json_object_get_string_member_with_default (detail, "rule", NULL), rule)
                 == 0)
        return json_object_ref (entry);
    }
  return NULL;
}

static void
assert_flag_named (Fixture    *f,
                   gint64      matter_id,
                   const char *rule,
                   const char *date)
{
  g_autoptr (JsonObject) entry = flag_entry (f, matter_id, rule);

  g_assert_nonnull (entry);
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (entry, "detail"), "date"), ==,
      date);
  /* The hall raised it: no person is named. */
  g_assert_true (json_object_get_null_member (entry, "user_id"));
}

/* Resolves the open flag of @rule like a leader's, and finds it gone and the matter no longer
 * supervised when it was the last. */
static void
resolve (Fixture    *f,
         gint64      matter_id,
         const char *rule)
{
  g_autoptr (JsonObject) r = NULL;
  gint64 supervision_id = 0;

  g_assert_cmpuint (find_flags (f, matter_id, rule, &supervision_id), ==, 1);
  r = hall_test_ok (f->hall, f->leader, "matter.supervise",
                    "{\"matter_id\":" ID ",\"resolve\":true,\"supervision_id\":" ID
                    ",\"resolution\":\"已督促办理\"}",
                    matter_id, supervision_id);
  g_assert_cmpuint (open_flags (f, matter_id, rule), ==, 0);
}

/* Rule 1: accepted on 12 October, due 11 December (60 days): half gone on 11 November. */
static void
test_half_period (Fixture      *f,
                  gconstpointer data)
{
  gint64 matter_id = accepted_matter (f);
  gint64 quiet_id = accepted_matter (f);
  g_autoptr (JsonObject) r = NULL;

  /* 11 November is made a holiday: the half point rolls to Thursday 12 November. */
  holiday (f, "2026-11-11");
  r = hall_test_ok (f->hall, f->staff, "matter.note",
                    "{\"matter_id\":" ID ",\"text\":\"已约谈物业，正在协调维修\"}", quiet_id);
  evaluate_at (f, "2026-11-11 18:00");
  g_assert_cmpuint (open_flags (f, matter_id, "half_period"), ==, 0);
  g_assert_null (flag_entry (f, matter_id, "half_period"));

  g_assert_cmpint (evaluate_at (f, "2026-11-12 08:00"), >=, 1);
  g_assert_cmpuint (open_flags (f, matter_id, "half_period"), ==, 1);
  assert_flag_named (f, matter_id, "half_period", "2026-11-12");
  /* The matter with a progress note is not flagged. */
  g_assert_cmpuint (open_flags (f, quiet_id, "half_period"), ==, 0);

  /* Once: again the same day, and the next day. */
  evaluate_at (f, "2026-11-12 12:00");
  evaluate_at (f, "2026-11-13 08:00");
  g_assert_cmpuint (open_flags (f, matter_id, "half_period"), ==, 1);

  /* Resolved like a leader's, and not raised again for the same half point. */
  resolve (f, matter_id, "half_period");
  evaluate_at (f, "2026-11-16 08:00");
  g_assert_cmpuint (open_flags (f, matter_id, "half_period"), ==, 0);
  {
    g_autoptr (JsonObject) got =
        hall_test_ok (f->hall, f->leader, "matter.get", "{\"matter_id\":" ID "}", matter_id);

    g_assert_cmpuint (hall_test_count_timeline (got, "supervised"), ==, 1);
    g_assert_cmpuint (hall_test_count_timeline (got, "supervision_resolved"), ==, 1);
  }
}

/* Rule 2: 人社 cooperates from Monday 12 October; Friday 16 October is made a holiday. Its fifth
 * working day of silence is Tuesday 20 October (13, 14, 15, 19, 20); flagged on Wednesday 21. */
static void
test_silent_department (Fixture      *f,
                        gconstpointer data)
{
  gint64 matter_id = register_matter (f, 0, NULL);
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) entry = NULL;
  g_autofree char *renshe = hall_test_add_user (f->hall, "renshe", "staff", "renshe", 0);

  holiday (f, "2026-10-16");
  r = hall_test_ok (f->hall, f->manager, "matter.assign",
                    "{\"matter_id\":" ID ",\"department_id\":2,\"deadline\":\"2026-11-30\","
                    "\"cooperating_department_ids\":[5]}",
                    matter_id);
  g_assert_cmpint (evaluate_at (f, "2026-10-20 17:00"), ==, 0);
  g_assert_cmpuint (open_flags (f, matter_id, "silent_department"), ==, 0);

  evaluate_at (f, "2026-10-21 08:00");
  g_assert_cmpuint (open_flags (f, matter_id, "silent_department"), ==, 1);
  assert_flag_named (f, matter_id, "silent_department", "2026-10-21");
  entry = flag_entry (f, matter_id, "silent_department");
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (entry, "detail"), "note"), ==,
      "人社");
  evaluate_at (f, "2026-10-21 12:00");
  g_assert_cmpuint (open_flags (f, matter_id, "silent_department"), ==, 1);
  resolve (f, matter_id, "silent_department");

  /* 人社 writes on Thursday 22: silent again from there, flagged on the working day after its
   * fifth silent one (23, 26, 27, 28, 29), not before. */
  g_clear_pointer (&r, json_object_unref);
  at (f, "2026-10-22 10:00");
  g_free (renshe);
  renshe = hall_test_login (f->hall, "renshe", "staff", 0);
  r = hall_test_ok (f->hall, renshe, "matter.note",
                    "{\"matter_id\":" ID ",\"text\":\"已核实社保缴费记录\"}", matter_id);
  evaluate_at (f, "2026-10-29 17:00");
  g_assert_cmpuint (open_flags (f, matter_id, "silent_department"), ==, 0);
  evaluate_at (f, "2026-10-30 08:00");
  g_assert_cmpuint (open_flags (f, matter_id, "silent_department"), ==, 1);
}

/* Rule 3: due Friday 11 December, no reply. Wednesday 9 December is made a holiday: three working
 * days before the due date from Monday 7 December; not on Friday 4 or Sunday 6. */
static void
test_due_no_reply (Fixture      *f,
                   gconstpointer data)
{
  gint64 matter_id = accepted_matter (f);
  gint64 replied_id = accepted_matter (f);
  g_autoptr (JsonObject) r = NULL;

  holiday (f, "2026-12-09");
  r = hall_test_ok (f->hall, f->staff, "matter.reply",
                    "{\"matter_id\":" ID ",\"facts\":\"经核查属实\",\"basis\":\"《物业管理条例》\","
                    "\"opinion\":\"explain\","
                    "\"text\":\"经核实，电梯已于本月修复。\"}",
                    replied_id);
  evaluate_at (f, "2026-12-04 17:00");
  evaluate_at (f, "2026-12-06 17:00");
  g_assert_cmpuint (open_flags (f, matter_id, "due_no_reply"), ==, 0);

  evaluate_at (f, "2026-12-07 08:00");
  g_assert_cmpuint (open_flags (f, matter_id, "due_no_reply"), ==, 1);
  g_assert_cmpuint (open_flags (f, replied_id, "due_no_reply"), ==, 0);
  assert_flag_named (f, matter_id, "due_no_reply", "2026-12-07");
  evaluate_at (f, "2026-12-08 08:00");
  g_assert_cmpuint (open_flags (f, matter_id, "due_no_reply"), ==, 1);
  resolve (f, matter_id, "due_no_reply");
  evaluate_at (f, "2026-12-10 08:00");
  g_assert_cmpuint (open_flags (f, matter_id, "due_no_reply"), ==, 0);
}

/* The rules are also looked at on a write to the matter, without the scheduler. */
static void
test_on_write (Fixture      *f,
               gconstpointer data)
{
  gint64 matter_id = accepted_matter (f);
  g_autoptr (JsonObject) r = NULL;

  at (f, "2026-12-08 09:00");
  g_assert_cmpuint (open_flags (f, matter_id, "due_no_reply"), ==, 0);
  r = hall_test_ok (f->hall, f->staff, "matter.note",
                    "{\"matter_id\":" ID ",\"text\":\"已联系电梯维保单位\"}", matter_id);
  g_assert_cmpuint (open_flags (f, matter_id, "due_no_reply"), ==, 1);
  /* The note itself is progress: no flag for half the period. */
  g_assert_cmpuint (open_flags (f, matter_id, "half_period"), ==, 0);
}

static void
keep_reply_cb (HallScheduler *scheduler,
               JsonObject    *reply,
               JsonObject   **out)
{
  g_assert_nonnull (reply);
  *out = json_object_ref (reply);
}

/* The scheduler of the process that owns the hall looks at once. */
static void
test_scheduler (Fixture      *f,
                gconstpointer data)
{
  gint64 matter_id = accepted_matter (f);
  g_autoptr (HallScheduler) scheduler = NULL;
  g_autoptr (JsonObject) answer = NULL;

  at (f, "2026-12-08 09:00");
  scheduler = hall_scheduler_new_supervision (f->hall->engine);
  g_signal_connect (scheduler, "checked", G_CALLBACK (keep_reply_cb), &answer);
  while (answer == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (json_object_get_int_member (answer, "raised"), ==, 2);
  g_assert_cmpuint (open_flags (f, matter_id, "due_no_reply"), ==, 1);
  g_assert_cmpuint (open_flags (f, matter_id, "half_period"), ==, 1);
}

/* The audit rows supervision.evaluate left, from the trail as the admin reads it. */
static guint
evaluate_audit_rows (Fixture *f)
{
  g_autoptr (JsonObject) r = hall_test_ok (f->hall, f->admin, "audit.list", "{\"limit\":1000}");
  JsonArray *entries = json_object_get_array_member (r, "entries");
  guint      n = 0;

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "command"), "supervision.evaluate") == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (entry, "result"), ==, "ok");
          n++;
        }
    }
  return n;
}

/* The scheduler runs the rules every 5 minutes, 288 times a day: a run that raises no flag leaves
 * no audit row, a run that raises flags leaves one. */
static void
test_audit (Fixture      *f,
            gconstpointer data)
{
  gint64 matter_id = accepted_matter (f);

  g_assert_cmpint (evaluate_at (f, "2026-10-20 09:00"), ==, 0);
  g_assert_cmpint (evaluate_at (f, "2026-10-20 09:05"), ==, 0);
  g_assert_cmpuint (evaluate_audit_rows (f), ==, 0);
  g_assert_cmpint (evaluate_at (f, "2026-12-08 09:00"), ==, 2);
  g_assert_cmpuint (evaluate_audit_rows (f), ==, 1);
  g_assert_cmpuint (open_flags (f, matter_id, "due_no_reply"), ==, 1);
  /* The flags are open already: nothing more to record. */
  g_assert_cmpint (evaluate_at (f, "2026-12-08 09:05"), ==, 0);
  g_assert_cmpuint (evaluate_audit_rows (f), ==, 1);
}

/* Rules 4 and 5: raised where the repeat visit or the 不满意 is recorded. */
static gboolean
raise_directly (Fixture            *f,
                gint64              matter_id,
                HallSupervisionRule rule,
                const char         *detail)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HallDb) db = hall_db_open (f->hall->path, &error);
  g_autoptr (GTimeZone) tz = g_time_zone_new_local ();
  g_autoptr (GDateTime) now = g_date_time_new_from_unix_utc (hall_engine_get_now (f->hall->engine));
  g_autoptr (GDateTime) local = g_date_time_to_timezone (now, tz);
  g_autofree char *today = g_date_time_format (local, "%Y-%m-%d");
  g_autoptr (GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  HallActor actor = { .role = HALL_ROLE_SYSTEM };
  HallCtx   ctx = { 0 };
  gboolean  raised = FALSE;

  g_assert_no_error (error);
  ctx.db = db;
  ctx.tz = tz;
  ctx.actor = &actor;
  ctx.command = "test";
  ctx.now = hall_engine_get_now (f->hall->engine);
  ctx.now_local = local;
  ctx.today = today;
  ctx.events = events;
  g_assert_true (hall_db_run (db, "BEGIN IMMEDIATE", &error));
  g_assert_true (hall_supervision_flag_raise (&ctx, matter_id, rule, detail, &raised, &error));
  g_assert_no_error (error);
  g_assert_true (hall_db_run (db, "COMMIT", &error));
  g_assert_cmpuint (events->len, >=, raised ? 2 : 0);
  g_free (ctx.object_type);
  g_free (ctx.object_id);
  return raised;
}

static void
test_event_rules (Fixture      *f,
                  gconstpointer data)
{
  gint64 matter_id = accepted_matter (f);

  at (f, "2026-10-20 10:00");
  g_assert_true (raise_directly (f, matter_id, HALL_SUPERVISION_RULE_REPEAT_VISIT, "C015"));
  g_assert_false (raise_directly (f, matter_id, HALL_SUPERVISION_RULE_REPEAT_VISIT, "C015"));
  /* One open flag per rule: a second visit waits for the first flag's resolution. */
  g_assert_false (raise_directly (f, matter_id, HALL_SUPERVISION_RULE_REPEAT_VISIT, "C021"));
  g_assert_true (raise_directly (f, matter_id, HALL_SUPERVISION_RULE_DISSATISFIED, "回访不满意"));
  g_assert_cmpuint (open_flags (f, matter_id, "repeat_visit"), ==, 1);
  g_assert_cmpuint (open_flags (f, matter_id, "dissatisfied"), ==, 1);
  assert_flag_named (f, matter_id, "repeat_visit", "2026-10-20");
  assert_flag_named (f, matter_id, "dissatisfied", "2026-10-20");

  resolve (f, matter_id, "repeat_visit");
  g_assert_true (raise_directly (f, matter_id, HALL_SUPERVISION_RULE_REPEAT_VISIT, "C021"));

  /* Resolving without naming a flag ends them all: the matter is no longer supervised. */
  {
    g_autoptr (JsonObject) r = hall_test_ok (
        f->hall, f->leader, "matter.supervise",
        "{\"matter_id\":" ID ",\"resolve\":true,\"resolution\":\"已答复\"}", matter_id);
    g_autoptr (JsonObject) got =
        hall_test_ok (f->hall, f->leader, "matter.get", "{\"matter_id\":" ID "}", matter_id);

    g_assert_cmpint (
        json_object_get_int_member (json_object_get_object_member (got, "matter"), "supervised"),
        ==, 0);
  }
}

/* A leader's flag and a rule's live side by side; a new leader's flag supersedes only the
 * leader's. */
static void
test_leader_and_rule (Fixture      *f,
                      gconstpointer data)
{
  gint64 matter_id = accepted_matter (f);
  g_autoptr (JsonObject) r = NULL;

  evaluate_at (f, "2026-11-12 08:00");
  r = hall_test_ok (f->hall, f->leader, "matter.supervise",
                    "{\"matter_id\":" ID ",\"note\":\"请城建局本周内报告进展\","
                    "\"due_date\":\"2026-11-20\"}",
                    matter_id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->leader, "matter.supervise",
                    "{\"matter_id\":" ID ",\"note\":\"再次督办\",\"due_date\":\"2026-11-25\"}",
                    matter_id);
  g_assert_cmpuint (open_flags (f, matter_id, "half_period"), ==, 1);
  g_assert_cmpuint (open_flags (f, matter_id, NULL), ==, 1);
}

/* 约谈 with 城建's head on two matters, and a 通报 to all; each linked matter shows it. */
static void
test_talks (Fixture      *f,
            gconstpointer data)
{
  gint64 m1 = accepted_matter (f), m2 = accepted_matter (f), m3 = accepted_matter (f);
  g_autoptr (JsonObject) talk = NULL;
  g_autoptr (JsonObject) notice = NULL;
  g_autoptr (JsonObject) list = NULL;
  g_autoptr (JsonObject) got = NULL;
  JsonArray *talks;

  at (f, "2026-11-20 15:00");
  hall_test_fails (f->hall, f->leader, "leader.talk", HALL_ERROR_INVALID_ARGUMENT,
                   "department_id",
                   "{\"kind\":\"talk\",\"date\":\"2026-11-20\",\"subject\":\"电梯维修迟缓\","
                   "\"content\":\"约谈城建局负责人\"}");
  hall_test_fails (f->hall, f->leader, "leader.talk", HALL_ERROR_INVALID_ARGUMENT,
                   "department_id",
                   "{\"kind\":\"notice\",\"date\":\"2026-11-20\",\"department_id\":2,"
                   "\"subject\":\"通报\",\"content\":\"通报\"}");
  hall_test_fails (f->hall, f->leader, "leader.talk", HALL_ERROR_INVALID_ARGUMENT, "date",
                   "{\"kind\":\"notice\",\"date\":\"2026-11-21\",\"subject\":\"通报\","
                   "\"content\":\"通报\"}");
  hall_test_fails (f->hall, f->leader, "leader.talk", HALL_ERROR_NOT_FOUND, "matter_ids",
                   "{\"kind\":\"notice\",\"date\":\"2026-11-20\",\"subject\":\"通报\","
                   "\"content\":\"通报\",\"matter_ids\":[9999]}");
  hall_test_fails (f->hall, f->manager, "leader.talk", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"kind\":\"notice\",\"date\":\"2026-11-20\",\"subject\":\"通报\","
                   "\"content\":\"通报\"}");

  talk = hall_test_ok (f->hall, f->leader, "leader.talk",
                       "{\"kind\":\"talk\",\"date\":\"2026-11-20\",\"department_id\":2,"
                       "\"subject\":\"电梯维修迟缓\",\"content\":\"约谈城建局负责人，限期整改\","
                       "\"matter_ids\":[" ID "," ID "]}",
                       m1, m2);
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (talk, "talk"), "department_name"),
      ==, "城建");
  notice = hall_test_ok (f->hall, f->leader, "leader.talk",
                         "{\"kind\":\"notice\",\"date\":\"2026-11-19\","
                         "\"subject\":\"超期未办结事项通报\",\"content\":\"请各单位按期办结\","
                         "\"matter_ids\":[" ID "]}",
                         m3);

  list = hall_test_ok (f->hall, f->admin, "leader.talks", NULL);
  talks = json_object_get_array_member (list, "talks");
  g_assert_cmpuint (json_array_get_length (talks), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (
                        json_array_get_object_element (talks, 0), "matters")),
                    ==, 2);
  g_clear_pointer (&list, json_object_unref);
  list = hall_test_ok (f->hall, f->manager, "leader.talks", "{\"matter_id\":" ID "}", m3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (list, "talks")), ==, 1);
  hall_test_fails (f->hall, f->staff, "leader.talks", HALL_ERROR_FORBIDDEN, NULL, NULL);

  got = hall_test_ok (f->hall, f->leader, "matter.get", "{\"matter_id\":" ID "}", m2);
  {
    JsonObject *entry = hall_test_find_timeline (got, "talk");

    g_assert_nonnull (entry);
    g_assert_cmpstr (
        json_object_get_string_member (json_object_get_object_member (entry, "detail"), "subject"),
        ==, "电梯维修迟缓");
  }
  g_clear_pointer (&got, json_object_unref);
  got = hall_test_ok (f->hall, f->leader, "matter.get", "{\"matter_id\":" ID "}", m3);
  g_assert_cmpuint (hall_test_count_timeline (got, "talk"), ==, 1);
}

/* The matters turning overdue in the next 7 days, by department, with their rules. */
static void
test_forecast (Fixture      *f,
               gconstpointer data)
{
  gint64 cj = accepted_matter (f);
  gint64 later = 0, mz = 0;
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) forecast = NULL;
  g_autofree char *minzheng = hall_test_add_user (f->hall, "minzheng", "staff", "minzheng", 0);
  JsonArray       *departments;

  /* 民政's matter registered a day later: due 12 December, a Saturday, so Monday 14. */
  at (f, "2026-10-13 09:00");
  g_free (minzheng);
  minzheng = hall_test_login (f->hall, "minzheng", "staff", 0);
  mz = hall_test_register_visit (f->hall, minzheng, 0, NULL);
  r = hall_test_ok (f->hall, minzheng, "matter.accept", "{\"matter_id\":" ID "}", mz);
  /* One accepted on 20 October: due 19 December, a Saturday, so 21: beyond the week. */
  at (f, "2026-10-20 09:00");
  later = accepted_matter_due (f, "2026-12-21");

  /* On Tuesday 8 December the week runs to the 14th. */
  evaluate_at (f, "2026-12-08 08:00");
  forecast = hall_test_ok (f->hall, f->manager, "leader.forecast", NULL);
  g_assert_cmpint (json_object_get_int_member (forecast, "count"), ==, 2);
  departments = json_object_get_array_member (forecast, "departments");
  g_assert_cmpuint (json_array_get_length (departments), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *group = json_array_get_object_element (departments, i);
      JsonObject *matter =
          json_array_get_object_element (json_object_get_array_member (group, "matters"), 0);
      JsonArray *rules = json_object_get_array_member (matter, "rules");
      gboolean   due_rule = FALSE, half_rule = FALSE;
      gint64     id = json_object_get_int_member (matter, "matter_id");

      g_assert_cmpint (json_object_get_int_member (group, "count"), ==, 1);
      g_assert_true (id == cj || id == mz);
      g_assert_cmpstr (json_object_get_string_member (matter, "due"), ==,
                       id == cj ? "2026-12-11" : "2026-12-14");
      for (guint j = 0; j < json_array_get_length (rules); j++)
        {
          const char *rule =
              json_object_get_string_member (json_array_get_object_element (rules, j), "rule");

          due_rule |= g_str_equal (rule, "due_no_reply");
          half_rule |= g_str_equal (rule, "half_period");
        }
      /* 民政's is three working days from its due date only on the 9th. */
      g_assert_true (half_rule);
      g_assert_true (due_rule == (id == cj));
    }
  hall_test_fails (f->hall, f->staff, "leader.forecast", HALL_ERROR_FORBIDDEN, NULL, NULL);
  g_assert_cmpint (later, >, 0);
}

/* Who may call the new commands (the LAN matrix in tests/net/test-roles.c covers every role). */
static void
test_roles (Fixture      *f,
            gconstpointer data)
{
  const char *people[] = { f->staff, f->manager, f->admin, f->display, f->kiosk, f->leader };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    hall_test_fails (f->hall, people[i], "supervision.evaluate", HALL_ERROR_FORBIDDEN, NULL, NULL);
  hall_test_fails (f->hall, f->admin, "leader.forecast", HALL_ERROR_FORBIDDEN, NULL, NULL);
  hall_test_fails (f->hall, f->admin, "leader.talk", HALL_ERROR_FORBIDDEN, NULL, NULL);
  hall_test_fails (f->hall, f->staff, "leader.talk", HALL_ERROR_FORBIDDEN, NULL, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/supervision/half-period", Fixture, NULL, fixture_set_up, test_half_period,
              fixture_tear_down);
  g_test_add ("/supervision/silent-department", Fixture, NULL, fixture_set_up,
              test_silent_department, fixture_tear_down);
  g_test_add ("/supervision/due-no-reply", Fixture, NULL, fixture_set_up, test_due_no_reply,
              fixture_tear_down);
  g_test_add ("/supervision/on-write", Fixture, NULL, fixture_set_up, test_on_write,
              fixture_tear_down);
  g_test_add ("/supervision/scheduler", Fixture, NULL, fixture_set_up, test_scheduler,
              fixture_tear_down);
  g_test_add ("/supervision/audit", Fixture, NULL, fixture_set_up, test_audit, fixture_tear_down);
  g_test_add ("/supervision/event-rules", Fixture, NULL, fixture_set_up, test_event_rules,
              fixture_tear_down);
  g_test_add ("/supervision/leader-and-rule", Fixture, NULL, fixture_set_up, test_leader_and_rule,
              fixture_tear_down);
  g_test_add ("/supervision/talks", Fixture, NULL, fixture_set_up, test_talks, fixture_tear_down);
  g_test_add ("/supervision/forecast", Fixture, NULL, fixture_set_up, test_forecast,
              fixture_tear_down);
  g_test_add ("/supervision/roles", Fixture, NULL, fixture_set_up, test_roles, fixture_tear_down);
  return g_test_run ();
}
