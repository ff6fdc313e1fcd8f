/* hall-labels.c — the hall's words for the engine's codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hall-labels.h"

/* A code and its words; @context as C_() takes it, or NULL. */
typedef struct
{
  const char *code;
  const char *context;
  const char *label;
} Label;

static const char *
find_label (const Label *labels,
            gsize        n_labels,
            const char  *code)
{
  for (gsize i = 0; i < n_labels; i++)
    if (g_strcmp0 (code, labels[i].code) == 0)
      return labels[i].context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, labels[i].context, labels[i].label)
                                       : _(labels[i].label);
  return code != NULL ? code : "";
}

#define FIND(labels, code) find_label (labels, G_N_ELEMENTS (labels), code)

const char *
hall_label_state (const char *state)
{
  static const Label labels[] = {
    /* Translators: matter states */
    { "registered", NULL, N_("Waiting for decision") },
    { "accepted", NULL, N_("Accepted") },
    { "declined", NULL, N_("Not accepted") },
    { "litigation", NULL, N_("Litigation-related") },
    { "assigned", NULL, N_("Assigned") },
    { "objected", NULL, N_("Sent back") },
    { "replied", NULL, N_("Replied") },
    { "review", NULL, N_("Under review") },
    { "reviewed", NULL, N_("Reviewed") },
    { "rereview", NULL, N_("Under re-review") },
    { "rereviewed", NULL, N_("Re-reviewed") },
    { "closed", NULL, N_("Closed") },
  };

  return FIND (labels, state);
}

const char *
hall_label_channel (const char *channel)
{
  static const Label labels[] = {
    { "visit", "channel", NC_("channel", "Visit") },
    { "letter", "channel", NC_("channel", "Letter") },
    { "online", "channel", NC_("channel", "Online") },
    { "phone", "channel", NC_("channel", "Phone") },
    { "other", "channel", NC_("channel", "Other") },
  };

  return FIND (labels, channel);
}

const char *
hall_label_type (const char *type)
{
  static const Label labels[] = {
    { "suggestion", NULL, N_("Suggestion") },
    { "accusation", NULL, N_("Report or accusation") },
    { "claim", NULL, N_("Appeal or claim") },
  };

  return FIND (labels, type);
}

const char *
hall_label_opinion (const char *opinion)
{
  static const Label labels[] = {
    { "support", NULL, N_("Supported") },
    { "explain", NULL, N_("Explained") },
    { "reject", NULL, N_("Not supported") },
  };

  return FIND (labels, opinion);
}

const char *
hall_label_sex (const char *sex)
{
  static const Label labels[] = {
    { "male", NULL, N_("male") },
    { "female", NULL, N_("female") },
  };

  return FIND (labels, sex);
}

const char *
hall_label_timeline (const char *kind)
{
  static const Label labels[] = {
    /* Translators: entries of a matter's timeline */
    { "registered", NULL, N_("Registered") },
    { "litigation_guided", NULL, N_("Guided to the legal windows") },
    { "accepted", NULL, N_("Accepted") },
    { "declined", NULL, N_("Not accepted") },
    { "assigned", NULL, N_("Assigned") },
    { "objected", NULL, N_("Objection: sent back") },
    /* Translators: timeline: a cooperating department (配合单位) refused its part */
    { "cooperation_objected", NULL, N_("Cooperating department objected") },
    /* Translators: timeline: a note on how the handling goes (办理进展) */
    { "progress_note", NULL, N_("Progress note") },
    { "extended", NULL, N_("Deadline extended") },
    { "replied", NULL, N_("Replied") },
    { "review_requested", NULL, N_("Review requested") },
    { "reviewed", NULL, N_("Reviewed") },
    { "rereview_requested", NULL, N_("Re-review requested") },
    { "rereviewed", NULL, N_("Re-reviewed") },
    { "closed", NULL, N_("Closed") },
    { "escalated", NULL, N_("Escalated to the duty leader") },
    /* Translators: timeline: the duty leader did not receive the visitor that day (当日未接访，已过期) */
    { "escalation_lapsed", NULL, N_("Not received that day (lapsed)") },
    /* Translators: timeline: after a lapsed escalation the matter stays with its department (留原单位办理) */
    { "escalation_left", NULL, N_("Left with its department") },
    { "leader_instruction", NULL, N_("Leader’s instruction") },
    { "charged", NULL, N_("Leader took charge") },
    { "charge_updated", NULL, N_("Leader’s charge updated") },
    { "charge_closed", NULL, N_("Leader’s charge ended") },
    { "supervised", NULL, N_("Flagged for supervision") },
    { "supervision_resolved", NULL, N_("Supervision resolved") },
  };

  return FIND (labels, kind);
}

const char *
hall_label_ticket_state (const char *state)
{
  static const Label labels[] = {
    { "waiting", "ticket", NC_("ticket", "Waiting") },
    { "called", "ticket", NC_("ticket", "Called") },
    { "serving", "ticket", NC_("ticket", "Being served") },
    { "held", "ticket", NC_("ticket", "On hold") },
    { "no_show", "ticket", NC_("ticket", "No-show") },
    { "finished", "ticket", NC_("ticket", "Finished") },
  };

  return FIND (labels, state);
}

const char *
hall_label_counter_state (const char *state)
{
  /* Translators: a service window's state */
  if (g_strcmp0 (state, "open") == 0)
    return C_("counter state", "Open");
  if (g_strcmp0 (state, "paused") == 0)
    return C_("counter state", "Paused");
  return C_("counter state", "Closed");
}
