/* test-rating-pad.c — the window rating pad against the real server on 127.0.0.1 (issue 9 §4)
 *
 * A clerk finishes a ticket at window 2; window 2's pad asks, the visitor taps 不满意 with a
 * score, the pad thanks them and goes back to its window; the manager's board shows the alert
 * within seconds and the manager marks it followed up. A visitor who does not rate leaves the
 * question for the next one. Nothing the pad shows or receives names the petitioner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "hall-board-page.h"
#include "hall-json-item.h"
#include "hall-rating-alerts.h"
#include "hall-rating-pad.h"
#include "hall-remote-client.h"
#include "hall-test-server.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"

#define PETITIONER_NAME "欧阳明辉"
#define PETITIONER_ID "430102198503151236"
#define PETITIONER_PHONE "13907311234"

typedef struct
{
  HallTestServer *server;
  char           *staff; /* 城建, window 2, over HTTP */
  char           *manager_token;
  HallClient     *pad_client;
  HallClient     *manager_client;
  GPtrArray      *pad_events;
  GtkWidget      *pad_window;
  GtkWidget      *board_window;
  HallRatingPad  *pad;
  HallBoardPage  *board;
} Fixture;

static HallClient *
sign_in (HallTestServer *server,
         const char     *username,
         const char     *role)
{
  HallClient *client = hall_remote_client_new (server->url, server->fingerprint);
  gboolean    done = FALSE;

  hall_client_login_async (client, username, HALL_TEST_PASSWORD, role, 0, NULL,
                           hall_ui_test_login_cb, &done);
  hall_ui_test_wait (hall_ui_test_flag_set, &done, 60, "signed in");
  return client;
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *admin = NULL;
  g_autofree char *pad = NULL;
  g_autoptr (JsonObject) whoami = NULL;
  g_autoptr (JsonObject) bound = NULL;
  g_autoptr (JsonObject) opened = NULL;

  f->server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  admin = hall_test_server_add_user_login (f->server, "root", "admin", NULL, 0);
  f->staff = hall_test_server_add_user_login (f->server, "lisi", "staff", "chengjian", 2);
  f->manager_token = hall_test_server_add_user_login (f->server, "zhang", "manager", NULL, 0);
  pad = hall_test_server_add_user_login (f->server, "pad2", "rating_pad", NULL, 0);
  whoami = hall_test_server_ok (f->server, pad, "session.whoami", "{}");
  bound = hall_test_server_ok (
      f->server, admin, "rating.bind", "{\"user_id\": %" G_GINT64_FORMAT ", \"counter_id\": 2}",
      json_object_get_int_member (json_object_get_object_member (whoami, "user"), "id"));
  opened = hall_test_server_ok (f->server, f->staff, "counter.open", "{}");

  f->pad_client = sign_in (f->server, "pad2", "rating_pad");
  f->pad_events = hall_test_record_events (f->pad_client);
  f->pad = HALL_RATING_PAD (hall_rating_pad_new (f->pad_client, 2));
  /* A visitor who taps gets as long as a pad gives; the thanks are short. */
  hall_rating_pad_set_timeouts (f->pad, 60, 1);
  f->pad_window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->pad_window), 1024, 600);
  gtk_window_set_child (GTK_WINDOW (f->pad_window), GTK_WIDGET (f->pad));
  gtk_window_present (GTK_WINDOW (f->pad_window));

  f->manager_client = sign_in (f->server, "zhang", "manager");
  f->board = HALL_BOARD_PAGE (hall_board_page_new (f->manager_client));
  f->board_window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->board_window), 1280, 800);
  gtk_window_set_child (GTK_WINDOW (f->board_window), GTK_WIDGET (f->board));
  gtk_window_present (GTK_WINDOW (f->board_window));
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  hall_test_stop_recording (f->pad_client, f->pad_events);
  gtk_window_destroy (GTK_WINDOW (f->pad_window));
  gtk_window_destroy (GTK_WINDOW (f->board_window));
  hall_ui_test_flush ();
  g_clear_object (&f->pad_client);
  g_clear_object (&f->manager_client);
  g_free (f->staff);
  g_free (f->manager_token);
  hall_test_server_free (f->server);
}

static gboolean
pad_shows (gpointer data)
{
  Fixture    *f = data;
  const char *want = g_object_get_data (G_OBJECT (f->pad), "want");

  return g_strcmp0 (hall_rating_pad_get_screen (f->pad), want) == 0;
}

