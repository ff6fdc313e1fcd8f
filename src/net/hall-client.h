/* hall-client.h — what the app talks to: the hall, in this process or across the LAN
 *
 * The app never knows which kind it holds. HallClient is abstract: HallLocalClient runs
 * commands on an in-process HallEngine; HallRemoteClient sends them to xinfang-hall-server. The
 * base class keeps the session (token, user, role, counter) and its properties, gives every
 * state-changing call a request_id, and delivers the change feed through the "event" signal in
 * seq order, without gaps or repeats; a subclass only moves commands and events.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "hall-error.h"

G_BEGIN_DECLS

#define HALL_TYPE_CLIENT (hall_client_get_type ())

G_DECLARE_DERIVABLE_TYPE (HallClient, hall_client, HALL, CLIENT, GObject)

/* What a kind of client provides; hall-client-private.h has what it may call back. */
struct _HallClientClass
{
  GObjectClass parent_class;

  /* Runs @command with @params as they are (a request_id already added) for @token (NULL: no
   * session). Errors are HALL_ERROR. The default send_finish takes the result of a GTask. */
  void (*send_async) (HallClient         *self,
                      const char         *token,
                      const char         *command,
                      JsonObject         *params,
                      GCancellable       *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer            user_data);
  JsonObject *(*send_finish) (HallClient   *self,
                              GAsyncResult *result,
                              GError      **error);
  /* The seq of the newest event the hall has committed. The default head_finish takes the
   * result of a GTask. */
  void (*head_async) (HallClient         *self,
                      GCancellable       *cancellable,
                      GAsyncReadyCallback callback,
                      gpointer            user_data);
  gint64 (*head_finish) (HallClient   *self,
                         GAsyncResult *result,
                         GError      **error);
  /* Start delivering events after the client's last-seq for its token (with
   * _hall_client_deliver_event()), and stop. */
  void (*start_feed) (HallClient *self);
  void (*stop_feed) (HallClient *self);

  gpointer padding[4];
};

void        hall_client_call_async (HallClient         *self,
                                    const char         *command,
                                    JsonObject         *params,
                                    GCancellable       *cancellable,
                                    GAsyncReadyCallback callback,
                                    gpointer            user_data);
JsonObject *hall_client_call_finish (HallClient   *self,
                                     GAsyncResult *result,
                                     GError      **error);

/* Signs in and keeps the token; @role NULL for the account's first role, @counter_id 0 for none.
 * Returns the session.login result without the token. The change feed starts after it. */
void        hall_client_login_async (HallClient         *self,
                                     const char         *username,
                                     const char         *password,
                                     const char         *role,
                                     gint64              counter_id,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data);
JsonObject *hall_client_login_finish (HallClient   *self,
                                      GAsyncResult *result,
                                      GError      **error);
/* Forgets the session at once (user becomes NULL, the feed stops) and ends it on the hall.
 * @callback may be NULL. */
void     hall_client_logout_async (HallClient         *self,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data);
gboolean hall_client_logout_finish (HallClient   *self,
                                    GAsyncResult *result,
                                    GError      **error);

gboolean hall_client_get_connected (HallClient *self);
gint64   hall_client_get_last_seq (HallClient *self);
/* Where the feed resumes: events with a larger seq. 0 (the default) means "from the newest
 * event at sign-in". */
void hall_client_set_last_seq (HallClient *self,
                               gint64      last_seq);
/* The signed-in account (as session.login describes it) or NULL. */
JsonObject *hall_client_get_user (HallClient *self);
const char *hall_client_get_role (HallClient *self);
gint64      hall_client_get_counter_id (HallClient *self);
gboolean    hall_client_is_signed_in (HallClient *self);

G_END_DECLS
