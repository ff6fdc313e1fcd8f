/* test-engine.c — the database, the dispatcher, sign-in, accounts and the change feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-engine"

#include "config.h"

#include <glib/gstdio.h>

#include "hall-test-util.h"

static void
test_open_seeds_hall (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *wal = g_strdup_printf ("%s-wal", hall->path);

  g_assert_true (g_file_test (hall->path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));

  /* Reopening a database keeps it and does not migrate twice. */
  hall_engine_shutdown (hall->engine);
  g_clear_object (&hall->engine);
  hall->engine = hall_engine_new (hall->path, &error);
  g_assert_no_error (error);
}

static void
test_login_and_roles (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *admin = hall_test_add_user (hall, "admin", "admin", NULL, 0);
  g_autofree char *multi = hall_test_add_user (hall, "wang", "manager,staff", "chengjian", 2);
  g_autoptr (JsonObject) who = NULL;
  g_autoptr (JsonObject) switched = NULL;

  who = hall_test_ok (hall, multi, "session.whoami", NULL);
  g_assert_cmpstr (json_object_get_string_member (who, "role"), ==, "manager");
  g_assert_cmpint (json_object_get_int_member (who, "counter_id"), ==, 2);

  /* Unknown users and wrong passwords look the same. */
  hall_test_fails (hall, NULL, "session.login", HALL_ERROR_UNAUTHENTICATED, "password",
                   "{\"username\":\"nobody\",\"password\":\"password123\"}");
  hall_test_fails (hall, NULL, "session.login", HALL_ERROR_UNAUTHENTICATED, "password",
                   "{\"username\":\"wang\",\"password\":\"wrong-password\"}");
  hall_test_fails (hall, NULL, "session.login", HALL_ERROR_INVALID_ARGUMENT, "username",
                   "{\"password\":\"x\"}");
  hall_test_fails (hall, NULL, "session.login", HALL_ERROR_FORBIDDEN, "role",
                   "{\"username\":\"wang\",\"password\":\"password123\",\"role\":\"admin\"}");

  /* Switching role without signing out. */
  switched = hall_test_ok (hall, multi, "session.switch", "{\"role\":\"staff\"}");
  g_assert_cmpstr (json_object_get_string_member (switched, "role"), ==, "staff");
  hall_test_fails (hall, multi, "user.list", HALL_ERROR_FORBIDDEN, NULL, NULL);
  hall_test_fails (hall, multi, "session.switch", HALL_ERROR_FORBIDDEN, "role",
                   "{\"role\":\"leader\"}");

  /* No token, a made-up token, an unknown command. */
  hall_test_fails (hall, NULL, "session.whoami", HALL_ERROR_UNAUTHENTICATED, NULL, NULL);
  hall_test_fails (hall, "made-up", "session.whoami", HALL_ERROR_UNAUTHENTICATED, NULL, NULL);
  hall_test_fails (hall, admin, "no.such", HALL_ERROR_NOT_FOUND, "command", NULL);

  /* Logout ends the session. */
  g_clear_pointer (&who, json_object_unref);
  who = hall_test_ok (hall, admin, "session.logout", NULL);
  hall_test_fails (hall, admin, "session.whoami", HALL_ERROR_UNAUTHENTICATED, NULL, NULL);
}

