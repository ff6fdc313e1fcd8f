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
#include "hall-form.h"
#include "hall-json.h"
#include "hall-matter-format.h"

static const char *const outcome_codes[] = { "resolved", "consultation", "guided", "matter" };

static void
set_busy (HallCounterPage *self,
          gboolean         busy)
{
  self->busy = busy;
  hall_page_update_actions (HALL_PAGE (self));
}

static void
close_form (HallCounterPage *self)
{
  hall_action_form_close (self->action_form);
  hall_page_update_actions (HALL_PAGE (self));
}

/* @user_data is the command, a static string. */
static void
call_cb (HallPage     *page,
         JsonObject   *reply,
         const GError *error,
         gpointer      user_data)
{
  HallCounterPage *self = HALL_COUNTER_PAGE (page);
  const char      *command = user_data;

  set_busy (self, FALSE);
  if (reply == NULL)
    {
      if (!hall_action_form_show_error (self->action_form, hall_error_get_field (error),
                                        error->message))
        hall_page_toast (page, error->message);
      return;
    }
  if (g_str_equal (command, "counter.call_next"))
    {
      JsonObject *ticket = json_object_get_object_member (reply, "ticket");
      /* Translators: toast after 叫号; %s is the ticket code */
      g_autofree char *text =
          g_strdup_printf (_ ("Called %s"), _hall_json_string (ticket, "code") ?: "");
      hall_page_toast (page, text);
    }
  if (g_str_equal (command, "matter.escalate"))
    {
      g_autofree char *text = _hall_matter_format_escalated_text (reply);
      hall_page_toast (page, text);
    }
  if (g_str_equal (command, "ticket.finish") || g_str_equal (command, "matter.escalate"))
    {
      hall_matter_form_reset (self->matter_form);
      gtk_revealer_set_reveal_child (self->register_revealer, FALSE);
      gtk_widget_set_visible (self->show_matter_button, FALSE);
    }
  if (hall_action_form_get_name (self->action_form) != NULL)
    close_form (self);
  hall_page_refresh (page);
}

static void
call (HallCounterPage *self,
      const char      *command,
      JsonObject      *params)
{
  set_busy (self, TRUE);
  hall_page_call (HALL_PAGE (self), command, params, call_cb, (gpointer) command);
}

static JsonObject *
ticket_params (HallCounterPage *self)
{
  JsonObject *params = json_object_new ();

  json_object_set_int_member (params, "ticket_id",
                              json_object_get_int_member (self->current, "id"));
  return params;
}

/* A drop-down of @first and then the names in @objects. */
static void
add_choice (AdwPreferencesGroup *group,
            const char          *name,
            const char          *title,
            const char          *first,
            JsonArray           *objects)
{
  GtkWidget *combo = _hall_form_add_combo (group, name, title, (const char *[]){ first, NULL });

  _hall_json_append_names (GTK_STRING_LIST (adw_combo_row_get_model (ADW_COMBO_ROW (combo))),
                           objects);
}

static void
open_form (HallCounterPage *self,
           const char      *form)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  const char          *title = NULL, *apply = NULL;

  if (g_str_equal (form, "pause"))
    {
      title = _ ("Pause the window");
      apply = _ ("_Pause");
      /* Translators: why the window pauses (a break, a meeting …) */
      _hall_form_add_entry (group, "reason", _ ("Reason"));
    }
  else if (g_str_equal (form, "transfer"))
    {
      title = _ ("Transfer the visitor");
      apply = _ ("_Transfer");
      add_choice (group, "department_id", _ ("To department"), _ ("Same department"),
                  self->departments);
      add_choice (group, "counter_id", _ ("To window"), _ ("Any window"), self->counters);
      _hall_form_add_entry (group, "reason", _ ("Reason"));
    }
  else if (g_str_equal (form, "finish"))
    {
      const char *outcomes[] = { _ ("Resolved on the spot"), _ ("Consultation"),
                                 _ ("Guided elsewhere"), NULL };

      title = _ ("Finish the visit");
      apply = _ ("_Finish");
      _hall_form_add_combo (group, "outcome", _ ("Outcome"), outcomes);
    }
  else if (g_str_equal (form, "escalate"))
    {
      title = _ ("Escalate to today’s duty leader");
      apply = _ ("_Escalate");
      _hall_matter_format_escalate_fields (group);
    }
  else
    g_return_if_reached ();
  hall_action_form_open (self->action_form, form, title, apply, group);
  hall_page_update_actions (HALL_PAGE (self));
}

