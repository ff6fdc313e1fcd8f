/* hall-queue.c — the hall queue (取号 / 叫号): issuing tickets, the helpers the queue files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-queue"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hall-engine.h"
#include "hall-queue-private.h"

#define COLLECTIVE_PERSONS 5
#define NOTE_MAX_CHARS 200

static const char *const priority_names[] = { "normal", "priority", "collective", NULL };

/* ---- shared helpers ------------------------------------------------------------------------- */

gint64
_hall_queue_setting_int (HallCtx    *ctx,
                         const char *key,
                         gint64      fallback)
{
  g_autoptr (HallStmt) stmt =
      hall_db_prepare (ctx->db, "SELECT value FROM hall_setting WHERE key = ?1", NULL);
  const char *text;
  char       *end = NULL;
  gint64      value;

  if (stmt == NULL)
    return fallback;
  hall_stmt_bind_text (stmt, 1, key);
  if (hall_stmt_step (stmt, NULL) != SQLITE_ROW)
    return fallback;
  text = hall_stmt_text (stmt, 0);
  if (text == NULL)
    return fallback;
  value = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || value < 0)
    return fallback;
  return value;
}

gint64
_hall_queue_last_seq (HallCtx *ctx,
                      GError **error)
{
  g_autoptr (HallStmt) stmt =
      hall_db_prepare (ctx->db, "SELECT coalesce(max(seq), 0) FROM event", error);

  if (stmt == NULL || hall_stmt_step (stmt, error) != SQLITE_ROW)
    return -1;
  return hall_stmt_int (stmt, 0);
}

gboolean
_hall_queue_get_ticket (HallCtx    *ctx,
                        gint64      ticket_id,
                        HallTicket *ticket,
                        GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;

  stmt = hall_db_prepare (
      ctx->db,
      "SELECT id, department_id, counter_id, target_counter_id, persons, arrived_at, "
      "matter_id, day, code, state, queue, priority FROM ticket WHERE id = ?1",
      error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, ticket_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      break;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "ticket_id", _ ("There is no such ticket."));
      return FALSE;
    default:
      return FALSE;
    }

  memset (ticket, 0, sizeof *ticket);
  ticket->id = hall_stmt_int (stmt, 0);
  ticket->department_id = hall_stmt_int (stmt, 1);
  ticket->counter_id = hall_stmt_int (stmt, 2);
  ticket->target_counter_id = hall_stmt_int (stmt, 3);
  ticket->persons = hall_stmt_int (stmt, 4);
  ticket->arrived_at = hall_stmt_int (stmt, 5);
  ticket->matter_id = hall_stmt_int (stmt, 6);
  g_strlcpy (ticket->day, hall_stmt_text (stmt, 7), sizeof ticket->day);
  g_strlcpy (ticket->code, hall_stmt_text (stmt, 8), sizeof ticket->code);
  g_strlcpy (ticket->state, hall_stmt_text (stmt, 9), sizeof ticket->state);
  g_strlcpy (ticket->queue, hall_stmt_text (stmt, 10), sizeof ticket->queue);
  g_strlcpy (ticket->priority, hall_stmt_text (stmt, 11), sizeof ticket->priority);
  return TRUE;
}

gboolean
_hall_queue_load_ticket (HallCtx    *ctx,
                         JsonObject *params,
                         HallTicket *ticket,
                         GError    **error)
{
  gint64 ticket_id = 0;

  if (!hall_param_int (params, "ticket_id", TRUE, 1, G_MAXINT64, &ticket_id, error))
    return FALSE;
  hall_ctx_set_object (ctx, "ticket", ticket_id);
  return _hall_queue_get_ticket (ctx, ticket_id, ticket, error);
}

