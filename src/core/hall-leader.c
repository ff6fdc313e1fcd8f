/* hall-leader.c — the leaders' duty roster (领导接访值班), the helpers the leaders' files share
 * and their command table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-leader"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "hall-engine.h"
#include "hall-commands-private.h"
#include "hall-leader-private.h"

/* How far ahead the roster may be planned, and how many days one roster query may span. */
#define ROSTER_MAX_DAYS_AHEAD 366
#define ROSTER_MAX_SPAN 62

static const char *const slot_names[] = { "day", "am", "pm", NULL };

/* ---- shared helpers --------------------------------------------------------------------- */

gboolean
_hall_leader_exec (HallStmt *stmt,
                   GError  **error)
{
  return stmt != NULL && hall_stmt_step (stmt, error) == SQLITE_DONE;
}

static gboolean
parse_date (const char *date,
            GDate      *out)
{
  guint y, m, d;

  g_date_clear (out, 1);
  if (date == NULL || sscanf (date, "%4u-%2u-%2u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

char *
_hall_leader_date_add (const char *date,
                       int         days)
{
  GDate d;

  if (!parse_date (date, &d))
    return NULL;
  if (days >= 0)
    g_date_add_days (&d, days);
  else
    g_date_subtract_days (&d, -days);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
}

int
_hall_leader_days_between (const char *from,
                           const char *to)
{
  GDate a, b;

  if (!parse_date (from, &a) || !parse_date (to, &b))
    return 0;
  return g_date_days_between (&a, &b);
}

static int
weekday_of (const char *date)
{
  GDate d;

  return parse_date (date, &d) ? (int) g_date_get_weekday (&d) : 0;
}

/* The account exists and holds the leader role. */
gboolean
_hall_leader_require_leader (HallCtx    *ctx,
                             gint64      user_id,
                             const char *field,
                             GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;

  stmt = hall_db_prepare (ctx->db,
                          "SELECT EXISTS (SELECT 1 FROM account_role r WHERE r.user_id = a.id "
                          "AND r.role = 'leader') FROM account a WHERE a.id = ?1",
                          error);
  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, user_id);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      if (hall_stmt_int (stmt, 0))
        return TRUE;
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, field,
                      _ ("This account is not a leader. Choose a leader's account."));
      return FALSE;
    case SQLITE_DONE:
      hall_set_error (error, HALL_ERROR_NOT_FOUND, field, _ ("There is no such account."));
      return FALSE;
    default:
      return FALSE;
    }
}

/* The leaders on the roster for @date, with how many escalated visitors wait for each. */
JsonArray *
_hall_leader_duty_entries (HallCtx    *ctx,
                           const char *date,
                           GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;

  stmt = hall_db_prepare (
      ctx->db,
      "SELECT d.id, d.date, d.user_id, a.display_name, d.slot, d.note, "
      "(SELECT count(*) FROM leader_escalation e WHERE e.leader_user_id = d.user_id "
      " AND e.date = d.date AND e.state IN ('waiting', 'called')) AS waiting "
      "FROM leader_duty d JOIN account a ON a.id = d.user_id "
      "WHERE d.date = ?1 "
      "ORDER BY CASE d.slot WHEN 'day' THEN 0 WHEN 'am' THEN 1 ELSE 2 END, d.id",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, 1, date);
  return hall_stmt_all_objects (stmt, error);
}

/* Whether a duty slot covers the current hour: mornings end at noon. */
gboolean
_hall_leader_slot_is_now (HallCtx    *ctx,
                          const char *slot)
{
  int hour = g_date_time_get_hour (ctx->now_local);

  if (g_strcmp0 (slot, "am") == 0)
    return hour < 12;
  if (g_strcmp0 (slot, "pm") == 0)
    return hour >= 12;
  return TRUE;
}

gboolean
_hall_leader_matter_is_final (const char *state)
{
  return g_strcmp0 (state, "closed") == 0 || g_strcmp0 (state, "litigation") == 0;
}

/* ---- leader.duty ------------------------------------------------------------------------ */

