/* test-hall-day.c — a whole (compressed) day of the hall with its three devices and nobody
 * shouting numbers (issue 9, "Done means")
 *
 * One real server on 127.0.0.1; the test runs itself three more times, each child the real app
 * started in device mode as a hall starts it (`xinfang-hall --display`, `--kiosk`,
 * `--rating-pad --counter 2`, from the device setup it remembers). The staff work through the
 * server's API. Visitors take numbers at the kiosk (tickets printed as PDF and read back); windows 2
 * and 4 call them; the display shows and speaks each call (the voice renders every announcement;
 * the CI machine has no sound card, so nothing is played); window 2's pad asks each of its visitors
 * and gets a rating, some 不满意 that reach the manager's alerts; a recall; the server restarts at
 * midday (every device shows it is offline and comes back by itself, with no call lost or shown
 * twice); the notice changes; window 4 closes; a visitor checks a matter at the kiosk. At the end:
 * every ticket was called once (plus its recall), shown in order and spoken, rated at most once;
 * the display's waiting counts are the server's; no device screen names the petitioner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "hall-test-server.h"
#include "hall-test-util.h"
#include "hall-ui-test-devices.h"
#include "hall-ui-test-process.h"
#include "hall-ui-test-util.h"
#include "hall-voice.h"

#define PETITIONER_NAME HALL_UI_TEST_PETITIONER_NAME
#define PETITIONER_ID HALL_UI_TEST_PETITIONER_ID
#define PETITIONER_PHONE HALL_UI_TEST_PETITIONER_PHONE
#define NOTICE "今日下午三点起，5号窗口暂停办理社保业务。"

/* ------------------------------------------------------------------------------------------ */
/* The day (the test)                                                                         */

static char *self_path;

typedef struct
{
  HallTestServer *server;
  char           *manager;
  char           *staff[5]; /* by window: 2 (城建) and 4 (自然资源) */
  HallUiTestApp   display, kiosk, pad;
  GPtrArray      *shown;  /* what the display's big line must have shown, in order */
  GPtrArray      *spoken; /* what its voice must have said, in order */
  GHashTable     *called; /* code → times called (recalls not counted) */
  GHashTable     *issued; /* code → ticket id */
  guint           dissatisfied;
  guint           rated;
} Day;

static GStrv
ask (HallUiTestApp *app,
     const char    *answer,
     const char    *format,
     ...) G_GNUC_PRINTF (3, 4);

static GStrv
ask (HallUiTestApp *app,
     const char    *answer,
     const char    *format,
     ...)
{
  g_autofree char *line = NULL;
  va_list          args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);
  hall_ui_test_app_tell (app, line);
  return hall_ui_test_lines_expect (&app->from_app, answer);
}

static void
device_start (HallUiTestApp *app,
              const char    *mode,
              const char    *url,
              const char    *username)
{
  const char *argv[] = { self_path, "--hall-device", mode, url, username, NULL };

  hall_ui_test_app_start (app, mode, NULL, argv);
}

static gint64
waiting_in (Day        *day,
            const char *department)
{
  g_autoptr (JsonObject) snapshot = hall_test_server_ok (day->server, day->manager, "hall.snapshot", "{}");
  JsonArray *departments = json_object_get_array_member (snapshot, "departments");

  for (guint i = 0; i < json_array_get_length (departments); i++)
    {
      JsonObject *d = json_array_get_object_element (departments, i);

      if (g_str_equal (json_object_get_string_member (d, "name"), department))
        return json_object_get_int_member (d, "waiting");
    }
  g_error ("No department %s", department);
  return 0;
}

