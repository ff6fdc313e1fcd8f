/* test-ledgers-page.c — the ledgers page (台账, issue 10 §3) against the real server on 127.0.0.1
 *
 * A hall with two screened disputes (one screening, one being resolved) and two letters this
 * month. The page opens on the disputes of the hall's month with their columns as the paper heads
 * them; the state filter narrows them to one; the matters ledger lists the letters and a row
 * opens its matter; dates out of order are refused at the field with the dates kept; the ledger
 * shown is exported as an XLSX read back with openpyxl and a PDF read back with pdftotext.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "hall-date-row.h"
#include "hall-json-item.h"
#include "hall-ledgers-page.h"
#include "hall-remote-client.h"
#include "hall-test-server.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"

static struct
{
  HallTestServer *server;
  char           *manager;
  char           *today;
  char           *month_first;
  gint64          letter;
  char           *dir;
} hall;

typedef struct
{
  HallClient      *client;
  GtkWidget       *window;
  HallLedgersPage *page;
} Fixture;

static gboolean
page_loaded (gpointer data)
{
  Fixture *f = data;

  return !hall_ledgers_page_is_loading (f->page)
         && g_strcmp0 (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (GTK_WIDGET (f->page),
                                                                         "count"))),
                       "")
                != 0;
}

static void
wait_rows (Fixture *f)
{
  hall_ui_test_pause (50);
  hall_ui_test_wait (page_loaded, f, 60, "the ledger's rows");
  hall_ui_test_pause (100);
}

static const char *
count_text (Fixture *f)
{
  return gtk_label_get_text (GTK_LABEL (hall_ui_test_find (GTK_WIDGET (f->page), "count")));
}

/* The member @key of row @i shown. */
static const char *
row_string (Fixture    *f,
            guint       i,
            const char *key)
{
  g_autoptr (HallJsonItem) item = g_list_model_get_item (hall_ledgers_page_get_rows (f->page), i);

  return json_object_get_string_member (hall_json_item_get_data (item), key);
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  gboolean done = FALSE;

  f->client = hall_remote_client_new (hall.server->url, hall.server->fingerprint);
  hall_client_login_async (f->client, "zhang", HALL_TEST_PASSWORD, "manager", 0, NULL,
                           hall_ui_test_login_cb, &done);
  hall_ui_test_wait (hall_ui_test_flag_set, &done, 60, "signed in");
  f->page = HALL_LEDGERS_PAGE (hall_ledgers_page_new (f->client));
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 900);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  wait_rows (f);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  hall_ui_test_flush ();
  g_clear_object (&f->client);
}

/* The disputes of the month, with the paper's columns; the filter narrows them. */
static void
test_disputes (Fixture      *f,
               gconstpointer data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (hall_ui_test_find (GTK_WIDGET (f->page), "ledger_view"));
  GListModel    *columns = gtk_column_view_get_columns (view);
  g_autoptr (GtkColumnViewColumn) first = g_list_model_get_item (columns, 3);
  g_autofree char *want = g_strdup_printf ("2 rows, %s to %s", hall.month_first, hall.today);

  g_assert_cmpuint (g_list_model_get_n_items (hall_ledgers_page_get_rows (f->page)), ==, 2);
  g_assert_cmpstr (count_text (f), ==, want);
  g_assert_cmpstr (row_string (f, 0, "parties"), ==, "王某与李某");
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 14);
  g_assert_cmpstr (gtk_column_view_column_get_title (first), ==, "Parties");

  hall_ledgers_page_show (f->page, "disputes", hall.month_first, hall.today, "resolving");
  wait_rows (f);
  g_assert_cmpuint (g_list_model_get_n_items (hall_ledgers_page_get_rows (f->page)), ==, 1);
  g_assert_cmpstr (row_string (f, 0, "parties"), ==, "某建筑公司与农民工");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (
                        hall_ui_test_find (GTK_WIDGET (f->page), "filter"))),
                    ==, 2);
}

/* The matters ledger: the letters; a row opens its matter. Dates out of order are refused at the
 * field and kept. */
