/* hall-qr.c — a QR code drawn with Cairo (libqrencode), for the tickets and receipts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-print"

#include "config.h"

#include <qrencode.h>

#include "hall-qr.h"

#define QR_QUIET 4 /* modules of white around the code, as the standard asks */

/* Drawn as filled squares, so the code stays sharp at any resolution of the printer. */
gboolean
hall_qr_draw (cairo_t    *cr,
              const char *data,
              double      x,
              double      y,
              double      side)
{
  QRcode *code = QRcode_encodeString8bit (data, 0, QR_ECLEVEL_M);
  double  module;

  if (code == NULL)
    {
      g_warning ("Cannot encode “%s” as a QR code", data);
      return FALSE;
    }
  module = side / (code->width + 2 * QR_QUIET);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (int row = 0; row < code->width; row++)
    for (int col = 0; col < code->width; col++)
      if (code->data[row * code->width + col] & 1)
        cairo_rectangle (cr, x + (col + QR_QUIET) * module, y + (row + QR_QUIET) * module, module,
                         module);
  cairo_fill (cr);
  cairo_restore (cr);
  QRcode_free (code);
  return TRUE;
}
