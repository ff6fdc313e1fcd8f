/* hall-petitioner.c — petitioners (信访人): finding or recording a person, and
 * petitioner.lookup (a person's earlier visits and matters)
 *
 * A person is the same person when the ID number is the same. Without an ID number, the same
 * name with the same phone number is taken as the same person; otherwise a new record is made.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-petitioner"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-idcard.h"
#include "hall-matter-private.h"
#include "hall-queue-private.h"

#define NAME_MAX_CHARS 40
#define ADDRESS_MAX_CHARS 200
#define LOOKUP_MAX_PERSONS 20
#define LOOKUP_MAX_ROWS 50

static const char *const sexes[] = { "male", "female", NULL };

/* Moves @inner into @error with its field prefixed: "petitioners[2].id_number". */
static gboolean
fail_prefixed (GError     *inner,
               const char *prefix,
               GError    **error)
{
  const char      *field = hall_error_get_field (inner);
  g_autofree char *full = NULL;

  if (prefix != NULL && *prefix != '\0')
    full = field ? g_strdup_printf ("%s.%s", prefix, field) : g_strdup (prefix);
  else
    full = g_strdup (field);
  g_propagate_error (error, hall_error_new_literal (
                                inner->domain == HALL_ERROR ? inner->code : HALL_ERROR_INTERNAL,
                                full, inner->message));
  g_error_free (inner);
  return FALSE;
}

static gint64
count_earlier_visits (HallCtx *ctx,
                      gint64   petitioner_id,
                      GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;

  /* Visits (tickets) and matters, counting a matter registered on one of the person's own
   * tickets once. */
  stmt = hall_db_prepare (
      ctx->db,
      "SELECT (SELECT count(*) FROM ticket WHERE petitioner_id = ?1) + "
      "(SELECT count(*) FROM matter_petitioner mp JOIN matter m ON m.id = mp.matter_id "
      " WHERE mp.petitioner_id = ?1 AND (m.ticket_id IS NULL OR NOT EXISTS "
      "  (SELECT 1 FROM ticket t WHERE t.id = m.ticket_id AND t.petitioner_id = ?1)))",
      error);
  if (stmt == NULL)
    return -1;
  hall_stmt_bind_int (stmt, 1, petitioner_id);
  if (hall_stmt_step (stmt, error) != SQLITE_ROW)
    return -1;
  return hall_stmt_int (stmt, 0);
}

/* Runs @sql (?1 @petitioner_id) and gives each id it returns to @check until one says yes. */
static gboolean
any_visible (HallCtx    *ctx,
             const char *sql,
             gint64      petitioner_id,
             JsonObject *(*load) (HallCtx *, gint64, GError **),
             gboolean (*check) (HallCtx *, JsonObject *, gboolean *, GError **),
             gboolean *visible,
             GError  **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, sql, error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  *visible = FALSE;
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, petitioner_id);
  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      gint64 id = hall_stmt_int (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return FALSE;
  g_clear_pointer (&stmt, hall_stmt_release);

  for (guint i = 0; i < ids->len && !*visible; i++)
    {
      g_autoptr (JsonObject) object = load (ctx, g_array_index (ids, gint64, i), error);

      if (object == NULL || !check (ctx, object, visible, error))
        return FALSE;
    }
  return TRUE;
}

static JsonObject *
load_matter (HallCtx *ctx,
             gint64   matter_id,
             GError **error)
{
  return _hall_matter_load (ctx, matter_id, NULL, error);
}

static gboolean
matter_visible (HallCtx    *ctx,
                JsonObject *matter,
                gboolean   *visible,
                GError    **error)
{
  *visible = _hall_matter_allowed (ctx, matter, HALL_MATTER_READ);
  return TRUE;
}

gboolean
_hall_petitioner_visible (HallCtx  *ctx,
                          gint64    petitioner_id,
                          gboolean *visible,
                          GError  **error)
{
  *visible = hall_ctx_is (ctx, HALL_ROLE_SYSTEM | HALL_ROLE_MANAGER | HALL_ROLE_LEADER);
  if (*visible || !hall_ctx_is (ctx, HALL_ROLE_STAFF))
    return TRUE;

  /* Ids are sequential and tickets hand them out: a window sees a person only through a matter
   * or a ticket of its own, never by naming them. */
  if (!any_visible (ctx, "SELECT matter_id FROM matter_petitioner WHERE petitioner_id = ?1",
                    petitioner_id, load_matter, matter_visible, visible, error))
    return FALSE;
  if (*visible)
    return TRUE;
  return any_visible (ctx, "SELECT id FROM ticket WHERE petitioner_id = ?1 ORDER BY id DESC",
                      petitioner_id, _hall_queue_ticket_object, _hall_ticket_visible, visible,
                      error);
}

