/* hall-test-util.h — a real hall in a temporary folder, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-engine.h"

G_BEGIN_DECLS

typedef struct
{
  char       *dir;
  char       *path;
  HallEngine *engine;
} HallTestHall;

/* A fresh hall database in a new temporary folder. */
HallTestHall *hall_test_hall_new (void);
void          hall_test_hall_free (HallTestHall *hall);
/* Creates an account (password "password123") and returns a session token for @role.
 * @department is a department code or NULL; @counter_id 0 for none. */
char *hall_test_add_user (HallTestHall *hall,
                          const char   *username,
                          const char   *roles,
                          const char   *department,
                          gint64        counter_id);
/* The params of session.login; @role NULL for the default, @counter_id 0 for none. */
JsonObject *hall_test_login_params (const char *username,
                                    const char *password,
                                    const char *role,
                                    gint64      counter_id);
/* Signs in (password "password123") and returns the session token. */
char *hall_test_login (HallTestHall *hall,
                       const char   *username,
                       const char   *role,
                       gint64        counter_id);
/* The same with another password (accounts of a hall the test did not make). */
char *hall_test_login_with_password (HallTestHall *hall,
                                     const char   *username,
                                     const char   *password,
                                     const char   *role,
                                     gint64        counter_id);
/* Runs @command with params parsed from @json (printf-style); asserts success. */
JsonObject *hall_test_ok (HallTestHall *hall,
                          const char   *token,
                          const char   *command,
                          const char   *json_format,
                          ...) G_GNUC_PRINTF (4, 5);
/* Runs @command; asserts it fails with @code and, when @field is non-NULL, names @field. */
void        hall_test_fails (HallTestHall *hall,
                             const char   *token,
                             const char   *command,
                             HallErrorCode code,
                             const char   *field,
                             const char   *json_format,
                             ...) G_GNUC_PRINTF (6, 7);
JsonObject *hall_test_parse_object (const char *json);
/* SQL that takes away what migration 018 (the counts of stats.summary) added, for the tests
 * that make a hall from before it. */
#define HALL_TEST_UNDO_018                                                                       \
  "DROP TRIGGER stats_ticket_inserted; DROP TRIGGER stats_ticket_updated; "                      \
  "DROP TRIGGER stats_ticket_deleted; DROP TRIGGER stats_matter_inserted; "                      \
  "DROP TRIGGER stats_matter_counts_updated; DROP TRIGGER stats_matter_batches_updated; "        \
  "DROP TRIGGER stats_matter_deleted; DROP TRIGGER stats_matter_petitioner_inserted; "           \
  "DROP TRIGGER stats_matter_petitioner_updated; DROP TRIGGER stats_matter_petitioner_deleted; " \
  "DROP VIEW stats_batch_source; DROP VIEW stats_person_ticket; DROP TABLE stats_batch; "        \
  "DROP TABLE stats_batch_day; DROP TABLE stats_department_day; DROP TABLE stats_matter_day; "   \
  "DROP TABLE stats_rate_day; DROP TABLE stats_first_day; DROP TABLE stats_refresh; "            \
  "DROP TABLE stats_matter_change; DROP INDEX ticket_served_by_day; "
/* What migration 019 changed: the exactly-once table back to its first shape. */
#define HALL_TEST_UNDO_019                                                                   \
  "DROP TABLE request; CREATE TABLE request (request_id TEXT PRIMARY KEY, user_id INTEGER, " \
  "command TEXT NOT NULL, result TEXT NOT NULL, at INTEGER NOT NULL) WITHOUT ROWID; "
/* What migration 020 changed: the waiting counts and their triggers, the index of every
 * waiting ticket and that of every audit row back (002-queue.sql, 001-core.sql), who finished
 * a ticket left to the audit trail alone. */
#define HALL_TEST_UNDO_020                                                                       \
  "DROP INDEX ticket_leader_waiting; ALTER TABLE ticket DROP COLUMN finished_by; "               \
  "CREATE INDEX audit_by_object ON audit (object_type, object_id); "                             \
  "CREATE INDEX ticket_waiting_by_arrival ON ticket (day, arrived_at, id) "                      \
  "WHERE state = 'waiting'; "                                                                    \
  "CREATE TABLE ticket_waiting (day TEXT NOT NULL, department_id INTEGER NOT NULL, "             \
  "waiting INTEGER NOT NULL CHECK (waiting >= 0), PRIMARY KEY (day, department_id)) "            \
  "WITHOUT ROWID; "                                                                              \
  "INSERT INTO ticket_waiting SELECT day, department_id, count(*) FROM ticket "                  \
  "WHERE state = 'waiting' AND queue = 'counter' GROUP BY day, department_id; "                  \
  "CREATE TRIGGER ticket_waiting_after_insert AFTER INSERT ON ticket "                           \
  "WHEN new.state = 'waiting' AND new.queue = 'counter' BEGIN "                                  \
  "INSERT INTO ticket_waiting (day, department_id, waiting) "                                    \
  "VALUES (new.day, new.department_id, 1) "                                                      \
  "ON CONFLICT (day, department_id) DO UPDATE SET waiting = waiting + 1; END; "                  \
  "CREATE TRIGGER ticket_waiting_after_update AFTER UPDATE OF state, queue, department_id, day " \
  "ON ticket WHEN (old.state = 'waiting' AND old.queue = 'counter') "                            \
  "OR (new.state = 'waiting' AND new.queue = 'counter') BEGIN "                                  \
  "UPDATE ticket_waiting SET waiting = waiting - 1 WHERE old.state = 'waiting' "                 \
  "AND old.queue = 'counter' AND day = old.day AND department_id = old.department_id; "          \
  "INSERT INTO ticket_waiting (day, department_id, waiting) "                                    \
  "SELECT new.day, new.department_id, 1 WHERE new.state = 'waiting' AND new.queue = 'counter' "  \
  "ON CONFLICT (day, department_id) DO UPDATE SET waiting = waiting + 1; END; "                  \
  "CREATE TRIGGER ticket_waiting_after_delete AFTER DELETE ON ticket "                           \
  "WHEN old.state = 'waiting' AND old.queue = 'counter' BEGIN "                                  \
  "UPDATE ticket_waiting SET waiting = waiting - 1 "                                             \
  "WHERE day = old.day AND department_id = old.department_id; END; "
