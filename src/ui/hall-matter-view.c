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

#include "hall-matter-format.h"
#include "hall-matter-view.h"
#include "hall-ui-util.h"

struct _HallMatterView
{
  AdwBin parent_instance;

  HallClient *client;
  GSignalGroup *client_signals; /* "event" */
  GSignalGroup *client_notify;  /* "notify::" */
  GCancellable *cancellable;
  gint64 matter_id;
  JsonObject *result;
  JsonArray *departments;  /* hall.info's, for the assign form and the timeline */
  gboolean loading;
  gboolean dirty;
  gboolean busy;           /* an action is on its way */
  gboolean info_requested;
  const char *form;        /* static string, NULL when no form is open */
  GtkWidget *form_group;

  GtkStack *stack;
  GtkSpinner *spinner;
  AdwStatusPage *error_page;
  GtkLabel *number_label;
  GtkLabel *state_label;
  GtkLabel *due_label;
  GtkLabel *summary_label;
  GtkWidget *accept_button;
  GtkWidget *decline_button;
  GtkWidget *assign_button;
  GtkWidget *escalate_button;
  GtkWidget *reply_button;
  GtkWidget *extend_button;
  GtkWidget *close_button;
  GtkRevealer *form_revealer;
  GtkLabel *form_title;
  GtkLabel *form_error;
  AdwBin *form_bin;
  GtkButton *apply_button;
  GtkListBox *details_list;
  GtkListBox *petitioners_list;
  GtkListBox *timeline_list;
};

G_DEFINE_FINAL_TYPE (HallMatterView, hall_matter_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_MATTER_ID,
  N_PROPS
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char * const opinion_codes[] = { "support", "explain", "reject", NULL };
static const char * const satisfaction_codes[] = { "satisfied", "basic", "dissatisfied", "none", NULL };
static const char * const outcome_codes[] = { "resolved", "educated", "assisted", "punished", NULL };

static void load (HallMatterView *self);
static void update_actions (HallMatterView *self);

static JsonObject *
get_matter (HallMatterView *self)
{
  return self->result != NULL ? json_object_get_object_member (self->result, "matter") : NULL;
}

static const char *
matter_string (JsonObject *matter,
               const char *member)
{
  if (matter == NULL || !json_object_has_member (matter, member) || json_object_get_null_member (matter, member))
    return NULL;
  return json_object_get_string_member_with_default (matter, member, NULL);
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

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_row (GtkListBox *list,
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

/* What a timeline entry's detail says, in a line: who it went to, until when, why. */
static char *
format_detail (HallMatterView *self,
               JsonObject     *detail)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *s;

  if (detail == NULL)
    return g_strdup ("");
  if (json_object_has_member (detail, "department_id"))
    {
      const char *name = department_name (self, json_object_get_int_member_with_default (detail, "department_id", 0));
      if (name != NULL)
        /* Translators: a matter was assigned (交办) to this department */
        g_ptr_array_add (parts, g_strdup_printf (_("To %s"), name));
    }
  if ((s = matter_string (detail, "leader_name")) != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("To %s"), s));
  if ((s = matter_string (detail, "deadline")) != NULL)
    /* Translators: %s is a date */
    g_ptr_array_add (parts, g_strdup_printf (_("Deadline %s"), s));
  if (json_object_has_member (detail, "days") && !json_object_get_null_member (detail, "days"))
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d more day", "%d more days",
                                                          json_object_get_int_member (detail, "days")),
                                             (int) json_object_get_int_member (detail, "days")));
  if ((s = matter_string (detail, "opinion")) != NULL)
    g_ptr_array_add (parts, g_strdup (_hall_mf_opinion_label (s)));
  if ((s = matter_string (detail, "reason")) != NULL)
    g_ptr_array_add (parts, g_strdup (s));
  if ((s = matter_string (detail, "note")) != NULL)
    g_ptr_array_add (parts, g_strdup (s));
  if ((s = matter_string (detail, "instruction")) != NULL)
    g_ptr_array_add (parts, g_strdup (s));
  if (json_object_get_boolean_member_with_default (detail, "late", FALSE))
    /* Translators: a step of a matter taken after its deadline */
    g_ptr_array_add (parts, g_strdup (_("late")));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static void
