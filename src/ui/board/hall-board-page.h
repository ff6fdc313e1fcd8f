/* hall-board-page.h — the hall board: every window, its visitor and who waits where, live
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_BOARD_PAGE (hall_board_page_get_type ())

G_DECLARE_FINAL_TYPE (HallBoardPage, hall_board_page, HALL, BOARD_PAGE, HallPage)

GtkWidget *hall_board_page_new (HallClient *client);
/* HallJsonItem per counter, in window-number order. */
GListModel *hall_board_page_get_counters (HallBoardPage *self);
/* HallJsonItem per department. */
GListModel *hall_board_page_get_departments (HallBoardPage *self);
/* HallJsonItem per 不满意 rating not followed up yet (manager and leaders). */
GListModel *hall_board_page_get_rating_alerts (HallBoardPage *self);
/* The seq of the newest change the board shows. */
gint64 hall_board_page_get_seq (HallBoardPage *self);

G_END_DECLS
