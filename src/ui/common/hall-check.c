/* hall-check.c — what is wrong with a value a person typed, said as the hall would say it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-check"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hall-check.h"
#include "hall-idcard.h"

#define MIN_PASSWORD_CHARS 8
#define MAX_USERNAME_CHARS 64

const char *
_hall_check_username (const char *username)
{
  if (username == NULL || *username == '\0')
    return _ ("Enter a username.");
  if (g_utf8_strlen (username, -1) > MAX_USERNAME_CHARS)
    return _ ("Use at most 64 characters.");
  for (const char *p = username; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return _ ("Use letters, digits, “.”, “_” or “-” only.");
  return NULL;
}

char *
_hall_check_new_password (const char *password)
{
  if (password == NULL || g_utf8_strlen (password, -1) < MIN_PASSWORD_CHARS)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Use at least %d character.",
                                         "Use at least %d characters.", MIN_PASSWORD_CHARS),
                            MIN_PASSWORD_CHARS);
  if (g_utf8_strlen (password, -1) > 128)
    return g_strdup (_ ("Use at most 128 characters."));
  return NULL;
}

/* What a hall_*_validate() call said, or NULL (and *@complete) for a whole, valid value. */
static char *
validated (gboolean  valid,
           GError  **error,
           gboolean *complete)
{
  if (!valid)
    return g_strdup ((*error)->message);
  if (complete != NULL)
    *complete = TRUE;
  return NULL;
}

char *
_hall_check_id_number (const char *text,
                       gboolean    final,
                       gboolean   *complete)
{
  g_autoptr (GError) error = NULL;
  glong length = g_utf8_strlen (text, -1);

  if (complete != NULL)
    *complete = FALSE;
  if (length == 0)
    return NULL;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p)
        && !((*p == 'x' || *p == 'X') && p[1] == '\0' && length == HALL_ID_NUMBER_LENGTH))
      return g_strdup (_ ("An ID number has 17 digits and a last digit or X."));
  if (length < HALL_ID_NUMBER_LENGTH)
    return final ? g_strdup (_ ("An ID number has 18 characters.")) : NULL;
  return validated (hall_id_number_validate (text, &error), &error, complete);
}

char *
_hall_check_phone (const char *text,
                   gboolean    final,
                   gboolean   *complete)
{
  g_autoptr (GError) error = NULL;

  if (complete != NULL)
    *complete = FALSE;
  /* Complain once the number could be complete, not at the first digit. */
  if (*text == '\0' || (!final && strlen (text) < 11))
    return NULL;
  return validated (hall_phone_validate (text, &error), &error, complete);
}