show_result (HallMatterView *self)
{
  JsonObject *matter = get_matter (self);
  JsonArray *petitioners = json_object_get_array_member (self->result, "petitioners");
  JsonArray *timeline = json_object_get_array_member (self->result, "timeline");
  const char *state = matter_string (matter, "state");
  const char *due_class = NULL;
  g_autofree char *due = _hall_mf_clocks_text (matter, &due_class);
  g_autofree char *summary = NULL;
  g_autofree char *persons = NULL;
  g_autofree char *first = NULL;
  g_autofree char *handling = NULL;
  const char *category = matter_string (matter, "category_name");

  if (matter == NULL)
    return;

  gtk_label_set_text (self->number_label, matter_string (matter, "number"));
  gtk_label_set_text (self->state_label, _hall_mf_state_label (state));
  gtk_widget_set_css_classes (GTK_WIDGET (self->state_label),
                              (const char *[]) { "state-badge", _hall_mf_state_class (state), NULL });
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), due != NULL);
  gtk_label_set_text (self->due_label, due ? due : "");
  gtk_widget_set_css_classes (GTK_WIDGET (self->due_label), (const char *[]) { "due-badge", due_class, NULL });
  summary = g_strdup_printf ("%s · %s%s%s", _hall_mf_type_label (matter_string (matter, "type")),
                             _hall_mf_channel_label (matter_string (matter, "channel")),
                             category ? " · " : "", category ? category : "");
  gtk_label_set_text (self->summary_label, summary);

  clear_list (self->details_list);
  /* Translators: the code a petitioner uses to check their matter at the kiosk */
  add_row (self->details_list, _("Query code"), matter_string (matter, "query_code"));
  add_row (self->details_list, _("Content"), matter_string (matter, "content"));
  if (json_object_get_boolean_member_with_default (matter, "is_collective", FALSE))
    /* Translators: %d people came together: a collective visit (集体访) */
    persons = g_strdup_printf (_("%d people, collective visit"), (int) json_object_get_int_member_with_default (matter, "persons", 0));
  else
    persons = g_strdup_printf ("%d", (int) json_object_get_int_member_with_default (matter, "persons", 1));
  add_row (self->details_list, C_("matter", "Persons"), persons);
  /* Translators: the department that handles the matter now */
  add_row (self->details_list, _("Responsible department"), matter_string (matter, "department_name"));
  if (json_object_get_int_member_with_default (matter, "first_counter_number", 0) > 0)
    /* Translators: first receiver (首接首办): person, window number, department */
    first = g_strdup_printf (_("%s, window %d, %s"), matter_string (matter, "first_user_name") ?: "",
                             (int) json_object_get_int_member (matter, "first_counter_number"),
                             matter_string (matter, "first_department_name") ?: "");
  else
    first = g_strdup_printf ("%s, %s", matter_string (matter, "first_user_name") ?: "",
                             matter_string (matter, "first_department_name") ?: "");
  /* Translators: 首接首办: who first received the matter */
  add_row (self->details_list, _("First received by"), first);
  add_row (self->details_list, _("Received"), matter_string (matter, "received_date"));
  add_row (self->details_list, _("Decision due"), matter_string (matter, "decision_due"));
  if (json_object_get_int_member_with_default (matter, "extended_days", 0) > 0)
    /* Translators: the handling deadline and the days it was extended by */
    handling = g_strdup_printf (_("%s (extended by %d days)"), matter_string (matter, "handling_due"),
                                (int) json_object_get_int_member (matter, "extended_days"));
  else
    handling = g_strdup (matter_string (matter, "handling_due"));
  add_row (self->details_list, _("Handling due"), handling);
  add_row (self->details_list, _("Reason not accepted"), matter_string (matter, "decline_reason"));
  if (matter_string (matter, "reply_opinion") != NULL)
    {
      g_autofree char *reply = g_strdup_printf ("%s: %s", _hall_mf_opinion_label (matter_string (matter, "reply_opinion")),
                                                matter_string (matter, "reply_text") ?: "");
      add_row (self->details_list, _("Reply"), reply);
    }
  add_row (self->details_list, _("Closed"), matter_string (matter, "closed_date"));

  clear_list (self->petitioners_list);
  for (guint i = 0; petitioners != NULL && i < json_array_get_length (petitioners); i++)
    {
      JsonObject *p = json_array_get_object_element (petitioners, i);
      g_autoptr (GPtrArray) parts = g_ptr_array_new ();
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;
      const char *sex = matter_string (p, "sex");
      GtkWidget *row = adw_action_row_new ();

      if (g_strcmp0 (matter_string (p, "role"), "representative") == 0)
        /* Translators: a petitioner who represents a collective visit (代表) */
        title = g_strdup_printf (_("%s (representative)"), matter_string (p, "name"));
      else
        title = g_strdup (matter_string (p, "name"));
      if (matter_string (p, "id_number"))
        g_ptr_array_add (parts, (gpointer) matter_string (p, "id_number"));
      if (matter_string (p, "phone"))
        g_ptr_array_add (parts, (gpointer) matter_string (p, "phone"));
      if (sex != NULL)
        g_ptr_array_add (parts, (gpointer) (g_str_equal (sex, "male") ? _("male") : _("female")));
      if (matter_string (p, "address"))
        g_ptr_array_add (parts, (gpointer) matter_string (p, "address"));
      g_ptr_array_add (parts, NULL);
      subtitle = g_strjoinv (" · ", (char **) parts->pdata);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->petitioners_list, row);
    }

  clear_list (self->timeline_list);
  for (guint i = 0; timeline != NULL && i < json_array_get_length (timeline); i++)
    {
      JsonObject *entry = json_array_get_object_element (timeline, i);
      JsonObject *detail = json_object_get_member (entry, "detail") != NULL
                             && JSON_NODE_HOLDS_OBJECT (json_object_get_member (entry, "detail"))
                             ? json_object_get_object_member (entry, "detail") : NULL;
      g_autofree char *at = format_at (entry);
      g_autofree char *text = format_detail (self, detail);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      subtitle = g_strdup_printf ("%s · %s%s%s", at, matter_string (entry, "user_name") ?: "",
                                  *text ? " · " : "", text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _hall_mf_timeline_label (matter_string (entry, "kind")));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_name (row, matter_string (entry, "kind"));
      gtk_list_box_append (self->timeline_list, row);
    }

  gtk_stack_set_visible_child_name (self->stack, "matter");
  update_actions (self);
}

