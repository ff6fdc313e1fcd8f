/* hall-matter-view-links.c — the matter view's related matters (关联事项): the links both ways
 * and the repeat petitions (重复信访) recorded on the matter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-json.h"
#include "hall-labels.h"
#include "hall-matter-view-private.h"
#include "hall-rows.h"

static GtkWidget *
link_row (JsonObject *link)
{
  GtkWidget       *row = adw_action_row_new ();
  const char      *kind = _hall_json_string (link, "kind");
  gboolean         to = g_strcmp0 (_hall_json_string (link, "direction"), "to") == 0;
  const char      *how;
  g_autofree char *title = g_strdup_printf ("%s · %s", _hall_json_string (link, "number"),
                                            hall_label_state (_hall_json_string (link, "state")));
  g_autofree char *subtitle = NULL;

  if (g_strcmp0 (kind, "earlier") == 0)
    /* Translators: a link between matters: this one was registered on the earlier one, or the
       later one on this */
    how = to ? _ ("Earlier matter on the same facts") : _ ("Later matter on the same facts");
  else
    /* Translators: a link a clerk made between two matters (关联事项) */
    how = _ ("Related matter");
  subtitle = g_strdup_printf ("%s · %s · %s%s%s", how, _hall_json_string (link, "received_date"),
                              _hall_json_string (link, "department_name") ?: "",
                              _hall_json_string (link, "note") ? " · " : "",
                              _hall_json_string (link, "note") ?: "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  /* Translators: opens the linked matter */
  _hall_rows_add_button (ADW_ACTION_ROW (row), _ ("_Open"), "workspace.show-matter",
                         json_object_get_int_member (link, "matter_id"));
  return row;
}

static GtkWidget *
repeat_row (JsonObject *repeat)
{
  GtkWidget       *row = adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *recorded = NULL;
  const char      *ticket = _hall_json_string (repeat, "ticket_code");

  /* Translators: a repeat petition (重复信访) on the matter: the day, how it came, how many came */
  title = g_strdup_printf (
      g_strcmp0 (_hall_json_string (repeat, "kind"), "final") == 0
          ? _ ("%s · %s · %d people · not accepted, re-review final")
          : _ ("%s · %s · %d people · repeat petition, not accepted again"),
      _hall_json_string (repeat, "date"), hall_label_channel (_hall_json_string (repeat, "channel")),
      (int) json_object_get_int_member_with_default (repeat, "persons", 1));
  /* Who recorded it, and on which ticket. */
  recorded = g_strdup_printf ("%s%s%s", ticket ? ticket : "", ticket ? " · " : "",
                              _hall_json_string (repeat, "user_name") ?: "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _hall_json_string (repeat, "content") ?: "");
  gtk_widget_set_tooltip_text (row, recorded);
  return row;
}

void
_hall_matter_view_show_links (HallMatterView *self)
{
  JsonArray *links = self->result ? json_object_get_array_member (self->result, "links") : NULL;
  JsonArray *repeats =
      self->result ? json_object_get_array_member (self->result, "repeats") : NULL;
  guint n = 0;

  _hall_rows_remove_all (self->links_list);
  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++, n++)
    gtk_list_box_append (self->links_list, link_row (json_array_get_object_element (links, i)));
  for (guint i = 0; repeats != NULL && i < json_array_get_length (repeats); i++, n++)
    gtk_list_box_append (self->links_list,
                         repeat_row (json_array_get_object_element (repeats, i)));
  gtk_widget_set_visible (self->links_heading, n > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->links_list), n > 0);
}
