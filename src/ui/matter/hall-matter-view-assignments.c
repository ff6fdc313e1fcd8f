/* hall-matter-view-assignments.c — the departments a matter is assigned to (交办): the current
 * round's lead (牵头单位) and cooperating departments (配合单位) with their deadlines and states,
 * earlier rounds folded away, and the department fields of the assign and objection forms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-form.h"
#include "hall-json.h"
#include "hall-matter-format.h"
#include "hall-matter-view-private.h"
#include "hall-rows.h"

static JsonArray *
assignments (HallMatterView *self)
{
  return self->result != NULL && json_object_has_member (self->result, "assignments")
             ? json_object_get_array_member (self->result, "assignments")
             : NULL;
}

static gint64
current_round (HallMatterView *self)
{
  JsonArray *list = assignments (self);
  gint64     round = 0;

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    round = MAX (round, json_object_get_int_member_with_default (
                            json_array_get_object_element (list, i), "round", 1));
  return round;
}

static char *
dup_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static gboolean
is_open (JsonObject *assignment)
{
  return g_strcmp0 (_hall_json_string (assignment, "state"), "open") == 0;
}

/* What a department's part says under its name: deadline, state, the objection window, why it
 * ended (the round's note is the timeline's). Earlier rounds say which round they were. */
static char *
assignment_text (JsonObject *assignment,
                 gboolean    earlier,
                 const char *today)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *deadline = _hall_json_string (assignment, "deadline");
  const char *until = _hall_json_string (assignment, "objection_until");
  const char *s;

  if (earlier)
    {
      /* Translators: an earlier assignment round (第几次交办) of a matter */
      g_ptr_array_add (
          parts, g_strdup_printf (_ ("Round %d"), (int) json_object_get_int_member_with_default (
                                                      assignment, "round", 1)));
      g_ptr_array_add (parts, g_strdup (_hall_matter_format_assignment_role (
                                  _hall_json_string (assignment, "role"))));
    }
  if (deadline != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_ ("Deadline %s"), deadline));
  g_ptr_array_add (parts, g_strdup (_hall_matter_format_assignment_state (
                              _hall_json_string (assignment, "state"))));
  if (is_open (assignment) && until != NULL && g_strcmp0 (today, until) <= 0)
    /* Translators: %s is a date: the department may object (提出异议) until then */
    g_ptr_array_add (parts, g_strdup_printf (_ ("May object until %s"), until));
  if ((s = _hall_json_string (assignment, "reason")) != NULL)
    g_ptr_array_add (parts, g_strdup (s));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
assignment_row (JsonObject *assignment,
                gboolean    earlier,
                const char *today)
{
  GtkWidget       *row = adw_action_row_new ();
  g_autofree char *name =
      g_strdup_printf ("assignment-%" G_GINT64_FORMAT,
                       json_object_get_int_member_with_default (assignment, "department_id", 0));
  g_autofree char *subtitle = assignment_text (assignment, earlier, today);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 _hall_json_string (assignment, "department_name") ?: "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (earlier)
    gtk_widget_add_css_class (row, "dim-label");
  else
    {
      GtkWidget *role = gtk_label_new (
          _hall_matter_format_assignment_role (_hall_json_string (assignment, "role")));

      gtk_widget_set_name (role, "assignment-role");
      gtk_widget_set_valign (role, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (
          role, g_strcmp0 (_hall_json_string (assignment, "role"), "cooperate") == 0 ? "dim-label"
                                                                                     : "heading");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), role);
      gtk_widget_set_name (row, name);
    }
  return row;
}

void
_hall_matter_view_show_assignments (HallMatterView *self)
{
  JsonArray       *list = assignments (self);
  gint64           round = current_round (self);
  g_autofree char *today = dup_today ();
  GtkWidget       *earlier = NULL;

  _hall_rows_remove_all (self->assignments_list);
  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *assignment = json_array_get_object_element (list, i);

      if (json_object_get_int_member_with_default (assignment, "round", 1) == round)
        gtk_list_box_append (self->assignments_list, assignment_row (assignment, FALSE, today));
    }
  /* Earlier rounds, the latest first (each lead first), folded under the current one. */
  for (gint64 r = round - 1; r > 0; r--)
    for (guint i = 0; i < json_array_get_length (list); i++)
      {
        JsonObject *assignment = json_array_get_object_element (list, i);

        if (json_object_get_int_member_with_default (assignment, "round", 1) != r)
          continue;
        if (earlier == NULL)
          {
            earlier = adw_expander_row_new ();
            gtk_widget_set_name (earlier, "earlier_assignments");
            /* Translators: folded list of a matter's earlier assignment rounds (以往交办) */
            adw_preferences_row_set_title (ADW_PREFERENCES_ROW (earlier),
                                           _ ("Earlier assignments"));
            gtk_list_box_append (self->assignments_list, earlier);
          }
        adw_expander_row_add_row (ADW_EXPANDER_ROW (earlier),
                                  assignment_row (assignment, TRUE, today));
      }
  gtk_widget_set_visible (self->assignments_heading, round > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->assignments_list), round > 0);
}

