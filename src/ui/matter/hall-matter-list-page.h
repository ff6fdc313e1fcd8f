/* hall-matter-list-page.h — 首接首办: the matters a clerk first received, until they close, and a
 * search within what they may see; the chosen matter beside the list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_MATTER_LIST_PAGE (hall_matter_list_page_get_type ())

G_DECLARE_FINAL_TYPE (HallMatterListPage, hall_matter_list_page, HALL, MATTER_LIST_PAGE, HallPage)

GtkWidget *hall_matter_list_page_new (HallClient *client);
/* HallJsonItem per matter listed (matter.list's or matter.search's objects). */
GListModel *hall_matter_list_page_get_matters (HallMatterListPage *self);
/* Shows the matter beside the list. */
void       hall_matter_list_page_show_matter (HallMatterListPage *self,
                                              gint64              matter_id);
GtkWidget *hall_matter_list_page_get_view (HallMatterListPage *self);

G_END_DECLS
