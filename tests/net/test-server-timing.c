/* test-server-timing.c — the benchmark's Server-Timing header (HALL_SERVER_TIMING=1): every span
 * of a call, the WAL pages its commit wrote, and a server that stops cleanly after timing calls
 * (under LSan: nothing it kept for the header leaks)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "hall-test-http.h"
#include "hall-test-server.h"
#include "hall-test-util.h"

static const char *const spans[] = {
  "parse;dur=",
  "queue;dur=",
  "sql;dur=",
  "commit;dur=",
  "fanout;dur=",
  "handoff;dur=",
  "answer;dur=",
  "total;dur=",
  "batch;desc=",
  "pages;desc=",
};

/* The number after @name in the last answer's header; fails the test when it is missing. */
static double
span (HallTestHttp *client,
      const char   *name)
{
  const char *at;

  g_assert_nonnull (client->server_timing);
  at = strstr (client->server_timing, name);
  g_assert_nonnull (at);
  return g_ascii_strtod (at + strlen (name), NULL);
}

static HallTestHttp *
sign_in (HallTestServer *server,
         const char     *username,
         const char     *role,
         gint64          counter_id)
{
  HallTestHttp *client = hall_test_http_new (server->url);
  g_autoptr (GError) error = NULL;

  g_assert_true (
      hall_test_http_login (client, username, HALL_TEST_PASSWORD, role, counter_id, &error));
  g_assert_no_error (error);
  return client;
}

static JsonObject *
ok (HallTestHttp *client,
    const char   *command,
    const char   *json)
{
  g_autoptr (GError) error = NULL;
  JsonObject *result = hall_test_http_callf (client, command, &error, "%s", json);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static void
test_spans (void)
{
  g_autoptr (HallTestServer) server = NULL;
  g_autoptr (HallTestHttp) manager = NULL;
  g_autoptr (HallTestHttp) staff = NULL;

  g_setenv ("HALL_SERVER_TIMING", "1", TRUE);
  server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_unsetenv ("HALL_SERVER_TIMING");
  hall_test_server_add_user (server, "li.ming", "manager", NULL, NULL);
  hall_test_server_add_user (server, "wang.fang", "staff", "chengjian", NULL);
  manager = sign_in (server, "li.ming", "manager", 0);
  staff = sign_in (server, "wang.fang", "staff", 2);

  json_object_unref (ok (staff, "counter.open", "{}"));
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr (JsonObject) issued = ok (manager, "ticket.issue", "{\"department_id\":2}");
      g_autoptr (JsonObject) called = NULL;
      g_autofree char *finish = NULL;

      called = ok (staff, "counter.call_next", "{}");
      for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
        g_assert_cmpfloat (span (staff, spans[s]), >=, 0);
      g_assert_cmpfloat (span (staff, "batch;desc="), ==, 1);
      /* At least the ticket, its event and the audit row; a commit never writes anywhere near
       * a hundred pages for one call. */
      g_assert_cmpfloat (span (staff, "pages;desc="), >=, 3);
      g_assert_cmpfloat (span (staff, "pages;desc="), <, 100);
      g_assert_cmpfloat (span (staff, "total;dur="), >=, span (staff, "commit;dur="));

      finish = g_strdup_printf (
          "{\"ticket_id\":%" G_GINT64_FORMAT ",\"outcome\":\"resolved\"}",
          json_object_get_int_member (json_object_get_object_member (called, "ticket"), "id"));
      json_object_unref (ok (staff, "ticket.finish", finish));
    }

  /* A read commits nothing. */
  json_object_unref (ok (staff, "session.whoami", "{}"));
  g_assert_cmpfloat (span (staff, "pages;desc="), ==, 0);

  /* Stopped after timing calls, the server exits cleanly (under LSan: with nothing leaked). */
  g_assert_cmpint (hall_test_server_stop (server), ==, 0);
}

/* Without the variable, no answer says where its time went. */
static void
test_off (void)
{
  g_autoptr (HallTestServer) server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  g_autoptr (HallTestHttp) manager = NULL;

  hall_test_server_add_user (server, "li.ming", "manager", NULL, NULL);
  manager = sign_in (server, "li.ming", "manager", 0);
  json_object_unref (ok (manager, "ticket.issue", "{\"department_id\":2}"));
  g_assert_null (manager->server_timing);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_unsetenv ("HALL_SERVER_TIMING");

  g_test_add_func ("/server-timing/spans", test_spans);
  g_test_add_func ("/server-timing/off", test_off);
  return g_test_run ();
}