/* Updates what the person told us this time; what they did not say stays as it was. What was
 * typed at the kiosk, by anyone who knows a name and an ID number, only fills what is missing:
 * it never replaces the phone or address a window took down. */
static gboolean
update_contact (HallCtx    *ctx,
                gint64      petitioner_id,
                const char *phone,
                const char *sex,
                const char *birth_date,
                const char *address,
                GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;

  if (phone == NULL && sex == NULL && birth_date == NULL && address == NULL)
    return TRUE;
  stmt = hall_db_prepare (
      ctx->db,
      hall_ctx_is (ctx, HALL_ROLE_KIOSK)
          ? "UPDATE petitioner SET phone = coalesce(phone, ?2), sex = coalesce(sex, ?3), "
            "birth_date = coalesce(birth_date, ?4), address = coalesce(address, ?5), "
            "updated_at = ?6 WHERE id = ?1"
          : "UPDATE petitioner SET phone = coalesce(?2, phone), sex = coalesce(?3, sex), "
            "birth_date = coalesce(?4, birth_date), address = coalesce(?5, address), "
            "updated_at = ?6 WHERE id = ?1",
      error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, petitioner_id);
  hall_stmt_bind_text (stmt, 2, phone);
  hall_stmt_bind_text (stmt, 3, sex);
  hall_stmt_bind_text (stmt, 4, birth_date);
  hall_stmt_bind_text (stmt, 5, address);
  hall_stmt_bind_int (stmt, 6, ctx->now);
  return _hall_matter_exec (stmt, error);
}

static gboolean
find_person (HallCtx    *ctx,
             const char *sql,
             const char *arg1,
             const char *arg2,
             gint64     *id,
             char      **name,
             GError    **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, sql, error);

  *id = 0;
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_text (stmt, 1, arg1);
  hall_stmt_bind_text (stmt, 2, arg2);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      *id = hall_stmt_int (stmt, 0);
      if (name)
        *name = g_strdup (hall_stmt_text (stmt, 1));
      return TRUE;
    case SQLITE_DONE:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
