/* test-badinput.c — what the server does with input it must refuse
 *
 * Malformed JSON, wrong types, oversize bodies, over-long text, invalid ID numbers and phones,
 * SQL metacharacters, control characters (an escaped NUL above all), unknown commands, wrong
 * methods, missing tokens, text of spaces alone: each gets a 4xx with a message a clerk can act
 * on, naming the field where there is one; the server stays up; and nothing of a refused request
 * is left half-written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "hall-test-server.h"
#include "hall-test-util.h"

typedef struct
{
  HallTestServer *server;
  char           *admin;
  char           *staff;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  f->server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  f->admin = hall_test_server_add_user_login (f->server, "admin", "admin", NULL, 0);
  f->staff = hall_test_server_add_user_login (f->server, "zhou.li", "staff", "chengjian", 2);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  /* Whatever came before, the server is still answering. */
  g_assert_true (hall_test_server_is_running (f->server));
  g_assert_true (hall_test_server_wait_healthy (f->server, 10));
  g_clear_pointer (&f->server, hall_test_server_free);
  g_free (f->admin);
  g_free (f->staff);
}

/* Sends a raw request and checks the error answer: status, code, field (NULL: must be null). */
static void
expect_error (HallTestServer *server,
              const char     *method,
              const char     *path,
              const char     *token,
              const char     *body,
              gssize          body_length,
              guint           expected_status,
              const char     *code,
              const char     *field)
{
  guint            status = 0;
  g_autofree char *text = hall_test_server_request (
      server, method, path, token, body,
      body_length < 0 && body ? strlen (body) : (gsize) MAX (body_length, 0), &status);
  g_autoptr (JsonObject) answer = hall_test_parse_object (text);
  JsonObject *error = json_object_has_member (answer, "error")
                          ? json_object_get_object_member (answer, "error")
                          : NULL;

  if (status != expected_status || error == NULL)
    g_error ("%s %s: %u %s, expected %u %s", method, path, status, text, expected_status, code);
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==, code);
  g_assert_cmpuint (strlen (json_object_get_string_member (error, "message")), >, 10);
  g_assert_true (json_object_has_member (error, "field"));
  if (field != NULL)
    g_assert_cmpstr (json_object_get_string_member_with_default (error, "field", NULL), ==, field);
  else
    g_assert_true (json_object_get_null_member (error, "field"));
  g_assert_true (hall_test_server_is_running (server));
}

/* Registers a matter with @body (JSON) as the 城建 window and reads it back with matter.get. */
static JsonObject *
register_and_get (Fixture    *f,
                  const char *body)
{
  g_autoptr (JsonObject) registered =
      hall_test_server_ok (f->server, f->staff, "matter.register", "%s", body);

  return hall_test_server_ok (f->server, f->staff, "matter.get",
                              "{\"matter_id\": %" G_GINT64_FORMAT "}",
                              json_object_get_int_member (registered, "matter_id"));
}

static gint64
user_count (Fixture *f)
{
  g_autoptr (JsonObject) answer = hall_test_server_ok (f->server, f->admin, "user.list", "{}");

  return json_array_get_length (json_object_get_array_member (answer, "users"));
}

