/* hall-counter-page-actions.c — what the clerk does at the counter: the window's state, calling,
 * holding, transferring and finishing visitors, choosing a window, and a registered matter ending
 * the visit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-counter-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-counter-page-private.h"
#include "hall-matter-format.h"
#include "hall-matter-list-page.h"
#include "hall-workspace.h"
#include "hall-ui-util.h"

static const char * const outcome_codes[] = { "resolved", "consultation", "guided", "matter" };

typedef struct
{
  HallCounterPage *self;
  char *command;
} CallData;

static void
call_data_free (CallData *data)
{
  g_object_unref (data->self);
  g_free (data->command);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CallData, call_data_free)

static void
call_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (CallData) data = user_data;
  HallCounterPage *self = data->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);

  self->busy = FALSE;
  if (reply == NULL)
    {
      const char *field = hall_error_get_field (error);
      GtkWidget *widget = field && self->form_group ? _hall_find_named (self->form_group, field) : NULL;

      if (widget != NULL)
        _hall_mf_field_set_error (widget, error->message);
      else if (self->form != NULL)
        {
          gtk_label_set_text (self->form_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->form_error), TRUE);
        }
      else
        _hall_mf_toast (GTK_WIDGET (self), error->message);
      _hall_counter_page_update_actions (self);
      return;
    }
  if (g_str_equal (data->command, "counter.call_next"))
    {
      JsonObject *ticket = json_object_get_object_member (reply, "ticket");
      /* Translators: toast after 叫号; %s is the ticket code */
      g_autofree char *text = g_strdup_printf (_("Called %s"), _hall_counter_page_string (ticket, "code") ?: "");
      _hall_mf_toast (GTK_WIDGET (self), text);
    }
  if (g_str_equal (data->command, "matter.escalate"))
    {
      JsonObject *escalation = json_object_get_object_member (reply, "escalation");
      /* Translators: toast: the visitor and their matter went to this leader's reception */
      g_autofree char *text = g_strdup_printf (_("Escalated to %s"), _hall_counter_page_string (escalation, "leader_name") ?: "");
      _hall_mf_toast (GTK_WIDGET (self), text);
    }
  if (g_str_equal (data->command, "ticket.finish") || g_str_equal (data->command, "matter.escalate"))
    {
      hall_matter_form_reset (self->matter_form);
      gtk_revealer_set_reveal_child (self->register_revealer, FALSE);
      gtk_widget_set_visible (self->show_matter_button, FALSE);
    }
  if (self->form != NULL)
    _hall_counter_page_close_form (self);
  _hall_counter_page_refresh (self);
}

static void
call (HallCounterPage *self,
      const char      *command,
      JsonObject      *params)
{
  CallData *data = g_new0 (CallData, 1);

  data->self = g_object_ref (self);
  data->command = g_strdup (command);
  self->busy = TRUE;
  _hall_counter_page_update_actions (self);
  hall_client_call_async (self->client, command, params, NULL, call_cb, data);
}

static JsonObject *
ticket_params (HallCounterPage *self)
{
  JsonObject *params = json_object_new ();

  json_object_set_int_member (params, "ticket_id", json_object_get_int_member (self->current, "id"));
  return params;
}

static void
open_form (HallCounterPage *self,
           const char      *form)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  if (g_str_equal (form, "pause"))
    {
      gtk_label_set_text (self->form_title, _("Pause the window"));
      gtk_button_set_label (self->apply_button, _("_Pause"));
      /* Translators: why the window pauses (a break, a meeting …) */
      _hall_mf_field_add_entry (group, "reason", _("Reason"));
    }
  else if (g_str_equal (form, "transfer"))
    {
      g_autoptr (GtkStringList) departments = gtk_string_list_new ((const char *[]) { _("Same department"), NULL });
      g_autoptr (GtkStringList) counters = gtk_string_list_new ((const char *[]) { _("Any window"), NULL });
      GtkWidget *combo;

      for (guint i = 0; self->departments && i < json_array_get_length (self->departments); i++)
        gtk_string_list_append (departments, json_object_get_string_member (json_array_get_object_element (self->departments, i), "name"));
      for (guint i = 0; self->counters && i < json_array_get_length (self->counters); i++)
        gtk_string_list_append (counters, json_object_get_string_member (json_array_get_object_element (self->counters, i), "name"));
      gtk_label_set_text (self->form_title, _("Transfer the visitor"));
      gtk_button_set_label (self->apply_button, _("_Transfer"));
      combo = _hall_mf_field_add_combo (group, "department_id", _("To department"), NULL);
      adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (departments));
      combo = _hall_mf_field_add_combo (group, "counter_id", _("To window"), NULL);
      adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (counters));
      _hall_mf_field_add_entry (group, "reason", _("Reason"));
    }
  else if (g_str_equal (form, "finish"))
    {
      const char *outcomes[] = { _("Resolved on the spot"), _("Consultation"), _("Guided elsewhere"), NULL };

      gtk_label_set_text (self->form_title, _("Finish the visit"));
      gtk_button_set_label (self->apply_button, _("_Finish"));
      _hall_mf_field_add_combo (group, "outcome", _("Outcome"), outcomes);
    }
  else if (g_str_equal (form, "escalate"))
    {
      gtk_label_set_text (self->form_title, _("Escalate to today’s duty leader"));
      gtk_button_set_label (self->apply_button, _("_Escalate"));
      adw_preferences_group_set_description (group, _("The visitor’s ticket moves to the leader’s reception queue."));
      _hall_mf_field_add_entry (group, "note", _("Note (optional)"));
    }
  self->form = form;
  self->form_group = GTK_WIDGET (group);
  gtk_button_set_use_underline (self->apply_button, TRUE);
  adw_bin_set_child (self->form_bin, GTK_WIDGET (group));
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
  gtk_revealer_set_reveal_child (self->form_revealer, TRUE);
  _hall_counter_page_update_actions (self);
}

