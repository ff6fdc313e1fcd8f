/* hall-triage-page.c — 分流取号: the hall manager gives a walk-in visitor a ticket
 *
 * The categories and departments come from hall.info (again on a setup.changed event). Picking a
 * problem suggests its department; an ID number or phone, once complete and valid, looks the
 * person up (petitioner.lookup) and warns about repeat visits. ticket.issue answers with the code
 * the manager tells the visitor, shown large with the place in the queue; the form then clears for
 * the next visitor, so pressing Ctrl+Enter twice cannot give one visitor two tickets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-triage-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-check.h"
#include "hall-form.h"
#include "hall-idcard.h"
#include "hall-info.h"
#include "hall-manager-rows.h"
#include "hall-triage-page.h"

/* The fields of the table before the ID number and the phone. */
#define N_CLEARED 3

struct _HallTriagePage
{
  HallPage parent_instance;

  JsonObject *info; /* hall.info: categories and departments */
  JsonObject *last_issued;
  JsonObject *lookup;
  char       *looked_up;      /* the id_number or phone of the lookup shown */
  guint       lookup_serial;  /* of the lookup whose answer is awaited */
  GArray     *category_ids;   /* gint64 per category row item; 0 = none picked */
  GArray     *department_ids; /* gint64 per department row item */
  gboolean    ready;          /* hall.info has been read */
  gboolean    issuing;
  gboolean    looking_up;
  gboolean    updating;

  AdwComboRow   *category_row;
  AdwComboRow   *department_row;
  AdwComboRow   *priority_row;
  GtkSpinButton *persons_spin;
  GtkLabel      *persons_error;
  AdwEntryRow   *name_row;
  GtkLabel      *name_error;
  AdwEntryRow   *id_number_row;
  GtkLabel      *id_number_error;
  AdwEntryRow   *phone_row;
  GtkLabel      *phone_error;
  GtkLabel      *repeat_label;
  GtkListBox    *history_list;
  GtkLabel      *form_error;
  HallFormField  fields[5];
  GtkLabel      *ticket_caption;
  GtkLabel      *code_label;
  GtkLabel      *department_label;
  GtkLabel      *position_label;
  GtkWidget     *ticket_card;
};

G_DEFINE_FINAL_TYPE (HallTriagePage, hall_triage_page, HALL_TYPE_PAGE)

enum
{
  PROP_0,
  PROP_READY,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const priority_codes[] = { "normal", "priority", "collective" };

static void
hall_triage_page_update_actions (HallPage *page)
{
  HallTriagePage *self = HALL_TRIAGE_PAGE (page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "triage.issue",
                                 hall_page_is_online (page) && self->info != NULL
                                     && !self->issuing);
}

static void
set_busy (HallTriagePage *self,
          gboolean       *flag,
          gboolean        value)
{
  gboolean was = self->issuing || self->looking_up;

  *flag = value;
  hall_triage_page_update_actions (HALL_PAGE (self));
  if (was != (self->issuing || self->looking_up))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static JsonObject *
find_by_id (JsonArray *array,
            gint64     id)
{
  for (guint i = 0; array && i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);
      if (json_object_get_int_member_with_default (object, "id", 0) == id)
        return object;
    }
  return NULL;
}

static guint
index_of (GArray *ids,
          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* The hall's error at its field, else above the button. The ID number and the phone say what is
 * wrong with them as they are typed (the first N_CLEARED fields are the others): an error of the
 * hall's only adds to them. */
static void
show_field_errors (HallTriagePage *self,
                   const GError   *error)
{
  _hall_form_clear_errors (self->fields, N_CLEARED, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
  if (error != NULL
      && _hall_form_show_error (self->fields, G_N_ELEMENTS (self->fields), error, self->form_error)
             == NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->form_error), TRUE);
}

/* ---- reference data ---------------------------------------------------------------------- */

static void
fill_rows (HallTriagePage *self)
{
  gint64 category_id = _hall_info_combo_get_id (self->category_row, self->category_ids);
  gint64 department_id = _hall_info_combo_get_id (self->department_row, self->department_ids);

  self->updating = TRUE;
  _hall_info_combo_set_items (
      self->category_row, self->category_ids,
      /* Translators: the first entry of the problem list, when the manager picks the department */
      _ ("Choose a problem…"), _hall_info_array (self->info, "categories"), FALSE, category_id);
  _hall_info_combo_set_items (self->department_row, self->department_ids,
                              /* Translators: the first entry of the department list in triage */
                              _ ("Choose a department…"),
                              _hall_info_array (self->info, "departments"), TRUE, department_id);
  self->updating = FALSE;
}

static void
info_loaded (HallPage     *page,
             const GError *error)
{
  HallTriagePage *self = HALL_TRIAGE_PAGE (page);

  if (error != NULL)
    {
      if (!self->ready)
        show_field_errors (self, error);
      return;
    }
  fill_rows (self);
  hall_triage_page_update_actions (page);
  if (!self->ready)
    {
      self->ready = TRUE;
      gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
    }
}

static void
hall_triage_page_refresh (HallPage *page)
{
  _hall_info_load (page, &HALL_TRIAGE_PAGE (page)->info, info_loaded);
}

static void
category_selected_cb (HallTriagePage *self)
{
  gint64      category_id = _hall_info_combo_get_id (self->category_row, self->category_ids);
  JsonObject *category = find_by_id (_hall_info_array (self->info, "categories"), category_id);
  guint       position;

  if (category != NULL
      && json_object_get_boolean_member_with_default (category, "litigation", FALSE))
    adw_action_row_set_subtitle (
        ADW_ACTION_ROW (self->category_row),
        /* Translators: triage hint under a litigation-related (涉法涉诉) category */
        _ ("Litigation-related: the visitor goes to a legal affairs window, not a petition."));
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->category_row), NULL);

