/* test-matter-access.c — who sees which matter: row-level access, audited reads of personal
 * data, the kiosk's status check, events without personal data and replayed requests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-matter-access"

#include "config.h"

#include "test-matter-fixture.h"

static void
test_visibility (Fixture      *f,
                 gconstpointer data)
{
  g_autoptr (JsonObject) list = NULL;
  g_autoptr (JsonObject) r = NULL;
  gint64 chengjian, minzheng, own;

  at (f, "2026-03-02 09:00");
  chengjian = register_matter (f, f->zhang2, NULL);
  minzheng = register_matter (f, f->li, NULL);

  /* 张 (城建) sees the 城建 matter another colleague registered, not 民政's. */
  r = hall_test_ok (f->hall, f->zhang, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                    chengjian);
  hall_test_fails (f->hall, f->zhang, "matter.get", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", minzheng);
  hall_test_fails (f->hall, f->zhang, "matter.accept", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", minzheng);
  hall_test_fails (f->hall, f->zhang, "matter.get", HALL_ERROR_NOT_FOUND, "matter_id",
                   "{\"matter_id\":999}");
  list = hall_test_ok (f->hall, f->zhang, "matter.list", NULL);
  g_assert_cmpint (json_object_get_int_member (list, "total"), ==, 1);

  /* A matter 李 (民政) registered and assigned to 城建 stays visible to 李 as first receiver. */
  own = register_matter (f, f->li, NULL);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (
      f->hall, f->li, "matter.assign",
      "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":2,\"deadline\":\"2026-04-01\"}", own);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->zhang, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", own);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->li, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", own);
  g_clear_pointer (&list, json_object_unref);
  list = hall_test_ok (f->hall, f->li, "matter.list", "{\"first_received_by\":\"me\"}");
  g_assert_cmpint (json_object_get_int_member (list, "total"), ==, 2);
  g_clear_pointer (&list, json_object_unref);
  list = hall_test_ok (f->hall, f->zhang, "matter.list", "{\"state\":\"open\"}");
  g_assert_cmpint (json_object_get_int_member (list, "total"), ==, 2);

  /* The manager and the leader see all; the list masks names. */
  g_clear_pointer (&list, json_object_unref);
  list = hall_test_ok (f->hall, f->wang, "matter.list", "{\"limit\":2}");
  g_assert_cmpint (json_object_get_int_member (list, "total"), ==, 3);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (list, "matters")), ==, 2);
  g_assert_cmpstr (
      json_array_get_string_element (
          json_object_get_array_member (
              json_array_get_object_element (json_object_get_array_member (list, "matters"), 0),
              "petitioner_names"),
          0),
      ==, "张*");
  g_clear_pointer (&list, json_object_unref);
  list = hall_test_ok (f->hall, f->zhao, "matter.list", NULL);
  g_assert_cmpint (json_object_get_int_member (list, "total"), ==, 3);

  /* Paging on without counting: "more" says whether another page follows. */
  g_clear_pointer (&list, json_object_unref);
  list = hall_test_ok (f->hall, f->wang, "matter.list", "{\"limit\":2,\"count\":false}");
  g_assert_false (json_object_has_member (list, "total"));
  g_assert_true (json_object_get_boolean_member (list, "more"));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (list, "matters")), ==, 2);
  g_clear_pointer (&list, json_object_unref);
  list =
      hall_test_ok (f->hall, f->wang, "matter.list", "{\"limit\":2,\"offset\":2,\"count\":false}");
  g_assert_false (json_object_get_boolean_member (list, "more"));
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (list, "matters")), ==, 1);

  /* Devices and the admin do not read matters. */
  hall_test_fails (f->hall, f->kiosk, "matter.get", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", chengjian);
  hall_test_fails (f->hall, f->admin, "matter.list", HALL_ERROR_FORBIDDEN, NULL, NULL);
  hall_test_fails (f->hall, f->kiosk, "petitioner.lookup", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"id_number\":\"%s\"}", ID_ZHANG);
}

static guint
count_audit (Fixture    *f,
             const char *object_type,
             gint64      object_id,
             const char *command)
{
  g_autoptr (JsonObject) audit = hall_test_ok (
      f->hall, f->admin, "audit.list",
      "{\"object_type\":\"%s\",\"object_id\":\"%" G_GINT64_FORMAT "\"}", object_type, object_id);
  JsonArray *entries = json_object_get_array_member (audit, "entries");
  guint      n = 0;

  for (guint i = 0; i < json_array_get_length (entries); i++)
    if (g_strcmp0 (
            json_object_get_string_member (json_array_get_object_element (entries, i), "command"),
            command)
        == 0)
      n++;
  return n;
}

