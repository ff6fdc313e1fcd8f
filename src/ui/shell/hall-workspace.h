/* hall-workspace.h — the signed-in shell: a sidebar of the role's pages and the page shown
 *
 * A page is one widget trio with a "client" property (HallClient). Each page names the roles
 * it serves in the table at the top of hall-workspace.c; adding a page is one line there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-client.h"

G_BEGIN_DECLS

#define HALL_TYPE_WORKSPACE (hall_workspace_get_type ())

G_DECLARE_FINAL_TYPE (HallWorkspace, hall_workspace, HALL, WORKSPACE, AdwBin)

GtkWidget  *hall_workspace_new (void);
HallClient *hall_workspace_get_client (HallWorkspace *self);
void        hall_workspace_set_client (HallWorkspace *self,
                                       HallClient    *client);
const char *hall_workspace_get_role (HallWorkspace *self);
/* Builds the pages of @role ("staff", "manager" …); NULL shows none. */
void hall_workspace_set_role (HallWorkspace *self,
                              const char    *role);
/* The page called @name ("board") for the current role, or NULL. */
GtkWidget  *hall_workspace_get_page (HallWorkspace *self,
                                     const char    *name);
const char *hall_workspace_get_visible_page_name (HallWorkspace *self);
gboolean    hall_workspace_show_page (HallWorkspace *self,
                                      const char    *name);
/* TRUE when the sidebar and the page do not fit side by side. */
gboolean hall_workspace_get_folded (HallWorkspace *self);
/* From the page back to the sidebar when folded. */
void hall_workspace_navigate_back (HallWorkspace *self);

G_END_DECLS
