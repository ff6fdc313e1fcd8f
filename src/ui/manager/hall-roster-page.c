/* hall-roster-page.c — the leaders' duty roster (值班领导), a week at a time, editable
 *
 * leader.roster for the week shown, read again on each leader.duty event. The manager puts a
 * leader on duty for a day (leader.duty, with the slot and an optional note such as the room)
 * or takes them off after confirming. A day picked in the date field above shows its week. Today's row says so in words as well as in colour; past
 * days are a record and offer no changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-roster-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-date-row.h"
#include "hall-dialog.h"
#include "hall-form.h"
#include "hall-info.h"
#include "hall-manager-change.h"
#include "hall-manager-rows.h"
#include "hall-roster-page.h"
#include "hall-rows.h"

struct _HallRosterPage
{
  HallPage parent_instance;

  JsonObject *roster;
  JsonArray  *leaders; /* accounts with the leader role */
  JsonObject *info;    /* hall.info: today's date */
  char       *from;    /* Monday of the week shown; NULL: the current week */
  guint       pending; /* changes sent, not answered yet */

  AdwMessageDialog *dialog;
  char             *dialog_date;
  gint64            dialog_user_id;
  AdwComboRow      *leader_row;
  AdwComboRow      *slot_row;
  AdwEntryRow      *note_row;
  GArray           *leader_ids;

  GtkLabel    *range_label;
  HallDateRow *week_row;
  GtkLabel    *error_label;
  GtkListBox  *days_list;
};

G_DEFINE_FINAL_TYPE (HallRosterPage, hall_roster_page, HALL_TYPE_PAGE)

static const char *const slot_codes[] = { "day", "am", "pm" };

static void
hall_roster_page_update_actions (HallPage *page)
{
  HallRosterPage *self = HALL_ROSTER_PAGE (page);
  gboolean        online = hall_page_is_online (page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.add", online && self->leaders != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.remove", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.previous", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.next", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.this-week", online);
}

static GDateTime *
parse_date (const char *date)
{
  int y, m, d;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  return g_date_time_new_local (y, m, d, 12, 0, 0);
}

/* ---- the week ---------------------------------------------------------------------------- */

static GtkWidget *
leader_chip (JsonObject *entry,
             const char *date,
             gboolean    editable)
{
  const char      *name = json_object_get_string_member_with_default (entry, "display_name", "");
  const char      *note = json_object_get_string_member_with_default (entry, "note", NULL);
  g_autofree char *label = NULL;
  GtkWidget       *button;

  label =
      note && *note
          ? g_strdup_printf ("%s · %s · %s", name,
                             _hall_manager_rows_duty_slot_label (
                                 json_object_get_string_member_with_default (entry, "slot", "day")),
                             note)
          : g_strdup_printf (
              "%s · %s", name,
              _hall_manager_rows_duty_slot_label (
                  json_object_get_string_member_with_default (entry, "slot", "day")));
  if (!editable)
    {
      GtkWidget *chip = gtk_label_new (label);

      gtk_widget_add_css_class (chip, "duty-chip");
      gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
      return chip;
    }
  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button),
                        g_object_new (ADW_TYPE_BUTTON_CONTENT, "label", label, "icon-name",
                                      "window-close-symbolic", NULL));
  gtk_widget_add_css_class (button, "duty-chip");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  {
    /* Translators: tooltip of a leader on the roster; %s is the leader's name */
    g_autofree char *tooltip = g_strdup_printf (_ ("Take %s off duty on this day"), name);
    gtk_widget_set_tooltip_text (button, tooltip);
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                    -1);
  }
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "roster.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(sx)", date,
                                    json_object_get_int_member_with_default (entry, "user_id", 0));
  return button;
}