/* A visitor takes a number at the kiosk; the paper is read back. */
static void
take_number (Day        *day,
             const char *category,
             const char *department,
             int         persons)
{
  gint64 ahead = waiting_in (day, department);
  g_auto (GStrv) ticket = ask (&day->kiosk, "ticket", "take %s %d", category, persons);
  g_autofree char *text =
      hall_test_spawn ((const char *const[]){ "pdftotext", "-enc", "UTF-8", ticket[3], "-", NULL });
  g_autofree char *qr = hall_test_pdf_qr (ticket[3]);
  g_autoptr (JsonObject) got =
      hall_test_server_ok (day->server, day->manager, "ticket.get", "{\"code\": \"%s\"}", ticket[1]);

  g_test_message ("kiosk: %s for %s, %s ahead", ticket[1], department, ticket[2]);
  g_assert_cmpint (g_ascii_strtoll (ticket[2], NULL, 10), ==, ahead);
  g_assert_nonnull (strstr (text, ticket[1]));
  g_assert_nonnull (strstr (text, department));
  g_assert_nonnull (strstr (text, "People ahead"));
  g_assert_cmpstr (qr, ==, ticket[1]);
  g_hash_table_insert (
      day->issued, g_strdup (ticket[1]),
      GINT_TO_POINTER (json_object_get_int_member (json_object_get_object_member (got, "ticket"), "id")));
}

/* Window @window calls its next visitor: the display shows and says it. Returns the ticket id. */
static gint64
call_next (Day   *day,
           int    window,
           char **code)
{
  g_autoptr (JsonObject) called = hall_test_server_ok (day->server, day->staff[window], "counter.call_next", "{}");
  JsonObject *ticket = json_object_get_object_member (called, "ticket");
  g_auto (GStrv) shown = NULL;

  *code = g_strdup (json_object_get_string_member (ticket, "code"));
  g_assert_true (g_hash_table_contains (day->issued, *code));
  g_hash_table_insert (day->called, g_strdup (*code),
                       GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (day->called, *code)) + 1));
  g_ptr_array_add (day->shown, g_strdup_printf ("Number %s, please go to window %d", *code, window));
  g_ptr_array_add (day->spoken, hall_voice_call_text (*code, window));
  shown = ask (&day->display, "called", "call %s %d %u", *code, window, day->spoken->len);
  g_assert_cmpstr (shown[1], ==, "0");
  return json_object_get_int_member (ticket, "id");
}

/* The visitor is served; at window 2 the pad asks and gets @level (NULL: window 4 has no pad). */
static void
finish (Day        *day,
        int         window,
        gint64      ticket_id,
        const char *level)
{
  g_autoptr (JsonObject) finished = hall_test_server_ok (
      day->server, day->staff[window], "ticket.finish",
      "{\"ticket_id\": %" G_GINT64_FORMAT ", \"outcome\": \"resolved\"}", ticket_id);

  if (level == NULL)
    return;
  g_strfreev (ask (&day->pad, "rated", "rate %" G_GINT64_FORMAT " %s", ticket_id, level));
  day->rated++;
  if (g_str_equal (level, "dissatisfied"))
    day->dissatisfied++;
}

static void
serve (Day        *day,
       int         window,
       const char *level)
{
  g_autofree char *code = NULL;
  gint64           id = call_next (day, window, &code);

  finish (day, window, id, level);
}

/* The display's waiting counts are the server's. */
static void
check_counts (Day *day)
{
  g_autoptr (JsonObject) snapshot = hall_test_server_ok (day->server, day->manager, "hall.snapshot", "{}");
  JsonArray *departments = json_object_get_array_member (snapshot, "departments");
  g_autoptr (GString) expected = g_string_new (NULL);
  g_auto (GStrv) counts = NULL;
  g_autofree char *shown = NULL;

  for (guint i = 0; i < json_array_get_length (departments); i++)
    {
      JsonObject *d = json_array_get_object_element (departments, i);

      if (json_object_get_int_member (d, "waiting") > 0)
        g_string_append_printf (expected, "%s%s: %d waiting", expected->len ? "|" : "",
                                json_object_get_string_member (d, "name"),
                                (int) json_object_get_int_member (d, "waiting"));
    }
  if (expected->len == 0)
    g_string_append (expected, "Nobody is waiting");
  counts = ask (&day->display, "counts", "counts %s", expected->str);
  shown = g_strjoinv (" ", counts + 1);
  g_test_message ("display counts: %s", shown);
  g_assert_cmpstr (shown, ==, expected->str);
}

