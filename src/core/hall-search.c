/* hall-search.c — matter.search: by matter number, ID number, phone, name and words of the content
 *
 * A query that looks like a matter number, an ID number or a phone number is looked up exactly
 * through the ordinary indexes; anything else goes to the full-text index of 005-search.sql. Every
 * path walks matters newest first (descending id) and stops after one page, so a search costs the
 * same over a thousand matters as over a million. Paging is by cursor ("before" = the last id
 * seen), never by offset.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-search"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-idcard.h"
#include "hall-search-private.h"
#include "hall-search-tokenizer.h"

#define MAX_QUERY_CHARS 100
#define MAX_TERMS 8
#define DEFAULT_PAGE 20
#define MAX_PAGE 100

typedef enum
{
  QUERY_NUMBER,
  QUERY_ID_NUMBER,
  QUERY_PHONE,
  QUERY_TEXT,
} QueryKind;

static const char *const kind_names[] = { "number", "id_number", "phone", "text" };

static const char *sql_by_number =
    "SELECT " HALL_SEARCH_COLUMNS "FROM matter m " HALL_SEARCH_JOINS
    "WHERE m.number = :q AND m.id < :before AND " HALL_SEARCH_VISIBLE " LIMIT :limit";

static const char *sql_by_id_number =
    "SELECT " HALL_SEARCH_COLUMNS "FROM petitioner p JOIN matter_petitioner mp ON mp.petitioner_id = p.id "
    "JOIN matter m ON m.id = mp.matter_id " HALL_SEARCH_JOINS
    "WHERE p.id_number = :q AND m.id < :before AND " HALL_SEARCH_VISIBLE " ORDER BY m.id DESC LIMIT :limit";

static const char *sql_by_phone =
    "SELECT " HALL_SEARCH_COLUMNS "FROM matter m " HALL_SEARCH_JOINS
    "WHERE m.id IN (SELECT mp.matter_id FROM petitioner p "
    "               JOIN matter_petitioner mp ON mp.petitioner_id = p.id WHERE p.phone = :q) "
    "AND m.id < :before AND " HALL_SEARCH_VISIBLE " ORDER BY m.id DESC LIMIT :limit";

static const char *sql_by_text =
    "SELECT " HALL_SEARCH_COLUMNS "FROM matter_fts f JOIN matter m ON m.id = f.rowid " HALL_SEARCH_JOINS
    "WHERE matter_fts MATCH :q AND f.rowid < :before AND " HALL_SEARCH_VISIBLE
    " ORDER BY f.rowid DESC LIMIT :limit";

static gboolean
looks_like_matter_number (const char *q)
{
  /* XF2026-000123: letters, a four-digit year, a dash, digits. */
  const char *p = q;
  guint       letters = 0, digits = 0;

  while (g_ascii_isalpha (*p))
    p++, letters++;
  if (letters < 1 || letters > 4)
    return FALSE;
  for (guint i = 0; i < 4; i++, p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  if (*p++ != '-')
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++, digits++;
  return digits >= 1 && digits <= 9 && *p == '\0';
}

static gboolean
looks_like_id_number (const char *q)
{
  if (strlen (q) != HALL_ID_NUMBER_LENGTH)
    return FALSE;
  for (guint i = 0; i < HALL_ID_NUMBER_LENGTH - 1; i++)
    if (!g_ascii_isdigit (q[i]))
      return FALSE;
  return g_ascii_isdigit (q[17]) || q[17] == 'X' || q[17] == 'x';
}

/* Builds the FTS5 query: every whitespace-separated term becomes one quoted string, which FTS5
 * hands to the tokenizer whole and matches as a phrase, so quotes, *, AND, OR, NOT, NEAR,
 * parentheses and column filters typed by a user are only text. Terms are ANDed. */
