/* hall-search-tokenizer.h — the FTS5 tokenizer behind matter.search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define HALL_SEARCH_TOKENIZER "hall_bigram"

/* Registers the "hall_bigram" FTS5 tokenizer on @db. Chinese text (any run of letters outside
 * ASCII) becomes overlapping two-character tokens, so a two-character query is one token and a
 * longer one a phrase of consecutive tokens; a lone character is a token of its own. Runs of
 * ASCII letters and digits (full-width forms folded to ASCII, letters to lower case) are whole
 * tokens. Must run before any statement touches a table that uses the tokenizer. */
gboolean hall_search_register_tokenizer (sqlite3 *db,
                                         GError **error);

/* Receives a token of @n_token bytes that stands for bytes @start to @end of the text. */
typedef int (*HallSearchTokenFunc) (void       *ctx,
                                    int         flags,
                                    const char *token,
                                    int         n_token,
                                    int         start,
                                    int         end);
/* Calls @func for each token of the @n_text bytes at @text (neither NUL-terminated nor UTF-8
 * needed), as the tokenizer gives them to FTS5; stops at and returns the first result that is
 * not SQLITE_OK. */
int hall_search_tokenize (const char         *text,
                          int                 n_text,
                          HallSearchTokenFunc func,
                          void               *ctx);

/* How many tokens @text yields, and how many of them are lone characters: a query whose every
 * term is a lone character cannot be answered from a two-character index. */
void hall_search_count_tokens (const char *text,
                               guint      *n_tokens,
                               guint      *n_single);

G_END_DECLS
