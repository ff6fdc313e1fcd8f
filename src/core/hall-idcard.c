/* hall-idcard.c — resident ID numbers, phone numbers and masking of personal data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-idcard"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hall-error.h"
#include "hall-idcard.h"

/* GB 11643-1999: ISO 7064 MOD 11-2 weights for the first 17 digits, and the check character
 * for each remainder of the weighted sum modulo 11. */
static const int  id_weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char id_check_chars[] = "10X98765432";

/* Provinces, autonomous regions, municipalities (GB/T 2260), Taiwan, Hong Kong and Macao. */
static const int province_codes[] = {
  11,
  12,
  13,
  14,
  15,
  21,
  22,
  23,
  31,
  32,
  33,
  34,
  35,
  36,
  37,
  41,
  42,
  43,
  44,
  45,
  46,
  50,
  51,
  52,
  53,
  54,
  61,
  62,
  63,
  64,
  65,
  71,
  81,
  82,
  83,
};

#define ID_FIELD "id_number"
#define PHONE_FIELD "phone"

static gboolean
is_province (int code)
{
  for (guint i = 0; i < G_N_ELEMENTS (province_codes); i++)
    if (province_codes[i] == code)
      return TRUE;
  return FALSE;
}

static int
digits_value (const char *p,
              int         n)
{
  int value = 0;

  for (int i = 0; i < n; i++)
    value = value * 10 + (p[i] - '0');
  return value;
}

static char *
local_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

char *
hall_id_number_normalize (const char *id)
{
  g_autofree char *copy = NULL;

  if (id == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (id));
  if (strlen (copy) != HALL_ID_NUMBER_LENGTH)
    return NULL;
  /* 18 bytes are 18 characters only in ASCII: "010-12345678转801" is 16 characters, and its
   * mask would cut 转 in two. */
  for (const char *p = copy; *p; p++)
    if (!g_ascii_isalnum (*p))
      return NULL;
  if (copy[17] == 'x')
    copy[17] = 'X';
  return g_steal_pointer (&copy);
}

gboolean
hall_id_number_validate_on (const char *id,
                            const char *today,
                            GError    **error)
{
  g_autofree char *norm = NULL;
  g_autofree char *own_today = NULL;
  g_autofree char *birth = NULL;
  glong            n_chars;
  int              sum = 0, province, year, month, day;

  if (id == NULL || *id == '\0')
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, ID_FIELD, _ ("Enter the ID number."));
      return FALSE;
    }
  if (!g_utf8_validate (id, -1, NULL))
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, ID_FIELD,
                      _ ("The ID number contains characters that are not valid text."));
      return FALSE;
    }

  norm = g_strstrip (g_strdup (id));
  for (const char *p = norm; *p; p++)
    if ((guchar) *p >= 0x80)
      {
        hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, ID_FIELD,
                        _ ("Type the ID number with half-width digits and X only (no full-width or "
                           "Chinese characters)."));
        return FALSE;
      }

  n_chars = strlen (norm);
  if (n_chars != HALL_ID_NUMBER_LENGTH)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, ID_FIELD,
                      g_dngettext (GETTEXT_PACKAGE,
                                   "An ID number has 18 characters; this one has %ld.",
                                   "An ID number has 18 characters; this one has %ld.", n_chars),
                      n_chars);
      return FALSE;
    }

  for (int i = 0; i < 17; i++)
    if (!g_ascii_isdigit (norm[i]))
      {
        hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, ID_FIELD,
                        _ ("Character %d of the ID number is “%c”: the first 17 characters must "
                           "all be digits."),
                        i + 1, norm[i]);
        return FALSE;
      }
  if (!g_ascii_isdigit (norm[17]) && norm[17] != 'X' && norm[17] != 'x')
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, ID_FIELD,
                      _ ("The last character of the ID number must be a digit or X, not “%c”."),
                      norm[17]);
      return FALSE;
    }

  province = (norm[0] - '0') * 10 + (norm[1] - '0');
  if (!is_province (province) || strncmp (norm + 2, "0000", 4) == 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, ID_FIELD,
                      _ ("The ID number starts with %.6s, which is not a region code. Check the "
                         "first six digits."),
                      norm);
      return FALSE;
    }

  year = digits_value (norm + 6, 4);
  month = digits_value (norm + 10, 2);
  day = digits_value (norm + 12, 2);
  birth = g_strdup_printf ("%.4s-%.2s-%.2s", norm + 6, norm + 10, norm + 12);
  if (month < 1 || month > 12 || day < 1 || !g_date_valid_dmy (day, month, year))
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, ID_FIELD,
                      _ ("The birth date in the ID number (%s) is not a real date."), birth);
      return FALSE;
    }
  if (year < 1900)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, ID_FIELD,
                      _ ("The birth date in the ID number (%s) is before 1900."), birth);
      return FALSE;
    }
  if (today == NULL)
    today = own_today = local_today ();
  if (strcmp (birth, today) > 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, ID_FIELD,
                      _ ("The birth date in the ID number (%s) is in the future."), birth);
      return FALSE;
    }

  for (int i = 0; i < 17; i++)
    sum += (norm[i] - '0') * id_weights[i];
  if (g_ascii_toupper (norm[17]) != id_check_chars[sum % 11])
    {
      hall_set_error (
          error, HALL_ERROR_INVALID_ARGUMENT, ID_FIELD,
          _ ("The check digit does not match: one of the 18 characters is probably mistyped. "
             "Compare the number with the card again."));
      return FALSE;
    }

  return TRUE;
}

