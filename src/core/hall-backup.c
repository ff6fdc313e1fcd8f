/* hall-backup.c — the daily backup, the backups folder and its list
 *
 * Every backup goes to "<database>.backups/", named for its kind and time: "hall-…" made by
 * hand, "hall-daily-…" made by the schedule, "hall-before-restore-…" made before a restore.
 * Only the daily ones are pruned, and only by that name, so that nothing else an admin keeps in
 * the folder is ever deleted. Each attempt of the schedule is logged in backup_log (migration
 * 009) inside the command's transaction, a failure included, for the admin page to show.
 *
 * The schedule's clock is the engine's (ctx->now), which tests pin to say "the time has come".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-backup"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "hall-backup-private.h"
#include "hall-commands-private.h"
#include "hall-engine.h"

/* A daily backup that failed is tried again this much later, until one is made. */
#define RETRY_SECONDS (60 * 60)

static const struct
{
  const char *prefix;
  const char *kind;
} kinds[] = {
  { HALL_BACKUP_PREFIX_DAILY, "scheduled" },
  { HALL_BACKUP_PREFIX_BEFORE_RESTORE, "before_restore" },
  { HALL_BACKUP_PREFIX_MANUAL, "manual" }, /* last: the others' prefixes begin with it */
};

char *
_hall_backup_dir (const char *database)
{
  return g_strconcat (database, ".backups", NULL);
}

/* "hall-daily-20260105-123000.db" → 2026-01-05 12:30:00 in @tz, else 0. */
static gint64
parse_stamp (const char *name,
             const char *prefix,
             GTimeZone  *tz)
{
  int y, mo, d, h, mi, s;
  g_autoptr (GDateTime) time = NULL;

  if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".db")
      || sscanf (name + strlen (prefix), "%4d%2d%2d-%2d%2d%2d", &y, &mo, &d, &h, &mi, &s) != 6)
    return 0;
  time = g_date_time_new (tz, y, mo, d, h, mi, s);
  return time != NULL ? g_date_time_to_unix (time) : 0;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

char *
_hall_backup_new_path (HallCtx    *ctx,
                       const char *prefix,
                       GError    **error)
{
  g_autofree char *dir = _hall_backup_dir (hall_engine_get_path (ctx->engine));
  g_autofree char *stamp = g_date_time_format (ctx->now_local, "%Y%m%d-%H%M%S");

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      hall_set_error (error, HALL_ERROR_INTERNAL, NULL,
                      _ ("Cannot create the backup folder “%s”: %s"), dir,
                      g_strerror (saved_errno));
      return NULL;
    }

  for (guint i = 0; i < 1000; i++)
    {
      g_autofree char *name = i == 0 ? g_strdup_printf ("%s%s.db", prefix, stamp)
                                     : g_strdup_printf ("%s%s-%u.db", prefix, stamp, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }

  hall_set_error (error, HALL_ERROR_CONFLICT, NULL, _ ("Too many backups this second. Try again."));
  return NULL;
}

gboolean
_hall_backup_log (HallCtx      *ctx,
                  const char   *kind,
                  const char   *path,
                  gint64        size,
                  const GError *failure,
                  GError      **error)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (
      ctx->db, "INSERT INTO backup_log (at, kind, file, size, error) VALUES (?1, ?2, ?3, ?4, ?5)",
      error);
  g_autofree char *name = path != NULL && failure == NULL ? g_path_get_basename (path) : NULL;

  if (stmt == NULL)
    return FALSE;
  hall_stmt_bind_int (stmt, 1, ctx->now);
  hall_stmt_bind_text (stmt, 2, kind);
  hall_stmt_bind_text (stmt, 3, name);
  if (name != NULL)
    hall_stmt_bind_int (stmt, 4, size);
  hall_stmt_bind_text (stmt, 5, failure != NULL ? failure->message : NULL);
  return hall_stmt_step (stmt, error) == SQLITE_DONE;
}

static gint64
setting (HallCtx    *ctx,
         const char *key,
         gint64      fallback)
{
  g_autoptr (HallStmt) stmt =
      hall_db_prepare (ctx->db, "SELECT value FROM hall_setting WHERE key = ?1", NULL);

  if (stmt == NULL)
    return fallback;
  hall_stmt_bind_text (stmt, 1, key);
  if (hall_stmt_step (stmt, NULL) != SQLITE_ROW)
    return fallback;
  return g_ascii_strtoll (hall_stmt_text (stmt, 0), NULL, 10);
}

