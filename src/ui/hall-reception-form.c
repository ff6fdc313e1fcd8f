/* hall-reception-form.c — the reception record (领导干部接待群众来访登记表) of one visitor
 *
 * The form reads the matter (matter.get, audited) and the hall's departments (hall.info), fills
 * in what the hall already knows, checks the fields as they are typed, and sends one
 * leader.receive: the instruction, the departments with their deadline, the result.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-reception-form"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-idcard.h"
#include "hall-leader-util.h"
#include "hall-reception-form.h"
#include "hall-ui-util.h"

#define DEFAULT_DEADLINE_DAYS 15

struct _HallReceptionForm
{
  HallPage parent_instance;

  guint record;        /* counts the records started: a reply for an earlier one is dropped */
  gint64 escalation_id;
  gint64 matter_id;
  gint64 petitioner_id;
  char *petitioner_name;
  char *today;
  gboolean busy;
  gboolean ready;
  guint pending;
  GArray *ticked; /* gint64 department ids, in the order they were ticked */
  GHashTable *checks; /* code → GtkCheckButton */

  AdwPreferencesGroup *matter_group;
  AdwActionRow *matter_state_row;
  AdwActionRow *matter_department_row;
  AdwActionRow *matter_received_row;
  AdwEntryRow *name_row;
  GtkLabel *name_error;
  AdwComboRow *sex_row;
  AdwEntryRow *id_row;
  GtkLabel *id_error;
  AdwEntryRow *phone_row;
  GtkLabel *phone_error;
  AdwEntryRow *address_row;
  GtkLabel *address_error;
  GtkSpinButton *persons_spin;
  GtkTextView *problem_view;
  GtkLabel *problem_error;
  GtkTextView *instructions_view;
  GtkLabel *instructions_error;
  GtkFlowBox *departments_box;
  GtkLabel *lead_label;
  GtkLabel *departments_error;
  AdwEntryRow *deadline_row;
  GtkLabel *deadline_error;
  GtkTextView *result_view;
  GtkLabel *result_error;
  GtkLabel *general_error;
};

G_DEFINE_FINAL_TYPE (HallReceptionForm, hall_reception_form, HALL_TYPE_PAGE)

enum {
  PROP_0,
  PROP_READY,
  N_PROPS
};

enum {
  RECEIVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *sex_codes[] = { NULL, "male", "female" };

#define FIELD(pattern, widget, label) { pattern, G_STRUCT_OFFSET (HallReceptionForm, widget), \
                                        G_STRUCT_OFFSET (HallReceptionForm, label) }
static const HallLeaderField fields[] = {
  FIELD ("petitioner.name", name_row, name_error),
  FIELD ("petitioner.id_number", id_row, id_error),
  FIELD ("petitioner.phone", phone_row, phone_error),
  FIELD ("petitioner.*", address_row, address_error),
  FIELD ("problem", problem_view, problem_error),
  FIELD ("instructions", instructions_view, instructions_error),
  FIELD ("result", result_view, result_error),
  FIELD ("deadline", deadline_row, deadline_error),
  FIELD ("*.deadline", deadline_row, deadline_error),
  FIELD ("assignments*", departments_box, departments_error),
  FIELD ("*", general_error, general_error),
};
#undef FIELD

static void
update_actions (HallPage *page)
{
  HallReceptionForm *self = HALL_RECEPTION_FORM (page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reception-form.submit",
                                 hall_page_is_online (page) && self->ready && !self->busy);
}

static void
set_busy (HallReceptionForm *self,
          gboolean           busy)
{
  self->busy = busy;
  update_actions (HALL_PAGE (self));
}