static void
test_malformed_json (Fixture      *f,
                     gconstpointer data)
{
  static const char *const bodies[] = {
    "{",
    "{\"username\": }",
    "{\"a\": 1,}",
    "nul",
    "{'a': 1}",
    "{\"a\": 1} trailing",
    "{\"a\": 1}{\"b\": 2}",
    "{\"a\": 01}",
    "{\"a\": \"\\x\"}",
    "{\"a\": [1,]}",
    "{\"a\" 1}",
    "[1, 2]",
    "\"just a string\"",
    "123",
    "null",
    "true",
    /* Half a surrogate pair, which json-glib reads as bytes that are not UTF-8 when a character
     * follows (found by fuzz/hall-fuzz-json.c). */
    "{\"a\": \"\\ud800x\"}",
    "{\"a\": \"x\\udc00x\"}",
    "{\"\\ud800x\": 1}",
    "{\"a\": \"\\ud800\\u0041\"}",
  };
  static const char bad_utf8[] = "{\"username\": \"\xff\xfe\"}";
  static const char with_nul[] = "{\"username\": \"a\0b\"}";
  g_autoptr (GString) deep = g_string_new (NULL);
  g_autoptr (JsonObject) answer = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bodies); i++)
    expect_error (f->server, "POST", "/api/v1/session.whoami", f->staff, bodies[i], -1, 400,
                  "invalid_argument", NULL);

  expect_error (f->server, "POST", "/api/v1/session.login", NULL, bad_utf8, sizeof bad_utf8 - 1,
                400, "invalid_argument", NULL);
  expect_error (f->server, "POST", "/api/v1/session.login", NULL, with_nul, sizeof with_nul - 1,
                400, "invalid_argument", NULL);

  /* A whole pair is one character (😀). */
  g_clear_pointer (&answer, json_object_unref);
  answer = hall_test_server_ok (f->server, f->staff, "session.whoami", "{\"a\": \"\\ud83d\\ude00\"}");

  /* Nesting deep enough to exhaust a recursive parser's stack. */
  g_string_append (deep, "{\"a\": ");
  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');
  expect_error (f->server, "POST", "/api/v1/session.whoami", f->staff, deep->str, deep->len, 400,
                "invalid_argument", NULL);
}

static void
test_wrong_types (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr (JsonObject) e = NULL;

  e = hall_test_server_fails (f->server, NULL, "session.login", HALL_ERROR_INVALID_ARGUMENT,
                              "username", "{\"username\": 42, \"password\": \"password123\"}");
  g_clear_pointer (&e, json_object_unref);
  e = hall_test_server_fails (f->server, NULL, "session.login", HALL_ERROR_INVALID_ARGUMENT,
                              "password",
                              "{\"username\": \"admin\", \"password\": [\"password123\"]}");
  g_clear_pointer (&e, json_object_unref);
  e = hall_test_server_fails (f->server, f->admin, "hall.configure", HALL_ERROR_INVALID_ARGUMENT,
                              "wait_norm_minutes", "{\"wait_norm_minutes\": \"twenty\"}");
  g_clear_pointer (&e, json_object_unref);
  e = hall_test_server_fails (f->server, f->admin, "hall.configure", HALL_ERROR_INVALID_ARGUMENT,
                              "wait_norm_minutes", "{\"wait_norm_minutes\": 1e300}");
  g_clear_pointer (&e, json_object_unref);
  e = hall_test_server_fails (
      f->server, f->admin, "user.create", HALL_ERROR_INVALID_ARGUMENT, "roles",
      "{\"username\": \"x1\", \"password\": \"password123\", \"roles\": \"staff\"}");
  g_clear_pointer (&e, json_object_unref);
  e = hall_test_server_fails (f->server, f->staff, "matter.register", HALL_ERROR_INVALID_ARGUMENT,
                              "channel",
                              "{\"channel\": 1, \"type\": \"claim\", \"content\": \"x\", "
                              "\"petitioners\": [{\"name\": \"张三\"}]}");
  g_clear_pointer (&e, json_object_unref);
  e = hall_test_server_fails (f->server, f->staff, "matter.get", HALL_ERROR_INVALID_ARGUMENT,
                              "matter_id", "{\"matter_id\": \"1; DROP TABLE matter\"}");
  g_clear_pointer (&e, json_object_unref);
  e = hall_test_server_fails (f->server, f->staff, "session.whoami", HALL_ERROR_INVALID_ARGUMENT,
                              "request_id", "{\"request_id\": {\"nested\": true}}");
}

