/* hall-matter-assign.c — assignment (交办) of a matter to a lead department (牵头单位) and any
 * cooperating ones (配合单位), objection (异议, 5 working days) and progress notes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-matter-private.h"
#include "hall-matter-timeline-private.h"

/* A lead and at most nine cooperating departments per round. */
#define ROUND_MAX 10
#define NOTE_MAX 1000

static const char *const assignable[] = { "registered", "accepted", "assigned", "objected", NULL };
static const char *const final_states[] = { "closed", "declined", "litigation", NULL };

gboolean
_hall_matter_cooperates (HallCtx *ctx,
                         gint64   matter_id,
                         gint64   department_id,
                         gboolean open_only)
{
  g_autoptr (HallStmt) stmt = NULL;

  if (department_id == 0)
    return FALSE;
  stmt = hall_db_prepare (
      ctx->db,
      "SELECT 1 FROM matter_assignment WHERE matter_id = ?1 AND department_id = ?2 "
      "AND role = 'cooperate' AND (state = 'open' OR (?3 = 0 AND state = 'done')) LIMIT 1",
      NULL);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, matter_id);
  hall_stmt_bind_int (stmt, 2, department_id);
  hall_stmt_bind_int (stmt, 3, open_only);
  return hall_stmt_step (stmt, NULL) == SQLITE_ROW;
}

/* Whether the open round already has this lead and exactly these cooperating departments. */
static gboolean
same_as_open_round (HallCtx              *ctx,
                    JsonObject           *matter,
                    const HallAssignSpec *specs,
                    guint                 n_specs,
                    gboolean             *same,
                    GError              **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  guint n_open = 0;
  int   rc;

  *same = FALSE;
  if (!g_str_equal (_hall_matter_get_string (matter, "state"), "assigned")
      || _hall_matter_get_int (matter, "department_id") != specs[0].department_id)
    return TRUE;

  stmt = hall_db_prepare (
      ctx->db,
      "SELECT department_id FROM matter_assignment WHERE matter_id = ?1 AND state = 'open' "
      "AND role = 'cooperate'",
      error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, _hall_matter_get_int (matter, "id"));
  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      gint64   department_id = hall_stmt_int (stmt, 0);
      gboolean listed = FALSE;

      for (guint i = 1; i < n_specs; i++)
        listed = listed || specs[i].department_id == department_id;
      if (!listed)
        return TRUE;
      n_open++;
    }
  if (rc == 0)
    return FALSE;
  *same = n_open == n_specs - 1;
  return TRUE;
}

