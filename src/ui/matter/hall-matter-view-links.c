/* hall-matter-view-links.c — the matter view's related matters (关联事项): the links both ways
 * and the repeat petitions (重复信访) recorded on the matter; linking another matter by its
 * number (matter.search finds it, matter.link links it) and unlinking one (asks first)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-dialog.h"
#include "hall-form.h"
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
  /* Translators: removes the link between two matters (取消关联) */
  _hall_rows_add_button (ADW_ACTION_ROW (row), _ ("_Unlink"), "matter.unlink",
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

/* ---- linking and unlinking ---------------------------------------------------------------- */

static void
linked_cb (HallPage     *page,
           JsonObject   *reply,
           const GError *error,
           gpointer      user_data)
{
  HallMatterView *self = HALL_MATTER_VIEW (page);
  const char     *field = error != NULL ? hall_error_get_field (error) : NULL;

  self->busy = FALSE;
  hall_page_update_actions (page);
  if (reply == NULL)
    {
      /* The hall names the other matter linked_id; the form has its number. */
      if (!hall_action_form_show_error (
              self->action_form, g_strcmp0 (field, "linked_id") == 0 ? "linked_number" : field,
              error->message))
        hall_page_toast (page, error->message);
      return;
    }
  /* Translators: toast after two matters were linked, or unlinked */
  hall_page_toast (page, user_data != NULL ? _ ("Matters linked") : _ ("Link removed"));
  if (user_data != NULL)
    hall_action_form_close (self->action_form);
  hall_page_update_actions (page);
  _hall_matter_view_emit_changed (self);
}

static void
found_cb (HallPage     *page,
          JsonObject   *reply,
          const GError *error,
          gpointer      user_data)
{
  HallMatterView *self = HALL_MATTER_VIEW (page);
  JsonArray      *matters = reply != NULL ? json_object_get_array_member (reply, "matters") : NULL;
  const char     *note = user_data;
  g_autoptr (JsonObject) params = NULL;

  if (!hall_action_form_is_open (self->action_form, "link"))
    {
      self->busy = FALSE;
      hall_page_update_actions (page);
      return;
    }
  if (reply == NULL || matters == NULL || json_array_get_length (matters) == 0
      || g_strcmp0 (json_object_get_string_member_with_default (reply, "kind", ""), "number") != 0)
    {
      self->busy = FALSE;
      hall_page_update_actions (page);
      hall_action_form_show_error (self->action_form, "linked_number",
                                   reply == NULL ? error->message
                                                 : _ ("There is no matter with this number."));
      return;
    }
  params = _hall_json_params_id ("matter_id", self->matter_id);
  json_object_set_int_member (params, "linked_id",
                              json_object_get_int_member (
                                  json_array_get_object_element (matters, 0), "id"));
  if (*note != '\0')
    json_object_set_string_member (params, "note", note);
  hall_page_call (page, "matter.link", params, linked_cb, GINT_TO_POINTER (TRUE));
}

void
_hall_matter_view_send_link (HallMatterView *self)
{
  g_autofree char *number = hall_action_form_dup_required (self->action_form, "linked_number");
  g_autoptr (JsonObject) params = NULL;

  if (number == NULL)
    return;
  hall_action_form_show_error (self->action_form, NULL, NULL);
  params = json_object_new ();
  json_object_set_string_member (params, "query", number);
  json_object_set_int_member (params, "limit", 1);
  self->busy = TRUE;
  hall_page_update_actions (HALL_PAGE (self));
  hall_page_call_full (HALL_PAGE (self), "matter.search", params, found_cb,
                       _hall_form_dup_text (hall_action_form_get_field (self->action_form, "note")),
                       g_free);
}

/* A candidate of matter.similar: activating it puts its number into the form. */
static void
candidate_activated_cb (AdwActionRow   *row,
                        HallMatterView *self)
{
  GtkWidget *entry = hall_action_form_get_field (self->action_form, "linked_number");

  if (entry != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), adw_preferences_row_get_title (
                                                     ADW_PREFERENCES_ROW (row)));
}

static gboolean
already_linked (HallMatterView *self,
                gint64          id)
{
  JsonArray *links = self->result ? json_object_get_array_member (self->result, "links") : NULL;

  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
    if (json_object_get_int_member (json_array_get_object_element (links, i), "matter_id") == id)
      return TRUE;
  return id == self->matter_id;
}

