/* hall-commands-private.h — the command tables of each part of the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-command.h"

G_BEGIN_DECLS

#define HALL_SESSION_LIFETIME (12 * 60 * 60)

/* Each table ends with an entry whose name is NULL. */
extern const HallCommand _hall_session_commands[];  /* hall-session.c: sign-in, accounts, audit, feed */
extern const HallCommand _hall_setup_commands[];    /* hall-setup.c: hall, departments, counters, categories */
extern const HallCommand _hall_calendar_commands[]; /* hall-calendar.c: working days */
extern const HallCommand _hall_queue_commands[];    /* hall-queue.c: tickets and counters */
extern const HallCommand _hall_matter_commands[];   /* hall-matter.c: petitioners and matters */
extern const HallCommand _hall_search_commands[];   /* hall-search.c: matter.search */
extern const HallCommand _hall_leader_commands[];   /* hall-leader.c: roster, reception, 包案, 督办 */
extern const HallCommand _hall_stats_commands[];    /* hall-stats.c: stats.summary */

char *_hall_password_hash (const char  *password,
                           GError     **error);

G_END_DECLS
