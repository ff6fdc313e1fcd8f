/* hall-talk-form.c — the fields of a 约谈 or 通报 (条例 40) a leader records on the supervision page
 *
 * A talk (约谈) is held with one department's head, a notice (通报) goes to every department: the
 * department row gives way to "All departments" for a notice. The matters concerned are ticked
 * among the ones the supervision page lists (leader.talk takes matter ids). The page sends what
 * hall_talk_form_get_params() reads and shows the hall's refusal at its field; nothing typed is
 * lost either way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-talk-form"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-date-row.h"
#include "hall-form.h"
#include "hall-info.h"
#include "hall-talk-form.h"

#define KIND_TALK 0
#define KIND_NOTICE 1

enum
{
  FIELD_KIND,
  FIELD_DEPARTMENT,
  FIELD_DATE,
  FIELD_SUBJECT,
  FIELD_CONTENT,
  FIELD_MATTERS,
  FIELD_GENERAL,
  N_FIELDS
};

struct _HallTalkForm
{
  AdwBin parent_instance;

  char         *today;
  GArray       *department_ids;
  HallFormField fields[N_FIELDS];

  AdwComboRow  *kind_row;
  AdwComboRow  *department_row;
  AdwActionRow *all_row;
  GtkLabel     *department_error;
  HallDateRow  *date_row;
  GtkLabel     *date_error;
  AdwEntryRow  *subject_row;
  GtkLabel     *subject_error;
  GtkTextView  *content_view;
  GtkLabel     *content_error;
  GtkFlowBox   *matters_box;
  GtkLabel     *matters_empty;
  GtkLabel     *matters_error;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (HallTalkForm, hall_talk_form, ADW_TYPE_BIN)

static gboolean
is_notice (HallTalkForm *self)
{
  return adw_combo_row_get_selected (self->kind_row) == KIND_NOTICE;
}

static void
kind_changed_cb (HallTalkForm *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->department_row), !is_notice (self));
  gtk_widget_set_visible (GTK_WIDGET (self->all_row), is_notice (self));
  _hall_form_set_error (GTK_WIDGET (self->department_row), GTK_WIDGET (self->department_error),
                        NULL);
}

void
hall_talk_form_reset (HallTalkForm *self,
                      JsonArray    *departments,
                      GPtrArray    *matters,
                      const char   *today)
{
  GtkWidget *child;

  g_return_if_fail (HALL_IS_TALK_FORM (self));
  g_free (self->today);
  self->today = g_strdup (today);
  _hall_form_clear_errors (self->fields, N_FIELDS, NULL);
  adw_combo_row_set_selected (self->kind_row, KIND_TALK);
  _hall_info_combo_set_items (self->department_row, self->department_ids, NULL, departments, FALSE,
                              0);
  hall_date_row_set_date (self->date_row, today);
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), "");
  _hall_form_text_view_set_text (self->content_view, NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->matters_box))) != NULL)
    gtk_flow_box_remove (self->matters_box, child);
  for (guint i = 0; matters != NULL && i < matters->len; i++)
    {
      JsonObject *matter = g_ptr_array_index (matters, i);
      gint64      id = json_object_get_int_member_with_default (matter, "matter_id", 0);
      GtkWidget  *check = gtk_check_button_new_with_label (
           json_object_get_string_member_with_default (matter, "matter_number", ""));
      g_autofree char *name = g_strdup_printf ("talk-matter-%" G_GINT64_FORMAT, id);

      gtk_widget_set_name (check, name);
      g_object_set_data (G_OBJECT (check), "matter-id", GSIZE_TO_POINTER ((gsize) id));
      gtk_flow_box_append (self->matters_box, check);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->matters_empty), matters == NULL || matters->len == 0);
}

/* The ticked matters' ids. */
static JsonArray *
ticked_matters (HallTalkForm *self)
{
  JsonArray *ids = json_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->matters_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *check = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        json_array_add_int_element (
            ids, GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "matter-id")));
    }
  return ids;
}

