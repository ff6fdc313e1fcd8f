/* hall-talk-form.h — the fields of a 约谈 or 通报 (条例 40) a leader records on the supervision page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HALL_TYPE_TALK_FORM (hall_talk_form_get_type ())

G_DECLARE_FINAL_TYPE (HallTalkForm, hall_talk_form, HALL, TALK_FORM, AdwBin)

/* Empties the form for a new record dated @today: the hall's active @departments to choose from
 * and @matters (objects with "matter_id" and "matter_number", each once) to tick. */
void hall_talk_form_reset (HallTalkForm *self,
                           JsonArray    *departments,
                           GPtrArray    *matters,
                           const char   *today);
/* leader.talk's parameters, or NULL when a field is wrong: it says so there and keeps the text. */
JsonObject *hall_talk_form_get_params (HallTalkForm *self);
/* What the hall refused, at the field it names, else under the form. */
void hall_talk_form_show_error (HallTalkForm *self,
                                const GError *error);

G_END_DECLS
