/* hall-fuzz-commands.c — every command's parameters, run by the engine on a hall in use
 *
 * An input is a command's name, a newline, one character naming who calls it and the request
 * body: "matter.get\nS{\"matter_id\":1}". S, M, L, A, D and K are the sessions of window staff,
 * the manager, a leader, the administrator, the wall display and the kiosk, Y the hall itself
 * (HALL_ROLE_SYSTEM), except for hall.backup; a caller the command does not allow is replaced
 * by one it does, and a name that is no command by one that is, so that every input runs
 * something. The body goes through the server's own reading (_hall_server_parse_json()) before
 * the engine sees it.
 *
 * The hall is made once per process, with people signed in, a window open, a visitor at it,
 * matters received, accepted and escalated and a leader on duty, so that commands reach past
 * their first checks. Each run must end in a result or a refusal with a proper HallError (not an
 * internal one), and never in a warning, a critical or a leak. Commands that end or change the
 * fixture's own sessions (session.logout, user.set_password …) are followed by signing in again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-fuzz"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "hall-fuzz.h"
#include "hall-server-private.h"
#include "hall-test-util.h"

typedef struct
{
  char        code;
  HallRole    role;
  const char *username;
  const char *department;
  gint64      counter_id;
  char       *token;
  gint64      user_id;
} Person;

static Person people[] = {
  { 'S', HALL_ROLE_STAFF, "chuangkou", "chengjian", 2 },
  { 'M', HALL_ROLE_MANAGER, "zhiban", "xinfang", 0 },
  { 'L', HALL_ROLE_LEADER, "lingdao", NULL, 0 },
  { 'A', HALL_ROLE_ADMIN, "admin", NULL, 0 },
  { 'D', HALL_ROLE_DISPLAY, "wall", NULL, 0 },
  { 'K', HALL_ROLE_KIOSK, "kiosk", NULL, 0 },
};

#define SYSTEM_CODE 'Y'
/* Calls come from here; the fixture signs in again from 127.0.0.1, so that the fuzzer's wrong
 * passwords never lock the fixture out. */
#define FUZZ_ADDRESS "192.0.2.1"

static HallTestHall *hall;

static Person *
person_with (HallRole role)
{
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    if (people[i].role == role)
      return &people[i];
  g_assert_not_reached ();
}

static void
sign_in (Person *p)
{
  g_free (p->token);
  p->token = hall_test_login (hall, p->username, hall_role_to_string (p->role), p->counter_id);
}

static void
system_ok (const char *command,
           const char *json_format,
           ...) G_GNUC_PRINTF (2, 3);

static void
system_ok (const char *command,
           const char *json_format,
           ...)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) params = NULL;
  g_autoptr (JsonObject) result = NULL;
  g_autofree char *json = NULL;
  va_list          args;

  va_start (args, json_format);
  json = g_strdup_vprintf (json_format, args);
  va_end (args);
  params = hall_test_parse_object (json);
  result = hall_engine_call_system (hall->engine, command, params, &error);
  if (result == NULL)
    g_error ("%s %s: %s", command, json, error->message);
}

/* The account as the fixture made it: unlocked, its one role, its department, its password. */
static void
restore (Person *p)
{
  g_autofree char *department =
      p->department ? g_strdup_printf (",\"department\":\"%s\"", p->department) : g_strdup ("");

  system_ok ("user.set_locked", "{\"user_id\":%" G_GINT64_FORMAT ",\"locked\":false}", p->user_id);
  system_ok ("user.update",
             "{\"user_id\":%" G_GINT64_FORMAT ",\"display_name\":\"%s\",\"roles\":[\"%s\"]%s}",
             p->user_id, p->username, hall_role_to_string (p->role), department);
  system_ok ("user.set_password", "{\"user_id\":%" G_GINT64_FORMAT ",\"password\":\"password123\"}",
             p->user_id);
  sign_in (p);
}

static void
drain_events (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
tear_down (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    g_clear_pointer (&people[i].token, g_free);
  g_clear_pointer (&hall, hall_test_hall_free);
}

/* A hall in use: a visitor at an open window with a matter registered from the ticket, a matter
 * accepted and assigned, one escalated to the leader on duty and taken in charge. */
static void
set_up (void)
{
  g_autoptr (JsonObject) r = NULL;
  Person *staff = person_with (HALL_ROLE_STAFF), *manager = person_with (HALL_ROLE_MANAGER);
  Person *leader = person_with (HALL_ROLE_LEADER), *kiosk = person_with (HALL_ROLE_KIOSK);
  gint64  ticket_id, matter_id;

  hall = hall_test_hall_new ();
  /* Monday 12 October 2026: a working day, and a fixed clock keeps the runs alike. */
  hall_test_set_now (hall, "2026-10-12 09:30");
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      Person *p = &people[i];

      p->token = hall_test_add_user (hall, p->username, hall_role_to_string (p->role),
                                     p->department, p->counter_id);
      p->user_id = hall_test_user_id (hall, p->token);
    }

  r = hall_test_ok (hall, manager->token, "leader.duty",
                    "{\"date\":\"2026-10-12\",\"user_id\":%" G_GINT64_FORMAT "}", leader->user_id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, kiosk->token, "ticket.issue", "{\"department_id\":2,\"persons\":2}");
  ticket_id = json_object_get_int_member (json_object_get_object_member (r, "ticket"), "id");
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, staff->token, "counter.open", NULL);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, staff->token, "counter.call_next", NULL);
  g_clear_pointer (&r, json_object_unref);
  hall_test_register_visit (hall, staff->token, ticket_id, NULL);
  r = hall_test_ok (hall, kiosk->token, "ticket.issue", "{\"department_id\":2}");
  g_clear_pointer (&r, json_object_unref);

  matter_id = hall_test_register_visit (hall, staff->token, 0, "2026-10-09");
  r = hall_test_ok (hall, staff->token, "matter.accept", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                    matter_id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, manager->token, "matter.assign",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":3,\"deadline\":\"2026-11-30\"}", matter_id);
  g_clear_pointer (&r, json_object_unref);

  matter_id = hall_test_register_visit (hall, staff->token, 0, NULL);
  r = hall_test_ok (hall, staff->token, "matter.escalate", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                    matter_id);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (hall, leader->token, "leader.charge", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                    matter_id);
  g_clear_pointer (&r, json_object_unref);
  drain_events ();
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  hall_fuzz_init ();
  set_up ();
  atexit (tear_down);
  return 0;
}

