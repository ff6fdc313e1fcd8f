/* hall-admin-calendar-page.h — the working-day calendar: holidays, make-up working days and
 * what they do to the hall's deadlines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-admin-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_ADMIN_CALENDAR_PAGE (hall_admin_calendar_page_get_type ())

G_DECLARE_FINAL_TYPE (HallAdminCalendarPage,
                      hall_admin_calendar_page,
                      HALL,
                      ADMIN_CALENDAR_PAGE,
                      HallAdminPage)

GtkWidget *hall_admin_calendar_page_new (HallClient *client);
/* HallJsonItem per marked day (calendar.list's objects) of this year and the next. */
GListModel *hall_admin_calendar_page_get_days (HallAdminCalendarPage *self);
/* The hall's today, "YYYY-MM-DD", once read; the day the deadline preview counts from. */
const char *hall_admin_calendar_page_get_today (HallAdminCalendarPage *self);
/* The due date of the 15-day period from today ("YYYY-MM-DD"), or NULL before it is known. */
const char *hall_admin_calendar_page_get_due_15 (HallAdminCalendarPage *self);
/* TRUE while a change or a read is on its way. */
gboolean hall_admin_calendar_page_get_busy (HallAdminCalendarPage *self);

G_END_DECLS
