/* hall-matter-view.c — one matter: details, petitioners, deadline, timeline and actions
 *
 * The view reads matter.get when given a matter, and again when the change feed names that matter
 * (several events in a row cost one read). An action opens its form in place; the engine's answer
 * either closes it (and the matter is read again) or puts the message at the field it names,
 * keeping what was typed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-json.h"
#include "hall-labels.h"
#include "hall-matter-format.h"
#include "hall-matter-view-private.h"
#include "hall-rows.h"

G_DEFINE_FINAL_TYPE (HallMatterView, hall_matter_view, HALL_TYPE_PAGE)

enum
{
  PROP_0,
  PROP_MATTER_ID,
  N_PROPS
};

enum
{
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

void
_hall_matter_view_emit_changed (HallMatterView *self)
{
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
}

JsonObject *
_hall_matter_view_get_matter (HallMatterView *self)
{
  return self->result != NULL ? json_object_get_object_member (self->result, "matter") : NULL;
}

static const char *
department_name (HallMatterView *self,
                 gint64          id)
{
  for (guint i = 0; self->departments != NULL && i < json_array_get_length (self->departments); i++)
    {
      JsonObject *department = json_array_get_object_element (self->departments, i);
      if (json_object_get_int_member_with_default (department, "id", 0) == id)
        return json_object_get_string_member_with_default (department, "name", "");
    }
  return NULL;
}

void
_hall_matter_view_add_detail_row (GtkListBox *list,
                                  const char *title,
                                  const char *value)
{
  GtkWidget *row;

  if (value == NULL || *value == '\0')
    return;
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), value);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "property");
  gtk_list_box_append (list, row);
}

static char *
format_at (JsonObject *entry)
{
  JsonNode *node = json_object_get_member (entry, "at");

  if (node != NULL && json_node_get_value_type (node) == G_TYPE_INT64)
    {
      g_autoptr (GDateTime) time = g_date_time_new_from_unix_local (json_node_get_int (node));
      return time ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("");
    }
  if (node != NULL && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));
  return g_strdup ("");
}

static char *
department_names (HallMatterView *self,
                  JsonArray      *ids)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
    {
      const char *name = department_name (self, json_array_get_int_element (ids, i));
      if (name != NULL)
        g_ptr_array_add (names, (gpointer) name);
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("、", (char **) names->pdata);
}

/* What a timeline entry's detail says, in a line: who it went to or came from, in which part,
 * until when, why. */
