/* test-stats-fixture.c — randomised halls for the statistics tests, and every figure of their
 * period worked out again from the records alone
 *
 * The recount below is written from the definitions (docs/api.md) in C, not from the engine's
 * SQL: a batch is a ticket, or a matter with no ticket; batches are ordered by (date received,
 * time, tickets before matters, id); a batch is a repeat when its petitioner has a ticket or a
 * matter (not the batch's own) earlier in that order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-stats-counts"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "test-stats-fixture.h"

static const char *const channels[] = { "visit", "letter", "online", "phone", "other" };
static const char *const states[] = { "registered", "accepted", "declined",
                                      "replied", "closed", "litigation" };

/* One batch, or one earlier record a batch is compared with. */
typedef struct
{
  char   date[11];
  gint64 at, rank, id;
} Key;

static int
key_compare (const Key *a,
             const Key *b)
{
  int c = strcmp (a->date, b->date);

  if (c != 0)
    return c;
  if (a->at != b->at)
    return a->at < b->at ? -1 : 1;
  if (a->rank != b->rank)
    return a->rank < b->rank ? -1 : 1;
  return a->id < b->id ? -1 : a->id > b->id;
}

gint64
test_stats_one_int (sqlite3    *db,
                    const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64        value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* A day of early March; the period asked about is the 2nd to the 5th, so that records of the
 * 1st come before it and those of the 6th after it. */
static void
append_date (GString *sql,
             GRand   *rand,
             int      first,
             int      last)
{
  g_string_append_printf (sql, "'2026-03-%02d'", g_rand_int_range (rand, first, last + 1));
}

/* The time of an entry: four values only, so that one person's entries often fall in the same
 * second. */
static gint64
random_at (GRand *rand)
{
  return 1772500000 + 1000 * g_rand_int_range (rand, 0, 4);
}

static void
append_date_or_null (GString *sql,
                     GRand   *rand,
                     gboolean set)
{
  if (set)
    append_date (sql, rand, 3, 12);
  else
    g_string_append (sql, "NULL");
}

static const char *
pick (GRand             *rand,
      const char *const *list,
      guint              n)
{
  return list[g_rand_int_range (rand, 0, n)];
}

static void
add_matter (GString *sql,
            GRand   *rand,
            gint64   id,
            gint64   user_id)
{
  static const char *const satisfactions[] = { "'satisfied'", "'basic'", "'dissatisfied'",
                                               "'none'", "NULL" };
  static const char *const escalations[] = { "'city'", "'province'", "'capital'", "NULL",
                                             "NULL", "NULL" };
  const char              *state = pick (rand, states, G_N_ELEMENTS (states));
  gboolean                 accepted = g_str_equal (state, "accepted") || g_str_equal (state, "replied")
                      || g_str_equal (state, "closed");
  gboolean replied = g_str_equal (state, "replied") || g_str_equal (state, "closed");

  g_string_append_printf (
      sql,
      "INSERT INTO matter (id, number, query_code, channel, type, department_id, content, "
      "persons, collective, litigation, state, first_department_id, first_user_id, "
      "registered_at, satisfaction, escalation, updated_at, received_date, decision_due, "
      "decided_date, accepted_date, handling_due, replied_date) VALUES (%" G_GINT64_FORMAT
      ", 'R%" G_GINT64_FORMAT "', '123456', '%s', 'claim', 1, '反映问题', %d, %d, %d, '%s', "
      "%d, ",
      id, id, pick (rand, channels, G_N_ELEMENTS (channels)),
      g_rand_boolean (rand) ? 1 : g_rand_int_range (rand, 2, 8),
      g_rand_int_range (rand, 0, 4) == 0, g_rand_int_range (rand, 0, 6) == 0, state,
      g_rand_int_range (rand, 1, 5));
  if (g_rand_boolean (rand))
    g_string_append_printf (sql, "%" G_GINT64_FORMAT ", ", user_id);
  else
    g_string_append (sql, "NULL, ");
  g_string_append_printf (sql, "%" G_GINT64_FORMAT ", %s, %s, 0, ", random_at (rand),
                          g_str_equal (state, "closed")
                              ? pick (rand, satisfactions, G_N_ELEMENTS (satisfactions))
                              : "NULL",
                          pick (rand, escalations, G_N_ELEMENTS (escalations)));
  append_date (sql, rand, 1, 6);
  g_string_append (sql, ", ");
  append_date (sql, rand, 3, 9);
  g_string_append (sql, ", ");
  append_date_or_null (sql, rand, !g_str_equal (state, "registered"));
  g_string_append (sql, ", ");
  append_date_or_null (sql, rand, accepted);
  g_string_append (sql, ", ");
  append_date_or_null (sql, rand, accepted);
  g_string_append (sql, ", ");
  append_date_or_null (sql, rand, replied);
  g_string_append (sql, ");\n");
  for (int k = g_rand_int_range (rand, 1, 4); k > 0; k--)
    g_string_append_printf (sql,
                            "INSERT OR IGNORE INTO matter_petitioner (matter_id, petitioner_id, "
                            "sort) VALUES (%" G_GINT64_FORMAT ", %d, %d);\n",
                            id, g_rand_int_range (rand, 101, 131), g_rand_int_range (rand, 0, 3));
}

/* @n random writes, in one transaction, as the records come: matters (ids from 1001), tickets
 * (ids from 1001) with or without a person or a matter, and edits of what a batch depends on. */
void
test_stats_fill (HallTestHall *hall,
                 GRand        *rand,
                 guint         n,
                 gint64        user_id)
{
  g_autoptr (GString) sql = g_string_new ("BEGIN;\n");
  sqlite3 *db = NULL;
  gint64   matters, tickets;

  /* the ids go on from those of an earlier fill */
  g_assert_cmpint (sqlite3_open (hall->path, &db), ==, SQLITE_OK);
  matters = test_stats_one_int (db, "SELECT coalesce (max (id), 1000) - 1000 FROM matter");
  tickets = test_stats_one_int (db, "SELECT coalesce (max (id), 1000) - 1000 FROM ticket");
  sqlite3_close (db);

  for (int i = 101; i <= 130; i++)
    g_string_append_printf (sql,
                            "INSERT OR IGNORE INTO petitioner (id, name, created_at, updated_at) "
                            "VALUES (%d, '信访人%d', 0, 0);\n",
                            i, i);
  for (guint step = 0; step < n; step++)
    {
      int    op = g_rand_int_range (rand, 0, 100);
      gint64 m = 1000 + (matters > 0 ? g_rand_int_range (rand, 1, matters + 1) : 0);

      if (op < 30 || matters < 3)
        add_matter (sql, rand, 1000 + ++matters, user_id);
      else if (op < 50)
        {
          gint64 at = random_at (rand) - 600;

          tickets++;
          g_string_append_printf (
              sql,
              "INSERT INTO ticket (id, code, number, issued_department_id, department_id, "
              "persons, priority, state, arrived_at, issued_at, petitioner_id, matter_id, day) "
              "VALUES (%" G_GINT64_FORMAT ", 'C%" G_GINT64_FORMAT "', %" G_GINT64_FORMAT
              ", 1, %d, %d, '%s', 'finished', %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", ",
              1000 + tickets, tickets, 1000 + tickets, g_rand_int_range (rand, 1, 5),
              g_rand_boolean (rand) ? 1 : 5, g_rand_int_range (rand, 0, 4) ? "normal" : "collective",
              at, at);
          if (g_rand_int_range (rand, 0, 5) < 3)
            g_string_append_printf (sql, "%d, ", g_rand_int_range (rand, 101, 131));
          else
            g_string_append (sql, "NULL, ");
          if (g_rand_boolean (rand))
            g_string_append_printf (sql, "%" G_GINT64_FORMAT ", ", m);
          else
            g_string_append (sql, "NULL, ");
          append_date (sql, rand, 1, 6);
          g_string_append (sql, ");\n");
          if (g_rand_boolean (rand))
            g_string_append_printf (sql,
                                    "UPDATE matter SET ticket_id = %" G_GINT64_FORMAT
                                    " WHERE id = %" G_GINT64_FORMAT ";\n",
                                    1000 + tickets, m);
        }
      else if (op < 65)
        {
          g_string_append (sql, "UPDATE matter SET received_date = ");
          append_date (sql, rand, 1, 6);
          g_string_append_printf (sql,
                                  ", registered_at = %" G_GINT64_FORMAT
                                  " WHERE id = %" G_GINT64_FORMAT ";\n",
                                  random_at (rand), m);
        }
      else if (op < 72)
        g_string_append_printf (sql,
                                "UPDATE matter_petitioner SET sort = %d WHERE matter_id = "
                                "%" G_GINT64_FORMAT ";\n",
                                g_rand_int_range (rand, 0, 4), m);
      else if (op < 78)
        g_string_append_printf (sql,
                                "DELETE FROM matter_petitioner WHERE matter_id = %" G_GINT64_FORMAT
                                " AND petitioner_id = (SELECT min (petitioner_id) FROM "
                                "matter_petitioner WHERE matter_id = %" G_GINT64_FORMAT ");\n",
                                m, m);
      else if (op < 85 && tickets > 0)
        {
          g_string_append_printf (sql, "UPDATE ticket SET petitioner_id = %d, day = ",
                                  g_rand_int_range (rand, 101, 131));
          append_date (sql, rand, 1, 6);
          g_string_append_printf (sql, " WHERE id = %d;\n",
                                  1000 + g_rand_int_range (rand, 1, tickets + 1));
        }
      else if (op < 92)
        g_string_append_printf (sql,
                                "UPDATE matter SET state = 'closed', satisfaction = '%s', "
                                "decided_date = coalesce (decided_date, received_date), "
                                "collective = %d WHERE id = %" G_GINT64_FORMAT ";\n",
                                g_rand_boolean (rand) ? "satisfied" : "dissatisfied",
                                g_rand_boolean (rand), m);
      else
        g_string_append_printf (sql,
                                "UPDATE matter SET escalation = %s, persons = %d, channel = '%s' "
                                "WHERE id = %" G_GINT64_FORMAT ";\n",
                                g_rand_boolean (rand) ? "'city'" : "NULL",
                                g_rand_int_range (rand, 1, 8),
                                pick (rand, channels, G_N_ELEMENTS (channels)), m);
    }
  g_string_append (sql, "COMMIT;");
  hall_test_exec_sql (hall, sql->str);
}

typedef struct
{
  gint64 id, at, department_id, persons, petitioner_id, matter_id, ticket_id, first_user_id;
  gint64 collective, litigation;
  char  *date, *channel, *priority, *escalation, *state, *decision_due, *decided_date;
  char  *accepted_date, *handling_due, *replied_date, *satisfaction;
} Record;

static void
record_clear (gpointer data)
{
  Record *r = data;

  g_free (r->date);
  g_free (r->channel);
  g_free (r->priority);
  g_free (r->escalation);
  g_free (r->state);
  g_free (r->decision_due);
  g_free (r->decided_date);
  g_free (r->accepted_date);
  g_free (r->handling_due);
  g_free (r->replied_date);
  g_free (r->satisfaction);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           i)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, i));
}

