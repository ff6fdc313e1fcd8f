/* hall-admin-setup-rows.c — the rows of the setup page: a department, a window, a category, each
 * an expander with its own fields and Save button
 *
 * The rows keep their widgets as object data for the page to read when Save is pressed:
 * "name-row", "prefix-row" (AdwEntryRow), "legal-switch", "active-switch", "litigation-switch"
 * (GtkSwitch), "department-row" (AdwComboRow), "checks" (GPtrArray of GtkCheckButton, each with
 * its "department-id") and "error-label" (GtkLabel beside Save).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-admin-setup"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-admin-setup-rows.h"

static const char *
department_name (GListModel *departments,
                 gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (departments, i);

      if (hall_json_item_get_id (item) == id)
        return json_object_get_string_member_with_default (hall_json_item_get_data (item), "name",
                                                           "");
    }
  return "";
}

guint
_hall_admin_department_position (GListModel *departments,
                                 gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (departments, i);

      if (hall_json_item_get_id (item) == id)
        return i;
    }
  return 0;
}

gint64
_hall_admin_department_id_at (GListModel *departments,
                              guint       position)
{
  g_autoptr (HallJsonItem) item = NULL;

  if (position >= g_list_model_get_n_items (departments))
    return 0;
  item = g_list_model_get_item (departments, position);
  return hall_json_item_get_id (item);
}

GtkWidget *
_hall_admin_setup_row_for_id (GListModel *model,
                              GtkListBox *list,
                              gint64      id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (model, i);

      if (hall_json_item_get_id (item) == id)
        return GTK_WIDGET (gtk_list_box_get_row_at_index (list, i));
    }
  return NULL;
}

/* A switch in a row of its own, kept on @row as @key. */
static GtkWidget *
add_switch_row (AdwExpanderRow *row,
                const char     *title,
                const char     *key)
{
  GtkWidget *child = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), title);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (child), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (child), toggle);
  adw_expander_row_add_row (row, child);
  g_object_set_data (G_OBJECT (row), key, toggle);
  return toggle;
}

static GtkWidget *
add_entry_row (AdwExpanderRow *row,
               const char     *title,
               const char     *key)
{
  GtkWidget *entry = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), title);
  adw_expander_row_add_row (row, entry);
  g_object_set_data (G_OBJECT (row), key, entry);
  return entry;
}

/* The last row: the message from the hall, and Save. */
static void
add_save_row (AdwExpanderRow *row,
              const char     *action_name,
              gint64          id)
{
  GtkWidget *child = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *error = gtk_label_new (NULL);
  GtkWidget *save = gtk_button_new_with_mnemonic (_ ("_Save"));

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (child), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (child), FALSE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_hexpand (error, TRUE);
  gtk_label_set_xalign (GTK_LABEL (error), 0);
  gtk_label_set_wrap (GTK_LABEL (error), TRUE);
  gtk_widget_add_css_class (error, "field-error");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (save), "x", id);
  gtk_box_append (GTK_BOX (box), error);
  gtk_box_append (GTK_BOX (box), save);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (child), box);
  adw_expander_row_add_row (row, child);
  g_object_set_data (G_OBJECT (row), "error-label", error);
  g_object_set_data (G_OBJECT (row), "save-button", save);
}

typedef void (*RowUpdateFunc) (AdwExpanderRow *row,
                               GParamSpec     *pspec,
                               HallJsonItem   *item);

/* Adds the last row, with Save; @update shows @item now and after each change of its data. */
static GtkWidget *
finish_row (AdwExpanderRow *row,
            const char     *action_name,
            HallJsonItem   *item,
            RowUpdateFunc   update)
{
  add_save_row (row, action_name, hall_json_item_get_id (item));
  g_signal_connect_object (item, "notify::data", G_CALLBACK (update), row, G_CONNECT_SWAPPED);
  update (row, NULL, item);
  return GTK_WIDGET (row);
}

