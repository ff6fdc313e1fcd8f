/* hall-client-private.h — what HallClient implementations share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-client.h"

G_BEGIN_DECLS

enum {
  HALL_CLIENT_PROP_CONNECTED,
  HALL_CLIENT_PROP_LAST_SEQ,
  HALL_CLIENT_PROP_USER,
  HALL_CLIENT_PROP_ROLE,
  HALL_CLIENT_PROP_COUNTER_ID,
  HALL_CLIENT_N_PROPS,
};

/* Overrides the interface's properties with ids @first_id … @first_id + HALL_CLIENT_N_PROPS - 1. */
void         _hall_client_override_properties (GObjectClass *klass,
                                               guint         first_id);
/* TRUE when @prop_id was one of the interface's and has been handled. */
gboolean     _hall_client_get_property        (GObject      *object,
                                               guint         first_id,
                                               guint         prop_id,
                                               GValue       *value);
gboolean     _hall_client_set_property        (GObject      *object,
                                               guint         first_id,
                                               guint         prop_id,
                                               const GValue *value);

const char  *_hall_client_get_token           (HallClient   *self);
void         _hall_client_set_connected       (HallClient   *self,
                                               gboolean      connected);
/* Emits "event" unless @event's seq was already delivered; returns FALSE when it was dropped. */
gboolean     _hall_client_deliver_event       (HallClient   *self,
                                               JsonObject   *event);
/* The hall no longer knows our token (it expired or an admin ended it): back to signed out. */
void         _hall_client_session_lost        (HallClient   *self);

G_END_DECLS
