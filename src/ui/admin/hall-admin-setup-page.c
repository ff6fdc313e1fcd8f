/* hall-admin-setup-page.c — the hall's setup: its name and norms, departments, windows and the
 * departments each serves, problem categories; forms that add a department, a window, a category
 *
 * Everything is hall.info, read again after each setup.changed event. Each department, window and
 * category is an expander row with its own fields and Save button, so a change elsewhere in the
 * hall does not wipe what the admin is typing in another row. The add forms check what they can
 * (a code, name or ticket letter another department has, a window number in use) before sending,
 * and show the hall's answer at the field it names; what was typed stays until it is added.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-admin-setup"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-admin-setup-page.h"
#include "hall-admin-setup-rows.h"
#include "hall-display-notice.h"
#include "hall-form.h"
#include "hall-json-item.h"

typedef enum
{
  FORM_ROW,
  FORM_HALL,
  FORM_CATEGORY,
  FORM_DEPARTMENT,
  FORM_COUNTER,
} Form;

struct _HallAdminSetupPage
{
  HallAdminPage parent_instance;

  gboolean loaded;
  char    *departments_json; /* to notice when the department choices must be rebuilt */

  GListStore *departments;
  GListStore *counters;
  GListStore *categories;
  GtkStringList
               *department_names; /* the choices of every department combo, in the order of departments */
  GPtrArray    *counter_checks;   /* GtkCheckButton, one per department */
  HallFormField category_fields[1];
  HallFormField department_fields[3];
  HallFormField counter_fields[2];

  AdwEntryRow   *hall_name_row;
  AdwEntryRow   *review_body_row;
  GtkSpinButton *norm_spin;
  GtkSpinButton *priority_spin;
  GtkLabel      *hall_error;
  GtkListBox    *departments_list;
  GtkListBox    *counters_list;
  GtkListBox    *categories_list;
  GtkWidget     *display_notice;
  AdwEntryRow   *category_name_row;
  GtkWidget     *category_name_error;
  AdwComboRow   *category_department_row;
  GtkSwitch     *category_litigation;
  GtkLabel      *category_error;
  AdwEntryRow   *department_code_row;
  GtkWidget     *department_code_error;
  AdwEntryRow   *department_name_row;
  GtkWidget     *department_name_error;
  AdwEntryRow   *department_prefix_row;
  GtkWidget     *department_prefix_error;
  GtkSwitch     *department_legal;
  GtkLabel      *department_error;
  GtkWidget     *counter_number_row;
  GtkSpinButton *counter_number;
  GtkWidget     *counter_number_error;
  GtkWidget     *counter_departments_row;
  GtkFlowBox    *counter_departments;
  GtkWidget     *counter_departments_error;
  GtkLabel      *counter_error;
};

G_DEFINE_FINAL_TYPE (HallAdminSetupPage, hall_admin_setup_page, HALL_TYPE_ADMIN_PAGE)

static const char *const refresh_on[] = { "setup.changed", NULL };

/* A change sent from a form of the page or from a row of a list. */
typedef struct
{
  GtkWidget *row;   /* owned; NULL for the page's own forms */
  GtkLabel  *error; /* in @row or the page */
  Form       form;
} SaveCall;

static void
save_call_free (SaveCall *call)
{
  g_clear_object (&call->row);
  g_free (call);
}

static void
hall_admin_setup_page_update_actions (HallPage *page)
{
  HallAdminSetupPage      *self = HALL_ADMIN_SETUP_PAGE (page);
  static const char *const actions[] = {
    "setup.save-hall",
    "setup.save-department",
    "setup.save-counter",
    "setup.save-category",
    "setup.add-category",
    "setup.add-department",
    "setup.add-counter",
  };
  /* Nothing is saved before the page shows what it changes. */
  gboolean ready = hall_page_is_online (page) && self->loaded;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], ready);
}

static GtkWidget *
create_department_row (gpointer item,
                       gpointer user_data)
{
  return _hall_admin_department_row_new (item);
}

static GtkWidget *
create_counter_row (gpointer item,
                    gpointer user_data)
{
  HallAdminSetupPage *self = user_data;

  return _hall_admin_counter_row_new (item, G_LIST_MODEL (self->departments));
}

