/* hall-admin-util.h — what the admin pages share: what the hall said about a form's fields,
 * questions before irreversible steps, the roles, a new password, a date with its weekday
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

#include "hall-page.h"

G_BEGIN_DECLS

/* A field of a form: its widget, the error label in the row under it, and its name in the
 * hall's errors (hall_error_get_field()). */
typedef struct
{
  const char *name;
  GtkWidget *widget;
  GtkWidget *error_label;
} HallAdminField;

/* Shows @message (NULL clears it) at the field of @fields called @name; FALSE when none is. */
gboolean   _hall_admin_show_field_error (const HallAdminField *fields,
                                         guint                 n_fields,
                                         const char           *name,
                                         const char           *message);
/* Takes back what the fields of @fields and @general (may be NULL) say. */
void       _hall_admin_clear_errors     (const HallAdminField *fields,
                                         guint                 n_fields,
                                         GtkLabel             *general);
/* Shows what the hall said at the field it names, else in @general. */
void       _hall_admin_show_error       (const HallAdminField *fields,
                                         guint                 n_fields,
                                         const GError         *error,
                                         GtkLabel             *general);
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
/* A question about one thing a page shows (an account's @id, a day's @key), living as long as
 * its dialog, and keeping the page alive as long. */
typedef struct
{
  HallPage *page;
  gint64 id;
  char *key;
} HallAdminQuestion;

/* Asks with _hall_admin_confirm() over @page; @callback gets the "response" signal swapped with
 * the question. Returns the dialog. */
AdwMessageDialog *_hall_admin_ask (HallPage   *page,
                                   gint64      id,
                                   const char *key,
                                   const char *heading,
                                   const char *body,
                                   const char *response,
                                   const char *response_label,
                                   GCallback   callback);
/* Adds a new-password entry (named "reset_password") to @dialog: what is wrong with the typed
 * password shows under it, and @response is enabled only for a good one. Returns the entry. */
GtkWidget *_hall_admin_add_password_field (AdwMessageDialog *dialog,
                                           const char       *response);
/* The roles an account may hold, in the order the forms show them. */
#define HALL_ADMIN_N_ROLES 6
extern const char * const _hall_admin_roles[HALL_ADMIN_N_ROLES];
/* Adds to @box a check button per role (named @prefix and the role, "role_staff"); @checks gets
 * them, in the order of _hall_admin_roles. */
void       _hall_admin_add_role_checks (GtkFlowBox      *box,
                                        const char      *prefix,
                                        GtkCheckButton **checks);
/* The roles whose check button is ticked. */
JsonArray *_hall_admin_dup_roles       (GtkCheckButton **checks);
/* "2026-10-08 星期四" for a YYYY-MM-DD date. */
char      *_hall_admin_format_date   (const char  *date);

G_END_DECLS