JsonObject *
_hall_matter_view_open_part (HallMatterView *self,
                             gint64          department_id)
{
  JsonArray *list = assignments (self);
  gint64     round = current_round (self);

  for (guint i = 0; department_id > 0 && list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *assignment = json_array_get_object_element (list, i);

      if (json_object_get_int_member_with_default (assignment, "round", 1) == round
          && is_open (assignment)
          && json_object_get_int_member_with_default (assignment, "department_id", 0)
                 == department_id)
        return assignment;
    }
  return NULL;
}

GPtrArray *
_hall_matter_view_objectable_parts (HallMatterView *self,
                                    gint64          department_id)
{
  JsonArray       *list = assignments (self);
  gint64           round = current_round (self);
  g_autofree char *today = dup_today ();
  GPtrArray       *parts = g_ptr_array_new ();

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *assignment = json_array_get_object_element (list, i);
      const char *until = _hall_json_string (assignment, "objection_until");

      if (json_object_get_int_member_with_default (assignment, "round", 1) == round
          && is_open (assignment) && until != NULL && g_strcmp0 (today, until) <= 0
          && (department_id == 0
              || json_object_get_int_member_with_default (assignment, "department_id", 0)
                     == department_id))
        g_ptr_array_add (parts, assignment);
    }
  return parts;
}

/* A department drop-down keeps the ids of its items, so it answers for what it shows even when
 * the hall's departments are read again while the form is open. */
static void
set_department_items (GtkWidget  *combo,
                      GPtrArray  *departments,
                      const char *id_member,
                      const char *name_member,
                      gint64      selected)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < departments->len; i++)
    {
      gint64           id = json_object_get_int_member_with_default (departments->pdata[i], id_member, 0);
      const char      *name = _hall_json_string (departments->pdata[i], name_member) ?: "";
      const char      *role = _hall_json_string (departments->pdata[i], "role");
      g_autofree char *label = NULL;

      g_array_append_val (ids, id);
      if (role != NULL)
        /* Translators: a department and its part in the assignment, e.g. 城建（配合单位） */
        label = g_strdup_printf (_ ("%s (%s)"), name, _hall_matter_format_assignment_role (role));
      gtk_string_list_append (names, label != NULL ? label : name);
    }
  g_object_set_data_full (G_OBJECT (combo), "hall-department-ids", ids,
                          (GDestroyNotify) g_array_unref);
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (names));
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == selected)
      adw_combo_row_set_selected (ADW_COMBO_ROW (combo), i);
}

gint64
_hall_matter_view_selected_department (GtkWidget *combo)
{
  GArray *ids = g_object_get_data (G_OBJECT (combo), "hall-department-ids");
  guint   selected = adw_combo_row_get_selected (ADW_COMBO_ROW (combo));

  return ids != NULL && selected < ids->len ? g_array_index (ids, gint64, selected) : 0;
}

/* The departments a matter may be assigned to (the active ones), in the hall's order. */
static GPtrArray *
assignable_departments (HallMatterView *self)
{
  GPtrArray *departments = g_ptr_array_new ();

  for (guint i = 0; self->departments != NULL && i < json_array_get_length (self->departments); i++)
    {
      JsonObject *department = json_array_get_object_element (self->departments, i);

      if (json_object_get_boolean_member_with_default (department, "active", TRUE))
        g_ptr_array_add (departments, department);
    }
  return departments;
}

GtkWidget *
_hall_matter_view_add_lead_field (HallMatterView      *self,
                                  AdwPreferencesGroup *group)
{
  g_autoptr (GPtrArray) departments = assignable_departments (self);
  /* Translators: the department that leads the handling of a matter (牵头单位) */
  GtkWidget *combo = _hall_form_add_combo (group, "department_id", _ ("Lead department"), NULL);

  JsonObject *matter = _hall_matter_view_get_matter (self);

  set_department_items (combo, departments, "id", "name",
                        json_object_get_int_member_with_default (matter, "department_id", 0));
  return combo;
}