resolve (HallCtx    *ctx,
         JsonObject *petitioner,
         gint64     *petitioner_id,
         GError    **error)
{
  const char      *name = NULL, *id_input = NULL, *phone_input = NULL, *sex = NULL, *address = NULL;
  g_autofree char *id_number = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *birth_date = NULL;
  g_autofree char *known_name = NULL;
  gint64           existing_id = 0, id = 0;

  /* The kiosk is a public device: it may not name people on record. */
  if (hall_ctx_is (ctx, HALL_ROLE_KIOSK) && json_object_has_member (petitioner, "id"))
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "id",
                      _ ("A ticket machine cannot name a petitioner on record. "
                         "Give the name and ID number."));
      return FALSE;
    }
  if (!hall_param_int (petitioner, "id", FALSE, 1, G_MAXINT64, &existing_id, error)
      || !hall_param_string (petitioner, "name", existing_id == 0, NAME_MAX_CHARS, &name, error)
      || !hall_param_string (petitioner, "id_number", FALSE, 32, &id_input, error)
      || !hall_param_string (petitioner, "phone", FALSE, 32, &phone_input, error)
      || !hall_param_enum (petitioner, "sex", FALSE, sexes, &sex, error)
      || !hall_param_string (petitioner, "address", FALSE, ADDRESS_MAX_CHARS, &address, error))
    return FALSE;

  if (id_input != NULL)
    {
      const char *derived;

      if (!hall_id_number_validate_on (id_input, ctx->today, error))
        return FALSE;
      id_number = hall_id_number_normalize (id_input);
      birth_date = hall_id_number_get_birth_date (id_number);
      derived = hall_id_number_get_sex (id_number);
      if (sex != NULL && g_strcmp0 (sex, derived) != 0)
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "sex",
                          g_str_equal (derived, "male")
                              ? _ ("The ID number is a man’s; check the sex or the ID number.")
                              : _ ("The ID number is a woman’s; check the sex or the ID number."));
          return FALSE;
        }
      sex = derived;
    }
  if (phone_input != NULL)
    {
      if (!hall_phone_validate (phone_input, error))
        return FALSE;
      phone = hall_phone_normalize (phone_input);
    }

  if (existing_id != 0)
    {
      g_autoptr (HallStmt) stmt = NULL;
      gboolean visible;

      /* Naming a person one may not see would link them to a matter one does see. */
      if (!_hall_petitioner_visible (ctx, existing_id, &visible, error))
        return FALSE;
      if (!visible)
        {
          hall_set_error (error, HALL_ERROR_NOT_FOUND, "id", _ ("There is no such petitioner."));
          return FALSE;
        }
      stmt = hall_db_prepare (ctx->db, "SELECT id_number FROM petitioner WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      hall_stmt_bind_int (stmt, 1, existing_id);
      switch (hall_stmt_step (stmt, error))
        {
        case SQLITE_ROW:
          break;
        case SQLITE_DONE:
          hall_set_error (error, HALL_ERROR_NOT_FOUND, "id", _ ("There is no such petitioner."));
          return FALSE;
        default:
          return FALSE;
        }
      if (id_number != NULL && hall_stmt_text (stmt, 0) != NULL
          && g_strcmp0 (hall_stmt_text (stmt, 0), id_number) != 0)
        {
          hall_set_error (error, HALL_ERROR_CONFLICT, "id_number",
                          _ ("This person is on record with another ID number."));
          return FALSE;
        }
      id = existing_id;
      if (id_number != NULL && hall_stmt_text (stmt, 0) == NULL)
        {
          g_autoptr (HallStmt) set =
              hall_db_prepare (ctx->db,
                               "UPDATE petitioner SET id_number = ?2 WHERE id = ?1 "
                               "AND NOT EXISTS (SELECT 1 FROM petitioner WHERE id_number = ?2)",
                               error);
          if (set == NULL)
            return FALSE;
          hall_stmt_bind_int (set, 1, id);
          hall_stmt_bind_text (set, 2, id_number);
          if (!_hall_matter_exec (set, error))
            return FALSE;
          if (hall_db_changes (ctx->db) == 0)
            {
              hall_set_error (error, HALL_ERROR_CONFLICT, "id_number",
                              _ ("Another person is on record with this ID number. Look them up by "
                                 "the ID number."));
              return FALSE;
            }
        }
    }
  else if (id_number != NULL)
    {
      if (!find_person (ctx, "SELECT id, name FROM petitioner WHERE id_number = ?1 AND ?2 IS NULL",
                        id_number, NULL, &id, &known_name, error))
        return FALSE;
      if (id != 0 && g_strcmp0 (known_name, name) != 0 && hall_ctx_is (ctx, HALL_ROLE_KIOSK))
        {
          /* Refusing would tell whoever typed the ID number that it is on record, and under
           * what name: the ticket goes out without a petitioner, and the window asks. */
          *petitioner_id = 0;
          return TRUE;
        }
      if (id != 0 && g_strcmp0 (known_name, name) != 0)
        {
          g_autofree char *masked = hall_mask_name (known_name);
          hall_set_error (error, HALL_ERROR_CONFLICT, "name",
                          _ ("This ID number is on record under another name (%s). Check the name "
                             "and the ID number."),
                          masked);
          return FALSE;
        }
    }
  else if (phone != NULL)
    {
      if (!find_person (ctx,
                        "SELECT id, name FROM petitioner WHERE id_number IS NULL AND name = ?1 AND "
                        "phone = ?2 "
                        "ORDER BY id LIMIT 1",
                        name, phone, &id, NULL, error))
        return FALSE;
    }

  if (id != 0)
    {
      if (!update_contact (ctx, id, phone, sex, birth_date, address, error))
        return FALSE;
    }
  else
    {
      g_autoptr (HallStmt) insert = NULL;

      insert = hall_db_prepare (
          ctx->db,
          "INSERT INTO petitioner (name, id_number, phone, sex, birth_date, address, "
          "created_at, created_by, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?7)",
          error);
      if (insert == NULL)
        return FALSE;
      hall_stmt_bind_text (insert, 1, name);
      hall_stmt_bind_text (insert, 2, id_number);
      hall_stmt_bind_text (insert, 3, phone);
      hall_stmt_bind_text (insert, 4, sex);
      hall_stmt_bind_text (insert, 5, birth_date);
      hall_stmt_bind_text (insert, 6, address);
      hall_stmt_bind_int (insert, 7, ctx->now);
      hall_stmt_bind_id (insert, 8, ctx->actor->user_id);
      if (!_hall_matter_exec (insert, error))
        return FALSE;
      id = hall_db_last_insert_id (ctx->db);
    }

  *petitioner_id = id;
  return TRUE;
}