static gboolean
insert_assignment (HallCtx              *ctx,
                   gint64                matter_id,
                   const HallAssignSpec *spec,
                   gint64                from_department_id,
                   gint64                round,
                   const char           *role,
                   const char           *objection_until,
                   gint64               *assignment_id,
                   GError              **error)
{
  g_autoptr (HallStmt) insert =
      hall_db_prepare (ctx->db,
                       "INSERT INTO matter_assignment (matter_id, department_id, round, "
                       "role, from_department_id, assigned_at, assigned_date, "
                       "assigned_by, deadline, note, objection_until) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                       error);
  if (insert == NULL)
    return FALSE;
  hall_stmt_bind_int (insert, 1, matter_id);
  hall_stmt_bind_int (insert, 2, spec->department_id);
  hall_stmt_bind_int (insert, 3, round);
  hall_stmt_bind_text (insert, 4, role);
  hall_stmt_bind_int (insert, 5, from_department_id);
  hall_stmt_bind_int (insert, 6, ctx->now);
  hall_stmt_bind_text (insert, 7, ctx->today);
  hall_stmt_bind_id (insert, 8, ctx->actor->user_id);
  hall_stmt_bind_text (insert, 9, spec->deadline);
  hall_stmt_bind_text (insert, 10, spec->note);
  hall_stmt_bind_text (insert, 11, objection_until);
  if (!_hall_matter_exec (insert, error))
    return FALSE;
  *assignment_id = hall_db_last_insert_id (ctx->db);
  return TRUE;
}

/* Checks every department of the round, then ends the open round and opens the new one.
 * @given's deadlines may be NULL (the handling deadline). */
static gboolean
assign_round (HallCtx              *ctx,
              JsonObject           *matter,
              const HallAssignSpec *given,
              guint                 n_specs,
              int                  *bad_index,
              GError              **error)
{
  gint64           matter_id = _hall_matter_get_int (matter, "id");
  gint64           from_department_id = _hall_matter_get_int (matter, "department_id");
  HallAssignSpec   specs[ROUND_MAX];
  gint64           ids[ROUND_MAX];
  const char      *handling_due;
  g_autofree char *objection_until = NULL;
  g_autoptr (JsonArray) cooperating = json_array_new ();
  gint64   round = 1;
  gboolean same = FALSE;

  *bad_index = -1;
  g_return_val_if_fail (n_specs >= 1 && n_specs <= ROUND_MAX, FALSE);
  memcpy (specs, given, n_specs * sizeof *specs);

  if (!_hall_matter_check_state (matter, assignable,
                                 _ ("Only a matter being handled can be assigned."), error))
    return FALSE;

  for (guint i = 0; i < n_specs; i++)
    {
      *bad_index = i;
      if (!_hall_department_check_active (ctx, specs[i].department_id, "department_id", error))
        return FALSE;
      for (guint j = 0; j < i; j++)
        if (specs[j].department_id == specs[i].department_id)
          {
            hall_set_error (
                error, HALL_ERROR_INVALID_ARGUMENT, "department_id",
                _ ("This department is already in the list. Name each department once: one "
                   "leads, the others cooperate."));
            return FALSE;
          }
      if (specs[i].deadline != NULL && strcmp (specs[i].deadline, ctx->today) < 0)
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "deadline",
                          _ ("The deadline cannot be in the past."));
          return FALSE;
        }
    }

  *bad_index = 0;
  if (!same_as_open_round (ctx, matter, specs, n_specs, &same, error))
    return FALSE;
  if (same)
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "department_id",
                      n_specs == 1 ? _ ("The matter is already assigned to this department.")
                                   : _ ("The matter is already assigned to these departments."));
      return FALSE;
    }
  *bad_index = -1;

  /* Assigning a matter still waiting for its decision accepts it (条例 22: 交办 is a way of
   * dealing with it within the 15 days). */
  if (g_str_equal (_hall_matter_get_string (matter, "state"), "registered")
      && !_hall_matter_accept_now (ctx, matter, NULL, TRUE, error))
    return FALSE;

  handling_due = _hall_matter_get_string (matter, "handling_due");
  for (guint i = 0; i < n_specs; i++)
    {
      if (specs[i].deadline == NULL)
        specs[i].deadline = handling_due;
      else if (handling_due != NULL && strcmp (specs[i].deadline, handling_due) > 0)
        {
          *bad_index = i;
          hall_set_error (
              error, HALL_ERROR_INVALID_ARGUMENT, "deadline",
              _ ("The deadline cannot be later than the matter’s handling deadline, %s."),
              handling_due);
          return FALSE;
        }
    }

  objection_until =
      _hall_calendar_add_working_days (ctx, ctx->today, HALL_MATTER_OBJECTION_WORKING_DAYS, error);
  if (objection_until == NULL)
    return FALSE;

  {
    /* The earlier round ends, lead and cooperating departments alike. */
    g_autoptr (HallStmt) close =
        hall_db_prepare (ctx->db,
                         "UPDATE matter_assignment SET state = 'reassigned' "
                         "WHERE matter_id = ?1 AND state = 'open'",
                         error);
    g_autoptr (HallStmt) last = NULL;

    if (close == NULL)
      return FALSE;
    hall_stmt_bind_int (close, 1, matter_id);
    if (!_hall_matter_exec (close, error))
      return FALSE;

    last = hall_db_prepare (
        ctx->db, "SELECT coalesce(max(round), 0) + 1 FROM matter_assignment WHERE matter_id = ?1",
        error);
    if (last == NULL)
      return FALSE;
    hall_stmt_bind_int (last, 1, matter_id);
    if (hall_stmt_step (last, error) != SQLITE_ROW)
      return FALSE;
    round = hall_stmt_int (last, 0);
  }

  for (guint i = 0; i < n_specs; i++)
    {
      if (!insert_assignment (ctx, matter_id, &specs[i], from_department_id, round,
                              i == 0 ? "lead" : "cooperate", objection_until, &ids[i], error))
        return FALSE;
      if (i > 0)
        json_array_add_int_element (cooperating, specs[i].department_id);
    }

  {
    g_autoptr (HallStmt) update =
        hall_db_prepare (ctx->db,
                         "UPDATE matter SET state = 'assigned', department_id = ?2, "
                         "updated_at = ?3 WHERE id = ?1",
                         error);
    if (update == NULL)
      return FALSE;
    hall_stmt_bind_int (update, 1, matter_id);
    hall_stmt_bind_int (update, 2, specs[0].department_id);
    hall_stmt_bind_int (update, 3, ctx->now);
    if (!_hall_matter_exec (update, error))
      return FALSE;
  }

  /* One timeline entry per department, the lead's first. */
  for (guint i = 0; i < n_specs; i++)
    {
      g_autoptr (JsonObject) detail = json_object_new ();

      json_object_set_int_member (detail, "assignment_id", ids[i]);
      json_object_set_int_member (detail, "department_id", specs[i].department_id);
      json_object_set_int_member (detail, "from_department_id", from_department_id);
      json_object_set_string_member (detail, "deadline", specs[i].deadline);
      json_object_set_string_member (detail, "objection_until", objection_until);
      json_object_set_string_member (detail, "role", i == 0 ? "lead" : "cooperate");
      json_object_set_int_member (detail, "round", round);
      if (i == 0)
        json_object_set_array_member (detail, "cooperating_department_ids",
                                      json_array_ref (cooperating));
      else
        json_object_set_int_member (detail, "lead_department_id", specs[0].department_id);
      if (specs[i].note)
        json_object_set_string_member (detail, "note", specs[i].note);
      if (!_hall_matter_add_timeline (ctx, matter_id, "assigned", detail, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_hall_matter_assign_round (HallCtx              *ctx,
                           gint64                matter_id,
                           const HallAssignSpec *specs,
                           guint                 n_specs,
                           int                  *bad_index,
                           GError              **error)
{
  g_autoptr (JsonObject) matter = _hall_matter_load (ctx, matter_id, "matter_id", error);
  int bad = -1;

  if (bad_index)
    *bad_index = -1;
  if (matter == NULL)
    return FALSE;
  if (!_hall_matter_allowed (ctx, matter, HALL_MATTER_WRITE))
    {
      hall_set_error (error, HALL_ERROR_FORBIDDEN, "matter_id",
                      _ ("This matter belongs to another department; you may not act on it."));
      return FALSE;
    }
  if (n_specs > ROUND_MAX)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "department_id",
                      _ ("Assign a matter to at most %d departments at a time."), ROUND_MAX);
      return FALSE;
    }
  for (guint i = 0; i < n_specs; i++)
    if (specs[i].note != NULL && g_utf8_strlen (specs[i].note, -1) > HALL_MATTER_REASON_MAX)
      {
        if (bad_index)
          *bad_index = i;
        hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "note",
                        g_dngettext (GETTEXT_PACKAGE, "Too long: at most %u character.",
                                     "Too long: at most %u characters.", HALL_MATTER_REASON_MAX),
                        HALL_MATTER_REASON_MAX);
        return FALSE;
      }
  if (!assign_round (ctx, matter, specs, n_specs, &bad, error))
    {
      if (bad_index)
        *bad_index = bad;
      return FALSE;
    }
  return _hall_matter_emit (ctx, "matter.changed", matter_id, error);
}

