/* hall-matter-timeline-private.h — appending to a matter's timeline, for every part of the
 * engine that records a step on a matter (hall-matter-timeline.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-command.h"

G_BEGIN_DECLS

/* Appends a timeline entry (every step of a matter is one, with actor and time) with the actor
 * of @ctx, and marks the matter updated. */
gboolean _hall_matter_add_timeline (HallCtx    *ctx,
                                    gint64      matter_id,
                                    const char *kind,
                                    JsonObject *detail,
                                    GError    **error);
/* The same with another actor: @user_id 0 for a step the hall itself recorded. */
gboolean _hall_matter_add_timeline_as (HallCtx    *ctx,
                                       gint64      matter_id,
                                       gint64      user_id,
                                       const char *kind,
                                       JsonObject *detail,
                                       GError    **error);

G_END_DECLS