static void
post_big (Fixture *f,
          gsize    size,
          gboolean chunked,
          guint   *status,
          char   **text)
{
  g_autoptr (SoupMessage) msg =
      hall_test_server_message_new (f->server, "POST", "/api/v1/hall.configure");
  g_autofree char *header = g_strconcat ("Bearer ", f->admin, NULL);
  g_autoptr (GBytes) answer = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  GString *body = g_string_sized_new (size + 64);

  /* A valid object: {"pad": "xxx…", "wait_norm_minutes": 25} */
  g_string_append (body, "{\"pad\": \"");
  while (body->len < size - 32)
    g_string_append_c (body, 'x');
  g_string_append (body, "\", \"wait_norm_minutes\": 25}");
  bytes = g_string_free_to_bytes (body);

  soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", header);
  if (chunked)
    {
      g_autoptr (GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
      soup_message_set_request_body (msg, "application/json", stream, -1);
    }
  else
    soup_message_set_request_body_from_bytes (msg, "application/json", bytes);

  answer = soup_session_send_and_read (f->server->session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  *text = g_strndup (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));
}

static void
test_oversize (Fixture      *f,
               gconstpointer data)
{
  g_autofree char *text = NULL;
  guint            status = 0;

  /* 2 MiB: refused from its Content-Length; without one (chunked) refused whatever its size,
   * before any of it is read (test-security.c sends the bad framings by hand). */
  post_big (f, 2 * 1024 * 1024, FALSE, &status, &text);
  g_assert_cmpuint (status, ==, 413);
  g_assert_nonnull (strstr (text, "too_large"));
  g_clear_pointer (&text, g_free);
  post_big (f, 2 * 1024 * 1024, TRUE, &status, &text);
  g_assert_cmpuint (status, ==, 400);
  g_assert_nonnull (strstr (text, "not in chunks"));
  g_assert_true (hall_test_server_wait_healthy (f->server, 10));

  /* Just under the limit is fine. */
  g_clear_pointer (&text, g_free);
  post_big (f, 1000 * 1000, FALSE, &status, &text);
  g_assert_cmpuint (status, ==, 200);
}

static void
test_over_long_text (Fixture      *f,
                     gconstpointer data)
{
  g_autofree char *long_name = g_strnfill (10000, 'a');
  g_autoptr (GString) content = g_string_new (NULL);
  g_autoptr (JsonObject) e = NULL;
  g_autoptr (JsonObject) list = NULL;

  for (guint i = 0; i < 4001; i++)
    g_string_append (content, "访");

  e = hall_test_server_fails (f->server, NULL, "session.login", HALL_ERROR_INVALID_ARGUMENT,
                              "username", "{\"username\": \"%s\", \"password\": \"password123\"}",
                              long_name);
  g_clear_pointer (&e, json_object_unref);
  e = hall_test_server_fails (f->server, f->staff, "matter.register", HALL_ERROR_INVALID_ARGUMENT,
                              "content",
                              "{\"channel\": \"visit\", \"type\": \"claim\", \"content\": \"%s\", "
                              "\"petitioners\": [{\"name\": \"张三\"}]}",
                              content->str);
  g_clear_pointer (&e, json_object_unref);
  e = hall_test_server_fails (
      f->server, f->admin, "user.create", HALL_ERROR_INVALID_ARGUMENT, "display_name",
      "{\"username\": \"long.name\", \"password\": \"password123\", \"roles\": [\"staff\"], "
      "\"display_name\": \"%s\"}",
      long_name);
  g_clear_pointer (&e, json_object_unref);
  e = hall_test_server_fails (f->server, f->staff, "session.whoami", HALL_ERROR_INVALID_ARGUMENT,
                              "request_id", "{\"request_id\": \"%s\"}", long_name);

  list = hall_test_server_ok (f->server, f->staff, "matter.list", "{}");
  g_assert_cmpint (json_object_get_int_member (list, "total"), ==, 0);
}

static void
test_id_numbers_and_phones (Fixture      *f,
                            gconstpointer data)
{
  g_autoptr (JsonObject) e = NULL;
  g_autoptr (JsonObject) found = NULL;
  g_autoptr (JsonObject) list = NULL;

  /* A wrong check digit, an impossible birth date, a short phone. */
  e = hall_test_server_fails (
      f->server, f->staff, "matter.register", HALL_ERROR_INVALID_ARGUMENT,
      "petitioners[0].id_number",
      "{\"channel\": \"visit\", \"type\": \"claim\", \"content\": \"路灯不亮\", "
      "\"petitioners\": [{\"name\": \"张三\", \"id_number\": \"110101199003071234\"}]}");
  g_clear_pointer (&e, json_object_unref);
  e = hall_test_server_fails (f->server, f->staff, "petitioner.lookup", HALL_ERROR_INVALID_ARGUMENT,
                              "id_number", "{\"id_number\": \"110101199002300011\"}");
  g_clear_pointer (&e, json_object_unref);
  e = hall_test_server_fails (f->server, f->staff, "petitioner.lookup", HALL_ERROR_INVALID_ARGUMENT,
                              "phone", "{\"phone\": \"12345\"}");

  /* The second petitioner is wrong: neither the matter nor the first petitioner is kept. */
  g_clear_pointer (&e, json_object_unref);
  e = hall_test_server_fails (
      f->server, f->staff, "matter.register", HALL_ERROR_INVALID_ARGUMENT, "petitioners[1].phone",
      "{\"channel\": \"visit\", \"type\": \"claim\", \"content\": \"邻里纠纷\", "
      "\"petitioners\": [{\"name\": \"王五\", \"phone\": \"13912345678\"}, "
      "{\"name\": \"赵六\", \"phone\": \"139-abc\"}]}");
  found = hall_test_server_ok (f->server, f->staff, "petitioner.lookup",
                               "{\"phone\": \"13912345678\"}");
  g_assert_false (json_object_get_boolean_member (found, "found"));
  list = hall_test_server_ok (f->server, f->staff, "matter.list", "{}");
  g_assert_cmpint (json_object_get_int_member (list, "total"), ==, 0);
}

static void
test_sql_metacharacters (Fixture      *f,
                         gconstpointer data)
{
  static const char content[] = "'); DELETE FROM matter; -- \\\" OR 1=1 /* 楼道堆物 */";
  g_autoptr (JsonObject) e = NULL;
  g_autoptr (JsonObject) got = NULL;
  g_autoptr (JsonObject) search = NULL;
  g_autoptr (JsonObject) escaped = json_object_new ();
  g_autoptr (JsonNode) node = NULL;
  g_autofree char *body = NULL;
  gint64           users = user_count (f);
  guint            status = 0;

  e = hall_test_server_fails (
      f->server, NULL, "session.login", HALL_ERROR_UNAUTHENTICATED, "password",
      "{\"username\": \"admin' OR '1'='1\", \"password\": \"' OR '1'='1\"}");
  g_clear_pointer (&e, json_object_unref);
  e = hall_test_server_fails (
      f->server, f->admin, "user.create", HALL_ERROR_INVALID_ARGUMENT, "username",
      "{\"username\": \"x'; DROP TABLE account; --\", \"password\": \"password123\", "
      "\"roles\": [\"staff\"]}");
  g_assert_cmpint (user_count (f), ==, users);

  /* Stored and returned literally. */
  json_object_set_string_member (escaped, "channel", "visit");
  json_object_set_string_member (escaped, "type", "claim");
  json_object_set_string_member (escaped, "content", content);
  {
    JsonArray  *petitioners = json_array_new ();
    JsonObject *person = json_object_new ();

    json_object_set_string_member (person, "name", "O'Brien\"; --");
    json_array_add_object_element (petitioners, person);
    json_object_set_array_member (escaped, "petitioners", petitioners);
  }
  node = json_node_init_object (json_node_alloc (), escaped);
  body = json_to_string (node, FALSE);
  got = register_and_get (f, body);
  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (got, "matter"), "content"), ==,
      content);

  /* Search syntax and SQL in a query are plain text. */
  search =
      hall_test_server_call (f->server, f->staff, "matter.search", &status,
                             "{\"query\": \"\\\" OR 1=1; DROP TABLE matter; -- NEAR(楼道 堆物)\"}");
  g_assert_cmpuint (status, <, 500);
  g_clear_pointer (&search, json_object_unref);
  search = hall_test_server_ok (f->server, f->staff, "matter.search", "{\"query\": \"楼道堆物\"}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (search, "matters")), ==,
                    1);
  g_assert_cmpint (user_count (f), ==, users);
}

