/* test-followup.c — 回访核实 over a real hall file: closing and a leader's reception put a matter
 * on the follow-up list with its due date in working days, three calls that reach nobody end it,
 * 不满意 → on-site check → 整改 → reply → back on the list, a 不满意 on a rating pad joins, the
 * figures against a hand count, and who may do what
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "hall-db.h"
#include "hall-followup-private.h"
#include "test-matter-fixture.h"

#define ID_FMT "%" G_GINT64_FORMAT

/* Registers a matter by 张伟 at 城建 on @date, accepts, replies and closes it on @closed; its id. */
static gint64
closed_matter (Fixture    *f,
               const char *date,
               const char *closed)
{
  g_autofree char *time = g_strdup_printf ("%s 09:00", date);
  g_autofree char *close_time = g_strdup_printf ("%s 10:00", closed);
  gint64           id;
  JsonObject      *r;

  at (f, time);
  id = register_matter (f, f->zhang, NULL);
  r = hall_test_ok (f->hall, f->zhang, "matter.accept", "{\"matter_id\":" ID_FMT "}", id);
  json_object_unref (r);
  r = hall_test_ok (f->hall, f->zhang, "matter.reply",
                    "{\"matter_id\":" ID_FMT ",\"facts\":\"经核查属实\",\"basis\":\"《物业管理条例》\","
                    "\"opinion\":\"support\",\"text\":\"已修复电梯。\"}",
                    id);
  json_object_unref (r);
  at (f, close_time);
  r = hall_test_ok (f->hall, f->zhang, "matter.close",
                    "{\"matter_id\":" ID_FMT ",\"satisfaction\":\"satisfied\","
                    "\"outcome\":\"resolved\"}",
                    id);
  json_object_unref (r);
  return id;
}

/* The items of followup.list by @token with @params ("{…}"). */
static JsonObject *
list (Fixture    *f,
      const char *token,
      const char *params)
{
  return hall_test_ok (f->hall, token, "followup.list", "%s", params);
}

static JsonArray *
items_of (JsonObject *listed)
{
  return json_object_get_array_member (listed, "items");
}

/* The one item of @matter_id in @view as @token sees it (asserts there is exactly one). */
static JsonObject *
item_of (Fixture    *f,
         const char *token,
         const char *view,
         gint64      matter_id)
{
  g_autofree char *params = g_strdup_printf ("{\"view\":\"%s\"}", view);
  g_autoptr (JsonObject) listed = list (f, token, params);
  JsonArray  *items = items_of (listed);
  JsonObject *found = NULL;

  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (json_object_get_int_member_with_default (item, "matter_id", 0) == matter_id)
        {
          g_assert_null (found);
          found = item;
        }
    }
  g_assert_nonnull (found);
  return json_object_ref (found);
}

static gint64
followup_id (JsonObject *item)
{
  return json_object_get_int_member (item, "id");
}

static const char *
state_after (JsonObject *result)
{
  return json_object_get_string_member (json_object_get_object_member (result, "followup"),
                                        "state");
}

static JsonObject *
get_matter (Fixture *f,
            gint64   matter_id)
{
  return hall_test_ok (f->hall, f->wang, "matter.get", "{\"matter_id\":" ID_FMT "}", matter_id);
}

/* ---- the list ---------------------------------------------------------------------------- */

