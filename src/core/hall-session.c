/* hall-session.c — signing in and out, switching role, and reading the change feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-session"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>

#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-dispatch-private.h"

#define MAX_FAILED_LOGINS 5
#define LOCKOUT_SECONDS (15 * 60)

static gboolean
require_counter (HallCtx *ctx,
                 gint64   counter_id,
                 GError **error)
{
  g_autoptr (HallStmt) check =
      hall_db_prepare (ctx->db, "SELECT 1 FROM counter WHERE id = ?1", error);

  if (check == NULL)
    return FALSE;
  hall_stmt_bind_int (check, 1, counter_id);
  switch (hall_stmt_step (check, error))
    {
    case SQLITE_ROW:
      return TRUE;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "counter_id",
                      _ ("There is no such window."));
      return FALSE;
    default:
      return FALSE;
    }
}

typedef struct
{
  gint64 user_id;
  gint64 failed;
} FailedLogin;

static void
count_failed_login (HallCtx *ctx,
                    gpointer data)
{
  FailedLogin *failed = data;
  g_autoptr (HallStmt) stmt = NULL;
  gboolean lock = failed->failed + 1 >= MAX_FAILED_LOGINS;

  /* Reaching the limit locks the account for a while and starts the count again; a wrong
   * password during a lockout never shortens it. */
  stmt = hall_db_prepare (ctx->db,
                          "UPDATE account SET failed_logins = ?2, "
                          "locked_until = max(coalesce(locked_until, 0), ?3) WHERE id = ?1",
                          NULL);
  if (stmt == NULL)
    return;
  hall_stmt_bind_int (stmt, 1, failed->user_id);
  hall_stmt_bind_int (stmt, 2, lock ? 0 : failed->failed + 1);
  hall_stmt_bind_int (stmt, 3, lock ? ctx->now + LOCKOUT_SECONDS : 0);
  hall_stmt_step (stmt, NULL);
}

gboolean
_hall_session_check_password (HallCtx    *ctx,
                              const char *username,
                              const char *password,
                              gint64     *user_id,
                              GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  FailedLogin *failed;

  stmt = hall_db_prepare (ctx->db,
                          "SELECT id, password_hash, locked, locked_until, failed_logins "
                          "FROM account WHERE username = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_text (stmt, 1, username);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      break;
    case SQLITE_DONE:
      /* Spend the same time as a real check, so the answer does not tell which names exist. */
      g_free (_hall_password_hash (password, NULL));
      hall_set_error (error, HALL_ERROR_UNAUTHENTICATED, "password",
                      _ ("Wrong username or password."));
      return FALSE;
    default:
      return FALSE;
    }

  *user_id = hall_stmt_int (stmt, 0);

  /* Unless the password is right, an unknown name, a locked account and one in lockout get the
   * same answer after the same work: nothing tells which accounts exist or what became of them.
   * Wrong passwords count during a lockout too, so it does not open a faster way to guess. */
  if (sodium_init () < 0
      || crypto_pwhash_str_verify (hall_stmt_text (stmt, 1), password, strlen (password)) != 0)
    {
      failed = g_new0 (FailedLogin, 1);
      failed->user_id = *user_id;
      failed->failed = hall_stmt_int (stmt, 4);
      hall_ctx_on_failure (ctx, count_failed_login, failed, g_free);
      hall_set_error (error, HALL_ERROR_UNAUTHENTICATED, "password",
                      _ ("Wrong username or password."));
      return FALSE;
    }

  if (hall_stmt_int (stmt, 2))
    {
      hall_set_error (error, HALL_ERROR_FORBIDDEN, "username",
                      _ ("This account is locked. Ask the hall administrator to unlock it."));
      return FALSE;
    }
  if (hall_stmt_int (stmt, 3) > ctx->now)
    {
      gint64 wait = hall_stmt_int (stmt, 3) - ctx->now;
      gint64 minutes = (wait + 59) / 60;

      hall_set_error (error, HALL_ERROR_RATE_LIMITED, "password",
                      g_dngettext (GETTEXT_PACKAGE,
                                   "Too many wrong passwords. Try again in %d minute.",
                                   "Too many wrong passwords. Try again in %d minutes.", minutes),
                      (int) minutes);
      if (error != NULL)
        hall_error_set_retry_after (*error, wait);
      return FALSE;
    }
  return TRUE;
}

