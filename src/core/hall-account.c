/* hall-account.c — staff accounts, roles, passwords and the audit trail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-account"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>

#include "hall-engine.h"
#include "hall-commands-private.h"

#define MIN_PASSWORD_CHARS 8

/* argon2id with OWASP's minimum for interactive sign-in (t=2, m=19 MiB): every hash check runs
 * on the engine's worker thread, so it must stay in the tens of milliseconds. */
#define PWHASH_OPSLIMIT 2
#define PWHASH_MEMLIMIT (19 * 1024 * 1024)

char *
_hall_password_hash (const char *password,
                     GError    **error)
{
  char out[crypto_pwhash_STRBYTES];

  if (sodium_init () < 0
      || crypto_pwhash_str_alg (out, password, strlen (password), PWHASH_OPSLIMIT, PWHASH_MEMLIMIT,
                                crypto_pwhash_ALG_ARGON2ID13)
             != 0)
    {
      hall_set_error (error, HALL_ERROR_INTERNAL, "password",
                      _ ("Cannot protect the password (out of memory)."));
      return NULL;
    }
  return g_strdup (out);
}

static gboolean
check_new_password (JsonObject  *params,
                    const char **password,
                    GError     **error)
{
  if (!hall_param_string (params, "password", TRUE, 128, password, error))
    return FALSE;
  if (g_utf8_strlen (*password, -1) < MIN_PASSWORD_CHARS)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "password",
                      g_dngettext (GETTEXT_PACKAGE, "Use at least %d character.",
                                   "Use at least %d characters.", MIN_PASSWORD_CHARS),
                      MIN_PASSWORD_CHARS);
      return FALSE;
    }
  return TRUE;
}

static JsonArray *
roles_array (HallRole roles)
{
  JsonArray *array = json_array_new ();

  for (guint i = 0; hall_role_names[i] != NULL; i++)
    if (roles & hall_role_from_string (hall_role_names[i]))
      json_array_add_string_element (array, hall_role_names[i]);
  return array;
}

HallRole
_hall_account_load_roles (HallDb  *db,
                          gint64   user_id,
                          GError **error)
{
  g_autoptr (HallStmt) stmt =
      hall_db_prepare (db, "SELECT role FROM account_role WHERE user_id = ?1", error);
  HallRole roles = 0;
  int      rc;

  if (stmt == NULL)
    return 0;
  hall_stmt_bind_int (stmt, 1, user_id);
  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
    roles |= hall_role_from_string (hall_stmt_text (stmt, 0));
  return rc == SQLITE_DONE ? roles : 0;
}

JsonObject *
_hall_account_describe (HallCtx *ctx,
                        gint64   user_id,
                        GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  JsonObject *user;
  HallRole    roles;

  stmt = hall_db_prepare (ctx->db,
                          "SELECT a.id, a.username, a.display_name, a.department_id, "
                          "d.name AS department_name, a.locked, "
                          "a.locked_until > ?2 AS locked_out "
                          "FROM account a LEFT JOIN department d ON d.id = a.department_id "
                          "WHERE a.id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, user_id);
  hall_stmt_bind_int (stmt, 2, ctx->now);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      break;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "user_id", _ ("There is no such account."));
      return NULL;
    default:
      return NULL;
    }

  user = hall_stmt_row_object (stmt);
  roles = _hall_account_load_roles (ctx->db, user_id, error);
  json_object_set_array_member (user, "roles", roles_array (roles));
  if (roles & HALL_ROLE_RATING_PAD)
    {
      gint64 counter_id;

      if (!_hall_rating_pad_counter (ctx->db, user_id, &counter_id, error))
        {
          json_object_unref (user);
          return NULL;
        }
      if (counter_id)
        json_object_set_int_member (user, "pad_counter_id", counter_id);
      else
        json_object_set_null_member (user, "pad_counter_id");
    }
  return user;
}

static gboolean
lookup_department_code (HallCtx    *ctx,
                        const char *code,
                        gint64     *department_id,
                        GError    **error)
{
  g_autoptr (HallStmt) stmt =
      hall_db_prepare (ctx->db, "SELECT id FROM department WHERE code = ?1", error);

  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_text (stmt, 1, code);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      *department_id = hall_stmt_int (stmt, 0);
      return TRUE;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "department",
                      _ ("There is no department “%s”."), code);
      return FALSE;
    default:
      return FALSE;
    }
}

