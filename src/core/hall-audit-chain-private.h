/* hall-audit-chain-private.h — each audit row carries the hash of the row before it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-db.h"

G_BEGIN_DECLS

/* One audit row as it is hashed; user_id 0 stands for NULL, as hall_stmt_bind_id() writes it. */
typedef struct
{
  gint64      id;
  gint64      at;
  gint64      user_id;
  const char *role;
  const char *client_address;
  const char *command;
  const char *object_type;
  const char *object_id;
  const char *result;
} HallAuditRow;

/* SHA-256 in hex over @prev_hash ("" before the first row) and @row's content. */
void _hall_audit_chain_hash (const char         *prev_hash,
                             const HallAuditRow *row,
                             char                out[65]);
/* Writes @row (its id set to the next one) with its hash, chained to the newest row. */
gboolean _hall_audit_chain_append (HallDb       *db,
                                   HallAuditRow *row,
                                   GError      **error);
/* Chains the rows that have no hash yet (written before migration 008), in id order. */
gboolean _hall_audit_chain_seal (HallDb  *db,
                                 GError **error);
/* Walks the chain: sets @result's members and appends one line to @report. FALSE when a row was
 * altered or deleted (or on @error, which is then set). */
gboolean _hall_audit_chain_verify (HallDb     *db,
                                   JsonObject *result,
                                   GString    *report,
                                   GError    **error);

G_END_DECLS
