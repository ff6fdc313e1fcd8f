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

#include "hall-dialog.h"
#include "hall-display-notice.h"
#include "hall-form.h"
#include "hall-info.h"
#include "hall-manager-change.h"
#include "hall-rows.h"
#include "hall-windows-page.h"

struct _HallWindowsPage
{
  HallPage parent_instance;

  JsonArray  *counters;
  JsonObject *info;    /* hall.info: the departments a window may serve */
  guint       pending; /* changes sent, not answered yet */

  AdwMessageDialog *dialog;
  gint64            dialog_counter_id;
  AdwEntryRow      *reason_row;
  GPtrArray        *checks; /* GtkCheckButton per department, "department-id" set */
  GtkSizeGroup     *state_buttons;

  GtkLabel   *error_label;
  GtkListBox *counters_list;
  GtkWidget  *display_notice;
};

G_DEFINE_FINAL_TYPE (HallWindowsPage, hall_windows_page, HALL_TYPE_PAGE)

static const char *const page_actions[] = {
  "windows.open",
  "windows.pause",
  "windows.resume",
  "windows.close",
  "windows.departments",
};

static void
hall_windows_page_update_actions (HallPage *page)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (page), page_actions[i], hall_page_is_online (page));
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
counter_row (HallWindowsPage *self,
             JsonObject      *counter)
{
  GtkWidget  *row = adw_action_row_new ();
  GtkWidget  *state_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget  *badge;
  gint64      id = json_object_get_int_member_with_default (counter, "id", 0);
  const char *state = json_object_get_string_member_with_default (counter, "state", "closed");
  const char *staff = json_object_get_string_member_with_default (counter, "staff_name", NULL);
  const char *reason = json_object_get_string_member_with_default (counter, "pause_reason", NULL);
  JsonArray  *departments = json_object_get_array_member (counter, "departments");
  g_autoptr (GString) subtitle = g_string_new (NULL);
  g_autofree char *name = g_strdup_printf ("window-%" G_GINT64_FORMAT, id);
  gboolean         open = g_strcmp0 (state, "open") == 0, paused = g_strcmp0 (state, "paused") == 0;

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 json_object_get_string_member_with_default (counter, "name", ""));
  for (guint i = 0; departments && i < json_array_get_length (departments); i++)
    g_string_append_printf (subtitle, "%s%s", i ? "、" : "",
                            json_object_get_string_member_with_default (
                                json_array_get_object_element (departments, i), "name", ""));
  if (staff != NULL && *staff && (open || paused))
    g_string_append_printf (subtitle, " · %s", staff);
  if (paused && reason != NULL && *reason)
    /* Translators: why a window is paused */
    g_string_append_printf (subtitle, _ (" · paused: %s"), reason);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  badge = gtk_label_new (open     ? C_ ("counter state", "Open")
                         : paused ? C_ ("counter state", "Paused")
                                  : C_ ("counter state", "Closed"));
  gtk_widget_add_css_class (badge, "state-badge");
  gtk_widget_add_css_class (badge, open ? "state-open" : paused ? "state-paused"
                                                                : "state-closed");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (state_box), badge);
  if (open)
    gtk_box_append (GTK_BOX (state_box),
                    /* Translators: window settings button (tooltip and accessible name) */
                    _hall_rows_icon_button_new ("media-playback-pause-symbolic",
                                                _ ("Pause the window…"), "windows.pause", id));
  else
    gtk_box_append (GTK_BOX (state_box),
                    _hall_rows_icon_button_new (
                        "media-playback-start-symbolic",
                        /* Translators: window settings buttons (tooltip and accessible name) */
                        paused ? _ ("Resume the window") : _ ("Open the window"),
                        paused ? "windows.resume" : "windows.open", id));
  if (open || paused)
    gtk_box_append (GTK_BOX (state_box),
                    /* Translators: window settings button (tooltip and accessible name) */
                    _hall_rows_icon_button_new ("media-playback-stop-symbolic",
                                                _ ("Close the window…"), "windows.close", id));
  /* The same buttons line up in every row, whatever the window's state. */
  gtk_size_group_add_widget (self->state_buttons, state_box);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state_box);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             /* Translators: window settings button (tooltip and accessible name) */
                             _hall_rows_icon_button_new ("document-edit-symbolic",
                                                         _ ("Departments served…"),
                                                         "windows.departments", id));
  return row;
}

/* ---- reading ----------------------------------------------------------------------------- */

