/* test-matter-fixture.h — the hall, its staff and the matter helpers that the matter tests share
 * (test-matter.c, test-matter-access.c, test-matter-cohandling.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-test-util.h"

G_BEGIN_DECLS

/* Valid ID numbers (GB 11643 check characters computed) */
#define ID_ZHANG "430102198503151236"  /* male, 1985-03-15 */
#define ID_LIU "11010519491231002X"    /* female, 1949-12-31 */

typedef struct
{
  HallTestHall *hall;
  char *zhang;   /* staff, 城建 (2), counter 2 */
  char *zhang2;  /* staff, 城建, counter 4 */
  char *li;      /* staff, 民政 (3), counter 3 */
  char *sun;     /* staff, 人社 (5), counter 5 */
  char *wang;    /* manager */
  char *zhao;    /* leader */
  char *kiosk;
  char *admin;
} Fixture;

static inline void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->hall = hall_test_hall_new ();
  f->admin = hall_test_add_user (f->hall, "admin", "admin", NULL, 0);
  f->zhang = hall_test_add_user (f->hall, "zhang", "staff", "chengjian", 2);
  f->zhang2 = hall_test_add_user (f->hall, "zhang2", "staff", "chengjian", 4);
  f->li = hall_test_add_user (f->hall, "li", "staff", "minzheng", 3);
  f->sun = hall_test_add_user (f->hall, "sun", "staff", "renshe", 5);
  f->wang = hall_test_add_user (f->hall, "wang", "manager", NULL, 0);
  f->zhao = hall_test_add_user (f->hall, "zhao", "leader", NULL, 0);
  f->kiosk = hall_test_add_user (f->hall, "kiosk", "kiosk", NULL, 0);
}

static inline void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->zhang);
  g_free (f->zhang2);
  g_free (f->li);
  g_free (f->sun);
  g_free (f->wang);
  g_free (f->zhao);
  g_free (f->kiosk);
  g_free (f->admin);
  hall_test_hall_free (f->hall);
}

static inline void
at (Fixture    *f,
    const char *local)
{
  hall_engine_set_now (f->hall->engine, hall_test_time (local));
}

/* Registers a matter for 张伟 by @token and returns its id. */
static inline gint64
register_matter (Fixture    *f,
                 const char *token,
                 const char *extra)
{
  g_autoptr (JsonObject) r = hall_test_ok (f->hall, token, "matter.register",
                                           "{\"channel\":\"visit\",\"type\":\"claim\",\"category_id\":3,"
                                           "\"content\":\"小区电梯长期故障，物业不予维修。\","
                                           "\"petitioners\":[{\"name\":\"张伟\",\"id_number\":\"%s\","
                                           "\"phone\":\"13812345678\",\"address\":\"城关镇建设路8号\"}]%s}",
                                           ID_ZHANG, extra ? extra : "");
  return json_object_get_int_member (r, "matter_id");
}

static inline const char *
matter_member (JsonObject *result,
               const char *member)
{
  return json_object_get_string_member (json_object_get_object_member (result, "matter"), member);
}

/* Registers test @func at @path; each test runs in a fresh hall of its own. */
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

G_END_DECLS
