/* hall-matter-repeat.c — repeat petitions (重复信访, 条例 19 and 36) and links between matters
 * (关联事项): matter.register's `link`, matter.link, matter.unlink, and what matter.get shows of
 * them
 *
 * A petition linked at registration to a matter still being handled is not accepted again: the
 * visit is recorded on that matter (kind "open", 条例 19). Linked to a matter whose re-review
 * (复核) is final, the same facts are not taken up again (kind "final", 条例 36), recorded the same
 * way. Linked to a matter closed otherwise, it is a new matter linked to the earlier one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-matter-private.h"
#include "hall-supervision-private.h"
#include "hall-matter-timeline-private.h"
#include "hall-queue-private.h"

#define NOTE_MAX 500

JsonObject *
_hall_matter_link_target (HallCtx *ctx,
                          gint64   linked_id,
                          GError **error)
{
  g_autoptr (JsonObject) target = _hall_matter_load (ctx, linked_id, "link", NULL);

  /* A matter the clerk may not see reads as none, as in matter.get. */
  if (target == NULL || !_hall_matter_allowed (ctx, target, HALL_MATTER_READ))
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "link", _ ("There is no such matter."));
      return NULL;
    }
  return g_steal_pointer (&target);
}

static gboolean
finish_ticket (HallCtx *ctx,
               gint64   ticket_id,
               gint64   matter_id,
               GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  JsonObject *extra;

  stmt = hall_db_prepare (ctx->db,
                          "UPDATE ticket SET state = 'finished', outcome = 'matter', matter_id = ?2, "
                          "started_at = coalesce(started_at, called_at, ?3), finished_at = ?3 "
                          "WHERE id = ?1 AND state != 'finished'",
                          error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, ticket_id);
  hall_stmt_bind_int (stmt, 2, matter_id);
  hall_stmt_bind_int (stmt, 3, ctx->now);
  if (!_hall_matter_exec (stmt, error))
    return FALSE;
  if (hall_db_changes (ctx->db) == 0)
    return TRUE;
  extra = json_object_new ();
  json_object_set_string_member (extra, "outcome", "matter");
  return _hall_queue_emit_ticket (ctx, "ticket.finished", ticket_id, extra, error);
}