static void
test_closing_lists (Fixture      *f,
                    gconstpointer data)
{
  g_autoptr (JsonObject) item = NULL;
  g_autoptr (JsonObject) due = NULL;
  g_autoptr (JsonObject) later = NULL;
  gint64 id;

  /* Closed on Tue 29 Sep 2026: 5 working days are 30 Sep, then (国庆 1–7 Oct) 8, 9, Sat 10 Oct
   * (调休, a working day) and Mon 12 Oct. */
  id = closed_matter (f, "2026-09-01", "2026-09-29");
  item = item_of (f, f->zhang, "open", id);
  g_assert_cmpstr (json_object_get_string_member (item, "due_date"), ==, "2026-10-12");
  g_assert_cmpstr (json_object_get_string_member (item, "listed_date"), ==, "2026-09-29");
  g_assert_cmpstr (json_object_get_string_member (item, "source"), ==, "closed");
  g_assert_cmpstr (json_object_get_string_member (item, "state"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (item, "petitioner_name"), ==, "张伟");
  g_assert_cmpstr (json_object_get_string_member (item, "phone"), ==, "13812345678");
  g_assert_cmpint (json_object_get_int_member (item, "attempts"), ==, 0);

  /* Not due yet on the day it closed; due on the 12th; overdue the day after. */
  due = list (f, f->zhang, "{\"view\":\"due\"}");
  g_assert_cmpuint (json_array_get_length (items_of (due)), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (due, "counts"),
                                               "open"),
                   ==, 1);
  at (f, "2026-10-12 09:00");
  g_clear_pointer (&due, json_object_unref);
  due = list (f, f->zhang, "{\"view\":\"due\"}");
  g_assert_cmpuint (json_array_get_length (items_of (due)), ==, 1);
  g_assert_true (json_object_get_boolean_member (
      json_array_get_object_element (items_of (due), 0), "due_today"));
  at (f, "2026-10-13 09:00");
  later = list (f, f->zhang, "{\"view\":\"overdue\"}");
  g_assert_cmpuint (json_array_get_length (items_of (later)), ==, 1);
  g_assert_true (
      json_object_get_boolean_member (json_array_get_object_element (items_of (later), 0), "overdue"));

  /* The setting: 3 working days from then on. */
  {
    g_autoptr (JsonObject) set = hall_test_ok (f->hall, f->admin, "hall.configure",
                                               "{\"followup_days\":3}");
    g_autoptr (JsonObject) other = NULL;
    gint64 id2 = closed_matter (f, "2026-10-13", "2026-10-13");

    other = item_of (f, f->wang, "open", id2);
    g_assert_cmpstr (json_object_get_string_member (other, "due_date"), ==, "2026-10-16");
    hall_test_fails (f->hall, f->admin, "hall.configure", HALL_ERROR_INVALID_ARGUMENT,
                     "followup_days", "{\"followup_days\":0}");
  }
}

static void
test_three_attempts (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr (JsonObject) item = NULL;
  g_autoptr (JsonObject) matter = NULL;
  gint64 id = closed_matter (f, "2026-09-01", "2026-09-29");
  gint64 fid;

  item = item_of (f, f->zhang, "open", id);
  fid = followup_id (item);
  for (int i = 1; i <= 3; i++)
    {
      g_autoptr (JsonObject) r =
          hall_test_ok (f->hall, f->zhang, "followup.record",
                        "{\"followup_id\":" ID_FMT ",\"result\":\"%s\",\"note\":\"第%d次\"}", fid,
                        i == 2 ? "empty_number" : "no_answer", i);
      g_assert_cmpstr (state_after (r), ==, i < 3 ? "open" : "unreachable");
      g_assert_cmpint (
          json_object_get_int_member (json_object_get_object_member (r, "followup"), "attempts"),
          ==, i);
    }
  /* A fourth call is refused; the item is in the done list as unreachable. */
  hall_test_fails (f->hall, f->zhang, "followup.record", HALL_ERROR_CONFLICT, "followup_id",
                   "{\"followup_id\":" ID_FMT ",\"result\":\"no_answer\"}", fid);
  g_clear_pointer (&item, json_object_unref);
  item = item_of (f, f->zhang, "done", id);
  g_assert_cmpstr (json_object_get_string_member (item, "state"), ==, "unreachable");
  g_assert_cmpstr (json_object_get_string_member (item, "last_result"), ==, "no_answer");
  matter = get_matter (f, id);
  g_assert_cmpuint (hall_test_count_timeline (matter, "followup_call"), ==, 3);

  /* A refusal ends a round at once. */
  {
    gint64 id2 = closed_matter (f, "2026-09-02", "2026-09-29");
    g_autoptr (JsonObject) other = item_of (f, f->zhang, "open", id2);
    g_autoptr (JsonObject) r =
        hall_test_ok (f->hall, f->zhang, "followup.record",
                      "{\"followup_id\":" ID_FMT ",\"result\":\"refused\"}", followup_id (other));
    g_assert_cmpstr (state_after (r), ==, "refused");
  }
}

