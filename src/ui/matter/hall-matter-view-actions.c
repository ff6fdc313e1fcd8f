/* hall-matter-view-actions.c — the matter view's action forms: accept, decline, assign, object,
 * add a progress note, escalate, extend and close (the written answers are in
 * hall-matter-view-answers.c), each checked before it is sent and answered at its field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-date-row.h"
#include "hall-form.h"
#include "hall-json.h"
#include "hall-matter-format.h"
#include "hall-matter-view-private.h"
#include "hall-papers.h"
#include "hall-print.h"

/* matter.note's longest text. */
#define NOTE_MAX 1000

static const char *const satisfaction_codes[] = { "satisfied", "basic", "dissatisfied", "none",
                                                  NULL };
static const char *const outcome_codes[] = { "resolved", "educated", "assisted", "punished", NULL };

static gboolean
role_is (HallClient *client,
         const char *role)
{
  return client != NULL && g_strcmp0 (hall_client_get_role (client), role) == 0;
}

static void
open_form (HallMatterView *self,
           const char     *form)
{
  AdwPreferencesGroup *group;
  JsonObject          *matter = _hall_matter_view_get_matter (self);
  const char          *title = NULL, *apply = NULL;
  g_autofree char     *text_title = NULL;

  if (matter == NULL)
    return;
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  if (g_str_equal (form, "accept"))
    {
      title = _ ("Accept the matter");
      apply = _ ("_Accept");
      _hall_form_add_entry (group, "note", _ ("Note (optional)"));
    }
  else if (g_str_equal (form, "decline"))
    {
      title = _ ("Decline the matter");
      apply = _ ("_Decline");
      /* Translators: why a matter is not accepted (不予受理) */
      _hall_form_add_entry (group, "reason", _ ("Reason"));
    }
  else if (g_str_equal (form, "assign"))
    {
      GtkWidget  *deadline;
      const char *due = _hall_json_string (matter, "handling_due");

      title = _ ("Assign to a department");
      apply = _ ("A_ssign");
      _hall_matter_view_add_cooperating_field (self, group,
                                               _hall_matter_view_add_lead_field (self, group));
      deadline =
          _hall_form_add_field (group, "deadline", C_ ("date field", "Deadline"), hall_date_row_new ());
      hall_date_row_set_date (HALL_DATE_ROW (deadline), due);
      _hall_form_add_entry (group, "note", _ ("Note (optional)"));
    }
  else if (g_str_equal (form, "note"))
    {
      /* Translators: form title: a progress note (办理进展) in the matter's timeline */
      title = _ ("Add a progress note");
      /* Translators: button of the progress note form */
      apply = _ ("_Add Note");
      /* Translators: under the progress note form's title */
      adw_preferences_group_set_description (
          group, _ ("Everyone who reads the matter sees it in its timeline."));
      /* Translators: %d is the longest a progress note may be */
      text_title = g_strdup_printf (_ ("Progress (up to %d characters)"), NOTE_MAX);
      _hall_form_add_entry (group, "text", text_title);
    }
  else if (g_str_equal (form, "object"))
    {
      g_autoptr (GPtrArray) parts = _hall_matter_view_objectable_parts (self, 0);

      /* Translators: form title: a department refuses its part of an assignment (提出异议) */
      title = _ ("Object to the assignment");
      apply = _ ("_Object");
      /* Translators: under the objection form's title: 牵头单位 and 配合单位 objecting (提出异议) */
      adw_preferences_group_set_description (
          group, _ ("The lead department’s objection sends the matter back to the "
                    "first receiver; a cooperating department’s ends only its own part."));
      /* The manager objects for any department with an open part; window staff for their own. */
      if (role_is (hall_page_get_client (HALL_PAGE (self)), "manager"))
        _hall_matter_view_add_part_field (self, group, parts);
      /* Translators: why a department objects to its assignment */
      _hall_form_add_entry (group, "reason", _ ("Reason"));
    }
  else if (g_str_equal (form, "escalate"))
    {
      title = _ ("Escalate to today’s duty leader");
      apply = _ ("_Escalate");
      _hall_matter_format_escalate_fields (group);
    }
  else if (g_str_equal (form, "extend"))
    {
      title = _ ("Extend the handling deadline");
      apply = _ ("E_xtend");
      _hall_form_add_entry (group, "days", _ ("Days (1–30)"));
      _hall_form_add_entry (group, "reason", _ ("Reason"));
      /* Translators: the head who approved the extension */
      _hall_form_add_entry (group, "approver", _ ("Approved by"));
    }
  else if (g_str_equal (form, "close"))
    {
      const char *satisfaction[] = { _ ("Satisfied"), _ ("Basically satisfied"), _ ("Dissatisfied"),
                                     _ ("Not rated"), NULL };
      const char *outcomes[] = { _ ("Reasonable claim resolved"),
                                 _ ("Unreasonable claim: educated"), _ ("Hardship: assisted"),
                                 _ ("Unlawful: dealt with by law"), NULL };

      title = _ ("Close the matter");
      apply = _ ("_Close Matter");
      _hall_form_add_combo (group, "satisfaction", _ ("Satisfaction"), satisfaction);
      _hall_form_add_combo (group, "outcome", _ ("Outcome"), outcomes);
      _hall_form_add_entry (group, "note", _ ("Closing note (optional)"));
    }
  else
    g_return_if_reached ();

  hall_action_form_open (self->action_form, form, title, apply, group);
  hall_page_update_actions (HALL_PAGE (self));
}