static guint
selected (HallCounterPage *self,
          const char      *field)
{
  return adw_combo_row_get_selected (
      ADW_COMBO_ROW (hall_action_form_get_field (self->action_form, field)));
}

static gint64
id_at (JsonArray *objects,
       guint      index)
{
  return json_object_get_int_member (json_array_get_object_element (objects, index), "id");
}

static void
form_apply_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HallCounterPage *self = HALL_COUNTER_PAGE (widget);
  HallActionForm  *form = self->action_form;
  g_autoptr (JsonObject) params = NULL;
  g_autofree char *reason = NULL;

  if (hall_action_form_get_name (form) == NULL || self->busy)
    return;
  if (hall_action_form_get_field (form, "reason") != NULL
      && (reason = hall_action_form_dup_required (form, "reason")) == NULL)
    {
      gtk_widget_grab_focus (hall_action_form_get_field (form, "reason"));
      return;
    }
  if (hall_action_form_is_open (form, "pause"))
    {
      params = json_object_new ();
      json_object_set_string_member (params, "reason", reason);
      call (self, "counter.pause", params);
    }
  else if (self->current == NULL)
    close_form (self);
  else if (hall_action_form_is_open (form, "transfer"))
    {
      guint department = selected (self, "department_id");
      guint counter = selected (self, "counter_id");

      params = ticket_params (self);
      json_object_set_int_member (
          params, "department_id",
          department > 0 ? id_at (self->departments, department - 1)
                         : json_object_get_int_member (self->current, "department_id"));
      if (counter > 0)
        json_object_set_int_member (params, "counter_id", id_at (self->counters, counter - 1));
      json_object_set_string_member (params, "reason", reason);
      call (self, "ticket.transfer", params);
    }
  else if (hall_action_form_is_open (form, "escalate"))
    {
      g_autofree char *note = _hall_form_dup_text (hall_action_form_get_field (form, "note"));

      params = ticket_params (self);
      json_object_set_int_member (params, "matter_id", _hall_counter_page_current_matter (self));
      if (*note)
        json_object_set_string_member (params, "note", note);
      call (self, "matter.escalate", params);
    }
  else if (hall_action_form_is_open (form, "finish"))
    {
      params = ticket_params (self);
      json_object_set_string_member (params, "outcome",
                                     outcome_codes[MIN (selected (self, "outcome"), 2)]);
      call (self, "ticket.finish", params);
    }
}

static void
counter_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HallCounterPage *self = HALL_COUNTER_PAGE (widget);
  const char      *name = action_name + strlen ("counter.");
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
          json_object_set_int_member (params, "matter_id",
                                      _hall_counter_page_current_matter (self));
          call (self, "ticket.finish", params);
        }
      else if (g_str_equal (name, "hold"))
        call (self, "ticket.hold", params);
    }
}

static void
form_cancel_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  close_form (HALL_COUNTER_PAGE (widget));
}

