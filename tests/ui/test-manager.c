/* test-manager.c — the hall manager's workspace under Xvfb, driven through its actions: triage
 * issues a ticket, the queue moves, transfers (with a reason) and reactivates tickets, the roster
 * puts a leader on duty today
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "hall-json-item.h"
#include "hall-escalations-page.h"
#include "hall-local-client.h"
#include "hall-queue-page.h"
#include "hall-roster-page.h"
#include "hall-test-util.h"
#include "hall-triage-page.h"
#include "hall-ui-test-util.h"
#include "hall-windows-page.h"
#include "hall-workspace.h"

static char *data_dir;

typedef struct
{
  HallTestHall *hall;
  char         *token;
  char         *leader;
  HallClient   *client;
  GtkWidget    *window;
  GtkWidget    *workspace;
} Manager;

/* A hall with a manager and a leader, the manager signed in on a local client, the manager's
 * workspace in a window; the hall's clock at @local ("2026-10-12 21:00"), or the real time. */
static void
manager_start_at (Manager    *m,
                  const char *local)
{
  gboolean signed_in = FALSE;

  m->hall = hall_test_hall_new ();
  if (local != NULL)
    hall_engine_set_now (m->hall->engine, hall_test_time (local));
  m->token = hall_test_add_user (m->hall, "zhangli", "manager", "xinfang", 0);
  m->leader = hall_test_add_user (m->hall, "wangjianguo", "leader", NULL, 0);
  m->client = hall_local_client_new (m->hall->engine);
  hall_client_login_async (m->client, "zhangli", "password123", NULL, 0, NULL,
                           hall_ui_test_login_cb, &signed_in);
  hall_ui_test_wait (hall_ui_test_flag_set, &signed_in, 30, "sign-in");

  m->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (m->window), 1280, 800);
  m->workspace = hall_workspace_new ();
  gtk_window_set_child (GTK_WINDOW (m->window), m->workspace);
  hall_workspace_set_client (HALL_WORKSPACE (m->workspace), m->client);
  hall_workspace_set_role (HALL_WORKSPACE (m->workspace), "manager");
  gtk_window_present (GTK_WINDOW (m->window));
  hall_ui_test_flush ();
}

static void
manager_start (Manager *m)
{
  manager_start_at (m, NULL);
}

static void
manager_stop (Manager *m)
{
  gtk_window_destroy (GTK_WINDOW (m->window));
  hall_ui_test_flush ();
  g_clear_object (&m->client);
  hall_engine_shutdown (m->hall->engine);
  g_clear_pointer (&m->token, g_free);
  g_clear_pointer (&m->leader, g_free);
  g_clear_pointer (&m->hall, hall_test_hall_free);
}

static GtkWidget *
show_page (Manager    *m,
           const char *name)
{
  hall_workspace_show_page (HALL_WORKSPACE (m->workspace), name);
  g_assert_cmpstr (hall_workspace_get_visible_page_name (HALL_WORKSPACE (m->workspace)), ==, name);
  return hall_workspace_get_page (HALL_WORKSPACE (m->workspace), name);
}

static guint
combo_find (GtkWidget  *combo,
            const char *text)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

      if (strstr (gtk_string_object_get_string (item), text) != NULL)
        return i;
    }
  g_error ("No “%s” in the list", text);
  return 0;
}

static const char *
combo_text (GtkWidget *combo)
{
  return gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (combo)));
}

static gboolean
triage_ready (gpointer data)
{
  return hall_triage_page_get_ready (data);
}

static gboolean
triage_idle (gpointer data)
{
  return !hall_triage_page_get_busy (data);
}

static gboolean
triage_issued (gpointer data)
{
  return hall_triage_page_get_last_issued (data) != NULL && !hall_triage_page_get_busy (data);
}

