/* hall-document.h — a printed paper of the hall, laid out with Pango on A4 pages
 *
 * A document is a title and a run of blocks: notes under the title (the matter's number), headed
 * paragraphs that break across pages line by line, label–value rows that join into one ruled
 * table, and signature lines. It lays itself out for any page size on any cairo context, so the
 * same document goes to a PDF file and to a GtkPrintOperation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

#define HALL_TYPE_DOCUMENT (hall_document_get_type ())

G_DECLARE_FINAL_TYPE (HallDocument, hall_document, HALL, DOCUMENT, GObject)

/* A4 in points, as the PDF and the print operation use it. */
#define HALL_DOCUMENT_A4_WIDTH 595.276
#define HALL_DOCUMENT_A4_HEIGHT 841.89

HallDocument *hall_document_new (const char *title);
const char   *hall_document_get_title (HallDocument *self);

/* A short line right under the title, right-aligned: "编号：XF2026-000123". */
void hall_document_add_note (HallDocument *self,
                             const char   *text);
void hall_document_add_heading (HallDocument *self,
                                const char   *text);
/* One row of a ruled table; an empty or NULL @value prints as "—". */
void hall_document_add_field (HallDocument *self,
                              const char   *label,
                              const char   *value);
/* A paragraph; it breaks across pages between lines. Empty text prints as "—". */
void hall_document_add_text (HallDocument *self,
                             const char   *text);
/* "@label ______________" at the right, with room to sign. */
void hall_document_add_signature (HallDocument *self,
                                  const char   *label);

/* A line in large type, centred: the number on a ticket. */
void hall_document_add_big (HallDocument *self,
                            const char   *text);
/* A QR code of @data (UTF-8 bytes as they are), centred. */
void hall_document_add_qr (HallDocument *self,
                           const char   *data);
/* A roll paper (a ticket printer's 58 or 80 mm roll): narrow margins, no page numbers, and one
 * page as long as hall_document_measure_height() says. */
void     hall_document_set_roll (HallDocument *self,
                                 gboolean      roll);
gboolean hall_document_get_roll (HallDocument *self);
/* The height in points the whole document takes on one page @width points wide. */
double hall_document_measure_height (HallDocument *self,
                                     double        width);
/* A table of @n_columns columns: its header, repeated on every page it runs over, and the relative
 * width of each column (@weights may be NULL for equal ones). Rows follow with add_grid_row. */
void hall_document_add_grid (HallDocument      *self,
                             guint              n_columns,
                             const char *const *headers,
                             const double      *weights);
void hall_document_add_grid_row (HallDocument      *self,
                                 guint              n_columns,
                                 const char *const *cells);
/* Lays the PDF out on A4 turned sideways, for the wide ledgers. */
void hall_document_set_landscape (HallDocument *self,
                                  gboolean      landscape);

/* The whole text, as a reader of the paper gets it, for tests and for the accessible preview. */
char *hall_document_dup_text (HallDocument *self);

/* Lays the document out on pages of @width × @height points: the number of pages. */
int hall_document_paginate (HallDocument *self,
                            cairo_t      *cr,
                            double        width,
                            double        height);
/* Draws page @page (from 0) with its footer "page N of M". */
void hall_document_draw_page (HallDocument *self,
                              cairo_t      *cr,
                              double        width,
                              double        height,
                              int           page);
/* Writes the document to @path as an A4 PDF. */
gboolean hall_document_write_pdf (HallDocument *self,
                                  const char   *path,
                                  GError      **error);

G_END_DECLS