/* Runs @sql on the hall's database over a connection of its own (rows a test needs that no
 * command makes, such as last year's matters). */
void hall_test_exec_sql (HallTestHall *hall,
                         const char   *sql);
/* Starts keeping every event that @emitter (a HallEngine or a HallClient: an "event" signal
 * with a JsonObject) emits, in the order they came. */
GPtrArray *hall_test_record_events (gpointer emitter);
/* Stops keeping them and frees @events. */
void hall_test_stop_recording (gpointer   emitter,
                               GPtrArray *events);
/* A rate of stats.summary ({"numerator", "denominator", "rate"}) is @numerator / @denominator,
 * and null when @denominator is 0. */
void hall_test_assert_rate (JsonObject *rates,
                            const char *name,
                            gint64      numerator,
                            gint64      denominator);
/* Runs @argv (looked up in PATH) and returns what it wrote on standard output; its standard
 * error in *@err unless @err is NULL. With @exit_status NULL it must exit 0. */
char *hall_test_run (const char *const *argv,
                     char             **err,
                     int               *exit_status);
/* Each row of the first sheet of the XLSX file @path (read by python3-openpyxl), its cells
 * joined by tabs, a line a row. */
char *hall_test_xlsx_rows (const char *path);
/* Fails the test, showing @text, when @what is not in it. */
void hall_test_assert_has (const char *text,
                           const char *what);
/* The text of the PDF file @path (pdftotext, the layout kept). */
char *hall_test_pdf_text (const char *path);
/* Deletes a folder and what is in it. */
void hall_test_rm_rf (const char *dir);
/* Runs @argv (a NULL-terminated list; the program found in PATH) and returns what it printed;
 * the test fails when it cannot run or does not exit 0. */
char *hall_test_spawn (const char *const *argv);
/* The text pdftotext reads from @pdf, without any white space: a paragraph comes back broken
 * into lines and pages, so a test looks for a phrase in this. */
char *hall_test_pdf_squeezed_text (const char *pdf);
/* @text without any white space. */
char *hall_test_squeeze (const char *text);
/* What the QR code on the first page of @pdf holds, as a scanner reads it: the page at 300 dpi
 * (pdftoppm), decoded by zbarimg. The test fails when there is no code to read. */
char *hall_test_pdf_qr (const char *pdf);
/* Unix time of a local date and time in the hall's time zone, e.g. "2026-10-01 09:00". */
gint64 hall_test_time (const char *local);
/* Sets the hall's clock to a local date and time (as hall_test_time() reads it). */
void hall_test_set_now (HallTestHall *hall,
                        const char   *local);
/* The id of the account signed in with @token (session.whoami). */
gint64 hall_test_user_id (HallTestHall *hall,
                          const char   *token);

/* Registers 王小明's matter (a lift left broken, by visit) by @token; @ticket_id 0 for none,
 * @received_date NULL for today. Returns the matter's id. */
gint64 hall_test_register_visit (HallTestHall *hall,
                                 const char   *token,
                                 gint64        ticket_id,
                                 const char   *received_date);
/* The first entry of @kind in a matter.get result's timeline, or NULL. */
JsonObject *hall_test_find_timeline (JsonObject *matter_result,
                                     const char *kind);
/* How many entries of @kind a matter.get result's timeline has. */
guint hall_test_count_timeline (JsonObject *matter_result,
                                const char *kind);

/* Calls made at the same moment (two windows, two managers), counted as their answers come. */
typedef struct
{
  guint       pending;
  guint       ok;
  guint       conflicts; /* refused as a conflict; any other error fails the test */
  const char *field;     /* when set, the field every conflict must name */
} HallTestRace;

/* Starts @command as @token with the params of @json_format (printf-style) on @hall's engine
 * without waiting for it; its answer is counted in @race. */
void hall_test_race_call (HallTestHall *hall,
                          HallTestRace *race,
                          const char   *token,
                          const char   *command,
                          const char   *json_format,
                          ...) G_GNUC_PRINTF (5, 6);
/* Runs the main loop until every call of @race is answered. */
void hall_test_race_wait (HallTestRace *race);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HallTestHall, hall_test_hall_free)

G_END_DECLS
