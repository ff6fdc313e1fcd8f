/* test-lan.c — the hall over a real LAN, with faults
 *
 * Issue 8 §2. The server and three clients each live in a network namespace of their own; each
 * client reaches the server over a link of its own (tests/lib/hall-test-netem.h: two TUN devices
 * and a forwarder thread, since the kernel may have no sch_netem) with 100 ms ± 20 ms one-way
 * latency and 5 % loss in each direction. The server serves HTTPS on every address, as on a real
 * LAN; the clients pin its certificate.
 *
 *   client A  this program (namespace a): a kiosk thread issues 民政 tickets one after another,
 *             each with a request_id, sent again until answered; the test's own calls
 *   client B  a thread in namespace b: the clerk at window 3 calls the next 民政 visitor
 *             (counter.call_next) and marks them not shown, each call with a request_id
 *   client C  the real app (this program again, `--lan-app URL`, namespace c, under the same X
 *             display): the clerk at window 2 calls a 城建 visitor and types their matter
 *
 * Then C's link is cut for 30 s. The app must show its offline banner within 5 s and keep what
 * was typed; a 城建 ticket issued during the cut must be on its waiting list within 5 s of the
 * heal, and the matter typed before the cut is then registered. Every acknowledged call is in the
 * database once: no ticket lost, none issued or called twice.
 *
 * /lan/restart-mid-call: the server commits a call whose answer is lost on the way back, and is
 * killed; started again on the same database, HallRemoteClient's retry (same request_id) gets the
 * first result, and the database has the ticket once.
 *
 * Without root, `ip`, TUN or network namespaces the test says why and exits 77 (skipped).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-lan"

#include "config.h"

#include <sqlite3.h>

#include "hall-counter-page.h"
#include "hall-json-item.h"
#include "hall-matter-form.h"
#include "hall-remote-client.h"
#include "hall-test-http.h"
#include "hall-test-netem.h"
#include "hall-test-netns.h"
#include "hall-test-server.h"
#include "hall-test-util.h"
#include "hall-ui-test-counter.h"
#include "hall-ui-test-process.h"
#include "hall-ui-test-util.h"

#define LINK_DELAY_MS 100
#define LINK_JITTER_MS 20
#define LINK_LOSS 0.05
#define CUT_SECONDS 30
/* What the clerk must see: the banner within 5 s of the cut (a timer: 3.5 s of silence), the hall
 * caught up within 5 s of the heal (issue 8's target, printed with the figure). Catching up goes
 * through new connections, TLS and a call over a link that loses one packet in twenty, and a
 * lost SYN costs TCP a second. Measured 2.85–5.55 s while the client opened the calls'
 * connection only after the feed's and a feed try could last four times a slow connection's
 * time; with the tries capped at 1 s during the outage and the calls' connection opened
 * alongside the feed's (hall-remote-link.c), 2.57–4.08 s in five runs on a loaded machine (a
 * sixth under 5 s too): the test fails past 5 s. Under the sanitizers the app runs five to ten
 * times slower: there the bounds are 15 s and 60 s. */
#define CAUGHT_UP_TARGET (5 * G_USEC_PER_SEC)
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__)
#define BANNER_WITHIN (15 * G_USEC_PER_SEC)
#define CAUGHT_UP_WITHIN (60 * G_USEC_PER_SEC)
#else
#define BANNER_WITHIN (5 * G_USEC_PER_SEC)
#define CAUGHT_UP_WITHIN CAUGHT_UP_TARGET
#endif

#define DEPT_CHENGJIAN 2
#define DEPT_MINZHENG 3
#define DEPT_RENSHE 5

enum
{
  LINK_A,
  LINK_B,
  LINK_C,
  N_LINKS
};

typedef struct
{
  char           *server_ns;
  char           *client_ns[N_LINKS];
  HallTestNetem  *links[N_LINKS];
  HallTestServer *server;
} Lan;

static Lan   lan;
static char *self_path;

