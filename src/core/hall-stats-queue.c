/* hall-stats-queue.c — the queue's own figures per counter and staff member, and 首接首办 per
 * staff member and department, for stats.summary
 *
 * A ticket served is one finished at a counter on a day of the period; the staff member who
 * served it is the one who finished it (its audit row). Its wait runs from arrival to its call,
 * its service from the start to the finish. On-site resolution: finished as resolved or as a
 * consultation, against those and the ones that became matters.
 *
 * 首接首办: the matters received in the period, by the staff member who registered them and that
 * member's department of first receipt. A matter is finished once closed, declined or guided to
 * litigation; it was late when decided after its decision due date or replied after its handling
 * due date; an open one is overdue when one of those dates has passed without the step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-stats"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-engine.h"
#include "hall-stats-private.h"

#define SERVED                                                                \
  "FROM ticket t WHERE t.day BETWEEN :from AND :to AND t.state = 'finished' " \
  "AND t.counter_id IS NOT NULL AND t.started_at IS NOT NULL "

#define SERVED_BY                                                                               \
  "(SELECT a.user_id FROM audit a WHERE a.object_type = 'ticket' "                              \
  " AND a.object_id = CAST (t.id AS TEXT) AND a.command = 'ticket.finish' AND a.result = 'ok' " \
  " ORDER BY a.id DESC LIMIT 1)"

/* Rows ordered by the group, then the wait, for the 90th percentile. */
static const char sql_by_counter[] =
    "SELECT t.counter_id, (SELECT c.name FROM counter c WHERE c.id = t.counter_id), "
    "max (0, coalesce (t.called_at, t.started_at) - t.arrived_at) AS wait, "
    "max (0, coalesce (t.finished_at, t.started_at) - t.started_at), t.outcome " SERVED
    "ORDER BY t.counter_id, wait";

static const char sql_by_staff[] =
    "SELECT s.user_id, (SELECT a.display_name FROM account a WHERE a.id = s.user_id), s.wait, "
    "s.service, s.outcome FROM (SELECT " SERVED_BY " AS user_id, "
    "max (0, coalesce (t.called_at, t.started_at) - t.arrived_at) AS wait, "
    "max (0, coalesce (t.finished_at, t.started_at) - t.started_at) AS service, "
    "t.outcome " SERVED ") s WHERE s.user_id IS NOT NULL ORDER BY s.user_id, s.wait";

#define SERVED_AT(cond)                                       \
  "SELECT t.id " SERVED "AND " cond                           \
  " AND (:counter_id IS NULL OR t.counter_id = :counter_id) " \
  "AND (:user_id IS NULL OR " SERVED_BY " = :user_id) ORDER BY t.id"

const char _hall_stats_trace_served_sql[] = SERVED_AT ("1");
/* On-site resolution: finished as resolved or consultation, of those and the ones that became
 * matters (queue_groups below). */
const char _hall_stats_trace_on_site_sql[] = SERVED_AT ("t.outcome IN ('resolved', 'consultation')");
const char _hall_stats_trace_on_site_den_sql[] =
    SERVED_AT ("t.outcome IN ('resolved', 'consultation', 'matter')");

#define FINISHED "m.state IN ('closed', 'declined', 'litigation')"
#define LATE \
  "(coalesce (m.decided_date > m.decision_due, 0) OR coalesce (m.replied_date > m.handling_due, 0))"
#define OVERDUE                                                                            \
  "((m.decided_date IS NULL AND m.decision_due < :today) OR (m.accepted_date IS NOT NULL " \
  "AND m.replied_date IS NULL AND m.handling_due < :today))"

/* 首接首办 is summed from stats_first_day (018-stats-counts.sql), whose rows keep FINISHED and
 * LATE, and for the open matters their due dates, so that OVERDUE is worked out for :today. */
