/* hall-command.c — roles and parameter readers shared by every handler
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-command"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "hall-command.h"

const char *const hall_role_names[HALL_N_ROLES + 1] = {
  "staff",
  "manager",
  "leader",
  "admin",
  "display",
  "kiosk",
  "rating_pad",
  NULL,
};

G_STATIC_ASSERT (HALL_ROLES_ALL == (1 << HALL_N_ROLES) - 1);
G_STATIC_ASSERT (HALL_ROLE_SYSTEM == 1 << HALL_N_ROLES);

const char *
hall_role_to_string (HallRole role)
{
  if (role == HALL_ROLE_SYSTEM)
    return "system";
  for (guint i = 0; i < HALL_N_ROLES; i++)
    if (role == 1u << i)
      return hall_role_names[i];
  return NULL;
}

HallRole
hall_role_from_string (const char *str)
{
  /* "system" is never a role a session can hold. */
  for (guint i = 0; i < HALL_N_ROLES; i++)
    if (g_strcmp0 (hall_role_names[i], str) == 0)
      return 1u << i;
  return 0;
}

static JsonNode *
get_member (JsonObject *params,
            const char *name)
{
  JsonNode *node = params ? json_object_get_member (params, name) : NULL;

  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    return NULL;
  return node;
}

static gboolean
missing (const char *name,
         gboolean    required,
         GError    **error)
{
  if (required)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, name, _ ("This field is required."));
      return FALSE;
    }
  return TRUE;
}

gboolean
hall_text_check (const char *value,
                 const char *field,
                 gboolean    multi_line,
                 GError    **error)
{
  if (!g_utf8_validate (value, -1, NULL))
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, field,
                      _ ("Contains characters that are not valid text."));
      return FALSE;
    }

  /* C0 and C1 controls and DEL: stored, they would cut a name short, hide part of a text or
   * shift what a printed paper shows. The server turns an escaped NUL into one of them, as
   * json-glib would end the string there (admin\u0000xyz signed in as admin). */
  for (const char *p = value; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iscntrl (c) && !(multi_line && (c == '\n' || c == '\t')))
        {
          hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, field,
                          multi_line || (c != '\n' && c != '\t')
                              ? _ ("Contains control characters.")
                              : _ ("Must be one line, without tabs."));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
hall_param_string (JsonObject  *params,
                   const char  *name,
                   gboolean     required,
                   guint        max_chars,
                   const char **out,
                   GError     **error)
{
  JsonNode   *node = get_member (params, name);
  const char *value;

  if (node == NULL)
    return missing (name, required, error);

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, name, _ ("Must be text."));
      return FALSE;
    }

  value = json_node_get_string (node);
  if (!hall_text_check (value, name, max_chars == 0 || max_chars > HALL_PARAM_LINE_MAX, error))
    return FALSE;

  /* Trim in place in the JSON node so the handler and the stored value agree. */
  if (g_ascii_isspace (value[0]) || (*value && g_ascii_isspace (value[strlen (value) - 1])))
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (value));

      json_node_set_string (node, trimmed);
      value = json_node_get_string (node);
    }

  if (*value == '\0')
    return missing (name, required, error);

  if (max_chars > 0 && g_utf8_strlen (value, -1) > (glong) max_chars)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, name,
                      g_dngettext (GETTEXT_PACKAGE, "Too long: at most %u character.",
                                   "Too long: at most %u characters.", max_chars),
                      max_chars);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

gboolean
hall_param_int (JsonObject *params,
                const char *name,
                gboolean    required,
                gint64      min,
                gint64      max,
                gint64     *out,
                GError    **error)
{
  JsonNode *node = get_member (params, name);
  gint64    value;

  if (node == NULL)
    return missing (name, required, error);

  if (json_node_get_value_type (node) != G_TYPE_INT64)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, name, _ ("Must be a whole number."));
      return FALSE;
    }

  value = json_node_get_int (node);
  if (value < min || value > max)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, name,
                      _ ("Must be between %lld and %lld."), (long long) min, (long long) max);
      return FALSE;
    }

  *out = value;
  return TRUE;
}

gboolean
hall_param_bool (JsonObject *params,
                 const char *name,
                 gboolean    required,
                 gboolean   *out,
                 GError    **error)
{
  JsonNode *node = get_member (params, name);

  if (node == NULL)
    return missing (name, required, error);

  if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, name, _ ("Must be true or false."));
      return FALSE;
    }

  *out = json_node_get_boolean (node);
  return TRUE;
}

gboolean
hall_param_enum (JsonObject        *params,
                 const char        *name,
                 gboolean           required,
                 const char *const *allowed,
                 const char       **out,
                 GError           **error)
{
  const char      *value = NULL;
  g_autofree char *choices = NULL;

  if (!hall_param_string (params, name, required, 64, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;

  for (guint i = 0; allowed[i] != NULL; i++)
    if (g_str_equal (allowed[i], value))
      {
        *out = allowed[i];
        return TRUE;
      }

  choices = g_strjoinv (", ", (char **) allowed);
  hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, name, _ ("Must be one of: %s."), choices);
  return FALSE;
}

gboolean
hall_param_date (JsonObject  *params,
                 const char  *name,
                 gboolean     required,
                 const char **out,
                 GError     **error)
{
  const char *value = NULL;
  guint       y, m, d;
  char        tail;

  if (!hall_param_string (params, name, required, 10, &value, error))
    return FALSE;
  if (value == NULL)
    return TRUE;

  if (strlen (value) != 10 || sscanf (value, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3
      || !g_date_valid_dmy (d, m, y) || y < 1900)
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, name,
                      _ ("Must be a date written as YYYY-MM-DD."));
      return FALSE;
    }

  *out = value;
  return TRUE;
}

gboolean
hall_param_array (JsonObject *params,
                  const char *name,
                  gboolean    required,
                  guint       max_len,
                  JsonArray **out,
                  GError    **error)
{
  JsonNode *node = get_member (params, name);

  if (node == NULL)
    return missing (name, required, error);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, name, _ ("Must be a list."));
      return FALSE;
    }

  if (max_len > 0 && json_array_get_length (json_node_get_array (node)) > max_len)
    {
      hall_set_error (
          error, HALL_ERROR_INVALID_ARGUMENT, name,
          g_dngettext (GETTEXT_PACKAGE, "At most %u entry.", "At most %u entries.", max_len),
          max_len);
      return FALSE;
    }

  *out = json_node_get_array (node);
  return TRUE;
}

gboolean
hall_param_object (JsonObject  *params,
                   const char  *name,
                   gboolean     required,
                   JsonObject **out,
                   GError     **error)
{
  JsonNode *node = get_member (params, name);

  if (node == NULL)
    return missing (name, required, error);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      hall_set_error (error, HALL_ERROR_INVALID_ARGUMENT, name, _ ("Must be an object."));
      return FALSE;
    }

  *out = json_node_get_object (node);
  return TRUE;
}
