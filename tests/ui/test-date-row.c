/* test-date-row.c — the date field every form uses: typed, picked, by keyboard, with the hall's
 * holidays marked
 *
 * The field in a window under Xvfb; for the marks, on the admin's calendar page of a real hall
 * (engine and SQLite file) whose holidays are changed through calendar.set_day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "hall-admin-calendar-page.h"
#include "hall-date-row.h"
#include "hall-form.h"
#include "hall-local-client.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"

static char *data_dir;

typedef struct
{
  GtkWidget *window;
  GtkWidget *row;
} Field;

/* A form of one date field, named "when", with its error row under it, on screen. */
static void
field_set_up (Field        *f,
              gconstpointer data)
{
  GtkWidget *group = adw_preferences_group_new ();

  f->row = _hall_form_add_field (ADW_PREFERENCES_GROUP (group), "when", "When",
                                 hall_date_row_new ());
  f->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (f->window), group);
  gtk_window_present (GTK_WINDOW (f->window));
  hall_ui_test_flush ();
}

static void
field_tear_down (Field        *f,
                 gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  hall_ui_test_flush ();
}

static void
press_enter (GtkWidget *row)
{
  hall_ui_test_press_enter (row, gtk_widget_get_name (row));
}

static const char *
shown (GtkWidget *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static const char *
error_of (GtkWidget *row)
{
  GtkWidget *label = _hall_form_field_get_error_label (row);

  if (!gtk_widget_has_css_class (row, "error")
      || !gtk_widget_get_visible (gtk_widget_get_parent (label)))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_typing (Field        *f,
             gconstpointer data)
{
  /* The shown form (in this locale) after Enter, whatever way the day was typed. */
  const char *const typed[] = { "2026-12-05", "2026/12/5", "20261205", "2026年12月5日",
                                " 2026.12.05 ", "2026年12月5日 Saturday" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      hall_ui_test_type (f->window, "when", typed[i]);
      g_assert_cmpstr (hall_date_row_get_date (HALL_DATE_ROW (f->row)), ==, "2026-12-05");
      g_assert_cmpstr (shown (f->row), ==, typed[i]);
      press_enter (f->row);
      g_assert_cmpstr (shown (f->row), ==, "Sat, 5 Dec 2026");
      g_assert_null (error_of (f->row));
    }
  /* The weekday the field showed stays when a person changes the day: the day counts. */
  hall_ui_test_type (f->window, "when", "2026年12月6日 Saturday");
  press_enter (f->row);
  g_assert_cmpstr (hall_date_row_get_date (HALL_DATE_ROW (f->row)), ==, "2026-12-06");
  g_assert_cmpstr (shown (f->row), ==, "Sun, 6 Dec 2026");
  /* The shown form reads back as the same day; a form sets and empties the field. */
  g_assert_true (hall_date_row_check (HALL_DATE_ROW (f->row), TRUE));
  g_assert_cmpstr (hall_date_row_get_date (HALL_DATE_ROW (f->row)), ==, "2026-12-06");
  hall_date_row_set_date (HALL_DATE_ROW (f->row), "2027-02-28");
  g_assert_cmpstr (shown (f->row), ==, "Sun, 28 Feb 2027");
  hall_date_row_set_date (HALL_DATE_ROW (f->row), NULL);
  g_assert_cmpstr (shown (f->row), ==, "");
  g_assert_null (hall_date_row_get_date (HALL_DATE_ROW (f->row)));
}

static void
test_bad_date (Field        *f,
               gconstpointer data)
{
  const char *const bad[] = { "2026-02-30", "20261305", "next week", "2026年12月5日 Someday",
                              "12/05/2026" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      hall_date_row_set_date (HALL_DATE_ROW (f->row), "2026-12-05");
      /* Nothing is said while typing; the value is gone at once. */
      hall_ui_test_type (f->window, "when", bad[i]);
      g_assert_null (hall_date_row_get_date (HALL_DATE_ROW (f->row)));
      g_assert_null (error_of (f->row));
      /* Enter: said at the field, with the forms it takes; the text stays to be corrected. */
      press_enter (f->row);
      g_assert_nonnull (strstr (error_of (f->row), "2026-12-05"));
      g_assert_cmpstr (shown (f->row), ==, bad[i]);
      g_assert_false (hall_date_row_check (HALL_DATE_ROW (f->row), FALSE));
      g_assert_cmpstr (shown (f->row), ==, bad[i]);
    }
  /* Corrected: the error goes as soon as the text is a date. */
  hall_ui_test_type (f->window, "when", "2026-2-28");
  g_assert_null (error_of (f->row));
  g_assert_cmpstr (hall_date_row_get_date (HALL_DATE_ROW (f->row)), ==, "2026-02-28");
  /* Empty is fine unless the form needs a date. */
  hall_ui_test_type (f->window, "when", "");
  g_assert_true (hall_date_row_check (HALL_DATE_ROW (f->row), FALSE));
  g_assert_false (hall_date_row_check (HALL_DATE_ROW (f->row), TRUE));
  g_assert_cmpstr (error_of (f->row), ==, "Pick a date.");
}

static GtkWidget *
popover_of (GtkWidget *row)
{
  return GTK_WIDGET (
      gtk_menu_button_get_popover (GTK_MENU_BUTTON (hall_ui_test_find (row, "date_button"))));
}

static gboolean
focus_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
test_pick (Field        *f,
           gconstpointer data)
{
  GtkCalendar *calendar = GTK_CALENDAR (hall_ui_test_find (f->row, "date_calendar"));
  g_autoptr (GDateTime) selected = NULL;

  hall_date_row_set_date (HALL_DATE_ROW (f->row), "2026-12-05");
  gtk_widget_grab_focus (f->row);
  g_assert_true (gtk_widget_activate_action (f->row, "date-row.open", NULL));
  hall_ui_test_flush ();
  g_assert_true (gtk_widget_get_visible (popover_of (f->row)));
  /* The calendar opens on the field's day. */
  selected = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_day_of_month (selected), ==, 5);
  g_assert_cmpint (g_date_time_get_month (selected), ==, 12);
  /* A click on the 9th: the field says so, the calendar closes, the focus is back in the text. */
  hall_ui_test_click_day (calendar, 9);
  hall_ui_test_flush ();
  g_assert_false (gtk_widget_get_visible (popover_of (f->row)));
  g_assert_cmpstr (hall_date_row_get_date (HALL_DATE_ROW (f->row)), ==, "2026-12-09");
  g_assert_cmpstr (shown (f->row), ==, "Wed, 9 Dec 2026");
  g_assert_true (focus_in (f->row));

  /* Another month: turning to it picks nothing, the click does. */
  hall_ui_test_pick_date (f->window, "when", "2027-01-31");
  g_assert_cmpstr (shown (f->row), ==, "Sun, 31 Jan 2027");
  /* A bad text and a pick: the pick wins and the error goes. */
  hall_ui_test_type (f->window, "when", "2027-13-01");
  press_enter (f->row);
  g_assert_nonnull (error_of (f->row));
  hall_ui_test_pick_date (f->window, "when", "2027-03-01");
  g_assert_null (error_of (f->row));
}

/* A key pressed in @widget, handled by its own key controllers (the calendar's, the popover's). */
static gboolean
press_key (gpointer        widget,
           guint           keyval,
           GdkModifierType modifiers)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (widget));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) && !handled)
        g_signal_emit_by_name (controller, "key-pressed", keyval, 0, modifiers, &handled);
    }
  hall_ui_test_flush ();
  return handled;
}

