/* hall-matter-list.c — lists of matters for the windows and the leaders, the clocks that are
 * running out (matter.due), and the kiosk's status check by number and query code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-idcard.h"
#include "hall-matter-private.h"

#define LIST_MAX 200
#define QUERY_MAX_FAILURES 5
#define QUERY_LOCK_SECONDS (15 * 60)

static const char *const list_states[] = {
  "open", "registered", "accepted", "declined", "litigation", "assigned", "objected", "replied",
  "review", "reviewed", "rereview", "rereviewed", "closed", NULL
};

/* "first_received_by": "me" or a user id. */
static gboolean
param_first_receiver (HallCtx    *ctx,
                      JsonObject *params,
                      gint64     *user_id,
                      GError    **error)
{
  JsonNode *node = json_object_get_member (params, "first_received_by");

  *user_id = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (json_node_get_value_type (node) == G_TYPE_STRING
      && g_str_equal (json_node_get_string (node), "me"))
    {
      *user_id = ctx->actor->user_id;
      return TRUE;
    }
  return hall_param_int (params, "first_received_by", FALSE, 1, G_MAXINT64, user_id, error);
}

/* Row-level rule of architecture.md §5 for lists: window staff see their department's matters (the
 * one responsible, first receiving or cooperating on it) and the ones they first received.
 * ?20 = 1 applies it with ?21 the department and ?22 the user. */
#define ROW_LEVEL_SQL                                                                    \
  "(?20 = 0 OR m.first_user_id = ?22 OR (?21 != 0 AND (m.department_id = ?21 OR "        \
  "m.first_department_id = ?21 "                                                         \
  "OR m.id IN (SELECT a.matter_id FROM matter_assignment a WHERE a.department_id = ?21 " \
  "AND a.role = 'cooperate' AND a.state IN ('open', 'done')))))"

static void
bind_row_level (HallCtx  *ctx,
                HallStmt *stmt)
{
  gboolean restricted = !hall_ctx_is (ctx, HALL_ROLE_SYSTEM | HALL_ROLE_MANAGER | HALL_ROLE_LEADER);

  hall_stmt_bind_int (stmt, 20, restricted);
  hall_stmt_bind_int (stmt, 21, ctx->actor->department_id);
  hall_stmt_bind_int (stmt, 22, ctx->actor->user_id);
}

static void
mask_names (JsonArray *rows)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      JsonArray  *names = json_object_get_array_member (row, "petitioner_names");
      JsonArray  *masked = json_array_new ();

      for (guint j = 0; names && j < json_array_get_length (names); j++)
        {
          g_autofree char *m = hall_mask_name (json_array_get_string_element (names, j));
          json_array_add_string_element (masked, m);
        }
      json_object_set_array_member (row, "petitioner_names", masked);
    }
}

/* The filters every list takes, over matter m. */
#define LIST_MATTER_FILTER_SQL                                                                     \
  "WHERE " ROW_LEVEL_SQL " "                                                                       \
  "AND (?1 = 0 OR m.first_user_id = ?1) "                                                          \
  "AND (?2 = 0 OR m.department_id = ?2) "                                                          \
  "AND (?3 IS NULL OR m.state = ?3 OR (?3 = 'open' AND m.state NOT IN ('declined', 'litigation', " \
  "'closed'))) "

/* Lists filtered by a running clock (overdue, due soon) join every matter's clock; they are
 * short. A matter's non-objection clocks exclude each other by state, so the join keeps one row
 * per matter. */
#define LIST_DUE_FILTER_SQL                                                          \
  "FROM matter m JOIN matter_clock k ON k.matter_id = m.id AND k.clock != "          \
  "'objection' " LIST_JOINS_SQL LIST_MATTER_FILTER_SQL "AND (?4 = 0 OR k.due < ?6) " \
  "AND (?5 = 0 OR (k.due >= ?6 AND julianday(k.due) - julianday(?6) <= ?7)) "

#define LIST_COLUMNS_SQL                                                               \
  "SELECT m.id, m.number, m.state, m.channel, m.type, m.category_id, "                 \
  "c.name AS category_name, m.department_id, d.name AS department_name, "              \
  "m.first_user_id, fu.display_name AS first_user_name, m.first_department_id, "       \
  "m.first_counter_id, m.persons, (m.persons >= 5 OR m.collective) AS collective, "    \
  "m.litigation, m.supervised, m.charge_leader_id, m.received_date, m.registered_at, " \
  "m.updated_at, k.clock, k.due, "                                                     \
  "CAST(julianday(k.due) - julianday(?6) AS INTEGER) AS days_left, "                   \
  "coalesce(k.due < ?6, 0) AS overdue, "                                               \
  "(SELECT json_group_array(p.name) FROM (SELECT p.name FROM matter_petitioner mp "    \
  "  JOIN petitioner p ON p.id = mp.petitioner_id WHERE mp.matter_id = m.id "          \
  "  ORDER BY mp.sort) p) AS petitioner_names_json "

