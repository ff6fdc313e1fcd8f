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
#include "hall-admin-util.h"
#include "hall-board-item.h"
#include "hall-ui-util.h"

struct _HallAdminSetupPage
{
  AdwBin parent_instance;

  HallClient *client;
  GSignalGroup *client_signals; /* "event" */
  GSignalGroup *client_notify;  /* "notify::" */
  GCancellable *cancellable;
  gboolean loading;
  gboolean dirty;
  gboolean loaded;
  guint busy;
  char *departments_json;   /* to notice when the department choices must be rebuilt */

  GListStore *departments;
  GListStore *counters;
  GListStore *categories;
  GtkStringList *department_names; /* the choices of every department combo */
  GArray *department_ids;          /* gint64, parallel to department_names */

  AdwEntryRow *hall_name_row;
  GtkSpinButton *norm_spin;
  GtkSpinButton *priority_spin;
  GtkLabel *hall_error;
  GtkListBox *departments_list;
  GtkListBox *counters_list;
  GtkListBox *categories_list;
  AdwEntryRow *category_name_row;
  GtkWidget *category_name_error;
  AdwComboRow *category_department_row;
  GtkSwitch *category_litigation;
  GtkLabel *category_error;
  AdwEntryRow *department_code_row;
  GtkWidget *department_code_error;
  AdwEntryRow *department_name_row;
  GtkWidget *department_name_error;
  AdwEntryRow *department_prefix_row;
  GtkWidget *department_prefix_error;
  GtkSwitch *department_legal;
  GtkLabel *department_error;
  GtkWidget *counter_number_row;
  GtkSpinButton *counter_number;
  GtkWidget *counter_number_error;
  GtkWidget *counter_departments_row;
  GtkFlowBox *counter_departments;
  GtkWidget *counter_departments_error;
  GtkLabel *counter_error;
  GPtrArray *counter_checks; /* GtkCheckButton, one per department */
};

