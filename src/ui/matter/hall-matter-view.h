/* hall-matter-view.h — one matter (信访事项): details, petitioners, state, deadline, the timeline of
 * hand-offs, and the actions the signed-in role may take on it
 *
 * Embed it anywhere: give it the client and a matter id; it reads matter.get, follows the change
 * feed, and offers accept / decline / assign / escalate / reply / extend / close as its actions
 * ("matter.accept" …), each opening a small form in place with the engine's errors at their field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_MATTER_VIEW (hall_matter_view_get_type ())

G_DECLARE_FINAL_TYPE (HallMatterView, hall_matter_view, HALL, MATTER_VIEW, HallPage)

GtkWidget *hall_matter_view_new (HallClient *client);
/* A window of its own, over @parent (may be NULL), titled @title: a header bar above a matter
 * view, which is returned; gtk_widget_get_root() gives the window, not yet shown. */
GtkWidget *hall_matter_view_new_in_window (GtkWindow  *parent,
                                           HallClient *client,
                                           const char *title);
gint64     hall_matter_view_get_matter_id (HallMatterView *self);
/* 0 shows the "no matter chosen" page. */
void hall_matter_view_set_matter_id (HallMatterView *self,
                                     gint64          matter_id);
/* The last matter.get result shown ({matter, petitioners, timeline, assignments}), or NULL. */
JsonObject *hall_matter_view_get_result (HallMatterView *self);
/* The form open now ("accept", "assign" …) or NULL. */
const char *hall_matter_view_get_form (HallMatterView *self);

G_END_DECLS
