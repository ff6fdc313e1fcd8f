/* test-leader-ui.c — a leader's day in the app: reception, charged matters, this week's
 * forecast (supervision and talks: test-supervision-ui.c)
 *
 * A real hall (engine and SQLite file) with a duty leader today and a visitor escalated from
 * window 2; the leader's pages run under Xvfb against it through a local client and are driven
 * through their actions, as the keyboard and buttons do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include <adwaita.h>

#include "hall-board-page.h"
#include "hall-charges-page.h"
#include "hall-json-item.h"
#include "hall-local-client.h"
#include "hall-reception-form.h"
#include "hall-reception-page.h"
#include "hall-supervision-page.h"
#include "hall-test-util.h"
#include "hall-ui-test-leader.h"
#include "hall-ui-test-util.h"

static char *data_dir;

/* A visitor takes a number for 城建, window 2 registers their matter and sends them to the leader. */
static gint64
escalated_visitor (HallUiTestLeader *f)
{
  g_autoptr (JsonObject) ticket = NULL;
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) called = NULL;
  g_autoptr (JsonObject) escalated = NULL;
  gint64 ticket_id;
  gint64 matter_id;

  ticket = hall_test_ok (f->hall, f->kiosk, "ticket.issue", "{\"department_id\":2,\"persons\":2}");
  r = hall_test_ok (f->hall, f->staff, "counter.open", NULL);
  called = hall_test_ok (f->hall, f->staff, "counter.call_next", NULL);
  ticket_id = json_object_get_int_member (json_object_get_object_member (ticket, "ticket"), "id");
  matter_id = hall_test_register_visit (f->hall, f->staff, ticket_id, NULL);
  escalated = hall_test_ok (
      f->hall, f->staff, "matter.escalate",
      "{\"matter_id\":%" G_GINT64_FORMAT ",\"note\":\"诉求强烈，要求见领导\"}", matter_id);
  return matter_id;
}

static gboolean
form_ready (gpointer data)
{
  return hall_reception_form_get_ready (data);
}

static gboolean
reception_on_list (gpointer data)
{
  return g_strcmp0 (hall_reception_page_get_view (data), "list") == 0;
}

static gboolean
deadline_has_error (gpointer data)
{
  return hall_ui_test_has_error (hall_ui_test_find (data, "deadline"));
}

static gboolean
duty_said (gpointer data)
{
  return *gtk_label_get_text (data) != '\0';
}

/* The leader sees the visitor, calls them in, fills the record assigning two departments with a
 * deadline; the matter's timeline shows the instruction and the assignments. */
