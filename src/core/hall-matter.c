/* hall-matter.c — matters (信访事项): registration, reading, lists, the running clocks and the
 * kiosk's status check; the shared helpers of the matter files and their command table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-idcard.h"
#include "hall-matter-private.h"

#define MAX_PETITIONERS 50
#define LIST_MAX 200
#define QUERY_MAX_FAILURES 5
#define QUERY_LOCK_SECONDS (15 * 60)

static const char * const channels[] = { "visit", "letter", "online", "phone", "other", NULL };
static const char * const types[] = { "suggestion", "accusation", "claim", NULL };
static const char * const roles[] = { "petitioner", "representative", NULL };
static const char * const list_states[] = {
  "open", "registered", "accepted", "declined", "litigation", "assigned", "objected", "replied",
  "review", "reviewed", "rereview", "rereviewed", "closed", NULL
};

/* ---- shared helpers ---- */

const char *
_hall_matter_get_string (JsonObject *object,
                         const char *member)
{
  return json_object_get_string_member_with_default (object, member, NULL);
}

gint64
_hall_matter_get_int (JsonObject *object,
                      const char *member)
{
  return json_object_get_int_member_with_default (object, member, 0);
}

gboolean
_hall_matter_exec (HallStmt  *stmt,
                   GError   **error)
{
  int rc = hall_stmt_step (stmt, error);

  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_ROW)
    hall_set_error (error, HALL_ERROR_INTERNAL, NULL, "statement returned a row");
  return FALSE;
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint y, m, d;
  char tail;

  g_date_clear (date, 1);
  if (text == NULL || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

int
_hall_matter_days_between (const char *from,
                           const char *to)
{
  GDate a, b;

  if (!parse_date (from, &a) || !parse_date (to, &b))
    return 0;
  return g_date_days_between (&a, &b);
}

const char *
_hall_matter_state_label (const char *state)
{
  static const struct { const char *state, *label; } labels[] = {
    { "registered", N_("registered, waiting for the decision to accept it") },
    { "accepted", N_("accepted, being handled") },
    { "declined", N_("not accepted") },
    { "litigation", N_("litigation-related, not accepted as a petition") },
    { "assigned", N_("assigned to a department") },
    { "objected", N_("sent back by the department it was assigned to") },
    { "replied", N_("replied") },
    { "review", N_("under review") },
    { "reviewed", N_("reviewed") },
    { "rereview", N_("under re-review") },
    { "rereviewed", N_("re-reviewed") },
    { "closed", N_("closed") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (labels[i].state, state) == 0)
      return _(labels[i].label);
  return state;
}

JsonObject *
_hall_matter_load (HallCtx     *ctx,
                   gint64       matter_id,
                   const char  *field,
                   GError     **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, "SELECT * FROM matter WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, matter_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      return hall_stmt_row_object (stmt);
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, field, _("There is no such matter."));
      return NULL;
    default:
      return NULL;
    }
}

gboolean
_hall_matter_allowed (HallCtx          *ctx,
                      JsonObject       *matter,
                      HallMatterAccess  access)
{
  const HallActor *actor = ctx->actor;

  if (hall_ctx_is (ctx, HALL_ROLE_SYSTEM | HALL_ROLE_MANAGER | HALL_ROLE_LEADER))
    return TRUE;
  if (!hall_ctx_is (ctx, HALL_ROLE_STAFF))
    return FALSE;

  /* Window staff: their department's matters (responsible now, or first received there) and
   * the ones they registered themselves. */
  if (_hall_matter_get_int (matter, "first_user_id") == actor->user_id)
    return TRUE;
  if (actor->department_id != 0
      && (_hall_matter_get_int (matter, "department_id") == actor->department_id
          || _hall_matter_get_int (matter, "first_department_id") == actor->department_id))
    return TRUE;
  return FALSE;
}

static JsonObject *
require_id (HallCtx           *ctx,
            gint64             matter_id,
            const char        *field,
            HallMatterAccess   access,
            GError           **error)
{
  g_autoptr (JsonObject) matter = _hall_matter_load (ctx, matter_id, field, error);

  if (matter == NULL)
    return NULL;
  hall_ctx_set_object (ctx, "matter", matter_id);
  if (!_hall_matter_allowed (ctx, matter, access))
    {
      hall_set_error (error, HALL_ERROR_FORBIDDEN, field,
                      access == HALL_MATTER_READ
                        ? _("This matter belongs to another department; you may not see it.")
                        : _("This matter belongs to another department; you may not act on it."));
      return NULL;
    }
  return g_steal_pointer (&matter);
}

JsonObject *
_hall_matter_require (HallCtx           *ctx,
                      JsonObject        *params,
                      HallMatterAccess   access,
                      GError           **error)
{
  gint64 matter_id = 0;

  if (!hall_param_int (params, "matter_id", TRUE, 1, G_MAXINT64, &matter_id, error))
    return NULL;
  return require_id (ctx, matter_id, "matter_id", access, error);
}

gboolean
_hall_matter_check_state (JsonObject        *matter,
                          const char *const *states,
                          const char        *doing,
                          GError           **error)
{
  const char *state = _hall_matter_get_string (matter, "state");

  if (g_strv_contains (states, state))
    return TRUE;
  hall_set_error (error, HALL_ERROR_CONFLICT, "matter_id", _("%s This matter is %s."), doing,
                  _hall_matter_state_label (state));
  return FALSE;
}

