/* test-stats-page.c — the statistics page (统计, issue 10 §2) against the real server on
 * 127.0.0.1
 *
 * A hall with a known month: three letters and two visits today, two letters last month. The
 * page opens on the hall's current month and shows those counts per channel, with the trend's bar
 * for today and a bar per department; the previous-period arrow, the day and the custom dates
 * change them (and dates out of order are refused at the field, the dates kept); a click on a
 * figure lists exactly the matters it counts and one opens in the matter view; the 统计表 is
 * exported as an XLSX read back with openpyxl and a PDF read back with pdftotext; the dark style
 * draws without a warning; and every figure on the page has its definition as a tooltip and
 * opens as many records as it reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include <stdio.h>

#include "hall-date-row.h"
#include "hall-json-item.h"
#include "hall-remote-client.h"
#include "hall-stats-chart.h"
#include "hall-stats-page.h"
#include "hall-test-server.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"

static struct
{
  HallTestServer *server;
  char           *manager;
  char           *today;
  char           *month_first;
  char           *earlier; /* a day of last month */
  gint64          letters[3];
  char           *dir;
} hall;

typedef struct
{
  HallClient    *client;
  GtkWidget     *window;
  HallStatsPage *page;
} Fixture;

static gboolean
page_shows (gpointer data)
{
  Fixture    *f = data;
  const char *from = g_object_get_data (G_OBJECT (f->page), "want-from");
  JsonObject *summary = hall_stats_page_get_summary (f->page);
  JsonObject *current = summary != NULL ? json_object_get_object_member (summary, "current") : NULL;

  return current != NULL && !hall_page_is_loading (HALL_PAGE (f->page))
         && g_strcmp0 (json_object_get_string_member (current, "from"), from) == 0;
}

static void
wait_period (Fixture    *f,
             const char *from)
{
  g_autofree char *what = g_strdup_printf ("the figures from %s", from);

  g_object_set_data_full (G_OBJECT (f->page), "want-from", g_strdup (from), g_free);
  hall_ui_test_wait (page_shows, f, 60, what);
  hall_ui_test_pause (100);
}

/* The text of the figure button named @name. */
static const char *
figure (Fixture    *f,
        const char *name)
{
  return gtk_button_get_label (GTK_BUTTON (hall_ui_test_find (GTK_WIDGET (f->page), name)));
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
  f->page = HALL_STATS_PAGE (hall_stats_page_new (f->client));
  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1400, 1000);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  gtk_window_present (GTK_WINDOW (f->window));
  wait_period (f, hall.month_first);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  hall_ui_test_flush ();
  g_clear_object (&f->client);
}

/* The month: the counts per channel, this year and a year earlier, and the charts. */
static void
test_figures (Fixture      *f,
              gconstpointer data)
{
  HallStatsChart *trend =
      HALL_STATS_CHART (hall_ui_test_find (GTK_WIDGET (f->page), "trend_chart"));
  HallStatsChart *departments =
      HALL_STATS_CHART (hall_ui_test_find (GTK_WIDGET (f->page), "department_chart"));
  guint  today = 0;
  gint64 sum = 0;

  g_assert_cmpstr (hall_stats_page_get_from (f->page), ==, hall.month_first);
  g_assert_cmpstr (figure (f, "batches batches"), ==, "5");
  g_assert_cmpstr (figure (f, "batches batches&channel=letter"), ==, "3");
  g_assert_cmpstr (figure (f, "batches batches&channel=visit"), ==, "2");
  g_assert_cmpstr (figure (f, "matters matters&channel=letter"), ==, "3");
  g_assert_cmpstr (figure (f, "batches batches&channel=letter&prev"), ==, "0");
  /* Each figure says what it counts. */
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (
                                hall_ui_test_find (GTK_WIDGET (f->page), "batches batches")),
                            "ticket"));
  /* 回访 comes from the follow-up work: none listed this month, so "—", and a traceable figure
   * that says how it is counted. */
  g_assert_cmpstr (figure (f, "follow_up/visits"), ==, "—");
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (
                                hall_ui_test_find (GTK_WIDGET (f->page), "follow_up/visits")),
                            "called at least once"));
  g_assert_cmpstr (figure (f, "follow_up/satisfied"), ==, "—");

  /* A bar a day of the month, today's at 5; a bar per department, adding up to the batches. */
  sscanf (hall.today + 8, "%u", &today);
  g_assert_cmpuint (hall_stats_chart_get_n_bars (trend), >=, 28);
  g_assert_cmpint (hall_stats_chart_get_value (trend, today - 1), ==, 5);
  g_assert_cmpstr (hall_stats_chart_get_label (trend, today - 1), ==, hall.today + 5);
  for (guint i = 0; i < hall_stats_chart_get_n_bars (trend); i++)
    sum += hall_stats_chart_get_value (trend, i);
  g_assert_cmpint (sum, ==, 5);
  g_assert_cmpuint (hall_stats_chart_get_n_bars (departments), >=, 1);
  for (guint i = 0; i < hall_stats_chart_get_n_bars (departments); i++)
    sum -= hall_stats_chart_get_value (departments, i);
  g_assert_cmpint (sum, ==, 0);
}

