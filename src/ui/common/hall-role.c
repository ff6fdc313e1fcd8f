/* hall-role.c — the hall's roles as people in the hall name them, from the engine's one list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-role"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-role.h"

/* In the order of hall_role_names. */
static const char *const labels[] = {
  N_ ("Window staff"),
  N_ ("Hall manager"),
  N_ ("Leader"),
  N_ ("Administrator"),
  N_ ("Wall display"),
  N_ ("Ticket kiosk"),
  N_ ("Window rating pad"),
};
G_STATIC_ASSERT (G_N_ELEMENTS (labels) == HALL_N_ROLES);

const char *
_hall_role_label (const char *role)
{
  for (guint i = 0; i < HALL_N_ROLES; i++)
    if (g_strcmp0 (role, hall_role_names[i]) == 0)
      return _ (labels[i]);
  return role;
}

const char *const *
_hall_role_desktop_roles (void)
{
  static const char *roles[HALL_N_ROLES + 1];

  if (roles[0] == NULL)
    for (guint i = 0, n = 0; i < HALL_N_ROLES; i++)
      if ((HALL_ROLES_PEOPLE & (1u << i)) != 0)
        roles[n++] = hall_role_names[i];
  return roles;
}
