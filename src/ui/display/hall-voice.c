/* hall-voice.c — the calling display's voice: what a call says, and a queue that says it
 *
 * Every call is said twice after a chime, in Mandarin, one call after another. Where
 * speech-dispatcher runs on the PC (a hall may give it a better Chinese voice) it speaks; else
 * espeak-ng's Mandarin voice is synthesized here, on a worker thread, and played with sox's
 * `play`. A PC without a sound card logs that once and goes on showing the calls.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-voice"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <espeak-ng/speak_lib.h>
#include <libspeechd.h>
#include <math.h>
#include <unistd.h>
#include <string.h>

#include "hall-voice.h"

#define CHIME_SECONDS 0.9
#define PAUSE_SECONDS 0.6

struct _HallVoice
{
  GObject parent_instance;

  int volume;
  int speed;

  GQueue        queue; /* char *, waiting to be said */
  char         *current;
  GCancellable *cancellable;
  gboolean      audio_failed;

  SPDConnection *spd;
  int            spd_left; /* utterances of the current call speech-dispatcher has yet to end */
};

G_DEFINE_FINAL_TYPE (HallVoice, hall_voice, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_VOLUME,
  PROP_SPEED,
  N_PROPS
};

enum
{
  STARTED,
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

/* espeak-ng has one synthesizer per process. */
static GMutex espeak_lock;
static int    espeak_rate_hz;

/* speech-dispatcher's callbacks carry no data of ours: the one voice that uses it. */
static GWeakRef spd_voice;

static void say_next (HallVoice *self);

/* ---- the words ---------------------------------------------------------------------------- */

char *
hall_voice_spell_code (const char *code)
{
  static const char *const digits[] = { "零", "一", "二", "三", "四",
                                        "五", "六", "七", "八", "九" };
  GString                 *spelled = g_string_new (NULL);

  g_return_val_if_fail (code != NULL, NULL);

  for (const char *p = code; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append (spelled, digits[*p - '0']);
    else
      g_string_append_c (spelled, *p);
  return g_string_free (spelled, FALSE);
}

char *
hall_voice_call_text (const char *code,
                      gint64      counter_number)
{
  g_autofree char *spelled = hall_voice_spell_code (code);

  /* Said, not shown: the hall's own words, in Chinese whatever the PC's language. */
  return g_strdup_printf ("请 %s 号，到 %" G_GINT64_FORMAT " 号窗口办理", spelled, counter_number);
}

/* ---- synthesis ---------------------------------------------------------------------------- */

typedef struct
{
  GArray *samples;
  gint64  first_sample;
} Synthesis;

static int
synth_cb (short        *wav,
          int           n_samples,
          espeak_EVENT *events)
{
  Synthesis *synthesis = events->user_data;

  if (wav != NULL && n_samples > 0)
    {
      if (synthesis->first_sample == 0)
        synthesis->first_sample = g_get_monotonic_time ();
      g_array_append_vals (synthesis->samples, wav, n_samples);
    }
  return 0;
}

/* A two-note chime (ding-dong), fading out. */
static void
append_chime (GArray *samples,
              int     rate_hz)
{
  static const double notes[] = { 880.0, 659.25 };
  guint               per_note = rate_hz * CHIME_SECONDS / G_N_ELEMENTS (notes);

  for (guint n = 0; n < G_N_ELEMENTS (notes); n++)
    for (guint i = 0; i < per_note; i++)
      {
        double t = (double) i / rate_hz;
        short  s = (short) (12000.0 * exp (-3.0 * t) * sin (2 * G_PI * notes[n] * t));

        g_array_append_val (samples, s);
      }
}

static void
append_silence (GArray *samples,
                int     rate_hz,
                double  seconds)
{
  guint old = samples->len;

  g_array_set_size (samples, old + (guint) (rate_hz * seconds));
  memset (samples->data + old * sizeof (short), 0, (samples->len - old) * sizeof (short));
}

static gboolean
speak_into (GArray     *samples,
            const char *text,
            gint64     *first_sample,
            GError    **error)
{
  Synthesis synthesis = { samples, 0 };

  if (espeak_Synth (text, strlen (text) + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, NULL,
                    &synthesis)
      != EE_OK)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _ ("The voice could not say the call."));
      return FALSE;
    }
  if (first_sample != NULL && *first_sample == 0)
    *first_sample = synthesis.first_sample;
  return TRUE;
}