gboolean
_hall_matter_emit (HallCtx     *ctx,
                   const char  *kind,
                   gint64       matter_id,
                   GError     **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db,
                                               "SELECT number, state, department_id FROM matter WHERE id = ?1",
                                               error);
  JsonObject *payload;

  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, matter_id);
  if (hall_stmt_step (stmt, error) != SQLITE_ROW)
    {
      if (error && *error == NULL)
        hall_set_error (error, HALL_ERROR_NOT_FOUND, "matter_id", _("There is no such matter."));
      return FALSE;
    }
  payload = json_object_new ();
  json_object_set_int_member (payload, "matter_id", matter_id);
  json_object_set_string_member (payload, "number", hall_stmt_text (stmt, 0));
  json_object_set_string_member (payload, "state", hall_stmt_text (stmt, 1));
  json_object_set_int_member (payload, "department_id", hall_stmt_int (stmt, 2));
  return hall_ctx_emit (ctx, kind, payload, error) != 0;
}

gboolean
_hall_matter_add_timeline (HallCtx     *ctx,
                           gint64       matter_id,
                           const char  *kind,
                           JsonObject  *detail,
                           GError     **error)
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
  hall_stmt_bind_id (stmt, 3, ctx->actor ? ctx->actor->user_id : 0);
  hall_stmt_bind_text (stmt, 4, kind);
  hall_stmt_bind_text (stmt, 5, json ? json : "{}");
  if (!_hall_matter_exec (stmt, error))
    return FALSE;

  {
    g_autoptr (HallStmt) touch = hall_db_prepare (ctx->db, "UPDATE matter SET updated_at = ?2 WHERE id = ?1", error);
    if (touch == NULL)
      return FALSE;
    hall_stmt_bind_int (touch, 1, matter_id);
    hall_stmt_bind_int (touch, 2, ctx->now);
    return _hall_matter_exec (touch, error);
  }
}

static JsonArray *
matter_clocks (HallCtx  *ctx,
               gint64    matter_id,
               GError  **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db,
                                               "SELECT clock, due, CAST(julianday(due) - julianday(?2) AS INTEGER) "
                                               "AS days_left, due < ?2 AS overdue "
                                               "FROM matter_clock WHERE matter_id = ?1 ORDER BY due",
                                               error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, matter_id);
  hall_stmt_bind_text (stmt, 2, ctx->today);
  return hall_stmt_all_objects (stmt, error);
}

static JsonObject *
describe_matter (HallCtx  *ctx,
                 gint64    matter_id,
                 GError  **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (JsonObject) matter = NULL;
  JsonArray *clocks;

  stmt = hall_db_prepare (ctx->db,
                          "SELECT m.*, c.name AS category_name, d.name AS department_name, "
                          "d.code AS department_code, fd.name AS first_department_name, "
                          "fu.display_name AS first_user_name, fc.number AS first_counter_number, "
                          "t.code AS ticket_code, "
                          "(m.persons >= 5 OR m.collective) AS is_collective "
                          "FROM matter m JOIN department d ON d.id = m.department_id "
                          "JOIN department fd ON fd.id = m.first_department_id "
                          "LEFT JOIN category c ON c.id = m.category_id "
                          "LEFT JOIN account fu ON fu.id = m.first_user_id "
                          "LEFT JOIN counter fc ON fc.id = m.first_counter_id "
                          "LEFT JOIN ticket t ON t.id = m.ticket_id "
                          "WHERE m.id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, matter_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      break;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "matter_id", _("There is no such matter."));
      return NULL;
    default:
      return NULL;
    }
  matter = hall_stmt_row_object (stmt);
  json_object_remove_member (matter, "query_failures");
  json_object_remove_member (matter, "query_locked_until");

  clocks = matter_clocks (ctx, matter_id, error);
  if (clocks == NULL)
    return NULL;
  json_object_set_array_member (matter, "clocks", clocks);
  return g_steal_pointer (&matter);
}

JsonArray *
_hall_matter_petitioners (HallCtx   *ctx,
                          gint64     matter_id,
                          gboolean   personal,
                          GError   **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  JsonArray *rows;

  stmt = hall_db_prepare (ctx->db,
                          "SELECT p.id, p.name, p.id_number, p.phone, p.sex, p.birth_date, p.address, mp.role "
                          "FROM matter_petitioner mp JOIN petitioner p ON p.id = mp.petitioner_id "
                          "WHERE mp.matter_id = ?1 ORDER BY mp.sort, p.id",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, matter_id);
  rows = hall_stmt_all_objects (stmt, error);
  if (rows == NULL || personal)
    return rows;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *p = json_array_get_object_element (rows, i);
      g_autofree char *name = hall_mask_name (_hall_matter_get_string (p, "name"));

      json_object_set_string_member (p, "name", name);
      json_object_remove_member (p, "id_number");
      json_object_remove_member (p, "phone");
      json_object_remove_member (p, "address");
      json_object_remove_member (p, "birth_date");
    }
  return rows;
}

JsonObject *
_hall_matter_result (HallCtx  *ctx,
                     gint64    matter_id,
                     GError  **error)
{
  JsonObject *matter = describe_matter (ctx, matter_id, error);
  JsonObject *result;

  if (matter == NULL)
    return NULL;
  result = json_object_new ();
  json_object_set_object_member (result, "matter", matter);
  return result;
}

/* ---- matter.register ---- */