static char *
format_detail (HallMatterView *self,
               const char     *kind,
               JsonObject     *detail)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *returned = NULL;
  const char      *s;

  if (detail == NULL)
    return g_strdup ("");
  /* A flag the hall raised names its rule first; a talk or notice its kind and subject. */
  if ((s = _hall_json_string (detail, "rule")) != NULL)
    g_ptr_array_add (parts, g_strdup (hall_label_supervision_rule (s)));
  if (g_strcmp0 (kind, "talk") == 0)
    {
      g_ptr_array_add (parts, g_strdup (hall_label_talk_kind (_hall_json_string (detail, "kind"))));
      if ((s = _hall_json_string (detail, "date")) != NULL)
        g_ptr_array_add (parts, g_strdup (s));
      if ((s = _hall_json_string (detail, "department_name")) != NULL)
        g_ptr_array_add (parts, g_strdup (s));
      if ((s = _hall_json_string (detail, "subject")) != NULL)
        g_ptr_array_add (parts, g_strdup (s));
    }
  /* A progress note is the note first, then whose. */
  if ((s = _hall_json_string (detail, "text")) != NULL)
    g_ptr_array_add (parts, g_strdup (s));
  if (json_object_has_member (detail, "department_id"))
    {
      const char *name = department_name (
          self, json_object_get_int_member_with_default (detail, "department_id", 0));
      if (name != NULL && g_strcmp0 (kind, "assigned") == 0)
        /* Translators: a matter was assigned (交办) to this department */
        g_ptr_array_add (parts, g_strdup_printf (_ ("To %s"), name));
      else if (name != NULL)
        g_ptr_array_add (parts, g_strdup (name));
    }
  if ((s = _hall_json_string (detail, "role")) != NULL)
    g_ptr_array_add (parts, g_strdup (_hall_matter_format_assignment_role (s)));
  if ((s = _hall_json_string (detail, "leader_name")) != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_ ("To %s"), s));
  if ((s = _hall_json_string (detail, "deadline")) != NULL)
    /* Translators: %s is a date */
    g_ptr_array_add (parts, g_strdup_printf (_ ("Deadline %s"), s));
  if (g_strcmp0 (kind, "escalation_lapsed") == 0
      && (s = _hall_json_string (detail, "date")) != NULL)
    /* Translators: %s is the day the duty leader was to receive the visitor (接访日) */
    g_ptr_array_add (parts, g_strdup_printf (_ ("Reception day %s"), s));
  if (json_object_has_member (detail, "days") && !json_object_get_null_member (detail, "days"))
    g_ptr_array_add (parts,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d more day", "%d more days",
                                                   json_object_get_int_member (detail, "days")),
                                      (int) json_object_get_int_member (detail, "days")));
  if ((s = _hall_json_string (detail, "opinion")) != NULL)
    g_ptr_array_add (parts, g_strdup (hall_label_opinion (s)));
  if ((s = _hall_json_string (detail, "reason")) != NULL)
    g_ptr_array_add (parts, g_strdup (s));
  _hall_matter_view_add_answer_detail (kind, detail, parts);
  if (json_object_has_member (detail, "returned_department_ids")
      && JSON_NODE_HOLDS_ARRAY (json_object_get_member (detail, "returned_department_ids"))
      && *(returned = department_names (
               self, json_object_get_array_member (detail, "returned_department_ids"))))
    /* Translators: the cooperating departments (配合单位) sent back with the lead's objection */
    g_ptr_array_add (parts, g_strdup_printf (_ ("Returned with it: %s"), returned));
  /* 回访核实: how the call went, the check's person and dates */
  if ((s = _hall_json_string (detail, "result")) != NULL && !g_str_equal (s, "reached"))
    g_ptr_array_add (parts, g_strdup (hall_label_code ("followup_result", s)));
  if ((s = _hall_json_string (detail, "satisfaction")) != NULL)
    g_ptr_array_add (parts, g_strdup (hall_label_code ("satisfaction", s)));
  if (json_object_get_boolean_member_with_default (detail, "accepts", FALSE))
    /* Translators: the petitioner accepts the outcome and stops petitioning (息诉罢访) */
    g_ptr_array_add (parts, g_strdup (_ ("Accepts the outcome")));
  if ((s = _hall_json_string (detail, "person")) != NULL)
    /* Translators: %s is who checks on site (核实人) */
    g_ptr_array_add (parts, g_strdup_printf (_ ("Checked by %s"), s));
  if ((s = _hall_json_string (detail, "due_date")) != NULL
      || (s = _hall_json_string (detail, "rectify_due")) != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_ ("Deadline %s"), s));
  if ((s = _hall_json_string (detail, "note")) != NULL)
    g_ptr_array_add (parts, g_strdup (s));
  if ((s = _hall_json_string (detail, "instruction")) != NULL
      || (s = _hall_json_string (detail, "instructions")) != NULL)
    g_ptr_array_add (parts, g_strdup (s));
  if (json_object_get_boolean_member_with_default (detail, "late", FALSE))
    /* Translators: a step of a matter taken after its deadline */
    g_ptr_array_add (parts, g_strdup (_ ("late")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
show_result (HallMatterView *self)
{
  JsonObject      *matter = _hall_matter_view_get_matter (self);
  JsonArray       *petitioners = json_object_get_array_member (self->result, "petitioners");
  JsonArray       *timeline = json_object_get_array_member (self->result, "timeline");
  const char      *state = _hall_json_string (matter, "state");
  const char      *due_class = NULL;
  g_autofree char *due = _hall_matter_format_clocks_text (matter, &due_class);
  g_autofree char *summary = NULL;
  g_autofree char *persons = NULL;
  g_autofree char *first = NULL;
  g_autofree char *handling = NULL;
  const char      *category = _hall_json_string (matter, "category_name");

  if (matter == NULL)
    return;

  gtk_label_set_text (self->number_label, _hall_json_string (matter, "number"));
  gtk_label_set_text (self->state_label, hall_label_state (state));
  gtk_widget_set_css_classes (
      GTK_WIDGET (self->state_label),
      (const char *[]){ "state-badge", _hall_matter_format_state_class (state), NULL });
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), due != NULL);
  gtk_label_set_text (self->due_label, due ? due : "");
  gtk_widget_set_css_classes (GTK_WIDGET (self->due_label),
                              (const char *[]){ "due-badge", due_class, NULL });
  summary = g_strdup_printf ("%s · %s%s%s", hall_label_type (_hall_json_string (matter, "type")),
                             hall_label_channel (_hall_json_string (matter, "channel")),
                             category ? " · " : "", category ? category : "");
  gtk_label_set_text (self->summary_label, summary);

  _hall_rows_remove_all (self->details_list);
  /* Translators: the code a petitioner uses to check their matter at the kiosk */
  _hall_matter_view_add_detail_row (self->details_list, _ ("Query code"),
                                    _hall_json_string (matter, "query_code"));
  _hall_matter_view_add_detail_row (self->details_list, _ ("Content"),
                                    _hall_json_string (matter, "content"));
  if (json_object_get_boolean_member_with_default (matter, "is_collective", FALSE))
    /* Translators: %d people came together: a collective visit (集体访) */
    persons =
        g_strdup_printf (_ ("%d people, collective visit"),
                         (int) json_object_get_int_member_with_default (matter, "persons", 0));
  else
    persons = g_strdup_printf (
        "%d", (int) json_object_get_int_member_with_default (matter, "persons", 1));
  _hall_matter_view_add_detail_row (self->details_list, C_ ("matter", "Persons"), persons);
  /* Translators: the department that handles the matter now */
  _hall_matter_view_add_detail_row (self->details_list, _ ("Responsible department"),
                                    _hall_json_string (matter, "department_name"));
  if (json_object_get_int_member_with_default (matter, "first_counter_number", 0) > 0)
    /* Translators: first receiver (首接首办): person, window number, department */
    first = g_strdup_printf (_ ("%s, window %d, %s"),
                             _hall_json_string (matter, "first_user_name") ?: "",
                             (int) json_object_get_int_member (matter, "first_counter_number"),
                             _hall_json_string (matter, "first_department_name") ?: "");
  else
    first = g_strdup_printf ("%s, %s", _hall_json_string (matter, "first_user_name") ?: "",
                             _hall_json_string (matter, "first_department_name") ?: "");
  /* Translators: 首接首办: who first received the matter */
  _hall_matter_view_add_detail_row (self->details_list, _ ("First received by"), first);
  _hall_matter_view_add_detail_row (self->details_list, _ ("Received"),
                                    _hall_json_string (matter, "received_date"));
  _hall_matter_view_add_detail_row (self->details_list, _ ("Decision due"),
                                    _hall_json_string (matter, "decision_due"));
  if (json_object_get_int_member_with_default (matter, "extended_days", 0) > 0)
    /* Translators: the handling deadline and the days it was extended by */
    handling =
        g_strdup_printf (_ ("%s (extended by %d days)"), _hall_json_string (matter, "handling_due"),
                         (int) json_object_get_int_member (matter, "extended_days"));
  else
    handling = g_strdup (_hall_json_string (matter, "handling_due"));
  _hall_matter_view_add_detail_row (self->details_list, _ ("Handling due"), handling);
  _hall_matter_view_add_detail_row (self->details_list, _ ("Reason not accepted"),
                                    _hall_json_string (matter, "decline_reason"));
  _hall_matter_view_add_answer_rows (self);
  _hall_matter_view_add_detail_row (self->details_list, _ ("Closed"),
                                    _hall_json_string (matter, "closed_date"));

  _hall_matter_view_show_assignments (self);
  _hall_matter_view_show_links (self);

  _hall_rows_remove_all (self->petitioners_list);
  for (guint i = 0; petitioners != NULL && i < json_array_get_length (petitioners); i++)
    {
      JsonObject *p = json_array_get_object_element (petitioners, i);
      g_autoptr (GPtrArray) parts = g_ptr_array_new ();
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;
      const char      *sex = _hall_json_string (p, "sex");
      GtkWidget       *row = adw_action_row_new ();

      if (g_strcmp0 (_hall_json_string (p, "role"), "representative") == 0)
        /* Translators: a petitioner who represents a collective visit (代表) */
        title = g_strdup_printf (_ ("%s (representative)"), _hall_json_string (p, "name"));
      else
        title = g_strdup (_hall_json_string (p, "name"));
      if (_hall_json_string (p, "id_number"))
        g_ptr_array_add (parts, (gpointer) _hall_json_string (p, "id_number"));
      if (_hall_json_string (p, "phone"))
        g_ptr_array_add (parts, (gpointer) _hall_json_string (p, "phone"));
      if (sex != NULL)
        g_ptr_array_add (parts, (gpointer) (g_str_equal (sex, "male") ? _ ("male") : _ ("female")));
      if (_hall_json_string (p, "address"))
        g_ptr_array_add (parts, (gpointer) _hall_json_string (p, "address"));
      g_ptr_array_add (parts, NULL);
      subtitle = g_strjoinv (" · ", (char **) parts->pdata);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->petitioners_list, row);
    }

  _hall_rows_remove_all (self->timeline_list);
  for (guint i = 0; timeline != NULL && i < json_array_get_length (timeline); i++)
    {
      JsonObject *entry = json_array_get_object_element (timeline, i);
      JsonObject *detail =
          json_object_get_member (entry, "detail") != NULL
                  && JSON_NODE_HOLDS_OBJECT (json_object_get_member (entry, "detail"))
              ? json_object_get_object_member (entry, "detail")
              : NULL;
      const char      *kind = _hall_json_string (entry, "kind");
      g_autofree char *at = format_at (entry);
      g_autofree char *text = format_detail (self, kind, detail);
      g_autofree char *subtitle = NULL;
      const char      *who = _hall_json_string (entry, "user_name");
      GtkWidget       *row = adw_action_row_new ();

      if (who == NULL && json_object_has_member (entry, "user_id")
          && json_object_get_null_member (entry, "user_id"))
        /* Translators: a timeline entry the hall recorded by itself, not a person (系统记录) */
        who = _ ("Recorded by the hall");
      subtitle = g_strdup_printf ("%s · %s%s%s", at, who ?: "", *text ? " · " : "", text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hall_label_timeline (kind));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_name (row, kind);
      gtk_list_box_append (self->timeline_list, row);
    }

  gtk_stack_set_visible_child_name (self->stack, "matter");
  hall_page_update_actions (HALL_PAGE (self));
}
static void
info_cb (HallPage     *page,
         JsonObject   *reply,
         const GError *error,
         gpointer      user_data)
{
  HallMatterView *self = HALL_MATTER_VIEW (page);

  if (reply == NULL || !json_object_has_member (reply, "departments"))
    {
      self->info_requested = FALSE;
      return;
    }
  g_clear_pointer (&self->departments, json_array_unref);
  self->departments = json_array_ref (json_object_get_array_member (reply, "departments"));
  g_free (self->review_body);
  self->review_body = g_strdup (_hall_json_string (reply, "review_body"));
  g_free (self->today);
  self->today = g_strdup (_hall_json_string (reply, "today"));
  if (self->result != NULL)
    show_result (self);
}

