/* hall-matter-form.c — register a matter from the visitor at the window
 *
 * The fields are named as matter.register names them ("content", "petitioners[1].id_number"), so
 * an error from the engine lands on the field it names. ID numbers and phones are checked while
 * they are typed; a complete, valid ID number is looked up (petitioner.lookup) and fills in what
 * the hall already knows about that person.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter-form"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-check.h"
#include "hall-find.h"
#include "hall-form.h"
#include "hall-idcard.h"
#include "hall-json.h"
#include "hall-matter-form-similar.h"
#include "hall-matter-form.h"
#include "hall-papers.h"
#include "hall-print.h"

#define MAX_REPRESENTATIVES 5

struct _HallMatterForm
{
  HallPage parent_instance;

  JsonArray  *categories;
  JsonArray  *departments;
  JsonObject *result;
  gint64      ticket_id;
  gint64      ticket_persons;
  gboolean    busy;
  GPtrArray  *petitioners; /* AdwPreferencesGroup* */

  GtkWidget           *result_box;
  GtkLabel            *result_title;
  HallMatterSimilar   *similar;
  GtkLabel            *result_number;
  GtkLabel            *result_code;
  GtkLabel            *result_guidance;
  GtkLabel            *form_error;
  AdwPreferencesGroup *matter_group;
  GtkBox              *petitioners_box;

  GtkWidget *channel;
  GtkWidget *type;
  GtkWidget *category;
  GtkWidget *escalation;
  GtkWidget *content;
  GtkWidget *persons;
  GtkWidget *litigation;
};

G_DEFINE_FINAL_TYPE (HallMatterForm, hall_matter_form, HALL_TYPE_PAGE)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum
{
  SIGNAL_REGISTERED,
  SIGNAL_PETITIONER_FOUND,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

static const char *const channel_codes[] = { "visit", "letter", "online", "phone", "other" };
static const char *const type_codes[] = { "claim", "suggestion", "accusation" };
/* 越级访: none, 到市, 到省, 进京 */
static const char *const escalation_codes[] = { NULL, "city", "province", "capital" };
static const char *const fields[] = { "name", "id_number", "phone", "sex", "address", "role" };

static GtkWidget *
petitioner_field (AdwPreferencesGroup *group,
                  const char          *field)
{
  return g_object_get_data (G_OBJECT (group), field);
}

static void
rename_petitioners (HallMatterForm *self)
{
  for (guint i = 0; i < self->petitioners->len; i++)
    {
      AdwPreferencesGroup *group = self->petitioners->pdata[i];
      g_autofree char     *title = g_strdup_printf (_ ("Petitioner %u"), i + 1);

      adw_preferences_group_set_title (group, title);
      for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
        {
          g_autofree char *name = g_strdup_printf ("petitioners[%u].%s", i, fields[j]);
          gtk_widget_set_name (petitioner_field (group, fields[j]), name);
        }
    }
}

/* @user_data is the petitioner's group whose ID number was looked up. */
static void
lookup_cb (HallPage     *page,
           JsonObject   *reply,
           const GError *error,
           gpointer      user_data)
{
  HallMatterForm      *self = HALL_MATTER_FORM (page);
  AdwPreferencesGroup *group = user_data;
  JsonArray           *persons = reply ? json_object_get_array_member (reply, "persons") : NULL;
  JsonObject          *person;
  g_autofree char     *description = NULL;
  const char          *keys[] = { "name", "phone", "address" };
  gint64               repeat;

  if (persons == NULL || json_array_get_length (persons) == 0)
    return;
  person = json_array_get_object_element (persons, 0);
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkWidget  *field = petitioner_field (group, keys[i]);
      const char *known = json_object_get_string_member_with_default (person, keys[i], NULL);

      if (known != NULL && *gtk_editable_get_text (GTK_EDITABLE (field)) == '\0')
        gtk_editable_set_text (GTK_EDITABLE (field), known);
    }
  repeat = json_object_get_int_member_with_default (person, "repeat_count", 0);
  /* Translators: a returning petitioner: 第 N 次来访, and how many matters they have on record */
  description = g_strdup_printf (
      _ ("Known to the hall: visit number %d, %d earlier matters"), (int) repeat + 1,
      (int) json_array_get_length (json_object_get_array_member (person, "matters")));
  adw_preferences_group_set_description (group, description);
  g_signal_emit (self, signals[SIGNAL_PETITIONER_FOUND], 0, person);
}

