/* hall-qr.h — a QR code drawn with Cairo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Draws the QR code of @data (its UTF-8 bytes as they are) as a square of @side points at @x, @y,
 * white border included. FALSE, with a warning, when @data cannot be encoded. */
gboolean hall_qr_draw (cairo_t    *cr,
                       const char *data,
                       double      x,
                       double      y,
                       double      side);

G_END_DECLS
