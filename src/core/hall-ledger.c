/* hall-ledger.c — ledger.list: the rows of the hall's ledgers (台账) for a period, a page at a
 * time, for the screens and for the exports (src/print/hall-export.c)
 *
 *   disputes    矛盾纠纷排查化解清单: found by the end of the period and not resolved before it
 *   charges     信访积案和突出问题化解清单: matters in a leader's charge (包案) during the period,
 *               and open matters overdue at its end that nobody has in charge
 *   receptions  领导干部接待群众来访登记表: the leaders' reception records of the period
 *   roster      领导接访安排表: the leaders' duty roster of the period
 *   matters     信访事项登记台账: every matter received in the period, with its clocks
 *   followups   回访台账: every follow-up call made in the period (hall-followup.c)
 *
 * Rows carry codes (channel, state …); the exports and screens put them into words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-ledger"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "hall-engine.h"
#include "hall-commands-private.h"

#define PAGE_MAX 5000

#define NAMES(matter)                                                                   \
  "(SELECT group_concat (p.name, '、') FROM (SELECT p.name FROM matter_petitioner mp " \
  "  JOIN petitioner p ON p.id = mp.petitioner_id WHERE mp.matter_id = " matter         \
  "  ORDER BY mp.sort, mp.petitioner_id) p)"
#define DEPARTMENT(id) "(SELECT name FROM department WHERE id = " id ")"
#define ACCOUNT(id) "(SELECT display_name FROM account WHERE id = " id ")"
#define OPEN_OVERDUE                                                                      \
  "m.state NOT IN ('closed', 'declined', 'litigation') AND ((m.decided_date IS NULL "     \
  "AND m.decision_due < :to) OR (m.accepted_date IS NOT NULL AND m.replied_date IS NULL " \
  "AND m.handling_due < :to))"
#define PAGE " LIMIT :limit OFFSET :offset"

static const struct
{
  const char *name;
  const char *sql;
} ledgers[] = {
  { "disputes",
    "SELECT d.id, d.found_date, d.source, d.parties, d.type, d.risk, d.summary, " DEPARTMENT ("d.department_id") " AS department, d.leader_name, d.person_name, d.measures, "
                                                                                                                 "d.deadline, d.state, d.resolved_date FROM dispute d "
                                                                                                                 "WHERE d.found_date <= :to AND (d.resolved_date IS NULL OR d.resolved_date >= :from) "
                                                                                                                 "AND (:state IS NULL OR d.state = :state) "
                                                                                                                 "AND (:department_id IS NULL OR d.department_id = :department_id) "
                                                                                                                 "ORDER BY d.found_date, d.id" PAGE },
  { "charges",
    "SELECT * FROM (SELECT c.id AS charge_id, m.id AS matter_id, m.number, " NAMES ("m.id") " AS petitioners, m.content, " DEPARTMENT ("m.department_id") " AS department, " ACCOUNT ("c.leader_user_id") " AS leader, 1 AS has_leader, "
                                                                                                                                                                                                          "c.working_group_json != '[]' AS has_group, c.plan IS NOT NULL AS has_plan, "
                                                                                                                                                                                                          "EXISTS (SELECT 1 FROM leader_charge_entry e WHERE e.charge_id = c.id "
                                                                                                                                                                                                          "        AND e.kind = 'minutes') AS has_minutes, "
                                                                                                                                                                                                          "c.stability_measures IS NOT NULL AS has_measures, c.plan, c.deadline, "
                                                                                                                                                                                                          "(SELECT e.text FROM leader_charge_entry e WHERE e.charge_id = c.id AND e.kind = 'progress' "
                                                                                                                                                                                                          "  ORDER BY e.date DESC, e.id DESC LIMIT 1) AS progress, c.closed, m.received_date "
                                                                                                                                                                                                          "FROM leader_charge c JOIN matter m ON m.id = c.matter_id "
                                                                                                                                                                                                          "WHERE c.charged_at < :to_end AND (c.closed = 0 OR c.closed_at >= :from_start) "
                                                                                                                                                                                                          "AND (:leader_user_id IS NULL OR c.leader_user_id = :leader_user_id) "
                                                                                                                                                                                                          "UNION ALL "
                                                                                                                                                                                                          "SELECT NULL, m.id, m.number, " NAMES ("m.id") ", m.content, " DEPARTMENT ("m.department_id") ", NULL, 0, 0, 0, 0, 0, NULL, "
                                                                                                                                                                                                                                                                                                        "CASE WHEN m.decided_date IS NULL THEN m.decision_due ELSE m.handling_due END, NULL, 0, "
                                                                                                                                                                                                                                                                                                        "m.received_date FROM matter m WHERE :leader_user_id IS NULL AND " OPEN_OVERDUE
                                                                                                                                                                                                                                                                                                        " AND m.received_date <= :to AND NOT EXISTS (SELECT 1 FROM leader_charge c "
                                                                                                                                                                                                                                                                                                        "  WHERE c.matter_id = m.id AND c.closed = 0)) "
                                                                                                                                                                                                                                                                                                        "ORDER BY received_date, matter_id, charge_id" PAGE },
  { "receptions",
    "SELECT r.id, r.date, " ACCOUNT ("r.leader_user_id") " AS leader, r.petitioner_name, "
                                                         "r.persons, r.problem, r.instructions, "
                                                         "(SELECT group_concat (json_extract (j.value, '$.name'), '、') "
                                                         "   FROM json_each (r.departments_json) j) AS departments, r.deadline, r.outcome, r.result, "
                                                         "m.number FROM leader_reception r JOIN matter m ON m.id = r.matter_id "
                                                         "WHERE r.date BETWEEN :from AND :to "
                                                         "AND (:leader_user_id IS NULL OR r.leader_user_id = :leader_user_id) "
                                                         "AND (:outcome IS NULL OR r.outcome = :outcome) ORDER BY r.date, r.id" PAGE },
  { "roster",
    "SELECT d.id, d.date, d.slot, " ACCOUNT ("d.user_id") " AS leader, d.note "
                                                          "FROM leader_duty d WHERE d.date BETWEEN :from AND :to "
                                                          "AND (:leader_user_id IS NULL OR d.user_id = :leader_user_id) "
                                                          "ORDER BY d.date, CASE d.slot WHEN 'am' THEN 0 WHEN 'day' THEN 1 ELSE 2 END, d.id" PAGE },
  { "matters",
    "SELECT m.id, m.number, m.received_date, m.channel, " NAMES ("m.id") " AS petitioners, "
                                                                         "m.persons, m.collective, m.escalation, m.content, " DEPARTMENT ("m.department_id") " AS department, m.state, m.decision_due, m.decided_date, m.handling_due, m.replied_date, "
                                                                                                                                                             "m.satisfaction, m.closed_date FROM matter m WHERE m.received_date BETWEEN :from AND :to "
                                                                                                                                                             "AND (:channel IS NULL OR m.channel = :channel) "
                                                                                                                                                             "AND (:state IS NULL OR m.state = :state) "
                                                                                                                                                             "AND (:department_id IS NULL OR m.department_id = :department_id) "
                                                                                                                                                             "ORDER BY m.received_date, m.id" PAGE },
  { "followups",
    "SELECT c.id, f.id AS followup_id, coalesce (m.number, t.code) AS number, "
    "coalesce (" NAMES ("f.matter_id") ", p.name) AS petitioners, c.called_date, c.method, "
                                       "c.result, c.satisfaction, c.accepts, " ACCOUNT ("c.user_id") " AS caller, c.note "
                                                                                                     "FROM followup_call c JOIN followup f ON f.id = c.followup_id "
                                                                                                     "LEFT JOIN matter m ON m.id = f.matter_id LEFT JOIN ticket t ON t.id = f.ticket_id "
                                                                                                     "LEFT JOIN petitioner p ON p.id = t.petitioner_id "
                                                                                                     "WHERE c.called_date BETWEEN :from AND :to "
                                                                                                     "AND (:department_id IS NULL OR f.department_id = :department_id) "
                                                                                                     "ORDER BY c.called_date, c.id" PAGE },
};

static const char *const names[] = { "disputes", "charges", "receptions", "roster",
                                     "matters", "followups", NULL };

static void
bind_text (HallStmt   *stmt,
           const char *name,
           const char *value)
{
  int i = sqlite3_bind_parameter_index (stmt, name);

  if (i > 0)
    hall_stmt_bind_text (stmt, i, value);
}

static void
bind_int (HallStmt   *stmt,
          const char *name,
          gint64      value,
          gboolean    null_when_zero)
{
  int i = sqlite3_bind_parameter_index (stmt, name);

  if (i <= 0)
    return;
  if (null_when_zero)
    hall_stmt_bind_id (stmt, i, value);
  else
    hall_stmt_bind_int (stmt, i, value);
}

/* The first second of @date in the hall's time zone. */
static gint64
day_start (HallCtx    *ctx,
           const char *date,
           int         days_after)
{
  guint y = 0, m = 0, d = 0;
  g_autoptr (GDateTime) day = NULL;
  g_autoptr (GDateTime) later = NULL;

  sscanf (date, "%4u-%2u-%2u", &y, &m, &d);
  day = g_date_time_new (g_date_time_get_timezone (ctx->now_local), y, m, d, 0, 0, 0);
  later = g_date_time_add_days (day, days_after);
  return g_date_time_to_unix (later);
}

