/* hall-matter-timeline.c — a matter's timeline (every step of a matter, with actor and time)
 *
 * Its own file so that the parts of the engine that record steps on a matter (the leaders'
 * files, the lapse of escalations that matter.get runs) depend on it alone and not on the
 * matter commands, which themselves call the lapse step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter"

#include "config.h"

#include "hall-engine.h"
#include "hall-matter-timeline-private.h"

gboolean
_hall_matter_add_timeline (HallCtx    *ctx,
                           gint64      matter_id,
                           const char *kind,
                           JsonObject *detail,
                           GError    **error)
{
  gint64 user_id = ctx->actor ? ctx->actor->user_id : 0;

  return _hall_matter_add_timeline_as (ctx, matter_id, user_id, kind, detail, error);
}

gboolean
_hall_matter_add_timeline_as (HallCtx    *ctx,
                              gint64      matter_id,
                              gint64      user_id,
                              const char *kind,
                              JsonObject *detail,
                              GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (kind != NULL, FALSE);

  if (detail != NULL)
    {
      g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), detail);
      json = json_to_string (node, FALSE);
    }

  stmt = hall_db_prepare (ctx->db,
                          "INSERT INTO matter_timeline (matter_id, at, user_id, kind, detail) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)",
                          error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, matter_id);
  hall_stmt_bind_int (stmt, 2, ctx->now);
  hall_stmt_bind_id (stmt, 3, user_id);
  hall_stmt_bind_text (stmt, 4, kind);
  hall_stmt_bind_text (stmt, 5, json ? json : "{}");
  /* Neither statement returns rows: a step that is not SQLITE_DONE failed and set @error (an
   * UPDATE or INSERT without RETURNING has no SQLITE_ROW to tell apart). */
  if (hall_stmt_step (stmt, error) != SQLITE_DONE)
    return FALSE;

  {
    g_autoptr (HallStmt) touch =
        hall_db_prepare (ctx->db, "UPDATE matter SET updated_at = ?2 WHERE id = ?1", error);

    if (touch == NULL)
      return FALSE;
    hall_stmt_bind_int (touch, 1, matter_id);
    hall_stmt_bind_int (touch, 2, ctx->now);
    return hall_stmt_step (touch, error) == SQLITE_DONE;
  }
}
