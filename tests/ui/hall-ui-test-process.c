/* hall-ui-test-process.c — apps in processes of their own, driven by a test through lines on
 * their standard input and output (test-e2e, test-lan)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include <gio/gunixinputstream.h>
#include <stdio.h>
#include <unistd.h>

#include "hall-test-netns.h"
#include "hall-test-server.h"
#include "hall-test-util.h"
#include "hall-ui-test-process.h"
#include "hall-ui-test-util.h"
#include "hall-workspace.h"

static HallUiTestLines from_test;

static void read_next (HallUiTestLines *reader);

static void
read_line_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  HallUiTestLines *reader = user_data;
  g_autoptr (GError) error = NULL;
  char *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (object), result,
                                                          NULL, &error);

  if (line == NULL)
    {
      reader->eof = TRUE;
      if (reader->exit_on_eof)
        {
          g_printerr ("The test went away; this app ends too.\n");
          _exit (2);
        }
      return;
    }
  g_queue_push_tail (&reader->lines, line);
  /* Nothing comes after "quit": no read is left on its way when the app ends. */
  if (!g_str_equal (line, "quit"))
    read_next (reader);
}

static void
read_next (HallUiTestLines *reader)
{
  g_data_input_stream_read_line_async (reader->input, G_PRIORITY_DEFAULT, NULL, read_line_cb,
                                       reader);
}

static void
lines_init (HallUiTestLines *reader,
            GInputStream    *stream,
            const char      *who)
{
  reader->input = g_data_input_stream_new (stream);
  g_queue_init (&reader->lines);
  reader->who = who;
  read_next (reader);
}

static void
lines_clear (HallUiTestLines *reader)
{
  g_clear_object (&reader->input);
  g_queue_clear_full (&reader->lines, g_free);
}

static gboolean
has_line (gpointer data)
{
  HallUiTestLines *reader = data;
  return reader->eof || !g_queue_is_empty (&reader->lines);
}

GStrv
hall_ui_test_lines_expect (HallUiTestLines *reader,
                           const char      *word)
{
  g_autofree char *what = g_strdup_printf ("“%s” from the %s", word, reader->who);
  g_autofree char *line = NULL;
  GStrv            words;

  /* Longer than a step in the child, so a child stuck in a step says which one itself. */
  hall_ui_test_wait (has_line, reader, 2 * HALL_UI_TEST_STEP_TIMEOUT, what);
  if (g_queue_is_empty (&reader->lines))
    g_error ("The %s ended before saying “%s”", reader->who, word);
  line = g_queue_pop_head (&reader->lines);
  words = g_strsplit (line, " ", -1);
  if (g_strcmp0 (words[0], word) != 0)
    g_error ("The %s said “%s” where “%s” was due", reader->who, line, word);
  return words;
}

/* ---- in a child ---------------------------------------------------------------------------- */

