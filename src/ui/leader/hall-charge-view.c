/* hall-charge-view.c — one charged matter (包案): the 五个一 checklist, its deadline, minutes and
 * progress
 *
 * Shows a charge as leader.charge_get gives it; the leader fills in the working group, plan and
 * stability measures, and adds meeting minutes and progress notes, each through
 * leader.charge_update; closing the charge for good (with a closing note) asks first. A change
 * made elsewhere to the same charge is shown without replacing what the leader is typing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-charge-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hall-charge-view.h"
#include "hall-date-row.h"
#include "hall-dialog.h"
#include "hall-form.h"
#include "hall-format.h"
#include "hall-json.h"
#include "hall-labels.h"
#include "hall-leader-format.h"
#include "hall-rows.h"

#define GROUP_MAX_MEMBERS 30
#define GROUP_MEMBER_MAX_CHARS 60

struct _HallChargeView
{
  HallPage parent_instance;

  gboolean busy;
  const char
             *pending; /* what the leader.charge_update under way adds: "save", "minutes", "progress" */
  JsonObject *current;

  GtkLabel            *detail_title;
  GtkLabel            *detail_badge;
  GtkLabel            *detail_subtitle;
  AdwPreferencesGroup *checklist_group;
  AdwActionRow        *check_leader_row, *check_working_group_row, *check_plan_row, *check_minutes_row,
      *check_stability_measures_row;
  GtkImage *check_leader_icon, *check_working_group_icon, *check_plan_icon, *check_minutes_icon,
      *check_stability_measures_icon;
  GtkLabel *check_leader_state, *check_working_group_state, *check_plan_state, *check_minutes_state,
      *check_stability_measures_state;
  AdwEntryRow         *group_row;
  GtkLabel            *group_error;
  HallDateRow         *deadline_row;
  GtkLabel            *deadline_error;
  GtkTextView         *plan_view;
  GtkLabel            *plan_error;
  GtkTextView         *stability_view;
  GtkLabel            *stability_error;
  GtkListBox          *minutes_list;
  HallDateRow         *minutes_date_row;
  GtkTextView         *minutes_view;
  GtkLabel            *minutes_error;
  GtkListBox          *progress_list;
  GtkTextView         *progress_view;
  GtkLabel            *progress_error;
  AdwPreferencesGroup *close_group;
  GtkTextView         *closing_view;
  GtkLabel            *closing_error;
  GtkLabel            *general_error;
  HallFormField
      fields[9]; /* where the hall's errors show: the field they name, else general_error */
};

G_DEFINE_FINAL_TYPE (HallChargeView, hall_charge_view, HALL_TYPE_PAGE)