static void
test_triage (void)
{
  Manager     m = { 0 };
  GtkWidget  *page;
  JsonObject *issued, *ticket;
  g_autoptr (JsonObject) again = NULL;

  manager_start (&m);
  page = show_page (&m, "triage");
  hall_ui_test_wait (triage_ready, page, 30, "the categories");

  /* Nothing picked: said on the form, nothing issued. */
  gtk_widget_activate_action (page, "triage.issue", NULL);
  hall_ui_test_flush ();
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "form_error")));
  g_assert_null (hall_triage_page_get_last_issued (HALL_TRIAGE_PAGE (page)));

  /* 征地拆迁 suggests 自然资源. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (page, "category")),
                              combo_find (hall_ui_test_find (page, "category"), "征地拆迁"));
  g_assert_nonnull (strstr (combo_text (hall_ui_test_find (page, "department")), "自然资源"));

  /* A wrong check digit is said as soon as the 18th character is typed. */
  hall_ui_test_type (page, "id_number", "110101199003070010");
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (page, "id_number"), "error"));
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "id_number_error")));
  gtk_widget_activate_action (page, "triage.issue", NULL);
  hall_ui_test_flush ();
  g_assert_null (hall_triage_page_get_last_issued (HALL_TRIAGE_PAGE (page)));

  /* A valid one is looked up: a first visit. */
  hall_ui_test_type (page, "id_number", "110101199003070011");
  g_assert_false (gtk_widget_has_css_class (hall_ui_test_find (page, "id_number"), "error"));
  hall_ui_test_wait (triage_idle, page, 30, "the lookup");
  g_assert_nonnull (hall_triage_page_get_lookup (HALL_TRIAGE_PAGE (page)));
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "repeat_warning")));
  g_assert_false (gtk_widget_has_css_class (hall_ui_test_find (page, "repeat_warning"), "repeat"));
  hall_ui_test_type (page, "name", "王小明");

  /* Five persons make a collective visit. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hall_ui_test_find (page, "persons")), 6);
  g_assert_cmpuint (
      adw_combo_row_get_selected (ADW_COMBO_ROW (hall_ui_test_find (page, "priority"))), ==, 2);

  gtk_widget_activate_action (page, "triage.issue", NULL);
  hall_ui_test_wait (triage_issued, page, 30, "the ticket");
  issued = hall_triage_page_get_last_issued (HALL_TRIAGE_PAGE (page));
  ticket = json_object_get_object_member (issued, "ticket");
  g_assert_cmpstr (json_object_get_string_member (ticket, "department_code"), ==, "ziranziyuan");
  g_assert_cmpstr (json_object_get_string_member (ticket, "priority"), ==, "collective");
  g_assert_cmpint (json_object_get_int_member (ticket, "persons"), ==, 6);
  /* The code, large, to tell the visitor; the form is ready for the next one. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "ticket_code"))), ==,
                   "Z001");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "ticket_position"))), !=,
                   "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (page, "id_number"))), ==,
                   "");
  g_assert_cmpuint (
      adw_combo_row_get_selected (ADW_COMBO_ROW (hall_ui_test_find (page, "category"))), ==, 0);

  /* Ctrl+Enter pressed twice gives no second ticket: the form is empty. */
  gtk_widget_activate_action (page, "triage.issue", NULL);
  hall_ui_test_flush ();
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "form_error")));
  again = hall_test_ok (m.hall, m.token, "ticket.list", "{\"state\": \"waiting\"}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (again, "tickets")), ==, 1);

  /* The same person again: a repeat visit, named. */
  hall_ui_test_type (page, "id_number", "110101199003070011");
  hall_ui_test_wait (triage_idle, page, 30, "the second lookup");
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (page, "repeat_warning"), "repeat"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (page, "name"))), ==,
                   "王小明");
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "history")));

  /* Collective with fewer than 5 is refused next to the persons count. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (page, "department")),
                              combo_find (hall_ui_test_find (page, "department"), "城建"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hall_ui_test_find (page, "persons")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (page, "priority")), 2);
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (page, "persons"), "error"));

  gtk_widget_activate_action (page, "triage.clear", NULL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "ticket_code"))), ==,
                   "—");
  manager_stop (&m);
}

static gboolean
queue_idle (gpointer data)
{
  return !hall_queue_page_get_busy (data);
}

typedef struct
{
  GListModel *model;
  const char *code;
  const char *member;
  const char *value;
  guint       position; /* G_MAXUINT: anywhere */
} TicketCheck;

/* The ticket @code is in @model (at @position) with @member equal to @value. */
static gboolean
ticket_is (gpointer data)
{
  TicketCheck *check = data;

  for (guint i = 0; i < g_list_model_get_n_items (check->model); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (check->model, i);
      JsonObject *ticket = hall_json_item_get_data (item);

      if (g_strcmp0 (json_object_get_string_member (ticket, "code"), check->code) != 0)
        continue;
      return (check->position == G_MAXUINT || check->position == i)
             && (check->member == NULL
                 || g_strcmp0 (json_object_get_string_member (ticket, check->member), check->value)
                        == 0);
    }
  return FALSE;
}

