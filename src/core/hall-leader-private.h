/* hall-leader-private.h — what the leaders' files share
 *
 * hall-leader.c: the duty roster (领导接访值班), shared helpers, the command table.
 * hall-leader-escalation.c: matter.escalate and the leader's reception queue.
 * hall-leader-reception.c: the reception record (领导干部接待群众来访登记表).
 * hall-leader-charge.c: charges (包案 · 五个一) and supervision (督办).
 * hall-leader-lapse.c: lapsed escalations and the manager's list of escalations in progress.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-command.h"

G_BEGIN_DECLS

/* Steps @stmt once and expects no row. */
gboolean _hall_leader_exec (HallStmt *stmt,
                            GError  **error);
/* The leaders on the roster for @date with how many escalated visitors wait for each. */
JsonArray *_hall_leader_duty_entries (HallCtx    *ctx,
                                      const char *date,
                                      GError    **error);
/* Whether a duty slot ("day", "am", "pm") covers the current hour. */
gboolean _hall_leader_slot_is_now (HallCtx    *ctx,
                                   const char *slot);
/* The account exists and holds the leader role (NOT_FOUND or INVALID_ARGUMENT naming @field). */
gboolean _hall_leader_require_leader (HallCtx    *ctx,
                                      gint64      user_id,
                                      const char *field,
                                      GError    **error);
/* Closed and litigation-related matters take no leader action. */
gboolean _hall_leader_matter_is_final (const char *state);
/* Calendar arithmetic on "YYYY-MM-DD". */
char *_hall_leader_date_add (const char *date,
                             int         days);
int   _hall_leader_days_between (const char *from,
                                 const char *to);

/* Emits the queue's @kind event for a ticket in @leader_user_id's reception queue. */
gboolean _hall_leader_emit_ticket (HallCtx    *ctx,
                                   const char *kind,
                                   gint64      ticket_id,
                                   gint64      leader_user_id,
                                   GError    **error);
/* The visitor's ticket of today that is not finished: the one named (@wanted), or the
 * matter's; 0 in @ticket_id when there is none. */
gboolean    _hall_leader_find_open_ticket (HallCtx *ctx,
                                           gint64   matter_id,
                                           gint64   wanted,
                                           gint64  *ticket_id,
                                           GError **error);
JsonObject *_hall_leader_escalate (HallCtx    *ctx,
                                   JsonObject *params,
                                   GError    **error);
JsonObject *_hall_leader_queue (HallCtx    *ctx,
                                JsonObject *params,
                                GError    **error);
JsonObject *_hall_leader_call (HallCtx    *ctx,
                               JsonObject *params,
                               GError    **error);
/* {"escalation": {...}} */
JsonObject *_hall_leader_describe_escalation (HallCtx *ctx,
                                              gint64   escalation_id,
                                              GError **error);
/* An escalation of the acting leader, for today, not yet received. */
gboolean _hall_leader_own_escalation (HallCtx *ctx,
                                      gint64   escalation_id,
                                      gint64  *matter_id,
                                      gint64  *ticket_id,
                                      char   **state,
                                      GError **error);

/* Marks the matter's lapsed escalations not yet followed up with @resolution ("escalated",
 * "left", "received"). */
gboolean    _hall_leader_resolve_lapsed (HallCtx    *ctx,
                                         gint64      matter_id,
                                         const char *resolution,
                                         gint64      next_escalation_id,
                                         GError    **error);
JsonObject *_hall_leader_escalations (HallCtx    *ctx,
                                      JsonObject *params,
                                      GError    **error);
JsonObject *_hall_leader_escalation_leave (HallCtx    *ctx,
                                           JsonObject *params,
                                           GError    **error);

JsonObject *_hall_leader_receive (HallCtx    *ctx,
                                  JsonObject *params,
                                  GError    **error);
JsonObject *_hall_leader_reception_get (HallCtx    *ctx,
                                        JsonObject *params,
                                        GError    **error);
JsonObject *_hall_leader_receptions (HallCtx    *ctx,
                                     JsonObject *params,
                                     GError    **error);

JsonObject *_hall_leader_charge (HallCtx    *ctx,
                                 JsonObject *params,
                                 GError    **error);
JsonObject *_hall_leader_charge_update (HallCtx    *ctx,
                                        JsonObject *params,
                                        GError    **error);
JsonObject *_hall_leader_charges (HallCtx    *ctx,
                                  JsonObject *params,
                                  GError    **error);
JsonObject *_hall_leader_charge_get (HallCtx    *ctx,
                                     JsonObject *params,
                                     GError    **error);
JsonObject *_hall_leader_supervise (HallCtx    *ctx,
                                    JsonObject *params,
                                    GError    **error);
JsonObject *_hall_leader_supervision (HallCtx    *ctx,
                                      JsonObject *params,
                                      GError    **error);

/* Adds "days_left" (negative when overdue) and "overdue" to @row from its date member @member. */
void _hall_leader_add_days_left (HallCtx    *ctx,
                                 JsonObject *row,
                                 const char *member);

G_END_DECLS
