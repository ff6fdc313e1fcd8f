/* hall-export-file.h — saving an export (统计表, 台账) from a page: the file chooser, then
 * hall_export_write() in a worker thread
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

/* Writes @name to @path in a thread; @call answers the commands there, with @call_data (freed
 * with @call_data_free when done). @filters may be NULL. @callback runs in the main thread. */
void _hall_export_file_write_async (gpointer            source,
                                    const char         *name,
                                    const char         *from,
                                    const char         *to,
                                    JsonObject         *filters,
                                    HallExportFormat    format,
                                    const char         *hall_name,
                                    const char         *path,
                                    HallExportCall      call,
                                    gpointer            call_data,
                                    GDestroyNotify      call_data_free,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data);
/* TRUE when the file was saved, said on @page's toast ("Saved NAME"); FALSE with @error set. */
gboolean _hall_export_file_write_finish (GAsyncResult *result,
                                         HallPage     *page,
                                         GError      **error);

G_END_DECLS