enum
{
  SAVED,
  SHOW_MATTER,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
hall_charge_view_update_actions (HallPage *page)
{
  HallChargeView *self = HALL_CHARGE_VIEW (page);
  gboolean        editable = hall_page_is_online (page) && !self->busy && self->current != NULL
                      && !_hall_json_flag (self->current, "closed");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charge.save", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charge.add-minutes", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charge.add-progress", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charge.close", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charge.show-matter", self->current != NULL);
}

static void
set_busy (HallChargeView *self,
          gboolean        busy)
{
  self->busy = busy;
  hall_charge_view_update_actions (HALL_PAGE (self));
}

static void
set_check (GtkImage   *icon,
           GtkLabel   *state,
           JsonObject *checklist,
           const char *item)
{
  gboolean done = _hall_json_flag (checklist, item);

  gtk_image_set_from_icon_name (icon, done ? "object-select-symbolic" : "dialog-warning-symbolic");
  /* Translators: state of one 五个一 checklist item */
  gtk_label_set_text (state, done ? _ ("Done") : _ ("Missing"));
  _hall_leader_format_state_badge (GTK_WIDGET (state), done);
}

static char *
join_members (JsonArray *members)
{
  g_autoptr (GString) text = g_string_new (NULL);

  for (guint i = 0; members != NULL && i < json_array_get_length (members); i++)
    {
      if (i > 0)
        g_string_append (text, _ (", "));
      g_string_append (text, json_array_get_string_element (members, i));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
entry_row_new (JsonObject *entry)
{
  GtkWidget       *row = adw_action_row_new ();
  g_autofree char *title = NULL;

  /* Translators: a minutes or progress entry: its date and who wrote it */
  title = g_strdup_printf (_ ("%s · %s"),
                           json_object_get_string_member_with_default (entry, "date", ""),
                           json_object_get_string_member_with_default (entry, "by_name", ""));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               json_object_get_string_member_with_default (entry, "text", ""));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_add_css_class (row, "property");
  return row;
}

static void
fill_entries (GtkListBox *list,
              JsonArray  *entries)
{
  _hall_rows_remove_all (list);
  for (guint i = 0; entries != NULL && i < json_array_get_length (entries); i++)
    gtk_list_box_append (list, entry_row_new (json_array_get_object_element (entries, i)));
}

/* @fill: also put the charge into the fields the leader edits (on opening and after saving). */
static void
show_charge (HallChargeView *self,
             JsonObject     *charge,
             gboolean        fill)
{
  JsonObject      *checklist = json_object_get_object_member (charge, "checklist");
  JsonArray       *members = json_object_get_array_member (charge, "working_group");
  JsonArray       *minutes = json_object_get_array_member (charge, "minutes");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *group_title = NULL;
  g_autofree char *member_text = join_members (members);
  g_autofree char *minutes_text = NULL;
  const char      *deadline = json_object_get_string_member_with_default (charge, "deadline", NULL);
  const char      *plan_date = json_object_get_string_member_with_default (charge, "plan_date", NULL);
  g_autofree char *charged =
      _hall_format_date (json_object_get_int_member_with_default (charge, "charged_at", 0));

  g_clear_pointer (&self->current, json_object_unref);
  self->current = json_object_ref (charge);

  /* Translators: title of a charged matter (包案), %s is its number */
  title =
      g_strdup_printf (_ ("Charged Matter %s"),
                       json_object_get_string_member_with_default (charge, "matter_number", ""));
  gtk_label_set_text (self->detail_title, title);
  /* Translators: under a charged matter's title: its state, handling deadline and the day the
   * leader took charge */
  subtitle = g_strdup_printf (
      _ ("%s · handling deadline %s · in charge since %s"),
      hall_label_state (json_object_get_string_member_with_default (charge, "matter_state", "")),
      json_object_get_string_member_with_default (charge, "handling_due", "—"), charged);
  gtk_label_set_text (self->detail_subtitle, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_badge), deadline != NULL);
  if (deadline != NULL)
    _hall_leader_format_due_badge (self->detail_badge,
                                   json_object_get_int_member_with_default (charge, "days_left", 0),
                                   _hall_json_flag (charge, "overdue"), deadline);

  /* Translators: heading of the 五个一 checklist, "3 of 5 done" */
  group_title =
      g_strdup_printf (_ ("Five Ones: %d of %d Done"),
                       (int) json_object_get_int_member_with_default (charge, "complete", 0),
                       (int) json_object_get_int_member_with_default (charge, "items", 5));
  adw_preferences_group_set_title (self->checklist_group, group_title);
  set_check (self->check_leader_icon, self->check_leader_state, checklist, "leader");
  set_check (self->check_working_group_icon, self->check_working_group_state, checklist,
             "working_group");
  set_check (self->check_plan_icon, self->check_plan_state, checklist, "plan");
  set_check (self->check_minutes_icon, self->check_minutes_state, checklist, "minutes");
  set_check (self->check_stability_measures_icon, self->check_stability_measures_state, checklist,
             "stability_measures");
  adw_action_row_set_subtitle (self->check_leader_row, json_object_get_string_member_with_default (
                                                           charge, "leader_name", ""));
  adw_action_row_set_subtitle (self->check_working_group_row, member_text);
  adw_action_row_set_subtitle (self->check_plan_row, plan_date ? plan_date : "");
  minutes_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u meeting", "%u meetings",
                                               minutes ? json_array_get_length (minutes) : 0),
                                  minutes ? json_array_get_length (minutes) : 0);
  adw_action_row_set_subtitle (self->check_minutes_row, minutes_text);
  adw_action_row_set_subtitle (
      self->check_stability_measures_row,
      json_object_get_string_member_with_default (charge, "stability_measures", ""));

  fill_entries (self->minutes_list, minutes);
  fill_entries (self->progress_list, json_object_get_array_member (charge, "progress"));

  if (fill)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->group_row), member_text);
      hall_date_row_set_date (self->deadline_row, deadline);
      _hall_form_text_view_set_text (
          self->plan_view, json_object_get_string_member_with_default (charge, "plan", ""));
      _hall_form_text_view_set_text (
          self->stability_view,
          json_object_get_string_member_with_default (charge, "stability_measures", ""));
    }
  if (fill || _hall_json_flag (charge, "closed"))
    _hall_form_text_view_set_text (self->closing_view, json_object_get_string_member_with_default (
                                                           charge, "closing_note", ""));
  gtk_text_view_set_editable (self->closing_view, !_hall_json_flag (charge, "closed"));
  adw_preferences_group_set_title (self->close_group,
                                   _hall_json_flag (charge, "closed")
                                       /* Translators: heading: the charge (包案) is closed */
                                       ? _ ("The Charge Is Closed")
                                       : _ ("Close the Charge"));
  hall_charge_view_update_actions (HALL_PAGE (self));
}