static void
set_busy (HallMatterView *self,
          gboolean        busy)
{
  self->busy = busy;
  hall_page_update_actions (HALL_PAGE (self));
}

static void
action_cb (HallPage     *page,
           JsonObject   *reply,
           const GError *error,
           gpointer      user_data)
{
  HallMatterView *self = HALL_MATTER_VIEW (page);
  const char     *form = hall_action_form_get_name (self->action_form);
  const char     *done = _hall_matter_view_answer_done (form);

  set_busy (self, FALSE);
  if (reply == NULL)
    {
      hall_action_form_show_error (self->action_form, hall_error_get_field (error), error->message);
      return;
    }
  if (done != NULL)
    hall_page_toast (page, done);
  else if (hall_action_form_is_open (self->action_form, "escalate"))
    {
      g_autofree char *text = _hall_matter_format_escalated_text (reply);
      hall_page_toast (page, text);
    }
  else if (hall_action_form_is_open (self->action_form, "note"))
    /* Translators: toast after a progress note (办理进展) was added to a matter */
    hall_page_toast (page, _ ("Progress note added"));
  else
    hall_page_toast (page, _ ("Done"));
  hall_action_form_close (self->action_form);
  hall_page_update_actions (page);
  /* The matter is read again when the change feed names it (every step on a matter does). */
  _hall_matter_view_emit_changed (self);
}

gboolean
_hall_matter_view_take_required (HallMatterView *self,
                                 JsonObject     *params,
                                 const char     *field)
{
  g_autofree char *text = hall_action_form_dup_required (self->action_form, field);

  if (text != NULL)
    json_object_set_string_member (params, field, text);
  return text != NULL;
}

static gboolean
take_note (HallMatterView *self,
           JsonObject     *params)
{
  g_autofree char *text = hall_action_form_dup_required (self->action_form, "text");

  if (text == NULL)
    return FALSE;
  if (g_utf8_strlen (text, -1) > NOTE_MAX)
    {
      g_autofree char *message =
          g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Keep it within %d character.",
                                        "Keep it within %d characters.", NOTE_MAX),
                           NOTE_MAX);
      _hall_form_field_set_error (hall_action_form_get_field (self->action_form, "text"), message);
      return FALSE;
    }
  json_object_set_string_member (params, "text", text);
  return TRUE;
}

