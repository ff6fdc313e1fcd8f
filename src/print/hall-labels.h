/* hall-labels.h — the hall's words for the engine's codes (docs/api.md), for screens and papers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *hall_label_state   (const char *state);
const char *hall_label_channel (const char *channel);
const char *hall_label_type    (const char *type);
const char *hall_label_opinion (const char *opinion);
const char *hall_label_sex     (const char *sex);

G_END_DECLS