static gboolean
set_roles (HallCtx   *ctx,
           gint64     user_id,
           JsonArray *roles,
           GError   **error)
{
  g_autoptr (HallStmt) clear = NULL;
  guint n = json_array_get_length (roles);

  if (n == 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "roles",
                      _ ("Give the account at least one role."));
      return FALSE;
    }

  clear = hall_db_prepare (ctx->db, "DELETE FROM account_role WHERE user_id = ?1", error);
  if (clear == NULL)
    return FALSE;
  hall_stmt_bind_int (clear, 1, user_id);
  if (hall_stmt_step (clear, error) != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (roles, i);
      g_autoptr (HallStmt) insert = NULL;
      const char *name;

      if (json_node_get_value_type (node) != G_TYPE_STRING
          || !g_strv_contains (hall_role_names, (name = json_node_get_string (node))))
        {
          g_autofree char *choices = g_strjoinv (", ", (char **) hall_role_names);
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "roles", _ ("Must be one of: %s."),
                          choices);
          return FALSE;
        }

      insert = hall_db_prepare (
          ctx->db, "INSERT OR IGNORE INTO account_role (user_id, role) VALUES (?1, ?2)", error);
      if (insert == NULL)
        return FALSE;
      hall_stmt_bind_int (insert, 1, user_id);
      hall_stmt_bind_text (insert, 2, name);
      if (hall_stmt_step (insert, error) != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}

static JsonObject *
user_create (HallCtx    *ctx,
             JsonObject *params,
             GError    **error)
{
  const char      *username = NULL, *display_name = NULL, *password = NULL, *department = NULL;
  gint64           department_id = 0, user_id, pad_counter_id = 0;
  JsonArray       *roles = NULL;
  g_autofree char *hash = NULL;
  g_autoptr (HallStmt) insert = NULL;
  g_autoptr (JsonObject) user = NULL;

  if (!hall_param_string (params, "username", TRUE, 64, &username, error)
      || !hall_param_string (params, "display_name", FALSE, 64, &display_name, error)
      || !hall_param_array (params, "roles", TRUE, HALL_N_ROLES, &roles, error)
      || !hall_param_string (params, "department", FALSE, 32, &department, error)
      || !hall_param_int (params, "counter_id", FALSE, 1, G_MAXINT64, &pad_counter_id, error)
      || !check_new_password (params, &password, error))
    return NULL;

  for (const char *p = username; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      {
        hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "username",
                        _ ("Use letters, digits, “.”, “_” or “-” only."));
        return NULL;
      }

  if (department != NULL && !lookup_department_code (ctx, department, &department_id, error))
    return NULL;

  hash = _hall_password_hash (password, error);
  if (hash == NULL)
    return NULL;

  insert =
      hall_db_prepare (ctx->db,
                       "INSERT INTO account (username, display_name, password_hash, department_id, "
                       "created_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (username) DO NOTHING",
                       error);
  if (insert == NULL)
    return NULL;
  hall_stmt_bind_text (insert, 1, username);
  hall_stmt_bind_text (insert, 2, display_name ? display_name : username);
  hall_stmt_bind_text (insert, 3, hash);
  hall_stmt_bind_id (insert, 4, department_id);
  hall_stmt_bind_int (insert, 5, ctx->now);
  if (hall_stmt_step (insert, error) != SQLITE_DONE)
    return NULL;
  if (hall_db_changes (ctx->db) == 0)
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "username",
                      _ ("The username “%s” is taken. Choose another username."), username);
      return NULL;
    }
  user_id = hall_db_last_insert_id (ctx->db);
  hall_ctx_set_object (ctx, "account", user_id);

  if (!set_roles (ctx, user_id, roles, error))
    return NULL;
  /* A rating pad faces one window (hall-rating.c). */
  if (pad_counter_id != 0 && !_hall_rating_bind_pad (ctx, user_id, pad_counter_id, error))
    return NULL;

  {
    JsonObject *payload = json_object_new ();
    json_object_set_int_member (payload, "user_id", user_id);
    if (!hall_ctx_emit (ctx, "account.changed", payload, error))
      return NULL;
  }

  user = _hall_account_describe (ctx, user_id, error);
  if (user == NULL)
    return NULL;
  {
    JsonObject *result = json_object_new ();
    json_object_set_object_member (result, "user", g_steal_pointer (&user));
    return result;
  }
}