/* ---- the app (client C, a child) ----------------------------------------------------------- */

static const char *const typed[][2] = {
  { "content", "小区供暖不热，物业多次维修未果" },
  { "petitioners[0].name", "赵红梅" },
  { "petitioners[0].phone", "13912345678" },
  { "petitioners[0].id_number", "430102198503151236" },
};

static void
assert_typed_kept (GtkWidget *form)
{
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (form, typed[i][0]))),
                     ==, typed[i][1]);
}

static gboolean
banner_shown (gpointer data)
{
  return gtk_revealer_get_reveal_child (GTK_REVEALER (hall_ui_test_find (data, "offline_banner")));
}

/* The ticket g_object_get_data (@page, "code") waits at the window and the banner is gone. */
static gboolean
caught_up (gpointer data)
{
  GtkWidget *page = g_object_get_data (data, "page");

  return !banner_shown (data)
         && hall_ui_test_list_has (hall_counter_page_get_waiting (HALL_COUNTER_PAGE (page)), "code",
                                   g_object_get_data (data, "code"));
}

static gboolean
form_done (gpointer data)
{
  return !hall_matter_form_get_busy (data);
}

static int
run_app (const char *url)
{
  char            *dir = hall_ui_test_child_init ();
  HallUiTestLines *from_test = hall_ui_test_child_lines ();
  HallWindow      *window = NULL;
  g_autoptr (HallApplication) app = hall_ui_test_join_hall (url, "lijing", DEPT_CHENGJIAN, &window);
  GtkWidget *page = hall_ui_test_show_page (window, "counter");
  GtkWidget *form;
  g_auto (GStrv) heal = NULL;
  JsonObject *result;

  g_object_set_data (G_OBJECT (page), "want", (gpointer) "closed");
  hall_ui_test_wait (hall_ui_test_counter_is, page, HALL_UI_TEST_STEP_TIMEOUT, "window 2, closed");
  hall_ui_test_activate (page, "counter.open", HALL_UI_TEST_STEP_TIMEOUT, "window 2's 开窗 to be enabled");
  g_object_set_data (G_OBJECT (page), "want", (gpointer) "open");
  hall_ui_test_wait (hall_ui_test_counter_is, page, HALL_UI_TEST_STEP_TIMEOUT, "window 2 to open");
  hall_ui_test_say ("ready");

  /* A visitor called in; their matter typed, not yet registered. */
  hall_ui_test_wait (hall_ui_test_one_waiting, page, HALL_UI_TEST_STEP_TIMEOUT, "the visitor");
  hall_ui_test_activate (page, "counter.call-next", HALL_UI_TEST_STEP_TIMEOUT, "叫号 to be enabled");
  hall_ui_test_wait (hall_ui_test_has_current, page, HALL_UI_TEST_STEP_TIMEOUT, "the call");
  gtk_widget_activate_action (page, "counter.register", NULL);
  form = hall_counter_page_get_matter_form (HALL_COUNTER_PAGE (page));
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    hall_ui_test_type (form, typed[i][0], typed[i][1]);
  hall_ui_test_say ("typed");

  /* The cable is pulled out: the window says so, and the form keeps its text. */
  g_strfreev (hall_ui_test_lines_expect (from_test, "cut"));
  hall_ui_test_wait (banner_shown, window, HALL_UI_TEST_STEP_TIMEOUT, "the offline banner");
  hall_ui_test_say ("offline %" G_GINT64_FORMAT, g_get_monotonic_time ());
  assert_typed_kept (form);

  /* Back: the ticket issued meanwhile shows by itself, and the typed matter goes in. */
  heal = hall_ui_test_lines_expect (from_test, "heal");
  g_object_set_data (G_OBJECT (window), "page", page);
  g_object_set_data (G_OBJECT (window), "code", heal[1]);
  hall_ui_test_wait (caught_up, window, HALL_UI_TEST_STEP_TIMEOUT, "the ticket issued offline");
  hall_ui_test_say ("caught %" G_GINT64_FORMAT, g_get_monotonic_time ());
  assert_typed_kept (form);
  gtk_widget_activate_action (form, "matter-form.submit", NULL);
  hall_ui_test_wait (form_done, form, HALL_UI_TEST_STEP_TIMEOUT, "matter.register");
  result = hall_matter_form_get_result (HALL_MATTER_FORM (form));
  g_assert_nonnull (result);
  hall_ui_test_say ("registered %s", json_object_get_string_member (result, "number"));

  hall_ui_test_child_quit (app, window);
  g_clear_object (&app);
  hall_ui_test_child_end (dir);
  return 0;
}