static gint64
first_department (HallCtx  *ctx,
                  gint64    category_department,
                  GError  **error)
{
  g_autoptr (HallStmt) stmt = NULL;

  if (ctx->actor->department_id != 0)
    return ctx->actor->department_id;

  /* A manager or leader without a department of their own: the counter's department, else the
   * category's, else the hall's own reception (信访综合接待). */
  if (ctx->actor->counter_id != 0)
    {
      stmt = hall_db_prepare (ctx->db,
                              "SELECT department_id FROM counter_department WHERE counter_id = ?1 "
                              "ORDER BY department_id LIMIT 1",
                              error);
      if (stmt == NULL)
        return 0;
      hall_stmt_bind_int (stmt, 1, ctx->actor->counter_id);
      switch (hall_stmt_step (stmt, error))
        {
        case SQLITE_ROW:
          return hall_stmt_int (stmt, 0);
        case SQLITE_DONE:
          break;
        default:
          return 0;
        }
    }
  if (category_department != 0)
    return category_department;

  g_clear_pointer (&stmt, hall_stmt_release);
  stmt = hall_db_prepare (ctx->db, "SELECT id FROM department WHERE code = 'xinfang'", error);
  if (stmt == NULL)
    return 0;
  if (hall_stmt_step (stmt, error) == SQLITE_ROW)
    return hall_stmt_int (stmt, 0);
  if (error && *error == NULL)
    hall_set_error (error, HALL_ERROR_CONFLICT, NULL, _("The hall has no reception department to register the matter for."));
  return 0;
}

static JsonArray *
legal_windows (HallCtx  *ctx,
               GError  **error)
{
  g_autoptr (HallStmt) stmt = NULL;

  stmt = hall_db_prepare (ctx->db,
                          "SELECT d.id AS department_id, d.code, d.name, "
                          "(SELECT json_group_array(number) FROM (SELECT c.number FROM counter_department cd "
                          "  JOIN counter c ON c.id = cd.counter_id WHERE cd.department_id = d.id "
                          "  ORDER BY c.number)) AS counters_json "
                          "FROM department d WHERE d.is_legal = 1 AND d.active = 1 ORDER BY d.sort, d.id",
                          error);
  if (stmt == NULL)
    return NULL;
  return hall_stmt_all_objects (stmt, error);
}

static gboolean
next_number (HallCtx  *ctx,
             char    **number,
             GError  **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  int year = g_date_time_get_year (ctx->now_local);

  stmt = hall_db_prepare (ctx->db,
                          "INSERT INTO matter_number (year, last_number) VALUES (?1, 1) "
                          "ON CONFLICT (year) DO UPDATE SET last_number = last_number + 1 "
                          "RETURNING last_number",
                          error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, year);
  if (hall_stmt_step (stmt, error) != SQLITE_ROW)
    {
      if (error && *error == NULL)
        hall_set_error (error, HALL_ERROR_INTERNAL, NULL, "no matter number");
      return FALSE;
    }
  *number = g_strdup_printf ("XF%d-%06" G_GINT64_FORMAT, year, hall_stmt_int (stmt, 0));
  return TRUE;
}

typedef struct
{
  gint64 id;
  const char *role;
} Party;

static gboolean
resolve_parties (HallCtx     *ctx,
                 JsonArray   *list,
                 gint64       ticket_petitioner,
                 GArray      *parties,
                 gint64      *repeat,
                 GError     **error)
{
  guint n = json_array_get_length (list), representatives = 0;

  if (n == 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "petitioners",
                      _("Name at least one petitioner."));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (list, i);
      g_autofree char *prefix = g_strdup_printf ("petitioners[%u]", i);
      Party party = { 0, "petitioner" };
      gint64 visits = 0;
      JsonObject *person;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, prefix,
                          _("Each petitioner is an object with a name and, where given, an ID number and a phone number."));
          return FALSE;
        }
      person = json_node_get_object (node);
      {
        GError *inner = NULL;
        if (!hall_param_enum (person, "role", FALSE, roles, &party.role, &inner))
          {
            g_autofree char *field = g_strdup_printf ("%s.role", prefix);
            g_propagate_error (error, hall_error_new_literal (HALL_ERROR_INVALID_ARGUMENT, field, inner->message));
            g_error_free (inner);
            return FALSE;
          }
      }
      if (!_hall_petitioner_resolve (ctx, person, prefix, &party.id, &visits, error))
        return FALSE;

      for (guint j = 0; j < parties->len; j++)
        if (g_array_index (parties, Party, j).id == party.id)
          {
            hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, prefix,
                            _("This person is already in the list of petitioners."));
            return FALSE;
          }

      /* The visit this matter is registered on is not an earlier one. */
      if (party.id == ticket_petitioner && visits > 0)
        visits--;
      *repeat = MAX (*repeat, visits);
      if (g_str_equal (party.role, "representative"))
        representatives++;
      g_array_append_val (parties, party);
    }

  if (representatives > HALL_MATTER_MAX_REPRESENTATIVES)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "petitioners",
                      _("A collective visit chooses at most 5 representatives; %u are marked as representatives."),
                      representatives);
      return FALSE;
    }
  return TRUE;
}