static void
test_keyboard (Field        *f,
               gconstpointer data)
{
  GtkCalendar *calendar = GTK_CALENDAR (hall_ui_test_find (f->row, "date_calendar"));
  GtkWidget   *popover = popover_of (f->row);

  hall_date_row_set_date (HALL_DATE_ROW (f->row), "2026-12-05");
  gtk_widget_grab_focus (f->row);
  /* Alt+Down opens the calendar and gives it the focus; Escape closes it, the focus comes back. */
  g_assert_true (hall_ui_test_press_shortcut (f->row, GDK_KEY_Down, GDK_ALT_MASK));
  hall_ui_test_flush ();
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_true (focus_in (GTK_WIDGET (calendar)));
  g_assert_true (press_key (popover, GDK_KEY_Escape, 0));
  hall_ui_test_flush ();
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_true (focus_in (f->row));
  g_assert_cmpstr (hall_date_row_get_date (HALL_DATE_ROW (f->row)), ==, "2026-12-05");

  /* The arrows move in the calendar without picking, Ctrl+Right turns the month; Space picks. */
  g_assert_true (hall_ui_test_press_shortcut (f->row, GDK_KEY_Down, GDK_ALT_MASK));
  hall_ui_test_flush ();
  g_assert_true (press_key (calendar, GDK_KEY_Right, 0));
  g_assert_true (press_key (calendar, GDK_KEY_Down, 0));
  g_assert_true (press_key (calendar, GDK_KEY_Right, GDK_CONTROL_MASK));
  g_assert_true (gtk_widget_get_visible (popover));
  g_assert_cmpstr (hall_date_row_get_date (HALL_DATE_ROW (f->row)), ==, "2026-12-05");
  g_assert_true (press_key (calendar, GDK_KEY_space, 0));
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_true (g_str_has_prefix (hall_date_row_get_date (HALL_DATE_ROW (f->row)), "2027-01-"));
  g_assert_true (focus_in (f->row));

  /* Today, from the button under the calendar. */
  g_assert_true (gtk_widget_activate_action (f->row, "date-row.open", NULL));
  hall_ui_test_flush ();
  g_assert_true (gtk_widget_activate_action (f->row, "date-row.today", NULL));
  hall_ui_test_flush ();
  {
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    g_assert_cmpstr (hall_date_row_get_date (HALL_DATE_ROW (f->row)), ==, today);
  }
  g_assert_false (gtk_widget_get_visible (popover));
}

