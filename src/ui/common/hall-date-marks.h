/* hall-date-marks.h — the hall's holidays and make-up working days (调休) of a month, for the
 * date pickers, asked once per client and month
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-client.h"

G_BEGIN_DECLS

/* calendar.list for the month @month (1–12) of @year: the days that override the weekday rule.
 * A client remembers each month it was asked for until its feed says calendar.changed. */
void       _hall_date_marks_load_async (HallClient         *client,
                                        int                 year,
                                        int                 month,
                                        GCancellable       *cancellable,
                                        GAsyncReadyCallback callback,
                                        gpointer            user_data);
JsonArray *_hall_date_marks_load_finish (HallClient   *client,
                                         GAsyncResult *result,
                                         GError      **error);

G_END_DECLS
