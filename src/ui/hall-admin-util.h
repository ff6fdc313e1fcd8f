/* hall-admin-util.h — what the admin pages share: lists refreshed from JSON, questions before
 * irreversible steps, and a word to the person when something is done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Makes @store hold a HallBoardItem per object of @array (NULL empties it). With @keep_items,
 * when the ids are the same in the same order, the items stay and get the new data. */
void       _hall_admin_store_replace (GListStore  *store,
                                      JsonArray   *array,
                                      gboolean     keep_items);
/* A toast in the app window that holds @widget (nothing when it is not in one). */
void       _hall_admin_toast         (GtkWidget   *widget,
                                      const char  *message);
/* Asks before an irreversible step: a modal AdwMessageDialog over @widget's window with "cancel"
 * and @response (a destructive @response_label). @callback gets the "response" signal, swapped
 * with @data, which must live as long as the dialog. Returns the dialog, already presented. */
AdwMessageDialog *_hall_admin_confirm (GtkWidget  *widget,
                                       const char *heading,
                                       const char *body,
                                       const char *response,
                                       const char *response_label,
                                       GCallback   callback,
                                       gpointer    data);
/* Adds a new-password entry (named "reset_password") to @dialog: what is wrong with the typed
 * password shows under it, and @response is enabled only for a good one. Returns the entry. */
GtkWidget *_hall_admin_add_password_field (AdwMessageDialog *dialog,
                                           const char       *response);
/* "2026-10-08 星期四" for a YYYY-MM-DD date. */
char      *_hall_admin_format_date   (const char  *date);
/* Whether @event is one of the NULL-terminated @kinds. */
gboolean   _hall_admin_event_is      (JsonObject  *event,
                                      const char  *const *kinds);

G_END_DECLS