static GtkWidget *
create_category_row (gpointer item,
                     gpointer user_data)
{
  HallAdminSetupPage *self = user_data;

  return _hall_admin_category_row_new (item, G_LIST_MODEL (self->departments),
                                       G_LIST_MODEL (self->department_names));
}

static void
show_info (HallAdminSetupPage *self,
           JsonObject         *info)
{
  JsonArray  *departments = json_object_get_array_member (info, "departments");
  JsonObject *settings = json_object_get_object_member (info, "settings");
  g_autoptr (JsonNode) node = json_node_init_array (json_node_alloc (), departments);
  g_autofree char *departments_json = json_to_string (node, FALSE);
  gboolean         departments_changed = g_strcmp0 (departments_json, self->departments_json) != 0;
  gint64           chosen;

  if (!self->loaded)
    {
      /* The hall's own fields are filled once, so a refresh does not undo what is being typed. */
      gtk_editable_set_text (GTK_EDITABLE (self->hall_name_row),
                             json_object_get_string_member_with_default (info, "hall_name", ""));
      gtk_editable_set_text (GTK_EDITABLE (self->review_body_row),
                             json_object_get_string_member_with_default (info, "review_body", ""));
      if (settings != NULL)
        {
          gtk_spin_button_set_value (self->norm_spin, json_object_get_int_member_with_default (
                                                          settings, "wait_norm_minutes", 20));
          gtk_spin_button_set_value (
              self->priority_spin,
              json_object_get_int_member_with_default (settings, "priority_max_wait_minutes", 30));
        }
    }

  chosen = _hall_admin_department_id_at (
      G_LIST_MODEL (self->departments), adw_combo_row_get_selected (self->category_department_row));
  hall_json_item_update_store (self->departments, departments, 0, TRUE);
  if (departments_changed)
    {
      g_autoptr (GPtrArray) names = g_ptr_array_new ();

      for (guint i = 0; departments != NULL && i < json_array_get_length (departments); i++)
        g_ptr_array_add (names, (gpointer) json_object_get_string_member_with_default (
                                    json_array_get_object_element (departments, i), "name", ""));
      g_ptr_array_add (names, NULL);
      gtk_string_list_splice (self->department_names, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->department_names)),
                              (const char *const *) names->pdata);
      adw_combo_row_set_selected (
          self->category_department_row,
          _hall_admin_department_position (G_LIST_MODEL (self->departments), chosen));
      _hall_admin_fill_department_checks (self->counter_departments,
                                          G_LIST_MODEL (self->departments), self->counter_checks);
      g_free (self->departments_json);
      self->departments_json = g_steal_pointer (&departments_json);
    }
  /* Windows and categories name departments: rebuilt when those changed. */
  hall_json_item_update_store (self->counters, json_object_get_array_member (info, "counters"), 0,
                               !departments_changed);
  hall_json_item_update_store (self->categories, json_object_get_array_member (info, "categories"),
                               0, !departments_changed);
  self->loaded = TRUE;
  hall_admin_setup_page_update_actions (HALL_PAGE (self));
}

static void
info_cb (HallPage     *page,
         JsonObject   *info,
         const GError *error,
         gpointer      user_data)
{
  if (info == NULL)
    g_debug ("hall.info: %s", error->message);
  else if (json_object_has_member (info, "departments"))
    show_info (HALL_ADMIN_SETUP_PAGE (page), info);
}

static void
hall_admin_setup_page_refresh (HallPage *page)
{
  hall_page_load (page, "hall.info", NULL, info_cb, NULL);
}

/* The fields of one of the page's forms (none for the hall's settings and the rows). */
static const HallFormField *
form_fields (HallAdminSetupPage *self,
             Form                form,
             guint              *n_fields)
{
  switch (form)
    {
    case FORM_CATEGORY:
      *n_fields = G_N_ELEMENTS (self->category_fields);
      return self->category_fields;
    case FORM_DEPARTMENT:
      *n_fields = G_N_ELEMENTS (self->department_fields);
      return self->department_fields;
    case FORM_COUNTER:
      *n_fields = G_N_ELEMENTS (self->counter_fields);
      return self->counter_fields;
    case FORM_ROW:
    case FORM_HALL:
    default:
      *n_fields = 0;
      return NULL;
    }
}