#define LIST_JOINS_SQL                            \
  "JOIN department d ON d.id = m.department_id "  \
  "LEFT JOIN category c ON c.id = m.category_id " \
  "LEFT JOIN account fu ON fu.id = m.first_user_id "

JsonObject *
_hall_matter_list (HallCtx    *ctx,
                   JsonObject *params,
                   GError    **error)
{
  const char *state = NULL;
  gint64      first_user = 0, department_id = 0, soon_days = 3, limit = 50, offset = 0, total;
  gboolean    overdue = FALSE, due_soon = FALSE, with_total = TRUE, more;
  g_autoptr (HallStmt) count = NULL;
  g_autoptr (HallStmt) stmt = NULL;
  JsonArray  *rows;
  JsonObject *result;

  if (!param_first_receiver (ctx, params, &first_user, error)
      || !hall_param_int (params, "department_id", FALSE, 1, G_MAXINT64, &department_id, error)
      || !hall_param_enum (params, "state", FALSE, list_states, &state, error)
      || !hall_param_bool (params, "overdue", FALSE, &overdue, error)
      || !hall_param_bool (params, "due_soon", FALSE, &due_soon, error)
      || !hall_param_int (params, "due_soon_days", FALSE, 1, 60, &soon_days, error)
      || !hall_param_int (params, "limit", FALSE, 1, LIST_MAX, &limit, error)
      || !hall_param_int (params, "offset", FALSE, 0, G_MAXINT32, &offset, error)
      || !hall_param_bool (params, "count", FALSE, &with_total, error))
    return NULL;

#define BIND_FILTERS(st)                       \
  G_STMT_START                                 \
  {                                            \
    bind_row_level (ctx, st);                  \
    hall_stmt_bind_int (st, 1, first_user);    \
    hall_stmt_bind_int (st, 2, department_id); \
    hall_stmt_bind_text (st, 3, state);        \
    hall_stmt_bind_int (st, 4, overdue);       \
    hall_stmt_bind_int (st, 5, due_soon);      \
    hall_stmt_bind_text (st, 6, ctx->today);   \
    hall_stmt_bind_int (st, 7, soon_days);     \
  }                                            \
  G_STMT_END

  /* Counting every match scans them all; a list that only needs to know whether there is more
   * asks for count: false and gets one row beyond the page instead. */
  total = -1;
  if (with_total)
    {
      if (overdue || due_soon)
        count = hall_db_prepare (ctx->db, "SELECT count(*) " LIST_DUE_FILTER_SQL, error);
      else
        count = hall_db_prepare (ctx->db, "SELECT count(*) FROM matter m " LIST_MATTER_FILTER_SQL,
                                 error);
      if (count == NULL)
        return NULL;
      BIND_FILTERS (count);
      if (hall_stmt_step (count, error) != SQLITE_ROW)
        return NULL;
      total = hall_stmt_int (count, 0);
    }

  /* Without a clock filter the newest matters are found first and only their page looks up its
   * clock: a window's list of 100,000 matters costs what 50 rows cost. */
  if (overdue || due_soon)
    stmt = hall_db_prepare (ctx->db,
                            LIST_COLUMNS_SQL LIST_DUE_FILTER_SQL
                            "ORDER BY k.due, m.id DESC LIMIT ?8 OFFSET ?9",
                            error);
  else
    stmt = hall_db_prepare (ctx->db,
                            "WITH page AS (SELECT m.id FROM matter m " LIST_MATTER_FILTER_SQL
                            "  ORDER BY m.id DESC LIMIT ?8 OFFSET ?9), "
                            "k AS (SELECT page.id AS matter_id, "
                            "  (SELECT x.clock FROM matter_clock x WHERE x.matter_id = page.id "
                            "   AND x.clock != 'objection') AS clock, "
                            "  (SELECT x.due FROM matter_clock x WHERE x.matter_id = page.id "
                            "   AND x.clock != 'objection') AS due FROM page) " LIST_COLUMNS_SQL
                            "FROM k JOIN matter m ON m.id = k.matter_id " LIST_JOINS_SQL
                            "ORDER BY m.id DESC",
                            error);
  if (stmt == NULL)
    return NULL;
  BIND_FILTERS (stmt);
  hall_stmt_bind_int (stmt, 8, limit + 1);
  hall_stmt_bind_int (stmt, 9, offset);
#undef BIND_FILTERS
  rows = hall_stmt_all_objects (stmt, error);
  if (rows == NULL)
    return NULL;
  more = json_array_get_length (rows) > (guint) limit;
  if (more)
    json_array_remove_element (rows, limit);
  mask_names (rows);

  result = json_object_new ();
  json_object_set_array_member (result, "matters", rows);
  json_object_set_boolean_member (result, "more", more);
  if (total >= 0)
    json_object_set_int_member (result, "total", total);
  json_object_set_int_member (result, "offset", offset);
  json_object_set_string_member (result, "today", ctx->today);
  return result;
}

