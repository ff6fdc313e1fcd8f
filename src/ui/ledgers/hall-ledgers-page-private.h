/* hall-ledgers-page-private.h — what the files of the ledgers page share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "hall-ledgers-page.h"

G_BEGIN_DECLS

/* Reads the ledger shown again (after a dispute was saved). */
void _hall_ledgers_page_reload (HallLedgersPage *self);

/* hall-ledgers-dispute.c: the form of a screened dispute over @page, new (@row NULL) or the
 * ledger's @row to edit; @departments are hall.info's. Saving reloads the page. */
GtkWidget *_hall_ledgers_dispute_new (HallLedgersPage *page,
                                      JsonArray       *departments,
                                      JsonObject      *row);

G_END_DECLS