/* Shows @message at the field of a page form it names; FALSE when there is no such field. */
static gboolean
show_form_error (HallAdminSetupPage *self,
                 Form                form,
                 const char         *field,
                 const char         *message)
{
  guint                n_fields;
  const HallFormField *fields = form_fields (self, form, &n_fields);

  return _hall_form_show_field_error (fields, n_fields, field, message) != NULL;
}

static void
clear_form (HallAdminSetupPage *self,
            Form                form)
{
  guint                n_fields;
  const HallFormField *fields = form_fields (self, form, &n_fields);

  _hall_form_clear_errors (fields, n_fields, NULL);
  if (form == FORM_CATEGORY)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->category_name_row), "");
      gtk_switch_set_active (self->category_litigation, FALSE);
    }
  else if (form == FORM_DEPARTMENT)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->department_code_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->department_name_row), "");
      gtk_editable_set_text (GTK_EDITABLE (self->department_prefix_row), "");
      gtk_switch_set_active (self->department_legal, FALSE);
    }
  else if (form == FORM_COUNTER)
    for (guint i = 0; i < self->counter_checks->len; i++)
      gtk_check_button_set_active (self->counter_checks->pdata[i], FALSE);
}

static void
saved_cb (HallPage     *page,
          JsonObject   *reply,
          const GError *error,
          gpointer      user_data)
{
  HallAdminSetupPage  *self = HALL_ADMIN_SETUP_PAGE (page);
  SaveCall            *call = user_data;
  guint                n_fields;
  const HallFormField *fields = form_fields (self, call->form, &n_fields);

  if (reply == NULL)
    {
      _hall_form_show_error (fields, n_fields, error, call->error);
      return;
    }
  gtk_label_set_text (call->error, "");
  /* Translators: a setup change was stored */
  hall_page_toast (page, _ ("Saved."));
  clear_form (self, call->form);
}

/* Sends a change from @form, or from @row (a row of a list); the hall's answer shows at the
 * field it names, else in @error. */
static void
send (HallAdminSetupPage *self,
      const char         *command,
      JsonObject         *params,
      GtkWidget          *row,
      GtkLabel           *error,
      Form                form)
{
  SaveCall *call = g_new0 (SaveCall, 1);

  call->row = row ? g_object_ref (row) : NULL;
  call->error = error;
  call->form = form;
  gtk_label_set_text (error, "");
  hall_admin_page_change (HALL_ADMIN_PAGE (self), command, params, saved_cb, call,
                          (GDestroyNotify) save_call_free);
}

/* Saves the row of @list showing the item @id of @model, as @row_params reads it. */
static void
save_row (HallAdminSetupPage *self,
          GListStore         *model,
          GtkListBox         *list,
          gint64              id,
          const char         *command,
          JsonObject *(*row_params) (GtkWidget *row,
                                     gint64     id))
{
  GtkWidget *row = _hall_admin_setup_row_for_id (G_LIST_MODEL (model), list, id);
  g_autoptr (JsonObject) params = NULL;

  if (row == NULL)
    return;
  params = row_params (row, id);
  send (self, command, params, row, g_object_get_data (G_OBJECT (row), "error-label"), FORM_ROW);
}

static void
save_hall_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HallAdminSetupPage *self = HALL_ADMIN_SETUP_PAGE (widget);
  g_autoptr (JsonObject) params = json_object_new ();

  json_object_set_string_member (params, "hall_name",
                                 gtk_editable_get_text (GTK_EDITABLE (self->hall_name_row)));
  /* Left empty, the written opinions name the reviewing body in the regulation's own words. */
  json_object_set_string_member (params, "review_body",
                                 gtk_editable_get_text (GTK_EDITABLE (self->review_body_row)));
  json_object_set_int_member (params, "wait_norm_minutes",
                              gtk_spin_button_get_value_as_int (self->norm_spin));
  json_object_set_int_member (params, "priority_max_wait_minutes",
                              gtk_spin_button_get_value_as_int (self->priority_spin));
  send (self, "hall.configure", params, NULL, self->hall_error, FORM_HALL);
}

static void
save_department_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  HallAdminSetupPage *self = HALL_ADMIN_SETUP_PAGE (widget);

  save_row (self, self->departments, self->departments_list, g_variant_get_int64 (parameter),
            "department.save", _hall_admin_department_row_params);
}

