/* hall-demo.c — the demo hall: a realistic day made through the engine's own commands
 *
 * Everything goes through the commands a real hall uses (accounts, sign-in, counters, tickets,
 * matters, the roster, escalation, supervision), with the engine's clock pinned to when each
 * step would have happened: matters received weeks ago (some now overdue), then this morning
 * from 08:30 until a minute ago, so the board opens in the middle of a busy day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-demo"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-demo-private.h"

#define DAY (24 * 60 * 60)

typedef struct
{
  HallEngine *engine;
  GRand      *rand;
  char       *manager;
  char       *counter_tokens[N_COUNTERS + 1];
  gint64      leader_id;
  gint64      other_leader_id;
  gint64      categories[64];              /* category id per problem (the problem table is shorter) */
  gint64      current[N_COUNTERS + 1];     /* ticket being served at each counter, 0 for none */
  gint64      service_end[N_COUNTERS + 1]; /* when that visitor will be done */
  int         next_person;
  double      pace; /* the morning's clock: 1.0 when a step is 5 minutes, less when the day has barely
                       begun */
} Demo;

/* @seconds of the morning's activity at the demo's pace. */
#define PACED(demo, seconds) ((gint64) ((seconds) * (demo)->pace))

static void
demo_free (Demo *demo)
{
  g_clear_pointer (&demo->rand, g_rand_free);
  g_free (demo->manager);
  for (guint i = 0; i <= N_COUNTERS; i++)
    g_free (demo->counter_tokens[i]);
  g_free (demo);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Demo, demo_free)

/* ---- calling the engine --------------------------------------------------------------------- */

static JsonObject *
call (Demo       *demo,
      gint64      at,
      const char *token,
      const char *command,
      JsonObject *params,
      GError    **error)
{
  g_autoptr (JsonObject) owned = params ? params : json_object_new ();
  JsonObject *result;

  hall_engine_set_now (demo->engine, at);
  if (token == NULL)
    result = hall_engine_call_system (demo->engine, command, owned, error);
  else
    result = hall_engine_call_sync (demo->engine, token, command, owned, NULL, error);
  if (result == NULL && error != NULL && *error != NULL)
    g_prefix_error (error, "%s: ", command);
  return result;
}

static JsonObject *
obj (const char *json)
{
  g_autoptr (JsonParser) parser = json_parser_new ();

  if (!json_parser_load_from_data (parser, json, -1, NULL))
    g_error ("demo: bad JSON %s", json);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static gint64
local_time (GDateTime *day,
            int        hour,
            int        minute)
{
  g_autoptr (GDateTime) t =
      g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                             g_date_time_get_day_of_month (day), hour, minute, 0);
  return g_date_time_to_unix (t);
}

static char *
date_of (gint64 unix_time)
{
  g_autoptr (GDateTime) t = g_date_time_new_from_unix_local (unix_time);
  return g_date_time_format (t, "%Y-%m-%d");
}

/* ---- setting up ----------------------------------------------------------------------------- */

static gboolean
create_account (Demo       *demo,
                gint64      at,
                const char *username,
                const char *name,
                const char *roles,
                const char *department,
                gint64     *user_id,
                GError    **error)
{
  g_autoptr (JsonObject) params = json_object_new ();
  g_autoptr (JsonObject) result = NULL;
  g_auto (GStrv) role_list = g_strsplit (roles, ",", -1);
  JsonArray *array = json_array_new ();

  for (guint i = 0; role_list[i] != NULL; i++)
    json_array_add_string_element (array, role_list[i]);
  json_object_set_string_member (params, "username", username);
  json_object_set_string_member (params, "display_name", name);
  json_object_set_string_member (params, "password", HALL_DEMO_PASSWORD);
  json_object_set_array_member (params, "roles", array);
  if (department != NULL)
    json_object_set_string_member (params, "department", department);
  result = call (demo, at, NULL, "user.create", g_steal_pointer (&params), error);
  if (result == NULL)
    return FALSE;
  if (user_id != NULL)
    {
      JsonObject *user = json_object_get_object_member (result, "user");
      *user_id = json_object_get_int_member (user ? user : result, "id");
    }
  return TRUE;
}

