/* hall-matter-form-similar.c — the matter form's panel of earlier matters
 *
 * While the clerk types the petitioners and the content, matter.similar is asked (a moment after
 * the typing stops, through the page's asynchronous client) for earlier matters of the same
 * person or with similar content. Each is a row with a check to link the petition to it; the
 * panel then says plainly what registering will do: a repeat petition recorded on a matter still
 * being handled (not accepted, 条例 19), refused after a final re-review (条例 36), or a new
 * matter linked to a closed one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter-form"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-find.h"
#include "hall-form.h"
#include "hall-idcard.h"
#include "hall-json.h"
#include "hall-labels.h"
#include "hall-matter-form-similar.h"
#include "hall-matter-form.h"
#include "hall-page.h"
#include "hall-papers-repeat.h"
#include "hall-print.h"

#define DELAY_MS 400
#define MAX_PETITIONERS 50

struct _HallMatterSimilar
{
  AdwBin parent_instance;

  guint       timeout_id;
  guint       seq;
  JsonObject *link; /* the candidate linked to */
  GPtrArray  *checks;

  GtkListBox *list;
  GtkLabel   *notice;
};

G_DEFINE_FINAL_TYPE (HallMatterSimilar, hall_matter_similar, ADW_TYPE_BIN)

typedef struct
{
  HallMatterSimilar *self;
  guint              seq;
} Lookup;