static void
snapshot_cb (HallPage     *page,
             JsonObject   *reply,
             const GError *error,
             gpointer      user_data)
{
  HallWindowsPage *self = HALL_WINDOWS_PAGE (page);

  if (reply == NULL)
    {
      _hall_form_set_error (GTK_WIDGET (self->error_label), GTK_WIDGET (self->error_label),
                            error->message);
      return;
    }
  g_clear_pointer (&self->counters, json_array_unref);
  self->counters = json_array_ref (json_object_get_array_member (reply, "counters"));
  _hall_rows_remove_all (self->counters_list);
  for (guint i = 0; self->counters && i < json_array_get_length (self->counters); i++)
    gtk_list_box_append (self->counters_list,
                         counter_row (self, json_array_get_object_element (self->counters, i)));
}

static void
hall_windows_page_refresh (HallPage *page)
{
  HallWindowsPage *self = HALL_WINDOWS_PAGE (page);

  if (self->info == NULL)
    _hall_info_load (page, &self->info, NULL);
  hall_page_load (page, "hall.snapshot", NULL, snapshot_cb, NULL);
}

/* ---- changes ----------------------------------------------------------------------------- */

static void
send_change (HallWindowsPage *self,
             const char      *command,
             JsonObject      *params)
{
  _hall_manager_change_send (HALL_PAGE (self), command, params, self->error_label, &self->pending);
}

static JsonObject *
counter_params (gint64 counter_id)
{
  JsonObject *params = json_object_new ();

  json_object_set_int_member (params, "counter_id", counter_id);
  return params;
}

/* "windows.open" sends counter.open, "windows.resume" counter.resume: the window's id alone. */
static void
counter_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  g_autoptr (JsonObject) params = counter_params (g_variant_get_int64 (parameter));
  g_autofree char *command = g_strconcat ("counter.", strchr (action_name, '.') + 1, NULL);

  send_change (HALL_WINDOWS_PAGE (widget), command, params);
}

static void
dialog_response_cb (HallWindowsPage *self,
                    const char      *response)
{
  g_autoptr (JsonObject) params = NULL;

  if (g_strcmp0 (response, "pause") == 0)
    {
      g_autofree char *reason = _hall_form_dup_text (self->reason_row);

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
          json_array_add_int_element (
              ids, GPOINTER_TO_INT (g_object_get_data (self->checks->pdata[i], "department-id")));
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
new_dialog (HallWindowsPage      *self,
            gint64                counter_id,
            const char           *heading,
            const char           *body,
            const char           *response,
            const char           *response_label,
            AdwResponseAppearance appearance)
{
  self->dialog_counter_id = counter_id;
  return _hall_dialog_new (GTK_WIDGET (self), &self->dialog, heading, body, response,
                           response_label, appearance, G_CALLBACK (dialog_response_cb));
}

static void
pause_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HallWindowsPage *self = HALL_WINDOWS_PAGE (widget);
  gint64           counter_id = g_variant_get_int64 (parameter);
  /* Translators: heading of the pause dialog; %s is the window's name */
  g_autofree char *heading = g_strdup_printf (_ ("Pause %s?"), counter_name (self, counter_id));
  GtkWidget       *dialog, *group;

  if (self->dialog != NULL)
    return;
  dialog = new_dialog (self, counter_id, heading,
                       /* Translators: body of the pause dialog */
                       _ ("A paused window calls nobody until it resumes. Say why, for the board."),
                       /* Translators: confirms pausing a window */
                       "pause", _ ("_Pause"), ADW_RESPONSE_DEFAULT);
  group = adw_preferences_group_new ();
  self->reason_row =
      _hall_dialog_reason_row_new (ADW_MESSAGE_DIALOG (dialog), "pause_reason", "pause");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->reason_row));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_row));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HallWindowsPage *self = HALL_WINDOWS_PAGE (widget);
  gint64           counter_id = g_variant_get_int64 (parameter);
  /* Translators: heading of the close dialog; %s is the window's name */
  g_autofree char *heading = g_strdup_printf (_ ("Close %s?"), counter_name (self, counter_id));
  GtkWidget       *dialog;

  if (self->dialog != NULL)
    return;
  dialog =
      new_dialog (self, counter_id, heading,
                  /* Translators: body of the close dialog */
                  _ ("Visitors waiting for this window alone go back to their department's queue."),
                  /* Translators: confirms closing a window */
                  "close", _ ("C_lose Window"), ADW_RESPONSE_DESTRUCTIVE);
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
  gint64           counter_id = g_variant_get_int64 (parameter);
  JsonObject      *counter = find_counter (self, counter_id);
  JsonArray       *served = counter ? json_object_get_array_member (counter, "departments") : NULL;
  JsonArray       *departments = _hall_info_array (self->info, "departments");
  g_autofree char *heading = NULL;
  GtkWidget       *dialog, *list, *scrolled;

  if (self->dialog != NULL || counter == NULL || departments == NULL)
    return;
  /* Translators: heading of the dialog choosing a window's departments; %s is the window's name */
  heading = g_strdup_printf (_ ("Departments Served at %s"), counter_name (self, counter_id));
  dialog = new_dialog (self, counter_id, heading,
                       /* Translators: body of the departments dialog */
                       _ ("The window calls visitors of these departments."),
                       /* Translators: saves the departments a window serves */
                       "save", _ ("_Save"), ADW_RESPONSE_SUGGESTED);
  list = gtk_list_box_new ();
  gtk_widget_set_name (list, "window_departments");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  g_ptr_array_set_size (self->checks, 0);
  for (guint i = 0; i < json_array_get_length (departments); i++)
    {
      JsonObject      *department = json_array_get_object_element (departments, i);
      gint64           id = json_object_get_int_member_with_default (department, "id", 0);
      GtkWidget       *row = adw_action_row_new ();
      GtkWidget       *check = gtk_check_button_new ();
      g_autofree char *check_name = g_strdup_printf ("department-%" G_GINT64_FORMAT, id);
      gboolean         active = FALSE;

      if (!json_object_get_boolean_member_with_default (department, "active", TRUE))
        continue;
      for (guint j = 0; served && j < json_array_get_length (served); j++)
        active |= json_object_get_int_member_with_default (
                      json_array_get_object_element (served, j), "id", 0)
                  == id;
      gtk_widget_set_name (check, check_name);
      gtk_accessible_update_property (
          GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
          json_object_get_string_member_with_default (department, "name", ""), -1);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), active);
      g_object_set_data (G_OBJECT (check), "department-id", GINT_TO_POINTER ((int) id));
      adw_preferences_row_set_title (
          ADW_PREFERENCES_ROW (row),
          json_object_get_string_member_with_default (department, "name", ""));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (self->checks, check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self,
                               G_CONNECT_SWAPPED);
    }
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);
  check_toggled_cb (self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the client -------------------------------------------------------------------------- */

static void
hall_windows_page_event (HallPage   *page,
                         const char *kind,
                         JsonObject *event)
{
  HallWindowsPage *self = HALL_WINDOWS_PAGE (page);

  if (_hall_info_forget_on (&self->info, kind) || g_str_has_prefix (kind, "counter."))
    hall_page_refresh (page);
}

/* Another hall perhaps: its departments, and no change of the last one under way. */
static void
client_changed_cb (HallWindowsPage *self)
{
  self->pending = 0;
  g_clear_pointer (&self->info, json_object_unref);
}

static void
hall_windows_page_dispose (GObject *object)
{
  HallWindowsPage *self = HALL_WINDOWS_PAGE (object);

  _hall_dialog_close (&self->dialog);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_WINDOWS_PAGE);
  G_OBJECT_CLASS (hall_windows_page_parent_class)->dispose (object);
}