void
_hall_queue_add_wait (HallCtx    *ctx,
                      JsonObject *ticket)
{
  /* How long the visitor has been in the hall, the figure the queue screen sorts by. */
  if (g_strcmp0 (json_object_get_string_member_with_default (ticket, "state", ""), "waiting") == 0)
    json_object_set_int_member (
        ticket, "wait_seconds",
        ctx->now - json_object_get_int_member_with_default (ticket, "arrived_at", ctx->now));
  json_object_set_boolean_member (
      ticket, "at_front", json_object_get_int_member_with_default (ticket, "at_front", 0) != 0);
  json_object_set_boolean_member (
      ticket, "green_request",
      json_object_get_int_member_with_default (ticket, "green_request", 0) != 0);
}

JsonObject *
_hall_queue_ticket_object (HallCtx *ctx,
                           gint64   ticket_id,
                           GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  JsonObject *ticket;

  stmt = hall_db_prepare (
      ctx->db, "SELECT " HALL_QUEUE_TICKET_COLUMNS HALL_QUEUE_TICKET_JOINS "WHERE t.id = ?1",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_int (stmt, 1, ticket_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      break;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "ticket_id", _ ("There is no such ticket."));
      return NULL;
    default:
      return NULL;
    }
  ticket = hall_stmt_row_object (stmt);
  _hall_queue_add_wait (ctx, ticket);
  return ticket;
}

JsonObject *
_hall_queue_ticket_result (HallCtx *ctx,
                           gint64   ticket_id,
                           GError **error)
{
  JsonObject *ticket = _hall_queue_ticket_object (ctx, ticket_id, error);
  JsonObject *result;

  if (ticket == NULL)
    return NULL;
  result = json_object_new ();
  json_object_set_object_member (result, "ticket", ticket);
  return result;
}

gboolean
_hall_queue_emit_ticket (HallCtx    *ctx,
                         const char *kind,
                         gint64      ticket_id,
                         JsonObject *extra,
                         GError    **error)
{
  g_autoptr (JsonObject) owned_extra = extra;
  g_autoptr (HallStmt) stmt = NULL;
  JsonObject *payload;

  stmt =
      hall_db_prepare (ctx->db,
                       "SELECT t.id AS ticket_id, t.code, t.day, t.department_id, t.counter_id, "
                       "k.number AS counter_number, t.target_counter_id, t.state, t.queue, "
                       "t.priority, t.persons "
                       "FROM ticket t LEFT JOIN counter k ON k.id = t.counter_id WHERE t.id = ?1",
                       error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, ticket_id);
  if (hall_stmt_step (stmt, error) != SQLITE_ROW)
    {
      if (error && *error == NULL)
        hall_set_error (error, HALL_ERROR_NOT_FOUND, "ticket_id", _ ("There is no such ticket."));
      return FALSE;
    }
  payload = hall_stmt_row_object (stmt);
  if (owned_extra != NULL)
    {
      JsonObjectIter iter;
      const char    *member;
      JsonNode      *value;

      json_object_iter_init (&iter, owned_extra);
      while (json_object_iter_next (&iter, &member, &value))
        json_object_set_member (payload, member, json_node_copy (value));
    }
  return hall_ctx_emit (ctx, kind, payload, error) != 0;
}

/* The members of a ticket object that a ticket's event carries, "id" as "ticket_id". */
static const char *const event_members[] = {
  "code", "day", "department_id", "counter_id", "counter_number", "target_counter_id", "state",
  "queue", "priority", "persons", NULL
};

JsonObject *
_hall_queue_emit_ticket_result (HallCtx    *ctx,
                                const char *kind,
                                gint64      ticket_id,
                                JsonObject *extra,
                                GError    **error)
{
  g_autoptr (JsonObject) owned_extra = extra;
  g_autoptr (JsonObject) ticket = _hall_queue_ticket_object (ctx, ticket_id, error);
  JsonObject *payload, *result;

  if (ticket == NULL)
    return NULL;
  /* The ticket is read once: the event's payload is taken from what the command answers. */
  payload = json_object_new ();
  json_object_set_int_member (payload, "ticket_id", ticket_id);
  for (guint i = 0; event_members[i] != NULL; i++)
    json_object_set_member (payload, event_members[i],
                            json_node_copy (json_object_get_member (ticket, event_members[i])));
  if (owned_extra != NULL)
    {
      JsonObjectIter iter;
      const char    *member;
      JsonNode      *value;

      json_object_iter_init (&iter, owned_extra);
      while (json_object_iter_next (&iter, &member, &value))
        json_object_set_member (payload, member, json_node_copy (value));
    }
  if (hall_ctx_emit (ctx, kind, payload, error) == 0)
    return NULL;

  result = json_object_new ();
  json_object_set_object_member (result, "ticket", g_steal_pointer (&ticket));
  return result;
}

