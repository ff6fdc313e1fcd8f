/* hall-info.h — the hall's reference data (hall.info: departments, categories, windows, today's
 * date) as a page keeps it, and the drop-downs that choose among it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "hall-page.h"

G_BEGIN_DECLS

/* Runs when hall.info has been read (@error NULL) or could not be. */
typedef void (*HallInfoFunc) (HallPage     *page,
                              const GError *error);

/* Reads hall.info into *@info, a member of @page, as one of the calls of its refresh; then @func
 * (may be NULL). A failed read keeps what *@info held. */
void _hall_info_load (HallPage    *page,
                      JsonObject **info,
                      HallInfoFunc func);
/* Forgets *@info on a setup.* event (departments, windows or categories changed) and says so. */
gboolean _hall_info_forget_on (JsonObject **info,
                               const char  *kind);
/* hall.info's array @member ("departments", "categories", "counters"), or NULL. */
JsonArray *_hall_info_array (JsonObject *info,
                             const char *member);

/* Makes @row choose among @first (id 0; may be NULL) and the active objects of @items, each
 * named by its "name" (after its ticket letter, "prefix", when @with_prefix); their ids go to
 * @ids. Selects @selected_id's item, else the first. */
void _hall_info_combo_set_items (AdwComboRow *row,
                                 GArray      *ids,
                                 const char  *first,
                                 JsonArray   *items,
                                 gboolean     with_prefix,
                                 gint64       selected_id);
/* The id of @row's choice, or 0. */
gint64 _hall_info_combo_get_id (AdwComboRow *row,
                                GArray      *ids);

G_END_DECLS