gboolean
_hall_petitioner_resolve (HallCtx    *ctx,
                          JsonObject *petitioner,
                          const char *field_prefix,
                          gint64     *petitioner_id,
                          gint64     *repeat_visits,
                          GError    **error)
{
  GError *inner = NULL;
  gint64  id = 0;

  g_return_val_if_fail (petitioner != NULL, FALSE);

  if (!resolve (ctx, petitioner, &id, &inner))
    return fail_prefixed (inner, field_prefix, error);

  if (repeat_visits != NULL && id == 0)
    *repeat_visits = -1;
  else if (repeat_visits != NULL)
    {
      gint64 visits = count_earlier_visits (ctx, id, error);
      if (visits < 0)
        return FALSE;
      *repeat_visits = visits;
    }
  if (petitioner_id != NULL)
    *petitioner_id = id;
  return TRUE;
}

/* ---- petitioner.lookup ---- */

static JsonObject *
describe_person (HallCtx *ctx,
                 gint64   petitioner_id,
                 GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (HallStmt) matters = NULL;
  g_autoptr (HallStmt) visits = NULL;
  g_autoptr (JsonObject) person = NULL;
  JsonArray *rows;
  gint64     repeat;

  stmt = hall_db_prepare (ctx->db,
                          "SELECT id, name, id_number, phone, sex, birth_date, address, created_at "
                          "FROM petitioner WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, petitioner_id);
  if (hall_stmt_step (stmt, error) != SQLITE_ROW)
    {
      if (error && *error == NULL)
        hall_set_error (error, HALL_ERROR_NOT_FOUND, NULL, _ ("There is no such petitioner."));
      return NULL;
    }
  person = hall_stmt_row_object (stmt);

  matters = hall_db_prepare (
      ctx->db,
      "SELECT m.id, m.number, m.state, m.channel, m.type, m.received_date, "
      "m.department_id, d.name AS department_name, c.name AS category_name, "
      "mp.role, m.ticket_id "
      "FROM matter_petitioner mp JOIN matter m ON m.id = mp.matter_id "
      "JOIN department d ON d.id = m.department_id "
      "LEFT JOIN category c ON c.id = m.category_id "
      "WHERE mp.petitioner_id = ?1 ORDER BY m.received_date DESC, m.id DESC LIMIT ?2",
      error);
  if (matters == NULL)
    return NULL;
  hall_stmt_bind_int (matters, 1, petitioner_id);
  hall_stmt_bind_int (matters, 2, LOOKUP_MAX_ROWS);
  rows = hall_stmt_all_objects (matters, error);
  if (rows == NULL)
    return NULL;
  json_object_set_array_member (person, "matters", rows);

  visits = hall_db_prepare (ctx->db,
                            "SELECT t.id AS ticket_id, t.day, t.code, t.department_id, "
                            "d.name AS department_name, t.state, t.outcome, t.matter_id "
                            "FROM ticket t JOIN department d ON d.id = t.department_id "
                            "WHERE t.petitioner_id = ?1 ORDER BY t.id DESC LIMIT ?2",
                            error);
  if (visits == NULL)
    return NULL;
  hall_stmt_bind_int (visits, 1, petitioner_id);
  hall_stmt_bind_int (visits, 2, LOOKUP_MAX_ROWS);
  rows = hall_stmt_all_objects (visits, error);
  if (rows == NULL)
    return NULL;
  json_object_set_array_member (person, "visits", rows);

  repeat = count_earlier_visits (ctx, petitioner_id, error);
  if (repeat < 0)
    return NULL;
  json_object_set_int_member (person, "repeat_count", repeat);
  json_object_set_boolean_member (person, "repeat", repeat > 0);

  if (!hall_ctx_audit (ctx, "petitioner.read_personal", "petitioner", petitioner_id, error))
    return NULL;
  return g_steal_pointer (&person);
}

JsonObject *
_hall_petitioner_lookup (HallCtx    *ctx,
                         JsonObject *params,
                         GError    **error)
{
  const char      *id_input = NULL, *phone_input = NULL;
  gint64           petitioner_id = 0;
  g_autofree char *id_number = NULL;
  g_autofree char *phone = NULL;
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (JsonArray) persons = json_array_new ();
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  JsonObject *result;
  gboolean    visible = FALSE;
  int         rc;

  if (!hall_param_string (params, "id_number", FALSE, 32, &id_input, error)
      || !hall_param_string (params, "phone", FALSE, 32, &phone_input, error)
      || !hall_param_int (params, "petitioner_id", FALSE, 1, G_MAXINT64, &petitioner_id, error))
    return NULL;
  if (petitioner_id > 0)
    {
      /* The person registered at triage with the visitor's ticket: the window names them. */
      JsonObject *person;

      if (id_input != NULL || phone_input != NULL)
        {
          hall_set_error (
              error, HALL_ERROR_INVALID_ARGUMENT, "petitioner_id",
              _ ("Look the person up by the petitioner, or by ID number and phone, not both."));
          return NULL;
        }
      /* Someone the actor may not see gets the answer of someone who does not exist. */
      if (!_hall_petitioner_visible (ctx, petitioner_id, &visible, error))
        return NULL;
      person = visible ? describe_person (ctx, petitioner_id, error) : NULL;
      if (person == NULL)
        {
          if (!visible
              || (error != NULL && g_error_matches (*error, HALL_ERROR, HALL_ERROR_NOT_FOUND)))
            {
              g_clear_error (error);
              hall_set_error (error, HALL_ERROR_NOT_FOUND, "petitioner_id",
                              _ ("There is no such petitioner."));
            }
          return NULL;
        }
      hall_ctx_set_object (ctx, "petitioner", petitioner_id);
      result = json_object_new ();
      json_object_set_boolean_member (result, "found", TRUE);
      json_array_add_object_element (persons, person);
      json_object_set_array_member (result, "persons", g_steal_pointer (&persons));
      return result;
    }
  if (id_input == NULL && phone_input == NULL)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "id_number",
                      _ ("Give an ID number or a phone number to look the person up."));
      return NULL;
    }
  if (id_input != NULL)
    {
      if (!hall_id_number_validate_on (id_input, ctx->today, error))
        return NULL;
      id_number = hall_id_number_normalize (id_input);
    }
  if (phone_input != NULL)
    {
      if (!hall_phone_validate (phone_input, error))
        return NULL;
      phone = hall_phone_normalize (phone_input);
    }

  stmt = hall_db_prepare (ctx->db,
                          "SELECT id FROM petitioner WHERE id_number = ?1 OR phone = ?2 "
                          "ORDER BY id_number = ?1 DESC, updated_at DESC LIMIT ?3",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, 1, id_number);
  hall_stmt_bind_text (stmt, 2, phone);
  hall_stmt_bind_int (stmt, 3, LOOKUP_MAX_PERSONS);
  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      gint64 id = hall_stmt_int (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  g_clear_pointer (&stmt, hall_stmt_release);

  /* The visitor at the window is registered by ID number with their name (matter.register);
   * a person no matter or ticket of the actor's links to is left out, as if unknown. */
  for (guint i = ids->len; i-- > 0;)
    {
      if (!_hall_petitioner_visible (ctx, g_array_index (ids, gint64, i), &visible, error))
        return NULL;
      if (!visible)
        g_array_remove_index (ids, i);
    }

  for (guint i = 0; i < ids->len; i++)
    {
      JsonObject *person = describe_person (ctx, g_array_index (ids, gint64, i), error);

      if (person == NULL)
        return NULL;
      json_array_add_object_element (persons, person);
    }
  if (ids->len == 1)
    hall_ctx_set_object (ctx, "petitioner", g_array_index (ids, gint64, 0));

  result = json_object_new ();
  json_object_set_boolean_member (result, "found", ids->len > 0);
  json_object_set_array_member (result, "persons", g_steal_pointer (&persons));
  return result;
}