/* The tickets (@matters FALSE) or the matters, in the columns of Record. */
static GArray *
load (sqlite3 *db,
      gboolean matters)
{
  static const char tickets_sql[] =
      "SELECT id, day, issued_at, department_id, persons, coalesce (petitioner_id, 0), "
      "coalesce (matter_id, 0), 0, 0, 0, 0, 'visit', priority, NULL, NULL, NULL, NULL, NULL, "
      "NULL, NULL, NULL FROM ticket";
  static const char matters_sql[] =
      "SELECT id, received_date, registered_at, first_department_id, persons, 0, 0, "
      "coalesce (ticket_id, 0), coalesce (first_user_id, 0), collective, litigation, channel, "
      "NULL, escalation, state, decision_due, decided_date, accepted_date, handling_due, "
      "replied_date, satisfaction FROM matter";
  GArray       *list = g_array_new (FALSE, TRUE, sizeof (Record));
  sqlite3_stmt *stmt = NULL;

  g_array_set_clear_func (list, record_clear);
  g_assert_cmpint (sqlite3_prepare_v2 (db, matters ? matters_sql : tickets_sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      Record r = {
        .id = sqlite3_column_int64 (stmt, 0),
        .date = column_text (stmt, 1),
        .at = sqlite3_column_int64 (stmt, 2),
        .department_id = sqlite3_column_int64 (stmt, 3),
        .persons = sqlite3_column_int64 (stmt, 4),
        .petitioner_id = sqlite3_column_int64 (stmt, 5),
        .matter_id = sqlite3_column_int64 (stmt, 6),
        .ticket_id = sqlite3_column_int64 (stmt, 7),
        .first_user_id = sqlite3_column_int64 (stmt, 8),
        .collective = sqlite3_column_int64 (stmt, 9),
        .litigation = sqlite3_column_int64 (stmt, 10),
        .channel = column_text (stmt, 11),
        .priority = column_text (stmt, 12),
        .escalation = column_text (stmt, 13),
        .state = column_text (stmt, 14),
        .decision_due = column_text (stmt, 15),
        .decided_date = column_text (stmt, 16),
        .accepted_date = column_text (stmt, 17),
        .handling_due = column_text (stmt, 18),
        .replied_date = column_text (stmt, 19),
        .satisfaction = column_text (stmt, 20),
      };

      g_array_append_val (list, r);
    }
  sqlite3_finalize (stmt);
  return list;
}

/* The people named on each matter: matter id → GArray of petitioner ids, the first (by sort,
 * then id) first. */
static GHashTable *
load_people (sqlite3 *db)
{
  GHashTable   *people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                (GDestroyNotify) g_array_unref);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT matter_id, petitioner_id FROM matter_petitioner "
                                       "ORDER BY matter_id, sort, petitioner_id",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64  matter = sqlite3_column_int64 (stmt, 0);
      gint64  person = sqlite3_column_int64 (stmt, 1);
      GArray *list = g_hash_table_lookup (people, &matter);

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_hash_table_insert (people, g_memdup2 (&matter, sizeof matter), list);
        }
      g_array_append_val (list, person);
    }
  sqlite3_finalize (stmt);
  return people;
}

