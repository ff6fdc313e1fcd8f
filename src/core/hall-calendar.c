/* hall-calendar.c — working days, holidays and the deadlines computed from them
 *
 * Monday to Friday are working days, Saturday and Sunday are not; rows of calendar_day override
 * that for public holidays and make-up working days (调休). Deadlines follow architecture.md §4: a
 * period of N days is counted from the day after the start, and when its last day is not a
 * working day it ends on the next working day (民法典 arts. 201, 203); periods the regulation
 * gives in working days count working days only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-calendar"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "hall-engine.h"
#include "hall-commands-private.h"

/* Longer than any real run of days off; only an admin marking months as holidays reaches it. */
#define MAX_DAYS_OFF_IN_A_ROW 60
/* The longest period calendar.deadline computes, and the widest range calendar.list returns. */
#define MAX_PERIOD_DAYS 3660
#define MAX_LIST_DAYS 3660

static const char *const day_kinds[] = { "holiday", "workday", NULL };

static gboolean
parse_date (const char *text,
            const char *field,
            GDate      *date,
            GError    **error)
{
  guint y = 0, m = 0, d = 0;
  char  tail;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10
      || sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3
      || y < 1900 || y > 9000 || !g_date_valid_dmy (d, m, y))
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, field,
                      _ ("Must be a date written as YYYY-MM-DD."));
      return FALSE;
    }
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static void
format_date (const GDate *date,
             char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
              g_date_get_day (date));
}

static gboolean
day_is_working (HallCtx     *ctx,
                const GDate *date,
                gboolean    *working,
                GError     **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  char         text[11];
  GDateWeekday weekday;

  stmt = hall_db_prepare (ctx->db, "SELECT kind FROM calendar_day WHERE date = ?1", error);
  if (stmt == NULL)
    return FALSE;
  format_date (date, text);
  hall_stmt_bind_text (stmt, 1, text);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      *working = g_str_equal (hall_stmt_text (stmt, 0), "workday");
      return TRUE;
    case SQLITE_DONE:
      weekday = g_date_get_weekday (date);
      *working = weekday != G_DATE_SATURDAY && weekday != G_DATE_SUNDAY;
      return TRUE;
    default:
      return FALSE;
    }
}

/* Moves @date forward to the first working day on or after it. */
static gboolean
roll_to_working_day (HallCtx *ctx,
                     GDate   *date,
                     GError **error)
{
  for (int i = 0; i <= MAX_DAYS_OFF_IN_A_ROW; i++)
    {
      gboolean working = FALSE;

      if (!day_is_working (ctx, date, &working, error))
        return FALSE;
      if (working)
        return TRUE;
      g_date_add_days (date, 1);
    }

  hall_set_error (error, HALL_ERROR_CONFLICT, NULL,
                  _ ("The working-day calendar has no working day for %d days in a row. "
                     "Ask the hall administrator to check the holidays."),
                  MAX_DAYS_OFF_IN_A_ROW);
  return FALSE;
}

gboolean
_hall_calendar_is_working_day (HallCtx    *ctx,
                               const char *date,
                               gboolean   *working,
                               GError    **error)
{
  GDate d;

  g_return_val_if_fail (working != NULL, FALSE);

  if (!parse_date (date, "date", &d, error))
    return FALSE;
  return day_is_working (ctx, &d, working, error);
}

char *
_hall_calendar_add_days (HallCtx    *ctx,
                         const char *from,
                         int         days,
                         GError    **error)
{
  GDate d;
  char  out[11];

  if (!parse_date (from, "from", &d, error))
    return NULL;
  if (days < 0 || days > MAX_PERIOD_DAYS)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "days",
                      _ ("Must be a whole number from %d to %d."), 0, MAX_PERIOD_DAYS);
      return NULL;
    }

  /* Counting from the day after @from, the @days-th day is @from + @days. */
  g_date_add_days (&d, days);
  if (!roll_to_working_day (ctx, &d, error))
    return NULL;
  format_date (&d, out);
  return g_strdup (out);
}

char *
_hall_calendar_add_working_days (HallCtx    *ctx,
                                 const char *from,
                                 int         n,
                                 GError    **error)
{
  GDate d;
  char  out[11];

  if (!parse_date (from, "from", &d, error))
    return NULL;
  if (n < 1 || n > MAX_PERIOD_DAYS)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "days",
                      _ ("Must be a whole number from %d to %d."), 1, MAX_PERIOD_DAYS);
      return NULL;
    }

  for (int i = 0; i < n; i++)
    {
      g_date_add_days (&d, 1);
      if (!roll_to_working_day (ctx, &d, error))
        return NULL;
    }
  format_date (&d, out);
  return g_strdup (out);
}

static JsonObject *
describe_day (HallCtx     *ctx,
              const GDate *date,
              GError     **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  JsonObject *day = json_object_new ();
  gboolean    working = FALSE;
  char        text[11];

  format_date (date, text);
  json_object_set_string_member (day, "date", text);
  stmt = hall_db_prepare (ctx->db, "SELECT kind, note FROM calendar_day WHERE date = ?1", error);
  if (stmt == NULL || !day_is_working (ctx, date, &working, error))
    {
      json_object_unref (day);
      return NULL;
    }
  hall_stmt_bind_text (stmt, 1, text);
  switch (hall_stmt_step (stmt, error))
    {
    case SQLITE_ROW:
      json_object_set_string_member (day, "kind", hall_stmt_text (stmt, 0));
      json_object_set_string_member (day, "note", hall_stmt_text (stmt, 1));
      break;
    case SQLITE_DONE:
      json_object_set_null_member (day, "kind");
      json_object_set_string_member (day, "note", "");
      break;
    default:
      json_object_unref (day);
      return NULL;
    }
  json_object_set_boolean_member (day, "working", working);
  return day;
}