#define OPEN_PAST(column) "(" column " <> '' AND " column " < :today)"
#define FIRST_COUNTS                                                                             \
  "sum (f.matters), sum (CASE WHEN NOT f.finished THEN f.matters ELSE 0 END), "                  \
  "sum (CASE WHEN NOT f.finished AND (" OPEN_PAST ("f.decision_open") " OR " OPEN_PAST (         \
      "f.handling_open") ") THEN f.matters ELSE 0 END), "                                        \
                         "sum (CASE WHEN f.finished AND NOT f.late THEN f.matters ELSE 0 END), " \
                         "sum (CASE WHEN f.finished AND f.late THEN f.matters ELSE 0 END) "

static const char sql_first_by_staff[] =
    "SELECT f.user_id, (SELECT a.display_name FROM account a WHERE a.id = f.user_id), " FIRST_COUNTS
    "FROM stats_first_day f WHERE f.date BETWEEN :from AND :to AND f.user_id <> 0 "
    "GROUP BY f.user_id HAVING sum (f.matters) > 0 ORDER BY f.user_id";

static const char sql_first_by_department[] =
    "SELECT f.department_id, d.name, " FIRST_COUNTS
    "FROM stats_first_day f JOIN department d ON d.id = f.department_id "
    "WHERE f.date BETWEEN :from AND :to GROUP BY f.department_id HAVING sum (f.matters) > 0 "
    "ORDER BY d.sort, d.id";

/* :bucket is open, overdue, on_time or late. */
const char _hall_stats_trace_first_sql[] =
    "SELECT NULL, m.id FROM matter m WHERE m.received_date BETWEEN :from AND :to "
    "AND (:user_id IS NULL OR m.first_user_id = :user_id) "
    "AND (:department_id IS NULL OR m.first_department_id = :department_id) "
    "AND CASE :bucket WHEN 'open' THEN NOT " FINISHED " WHEN 'overdue' THEN NOT " FINISHED
    " AND " OVERDUE " WHEN 'on_time' THEN " FINISHED " AND NOT " LATE " WHEN 'late' THEN " FINISHED
    " AND " LATE " ELSE 1 END ORDER BY m.id";

typedef struct
{
  gint64  id;
  char   *name;
  GArray *waits; /* gint64, ascending */
  gint64  service;
  gint64  resolved;
  gint64  matters;
} Group;

static void
group_finish (Group      *g,
              JsonArray  *list,
              const char *id_member)
{
  JsonObject *row = json_object_new ();
  guint       n = g->waits->len;
  gint64      sum = 0;

  for (guint i = 0; i < n; i++)
    sum += g_array_index (g->waits, gint64, i);
  json_object_set_int_member (row, id_member, g->id);
  json_object_set_string_member (row, "name", g->name);
  json_object_set_int_member (row, "served", n);
  json_object_set_double_member (row, "wait_average", (double) sum / n);
  /* the nearest-rank 90th percentile: the smallest wait at least 90 % of tickets did not pass */
  json_object_set_int_member (row, "wait_p90", g_array_index (g->waits, gint64, (9 * n + 9) / 10 - 1));
  json_object_set_double_member (row, "service_average", (double) g->service / n);
  json_object_set_int_member (row, "resolved_on_site", g->resolved);
  json_object_set_int_member (row, "became_matters", g->matters);
  json_object_set_object_member (row, "on_site_resolution",
                                 _hall_stats_rate (g->resolved, g->resolved + g->matters));
  /* ratings come with the rating pad */
  json_object_set_null_member (row, "rating");
  json_array_add_object_element (list, row);
  g_array_set_size (g->waits, 0);
  g_clear_pointer (&g->name, g_free);
  g->service = g->resolved = g->matters = 0;
}