typedef struct
{
  GtkCalendar *calendar;
  int          day;
} MarkWait;

/* Marked, and drawn so: the day's label is in the checked state the theme shows. */
static gboolean
day_marked (gpointer data)
{
  MarkWait *w = data;

  return gtk_calendar_get_day_is_marked (w->calendar, w->day)
         && (gtk_widget_get_state_flags (hall_ui_test_calendar_day (w->calendar, w->day))
             & GTK_STATE_FLAG_CHECKED);
}

/* The page lists at least the "want-days" marked days. */
static gboolean
days_listed (gpointer data)
{
  GListModel *days = hall_admin_calendar_page_get_days (data);

  return g_list_model_get_n_items (days)
         >= GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (data), "want-days"));
}

/* The admin's calendar page of a real hall: its date field marks the hall's holidays and make-up
 * working days, named under the calendar, and a day picked there is added to the calendar. */
static void
test_marks (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *token = hall_test_add_user (hall, "wangfang", "admin", NULL, 0);
  g_autoptr (HallClient) client = hall_local_client_new (hall->engine);
  g_autoptr (JsonObject) holiday = NULL;
  g_autoptr (JsonObject) workday = NULL;
  g_autoptr (JsonObject) christmas = NULL;
  GtkWidget   *page, *window, *row, *popover;
  GtkCalendar *calendar;
  GtkLabel    *legend;
  gboolean     signed_in = FALSE;
  guint        n_days;

  hall_engine_set_now (hall->engine, hall_test_time ("2026-12-01 09:00"));
  holiday = hall_test_ok (hall, token, "calendar.set_day",
                          "{\"date\":\"2026-12-09\",\"kind\":\"holiday\",\"note\":\"县庆\"}");
  workday = hall_test_ok (hall, token, "calendar.set_day",
                          "{\"date\":\"2026-12-12\",\"kind\":\"workday\",\"note\":\"补班\"}");
  hall_client_login_async (client, "wangfang", "password123", NULL, 0, NULL, hall_ui_test_login_cb,
                           &signed_in);
  hall_ui_test_wait (hall_ui_test_flag_set, &signed_in, 30, "sign-in");
  page = hall_admin_calendar_page_new (client);
  window = gtk_window_new ();
  /* On the screen: a popover over a window taller than Xvfb's has no monitor to place it on. */
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  g_object_set_data (G_OBJECT (page), "want-days", GUINT_TO_POINTER (2));
  hall_ui_test_wait (days_listed, page, 30, "the calendar page");
  row = hall_ui_test_find (page, "day_date");
  calendar = GTK_CALENDAR (hall_ui_test_find (row, "date_calendar"));
  legend = GTK_LABEL (hall_ui_test_find (row, "date_legend"));
  popover = popover_of (row);

  hall_date_row_set_date (HALL_DATE_ROW (row), "2026-12-01");
  gtk_widget_activate_action (row, "date-row.open", NULL);
  {
    MarkWait w = { calendar, 9 };
    hall_ui_test_wait (day_marked, &w, 30, "the holiday marked");
  }
  g_assert_true (day_marked (&(MarkWait){ calendar, 12 }));
  g_assert_false (day_marked (&(MarkWait){ calendar, 10 }));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (legend)));
  g_assert_cmpstr (gtk_label_get_text (legend), ==,
                   "Dec 9 县庆: day off\nDec 12 补班: make-up working day");

  /* Turned back to October: the seeded National Day holiday, its seven days on one line, and its
   * make-up working day; December's marks are gone. */
  g_object_set (calendar, "month", 9, NULL);
  {
    MarkWait w = { calendar, 1 };
    hall_ui_test_wait (day_marked, &w, 30, "National Day marked");
  }
  g_assert_false (day_marked (&(MarkWait){ calendar, 9 }));
  g_assert_cmpstr (gtk_label_get_text (legend), ==,
                   "Oct 1–7 国庆节: day off\nOct 10 国庆节调休上班: make-up working day");
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* A holiday added meanwhile (the feed says calendar.changed) shows the next time. */
  n_days = g_list_model_get_n_items (
      hall_admin_calendar_page_get_days (HALL_ADMIN_CALENDAR_PAGE (page)));
  christmas = hall_test_ok (hall, token, "calendar.set_day",
                            "{\"date\":\"2026-12-25\",\"kind\":\"holiday\",\"note\":\"试点\"}");
  g_object_set_data (G_OBJECT (page), "want-days", GUINT_TO_POINTER (n_days + 1));
  hall_ui_test_wait (days_listed, page, 30, "the new holiday on the page");
  gtk_widget_activate_action (row, "date-row.open", NULL);
  {
    MarkWait w = { calendar, 25 };
    hall_ui_test_wait (day_marked, &w, 30, "the new holiday marked");
  }
  g_assert_nonnull (strstr (gtk_label_get_text (legend), "Dec 25 试点: day off"));
  gtk_popover_popdown (GTK_POPOVER (popover));

  /* The page's own form: a day picked, not typed, is added to the calendar. */
  hall_ui_test_pick_date (page, "day_date", "2026-12-31");
  hall_ui_test_type (page, "day_note", "年终");
  gtk_widget_activate_action (page, "calendar.add-day", NULL);
  g_object_set_data (G_OBJECT (page), "want-days", GUINT_TO_POINTER (n_days + 2));
  hall_ui_test_wait (days_listed, page, 30, "the picked day on the page");
  g_assert_nonnull (_hall_find_named (hall_ui_test_find (page, "days"), "2026-12-31"));
  g_assert_cmpstr (shown (row), ==, "");

  gtk_window_destroy (GTK_WINDOW (window));
  hall_ui_test_flush ();
  hall_engine_shutdown (hall->engine);
}

int
main (int   argc,
      char *argv[])
{
  data_dir = hall_ui_test_init (&argc, &argv);

  g_test_add ("/date-row/typing", Field, NULL, field_set_up, test_typing, field_tear_down);
  g_test_add ("/date-row/bad-date", Field, NULL, field_set_up, test_bad_date, field_tear_down);
  g_test_add ("/date-row/pick", Field, NULL, field_set_up, test_pick, field_tear_down);
  g_test_add ("/date-row/keyboard", Field, NULL, field_set_up, test_keyboard, field_tear_down);
  g_test_add_func ("/date-row/marks", test_marks);
  return hall_ui_test_run (data_dir);
}