char *
hall_ui_test_child_init (void)
{
  char  *dir = hall_ui_test_environment ();
  gint64 start = g_get_monotonic_time ();
  g_autoptr (GInputStream) input = NULL;

  /* Standard output is for the test's lines only. */
  g_log_writer_default_set_use_stderr (TRUE);
  gtk_init ();
  adw_init ();
  hall_ui_test_trace_waits ("app");
  g_printerr ("app (pid %d): GTK ready in %.1f s\n", getpid (),
              (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  /* An entry row's focus animation still running when its window goes keeps the form alive. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  input = g_unix_input_stream_new (STDIN_FILENO, FALSE);
  from_test.exit_on_eof = TRUE;
  lines_init (&from_test, input, "test");
  return dir;
}

void
hall_ui_test_child_end (char *data_dir)
{
  lines_clear (&from_test);
  hall_test_rm_rf (data_dir);
  g_free (data_dir);
}

HallUiTestLines *
hall_ui_test_child_lines (void)
{
  return &from_test;
}

void
hall_ui_test_say (const char *format,
                  ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  putchar ('\n');
  fflush (stdout);
}

static gboolean
join_button_shown (gpointer data)
{
  return gtk_widget_get_visible (hall_ui_test_find (data, "join_button"));
}

HallApplication *
hall_ui_test_join_hall (const char  *url,
                        const char  *username,
                        gint64       counter_id,
                        HallWindow **window)
{
  HallApplication *app = hall_ui_test_start_app (window);
  GtkWidget       *welcome = GTK_WIDGET (hall_window_get_welcome_page (*window));
  GtkWidget       *signin = GTK_WIDGET (hall_window_get_signin_page (*window));

  gtk_window_set_default_size (GTK_WINDOW (*window), 1280, 800);
  gtk_widget_activate_action (welcome, "welcome.show-join", NULL);
  hall_ui_test_type (welcome, "address", url);
  gtk_widget_activate_action (welcome, "welcome.probe", NULL);
  hall_ui_test_wait (join_button_shown, welcome, HALL_UI_TEST_STEP_TIMEOUT, "the server's answer");
  gtk_widget_activate_action (welcome, "welcome.join", NULL);
  hall_ui_test_wait_page (*window, "signin", HALL_UI_TEST_STEP_TIMEOUT);

  hall_ui_test_type (signin, "username", username);
  hall_ui_test_type (signin, "password", HALL_TEST_PASSWORD);
  if (counter_id > 0)
    adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (signin, "counter")),
                                (guint) counter_id);
  hall_ui_test_wait (hall_ui_test_client_online, hall_application_get_client (app), HALL_UI_TEST_STEP_TIMEOUT,
                     "the hall server");
  gtk_widget_activate_action (signin, "signin.submit", NULL);
  hall_ui_test_wait_page (*window, "workspace", HALL_UI_TEST_STEP_TIMEOUT);
  return app;
}

GtkWidget *
hall_ui_test_show_page (HallWindow *window,
                        const char *name)
{
  HallWorkspace *workspace = hall_window_get_workspace (window);

  g_assert_true (hall_workspace_show_page (workspace, name));
  return hall_workspace_get_page (workspace, name);
}

void
hall_ui_test_child_quit (HallApplication *app,
                         HallWindow      *window)
{
  g_auto (GStrv) words = hall_ui_test_lines_expect (&from_test, "quit");

  hall_application_forget_hall (app);
  gtk_window_destroy (GTK_WINDOW (window));
  hall_ui_test_flush ();
}

/* ---- in the test --------------------------------------------------------------------------- */

void
hall_ui_test_app_start (HallUiTestApp     *app,
                        const char        *who,
                        const char        *netns,
                        const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocessLauncher) launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  HallTestChild child = { getpid (), netns ? hall_test_netns_open (netns) : -1 };

  /* It goes when the test goes, even killed. The setup runs before the spawn returns. */
  g_subprocess_launcher_set_child_setup (launcher, hall_test_netns_child_setup, &child, NULL);
  app->process = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (child.netns_fd >= 0)
    close (child.netns_fd);
  g_assert_no_error (error);
  app->to_app = g_object_ref (g_subprocess_get_stdin_pipe (app->process));
  lines_init (&app->from_app, g_subprocess_get_stdout_pipe (app->process), who);
}

void
hall_ui_test_app_tell (HallUiTestApp *app,
                       const char    *line)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *text = g_strconcat (line, "\n", NULL);

  g_assert_true (g_output_stream_write_all (app->to_app, text, strlen (text), NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_flush (app->to_app, NULL, &error));
}

static void
wait_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (g_subprocess_wait_finish (G_SUBPROCESS (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

void
hall_ui_test_app_finish (HallUiTestApp *app)
{
  gboolean ended = FALSE;

  hall_ui_test_app_tell (app, "quit");
  g_subprocess_wait_async (app->process, NULL, wait_cb, &ended);
  hall_ui_test_wait (hall_ui_test_flag_set, &ended, HALL_UI_TEST_STEP_TIMEOUT, "an app to quit");
  if (!g_subprocess_get_successful (app->process))
    g_error ("The %s app did not end well (status %d)", app->from_app.who,
             g_subprocess_get_status (app->process));
  hall_ui_test_wait (hall_ui_test_flag_set, &app->from_app.eof, HALL_UI_TEST_STEP_TIMEOUT,
                     "the app's last words");
  g_assert_true (g_queue_is_empty (&app->from_app.lines));
  lines_clear (&app->from_app);
  g_clear_object (&app->to_app);
  g_clear_object (&app->process);
}
