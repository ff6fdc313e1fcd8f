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

/* 化解率, over the matters closed in the period (涉法涉诉 left out): resolved when the latest
 * follow-up call that reached the petitioner says 满意 or 基本满意, or that they accept the
 * outcome (息诉罢访). A matter not yet reached counts as not resolved. */
#define HALL_STATS_RESOLUTION_BASE \
  "state = 'closed' AND closed_date BETWEEN :from AND :to AND litigation = 0"
#define HALL_STATS_RESOLVED                                                        \
  "coalesce ((SELECT c.satisfaction IN ('satisfied', 'basic') OR c.accepts = 1 "   \
  "  FROM followup_call c WHERE c.matter_id = matter.id AND c.result = 'reached' " \
  "  ORDER BY c.called_at DESC, c.id DESC LIMIT 1), 0)"
/* 回访 and 回访成功, over the follow-ups listed in the period (closed matters, leaders'
 * receptions, 不满意 on the pads, matters rectified): called at least once; reached; and, of
 * those reached, 满意 or 基本满意. Each follow-up counts once, however many calls it took. */
#define HALL_STATS_FOLLOWUP_BASE "listed_date BETWEEN :from AND :to"
#define HALL_STATS_FOLLOWUP_CALLED "(attempts > 0)"
#define HALL_STATS_FOLLOWUP_REACHED \
  "EXISTS (SELECT 1 FROM followup_call c WHERE c.followup_id = followup.id AND c.result = 'reached')"
#define HALL_STATS_FOLLOWUP_SATISFIED                                        \
  "EXISTS (SELECT 1 FROM followup_call c WHERE c.followup_id = followup.id " \
  "  AND c.result = 'reached' AND c.satisfaction IN ('satisfied', 'basic'))"

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
extern const char _hall_stats_trace_on_site_sql[];
extern const char _hall_stats_trace_on_site_den_sql[];

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
