/* hall-matter-format.c — how a matter's states, clocks and assignments read to people, and the
 * fields of escalating it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter-format"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-matter-format.h"
#include "hall-form.h"
#include "hall-json.h"

const char *
_hall_matter_format_state_class (const char *state)
{
  if (g_strcmp0 (state, "closed") == 0 || g_strcmp0 (state, "declined") == 0
      || g_strcmp0 (state, "litigation") == 0)
    return "state-closed";
  if (g_strcmp0 (state, "registered") == 0 || g_strcmp0 (state, "objected") == 0)
    return "state-paused";
  return "state-open";
}

char *
_hall_matter_format_due_text (gboolean     has_clock,
                              gint64       days_left,
                              gboolean     overdue,
                              const char **css_class)
{
  if (!has_clock)
    {
      if (css_class != NULL)
        *css_class = NULL;
      return NULL;
    }
  if (overdue || days_left < 0)
    {
      gint64 days = MAX (-days_left, 1);
      if (css_class != NULL)
        *css_class = "overdue";
      /* Translators: a matter's running deadline has passed */
      return g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "Overdue by %d day", "Overdue by %d days", days),
          (int) days);
    }
  if (css_class != NULL)
    *css_class = days_left <= 3 ? "due-soon" : "due-ok";
  if (days_left == 0)
    return g_strdup (_ ("Due today"));
  /* Translators: days until a matter's running deadline */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days_left),
                          (int) days_left);
}

char *
_hall_matter_format_clocks_text (JsonObject  *matter,
                                 const char **css_class)
{
  JsonArray  *clocks = json_object_get_array_member (matter, "clocks");
  JsonObject *clock = NULL;

  for (guint i = 0; clocks != NULL && i < json_array_get_length (clocks); i++)
    {
      JsonObject *c = json_array_get_object_element (clocks, i);
      if (clock == NULL
          || g_strcmp0 (json_object_get_string_member_with_default (c, "clock", ""), "objection")
                 != 0)
        clock = c;
      if (g_strcmp0 (json_object_get_string_member_with_default (c, "clock", ""), "objection") != 0)
        break;
    }
  if (clock == NULL)
    return _hall_matter_format_due_text (FALSE, 0, FALSE, css_class);
  return _hall_matter_format_due_text (
      TRUE, json_object_get_int_member_with_default (clock, "days_left", 0),
      json_object_get_boolean_member_with_default (clock, "overdue", FALSE), css_class);
}

const char *
_hall_matter_format_assignment_role (const char *role)
{
  if (g_strcmp0 (role, "cooperate") == 0)
    /* Translators: a department's part in a matter's assignment: 配合单位 */
    return _ ("Cooperating");
  /* Translators: a department's part in a matter's assignment: 牵头单位 */
  return _ ("Lead");
}

const char *
_hall_matter_format_assignment_state (const char *state)
{
  if (g_strcmp0 (state, "objected") == 0)
    /* Translators: a department's part in a matter: it objected (提出异议) */
    return C_ ("assignment", "Objected");
  if (g_strcmp0 (state, "reassigned") == 0)
    /* Translators: a department's part in a matter: the matter was assigned again (重新交办) */
    return C_ ("assignment", "Reassigned");
  if (g_strcmp0 (state, "returned") == 0)
    /* Translators: a cooperating department's part ended because the lead objected (随牵头单位退回) */
    return C_ ("assignment", "Returned with the lead");
  if (g_strcmp0 (state, "done") == 0)
    /* Translators: a department's part in a matter ended with the reply (已答复) */
    return C_ ("assignment", "Done");
  /* Translators: a department's part in a matter is open (办理中) */
  return C_ ("assignment", "Handling");
}

void
_hall_matter_format_escalate_fields (AdwPreferencesGroup *group)
{
  adw_preferences_group_set_description (
      group, _ ("The visitor’s ticket moves to the leader’s reception queue."));
  _hall_form_add_entry (group, "note", _ ("Note (optional)"));
}

char *
_hall_matter_format_escalated_text (JsonObject *reply)
{
  JsonObject *escalation = json_object_get_object_member (reply, "escalation");

  /* Translators: toast: the visitor and their matter went to this leader's reception */
  return g_strdup_printf (_ ("Escalated to %s"),
                          _hall_json_string (escalation, "leader_name") ?: "");
}
