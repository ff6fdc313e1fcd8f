/* test-kiosk.c — the ticket kiosk (取号机) under Xvfb against the real server on 127.0.0.1
 *
 * A visitor takes a number (a wrong ID number first, then a right one, two persons, the green
 * channel): the ticket comes out as a PDF that pdftotext reads back and whose QR code zbarimg
 * decodes to the number, the manager sees the green channel to confirm, and the kiosk goes back
 * to its start by itself. A status query with the right code (scanned) shows the state, a wrong
 * one is refused, five wrong ones lock the number. A printer that fails is said on screen with the
 * number kept. A half-filled screen left alone forgets the ID number. Neither the screens nor
 * anything the kiosk account receives name the test petitioner.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "hall-find.h"
#include "hall-kiosk-page.h"
#include "hall-queue-page.h"
#include "hall-remote-client.h"
#include "hall-test-server.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"

#define PETITIONER_NAME "王建国"
#define PETITIONER_ID "430102198503151236"
#define PETITIONER_PHONE "13812345678"
#define BAD_ID "430102198503151237"

static struct
{
  HallTestServer *server;
  char           *manager;
  char           *number;
  char           *query_code;
  char           *dir;
  gint64          category_id; /* 征地拆迁 */
  gint64          department_id;
} kiosk;

/* ---- helpers ---------------------------------------------------------------------------------- */

static gboolean
screen_is (gpointer data)
{
  return g_strcmp0 (hall_kiosk_page_get_screen (data), g_object_get_data (data, "want")) == 0;
}

static void
wait_screen (HallKioskPage *page,
             const char    *screen,
             guint          seconds)
{
  g_object_set_data_full (G_OBJECT (page), "want", g_strdup (screen), g_free);
  hall_ui_test_wait (screen_is, page, seconds, screen);
}

static gboolean
has_choices (gpointer data)
{
  return gtk_widget_get_first_child (hall_ui_test_find (data, "choices_box")) != NULL;
}

static gboolean
label_shown (gpointer data)
{
  return gtk_widget_get_visible (data) && *gtk_label_get_text (data) != '\0';
}

static gboolean
not_busy (gpointer data)
{
  return gtk_widget_is_sensitive (hall_ui_test_find (data, "take_button"));
}

/* The manager's queue page shows the ticket's green channel request, to confirm. */
static gboolean
queue_asks_green (gpointer data)
{
  g_autofree char *name = g_strdup_printf ("ticket-%s", (const char *) g_object_get_data (data, "code"));
  GtkWidget       *row = _hall_find_named (data, name);

  return row != NULL
         && strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "green channel") != NULL
         && gtk_widget_has_css_class (row, "green-request-row");
}

/* Every text the kiosk holds, on any of its screens, shown or not. */
static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_EDITABLE (widget))
    g_string_append_printf (text, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static void
assert_nothing_personal (const char *where,
                         const char *text)
{
  g_test_message ("checked for personal data: %s", where);
  g_assert_null (strstr (text, PETITIONER_NAME));
  g_assert_null (strstr (text, PETITIONER_ID));
  g_assert_null (strstr (text, PETITIONER_PHONE));
}

static void
assert_screens_clean (GtkWidget  *page,
                      const char *where)
{
  g_autoptr (GString) text = g_string_new (NULL);

  collect_text (page, text);
  assert_nothing_personal (where, text->str);
}

static void
press (GtkWidget  *page,
       const char *action,
       const char *keys)
{
  if (keys == NULL)
    {
      g_assert_true (gtk_widget_activate_action (page, action, NULL));
      return;
    }
  for (const char *c = keys; *c != '\0'; c++)
    {
      char key[2] = { *c, '\0' };

      g_assert_true (gtk_widget_activate_action (page, "kiosk.key", "s", key));
    }
}

static char *
object_text (JsonObject *object)
{
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), object);

  return json_to_string (node, FALSE);
}

