/* hall-leader-reception.c — the leader's reception record (领导干部接待群众来访登记表):
 * leader.receive, leader.reception, leader.receptions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-leader"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-followup-private.h"
#include "hall-leader-private.h"
#include "hall-matter-private.h"
#include "hall-matter-timeline-private.h"

#define TEXT_MAX 2000
#define MAX_ASSIGNMENTS 10

/* The particulars written on the form: given by the leader, or copied from the matter's first
 * petitioner. */
typedef struct
{
  gint64 petitioner_id;
  char  *name;
  char  *sex;
  char  *id_number;
  char  *address;
  char  *phone;
} Visitor;

static void
visitor_clear (Visitor *v)
{
  g_free (v->name);
  g_free (v->sex);
  g_free (v->id_number);
  g_free (v->address);
  g_free (v->phone);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Visitor, visitor_clear)

static gboolean
load_petitioner (HallCtx    *ctx,
                 const char *sql,
                 gint64      id,
                 Visitor    *v,
                 GError    **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, sql, error);

  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      v->petitioner_id = hall_stmt_int (stmt, 0);
      v->name = g_strdup (hall_stmt_text (stmt, 1));
      v->sex = g_strdup (hall_stmt_text (stmt, 2));
      v->id_number = g_strdup (hall_stmt_text (stmt, 3));
      v->address = g_strdup (hall_stmt_text (stmt, 4));
      v->phone = g_strdup (hall_stmt_text (stmt, 5));
      return TRUE;
    case SQLITE_DONE:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
resolve_visitor (HallCtx    *ctx,
                 JsonObject *params,
                 gint64      matter_id,
                 Visitor    *v,
                 GError    **error)
{
  JsonObject *given = NULL;

  if (!hall_param_object (params, "petitioner", FALSE, &given, error))
    return FALSE;

  if (given != NULL)
    {
      gint64 id = 0;

      if (!_hall_petitioner_resolve (ctx, given, "petitioner", &id, NULL, error))
        return FALSE;
      return load_petitioner (
          ctx, "SELECT id, name, sex, id_number, address, phone FROM petitioner WHERE id = ?1", id,
          v, error);
    }

  return load_petitioner (
      ctx,
      "SELECT p.id, p.name, p.sex, p.id_number, p.address, p.phone "
      "FROM matter_petitioner mp JOIN petitioner p ON p.id = mp.petitioner_id "
      "WHERE mp.matter_id = ?1 ORDER BY mp.role = 'representative', mp.sort LIMIT 1",
      matter_id, v, error);
}

static const char *const roles[] = { "lead", "cooperate", NULL };
/* 现场答复解决, 交办, 转送, 解释说明 */
static const char *const outcomes[] = { "resolved", "assigned", "forwarded", "explained", NULL };

/* One entry of "assignments": {"department": code or "department_id", "deadline", "note",
 * "role": "lead" or "cooperate"}. */