gboolean
hall_id_number_validate (const char *id,
                         GError    **error)
{
  return hall_id_number_validate_on (id, NULL, error);
}

char *
hall_id_number_get_birth_date (const char *id)
{
  g_autofree char *norm = hall_id_number_normalize (id);
  int              year, month, day;

  if (norm == NULL)
    return NULL;
  for (int i = 6; i < 14; i++)
    if (!g_ascii_isdigit (norm[i]))
      return NULL;
  year = digits_value (norm + 6, 4);
  month = digits_value (norm + 10, 2);
  day = digits_value (norm + 12, 2);
  if (month < 1 || month > 12 || day < 1 || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

const char *
hall_id_number_get_sex (const char *id)
{
  if (id == NULL)
    return NULL;
  while (g_ascii_isspace (*id))
    id++;
  if (strlen (id) < 17 || !g_ascii_isdigit (id[16]))
    return NULL;
  return (id[16] - '0') % 2 ? "male" : "female";
}

/* ---- phone numbers ---- */

typedef struct
{
  char area[8];
  char local[16];
  char ext[16];
  char mobile[16];
} PhoneParts;

static guint
count_digits (const char *p)
{
  guint n = 0;

  while (g_ascii_isdigit (p[n]))
    n++;
  return n;
}

static gboolean
parse_phone (const char *phone,
             PhoneParts *parts,
             GError    **error)
{
  g_autofree char *copy = NULL;
  gboolean         country_code = FALSE;
  const char      *p;
  guint            n;

  memset (parts, 0, sizeof *parts);
  if (phone == NULL || *phone == '\0')
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, PHONE_FIELD,
                      _ ("Enter the phone number."));
      return FALSE;
    }
  copy = g_strstrip (g_strdup (phone));
  p = copy;

  if (g_str_has_prefix (p, "+86"))
    {
      p += 3;
      if (*p == ' ' || *p == '-')
        p++;
      country_code = TRUE;
    }

  if (*p == '1')
    {
      n = count_digits (p);
      if (p[n] != '\0')
        {
          hall_set_error (
              error, HALL_ERROR_INVALID_ARGUMENT, PHONE_FIELD,
              _ ("A mobile number is written with digits only, without spaces or dashes."));
          return FALSE;
        }
      if (n != 11)
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, PHONE_FIELD,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "A mobile number has 11 digits; this one has %u.",
                                       "A mobile number has 11 digits; this one has %u.", n),
                          n);
          return FALSE;
        }
      if (p[1] < '3')
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, PHONE_FIELD,
                          _ ("No mobile number starts with 1%c: the second digit is 3 to 9."),
                          p[1]);
          return FALSE;
        }
      memcpy (parts->mobile, p, 11);
      return TRUE;
    }

  if (*p == '0' && country_code)
    {
      /* +86 is followed by the area code without its 0. */
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, PHONE_FIELD,
                      _ ("After +86 a landline number drops the 0 of its area code; write it as "
                         "0745-1234567 instead."));
      return FALSE;
    }

  if (*p != '0')
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, PHONE_FIELD,
                      _ ("Start a mobile number with 1, or a landline number with its area code "
                         "(such as 0745-1234567)."));
      return FALSE;
    }

  /* Area codes: 010 and 020–029 have three digits, every other one four. */
  n = count_digits (p);
  if (n < 3 || p[1] == '0')
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, PHONE_FIELD,
                      _ ("The area code is not valid: it is 0 followed by two or three digits, "
                         "such as 010 or 0745."));
      return FALSE;
    }
  {
    guint area_len = (p[1] == '1' || p[1] == '2') ? 3 : 4;
    guint local_len;

    if (n < area_len)
      {
        hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, PHONE_FIELD,
                        _ ("The area code is not valid: it is 0 followed by two or three digits, "
                           "such as 010 or 0745."));
        return FALSE;
      }
    if (p[1] == '1' && p[2] != '0')
      {
        hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, PHONE_FIELD,
                        _ ("The area code %.3s does not exist (Beijing is 010)."), p);
        return FALSE;
      }
    memcpy (parts->area, p, area_len);
    p += area_len;
    if (n == area_len && (*p == '-' || *p == ' '))
      p++;

    local_len = count_digits (p);
    if (local_len < 7 || local_len > 8)
      {
        hall_set_error (
            error, HALL_ERROR_INVALID_ARGUMENT, PHONE_FIELD,
            g_dngettext (GETTEXT_PACKAGE,
                         "The number after the area code %s has %u digit; it should have 7 or 8.",
                         "The number after the area code %s has %u digits; it should have 7 or 8.",
                         local_len),
            parts->area, local_len);
        return FALSE;
      }
    if (*p == '0')
      {
        hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, PHONE_FIELD,
                        _ ("A landline number does not start with 0 after the area code."));
        return FALSE;
      }
    memcpy (parts->local, p, local_len);
    p += local_len;
  }

  if (*p == '\0')
    return TRUE;

  /* An extension: -801, 转801, ext 801, x801 */
  if (*p == '-' || *p == ' ' || *p == ',' || *p == 'x' || *p == 'X')
    p++;
  else if (g_str_has_prefix (p, "转"))
    p += strlen ("转");
  else if (g_ascii_strncasecmp (p, "ext", 3) == 0)
    p += 3;
  else
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, PHONE_FIELD,
                      _ ("Unexpected characters after the phone number; write an extension as "
                         "0745-1234567-801."));
      return FALSE;
    }
  while (*p == ' ' || *p == '.')
    p++;
  n = count_digits (p);
  if (n < 1 || n > 6 || p[n] != '\0')
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, PHONE_FIELD,
                      _ ("An extension has 1 to 6 digits, written as 0745-1234567-801."));
      return FALSE;
    }
  memcpy (parts->ext, p, n);
  return TRUE;
}