static JsonObject *
matter_register (HallCtx     *ctx,
                 JsonObject  *params,
                 GError     **error)
{
  const char *channel = NULL, *type = NULL, *content = NULL, *received_date = NULL;
  gint64 category_id = 0, persons = 0, ticket_id = 0, ticket_petitioner = 0, ticket_persons = 0;
  gint64 category_department = 0, department_id, matter_id, repeat = 0;
  gboolean litigation = FALSE, collective = FALSE, collective_given;
  JsonArray *list = NULL;
  g_autoptr (GArray) parties = g_array_new (FALSE, FALSE, sizeof (Party));
  g_autofree char *number = NULL;
  g_autofree char *decision_due = NULL;
  char query_code[8];
  g_autoptr (HallStmt) insert = NULL;
  g_autoptr (JsonArray) windows = NULL;
  g_autoptr (JsonObject) detail = NULL;
  JsonObject *result;

  if (!hall_param_enum (params, "channel", TRUE, channels, &channel, error)
      || !hall_param_enum (params, "type", TRUE, types, &type, error)
      || !hall_param_int (params, "category_id", FALSE, 1, G_MAXINT64, &category_id, error)
      || !hall_param_string (params, "content", TRUE, HALL_MATTER_TEXT_MAX, &content, error)
      || !hall_param_array (params, "petitioners", TRUE, MAX_PETITIONERS, &list, error)
      || !hall_param_int (params, "persons", FALSE, 1, 9999, &persons, error)
      || !hall_param_bool (params, "collective", FALSE, &collective, error)
      || !hall_param_bool (params, "litigation", FALSE, &litigation, error)
      || !hall_param_int (params, "ticket_id", FALSE, 1, G_MAXINT64, &ticket_id, error)
      || !hall_param_date (params, "received_date", FALSE, &received_date, error))
    return NULL;
  collective_given = json_object_has_member (params, "collective");

  if (received_date == NULL)
    received_date = ctx->today;
  else if (strcmp (received_date, ctx->today) > 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "received_date",
                      _("The date of receipt cannot be in the future."));
      return NULL;
    }

  if (category_id != 0)
    {
      g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db,
                                                   "SELECT department_id, litigation, active FROM category WHERE id = ?1",
                                                   error);
      if (stmt == NULL)
        return NULL;
      hall_stmt_bind_int (stmt, 1, category_id);
      switch (hall_stmt_step (stmt, error))
        {
        case SQLITE_ROW:
          break;
        case SQLITE_DONE:
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "category_id", _("There is no such category."));
          return NULL;
        default:
          return NULL;
        }
      if (!hall_stmt_int (stmt, 2))
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "category_id",
                          _("This category is no longer in use; choose another one."));
          return NULL;
        }
      category_department = hall_stmt_int (stmt, 0);
      litigation = litigation || hall_stmt_int (stmt, 1);
    }

  if (ticket_id != 0)
    {
      g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db,
                                                   "SELECT petitioner_id, persons FROM ticket WHERE id = ?1", error);
      if (stmt == NULL)
        return NULL;
      hall_stmt_bind_int (stmt, 1, ticket_id);
      switch (hall_stmt_step (stmt, error))
        {
        case SQLITE_ROW:
          ticket_petitioner = hall_stmt_int (stmt, 0);
          ticket_persons = hall_stmt_int (stmt, 1);
          break;
        case SQLITE_DONE:
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "ticket_id", _("There is no such ticket."));
          return NULL;
        default:
          return NULL;
        }
    }

  if (!resolve_parties (ctx, list, ticket_petitioner, parties, &repeat, error))
    return NULL;

  if (persons == 0)
    persons = MAX ((gint64) parties->len, ticket_persons);
  if (persons < (gint64) parties->len)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "persons",
                      _("Fewer persons than petitioners named: count everyone who came."));
      return NULL;
    }
  if (!collective_given)
    collective = persons >= HALL_MATTER_COLLECTIVE_PERSONS;

  department_id = first_department (ctx, category_department, error);
  if (department_id == 0)
    return NULL;

  decision_due = _hall_calendar_add_days (ctx, received_date, HALL_MATTER_DECISION_DAYS, error);
  if (decision_due == NULL)
    return NULL;
  if (!next_number (ctx, &number, error))
    return NULL;
  if (sodium_init () < 0)
    {
      hall_set_error (error, HALL_ERROR_INTERNAL, NULL, "libsodium");
      return NULL;
    }
  g_snprintf (query_code, sizeof query_code, "%06u", (guint) randombytes_uniform (1000000));

  insert = hall_db_prepare (ctx->db,
                            "INSERT INTO matter (number, query_code, channel, type, category_id, department_id, "
                            "content, persons, collective, litigation, state, first_user_id, first_counter_id, "
                            "first_department_id, ticket_id, received_date, registered_at, decision_due, "
                            "decided_at, decided_date, updated_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?6, ?14, ?15, ?16, "
                            "?17, ?18, ?19, ?16)",
                            error);
  if (insert == NULL)
    return NULL;
  hall_stmt_bind_text (insert, 1, number);
  hall_stmt_bind_text (insert, 2, query_code);
  hall_stmt_bind_text (insert, 3, channel);
  hall_stmt_bind_text (insert, 4, type);
  hall_stmt_bind_id (insert, 5, category_id);
  hall_stmt_bind_int (insert, 6, department_id);
  hall_stmt_bind_text (insert, 7, content);
  hall_stmt_bind_int (insert, 8, persons);
  hall_stmt_bind_int (insert, 9, collective);
  hall_stmt_bind_int (insert, 10, litigation);
  hall_stmt_bind_text (insert, 11, litigation ? "litigation" : "registered");
  hall_stmt_bind_id (insert, 12, ctx->actor->user_id);
  hall_stmt_bind_id (insert, 13, ctx->actor->counter_id);
  hall_stmt_bind_id (insert, 14, ticket_id);
  hall_stmt_bind_text (insert, 15, received_date);
  hall_stmt_bind_int (insert, 16, ctx->now);
  hall_stmt_bind_text (insert, 17, decision_due);
  /* A litigation-related matter is decided on the spot: not accepted, guided to the 政法 windows. */
  if (litigation)
    {
      hall_stmt_bind_int (insert, 18, ctx->now);
      hall_stmt_bind_text (insert, 19, ctx->today);
    }
  else
    {
      hall_stmt_bind_id (insert, 18, 0);
      hall_stmt_bind_text (insert, 19, NULL);
    }
  if (!_hall_matter_exec (insert, error))
    return NULL;
  matter_id = hall_db_last_insert_id (ctx->db);
  hall_ctx_set_object (ctx, "matter", matter_id);

  for (guint i = 0; i < parties->len; i++)
    {
      Party *party = &g_array_index (parties, Party, i);
      g_autoptr (HallStmt) link = hall_db_prepare (ctx->db,
                                                   "INSERT INTO matter_petitioner (matter_id, petitioner_id, role, sort) "
                                                   "VALUES (?1, ?2, ?3, ?4)",
                                                   error);
      if (link == NULL)
        return NULL;
      hall_stmt_bind_int (link, 1, matter_id);
      hall_stmt_bind_int (link, 2, party->id);
      hall_stmt_bind_text (link, 3, party->role);
      hall_stmt_bind_int (link, 4, i);
      if (!_hall_matter_exec (link, error))
        return NULL;
    }

  if (ticket_id != 0)
    {
      g_autoptr (HallStmt) link = hall_db_prepare (ctx->db,
                                                   "UPDATE ticket SET matter_id = ?2, "
                                                   "petitioner_id = coalesce(petitioner_id, ?3) "
                                                   "WHERE id = ?1 AND matter_id IS NULL",
                                                   error);
      if (link == NULL)
        return NULL;
      hall_stmt_bind_int (link, 1, ticket_id);
      hall_stmt_bind_int (link, 2, matter_id);
      hall_stmt_bind_int (link, 3, g_array_index (parties, Party, 0).id);
      if (!_hall_matter_exec (link, error))
        return NULL;
    }

  detail = json_object_new ();
  json_object_set_string_member (detail, "channel", channel);
  json_object_set_string_member (detail, "type", type);
  if (category_id)
    json_object_set_int_member (detail, "category_id", category_id);
  json_object_set_int_member (detail, "persons", persons);
  json_object_set_boolean_member (detail, "collective", collective);
  json_object_set_int_member (detail, "first_department_id", department_id);
  if (ctx->actor->counter_id)
    json_object_set_int_member (detail, "first_counter_id", ctx->actor->counter_id);
  if (ticket_id)
    json_object_set_int_member (detail, "ticket_id", ticket_id);
  json_object_set_string_member (detail, "received_date", received_date);
  json_object_set_string_member (detail, "decision_due", decision_due);
  if (!_hall_matter_add_timeline (ctx, matter_id, "registered", detail, error))
    return NULL;

  if (litigation)
    {
      g_autoptr (JsonObject) guided = json_object_new ();

      windows = legal_windows (ctx, error);
      if (windows == NULL)
        return NULL;
      json_object_set_array_member (guided, "legal_windows", json_array_ref (windows));
      if (!_hall_matter_add_timeline (ctx, matter_id, "litigation_guided", guided, error))
        return NULL;
    }

  if (!_hall_matter_emit (ctx, "matter.registered", matter_id, error))
    return NULL;

  result = _hall_matter_result (ctx, matter_id, error);
  if (result == NULL)
    return NULL;
  json_object_set_int_member (result, "matter_id", matter_id);
  json_object_set_string_member (result, "number", number);
  json_object_set_string_member (result, "query_code", query_code);
  json_object_set_string_member (result, "state", litigation ? "litigation" : "registered");
  json_object_set_string_member (result, "decision_due", decision_due);
  json_object_set_boolean_member (result, "repeat", repeat > 0);
  json_object_set_int_member (result, "repeat_count", repeat);
  {
    JsonArray *ids = json_array_new ();
    for (guint i = 0; i < parties->len; i++)
      json_array_add_int_element (ids, g_array_index (parties, Party, i).id);
    json_object_set_array_member (result, "petitioner_ids", ids);
  }
  if (litigation)
    {
      json_object_set_array_member (result, "legal_windows", g_steal_pointer (&windows));
      json_object_set_string_member (result, "guidance",
                                     _("Litigation-related: not accepted as a petition. Send the visitor to the "
                                       "law-enforcement and judicial windows listed."));
    }
  return result;
}