G_DEFINE_FINAL_TYPE (HallAdminSetupPage, hall_admin_setup_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const watched_events[] = { "setup.changed", NULL };

typedef enum
{
  FORM_ROW,
  FORM_HALL,
  FORM_CATEGORY,
  FORM_DEPARTMENT,
  FORM_COUNTER,
} Form;

typedef struct
{
  HallAdminSetupPage *self;
  GtkWidget *row;   /* owned; NULL for the page's own forms */
  GtkLabel *error;  /* in @row or the page */
  Form form;
} SaveCall;

static void refresh (HallAdminSetupPage *self);

static void
save_call_free (SaveCall *call)
{
  g_clear_object (&call->self);
  g_clear_object (&call->row);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveCall, save_call_free)

static void
set_busy (HallAdminSetupPage *self,
          gboolean            busy)
{
  gboolean was = self->busy > 0;

  if (busy)
    self->busy++;
  else if (self->busy > 0)
    self->busy--;
  if (was != (self->busy > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_actions (HallAdminSetupPage *self)
{
  gboolean connected = self->client != NULL && hall_client_get_connected (self->client) && self->loaded;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.save-hall", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.save-department", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.save-counter", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.save-category", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.add-category", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.add-department", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "setup.add-counter", connected);
}

static guint
department_position (HallAdminSetupPage *self,
                     gint64              id)
{
  for (guint i = 0; i < self->department_ids->len; i++)
    if (g_array_index (self->department_ids, gint64, i) == id)
      return i;
  return 0;
}

static gint64
department_at (HallAdminSetupPage *self,
               guint               position)
{
  return position < self->department_ids->len ? g_array_index (self->department_ids, gint64, position) : 0;
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

  return _hall_admin_category_row_new (item, G_LIST_MODEL (self->departments), G_LIST_MODEL (self->department_names));
}

static void
show_info (HallAdminSetupPage *self,
           JsonObject         *info)
{
  JsonArray *departments = json_object_get_array_member (info, "departments");
  JsonObject *settings = json_object_get_object_member (info, "settings");
  g_autoptr (JsonNode) node = json_node_init_array (json_node_alloc (), departments);
  g_autofree char *departments_json = json_to_string (node, FALSE);
  gboolean departments_changed = g_strcmp0 (departments_json, self->departments_json) != 0;

  if (!self->loaded)
    {
      /* The hall's own fields are filled once, so a refresh does not undo what is being typed. */
      gtk_editable_set_text (GTK_EDITABLE (self->hall_name_row),
                             json_object_get_string_member_with_default (info, "hall_name", ""));
      if (settings != NULL)
        {
          gtk_spin_button_set_value (self->norm_spin,
                                     json_object_get_int_member_with_default (settings, "wait_norm_minutes", 20));
          gtk_spin_button_set_value (self->priority_spin,
                                     json_object_get_int_member_with_default (settings, "priority_max_wait_minutes",
                                                                              30));
        }
    }

  _hall_admin_store_replace (self->departments, departments, TRUE);
  if (departments_changed)
    {
      g_autoptr (GPtrArray) names = g_ptr_array_new ();
      guint selected = adw_combo_row_get_selected (self->category_department_row);
      gint64 chosen = department_at (self, selected);

      g_array_set_size (self->department_ids, 0);
      for (guint i = 0; departments != NULL && i < json_array_get_length (departments); i++)
        {
          JsonObject *department = json_array_get_object_element (departments, i);
          gint64 id = json_object_get_int_member (department, "id");

          g_array_append_val (self->department_ids, id);
          g_ptr_array_add (names, (gpointer) json_object_get_string_member_with_default (department, "name", ""));
        }
      g_ptr_array_add (names, NULL);
      gtk_string_list_splice (self->department_names, 0,
                              g_list_model_get_n_items (G_LIST_MODEL (self->department_names)),
                              (const char * const *) names->pdata);
      adw_combo_row_set_selected (self->category_department_row, department_position (self, chosen));
      _hall_admin_fill_department_checks (self->counter_departments, G_LIST_MODEL (self->departments),
                                          self->counter_checks);
      g_free (self->departments_json);
      self->departments_json = g_steal_pointer (&departments_json);
    }
  /* Windows and categories name departments: rebuilt when those changed. */
  _hall_admin_store_replace (self->counters, json_object_get_array_member (info, "counters"), !departments_changed);
  _hall_admin_store_replace (self->categories, json_object_get_array_member (info, "categories"),
                             !departments_changed);
  self->loaded = TRUE;
  update_actions (self);
}

static void
info_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (HallAdminSetupPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) info = hall_client_call_finish (HALL_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (info == NULL)
    g_debug ("hall.info: %s", error->message);
  else if (json_object_has_member (info, "departments"))
    show_info (self, info);
  set_busy (self, FALSE);
  if (self->dirty)
    refresh (self);
}

static void
refresh (HallAdminSetupPage *self)
{
  if (self->client == NULL || !hall_client_is_signed_in (self->client))
    return;
  if (self->loading)
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  self->loading = TRUE;
  set_busy (self, TRUE);
  hall_client_call_async (self->client, "hall.info", NULL, self->cancellable, info_cb, g_object_ref (self));
}

/* Shows @message at the field of a page form it names; FALSE when there is no such field. */
static gboolean
show_form_error (HallAdminSetupPage *self,
                 Form                form,
                 const char         *field,
                 const char         *message)
{
  struct { Form form; const char *field; GtkWidget *widget; GtkWidget *label; } fields[] = {
    { FORM_CATEGORY, "name", GTK_WIDGET (self->category_name_row), self->category_name_error },
    { FORM_DEPARTMENT, "code", GTK_WIDGET (self->department_code_row), self->department_code_error },
    { FORM_DEPARTMENT, "name", GTK_WIDGET (self->department_name_row), self->department_name_error },
    { FORM_DEPARTMENT, "prefix", GTK_WIDGET (self->department_prefix_row), self->department_prefix_error },
    { FORM_COUNTER, "number", self->counter_number_row, self->counter_number_error },
    { FORM_COUNTER, "department_ids", self->counter_departments_row, self->counter_departments_error },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].form == form && g_strcmp0 (fields[i].field, field) == 0)
      {
        _hall_form_set_error (fields[i].widget, fields[i].label, message);
        return TRUE;
      }
  return FALSE;
}

static void
clear_form (HallAdminSetupPage *self,
            Form                form)
{
  static const char * const field_names[] = { "name", "code", "prefix", "number", "department_ids" };

  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    show_form_error (self, form, field_names[i], NULL);
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
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (SaveCall) call = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (reply == NULL)
    {
      const char *field = error->domain == HALL_ERROR ? hall_error_get_field (error) : NULL;

      if (!show_form_error (call->self, call->form, field, error->message))
        gtk_label_set_text (call->error, error->message);
    }
  else
    {
      gtk_label_set_text (call->error, "");
      /* Translators: a setup change was stored */
      _hall_admin_toast (GTK_WIDGET (call->self), _("Saved."));
      clear_form (call->self, call->form);
    }
  set_busy (call->self, FALSE);
}

static void
send (HallAdminSetupPage *self,
      const char         *command,
      JsonObject         *params,
      GtkWidget          *row,
      GtkLabel           *error,
      Form                form)
{
  SaveCall *call = g_new0 (SaveCall, 1);

  call->self = g_object_ref (self);
  call->row = row ? g_object_ref (row) : NULL;
  call->error = error;
  call->form = form;
  gtk_label_set_text (error, "");
  set_busy (self, TRUE);
  hall_client_call_async (self->client, command, params, self->cancellable, save_cb, call);
}

static void
save_hall_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HallAdminSetupPage *self = HALL_ADMIN_SETUP_PAGE (widget);
  g_autoptr (JsonObject) params = json_object_new ();

  json_object_set_string_member (params, "hall_name", gtk_editable_get_text (GTK_EDITABLE (self->hall_name_row)));
  json_object_set_int_member (params, "wait_norm_minutes", gtk_spin_button_get_value_as_int (self->norm_spin));
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
  gint64 id = g_variant_get_int64 (parameter);
  GtkWidget *row = _hall_admin_setup_row_for_id (G_LIST_MODEL (self->departments), self->departments_list, id);
  g_autoptr (JsonObject) params = NULL;

  if (row == NULL)
    return;
  params = _hall_admin_department_row_params (row, id);
  send (self, "department.save", params, row, g_object_get_data (G_OBJECT (row), "error-label"), FORM_ROW);
}

static void
save_counter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HallAdminSetupPage *self = HALL_ADMIN_SETUP_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  GtkWidget *row = _hall_admin_setup_row_for_id (G_LIST_MODEL (self->counters), self->counters_list, id);
  g_autoptr (JsonObject) params = NULL;

  if (row == NULL)
    return;
  params = _hall_admin_counter_row_params (row, id);
  send (self, "counter.save", params, row, g_object_get_data (G_OBJECT (row), "error-label"), FORM_ROW);
}

