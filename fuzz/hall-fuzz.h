/* hall-fuzz.h — what the libFuzzer targets in fuzz/ share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdint.h>

G_BEGIN_DECLS

/* libFuzzer's entry points, which every target defines. */
int LLVMFuzzerInitialize (int    *argc,
                          char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* Makes every g_warning() and g_critical() abort, so that libFuzzer reports the input that
 * reached one as a crash, and gives the process the time zone and locale the tests run in. */
void hall_fuzz_init (void);
/* The input as a string, cut at its first NUL: what a C string parameter can hold. */
char *hall_fuzz_string (const uint8_t *data,
                        size_t         size);
/* Aborts unless @error is how a command refuses an input: a HALL_ERROR other than internal,
 * with a message that is valid UTF-8 and not empty. @what names the call in the report. */
void hall_fuzz_assert_refusal (const GError *error,
                               const char   *what);

G_END_DECLS