/* A kiosk signed in to the server, in a portrait window like the hall's 1080×1920 screen. */
static GtkWidget *
new_kiosk (GtkWindow **window)
{
  g_autoptr (HallClient) client = hall_remote_client_new (kiosk.server->url, NULL);
  gboolean   signed_in = FALSE;
  GtkWidget *page;

  hall_client_login_async (client, "kiosk1", HALL_TEST_PASSWORD, "kiosk", 0, NULL,
                           hall_ui_test_login_cb, &signed_in);
  hall_ui_test_wait (hall_ui_test_flag_set, &signed_in, HALL_TEST_SERVER_TIMEOUT, "sign-in");
  page = hall_kiosk_page_new (client);
  *window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (*window, 1080, 1920);
  gtk_window_set_child (*window, page);
  gtk_window_present (*window);
  hall_ui_test_wait (has_choices, page, HALL_TEST_SERVER_TIMEOUT, "the categories");
  return page;
}

static void
close_kiosk (GtkWindow *window)
{
  gtk_window_destroy (window);
  hall_ui_test_flush ();
}

/* ---- tests ------------------------------------------------------------------------------------ */

static void
test_ticket (void)
{
  GtkWindow       *window;
  GtkWidget       *page = new_kiosk (&window);
  g_autofree char *pdf = g_build_filename (kiosk.dir, "ticket.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *qr = NULL;
  g_autoptr (JsonObject) earlier = NULL;
  g_autoptr (JsonObject) got = NULL;
  g_autofree char *reply_text = NULL;
  JsonObject      *reply, *ticket;
  const char      *code;
  gint64           ticket_id;

  hall_kiosk_page_set_export_filename (HALL_KIOSK_PAGE (page), pdf);
  g_object_set (page, "paper-width", 58, NULL);
  /* Someone is already waiting in the department. */
  earlier = hall_test_server_ok (kiosk.server, kiosk.manager, "ticket.issue",
                                 "{\"department_id\": %" G_GINT64_FORMAT "}", kiosk.department_id);

  gtk_widget_activate (hall_ui_test_find (page, "choice-征地拆迁"));
  wait_screen (HALL_KIOSK_PAGE (page), "details", 5);

  /* A wrong check digit: refused at the field, the number kept to correct, the rest as chosen. */
  press (page, "kiosk.persons-more", NULL);
  press (page, NULL, BAD_ID);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (hall_ui_test_find (page, "green_button")), TRUE);
  press (page, "kiosk.take", NULL);
  hall_ui_test_wait (label_shown, hall_ui_test_find (page, "id_error"), 5, "the ID number's error");
  g_assert_cmpstr (hall_kiosk_page_get_screen (HALL_KIOSK_PAGE (page)), ==, "details");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (page, "id_entry"))), ==,
                   BAD_ID);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "persons_label"))), ==,
                   "2");

  press (page, "kiosk.backspace", NULL);
  press (page, NULL, "6");
  press (page, "kiosk.take", NULL);
  wait_screen (HALL_KIOSK_PAGE (page), "ticket", HALL_TEST_SERVER_TIMEOUT);
  hall_ui_test_wait (not_busy, page, HALL_TEST_SERVER_TIMEOUT, "the ticket");

  reply = hall_kiosk_page_get_last_ticket (HALL_KIOSK_PAGE (page));
  ticket = json_object_get_object_member (reply, "ticket");
  code = json_object_get_string_member (ticket, "code");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "code_label"))), ==,
                   code);
  g_assert_cmpint (json_object_get_int_member (reply, "people_ahead"), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "ahead_label"))), ==,
                   "1 person ahead of you");
  /* The kiosk's answer says nothing of the person, not even the note it wrote. */
  g_assert_false (json_object_has_member (ticket, "note"));
  g_assert_false (json_object_has_member (ticket, "petitioner_id"));
  reply_text = object_text (reply);
  assert_nothing_personal ("ticket.issue's reply", reply_text);
  assert_screens_clean (page, "the ticket screen");

  /* The paper: number, department, windows, people ahead; the QR code holds the number. */
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  text = hall_test_spawn ((const char *const[]){ "pdftotext", "-enc", "UTF-8", pdf, "-", NULL });
  g_test_message ("ticket:\n%s", text);
  g_assert_nonnull (strstr (text, code));
  g_assert_nonnull (strstr (text, json_object_get_string_member (ticket, "department_name")));
  g_assert_nonnull (strstr (text, "People ahead"));
  g_assert_nonnull (strstr (text, "Windows 4"));
  g_assert_nonnull (strstr (text, "Green channel"));
  assert_nothing_personal ("the ticket paper", text);
  qr = hall_test_pdf_qr (pdf);
  g_assert_cmpstr (qr, ==, code);

  /* The manager sees the green channel asked for on the queue page, and the ID number on the
   * ticket. */
  {
    g_autoptr (HallClient) manager = hall_remote_client_new (kiosk.server->url, NULL);
    GtkWidget *queue_window = gtk_window_new ();
    GtkWidget *queue;
    gboolean   signed_in = FALSE;

    hall_client_login_async (manager, "manager1", HALL_TEST_PASSWORD, "manager", 0, NULL,
                             hall_ui_test_login_cb, &signed_in);
    hall_ui_test_wait (hall_ui_test_flag_set, &signed_in, HALL_TEST_SERVER_TIMEOUT, "sign-in");
    queue = hall_queue_page_new (manager);
    g_object_set_data_full (G_OBJECT (queue), "code", g_strdup (code), g_free);
    gtk_window_set_child (GTK_WINDOW (queue_window), queue);
    gtk_window_present (GTK_WINDOW (queue_window));
    hall_ui_test_wait (queue_asks_green, queue, HALL_TEST_SERVER_TIMEOUT, "the green channel row");
    gtk_window_destroy (GTK_WINDOW (queue_window));
    hall_ui_test_flush ();
  }
  got = hall_test_server_ok (kiosk.server, kiosk.manager, "ticket.get", "{\"code\": \"%s\"}", code);
  ticket = json_object_get_object_member (got, "ticket");
  g_assert_true (json_object_get_boolean_member (ticket, "green_request"));
  g_assert_cmpstr (json_object_get_string_member (ticket, "priority"), ==, "normal");
  g_assert_cmpint (json_object_get_int_member (ticket, "persons"), ==, 2);
  g_assert_nonnull (strstr (json_object_get_string_member (ticket, "note"), PETITIONER_ID));
  ticket_id = json_object_get_int_member (ticket, "id");
  g_clear_pointer (&got, json_object_unref);
  got = hall_test_server_ok (kiosk.server, kiosk.manager, "ticket.prioritize",
                             "{\"ticket_id\": %" G_GINT64_FORMAT ", \"priority\": \"priority\"}",
                             ticket_id);
  ticket = json_object_get_object_member (got, "ticket");
  g_assert_false (json_object_get_boolean_member (ticket, "green_request"));
  g_assert_cmpstr (json_object_get_string_member (ticket, "priority"), ==, "priority");

  /* Printed: back to the start by itself, with nothing of the visit left. */
  wait_screen (HALL_KIOSK_PAGE (page), "start", 20);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "code_label"))), ==, "");
  close_kiosk (window);
}

