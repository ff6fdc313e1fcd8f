/* hall-manager-rows.c — rows the hall manager's pages share: a ticket in the queue, and a
 * petitioner's earlier visits and matters
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-manager-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-manager-rows.h"
#include "hall-ui-util.h"

#define HISTORY_ROWS 8

static const char *
priority_label (const char *priority)
{
  if (g_strcmp0 (priority, "priority") == 0)
    /* Translators: a ticket's priority in the queue */
    return _("Priority");
  if (g_strcmp0 (priority, "collective") == 0)
    return _("Collective visit");
  return NULL;
}

static char *
ticket_subtitle (JsonObject *ticket)
{
  GString *text = g_string_new (NULL);
  const char *state = json_object_get_string_member_with_default (ticket, "state", "");
  const char *priority = priority_label (json_object_get_string_member_with_default (ticket, "priority", ""));
  gint64 persons = json_object_get_int_member_with_default (ticket, "persons", 1);
  gint64 target = json_object_get_int_member_with_default (ticket, "target_counter_number", 0);

  if (g_strcmp0 (state, "waiting") == 0)
    {
      g_autofree char *waited = _hall_format_minutes (json_object_get_int_member_with_default (ticket, "wait_seconds", 0));
      /* Translators: how long a ticket has waited, "waited 12 min" */
      g_string_append_printf (text, _("waited %s"), waited);
    }
  else
    {
      gint64 at = json_object_get_int_member_with_default (ticket, "called_at", 0);
      g_autofree char *clock = _hall_format_clock (at ? at : json_object_get_int_member_with_default (ticket, "issued_at", 0));
      /* Translators: when a held or missed ticket was last called, "called 09:12" */
      g_string_append_printf (text, _("called %s"), clock);
      if (json_object_get_int_member_with_default (ticket, "counter_number", 0) > 0)
        /* Translators: the window a held or missed ticket was called to */
        g_string_append_printf (text, _(" · window %d"), (int) json_object_get_int_member (ticket, "counter_number"));
    }
  if (json_object_get_boolean_member_with_default (ticket, "overdue", FALSE))
    /* Translators: a waiting ticket past the hall's longest allowed wait */
    g_string_append_printf (text, " · %s", _("over the longest wait"));
  if (json_object_get_boolean_member_with_default (ticket, "at_front", FALSE))
    /* Translators: the ticket was moved to the front of the queue */
    g_string_append_printf (text, " · %s", _("moved to the front"));
  if (priority != NULL)
    g_string_append_printf (text, " · %s", priority);
  if (persons > 1)
    {
      /* Translators: the number of people who came with one ticket */
      g_autofree char *people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d person", "%d persons", persons),
                                                 (int) persons);
      g_string_append_printf (text, " · %s", people);
    }
  if (target > 0 && g_strcmp0 (state, "waiting") == 0)
    /* Translators: the ticket waits for one window only */
    g_string_append_printf (text, _(" · for window %d"), (int) target);
  return g_string_free (text, FALSE);
}

static GtkWidget *
row_button (const char *icon_name,
            const char *label,
            const char *action_name,
            gint64      ticket_id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x", ticket_id);
  return button;
}

GtkWidget *
_hall_ticket_row_new (JsonObject *ticket)
{
  gint64 id = json_object_get_int_member_with_default (ticket, "id", 0);
  const char *state = json_object_get_string_member_with_default (ticket, "state", "");
  const char *priority = json_object_get_string_member_with_default (ticket, "priority", "normal");
  const char *code = json_object_get_string_member_with_default (ticket, "code", "");
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *code_label = gtk_label_new (code);
  g_autofree char *subtitle = ticket_subtitle (ticket);
  g_autofree char *name = g_strdup_printf ("ticket-%s", code);

  gtk_widget_set_name (row, name);
  gtk_widget_add_css_class (code_label, "queue-code");
  gtk_widget_set_valign (code_label, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), code_label);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 json_object_get_string_member_with_default (ticket, "department_name", ""));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (json_object_get_boolean_member_with_default (ticket, "overdue", FALSE))
    gtk_widget_add_css_class (row, "over-norm-row");

  if (g_strcmp0 (state, "waiting") == 0)
    {
      gboolean front = json_object_get_boolean_member_with_default (ticket, "at_front", FALSE);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 row_button (front ? "go-bottom-symbolic" : "go-top-symbolic",
                                             /* Translators: queue row button (tooltip and accessible name) */
                                             front ? _("Back to its place in the queue") : _("Move to the front"),
                                             "queue.front", id));
      if (g_strcmp0 (priority, "collective") != 0)
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   row_button (g_strcmp0 (priority, "priority") == 0 ? "starred-symbolic"
                                                                                       : "non-starred-symbolic",
                                               /* Translators: queue row button (tooltip and accessible name) */
                                               g_strcmp0 (priority, "priority") == 0 ? _("Back to normal priority")
                                                                                     : _("Mark as priority"),
                                               "queue.priority", id));
    }
  if (g_strcmp0 (state, "held") == 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               /* Translators: queue row button: a held (暂挂) ticket waits again */
                               row_button ("view-refresh-symbolic", _("Return to the queue"), "queue.resume", id));
  if (g_strcmp0 (state, "no_show") == 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               /* Translators: queue row button: a missed (过号) ticket waits again */
                               row_button ("edit-undo-symbolic", _("Reactivate"), "queue.reactivate", id));
  else
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               /* Translators: queue row button: send the ticket to another department or window */
                               row_button ("mail-forward-symbolic", _("Transfer…"), "queue.transfer", id));
  return row;
}