static void
test_lockout (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *admin = hall_test_add_user (hall, "admin", "admin", NULL, 0);
  g_autofree char *staff = hall_test_add_user (hall, "li", "staff", "minzheng", 3);
  g_autoptr (JsonObject) r = NULL;
  g_autofree char *again = NULL;
  gint64           t0 = hall_test_time ("2026-11-20 09:00");

  hall_engine_set_now (hall->engine, t0);
  for (int i = 0; i < 5; i++)
    hall_test_fails (hall, NULL, "session.login", HALL_ERROR_UNAUTHENTICATED, "password",
                     "{\"username\":\"li\",\"password\":\"guess-%d\"}", i);
  /* Now even the right password is refused for a while. */
  hall_test_fails (hall, NULL, "session.login", HALL_ERROR_RATE_LIMITED, "password",
                   "{\"username\":\"li\",\"password\":\"password123\"}");
  hall_engine_set_now (hall->engine, t0 + 16 * 60);
  again = hall_test_login (hall, "li", NULL, 0);
  g_assert_nonnull (again);

  /* An admin lock ends the sessions and refuses sign-in. */
  r = hall_test_ok (hall, admin, "user.list", NULL);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, admin, "user.set_locked", "{\"user_id\":2,\"locked\":true}");
  hall_test_fails (hall, again, "session.whoami", HALL_ERROR_UNAUTHENTICATED, NULL, NULL);
  hall_test_fails (hall, NULL, "session.login", HALL_ERROR_FORBIDDEN, "username",
                   "{\"username\":\"li\",\"password\":\"password123\"}");
  hall_test_fails (hall, admin, "user.set_locked", HALL_ERROR_CONFLICT, "locked",
                   "{\"user_id\":1,\"locked\":true}");
  (void) staff;
}

static void
test_bad_params (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *admin = hall_test_add_user (hall, "admin", "admin", NULL, 0);

  hall_test_fails (hall, admin, "user.create", HALL_ERROR_INVALID_ARGUMENT, "password",
                   "{\"username\":\"a\",\"roles\":[\"staff\"],\"password\":\"short\"}");
  hall_test_fails (hall, admin, "user.create", HALL_ERROR_INVALID_ARGUMENT, "username",
                   "{\"username\":\"a'; DROP TABLE "
                   "account;--\",\"roles\":[\"staff\"],\"password\":\"longenough\"}");
  hall_test_fails (hall, admin, "user.create", HALL_ERROR_INVALID_ARGUMENT, "roles",
                   "{\"username\":\"b\",\"roles\":[\"king\"],\"password\":\"longenough\"}");
  hall_test_fails (hall, admin, "user.create", HALL_ERROR_INVALID_ARGUMENT, "roles",
                   "{\"username\":\"b\",\"roles\":\"staff\",\"password\":\"longenough\"}");
  hall_test_fails (hall, admin, "user.create", HALL_ERROR_INVALID_ARGUMENT, "department",
                   "{\"username\":\"b\",\"roles\":[\"staff\"],\"department\":\"nope\",\"password\":"
                   "\"longenough\"}");
  hall_test_fails (hall, admin, "user.create", HALL_ERROR_CONFLICT, "username",
                   "{\"username\":\"ADMIN\",\"roles\":[\"staff\"],\"password\":\"longenough\"}");
  hall_test_fails (hall, admin, "audit.list", HALL_ERROR_INVALID_ARGUMENT, "limit",
                   "{\"limit\":\"ten\"}");
  hall_test_fails (hall, admin, "audit.list", HALL_ERROR_INVALID_ARGUMENT, "limit",
                   "{\"limit\":100000}");
}

