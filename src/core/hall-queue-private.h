/* hall-queue-private.h — what the queue's files share
 *
 * hall-queue.c: ticket.issue, the shared helpers and the command table.
 * hall-queue-serve.c: counters (open, close, pause, resume, call next, recall).
 * hall-queue-ticket.c: a ticket's life at a counter (start, hold, transfer, finish …).
 * hall-queue-board.c: what screens read: hall.snapshot, ticket.get, ticket.list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-commands-private.h"

G_BEGIN_DECLS

/* A ticket row as the handlers check it before changing it. */
typedef struct
{
  gint64 id;
  gint64 department_id;
  gint64 counter_id;        /* 0 when none */
  gint64 target_counter_id; /* 0 when none */
  gint64 persons;
  gint64 arrived_at;
  gint64 matter_id; /* 0 when none */
  char   day[11];
  char   code[24];
  char   state[12];
  char   queue[12];
  char   priority[12];
} HallTicket;

typedef struct
{
  gint64 id;
  gint64 number;
  gint64 staff_user_id; /* 0 when none */
  char   state[12];
} HallCounter;

/* Reads the required "ticket_id" parameter and loads the ticket (NOT_FOUND when missing). */
gboolean _hall_queue_load_ticket (HallCtx    *ctx,
                                  JsonObject *params,
                                  HallTicket *ticket,
                                  GError    **error);
gboolean _hall_queue_get_ticket (HallCtx    *ctx,
                                 gint64      ticket_id,
                                 HallTicket *ticket,
                                 GError    **error);
/* The ticket as commands return it: no personal data beyond the petitioner's id. */
JsonObject *_hall_queue_ticket_object (HallCtx *ctx,
                                       gint64   ticket_id,
                                       GError **error);
#define HALL_QUEUE_TICKET_COLUMNS                                                              \
  "t.id, t.day, t.code, t.number, t.department_id, d.code AS department_code, "                \
  "d.name AS department_name, d.prefix AS department_prefix, t.issued_department_id, "         \
  "t.target_counter_id, tk.number AS target_counter_number, t.category_id, "                   \
  "cat.name AS category_name, t.priority, t.persons, t.petitioner_id, t.state, t.counter_id, " \
  "k.number AS counter_number, t.queue, t.leader_user_id, t.arrived_at, t.issued_at, "         \
  "t.called_at, t.started_at, t.finished_at, t.front_at IS NOT NULL AS at_front, "             \
  "t.recall_count, t.outcome, t.matter_id, t.note, t.green_request "
#define HALL_QUEUE_TICKET_JOINS                                \
  "FROM ticket t JOIN department d ON d.id = t.department_id " \
  "LEFT JOIN category cat ON cat.id = t.category_id "          \
  "LEFT JOIN counter k ON k.id = t.counter_id "                \
  "LEFT JOIN counter tk ON tk.id = t.target_counter_id "

/* Adds "wait_seconds" to a waiting ticket and makes "at_front" a boolean. */
void _hall_queue_add_wait (HallCtx    *ctx,
                           JsonObject *ticket);
/* { "ticket": … } */
JsonObject *_hall_queue_ticket_result (HallCtx *ctx,
                                       gint64   ticket_id,
                                       GError **error);
/* Emits @kind for the ticket with ids, code and state; @extra (transfer full, may be NULL) adds
 * members. Never personal data. */
gboolean _hall_queue_emit_ticket (HallCtx    *ctx,
                                  const char *kind,
                                  gint64      ticket_id,
                                  JsonObject *extra,
                                  GError    **error);
/* _hall_queue_emit_ticket then _hall_queue_ticket_result, reading the ticket once. */
JsonObject *_hall_queue_emit_ticket_result (HallCtx    *ctx,
                                            const char *kind,
                                            gint64      ticket_id,
                                            JsonObject *extra,
                                            GError    **error);

/* The counter a serving command acts on: staff their session's own counter (any other is
 * FORBIDDEN), a manager the "counter_id" parameter or their session's counter. */
gboolean _hall_queue_resolve_counter (HallCtx     *ctx,
                                      JsonObject  *params,
                                      HallCounter *counter,
                                      GError     **error);
gboolean _hall_queue_get_counter (HallCtx     *ctx,
                                  gint64       counter_id,
                                  HallCounter *counter,
                                  GError     **error);
/* The called or serving ticket at @counter_id, or 0. */
gint64 _hall_queue_current_ticket (HallCtx *ctx,
                                   gint64   counter_id,
                                   GError **error);
/* Staff may act on a ticket at their own counter (or waiting for it); managers on any. */
gboolean _hall_queue_check_ticket_access (HallCtx          *ctx,
                                          const HallTicket *ticket,
                                          GError          **error);

/* Collective visits are 5 or more people. Without @strict, 5 or more people make any
 * @priority "collective". */
gboolean    _hall_queue_check_priority (const char **priority,
                                        gint64       persons,
                                        gboolean     strict,
                                        GError     **error);
const char *_hall_queue_state_label (const char *state);
gboolean    _hall_queue_in_state (const HallTicket *ticket,
                                  const char       *a,
                                  const char       *b);
/* CONFLICT: "Ticket C015 is on hold, so this cannot be done now." */
void _hall_queue_state_conflict (GError          **error,
                                 const HallTicket *ticket);
/* Loads the ticket of "ticket_id", checks the actor may act on it and that it waits for a
 * counter (not for the leader's reception). */
gboolean _hall_queue_load_for_serving (HallCtx    *ctx,
                                       JsonObject *params,
                                       HallTicket *ticket,
                                       GError    **error);
/* Runs @sql with ?1 the ticket and, where the statement has them, ?2 the time now and ?3 @value
 * (NULL when 0). */
gboolean _hall_queue_exec_ticket (HallCtx    *ctx,
                                  const char *sql,
                                  gint64      ticket_id,
                                  gint64      value,
                                  GError    **error);
/* A number from hall_setting, @fallback when missing or not a number. */
gint64 _hall_queue_setting_int (HallCtx    *ctx,
                                const char *key,
                                gint64      fallback);
/* The latest event's seq as seen inside this transaction. */
gint64 _hall_queue_last_seq (HallCtx *ctx,
                             GError **error);

JsonObject *_hall_queue_counter_object (HallCtx *ctx,
                                        gint64   counter_id,
                                        gboolean public_view,
                                        GError **error);

/* hall-queue-serve.c */
JsonObject *_hall_counter_open (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject *_hall_counter_close (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject *_hall_counter_pause (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject *_hall_counter_resume (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject *_hall_counter_call_next (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject *_hall_counter_recall (HallCtx *ctx, JsonObject *params, GError **error);
/* hall-queue-ticket.c */
JsonObject *_hall_ticket_start (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject *_hall_ticket_no_show (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject *_hall_ticket_reactivate (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject *_hall_ticket_hold (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject *_hall_ticket_resume (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject *_hall_ticket_transfer (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject *_hall_ticket_finish (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject *_hall_ticket_prioritize (HallCtx *ctx, JsonObject *params, GError **error);

/* hall-queue-board.c */
JsonObject *_hall_hall_snapshot (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject *_hall_ticket_get (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject *_hall_ticket_list (HallCtx *ctx, JsonObject *params, GError **error);

G_END_DECLS