static void
get_cb (HallPage     *page,
        JsonObject   *reply,
        const GError *error,
        gpointer      user_data)
{
  HallMatterView *self = HALL_MATTER_VIEW (page);

  /* The answer for a matter shown before this one. */
  if (GPOINTER_TO_UINT (user_data) != self->generation)
    return;
  gtk_spinner_stop (self->spinner);
  if (reply == NULL)
    {
      g_debug ("matter.get: %s", error->message);
      if (self->result == NULL)
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
      return;
    }
  g_clear_pointer (&self->result, json_object_unref);
  self->result = json_object_ref (reply);
  show_result (self);
}

/* The page for the matter until its answer comes: none chosen, or reading it. */
static void
show_waiting (HallMatterView *self)
{
  if (self->matter_id <= 0)
    {
      gtk_spinner_stop (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else if (self->result == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
}

static void
hall_matter_view_refresh (HallPage *page)
{
  HallMatterView *self = HALL_MATTER_VIEW (page);
  g_autoptr (JsonObject) params = NULL;

  show_waiting (self);
  if (self->matter_id <= 0)
    return;
  if (!self->info_requested)
    {
      self->info_requested = TRUE;
      hall_page_call (page, "hall.info", NULL, info_cb, NULL);
    }
  params = json_object_new ();
  json_object_set_int_member (params, "matter_id", self->matter_id);
  hall_page_load (page, "matter.get", params, get_cb, GUINT_TO_POINTER (self->generation));
}

static gboolean
state_in (const char *state,
          const char *first,
          ...)
{
  va_list  args;
  gboolean found = FALSE;

  va_start (args, first);
  for (const char *s = first; s != NULL && !found; s = va_arg (args, const char *))
    found = g_strcmp0 (state, s) == 0;
  va_end (args);
  return found;
}

void
_hall_matter_view_set_action (HallMatterView *self,
                              const char     *action,
                              GtkWidget      *button,
                              gboolean        allowed)
{
  GtkWidget *slot = gtk_widget_get_parent (button);

  /* The flow box's slot goes too, or a hidden action leaves a gap in the row of buttons. */
  gtk_widget_set_visible (button, allowed);
  if (GTK_IS_FLOW_BOX_CHILD (slot))
    gtk_widget_set_visible (slot, allowed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), action,
                                 allowed && hall_page_is_online (HALL_PAGE (self)) && !self->busy);
}

static gint64
user_department (HallClient *client)
{
  JsonObject *user = client != NULL ? hall_client_get_user (client) : NULL;

  return user != NULL ? json_object_get_int_member_with_default (user, "department_id", 0) : 0;
}

/* Window staff act on a matter of their department (responsible now or first receiving) or one
 * they registered; a department whose cooperating part ended only reads it. */
static gboolean
row_level (HallClient *client,
           JsonObject *matter)
{
  JsonObject *user = hall_client_get_user (client);
  gint64      department = user_department (client);
  gint64      user_id = user != NULL ? json_object_get_int_member_with_default (user, "id", 0) : 0;

  if (department > 0
      && (json_object_get_int_member_with_default (matter, "department_id", 0) == department
          || json_object_get_int_member_with_default (matter, "first_department_id", 0)
                 == department))
    return TRUE;
  return user_id > 0
         && json_object_get_int_member_with_default (matter, "first_user_id", 0) == user_id;
}

static void
hall_matter_view_update_actions (HallPage *page)
{
  HallMatterView *self = HALL_MATTER_VIEW (page);
  HallClient     *client = hall_page_get_client (page);
  JsonObject     *matter = _hall_matter_view_get_matter (self);
  const char     *state = _hall_json_string (matter, "state");
  const char     *role = client != NULL ? hall_client_get_role (client) : NULL;
  gboolean        online = hall_page_is_online (page);
  gboolean        staff = state_in (role, "staff", NULL);
  gboolean        reader = state != NULL && state_in (role, "staff", "manager", "leader", NULL);
  gint64          department = staff ? user_department (client) : 0;
  JsonObject     *part = _hall_matter_view_open_part (self, department);
  /* A window whose department cooperates on the matter adds notes and may object; only the
   * lead department acts on it, and after the reply a cooperating department only reads it. */
  gboolean cooperating = g_strcmp0 (_hall_json_string (part, "role"), "cooperate") == 0;
  gboolean writer = reader && !cooperating && (!staff || row_level (client, matter));
  gboolean handling = state_in (state, "accepted", "assigned", "objected", NULL);
  gboolean open = !state_in (state, "closed", "declined", "litigation", NULL);
  gboolean form = hall_action_form_get_name (self->action_form) != NULL;
  gboolean extended =
      matter != NULL && json_object_get_int_member_with_default (matter, "extended_days", 0) > 0;
  g_autoptr (GPtrArray) objectable = NULL;

  if (staff && department > 0)
    objectable = _hall_matter_view_objectable_parts (self, department);
  else if (state_in (role, "manager", NULL))
    objectable = _hall_matter_view_objectable_parts (self, 0);

  _hall_matter_view_set_action (self, "matter.accept", self->accept_button,
                                writer && state_in (state, "registered", NULL));
  _hall_matter_view_set_action (self, "matter.decline", self->decline_button,
                                writer && state_in (state, "registered", NULL));
  _hall_matter_view_set_action (self, "matter.assign", self->assign_button,
                                writer && (handling || state_in (state, "registered", NULL)));
  _hall_matter_view_set_action (self, "matter.object", self->object_button,
                                reader && state_in (state, "assigned", NULL) && objectable != NULL
                                    && objectable->len > 0);
  _hall_matter_view_set_action (self, "matter.note", self->note_button,
                                reader && open
                                    && (!staff || part != NULL || row_level (client, matter)));
  _hall_matter_view_set_action (self, "matter.escalate", self->escalate_button,
                                writer && !state_in (role, "leader", NULL) && open);
  _hall_matter_view_update_answer_actions (self, writer);
  _hall_matter_view_set_action (self, "matter.extend", self->extend_button,
                                writer && handling && !extended);
  _hall_matter_view_set_action (self, "matter.close", self->close_button,
                                writer
                                    && state_in (state, "replied", "reviewed", "rereviewed", NULL));
  /* Linking is row-level for window staff (a matter of theirs), open to managers and leaders. */
  _hall_matter_view_set_action (self, "matter.link", self->link_button,
                                reader && (!staff || row_level (client, matter)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matter.unlink",
                                 reader && (!staff || row_level (client, matter)) && online
                                     && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matter.apply", form && online && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matter.cancel", form);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matter.refresh",
                                 online && self->matter_id > 0);
  /* Papers print from what is shown, online or not. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matter.print-receipt", matter != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matter.print-notice",
                                 matter != NULL && !state_in (state, "registered", NULL));
  _hall_matter_view_update_paper_actions (self);
}

static void
hall_matter_view_event (HallPage   *page,
                        const char *kind,
                        JsonObject *event)
{
  HallMatterView *self = HALL_MATTER_VIEW (page);

  if (g_str_equal (kind, "setup.changed"))
    {
      self->info_requested = FALSE;
      hall_page_refresh (page);
    }
  else if (self->matter_id > 0 && g_str_has_prefix (kind, "matter.")
           && json_object_get_int_member_with_default (event, "matter_id", 0) == self->matter_id)
    hall_page_refresh (page);
}

/* The calls of the last client are forgotten: nothing is on its way any more. */
static void
client_changed_cb (HallMatterView *self)
{
  self->busy = FALSE;
  self->info_requested = FALSE;
}

static void
hall_matter_view_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), HALL_TYPE_MATTER_VIEW);
  G_OBJECT_CLASS (hall_matter_view_parent_class)->dispose (object);
}

