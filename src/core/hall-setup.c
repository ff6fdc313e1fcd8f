/* hall-setup.c — the hall's own setup: name, departments, counters, problem categories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-setup"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-engine.h"
#include "hall-commands-private.h"

static const struct
{
  const char *key;
  gint64      min, max;
} int_settings[] = {
  { "priority_max_wait_minutes", 1, 600 },
  { "wait_norm_minutes", 1, 600 },
  /* the daily backup (hall-backup.c): on or off, minutes past midnight, how many are kept */
  { "backup_enabled", 0, 1 },
  { "backup_minute", 0, 24 * 60 - 1 },
  { "backup_keep", 1, 365 },
  /* 回访核实 (hall-followup.c): the follow-up is due this many working days after closing, and
   * a matter sent back for 整改 is replied again within this many */
  { "followup_days", 1, 30 },
  { "rectify_days", 1, 60 },
};

static gboolean
emit_setup_changed (HallCtx    *ctx,
                    const char *what,
                    gint64      id,
                    GError    **error)
{
  JsonObject *payload = json_object_new ();

  json_object_set_string_member (payload, "what", what);
  if (id)
    json_object_set_int_member (payload, "id", id);
  return hall_ctx_emit (ctx, "setup.changed", payload, error) != 0;
}

static JsonArray *
query_all (HallCtx    *ctx,
           const char *sql,
           GError    **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, sql, error);

  if (stmt == NULL)
    return NULL;
  return hall_stmt_all_objects (stmt, error);
}

static JsonObject *
hall_info (HallCtx    *ctx,
           JsonObject *params,
           GError    **error)
{
  g_autoptr (JsonObject) result = json_object_new ();
  g_autoptr (JsonObject) settings = json_object_new ();
  g_autoptr (HallStmt) stmt = NULL;
  JsonArray *array;
  int        rc;

  stmt = hall_db_prepare (ctx->db, "SELECT key, value FROM hall_setting", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      const char *key = hall_stmt_text (stmt, 0);

      /* The text settings; every other one is a number. */
      if (g_str_equal (key, "hall_name") || g_str_equal (key, "review_body"))
        json_object_set_string_member (result, key, hall_stmt_text (stmt, 1));
      else
        json_object_set_int_member (settings, key,
                                    g_ascii_strtoll (hall_stmt_text (stmt, 1), NULL, 10));
    }
  if (rc == 0)
    return NULL;
  json_object_set_object_member (result, "settings", g_steal_pointer (&settings));

  if (!(array = query_all (ctx,
                           "SELECT id, code, name, prefix, is_legal, sort, active FROM department "
                           "ORDER BY sort, id",
                           error)))
    return NULL;
  json_object_set_array_member (result, "departments", array);

  if (!(array = query_all (
            ctx,
            "SELECT c.id, c.number, c.name, "
            "(SELECT json_group_array (department_id) FROM "
            "  (SELECT department_id FROM counter_department cd WHERE cd.counter_id = c.id "
            "   ORDER BY department_id)) AS department_ids_json "
            "FROM counter c ORDER BY c.number",
            error)))
    return NULL;
  json_object_set_array_member (result, "counters", array);

  if (!(array = query_all (ctx,
                           "SELECT id, name, department_id, litigation, sort, active FROM category "
                           "ORDER BY sort, id",
                           error)))
    return NULL;
  json_object_set_array_member (result, "categories", array);

  json_object_set_string_member (result, "today", ctx->today);
  json_object_set_int_member (result, "now", ctx->now);
  json_object_set_int_member (result, "last_seq", hall_engine_get_last_seq (ctx->engine));
  return g_steal_pointer (&result);
}

