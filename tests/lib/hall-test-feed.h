/* hall-test-feed.h — a change-feed subscriber on its own thread, that resumes after a restart
 * (the crash test and the benchmark)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

typedef struct _HallTestFeed HallTestFeed;

typedef struct
{
  gint64      seq;
  gint64      arrived_us; /* g_get_monotonic_time () when the message was read */
  JsonObject *event;
} HallTestFeedEvent;

/* Connects to GET @url/api/v1/events?since=@since with @token, and whenever the connection
 * drops connects again with since = the last seq it received. */
HallTestFeed *hall_test_feed_start (const char *url,
                                    const char *token,
                                    gint64      since);
/* The same over https://, trusting the certificate of SHA-256 @fingerprint only. */
HallTestFeed *hall_test_feed_start_pinned (const char *url,
                                           const char *token,
                                           gint64      since,
                                           const char *fingerprint);
/* Waits until an event with seq ≥ @seq arrived; FALSE after @timeout_ms. */
gboolean hall_test_feed_wait_seq (HallTestFeed *feed,
                                  gint64        seq,
                                  guint         timeout_ms);
/* Waits until the first event of @kind whose member @member equals @value arrived, and returns
 * when (g_get_monotonic_time ()), or 0 after @timeout_ms. */
gint64 hall_test_feed_wait_match (HallTestFeed *feed,
                                  const char   *kind,
                                  const char   *member,
                                  gint64        value,
                                  guint         timeout_ms);
/* Every event received so far, in the order received (HallTestFeedEvent, owned by the feed). */
GArray *hall_test_feed_dup_events (HallTestFeed *feed);
/* The highest seq received so far. */
gint64 hall_test_feed_last_seq (HallTestFeed *feed);
/* How many times the feed connected. */
guint hall_test_feed_connections (HallTestFeed *feed);
/* Makes the socket under @conn (a client's WebSocket) hold only a few kilobytes that its reader
 * has not read: for tests of a subscriber that stops reading. */
void hall_test_feed_shrink_receive_buffer (SoupWebsocketConnection *conn);
/* Closes the connection, ends the thread and frees @feed. */
void hall_test_feed_stop (HallTestFeed *feed);

G_END_DECLS