static GtkWidget *
day_row (HallRosterPage *self,
         JsonObject     *day)
{
  const char *date = json_object_get_string_member_with_default (day, "date", "");
  JsonArray  *leaders = json_object_get_array_member (day, "leaders");
  g_autoptr (GDateTime) time = parse_date (date);
  g_autofree char *weekday = time ? g_date_time_format (time, "%A") : g_strdup ("");
  g_autofree char *title = NULL;
  g_autofree char *name = g_strdup_printf ("day-%s", date);
  const char      *today_date = hall_roster_page_get_today (self);
  gboolean         today = g_strcmp0 (date, today_date) == 0;
  gboolean         past = today_date != NULL && g_strcmp0 (date, today_date) < 0;
  guint            n = leaders ? json_array_get_length (leaders) : 0;
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *add;

  gtk_widget_set_name (row, name);
  if (today)
    /* Translators: the roster's row of today: weekday and date */
    title = g_strdup_printf (_ ("Today · %s %s"), weekday, date);
  else
    title = g_strdup_printf ("%s %s", weekday, date);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (n == 0)
    adw_action_row_set_subtitle (
        ADW_ACTION_ROW (row), today ? _ ("No leader on duty today: escalations cannot be received.")
                                    /* Translators: a roster day without a leader */
                                    : _ ("No leader on duty"));
  if (today)
    gtk_widget_add_css_class (row, "roster-today");
  if (today && n == 0)
    gtk_widget_add_css_class (row, "over-norm-row");
  if (past)
    gtk_widget_add_css_class (row, "dim-label");

  for (guint i = 0; i < n; i++)
    adw_action_row_add_suffix (
        ADW_ACTION_ROW (row),
        leader_chip (json_array_get_object_element (leaders, i), date, !past));

  add = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  /* Translators: roster button (tooltip and accessible name): put a leader on duty that day */
  gtk_widget_set_tooltip_text (add, _ ("Add a leader on duty"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (add), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Add a leader on duty"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add), "roster.add");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (add), "s", date);
  gtk_widget_set_visible (add, !past);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), add);
  return row;
}

static void
show_roster (HallRosterPage *self)
{
  JsonArray       *days = json_object_get_array_member (self->roster, "days");
  g_autofree char *range = NULL;

  _hall_rows_remove_all (self->days_list);
  for (guint i = 0; days && i < json_array_get_length (days); i++)
    gtk_list_box_append (self->days_list, day_row (self, json_array_get_object_element (days, i)));
  /* Translators: the roster's week, "2026-11-16 – 2026-11-22" */
  range = g_strdup_printf (_ ("Duty roster %s – %s"),
                           json_object_get_string_member_with_default (self->roster, "from", ""),
                           json_object_get_string_member_with_default (self->roster, "to", ""));
  gtk_label_set_text (self->range_label, range);
}

static void
roster_cb (HallPage     *page,
           JsonObject   *reply,
           const GError *error,
           gpointer      user_data)
{
  HallRosterPage *self = HALL_ROSTER_PAGE (page);

  if (reply == NULL)
    {
      _hall_form_set_error (GTK_WIDGET (self->error_label), GTK_WIDGET (self->error_label),
                            error->message);
      return;
    }
  g_clear_pointer (&self->roster, json_object_unref);
  self->roster = json_object_ref (reply);
  if (self->from == NULL)
    self->from = g_strdup (json_object_get_string_member_with_default (self->roster, "from", NULL));
  show_roster (self);
}

static void
users_cb (HallPage     *page,
          JsonObject   *reply,
          const GError *error,
          gpointer      user_data)
{
  HallRosterPage *self = HALL_ROSTER_PAGE (page);
  JsonArray      *users = reply ? json_object_get_array_member (reply, "users") : NULL;

  if (users == NULL)
    return;
  g_clear_pointer (&self->leaders, json_array_unref);
  self->leaders = json_array_new ();
  for (guint i = 0; i < json_array_get_length (users); i++)
    {
      JsonObject *user = json_array_get_object_element (users, i);
      JsonArray  *roles = json_object_get_array_member (user, "roles");

      if (json_object_get_boolean_member_with_default (user, "locked", FALSE))
        continue;
      for (guint j = 0; roles && j < json_array_get_length (roles); j++)
        if (g_strcmp0 (json_array_get_string_element (roles, j), "leader") == 0)
          {
            json_array_add_object_element (self->leaders, json_object_ref (user));
            break;
          }
    }
  hall_roster_page_update_actions (page);
}

