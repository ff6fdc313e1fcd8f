/* hall-supervision-scheduler.h — looks at the supervision rules of the hall this process owns
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-engine.h"

G_BEGIN_DECLS

#define HALL_TYPE_SUPERVISION_SCHEDULER (hall_supervision_scheduler_get_type ())
G_DECLARE_FINAL_TYPE (HallSupervisionScheduler, hall_supervision_scheduler, HALL, SUPERVISION_SCHEDULER, GObject)

/* Runs supervision.evaluate at once, then every few minutes, so that a flag of a time rule is
 * raised without anyone looking. Made by the process that owns the hall, like the backup
 * scheduler. The "checked" signal carries the command's answer ({"date", "raised"}) or NULL. */
HallSupervisionScheduler *hall_supervision_scheduler_new (HallEngine *engine);
/* Looks now instead of at the next time: after the engine's clock was set, in tests. */
void hall_supervision_scheduler_check (HallSupervisionScheduler *self);

G_END_DECLS