/* Whether the row of C002 is shown is what the page's "want-row" says. */
static gboolean
row_shown_is (gpointer data)
{
  gboolean want = GPOINTER_TO_INT (g_object_get_data (data, "want-row"));

  return (_hall_find_named (data, "ticket-C002") != NULL) == want;
}

static gint64
issue (Manager    *m,
       const char *department)
{
  g_autoptr (JsonObject) issued = NULL;
  issued = hall_test_ok (m->hall, m->token, "ticket.issue", "{\"department_id\": %s}", department);
  return json_object_get_int_member (json_object_get_object_member (issued, "ticket"), "id");
}

static void
test_queue (void)
{
  Manager          m = { 0 };
  g_autofree char *staff = NULL;
  g_autoptr (JsonObject) called = NULL;
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (JsonObject) got = NULL;
  GtkWidget        *page;
  AdwMessageDialog *dialog;
  JsonObject       *transfer;
  gint64            c3;
  TicketCheck       check;

  manager_start (&m);
  /* 城建 (2): C001 called and missed at window 2, then C002, C003 waiting. */
  staff = hall_test_add_user (m.hall, "lijing", "staff", "chengjian", 2);
  issue (&m, "2");
  issue (&m, "2");
  c3 = issue (&m, "2");
  reply = hall_test_ok (m.hall, staff, "counter.open", "{}");
  called = hall_test_ok (m.hall, staff, "counter.call_next", "{}");
  g_clear_pointer (&reply, json_object_unref);
  reply = hall_test_ok (
      m.hall, staff, "ticket.no_show", "{\"ticket_id\": %" G_GINT64_FORMAT "}",
      json_object_get_int_member (json_object_get_object_member (called, "ticket"), "id"));

  page = show_page (&m, "queue");
  check = (TicketCheck){ hall_queue_page_get_no_show (HALL_QUEUE_PAGE (page)), "C001", "state",
                         "no_show", 0 };
  hall_ui_test_wait (ticket_is, &check, 30, "the missed ticket");
  hall_ui_test_wait (queue_idle, page, 30, "the queue");
  g_assert_cmpuint (g_list_model_get_n_items (hall_queue_page_get_waiting (HALL_QUEUE_PAGE (page))),
                    ==, 2);

  /* C003 to the front of the queue. */
  gtk_widget_activate_action (page, "queue.front", "x", c3);
  check =
      (TicketCheck){ hall_queue_page_get_waiting (HALL_QUEUE_PAGE (page)), "C003", NULL, NULL, 0 };
  hall_ui_test_wait (ticket_is, &check, 30, "C003 at the front");

  /* Finding a ticket by its code narrows the list; clearing the search shows all again. */
  hall_ui_test_type (page, "queue_search", "c003");
  g_object_set_data (G_OBJECT (page), "want-row", NULL);
  hall_ui_test_wait (row_shown_is, page, 30, "the search to hide C002");
  g_assert_nonnull (hall_ui_test_find (page, "ticket-C003"));
  hall_ui_test_type (page, "queue_search", "");
  g_object_set_data (G_OBJECT (page), "want-row", GINT_TO_POINTER (1));
  hall_ui_test_wait (row_shown_is, page, 30, "C002 back");

  /* Transfer C003 to 民政: the reason is required before the dialog lets it go. */
  gtk_widget_activate_action (page, "queue.transfer", "x", c3);
  dialog = hall_queue_page_get_dialog (HALL_QUEUE_PAGE (page));
  g_assert_nonnull (dialog);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "transfer"));
  adw_combo_row_set_selected (
      ADW_COMBO_ROW (hall_ui_test_find (GTK_WIDGET (dialog), "transfer_department")),
      combo_find (hall_ui_test_find (GTK_WIDGET (dialog), "transfer_department"), "民政"));
  hall_ui_test_type (GTK_WIDGET (dialog), "transfer_reason", "   ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "transfer"));
  hall_ui_test_type (GTK_WIDGET (dialog), "transfer_reason", "低保问题，应由民政窗口办理");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "transfer"));
  adw_message_dialog_response (dialog, "transfer");
  gtk_window_close (GTK_WINDOW (dialog));
  check = (TicketCheck){ hall_queue_page_get_waiting (HALL_QUEUE_PAGE (page)), "C003",
                         "department_code", "minzheng", G_MAXUINT };
  hall_ui_test_wait (ticket_is, &check, 30, "C003 in 民政's queue");
  hall_ui_test_wait (queue_idle, page, 30, "the queue");
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (page, "queue_error")));
  g_assert_null (hall_queue_page_get_dialog (HALL_QUEUE_PAGE (page)));
  got = hall_test_ok (m.hall, m.token, "ticket.get", "{\"ticket_id\": %" G_GINT64_FORMAT "}", c3);
  transfer = json_array_get_object_element (
      json_object_get_array_member (json_object_get_object_member (got, "ticket"), "transfers"), 0);
  g_assert_cmpstr (json_object_get_string_member (transfer, "reason"), ==, "低保问题，应由民政窗口办理");
  g_assert_cmpint (json_object_get_int_member (transfer, "to_department_id"), ==, 3);

  /* The missed visitor came back: waiting again, no longer missed. */
  gtk_widget_activate_action (
      page, "queue.reactivate", "x",
      json_object_get_int_member (json_object_get_object_member (called, "ticket"), "id"));
  check = (TicketCheck){ hall_queue_page_get_waiting (HALL_QUEUE_PAGE (page)), "C001", "state",
                         "waiting", G_MAXUINT };
  hall_ui_test_wait (ticket_is, &check, 30, "C001 waiting again");
  hall_ui_test_wait (queue_idle, page, 30, "the queue");
  g_assert_cmpuint (g_list_model_get_n_items (hall_queue_page_get_no_show (HALL_QUEUE_PAGE (page))),
                    ==, 0);

  /* A refused change is said on the page: C001 is no longer missed. */
  gtk_widget_activate_action (
      page, "queue.reactivate", "x",
      json_object_get_int_member (json_object_get_object_member (called, "ticket"), "id"));
  hall_ui_test_wait (queue_idle, page, 30, "the refusal");
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "queue_error")));
  manager_stop (&m);
}

