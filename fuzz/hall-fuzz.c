/* hall-fuzz.c — what the libFuzzer targets in fuzz/ share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-fuzz"

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "hall-error.h"
#include "hall-fuzz.h"

/* GLib stops a program at a fatal message with a breakpoint trap, which libFuzzer does not catch:
 * it would die without writing the input that did it. An abort() it reports like any crash. */
static GLogWriterOutput
abort_on_warning_writer (GLogLevelFlags   log_level,
                         const GLogField *fields,
                         gsize            n_fields,
                         gpointer         user_data)
{
  GLogWriterOutput output = g_log_writer_default (log_level, fields, n_fields, user_data);

  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    abort ();
  return output;
}

void
hall_fuzz_init (void)
{
  /* The hall's clock and the tests' locale (tests/meson.build), unless the runner says. */
  g_setenv ("TZ", "Asia/Shanghai", FALSE);
  g_setenv ("LANG", "C.UTF-8", FALSE);
  setlocale (LC_ALL, "");
  /* G_DEBUG=fatal-warnings, whatever the environment: bad input that reaches a g_warning() or a
   * g_return_if_fail() is a bug the fuzzer must report. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL);
  g_log_set_writer_func (abort_on_warning_writer, NULL, NULL);
}

char *
hall_fuzz_string (const uint8_t *data,
                  size_t         size)
{
  return g_strndup ((const char *) data, size);
}

void
hall_fuzz_assert_refusal (const GError *error,
                          const char   *what)
{
  if (error == NULL)
    g_error ("%s: failed without an error", what);
  if (error->domain != HALL_ERROR)
    g_error ("%s: refused with a %s error %d: %s", what, g_quark_to_string (error->domain),
             error->code, error->message);
  if (error->code == HALL_ERROR_INTERNAL)
    g_error ("%s: an internal error: %s", what, error->message);
  if (error->message == NULL || *error->message == '\0'
      || !g_utf8_validate (error->message, -1, NULL))
    g_error ("%s: refused without a message a person can read", what);
}