static void
id_changed_cb (GtkEditable         *editable,
               AdwPreferencesGroup *group)
{
  HallMatterForm  *self = g_object_get_data (G_OBJECT (group), "form");
  const char      *id = gtk_editable_get_text (editable);
  gboolean         complete;
  g_autofree char *message = _hall_check_id_number (id, FALSE, &complete);

  _hall_form_field_set_error (GTK_WIDGET (editable), message);
  hall_matter_similar_queue (self->similar);
  if (!complete)
    return;
  {
    const char *sex = hall_id_number_get_sex (id);
    adw_combo_row_set_selected (ADW_COMBO_ROW (petitioner_field (group, "sex")),
                                g_strcmp0 (sex, "male") == 0 ? 1 : 2);
  }
  if (hall_page_is_online (HALL_PAGE (self)))
    {
      g_autoptr (JsonObject) params = json_object_new ();
      json_object_set_string_member (params, "id_number", id);
      hall_page_call_full (HALL_PAGE (self), "petitioner.lookup", params, lookup_cb,
                           g_object_ref (group), g_object_unref);
    }
}

static void
phone_changed_cb (GtkEditable *editable)
{
  g_autofree char *message = _hall_check_phone (gtk_editable_get_text (editable), FALSE, NULL);

  _hall_form_field_set_error (GTK_WIDGET (editable), message);
  hall_matter_similar_changed_cb (editable);
}

static void
name_changed_cb (GtkEditable *editable)
{
  if (*gtk_editable_get_text (editable))
    _hall_form_field_set_error (GTK_WIDGET (editable), NULL);
  hall_matter_similar_changed_cb (editable);
}

static void
add_petitioner (HallMatterForm *self)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  const char          *sexes[] = { C_ ("petitioner", "Not given"), _ ("male"), _ ("female"), NULL };
  const char          *roles[] = { _ ("Petitioner"), _ ("Representative"), NULL };
  GtkWidget           *field;

  g_object_set_data (G_OBJECT (group), "form", self);
  field = _hall_form_add_entry (group, "name", _ ("Name"));
  g_signal_connect (field, "changed", G_CALLBACK (name_changed_cb), NULL);
  g_object_set_data (G_OBJECT (group), "name", field);
  field = _hall_form_add_entry (group, "id_number", _ ("ID number"));
  g_signal_connect (field, "changed", G_CALLBACK (id_changed_cb), group);
  g_object_set_data (G_OBJECT (group), "id_number", field);
  field = _hall_form_add_entry (group, "phone", _ ("Phone"));
  gtk_editable_set_max_width_chars (GTK_EDITABLE (field), 24);
  g_signal_connect (field, "changed", G_CALLBACK (phone_changed_cb), NULL);
  g_object_set_data (G_OBJECT (group), "phone", field);
  g_object_set_data (G_OBJECT (group), "sex",
                     _hall_form_add_combo (group, "sex", C_ ("petitioner", "Sex"), sexes));
  g_object_set_data (G_OBJECT (group), "address",
                     _hall_form_add_entry (group, "address", C_ ("petitioner", "Address")));
  g_object_set_data (G_OBJECT (group), "role",
                     _hall_form_add_combo (group, "role", _ ("Role"), roles));
  if (self->petitioners->len > 0)
    {
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (remove, _ ("Remove this petitioner"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Remove this petitioner"), -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "matter-form.remove-petitioner");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", self->petitioners->len);
      adw_preferences_group_set_header_suffix (group, remove);
    }
  g_ptr_array_add (self->petitioners, group);
  gtk_box_append (self->petitioners_box, GTK_WIDGET (group));
  rename_petitioners (self);
}

