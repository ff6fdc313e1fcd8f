/* hall-leader-private.h — what the leaders' files share
 *
 * hall-leader.c: the duty roster (领导接访值班), escalation and the leader's reception queue.
 * hall-leader-reception.c: the reception record (领导干部接待群众来访登记表).
 * hall-leader-charge.c: charges (包案 · 五个一) and supervision (督办).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-command.h"

G_BEGIN_DECLS

/* Steps @stmt once and expects no row. */
gboolean    _hall_leader_exec            (HallStmt     *stmt,
                                          GError      **error);
/* Reads "matter_id", checks the matter exists and returns its state ("" when the matter table
 * has no state). NOT_FOUND names the field. */
gboolean    _hall_leader_require_matter  (HallCtx      *ctx,
                                          JsonObject   *params,
                                          gint64       *matter_id,
                                          char        **state,
                                          GError      **error);
/* TRUE when the matter's state is a final one (closed and the like). */
gboolean    _hall_leader_matter_is_closed (const char  *state);
/* Whether table @table has column @column (columns other parts may add later). */
gboolean    _hall_leader_has_column      (HallCtx      *ctx,
                                          const char   *table,
                                          const char   *column);
/* Calendar arithmetic on "YYYY-MM-DD". */
char       *_hall_leader_date_add        (const char   *date,
                                          int           days);
int         _hall_leader_days_between    (const char   *from,
                                          const char   *to);

JsonObject *_hall_leader_receive         (HallCtx      *ctx,
                                          JsonObject   *params,
                                          GError      **error);
JsonObject *_hall_leader_reception_get   (HallCtx      *ctx,
                                          JsonObject   *params,
                                          GError      **error);
JsonObject *_hall_leader_receptions      (HallCtx      *ctx,
                                          JsonObject   *params,
                                          GError      **error);

JsonObject *_hall_leader_charge          (HallCtx      *ctx,
                                          JsonObject   *params,
                                          GError      **error);
JsonObject *_hall_leader_charge_update   (HallCtx      *ctx,
                                          JsonObject   *params,
                                          GError      **error);
JsonObject *_hall_leader_charges         (HallCtx      *ctx,
                                          JsonObject   *params,
                                          GError      **error);
JsonObject *_hall_leader_charge_get      (HallCtx      *ctx,
                                          JsonObject   *params,
                                          GError      **error);
JsonObject *_hall_leader_supervise       (HallCtx      *ctx,
                                          JsonObject   *params,
                                          GError      **error);
JsonObject *_hall_leader_supervision     (HallCtx      *ctx,
                                          JsonObject   *params,
                                          GError      **error);

G_END_DECLS