GtkWidget *
_hall_matter_view_add_part_field (HallMatterView      *self,
                                  AdwPreferencesGroup *group,
                                  GPtrArray           *parts)
{
  /* Translators: the department whose part of the assignment is objected to (提出异议) */
  GtkWidget *combo = _hall_form_add_combo (group, "department_id", _ ("Department"), NULL);

  set_department_items (combo, parts, "department_id", "department_name", 0);
  return combo;
}

/* The check buttons of the cooperating departments, each with its department's id. */
static GPtrArray *
cooperating_checks (GtkWidget *field)
{
  return g_object_get_data (G_OBJECT (field), "hall-checks");
}

static gint64
check_department (GtkWidget *check)
{
  gint64 *id = g_object_get_data (G_OBJECT (check), "hall-department-id");

  return id != NULL ? *id : 0;
}

/* The field's subtitle names the departments chosen. */
static void
cooperating_toggled_cb (GtkWidget *field)
{
  GPtrArray *checks = cooperating_checks (field);
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autofree char *chosen = NULL;

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (checks->pdata[i]))
      g_ptr_array_add (names, g_object_get_data (checks->pdata[i], "hall-department-name"));
  g_ptr_array_add (names, NULL);
  chosen = g_strjoinv ("、", (char **) names->pdata);
  /* Translators: no cooperating department (配合单位) is chosen in the assign form */
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (field),
                                 *chosen != '\0' ? chosen : _ ("None (optional)"));
}

/* The lead department cannot also cooperate: its row goes while it leads. */
static void
lead_changed_cb (GtkWidget  *combo,
                 GParamSpec *pspec,
                 GtkWidget  *field)
{
  GPtrArray *checks = cooperating_checks (field);
  gint64     lead = _hall_matter_view_selected_department (combo);

  for (guint i = 0; i < checks->len; i++)
    {
      GtkWidget *check = checks->pdata[i];
      gboolean   leads = check_department (check) == lead;

      if (leads)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
      gtk_widget_set_visible (gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW), !leads);
    }
}

GtkWidget *
_hall_matter_view_add_cooperating_field (HallMatterView      *self,
                                         AdwPreferencesGroup *group,
                                         GtkWidget           *lead)
{
  g_autoptr (GPtrArray) departments = assignable_departments (self);
  GPtrArray *checks = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *field = adw_expander_row_new ();

  /* Translators: the departments that cooperate on a matter with the lead one (配合单位) */
  _hall_form_add_field (group, "cooperating_department_ids", _ ("Cooperating departments"), field);
  g_object_set_data_full (G_OBJECT (field), "hall-checks", checks,
                          (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < departments->len; i++)
    {
      gint64           id = json_object_get_int_member_with_default (departments->pdata[i], "id", 0);
      const char      *department_name = _hall_json_string (departments->pdata[i], "name") ?: "";
      g_autofree char *name = g_strdup_printf ("cooperate-%" G_GINT64_FORMAT, id);
      GtkWidget       *row = adw_action_row_new ();
      GtkWidget       *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), department_name);
      gtk_widget_set_name (check, name);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      department_name, -1);
      g_object_set_data_full (G_OBJECT (check), "hall-department-id", g_memdup2 (&id, sizeof id),
                              g_free);
      g_object_set_data_full (G_OBJECT (check), "hall-department-name", g_strdup (department_name),
                              g_free);
      /* A new round keeps the departments cooperating now, unless changed. */
      gtk_check_button_set_active (
          GTK_CHECK_BUTTON (check),
          g_strcmp0 (_hall_json_string (_hall_matter_view_open_part (self, id), "role"),
                     "cooperate")
              == 0);
      g_signal_connect_object (check, "toggled", G_CALLBACK (cooperating_toggled_cb), field,
                               G_CONNECT_SWAPPED);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (field), row);
      g_ptr_array_add (checks, g_object_ref (check));
    }
  g_signal_connect_object (lead, "notify::selected", G_CALLBACK (lead_changed_cb), field, 0);
  lead_changed_cb (lead, NULL, field);
  cooperating_toggled_cb (field);
  return field;
}

JsonArray *
_hall_matter_view_dup_cooperating (GtkWidget *field)
{
  GPtrArray *checks = cooperating_checks (field);
  JsonArray *ids = json_array_new ();

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (checks->pdata[i]))
      json_array_add_int_element (ids, check_department (checks->pdata[i]));
  return ids;
}