/* ---- matter.get ---- */

static JsonObject *
matter_get (HallCtx     *ctx,
            JsonObject  *params,
            GError     **error)
{
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (HallStmt) timeline = NULL;
  g_autoptr (HallStmt) assignments = NULL;
  JsonArray *rows;
  JsonObject *result;
  const char *number = NULL;
  gint64 matter_id = 0;

  if (!hall_param_int (params, "matter_id", FALSE, 1, G_MAXINT64, &matter_id, error)
      || !hall_param_string (params, "number", matter_id == 0, 20, &number, error))
    return NULL;
  if (matter_id == 0)
    {
      g_autoptr (HallStmt) find = hall_db_prepare (ctx->db, "SELECT id FROM matter WHERE number = ?1", error);
      g_autofree char *upper = g_ascii_strup (number, -1);

      if (find == NULL)
        return NULL;
      hall_stmt_bind_text (find, 1, upper);
      if (hall_stmt_step (find, error) != SQLITE_ROW)
        {
          if (error && *error == NULL)
            hall_set_error (error, HALL_ERROR_NOT_FOUND, "number", _("There is no matter with this number."));
          return NULL;
        }
      matter_id = hall_stmt_int (find, 0);
    }

  matter = require_id (ctx, matter_id, number ? "number" : "matter_id", HALL_MATTER_READ, error);
  if (matter == NULL)
    return NULL;
  g_clear_pointer (&matter, json_object_unref);

  matter = describe_matter (ctx, matter_id, error);
  if (matter == NULL)
    return NULL;

  result = json_object_new ();
  json_object_set_object_member (result, "matter", g_steal_pointer (&matter));

  rows = _hall_matter_petitioners (ctx, matter_id, TRUE, error);
  if (rows == NULL)
    goto fail;
  json_object_set_array_member (result, "petitioners", rows);

  timeline = hall_db_prepare (ctx->db,
                              "SELECT tl.id, tl.at, tl.user_id, a.display_name AS user_name, tl.kind, "
                              "tl.detail AS detail_json "
                              "FROM matter_timeline tl LEFT JOIN account a ON a.id = tl.user_id "
                              "WHERE tl.matter_id = ?1 ORDER BY tl.id",
                              error);
  if (timeline == NULL)
    goto fail;
  hall_stmt_bind_int (timeline, 1, matter_id);
  rows = hall_stmt_all_objects (timeline, error);
  if (rows == NULL)
    goto fail;
  json_object_set_array_member (result, "timeline", rows);

  assignments = hall_db_prepare (ctx->db,
                                 "SELECT s.id, s.department_id, d.name AS department_name, s.from_department_id, "
                                 "s.assigned_at, s.assigned_date, s.assigned_by, a.display_name AS assigned_by_name, "
                                 "s.deadline, s.note, s.objection_until, s.state, s.objected_at, s.objected_by, "
                                 "s.reason "
                                 "FROM matter_assignment s JOIN department d ON d.id = s.department_id "
                                 "LEFT JOIN account a ON a.id = s.assigned_by "
                                 "WHERE s.matter_id = ?1 ORDER BY s.id",
                                 error);
  if (assignments == NULL)
    goto fail;
  hall_stmt_bind_int (assignments, 1, matter_id);
  rows = hall_stmt_all_objects (assignments, error);
  if (rows == NULL)
    goto fail;
  json_object_set_array_member (result, "assignments", rows);

  /* Names, ID numbers, phones and addresses were read: that is recorded. */
  if (!hall_ctx_audit (ctx, "matter.read_personal", "matter", matter_id, error))
    goto fail;
  return result;

fail:
  json_object_unref (result);
  return NULL;
}

