/* hall-ui-util.c — small things every page of the app shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-ui"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-ui-util.h"
#include "hall-idcard.h"

#define MIN_PASSWORD_CHARS 8
#define MAX_USERNAME_CHARS 64

const char *
_hall_role_label (const char *role)
{
  if (g_strcmp0 (role, "staff") == 0)
    return _("Window staff");
  if (g_strcmp0 (role, "manager") == 0)
    return _("Hall manager");
  if (g_strcmp0 (role, "leader") == 0)
    return _("Leader");
  if (g_strcmp0 (role, "admin") == 0)
    return _("Administrator");
  if (g_strcmp0 (role, "display") == 0)
    return _("Wall display");
  if (g_strcmp0 (role, "kiosk") == 0)
    return _("Ticket kiosk");
  return role;
}

const char * const *
_hall_desktop_roles (void)
{
  static const char * const roles[] = { "staff", "manager", "leader", "admin", NULL };
  return roles;
}

void
_hall_form_set_error (GtkWidget  *field,
                      GtkWidget  *error_label,
                      const char *message)
{
  GtkWidget *row = gtk_widget_get_parent (error_label);

  g_return_if_fail (GTK_IS_WIDGET (field));
  g_return_if_fail (GTK_IS_LABEL (error_label));

  if (message != NULL && *message)
    {
      gtk_label_set_text (GTK_LABEL (error_label), message);
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (error_label), "");
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }
  gtk_widget_set_visible (GTK_IS_LIST_BOX_ROW (row) ? row : error_label, message != NULL && *message);
}

const char *
_hall_check_username (const char *username)
{
  if (username == NULL || *username == '\0')
    return _("Enter a username.");
  if (g_utf8_strlen (username, -1) > MAX_USERNAME_CHARS)
    return _("Use at most 64 characters.");
  for (const char *p = username; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      return _("Use letters, digits, “.”, “_” or “-” only.");
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
    return g_strdup (_("Use at most 128 characters."));
  return NULL;
}

char *
_hall_format_minutes (gint64 seconds)
{
  gint64 minutes = MAX (seconds, 0) / 60;

  if (minutes < 60)
    /* Translators: a duration in minutes */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d min", "%d min", minutes), (int) minutes);
  /* Translators: a duration in hours and minutes */
  return g_strdup_printf (_("%d h %02d min"), (int) (minutes / 60), (int) (minutes % 60));
}

char *
_hall_format_clock (gint64 unix_time)
{
  g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (unix_time);

  return time ? g_date_time_format (time, "%H:%M") : g_strdup ("");
}

GtkWidget *
_hall_find_named (GtkWidget  *root,
                  const char *name)
{
  g_return_val_if_fail (GTK_IS_WIDGET (root), NULL);

  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = _hall_find_named (child, name);
      if (found != NULL)
        return found;
    }
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
    if (!g_ascii_isdigit (*p) && !((*p == 'x' || *p == 'X') && p[1] == '\0' && length == HALL_ID_NUMBER_LENGTH))
      return g_strdup (_("An ID number has 17 digits and a last digit or X."));
  if (length < HALL_ID_NUMBER_LENGTH)
    return final ? g_strdup (_("An ID number has 18 characters.")) : NULL;
  if (!hall_id_number_validate (text, &error))
    return g_strdup (error->message);
  if (complete != NULL)
    *complete = TRUE;
  return NULL;
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
  if (!hall_phone_validate (text, &error))
    return g_strdup (error->message);
  if (complete != NULL)
    *complete = TRUE;
  return NULL;
}

void
_hall_list_box_remove_all (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}
