/* hall-reception-form.c — the reception record (领导干部接待群众来访登记表) of one visitor
 *
 * The form reads the matter (matter.get, audited) and the hall's departments (hall.info) and
 * fills in what the hall already knows; the departments ticked say which one leads. Checking
 * what the leader writes and sending one leader.receive (the instruction, the departments with
 * their deadline, the result) is hall-reception-form-send.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-reception-form"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-form.h"
#include "hall-json.h"
#include "hall-labels.h"
#include "hall-leader-format.h"
#include "hall-reception-form-private.h"

#define DEFAULT_DEADLINE_DAYS 15

G_DEFINE_FINAL_TYPE (HallReceptionForm, hall_reception_form, HALL_TYPE_PAGE)

enum
{
  PROP_0,
  PROP_READY,
  N_PROPS
};

enum
{
  RECEIVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static void
hall_reception_form_update_actions (HallPage *page)
{
  HallReceptionForm *self = HALL_RECEPTION_FORM (page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reception-form.submit",
                                 hall_page_is_online (page) && self->ready && !self->busy);
}

void
_hall_reception_form_set_busy (HallReceptionForm *self,
                               gboolean           busy)
{
  self->busy = busy;
  hall_reception_form_update_actions (HALL_PAGE (self));
}

void
_hall_reception_form_set_ready (HallReceptionForm *self,
                                gboolean           ready)
{
  if (self->ready == ready)
    return;
  self->ready = ready;
  hall_reception_form_update_actions (HALL_PAGE (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

const char *
_hall_reception_form_department_name (HallReceptionForm *self,
                                      gint64             id)
{
  GHashTableIter iter;
  gpointer       check;

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
    text = g_strdup (
        _ ("No department ticked: the instruction is recorded without assigning the matter."));
  else
    {
      g_autoptr (GString) others = g_string_new (NULL);

      for (guint i = 1; i < self->ticked->len; i++)
        {
          if (others->len > 0)
            /* Translators: separates department names in a list */
            g_string_append (others, _ (", "));
          g_string_append (others, _hall_reception_form_department_name (
                                       self, g_array_index (self->ticked, gint64, i)));
        }
      if (others->len > 0)
        /* Translators: %s the lead department, %s the other departments assigned */
        text = g_strdup_printf (
            _ ("Lead: %s; also assigned: %s"),
            _hall_reception_form_department_name (self, g_array_index (self->ticked, gint64, 0)),
            others->str);
      else
        /* Translators: %s the department that leads the matter */
        text = g_strdup_printf (_ ("Lead: %s"), _hall_reception_form_department_name (
                                                    self, g_array_index (self->ticked, gint64, 0)));
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
  _hall_form_set_error (GTK_WIDGET (self->departments_box), GTK_WIDGET (self->departments_error),
                        NULL);
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
      JsonObject      *department = json_array_get_object_element (departments, i);
      const char      *code = json_object_get_string_member_with_default (department, "code", "");
      GtkWidget       *check;
      g_autofree char *name = NULL;

      if (!json_object_get_boolean_member_with_default (department, "active", TRUE))
        continue;
      check = gtk_check_button_new_with_label (
          json_object_get_string_member_with_default (department, "name", code));
      name = g_strconcat ("department-", code, NULL);
      gtk_widget_set_name (check, name);
      g_object_set_data (G_OBJECT (check), "department-id",
                         GSIZE_TO_POINTER ((gsize) json_object_get_int_member (department, "id")));
      g_signal_connect_object (check, "toggled", G_CALLBACK (department_toggled_cb), self,
                               G_CONNECT_SWAPPED);
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
  JsonObject      *matter = result ? json_object_get_object_member (result, "matter") : NULL;
  JsonArray       *petitioners = matter ? json_object_get_array_member (result, "petitioners") : NULL;
  JsonObject      *person = NULL;
  const char      *sex;
  g_autofree char *title = NULL;
  g_autofree char *received = NULL;

  if (result == NULL)
    self->matter_id = 0;
  if (matter == NULL)
    return;
  if (petitioners != NULL && json_array_get_length (petitioners) > 0)
    person = json_array_get_object_element (petitioners, 0);

  /* Translators: %s is the matter's number, XF2026-000123 */
  title = g_strdup_printf (_ ("Matter %s"),
                           json_object_get_string_member_with_default (matter, "number", ""));
  adw_preferences_group_set_title (self->matter_group, title);
  adw_preferences_group_set_description (
      self->matter_group, json_object_get_string_member_with_default (matter, "content", ""));
  adw_action_row_set_subtitle (
      self->matter_state_row,
      hall_label_state (json_object_get_string_member_with_default (matter, "state", "")));
  adw_action_row_set_subtitle (
      self->matter_department_row,
      json_object_get_string_member_with_default (matter, "department_name", "—"));
  /* Translators: category of a matter and the date it was received */
  received = g_strdup_printf (
      _ ("%s · %s"), json_object_get_string_member_with_default (matter, "category_name", "—"),
      json_object_get_string_member_with_default (matter, "received_date", ""));
  adw_action_row_set_subtitle (self->matter_received_row, received);

  self->petitioner_id = person ? json_object_get_int_member_with_default (person, "id", 0) : 0;
  g_free (self->petitioner_name);
  self->petitioner_name =
      person ? g_strdup (json_object_get_string_member_with_default (person, "name", "")) : NULL;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                         self->petitioner_name ? self->petitioner_name : "");
  gtk_editable_set_text (
      GTK_EDITABLE (self->id_row),
      person ? json_object_get_string_member_with_default (person, "id_number", "") : "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row),
                         person ? json_object_get_string_member_with_default (person, "phone", "")
                                : "");
  gtk_editable_set_text (GTK_EDITABLE (self->address_row),
                         person ? json_object_get_string_member_with_default (person, "address", "")
                                : "");
  sex = person ? json_object_get_string_member_with_default (person, "sex", NULL) : NULL;
  adw_combo_row_set_selected (self->sex_row, g_strcmp0 (sex, "male") == 0     ? 1
                                             : g_strcmp0 (sex, "female") == 0 ? 2
                                                                              : 0);
  gtk_spin_button_set_value (self->persons_spin,
                             json_object_get_int_member_with_default (matter, "persons", 1));
  _hall_form_text_view_set_text (
      self->problem_view, json_object_get_string_member_with_default (matter, "content", ""));
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
  deadline = _hall_leader_format_add_days (self->today, DEFAULT_DEADLINE_DAYS);
  hall_date_row_set_date (self->deadline_row, deadline);
}

