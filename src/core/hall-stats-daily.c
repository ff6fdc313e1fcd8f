/* hall-stats-daily.c — stats.daily: the batches (批次) of each day of a period, for the
 * statistics page's trend chart
 *
 * The batches are stats.summary's own: the daily counts its triggers keep (migration 018,
 * stats_batch_day), summed per day over the channels and kinds, so a year reads a few thousand
 * rows whatever the size of the hall.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-stats"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-commands-private.h"
#include "hall-engine.h"
#include "hall-stats-private.h"

static const char sql_daily[] =
    "SELECT date, sum (batches), sum (persons) FROM stats_batch_day "
    "WHERE date BETWEEN :from AND :to GROUP BY date HAVING sum (batches) > 0 ORDER BY date";

static JsonObject *
stats_daily (HallCtx    *ctx,
             JsonObject *params,
             GError    **error)
{
  const char *from, *to;
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (JsonObject) result = json_object_new ();
  JsonArray *days = json_array_new ();
  int        rc;

  json_object_set_array_member (result, "days", days);
  if (!_hall_stats_read_period (params, &from, &to, error))
    return NULL;
  if ((stmt = hall_db_prepare (ctx->db, sql_daily, error)) == NULL)
    return NULL;
  _hall_stats_bind (stmt, ctx, from, to);
  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      JsonObject *day = json_object_new ();

      json_object_set_string_member (day, "date", hall_stmt_text (stmt, 0));
      json_object_set_int_member (day, "batches", hall_stmt_int (stmt, 1));
      json_object_set_int_member (day, "persons", hall_stmt_int (stmt, 2));
      json_array_add_object_element (days, day);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  json_object_set_string_member (result, "from", from);
  json_object_set_string_member (result, "to", to);
  return g_steal_pointer (&result);
}

const HallCommand _hall_trend_commands[] = {
  { "stats.daily", stats_daily, HALL_ROLE_MANAGER | HALL_ROLE_LEADER | HALL_ROLE_ADMIN,
    HALL_COMMAND_READ },
  { NULL }
};
