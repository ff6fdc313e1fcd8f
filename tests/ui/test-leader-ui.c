/* test-leader-ui.c — a leader's day in the app: reception, charged matters, supervision, talks
 *
 * A real hall (engine and SQLite file) with a duty leader today and a visitor escalated from
 * window 2; the leader's pages run under Xvfb against it through a local client and are driven
 * through their actions, as the keyboard and buttons do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "hall-form.h"
#include "hall-json-item.h"
#include "hall-charges-page.h"
#include "hall-local-client.h"
#include "hall-matter-view.h"
#include "hall-reception-form.h"
#include "hall-reception-page.h"
#include "hall-board-page.h"
#include "hall-supervision-page.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"

static char *data_dir;

typedef struct
{
  HallTestHall *hall;
  char         *manager;
  char         *staff;
  char         *kiosk;
  char         *leader;
  gint64        leader_id;
  HallClient   *client;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (JsonObject) duty = NULL;
  gboolean signed_in = FALSE;

  f->hall = hall_test_hall_new ();
  /* Monday 12 October 2026, 09:00. */
  hall_test_set_now (f->hall, "2026-10-12 09:00");
  f->manager = hall_test_add_user (f->hall, "zhiban", "manager", "xinfang", 0);
  f->staff = hall_test_add_user (f->hall, "chuangkou", "staff", "chengjian", 2);
  f->kiosk = hall_test_add_user (f->hall, "kiosk", "kiosk", NULL, 0);
  f->leader = hall_test_add_user (f->hall, "zhang", "leader", NULL, 0);
  f->leader_id = hall_test_user_id (f->hall, f->leader);
  duty = hall_test_ok (f->hall, f->manager, "leader.duty",
                       "{\"date\":\"2026-10-12\",\"user_id\":%" G_GINT64_FORMAT "}", f->leader_id);

  f->client = hall_local_client_new (f->hall->engine);
  hall_client_login_async (f->client, "zhang", "password123", "leader", 0, NULL,
                           hall_ui_test_login_cb, &signed_in);
  hall_ui_test_wait (hall_ui_test_flag_set, &signed_in, 30, "the leader’s sign-in");
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  hall_engine_shutdown (f->hall->engine);
  g_clear_object (&f->client);
  g_free (f->manager);
  g_free (f->staff);
  g_free (f->kiosk);
  g_free (f->leader);
  hall_test_hall_free (f->hall);
}

/* A visitor takes a number for 城建, window 2 registers their matter and sends them to the leader. */
static gint64
escalated_visitor (Fixture *f)
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