static void
hall_matter_view_finalize (GObject *object)
{
  HallMatterView *self = HALL_MATTER_VIEW (object);

  g_clear_pointer (&self->result, json_object_unref);
  g_clear_pointer (&self->departments, json_array_unref);
  g_clear_pointer (&self->review_body, g_free);
  g_clear_pointer (&self->today, g_free);
  G_OBJECT_CLASS (hall_matter_view_parent_class)->finalize (object);
}

static void
hall_matter_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_MATTER_ID:
      g_value_set_int64 (value, HALL_MATTER_VIEW (object)->matter_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_matter_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_MATTER_ID:
      hall_matter_view_set_matter_id (HALL_MATTER_VIEW (object), g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_matter_view_class_init (HallMatterViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_matter_view_dispose;
  object_class->finalize = hall_matter_view_finalize;
  object_class->get_property = hall_matter_view_get_property;
  object_class->set_property = hall_matter_view_set_property;
  page_class->refresh = hall_matter_view_refresh;
  page_class->event = hall_matter_view_event;
  page_class->update_actions = hall_matter_view_update_actions;

  properties[PROP_MATTER_ID] =
      g_param_spec_int64 ("matter-id", NULL, NULL, 0, G_MAXINT64, 0,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After an action on the matter succeeded (lists showing it may want to read it again). */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (HALL_TYPE_ACTION_FORM);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/matter/hall-matter-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, HallMatterView, name)
  CHILD (stack);
  CHILD (spinner);
  CHILD (error_page);
  CHILD (number_label);
  CHILD (state_label);
  CHILD (due_label);
  CHILD (summary_label);
  CHILD (accept_button);
  CHILD (decline_button);
  CHILD (assign_button);
  CHILD (escalate_button);
  CHILD (reply_button);
  CHILD (review_request_button);
  CHILD (review_reply_button);
  CHILD (rereview_request_button);
  CHILD (rereview_reply_button);
  CHILD (extend_button);
  CHILD (close_button);
  CHILD (note_button);
  CHILD (object_button);
  CHILD (action_form);
  CHILD (details_list);
  CHILD (assignments_heading);
  CHILD (assignments_list);
  CHILD (links_heading);
  CHILD (link_button);
  CHILD (links_list);
  CHILD (petitioners_list);
  CHILD (timeline_list);
#undef CHILD

  _hall_matter_view_class_install_actions (widget_class);
  _hall_matter_view_class_install_answer_actions (widget_class);
  _hall_matter_view_class_install_link_actions (widget_class);
  _hall_matter_view_class_install_paper_actions (widget_class);
}

static void
hall_matter_view_init (HallMatterView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::client", G_CALLBACK (client_changed_cb), NULL);
  hall_matter_view_update_actions (HALL_PAGE (self));
}

GtkWidget *
hall_matter_view_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_MATTER_VIEW, "client", client, NULL);
}

