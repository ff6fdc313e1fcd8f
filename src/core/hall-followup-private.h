/* hall-followup-private.h — 回访核实: what the follow-up files share and what they offer the rest
 * of the engine (closing, a leader's reception, a reply after 整改, a 不满意 on a rating pad)
 *
 * hall-followup.c: the list (followup.list), putting an item on it, the command table.
 * hall-followup-call.c: a call (followup.record), the on-site check and its finding.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-command.h"

G_BEGIN_DECLS

#define HALL_FOLLOWUP_ATTEMPTS 3
#define HALL_FOLLOWUP_DAYS_DEFAULT 5
#define HALL_FOLLOWUP_RECTIFY_DAYS_DEFAULT 15
#define HALL_FOLLOWUP_TEXT_MAX 2000

/* The hall's setting @key ("followup_days", "rectify_days"), or @fallback. */
gint64 _hall_followup_setting (HallCtx    *ctx,
                               const char *key,
                               gint64      fallback);

/* Puts @matter_id on the follow-up list (@source "closed", "leader", "rating" or "rectified"),
 * due the hall's followup_days working days after today, unless a round is already open on it.
 * Runs in the caller's transaction; emits followup.changed when it adds one. */
gboolean _hall_followup_enqueue_matter (HallCtx    *ctx,
                                        gint64      matter_id,
                                        const char *source,
                                        GError    **error);
/* A 不满意 rating: on the matter when the ticket became one, else on the ticket itself. */
gboolean _hall_followup_enqueue_rating (HallCtx *ctx,
                                        gint64   rating_id,
                                        gint64   ticket_id,
                                        GError **error);
/* After matter.reply: a round waiting for the 整改 ends as rectified and a new one is listed. */
gboolean _hall_followup_after_reply (HallCtx *ctx,
                                     gint64   matter_id,
                                     GError **error);
/* Whether the latest call on @matter_id that reached the petitioner says 不满意 (FALSE when no
 * call reached anyone): for the automatic supervision (督办). */
gboolean _hall_followup_latest_dissatisfied (HallDb   *db,
                                             gint64    matter_id,
                                             gboolean *dissatisfied,
                                             GError  **error);

/* The item @followup_id (id, matter_id, ticket_id, department_id, state, attempts, check_person,
 * finding …), checked for the actor: window staff their department's items only. NOT_FOUND or
 * FORBIDDEN naming "followup_id". */
JsonObject *_hall_followup_require (HallCtx *ctx,
                                    gint64   followup_id,
                                    GError **error);
/* Emits followup.changed {followup_id, matter_id, state, department_id}. */
gboolean _hall_followup_emit (HallCtx    *ctx,
                              JsonObject *item,
                              const char *state,
                              GError    **error);
/* One item as followup.list shows it. */
JsonObject *_hall_followup_get (HallCtx *ctx,
                                gint64   followup_id,
                                GError **error);

/* hall-followup-call.c */
JsonObject *_hall_followup_record (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject *_hall_followup_check_assign (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject *_hall_followup_check_finding (HallCtx *ctx, JsonObject *params, GError **error);

G_END_DECLS