static void
hall_windows_page_finalize (GObject *object)
{
  HallWindowsPage *self = HALL_WINDOWS_PAGE (object);

  g_clear_pointer (&self->counters, json_array_unref);
  g_clear_pointer (&self->info, json_object_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  g_clear_object (&self->state_buttons);
  G_OBJECT_CLASS (hall_windows_page_parent_class)->finalize (object);
}

static void
hall_windows_page_class_init (HallWindowsPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_windows_page_dispose;
  object_class->finalize = hall_windows_page_finalize;
  page_class->refresh = hall_windows_page_refresh;
  page_class->event = hall_windows_page_event;
  page_class->update_actions = hall_windows_page_update_actions;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/manager/hall-windows-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallWindowsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, HallWindowsPage, counters_list);
  gtk_widget_class_bind_template_child (widget_class, HallWindowsPage, display_notice);
  g_type_ensure (HALL_TYPE_DISPLAY_NOTICE);

  gtk_widget_class_install_action (widget_class, "windows.open", "x", counter_action);
  gtk_widget_class_install_action (widget_class, "windows.pause", "x", pause_action);
  gtk_widget_class_install_action (widget_class, "windows.resume", "x", counter_action);
  gtk_widget_class_install_action (widget_class, "windows.close", "x", close_action);
  gtk_widget_class_install_action (widget_class, "windows.departments", "x", departments_action);
}

static void
hall_windows_page_init (HallWindowsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (self, "client", self->display_notice, "client", G_BINDING_SYNC_CREATE);

  self->checks = g_ptr_array_new ();
  self->state_buttons = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  g_signal_connect (self, "notify::client", G_CALLBACK (client_changed_cb), NULL);
  hall_windows_page_update_actions (HALL_PAGE (self));
}

GtkWidget *
hall_windows_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_WINDOWS_PAGE, "client", client, NULL);
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
  return hall_page_is_loading (HALL_PAGE (self)) || self->pending > 0;
}

AdwMessageDialog *
hall_windows_page_get_dialog (HallWindowsPage *self)
{
  g_return_val_if_fail (HALL_IS_WINDOWS_PAGE (self), NULL);
  return self->dialog;
}