static gboolean
set_setting (HallCtx    *ctx,
             const char *key,
             const char *value,
             GError    **error)
{
  g_autoptr (HallStmt) stmt =
      hall_db_prepare (ctx->db,
                       "INSERT INTO hall_setting (key, value) VALUES (?1, ?2) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                       error);

  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_text (stmt, 1, key);
  hall_stmt_bind_text (stmt, 2, value);
  return hall_stmt_step (stmt, error) == SQLITE_DONE;
}

static JsonObject *
hall_configure (HallCtx    *ctx,
                JsonObject *params,
                GError    **error)
{
  const char *hall_name = NULL, *review_body = NULL;

  if (!hall_param_string (params, "hall_name", FALSE, 40, &hall_name, error)
      || !hall_param_string (params, "review_body", FALSE, 60, &review_body, error))
    return NULL;
  if (hall_name != NULL && !set_setting (ctx, "hall_name", hall_name, error))
    return NULL;
  /* 复查机关, named on the written opinions; given empty, the papers' own wording comes back. */
  if (review_body != NULL && !set_setting (ctx, "review_body", review_body, error))
    return NULL;
  if (review_body == NULL && json_object_has_member (params, "review_body"))
    {
      g_autoptr (HallStmt) stmt =
          hall_db_prepare (ctx->db, "DELETE FROM hall_setting WHERE key = 'review_body'", error);

      if (stmt == NULL || hall_stmt_step (stmt, error) != SQLITE_DONE)
        return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (int_settings); i++)
    {
      gint64 value = -1;

      if (!hall_param_int (params, int_settings[i].key, FALSE, int_settings[i].min,
                           int_settings[i].max, &value, error))
        return NULL;
      if (value >= 0)
        {
          g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, value);
          if (!set_setting (ctx, int_settings[i].key, text, error))
            return NULL;
        }
    }

  if (!emit_setup_changed (ctx, "hall", 0, error))
    return NULL;
  return hall_info (ctx, params, error);
}

static gboolean
row_exists (HallCtx    *ctx,
            const char *sql,
            gint64      id,
            const char *field,
            const char *message,
            GError    **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      return TRUE;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, field, "%s", message);
      return FALSE;
    default:
      return FALSE;
    }
}

static gboolean
department_exists (HallCtx    *ctx,
                   gint64      id,
                   const char *field,
                   GError    **error)
{
  return row_exists (ctx, "SELECT 1 FROM department WHERE id = ?1", id, field,
                     _ ("There is no such department."), error);
}

/* Who else holds a unique value: @sql selects a name for ?1 the value (@text, or @number when
 * @text is NULL) among rows other than ?2 @id. *@holder is NULL when the value is free. */
