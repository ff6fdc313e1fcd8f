/* hall-followup-page.c — 回访核实: the follow-up list (due today, overdue, on-site checks, done),
 * the form of a call and the on-site check with its finding
 *
 * The list is followup.list for the view chosen, following the change feed. Choosing an item
 * opens its form below the list: a clerk with the phone in the other hand taps whether the call
 * got through, then how satisfied the petitioner is, and records it (followup.record). An item
 * the petitioner was dissatisfied with waits for the on-site check: a manager or a leader names
 * who checks and by when (followup.check_assign), then records the finding
 * (followup.check_finding). What the hall refuses is shown at the field; what was typed stays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-followup-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-date-row.h"
#include "hall-error.h"
#include "hall-followup-page.h"
#include "hall-form.h"
#include "hall-json-item.h"
#include "hall-json.h"
#include "hall-labels.h"

struct _HallFollowupPage
{
  HallPage parent_instance;

  char       *view;
  char       *result;
  char       *satisfaction;
  char       *finding;
  gboolean    busy;
  GListStore *items;
  JsonObject *selected;

  GtkLabel     *list_error;
  GtkListBox   *items_list;
  GtkLabel     *selected_title;
  GtkLabel     *selected_detail;
  GtkWidget    *call_group;
  GtkWidget    *result_box;
  GtkWidget    *satisfaction_box;
  AdwActionRow *accepts_row;
  GtkSwitch    *accepts_switch;
  AdwComboRow  *method_row;
  AdwEntryRow  *note_row;
  GtkLabel     *call_error;
  GtkWidget    *check_group;
  AdwEntryRow  *person_row;
  HallDateRow  *check_due_row;
  GtkWidget    *finding_box;
  AdwEntryRow  *finding_row;
  GtkLabel     *check_error;
};

G_DEFINE_FINAL_TYPE (HallFollowupPage, hall_followup_page, HALL_TYPE_PAGE)

enum
{
  PROP_0,
  PROP_VIEW,
  PROP_RESULT,
  PROP_SATISFACTION,
  PROP_FINDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const methods[] = { "phone", "visit", "sms" };

/* ---- who may do what here ------------------------------------------------------------------- */

static gboolean
role_is (HallFollowupPage *self,
         const char       *a,
         const char       *b)
{
  HallClient *client = hall_page_get_client (HALL_PAGE (self));
  const char *role = client != NULL ? hall_client_get_role (client) : NULL;

  return g_strcmp0 (role, a) == 0 || g_strcmp0 (role, b) == 0;
}

static const char *
selected_state (HallFollowupPage *self)
{
  return self->selected != NULL ? _hall_json_string (self->selected, "state") : NULL;
}

static void
hall_followup_page_update_actions (HallPage *page)
{
  HallFollowupPage *self = HALL_FOLLOWUP_PAGE (page);
  gboolean          online = hall_page_is_online (page) && !self->busy;
  gboolean          reached = g_strcmp0 (self->result, "reached") == 0;
  gboolean          calls = role_is (self, "staff", "manager");
  gboolean          checks = role_is (self, "manager", "leader");
  gboolean          open = g_strcmp0 (selected_state (self), "open") == 0;
  gboolean          check = g_strcmp0 (selected_state (self), "check") == 0;
  gboolean          named = check && _hall_json_string (self->selected, "check_person") != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.refresh", hall_page_is_online (page));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.record",
                                 online && calls && open && *self->result != '\0'
                                     && (!reached || *self->satisfaction != '\0'));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.assign", online && checks && check);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "followup.finding",
                                 online && checks && named && *self->finding != '\0');
  gtk_widget_set_visible (self->call_group, calls && open);
  gtk_widget_set_visible (self->check_group, checks && check);
  gtk_widget_set_sensitive (self->satisfaction_box, reached);
  gtk_widget_set_sensitive (GTK_WIDGET (self->accepts_row), reached);
  gtk_widget_set_sensitive (self->finding_box, named);
  gtk_widget_set_sensitive (GTK_WIDGET (self->finding_row), named);
}