/* The arrows, the day and the custom dates change the figures (a figure with the focus keeps it);
 * dates out of order stay typed, with the error at the field. */
static void
test_period (Fixture      *f,
             gconstpointer data)
{
  GtkWidget       *from = hall_ui_test_find (GTK_WIDGET (f->page), "from");
  GtkWidget       *to = hall_ui_test_find (GTK_WIDGET (f->page), "to");
  GtkWidget       *error = hall_ui_test_find (GTK_WIDGET (f->page), "dates_error");
  g_autofree char *last_month = g_strdup (hall.earlier);

  GtkWidget *letters = hall_ui_test_find (GTK_WIDGET (f->page), "batches batches&channel=letter");

  last_month[8] = '0';
  last_month[9] = '1';
  /* Ctrl+PageUp on a figure: the figure keeps the focus, its text the period's */
  g_assert_true (gtk_widget_grab_focus (letters));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "stats.shift", "i", -1);
  wait_period (f, last_month);
  g_assert_cmpstr (figure (f, "batches batches&channel=letter"), ==, "2");
  g_assert_cmpstr (figure (f, "batches batches&channel=visit"), ==, "0");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == letters);
  g_assert_cmpstr (gtk_widget_get_name (letters), ==, "batches batches&channel=letter");

  gtk_drop_down_set_selected (
      GTK_DROP_DOWN (hall_ui_test_find (GTK_WIDGET (f->page), "period_kind")),
      HALL_STATS_PERIOD_DAY);
  wait_period (f, hall.today);
  g_assert_cmpstr (hall_stats_page_get_to (f->page), ==, hall.today);
  g_assert_cmpstr (figure (f, "batches batches"), ==, "5");

  gtk_drop_down_set_selected (
      GTK_DROP_DOWN (hall_ui_test_find (GTK_WIDGET (f->page), "period_kind")),
      HALL_STATS_PERIOD_CUSTOM);
  hall_date_row_set_date (HALL_DATE_ROW (from), hall.today);
  hall_date_row_set_date (HALL_DATE_ROW (to), hall.earlier);
  /* A button's activation clicks it once its pressed look has shown. */
  gtk_widget_activate (hall_ui_test_find (GTK_WIDGET (f->page), "show_dates"));
  hall_ui_test_pause (500);
  g_assert_true (gtk_widget_get_visible (error));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (to)), !=, "");
  g_assert_cmpstr (hall_date_row_get_date (HALL_DATE_ROW (from)), ==, hall.today);
  g_assert_cmpstr (hall_stats_page_get_from (f->page), ==, hall.today);

  hall_date_row_set_date (HALL_DATE_ROW (from), hall.earlier);
  hall_date_row_set_date (HALL_DATE_ROW (to), hall.today);
  gtk_widget_activate (hall_ui_test_find (GTK_WIDGET (f->page), "show_dates"));
  wait_period (f, hall.earlier);
  g_assert_false (gtk_widget_get_visible (error));
  g_assert_cmpstr (figure (f, "batches batches&channel=letter"), ==, "5");
}

