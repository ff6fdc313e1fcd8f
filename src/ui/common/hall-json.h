/* hall-json.h — reading the hall's replies and writing its parameters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A string member, NULL when missing or null. */
const char *_hall_json_string (JsonObject *object,
                               const char *member);
/* A member that may be a boolean, a number or missing (FALSE). */
gboolean _hall_json_flag (JsonObject *object,
                          const char *member);
/* Params object for a command holding @member = @id; more members are added with
 * json_object_set_*. */
JsonObject *_hall_json_params_id (const char *member,
                                  gint64      id);
/* Appends each object's "name" to @list. */
void _hall_json_append_names (GtkStringList *list,
                              JsonArray     *objects);
/* Makes @store hold a HallJsonItem per object of @array (NULL empties it). */
void _hall_json_store_fill (GListStore *store,
                            JsonArray  *array);

G_END_DECLS
