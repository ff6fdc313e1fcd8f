/* hall-remote-private.h — the parts of HallRemoteClient, shared by its files
 *
 * hall-remote-client.c: calls, retries and the GObject; hall-remote-link.c: reachability and the
 * change feed; hall-remote-util.c: sessions, addresses, answers and the first-time probe.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "hall-client-private.h"
#include "hall-remote-client.h"

G_BEGIN_DECLS

#define HALL_REMOTE_CALL_TIMEOUT_SECONDS 30
#define HALL_REMOTE_BACKOFF_FIRST_MS 500

struct _HallRemoteClient
{
  HallClient parent_instance;

  char        *url;
  char        *fingerprint;
  SoupSession *session;      /* calls */
  SoupSession *feed_session; /* the long-lived WebSocket, without an I/O timeout */

  /* A failure was seen and nothing has succeeded since: calls fail at once. */
  gboolean offline;
  /* Why, when it is something retrying will not cure (a certificate that is not the pinned one). */
  GError *link_error;

  GPtrArray *sends; /* the calls under way (their task data, not owned) */
  /* The link was lost and has not come back yet: the calls under way go again when it does. */
  gboolean outage;
  /* While the feed is being reopened after an outage: the session the calls go on once it is
   * back, whose connection a warm-up request opens alongside the feed's rather than after it. */
  SoupSession  *next_session;
  GCancellable *warm_up;

  gboolean                 feed_wanted;
  GCancellable            *link_attempt; /* a WebSocket handshake or health check under way */
  guint                    reconnect_id;
  guint                    connect_timeout_id; /* the attempt's TCP connection not answered yet */
  gint64                   connect_started;
  gint64                   connect_us;       /* how long the last TCP connection took, or 0 */
  guint                    connect_timeouts; /* tries given up in a row before any connected */
  guint                    backoff_ms;
  SoupWebsocketConnection *ws;
  gint64                   last_heard;
  gint64                   last_watched; /* when the watchdog last ran */
  guint                    watchdog_id;
};

/* hall-remote-client.c */
SoupMessage *_hall_remote_new_message (HallRemoteClient *self,
                                       const char       *method,
                                       const char       *path,
                                       const char       *token);
/* The error for a certificate that is not the pinned one, or NULL when @msg met no such thing. */
GError *_hall_remote_pin_mismatch_error (HallRemoteClient *self,
                                         SoupMessage      *msg);
GError *_hall_remote_unreachable_error (HallRemoteClient *self);
/* Sends every call under way again, on new connections (same request_id): the warm session's
 * when there is one. */
void _hall_remote_resend_calls (HallRemoteClient *self);

/* hall-remote-link.c */
void _hall_remote_mark_reachable (HallRemoteClient *self);
void _hall_remote_mark_unreachable (HallRemoteClient *self,
                                    GError           *reason);
void _hall_remote_link_attempt (HallRemoteClient *self);
void _hall_remote_link_cancel (HallRemoteClient *self);
void _hall_remote_close_feed (HallRemoteClient *self);

/* hall-remote-util.c */
SoupSession *_hall_remote_new_session (guint timeout);
gboolean     _hall_remote_url_is_usable (const char *url);
char        *_hall_remote_normalize_url (const char *url);
GError      *_hall_remote_error_from_response (guint   status,
                                               GBytes *body);
JsonObject  *_hall_remote_parse_object (GBytes  *body,
                                        GError **error);

G_END_DECLS