static void
test_unknown_commands_and_paths (Fixture      *f,
                                 gconstpointer data)
{
  expect_error (f->server, "POST", "/api/v1/no.such", f->staff, "{}", -1, 404, "not_found",
                "command");
  expect_error (f->server, "POST", "/api/v1/Session.Login", NULL, "{}", -1, 404, "not_found",
                "command");
  /* A NUL in the path is refused by the HTTP layer itself, before any handler. */
  {
    guint            status = 0;
    g_autofree char *text = hall_test_server_request (f->server, "POST", "/api/v1/session.login%00",
                                                      NULL, "{}", 2, &status);
    g_assert_cmpuint (status, ==, 400);
  }
  expect_error (f->server, "POST", "/api/v1/", f->staff, "{}", -1, 404, "not_found", "command");
  expect_error (f->server, "POST", "/api/v1/session.whoami/extra", f->staff, "{}", -1, 404,
                "not_found", NULL);
  expect_error (f->server, "POST", "/api/v2/session.whoami", f->staff, "{}", -1, 404, "not_found",
                NULL);
  expect_error (f->server, "GET", "/etc/passwd", NULL, NULL, 0, 404, "not_found", NULL);
}

static void
test_wrong_method (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr (SoupMessage) msg =
      hall_test_server_message_new (f->server, "GET", "/api/v1/session.whoami");
  g_autoptr (GBytes) answer = soup_session_send_and_read (f->server->session, msg, NULL, NULL);

  g_assert_cmpuint (soup_message_get_status (msg), ==, 405);
  g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_response_headers (msg), "Allow"),
                   ==, "POST");

  expect_error (f->server, "GET", "/api/v1/session.whoami", f->staff, NULL, 0, 405,
                "invalid_argument", NULL);
  expect_error (f->server, "PUT", "/api/v1/session.login", NULL, "{}", -1, 405, "invalid_argument",
                NULL);
  expect_error (f->server, "DELETE", "/api/v1/user.list", f->admin, NULL, 0, 405,
                "invalid_argument", NULL);
  expect_error (f->server, "POST", "/api/v1/health", NULL, "{}", -1, 405, "invalid_argument", NULL);
}