static GtkWidget *
in_window (GtkWidget *page)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 768);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static gboolean
pointer_cleared (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* Calls still on the engine's worker hold the page until their (cancelled) answer is back. */
static void
close_window (GtkWidget *window,
              GtkWidget *page)
{
  gpointer weak = page;

  g_object_add_weak_pointer (G_OBJECT (page), &weak);
  gtk_window_destroy (GTK_WINDOW (window));
  hall_ui_test_wait (pointer_cleared, &weak, 30, "the page to be finalized");
}

static void
set_text (GtkWidget  *root,
          const char *name,
          const char *text)
{
  GtkWidget *widget = hall_ui_test_find (root, name);

  if (GTK_IS_TEXT_VIEW (widget))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static gboolean
has_error (GtkWidget  *root,
           const char *name)
{
  return gtk_widget_has_css_class (hall_ui_test_find (root, name), "error");
}

typedef struct
{
  GListModel *model;
  guint       n;
} CountWait;

static gboolean
count_is (gpointer data)
{
  CountWait *w = data;
  return g_list_model_get_n_items (w->model) == w->n;
}

static void
wait_count (GListModel *model,
            guint       n,
            const char *what)
{
  CountWait w = { model, n };
  hall_ui_test_wait (count_is, &w, 30, what);
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

/* Answers the question the form asks before it records the reception. */
static void
confirm (const char *response)
{
  GListModel       *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;

  hall_ui_test_flush ();
  for (guint i = 0; dialog == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        dialog = ADW_MESSAGE_DIALOG (window);
    }
  g_assert_nonnull (dialog);
  /* As a click does: the response, then the dialog closes. */
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  hall_ui_test_flush ();
}

static gboolean
deadline_has_error (gpointer data)
{
  return has_error (data, "deadline");
}

static gboolean
duty_said (gpointer data)
{
  return *gtk_label_get_text (data) != '\0';
}

/* A matter view (w[0]) whose timeline has an entry of the kind w[1]. */
static gboolean
matter_view_has_entry (gpointer data)
{
  gpointer   *w = data;
  JsonObject *result = hall_matter_view_get_result (w[0]);

  return result != NULL && hall_test_find_timeline (result, w[1]) != NULL;
}

static void
wait_timeline (GtkWidget  *page,
               const char *kind,
               const char *what)
{
  gpointer w[2] = { hall_ui_test_find (page, "matter_view"), (gpointer) kind };

  hall_ui_test_wait (matter_view_has_entry, w, 30, what);
}

/* The leader sees the visitor, calls them in, fills the record assigning two departments with a
 * deadline; the matter's timeline shows the instruction and the assignments. */
static void
test_reception (Fixture      *f,
                gconstpointer data)
{
  gint64      matter_id = escalated_visitor (f);
  GtkWidget  *page = hall_reception_page_new (f->client);
  GtkWidget  *window = in_window (page);
  GListModel *visitors = hall_reception_page_get_visitors (HALL_RECEPTION_PAGE (page));
  GtkWidget  *form = hall_reception_page_get_form (HALL_RECEPTION_PAGE (page));
  g_autoptr (HallJsonItem) item = NULL;
  g_autoptr (JsonObject) matter = NULL;
  JsonObject *visitor, *instruction;
  JsonArray  *assignments;
  gint64      escalation_id;

  wait_count (visitors, 1, "the escalated visitor");
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
  wait_count (visitors, 1, "the called visitor");
  {
    g_autoptr (JsonObject) queue = hall_test_ok (f->hall, f->leader, "leader.queue", NULL);
    JsonObject *first =
        json_array_get_object_element (json_object_get_array_member (queue, "visitors"), 0);
    g_assert_cmpstr (json_object_get_string_member (first, "state"), ==, "called");
  }

  /* A wrong ID number is said as it is typed, next to the field. */
  set_text (form, "id_number", "431228198001151237");
  g_assert_true (has_error (form, "id_number"));
  set_text (form, "id_number", "431228198001151236");
  g_assert_false (has_error (form, "id_number"));

  /* Without instructions nothing is sent. */
  hall_reception_form_set_department (HALL_RECEPTION_FORM (form), "chengjian", TRUE);
  hall_reception_form_set_department (HALL_RECEPTION_FORM (form), "minzheng", TRUE);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (form, "lead"))), ==,
                   "Lead: 城建; also assigned: 民政");
  gtk_widget_activate_action (form, "reception-form.submit", NULL);
  g_assert_true (has_error (form, "instructions"));
  set_text (form, "instructions", "城建局牵头、民政局配合，两周内督促物业维修电梯并答复信访人");

  /* A deadline past the matter's handling limit comes back from the hall, next to the deadline. */
  set_text (form, "deadline", "2027-06-01");
  gtk_widget_activate_action (form, "reception-form.submit", NULL);
  confirm ("record");
  hall_ui_test_wait (deadline_has_error, form, 30, "the hall to refuse the deadline");
  g_assert_cmpstr (hall_reception_page_get_view (HALL_RECEPTION_PAGE (page)), ==, "form");

  /* Two weeks is fine: the record is kept, the visitor leaves the list. */
  set_text (form, "deadline", "2026-10-26");
  set_text (form, "result", "当场答复信访人，明确牵头单位和办理时限");
  /* Asked first: cancelling sends nothing. */
  gtk_widget_activate_action (form, "reception-form.submit", NULL);
  confirm ("cancel");
  g_assert_cmpstr (hall_reception_page_get_view (HALL_RECEPTION_PAGE (page)), ==, "form");
  gtk_widget_activate_action (form, "reception-form.submit", NULL);
  confirm ("record");
  hall_ui_test_wait (reception_on_list, page, 30, "the record to be kept");
  wait_count (visitors, 0, "the received visitor to leave the list");
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
  wait_timeline (page, "leader_instruction", "the matter’s timeline");
  gtk_widget_activate_action (page, "reception.back", NULL);
  g_assert_cmpstr (hall_reception_page_get_view (HALL_RECEPTION_PAGE (page)), ==, "list");

  close_window (window, page);
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
  return has_error (data, "closing_note");
}