static void
wait_screen (Fixture    *f,
             const char *screen)
{
  g_autofree char *what = g_strdup_printf ("the pad shows “%s”", screen);

  g_object_set_data_full (G_OBJECT (f->pad), "want", g_strdup (screen), g_free);
  hall_ui_test_wait (pad_shows, f, 60, what);
}

/* 欧阳明辉, with an ID number and a phone, is served at window 2: the ticket's id. */
static gint64
serve_visitor (Fixture *f)
{
  g_autoptr (JsonObject) issued = NULL;
  g_autoptr (JsonObject) called = NULL;
  g_autoptr (JsonObject) finished = NULL;
  gint64 id;

  issued = hall_test_server_ok (f->server, f->manager_token, "ticket.issue",
                                "{\"department_id\": 2, \"petitioner\": {\"name\": \"" PETITIONER_NAME
                                "\", \"id_number\": \"" PETITIONER_ID
                                "\", \"phone\": \"" PETITIONER_PHONE "\"}}");
  id = json_object_get_int_member (json_object_get_object_member (issued, "ticket"), "id");
  called = hall_test_server_ok (f->server, f->staff, "counter.call_next", "{}");
  finished = hall_test_server_ok (f->server, f->staff, "ticket.finish",
                                  "{\"ticket_id\": %" G_GINT64_FORMAT ", \"outcome\": \"resolved\"}",
                                  id);
  return id;
}

/* Every text on the pad's screen, in one string. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)))
    g_string_append_printf (text, "%s\n", gtk_button_get_label (GTK_BUTTON (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static void
assert_nothing_personal (const char *text)
{
  g_assert_null (strstr (text, PETITIONER_NAME));
  g_assert_null (strstr (text, "欧阳"));
  g_assert_null (strstr (text, PETITIONER_ID));
  g_assert_null (strstr (text, PETITIONER_PHONE));
}

static void
assert_pad_private (Fixture *f)
{
  g_autoptr (GString) text = g_string_new (NULL);

  collect_text (f->pad_window, text);
  assert_nothing_personal (text->str);
  for (guint i = 0; i < f->pad_events->len; i++)
    {
      g_autoptr (JsonNode) node =
          json_node_init_object (json_node_alloc (), g_ptr_array_index (f->pad_events, i));
      g_autofree char *event = json_to_string (node, FALSE);

      assert_nothing_personal (event);
    }
}

static gboolean
board_has_alert (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (hall_board_page_get_rating_alerts (f->board)) == 1;
}

static gboolean
board_has_no_alert (gpointer data)
{
  Fixture *f = data;

  return g_list_model_get_n_items (hall_board_page_get_rating_alerts (f->board)) == 0;
}

static gboolean
toggle_is_active (gpointer data)
{
  return gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (data));
}

static void
test_dissatisfied_reaches_board (Fixture      *f,
                                 gconstpointer data)
{
  g_autoptr (GString) idle = g_string_new (NULL);
  g_autoptr (GString) asking = g_string_new (NULL);
  g_autoptr (HallJsonItem) alert = NULL;
  JsonObject *alert_data;
  GtkWidget  *score;
  gint64      id, tapped_at;

  wait_screen (f, "idle");
  collect_text (f->pad_window, idle);
  g_assert_nonnull (strstr (idle->str, "2号窗口"));
  g_assert_nonnull (strstr (idle->str, "lisi"));

  id = serve_visitor (f);
  wait_screen (f, "ask");
  g_assert_cmpint (hall_rating_pad_get_ticket_id (f->pad), ==, id);
  collect_text (f->pad_window, asking);
  g_assert_nonnull (strstr (asking->str, "C001"));
  assert_pad_private (f);

  /* The visitor gives 态度 2 and taps 不满意. */
  score = hall_ui_test_find (f->pad_window, "score-attitude-2");
  gtk_widget_activate (score);
  hall_ui_test_wait (toggle_is_active, score, 10, "态度 2 chosen");
  tapped_at = g_get_monotonic_time ();
  gtk_widget_activate (hall_ui_test_find (f->pad_window, "rate-dissatisfied"));
  wait_screen (f, "thanks");

  hall_ui_test_wait (board_has_alert, f, 10, "the 不满意 on the manager's board");
  g_test_message ("tap → alert on the board: %.0f ms",
                  (g_get_monotonic_time () - tapped_at) / 1000.0);
  alert = g_list_model_get_item (hall_board_page_get_rating_alerts (f->board), 0);
  alert_data = hall_json_item_get_data (alert);
  g_assert_cmpstr (json_object_get_string_member (alert_data, "code"), ==, "C001");
  g_assert_cmpstr (json_object_get_string_member (alert_data, "counter_name"), ==, "2号窗口");
  g_assert_cmpstr (json_object_get_string_member (alert_data, "staff_name"), ==, "lisi");
  g_assert_cmpint (json_object_get_int_member (alert_data, "attitude"), ==, 2);
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (GTK_WIDGET (f->board), "rating-alerts")));

  /* Back to the window after the thanks; the same service is not asked about again. */
  wait_screen (f, "idle");
  g_assert_cmpint (hall_rating_pad_get_ticket_id (f->pad), ==, 0);
  assert_pad_private (f);

  /* The manager follows it up: the alert leaves the board. */
  gtk_widget_activate_action (GTK_WIDGET (f->board), "board.follow-up", "x",
                              json_object_get_int_member (alert_data, "rating_id"));
  hall_ui_test_wait (board_has_no_alert, f, 10, "the alert followed up");
}

