/* hall-bench-feed.h — a change-feed subscriber on its own thread, that resumes after a restart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct _BenchFeed BenchFeed;

typedef struct
{
  gint64 seq;
  gint64 arrived_us; /* g_get_monotonic_time () when the message was read */
  JsonObject *event;
} BenchFeedEvent;

/* Connects to GET @url/api/v1/events?since=@since with @token, and whenever the connection
 * drops connects again with since = the last seq it received. */
BenchFeed   *bench_feed_start        (const char  *url,
                                      const char  *token,
                                      gint64       since);
/* Waits until an event with seq ≥ @seq arrived; FALSE after @timeout_ms. */
gboolean     bench_feed_wait_seq     (BenchFeed   *feed,
                                      gint64       seq,
                                      guint        timeout_ms);
/* Waits until the first event of @kind whose member @member equals @value arrived, and returns
 * when (g_get_monotonic_time ()), or 0 after @timeout_ms. */
gint64       bench_feed_wait_match   (BenchFeed   *feed,
                                      const char  *kind,
                                      const char  *member,
                                      gint64       value,
                                      guint        timeout_ms);
/* Every event received so far, in the order received (BenchFeedEvent, owned by the feed). */
GArray      *bench_feed_dup_events   (BenchFeed   *feed);
gint64       bench_feed_last_seq     (BenchFeed   *feed);
/* How many times the feed connected. */
guint        bench_feed_connections  (BenchFeed   *feed);
void         bench_feed_stop         (BenchFeed   *feed);

G_END_DECLS