static JsonArray *
queue_groups (HallCtx    *ctx,
              const char *sql,
              const char *from,
              const char *to,
              const char *id_member,
              GError    **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, sql, error);
  g_autoptr (JsonArray) list = json_array_new ();
  g_autoptr (GArray) waits = g_array_new (FALSE, FALSE, sizeof (gint64));
  Group group = { 0, NULL, waits, 0, 0, 0 };
  int   rc;

  if (stmt == NULL)
    return NULL;
  _hall_stats_bind (stmt, ctx, from, to);
  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      gint64      id = hall_stmt_int (stmt, 0);
      gint64      wait = hall_stmt_int (stmt, 2);
      const char *outcome = hall_stmt_text (stmt, 4);

      if (waits->len > 0 && id != group.id)
        group_finish (&group, list, id_member);
      if (waits->len == 0)
        {
          group.id = id;
          group.name = g_strdup (hall_stmt_text (stmt, 1));
        }
      g_array_append_val (waits, wait);
      group.service += hall_stmt_int (stmt, 3);
      if (g_strcmp0 (outcome, "resolved") == 0 || g_strcmp0 (outcome, "consultation") == 0)
        group.resolved++;
      else if (g_strcmp0 (outcome, "matter") == 0)
        group.matters++;
    }
  if (waits->len > 0)
    group_finish (&group, list, id_member);
  g_free (group.name);
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&list);
}

static JsonArray *
first_groups (HallCtx    *ctx,
              const char *sql,
              const char *from,
              const char *to,
              const char *id_member,
              GError    **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, sql, error);
  g_autoptr (JsonArray) list = NULL;

  if (stmt == NULL)
    return NULL;
  _hall_stats_bind (stmt, ctx, from, to);
  list = json_array_new ();
  for (int rc; (rc = hall_stmt_step (stmt, error)) != SQLITE_DONE;)
    {
      JsonObject *row;
      gint64      on_time, late;

      if (rc != SQLITE_ROW)
        return NULL;
      row = json_object_new ();
      on_time = hall_stmt_int (stmt, 5);
      late = hall_stmt_int (stmt, 6);
      json_object_set_int_member (row, id_member, hall_stmt_int (stmt, 0));
      json_object_set_string_member (row, "name", hall_stmt_text (stmt, 1));
      json_object_set_int_member (row, "matters", hall_stmt_int (stmt, 2));
      json_object_set_int_member (row, "open", hall_stmt_int (stmt, 3));
      json_object_set_int_member (row, "overdue", hall_stmt_int (stmt, 4));
      json_object_set_int_member (row, "closed_on_time", on_time);
      json_object_set_int_member (row, "closed_late", late);
      json_object_set_object_member (row, "on_time", _hall_stats_rate (on_time, on_time + late));
      json_array_add_object_element (list, row);
    }
  return g_steal_pointer (&list);
}

typedef JsonArray *(*GroupsFunc) (HallCtx    *ctx,
                                  const char *sql,
                                  const char *from,
                                  const char *to,
                                  const char *id_member,
                                  GError    **error);

/* period[@member] = {"by_staff": @func (@by_staff), @other: @func (@by_other)} */
static gboolean
two_lists (HallCtx    *ctx,
           const char *from,
           const char *to,
           JsonObject *period,
           const char *member,
           GroupsFunc  func,
           const char *by_staff,
           const char *other,
           const char *by_other,
           const char *other_id,
           GError    **error)
{
  g_autoptr (JsonObject) object = json_object_new ();
  JsonArray *list;

  if ((list = func (ctx, by_staff, from, to, "user_id", error)) == NULL)
    return FALSE;
  json_object_set_array_member (object, "by_staff", list);
  if ((list = func (ctx, by_other, from, to, other_id, error)) == NULL)
    return FALSE;
  json_object_set_array_member (object, other, list);
  json_object_set_object_member (period, member, g_steal_pointer (&object));
  return TRUE;
}

gboolean
_hall_stats_queue (HallCtx    *ctx,
                   const char *from,
                   const char *to,
                   JsonObject *period,
                   GError    **error)
{
  return two_lists (ctx, from, to, period, "queue", queue_groups, sql_by_staff, "by_counter",
                    sql_by_counter, "counter_id", error);
}

gboolean
_hall_stats_first_handling (HallCtx    *ctx,
                            const char *from,
                            const char *to,
                            JsonObject *period,
                            GError    **error)
{
  return two_lists (ctx, from, to, period, "first_handling", first_groups, sql_first_by_staff,
                    "by_department", sql_first_by_department, "department_id", error);
}