static gboolean
find_holder (HallCtx    *ctx,
             const char *sql,
             const char *text,
             gint64      number,
             gint64      id,
             char      **holder,
             GError    **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, sql, error);

  *holder = NULL;
  if (stmt == NULL)
    return FALSE;
  if (text != NULL)
    hall_stmt_bind_text (stmt, 1, text);
  else
    hall_stmt_bind_int (stmt, 1, number);
  hall_stmt_bind_int (stmt, 2, id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      *holder = g_strdup (hall_stmt_text (stmt, 0));
      return TRUE;
    case SQLITE_DONE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* A department's code, name and ticket letter are its own: a taken one is named, with what to do.
 */
static gboolean
check_department_unique (HallCtx    *ctx,
                         gint64      id,
                         const char *code,
                         const char *name,
                         const char *prefix,
                         GError    **error)
{
  g_autofree char *holder = NULL;

  if (code != NULL)
    {
      if (!find_holder (ctx, "SELECT name FROM department WHERE code = ?1 AND id != ?2", code, 0,
                        id, &holder, error))
        return FALSE;
      if (holder != NULL)
        {
          hall_set_error (error, HALL_ERROR_CONFLICT, "code",
                          _ ("Department %s already has the code “%s”. Choose another code."),
                          holder, code);
          return FALSE;
        }
    }
  if (name != NULL)
    {
      if (!find_holder (ctx, "SELECT name FROM department WHERE name = ?1 AND id != ?2", name, 0,
                        id, &holder, error))
        return FALSE;
      if (holder != NULL)
        {
          hall_set_error (error, HALL_ERROR_CONFLICT, "name",
                          _ ("A department called “%s” already exists. Choose another name."),
                          name);
          return FALSE;
        }
    }
  if (prefix != NULL)
    {
      if (!find_holder (ctx, "SELECT name FROM department WHERE prefix = ?1 AND id != ?2", prefix,
                        0, id, &holder, error))
        return FALSE;
      if (holder != NULL)
        {
          hall_set_error (
              error, HALL_ERROR_CONFLICT, "prefix",
              _ ("Department %s already uses the ticket letter %s. Choose another letter."), holder,
              prefix);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
_hall_department_check_active (HallCtx    *ctx,
                               gint64      department_id,
                               const char *field,
                               GError    **error)
{
  g_autoptr (HallStmt) stmt =
      hall_db_prepare (ctx->db, "SELECT active FROM department WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, department_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      if (hall_stmt_int (stmt, 0))
        return TRUE;
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, field,
                      _ ("This department no longer works in the hall."));
      return FALSE;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, field,
                      _ ("There is no such department."));
      return FALSE;
    default:
      return FALSE;
    }
}

/* A unique-constraint failure says which value is taken, in the clerk's words. */
static void
explain_conflict (GError    **error,
                  const char *field,
                  const char *message)
{
  if (error && *error && g_error_matches (*error, HALL_ERROR, HALL_ERROR_CONFLICT))
    {
      g_clear_error (error);
      hall_set_error (error, HALL_ERROR_CONFLICT, field, "%s", message);
    }
}

static JsonObject *
department_save (HallCtx    *ctx,
                 JsonObject *params,
                 GError    **error)
{
  const char *code = NULL, *name = NULL, *prefix = NULL;
  gint64      id = 0, sort = 0;
  gboolean    is_legal = FALSE, active = TRUE;
  g_autoptr (HallStmt) stmt = NULL;
  gboolean creating;

  if (!hall_param_int (params, "id", FALSE, 1, G_MAXINT32, &id, error))
    return NULL;
  creating = id == 0;
  if (!hall_param_string (params, "code", creating, 32, &code, error)
      || !hall_param_string (params, "name", creating, 40, &name, error)
      || !hall_param_string (params, "prefix", creating, 1, &prefix, error)
      || !hall_param_bool (params, "is_legal", FALSE, &is_legal, error)
      || !hall_param_bool (params, "active", FALSE, &active, error)
      || !hall_param_int (params, "sort", FALSE, 0, 9999, &sort, error))
    return NULL;

  if (prefix != NULL && !(prefix[0] >= 'A' && prefix[0] <= 'Z'))
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "prefix",
                      _ ("The ticket prefix must be one capital letter A–Z."));
      return NULL;
    }
  if (code != NULL)
    for (const char *p = code; *p; p++)
      if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "code",
                          _ ("Use lower-case letters, digits and “_” only."));
          return NULL;
        }

  if (!check_department_unique (ctx, id, code, name, prefix, error))
    return NULL;

  if (creating)
    {
      stmt = hall_db_prepare (ctx->db,
                              "INSERT INTO department (code, name, prefix, is_legal, sort, active) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                              error);
      if (stmt == NULL)
        return NULL;
      hall_stmt_bind_int (stmt, 4, is_legal);
      hall_stmt_bind_int (stmt, 5, sort);
      hall_stmt_bind_int (stmt, 6, active);
    }
  else
    {
      if (!department_exists (ctx, id, "id", error))
        return NULL;
      stmt = hall_db_prepare (
          ctx->db,
          "UPDATE department SET code = COALESCE (?1, code), name = COALESCE (?2, name), "
          "prefix = COALESCE (?3, prefix), is_legal = COALESCE (?4, is_legal), "
          "sort = COALESCE (?5, sort), active = COALESCE (?6, active) WHERE id = ?7",
          error);
      if (stmt == NULL)
        return NULL;
      if (json_object_has_member (params, "is_legal"))
        hall_stmt_bind_int (stmt, 4, is_legal);
      if (json_object_has_member (params, "sort"))
        hall_stmt_bind_int (stmt, 5, sort);
      if (json_object_has_member (params, "active"))
        hall_stmt_bind_int (stmt, 6, active);
      hall_stmt_bind_int (stmt, 7, id);
    }
  hall_stmt_bind_text (stmt, 1, code);
  hall_stmt_bind_text (stmt, 2, name);
  hall_stmt_bind_text (stmt, 3, prefix);
  if (hall_stmt_step (stmt, error) != SQLITE_DONE)
    {
      explain_conflict (error, NULL,
                        _ ("Another department already has this code, name or ticket prefix."));
      return NULL;
    }
  if (creating)
    id = hall_db_last_insert_id (ctx->db);
  hall_ctx_set_object (ctx, "department", id);

  if (!emit_setup_changed (ctx, "department", id, error))
    return NULL;
  {
    JsonObject *result = json_object_new ();
    json_object_set_int_member (result, "id", id);
    return result;
  }
}

