/* hall-dispatch.c — running one command: who is asking, may they, has it run before, the audit row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-dispatch"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-engine.h"
#include "hall-audit-chain-private.h"
#include "hall-commands-private.h"
#include "hall-dispatch-private.h"
#include "hall-supervision-private.h"

#define SESSION_SLIDE_SECONDS (60 * 60)

typedef struct
{
  HallCtxFailureFunc func;
  gpointer           data;
  GDestroyNotify     destroy;
} FailureHook;

void
_hall_dispatch_hash_token (const char *token,
                           char        out[65])
{
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);

  g_strlcpy (out, hex, 65);
}

gint64
hall_ctx_emit (HallCtx    *ctx,
               const char *kind,
               JsonObject *payload,
               GError    **error)
{
  g_autoptr (JsonObject) owned = payload ? payload : json_object_new ();
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), owned);
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr (HallStmt) stmt = NULL;
  JsonObject *event;
  gint64      seq;

  stmt =
      hall_db_prepare (ctx->db, "INSERT INTO event (at, kind, payload) VALUES (?1, ?2, ?3)", error);
  if (stmt == NULL)
    return 0;
  hall_stmt_bind_int (stmt, 1, ctx->now);
  hall_stmt_bind_text (stmt, 2, kind);
  hall_stmt_bind_text (stmt, 3, text);
  if (hall_stmt_step (stmt, error) != SQLITE_DONE)
    return 0;
  seq = hall_db_last_insert_id (ctx->db);

  event = hall_event_new (seq, kind, ctx->now, owned);
  g_ptr_array_add (ctx->events, event);
  return seq;
}

JsonObject *
hall_event_new (gint64      seq,
                const char *kind,
                gint64      at,
                JsonObject *payload)
{
  JsonObject *event = json_object_new ();

  json_object_set_int_member (event, "seq", seq);
  json_object_set_string_member (event, "kind", kind);
  json_object_set_int_member (event, "at", at);
  if (payload != NULL)
    {
      JsonObjectIter iter;
      const char    *member;
      JsonNode      *value;

      /* The payload's values are shared, not copied: nothing changes them once emitted. */
      json_object_iter_init (&iter, payload);
      while (json_object_iter_next (&iter, &member, &value))
        if (!json_object_has_member (event, member))
          json_object_set_member (event, member, json_node_ref (value));
    }
  return event;
}

void
hall_ctx_set_object (HallCtx    *ctx,
                     const char *type,
                     gint64      id)
{
  g_free (ctx->object_type);
  g_free (ctx->object_id);
  ctx->object_type = g_strdup (type);
  ctx->object_id = id ? g_strdup_printf ("%" G_GINT64_FORMAT, id) : NULL;
}

static gboolean
write_audit (HallCtx    *ctx,
             const char *action,
             const char *object_type,
             const char *object_id,
             const char *result,
             GError    **error)
{
  HallAuditRow row = {
    .at = ctx->now,
    .user_id = ctx->actor->user_id,
    .role = ctx->actor->role ? hall_role_to_string (ctx->actor->role) : NULL,
    .client_address = ctx->actor->client_address,
    .command = action,
    .object_type = object_type,
    .object_id = object_id,
    .result = result,
  };

  return _hall_audit_chain_append (ctx->db, &row, error);
}

void
hall_ctx_set_unchanged (HallCtx *ctx)
{
  g_return_if_fail (ctx->actor->role == HALL_ROLE_SYSTEM);

  ctx->unchanged = TRUE;
}

gboolean
hall_ctx_audit (HallCtx    *ctx,
                const char *action,
                const char *object_type,
                gint64      object_id,
                GError    **error)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, object_id);

  return write_audit (ctx, action, object_type, id, "ok", error);
}

gboolean
hall_ctx_is (HallCtx *ctx,
             guint    roles)
{
  return (ctx->actor->role & roles) != 0;
}

char *
hall_ctx_date_of (HallCtx *ctx,
                  gint64   unix_time)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (utc, ctx->tz);

  return g_date_time_format (local, "%Y-%m-%d");
}

void
hall_ctx_on_failure (HallCtx           *ctx,
                     HallCtxFailureFunc func,
                     gpointer           data,
                     GDestroyNotify     destroy)
{
  FailureHook *hook = g_new0 (FailureHook, 1);

  hook->func = func;
  hook->data = data;
  hook->destroy = destroy;
  g_ptr_array_add (ctx->failure_hooks, hook);
}

static void
failure_hook_free (FailureHook *hook)
{
  if (hook->destroy)
    hook->destroy (hook->data);
  g_free (hook);
}

