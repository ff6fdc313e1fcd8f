/* hall-document.c — a printed paper of the hall, laid out with Pango on A4 pages
 *
 * Layout is one walk over the blocks that either measures (page < 0) or draws the one page asked
 * for, so pagination and drawing can never disagree. Units are points: Pango runs at 72 dpi.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-document"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <cairo-pdf.h>
#include <pango/pangocairo.h>

#include "hall-document.h"
#include "hall-document-private.h"
#include "hall-qr.h"

#define MARGIN 56.0 /* 2 cm */
#define FOOTER 28.0 /* the page number's band at the bottom */
#define LABEL_WIDTH 120.0
#define CELL_PAD 6.0
#define SIGN_WIDTH 150.0
#define BODY_FONT "Sans 11"
#define LABEL_FONT "Sans 10.5"
#define TITLE_FONT "Sans Bold 18"
#define HEADING_FONT "Sans Bold 12"
#define NOTE_FONT "Sans 10"
#define BIG_FONT "Sans Bold 40"
#define ROLL_MARGIN 8.0 /* a roll printer's own margin is small and the paper is narrow */
#define QR_MAX_SIDE 120.0
#define MEASURE_HEIGHT (-3) /* run_layout's draw_page to return the height used */

struct _HallDocument
{
  GObject parent_instance;

  char    *title;
  GArray  *blocks; /* Block */
  gboolean roll;
  gboolean landscape;
};

G_DEFINE_FINAL_TYPE (HallDocument, hall_document, G_TYPE_OBJECT)

static void
block_clear (Block *block)
{
  g_free (block->label);
  g_free (block->text);
  g_strfreev (block->cells);
  g_free (block->weights);
}

static void
add_block (HallDocument *self,
           BlockKind     kind,
           const char   *label,
           const char   *text)
{
  Block block = { kind, g_strdup (label), g_strdup (text != NULL && *text != '\0' ? text : "—"),
                  NULL, NULL };

  g_array_append_val (self->blocks, block);
}

HallDocument *
hall_document_new (const char *title)
{
  HallDocument *self = g_object_new (HALL_TYPE_DOCUMENT, NULL);

  self->title = g_strdup (title);
  return self;
}

const char *
hall_document_get_title (HallDocument *self)
{
  g_return_val_if_fail (HALL_IS_DOCUMENT (self), NULL);
  return self->title;
}

void
hall_document_add_note (HallDocument *self,
                        const char   *text)
{
  g_return_if_fail (HALL_IS_DOCUMENT (self));
  add_block (self, BLOCK_NOTE, NULL, text);
}

void
hall_document_add_heading (HallDocument *self,
                           const char   *text)
{
  g_return_if_fail (HALL_IS_DOCUMENT (self));
  add_block (self, BLOCK_HEADING, NULL, text);
}

void
hall_document_add_field (HallDocument *self,
                         const char   *label,
                         const char   *value)
{
  g_return_if_fail (HALL_IS_DOCUMENT (self));
  add_block (self, BLOCK_FIELD, label, value);
}

void
hall_document_add_text (HallDocument *self,
                        const char   *text)
{
  g_return_if_fail (HALL_IS_DOCUMENT (self));
  add_block (self, BLOCK_TEXT, NULL, text);
}

void
hall_document_add_signature (HallDocument *self,
                             const char   *label)
{
  g_return_if_fail (HALL_IS_DOCUMENT (self));
  add_block (self, BLOCK_SIGNATURE, label, NULL);
}

void
hall_document_add_big (HallDocument *self,
                       const char   *text)
{
  g_return_if_fail (HALL_IS_DOCUMENT (self));
  add_block (self, BLOCK_BIG, NULL, text);
}

void
hall_document_add_qr (HallDocument *self,
                      const char   *data)
{
  g_return_if_fail (HALL_IS_DOCUMENT (self));
  g_return_if_fail (data != NULL && *data != '\0');
  add_block (self, BLOCK_QR, NULL, data);
}

void
hall_document_set_roll (HallDocument *self,
                        gboolean      roll)
{
  g_return_if_fail (HALL_IS_DOCUMENT (self));
  self->roll = roll;
}