JsonObject *
_hall_matter_record_repeat (HallCtx    *ctx,
                            JsonObject *target,
                            const char *channel,
                            const char *content,
                            const char *date,
                            gint64      ticket_id,
                            gint64      persons,
                            JsonArray  *petitioner_ids,
                            GError    **error)
{
  gint64      matter_id = _hall_matter_get_int (target, "id");
  const char *kind = g_str_equal (_hall_matter_link_outcome (target), "refused") ? "final" : "open";
  g_autoptr (HallStmt) insert = NULL;
  g_autoptr (JsonObject) detail = json_object_new ();
  g_autoptr (JsonNode) ids = json_node_init_array (json_node_alloc (), petitioner_ids);
  g_autofree char *ids_text = json_to_string (ids, FALSE);
  JsonObject      *result, *repeat;
  gint64           repeat_id;

  hall_ctx_set_object (ctx, "matter", matter_id);
  insert = hall_db_prepare (
      ctx->db,
      "INSERT INTO matter_repeat (matter_id, kind, date, at, channel, ticket_id, persons, "
      "petitioner_ids, content, user_id, counter_id, department_id) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
      error);
  if (insert == NULL)
    return NULL;
  hall_stmt_bind_int (insert, 1, matter_id);
  hall_stmt_bind_text (insert, 2, kind);
  hall_stmt_bind_text (insert, 3, date);
  hall_stmt_bind_int (insert, 4, ctx->now);
  hall_stmt_bind_text (insert, 5, channel);
  hall_stmt_bind_id (insert, 6, ticket_id);
  hall_stmt_bind_int (insert, 7, persons);
  hall_stmt_bind_text (insert, 8, ids_text);
  hall_stmt_bind_text (insert, 9, content);
  hall_stmt_bind_id (insert, 10, ctx->actor->user_id);
  hall_stmt_bind_id (insert, 11, ctx->actor->counter_id);
  hall_stmt_bind_id (insert, 12, ctx->actor->department_id);
  if (!_hall_matter_exec (insert, error))
    return NULL;
  repeat_id = hall_db_last_insert_id (ctx->db);

  json_object_set_int_member (detail, "repeat_id", repeat_id);
  json_object_set_string_member (detail, "kind", kind);
  json_object_set_string_member (detail, "channel", channel);
  json_object_set_string_member (detail, "date", date);
  json_object_set_int_member (detail, "persons", persons);
  if (ticket_id != 0)
    json_object_set_int_member (detail, "ticket_id", ticket_id);
  json_object_set_string_member (detail, "content", content);
  if (!_hall_matter_add_timeline (ctx, matter_id, "repeat_petition", detail, error))
    return NULL;
  if (ticket_id != 0 && !finish_ticket (ctx, ticket_id, matter_id, error))
    return NULL;
  /* A repeat visit on a matter still being handled is urged by itself (督办 rule 4). */
  if (g_str_equal (kind, "open") && !hall_supervision_flag_raise (ctx, matter_id, HALL_SUPERVISION_RULE_REPEAT_VISIT, date, NULL, error))
    return NULL;
  if (!_hall_matter_emit (ctx, "matter.changed", matter_id, error))
    return NULL;

  result = _hall_matter_result (ctx, matter_id, error);
  if (result == NULL)
    return NULL;
  repeat = json_object_new ();
  json_object_set_int_member (repeat, "id", repeat_id);
  json_object_set_string_member (repeat, "kind", kind);
  json_object_set_string_member (repeat, "date", date);
  json_object_set_string_member (repeat, "channel", channel);
  json_object_set_int_member (repeat, "persons", persons);
  json_object_set_object_member (result, "repeat_petition", repeat);
  json_object_set_string_member (result, "outcome", g_str_equal (kind, "final") ? "refused" : "repeat");
  json_object_set_int_member (result, "matter_id", matter_id);
  json_object_set_string_member (result, "number", _hall_matter_get_string (target, "number"));
  json_object_set_string_member (result, "state", _hall_matter_get_string (target, "state"));
  json_object_set_string_member (
      result, "guidance",
      g_str_equal (kind, "final")
          ? _ ("The re-review of this matter is final: the same facts and reasons are not "
               "accepted again (条例 36). The visit is recorded on the matter; print the notice "
               "for the petitioner.")
          : _ ("This matter is still being handled: the petition is not accepted again (条例 "
               "19). The visit is recorded on the matter as a repeat petition; print the notice "
               "for the petitioner."));
  return result;
}

/* One link and a timeline entry on both matters. */
gboolean
_hall_matter_add_link (HallCtx    *ctx,
                       gint64      matter_id,
                       JsonObject *linked,
                       const char *kind,
                       const char *note,
                       GError    **error)
{
  gint64 linked_id = _hall_matter_get_int (linked, "id");
  g_autoptr (HallStmt) exists = NULL;
  g_autoptr (HallStmt) insert = NULL;
  g_autoptr (JsonObject) here = json_object_new ();
  g_autoptr (JsonObject) there = json_object_new ();
  g_autofree char *number = NULL;

  exists = hall_db_prepare (ctx->db,
                            "SELECT (SELECT number FROM matter WHERE id = ?1), EXISTS (SELECT 1 "
                            "FROM matter_link WHERE (matter_id = ?1 AND linked_id = ?2) "
                            "OR (matter_id = ?2 AND linked_id = ?1))",
                            error);
  if (exists == NULL)
    return FALSE;
  hall_stmt_bind_int (exists, 1, matter_id);
  hall_stmt_bind_int (exists, 2, linked_id);
  if (hall_stmt_step (exists, error) != SQLITE_ROW)
    return FALSE;
  if (hall_stmt_int (exists, 1))
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "linked_id",
                      _ ("These two matters are already linked."));
      return FALSE;
    }
  number = g_strdup (hall_stmt_text (exists, 0));

  insert = hall_db_prepare (ctx->db,
                            "INSERT INTO matter_link (matter_id, linked_id, kind, note, "
                            "created_at, created_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                            error);
  if (insert == NULL)
    return FALSE;
  hall_stmt_bind_int (insert, 1, matter_id);
  hall_stmt_bind_int (insert, 2, linked_id);
  hall_stmt_bind_text (insert, 3, kind);
  hall_stmt_bind_text (insert, 4, note);
  hall_stmt_bind_int (insert, 5, ctx->now);
  hall_stmt_bind_id (insert, 6, ctx->actor->user_id);
  if (!_hall_matter_exec (insert, error))
    return FALSE;

  json_object_set_int_member (here, "matter_id", linked_id);
  json_object_set_string_member (here, "number", _hall_matter_get_string (linked, "number"));
  json_object_set_string_member (here, "kind", kind);
  json_object_set_int_member (there, "matter_id", matter_id);
  json_object_set_string_member (there, "number", number);
  json_object_set_string_member (there, "kind", kind);
  if (note != NULL)
    {
      json_object_set_string_member (here, "note", note);
      json_object_set_string_member (there, "note", note);
    }
  return _hall_matter_add_timeline (ctx, matter_id, "linked", here, error)
         && _hall_matter_add_timeline (ctx, linked_id, "linked", there, error);
}