/* The text of the form's field named @name, or NULL when it is empty or absent. */
static char *
field_text (GtkWidget  *form,
            const char *name)
{
  GtkWidget *field = _hall_find_named (form, name);
  char      *text;

  if (field == NULL || !GTK_IS_EDITABLE (field))
    return NULL;
  text = _hall_form_dup_text (field);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static GtkWidget *
form_of (HallMatterSimilar *self)
{
  return gtk_widget_get_ancestor (GTK_WIDGET (self), HALL_TYPE_PAGE);
}

/* What matter.similar is asked: the content, the first complete ID number, the first name
 * given with a phone. */
static JsonObject *
build_query (HallMatterSimilar *self)
{
  GtkWidget       *form = form_of (self);
  JsonObject      *query = json_object_new ();
  g_autofree char *content = field_text (form, "content");

  if (content != NULL)
    json_object_set_string_member (query, "content", content);
  for (guint i = 0; i < MAX_PETITIONERS; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("petitioners[%u].", i);
      g_autofree char *id_field = g_strconcat (prefix, "id_number", NULL);
      g_autofree char *name_field = g_strconcat (prefix, "name", NULL);
      g_autofree char *phone_field = g_strconcat (prefix, "phone", NULL);
      g_autofree char *id = field_text (form, id_field);
      g_autofree char *name = field_text (form, name_field);
      g_autofree char *phone = field_text (form, phone_field);

      if (_hall_find_named (form, name_field) == NULL)
        break;
      if (id != NULL && !json_object_has_member (query, "id_number")
          && hall_id_number_validate (id, NULL))
        json_object_set_string_member (query, "id_number", id);
      if (name != NULL && phone != NULL && !json_object_has_member (query, "name"))
        {
          json_object_set_string_member (query, "name", name);
          json_object_set_string_member (query, "phone", phone);
        }
    }
  return query;
}

static void
update_notice (HallMatterSimilar *self)
{
  g_autofree char *text = NULL;
  const char      *outcome, *number;

  gtk_widget_set_visible (GTK_WIDGET (self->notice), self->link != NULL);
  if (self->link == NULL)
    return;
  outcome = _hall_json_string (self->link, "link_outcome");
  number = _hall_json_string (self->link, "number");
  if (g_strcmp0 (outcome, "refused") == 0)
    text = g_strdup_printf (_ ("Linked to %s, whose re-review is final: this petition on the same "
                               "facts will not be accepted (条例 36). It is recorded on that "
                               "matter, and a notice can be printed for the petitioner."),
                            number);
  else if (g_strcmp0 (outcome, "repeat") == 0)
    text = g_strdup_printf (_ ("Linked to %s, which is still being handled: this petition will be "
                               "recorded on it as a repeat petition and not accepted again (条例 "
                               "19). No new matter is registered; a notice can be printed for the "
                               "petitioner."),
                            number);
  else
    text = g_strdup_printf (
        _ ("Linked to %s, which is closed: a new matter will be registered and linked to it."),
        number);
  gtk_label_set_text (self->notice, text);
}

static void
check_toggled_cb (GtkCheckButton    *check,
                  HallMatterSimilar *self)
{
  JsonObject *candidate = g_object_get_data (G_OBJECT (check), "candidate");

  if (gtk_check_button_get_active (check))
    {
      g_clear_pointer (&self->link, json_object_unref);
      self->link = json_object_ref (candidate);
      /* One link at a time. */
      for (guint i = 0; i < self->checks->len; i++)
        if (self->checks->pdata[i] != check)
          gtk_check_button_set_active (self->checks->pdata[i], FALSE);
    }
  else if (self->link != NULL
           && json_object_get_int_member (self->link, "id")
                  == json_object_get_int_member (candidate, "id"))
    g_clear_pointer (&self->link, json_object_unref);
  update_notice (self);
}

static char *
describe (JsonObject *candidate)
{
  JsonArray *reasons = json_object_get_array_member (candidate, "reasons");
  GString   *text = g_string_new (_hall_json_string (candidate, "received_date"));

  g_string_append_printf (text, " · %s", _hall_json_string (candidate, "department_name") ?: "");
  for (guint i = 0; reasons != NULL && i < json_array_get_length (reasons); i++)
    {
      const char *reason = json_array_get_string_element (reasons, i);

      g_string_append (text, " · ");
      if (g_strcmp0 (reason, "id_number") == 0)
        /* Translators: why an earlier matter is shown: its petitioner has the ID number typed */
        g_string_append (text, _ ("same ID number"));
      else if (g_strcmp0 (reason, "name_phone") == 0)
        g_string_append (text, _ ("same name and phone"));
      else
        /* Translators: why an earlier matter is shown: %d is how alike the content is, in % */
        g_string_append_printf (
            text, _ ("similar content (%d%%)"),
            (int) json_object_get_int_member_with_default (candidate, "similarity", 0));
    }
  return g_string_free (text, FALSE);
}

static void
add_row (HallMatterSimilar *self,
         JsonObject        *candidate)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *check = gtk_check_button_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = describe (candidate);
  g_autofree char *name = NULL;

  title = g_strdup_printf ("%s · %s", _hall_json_string (candidate, "number"),
                           hall_label_state (_hall_json_string (candidate, "state")));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Translators: the check that links the petition being registered to this earlier matter */
  gtk_widget_set_tooltip_text (check, _ ("Link to this matter"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Link to this matter"), -1);
  name = g_strdup_printf ("link-%s", _hall_json_string (candidate, "number"));
  gtk_widget_set_name (check, name);
  g_object_set_data_full (G_OBJECT (check), "candidate", json_object_ref (candidate),
                          (GDestroyNotify) json_object_unref);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               self->link != NULL
                                   && json_object_get_int_member (self->link, "id")
                                          == json_object_get_int_member (candidate, "id"));
  g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_ptr_array_add (self->checks, check);
  gtk_list_box_append (self->list, row);
}

static void
show_candidates (HallMatterSimilar *self,
                 JsonArray         *matters)
{
  GtkWidget *child;
  gboolean   linked_shown = FALSE;

  g_ptr_array_set_size (self->checks, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  /* The matter linked to stays, even when what is typed no longer finds it. */
  for (guint i = 0; matters != NULL && i < json_array_get_length (matters); i++)
    linked_shown = linked_shown
                   || (self->link != NULL
                       && json_object_get_int_member (json_array_get_object_element (matters, i),
                                                      "id")
                              == json_object_get_int_member (self->link, "id"));
  if (self->link != NULL && !linked_shown)
    add_row (self, self->link);
  for (guint i = 0; matters != NULL && i < json_array_get_length (matters); i++)
    add_row (self, json_array_get_object_element (matters, i));
  gtk_widget_set_visible (GTK_WIDGET (self), self->checks->len > 0);
  update_notice (self);
}

static void
similar_cb (HallPage     *page,
            JsonObject   *reply,
            const GError *error,
            gpointer      user_data)
{
  Lookup *lookup = user_data;

  /* An answer to what was typed before is old; a failed look-up leaves the panel as it was (the
   * registration itself says what is wrong). */
  if (lookup->seq != lookup->self->seq || reply == NULL)
    return;
  show_candidates (lookup->self, json_object_get_array_member (reply, "matters"));
}

/* "张伟、李娜": the names the form has, for the notice. */
static char *
dup_names (HallMatterSimilar *self)
{
  GtkWidget *form = form_of (self);
  GString   *names = g_string_new (NULL);

  for (guint i = 0; i < MAX_PETITIONERS; i++)
    {
      g_autofree char *field = g_strdup_printf ("petitioners[%u].name", i);
      g_autofree char *name = NULL;

      if (_hall_find_named (form, field) == NULL)
        break;
      if ((name = field_text (form, field)) == NULL)
        continue;
      if (names->len > 0)
        /* Translators: between two names in a list of people */
        g_string_append (names, _ (", "));
      g_string_append (names, name);
    }
  return g_string_free (names, FALSE);
}

static gboolean
lookup_cb (gpointer user_data)
{
  HallMatterSimilar *self = user_data;
  HallPage          *page = HALL_PAGE (form_of (self));
  g_autoptr (JsonObject) query = NULL;
  Lookup *lookup;

  self->timeout_id = 0;
  if (page == NULL || !hall_page_is_online (page))
    return G_SOURCE_REMOVE;
  query = build_query (self);
  if (json_object_get_size (query) == 0)
    {
      self->seq++;
      show_candidates (self, NULL);
      return G_SOURCE_REMOVE;
    }
  lookup = g_new0 (Lookup, 1);
  lookup->self = self;
  lookup->seq = ++self->seq;
  hall_page_call_full (page, "matter.similar", query, similar_cb, lookup, g_free);
  return G_SOURCE_REMOVE;
}

static void
hall_matter_similar_dispose (GObject *object)
{
  HallMatterSimilar *self = HALL_MATTER_SIMILAR (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_MATTER_SIMILAR);
  G_OBJECT_CLASS (hall_matter_similar_parent_class)->dispose (object);
}

static void
hall_matter_similar_finalize (GObject *object)
{
  HallMatterSimilar *self = HALL_MATTER_SIMILAR (object);

  g_clear_pointer (&self->link, json_object_unref);
  g_ptr_array_unref (self->checks);
  G_OBJECT_CLASS (hall_matter_similar_parent_class)->finalize (object);
}

static void
hall_matter_similar_class_init (HallMatterSimilarClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hall_matter_similar_dispose;
  object_class->finalize = hall_matter_similar_finalize;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/matter/hall-matter-form-similar.ui");
  gtk_widget_class_bind_template_child (widget_class, HallMatterSimilar, list);
  gtk_widget_class_bind_template_child (widget_class, HallMatterSimilar, notice);
}

static void
hall_matter_similar_init (HallMatterSimilar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();
}

void
hall_matter_similar_queue (HallMatterSimilar *self)
{
  g_return_if_fail (HALL_IS_MATTER_SIMILAR (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (DELAY_MS, lookup_cb, self);
}

JsonObject *
hall_matter_similar_get_link (HallMatterSimilar *self)
{
  g_return_val_if_fail (HALL_IS_MATTER_SIMILAR (self), NULL);
  return self->link;
}

void
hall_matter_similar_reset (HallMatterSimilar *self)
{
  g_return_if_fail (HALL_IS_MATTER_SIMILAR (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_pointer (&self->link, json_object_unref);
  self->seq++;
  show_candidates (self, NULL);
}

void
hall_matter_similar_changed_cb (GtkEditable *editable)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (editable), HALL_TYPE_PAGE);
  GtkWidget *similar = page != NULL ? _hall_find_named (page, "similar") : NULL;

  if (similar != NULL && HALL_IS_MATTER_SIMILAR (similar))
    hall_matter_similar_queue (HALL_MATTER_SIMILAR (similar));
}

void
_hall_matter_similar_print_notice_action (GtkWidget  *form,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  HallMatterSimilar *self = HALL_MATTER_SIMILAR (_hall_find_named (form, "similar"));
  JsonObject        *result = hall_matter_form_get_result (HALL_MATTER_FORM (form));
  g_autofree char   *names = dup_names (self);
  g_autofree char   *hall_name = hall_print_dup_hall_name (form);
  g_autofree char   *today = hall_print_today ();
  g_autoptr (GError) error = NULL;
  g_autoptr (HallDocument) document = NULL;

  g_return_if_fail (result != NULL);
  document = hall_paper_repeat_notice (result, names, hall_name, today, &error);
  if (document == NULL)
    hall_page_toast (HALL_PAGE (form), error->message);
  else
    hall_print_document (form, document);
}
