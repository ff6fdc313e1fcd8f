/* hall-manager-rows.c — the rows of the hall manager's pages: a ticket in the queue, a lapsed
 * escalation, a petitioner's earlier visits and matters, and the words they share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-manager-rows"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-format.h"
#include "hall-manager-rows.h"
#include "hall-rows.h"

#define HISTORY_ROWS 8

GtkWidget *
_hall_manager_rows_lapsed_escalation_new (JsonObject *escalation,
                                          const char *failure)
{
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *badge;
  gint64           id = json_object_get_int_member_with_default (escalation, "id", 0);
  g_autofree char *title = NULL;
  g_autofree char *day = _hall_format_weekday_date (
      json_object_get_string_member_with_default (escalation, "date", NULL));
  g_autoptr (GString) subtitle =
      g_string_new (json_object_get_string_member_with_default (escalation, "department_name", ""));
  const char *note = json_object_get_string_member_with_default (escalation, "note", NULL);

  title = g_strdup_printf (_ ("Matter %s"), json_object_get_string_member_with_default (
                                                escalation, "matter_number", ""));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle->len > 0)
    g_string_append (subtitle, " · ");
  /* Translators: a lapsed escalation: the day it was for, then the duty leader it was escalated to,
   * "2026-10-12 星期一 to 王建国" */
  g_string_append_printf (
      subtitle, _ ("escalated for %s to %s"), day,
      json_object_get_string_member_with_default (escalation, "leader_name", ""));
  if (note != NULL && *note)
    g_string_append_printf (subtitle, " · %s", note);
  if (failure != NULL)
    {
      g_string_append_c (subtitle, '\n');
      /* Translators: under a lapsed escalation: why escalating it again or leaving it failed */
      g_string_append_printf (subtitle, _ ("Not done: %s"), failure);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);

  /* Translators: state of an escalation whose visitor the leader did not receive on its day */
  badge = gtk_label_new (_ ("Not received"));
  gtk_widget_add_css_class (badge, "state-badge");
  gtk_widget_add_css_class (badge, "state-closed");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);
  adw_action_row_add_suffix (
      ADW_ACTION_ROW (row),
      /* Translators: a lapsed escalation's button: send the matter to today's duty leader */
      _hall_rows_button (gtk_button_new_with_label (_ ("Escalate Again")),
                         _ ("Escalate to today’s duty leader"), "escalations.escalate-again", id));
  adw_action_row_add_suffix (
      ADW_ACTION_ROW (row),
      /* Translators: a lapsed escalation's button: no leader reception, the department goes on */
      _hall_rows_button (gtk_button_new_with_label (_ ("Leave with Department")),
                         _ ("The department handles the matter without a leader reception"),
                         "escalations.leave", id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "escalations.open-matter");
  gtk_actionable_set_action_target (
      GTK_ACTIONABLE (row), "x",
      json_object_get_int_member_with_default (escalation, "matter_id", 0));
  return row;
}

const char *
_hall_manager_rows_duty_slot_label (const char *slot)
{
  if (g_strcmp0 (slot, "am") == 0)
    /* Translators: a leader's duty slot: before noon */
    return _ ("Morning");
  if (g_strcmp0 (slot, "pm") == 0)
    /* Translators: a leader's duty slot: from noon */
    return _ ("Afternoon");
  /* Translators: a leader's duty slot: the whole day */
  return _ ("Full day");
}

char *
_hall_manager_rows_persons_label (gint64 persons)
{
  /* Translators: the number of people who came with one ticket */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d person", "%d persons", persons),
                          (int) persons);
}

static const char *
priority_label (const char *priority)
{
  if (g_strcmp0 (priority, "priority") == 0)
    /* Translators: a ticket's priority in the queue */
    return _ ("Priority");
  if (g_strcmp0 (priority, "collective") == 0)
    return _ ("Collective visit");
  return NULL;
}