static void
update_category_hint (HallMatterForm *self)
{
  guint            selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->category));
  JsonObject      *category = NULL;
  g_autofree char *hint = NULL;

  if (self->categories != NULL && selected > 0
      && selected <= json_array_get_length (self->categories))
    category = json_array_get_object_element (self->categories, selected - 1);
  if (category != NULL)
    {
      gint64      department_id = json_object_get_int_member_with_default (category, "department_id", 0);
      const char *name = NULL;

      for (guint i = 0; self->departments && i < json_array_get_length (self->departments); i++)
        if (json_object_get_int_member (json_array_get_object_element (self->departments, i), "id")
            == department_id)
          name = json_object_get_string_member (
              json_array_get_object_element (self->departments, i), "name");
      if (json_object_get_boolean_member_with_default (category, "litigation", FALSE))
        hint = g_strdup (_ ("Litigation-related: not accepted as a petition; the visitor is guided "
                            "to the legal windows."));
      else if (name != NULL)
        /* Translators: the department a problem category goes to */
        hint = g_strdup_printf (_ ("Suggested department: %s"), name);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->category), hint ? hint : "");
}

static void
info_cb (HallPage     *page,
         JsonObject   *reply,
         const GError *error,
         gpointer      user_data)
{
  HallMatterForm *self = HALL_MATTER_FORM (page);
  g_autoptr (GtkStringList) names = NULL;
  JsonArray *categories;

  if (reply == NULL || (categories = json_object_get_array_member (reply, "categories")) == NULL)
    return;
  g_clear_pointer (&self->categories, json_array_unref);
  g_clear_pointer (&self->departments, json_array_unref);
  self->categories = json_array_new ();
  for (guint i = 0; i < json_array_get_length (categories); i++)
    if (json_object_get_boolean_member_with_default (json_array_get_object_element (categories, i),
                                                     "active", TRUE))
      json_array_add_element (self->categories,
                              json_node_copy (json_array_get_element (categories, i)));
  self->departments = json_array_ref (json_object_get_array_member (reply, "departments"));
  names = gtk_string_list_new ((const char *[]){ _ ("No category"), NULL });
  _hall_json_append_names (names, self->categories);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->category), G_LIST_MODEL (names));
}

/* The categories and departments, read once per client (reading them again would reset the
 * category chosen). */
static void
hall_matter_form_refresh (HallPage *page)
{
  if (HALL_MATTER_FORM (page)->categories == NULL)
    hall_page_load (page, "hall.info", NULL, info_cb, NULL);
}

static void
hall_matter_form_update_actions (HallPage *page)
{
  HallMatterForm *self = HALL_MATTER_FORM (page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matter-form.submit",
                                 hall_page_is_online (page) && !self->busy);
  gboolean repeat = self->result != NULL && json_object_has_member (self->result, "repeat_petition");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matter-form.print-receipt",
                                 hall_page_is_online (page) && self->result != NULL && !repeat);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "matter-form.print-notice", repeat);
}

static void
show_error (HallMatterForm *self,
            const char     *field,
            const char     *message)
{
  if (_hall_form_show_named_error (GTK_WIDGET (self), field, message) != NULL)
    return;
  gtk_label_set_text (self->form_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), TRUE);
}

