/* hall-document-private.h — what the layout of a printed paper shares between its files:
 * hall-document.c (the blocks, the walk over them, pages) and hall-document-grid.c (tables)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "hall-document.h"

G_BEGIN_DECLS

#define BLOCK_GAP 10.0
#define DRAW_ALL -2 /* draw_page: every page, one after the other (a PDF file) */

typedef enum
{
  BLOCK_NOTE,
  BLOCK_HEADING,
  BLOCK_FIELD,
  BLOCK_TEXT,
  BLOCK_SIGNATURE,
  BLOCK_BIG,
  BLOCK_QR,
  BLOCK_GRID_HEADER, /* the head of a table of columns, repeated on each page it runs over */
  BLOCK_GRID_ROW,
} BlockKind;

typedef struct
{
  BlockKind kind;
  char     *label;
  char     *text;
  GStrv     cells;   /* a grid's header or row */
  double   *weights; /* a grid header's relative column widths */
} Block;

typedef struct
{
  cairo_t      *cr;
  PangoContext *context;
  double        width, height; /* the page */
  double        left, right;   /* the text column */
  double        top, bottom;
  int           draw_page; /* the page to draw, or -1 to measure */
  int           page;      /* the page being laid out */
  double        y;
  gboolean      in_table;  /* the previous block was a table row: rows share their rules */
  Block        *grid;      /* the header of the grid being laid out */
  int           grid_page; /* the page its header was last put on */
  int           n_pages;   /* when drawing */
} Layout;

/* A layout of @text in @font, wrapped to @width points. */
PangoLayout *_hall_layout_text (Layout     *lay,
                                const char *font,
                                const char *text,
                                double      width);
double       _hall_layout_height (PangoLayout *layout);
/* Whether the page being laid out is drawn (not only measured). */
gboolean _hall_layout_drawing (Layout *lay);
/* Moves to the next page unless @height fits on this one. */
void _hall_layout_need (Layout *lay,
                        double  height);
void _hall_layout_show (Layout      *lay,
                        PangoLayout *layout,
                        double       x,
                        double       y);

/* A grid's header or row (hall-document-grid.c). */
void _hall_document_lay_grid_row (Layout *lay,
                                  Block  *block);

G_END_DECLS
