/* hall-labels.c — the hall's words for the engine's codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hall-labels.h"

typedef struct
{
  const char *code;
  const char *label;
} Label;

static const char *
find_label (const Label *labels,
            gsize        n_labels,
            const char  *context,
            const char  *code)
{
  for (gsize i = 0; i < n_labels; i++)
    if (g_strcmp0 (code, labels[i].code) == 0)
      return context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, context, labels[i].label) : _(labels[i].label);
  return code != NULL ? code : "";
}

const char *
hall_label_state (const char *state)
{
  static const Label labels[] = {
    /* Translators: matter states */
    { "registered", N_("Waiting for decision") },
    { "accepted", N_("Accepted") },
    { "declined", N_("Not accepted") },
    { "litigation", N_("Litigation-related") },
    { "assigned", N_("Assigned") },
    { "objected", N_("Sent back") },
    { "replied", N_("Replied") },
    { "review", N_("Under review") },
    { "reviewed", N_("Reviewed") },
    { "rereview", N_("Under re-review") },
    { "rereviewed", N_("Re-reviewed") },
    { "closed", N_("Closed") },
  };

  return find_label (labels, G_N_ELEMENTS (labels), NULL, state);
}

const char *
hall_label_channel (const char *channel)
{
  static const Label labels[] = {
    { "visit", NC_("channel", "Visit") },
    { "letter", NC_("channel", "Letter") },
    { "online", NC_("channel", "Online") },
    { "phone", NC_("channel", "Phone") },
    { "other", NC_("channel", "Other") },
  };

  return find_label (labels, G_N_ELEMENTS (labels), "channel", channel);
}

const char *
hall_label_type (const char *type)
{
  static const Label labels[] = {
    { "suggestion", N_("Suggestion") },
    { "accusation", N_("Report or accusation") },
    { "claim", N_("Appeal or claim") },
  };

  return find_label (labels, G_N_ELEMENTS (labels), NULL, type);
}

const char *
hall_label_opinion (const char *opinion)
{
  static const Label labels[] = {
    { "support", N_("Supported") },
    { "explain", N_("Explained") },
    { "reject", N_("Not supported") },
  };

  return find_label (labels, G_N_ELEMENTS (labels), NULL, opinion);
}

const char *
hall_label_sex (const char *sex)
{
  static const Label labels[] = {
    { "male", N_("male") },
    { "female", N_("female") },
  };

  return find_label (labels, G_N_ELEMENTS (labels), NULL, sex);
}