static void
set_busy (HallMatterForm *self,
          gboolean        busy)
{
  self->busy = busy;
  hall_matter_form_update_actions (HALL_PAGE (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
register_cb (HallPage     *page,
             JsonObject   *reply,
             const GError *error,
             gpointer      user_data)
{
  HallMatterForm  *self = HALL_MATTER_FORM (page);
  g_autofree char *code = NULL;
  const char      *guidance;

  set_busy (self, FALSE);
  if (reply == NULL)
    {
      show_error (self, hall_error_get_field (error), error->message);
      return;
    }
  g_clear_pointer (&self->result, json_object_unref);
  self->result = json_object_ref (reply);
  gtk_label_set_text (self->result_number,
                      json_object_get_string_member_with_default (reply, "number", ""));
  if (json_object_has_member (reply, "repeat_petition"))
    /* Translators: after a petition was recorded on an earlier matter as a repeat (重复信访) */
    code = g_strdup (_ ("Not accepted: recorded on this matter as a repeat petition"));
  else
    /* Translators: the 6-digit query code the visitor uses at the kiosk */
    code = g_strdup_printf (_ ("Query code %s"),
                            json_object_get_string_member_with_default (reply, "query_code", ""));
  gtk_label_set_text (self->result_title, json_object_has_member (reply, "repeat_petition")
                                              ? _ ("Recorded as a repeat — tell the visitor")
                                              : _ ("Registered — tell the visitor"));
  gtk_label_set_text (self->result_code, code);
  guidance = json_object_get_string_member_with_default (reply, "guidance", NULL);
  if (guidance != NULL)
    {
      JsonArray *windows = json_object_has_member (reply, "legal_windows")
                               ? json_object_get_array_member (reply, "legal_windows")
                               : NULL;
      GString   *text = g_string_new (guidance);

      for (guint i = 0; windows && i < json_array_get_length (windows); i++)
        {
          JsonObject *w = json_array_get_object_element (windows, i);
          JsonArray  *numbers = json_object_get_array_member (w, "counters");
          g_string_append_printf (text, "\n· %s",
                                  json_object_get_string_member_with_default (w, "name", ""));
          for (guint j = 0; numbers && j < json_array_get_length (numbers); j++)
            /* Translators: a window number after a legal department's name */
            g_string_append_printf (text, j == 0 ? _ (": window %d") : ", %d",
                                    (int) json_array_get_int_element (numbers, j));
        }
      gtk_label_set_text (self->result_guidance, text->str);
      g_string_free (text, TRUE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->result_guidance), guidance != NULL);
  gtk_widget_set_visible (self->result_box, TRUE);
  hall_matter_form_update_actions (HALL_PAGE (self));
  g_signal_emit (self, signals[SIGNAL_REGISTERED], 0, reply);
}

static HallDocument *
receipt_from_reply (JsonObject *reply,
                    const char *hall_name)
{
  g_autofree char *today = hall_print_today ();

  return hall_paper_receipt (reply, hall_name, today);
}

/* The receipt of the matter just registered, with every petitioner's name: from matter.get. */
static void
print_receipt_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  HallMatterForm *self = HALL_MATTER_FORM (widget);
  g_autoptr (JsonObject) params = json_object_new ();

  g_return_if_fail (self->result != NULL);
  json_object_set_int_member (params, "matter_id",
                              json_object_get_int_member (self->result, "matter_id"));
  hall_page_call (HALL_PAGE (self), "matter.get", params, hall_print_reply_cb,
                  (gpointer) receipt_from_reply);
}

/* The petitioner of @group as matter.register takes it; what is wrong is said at its field, and
 * *@first_bad is set to the first such field. */
static JsonObject *
take_petitioner (AdwPreferencesGroup *group,
                 guint               *representatives,
                 GtkWidget          **first_bad)
{
  JsonObject      *p = json_object_new ();
  g_autofree char *name = _hall_form_dup_text (petitioner_field (group, "name"));
  g_autofree char *id = _hall_form_dup_text (petitioner_field (group, "id_number"));
  g_autofree char *phone = _hall_form_dup_text (petitioner_field (group, "phone"));
  g_autofree char *address = _hall_form_dup_text (petitioner_field (group, "address"));
  g_autofree char *id_error = _hall_check_id_number (id, TRUE, NULL);
  g_autofree char *phone_error = _hall_check_phone (phone, TRUE, NULL);
  guint            sex = adw_combo_row_get_selected (ADW_COMBO_ROW (petitioner_field (group, "sex")));
  gboolean         representative =
      adw_combo_row_get_selected (ADW_COMBO_ROW (petitioner_field (group, "role"))) == 1;
  const char *role_error = NULL;

  if (representative && ++*representatives > MAX_REPRESENTATIVES)
    role_error = _ ("A collective visit has at most 5 representatives.");
  _hall_form_field_set_error (petitioner_field (group, "name"),
                              *name == '\0' ? _ ("Enter the petitioner’s name.") : NULL);
  _hall_form_field_set_error (petitioner_field (group, "id_number"), id_error);
  _hall_form_field_set_error (petitioner_field (group, "phone"), phone_error);
  _hall_form_field_set_error (petitioner_field (group, "role"), role_error);
  if (*first_bad == NULL)
    *first_bad = *name == '\0'         ? petitioner_field (group, "name")
                 : id_error != NULL    ? petitioner_field (group, "id_number")
                 : phone_error != NULL ? petitioner_field (group, "phone")
                 : role_error != NULL  ? petitioner_field (group, "role")
                                       : NULL;

  if (*name != '\0')
    json_object_set_string_member (p, "name", name);
  if (id_error == NULL && *id != '\0')
    json_object_set_string_member (p, "id_number", id);
  if (phone_error == NULL && *phone != '\0')
    json_object_set_string_member (p, "phone", phone);
  if (sex > 0)
    json_object_set_string_member (p, "sex", sex == 1 ? "male" : "female");
  if (*address != '\0')
    json_object_set_string_member (p, "address", address);
  json_object_set_string_member (p, "role", representative ? "representative" : "petitioner");
  return p;
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HallMatterForm *self = HALL_MATTER_FORM (widget);
  g_autoptr (JsonObject) params = json_object_new ();
  JsonArray       *petitioners = json_array_new ();
  g_autofree char *content = _hall_form_dup_text (self->content);
  g_autofree char *persons = _hall_form_dup_text (self->persons);
  guint            category = adw_combo_row_get_selected (ADW_COMBO_ROW (self->category));
  guint            representatives = 0;
  GtkWidget       *first_bad = NULL;

  json_object_set_array_member (params, "petitioners", petitioners);
  if (self->busy)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
  json_object_set_string_member (
      params, "channel", channel_codes[adw_combo_row_get_selected (ADW_COMBO_ROW (self->channel))]);
  json_object_set_string_member (
      params, "type", type_codes[adw_combo_row_get_selected (ADW_COMBO_ROW (self->type))]);
  if (escalation_codes[adw_combo_row_get_selected (ADW_COMBO_ROW (self->escalation))] != NULL)
    json_object_set_string_member (
        params, "escalation",
        escalation_codes[adw_combo_row_get_selected (ADW_COMBO_ROW (self->escalation))]);
  if (self->categories != NULL && category > 0
      && category <= json_array_get_length (self->categories))
    json_object_set_int_member (
        params, "category_id",
        json_object_get_int_member (json_array_get_object_element (self->categories, category - 1),
                                    "id"));
  if (*content == '\0')
    {
      _hall_form_field_set_error (self->content, _ ("Write down what the visitor asks for."));
      first_bad = self->content;
    }
  else
    {
      _hall_form_field_set_error (self->content, NULL);
      json_object_set_string_member (params, "content", content);
    }
  if (*persons != '\0')
    {
      gint64 n = 0;
      if (!g_ascii_string_to_signed (persons, 10, 1, 9999, &n, NULL))
        {
          _hall_form_field_set_error (self->persons,
                                      _ ("Enter how many people came, from 1 to 9999."));
          first_bad = first_bad ? first_bad : self->persons;
        }
      else
        {
          _hall_form_field_set_error (self->persons, NULL);
          json_object_set_int_member (params, "persons", n);
        }
    }
  else if (self->ticket_persons > 0)
    json_object_set_int_member (params, "persons",
                                MAX (self->ticket_persons, self->petitioners->len));
  if (self->ticket_id > 0)
    json_object_set_int_member (params, "ticket_id", self->ticket_id);
  if (hall_matter_similar_get_link (self->similar) != NULL)
    json_object_set_int_member (
        params, "link", json_object_get_int_member (hall_matter_similar_get_link (self->similar), "id"));
  if (gtk_switch_get_active (GTK_SWITCH (self->litigation)))
    json_object_set_boolean_member (params, "litigation", TRUE);

  for (guint i = 0; i < self->petitioners->len; i++)
    json_array_add_object_element (
        petitioners, take_petitioner (self->petitioners->pdata[i], &representatives, &first_bad));

  if (first_bad != NULL)
    {
      gtk_widget_grab_focus (first_bad);
      return;
    }
  if (hall_page_get_client (HALL_PAGE (self)) == NULL)
    return;
  set_busy (self, TRUE);
  hall_page_call (HALL_PAGE (self), "matter.register", params, register_cb, NULL);
}

static void
add_petitioner_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  add_petitioner (HALL_MATTER_FORM (widget));
}

static void
remove_petitioner_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  HallMatterForm *self = HALL_MATTER_FORM (widget);
  guint           index = g_variant_get_uint32 (parameter);

  if (index == 0 || index >= self->petitioners->len)
    return;
  gtk_box_remove (self->petitioners_box, self->petitioners->pdata[index]);
  g_ptr_array_remove_index (self->petitioners, index);
  for (guint i = 1; i < self->petitioners->len; i++)
    {
      GtkWidget *remove = adw_preferences_group_get_header_suffix (self->petitioners->pdata[i]);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "u", i);
    }
  rename_petitioners (self);
}