/* ---- the list ------------------------------------------------------------------------------- */

/* "XF2026-000123 · 张伟", or the ticket's code for a visit that did not become a matter. */
static char *
item_title (JsonObject *item)
{
  const char *number = _hall_json_string (item, "number");
  const char *name = _hall_json_string (item, "petitioner_name");

  if (number == NULL)
    number = _hall_json_string (item, "ticket_code");
  if (name == NULL)
    return g_strdup (number ? number : "");
  /* Translators: a follow-up in the list: the matter number (or ticket) · the petitioner */
  return g_strdup_printf (_ ("%s · %s"), number ? number : "", name);
}

static char *
item_subtitle (JsonObject *item)
{
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *s;

  if ((s = _hall_json_string (item, "phone")) != NULL)
    g_ptr_array_add (parts, g_strdup (s));
  g_ptr_array_add (parts, g_strdup (_hall_json_string (item, "department") ?: ""));
  g_ptr_array_add (parts, g_strdup (hall_label_code ("followup_source",
                                                     _hall_json_string (item, "source"))));
  /* Translators: when a follow-up call is due (应回访日期) */
  g_ptr_array_add (parts, g_strdup_printf (_ ("Due %s"), _hall_json_string (item, "due_date")));
  if (json_object_get_int_member_with_default (item, "attempts", 0) > 0)
    {
      const char *last = _hall_json_string (item, "last_satisfaction");

      /* Translators: how many calls were made and how the last one went: "2 calls: 未接通" */
      g_ptr_array_add (parts, g_strdup_printf (
                                  g_dngettext (GETTEXT_PACKAGE, "%d call: %s", "%d calls: %s",
                                               json_object_get_int_member (item, "attempts")),
                                  (int) json_object_get_int_member (item, "attempts"),
                                  last != NULL ? hall_label_code ("satisfaction", last)
                                               : hall_label_code ("followup_result",
                                                                  _hall_json_string (item, "last_result"))));
    }
  if ((s = _hall_json_string (item, "check_person")) != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_ ("Checked by %s"), s));
  if ((s = _hall_json_string (item, "rectify_due")) != NULL)
    /* Translators: the deadline of the rectification (整改期限) */
    g_ptr_array_add (parts, g_strdup_printf (_ ("Rectify by %s"), s));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

static GtkWidget *
create_item_row (gpointer item,
                 gpointer user_data)
{
  JsonObject      *data = hall_json_item_get_data (item);
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *badge = gtk_label_new (NULL);
  g_autofree char *title = item_title (data);
  g_autofree char *subtitle = item_subtitle (data);
  g_autofree char *name =
      g_strdup_printf ("followup-%" G_GINT64_FORMAT, json_object_get_int_member (data, "id"));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, name);
  if (_hall_json_flag (data, "overdue"))
    {
      /* Translators: a follow-up not called by its due date */
      gtk_label_set_text (GTK_LABEL (badge), _ ("Overdue"));
      gtk_widget_add_css_class (badge, "error");
    }
  else if (_hall_json_flag (data, "due_today"))
    {
      /* Translators: a follow-up to call today */
      gtk_label_set_text (GTK_LABEL (badge), _ ("Due today"));
      gtk_widget_add_css_class (badge, "warning");
    }
  else
    gtk_label_set_text (GTK_LABEL (badge),
                        hall_label_code ("followup_state", _hall_json_string (data, "state")));
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "caption-heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
show_selected (HallFollowupPage *self)
{
  g_autofree char *title = self->selected ? item_title (self->selected) : NULL;
  g_autofree char *detail = self->selected ? item_subtitle (self->selected) : NULL;

  gtk_label_set_text (self->selected_title,
                      title ? title : _ ("Choose a follow-up in the list to record a call."));
  gtk_label_set_text (self->selected_detail, detail ? detail : "");
  hall_followup_page_update_actions (HALL_PAGE (self));
}