static void
info_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (HallMatterView) self = user_data;
  g_autoptr (JsonObject) info = hall_client_call_finish (HALL_CLIENT (object), result, NULL);

  if (info == NULL || !json_object_has_member (info, "departments"))
    {
      self->info_requested = FALSE;
      return;
    }
  g_clear_pointer (&self->departments, json_array_unref);
  self->departments = json_array_ref (json_object_get_array_member (info, "departments"));
  if (self->result != NULL)
    show_result (self);
}

static void
get_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr (HallMatterView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);
  if (reply == NULL)
    {
      g_debug ("matter.get: %s", error->message);
      if (self->result == NULL)
        {
          adw_status_page_set_description (self->error_page, error->message);
          gtk_stack_set_visible_child_name (self->stack, "error");
        }
    }
  else
    {
      g_clear_pointer (&self->result, json_object_unref);
      self->result = g_steal_pointer (&reply);
      show_result (self);
    }
  if (self->dirty)
    load (self);
}

static void
load (HallMatterView *self)
{
  g_autoptr (JsonObject) params = NULL;

  if (self->matter_id <= 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  if (self->client == NULL || !hall_client_is_signed_in (self->client))
    return;
  if (self->loading)
    {
      self->dirty = TRUE;
      return;
    }
  if (!self->info_requested)
    {
      self->info_requested = TRUE;
      hall_client_call_async (self->client, "hall.info", NULL, NULL, info_cb, g_object_ref (self));
    }
  self->dirty = FALSE;
  self->loading = TRUE;
  if (self->result == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  params = json_object_new ();
  json_object_set_int_member (params, "matter_id", self->matter_id);
  hall_client_call_async (self->client, "matter.get", params, self->cancellable, get_cb, g_object_ref (self));
}

static gboolean
state_in (const char *state,
          const char *first,
          ...)
{
  va_list args;
  gboolean found = FALSE;

  va_start (args, first);
  for (const char *s = first; s != NULL && !found; s = va_arg (args, const char *))
    found = g_strcmp0 (state, s) == 0;
  va_end (args);
  return found;
}

static void
set_action (HallMatterView *self,
            const char     *action,
            GtkWidget      *button,
            gboolean        allowed,
            gboolean        connected)
{
  gtk_widget_set_visible (button, allowed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), action, allowed && connected && !self->busy);
}

static void
update_actions (HallMatterView *self)
{
  JsonObject *matter = get_matter (self);
  const char *state = matter_string (matter, "state");
  const char *role = self->client ? hall_client_get_role (self->client) : NULL;
  gboolean connected = self->client != NULL && hall_client_get_connected (self->client);
  gboolean writer = state != NULL && state_in (role, "staff", "manager", "leader", NULL);
  gboolean handling = state_in (state, "accepted", "assigned", "objected", NULL);

  set_action (self, "matter.accept", self->accept_button, writer && state_in (state, "registered", NULL), connected);
  set_action (self, "matter.decline", self->decline_button, writer && state_in (state, "registered", NULL), connected);
  set_action (self, "matter.assign", self->assign_button,
              writer && (handling || state_in (state, "registered", NULL)), connected);
  set_action (self, "matter.escalate", self->escalate_button,
              writer && !state_in (role, "leader", NULL) && !state_in (state, "closed", "declined", "litigation", NULL),
              connected);
  set_action (self, "matter.reply", self->reply_button, writer && handling, connected);
  set_action (self, "matter.extend", self->extend_button,
              writer && handling && json_object_get_int_member_with_default (matter, "extended_days", 0) == 0,
              connected);
  set_action (self, "matter.close", self->close_button,
              writer && state_in (state, "replied", "reviewed", "rereviewed", NULL), connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matter.apply", self->form != NULL && connected && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matter.cancel", self->form != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matter.refresh", connected && self->matter_id > 0);
}

static void
close_form (HallMatterView *self)
{
  self->form = NULL;
  self->form_group = NULL;
  gtk_revealer_set_reveal_child (self->form_revealer, FALSE);
  adw_bin_set_child (self->form_bin, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
  update_actions (self);
}

static GtkWidget *
form_field (HallMatterView *self,
            const char     *name)
{
  return self->form_group ? _hall_find_named (self->form_group, name) : NULL;
}

static void
fill_departments (HallMatterView *self,
                  GtkWidget      *combo)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  JsonObject *matter = get_matter (self);
  gint64 current = json_object_get_int_member_with_default (matter, "department_id", 0);

  for (guint i = 0; self->departments != NULL && i < json_array_get_length (self->departments); i++)
    {
      JsonObject *d = json_array_get_object_element (self->departments, i);
      if (!json_object_get_boolean_member_with_default (d, "active", TRUE))
        continue;
      gtk_string_list_append (names, json_object_get_string_member_with_default (d, "name", ""));
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (names));
  for (guint i = 0, j = 0; self->departments != NULL && i < json_array_get_length (self->departments); i++)
    {
      JsonObject *d = json_array_get_object_element (self->departments, i);
      if (!json_object_get_boolean_member_with_default (d, "active", TRUE))
        continue;
      if (json_object_get_int_member_with_default (d, "id", 0) == current)
        adw_combo_row_set_selected (ADW_COMBO_ROW (combo), j);
      j++;
    }
}

static gint64
selected_department (HallMatterView *self,
                     GtkWidget      *combo)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (combo));

  for (guint i = 0, j = 0; self->departments != NULL && i < json_array_get_length (self->departments); i++)
    {
      JsonObject *d = json_array_get_object_element (self->departments, i);
      if (!json_object_get_boolean_member_with_default (d, "active", TRUE))
        continue;
      if (j++ == selected)
        return json_object_get_int_member (d, "id");
    }
  return 0;
}