/* Where the hall's errors show: the field they name, else under the form. */
static void
init_fields (HallChargeView *self)
{
  const HallFormField fields[] = {
    { "working_group*", GTK_WIDGET (self->group_row), GTK_WIDGET (self->group_error) },
    { "deadline", GTK_WIDGET (self->deadline_row), GTK_WIDGET (self->deadline_error) },
    { "plan*", GTK_WIDGET (self->plan_view), GTK_WIDGET (self->plan_error) },
    { "stability_measures", GTK_WIDGET (self->stability_view), GTK_WIDGET (self->stability_error) },
    { "minutes*", GTK_WIDGET (self->minutes_view), GTK_WIDGET (self->minutes_error) },
    { "progress", GTK_WIDGET (self->progress_view), GTK_WIDGET (self->progress_error) },
    { "closing_note", GTK_WIDGET (self->closing_view), GTK_WIDGET (self->closing_error) },
    { "closed", GTK_WIDGET (self->closing_view), GTK_WIDGET (self->closing_error) },
    { "*", GTK_WIDGET (self->general_error), GTK_WIDGET (self->general_error) },
  };

  G_STATIC_ASSERT (sizeof fields == sizeof self->fields);
  memcpy (self->fields, fields, sizeof fields);
}

static void
clear_errors (HallChargeView *self)
{
  _hall_form_clear_errors (self->fields, G_N_ELEMENTS (self->fields), NULL);
}

static void
update_cb (HallPage     *page,
           JsonObject   *reply,
           const GError *error,
           gpointer      user_data)
{
  HallChargeView *self = HALL_CHARGE_VIEW (page);
  const char     *what = self->pending;

  set_busy (self, FALSE);
  if (reply == NULL)
    {
      _hall_form_show_error (self->fields, G_N_ELEMENTS (self->fields), error, NULL);
      return;
    }
  if (g_strcmp0 (what, "minutes") == 0)
    {
      _hall_form_text_view_set_text (self->minutes_view, "");
      hall_date_row_set_date (self->minutes_date_row, NULL);
    }
  else if (g_strcmp0 (what, "progress") == 0)
    _hall_form_text_view_set_text (self->progress_view, "");
  show_charge (self, json_object_get_object_member (reply, "charge"),
               g_strcmp0 (what, "save") == 0);
  g_signal_emit (self, signals[SAVED], 0);
}

