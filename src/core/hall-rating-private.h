/* hall-rating-private.h — what the two files of the rating pads share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-command.h"

G_BEGIN_DECLS

/* A pad may rate a ticket for this long after the window finished it (architecture.md, "Window
 * rating pads"). */
#define HALL_RATING_WINDOW_SECONDS (10 * 60)

/* hall-rating-figures.c */
JsonObject *_hall_rating_list (HallCtx    *ctx,
                               JsonObject *params,
                               GError    **error);
JsonObject *_hall_rating_summary (HallCtx    *ctx,
                                  JsonObject *params,
                                  GError    **error);
JsonObject *_hall_rating_alerts (HallCtx    *ctx,
                                 JsonObject *params,
                                 GError    **error);
JsonObject *_hall_rating_follow_up (HallCtx    *ctx,
                                    JsonObject *params,
                                    GError    **error);

G_END_DECLS
