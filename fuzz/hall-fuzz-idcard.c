/* hall-fuzz-idcard.c — the ID number and phone validators and the masking of personal data
 *
 * Beyond "no crash": what the validators accept, the normalizers and the masks agree with. A
 * valid ID number normalizes to 18 characters that validate again and carry its birth date; a
 * valid phone normalizes to a form that is valid and normalizes to itself; a mask hides what it
 * promises to hide; and a refusal names its field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-fuzz"

#include "config.h"

#include <string.h>

#include "hall-error.h"
#include "hall-fuzz.h"
#include "hall-idcard.h"

/* A fixed "today", so that what validates does not depend on the day the fuzzer runs. */
#define TODAY "2026-10-12"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  hall_fuzz_init ();
  return 0;
}

static void
check_refusal (const GError *error,
               const char   *field)
{
  hall_fuzz_assert_refusal (error, field);
  g_assert_error (error, HALL_ERROR, HALL_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (hall_error_get_field (error), ==, field);
}

static void
fuzz_id_number (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *norm = hall_id_number_normalize (text);
  g_autofree char *birth = hall_id_number_get_birth_date (text);
  g_autofree char *masked = hall_mask_id_number (text);
  const char      *sex = hall_id_number_get_sex (text);

  g_assert_true (sex == NULL || g_str_equal (sex, "male") || g_str_equal (sex, "female"));
  g_assert_cmpuint (strlen (masked), ==, HALL_ID_NUMBER_LENGTH);
  g_assert_true (g_utf8_validate (masked, -1, NULL));
  if (norm != NULL)
    {
      g_autofree char *twice = hall_id_number_normalize (norm);

      g_assert_cmpuint (strlen (norm), ==, HALL_ID_NUMBER_LENGTH);
      g_assert_cmpstr (twice, ==, norm);
      /* The mask never shows the birth date or the sequence number. */
      g_assert_true (strncmp (masked + 6, "********", 8) == 0);
    }

  if (!hall_id_number_validate_on (text, TODAY, &error))
    {
      check_refusal (error, "id_number");
      return;
    }
  g_assert_no_error (error);
  g_assert_nonnull (norm);
  g_assert_true (hall_id_number_validate_on (norm, TODAY, NULL));
  g_assert_nonnull (birth);
  g_assert_cmpstr (birth, <=, TODAY);
  g_assert_true (strncmp (birth, norm + 6, 4) == 0);
  g_assert_nonnull (sex);
}

static void
fuzz_phone (const char *text)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *norm = hall_phone_normalize (text);
  g_autofree char *masked = hall_mask_phone (text);

  g_assert_true (g_utf8_validate (masked, -1, NULL));
  if (!hall_phone_validate (text, &error))
    {
      check_refusal (error, "phone");
      g_assert_null (norm);
      g_assert_cmpstr (masked, ==, "****");
      return;
    }
  g_assert_no_error (error);
  g_assert_nonnull (norm);
  {
    g_autofree char *twice = hall_phone_normalize (norm);
    g_autofree char *masked_norm = hall_mask_phone (norm);
    g_auto (GStrv) parts = g_strsplit (norm, "-", 3);
    /* the mobile number, or the landline's number after its area code */
    const char *number = parts[1] != NULL ? parts[1] : parts[0];

    g_assert_true (hall_phone_validate (norm, NULL));
    g_assert_cmpstr (twice, ==, norm);
    g_assert_cmpstr (masked_norm, ==, masked);
    /* A mask keeps the last four digits of the number, never the whole of it. */
    g_assert_nonnull (strchr (masked, '*'));
    g_assert_null (strstr (masked, number));
  }
}

static void
fuzz_name (const char *text)
{
  g_autofree char *masked = hall_mask_name (text);

  g_assert_true (g_utf8_validate (masked, -1, NULL));
  g_assert_nonnull (strchr (masked, '*'));
  /* Nothing of a name is shown but its first and last characters. */
  if (g_utf8_validate (text, -1, NULL))
    g_assert_cmpint (g_utf8_strlen (masked, -1), <=, MAX (1, g_utf8_strlen (text, -1)));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = hall_fuzz_string (data, size);

  fuzz_id_number (text);
  fuzz_phone (text);
  fuzz_name (text);
  return 0;
}
