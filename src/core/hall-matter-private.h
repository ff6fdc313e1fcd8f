/* hall-matter-private.h — what the petitioner and matter files share
 *
 * hall-petitioner.c: petitioners, petitioner.lookup.
 * hall-matter.c: shared helpers, matter.get, the command table.
 * hall-matter-register.c: matter.register.
 * hall-matter-list.c: matter.list, matter.due, status.query.
 * hall-matter-flow.c: accept, decline, reply, extend, close.
 * hall-matter-assign.c: assign (交办, lead and cooperating departments), object, progress notes.
 * hall-matter-review.c: review (复查) and re-review (复核).
 * hall-matter-repeat.c: repeat petitions (重复信访) and links (关联事项).
 * hall-matter-similar.c: matter.similar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-command.h"

G_BEGIN_DECLS

#define HALL_MATTER_TEXT_MAX 4000
#define HALL_MATTER_REASON_MAX 500
#define HALL_MATTER_DECISION_DAYS 15
#define HALL_MATTER_HANDLING_DAYS 60
#define HALL_MATTER_EXTENSION_MAX_DAYS 30
#define HALL_MATTER_OBJECTION_WORKING_DAYS 5
#define HALL_MATTER_REVIEW_DAYS 30
#define HALL_MATTER_MAX_REPRESENTATIVES 5
#define HALL_MATTER_COLLECTIVE_PERSONS 5

typedef enum
{
  HALL_MATTER_READ,  /* see the record */
  HALL_MATTER_WRITE, /* act on it: the responsible or first-receiving department, the first receiver
                      */
} HallMatterAccess;

/* The matter row as an object (column names as members), or NULL with NOT_FOUND naming @field. */
JsonObject *_hall_matter_load (HallCtx    *ctx,
                               gint64      matter_id,
                               const char *field,
                               GError    **error);
/* Whether the actor may see or act on @matter (row-level rules of architecture.md §5). */
gboolean _hall_matter_allowed (HallCtx         *ctx,
                               JsonObject      *matter,
                               HallMatterAccess access);
/* Reads "matter_id" from @params, loads the matter, names it in the audit row and checks the
 * actor's access (FORBIDDEN otherwise). */
JsonObject *_hall_matter_require (HallCtx         *ctx,
                                  JsonObject      *params,
                                  HallMatterAccess access,
                                  GError         **error);
/* CONFLICT naming "matter_id" unless the state is one of @states (NULL-terminated). */
gboolean _hall_matter_check_state (JsonObject        *matter,
                                   const char *const *states,
                                   const char        *doing,
                                   GError           **error);
/* Emits @kind ("matter.changed" …) with id, number, state and department only. */
gboolean _hall_matter_emit (HallCtx    *ctx,
                            const char *kind,
                            gint64      matter_id,
                            GError    **error);
/* Steps @stmt once and expects no row. */
gboolean _hall_matter_exec (HallStmt *stmt,
                            GError  **error);
/* The result of a state-changing command: {"matter": {...}} as matter.get shows it, without
 * petitioners (no personal data read). */
JsonObject *_hall_matter_result (HallCtx *ctx,
                                 gint64   matter_id,
                                 GError **error);
/* A human-readable label of a state, for messages. */
const char *_hall_matter_state_label (const char *state);
/* Days from @from to @to ("YYYY-MM-DD"), negative when @to is earlier. */
int         _hall_matter_days_between (const char *from,
                                       const char *to);
const char *_hall_matter_get_string (JsonObject *object,
                                     const char *member);
gint64      _hall_matter_get_int (JsonObject *object,
                                  const char *member);

/* Records the decision to accept @matter (the row is updated to follow); @implicit when an
 * assignment accepts it. */
gboolean _hall_matter_accept_now (HallCtx    *ctx,
                                  JsonObject *matter,
                                  const char *note,
                                  gboolean    implicit,
                                  GError    **error);
/* Whether @department_id cooperates (配合) on the matter: with an open assignment, or (unless
 * @open_only) one whose round ended with the reply. */
gboolean _hall_matter_cooperates (HallCtx *ctx,
                                  gint64   matter_id,
                                  gint64   department_id,
                                  gboolean open_only);

/* The ids of the people in the matter in order, with their role. */
JsonArray *_hall_matter_petitioners (HallCtx *ctx,
                                     gint64   matter_id,
                                     gboolean personal,
                                     GError **error);

/* Handlers of the other files, listed in hall-matter.c's table. */
JsonObject *_hall_petitioner_lookup (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject *_hall_matter_register (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject *_hall_matter_update (HallCtx *ctx, JsonObject *params, GError **error);
/* 越级访: the levels a petitioner may already have gone to (到市, 到省, 进京). */
extern const char *const _hall_matter_escalations[];
JsonObject              *_hall_matter_list (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject              *_hall_matter_due (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject              *_hall_status_query (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject              *_hall_matter_accept (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject              *_hall_matter_decline (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject              *_hall_matter_assign_cmd (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject              *_hall_matter_object (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject              *_hall_matter_note (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject              *_hall_matter_reply (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject              *_hall_matter_extend (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject              *_hall_matter_close (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject              *_hall_matter_review_request (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject              *_hall_matter_review_reply (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject              *_hall_matter_rereview_request (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject              *_hall_matter_rereview_reply (HallCtx *ctx, JsonObject *params, GError **error);

/* Repeat petitions and links (hall-matter-repeat.c, hall-matter-similar.c). */
/* What registering with @matter as `link` does: "repeat" (still being handled, 条例 19),
 * "refused" (its 复核 is final, 条例 36) or "linked" (closed otherwise: a new matter). */
const char *_hall_matter_link_outcome (JsonObject *matter);
/* The matter named by matter.register's `link`, if the actor may see it (else INVALID_ARGUMENT
 * naming "link"). */
JsonObject *_hall_matter_link_target (HallCtx *ctx,
                                      gint64   linked_id,
                                      GError **error);
/* Records a petition on @target instead of a new matter (matter_repeat, a timeline entry
 * "repeat_petition"), finishes @ticket_id, and answers as matter.register does with "outcome"
 * "repeat" or "refused". @petitioner_ids: the people who came, as ids. */
JsonObject *_hall_matter_record_repeat (HallCtx    *ctx,
                                        JsonObject *target,
                                        const char *channel,
                                        const char *content,
                                        const char *date,
                                        gint64      ticket_id,
                                        gint64      persons,
                                        JsonArray  *petitioner_ids,
                                        GError    **error);
/* Links @matter_id to @linked (kind "earlier" or "related"), with a timeline entry on both;
 * CONFLICT naming "linked_id" when they are linked already. */
gboolean _hall_matter_add_link (HallCtx    *ctx,
                                gint64      matter_id,
                                JsonObject *linked,
                                const char *kind,
                                const char *note,
                                GError    **error);
/* matter.get's "links" (both ways) and "repeats". */
JsonArray *_hall_matter_links (HallCtx *ctx,
                               gint64   matter_id,
                               GError **error);
JsonArray *_hall_matter_repeats (HallCtx *ctx,
                                 gint64   matter_id,
                                 GError **error);
/* For the supervision rules: how many repeat petitions were recorded on @matter_id at or after
 * @since (unix time); -1 with @error set on failure. */
gint64      _hall_matter_repeat_count (HallCtx *ctx,
                                       gint64   matter_id,
                                       gint64   since,
                                       GError **error);
JsonObject *_hall_matter_similar (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject *_hall_matter_link (HallCtx *ctx, JsonObject *params, GError **error);
JsonObject *_hall_matter_unlink (HallCtx *ctx, JsonObject *params, GError **error);

G_END_DECLS
