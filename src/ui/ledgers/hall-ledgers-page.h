/* hall-ledgers-page.h — 台账: the hall's ledgers for a period, filtered, on the screen and exported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-export.h"
#include "hall-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_LEDGERS_PAGE (hall_ledgers_page_get_type ())
G_DECLARE_FINAL_TYPE (HallLedgersPage, hall_ledgers_page, HALL, LEDGERS_PAGE, HallPage)

GtkWidget *hall_ledgers_page_new (HallClient *client);

/* Shows ledger @name ("disputes" …) from @from to @to, with its filter at @filter (a code of
 * ledger.list's state or outcome, or NULL for all), as if chosen on the page. */
void hall_ledgers_page_show (HallLedgersPage *self,
                             const char      *name,
                             const char      *from,
                             const char      *to,
                             const char      *filter);
/* The rows shown (HallJsonItem, ledger.list's rows), and "disputes" … while they load. */
GListModel *hall_ledgers_page_get_rows (HallLedgersPage *self);
/* TRUE while the rows of the last query are still being read. */
gboolean hall_ledgers_page_is_loading (HallLedgersPage *self);
/* Writes the rows shown to @path in a thread; hall_ledgers_page_is_exporting() is TRUE until
 * then. */
void     hall_ledgers_page_export_to (HallLedgersPage *self,
                                      HallExportFormat format,
                                      const char      *path);
gboolean hall_ledgers_page_is_exporting (HallLedgersPage *self);

G_END_DECLS