void
_hall_counter_page_form_apply_action (GtkWidget  *widget,
                                      const char *action_name,
                                      GVariant   *parameter)
{
  HallCounterPage *self = HALL_COUNTER_PAGE (widget);
  g_autoptr (JsonObject) params = NULL;
  GtkWidget *reason = self->form_group ? _hall_find_named (self->form_group, "reason") : NULL;
  g_autofree char *text = reason ? _hall_mf_field_dup_text (reason) : NULL;

  if (self->form == NULL || self->busy)
    return;
  if (reason != NULL && *text == '\0')
    {
      _hall_mf_field_set_error (reason, _("Fill this in."));
      gtk_widget_grab_focus (reason);
      return;
    }
  if (g_str_equal (self->form, "pause"))
    {
      params = json_object_new ();
      json_object_set_string_member (params, "reason", text);
      call (self, "counter.pause", params);
    }
  else if (self->current == NULL)
    _hall_counter_page_close_form (self);
  else if (g_str_equal (self->form, "transfer"))
    {
      guint department = adw_combo_row_get_selected (ADW_COMBO_ROW (_hall_find_named (self->form_group, "department_id")));
      guint counter = adw_combo_row_get_selected (ADW_COMBO_ROW (_hall_find_named (self->form_group, "counter_id")));

      params = ticket_params (self);
      json_object_set_int_member (params, "department_id",
                                  department > 0 ? json_object_get_int_member (json_array_get_object_element (self->departments, department - 1), "id")
                                                 : json_object_get_int_member (self->current, "department_id"));
      if (counter > 0)
        json_object_set_int_member (params, "counter_id",
                                    json_object_get_int_member (json_array_get_object_element (self->counters, counter - 1), "id"));
      json_object_set_string_member (params, "reason", text);
      call (self, "ticket.transfer", params);
    }
  else if (g_str_equal (self->form, "escalate"))
    {
      g_autofree char *note = _hall_mf_field_dup_text (_hall_find_named (self->form_group, "note"));

      params = json_object_new ();
      json_object_set_int_member (params, "matter_id", _hall_counter_page_current_matter (self));
      json_object_set_int_member (params, "ticket_id", json_object_get_int_member (self->current, "id"));
      if (*note)
        json_object_set_string_member (params, "note", note);
      call (self, "matter.escalate", params);
    }
  else if (g_str_equal (self->form, "finish"))
    {
      guint outcome = adw_combo_row_get_selected (ADW_COMBO_ROW (_hall_find_named (self->form_group, "outcome")));

      params = ticket_params (self);
      json_object_set_string_member (params, "outcome", outcome_codes[MIN (outcome, 2)]);
      call (self, "ticket.finish", params);
    }
}