static void
test_missing_token (Fixture      *f,
                    gconstpointer data)
{
  g_autofree char *huge = g_strnfill (10000, 'A');
  g_autofree char *header = NULL;
  guint            status = 0;
  g_autofree char *text = NULL;

  expect_error (f->server, "POST", "/api/v1/session.whoami", NULL, "{}", -1, 401, "unauthenticated",
                NULL);
  expect_error (f->server, "POST", "/api/v1/user.list", NULL, NULL, 0, 401, "unauthenticated",
                NULL);
  expect_error (f->server, "POST", "/api/v1/session.whoami", "not-a-real-token", "{}", -1, 401,
                "unauthenticated", NULL);
  expect_error (f->server, "POST", "/api/v1/session.whoami", huge, "{}", -1, 401, "unauthenticated",
                NULL);

  /* Another scheme than Bearer. */
  {
    g_autoptr (SoupMessage) msg =
        hall_test_server_message_new (f->server, "POST", "/api/v1/session.whoami");
    g_autoptr (GBytes) answer = NULL;

    soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                  "Basic YWRtaW46YWRtaW4=");
    answer = soup_session_send_and_read (f->server->session, msg, NULL, NULL);
    g_assert_cmpuint (soup_message_get_status (msg), ==, 401);
    text = g_strndup (g_bytes_get_data (answer, NULL), g_bytes_get_size (answer));
    g_assert_nonnull (strstr (text, "Bearer"));
  }

  /* A token is not taken from the query string for commands. */
  g_free (text);
  header = g_strdup_printf ("/api/v1/session.whoami?token=%s", f->staff);
  text = hall_test_server_request (f->server, "POST", header, NULL, "{}", 2, &status);
  g_assert_cmpuint (status, ==, 401);
}

