/* hall-admin.c — keeping the hall database safe: backups and integrity checks
 *
 * Both run on the engine's worker like every command, so a backup is a consistent copy taken
 * between two transactions' worth of work, and the admin screen and the server's command line
 * (`xinfang-hall-server backup|check`) share one implementation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-admin"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hall-engine.h"
#include "hall-audit-chain-private.h"
#include "hall-backup-private.h"
#include "hall-commands-private.h"

static gboolean
same_file (const char *a,
           const char *b)
{
  g_autofree char *ca = g_canonicalize_filename (a, NULL);
  g_autofree char *cb = g_canonicalize_filename (b, NULL);
  GStatBuf         sa, sb;

  if (g_str_equal (ca, cb))
    return TRUE;
  return g_stat (ca, &sa) == 0 && g_stat (cb, &sb) == 0 && sa.st_dev == sb.st_dev
         && sa.st_ino == sb.st_ino;
}

static JsonObject *
hall_backup (HallCtx    *ctx,
             JsonObject *params,
             GError    **error)
{
  const char      *to = NULL;
  const char      *db_path = hall_engine_get_path (ctx->engine);
  g_autofree char *path = NULL;
  g_autofree char *wal_path = g_strconcat (db_path, "-wal", NULL);
  JsonObject      *result;
  GStatBuf         st;
  gint64           size;

  if (!hall_param_string (params, "to", FALSE, 4096, &to, error))
    return NULL;

  if (to != NULL)
    {
      /* Over the network an admin must not be able to write files where the server chooses. */
      if (!hall_ctx_is (ctx, HALL_ROLE_SYSTEM))
        {
          hall_set_error (
              error, HALL_ERROR_FORBIDDEN, "to",
              _ ("Only the server's own command line chooses where a backup is written."));
          return NULL;
        }
      if (same_file (to, db_path) || same_file (to, wal_path))
        {
          hall_set_error (
              error, HALL_ERROR_INVALID_ARGUMENT, "to",
              _ ("A backup cannot replace the hall database itself. Choose another file."));
          return NULL;
        }
      path = g_strdup (to);
    }
  else if ((path = _hall_backup_new_path (ctx, HALL_BACKUP_PREFIX_MANUAL, error)) == NULL)
    return NULL;

  if (!hall_db_backup_to (ctx->db, path, error))
    return NULL;

  size = g_stat (path, &st) == 0 ? (gint64) st.st_size : 0;
  /* The command line's copies elsewhere are no part of the folder the admin page lists. */
  if (to == NULL && !_hall_backup_log (ctx, "manual", path, size, NULL, error))
    return NULL;
  result = json_object_new ();
  json_object_set_string_member (result, "path", path);
  json_object_set_int_member (result, "size", size);
  json_object_set_int_member (result, "at", ctx->now);
  return result;
}

static JsonObject *
hall_check (HallCtx    *ctx,
            JsonObject *params,
            GError    **error)
{
  g_autoptr (GString) report = g_string_new (NULL);
  g_autoptr (JsonObject) audit = json_object_new ();
  GError     *local_error = NULL;
  gboolean    ok = hall_db_check_integrity (ctx->db, report, &local_error);
  JsonObject *result;

  if (local_error == NULL && !_hall_audit_chain_verify (ctx->db, audit, report, &local_error))
    ok = FALSE;
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  result = json_object_new ();
  json_object_set_boolean_member (result, "ok", ok);
  json_object_set_string_member (result, "report", report->str);
  json_object_set_object_member (result, "audit", g_steal_pointer (&audit));
  return result;
}

const HallCommand _hall_admin_commands[] = {
  { "hall.backup", hall_backup, HALL_ROLE_ADMIN, HALL_COMMAND_READ },
  { "hall.check", hall_check, HALL_ROLE_ADMIN, HALL_COMMAND_READ },
  { NULL }
};