void
_hall_counter_page_counter_action (GtkWidget  *widget,
                                   const char *action_name,
                                   GVariant   *parameter)
{
  HallCounterPage *self = HALL_COUNTER_PAGE (widget);
  const char *name = action_name + strlen ("counter.");
  g_autoptr (JsonObject) params = NULL;

  if (self->busy)
    return;
  if (g_str_equal (name, "open"))
    call (self, "counter.open", NULL);
  else if (g_str_equal (name, "resume"))
    call (self, "counter.resume", NULL);
  else if (g_str_equal (name, "close"))
    call (self, "counter.close", NULL);
  else if (g_str_equal (name, "call-next"))
    call (self, "counter.call_next", NULL);
  else if (g_str_equal (name, "pause"))
    open_form (self, "pause");
  else if (self->current == NULL)
    return;
  else if (g_str_equal (name, "recall"))
    call (self, "counter.recall", NULL);
  else if (g_str_equal (name, "transfer"))
    open_form (self, "transfer");
  else if (g_str_equal (name, "escalate"))
    {
      if (_hall_counter_page_current_matter (self) > 0)
        open_form (self, "escalate");
    }
  else if (g_str_equal (name, "finish") && _hall_counter_page_current_matter (self) == 0)
    open_form (self, "finish");
  else
    {
      params = ticket_params (self);
      if (g_str_equal (name, "start"))
        call (self, "ticket.start", params);
      else if (g_str_equal (name, "no-show"))
        call (self, "ticket.no_show", params);
      else if (g_str_equal (name, "finish"))
        {
          /* A matter registered from this visit: that is how the visit ends. */
          json_object_set_string_member (params, "outcome", "matter");
          json_object_set_int_member (params, "matter_id", _hall_counter_page_current_matter (self));
          call (self, "ticket.finish", params);
        }
      else if (g_str_equal (name, "hold"))
        call (self, "ticket.hold", params);
    }
}

void
_hall_counter_page_form_cancel_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  _hall_counter_page_close_form (HALL_COUNTER_PAGE (widget));
}

void
_hall_counter_page_register_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  HallCounterPage *self = HALL_COUNTER_PAGE (widget);
  gboolean shown = gtk_revealer_get_reveal_child (self->register_revealer);
  JsonObject *result = hall_matter_form_get_result (self->matter_form);

  /* A form showing the last visitor's registration starts afresh. */
  if (result != NULL)
    {
      hall_matter_form_reset (self->matter_form);
      gtk_widget_set_visible (self->show_matter_button, FALSE);
    }
  if (self->current != NULL)
    hall_matter_form_set_ticket (self->matter_form, json_object_get_int_member (self->current, "id"),
                                 json_object_get_int_member_with_default (self->current, "persons", 1));
  gtk_revealer_set_reveal_child (self->register_revealer, !shown || result != NULL);
  if (gtk_revealer_get_reveal_child (self->register_revealer))
    gtk_widget_child_focus (GTK_WIDGET (self->matter_form), GTK_DIR_TAB_FORWARD);
}

void
_hall_counter_page_choose_action (GtkWidget  *widget,
                                  const char *action_name,
                                  GVariant   *parameter)
{
  HallCounterPage *self = HALL_COUNTER_PAGE (widget);
  g_autoptr (JsonObject) params = json_object_new ();
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->choose_row));

  if (self->counters == NULL || selected >= json_array_get_length (self->counters))
    return;
  json_object_set_string_member (params, "role", hall_client_get_role (self->client));
  json_object_set_int_member (params, "counter_id",
                              json_object_get_int_member (json_array_get_object_element (self->counters, selected), "id"));
  call (self, "session.switch", params);
}

void
_hall_counter_page_registered_cb (HallCounterPage *self,
                                  JsonObject      *result)
{
  /* Translators: toast after registering; %s is the matter number */
  g_autofree char *text = g_strdup_printf (_("Matter %s registered"), _hall_counter_page_string (result, "number") ?: "");

  _hall_mf_toast (GTK_WIDGET (self), text);
  gtk_widget_set_visible (self->show_matter_button,
                          gtk_widget_get_ancestor (GTK_WIDGET (self), HALL_TYPE_WORKSPACE) != NULL);
  /* The visit goes on: F8 finishes it with the matter, F9 takes the visitor to the leader. */
  _hall_counter_page_refresh (self);
}


void
_hall_counter_page_show_matter_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  HallCounterPage *self = HALL_COUNTER_PAGE (widget);
  JsonObject *result = hall_matter_form_get_result (self->matter_form);
  GtkWidget *workspace = gtk_widget_get_ancestor (widget, HALL_TYPE_WORKSPACE);
  GtkWidget *page;

  if (result == NULL || workspace == NULL)
    return;
  page = hall_workspace_get_page (HALL_WORKSPACE (workspace), "matters");
  if (page == NULL || !hall_workspace_show_page (HALL_WORKSPACE (workspace), "matters"))
    return;
  hall_matter_list_page_show_matter (HALL_MATTER_LIST_PAGE (page), json_object_get_int_member (result, "matter_id"));
}