JsonObject *
_hall_matter_due (HallCtx    *ctx,
                  JsonObject *params,
                  GError    **error)
{
  gint64 first_user = 0, department_id = 0, soon_days = 3;
  g_autoptr (HallStmt) stmt = NULL;
  JsonArray  *rows;
  JsonObject *result;
  guint       overdue = 0, due_soon = 0;

  if (!param_first_receiver (ctx, params, &first_user, error)
      || !hall_param_int (params, "department_id", FALSE, 1, G_MAXINT64, &department_id, error)
      || !hall_param_int (params, "due_soon_days", FALSE, 1, 60, &soon_days, error))
    return NULL;

  /* Every clock that has run out, and every one that runs out within the next days. The
   * objection window is a right of the receiving department, never overdue: it only shows while
   * it is still open. */
  stmt = hall_db_prepare (
      ctx->db,
      "SELECT m.id AS matter_id, m.number, m.state, m.department_id, "
      "d.name AS department_name, m.first_user_id, fu.display_name AS first_user_name, "
      "m.first_department_id, m.supervised, k.clock, k.due, "
      "CAST(julianday(k.due) - julianday(?6) AS INTEGER) AS days_left, "
      "k.due < ?6 AS overdue "
      "FROM matter_clock k JOIN matter m ON m.id = k.matter_id "
      "JOIN department d ON d.id = m.department_id "
      "LEFT JOIN account fu ON fu.id = m.first_user_id "
      "WHERE " ROW_LEVEL_SQL " "
      "AND (?1 = 0 OR m.first_user_id = ?1) AND (?2 = 0 OR m.department_id = ?2) "
      "AND ((k.clock != 'objection' AND k.due < ?6) "
      "  OR (k.due >= ?6 AND julianday(k.due) - julianday(?6) <= ?7)) "
      "ORDER BY k.due, m.id",
      error);
  if (stmt == NULL)
    return NULL;
  bind_row_level (ctx, stmt);
  hall_stmt_bind_int (stmt, 1, first_user);
  hall_stmt_bind_int (stmt, 2, department_id);
  hall_stmt_bind_text (stmt, 6, ctx->today);
  hall_stmt_bind_int (stmt, 7, soon_days);
  rows = hall_stmt_all_objects (stmt, error);
  if (rows == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      if (json_object_get_int_member (json_array_get_object_element (rows, i), "overdue"))
        overdue++;
      else
        due_soon++;
    }

  result = json_object_new ();
  json_object_set_array_member (result, "entries", rows);
  json_object_set_int_member (result, "overdue", overdue);
  json_object_set_int_member (result, "due_soon", due_soon);
  json_object_set_string_member (result, "today", ctx->today);
  return result;
}

/* ---- status.query ---- */

static void
count_query_failure (HallCtx *ctx,
                     gpointer data)
{
  const char *number = data;
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (HallStmt) prune = NULL;

  /* After several wrong codes the number is refused for a while: six digits are too few to
   * withstand guessing otherwise. Numbers no matter has count the same, or the lock would tell
   * which exist. */
  stmt = hall_db_prepare (ctx->db,
                          "INSERT INTO status_query_guard "
                          "(number, failures, locked_until, updated_at) "
                          "VALUES (?1, 1, 0, ?4) ON CONFLICT (number) DO UPDATE SET "
                          "locked_until = CASE WHEN failures + 1 >= ?2 THEN ?3 "
                          "  ELSE locked_until END, "
                          "failures = CASE WHEN failures + 1 >= ?2 THEN 0 ELSE failures + 1 END, "
                          "updated_at = ?4",
                          NULL);
  if (stmt == NULL)
    return;
  hall_stmt_bind_text (stmt, 1, number);
  hall_stmt_bind_int (stmt, 2, QUERY_MAX_FAILURES);
  hall_stmt_bind_int (stmt, 3, ctx->now + QUERY_LOCK_SECONDS);
  hall_stmt_bind_int (stmt, 4, ctx->now);
  hall_stmt_step (stmt, NULL);

  /* Guesses at made-up numbers must not fill the disk: a day later they are forgotten. */
  prune = hall_db_prepare (ctx->db,
                           "DELETE FROM status_query_guard "
                           "WHERE updated_at < ?1 AND locked_until < ?2",
                           NULL);
  if (prune == NULL)
    return;
  hall_stmt_bind_int (prune, 1, ctx->now - 24 * 60 * 60);
  hall_stmt_bind_int (prune, 2, ctx->now);
  hall_stmt_step (prune, NULL);
}

