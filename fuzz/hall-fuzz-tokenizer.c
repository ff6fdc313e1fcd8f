/* hall-fuzz-tokenizer.c — the search tokenizer (hall-search-tokenizer.c) on any bytes
 *
 * Each token must stand for a range of the text in order, hold valid UTF-8 of at most two
 * characters or one word of letters and digits, and be what the token counter counts; FTS5 must
 * index the text and find its index sound afterwards (its integrity check tokenizes again and
 * compares, so a tokenizer that is not a function of its input fails it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-fuzz"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "hall-fuzz.h"
#include "hall-search-tokenizer.h"

/* The longest ASCII word the tokenizer keeps whole (MAX_WORD_BYTES there). */
#define MAX_TOKEN_BYTES 64

static sqlite3 *db;

typedef struct
{
  int   n_text;
  int   last_start;
  guint n_tokens;
  guint n_single;
} Seen;

static int
check_token_cb (void       *data,
                int         flags,
                const char *token,
                int         n_token,
                int         start,
                int         end)
{
  Seen *seen = data;
  glong n_chars;

  g_assert_cmpint (flags, ==, 0);
  g_assert_cmpint (n_token, >, 0);
  g_assert_cmpint (n_token, <=, MAX_TOKEN_BYTES);
  g_assert_true (g_utf8_validate (token, n_token, NULL));
  g_assert_cmpint (0, <=, start);
  g_assert_cmpint (start, <, end);
  g_assert_cmpint (end, <=, seen->n_text);
  /* FTS5 needs the tokens in the order of their text, overlapping pairs included. */
  g_assert_cmpint (start, >=, seen->last_start);
  seen->last_start = start;

  n_chars = g_utf8_strlen (token, n_token);
  g_assert_cmpint (n_chars, >=, 1);
  if (n_chars == 1)
    seen->n_single++;
  /* A pair of other letters (Chinese above all) or a word of ASCII letters and digits. Letters
   * outside ASCII whose lower case is ASCII (İ is i, the kelvin sign k) stay in pairs, as the
   * index of every hall has them. */
  if (n_chars > 2)
    for (int i = 0; i < n_token; i++)
      g_assert_true (g_ascii_isdigit (token[i]) || g_ascii_islower (token[i]));
  seen->n_tokens++;
  return SQLITE_OK;
}

static void
exec (const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr (GError) error = NULL;

  hall_fuzz_init ();
  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  if (!hall_search_register_tokenizer (db, &error))
    g_error ("%s", error->message);
  exec ("CREATE VIRTUAL TABLE doc USING fts5(body, tokenize = '" HALL_SEARCH_TOKENIZER "')");
  return 0;
}

static void
index_text (const uint8_t *data,
            size_t         size)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO doc (rowid, body) VALUES (1, ?1)", -1,
                                       &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, (const char *) data, size, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  exec ("INSERT INTO doc (doc, rank) VALUES ('integrity-check', 1)");
  exec ("DELETE FROM doc");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  Seen             seen = { .n_text = size };
  g_autofree char *text = hall_fuzz_string (data, size);
  guint            n_tokens = 0, n_single = 0;

  if (size > G_MAXINT)
    return 0;
  g_assert_cmpint (hall_search_tokenize ((const char *) data, size, check_token_cb, &seen), ==,
                   SQLITE_OK);

  /* The counter sees the text up to its first NUL, which the tokenizer takes as a separator. */
  hall_search_count_tokens (text, &n_tokens, &n_single);
  g_assert_cmpuint (n_single, <=, n_tokens);
  if (strlen (text) == size)
    {
      g_assert_cmpuint (n_tokens, ==, seen.n_tokens);
      g_assert_cmpuint (n_single, ==, seen.n_single);
    }

  index_text (data, size);
  return 0;
}
