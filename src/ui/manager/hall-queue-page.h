/* hall-queue-page.h — the hall manager's queue: every waiting, held and missed ticket, live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_QUEUE_PAGE (hall_queue_page_get_type ())

G_DECLARE_FINAL_TYPE (HallQueuePage, hall_queue_page, HALL, QUEUE_PAGE, HallPage)

GtkWidget *hall_queue_page_new (HallClient *client);
/* HallJsonItem per ticket ({…} as ticket.list gives it), in calling order. */
GListModel *hall_queue_page_get_waiting (HallQueuePage *self);
GListModel *hall_queue_page_get_held (HallQueuePage *self);
GListModel *hall_queue_page_get_no_show (HallQueuePage *self);
/* TRUE while the queue is read or a change is sent. */
gboolean hall_queue_page_get_busy (HallQueuePage *self);
/* The open transfer dialog (queue.transfer), or NULL. */
AdwMessageDialog *hall_queue_page_get_dialog (HallQueuePage *self);

G_END_DECLS
