/* hall-ledgers-dispute.c — the form of a screened dispute (矛盾纠纷排查化解清单), new or edited
 *
 * An AdwWindow over the ledgers page: the fields of dispute.create / dispute.update, each with its
 * error under it. Nothing typed is lost: a refused save keeps the window and its text, with the
 * server's message at the field it names.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-ledgers"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-date-row.h"
#include "hall-error.h"
#include "hall-find.h"
#include "hall-form.h"
#include "hall-info.h"
#include "hall-labels.h"
#include "hall-ledgers-page-private.h"

static const char *const sources[] = { "community", "grid", "department", NULL };
static const char *const types[] = { "wages", "property", "neighbour", "land", "family",
                                     "environment", "other", NULL };
static const char *const risks[] = { "high", "medium", "low", NULL };
static const char *const states[] = { "screening", "resolving", "resolved", "controlled", NULL };

typedef struct
{
  HallPage  *page;
  gint64     id; /* 0 for a new dispute */
  GArray    *department_ids;
  GtkWidget *root;
  GtkWidget *general;
} Form;

static void
form_free (Form *form)
{
  g_array_unref (form->department_ids);
  g_free (form);
}

static GtkWidget *
field (Form       *form,
       const char *name)
{
  return _hall_find_named (form->root, name);
}

static GtkWidget *
add_codes (AdwPreferencesGroup *group,
           const char          *name,
           const char          *title,
           const char          *kind,
           const char *const   *codes,
           const char          *selected)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *row;

  for (guint i = 0; codes[i] != NULL; i++)
    g_ptr_array_add (labels, (gpointer) hall_label_code (kind, codes[i]));
  g_ptr_array_add (labels, NULL);
  row = _hall_form_add_combo (group, name, title, (const char *const *) labels->pdata);
  for (guint i = 0; selected != NULL && codes[i] != NULL; i++)
    if (g_str_equal (codes[i], selected))
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  return row;
}

static const char *
row_string (JsonObject *row,
            const char *key)
{
  return row != NULL ? json_object_get_string_member_with_default (row, key, NULL) : NULL;
}

static void
set_text (GtkWidget  *widget,
          const char *text)
{
  if (text == NULL)
    return;
  if (HALL_IS_DATE_ROW (widget))
    hall_date_row_set_date (HALL_DATE_ROW (widget), text);
  else if (GTK_IS_EDITABLE (widget))
    gtk_editable_set_text (GTK_EDITABLE (widget), text);
  else
    _hall_form_text_view_set_text (GTK_TEXT_VIEW (widget), text);
}

static void
put_text (JsonObject *params,
          GtkWidget  *widget,
          const char *name)
{
  g_autofree char *text = NULL;

  if (HALL_IS_DATE_ROW (widget))
    text = g_strdup (hall_date_row_get_date (HALL_DATE_ROW (widget)));
  else if (GTK_IS_TEXT_VIEW (widget))
    text = _hall_form_text_view_dup_text (GTK_TEXT_VIEW (widget));
  else
    text = _hall_form_dup_text (widget);
  if (text != NULL && text[0] != '\0')
    json_object_set_string_member (params, name, text);
  else if (g_str_equal (name, "measures") || g_str_equal (name, "deadline")
           || g_str_equal (name, "resolved_date"))
    json_object_set_null_member (params, name);
}

static void
put_code (JsonObject        *params,
          Form              *form,
          const char        *name,
          const char *const *codes)
{
  guint i = adw_combo_row_get_selected (ADW_COMBO_ROW (field (form, name)));

  if (i < g_strv_length ((char **) codes))
    json_object_set_string_member (params, name, codes[i]);
}

static void
saved_cb (HallPage     *page,
          JsonObject   *reply,
          const GError *error,
          gpointer      user_data)
{
  Form            *form = g_object_get_data (user_data, "hall-form");
  const char      *name = error != NULL ? hall_error_get_field (error) : NULL;
  g_autofree char *message = NULL;

  gtk_widget_set_sensitive (form->root, TRUE);
  if (reply != NULL)
    {
      /* Translators: after saving a screened dispute */
      hall_page_toast (page, form->id != 0 ? _ ("Dispute saved") : _ ("Dispute added"));
      gtk_window_destroy (GTK_WINDOW (user_data));
      _hall_ledgers_page_reload (HALL_LEDGERS_PAGE (page));
      return;
    }
  if (name != NULL && _hall_form_show_named_error (form->root, name, error->message) != NULL)
    return;
  _hall_form_set_error (form->general, form->general, error->message);
}