static char *
login (Demo       *demo,
       gint64      at,
       const char *username,
       const char *role,
       gint64      counter_id,
       GError    **error)
{
  g_autoptr (JsonObject) params = json_object_new ();
  g_autoptr (JsonObject) result = NULL;

  json_object_set_string_member (params, "username", username);
  json_object_set_string_member (params, "password", HALL_DEMO_PASSWORD);
  if (role != NULL)
    json_object_set_string_member (params, "role", role);
  if (counter_id > 0)
    json_object_set_int_member (params, "counter_id", counter_id);
  hall_engine_set_now (demo->engine, at);
  result = hall_engine_call_sync (demo->engine, NULL, "session.login", params, NULL, error);
  if (result == NULL)
    {
      g_prefix_error (error, "session.login %s: ", username);
      return NULL;
    }
  return g_strdup (json_object_get_string_member (result, "token"));
}

static gboolean
setup_people (Demo    *demo,
              gint64   at,
              GError **error)
{
  gint64 manager_id;

  if (!create_account (demo, at, "chenzhiqiang", "陈志强", "admin", NULL, NULL, error)
      || !create_account (demo, at, "zhangli", "张丽", "manager,staff", "xinfang", &manager_id, error)
      || !create_account (demo, at, "wangjianguo", "王建国", "leader", NULL, &demo->leader_id, error)
      || !create_account (demo, at, "liuhong", "刘红", "leader", NULL, &demo->other_leader_id, error))
    return FALSE;
  for (guint i = 0; i < N_COUNTERS; i++)
    if (!create_account (demo, at, _hall_demo_staff[i].username, _hall_demo_staff[i].name, "staff",
                         _hall_demo_department_codes[i], NULL, error))
      return FALSE;

  {
    g_autoptr (JsonObject) hall = json_object_new ();
    g_autoptr (JsonObject) configured = NULL;

    json_object_set_string_member (hall, "hall_name", "滑县信访超市（演示）");
    configured = call (demo, at, NULL, "hall.configure", g_steal_pointer (&hall), error);
    if (configured == NULL)
      return FALSE;
  }

  {
    g_autoptr (JsonObject) info = call (demo, at, NULL, "hall.info", NULL, error);
    JsonArray *categories;

    if (info == NULL)
      return FALSE;
    categories = json_object_get_array_member (info, "categories");
    for (guint i = 0; i < _hall_demo_n_problems; i++)
      for (guint j = 0; categories && j < json_array_get_length (categories); j++)
        {
          JsonObject *category = json_array_get_object_element (categories, j);
          if (g_strcmp0 (json_object_get_string_member (category, "name"),
                         _hall_demo_problems[i].category)
              == 0)
            demo->categories[i] = json_object_get_int_member (category, "id");
        }
  }
  return TRUE;
}

/* This week's and next week's duty roster, alternating the two leaders (the hall opens every
 * day, weekends too); today is 王建国's. */
static gboolean
setup_roster (Demo      *demo,
              GDateTime *today,
              GError   **error)
{
  int weekday = g_date_time_get_day_of_week (today);
  g_autoptr (GDateTime) monday = g_date_time_add_days (today, 1 - weekday);
  gint64 at = local_time (monday, 0, 5);

  g_autofree char *manager = NULL;

  if (at > g_get_real_time () / G_USEC_PER_SEC)
    at = g_get_real_time () / G_USEC_PER_SEC;
  manager = login (demo, at - 60, "zhangli", "manager", 0, error);
  if (manager == NULL)
    return FALSE;
  for (int d = 0; d < 12; d++)
    {
      g_autoptr (GDateTime) day = g_date_time_add_days (monday, d);
      g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");
      int              offset = d - (weekday - 1);
      gint64           user_id;
      g_autofree char *json = NULL;
      g_autoptr (JsonObject) result = NULL;

      user_id = offset % 2 == 0 ? demo->leader_id : demo->other_leader_id;
      json = g_strdup_printf ("{\"date\":\"%s\",\"user_id\":%" G_GINT64_FORMAT ",\"slot\":\"day\"}",
                              date, user_id);
      result = call (demo, at, manager, "leader.duty", obj (json), error);
      if (result == NULL)
        return FALSE;
    }
  return TRUE;
}

/* ---- matters from earlier days -------------------------------------------------------------- */

