/* hall-bench-throughput.c — twenty windows calling one queue at once
 *
 * Twenty threads, each with its own HTTP client, wait at a gate until all are signed in, so that
 * the figure counts the commands alone and every client starts together.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-bench"

#include "config.h"

#include "hall-bench-throughput.h"
#include "hall-bench-util.h"
#include "hall-error.h"
#include "hall-test-http.h"

typedef struct
{
  const char *url;
  const char *password;
  int         department_id;
  int         index;     /* 1 … BENCH_THROUGHPUT_N_CLIENTS */
  gboolean    issue;     /* issue tickets (as the manager) rather than serve them */
  guint       n_tickets; /* when issuing */
  guint       n_calls;
  guint       n_commands;
  GError     *error;
} Worker;

static GMutex   gate_lock;
static GCond    gate_cond;
static guint    gate_ready;
static gboolean gate_open;

static void
gate_wait (void)
{
  g_mutex_lock (&gate_lock);
  gate_ready++;
  g_cond_broadcast (&gate_cond);
  while (!gate_open)
    g_cond_wait (&gate_cond, &gate_lock);
  g_mutex_unlock (&gate_lock);
}

static gint64
gate_release (guint n)
{
  gint64 start;

  g_mutex_lock (&gate_lock);
  while (gate_ready < n)
    g_cond_wait (&gate_cond, &gate_lock);
  start = g_get_monotonic_time ();
  gate_open = TRUE;
  g_cond_broadcast (&gate_cond);
  g_mutex_unlock (&gate_lock);
  return start;
}

static void
gate_reset (void)
{
  g_mutex_lock (&gate_lock);
  gate_ready = 0;
  gate_open = FALSE;
  g_mutex_unlock (&gate_lock);
}

static gpointer
worker_thread (gpointer data)
{
  Worker *w = data;
  g_autoptr (HallTestHttp) client = hall_test_http_new (w->url);
  g_autofree char *username = g_strdup_printf ("bench-staff-%02d", w->index);
  GError         **error = &w->error;

  if (w->issue ? !hall_test_http_login (client, "bench-manager", w->password, "manager", 0, error)
               : !hall_test_http_login (client, username, w->password, "staff", w->index, error))
    {
      gate_wait ();
      return NULL;
    }
  if (!w->issue)
    {
      g_autoptr (JsonObject) opened = hall_test_http_callf (client, "counter.open", error, "{}");

      if (opened == NULL)
        {
          gate_wait ();
          return NULL;
        }
    }
  gate_wait ();

  if (w->issue)
    {
      for (guint i = 0; i < w->n_tickets; i++)
        {
          g_autoptr (JsonObject) ticket = hall_test_http_callf (
              client, "ticket.issue", error, "{\"department_id\":%d}", w->department_id);
          if (ticket == NULL)
            return NULL;
          w->n_commands++;
        }
      return NULL;
    }

  for (;;)
    {
      g_autoptr (GError) local_error = NULL;
      g_autoptr (JsonObject) called =
          hall_test_http_callf (client, "counter.call_next", &local_error, "{}");
      g_autoptr (JsonObject) finished = NULL;

      if (called == NULL)
        {
          if (!g_error_matches (local_error, HALL_ERROR, HALL_ERROR_QUEUE_EMPTY))
            g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      w->n_calls++;
      w->n_commands++;
      finished = hall_test_http_callf (
          client, "ticket.finish", error,
          "{\"ticket_id\":%" G_GINT64_FORMAT ",\"outcome\":\"resolved\"}",
          json_object_get_int_member (json_object_get_object_member (called, "ticket"), "id"));
      if (finished == NULL)
        return NULL;
      w->n_commands++;
    }
}

/* Runs BENCH_THROUGHPUT_N_CLIENTS workers like @model; returns the seconds from the gate opening
 * to the last one done. */
static double
run_workers (const Worker *model,
             guint        *n_calls,
             guint        *n_commands)
{
  Worker   workers[BENCH_THROUGHPUT_N_CLIENTS] = { 0 };
  GThread *threads[BENCH_THROUGHPUT_N_CLIENTS];
  gint64   start;
  double   seconds;

  gate_reset ();
  for (int i = 0; i < BENCH_THROUGHPUT_N_CLIENTS; i++)
    {
      workers[i] = *model;
      workers[i].index = i + 1;
      threads[i] = g_thread_new ("bench-client", worker_thread, &workers[i]);
    }
  start = gate_release (BENCH_THROUGHPUT_N_CLIENTS);
  *n_calls = *n_commands = 0;
  for (int i = 0; i < BENCH_THROUGHPUT_N_CLIENTS; i++)
    g_thread_join (threads[i]);
  seconds = (g_get_monotonic_time () - start) / 1e6;
  for (int i = 0; i < BENCH_THROUGHPUT_N_CLIENTS; i++)
    {
      if (workers[i].error != NULL)
        bench_die (model->issue ? "ticket.issue (20 clients)" : "call_next (20 clients)",
                   workers[i].error);
      *n_calls += workers[i].n_calls;
      *n_commands += workers[i].n_commands;
    }
  return seconds;
}

void
bench_measure_throughput (const char *url,
                          const char *password,
                          int         department_id,
                          guint       n_tickets_per_client,
                          double     *calls_per_s,
                          double     *commands_per_s)
{
  Worker model = { .url = url,
                   .password = password,
                   .department_id = department_id,
                   .issue = TRUE,
                   .n_tickets = n_tickets_per_client };
  guint  n_calls, n_commands;
  double seconds;
  char   value[80];

  g_print ("\nTwenty windows calling one queue at once\n");
  seconds = run_workers (&model, &n_calls, &n_commands);
  g_snprintf (value, sizeof value, "%.0f tickets/s (%u in %.1f s)", n_commands / seconds,
              n_commands, seconds);
  bench_print_row ("ticket.issue, 20 clients", value, NULL);

  model.issue = FALSE;
  seconds = run_workers (&model, &n_calls, &n_commands);
  *calls_per_s = n_calls / seconds;
  *commands_per_s = n_commands / seconds;
  g_snprintf (value, sizeof value, "%.0f calls/s (%u in %.1f s)", *calls_per_s, n_calls, seconds);
  bench_print_row ("call_next + finish, 20 clients", value, NULL);
  g_snprintf (value, sizeof value, "%.0f commits/s", *commands_per_s);
  bench_print_row ("  write commands (call_next, finish)", value, NULL);
}
