/* hall-date-row.h — a date field: typed or picked from a calendar that marks the hall's holidays
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define HALL_TYPE_DATE_ROW (hall_date_row_get_type ())
G_DECLARE_FINAL_TYPE (HallDateRow, hall_date_row, HALL, DATE_ROW, AdwEntryRow)

GtkWidget *hall_date_row_new (void);

/* The date, "YYYY-MM-DD", or NULL when the field is empty or its text is not a date. */
const char *hall_date_row_get_date (HallDateRow *self);
/* Shows @date ("YYYY-MM-DD"; NULL or "" empties the field) in the local form. */
void hall_date_row_set_date (HallDateRow *self,
                             const char  *date);
/* The label where the row shows what is wrong with its text (a form's field error label); by
 * default the one _hall_form_add_field() made for it. */
void hall_date_row_set_error_label (HallDateRow *self,
                                    GtkWidget   *error_label);
/* (The row emits "chosen" when a person settles on a date: picks it, or types it and presses
 * Enter or leaves the field; "notify::date" follows the typing too.) */
/* Reads the text as a form sends it: a date shows in the local form and TRUE; a text that is not
 * a date (or nothing when @required) shows its error at the field, keeps the text and FALSE. */
gboolean hall_date_row_check (HallDateRow *self,
                              gboolean     required);

G_END_DECLS
