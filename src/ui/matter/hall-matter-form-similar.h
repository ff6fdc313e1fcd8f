/* hall-matter-form-similar.h — the matter form's panel of earlier matters (可能的重复信访): the
 * candidates matter.similar finds while the registration is typed, and the one linked to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HALL_TYPE_MATTER_SIMILAR (hall_matter_similar_get_type ())
G_DECLARE_FINAL_TYPE (HallMatterSimilar, hall_matter_similar, HALL, MATTER_SIMILAR, AdwBin)

/* Looks for candidates again a moment after the typing stops, from the fields of the form the
 * panel is in (named as matter.register names them). */
void hall_matter_similar_queue (HallMatterSimilar *self);
/* The candidate linked to (matter.similar's object: id, number, link_outcome …), or NULL. */
JsonObject *hall_matter_similar_get_link (HallMatterSimilar *self);
/* No candidates, no link: a new registration. */
void hall_matter_similar_reset (HallMatterSimilar *self);
/* Connected to "changed" of the fields the candidates are looked for by: queues the panel of
 * the page @editable is in. */
void hall_matter_similar_changed_cb (GtkEditable *editable);
/* The form's "matter-form.print-notice": prints the notice of its matter.register result when
 * it recorded a repeat petition (重复信访告知书 or 不予受理告知书), with the names it has. */
void _hall_matter_similar_print_notice_action (GtkWidget  *form,
                                               const char *action_name,
                                               GVariant   *parameter);

G_END_DECLS
