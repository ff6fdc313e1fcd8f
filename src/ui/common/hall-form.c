/* hall-form.c — one way for every form to show what is wrong with its fields, and to read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-form"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "hall-error.h"
#include "hall-find.h"
#include "hall-form.h"
#include "hall-server.h"

#define ERROR_LABEL_KEY "hall-error-label"

void
_hall_form_set_error (GtkWidget  *field,
                      GtkWidget  *error_label,
                      const char *message)
{
  GtkWidget *row = gtk_widget_get_parent (error_label);
  gboolean   shown = message != NULL && *message;

  g_return_if_fail (GTK_IS_WIDGET (field));
  g_return_if_fail (GTK_IS_LABEL (error_label));

  gtk_label_set_text (GTK_LABEL (error_label), shown ? message : "");
  if (shown)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }
  gtk_widget_set_visible (GTK_IS_LIST_BOX_ROW (row) ? row : error_label, shown);
}

static void
field_set_error (const HallFormField *field,
                 const char          *message)
{
  GtkWidget *label = field->error_label;

  if (label == NULL)
    label = g_object_get_data (G_OBJECT (field->widget), ERROR_LABEL_KEY);
  g_return_if_fail (label != NULL);
  _hall_form_set_error (field->widget, label, message);
}

void
_hall_form_clear_errors (const HallFormField *fields,
                         guint                n_fields,
                         GtkLabel            *general)
{
  for (guint i = 0; i < n_fields; i++)
    field_set_error (&fields[i], NULL);
  if (general != NULL)
    gtk_label_set_text (general, "");
}

GtkWidget *
_hall_form_show_field_error (const HallFormField *fields,
                             guint                n_fields,
                             const char          *field,
                             const char          *message)
{
  for (guint i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].pattern, "*")
        || (field != NULL && g_pattern_match_simple (fields[i].pattern, field)))
      {
        field_set_error (&fields[i], message);
        return fields[i].widget;
      }
  return NULL;
}

GtkWidget *
_hall_form_show_error (const HallFormField *fields,
                       guint                n_fields,
                       const GError        *error,
                       GtkLabel            *general)
{
  const char *field = error->domain == HALL_ERROR ? hall_error_get_field (error) : NULL;
  GtkWidget  *widget = _hall_form_show_field_error (fields, n_fields, field, error->message);

  if (widget == NULL && general != NULL)
    gtk_label_set_text (general, error->message);
  return widget;
}

GtkWidget *
_hall_form_add_field (AdwPreferencesGroup *group,
                      const char          *name,
                      const char          *title,
                      GtkWidget           *row)
{
  GtkWidget *error_row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "field-error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (error_row), label);
  gtk_widget_set_visible (error_row, FALSE);
  adw_preferences_group_add (group, error_row);
  _hall_form_field_set_error_label (row, label);
  return row;
}

GtkWidget *
_hall_form_add_entry (AdwPreferencesGroup *group,
                      const char          *name,
                      const char          *title)
{
  return _hall_form_add_field (group, name, title, adw_entry_row_new ());
}

GtkWidget *
_hall_form_add_text_area (AdwPreferencesGroup *group,
                          const char          *name,
                          const char          *title)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *error_label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_widget_add_css_class (view, "card");
  gtk_widget_add_css_class (view, "text-area");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_label_set_xalign (GTK_LABEL (error_label), 0);
  gtk_label_set_wrap (GTK_LABEL (error_label), TRUE);
  gtk_widget_add_css_class (error_label, "field-error");
  gtk_widget_set_visible (error_label, FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), view);
  gtk_box_append (GTK_BOX (box), error_label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_group_add (group, row);

  /* The text view is the field: it has the name, takes the focus, and its message shows right
   * under it, inside its row. */
  gtk_widget_set_name (view, name);
  _hall_form_field_set_error_label (view, error_label);
  return view;
}

GtkWidget *
_hall_form_add_combo (AdwPreferencesGroup *group,
                      const char          *name,
                      const char          *title,
                      const char *const   *labels)
{
  GtkWidget *combo = adw_combo_row_new ();
  g_autoptr (GtkStringList) model = gtk_string_list_new (labels);

  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (model));
  return _hall_form_add_field (group, name, title, combo);
}

void
_hall_form_field_set_error_label (GtkWidget *field,
                                  GtkWidget *error_label)
{
  g_object_set_data (G_OBJECT (field), ERROR_LABEL_KEY, error_label);
}

GtkWidget *
_hall_form_field_get_error_label (GtkWidget *field)
{
  return g_object_get_data (G_OBJECT (field), ERROR_LABEL_KEY);
}

void
_hall_form_field_set_error (GtkWidget  *field,
                            const char *message)
{
  HallFormField self = { NULL, field, NULL };

  field_set_error (&self, message);
}

GtkWidget *
_hall_form_show_named_error (GtkWidget  *form,
                             const char *field,
                             const char *message)
{
  GtkWidget *widget = field != NULL ? _hall_find_named (form, field) : NULL;

  if (widget == NULL && field != NULL && strchr (field, '[') != NULL)
    {
      g_autofree char *list = g_strndup (field, strchr (field, '[') - field);
      widget = _hall_find_named (form, list);
    }
  if (widget == NULL || g_object_get_data (G_OBJECT (widget), ERROR_LABEL_KEY) == NULL)
    return NULL;
  _hall_form_field_set_error (widget, message);
  gtk_widget_grab_focus (widget);
  return widget;
}

void
_hall_form_field_reset (GtkWidget *field)
{
  if (GTK_IS_EDITABLE (field))
    gtk_editable_set_text (GTK_EDITABLE (field), "");
  else if (GTK_IS_TEXT_VIEW (field))
    _hall_form_text_view_set_text (GTK_TEXT_VIEW (field), NULL);
  _hall_form_field_set_error (field, NULL);
}

char *
_hall_form_dup_text (gpointer editable)
{
  if (GTK_IS_TEXT_VIEW (editable))
    return _hall_form_text_view_dup_text (editable);
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (editable))));
}

char *
_hall_form_text_view_dup_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter    start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

void
_hall_form_text_view_set_text (GtkTextView *view,
                               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

/* "192.168.1.10" → "https://192.168.1.10:8443"; NULL with @message when it cannot be an address. */
char *
_hall_form_parse_server_url (const char  *text,
                             const char **message)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *with_scheme = NULL;
  g_autoptr (GUri) uri = NULL;

  if (*trimmed == '\0')
    {
      *message = _ ("Enter the hall server’s address, such as https://192.168.1.10:8443.");
      return NULL;
    }
  if (strstr (trimmed, "://") == NULL)
    with_scheme = g_strconcat ("https://", trimmed, NULL);
  else
    with_scheme = g_steal_pointer (&trimmed);

  uri = g_uri_parse (with_scheme, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0'
      || (g_strcmp0 (g_uri_get_scheme (uri), "https") != 0
          && g_strcmp0 (g_uri_get_scheme (uri), "http") != 0))
    {
      *message = _ ("This is not a server address. Write it as https://192.168.1.10:8443.");
      return NULL;
    }
  return g_uri_join (G_URI_FLAGS_NONE, g_uri_get_scheme (uri), NULL, g_uri_get_host (uri),
                     g_uri_get_port (uri) > 0 ? g_uri_get_port (uri) : HALL_SERVER_DEFAULT_PORT,
                     "", NULL, NULL);
}
