/* hall-session.c — sign-in, accounts, the audit trail and the change feed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-session"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>

#include "hall-engine.h"
#include "hall-commands-private.h"

#define MAX_FAILED_LOGINS 5
#define LOCKOUT_SECONDS (15 * 60)
#define MIN_PASSWORD_CHARS 8

/* argon2id with OWASP's minimum for interactive sign-in (t=2, m=19 MiB): every hash check runs
 * on the engine's worker thread, so it must stay in the tens of milliseconds. */
#define PWHASH_OPSLIMIT 2
#define PWHASH_MEMLIMIT (19 * 1024 * 1024)

static const char * const role_names[] = { "staff", "manager", "leader", "admin", "display", "kiosk", NULL };

/* The order in which a session picks its role when the client does not say. */
static const HallRole default_role_order[] = {
  HALL_ROLE_STAFF, HALL_ROLE_MANAGER, HALL_ROLE_LEADER, HALL_ROLE_ADMIN, HALL_ROLE_DISPLAY, HALL_ROLE_KIOSK,
};

char *
_hall_password_hash (const char  *password,
                     GError     **error)
{
  char out[crypto_pwhash_STRBYTES];

  if (sodium_init () < 0
      || crypto_pwhash_str_alg (out, password, strlen (password), PWHASH_OPSLIMIT, PWHASH_MEMLIMIT,
                                crypto_pwhash_ALG_ARGON2ID13)
           != 0)
    {
      hall_set_error (error, HALL_ERROR_INTERNAL, "password", _("Cannot protect the password (out of memory)."));
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

  for (guint i = 0; i < G_N_ELEMENTS (default_role_order); i++)
    if (roles & default_role_order[i])
      json_array_add_string_element (array, hall_role_to_string (default_role_order[i]));
  return array;
}

static HallRole
load_roles (HallDb   *db,
            gint64    user_id,
            GError  **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (db, "SELECT role FROM account_role WHERE user_id = ?1", error);
  HallRole roles = 0;
  int rc;

  if (stmt == NULL)
    return 0;
  hall_stmt_bind_int (stmt, 1, user_id);
  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
    roles |= hall_role_from_string (hall_stmt_text (stmt, 0));
  return rc == SQLITE_DONE ? roles : 0;
}

static JsonObject *
describe_user (HallCtx  *ctx,
               gint64    user_id,
               GError  **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  JsonObject *user;
  HallRole roles;

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
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "user_id", _("There is no such account."));
      return NULL;
    default:
      return NULL;
    }

  user = hall_stmt_row_object (stmt);
  roles = load_roles (ctx->db, user_id, error);
  json_object_set_array_member (user, "roles", roles_array (roles));
  return user;
}

typedef struct
{
  gint64 user_id;
  gint64 failed;
} FailedLogin;

static void
count_failed_login (HallCtx  *ctx,
                    gpointer  data)
{
  FailedLogin *failed = data;
  g_autoptr (HallStmt) stmt = NULL;
  gboolean lock = failed->failed + 1 >= MAX_FAILED_LOGINS;

  /* Reaching the limit locks the account for a while and starts the count again. */
  stmt = hall_db_prepare (ctx->db,
                          "UPDATE account SET failed_logins = ?2, locked_until = ?3 WHERE id = ?1",
                          NULL);
  if (stmt == NULL)
    return;
  hall_stmt_bind_int (stmt, 1, failed->user_id);
  hall_stmt_bind_int (stmt, 2, lock ? 0 : failed->failed + 1);
  hall_stmt_bind_int (stmt, 3, lock ? ctx->now + LOCKOUT_SECONDS : 0);
  hall_stmt_step (stmt, NULL);
}