gboolean
hall_phone_validate (const char *phone,
                     GError    **error)
{
  PhoneParts parts;

  return parse_phone (phone, &parts, error);
}

char *
hall_phone_normalize (const char *phone)
{
  PhoneParts parts;

  if (!parse_phone (phone, &parts, NULL))
    return NULL;
  if (parts.mobile[0])
    return g_strdup (parts.mobile);
  if (parts.ext[0])
    return g_strdup_printf ("%s-%s-%s", parts.area, parts.local, parts.ext);
  return g_strdup_printf ("%s-%s", parts.area, parts.local);
}

/* ---- masking ---- */

/* Whitespace is not a character of the name: " 张三" must not show 三, nor "张 三" show both. */
static glong
count_name_chars (const char *name)
{
  glong n = 0;

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      n++;
  return n;
}

char *
hall_mask_name (const char *name)
{
  g_autofree char *trimmed = NULL;
  GString         *out;
  glong            n;

  /* A lone "*" for no name too: the wall shows that someone is there, never an empty gap. */
  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return g_strdup ("*");
  trimmed = g_strstrip (g_strdup (name));
  n = count_name_chars (trimmed);
  if (n <= 1)
    return g_strdup ("*");

  out = g_string_new (NULL);
  g_string_append_len (out, trimmed, g_utf8_next_char (trimmed) - trimmed);
  if (n == 2)
    {
      /* Keeping the last character of a two-character name would show the whole given name. */
      g_string_append_c (out, '*');
      return g_string_free (out, FALSE);
    }
  n = g_utf8_strlen (trimmed, -1);
  for (glong i = 0; i < n - 2; i++)
    g_string_append_c (out, '*');
  g_string_append (out, g_utf8_offset_to_pointer (trimmed, n - 1));
  return g_string_free (out, FALSE);
}

char *
hall_mask_id_number (const char *id)
{
  g_autofree char *norm = hall_id_number_normalize (id);

  if (norm == NULL)
    return g_strdup ("******************");
  return g_strdup_printf ("%.6s********%.4s", norm, norm + 14);
}

char *
hall_mask_phone (const char *phone)
{
  PhoneParts parts;
  size_t     len;

  if (!parse_phone (phone, &parts, NULL))
    return g_strdup ("****");
  if (parts.mobile[0])
    return g_strdup_printf ("%.3s****%.4s", parts.mobile, parts.mobile + 7);
  len = strlen (parts.local);
  return g_strdup_printf ("%s-%.*s%s", parts.area, (int) (len - 4), "********",
                          parts.local + len - 4);
}