gboolean
_hall_matter_view_take_date (HallMatterView *self,
                             JsonObject     *params,
                             const char     *field)
{
  HallDateRow *date = HALL_DATE_ROW (hall_action_form_get_field (self->action_form, field));

  if (!hall_date_row_check (date, TRUE))
    return FALSE;
  json_object_set_string_member (params, field, hall_date_row_get_date (date));
  return TRUE;
}

static gboolean
take_days (HallMatterView *self,
           JsonObject     *params)
{
  GtkWidget       *days = hall_action_form_get_field (self->action_form, "days");
  g_autofree char *text = _hall_form_dup_text (days);
  gint64           value = 0;

  if (!g_ascii_string_to_signed (text, 10, 1, 30, &value, NULL))
    {
      _hall_form_field_set_error (days, _ ("Enter a number of days from 1 to 30."));
      return FALSE;
    }
  _hall_form_field_set_error (days, NULL);
  json_object_set_int_member (params, "days", value);
  return TRUE;
}

const char *
_hall_matter_view_selected_code (HallMatterView    *self,
                                 const char        *field,
                                 const char *const *codes)
{
  return codes[adw_combo_row_get_selected (
      ADW_COMBO_ROW (hall_action_form_get_field (self->action_form, field)))];
}

static void
send_form (HallMatterView *self)
{
  const char *form = hall_action_form_get_name (self->action_form);
  g_autoptr (JsonObject) params = json_object_new ();
  GtkWidget       *note = hall_action_form_get_field (self->action_form, "note");
  g_autofree char *note_text = note != NULL ? _hall_form_dup_text (note) : NULL;
  const char      *answer = _hall_matter_view_answer_command (form);
  g_autofree char *command = NULL;
  gboolean         ok = TRUE;

  if (g_str_equal (form, "link"))
    {
      _hall_matter_view_send_link (self);
      return;
    }
  json_object_set_int_member (params, "matter_id", self->matter_id);
  if (note_text != NULL && *note_text != '\0')
    json_object_set_string_member (params, "note", note_text);
  if (answer != NULL)
    ok = _hall_matter_view_take_answer (self, form, params);
  else if (g_str_equal (form, "decline"))
    ok = _hall_matter_view_take_required (self, params, "reason");
  else if (g_str_equal (form, "extend"))
    {
      ok = take_days (self, params);
      ok = _hall_matter_view_take_required (self, params, "reason") && ok;
      ok = _hall_matter_view_take_required (self, params, "approver") && ok;
    }
  else if (g_str_equal (form, "assign"))
    {
      g_autoptr (JsonArray) cooperating = _hall_matter_view_dup_cooperating (
          hall_action_form_get_field (self->action_form, "cooperating_department_ids"));

      ok = _hall_matter_view_take_date (self, params, "deadline");
      json_object_set_int_member (
          params, "department_id",
          _hall_matter_view_selected_department (
              hall_action_form_get_field (self->action_form, "department_id")));
      if (json_array_get_length (cooperating) > 0)
        json_object_set_array_member (params, "cooperating_department_ids",
                                      g_steal_pointer (&cooperating));
    }
  else if (g_str_equal (form, "note"))
    ok = take_note (self, params);
  else if (g_str_equal (form, "object"))
    {
      GtkWidget *department = hall_action_form_get_field (self->action_form, "department_id");

      ok = _hall_matter_view_take_required (self, params, "reason");
      if (department != NULL)
        json_object_set_int_member (params, "department_id",
                                    _hall_matter_view_selected_department (department));
    }
  else if (g_str_equal (form, "close"))
    {
      json_object_set_string_member (params, "satisfaction",
                                     _hall_matter_view_selected_code (
                                         self, "satisfaction", satisfaction_codes));
      json_object_set_string_member (params, "outcome",
                                     _hall_matter_view_selected_code (
                                         self, "outcome", outcome_codes));
    }
  if (!ok)
    return;

  hall_action_form_show_error (self->action_form, NULL, NULL);
  command = answer != NULL ? g_strdup (answer) : g_strconcat ("matter.", form, NULL);
  set_busy (self, TRUE);
  hall_page_call (HALL_PAGE (self), command, params, action_cb, NULL);
}

