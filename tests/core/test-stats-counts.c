/* test-stats-counts.c — stats.summary, read from the daily counts the triggers keep, against the
 * figures worked out again here from the records alone, over randomised halls: matters entered
 * out of order, received dates edited, people added to and dropped from matters, tickets moved to
 * other people and days, collective letters, 越级访, and one person's entries in the same second;
 * then the counts a migration builds for a hall that had records before it
 *
 * The recount is test-stats-fixture.c's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "test-stats-fixture.h"

static const char *const members[] = {
  "batches",
  "persons",
  "collective_batches",
  "collective_persons",
  "first_batches",
  "first_persons",
  "repeat_batches",
  "repeat_persons",
  "city_batches",
  "city_persons",
  "province_batches",
  "province_persons",
  "capital_batches",
  "capital_persons",
  "matters",
  "matter_persons",
};

/* The members of one channel's row, or of the period, against the recount. */
static void
assert_group (JsonObject *row,
              GHashTable *figures,
              const char *group)
{
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_test_message ("%s %s", group, members[i]);
      g_assert_cmpint (json_object_get_int_member (row, members[i]), ==,
                       test_stats_figure (figures, "%s/%s", group, members[i]));
    }
  g_assert_cmpint (json_object_get_int_member (row, "single_batches"), ==,
                   test_stats_figure (figures, "%s/batches", group)
                       - test_stats_figure (figures, "%s/collective_batches", group));
  g_assert_cmpint (json_object_get_int_member (row, "escalated_persons"), ==,
                   test_stats_figure (figures, "%s/city_persons", group)
                       + test_stats_figure (figures, "%s/province_persons", group)
                       + test_stats_figure (figures, "%s/capital_persons", group));
}

/* One list of first_handling: a row for each group with matters, and nothing else. */
static void
assert_first (JsonObject *first,
              GHashTable *figures,
              const char *list_name,
              const char *id_member,
              const char *group)
{
  static const char *const counts[] = { "matters", "open", "overdue", "closed_on_time",
                                        "closed_late" };
  JsonArray               *list = json_object_get_array_member (first, list_name);
  guint                    expected = 0;
  GHashTableIter           iter;
  gpointer                 name;
  g_autofree char         *prefix = g_strdup_printf ("first/%s/", group);

  g_hash_table_iter_init (&iter, figures);
  while (g_hash_table_iter_next (&iter, &name, NULL))
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, "/matters")
        && test_stats_figure (figures, "%s", (const char *) name) > 0)
      expected++;
  g_assert_cmpuint (json_array_get_length (list), ==, expected);
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *row = json_array_get_object_element (list, i);
      gint64      id = json_object_get_int_member (row, id_member);

      for (guint c = 0; c < G_N_ELEMENTS (counts); c++)
        g_assert_cmpint (json_object_get_int_member (row, counts[c]), ==,
                         test_stats_figure (figures, "first/%s/%" G_GINT64_FORMAT "/%s", group, id,
                                            counts[c]));
    }
}