  if (self->updating || category == NULL)
    return;
  position = index_of (self->department_ids,
                       json_object_get_int_member_with_default (category, "department_id", 0));
  if (position != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (self->department_row, position);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
}

/* 5 or more persons always make a collective visit; collective needs 5. */
static void
persons_changed_cb (HallTriagePage *self)
{
  int   persons = gtk_spin_button_get_value_as_int (self->persons_spin);
  guint priority = adw_combo_row_get_selected (self->priority_row);

  if (self->updating)
    return;
  if (persons >= 5 && priority != 2)
    adw_combo_row_set_selected (self->priority_row, 2);
  else if (persons < 5 && priority == 2)
    adw_combo_row_set_selected (self->priority_row, 0);
  _hall_form_set_error (GTK_WIDGET (self->persons_spin), GTK_WIDGET (self->persons_error), NULL);
}

static void
priority_selected_cb (HallTriagePage *self)
{
  int persons = gtk_spin_button_get_value_as_int (self->persons_spin);

  if (self->updating)
    return;
  if (adw_combo_row_get_selected (self->priority_row) == 2 && persons < 5)
    _hall_form_set_error (GTK_WIDGET (self->persons_spin), GTK_WIDGET (self->persons_error),
                          /* Translators: triage: collective visit chosen with fewer people */
                          _ ("A collective visit is 5 or more persons: enter how many came."));
  else
    _hall_form_set_error (GTK_WIDGET (self->persons_spin), GTK_WIDGET (self->persons_error), NULL);
}

/* ---- petitioner lookup ------------------------------------------------------------------- */

static void
clear_history (HallTriagePage *self)
{
  _hall_manager_rows_history_clear (self->history_list, self->repeat_label);
  g_clear_pointer (&self->lookup, json_object_unref);
  g_clear_pointer (&self->looked_up, g_free);
}

static void
lookup_cb (HallPage     *page,
           JsonObject   *lookup,
           const GError *error,
           gpointer      user_data)
{
  HallTriagePage *self = HALL_TRIAGE_PAGE (page);
  JsonObject     *person;

  /* An answer for what was typed before. */
  if (GPOINTER_TO_UINT (user_data) != self->lookup_serial)
    return;
  set_busy (self, &self->looking_up, FALSE);
  if (lookup == NULL)
    {
      show_field_errors (self, error);
      return;
    }
  self->lookup = json_object_ref (lookup);
  person = _hall_manager_rows_history_show (self->history_list, self->repeat_label, lookup);
  /* The name the hall knows, unless the manager typed one. */
  if (person != NULL && *gtk_editable_get_text (GTK_EDITABLE (self->name_row)) == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                           json_object_get_string_member_with_default (person, "name", ""));
}

static void
start_lookup (HallTriagePage *self,
              const char     *member,
              const char     *value)
{
  g_autoptr (JsonObject) params = json_object_new ();

  if (g_strcmp0 (self->looked_up, value) == 0 || hall_page_get_client (HALL_PAGE (self)) == NULL)
    return;
  clear_history (self);
  self->looked_up = g_strdup (value);
  json_object_set_string_member (params, member, value);
  set_busy (self, &self->looking_up, TRUE);
  hall_page_call (HALL_PAGE (self), "petitioner.lookup", params, lookup_cb,
                  GUINT_TO_POINTER (++self->lookup_serial));
}

static void
id_number_changed_cb (HallTriagePage *self)
{
  g_autofree char *text = _hall_form_dup_text (self->id_number_row);
  gboolean         whole;
  g_autofree char *message = _hall_check_id_number (text, FALSE, &whole);

  _hall_form_set_error (GTK_WIDGET (self->id_number_row), GTK_WIDGET (self->id_number_error),
                        message);
  if (whole)
    start_lookup (self, "id_number", text);
  else if (*text != '\0' && g_strcmp0 (self->looked_up, text) != 0)
    clear_history (self);
}

static void
phone_changed_cb (HallTriagePage *self)
{
  g_autofree char *text = _hall_form_dup_text (self->phone_row);
  gboolean         whole;
  g_autofree char *message = _hall_check_phone (text, FALSE, &whole);

  _hall_form_set_error (GTK_WIDGET (self->phone_row), GTK_WIDGET (self->phone_error), message);
  /* The ID number, when there is one, names the person better. */
  if (whole && *gtk_editable_get_text (GTK_EDITABLE (self->id_number_row)) == '\0')
    start_lookup (self, "phone", text);
}

/* ---- issuing ----------------------------------------------------------------------------- */

static void
clear_form (HallTriagePage *self)
{
  self->updating = TRUE;
  adw_combo_row_set_selected (self->category_row, 0);
  adw_combo_row_set_selected (self->department_row, 0);
  adw_combo_row_set_selected (self->priority_row, 0);
  gtk_spin_button_set_value (self->persons_spin, 1);
  self->updating = FALSE;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->category_row), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->id_number_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), "");
  self->lookup_serial++;
  set_busy (self, &self->looking_up, FALSE);
  clear_history (self);
  show_field_errors (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->category_row));
}