GBytes *
hall_voice_render (const char *text,
                   int         volume,
                   int         speed,
                   int        *rate_hz,
                   gint64     *first_sample,
                   GError    **error)
{
  g_autoptr (GArray) samples = g_array_new (FALSE, FALSE, sizeof (short));
  g_autoptr (GMutexLocker) locker = g_mutex_locker_new (&espeak_lock);
  double scale = CLAMP (volume, 0, 100) / 100.0;
  int    wpm = CLAMP (175 * CLAMP (speed, 50, 200) / 100, 80, 450);

  g_return_val_if_fail (text != NULL, NULL);

  if (first_sample != NULL)
    *first_sample = 0;
  if (espeak_rate_hz <= 0)
    {
      espeak_rate_hz = espeak_Initialize (AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, 0);
      if (espeak_rate_hz > 0)
        espeak_SetSynthCallback (synth_cb);
    }
  if (espeak_rate_hz <= 0 || espeak_SetVoiceByName ("cmn") != EE_OK)
    {
      espeak_rate_hz = 0;
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _ ("The Mandarin voice of espeak-ng is not installed."));
      return NULL;
    }
  espeak_SetParameter (espeakRATE, wpm, 0);
  espeak_SetParameter (espeakVOLUME, 100, 0);

  append_chime (samples, espeak_rate_hz);
  append_silence (samples, espeak_rate_hz, 0.3);
  if (!speak_into (samples, text, first_sample, error))
    return NULL;
  append_silence (samples, espeak_rate_hz, PAUSE_SECONDS);
  if (!speak_into (samples, text, first_sample, error))
    return NULL;
  append_silence (samples, espeak_rate_hz, 0.2);

  for (guint i = 0; i < samples->len; i++)
    g_array_index (samples, short, i) = (short) (g_array_index (samples, short, i) * scale);
  if (rate_hz != NULL)
    *rate_hz = espeak_rate_hz;
  return g_bytes_new (samples->data, samples->len * sizeof (short));
}

static void
put_le (guint8 *at,
        guint32 value,
        guint   bytes)
{
  for (guint i = 0; i < bytes; i++)
    at[i] = (value >> (8 * i)) & 0xff;
}

gboolean
hall_voice_write_wav (GBytes     *samples,
                      int         rate_hz,
                      const char *path,
                      GError    **error)
{
  gsize              size = g_bytes_get_size (samples);
  g_autofree guint8 *wav = g_malloc (44 + size);

  memcpy (wav, "RIFF", 4);
  put_le (wav + 4, 36 + size, 4);
  memcpy (wav + 8, "WAVEfmt ", 8);
  put_le (wav + 16, 16, 4);
  put_le (wav + 20, 1, 2); /* PCM */
  put_le (wav + 22, 1, 2); /* mono */
  put_le (wav + 24, rate_hz, 4);
  put_le (wav + 28, rate_hz * 2, 4);
  put_le (wav + 32, 2, 2);
  put_le (wav + 34, 16, 2);
  memcpy (wav + 36, "data", 4);
  put_le (wav + 40, size, 4);
  memcpy (wav + 44, g_bytes_get_data (samples, NULL), size);
  return g_file_set_contents (path, (const char *) wav, 44 + size, error);
}

/* ---- playing ------------------------------------------------------------------------------ */

static void
audio_failed (HallVoice  *self,
              const char *why)
{
  /* Once: a display without a sound card still shows every call. */
  if (!self->audio_failed)
    g_message ("Cannot play the calls aloud: %s", why);
  self->audio_failed = TRUE;
}

static void
finish_current (HallVoice *self)
{
  g_autofree char *text = g_steal_pointer (&self->current);

  g_signal_emit (self, signals[FINISHED], 0, text);
  say_next (self);
}

typedef struct
{
  HallVoice *self;
  char      *path;
} Playing;

