/* hall-windows-page.c — the manager's window settings: open, pause or close any window, and the
 * departments each serves
 *
 * hall.snapshot gives every window with its state and departments; hall.info the departments a
 * window may serve. Both are read again on counter and setup events. Pausing asks for the reason,
 * closing asks first (visitors waiting for that window alone go back to their department's
 * queue), and the departments are chosen with check boxes (counter.save with department_ids).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-windows-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-ui-util.h"
#include "hall-windows-page.h"

struct _HallWindowsPage
{
  AdwBin parent_instance;

  HallClient *client;
  GSignalGroup *client_signals;
  GSignalGroup *client_notify;
  GCancellable *cancellable;
  JsonArray *counters;
  JsonArray *departments;
  gboolean loading;
  gboolean dirty;
  guint pending;

  AdwMessageDialog *dialog;
  gint64 dialog_counter_id;
  AdwEntryRow *reason_row;
  GPtrArray *checks; /* GtkCheckButton per department, "department-id" set */

  GtkLabel *error_label;
  GtkListBox *counters_list;
};

G_DEFINE_FINAL_TYPE (HallWindowsPage, hall_windows_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const page_actions[] = {
  "windows.open", "windows.pause", "windows.resume", "windows.close", "windows.departments",
};

static void refresh (HallWindowsPage *self);

static void
update_actions (HallWindowsPage *self)
{
  gboolean connected = self->client != NULL && hall_client_get_connected (self->client);

  for (guint i = 0; i < G_N_ELEMENTS (page_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), page_actions[i], connected);
}

static void
change_busy (HallWindowsPage *self,
             gboolean        *loading,
             int              pending_delta)
{
  gboolean was_busy = hall_windows_page_get_busy (self);

  if (loading != NULL)
    self->loading = *loading;
  self->pending += pending_delta;
  if (was_busy != hall_windows_page_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
show_error (HallWindowsPage *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static JsonObject *
find_counter (HallWindowsPage *self,
              gint64           counter_id)
{
  for (guint i = 0; self->counters && i < json_array_get_length (self->counters); i++)
    {
      JsonObject *counter = json_array_get_object_element (self->counters, i);

      if (json_object_get_int_member_with_default (counter, "id", 0) == counter_id)
        return counter;
    }
  return NULL;
}

/* ---- rows -------------------------------------------------------------------------------- */

static GtkWidget *
row_button (const char *icon_name,
            const char *label,
            const char *action_name,
            gint64      counter_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", counter_id);
  return button;
}

static GtkWidget *
counter_row (JsonObject *counter)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge;
  gint64 id = json_object_get_int_member_with_default (counter, "id", 0);
  const char *state = json_object_get_string_member_with_default (counter, "state", "closed");
  const char *staff = json_object_get_string_member_with_default (counter, "staff_name", NULL);
  const char *reason = json_object_get_string_member_with_default (counter, "pause_reason", NULL);
  JsonArray *departments = json_object_get_array_member (counter, "departments");
  g_autoptr (GString) subtitle = g_string_new (NULL);
  g_autofree char *name = g_strdup_printf ("window-%" G_GINT64_FORMAT, id);
  gboolean open = g_strcmp0 (state, "open") == 0, paused = g_strcmp0 (state, "paused") == 0;

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), json_object_get_string_member_with_default (counter, "name", ""));
  for (guint i = 0; departments && i < json_array_get_length (departments); i++)
    g_string_append_printf (subtitle, "%s%s", i ? "、" : "",
                            json_object_get_string_member_with_default (json_array_get_object_element (departments, i),
                                                                        "name", ""));
  if (staff != NULL && *staff && (open || paused))
    g_string_append_printf (subtitle, " · %s", staff);
  if (paused && reason != NULL && *reason)
    /* Translators: why a window is paused */
    g_string_append_printf (subtitle, _(" · paused: %s"), reason);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  badge = gtk_label_new (open ? C_("counter state", "Open") : paused ? C_("counter state", "Paused")
                                                                     : C_("counter state", "Closed"));
  gtk_widget_add_css_class (badge, "state-badge");
  gtk_widget_add_css_class (badge, open ? "state-open" : paused ? "state-paused" : "state-closed");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);

  if (!open && !paused)
    /* Translators: window settings button (tooltip and accessible name) */
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button ("media-playback-start-symbolic", _("Open the window"),
                                                                 "windows.open", id));
  if (open)
    /* Translators: window settings button (tooltip and accessible name) */
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button ("media-playback-pause-symbolic", _("Pause the window…"),
                                                                 "windows.pause", id));
  if (paused)
    /* Translators: window settings button (tooltip and accessible name) */
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button ("media-playback-start-symbolic", _("Resume the window"),
                                                                 "windows.resume", id));
  if (open || paused)
    /* Translators: window settings button (tooltip and accessible name) */
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button ("media-playback-stop-symbolic", _("Close the window…"),
                                                                 "windows.close", id));
  /* Translators: window settings button (tooltip and accessible name) */
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), row_button ("document-edit-symbolic", _("Departments served…"),
                                                               "windows.departments", id));
  return row;
}

