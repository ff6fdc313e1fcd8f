/* hall-matter-format.c — how a matter's codes, clocks and history read to people, and the form
 * fields the matter pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter-format"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-matter-format.h"
#include "hall-ui-util.h"

const char *
_hall_mf_string (JsonObject *object,
                 const char *member)
{
  if (object == NULL || !json_object_has_member (object, member) || json_object_get_null_member (object, member))
    return NULL;
  return json_object_get_string_member_with_default (object, member, NULL);
}

const char *
_hall_mf_state_class (const char *state)
{
  if (g_strcmp0 (state, "closed") == 0 || g_strcmp0 (state, "declined") == 0
      || g_strcmp0 (state, "litigation") == 0)
    return "state-closed";
  if (g_strcmp0 (state, "registered") == 0 || g_strcmp0 (state, "objected") == 0)
    return "state-paused";
  return "state-open";
}

const char *
_hall_mf_counter_state_class (const char *state)
{
  if (g_strcmp0 (state, "open") == 0)
    return "state-open";
  if (g_strcmp0 (state, "paused") == 0)
    return "state-paused";
  return "state-closed";
}

char *
_hall_mf_due_text (gboolean     has_clock,
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
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d day", "Overdue by %d days", days),
                              (int) days);
    }
  if (css_class != NULL)
    *css_class = days_left <= 3 ? "due-soon" : "due-ok";
  if (days_left == 0)
    return g_strdup (_("Due today"));
  /* Translators: days until a matter's running deadline */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days_left), (int) days_left);
}

char *
_hall_mf_clocks_text (JsonObject  *matter,
                      const char **css_class)
{
  JsonArray *clocks = json_object_get_array_member (matter, "clocks");
  JsonObject *clock = NULL;

  for (guint i = 0; clocks != NULL && i < json_array_get_length (clocks); i++)
    {
      JsonObject *c = json_array_get_object_element (clocks, i);
      if (clock == NULL || g_strcmp0 (json_object_get_string_member_with_default (c, "clock", ""), "objection") != 0)
        clock = c;
      if (g_strcmp0 (json_object_get_string_member_with_default (c, "clock", ""), "objection") != 0)
        break;
    }
  if (clock == NULL)
    return _hall_mf_due_text (FALSE, 0, FALSE, css_class);
  return _hall_mf_due_text (TRUE, json_object_get_int_member_with_default (clock, "days_left", 0),
                                json_object_get_boolean_member_with_default (clock, "overdue", FALSE), css_class);
}

static void
add_error_row (AdwPreferencesGroup *group,
               GtkWidget           *field)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "field-error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_widget_set_visible (row, FALSE);
  adw_preferences_group_add (group, row);
  g_object_set_data (G_OBJECT (field), "hall-error-label", label);
}

GtkWidget *
_hall_mf_field_add (AdwPreferencesGroup *group,
                    const char          *name,
                    const char          *title,
                    GtkWidget           *row)
{
  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);
  add_error_row (group, row);
  return row;
}

GtkWidget *
_hall_mf_field_add_entry (AdwPreferencesGroup *group,
                          const char          *name,
                          const char          *title)
{
  return _hall_mf_field_add (group, name, title, adw_entry_row_new ());
}

GtkWidget *
_hall_mf_field_add_combo (AdwPreferencesGroup *group,
                          const char          *name,
                          const char          *title,
                          const char * const  *labels)
{
  GtkWidget *combo = adw_combo_row_new ();
  g_autoptr (GtkStringList) model = gtk_string_list_new (labels);

  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (model));
  return _hall_mf_field_add (group, name, title, combo);
}

void
_hall_mf_field_set_error (GtkWidget  *field,
                          const char *message)
{
  GtkWidget *label = g_object_get_data (G_OBJECT (field), "hall-error-label");

  g_return_if_fail (label != NULL);
  _hall_form_set_error (field, label, message);
}

void
_hall_mf_field_reset (GtkWidget *field)
{
  if (GTK_IS_EDITABLE (field))
    gtk_editable_set_text (GTK_EDITABLE (field), "");
  _hall_mf_field_set_error (field, NULL);
}

char *
_hall_mf_field_dup_text (GtkWidget *field)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field))));
}

void
_hall_mf_append_names (GtkStringList *list,
                       JsonArray     *objects)
{
  for (guint i = 0; objects != NULL && i < json_array_get_length (objects); i++)
    gtk_string_list_append (list, _hall_mf_string (json_array_get_object_element (objects, i), "name") ?: "");
}

const char *
_hall_mf_assignment_role (const char *role)
{
  if (g_strcmp0 (role, "cooperate") == 0)
    /* Translators: a department's part in a matter's assignment: 配合单位 */
    return _("Cooperating");
  /* Translators: a department's part in a matter's assignment: 牵头单位 */
  return _("Lead");
}

const char *
_hall_mf_assignment_state (const char *state)
{
  if (g_strcmp0 (state, "objected") == 0)
    /* Translators: a department's part in a matter: it objected (提出异议) */
    return C_("assignment", "Objected");
  if (g_strcmp0 (state, "reassigned") == 0)
    /* Translators: a department's part in a matter: the matter was assigned again (重新交办) */
    return C_("assignment", "Reassigned");
  if (g_strcmp0 (state, "returned") == 0)
    /* Translators: a cooperating department's part ended because the lead objected (随牵头单位退回) */
    return C_("assignment", "Returned with the lead");
  if (g_strcmp0 (state, "done") == 0)
    /* Translators: a department's part in a matter ended with the reply (已答复) */
    return C_("assignment", "Done");
  /* Translators: a department's part in a matter is open (办理中) */
  return C_("assignment", "Handling");
}

void
_hall_mf_escalate_fields (AdwPreferencesGroup *group)
{
  adw_preferences_group_set_description (group, _("The visitor’s ticket moves to the leader’s reception queue."));
  _hall_mf_field_add_entry (group, "note", _("Note (optional)"));
}

char *
_hall_mf_escalated_text (JsonObject *reply)
{
  JsonObject *escalation = json_object_get_object_member (reply, "escalation");

  /* Translators: toast: the visitor and their matter went to this leader's reception */
  return g_strdup_printf (_("Escalated to %s"), _hall_mf_string (escalation, "leader_name") ?: "");
}