/* stats.summary's current period figure for figure against the recount of @hall's records. */
static void
assert_summary (HallTestHall *hall,
                const char   *token)
{
  g_autoptr (GHashTable) figures = test_stats_recount (hall->path);
  g_autoptr (JsonObject) r = hall_test_ok (hall, token, "stats.summary",
                                           "{\"from\":\"" FROM "\",\"to\":\"" TO "\"}");
  JsonObject              *current = json_object_get_object_member (r, "current");
  JsonArray               *list = json_object_get_array_member (current, "by_channel");
  JsonObject              *rates = json_object_get_object_member (current, "rates");
  static const char *const rate_names[] = { "decision_on_time", "handling_on_time",
                                            "satisfaction", "participation" };

  g_assert_cmpint (test_stats_figure (figures, "period/batches"), >, 50);
  g_assert_cmpint (test_stats_figure (figures, "period/repeat_batches"), >, 0);
  g_assert_cmpint (test_stats_figure (figures, "period/first_batches"), >, 0);
  g_assert_cmpint (test_stats_figure (figures, "letter/collective_batches"), >, 0);
  assert_group (current, figures, "period");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *row = json_array_get_object_element (list, i);

      assert_group (row, figures, json_object_get_string_member (row, "channel"));
    }
  list = json_object_get_array_member (current, "by_department");
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *row = json_array_get_object_element (list, i);
      gint64      id = json_object_get_int_member (row, "department_id");

      g_assert_cmpint (json_object_get_int_member (row, "batches"), ==,
                       test_stats_figure (figures, "department/%" G_GINT64_FORMAT "/batches", id));
      g_assert_cmpint (json_object_get_int_member (row, "persons"), ==,
                       test_stats_figure (figures, "department/%" G_GINT64_FORMAT "/persons", id));
      g_assert_cmpint (json_object_get_int_member (row, "matters"), ==,
                       test_stats_figure (figures, "department/%" G_GINT64_FORMAT "/matters", id));
    }
  for (guint i = 0; i < G_N_ELEMENTS (rate_names); i++)
    hall_test_assert_rate (rates, rate_names[i], test_stats_figure (figures, "%s/numerator", rate_names[i]),
                           test_stats_figure (figures, "%s/denominator", rate_names[i]));
  assert_first (json_object_get_object_member (current, "first_handling"), figures,
                "by_department", "department_id", "department");
  assert_first (json_object_get_object_member (current, "first_handling"), figures, "by_staff",
                "user_id", "staff");
}

typedef struct
{
  HallTestHall *hall;
  char         *manager;
  gint64        user_id;
  GRand        *rand;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  guint32 seed = g_test_rand_int ();

  g_test_message ("seed %u", seed);
  f->rand = g_rand_new_with_seed (seed);
  f->hall = hall_test_hall_new ();
  f->manager = hall_test_add_user (f->hall, "zhang", "manager", NULL, 0);
  f->user_id = hall_test_user_id (f->hall, f->manager);
  hall_test_set_now (f->hall, TODAY " 10:00");
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_free (f->manager);
  hall_test_hall_free (f->hall);
  g_rand_free (f->rand);
}

/* Writes in several transactions, the figures checked after each. */
static void
test_random (Fixture      *f,
             gconstpointer data)
{
  for (guint round = 0; round < 4; round++)
    {
      test_stats_fill (f->hall, f->rand, 250, f->user_id);
      assert_summary (f->hall, f->manager);
    }
}

/* Through the commands: a matter registered at the counter for a day before the first one of
 * the same person comes second, and the person's first visit moves to it. */
static void
test_commands (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;

  test_stats_fill (f->hall, f->rand, 300, f->user_id);
  hall_test_register_visit (f->hall, f->manager, 0, "2026-03-04");
  assert_summary (f->hall, f->manager);
  hall_test_register_visit (f->hall, f->manager, 0, "2026-03-03");
  assert_summary (f->hall, f->manager);
  r = hall_test_ok (f->hall, f->manager, "stats.summary",
                    "{\"from\":\"2026-03-03\",\"to\":\"2026-03-03\"}");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (r, "current"),
                                               "matters"),
                   >=, 1);
}

/* A hall with records from before migration 018: its counts are built when it is opened. */
static void
test_migrated (Fixture      *f,
               gconstpointer data)
{
  test_stats_fill (f->hall, f->rand, 400, f->user_id);
  hall_engine_shutdown (f->hall->engine);
  g_clear_object (&f->hall->engine);
  /* The hall goes back to the version before 018 (the 18th migration), every migration from
   * it on undone. */
  hall_test_exec_sql (f->hall, HALL_TEST_UNDO_018 HALL_TEST_UNDO_019 HALL_TEST_UNDO_020
                      "PRAGMA user_version = 17;");
  f->hall->engine = hall_engine_new (f->hall->path, NULL);
  g_assert_nonnull (f->hall->engine);
  hall_test_set_now (f->hall, TODAY " 10:00");
  assert_summary (f->hall, f->manager);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/stats-counts/random", Fixture, NULL, fixture_set_up, test_random,
              fixture_tear_down);
  g_test_add ("/stats-counts/commands", Fixture, NULL, fixture_set_up, test_commands,
              fixture_tear_down);
  g_test_add ("/stats-counts/migrated", Fixture, NULL, fixture_set_up, test_migrated,
              fixture_tear_down);
  return g_test_run ();
}