static void
test_no_rating_goes_back (Fixture      *f,
                          gconstpointer data)
{
  g_autoptr (JsonObject) summary = NULL;

  hall_rating_pad_set_timeouts (f->pad, 3, 1);
  wait_screen (f, "idle");
  serve_visitor (f);
  wait_screen (f, "ask");
  /* No one taps: after the wait the pad shows its window again and does not ask again. */
  wait_screen (f, "idle");
  g_assert_cmpint (hall_rating_pad_get_ticket_id (f->pad), ==, 0);
  hall_page_refresh (HALL_PAGE (f->pad));
  hall_ui_test_flush ();
  g_usleep (G_USEC_PER_SEC / 2);
  hall_ui_test_flush ();
  g_assert_cmpstr (hall_rating_pad_get_screen (f->pad), ==, "idle");
  assert_pad_private (f);

  summary = hall_test_server_ok (f->server, f->manager_token, "rating.summary", "{}");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (summary, "total"),
                                               "finished"),
                   ==, 1);
  g_assert_cmpint (
      json_object_get_int_member (json_object_get_object_member (summary, "total"), "rated"), ==, 0);
}

/* The widgets alone, as tests/ui/test-widgets.c does for the others: made, shown, released. */
static void
test_widgets (void)
{
  g_autoptr (JsonObject) data = hall_test_parse_object (
      "{\"alerts\": [{\"rating_id\": 3, \"code\": \"C011\", \"counter_name\": \"2号窗口\", "
      "\"staff_name\": \"赵磊\", \"rated_at\": 1000, \"attitude\": 1, \"quality\": null}]}");
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *pad = g_object_ref_sink (hall_rating_pad_new (NULL, 2));
  GtkWidget *alerts = g_object_ref_sink (hall_rating_alerts_new ());

  gtk_box_append (GTK_BOX (box), alerts);
  gtk_box_append (GTK_BOX (box), pad);
  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_cmpint (hall_rating_pad_get_ticket_id (HALL_RATING_PAD (pad)), ==, 0);
  g_assert_false (gtk_widget_get_visible (alerts));
  hall_rating_alerts_set_alerts (HALL_RATING_ALERTS (alerts),
                                 json_object_get_array_member (data, "alerts"));
  hall_ui_test_flush ();
  g_assert_true (gtk_widget_get_visible (alerts));
  g_assert_cmpuint (
      g_list_model_get_n_items (hall_rating_alerts_get_model (HALL_RATING_ALERTS (alerts))), ==, 1);
  hall_rating_alerts_set_alerts (HALL_RATING_ALERTS (alerts), NULL);
  g_assert_false (gtk_widget_get_visible (alerts));
  hall_ui_test_close_and_finalize (window, pad);
  g_assert_finalize_object (alerts);
}

int
main (int   argc,
      char *argv[])
{
  char *data_dir = hall_ui_test_init (&argc, &argv);

  g_test_add_func ("/rating-pad/widgets", test_widgets);
  g_test_add ("/rating-pad/dissatisfied-reaches-board", Fixture, NULL, fixture_set_up,
              test_dissatisfied_reaches_board, fixture_tear_down);
  g_test_add ("/rating-pad/no-rating-goes-back", Fixture, NULL, fixture_set_up,
              test_no_rating_goes_back, fixture_tear_down);
  return hall_ui_test_run (data_dir);
}
