/* hall-export.h — the figures (信访工作情况统计表) and the ledgers (台账) as XLSX and PDF files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef enum
{
  HALL_EXPORT_XLSX,
  HALL_EXPORT_PDF,
} HallExportFormat;

/* Runs one command of the hall (ledger.list, stats.summary) and returns its result, or NULL with
 * @error set: the server's command line calls the engine, the app its client. */
typedef JsonObject *(*HallExportCall) (const char *command,
                                       JsonObject *params,
                                       gpointer    data,
                                       GError    **error);

/* What can be exported, NULL-terminated: "statistics" and the ledgers of ledger.list. */
const char *const *hall_export_names (void);
/* The title of @name as the paper prints it ("矛盾纠纷排查化解清单"), or NULL when unknown. */
const char *hall_export_title (const char *name);

/* The columns of ledger @name as the paper heads them, so that a screen shows the same table:
 * their number (0 when @name is no ledger), the header of one, and the text of one cell of a
 * row of ledger.list (@serial its 序号), in words as the paper writes it. */
guint       hall_export_n_columns (const char *name);
const char *hall_export_column_header (const char *name,
                                       guint       column);
char       *hall_export_cell_text (const char *name,
                                   guint       column,
                                   JsonObject *row,
                                   gint64      serial);

/* Writes @name for the dates @from to @to to @path. @filters (may be NULL) go to ledger.list as
 * they are; the rows are asked for a page at a time, so a long ledger never sits in memory whole
 * (the XLSX is written in libxlsxwriter's constant-memory mode). */
gboolean hall_export_write (const char      *name,
                            const char      *from,
                            const char      *to,
                            JsonObject      *filters,
                            HallExportFormat format,
                            const char      *hall_name,
                            const char      *path,
                            HallExportCall   call,
                            gpointer         data,
                            GError         **error);

G_END_DECLS