/* ---- the scripted clients (threads in namespaces a and b) ---------------------------------- */

typedef struct
{
  const char *netns;
  char       *url;
  GArray     *tickets; /* gint64: issued (A) or called (B) */
  GPtrArray  *request_ids;
  guint       retries;
  GError     *error;
} Writer;

static gint stop_writers;

static HallTestHttp *
writer_sign_in (Writer     *w,
                const char *username,
                const char *role,
                gint64      counter_id)
{
  HallTestHttp *client;

  hall_test_netns_enter (w->netns);
  client = hall_test_http_new_pinned (w->url, lan.server->fingerprint);
  while (!hall_test_http_login (client, username, HALL_TEST_PASSWORD, role, counter_id, &w->error))
    {
      if (!g_error_matches (w->error, HALL_ERROR, HALL_ERROR_UNAVAILABLE))
        break;
      g_clear_error (&w->error);
      w->retries++;
    }
  return client;
}

/* Sends @command with request_id @prefix-@n until answered; remembers the request_id of a
 * success (the hall keeps the first result of those). */
static JsonObject *
writer_call (Writer       *w,
             HallTestHttp *client,
             const char   *command,
             JsonObject   *params,
             const char   *prefix,
             guint         n,
             GError      **error)
{
  g_autofree char *request_id = g_strdup_printf ("%s-%u", prefix, n);
  JsonObject      *result;

  json_object_set_string_member (params, "request_id", request_id);
  result = hall_test_http_call_until_answered (client, command, params, &w->retries, error);
  if (result != NULL)
    g_ptr_array_add (w->request_ids, g_steal_pointer (&request_id));
  return result;
}

static gpointer
kiosk_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr (HallTestHttp) client = writer_sign_in (w, "kiosk-a", "kiosk", 0);

  for (guint n = 0; w->error == NULL && !g_atomic_int_get (&stop_writers); n++)
    {
      g_autoptr (JsonObject) params = json_object_new ();
      g_autoptr (JsonObject) result = NULL;
      gint64 id;

      json_object_set_int_member (params, "department_id", DEPT_MINZHENG);
      result = writer_call (w, client, "ticket.issue", params, "a-issue", n, &w->error);
      if (result == NULL)
        break;
      id = json_object_get_int_member (json_object_get_object_member (result, "ticket"), "id");
      g_array_append_val (w->tickets, id);
    }
  return NULL;
}

static gpointer
clerk_thread (gpointer data)
{
  Writer *w = data;
  g_autoptr (HallTestHttp) client = writer_sign_in (w, "clerk-b", "staff", DEPT_MINZHENG);
  g_autoptr (JsonObject) opened = NULL;
  g_autoptr (JsonObject) params = json_object_new ();

  if (w->error == NULL)
    opened = writer_call (w, client, "counter.open", params, "b-open", 0, &w->error);
  for (guint n = 0; w->error == NULL && !g_atomic_int_get (&stop_writers); n++)
    {
      g_autoptr (JsonObject) call = json_object_new ();
      g_autoptr (JsonObject) called = NULL;
      g_autoptr (JsonObject) gone = NULL;
      g_autoptr (GError) error = NULL;
      gint64 id;

      called = writer_call (w, client, "counter.call_next", call, "b-call", n, &error);
      if (called == NULL)
        {
          if (!g_error_matches (error, HALL_ERROR, HALL_ERROR_QUEUE_EMPTY))
            g_propagate_error (&w->error, g_steal_pointer (&error));
          g_usleep (50 * 1000);
          continue;
        }
      id = json_object_get_int_member (json_object_get_object_member (called, "ticket"), "id");
      g_array_append_val (w->tickets, id);
      json_object_set_int_member (call, "ticket_id", id);
      gone = writer_call (w, client, "ticket.no_show", call, "b-noshow", n, &w->error);
    }
  return NULL;
}