static gboolean
take_has_error (gpointer data)
{
  return has_error (data, "take_number");
}

/* The leader takes charge of a matter by its number and works through the 五个一. */
static void
test_charges (Fixture      *f,
              gconstpointer data)
{
  gint64 matter_id = hall_test_register_visit (f->hall, f->staff, 0, NULL);
  g_autoptr (JsonObject) matter = hall_test_ok (f->hall, f->leader, "matter.get",
                                                "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);
  const char *number =
      json_object_get_string_member (json_object_get_object_member (matter, "matter"), "number");
  GtkWidget       *page = hall_charges_page_new (f->client);
  GtkWidget       *window = in_window (page);
  GListModel      *charges = hall_charges_page_get_charges (HALL_CHARGES_PAGE (page));
  CompleteWait     complete = { HALL_CHARGES_PAGE (page), 0 };
  JsonObject      *charge;
  gint64           charge_id;
  g_autofree char *row_name = NULL;

  hall_ui_test_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (charges), ==, 0);

  /* An empty number is said next to the field. */
  gtk_widget_activate_action (page, "charges.take", NULL);
  g_assert_true (has_error (page, "take_number"));

  set_text (page, "take_number", number);
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
  wait_count (charges, 1, "the charge in the list");
  charge_id = json_object_get_int_member (charge, "id");
  row_name = g_strdup_printf ("charge-%" G_GINT64_FORMAT, charge_id);
  g_assert_nonnull (hall_ui_test_find (page, row_name));

  /* Working group and plan: 3 of 5. */
  set_text (page, "working_group", "王强 县住建局，李梅 民政局、赵磊 城关镇");
  set_text (page, "plan", "一周内召开协调会，明确物业维修责任，两周内完成电梯维修");
  gtk_widget_activate_action (hall_ui_test_find (page, "charge_view"), "charge.save", NULL);
  complete.complete = 3;
  hall_ui_test_wait (complete_is, &complete, 30, "the working group and plan");
  charge = hall_charges_page_get_current (HALL_CHARGES_PAGE (page));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (charge, "working_group")),
                    ==, 3);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "check_plan_state"))),
                   ==, "Done");

  /* A meeting on a date that does not exist is refused at the date before anything is sent. */
  set_text (page, "minutes", "协调会：物业公司承诺两周内维修");
  set_text (page, "minutes_date", "2026-13-01");
  gtk_widget_activate_action (hall_ui_test_find (page, "charge_view"), "charge.add-minutes", NULL);
  g_assert_true (has_error (page, "minutes_date"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (page, "minutes_date"))),
                   ==, "2026-13-01");
  set_text (page, "minutes_date", "2026-10-12");
  gtk_widget_activate_action (hall_ui_test_find (page, "charge_view"), "charge.add-minutes", NULL);
  complete.complete = 4;
  hall_ui_test_wait (complete_is, &complete, 30, "the minutes");
  charge = hall_charges_page_get_current (HALL_CHARGES_PAGE (page));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (charge, "minutes")), ==,
                    1);

  set_text (page, "stability_measures", "安排专人每日联系信访人，防止矛盾升级");
  gtk_widget_activate_action (hall_ui_test_find (page, "charge_view"), "charge.save", NULL);
  complete.complete = 5;
  hall_ui_test_wait (complete_is, &complete, 30, "the stability measures");

  /* The same matter again: the hall says it is in charge already, next to the number. */
  gtk_widget_activate_action (page, "charges.back", NULL);
  set_text (page, "take_number", number);
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
    g_assert_true (has_error (page, "closing_note"));
    g_assert_null (hall_ui_test_find_dialog ());
    /* It asks first; no is no. */
    set_text (page, "closing_note", "电梯已修复，信访人表示满意");
    gtk_widget_activate_action (view, "charge.close", NULL);
    g_assert_false (has_error (page, "closing_note"));
    hall_ui_test_answer ("cancel");
    hall_ui_test_flush ();
    g_assert_false (charge_closed (page));
    /* What the hall refuses is said at the closing note. */
    for (guint i = 0; i < 501; i++)
      g_string_append (note, "修");
    set_text (page, "closing_note", note->str);
    gtk_widget_activate_action (view, "charge.close", NULL);
    hall_ui_test_answer ("close");
    hall_ui_test_wait (closing_note_has_error, page, 30, "the refused closing note");
    g_assert_false (charge_closed (page));
    /* Closed for good: nothing can be changed any more, and it leaves the open charges. */
    set_text (page, "closing_note", "电梯已修复，信访人表示满意");
    gtk_widget_activate_action (view, "charge.close", NULL);
    hall_ui_test_answer ("close");
    hall_ui_test_wait (charge_closed, page, 30, "the charge to close");
    g_assert_cmpstr (json_object_get_string_member (
                         hall_charges_page_get_current (HALL_CHARGES_PAGE (page)), "closing_note"),
                     ==, "电梯已修复，信访人表示满意");
    g_assert_false (gtk_widget_is_sensitive (hall_ui_test_find (page, "close_charge")));
    g_assert_false (gtk_widget_is_sensitive (hall_ui_test_find (page, "add_progress")));
    wait_count (charges, 0, "the closed charge to leave the list");
  }

  close_window (window, page);
}