/* The printer fails (here: a PDF that cannot be written): the screen says so and keeps the
 * number, and does not go back to the start by itself before the idle timeout. */
static void
test_printer_error (void)
{
  GtkWindow  *window;
  GtkWidget  *page = new_kiosk (&window);
  GtkWidget  *print_label = hall_ui_test_find (page, "print_label");
  JsonObject *reply;
  const char *code;

  hall_kiosk_page_set_export_filename (HALL_KIOSK_PAGE (page), "/nonexistent-folder/ticket.pdf");
  g_object_set (page, "idle-seconds", 3, NULL);
  gtk_widget_activate (hall_ui_test_find (page, "choice-征地拆迁"));
  wait_screen (HALL_KIOSK_PAGE (page), "details", 5);
  press (page, "kiosk.take", NULL);
  wait_screen (HALL_KIOSK_PAGE (page), "ticket", HALL_TEST_SERVER_TIMEOUT);
  hall_ui_test_wait (not_busy, page, HALL_TEST_SERVER_TIMEOUT, "the ticket");
  reply = hall_kiosk_page_get_last_ticket (HALL_KIOSK_PAGE (page));
  code = json_object_get_string_member (json_object_get_object_member (reply, "ticket"), "code");
  g_test_message ("printer error: %s", gtk_label_get_text (GTK_LABEL (print_label)));
  g_assert_true (gtk_widget_has_css_class (print_label, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (print_label)), "could not be printed"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (print_label)), code));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "code_label"))), ==,
                   code);
  /* Left alone, it goes back to the start only after the idle timeout. */
  wait_screen (HALL_KIOSK_PAGE (page), "start", 10);
  close_kiosk (window);
}

