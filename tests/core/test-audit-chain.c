/* test-audit-chain.c — hall.check finds an audit row altered or deleted with plain SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-audit-chain"

#include "config.h"

#include <string.h>

#include "hall-test-util.h"

typedef struct
{
  HallTestHall *hall;
  char         *admin;
} Fixture;

/* A hall with a few audit rows: sign-ins, accounts made, and a refused call, whose row is written
 * after its savepoint was rolled back. */
static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autofree char *staff = NULL;

  f->hall = hall_test_hall_new ();
  f->admin = hall_test_add_user (f->hall, "admin", "admin", NULL, 0);
  staff = hall_test_add_user (f->hall, "li", "staff", "chengjian", 0);
  hall_test_fails (f->hall, staff, "user.list", HALL_ERROR_FORBIDDEN, NULL, NULL);
  g_free (hall_test_login (f->hall, "li", NULL, 0));
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_free (f->admin);
  hall_test_hall_free (f->hall);
}

static JsonObject *
check (Fixture *f)
{
  return hall_test_ok (f->hall, f->admin, "hall.check", NULL);
}

static JsonObject *
audit_of (JsonObject *result)
{
  return json_object_get_object_member (result, "audit");
}

/* Runs @sql on the file as anyone could, then hall.check, which must fail on the audit trail. */
static JsonObject *
check_after_tampering (Fixture    *f,
                       const char *sql)
{
  JsonObject *result;

  hall_test_exec_sql (f->hall, sql);
  result = check (f);
  g_assert_false (json_object_get_boolean_member (result, "ok"));
  g_assert_false (json_object_get_boolean_member (audit_of (result), "ok"));
  return result;
}

static gboolean
report_says (JsonObject *result,
             const char *words)
{
  return strstr (json_object_get_string_member (result, "report"), words) != NULL;
}

static void
test_intact (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (JsonObject) result = check (f);

  g_assert_true (json_object_get_boolean_member (result, "ok"));
  g_assert_true (json_object_get_boolean_member (audit_of (result), "ok"));
  g_assert_cmpint (json_object_get_int_member (audit_of (result), "rows"), >=, 5);
  g_assert_cmpint (json_object_get_int_member (audit_of (result), "rows"), ==,
                   json_object_get_int_member (audit_of (result), "last_id"));
  g_assert_cmpuint (strlen (json_object_get_string_member (audit_of (result), "last_hash")), ==,
                    64);
  g_assert_true (report_says (result, "integrity: ok"));
  g_assert_true (report_says (result, "audit trail: ok"));
}

/* One way to tamper with the file, and what hall.check must say about it. */
typedef struct
{
  const char *sql;
  const char *member;
  gint64      value;
  const char *words;
} Tampering;

static const Tampering row_altered = {
  /* Someone makes a row say another command was done. */
  "UPDATE audit SET command = 'user.delete' WHERE id = 3",
  "altered",
  3,
  "audit row 3 was altered",
};
static const Tampering deleted_middle = {
  "DELETE FROM audit WHERE id = 3",
  "deleted_before",
  4,
  "an audit row between 2 and 4 was deleted",
};
static const Tampering deleted_first = {
  "DELETE FROM audit WHERE id = 1",
  "deleted_before",
  2,
  "audit rows before 2 were deleted",
};

static void
test_tampered (Fixture      *f,
               gconstpointer data)
{
  const Tampering *t = data;
  g_autoptr (JsonObject) result = check_after_tampering (f, t->sql);

  g_assert_cmpint (json_object_get_int_member (audit_of (result), t->member), ==, t->value);
  g_assert_true (report_says (result, t->words));
  /* The database's own checks still pass: the chain is what noticed. */
  g_assert_true (report_says (result, "integrity: ok"));
}

/* The newest row leaves no trace in the file when it goes: what is left is a sound, shorter
 * chain. Only a head written down earlier (last_id and last_hash) shows it. */
static void
test_deleted_last (Fixture      *f,
                   gconstpointer data)
{
  g_autoptr (JsonObject) before = check (f);
  g_autoptr (JsonObject) after = NULL;
  g_autofree char *sql = NULL;
  gint64           last_id = json_object_get_int_member (audit_of (before), "last_id");

  sql = g_strdup_printf ("DELETE FROM audit WHERE id = %" G_GINT64_FORMAT, last_id);
  hall_test_exec_sql (f->hall, sql);
  after = check (f);
  g_assert_true (json_object_get_boolean_member (after, "ok"));
  g_assert_cmpint (json_object_get_int_member (audit_of (after), "last_id"), ==, last_id - 1);
  g_assert_cmpstr (json_object_get_string_member (audit_of (after), "last_hash"), !=,
                   json_object_get_string_member (audit_of (before), "last_hash"));
}

/* A hall from before the chain: the column does not exist, the schema is at 7. Reopening it
 * chains every row from the first, and then a change is caught as in a new hall. */
