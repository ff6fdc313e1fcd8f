/* hall-bench-search.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-bench"

#include "config.h"

#include <stdio.h>

#include "hall-bench-load.h"
#include "hall-bench-search.h"
#include "hall-bench-util.h"
#include "hall-synth.h"
#include "hall-test-http.h"

static const char *const kind_labels[BENCH_SEARCH_N_KINDS] = {
  "2 characters (拆迁, 王芳 …)",
  "3 characters (物业费, 张建国 …)",
  "4 characters (征地拆迁, 欧阳秀英 …)",
  "ID number (18 digits)",
  "mobile phone (11 digits)",
};

static GPtrArray *
queries_for (guint   kind,
             guint64 n_matters,
             guint   n_samples)
{
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);

  if (kind < 3)
    {
      const char *const *words = hall_synth_queries (kind + 2);

      for (guint i = 0; words[i] != NULL; i++)
        g_ptr_array_add (queries, g_strdup (words[i]));
      return queries;
    }

  for (guint i = 0; i < n_samples; i++)
    {
      HallSynthPerson person = { 0 };

      hall_synth_person (bench_load_sample (n_matters, i), &person);
      g_ptr_array_add (queries, g_strdup (kind == 3 ? person.id_number : person.phone));
      hall_synth_person_clear (&person);
    }
  return queries;
}

void
bench_measure_search (const char *url,
                      guint64     n_matters,
                      guint       rounds,
                      guint       n_samples,
                      double     *p95)
{
  g_autoptr (HallTestHttp) client = hall_test_http_new (url);
  g_autoptr (GError) error = NULL;

  if (!hall_test_http_login (client, "bench-manager", "bench-password-1", "manager", 0, &error))
    g_error ("session.login: %s", error->message);

  for (guint kind = 0; kind < BENCH_SEARCH_N_KINDS; kind++)
    {
      g_autoptr (GPtrArray) queries = queries_for (kind, n_matters, n_samples);
      g_autoptr (GArray) cold = bench_samples_new ();
      g_autoptr (GArray) warm = bench_samples_new ();
      guint found = 0, results = 0;
      char  value[96];

      /* the first pass meets a cold page cache; the figures are from the passes after it */
      for (guint round = 0; round <= rounds; round++)
        for (guint i = 0; i < queries->len; i++)
          {
            g_autoptr (JsonObject) params = json_object_new ();
            g_autoptr (JsonObject) result = NULL;
            gint64 t0 = g_get_monotonic_time ();
            guint  n;

            json_object_set_string_member (params, "query", queries->pdata[i]);
            result = hall_test_http_call (client, "matter.search", params, &error);
            if (result == NULL)
              g_error ("matter.search “%s”: %s", (const char *) queries->pdata[i], error->message);
            bench_samples_add_us (round == 0 ? cold : warm, g_get_monotonic_time () - t0);
            n = json_array_get_length (json_object_get_array_member (result, "matters"));
            if (round == 0)
              {
                found += n > 0;
                results += n;
              }
          }

      p95[kind] = bench_percentile (rounds > 0 ? warm : cold, 95);
      g_snprintf (value, sizeof value, "p50 %.2f ms  p95 %.2f ms",
                  bench_percentile (rounds > 0 ? warm : cold, 50), p95[kind]);
      bench_print_row (kind_labels[kind], value,
                       p95[kind] <= 20 ? "target p95 ≤ 20 ms: ok" : "target p95 ≤ 20 ms: MISSED");
      g_snprintf (value, sizeof value,
                  "%u/%u queries found matters (%.1f per page); first pass p95 %.2f ms", found,
                  queries->len, queries->len ? (double) results / queries->len : 0.0,
                  bench_percentile (cold, 95));
      g_print ("    (%s; %u queries × %u rounds)\n", value, queries->len, rounds);
    }
}