static void
set_ready (HallReceptionForm *self,
           gboolean           ready)
{
  if (self->ready == ready)
    return;
  self->ready = ready;
  update_actions (HALL_PAGE (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

static const char *
department_name (HallReceptionForm *self,
                 gint64             id)
{
  GHashTableIter iter;
  gpointer check;

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, NULL, &check))
    if (GPOINTER_TO_SIZE (g_object_get_data (check, "department-id")) == (gsize) id)
      return gtk_check_button_get_label (check);
  return "";
}

static void
update_lead (HallReceptionForm *self)
{
  g_autofree char *text = NULL;

  if (self->ticked->len == 0)
    text = g_strdup (_("No department ticked: the instruction is recorded without assigning the matter."));
  else
    {
      g_autoptr (GString) others = g_string_new (NULL);

      for (guint i = 1; i < self->ticked->len; i++)
        {
          if (others->len > 0)
            /* Translators: separates department names in a list */
            g_string_append (others, _(", "));
          g_string_append (others, department_name (self, g_array_index (self->ticked, gint64, i)));
        }
      if (others->len > 0)
        /* Translators: %s the lead department, %s the other departments assigned */
        text = g_strdup_printf (_("Lead: %s; also assigned: %s"),
                                department_name (self, g_array_index (self->ticked, gint64, 0)), others->str);
      else
        /* Translators: %s the department that leads the matter */
        text = g_strdup_printf (_("Lead: %s"), department_name (self, g_array_index (self->ticked, gint64, 0)));
    }
  gtk_label_set_text (self->lead_label, text);
}

static void
department_toggled_cb (HallReceptionForm *self,
                       GtkCheckButton    *check)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "department-id"));

  for (guint i = 0; i < self->ticked->len; i++)
    if (g_array_index (self->ticked, gint64, i) == id)
      {
        g_array_remove_index (self->ticked, i);
        break;
      }
  if (gtk_check_button_get_active (check))
    g_array_append_val (self->ticked, id);
  _hall_form_set_error (GTK_WIDGET (self->departments_box), GTK_WIDGET (self->departments_error), NULL);
  update_lead (self);
}

static void
show_departments (HallReceptionForm *self,
                  JsonArray         *departments)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->departments_box))) != NULL)
    gtk_flow_box_remove (self->departments_box, child);
  g_hash_table_remove_all (self->checks);
  g_array_set_size (self->ticked, 0);

  for (guint i = 0; departments != NULL && i < json_array_get_length (departments); i++)
    {
      JsonObject *department = json_array_get_object_element (departments, i);
      const char *code = json_object_get_string_member_with_default (department, "code", "");
      GtkWidget *check;
      g_autofree char *name = NULL;

      if (!json_object_get_boolean_member_with_default (department, "active", TRUE))
        continue;
      check = gtk_check_button_new_with_label (json_object_get_string_member_with_default (department, "name", code));
      name = g_strconcat ("department-", code, NULL);
      gtk_widget_set_name (check, name);
      g_object_set_data (G_OBJECT (check), "department-id",
                         GSIZE_TO_POINTER ((gsize) json_object_get_int_member (department, "id")));
      g_signal_connect_object (check, "toggled", G_CALLBACK (department_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_flow_box_append (self->departments_box, check);
      g_hash_table_insert (self->checks, g_strdup (code), check);
    }
  update_lead (self);
}

/* matter.get's reply, or NULL when it failed: there is no matter to record. */
static void
show_matter (HallReceptionForm *self,
             JsonObject        *result)
{
  JsonObject *matter = result ? json_object_get_object_member (result, "matter") : NULL;
  JsonArray *petitioners = matter ? json_object_get_array_member (result, "petitioners") : NULL;
  JsonObject *person = NULL;
  const char *sex;
  g_autofree char *title = NULL;
  g_autofree char *received = NULL;

  if (result == NULL)
    self->matter_id = 0;
  if (matter == NULL)
    return;
  if (petitioners != NULL && json_array_get_length (petitioners) > 0)
    person = json_array_get_object_element (petitioners, 0);

  /* Translators: %s is the matter's number, XF2026-000123 */
  title = g_strdup_printf (_("Matter %s"), json_object_get_string_member_with_default (matter, "number", ""));
  adw_preferences_group_set_title (self->matter_group, title);
  adw_preferences_group_set_description (self->matter_group,
                                         json_object_get_string_member_with_default (matter, "content", ""));
  adw_action_row_set_subtitle (self->matter_state_row,
                               _hall_leader_state_label (json_object_get_string_member_with_default (matter, "state", "")));
  adw_action_row_set_subtitle (self->matter_department_row,
                               json_object_get_string_member_with_default (matter, "department_name", "—"));
  /* Translators: category of a matter and the date it was received */
  received = g_strdup_printf (_("%s · %s"), json_object_get_string_member_with_default (matter, "category_name", "—"),
                              json_object_get_string_member_with_default (matter, "received_date", ""));
  adw_action_row_set_subtitle (self->matter_received_row, received);

  self->petitioner_id = person ? json_object_get_int_member_with_default (person, "id", 0) : 0;
  g_free (self->petitioner_name);
  self->petitioner_name = person ? g_strdup (json_object_get_string_member_with_default (person, "name", "")) : NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), self->petitioner_name ? self->petitioner_name : "");
  gtk_editable_set_text (GTK_EDITABLE (self->id_row),
                         person ? json_object_get_string_member_with_default (person, "id_number", "") : "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row),
                         person ? json_object_get_string_member_with_default (person, "phone", "") : "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row),
                         person ? json_object_get_string_member_with_default (person, "address", "") : "");
  sex = person ? json_object_get_string_member_with_default (person, "sex", NULL) : NULL;
  adw_combo_row_set_selected (self->sex_row, g_strcmp0 (sex, "male") == 0 ? 1 : g_strcmp0 (sex, "female") == 0 ? 2 : 0);
  gtk_spin_button_set_value (self->persons_spin, json_object_get_int_member_with_default (matter, "persons", 1));
  _hall_leader_text_view_set (self->problem_view, json_object_get_string_member_with_default (matter, "content", ""));
}

