/* hall-display-page.h — the calling display (叫号大屏): the current call, large, and the hall
 * around it, for a television read from ten metres
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-page.h"
#include "hall-voice.h"

G_BEGIN_DECLS

#define HALL_TYPE_DISPLAY_PAGE (hall_display_page_get_type ())

G_DECLARE_FINAL_TYPE (HallDisplayPage, hall_display_page, HALL, DISPLAY_PAGE, HallPage)

GtkWidget *hall_display_page_new (HallClient *client);
/* What the big line says now ("" before the first call). */
const char *hall_display_page_get_call_text (HallDisplayPage *self);
/* Whether the current call flashes (a recall). */
gboolean   hall_display_page_get_flashing (HallDisplayPage *self);
HallVoice *hall_display_page_get_voice (HallDisplayPage *self);
/* The seq of the newest change the display shows. */
gint64 hall_display_page_get_seq (HallDisplayPage *self);

G_END_DECLS