static gboolean
read_assignment (HallCtx     *ctx,
                 JsonArray   *list,
                 guint        index,
                 const char  *default_deadline,
                 gint64      *department_id,
                 const char **deadline,
                 const char **note,
                 const char **role,
                 JsonObject  *recorded,
                 GError     **error)
{
  JsonNode        *node = json_array_get_element (list, index);
  g_autofree char *prefix = g_strdup_printf ("assignments[%u]", index);
  g_autofree char *field = NULL;
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (GError) local = NULL;
  const char *code = NULL;
  JsonObject *item;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, prefix,
                      _ ("Each assignment names a department and a deadline."));
      return FALSE;
    }
  item = json_node_get_object (node);
  *department_id = 0;
  *deadline = default_deadline;
  *note = NULL;
  *role = NULL;

  /* Name the entry in the error, e.g. "assignments[1].deadline". */
  if (!hall_param_string (item, "department", FALSE, 32, &code, &local)
      || !hall_param_int (item, "department_id", FALSE, 1, G_MAXINT64, department_id, &local)
      || !hall_param_date (item, "deadline", FALSE, deadline, &local)
      || !hall_param_string (item, "note", FALSE, HALL_MATTER_REASON_MAX, note, &local)
      || !hall_param_enum (item, "role", FALSE, roles, role, &local))
    {
      field = g_strdup_printf ("%s.%s", prefix, hall_error_get_field (local));
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, field, "%s", local->message);
      return FALSE;
    }

  stmt =
      hall_db_prepare (ctx->db,
                       "SELECT id, code, name FROM department WHERE (?1 IS NOT NULL AND code = ?1) "
                       "OR (?1 IS NULL AND id = ?2)",
                       error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_text (stmt, 1, code);
  hall_stmt_bind_int (stmt, 2, *department_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      break;
    case SQLITE_DONE:
      field = g_strdup_printf ("%s.department", prefix);
      if (code == NULL && *department_id == 0)
        hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, field,
                        _ ("Choose the department to assign it to."));
      else
        hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, field,
                        _ ("There is no such department."));
      return FALSE;
    default:
      return FALSE;
    }
  *department_id = hall_stmt_int (stmt, 0);

  if (*deadline == NULL)
    {
      field = g_strdup_printf ("%s.deadline", prefix);
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, field,
                      _ ("Give a deadline for this department, or one deadline for all."));
      return FALSE;
    }
  if (strcmp (*deadline, ctx->today) <= 0)
    {
      field = g_strdup_printf ("%s.deadline", prefix);
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, field,
                      _ ("The deadline must be after today."));
      return FALSE;
    }

  json_object_set_int_member (recorded, "department_id", *department_id);
  json_object_set_string_member (recorded, "code", hall_stmt_text (stmt, 1));
  json_object_set_string_member (recorded, "name", hall_stmt_text (stmt, 2));
  json_object_set_string_member (recorded, "deadline", *deadline);
  return TRUE;
}

static JsonObject *
describe_reception (HallCtx *ctx,
                    gint64   reception_id,
                    GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  JsonObject *reception, *result;

  stmt = hall_db_prepare (
      ctx->db,
      "SELECT r.id, r.date, r.leader_user_id, a.display_name AS leader_name, "
      "r.escalation_id, r.ticket_id, t.code AS ticket_code, r.matter_id, "
      "m.number AS matter_number, r.petitioner_id, r.petitioner_name, r.petitioner_sex, "
      "r.petitioner_id_number, r.petitioner_address, r.petitioner_phone, r.persons, "
      "r.problem, r.instructions, r.departments_json, r.deadline, r.result, r.outcome, "
      "r.created_at "
      "FROM leader_reception r JOIN account a ON a.id = r.leader_user_id "
      "JOIN matter m ON m.id = r.matter_id LEFT JOIN ticket t ON t.id = r.ticket_id "
      "WHERE r.id = ?1",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, reception_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      break;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "reception_id",
                      _ ("There is no such reception record."));
      return NULL;
    default:
      return NULL;
    }
  reception = hall_stmt_row_object (stmt);
  result = json_object_new ();
  json_object_set_object_member (result, "reception", reception);
  return result;
}