/* hall.info's reply (NULL when it failed): the departments to tick and today's date. */
static void
show_info (HallReceptionForm *self,
           JsonObject        *info)
{
  g_autofree char *deadline = NULL;

  if (info == NULL)
    return;
  g_free (self->today);
  self->today = g_strdup (json_object_get_string_member_with_default (info, "today", ""));
  show_departments (self, json_object_get_array_member (info, "departments"));
  deadline = _hall_leader_add_days (self->today, DEFAULT_DEADLINE_DAYS);
  gtk_editable_set_text (GTK_EDITABLE (self->deadline_row), deadline);
}

static void
show_general_error (HallReceptionForm *self,
                    const char        *message)
{
  _hall_form_set_error (GTK_WIDGET (self->general_error), GTK_WIDGET (self->general_error), message);
}

/* One of the replies hall_reception_form_load() waits for. */
typedef struct
{
  guint record;
  void (*show) (HallReceptionForm *self,
                JsonObject        *reply);
} Load;

static void
loaded_cb (HallPage     *page,
           JsonObject   *reply,
           const GError *error,
           gpointer      user_data)
{
  HallReceptionForm *self = HALL_RECEPTION_FORM (page);
  Load *load = user_data;

  if (load->record != self->record)
    return;
  if (reply == NULL)
    show_general_error (self, error->message);
  load->show (self, reply);
  if (self->pending > 0 && --self->pending == 0)
    set_ready (self, self->matter_id != 0);
}

static void
load (HallReceptionForm *self,
      const char        *command,
      JsonObject        *params,
      void (*show) (HallReceptionForm *, JsonObject *))
{
  Load *data = g_new (Load, 1);

  data->record = self->record;
  data->show = show;
  self->pending++;
  hall_page_call_full (HALL_PAGE (self), command, params, loaded_cb, data, g_free);
}

/* ---- checking the fields ------------------------------------------------------------------ */

static const char *
check_name (const char *name)
{
  if (name == NULL || *name == '\0')
    return _("Enter the visitor’s name.");
  if (g_utf8_strlen (name, -1) > 40)
    return _("Use at most 40 characters for the name.");
  return NULL;
}

/* @complete: the person has finished typing (on submit), so a short value is wrong too. */
static gboolean
check_id (HallReceptionForm *self,
          gboolean           complete)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->id_row));
  gboolean whole;
  g_autofree char *message = _hall_check_id_number (text, complete, &whole);

  _hall_form_set_error (GTK_WIDGET (self->id_row), GTK_WIDGET (self->id_error), message);
  if (whole)
    adw_combo_row_set_selected (self->sex_row, g_strcmp0 (hall_id_number_get_sex (text), "male") == 0 ? 1 : 2);
  return message == NULL;
}

static gboolean
check_phone (HallReceptionForm *self,
             gboolean           complete)
{
  g_autofree char *message = _hall_check_phone (gtk_editable_get_text (GTK_EDITABLE (self->phone_row)),
                                                complete, NULL);

  _hall_form_set_error (GTK_WIDGET (self->phone_row), GTK_WIDGET (self->phone_error), message);
  return message == NULL;
}

static gboolean
check_deadline (HallReceptionForm *self,
                gboolean           complete)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->deadline_row));
  const char *message = NULL;

  if (self->ticked->len == 0 || (!complete && strlen (text) < 10))
    ;
  else if ((message = _hall_leader_check_date (text)) == NULL && self->today != NULL
           && g_strcmp0 (text, self->today) <= 0)
    message = _("Give a deadline after today.");
  _hall_form_set_error (GTK_WIDGET (self->deadline_row), GTK_WIDGET (self->deadline_error), message);
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
  _hall_form_set_error (GTK_WIDGET (self->instructions_view), GTK_WIDGET (self->instructions_error), NULL);
}