static char *
ticket_subtitle (JsonObject *ticket)
{
  GString    *text = g_string_new (NULL);
  const char *state = json_object_get_string_member_with_default (ticket, "state", "");
  const char *priority =
      priority_label (json_object_get_string_member_with_default (ticket, "priority", ""));
  gint64 persons = json_object_get_int_member_with_default (ticket, "persons", 1);
  gint64 target = json_object_get_int_member_with_default (ticket, "target_counter_number", 0);

  if (g_strcmp0 (state, "waiting") == 0)
    {
      g_autofree char *waited = _hall_format_minutes (
          json_object_get_int_member_with_default (ticket, "wait_seconds", 0));
      /* Translators: how long a ticket has waited, "waited 12 min" */
      g_string_append_printf (text, _ ("waited %s"), waited);
    }
  else
    {
      gint64           at = json_object_get_int_member_with_default (ticket, "called_at", 0);
      g_autofree char *clock = _hall_format_clock (
          at ? at : json_object_get_int_member_with_default (ticket, "issued_at", 0));
      /* Translators: when a held or missed ticket was last called, "called 09:12" */
      g_string_append_printf (text, _ ("called %s"), clock);
      if (json_object_get_int_member_with_default (ticket, "counter_number", 0) > 0)
        /* Translators: the window a held or missed ticket was called to */
        g_string_append_printf (text, _ (" · window %d"),
                                (int) json_object_get_int_member (ticket, "counter_number"));
    }
  if (json_object_get_boolean_member_with_default (ticket, "overdue", FALSE))
    /* Translators: a waiting ticket past the hall's longest allowed wait */
    g_string_append_printf (text, " · %s", _ ("over the longest wait"));
  if (json_object_get_boolean_member_with_default (ticket, "at_front", FALSE))
    /* Translators: the ticket was moved to the front of the queue */
    g_string_append_printf (text, " · %s", _ ("moved to the front"));
  if (priority != NULL)
    g_string_append_printf (text, " · %s", priority);
  if (json_object_get_boolean_member_with_default (ticket, "green_request", FALSE))
    /* Translators: the visitor asked for the green channel (绿色通道) at the ticket kiosk; the
     * manager confirms it with the star button */
    g_string_append_printf (text, " · %s", _ ("green channel asked for, to confirm"));
  if (persons > 1)
    {
      g_autofree char *people = _hall_manager_rows_persons_label (persons);
      g_string_append_printf (text, " · %s", people);
    }
  if (target > 0 && g_strcmp0 (state, "waiting") == 0)
    /* Translators: the ticket waits for one window only */
    g_string_append_printf (text, _ (" · for window %d"), (int) target);
  return g_string_free (text, FALSE);
}

GtkWidget *
_hall_manager_rows_ticket_new (JsonObject *ticket)
{
  gint64           id = json_object_get_int_member_with_default (ticket, "id", 0);
  const char      *state = json_object_get_string_member_with_default (ticket, "state", "");
  const char      *priority = json_object_get_string_member_with_default (ticket, "priority", "normal");
  const char      *code = json_object_get_string_member_with_default (ticket, "code", "");
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *code_label = gtk_label_new (code);
  g_autofree char *subtitle = ticket_subtitle (ticket);
  g_autofree char *name = g_strdup_printf ("ticket-%s", code);

  gtk_widget_set_name (row, name);
  gtk_widget_add_css_class (code_label, "queue-code");
  gtk_widget_set_valign (code_label, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), code_label);
  adw_preferences_row_set_title (
      ADW_PREFERENCES_ROW (row),
      json_object_get_string_member_with_default (ticket, "department_name", ""));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (json_object_get_boolean_member_with_default (ticket, "overdue", FALSE))
    gtk_widget_add_css_class (row, "over-norm-row");

  if (g_strcmp0 (state, "waiting") == 0)
    {
      gboolean   front = json_object_get_boolean_member_with_default (ticket, "at_front", FALSE);
      gboolean   marked = g_strcmp0 (priority, "priority") == 0;
      gboolean   asked = json_object_get_boolean_member_with_default (ticket, "green_request", FALSE);
      GtkWidget *front_button, *priority_slot;
      g_autoptr (GtkSizeGroup) slots = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);

      front_button = _hall_rows_icon_button_new (
          front ? "go-bottom-symbolic" : "go-top-symbolic",
          /* Translators: queue row button (tooltip and accessible name) */
          front ? _ ("Back to its place in the queue") : _ ("Move to the front"), "queue.front",
          id);
      /* A collective visit has no priority to mark; its row keeps the button's place empty, so
       * the buttons of every waiting ticket line up. */
      if (g_strcmp0 (priority, "collective") == 0)
        priority_slot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      else
        priority_slot = _hall_rows_icon_button_new (
            marked ? "starred-symbolic" : "non-starred-symbolic",
            /* Translators: queue row button (tooltip and accessible name) */
            marked  ? _ ("Back to normal priority")
            : asked ? _ ("Confirm the green channel")
                    : _ ("Mark as priority"),
            "queue.priority", id);
      if (asked)
        gtk_widget_add_css_class (row, "green-request-row");
      gtk_size_group_add_widget (slots, front_button);
      gtk_size_group_add_widget (slots, priority_slot);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), front_button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), priority_slot);
    }
  if (g_strcmp0 (state, "held") == 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               /* Translators: queue row button: a held (暂挂) ticket waits again */
                               _hall_rows_icon_button_new ("view-refresh-symbolic",
                                                           _ ("Return to the queue"),
                                                           "queue.resume", id));
  if (g_strcmp0 (state, "no_show") == 0)
    adw_action_row_add_suffix (
        ADW_ACTION_ROW (row),
        /* Translators: queue row button: a missed (过号) ticket waits again */
        _hall_rows_icon_button_new ("edit-undo-symbolic", _ ("Reactivate"), "queue.reactivate",
                                    id));
  else
    adw_action_row_add_suffix (
        ADW_ACTION_ROW (row),
        /* Translators: queue row button: send the ticket to another department or window */
        _hall_rows_icon_button_new ("mail-forward-symbolic", _ ("Transfer…"), "queue.transfer",
                                    id));
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
_hall_manager_rows_history_clear (GtkListBox *list,
                                  GtkLabel   *repeat_label)
{
  _hall_rows_remove_all (list);
  gtk_widget_set_visible (GTK_WIDGET (list), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (repeat_label), FALSE);
}