static JsonObject *
ledger_list (HallCtx    *ctx,
             JsonObject *params,
             GError    **error)
{
  static const char *const states[] = { "screening", "resolving", "resolved", "controlled",
                                        "registered", "accepted", "declined", "litigation",
                                        "assigned", "objected", "replied", "review",
                                        "reviewed", "rereview", "rereviewed", "closed",
                                        NULL };
  static const char *const channels[] = { "visit", "letter", "online", "phone", "other", NULL };
  static const char *const outcomes[] = { "resolved", "assigned", "forwarded", "explained",
                                          NULL };
  const char              *ledger = NULL, *from = NULL, *to = NULL, *state = NULL, *channel = NULL;
  const char              *outcome = NULL;
  gint64                   offset = 0, limit = 1000, department_id = 0, leader_user_id = 0;
  g_autoptr (HallStmt) stmt = NULL;
  JsonArray  *rows;
  JsonObject *result;
  guint       i = 0;

  if (!hall_param_enum (params, "ledger", TRUE, names, &ledger, error)
      || !hall_param_date (params, "from", TRUE, &from, error)
      || !hall_param_date (params, "to", TRUE, &to, error)
      || !hall_param_int (params, "offset", FALSE, 0, G_MAXINT32, &offset, error)
      || !hall_param_int (params, "limit", FALSE, 1, PAGE_MAX, &limit, error)
      || !hall_param_enum (params, "state", FALSE, states, &state, error)
      || !hall_param_enum (params, "channel", FALSE, channels, &channel, error)
      || !hall_param_enum (params, "outcome", FALSE, outcomes, &outcome, error)
      || !hall_param_int (params, "department_id", FALSE, 1, G_MAXINT64, &department_id, error)
      || !hall_param_int (params, "leader_user_id", FALSE, 1, G_MAXINT64, &leader_user_id,
                          error))
    return NULL;
  if (g_strcmp0 (from, to) > 0)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, "to",
                      _ ("Must not be before the start date."));
      return NULL;
    }
  while (!g_str_equal (ledgers[i].name, ledger))
    i++;
  if ((stmt = hall_db_prepare (ctx->db, ledgers[i].sql, error)) == NULL)
    return NULL;
  bind_text (stmt, ":from", from);
  bind_text (stmt, ":to", to);
  bind_text (stmt, ":state", state);
  bind_text (stmt, ":channel", channel);
  bind_text (stmt, ":outcome", outcome);
  bind_int (stmt, ":department_id", department_id, TRUE);
  bind_int (stmt, ":leader_user_id", leader_user_id, TRUE);
  bind_int (stmt, ":from_start", day_start (ctx, from, 0), FALSE);
  bind_int (stmt, ":to_end", day_start (ctx, to, 1), FALSE);
  bind_int (stmt, ":offset", offset, FALSE);
  /* one more than asked, to know whether a next page follows */
  bind_int (stmt, ":limit", limit + 1, FALSE);
  if ((rows = hall_stmt_all_objects (stmt, error)) == NULL)
    return NULL;

  result = json_object_new ();
  json_object_set_string_member (result, "ledger", ledger);
  json_object_set_string_member (result, "from", from);
  json_object_set_string_member (result, "to", to);
  if (json_array_get_length (rows) > (guint) limit)
    {
      json_array_remove_element (rows, limit);
      json_object_set_int_member (result, "next_offset", offset + limit);
    }
  else
    json_object_set_null_member (result, "next_offset");
  json_object_set_array_member (result, "rows", rows);
  return result;
}

const HallCommand _hall_ledger_commands[] = {
  { "ledger.list", ledger_list, HALL_ROLE_MANAGER | HALL_ROLE_LEADER | HALL_ROLE_ADMIN,
    HALL_COMMAND_AUDITED },
  { NULL }
};