static void
select_id (HallFollowupPage *self,
           gint64            id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  /* An item that left this view (called, checked) stays shown with what became of it. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (hall_json_item_get_id (item) == id)
        {
          g_clear_pointer (&self->selected, json_object_unref);
          self->selected = json_object_ref (hall_json_item_get_data (item));
          gtk_list_box_select_row (self->items_list,
                                   gtk_list_box_get_row_at_index (self->items_list, i));
        }
    }
  show_selected (self);
}

static void
list_cb (HallPage     *page,
         JsonObject   *reply,
         const GError *error,
         gpointer      user_data)
{
  HallFollowupPage *self = HALL_FOLLOWUP_PAGE (page);
  gint64            keep = self->selected ? json_object_get_int_member (self->selected, "id") : 0;

  _hall_form_set_error (GTK_WIDGET (self->list_error), GTK_WIDGET (self->list_error),
                        reply == NULL ? error->message : NULL);
  if (reply == NULL)
    return;
  _hall_json_store_fill (self->items, json_object_get_array_member (reply, "items"));
  select_id (self, keep);
}

static void
hall_followup_page_refresh (HallPage *page)
{
  HallFollowupPage *self = HALL_FOLLOWUP_PAGE (page);
  g_autoptr (JsonObject) params = json_object_new ();

  json_object_set_string_member (params, "view", self->view);
  hall_page_load (page, "followup.list", params, list_cb, NULL);
}

static void
row_selected_cb (HallFollowupPage *self,
                 GtkListBoxRow    *row)
{
  g_autoptr (HallJsonItem) item = NULL;

  if (row == NULL)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->items), gtk_list_box_row_get_index (row));
  if (item == NULL)
    return;
  g_clear_pointer (&self->selected, json_object_unref);
  self->selected = json_object_ref (hall_json_item_get_data (item));
  show_selected (self);
}

/* ---- the forms ------------------------------------------------------------------------------ */

static void
set_busy (HallFollowupPage *self,
          gboolean          busy)
{
  self->busy = busy;
  hall_followup_page_update_actions (HALL_PAGE (self));
}

/* The hall's refusal at the field it names (the typed text stays). */
static void
show_refusal (GtkWidget    *fields[][2],
              guint         n_fields,
              GtkLabel     *general,
              const GError *error)
{
  const char *field = hall_error_get_field (error);
  GtkWidget  *at = GTK_WIDGET (general);

  for (guint i = 0; i < n_fields; i++)
    if (g_strcmp0 (field, (const char *) fields[i][0]) == 0)
      at = fields[i][1];
  _hall_form_set_error (at, GTK_WIDGET (general), error->message);
}

static void
done_cb (HallPage     *page,
         JsonObject   *reply,
         const GError *error,
         gpointer      user_data)
{
  HallFollowupPage *self = HALL_FOLLOWUP_PAGE (page);
  gboolean          call = GPOINTER_TO_INT (user_data);

  set_busy (self, FALSE);
  if (reply == NULL)
    {
      GtkWidget *call_fields[][2] = {
        { (GtkWidget *) "result", self->result_box },
        { (GtkWidget *) "satisfaction", self->satisfaction_box },
        { (GtkWidget *) "accepts", GTK_WIDGET (self->accepts_row) },
        { (GtkWidget *) "method", GTK_WIDGET (self->method_row) },
        { (GtkWidget *) "note", GTK_WIDGET (self->note_row) },
      };
      GtkWidget *check_fields[][2] = {
        { (GtkWidget *) "person", GTK_WIDGET (self->person_row) },
        { (GtkWidget *) "due_date", GTK_WIDGET (self->check_due_row) },
        { (GtkWidget *) "finding", self->finding_box },
        { (GtkWidget *) "text", GTK_WIDGET (self->finding_row) },
      };

      if (call)
        show_refusal (call_fields, G_N_ELEMENTS (call_fields), self->call_error, error);
      else
        show_refusal (check_fields, G_N_ELEMENTS (check_fields), self->check_error, error);
      return;
    }
  _hall_form_set_error (GTK_WIDGET (self->call_error), GTK_WIDGET (self->call_error), NULL);
  _hall_form_set_error (GTK_WIDGET (self->check_error), GTK_WIDGET (self->check_error), NULL);
  if (call)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
      gtk_switch_set_active (self->accepts_switch, FALSE);
      g_object_set (self, "result", "", "satisfaction", "", NULL);
      /* Translators: after a follow-up call was recorded */
      hall_page_toast (page, _ ("Call recorded"));
    }
  else
    hall_page_toast (page, _ ("Saved"));
  g_clear_pointer (&self->selected, json_object_unref);
  self->selected = json_object_ref (json_object_get_object_member (reply, "followup"));
  show_selected (self);
  hall_page_refresh (page);
}

