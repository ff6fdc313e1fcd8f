/* hall-export-file.h — saving an export (统计表, 台账) from a page: the file chooser, then
 * hall_export_write() in a worker thread, from what the page shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-export.h"
#include "hall-page.h"

G_BEGIN_DECLS

/* Called with the file the user chose to save @format in. */
typedef void (*HallExportFileFunc) (GtkWidget       *owner,
                                    HallExportFormat format,
                                    const char      *path);

/* Asks where to save export @name (hall_export_title() and the dates name the file). */
void _hall_export_file_choose (GtkWidget         *owner,
                               const char        *dialog_title,
                               const char        *name,
                               const char        *from,
                               const char        *to,
                               HallExportFormat   format,
                               HallExportFileFunc func);

/* Writes export @name of the dates to @path in a worker thread from @data (taken), what @page
 * shows: the answer of @command, an object as it is (stats.summary) or an array of rows that the
 * export reads a page at a time as ledger.list's "rows". *@busy is TRUE while it runs, @page's
 * actions updated as it starts and ends; then @page's toast says "Saved NAME", or @failed (a
 * translated "… was not saved: %s") with the reason. */
void _hall_export_file_save (HallPage        *page,
                             gboolean        *busy,
                             const char      *name,
                             const char      *from,
                             const char      *to,
                             HallExportFormat format,
                             const char      *path,
                             const char      *command,
                             JsonNode        *data,
                             const char      *failed);

G_END_DECLS