static JsonObject *
session_login (HallCtx     *ctx,
               JsonObject  *params,
               GError     **error)
{
  const char *username = NULL, *password = NULL, *role_name = NULL;
  gint64 counter_id = 0, user_id, expires_at;
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (HallStmt) insert = NULL;
  g_autoptr (JsonObject) user = NULL;
  unsigned char raw[32];
  g_autofree char *token = NULL;
  g_autofree char *hash = NULL;
  HallRole roles, role = 0;
  JsonObject *result;
  FailedLogin *failed;

  if (!hall_param_string (params, "username", TRUE, 64, &username, error)
      || !hall_param_string (params, "password", TRUE, 128, &password, error)
      || !hall_param_enum (params, "role", FALSE, role_names, &role_name, error)
      || !hall_param_int (params, "counter_id", FALSE, 1, G_MAXINT32, &counter_id, error))
    return NULL;

  stmt = hall_db_prepare (ctx->db,
                          "SELECT id, password_hash, locked, locked_until, failed_logins "
                          "FROM account WHERE username = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, 1, username);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      break;
    case SQLITE_DONE:
      /* Spend the same time as a real check, so the answer does not tell which names exist. */
      g_free (_hall_password_hash (password, NULL));
      hall_set_error (error, HALL_ERROR_UNAUTHENTICATED, "password", _("Wrong username or password."));
      return NULL;
    default:
      return NULL;
    }

  user_id = hall_stmt_int (stmt, 0);
  hall_ctx_set_object (ctx, "account", user_id);

  if (hall_stmt_int (stmt, 2))
    {
      hall_set_error (error, HALL_ERROR_FORBIDDEN, "username",
                      _("This account is locked. Ask the hall administrator to unlock it."));
      return NULL;
    }
  if (hall_stmt_int (stmt, 3) > ctx->now)
    {
      gint64 minutes = (hall_stmt_int (stmt, 3) - ctx->now + 59) / 60;

      hall_set_error (error, HALL_ERROR_RATE_LIMITED, "password",
                      g_dngettext (GETTEXT_PACKAGE,
                                   "Too many wrong passwords. Try again in %d minute.",
                                   "Too many wrong passwords. Try again in %d minutes.", minutes),
                      (int) minutes);
      return NULL;
    }

  if (sodium_init () < 0
      || crypto_pwhash_str_verify (hall_stmt_text (stmt, 1), password, strlen (password)) != 0)
    {
      failed = g_new0 (FailedLogin, 1);
      failed->user_id = user_id;
      failed->failed = hall_stmt_int (stmt, 4);
      hall_ctx_on_failure (ctx, count_failed_login, failed, g_free);
      hall_set_error (error, HALL_ERROR_UNAUTHENTICATED, "password", _("Wrong username or password."));
      return NULL;
    }

  roles = load_roles (ctx->db, user_id, error);
  if (roles == 0)
    {
      if (error && *error == NULL)
        hall_set_error (error, HALL_ERROR_FORBIDDEN, "username", _("This account has no role in the hall."));
      return NULL;
    }

  if (role_name != NULL)
    {
      role = hall_role_from_string (role_name);
      if (!(roles & role))
        {
          hall_set_error (error, HALL_ERROR_FORBIDDEN, "role", _("This account does not hold that role."));
          return NULL;
        }
    }
  else
    {
      for (guint i = 0; i < G_N_ELEMENTS (default_role_order) && role == 0; i++)
        if (roles & default_role_order[i])
          role = default_role_order[i];
    }

  if (counter_id != 0)
    {
      g_autoptr (HallStmt) check = hall_db_prepare (ctx->db, "SELECT 1 FROM counter WHERE id = ?1", error);

      if (check == NULL)
        return NULL;
      hall_stmt_bind_int (check, 1, counter_id);
      if (hall_stmt_step (check, error) != SQLITE_ROW)
        {
          if (error && *error == NULL)
            hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "counter_id", _("There is no such window."));
          return NULL;
        }
    }

  randombytes_buf (raw, sizeof raw);
  token = g_base64_encode (raw, sizeof raw);
  for (char *p = token; *p; p++)
    if (*p == '+')
      *p = '-';
    else if (*p == '/')
      *p = '_';
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, token, -1);
  expires_at = ctx->now + HALL_SESSION_LIFETIME;

  insert = hall_db_prepare (ctx->db,
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
    g_autoptr (HallStmt) reset = hall_db_prepare (ctx->db,
                                                  "UPDATE account SET failed_logins = 0 WHERE id = ?1 "
                                                  "AND failed_logins != 0",
                                                  error);
    if (reset == NULL)
      return NULL;
    hall_stmt_bind_int (reset, 1, user_id);
    if (hall_stmt_step (reset, error) != SQLITE_DONE)
      return NULL;
  }

  user = describe_user (ctx, user_id, error);
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
session_logout (HallCtx     *ctx,
                JsonObject  *params,
                GError     **error)
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
session_whoami (HallCtx     *ctx,
                JsonObject  *params,
                GError     **error)
{
  g_autoptr (JsonObject) user = describe_user (ctx, ctx->actor->user_id, error);
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
session_switch (HallCtx     *ctx,
                JsonObject  *params,
                GError     **error)
{
  const char *role_name = NULL;
  gint64 counter_id = ctx->actor->counter_id;
  g_autoptr (HallStmt) stmt = NULL;
  HallRole role;

  if (!hall_param_enum (params, "role", FALSE, role_names, &role_name, error)
      || !hall_param_int (params, "counter_id", FALSE, 0, G_MAXINT32, &counter_id, error))
    return NULL;

  role = role_name ? hall_role_from_string (role_name) : ctx->actor->role;
  if (!(ctx->actor->roles & role))
    {
      hall_set_error (error, HALL_ERROR_FORBIDDEN, "role", _("This account does not hold that role."));
      return NULL;
    }

  if (counter_id != 0)
    {
      g_autoptr (HallStmt) check = hall_db_prepare (ctx->db, "SELECT 1 FROM counter WHERE id = ?1", error);

      if (check == NULL)
        return NULL;
      hall_stmt_bind_int (check, 1, counter_id);
      if (hall_stmt_step (check, error) != SQLITE_ROW)
        {
          if (error && *error == NULL)
            hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "counter_id", _("There is no such window."));
          return NULL;
        }
    }

  stmt = hall_db_prepare (ctx->db, "UPDATE session SET role = ?2, counter_id = ?3 WHERE id = ?1", error);
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

static gboolean
lookup_department_code (HallCtx     *ctx,
                        const char  *code,
                        gint64      *department_id,
                        GError     **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, "SELECT id FROM department WHERE code = ?1", error);

  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_text (stmt, 1, code);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      *department_id = hall_stmt_int (stmt, 0);
      return TRUE;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "department", _("There is no department “%s”."), code);
      return FALSE;
    default:
      return FALSE;
    }
}