static void
writer_clear (Writer *w)
{
  g_free (w->url);
  g_array_unref (w->tickets);
  g_ptr_array_unref (w->request_ids);
}

/* ---- what the database holds --------------------------------------------------------------- */

static sqlite3 *
open_database (void)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (lan.server->database, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

static gint64
query_int (sqlite3    *db,
           const char *sql,
           const char *text)
{
  sqlite3_stmt *st = NULL;
  gint64        value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &st, NULL), ==, SQLITE_OK);
  if (text != NULL)
    sqlite3_bind_text (st, 1, text, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (st), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (st, 0);
  sqlite3_finalize (st);
  return value;
}

/* The ticket that request @request_id made, from its first result as the hall keeps it; 0 when
 * the hall has no such request. */
static gint64
request_ticket (sqlite3    *db,
                const char *request_id)
{
  return query_int (db,
                    "SELECT coalesce(max(json_extract(result, '$.ticket.id')), 0) FROM request "
                    "WHERE request_id = ?1",
                    request_id);
}

/* Every request answered is in the request log once, with the ticket its answer named. */
static void
assert_answered_once (sqlite3 *db,
                      Writer  *w,
                      gboolean tickets_per_request)
{
  guint k = 0;

  for (guint i = 0; i < w->request_ids->len; i++)
    {
      const char *id = g_ptr_array_index (w->request_ids, i);

      g_assert_cmpint (query_int (db, "SELECT count(*) FROM request WHERE request_id = ?1", id), ==,
                       1);
      if (tickets_per_request && k < w->tickets->len)
        g_assert_cmpint (request_ticket (db, id), ==, g_array_index (w->tickets, gint64, k++));
    }
}

/* ---- the test (client A) ------------------------------------------------------------------- */

static char *
url_of (int link)
{
  return g_strdup_printf ("https://%s:%u", hall_test_netem_get_server_address (lan.links[link]),
                          lan.server->port);
}

static char *
issue_chengjian (const char *token,
                 const char *request_id)
{
  g_autoptr (JsonObject) result = hall_test_server_ok (
      lan.server, token, "ticket.issue", "{\"department_id\":%d,\"request_id\":\"%s\"}",
      DEPT_CHENGJIAN, request_id);

  return g_strdup (
      json_object_get_string_member (json_object_get_object_member (result, "ticket"), "code"));
}

static void
print_link_stats (void)
{
  for (int i = 0; i < N_LINKS; i++)
    {
      HallTestNetemStats stats;

      hall_test_netem_get_stats (lan.links[i], &stats);
      g_test_message ("link %c: %" G_GUINT64_FORMAT " packets forwarded, %" G_GUINT64_FORMAT
                      " lost at random, %" G_GUINT64_FORMAT " lost to the cut",
                      'a' + i, stats.forwarded, stats.lost, stats.cut);
    }
}