static void
test_status (void)
{
  GtkWindow       *window;
  GtkWidget       *page = new_kiosk (&window);
  g_autofree char *scan = g_strdup_printf ("%s %s", kiosk.number, kiosk.query_code);
  g_autofree char *wrong = g_strdup_printf ("%06d", (atoi (kiosk.query_code) + 1) % 1000000);
  GtkWidget       *code_error;

  press (page, "kiosk.query-start", NULL);
  wait_screen (HALL_KIOSK_PAGE (page), "query", 5);
  code_error = hall_ui_test_find (page, "code_error");

  /* A wrong code is refused at its field; the number stays. */
  hall_ui_test_type (page, "number_entry", kiosk.number);
  hall_ui_test_type (page, "code_entry", wrong);
  press (page, "kiosk.query", NULL);
  hall_ui_test_wait (label_shown, code_error, HALL_TEST_SERVER_TIMEOUT, "the refusal");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (code_error)), "do not match"));
  g_assert_cmpstr (hall_kiosk_page_get_screen (HALL_KIOSK_PAGE (page)), ==, "query");

  /* The receipt's QR code, as a scanner types it, with Enter. */
  hall_ui_test_type (page, "code_entry", "");
  hall_ui_test_type (page, "number_entry", scan);
  hall_ui_test_press_enter (page, "number_entry");
  wait_screen (HALL_KIOSK_PAGE (page), "status", HALL_TEST_SERVER_TIMEOUT);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "status_number_label"))),
                   ==, kiosk.number);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "state_label"))), !=,
                   "");
  g_assert_nonnull (strstr (
      gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "status_details_label"))),
      "Decision on acceptance due by"));
  assert_screens_clean (page, "the status screen");

  /* Five wrong codes lock a number: the sixth try is told when to come back. */
  press (page, "kiosk.query-start", NULL);
  for (int i = 0; i < 6; i++)
    {
      gtk_widget_set_visible (code_error, FALSE);
      hall_ui_test_type (page, "number_entry", "XF2026-999999");
      hall_ui_test_type (page, "code_entry", "000000");
      press (page, "kiosk.query", NULL);
      hall_ui_test_wait (label_shown, code_error, HALL_TEST_SERVER_TIMEOUT, "the refusal");
    }
  g_test_message ("after six wrong codes: %s", gtk_label_get_text (GTK_LABEL (code_error)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (code_error)), "Try again in 15 minutes"));
  close_kiosk (window);
}

static void
test_idle (void)
{
  GtkWindow *window;
  GtkWidget *page = new_kiosk (&window);

  g_object_set (page, "idle-seconds", 2, NULL);
  gtk_widget_activate (hall_ui_test_find (page, "choice-征地拆迁"));
  wait_screen (HALL_KIOSK_PAGE (page), "details", 5);
  press (page, NULL, "4301021985");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (page, "id_entry"))), ==,
                   "4301021985");
  /* Nobody touches it: the next visitor finds the start, and no number. */
  wait_screen (HALL_KIOSK_PAGE (page), "start", 10);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (page, "id_entry"))), ==,
                   "");
  close_kiosk (window);
}