static void
open_form (HallMatterView *self,
           const char     *form)
{
  AdwPreferencesGroup *group;
  JsonObject *matter = get_matter (self);
  const char *title = NULL, *apply = NULL;

  if (matter == NULL)
    return;
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  if (g_str_equal (form, "accept"))
    {
      title = _("Accept the matter");
      apply = _("_Accept");
      _hall_mf_field_add_entry (group, "note", _("Note (optional)"));
    }
  else if (g_str_equal (form, "decline"))
    {
      title = _("Decline the matter");
      apply = _("_Decline");
      /* Translators: why a matter is not accepted (不予受理) */
      _hall_mf_field_add_entry (group, "reason", _("Reason"));
    }
  else if (g_str_equal (form, "assign"))
    {
      GtkWidget *combo;
      GtkWidget *deadline;
      const char *due = matter_string (matter, "handling_due");

      title = _("Assign to a department");
      apply = _("A_ssign");
      combo = _hall_mf_field_add_combo (group, "department", _("Department"), NULL);
      fill_departments (self, combo);
      deadline = _hall_mf_field_add_entry (group, "deadline", _("Deadline (YYYY-MM-DD)"));
      if (due != NULL)
        gtk_editable_set_text (GTK_EDITABLE (deadline), due);
      _hall_mf_field_add_entry (group, "note", _("Note (optional)"));
    }
  else if (g_str_equal (form, "escalate"))
    {
      title = _("Escalate to today’s duty leader");
      apply = _("_Escalate");
      adw_preferences_group_set_description (group, _("The visitor’s ticket moves to the leader’s reception queue."));
      _hall_mf_field_add_entry (group, "note", _("Note (optional)"));
    }
  else if (g_str_equal (form, "reply"))
    {
      const char *opinions[] = { _("Supported"), _("Explained"), _("Not supported"), NULL };

      title = _("Reply to the petitioner");
      apply = _("_Reply");
      _hall_mf_field_add_combo (group, "opinion", _("Opinion"), opinions);
      _hall_mf_field_add_entry (group, "text", _("Reply text"));
    }
  else if (g_str_equal (form, "extend"))
    {
      title = _("Extend the handling deadline");
      apply = _("E_xtend");
      _hall_mf_field_add_entry (group, "days", _("Days (1–30)"));
      _hall_mf_field_add_entry (group, "reason", _("Reason"));
      /* Translators: the head who approved the extension */
      _hall_mf_field_add_entry (group, "approver", _("Approved by"));
    }
  else if (g_str_equal (form, "close"))
    {
      const char *satisfaction[] = { _("Satisfied"), _("Basically satisfied"), _("Dissatisfied"), _("Not rated"), NULL };
      const char *outcomes[] = { _("Reasonable claim resolved"), _("Unreasonable claim: educated"),
                                 _("Hardship: assisted"), _("Unlawful: dealt with by law"), NULL };

      title = _("Close the matter");
      apply = _("_Close Matter");
      _hall_mf_field_add_combo (group, "satisfaction", _("Satisfaction"), satisfaction);
      _hall_mf_field_add_combo (group, "outcome", _("Outcome"), outcomes);
      _hall_mf_field_add_entry (group, "note", _("Closing note (optional)"));
    }
  else
    g_return_if_reached ();

  self->form = form;
  self->form_group = GTK_WIDGET (group);
  adw_bin_set_child (self->form_bin, GTK_WIDGET (group));
  gtk_label_set_text (self->form_title, title);
  gtk_button_set_label (self->apply_button, apply);
  gtk_button_set_use_underline (self->apply_button, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
  gtk_revealer_set_reveal_child (self->form_revealer, TRUE);
  update_actions (self);
}

static void
show_form_error (HallMatterView *self,
                 const char     *field,
                 const char     *message)
{
  GtkWidget *widget;

  if (field != NULL)
    {
      widget = form_field (self, g_str_equal (field, "department_id") ? "department" : field);
      if (widget != NULL)
        {
          _hall_mf_field_set_error (widget, message);
          gtk_widget_grab_focus (widget);
          return;
        }
    }
  gtk_label_set_text (self->form_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), TRUE);
}