gboolean
_hall_queue_get_counter (HallCtx     *ctx,
                         gint64       counter_id,
                         HallCounter *counter,
                         GError     **error)
{
  g_autoptr (HallStmt) stmt = NULL;

  stmt = hall_db_prepare (
      ctx->db, "SELECT id, number, staff_user_id, state FROM counter WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, counter_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      break;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "counter_id", _ ("There is no such window."));
      return FALSE;
    default:
      return FALSE;
    }
  counter->id = hall_stmt_int (stmt, 0);
  counter->number = hall_stmt_int (stmt, 1);
  counter->staff_user_id = hall_stmt_int (stmt, 2);
  g_strlcpy (counter->state, hall_stmt_text (stmt, 3), sizeof counter->state);
  return TRUE;
}

static gboolean
require_own_counter (HallCtx *ctx,
                     GError **error)
{
  if (ctx->actor->counter_id == 0)
    {
      hall_set_error (
          error, HALL_ERROR_FORBIDDEN, "counter_id",
          _ ("You are not signed in at a window. Sign in again and choose your window."));
      return FALSE;
    }
  return TRUE;
}

gboolean
_hall_queue_resolve_counter (HallCtx     *ctx,
                             JsonObject  *params,
                             HallCounter *counter,
                             GError     **error)
{
  gint64 requested = 0, counter_id;

  if (!hall_param_int (params, "counter_id", FALSE, 1, G_MAXINT32, &requested, error))
    return FALSE;

  if (hall_ctx_is (ctx, HALL_ROLE_STAFF))
    {
      if (!require_own_counter (ctx, error))
        return FALSE;
      if (requested != 0 && requested != ctx->actor->counter_id)
        {
          hall_set_error (error, HALL_ERROR_FORBIDDEN, "counter_id",
                          _ ("You can only work at the window you signed in at."));
          return FALSE;
        }
      counter_id = ctx->actor->counter_id;
    }
  else
    {
      counter_id = requested ? requested : ctx->actor->counter_id;
      if (counter_id == 0)
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "counter_id", _ ("Choose a window."));
          return FALSE;
        }
    }

  hall_ctx_set_object (ctx, "counter", counter_id);
  return _hall_queue_get_counter (ctx, counter_id, counter, error);
}

gint64
_hall_queue_current_ticket (HallCtx *ctx,
                            gint64   counter_id,
                            GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  gint64 id = 0, called_at = 0;
  int    rc;

  /* Normally one row or none: the latest called is picked here rather than by ORDER BY, which
   * made SQLite build a temporary b-tree on every call. */
  stmt = hall_db_prepare (
      ctx->db,
      "SELECT id, called_at FROM ticket WHERE counter_id = ?1 AND state IN ('called', 'serving')",
      error);
  if (stmt == NULL)
    return -1;
  hall_stmt_bind_int (stmt, 1, counter_id);
  while ((rc = hall_stmt_step (stmt, error)) == SQLITE_ROW)
    {
      gint64 row_id = hall_stmt_int (stmt, 0), row_called_at = hall_stmt_int (stmt, 1);

      if (id == 0 || row_called_at > called_at || (row_called_at == called_at && row_id > id))
        {
          id = row_id;
          called_at = row_called_at;
        }
    }
  return rc == SQLITE_DONE ? id : -1;
}

