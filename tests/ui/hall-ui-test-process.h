/* hall-ui-test-process.h — apps in processes of their own, driven by a test through lines on
 * their standard input and output (test-e2e, test-lan)
 *
 * The test runs itself again for each app. The child is the real app (HallApplication, its own
 * settings in memory and its own data folders); it says what it did and saw on its standard
 * output, one line at a time, and waits for the go-ahead on its standard input, so no step waits
 * for a fixed time. The monotonic clock is the same in every process: a child's line may carry a
 * time (g_get_monotonic_time ()) the test compares with its own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "hall-application.h"
#include "hall-window.h"

G_BEGIN_DECLS

/* Every single wait; a loaded machine under AddressSanitizer is slow to start an app. */
#define HALL_UI_TEST_STEP_TIMEOUT 240

typedef struct
{
  GDataInputStream *input;
  GQueue            lines;
  gboolean          eof;
  gboolean          exit_on_eof; /* an app whose test went away ends at once */
  const char       *who;
} HallUiTestLines;

/* The next line, split into words, whose first word must be @word. */
GStrv hall_ui_test_lines_expect (HallUiTestLines *reader,
                                 const char      *word);

/* In a child ------------------------------------------------------------------------------ */

/* The start of a child: the test environment, GTK, libadwaita, no animations, standard output
 * kept for the lines. Returns the data folder for hall_ui_test_child_end(). */
char *hall_ui_test_child_init (void);
void  hall_ui_test_child_end (char *data_dir);
/* The lines from the test. */
HallUiTestLines *hall_ui_test_child_lines (void);
/* One line on standard output, for the test. */
void hall_ui_test_say (const char *format,
                       ...) G_GNUC_PRINTF (1, 2);
/* A new app joins the hall server at @url from the welcome page (trusting the fingerprint it is
 * shown) and signs in as @username, at window @counter_id when it is not 0. */
HallApplication *hall_ui_test_join_hall (const char  *url,
                                         const char  *username,
                                         gint64       counter_id,
                                         HallWindow **window);
/* Shows the workspace's page @name and returns it. */
GtkWidget *hall_ui_test_show_page (HallWindow *window,
                                   const char *name);
/* Waits for "quit" from the test, then forgets the hall and closes @window. */
void hall_ui_test_child_quit (HallApplication *app,
                              HallWindow      *window);

/* In the test ----------------------------------------------------------------------------- */

typedef struct
{
  GSubprocess    *process;
  GOutputStream  *to_app;
  HallUiTestLines from_app;
} HallUiTestApp;

/* Runs @argv (this program again, with the child's arguments) as @who; the process dies with
 * the test and, when @netns is not NULL, runs in that network namespace. */
void hall_ui_test_app_start (HallUiTestApp     *app,
                             const char        *who,
                             const char        *netns,
                             const char *const *argv);
/* One line to the app. */
void hall_ui_test_app_tell (HallUiTestApp *app,
                            const char    *line);
/* Tells the app to quit; it must end well (a crash, a warning or a leak fails it). */
void hall_ui_test_app_finish (HallUiTestApp *app);

G_END_DECLS