gboolean
hall_document_get_roll (HallDocument *self)
{
  g_return_val_if_fail (HALL_IS_DOCUMENT (self), FALSE);
  return self->roll;
}

void
hall_document_set_landscape (HallDocument *self,
                             gboolean      landscape)
{
  g_return_if_fail (HALL_IS_DOCUMENT (self));
  self->landscape = landscape;
}

void
hall_document_add_grid (HallDocument      *self,
                        guint              n_columns,
                        const char *const *headers,
                        const double      *weights)
{
  Block block = { BLOCK_GRID_HEADER, NULL, NULL, NULL, NULL };

  g_return_if_fail (HALL_IS_DOCUMENT (self));
  g_return_if_fail (n_columns > 0);
  block.cells = g_new0 (char *, n_columns + 1);
  block.weights = g_new (double, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      block.cells[i] = g_strdup (headers[i]);
      block.weights[i] = weights != NULL ? weights[i] : 1.0;
    }
  g_array_append_val (self->blocks, block);
}

void
hall_document_add_grid_row (HallDocument      *self,
                            guint              n_columns,
                            const char *const *cells)
{
  Block block = { BLOCK_GRID_ROW, NULL, NULL, NULL, NULL };

  g_return_if_fail (HALL_IS_DOCUMENT (self));
  block.cells = g_new0 (char *, n_columns + 1);
  for (guint i = 0; i < n_columns; i++)
    block.cells[i] = g_strdup (cells[i] != NULL ? cells[i] : "");
  g_array_append_val (self->blocks, block);
}

char *
hall_document_dup_text (HallDocument *self)
{
  GString *text;

  g_return_val_if_fail (HALL_IS_DOCUMENT (self), NULL);
  text = g_string_new (self->title);
  g_string_append_c (text, '\n');
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);

      if (block->kind == BLOCK_QR)
        continue;
      if (block->cells != NULL)
        {
          g_autofree char *line = g_strjoinv (" | ", block->cells);

          g_string_append_printf (text, "%s\n", line);
        }
      else if (block->kind == BLOCK_FIELD)
        g_string_append_printf (text, "%s: %s\n", block->label, block->text);
      else if (block->kind == BLOCK_SIGNATURE)
        g_string_append_printf (text, "%s ____\n", block->label);
      else
        g_string_append_printf (text, "%s\n", block->text);
    }
  return g_string_free (text, FALSE);
}

/* ---- layout -----------------------------------------------------------------------------------
 */