static void
played_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Playing *playing = user_data;
  g_autoptr (GError) error = NULL;

  g_unlink (playing->path);
  g_free (playing->path);
  if (!g_subprocess_wait_check_finish (G_SUBPROCESS (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_object_unref (playing->self);
          g_free (playing);
          return;
        }
      audio_failed (playing->self, error->message);
    }
  finish_current (playing->self);
  g_object_unref (playing->self);
  g_free (playing);
}

static void
play_samples (HallVoice *self,
              GBytes    *samples,
              int        rate_hz)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) player = NULL;
  g_autofree char *path = NULL;
  g_autofree char *play = g_find_program_in_path ("play");
  int              fd;
  Playing         *playing;

  if (play == NULL)
    {
      audio_failed (self, _ ("sox's “play” is not installed"));
      finish_current (self);
      return;
    }
  fd = g_file_open_tmp ("hall-call-XXXXXX.wav", &path, &error);
  if (fd >= 0)
    close (fd);
  if (fd < 0 || !hall_voice_write_wav (samples, rate_hz, path, &error))
    {
      audio_failed (self, error->message);
      finish_current (self);
      return;
    }
  player = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                             &error, play, "-q", path, NULL);
  if (player == NULL)
    {
      g_unlink (path);
      audio_failed (self, error->message);
      finish_current (self);
      return;
    }
  playing = g_new0 (Playing, 1);
  playing->self = g_object_ref (self);
  playing->path = g_steal_pointer (&path);
  g_subprocess_wait_check_async (player, self->cancellable, played_cb, playing);
}

typedef struct
{
  char  *text;
  int    volume;
  int    speed;
  int    rate_hz;
  gint64 first_sample;
} RenderJob;

static void
render_job_free (RenderJob *job)
{
  g_free (job->text);
  g_free (job);
}

static void
render_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RenderJob *job = task_data;
  GError    *error = NULL;
  GBytes    *samples =
      hall_voice_render (job->text, job->volume, job->speed, &job->rate_hz, &job->first_sample,
                         &error);

  if (samples == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, samples, (GDestroyNotify) g_bytes_unref);
}

static void
rendered_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  HallVoice *self = HALL_VOICE (object);
  RenderJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) samples = g_task_propagate_pointer (G_TASK (result), &error);

  if (samples == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      audio_failed (self, error->message);
      finish_current (self);
      return;
    }
  g_signal_emit (self, signals[STARTED], 0, self->current, job->first_sample);
  if (self->audio_failed)
    finish_current (self);
  else
    play_samples (self, samples, job->rate_hz);
}

/* ---- speech-dispatcher -------------------------------------------------------------------- */

static gboolean
spd_ended_idle (gpointer data)
{
  g_autoptr (HallVoice) self = g_weak_ref_get (&spd_voice);

  if (self != NULL && self->current != NULL && --self->spd_left <= 0)
    finish_current (self);
  return G_SOURCE_REMOVE;
}

static void
spd_end_cb (size_t              msg_id,
            size_t              client_id,
            SPDNotificationType state)
{
  /* speech-dispatcher's own thread. */
  g_idle_add (spd_ended_idle, NULL);
}

static void
spd_connect (HallVoice *self)
{
  g_autofree char *error = NULL;

  if (g_strcmp0 (g_getenv ("HALL_VOICE"), "espeak") == 0)
    return;
  /* Only a speech-dispatcher that already runs: starting one here would hide a missing voice. */
  self->spd = spd_open2 ("xinfang-hall", "display", NULL, SPD_MODE_THREADED, NULL, FALSE, &error);
  if (self->spd == NULL)
    {
      g_debug ("No speech-dispatcher: %s", error ? error : "");
      return;
    }
  self->spd->callback_end = spd_end_cb;
  self->spd->callback_cancel = spd_end_cb;
  spd_set_notification_on (self->spd, SPD_END);
  spd_set_notification_on (self->spd, SPD_CANCEL);
  spd_set_language (self->spd, "zh");
  g_weak_ref_set (&spd_voice, self);
}