static gboolean
set_roles (HallCtx     *ctx,
           gint64       user_id,
           JsonArray   *roles,
           GError     **error)
{
  g_autoptr (HallStmt) clear = NULL;
  guint n = json_array_get_length (roles);

  if (n == 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "roles", _("Give the account at least one role."));
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
          || !g_strv_contains (role_names, (name = json_node_get_string (node))))
        {
          g_autofree char *choices = g_strjoinv (", ", (char **) role_names);
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "roles", _("Must be one of: %s."), choices);
          return FALSE;
        }

      insert = hall_db_prepare (ctx->db,
                                "INSERT OR IGNORE INTO account_role (user_id, role) VALUES (?1, ?2)", error);
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
user_create (HallCtx     *ctx,
             JsonObject  *params,
             GError     **error)
{
  const char *username = NULL, *display_name = NULL, *password = NULL, *department = NULL;
  gint64 department_id = 0, user_id;
  JsonArray *roles = NULL;
  g_autofree char *hash = NULL;
  g_autoptr (HallStmt) insert = NULL;
  g_autoptr (JsonObject) user = NULL;

  if (!hall_param_string (params, "username", TRUE, 64, &username, error)
      || !hall_param_string (params, "display_name", FALSE, 64, &display_name, error)
      || !hall_param_array (params, "roles", TRUE, 6, &roles, error)
      || !hall_param_string (params, "department", FALSE, 32, &department, error)
      || !check_new_password (params, &password, error))
    return NULL;

  for (const char *p = username; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '.' && *p != '_' && *p != '-')
      {
        hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "username",
                        _("Use letters, digits, “.”, “_” or “-” only."));
        return NULL;
      }

  if (department != NULL && !lookup_department_code (ctx, department, &department_id, error))
    return NULL;

  hash = _hall_password_hash (password, error);
  if (hash == NULL)
    return NULL;

  insert = hall_db_prepare (ctx->db,
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
      hall_set_error (error, HALL_ERROR_CONFLICT, "username", _("The username “%s” is taken."), username);
      return NULL;
    }
  user_id = hall_db_last_insert_id (ctx->db);
  hall_ctx_set_object (ctx, "account", user_id);

  if (!set_roles (ctx, user_id, roles, error))
    return NULL;

  {
    JsonObject *payload = json_object_new ();
    json_object_set_int_member (payload, "user_id", user_id);
    if (!hall_ctx_emit (ctx, "account.changed", payload, error))
      return NULL;
  }

  user = describe_user (ctx, user_id, error);
  if (user == NULL)
    return NULL;
  {
    JsonObject *result = json_object_new ();
    json_object_set_object_member (result, "user", g_steal_pointer (&user));
    return result;
  }
}

