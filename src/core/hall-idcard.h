/* hall-idcard.h — resident ID numbers, phone numbers and masking of personal data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HALL_ID_NUMBER_LENGTH 18

/* Checks an 18-character resident ID number (GB 11643-1999): 17 digits and a check character
 * 0–9 or X (a lowercase x is accepted), ISO 7064 MOD 11-2 check, a real birth date from 1900 up
 * to today and a province code that exists. On failure sets a HALL_ERROR_INVALID_ARGUMENT naming
 * the field "id_number" with a message that says what is wrong. */
gboolean hall_id_number_validate (const char *id,
                                  GError    **error);
/* The same, with "today" ("YYYY-MM-DD") given, for handlers running on the hall's clock. */
gboolean hall_id_number_validate_on (const char *id,
                                     const char *today,
                                     GError    **error);
/* The ID number as stored: trimmed, check character in upper case. NULL unless 18 ASCII letters
 * and digits. */
char *hall_id_number_normalize (const char *id);
/* The birth date "YYYY-MM-DD" from a valid ID number, NULL when it has none. */
char *hall_id_number_get_birth_date (const char *id);
/* "male" or "female" (17th digit odd or even), NULL when @id is too short. */
const char *hall_id_number_get_sex (const char *id);

/* Mainland mobile 1[3-9] + 9 digits, or a landline with its area code (0745-1234567,
 * 07451234567, 010-12345678) and an optional extension (-801 or 转801). Sets an
 * HALL_ERROR_INVALID_ARGUMENT naming the field "phone". */
gboolean hall_phone_validate (const char *phone,
                              GError    **error);
/* A valid number in one form: mobile as 11 digits, landline as "0745-1234567[-801]". */
char *hall_phone_normalize (const char *phone);

/* Masking for screens that must not show the person (the wall display, the kiosk, lists read
 * by those not handling the matter): the first character, a * for each character between and
 * the last one — 张*明, 欧**明, L****i for "Li Lei" — and only the first for a two-character
 * name (王*). One character, no name (NULL, "", only spaces) or text that is not UTF-8 give "*".
 * Spaces around the name are dropped and spaces inside it do not count as characters. */
char *hall_mask_name (const char *name);
/* 430102********123X: region kept, birth date and sequence hidden. */
char *hall_mask_id_number (const char *id);
/* 138****5678, 0745-***4567. */
char *hall_mask_phone (const char *phone);

G_END_DECLS