static void
test_feed_and_replay (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *admin = hall_test_add_user (hall, "admin", "admin", NULL, 0);
  g_autoptr (JsonObject) first = NULL;
  g_autoptr (JsonObject) replay = NULL;
  g_autoptr (JsonObject) since = NULL;
  g_autoptr (JsonObject) audit = NULL;
  GPtrArray *log = NULL;
  gint64     before = hall_engine_get_last_seq (hall->engine);
  JsonArray *events;

  log = hall_test_record_events (hall->engine);

  first = hall_test_ok (hall, admin, "user.create",
                        "{\"request_id\":\"r-1\",\"username\":\"zhao\",\"roles\":[\"leader\"],"
                        "\"password\":\"longenough\"}");
  replay = hall_test_ok (hall, admin, "user.create",
                         "{\"request_id\":\"r-1\",\"username\":\"zhao\",\"roles\":[\"leader\"],"
                         "\"password\":\"longenough\"}");
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (first, "user"), "id"), ==,
      json_object_get_int_member (json_object_get_object_member (replay, "user"), "id"));
  /* The same id for another command is refused. */
  hall_test_fails (hall, admin, "user.set_locked", HALL_ERROR_CONFLICT, "request_id",
                   "{\"request_id\":\"r-1\",\"user_id\":2,\"locked\":true}");

  since = hall_test_ok (hall, admin, "events.since", "{\"since\":%" G_GINT64_FORMAT "}", before);
  events = json_object_get_array_member (since, "events");
  g_assert_cmpuint (json_array_get_length (events), ==, 1);
  g_assert_cmpstr (
      json_object_get_string_member (json_array_get_object_element (events, 0), "kind"), ==,
      "account.changed");
  g_assert_cmpint (hall_engine_get_last_seq (hall->engine), ==, before + 1);

  while (log->len < 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (json_object_get_int_member (log->pdata[0], "seq"), ==, before + 1);

  audit = hall_test_ok (hall, admin, "audit.list", "{\"limit\":50}");
  {
    JsonArray *entries = json_object_get_array_member (audit, "entries");
    guint      creates = 0, refused = 0;

    for (guint i = 0; i < json_array_get_length (entries); i++)
      {
        JsonObject *entry = json_array_get_object_element (entries, i);
        const char *command = json_object_get_string_member (entry, "command");

        /* A plain read that went through leaves no row. */
        g_assert_cmpstr (command, !=, "events.since");
        /* The change and its replay (found as the request it repeats). */
        creates +=
            g_str_equal (command, "user.create")
            && g_strcmp0 (json_object_get_string_member (entry, "object_type"), "request") == 0;
        refused += g_str_equal (command, "user.set_locked")
                   && g_str_equal (json_object_get_string_member (entry, "result"), "conflict");
      }
    g_assert_cmpuint (creates, ==, 1);
    g_assert_cmpuint (refused, ==, 1);
  }
  /* A refused read is on record too. */
  hall_test_fails (hall, admin, "matter.list", HALL_ERROR_FORBIDDEN, NULL, "{}");
  g_clear_pointer (&audit, json_object_unref);
  audit = hall_test_ok (hall, admin, "audit.list", "{\"limit\":1}");
  g_assert_cmpstr (
      json_object_get_string_member (
          json_array_get_object_element (json_object_get_array_member (audit, "entries"), 0),
          "command"),
      ==, "matter.list");

  hall_test_stop_recording (hall->engine, log);
}

static void
test_concurrent_sync_calls_thread (gpointer data,
                                   gpointer user_data)
{
  HallTestHall *hall = user_data;
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) params = json_object_new ();

  json_object_set_int_member (params, "since", 0);
  r = hall_engine_call_sync (hall->engine, data, "events.since", params, NULL, &error);
  g_assert_no_error (error);
}

static void
test_many_threads (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *admin = hall_test_add_user (hall, "admin", "admin", NULL, 0);
  GThreadPool     *pool = g_thread_pool_new (test_concurrent_sync_calls_thread, hall, 8, FALSE, NULL);

  for (int i = 0; i < 200; i++)
    g_thread_pool_push (pool, admin, NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
}

/* A second process on the same file (`xinfang-hall-server add-user` while the server runs): its
 * events reach this engine's subscribers too, in order. */
static void
test_external_writer (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (HallEngine) other = hall_engine_new (hall->path, &error);
  g_autoptr (JsonObject) params = hall_test_parse_object (
      "{\"username\":\"zhou\",\"roles\":[\"staff\"],\"password\":\"longenough\"}");
  g_autoptr (JsonObject) r = NULL;
  GPtrArray *log = NULL;
  gint64     before = hall_engine_get_last_seq (hall->engine);

  g_assert_no_error (error);
  log = hall_test_record_events (hall->engine);

  r = hall_engine_call_system (other, "user.create", params, &error);
  g_assert_no_error (error);
  hall_engine_shutdown (other);

  while (log->len < 1)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (json_object_get_int_member (log->pdata[0], "seq"), ==, before + 1);
  g_assert_cmpstr (json_object_get_string_member (log->pdata[0], "kind"), ==, "account.changed");
  g_assert_cmpint (hall_engine_get_last_seq (hall->engine), ==, before + 1);

  hall_test_stop_recording (hall->engine, log);
}

static void
test_refuses_bad_path (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HallEngine) engine = hall_engine_new ("/nonexistent-dir/hall.db", &error);

  g_assert_null (engine);
  g_assert_error (error, HALL_ERROR, HALL_ERROR_INVALID_ARGUMENT);
}

