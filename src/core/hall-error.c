/* hall-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-error"

#include "config.h"

#include "hall-error.h"

/* The field that was wrong travels with the error, so the UI can put the message next to it;
 * a rate limit carries how long to wait, for the Retry-After header. */
typedef struct
{
  char *field;
  guint retry_after;
} HallErrorPrivate;

static void
hall_error_private_init (HallErrorPrivate *priv)
{
  priv->field = NULL;
  priv->retry_after = 0;
}

static void
hall_error_private_copy (const HallErrorPrivate *src,
                         HallErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
  dest->retry_after = src->retry_after;
}

static void
hall_error_private_clear (HallErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

G_DEFINE_EXTENDED_ERROR (HallError, hall_error)

static const struct
{
  const char *name;
  guint       status;
} codes[] = {
  [HALL_ERROR_INVALID_ARGUMENT] = { "invalid_argument", 400 },
  [HALL_ERROR_UNAUTHENTICATED] = { "unauthenticated", 401 },
  [HALL_ERROR_FORBIDDEN] = { "forbidden", 403 },
  [HALL_ERROR_NOT_FOUND] = { "not_found", 404 },
  [HALL_ERROR_CONFLICT] = { "conflict", 409 },
  [HALL_ERROR_QUEUE_EMPTY] = { "queue_empty", 409 },
  [HALL_ERROR_TOO_LARGE] = { "too_large", 413 },
  [HALL_ERROR_RATE_LIMITED] = { "rate_limited", 429 },
  [HALL_ERROR_UNAVAILABLE] = { "unavailable", 503 },
  [HALL_ERROR_INTERNAL] = { "internal", 500 },
};

GError *
hall_error_new_literal (HallErrorCode code,
                        const char   *field,
                        const char   *message)
{
  GError           *error = g_error_new_literal (HALL_ERROR, code, message);
  HallErrorPrivate *priv = hall_error_get_private (error);

  priv->field = g_strdup (field);
  return error;
}

void
hall_set_error (GError      **error,
                HallErrorCode code,
                const char   *field,
                const char   *format,
                ...)
{
  g_autofree char *message = NULL;
  va_list          args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_propagate_error (error, hall_error_new_literal (code, field, message));
}

const char *
hall_error_get_field (const GError *error)
{
  HallErrorPrivate *priv;

  if (error == NULL)
    return NULL;
  priv = hall_error_get_private (error);
  return priv != NULL ? priv->field : NULL;
}

void
hall_error_set_retry_after (GError *error,
                            guint   seconds)
{
  HallErrorPrivate *priv = error ? hall_error_get_private (error) : NULL;

  if (priv != NULL)
    priv->retry_after = seconds;
}

guint
hall_error_get_retry_after (const GError *error)
{
  HallErrorPrivate *priv = error ? hall_error_get_private (error) : NULL;

  return priv != NULL ? priv->retry_after : 0;
}

const char *
hall_error_code_to_string (HallErrorCode code)
{
  if ((guint) code >= G_N_ELEMENTS (codes))
    return codes[HALL_ERROR_INTERNAL].name;
  return codes[code].name;
}

gboolean
hall_error_code_from_string (const char    *str,
                             HallErrorCode *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      if (g_strcmp0 (str, codes[i].name) == 0)
        {
          *code = i;
          return TRUE;
        }
    }
  return FALSE;
}

guint
hall_error_code_to_status (HallErrorCode code)
{
  if ((guint) code >= G_N_ELEMENTS (codes))
    return 500;
  return codes[code].status;
}
