/* test-matter-repeat.c — repeat petitions (重复信访) and links (关联事项): the candidates shown
 * while a registration is typed, registering linked to an open, a finally re-reviewed and a
 * closed matter, matter.link and matter.unlink, the statistics, and who sees what
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-matter-repeat"

#include "config.h"

#include <string.h>

#include "test-matter-fixture.h"

#define LIFT "小区电梯长期故障，物业不予维修。"
#define WELFARE "申请低保被乡政府拒绝，要求重新审核家庭收入。"

static JsonArray *
similar (Fixture     *f,
         const char  *token,
         const char  *json,
         JsonObject **keep)
{
  *keep = hall_test_ok (f->hall, token, "matter.similar", "%s", json);
  return json_object_get_array_member (*keep, "matters");
}

static gboolean
has_reason (JsonObject *candidate,
            const char *reason)
{
  JsonArray *reasons = json_object_get_array_member (candidate, "reasons");

  for (guint i = 0; i < json_array_get_length (reasons); i++)
    if (g_str_equal (json_array_get_string_element (reasons, i), reason))
      return TRUE;
  return FALSE;
}

/* 刘秀兰's welfare matter, registered at 民政 (window 3). */
static gint64
register_welfare (Fixture *f)
{
  g_autoptr (JsonObject) r = hall_test_ok (
      f->hall, f->li, "matter.register",
      "{\"channel\":\"letter\",\"type\":\"claim\",\"content\":\"" WELFARE "\","
      "\"petitioners\":[{\"name\":\"刘秀兰\",\"id_number\":\"%s\",\"phone\":\"13907310001\"}]}",
      ID_LIU);

  return json_object_get_int_member (r, "matter_id");
}

static JsonObject *
get (Fixture *f,
     gint64   id)
{
  return hall_test_ok (f->hall, f->wang, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
}

static void
test_similar_by_person (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  JsonArray  *found;
  JsonObject *c;
  gint64      id;

  at (f, "2026-03-02 09:00");
  id = register_matter (f, f->zhang, NULL);
  register_welfare (f);

  found = similar (f, f->zhang, "{\"id_number\":\"" ID_ZHANG "\"}", &r);
  g_assert_cmpuint (json_array_get_length (found), ==, 1);
  c = json_array_get_object_element (found, 0);
  g_assert_cmpint (json_object_get_int_member (c, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (c, "number"), ==, "XF2026-000001");
  g_assert_cmpstr (json_object_get_string_member (c, "state"), ==, "registered");
  g_assert_cmpstr (json_object_get_string_member (c, "received_date"), ==, "2026-03-02");
  g_assert_cmpstr (json_object_get_string_member (c, "department_name"), !=, "");
  g_assert_cmpstr (json_object_get_string_member (c, "link_outcome"), ==, "repeat");
  g_assert_true (has_reason (c, "id_number"));
  g_clear_pointer (&r, json_object_unref);

  /* Name and phone. */
  found = similar (f, f->zhang, "{\"name\":\"张伟\",\"phone\":\"13812345678\"}", &r);
  g_assert_cmpuint (json_array_get_length (found), ==, 1);
  g_assert_true (has_reason (json_array_get_object_element (found, 0), "name_phone"));
  g_assert_false (has_reason (json_array_get_object_element (found, 0), "id_number"));
  g_clear_pointer (&r, json_object_unref);

  /* The same phone under another name, half an ID number: nothing yet, and no error. */
  found = similar (f, f->zhang, "{\"name\":\"张卫\",\"phone\":\"13812345678\"}", &r);
  g_assert_cmpuint (json_array_get_length (found), ==, 0);
  g_clear_pointer (&r, json_object_unref);
  found = similar (f, f->zhang, "{\"id_number\":\"43010219850315\"}", &r);
  g_assert_cmpuint (json_array_get_length (found), ==, 0);
  g_clear_pointer (&r, json_object_unref);

  /* Both: one candidate with both reasons, not two. */
  found = similar (f, f->wang,
                   "{\"id_number\":\"" ID_ZHANG "\",\"name\":\"张伟\",\"phone\":\"13812345678\"}",
                   &r);
  g_assert_cmpuint (json_array_get_length (found), ==, 1);
  c = json_array_get_object_element (found, 0);
  g_assert_true (has_reason (c, "id_number") && has_reason (c, "name_phone"));
}

static void
test_similar_by_content (Fixture      *f,
                         gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  JsonArray  *found;
  JsonObject *c;
  gint64      lift;

  at (f, "2026-03-02 09:00");
  lift = register_matter (f, f->zhang, NULL);
  register_welfare (f);

  /* Another person, the same lift in other words. */
  found = similar (f, f->zhang, "{\"content\":\"我们小区的电梯长期故障，物业一直不维修\"}", &r);
  g_assert_cmpuint (json_array_get_length (found), ==, 1);
  c = json_array_get_object_element (found, 0);
  g_assert_cmpint (json_object_get_int_member (c, "id"), ==, lift);
  g_assert_true (has_reason (c, "content"));
  g_assert_cmpint (json_object_get_int_member (c, "similarity"), >=, 35);
  g_clear_pointer (&r, json_object_unref);

  /* Content about something else shares a pair or two at most: not similar. */
  found = similar (f, f->wang, "{\"content\":\"道路施工噪音扰民，夜间无法休息\"}", &r);
  g_assert_cmpuint (json_array_get_length (found), ==, 0);
  g_clear_pointer (&r, json_object_unref);

  /* A person's own earlier matter comes before one that is only alike. */
  r = hall_test_ok (f->hall, f->wang, "matter.similar",
                    "{\"id_number\":\"%s\",\"content\":\"小区电梯长期故障，物业不予维修\"}", ID_LIU);
  found = json_object_get_array_member (r, "matters");
  g_assert_cmpuint (json_array_get_length (found), ==, 2);
  g_assert_true (has_reason (json_array_get_object_element (found, 0), "id_number"));
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (found, 1), "id"), ==,
                   lift);
}

