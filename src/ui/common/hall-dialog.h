/* hall-dialog.h — the one dialog that asks before a step: its question, what it is about, and
 * the fields it may hold
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* An AdwMessageDialog over @owner's window, answered "cancel" or @response: suggested and the
 * default, or destructive with "cancel" the default (Enter does not take a step that cannot be
 * taken back). @response_cb (owner, const char *response, AdwMessageDialog *dialog) gets the
 * answer while @owner lives; *@slot (may be NULL) points to the dialog while it is open. Present
 * it when it is filled in. */
GtkWidget *_hall_dialog_new (GtkWidget            *owner,
                             AdwMessageDialog    **slot,
                             const char           *heading,
                             const char           *body,
                             const char           *response,
                             const char           *response_label,
                             AdwResponseAppearance appearance,
                             GCallback             response_cb);
/* Keeps @owner alive while @dialog is open, so the answer reaches it even when it left the screen
 * meanwhile (a row its list made again), and remembers what the dialog asks about: an @id and a
 * @key (may be NULL). */
void _hall_dialog_hold (GtkWidget  *dialog,
                        GtkWidget  *owner,
                        gint64      id,
                        const char *key);
/* Asks before a step that cannot be taken back: a _hall_dialog_new() with a destructive
 * @response, held for @owner and its subject (_hall_dialog_hold()), presented. */
GtkWidget *_hall_dialog_confirm (GtkWidget  *owner,
                                 gint64      id,
                                 const char *key,
                                 const char *heading,
                                 const char *body,
                                 const char *response,
                                 const char *response_label,
                                 GCallback   response_cb);
/* What @dialog asks about, as _hall_dialog_hold() kept it: 0 and NULL when nothing. */
gint64      _hall_dialog_get_id (AdwMessageDialog *dialog);
const char *_hall_dialog_get_key (AdwMessageDialog *dialog);
/* Closes the dialog *@slot points to, if any. */
void _hall_dialog_close (AdwMessageDialog **slot);

/* An entry row titled "Reason (required)", named @name: @dialog's @response stays disabled until
 * it holds more than spaces. */
AdwEntryRow *_hall_dialog_reason_row_new (AdwMessageDialog *dialog,
                                          const char       *name,
                                          const char       *response);
/* Adds a new-password entry (named "reset_password") to @dialog: what is wrong with the typed
 * password shows under it, and @response is enabled only for a good one. Returns the entry. */
GtkWidget *_hall_dialog_add_password (AdwMessageDialog *dialog,
                                      const char       *response);

G_END_DECLS