static void
test_personal_reads_audited (Fixture      *f,
                             gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) lookup = NULL;
  g_autoptr (JsonObject) by_phone = NULL;
  g_autoptr (JsonObject) none = NULL;
  JsonObject *person;
  gint64      id, petitioner_id;

  at (f, "2026-03-02 09:00");
  id = register_matter (f, f->zhang, NULL);
  g_assert_cmpuint (count_audit (f, "matter", id, "matter.read_personal"), ==, 0);
  r = hall_test_ok (f->hall, f->zhang, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->wang, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
  g_assert_cmpuint (count_audit (f, "matter", id, "matter.read_personal"), ==, 2);
  /* A refused read reads nothing. */
  hall_test_fails (f->hall, f->li, "matter.get", HALL_ERROR_FORBIDDEN, "matter_id",
                   "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
  g_assert_cmpuint (count_audit (f, "matter", id, "matter.read_personal"), ==, 2);

  /* Looking a person up (a colleague of the department): earlier matters, repeat count, and an
   * audit row. */
  lookup = hall_test_ok (f->hall, f->zhang2, "petitioner.lookup", "{\"id_number\":\"%s\"}",
                         "430102198503151236 ");
  g_assert_true (json_object_get_boolean_member (lookup, "found"));
  person = json_array_get_object_element (json_object_get_array_member (lookup, "persons"), 0);
  petitioner_id = json_object_get_int_member (person, "id");
  g_assert_cmpstr (json_object_get_string_member (person, "name"), ==, "张伟");
  g_assert_cmpint (json_object_get_int_member (person, "repeat_count"), ==, 1);
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (person, "matters")), ==, 1);
  g_assert_cmpuint (count_audit (f, "petitioner", petitioner_id, "petitioner.read_personal"), ==,
                    1);

  by_phone =
      hall_test_ok (f->hall, f->zhang2, "petitioner.lookup", "{\"phone\":\"+86 13812345678\"}");
  g_assert_cmpint (json_array_get_length (json_object_get_array_member (by_phone, "persons")), ==,
                   1);
  g_assert_cmpuint (count_audit (f, "petitioner", petitioner_id, "petitioner.read_personal"), ==,
                    2);

  none = hall_test_ok (f->hall, f->li, "petitioner.lookup", "{\"phone\":\"13900000000\"}");
  g_assert_false (json_object_get_boolean_member (none, "found"));
  hall_test_fails (f->hall, f->li, "petitioner.lookup", HALL_ERROR_INVALID_ARGUMENT, "id_number",
                   "{\"id_number\":\"430102198503151235\"}");
  hall_test_fails (f->hall, f->li, "petitioner.lookup", HALL_ERROR_INVALID_ARGUMENT, "id_number",
                   NULL);

  /* By the petitioner a ticket carries from triage: the same person, audited as well. */
  {
    g_autoptr (JsonObject) by_id =
        hall_test_ok (f->hall, f->zhang2, "petitioner.lookup",
                      "{\"petitioner_id\":%" G_GINT64_FORMAT "}", petitioner_id);
    JsonObject *same =
        json_array_get_object_element (json_object_get_array_member (by_id, "persons"), 0);

    g_assert_true (json_object_get_boolean_member (by_id, "found"));
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (by_id, "persons")), ==,
                      1);
    g_assert_cmpstr (json_object_get_string_member (same, "name"), ==, "张伟");
    g_assert_cmpint (json_object_get_int_member (same, "repeat_count"), ==, 1);
    g_assert_cmpint (json_array_get_length (json_object_get_array_member (same, "matters")), ==, 1);
    g_assert_cmpuint (count_audit (f, "petitioner", petitioner_id, "petitioner.read_personal"), ==,
                      3);
  }
  hall_test_fails (f->hall, f->li, "petitioner.lookup", HALL_ERROR_NOT_FOUND, "petitioner_id",
                   "{\"petitioner_id\":%" G_GINT64_FORMAT "}", petitioner_id + 1000);
  /* Another department's window sees nobody behind a matter it may not see, and reads nothing. */
  hall_test_fails (f->hall, f->li, "petitioner.lookup", HALL_ERROR_NOT_FOUND, "petitioner_id",
                   "{\"petitioner_id\":%" G_GINT64_FORMAT "}", petitioner_id);
  {
    g_autoptr (JsonObject) hidden = hall_test_ok (f->hall, f->li, "petitioner.lookup",
                                                  "{\"id_number\":\"430102198503151236\"}");

    g_assert_false (json_object_get_boolean_member (hidden, "found"));
  }
  hall_test_fails (f->hall, f->li, "petitioner.lookup", HALL_ERROR_INVALID_ARGUMENT,
                   "petitioner_id", "{\"petitioner_id\":0}");
  hall_test_fails (
      f->hall, f->li, "petitioner.lookup", HALL_ERROR_INVALID_ARGUMENT, "petitioner_id",
      "{\"petitioner_id\":%" G_GINT64_FORMAT ",\"phone\":\"13812345678\"}", petitioner_id);
  hall_test_fails (f->hall, f->kiosk, "petitioner.lookup", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"petitioner_id\":%" G_GINT64_FORMAT "}", petitioner_id);
  g_assert_cmpuint (count_audit (f, "petitioner", petitioner_id, "petitioner.read_personal"), ==,
                    3);
}