static JsonObject *
user_list (HallCtx    *ctx,
           JsonObject *params,
           GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (JsonArray) users = json_array_new ();
  JsonObject *result;
  int         rc;

  stmt = hall_db_prepare (ctx->db, "SELECT id FROM account ORDER BY username", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      JsonObject *user = _hall_account_describe (ctx, hall_stmt_int (stmt, 0), error);
      if (user == NULL)
        return NULL;
      json_array_add_object_element (users, user);
    }
  if (rc == 0)
    return NULL;

  result = json_object_new ();
  json_object_set_array_member (result, "users", g_steal_pointer (&users));
  return result;
}

static gboolean
require_account (HallCtx    *ctx,
                 JsonObject *params,
                 gint64     *user_id,
                 GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;

  if (!hall_param_int (params, "user_id", TRUE, 1, G_MAXINT64, user_id, error))
    return FALSE;
  stmt = hall_db_prepare (ctx->db, "SELECT 1 FROM account WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, *user_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      hall_ctx_set_object (ctx, "account", *user_id);
      return TRUE;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "user_id", _ ("There is no such account."));
      return FALSE;
    default:
      return FALSE;
    }
}

static gboolean
end_sessions (HallCtx *ctx,
              gint64   user_id,
              GError **error)
{
  g_autoptr (HallStmt) stmt =
      hall_db_prepare (ctx->db, "DELETE FROM session WHERE user_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, user_id);
  return hall_stmt_step (stmt, error) == SQLITE_DONE;
}

static JsonObject *
changed_user (HallCtx *ctx,
              gint64   user_id,
              GError **error)
{
  JsonObject *payload = json_object_new ();
  g_autoptr (JsonObject) user = NULL;
  JsonObject *result;

  json_object_set_int_member (payload, "user_id", user_id);
  if (!hall_ctx_emit (ctx, "account.changed", payload, error))
    return NULL;
  user = _hall_account_describe (ctx, user_id, error);
  if (user == NULL)
    return NULL;
  result = json_object_new ();
  json_object_set_object_member (result, "user", g_steal_pointer (&user));
  return result;
}

static JsonObject *
user_update (HallCtx    *ctx,
             JsonObject *params,
             GError    **error)
{
  const char *display_name = NULL, *department = NULL;
  gint64      user_id, department_id = 0;
  JsonArray  *roles = NULL;

  if (!require_account (ctx, params, &user_id, error)
      || !hall_param_string (params, "display_name", FALSE, 64, &display_name, error)
      || !hall_param_string (params, "department", FALSE, 32, &department, error)
      || !hall_param_array (params, "roles", FALSE, HALL_N_ROLES, &roles, error))
    return NULL;

  if (display_name != NULL)
    {
      g_autoptr (HallStmt) stmt =
          hall_db_prepare (ctx->db, "UPDATE account SET display_name = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return NULL;
      hall_stmt_bind_int (stmt, 1, user_id);
      hall_stmt_bind_text (stmt, 2, display_name);
      if (hall_stmt_step (stmt, error) != SQLITE_DONE)
        return NULL;
    }

  if (json_object_has_member (params, "department"))
    {
      g_autoptr (HallStmt) stmt = NULL;

      if (department != NULL && !lookup_department_code (ctx, department, &department_id, error))
        return NULL;
      stmt =
          hall_db_prepare (ctx->db, "UPDATE account SET department_id = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        return NULL;
      hall_stmt_bind_int (stmt, 1, user_id);
      hall_stmt_bind_id (stmt, 2, department_id);
      if (hall_stmt_step (stmt, error) != SQLITE_DONE)
        return NULL;
    }

  if (roles != NULL)
    {
      /* Sessions hold a role: a changed set of roles means signing in again. */
      if (!set_roles (ctx, user_id, roles, error) || !end_sessions (ctx, user_id, error))
        return NULL;
    }

  return changed_user (ctx, user_id, error);
}

static JsonObject *
user_set_password (HallCtx    *ctx,
                   JsonObject *params,
                   GError    **error)
{
  const char      *password = NULL;
  g_autofree char *hash = NULL;
  g_autoptr (HallStmt) stmt = NULL;
  gint64 user_id;

  if (!require_account (ctx, params, &user_id, error)
      || !check_new_password (params, &password, error))
    return NULL;

  hash = _hall_password_hash (password, error);
  if (hash == NULL)
    return NULL;

  stmt =
      hall_db_prepare (ctx->db,
                       "UPDATE account SET password_hash = ?2, failed_logins = 0, locked_until = 0 "
                       "WHERE id = ?1",
                       error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, user_id);
  hall_stmt_bind_text (stmt, 2, hash);
  if (hall_stmt_step (stmt, error) != SQLITE_DONE || !end_sessions (ctx, user_id, error))
    return NULL;

  return changed_user (ctx, user_id, error);
}

static JsonObject *
user_set_locked (HallCtx    *ctx,
                 JsonObject *params,
                 GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  gboolean locked = FALSE;
  gint64   user_id;

  if (!require_account (ctx, params, &user_id, error)
      || !hall_param_bool (params, "locked", TRUE, &locked, error))
    return NULL;

  if (locked && user_id == ctx->actor->user_id)
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "locked",
                      _ ("You cannot lock your own account."));
      return NULL;
    }

  stmt = hall_db_prepare (
      ctx->db, "UPDATE account SET locked = ?2, failed_logins = 0, locked_until = 0 WHERE id = ?1",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, user_id);
  hall_stmt_bind_int (stmt, 2, locked);
  if (hall_stmt_step (stmt, error) != SQLITE_DONE)
    return NULL;
  if (locked && !end_sessions (ctx, user_id, error))
    return NULL;

  return changed_user (ctx, user_id, error);
}

static JsonObject *
audit_list (HallCtx    *ctx,
            JsonObject *params,
            GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  const char *object_type = NULL, *object_id = NULL;
  gint64      before = G_MAXINT64, limit = 200;
  JsonArray  *rows;
  JsonObject *result;

  if (!hall_param_int (params, "before", FALSE, 1, G_MAXINT64, &before, error)
      || !hall_param_int (params, "limit", FALSE, 1, 1000, &limit, error)
      || !hall_param_string (params, "object_type", FALSE, 32, &object_type, error)
      || !hall_param_string (params, "object_id", FALSE, 64, &object_id, error))
    return NULL;

  stmt =
      hall_db_prepare (ctx->db,
                       "SELECT au.id, au.at, au.user_id, a.username, au.role, au.client_address, "
                       "au.command, au.object_type, au.object_id, au.result "
                       "FROM audit au LEFT JOIN account a ON a.id = au.user_id "
                       "WHERE au.id < ?1 AND (?2 IS NULL OR au.object_type = ?2) "
                       "AND (?3 IS NULL OR au.object_id = ?3) "
                       "ORDER BY au.id DESC LIMIT ?4",
                       error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, before);
  hall_stmt_bind_text (stmt, 2, object_type);
  hall_stmt_bind_text (stmt, 3, object_id);
  hall_stmt_bind_int (stmt, 4, limit);
  rows = hall_stmt_all_objects (stmt, error);
  if (rows == NULL)
    return NULL;

  result = json_object_new ();
  json_object_set_array_member (result, "entries", rows);
  return result;
}

const HallCommand _hall_account_commands[] = {
  { "user.create", user_create, HALL_ROLE_ADMIN, HALL_COMMAND_WRITE },
  { "user.list", user_list, HALL_ROLE_ADMIN | HALL_ROLE_MANAGER, HALL_COMMAND_READ },
  { "user.update", user_update, HALL_ROLE_ADMIN, HALL_COMMAND_WRITE },
  { "user.set_password", user_set_password, HALL_ROLE_ADMIN, HALL_COMMAND_WRITE },
  { "user.set_locked", user_set_locked, HALL_ROLE_ADMIN, HALL_COMMAND_WRITE },
  { "audit.list", audit_list, HALL_ROLE_ADMIN, HALL_COMMAND_AUDITED },
  { NULL }
};