static gboolean
emit_changed (HallCtx     *ctx,
              const GDate *date,
              const char  *kind,
              GError     **error)
{
  JsonObject *payload = json_object_new ();
  char        text[11];

  format_date (date, text);
  json_object_set_string_member (payload, "date", text);
  if (kind != NULL)
    json_object_set_string_member (payload, "day_kind", kind);
  else
    json_object_set_null_member (payload, "day_kind");
  hall_ctx_set_object (ctx, "calendar_day",
                       g_date_get_year (date) * 10000 + g_date_get_month (date) * 100
                           + g_date_get_day (date));
  return hall_ctx_emit (ctx, "calendar.changed", payload, error) != 0;
}

static JsonObject *
calendar_list (HallCtx    *ctx,
               JsonObject *params,
               GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  const char *from = NULL, *to = NULL;
  JsonArray  *rows;
  JsonObject *result;
  GDate       first, last;
  guint       n;

  if (!hall_param_date (params, "from", TRUE, &from, error)
      || !hall_param_date (params, "to", TRUE, &to, error)
      || !parse_date (from, "from", &first, error)
      || !parse_date (to, "to", &last, error))
    return NULL;
  if (g_date_compare (&first, &last) > 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "to",
                      _ ("Must not be before the start date."));
      return NULL;
    }
  if (g_date_days_between (&first, &last) >= MAX_LIST_DAYS)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "to",
                      _ ("Ask for at most %d days at a time."), MAX_LIST_DAYS);
      return NULL;
    }

  stmt = hall_db_prepare (ctx->db,
                          "SELECT date, kind, note, kind = 'workday' AS working FROM calendar_day "
                          "WHERE date BETWEEN ?1 AND ?2 ORDER BY date",
                          error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, 1, from);
  hall_stmt_bind_text (stmt, 2, to);
  rows = hall_stmt_all_objects (stmt, error);
  if (rows == NULL)
    return NULL;

  /* "working" as a JSON boolean, not SQLite's 0/1. */
  n = json_array_get_length (rows);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      json_object_set_boolean_member (row, "working",
                                      json_object_get_int_member (row, "working") != 0);
    }

  result = json_object_new ();
  json_object_set_array_member (result, "days", rows);
  return result;
}

static JsonObject *
calendar_set_day (HallCtx    *ctx,
                  JsonObject *params,
                  GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  const char *date = NULL, *kind = NULL, *note = "";
  GDate       d;

  if (!hall_param_date (params, "date", TRUE, &date, error)
      || !hall_param_enum (params, "kind", TRUE, day_kinds, &kind, error)
      || !hall_param_string (params, "note", FALSE, 40, &note, error)
      || !parse_date (date, "date", &d, error))
    return NULL;

  stmt = hall_db_prepare (
      ctx->db,
      "INSERT INTO calendar_day (date, kind, note) VALUES (?1, ?2, ?3) "
      "ON CONFLICT (date) DO UPDATE SET kind = excluded.kind, note = excluded.note",
      error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, 1, date);
  hall_stmt_bind_text (stmt, 2, kind);
  hall_stmt_bind_text (stmt, 3, note);
  if (hall_stmt_step (stmt, error) != SQLITE_DONE || !emit_changed (ctx, &d, kind, error))
    return NULL;

  return describe_day (ctx, &d, error);
}

static JsonObject *
calendar_clear_day (HallCtx    *ctx,
                    JsonObject *params,
                    GError    **error)
{
  g_autoptr (HallStmt) stmt = NULL;
  const char *date = NULL;
  GDate       d;

  if (!hall_param_date (params, "date", TRUE, &date, error)
      || !parse_date (date, "date", &d, error))
    return NULL;

  stmt = hall_db_prepare (ctx->db, "DELETE FROM calendar_day WHERE date = ?1", error);
  if (stmt == NULL)
    return NULL;
  hall_stmt_bind_text (stmt, 1, date);
  if (hall_stmt_step (stmt, error) != SQLITE_DONE)
    return NULL;
  if (hall_db_changes (ctx->db) == 0)
    {
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "date",
                      _ ("This day is not marked as a holiday or a make-up working day."));
      return NULL;
    }
  if (!emit_changed (ctx, &d, NULL, error))
    return NULL;

  return describe_day (ctx, &d, error);
}

static JsonObject *
calendar_deadline (HallCtx    *ctx,
                   JsonObject *params,
                   GError    **error)
{
  const char      *from = NULL;
  gint64           days = 0;
  gboolean         working = FALSE;
  g_autofree char *due = NULL;
  JsonObject      *result;

  if (!hall_param_date (params, "from", TRUE, &from, error)
      || !hall_param_int (params, "days", TRUE, 0, MAX_PERIOD_DAYS, &days, error)
      || !hall_param_bool (params, "working", FALSE, &working, error))
    return NULL;

  if (working)
    due = _hall_calendar_add_working_days (ctx, from, (int) days, error);
  else
    due = _hall_calendar_add_days (ctx, from, (int) days, error);
  if (due == NULL)
    return NULL;

  result = json_object_new ();
  json_object_set_string_member (result, "due", due);
  return result;
}

const HallCommand _hall_calendar_commands[] = {
  { "calendar.list", calendar_list, HALL_ROLES_PEOPLE, HALL_COMMAND_READ },
  { "calendar.set_day", calendar_set_day, HALL_ROLE_ADMIN, HALL_COMMAND_WRITE },
  { "calendar.clear_day", calendar_clear_day, HALL_ROLE_ADMIN, HALL_COMMAND_WRITE },
  { "calendar.deadline", calendar_deadline, HALL_ROLES_PEOPLE, HALL_COMMAND_READ },
  { NULL }
};