static void
test_reception (HallUiTestLeader *f,
                gconstpointer     data)
{
  gint64      matter_id = escalated_visitor (f);
  GtkWidget  *page = hall_reception_page_new (f->client);
  GtkWidget  *window = hall_ui_test_leader_show (page);
  GListModel *visitors = hall_reception_page_get_visitors (HALL_RECEPTION_PAGE (page));
  GtkWidget  *form = hall_reception_page_get_form (HALL_RECEPTION_PAGE (page));
  g_autoptr (HallJsonItem) item = NULL;
  g_autoptr (JsonObject) matter = NULL;
  JsonObject *visitor, *instruction;
  JsonArray  *assignments;
  gint64      escalation_id;

  hall_ui_test_wait_count (visitors, 1, "the escalated visitor");
  hall_ui_test_wait (duty_said, hall_ui_test_find (page, "duty"), 30, "today’s duty");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "duty"))), ==,
                   "You receive visitors all day");
  item = g_list_model_get_item (visitors, 0);
  visitor = hall_json_item_get_data (item);
  g_assert_cmpint (json_object_get_int_member (visitor, "matter_id"), ==, matter_id);
  g_assert_cmpstr (json_object_get_string_member (visitor, "state"), ==, "waiting");
  g_assert_cmpstr (json_object_get_string_member (visitor, "ticket_code"), ==, "C001");
  escalation_id = json_object_get_int_member (visitor, "escalation_id");
  g_assert_nonnull (hall_ui_test_find (page, "visitor-1"));

  /* Call them in: the record opens, filled in from the matter and its petitioner. */
  gtk_widget_activate_action (page, "reception.call", "x", escalation_id);
  hall_ui_test_wait (form_ready, form, 30, "the reception record");
  g_assert_cmpstr (hall_reception_page_get_view (HALL_RECEPTION_PAGE (page)), ==, "form");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (form, "name"))), ==,
                   "王小明");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (form, "id_number"))), ==,
                   "431228198001151236");
  g_assert_cmpint (
      gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (hall_ui_test_find (form, "persons"))), ==,
      2);
  /* The hall says the visitor was called in. */
  g_clear_object (&item);
  hall_ui_test_wait_count (visitors, 1, "the called visitor");
  {
    g_autoptr (JsonObject) queue = hall_test_ok (f->hall, f->leader, "leader.queue", NULL);
    JsonObject *first =
        json_array_get_object_element (json_object_get_array_member (queue, "visitors"), 0);
    g_assert_cmpstr (json_object_get_string_member (first, "state"), ==, "called");
  }

  /* A wrong ID number is said as it is typed, next to the field. */
  hall_ui_test_type (form, "id_number", "431228198001151237");
  g_assert_true (hall_ui_test_has_error (hall_ui_test_find (form, "id_number")));
  hall_ui_test_type (form, "id_number", "431228198001151236");
  g_assert_false (hall_ui_test_has_error (hall_ui_test_find (form, "id_number")));

  /* Without instructions nothing is sent. */
  hall_reception_form_set_department (HALL_RECEPTION_FORM (form), "chengjian", TRUE);
  hall_reception_form_set_department (HALL_RECEPTION_FORM (form), "minzheng", TRUE);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (form, "lead"))), ==,
                   "Lead: 城建; also assigned: 民政");
  gtk_widget_activate_action (form, "reception-form.submit", NULL);
  g_assert_true (hall_ui_test_has_error (hall_ui_test_find (form, "instructions")));
  hall_ui_test_type (form, "instructions", "城建局牵头、民政局配合，两周内督促物业维修电梯并答复信访人");

  /* A deadline past the matter's handling limit comes back from the hall, next to the deadline. */
  hall_ui_test_type (form, "deadline", "2027-06-01");
  gtk_widget_activate_action (form, "reception-form.submit", NULL);
  hall_ui_test_answer ("record");
  hall_ui_test_wait (deadline_has_error, form, 30, "the hall to refuse the deadline");
  g_assert_cmpstr (hall_reception_page_get_view (HALL_RECEPTION_PAGE (page)), ==, "form");

  /* Two weeks is fine: the record is kept, the visitor leaves the list. */
  hall_ui_test_type (form, "deadline", "2026-10-26");
  hall_ui_test_type (form, "result", "当场答复信访人，明确牵头单位和办理时限");
  /* Asked first: cancelling sends nothing. */
  gtk_widget_activate_action (form, "reception-form.submit", NULL);
  hall_ui_test_answer ("cancel");
  g_assert_cmpstr (hall_reception_page_get_view (HALL_RECEPTION_PAGE (page)), ==, "form");
  gtk_widget_activate_action (form, "reception-form.submit", NULL);
  hall_ui_test_answer ("record");
  hall_ui_test_wait (reception_on_list, page, 30, "the record to be kept");
  hall_ui_test_wait_count (visitors, 0, "the received visitor to leave the list");
  /* The 登记表 for the file: printed from the toast's button, through the print dialog. */
  {
    g_autoptr (JsonObject) register_ = hall_test_ok (f->hall, f->leader, "leader.receptions", "{}");
    JsonArray *receptions = json_object_get_array_member (register_, "receptions");

    g_assert_cmpuint (json_array_get_length (receptions), ==, 1);
    /* the outcome left as the ticked departments say: an assignment (交办) */
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (receptions, 0),
                                                    "outcome"),
                     ==, "assigned");
    g_assert_true (gtk_widget_activate_action (
        page, "reception.print-record", "x",
        json_object_get_int_member (json_array_get_object_element (receptions, 0), "id")));
    hall_ui_test_cancel_print_dialog ();
  }

  matter = hall_test_ok (f->hall, f->leader, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                         matter_id);
  instruction = hall_test_find_timeline (matter, "leader_instruction");
  g_assert_nonnull (instruction);
  g_assert_cmpstr (json_object_get_string_member (
                       json_object_get_object_member (instruction, "detail"), "instructions"),
                   ==, "城建局牵头、民政局配合，两周内督促物业维修电梯并答复信访人");
  assignments = json_object_get_array_member (matter, "assignments");
  g_assert_cmpuint (json_array_get_length (assignments), ==, 2);
  {
    gint64 sum = 0;

    for (guint i = 0; i < 2; i++)
      {
        JsonObject *assignment = json_array_get_object_element (assignments, i);

        g_assert_cmpstr (json_object_get_string_member (assignment, "deadline"), ==, "2026-10-26");
        sum += (1 << json_object_get_int_member (assignment, "department_id"));
      }
    /* 城建 (2) and 民政 (3). */
    g_assert_cmpint (sum, ==, (1 << 2) | (1 << 3));
  }
  g_assert_nonnull (hall_test_find_timeline (matter, "assigned"));
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (matter, "matter"),
                                               "department_id"),
                   ==, 2);

  /* The matter's details, with the instruction in its timeline, and back to the list. */
  gtk_widget_activate_action (page, "reception.show-matter", "x", matter_id);
  g_assert_cmpstr (hall_reception_page_get_view (HALL_RECEPTION_PAGE (page)), ==, "matter");
  hall_ui_test_leader_wait_timeline (page, "leader_instruction", "the matter’s timeline");
  gtk_widget_activate_action (page, "reception.back", NULL);
  g_assert_cmpstr (hall_reception_page_get_view (HALL_RECEPTION_PAGE (page)), ==, "list");

  hall_ui_test_leader_close (window, page);
}

