/* hall-manager-change.h — a change the hall manager's pages send, and what they show of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-page.h"

G_BEGIN_DECLS

/* Sends @command; *@pending counts it while under way. @error_label then says why it failed
 * (or hides), and @page loads again. */
void _hall_manager_change_send (HallPage   *page,
                                const char *command,
                                JsonObject *params,
                                GtkLabel   *error_label,
                                guint      *pending);

G_END_DECLS