/* ---- reading ----------------------------------------------------------------------------- */

static void
show_counters (HallWindowsPage *self)
{
  GtkWidget *child;

  while ((child = GTK_WIDGET (gtk_list_box_get_row_at_index (self->counters_list, 0))) != NULL)
    gtk_list_box_remove (self->counters_list, child);
  for (guint i = 0; self->counters && i < json_array_get_length (self->counters); i++)
    gtk_list_box_append (self->counters_list, counter_row (json_array_get_object_element (self->counters, i)));
}

static void
snapshot_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (HallWindowsPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) snapshot = hall_client_call_finish (HALL_CLIENT (object), result, &error);
  gboolean done = FALSE;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (snapshot == NULL)
    show_error (self, error->message);
  else
    {
      g_clear_pointer (&self->counters, json_array_unref);
      self->counters = json_array_ref (json_object_get_array_member (snapshot, "counters"));
      show_counters (self);
    }
  change_busy (self, &done, 0);
  if (self->dirty)
    refresh (self);
}

static void
info_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (HallWindowsPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) info = hall_client_call_finish (HALL_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (info != NULL)
    {
      g_clear_pointer (&self->departments, json_array_unref);
      self->departments = json_array_ref (json_object_get_array_member (info, "departments"));
    }
  change_busy (self, NULL, -1);
}

static void
refresh (HallWindowsPage *self)
{
  gboolean loading = TRUE;

  if (self->client == NULL || !hall_client_is_signed_in (self->client))
    return;
  if (self->loading)
    {
      self->dirty = TRUE;
      return;
    }
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  if (self->departments == NULL)
    {
      change_busy (self, NULL, 1);
      hall_client_call_async (self->client, "hall.info", NULL, self->cancellable, info_cb, g_object_ref (self));
    }
  self->dirty = FALSE;
  change_busy (self, &loading, 0);
  hall_client_call_async (self->client, "hall.snapshot", NULL, self->cancellable, snapshot_cb, g_object_ref (self));
}

/* ---- changes ----------------------------------------------------------------------------- */

static void
change_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (HallWindowsPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  show_error (self, reply == NULL ? error->message : NULL);
  refresh (self);
  change_busy (self, NULL, -1);
}

static void
send_change (HallWindowsPage *self,
             const char      *command,
             JsonObject      *params)
{
  if (self->client == NULL)
    return;
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  change_busy (self, NULL, 1);
  hall_client_call_async (self->client, command, params, self->cancellable, change_cb, g_object_ref (self));
}

static JsonObject *
counter_params (gint64 counter_id)
{
  JsonObject *params = json_object_new ();

  json_object_set_int_member (params, "counter_id", counter_id);
  return params;
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autoptr (JsonObject) params = counter_params (g_variant_get_int64 (parameter));

  send_change (HALL_WINDOWS_PAGE (widget), "counter.open", params);
}

static void
resume_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr (JsonObject) params = counter_params (g_variant_get_int64 (parameter));

  send_change (HALL_WINDOWS_PAGE (widget), "counter.resume", params);
}

static void
dialog_response_cb (HallWindowsPage *self,
                    const char      *response)
{
  g_autoptr (JsonObject) params = NULL;

  if (g_strcmp0 (response, "pause") == 0)
    {
      g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));

      params = counter_params (self->dialog_counter_id);
      json_object_set_string_member (params, "reason", reason);
      send_change (self, "counter.pause", params);
    }
  else if (g_strcmp0 (response, "close") == 0)
    {
      params = counter_params (self->dialog_counter_id);
      send_change (self, "counter.close", params);
    }
  else if (g_strcmp0 (response, "save") == 0)
    {
      JsonArray *ids = json_array_new ();

      params = json_object_new ();
      json_object_set_int_member (params, "id", self->dialog_counter_id);
      for (guint i = 0; i < self->checks->len; i++)
        if (gtk_check_button_get_active (self->checks->pdata[i]))
          json_array_add_int_element (ids, GPOINTER_TO_INT (g_object_get_data (self->checks->pdata[i], "department-id")));
      json_object_set_array_member (params, "department_ids", ids);
      send_change (self, "counter.save", params);
    }
}