static void
show_ticket (HallTriagePage *self,
             JsonObject     *issued)
{
  JsonObject      *ticket = json_object_get_object_member (issued, "ticket");
  gint64           position = json_object_get_int_member_with_default (issued, "position", 0);
  gint64           ahead = json_object_get_int_member_with_default (issued, "people_ahead", 0);
  g_autofree char *where = NULL;
  g_autofree char *accessible = NULL;
  const char      *code = json_object_get_string_member_with_default (ticket, "code", "");

  /* Translators: above the ticket code just issued */
  gtk_label_set_text (self->ticket_caption, _ ("Tell the visitor their number"));
  gtk_label_set_text (self->code_label, code);
  gtk_label_set_text (self->department_label,
                      json_object_get_string_member_with_default (ticket, "department_name", ""));
  if (ahead == 0)
    /* Translators: the ticket just issued is the next to be called */
    where = g_strdup (_ ("Next to be called — nobody ahead"));
  else
    /* Translators: place of the ticket just issued: position in the queue and people waiting before
     * it */
    where = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Position %d · %d person ahead",
                                          "Position %d · %d people ahead", ahead),
                             (int) position, (int) ahead);
  gtk_label_set_text (self->position_label, where);
  accessible = g_strdup_printf ("%s %s", code, where);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->ticket_card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_widget_add_css_class (self->ticket_card, "issued");
}

static void
issue_cb (HallPage     *page,
          JsonObject   *issued,
          const GError *error,
          gpointer      user_data)
{
  HallTriagePage *self = HALL_TRIAGE_PAGE (page);

  set_busy (self, &self->issuing, FALSE);
  if (issued == NULL)
    {
      show_field_errors (self, error);
      return;
    }
  g_clear_pointer (&self->last_issued, json_object_unref);
  self->last_issued = json_object_ref (issued);
  show_ticket (self, issued);
  clear_form (self);
}