gboolean
_hall_matter_assign (HallCtx    *ctx,
                     gint64      matter_id,
                     gint64      department_id,
                     const char *deadline,
                     const char *note,
                     GError    **error)
{
  HallAssignSpec spec = { department_id, deadline, note };

  return _hall_matter_assign_round (ctx, matter_id, &spec, 1, NULL, error);
}

JsonObject *
_hall_matter_assign_cmd (HallCtx    *ctx,
                         JsonObject *params,
                         GError    **error)
{
  g_autoptr (JsonObject) matter = NULL;
  HallAssignSpec specs[ROUND_MAX] = { { 0 } };
  JsonArray     *cooperating = NULL;
  guint          n_specs = 1;
  int            bad = -1;

  matter = _hall_matter_require (ctx, params, HALL_MATTER_WRITE, error);
  if (matter == NULL
      || !hall_param_int (params, "department_id", TRUE, 1, G_MAXINT64, &specs[0].department_id,
                          error)
      || !hall_param_date (params, "deadline", TRUE, &specs[0].deadline, error)
      || !hall_param_string (params, "note", FALSE, HALL_MATTER_REASON_MAX, &specs[0].note, error)
      || !hall_param_array (params, "cooperating_department_ids", FALSE, ROUND_MAX - 1,
                            &cooperating, error))
    return NULL;

  for (guint i = 0; cooperating != NULL && i < json_array_get_length (cooperating); i++)
    {
      JsonNode *node = json_array_get_element (cooperating, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64
          || json_node_get_int (node) < 1)
        {
          g_autofree char *field = g_strdup_printf ("cooperating_department_ids[%u]", i);

          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, field,
                          _ ("Choose each cooperating department from the list."));
          return NULL;
        }
      specs[n_specs].department_id = json_node_get_int (node);
      specs[n_specs].deadline = specs[0].deadline;
      specs[n_specs].note = specs[0].note;
      n_specs++;
    }

  if (!assign_round (ctx, matter, specs, n_specs, &bad, error))
    {
      /* Point at the cooperating department at fault. */
      if (bad > 0 && error && *error
          && g_strcmp0 (hall_error_get_field (*error), "department_id") == 0)
        {
          g_autofree char *field = g_strdup_printf ("cooperating_department_ids[%d]", bad - 1);
          GError          *renamed = hall_error_new_literal ((*error)->code, field, (*error)->message);

          g_clear_error (error);
          g_propagate_error (error, renamed);
        }
      return NULL;
    }
  if (!_hall_matter_emit (ctx, "matter.changed", _hall_matter_get_int (matter, "id"), error))
    return NULL;
  return _hall_matter_result (ctx, _hall_matter_get_int (matter, "id"), error);
}