static JsonObject *
session_login (HallCtx    *ctx,
               JsonObject *params,
               GError    **error)
{
  const char *username = NULL, *password = NULL, *role_name = NULL;
  gint64      counter_id = 0, user_id = 0, expires_at;
  g_autoptr (HallStmt) insert = NULL;
  g_autoptr (JsonObject) user = NULL;
  unsigned char    raw[32];
  g_autofree char *token = NULL;
  g_autofree char *hash = NULL;
  HallRole         roles, role = 0;
  JsonObject      *result;

  if (!hall_param_string (params, "username", TRUE, 64, &username, error)
      || !hall_param_string (params, "password", TRUE, 128, &password, error)
      || !hall_param_enum (params, "role", FALSE, hall_role_names, &role_name, error)
      || !hall_param_int (params, "counter_id", FALSE, 1, G_MAXINT32, &counter_id, error))
    return NULL;

  if (!_hall_session_check_password (ctx, username, password, &user_id, error))
    {
      if (user_id != 0)
        hall_ctx_set_object (ctx, "account", user_id);
      return NULL;
    }
  hall_ctx_set_object (ctx, "account", user_id);

  roles = _hall_account_load_roles (ctx->db, user_id, error);
  if (roles == 0)
    {
      if (error && *error == NULL)
        hall_set_error (error, HALL_ERROR_FORBIDDEN, "username",
                        _ ("This account has no role in the hall."));
      return NULL;
    }

  if (role_name != NULL)
    {
      role = hall_role_from_string (role_name);
      if (!(roles & role))
        {
          hall_set_error (error, HALL_ERROR_FORBIDDEN, "role",
                          _ ("This account does not hold that role."));
          return NULL;
        }
    }
  else
    {
      for (guint i = 0; hall_role_names[i] != NULL && role == 0; i++)
        if (roles & hall_role_from_string (hall_role_names[i]))
          role = hall_role_from_string (hall_role_names[i]);
    }

  if (counter_id != 0 && !require_counter (ctx, counter_id, error))
    return NULL;

  randombytes_buf (raw, sizeof raw);
  token = g_base64_encode (raw, sizeof raw);
  for (char *p = token; *p; p++)
    if (*p == '+')
      *p = '-';
    else if (*p == '/')
      *p = '_';
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
  expires_at = ctx->now + HALL_SESSION_LIFETIME;

  insert =
      hall_db_prepare (ctx->db,
                       "INSERT INTO session (token_hash, user_id, role, counter_id, created_at, "
                       "expires_at, client_address) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                       error);
  if (insert == NULL)
    return NULL;
  hall_stmt_bind_text (insert, 1, hash);
  hall_stmt_bind_int (insert, 2, user_id);
  hall_stmt_bind_text (insert, 3, hall_role_to_string (role));
  hall_stmt_bind_id (insert, 4, counter_id);
  hall_stmt_bind_int (insert, 5, ctx->now);
  hall_stmt_bind_int (insert, 6, expires_at);
  hall_stmt_bind_text (insert, 7, ctx->actor->client_address);
  if (hall_stmt_step (insert, error) != SQLITE_DONE)
    return NULL;

  {
    g_autoptr (HallStmt) reset =
        hall_db_prepare (ctx->db,
                         "UPDATE account SET failed_logins = 0 WHERE id = ?1 "
                         "AND failed_logins != 0",
                         error);
    if (reset == NULL)
      return NULL;
    hall_stmt_bind_int (reset, 1, user_id);
    if (hall_stmt_step (reset, error) != SQLITE_DONE)
      return NULL;
  }

  user = _hall_account_describe (ctx, user_id, error);
  if (user == NULL)
    return NULL;

  result = json_object_new ();
  json_object_set_string_member (result, "token", token);
  json_object_set_string_member (result, "role", hall_role_to_string (role));
  json_object_set_int_member (result, "expires_at", expires_at);
  if (counter_id)
    json_object_set_int_member (result, "counter_id", counter_id);
  else
    json_object_set_null_member (result, "counter_id");
  json_object_set_object_member (result, "user", g_steal_pointer (&user));
  sodium_memzero (raw, sizeof raw);
  return result;
}

static JsonObject *
session_logout (HallCtx    *ctx,
                JsonObject *params,
                GError    **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, "DELETE FROM session WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, ctx->actor->session_id);
  if (hall_stmt_step (stmt, error) != SQLITE_DONE)
    return NULL;
  return json_object_new ();
}

static JsonObject *
session_whoami (HallCtx    *ctx,
                JsonObject *params,
                GError    **error)
{
  g_autoptr (JsonObject) user = _hall_account_describe (ctx, ctx->actor->user_id, error);
  JsonObject *result;

  if (user == NULL)
    return NULL;
  result = json_object_new ();
  json_object_set_string_member (result, "role", hall_role_to_string (ctx->actor->role));
  if (ctx->actor->counter_id)
    json_object_set_int_member (result, "counter_id", ctx->actor->counter_id);
  else
    json_object_set_null_member (result, "counter_id");
  json_object_set_object_member (result, "user", g_steal_pointer (&user));
  return result;
}

/* Someone with several roles (a manager who also covers a window) switches without signing out. */
static JsonObject *
session_switch (HallCtx    *ctx,
                JsonObject *params,
                GError    **error)
{
  const char *role_name = NULL;
  gint64      counter_id = ctx->actor->counter_id;
  g_autoptr (HallStmt) stmt = NULL;
  HallRole role;

  if (!hall_param_enum (params, "role", FALSE, hall_role_names, &role_name, error)
      || !hall_param_int (params, "counter_id", FALSE, 0, G_MAXINT32, &counter_id, error))
    return NULL;

  role = role_name ? hall_role_from_string (role_name) : ctx->actor->role;
  if (!(ctx->actor->roles & role))
    {
      hall_set_error (error, HALL_ERROR_FORBIDDEN, "role",
                      _ ("This account does not hold that role."));
      return NULL;
    }

  if (counter_id != 0 && !require_counter (ctx, counter_id, error))
    return NULL;

  stmt = hall_db_prepare (ctx->db, "UPDATE session SET role = ?2, counter_id = ?3 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, ctx->actor->session_id);
  hall_stmt_bind_text (stmt, 2, hall_role_to_string (role));
  hall_stmt_bind_id (stmt, 3, counter_id);
  if (hall_stmt_step (stmt, error) != SQLITE_DONE)
    return NULL;

  {
    JsonObject *result = json_object_new ();

    json_object_set_string_member (result, "role", hall_role_to_string (role));
    if (counter_id)
      json_object_set_int_member (result, "counter_id", counter_id);
    else
      json_object_set_null_member (result, "counter_id");
    return result;
  }
}

static JsonObject *
events_since (HallCtx    *ctx,
              JsonObject *params,
              GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (JsonArray) events = json_array_new ();
  gint64      since = 0, limit = 1000, last = since;
  JsonObject *result;
  int         rc;

  if (!hall_param_int (params, "since", TRUE, 0, G_MAXINT64, &since, error)
      || !hall_param_int (params, "limit", FALSE, 1, 10000, &limit, error))
    return NULL;

  stmt = hall_db_prepare (
      ctx->db, "SELECT seq, kind, at, payload FROM event WHERE seq > ?1 ORDER BY seq LIMIT ?2",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, since);
  hall_stmt_bind_int (stmt, 2, limit);
  last = since;
  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      g_autoptr (JsonNode) payload = json_from_string (hall_stmt_text (stmt, 3), NULL);

      last = hall_stmt_int (stmt, 0);
      json_array_add_object_element (events,
                                     hall_event_new (last, hall_stmt_text (stmt, 1),
                                                     hall_stmt_int (stmt, 2),
                                                     payload && JSON_NODE_HOLDS_OBJECT (payload)
                                                         ? json_node_get_object (payload)
                                                         : NULL));
    }
  if (rc == 0)
    return NULL;

  result = json_object_new ();
  json_object_set_array_member (result, "events", g_steal_pointer (&events));
  json_object_set_int_member (result, "last_seq", last);
  json_object_set_boolean_member (
      result, "more",
      json_array_get_length (json_object_get_array_member (result, "events")) == (guint) limit);
  return result;
}

/* For the server alone: which of the change feeds' tokens no longer sign anyone in (signed out,
 * expired, the account locked, or signed out everywhere when its roles or password changed).
 * Read only: listening to the feed does not keep a session alive. */
static JsonObject *
session_alive (HallCtx    *ctx,
               JsonObject *params,
               GError    **error)
{
  g_autoptr (JsonArray) ended = json_array_new ();
  JsonArray  *tokens = NULL;
  JsonObject *result;

  if (!hall_param_array (params, "tokens", TRUE, 0, &tokens, error))
    return NULL;
  for (guint i = 0; i < json_array_get_length (tokens); i++)
    {
      const char *token = json_array_get_string_element (tokens, i);
      g_autoptr (HallStmt) stmt = NULL;
      char hash[65];
      int  rc;

      if (token == NULL)
        continue;
      _hall_dispatch_hash_token (token, hash);
      stmt = hall_db_prepare (ctx->db,
                              "SELECT 1 FROM session s JOIN account a ON a.id = s.user_id "
                              "WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND NOT a.locked "
                              "AND EXISTS (SELECT 1 FROM account_role r "
                              "            WHERE r.user_id = s.user_id AND r.role = s.role)",
                              error);
      if (stmt == NULL)
        return NULL;
      hall_stmt_bind_text (stmt, 1, hash);
      hall_stmt_bind_int (stmt, 2, ctx->now);
      rc = hall_stmt_step (stmt, error);
      if (rc == 0)
        return NULL;
      if (rc == SQLITE_DONE)
        json_array_add_string_element (ended, token);
    }

  result = json_object_new ();
  json_object_set_array_member (result, "ended", g_steal_pointer (&ended));
  return result;
}

const HallCommand _hall_session_commands[] = {
  { "session.login", session_login, HALL_ROLES_ALL, HALL_COMMAND_WRITE | HALL_COMMAND_PUBLIC },
  { "session.logout", session_logout, HALL_ROLES_ALL, HALL_COMMAND_WRITE },
  { "session.whoami", session_whoami, HALL_ROLES_ALL, HALL_COMMAND_READ },
  { "session.switch", session_switch, HALL_ROLES_ALL, HALL_COMMAND_WRITE },
  { "events.since", events_since, HALL_ROLES_ALL, HALL_COMMAND_READ },
  { "session.alive", session_alive, 0, HALL_COMMAND_READ },
  { NULL }
};