JsonObject *
_hall_manager_rows_history_show (GtkListBox *list,
                                 GtkLabel   *repeat_label,
                                 JsonObject *lookup)
{
  JsonArray  *persons = json_object_get_array_member (lookup, "persons");
  JsonObject *person = persons && json_array_get_length (persons) > 0
                           ? json_array_get_object_element (persons, 0)
                           : NULL;
  JsonArray  *matters = person ? json_object_get_array_member (person, "matters") : NULL;
  JsonArray  *visits = person ? json_object_get_array_member (person, "visits") : NULL;
  gint64      repeat_count =
      person ? json_object_get_int_member_with_default (person, "repeat_count", 0) : 0;
  gboolean repeat =
      person && json_object_get_boolean_member_with_default (person, "repeat", repeat_count > 0);
  guint n_rows = 0;

  _hall_manager_rows_history_clear (list, repeat_label);
  if (repeat)
    {
      /* Translators: triage warning; %d counts the earlier visits and matters (第 N 次来访) */
      g_autofree char *warning = g_strdup_printf (
          _ ("Repeat visit: this is visit number %d. Check the earlier matters below."),
          (int) repeat_count + 1);
      gtk_label_set_text (repeat_label, warning);
      gtk_widget_add_css_class (GTK_WIDGET (repeat_label), "repeat");
    }
  else
    {
      /* Translators: triage: the ID number or phone has no earlier visits in the hall */
      gtk_label_set_text (repeat_label, _ ("First visit: no earlier visits or matters."));
      gtk_widget_remove_css_class (GTK_WIDGET (repeat_label), "repeat");
    }
  gtk_widget_set_visible (GTK_WIDGET (repeat_label), TRUE);

  for (guint i = 0; matters && i < json_array_get_length (matters) && n_rows < HISTORY_ROWS;
       i++, n_rows++)
    {
      JsonObject      *matter = json_array_get_object_element (matters, i);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: an earlier matter in the triage history: number and category */
      title = g_strdup_printf (
          _ ("Matter %s · %s"), json_object_get_string_member_with_default (matter, "number", ""),
          json_object_get_string_member_with_default (matter, "category_name", ""));
      subtitle = g_strdup_printf (
          "%s · %s", json_object_get_string_member_with_default (matter, "received_date", ""),
          json_object_get_string_member_with_default (matter, "department_name", ""));
      add_history_row (list, title, subtitle);
    }
  for (guint i = 0; visits && i < json_array_get_length (visits) && n_rows < HISTORY_ROWS;
       i++, n_rows++)
    {
      JsonObject      *visit = json_array_get_object_element (visits, i);
      g_autofree char *title = NULL;

      /* Translators: an earlier visit in the triage history: day and ticket code */
      title = g_strdup_printf (_ ("Visit %s · ticket %s"),
                               json_object_get_string_member_with_default (visit, "day", ""),
                               json_object_get_string_member_with_default (visit, "code", ""));
      add_history_row (list, title,
                       json_object_get_string_member_with_default (visit, "department_name", ""));
    }
  gtk_widget_set_visible (GTK_WIDGET (list), n_rows > 0);
  return person;
}