/* The row's title, and the name its Save button is read out with. */
static void
set_row_name (AdwExpanderRow *row,
              const char     *name)
{
  /* Translators: accessible name of the Save button of a department, window or category; %s is its
   * name */
  g_autofree char *save_name = g_strdup_printf (_ ("Save %s"), name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_accessible_update_property (g_object_get_data (G_OBJECT (row), "save-button"),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, save_name, -1);
}

static void
update_department_row (AdwExpanderRow *row,
                       GParamSpec     *pspec,
                       HallJsonItem   *item)
{
  JsonObject *data = hall_json_item_get_data (item);
  const char *name = json_object_get_string_member_with_default (data, "name", "");
  const char *prefix = json_object_get_string_member_with_default (data, "prefix", "");
  gboolean    legal = json_object_get_boolean_member_with_default (data, "is_legal", FALSE);
  gboolean    active = json_object_get_boolean_member_with_default (data, "active", TRUE);
  g_autoptr (GString) subtitle =
      g_string_new (json_object_get_string_member_with_default (data, "code", ""));

  if (legal)
    /* Translators: a department's 政法 window, where litigation-related visitors go */
    g_string_append_printf (subtitle, " · %s", _ ("Legal-affairs window"));
  if (!active)
    /* Translators: a department, window or category switched off */
    g_string_append_printf (subtitle, " · %s", _ ("not in use"));
  set_row_name (row, name);
  adw_expander_row_set_subtitle (row, subtitle->str);
  gtk_label_set_text (g_object_get_data (G_OBJECT (row), "prefix-label"), prefix);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (row), "name-row"), name);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (row), "prefix-row"), prefix);
  gtk_switch_set_active (g_object_get_data (G_OBJECT (row), "legal-switch"), legal);
  gtk_switch_set_active (g_object_get_data (G_OBJECT (row), "active-switch"), active);
}

GtkWidget *
_hall_admin_department_row_new (HallJsonItem *item)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *prefix = gtk_label_new (NULL);

  gtk_widget_add_css_class (prefix, "department-prefix");
  gtk_widget_set_valign (prefix, GTK_ALIGN_CENTER);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), prefix);
  g_object_set_data (G_OBJECT (row), "prefix-label", prefix);
  /* Translators: department field */
  add_entry_row (ADW_EXPANDER_ROW (row), _ ("Name"), "name-row");
  /* Translators: department field: the capital letter its ticket numbers start with */
  add_entry_row (ADW_EXPANDER_ROW (row), _ ("Ticket letter"), "prefix-row");
  /* Translators: department field: litigation-related visitors are sent to it */
  add_switch_row (ADW_EXPANDER_ROW (row), _ ("Legal-affairs window"), "legal-switch");
  /* Translators: department, window or category field: switched on */
  add_switch_row (ADW_EXPANDER_ROW (row), _ ("In use"), "active-switch");
  return finish_row (ADW_EXPANDER_ROW (row), "setup.save-department", item, update_department_row);
}

static void
update_counter_row (AdwExpanderRow *row,
                    GParamSpec     *pspec,
                    HallJsonItem   *item)
{
  GListModel *departments = g_object_get_data (G_OBJECT (row), "departments");
  JsonObject *data = hall_json_item_get_data (item);
  JsonArray  *served = json_object_get_array_member (data, "department_ids");
  GPtrArray  *checks = g_object_get_data (G_OBJECT (row), "checks");
  g_autoptr (GString) subtitle = g_string_new (NULL);

  for (guint i = 0; served != NULL && i < json_array_get_length (served); i++)
    {
      if (i > 0)
        /* Translators: separates department names */
        g_string_append (subtitle, _ (", "));
      g_string_append (subtitle,
                       department_name (departments, json_array_get_int_element (served, i)));
    }
  for (guint i = 0; i < checks->len; i++)
    {
      gint64   id = GPOINTER_TO_SIZE (g_object_get_data (checks->pdata[i], "department-id"));
      gboolean on = FALSE;

      for (guint j = 0; served != NULL && j < json_array_get_length (served); j++)
        on = on || json_array_get_int_element (served, j) == id;
      gtk_check_button_set_active (checks->pdata[i], on);
    }
  set_row_name (row, json_object_get_string_member_with_default (data, "name", ""));
  adw_expander_row_set_subtitle (row, subtitle->str);
}