static void
test_dissatisfied_reopens (Fixture      *f,
                           gconstpointer data)
{
  g_autoptr (JsonObject) item = NULL;
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (JsonObject) again = NULL;
  gint64   id = closed_matter (f, "2026-09-01", "2026-10-12");
  gint64   fid;
  gboolean dissatisfied = FALSE;

  item = item_of (f, f->zhang, "open", id);
  fid = followup_id (item);
  at (f, "2026-10-14 10:00");
  r = hall_test_ok (f->hall, f->zhang, "followup.record",
                    "{\"followup_id\":" ID_FMT ",\"result\":\"reached\",\"method\":\"phone\","
                    "\"satisfaction\":\"dissatisfied\",\"accepts\":false,"
                    "\"note\":\"电梯仍常停运\"}",
                    fid);
  g_assert_cmpstr (state_after (r), ==, "check");
  g_clear_pointer (&r, json_object_unref);

  /* The latest reached call says 不满意: what the automatic supervision reads. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (HallDb) db = hall_db_open (f->hall->path, &error);

    g_assert_no_error (error);
    g_assert_true (_hall_followup_latest_dissatisfied (db, id, &dissatisfied, &error));
    g_assert_no_error (error);
    g_assert_true (dissatisfied);
  }
  /* The matter is flagged for 督办 by itself (rule 5), naming the rule and the day. */
  {
    g_autoptr (JsonObject) got =
        hall_test_ok (f->hall, f->zhang, "matter.get", "{\"matter_id\":" ID_FMT "}", id);
    JsonObject *flag = hall_test_find_timeline (got, "supervised");

    g_assert_nonnull (flag);
    flag = json_object_get_object_member (flag, "detail");
    g_assert_cmpstr (json_object_get_string_member (flag, "rule"), ==, "dissatisfied");
    g_assert_cmpstr (json_object_get_string_member (flag, "date"), ==, "2026-10-14");
  }

  /* No finding before someone is sent; window staff send nobody; the check's date not past. */
  hall_test_fails (f->hall, f->wang, "followup.check_finding", HALL_ERROR_CONFLICT, "followup_id",
                   "{\"followup_id\":" ID_FMT ",\"finding\":\"confirmed\",\"text\":\"x\"}", fid);
  hall_test_fails (f->hall, f->zhang, "followup.check_assign", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"followup_id\":" ID_FMT ",\"person\":\"刘核实\","
                   "\"due_date\":\"2026-10-20\"}",
                   fid);
  hall_test_fails (f->hall, f->zhao, "followup.check_assign", HALL_ERROR_INVALID_ARGUMENT,
                   "due_date",
                   "{\"followup_id\":" ID_FMT ",\"person\":\"刘核实\","
                   "\"due_date\":\"2026-10-13\"}",
                   fid);
  r = hall_test_ok (f->hall, f->zhao, "followup.check_assign",
                    "{\"followup_id\":" ID_FMT ",\"person\":\"刘核实\","
                    "\"due_date\":\"2026-10-20\"}",
                    fid);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (r, "followup"),
                                                  "check_person"),
                   ==, "刘核实");
  g_clear_pointer (&r, json_object_unref);

  /* The finding reopens it: back to 城建 with 15 working days for 整改 (from Fri 16 Oct). */
  at (f, "2026-10-16 15:00");
  r = hall_test_ok (f->hall, f->wang, "followup.check_finding",
                    "{\"followup_id\":" ID_FMT ",\"finding\":\"reopen\","
                    "\"text\":\"电梯维修未到位，需更换主板\"}",
                    fid);
  g_assert_cmpstr (state_after (r), ==, "rectifying");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (r, "followup"),
                                                  "rectify_due"),
                   ==, "2026-11-06");
  matter = get_matter (f, id);
  g_assert_cmpstr (matter_member (matter, "state"), ==, "accepted");
  g_assert_cmpstr (matter_member (matter, "handling_due"), ==, "2026-11-06");
  g_assert_cmpuint (hall_test_count_timeline (matter, "followup_check"), ==, 1);
  g_assert_cmpuint (hall_test_count_timeline (matter, "followup_reopened"), ==, 1);
  g_clear_pointer (&item, json_object_unref);
  item = item_of (f, f->zhang, "check", id);
  g_assert_cmpstr (json_object_get_string_member (item, "state"), ==, "rectifying");

  /* 整改 replied: the round ends, a new one is due 5 working days later, and is rated again. */
  at (f, "2026-10-30 10:00");
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->zhang, "matter.reply",
                    "{\"matter_id\":" ID_FMT ",\"facts\":\"经核查属实\",\"basis\":\"《物业管理条例》\","
                    "\"opinion\":\"support\","
                    "\"text\":\"已更换主板，电梯恢复运行。\"}",
                    id);
  again = item_of (f, f->zhang, "open", id);
  g_assert_cmpint (followup_id (again), !=, fid);
  g_assert_cmpstr (json_object_get_string_member (again, "source"), ==, "rectified");
  g_assert_cmpstr (json_object_get_string_member (again, "due_date"), ==, "2026-11-06");
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->zhang, "followup.record",
                    "{\"followup_id\":" ID_FMT ",\"result\":\"reached\","
                    "\"satisfaction\":\"basic\",\"accepts\":true}",
                    followup_id (again));
  g_assert_cmpstr (state_after (r), ==, "done");
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (HallDb) db = hall_db_open (f->hall->path, &error);

    g_assert_true (_hall_followup_latest_dissatisfied (db, id, &dissatisfied, &error));
    g_assert_false (dissatisfied);
  }
  /* Closing it again lists it again, for a round of its own. */
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->zhang, "matter.close",
                    "{\"matter_id\":" ID_FMT ",\"satisfaction\":\"basic\","
                    "\"outcome\":\"resolved\"}",
                    id);
  g_clear_pointer (&again, json_object_unref);
  again = item_of (f, f->zhang, "open", id);
  g_assert_cmpstr (json_object_get_string_member (again, "source"), ==, "closed");
}