/* ---- matter.list and matter.due ---- */

/* "first_received_by": "me" or a user id. */
static gboolean
param_first_receiver (HallCtx     *ctx,
                      JsonObject  *params,
                      gint64      *user_id,
                      GError     **error)
{
  JsonNode *node = json_object_get_member (params, "first_received_by");

  *user_id = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (json_node_get_value_type (node) == G_TYPE_STRING && g_str_equal (json_node_get_string (node), "me"))
    {
      *user_id = ctx->actor->user_id;
      return TRUE;
    }
  return hall_param_int (params, "first_received_by", FALSE, 1, G_MAXINT64, user_id, error);
}

/* Row-level rule of DESIGN.md §4 for lists: window staff see their department's matters and
 * the ones they first received. ?rl = 1 applies it with ?rd the department and ?ru the user. */
#define ROW_LEVEL_SQL \
  "(?20 = 0 OR m.first_user_id = ?22 OR (?21 != 0 AND (m.department_id = ?21 OR m.first_department_id = ?21)))"

static void
bind_row_level (HallCtx  *ctx,
                HallStmt *stmt)
{
  gboolean restricted = !hall_ctx_is (ctx, HALL_ROLE_SYSTEM | HALL_ROLE_MANAGER | HALL_ROLE_LEADER);

  hall_stmt_bind_int (stmt, 20, restricted);
  hall_stmt_bind_int (stmt, 21, ctx->actor->department_id);
  hall_stmt_bind_int (stmt, 22, ctx->actor->user_id);
}

static void
mask_names (JsonArray *rows)
{
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);
      JsonArray *names = json_object_get_array_member (row, "petitioner_names");
      JsonArray *masked = json_array_new ();

      for (guint j = 0; names && j < json_array_get_length (names); j++)
        {
          g_autofree char *m = hall_mask_name (json_array_get_string_element (names, j));
          json_array_add_string_element (masked, m);
        }
      json_object_set_array_member (row, "petitioner_names", masked);
    }
}

#define LIST_FILTER_SQL \
  "FROM matter m JOIN department d ON d.id = m.department_id " \
  "LEFT JOIN category c ON c.id = m.category_id " \
  "LEFT JOIN account fu ON fu.id = m.first_user_id " \
  "LEFT JOIN matter_clock k ON k.matter_id = m.id AND k.clock != 'objection' " \
  "WHERE " ROW_LEVEL_SQL " " \
  "AND (?1 = 0 OR m.first_user_id = ?1) " \
  "AND (?2 = 0 OR m.department_id = ?2) " \
  "AND (?3 IS NULL OR m.state = ?3 OR (?3 = 'open' AND m.state NOT IN ('declined', 'litigation', 'closed'))) " \
  "AND (?4 = 0 OR k.due < ?6) " \
  "AND (?5 = 0 OR (k.due >= ?6 AND julianday(k.due) - julianday(?6) <= ?7)) "