static void
save_counter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HallAdminSetupPage *self = HALL_ADMIN_SETUP_PAGE (widget);

  save_row (self, self->counters, self->counters_list, g_variant_get_int64 (parameter),
            "counter.save", _hall_admin_counter_row_params);
}

static void
save_category_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HallAdminSetupPage *self = HALL_ADMIN_SETUP_PAGE (widget);

  save_row (self, self->categories, self->categories_list, g_variant_get_int64 (parameter),
            "category.save", _hall_admin_category_row_params);
}

static void
add_category_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HallAdminSetupPage *self = HALL_ADMIN_SETUP_PAGE (widget);
  const char         *name = gtk_editable_get_text (GTK_EDITABLE (self->category_name_row));
  g_autoptr (JsonObject) params = json_object_new ();

  show_form_error (self, FORM_CATEGORY, "name", NULL);
  if (*name == '\0')
    {
      show_form_error (self, FORM_CATEGORY, "name", _ ("Enter the category’s name."));
      return;
    }
  json_object_set_string_member (params, "name", name);
  json_object_set_int_member (
      params, "department_id",
      _hall_admin_department_id_at (G_LIST_MODEL (self->departments),
                                    adw_combo_row_get_selected (self->category_department_row)));
  json_object_set_boolean_member (params, "litigation",
                                  gtk_switch_get_active (self->category_litigation));
  send (self, "category.save", params, NULL, self->category_error, FORM_CATEGORY);
}

static void
add_department_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HallAdminSetupPage *self = HALL_ADMIN_SETUP_PAGE (widget);
  const char         *code = gtk_editable_get_text (GTK_EDITABLE (self->department_code_row));
  const char         *name = gtk_editable_get_text (GTK_EDITABLE (self->department_name_row));
  const char         *prefix = gtk_editable_get_text (GTK_EDITABLE (self->department_prefix_row));
  g_autoptr (JsonObject) params = json_object_new ();
  g_autofree char *message = NULL;
  const char      *taken;
  gboolean         ok = TRUE;

  _hall_form_clear_errors (self->department_fields, G_N_ELEMENTS (self->department_fields), NULL);
  if (*code == '\0' || strspn (code, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen (code))
    ok = !show_form_error (self, FORM_DEPARTMENT, "code",
                           _ ("Use lower-case letters, digits and “_” only."));
  else if ((taken = _hall_admin_department_with (G_LIST_MODEL (self->departments), "code", code))
           != NULL)
    {
      /* Translators: %s is the department (部门) that already has the code */
      message = g_strdup_printf (_ ("%s already has this code."), taken);
      ok = !show_form_error (self, FORM_DEPARTMENT, "code", message);
    }
  if (*name == '\0')
    ok = !show_form_error (self, FORM_DEPARTMENT, "name", _ ("Enter the department’s name."));
  else if (_hall_admin_department_with (G_LIST_MODEL (self->departments), "name", name) != NULL)
    ok = !show_form_error (self, FORM_DEPARTMENT, "name",
                           _ ("Another department already has this name."));
  if (strlen (prefix) != 1 || prefix[0] < 'A' || prefix[0] > 'Z')
    ok = !show_form_error (self, FORM_DEPARTMENT, "prefix",
                           _ ("The ticket prefix must be one capital letter A–Z."));
  else if ((taken =
                _hall_admin_department_with (G_LIST_MODEL (self->departments), "prefix", prefix))
           != NULL)
    {
      g_clear_pointer (&message, g_free);
      /* Translators: %s is the department (部门) whose ticket numbers already start with the letter
       */
      message = g_strdup_printf (_ ("%s’s tickets already start with this letter; choose another."),
                                 taken);
      ok = !show_form_error (self, FORM_DEPARTMENT, "prefix", message);
    }
  if (!ok)
    return;
  json_object_set_string_member (params, "code", code);
  json_object_set_string_member (params, "name", name);
  json_object_set_string_member (params, "prefix", prefix);
  json_object_set_boolean_member (params, "is_legal",
                                  gtk_switch_get_active (self->department_legal));
  send (self, "department.save", params, NULL, self->department_error, FORM_DEPARTMENT);
}

