/* hall-role.h — the hall's roles as people in the hall name them, from the engine's one list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "hall-command.h"

G_BEGIN_DECLS

/* Roles as people in the hall name them ("staff" → "Window staff"); another string as it is. */
const char *_hall_role_label (const char *role);
/* The roles a person may sign in as on the desktop app: the hall's people (HALL_ROLES_PEOPLE),
 * not its screens, in the engine's order; NULL-terminated. */
const char *const *_hall_role_desktop_roles (void);

G_END_DECLS
