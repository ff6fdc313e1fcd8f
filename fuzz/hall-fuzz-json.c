/* hall-fuzz-json.c — the server's reading of a request body: the size limit, UTF-8, the strict
 * JSON check (hall-json-check.c) and json-glib
 *
 * Every body is either refused with an invalid-argument error or read as an object; the strict
 * check alone is run at every depth limit up to the server's, and must agree with itself (a body
 * it passes at one limit it passes at every higher one, and each "\u0000" it reports is one) and
 * with json-glib, which must read whatever it passes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-fuzz"

#include "config.h"

#include <string.h>

#include "hall-fuzz.h"
#include "hall-server-private.h"

#define SERVER_DEPTH 32

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  hall_fuzz_init ();
  return 0;
}

/* Runs the strict check at one depth limit; asserts what it reports about escaped NULs. */
static gboolean
check_at (const char *data,
          size_t      size,
          guint       depth)
{
  g_autoptr (GArray) nul_escapes = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr (GError) error = NULL;

  if (!_hall_json_check (data, size, depth, nul_escapes, &error))
    {
      g_assert_error (error, HALL_ERROR, HALL_ERROR_INVALID_ARGUMENT);
      return FALSE;
    }
  g_assert_no_error (error);
  for (guint i = 0; i < nul_escapes->len; i++)
    {
      gsize at = g_array_index (nul_escapes, gsize, i);

      g_assert_cmpuint (at + 6, <=, size);
      g_assert_true (memcmp (data + at, "\\u0000", 6) == 0);
    }
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char *text = (const char *) data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) object = NULL;
  gboolean passed = FALSE;

  /* A body that passes at one limit passes at every higher one. */
  for (guint depth = 1; depth <= SERVER_DEPTH; depth++)
    {
      gboolean ok = check_at (text, size, depth);

      g_assert_true (ok || !passed);
      passed = ok;
    }

  /* json-glib reads whatever the strict check passes (the server patches escaped NULs first). */
  if (passed && g_utf8_validate (text, size, NULL) && g_strstr_len (text, size, "\\u0000") == NULL)
    {
      g_autoptr (JsonParser) parser = json_parser_new_immutable ();
      g_autoptr (GError) parse_error = NULL;

      if (!json_parser_load_from_data (parser, text, size, &parse_error))
        g_error ("the strict check passed what json-glib refuses: %s", parse_error->message);
    }

  object = _hall_server_parse_json (text, size, &error);
  if (object == NULL)
    {
      hall_fuzz_assert_refusal (error, "reading a request body");
      g_assert_true (error->code == HALL_ERROR_INVALID_ARGUMENT
                     || error->code == HALL_ERROR_TOO_LARGE);
      return 0;
    }
  g_assert_no_error (error);

  /* What the server read, it can write back (the error answers and the audit trail do). */
  {
    g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), object);
    g_autofree char *again = json_to_string (node, FALSE);

    g_assert_true (g_utf8_validate (again, -1, NULL));
  }
  return 0;
}
