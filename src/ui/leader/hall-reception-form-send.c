/* hall-reception-form-send.c — the reception record: checking what the leader wrote, and sending it
 *
 * The ID and phone numbers and the deadline are checked as they are typed, everything on
 * "reception-form.submit"; the leader confirms, then one leader.receive goes to the hall, and
 * what it says is wrong shows next to the field it names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-reception-form"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hall-check.h"
#include "hall-form.h"
#include "hall-idcard.h"
#include "hall-reception-form-private.h"

static const char *sex_codes[] = { NULL, "male", "female" };
/* the outcome row: as the ticked departments say (assigned when any), then 现场答复解决, 交办,
 * 转送, 解释说明 */
static const char *outcome_codes[] = { NULL, "resolved", "assigned", "forwarded", "explained" };

static const char *
check_name (const char *name)
{
  if (name == NULL || *name == '\0')
    return _ ("Enter the visitor’s name.");
  if (g_utf8_strlen (name, -1) > 40)
    return _ ("Use at most 40 characters for the name.");
  return NULL;
}

/* @complete: the person has finished typing (on submit), so a short value is wrong too. */
static gboolean
check_id (HallReceptionForm *self,
          gboolean           complete)
{
  const char      *text = gtk_editable_get_text (GTK_EDITABLE (self->id_row));
  gboolean         whole;
  g_autofree char *message = _hall_check_id_number (text, complete, &whole);

  _hall_form_set_error (GTK_WIDGET (self->id_row), GTK_WIDGET (self->id_error), message);
  if (whole)
    adw_combo_row_set_selected (self->sex_row,
                                g_strcmp0 (hall_id_number_get_sex (text), "male") == 0 ? 1 : 2);
  return message == NULL;
}

static gboolean
check_phone (HallReceptionForm *self,
             gboolean           complete)
{
  g_autofree char *message =
      _hall_check_phone (gtk_editable_get_text (GTK_EDITABLE (self->phone_row)), complete, NULL);

  _hall_form_set_error (GTK_WIDGET (self->phone_row), GTK_WIDGET (self->phone_error), message);
  return message == NULL;
}

static gboolean
check_deadline (HallReceptionForm *self,
                gboolean           complete)
{
  const char *date;
  const char *message = NULL;

  if (self->ticked->len > 0 && complete && !hall_date_row_check (self->deadline_row, TRUE))
    return FALSE;
  date = hall_date_row_get_date (self->deadline_row);
  if (self->ticked->len > 0 && date != NULL && self->today != NULL
      && g_strcmp0 (date, self->today) <= 0)
    message = _ ("Give a deadline after today.");
  _hall_form_set_error (GTK_WIDGET (self->deadline_row), GTK_WIDGET (self->deadline_error),
                        message);
  return message == NULL;
}

static void
id_changed_cb (HallReceptionForm *self)
{
  check_id (self, FALSE);
}

static void
phone_changed_cb (HallReceptionForm *self)
{
  check_phone (self, FALSE);
}

static void
deadline_changed_cb (HallReceptionForm *self)
{
  check_deadline (self, FALSE);
}

static void
name_changed_cb (HallReceptionForm *self)
{
  _hall_form_set_error (GTK_WIDGET (self->name_row), GTK_WIDGET (self->name_error), NULL);
}

static void
problem_changed_cb (HallReceptionForm *self)
{
  _hall_form_set_error (GTK_WIDGET (self->problem_view), GTK_WIDGET (self->problem_error), NULL);
}

static void
instructions_changed_cb (HallReceptionForm *self)
{
  _hall_form_set_error (GTK_WIDGET (self->instructions_view), GTK_WIDGET (self->instructions_error),
                        NULL);
}

void
_hall_reception_form_clear_errors (HallReceptionForm *self)
{
  _hall_form_clear_errors (self->fields, G_N_ELEMENTS (self->fields), NULL);
}

static void
receive_cb (HallPage     *page,
            JsonObject   *reply,
            const GError *error,
            gpointer      user_data)
{
  HallReceptionForm *self = HALL_RECEPTION_FORM (page);
  JsonObject        *reception;

  if (GPOINTER_TO_UINT (user_data) != self->record)
    return;
  _hall_reception_form_set_busy (self, FALSE);
  if (reply == NULL)
    {
      /* Next to the field the hall names, where the leader can fix it. */
      GtkWidget *field =
          _hall_form_show_error (self->fields, G_N_ELEMENTS (self->fields), error, NULL);

      if (field != GTK_WIDGET (self->general_error))
        gtk_widget_grab_focus (field);
      return;
    }
  reception = json_object_get_object_member (reply, "reception");
  _hall_reception_form_received (self, reception);
}