static JsonObject *
matter_list (HallCtx     *ctx,
             JsonObject  *params,
             GError     **error)
{
  const char *state = NULL;
  gint64 first_user = 0, department_id = 0, soon_days = 3, limit = 50, offset = 0, total;
  gboolean overdue = FALSE, due_soon = FALSE;
  g_autoptr (HallStmt) count = NULL;
  g_autoptr (HallStmt) stmt = NULL;
  JsonArray *rows;
  JsonObject *result;

  if (!param_first_receiver (ctx, params, &first_user, error)
      || !hall_param_int (params, "department_id", FALSE, 1, G_MAXINT64, &department_id, error)
      || !hall_param_enum (params, "state", FALSE, list_states, &state, error)
      || !hall_param_bool (params, "overdue", FALSE, &overdue, error)
      || !hall_param_bool (params, "due_soon", FALSE, &due_soon, error)
      || !hall_param_int (params, "due_soon_days", FALSE, 1, 60, &soon_days, error)
      || !hall_param_int (params, "limit", FALSE, 1, LIST_MAX, &limit, error)
      || !hall_param_int (params, "offset", FALSE, 0, G_MAXINT32, &offset, error))
    return NULL;

#define BIND_FILTERS(st) \
  G_STMT_START { \
    bind_row_level (ctx, st); \
    hall_stmt_bind_int (st, 1, first_user); \
    hall_stmt_bind_int (st, 2, department_id); \
    hall_stmt_bind_text (st, 3, state); \
    hall_stmt_bind_int (st, 4, overdue); \
    hall_stmt_bind_int (st, 5, due_soon); \
    hall_stmt_bind_text (st, 6, ctx->today); \
    hall_stmt_bind_int (st, 7, soon_days); \
  } G_STMT_END

  count = hall_db_prepare (ctx->db, "SELECT count(*) " LIST_FILTER_SQL, error);
  if (count == NULL)
    return NULL;
  BIND_FILTERS (count);
  if (hall_stmt_step (count, error) != SQLITE_ROW)
    return NULL;
  total = hall_stmt_int (count, 0);

  stmt = hall_db_prepare (ctx->db,
                          "SELECT m.id, m.number, m.state, m.channel, m.type, m.category_id, "
                          "c.name AS category_name, m.department_id, d.name AS department_name, "
                          "m.first_user_id, fu.display_name AS first_user_name, m.first_department_id, "
                          "m.first_counter_id, m.persons, (m.persons >= 5 OR m.collective) AS collective, "
                          "m.litigation, m.supervised, m.charge_leader_id, m.received_date, m.registered_at, "
                          "m.updated_at, k.clock, k.due, "
                          "CAST(julianday(k.due) - julianday(?6) AS INTEGER) AS days_left, "
                          "coalesce(k.due < ?6, 0) AS overdue, "
                          "(SELECT json_group_array(p.name) FROM (SELECT p.name FROM matter_petitioner mp "
                          "  JOIN petitioner p ON p.id = mp.petitioner_id WHERE mp.matter_id = m.id "
                          "  ORDER BY mp.sort) p) AS petitioner_names_json "
                          LIST_FILTER_SQL
                          "ORDER BY CASE WHEN ?4 OR ?5 THEN k.due END, m.id DESC LIMIT ?8 OFFSET ?9",
                          error);
  if (stmt == NULL)
    return NULL;
  BIND_FILTERS (stmt);
  hall_stmt_bind_int (stmt, 8, limit);
  hall_stmt_bind_int (stmt, 9, offset);
#undef BIND_FILTERS
  rows = hall_stmt_all_objects (stmt, error);
  if (rows == NULL)
    return NULL;
  mask_names (rows);

  result = json_object_new ();
  json_object_set_array_member (result, "matters", rows);
  json_object_set_int_member (result, "total", total);
  json_object_set_int_member (result, "offset", offset);
  json_object_set_string_member (result, "today", ctx->today);
  return result;
}

static JsonObject *
matter_due (HallCtx     *ctx,
            JsonObject  *params,
            GError     **error)
{
  gint64 first_user = 0, department_id = 0, soon_days = 3;
  g_autoptr (HallStmt) stmt = NULL;
  JsonArray *rows;
  JsonObject *result;
  guint overdue = 0, due_soon = 0;

  if (!param_first_receiver (ctx, params, &first_user, error)
      || !hall_param_int (params, "department_id", FALSE, 1, G_MAXINT64, &department_id, error)
      || !hall_param_int (params, "due_soon_days", FALSE, 1, 60, &soon_days, error))
    return NULL;

  /* Every clock that has run out, and every one that runs out within the next days. The
   * objection window is a right of the receiving department, never overdue: it only shows while
   * it is still open. */
  stmt = hall_db_prepare (ctx->db,
                          "SELECT m.id AS matter_id, m.number, m.state, m.department_id, "
                          "d.name AS department_name, m.first_user_id, fu.display_name AS first_user_name, "
                          "m.first_department_id, m.supervised, k.clock, k.due, "
                          "CAST(julianday(k.due) - julianday(?6) AS INTEGER) AS days_left, "
                          "k.due < ?6 AS overdue "
                          "FROM matter_clock k JOIN matter m ON m.id = k.matter_id "
                          "JOIN department d ON d.id = m.department_id "
                          "LEFT JOIN account fu ON fu.id = m.first_user_id "
                          "WHERE " ROW_LEVEL_SQL " "
                          "AND (?1 = 0 OR m.first_user_id = ?1) AND (?2 = 0 OR m.department_id = ?2) "
                          "AND ((k.clock != 'objection' AND k.due < ?6) "
                          "  OR (k.due >= ?6 AND julianday(k.due) - julianday(?6) <= ?7)) "
                          "ORDER BY k.due, m.id",
                          error);
  if (stmt == NULL)
    return NULL;
  bind_row_level (ctx, stmt);
  hall_stmt_bind_int (stmt, 1, first_user);
  hall_stmt_bind_int (stmt, 2, department_id);
  hall_stmt_bind_text (stmt, 6, ctx->today);
  hall_stmt_bind_int (stmt, 7, soon_days);
  rows = hall_stmt_all_objects (stmt, error);
  if (rows == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      if (json_object_get_int_member (json_array_get_object_element (rows, i), "overdue"))
        overdue++;
      else
        due_soon++;
    }

  result = json_object_new ();
  json_object_set_array_member (result, "entries", rows);
  json_object_set_int_member (result, "overdue", overdue);
  json_object_set_int_member (result, "due_soon", due_soon);
  json_object_set_string_member (result, "today", ctx->today);
  return result;
}

