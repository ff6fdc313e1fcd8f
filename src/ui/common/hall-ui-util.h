/* hall-ui-util.h — small things every page of the app shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Roles as people in the hall name them ("staff" → "Window staff"). */
const char  *_hall_role_label           (const char  *role);
/* The roles a person may sign in as on the desktop app, NULL-terminated. */
const char * const *_hall_desktop_roles (void);

/* Shows @message (NULL clears it) next to @field: @error_label sits in the row just below the
 * field; the field gets the "error" style and the message as its accessible description. */
void         _hall_form_set_error       (GtkWidget   *field,
                                         GtkWidget   *error_label,
                                         const char  *message);
/* The same rules as user.create: NULL when fine, else what to fix. */
const char  *_hall_check_username       (const char  *username);
char        *_hall_check_new_password   (const char  *password);

/* What is wrong with an ID number or a phone number typed so far, or NULL when nothing (or it is
 * empty). Until @final (the person sends the form) a value still too short to judge is fine.
 * *@complete (may be NULL) tells whether it is a whole, valid value, worth looking up. */
char        *_hall_check_id_number      (const char  *text,
                                         gboolean     final,
                                         gboolean    *complete);
char        *_hall_check_phone          (const char  *text,
                                         gboolean     final,
                                         gboolean    *complete);

/* "12 min", "1 h 05 min" */
char        *_hall_format_minutes       (gint64       seconds);
/* "09:12" in local time */
char        *_hall_format_clock         (gint64       unix_time);

/* Removes every row of @list (one not bound to a model). */
void         _hall_list_box_remove_all  (GtkListBox  *list);

/* Makes the page's widgets and the "error" strings a test can find by name: the first
 * descendant of @root whose widget name is @name, or NULL. */
GtkWidget   *_hall_find_named           (GtkWidget   *root,
                                         const char  *name);

G_END_DECLS
