/* hall-stats-private.h — what the files of stats.summary and stats.trace share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-command.h"

G_BEGIN_DECLS

/* Every batch (批次) received from :from to :to, and whether its petitioner came before it:
 * columns ticket_id, matter_id, date, at, rank, rid, channel, department_id, persons,
 * collective, escalation, petitioner_id, repeat. */
extern const char _hall_stats_flagged[];

/* The rates: each numerator and denominator as a condition on a matter received in the period
 * (涉法涉诉 left out), as it stands :today. */
#define HALL_STATS_RATES "received_date BETWEEN :from AND :to AND litigation = 0"
#define HALL_STATS_DECISION_NUM "(decided_date IS NOT NULL AND decided_date <= decision_due)"
#define HALL_STATS_DECISION_DEN "(decided_date IS NOT NULL OR decision_due < :today)"
#define HALL_STATS_HANDLING_NUM \
  "(accepted_date IS NOT NULL AND replied_date IS NOT NULL AND replied_date <= handling_due)"
#define HALL_STATS_HANDLING_DEN \
  "(accepted_date IS NOT NULL AND (replied_date IS NOT NULL OR handling_due < :today))"
#define HALL_STATS_SATISFIED "(state = 'closed' AND satisfaction IN ('satisfied', 'basic'))"
#define HALL_STATS_RATED \
  "(state = 'closed' AND satisfaction IN ('satisfied', 'basic', 'dissatisfied'))"
#define HALL_STATS_CLOSED "(state = 'closed')"

/* Binds :from, :to and :today where the statement has them. */
void _hall_stats_bind (HallStmt   *stmt,
                       HallCtx    *ctx,
                       const char *from,
                       const char *to);

/* hall-stats-figures.c: the figures of the matters, the batches and the leaders. */
gboolean    _hall_stats_batches (HallCtx    *ctx,
                                 const char *from,
                                 const char *to,
                                 JsonObject *period,
                                 GError    **error);
gboolean    _hall_stats_leaders (HallCtx    *ctx,
                                 const char *from,
                                 const char *to,
                                 JsonObject *period,
                                 GError    **error);
JsonObject *_hall_stats_rate (gint64 numerator,
                              gint64 denominator);
gboolean    _hall_stats_rates (HallCtx    *ctx,
                               const char *from,
                               const char *to,
                               JsonObject *period,
                               GError    **error);

/* hall-stats-queue.c: the queue per counter and staff member, 首接首办 per staff member and
 * department. */
gboolean _hall_stats_queue (HallCtx    *ctx,
                            const char *from,
                            const char *to,
                            JsonObject *period,
                            GError    **error);
gboolean _hall_stats_first_handling (HallCtx    *ctx,
                                     const char *from,
                                     const char *to,
                                     JsonObject *period,
                                     GError    **error);

/* The SQL of the queue's and 首接首办's own traces (hall-stats-queue.c). */
extern const char _hall_stats_trace_served_sql[];
extern const char _hall_stats_trace_first_sql[];

/* hall-stats.c: "from" and "to", in order and at most ten years apart. */
gboolean _hall_stats_read_period (JsonObject  *params,
                                  const char **from,
                                  const char **to,
                                  GError     **error);

/* hall-stats-trace.c: stats.trace. */
JsonObject *_hall_stats_trace (HallCtx    *ctx,
                               JsonObject *params,
                               GError    **error);

G_END_DECLS
