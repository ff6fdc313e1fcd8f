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
#include "hall-matter-view-private.h"
#include "hall-ui-util.h"


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

const char *
_hall_matter_view_string (JsonObject *matter,
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
  if ((s = _hall_matter_view_string (detail, "leader_name")) != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("To %s"), s));
  if ((s = _hall_matter_view_string (detail, "deadline")) != NULL)
    /* Translators: %s is a date */
    g_ptr_array_add (parts, g_strdup_printf (_("Deadline %s"), s));
  if (json_object_has_member (detail, "days") && !json_object_get_null_member (detail, "days"))
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d more day", "%d more days",
                                                          json_object_get_int_member (detail, "days")),
                                             (int) json_object_get_int_member (detail, "days")));
  if ((s = _hall_matter_view_string (detail, "opinion")) != NULL)
    g_ptr_array_add (parts, g_strdup (_hall_mf_opinion_label (s)));
  if ((s = _hall_matter_view_string (detail, "reason")) != NULL)
    g_ptr_array_add (parts, g_strdup (s));
  if ((s = _hall_matter_view_string (detail, "note")) != NULL)
    g_ptr_array_add (parts, g_strdup (s));
  if ((s = _hall_matter_view_string (detail, "instruction")) != NULL)
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
  JsonObject *matter = _hall_matter_view_get_matter (self);
  JsonArray *petitioners = json_object_get_array_member (self->result, "petitioners");
  JsonArray *timeline = json_object_get_array_member (self->result, "timeline");
  const char *state = _hall_matter_view_string (matter, "state");
  const char *due_class = NULL;
  g_autofree char *due = _hall_mf_clocks_text (matter, &due_class);
  g_autofree char *summary = NULL;
  g_autofree char *persons = NULL;
  g_autofree char *first = NULL;
  g_autofree char *handling = NULL;
  const char *category = _hall_matter_view_string (matter, "category_name");

  if (matter == NULL)
    return;

  gtk_label_set_text (self->number_label, _hall_matter_view_string (matter, "number"));
  gtk_label_set_text (self->state_label, _hall_mf_state_label (state));
  gtk_widget_set_css_classes (GTK_WIDGET (self->state_label),
                              (const char *[]) { "state-badge", _hall_mf_state_class (state), NULL });
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), due != NULL);
  gtk_label_set_text (self->due_label, due ? due : "");
  gtk_widget_set_css_classes (GTK_WIDGET (self->due_label), (const char *[]) { "due-badge", due_class, NULL });
  summary = g_strdup_printf ("%s · %s%s%s", _hall_mf_type_label (_hall_matter_view_string (matter, "type")),
                             _hall_mf_channel_label (_hall_matter_view_string (matter, "channel")),
                             category ? " · " : "", category ? category : "");
  gtk_label_set_text (self->summary_label, summary);

  clear_list (self->details_list);
  /* Translators: the code a petitioner uses to check their matter at the kiosk */
  add_row (self->details_list, _("Query code"), _hall_matter_view_string (matter, "query_code"));
  add_row (self->details_list, _("Content"), _hall_matter_view_string (matter, "content"));
  if (json_object_get_boolean_member_with_default (matter, "is_collective", FALSE))
    /* Translators: %d people came together: a collective visit (集体访) */
    persons = g_strdup_printf (_("%d people, collective visit"), (int) json_object_get_int_member_with_default (matter, "persons", 0));
  else
    persons = g_strdup_printf ("%d", (int) json_object_get_int_member_with_default (matter, "persons", 1));
  add_row (self->details_list, C_("matter", "Persons"), persons);
  /* Translators: the department that handles the matter now */
  add_row (self->details_list, _("Responsible department"), _hall_matter_view_string (matter, "department_name"));
  if (json_object_get_int_member_with_default (matter, "first_counter_number", 0) > 0)
    /* Translators: first receiver (首接首办): person, window number, department */
    first = g_strdup_printf (_("%s, window %d, %s"), _hall_matter_view_string (matter, "first_user_name") ?: "",
                             (int) json_object_get_int_member (matter, "first_counter_number"),
                             _hall_matter_view_string (matter, "first_department_name") ?: "");
  else
    first = g_strdup_printf ("%s, %s", _hall_matter_view_string (matter, "first_user_name") ?: "",
                             _hall_matter_view_string (matter, "first_department_name") ?: "");
  /* Translators: 首接首办: who first received the matter */
  add_row (self->details_list, _("First received by"), first);
  add_row (self->details_list, _("Received"), _hall_matter_view_string (matter, "received_date"));
  add_row (self->details_list, _("Decision due"), _hall_matter_view_string (matter, "decision_due"));
  if (json_object_get_int_member_with_default (matter, "extended_days", 0) > 0)
    /* Translators: the handling deadline and the days it was extended by */
    handling = g_strdup_printf (_("%s (extended by %d days)"), _hall_matter_view_string (matter, "handling_due"),
                                (int) json_object_get_int_member (matter, "extended_days"));
  else
    handling = g_strdup (_hall_matter_view_string (matter, "handling_due"));
  add_row (self->details_list, _("Handling due"), handling);
  add_row (self->details_list, _("Reason not accepted"), _hall_matter_view_string (matter, "decline_reason"));
  if (_hall_matter_view_string (matter, "reply_opinion") != NULL)
    {
      g_autofree char *reply = g_strdup_printf ("%s: %s", _hall_mf_opinion_label (_hall_matter_view_string (matter, "reply_opinion")),
                                                _hall_matter_view_string (matter, "reply_text") ?: "");
      add_row (self->details_list, _("Reply"), reply);
    }
  add_row (self->details_list, _("Closed"), _hall_matter_view_string (matter, "closed_date"));

  clear_list (self->petitioners_list);
  for (guint i = 0; petitioners != NULL && i < json_array_get_length (petitioners); i++)
    {
      JsonObject *p = json_array_get_object_element (petitioners, i);
      g_autoptr (GPtrArray) parts = g_ptr_array_new ();
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;
      const char *sex = _hall_matter_view_string (p, "sex");
      GtkWidget *row = adw_action_row_new ();

      if (g_strcmp0 (_hall_matter_view_string (p, "role"), "representative") == 0)
        /* Translators: a petitioner who represents a collective visit (代表) */
        title = g_strdup_printf (_("%s (representative)"), _hall_matter_view_string (p, "name"));
      else
        title = g_strdup (_hall_matter_view_string (p, "name"));
      if (_hall_matter_view_string (p, "id_number"))
        g_ptr_array_add (parts, (gpointer) _hall_matter_view_string (p, "id_number"));
      if (_hall_matter_view_string (p, "phone"))
        g_ptr_array_add (parts, (gpointer) _hall_matter_view_string (p, "phone"));
      if (sex != NULL)
        g_ptr_array_add (parts, (gpointer) (g_str_equal (sex, "male") ? _("male") : _("female")));
      if (_hall_matter_view_string (p, "address"))
        g_ptr_array_add (parts, (gpointer) _hall_matter_view_string (p, "address"));
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

      subtitle = g_strdup_printf ("%s · %s%s%s", at, _hall_matter_view_string (entry, "user_name") ?: "",
                                  *text ? " · " : "", text);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _hall_mf_timeline_label (_hall_matter_view_string (entry, "kind")));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_set_name (row, _hall_matter_view_string (entry, "kind"));
      gtk_list_box_append (self->timeline_list, row);
    }

  gtk_stack_set_visible_child_name (self->stack, "matter");
  _hall_matter_view_update_actions (self);
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
    _hall_matter_view_load (self);
}

