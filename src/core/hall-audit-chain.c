/* hall-audit-chain.c — each audit row carries the hash of the row before it
 *
 * hash(n) = SHA-256 (hash(n-1) ‖ encoding of row n's columns), in hex. The encoding tags every
 * field and prefixes text with its byte length, so no two different rows encode alike ("ab","c"
 * is not "a","bc"; NULL is not ""). Nothing here is secret: whoever can write the file can
 * recompute the whole chain. What it catches is a row changed or deleted with plain SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-audit-chain"

#include "config.h"

#include <string.h>

#include "hall-audit-chain-private.h"

#define ROW_COLUMNS \
  "id, at, user_id, role, client_address, command, object_type, object_id, result, hash"

static void
put_int (GChecksum *sum,
         gint64     value)
{
  char buf[32];
  int  len = g_snprintf (buf, sizeof buf, "i%" G_GINT64_FORMAT ";", value);

  g_checksum_update (sum, (const guchar *) buf, len);
}

static void
put_text (GChecksum  *sum,
          const char *text)
{
  char  buf[32];
  gsize size;
  int   len;

  if (text == NULL)
    {
      g_checksum_update (sum, (const guchar *) "n", 1);
      return;
    }
  size = strlen (text);
  len = g_snprintf (buf, sizeof buf, "t%" G_GSIZE_FORMAT ":", size);
  g_checksum_update (sum, (const guchar *) buf, len);
  g_checksum_update (sum, (const guchar *) text, size);
}

static void
row_from_stmt (HallStmt     *stmt,
               HallAuditRow *row)
{
  row->id = hall_stmt_int (stmt, 0);
  row->at = hall_stmt_int (stmt, 1);
  row->user_id = hall_stmt_int (stmt, 2);
  row->role = hall_stmt_text (stmt, 3);
  row->client_address = hall_stmt_text (stmt, 4);
  row->command = hall_stmt_text (stmt, 5);
  row->object_type = hall_stmt_text (stmt, 6);
  row->object_id = hall_stmt_text (stmt, 7);
  row->result = hall_stmt_text (stmt, 8);
}

void
_hall_audit_chain_hash (const char         *prev_hash,
                        const HallAuditRow *row,
                        char                out[65])
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  put_text (sum, prev_hash);
  put_int (sum, row->id);
  put_int (sum, row->at);
  if (row->user_id != 0)
    put_int (sum, row->user_id);
  else
    put_text (sum, NULL);
  put_text (sum, row->role);
  put_text (sum, row->client_address);
  put_text (sum, row->command);
  put_text (sum, row->object_type);
  put_text (sum, row->object_id);
  put_text (sum, row->result);
  g_strlcpy (out, g_checksum_get_string (sum), 65);
}

gboolean
_hall_audit_chain_append (HallDb       *db,
                          HallAuditRow *row,
                          GError      **error)
{
  g_autoptr (HallStmt) last = NULL;
  g_autoptr (HallStmt) insert = NULL;
  char prev[65] = "";
  char hash[65];
  int  rc;

  /* One lookup on the rowid, inside the caller's transaction: it sees this transaction's rows
   * and nothing a rolled-back savepoint left behind, which a copy kept in memory would have to
   * track. */
  last = hall_db_prepare (db, "SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1", error);
  if (last == NULL)
    return FALSE;
  rc = hall_stmt_step (last, error);
  if (rc == 0)
    return FALSE;
  row->id = 1;
  if (rc == SQLITE_ROW)
    {
      row->id = hall_stmt_int (last, 0) + 1;
      g_strlcpy (prev, hall_stmt_text (last, 1) ? hall_stmt_text (last, 1) : "", sizeof prev);
    }
  _hall_audit_chain_hash (prev, row, hash);

  insert = hall_db_prepare (db,
                            "INSERT INTO audit (" ROW_COLUMNS ") "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                            error);
  if (insert == NULL)
    return FALSE;
  hall_stmt_bind_int (insert, 1, row->id);
  hall_stmt_bind_int (insert, 2, row->at);
  hall_stmt_bind_id (insert, 3, row->user_id);
  hall_stmt_bind_text (insert, 4, row->role);
  hall_stmt_bind_text (insert, 5, row->client_address);
  hall_stmt_bind_text (insert, 6, row->command);
  hall_stmt_bind_text (insert, 7, row->object_type);
  hall_stmt_bind_text (insert, 8, row->object_id);
  hall_stmt_bind_text (insert, 9, row->result);
  hall_stmt_bind_text (insert, 10, hash);
  return hall_stmt_step (insert, error) == SQLITE_DONE;
}