static JsonObject *
item_params (HallFollowupPage *self)
{
  return _hall_json_params_id ("followup_id", json_object_get_int_member (self->selected, "id"));
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HallFollowupPage *self = HALL_FOLLOWUP_PAGE (widget);
  g_autoptr (JsonObject) params = item_params (self);
  g_autofree char *note = _hall_form_dup_text (self->note_row);
  guint            method = adw_combo_row_get_selected (self->method_row);

  json_object_set_string_member (params, "result", self->result);
  json_object_set_string_member (params, "method",
                                 methods[method < G_N_ELEMENTS (methods) ? method : 0]);
  if (g_str_equal (self->result, "reached"))
    {
      json_object_set_string_member (params, "satisfaction", self->satisfaction);
      json_object_set_boolean_member (params, "accepts",
                                      gtk_switch_get_active (self->accepts_switch));
    }
  if (*note != '\0')
    json_object_set_string_member (params, "note", note);
  set_busy (self, TRUE);
  hall_page_call (HALL_PAGE (self), "followup.record", params, done_cb, GINT_TO_POINTER (TRUE));
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HallFollowupPage *self = HALL_FOLLOWUP_PAGE (widget);
  g_autoptr (JsonObject) params = item_params (self);
  g_autofree char *person = _hall_form_dup_text (self->person_row);

  if (!hall_date_row_check (self->check_due_row, TRUE))
    return;
  json_object_set_string_member (params, "person", person);
  json_object_set_string_member (params, "due_date", hall_date_row_get_date (self->check_due_row));
  set_busy (self, TRUE);
  hall_page_call (HALL_PAGE (self), "followup.check_assign", params, done_cb,
                  GINT_TO_POINTER (FALSE));
}

static void
finding_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HallFollowupPage *self = HALL_FOLLOWUP_PAGE (widget);
  g_autoptr (JsonObject) params = item_params (self);
  g_autofree char *text = _hall_form_dup_text (self->finding_row);

  json_object_set_string_member (params, "finding", self->finding);
  json_object_set_string_member (params, "text", text);
  set_busy (self, TRUE);
  hall_page_call (HALL_PAGE (self), "followup.check_finding", params, done_cb,
                  GINT_TO_POINTER (FALSE));
}

static void
hall_followup_page_event (HallPage   *page,
                          const char *kind,
                          JsonObject *event)
{
  if (g_str_equal (kind, "followup.changed"))
    hall_page_refresh (page);
}

/* ---- overrides ------------------------------------------------------------------------------ */

static char **
string_slot (HallFollowupPage *self,
             guint             prop_id)
{
  switch (prop_id)
    {
    case PROP_VIEW:
      return &self->view;
    case PROP_RESULT:
      return &self->result;
    case PROP_SATISFACTION:
      return &self->satisfaction;
    default:
      return &self->finding;
    }
}

static void
hall_followup_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  g_value_set_string (value, *string_slot (HALL_FOLLOWUP_PAGE (object), prop_id));
}

static void
hall_followup_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HallFollowupPage *self = HALL_FOLLOWUP_PAGE (object);
  char            **slot = string_slot (self, prop_id);

  if (g_strcmp0 (*slot, g_value_get_string (value)) == 0)
    return;
  g_free (*slot);
  *slot = g_strdup (g_value_get_string (value) ? g_value_get_string (value) : "");
  g_object_notify_by_pspec (object, pspec);
  if (prop_id == PROP_VIEW)
    {
      g_clear_pointer (&self->selected, json_object_unref);
      show_selected (self);
      hall_page_refresh (HALL_PAGE (self));
    }
  hall_followup_page_update_actions (HALL_PAGE (self));
}