/* matter.similar's candidates for this matter's content, offered under the form's fields. */
static void
similar_cb (HallPage     *page,
            JsonObject   *reply,
            const GError *error,
            gpointer      user_data)
{
  HallMatterView *self = HALL_MATTER_VIEW (page);
  GtkWidget      *entry = hall_action_form_get_field (self->action_form, "linked_number");
  JsonArray      *matters = reply ? json_object_get_array_member (reply, "matters") : NULL;
  GtkWidget      *group;

  if (entry == NULL || !hall_action_form_is_open (self->action_form, "link"))
    return;
  group = gtk_widget_get_ancestor (entry, ADW_TYPE_PREFERENCES_GROUP);
  for (guint i = 0; group != NULL && matters != NULL && i < json_array_get_length (matters); i++)
    {
      JsonObject      *matter = json_array_get_object_element (matters, i);
      AdwActionRow    *row;
      g_autofree char *name = NULL;

      if (already_linked (self, json_object_get_int_member (matter, "id")))
        continue;
      row = ADW_ACTION_ROW (adw_action_row_new ());
      name = g_strconcat ("candidate-", _hall_json_string (matter, "number"), NULL);
      gtk_widget_set_name (GTK_WIDGET (row), name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _hall_json_string (matter, "number"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   json_object_get_string_member_with_default (matter, "summary", ""));
      /* Translators: a matter alike in content offered in the link form; click to take its number */
      gtk_widget_set_tooltip_text (GTK_WIDGET (row), _ ("A matter alike: click to link it"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (candidate_activated_cb), self, 0);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (row));
    }
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HallMatterView      *self = HALL_MATTER_VIEW (widget);
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr (JsonObject) params = NULL;
  const char *content;

  /* Translators: the number of the matter to link to this one, e.g. XF2026-000123 */
  _hall_form_add_entry (group, "linked_number", _ ("Matter number"));
  _hall_form_add_entry (group, "note", _ ("Note (optional)"));
  /* Translators: title and button of the form that links two matters (关联事项) */
  hall_action_form_open (self->action_form, "link", _ ("Link a related matter"), _ ("_Link"),
                         group);
  hall_page_update_actions (HALL_PAGE (self));
  content = _hall_json_string (_hall_matter_view_get_matter (self), "content");
  if (content != NULL)
    {
      params = json_object_new ();
      json_object_set_string_member (params, "content", content);
      hall_page_call (HALL_PAGE (self), "matter.similar", params, similar_cb, NULL);
    }
}

static void
unlink_response_cb (HallMatterView   *self,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  g_autoptr (JsonObject) params = NULL;

  if (g_strcmp0 (response, "unlink") != 0 || self->busy)
    return;
  params = _hall_json_params_id ("matter_id", self->matter_id);
  json_object_set_int_member (params, "linked_id", _hall_dialog_get_id (dialog));
  self->busy = TRUE;
  hall_page_update_actions (HALL_PAGE (self));
  hall_page_call (HALL_PAGE (self), "matter.unlink", params, linked_cb, NULL);
}

static void
unlink_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HallMatterView  *self = HALL_MATTER_VIEW (widget);
  gint64           linked_id = g_variant_get_int64 (parameter);
  JsonArray       *links = self->result ? json_object_get_array_member (self->result, "links") : NULL;
  const char      *number = "";
  g_autofree char *heading = NULL;

  for (guint i = 0; links != NULL && i < json_array_get_length (links); i++)
    if (json_object_get_int_member (json_array_get_object_element (links, i), "matter_id")
        == linked_id)
      number = _hall_json_string (json_array_get_object_element (links, i), "number");
  /* Translators: question before removing the link to another matter, %s its number */
  heading = g_strdup_printf (_ ("Unlink %s?"), number ? number : "");
  _hall_dialog_confirm (widget, linked_id, NULL, heading,
                        _ ("The two matters no longer show each other as related."), "unlink",
                        _ ("_Unlink"), G_CALLBACK (unlink_response_cb));
}

void
_hall_matter_view_class_install_link_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "matter.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "matter.unlink", "x", unlink_action);
}