static void
issue_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HallTriagePage *self = HALL_TRIAGE_PAGE (widget);
  g_autoptr (JsonObject) params = json_object_new ();
  gint64           category_id = _hall_info_combo_get_id (self->category_row, self->category_ids);
  gint64           department_id = _hall_info_combo_get_id (self->department_row, self->department_ids);
  guint            priority = adw_combo_row_get_selected (self->priority_row);
  g_autofree char *name = _hall_form_dup_text (self->name_row);
  g_autofree char *id_number = _hall_form_dup_text (self->id_number_row);
  g_autofree char *phone = _hall_form_dup_text (self->phone_row);

  if (self->issuing || hall_page_get_client (HALL_PAGE (self)) == NULL)
    return;
  if (category_id == 0 && department_id == 0)
    {
      g_autoptr (GError) error =
          g_error_new_literal (HALL_ERROR, HALL_ERROR_INVALID_ARGUMENT,
                               _ ("Choose the visitor's problem or department."));
      show_field_errors (self, error);
      return;
    }
  if (gtk_widget_has_css_class (GTK_WIDGET (self->id_number_row), "error")
      || gtk_widget_has_css_class (GTK_WIDGET (self->phone_row), "error")
      || gtk_widget_has_css_class (GTK_WIDGET (self->persons_spin), "error"))
    return;

  if (category_id != 0)
    json_object_set_int_member (params, "category_id", category_id);
  if (department_id != 0)
    json_object_set_int_member (params, "department_id", department_id);
  json_object_set_string_member (params, "priority", priority_codes[MIN (priority, 2)]);
  json_object_set_int_member (params, "persons",
                              gtk_spin_button_get_value_as_int (self->persons_spin));
  if (*name || *id_number || *phone)
    {
      JsonObject *petitioner = json_object_new ();

      json_object_set_string_member (petitioner, "name", name);
      if (*id_number)
        json_object_set_string_member (petitioner, "id_number", id_number);
      if (*phone)
        json_object_set_string_member (petitioner, "phone", phone);
      json_object_set_object_member (params, "petitioner", petitioner);
    }

  show_field_errors (self, NULL);
  set_busy (self, &self->issuing, TRUE);
  hall_page_call (HALL_PAGE (self), "ticket.issue", params, issue_cb, NULL);
}

static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HallTriagePage *self = HALL_TRIAGE_PAGE (widget);

  clear_form (self);
  gtk_label_set_text (self->ticket_caption, _ ("No ticket issued yet"));
  gtk_label_set_text (self->code_label, "—");
  gtk_label_set_text (self->department_label, "");
  gtk_label_set_text (self->position_label, "");
  gtk_widget_remove_css_class (self->ticket_card, "issued");
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->ticket_card), GTK_ACCESSIBLE_PROPERTY_LABEL);
}

static void
entry_activated_cb (HallTriagePage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "triage.issue", NULL);
}

/* ---- the client -------------------------------------------------------------------------- */

static void
hall_triage_page_event (HallPage   *page,
                        const char *kind,
                        JsonObject *event)
{
  if (g_strcmp0 (kind, "setup.changed") == 0)
    hall_page_refresh (page);
}

/* Another hall perhaps: its categories and departments; the calls to the last one are given up. */
static void
client_changed_cb (HallTriagePage *self)
{
  g_clear_pointer (&self->info, json_object_unref);
  self->ready = FALSE;
  self->lookup_serial++;
  set_busy (self, &self->issuing, FALSE);
  set_busy (self, &self->looking_up, FALSE);
}

static void
hall_triage_page_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), HALL_TYPE_TRIAGE_PAGE);
  G_OBJECT_CLASS (hall_triage_page_parent_class)->dispose (object);
}

static void
hall_triage_page_finalize (GObject *object)
{
  HallTriagePage *self = HALL_TRIAGE_PAGE (object);

  g_clear_pointer (&self->info, json_object_unref);
  g_clear_pointer (&self->last_issued, json_object_unref);
  g_clear_pointer (&self->lookup, json_object_unref);
  g_clear_pointer (&self->looked_up, g_free);
  g_clear_pointer (&self->category_ids, g_array_unref);
  g_clear_pointer (&self->department_ids, g_array_unref);
  G_OBJECT_CLASS (hall_triage_page_parent_class)->finalize (object);
}