/* The calls of the last client are forgotten, and the next one's hall is read afresh. */
static void
client_changed_cb (HallMatterForm *self)
{
  g_clear_pointer (&self->categories, json_array_unref);
  if (self->busy)
    set_busy (self, FALSE);
}

static void
hall_matter_form_dispose (GObject *object)
{
  HallMatterForm *self = HALL_MATTER_FORM (object);

  if (self->petitioners != NULL)
    g_ptr_array_set_size (self->petitioners, 0);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_MATTER_FORM);
  G_OBJECT_CLASS (hall_matter_form_parent_class)->dispose (object);
}

static void
hall_matter_form_finalize (GObject *object)
{
  HallMatterForm *self = HALL_MATTER_FORM (object);

  g_clear_pointer (&self->petitioners, g_ptr_array_unref);
  g_clear_pointer (&self->categories, json_array_unref);
  g_clear_pointer (&self->departments, json_array_unref);
  g_clear_pointer (&self->result, json_object_unref);
  G_OBJECT_CLASS (hall_matter_form_parent_class)->finalize (object);
}

static void
hall_matter_form_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HallMatterForm *self = HALL_MATTER_FORM (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_matter_form_class_init (HallMatterFormClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_matter_form_dispose;
  object_class->finalize = hall_matter_form_finalize;
  object_class->get_property = hall_matter_form_get_property;
  page_class->refresh = hall_matter_form_refresh;
  page_class->update_actions = hall_matter_form_update_actions;

  properties[PROP_BUSY] =
      g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The matter.register result. */
  signals[SIGNAL_REGISTERED] =
      g_signal_new ("registered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                    G_TYPE_NONE, 1, JSON_TYPE_OBJECT);
  /* A person petitioner.lookup found for an ID number typed in the form. */
  signals[SIGNAL_PETITIONER_FOUND] =
      g_signal_new ("petitioner-found", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                    NULL, G_TYPE_NONE, 1, JSON_TYPE_OBJECT);

  g_type_ensure (HALL_TYPE_MATTER_SIMILAR);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/matter/hall-matter-form.ui");
  gtk_widget_class_bind_template_child (widget_class, HallMatterForm, result_box);
  gtk_widget_class_bind_template_child (widget_class, HallMatterForm, result_title);
  gtk_widget_class_bind_template_child (widget_class, HallMatterForm, similar);
  gtk_widget_class_bind_template_child (widget_class, HallMatterForm, result_number);
  gtk_widget_class_bind_template_child (widget_class, HallMatterForm, result_code);
  gtk_widget_class_bind_template_child (widget_class, HallMatterForm, result_guidance);
  gtk_widget_class_bind_template_child (widget_class, HallMatterForm, form_error);
  gtk_widget_class_bind_template_child (widget_class, HallMatterForm, matter_group);
  gtk_widget_class_bind_template_child (widget_class, HallMatterForm, petitioners_box);

  gtk_widget_class_install_action (widget_class, "matter-form.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "matter-form.print-receipt", NULL,
                                   print_receipt_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "matter-form.print-receipt", NULL);
  gtk_widget_class_install_action (widget_class, "matter-form.print-notice", NULL,
                                   _hall_matter_similar_print_notice_action);
  gtk_widget_class_install_action (widget_class, "matter-form.add-petitioner", NULL,
                                   add_petitioner_action);
  gtk_widget_class_install_action (widget_class, "matter-form.remove-petitioner", "u",
                                   remove_petitioner_action);
}

static void
hall_matter_form_init (HallMatterForm *self)
{
  const char *channels[] = { C_ ("channel", "Visit"), C_ ("channel", "Letter"),
                             C_ ("channel", "Online"), C_ ("channel", "Phone"),
                             C_ ("channel", "Other"), NULL };
  const char *types[] = { _ ("Appeal or claim"), _ ("Suggestion"), _ ("Report or accusation"),
                          NULL };
  const char *no_category[] = { _ ("No category"), NULL };
  const char *levels[] = { _ ("Not to a higher level"), _ ("To the city"), _ ("To the province"),
                           _ ("To Beijing"), NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->petitioners = g_ptr_array_new ();
  /* Translators: 渠道: visit, letter, online … */
  self->channel = _hall_form_add_combo (self->matter_group, "channel", _ ("Channel"), channels);
  /* Translators: 类型: 建议意见 / 检举控告 / 申诉求决 */
  self->type = _hall_form_add_combo (self->matter_group, "type", _ ("Type"), types);
  /* Translators: the problem category, which suggests the department */
  self->category =
      _hall_form_add_combo (self->matter_group, "category_id", _ ("Problem category"), no_category);
  g_signal_connect_swapped (self->category, "notify::selected", G_CALLBACK (update_category_hint),
                            self);
  /* Translators: 越级访: whether the petitioner already went to the city, the province or Beijing
     about this matter */
  self->escalation = _hall_form_add_combo (self->matter_group, "escalation",
                                           _ ("Already petitioned higher up"), levels);
  self->content =
      _hall_form_add_entry (self->matter_group, "content", _ ("What the visitor asks for"));
  g_signal_connect (self->content, "changed", G_CALLBACK (hall_matter_similar_changed_cb), NULL);
  self->persons =
      _hall_form_add_entry (self->matter_group, "persons", _ ("Number of people (optional)"));
  {
    GtkWidget *row = adw_action_row_new ();

    self->litigation = gtk_switch_new ();
    gtk_widget_set_name (self->litigation, "litigation");
    gtk_widget_set_valign (self->litigation, GTK_ALIGN_CENTER);
    /* Translators: 涉法涉诉: the matter belongs to the courts, prosecutors, police or justice bureau */
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Litigation-related"));
    adw_action_row_set_subtitle (
        ADW_ACTION_ROW (row),
        _ ("Not accepted as a petition: the visitor is guided to the legal windows"));
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->litigation);
    adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->litigation);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->litigation),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Litigation-related"), -1);
    adw_preferences_group_add (self->matter_group, row);
  }
  add_petitioner (self);
  g_signal_connect (self, "notify::client", G_CALLBACK (client_changed_cb), NULL);
  hall_matter_form_update_actions (HALL_PAGE (self));
}

