/* hall-bench-profile.h — where a call's time goes, from the server's Server-Timing header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BenchProfile BenchProfile;

BenchProfile *bench_profile_new (void);
void          bench_profile_free (BenchProfile *profile);
/* One call: the round trip the client measured and the answer's Server-Timing header (the
 * server runs with HALL_SERVER_TIMING=1). FALSE when the header is missing. */
gboolean bench_profile_add (BenchProfile *profile,
                            gint64        round_trip_us,
                            const char   *server_timing);
/* Prints each span's p50 and mean, in the order a call goes through the server. */
void bench_profile_print (BenchProfile *profile);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BenchProfile, bench_profile_free)

G_END_DECLS