gboolean
_hall_queue_check_ticket_access (HallCtx          *ctx,
                                 const HallTicket *ticket,
                                 GError          **error)
{
  gint64 own = ctx->actor->counter_id;

  if (!hall_ctx_is (ctx, HALL_ROLE_STAFF))
    return TRUE;
  if (!require_own_counter (ctx, error))
    return FALSE;
  if (ticket->counter_id == own
      || (g_str_equal (ticket->state, "waiting") && ticket->target_counter_id == own))
    return TRUE;
  hall_set_error (error, HALL_ERROR_FORBIDDEN, "ticket_id",
                  _ ("Ticket %s is not at your window. Ask the hall manager."), ticket->code);
  return FALSE;
}

const char *
_hall_queue_state_label (const char *state)
{
  if (g_str_equal (state, "waiting"))
    return _ ("waiting");
  if (g_str_equal (state, "called"))
    return _ ("called");
  if (g_str_equal (state, "serving"))
    return _ ("being served");
  if (g_str_equal (state, "held"))
    return _ ("on hold");
  if (g_str_equal (state, "no_show"))
    return _ ("marked as not shown");
  return _ ("finished");
}

gboolean
_hall_queue_in_state (const HallTicket *ticket,
                      const char       *a,
                      const char       *b)
{
  return g_str_equal (ticket->state, a) || (b != NULL && g_str_equal (ticket->state, b));
}

void
_hall_queue_state_conflict (GError          **error,
                            const HallTicket *ticket)
{
  hall_set_error (error, HALL_ERROR_CONFLICT, "ticket_id",
                  _ ("Ticket %s is %s, so this cannot be done now."), ticket->code,
                  _hall_queue_state_label (ticket->state));
}

/* Loads the ticket, checks who may act on it and that it is in the counter queue. */
gboolean
_hall_queue_load_for_serving (HallCtx    *ctx,
                              JsonObject *params,
                              HallTicket *ticket,
                              GError    **error)
{
  if (!_hall_queue_load_ticket (ctx, params, ticket, error)
      || !_hall_queue_check_ticket_access (ctx, ticket, error))
    return FALSE;
  if (!g_str_equal (ticket->queue, "counter"))
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "ticket_id",
                      _ ("Ticket %s waits for the leader's reception, not for a window."),
                      ticket->code);
      return FALSE;
    }
  return TRUE;
}

/* Runs @sql with ?1 the ticket and, where the statement has them, ?2 the time now and ?3 @value
 * (NULL when 0). */
gboolean
_hall_queue_exec_ticket (HallCtx    *ctx,
                         const char *sql,
                         gint64      ticket_id,
                         gint64      value,
                         GError    **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (ctx->db, sql, error);
  int n;

  if (stmt == NULL)
    return FALSE;
  n = sqlite3_bind_parameter_count (stmt);
  hall_stmt_bind_int (stmt, 1, ticket_id);
  if (n >= 2)
    hall_stmt_bind_int (stmt, 2, ctx->now);
  if (n >= 3)
    hall_stmt_bind_id (stmt, 3, value);
  return hall_stmt_step (stmt, error) == SQLITE_DONE;
}

/* ---- ticket.issue --------------------------------------------------------------------------- */

static gboolean
lookup_department (HallCtx *ctx,
                   gint64   department_id,
                   char     prefix[8],
                   GError **error)
{
  g_autoptr (HallStmt) stmt =
      hall_db_prepare (ctx->db, "SELECT prefix, active FROM department WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, department_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      if (!hall_stmt_int (stmt, 1))
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "department_id",
                          _ ("This department no longer receives visitors. Choose another one."));
          return FALSE;
        }
      g_strlcpy (prefix, hall_stmt_text (stmt, 0), 8);
      return TRUE;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "department_id",
                      _ ("There is no such department."));
      return FALSE;
    default:
      return FALSE;
    }
}

static gboolean
category_department (HallCtx *ctx,
                     gint64   category_id,
                     gint64  *department_id,
                     GError **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (
      ctx->db, "SELECT department_id, active FROM category WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, category_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      if (!hall_stmt_int (stmt, 1))
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "category_id",
                          _ ("This problem category is no longer used. Choose another one."));
          return FALSE;
        }
      if (*department_id == 0)
        *department_id = hall_stmt_int (stmt, 0);
      return TRUE;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "category_id",
                      _ ("There is no such problem category."));
      return FALSE;
    default:
      return FALSE;
    }
}