static void
test_matters (Fixture      *f,
              gconstpointer data)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (hall_ui_test_find (GTK_WIDGET (f->page), "ledger_view"));
  HallDateRow   *to = HALL_DATE_ROW (hall_ui_test_find (GTK_WIDGET (f->page), "to"));

  gtk_drop_down_set_selected (
      GTK_DROP_DOWN (hall_ui_test_find (GTK_WIDGET (f->page), "ledger")), 4);
  wait_rows (f);
  g_assert_cmpuint (g_list_model_get_n_items (hall_ledgers_page_get_rows (f->page)), ==, 2);
  g_assert_cmpstr (row_string (f, 0, "petitioners"), ==, "来信人0");

  g_signal_emit_by_name (view, "activate", 0);
  hall_ui_test_pause (300);
  g_assert_true (gtk_widget_get_mapped (hall_ui_test_find (GTK_WIDGET (f->page), "matter_view")));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "ledgers.back", NULL);
  hall_ui_test_pause (100);

  hall_date_row_set_date (to, "2000-01-01");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "ledgers.apply", NULL);
  hall_ui_test_pause (100);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (to), "error"));
  g_assert_cmpstr (hall_date_row_get_date (to), ==, "2000-01-01");
  g_assert_cmpuint (g_list_model_get_n_items (hall_ledgers_page_get_rows (f->page)), ==, 2);
}

/* The disputes shown, as XLSX and PDF, read back. */
static void
test_export (Fixture      *f,
             gconstpointer data)
{
  g_autofree char *rows = NULL;
  g_autofree char *text = NULL;

  hall_ui_test_export (f->page, (HallUiTestExportFunc) hall_ledgers_page_export_to,
                       (gboolean (*) (gpointer)) hall_ledgers_page_is_exporting, hall.dir, "disputes", &rows,
                       &text);
  hall_test_assert_has (rows, "List of disputes screened and resolved");
  hall_test_assert_has (rows, "No.\tDate found\tSource\tParties");
  hall_test_assert_has (rows, "1\t");
  hall_test_assert_has (rows, "王某与李某");
  hall_test_assert_has (rows, "某建筑公司与农民工");
  hall_test_assert_has (rows, "Being resolved");
  hall_test_assert_has (text, "List of disputes screened and resolved");
  hall_test_assert_has (text, "王某与李某");
  hall_test_assert_has (text, hall.month_first);
}

static GtkWidget *
find_window (const char *title)
{
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (windows, i);

      if (g_strcmp0 (gtk_window_get_title (window), title) == 0
          && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WIDGET (window);
    }
  return NULL;
}

static gboolean
form_closed (gpointer data)
{
  return find_window ("New Dispute") == NULL;
}

/* A dispute entered in the form: a missing date is refused at its field with the text kept;
 * once saved, the dispute is a row of the list. */
static void
test_dispute_form (Fixture      *f,
                   gconstpointer data)
{
  GtkWidget *form;

  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (GTK_WIDGET (f->page), "new_dispute")));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "ledgers.new-dispute", NULL);
  hall_ui_test_pause (200);
  form = find_window ("New Dispute");
  g_assert_nonnull (form);
  hall_ui_test_type (form, "parties", "张某与某物业公司");
  hall_ui_test_type (form, "summary", "物业费争议，双方协商未果。");
  hall_ui_test_type (form, "leader_name", "孙主任");
  hall_ui_test_type (form, "person_name", "周干事");
  hall_ui_test_select (form, "type", "Real estate");
  hall_ui_test_select (form, "risk", "Low");
  g_signal_emit_by_name (hall_ui_test_find (form, "save"), "clicked");
  hall_ui_test_pause (200);
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (form, "found_date"), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (form, "parties"))), ==,
                   "张某与某物业公司");
  g_assert_true (find_window ("New Dispute") == form);

  hall_ui_test_type (form, "found_date", hall.today);
  g_signal_emit_by_name (hall_ui_test_find (form, "save"), "clicked");
  hall_ui_test_wait (form_closed, NULL, 60, "the form closed");
  wait_rows (f);
  g_assert_cmpuint (g_list_model_get_n_items (hall_ledgers_page_get_rows (f->page)), ==, 3);
  g_assert_cmpstr (row_string (f, 2, "parties"), ==, "张某与某物业公司");
  g_assert_cmpstr (row_string (f, 2, "type"), ==, "property");
}