static const char *
counter_name (HallWindowsPage *self,
              gint64           counter_id)
{
  JsonObject *counter = find_counter (self, counter_id);

  return counter ? json_object_get_string_member_with_default (counter, "name", "") : "";
}

static GtkWidget *
new_dialog (HallWindowsPage *self,
            GtkWidget       *widget,
            gint64           counter_id,
            const char      *heading,
            const char      *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);

  self->dialog_counter_id = counter_id;
  g_set_weak_pointer (&self->dialog, ADW_MESSAGE_DIALOG (dialog));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (dialog_response_cb), self, G_CONNECT_SWAPPED);
  return dialog;
}

static void
reason_changed_cb (HallWindowsPage *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));

  adw_message_dialog_set_response_enabled (self->dialog, "pause", *reason != '\0');
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HallWindowsPage *self = HALL_WINDOWS_PAGE (widget);
  gint64 counter_id = g_variant_get_int64 (parameter);
  /* Translators: heading of the pause dialog; %s is the window's name */
  g_autofree char *heading = g_strdup_printf (_("Pause %s?"), counter_name (self, counter_id));
  GtkWidget *dialog, *group;

  if (self->dialog != NULL)
    return;
  dialog = new_dialog (self, widget, counter_id, heading,
                       /* Translators: body of the pause dialog */
                       _("A paused window calls nobody until it resumes. Say why, for the board."));
  group = adw_preferences_group_new ();
  self->reason_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->reason_row), "pause_reason");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->reason_row), _("Reason (required)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->reason_row));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "pause", _("_Pause"), NULL);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "pause", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "pause");
  g_signal_connect_object (self->reason_row, "changed", G_CALLBACK (reason_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HallWindowsPage *self = HALL_WINDOWS_PAGE (widget);
  gint64 counter_id = g_variant_get_int64 (parameter);
  /* Translators: heading of the close dialog; %s is the window's name */
  g_autofree char *heading = g_strdup_printf (_("Close %s?"), counter_name (self, counter_id));
  GtkWidget *dialog;

  if (self->dialog != NULL)
    return;
  dialog = new_dialog (self, widget, counter_id, heading,
                       /* Translators: body of the close dialog */
                       _("Visitors waiting for this window alone go back to their department's queue."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    /* Translators: confirms closing a window */
                                    "close", _("C_lose Window"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "close", ADW_RESPONSE_DESTRUCTIVE);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
check_toggled_cb (HallWindowsPage *self)
{
  gboolean any = FALSE;

  for (guint i = 0; i < self->checks->len && !any; i++)
    any = gtk_check_button_get_active (self->checks->pdata[i]);
  adw_message_dialog_set_response_enabled (self->dialog, "save", any);
}

static void
departments_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HallWindowsPage *self = HALL_WINDOWS_PAGE (widget);
  gint64 counter_id = g_variant_get_int64 (parameter);
  JsonObject *counter = find_counter (self, counter_id);
  JsonArray *served = counter ? json_object_get_array_member (counter, "departments") : NULL;
  g_autofree char *heading = NULL;
  GtkWidget *dialog, *list, *scrolled;

  if (self->dialog != NULL || counter == NULL || self->departments == NULL)
    return;
  /* Translators: heading of the dialog choosing a window's departments; %s is the window's name */
  heading = g_strdup_printf (_("Departments Served at %s"), counter_name (self, counter_id));
  dialog = new_dialog (self, widget, counter_id, heading,
                       /* Translators: body of the departments dialog */
                       _("The window calls visitors of these departments."));
  list = gtk_list_box_new ();
  gtk_widget_set_name (list, "window_departments");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_ptr_array_set_size (self->checks, 0);
  for (guint i = 0; i < json_array_get_length (self->departments); i++)
    {
      JsonObject *department = json_array_get_object_element (self->departments, i);
      gint64 id = json_object_get_int_member_with_default (department, "id", 0);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      g_autofree char *check_name = g_strdup_printf ("department-%" G_GINT64_FORMAT, id);
      gboolean active = FALSE;

      if (!json_object_get_boolean_member_with_default (department, "active", TRUE))
        continue;
      for (guint j = 0; served && j < json_array_get_length (served); j++)
        active |= json_object_get_int_member_with_default (json_array_get_object_element (served, j), "id", 0) == id;
      gtk_widget_set_name (check, check_name);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      g_object_set_data (G_OBJECT (check), "department-id", GINT_TO_POINTER ((int) id));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), json_object_get_string_member_with_default (department,
                                                                                                           "name", ""));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (self->checks, check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self, G_CONNECT_SWAPPED);
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    /* Translators: saves the departments a window serves */
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
  check_toggled_cb (self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the client -------------------------------------------------------------------------- */

static void
event_cb (HallWindowsPage *self,
          JsonObject      *event)
{
  const char *kind = json_object_get_string_member_with_default (event, "kind", "");

  if (g_str_has_prefix (kind, "setup."))
    g_clear_pointer (&self->departments, json_array_unref);
  if (g_str_has_prefix (kind, "counter.") || g_str_has_prefix (kind, "setup."))
    refresh (self);
}

static void
connected_cb (HallWindowsPage *self)
{
  update_actions (self);
  if (self->client != NULL && hall_client_get_connected (self->client))
    refresh (self);
}

static void
hall_windows_page_dispose (GObject *object)
{
  HallWindowsPage *self = HALL_WINDOWS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->dialog != NULL)
    gtk_window_destroy (GTK_WINDOW (self->dialog));
  g_clear_weak_pointer (&self->dialog);
  if (self->client_signals != NULL)
    g_signal_group_set_target (self->client_signals, NULL);
  if (self->client_notify != NULL)
    g_signal_group_set_target (self->client_notify, NULL);
  g_clear_object (&self->client_signals);
  g_clear_object (&self->client_notify);
  g_clear_object (&self->client);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_WINDOWS_PAGE);
  G_OBJECT_CLASS (hall_windows_page_parent_class)->dispose (object);
}

static void
hall_windows_page_finalize (GObject *object)
{
  HallWindowsPage *self = HALL_WINDOWS_PAGE (object);

  g_clear_pointer (&self->counters, json_array_unref);
  g_clear_pointer (&self->departments, json_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  G_OBJECT_CLASS (hall_windows_page_parent_class)->finalize (object);
}

static void
hall_windows_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HallWindowsPage *self = HALL_WINDOWS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, hall_windows_page_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_windows_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HallWindowsPage *self = HALL_WINDOWS_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      hall_windows_page_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_windows_page_class_init (HallWindowsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hall_windows_page_dispose;
  object_class->finalize = hall_windows_page_finalize;
  object_class->get_property = hall_windows_page_get_property;
  object_class->set_property = hall_windows_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HALL_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xinfanghall/Hall/ui/hall-windows-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallWindowsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, HallWindowsPage, counters_list);

  gtk_widget_class_install_action (widget_class, "windows.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "windows.pause", "x", pause_action);
  gtk_widget_class_install_action (widget_class, "windows.resume", "x", resume_action);
  gtk_widget_class_install_action (widget_class, "windows.close", "x", close_action);
  gtk_widget_class_install_action (widget_class, "windows.departments", "x", departments_action);
}

static void
hall_windows_page_init (HallWindowsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->checks = g_ptr_array_new ();
  self->client_signals = g_signal_group_new (HALL_TYPE_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "event", G_CALLBACK (event_cb), self);
  self->client_notify = g_signal_group_new (G_TYPE_OBJECT);
  g_signal_group_connect_swapped (self->client_notify, "notify::connected", G_CALLBACK (connected_cb), self);
  g_signal_group_connect_swapped (self->client_notify, "notify::user", G_CALLBACK (connected_cb), self);
  update_actions (self);
}

GtkWidget *
hall_windows_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_WINDOWS_PAGE, "client", client, NULL);
}

HallClient *
hall_windows_page_get_client (HallWindowsPage *self)
{
  g_return_val_if_fail (HALL_IS_WINDOWS_PAGE (self), NULL);
  return self->client;
}

void
hall_windows_page_set_client (HallWindowsPage *self,
                              HallClient      *client)
{
  g_return_if_fail (HALL_IS_WINDOWS_PAGE (self));
  g_return_if_fail (client == NULL || HALL_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->loading = FALSE;
  self->pending = 0;
  g_clear_pointer (&self->departments, json_array_unref);
  g_signal_group_set_target (self->client_signals, client);
  g_signal_group_set_target (self->client_notify, client);
  update_actions (self);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

JsonArray *
hall_windows_page_get_counters (HallWindowsPage *self)
{
  g_return_val_if_fail (HALL_IS_WINDOWS_PAGE (self), NULL);
  return self->counters;
}

gboolean
hall_windows_page_get_busy (HallWindowsPage *self)
{
  g_return_val_if_fail (HALL_IS_WINDOWS_PAGE (self), FALSE);
  return self->loading || self->pending > 0;
}

AdwMessageDialog *
hall_windows_page_get_dialog (HallWindowsPage *self)
{
  g_return_val_if_fail (HALL_IS_WINDOWS_PAGE (self), NULL);
  return self->dialog;
}
