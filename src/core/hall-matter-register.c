/* hall-matter-register.c — matter.register: the petition, its petitioners and the first
 * receiver (首接首办); litigation-related matters are not accepted and the visitor is sent to the
 * 政法 windows (诉访分离)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter"

#include "config.h"

#include <glib/gi18n.h>
#include <sodium.h>
#include <string.h>

#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-idcard.h"
#include "hall-matter-private.h"
#include "hall-matter-timeline-private.h"
#include "hall-queue-private.h"

#define MAX_PETITIONERS 50

static const char *const channels[] = { "visit", "letter", "online", "phone", "other", NULL };
static const char *const types[] = { "suggestion", "accusation", "claim", NULL };
static const char *const roles[] = { "petitioner", "representative", NULL };

static gint64
first_department (HallCtx *ctx,
                  gint64   category_department,
                  GError **error)
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
    hall_set_error (error, HALL_ERROR_CONFLICT, NULL,
                    _ ("The hall has no reception department to register the matter for."));
  return 0;
}

static JsonArray *
legal_windows (HallCtx *ctx,
               GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;

  stmt = hall_db_prepare (
      ctx->db,
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
next_number (HallCtx *ctx,
             char   **number,
             GError **error)
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
  gint64      id;
  const char *role;
} Party;

static gboolean
resolve_parties (HallCtx   *ctx,
                 JsonArray *list,
                 gint64     ticket_petitioner,
                 GArray    *parties,
                 gint64    *repeat,
                 GError   **error)
{
  guint n = json_array_get_length (list), representatives = 0;

  if (n == 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "petitioners",
                      _ ("Name at least one petitioner."));
      return FALSE;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonNode        *node = json_array_get_element (list, i);
      g_autofree char *prefix = g_strdup_printf ("petitioners[%u]", i);
      Party            party = { 0, "petitioner" };
      gint64           visits = 0;
      JsonObject      *person;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, prefix,
                          _ ("Each petitioner is an object with a name and, where given, an ID "
                             "number and a phone number."));
          return FALSE;
        }
      person = json_node_get_object (node);
      {
        GError *inner = NULL;
        if (!hall_param_enum (person, "role", FALSE, roles, &party.role, &inner))
          {
            g_autofree char *field = g_strdup_printf ("%s.role", prefix);
            g_propagate_error (
                error, hall_error_new_literal (HALL_ERROR_INVALID_ARGUMENT, field, inner->message));
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
                            _ ("This person is already in the list of petitioners."));
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
                      _ ("A collective visit chooses at most 5 representatives; %u are marked as "
                         "representatives."),
                      representatives);
      return FALSE;
    }
  return TRUE;
}

JsonObject *
_hall_matter_register (HallCtx    *ctx,
                       JsonObject *params,
                       GError    **error)
{
  const char *channel = NULL, *type = NULL, *content = NULL, *received_date = NULL;
  const char *escalation = NULL;
  gint64      category_id = 0, persons = 0, ticket_id = 0, ticket_petitioner = 0, ticket_persons = 0;
  gint64      category_department = 0, department_id, matter_id, repeat = 0, link_id = 0;
  gboolean    litigation = FALSE, collective = FALSE, collective_given;
  JsonArray  *list = NULL;
  g_autoptr (GArray) parties = g_array_new (FALSE, FALSE, sizeof (Party));
  g_autofree char *number = NULL;
  g_autofree char *decision_due = NULL;
  char             query_code[8];
  g_autoptr (HallStmt) insert = NULL;
  g_autoptr (JsonArray) windows = NULL;
  g_autoptr (JsonObject) detail = NULL;
  g_autoptr (JsonObject) target = NULL;
  const char *link_outcome = NULL;
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
      || !hall_param_date (params, "received_date", FALSE, &received_date, error)
      || !hall_param_enum (params, "escalation", FALSE, _hall_matter_escalations, &escalation,
                           error)
      || !hall_param_int (params, "link", FALSE, 1, G_MAXINT64, &link_id, error))
    return NULL;
  if (link_id != 0)
    {
      if ((target = _hall_matter_link_target (ctx, link_id, error)) == NULL)
        return NULL;
      link_outcome = _hall_matter_link_outcome (target);
    }
  collective_given = json_object_has_member (params, "collective");

  if (received_date == NULL)
    received_date = ctx->today;
  else if (strcmp (received_date, ctx->today) > 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "received_date",
                      _ ("The date of receipt cannot be in the future."));
      return NULL;
    }

  if (category_id != 0)
    {
      g_autoptr (HallStmt) stmt = hall_db_prepare (
          ctx->db, "SELECT department_id, litigation, active FROM category WHERE id = ?1", error);
      if (stmt == NULL)
        return NULL;
      hall_stmt_bind_int (stmt, 1, category_id);
      switch (hall_stmt_step (stmt, error))
        {
        case SQLITE_ROW:
          break;
        case SQLITE_DONE:
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "category_id",
                          _ ("There is no such category."));
          return NULL;
        default:
          return NULL;
        }
      if (!hall_stmt_int (stmt, 2))
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "category_id",
                          _ ("This category is no longer in use; choose another one."));
          return NULL;
        }
      category_department = hall_stmt_int (stmt, 0);
      litigation = litigation || hall_stmt_int (stmt, 1);
    }

  if (ticket_id != 0)
    {
      g_autoptr (GError) missing = NULL;
      g_autoptr (JsonObject) ticket = _hall_queue_ticket_object (ctx, ticket_id, &missing);
      gboolean visible = FALSE;

      if (ticket == NULL && !g_error_matches (missing, HALL_ERROR, HALL_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&missing));
          return NULL;
        }
      if (ticket != NULL && !_hall_ticket_visible (ctx, ticket, &visible, error))
        return NULL;
      /* A ticket the clerk may not see reads as none: registering on it would hand them the
       * visitor the ticket names. */
      if (!visible)
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "ticket_id",
                          _ ("There is no such ticket."));
          return NULL;
        }
      ticket_petitioner = _hall_matter_get_int (ticket, "petitioner_id");
      ticket_persons = _hall_matter_get_int (ticket, "persons");
    }

  if (!resolve_parties (ctx, list, ticket_petitioner, parties, &repeat, error))
    return NULL;

  if (persons == 0)
    persons = MAX ((gint64) parties->len, ticket_persons);
  if (persons < (gint64) parties->len)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "persons",
                      _ ("Fewer persons than petitioners named: count everyone who came."));
      return NULL;
    }
  if (!collective_given)
    collective = persons >= HALL_MATTER_COLLECTIVE_PERSONS;

  /* On a matter still being handled, or finally re-reviewed: recorded there, not accepted. */
  if (link_outcome != NULL && !g_str_equal (link_outcome, "linked"))
    {
      g_autoptr (JsonArray) ids = json_array_new ();

      for (guint i = 0; i < parties->len; i++)
        json_array_add_int_element (ids, g_array_index (parties, Party, i).id);
      return _hall_matter_record_repeat (ctx, target, channel, content, received_date, ticket_id,
                                         persons, ids, error);
    }

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

  insert = hall_db_prepare (
      ctx->db,
      "INSERT INTO matter (number, query_code, channel, type, category_id, department_id, "
      "content, persons, collective, litigation, state, first_user_id, first_counter_id, "
      "first_department_id, ticket_id, received_date, registered_at, decision_due, "
      "decided_at, decided_date, updated_at, escalation) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?6, ?14, ?15, ?16, "
      "?17, ?18, ?19, ?16, ?20)",
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
  hall_stmt_bind_text (insert, 20, escalation);
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
      g_autoptr (HallStmt) link =
          hall_db_prepare (ctx->db,
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
  if (escalation != NULL)
    json_object_set_string_member (detail, "escalation", escalation);
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

  if (target != NULL && !_hall_matter_add_link (ctx, matter_id, target, "earlier", NULL, error))
    return NULL;

  if (!_hall_matter_emit (ctx, "matter.registered", matter_id, error))
    return NULL;
  if (target != NULL && !_hall_matter_emit (ctx, "matter.changed", link_id, error))
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
  json_object_set_string_member (result, "outcome", target != NULL ? "linked" : "registered");
  if (target != NULL)
    {
      json_object_set_int_member (result, "linked_matter_id", link_id);
      json_object_set_string_member (result, "linked_number",
                                     _hall_matter_get_string (target, "number"));
    }
  {
    JsonArray *ids = json_array_new ();
    for (guint i = 0; i < parties->len; i++)
      json_array_add_int_element (ids, g_array_index (parties, Party, i).id);
    json_object_set_array_member (result, "petitioner_ids", ids);
  }
  if (litigation)
    {
      json_object_set_array_member (result, "legal_windows", g_steal_pointer (&windows));
      json_object_set_string_member (
          result, "guidance",
          _ ("Litigation-related: not accepted as a petition. Send the visitor to the "
             "law-enforcement and judicial windows listed."));
    }
  return result;
}

const char *const _hall_matter_escalations[] = { "city", "province", "capital", NULL };

/* matter.update: what the form may correct after registration; for now whether the petitioner
 * has gone to a higher level (越级访), which may come out only later. */
JsonObject *
_hall_matter_update (HallCtx    *ctx,
                     JsonObject *params,
                     GError    **error)
{
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (JsonObject) detail = json_object_new ();
  g_autoptr (HallStmt) stmt = NULL;
  const char *escalation = NULL;
  gint64      matter_id;

  if ((matter = _hall_matter_require (ctx, params, HALL_MATTER_WRITE, error)) == NULL)
    return NULL;
  if (!json_object_has_member (params, "escalation"))
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "escalation",
                      _ ("Say what to change."));
      return NULL;
    }
  if (!hall_param_enum (params, "escalation", FALSE, _hall_matter_escalations, &escalation,
                        error))
    return NULL;
  matter_id = _hall_matter_get_int (matter, "id");
  stmt = hall_db_prepare (ctx->db,
                          "UPDATE matter SET escalation = ?2, updated_at = ?3 WHERE id = ?1",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, matter_id);
  hall_stmt_bind_text (stmt, 2, escalation);
  hall_stmt_bind_int (stmt, 3, ctx->now);
  if (!_hall_matter_exec (stmt, error))
    return NULL;
  if (escalation != NULL)
    json_object_set_string_member (detail, "escalation", escalation);
  else
    json_object_set_null_member (detail, "escalation");
  if (!_hall_matter_add_timeline (ctx, matter_id, "escalation_set", detail, error)
      || !_hall_matter_emit (ctx, "matter.changed", matter_id, error))
    return NULL;
  return _hall_matter_result (ctx, matter_id, error);
}