/* Reads matter_id (written to) and linked_id (seen) for matter.link and matter.unlink. */
static gboolean
require_pair (HallCtx     *ctx,
              JsonObject  *params,
              JsonObject **matter,
              JsonObject **linked,
              GError     **error)
{
  gint64 linked_id = 0;

  if (!hall_param_int (params, "linked_id", TRUE, 1, G_MAXINT64, &linked_id, error))
    return FALSE;
  *matter = _hall_matter_require (ctx, params, HALL_MATTER_WRITE, error);
  if (*matter == NULL)
    return FALSE;
  if (linked_id == _hall_matter_get_int (*matter, "id"))
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "linked_id",
                      _ ("A matter cannot be linked to itself."));
      return FALSE;
    }
  *linked = _hall_matter_load (ctx, linked_id, "linked_id", NULL);
  if (*linked == NULL || !_hall_matter_allowed (ctx, *linked, HALL_MATTER_READ))
    {
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "linked_id", _ ("There is no such matter."));
      return FALSE;
    }
  return TRUE;
}

static JsonObject *
link_result (HallCtx    *ctx,
             gint64      matter_id,
             gint64      linked_id,
             const char *kind,
             GError    **error)
{
  JsonObject *result;

  if (!_hall_matter_emit (ctx, kind, matter_id, error)
      || !_hall_matter_emit (ctx, kind, linked_id, error))
    return NULL;
  result = _hall_matter_result (ctx, matter_id, error);
  if (result == NULL)
    return NULL;
  json_object_set_array_member (result, "links", _hall_matter_links (ctx, matter_id, error));
  if (json_object_get_array_member (result, "links") == NULL)
    {
      json_object_unref (result);
      return NULL;
    }
  return result;
}

JsonObject *
_hall_matter_link (HallCtx    *ctx,
                   JsonObject *params,
                   GError    **error)
{
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (JsonObject) linked = NULL;
  const char *note = NULL;

  if (!hall_param_string (params, "note", FALSE, NOTE_MAX, &note, error)
      || !require_pair (ctx, params, &matter, &linked, error)
      || !_hall_matter_add_link (ctx, _hall_matter_get_int (matter, "id"), linked, "related", note,
                                 error))
    return NULL;
  return link_result (ctx, _hall_matter_get_int (matter, "id"), _hall_matter_get_int (linked, "id"),
                      "matter.changed", error);
}

