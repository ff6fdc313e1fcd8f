/* hall-labels.h — the hall's words for the engine's codes (docs/api.md), for screens and papers
 *
 * Each returns the translated words for @code, or @code itself when it is not one it knows
 * ("" for NULL).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A matter's state: "registered" → "Waiting for decision" */
const char *hall_label_state (const char *state);
const char *hall_label_channel (const char *channel);
const char *hall_label_type (const char *type);
/* A reply's opinion: "support", "explain", "reject"; a review's: "uphold", "revise" */
const char *hall_label_opinion (const char *opinion);
/* A score of the window rating pad: "attitude", "quality", "efficiency", "integrity" */
const char *hall_label_rating_score (const char *score);
const char *hall_label_sex (const char *sex);
/* A matter's timeline entry */
const char *hall_label_timeline (const char *kind);
/* A supervision rule (leader_supervision.rule), and a 约谈 / 通报's kind. */
const char *hall_label_supervision_rule (const char *rule);
const char *hall_label_talk_kind (const char *kind);
const char *hall_label_ticket_state (const char *state);
/* A service window's state: "open", "paused", anything else is closed */
const char *hall_label_counter_state (const char *state);

/* What a command did, for the audit trail: "matter.register" → "Register a matter" */
const char *hall_label_command (const char *command);
/* The words for the codes of the statistics and the ledgers: @kind is source, dispute_type, risk,
 * dispute_state, outcome (of a reception), escalation, slot or satisfaction. */
const char *hall_label_code (const char *kind,
                             const char *code);

G_END_DECLS