static void
add_counter_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HallAdminSetupPage *self = HALL_ADMIN_SETUP_PAGE (widget);
  int                 number;
  g_autoptr (JsonObject) params = json_object_new ();
  g_autoptr (JsonArray) ids = json_array_new ();
  gboolean ok = TRUE;

  gtk_spin_button_update (self->counter_number);
  number = gtk_spin_button_get_value_as_int (self->counter_number);
  _hall_form_clear_errors (self->counter_fields, G_N_ELEMENTS (self->counter_fields), NULL);
  for (guint i = 0; i < self->counter_checks->len; i++)
    if (gtk_check_button_get_active (self->counter_checks->pdata[i]))
      json_array_add_int_element (ids, GPOINTER_TO_SIZE (g_object_get_data (
                                           self->counter_checks->pdata[i], "department-id")));
  if (_hall_admin_counter_with_number (G_LIST_MODEL (self->counters), number))
    ok = !show_form_error (self, FORM_COUNTER, "number",
                           _ ("A window with this number already exists."));
  if (json_array_get_length (ids) == 0)
    ok = !show_form_error (self, FORM_COUNTER, "department_ids",
                           _ ("Choose the departments whose visitors this window calls."));
  if (!ok)
    return;
  json_object_set_int_member (params, "number", number);
  json_object_set_array_member (params, "department_ids", g_steal_pointer (&ids));
  send (self, "counter.save", params, NULL, self->counter_error, FORM_COUNTER);
}

/* Typing again takes back what was said about the field. */
static void
form_field_changed_cb (GtkWidget          *field,
                       HallAdminSetupPage *self)
{
  if (field == GTK_WIDGET (self->department_code_row))
    show_form_error (self, FORM_DEPARTMENT, "code", NULL);
  else if (field == GTK_WIDGET (self->department_name_row))
    show_form_error (self, FORM_DEPARTMENT, "name", NULL);
  else if (field == GTK_WIDGET (self->department_prefix_row))
    show_form_error (self, FORM_DEPARTMENT, "prefix", NULL);
  else if (field == GTK_WIDGET (self->counter_number))
    show_form_error (self, FORM_COUNTER, "number", NULL);
}

/* Another hall's setup is shown before anything is saved to it. */
static void
client_changed_cb (HallAdminSetupPage *self)
{
  self->loaded = FALSE;
  g_clear_pointer (&self->departments_json, g_free);
}

static void
hall_admin_setup_page_finalize (GObject *object)
{
  HallAdminSetupPage *self = HALL_ADMIN_SETUP_PAGE (object);

  g_clear_object (&self->departments);
  g_clear_object (&self->counters);
  g_clear_object (&self->categories);
  g_clear_object (&self->department_names);
  g_clear_pointer (&self->counter_checks, g_ptr_array_unref);
  g_clear_pointer (&self->departments_json, g_free);
  G_OBJECT_CLASS (hall_admin_setup_page_parent_class)->finalize (object);
}

static void
hall_admin_setup_page_class_init (HallAdminSetupPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->finalize = hall_admin_setup_page_finalize;
  page_class->refresh = hall_admin_setup_page_refresh;
  page_class->update_actions = hall_admin_setup_page_update_actions;
  HALL_ADMIN_PAGE_CLASS (klass)->refresh_on = refresh_on;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/admin/hall-admin-setup-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, name)
  CHILD (hall_name_row);
  CHILD (review_body_row);
  CHILD (norm_spin);
  CHILD (priority_spin);
  CHILD (hall_error);
  CHILD (departments_list);
  CHILD (counters_list);
  CHILD (categories_list);
  CHILD (display_notice);
  g_type_ensure (HALL_TYPE_DISPLAY_NOTICE);
  CHILD (category_name_row);
  CHILD (category_name_error);
  CHILD (category_department_row);
  CHILD (category_litigation);
  CHILD (category_error);
  CHILD (department_code_row);
  CHILD (department_code_error);
  CHILD (department_name_row);
  CHILD (department_name_error);
  CHILD (department_prefix_row);
  CHILD (department_prefix_error);
  CHILD (department_legal);
  CHILD (department_error);
  CHILD (counter_number_row);
  CHILD (counter_number);
  CHILD (counter_number_error);
  CHILD (counter_departments_row);
  CHILD (counter_departments);
  CHILD (counter_departments_error);
  CHILD (counter_error);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "setup.save-hall", NULL, save_hall_action);
  gtk_widget_class_install_action (widget_class, "setup.save-department", "x",
                                   save_department_action);
  gtk_widget_class_install_action (widget_class, "setup.save-counter", "x", save_counter_action);
  gtk_widget_class_install_action (widget_class, "setup.save-category", "x", save_category_action);
  gtk_widget_class_install_action (widget_class, "setup.add-category", NULL, add_category_action);
  gtk_widget_class_install_action (widget_class, "setup.add-department", NULL,
                                   add_department_action);
  gtk_widget_class_install_action (widget_class, "setup.add-counter", NULL, add_counter_action);
}