static void
test_leader_receives (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr (JsonObject) duty = NULL;
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) item = NULL;
  gint64 id;

  at (f, "2026-10-12 09:00");
  duty = hall_test_ok (f->hall, f->wang, "leader.duty",
                       "{\"date\":\"2026-10-12\",\"user_id\":" ID_FMT "}",
                       hall_test_user_id (f->hall, f->zhao));
  id = register_matter (f, f->zhang, NULL);
  r = hall_test_ok (f->hall, f->zhao, "leader.receive",
                    "{\"matter_id\":" ID_FMT ",\"problem\":\"电梯\",\"instructions\":\"依法办理\"}",
                    id);
  item = item_of (f, f->wang, "open", id);
  g_assert_cmpstr (json_object_get_string_member (item, "source"), ==, "leader");
  g_assert_cmpstr (json_object_get_string_member (item, "due_date"), ==, "2026-10-19");
}

/* ---- a 不满意 on a rating pad ------------------------------------------------------------------ */

static gint64
serve_and_rate (Fixture    *f,
                const char *pad,
                const char *outcome)
{
  g_autoptr (JsonObject) issued = NULL;
  g_autoptr (JsonObject) called = NULL;
  g_autoptr (JsonObject) done = NULL;
  g_autoptr (JsonObject) rated = NULL;
  gint64 ticket;

  issued = hall_test_ok (f->hall, f->wang, "ticket.issue",
                         "{\"department_id\":2,\"petitioner\":{\"name\":\"欧阳娜\","
                         "\"phone\":\"13900001111\"}}");
  ticket = json_object_get_int_member (json_object_get_object_member (issued, "ticket"), "id");
  called = hall_test_ok (f->hall, f->zhang, "counter.call_next", NULL);
  done = hall_test_ok (f->hall, f->zhang, "ticket.finish",
                       "{\"ticket_id\":" ID_FMT ",\"outcome\":\"%s\"}", ticket, outcome);
  rated = hall_test_ok (f->hall, pad, "rating.submit",
                        "{\"ticket_id\":" ID_FMT ",\"level\":\"dissatisfied\"}", ticket);
  return ticket;
}

