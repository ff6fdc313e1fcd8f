/* test-voice.c — the calling display's voice: the words of a call, the announcement rendered to
 * a WAV file and read back with sox (not silent, a plausible length, quieter at a lower
 * volume), the queue (calls one after another, never over each other), and speech-dispatcher:
 * used when one runs (a private one whose voice writes what it is given to a file), espeak-ng
 * when none does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <unistd.h>

#include "hall-test-netns.h"
#include "hall-ui-test-util.h"
#include "hall-voice.h"

static char *data_dir;

static void
test_voice_words (void)
{
  g_autofree char *c011 = hall_voice_spell_code ("C011");
  g_autofree char *a120 = hall_voice_spell_code ("A120");
  g_autofree char *call = hall_voice_call_text ("C011", 2);
  g_autofree char *call12 = hall_voice_call_text ("B305", 12);

  g_assert_cmpstr (c011, ==, "C零一一");
  g_assert_cmpstr (a120, ==, "A一二零");
  g_assert_cmpstr (call, ==, "请 C零一一 号，到 2 号窗口办理");
  g_assert_cmpstr (call12, ==, "请 B三零五 号，到 12 号窗口办理");
}

/* What `sox FILE -n stat` prints for @what ("RMS     amplitude"), as a number. */
static double
sox_stat (const char *path,
          const char *what)
{
  g_autofree char *output = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *command = g_strdup_printf ("sox %s -n stat", path);
  g_auto (GStrv) lines = NULL;
  int status = 0;

  /* sox writes its statistics on standard error. */
  g_assert_true (g_spawn_command_line_sync (command, NULL, &output, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  lines = g_strsplit (output, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], what))
      return g_ascii_strtod (strchr (lines[i], ':') + 1, NULL);
  g_error ("sox stat printed no “%s”: %s", what, output);
  return 0;
}