/* Collective visits (集体访) are 5 or more people; with @strict a smaller priority for 5 or more
 * is refused, otherwise such a visit simply counts as collective. */
gboolean
_hall_queue_check_priority (const char **priority,
                            gint64       persons,
                            gboolean     strict,
                            GError     **error)
{
  if (g_str_equal (*priority, "collective") && persons < COLLECTIVE_PERSONS)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "persons",
                      _ ("A collective visit is %d or more people. Correct the number of people or "
                         "the priority."),
                      COLLECTIVE_PERSONS);
      return FALSE;
    }
  if (!g_str_equal (*priority, "collective") && persons >= COLLECTIVE_PERSONS)
    {
      if (!strict)
        {
          *priority = "collective";
          return TRUE;
        }
      hall_set_error (
          error, HALL_ERROR_INVALID_ARGUMENT, "priority",
          _ ("%d or more people make a collective visit. Choose the collective priority."),
          COLLECTIVE_PERSONS);
      return FALSE;
    }
  return TRUE;
}

static gint64
next_number (HallCtx *ctx,
             gint64   department_id,
             GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;

  stmt = hall_db_prepare (
      ctx->db,
      "INSERT INTO ticket_number (day, department_id, last_number) VALUES (?1, ?2, 1) "
      "ON CONFLICT (day, department_id) DO UPDATE SET last_number = last_number + 1 "
      "RETURNING last_number",
      error);
  if (stmt == NULL)
    return 0;
  hall_stmt_bind_text (stmt, 1, ctx->today);
  hall_stmt_bind_int (stmt, 2, department_id);
  if (hall_stmt_step (stmt, error) != SQLITE_ROW)
    return 0;
  return hall_stmt_int (stmt, 0);
}

/* Tickets that go before a new one in its department's queue (see pick_next in
 * hall-queue-serve.c for the order). A normal ticket goes after everyone waiting, less the new
 * ticket itself; a priority one after those moved to the front, other priority visits and those
 * waiting too long. Both are counts over the department's range of the covering index
 * ticket_by_department (a counter kept by triggers cost every call a page, migration 020). */
static gint64
count_ahead (HallCtx *ctx,
             gint64   ticket_id,
             gint64   department_id,
             gboolean priority,
             GError **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  gint64 threshold;

  if (!priority)
    {
      stmt = hall_db_prepare (ctx->db,
                              "SELECT count(*) FROM ticket t "
                              "WHERE t.state = 'waiting' AND t.day = ?1 AND t.queue = 'counter' "
                              "AND t.department_id = ?2 AND t.id != ?3",
                              error);
      if (stmt == NULL)
        return -1;
      hall_stmt_bind_text (stmt, 1, ctx->today);
      hall_stmt_bind_int (stmt, 2, department_id);
      hall_stmt_bind_int (stmt, 3, ticket_id);
      if (hall_stmt_step (stmt, error) != SQLITE_ROW)
        return -1;
      return hall_stmt_int (stmt, 0);
    }

  threshold = ctx->now - 60 * _hall_queue_setting_int (ctx, "priority_max_wait_minutes", 30);
  stmt = hall_db_prepare (ctx->db,
                          "SELECT count(*) FROM ticket t "
                          "WHERE t.state = 'waiting' AND t.day = ?1 AND t.queue = 'counter' "
                          "AND t.department_id = ?2 AND t.id != ?3 "
                          "AND (t.front_at IS NOT NULL OR t.priority != 'normal' "
                          "     OR t.arrived_at <= ?4)",
                          error);
  if (stmt == NULL)
    return -1;
  hall_stmt_bind_text (stmt, 1, ctx->today);
  hall_stmt_bind_int (stmt, 2, department_id);
  hall_stmt_bind_int (stmt, 3, ticket_id);
  hall_stmt_bind_int (stmt, 4, threshold);
  if (hall_stmt_step (stmt, error) != SQLITE_ROW)
    return -1;
  return hall_stmt_int (stmt, 0);
}

