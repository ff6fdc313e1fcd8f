/* hall-test-queue.h — the hall queue in tests: issuing, calling and finishing tickets, opening a
 * window (shared by test-queue.c and test-queue-counters.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-test-util.h"

G_BEGIN_DECLS

#define CHENGJIAN 2
#define MINZHENG 3
#define RENSHE 5

/* The "ticket" object of a command's result (asserts there is one). */
JsonObject *ticket_of (JsonObject *result);
/* Its id. */
gint64 ticket_id (JsonObject *result);
/* Its state ("waiting", "called" …). */
const char *ticket_state (JsonObject *result);
/* Issues a ticket for @department_id at @local time and returns its id. */
gint64 issue_at (HallTestHall *hall,
                 const char   *token,
                 const char   *local,
                 gint64        department_id,
                 const char   *priority,
                 gint64        persons);
/* The window of @token calls its next visitor; the ticket's id. */
gint64 call_next (HallTestHall *hall,
                  const char   *token);
/* The window of @token finishes ticket @id as resolved. */
void finish (HallTestHall *hall,
             const char   *token,
             gint64        id);
/* The window of @token opens. */
void open_counter (HallTestHall *hall,
                   const char   *token);

G_END_DECLS