static void
confirm_cb (AdwMessageDialog *dialog,
            const char       *response,
            HallMatterView   *self)
{
  if (g_str_equal (response, "confirm") && hall_action_form_get_name (self->action_form) != NULL)
    send_form (self);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HallMatterView *self = HALL_MATTER_VIEW (widget);
  GtkRoot        *root = gtk_widget_get_root (widget);
  gboolean        decline = hall_action_form_is_open (self->action_form, "decline");
  GtkWidget      *dialog;

  if (hall_action_form_get_name (self->action_form) == NULL || self->busy)
    return;
  /* Declining and closing cannot be undone: ask first, when there is a window to ask in. */
  if ((decline || hall_action_form_is_open (self->action_form, "close")) && GTK_IS_WINDOW (root))
    {
      dialog = adw_message_dialog_new (
          GTK_WINDOW (root), decline ? _ ("Decline This Matter?") : _ ("Close This Matter?"),
          decline ? _ ("The petitioner will be told it is not accepted. This cannot be undone.")
                  : _ ("The matter leaves the open lists. A review can still be asked for."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"),
                                        "confirm", decline ? _ ("_Decline") : _ ("_Close Matter"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "confirm",
                                                  decline ? ADW_RESPONSE_DESTRUCTIVE
                                                          : ADW_RESPONSE_SUGGESTED);
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
  static const char *const forms[] = { "accept", "decline", "assign", "object",
                                       "note", "escalate", "extend", "close" };
  const char              *name = action_name + strlen ("matter.");

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    if (g_str_equal (name, forms[i]))
      open_form (HALL_MATTER_VIEW (widget), forms[i]);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HallMatterView *self = HALL_MATTER_VIEW (widget);

  hall_action_form_close (self->action_form);
  hall_page_update_actions (HALL_PAGE (self));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  hall_page_refresh (HALL_PAGE (widget));
}

HallDocument *
_hall_matter_view_dup_paper (HallMatterView *self,
                             const char     *paper,
                             GError        **error)
{
  g_autofree char *today = hall_print_today ();
  g_autofree char *hall_name = hall_print_dup_hall_name (GTK_WIDGET (self));

  g_return_val_if_fail (self->result != NULL, NULL);
  if (g_str_equal (paper, "receipt"))
    return hall_paper_receipt (self->result, hall_name, today);
  return hall_paper_decision_notice (self->result, hall_name, today, error);
}

/* "matter.print-receipt" (Ctrl+P), "matter.print-notice": the papers the visitor is given. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HallMatterView *self = HALL_MATTER_VIEW (widget);
  g_autoptr (GError) error = NULL;
  g_autoptr (HallDocument) document = NULL;

  document = _hall_matter_view_dup_paper (
      self, g_str_equal (action_name, "matter.print-receipt") ? "receipt" : "notice", &error);
  if (document == NULL)
    {
      hall_page_toast (HALL_PAGE (self), error->message);
      return;
    }
  hall_print_document (widget, document);
}

void
_hall_matter_view_class_install_actions (GtkWidgetClass *widget_class)
{
  const char *forms[] = { "matter.accept", "matter.decline", "matter.assign", "matter.object",
                          "matter.note", "matter.escalate", "matter.extend", "matter.close" };

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    gtk_widget_class_install_action (widget_class, forms[i], NULL, form_action);
  gtk_widget_class_install_action (widget_class, "matter.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "matter.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "matter.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "matter.print-receipt", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "matter.print-notice", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "matter.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "matter.print-receipt", NULL);
}
