/* hall-json-check.c — strict JSON (RFC 8259) before json-glib sees a request
 *
 * json-glib is lenient (single-quoted strings, several values one after another) and parses
 * recursively, so a request nested a hundred thousand levels deep could exhaust the stack. The
 * server checks each body here first: one JSON value, standard syntax, nesting at most
 * @max_depth. Iterative, so the check itself needs no stack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-server"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-server-private.h"

typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  GArray     *nul_escapes; /* offsets of the "\u0000" escapes in strings */
} Scan;

static void
skip_space (Scan *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

/* The four hex digits of a \u escape. */
static gboolean
scan_hex4 (Scan     *s,
           gunichar *unit)
{
  *unit = 0;
  for (int i = 0; i < 4; i++, s->p++)
    {
      if (s->p >= s->end || !g_ascii_isxdigit (*s->p))
        return FALSE;
      *unit = *unit * 16 + g_ascii_xdigit_value (*s->p);
    }
  return TRUE;
}

static gboolean
scan_string (Scan *s)
{
  g_assert (*s->p == '"');
  s->p++;
  while (s->p < s->end)
    {
      guchar c = *s->p++;

      if (c == '"')
        return TRUE;
      if (c < 0x20)
        return FALSE;
      if (c == '\\')
        {
          if (s->p >= s->end)
            return FALSE;
          c = *s->p++;
          if (c == 'u')
            {
              gsize    at = s->p - 2 - s->start;
              gunichar unit;

              if (!scan_hex4 (s, &unit))
                return FALSE;
              if (unit == 0)
                g_array_append_val (s->nul_escapes, at);
              /* Half of a surrogate pair alone is no character: json-glib would make it bytes
               * that are not UTF-8. A high half must be followed by an escaped low half. */
              if (unit >= 0xDC00 && unit <= 0xDFFF)
                return FALSE;
              if (unit >= 0xD800 && unit <= 0xDBFF)
                {
                  if (s->end - s->p < 2 || s->p[0] != '\\' || s->p[1] != 'u')
                    return FALSE;
                  s->p += 2;
                  if (!scan_hex4 (s, &unit) || unit < 0xDC00 || unit > 0xDFFF)
                    return FALSE;
                }
            }
          else if (strchr ("\"\\/bfnrt", c) == NULL || c == '\0')
            return FALSE;
        }
    }
  return FALSE;
}

static gboolean
scan_digits (Scan *s)
{
  const char *start = s->p;

  while (s->p < s->end && g_ascii_isdigit (*s->p))
    s->p++;
  return s->p > start;
}

static gboolean
scan_number (Scan *s)
{
  if (*s->p == '-')
    s->p++;
  if (s->p < s->end && *s->p == '0')
    s->p++;
  else if (!scan_digits (s))
    return FALSE;
  if (s->p < s->end && *s->p == '.')
    {
      s->p++;
      if (!scan_digits (s))
        return FALSE;
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      s->p++;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (!scan_digits (s))
        return FALSE;
    }
  return TRUE;
}

static gboolean
scan_literal (Scan       *s,
              const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (s->end - s->p) < n || memcmp (s->p, word, n) != 0)
    return FALSE;
  s->p += n;
  return TRUE;
}

/* A scalar or the opening of a container; pushes containers on @stack. */
static gboolean
scan_value (Scan     *s,
            GString  *stack,
            guint     max_depth,
            gboolean *too_deep)
{
  if (s->p >= s->end)
    return FALSE;
  switch (*s->p)
    {
    case '{':
    case '[':
      if (stack->len >= max_depth)
        {
          *too_deep = TRUE;
          return FALSE;
        }
      g_string_append_c (stack, *s->p);
      s->p++;
      return TRUE;
    case '"':
      return scan_string (s);
    case 't':
      return scan_literal (s, "true");
    case 'f':
      return scan_literal (s, "false");
    case 'n':
      return scan_literal (s, "null");
    default:
      return (*s->p == '-' || g_ascii_isdigit (*s->p)) && scan_number (s);
    }
}

gboolean
_hall_json_check (const char *data,
                  gsize       length,
                  guint       max_depth,
                  GArray     *nul_escapes,
                  GError    **error)
{
  g_autoptr (GString) stack = g_string_new (NULL);
  Scan     s = { data, data, data + length, nul_escapes };
  gboolean too_deep = FALSE;
  /* After an opening bracket the container may close at once; after a comma it may not. */
  gboolean just_opened = FALSE;

  skip_space (&s);
  if (!scan_value (&s, stack, max_depth, &too_deep))
    goto fail;
  just_opened = stack->len > 0;

  while (stack->len > 0)
    {
      char top = stack->str[stack->len - 1];
      char close = top == '{' ? '}' : ']';

      skip_space (&s);
      if (s.p >= s.end)
        goto fail;

      if (*s.p == close && just_opened)
        {
          s.p++;
          g_string_truncate (stack, stack->len - 1);
          just_opened = FALSE;
          goto after_value;
        }

      if (top == '{')
        {
          if (*s.p != '"' || !scan_string (&s))
            goto fail;
          skip_space (&s);
          if (s.p >= s.end || *s.p != ':')
            goto fail;
          s.p++;
          skip_space (&s);
        }
      {
        gsize depth = stack->len;

        if (!scan_value (&s, stack, max_depth, &too_deep))
          goto fail;
        just_opened = stack->len > depth;
        if (just_opened)
          continue;
      }

    after_value:
      /* A value ended: a comma, or the end of the container(s) it was in. */
      while (stack->len > 0)
        {
          skip_space (&s);
          if (s.p >= s.end)
            goto fail;
          if (*s.p == ',')
            {
              s.p++;
              break;
            }
          if (*s.p != (stack->str[stack->len - 1] == '{' ? '}' : ']'))
            goto fail;
          s.p++;
          g_string_truncate (stack, stack->len - 1);
        }
    }

  skip_space (&s);
  if (s.p == s.end)
    return TRUE;

fail:
  if (too_deep)
    hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, NULL,
                    _ ("The request nests lists or objects too deeply (more than %u levels)."),
                    max_depth);
  else
    hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, NULL,
                    _ ("The request is not valid JSON: the error is at byte %lu."),
                    (unsigned long) (s.p - data) + 1);
  return FALSE;
}