static void
clear_errors (HallReceptionForm *self)
{
  _hall_leader_clear_errors (self, fields, G_N_ELEMENTS (fields));
}

static void
receive_cb (HallPage     *page,
            JsonObject   *reply,
            const GError *error,
            gpointer      user_data)
{
  HallReceptionForm *self = HALL_RECEPTION_FORM (page);
  JsonObject *reception;

  if (GPOINTER_TO_UINT (user_data) != self->record)
    return;
  set_busy (self, FALSE);
  if (reply == NULL)
    {
      /* Next to the field the hall names, where the leader can fix it. */
      GtkWidget *field = _hall_leader_show_error (self, fields, G_N_ELEMENTS (fields), error);

      if (field != GTK_WIDGET (self->general_error))
        gtk_widget_grab_focus (field);
      return;
    }
  reception = json_object_get_object_member (reply, "reception");
  set_ready (self, FALSE);
  g_signal_emit (self, signals[RECEIVED], 0, reception);
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
  JsonObject *params = g_object_get_data (G_OBJECT (dialog), "hall-params");

  if (g_strcmp0 (response, "record") != 0 || self->busy || hall_page_get_client (HALL_PAGE (self)) == NULL)
    return;
  set_busy (self, TRUE);
  hall_page_call (HALL_PAGE (self), "leader.receive", params, receive_cb, GUINT_TO_POINTER (self->record));
}

/* Assigning sends the matter to the departments and finishes the visitor's number: asked first. */
static void
ask_first (HallReceptionForm *self,
           JsonObject        *params)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  g_autoptr (GString) departments = g_string_new (NULL);
  g_autofree char *body = NULL;

  for (guint i = 0; i < self->ticked->len; i++)
    {
      if (i > 0)
        g_string_append (departments, _(", "));
      g_string_append (departments, department_name (self, g_array_index (self->ticked, gint64, i)));
    }
  if (self->ticked->len > 0)
    /* Translators: confirming the reception record; %s the departments (the first leads), %s the deadline */
    body = g_strdup_printf (_("The matter goes to %s (the first leads) to be done by %s, with your instructions. "
                              "The visitor’s number is finished."),
                            departments->str, gtk_editable_get_text (GTK_EDITABLE (self->deadline_row)));
  else
    body = g_strdup (_("Your instructions are recorded on the matter without assigning it. The visitor’s number is "
                       "finished."));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Record the Reception?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "record", _("_Record and Assign"), NULL);
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
  g_autofree char *problem = _hall_leader_text_view_get (self->problem_view);
  g_autofree char *instructions = _hall_leader_text_view_get (self->instructions_view);
  g_autofree char *result = _hall_leader_text_view_get (self->result_view);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *deadline = gtk_editable_get_text (GTK_EDITABLE (self->deadline_row));
  const char *message;
  JsonObject *person;
  gboolean valid = TRUE;
  guint sex;

  if (self->busy || !self->ready)
    return;
  clear_errors (self);
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
                            _("Write down the problem the visitor raises."));
      valid = FALSE;
    }
  if (*instructions == '\0')
    {
      _hall_form_set_error (GTK_WIDGET (self->instructions_view), GTK_WIDGET (self->instructions_error),
                            _("Write your instructions for the departments."));
      valid = FALSE;
    }
  if (self->ticked->len > 10)
    {
      _hall_form_set_error (GTK_WIDGET (self->departments_box), GTK_WIDGET (self->departments_error),
                            _("Assign the matter to at most 10 departments."));
      valid = FALSE;
    }
  valid &= check_deadline (self, TRUE);
  if (!valid)
    return;

  if (self->escalation_id != 0)
    json_object_set_int_member (params, "escalation_id", self->escalation_id);
  else
    json_object_set_int_member (params, "matter_id", self->matter_id);
  json_object_set_string_member (params, "problem", problem);
  json_object_set_string_member (params, "instructions", instructions);
  add_string (params, "result", result);
  json_object_set_int_member (params, "persons", gtk_spin_button_get_value_as_int (self->persons_spin));

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

          json_object_set_int_member (assignment, "department_id", g_array_index (self->ticked, gint64, i));
          json_array_add_object_element (assignments, assignment);
        }
      json_object_set_array_member (params, "assignments", assignments);
      json_object_set_string_member (params, "deadline", deadline);
    }

  ask_first (self, params);
}