static void
test_faults (void)
{
  g_autofree char *manager =
      hall_test_server_add_user_login (lan.server, "zhangli", "manager", "xinfang", 0);
  g_autofree char *url_c = url_of (LINK_C);
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  g_autofree char *heal_line = NULL;
  const char      *argv[] = { self_path, "--lan-app", url_c, NULL };
  Writer           kiosk = { lan.client_ns[LINK_A], url_of (LINK_A) };
  Writer           clerk = { lan.client_ns[LINK_B], url_of (LINK_B) };
  Writer          *writers[] = { &kiosk, &clerk };
  GThread         *threads[2];
  HallUiTestApp    app = { 0 };
  g_auto (GStrv) offline = NULL;
  g_auto (GStrv) caught = NULL;
  g_auto (GStrv) registered = NULL;
  gint64   cut_at, heal_at, to_banner, to_catch_up;
  sqlite3 *db;

  hall_test_server_add_user (lan.server, "kiosk-a", "kiosk", NULL, NULL);
  hall_test_server_add_user (lan.server, "clerk-b", "staff", "minzheng", NULL);
  hall_test_server_add_user (lan.server, "lijing", "staff", "chengjian", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      writers[i]->tickets = g_array_new (FALSE, FALSE, sizeof (gint64));
      writers[i]->request_ids = g_ptr_array_new_with_free_func (g_free);
    }

  g_atomic_int_set (&stop_writers, 0);
  threads[0] = g_thread_new ("kiosk-a", kiosk_thread, &kiosk);
  threads[1] = g_thread_new ("clerk-b", clerk_thread, &clerk);
  hall_ui_test_app_start (&app, "app", lan.client_ns[LINK_C], argv);
  g_strfreev (hall_ui_test_lines_expect (&app.from_app, "ready"));

  t1 = issue_chengjian (manager, "lan-before-cut");
  g_strfreev (hall_ui_test_lines_expect (&app.from_app, "typed"));

  /* C is cut off. */
  hall_test_netem_set_cut (lan.links[LINK_C], HALL_TEST_NETEM_CUT);
  cut_at = g_get_monotonic_time ();
  hall_ui_test_app_tell (&app, "cut");
  offline = hall_ui_test_lines_expect (&app.from_app, "offline");
  to_banner = g_ascii_strtoll (offline[1], NULL, 10) - cut_at;

  /* Meanwhile the hall goes on. */
  t2 = issue_chengjian (manager, "lan-during-cut");
  while (g_get_monotonic_time () < cut_at + CUT_SECONDS * G_USEC_PER_SEC)
    hall_test_pump (100);

  hall_test_netem_set_cut (lan.links[LINK_C], HALL_TEST_NETEM_OPEN);
  heal_at = g_get_monotonic_time ();
  heal_line = g_strconcat ("heal ", t2, NULL);
  hall_ui_test_app_tell (&app, heal_line);
  caught = hall_ui_test_lines_expect (&app.from_app, "caught");
  to_catch_up = g_ascii_strtoll (caught[1], NULL, 10) - heal_at;
  registered = hall_ui_test_lines_expect (&app.from_app, "registered");

  g_test_message ("Impairment: TUN forwarder, %d ms ± %d ms one-way, %.0f %% loss each way",
                  LINK_DELAY_MS, LINK_JITTER_MS, LINK_LOSS * 100);
  g_test_message ("Offline banner %.2f s after the cut (bound %.0f s)",
                  to_banner / (double) G_USEC_PER_SEC, BANNER_WITHIN / (double) G_USEC_PER_SEC);
  g_test_message ("Caught up (ticket %s issued during the cut on the waiting list) %.2f s after "
                  "the heal (target %.0f s: %s; bound %.0f s); matter %s registered from what was "
                  "typed before it",
                  t2, to_catch_up / (double) G_USEC_PER_SEC,
                  CAUGHT_UP_TARGET / (double) G_USEC_PER_SEC,
                  to_catch_up <= CAUGHT_UP_TARGET ? "met" : "MISSED",
                  CAUGHT_UP_WITHIN / (double) G_USEC_PER_SEC, registered[1]);
  g_assert_cmpint (to_banner, <=, BANNER_WITHIN);
  g_assert_cmpint (to_catch_up, <=, CAUGHT_UP_WITHIN);

  g_atomic_int_set (&stop_writers, 1);
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_thread_join (threads[i]);
      g_assert_no_error (writers[i]->error);
    }
  hall_ui_test_app_finish (&app);
  g_test_message ("%u tickets issued by A, %u called by B; %u calls sent again after a loss",
                  kiosk.tickets->len, clerk.tickets->len, kiosk.retries + clerk.retries);
  print_link_stats ();
  g_assert_cmpuint (kiosk.tickets->len, >, 10);
  g_assert_cmpuint (clerk.tickets->len, >, 0);

  db = open_database ();
  assert_answered_once (db, &kiosk, TRUE);
  assert_answered_once (db, &clerk, FALSE);
  /* No 民政 ticket lost or issued twice; none called twice (B marked each one it called not
   * shown, and the hall has as many 民政 no-shows as B was given tickets). */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM ticket WHERE department_id = 3", NULL), ==,
                   kiosk.tickets->len);
  g_assert_cmpint (query_int (db,
                              "SELECT count(*) FROM ticket WHERE department_id = 3 "
                              "AND state = 'no_show'",
                              NULL),
                   ==, clerk.tickets->len);
  {
    g_autoptr (GHashTable) called = g_hash_table_new (g_int64_hash, g_int64_equal);

    for (guint i = 0; i < clerk.tickets->len; i++)
      g_assert_true (g_hash_table_add (called, &g_array_index (clerk.tickets, gint64, i)));
  }
  /* The two 城建 tickets and the one matter the app registered. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM ticket WHERE department_id = 2", NULL), ==,
                   2);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM matter WHERE number = ?1", registered[1]),
                   ==, 1);
  /* Each client came over its own link. */
  g_assert_cmpint (query_int (db,
                              "SELECT count(*) FROM audit WHERE command = 'ticket.issue' "
                              "AND client_address <> '10.77.1.2'",
                              NULL),
                   ==, 0);
  g_assert_cmpint (query_int (db,
                              "SELECT count(*) FROM audit WHERE command = 'counter.call_next' "
                              "AND client_address NOT IN ('10.77.2.2', '10.77.3.2')",
                              NULL),
                   ==, 0);
  g_assert_cmpint (query_int (db,
                              "SELECT count(*) FROM audit WHERE command = 'matter.register' "
                              "AND client_address = '10.77.3.2'",
                              NULL),
                   ==, 1);
  sqlite3_close (db);
  writer_clear (&kiosk);
  writer_clear (&clerk);
}

