/* hall-ui-test-util.h — driving the real app in tests and in the screenshot helper
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-application.h"
#include "hall-client.h"
#include "hall-export.h"
#include "hall-find.h"
#include "hall-window.h"

G_BEGIN_DECLS

typedef gboolean (*HallUiTestCondition) (gpointer data);

/* Must run before anything reads the environment: a private data folder (removed by the
 * caller), settings in memory, and the schema compiled in the build tree. */
char *hall_ui_test_environment (void);
/* The start of a UI test program: hall_ui_test_environment(), GTK in test mode, libadwaita,
 * and no animations (an entry row's focus animation still running when its window goes would keep
 * the form, and so the client and the engine, alive past the test). Returns the data folder. */
char *hall_ui_test_init (int    *argc,
                         char ***argv);
/* Runs the tests added, then removes @data_dir (and frees it); returns g_test_run()'s result. */
int hall_ui_test_run (char *data_dir);
/* Runs @func in a process of its own (one GApplication per process and path on the session
 * bus), the test passing when it does. */
void hall_ui_test_in_subprocess (void (*func) (void));
/* Runs the main loop until @condition holds; fails the test after @seconds. */
/* Slow waits (over a second) are written to standard error, naming @who. */
void hall_ui_test_trace_waits (const char *who);
void hall_ui_test_wait (HallUiTestCondition condition,
                        gpointer            data,
                        guint               seconds,
                        const char         *what);
/* Runs the main loop for @milliseconds (frames drawn, timeouts of the pages run). */
void hall_ui_test_pause (guint milliseconds);
/* Lets pending idle work (layout, model updates) run. */
void hall_ui_test_flush (void);
/* @widget (floating or not) in a window of its own, shown and laid out, then everything
 * released: the test fails when something still holds the widget. */
void hall_ui_test_show_and_finalize (GtkWidget *widget);
/* Activates @action on @widget as soon as it is enabled (a page enables its actions once it is
 * online, which over a slow link can come after what it shows); fails the test after @seconds,
 * naming @what. */
void hall_ui_test_activate (GtkWidget  *widget,
                            const char *action,
                            guint       seconds,
                            const char *what);
/* Closes @window, lets its pending work run and drops the test's reference to @object (a widget
 * that was in it): the test fails when something else still holds it. */
void hall_ui_test_close_and_finalize (gpointer window,
                                      gpointer object);
/* Every text under @root, shown or not (labels, text fields, buttons' labels), one a line. */
char *hall_ui_test_texts (GtkWidget *root);
/* The widget named @name under @root; the test fails when there is none. */
GtkWidget *hall_ui_test_find (GtkWidget  *root,
                              const char *name);
/* Puts @text in the editable (or the text view) named @name, as typing would. */
void hall_ui_test_type (GtkWidget  *root,
                        const char *name,
                        const char *text);
/* Waits until @model holds @n items; fails the test after 30 seconds, naming @what. */
void hall_ui_test_wait_count (GListModel *model,
                              guint       n,
                              const char *what);
/* Picks, in the combo row named @name, the first item whose text holds @text; the test fails
 * when there is none. */
void hall_ui_test_select (GtkWidget  *root,
                          const char *name,
                          const char *text);
/* Does what the key @keyval with @modifiers does to @widget through its shortcuts (its class's
 * key bindings among them); FALSE when none of them takes the key. */
gboolean hall_ui_test_press_shortcut (GtkWidget      *widget,
                                      guint           keyval,
                                      GdkModifierType modifiers);
/* The label of the day @day of the month @calendar shows (not of the month before or after). */
GtkWidget *hall_ui_test_calendar_day (GtkCalendar *calendar,
                                      int          day);
/* Enter in the text field named @name (an entry, an entry row), through its text's own key
 * binding. */
void hall_ui_test_press_enter (GtkWidget  *root,
                               const char *name);
/* Clicks the day @day of the month @calendar shows, as the pointer does. */
void hall_ui_test_click_day (GtkCalendar *calendar,
                             int          day);
/* Picks @date ("YYYY-MM-DD") in the date field named @name: opens its calendar, turns to the
 * month as its arrows do and clicks the day; the calendar closes and the field holds the date. */
void hall_ui_test_pick_date (GtkWidget  *root,
                             const char *name,
                             const char *date);
/* Whether @model (of HallJsonItem) holds an item whose string @member is @value. */
gboolean hall_ui_test_list_has (GListModel *model,
                                const char *member,
                                const char *value);
/* Waits until @window shows the page @name. */
void hall_ui_test_wait_page (HallWindow *window,
                             const char *name,
                             guint       seconds);
/* For hall_ui_test_wait(): a gboolean that a callback sets. */
gboolean hall_ui_test_flag_set (gpointer data);
/* For hall_ui_test_wait(): the HallClient @client is connected to its hall, or is not. */
gboolean hall_ui_test_client_online (gpointer client);
gboolean hall_ui_test_client_offline (gpointer client);
/* For hall_ui_test_wait(): a form's field @widget shows an error (the "error" style). */
gboolean hall_ui_test_has_error (gpointer widget);
/* The text of the field named @name under @root (an editable or a text view), trimmed. */
char *hall_ui_test_dup_text (GtkWidget  *root,
                             const char *name);
/* A hall_client_login_async() callback: the sign-in worked, then *(gboolean *) @user_data. */
void hall_ui_test_login_cb (GObject      *object,
                            GAsyncResult *result,
                            gpointer      user_data);
/* The question the app asks (an AdwMessageDialog on screen), or NULL. */
AdwMessageDialog *hall_ui_test_find_dialog (void);
/* What a click on one of the question's buttons does: the response, then the dialog closes. */
void hall_ui_test_answer (const char *response);
/* The same on a dialog the test holds: @response, which must be enabled, then it closes. */
void hall_ui_test_respond (AdwMessageDialog *dialog,
                           const char       *response);
/* A HallUiTestCondition: the HallMatterView @view shows its matter in the state its "want-state"
 * data names. */
gboolean hall_ui_test_matter_view_shows (gpointer view);
/* Signs @client in as @username (password "password123") at @counter, shows the matter
 * @matter_id in @view (a new HallMatterView: sunk, the caller drops the reference) inside
 * @window, and waits until it shows the matter in @state (static). */
void hall_ui_test_show_matter (GtkWidget  *view,
                               GtkWidget  *window,
                               HallClient *client,
                               const char *username,
                               int         counter,
                               gint64      matter_id,
                               const char *state);
typedef void (*HallUiTestExportFunc) (gpointer         page,
                                      HallExportFormat format,
                                      const char      *path);
/* A page's export as a user saves it: @export_to writes @dir/@name.xlsx, then @dir/@name.pdf,
 * each waited for while @is_exporting; @rows gets the XLSX's rows (hall_test_xlsx_rows()) and
 * @text the PDF's text (hall_test_pdf_text()). */
void hall_ui_test_export (gpointer             page,
                          HallUiTestExportFunc export_to,
                          gboolean (*is_exporting) (gpointer page),
                          const char *dir,
                          const char *name,
                          char      **rows,
                          char      **text);

/* GTK's print dialog, when one is open (the papers go through it). */
GtkWindow *hall_ui_test_find_print_dialog (void);
/* Waits for the print dialog, then cancels it as a clerk would. */
void hall_ui_test_cancel_print_dialog (void);
/* A new app, registered and activated, not unique so tests may run side by side. */
HallApplication *hall_ui_test_start_app (HallWindow **window);

G_END_DECLS