JsonObject *
hall_talk_form_get_params (HallTalkForm *self)
{
  g_autoptr (JsonObject) params = json_object_new ();
  g_autofree char *subject = NULL;
  g_autofree char *content = NULL;
  gint64           department_id = 0;
  const char      *date;
  gboolean         valid;

  g_return_val_if_fail (HALL_IS_TALK_FORM (self), NULL);
  _hall_form_clear_errors (self->fields, N_FIELDS, NULL);

  if (!is_notice (self))
    {
      department_id = _hall_info_combo_get_id (self->department_row, self->department_ids);
      if (department_id == 0)
        _hall_form_set_error (GTK_WIDGET (self->department_row),
                              GTK_WIDGET (self->department_error),
                              _ ("Choose the department whose head was talked to."));
    }
  valid = !is_notice (self) ? department_id != 0 : TRUE;

  if (!hall_date_row_check (self->date_row, TRUE))
    valid = FALSE;
  else if ((date = hall_date_row_get_date (self->date_row)) != NULL && self->today != NULL
           && *self->today != '\0' && strcmp (date, self->today) > 0)
    {
      _hall_form_set_error (GTK_WIDGET (self->date_row), GTK_WIDGET (self->date_error),
                            _ ("A talk or notice is recorded after it took place: the date cannot be "
                               "in the future."));
      valid = FALSE;
    }

  subject = _hall_form_dup_text (self->subject_row);
  if (*subject == '\0')
    {
      _hall_form_set_error (GTK_WIDGET (self->subject_row), GTK_WIDGET (self->subject_error),
                            _ ("Write what the talk or notice is about."));
      valid = FALSE;
    }
  content = _hall_form_text_view_dup_text (self->content_view);
  if (*content == '\0')
    {
      _hall_form_set_error (GTK_WIDGET (self->content_view), GTK_WIDGET (self->content_error),
                            _ ("Write what was said or notified."));
      valid = FALSE;
    }
  if (!valid)
    return NULL;

  json_object_set_string_member (params, "kind", is_notice (self) ? "notice" : "talk");
  json_object_set_string_member (params, "date", hall_date_row_get_date (self->date_row));
  if (department_id != 0)
    json_object_set_int_member (params, "department_id", department_id);
  json_object_set_string_member (params, "subject", subject);
  json_object_set_string_member (params, "content", content);
  json_object_set_array_member (params, "matter_ids", ticked_matters (self));
  return g_steal_pointer (&params);
}

void
hall_talk_form_show_error (HallTalkForm *self,
                           const GError *error)
{
  g_return_if_fail (HALL_IS_TALK_FORM (self));
  _hall_form_show_error (self->fields, N_FIELDS, error, NULL);
}

static void
hall_talk_form_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), HALL_TYPE_TALK_FORM);
  G_OBJECT_CLASS (hall_talk_form_parent_class)->dispose (object);
}

static void
hall_talk_form_finalize (GObject *object)
{
  HallTalkForm *self = HALL_TALK_FORM (object);

  g_free (self->today);
  g_array_unref (self->department_ids);
  G_OBJECT_CLASS (hall_talk_form_parent_class)->finalize (object);
}

static void
hall_talk_form_class_init (HallTalkFormClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hall_talk_form_dispose;
  object_class->finalize = hall_talk_form_finalize;

  g_type_ensure (HALL_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/leader/hall-talk-form.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, HallTalkForm, name)
  CHILD (kind_row);
  CHILD (department_row);
  CHILD (all_row);
  CHILD (department_error);
  CHILD (date_row);
  CHILD (date_error);
  CHILD (subject_row);
  CHILD (subject_error);
  CHILD (content_view);
  CHILD (content_error);
  CHILD (matters_box);
  CHILD (matters_empty);
  CHILD (matters_error);
  CHILD (error_label);
#undef CHILD
}

static void
hall_talk_form_init (HallTalkForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->fields[FIELD_KIND] = (HallFormField){ "kind", GTK_WIDGET (self->kind_row),
                                              GTK_WIDGET (self->error_label) };
  self->fields[FIELD_DEPARTMENT] = (HallFormField){ "department_id",
                                                    GTK_WIDGET (self->department_row),
                                                    GTK_WIDGET (self->department_error) };
  self->fields[FIELD_DATE] =
      (HallFormField){ "date", GTK_WIDGET (self->date_row), GTK_WIDGET (self->date_error) };
  self->fields[FIELD_SUBJECT] = (HallFormField){ "subject", GTK_WIDGET (self->subject_row),
                                                 GTK_WIDGET (self->subject_error) };
  self->fields[FIELD_CONTENT] = (HallFormField){ "content", GTK_WIDGET (self->content_view),
                                                 GTK_WIDGET (self->content_error) };
  self->fields[FIELD_MATTERS] = (HallFormField){ "matter_ids*", GTK_WIDGET (self->matters_box),
                                                 GTK_WIDGET (self->matters_error) };
  self->fields[FIELD_GENERAL] =
      (HallFormField){ "*", GTK_WIDGET (self->error_label), GTK_WIDGET (self->error_label) };
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb), self);
}
