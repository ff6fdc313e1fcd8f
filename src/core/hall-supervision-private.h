/* hall-supervision-private.h — 督办 that starts by itself: the rules, the flag they raise
 *
 * hall-supervision-rules.c: the rule table, hall_supervision_flag_raise(), the evaluation of the
 * time rules (supervision.evaluate, and after each write on a matter).
 * hall-supervision.c: the week's forecast (leader.forecast), 约谈 / 通报 (leader.talk,
 * leader.talks), the command table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-command.h"

G_BEGIN_DECLS

typedef enum
{
  HALL_SUPERVISION_RULE_HALF_PERIOD,       /* half the handling period gone, no progress note */
  HALL_SUPERVISION_RULE_SILENT_DEPARTMENT, /* a cooperating department silent 5 working days */
  HALL_SUPERVISION_RULE_DUE_NO_REPLY,      /* due within 3 working days, no reply */
  HALL_SUPERVISION_RULE_REPEAT_VISIT,      /* a repeat visit on an open matter */
  HALL_SUPERVISION_RULE_DISSATISFIED,      /* 不满意 at follow-up */
  HALL_SUPERVISION_N_RULES
} HallSupervisionRule;

/* Looks whether the rule holds for @matter_id (0: every matter) today and raises its flags. */
typedef gboolean (*HallSupervisionEvaluate) (HallCtx *ctx,
                                             gint64   matter_id,
                                             guint   *raised,
                                             GError **error);

typedef struct
{
  const char             *key;      /* leader_supervision.rule */
  HallSupervisionEvaluate evaluate; /* NULL: raised by the command where it happens */
} HallSupervisionRuleInfo;

/* In HallSupervisionRule's order. */
extern const HallSupervisionRuleInfo _hall_supervision_rules[HALL_SUPERVISION_N_RULES];

/* Flags @matter_id for supervision under @rule, with @detail (a date, a department's name, what
 * happened; shown after the rule's name) also naming the occurrence: a rule has at most one open
 * flag on a matter, and raises a flag once for each occurrence, even after it was resolved. Adds
 * the "supervised" timeline entry naming the rule and the date, emits matter.supervised and
 * matter.changed. @raised (may be NULL) tells whether a flag was raised. For rules 4 and 5, call
 * it from the command where the repeat visit or the 不满意 is recorded. */
gboolean hall_supervision_flag_raise (HallCtx            *ctx,
                                      gint64              matter_id,
                                      HallSupervisionRule rule,
                                      const char         *detail,
                                      gboolean           *raised,
                                      GError            **error);

/* Runs every time rule on @matter_id (0: every open matter); @raised counts new flags. */
gboolean _hall_supervision_evaluate (HallCtx *ctx,
                                     gint64   matter_id,
                                     guint   *raised,
                                     GError **error);

/* After a write command: looks again at the matter it named (the dispatcher calls it). */
gboolean _hall_supervision_after_write (HallCtx *ctx,
                                        GError **error);

/* The rule of @key, or HALL_SUPERVISION_N_RULES. */
HallSupervisionRule _hall_supervision_rule_from_key (const char *key);

JsonObject *_hall_supervision_evaluate_cmd (HallCtx    *ctx,
                                            JsonObject *params,
                                            GError    **error);

G_END_DECLS