GtkWidget *
hall_matter_view_new_in_window (GtkWindow  *parent,
                                HallClient *client,
                                const char *title)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *view = hall_matter_view_new (client);

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 680);
  gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), view);
  adw_window_set_content (ADW_WINDOW (window), box);
  return view;
}

gint64
hall_matter_view_get_matter_id (HallMatterView *self)
{
  g_return_val_if_fail (HALL_IS_MATTER_VIEW (self), 0);
  return self->matter_id;
}

void
hall_matter_view_set_matter_id (HallMatterView *self,
                                gint64          matter_id)
{
  g_return_if_fail (HALL_IS_MATTER_VIEW (self));

  if (self->matter_id == matter_id)
    return;
  self->matter_id = matter_id;
  self->generation++;
  g_clear_pointer (&self->result, json_object_unref);
  hall_action_form_close (self->action_form);
  show_waiting (self);
  hall_page_update_actions (HALL_PAGE (self));
  hall_page_refresh (HALL_PAGE (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATTER_ID]);
}

JsonObject *
hall_matter_view_get_result (HallMatterView *self)
{
  g_return_val_if_fail (HALL_IS_MATTER_VIEW (self), NULL);
  return self->result;
}

const char *
hall_matter_view_get_form (HallMatterView *self)
{
  g_return_val_if_fail (HALL_IS_MATTER_VIEW (self), NULL);
  return hall_action_form_get_name (self->action_form);
}