static JsonObject *
leader_duty (HallCtx    *ctx,
             JsonObject *params,
             GError    **error)
{
  const char      *date = NULL, *slot = "day", *note = NULL;
  gint64           user_id = 0;
  gboolean         clear = FALSE;
  g_autofree char *last_day = NULL;
  g_autoptr (JsonArray) entries = NULL;
  JsonObject *payload, *result;

  if (!hall_param_date (params, "date", TRUE, &date, error)
      || !hall_param_int (params, "user_id", FALSE, 1, G_MAXINT64, &user_id, error)
      || !hall_param_enum (params, "slot", FALSE, slot_names, &slot, error)
      || !hall_param_string (params, "note", FALSE, 200, &note, error)
      || !hall_param_bool (params, "clear", FALSE, &clear, error))
    return NULL;

  if (hall_ctx_is (ctx, HALL_ROLE_LEADER))
    {
      if (user_id == 0)
        user_id = ctx->actor->user_id;
      else if (user_id != ctx->actor->user_id)
        {
          hall_set_error (
              error, HALL_ERROR_FORBIDDEN, "user_id",
              _ ("You can change only your own duty days. Ask the hall manager to change "
                 "another leader’s."));
          return NULL;
        }
    }
  else if (user_id == 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "user_id", _ ("Choose the leader."));
      return NULL;
    }
  hall_ctx_set_object (ctx, "account", user_id);

  if (strcmp (date, ctx->today) < 0)
    {
      hall_set_error (error, HALL_ERROR_CONFLICT, "date",
                      _ ("The roster of a past day is a record and cannot be changed."));
      return NULL;
    }
  last_day = _hall_leader_date_add (ctx->today, ROSTER_MAX_DAYS_AHEAD);
  if (strcmp (date, last_day) > 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "date",
                      _ ("Plan the roster at most a year ahead (until %s)."), last_day);
      return NULL;
    }

  if (!_hall_leader_require_leader (ctx, user_id, "user_id", error))
    return NULL;

  if (clear)
    {
      g_autoptr (HallStmt) waiting = NULL;
      g_autoptr (HallStmt) del = NULL;

      /* Visitors already sent to this leader today would be stranded. */
      waiting = hall_db_prepare (ctx->db,
                                 "SELECT count(*) FROM leader_escalation WHERE leader_user_id = ?1 "
                                 "AND date = ?2 AND state IN ('waiting', 'called')",
                                 error);
      if (waiting == NULL)
        return NULL;
      hall_stmt_bind_int (waiting, 1, user_id);
      hall_stmt_bind_text (waiting, 2, date);
      if (hall_stmt_step (waiting, error) != SQLITE_ROW)
        return NULL;
      if (hall_stmt_int (waiting, 0) > 0)
        {
          int n = hall_stmt_int (waiting, 0);

          hall_set_error (
              error, HALL_ERROR_CONFLICT, "clear",
              g_dngettext (GETTEXT_PACKAGE,
                           "%d escalated visitor is still waiting for this leader today. "
                           "The leader must receive them first.",
                           "%d escalated visitors are still waiting for this leader today. "
                           "The leader must receive them first.",
                           n),
              n);
          return NULL;
        }

      del = hall_db_prepare (ctx->db, "DELETE FROM leader_duty WHERE date = ?1 AND user_id = ?2",
                             error);
      if (del == NULL)
        return NULL;
      hall_stmt_bind_text (del, 1, date);
      hall_stmt_bind_int (del, 2, user_id);
      if (!_hall_leader_exec (del, error))
        return NULL;
      if (hall_db_changes (ctx->db) == 0)
        {
          hall_set_error (error, HALL_ERROR_NOT_FOUND, "date",
                          _ ("This leader is not on the roster on %s."), date);
          return NULL;
        }
    }
  else
    {
      g_autoptr (HallStmt) upsert = NULL;

      upsert = hall_db_prepare (
          ctx->db,
          "INSERT INTO leader_duty (date, user_id, slot, note, set_by, set_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
          "ON CONFLICT (date, user_id) DO UPDATE SET slot = excluded.slot, "
          "note = excluded.note, set_by = excluded.set_by, set_at = excluded.set_at",
          error);
      if (upsert == NULL)
        return NULL;
      hall_stmt_bind_text (upsert, 1, date);
      hall_stmt_bind_int (upsert, 2, user_id);
      hall_stmt_bind_text (upsert, 3, slot);
      hall_stmt_bind_text (upsert, 4, note);
      hall_stmt_bind_int (upsert, 5, ctx->actor->user_id);
      hall_stmt_bind_int (upsert, 6, ctx->now);
      if (!_hall_leader_exec (upsert, error))
        return NULL;
    }

  payload = json_object_new ();
  json_object_set_string_member (payload, "date", date);
  json_object_set_int_member (payload, "user_id", user_id);
  json_object_set_boolean_member (payload, "on_duty", !clear);
  if (!hall_ctx_emit (ctx, "leader.duty", payload, error))
    return NULL;

  entries = _hall_leader_duty_entries (ctx, date, error);
  if (entries == NULL)
    return NULL;
  result = json_object_new ();
  json_object_set_string_member (result, "date", date);
  json_object_set_array_member (result, "leaders", g_steal_pointer (&entries));
  return result;
}