static void
test_status_query (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) status = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *json = NULL;
  g_autofree char *number = NULL;
  g_autofree char *code = NULL;
  g_autofree char *wrong = NULL;
  JsonObjectIter   iter;
  const char      *member;

  at (f, "2026-03-02 09:00");
  r = hall_test_ok (
      f->hall, f->zhang, "matter.register",
      "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"电梯故障\","
      "\"petitioners\":[{\"name\":\"张伟\",\"id_number\":\"%s\",\"phone\":\"13812345678\","
      "\"address\":\"建设路8号\"}]}",
      ID_ZHANG);
  number = g_strdup (json_object_get_string_member (r, "number"));
  code = g_strdup (json_object_get_string_member (r, "query_code"));
  wrong = g_strdup_printf ("%06d", (atoi (code) + 1) % 1000000);

  status = hall_test_ok (f->hall, f->kiosk, "status.query",
                         "{\"number\":\"%s\",\"query_code\":\"%s\"}", number, code);
  g_assert_cmpstr (json_object_get_string_member (status, "state"), ==, "registered");
  /* Nothing but the number, the state, the date it was received, the department handling it and
   * its deadlines. */
  json_object_iter_init (&iter, status);
  while (json_object_iter_next (&iter, &member, NULL))
    g_assert_true (g_strv_contains ((const char *[]){ "number", "state", "state_label",
                                                      "received_date", "department_name",
                                                      "decision_due", "handling_due", NULL },
                                    member));
  node = json_node_init_object (json_node_alloc (), status);
  json = json_to_string (node, FALSE);
  g_assert_null (strstr (json, "张"));
  g_assert_null (strstr (json, ID_ZHANG));
  g_assert_null (strstr (json, "138"));
  g_assert_null (strstr (json, "电梯"));

  /* A wrong code says no more than an unknown number; five in a row lock the number. */
  hall_test_fails (f->hall, f->kiosk, "status.query", HALL_ERROR_NOT_FOUND, "query_code",
                   "{\"number\":\"XF2026-999999\",\"query_code\":\"%s\"}", code);
  hall_test_fails (f->hall, f->kiosk, "status.query", HALL_ERROR_INVALID_ARGUMENT, "query_code",
                   "{\"number\":\"%s\",\"query_code\":\"1234567\"}", number);
  for (int i = 0; i < 5; i++)
    hall_test_fails (f->hall, f->kiosk, "status.query", HALL_ERROR_NOT_FOUND, "query_code",
                     "{\"number\":\"%s\",\"query_code\":\"%s\"}", number, wrong);
  hall_test_fails (f->hall, f->kiosk, "status.query", HALL_ERROR_RATE_LIMITED, "query_code",
                   "{\"number\":\"%s\",\"query_code\":\"%s\"}", number, code);
  at (f, "2026-03-02 09:20");
  g_clear_pointer (&status, json_object_unref);
  status = hall_test_ok (f->hall, f->kiosk, "status.query",
                         "{\"number\":\"%s\",\"query_code\":\"%s\"}", number, code);
}