static gboolean
stack_shows (gpointer data)
{
  Fixture *f = data;

  return g_strcmp0 (hall_stats_page_get_view (f->page),
                    g_object_get_data (G_OBJECT (f->page), "want-view"))
         == 0;
}

static void
wait_view (Fixture    *f,
           const char *view)
{
  g_object_set_data_full (G_OBJECT (f->page), "want-view", g_strdup (view), g_free);
  hall_ui_test_wait (stack_shows, f, 60, view);
}

/* A click on 来信 批次 lists exactly the three letters of the month; one opens. */
static void
test_trace (Fixture      *f,
            gconstpointer data)
{
  GListModel *trace = hall_stats_page_get_trace (f->page);

  gtk_widget_activate (hall_ui_test_find (GTK_WIDGET (f->page), "batches batches&channel=letter"));
  wait_view (f, "trace");
  g_assert_cmpuint (g_list_model_get_n_items (trace), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (trace, i);
      JsonObject *row = hall_json_item_get_data (item);

      g_assert_cmpstr (json_object_get_string_member (row, "kind"), ==, "matters");
      g_assert_cmpint (json_object_get_int_member (row, "id"), ==, hall.letters[i]);
    }
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (
                                hall_ui_test_find (GTK_WIDGET (f->page), "trace_summary"))),
                            "3 records"));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "stats.show-matter", "x", hall.letters[0]);
  wait_view (f, "matter");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "stats.back", NULL);
  wait_view (f, "trace");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "stats.back", NULL);
  wait_view (f, "list");
}

/* The 统计表 as the county files it, from the page. */
static void
test_export (Fixture      *f,
             gconstpointer data)
{
  g_autofree char *rows = NULL;
  g_autofree char *text = NULL;

  hall_ui_test_export (f->page, (HallUiTestExportFunc) hall_stats_page_export_to,
                       (gboolean (*) (gpointer)) hall_stats_page_is_exporting, hall.dir, "statistics", &rows,
                       &text);
  hall_test_assert_has (rows, "Statistics of petition work");
  hall_test_assert_has (rows, "Total batches\t5\t0\t—");
  hall_test_assert_has (rows, "Letter batches\t3\t0\t—");
  hall_test_assert_has (text, "Statistics of petition work");
  hall_test_assert_has (text, "Letter batches");
  hall_test_assert_has (text, hall.month_first);
}

/* The dark style: the figures, the charts and the tables draw without a warning. */
static void
test_dark (Fixture      *f,
           gconstpointer data)
{
  AdwStyleManager *style = adw_style_manager_get_default ();

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_widget_queue_draw (f->window);
  hall_ui_test_pause (300);
  g_assert_true (adw_style_manager_get_dark (style));
  g_assert_true (gtk_widget_get_mapped (hall_ui_test_find (GTK_WIDGET (f->page), "trend_chart")));
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  hall_ui_test_pause (100);
}

/* The figures of the page, their names ("path trace"), texts and targets. */
typedef struct
{
  GPtrArray *names;
  GPtrArray *texts;
  GPtrArray *targets;
  guint      untraced; /* "—" figures, with their tooltip too */
} Figures;

static void
collect (GtkWidget *widget,
         Figures   *figures)
{
  if (GTK_IS_BUTTON (widget)
      && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "stats.trace") == 0)
    {
      GVariant   *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (widget));
      const char *tooltip = gtk_widget_get_tooltip_text (widget);

      /* Each figure says how it is counted (issue 10 §1). */
      if (tooltip == NULL || *tooltip == '\0')
        g_error ("the figure %s has no definition", gtk_widget_get_name (widget));
      g_ptr_array_add (figures->names, g_strdup (gtk_widget_get_name (widget)));
      g_ptr_array_add (figures->texts, g_strdup (gtk_button_get_label (GTK_BUTTON (widget))));
      g_ptr_array_add (figures->targets, g_variant_dup_string (target, NULL));
    }
  else if (GTK_IS_LABEL (widget) && GTK_IS_GRID (gtk_widget_get_parent (widget))
           && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), "—") == 0)
    {
      int column = 0;

      /* a figure with nothing to count (the last column is the change, not a figure) */
      gtk_grid_query_child (GTK_GRID (gtk_widget_get_parent (widget)), widget, &column, NULL, NULL,
                            NULL);
      if (column == 1 || column == 2)
        {
          g_assert_nonnull (gtk_widget_get_tooltip_text (widget));
          figures->untraced++;
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, figures);
}