static void
add_history_row (GtkListBox *list,
                 const char *title,
                 const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_append (list, row);
}

void
_hall_petitioner_history_clear (GtkListBox *list,
                                GtkLabel   *repeat_label)
{
  GtkWidget *row;

  while ((row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0))) != NULL)
    gtk_list_box_remove (list, row);
  gtk_widget_set_visible (GTK_WIDGET (list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (repeat_label), FALSE);
}

JsonObject *
_hall_petitioner_history_show (GtkListBox *list,
                               GtkLabel   *repeat_label,
                               JsonObject *lookup)
{
  JsonArray *persons = json_object_get_array_member (lookup, "persons");
  JsonObject *person = persons && json_array_get_length (persons) > 0 ? json_array_get_object_element (persons, 0) : NULL;
  JsonArray *matters = person ? json_object_get_array_member (person, "matters") : NULL;
  JsonArray *visits = person ? json_object_get_array_member (person, "visits") : NULL;
  gint64 repeat_count = person ? json_object_get_int_member_with_default (person, "repeat_count", 0) : 0;
  gboolean repeat = person && json_object_get_boolean_member_with_default (person, "repeat", repeat_count > 0);
  guint n_rows = 0;

  _hall_petitioner_history_clear (list, repeat_label);
  if (repeat)
    {
      /* Translators: triage warning; %d counts the earlier visits and matters (第 N 次来访) */
      g_autofree char *warning = g_strdup_printf (_("Repeat visit: this is visit number %d. Check the earlier matters below."),
                                                  (int) repeat_count + 1);
      gtk_label_set_text (repeat_label, warning);
      gtk_widget_add_css_class (GTK_WIDGET (repeat_label), "repeat");
    }
  else
    {
      /* Translators: triage: the ID number or phone has no earlier visits in the hall */
      gtk_label_set_text (repeat_label, _("First visit: no earlier visits or matters."));
      gtk_widget_remove_css_class (GTK_WIDGET (repeat_label), "repeat");
    }
  gtk_widget_set_visible (GTK_WIDGET (repeat_label), TRUE);

  for (guint i = 0; matters && i < json_array_get_length (matters) && n_rows < HISTORY_ROWS; i++, n_rows++)
    {
      JsonObject *matter = json_array_get_object_element (matters, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: an earlier matter in the triage history: number and category */
      title = g_strdup_printf (_("Matter %s · %s"), json_object_get_string_member_with_default (matter, "number", ""),
                               json_object_get_string_member_with_default (matter, "category_name", ""));
      subtitle = g_strdup_printf ("%s · %s", json_object_get_string_member_with_default (matter, "received_date", ""),
                                  json_object_get_string_member_with_default (matter, "department_name", ""));
      add_history_row (list, title, subtitle);
    }
  for (guint i = 0; visits && i < json_array_get_length (visits) && n_rows < HISTORY_ROWS; i++, n_rows++)
    {
      JsonObject *visit = json_array_get_object_element (visits, i);
      g_autofree char *title = NULL;

      /* Translators: an earlier visit in the triage history: day and ticket code */
      title = g_strdup_printf (_("Visit %s · ticket %s"), json_object_get_string_member_with_default (visit, "day", ""),
                               json_object_get_string_member_with_default (visit, "code", ""));
      add_history_row (list, title, json_object_get_string_member_with_default (visit, "department_name", ""));
    }
  gtk_widget_set_visible (GTK_WIDGET (list), n_rows > 0);
  return person;
}
