/* hall-kiosk-page.h — the ticket kiosk (取号机): take a number, print the ticket, check a matter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_KIOSK_PAGE (hall_kiosk_page_get_type ())

G_DECLARE_FINAL_TYPE (HallKioskPage, hall_kiosk_page, HALL, KIOSK_PAGE, HallPage)

/* The whole kiosk as one widget (signal "ticket-printed" (gboolean ok) after each ticket), for the device shell; its idle timeout and paper width follow
 * the settings "kiosk-idle-seconds" and "kiosk-paper-width". */
GtkWidget *hall_kiosk_page_new (HallClient *client);
/* The screen shown: "start", "details", "ticket", "query" or "status". */
const char *hall_kiosk_page_get_screen (HallKioskPage *self);
/* Tickets go to this PDF file instead of the printer (tests, and a kiosk without a printer);
 * NULL prints. */
void hall_kiosk_page_set_export_filename (HallKioskPage *self,
                                          const char    *path);
/* The last ticket.issue reply, or NULL. */
JsonObject *hall_kiosk_page_get_last_ticket (HallKioskPage *self);

G_END_DECLS
