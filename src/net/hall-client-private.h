/* hall-client-private.h — what the kinds of HallClient call back into the base class
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-client.h"

G_BEGIN_DECLS

const char *_hall_client_get_token (HallClient *self);
void        _hall_client_set_connected (HallClient *self,
                                        gboolean    connected);
/* Emits "event" unless @event's seq was already delivered; returns FALSE when it was dropped. */
gboolean _hall_client_deliver_event (HallClient *self,
                                     JsonObject *event);
/* The hall no longer knows our token (it expired or an admin ended it): back to signed out. */
void _hall_client_session_lost (HallClient *self);

G_END_DECLS