static void
hall_followup_page_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), HALL_TYPE_FOLLOWUP_PAGE);
  G_OBJECT_CLASS (hall_followup_page_parent_class)->dispose (object);
}

static void
hall_followup_page_finalize (GObject *object)
{
  HallFollowupPage *self = HALL_FOLLOWUP_PAGE (object);

  g_clear_object (&self->items);
  g_clear_pointer (&self->selected, json_object_unref);
  g_free (self->view);
  g_free (self->result);
  g_free (self->satisfaction);
  g_free (self->finding);
  G_OBJECT_CLASS (hall_followup_page_parent_class)->finalize (object);
}

static void
hall_followup_page_class_init (HallFollowupPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_followup_page_dispose;
  object_class->finalize = hall_followup_page_finalize;
  object_class->get_property = hall_followup_page_get_property;
  object_class->set_property = hall_followup_page_set_property;
  page_class->refresh = hall_followup_page_refresh;
  page_class->event = hall_followup_page_event;
  page_class->update_actions = hall_followup_page_update_actions;

  /* The list's view (due, overdue, check, done) and the choices of the forms, as the toggle
   * buttons of the template set them. */
  properties[PROP_VIEW] = g_param_spec_string ("view", NULL, NULL, "due",
                                               G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS
                                                   | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RESULT] = g_param_spec_string (
      "result", NULL, NULL, "",
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_SATISFACTION] = g_param_spec_string (
      "satisfaction", NULL, NULL, "",
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_FINDING] = g_param_spec_string (
      "finding", NULL, NULL, "",
      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/followup/hall-followup-page.ui");
  g_type_ensure (HALL_TYPE_DATE_ROW);
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, HallFollowupPage, name)
  CHILD (list_error);
  CHILD (items_list);
  CHILD (selected_title);
  CHILD (selected_detail);
  CHILD (call_group);
  CHILD (result_box);
  CHILD (satisfaction_box);
  CHILD (accepts_row);
  CHILD (accepts_switch);
  CHILD (method_row);
  CHILD (note_row);
  CHILD (call_error);
  CHILD (check_group);
  CHILD (person_row);
  CHILD (check_due_row);
  CHILD (finding_box);
  CHILD (finding_row);
  CHILD (check_error);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);

  gtk_widget_class_install_property_action (widget_class, "followup.view", "view");
  gtk_widget_class_install_property_action (widget_class, "followup.result", "result");
  gtk_widget_class_install_property_action (widget_class, "followup.satisfaction",
                                            "satisfaction");
  gtk_widget_class_install_property_action (widget_class, "followup.finding-kind", "finding");
  gtk_widget_class_install_action (widget_class, "followup.record", NULL, record_action);
  gtk_widget_class_install_action (widget_class, "followup.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "followup.finding", NULL, finding_action);
  hall_page_class_install_refresh_action (page_class, "followup.refresh");
}

static void
hall_followup_page_init (HallFollowupPage *self)
{
  /* "" while nothing is chosen: the toggle buttons' actions have a string state */
  self->view = g_strdup ("due");
  self->result = g_strdup ("");
  self->satisfaction = g_strdup ("");
  self->finding = g_strdup ("");
  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_list_store_new (HALL_TYPE_JSON_ITEM);
  gtk_list_box_bind_model (self->items_list, G_LIST_MODEL (self->items), create_item_row, NULL,
                           NULL);
  show_selected (self);
}

GtkWidget *
hall_followup_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_FOLLOWUP_PAGE, "client", client, NULL);
}

GListModel *
hall_followup_page_get_items (HallFollowupPage *self)
{
  g_return_val_if_fail (HALL_IS_FOLLOWUP_PAGE (self), NULL);
  return G_LIST_MODEL (self->items);
}

JsonObject *
hall_followup_page_get_selected (HallFollowupPage *self)
{
  g_return_val_if_fail (HALL_IS_FOLLOWUP_PAGE (self), NULL);
  return self->selected;
}