/* Everything the kiosk account can ask for, over HTTP: nothing names the petitioner. */
static void
test_kiosk_replies (void)
{
  g_autofree char *token = hall_test_server_login (kiosk.server, "kiosk1", "kiosk", 0);
  const char      *reads[][2] = {
         { "hall.snapshot", "{}" },
         { "hall.info", "{}" },
         { "leader.today", "{}" },
         { "events.since", "{\"since\": 0}" },
         { "session.whoami", "{}" },
  };
  g_autofree char *status_body = NULL;
  g_autoptr (JsonObject) issued = NULL;
  g_autoptr (JsonObject) status = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (reads); i++)
    {
      guint            code = 0;
      g_autofree char *path = g_strdup_printf ("/api/v1/%s", reads[i][0]);
      g_autofree char *body = hall_test_server_request (kiosk.server, "POST", path, token,
                                                        reads[i][1], strlen (reads[i][1]), &code);

      g_test_message ("%s: %u", reads[i][0], code);
      g_assert_cmpuint (code, ==, 200);
      assert_nothing_personal (reads[i][0], body);
    }
  /* The kiosk typing the person's own particulars learns nothing about them either. */
  issued = hall_test_server_ok (
      kiosk.server, token, "ticket.issue",
      "{\"category_id\": %" G_GINT64_FORMAT ", \"priority\": \"priority\", \"petitioner\": "
      "{\"name\": \"" PETITIONER_NAME "\", \"id_number\": \"" PETITIONER_ID "\"}}",
      kiosk.category_id);
  g_assert_true (json_node_get_node_type (json_object_get_member (issued, "repeat_visits"))
                 == JSON_NODE_NULL);
  g_assert_false (json_object_has_member (json_object_get_object_member (issued, "ticket"),
                                          "petitioner_id"));
  /* Priority asked for at a kiosk is a request for the manager, not priority. */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (issued, "ticket"),
                                                  "priority"),
                   ==, "normal");
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (issued, "ticket"),
                                                 "green_request"));
  status = hall_test_server_ok (kiosk.server, token, "status.query",
                                "{\"number\": \"%s\", \"query_code\": \"%s\"}", kiosk.number,
                                kiosk.query_code);
  g_assert_nonnull (json_object_get_string_member (status, "department_name"));
  status_body = object_text (status);
  assert_nothing_personal ("status.query", status_body);
}

int
main (int   argc,
      char *argv[])
{
  char *data_dir = hall_ui_test_init (&argc, &argv);
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (JsonObject) info = NULL;
  g_autoptr (GError) error = NULL;
  JsonArray *categories;
  int        status;

  kiosk.server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  kiosk.dir = g_dir_make_tmp ("hall-kiosk-XXXXXX", &error);
  g_assert_no_error (error);
  kiosk.manager = hall_test_server_add_user_login (kiosk.server, "manager1", "manager", NULL, 0);
  hall_test_server_add_user (kiosk.server, "kiosk1", "kiosk", NULL, NULL);
  info = hall_test_server_ok (kiosk.server, kiosk.manager, "hall.info", "{}");
  categories = json_object_get_array_member (info, "categories");
  for (guint i = 0; i < json_array_get_length (categories); i++)
    {
      JsonObject *category = json_array_get_object_element (categories, i);

      if (g_strcmp0 (json_object_get_string_member (category, "name"), "征地拆迁") == 0)
        {
          kiosk.category_id = json_object_get_int_member (category, "id");
          kiosk.department_id = json_object_get_int_member (category, "department_id");
        }
    }
  g_assert_cmpint (kiosk.category_id, >, 0);
  matter = hall_test_server_ok (
      kiosk.server, kiosk.manager, "matter.register",
      "{\"channel\": \"visit\", \"type\": \"claim\", \"category_id\": %" G_GINT64_FORMAT ", "
      "\"content\": \"村里征地补偿款至今未发放。\", \"petitioners\": [{\"name\": \"" PETITIONER_NAME
      "\", \"id_number\": \"" PETITIONER_ID "\", \"phone\": \"" PETITIONER_PHONE "\"}]}",
      kiosk.category_id);
  kiosk.number = g_strdup (json_object_get_string_member (matter, "number"));
  kiosk.query_code = g_strdup (json_object_get_string_member (matter, "query_code"));

  g_test_add_func ("/kiosk/ticket", test_ticket);
  g_test_add_func ("/kiosk/printer-error", test_printer_error);
  g_test_add_func ("/kiosk/status", test_status);
  g_test_add_func ("/kiosk/idle", test_idle);
  g_test_add_func ("/kiosk/kiosk-replies", test_kiosk_replies);
  status = hall_ui_test_run (data_dir);

  hall_test_server_free (kiosk.server);
  g_free (kiosk.manager);
  g_free (kiosk.number);
  g_free (kiosk.query_code);
  hall_test_rm_rf (kiosk.dir);
  g_free (kiosk.dir);
  return status;
}