static void
action_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (HallMatterView) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);

  self->busy = FALSE;
  if (reply == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_form_error (self, hall_error_get_field (error), error->message);
      update_actions (self);
      return;
    }
  if (self->form != NULL && g_str_equal (self->form, "escalate"))
    {
      JsonObject *escalation = json_object_get_object_member (reply, "escalation");
      g_autofree char *text = g_strdup_printf (_("Escalated to %s"),
                                               escalation ? json_object_get_string_member_with_default (escalation, "leader_name", "") : "");
      _hall_mf_toast (GTK_WIDGET (self), text);
    }
  else
    _hall_mf_toast (GTK_WIDGET (self), _("Done"));
  close_form (self);
  g_signal_emit (self, signals[SIGNAL_CHANGED], 0);
  load (self);
}

static void
send_form (HallMatterView *self)
{
  g_autoptr (JsonObject) params = json_object_new ();
  g_autofree char *command = NULL;
  gboolean ok = TRUE;

  json_object_set_int_member (params, "matter_id", self->matter_id);
  if (g_str_equal (self->form, "decline") || g_str_equal (self->form, "reply") || g_str_equal (self->form, "extend"))
    {
      const char *required[] = { "reason", "text", "approver" };
      for (guint i = 0; i < G_N_ELEMENTS (required); i++)
        {
          GtkWidget *field = form_field (self, required[i]);
          g_autofree char *text = field ? _hall_mf_field_dup_text (field) : NULL;
          if (field == NULL)
            continue;
          if (*text == '\0')
            {
              _hall_mf_field_set_error (field, _("Fill this in."));
              ok = FALSE;
            }
          else
            {
              _hall_mf_field_set_error (field, NULL);
              json_object_set_string_member (params, required[i], text);
            }
        }
    }
  {
    GtkWidget *note = form_field (self, "note");
    g_autofree char *text = note ? _hall_mf_field_dup_text (note) : NULL;
    if (text != NULL && *text)
      json_object_set_string_member (params, "note", text);
  }
  if (g_str_equal (self->form, "assign"))
    {
      GtkWidget *deadline = form_field (self, "deadline");
      g_autofree char *text = _hall_mf_field_dup_text (deadline);
      GDate date;

      g_date_clear (&date, 1);
      if (strlen (text) == 10)
        g_date_set_parse (&date, text);
      if (strlen (text) != 10 || !g_date_valid (&date) || text[4] != '-' || text[7] != '-')
        {
          _hall_mf_field_set_error (deadline, _("Enter the date as YYYY-MM-DD, for example 2026-10-15."));
          ok = FALSE;
        }
      else
        {
          _hall_mf_field_set_error (deadline, NULL);
          json_object_set_string_member (params, "deadline", text);
        }
      json_object_set_int_member (params, "department_id", selected_department (self, form_field (self, "department")));
    }
  if (g_str_equal (self->form, "extend"))
    {
      GtkWidget *days = form_field (self, "days");
      g_autofree char *text = _hall_mf_field_dup_text (days);
      gint64 value = 0;

      if (!g_ascii_string_to_signed (text, 10, 1, 30, &value, NULL))
        {
          _hall_mf_field_set_error (days, _("Enter a number of days from 1 to 30."));
          ok = FALSE;
        }
      else
        {
          _hall_mf_field_set_error (days, NULL);
          json_object_set_int_member (params, "days", value);
        }
    }
  if (g_str_equal (self->form, "reply"))
    json_object_set_string_member (params, "opinion",
                                   opinion_codes[adw_combo_row_get_selected (ADW_COMBO_ROW (form_field (self, "opinion")))]);
  if (g_str_equal (self->form, "close"))
    {
      json_object_set_string_member (params, "satisfaction",
                                     satisfaction_codes[adw_combo_row_get_selected (ADW_COMBO_ROW (form_field (self, "satisfaction")))]);
      json_object_set_string_member (params, "outcome",
                                     outcome_codes[adw_combo_row_get_selected (ADW_COMBO_ROW (form_field (self, "outcome")))]);
    }
  if (!ok)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
  command = g_strconcat ("matter.", self->form, NULL);
  self->busy = TRUE;
  update_actions (self);
  hall_client_call_async (self->client, command, params, NULL, action_cb, g_object_ref (self));
}