typedef struct
{
  HallSupervisionPage *page;
  const char          *which;
  gint64               matter_id;
  const char          *member;
} RowWait;

static JsonObject *
row_of (RowWait *w)
{
  GListModel *model = hall_supervision_page_get_list (w->page, w->which);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (model, i);
      JsonObject *data = hall_json_item_get_data (item);

      if (json_object_get_int_member (data, "matter_id") == w->matter_id)
        return data;
    }
  return NULL;
}

static gboolean
row_has (gpointer data)
{
  RowWait    *w = data;
  JsonObject *row = row_of (w);

  return row != NULL
         && (w->member == NULL || json_object_get_int_member_with_default (row, w->member, 0) != 0);
}

static gboolean
row_gone (gpointer data)
{
  return row_of (data) == NULL;
}

static gboolean
resolution_has_error (gpointer data)
{
  return has_error (data, "resolution");
}

static gboolean
supervision_on_list (gpointer data)
{
  return g_strcmp0 (hall_supervision_page_get_view (data), "list") == 0;
}

/* A matter past its decision limit shows as overdue, with the clock and the days; the leader
 * flags it for supervision and takes charge of it. */
static void
test_supervision (Fixture      *f,
                  gconstpointer data)
{
  gint64           matter_id = hall_test_register_visit (f->hall, f->staff, 0, "2026-09-21");
  GtkWidget       *page = hall_supervision_page_new (f->client);
  GtkWidget       *window = in_window (page);
  RowWait          overdue = { HALL_SUPERVISION_PAGE (page), "overdue", matter_id, NULL };
  RowWait          flagged = { HALL_SUPERVISION_PAGE (page), "flagged", matter_id, NULL };
  RowWait          charged = { HALL_SUPERVISION_PAGE (page), "overdue", matter_id, "charge_leader_id" };
  g_autofree char *row_name = g_strdup_printf ("matter-%" G_GINT64_FORMAT, matter_id);
  JsonObject      *row;
  GtkWidget       *widget;

  hall_ui_test_wait (row_has, &overdue, 30, "the overdue matter");
  row = row_of (&overdue);
  g_assert_cmpstr (json_object_get_string_member (row, "clock"), ==, "decision");
  g_assert_true (json_object_get_boolean_member (row, "overdue"));
  hall_ui_test_flush ();
  /* Days overdue said in words, not only in red. */
  widget = hall_ui_test_find (page, row_name);
  g_assert_nonnull (widget);

  gtk_widget_activate_action (page, "supervision.flag", "x", matter_id);
  g_assert_cmpstr (hall_supervision_page_get_view (HALL_SUPERVISION_PAGE (page)), ==, "flag");
  /* No note: said next to it, nothing sent. */
  gtk_widget_activate_action (page, "supervision.submit", NULL);
  g_assert_true (has_error (page, "note"));
  set_text (page, "due_date", "2026-10-01");
  set_text (page, "note", "请城建局三日内说明未按期受理原因");
  gtk_widget_activate_action (page, "supervision.submit", NULL);
  g_assert_true (has_error (page, "due_date"));
  set_text (page, "due_date", "2026-10-15");
  gtk_widget_activate_action (page, "supervision.submit", NULL);
  hall_ui_test_wait (supervision_on_list, page, 30, "the flag to be kept");
  hall_ui_test_wait (row_has, &flagged, 30, "the flagged matter");
  g_assert_cmpstr (json_object_get_string_member (row_of (&flagged), "due_date"), ==, "2026-10-15");

  gtk_widget_activate_action (page, "supervision.take-charge", "x", matter_id);
  hall_ui_test_wait (row_has, &charged, 30, "the charge");

  /* Resolving the flag: it needs a resolution, said next to it, before asking. */
  {
    g_autoptr (GString) text = g_string_new (NULL);
    g_autoptr (JsonObject) matter = NULL;
    JsonObject *resolved = NULL;
    JsonArray  *timeline;

    gtk_widget_activate_action (page, "supervision.resolve", "x", matter_id);
    g_assert_cmpstr (hall_supervision_page_get_view (HALL_SUPERVISION_PAGE (page)), ==, "resolve");
    gtk_widget_activate_action (page, "supervision.resolve-submit", NULL);
    g_assert_true (has_error (page, "resolution"));
    g_assert_null (hall_ui_test_find_dialog ());
    /* It asks first; no is no. */
    set_text (page, "resolution", "城建局已说明原因并当日受理");
    gtk_widget_activate_action (page, "supervision.resolve-submit", NULL);
    hall_ui_test_answer ("cancel");
    g_assert_cmpstr (hall_supervision_page_get_view (HALL_SUPERVISION_PAGE (page)), ==, "resolve");
    g_assert_nonnull (row_of (&flagged));
    /* What the hall refuses is said at the resolution. */
    for (guint i = 0; i < 501; i++)
      g_string_append (text, "办");
    set_text (page, "resolution", text->str);
    gtk_widget_activate_action (page, "supervision.resolve-submit", NULL);
    hall_ui_test_answer ("resolve");
    hall_ui_test_wait (resolution_has_error, page, 30, "the refused resolution");
    g_assert_cmpstr (hall_supervision_page_get_view (HALL_SUPERVISION_PAGE (page)), ==, "resolve");
    /* Resolved: back to the list, the flag gone from it, the resolution in the timeline. */
    set_text (page, "resolution", "城建局已说明原因并当日受理");
    gtk_widget_activate_action (page, "supervision.resolve-submit", NULL);
    hall_ui_test_answer ("resolve");
    hall_ui_test_wait (supervision_on_list, page, 30, "the resolution to be kept");
    hall_ui_test_wait (row_gone, &flagged, 30, "the flag to leave the list");
    matter = hall_test_ok (f->hall, f->leader, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                           matter_id);
    timeline = json_object_get_array_member (matter, "timeline");
    for (guint i = 0; i < json_array_get_length (timeline); i++)
      if (g_strcmp0 (
              json_object_get_string_member (json_array_get_object_element (timeline, i), "kind"),
              "supervision_resolved")
          == 0)
        resolved = json_array_get_object_element (timeline, i);
    g_assert_nonnull (resolved);
  }

  close_window (window, page);
}

