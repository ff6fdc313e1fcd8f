/* hall-rating-pad.h — a window's rating pad (评价器, 一次一评), facing the visitor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_RATING_PAD (hall_rating_pad_get_type ())

G_DECLARE_FINAL_TYPE (HallRatingPad, hall_rating_pad, HALL, RATING_PAD, HallPage)

/* The pad of window @counter_id, for a client signed in as that window's rating pad account. */
GtkWidget *hall_rating_pad_new (HallClient *client,
                                gint64      counter_id);
/* "idle", "ask" or "thanks" (or "loading", "error"): what the visitor sees. */
const char *hall_rating_pad_get_screen (HallRatingPad *self);
/* The ticket the pad asks about, 0 when it asks nothing. */
gint64 hall_rating_pad_get_ticket_id (HallRatingPad *self);
/* How long the pad waits for a visitor who does not rate, and shows its thanks (seconds; the
 * defaults are 60 and 6). For tests and halls that want other times. */
void hall_rating_pad_set_timeouts (HallRatingPad *self,
                                   guint          ask_seconds,
                                   guint          thanks_seconds);

G_END_DECLS