static void
hall_triage_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HallTriagePage *self = HALL_TRIAGE_PAGE (object);

  switch (prop_id)
    {
    case PROP_READY:
      g_value_set_boolean (value, hall_triage_page_get_ready (self));
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, hall_triage_page_get_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_triage_page_class_init (HallTriagePageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_triage_page_dispose;
  object_class->finalize = hall_triage_page_finalize;
  object_class->get_property = hall_triage_page_get_property;
  page_class->refresh = hall_triage_page_refresh;
  page_class->event = hall_triage_page_event;
  page_class->update_actions = hall_triage_page_update_actions;

  properties[PROP_READY] =
      g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
      g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/manager/hall-triage-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallTriagePage, category_row);
  gtk_widget_class_bind_template_child (widget_class, HallTriagePage, department_row);
  gtk_widget_class_bind_template_child (widget_class, HallTriagePage, priority_row);
  gtk_widget_class_bind_template_child (widget_class, HallTriagePage, persons_spin);
  gtk_widget_class_bind_template_child (widget_class, HallTriagePage, persons_error);
  gtk_widget_class_bind_template_child (widget_class, HallTriagePage, name_row);
  gtk_widget_class_bind_template_child (widget_class, HallTriagePage, name_error);
  gtk_widget_class_bind_template_child (widget_class, HallTriagePage, id_number_row);
  gtk_widget_class_bind_template_child (widget_class, HallTriagePage, id_number_error);
  gtk_widget_class_bind_template_child (widget_class, HallTriagePage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, HallTriagePage, phone_error);
  gtk_widget_class_bind_template_child (widget_class, HallTriagePage, repeat_label);
  gtk_widget_class_bind_template_child (widget_class, HallTriagePage, history_list);
  gtk_widget_class_bind_template_child (widget_class, HallTriagePage, form_error);
  gtk_widget_class_bind_template_child (widget_class, HallTriagePage, ticket_caption);
  gtk_widget_class_bind_template_child (widget_class, HallTriagePage, code_label);
  gtk_widget_class_bind_template_child (widget_class, HallTriagePage, department_label);
  gtk_widget_class_bind_template_child (widget_class, HallTriagePage, position_label);
  gtk_widget_class_bind_template_child (widget_class, HallTriagePage, ticket_card);

  gtk_widget_class_install_action (widget_class, "triage.issue", NULL, issue_action);
  gtk_widget_class_install_action (widget_class, "triage.clear", NULL, clear_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "triage.issue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "triage.issue", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "triage.clear", NULL);
}

static void
hall_triage_page_init (HallTriagePage *self)
{
  g_autoptr (GtkStringList) priorities = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields[0] = (HallFormField){ "persons", GTK_WIDGET (self->persons_spin),
                                     GTK_WIDGET (self->persons_error) };
  self->fields[1] = (HallFormField){ "priority", GTK_WIDGET (self->persons_spin),
                                     GTK_WIDGET (self->persons_error) };
  self->fields[2] = (HallFormField){ "petitioner.name", GTK_WIDGET (self->name_row),
                                     GTK_WIDGET (self->name_error) };
  self->fields[3] = (HallFormField){ "*id_number", GTK_WIDGET (self->id_number_row),
                                     GTK_WIDGET (self->id_number_error) };
  self->fields[4] =
      (HallFormField){ "*phone", GTK_WIDGET (self->phone_row), GTK_WIDGET (self->phone_error) };
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  priorities = gtk_string_list_new (NULL);
  /* Translators: ticket priority: an ordinary visitor */
  gtk_string_list_append (priorities, _ ("Normal"));
  /* Translators: ticket priority: elderly, disabled, pregnant … called first */
  gtk_string_list_append (priorities, _ ("Priority (elderly, disabled…)"));
  /* Translators: ticket priority: 集体访, 5 or more persons */
  gtk_string_list_append (priorities, _ ("Collective visit"));
  adw_combo_row_set_model (self->priority_row, G_LIST_MODEL (priorities));

  g_signal_connect_object (self->category_row, "notify::selected",
                           G_CALLBACK (category_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->priority_row, "notify::selected",
                           G_CALLBACK (priority_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->persons_spin, "value-changed", G_CALLBACK (persons_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->id_number_row, "notify::text", G_CALLBACK (id_number_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->phone_row, "notify::text", G_CALLBACK (phone_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "entry-activated", G_CALLBACK (entry_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->id_number_row, "entry-activated", G_CALLBACK (entry_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->phone_row, "entry-activated", G_CALLBACK (entry_activated_cb),
                           self, G_CONNECT_SWAPPED);

  g_signal_connect (self, "notify::client", G_CALLBACK (client_changed_cb), NULL);
  hall_triage_page_update_actions (HALL_PAGE (self));
}

GtkWidget *
hall_triage_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_TRIAGE_PAGE, "client", client, NULL);
}

gboolean
hall_triage_page_get_ready (HallTriagePage *self)
{
  g_return_val_if_fail (HALL_IS_TRIAGE_PAGE (self), FALSE);
  return self->ready;
}

gboolean
hall_triage_page_get_busy (HallTriagePage *self)
{
  g_return_val_if_fail (HALL_IS_TRIAGE_PAGE (self), FALSE);
  return self->issuing || self->looking_up;
}

JsonObject *
hall_triage_page_get_last_issued (HallTriagePage *self)
{
  g_return_val_if_fail (HALL_IS_TRIAGE_PAGE (self), NULL);
  return self->last_issued;
}

JsonObject *
hall_triage_page_get_lookup (HallTriagePage *self)
{
  g_return_val_if_fail (HALL_IS_TRIAGE_PAGE (self), NULL);
  return self->lookup;
}