static gboolean
charge_shown (gpointer data)
{
  return hall_charges_page_get_current (data) != NULL
         && g_strcmp0 (hall_charges_page_get_view (data), "detail") == 0;
}

typedef struct
{
  HallChargesPage *page;
  gint64           complete;
} CompleteWait;

static gboolean
complete_is (gpointer data)
{
  CompleteWait *w = data;
  JsonObject   *charge = hall_charges_page_get_current (w->page);

  return charge != NULL && json_object_get_int_member (charge, "complete") == w->complete;
}

static gboolean
charge_closed (gpointer data)
{
  JsonObject *charge = hall_charges_page_get_current (data);

  return charge != NULL && json_object_get_boolean_member_with_default (charge, "closed", FALSE);
}

static gboolean
closing_note_has_error (gpointer data)
{
  return hall_ui_test_has_error (hall_ui_test_find (data, "closing_note"));
}

static gboolean
take_has_error (gpointer data)
{
  return hall_ui_test_has_error (hall_ui_test_find (data, "take_number"));
}

/* The leader takes charge of a matter by its number and works through the 五个一. */
static void
test_charges (HallUiTestLeader *f,
              gconstpointer     data)
{
  gint64 matter_id = hall_test_register_visit (f->hall, f->staff, 0, NULL);
  g_autoptr (JsonObject) matter = hall_test_ok (f->hall, f->leader, "matter.get",
                                                "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);
  const char *number =
      json_object_get_string_member (json_object_get_object_member (matter, "matter"), "number");
  GtkWidget       *page = hall_charges_page_new (f->client);
  GtkWidget       *window = hall_ui_test_leader_show (page);
  GListModel      *charges = hall_charges_page_get_charges (HALL_CHARGES_PAGE (page));
  CompleteWait     complete = { HALL_CHARGES_PAGE (page), 0 };
  JsonObject      *charge;
  gint64           charge_id;
  g_autofree char *row_name = NULL;

  hall_ui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (charges), ==, 0);

  /* An empty number is said next to the field. */
  gtk_widget_activate_action (page, "charges.take", NULL);
  g_assert_true (hall_ui_test_has_error (hall_ui_test_find (page, "take_number")));

  hall_ui_test_type (page, "take_number", number);
  gtk_widget_activate_action (page, "charges.take", NULL);
  hall_ui_test_wait (charge_shown, page, 30, "the new charge");
  charge = hall_charges_page_get_current (HALL_CHARGES_PAGE (page));
  g_assert_cmpint (json_object_get_int_member (charge, "matter_id"), ==, matter_id);
  /* Only the leader is there yet: 1 of 5. */
  g_assert_cmpint (json_object_get_int_member (charge, "complete"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (charge, "items"), ==, 5);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "check_leader_state"))),
                   ==, "Done");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "check_plan_state"))),
                   ==, "Missing");
  hall_ui_test_wait_count (charges, 1, "the charge in the list");
  charge_id = json_object_get_int_member (charge, "id");
  row_name = g_strdup_printf ("charge-%" G_GINT64_FORMAT, charge_id);
  g_assert_nonnull (hall_ui_test_find (page, row_name));

  /* Working group and plan: 3 of 5. */
  hall_ui_test_type (page, "working_group", "王强 县住建局，李梅 民政局、赵磊 城关镇");
  hall_ui_test_type (page, "plan", "一周内召开协调会，明确物业维修责任，两周内完成电梯维修");
  gtk_widget_activate_action (hall_ui_test_find (page, "charge_view"), "charge.save", NULL);
  complete.complete = 3;
  hall_ui_test_wait (complete_is, &complete, 30, "the working group and plan");
  charge = hall_charges_page_get_current (HALL_CHARGES_PAGE (page));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (charge, "working_group")),
                    ==, 3);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "check_plan_state"))),
                   ==, "Done");

  /* A meeting on a date that does not exist is refused at the date before anything is sent. */
  hall_ui_test_type (page, "minutes", "协调会：物业公司承诺两周内维修");
  hall_ui_test_type (page, "minutes_date", "2026-13-01");
  gtk_widget_activate_action (hall_ui_test_find (page, "charge_view"), "charge.add-minutes", NULL);
  g_assert_true (hall_ui_test_has_error (hall_ui_test_find (page, "minutes_date")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (page, "minutes_date"))),
                   ==, "2026-13-01");
  hall_ui_test_type (page, "minutes_date", "2026-10-12");
  gtk_widget_activate_action (hall_ui_test_find (page, "charge_view"), "charge.add-minutes", NULL);
  complete.complete = 4;
  hall_ui_test_wait (complete_is, &complete, 30, "the minutes");
  charge = hall_charges_page_get_current (HALL_CHARGES_PAGE (page));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (charge, "minutes")), ==,
                    1);

  hall_ui_test_type (page, "stability_measures", "安排专人每日联系信访人，防止矛盾升级");
  gtk_widget_activate_action (hall_ui_test_find (page, "charge_view"), "charge.save", NULL);
  complete.complete = 5;
  hall_ui_test_wait (complete_is, &complete, 30, "the stability measures");

  /* The same matter again: the hall says it is in charge already, next to the number. */
  gtk_widget_activate_action (page, "charges.back", NULL);
  hall_ui_test_type (page, "take_number", number);
  gtk_widget_activate_action (page, "charges.take", NULL);
  hall_ui_test_wait (take_has_error, page, 30, "the refusal");

  /* Back to the charge to close it. */
  gtk_widget_activate_action (page, "charges.open", "x", charge_id);
  hall_ui_test_wait (charge_shown, page, 30, "the charge again");
  /* Closing the charge: no closing note is said next to it, without asking. */
  {
    GtkWidget *view = hall_ui_test_find (page, "charge_view");
    g_autoptr (GString) note = g_string_new (NULL);

    gtk_widget_activate_action (view, "charge.close", NULL);
    g_assert_true (hall_ui_test_has_error (hall_ui_test_find (page, "closing_note")));
    g_assert_null (hall_ui_test_find_dialog ());
    /* It asks first; no is no. */
    hall_ui_test_type (page, "closing_note", "电梯已修复，信访人表示满意");
    gtk_widget_activate_action (view, "charge.close", NULL);
    g_assert_false (hall_ui_test_has_error (hall_ui_test_find (page, "closing_note")));
    hall_ui_test_answer ("cancel");
    hall_ui_test_flush ();
    g_assert_false (charge_closed (page));
    /* What the hall refuses is said at the closing note. */
    for (guint i = 0; i < 501; i++)
      g_string_append (note, "修");
    hall_ui_test_type (page, "closing_note", note->str);
    gtk_widget_activate_action (view, "charge.close", NULL);
    hall_ui_test_answer ("close");
    hall_ui_test_wait (closing_note_has_error, page, 30, "the refused closing note");
    g_assert_false (charge_closed (page));
    /* Closed for good: nothing can be changed any more, and it leaves the open charges. */
    hall_ui_test_type (page, "closing_note", "电梯已修复，信访人表示满意");
    gtk_widget_activate_action (view, "charge.close", NULL);
    hall_ui_test_answer ("close");
    hall_ui_test_wait (charge_closed, page, 30, "the charge to close");
    g_assert_cmpstr (json_object_get_string_member (
                         hall_charges_page_get_current (HALL_CHARGES_PAGE (page)), "closing_note"),
                     ==, "电梯已修复，信访人表示满意");
    g_assert_false (gtk_widget_is_sensitive (hall_ui_test_find (page, "close_charge")));
    g_assert_false (gtk_widget_is_sensitive (hall_ui_test_find (page, "add_progress")));
    hall_ui_test_wait_count (charges, 0, "the closed charge to leave the list");
  }

  hall_ui_test_leader_close (window, page);
}