/* The newest scheduled attempt's time; @made only those that made a backup. */
static gint64
last_attempt (HallCtx *ctx,
              gboolean made)
{
  g_autoptr (HallStmt) stmt = hall_db_prepare (
      ctx->db,
      made ? "SELECT COALESCE(MAX(at), 0) FROM backup_log WHERE kind = 'scheduled' AND error IS NULL"
           : "SELECT COALESCE(MAX(at), 0) FROM backup_log WHERE kind = 'scheduled'",
      NULL);

  if (stmt == NULL || hall_stmt_step (stmt, NULL) != SQLITE_ROW)
    return 0;
  return hall_stmt_int (stmt, 0);
}

/* @minute past midnight on the day of @local, moved by @days. */
static gint64
at_minute (GDateTime *local,
           int        days,
           gint64     minute)
{
  g_autoptr (GDateTime) day = g_date_time_add_days (local, days);
  g_autoptr (GDateTime) time =
      g_date_time_new (g_date_time_get_timezone (day), g_date_time_get_year (day),
                       g_date_time_get_month (day), g_date_time_get_day_of_month (day),
                       (int) (minute / 60), (int) (minute % 60), 0);

  return g_date_time_to_unix (time);
}

void
_hall_backup_schedule (gint64              now,
                       GDateTime          *now_local,
                       gint64              minute,
                       gint64              last_made,
                       gint64              last_tried,
                       HallBackupSchedule *out)
{
  gint64 today = at_minute (now_local, 0, minute);
  /* The latest time the schedule named, up to now: a PC that was off then catches up. */
  gint64 latest = now >= today ? today : at_minute (now_local, -1, minute);

  out->next_at = now >= today ? at_minute (now_local, 1, minute) : today;
  out->due = last_made < latest && (last_tried < latest || now - last_tried >= RETRY_SECONDS);
  if (!out->due && last_made < latest)
    out->next_at = MIN (out->next_at, last_tried + RETRY_SECONDS);
}

/* The hall's schedule, on or off, at the engine's clock. */
static gboolean
read_schedule (HallCtx            *ctx,
               HallBackupSchedule *schedule)
{
  _hall_backup_schedule (ctx->now, ctx->now_local, setting (ctx, "backup_minute", 750),
                         last_attempt (ctx, TRUE), last_attempt (ctx, FALSE), schedule);
  return setting (ctx, "backup_enabled", 1) != 0;
}

/* Deletes the daily backups beyond the newest @keep, by their names' times. */
static void
prune (const char *dir,
       gint64      keep,
       GTimeZone  *tz)
{
  g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (folder == NULL)
    return;
  while ((name = g_dir_read_name (folder)) != NULL)
    if (parse_stamp (name, HALL_BACKUP_PREFIX_DAILY, tz) != 0)
      g_ptr_array_add (names, g_strdup (name));
  /* The stamp sorts as text in time order. */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i + keep < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);

      if (g_unlink (path) != 0)
        g_message ("Cannot delete the old backup %s: %s", path, g_strerror (errno));
    }
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
}

/* Takes the daily backup when it is due. Always answers, a failure included, so that its log
 * row is committed; {"taken", "ok", "file", "size", "error", "next_at"}. */
static JsonObject *
hall_backup_scheduled (HallCtx    *ctx,
                       JsonObject *params,
                       GError    **error)
{
  g_autoptr (JsonObject) result = json_object_new ();
  g_autoptr (GError) failure = NULL;
  g_autofree char   *path = NULL;
  g_autofree char   *dir = _hall_backup_dir (hall_engine_get_path (ctx->engine));
  HallBackupSchedule schedule;
  gint64             size = 0;

  gboolean enabled = read_schedule (ctx, &schedule);

  if (!enabled || !schedule.due)
    {
      json_object_set_boolean_member (result, "taken", FALSE);
      if (enabled)
        json_object_set_int_member (result, "next_at", schedule.next_at);
      return g_steal_pointer (&result);
    }

  path = _hall_backup_new_path (ctx, HALL_BACKUP_PREFIX_DAILY, &failure);
  if (path != NULL && hall_db_backup_to (ctx->db, path, &failure))
    {
      size = file_size (path);
      prune (dir, MAX (setting (ctx, "backup_keep", 14), 1), ctx->tz);
    }
  else
    schedule.next_at = ctx->now + RETRY_SECONDS;

  if (!_hall_backup_log (ctx, "scheduled", path, size, failure, error)
      || !hall_ctx_audit (ctx, "hall.backup_scheduled", "backup", hall_db_last_insert_id (ctx->db),
                          error))
    return NULL;
  if (failure != NULL)
    g_message ("The daily backup failed: %s", failure->message);

  json_object_set_boolean_member (result, "taken", TRUE);
  json_object_set_boolean_member (result, "ok", failure == NULL);
  if (failure == NULL)
    {
      g_autofree char *name = g_path_get_basename (path);

      json_object_set_string_member (result, "file", name);
      json_object_set_int_member (result, "size", size);
    }
  else
    json_object_set_string_member (result, "error", failure->message);
  json_object_set_int_member (result, "next_at", schedule.next_at);
  return g_steal_pointer (&result);
}

