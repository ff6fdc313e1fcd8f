/* hall-rating-figures.c — what the hall reads of the pads' ratings: the 不满意 alerts on the
 * manager's board, the list of ratings and the figures per window and per staff member
 *
 * Participation is rated over finished, per window (the tickets finished there) and per staff
 * member (the tickets they finished with ticket.finish, kept as finished_by). Averages of the
 * optional scores count only the ratings that gave them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-rating"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-rating-private.h"

#define RATING_LIST_MAX 500

/* A rating as the manager and the leaders read it: no visitor, the ticket's number. */
#define RATING_COLUMNS                                                                        \
  "r.id AS rating_id, r.ticket_id, t.code, r.day, r.counter_id, c.number AS counter_number, " \
  "c.name AS counter_name, r.department_id, d.name AS department_name, r.staff_user_id, "     \
  "s.display_name AS staff_name, r.level, r.attitude, r.quality, r.efficiency, r.integrity, " \
  "r.rated_at, r.alert, r.followed_up_at, f.display_name AS followed_up_by_name "             \
  "FROM rating r JOIN ticket t ON t.id = r.ticket_id JOIN counter c ON c.id = r.counter_id "  \
  "JOIN department d ON d.id = r.department_id "                                              \
  "LEFT JOIN account s ON s.id = r.staff_user_id "                                            \
  "LEFT JOIN account f ON f.id = r.followed_up_by "

/* The tickets finished in :from … :to at a window, with who finished them; and the ratings. */
#define RATING_RANGE                                                            \
  "WITH fin AS MATERIALIZED ("                                                  \
  "  SELECT t.id, t.counter_id, t.finished_by AS staff_user_id "                \
  "  FROM ticket t WHERE t.day BETWEEN :from AND :to AND t.state = 'finished' " \
  "    AND t.counter_id IS NOT NULL), "                                         \
  "rr AS MATERIALIZED (SELECT * FROM rating WHERE day BETWEEN :from AND :to) "

#define RATING_FIGURES                                                                          \
  "count (rr.id) AS rated, coalesce (sum (rr.level = 'very_satisfied'), 0) AS very_satisfied, " \
  "coalesce (sum (rr.level = 'satisfied'), 0) AS satisfied, "                                   \
  "coalesce (sum (rr.level = 'dissatisfied'), 0) AS dissatisfied, "                             \
  "round (avg (rr.attitude), 2) AS attitude, round (avg (rr.quality), 2) AS quality, "          \
  "round (avg (rr.efficiency), 2) AS efficiency, round (avg (rr.integrity), 2) AS integrity "

static const char *sql_by_counter =
    RATING_RANGE "SELECT c.id AS counter_id, c.number, c.name, "
                 "(SELECT count (*) FROM fin WHERE fin.counter_id = c.id) AS finished, " RATING_FIGURES
                 "FROM counter c LEFT JOIN rr ON rr.counter_id = c.id GROUP BY c.id "
                 "HAVING finished > 0 OR rated > 0 ORDER BY c.number";

static const char *sql_by_staff =
    RATING_RANGE
    "SELECT s.user_id AS staff_user_id, a.display_name AS name, "
    "(SELECT count (*) FROM fin WHERE fin.staff_user_id = s.user_id) AS finished, " RATING_FIGURES
    "FROM (SELECT staff_user_id AS user_id FROM fin WHERE staff_user_id IS NOT NULL "
    "      UNION SELECT staff_user_id FROM rr WHERE staff_user_id IS NOT NULL) s "
    "JOIN account a ON a.id = s.user_id LEFT JOIN rr ON rr.staff_user_id = s.user_id "
    "GROUP BY s.user_id ORDER BY a.display_name, s.user_id";

static const char *sql_total =
    RATING_RANGE "SELECT (SELECT count (*) FROM fin) AS finished, " RATING_FIGURES "FROM rr";

/* "from" and "to" (today when left out), in order. */
static gboolean
read_range (HallCtx     *ctx,
            JsonObject  *params,
            const char **from,
            const char **to,
            GError     **error)
{
  *from = ctx->today;
  *to = ctx->today;
  if (!hall_param_date (params, "from", FALSE, from, error)
      || !hall_param_date (params, "to", FALSE, to, error))
    return FALSE;
  if (strcmp (*from, *to) > 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "to",
                      _ ("The last day comes before the first day."));
      return FALSE;
    }
  return TRUE;
}

/* Every row of @sql over the range, each with its participation rate (null when none finished). */
static JsonArray *
figures (HallCtx    *ctx,
         const char *sql,
         const char *from,
         const char *to,
         GError    **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, sql, error);
  JsonArray *rows;

  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":from"), from);
  hall_stmt_bind_text (stmt, sqlite3_bind_parameter_index (stmt, ":to"), to);
  rows = hall_stmt_all_objects (stmt, error);
  if (rows == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      gint64      finished = json_object_get_int_member (row, "finished");
      gint64      rated = json_object_get_int_member (row, "rated");

      if (finished > 0)
        json_object_set_double_member (row, "participation", (double) MIN (rated, finished) / (double) finished);
      else
        json_object_set_null_member (row, "participation");
    }
  return rows;
}