static void
add_string (JsonObject *object,
            const char *member,
            const char *value)
{
  if (value != NULL && *value)
    json_object_set_string_member (object, member, value);
}

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  HallReceptionForm *self = user_data;
  JsonObject        *params = g_object_get_data (G_OBJECT (dialog), "hall-params");

  if (g_strcmp0 (response, "record") != 0 || self->busy
      || hall_page_get_client (HALL_PAGE (self)) == NULL)
    return;
  _hall_reception_form_set_busy (self, TRUE);
  hall_page_call (HALL_PAGE (self), "leader.receive", params, receive_cb,
                  GUINT_TO_POINTER (self->record));
}

/* Assigning sends the matter to the departments and finishes the visitor's number: asked first. */
static void
ask_first (HallReceptionForm *self,
           JsonObject        *params)
{
  GtkRoot          *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  g_autoptr (GString) departments = g_string_new (NULL);
  g_autofree char *body = NULL;

  for (guint i = 0; i < self->ticked->len; i++)
    {
      if (i > 0)
        g_string_append (departments, _ (", "));
      g_string_append (departments, _hall_reception_form_department_name (
                                        self, g_array_index (self->ticked, gint64, i)));
    }
  if (self->ticked->len > 0)
    /* Translators: confirming the reception record; %s the departments (the first leads), %s the
     * deadline */
    body = g_strdup_printf (
        _ ("The matter goes to %s (the first leads) to be done by %s, with your instructions. "
           "The visitor’s number is finished."),
        departments->str, gtk_editable_get_text (GTK_EDITABLE (self->deadline_row)));
  else
    body = g_strdup (_ ("Your instructions are recorded on the matter without assigning it. The "
                        "visitor’s number is "
                        "finished."));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _ ("Record the Reception?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _ ("_Cancel"), "record",
                                    _ ("_Record and Assign"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "record", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "record");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "hall-params", json_object_ref (params),
                          (GDestroyNotify) json_object_unref);
  g_signal_connect_data (dialog, "response", G_CALLBACK (confirm_response_cb), g_object_ref (self),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HallReceptionForm *self = HALL_RECEPTION_FORM (widget);
  g_autoptr (JsonObject) params = json_object_new ();
  g_autofree char *problem = _hall_form_text_view_dup_text (self->problem_view);
  g_autofree char *instructions = _hall_form_text_view_dup_text (self->instructions_view);
  g_autofree char *result = _hall_form_text_view_dup_text (self->result_view);
  const char      *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char      *deadline = NULL;
  const char      *message;
  JsonObject      *person;
  gboolean         valid = TRUE;
  guint            sex;

  if (self->busy || !self->ready)
    return;
  _hall_reception_form_clear_errors (self);
  if ((message = check_name (name)) != NULL)
    {
      _hall_form_set_error (GTK_WIDGET (self->name_row), GTK_WIDGET (self->name_error), message);
      valid = FALSE;
    }
  valid &= check_id (self, TRUE);
  valid &= check_phone (self, TRUE);
  if (*problem == '\0')
    {
      _hall_form_set_error (GTK_WIDGET (self->problem_view), GTK_WIDGET (self->problem_error),
                            _ ("Write down the problem the visitor raises."));
      valid = FALSE;
    }
  if (*instructions == '\0')
    {
      _hall_form_set_error (GTK_WIDGET (self->instructions_view),
                            GTK_WIDGET (self->instructions_error),
                            _ ("Write your instructions for the departments."));
      valid = FALSE;
    }
  if (self->ticked->len > 10)
    {
      _hall_form_set_error (GTK_WIDGET (self->departments_box),
                            GTK_WIDGET (self->departments_error),
                            _ ("Assign the matter to at most 10 departments."));
      valid = FALSE;
    }
  valid &= check_deadline (self, TRUE);
  if (!valid)
    return;
  deadline = hall_date_row_get_date (self->deadline_row);

  if (self->escalation_id != 0)
    json_object_set_int_member (params, "escalation_id", self->escalation_id);
  else
    json_object_set_int_member (params, "matter_id", self->matter_id);
  json_object_set_string_member (params, "problem", problem);
  json_object_set_string_member (params, "instructions", instructions);
  add_string (params, "result", result);
  if (adw_combo_row_get_selected (self->outcome_row) < G_N_ELEMENTS (outcome_codes)
      && outcome_codes[adw_combo_row_get_selected (self->outcome_row)] != NULL)
    json_object_set_string_member (params, "outcome",
                                   outcome_codes[adw_combo_row_get_selected (self->outcome_row)]);
  json_object_set_int_member (params, "persons",
                              gtk_spin_button_get_value_as_int (self->persons_spin));

  person = json_object_new ();
  /* The same person as on the matter, unless the leader wrote another name. */
  if (self->petitioner_id != 0 && g_strcmp0 (name, self->petitioner_name) == 0)
    json_object_set_int_member (person, "id", self->petitioner_id);
  json_object_set_string_member (person, "name", name);
  add_string (person, "id_number", gtk_editable_get_text (GTK_EDITABLE (self->id_row)));
  add_string (person, "phone", gtk_editable_get_text (GTK_EDITABLE (self->phone_row)));
  add_string (person, "address", gtk_editable_get_text (GTK_EDITABLE (self->address_row)));
  sex = adw_combo_row_get_selected (self->sex_row);
  if (sex < G_N_ELEMENTS (sex_codes) && sex_codes[sex] != NULL)
    json_object_set_string_member (person, "sex", sex_codes[sex]);
  json_object_set_object_member (params, "petitioner", person);

  if (self->ticked->len > 0)
    {
      JsonArray *assignments = json_array_new ();

      for (guint i = 0; i < self->ticked->len; i++)
        {
          JsonObject *assignment = json_object_new ();

          json_object_set_int_member (assignment, "department_id",
                                      g_array_index (self->ticked, gint64, i));
          json_array_add_object_element (assignments, assignment);
        }
      json_object_set_array_member (params, "assignments", assignments);
      json_object_set_string_member (params, "deadline", deadline);
    }

  ask_first (self, params);
}

void
_hall_reception_form_class_init_send (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "reception-form.submit", NULL, submit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "reception-form.submit", NULL);
}