/* The weekly report (每周三、五报送): what dispute.weekly says for the hall's report day, its
 * dates under the list; the export waits for the ledger again. */
static void
test_weekly (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (JsonObject) weekly =
      hall_test_server_ok (hall.server, hall.manager, "dispute.weekly", "{}");
  JsonArray       *disputes = json_object_get_array_member (weekly, "disputes");
  g_autofree char *since = g_strdup_printf (
      "after %s, for the report of %s", json_object_get_string_member (weekly, "since"),
      json_object_get_string_member (weekly, "report_date"));
  GtkWidget *button = hall_ui_test_find (GTK_WIDGET (f->page), "weekly");

  g_assert_true (gtk_widget_get_visible (button));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  wait_rows (f);
  g_assert_cmpuint (g_list_model_get_n_items (hall_ledgers_page_get_rows (f->page)), ==,
                    json_array_get_length (disputes));
  hall_test_assert_has (count_text (f), since);
  g_assert_false (
      gtk_widget_get_sensitive (hall_ui_test_find (GTK_WIDGET (f->page), "export_xlsx")));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), FALSE);
  wait_rows (f);
  g_assert_cmpuint (g_list_model_get_n_items (hall_ledgers_page_get_rows (f->page)), ==, 2);
}

static void
add_dispute (const char *parties,
             const char *type,
             const char *state)
{
  json_object_unref (hall_test_server_ok (
      hall.server, hall.manager, "dispute.create",
      "{\"found_date\": \"%s\", \"source\": \"grid\", \"parties\": \"%s\", \"type\": \"%s\", "
      "\"risk\": \"medium\", \"summary\": \"双方因款项发生争执。\", \"department_id\": 2, "
      "\"leader_name\": \"赵局长\", \"person_name\": \"钱科长\", \"state\": \"%s\"}",
      hall.month_first, parties, type, state));
}

static gint64
register_letter (const char *name)
{
  g_autoptr (JsonObject) matter = hall_test_server_ok (
      hall.server, hall.manager, "matter.register",
      "{\"channel\": \"letter\", \"type\": \"claim\", \"received_date\": \"%s\", "
      "\"content\": \"反映小区供暖不达标。\", \"petitioners\": [{\"name\": \"%s\"}]}",
      hall.today, name);

  return json_object_get_int_member (matter, "matter_id");
}

int
main (int   argc,
      char *argv[])
{
  char *data_dir = hall_ui_test_init (&argc, &argv);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) info = NULL;
  int status;

  hall.server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  hall.manager = hall_test_server_add_user_login (hall.server, "zhang", "manager", NULL, 0);
  hall.dir = g_dir_make_tmp ("hall-ledgers-page-XXXXXX", &error);
  g_assert_no_error (error);
  info = hall_test_server_ok (hall.server, hall.manager, "hall.info", "{}");
  hall.today = g_strdup (json_object_get_string_member (info, "today"));
  hall.month_first = g_strdup_printf ("%.8s01", hall.today);
  add_dispute ("王某与李某", "neighbour", "screening");
  add_dispute ("某建筑公司与农民工", "wages", "resolving");
  hall.letter = register_letter ("来信人0");
  register_letter ("来信人1");

  g_test_add ("/ledgers/disputes", Fixture, NULL, fixture_set_up, test_disputes,
              fixture_tear_down);
  g_test_add ("/ledgers/matters", Fixture, NULL, fixture_set_up, test_matters, fixture_tear_down);
  g_test_add ("/ledgers/weekly", Fixture, NULL, fixture_set_up, test_weekly, fixture_tear_down);
  g_test_add ("/ledgers/dispute-form", Fixture, NULL, fixture_set_up, test_dispute_form,
              fixture_tear_down);
  g_test_add ("/ledgers/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  status = hall_ui_test_run (data_dir);

  hall_test_server_free (hall.server);
  hall_test_rm_rf (hall.dir);
  g_free (hall.dir);
  g_free (hall.manager);
  g_free (hall.today);
  g_free (hall.month_first);
  return status;
}
