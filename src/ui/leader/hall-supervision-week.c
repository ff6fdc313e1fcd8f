/* hall-supervision-week.c — "This week" on the supervision page: matters turning overdue
 *
 * leader.forecast answers by department; each department is an expander row with its count,
 * and each of its matters a row with the rules that flagged it (督办 that started by itself) and
 * the badge of its due date, as the page's other lists show it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-supervision-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-labels.h"
#include "hall-leader-format.h"
#include "hall-rows.h"
#include "hall-supervision-week.h"

static GtkWidget *
matter_row (JsonObject *matter)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget    *badge = gtk_label_new (NULL);
  JsonArray    *rules = json_object_get_array_member (matter, "rules");
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *name = g_strdup_printf (
      "forecast-%" G_GINT64_FORMAT, json_object_get_int_member_with_default (matter, "matter_id", 0));

  for (guint i = 0; rules != NULL && i < json_array_get_length (rules); i++)
    g_ptr_array_add (names, (gpointer) hall_label_supervision_rule (json_object_get_string_member (
                                json_array_get_object_element (rules, i), "rule")));
  if (names->len == 0)
    /* Translators: a matter turning overdue this week that no supervision rule flagged yet */
    g_ptr_array_add (names, (gpointer) _ ("Not flagged yet"));
  g_ptr_array_add (names, NULL);
  subtitle = g_strjoinv (" · ", (char **) names->pdata);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (
      ADW_PREFERENCES_ROW (row),
      json_object_get_string_member_with_default (matter, "matter_number", ""));
  adw_action_row_set_subtitle (row, subtitle);
  adw_action_row_set_subtitle_lines (row, 0);
  gtk_widget_set_name (GTK_WIDGET (row), name);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  _hall_leader_format_due_badge (GTK_LABEL (badge),
                                 json_object_get_int_member_with_default (matter, "days_left", 0),
                                 FALSE, json_object_get_string_member_with_default (matter, "due", NULL));
  adw_action_row_add_suffix (row, badge);
  _hall_rows_add_button (row, _ ("_Details"), "supervision.show-matter",
                         json_object_get_int_member_with_default (matter, "matter_id", 0));
  return GTK_WIDGET (row);
}

char *
_hall_supervision_week_fill (GtkListBox *list,
                             JsonObject *forecast)
{
  JsonArray *departments = json_object_get_array_member (forecast, "departments");
  gint64     count = json_object_get_int_member_with_default (forecast, "count", 0);

  _hall_rows_remove_all (list);
  for (guint i = 0; departments != NULL && i < json_array_get_length (departments); i++)
    {
      JsonObject      *group = json_array_get_object_element (departments, i);
      JsonArray       *matters = json_object_get_array_member (group, "matters");
      GtkWidget       *expander = adw_expander_row_new ();
      gint64           n = json_object_get_int_member_with_default (group, "count", 0);
      g_autofree char *subtitle = NULL;
      g_autofree char *name = g_strdup_printf (
          "department-%" G_GINT64_FORMAT,
          json_object_get_int_member_with_default (group, "department_id", 0));

      /* Translators: a department's matters turning overdue this week */
      subtitle = g_strdup_printf (
          g_dngettext (GETTEXT_PACKAGE, "%d matter", "%d matters", (gulong) n), (int) n);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (
          ADW_PREFERENCES_ROW (expander),
          json_object_get_string_member_with_default (group, "department_name", ""));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), subtitle);
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
      gtk_widget_set_name (expander, name);
      for (guint j = 0; matters != NULL && j < json_array_get_length (matters); j++)
        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                  matter_row (json_array_get_object_element (matters, j)));
      gtk_list_box_append (list, expander);
    }

  /* Translators: summary of "This week" on the supervision page; %s is a date */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%d matter turns overdue by %s",
                                       "%d matters turn overdue by %s", (gulong) count),
                          (int) count,
                          json_object_get_string_member_with_default (forecast, "until", ""));
}