JsonObject *
_hall_leader_receive (HallCtx    *ctx,
                      JsonObject *params,
                      GError    **error)
{
  const char *problem = NULL, *instructions = NULL, *deadline = NULL, *result_text = NULL;
  const char *outcome = NULL;
  gint64      escalation_id = 0, matter_id = 0, ticket_id = 0, persons = 0, reception_id;
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (JsonArray) departments = json_array_new ();
  g_autoptr (JsonObject) detail = NULL;
  g_autoptr (HallStmt) insert = NULL;
  g_autofree char *departments_json = NULL;
  g_autofree char *latest_deadline = NULL;
  g_auto (Visitor) visitor = { 0 };
  JsonArray     *assignments = NULL;
  JsonObject    *payload;
  HallAssignSpec specs[MAX_ASSIGNMENTS];
  guint          n_specs = 0;
  int            lead = -1, first_unmarked = -1;

  if (!hall_param_int (params, "escalation_id", FALSE, 1, G_MAXINT64, &escalation_id, error))
    return NULL;

  if (escalation_id != 0)
    {
      gint64 escalated_matter;

      hall_ctx_set_object (ctx, "leader_escalation", escalation_id);
      if (!_hall_leader_own_escalation (ctx, escalation_id, &escalated_matter, &ticket_id, NULL,
                                        error))
        return NULL;
      if (!hall_param_int (params, "matter_id", FALSE, 1, G_MAXINT64, &matter_id, error))
        return NULL;
      if (matter_id != 0 && matter_id != escalated_matter)
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "matter_id",
                          _ ("This visitor was escalated for another matter."));
          return NULL;
        }
      json_object_set_int_member (params, "matter_id", escalated_matter);
    }

  /* A leader may also receive a matter that was not escalated (a visitor who asked for the
   * leader by name, a matter in their charge). */
  matter = _hall_matter_require (ctx, params, HALL_MATTER_READ, error);
  if (matter == NULL)
    return NULL;
  matter_id = _hall_matter_get_int (matter, "id");
  if (_hall_leader_matter_is_final (_hall_matter_get_string (matter, "state")))
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "matter_id",
                      _ ("This matter is %s: it takes no more instructions."),
                      _hall_matter_state_label (_hall_matter_get_string (matter, "state")));
      return NULL;
    }

  /* A matter received by number that was escalated to this leader today is that escalation. */
  if (escalation_id == 0)
    {
      g_autoptr (HallStmt) open = NULL;

      open = hall_db_prepare (
          ctx->db,
          "SELECT id, ticket_id FROM leader_escalation WHERE matter_id = ?1 "
          "AND leader_user_id = ?2 AND date = ?3 AND state IN ('waiting', 'called')",
          error);
      if (open == NULL)
        return NULL;
      hall_stmt_bind_int (open, 1, matter_id);
      hall_stmt_bind_int (open, 2, ctx->actor->user_id);
      hall_stmt_bind_text (open, 3, ctx->today);
      switch (hall_stmt_step (open, error))
        {
        case SQLITE_ROW:
          escalation_id = hall_stmt_int (open, 0);
          ticket_id = hall_stmt_int (open, 1);
          break;
        case SQLITE_DONE:
          break;
        default:
          return NULL;
        }
    }
  /* The visitor who came to the leader by the matter's number still holds their ticket of
   * today: it is finished by the reception, as an escalated one is. */
  if (ticket_id == 0 && !_hall_leader_find_open_ticket (ctx, matter_id, 0, &ticket_id, error))
    return NULL;

  if (!hall_param_int (params, "persons", FALSE, 1, 9999, &persons, error)
      || !hall_param_string (params, "problem", TRUE, TEXT_MAX, &problem, error)
      || !hall_param_string (params, "instructions", TRUE, TEXT_MAX, &instructions, error)
      || !hall_param_date (params, "deadline", FALSE, &deadline, error)
      || !hall_param_string (params, "result", FALSE, TEXT_MAX, &result_text, error)
      || !hall_param_enum (params, "outcome", FALSE, outcomes, &outcome, error)
      || !hall_param_array (params, "assignments", FALSE, MAX_ASSIGNMENTS, &assignments, error))
    return NULL;

  if (deadline != NULL && strcmp (deadline, ctx->today) <= 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "deadline",
                      _ ("The deadline must be after today."));
      return NULL;
    }

  if (persons == 0)
    persons =
        _hall_matter_get_int (matter, "persons") > 0 ? _hall_matter_get_int (matter, "persons") : 1;

  if (!resolve_visitor (ctx, params, matter_id, &visitor, error))
    return NULL;

  /* Check every assignment before any is made, so a bad last one leaves nothing half done. */
  n_specs = assignments != NULL ? json_array_get_length (assignments) : 0;
  /* Handing the matter to departments is an assignment (交办) unless the leader said otherwise. */
  if (outcome == NULL && n_specs > 0)
    outcome = "assigned";
  if (outcome != NULL && g_str_equal (outcome, "assigned") && n_specs == 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "assignments",
                      _ ("An assignment names the departments it goes to."));
      return NULL;
    }
  for (guint i = 0; i < n_specs; i++)
    {
      JsonObject *recorded = json_object_new ();
      const char *d = NULL, *note = NULL, *role = NULL;
      gint64      department_id;

      json_array_add_object_element (departments, recorded);
      if (!read_assignment (ctx, assignments, i, deadline, &department_id, &d, &note, &role,
                            recorded, error))
        return NULL;
      specs[i].department_id = department_id;
      specs[i].deadline = d;
      specs[i].note = note ? note : instructions;
      if (g_strcmp0 (role, "lead") == 0)
        {
          if (lead >= 0)
            {
              g_autofree char *field = g_strdup_printf ("assignments[%u].role", i);
              hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, field,
                              _ ("Only one department can lead; mark the others as cooperating."));
              return NULL;
            }
          lead = i;
        }
      else if (role == NULL && first_unmarked < 0)
        first_unmarked = i;
      for (guint j = 0; j < i; j++)
        if (json_object_get_int_member (json_array_get_object_element (departments, j),
                                        "department_id")
            == department_id)
          {
            g_autofree char *field = g_strdup_printf ("assignments[%u].department", i);
            hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, field,
                            _ ("This department is already in the list."));
            return NULL;
          }
      if (latest_deadline == NULL || strcmp (d, latest_deadline) > 0)
        {
          g_free (latest_deadline);
          latest_deadline = g_strdup (d);
        }
    }

  /* The department marked to lead, else the first listed that is not marked cooperating. */
  if (lead < 0)
    lead = first_unmarked;
  if (n_specs > 0 && lead < 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "assignments[0].role",
                      _ ("One department must lead. Mark one as the lead."));
      return NULL;
    }
  if (lead > 0)
    {
      HallAssignSpec first = specs[lead];

      memmove (&specs[1], &specs[0], lead * sizeof *specs);
      specs[0] = first;
    }
  for (guint i = 0; i < n_specs; i++)
    json_object_set_string_member (json_array_get_object_element (departments, i), "role",
                                   (int) i == lead ? "lead" : "cooperate");

  {
    g_autoptr (JsonNode) node = json_node_init_array (json_node_alloc (), departments);
    departments_json = json_to_string (node, FALSE);
  }

  insert = hall_db_prepare (
      ctx->db,
      "INSERT INTO leader_reception (date, leader_user_id, escalation_id, ticket_id, "
      "matter_id, petitioner_id, petitioner_name, petitioner_sex, petitioner_id_number, "
      "petitioner_address, petitioner_phone, persons, problem, instructions, "
      "departments_json, deadline, result, created_at, created_by, outcome) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, "
      "?17, ?18, ?2, ?19)",
      error);
  if (insert == NULL)
    return NULL;
  hall_stmt_bind_text (insert, 1, ctx->today);
  hall_stmt_bind_int (insert, 2, ctx->actor->user_id);
  hall_stmt_bind_id (insert, 3, escalation_id);
  hall_stmt_bind_id (insert, 4, ticket_id);
  hall_stmt_bind_int (insert, 5, matter_id);
  hall_stmt_bind_id (insert, 6, visitor.petitioner_id);
  hall_stmt_bind_text (insert, 7, visitor.name);
  hall_stmt_bind_text (insert, 8, visitor.sex);
  hall_stmt_bind_text (insert, 9, visitor.id_number);
  hall_stmt_bind_text (insert, 10, visitor.address);
  hall_stmt_bind_text (insert, 11, visitor.phone);
  hall_stmt_bind_int (insert, 12, persons);
  hall_stmt_bind_text (insert, 13, problem);
  hall_stmt_bind_text (insert, 14, instructions);
  hall_stmt_bind_text (insert, 15, departments_json);
  hall_stmt_bind_text (insert, 16, latest_deadline ? latest_deadline : deadline);
  hall_stmt_bind_text (insert, 17, result_text);
  hall_stmt_bind_int (insert, 18, ctx->now);
  hall_stmt_bind_text (insert, 19, outcome);
  if (!_hall_leader_exec (insert, error))
    return NULL;
  reception_id = hall_db_last_insert_id (ctx->db);
  hall_ctx_set_object (ctx, "leader_reception", reception_id);

  /* The instruction first, then the assignments it gave, in the matter's timeline. */
  detail = json_object_new ();
  json_object_set_int_member (detail, "reception_id", reception_id);
  json_object_set_int_member (detail, "leader_user_id", ctx->actor->user_id);
  json_object_set_string_member (detail, "instructions", instructions);
  json_object_set_array_member (detail, "departments", json_array_ref (departments));
  if (!_hall_matter_add_timeline (ctx, matter_id, "leader_instruction", detail, error))
    return NULL;

  /* One round: the lead (牵头) becomes responsible for the matter, the others cooperate (配合),
   * all at the same time. */
  if (n_specs > 0)
    {
      g_autoptr (GError) local = NULL;
      int bad = -1;

      if (!_hall_matter_assign_round (ctx, matter_id, specs, n_specs, &bad, &local))
        {
          /* Point at the entry to fix: "assignments[1].deadline" rather than "deadline". */
          const char *field = hall_error_get_field (local);

          if (local->domain == HALL_ERROR && field != NULL && bad >= 0
              && !g_str_equal (field, "matter_id"))
            {
              /* specs[] is in round order; the entry's index is its place in the request. */
              guint            entry_index = bad == 0 ? (guint) lead : (guint) (bad <= lead ? bad - 1 : bad);
              g_autofree char *entry =
                  g_strdup_printf ("assignments[%u].%s", entry_index,
                                   g_str_equal (field, "department_id") ? "department" : field);
              g_propagate_error (error,
                                 hall_error_new_literal (local->code, entry, local->message));
            }
          else
            g_propagate_error (error, g_steal_pointer (&local));
          return NULL;
        }
    }

  if (ticket_id != 0)
    {
      g_autoptr (HallStmt) finish = NULL;

      finish = hall_db_prepare (
          ctx->db,
          "UPDATE ticket SET state = 'finished', outcome = 'matter', matter_id = ?2, "
          "started_at = coalesce(started_at, called_at, ?3), finished_at = ?3 "
          "WHERE id = ?1 AND state != 'finished'",
          error);
      if (finish == NULL)
        return NULL;
      hall_stmt_bind_int (finish, 1, ticket_id);
      hall_stmt_bind_int (finish, 2, matter_id);
      hall_stmt_bind_int (finish, 3, ctx->now);
      if (!_hall_leader_exec (finish, error)
          || !_hall_leader_emit_ticket (ctx, "ticket.finished", ticket_id, ctx->actor->user_id,
                                        error))
        return NULL;
    }

  /* A lapsed escalation of the matter needs no more follow-up: a leader received it. */
  if (!_hall_leader_resolve_lapsed (ctx, matter_id, "received", 0, error))
    return NULL;
  /* Every matter a leader received is called back (回访核实). */
  if (!_hall_followup_enqueue_matter (ctx, matter_id, "leader", error))
    return NULL;

  /* The escalation is answered, whichever way the leader came to the matter. */
  if (escalation_id != 0)
    {
      g_autoptr (HallStmt) received = NULL;

      received =
          hall_db_prepare (ctx->db,
                           "UPDATE leader_escalation SET state = 'received', reception_id = ?2 "
                           "WHERE id = ?1",
                           error);
      if (received == NULL)
        return NULL;
      hall_stmt_bind_int (received, 1, escalation_id);
      hall_stmt_bind_int (received, 2, reception_id);
      if (!_hall_leader_exec (received, error))
        return NULL;
    }

  payload = json_object_new ();
  json_object_set_int_member (payload, "reception_id", reception_id);
  json_object_set_int_member (payload, "matter_id", matter_id);
  json_object_set_int_member (payload, "leader_user_id", ctx->actor->user_id);
  if (escalation_id)
    json_object_set_int_member (payload, "escalation_id", escalation_id);
  if (ticket_id)
    json_object_set_int_member (payload, "ticket_id", ticket_id);
  json_object_set_int_member (payload, "assignments", json_array_get_length (departments));
  if (!hall_ctx_emit (ctx, "leader.received", payload, error))
    return NULL;
  /* Assignments announced the matter's change already. */
  if (json_array_get_length (departments) == 0
      && !_hall_matter_emit (ctx, "matter.changed", matter_id, error))
    return NULL;

  return describe_reception (ctx, reception_id, error);
}

