/* hall-dispatch-private.h — the engine's worker hands one call at a time to the dispatcher
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-engine.h"

G_BEGIN_DECLS

typedef struct
{
  const char *token;
  const char *command;
  JsonObject *params;
  const char *client_address;
  gboolean    system;
} HallCall;

/* Runs @call inside a SAVEPOINT of the worker's open transaction: authenticates, checks the role,
 * replays a known request_id, runs the handler and writes the audit row. On failure the handler's
 * writes are rolled back (the audit row of the failure stays). @events gets the change-feed events
 * to publish once the transaction commits. */
JsonObject *_hall_dispatch (HallEngine     *engine,
                            HallDb         *db,
                            GTimeZone      *tz,
                            const HallCall *call,
                            gint64          now,
                            GPtrArray     **events,
                            GError        **error);

/* What the session table keeps of a token: its SHA-256 in hex. */
void _hall_dispatch_hash_token (const char *token,
                                char        out[65]);

G_END_DECLS