void
_hall_admin_fill_department_checks (GtkFlowBox *flow,
                                    GListModel *departments,
                                    GPtrArray  *checks)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (flow))) != NULL)
    gtk_flow_box_remove (flow, child);
  g_ptr_array_set_size (checks, 0);
  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (HallJsonItem) department = g_list_model_get_item (departments, i);
      JsonObject *data = hall_json_item_get_data (department);
      GtkWidget  *check = gtk_check_button_new_with_label (
           json_object_get_string_member_with_default (data, "name", ""));
      g_autofree char *name = g_strconcat (
          "department_", json_object_get_string_member_with_default (data, "code", ""), NULL);

      gtk_widget_set_name (check, name);
      g_object_set_data (G_OBJECT (check), "department-id",
                         GSIZE_TO_POINTER (hall_json_item_get_id (department)));
      gtk_flow_box_append (flow, check);
      g_ptr_array_add (checks, check);
    }
}

GtkWidget *
_hall_admin_counter_row_new (HallJsonItem *item,
                             GListModel   *departments)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *child = gtk_list_box_row_new ();
  GtkWidget *flow = gtk_flow_box_new ();
  GPtrArray *checks = g_ptr_array_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (child), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (child), FALSE);
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 5);
  gtk_widget_set_margin_top (flow, 6);
  gtk_widget_set_margin_bottom (flow, 6);
  gtk_widget_set_margin_start (flow, 12);
  gtk_widget_set_margin_end (flow, 12);
  gtk_accessible_update_property (
      GTK_ACCESSIBLE (flow), GTK_ACCESSIBLE_PROPERTY_LABEL,
      /* Translators: accessible name of a window's department choices */
      _ ("Departments this window serves"), -1);
  _hall_admin_fill_department_checks (GTK_FLOW_BOX (flow), departments, checks);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (child), flow);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);
  g_object_set_data_full (G_OBJECT (row), "departments", g_object_ref (departments),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "checks", checks, (GDestroyNotify) g_ptr_array_unref);
  return finish_row (ADW_EXPANDER_ROW (row), "setup.save-counter", item, update_counter_row);
}

static void
update_category_row (AdwExpanderRow *row,
                     GParamSpec     *pspec,
                     HallJsonItem   *item)
{
  GListModel *departments = g_object_get_data (G_OBJECT (row), "departments");
  JsonObject *data = hall_json_item_get_data (item);
  gint64      department_id = json_object_get_int_member_with_default (data, "department_id", 0);
  gboolean    litigation = json_object_get_boolean_member_with_default (data, "litigation", FALSE);
  gboolean    active = json_object_get_boolean_member_with_default (data, "active", TRUE);
  const char *name = json_object_get_string_member_with_default (data, "name", "");
  g_autoptr (GString) subtitle = g_string_new (department_name (departments, department_id));

  if (litigation)
    /* Translators: a litigation-related (涉法涉诉) category */
    g_string_append_printf (subtitle, " · %s", _ ("litigation-related"));
  if (!active)
    g_string_append_printf (subtitle, " · %s", _ ("not in use"));
  set_row_name (row, name);
  adw_expander_row_set_subtitle (row, subtitle->str);
  gtk_editable_set_text (g_object_get_data (G_OBJECT (row), "name-row"), name);
  adw_combo_row_set_selected (g_object_get_data (G_OBJECT (row), "department-row"),
                              _hall_admin_department_position (departments, department_id));
  gtk_switch_set_active (g_object_get_data (G_OBJECT (row), "litigation-switch"), litigation);
  gtk_switch_set_active (g_object_get_data (G_OBJECT (row), "active-switch"), active);
}