static gboolean
names (GHashTable *people,
       gint64      matter,
       gint64      person)
{
  GArray *list = g_hash_table_lookup (people, &matter);

  for (guint i = 0; list != NULL && i < list->len; i++)
    if (g_array_index (list, gint64, i) == person)
      return TRUE;
  return FALSE;
}

static gint64
first_person (GHashTable *people,
              gint64      matter)
{
  GArray *list = g_hash_table_lookup (people, &matter);

  return list != NULL && list->len > 0 ? g_array_index (list, gint64, 0) : 0;
}

static Key
key_of (const Record *r,
        gint64        rank)
{
  Key k = { .at = r->at, .rank = rank, .id = r->id };

  g_strlcpy (k.date, r->date, sizeof k.date);
  return k;
}

/* Adds @value to the figure @name (printf-style). */
static void G_GNUC_PRINTF (3, 4) count (GHashTable *figures,
                                        gint64      value,
                                        const char *format,
                                        ...)
{
  va_list args;
  char   *name;
  gint64 *sum;

  va_start (args, format);
  name = g_strdup_vprintf (format, args);
  va_end (args);
  sum = g_hash_table_lookup (figures, name);
  if (sum == NULL)
    {
      sum = g_new0 (gint64, 1);
      g_hash_table_insert (figures, name, sum);
    }
  else
    g_free (name);
  *sum += value;
}