static gboolean
roster_idle (gpointer data)
{
  return hall_roster_page_get_roster (data) != NULL && hall_roster_page_get_today (data) != NULL
         && !hall_roster_page_get_busy (data);
}

/* The leaders on @date in the roster shown, "name/slot" joined by commas. */
static char *
roster_day (HallRosterPage *page,
            const char     *date)
{
  JsonArray *days = json_object_get_array_member (hall_roster_page_get_roster (page), "days");
  GString   *text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (days); i++)
    {
      JsonObject *day = json_array_get_object_element (days, i);
      JsonArray  *leaders = json_object_get_array_member (day, "leaders");

      if (g_strcmp0 (json_object_get_string_member (day, "date"), date) != 0)
        continue;
      for (guint j = 0; j < json_array_get_length (leaders); j++)
        {
          JsonObject *leader = json_array_get_object_element (leaders, j);
          g_string_append_printf (text, "%s%s/%s", j ? "," : "",
                                  json_object_get_string_member (leader, "display_name"),
                                  json_object_get_string_member (leader, "slot"));
        }
    }
  return g_string_free (text, FALSE);
}

static void
test_roster (void)
{
  Manager          m = { 0 };
  g_autofree char *today_row = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *first_from = NULL;
  g_autoptr (JsonObject) today = NULL;
  GtkWidget        *page, *row;
  AdwMessageDialog *dialog;
  const char       *date;

  manager_start (&m);
  page = show_page (&m, "roster");
  hall_ui_test_wait (roster_idle, page, 30, "the roster");
  date = hall_roster_page_get_today (HALL_ROSTER_PAGE (page));

  /* Today's row says it is today and that nobody is on duty. */
  today_row = g_strdup_printf ("day-%s", date);
  row = hall_ui_test_find (page, today_row);
  g_assert_true (gtk_widget_has_css_class (row, "roster-today"));
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));

  gtk_widget_activate_action (page, "roster.add", "s", date);
  dialog = hall_roster_page_get_dialog (HALL_ROSTER_PAGE (page));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  adw_combo_row_set_selected (
      ADW_COMBO_ROW (hall_ui_test_find (GTK_WIDGET (dialog), "duty_leader")),
      combo_find (hall_ui_test_find (GTK_WIDGET (dialog), "duty_leader"), "wangjianguo"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (GTK_WIDGET (dialog), "duty_slot")),
                              1);
  hall_ui_test_type (GTK_WIDGET (dialog), "duty_note", "二楼接访室");
  adw_message_dialog_response (dialog, "add");
  gtk_window_close (GTK_WINDOW (dialog));
  hall_ui_test_flush ();
  hall_ui_test_wait (roster_idle, page, 30, "the roster after the change");
  shown = roster_day (HALL_ROSTER_PAGE (page), date);
  g_assert_cmpstr (shown, ==, "wangjianguo/am");
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (page, "roster_error")));

  /* The hall agrees: today's duty leader, with the room. */
  today = hall_test_ok (m.hall, m.token, "leader.today", "{}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (today, "leaders")), ==, 1);
  g_assert_cmpstr (
      json_object_get_string_member (
          json_array_get_object_element (json_object_get_array_member (today, "leaders"), 0),
          "note"),
      ==, "二楼接访室");

  /* Next week and back. */
  first_from = g_strdup (json_object_get_string_member (
      hall_roster_page_get_roster (HALL_ROSTER_PAGE (page)), "from"));
  gtk_widget_activate_action (page, "roster.next", NULL);
  hall_ui_test_wait (roster_idle, page, 30, "next week");
  g_assert_cmpstr (
      json_object_get_string_member (hall_roster_page_get_roster (HALL_ROSTER_PAGE (page)), "from"),
      >, first_from);
  gtk_widget_activate_action (page, "roster.this-week", NULL);
  hall_ui_test_wait (roster_idle, page, 30, "this week");
  g_assert_cmpstr (
      json_object_get_string_member (hall_roster_page_get_roster (HALL_ROSTER_PAGE (page)), "from"),
      ==, first_from);

  /* Taking the leader off asks first, then clears the day. */
  gtk_widget_activate_action (
      page, "roster.remove", "(sx)", date,
      json_object_get_int_member (
          json_array_get_object_element (json_object_get_array_member (today, "leaders"), 0),
          "user_id"));
  dialog = hall_roster_page_get_dialog (HALL_ROSTER_PAGE (page));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "remove");
  gtk_window_close (GTK_WINDOW (dialog));
  hall_ui_test_flush ();
  hall_ui_test_wait (roster_idle, page, 30, "the roster after removing");
  g_clear_pointer (&shown, g_free);
  shown = roster_day (HALL_ROSTER_PAGE (page), date);
  g_assert_cmpstr (shown, ==, "");
  manager_stop (&m);
}