/* Today is known: mark its row. */
static void
info_loaded (HallPage     *page,
             const GError *error)
{
  HallRosterPage *self = HALL_ROSTER_PAGE (page);

  if (error == NULL && self->roster != NULL)
    show_roster (self);
}

static void
hall_roster_page_refresh (HallPage *page)
{
  HallRosterPage *self = HALL_ROSTER_PAGE (page);
  g_autoptr (JsonObject) params = json_object_new ();

  if (self->info == NULL)
    _hall_info_load (page, &self->info, info_loaded);
  if (self->leaders == NULL)
    hall_page_load (page, "user.list", NULL, users_cb, NULL);
  if (self->from != NULL)
    json_object_set_string_member (params, "from", self->from);
  hall_page_load (page, "leader.roster", params, roster_cb, NULL);
}

static void
move_week (HallRosterPage *self,
           int             days)
{
  g_autoptr (GDateTime) from = parse_date (self->from);
  g_autoptr (GDateTime) moved = NULL;

  if (from == NULL)
    return;
  moved = g_date_time_add_days (from, days);
  g_free (self->from);
  self->from = g_date_time_format (moved, "%Y-%m-%d");
  hall_page_refresh (HALL_PAGE (self));
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  move_week (HALL_ROSTER_PAGE (widget), -7);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  move_week (HALL_ROSTER_PAGE (widget), 7);
}

/* The week (Monday to Sunday) of the day picked in the field above the roster. */
static void
week_chosen_cb (HallRosterPage *self)
{
  g_autoptr (GDateTime) day = parse_date (hall_date_row_get_date (self->week_row));
  g_autoptr (GDateTime) monday = NULL;

  if (day == NULL)
    return;
  monday = g_date_time_add_days (day, 1 - g_date_time_get_day_of_week (day));
  g_free (self->from);
  self->from = g_date_time_format (monday, "%Y-%m-%d");
  hall_page_refresh (HALL_PAGE (self));
}

static void
this_week_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HallRosterPage *self = HALL_ROSTER_PAGE (widget);

  g_clear_pointer (&self->from, g_free);
  hall_page_refresh (HALL_PAGE (self));
}

/* ---- changes ----------------------------------------------------------------------------- */

static void
send_duty (HallRosterPage *self,
           JsonObject     *params)
{
  _hall_manager_change_send (HALL_PAGE (self), "leader.duty", params, self->error_label,
                             &self->pending);
}

static void
dialog_response_cb (HallRosterPage *self,
                    const char     *response)
{
  g_autoptr (JsonObject) params = json_object_new ();

  json_object_set_string_member (params, "date", self->dialog_date);
  if (g_strcmp0 (response, "add") == 0)
    {
      guint            leader = adw_combo_row_get_selected (self->leader_row);
      g_autofree char *note = _hall_form_dup_text (self->note_row);

      if (leader >= self->leader_ids->len)
        return;
      json_object_set_int_member (params, "user_id",
                                  g_array_index (self->leader_ids, gint64, leader));
      json_object_set_string_member (
          params, "slot", slot_codes[MIN (adw_combo_row_get_selected (self->slot_row), 2)]);
      if (*note)
        json_object_set_string_member (params, "note", note);
      send_duty (self, params);
    }
  else if (g_strcmp0 (response, "remove") == 0)
    {
      json_object_set_int_member (params, "user_id", self->dialog_user_id);
      json_object_set_boolean_member (params, "clear", TRUE);
      send_duty (self, params);
    }
}