static void
send_update (HallChargeView *self,
             JsonObject     *params,
             const char     *what)
{
  clear_errors (self);
  json_object_set_int_member (params, "charge_id",
                              json_object_get_int_member (self->current, "id"));
  set_busy (self, TRUE);
  self->pending = what;
  hall_page_call (HALL_PAGE (self), "leader.charge_update", params, update_cb, NULL);
}

static JsonArray *
split_members (const char  *text,
               const char **message)
{
  g_autoptr (JsonArray) members = json_array_new ();
  g_autofree char *normalized = g_strdup (text);
  g_auto (GStrv) parts = NULL;

  /* Chinese commas and 顿号 separate names as well as ASCII commas. */
  {
    g_autoptr (GString) s = g_string_new (text);
    g_string_replace (s, "，", ",", 0);
    g_string_replace (s, "、", ",", 0);
    g_string_replace (s, ";", ",", 0);
    g_string_replace (s, "；", ",", 0);
    g_free (normalized);
    normalized = g_string_free (g_steal_pointer (&s), FALSE);
  }
  parts = g_strsplit (normalized, ",", -1);
  *message = NULL;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *member = g_strstrip (parts[i]);

      if (*member == '\0')
        continue;
      if (g_utf8_strlen (member, -1) > GROUP_MEMBER_MAX_CHARS)
        *message = _ ("Keep each member to 60 characters: a name and a unit.");
      json_array_add_string_element (members, member);
    }
  if (json_array_get_length (members) > GROUP_MAX_MEMBERS)
    *message = _ ("A working group has at most 30 members.");
  return g_steal_pointer (&members);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HallChargeView *self = HALL_CHARGE_VIEW (widget);
  g_autoptr (JsonObject) params = json_object_new ();
  g_autoptr (JsonArray) members = NULL;
  g_autofree char *old_members =
      join_members (json_object_get_array_member (self->current, "working_group"));
  g_autofree char *plan = _hall_form_text_view_dup_text (self->plan_view);
  g_autofree char *measures = _hall_form_text_view_dup_text (self->stability_view);
  const char      *deadline = NULL;
  const char      *message = NULL;

  clear_errors (self);
  members = split_members (gtk_editable_get_text (GTK_EDITABLE (self->group_row)), &message);
  if (message != NULL)
    {
      _hall_form_set_error (GTK_WIDGET (self->group_row), GTK_WIDGET (self->group_error), message);
      return;
    }
  if (!hall_date_row_check (self->deadline_row, FALSE))
    return;
  deadline = hall_date_row_get_date (self->deadline_row);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->group_row)), old_members) != 0)
    json_object_set_array_member (params, "working_group", g_steal_pointer (&members));
  if (*plan
      && g_strcmp0 (plan, json_object_get_string_member_with_default (self->current, "plan", ""))
             != 0)
    json_object_set_string_member (params, "plan", plan);
  if (*measures
      && g_strcmp0 (measures, json_object_get_string_member_with_default (self->current,
                                                                          "stability_measures", ""))
             != 0)
    json_object_set_string_member (params, "stability_measures", measures);
  if (deadline != NULL
      && g_strcmp0 (deadline,
                    json_object_get_string_member_with_default (self->current, "deadline", ""))
             != 0)
    json_object_set_string_member (params, "deadline", deadline);
  if (json_object_get_size (params) == 0)
    {
      _hall_form_set_error (
          GTK_WIDGET (self->general_error), GTK_WIDGET (self->general_error),
          _ ("Nothing has changed: fill in the working group, plan or stability measures first."));
      return;
    }
  send_update (self, params, "save");
}