static gboolean
is_matter_number (const char *number)
{
  /* XF2026-000123 */
  if (strlen (number) != 13 || !g_str_has_prefix (number, "XF") || number[6] != '-')
    return FALSE;
  for (guint i = 2; i < 13; i++)
    if (i != 6 && !g_ascii_isdigit (number[i]))
      return FALSE;
  return TRUE;
}

JsonObject *
_hall_status_query (HallCtx    *ctx,
                    JsonObject *params,
                    GError    **error)
{
  const char *number = NULL, *code = NULL;
  g_autoptr (HallStmt) guard = NULL;
  g_autoptr (HallStmt) stmt = NULL;
  g_autofree char *upper = NULL;
  JsonObject      *result;
  int              rc;

  if (!hall_param_string (params, "number", TRUE, 20, &number, error)
      || !hall_param_string (params, "query_code", TRUE, 6, &code, error))
    return NULL;
  upper = g_ascii_strup (number, -1);
  if (!is_matter_number (upper))
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "number",
                      _ ("Write the matter number as on the receipt, such as XF2026-000123."));
      return NULL;
    }

  guard = hall_db_prepare (ctx->db, "SELECT locked_until FROM status_query_guard WHERE number = ?1",
                           error);
  if (guard == NULL)
    return NULL;
  hall_stmt_bind_text (guard, 1, upper);
  rc = hall_stmt_step (guard, error);
  if (rc == 0)
    return NULL;
  if (rc == SQLITE_ROW && hall_stmt_int (guard, 0) > ctx->now)
    {
      hall_set_error (
          error, HALL_ERROR_RATE_LIMITED, "query_code",
          _ ("Too many wrong query codes for this number. Try again later, or ask at a window."));
      if (error != NULL)
        hall_error_set_retry_after (*error, hall_stmt_int (guard, 0) - ctx->now);
      return NULL;
    }
  g_clear_pointer (&guard, hall_stmt_release);

  stmt = hall_db_prepare (ctx->db,
                          "SELECT m.id, m.number, m.state, m.query_code, m.received_date, "
                          "d.name, m.decision_due, m.decided_date, m.handling_due "
                          "FROM matter m JOIN department d ON d.id = m.department_id "
                          "WHERE m.number = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, 1, upper);
  rc = hall_stmt_step (stmt, error);
  if (rc == 0)
    return NULL;
  if (rc == SQLITE_DONE || strlen (code) != 6
      || sodium_memcmp (hall_stmt_text (stmt, 3), code, 6) != 0)
    {
      hall_ctx_on_failure (ctx, count_query_failure, g_strdup (upper), g_free);
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "query_code",
                      _ ("No matter has this number and query code. Check both on the receipt."));
      return NULL;
    }

  /* The state only: the kiosk is a public device. */
  result = json_object_new ();
  json_object_set_string_member (result, "number", hall_stmt_text (stmt, 1));
  json_object_set_string_member (result, "state", hall_stmt_text (stmt, 2));
  json_object_set_string_member (result, "state_label",
                                 _hall_matter_state_label (hall_stmt_text (stmt, 2)));
  json_object_set_string_member (result, "received_date", hall_stmt_text (stmt, 4));
  /* The department that handles it and the deadlines running, as a receipt would say them. */
  json_object_set_string_member (result, "department_name", hall_stmt_text (stmt, 5));
  if (hall_stmt_text (stmt, 7) == NULL)
    json_object_set_string_member (result, "decision_due", hall_stmt_text (stmt, 6));
  else
    json_object_set_null_member (result, "decision_due");
  if (hall_stmt_text (stmt, 8) != NULL && !g_str_equal (hall_stmt_text (stmt, 2), "closed"))
    json_object_set_string_member (result, "handling_due", hall_stmt_text (stmt, 8));
  else
    json_object_set_null_member (result, "handling_due");
  g_clear_pointer (&stmt, hall_stmt_release);

  {
    g_autoptr (HallStmt) reset = NULL;

    reset = hall_db_prepare (ctx->db, "DELETE FROM status_query_guard WHERE number = ?1", error);
    if (reset == NULL)
      {
        json_object_unref (result);
        return NULL;
      }
    hall_stmt_bind_text (reset, 1, upper);
    if (!_hall_matter_exec (reset, error))
      {
        json_object_unref (result);
        return NULL;
      }
  }
  return result;
}