static void
check_private (Day *day)
{
  g_strfreev (ask (&day->display, "private", "private"));
  g_strfreev (ask (&day->kiosk, "private", "private"));
  g_strfreev (ask (&day->pad, "private", "private"));
}

static void
all_offline (Day *day,
             int  offline)
{
  g_strfreev (ask (&day->display, "offline", "offline %d", offline));
  g_strfreev (ask (&day->kiosk, "offline", "offline %d", offline));
  g_strfreev (ask (&day->pad, "offline", "offline %d", offline));
}

static void
test_hall_day (void)
{
  Day              day = { 0 };
  g_autofree char *admin = NULL;
  g_autofree char *pad = NULL;
  g_autofree char *recalled = NULL;
  g_autofree char *held = NULL;
  g_autoptr (JsonObject) whoami = NULL;
  g_autoptr (JsonObject) json = NULL;
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (JsonObject) triage = NULL;
  g_autoptr (JsonObject) alerts = NULL;
  g_autoptr (JsonObject) ratings = NULL;
  g_auto (GStrv) words = NULL;
  g_auto (GStrv) log_shown = NULL;
  g_auto (GStrv) log_spoken = NULL;
  g_autofree char *joined = NULL;
  GHashTableIter   iter;
  gpointer         code, times;
  gint64           id;

  day.server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  day.shown = g_ptr_array_new_with_free_func (g_free);
  day.spoken = g_ptr_array_new_with_free_func (g_free);
  day.called = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  day.issued = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  admin = hall_test_server_add_user_login (day.server, "admin1", "admin", NULL, 0);
  day.manager = hall_test_server_add_user_login (day.server, "zhangli", "manager", NULL, 0);
  day.staff[2] = hall_test_server_add_user_login (day.server, "lisi", "staff", "chengjian", 2);
  day.staff[4] = hall_test_server_add_user_login (day.server, "wangwu", "staff", "ziranziyuan", 4);
  hall_test_server_add_user (day.server, "display1", "display", NULL, NULL);
  hall_test_server_add_user (day.server, "kiosk1", "kiosk", NULL, NULL);
  pad = hall_test_server_add_user_login (day.server, "pad2", "rating_pad", NULL, 0);
  whoami = hall_test_server_ok (day.server, pad, "session.whoami", "{}");
  json = hall_test_server_ok (
      day.server, admin, "rating.bind", "{\"user_id\": %" G_GINT64_FORMAT ", \"counter_id\": 2}",
      json_object_get_int_member (json_object_get_object_member (whoami, "user"), "id"));
  matter = hall_test_server_ok (
      day.server, day.manager, "matter.register",
      "{\"channel\": \"visit\", \"type\": \"claim\", \"category_id\": 1, \"content\": "
      "\"村里征地补偿款至今未发放。\", \"petitioners\": [{\"name\": \"" PETITIONER_NAME
      "\", \"id_number\": \"" PETITIONER_ID "\", \"phone\": \"" PETITIONER_PHONE "\"}]}");

  /* Morning: the three devices come up by themselves; the windows open. */
  device_start (&day.display, "display", day.server->url, "display1");
  device_start (&day.kiosk, "kiosk", day.server->url, "kiosk1");
  device_start (&day.pad, "rating-pad", day.server->url, "pad2");
  g_strfreev (hall_ui_test_lines_expect (&day.display.from_app, "ready"));
  g_strfreev (hall_ui_test_lines_expect (&day.kiosk.from_app, "ready"));
  g_strfreev (hall_ui_test_lines_expect (&day.pad.from_app, "ready"));
  g_clear_pointer (&json, json_object_unref);
  json = hall_test_server_ok (day.server, day.staff[2], "counter.open", "{}");
  g_clear_pointer (&json, json_object_unref);
  json = hall_test_server_ok (day.server, day.staff[4], "counter.open", "{}");
  g_strfreev (ask (&day.display, "shows", "shows Window 4"));

  /* Visitors take numbers; one more is given a number at triage, with their particulars. */
  take_number (&day, "住房/物业", "城建", 1);
  take_number (&day, "征地拆迁", "自然资源", 2);
  take_number (&day, "住房/物业", "城建", 1);
  take_number (&day, "征地拆迁", "自然资源", 1);
  take_number (&day, "城市建设管理", "城建", 3);
  triage = hall_test_server_ok (day.server, day.manager, "ticket.issue",
                                "{\"department_id\": 2, \"petitioner\": {\"name\": \"" PETITIONER_NAME
                                "\", \"id_number\": \"" PETITIONER_ID "\", \"phone\": \"" PETITIONER_PHONE
                                "\"}}");
  g_hash_table_insert (
      day.issued,
      g_strdup (json_object_get_string_member (json_object_get_object_member (triage, "ticket"), "code")),
      GINT_TO_POINTER (json_object_get_int_member (json_object_get_object_member (triage, "ticket"), "id")));
  check_counts (&day);

  /* The morning's work: window 4 recalls a visitor who does not come at once. */
  serve (&day, 2, "very-satisfied");
  id = call_next (&day, 4, &recalled);
  g_clear_pointer (&json, json_object_unref);
  json = hall_test_server_ok (day.server, day.staff[4], "counter.recall", "{}");
  g_ptr_array_add (day.spoken, hall_voice_call_text (recalled, 4));
  words = ask (&day.display, "called", "call %s 4 %u", recalled, day.spoken->len);
  g_assert_cmpstr (words[1], ==, "1");
  finish (&day, 4, id, NULL);
  serve (&day, 2, "dissatisfied");
  check_private (&day);

  /* Midday: the server restarts. Every device says it is offline, then comes back by itself;
   * a call made as the server is back is neither lost nor shown twice. */
  hall_test_server_stop (day.server);
  all_offline (&day, 1);
  hall_test_server_start (day.server);
  serve (&day, 4, NULL);
  all_offline (&day, 0);
  /* A visitor called at window 2 steps out for a paper: held, first in line again when back, and
   * called again: the same big line, said again. */
  id = call_next (&day, 2, &held);
  g_clear_pointer (&json, json_object_unref);
  json = hall_test_server_ok (day.server, day.staff[2], "ticket.hold",
                              "{\"ticket_id\": %" G_GINT64_FORMAT "}", id);
  g_clear_pointer (&json, json_object_unref);
  json = hall_test_server_ok (day.server, day.staff[2], "ticket.resume",
                              "{\"ticket_id\": %" G_GINT64_FORMAT "}", id);
  g_clear_pointer (&json, json_object_unref);
  json = hall_test_server_ok (day.server, day.staff[2], "counter.call_next", "{}");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (json, "ticket"), "code"),
                   ==, held);
  g_ptr_array_add (day.spoken, hall_voice_call_text (held, 2));
  g_clear_pointer (&words, g_strfreev);
  words = ask (&day.display, "called", "call %s 2 %u", held, day.spoken->len);
  g_assert_cmpstr (words[1], ==, "0");
  finish (&day, 2, id, "satisfied");

  /* The manager changes the notice; window 4 closes for the afternoon. */
  g_clear_pointer (&json, json_object_unref);
  json = hall_test_server_ok (day.server, day.manager, "display.notice_set",
                              "{\"text\": \"" NOTICE "\"}");
  g_strfreev (ask (&day.display, "shows", "shows %s", NOTICE));
  g_clear_pointer (&json, json_object_unref);
  json = hall_test_server_ok (day.server, day.staff[4], "counter.close", "{}");
  g_strfreev (ask (&day.display, "hides", "hides Window 4"));

  /* Afternoon: one more visitor; the rest of window 2's queue. */
  take_number (&day, "住房/物业", "城建", 2);
  serve (&day, 2, "satisfied");
  serve (&day, 2, "dissatisfied");

  /* A visitor checks a matter: a mistyped code is refused, the right one shows the state. */
  g_clear_pointer (&words, g_strfreev);
  words = ask (&day.kiosk, "refused", "query %s 000000", json_object_get_string_member (matter, "number"));
  g_clear_pointer (&words, g_strfreev);
  words = ask (&day.kiosk, "status", "query %s %s", json_object_get_string_member (matter, "number"),
               json_object_get_string_member (matter, "query_code"));
  g_assert_nonnull (words[1]);

  /* The day's end. */
  check_counts (&day);
  check_private (&day);
  hall_ui_test_app_tell (&day.display, "log");
  log_shown = hall_ui_test_lines_expect (&day.display.from_app, "shown");
  log_spoken = hall_ui_test_lines_expect (&day.display.from_app, "spoken");

  /* Every ticket issued was called exactly once ... */
  g_assert_cmpuint (g_hash_table_size (day.called), ==, g_hash_table_size (day.issued));
  g_hash_table_iter_init (&iter, day.called);
  while (g_hash_table_iter_next (&iter, &code, &times))
    g_assert_cmpint (GPOINTER_TO_INT (times), ==, 1);
  /* ... shown in order, once each, and spoken (the recall twice). */
  g_ptr_array_add (day.shown, NULL);
  g_ptr_array_add (day.spoken, NULL);
  joined = g_strjoinv (" ", log_shown + 1);
  g_test_message ("shown: %s", joined);
  {
    g_autofree char *expected = g_strjoinv ("|", (GStrv) day.shown->pdata);
    g_assert_cmpstr (joined, ==, expected);
  }
  g_free (joined);
  joined = g_strjoinv (" ", log_spoken + 1);
  g_test_message ("spoken: %s", joined);
  {
    g_autofree char *expected = g_strjoinv ("|", (GStrv) day.spoken->pdata);
    g_assert_cmpstr (joined, ==, expected);
  }
  /* Each rating once, with the 不满意 on the manager's board. */
  ratings = hall_test_server_ok (day.server, day.manager, "rating.list", "{}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (ratings, "ratings")), ==,
                    day.rated);
  alerts = hall_test_server_ok (day.server, day.manager, "rating.alerts", "{}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (alerts, "alerts")), ==,
                    day.dissatisfied);
  g_test_message ("the day: %u tickets issued, %u calls shown, %u announcements, %u ratings "
                  "(%u 不满意), 1 server restart",
                  g_hash_table_size (day.issued), day.shown->len - 1, day.spoken->len - 1, day.rated,
                  day.dissatisfied);

  /* The kiosk and the pad are switched off and on: each comes back as itself, by itself. */
  hall_ui_test_app_tell (&day.kiosk, "restart");
  hall_ui_test_app_tell (&day.pad, "restart");
  g_strfreev (hall_ui_test_lines_expect (&day.kiosk.from_app, "ready"));
  g_strfreev (hall_ui_test_lines_expect (&day.pad.from_app, "ready"));
  check_private (&day);

  hall_ui_test_app_finish (&day.display);
  hall_ui_test_app_finish (&day.kiosk);
  hall_ui_test_app_finish (&day.pad);
  g_ptr_array_unref (day.shown);
  g_ptr_array_unref (day.spoken);
  g_hash_table_unref (day.called);
  g_hash_table_unref (day.issued);
  g_free (day.manager);
  g_free (day.staff[2]);
  g_free (day.staff[4]);
  hall_test_server_free (day.server);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  if (argc == 5 && g_str_equal (argv[1], "--hall-device"))
    return hall_ui_test_device_run (argv[2], argv[3], argv[4]);

  /* The voice renders each call with espeak-ng; no speech-dispatcher is asked. */
  g_setenv ("HALL_VOICE", "espeak", TRUE);
  self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_assert_nonnull (self_path);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/hall-day/three-devices", test_hall_day);
  result = g_test_run ();
  g_free (self_path);
  return result;
}