/* A hall that writes all day: the WAL is copied back into the database by a thread of its own,
 * so it stays small, and nothing written is lost on the way. */
static void
test_checkpoints_off_the_call_path (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *manager = hall_test_add_user (hall, "wang", "manager", NULL, 0);
  g_autofree char *wal = g_strconcat (hall->path, "-wal", NULL);
  g_autoptr (JsonObject) status = NULL;
  GStatBuf st;

  /* About twelve pages a ticket: some 12,000 pages of WAL without checkpoints. */
  for (int i = 0; i < 1000; i++)
    json_object_unref (
        hall_test_ok (hall, manager, "ticket.issue", "{\"department_id\": %d}", 1 + i % 20));
  while (hall_engine_get_checkpoints (hall->engine) == 0)
    g_usleep (1000);
  g_assert_cmpint (g_stat (wal, &st), ==, 0);
  /* The WAL starts over after checkpoints, even without a pause: some thousands of pages at
   * most, not all of them. */
  g_assert_cmpint (st.st_size, <, 6000 * 4096);

  status = hall_test_ok (hall, manager, "hall.snapshot", "{}");
  {
    JsonArray *departments = json_object_get_array_member (status, "departments");
    gint64     waiting = 0;

    for (guint i = 0; i < json_array_get_length (departments); i++)
      waiting +=
          json_object_get_int_member (json_array_get_object_element (departments, i), "waiting");
    g_assert_cmpint (waiting, ==, 1000);
  }
}

typedef struct
{
  GPtrArray *log;  /* the events received so far */
  gboolean   seen; /* its ticket's event had come when the answer did */
  gboolean   answered, failed;
} Answer;

static void
answered_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Answer *answer = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) object = hall_engine_call_finish (HALL_ENGINE (source), result, &error);

  answer->answered = TRUE;
  answer->failed = object == NULL;
  if (object == NULL || !json_object_has_member (object, "ticket"))
    return;
  for (guint i = 0; i < answer->log->len; i++)
    answer->seen |= json_object_get_int_member_with_default (answer->log->pdata[i], "ticket_id", 0)
                    == json_object_get_int_member (json_object_get_object_member (object, "ticket"),
                                                   "id");
}

/* A client sees what its own write changed before it sees the answer, so that a list it
 * refreshes on the answer already has it: the commit's events come first, its answers after
 * them, for calls committed together too; a read (no events) is answered all the same. */
static void
test_events_before_answer (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *manager = hall_test_add_user (hall, "wang", "manager", NULL, 0);
  GPtrArray       *log = hall_test_record_events (hall->engine);
  Answer           answers[4] = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_autoptr (JsonObject) params = json_object_new ();
      const char *command = i < 3 ? "ticket.issue" : "hall.snapshot";

      if (i < 3)
        json_object_set_int_member (params, "department_id", 1 + i);
      answers[i].log = log;
      hall_engine_call_async (hall->engine, manager, command, params, NULL, NULL, answered_cb,
                              &answers[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    while (!answers[i].answered)
      g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    {
      g_assert_false (answers[i].failed);
      g_assert_true (answers[i].seen == (i < 3));
    }
  hall_test_stop_recording (hall->engine, log);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/engine/open", test_open_seeds_hall);
  g_test_add_func ("/engine/login-and-roles", test_login_and_roles);
  g_test_add_func ("/engine/lockout", test_lockout);
  g_test_add_func ("/engine/bad-params", test_bad_params);
  g_test_add_func ("/engine/feed-and-replay", test_feed_and_replay);
  g_test_add_func ("/engine/many-threads", test_many_threads);
  g_test_add_func ("/engine/external-writer", test_external_writer);
  g_test_add_func ("/engine/bad-path", test_refuses_bad_path);

  g_test_add_func ("/engine/checkpoints-off-the-call-path", test_checkpoints_off_the_call_path);
  g_test_add_func ("/engine/events-before-answer", test_events_before_answer);
  return g_test_run ();
}