static void
call_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
logout_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  /* Ending the session on the hall may fail while the feed is still coming back from the
   * restart; the client forgets it either way. */
  hall_client_logout_finish (HALL_CLIENT (object), result, &error);
  *(gboolean *) user_data = TRUE;
}

static void
test_restart_mid_call (void)
{
  g_autoptr (HallClient) client = hall_remote_client_new (lan.server->url, lan.server->fingerprint);
  g_autoptr (JsonObject) params = hall_test_parse_object (
      "{\"department_id\":5,\"request_id\":\"lan-restart-mid-call\"}");
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  gboolean signed_in = FALSE, signed_out = FALSE, committed = FALSE, answered = FALSE;
  gint64   deadline;
  sqlite3 *db;

  hall_test_server_add_user (lan.server, "kiosk-r", "kiosk", NULL, NULL);
  hall_client_login_async (client, "kiosk-r", HALL_TEST_PASSWORD, "kiosk", 0, NULL,
                           hall_ui_test_login_cb, &signed_in);
  g_assert_true (hall_test_wait_for (&signed_in, HALL_TEST_SERVER_TIMEOUT));

  /* The answers are lost on the way back: the server does the call, the client never hears. */
  hall_test_netem_set_cut (lan.links[LINK_A], HALL_TEST_NETEM_CUT_TO_CLIENT);
  hall_client_call_async (client, "ticket.issue", params, NULL, call_cb, &result);
  db = open_database ();
  deadline = g_get_monotonic_time () + HALL_TEST_SERVER_TIMEOUT * G_USEC_PER_SEC;
  while (!committed && g_get_monotonic_time () < deadline)
    {
      hall_test_pump (20);
      committed = request_ticket (db, "lan-restart-mid-call") != 0;
    }
  g_assert_true (committed);
  g_assert_null (result);

  /* Killed after the commit, the link back, the server started again on the same database. */
  hall_test_server_kill (lan.server);
  hall_test_netem_set_cut (lan.links[LINK_A], HALL_TEST_NETEM_OPEN);
  hall_test_server_start (lan.server);

  deadline = g_get_monotonic_time () + HALL_TEST_SERVER_TIMEOUT * G_USEC_PER_SEC;
  while (result == NULL && g_get_monotonic_time () < deadline)
    hall_test_pump (20);
  g_assert_nonnull (result);
  reply = hall_client_call_finish (client, result, &error);
  g_assert_no_error (error);
  answered = reply != NULL;
  g_assert_true (answered);
  g_test_message ("ticket.issue answered after the restart with ticket %" G_GINT64_FORMAT,
                  json_object_get_int_member (json_object_get_object_member (reply, "ticket"),
                                              "id"));

  /* The same ticket as the one committed, and only it. */
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (reply, "ticket"), "id"), ==,
      request_ticket (db, "lan-restart-mid-call"));
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM ticket WHERE department_id = 5", NULL), ==,
                   1);
  sqlite3_close (db);
  g_clear_object (&result);
  hall_client_logout_async (client, NULL, logout_cb, &signed_out);
  g_assert_true (hall_test_wait_for (&signed_out, HALL_TEST_SERVER_TIMEOUT));
}