static gboolean
subject_has_error (gpointer data)
{
  return has_error (data, "subject");
}

/* The leader records a 约谈 with 城建's head about an overdue matter: what is missing or refused is
 * said at its field and the text stays; once recorded it heads the list, with the matter's number,
 * and the matter's timeline shows it. Then a 通报, to every department. */
static void
test_talks (Fixture      *f,
            gconstpointer data)
{
  gint64           matter_id = hall_test_register_visit (f->hall, f->staff, 0, "2026-09-21");
  GtkWidget       *page = hall_supervision_page_new (f->client);
  GtkWidget       *window = in_window (page);
  RowWait          overdue = { HALL_SUPERVISION_PAGE (page), "overdue", matter_id, NULL };
  GListModel      *talks = hall_supervision_page_get_list (HALL_SUPERVISION_PAGE (page), "talks");
  g_autofree char *check_name = g_strdup_printf ("talk-matter-%" G_GINT64_FORMAT, matter_id);
  g_autoptr (GString) long_subject = g_string_new (NULL);
  g_autoptr (HallJsonItem) item = NULL;
  g_autofree char *row_name = NULL;
  g_autofree char *content = NULL;
  JsonObject      *talk;
  GtkWidget       *row;

  hall_ui_test_wait (row_has, &overdue, 30, "the overdue matter");
  g_assert_cmpuint (g_list_model_get_n_items (talks), ==, 0);
  gtk_widget_activate_action (page, "supervision.new-talk", NULL);
  g_assert_cmpstr (hall_supervision_page_get_view (HALL_SUPERVISION_PAGE (page)), ==, "talk");

  /* Nothing written: said at the subject and the content, nothing sent. */
  gtk_widget_activate_action (page, "supervision.talk-submit", NULL);
  g_assert_true (has_error (page, "subject"));
  g_assert_true (has_error (page, "content"));
  /* A day to come: said at the date, the rest kept. */
  set_text (page, "content", "约谈城建局负责人，要求十日内办结并书面报告");
  set_text (page, "subject", "未按期受理");
  set_text (page, "date", "2026-10-13");
  gtk_widget_activate_action (page, "supervision.talk-submit", NULL);
  g_assert_true (has_error (page, "date"));
  g_assert_false (has_error (page, "subject"));
  /* What the hall refuses (a subject of 201 characters) is said at the subject, the text kept. */
  for (guint i = 0; i < 201; i++)
    g_string_append (long_subject, "办");
  set_text (page, "date", "2026-10-12");
  set_text (page, "subject", long_subject->str);
  gtk_widget_activate_action (page, "supervision.talk-submit", NULL);
  hall_ui_test_wait (subject_has_error, page, 30, "the refused subject");
  g_assert_cmpstr (hall_supervision_page_get_view (HALL_SUPERVISION_PAGE (page)), ==, "talk");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (page, "subject"))), ==,
                   long_subject->str);
  content = _hall_form_text_view_dup_text (GTK_TEXT_VIEW (hall_ui_test_find (page, "content")));
  g_assert_cmpstr (content, ==, "约谈城建局负责人，要求十日内办结并书面报告");
  g_assert_cmpuint (g_list_model_get_n_items (talks), ==, 0);

  /* Recorded, with the overdue matter ticked: the list shows it with the matter's number. */
  set_text (page, "subject", "未按期受理");
  hall_ui_test_select (page, "department_id", "城建");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (hall_ui_test_find (page, check_name)), TRUE);
  gtk_widget_activate_action (page, "supervision.talk-submit", NULL);
  hall_ui_test_wait (supervision_on_list, page, 30, "the talk to be recorded");
  wait_count (talks, 1, "the talk in the list");
  item = g_list_model_get_item (talks, 0);
  talk = hall_json_item_get_data (item);
  g_assert_cmpstr (json_object_get_string_member (talk, "kind"), ==, "talk");
  g_assert_cmpstr (json_object_get_string_member (talk, "department_name"), ==,
                   json_object_get_string_member (row_of (&overdue), "department_name"));
  hall_ui_test_flush ();
  row_name = g_strdup_printf ("talk-%" G_GINT64_FORMAT, json_object_get_int_member (talk, "id"));
  row = hall_ui_test_find (page, row_name);
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "2026-10-12"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "未按期受理"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            json_object_get_string_member (row_of (&overdue), "matter_number")));

  /* The matter's timeline has it. */
  gtk_widget_activate_action (page, "supervision.show-matter", "x", matter_id);
  wait_timeline (page, "talk", "the talk in the matter's timeline");

  /* A notice goes to every department: no department to choose. */
  gtk_widget_activate_action (page, "supervision.back", NULL);
  gtk_widget_activate_action (page, "supervision.new-talk", NULL);
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (page, "kind")), 1);
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (page, "department_id")));
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "all_departments")));
  set_text (page, "subject", "十月督办情况通报");
  set_text (page, "content", "各单位务必按期办结信访事项");
  gtk_widget_activate_action (page, "supervision.talk-submit", NULL);
  wait_count (talks, 2, "the notice in the list");
  {
    g_autoptr (HallJsonItem) first = g_list_model_get_item (talks, 0);
    g_autoptr (HallJsonItem) second = g_list_model_get_item (talks, 1);
    JsonObject *a = hall_json_item_get_data (first), *b = hall_json_item_get_data (second);
    JsonObject *notice =
        g_strcmp0 (json_object_get_string_member (a, "kind"), "notice") == 0 ? a : b;

    g_assert_cmpstr (json_object_get_string_member (notice, "kind"), ==, "notice");
    g_assert_cmpint (json_object_get_int_member_with_default (notice, "department_id", 0), ==, 0);
  }

  close_window (window, page);
}