static void
add_minutes_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HallChargeView *self = HALL_CHARGE_VIEW (widget);
  g_autoptr (JsonObject) params = json_object_new ();
  JsonObject      *minutes;
  g_autofree char *text = _hall_form_text_view_dup_text (self->minutes_view);
  const char      *date;

  clear_errors (self);
  if (*text == '\0')
    {
      _hall_form_set_error (GTK_WIDGET (self->minutes_view), GTK_WIDGET (self->minutes_error),
                            _ ("Write down what the meeting decided."));
      return;
    }
  if (!hall_date_row_check (self->minutes_date_row, FALSE))
    return;
  date = hall_date_row_get_date (self->minutes_date_row);
  minutes = json_object_new ();
  json_object_set_string_member (minutes, "text", text);
  if (date != NULL)
    json_object_set_string_member (minutes, "date", date);
  json_object_set_object_member (params, "minutes", minutes);
  send_update (self, params, "minutes");
}

static void
add_progress_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HallChargeView *self = HALL_CHARGE_VIEW (widget);
  g_autoptr (JsonObject) params = json_object_new ();
  g_autofree char *text = _hall_form_text_view_dup_text (self->progress_view);

  clear_errors (self);
  if (*text == '\0')
    {
      _hall_form_set_error (GTK_WIDGET (self->progress_view), GTK_WIDGET (self->progress_error),
                            _ ("Write down the progress first."));
      return;
    }
  json_object_set_string_member (params, "progress", text);
  send_update (self, params, "progress");
}

static void
close_response_cb (HallChargeView   *self,
                   const char       *response,
                   AdwMessageDialog *dialog)
{
  g_autoptr (JsonObject) params = NULL;
  g_autofree char *note = NULL;

  if (g_strcmp0 (response, "close") != 0 || self->current == NULL || self->busy
      || _hall_json_flag (self->current, "closed"))
    return;
  note = _hall_form_text_view_dup_text (self->closing_view);
  params = json_object_new ();
  json_object_set_boolean_member (params, "closed", TRUE);
  json_object_set_string_member (params, "closing_note", note);
  send_update (self, params, "close");
}

/* Closing is for good: write the closing note, then confirm. */
static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HallChargeView  *self = HALL_CHARGE_VIEW (widget);
  g_autofree char *note = _hall_form_text_view_dup_text (self->closing_view);
  g_autofree char *heading = NULL;

  clear_errors (self);
  if (*note == '\0')
    {
      _hall_form_set_error (GTK_WIDGET (self->closing_view), GTK_WIDGET (self->closing_error),
                            _ ("Write how the matter was settled before closing the charge."));
      return;
    }
  /* Translators: question before closing a charged matter (包案), %s is the matter number */
  heading = g_strdup_printf (
      _ ("Close the Charge of %s?"),
      json_object_get_string_member_with_default (self->current, "matter_number", ""));
  _hall_dialog_confirm (
      widget, 0, NULL, heading,
      _ ("The charge ends for good: its checklist, minutes and progress can no longer be "
         "changed, and the matter leaves your charged matters."),
      /* Translators: button that closes a charged matter (包案) */
      "close", _ ("C_lose the Charge"), G_CALLBACK (close_response_cb));
}

static void
reloaded_cb (HallPage     *page,
             JsonObject   *reply,
             const GError *error,
             gpointer      user_data)
{
  HallChargeView *self = HALL_CHARGE_VIEW (page);
  JsonObject     *charge = reply ? json_object_get_object_member (reply, "charge") : NULL;

  if (charge != NULL && self->current != NULL && !self->busy
      && json_object_get_int_member (charge, "id")
             == json_object_get_int_member (self->current, "id"))
    show_charge (self, charge, FALSE);
}

static void
show_matter_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HallChargeView *self = HALL_CHARGE_VIEW (widget);

  if (self->current != NULL)
    g_signal_emit (self, signals[SHOW_MATTER], 0,
                   json_object_get_int_member (self->current, "matter_id"));
}