/* A clerk learns nothing of another department's matter through the candidates: not by the ID
 * number, the name and phone, or the content, just as matter.search tells them nothing. */
static void
test_similar_access (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  JsonArray *found;

  at (f, "2026-03-02 09:00");
  register_matter (f, f->zhang, NULL);

  r = hall_test_ok (f->hall, f->li, "matter.search", "{\"query\":\"" ID_ZHANG "\"}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "matters")), ==, 0);
  g_clear_pointer (&r, json_object_unref);

  found = similar (f, f->li,
                   "{\"id_number\":\"" ID_ZHANG "\",\"name\":\"张伟\",\"phone\":\"13812345678\","
                   "\"content\":\"" LIFT "\"}",
                   &r);
  g_assert_cmpuint (json_array_get_length (found), ==, 0);
  g_clear_pointer (&r, json_object_unref);

  /* The same department's other window sees it; so does the manager. */
  found = similar (f, f->zhang2, "{\"content\":\"" LIFT "\"}", &r);
  g_assert_cmpuint (json_array_get_length (found), ==, 1);
  g_clear_pointer (&r, json_object_unref);
  found = similar (f, f->wang, "{\"id_number\":\"" ID_ZHANG "\"}", &r);
  g_assert_cmpuint (json_array_get_length (found), ==, 1);
  g_clear_pointer (&r, json_object_unref);

  /* Nor can they register on it as a repeat: the link reads as no matter at all. */
  hall_test_fails (f->hall, f->li, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "link",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"" LIFT "\","
                   "\"petitioners\":[{\"name\":\"张伟\"}],\"link\":1}");
  hall_test_fails (f->hall, f->sun, "matter.similar", HALL_ERROR_INVALID_ARGUMENT, "content",
                   "{\"content\":7}");
  hall_test_fails (f->hall, f->kiosk, "matter.similar", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"content\":\"" LIFT "\"}");
}

/* A figure of stats.summary for @month ("2026-03"), from its first to its 28th day. */
static gint64
repeat_figure (Fixture    *f,
               const char *month,
               const char *member)
{
  g_autoptr (JsonObject) r = hall_test_ok (f->hall, f->wang, "stats.summary",
                                           "{\"from\":\"%s-01\",\"to\":\"%s-28\"}", month, month);

  return json_object_get_int_member (json_object_get_object_member (r, "current"), member);
}

/* The visitor comes back about the lift while it is being handled. */
static void
test_repeat_on_open (Fixture      *f,
                     gconstpointer data)
{
  g_autoptr (JsonObject) issued = NULL;
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) m = NULL;
  g_autoptr (JsonObject) ticket = NULL;
  JsonArray  *repeats;
  JsonObject *entry, *flag;
  gint64      id, ticket_id;

  at (f, "2026-03-02 09:00");
  id = register_matter (f, f->zhang, NULL);
  r = hall_test_ok (f->hall, f->zhang, "matter.accept", "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
  g_clear_pointer (&r, json_object_unref);

  at (f, "2026-03-09 10:00");
  issued = hall_test_ok (f->hall, f->kiosk, "ticket.issue",
                         "{\"department_id\":2,\"persons\":3,\"petitioner\":{\"name\":\"张伟\","
                         "\"id_number\":\"" ID_ZHANG "\"}}");
  ticket_id = json_object_get_int_member (json_object_get_object_member (issued, "ticket"), "id");
  r = hall_test_ok (f->hall, f->zhang, "counter.open", NULL);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->zhang, "counter.call_next", NULL);
  g_clear_pointer (&r, json_object_unref);

  r = hall_test_ok (f->hall, f->zhang, "matter.register",
                    "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"电梯还是没修好\","
                    "\"petitioners\":[{\"name\":\"张伟\",\"id_number\":\"" ID_ZHANG "\"}],"
                    "\"ticket_id\":%" G_GINT64_FORMAT ",\"link\":%" G_GINT64_FORMAT "}",
                    ticket_id, id);
  g_assert_cmpstr (json_object_get_string_member (r, "outcome"), ==, "repeat");
  g_assert_cmpint (json_object_get_int_member (r, "matter_id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (r, "number"), ==, "XF2026-000001");
  g_assert_cmpstr (json_object_get_string_member (r, "state"), ==, "accepted");
  g_assert_nonnull (strstr (json_object_get_string_member (r, "guidance"), "19"));
  g_assert_false (json_object_has_member (r, "query_code"));
  g_clear_pointer (&r, json_object_unref);

  /* No new matter: the person still has one. */
  r = hall_test_ok (f->hall, f->wang, "matter.search", "{\"query\":\"" ID_ZHANG "\"}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "matters")), ==, 1);
  g_clear_pointer (&r, json_object_unref);

  /* Recorded on the original, with the timeline entry. */
  m = get (f, id);
  repeats = json_object_get_array_member (m, "repeats");
  g_assert_cmpuint (json_array_get_length (repeats), ==, 1);
  entry = json_array_get_object_element (repeats, 0);
  g_assert_cmpstr (json_object_get_string_member (entry, "kind"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (entry, "date"), ==, "2026-03-09");
  g_assert_cmpstr (json_object_get_string_member (entry, "channel"), ==, "visit");
  g_assert_cmpint (json_object_get_int_member (entry, "persons"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (entry, "ticket_id"), ==, ticket_id);
  g_assert_cmpstr (json_object_get_string_member (entry, "content"), ==, "电梯还是没修好");
  g_assert_nonnull (hall_test_find_timeline (m, "repeat_petition"));
  g_assert_cmpstr (matter_member (m, "state"), ==, "accepted");

  /* A repeat visit on a matter still being handled is flagged for 督办 by itself (rule 4). */
  flag = hall_test_find_timeline (m, "supervised");
  g_assert_nonnull (flag);
  flag = json_object_get_object_member (flag, "detail");
  g_assert_cmpstr (json_object_get_string_member (flag, "rule"), ==, "repeat_visit");
  g_assert_cmpstr (json_object_get_string_member (flag, "date"), ==, "2026-03-09");

  /* The visitor's ticket is finished, on the original matter. */
  r = hall_test_ok (f->hall, f->wang, "ticket.get", "{\"ticket_id\":%" G_GINT64_FORMAT "}",
                    ticket_id);
  ticket = json_object_ref (json_object_get_object_member (r, "ticket"));
  g_assert_cmpstr (json_object_get_string_member (ticket, "state"), ==, "finished");
  g_assert_cmpstr (json_object_get_string_member (ticket, "outcome"), ==, "matter");
  g_assert_cmpint (json_object_get_int_member (ticket, "matter_id"), ==, id);
  g_clear_pointer (&r, json_object_unref);

  /* Counted in the statistics, traceable to the record. */
  g_assert_cmpint (repeat_figure (f, "2026-03", "repeat_petition_batches"), ==, 1);
  g_assert_cmpint (repeat_figure (f, "2026-03", "repeat_petition_persons"), ==, 3);
  g_assert_cmpint (repeat_figure (f, "2026-04", "repeat_petition_batches"), ==, 0);
  r = hall_test_ok (f->hall, f->wang, "stats.trace",
                    "{\"key\":\"repeat_petitions\",\"from\":\"2026-03-01\",\"to\":\"2026-03-31\"}");
  g_assert_cmpint (json_object_get_int_member (r, "count"), ==, 1);
  g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (r, "matters"), 0), ==,
                   id);
}

/* Walks @id from registration to a final re-review (复核), on working days of 2026. */
static void
rereview (Fixture *f,
          gint64   id)
{
  static const struct
  {
    const char *when, *command, *body;
  } steps[] = {
    { "2026-03-02 10:00", "matter.accept", "" },
    { "2026-03-20 10:00", "matter.reply", ",\"facts\":\"经核查属实\",\"basis\":\"《物业管理条例》\",\"opinion\":\"explain\",\"text\":\"已督促物业维修\"" },
    { "2026-03-25 10:00", "matter.review_request", ",\"reason\":\"不服\"" },
    { "2026-04-10 10:00", "matter.review_reply", ",\"facts\":\"经核查属实\",\"basis\":\"《物业管理条例》\",\"opinion\":\"uphold\",\"text\":\"维持\"" },
    { "2026-04-15 10:00", "matter.rereview_request", ",\"reason\":\"仍不服\"" },
    { "2026-04-28 10:00", "matter.rereview_reply", ",\"facts\":\"经核查属实\",\"basis\":\"《物业管理条例》\",\"opinion\":\"uphold\",\"text\":\"维持\"" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr (JsonObject) r = NULL;
      const char *token = i == 0 || i == 1 || i == 2 || i == 4 ? f->zhang : f->wang;

      at (f, steps[i].when);
      r = hall_test_ok (f->hall, token, steps[i].command, "{\"matter_id\":%" G_GINT64_FORMAT "%s}",
                        id, steps[i].body);
    }
}

static void
test_repeat_on_final (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) m = NULL;
  JsonArray *found;
  gint64     id;

  at (f, "2026-03-02 09:00");
  id = register_matter (f, f->zhang, NULL);
  rereview (f, id);

  at (f, "2026-05-11 09:00");
  found = similar (f, f->zhang, "{\"id_number\":\"" ID_ZHANG "\"}", &r);
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (found, 0), "link_outcome"), ==,
      "refused");
  g_assert_true (json_object_get_boolean_member (json_array_get_object_element (found, 0), "final"));
  g_clear_pointer (&r, json_object_unref);

  r = hall_test_ok (f->hall, f->zhang, "matter.register",
                    "{\"channel\":\"letter\",\"type\":\"claim\",\"content\":\"" LIFT "\","
                    "\"petitioners\":[{\"name\":\"张伟\",\"id_number\":\"" ID_ZHANG "\"}],"
                    "\"link\":%" G_GINT64_FORMAT "}",
                    id);
  g_assert_cmpstr (json_object_get_string_member (r, "outcome"), ==, "refused");
  g_assert_cmpint (json_object_get_int_member (r, "matter_id"), ==, id);
  g_assert_nonnull (strstr (json_object_get_string_member (r, "guidance"), "36"));
  g_clear_pointer (&r, json_object_unref);

  m = get (f, id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (m, "repeats")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (
                       json_array_get_object_element (json_object_get_array_member (m, "repeats"), 0),
                       "kind"),
                   ==, "final");
  g_assert_cmpstr (matter_member (m, "state"), ==, "rereviewed");
  r = hall_test_ok (f->hall, f->wang, "matter.search", "{\"query\":\"" ID_ZHANG "\"}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "matters")), ==, 1);
}

/* Closed without a final re-review: a new matter, linked to the earlier one both ways. */
static void
test_linked_to_closed (Fixture      *f,
                       gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) earlier = NULL;
  g_autoptr (JsonObject) later = NULL;
  JsonObject *link;
  gint64      id, new_id;

  at (f, "2026-03-02 09:00");
  id = register_matter (f, f->zhang, NULL);
  r = hall_test_ok (f->hall, f->zhang, "matter.accept", "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->zhang, "matter.reply",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"facts\":\"经核查属实\",\"basis\":\"《物业管理条例》\",\"opinion\":\"support\",\"text\":\"已修复\"}",
                    id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->zhang, "matter.close",
                    "{\"matter_id\":%" G_GINT64_FORMAT
                    ",\"satisfaction\":\"satisfied\",\"outcome\":\"resolved\"}",
                    id);
  g_clear_pointer (&r, json_object_unref);

  at (f, "2026-06-01 09:00");
  r = hall_test_ok (f->hall, f->zhang, "matter.register",
                    "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"电梯又坏了\","
                    "\"petitioners\":[{\"name\":\"张伟\",\"id_number\":\"" ID_ZHANG "\"}],"
                    "\"link\":%" G_GINT64_FORMAT "}",
                    id);
  g_assert_cmpstr (json_object_get_string_member (r, "outcome"), ==, "linked");
  new_id = json_object_get_int_member (r, "matter_id");
  g_assert_cmpint (new_id, !=, id);
  g_assert_cmpstr (json_object_get_string_member (r, "number"), ==, "XF2026-000002");
  g_assert_cmpstr (json_object_get_string_member (r, "linked_number"), ==, "XF2026-000001");

  later = get (f, new_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (later, "links")), ==, 1);
  link = json_array_get_object_element (json_object_get_array_member (later, "links"), 0);
  g_assert_cmpint (json_object_get_int_member (link, "matter_id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (link, "kind"), ==, "earlier");
  g_assert_cmpstr (json_object_get_string_member (link, "direction"), ==, "to");
  g_assert_cmpstr (json_object_get_string_member (link, "state"), ==, "closed");

  earlier = get (f, id);
  link = json_array_get_object_element (json_object_get_array_member (earlier, "links"), 0);
  g_assert_cmpint (json_object_get_int_member (link, "matter_id"), ==, new_id);
  g_assert_cmpstr (json_object_get_string_member (link, "direction"), ==, "from");
  g_assert_cmpstr (json_object_get_string_member (link, "number"), ==, "XF2026-000002");
  g_assert_nonnull (hall_test_find_timeline (earlier, "linked"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (earlier, "repeats")), ==,
                    0);
}

static void
test_link_unlink (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) m = NULL;
  GPtrArray *events;
  gint64     a, b, c;
  guint      changed = 0;

  at (f, "2026-03-02 09:00");
  a = register_matter (f, f->zhang, NULL);
  b = register_matter (f, f->zhang2, NULL);
  c = register_welfare (f);

  events = hall_test_record_events (f->hall->engine);
  r = hall_test_ok (f->hall, f->zhang, "matter.link",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"linked_id\":%" G_GINT64_FORMAT
                    ",\"note\":\"同一小区电梯\"}",
                    a, b);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "links")), ==, 1);
  g_clear_pointer (&r, json_object_unref);
  for (guint i = 0; i < events->len; i++)
    if (g_str_equal (json_object_get_string_member (g_ptr_array_index (events, i), "kind"),
                     "matter.changed"))
      changed++;
  hall_test_stop_recording (f->hall->engine, events);
  g_assert_cmpuint (changed, ==, 2);

  /* Either way round, once. */
  hall_test_fails (f->hall, f->zhang, "matter.link", HALL_ERROR_CONFLICT, "linked_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"linked_id\":%" G_GINT64_FORMAT "}", b,
                   a);
  hall_test_fails (f->hall, f->zhang, "matter.link", HALL_ERROR_INVALID_ARGUMENT, "linked_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"linked_id\":%" G_GINT64_FORMAT "}", a,
                   a);
  /* 民政's matter is not 城建's to see, nor the other way. */
  hall_test_fails (f->hall, f->zhang, "matter.link", HALL_ERROR_NOT_FOUND, "linked_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"linked_id\":%" G_GINT64_FORMAT "}", a,
                   c);
  hall_test_fails (f->hall, f->li, "matter.link", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"linked_id\":%" G_GINT64_FORMAT "}", a,
                   c);

  m = get (f, b);
  g_assert_cmpstr (json_object_get_string_member (
                       json_array_get_object_element (json_object_get_array_member (m, "links"), 0),
                       "note"),
                   ==, "同一小区电梯");
  g_clear_pointer (&m, json_object_unref);

  r = hall_test_ok (f->hall, f->zhang2, "matter.unlink",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"linked_id\":%" G_GINT64_FORMAT "}", b,
                    a);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (r, "links")), ==, 0);
  hall_test_fails (f->hall, f->zhang, "matter.unlink", HALL_ERROR_CONFLICT, "linked_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT ",\"linked_id\":%" G_GINT64_FORMAT "}", a,
                   b);
  m = get (f, a);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (m, "links")), ==, 0);
  g_assert_nonnull (hall_test_find_timeline (m, "unlinked"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/repeat/similar-by-person", test_similar_by_person);
  ADD ("/repeat/similar-by-content", test_similar_by_content);
  ADD ("/repeat/similar-access", test_similar_access);
  ADD ("/repeat/on-open", test_repeat_on_open);
  ADD ("/repeat/on-final", test_repeat_on_final);
  ADD ("/repeat/linked-to-closed", test_linked_to_closed);
  ADD ("/repeat/link-unlink", test_link_unlink);
  return g_test_run ();
}
