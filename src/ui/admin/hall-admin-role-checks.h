/* hall-admin-role-checks.h — a check button per role an account may hold, for the account forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "hall-role.h"

G_BEGIN_DECLS

/* Adds to @box a check button per role of hall_role_names (named @prefix and the role,
 * "role_staff"); @checks (HALL_N_ROLES of them) gets them, in that order. */
void _hall_admin_role_checks_add (GtkFlowBox      *box,
                                  const char      *prefix,
                                  GtkCheckButton **checks);
/* The roles whose check button is ticked. */
JsonArray *_hall_admin_role_checks_dup_roles (GtkCheckButton **checks);

G_END_DECLS