/* The page shows the lapsed escalations and the leaders on duty it is told to wait for
 * (its "lapsed" and "leaders" data). */
static gboolean
escalations_are (gpointer data)
{
  JsonObject *shown = hall_escalations_page_get_data (data);

  return shown != NULL && !hall_escalations_page_get_busy (data)
         && json_object_get_int_member (shown, "lapsed")
                == GPOINTER_TO_INT (g_object_get_data (data, "lapsed"))
         && json_array_get_length (json_object_get_array_member (shown, "leaders"))
                == GPOINTER_TO_UINT (g_object_get_data (data, "leaders"));
}

static void
escalations_wait (GtkWidget  *page,
                  int         lapsed,
                  guint       leaders,
                  const char *what)
{
  g_object_set_data (G_OBJECT (page), "lapsed", GINT_TO_POINTER (lapsed));
  g_object_set_data (G_OBJECT (page), "leaders", GUINT_TO_POINTER (leaders));
  hall_ui_test_wait (escalations_are, page, 30, what);
}

static gint64
user_id (Manager    *m,
         const char *token)
{
  g_autoptr (JsonObject) whoami = hall_test_ok (m->hall, token, "session.whoami", "{}");

  return json_object_get_int_member (json_object_get_object_member (whoami, "user"), "id");
}

static void
put_on_duty (Manager    *m,
             const char *date,
             gint64      leader_id)
{
  g_autoptr (JsonObject) duty =
      hall_test_ok (m->hall, m->token, "leader.duty",
                    "{\"date\": \"%s\", \"user_id\": %" G_GINT64_FORMAT "}", date, leader_id);
}