gboolean
_hall_audit_chain_seal (HallDb  *db,
                        GError **error)
{
  g_autoptr (HallStmt) rows = NULL;
  char prev[65] = "";
  int  rc;

  rows = hall_db_prepare (db, "SELECT " ROW_COLUMNS " FROM audit ORDER BY id", error);
  if (rows == NULL)
    return FALSE;
  while ((rc = hall_stmt_step (rows, error)) == SQLITE_ROW)
    {
      g_autoptr (HallStmt) update = NULL;
      HallAuditRow row;
      char         hash[65];

      if (hall_stmt_text (rows, 9) != NULL)
        {
          g_strlcpy (prev, hall_stmt_text (rows, 9), sizeof prev);
          continue;
        }
      row_from_stmt (rows, &row);
      _hall_audit_chain_hash (prev, &row, hash);
      /* Only the hash column changes, never the id the scan goes by. */
      update = hall_db_prepare (db, "UPDATE audit SET hash = ?2 WHERE id = ?1", error);
      if (update == NULL)
        return FALSE;
      hall_stmt_bind_int (update, 1, row.id);
      hall_stmt_bind_text (update, 2, hash);
      if (hall_stmt_step (update, error) != SQLITE_DONE)
        return FALSE;
      memcpy (prev, hash, sizeof prev);
    }
  return rc == SQLITE_DONE;
}

gboolean
_hall_audit_chain_verify (HallDb     *db,
                          JsonObject *result,
                          GString    *report,
                          GError    **error)
{
  g_autoptr (HallStmt) rows = NULL;
  char   prev[65] = "";
  gint64 prev_id = 0;
  gint64 count = 0;
  int    rc;

  rows = hall_db_prepare (db, "SELECT " ROW_COLUMNS " FROM audit ORDER BY id", error);
  if (rows == NULL)
    return FALSE;
  while ((rc = hall_stmt_step (rows, error)) == SQLITE_ROW)
    {
      HallAuditRow row;
      char         expected[65];

      row_from_stmt (rows, &row);
      _hall_audit_chain_hash (prev, &row, expected);
      if (g_strcmp0 (expected, hall_stmt_text (rows, 9)) != 0)
        {
          /* Ids are never reused or skipped (the writer takes the last one plus one), so a
           * broken link after a gap is a deletion; without a gap, this row was changed. */
          if (row.id != prev_id + 1)
            {
              json_object_set_int_member (result, "deleted_after", prev_id);
              json_object_set_int_member (result, "deleted_before", row.id);
              if (prev_id == 0)
                g_string_append_printf (report,
                                        "audit trail: audit rows before %" G_GINT64_FORMAT
                                        " were deleted\n",
                                        row.id);
              else if (row.id == prev_id + 2)
                g_string_append_printf (report,
                                        "audit trail: an audit row between %" G_GINT64_FORMAT
                                        " and %" G_GINT64_FORMAT " was deleted\n",
                                        prev_id, row.id);
              else
                g_string_append_printf (report,
                                        "audit trail: audit rows between %" G_GINT64_FORMAT
                                        " and %" G_GINT64_FORMAT " were deleted\n",
                                        prev_id, row.id);
            }
          else
            {
              json_object_set_int_member (result, "altered", row.id);
              g_string_append_printf (report,
                                      "audit trail: audit row %" G_GINT64_FORMAT " was altered\n",
                                      row.id);
            }
          json_object_set_boolean_member (result, "ok", FALSE);
          json_object_set_int_member (result, "rows", count);
          return FALSE;
        }
      g_strlcpy (prev, hall_stmt_text (rows, 9), sizeof prev);
      prev_id = row.id;
      count++;
    }
  if (rc == 0)
    return FALSE;

  /* The newest rows can go without a trace in the file: the head is what to write down. */
  json_object_set_boolean_member (result, "ok", TRUE);
  json_object_set_int_member (result, "rows", count);
  json_object_set_int_member (result, "last_id", prev_id);
  json_object_set_string_member (result, "last_hash", prev);
  g_string_append_printf (report,
                          "audit trail: ok (%" G_GINT64_FORMAT " rows, last %" G_GINT64_FORMAT
                          " %.16s)\n",
                          count, prev_id, prev);
  return TRUE;
}