/* A client of @username in @role, signed in at the hall's time now. */
static HallClient *
signed_in_client (Fixture    *f,
                  const char *username,
                  const char *role)
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
test_forecast (Fixture      *f,
               gconstpointer data)
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
  window = in_window (page);
  find[0] = hall_ui_test_find (page, "week_summary");
  find[1] = "1 matter turns overdue by 2026-12-14";
  hall_ui_test_wait (label_is, find, 30, "this week's list");
  row = hall_ui_test_find (page, row_name);
  g_assert_nonnull (hall_ui_test_find (page, "department-2"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                            "Due within 3 working days, no reply"));

  manager = signed_in_client (f, "zhiban", "manager");
  board = hall_board_page_new (manager);
  board_window = in_window (board);
  count[0] = hall_ui_test_find (board, "forecast_count");
  count[1] = "1";
  g_assert_nonnull (count[0]);
  hall_ui_test_wait (label_is, count, 30, "the board's count");
  g_assert_true (gtk_widget_is_visible (hall_ui_test_find (board, "forecast-tile")));

  close_window (board_window, board);
  close_window (window, page);
}

int
main (int   argc,
      char *argv[])
{
  data_dir = hall_ui_test_init (&argc, &argv);

  g_test_add ("/leader-ui/reception", Fixture, NULL, fixture_set_up, test_reception,
              fixture_tear_down);
  g_test_add ("/leader-ui/charges", Fixture, NULL, fixture_set_up, test_charges, fixture_tear_down);
  g_test_add ("/leader-ui/supervision", Fixture, NULL, fixture_set_up, test_supervision,
              fixture_tear_down);
  g_test_add ("/leader-ui/talks", Fixture, NULL, fixture_set_up, test_talks, fixture_tear_down);
  g_test_add ("/leader-ui/forecast", Fixture, NULL, fixture_set_up, test_forecast,
              fixture_tear_down);
  return hall_ui_test_run (data_dir);
}