static gboolean
load_actor (HallCtx    *ctx,
            HallActor  *actor,
            const char *token,
            GError    **error)
{
  char hash[65];
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (HallStmt) roles = NULL;
  int rc;

  if (token == NULL || *token == '\0')
    {
      hall_set_error (error, HALL_ERROR_UNAUTHENTICATED, NULL, _ ("Please sign in first."));
      return FALSE;
    }

  _hall_dispatch_hash_token (token, hash);
  stmt = hall_db_prepare (ctx->db,
                          "SELECT s.id, s.user_id, s.role, s.counter_id, s.expires_at, "
                          "a.username, a.display_name, a.department_id, a.locked "
                          "FROM session s JOIN account a ON a.id = s.user_id "
                          "WHERE s.token_hash = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_text (stmt, 1, hash);
  rc = hall_stmt_step (stmt, error);
  if (rc == 0)
    return FALSE;
  if (rc == SQLITE_DONE || hall_stmt_int (stmt, 4) <= ctx->now || hall_stmt_int (stmt, 8))
    {
      hall_set_error (error, HALL_ERROR_UNAUTHENTICATED, NULL,
                      _ ("Your session has ended. Please sign in again."));
      return FALSE;
    }

  actor->session_id = hall_stmt_int (stmt, 0);
  actor->user_id = hall_stmt_int (stmt, 1);
  actor->role = hall_role_from_string (hall_stmt_text (stmt, 2));
  actor->counter_id = hall_stmt_int (stmt, 3);
  actor->username = g_strdup (hall_stmt_text (stmt, 5));
  actor->display_name = g_strdup (hall_stmt_text (stmt, 6));
  actor->department_id = hall_stmt_int (stmt, 7);

  /* Sessions stay alive while they are used. */
  if (hall_stmt_int (stmt, 4) - ctx->now < HALL_SESSION_LIFETIME - SESSION_SLIDE_SECONDS)
    {
      g_autoptr (HallStmt) slide =
          hall_db_prepare (ctx->db, "UPDATE session SET expires_at = ?2 WHERE id = ?1", error);
      if (slide == NULL)
        return FALSE;
      hall_stmt_bind_int (slide, 1, actor->session_id);
      hall_stmt_bind_int (slide, 2, ctx->now + HALL_SESSION_LIFETIME);
      if (hall_stmt_step (slide, error) != SQLITE_DONE)
        return FALSE;
    }

  roles = hall_db_prepare (ctx->db, "SELECT role FROM account_role WHERE user_id = ?1", error);
  if (roles == NULL)
    return FALSE;
  hall_stmt_bind_int (roles, 1, actor->user_id);
  while ((rc = hall_stmt_step (roles, error)) == SQLITE_ROW)
    actor->roles |= hall_role_from_string (hall_stmt_text (roles, 0));
  return rc == SQLITE_DONE;
}

static JsonObject *
lookup_request (HallCtx    *ctx,
                const char *request_id,
                gboolean   *found,
                GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (JsonNode) node = NULL;
  int rc;

  *found = FALSE;
  stmt = hall_db_prepare (ctx->db,
                          "SELECT user_id, command, result FROM request WHERE request_id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, 1, request_id);
  rc = hall_stmt_step (stmt, error);
  if (rc != SQLITE_ROW)
    return NULL;

  if (hall_stmt_int (stmt, 0) != ctx->actor->user_id
      || g_strcmp0 (hall_stmt_text (stmt, 1), ctx->command) != 0)
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "request_id",
                      _ ("This request id was already used for another request."));
      return NULL;
    }

  node = json_from_string (hall_stmt_text (stmt, 2), error);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  *found = TRUE;
  return json_object_ref (json_node_get_object (node));
}

static gboolean
store_request (HallCtx    *ctx,
               const char *request_id,
               JsonObject *result,
               GError    **error)
{
  g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), result);
  g_autofree char *text = json_to_string (node, FALSE);
  g_autoptr (HallStmt) stmt = NULL;

  stmt = hall_db_prepare (ctx->db,
                          "INSERT INTO request (request_id, user_id, command, result, at) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)",
                          error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_text (stmt, 1, request_id);
  hall_stmt_bind_id (stmt, 2, ctx->actor->user_id);
  hall_stmt_bind_text (stmt, 3, ctx->command);
  hall_stmt_bind_text (stmt, 4, text);
  hall_stmt_bind_int (stmt, 5, ctx->now);
  return hall_stmt_step (stmt, error) == SQLITE_DONE;
}

static gboolean
leaves_audit_row (const char *name)
{
  const HallCommand *command = hall_engine_lookup_command (name);

  return command != NULL && (command->flags & (HALL_COMMAND_WRITE | HALL_COMMAND_AUDITED)) != 0;
}

