/* hall-display.c — what the hall's devices need beyond the queue: the calling display's notice
 * and leaving a device with an administrator's password
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-display"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-engine.h"
#include "hall-commands-private.h"

#define NOTICE_MAX_CHARS 500

static JsonObject *
notice_object (HallCtx *ctx,
               GError **error)
{
  g_autoptr (HallStmt) stmt =
      hall_db_prepare (ctx->db, "SELECT text, updated_at FROM display_notice WHERE id = 1", error);
  JsonObject *result;

  if (stmt == NULL)
    return NULL;
  result = json_object_new ();
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      json_object_set_string_member (result, "text", hall_stmt_text (stmt, 0));
      json_object_set_int_member (result, "updated_at", hall_stmt_int (stmt, 1));
      return result;
    case SQLITE_DONE:
      json_object_set_string_member (result, "text", "");
      json_object_set_null_member (result, "updated_at");
      return result;
    default:
      json_object_unref (result);
      return NULL;
    }
}

static JsonObject *
display_notice (HallCtx    *ctx,
                JsonObject *params,
                GError    **error)
{
  return notice_object (ctx, error);
}

static JsonObject *
display_notice_set (HallCtx    *ctx,
                    JsonObject *params,
                    GError    **error)
{
  const char *text = NULL;
  g_autoptr (HallStmt) stmt = NULL;
  JsonObject *payload;

  if (!hall_param_string (params, "text", FALSE, NOTICE_MAX_CHARS, &text, error))
    return NULL;
  /* The notice runs along one line of the display. */
  if (text != NULL && !hall_text_check (text, "text", FALSE, error))
    return NULL;

  if (text == NULL)
    stmt = hall_db_prepare (ctx->db, "DELETE FROM display_notice WHERE id = 1", error);
  else
    stmt = hall_db_prepare (ctx->db,
                            "INSERT INTO display_notice (id, text, updated_at, updated_by) "
                            "VALUES (1, ?1, ?2, ?3) ON CONFLICT (id) DO UPDATE SET "
                            "text = excluded.text, updated_at = excluded.updated_at, "
                            "updated_by = excluded.updated_by",
                            error);
  if (stmt == NULL)
    return NULL;
  if (text != NULL)
    {
      hall_stmt_bind_text (stmt, 1, text);
      hall_stmt_bind_int (stmt, 2, ctx->now);
      hall_stmt_bind_id (stmt, 3, ctx->actor->user_id);
    }
  if (hall_stmt_step (stmt, error) != SQLITE_DONE)
    return NULL;

  hall_ctx_set_object (ctx, "display_notice", 1);
  /* The notice is public: it is written to be read by everyone in the hall. */
  payload = json_object_new ();
  json_object_set_string_member (payload, "text", text ? text : "");
  if (hall_ctx_emit (ctx, "display.notice", payload, error) == 0)
    return NULL;
  return notice_object (ctx, error);
}

/* A device (the calling display, the kiosk) is left only with an administrator's password,
 * checked here without opening a session for them. */
static JsonObject *
device_unlock (HallCtx    *ctx,
               JsonObject *params,
               GError    **error)
{
  const char *username = NULL, *password = NULL;
  gint64      user_id = 0;
  HallRole    roles;
  JsonObject *result;

  if (!hall_param_string (params, "username", TRUE, 64, &username, error)
      || !hall_param_string (params, "password", TRUE, 128, &password, error))
    return NULL;
  if (!_hall_session_check_password (ctx, username, password, &user_id, error))
    {
      /* The device's own session is fine: a 401 would sign the device out. */
      if (error != NULL && g_error_matches (*error, HALL_ERROR, HALL_ERROR_UNAUTHENTICATED))
        (*error)->code = HALL_ERROR_FORBIDDEN;
      return NULL;
    }
  hall_ctx_set_object (ctx, "account", user_id);
  roles = _hall_account_load_roles (ctx->db, user_id, error);
  if (error != NULL && *error != NULL)
    return NULL;
  if (!(roles & HALL_ROLE_ADMIN))
    {
      hall_set_error (error, HALL_ERROR_FORBIDDEN, "username",
                      _ ("Only a hall administrator can leave this device."));
      return NULL;
    }
  result = json_object_new ();
  json_object_set_int_member (result, "user_id", user_id);
  return result;
}

const HallCommand _hall_display_commands[] = {
  { "display.notice", display_notice, HALL_ROLES_ALL, HALL_COMMAND_READ },
  { "display.notice_set", display_notice_set, HALL_ROLE_MANAGER | HALL_ROLE_ADMIN,
    HALL_COMMAND_WRITE },
  { "device.unlock", device_unlock, HALL_ROLE_DISPLAY | HALL_ROLE_KIOSK | HALL_ROLE_RATING_PAD,
    HALL_COMMAND_WRITE },
  { NULL }
};