static void
hall_admin_setup_page_init (HallAdminSetupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (self, "client", self->display_notice, "client", G_BINDING_SYNC_CREATE);

  self->departments = g_list_store_new (HALL_TYPE_JSON_ITEM);
  self->counters = g_list_store_new (HALL_TYPE_JSON_ITEM);
  self->categories = g_list_store_new (HALL_TYPE_JSON_ITEM);
  self->department_names = gtk_string_list_new (NULL);
  self->counter_checks = g_ptr_array_new ();
  self->category_fields[0] = (HallFormField){ "name", GTK_WIDGET (self->category_name_row),
                                              self->category_name_error };
  self->department_fields[0] = (HallFormField){ "code", GTK_WIDGET (self->department_code_row),
                                                self->department_code_error };
  self->department_fields[1] = (HallFormField){ "name", GTK_WIDGET (self->department_name_row),
                                                self->department_name_error };
  self->department_fields[2] = (HallFormField){ "prefix", GTK_WIDGET (self->department_prefix_row),
                                                self->department_prefix_error };
  self->counter_fields[0] =
      (HallFormField){ "number", self->counter_number_row, self->counter_number_error };
  self->counter_fields[1] = (HallFormField){ "department_ids", self->counter_departments_row,
                                             self->counter_departments_error };
  g_signal_connect (self->department_code_row, "changed", G_CALLBACK (form_field_changed_cb), self);
  g_signal_connect (self->department_name_row, "changed", G_CALLBACK (form_field_changed_cb), self);
  g_signal_connect (self->department_prefix_row, "changed", G_CALLBACK (form_field_changed_cb),
                    self);
  g_signal_connect (self->counter_number, "value-changed", G_CALLBACK (form_field_changed_cb),
                    self);
  adw_combo_row_set_model (self->category_department_row, G_LIST_MODEL (self->department_names));
  gtk_list_box_bind_model (self->departments_list, G_LIST_MODEL (self->departments),
                           create_department_row, self, NULL);
  gtk_list_box_bind_model (self->counters_list, G_LIST_MODEL (self->counters), create_counter_row,
                           self, NULL);
  gtk_list_box_bind_model (self->categories_list, G_LIST_MODEL (self->categories),
                           create_category_row, self, NULL);
  g_signal_connect (self, "notify::client", G_CALLBACK (client_changed_cb), NULL);
  hall_admin_setup_page_update_actions (HALL_PAGE (self));
}

GtkWidget *
hall_admin_setup_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_ADMIN_SETUP_PAGE, "client", client, NULL);
}

GListModel *
hall_admin_setup_page_get_departments (HallAdminSetupPage *self)
{
  g_return_val_if_fail (HALL_IS_ADMIN_SETUP_PAGE (self), NULL);
  return G_LIST_MODEL (self->departments);
}

GListModel *
hall_admin_setup_page_get_counters (HallAdminSetupPage *self)
{
  g_return_val_if_fail (HALL_IS_ADMIN_SETUP_PAGE (self), NULL);
  return G_LIST_MODEL (self->counters);
}

GListModel *
hall_admin_setup_page_get_categories (HallAdminSetupPage *self)
{
  g_return_val_if_fail (HALL_IS_ADMIN_SETUP_PAGE (self), NULL);
  return G_LIST_MODEL (self->categories);
}

gboolean
hall_admin_setup_page_get_busy (HallAdminSetupPage *self)
{
  g_return_val_if_fail (HALL_IS_ADMIN_SETUP_PAGE (self), FALSE);
  return hall_admin_page_get_busy (HALL_ADMIN_PAGE (self));
}