static JsonObject *
ticket_issue (HallCtx    *ctx,
              JsonObject *params,
              GError    **error)
{
  gint64      department_id = 0, category_id = 0, persons = 1, number, ticket_id, ahead;
  gint64      petitioner_id = 0, repeat_visits = -1;
  gboolean    green = FALSE;
  const char *priority = NULL, *note = NULL;
  JsonObject *petitioner = NULL;
  g_autoptr (HallStmt) insert = NULL;
  g_autofree char *code = NULL;
  JsonObject      *result;
  char             prefix[8];

  if (!hall_param_int (params, "department_id", FALSE, 1, G_MAXINT32, &department_id, error)
      || !hall_param_int (params, "category_id", FALSE, 1, G_MAXINT32, &category_id, error)
      || !hall_param_enum (params, "priority", FALSE, priority_names, &priority, error)
      || !hall_param_int (params, "persons", FALSE, 1, 999, &persons, error)
      || !hall_param_bool (params, "green_channel", FALSE, &green, error)
      || !hall_param_object (params, "petitioner", FALSE, &petitioner, error)
      || !hall_param_string (params, "note", FALSE, NOTE_MAX_CHARS, &note, error))
    return NULL;

  if (department_id == 0 && category_id == 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "department_id",
                      _ ("Choose a department or a problem category."));
      return NULL;
    }
  if (priority == NULL)
    priority = "normal";
  /* Whoever stands at the kiosk could ask for priority: there it is a green channel request that
   * the hall manager confirms with ticket.prioritize. */
  if (hall_ctx_is (ctx, HALL_ROLE_KIOSK) && g_str_equal (priority, "priority"))
    {
      priority = "normal";
      green = TRUE;
    }
  if (!_hall_queue_check_priority (&priority, persons, FALSE, error))
    return NULL;
  green = green && g_str_equal (priority, "normal");
  /* The category names the problem; its department is where the visitor goes unless the
   * hall manager chose one. */
  if (category_id != 0 && !category_department (ctx, category_id, &department_id, error))
    return NULL;
  if (!lookup_department (ctx, department_id, prefix, error))
    return NULL;

  if (petitioner != NULL
      && !_hall_petitioner_resolve (ctx, petitioner, "petitioner", &petitioner_id, &repeat_visits,
                                    error))
    return NULL;

  number = next_number (ctx, department_id, error);
  if (number == 0)
    return NULL;
  code = g_strdup_printf ("%s%03" G_GINT64_FORMAT, prefix, number);

  insert = hall_db_prepare (
      ctx->db,
      "INSERT INTO ticket (day, code, number, issued_department_id, department_id, "
      "category_id, priority, persons, petitioner_id, arrived_at, issued_at, note, "
      "issued_by, green_request) VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11, "
      "?12)",
      error);
  if (insert == NULL)
    return NULL;
  hall_stmt_bind_text (insert, 1, ctx->today);
  hall_stmt_bind_text (insert, 2, code);
  hall_stmt_bind_int (insert, 3, number);
  hall_stmt_bind_int (insert, 4, department_id);
  hall_stmt_bind_id (insert, 5, category_id);
  hall_stmt_bind_text (insert, 6, priority);
  hall_stmt_bind_int (insert, 7, persons);
  hall_stmt_bind_id (insert, 8, petitioner_id);
  hall_stmt_bind_int (insert, 9, ctx->now);
  hall_stmt_bind_text (insert, 10, note);
  hall_stmt_bind_id (insert, 11, ctx->actor->user_id);
  hall_stmt_bind_int (insert, 12, green);
  if (hall_stmt_step (insert, error) != SQLITE_DONE)
    return NULL;
  ticket_id = hall_db_last_insert_id (ctx->db);
  hall_ctx_set_object (ctx, "ticket", ticket_id);

  ahead = count_ahead (ctx, ticket_id, department_id, !g_str_equal (priority, "normal"), error);
  if (ahead < 0)
    return NULL;
  result = _hall_queue_emit_ticket_result (ctx, "ticket.issued", ticket_id, NULL, error);
  if (result == NULL)
    return NULL;
  if (hall_ctx_is (ctx, HALL_ROLE_KIOSK))
    {
      /* The kiosk prints the slip; it has no use for anything said about the person, nor for
       * whether they came before (whoever typed the ID number would learn it). */
      JsonObject *ticket = json_object_get_object_member (result, "ticket");

      repeat_visits = -1;
      json_object_remove_member (ticket, "petitioner_id");
      json_object_remove_member (ticket, "note");
    }

  json_object_set_int_member (result, "position", ahead + 1);
  json_object_set_int_member (result, "people_ahead", ahead);
  if (repeat_visits >= 0)
    json_object_set_int_member (result, "repeat_visits", repeat_visits);
  else
    json_object_set_null_member (result, "repeat_visits");
  return result;
}