static gboolean
in_period (const char *date)
{
  return strcmp (date, FROM) >= 0 && strcmp (date, TO) <= 0;
}

/* One batch's counts, to its channel ("period" too) and its department. */
static void
count_batch (GHashTable *figures,
             const char *channel,
             gint64      department,
             gint64      persons,
             gboolean    collective,
             const char *escalation,
             gboolean    repeat)
{
  const char *groups[] = { channel, "period" };

  for (guint g = 0; g < 2; g++)
    {
      count (figures, 1, "%s/batches", groups[g]);
      count (figures, persons, "%s/persons", groups[g]);
      count (figures, collective, "%s/collective_batches", groups[g]);
      count (figures, collective ? persons : 0, "%s/collective_persons", groups[g]);
      count (figures, !repeat, "%s/first_batches", groups[g]);
      count (figures, repeat ? 0 : persons, "%s/first_persons", groups[g]);
      count (figures, repeat, "%s/repeat_batches", groups[g]);
      count (figures, repeat ? persons : 0, "%s/repeat_persons", groups[g]);
      if (escalation != NULL)
        {
          count (figures, 1, "%s/%s_batches", groups[g], escalation);
          count (figures, persons, "%s/%s_persons", groups[g], escalation);
        }
    }
  count (figures, 1, "department/%" G_GINT64_FORMAT "/batches", department);
  count (figures, persons, "department/%" G_GINT64_FORMAT "/persons", department);
}