static const HallCommand *
pick_command (const char *name,
              gsize       length)
{
  g_autofree char          *copy = g_strndup (name, length);
  const HallCommand        *command = hall_engine_lookup_command (copy);
  guint                     n_commands;
  const HallCommand *const *all = hall_engine_list_commands (&n_commands);

  if (command != NULL)
    return command;
  return all[g_str_hash (copy) % n_commands];
}

/* The person named by @code if @command allows them, else one it allows picked by @code; NULL
 * for the hall itself. */
static Person *
pick_caller (const HallCommand *command,
             guchar             code)
{
  Person *allowed[G_N_ELEMENTS (people)];
  guint   n_allowed = 0;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    if (command->roles & people[i].role)
      {
        if (people[i].code == code)
          return &people[i];
        allowed[n_allowed++] = &people[i];
      }
  /* The hall itself may write a backup wherever "to" says: never from a fuzzer running as
   * root. The administrator may not choose the file, so that is what the fuzzer calls as. */
  if (g_str_equal (command->name, "hall.backup"))
    return person_with (HALL_ROLE_ADMIN);
  if (code == SYSTEM_CODE || n_allowed == 0)
    return NULL;
  return allowed[code % n_allowed];
}

/* After a command that may have ended or changed the fixture's sessions or accounts. */
static void
repair (const char *command,
        Person     *caller,
        JsonObject *params)
{
  if (g_str_equal (command, "session.logout") || g_str_equal (command, "session.switch"))
    {
      if (caller != NULL)
        sign_in (caller);
      return;
    }
  if (g_str_has_prefix (command, "user.") && params != NULL
      && json_object_has_member (params, "user_id"))
    {
      JsonNode *node = json_object_get_member (params, "user_id");

      if (json_node_get_value_type (node) != G_TYPE_INT64)
        return;
      for (guint i = 0; i < G_N_ELEMENTS (people); i++)
        if (people[i].user_id == json_node_get_int (node))
          restore (&people[i]);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const char        *text = (const char *) data;
  const char        *newline = memchr (text, '\n', size);
  const HallCommand *command;
  Person            *caller;
  gsize              name_length;
  g_autoptr (JsonObject) params = NULL;
  g_autoptr (JsonObject) result = NULL;
  g_autoptr (GError) error = NULL;

  if (newline == NULL || (gsize) (newline - text) + 2 > size)
    return 0;
  name_length = newline - text;
  command = pick_command (text, name_length);
  caller = pick_caller (command, newline[1]);

  params = _hall_server_parse_json (newline + 2, size - name_length - 2, NULL);
  if (params == NULL)
    return 0;

  if (caller == NULL)
    result = hall_engine_call_system (hall->engine, command->name, params, &error);
  else
    result = hall_engine_call_sync (hall->engine,
                                    (command->flags & HALL_COMMAND_PUBLIC) ? NULL : caller->token,
                                    command->name, params, FUZZ_ADDRESS, &error);
  drain_events ();

  /* HALL_FUZZ_VERBOSE=1: what each input did, when reproducing one or checking the seeds. */
  if (g_getenv ("HALL_FUZZ_VERBOSE") != NULL)
    g_printerr ("%s as %s: %s%s%s\n", command->name,
                caller ? hall_role_to_string (caller->role) : "system",
                error ? hall_error_code_to_string (error->code) : "ok", error ? " " : "",
                error ? error->message : "");

  if (result == NULL)
    {
      g_autofree char *what = g_strdup_printf ("%s as %s", command->name,
                                               caller ? hall_role_to_string (caller->role)
                                                      : "the hall");

      hall_fuzz_assert_refusal (error, what);
      /* A session the fixture keeps must not end under it. */
      if (error->code == HALL_ERROR_UNAUTHENTICATED && caller != NULL
          && !(command->flags & HALL_COMMAND_PUBLIC))
        g_error ("%s: the session ended: %s", what, error->message);
      return 0;
    }
  g_assert_no_error (error);
  {
    g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), result);
    g_autofree char *json = json_to_string (node, FALSE);

    g_assert_true (g_utf8_validate (json, -1, NULL));
  }
  /* A backup is a copy of the whole hall, up to a thousand a second on the fixed clock. */
  if (g_str_equal (command->name, "hall.backup"))
    g_assert_cmpint (g_unlink (json_object_get_string_member (result, "path")), ==, 0);
  repair (command->name, caller, params);
  return 0;
}