JsonObject *
_hall_matter_unlink (HallCtx    *ctx,
                     JsonObject *params,
                     GError    **error)
{
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (JsonObject) linked = NULL;
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (JsonObject) here = json_object_new ();
  g_autoptr (JsonObject) there = json_object_new ();
  gint64 matter_id, linked_id;

  if (!require_pair (ctx, params, &matter, &linked, error))
    return NULL;
  matter_id = _hall_matter_get_int (matter, "id");
  linked_id = _hall_matter_get_int (linked, "id");
  stmt = hall_db_prepare (ctx->db,
                          "DELETE FROM matter_link WHERE (matter_id = ?1 AND linked_id = ?2) "
                          "OR (matter_id = ?2 AND linked_id = ?1)",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, matter_id);
  hall_stmt_bind_int (stmt, 2, linked_id);
  if (!_hall_matter_exec (stmt, error))
    return NULL;
  if (hall_db_changes (ctx->db) == 0)
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "linked_id",
                      _ ("These two matters are not linked."));
      return NULL;
    }
  json_object_set_int_member (here, "matter_id", linked_id);
  json_object_set_string_member (here, "number", _hall_matter_get_string (linked, "number"));
  json_object_set_int_member (there, "matter_id", matter_id);
  json_object_set_string_member (there, "number", _hall_matter_get_string (matter, "number"));
  if (!_hall_matter_add_timeline (ctx, matter_id, "unlinked", here, error)
      || !_hall_matter_add_timeline (ctx, linked_id, "unlinked", there, error))
    return NULL;
  return link_result (ctx, matter_id, linked_id, "matter.changed", error);
}

JsonArray *
_hall_matter_links (HallCtx *ctx,
                    gint64   matter_id,
                    GError **error)
{
  /* Both ways: "earlier" when this matter was registered on an earlier one, "later" when a
   * later one was; the other matter's number, state and department only. */
  g_autoptr (HallStmt) stmt = hall_db_prepare (
      ctx->db,
      "SELECT o.id AS matter_id, o.number, o.state, o.received_date, d.name AS department_name, "
      "l.kind, CASE WHEN l.matter_id = ?1 THEN 'to' ELSE 'from' END AS direction, l.note, "
      "l.created_at FROM matter_link l "
      "JOIN matter o ON o.id = CASE WHEN l.matter_id = ?1 THEN l.linked_id ELSE l.matter_id END "
      "JOIN department d ON d.id = o.department_id "
      "WHERE l.matter_id = ?1 OR l.linked_id = ?1 ORDER BY l.id",
      error);

  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, matter_id);
  return hall_stmt_all_objects (stmt, error);
}

JsonArray *
_hall_matter_repeats (HallCtx *ctx,
                      gint64   matter_id,
                      GError **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (
      ctx->db,
      "SELECT r.id, r.kind, r.date, r.at, r.channel, r.ticket_id, t.code AS ticket_code, "
      "r.persons, r.content, r.user_id, a.display_name AS user_name, c.number AS counter_number "
      "FROM matter_repeat r LEFT JOIN ticket t ON t.id = r.ticket_id "
      "LEFT JOIN account a ON a.id = r.user_id LEFT JOIN counter c ON c.id = r.counter_id "
      "WHERE r.matter_id = ?1 ORDER BY r.at, r.id",
      error);

  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, matter_id);
  return hall_stmt_all_objects (stmt, error);
}

gint64
_hall_matter_repeat_count (HallCtx *ctx,
                           gint64   matter_id,
                           gint64   since,
                           GError **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (
      ctx->db, "SELECT count(*) FROM matter_repeat WHERE matter_id = ?1 AND at >= ?2", error);

  if (stmt == NULL)
    return -1;
  hall_stmt_bind_int (stmt, 1, matter_id);
  hall_stmt_bind_int (stmt, 2, since);
  if (hall_stmt_step (stmt, error) != SQLITE_ROW)
    return -1;
  return hall_stmt_int (stmt, 0);
}

#define PEOPLE (HALL_ROLE_STAFF | HALL_ROLE_MANAGER | HALL_ROLE_LEADER)

const HallCommand _hall_repeat_commands[] = {
  { "matter.similar", _hall_matter_similar, PEOPLE, HALL_COMMAND_AUDITED },
  { "matter.link", _hall_matter_link, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.unlink", _hall_matter_unlink, PEOPLE, HALL_COMMAND_WRITE },
  { NULL }
};