/* ---- status.query ---- */

static void
count_query_failure (HallCtx  *ctx,
                     gpointer  data)
{
  gint64 matter_id = GPOINTER_TO_SIZE (data);
  g_autoptr (HallStmt) stmt = NULL;

  /* After several wrong codes the number is refused for a while: six digits are too few to
   * withstand guessing otherwise. */
  stmt = hall_db_prepare (ctx->db,
                          "UPDATE matter SET "
                          "query_locked_until = CASE WHEN query_failures + 1 >= ?2 THEN ?3 ELSE query_locked_until END, "
                          "query_failures = CASE WHEN query_failures + 1 >= ?2 THEN 0 ELSE query_failures + 1 END "
                          "WHERE id = ?1",
                          NULL);
  if (stmt == NULL)
    return;
  hall_stmt_bind_int (stmt, 1, matter_id);
  hall_stmt_bind_int (stmt, 2, QUERY_MAX_FAILURES);
  hall_stmt_bind_int (stmt, 3, ctx->now + QUERY_LOCK_SECONDS);
  hall_stmt_step (stmt, NULL);
}

static JsonObject *
status_query (HallCtx     *ctx,
              JsonObject  *params,
              GError     **error)
{
  const char *number = NULL, *code = NULL;
  g_autoptr (HallStmt) stmt = NULL;
  g_autofree char *upper = NULL;
  JsonObject *result;
  gint64 matter_id;

  if (!hall_param_string (params, "number", TRUE, 20, &number, error)
      || !hall_param_string (params, "query_code", TRUE, 6, &code, error))
    return NULL;
  upper = g_ascii_strup (number, -1);

  stmt = hall_db_prepare (ctx->db,
                          "SELECT id, number, state, query_code, query_locked_until, received_date "
                          "FROM matter WHERE number = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, 1, upper);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      break;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "query_code",
                      _("No matter has this number and query code. Check both on the receipt."));
      return NULL;
    default:
      return NULL;
    }
  matter_id = hall_stmt_int (stmt, 0);

  if (hall_stmt_int (stmt, 4) > ctx->now)
    {
      hall_set_error (error, HALL_ERROR_RATE_LIMITED, "query_code",
                      _("Too many wrong query codes for this number. Try again later, or ask at a window."));
      return NULL;
    }
  if (strlen (code) != 6 || sodium_memcmp (hall_stmt_text (stmt, 3), code, 6) != 0)
    {
      hall_ctx_on_failure (ctx, count_query_failure, GSIZE_TO_POINTER (matter_id), NULL);
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "query_code",
                      _("No matter has this number and query code. Check both on the receipt."));
      return NULL;
    }

  /* The state only: the kiosk is a public device. */
  result = json_object_new ();
  json_object_set_string_member (result, "number", hall_stmt_text (stmt, 1));
  json_object_set_string_member (result, "state", hall_stmt_text (stmt, 2));
  json_object_set_string_member (result, "state_label", _hall_matter_state_label (hall_stmt_text (stmt, 2)));
  json_object_set_string_member (result, "received_date", hall_stmt_text (stmt, 5));
  g_clear_pointer (&stmt, hall_stmt_release);

  {
    g_autoptr (HallStmt) reset = hall_db_prepare (ctx->db,
                                                  "UPDATE matter SET query_failures = 0 "
                                                  "WHERE id = ?1 AND query_failures != 0",
                                                  error);
    if (reset == NULL || !_hall_matter_exec (reset, error))
      {
        json_object_unref (result);
        return NULL;
      }
  }
  return result;
}

#define PEOPLE (HALL_ROLE_STAFF | HALL_ROLE_MANAGER | HALL_ROLE_LEADER)

const HallCommand _hall_matter_commands[] = {
  { "petitioner.lookup", _hall_petitioner_lookup, PEOPLE, HALL_COMMAND_READ },
  { "matter.register", matter_register, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.get", matter_get, PEOPLE, HALL_COMMAND_READ },
  { "matter.list", matter_list, PEOPLE, HALL_COMMAND_READ },
  { "matter.due", matter_due, PEOPLE, HALL_COMMAND_READ },
  { "matter.accept", _hall_matter_accept, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.decline", _hall_matter_decline, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.assign", _hall_matter_assign_cmd, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.object", _hall_matter_object, HALL_ROLE_STAFF | HALL_ROLE_MANAGER, HALL_COMMAND_WRITE },
  { "matter.reply", _hall_matter_reply, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.extend", _hall_matter_extend, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.close", _hall_matter_close, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.review_request", _hall_matter_review_request, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.review_reply", _hall_matter_review_reply, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.rereview_request", _hall_matter_rereview_request, PEOPLE, HALL_COMMAND_WRITE },
  { "matter.rereview_reply", _hall_matter_rereview_reply, PEOPLE, HALL_COMMAND_WRITE },
  { "status.query", status_query, PEOPLE | HALL_ROLE_KIOSK, HALL_COMMAND_READ },
  { NULL }
};