PangoLayout *
_hall_layout_text (Layout     *lay,
                   const char *font,
                   const char *text,
                   double      width)
{
  PangoLayout *layout = pango_layout_new (lay->context);
  g_autoptr (PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  return layout;
}

double
_hall_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

gboolean
_hall_layout_drawing (Layout *lay)
{
  return lay->page == lay->draw_page || lay->draw_page == DRAW_ALL;
}

static void lay_footer (Layout *lay);

static void
new_page (Layout *lay)
{
  if (lay->draw_page == DRAW_ALL)
    {
      lay_footer (lay);
      cairo_show_page (lay->cr);
      cairo_set_source_rgb (lay->cr, 0, 0, 0);
    }
  lay->page++;
  lay->y = lay->top;
  lay->in_table = FALSE;
}

/* Moves to the next page unless @height fits on this one (a block taller than a page starts
 * at the top of one and is cut by its own drawing). */
void
_hall_layout_need (Layout *lay,
                   double  height)
{
  if (lay->y + height > lay->bottom && lay->y > lay->top)
    new_page (lay);
}

void
_hall_layout_show (Layout      *lay,
                   PangoLayout *layout,
                   double       x,
                   double       y)
{
  if (!_hall_layout_drawing (lay))
    return;
  cairo_move_to (lay->cr, x, y);
  pango_cairo_show_layout (lay->cr, layout);
}

static void
lay_title (Layout     *lay,
           const char *title)
{
  g_autoptr (PangoLayout) layout = _hall_layout_text (lay, TITLE_FONT, title, lay->right - lay->left);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  _hall_layout_show (lay, layout, lay->left, lay->y);
  lay->y += _hall_layout_height (layout) + BLOCK_GAP * 1.5;
}

static void
lay_note (Layout *lay,
          Block  *block)
{
  g_autoptr (PangoLayout) layout = _hall_layout_text (lay, NOTE_FONT, block->text, lay->right - lay->left);

  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  _hall_layout_need (lay, _hall_layout_height (layout));
  _hall_layout_show (lay, layout, lay->left, lay->y);
  lay->y += _hall_layout_height (layout) + 4;
}

static void
lay_heading (Layout *lay,
             Block  *block)
{
  g_autoptr (PangoLayout) layout =
      _hall_layout_text (lay, HEADING_FONT, block->text, lay->right - lay->left);
  g_autoptr (PangoLayout) body = _hall_layout_text (lay, BODY_FONT, "—", lay->right - lay->left);

  /* A heading stays with the first line of what it heads. */
  lay->y += lay->in_table ? BLOCK_GAP : 0;
  _hall_layout_need (lay, _hall_layout_height (layout) + 4 + _hall_layout_height (body));
  _hall_layout_show (lay, layout, lay->left, lay->y);
  lay->y += _hall_layout_height (layout) + 4;
  lay->in_table = FALSE;
}

static void
lay_text (Layout *lay,
          Block  *block)
{
  g_autoptr (PangoLayout) layout = _hall_layout_text (lay, BODY_FONT, block->text, lay->right - lay->left);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);

  lay->y += lay->in_table ? BLOCK_GAP : 0;
  lay->in_table = FALSE;
  /* Line by line, so a long paragraph goes on over the next page. */
  do
    {
      PangoRectangle logical;
      double         line_top, line_height;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_top = (double) logical.y / PANGO_SCALE;
      line_height = (double) logical.height / PANGO_SCALE;
      _hall_layout_need (lay, line_height);
      if (_hall_layout_drawing (lay))
        {
          double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE - line_top;

          cairo_move_to (lay->cr, lay->left + (double) logical.x / PANGO_SCALE, lay->y + baseline);
          pango_cairo_show_layout_line (lay->cr, pango_layout_iter_get_line_readonly (iter));
        }
      lay->y += line_height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  lay->y += BLOCK_GAP;
}

/* On a roll there is no room for a table: the label over its value. */
static void
lay_roll_field (Layout *lay,
                Block  *block)
{
  g_autoptr (PangoLayout) label =
      _hall_layout_text (lay, LABEL_FONT, block->label, lay->right - lay->left);
  g_autoptr (PangoLayout) value = _hall_layout_text (lay, BODY_FONT, block->text, lay->right - lay->left);
  double height = _hall_layout_height (label) + _hall_layout_height (value) + 4;

  _hall_layout_need (lay, height);
  if (_hall_layout_drawing (lay))
    {
      cairo_save (lay->cr);
      cairo_set_source_rgb (lay->cr, 0.35, 0.35, 0.35);
      _hall_layout_show (lay, label, lay->left, lay->y);
      cairo_restore (lay->cr);
    }
  _hall_layout_show (lay, value, lay->left, lay->y + _hall_layout_height (label));
  lay->y += height;
}

static void
lay_field (Layout *lay,
           Block  *block)
{
  double value_width = lay->right - lay->left - LABEL_WIDTH - 2 * CELL_PAD;
  g_autoptr (PangoLayout) label =
      _hall_layout_text (lay, LABEL_FONT, block->label, LABEL_WIDTH - 2 * CELL_PAD);
  g_autoptr (PangoLayout) value = _hall_layout_text (lay, BODY_FONT, block->text, value_width);
  double height = MAX (_hall_layout_height (label), _hall_layout_height (value)) + 2 * CELL_PAD;

  _hall_layout_need (lay, height);
  if (_hall_layout_drawing (lay))
    {
      cairo_t *cr = lay->cr;

      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.93, 0.93, 0.93);
      cairo_rectangle (cr, lay->left, lay->y, LABEL_WIDTH, height);
      cairo_fill (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_set_line_width (cr, 0.75);
      cairo_rectangle (cr, lay->left, lay->y, lay->right - lay->left, height);
      cairo_move_to (cr, lay->left + LABEL_WIDTH, lay->y);
      cairo_line_to (cr, lay->left + LABEL_WIDTH, lay->y + height);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
  _hall_layout_show (lay, label, lay->left + CELL_PAD, lay->y + CELL_PAD);
  _hall_layout_show (lay, value, lay->left + LABEL_WIDTH + CELL_PAD, lay->y + CELL_PAD);
  lay->y += height;
  lay->in_table = TRUE;
}

static void
lay_signature (Layout *lay,
               Block  *block)
{
  g_autoptr (PangoLayout) label =
      _hall_layout_text (lay, BODY_FONT, block->label, lay->right - lay->left - SIGN_WIDTH);
  double height = _hall_layout_height (label) + 14;
  int    label_width;

  lay->y += lay->in_table ? BLOCK_GAP * 2 : BLOCK_GAP;
  lay->in_table = FALSE;
  _hall_layout_need (lay, height);
  pango_layout_get_size (label, &label_width, NULL);
  _hall_layout_show (lay, label, lay->right - SIGN_WIDTH - (double) label_width / PANGO_SCALE - 4,
                     lay->y + 6);
  if (_hall_layout_drawing (lay))
    {
      cairo_save (lay->cr);
      cairo_set_source_rgb (lay->cr, 0, 0, 0);
      cairo_set_line_width (lay->cr, 0.75);
      cairo_move_to (lay->cr, lay->right - SIGN_WIDTH, lay->y + 6 + _hall_layout_height (label));
      cairo_line_to (lay->cr, lay->right, lay->y + 6 + _hall_layout_height (label));
      cairo_stroke (lay->cr);
      cairo_restore (lay->cr);
    }
  lay->y += height;
}

static void
lay_big (Layout *lay,
         Block  *block)
{
  g_autoptr (PangoLayout) layout = _hall_layout_text (lay, BIG_FONT, block->text, lay->right - lay->left);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  lay->y += lay->in_table ? BLOCK_GAP : 0;
  lay->in_table = FALSE;
  _hall_layout_need (lay, _hall_layout_height (layout));
  _hall_layout_show (lay, layout, lay->left, lay->y);
  lay->y += _hall_layout_height (layout) + BLOCK_GAP;
}

static void
lay_qr (Layout *lay,
        Block  *block)
{
  double side = MIN (QR_MAX_SIDE, lay->right - lay->left);

  lay->y += lay->in_table ? BLOCK_GAP : 0;
  lay->in_table = FALSE;
  _hall_layout_need (lay, side);
  if (_hall_layout_drawing (lay))
    hall_qr_draw (lay->cr, block->text, lay->left + (lay->right - lay->left - side) / 2, lay->y,
                  side);
  lay->y += side + BLOCK_GAP;
}

static void
lay_footer (Layout *lay)
{
  /* Translators: the footer of a printed paper */
  g_autofree char *text = g_strdup_printf (
      _ ("Page %d of %d"), (lay->draw_page == DRAW_ALL ? lay->page : lay->draw_page) + 1,
      lay->n_pages);
  g_autoptr (PangoLayout) layout = _hall_layout_text (lay, NOTE_FONT, text, lay->right - lay->left);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_move_to (lay->cr, lay->left, lay->height - MARGIN + (FOOTER - _hall_layout_height (layout)) / 2);
  pango_cairo_show_layout (lay->cr, layout);
}

/* Walks the whole document; draws @draw_page of @n_pages on the way (unless it is -1). The
 * number of pages. */
static int
run_layout (HallDocument *self,
            cairo_t      *cr,
            double        width,
            double        height,
            int           draw_page,
            int           n_pages)
{
  Layout        lay = { 0 };
  PangoContext *context = pango_cairo_create_context (cr);
  double        margin = self->roll ? ROLL_MARGIN : MARGIN;
  int           n;

  /* Points, whatever the target's resolution. */
  pango_cairo_context_set_resolution (context, 72);
  lay.cr = cr;
  lay.context = context;
  lay.width = width;
  lay.height = height;
  lay.left = margin;
  lay.right = width - margin;
  lay.top = margin;
  /* A roll is one page as long as its content: no page numbers. */
  lay.bottom = height - margin - (self->roll ? 0 : FOOTER);
  lay.draw_page = draw_page;
  lay.n_pages = n_pages;
  lay.y = lay.top;

  if (draw_page != -1)
    cairo_set_source_rgb (cr, 0, 0, 0);
  lay_title (&lay, self->title);
  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);

      switch (block->kind)
        {
        case BLOCK_NOTE:
          lay_note (&lay, block);
          break;
        case BLOCK_HEADING:
          lay_heading (&lay, block);
          break;
        case BLOCK_FIELD:
          if (self->roll)
            lay_roll_field (&lay, block);
          else
            lay_field (&lay, block);
          break;
        case BLOCK_TEXT:
          lay_text (&lay, block);
          break;
        case BLOCK_SIGNATURE:
          lay_signature (&lay, block);
          break;
        case BLOCK_BIG:
          lay_big (&lay, block);
          break;
        case BLOCK_QR:
          lay_qr (&lay, block);
          break;
        case BLOCK_GRID_HEADER:
        case BLOCK_GRID_ROW:
          _hall_document_lay_grid_row (&lay, block);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if ((draw_page >= 0 || draw_page == DRAW_ALL) && !self->roll)
    lay_footer (&lay);
  if (draw_page == DRAW_ALL)
    cairo_show_page (cr);
  n = draw_page == MEASURE_HEIGHT ? (int) (lay.y + margin + 0.999) : lay.page + 1;
  g_object_unref (context);
  return n;
}

int
hall_document_paginate (HallDocument *self,
                        cairo_t      *cr,
                        double        width,
                        double        height)
{
  g_return_val_if_fail (HALL_IS_DOCUMENT (self), 0);
  return run_layout (self, cr, width, height, -1, 0);
}

double
hall_document_measure_height (HallDocument *self,
                              double        width)
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  int              height;

  g_return_val_if_fail (HALL_IS_DOCUMENT (self), 0);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  /* One endless page: the walk ends where the content does. */
  height = run_layout (self, cr, width, G_MAXINT32, MEASURE_HEIGHT, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return height;
}

void
hall_document_draw_page (HallDocument *self,
                         cairo_t      *cr,
                         double        width,
                         double        height,
                         int           page)
{
  int n_pages;

  g_return_if_fail (HALL_IS_DOCUMENT (self));
  g_return_if_fail (page >= 0);

  n_pages = run_layout (self, cr, width, height, -1, 0);
  cairo_save (cr);
  run_layout (self, cr, width, height, page, n_pages);
  cairo_restore (cr);
}

gboolean
hall_document_write_pdf (HallDocument *self,
                         const char   *path,
                         GError      **error)
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  cairo_status_t   status;
  int              n_pages;
  double           width, height;

  g_return_val_if_fail (HALL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  width = self->landscape ? HALL_DOCUMENT_A4_HEIGHT : HALL_DOCUMENT_A4_WIDTH;
  height = self->landscape ? HALL_DOCUMENT_A4_WIDTH : HALL_DOCUMENT_A4_HEIGHT;
  surface = cairo_pdf_surface_create (path, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cr = cairo_create (surface);
  /* Two walks over the document, whatever its length: one to count the pages, one to draw them. */
  n_pages = hall_document_paginate (self, cr, width, height);
  cairo_save (cr);
  run_layout (self, cr, width, height, DRAW_ALL, n_pages);
  cairo_restore (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);

      /* Translators: %s is a file name, the second %s why it could not be written */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Could not write “%s”: %s"), name,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static void
hall_document_finalize (GObject *object)
{
  HallDocument *self = HALL_DOCUMENT (object);

  g_free (self->title);
  g_array_unref (self->blocks);
  G_OBJECT_CLASS (hall_document_parent_class)->finalize (object);
}

static void
hall_document_class_init (HallDocumentClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = hall_document_finalize;
}

static void
hall_document_init (HallDocument *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, (GDestroyNotify) block_clear);
}