static void
confirm_cb (AdwMessageDialog *dialog,
            const char       *response,
            HallMatterView   *self)
{
  if (g_str_equal (response, "confirm") && self->form != NULL)
    send_form (self);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HallMatterView *self = HALL_MATTER_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->form == NULL || self->busy)
    return;
  /* Declining and closing cannot be undone: ask first, when there is a window to ask in. */
  if ((g_str_equal (self->form, "decline") || g_str_equal (self->form, "close")) && GTK_IS_WINDOW (root))
    {
      gboolean decline = g_str_equal (self->form, "decline");

      dialog = adw_message_dialog_new (GTK_WINDOW (root),
                                       decline ? _("Decline This Matter?") : _("Close This Matter?"),
                                       decline ? _("The petitioner will be told it is not accepted. This cannot be undone.")
                                               : _("The matter leaves the open lists. A review can still be asked for."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                        "confirm", decline ? _("_Decline") : _("_Close Matter"), NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                                  decline ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
      g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  send_form (self);
}

static void
form_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  /* "matter.accept" → "accept"; the strings live as long as the class. */
  static const char * const forms[] = { "accept", "decline", "assign", "escalate", "reply", "extend", "close" };
  const char *name = action_name + strlen ("matter.");

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (g_str_equal (name, forms[i]))
      open_form (HALL_MATTER_VIEW (widget), forms[i]);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  close_form (HALL_MATTER_VIEW (widget));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  load (HALL_MATTER_VIEW (widget));
}

static void
event_cb (HallMatterView *self,
          JsonObject     *event)
{
  const char *kind = json_object_get_string_member_with_default (event, "kind", "");

  if (g_str_equal (kind, "setup.changed"))
    {
      self->info_requested = FALSE;
      load (self);
      return;
    }
  if (self->matter_id > 0 && g_str_has_prefix (kind, "matter.")
      && json_object_get_int_member_with_default (event, "matter_id", 0) == self->matter_id)
    load (self);
}

static void
connected_cb (HallMatterView *self)
{
  update_actions (self);
  if (self->client != NULL && hall_client_get_connected (self->client))
    load (self);
}

static void
hall_matter_view_dispose (GObject *object)
{
  HallMatterView *self = HALL_MATTER_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client_signals != NULL)
    g_signal_group_set_target (self->client_signals, NULL);
  if (self->client_notify != NULL)
    g_signal_group_set_target (self->client_notify, NULL);
  g_clear_object (&self->client_signals);
  g_clear_object (&self->client_notify);
  g_clear_object (&self->client);
  self->form_group = NULL;
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_MATTER_VIEW);
  G_OBJECT_CLASS (hall_matter_view_parent_class)->dispose (object);
}

