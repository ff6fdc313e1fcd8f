/* hall-test-queue.c — the hall queue in tests: issuing, calling and finishing tickets, opening a
 * window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "hall-test-queue.h"

JsonObject *
ticket_of (JsonObject *result)
{
  g_assert_true (json_object_has_member (result, "ticket"));
  return json_object_get_object_member (result, "ticket");
}

gint64
ticket_id (JsonObject *result)
{
  return json_object_get_int_member (ticket_of (result), "id");
}

const char *
ticket_state (JsonObject *result)
{
  return json_object_get_string_member (ticket_of (result), "state");
}

gint64
issue_at (HallTestHall *hall,
          const char   *token,
          const char   *local,
          gint64        department_id,
          const char   *priority,
          gint64        persons)
{
  g_autoptr (JsonObject) r = NULL;

  hall_test_set_now (hall, local);
  r = hall_test_ok (hall, token, "ticket.issue",
                    "{\"department_id\":%" G_GINT64_FORMAT
                    ",\"priority\":\"%s\",\"persons\":%" G_GINT64_FORMAT "}",
                    department_id, priority, persons);
  return ticket_id (r);
}

gint64
call_next (HallTestHall *hall,
           const char   *token)
{
  g_autoptr (JsonObject) r = hall_test_ok (hall, token, "counter.call_next", NULL);

  g_assert_cmpstr (ticket_state (r), ==, "called");
  return ticket_id (r);
}

void
finish (HallTestHall *hall,
        const char   *token,
        gint64        id)
{
  g_autoptr (JsonObject) r =
      hall_test_ok (hall, token, "ticket.finish",
                    "{\"ticket_id\":%" G_GINT64_FORMAT ",\"outcome\":\"resolved\"}", id);

  g_assert_cmpstr (ticket_state (r), ==, "finished");
}

void
open_counter (HallTestHall *hall,
              const char   *token)
{
  g_autoptr (JsonObject) r = hall_test_ok (hall, token, "counter.open", NULL);

  g_assert_cmpstr (
      json_object_get_string_member (json_object_get_object_member (r, "counter"), "state"), ==,
      "open");
}
