/* hall-leader-lapse-private.h — the lapse step of escalations (hall-leader-lapse.c), for
 * matter.get and the leaders' files
 *
 * The matter commands call it and it records on the matter's timeline only
 * (hall-matter-timeline-private.h), so the dependency goes one way: matter → lapse → timeline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-command.h"

G_BEGIN_DECLS

/* Stores that escalations still waiting or called after their day lapsed (not received on their
 * day): state "lapsed", a timeline entry "escalation_lapsed" and a "leader.escalation_lapsed"
 * event each. @matter_id 0 for every matter. Run by whatever shows escalations or a matter's
 * timeline, so it is right after a restart on a later day. */
gboolean _hall_leader_lapse_escalations (HallCtx *ctx,
                                         gint64   matter_id,
                                         GError **error);

G_END_DECLS