static void
hall_matter_view_finalize (GObject *object)
{
  HallMatterView *self = HALL_MATTER_VIEW (object);

  g_clear_pointer (&self->result, json_object_unref);
  g_clear_pointer (&self->departments, json_array_unref);
  G_OBJECT_CLASS (hall_matter_view_parent_class)->finalize (object);
}

static void
hall_matter_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HallMatterView *self = HALL_MATTER_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_MATTER_ID:
      g_value_set_int64 (value, self->matter_id);
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
  HallMatterView *self = HALL_MATTER_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      hall_matter_view_set_client (self, g_value_get_object (value));
      break;
    case PROP_MATTER_ID:
      hall_matter_view_set_matter_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_matter_view_class_init (HallMatterViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hall_matter_view_dispose;
  object_class->finalize = hall_matter_view_finalize;
  object_class->get_property = hall_matter_view_get_property;
  object_class->set_property = hall_matter_view_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HALL_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_MATTER_ID] =
    g_param_spec_int64 ("matter-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* After an action on the matter succeeded (lists showing it may want to read it again). */
  signals[SIGNAL_CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                          NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xinfanghall/Hall/ui/hall-matter-view.ui");
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, stack);
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, spinner);
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, error_page);
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, number_label);
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, state_label);
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, due_label);
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, accept_button);
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, decline_button);
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, assign_button);
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, escalate_button);
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, reply_button);
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, extend_button);
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, close_button);
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, form_revealer);
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, form_title);
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, form_error);
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, form_bin);
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, apply_button);
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, details_list);
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, petitioners_list);
  gtk_widget_class_bind_template_child (widget_class, HallMatterView, timeline_list);

  gtk_widget_class_install_action (widget_class, "matter.accept", NULL, form_action);
  gtk_widget_class_install_action (widget_class, "matter.decline", NULL, form_action);
  gtk_widget_class_install_action (widget_class, "matter.assign", NULL, form_action);
  gtk_widget_class_install_action (widget_class, "matter.escalate", NULL, form_action);
  gtk_widget_class_install_action (widget_class, "matter.reply", NULL, form_action);
  gtk_widget_class_install_action (widget_class, "matter.extend", NULL, form_action);
  gtk_widget_class_install_action (widget_class, "matter.close", NULL, form_action);
  gtk_widget_class_install_action (widget_class, "matter.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "matter.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "matter.refresh", NULL, refresh_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "matter.cancel", NULL);
}

