/* test-leader-fixture.h — the hall, its people and the queue-and-matter helpers that the leader
 * tests share (test-leader.c, test-leader-reception.c, test-leader-charge.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-test-util.h"

G_BEGIN_DECLS

typedef struct
{
  HallTestHall *hall;
  char *manager;
  char *staff;
  char *leader;  /* 张书记 */
  char *leader2; /* 李县长 */
  char *display;
  char *kiosk;
  char *admin;
  gint64 manager_id;
  gint64 staff_id;
  gint64 leader_id;
  gint64 leader2_id;
} Fixture;

static inline gint64
user_id_of (HallTestHall *hall,
            const char   *token)
{
  g_autoptr (JsonObject) who = hall_test_ok (hall, token, "session.whoami", NULL);

  return json_object_get_int_member (json_object_get_object_member (who, "user"), "id");
}

static inline void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->hall = hall_test_hall_new ();
  /* Monday 12 October 2026, 09:00. */
  hall_engine_set_now (f->hall->engine, hall_test_time ("2026-10-12 09:00"));
  f->manager = hall_test_add_user (f->hall, "zhiban", "manager", "xinfang", 0);
  f->staff = hall_test_add_user (f->hall, "chuangkou", "staff", "chengjian", 2);
  f->leader = hall_test_add_user (f->hall, "zhang", "leader", NULL, 0);
  f->leader2 = hall_test_add_user (f->hall, "li", "leader", NULL, 0);
  f->display = hall_test_add_user (f->hall, "wall", "display", NULL, 0);
  f->kiosk = hall_test_add_user (f->hall, "kiosk", "kiosk", NULL, 0);
  f->admin = hall_test_add_user (f->hall, "admin", "admin", NULL, 0);
  f->manager_id = user_id_of (f->hall, f->manager);
  f->staff_id = user_id_of (f->hall, f->staff);
  f->leader_id = user_id_of (f->hall, f->leader);
  f->leader2_id = user_id_of (f->hall, f->leader2);
}

static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
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


/* ---- helpers for the flows with the queue and the matters ---------------------------------- */

static inline gint64
register_matter (Fixture    *f,
                 gint64      ticket_id,
                 const char *received_date)
{
  g_autoptr (JsonObject) r = NULL;
  g_autofree char *ticket = ticket_id ? g_strdup_printf (",\"ticket_id\":%" G_GINT64_FORMAT, ticket_id)
                                      : g_strdup ("");
  g_autofree char *received = received_date ? g_strdup_printf (",\"received_date\":\"%s\"", received_date)
                                            : g_strdup ("");

  r = hall_test_ok (f->hall, f->staff, "matter.register",
                    "{\"channel\":\"visit\",\"type\":\"claim\",\"category_id\":3,"
                    "\"content\":\"小区物业长期不维修电梯，多次反映未解决\"%s%s,"
                    "\"petitioners\":[{\"name\":\"王小明\",\"id_number\":\"431228198001151236\","
                    "\"phone\":\"13800138000\",\"sex\":\"male\",\"address\":\"城关镇幸福路8号\"}]}",
                    ticket, received);
  return json_object_get_int_member (json_object_get_object_member (r, "matter"), "id");
}

/* A visitor takes a number for 城建, window 2 calls them in and registers their matter. */
static inline gint64
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
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "ticket"), "id"), ==, ticket_id);
  *matter_id = register_matter (f, ticket_id, NULL);
  return ticket_id;
}

static inline JsonObject *
get_ticket (Fixture *f,
            gint64   ticket_id)
{
  g_autoptr (JsonObject) r = hall_test_ok (f->hall, f->manager, "ticket.get",
                                           "{\"ticket_id\":%" G_GINT64_FORMAT "}", ticket_id);

  return json_object_ref (json_object_get_object_member (r, "ticket"));
}

static inline guint
count_timeline (JsonObject *matter_result,
                const char *kind)
{
  JsonArray *timeline = json_object_get_array_member (matter_result, "timeline");
  guint n = 0;

  for (guint i = 0; i < json_array_get_length (timeline); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (timeline, i), "kind"), kind) == 0)
      n++;
  return n;
}

static inline JsonObject *
find_timeline (JsonObject *matter_result,
               const char *kind)
{
  JsonArray *timeline = json_object_get_array_member (matter_result, "timeline");

  for (guint i = 0; i < json_array_get_length (timeline); i++)
    {
      JsonObject *entry = json_array_get_object_element (timeline, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "kind"), kind) == 0)
        return entry;
    }
  return NULL;
}

/* A new day: yesterday's sessions have expired. */
static inline void
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

static inline void
put_on_duty (Fixture *f,
             gint64   leader_id)
{
  g_autoptr (JsonObject) r = hall_test_ok (f->hall, f->manager, "leader.duty",
                                           "{\"date\":\"2026-10-12\",\"user_id\":%" G_GINT64_FORMAT "}",
                                           leader_id);
}

G_END_DECLS
