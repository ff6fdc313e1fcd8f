/* hall-check.h — what is wrong with a value a person typed, said as the hall would say it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The same rules as user.create: NULL when fine, else what to fix. */
const char *_hall_check_username (const char *username);
char       *_hall_check_new_password (const char *password);

/* What is wrong with an ID number or a phone number typed so far, or NULL when nothing (or it is
 * empty). Until @final (the person sends the form) a value still too short to judge is fine.
 * *@complete (may be NULL) tells whether it is a whole, valid value, worth looking up. */
char *_hall_check_id_number (const char *text,
                             gboolean    final,
                             gboolean   *complete);
char *_hall_check_phone (const char *text,
                         gboolean    final,
                         gboolean   *complete);

G_END_DECLS
