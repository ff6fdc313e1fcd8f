/* test-leader-fixture.c — the hall, its people and the queue-and-matter helpers that the leader
 * tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "test-leader-fixture.h"

void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  f->hall = hall_test_hall_new ();
  /* Monday 12 October 2026, 09:00. */
  hall_test_set_now (f->hall, "2026-10-12 09:00");
  f->manager = hall_test_add_user (f->hall, "zhiban", "manager", "xinfang", 0);
  f->staff = hall_test_add_user (f->hall, "chuangkou", "staff", "chengjian", 2);
  f->leader = hall_test_add_user (f->hall, "zhang", "leader", NULL, 0);
  f->leader2 = hall_test_add_user (f->hall, "li", "leader", NULL, 0);
  f->display = hall_test_add_user (f->hall, "wall", "display", NULL, 0);
  f->kiosk = hall_test_add_user (f->hall, "kiosk", "kiosk", NULL, 0);
  f->admin = hall_test_add_user (f->hall, "admin", "admin", NULL, 0);
  f->manager_id = hall_test_user_id (f->hall, f->manager);
  f->staff_id = hall_test_user_id (f->hall, f->staff);
  f->leader_id = hall_test_user_id (f->hall, f->leader);
  f->leader2_id = hall_test_user_id (f->hall, f->leader2);
}

void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_free (f->manager);
  g_free (f->staff);
  g_free (f->leader);
  g_free (f->leader2);
  g_free (f->display);
  g_free (f->kiosk);
  g_free (f->admin);
  hall_test_hall_free (f->hall);
}

gint64
register_matter (Fixture    *f,
                 gint64      ticket_id,
                 const char *received_date)
{
  return hall_test_register_visit (f->hall, f->staff, ticket_id, received_date);
}

gint64
visitor_at_window (Fixture *f,
                   gint64  *matter_id)
{
  g_autoptr (JsonObject) ticket = NULL;
  g_autoptr (JsonObject) r = NULL;
  gint64 ticket_id;

  ticket = hall_test_ok (f->hall, f->kiosk, "ticket.issue", "{\"department_id\":2,\"persons\":2}");
  ticket_id = json_object_get_int_member (json_object_get_object_member (ticket, "ticket"), "id");
  r = hall_test_ok (f->hall, f->staff, "counter.open", NULL);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, f->staff, "counter.call_next", NULL);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "ticket"), "id"),
                   ==, ticket_id);
  *matter_id = register_matter (f, ticket_id, NULL);
  return ticket_id;
}

JsonObject *
get_ticket (Fixture *f,
            gint64   ticket_id)
{
  g_autoptr (JsonObject) r = hall_test_ok (f->hall, f->manager, "ticket.get",
                                           "{\"ticket_id\":%" G_GINT64_FORMAT "}", ticket_id);

  return json_object_ref (json_object_get_object_member (r, "ticket"));
}

void
relogin (Fixture *f)
{
  g_free (f->manager);
  g_free (f->staff);
  g_free (f->leader);
  g_free (f->leader2);
  f->manager = hall_test_login (f->hall, "zhiban", "manager", 0);
  f->staff = hall_test_login (f->hall, "chuangkou", "staff", 2);
  f->leader = hall_test_login (f->hall, "zhang", "leader", 0);
  f->leader2 = hall_test_login (f->hall, "li", "leader", 0);
}

void
put_on_duty (Fixture *f,
             gint64   leader_id)
{
  g_autoptr (JsonObject) r = NULL;

  r = hall_test_ok (f->hall, f->manager, "leader.duty",
                    "{\"date\":\"2026-10-12\",\"user_id\":%" G_GINT64_FORMAT "}", leader_id);
}