/* ---- leader.roster ---------------------------------------------------------------------- */

static JsonObject *
leader_roster (HallCtx    *ctx,
               JsonObject *params,
               GError    **error)
{
  const char      *from = NULL, *to = NULL;
  g_autofree char *default_from = NULL;
  g_autofree char *default_to = NULL;
  g_autoptr (HallStmt) stmt = NULL;
  g_autoptr (JsonArray) days = json_array_new ();
  g_autoptr (JsonArray) rows = NULL;
  JsonObject *result;
  guint       row = 0;
  int         span;

  if (!hall_param_date (params, "from", FALSE, &from, error)
      || !hall_param_date (params, "to", FALSE, &to, error))
    return NULL;

  /* Without dates: the current week, Monday to Sunday. */
  if (from == NULL)
    {
      const char *base = to ? to : ctx->today;
      default_from = _hall_leader_date_add (base, to ? -6 : 1 - weekday_of (base));
      from = default_from;
    }
  if (to == NULL)
    {
      default_to = _hall_leader_date_add (from, 6);
      to = default_to;
    }

  span = _hall_leader_days_between (from, to);
  if (span < 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "to",
                      _ ("The end date is before the start date."));
      return NULL;
    }
  if (span >= ROSTER_MAX_SPAN)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "to",
                      _ ("Show at most %d days at a time."), ROSTER_MAX_SPAN);
      return NULL;
    }

  stmt = hall_db_prepare (
      ctx->db,
      "SELECT d.id, d.date, d.user_id, a.display_name, d.slot, d.note "
      "FROM leader_duty d JOIN account a ON a.id = d.user_id "
      "WHERE d.date BETWEEN ?1 AND ?2 "
      "ORDER BY d.date, CASE d.slot WHEN 'day' THEN 0 WHEN 'am' THEN 1 ELSE 2 END, d.id",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, 1, from);
  hall_stmt_bind_text (stmt, 2, to);
  rows = hall_stmt_all_objects (stmt, error);
  if (rows == NULL)
    return NULL;

  for (int i = 0; i <= span; i++)
    {
      g_autofree char *date = _hall_leader_date_add (from, i);
      JsonObject      *day = json_object_new ();
      JsonArray       *leaders = json_array_new ();

      while (row < json_array_get_length (rows)
             && g_strcmp0 (json_object_get_string_member (json_array_get_object_element (rows, row),
                                                          "date"),
                           date)
                    == 0)
        {
          JsonObject *entry = json_array_get_object_element (rows, row++);

          json_array_add_object_element (leaders, json_object_ref (entry));
        }
      json_object_set_string_member (day, "date", date);
      json_object_set_int_member (day, "weekday", weekday_of (date));
      json_object_set_array_member (day, "leaders", leaders);
      json_array_add_object_element (days, day);
    }

  result = json_object_new ();
  json_object_set_string_member (result, "from", from);
  json_object_set_string_member (result, "to", to);
  json_object_set_array_member (result, "days", g_steal_pointer (&days));
  return result;
}