static JsonObject *
user_list (HallCtx     *ctx,
           JsonObject  *params,
           GError     **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (JsonArray) users = json_array_new ();
  JsonObject *result;
  int rc;

  stmt = hall_db_prepare (ctx->db, "SELECT id FROM account ORDER BY username", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      JsonObject *user = describe_user (ctx, hall_stmt_int (stmt, 0), error);
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
require_account (HallCtx     *ctx,
                 JsonObject  *params,
                 gint64      *user_id,
                 GError     **error)
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
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "user_id", _("There is no such account."));
      return FALSE;
    default:
      return FALSE;
    }
}

static gboolean
end_sessions (HallCtx  *ctx,
              gint64    user_id,
              GError  **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, "DELETE FROM session WHERE user_id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, user_id);
  return hall_stmt_step (stmt, error) == SQLITE_DONE;
}

static JsonObject *
changed_user (HallCtx  *ctx,
              gint64    user_id,
              GError  **error)
{
  JsonObject *payload = json_object_new ();
  g_autoptr (JsonObject) user = NULL;
  JsonObject *result;

  json_object_set_int_member (payload, "user_id", user_id);
  if (!hall_ctx_emit (ctx, "account.changed", payload, error))
    return NULL;
  user = describe_user (ctx, user_id, error);
  if (user == NULL)
    return NULL;
  result = json_object_new ();
  json_object_set_object_member (result, "user", g_steal_pointer (&user));
  return result;
}