GtkWidget *
hall_matter_form_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_MATTER_FORM, "client", client, NULL);
}

void
hall_matter_form_set_ticket (HallMatterForm *self,
                             gint64          ticket_id,
                             gint64          persons)
{
  g_return_if_fail (HALL_IS_MATTER_FORM (self));
  self->ticket_id = ticket_id;
  self->ticket_persons = persons;
}

gint64
hall_matter_form_get_ticket_id (HallMatterForm *self)
{
  g_return_val_if_fail (HALL_IS_MATTER_FORM (self), 0);
  return self->ticket_id;
}

void
hall_matter_form_reset (HallMatterForm *self)
{
  g_return_if_fail (HALL_IS_MATTER_FORM (self));

  while (self->petitioners->len > 0)
    {
      gtk_box_remove (self->petitioners_box, self->petitioners->pdata[self->petitioners->len - 1]);
      g_ptr_array_set_size (self->petitioners, self->petitioners->len - 1);
    }
  add_petitioner (self);
  _hall_form_field_reset (self->content);
  _hall_form_field_reset (self->persons);
  gtk_switch_set_active (GTK_SWITCH (self->litigation), FALSE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->channel), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->type), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->category), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->escalation), 0);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
  gtk_widget_set_visible (self->result_box, FALSE);
  hall_matter_similar_reset (self->similar);
  g_clear_pointer (&self->result, json_object_unref);
  hall_matter_form_update_actions (HALL_PAGE (self));
  self->ticket_id = 0;
  self->ticket_persons = 0;
}

gboolean
hall_matter_form_get_busy (HallMatterForm *self)
{
  g_return_val_if_fail (HALL_IS_MATTER_FORM (self), FALSE);
  return self->busy;
}

JsonObject *
hall_matter_form_get_result (HallMatterForm *self)
{
  g_return_val_if_fail (HALL_IS_MATTER_FORM (self), NULL);
  return self->result;
}