/* ---- matter.object ---- */

typedef struct
{
  gint64 id;
  gint64 department_id;
  gint64 round;
  char  *objection_until;
  char  *role;
} OpenAssignment;

static void
open_assignment_clear (OpenAssignment *a)
{
  g_free (a->objection_until);
  g_free (a->role);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OpenAssignment, open_assignment_clear)

/* The open assignment of @department_id, or the lead's when 0. */
static gboolean
find_open_assignment (HallCtx        *ctx,
                      gint64          matter_id,
                      gint64          department_id,
                      OpenAssignment *a,
                      gboolean       *found,
                      GError        **error)
{
  g_autoptr (HallStmt) stmt =
      hall_db_prepare (ctx->db,
                       "SELECT id, department_id, round, objection_until, role "
                       "FROM matter_assignment WHERE matter_id = ?1 AND state = 'open' "
                       "AND ((?2 = 0 AND role = 'lead') OR department_id = ?2) "
                       "ORDER BY id DESC LIMIT 1",
                       error);

  *found = FALSE;
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, matter_id);
  hall_stmt_bind_int (stmt, 2, department_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      *found = TRUE;
      a->id = hall_stmt_int (stmt, 0);
      a->department_id = hall_stmt_int (stmt, 1);
      a->round = hall_stmt_int (stmt, 2);
      a->objection_until = g_strdup (hall_stmt_text (stmt, 3));
      a->role = g_strdup (hall_stmt_text (stmt, 4));
      return TRUE;
    case SQLITE_DONE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Ends @round's open cooperating assignments as "returned" and lists their departments. */
static gboolean
return_round (HallCtx   *ctx,
              gint64     matter_id,
              gint64     round,
              JsonArray *departments,
              GError   **error)
{
  g_autoptr (HallStmt) list = NULL;
  g_autoptr (HallStmt) update = NULL;
  int rc;

  list = hall_db_prepare (
      ctx->db,
      "SELECT department_id FROM matter_assignment WHERE matter_id = ?1 AND round = ?2 "
      "AND state = 'open' ORDER BY id",
      error);
  if (list == NULL)
    return FALSE;
  hall_stmt_bind_int (list, 1, matter_id);
  hall_stmt_bind_int (list, 2, round);
  while ((rc = hall_stmt_step (list, error)) == SQLITE_ROW)
    json_array_add_int_element (departments, hall_stmt_int (list, 0));
  if (rc == 0)
    return FALSE;

  update = hall_db_prepare (
      ctx->db,
      "UPDATE matter_assignment SET state = 'returned' WHERE matter_id = ?1 AND round = ?2 "
      "AND state = 'open'",
      error);
  if (update == NULL)
    return FALSE;
  hall_stmt_bind_int (update, 1, matter_id);
  hall_stmt_bind_int (update, 2, round);
  return _hall_matter_exec (update, error);
}

JsonObject *
_hall_matter_object (HallCtx    *ctx,
                     JsonObject *params,
                     GError    **error)
{
  static const char *const assigned[] = { "assigned", NULL };
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (JsonObject) detail = json_object_new ();
  g_auto (OpenAssignment) open = { 0 };
  const char *reason = NULL;
  gint64      matter_id, first_department, department_id = 0;
  gboolean    acting_for_any = hall_ctx_is (ctx, HALL_ROLE_MANAGER | HALL_ROLE_SYSTEM);
  gboolean    found = FALSE;

  /* A cooperating department may see the matter without being responsible for it. */
  matter = _hall_matter_require (ctx, params, HALL_MATTER_READ, error);
  if (matter == NULL
      || !hall_param_string (params, "reason", TRUE, HALL_MATTER_REASON_MAX, &reason, error)
      || !hall_param_int (params, "department_id", FALSE, 1, G_MAXINT64, &department_id, error)
      || !_hall_matter_check_state (
          matter, assigned, _ ("Only a matter assigned to a department can be sent back."), error))
    return NULL;
  matter_id = _hall_matter_get_int (matter, "id");
  first_department = _hall_matter_get_int (matter, "first_department_id");

  /* Window staff object for their own department; the manager for the one named, or the lead. */
  if (!acting_for_any)
    {
      if (department_id != 0 && department_id != ctx->actor->department_id)
        {
          hall_set_error (error, HALL_ERROR_FORBIDDEN, "department_id",
                          _ ("You may object only for your own department."));
          return NULL;
        }
      department_id = ctx->actor->department_id;
    }
  if (!find_open_assignment (ctx, matter_id, department_id, &open, &found, error))
    return NULL;
  if (!found)
    {
      if (acting_for_any && department_id != 0)
        hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "department_id",
                        _ ("This department has no open part in the matter’s assignment."));
      else if (acting_for_any)
        hall_set_error (error, HALL_ERROR_CONFLICT, "matter_id",
                        _ ("The matter has no open assignment."));
      else
        hall_set_error (error, HALL_ERROR_FORBIDDEN, "matter_id",
                        _ ("Only the department the matter was assigned to may object to it."));
      return NULL;
    }

  if (strcmp (ctx->today, open.objection_until) > 0)
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "matter_id",
                      _ ("The 5 working days to object ended on %s. Your department must now "
                         "handle the matter."),
                      open.objection_until);
      return NULL;
    }

  {
    g_autoptr (HallStmt) stmt =
        hall_db_prepare (ctx->db,
                         "UPDATE matter_assignment SET state = 'objected', objected_at = ?2, "
                         "objected_by = ?3, reason = ?4 WHERE id = ?1",
                         error);
    if (stmt == NULL)
      return NULL;
    hall_stmt_bind_int (stmt, 1, open.id);
    hall_stmt_bind_int (stmt, 2, ctx->now);
    hall_stmt_bind_id (stmt, 3, ctx->actor->user_id);
    hall_stmt_bind_text (stmt, 4, reason);
    if (!_hall_matter_exec (stmt, error))
      return NULL;
  }

  json_object_set_int_member (detail, "assignment_id", open.id);
  json_object_set_int_member (detail, "department_id", open.department_id);
  json_object_set_string_member (detail, "role", open.role);
  json_object_set_int_member (detail, "round", open.round);
  json_object_set_string_member (detail, "reason", reason);

  if (g_str_equal (open.role, "cooperate"))
    {
      /* A cooperating department refuses its own part only; the lead goes on. */
      json_object_set_int_member (detail, "lead_department_id",
                                  _hall_matter_get_int (matter, "department_id"));
      if (!_hall_matter_add_timeline (ctx, matter_id, "cooperation_objected", detail, error))
        return NULL;
    }
  else
    {
      /* The lead's objection returns the whole round to the first receiver, who stays
       * accountable and assigns it again. */
      g_autoptr (JsonArray) returned = json_array_new ();
      g_autoptr (HallStmt) back = NULL;

      if (!return_round (ctx, matter_id, open.round, returned, error))
        return NULL;
      back = hall_db_prepare (
          ctx->db,
          "UPDATE matter SET state = 'objected', department_id = ?2, updated_at = ?3 WHERE id = ?1",
          error);
      if (back == NULL)
        return NULL;
      hall_stmt_bind_int (back, 1, matter_id);
      hall_stmt_bind_int (back, 2, first_department);
      hall_stmt_bind_int (back, 3, ctx->now);
      if (!_hall_matter_exec (back, error))
        return NULL;
      json_object_set_int_member (detail, "back_to_department_id", first_department);
      json_object_set_array_member (detail, "returned_department_ids", g_steal_pointer (&returned));
      if (!_hall_matter_add_timeline (ctx, matter_id, "objected", detail, error))
        return NULL;
    }

  if (!_hall_matter_emit (ctx, "matter.changed", matter_id, error))
    return NULL;
  return _hall_matter_result (ctx, matter_id, error);
}

