/* hall-matter-similar.c — matter.similar: the earlier matters a registration being typed may
 * repeat, by the same person (ID number, or name and phone) and by similar content
 *
 * Every path reads only what the caller may see (HALL_SEARCH_VISIBLE, the rule of matter.search),
 * so a window clerk learns nothing of another department's matter through it. Content is
 * compared through the full-text index: the typed text's character pairs are looked up with OR,
 * the best-ranked matches are read back and kept when they share enough of the pairs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-idcard.h"
#include "hall-matter-private.h"
#include "hall-search-private.h"
#include "hall-search-tokenizer.h"

#define MAX_CANDIDATES 10
#define MAX_CONTENT_TOKENS 48
#define MIN_CONTENT_TOKENS 4
#define CONTENT_READ 40
/* The share of the typed text's character pairs a matter must hold to be called similar. */
#define MIN_SIMILARITY 35

static const char sql_by_id_number[] =
    "SELECT " HALL_SEARCH_COLUMNS ", m.rereviewed_date FROM petitioner p "
    "JOIN matter_petitioner mp ON mp.petitioner_id = p.id JOIN matter m ON m.id = mp.matter_id " HALL_SEARCH_JOINS "WHERE p.id_number = :q AND " HALL_SEARCH_VISIBLE
    " ORDER BY m.id DESC LIMIT " G_STRINGIFY (MAX_CANDIDATES);

static const char sql_by_name_phone[] =
    "SELECT " HALL_SEARCH_COLUMNS ", m.rereviewed_date FROM petitioner p "
    "JOIN matter_petitioner mp ON mp.petitioner_id = p.id JOIN matter m ON m.id = mp.matter_id " HALL_SEARCH_JOINS "WHERE p.name = :name AND p.phone = :q AND " HALL_SEARCH_VISIBLE
    " ORDER BY m.id DESC LIMIT " G_STRINGIFY (MAX_CANDIDATES);

static const char sql_by_content[] =
    "SELECT " HALL_SEARCH_COLUMNS ", m.rereviewed_date, m.content FROM matter_fts f "
    "JOIN matter m ON m.id = f.rowid " HALL_SEARCH_JOINS
    "WHERE matter_fts MATCH :q AND " HALL_SEARCH_VISIBLE
    " ORDER BY f.rank LIMIT " G_STRINGIFY (CONTENT_READ);

typedef struct
{
  JsonObject *matter;
  guint       score;
} Candidate;

static int
collect_token_cb (void       *data,
                  int         flags,
                  const char *token,
                  int         n_token,
                  int         start,
                  int         end)
{
  GHashTable *tokens = data;

  g_hash_table_add (tokens, g_strndup (token, n_token));
  return SQLITE_OK;
}

static GHashTable *
tokens_of (const char *text)
{
  GHashTable *tokens = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  hall_search_tokenize (text, strlen (text), collect_token_cb, tokens);
  return tokens;
}

/* The outcome registering with this matter as the link would have (docs/api.md). */
const char *
_hall_matter_link_outcome (JsonObject *matter)
{
  const char *state = _hall_matter_get_string (matter, "state");

  if (json_object_has_member (matter, "rereviewed_date")
      && !json_object_get_null_member (matter, "rereviewed_date"))
    return "refused";
  if (g_strcmp0 (state, "closed") == 0 || g_strcmp0 (state, "declined") == 0
      || g_strcmp0 (state, "litigation") == 0)
    return "linked";
  return "repeat";
}

static Candidate *
find_candidate (GPtrArray *found,
                gint64     id)
{
  for (guint i = 0; i < found->len; i++)
    {
      Candidate *c = g_ptr_array_index (found, i);

      if (_hall_matter_get_int (c->matter, "id") == id)
        return c;
    }
  return NULL;
}

static void
candidate_free (Candidate *c)
{
  json_object_unref (c->matter);
  g_free (c);
}

/* Adds the matter of the current row with @reason, or the reason to the one already found. */
static void
add_row (GPtrArray  *found,
         HallStmt   *stmt,
         const char *reason,
         guint       score,
         gint64      similarity)
{
  gint64     id = hall_stmt_int (stmt, 0);
  Candidate *c = find_candidate (found, id);

  if (c == NULL)
    {
      c = g_new0 (Candidate, 1);
      c->matter = hall_stmt_row_object (stmt);
      json_object_remove_member (c->matter, "content");
      json_object_set_array_member (c->matter, "reasons", json_array_new ());
      json_object_set_string_member (c->matter, "link_outcome",
                                     _hall_matter_link_outcome (c->matter));
      json_object_set_boolean_member (c->matter, "final",
                                      g_str_equal (_hall_matter_link_outcome (c->matter),
                                                   "refused"));
      json_object_remove_member (c->matter, "rereviewed_date");
      g_ptr_array_add (found, c);
    }
  json_array_add_string_element (json_object_get_array_member (c->matter, "reasons"), reason);
  c->score += score;
  if (similarity > 0)
    json_object_set_int_member (c->matter, "similarity", similarity);
}

static gboolean
by_person (HallCtx    *ctx,
           const char *sql,
           const char *key,
           const char *name,
           const char *reason,
           guint       score,
           GPtrArray  *found,
           GError    **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _hall_search_bind_text (stmt, ":q", key);
  if (name != NULL)
    _hall_search_bind_text (stmt, ":name", name);
  _hall_search_bind_scope (stmt, ctx);
  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
    add_row (found, stmt, reason, score, 0);
  return rc == SQLITE_DONE;
}