static void
save_category_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HallAdminSetupPage *self = HALL_ADMIN_SETUP_PAGE (widget);
  gint64 id = g_variant_get_int64 (parameter);
  GtkWidget *row = _hall_admin_setup_row_for_id (G_LIST_MODEL (self->categories), self->categories_list, id);
  g_autoptr (JsonObject) params = json_object_new ();

  if (row == NULL)
    return;
  json_object_set_int_member (params, "id", id);
  json_object_set_string_member (params, "name",
                                 gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "name-row")));
  json_object_set_int_member (params, "department_id",
                              department_at (self, adw_combo_row_get_selected (
                                                     g_object_get_data (G_OBJECT (row), "department-row"))));
  json_object_set_boolean_member (params, "litigation",
                                  gtk_switch_get_active (g_object_get_data (G_OBJECT (row), "litigation-switch")));
  json_object_set_boolean_member (params, "active",
                                  gtk_switch_get_active (g_object_get_data (G_OBJECT (row), "active-switch")));
  send (self, "category.save", params, row, g_object_get_data (G_OBJECT (row), "error-label"), FORM_ROW);
}

static void
add_category_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  HallAdminSetupPage *self = HALL_ADMIN_SETUP_PAGE (widget);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->category_name_row));
  g_autoptr (JsonObject) params = json_object_new ();

  _hall_form_set_error (GTK_WIDGET (self->category_name_row), self->category_name_error, NULL);
  if (*name == '\0')
    {
      _hall_form_set_error (GTK_WIDGET (self->category_name_row), self->category_name_error,
                            _("Enter the category’s name."));
      return;
    }
  json_object_set_string_member (params, "name", name);
  json_object_set_int_member (params, "department_id",
                              department_at (self, adw_combo_row_get_selected (self->category_department_row)));
  json_object_set_boolean_member (params, "litigation", gtk_switch_get_active (self->category_litigation));
  send (self, "category.save", params, NULL, self->category_error, FORM_CATEGORY);
}

