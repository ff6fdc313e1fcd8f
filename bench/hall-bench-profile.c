/* hall-bench-profile.c — where a call's time goes, from the server's Server-Timing header
 *
 * The server measures its own spans (hall-server-http.c, _hall_server_add_timing) when it runs
 * with HALL_SERVER_TIMING=1; what the round trip took beyond the server's total is HTTP on
 * loopback and the client.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-bench"

#include "config.h"

#include <math.h>

#include "hall-bench-profile.h"
#include "hall-bench-util.h"

typedef struct
{
  const char *name; /* in the header */
  const char *label;
  gboolean    count; /* a "desc" count rather than a "dur" in ms */
} Span;

static const Span spans[] = {
  { "client", "HTTP and the client (round trip − total)", FALSE },
  { "parse", "server: check, parse the body", FALSE },
  { "queue", "server: wait for the worker", FALSE },
  { "sql", "engine: SQL (session … event)", FALSE },
  { "commit", "engine: COMMIT (WAL write, sync)", FALSE },
  { "fanout", "server: change-feed fan-out", FALSE },
  { "handoff", "server: worker → main loop", FALSE },
  { "answer", "server: answer (JSON, headers)", FALSE },
  { "total", "server: total", FALSE },
  { "pages", "WAL pages per commit (pages/call)", TRUE },
  { "batch", "calls in the commit", TRUE },
};

struct _BenchProfile
{
  GArray *samples[G_N_ELEMENTS (spans)];
};

BenchProfile *
bench_profile_new (void)
{
  BenchProfile *profile = g_new0 (BenchProfile, 1);

  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    profile->samples[i] = bench_samples_new ();
  return profile;
}

void
bench_profile_free (BenchProfile *profile)
{
  if (profile == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    g_array_unref (profile->samples[i]);
  g_free (profile);
}

/* "name;dur=1.234" or "name;desc=5" from @header; NAN when absent. */
static double
span_value (const char *header,
            const Span *span)
{
  g_autofree char *needle =
      g_strdup_printf ("%s;%s=", span->name, span->count ? "desc" : "dur");
  const char *at = header;

  while ((at = strstr (at, needle)) != NULL)
    {
      if (at == header || at[-1] == ' ' || at[-1] == ',')
        return g_ascii_strtod (at + strlen (needle), NULL);
      at += strlen (needle);
    }
  return NAN;
}

gboolean
bench_profile_add (BenchProfile *profile,
                   gint64        round_trip_us,
                   const char   *server_timing)
{
  double values[G_N_ELEMENTS (spans)];

  if (server_timing == NULL)
    return FALSE;
  for (guint i = 1; i < G_N_ELEMENTS (spans); i++)
    if (isnan (values[i] = span_value (server_timing, &spans[i])))
      return FALSE;
  /* spans[8] is the server's total */
  values[0] = round_trip_us / 1000.0 - values[8];
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    /* bench_samples_add_us() takes microseconds; counts are kept as they are */
    bench_samples_add_us (profile->samples[i],
                          (gint64) (spans[i].count ? values[i] * 1000 : values[i] * 1000 + 0.5));
  return TRUE;
}

void
bench_profile_print (BenchProfile *profile)
{
  for (guint i = 0; i < G_N_ELEMENTS (spans); i++)
    {
      char value[64];

      if (profile->samples[i]->len == 0)
        continue;
      if (spans[i].count)
        g_snprintf (value, sizeof value, "p50 %.0f  mean %.1f  p99 %.0f",
                    bench_percentile (profile->samples[i], 50),
                    bench_mean (profile->samples[i]),
                    bench_percentile (profile->samples[i], 99));
      else
        g_snprintf (value, sizeof value, "p50 %.3f ms  mean %.3f ms",
                    bench_percentile (profile->samples[i], 50),
                    bench_mean (profile->samples[i]));
      bench_print_row (spans[i].label, value, NULL);
    }
}
