/* hall-supervision-talks.c — the 约谈 and 通报 on the supervision page
 *
 * leader.talks lists them newest first; a row says the day, the kind (约谈 with a department's
 * head, 通报 to every department), whom, the subject and the matters concerned by number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-supervision-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-json-item.h"
#include "hall-json.h"
#include "hall-labels.h"
#include "hall-supervision-talks.h"

GtkWidget *
_hall_supervision_talks_create_row (gpointer item,
                                    gpointer user_data)
{
  JsonObject      *talk = hall_json_item_get_data (item);
  JsonArray       *matters = json_object_get_array_member (talk, "matters");
  const char      *kind = _hall_json_string (talk, "kind");
  AdwActionRow    *row = ADW_ACTION_ROW (adw_action_row_new ());
  g_autofree char *name = g_strdup_printf (
      "talk-%" G_GINT64_FORMAT, json_object_get_int_member_with_default (talk, "id", 0));
  g_autofree char *title = NULL;
  g_autoptr (GString) subtitle = g_string_new (
      json_object_get_string_member_with_default (talk, "subject", ""));

  /* Translators: a talk or notice on the supervision page: date · kind · department */
  title = g_strdup_printf (_ ("%s · %s · %s"), json_object_get_string_member_with_default (talk, "date", ""),
                           hall_label_talk_kind (kind),
                           g_strcmp0 (kind, "notice") == 0
                               ? _ ("All departments")
                               : json_object_get_string_member_with_default (
                                   talk, "department_name", "—"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (GTK_WIDGET (row), name);

  for (guint i = 0; matters != NULL && i < json_array_get_length (matters); i++)
    {
      /* Translators: before the numbers of the matters a talk or notice concerns */
      g_string_append (subtitle, i == 0 ? _ (" · Matters: ") : _ (", "));
      g_string_append (subtitle, json_object_get_string_member_with_default (
                                     json_array_get_object_element (matters, i), "matter_number",
                                     ""));
    }
  adw_action_row_set_subtitle (row, subtitle->str);
  adw_action_row_set_subtitle_lines (row, 3);
  return GTK_WIDGET (row);
}