/* Registers a matter and escalates it; returns the escalation's id, its matter's in *@matter_id. */
static gint64
escalate (Manager    *m,
          const char *content,
          gint64     *matter_id)
{
  g_autoptr (JsonObject) registered = NULL;
  g_autoptr (JsonObject) reply = NULL;

  registered = hall_test_ok (
      m->hall, m->token, "matter.register",
      "{\"channel\": \"visit\", \"type\": \"claim\", \"content\": \"%s\","
      " \"petitioners\": [{\"name\": \"王小明\", \"id_number\": \"110101199003070011\"}]}",
      content);
  *matter_id = json_object_get_int_member (registered, "matter_id");
  reply = hall_test_ok (m->hall, m->token, "matter.escalate",
                        "{\"matter_id\": %" G_GINT64_FORMAT "}", *matter_id);
  return json_object_get_int_member (json_object_get_object_member (reply, "escalation"), "id");
}

static JsonObject *
escalation_get (GtkWidget *page,
                gint64     id)
{
  JsonArray *escalations = json_object_get_array_member (
      hall_escalations_page_get_data (HALL_ESCALATIONS_PAGE (page)), "escalations");

  for (guint i = 0; i < json_array_get_length (escalations); i++)
    if (json_object_get_int_member (json_array_get_object_element (escalations, i), "id") == id)
      return json_array_get_object_element (escalations, i);
  return NULL;
}

static gboolean
escalations_show (gpointer data)
{
  JsonObject *shown = hall_escalations_page_get_data (data);
  JsonArray  *leaders = shown ? json_object_get_array_member (shown, "leaders") : NULL;
  JsonArray  *visitors;

  if (hall_escalations_page_get_busy (data) || leaders == NULL
      || json_array_get_length (leaders) != 1)
    return FALSE;
  visitors = json_object_get_array_member (json_array_get_object_element (leaders, 0), "visitors");
  return visitors != NULL
         && json_array_get_length (visitors) == GPOINTER_TO_UINT (g_object_get_data (data, "want"));
}

static void
test_escalations (void)
{
  Manager m = { 0 };
  g_autoptr (JsonObject) info = NULL;
  GtkWidget *page;
  GtkWindow *window;
  gint64     matter_id;

  manager_start (&m);
  page = show_page (&m, "escalations");
  /* Nobody on duty today: said, in words. */
  escalations_wait (page, 0, 0, "the escalations");
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "no_leader")));

  info = hall_test_ok (m.hall, m.token, "hall.info", "{}");
  put_on_duty (&m, json_object_get_string_member (info, "today"), user_id (&m, m.leader));
  escalations_wait (page, 0, 1, "today's leader");
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (page, "no_leader")));

  /* A matter escalated: the leader's queue shows it, live. */
  escalate (&m, "拆迁补偿款至今未发放", &matter_id);
  g_object_set_data (G_OBJECT (page), "want", GUINT_TO_POINTER (1));
  hall_ui_test_wait (escalations_show, page, 30, "the escalated matter");
  /* Nobody received yet: the list says so after every refresh. */
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "no_receptions")));

  /* Its matter opens in a window of its own. */
  gtk_widget_activate_action (page, "escalations.open-matter", "x", matter_id);
  window = hall_escalations_page_get_matter_window (HALL_ESCALATIONS_PAGE (page));
  g_assert_nonnull (window);
  gtk_window_destroy (window);
  hall_ui_test_flush ();
  g_assert_null (hall_escalations_page_get_matter_window (HALL_ESCALATIONS_PAGE (page)));
  manager_stop (&m);
}

typedef struct
{
  HallWindowsPage *page;
  gint64           counter_id;
  const char      *state;
} WindowCheck;

static JsonObject *
shown_window (HallWindowsPage *page,
              gint64           counter_id)
{
  JsonArray *counters = hall_windows_page_get_counters (page);

  for (guint i = 0; counters && i < json_array_get_length (counters); i++)
    if (json_object_get_int_member (json_array_get_object_element (counters, i), "id")
        == counter_id)
      return json_array_get_object_element (counters, i);
  return NULL;
}

static gboolean
window_is (gpointer data)
{
  WindowCheck *check = data;
  JsonObject  *counter = shown_window (check->page, check->counter_id);

  return !hall_windows_page_get_busy (check->page) && counter != NULL
         && g_strcmp0 (json_object_get_string_member (counter, "state"), check->state) == 0;
}

static void
respond (AdwMessageDialog *dialog,
         const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  hall_ui_test_flush ();
}

/* Two escalations the leader did not receive on their day: escalating one again is refused
 * while nobody is on duty, then goes to the leader the manager chooses; the other is left with
 * its department. */
