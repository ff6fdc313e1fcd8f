/* test-idcard.c — resident ID numbers, phone numbers and masking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-idcard"

#include "config.h"

#include "hall-error.h"
#include "hall-idcard.h"

static void
assert_id_ok (const char *id)
{
  g_autoptr (GError) error = NULL;

  if (!hall_id_number_validate_on (id, "2026-10-01", &error))
    g_error ("%s rejected: %s", id, error->message);
}

/* Fails naming the field, with a message that contains @fragment. */
static void
assert_id_bad (const char *id,
               const char *fragment)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (hall_id_number_validate_on (id, "2026-10-01", &error));
  g_assert_error (error, HALL_ERROR, HALL_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (hall_error_get_field (error), ==, "id_number");
  if (strstr (error->message, fragment) == NULL)
    g_error ("%s: message “%s” does not say “%s”", id, error->message, fragment);
}

static void
test_id_numbers (void)
{
  g_autofree char *birth = NULL;
  g_autofree char *norm = NULL;

  /* The standard's own example, with X as the check character, also typed in lower case. */
  assert_id_ok ("11010519491231002X");
  assert_id_ok ("11010519491231002x");
  assert_id_ok (" 430102198503151236 ");
  assert_id_ok ("43312420000229052X"); /* 29 February of a leap year */
  assert_id_ok ("110101190001010014"); /* 1 January 1900 */
  assert_id_ok ("430102202609300016"); /* born the day before "today" */

  assert_id_bad ("430102198503151235", "check digit does not match");
  assert_id_bad ("11010519491231002Y", "must be a digit or X");
  assert_id_bad ("110105194912310029", "check digit does not match");
  assert_id_bad ("430102198502311234", "not a real date"); /* 31 February */
  assert_id_bad ("430102202610020011", "in the future");
  assert_id_bad ("43010219850315123", "this one has 17");
  assert_id_bad ("4301021985031512366", "this one has 19");
  assert_id_bad ("43010219850315A236", "Character 15");
  assert_id_bad ("ABCDEFGHIJKLMNOPQR", "Character 1 ");
  assert_id_bad ("４３０１０２１９８５０３１５１２３６", "half-width");
  assert_id_bad ("990102198503151235", "not a region code");
  assert_id_bad ("430000198503151238", "not a region code");
  assert_id_bad ("", "Enter the ID number");

  {
    g_autoptr (GError) error = NULL;
    g_assert_false (hall_id_number_validate ("430102202610020011x", &error));
    g_assert_error (error, HALL_ERROR, HALL_ERROR_INVALID_ARGUMENT);
  }

  birth = hall_id_number_get_birth_date ("11010519491231002X");
  g_assert_cmpstr (birth, ==, "1949-12-31");
  g_assert_cmpstr (hall_id_number_get_sex ("11010519491231002X"), ==, "female");
  g_assert_cmpstr (hall_id_number_get_sex ("430102198503151236"), ==, "male");
  norm = hall_id_number_normalize (" 11010519491231002x");
  g_assert_cmpstr (norm, ==, "11010519491231002X");
}

static void
assert_phone (const char *phone,
              const char *normalized)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *norm = NULL;

  if (!hall_phone_validate (phone, &error))
    g_error ("%s rejected: %s", phone, error->message);
  norm = hall_phone_normalize (phone);
  g_assert_cmpstr (norm, ==, normalized);
}

static void
assert_phone_bad (const char *phone,
                  const char *fragment)
{
  g_autoptr (GError) error = NULL;

  g_assert_false (hall_phone_validate (phone, &error));
  g_assert_error (error, HALL_ERROR, HALL_ERROR_INVALID_ARGUMENT);
  g_assert_cmpstr (hall_error_get_field (error), ==, "phone");
  if (strstr (error->message, fragment) == NULL)
    g_error ("%s: message “%s” does not say “%s”", phone, error->message, fragment);
}

static void
test_phones (void)
{
  assert_phone ("13812345678", "13812345678");
  assert_phone ("19912345678", "19912345678");
  assert_phone ("+86 13812345678", "13812345678");
  assert_phone ("0745-1234567", "0745-1234567");
  assert_phone ("07451234567", "0745-1234567");
  assert_phone ("010-12345678", "010-12345678");
  assert_phone ("01012345678", "010-12345678");
  assert_phone ("0731-84567890", "0731-84567890");
  assert_phone ("0745-1234567-801", "0745-1234567-801");
  assert_phone ("0745-1234567转801", "0745-1234567-801");

  assert_phone_bad ("1381234567", "has 11 digits; this one has 10");
  assert_phone_bad ("138123456789", "this one has 12");
  assert_phone_bad ("12812345678", "No mobile number starts with 12");
  assert_phone_bad ("138-1234-5678", "digits only");
  assert_phone_bad ("0745-123456", "has 6 digits");
  assert_phone_bad ("0745-0234567", "does not start with 0");
  assert_phone_bad ("0012345678", "area code");
  assert_phone_bad ("011-12345678", "does not exist");
  assert_phone_bad ("0745-1234567-", "extension");
  assert_phone_bad ("0745-1234567 abc", "extension");
  assert_phone_bad ("88123456", "Start a mobile number with 1");
  assert_phone_bad ("abc", "Start a mobile number with 1");
  assert_phone_bad ("", "Enter the phone number");
}

static void
test_masking (void)
{
  /* The wall display shows these: none may show a whole name, nor a two-character given name. */
  struct
  {
    const char *in, *out;
  } names[] = {
    { "张三明", "张*明" },
    { "王五", "王*" },
    { "欧阳小明", "欧**明" },
    { "欧阳明", "欧*明" },
    { "李", "*" },
    { "", "*" },
    { NULL, "*" },
    { "   ", "*" },
    { " 王五 ", "王*" },
    { "王 五", "王*" },
    { "阿卜杜拉·买买提", "阿******提" },
    { "Li Lei", "L****i" },
    { "Bo", "B*" },
    { "Anna", "A**a" },
    { "\xff\xfe", "*" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *masked = hall_mask_name (names[i].in);
      g_assert_cmpstr (masked, ==, names[i].out);
    }
  {
    g_autofree char *id = hall_mask_id_number ("11010519491231002x");
    g_autofree char *mobile = hall_mask_phone ("13812345678");
    g_autofree char *landline = hall_mask_phone ("0745-1234567-801");
    g_autofree char *bad = hall_mask_phone ("nonsense");

    g_assert_cmpstr (id, ==, "110105********002X");
    g_assert_cmpstr (mobile, ==, "138****5678");
    g_assert_cmpstr (landline, ==, "0745-***4567");
    g_assert_cmpstr (bad, ==, "****");
  }
}

/* Found by fuzz/hall-fuzz-idcard.c: 18 bytes that are 16 characters are no ID number, and their
 * mask neither shows them nor cuts 转 in two (which gave text that is not UTF-8). */
static void
test_id_not_ascii (void)
{
  g_autofree char *norm = hall_id_number_normalize ("010-12345678转801");
  g_autofree char *masked = hall_mask_id_number ("010-12345678转801");
  g_autofree char *birth = hall_id_number_get_birth_date ("４３０１０２１９８５０３１５１２３６");

  g_assert_null (norm);
  g_assert_cmpstr (masked, ==, "******************");
  g_assert_null (birth);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/idcard/id-numbers", test_id_numbers);
  g_test_add_func ("/idcard/phones", test_phones);
  g_test_add_func ("/idcard/masking", test_masking);
  g_test_add_func ("/idcard/not-ascii", test_id_not_ascii);

  return g_test_run ();
}