static gboolean
table_built (gpointer data)
{
  return gtk_column_view_get_model (GTK_COLUMN_VIEW (data)) != NULL;
}

/* The tables build their rows when their tab is shown, not before: each tab is opened, as a
 * user would, and its figures collected; the tab left lets its rows go. */
static void
collect_tables (Fixture *f,
                Figures *figures)
{
  static const char *const tabs[][2] = {
    { "counters", "counter_table" },
    { "staff", "staff_table" },
  };
  GtkStack  *stack = GTK_STACK (hall_ui_test_find (GTK_WIDGET (f->page), "tables"));
  GtkWidget *departments = hall_ui_test_find (GTK_WIDGET (f->page), "department_table");

  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      GtkWidget *table = hall_ui_test_find (GTK_WIDGET (f->page), tabs[i][1]);

      g_assert_null (gtk_column_view_get_model (GTK_COLUMN_VIEW (table)));
      gtk_stack_set_visible_child_name (stack, tabs[i][0]);
      hall_ui_test_wait (table_built, table, 60, tabs[i][1]);
      g_assert_null (gtk_column_view_get_model (GTK_COLUMN_VIEW (departments)));
      hall_ui_test_flush ();
      collect (table, figures);
      gtk_stack_set_visible_child_name (stack, "departments");
    }
  hall_ui_test_wait (table_built, departments, 60, "department_table");
}

static gboolean
trace_answered (gpointer data)
{
  Fixture *f = data;

  return *gtk_label_get_text (GTK_LABEL (hall_ui_test_find (GTK_WIDGET (f->page), "trace_summary")))
         != '\0';
}

/* Every figure on the page, in the 统计表 and the tables by department, window and staff member,
 * this period and a year earlier: it has its definition as a tooltip, and a click lists as many
 * records as it says (a persons figure: the records' person-times, a rate: its numerator). */
static void
test_every_figure (Fixture      *f,
                   gconstpointer data)
{
  Figures    figures = { g_ptr_array_new_with_free_func (g_free),
                         g_ptr_array_new_with_free_func (g_free),
                         g_ptr_array_new_with_free_func (g_free), 0 };
  GtkWidget *summary = hall_ui_test_find (GTK_WIDGET (f->page), "trace_summary");
  guint      departments = 0, nonzero = 0;

  /* the tab shown, built the frame after the figures */
  hall_ui_test_wait (table_built, hall_ui_test_find (GTK_WIDGET (f->page), "department_table"), 60,
                     "department_table");
  hall_ui_test_flush ();
  collect (GTK_WIDGET (f->page), &figures);
  collect_tables (f, &figures);
  g_assert_cmpuint (figures.names->len, >, 100);
  for (guint i = 0; i < figures.names->len; i++)
    {
      const char      *name = figures.names->pdata[i];
      const char      *text = figures.texts->pdata[i];
      const char      *open = strchr (text, '(');
      g_autofree char *path = g_strndup (name, strcspn (name, " "));
      gboolean         persons = g_str_has_suffix (path, "persons");
      gint64           want = g_ascii_strtoll (open != NULL ? open + 1 : text, NULL, 10);
      gint64           got;

      departments += strstr (name, "&department_id=") != NULL;
      nonzero += want > 0;
      gtk_widget_activate_action (GTK_WIDGET (f->page), "stats.trace", "s",
                                  (const char *) figures.targets->pdata[i]);
      hall_ui_test_wait (trace_answered, f, 60, name);
      if (persons)
        {
          const char *p = strchr (gtk_label_get_text (GTK_LABEL (summary)), '(');

          g_assert_nonnull (p);
          got = g_ascii_strtoll (p + 1, NULL, 10);
        }
      else
        got = g_list_model_get_n_items (hall_stats_page_get_trace (f->page));
      if (got != want)
        g_error ("%s reads %s, its records are %" G_GINT64_FORMAT, name, text, got);
    }
  /* The departments' batches, person-times and matters are figures of their own now. */
  g_assert_cmpuint (departments, >=, 3 * 2);
  g_assert_cmpuint (nonzero, >=, 10);
  g_test_message ("%u figures traced, %u without records (—)", figures.names->len,
                  figures.untraced);
  g_ptr_array_unref (figures.names);
  g_ptr_array_unref (figures.texts);
  g_ptr_array_unref (figures.targets);
}