/* ---- leader.today ----------------------------------------------------------------------- */

static JsonObject *
leader_today (HallCtx    *ctx,
              JsonObject *params,
              GError    **error)
{
  g_autoptr (JsonArray) entries = _hall_leader_duty_entries (ctx, ctx->today, error);
  JsonObject *result;

  if (entries == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonObject *entry = json_array_get_object_element (entries, i);

      json_object_set_boolean_member (
          entry, "on_duty_now",
          _hall_leader_slot_is_now (ctx, json_object_get_string_member (entry, "slot")));
      /* The wall display and the kiosk show who receives today, not the queue behind them. */
      if (!hall_ctx_is (ctx, HALL_ROLES_PEOPLE))
        json_object_remove_member (entry, "waiting");
    }

  result = json_object_new ();
  json_object_set_string_member (result, "date", ctx->today);
  json_object_set_array_member (result, "leaders", g_steal_pointer (&entries));
  return result;
}

/* Days left until @due (negative when overdue) and whether it is overdue. */
void
_hall_leader_add_days_left (HallCtx    *ctx,
                            JsonObject *row,
                            const char *member)
{
  const char *due = json_object_get_string_member_with_default (row, member, NULL);

  if (due == NULL)
    return;
  json_object_set_int_member (row, "days_left", _hall_leader_days_between (ctx->today, due));
  json_object_set_boolean_member (row, "overdue", strcmp (due, ctx->today) < 0);
}

const HallCommand _hall_leader_commands[] = {
  { "leader.duty", leader_duty, HALL_ROLE_MANAGER | HALL_ROLE_LEADER, HALL_COMMAND_WRITE },
  { "leader.roster", leader_roster, HALL_ROLES_PEOPLE, HALL_COMMAND_READ },
  { "leader.today", leader_today, HALL_ROLES_ALL, HALL_COMMAND_READ },
  { "matter.escalate", _hall_leader_escalate, HALL_ROLE_STAFF | HALL_ROLE_MANAGER,
    HALL_COMMAND_WRITE },
  { "leader.queue", _hall_leader_queue, HALL_ROLE_LEADER | HALL_ROLE_MANAGER, HALL_COMMAND_READ },
  { "leader.call", _hall_leader_call, HALL_ROLE_LEADER, HALL_COMMAND_WRITE },
  { "leader.escalations", _hall_leader_escalations, HALL_ROLE_LEADER | HALL_ROLE_MANAGER,
    HALL_COMMAND_READ },
  { "leader.escalation_leave", _hall_leader_escalation_leave, HALL_ROLE_MANAGER,
    HALL_COMMAND_WRITE },
  { "leader.receive", _hall_leader_receive, HALL_ROLE_LEADER, HALL_COMMAND_WRITE },
  { "leader.reception", _hall_leader_reception_get, HALL_ROLE_LEADER | HALL_ROLE_MANAGER,
    HALL_COMMAND_AUDITED },
  { "leader.receptions", _hall_leader_receptions, HALL_ROLE_LEADER | HALL_ROLE_MANAGER,
    HALL_COMMAND_READ },
  { "leader.charge", _hall_leader_charge, HALL_ROLE_LEADER, HALL_COMMAND_WRITE },
  { "leader.charge_update", _hall_leader_charge_update, HALL_ROLE_LEADER, HALL_COMMAND_WRITE },
  { "leader.charges", _hall_leader_charges, HALL_ROLE_LEADER | HALL_ROLE_MANAGER,
    HALL_COMMAND_READ },
  { "leader.charge_get", _hall_leader_charge_get, HALL_ROLE_LEADER | HALL_ROLE_MANAGER,
    HALL_COMMAND_READ },
  { "matter.supervise", _hall_leader_supervise, HALL_ROLE_LEADER, HALL_COMMAND_WRITE },
  { "leader.supervision", _hall_leader_supervision, HALL_ROLE_LEADER | HALL_ROLE_MANAGER,
    HALL_COMMAND_READ },
  { NULL }
};