static char *
build_match (const char *q,
             GError    **error)
{
  g_autoptr (GString) match = g_string_new (NULL);
  g_auto (GStrv) terms = NULL;
  g_autofree char *spaced = NULL;
  guint            n_terms = 0;
  gboolean         too_short = FALSE;

  /* The ideographic space (U+3000) separates terms as an ASCII one does. */
  {
    g_autoptr (GString) s = g_string_new (q);

    g_string_replace (s, "\xe3\x80\x80", " ", 0);
    spaced = g_string_free (g_steal_pointer (&s), FALSE);
  }
  terms = g_strsplit_set (spaced, " \t\r\n", -1);

  for (guint i = 0; terms[i] != NULL; i++)
    {
      guint n_tokens = 0, n_single = 0;

      hall_search_count_tokens (terms[i], &n_tokens, &n_single);
      if (n_tokens == 0)
        continue; /* only punctuation */
      if (n_tokens == 1 && n_single == 1)
        {
          /* One character cannot be found in an index of character pairs. */
          too_short = TRUE;
          continue;
        }
      if (++n_terms > MAX_TERMS)
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "query",
                          g_dngettext (GETTEXT_PACKAGE, "Use at most %d word.",
                                       "Use at most %d words.", MAX_TERMS),
                          MAX_TERMS);
          return NULL;
        }

      if (match->len > 0)
        g_string_append_c (match, ' ');
      g_string_append_c (match, '"');
      for (const char *p = terms[i]; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (match, '"');
          g_string_append_c (match, *p);
        }
      g_string_append_c (match, '"');
    }

  if (n_terms == 0)
    {
      if (too_short)
        hall_set_error (
            error, HALL_ERROR_INVALID_ARGUMENT, "query",
            _ ("Type at least two characters, for example a full name, two characters of the "
               "petition or the last digits of a matter number."));
      else
        hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "query",
                        _ ("Type a name, an ID number, a phone number, a matter number or words of "
                           "the petition."));
      return NULL;
    }

  return g_string_free (g_steal_pointer (&match), FALSE);
}

static JsonArray *
load_petitioners (HallCtx *ctx,
                  gint64   matter_id,
                  GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  JsonArray *people = json_array_new ();
  int        rc;

  stmt = hall_db_prepare (ctx->db,
                          "SELECT p.id, p.name, p.id_number, p.phone, mp.role "
                          "FROM matter_petitioner mp JOIN petitioner p ON p.id = mp.petitioner_id "
                          "WHERE mp.matter_id = ?1 ORDER BY mp.sort, p.id",
                          error);
  if (stmt == NULL)
    {
      json_array_unref (people);
      return NULL;
    }
  hall_stmt_bind_int (stmt, 1, matter_id);
  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      JsonObject      *person = json_object_new ();
      g_autofree char *masked_id = NULL;
      g_autofree char *masked_phone = NULL;
      const char      *id_number = hall_stmt_text (stmt, 2);
      const char      *phone = hall_stmt_text (stmt, 3);

      /* Lists show the name and no more than a masked ID number and phone: the full record is
       * matter.get's, which audits it as well. */
      json_object_set_int_member (person, "id", hall_stmt_int (stmt, 0));
      json_object_set_string_member (person, "name", hall_stmt_text (stmt, 1));
      if (id_number != NULL)
        json_object_set_string_member (person, "id_number",
                                       masked_id = hall_mask_id_number (id_number));
      else
        json_object_set_null_member (person, "id_number");
      if (phone != NULL)
        json_object_set_string_member (person, "phone", masked_phone = hall_mask_phone (phone));
      else
        json_object_set_null_member (person, "phone");
      json_object_set_string_member (person, "role", hall_stmt_text (stmt, 4));
      json_array_add_object_element (people, person);
    }
  if (rc == 0)
    {
      json_array_unref (people);
      return NULL;
    }
  return people;
}

void
_hall_search_bind_text (HallStmt   *stmt,
                        const char *name,
                        const char *value)
{
  hall_stmt_bind_text (stmt, sqlite3_bind_parameter_index (stmt, name), value);
}

void
_hall_search_bind_int (HallStmt   *stmt,
                       const char *name,
                       gint64      value)
{
  hall_stmt_bind_int (stmt, sqlite3_bind_parameter_index (stmt, name), value);
}

void
_hall_search_bind_scope (HallStmt *stmt,
                         HallCtx  *ctx)
{
  _hall_search_bind_int (stmt, ":restricted", hall_ctx_is (ctx, HALL_ROLE_STAFF) ? 1 : 0);
  _hall_search_bind_int (stmt, ":department", ctx->actor->department_id);
  _hall_search_bind_int (stmt, ":user", ctx->actor->user_id);
}