void
_hall_matter_view_load (HallMatterView *self)
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

void
_hall_matter_view_update_actions (HallMatterView *self)
{
  JsonObject *matter = _hall_matter_view_get_matter (self);
  const char *state = _hall_matter_view_string (matter, "state");
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

void
_hall_matter_view_close_form (HallMatterView *self)
{
  self->form = NULL;
  self->form_group = NULL;
  gtk_revealer_set_reveal_child (self->form_revealer, FALSE);
  adw_bin_set_child (self->form_bin, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
  _hall_matter_view_update_actions (self);
}

GtkWidget *
_hall_matter_view_form_field (HallMatterView *self,
                              const char     *name)
{
  return self->form_group ? _hall_find_named (self->form_group, name) : NULL;
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _hall_matter_view_load (HALL_MATTER_VIEW (widget));
}

static void
event_cb (HallMatterView *self,
          JsonObject     *event)
{
  const char *kind = json_object_get_string_member_with_default (event, "kind", "");

  if (g_str_equal (kind, "setup.changed"))
    {
      self->info_requested = FALSE;
      _hall_matter_view_load (self);
      return;
    }
  if (self->matter_id > 0 && g_str_has_prefix (kind, "matter.")
      && json_object_get_int_member_with_default (event, "matter_id", 0) == self->matter_id)
    _hall_matter_view_load (self);
}

static void
connected_cb (HallMatterView *self)
{
  _hall_matter_view_update_actions (self);
  if (self->client != NULL && hall_client_get_connected (self->client))
    _hall_matter_view_load (self);
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

  gtk_widget_class_install_action (widget_class, "matter.accept", NULL, _hall_matter_view_form_action);
  gtk_widget_class_install_action (widget_class, "matter.decline", NULL, _hall_matter_view_form_action);
  gtk_widget_class_install_action (widget_class, "matter.assign", NULL, _hall_matter_view_form_action);
  gtk_widget_class_install_action (widget_class, "matter.escalate", NULL, _hall_matter_view_form_action);
  gtk_widget_class_install_action (widget_class, "matter.reply", NULL, _hall_matter_view_form_action);
  gtk_widget_class_install_action (widget_class, "matter.extend", NULL, _hall_matter_view_form_action);
  gtk_widget_class_install_action (widget_class, "matter.close", NULL, _hall_matter_view_form_action);
  gtk_widget_class_install_action (widget_class, "matter.apply", NULL, _hall_matter_view_apply_action);
  gtk_widget_class_install_action (widget_class, "matter.cancel", NULL, _hall_matter_view_cancel_action);
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
  _hall_matter_view_update_actions (self);
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
  _hall_matter_view_update_actions (self);
  _hall_matter_view_load (self);
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
  _hall_matter_view_close_form (self);
  _hall_matter_view_load (self);
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
