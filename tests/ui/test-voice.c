/* test-voice.c — the calling display's voice: the words of a call, the announcement rendered to
 * a WAV file and read back with sox (not silent, a plausible length, quieter at a lower
 * volume), and the queue (calls one after another, never over each other)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

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

int
main (int   argc,
      char *argv[])
{
  data_dir = hall_ui_test_init (&argc, &argv);

  g_test_add_func ("/voice/words", test_voice_words);
  g_test_add_func ("/voice/wav", test_voice_wav);
  g_test_add_func ("/voice/queue", test_voice_queue);
  return hall_ui_test_run (data_dir);
}
