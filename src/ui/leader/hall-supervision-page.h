/* hall-supervision-page.h — 督办: overdue and due-soon matters across the hall, flagged ones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_SUPERVISION_PAGE (hall_supervision_page_get_type ())

G_DECLARE_FINAL_TYPE (HallSupervisionPage, hall_supervision_page, HALL, SUPERVISION_PAGE, HallPage)

GtkWidget *hall_supervision_page_new (HallClient *client);
/* HallJsonItem per entry of leader.supervision's "overdue", "due_soon" or "flagged", or per
 * talk or notice of leader.talks ("talks"). */
GListModel *hall_supervision_page_get_list (HallSupervisionPage *self,
                                            const char          *which);
/* "list" or "flag". */
const char *hall_supervision_page_get_view (HallSupervisionPage *self);

G_END_DECLS