static void
test_lapsed_escalations (void)
{
  Manager m = { 0 };
  g_autoptr (JsonObject) queue = NULL;
  g_autoptr (JsonObject) matter = NULL;
  g_autofree char  *leader2 = NULL;
  GtkWidget        *page;
  GtkListBox       *lapsed;
  AdwMessageDialog *dialog;
  JsonArray        *visitors, *timeline;
  gint64            first, second, first_matter, second_matter, leader_id, leader2_id;

  /* Monday evening: two matters wait for 王建国, who does not receive them. */
  manager_start_at (&m, "2026-10-12 21:00");
  leader_id = user_id (&m, m.leader);
  put_on_duty (&m, "2026-10-12", leader_id);
  first = escalate (&m, "拆迁补偿款至今未发放", &first_matter);
  second = escalate (&m, "小区路灯长期不亮", &second_matter);
  page = show_page (&m, "escalations");
  escalations_wait (page, 0, 1, "Monday's escalations");
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "no_lapsed")));

  /* Tuesday: Monday's two were not received on their day; they come first, in their own group. */
  hall_engine_set_now (m.hall->engine, hall_test_time ("2026-10-13 08:30"));
  gtk_widget_activate_action (page, "escalations.refresh", NULL);
  escalations_wait (page, 2, 0, "the lapsed escalations");
  lapsed = GTK_LIST_BOX (hall_ui_test_find (page, "lapsed"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (lapsed, 1));
  g_assert_null (gtk_list_box_get_row_at_index (lapsed, 2));
  g_assert_cmpstr (adw_preferences_group_get_title (
                       ADW_PREFERENCES_GROUP (hall_ui_test_find (page, "lapsed_group"))),
                   ==, "Not Received on Their Day (2)");
  g_assert_cmpstr (json_object_get_string_member (escalation_get (page, first), "state"), ==,
                   "lapsed");
  g_assert_cmpstr (json_object_get_string_member (escalation_get (page, first), "date"), ==,
                   "2026-10-12");

  /* Nobody is on duty yet: escalating again is refused, and the row stays, saying why. */
  gtk_widget_activate_action (page, "escalations.escalate-again", "x", first);
  g_assert_true (hall_escalations_page_get_busy (HALL_ESCALATIONS_PAGE (page)));
  escalations_wait (page, 2, 0, "the refusal");
  g_assert_nonnull (strstr (
      adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (lapsed, 0))),
      "Not done: No leader is on duty today"));

  /* 王建国 and 李静 on duty: escalating again asks which of them; 李静 gets it in her queue. */
  leader2 = hall_test_add_user (m.hall, "lijing", "leader", NULL, 0);
  leader2_id = user_id (&m, leader2);
  put_on_duty (&m, "2026-10-13", leader_id);
  put_on_duty (&m, "2026-10-13", leader2_id);
  escalations_wait (page, 2, 2, "two leaders on duty");
  gtk_widget_activate_action (page, "escalations.escalate-again", "x", first);
  dialog = hall_escalations_page_get_dialog (HALL_ESCALATIONS_PAGE (page));
  g_assert_nonnull (dialog);
  adw_combo_row_set_selected (
      ADW_COMBO_ROW (hall_ui_test_find (GTK_WIDGET (dialog), "again_leader")),
      combo_find (hall_ui_test_find (GTK_WIDGET (dialog), "again_leader"), "lijing"));
  respond (dialog, "escalate");
  escalations_wait (page, 1, 2, "the escalation sent again");
  g_assert_null (escalation_get (page, first));
  g_assert_null (gtk_list_box_get_row_at_index (lapsed, 1));
  queue = hall_test_ok (m.hall, m.token, "leader.queue",
                        "{\"leader_user_id\": %" G_GINT64_FORMAT "}", leader2_id);
  visitors = json_object_get_array_member (queue, "visitors");
  g_assert_cmpuint (json_array_get_length (visitors), ==, 1);
  g_assert_cmpint (
      json_object_get_int_member (json_array_get_object_element (visitors, 0), "matter_id"), ==,
      first_matter);

  /* Left with its department: asks first, with an optional note, and the timeline says so last. */
  gtk_widget_activate_action (page, "escalations.leave", "x", second);
  dialog = hall_escalations_page_get_dialog (HALL_ESCALATIONS_PAGE (page));
  g_assert_nonnull (dialog);
  hall_ui_test_type (GTK_WIDGET (dialog), "leave_note", "已由住建局电话答复");
  respond (dialog, "leave");
  escalations_wait (page, 0, 2, "the escalation left with its department");
  g_assert_null (escalation_get (page, second));
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "no_lapsed")));
  matter = hall_test_ok (m.hall, m.token, "matter.get", "{\"matter_id\": %" G_GINT64_FORMAT "}",
                         second_matter);
  timeline = json_object_get_array_member (matter, "timeline");
  g_assert_cmpstr (
      json_object_get_string_member (
          json_array_get_object_element (timeline, json_array_get_length (timeline) - 1), "kind"),
      ==, "escalation_left");
  manager_stop (&m);
}