static gboolean
repeat_of (GArray     *tickets,
           GArray     *matters,
           GHashTable *people,
           const Key  *key,
           gint64      person,
           gint64      own_ticket,
           gint64      own_matter)
{
  if (person == 0)
    return FALSE;
  for (guint i = 0; i < tickets->len; i++)
    {
      const Record *t = &g_array_index (tickets, Record, i);
      Key           k = key_of (t, 0);

      if (t->petitioner_id == person && key_compare (&k, key) < 0)
        return TRUE;
    }
  for (guint i = 0; i < matters->len; i++)
    {
      const Record *m = &g_array_index (matters, Record, i);
      Key           k = key_of (m, 1);

      if (names (people, m->id, person) && m->id != own_matter
          && (own_ticket == 0 || m->ticket_id != own_ticket) && key_compare (&k, key) < 0)
        return TRUE;
    }
  return FALSE;
}

static const Record *
matter_by_id (GArray *matters,
              gint64  id)
{
  for (guint i = 0; i < matters->len; i++)
    if (g_array_index (matters, Record, i).id == id)
      return &g_array_index (matters, Record, i);
  return NULL;
}

static void
count_batches (GHashTable *figures,
               GArray     *tickets,
               GArray     *matters,
               GHashTable *people)
{
  for (guint i = 0; i < tickets->len; i++)
    {
      const Record *t = &g_array_index (tickets, Record, i);
      const Record *m = matter_by_id (matters, t->matter_id);
      Key           key = key_of (t, 0);
      gint64        person = t->petitioner_id ? t->petitioner_id : first_person (people, t->matter_id);

      if (!in_period (t->date))
        continue;
      count_batch (figures, "visit", t->department_id, t->persons,
                   g_str_equal (t->priority, "collective") || t->persons >= 5
                       || (m != NULL && m->collective),
                   m != NULL ? m->escalation : NULL,
                   repeat_of (tickets, matters, people, &key, person, t->id, t->matter_id));
    }
  for (guint i = 0; i < matters->len; i++)
    {
      const Record *m = &g_array_index (matters, Record, i);
      Key           key = key_of (m, 1);
      gboolean      has_ticket = m->ticket_id != 0;

      for (guint j = 0; j < tickets->len; j++)
        has_ticket |= g_array_index (tickets, Record, j).matter_id == m->id;
      if (!in_period (m->date) || has_ticket)
        continue;
      count_batch (figures, m->channel, m->department_id, m->persons,
                   m->collective || m->persons >= 5, m->escalation,
                   repeat_of (tickets, matters, people, &key, first_person (people, m->id), 0,
                              m->id));
    }
}

static gboolean
before (const char *date,
        const char *limit)
{
  return date != NULL && limit != NULL && strcmp (date, limit) < 0;
}

static gboolean
after (const char *date,
       const char *limit)
{
  return date != NULL && limit != NULL && strcmp (date, limit) > 0;
}