typedef enum
{
  PAST_REGISTERED,
  PAST_ACCEPTED,
  PAST_ASSIGNED,
  PAST_REPLIED,
  PAST_CLOSED,
  PAST_DECLINED,
} PastState;

static gboolean
past_matter (Demo      *demo,
             GDateTime *today,
             int        days_ago,
             int        deadline_days,
             PastState  state,
             gboolean   supervise,
             GError   **error)
{
  g_autoptr (GDateTime) day = g_date_time_add_days (today, -days_ago);
  gint64             at = local_time (day, 9, 30);
  guint              index;
  const DemoProblem *problem = _hall_demo_pick_problem (demo->rand, &index);
  gint64             counter = _hall_demo_staff[problem->department_id - 1].open ? problem->department_id : 1;
  g_autofree char   *token = NULL;
  g_autoptr (JsonObject) params = json_object_new ();
  g_autoptr (JsonObject) registered = NULL;
  JsonArray       *petitioners = json_array_new ();
  gint64           matter_id;
  g_autofree char *json = NULL;

  /* Sessions last a working day: each step signs in when it happens. */
  token = login (demo, at - 60, _hall_demo_staff[counter - 1].username, "staff", counter, error);
  if (token == NULL)
    return FALSE;
  json_array_add_object_element (petitioners, _hall_demo_make_petitioner (demo->rand, demo->next_person++, NULL));
  json_object_set_string_member (params, "channel", "visit");
  json_object_set_string_member (params, "type", "claim");
  if (demo->categories[index])
    json_object_set_int_member (params, "category_id", demo->categories[index]);
  json_object_set_string_member (params, "content", problem->content);
  json_object_set_array_member (params, "petitioners", petitioners);
  registered = call (demo, at, token, "matter.register", g_steal_pointer (&params), error);
  if (registered == NULL)
    return FALSE;
  matter_id = json_object_get_int_member (registered, "matter_id");

  if (state == PAST_REGISTERED)
    return TRUE;

  if (state == PAST_DECLINED)
    {
      g_autoptr (JsonObject) declined = NULL;

      g_free (token);
      token = login (demo, at + 3 * DAY - 60, _hall_demo_staff[counter - 1].username, "staff",
                     counter, error);
      if (token == NULL)
        return FALSE;
      json = g_strdup_printf ("{\"matter_id\":%" G_GINT64_FORMAT ",\"reason\":\"%s\"}", matter_id,
                              "该诉求已由人民法院作出生效判决，依照《信访工作条例》不予受理，已告知通过法定途径解决。");
      declined = call (demo, at + 3 * DAY, token, "matter.decline", obj (json), error);
      return declined != NULL;
    }

  {
    g_autoptr (JsonObject) accepted = NULL;

    g_free (token);
    token = login (demo, at + 2 * DAY - 60, _hall_demo_staff[counter - 1].username, "staff",
                   counter, error);
    if (token == NULL)
      return FALSE;
    json = g_strdup_printf ("{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);
    accepted = call (demo, at + 2 * DAY, token, "matter.accept", obj (json), error);
    if (accepted == NULL)
      return FALSE;
  }
  if (state == PAST_ACCEPTED)
    return TRUE;

  {
    g_autoptr (JsonObject) assigned = NULL;
    g_autofree char *deadline = date_of (at + (gint64) deadline_days * DAY);

    g_free (json);
    json = g_strdup_printf (
        "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":%d,\"deadline\":\"%s\","
        "\"note\":\"%s\"}",
        matter_id, problem->department_id, deadline, "请依法依规办理，按期答复信访人。");
    assigned = call (demo, at + 2 * DAY + 3600, token, "matter.assign", obj (json), error);
    if (assigned == NULL)
      return FALSE;
  }

  if (state == PAST_REPLIED || state == PAST_CLOSED)
    {
      g_autoptr (JsonObject) replied = NULL;

      g_free (token);
      token = login (demo, at + 12 * DAY - 60, _hall_demo_staff[counter - 1].username, "staff",
                     counter, error);
      if (token == NULL)
        return FALSE;
      g_free (json);
      json = g_strdup_printf (
          "{\"matter_id\":%" G_GINT64_FORMAT ",\"facts\":\"%s\",\"basis\":\"%s\","
          "\"opinion\":\"support\",\"text\":\"%s\"}",
          matter_id,
          "经实地调查核实，信访人反映的情况属实，相关单位未按规定及时处理。",
          "《信访工作条例》第三十二条及相关政策规定。",
          "经调查核实，信访人反映情况属实，已责成相关单位于十五日内整改到位，并将整改结果书面告知信"
          "访人。");
      replied = call (demo, at + 12 * DAY, token, "matter.reply", obj (json), error);
      if (replied == NULL)
        return FALSE;
    }
  if (state == PAST_CLOSED)
    {
      g_autoptr (JsonObject) closed = NULL;

      g_free (token);
      token = login (demo, at + 14 * DAY - 60, _hall_demo_staff[counter - 1].username, "staff",
                     counter, error);
      if (token == NULL)
        return FALSE;
      g_free (json);
      json = g_strdup_printf ("{\"matter_id\":%" G_GINT64_FORMAT ",\"satisfaction\":\"satisfied\","
                              "\"outcome\":\"resolved\",\"note\":\"%s\"}",
                              matter_id, "电话回访，信访人对处理结果表示满意。");
      closed = call (demo, at + 14 * DAY, token, "matter.close", obj (json), error);
      if (closed == NULL)
        return FALSE;
    }

  if (supervise)
    {
      g_autoptr (JsonObject) supervised = NULL;
      gint64           when = g_get_real_time () / G_USEC_PER_SEC - 3600;
      g_autofree char *due = date_of (when + 7 * DAY);
      g_autofree char *leader = login (demo, when - 60, "wangjianguo", "leader", 0, error);

      if (leader == NULL)
        return FALSE;
      g_free (json);
      json = g_strdup_printf ("{\"matter_id\":%" G_GINT64_FORMAT
                              ",\"note\":\"%s\",\"due_date\":\"%s\"}",
                              matter_id, "已超期未办结，请责任单位一周内报送办理结果。", due);
      supervised = call (demo, when, leader, "matter.supervise",
                         obj (json), error);
      if (supervised == NULL)
        return FALSE;
    }
  return TRUE;
}

/* ---- yesterday ----------------------------------------------------------------------------- */

/* A visitor escalated yesterday afternoon whom the leader did not receive: lapsed today, for the
 * manager to follow up. The week's roster starts on Monday, so yesterday's leader goes on it here.
 */
static gboolean
yesterday_escalation (Demo      *demo,
                      GDateTime *today,
                      GError   **error)
{
  gint64           at = local_time (today, 15, 30) - DAY;
  g_autofree char *date = date_of (at);
  g_autofree char *duty = g_strdup_printf ("{\"date\":\"%s\",\"user_id\":%" G_GINT64_FORMAT "}",
                                           date, demo->other_leader_id);
  g_autofree char *matter = g_strdup_printf (
      "{\"channel\":\"visit\",\"type\":\"claim\",\"category_id\":%" G_GINT64_FORMAT ","
      "\"content\":\"%s\",\"petitioners\":[{\"name\":\"刘建军\","
      "\"id_number\":\"110101199003070011\"}]}",
      demo->categories[2], _hall_demo_problems[2].content); /* 征地拆迁: 自然资源 */
  g_autofree char *manager = login (demo, at - 3600, "zhangli", "manager", 0, error);
  g_autofree char *token = NULL, *escalate = NULL;
  g_autoptr (JsonObject) on_duty = NULL, registered = NULL, escalated = NULL;

  on_duty = manager ? call (demo, at - 3600, manager, "leader.duty", obj (duty), error) : NULL;
  token = on_duty ? login (demo, at - 60, _hall_demo_staff[3].username, "staff", 4, error) : NULL;
  registered = token ? call (demo, at, token, "matter.register", obj (matter), error) : NULL;
  if (registered == NULL)
    return FALSE;
  escalate = g_strdup_printf ("{\"matter_id\":%" G_GINT64_FORMAT ",\"note\":\"%s\"}",
                              json_object_get_int_member (registered, "matter_id"),
                              "信访人要求当面向领导反映补偿标准问题。");
  escalated = call (demo, at + 600, token, "matter.escalate", obj (escalate), error);
  return escalated != NULL;
}

/* ---- this morning --------------------------------------------------------------------------- */

static gboolean
issue_ticket (Demo    *demo,
              gint64   at,
              gboolean collective,
              GError **error)
{
  g_autoptr (JsonObject) params = json_object_new ();
  g_autoptr (JsonObject) issued = NULL;
  guint              index;
  const DemoProblem *problem = _hall_demo_pick_problem (demo->rand, &index);

  if (collective)
    {
      problem = &_hall_demo_problems[5]; /* 欠薪: a group of workers comes together */
      index = 5;
    }
  if (demo->categories[index])
    json_object_set_int_member (params, "category_id", demo->categories[index]);
  else
    json_object_set_int_member (params, "department_id", problem->department_id);
  if (collective)
    {
      json_object_set_string_member (params, "priority", "collective");
      json_object_set_int_member (params, "persons", 8);
    }
  else if (g_rand_int_range (demo->rand, 0, 10) == 0)
    json_object_set_string_member (params, "priority", "priority");
  else if (g_rand_int_range (demo->rand, 0, 4) == 0)
    json_object_set_int_member (params, "persons", 2);
  issued = call (demo, at, demo->manager, "ticket.issue", g_steal_pointer (&params), error);
  return issued != NULL;
}

static gboolean
register_from_ticket (Demo    *demo,
                      gint64   at,
                      int      counter,
                      gboolean escalate,
                      GError **error)
{
  const DemoProblem *problem = NULL;
  g_autoptr (JsonObject) params = json_object_new ();
  g_autoptr (JsonObject) registered = NULL;
  JsonArray *petitioners = json_array_new ();
  gint64     category = 0;

  for (guint i = 0; i < _hall_demo_n_problems && problem == NULL; i++)
    if (_hall_demo_problems[i].department_id == counter)
      {
        problem = &_hall_demo_problems[i];
        category = demo->categories[i];
      }
  if (problem == NULL)
    problem = &_hall_demo_problems[0];

  json_array_add_object_element (petitioners, _hall_demo_make_petitioner (demo->rand, demo->next_person++, NULL));
  json_object_set_string_member (params, "channel", "visit");
  json_object_set_string_member (params, "type", "claim");
  if (category)
    json_object_set_int_member (params, "category_id", category);
  json_object_set_string_member (params, "content", problem->content);
  json_object_set_array_member (params, "petitioners", petitioners);
  json_object_set_int_member (params, "ticket_id", demo->current[counter]);
  registered = call (demo, at, demo->counter_tokens[counter], "matter.register",
                     g_steal_pointer (&params), error);
  if (registered == NULL)
    return FALSE;

  if (escalate)
    {
      g_autofree char *json = g_strdup_printf (
          "{\"matter_id\":%" G_GINT64_FORMAT ",\"ticket_id\":%" G_GINT64_FORMAT ",\"note\":\"%s\"}",
          json_object_get_int_member (registered, "matter_id"), demo->current[counter],
          "群众情绪激动，诉求涉及多个部门，请值班领导接访。");
      g_autoptr (JsonObject) escalated =
          call (demo, at + PACED (demo, 120), demo->counter_tokens[counter], "matter.escalate",
                obj (json), error);
      if (escalated == NULL)
        return FALSE;
      demo->current[counter] = 0;
    }
  return TRUE;
}

static gboolean
serve_step (Demo     *demo,
            gint64    at,
            int       counter,
            gboolean  may_escalate,
            gboolean *escalated,
            GError  **error)
{
  const char      *token = demo->counter_tokens[counter];
  g_autofree char *json = NULL;

  if (demo->current[counter] != 0 && at >= demo->service_end[counter])
    {
      static const char *const outcomes[] = { "resolved", "consultation", "guided", "matter" };
      const char              *outcome = outcomes[g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (outcomes))];
      g_autoptr (JsonObject) finished = NULL;

      if (g_str_equal (outcome, "matter"))
        {
          gboolean escalate = may_escalate && !*escalated;

          if (!register_from_ticket (demo, at - PACED (demo, 60), counter, escalate, error))
            return FALSE;
          if (escalate)
            {
              *escalated = TRUE;
              return TRUE;
            }
        }
      json = g_strdup_printf ("{\"ticket_id\":%" G_GINT64_FORMAT ",\"outcome\":\"%s\"}",
                              demo->current[counter], outcome);
      finished = call (demo, at, token, "ticket.finish", obj (json), error);
      if (finished == NULL)
        return FALSE;
      demo->current[counter] = 0;
    }

  if (demo->current[counter] == 0)
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (JsonObject) called =
          call (demo, at + PACED (demo, 30), token, "counter.call_next", NULL, &local);
      JsonObject *ticket;
      g_autoptr (JsonObject) started = NULL;

      if (called == NULL)
        {
          if (g_error_matches (local, HALL_ERROR, HALL_ERROR_QUEUE_EMPTY))
            return TRUE;
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      ticket = json_object_get_object_member (called, "ticket");
      demo->current[counter] =
          json_object_get_int_member (ticket ? ticket : called, ticket ? "id" : "ticket_id");
      demo->service_end[counter] = at + PACED (demo, 60 * g_rand_int_range (demo->rand, 8, 26));
      g_free (json);
      json = g_strdup_printf ("{\"ticket_id\":%" G_GINT64_FORMAT "}", demo->current[counter]);
      started = call (demo, at + PACED (demo, 90), token, "ticket.start", obj (json), error);
      if (started == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
run_morning (Demo      *demo,
             GDateTime *today,
             GError   **error)
{
  gint64   now = g_get_real_time () / G_USEC_PER_SEC - 60;
  gint64   start = local_time (today, 8, 30);
  gint64   midnight = local_time (today, 0, 0) + 30;
  gint64   step, span;
  int      n_tickets, issued = 0;
  gboolean escalated = FALSE;

  /* The demo shows the last three busy hours: from 08:30 when that is recent, else the three
   * hours before now, squeezed into the time since midnight early in the day (today's queue
   * holds only today's tickets). Every morning has the same 36 steps, at the pace that fits. */
  if (now - start < 2 * 60 * 60)
    start = MAX (midnight, now - 2 * 60 * 60);
  else if (now - start > 3 * 60 * 60)
    start = now - 3 * 60 * 60;
  span = MAX (now - start, 36);
  step = MAX (span / 36, 1);
  demo->pace = step / 300.0;
  n_tickets = 60 + g_rand_int_range (demo->rand, 0, 10);
  demo->manager = login (demo, start - 20 * 60, "zhangli", "manager", 0, error);
  if (demo->manager == NULL)
    return FALSE;

  for (int c = 1; c <= N_COUNTERS; c++)
    {
      g_autoptr (JsonObject) opened = NULL;

      if (!_hall_demo_staff[c - 1].open)
        continue;
      demo->counter_tokens[c] =
          login (demo, start - 15 * 60, _hall_demo_staff[c - 1].username, "staff", c, error);
      if (demo->counter_tokens[c] == NULL)
        return FALSE;
      opened = call (demo, start - 10 * 60 + c * 20, demo->counter_tokens[c], "counter.open", NULL,
                     error);
      if (opened == NULL)
        return FALSE;
    }

  for (gint64 t = start; t < start + span; t += step)
    {
      /* More and more people come as the morning goes on, so a queue builds up towards now. */
      double progress = MIN (1.0, (double) (t - start + step) / span);
      int    due = (int) (n_tickets * progress * progress);

      while (issued < due && issued < n_tickets)
        {
          if (!issue_ticket (
                  demo,
                  t + g_rand_int_range (demo->rand, 0, (int) MAX (step - PACED (demo, 60), 1)),
                  issued == n_tickets / 3, error))
            return FALSE;
          issued++;
        }
      for (int c = 1; c <= N_COUNTERS; c++)
        if (demo->counter_tokens[c] != NULL
            && !serve_step (demo, t + step - PACED (demo, 120), c, t > start + span / 2, &escalated,
                            error))
          return FALSE;
    }

  for (int c = 1; c <= N_COUNTERS; c++)
    if (_hall_demo_staff[c - 1].pause != NULL && demo->counter_tokens[c] != NULL)
      {
        g_autofree char *json = NULL;
        g_autoptr (JsonObject) result = NULL;

        if (demo->current[c] != 0)
          {
            json = g_strdup_printf ("{\"ticket_id\":%" G_GINT64_FORMAT
                                    ",\"outcome\":\"consultation\"}",
                                    demo->current[c]);
            result = call (demo, now - PACED (demo, 20 * 60), demo->counter_tokens[c],
                           "ticket.finish", obj (json), error);
            if (result == NULL)
              return FALSE;
            g_clear_pointer (&result, json_object_unref);
            g_clear_pointer (&json, g_free);
            demo->current[c] = 0;
          }
        json = g_strdup_printf ("{\"reason\":\"%s\"}", _hall_demo_staff[c - 1].pause);
        result = call (demo, now - PACED (demo, 15 * 60), demo->counter_tokens[c], "counter.pause",
                       obj (json), error);
        if (result == NULL)
          return FALSE;
      }
  return TRUE;
}

/* The demo has no scheduler of its own (nothing of it is kept): the supervision rules raise their
 * flags once, now, as the hall's scheduler would have. */
static gboolean
raise_rules (Demo    *demo,
             GError **error)
{
  g_autoptr (JsonObject) result = call (demo, g_get_real_time () / G_USEC_PER_SEC, NULL,
                                        "supervision.evaluate", NULL, error);

  return result != NULL;
}

static void
fill_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr (Demo) demo = g_new0 (Demo, 1);
  g_autoptr (GDateTime) today = g_date_time_new_now_local ();
  gint64   long_ago = g_get_real_time () / G_USEC_PER_SEC - 120 * DAY;
  GError  *error = NULL;
  gboolean ok;

  g_assert (_hall_demo_n_problems <= G_N_ELEMENTS (demo->categories));
  demo->engine = task_data;
  demo->rand = g_rand_new_with_seed (20261001);

  ok = setup_people (demo, long_ago, &error);

  /* Weeks of work behind the hall: matters in every state, some overdue and supervised. */
  ok = ok
       && past_matter (demo, today, 95, 45, PAST_ASSIGNED, TRUE, &error)
       && past_matter (demo, today, 80, 40, PAST_ASSIGNED, FALSE, &error)
       && past_matter (demo, today, 70, 30, PAST_ACCEPTED, FALSE, &error)
       && past_matter (demo, today, 64, 50, PAST_ASSIGNED, TRUE, &error)
       && past_matter (demo, today, 45, 50, PAST_ASSIGNED, FALSE, &error)
       && past_matter (demo, today, 40, 45, PAST_ASSIGNED, FALSE, &error)
       && past_matter (demo, today, 33, 40, PAST_REPLIED, FALSE, &error)
       && past_matter (demo, today, 30, 40, PAST_CLOSED, FALSE, &error)
       && past_matter (demo, today, 26, 40, PAST_CLOSED, FALSE, &error)
       && past_matter (demo, today, 21, 40, PAST_DECLINED, FALSE, &error)
       && past_matter (demo, today, 13, 40, PAST_REGISTERED, FALSE, &error)
       && past_matter (demo, today, 9, 40, PAST_ASSIGNED, FALSE, &error)
       && past_matter (demo, today, 4, 40, PAST_REGISTERED, FALSE, &error)
       && past_matter (demo, today, 2, 40, PAST_ACCEPTED, FALSE, &error);

  ok = ok && setup_roster (demo, today, &error) && yesterday_escalation (demo, today, &error)
       && run_morning (demo, today, &error) && raise_rules (demo, &error);

  hall_engine_set_now (demo->engine, 0);
  if (!ok)
    {
      g_prefix_error (&error, _ ("Cannot make the demo hall: "));
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/* ---- public API ----------------------------------------------------------------------------- */

const HallDemoAccount *
hall_demo_get_accounts (guint *n_accounts)
{
  if (n_accounts != NULL)
    *n_accounts = _hall_demo_n_featured;
  return _hall_demo_featured;
}

void
hall_demo_fill_async (HallEngine         *engine,
                      GCancellable       *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (HALL_IS_ENGINE (engine));

  task = g_task_new (engine, cancellable, callback, user_data);
  g_task_set_source_tag (task, hall_demo_fill_async);
  g_task_set_task_data (task, g_object_ref (engine), g_object_unref);
  g_task_run_in_thread (task, fill_thread);
}

gboolean
hall_demo_fill_finish (GAsyncResult *result,
                       GError      **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