static void
test_windows (void)
{
  Manager m = { 0 };
  g_autoptr (JsonObject) info = NULL;
  GtkWidget        *page;
  AdwMessageDialog *dialog;
  JsonArray        *served;
  WindowCheck       check;

  manager_start (&m);
  page = show_page (&m, "windows");
  check = (WindowCheck){ HALL_WINDOWS_PAGE (page), 5, "closed" };
  hall_ui_test_wait (window_is, &check, 30, "the windows");

  /* The manager opens window 5, pauses it with a reason, resumes it. */
  gtk_widget_activate_action (page, "windows.open", "x", (gint64) 5);
  check.state = "open";
  hall_ui_test_wait (window_is, &check, 30, "window 5 open");
  gtk_widget_activate_action (page, "windows.pause", "x", (gint64) 5);
  dialog = hall_windows_page_get_dialog (HALL_WINDOWS_PAGE (page));
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "pause"));
  hall_ui_test_type (GTK_WIDGET (dialog), "pause_reason", "系统维护");
  respond (dialog, "pause");
  check.state = "paused";
  hall_ui_test_wait (window_is, &check, 30, "window 5 paused");
  g_assert_cmpstr (
      json_object_get_string_member (shown_window (HALL_WINDOWS_PAGE (page), 5), "pause_reason"),
      ==, "系统维护");
  gtk_widget_activate_action (page, "windows.resume", "x", (gint64) 5);
  check.state = "open";
  hall_ui_test_wait (window_is, &check, 30, "window 5 resumed");

  /* Window 5 serves 人社 alone by default; 城建 is added. Unticking all is not offered. */
  gtk_widget_activate_action (page, "windows.departments", "x", (gint64) 5);
  dialog = hall_windows_page_get_dialog (HALL_WINDOWS_PAGE (page));
  g_assert_true (gtk_check_button_get_active (
      GTK_CHECK_BUTTON (hall_ui_test_find (GTK_WIDGET (dialog), "department-5"))));
  gtk_check_button_set_active (
      GTK_CHECK_BUTTON (hall_ui_test_find (GTK_WIDGET (dialog), "department-5")), FALSE);
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_check_button_set_active (
      GTK_CHECK_BUTTON (hall_ui_test_find (GTK_WIDGET (dialog), "department-5")), TRUE);
  gtk_check_button_set_active (
      GTK_CHECK_BUTTON (hall_ui_test_find (GTK_WIDGET (dialog), "department-2")), TRUE);
  respond (dialog, "save");
  hall_ui_test_wait (window_is, &check, 30, "the saved departments");
  info = hall_test_ok (m.hall, m.token, "hall.info", "{}");
  served = json_object_get_array_member (
      json_array_get_object_element (json_object_get_array_member (info, "counters"), 4),
      "department_ids");
  g_assert_cmpuint (json_array_get_length (served), ==, 2);

  /* Closing asks first. */
  gtk_widget_activate_action (page, "windows.close", "x", (gint64) 5);
  dialog = hall_windows_page_get_dialog (HALL_WINDOWS_PAGE (page));
  g_assert_nonnull (dialog);
  respond (dialog, "close");
  check.state = "closed";
  hall_ui_test_wait (window_is, &check, 30, "window 5 closed");
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (page, "windows_error")));
  manager_stop (&m);
}

int
main (int   argc,
      char *argv[])
{
  data_dir = hall_ui_test_init (&argc, &argv);

  g_test_add_func ("/manager/triage", test_triage);
  g_test_add_func ("/manager/queue", test_queue);
  g_test_add_func ("/manager/roster", test_roster);
  g_test_add_func ("/manager/escalations", test_escalations);
  g_test_add_func ("/manager/lapsed-escalations", test_lapsed_escalations);
  g_test_add_func ("/manager/windows", test_windows);
  return hall_ui_test_run (data_dir);
}