/* The matters of the period, the rates (as they stand on TODAY) and 首接首办. */
static void
count_matters (GHashTable *figures,
               GArray     *matters)
{
  for (guint i = 0; i < matters->len; i++)
    {
      const Record *m = &g_array_index (matters, Record, i);
      gboolean      decided = m->decided_date != NULL, accepted = m->accepted_date != NULL;
      gboolean      replied = accepted && m->replied_date != NULL;
      gboolean      closed = g_str_equal (m->state, "closed");
      gboolean      rated = closed && g_strv_contains ((const char *[]){ "satisfied", "basic", "dissatisfied", NULL }, m->satisfaction ? m->satisfaction : "");
      gboolean      satisfied = rated && !g_str_equal (m->satisfaction, "dissatisfied");
      gboolean      finished = closed || g_str_equal (m->state, "declined")
                          || g_str_equal (m->state, "litigation");
      gboolean late = after (m->decided_date, m->decision_due)
                      || after (m->replied_date, m->handling_due);
      gboolean overdue = !finished
                         && ((!decided && before (m->decision_due, TODAY))
                             || (accepted && m->replied_date == NULL
                                 && before (m->handling_due, TODAY)));
      const char *groups[] = { "department", "staff" };

      if (!in_period (m->date))
        continue;
      count (figures, 1, "%s/matters", m->channel);
      count (figures, m->persons, "%s/matter_persons", m->channel);
      count (figures, 1, "period/matters");
      count (figures, m->persons, "period/matter_persons");
      count (figures, 1, "department/%" G_GINT64_FORMAT "/matters", m->department_id);
      for (guint g = 0; g < 2; g++)
        {
          gint64           id = g == 0 ? m->department_id : m->first_user_id;
          g_autofree char *group = g_strdup_printf ("%s/%" G_GINT64_FORMAT, groups[g], id);

          if (id == 0)
            continue;
          count (figures, 1, "first/%s/matters", group);
          count (figures, !finished, "first/%s/open", group);
          count (figures, overdue, "first/%s/overdue", group);
          count (figures, finished && !late, "first/%s/closed_on_time", group);
          count (figures, finished && late, "first/%s/closed_late", group);
        }
      if (m->litigation)
        continue;
      count (figures, decided && !after (m->decided_date, m->decision_due),
             "decision_on_time/numerator");
      count (figures, decided || before (m->decision_due, TODAY), "decision_on_time/denominator");
      count (figures, replied && m->handling_due != NULL && !after (m->replied_date, m->handling_due),
             "handling_on_time/numerator");
      count (figures, replied || (accepted && before (m->handling_due, TODAY)),
             "handling_on_time/denominator");
      count (figures, satisfied, "satisfaction/numerator");
      count (figures, rated, "satisfaction/denominator");
      count (figures, rated, "participation/numerator");
      count (figures, closed, "participation/denominator");
    }
}

/* Every figure of the period FROM–TO, worked out from the records of the hall at @path. */
GHashTable *
test_stats_recount (const char *path)
{
  GHashTable *figures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3    *db = NULL;
  g_autoptr (GArray) tickets = NULL;
  g_autoptr (GArray) matters = NULL;
  g_autoptr (GHashTable) people = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  tickets = load (db, FALSE);
  matters = load (db, TRUE);
  people = load_people (db);
  /* the counts are read on their own: no row is left behind in the work tables */
  g_assert_cmpint (test_stats_one_int (db, "SELECT count (*) FROM stats_refresh"), ==, 0);
  g_assert_cmpint (test_stats_one_int (db, "SELECT count (*) FROM stats_matter_change"), ==, 0);
  sqlite3_close (db);
  count_batches (figures, tickets, matters, people);
  count_matters (figures, matters);
  return figures;
}

gint64
test_stats_figure (GHashTable *figures,
                   const char *format,
                   ...)
{
  va_list          args;
  g_autofree char *name = NULL;
  gint64          *value;

  va_start (args, format);
  name = g_strdup_vprintf (format, args);
  va_end (args);
  value = g_hash_table_lookup (figures, name);
  return value != NULL ? *value : 0;
}