static GtkWidget *
new_dialog (HallRosterPage       *self,
            const char           *date,
            const char           *heading,
            const char           *body,
            const char           *response,
            const char           *response_label,
            AdwResponseAppearance appearance)
{
  g_free (self->dialog_date);
  self->dialog_date = g_strdup (date);
  return _hall_dialog_new (GTK_WIDGET (self), &self->dialog, heading, body, response,
                           response_label, appearance, G_CALLBACK (dialog_response_cb));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  HallRosterPage *self = HALL_ROSTER_PAGE (widget);
  const char     *date = g_variant_get_string (parameter, NULL);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr (GtkStringList) slots = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;
  GtkWidget       *dialog, *group;

  if (self->dialog != NULL || self->leaders == NULL)
    return;
  g_array_set_size (self->leader_ids, 0);
  for (guint i = 0; i < json_array_get_length (self->leaders); i++)
    {
      JsonObject *leader = json_array_get_object_element (self->leaders, i);
      gint64      id = json_object_get_int_member_with_default (leader, "id", 0);

      gtk_string_list_append (
          names, json_object_get_string_member_with_default (leader, "display_name", ""));
      g_array_append_val (self->leader_ids, id);
    }
  for (guint i = 0; i < G_N_ELEMENTS (slot_codes); i++)
    gtk_string_list_append (slots, _hall_manager_rows_duty_slot_label (slot_codes[i]));

  /* Translators: heading of the dialog that puts a leader on duty; %s is a date */
  heading = g_strdup_printf (_ ("Leader on Duty on %s"), date);
  dialog = new_dialog (self, date, heading,
                       self->leader_ids->len == 0
                           /* Translators: the roster dialog when no account has the leader role */
                           ? _ ("No account has the leader role. Ask the administrator to add one.")
                           : NULL,
                       /* Translators: confirms putting the leader on duty */
                       "add", _ ("_Add"), ADW_RESPONSE_SUGGESTED);
  group = adw_preferences_group_new ();
  self->leader_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->leader_row), "duty_leader");
  /* Translators: roster dialog field */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->leader_row), _ ("Leader"));
  adw_combo_row_set_model (self->leader_row, G_LIST_MODEL (names));
  self->slot_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->slot_row), "duty_slot");
  /* Translators: roster dialog field: full day, morning or afternoon */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->slot_row), _ ("Time"));
  adw_combo_row_set_model (self->slot_row, G_LIST_MODEL (slots));
  self->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->note_row), "duty_note");
  /* Translators: roster dialog field, e.g. the reception room */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _ ("Note (room, optional)"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->leader_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->slot_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->note_row));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "add",
                                           self->leader_ids->len > 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HallRosterPage  *self = HALL_ROSTER_PAGE (widget);
  const char      *date = NULL;
  gint64           user_id = 0;
  const char      *name = "";
  JsonArray       *days = self->roster ? json_object_get_array_member (self->roster, "days") : NULL;
  g_autofree char *body = NULL;
  GtkWidget       *dialog;

  if (self->dialog != NULL)
    return;
  g_variant_get (parameter, "(&sx)", &date, &user_id);
  for (guint i = 0; days && i < json_array_get_length (days); i++)
    {
      JsonObject *day = json_array_get_object_element (days, i);
      JsonArray  *leaders = json_object_get_array_member (day, "leaders");

      if (g_strcmp0 (json_object_get_string_member_with_default (day, "date", ""), date) != 0)
        continue;
      for (guint j = 0; leaders && j < json_array_get_length (leaders); j++)
        if (json_object_get_int_member_with_default (json_array_get_object_element (leaders, j),
                                                     "user_id", 0)
            == user_id)
          name = json_object_get_string_member_with_default (
              json_array_get_object_element (leaders, j), "display_name", "");
    }
  /* Translators: body of the dialog taking a leader off the roster; a leader's name and a date */
  body = g_strdup_printf (_ ("%s will no longer receive visitors on %s."), name, date);
  /* Translators: heading of the dialog taking a leader off the roster */
  dialog = new_dialog (self, date, _ ("Take the Leader off Duty?"), body,
                       /* Translators: confirms taking the leader off the roster */
                       "remove", _ ("_Take off Duty"), ADW_RESPONSE_DESTRUCTIVE);
  self->dialog_user_id = user_id;
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the client -------------------------------------------------------------------------- */

