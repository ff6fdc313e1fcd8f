/* hall-local-client.h — the hall in this process: a HallClient over a HallEngine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-client.h"
#include "hall-engine.h"

G_BEGIN_DECLS

#define HALL_TYPE_LOCAL_CLIENT (hall_local_client_get_type ())

G_DECLARE_FINAL_TYPE (HallLocalClient, hall_local_client, HALL, LOCAL_CLIENT, HallClient)

/* Always connected. Events come from @engine's "event" signal, in the thread-default main
 * context @engine was made in. */
HallClient *hall_local_client_new (HallEngine *engine);
HallEngine *hall_local_client_get_engine (HallLocalClient *self);

G_END_DECLS