static gboolean
set_counter_departments (HallCtx   *ctx,
                         gint64     counter_id,
                         JsonArray *department_ids,
                         GError   **error)
{
  g_autoptr (HallStmt) clear = NULL;
  guint n = json_array_get_length (department_ids);

  if (n == 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "department_ids",
                      _ ("A window serves at least one department."));
      return FALSE;
    }

  clear = hall_db_prepare (ctx->db, "DELETE FROM counter_department WHERE counter_id = ?1", error);
  if (clear == NULL)
    return FALSE;
  hall_stmt_bind_int (clear, 1, counter_id);
  if (hall_stmt_step (clear, error) != SQLITE_DONE)
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (department_ids, i);
      g_autoptr (HallStmt) insert = NULL;

      if (json_node_get_value_type (node) != G_TYPE_INT64)
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "department_ids",
                          _ ("Must be a list of department ids."));
          return FALSE;
        }
      if (!department_exists (ctx, json_node_get_int (node), "department_ids", error))
        return FALSE;

      insert =
          hall_db_prepare (ctx->db,
                           "INSERT OR IGNORE INTO counter_department (counter_id, department_id) "
                           "VALUES (?1, ?2)",
                           error);
      if (insert == NULL)
        return FALSE;
      hall_stmt_bind_int (insert, 1, counter_id);
      hall_stmt_bind_int (insert, 2, json_node_get_int (node));
      if (hall_stmt_step (insert, error) != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}

/* Admins add and rename windows; the hall manager may change which departments a window serves. */
static JsonObject *
counter_save (HallCtx    *ctx,
              JsonObject *params,
              GError    **error)
{
  const char *name = NULL;
  gint64      id = 0, number = 0;
  JsonArray  *department_ids = NULL;
  gboolean    creating;

  if (!hall_param_int (params, "id", FALSE, 1, G_MAXINT32, &id, error))
    return NULL;
  creating = id == 0;
  if (!hall_param_int (params, "number", creating, 1, 99, &number, error)
      || !hall_param_string (params, "name", FALSE, 40, &name, error)
      || !hall_param_array (params, "department_ids", creating, 40, &department_ids, error))
    return NULL;

  if (!hall_ctx_is (ctx, HALL_ROLE_ADMIN | HALL_ROLE_SYSTEM) && (creating || number || name))
    {
      hall_set_error (error, HALL_ERROR_FORBIDDEN, creating ? "id" : (number ? "number" : "name"),
                      _ ("Only an administrator adds, numbers or renames windows."));
      return NULL;
    }

  /* A window's number is its own. */
  if (number != 0)
    {
      g_autofree char *holder = NULL;

      if (!find_holder (ctx, "SELECT name FROM counter WHERE number = ?1 AND id != ?2", NULL,
                        number, id, &holder, error))
        return NULL;
      if (holder != NULL)
        {
          hall_set_error (error, HALL_ERROR_CONFLICT, "number",
                          _ ("Window number %d is taken (%s). Choose another number."),
                          (int) number, holder);
          return NULL;
        }
    }

  if (creating)
    {
      g_autoptr (HallStmt) stmt =
          hall_db_prepare (ctx->db, "INSERT INTO counter (number, name) VALUES (?1, ?2)", error);
      g_autofree char *default_name = g_strdup_printf (_ ("Window %d"), (int) number);

      if (stmt == NULL)
        return NULL;
      hall_stmt_bind_int (stmt, 1, number);
      hall_stmt_bind_text (stmt, 2, name ? name : default_name);
      if (hall_stmt_step (stmt, error) != SQLITE_DONE)
        {
          explain_conflict (error, "number", _ ("A window with this number already exists."));
          return NULL;
        }
      id = hall_db_last_insert_id (ctx->db);
    }
  else
    {
      g_autoptr (HallStmt) stmt = NULL;

      if (!row_exists (ctx, "SELECT 1 FROM counter WHERE id = ?1", id, "id",
                       _ ("There is no such window."), error))
        return NULL;
      stmt = hall_db_prepare (
          ctx->db,
          "UPDATE counter SET number = COALESCE (?2, number), name = COALESCE (?3, name) "
          "WHERE id = ?1",
          error);
      if (stmt == NULL)
        return NULL;
      hall_stmt_bind_int (stmt, 1, id);
      if (number)
        hall_stmt_bind_int (stmt, 2, number);
      hall_stmt_bind_text (stmt, 3, name);
      if (hall_stmt_step (stmt, error) != SQLITE_DONE)
        {
          explain_conflict (error, "number", _ ("A window with this number already exists."));
          return NULL;
        }
    }
  hall_ctx_set_object (ctx, "counter", id);

  if (department_ids != NULL && !set_counter_departments (ctx, id, department_ids, error))
    return NULL;

  if (!emit_setup_changed (ctx, "counter", id, error))
    return NULL;
  {
    JsonObject *result = json_object_new ();
    json_object_set_int_member (result, "id", id);
    return result;
  }
}