const HallCommand _hall_queue_commands[] = {
  { "ticket.issue", ticket_issue, HALL_ROLE_KIOSK | HALL_ROLE_MANAGER, HALL_COMMAND_WRITE },
  { "ticket.get", _hall_ticket_get, HALL_ROLE_STAFF | HALL_ROLE_MANAGER | HALL_ROLE_LEADER,
    HALL_COMMAND_READ },
  { "ticket.list", _hall_ticket_list, HALL_ROLE_STAFF | HALL_ROLE_MANAGER | HALL_ROLE_LEADER,
    HALL_COMMAND_READ },
  { "counter.open", _hall_counter_open, HALL_ROLE_STAFF | HALL_ROLE_MANAGER, HALL_COMMAND_WRITE },
  { "counter.close", _hall_counter_close, HALL_ROLE_STAFF | HALL_ROLE_MANAGER, HALL_COMMAND_WRITE },
  { "counter.pause", _hall_counter_pause, HALL_ROLE_STAFF | HALL_ROLE_MANAGER, HALL_COMMAND_WRITE },
  { "counter.resume", _hall_counter_resume, HALL_ROLE_STAFF | HALL_ROLE_MANAGER,
    HALL_COMMAND_WRITE },
  { "counter.call_next", _hall_counter_call_next, HALL_ROLE_STAFF | HALL_ROLE_MANAGER,
    HALL_COMMAND_WRITE },
  { "counter.recall", _hall_counter_recall, HALL_ROLE_STAFF | HALL_ROLE_MANAGER,
    HALL_COMMAND_WRITE },
  { "ticket.start", _hall_ticket_start, HALL_ROLE_STAFF | HALL_ROLE_MANAGER, HALL_COMMAND_WRITE },
  { "ticket.no_show", _hall_ticket_no_show, HALL_ROLE_STAFF | HALL_ROLE_MANAGER,
    HALL_COMMAND_WRITE },
  { "ticket.reactivate", _hall_ticket_reactivate, HALL_ROLE_STAFF | HALL_ROLE_MANAGER,
    HALL_COMMAND_WRITE },
  { "ticket.hold", _hall_ticket_hold, HALL_ROLE_STAFF | HALL_ROLE_MANAGER, HALL_COMMAND_WRITE },
  { "ticket.resume", _hall_ticket_resume, HALL_ROLE_STAFF | HALL_ROLE_MANAGER, HALL_COMMAND_WRITE },
  { "ticket.transfer", _hall_ticket_transfer, HALL_ROLE_STAFF | HALL_ROLE_MANAGER,
    HALL_COMMAND_WRITE },
  { "ticket.finish", _hall_ticket_finish, HALL_ROLE_STAFF | HALL_ROLE_MANAGER, HALL_COMMAND_WRITE },
  { "ticket.prioritize", _hall_ticket_prioritize, HALL_ROLE_MANAGER, HALL_COMMAND_WRITE },
  { "hall.snapshot", _hall_hall_snapshot, HALL_ROLES_ALL, HALL_COMMAND_READ },
  { NULL }
};