static void
hall_matter_view_init (HallMatterView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->client_signals = g_signal_group_new (HALL_TYPE_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "event", G_CALLBACK (event_cb), self);
  self->client_notify = g_signal_group_new (G_TYPE_OBJECT);
  g_signal_group_connect_swapped (self->client_notify, "notify::connected", G_CALLBACK (connected_cb), self);
  g_signal_group_connect_swapped (self->client_notify, "notify::user", G_CALLBACK (connected_cb), self);
  update_actions (self);
}

GtkWidget *
hall_matter_view_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_MATTER_VIEW, "client", client, NULL);
}

HallClient *
hall_matter_view_get_client (HallMatterView *self)
{
  g_return_val_if_fail (HALL_IS_MATTER_VIEW (self), NULL);
  return self->client;
}

void
hall_matter_view_set_client (HallMatterView *self,
                             HallClient     *client)
{
  g_return_if_fail (HALL_IS_MATTER_VIEW (self));
  g_return_if_fail (client == NULL || HALL_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->loading = FALSE;
  self->info_requested = FALSE;
  g_signal_group_set_target (self->client_signals, client);
  g_signal_group_set_target (self->client_notify, client);
  update_actions (self);
  load (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
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
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->loading = FALSE;
  g_clear_pointer (&self->result, json_object_unref);
  close_form (self);
  load (self);
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
  return self->form;
}
