/* hall-print.h — a paper of the hall to the printer, through GTK's print dialog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "hall-document.h"
#include "hall-page.h"

G_BEGIN_DECLS

/* Opens the print dialog for @document over @widget's window (the dialog can also save it as a
 * PDF); what goes wrong shows as a toast on that window. */
void hall_print_document (GtkWidget    *widget,
                          HallDocument *document);
/* Makes a paper from a command's reply. */
typedef HallDocument *(*HallPrintPaperFunc) (JsonObject *reply,
                                             const char *hall_name);

/* A HallPageReplyFunc for hall_page_call() with a HallPrintPaperFunc as @paper_func: prints the
 * paper it makes of the reply, or shows why the call failed. */
void hall_print_reply_cb (HallPage     *page,
                          JsonObject   *reply,
                          const GError *error,
                          gpointer      paper_func);
/* The hall's name for the head of a paper printed from @widget's window ("" when unknown). */
char *hall_print_dup_hall_name (GtkWidget *widget);
/* Today in the hall, "YYYY-MM-DD", for the foot of a paper. */
char *hall_print_today (void);
/* The same print operation without a dialog, to the PDF file @path. */
gboolean hall_print_export (HallDocument *document,
                            const char   *path,
                            GError      **error);

/* @error is NULL when the paper went to the printer (or the file). */
typedef void (*HallPrintDoneFunc) (GtkWidget    *widget,
                                   const GError *error);
/* Prints @document, a roll paper (hall_document_set_roll()), on a custom paper @width_mm wide and
 * as long as the document, without a dialog: to the default printer, or to the PDF file
 * @export_path when it is not NULL. @func runs once, unless @widget went away first. */
void hall_print_roll (GtkWidget        *widget,
                      HallDocument     *document,
                      double            width_mm,
                      const char       *export_path,
                      HallPrintDoneFunc func);

G_END_DECLS