static void
test_upgraded (Fixture      *f,
               gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) result = NULL;
  g_autoptr (JsonObject) altered = NULL;

  hall_engine_shutdown (f->hall->engine);
  g_clear_object (&f->hall->engine);
  /* Undone: what every migration after 007 added or changed (src/core/sql/), in their order, so
   * the hall is as it was before the chain; 018 (the statistics' counts) first, as its triggers
   * read columns that others added. */
  hall_test_exec_sql (f->hall, HALL_TEST_UNDO_018 "ALTER TABLE audit DROP COLUMN hash; DROP TABLE backup_log; "
                                                  "DROP TABLE rating; DROP TABLE rating_pad; "
                                                  "ALTER TABLE ticket DROP COLUMN green_request; "
                                                  "DROP TABLE display_notice; "
                                                  "DROP INDEX ticket_by_petitioner_issued; "
                                                  "DROP INDEX leader_reception_by_date_only; "
                                                  "DROP INDEX matter_petitioner_first; "
                                                  "DROP TABLE leader_outreach_matter; DROP TABLE leader_outreach; "
                                                  "DROP TABLE dispute; ALTER TABLE matter DROP COLUMN escalation; "
                                                  "ALTER TABLE leader_reception DROP COLUMN outcome; "
                                                  "DROP TABLE matter_repeat; DROP TABLE matter_link; " HALL_TEST_UNDO_019
                                                  "DROP TABLE leader_talk_matter; DROP TABLE leader_talk; "
                                                  "ALTER TABLE leader_supervision RENAME TO supervision_7; "
                                                  "CREATE TABLE leader_supervision (id INTEGER PRIMARY KEY, "
                                                  "matter_id INTEGER NOT NULL REFERENCES matter (id), "
                                                  "by_user_id INTEGER NOT NULL REFERENCES account (id), "
                                                  "at INTEGER NOT NULL, note TEXT NOT NULL, "
                                                  "due_date TEXT NOT NULL, resolved INTEGER NOT NULL DEFAULT 0, "
                                                  "resolved_at INTEGER, resolved_by INTEGER, resolution TEXT, "
                                                  "superseded_by INTEGER REFERENCES leader_supervision (id)); "
                                                  "INSERT INTO leader_supervision SELECT id, matter_id, by_user_id, "
                                                  "at, note, due_date, resolved, resolved_at, resolved_by, "
                                                  "resolution, superseded_by FROM supervision_7 WHERE rule IS NULL; "
                                                  "DROP TABLE supervision_7; "
                                                  "CREATE UNIQUE INDEX leader_supervision_open ON leader_supervision "
                                                  "(matter_id) WHERE resolved = 0; "
                                                  "ALTER TABLE matter DROP COLUMN reply_facts; "
                                                  "ALTER TABLE matter DROP COLUMN reply_basis; "
                                                  "ALTER TABLE matter DROP COLUMN review_facts; "
                                                  "ALTER TABLE matter DROP COLUMN review_basis; "
                                                  "ALTER TABLE matter DROP COLUMN rereview_facts; "
                                                  "ALTER TABLE matter DROP COLUMN rereview_basis; "
                                                  "DROP TABLE followup_call; DROP TABLE followup; " HALL_TEST_UNDO_020
                                                  "PRAGMA user_version = 7;");
  f->hall->engine = hall_engine_new (f->hall->path, &error);
  g_assert_no_error (error);

  result = check (f);
  g_assert_true (json_object_get_boolean_member (result, "ok"));
  g_assert_cmpint (json_object_get_int_member (audit_of (result), "rows"), >=, 5);
  g_assert_cmpint (json_object_get_int_member (audit_of (result), "rows"), ==,
                   json_object_get_int_member (audit_of (result), "last_id"));

  altered =
      check_after_tampering (f, "UPDATE audit SET client_address = '10.0.0.9' WHERE id = 2");
  g_assert_cmpint (json_object_get_int_member (audit_of (altered), "altered"), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/audit-chain/intact", Fixture, NULL, fixture_set_up, test_intact,
              fixture_tear_down);
  g_test_add ("/audit-chain/altered", Fixture, &row_altered, fixture_set_up, test_tampered,
              fixture_tear_down);
  g_test_add ("/audit-chain/deleted-middle", Fixture, &deleted_middle, fixture_set_up,
              test_tampered, fixture_tear_down);
  g_test_add ("/audit-chain/deleted-first", Fixture, &deleted_first, fixture_set_up,
              test_tampered, fixture_tear_down);
  g_test_add ("/audit-chain/deleted-last", Fixture, NULL, fixture_set_up, test_deleted_last,
              fixture_tear_down);
  g_test_add ("/audit-chain/upgraded", Fixture, NULL, fixture_set_up, test_upgraded,
              fixture_tear_down);
  return g_test_run ();
}