static int
compare_backups (gconstpointer a,
                 gconstpointer b)
{
  gint64 at_a = json_object_get_int_member (*(JsonObject **) a, "at");
  gint64 at_b = json_object_get_int_member (*(JsonObject **) b, "at");

  return at_a < at_b ? 1 : at_a > at_b ? -1
                                       : 0;
}

/* The backups in the folder, newest first: {"file", "kind", "at", "size"}. */
static JsonArray *
list_backups (const char *dir,
              GTimeZone  *tz)
{
  g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);
  JsonArray  *array = json_array_new ();
  const char *name;

  while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      {
        gint64           at = parse_stamp (name, kinds[i].prefix, tz);
        g_autofree char *path = g_build_filename (dir, name, NULL);
        JsonObject      *backup;

        if (at == 0)
          continue;
        backup = json_object_new ();
        json_object_set_string_member (backup, "file", name);
        json_object_set_string_member (backup, "kind", kinds[i].kind);
        json_object_set_int_member (backup, "at", at);
        json_object_set_int_member (backup, "size", file_size (path));
        g_ptr_array_add (found, backup);
        break;
      }
  g_ptr_array_sort (found, compare_backups);
  for (guint i = 0; i < found->len; i++)
    json_array_add_object_element (array, json_object_ref (found->pdata[i]));
  return array;
}

/* What the admin page shows: the schedule, its last attempt and every backup in the folder. */
static JsonObject *
hall_backup_list (HallCtx    *ctx,
                  JsonObject *params,
                  GError    **error)
{
  g_autoptr (JsonObject) result = json_object_new ();
  g_autoptr (HallStmt) stmt = NULL;
  g_autofree char   *dir = _hall_backup_dir (hall_engine_get_path (ctx->engine));
  HallBackupSchedule schedule;
  gboolean           enabled = read_schedule (ctx, &schedule);
  int                rc;

  json_object_set_boolean_member (result, "enabled", enabled);
  json_object_set_int_member (result, "minute", setting (ctx, "backup_minute", 750));
  json_object_set_int_member (result, "keep", setting (ctx, "backup_keep", 14));
  if (enabled)
    json_object_set_int_member (result, "next_at", schedule.due ? ctx->now : schedule.next_at);
  json_object_set_string_member (result, "folder", dir);

  stmt = hall_db_prepare (ctx->db,
                          "SELECT at, kind, file, size, error FROM backup_log "
                          "ORDER BY at DESC, id DESC LIMIT 1",
                          error);
  if (stmt == NULL)
    return NULL;
  rc = hall_stmt_step (stmt, error);
  if (rc == 0)
    return NULL;
  if (rc == SQLITE_ROW)
    json_object_set_object_member (result, "last", hall_stmt_row_object (stmt));
  json_object_set_array_member (result, "backups", list_backups (dir, ctx->tz));
  return g_steal_pointer (&result);
}

/* Puts a backup from the folder back in place of the hall, once this call's batch has committed
 * (hall-engine.c, hall-restore.c): {"file"} by its name only, so that nobody chooses a file
 * elsewhere on the server. Answers {"file", "at", "undo_file"}. */
static JsonObject *
hall_restore (HallCtx    *ctx,
              JsonObject *params,
              GError    **error)
{
  g_autoptr (JsonObject) result = json_object_new ();
  g_autofree char *dir = _hall_backup_dir (hall_engine_get_path (ctx->engine));
  g_autofree char *path = NULL;
  const char      *file = NULL;
  gint64           at = 0;

  if (!hall_param_string (params, "file", TRUE, 255, &file, error))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (kinds) && at == 0; i++)
    at = parse_stamp (file, kinds[i].prefix, ctx->tz);
  path = g_build_filename (dir, file, NULL);
  if (at == 0 || strchr (file, '/') != NULL || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      hall_set_error (error, HALL_ERROR_NOT_FOUND, "file",
                      _ ("There is no backup “%s” in the hall’s backup folder."), file);
      return NULL;
    }

  _hall_engine_restore_after_commit (ctx->engine, path);
  json_object_set_string_member (result, "file", file);
  json_object_set_int_member (result, "at", at);
  return g_steal_pointer (&result);
}

const HallCommand _hall_backup_commands[] = {
  { "hall.restore", hall_restore, HALL_ROLE_ADMIN, HALL_COMMAND_WRITE },
  { "hall.backup_scheduled", hall_backup_scheduled, HALL_ROLE_SYSTEM, HALL_COMMAND_READ },
  { "hall.backup_list", hall_backup_list, HALL_ROLE_ADMIN, HALL_COMMAND_READ },
  { NULL }
};