static JsonObject *
dispatch (HallCtx        *ctx,
          HallActor      *actor,
          const HallCall *call,
          GError        **error)
{
  const HallCommand *command = hall_engine_lookup_command (call->command);
  g_autoptr (JsonObject) result = NULL;
  const char *request_id = NULL;

  if (command == NULL)
    {
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "command", _ ("There is no command “%s”."),
                      call->command);
      return NULL;
    }

  if (call->system)
    actor->role = HALL_ROLE_SYSTEM;
  else if (!(command->flags & HALL_COMMAND_PUBLIC))
    {
      if (!load_actor (ctx, actor, call->token, error))
        return NULL;
      if (!(command->roles & actor->role))
        {
          hall_set_error (error, HALL_ERROR_FORBIDDEN, NULL,
                          _ ("Your role may not do this (%s)."), command->name);
          return NULL;
        }
    }

  if (!hall_param_string (call->params, "request_id", FALSE, 64, &request_id, error))
    return NULL;

  if (request_id != NULL && (command->flags & HALL_COMMAND_WRITE))
    {
      gboolean    found;
      JsonObject *first = lookup_request (ctx, request_id, &found, error);

      if (found)
        {
          ctx->object_type = g_strdup ("request");
          ctx->object_id = g_strdup (request_id);
          return first;
        }
      if (error && *error)
        return NULL;
    }

  result = command->func (ctx, call->params, error);
  if (result == NULL)
    return NULL;
  /* A write on a matter may be what a supervision rule waited for (issue 11 §4). */
  if ((command->flags & HALL_COMMAND_WRITE) && !_hall_supervision_after_write (ctx, error))
    return NULL;

  if (request_id != NULL && (command->flags & HALL_COMMAND_WRITE)
      && !store_request (ctx, request_id, result, error))
    return NULL;

  return g_steal_pointer (&result);
}

JsonObject *
_hall_dispatch (HallEngine     *engine,
                HallDb         *db,
                GTimeZone      *tz,
                const HallCall *call,
                gint64          now,
                GPtrArray     **events,
                GError        **out_error)
{
  JsonObject *result;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr (GDateTime) local = g_date_time_to_timezone (utc, tz);
  g_autofree char *today = g_date_time_format (local, "%Y-%m-%d");
  HallActor        actor = { 0 };
  HallCtx          ctx = { 0 };
  GError          *audit_error = NULL;

  actor.client_address = call->client_address;
  ctx.engine = engine;
  ctx.db = db;
  ctx.tz = tz;
  ctx.actor = &actor;
  ctx.command = call->command;
  ctx.now = now;
  ctx.now_local = local;
  ctx.today = today;
  ctx.events = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  ctx.failure_hooks = g_ptr_array_new_with_free_func ((GDestroyNotify) failure_hook_free);

  hall_db_run (db, "SAVEPOINT command", NULL);
  result = dispatch (&ctx, &actor, call, &error);

  /* A change leaves a row, and so does a read that looks for people (HALL_COMMAND_AUDITED); any
   * other read that went through does not: every PC reads the hall's lists all day. A refused or
   * failed call, read or not, leaves a row below; so does the hall's own write that changed
   * nothing (hall_ctx_set_unchanged()). */
  if (result != NULL && leaves_audit_row (call->command) && !ctx.unchanged)
    {
      if (!write_audit (&ctx, call->command, ctx.object_type, ctx.object_id, "ok", &error))
        g_clear_pointer (&result, json_object_unref);
    }

  if (result == NULL)
    {
      if (error == NULL)
        hall_set_error (&error, HALL_ERROR_INTERNAL, NULL,
                        _ ("The hall server failed to do this."));
      hall_db_run (db, "ROLLBACK TO command", NULL);
      g_ptr_array_set_size (ctx.events, 0);

      for (guint i = 0; i < ctx.failure_hooks->len; i++)
        {
          FailureHook *hook = ctx.failure_hooks->pdata[i];
          hook->func (&ctx, hook->data);
        }

      if (!write_audit (&ctx, call->command, ctx.object_type, ctx.object_id,
                        hall_error_code_to_string (
                            error->domain == HALL_ERROR ? error->code : HALL_ERROR_INTERNAL),
                        &audit_error))
        {
          /* A full disk refuses the audit row as it refused the call: not the program's fault. */
          if (g_strcmp0 (hall_error_get_field (audit_error), HALL_ERROR_FIELD_DISK_FULL) == 0)
            g_message ("Cannot audit a failed %s: %s", call->command, audit_error->message);
          else
            g_warning ("Cannot audit a failed %s: %s", call->command, audit_error->message);
          g_clear_error (&audit_error);
        }
      g_propagate_error (out_error, g_steal_pointer (&error));
    }

  hall_db_run (db, "RELEASE command", NULL);

  *events = g_steal_pointer (&ctx.events);
  g_ptr_array_unref (ctx.failure_hooks);
  g_free (ctx.object_type);
  g_free (ctx.object_id);
  g_free ((char *) actor.username);
  g_free ((char *) actor.display_name);

  return result;
}
