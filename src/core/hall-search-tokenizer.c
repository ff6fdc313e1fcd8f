/* hall-search-tokenizer.c — overlapping bigrams for Chinese, whole words for ASCII
 *
 * FTS5's trigram tokenizer cannot find a two-character word such as a surname and given name
 * (张伟) or 拆迁, and Chinese has no spaces to split words on. Indexing every pair of
 * neighbouring characters answers queries of two characters with one token lookup and longer
 * ones with a phrase of consecutive pairs ("拆迁补偿" = "拆迁" "迁补" "补偿").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-search"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hall-error.h"
#include "hall-search-tokenizer.h"

/* Longer ASCII runs are cut into pieces of this many bytes: nothing real is that long. */
#define MAX_WORD_BYTES 64

typedef enum
{
  CHAR_SEPARATOR,
  CHAR_WORD, /* ASCII letter or digit */
  CHAR_HAN,  /* any other letter or digit: Chinese characters above all */
} CharClass;

static CharClass
classify (gunichar *c)
{
  /* Full-width Latin letters and digits (Ａ１) are the ASCII ones typed with a Chinese IME. */
  if (*c >= 0xFF01 && *c <= 0xFF5E)
    *c -= 0xFEE0;
  if (*c < 0x80)
    {
      if (g_ascii_isalnum (*c))
        {
          *c = g_ascii_tolower (*c);
          return CHAR_WORD;
        }
      return CHAR_SEPARATOR;
    }
  if (g_unichar_isalnum (*c))
    {
      *c = g_unichar_tolower (*c);
      return CHAR_HAN;
    }
  return CHAR_SEPARATOR;
}

int
hall_search_tokenize (const char         *text,
                      int                 n_text,
                      HallSearchTokenFunc func,
                      void               *ctx)
{
  char word[MAX_WORD_BYTES];
  int  n_word = 0, word_start = 0;
  char prev[6], cur[6];
  /* prev is the last character lowered, which may be longer than it is in the text (Ⱦ has two
   * bytes, ⱦ three): a token's range is the text's, prev_end where that character ends. */
  int n_prev = 0, prev_start = 0, prev_end = 0, han_run = 0;
  int pos = 0, rc = SQLITE_OK;

  while (pos <= n_text && rc == SQLITE_OK)
    {
      gunichar  c = 0;
      int       len = 1;
      CharClass cls = CHAR_SEPARATOR;

      if (pos < n_text)
        {
          c = g_utf8_get_char_validated (text + pos, n_text - pos);
          if (c == (gunichar) -1 || c == (gunichar) -2)
            c = 0; /* not UTF-8: a separator, one byte at a time */
          else
            {
              len = g_utf8_next_char (text + pos) - (text + pos);
              cls = classify (&c);
            }
        }

      /* The end of an ASCII word. */
      if (n_word > 0 && (cls != CHAR_WORD || n_word == MAX_WORD_BYTES))
        {
          rc = func (ctx, 0, word, n_word, word_start, pos);
          n_word = 0;
          if (rc != SQLITE_OK)
            break;
        }
      /* The end of a run of Chinese characters: a lone one is a token by itself. */
      if (han_run > 0 && cls != CHAR_HAN)
        {
          if (han_run == 1)
            rc = func (ctx, 0, prev, n_prev, prev_start, prev_end);
          han_run = 0;
          if (rc != SQLITE_OK)
            break;
        }

      if (cls == CHAR_WORD)
        {
          if (n_word == 0)
            word_start = pos;
          word[n_word++] = (char) c;
        }
      else if (cls == CHAR_HAN)
        {
          int n_cur = g_unichar_to_utf8 (c, cur);

          if (han_run > 0)
            {
              char pair[12];

              memcpy (pair, prev, n_prev);
              memcpy (pair + n_prev, cur, n_cur);
              rc = func (ctx, 0, pair, n_prev + n_cur, prev_start, pos + len);
            }
          memcpy (prev, cur, n_cur);
          n_prev = n_cur;
          prev_start = pos;
          prev_end = pos + len;
          han_run++;
        }

      pos += len;
    }

  return rc;
}

typedef struct
{
  Fts5Tokenizer *unused;
} Tokenizer;

static int
tokenizer_create (void           *data,
                  const char    **args,
                  int             n_args,
                  Fts5Tokenizer **out)
{
  if (n_args > 0)
    return SQLITE_ERROR;
  *out = (Fts5Tokenizer *) g_new0 (Tokenizer, 1);
  return SQLITE_OK;
}

static void
tokenizer_delete (Fts5Tokenizer *tokenizer)
{
  g_free (tokenizer);
}

static int
tokenizer_tokenize (Fts5Tokenizer      *tokenizer,
                    void               *ctx,
                    int                 flags,
                    const char         *text,
                    int                 n_text,
                    HallSearchTokenFunc func)
{
  if (text == NULL || n_text <= 0)
    return SQLITE_OK;
  return hall_search_tokenize (text, n_text, func, ctx);
}

static fts5_tokenizer hall_bigram = {
  tokenizer_create,
  tokenizer_delete,
  tokenizer_tokenize,
};

gboolean
hall_search_register_tokenizer (sqlite3 *db,
                                GError **error)
{
  sqlite3_stmt *stmt = NULL;
  fts5_api     *api = NULL;
  int           rc;

  if (sqlite3_prepare_v2 (db, "SELECT fts5(?1)", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_pointer (stmt, 1, (void *) &api, "fts5_api_ptr", NULL);
      sqlite3_step (stmt);
    }
  sqlite3_finalize (stmt);

  if (api == NULL || api->iVersion < 2)
    {
      hall_set_error (
          error, HALL_ERROR_INTERNAL, "database",
          _ ("This SQLite library has no full-text search (FTS5); install one that has."));
      return FALSE;
    }

  rc = api->xCreateTokenizer (api, HALL_SEARCH_TOKENIZER, NULL, &hall_bigram, NULL);
  if (rc != SQLITE_OK)
    {
      hall_set_error (error, HALL_ERROR_INTERNAL, "database", _ ("Cannot set up search: %s"),
                      sqlite3_errstr (rc));
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  guint n_tokens;
  guint n_single;
} Count;

static int
count_token (void       *data,
             int         flags,
             const char *token,
             int         n_token,
             int         start,
             int         end)
{
  Count *count = data;

  count->n_tokens++;
  /* A lone Chinese character (an ASCII word of one letter or digit counts alike). */
  if (g_utf8_strlen (token, n_token) == 1)
    count->n_single++;
  return SQLITE_OK;
}

void
hall_search_count_tokens (const char *text,
                          guint      *n_tokens,
                          guint      *n_single)
{
  Count count = { 0, 0 };

  if (text != NULL)
    hall_search_tokenize (text, strlen (text), count_token, &count);
  if (n_tokens != NULL)
    *n_tokens = count.n_tokens;
  if (n_single != NULL)
    *n_single = count.n_single;
}
