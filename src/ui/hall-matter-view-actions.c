/* hall-matter-view-actions.c — the matter view's action forms: accept, decline, assign, escalate,
 * reply, extend and close, each checked before it is sent and answered at its field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-matter-format.h"
#include "hall-matter-view-private.h"
#include "hall-ui-util.h"

static const char * const opinion_codes[] = { "support", "explain", "reject", NULL };
static const char * const satisfaction_codes[] = { "satisfied", "basic", "dissatisfied", "none", NULL };
static const char * const outcome_codes[] = { "resolved", "educated", "assisted", "punished", NULL };

static void
fill_departments (HallMatterView *self,
                  GtkWidget      *combo)
{
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  JsonObject *matter = _hall_matter_view_get_matter (self);
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
  JsonObject *matter = _hall_matter_view_get_matter (self);
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
      const char *due = _hall_matter_view_string (matter, "handling_due");

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
  _hall_matter_view_update_actions (self);
}

static void
show_form_error (HallMatterView *self,
                 const char     *field,
                 const char     *message)
{
  GtkWidget *widget;

  if (field != NULL)
    {
      widget = _hall_matter_view_form_field (self, g_str_equal (field, "department_id") ? "department" : field);
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
      _hall_matter_view_update_actions (self);
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
  _hall_matter_view_close_form (self);
  _hall_matter_view_emit_changed (self);
  _hall_matter_view_load (self);
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
          GtkWidget *field = _hall_matter_view_form_field (self, required[i]);
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
    GtkWidget *note = _hall_matter_view_form_field (self, "note");
    g_autofree char *text = note ? _hall_mf_field_dup_text (note) : NULL;
    if (text != NULL && *text)
      json_object_set_string_member (params, "note", text);
  }
  if (g_str_equal (self->form, "assign"))
    {
      GtkWidget *deadline = _hall_matter_view_form_field (self, "deadline");
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
      json_object_set_int_member (params, "department_id", selected_department (self, _hall_matter_view_form_field (self, "department")));
    }
  if (g_str_equal (self->form, "extend"))
    {
      GtkWidget *days = _hall_matter_view_form_field (self, "days");
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
                                   opinion_codes[adw_combo_row_get_selected (ADW_COMBO_ROW (_hall_matter_view_form_field (self, "opinion")))]);
  if (g_str_equal (self->form, "close"))
    {
      json_object_set_string_member (params, "satisfaction",
                                     satisfaction_codes[adw_combo_row_get_selected (ADW_COMBO_ROW (_hall_matter_view_form_field (self, "satisfaction")))]);
      json_object_set_string_member (params, "outcome",
                                     outcome_codes[adw_combo_row_get_selected (ADW_COMBO_ROW (_hall_matter_view_form_field (self, "outcome")))]);
    }
  if (!ok)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
  command = g_strconcat ("matter.", self->form, NULL);
  self->busy = TRUE;
  _hall_matter_view_update_actions (self);
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

void
_hall_matter_view_apply_action (GtkWidget  *widget,
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

void
_hall_matter_view_form_action (GtkWidget  *widget,
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

void
_hall_matter_view_cancel_action (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  _hall_matter_view_close_form (HALL_MATTER_VIEW (widget));
}

