/* hall-voice.h — the calling display's voice: what a call says, and a queue that says it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* "C011" → "C零一一": the digits of a ticket number read one by one. */
char *hall_voice_spell_code (const char *code);
/* "请 C零一一 号，到 2 号窗口办理" */
char *hall_voice_call_text (const char *code,
                            gint64      counter_number);

/* The announcement as it is played: a chime, then @text twice. 16-bit signed mono samples at
 * *@rate_hz; @volume 0–100, @speed 50–200 (per cent of the normal speed). @first_sample (may
 * be NULL) gets the monotonic time at which the first sample of speech was synthesized. Uses
 * espeak-ng's Mandarin voice ("cmn"). */
GBytes  *hall_voice_render (const char *text,
                            int         volume,
                            int         speed,
                            int        *rate_hz,
                            gint64     *first_sample,
                            GError    **error);
gboolean hall_voice_write_wav (GBytes     *samples,
                               int         rate_hz,
                               const char *path,
                               GError    **error);

#define HALL_TYPE_VOICE (hall_voice_get_type ())

G_DECLARE_FINAL_TYPE (HallVoice, hall_voice, HALL, VOICE, GObject)

/* Speaks through speech-dispatcher when it runs on this PC, else espeak-ng played with sox's
 * `play`. Properties "volume" (0–100) and "speed" (50–200). Signals "started" (text, gint64
 * monotonic time of the first sample) when an announcement starts and "finished" (text). */
HallVoice *hall_voice_new (void);
/* Queues a call; calls are said one after another, never over each other. */
void hall_voice_say (HallVoice  *self,
                     const char *text);
/* Announcements queued or under way. */
guint hall_voice_get_pending (HallVoice *self);
/* Whether this voice speaks through speech-dispatcher. */
gboolean hall_voice_uses_speech_dispatcher (HallVoice *self);

G_END_DECLS