void
_hall_reception_form_init_send (HallReceptionForm *self)
{
  const HallFormField fields[] = {
    { "petitioner.name", GTK_WIDGET (self->name_row), GTK_WIDGET (self->name_error) },
    { "petitioner.id_number", GTK_WIDGET (self->id_row), GTK_WIDGET (self->id_error) },
    { "petitioner.phone", GTK_WIDGET (self->phone_row), GTK_WIDGET (self->phone_error) },
    { "petitioner.*", GTK_WIDGET (self->address_row), GTK_WIDGET (self->address_error) },
    { "problem", GTK_WIDGET (self->problem_view), GTK_WIDGET (self->problem_error) },
    { "instructions", GTK_WIDGET (self->instructions_view), GTK_WIDGET (self->instructions_error) },
    { "result", GTK_WIDGET (self->result_view), GTK_WIDGET (self->result_error) },
    { "deadline", GTK_WIDGET (self->deadline_row), GTK_WIDGET (self->deadline_error) },
    { "*.deadline", GTK_WIDGET (self->deadline_row), GTK_WIDGET (self->deadline_error) },
    { "assignments*", GTK_WIDGET (self->departments_box), GTK_WIDGET (self->departments_error) },
    { "*", GTK_WIDGET (self->general_error), GTK_WIDGET (self->general_error) },
  };

  G_STATIC_ASSERT (sizeof fields == sizeof self->fields);
  memcpy (self->fields, fields, sizeof fields);
  g_signal_connect_swapped (self->id_row, "changed", G_CALLBACK (id_changed_cb), self);
  g_signal_connect_swapped (self->phone_row, "changed", G_CALLBACK (phone_changed_cb), self);
  g_signal_connect_swapped (self->deadline_row, "changed", G_CALLBACK (deadline_changed_cb), self);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (name_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->problem_view), "changed",
                            G_CALLBACK (problem_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->instructions_view), "changed",
                            G_CALLBACK (instructions_changed_cb), self);
}