static void
spd_say_current (HallVoice *self)
{
  spd_set_volume (self->spd, self->volume * 2 - 100);
  spd_set_voice_rate (self->spd, self->speed < 100 ? (self->speed - 100) * 2 : self->speed - 100);
  self->spd_left = 2;
  g_signal_emit (self, signals[STARTED], 0, self->current, g_get_monotonic_time ());
  if (spd_say (self->spd, SPD_MESSAGE, self->current) < 0
      || spd_say (self->spd, SPD_MESSAGE, self->current) < 0)
    {
      audio_failed (self, _ ("speech-dispatcher refused the text"));
      self->spd_left = 0;
      finish_current (self);
    }
}

/* ---- the queue ---------------------------------------------------------------------------- */

static void
say_next (HallVoice *self)
{
  g_autoptr (GTask) task = NULL;
  RenderJob *job;

  if (self->current != NULL || g_queue_is_empty (&self->queue))
    return;
  self->current = g_queue_pop_head (&self->queue);
  if (self->spd != NULL)
    {
      spd_say_current (self);
      return;
    }
  job = g_new0 (RenderJob, 1);
  job->text = g_strdup (self->current);
  job->volume = self->volume;
  job->speed = self->speed;
  task = g_task_new (self, self->cancellable, rendered_cb, NULL);
  g_task_set_source_tag (task, say_next);
  g_task_set_task_data (task, job, (GDestroyNotify) render_job_free);
  g_task_run_in_thread (task, render_thread);
}

static void
hall_voice_dispose (GObject *object)
{
  HallVoice *self = HALL_VOICE (object);

  g_cancellable_cancel (self->cancellable);
  if (self->spd != NULL)
    {
      g_weak_ref_set (&spd_voice, NULL);
      spd_cancel_all (self->spd);
      spd_close (self->spd);
      self->spd = NULL;
    }
  g_queue_clear_full (&self->queue, g_free);
  g_clear_pointer (&self->current, g_free);
  G_OBJECT_CLASS (hall_voice_parent_class)->dispose (object);
}

static void
hall_voice_finalize (GObject *object)
{
  HallVoice *self = HALL_VOICE (object);

  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (hall_voice_parent_class)->finalize (object);
}

static void
hall_voice_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  HallVoice *self = HALL_VOICE (object);

  switch (prop_id)
    {
    case PROP_VOLUME:
      g_value_set_int (value, self->volume);
      break;
    case PROP_SPEED:
      g_value_set_int (value, self->speed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_voice_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  HallVoice *self = HALL_VOICE (object);
  int        v = g_value_get_int (value);

  switch (prop_id)
    {
    case PROP_VOLUME:
      if (self->volume != v)
        {
          self->volume = v;
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SPEED:
      if (self->speed != v)
        {
          self->speed = v;
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_voice_class_init (HallVoiceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hall_voice_dispose;
  object_class->finalize = hall_voice_finalize;
  object_class->get_property = hall_voice_get_property;
  object_class->set_property = hall_voice_set_property;

  properties[PROP_VOLUME] =
      g_param_spec_int ("volume", NULL, NULL, 0, 100, 80,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SPEED] =
      g_param_spec_int ("speed", NULL, NULL, 50, 200, 100,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[STARTED] = g_signal_new ("started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT64);
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
hall_voice_init (HallVoice *self)
{
  self->volume = 80;
  self->speed = 100;
  self->cancellable = g_cancellable_new ();
  g_queue_init (&self->queue);
  spd_connect (self);
}

HallVoice *
hall_voice_new (void)
{
  return g_object_new (HALL_TYPE_VOICE, NULL);
}

void
hall_voice_say (HallVoice  *self,
                const char *text)
{
  g_return_if_fail (HALL_IS_VOICE (self));
  g_return_if_fail (text != NULL);

  g_queue_push_tail (&self->queue, g_strdup (text));
  say_next (self);
}

guint
hall_voice_get_pending (HallVoice *self)
{
  g_return_val_if_fail (HALL_IS_VOICE (self), 0);
  return g_queue_get_length (&self->queue) + (self->current != NULL ? 1 : 0);
}

gboolean
hall_voice_uses_speech_dispatcher (HallVoice *self)
{
  g_return_val_if_fail (HALL_IS_VOICE (self), FALSE);
  return self->spd != NULL;
}