GtkWidget *
_hall_admin_category_row_new (HallJsonItem *item,
                              GListModel   *departments,
                              GListModel   *department_names)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *combo = adw_combo_row_new ();

  g_object_set_data_full (G_OBJECT (row), "departments", g_object_ref (departments),
                          g_object_unref);
  add_entry_row (ADW_EXPANDER_ROW (row), _ ("Name"), "name-row");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _ ("Suggested department"));
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), department_names);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), combo);
  g_object_set_data (G_OBJECT (row), "department-row", combo);
  add_switch_row (ADW_EXPANDER_ROW (row), _ ("Litigation-related"), "litigation-switch");
  add_switch_row (ADW_EXPANDER_ROW (row), _ ("In use"), "active-switch");
  return finish_row (ADW_EXPANDER_ROW (row), "setup.save-category", item, update_category_row);
}

const char *
_hall_admin_department_with (GListModel *departments,
                             const char *member,
                             const char *value)
{
  for (guint i = 0; i < g_list_model_get_n_items (departments); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (departments, i);
      JsonObject *data = hall_json_item_get_data (item);

      if (g_strcmp0 (json_object_get_string_member_with_default (data, member, NULL), value) == 0)
        return json_object_get_string_member_with_default (data, "name", "");
    }
  return NULL;
}

gboolean
_hall_admin_counter_with_number (GListModel *counters,
                                 gint64      number)
{
  for (guint i = 0; i < g_list_model_get_n_items (counters); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (counters, i);

      if (json_object_get_int_member_with_default (hall_json_item_get_data (item), "number", 0)
          == number)
        return TRUE;
    }
  return FALSE;
}

JsonObject *
_hall_admin_department_row_params (GtkWidget *row,
                                   gint64     id)
{
  JsonObject *params = json_object_new ();

  json_object_set_int_member (params, "id", id);
  json_object_set_string_member (
      params, "name", gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "name-row")));
  json_object_set_string_member (
      params, "prefix", gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "prefix-row")));
  json_object_set_boolean_member (
      params, "is_legal",
      gtk_switch_get_active (g_object_get_data (G_OBJECT (row), "legal-switch")));
  json_object_set_boolean_member (
      params, "active",
      gtk_switch_get_active (g_object_get_data (G_OBJECT (row), "active-switch")));
  return params;
}

JsonObject *
_hall_admin_counter_row_params (GtkWidget *row,
                                gint64     id)
{
  JsonObject *params = json_object_new ();
  JsonArray  *ids = json_array_new ();
  GPtrArray  *checks = g_object_get_data (G_OBJECT (row), "checks");

  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_active (checks->pdata[i]))
      json_array_add_int_element (
          ids, GPOINTER_TO_SIZE (g_object_get_data (checks->pdata[i], "department-id")));
  json_object_set_int_member (params, "id", id);
  json_object_set_array_member (params, "department_ids", ids);
  return params;
}

JsonObject *
_hall_admin_category_row_params (GtkWidget *row,
                                 gint64     id)
{
  JsonObject *params = json_object_new ();
  guint       position =
      adw_combo_row_get_selected (g_object_get_data (G_OBJECT (row), "department-row"));

  json_object_set_int_member (params, "id", id);
  json_object_set_string_member (
      params, "name", gtk_editable_get_text (g_object_get_data (G_OBJECT (row), "name-row")));
  json_object_set_int_member (
      params, "department_id",
      _hall_admin_department_id_at (g_object_get_data (G_OBJECT (row), "departments"), position));
  json_object_set_boolean_member (
      params, "litigation",
      gtk_switch_get_active (g_object_get_data (G_OBJECT (row), "litigation-switch")));
  json_object_set_boolean_member (
      params, "active",
      gtk_switch_get_active (g_object_get_data (G_OBJECT (row), "active-switch")));
  return params;
}