JsonObject *
_hall_leader_reception_get (HallCtx    *ctx,
                            JsonObject *params,
                            GError    **error)
{
  gint64 reception_id;

  if (!hall_param_int (params, "reception_id", TRUE, 1, G_MAXINT64, &reception_id, error))
    return NULL;
  hall_ctx_set_object (ctx, "leader_reception", reception_id);
  /* The record holds the visitor's ID number, phone and address: every read is audited. */
  if (!hall_ctx_audit (ctx, "leader_reception.read_personal", "leader_reception", reception_id,
                       error))
    return NULL;
  return describe_reception (ctx, reception_id, error);
}

/* The register (台账) of receptions for a date range, without the visitors' particulars. */
JsonObject *
_hall_leader_receptions (HallCtx    *ctx,
                         JsonObject *params,
                         GError    **error)
{
  const char *from = NULL, *to = NULL;
  gint64      leader_user_id = 0, limit = 500;
  g_autoptr (HallStmt) stmt = NULL;
  JsonArray  *rows;
  JsonObject *result;

  if (!hall_param_date (params, "from", FALSE, &from, error)
      || !hall_param_date (params, "to", FALSE, &to, error)
      || !hall_param_int (params, "leader_user_id", FALSE, 1, G_MAXINT64, &leader_user_id, error)
      || !hall_param_int (params, "limit", FALSE, 1, 2000, &limit, error))
    return NULL;
  if (from == NULL)
    from = ctx->today;
  if (to == NULL)
    to = from;
  if (strcmp (to, from) < 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "to",
                      _ ("The end date is before the start date."));
      return NULL;
    }

  stmt = hall_db_prepare (
      ctx->db,
      "SELECT r.id, r.date, r.leader_user_id, a.display_name AS leader_name, r.matter_id, "
      "m.number AS matter_number, r.ticket_id, r.persons, r.departments_json, r.deadline, "
      "r.outcome, r.created_at FROM leader_reception r JOIN account a ON a.id = r.leader_user_id "
      "JOIN matter m ON m.id = r.matter_id "
      "WHERE r.date BETWEEN ?1 AND ?2 AND (?3 = 0 OR r.leader_user_id = ?3) "
      "ORDER BY r.date, r.id LIMIT ?4",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, 1, from);
  hall_stmt_bind_text (stmt, 2, to);
  hall_stmt_bind_int (stmt, 3, leader_user_id);
  hall_stmt_bind_int (stmt, 4, limit);
  rows = hall_stmt_all_objects (stmt, error);
  if (rows == NULL)
    return NULL;

  result = json_object_new ();
  json_object_set_string_member (result, "from", from);
  json_object_set_string_member (result, "to", to);
  json_object_set_array_member (result, "receptions", rows);
  return result;
}