static JsonObject *
user_update (HallCtx     *ctx,
             JsonObject  *params,
             GError     **error)
{
  const char *display_name = NULL, *department = NULL;
  gint64 user_id, department_id = 0;
  JsonArray *roles = NULL;

  if (!require_account (ctx, params, &user_id, error)
      || !hall_param_string (params, "display_name", FALSE, 64, &display_name, error)
      || !hall_param_string (params, "department", FALSE, 32, &department, error)
      || !hall_param_array (params, "roles", FALSE, 6, &roles, error))
    return NULL;

  if (display_name != NULL)
    {
      g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, "UPDATE account SET display_name = ?2 WHERE id = ?1", error);
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
      stmt = hall_db_prepare (ctx->db, "UPDATE account SET department_id = ?2 WHERE id = ?1", error);
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
user_set_password (HallCtx     *ctx,
                   JsonObject  *params,
                   GError     **error)
{
  const char *password = NULL;
  g_autofree char *hash = NULL;
  g_autoptr (HallStmt) stmt = NULL;
  gint64 user_id;

  if (!require_account (ctx, params, &user_id, error) || !check_new_password (params, &password, error))
    return NULL;

  hash = _hall_password_hash (password, error);
  if (hash == NULL)
    return NULL;

  stmt = hall_db_prepare (ctx->db,
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
user_set_locked (HallCtx     *ctx,
                 JsonObject  *params,
                 GError     **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  gboolean locked = FALSE;
  gint64 user_id;

  if (!require_account (ctx, params, &user_id, error)
      || !hall_param_bool (params, "locked", TRUE, &locked, error))
    return NULL;

  if (locked && user_id == ctx->actor->user_id)
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "locked", _("You cannot lock your own account."));
      return NULL;
    }

  stmt = hall_db_prepare (ctx->db,
                          "UPDATE account SET locked = ?2, failed_logins = 0, locked_until = 0 WHERE id = ?1",
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
audit_list (HallCtx     *ctx,
            JsonObject  *params,
            GError     **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  const char *object_type = NULL, *object_id = NULL;
  gint64 before = G_MAXINT64, limit = 200;
  JsonArray *rows;
  JsonObject *result;

  if (!hall_param_int (params, "before", FALSE, 1, G_MAXINT64, &before, error)
      || !hall_param_int (params, "limit", FALSE, 1, 1000, &limit, error)
      || !hall_param_string (params, "object_type", FALSE, 32, &object_type, error)
      || !hall_param_string (params, "object_id", FALSE, 64, &object_id, error))
    return NULL;

  stmt = hall_db_prepare (ctx->db,
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

static JsonObject *
events_since (HallCtx     *ctx,
              JsonObject  *params,
              GError     **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (JsonArray) events = json_array_new ();
  gint64 since = 0, limit = 1000, last = since;
  JsonObject *result;
  int rc;

  if (!hall_param_int (params, "since", TRUE, 0, G_MAXINT64, &since, error)
      || !hall_param_int (params, "limit", FALSE, 1, 10000, &limit, error))
    return NULL;

  stmt = hall_db_prepare (ctx->db,
                          "SELECT seq, kind, at, payload FROM event WHERE seq > ?1 ORDER BY seq LIMIT ?2",
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
  json_object_set_boolean_member (result, "more", json_array_get_length (
                                    json_object_get_array_member (result, "events")) == (guint) limit);
  return result;
}

const HallCommand _hall_session_commands[] = {
  { "session.login", session_login, HALL_ROLES_ALL, HALL_COMMAND_WRITE | HALL_COMMAND_PUBLIC },
  { "session.logout", session_logout, HALL_ROLES_ALL, HALL_COMMAND_WRITE },
  { "session.whoami", session_whoami, HALL_ROLES_ALL, HALL_COMMAND_READ },
  { "session.switch", session_switch, HALL_ROLES_ALL, HALL_COMMAND_WRITE },
  { "user.create", user_create, HALL_ROLE_ADMIN, HALL_COMMAND_WRITE },
  { "user.list", user_list, HALL_ROLE_ADMIN | HALL_ROLE_MANAGER, HALL_COMMAND_READ },
  { "user.update", user_update, HALL_ROLE_ADMIN, HALL_COMMAND_WRITE },
  { "user.set_password", user_set_password, HALL_ROLE_ADMIN, HALL_COMMAND_WRITE },
  { "user.set_locked", user_set_locked, HALL_ROLE_ADMIN, HALL_COMMAND_WRITE },
  { "audit.list", audit_list, HALL_ROLE_ADMIN, HALL_COMMAND_READ },
  { "events.since", events_since, HALL_ROLES_ALL, HALL_COMMAND_READ },
  { NULL }
};