/* A client of @username in @role, signed in at the hall's time now. */
static HallClient *
signed_in_client (HallUiTestLeader *f,
                  const char       *username,
                  const char       *role)
{
  HallClient *client = hall_local_client_new (f->hall->engine);
  gboolean    signed_in = FALSE;

  hall_client_login_async (client, username, "password123", role, 0, NULL, hall_ui_test_login_cb,
                           &signed_in);
  hall_ui_test_wait (hall_ui_test_flag_set, &signed_in, 30, "the sign-in");
  return client;
}

static gboolean
label_is (gpointer data)
{
  GtkWidget **w = data;

  return w[0] != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (w[0])), (const char *) w[1]) == 0;
}

/* A matter accepted on 12 October is due 11 December with no reply: on Monday 7 December the
 * hall flags it by itself (three working days, 9 December a holiday), the supervision page's
 * "This week" lists it under 城建 with the rule, and the manager's board counts it. */
static void
test_forecast (HallUiTestLeader *f,
               gconstpointer     data)
{
  gint64 matter_id = hall_test_register_visit (f->hall, f->staff, 0, NULL);
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) evaluated = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (HallClient) leader = NULL;
  g_autoptr (HallClient) manager = NULL;
  g_autofree char *admin = hall_test_add_user (f->hall, "admin", "admin", NULL, 0);
  g_autofree char *row_name = g_strdup_printf ("forecast-%" G_GINT64_FORMAT, matter_id);
  GtkWidget       *page, *window, *board, *board_window, *row;
  gpointer         find[2], count[2];

  r = hall_test_ok (f->hall, f->staff, "matter.accept", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                    matter_id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, admin, "calendar.set_day",
                    "{\"date\":\"2026-12-09\",\"kind\":\"holiday\"}");
  hall_test_set_now (f->hall, "2026-12-07 09:00");
  evaluated = hall_engine_call_system (f->hall->engine, "supervision.evaluate", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (evaluated, "raised"), >=, 1);

  leader = signed_in_client (f, "zhang", "leader");
  page = hall_supervision_page_new (leader);
  window = hall_ui_test_leader_show (page);
  find[0] = hall_ui_test_find (page, "week_summary");
  find[1] = "1 matter turns overdue by 2026-12-14";
  hall_ui_test_wait (label_is, find, 30, "this week's list");
  row = hall_ui_test_find (page, row_name);
  g_assert_nonnull (hall_ui_test_find (page, "department-2"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "Due within 3 working days, no reply"));

  manager = signed_in_client (f, "zhiban", "manager");
  board = hall_board_page_new (manager);
  board_window = hall_ui_test_leader_show (board);
  count[0] = hall_ui_test_find (board, "forecast_count");
  count[1] = "1";
  g_assert_nonnull (count[0]);
  hall_ui_test_wait (label_is, count, 30, "the board's count");
  g_assert_true (gtk_widget_is_visible (hall_ui_test_find (board, "forecast-tile")));

  hall_ui_test_leader_close (board_window, board);
  hall_ui_test_leader_close (window, page);
}

int
main (int   argc,
      char *argv[])
{
  data_dir = hall_ui_test_init (&argc, &argv);

  g_test_add ("/leader-ui/reception", HallUiTestLeader, NULL, hall_ui_test_leader_set_up,
              test_reception, hall_ui_test_leader_tear_down);
  g_test_add ("/leader-ui/charges", HallUiTestLeader, NULL, hall_ui_test_leader_set_up,
              test_charges, hall_ui_test_leader_tear_down);
  g_test_add ("/leader-ui/forecast", HallUiTestLeader, NULL, hall_ui_test_leader_set_up,
              test_forecast, hall_ui_test_leader_tear_down);
  return hall_ui_test_run (data_dir);
}