static void
test_rating_joins (Fixture      *f,
                   gconstpointer data)
{
  g_autofree char *pad = hall_test_add_user (f->hall, "pad2", "rating_pad", NULL, 0);
  g_autoptr (JsonObject) bound = NULL;
  g_autoptr (JsonObject) opened = NULL;
  g_autoptr (JsonObject) listed = NULL;
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) alerts = NULL;
  JsonObject *item;
  gint64      ticket;

  at (f, "2026-10-12 09:00");
  bound = hall_test_ok (f->hall, f->admin, "rating.bind",
                        "{\"user_id\":" ID_FMT ",\"counter_id\":2}",
                        hall_test_user_id (f->hall, pad));
  opened = hall_test_ok (f->hall, f->zhang, "counter.open", NULL);
  ticket = serve_and_rate (f, pad, "resolved");

  /* No matter: the item is the ticket and its visitor. */
  listed = list (f, f->zhang, "{\"view\":\"open\"}");
  g_assert_cmpuint (json_array_get_length (items_of (listed)), ==, 1);
  item = json_array_get_object_element (items_of (listed), 0);
  g_assert_true (json_object_get_null_member (item, "matter_id"));
  g_assert_cmpint (json_object_get_int_member (item, "ticket_id"), ==, ticket);
  g_assert_cmpstr (json_object_get_string_member (item, "ticket_code"), ==, "C001");
  g_assert_cmpstr (json_object_get_string_member (item, "source"), ==, "rating");
  g_assert_cmpstr (json_object_get_string_member (item, "petitioner_name"), ==, "欧阳娜");
  g_assert_cmpstr (json_object_get_string_member (item, "due_date"), ==, "2026-10-19");

  /* A check on it can confirm but not reopen: there is no matter to send back. */
  r = hall_test_ok (f->hall, f->zhang, "followup.record",
                    "{\"followup_id\":" ID_FMT ",\"result\":\"reached\","
                    "\"satisfaction\":\"dissatisfied\",\"accepts\":false}",
                    followup_id (item));
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->wang, "followup.check_assign",
                    "{\"followup_id\":" ID_FMT ",\"person\":\"值班长\",\"due_date\":\"2026-10-13\"}",
                    followup_id (item));
  hall_test_fails (f->hall, f->wang, "followup.check_finding", HALL_ERROR_CONFLICT, "finding",
                   "{\"followup_id\":" ID_FMT ",\"finding\":\"reopen\",\"text\":\"x\"}",
                   followup_id (item));
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->wang, "followup.check_finding",
                    "{\"followup_id\":" ID_FMT ",\"finding\":\"confirmed\","
                    "\"text\":\"窗口答复符合政策，已向来访人解释\"}",
                    followup_id (item));
  g_assert_cmpstr (state_after (r), ==, "done");

  /* A ticket that became a matter: the follow-up is on the matter. */
  {
    g_autoptr (JsonObject) issued = NULL;
    g_autoptr (JsonObject) called = NULL;
    g_autoptr (JsonObject) rated = NULL;
    g_autoptr (JsonObject) on_matter = NULL;
    g_autoptr (JsonObject) finished = NULL;
    gint64 t2, matter;

    at (f, "2026-10-12 10:00");
    issued = hall_test_ok (f->hall, f->wang, "ticket.issue", "{\"department_id\":2}");
    t2 = json_object_get_int_member (json_object_get_object_member (issued, "ticket"), "id");
    called = hall_test_ok (f->hall, f->zhang, "counter.call_next", NULL);
    matter = hall_test_register_visit (f->hall, f->zhang, t2, NULL);
    finished = hall_test_ok (f->hall, f->zhang, "ticket.finish",
                             "{\"ticket_id\":" ID_FMT ",\"outcome\":\"matter\"}", t2);
    rated = hall_test_ok (f->hall, pad, "rating.submit",
                          "{\"ticket_id\":" ID_FMT ",\"level\":\"dissatisfied\"}", t2);
    on_matter = item_of (f, f->zhang, "open", matter);
    g_assert_cmpstr (json_object_get_string_member (on_matter, "source"), ==, "rating");
  }
  alerts = hall_test_ok (f->hall, f->wang, "rating.alerts", NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (alerts, "alerts")), ==, 1);
}

