/* hall-error.h — errors every command can return
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define HALL_ERROR (hall_error_quark ())

/* Each code maps to one LAN error code and HTTP status (architecture.md §6). */
typedef enum
{
  HALL_ERROR_INVALID_ARGUMENT, /* 400 invalid_argument */
  HALL_ERROR_UNAUTHENTICATED,  /* 401 unauthenticated */
  HALL_ERROR_FORBIDDEN,        /* 403 forbidden */
  HALL_ERROR_NOT_FOUND,        /* 404 not_found */
  HALL_ERROR_CONFLICT,         /* 409 conflict */
  HALL_ERROR_QUEUE_EMPTY,      /* 409 queue_empty */
  HALL_ERROR_TOO_LARGE,        /* 413 too_large */
  HALL_ERROR_RATE_LIMITED,     /* 429 rate_limited */
  HALL_ERROR_UNAVAILABLE,      /* 503 unavailable: server unreachable, shutting down, disk full */
  HALL_ERROR_INTERNAL,         /* 500 internal */
} HallErrorCode;

/* The field of an HALL_ERROR_UNAVAILABLE that says a disk is full: no passing outage that a
 * retry a second later would get past. */
#define HALL_ERROR_FIELD_DISK_FULL "disk"

GQuark hall_error_quark (void);

void        hall_set_error (GError      **error,
                            HallErrorCode code,
                            const char   *field,
                            const char   *format,
                            ...) G_GNUC_PRINTF (4, 5);
GError     *hall_error_new_literal (HallErrorCode code,
                                    const char   *field,
                                    const char   *message);
const char *hall_error_get_field (const GError *error);
/* How many seconds a rate-limited caller must wait (0: not said). */
void        hall_error_set_retry_after (GError *error,
                                        guint   seconds);
guint       hall_error_get_retry_after (const GError *error);
const char *hall_error_code_to_string (HallErrorCode code);
gboolean    hall_error_code_from_string (const char    *str,
                                         HallErrorCode *code);
guint       hall_error_code_to_status (HallErrorCode code);

G_END_DECLS
