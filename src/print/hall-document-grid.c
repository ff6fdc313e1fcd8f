/* hall-document-grid.c — the tables of columns of a printed paper (the ledgers, the statistics
 * table): ruled rows, the header again at the top of each page a table runs over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-document"

#include "config.h"

#include "hall-document-private.h"

#define GRID_FONT "Sans 8"
#define GRID_HEADER_FONT "Sans Bold 8"
#define GRID_PAD 3.0

/* Column @i's width in a grid. */
static double
grid_width (Layout *lay,
            guint   i)
{
  double total = 0;

  for (guint c = 0; lay->grid->cells[c] != NULL; c++)
    total += lay->grid->weights[c];
  return (lay->right - lay->left) * lay->grid->weights[i] / total;
}

/* One ruled row of cells; measures it when @draw is FALSE. Its height. */
static double
grid_cells (Layout  *lay,
            GStrv    cells,
            gboolean header,
            gboolean draw)
{
  guint        n = g_strv_length (lay->grid->cells);
  PangoLayout *layouts[n];
  double       height = 0, x = lay->left;

  for (guint i = 0; i < n; i++)
    {
      const char *text = i < g_strv_length (cells) ? cells[i] : "";

      layouts[i] = _hall_layout_text (lay, header ? GRID_HEADER_FONT : GRID_FONT, text,
                                      grid_width (lay, i) - 2 * GRID_PAD);
      height = MAX (height, _hall_layout_height (layouts[i]));
    }
  height += 2 * GRID_PAD;
  for (guint i = 0; i < n; i++)
    {
      double w = grid_width (lay, i);

      if (draw && _hall_layout_drawing (lay))
        {
          cairo_save (lay->cr);
          if (header)
            {
              cairo_set_source_rgb (lay->cr, 0.93, 0.93, 0.93);
              cairo_rectangle (lay->cr, x, lay->y, w, height);
              cairo_fill (lay->cr);
            }
          cairo_set_source_rgb (lay->cr, 0, 0, 0);
          cairo_set_line_width (lay->cr, 0.5);
          cairo_rectangle (lay->cr, x, lay->y, w, height);
          cairo_stroke (lay->cr);
          cairo_restore (lay->cr);
          _hall_layout_show (lay, layouts[i], x + GRID_PAD, lay->y + GRID_PAD);
        }
      x += w;
      g_object_unref (layouts[i]);
    }
  return height;
}

void
_hall_document_lay_grid_row (Layout *lay,
                             Block  *block)
{
  double height, head = 0;

  if (block->kind == BLOCK_GRID_HEADER)
    {
      lay->y += lay->in_table ? BLOCK_GAP : 0;
      lay->grid = block;
      lay->grid_page = -1;
    }
  if (lay->grid == NULL)
    return;
  height = block->kind == BLOCK_GRID_ROW ? grid_cells (lay, block->cells, FALSE, FALSE) : 0;
  if (lay->grid_page != lay->page)
    head = grid_cells (lay, lay->grid->cells, TRUE, FALSE);
  _hall_layout_need (lay, head + height);
  /* the header again at the top of each page the grid runs over */
  if (lay->grid_page != lay->page)
    {
      lay->y += grid_cells (lay, lay->grid->cells, TRUE, TRUE);
      lay->grid_page = lay->page;
    }
  if (block->kind == BLOCK_GRID_ROW)
    lay->y += grid_cells (lay, block->cells, FALSE, TRUE);
  lay->in_table = TRUE;
}