/* ---- figures ----------------------------------------------------------------------------- */

static void
record (Fixture    *f,
        gint64      matter_id,
        const char *json_tail)
{
  g_autoptr (JsonObject) item = item_of (f, f->zhang, "open", matter_id);
  g_autoptr (JsonObject) r = hall_test_ok (f->hall, f->zhang, "followup.record",
                                           "{\"followup_id\":" ID_FMT ",%s", followup_id (item),
                                           json_tail);
}

static void
test_figures (Fixture      *f,
              gconstpointer data)
{
  g_autoptr (JsonObject) summary = NULL;
  g_autoptr (JsonObject) trace = NULL;
  JsonObject *period, *follow_up;
  gint64      m[5];

  /* Five matters closed in October: by hand, 5 listed, 4 called, 3 reached (满意, 基本满意,
   * 不满意), 2 of them satisfied; 化解: the two satisfied and none else = 2 of 5 closed. */
  for (guint i = 0; i < G_N_ELEMENTS (m); i++)
    m[i] = closed_matter (f, "2026-09-01", "2026-10-12");
  at (f, "2026-10-19 09:00");
  record (f, m[0], "\"result\":\"reached\",\"satisfaction\":\"satisfied\",\"accepts\":true}");
  record (f, m[1], "\"result\":\"reached\",\"satisfaction\":\"basic\",\"accepts\":false}");
  record (f, m[2], "\"result\":\"reached\",\"satisfaction\":\"dissatisfied\",\"accepts\":false}");
  record (f, m[3], "\"result\":\"no_answer\"}");

  summary = hall_test_ok (f->hall, f->zhao, "stats.summary",
                          "{\"from\":\"2026-10-01\",\"to\":\"2026-10-31\"}");
  period = json_object_get_object_member (summary, "current");
  follow_up = json_object_get_object_member (period, "follow_up");
  hall_test_assert_rate (follow_up, "visits", 4, 5);
  hall_test_assert_rate (follow_up, "successful", 3, 4);
  hall_test_assert_rate (follow_up, "satisfied", 2, 3);
  hall_test_assert_rate (json_object_get_object_member (period, "rates"), "resolution", 2, 5);

  trace = hall_test_ok (f->hall, f->zhao, "stats.trace",
                        "{\"key\":\"follow_up_successful\",\"from\":\"2026-10-01\","
                        "\"to\":\"2026-10-31\"}");
  g_assert_cmpint (json_object_get_int_member (trace, "count"), ==, 3);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (trace, "matters")), ==, 3);
  g_clear_pointer (&trace, json_object_unref);
  trace = hall_test_ok (f->hall, f->zhao, "stats.trace",
                        "{\"key\":\"resolution\",\"part\":\"denominator\","
                        "\"from\":\"2026-10-01\",\"to\":\"2026-10-31\"}");
  g_assert_cmpint (json_object_get_int_member (trace, "count"), ==, 5);

  /* September has none of it. */
  g_clear_pointer (&summary, json_object_unref);
  summary = hall_test_ok (f->hall, f->zhao, "stats.summary",
                          "{\"from\":\"2026-09-01\",\"to\":\"2026-09-30\"}");
  period = json_object_get_object_member (summary, "current");
  hall_test_assert_rate (json_object_get_object_member (period, "follow_up"), "visits", 0, 0);
}

/* ---- who may do what ---------------------------------------------------------------------- */

