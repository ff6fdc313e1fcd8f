/* hall-scheduler.h — runs a command of the hall this process owns at once and again later
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-engine.h"

G_BEGIN_DECLS

#define HALL_TYPE_SCHEDULER (hall_scheduler_get_type ())

G_DECLARE_FINAL_TYPE (HallScheduler, hall_scheduler, HALL, SCHEDULER, GObject)

/* The daily backup: hall.backup_scheduled at once (a PC that was off at the set time catches
 * up), then at the time its answer names and whenever the hall's settings change. The "checked"
 * signal carries its answer ({"taken", "ok", "file", "error", "next_at"}) or NULL when it
 * failed. */
HallScheduler *hall_scheduler_new_backup (HallEngine *engine);
/* The supervision rules: supervision.evaluate at once, then every few minutes, so that a flag of
 * a time rule is raised without anyone looking. The "checked" signal carries its answer
 * ({"date", "raised"}) or NULL. */
HallScheduler *hall_scheduler_new_supervision (HallEngine *engine);
/* Looks now instead of at the next time: after the engine's clock was set, in tests. */
void hall_scheduler_check (HallScheduler *self);

G_END_DECLS