/* ---- the LAN ------------------------------------------------------------------------------- */

static void
lan_setup (void)
{
  lan.server_ns = hall_test_netns_new ("server");
  for (int i = 0; i < N_LINKS; i++)
    {
      g_autofree char *what = g_strdup_printf ("%c", 'a' + i);

      lan.client_ns[i] = hall_test_netns_new (what);
      lan.links[i] = hall_test_netem_new (i + 1, lan.server_ns, lan.client_ns[i]);
      hall_test_netem_set_delay (lan.links[i], LINK_DELAY_MS, LINK_JITTER_MS);
      hall_test_netem_set_loss (lan.links[i], LINK_LOSS);
    }
  /* This thread is client A from now on; the devices stay with the forwarders. */
  hall_test_netns_enter (lan.client_ns[LINK_A]);

  lan.server = hall_test_server_new (HALL_TEST_SERVER_TLS | HALL_TEST_SERVER_NO_START);
  lan.server->netns = g_strdup (lan.server_ns);
  lan.server->host = g_strdup (hall_test_netem_get_server_address (lan.links[LINK_A]));
  hall_test_server_start (lan.server);
}

static void
lan_teardown (void)
{
  hall_test_server_free (lan.server);
  for (int i = 0; i < N_LINKS; i++)
    {
      hall_test_netem_free (lan.links[i]);
      g_free (lan.client_ns[i]);
    }
  g_free (lan.server_ns);
  hall_test_netns_cleanup ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *why = NULL;
  int              result;

  if (argc == 3 && g_str_equal (argv[1], "--lan-app"))
    return run_app (argv[2]);

  why = hall_test_netns_unsupported ();
  if (why != NULL)
    {
      g_print ("SKIP: no LAN of namespaces can be made here: %s\n", why);
      return 77;
    }
  g_print ("Impairment: a TUN forwarder per link (tests/lib/hall-test-netem.c), not tc netem\n");

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_assert_nonnull (self_path);
  g_test_init (&argc, &argv, NULL);
  lan_setup ();
  g_test_add_func ("/lan/faults", test_faults);
  g_test_add_func ("/lan/restart-mid-call", test_restart_mid_call);
  result = g_test_run ();
  lan_teardown ();
  g_free (self_path);
  return result;
}