static double
sox_duration (const char *path)
{
  g_autofree char *output = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *command = g_strdup_printf ("sox --i -D %s", path);
  int              status = 0;

  g_assert_true (g_spawn_command_line_sync (command, &output, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return g_ascii_strtod (output, NULL);
}

static char *
render_to_wav (const char *name,
               int         volume,
               int         speed)
{
  g_autofree char *text = hall_voice_call_text ("C011", 2);
  g_autofree char *path = g_build_filename (data_dir, name, NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) samples = NULL;
  gint64 before = g_get_monotonic_time ();
  gint64 first = 0;
  int    rate = 0;

  samples = hall_voice_render (text, volume, speed, &rate, &first, &error);
  g_assert_no_error (error);
  g_assert_nonnull (samples);
  g_assert_cmpint (rate, >=, 8000);
  /* Speech starts soon after it is asked for: the display speaks within half a second. */
  g_assert_cmpint (first, >, before);
  g_test_message ("%s: first sample %.0f ms after the call", name, (first - before) / 1000.0);
  g_assert_true (hall_voice_write_wav (samples, rate, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_voice_wav (void)
{
  g_autofree char *normal = render_to_wav ("call.wav", 80, 100);
  g_autofree char *quiet = render_to_wav ("quiet.wav", 20, 100);
  g_autofree char *fast = render_to_wav ("fast.wav", 80, 200);
  double           seconds = sox_duration (normal);
  double           rms = sox_stat (normal, "RMS     amplitude");
  double           peak = sox_stat (normal, "Maximum amplitude");

  g_test_message ("one call twice: %.2f s, RMS %.3f, peak %.3f", seconds, rms, peak);
  /* A chime and the call twice: not a click, not a minute. */
  g_assert_cmpfloat (seconds, >=, 2.0);
  g_assert_cmpfloat (seconds, <=, 12.0);
  /* Not silent. */
  g_assert_cmpfloat (rms, >, 0.02);
  g_assert_cmpfloat (peak, >, 0.2);
  /* The settings are heard: a lower volume is quieter, a higher speed shorter. */
  g_assert_cmpfloat (sox_stat (quiet, "RMS     amplitude"), <, rms * 0.5);
  g_assert_cmpfloat (sox_duration (fast), <, seconds * 0.85);
}

typedef struct
{
  GPtrArray *said;
  gboolean   speaking;
  gboolean   overlapped;
  guint      finished;
} Heard;

static void
started_cb (HallVoice  *voice,
            const char *text,
            gint64      first_sample,
            Heard      *heard)
{
  if (heard->speaking)
    heard->overlapped = TRUE;
  heard->speaking = TRUE;
  g_ptr_array_add (heard->said, g_strdup (text));
}

static void
finished_cb (HallVoice  *voice,
             const char *text,
             Heard      *heard)
{
  heard->speaking = FALSE;
  heard->finished++;
}

static gboolean
all_said (gpointer data)
{
  Heard *heard = data;
  return heard->finished == 3;
}

static void
test_voice_queue (void)
{
  g_autoptr (HallVoice) voice = NULL;
  g_autoptr (GPtrArray) said = g_ptr_array_new_with_free_func (g_free);
  Heard heard = { said, FALSE, FALSE, 0 };

  /* espeak-ng here, whatever the machine runs; without a sound card playing fails, once in the
   * log, and the queue goes on. */
  g_setenv ("HALL_VOICE", "espeak", TRUE);
  voice = hall_voice_new ();
  g_assert_false (hall_voice_uses_speech_dispatcher (voice));
  g_signal_connect (voice, "started", G_CALLBACK (started_cb), &heard);
  g_signal_connect (voice, "finished", G_CALLBACK (finished_cb), &heard);
  hall_voice_say (voice, "请 A零零一 号，到 1 号窗口办理");
  hall_voice_say (voice, "请 B零零二 号，到 2 号窗口办理");
  hall_voice_say (voice, "请 C零零三 号，到 3 号窗口办理");
  g_assert_cmpuint (hall_voice_get_pending (voice), ==, 3);
  hall_ui_test_wait (all_said, &heard, 120, "three calls said");
  g_assert_false (heard.overlapped);
  g_assert_cmpuint (said->len, ==, 3);
  g_assert_cmpstr (said->pdata[0], ==, "请 A零零一 号，到 1 号窗口办理");
  g_assert_cmpstr (said->pdata[2], ==, "请 C零零三 号，到 3 号窗口办理");
  g_assert_cmpuint (hall_voice_get_pending (voice), ==, 0);
}

/* ---- speech-dispatcher ------------------------------------------------------------------- */

/* Debian's speech-dispatcher: its output modules, and the one that runs a command per text. */
#define SPEECHD_MODULES "/usr/lib/speech-dispatcher-modules"

static gboolean
daemon_gone (gpointer data)
{
  return *(gboolean *) data;
}

static void
daemon_ended_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *(gboolean *) user_data = TRUE;
}

/* A speech-dispatcher of the test's own (its own configuration and socket, no sound card): its
 * one voice is the "generic" module running a command that appends each text it is given, one a
 * line, to @said. */
static GSubprocess *
start_speech_dispatcher (const char *dir,
                         const char *socket,
                         const char *said)
{
  g_autofree char *conf = g_build_filename (dir, "conf", NULL);
  g_autofree char *modules = g_build_filename (conf, "modules", NULL);
  g_autofree char *home = g_build_filename (dir, "home", NULL);
  g_autofree char *logs = g_build_filename (dir, "log", NULL);
  g_autofree char *speechd_conf = g_build_filename (conf, "speechd.conf", NULL);
  g_autofree char *module_conf = g_build_filename (modules, "said.conf", NULL);
  g_autofree char *libao = g_build_filename (home, ".libao", NULL);
  g_autofree char *pid_file = g_build_filename (dir, "speechd.pid", NULL);
  HallTestChild    child = { getpid (), -1 };
  g_autofree char *module = g_strdup_printf (
      "GenericExecuteSynth \"printf '%%s\\\\n' \\'$DATA\\' >> %s\"\n"
      "GenericCmdDependency \"printf\"\n"
      "AddVoice \"zh\" \"MALE1\" \"zh\"\n"
      "GenericLanguage \"zh\" \"zh\" \"utf-8\"\n",
      said);
  g_autoptr (GSubprocessLauncher) launcher =
      g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_autoptr (GError) error = NULL;
  GSubprocess *daemon;

  g_assert_cmpint (g_mkdir_with_parents (modules, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (home, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (logs, 0700), ==, 0);
  /* No sound card: the modules' audio goes to libao's null driver. */
  g_assert_true (g_file_set_contents (libao, "default_driver=null\n", -1, NULL));
  g_assert_true (g_file_set_contents (speechd_conf,
                                      "AudioOutputMethod \"libao\"\n"
                                      "AddModule \"said\" \"sd_generic\" \"said.conf\"\n"
                                      "DefaultModule said\n"
                                      "DefaultLanguage \"zh\"\n",
                                      -1, NULL));
  g_assert_true (g_file_set_contents (module_conf, module, -1, NULL));
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  /* It goes when the test goes, even killed. */
  g_subprocess_launcher_set_child_setup (launcher, hall_test_netns_child_setup, &child, NULL);
  daemon = g_subprocess_launcher_spawn (launcher, &error, "speech-dispatcher", "--run-single",
                                        "--timeout", "0", "--communication-method",
                                        "unix_socket", "--socket-path", socket, "--config-dir",
                                        conf, "--module-dir", SPEECHD_MODULES, "--log-dir", logs,
                                        "--pid-file", pid_file, NULL);
  g_assert_no_error (error);
  /* Nothing in this process tells when the socket appears: look every 50 ms. */
  for (guint i = 0; !g_file_test (socket, G_FILE_TEST_EXISTS); i++)
    {
      if (i == 1200)
        g_error ("speech-dispatcher made no socket in 60 s");
      g_usleep (50 * 1000);
    }
  return daemon;
}

static gboolean
finished_two (gpointer data)
{
  return ((Heard *) data)->finished == 2;
}

static void
test_voice_speech_dispatcher (void)
{
  g_autofree char *speechd = g_find_program_in_path ("speech-dispatcher");
  g_autofree char *dir = g_build_filename (data_dir, "speechd", NULL);
  g_autofree char *socket = g_build_filename (dir, "speechd.sock", NULL);
  g_autofree char *said_path = g_build_filename (dir, "said.txt", NULL);
  g_autofree char *address = g_strdup_printf ("unix_socket:%s", socket);
  g_autofree char *said = NULL;
  g_autoptr (GSubprocess) daemon = NULL;
  g_autoptr (GPtrArray) heard_texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (HallVoice) voice = NULL;
  g_autoptr (HallVoice) fallback = NULL;
  g_auto (GStrv) lines = NULL;
  Heard    heard = { heard_texts, FALSE, FALSE, 0 };
  gboolean gone = FALSE;

  if (speechd == NULL || !g_file_test (SPEECHD_MODULES "/sd_generic", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("speech-dispatcher and its generic module are not installed");
      return;
    }
  g_unsetenv ("HALL_VOICE");
  g_setenv ("SPEECHD_ADDRESS", address, TRUE);
  daemon = start_speech_dispatcher (dir, socket, said_path);

  /* It runs: each call goes to it, said twice, one call after the other. */
  voice = hall_voice_new ();
  g_assert_true (hall_voice_uses_speech_dispatcher (voice));
  g_signal_connect (voice, "started", G_CALLBACK (started_cb), &heard);
  g_signal_connect (voice, "finished", G_CALLBACK (finished_cb), &heard);
  hall_voice_say (voice, "请 A零零一 号，到 1 号窗口办理");
  hall_voice_say (voice, "请 B零零二 号，到 2 号窗口办理");
  hall_ui_test_wait (finished_two, &heard, 60, "two calls said by speech-dispatcher");
  g_assert_false (heard.overlapped);
  g_assert_true (g_file_get_contents (said_path, &said, NULL, NULL));
  g_test_message ("speech-dispatcher's voice was given:\n%s", said);
  lines = g_strsplit (g_strstrip (said), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  for (guint i = 0; i < 4; i++)
    g_assert_nonnull (strstr (lines[i], i < 2 ? "请 A零零一 号" : "请 B零零二 号"));
  g_clear_object (&voice);

  /* It does not run: espeak-ng says the call. */
  g_subprocess_wait_async (daemon, NULL, daemon_ended_cb, &gone);
  g_subprocess_send_signal (daemon, SIGTERM);
  hall_ui_test_wait (daemon_gone, &gone, 60, "speech-dispatcher to end");
  g_unlink (socket);
  heard.finished = 0;
  fallback = hall_voice_new ();
  g_assert_false (hall_voice_uses_speech_dispatcher (fallback));
  g_signal_connect (fallback, "started", G_CALLBACK (started_cb), &heard);
  g_signal_connect (fallback, "finished", G_CALLBACK (finished_cb), &heard);
  hall_voice_say (fallback, "请 C零零三 号，到 3 号窗口办理");
  hall_voice_say (fallback, "请 D零零四 号，到 4 号窗口办理");
  hall_ui_test_wait (finished_two, &heard, 120, "two calls said by espeak-ng");
  g_assert_cmpuint (heard_texts->len, ==, 4);
  g_assert_cmpstr (heard_texts->pdata[3], ==, "请 D零零四 号，到 4 号窗口办理");
  g_unsetenv ("SPEECHD_ADDRESS");
}

int
main (int   argc,
      char *argv[])
{
  data_dir = hall_ui_test_init (&argc, &argv);

  g_test_add_func ("/voice/words", test_voice_words);
  g_test_add_func ("/voice/wav", test_voice_wav);
  g_test_add_func ("/voice/queue", test_voice_queue);
  g_test_add_func ("/voice/speech-dispatcher", test_voice_speech_dispatcher);
  return hall_ui_test_run (data_dir);
}
