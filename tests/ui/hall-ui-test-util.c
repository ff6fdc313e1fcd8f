/* hall-ui-test-util.c — driving the real app in tests and in the screenshot helper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include <stdio.h>

#include "hall-date-row.h"
#include "hall-form.h"
#include "hall-json-item.h"
#include "hall-matter-view.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"

typedef struct
{
  HallWindow *window;
  const char *page;
} HallUiTestPage;

char *
hall_ui_test_environment (void)
{
  char       *dir = g_dir_make_tmp ("hall-ui-test-XXXXXX", NULL);
  const char *builddir = g_getenv ("HALL_TEST_BUILDDIR");

  g_assert_nonnull (dir);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  g_setenv ("XDG_CONFIG_HOME", dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  if (builddir != NULL && g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
    {
      g_autofree char *schemas = g_build_filename (builddir, "..", "data", "ui", NULL);
      g_setenv ("GSETTINGS_SCHEMA_DIR", schemas, TRUE);
    }
  return dir;
}

char *
hall_ui_test_init (int    *argc,
                   char ***argv)
{
  char *data_dir = hall_ui_test_environment ();

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  return data_dir;
}

int
hall_ui_test_run (char *data_dir)
{
  int result = g_test_run ();

  hall_test_rm_rf (data_dir);
  g_free (data_dir);
  return result;
}

static gboolean
_hall_ui_test_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static const char *trace_who;

void
hall_ui_test_trace_waits (const char *who)
{
  trace_who = who;
}

void
hall_ui_test_wait (HallUiTestCondition condition,
                   gpointer            data,
                   guint               seconds,
                   const char         *what)
{
  gboolean timed_out = FALSE;
  guint    id = g_timeout_add_seconds (seconds, _hall_ui_test_timeout_cb, &timed_out);
  gint64   start = g_get_monotonic_time ();

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (timed_out)
    g_error ("Timed out waiting for %s", what);
  g_source_remove (id);
  /* A child app's slow steps show in the test's log: a step that never ends names itself. */
  if (trace_who != NULL && g_get_monotonic_time () - start > G_USEC_PER_SEC)
    g_printerr ("%s: %.1f s waiting for %s\n", trace_who,
                (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC, what);
}

void
hall_ui_test_flush (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

void
hall_ui_test_show_and_finalize (GtkWidget *widget)
{
  GtkWidget *window = gtk_window_new ();

  g_object_ref_sink (widget);
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_present (GTK_WINDOW (window));
  hall_ui_test_flush ();
  hall_ui_test_close_and_finalize (window, widget);
}

typedef struct
{
  GtkWidget  *widget;
  const char *action;
} Activation;

static gboolean
activated (gpointer data)
{
  Activation *activation = data;

  return gtk_widget_activate_action (activation->widget, activation->action, NULL);
}

void
hall_ui_test_activate (GtkWidget  *widget,
                       const char *action,
                       guint       seconds,
                       const char *what)
{
  Activation activation = { widget, action };

  hall_ui_test_wait (activated, &activation, seconds, what);
}

void
hall_ui_test_close_and_finalize (gpointer window,
                                 gpointer object)
{
  gtk_window_destroy (GTK_WINDOW (window));
  hall_ui_test_flush ();
  g_assert_finalize_object (object);
}

static void
collect_texts (GtkWidget *widget,
               GString   *texts)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (texts, "%s\n", gtk_label_get_text (GTK_LABEL (widget)));
  else if (GTK_IS_EDITABLE (widget))
    g_string_append_printf (texts, "%s\n", gtk_editable_get_text (GTK_EDITABLE (widget)));
  else if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    g_string_append_printf (texts, "%s\n", gtk_button_get_label (GTK_BUTTON (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

char *
hall_ui_test_texts (GtkWidget *root)
{
  GString *texts = g_string_new (NULL);

  collect_texts (root, texts);
  return g_string_free (texts, FALSE);
}

GtkWidget *
hall_ui_test_find (GtkWidget  *root,
                   const char *name)
{
  GtkWidget *widget = _hall_find_named (root, name);

  if (widget == NULL)
    g_error ("No widget named “%s”", name);
  return widget;
}

void
hall_ui_test_type (GtkWidget  *root,
                   const char *name,
                   const char *text)
{
  GtkWidget *field = hall_ui_test_find (root, name);

  if (GTK_IS_TEXT_VIEW (field))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field)), text, -1);
  else
    gtk_editable_set_text (GTK_EDITABLE (field), text);
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

void
hall_ui_test_wait_count (GListModel *model,
                         guint       n,
                         const char *what)
{
  CountWait w = { model, n };

  hall_ui_test_wait (count_is, &w, 30, what);
}

void
hall_ui_test_select (GtkWidget  *root,
                     const char *name,
                     const char *text)
{
  AdwComboRow *combo = ADW_COMBO_ROW (hall_ui_test_find (root, name));
  GListModel  *model = adw_combo_row_get_model (combo);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

      if (strstr (gtk_string_object_get_string (item), text) != NULL)
        {
          adw_combo_row_set_selected (combo, i);
          return;
        }
    }
  g_error ("No “%s” in the list", text);
}

static gboolean
_hall_ui_test_page_is (gpointer data)
{
  HallUiTestPage *page = data;
  return g_strcmp0 (hall_window_get_page_name (page->window), page->page) == 0;
}

void
hall_ui_test_wait_page (HallWindow *window,
                        const char *name,
                        guint       seconds)
{
  HallUiTestPage   page = { window, name };
  g_autofree char *what = g_strdup_printf ("the window to show “%s”", name);

  hall_ui_test_wait (_hall_ui_test_page_is, &page, seconds, what);
}

gboolean
hall_ui_test_flag_set (gpointer data)
{
  return *(gboolean *) data;
}

gboolean
hall_ui_test_client_online (gpointer client)
{
  return hall_client_get_connected (client);
}

gboolean
hall_ui_test_client_offline (gpointer client)
{
  return !hall_client_get_connected (client);
}

gboolean
hall_ui_test_has_error (gpointer widget)
{
  return gtk_widget_has_css_class (widget, "error");
}

char *
hall_ui_test_dup_text (GtkWidget  *root,
                       const char *name)
{
  return _hall_form_dup_text (hall_ui_test_find (root, name));
}

void
hall_ui_test_login_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_login_finish (HALL_CLIENT (object), result, &error);

  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

gboolean
hall_ui_test_list_has (GListModel *model,
                       const char *member,
                       const char *value)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (json_object_get_string_member (hall_json_item_get_data (item), member), value)
          == 0)
        return TRUE;
    }
  return FALSE;
}