static gint64
register_letter (const char *date,
                 const char *name)
{
  g_autoptr (JsonObject) matter = hall_test_server_ok (
      hall.server, hall.manager, "matter.register",
      "{\"channel\": \"letter\", \"type\": \"claim\", \"received_date\": \"%s\", "
      "\"content\": \"反映小区供暖不达标。\", \"petitioners\": [{\"name\": \"%s\"}]}",
      date, name);

  return json_object_get_int_member (matter, "matter_id");
}

int
main (int   argc,
      char *argv[])
{
  char *data_dir = hall_ui_test_init (&argc, &argv);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) info = NULL;
  GDate date;
  guint y, m, d;
  int   status;
  char *leader;

  hall.server = hall_test_server_new (HALL_TEST_SERVER_PLAIN);
  hall.manager = hall_test_server_add_user_login (hall.server, "zhang", "manager", NULL, 0);
  hall.dir = g_dir_make_tmp ("hall-stats-page-XXXXXX", &error);
  g_assert_no_error (error);
  info = hall_test_server_ok (hall.server, hall.manager, "hall.info", "{}");
  hall.today = g_strdup (json_object_get_string_member (info, "today"));
  g_assert_cmpint (sscanf (hall.today, "%4u-%2u-%2u", &y, &m, &d), ==, 3);
  hall.month_first = g_strdup_printf ("%04u-%02u-01", y, m);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, m, y);
  g_date_subtract_days (&date, 10);
  hall.earlier = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                                  g_date_get_month (&date), g_date_get_day (&date));

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("来信人%u", i);

      hall.letters[i] = register_letter (hall.today, name);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("上月来信人%u", i);

      register_letter (hall.earlier, name);
      json_object_unref (
          hall_test_server_ok (hall.server, hall.manager, "ticket.issue", "{\"department_id\": 2}"));
    }

  /* a leader's 下访 of three this month */
  leader = hall_test_server_add_user_login (hall.server, "sun", "leader", NULL, 0);
  json_object_unref (hall_test_server_ok (
      hall.server, leader, "leader.outreach_record",
      "{\"kind\": \"visit\", \"date\": \"%s\", \"place\": \"城关镇\", \"persons\": 3}",
      hall.today));
  g_free (leader);

  g_test_add ("/stats/figures", Fixture, NULL, fixture_set_up, test_figures, fixture_tear_down);
  g_test_add ("/stats/period", Fixture, NULL, fixture_set_up, test_period, fixture_tear_down);
  g_test_add ("/stats/trace", Fixture, NULL, fixture_set_up, test_trace, fixture_tear_down);
  g_test_add ("/stats/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/stats/dark", Fixture, NULL, fixture_set_up, test_dark, fixture_tear_down);
  g_test_add ("/stats/every-figure", Fixture, NULL, fixture_set_up, test_every_figure,
              fixture_tear_down);
  status = hall_ui_test_run (data_dir);

  hall_test_server_free (hall.server);
  hall_test_rm_rf (hall.dir);
  g_free (hall.dir);
  g_free (hall.manager);
  g_free (hall.today);
  g_free (hall.month_first);
  g_free (hall.earlier);
  return status;
}