JsonObject *
_hall_rating_summary (HallCtx    *ctx,
                      JsonObject *params,
                      GError    **error)
{
  const char *from, *to;
  g_autoptr (JsonArray) counters = NULL;
  g_autoptr (JsonArray) staff = NULL;
  g_autoptr (JsonArray) total = NULL;
  JsonObject *result;

  if (!read_range (ctx, params, &from, &to, error))
    return NULL;
  counters = figures (ctx, sql_by_counter, from, to, error);
  if (counters == NULL)
    return NULL;
  staff = figures (ctx, sql_by_staff, from, to, error);
  if (staff == NULL)
    return NULL;
  total = figures (ctx, sql_total, from, to, error);
  if (total == NULL)
    return NULL;

  result = json_object_new ();
  json_object_set_string_member (result, "from", from);
  json_object_set_string_member (result, "to", to);
  json_object_set_object_member (result, "total",
                                 json_object_ref (json_array_get_object_element (total, 0)));
  json_object_set_array_member (result, "counters", g_steal_pointer (&counters));
  json_object_set_array_member (result, "staff", g_steal_pointer (&staff));
  return result;
}

JsonObject *
_hall_rating_list (HallCtx    *ctx,
                   JsonObject *params,
                   GError    **error)
{
  static const char *const levels[] = { "very_satisfied", "satisfied", "dissatisfied", NULL };
  const char              *from, *to, *level = NULL;
  gint64                   counter_id = 0, staff_user_id = 0;
  g_autoptr (HallStmt) stmt = NULL;
  JsonArray  *ratings;
  JsonObject *result;

  if (!read_range (ctx, params, &from, &to, error)
      || !hall_param_int (params, "counter_id", FALSE, 1, G_MAXINT64, &counter_id, error)
      || !hall_param_int (params, "staff_user_id", FALSE, 1, G_MAXINT64, &staff_user_id, error)
      || !hall_param_enum (params, "level", FALSE, levels, &level, error))
    return NULL;

  stmt = hall_db_prepare (ctx->db,
                          "SELECT " RATING_COLUMNS "WHERE r.day BETWEEN ?1 AND ?2 "
                          "AND (?3 IS NULL OR r.counter_id = ?3) "
                          "AND (?4 IS NULL OR r.staff_user_id = ?4) "
                          "AND (?5 IS NULL OR r.level = ?5) "
                          "ORDER BY r.rated_at DESC, r.id DESC LIMIT ?6",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, 1, from);
  hall_stmt_bind_text (stmt, 2, to);
  hall_stmt_bind_id (stmt, 3, counter_id);
  hall_stmt_bind_id (stmt, 4, staff_user_id);
  hall_stmt_bind_text (stmt, 5, level);
  hall_stmt_bind_int (stmt, 6, RATING_LIST_MAX);
  ratings = hall_stmt_all_objects (stmt, error);
  if (ratings == NULL)
    return NULL;
  result = json_object_new ();
  json_object_set_array_member (result, "ratings", ratings);
  return result;
}

/* ---- the 不满意 alerts ------------------------------------------------------------------------ */

JsonObject *
_hall_rating_alerts (HallCtx    *ctx,
                     JsonObject *params,
                     GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  JsonArray  *alerts;
  JsonObject *result;

  stmt = hall_db_prepare (ctx->db,
                          "SELECT " RATING_COLUMNS "WHERE r.alert = 'open' "
                          "ORDER BY r.rated_at DESC, r.id DESC LIMIT ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, RATING_LIST_MAX);
  alerts = hall_stmt_all_objects (stmt, error);
  if (alerts == NULL)
    return NULL;
  result = json_object_new ();
  json_object_set_array_member (result, "alerts", alerts);
  return result;
}

JsonObject *
_hall_rating_follow_up (HallCtx    *ctx,
                        JsonObject *params,
                        GError    **error)
{
  gint64 rating_id = 0, counter_id;
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (HallStmt) update = NULL;
  JsonObject *payload, *result;

  if (!hall_param_int (params, "rating_id", TRUE, 1, G_MAXINT64, &rating_id, error))
    return NULL;
  hall_ctx_set_object (ctx, "rating", rating_id);

  stmt = hall_db_prepare (ctx->db, "SELECT alert, counter_id FROM rating WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, rating_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      break;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "rating_id", _ ("There is no such rating."));
      return NULL;
    default:
      return NULL;
    }
  if (g_strcmp0 (hall_stmt_text (stmt, 0), "open") != 0)
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "rating_id",
                      hall_stmt_text (stmt, 0) == NULL
                          ? _ ("Only a “dissatisfied” rating is followed up.")
                          : _ ("This rating has already been marked as followed up."));
      return NULL;
    }
  counter_id = hall_stmt_int (stmt, 1);

  update = hall_db_prepare (ctx->db,
                            "UPDATE rating SET alert = 'followed_up', followed_up_by = ?2, "
                            "followed_up_at = ?3 WHERE id = ?1",
                            error);
  if (update == NULL)
    return NULL;
  hall_stmt_bind_int (update, 1, rating_id);
  hall_stmt_bind_id (update, 2, ctx->actor->user_id);
  hall_stmt_bind_int (update, 3, ctx->now);
  if (hall_stmt_step (update, error) != SQLITE_DONE)
    return NULL;

  payload = json_object_new ();
  json_object_set_int_member (payload, "rating_id", rating_id);
  json_object_set_int_member (payload, "counter_id", counter_id);
  if (!hall_ctx_emit (ctx, "rating.followed_up", payload, error))
    return NULL;
  result = json_object_new ();
  json_object_set_int_member (result, "rating_id", rating_id);
  json_object_set_string_member (result, "alert", "followed_up");
  return result;
}