AdwMessageDialog *
hall_ui_test_find_dialog (void)
{
  g_autoptr (GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

void
hall_ui_test_answer (const char *response)
{
  AdwMessageDialog *dialog = hall_ui_test_find_dialog ();

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  hall_ui_test_flush ();
  g_assert_null (hall_ui_test_find_dialog ());
}

void
hall_ui_test_respond (AdwMessageDialog *dialog,
                      const char       *response)
{
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, response));
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  hall_ui_test_flush ();
}

gboolean
hall_ui_test_matter_view_shows (gpointer view)
{
  JsonObject *result = hall_matter_view_get_result (view);
  JsonObject *matter = result ? json_object_get_object_member (result, "matter") : NULL;

  return matter != NULL
         && g_strcmp0 (json_object_get_string_member (matter, "state"),
                       g_object_get_data (view, "want-state"))
                == 0;
}

void
hall_ui_test_show_matter (GtkWidget  *view,
                          GtkWidget  *window,
                          HallClient *client,
                          const char *username,
                          int         counter,
                          gint64      matter_id,
                          const char *state)
{
  gboolean signed_in = FALSE;

  hall_client_login_async (client, username, "password123", NULL, counter, NULL,
                           hall_ui_test_login_cb, &signed_in);
  hall_ui_test_wait (hall_ui_test_flag_set, &signed_in, 30, "sign-in");
  hall_page_set_client (HALL_PAGE (view), client);
  hall_matter_view_set_matter_id (HALL_MATTER_VIEW (view), matter_id);
  g_object_ref_sink (view);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));
  g_object_set_data (G_OBJECT (view), "want-state", (gpointer) state);
  hall_ui_test_wait (hall_ui_test_matter_view_shows, view, 30, "the matter");
}

GtkWindow *
hall_ui_test_find_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), "GtkPrintUnixDialog"))
        return window;
    }
  return NULL;
}

static gboolean
_hall_ui_test_print_dialog_shown (gpointer data)
{
  return hall_ui_test_find_print_dialog () != NULL;
}

void
hall_ui_test_cancel_print_dialog (void)
{
  GtkWindow *dialog;

  hall_ui_test_wait (_hall_ui_test_print_dialog_shown, NULL, 30, "the print dialog");
  dialog = hall_ui_test_find_print_dialog ();
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  G_GNUC_END_IGNORE_DEPRECATIONS
  hall_ui_test_flush ();
  g_assert_null (hall_ui_test_find_print_dialog ());
}

HallApplication *
hall_ui_test_start_app (HallWindow **window)
{
  HallApplication *app = hall_application_new ();
  g_autoptr (GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  *window = HALL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (HALL_IS_WINDOW (*window));
  hall_ui_test_flush ();
  return app;
}

gboolean
hall_ui_test_press_shortcut (GtkWidget      *widget,
                             guint           keyval,
                             GdkModifierType modifiers)
{
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autofree char *accelerator = gtk_accelerator_name (keyval, modifiers);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr (GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          g_autofree char *trigger =
              gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (g_str_equal (trigger, accelerator)
              && gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut),
                                               GTK_SHORTCUT_ACTION_EXCLUSIVE, widget,
                                               gtk_shortcut_get_arguments (shortcut)))
            return TRUE;
        }
    }
  return FALSE;
}

