/* test-matter-fixture.c — the hall, its staff and the matter helpers that the matter tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "test-matter-fixture.h"

void
fixture_set_up (Fixture      *f,
                gconstpointer data)
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

void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
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

void
at (Fixture    *f,
    const char *local)
{
  hall_test_set_now (f->hall, local);
}

gint64
register_matter (Fixture    *f,
                 const char *token,
                 const char *extra)
{
  g_autoptr (JsonObject) r = NULL;

  r = hall_test_ok (f->hall, token, "matter.register",
                    "{\"channel\":\"visit\",\"type\":\"claim\",\"category_id\":3,"
                    "\"content\":\"小区电梯长期故障，物业不予维修。\","
                    "\"petitioners\":[{\"name\":\"张伟\",\"id_number\":\"%s\","
                    "\"phone\":\"13812345678\",\"address\":\"城关镇建设路8号\"}]%s}",
                    ID_ZHANG, extra ? extra : "");
  return json_object_get_int_member (r, "matter_id");
}

const char *
matter_member (JsonObject *result,
               const char *member)
{
  return json_object_get_string_member (json_object_get_object_member (result, "matter"), member);
}
