/* hall-bench-util.c — latency samples and the figures' rows, for the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-bench"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/statfs.h>

#include "hall-bench-util.h"

GArray *
bench_samples_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (double));
}

void
bench_samples_add_us (GArray *samples,
                      gint64  microseconds)
{
  double ms = microseconds / 1000.0;

  g_array_append_val (samples, ms);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1
                            : 0;
}

double
bench_percentile (GArray *samples,
                  double  p)
{
  guint rank;

  if (samples->len == 0)
    return 0;
  g_array_sort (samples, compare_doubles);
  /* nearest rank */
  rank = (guint) ((p / 100.0) * samples->len + 0.999999);
  rank = CLAMP (rank, 1, samples->len);
  return g_array_index (samples, double, rank - 1);
}

double
bench_mean (GArray *samples)
{
  double sum = 0;

  if (samples->len == 0)
    return 0;
  for (guint i = 0; i < samples->len; i++)
    sum += g_array_index (samples, double, i);
  return sum / samples->len;
}

static void
append_padded (GString    *line,
               const char *text,
               guint       columns)
{
  guint width = 0;

  g_string_append (line, text);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  for (; width < columns; width++)
    g_string_append_c (line, ' ');
}

void
bench_print_row (const char *label,
                 const char *value,
                 const char *target)
{
  g_autoptr (GString) line = g_string_new ("  ");

  append_padded (line, label, 46);
  g_string_append_c (line, ' ');
  append_padded (line, value, 30);
  if (target != NULL)
    {
      g_string_append_c (line, ' ');
      g_string_append (line, target);
    }
  g_print ("%s\n", line->str);
}

JsonObject *
bench_call (HallTestHttp *client,
            const char   *command,
            const char   *json)
{
  g_autoptr (GError) error = NULL;
  JsonObject *result = hall_test_http_callf (client, command, &error, "%s", json);

  if (result == NULL)
    bench_die (command, error);
  return result;
}

const char *
bench_filesystem_name (const char *path)
{
  struct statfs fs;

  switch (statfs (path, &fs) == 0 ? (unsigned long) fs.f_type : 0UL)
    {
    case 0xEF53:
      return "ext4";
    case 0x58465342:
      return "xfs";
    case 0x9123683E:
      return "btrfs";
    case 0x01021994:
      return "tmpfs (fsync costs nothing here: the floor is not a disk's)";
    case 0x794C7630:
      return "overlayfs";
    default:
      return "other";
    }
}

void
bench_die (const char   *what,
           const GError *error)
{
  g_printerr ("%s: %s: %s\n", g_get_prgname () ? g_get_prgname () : "hall-bench", what,
              error ? error->message : "failed");
  exit (1);
}