static void
hall_charge_view_event (HallPage   *page,
                        const char *kind,
                        JsonObject *event)
{
  HallChargeView *self = HALL_CHARGE_VIEW (page);
  g_autoptr (JsonObject) params = NULL;

  if (self->current == NULL || self->busy || !g_str_has_prefix (kind, "leader.charge")
      || json_object_get_int_member_with_default (event, "charge_id", 0)
             != json_object_get_int_member (self->current, "id"))
    return;
  params = _hall_json_params_id ("charge_id", json_object_get_int_member (self->current, "id"));
  hall_page_call (page, "leader.charge_get", params, reloaded_cb, NULL);
}

/* An update sent with another client will not answer. */
static void
client_changed_cb (HallChargeView *self)
{
  self->busy = FALSE;
}

static void
hall_charge_view_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), HALL_TYPE_CHARGE_VIEW);
  G_OBJECT_CLASS (hall_charge_view_parent_class)->dispose (object);
}

static void
hall_charge_view_finalize (GObject *object)
{
  HallChargeView *self = HALL_CHARGE_VIEW (object);

  g_clear_pointer (&self->current, json_object_unref);
  G_OBJECT_CLASS (hall_charge_view_parent_class)->finalize (object);
}

static void
hall_charge_view_class_init (HallChargeViewClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_charge_view_dispose;
  object_class->finalize = hall_charge_view_finalize;
  page_class->event = hall_charge_view_event;
  page_class->update_actions = hall_charge_view_update_actions;

  /* An update was kept; the view shows the charge as the hall has it now. */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);
  /* The leader asked for the matter's details (its id). */
  signals[SHOW_MATTER] = g_signal_new ("show-matter", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (HALL_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/leader/hall-charge-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, HallChargeView, name)
  CHILD (detail_title);
  CHILD (detail_badge);
  CHILD (detail_subtitle);
  CHILD (checklist_group);
  CHILD (check_leader_row);
  CHILD (check_working_group_row);
  CHILD (check_plan_row);
  CHILD (check_minutes_row);
  CHILD (check_stability_measures_row);
  CHILD (check_leader_icon);
  CHILD (check_working_group_icon);
  CHILD (check_plan_icon);
  CHILD (check_minutes_icon);
  CHILD (check_stability_measures_icon);
  CHILD (check_leader_state);
  CHILD (check_working_group_state);
  CHILD (check_plan_state);
  CHILD (check_minutes_state);
  CHILD (check_stability_measures_state);
  CHILD (group_row);
  CHILD (group_error);
  CHILD (deadline_row);
  CHILD (deadline_error);
  CHILD (plan_view);
  CHILD (plan_error);
  CHILD (stability_view);
  CHILD (stability_error);
  CHILD (minutes_list);
  CHILD (minutes_date_row);
  CHILD (minutes_view);
  CHILD (minutes_error);
  CHILD (progress_list);
  CHILD (progress_view);
  CHILD (progress_error);
  CHILD (close_group);
  CHILD (closing_view);
  CHILD (closing_error);
  CHILD (general_error);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "charge.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "charge.add-minutes", NULL, add_minutes_action);
  gtk_widget_class_install_action (widget_class, "charge.add-progress", NULL, add_progress_action);
  gtk_widget_class_install_action (widget_class, "charge.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "charge.show-matter", NULL, show_matter_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "charge.save",
                                       NULL);
}

static void
hall_charge_view_init (HallChargeView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  init_fields (self);
  g_signal_connect (self, "notify::client", G_CALLBACK (client_changed_cb), NULL);
  hall_charge_view_update_actions (HALL_PAGE (self));
}

GtkWidget *
hall_charge_view_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_CHARGE_VIEW, "client", client, NULL);
}

void
hall_charge_view_set_charge (HallChargeView *self,
                             JsonObject     *charge)
{
  g_return_if_fail (HALL_IS_CHARGE_VIEW (self));
  g_return_if_fail (charge != NULL);

  clear_errors (self);
  show_charge (self, charge, TRUE);
}

JsonObject *
hall_charge_view_get_charge (HallChargeView *self)
{
  g_return_val_if_fail (HALL_IS_CHARGE_VIEW (self), NULL);
  return self->current;
}