static void
add_department_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HallAdminSetupPage *self = HALL_ADMIN_SETUP_PAGE (widget);
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->department_code_row));
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->department_name_row));
  const char *prefix = gtk_editable_get_text (GTK_EDITABLE (self->department_prefix_row));
  g_autoptr (JsonObject) params = json_object_new ();
  g_autofree char *message = NULL;
  const char *taken;
  gboolean ok = TRUE;

  show_form_error (self, FORM_DEPARTMENT, "code", NULL);
  show_form_error (self, FORM_DEPARTMENT, "name", NULL);
  show_form_error (self, FORM_DEPARTMENT, "prefix", NULL);
  if (*code == '\0' || strspn (code, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen (code))
    ok = !show_form_error (self, FORM_DEPARTMENT, "code", _("Use lower-case letters, digits and “_” only."));
  else if ((taken = _hall_admin_department_with (G_LIST_MODEL (self->departments), "code", code)) != NULL)
    {
      /* Translators: %s is the department (部门) that already has the code */
      message = g_strdup_printf (_("%s already has this code."), taken);
      ok = !show_form_error (self, FORM_DEPARTMENT, "code", message);
    }
  if (*name == '\0')
    ok = !show_form_error (self, FORM_DEPARTMENT, "name", _("Enter the department’s name."));
  else if (_hall_admin_department_with (G_LIST_MODEL (self->departments), "name", name) != NULL)
    ok = !show_form_error (self, FORM_DEPARTMENT, "name", _("Another department already has this name."));
  if (strlen (prefix) != 1 || prefix[0] < 'A' || prefix[0] > 'Z')
    ok = !show_form_error (self, FORM_DEPARTMENT, "prefix", _("The ticket prefix must be one capital letter A–Z."));
  else if ((taken = _hall_admin_department_with (G_LIST_MODEL (self->departments), "prefix", prefix)) != NULL)
    {
      g_clear_pointer (&message, g_free);
      /* Translators: %s is the department (部门) whose ticket numbers already start with the letter */
      message = g_strdup_printf (_("%s’s tickets already start with this letter; choose another."), taken);
      ok = !show_form_error (self, FORM_DEPARTMENT, "prefix", message);
    }
  if (!ok)
    return;
  json_object_set_string_member (params, "code", code);
  json_object_set_string_member (params, "name", name);
  json_object_set_string_member (params, "prefix", prefix);
  json_object_set_boolean_member (params, "is_legal", gtk_switch_get_active (self->department_legal));
  send (self, "department.save", params, NULL, self->department_error, FORM_DEPARTMENT);
}

static void
add_counter_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HallAdminSetupPage *self = HALL_ADMIN_SETUP_PAGE (widget);
  int number;
  g_autoptr (JsonObject) params = json_object_new ();
  g_autoptr (JsonArray) ids = json_array_new ();
  gboolean ok = TRUE;

  gtk_spin_button_update (self->counter_number);
  number = gtk_spin_button_get_value_as_int (self->counter_number);
  show_form_error (self, FORM_COUNTER, "number", NULL);
  show_form_error (self, FORM_COUNTER, "department_ids", NULL);
  for (guint i = 0; i < self->counter_checks->len; i++)
    if (gtk_check_button_get_active (self->counter_checks->pdata[i]))
      json_array_add_int_element (ids, GPOINTER_TO_SIZE (g_object_get_data (self->counter_checks->pdata[i],
                                                                             "department-id")));
  if (_hall_admin_counter_with_number (G_LIST_MODEL (self->counters), number))
    ok = !show_form_error (self, FORM_COUNTER, "number", _("A window with this number already exists."));
  if (json_array_get_length (ids) == 0)
    ok = !show_form_error (self, FORM_COUNTER, "department_ids",
                           _("Choose the departments whose visitors this window calls."));
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

static void
event_cb (HallAdminSetupPage *self,
          JsonObject         *event)
{
  if (_hall_admin_event_is (event, watched_events))
    refresh (self);
}

static void
connected_cb (HallAdminSetupPage *self)
{
  update_actions (self);
  if (self->client != NULL && hall_client_get_connected (self->client))
    refresh (self);
}

static void
hall_admin_setup_page_dispose (GObject *object)
{
  HallAdminSetupPage *self = HALL_ADMIN_SETUP_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client_signals != NULL)
    g_signal_group_set_target (self->client_signals, NULL);
  if (self->client_notify != NULL)
    g_signal_group_set_target (self->client_notify, NULL);
  g_clear_object (&self->client_signals);
  g_clear_object (&self->client_notify);
  g_clear_object (&self->client);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_ADMIN_SETUP_PAGE);
  G_OBJECT_CLASS (hall_admin_setup_page_parent_class)->dispose (object);
}

static void
hall_admin_setup_page_finalize (GObject *object)
{
  HallAdminSetupPage *self = HALL_ADMIN_SETUP_PAGE (object);

  g_clear_object (&self->departments);
  g_clear_object (&self->counters);
  g_clear_object (&self->categories);
  g_clear_object (&self->department_names);
  g_clear_pointer (&self->department_ids, g_array_unref);
  g_clear_pointer (&self->counter_checks, g_ptr_array_unref);
  g_clear_pointer (&self->departments_json, g_free);
  G_OBJECT_CLASS (hall_admin_setup_page_parent_class)->finalize (object);
}