static GtkWidget *
day_label (GtkWidget  *widget,
           const char *day)
{
  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), day)
      && gtk_widget_has_css_class (widget, "day-number")
      && !gtk_widget_has_css_class (widget, "other-month"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = day_label (child, day);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
text_of (GtkWidget *widget)
{
  if (GTK_IS_TEXT (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *text = text_of (child);

      if (text != NULL)
        return text;
    }
  return NULL;
}

void
hall_ui_test_press_enter (GtkWidget  *root,
                          const char *name)
{
  GtkWidget *text = text_of (hall_ui_test_find (root, name));

  g_assert_nonnull (text);
  g_assert_true (hall_ui_test_press_shortcut (text, GDK_KEY_Return, 0));
  hall_ui_test_flush ();
}

static gboolean
laid_out (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

GtkWidget *
hall_ui_test_calendar_day (GtkCalendar *calendar,
                           int          day)
{
  g_autofree char *text = g_strdup_printf ("%d", day);
  GtkWidget       *label = day_label (GTK_WIDGET (calendar), text);

  g_assert_nonnull (label);
  return label;
}

void
hall_ui_test_click_day (GtkCalendar *calendar,
                        int          day)
{
  GtkWidget *label;
  g_autoptr (GListModel) controllers = NULL;
  graphene_point_t centre, point;

  /* Where the day is, once the calendar's popover has its place on the screen. */
  hall_ui_test_wait (laid_out, calendar, 30, "the calendar on screen");
  hall_ui_test_flush ();
  label = hall_ui_test_calendar_day (calendar, day);
  centre = GRAPHENE_POINT_INIT (gtk_widget_get_width (label) / 2.f,
                                gtk_widget_get_height (label) / 2.f);
  g_assert_true (gtk_widget_compute_point (label, GTK_WIDGET (calendar), &centre, &point));
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (calendar));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_GESTURE_CLICK (controller))
        {
          g_signal_emit_by_name (controller, "pressed", 1, (double) point.x, (double) point.y);
          return;
        }
    }
  g_assert_not_reached ();
}

void
hall_ui_test_pick_date (GtkWidget  *root,
                        const char *name,
                        const char *date)
{
  GtkWidget *row = hall_ui_test_find (root, name);
  GtkWidget *popover = hall_ui_test_find (row, "date_button");
  GtkWidget *calendar = hall_ui_test_find (row, "date_calendar");
  int        y, m, d;

  g_assert_cmpint (sscanf (date, "%d-%d-%d", &y, &m, &d), ==, 3);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (popover)));
  /* In the field first, as a person is: a long form scrolls to it. */
  gtk_widget_grab_focus (row);
  hall_ui_test_flush ();
  g_assert_true (gtk_widget_activate_action (row, "date-row.open", NULL));
  hall_ui_test_flush ();
  g_assert_true (gtk_widget_get_visible (popover));
  g_object_set (calendar, "year", y, "month", m - 1, NULL);
  hall_ui_test_click_day (GTK_CALENDAR (calendar), d);
  hall_ui_test_flush ();
  g_assert_false (gtk_widget_get_visible (popover));
  g_assert_cmpstr (hall_date_row_get_date (HALL_DATE_ROW (row)), ==, date);
}

void
hall_ui_test_in_subprocess (void (*func) (void))
{
  if (g_test_subprocess ())
    {
      func ();
      return;
    }
  g_test_trap_subprocess (NULL, 0,
                          G_TEST_SUBPROCESS_INHERIT_STDOUT | G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

static gboolean
pause_done_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
hall_ui_test_pause (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, pause_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  gpointer page;
  gboolean (*is_exporting) (gpointer page);
} Export;

static gboolean
export_done (gpointer data)
{
  Export *export = data;

  return !export->is_exporting (export->page);
}

void
hall_ui_test_export (gpointer             page,
                     HallUiTestExportFunc export_to,
                     gboolean (*is_exporting) (gpointer page),
                     const char *dir,
                     const char *name,
                     char      **rows,
                     char      **text)
{
  Export export = { page, is_exporting };
  g_autofree char *base = g_build_filename (dir, name, NULL);
  g_autofree char *xlsx = g_strconcat (base, ".xlsx", NULL);
  g_autofree char *pdf = g_strconcat (base, ".pdf", NULL);

  export_to (page, HALL_EXPORT_XLSX, xlsx);
  hall_ui_test_wait (export_done, &export, 60, "the XLSX");
  export_to (page, HALL_EXPORT_PDF, pdf);
  hall_ui_test_wait (export_done, &export, 60, "the PDF");
  *rows = hall_test_xlsx_rows (xlsx);
  *text = hall_test_pdf_text (pdf);
}