/* Calls sent with another client will not answer. */
static void
client_changed_cb (HallReceptionForm *self)
{
  self->busy = FALSE;
}

/* ---- GObject ------------------------------------------------------------------------------ */

static void
hall_reception_form_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), HALL_TYPE_RECEPTION_FORM);
  G_OBJECT_CLASS (hall_reception_form_parent_class)->dispose (object);
}

static void
hall_reception_form_finalize (GObject *object)
{
  HallReceptionForm *self = HALL_RECEPTION_FORM (object);

  g_clear_pointer (&self->ticked, g_array_unref);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_free (self->petitioner_name);
  g_free (self->today);
  G_OBJECT_CLASS (hall_reception_form_parent_class)->finalize (object);
}

static void
hall_reception_form_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HallReceptionForm *self = HALL_RECEPTION_FORM (object);

  switch (prop_id)
    {
    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_reception_form_class_init (HallReceptionFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_reception_form_dispose;
  object_class->finalize = hall_reception_form_finalize;
  object_class->get_property = hall_reception_form_get_property;
  page_class->update_actions = update_actions;

  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The record the hall kept (leader.receive's "reception"). */
  signals[RECEIVED] = g_signal_new ("received", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                    NULL, G_TYPE_NONE, 1, JSON_TYPE_OBJECT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xinfanghall/Hall/ui/hall-reception-form.ui");
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, matter_group);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, matter_state_row);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, matter_department_row);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, matter_received_row);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, name_error);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, sex_row);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, id_row);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, id_error);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, phone_row);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, phone_error);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, address_row);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, address_error);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, persons_spin);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, problem_view);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, problem_error);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, instructions_view);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, instructions_error);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, departments_box);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, lead_label);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, departments_error);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, deadline_error);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, result_view);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, result_error);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, general_error);

  gtk_widget_class_install_action (widget_class, "reception-form.submit", NULL, submit_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "reception-form.submit", NULL);
}

static void
hall_reception_form_init (HallReceptionForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->ticked = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect (self, "notify::client", G_CALLBACK (client_changed_cb), NULL);
  g_signal_connect_swapped (self->id_row, "changed", G_CALLBACK (id_changed_cb), self);
  g_signal_connect_swapped (self->phone_row, "changed", G_CALLBACK (phone_changed_cb), self);
  g_signal_connect_swapped (self->deadline_row, "changed", G_CALLBACK (deadline_changed_cb), self);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (name_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->problem_view), "changed",
                            G_CALLBACK (problem_changed_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->instructions_view), "changed",
                            G_CALLBACK (instructions_changed_cb), self);
  update_lead (self);
  update_actions (HALL_PAGE (self));
}

GtkWidget *
hall_reception_form_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_RECEPTION_FORM, "client", client, NULL);
}

void
hall_reception_form_load (HallReceptionForm *self,
                          gint64             escalation_id,
                          gint64             matter_id)
{
  g_autoptr (JsonObject) params = NULL;

  g_return_if_fail (HALL_IS_RECEPTION_FORM (self));

  self->record++;
  self->pending = 0;
  self->escalation_id = escalation_id;
  self->matter_id = matter_id;
  self->busy = FALSE;
  set_ready (self, FALSE);
  clear_errors (self);
  _hall_leader_text_view_set (self->instructions_view, "");
  _hall_leader_text_view_set (self->result_view, "");
  if (hall_page_get_client (HALL_PAGE (self)) == NULL || matter_id == 0)
    return;

  params = _hall_leader_params_id ("matter_id", matter_id);
  load (self, "matter.get", params, show_matter);
  load (self, "hall.info", NULL, show_info);
}

gint64
hall_reception_form_get_matter_id (HallReceptionForm *self)
{
  g_return_val_if_fail (HALL_IS_RECEPTION_FORM (self), 0);
  return self->matter_id;
}

gboolean
hall_reception_form_get_ready (HallReceptionForm *self)
{
  g_return_val_if_fail (HALL_IS_RECEPTION_FORM (self), FALSE);
  return self->ready;
}

void
hall_reception_form_set_department (HallReceptionForm *self,
                                    const char        *code,
                                    gboolean           assigned)
{
  GtkCheckButton *check;

  g_return_if_fail (HALL_IS_RECEPTION_FORM (self));
  check = g_hash_table_lookup (self->checks, code);
  g_return_if_fail (check != NULL);
  gtk_check_button_set_active (check, assigned);
}