static void
hall_admin_setup_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HallAdminSetupPage *self = HALL_ADMIN_SETUP_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_admin_setup_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HallAdminSetupPage *self = HALL_ADMIN_SETUP_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      hall_admin_setup_page_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_admin_setup_page_class_init (HallAdminSetupPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hall_admin_setup_page_dispose;
  object_class->finalize = hall_admin_setup_page_finalize;
  object_class->get_property = hall_admin_setup_page_get_property;
  object_class->set_property = hall_admin_setup_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HALL_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xinfanghall/Hall/ui/hall-admin-setup-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, hall_name_row);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, norm_spin);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, priority_spin);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, hall_error);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, departments_list);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, counters_list);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, categories_list);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, category_name_row);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, category_name_error);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, category_department_row);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, category_litigation);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, category_error);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, department_code_row);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, department_code_error);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, department_name_row);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, department_name_error);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, department_prefix_row);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, department_prefix_error);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, department_legal);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, department_error);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, counter_number_row);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, counter_number);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, counter_number_error);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, counter_departments_row);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, counter_departments);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, counter_departments_error);
  gtk_widget_class_bind_template_child (widget_class, HallAdminSetupPage, counter_error);

  gtk_widget_class_install_action (widget_class, "setup.save-hall", NULL, save_hall_action);
  gtk_widget_class_install_action (widget_class, "setup.save-department", "x", save_department_action);
  gtk_widget_class_install_action (widget_class, "setup.save-counter", "x", save_counter_action);
  gtk_widget_class_install_action (widget_class, "setup.save-category", "x", save_category_action);
  gtk_widget_class_install_action (widget_class, "setup.add-category", NULL, add_category_action);
  gtk_widget_class_install_action (widget_class, "setup.add-department", NULL, add_department_action);
  gtk_widget_class_install_action (widget_class, "setup.add-counter", NULL, add_counter_action);
}

static void
hall_admin_setup_page_init (HallAdminSetupPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->departments = g_list_store_new (HALL_TYPE_BOARD_ITEM);
  self->counters = g_list_store_new (HALL_TYPE_BOARD_ITEM);
  self->categories = g_list_store_new (HALL_TYPE_BOARD_ITEM);
  self->department_names = gtk_string_list_new (NULL);
  self->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->counter_checks = g_ptr_array_new ();
  g_signal_connect (self->department_code_row, "changed", G_CALLBACK (form_field_changed_cb), self);
  g_signal_connect (self->department_name_row, "changed", G_CALLBACK (form_field_changed_cb), self);
  g_signal_connect (self->department_prefix_row, "changed", G_CALLBACK (form_field_changed_cb), self);
  g_signal_connect (self->counter_number, "value-changed", G_CALLBACK (form_field_changed_cb), self);
  adw_combo_row_set_model (self->category_department_row, G_LIST_MODEL (self->department_names));
  gtk_list_box_bind_model (self->departments_list, G_LIST_MODEL (self->departments), create_department_row, self,
                           NULL);
  gtk_list_box_bind_model (self->counters_list, G_LIST_MODEL (self->counters), create_counter_row, self, NULL);
  gtk_list_box_bind_model (self->categories_list, G_LIST_MODEL (self->categories), create_category_row, self, NULL);

  self->client_signals = g_signal_group_new (HALL_TYPE_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "event", G_CALLBACK (event_cb), self);
  self->client_notify = g_signal_group_new (G_TYPE_OBJECT);
  g_signal_group_connect_swapped (self->client_notify, "notify::connected", G_CALLBACK (connected_cb), self);
  g_signal_group_connect_swapped (self->client_notify, "notify::user", G_CALLBACK (connected_cb), self);
  update_actions (self);
}

GtkWidget *
hall_admin_setup_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_ADMIN_SETUP_PAGE, "client", client, NULL);
}

HallClient *
hall_admin_setup_page_get_client (HallAdminSetupPage *self)
{
  g_return_val_if_fail (HALL_IS_ADMIN_SETUP_PAGE (self), NULL);
  return self->client;
}

void
hall_admin_setup_page_set_client (HallAdminSetupPage *self,
                                  HallClient         *client)
{
  g_return_if_fail (HALL_IS_ADMIN_SETUP_PAGE (self));
  g_return_if_fail (client == NULL || HALL_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = FALSE;
  self->loaded = FALSE;
  self->busy = 0;
  g_signal_group_set_target (self->client_signals, client);
  g_signal_group_set_target (self->client_notify, client);
  update_actions (self);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
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
  return self->busy > 0;
}