static JsonObject *
category_save (HallCtx    *ctx,
               JsonObject *params,
               GError    **error)
{
  const char *name = NULL;
  gint64      id = 0, department_id = 0, sort = 0;
  gboolean    litigation = FALSE, active = TRUE;
  g_autoptr (HallStmt) stmt = NULL;
  gboolean creating;

  if (!hall_param_int (params, "id", FALSE, 1, G_MAXINT32, &id, error))
    return NULL;
  creating = id == 0;
  if (!hall_param_string (params, "name", creating, 40, &name, error)
      || !hall_param_int (params, "department_id", creating, 1, G_MAXINT32, &department_id, error)
      || !hall_param_bool (params, "litigation", FALSE, &litigation, error)
      || !hall_param_bool (params, "active", FALSE, &active, error)
      || !hall_param_int (params, "sort", FALSE, 0, 9999, &sort, error))
    return NULL;

  if (department_id && !department_exists (ctx, department_id, "department_id", error))
    return NULL;

  /* A category's name is its own. */
  if (name != NULL)
    {
      g_autofree char *holder = NULL;

      if (!find_holder (ctx, "SELECT name FROM category WHERE name = ?1 AND id != ?2", name, 0, id,
                        &holder, error))
        return NULL;
      if (holder != NULL)
        {
          hall_set_error (error, HALL_ERROR_CONFLICT, "name",
                          _ ("A category called “%s” already exists. Choose another name."), name);
          return NULL;
        }
    }

  if (creating)
    {
      stmt =
          hall_db_prepare (ctx->db,
                           "INSERT INTO category (name, department_id, litigation, sort, active) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)",
                           error);
      if (stmt == NULL)
        return NULL;
      hall_stmt_bind_int (stmt, 3, litigation);
      hall_stmt_bind_int (stmt, 4, sort);
      hall_stmt_bind_int (stmt, 5, active);
    }
  else
    {
      if (!row_exists (ctx, "SELECT 1 FROM category WHERE id = ?1", id, "id",
                       _ ("There is no such category."), error))
        return NULL;
      stmt = hall_db_prepare (ctx->db,
                              "UPDATE category SET name = COALESCE (?1, name), "
                              "department_id = COALESCE (?2, department_id), "
                              "litigation = COALESCE (?3, litigation), sort = COALESCE (?4, sort), "
                              "active = COALESCE (?5, active) WHERE id = ?6",
                              error);
      if (stmt == NULL)
        return NULL;
      if (json_object_has_member (params, "litigation"))
        hall_stmt_bind_int (stmt, 3, litigation);
      if (json_object_has_member (params, "sort"))
        hall_stmt_bind_int (stmt, 4, sort);
      if (json_object_has_member (params, "active"))
        hall_stmt_bind_int (stmt, 5, active);
      hall_stmt_bind_int (stmt, 6, id);
    }
  hall_stmt_bind_text (stmt, 1, name);
  hall_stmt_bind_id (stmt, 2, department_id);
  if (hall_stmt_step (stmt, error) != SQLITE_DONE)
    {
      explain_conflict (error, "name", _ ("A category with this name already exists."));
      return NULL;
    }
  if (creating)
    id = hall_db_last_insert_id (ctx->db);
  hall_ctx_set_object (ctx, "category", id);

  if (!emit_setup_changed (ctx, "category", id, error))
    return NULL;
  {
    JsonObject *result = json_object_new ();
    json_object_set_int_member (result, "id", id);
    return result;
  }
}

const HallCommand _hall_setup_commands[] = {
  { "hall.info", hall_info, HALL_ROLES_ALL, HALL_COMMAND_READ },
  { "hall.configure", hall_configure, HALL_ROLE_ADMIN, HALL_COMMAND_WRITE },
  { "department.save", department_save, HALL_ROLE_ADMIN, HALL_COMMAND_WRITE },
  { "counter.save", counter_save, HALL_ROLE_ADMIN | HALL_ROLE_MANAGER, HALL_COMMAND_WRITE },
  { "category.save", category_save, HALL_ROLE_ADMIN, HALL_COMMAND_WRITE },
  { NULL }
};
