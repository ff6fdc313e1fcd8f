/* hall-leader-util.c — words, badges, rows and form errors the leaders' pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-leader-ui"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "hall-json-item.h"
#include "hall-error.h"
#include "hall-leader-util.h"
#include "hall-ui-util.h"

const char *
_hall_leader_clock_label (const char *clock)
{
  if (g_strcmp0 (clock, "decision") == 0)
    /* Translators: the 15-day limit to accept or decline a matter */
    return _("Decision deadline");
  if (g_strcmp0 (clock, "handling") == 0)
    /* Translators: the 60-day handling limit of an accepted matter */
    return _("Handling deadline");
  if (g_strcmp0 (clock, "objection") == 0)
    return _("Objection window");
  if (g_strcmp0 (clock, "review") == 0)
    return _("Review deadline");
  if (g_strcmp0 (clock, "rereview") == 0)
    return _("Re-review deadline");
  return clock != NULL ? clock : "";
}

void
_hall_leader_set_due_badge (GtkLabel   *badge,
                            gint64      days_left,
                            gboolean    overdue,
                            const char *due)
{
  g_autofree char *text = NULL;
  g_autofree char *with_due = NULL;
  GtkWidget *widget = GTK_WIDGET (badge);

  if (overdue)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day overdue", "%d days overdue",
                                         MAX (-days_left, 1)),
                            (int) MAX (-days_left, 1));
  else if (days_left == 0)
    text = g_strdup (_("Due today"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day left", "%d days left", days_left),
                            (int) days_left);
  /* Translators: a deadline's state and its date, "3 days left (2026-10-20)" */
  with_due = due != NULL && *due ? g_strdup_printf (_("%s (%s)"), text, due) : g_strdup (text);
  gtk_label_set_text (badge, with_due);

  gtk_widget_add_css_class (widget, "state-badge");
  gtk_widget_remove_css_class (widget, "over-norm-badge");
  gtk_widget_remove_css_class (widget, "state-paused");
  gtk_widget_remove_css_class (widget, "state-open");
  if (overdue)
    gtk_widget_add_css_class (widget, "over-norm-badge");
  else if (days_left <= 3)
    gtk_widget_add_css_class (widget, "state-paused");
  else
    gtk_widget_add_css_class (widget, "state-open");
}

void
_hall_leader_set_state_badge (GtkWidget *badge,
                              gboolean   done)
{
  gtk_widget_add_css_class (badge, "state-badge");
  gtk_widget_remove_css_class (badge, done ? "state-paused" : "state-open");
  gtk_widget_add_css_class (badge, done ? "state-open" : "state-paused");
}

const char *
_hall_leader_check_date (const char *text)
{
  int y, m, d;
  char end;

  if (text == NULL || *text == '\0')
    return _("Enter a date.");
  if (strlen (text) != 10 || sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3
      || !g_date_valid_dmy (d, m, y))
    /* Translators: keep YYYY-MM-DD as it is, it is the format to type */
    return _("Enter the date as YYYY-MM-DD, for example 2026-10-20.");
  return NULL;
}

char *
_hall_leader_add_days (const char *today,
                       int         days)
{
  int y, m, d;
  g_autoptr (GDate) date = NULL;
  char buf[16];

  if (today == NULL || sscanf (today, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return g_strdup ("");
  date = g_date_new_dmy (d, m, y);
  g_date_add_days (date, days);
  g_date_strftime (buf, sizeof buf, "%Y-%m-%d", date);
  return g_strdup (buf);
}

char *
_hall_leader_text_view_get (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (text);
}

void
_hall_leader_text_view_set (GtkTextView *view,
                            const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text != NULL ? text : "", -1);
}

JsonObject *
_hall_leader_params_id (const char *member,
                        gint64      id)
{
  JsonObject *params = json_object_new ();

  json_object_set_int_member (params, member, id);
  return params;
}

gboolean
_hall_leader_get_flag (JsonObject *object,
                       const char *member)
{
  JsonNode *node = object ? json_object_get_member (object, member) : NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node);
  return json_node_get_int (node) != 0;
}

char *
_hall_leader_format_date (gint64 unix_time)
{
  g_autoptr (GDateTime) time = unix_time > 0 ? g_date_time_new_from_unix_local (unix_time) : NULL;

  return time ? g_date_time_format (time, "%Y-%m-%d") : g_strdup ("");
}

void
_hall_leader_store_fill (GListStore *store,
                         JsonArray  *array)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    g_ptr_array_add (items, hall_json_item_new (json_array_get_object_element (array, i), now));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata, items->len);
}

GtkWidget *
_hall_leader_add_row_button (AdwActionRow *row,
                             const char   *mnemonic,
                             const char   *action,
                             gint64        target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (mnemonic);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (target));
  adw_action_row_add_suffix (row, button);
  return button;
}

#define FIELD_WIDGET(form, offset) G_STRUCT_MEMBER (GtkWidget *, form, offset)

void
_hall_leader_clear_errors (gpointer               form,
                           const HallLeaderField *fields,
                           guint                  n_fields)
{
  for (guint i = 0; i < n_fields; i++)
    _hall_form_set_error (FIELD_WIDGET (form, fields[i].widget), FIELD_WIDGET (form, fields[i].label), NULL);
}

GtkWidget *
_hall_leader_show_error (gpointer               form,
                         const HallLeaderField *fields,
                         guint                  n_fields,
                         const GError          *error)
{
  const char *field = hall_error_get_field (error);

  g_return_val_if_fail (n_fields > 0, NULL);
  for (guint i = 0; i < n_fields; i++)
    if (i == n_fields - 1 || (field != NULL && g_pattern_match_simple (fields[i].pattern, field)))
      {
        GtkWidget *widget = FIELD_WIDGET (form, fields[i].widget);

        _hall_form_set_error (widget, FIELD_WIDGET (form, fields[i].label), error->message);
        return widget;
      }
  return NULL;
}