static void
test_events_carry_no_personal_data (Fixture      *f,
                                    gconstpointer data)
{
  GPtrArray *log = NULL;
  g_autoptr (JsonObject) r = NULL;
  gint64 id;
  guint  matter_events = 0;

  log = hall_test_record_events (f->hall->engine);
  at (f, "2026-03-02 09:00");
  id = register_matter (f, f->zhang, NULL);
  r = hall_test_ok (f->hall, f->zhang, "matter.accept", "{\"matter_id\":%" G_GINT64_FORMAT "}", id);
  while (g_main_context_iteration (NULL, FALSE))
    ;

  for (guint i = 0; i < log->len; i++)
    {
      JsonObject    *event = log->pdata[i];
      const char    *kind = json_object_get_string_member (event, "kind");
      JsonObjectIter iter;
      const char    *member;

      if (!g_str_has_prefix (kind, "matter."))
        continue;
      matter_events++;
      g_assert_cmpint (json_object_get_int_member (event, "matter_id"), ==, id);
      json_object_iter_init (&iter, event);
      while (json_object_iter_next (&iter, &member, NULL))
        g_assert_true (g_strv_contains ((const char *[]){ "seq", "kind", "at", "matter_id",
                                                          "number", "state", "department_id",
                                                          "cooperating_department_ids", NULL },
                                        member));
    }
  g_assert_cmpuint (matter_events, ==, 2);
  hall_test_stop_recording (f->hall->engine, log);
}

static void
test_repeat_requests (Fixture      *f,
                      gconstpointer data)
{
  g_autoptr (JsonObject) first = NULL;
  g_autoptr (JsonObject) replay = NULL;
  g_autoptr (JsonObject) next = NULL;
  const char *body = "{\"request_id\":\"reg-1\",\"channel\":\"phone\",\"type\":\"suggestion\","
                     "\"content\":\"路灯不亮\","
                     "\"petitioners\":[{\"name\":\"赵六\",\"phone\":\"0745-2345678\"}]}";

  at (f, "2026-03-02 09:00");
  first = hall_test_ok (f->hall, f->zhang, "matter.register", "%s", body);
  replay = hall_test_ok (f->hall, f->zhang, "matter.register", "%s", body);
  g_assert_cmpstr (json_object_get_string_member (first, "number"), ==,
                   json_object_get_string_member (replay, "number"));
  next = hall_test_ok (f->hall, f->zhang, "matter.register",
                       "{\"channel\":\"phone\",\"type\":\"suggestion\",\"content\":\"路灯不亮\","
                       "\"petitioners\":[{\"name\":\"赵六\",\"phone\":\"07452345678\"}]}");
  g_assert_cmpstr (json_object_get_string_member (next, "number"), ==, "XF2026-000002");
  /* Same name and phone without an ID number: the same person, now a repeat. */
  g_assert_true (json_object_get_boolean_member (next, "repeat"));
}

/* A ticket the clerk may not see reads as none at matter.register: registering on it would hand
 * them the visitor the ticket names. */
static void
test_register_on_hidden_ticket (Fixture      *f,
                                gconstpointer data)
{
  g_autoptr (JsonObject) issued = NULL;
  g_autofree char *extra = NULL;
  gint64           ticket_id, matter_id;

  at (f, "2026-03-02 09:00");
  issued = hall_test_ok (f->hall, f->kiosk, "ticket.issue",
                         "{\"department_id\":3,\"petitioner\":{\"name\":\"刘秀兰\","
                         "\"id_number\":\"%s\",\"phone\":\"13907310001\"}}",
                         ID_LIU);
  ticket_id = json_object_get_int_member (json_object_get_object_member (issued, "ticket"), "id");

  /* 孙 (人社, window 5) gets the answer for a ticket nobody was given (one message for both). */
  hall_test_fails (f->hall, f->sun, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "ticket_id",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"低保\","
                   "\"petitioners\":[{\"name\":\"王强\",\"phone\":\"13807310009\"}],"
                   "\"ticket_id\":%" G_GINT64_FORMAT "}",
                   ticket_id);
  hall_test_fails (f->hall, f->sun, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "ticket_id",
                   "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"低保\","
                   "\"petitioners\":[{\"name\":\"王强\",\"phone\":\"13807310009\"}],"
                   "\"ticket_id\":%" G_GINT64_FORMAT "}",
                   ticket_id + 1000);

  /* 李 (民政) may: the matter is registered on the ticket. */
  extra = g_strdup_printf (",\"ticket_id\":%" G_GINT64_FORMAT, ticket_id);
  matter_id = register_matter (f, f->li, extra);
  g_assert_cmpint (matter_id, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD ("/matter/visibility", test_visibility);
  ADD ("/matter/personal-reads-audited", test_personal_reads_audited);
  ADD ("/matter/status-query", test_status_query);
  ADD ("/matter/events", test_events_carry_no_personal_data);
  ADD ("/matter/request-replay", test_repeat_requests);
  ADD ("/matter/register-on-hidden-ticket", test_register_on_hidden_ticket);

  return g_test_run ();
}