static void
hall_roster_page_event (HallPage   *page,
                        const char *kind,
                        JsonObject *event)
{
  HallRosterPage *self = HALL_ROSTER_PAGE (page);

  if (g_str_has_prefix (kind, "account."))
    g_clear_pointer (&self->leaders, json_array_unref);
  if (g_strcmp0 (kind, "leader.duty") == 0 || g_str_has_prefix (kind, "account."))
    hall_page_refresh (page);
}

/* Another hall perhaps: its leaders, its today and this week, and no change of the last one
 * under way. */
static void
client_changed_cb (HallRosterPage *self)
{
  self->pending = 0;
  g_clear_pointer (&self->leaders, json_array_unref);
  g_clear_pointer (&self->info, json_object_unref);
  g_clear_pointer (&self->from, g_free);
}

static void
hall_roster_page_dispose (GObject *object)
{
  HallRosterPage *self = HALL_ROSTER_PAGE (object);

  _hall_dialog_close (&self->dialog);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_ROSTER_PAGE);
  G_OBJECT_CLASS (hall_roster_page_parent_class)->dispose (object);
}

static void
hall_roster_page_finalize (GObject *object)
{
  HallRosterPage *self = HALL_ROSTER_PAGE (object);

  g_clear_pointer (&self->roster, json_object_unref);
  g_clear_pointer (&self->leaders, json_array_unref);
  g_clear_pointer (&self->info, json_object_unref);
  g_clear_pointer (&self->from, g_free);
  g_clear_pointer (&self->dialog_date, g_free);
  g_clear_pointer (&self->leader_ids, g_array_unref);
  G_OBJECT_CLASS (hall_roster_page_parent_class)->finalize (object);
}

static void
hall_roster_page_class_init (HallRosterPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_roster_page_dispose;
  object_class->finalize = hall_roster_page_finalize;
  page_class->refresh = hall_roster_page_refresh;
  page_class->event = hall_roster_page_event;
  page_class->update_actions = hall_roster_page_update_actions;

  g_type_ensure (HALL_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/manager/hall-roster-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallRosterPage, range_label);
  gtk_widget_class_bind_template_child (widget_class, HallRosterPage, week_row);
  gtk_widget_class_bind_template_callback (widget_class, week_chosen_cb);
  gtk_widget_class_bind_template_child (widget_class, HallRosterPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, HallRosterPage, days_list);

  gtk_widget_class_install_action (widget_class, "roster.add", "s", add_action);
  gtk_widget_class_install_action (widget_class, "roster.remove", "(sx)", remove_action);
  gtk_widget_class_install_action (widget_class, "roster.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "roster.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "roster.this-week", NULL, this_week_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "roster.previous",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK, "roster.next",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK, "roster.this-week",
                                       NULL);
}

static void
hall_roster_page_init (HallRosterPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->leader_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_signal_connect (self, "notify::client", G_CALLBACK (client_changed_cb), NULL);
  hall_roster_page_update_actions (HALL_PAGE (self));
}

GtkWidget *
hall_roster_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_ROSTER_PAGE, "client", client, NULL);
}

JsonObject *
hall_roster_page_get_roster (HallRosterPage *self)
{
  g_return_val_if_fail (HALL_IS_ROSTER_PAGE (self), NULL);
  return self->roster;
}

const char *
hall_roster_page_get_today (HallRosterPage *self)
{
  g_return_val_if_fail (HALL_IS_ROSTER_PAGE (self), NULL);
  return self->info != NULL ? json_object_get_string_member_with_default (self->info, "today", NULL)
                            : NULL;
}

gboolean
hall_roster_page_get_busy (HallRosterPage *self)
{
  g_return_val_if_fail (HALL_IS_ROSTER_PAGE (self), FALSE);
  return hall_page_is_loading (HALL_PAGE (self)) || self->pending > 0;
}

AdwMessageDialog *
hall_roster_page_get_dialog (HallRosterPage *self)
{
  g_return_val_if_fail (HALL_IS_ROSTER_PAGE (self), NULL);
  return self->dialog;
}