static void
register_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HallCounterPage *self = HALL_COUNTER_PAGE (widget);
  gboolean         shown = gtk_revealer_get_reveal_child (self->register_revealer);
  JsonObject      *result = hall_matter_form_get_result (self->matter_form);

  /* A form showing the last visitor's registration starts afresh. */
  if (result != NULL)
    {
      hall_matter_form_reset (self->matter_form);
      gtk_widget_set_visible (self->show_matter_button, FALSE);
    }
  if (self->current != NULL)
    hall_matter_form_set_ticket (
        self->matter_form, json_object_get_int_member (self->current, "id"),
        json_object_get_int_member_with_default (self->current, "persons", 1));
  gtk_revealer_set_reveal_child (self->register_revealer, !shown || result != NULL);
  if (gtk_revealer_get_reveal_child (self->register_revealer))
    gtk_widget_child_focus (GTK_WIDGET (self->matter_form), GTK_DIR_TAB_FORWARD);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HallCounterPage *self = HALL_COUNTER_PAGE (widget);
  g_autoptr (JsonObject) params = json_object_new ();
  guint chosen = adw_combo_row_get_selected (ADW_COMBO_ROW (self->choose_row));

  if (self->busy || self->counters == NULL || chosen >= json_array_get_length (self->counters))
    return;
  json_object_set_string_member (params, "role",
                                 hall_client_get_role (hall_page_get_client (HALL_PAGE (self))));
  json_object_set_int_member (params, "counter_id", id_at (self->counters, chosen));
  call (self, "session.switch", params);
}

/* Opens the matter just registered on the clerk's "My Matters" page, through the workspace. */
static void
show_matter_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HallCounterPage *self = HALL_COUNTER_PAGE (widget);
  JsonObject      *result = hall_matter_form_get_result (self->matter_form);

  if (result != NULL)
    gtk_widget_activate_action (widget, "workspace.show-matter", "x",
                                json_object_get_int_member (result, "matter_id"));
}

/* The matter form registered the visitor's matter: the visit goes on with it. */
static void
registered_cb (HallCounterPage *self,
               JsonObject      *result)
{
  const char      *number = _hall_json_string (result, "number") ?: "";
  g_autofree char *text = json_object_has_member (result, "repeat_petition")
                              /* Translators: toast after a petition was recorded on an earlier
                                 matter as a repeat (重复信访); %s is its number */
                              ? g_strdup_printf (_ ("Recorded on matter %s as a repeat"), number)
                              /* Translators: toast after registering; %s is the matter number */
                              : g_strdup_printf (_ ("Matter %s registered"), number);

  hall_page_toast (HALL_PAGE (self), text);
  /* The window staff's workspace opens it on "My Matters" ("workspace.show-matter"). */
  gtk_widget_set_visible (self->show_matter_button, TRUE);
  /* F8 finishes the visit with the matter, F9 takes the visitor to the leader. */
  hall_page_refresh (HALL_PAGE (self));
}

void
_hall_counter_page_class_install_actions (GtkWidgetClass *widget_class)
{
  /* The keys of the counter's actions, in the order of their buttons. */
  static const struct
  {
    const char *action;
    guint       key;
  } keyed[] = {
    { "counter.call-next", GDK_KEY_F2 },
    { "counter.recall", GDK_KEY_F3 },
    { "counter.start", GDK_KEY_F4 },
    { "counter.no-show", GDK_KEY_F5 },
    { "counter.hold", GDK_KEY_F6 },
    { "counter.transfer", GDK_KEY_F7 },
    { "counter.finish", GDK_KEY_F8 },
    { "counter.escalate", GDK_KEY_F9 },
  };
  const char *window_actions[] = { "counter.open", "counter.pause", "counter.resume",
                                   "counter.close" };

  for (guint i = 0; i < G_N_ELEMENTS (window_actions); i++)
    gtk_widget_class_install_action (widget_class, window_actions[i], NULL, counter_action);
  for (guint i = 0; i < G_N_ELEMENTS (keyed); i++)
    {
      gtk_widget_class_install_action (widget_class, keyed[i].action, NULL, counter_action);
      gtk_widget_class_add_binding_action (widget_class, keyed[i].key, 0, keyed[i].action, NULL);
    }
  gtk_widget_class_install_action (widget_class, "counter.register", NULL, register_action);
  gtk_widget_class_install_action (widget_class, "counter.form-apply", NULL, form_apply_action);
  gtk_widget_class_install_action (widget_class, "counter.form-cancel", NULL, form_cancel_action);
  gtk_widget_class_install_action (widget_class, "counter.choose", NULL, choose_action);
  gtk_widget_class_install_action (widget_class, "counter.show-matter", NULL, show_matter_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "counter.register", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "counter.form-cancel",
                                       NULL);
  gtk_widget_class_bind_template_callback (widget_class, registered_cb);
}