static void
show_general_error (HallReceptionForm *self,
                    const char        *message)
{
  _hall_form_set_error (GTK_WIDGET (self->general_error), GTK_WIDGET (self->general_error),
                        message);
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
  Load              *load = user_data;

  if (load->record != self->record)
    return;
  if (reply == NULL)
    show_general_error (self, error->message);
  load->show (self, reply);
  if (self->pending > 0 && --self->pending == 0)
    _hall_reception_form_set_ready (self, self->matter_id != 0);
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

void
_hall_reception_form_received (HallReceptionForm *self,
                               JsonObject        *reception)
{
  _hall_reception_form_set_ready (self, FALSE);
  g_signal_emit (self, signals[RECEIVED], 0, reception);
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
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_reception_form_dispose;
  object_class->finalize = hall_reception_form_finalize;
  object_class->get_property = hall_reception_form_get_property;
  page_class->update_actions = hall_reception_form_update_actions;

  properties[PROP_READY] =
      g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The record the hall kept (leader.receive's "reception"). */
  signals[RECEIVED] = g_signal_new ("received", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                    NULL, NULL, NULL, G_TYPE_NONE, 1, JSON_TYPE_OBJECT);

  g_type_ensure (HALL_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/leader/hall-reception-form.ui");
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
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, departments_box);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, lead_label);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, departments_error);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, deadline_error);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, result_view);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, result_error);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionForm, general_error);

  _hall_reception_form_class_init_send (widget_class);
}

static void
hall_reception_form_init (HallReceptionForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->ticked = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect (self, "notify::client", G_CALLBACK (client_changed_cb), NULL);
  _hall_reception_form_init_send (self);
  update_lead (self);
  hall_reception_form_update_actions (HALL_PAGE (self));
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
  _hall_reception_form_set_ready (self, FALSE);
  _hall_reception_form_clear_errors (self);
  _hall_form_text_view_set_text (self->instructions_view, "");
  _hall_form_text_view_set_text (self->result_view, "");
  adw_combo_row_set_selected (self->outcome_row, 0);
  if (hall_page_get_client (HALL_PAGE (self)) == NULL || matter_id == 0)
    return;

  params = _hall_json_params_id ("matter_id", matter_id);
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