static void
test_nothing_half_written (Fixture      *f,
                           gconstpointer data)
{
  g_autoptr (JsonObject) e = NULL;
  g_autoptr (JsonObject) again = NULL;
  g_autoptr (JsonObject) audit = NULL;
  gint64 users = user_count (f);
  guint  status = 0;

  /* Valid up to the department, which does not exist: no account, no roles, no event. */
  e = hall_test_server_fails (
      f->server, f->admin, "user.create", HALL_ERROR_INVALID_ARGUMENT, "department",
      "{\"username\": \"half.made\", \"password\": \"password123\", \"roles\": [\"staff\"], "
      "\"department\": \"nosuchdept\"}");
  g_assert_cmpint (user_count (f), ==, users);
  {
    g_autofree char *text = hall_test_server_request (
        f->server, "POST", "/api/v1/session.login", NULL,
        "{\"username\": \"half.made\", \"password\": \"password123\"}",
        strlen ("{\"username\": \"half.made\", \"password\": \"password123\"}"), &status);
    g_assert_cmpuint (status, ==, 401);
  }

  /* The same name works once the mistake is fixed: nothing was reserved. */
  again = hall_test_server_ok (
      f->server, f->admin, "user.create",
      "{\"username\": \"half.made\", \"password\": \"password123\", \"roles\": [\"staff\"], "
      "\"department\": \"minzheng\"}");
  g_assert_cmpint (user_count (f), ==, users + 1);

  /* The refusal itself is on record. */
  audit = hall_test_server_ok (f->server, f->admin, "audit.list", "{\"limit\": 50}");
  {
    JsonArray *entries = json_object_get_array_member (audit, "entries");
    gboolean   seen = FALSE;

    for (guint i = 0; i < json_array_get_length (entries); i++)
      {
        JsonObject *entry = json_array_get_object_element (entries, i);

        if (g_strcmp0 (json_object_get_string_member (entry, "command"), "user.create") == 0
            && g_strcmp0 (json_object_get_string_member (entry, "result"), "invalid_argument") == 0)
          seen = TRUE;
      }
    g_assert_true (seen);
  }
}