static void
test_roles (Fixture      *f,
            gconstpointer data)
{
  g_autoptr (JsonObject) item = NULL;
  g_autoptr (JsonObject) other = NULL;
  g_autoptr (JsonObject) admin = NULL;
  g_autoptr (JsonObject) r = NULL;
  gint64 id = closed_matter (f, "2026-09-01", "2026-09-29");
  gint64 fid;

  item = item_of (f, f->zhang, "open", id);
  fid = followup_id (item);

  /* 民政's window sees nothing of 城建's list and may not call on it. */
  other = list (f, f->li, "{\"view\":\"all\"}");
  g_assert_cmpuint (json_array_get_length (items_of (other)), ==, 0);
  hall_test_fails (f->hall, f->li, "followup.list", HALL_ERROR_FORBIDDEN, "department_id",
                   "{\"department_id\":2}");
  hall_test_fails (f->hall, f->li, "followup.record", HALL_ERROR_FORBIDDEN, "followup_id",
                   "{\"followup_id\":" ID_FMT ",\"result\":\"no_answer\"}", fid);
  /* Leaders and administrators do not call; administrators read without names or phones. */
  hall_test_fails (f->hall, f->zhao, "followup.record", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"followup_id\":" ID_FMT ",\"result\":\"no_answer\"}", fid);
  hall_test_fails (f->hall, f->admin, "followup.record", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"followup_id\":" ID_FMT ",\"result\":\"no_answer\"}", fid);
  hall_test_fails (f->hall, f->kiosk, "followup.list", HALL_ERROR_FORBIDDEN, NULL, "{}");
  admin = list (f, f->admin, "{\"view\":\"open\"}");
  g_assert_cmpuint (json_array_get_length (items_of (admin)), ==, 1);
  g_assert_true (
      json_object_get_null_member (json_array_get_object_element (items_of (admin), 0), "phone"));
  g_assert_true (json_object_get_null_member (json_array_get_object_element (items_of (admin), 0),
                                              "petitioner_name"));

  /* Bad input names its field and changes nothing. */
  hall_test_fails (f->hall, f->zhang, "followup.record", HALL_ERROR_INVALID_ARGUMENT,
                   "satisfaction", "{\"followup_id\":" ID_FMT ",\"result\":\"reached\"}", fid);
  hall_test_fails (f->hall, f->zhang, "followup.record", HALL_ERROR_INVALID_ARGUMENT, "accepts",
                   "{\"followup_id\":" ID_FMT
                   ",\"result\":\"reached\",\"satisfaction\":\"satisfied\"}",
                   fid);
  hall_test_fails (f->hall, f->zhang, "followup.record", HALL_ERROR_INVALID_ARGUMENT,
                   "satisfaction",
                   "{\"followup_id\":" ID_FMT
                   ",\"result\":\"no_answer\",\"satisfaction\":\"satisfied\"}",
                   fid);
  hall_test_fails (f->hall, f->zhang, "followup.record", HALL_ERROR_INVALID_ARGUMENT, "result",
                   "{\"followup_id\":" ID_FMT ",\"result\":\"maybe\"}", fid);
  hall_test_fails (f->hall, f->zhang, "followup.record", HALL_ERROR_NOT_FOUND, "followup_id",
                   "{\"followup_id\":999,\"result\":\"no_answer\"}");
  hall_test_fails (f->hall, f->zhang, "followup.list", HALL_ERROR_INVALID_ARGUMENT, "view",
                   "{\"view\":\"tomorrow\"}");
  g_clear_pointer (&item, json_object_unref);
  item = item_of (f, f->zhang, "open", id);
  g_assert_cmpint (json_object_get_int_member (item, "attempts"), ==, 0);

  /* The manager calls for any department. */
  r = hall_test_ok (f->hall, f->wang, "followup.record",
                    "{\"followup_id\":" ID_FMT ",\"result\":\"no_answer\"}", fid);
  g_assert_cmpstr (state_after (r), ==, "open");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/followup/closing-lists", test_closing_lists);
  ADD ("/followup/three-attempts", test_three_attempts);
  ADD ("/followup/dissatisfied-reopens", test_dissatisfied_reopens);
  ADD ("/followup/leader-receives", test_leader_receives);
  ADD ("/followup/rating-joins", test_rating_joins);
  ADD ("/followup/figures", test_figures);
  ADD ("/followup/roles", test_roles);
  return g_test_run ();
}