static void
save_cb (GtkWidget *window)
{
  Form *form = g_object_get_data (G_OBJECT (window), "hall-form");
  g_autoptr (JsonObject) params = json_object_new ();
  static const char *const texts[] = { "found_date", "parties", "summary",
                                       "leader_name", "person_name", "measures",
                                       "deadline", "resolved_date" };
  gint64                   department_id;

  _hall_form_set_error (form->general, form->general, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    _hall_form_field_set_error (field (form, texts[i]), NULL);
  if (!hall_date_row_check (HALL_DATE_ROW (field (form, "found_date")), TRUE)
      || !hall_date_row_check (HALL_DATE_ROW (field (form, "deadline")), FALSE)
      || !hall_date_row_check (HALL_DATE_ROW (field (form, "resolved_date")), FALSE))
    return;
  if (form->id != 0)
    json_object_set_int_member (params, "id", form->id);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    put_text (params, field (form, texts[i]), texts[i]);
  put_code (params, form, "source", sources);
  put_code (params, form, "type", types);
  put_code (params, form, "risk", risks);
  put_code (params, form, "state", states);
  department_id = _hall_info_combo_get_id (ADW_COMBO_ROW (field (form, "department_id")),
                                           form->department_ids);
  if (department_id > 0)
    json_object_set_int_member (params, "department_id", department_id);
  gtk_widget_set_sensitive (form->root, FALSE);
  hall_page_call_full (form->page, form->id != 0 ? "dispute.update" : "dispute.create", params,
                       saved_cb, g_object_ref (window), g_object_unref);
}

GtkWidget *
_hall_ledgers_dispute_new (HallLedgersPage *page,
                           JsonArray       *departments,
                           JsonObject      *row)
{
  GtkWidget           *window = adw_window_new ();
  GtkWidget           *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget           *header = adw_header_bar_new ();
  GtkWidget           *cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));
  GtkWidget           *save = gtk_button_new_with_mnemonic (_ ("_Save"));
  GtkWidget           *prefs = adw_preferences_page_new ();
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  Form                *form = g_new0 (Form, 1);
  const char          *department = row_string (row, "department");
  gint64               department_id = 0;

  form->page = HALL_PAGE (page);
  form->id = row != NULL ? json_object_get_int_member_with_default (row, "id", 0) : 0;
  form->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  form->root = GTK_WIDGET (group);
  g_object_set_data_full (G_OBJECT (window), "hall-form", form, (GDestroyNotify) form_free);

  gtk_window_set_title (GTK_WINDOW (window),
                        /* Translators: title of the form of a screened dispute (矛盾纠纷) */
                        form->id != 0 ? _ ("Edit Dispute") : _ ("New Dispute"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (page))));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 760);
  gtk_widget_set_name (save, "save");
  gtk_widget_add_css_class (save, "suggested-action");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_destroy), window);
  g_signal_connect_swapped (save, "clicked", G_CALLBACK (save_cb), window);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (prefs, TRUE);
  gtk_box_append (GTK_BOX (box), prefs);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), group);
  adw_window_set_content (ADW_WINDOW (window), box);

  form->general = gtk_label_new (NULL);
  gtk_widget_set_visible (form->general, FALSE);
  gtk_label_set_wrap (GTK_LABEL (form->general), TRUE);
  gtk_widget_add_css_class (form->general, "error");
  adw_preferences_group_set_header_suffix (group, form->general);

  /* Translators: fields of a screened dispute, as the 矛盾纠纷排查化解清单 heads them */
  set_text (_hall_form_add_field (group, "found_date", _ ("Date found"), hall_date_row_new ()),
            row_string (row, "found_date"));
  add_codes (group, "source", _ ("Source"), "source", sources, row_string (row, "source"));
  set_text (_hall_form_add_entry (group, "parties", _ ("Parties")), row_string (row, "parties"));
  add_codes (group, "type", _ ("Type of dispute"), "dispute_type", types,
             row_string (row, "type"));
  add_codes (group, "risk", _ ("Risk level"), "risk", risks, row_string (row, "risk"));
  set_text (_hall_form_add_text_area (group, "summary", _ ("Summary")),
            row_string (row, "summary"));
  for (guint i = 0; departments != NULL && department != NULL
                    && i < json_array_get_length (departments);
       i++)
    {
      JsonObject *d = json_array_get_object_element (departments, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (d, "name", NULL), department)
          == 0)
        department_id = json_object_get_int_member (d, "id");
    }
  _hall_info_combo_set_items (ADW_COMBO_ROW (_hall_form_add_combo (group, "department_id",
                                                                   _ ("Responsible department"),
                                                                   NULL)),
                              form->department_ids, NULL, departments, FALSE, department_id);
  set_text (_hall_form_add_entry (group, "leader_name", _ ("Responsible leader")),
            row_string (row, "leader_name"));
  set_text (_hall_form_add_entry (group, "person_name", _ ("Responsible person")),
            row_string (row, "person_name"));
  set_text (_hall_form_add_text_area (group, "measures", _ ("Measures")),
            row_string (row, "measures"));
  set_text (_hall_form_add_field (group, "deadline", _ ("Deadline"), hall_date_row_new ()),
            row_string (row, "deadline"));
  add_codes (group, "state", _ ("State"), "dispute_state", states, row_string (row, "state"));
  set_text (_hall_form_add_field (group, "resolved_date", _ ("Date resolved"),
                                  hall_date_row_new ()),
            row_string (row, "resolved_date"));
  return window;
}