/* NUL and other control characters: refused naming the field, never cut short or stored. */
static void
test_control_characters (Fixture      *f,
                         gconstpointer data)
{
  static const struct
  {
    const char *command;
    const char *body;
    const char *field;
  } refused[] = {
    /* json-glib ended a string at an escaped NUL: this signed in as admin. */
    { "session.login", "{\"username\": \"admin\\u0000xyz\", \"password\": \"password123\"}",
      "username" },
    { "session.login", "{\"username\": \"admin\", \"password\": \"password123\\u0000junk\"}",
      "password" },
    { "session.login", "{\"username\": \"admin\\u0007\", \"password\": \"password123\"}",
      "username" },
    { "session.login", "{\"username\": \"admin\\t\", \"password\": \"password123\"}", "username" },
    { "matter.register",
      "{\"channel\": \"visit\", \"type\": \"claim\", \"content\": \"漏水\\u0000其余\", "
      "\"petitioners\": [{\"name\": \"张三\"}]}",
      "content" },
    { "matter.register",
      "{\"channel\": \"visit\", \"type\": \"claim\", \"content\": \"漏水\\r\", "
      "\"petitioners\": [{\"name\": \"张三\"}]}",
      "content" },
    { "matter.register",
      "{\"channel\": \"visit\", \"type\": \"claim\", \"content\": \"漏水\\u007f\", "
      "\"petitioners\": [{\"name\": \"张三\"}]}",
      "content" },
    { "matter.register",
      "{\"channel\": \"visit\", \"type\": \"claim\", \"content\": \"漏水\\u0085\", "
      "\"petitioners\": [{\"name\": \"张三\"}]}",
      "content" },
    { "matter.register",
      "{\"channel\": \"visit\", \"type\": \"claim\", \"content\": \"漏水\", "
      "\"petitioners\": [{\"name\": \"张三\\u0000李四\"}]}",
      "petitioners[0].name" },
    { "matter.register",
      "{\"channel\": \"visit\", \"type\": \"claim\", \"content\": \"漏水\", "
      "\"petitioners\": [{\"name\": \"张\\n三\"}]}",
      "petitioners[0].name" },
  };
  g_autoptr (JsonObject) got = NULL;
  JsonObject *matter;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *path = g_strconcat ("/api/v1/", refused[i].command, NULL);
      const char      *token = g_str_equal (refused[i].command, "session.login") ? NULL : f->staff;

      expect_error (f->server, "POST", path, token, refused[i].body, -1, 400, "invalid_argument",
                    refused[i].field);
    }

  /* Multi-line text keeps its line breaks and tabs; an escaped backslash before u0000 is text. */
  got = register_and_get (f, "{\"channel\": \"visit\", \"type\": \"claim\", "
                             "\"content\": \"第一行\\n\\t第二行 C:\\\\u0000\", "
                             "\"petitioners\": [{\"name\": \"张三\"}]}");
  matter = json_object_get_object_member (got, "matter");
  g_assert_cmpstr (json_object_get_string_member (matter, "content"), ==, "第一行\n\t第二行 C:\\u0000");
}

/* Text with spaces around it is stored without them, and text of spaces alone is as missing as
 * no text: a required field left blank is refused, naming it. Sent over HTTP, as every client
 * sends it. */
static void
test_padded_text (Fixture      *f,
                  gconstpointer data)
{
  g_autoptr (JsonObject) got = NULL;
  g_autoptr (JsonObject) e = NULL;
  JsonObject *matter;

  got = register_and_get (
      f, "{\"channel\": \" visit \", \"type\": \"claim\", \"content\": \" \\t楼道堆物，影响通行。\\n \","
         " \"petitioners\": [{\"name\": \"  王秀兰 \"}]}");
  matter = json_object_get_object_member (got, "matter");
  g_assert_cmpstr (json_object_get_string_member (matter, "content"), ==, "楼道堆物，影响通行。");
  g_assert_cmpstr (json_object_get_string_member (matter, "channel"), ==, "visit");
  g_assert_cmpstr (
      json_object_get_string_member (
          json_array_get_object_element (json_object_get_array_member (got, "petitioners"), 0),
          "name"),
      ==, "王秀兰");

  e = hall_test_server_fails (f->server, f->staff, "matter.register",
                              HALL_ERROR_INVALID_ARGUMENT, "content",
                              "{\"channel\": \"visit\", \"type\": \"claim\", \"content\": \" \\n\\t \","
                              " \"petitioners\": [{\"name\": \"王秀兰\"}]}");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/badinput/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("malformed-json", test_malformed_json);
  ADD ("wrong-types", test_wrong_types);
  ADD ("oversize", test_oversize);
  ADD ("over-long-text", test_over_long_text);
  ADD ("id-numbers-and-phones", test_id_numbers_and_phones);
  ADD ("sql-metacharacters", test_sql_metacharacters);
  ADD ("unknown-commands-and-paths", test_unknown_commands_and_paths);
  ADD ("wrong-method", test_wrong_method);
  ADD ("missing-token", test_missing_token);
  ADD ("nothing-half-written", test_nothing_half_written);
  ADD ("control-characters", test_control_characters);
  ADD ("padded-text", test_padded_text);
#undef ADD

  return g_test_run ();
}