/* ---- matter.note ---- */

JsonObject *
_hall_matter_note (HallCtx    *ctx,
                   JsonObject *params,
                   GError    **error)
{
  g_autoptr (JsonObject) matter = NULL;
  g_autoptr (JsonObject) detail = json_object_new ();
  g_autoptr (HallStmt) role = NULL;
  JsonObject *result;
  const char *text = NULL, *state;
  gint64      matter_id, timeline_id, department_id = ctx->actor->department_id;

  matter = _hall_matter_require (ctx, params, HALL_MATTER_READ, error);
  if (matter == NULL || !hall_param_string (params, "text", TRUE, NOTE_MAX, &text, error))
    return NULL;
  matter_id = _hall_matter_get_int (matter, "id");
  state = _hall_matter_get_string (matter, "state");

  if (g_strv_contains (final_states, state))
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "matter_id",
                      /* Translators: %s is the matter's state, e.g. "closed" */
                      _ ("This matter is %s: it takes no more progress notes."),
                      _hall_matter_state_label (state));
      return NULL;
    }
  /* Those who may act on the matter, and a department cooperating on it now. */
  if (!_hall_matter_allowed (ctx, matter, HALL_MATTER_WRITE)
      && !(hall_ctx_is (ctx, HALL_ROLE_STAFF)
           && _hall_matter_cooperates (ctx, matter_id, department_id, TRUE)))
    {
      hall_set_error (error, HALL_ERROR_FORBIDDEN, "matter_id",
                      _ ("Your department’s part in this matter has ended: you may read it but not "
                         "add notes."));
      return NULL;
    }

  role = hall_db_prepare (
      ctx->db,
      "SELECT role FROM matter_assignment WHERE matter_id = ?1 AND department_id = ?2 "
      "AND state = 'open'",
      error);
  if (role == NULL)
    return NULL;
  hall_stmt_bind_int (role, 1, matter_id);
  hall_stmt_bind_int (role, 2, department_id);
  switch (hall_stmt_step (role, error))
    {
    case SQLITE_ROW:
      json_object_set_string_member (detail, "role", hall_stmt_text (role, 0));
      break;
    case SQLITE_DONE:
      break;
    default:
      return NULL;
    }
  json_object_set_string_member (detail, "text", text);
  if (department_id != 0)
    json_object_set_int_member (detail, "department_id", department_id);
  if (!_hall_matter_add_timeline (ctx, matter_id, "progress_note", detail, error))
    return NULL;
  timeline_id = hall_db_last_insert_id (ctx->db);

  if (!_hall_matter_emit (ctx, "matter.changed", matter_id, error))
    return NULL;
  result = _hall_matter_result (ctx, matter_id, error);
  if (result != NULL)
    json_object_set_int_member (result, "timeline_id", timeline_id);
  return result;
}