static gboolean
by_content (HallCtx    *ctx,
            const char *content,
            GPtrArray  *found,
            GError    **error)
{
  g_autoptr (GHashTable) wanted = tokens_of (content);
  g_autoptr (GString) match = g_string_new (NULL);
  g_autoptr (HallStmt) stmt = NULL;
  g_autofree char *key = NULL;
  GHashTableIter   iter;
  gpointer         token;
  guint            n = 0;
  int              rc;

  if (g_hash_table_size (wanted) < MIN_CONTENT_TOKENS)
    return TRUE;

  /* Tokens are letters, digits and character pairs: quoted, nothing in them is FTS5 syntax. */
  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &token, NULL) && n < MAX_CONTENT_TOKENS)
    {
      if (strchr (token, '"') != NULL)
        continue;
      g_string_append_printf (match, "%s\"%s\"", n++ > 0 ? " OR " : "", (const char *) token);
    }
  if (n == 0)
    return TRUE;
  if (hall_ctx_is (ctx, HALL_ROLE_STAFF))
    key = g_strdup_printf ("content : (%s) AND " HALL_SEARCH_SCOPE_FORMAT, match->str,
                           ctx->actor->department_id, ctx->actor->department_id,
                           ctx->actor->user_id);
  else
    key = g_strdup_printf ("content : (%s)", match->str);

  if ((stmt = hall_db_prepare (ctx->db, sql_by_content, error)) == NULL)
    return FALSE;
  _hall_search_bind_text (stmt, ":q", key);
  _hall_search_bind_scope (stmt, ctx);
  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      g_autoptr (GHashTable) theirs = tokens_of (hall_stmt_text (stmt, sqlite3_column_count (stmt) - 1));
      guint  shared = 0;
      gint64 similarity;

      g_hash_table_iter_init (&iter, wanted);
      while (g_hash_table_iter_next (&iter, &token, NULL))
        if (g_hash_table_contains (theirs, token))
          shared++;
      similarity = (gint64) shared * 100 / g_hash_table_size (wanted);
      if (similarity >= MIN_SIMILARITY)
        add_row (found, stmt, "content", (guint) similarity, similarity);
    }
  return rc == SQLITE_DONE;
}

static int
by_score (gconstpointer a,
          gconstpointer b)
{
  const Candidate *x = *(Candidate **) a, *y = *(Candidate **) b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  return _hall_matter_get_int (x->matter, "id") > _hall_matter_get_int (y->matter, "id") ? -1 : 1;
}

/* matter.similar: candidates for a registration being typed. Incomplete particulars (half an ID
 * number, a phone without a name) are not an error: they find nothing yet. */
JsonObject *
_hall_matter_similar (HallCtx    *ctx,
                      JsonObject *params,
                      GError    **error)
{
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) candidate_free);
  g_autofree char *id_number = NULL;
  g_autofree char *phone = NULL;
  const char      *id_text = NULL, *name = NULL, *phone_text = NULL, *content = NULL;
  JsonArray       *matters;
  JsonObject      *result;

  if (!hall_param_string (params, "id_number", FALSE, 40, &id_text, error)
      || !hall_param_string (params, "name", FALSE, 40, &name, error)
      || !hall_param_string (params, "phone", FALSE, 40, &phone_text, error)
      || !hall_param_string (params, "content", FALSE, HALL_MATTER_TEXT_MAX, &content, error))
    return NULL;

  if (id_text != NULL && hall_id_number_validate_on (id_text, ctx->today, NULL))
    id_number = hall_id_number_normalize (id_text);
  if (phone_text != NULL)
    phone = hall_phone_normalize (phone_text);

  if ((id_number != NULL
       && !by_person (ctx, sql_by_id_number, id_number, NULL, "id_number", 1000, found, error))
      || (name != NULL && phone != NULL
          && !by_person (ctx, sql_by_name_phone, phone, name, "name_phone", 900, found, error))
      || (content != NULL && !by_content (ctx, content, found, error)))
    return NULL;

  g_ptr_array_sort (found, by_score);
  matters = json_array_new ();
  for (guint i = 0; i < found->len && i < MAX_CANDIDATES; i++)
    {
      Candidate *c = g_ptr_array_index (found, i);
      gint64     id = _hall_matter_get_int (c->matter, "id");

      json_object_set_boolean_member (
          c->matter, "collective", _hall_matter_get_int (c->matter, "collective") != 0);
      json_object_set_boolean_member (
          c->matter, "litigation", _hall_matter_get_int (c->matter, "litigation") != 0);
      json_object_set_boolean_member (
          c->matter, "supervised", _hall_matter_get_int (c->matter, "supervised") != 0);
      json_array_add_object_element (matters, json_object_ref (c->matter));
      /* Found through a person's particulars: recorded as matter.search's results are. */
      if (!hall_ctx_audit (ctx, "matter.similar.result", "matter", id, error))
        {
          json_array_unref (matters);
          return NULL;
        }
    }
  result = json_object_new ();
  json_object_set_array_member (result, "matters", matters);
  return result;
}