static JsonObject *
matter_search (HallCtx    *ctx,
               JsonObject *params,
               GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (JsonArray) matters = json_array_new ();
  g_autofree char *key = NULL;
  const char      *query = NULL, *sql;
  gint64           before = G_MAXINT64, limit = DEFAULT_PAGE, last_id = 0;
  gboolean         restricted = hall_ctx_is (ctx, HALL_ROLE_STAFF);
  QueryKind        kind;
  JsonObject      *result;
  guint            n = 0;
  int              rc;

  if (!hall_param_string (params, "query", TRUE, MAX_QUERY_CHARS, &query, error)
      || !hall_param_int (params, "before", FALSE, 1, G_MAXINT64, &before, error)
      || !hall_param_int (params, "limit", FALSE, 1, MAX_PAGE, &limit, error))
    return NULL;

  if (looks_like_matter_number (query))
    {
      kind = QUERY_NUMBER;
      key = g_ascii_strup (query, -1);
      sql = sql_by_number;
    }
  else if (looks_like_id_number (query))
    {
      kind = QUERY_ID_NUMBER;
      key = hall_id_number_normalize (query);
      sql = sql_by_id_number;
    }
  else if ((key = hall_phone_normalize (query)) != NULL)
    {
      kind = QUERY_PHONE;
      sql = sql_by_phone;
    }
  else
    {
      g_autofree char *terms = build_match (query, error);

      if (terms == NULL)
        return NULL;
      kind = QUERY_TEXT;
      sql = sql_by_text;
      /* The user's words never match the scope column; a window clerk's search is intersected
       * with the matters they may see inside the index (the HALL_SEARCH_VISIBLE condition stays, as the rule
       * of record). */
      if (restricted)
        key = g_strdup_printf (
            "{number names content} : (%s) AND " HALL_SEARCH_SCOPE_FORMAT,
            terms, ctx->actor->department_id, ctx->actor->department_id, ctx->actor->user_id);
      else
        key = g_strdup_printf ("{number names content} : (%s)", terms);
    }

  stmt = hall_db_prepare (ctx->db, sql, error);
  if (stmt == NULL)
    return NULL;
  _hall_search_bind_text (stmt, ":q", key);
  _hall_search_bind_int (stmt, ":before", before);
  _hall_search_bind_int (stmt, ":limit", limit + 1);
  _hall_search_bind_scope (stmt, ctx);

  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW && n < (guint) limit)
    {
      JsonObject *matter = hall_stmt_row_object (stmt);

      json_array_add_object_element (matters, matter);
      last_id = hall_stmt_int (stmt, 0);
      n++;
    }
  if (rc == 0)
    return NULL;

  /* Petitioners after the walk, so the page's statement is not kept open meanwhile. */
  for (guint i = 0; i < n; i++)
    {
      JsonObject *matter = json_array_get_object_element (matters, i);
      gint64      id = json_object_get_int_member (matter, "id");
      JsonArray  *people = load_petitioners (ctx, id, error);

      if (people == NULL)
        return NULL;
      json_object_set_array_member (matter, "petitioners", people);
      json_object_set_boolean_member (matter, "collective",
                                      json_object_get_int_member (matter, "collective") != 0);
      json_object_set_boolean_member (matter, "litigation",
                                      json_object_get_int_member (matter, "litigation") != 0);
      json_object_set_boolean_member (matter, "supervised",
                                      json_object_get_int_member (matter, "supervised") != 0);
      /* The names in the result are personal data read. */
      if (!hall_ctx_audit (ctx, "matter.search.result", "matter", id, error))
        return NULL;
    }

  result = json_object_new ();
  json_object_set_string_member (result, "kind", kind_names[kind]);
  json_object_set_array_member (result, "matters", g_steal_pointer (&matters));
  json_object_set_boolean_member (result, "more", rc == SQLITE_ROW);
  if (rc == SQLITE_ROW)
    json_object_set_int_member (result, "next_before", last_id);
  else
    json_object_set_null_member (result, "next_before");
  return result;
}

const HallCommand _hall_search_commands[] = {
  { "matter.search", matter_search, HALL_ROLE_STAFF | HALL_ROLE_MANAGER | HALL_ROLE_LEADER,
    HALL_COMMAND_AUDITED },
  { NULL }
};
