/* hall-escalations-page.c — escalations in progress: those not received on their day, today's
 * duty leaders, the visitors waiting for each, and the receptions recorded today
 *
 * One refresh reads leader.today, then leader.queue for each leader on duty, then
 * leader.escalations (the lapsed ones, for the manager to escalate again or leave with their
 * department) and leader.receptions for today; it runs again after each leader
 * hall_escalations_page_event (a lapse or its follow-up among them), escalation, or ticket event of
 * the leaders' queue (several in a row cost one refresh). A visitor's matter opens in its own
 * window with the matter view.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-escalations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-dialog.h"
#include "hall-escalations-page.h"
#include "hall-form.h"
#include "hall-format.h"
#include "hall-info.h"
#include "hall-manager-rows.h"
#include "hall-matter-view.h"
#include "hall-rows.h"

struct _HallEscalationsPage
{
  HallPage parent_instance;

  JsonObject *data;    /* shown */
  JsonObject *reading; /* being read */
  guint       next_leader;
  GtkWindow  *matter_window;
  guint       pending;  /* follow-ups of lapsed escalations under way */
  GHashTable *failures; /* escalation id → why its last follow-up failed */

  AdwMessageDialog *dialog;
  gint64            dialog_escalation;
  AdwComboRow      *leader_row;
  GArray           *leader_ids;
  AdwEntryRow      *note_row;

  GtkLabel            *error_label;
  GtkLabel            *no_leader_label;
  AdwPreferencesGroup *lapsed_group;
  GtkListBox          *lapsed_list;
  GtkBox              *leaders_box;
  GtkListBox          *received_list;
};

G_DEFINE_FINAL_TYPE (HallEscalationsPage, hall_escalations_page, HALL_TYPE_PAGE)

static void read_next (HallEscalationsPage *self);

/* ---- showing ----------------------------------------------------------------------------- */

static GtkWidget *
visitor_row (JsonObject *visitor)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *code =
      gtk_label_new (json_object_get_string_member_with_default (visitor, "ticket_code", "—"));
  GtkWidget *badge;
  gboolean   called =
      g_strcmp0 (json_object_get_string_member_with_default (visitor, "state", ""), "called") == 0;
  gint64           persons = json_object_get_int_member_with_default (visitor, "persons", 1);
  gint64           matter_id = json_object_get_int_member_with_default (visitor, "matter_id", 0);
  g_autofree char *title = NULL;
  g_autofree char *since =
      _hall_format_clock (json_object_get_int_member_with_default (visitor, "escalated_at", 0));
  g_autoptr (GString) subtitle = g_string_new (NULL);
  const char *by = json_object_get_string_member_with_default (visitor, "escalated_by_name", "");
  const char *note = json_object_get_string_member_with_default (visitor, "note", NULL);

  /* Translators: an escalated visitor's matter, %s is its number */
  title = g_strdup_printf (
      _ ("Matter %s"), json_object_get_string_member_with_default (visitor, "matter_number", ""));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Translators: when and by whom a matter was escalated to the leader, "09:40 by 李静" */
  g_string_append_printf (subtitle, _ ("escalated %s by %s"), since, by);
  if (persons > 1)
    {
      g_autofree char *people = _hall_manager_rows_persons_label (persons);
      g_string_append_printf (subtitle, " · %s", people);
    }
  if (note != NULL && *note)
    g_string_append_printf (subtitle, " · %s", note);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_widget_add_css_class (code, "queue-code");
  gtk_widget_set_valign (code, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), code);

  badge = gtk_label_new (called ? _ ("Called in") : _ ("Waiting"));
  gtk_widget_add_css_class (badge, "state-badge");
  gtk_widget_add_css_class (badge, called ? "state-open" : "state-paused");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "escalations.open-matter");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", matter_id);
  return row;
}

static GtkWidget *
leader_group (JsonObject *leader)
{
  GtkWidget       *group = adw_preferences_group_new ();
  GtkWidget       *list = gtk_list_box_new ();
  GtkWidget       *empty;
  JsonArray       *visitors = json_object_get_array_member (leader, "visitors");
  guint            n = visitors ? json_array_get_length (visitors) : 0;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;
  const char      *note = json_object_get_string_member_with_default (leader, "note", NULL);

  title = g_strdup_printf ("%s · %s",
                           json_object_get_string_member_with_default (leader, "display_name", ""),
                           _hall_manager_rows_duty_slot_label (
                               json_object_get_string_member_with_default (leader, "slot", "day")));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  /* Translators: under a duty leader's name: visitors escalated to them not yet received */
  description = g_strdup_printf (
      g_dngettext (GETTEXT_PACKAGE, "%d visitor waiting", "%d visitors waiting", n), (int) n);
  if (note != NULL && *note)
    {
      g_autofree char *with_note = g_strdup_printf ("%s · %s", description, note);
      g_free (description);
      description = g_steal_pointer (&with_note);
    }
  if (!json_object_get_boolean_member_with_default (leader, "on_duty_now", TRUE))
    {
      /* Translators: the leader's duty slot is not now (a morning or afternoon slot) */
      g_autofree char *off = g_strdup_printf ("%s · %s", description, _ ("not receiving now"));
      g_free (description);
      description = g_steal_pointer (&off);
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  /* Translators: nobody waits for this leader */
  empty = gtk_label_new (_ ("Nobody is waiting for this leader."));
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_top (empty, 12);
  gtk_widget_set_margin_bottom (empty, 12);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), empty);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         visitor_row (json_array_get_object_element (visitors, i)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  return group;
}

static GtkWidget *
reception_row (JsonObject *reception)
{
  GtkWidget *row = adw_action_row_new ();
  JsonArray *departments = json_object_get_array_member (reception, "departments");
  g_autoptr (GString) subtitle =
      g_string_new (json_object_get_string_member_with_default (reception, "leader_name", ""));
  g_autofree char *title = NULL;
  const char      *deadline = json_object_get_string_member_with_default (reception, "deadline", NULL);

  title = g_strdup_printf (
      _ ("Matter %s"), json_object_get_string_member_with_default (reception, "matter_number", ""));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  for (guint i = 0; departments && i < json_array_get_length (departments); i++)
    {
      JsonNode *node = json_array_get_element (departments, i);

      if (JSON_NODE_HOLDS_OBJECT (node))
        g_string_append_printf (
            subtitle, "%s%s", i == 0 ? " → " : "、",
            json_object_get_string_member_with_default (json_node_get_object (node), "name", ""));
    }
  if (deadline != NULL && *deadline)
    /* Translators: the deadline the leader set for the departments */
    g_string_append_printf (subtitle, _ (" · due %s"), deadline);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "escalations.open-matter");
  gtk_actionable_set_action_target (
      GTK_ACTIONABLE (row), "x",
      json_object_get_int_member_with_default (reception, "matter_id", 0));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

/* The escalations not received on their day, oldest first, under a title that counts them. */
static void
show_lapsed (HallEscalationsPage *self)
{
  JsonArray       *escalations = json_object_get_array_member (self->data, "escalations");
  g_autofree char *title = NULL;
  guint            n = 0;

  _hall_rows_remove_all (self->lapsed_list);
  for (guint i = 0; escalations && i < json_array_get_length (escalations); i++)
    {
      JsonObject *escalation = json_array_get_object_element (escalations, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (escalation, "state", ""), "lapsed")
          != 0)
        continue;
      gint64 id = json_object_get_int_member_with_default (escalation, "id", 0);

      gtk_list_box_append (self->lapsed_list,
                           _hall_manager_rows_lapsed_escalation_new (
                               escalation, g_hash_table_lookup (self->failures, &id)));
      n++;
    }
  /* Translators: escalations page heading: escalations the leader did not receive on their day,
   * with how many there are */
  title = n > 0 ? g_strdup_printf (_ ("Not Received on Their Day (%u)"), n)
                : g_strdup (_ ("Not Received on Their Day"));
  adw_preferences_group_set_title (self->lapsed_group, title);
  adw_preferences_group_set_description (
      self->lapsed_group,
      /* Translators: escalations page: what to do with an escalation the leader
       * did not receive on its day */
      n > 0
          ? _ ("Escalate the matter again to today's duty leader, or leave it with its department.")
          : NULL);
}

static void
show_data (HallEscalationsPage *self)
{
  JsonArray *leaders = json_object_get_array_member (self->data, "leaders");
  JsonArray *receptions = json_object_get_array_member (self->data, "receptions");
  GtkWidget *child;

  show_lapsed (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->leaders_box))) != NULL)
    gtk_box_remove (self->leaders_box, child);
  _hall_rows_remove_all (self->received_list);
  for (guint i = 0; leaders && i < json_array_get_length (leaders); i++)
    gtk_box_append (self->leaders_box, leader_group (json_array_get_object_element (leaders, i)));
  for (guint i = 0; receptions && i < json_array_get_length (receptions); i++)
    gtk_list_box_append (self->received_list,
                         reception_row (json_array_get_object_element (receptions, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->no_leader_label),
                          leaders == NULL || json_array_get_length (leaders) == 0);
}

/* ---- reading ----------------------------------------------------------------------------- */

/* The first call that fails ends the refresh; the page goes on showing what it read before. */
static gboolean
read_failed (HallEscalationsPage *self,
             const GError        *error)
{
  if (error == NULL)
    return FALSE;
  _hall_form_set_error (GTK_WIDGET (self->error_label), GTK_WIDGET (self->error_label),
                        error->message);
  g_clear_pointer (&self->reading, json_object_unref);
  return TRUE;
}

/* A reply of the refresh: its array @user_data ("leaders", "visitors" of the leader read last,
 * "escalations", "receptions") goes where it belongs in what is being read, then the next call. */
static void
read_cb (HallPage     *page,
         JsonObject   *reply,
         const GError *error,
         gpointer      user_data)
{
  HallEscalationsPage *self = HALL_ESCALATIONS_PAGE (page);
  const char          *member = user_data;
  JsonArray           *array;
  JsonObject          *into = self->reading;

  if (read_failed (self, error))
    return;
  array =
      json_object_has_member (reply, member) ? json_object_get_array_member (reply, member) : NULL;
  if (g_str_equal (member, "visitors"))
    into = json_array_get_object_element (json_object_get_array_member (self->reading, "leaders"),
                                          self->next_leader - 1);
  json_object_set_array_member (into, member,
                                array != NULL ? json_array_ref (array) : json_array_new ());
  if (g_str_equal (member, "escalations"))
    json_object_set_int_member (self->reading, "lapsed",
                                json_object_get_int_member_with_default (reply, "lapsed", 0));
  read_next (self);
}

/* Today's leaders, one leader's queue after the other, the escalations in progress, today's
 * receptions: all calls of the one refresh; then the page shows them. */
static void
read_next (HallEscalationsPage *self)
{
  JsonArray *leaders = json_object_has_member (self->reading, "leaders")
                           ? json_object_get_array_member (self->reading, "leaders")
                           : NULL;

  if (leaders == NULL)
    hall_page_load (HALL_PAGE (self), "leader.today", NULL, read_cb, "leaders");
  else if (self->next_leader < json_array_get_length (leaders))
    {
      JsonObject *leader = json_array_get_object_element (leaders, self->next_leader++);
      g_autoptr (JsonObject) params = json_object_new ();

      json_object_set_int_member (params, "leader_user_id",
                                  json_object_get_int_member_with_default (leader, "user_id", 0));
      hall_page_load (HALL_PAGE (self), "leader.queue", params, read_cb, "visitors");
    }
  else if (!json_object_has_member (self->reading, "escalations"))
    hall_page_load (HALL_PAGE (self), "leader.escalations", NULL, read_cb, "escalations");
  else if (!json_object_has_member (self->reading, "receptions"))
    hall_page_load (HALL_PAGE (self), "leader.receptions", NULL, read_cb, "receptions");
  else
    {
      g_clear_pointer (&self->data, json_object_unref);
      self->data = g_steal_pointer (&self->reading);
      _hall_form_set_error (GTK_WIDGET (self->error_label), GTK_WIDGET (self->error_label), NULL);
      show_data (self);
    }
}

static void
hall_escalations_page_refresh (HallPage *page)
{
  HallEscalationsPage *self = HALL_ESCALATIONS_PAGE (page);

  g_clear_pointer (&self->reading, json_object_unref);
  self->reading = json_object_new ();
  self->next_leader = 0;
  read_next (self);
}

/* ---- actions ----------------------------------------------------------------------------- */

static void
open_matter_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HallEscalationsPage *self = HALL_ESCALATIONS_PAGE (widget);
  gint64               matter_id = g_variant_get_int64 (parameter);
  GtkWidget           *view, *box, *window;

  if (matter_id <= 0 || hall_page_get_client (HALL_PAGE (self)) == NULL)
    return;
  if (self->matter_window != NULL)
    {
      view = g_object_get_data (G_OBJECT (self->matter_window), "matter-view");
      hall_matter_view_set_matter_id (HALL_MATTER_VIEW (view), matter_id);
      gtk_window_present (self->matter_window);
      return;
    }
  window = adw_window_new ();
  /* Translators: title of the window showing one escalated matter */
  gtk_window_set_title (GTK_WINDOW (window), _ ("Escalated Matter"));
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 680);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (widget)));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  view = hall_matter_view_new (hall_page_get_client (HALL_PAGE (self)));
  g_object_bind_property (self, "client", view, "client", G_BINDING_DEFAULT);
  gtk_widget_set_vexpand (view, TRUE);
  hall_matter_view_set_matter_id (HALL_MATTER_VIEW (view), matter_id);
  gtk_box_append (GTK_BOX (box), view);
  adw_window_set_content (ADW_WINDOW (window), box);
  g_object_set_data (G_OBJECT (window), "matter-view", view);
  g_set_weak_pointer (&self->matter_window, GTK_WINDOW (window));
  gtk_window_present (GTK_WINDOW (window));
}

/* ---- following up a lapsed escalation ---------------------------------------------------- */

typedef struct
{
  HallEscalationsPage *self;
  gint64               escalation_id;
  char                *matter_number;
  gboolean             leave;
  gboolean             answered;
} FollowUp;

/* Runs for every follow-up sent, answered or given up on (the page is alive then). */
static void
follow_up_free (FollowUp *follow_up)
{
  if (!follow_up->answered)
    follow_up->self->pending--;
  g_free (follow_up->matter_number);
  g_free (follow_up);
}

/* Says how it went in a toast; a refusal ("no leader on duty today") leaves the row where it
 * was, saying why under it. */
static void
follow_up_cb (HallPage     *page,
              JsonObject   *reply,
              const GError *error,
              gpointer      user_data)
{
  FollowUp        *follow_up = user_data;
  g_autofree char *message = NULL;

  follow_up->answered = TRUE;
  follow_up->self->pending--;
  if (reply == NULL)
    g_hash_table_insert (follow_up->self->failures,
                         g_memdup2 (&follow_up->escalation_id, sizeof (gint64)),
                         g_strdup (error->message));
  else
    g_hash_table_remove (follow_up->self->failures, &follow_up->escalation_id);
  if (reply == NULL)
    message = g_strdup (error->message);
  else if (follow_up->leave)
    /* Translators: toast after a lapsed escalation was left with its department, %s the matter's
     * number */
    message = g_strdup_printf (_ ("Matter %s stays with its department"), follow_up->matter_number);
  else
    /* Translators: toast after a lapsed escalation was escalated again: the matter's number, the
     * leader */
    message = g_strdup_printf (
        _ ("Matter %s now waits for %s"), follow_up->matter_number,
        json_object_get_string_member_with_default (
            json_object_get_object_member (reply, "escalation"), "leader_name", ""));
  hall_page_toast (page, message);
  hall_page_update_actions (page);
  hall_page_refresh (page);
}

static void
follow_up_send (HallEscalationsPage *self,
                const char          *command,
                JsonObject          *params,
                JsonObject          *escalation)
{
  FollowUp *follow_up;

  if (!hall_page_is_online (HALL_PAGE (self)))
    return;
  follow_up = g_new0 (FollowUp, 1);
  follow_up->self = self;
  follow_up->escalation_id = json_object_get_int_member_with_default (escalation, "id", 0);
  follow_up->matter_number =
      g_strdup (json_object_get_string_member_with_default (escalation, "matter_number", ""));
  follow_up->leave = g_str_equal (command, "leader.escalation_leave");
  self->pending++;
  hall_page_update_actions (HALL_PAGE (self));
  hall_page_call_full (HALL_PAGE (self), command, params, follow_up_cb, follow_up,
                       (GDestroyNotify) follow_up_free);
}

/* The lapsed escalation @id as last read, or NULL. */
static JsonObject *
find_lapsed (HallEscalationsPage *self,
             gint64               id)
{
  JsonArray *escalations =
      self->data ? json_object_get_array_member (self->data, "escalations") : NULL;

  for (guint i = 0; escalations && i < json_array_get_length (escalations); i++)
    {
      JsonObject *escalation = json_array_get_object_element (escalations, i);

      if (json_object_get_int_member_with_default (escalation, "id", 0) == id
          && g_strcmp0 (json_object_get_string_member_with_default (escalation, "state", ""),
                        "lapsed")
                 == 0)
        return escalation;
    }
  return NULL;
}

static void
escalate_again (HallEscalationsPage *self,
                JsonObject          *escalation,
                gint64               leader_user_id)
{
  g_autoptr (JsonObject) params = json_object_new ();

  json_object_set_int_member (params, "matter_id",
                              json_object_get_int_member_with_default (escalation, "matter_id", 0));
  if (leader_user_id > 0)
    json_object_set_int_member (params, "leader_user_id", leader_user_id);
  follow_up_send (self, "matter.escalate", params, escalation);
}

static void
escalate_response_cb (HallEscalationsPage *self,
                      const char          *response)
{
  JsonObject *escalation = find_lapsed (self, self->dialog_escalation);

  if (g_str_equal (response, "escalate") && escalation != NULL)
    escalate_again (self, escalation, _hall_info_combo_get_id (self->leader_row, self->leader_ids));
}

/* With one leader on duty today (or none: the hall says why it cannot be done) the matter goes
 * straight to them; with several, the manager chooses, offered the one receiving now with the
 * fewest visitors waiting. */
static void
escalate_again_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HallEscalationsPage *self = HALL_ESCALATIONS_PAGE (widget);
  JsonObject          *escalation = find_lapsed (self, g_variant_get_int64 (parameter));
  JsonArray           *leaders = json_object_get_array_member (self->data, "leaders");
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *body = NULL;
  GtkWidget       *dialog, *list;
  guint            selected = 0;
  gint64           fewest = G_MAXINT64;

  if (escalation == NULL)
    return;
  if (leaders == NULL || json_array_get_length (leaders) < 2)
    {
      escalate_again (self, escalation, 0);
      return;
    }
  g_array_set_size (self->leader_ids, 0);
  for (guint i = 0; i < json_array_get_length (leaders); i++)
    {
      JsonObject      *leader = json_array_get_object_element (leaders, i);
      gint64           id = json_object_get_int_member_with_default (leader, "user_id", 0);
      g_autofree char *name = g_strdup_printf (
          "%s · %s", json_object_get_string_member_with_default (leader, "display_name", ""),
          _hall_manager_rows_duty_slot_label (
              json_object_get_string_member_with_default (leader, "slot", "day")));

      gint64 waiting = json_object_get_int_member_with_default (leader, "waiting", 0);

      if (json_object_get_boolean_member_with_default (leader, "on_duty_now", FALSE)
          && waiting < fewest)
        {
          selected = i;
          fewest = waiting;
        }
      gtk_string_list_append (names, name);
      g_array_append_val (self->leader_ids, id);
    }
  _hall_dialog_close (&self->dialog);
  self->dialog_escalation = json_object_get_int_member_with_default (escalation, "id", 0);
  /* Translators: asked before a lapsed escalation goes to one of today's duty leaders; %s the
   * matter's number */
  body = g_strdup_printf (
      _ ("Matter %s was not received on its day. Which of today's duty leaders should receive it?"),
      json_object_get_string_member_with_default (escalation, "matter_number", ""));
  /* Translators: heading of the dialog that escalates a lapsed escalation's matter again */
  dialog =
      _hall_dialog_new (GTK_WIDGET (self), &self->dialog, _ ("Escalate Again?"), body, "escalate",
                        _ ("_Escalate"), ADW_RESPONSE_SUGGESTED, G_CALLBACK (escalate_response_cb));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->leader_row = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->leader_row), "again_leader");
  /* Translators: the dialog's choice of today's duty leader */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->leader_row), _ ("Duty Leader"));
  adw_combo_row_set_model (self->leader_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->leader_row, selected);
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->leader_row));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
leave_response_cb (HallEscalationsPage *self,
                   const char          *response)
{
  JsonObject *escalation = find_lapsed (self, self->dialog_escalation);
  g_autoptr (JsonObject) params = json_object_new ();
  g_autofree char *note = _hall_form_dup_text (self->note_row);

  if (!g_str_equal (response, "leave") || escalation == NULL)
    return;
  json_object_set_int_member (params, "escalation_id", self->dialog_escalation);
  if (*note)
    json_object_set_string_member (params, "note", note);
  follow_up_send (self, "leader.escalation_leave", params, escalation);
}

/* Ends the escalation, so it asks first, with room for a note on why. */
static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HallEscalationsPage *self = HALL_ESCALATIONS_PAGE (widget);
  JsonObject          *escalation = find_lapsed (self, g_variant_get_int64 (parameter));
  g_autofree char     *body = NULL;
  GtkWidget           *dialog, *list;

  if (escalation == NULL)
    return;
  _hall_dialog_close (&self->dialog);
  self->dialog_escalation = json_object_get_int_member_with_default (escalation, "id", 0);
  /* Translators: asked before a lapsed escalation is left with its department: the matter's number,
   * the department */
  body = g_strdup_printf (
      _ ("No leader will receive matter %s: %s goes on handling it, and the escalation ends."),
      json_object_get_string_member_with_default (escalation, "matter_number", ""),
      json_object_get_string_member_with_default (escalation, "department_name", ""));
  /* Translators: heading of the dialog that leaves a lapsed escalation's matter with its department
   */
  dialog = _hall_dialog_new (
      GTK_WIDGET (self), &self->dialog, _ ("Leave with Department?"), body, "leave",
      /* Translators: the dialog's button */
      _ ("_Leave with Department"), ADW_RESPONSE_SUGGESTED, G_CALLBACK (leave_response_cb));
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->note_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->note_row), "leave_note");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _ ("Note (optional)"));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->note_row));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  hall_page_refresh (HALL_PAGE (widget));
}

/* ---- the client -------------------------------------------------------------------------- */

static void
hall_escalations_page_event (HallPage   *page,
                             const char *kind,
                             JsonObject *event)
{
  if (g_str_has_prefix (kind, "leader.") || g_strcmp0 (kind, "matter.escalated") == 0
      || (g_str_has_prefix (kind, "ticket.")
          && g_strcmp0 (json_object_get_string_member_with_default (event, "queue", ""), "leader")
                 == 0))
    hall_page_refresh (page);
}

static void
hall_escalations_page_update_actions (HallPage *page)
{
  gboolean online = hall_page_is_online (page);
  gboolean idle = HALL_ESCALATIONS_PAGE (page)->pending == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (page), "escalations.refresh", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (page), "escalations.escalate-again", online && idle);
  gtk_widget_action_set_enabled (GTK_WIDGET (page), "escalations.leave", online && idle);
}

static void
hall_escalations_page_dispose (GObject *object)
{
  HallEscalationsPage *self = HALL_ESCALATIONS_PAGE (object);

  if (self->matter_window != NULL)
    gtk_window_destroy (self->matter_window);
  g_clear_weak_pointer (&self->matter_window);
  _hall_dialog_close (&self->dialog);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_ESCALATIONS_PAGE);
  G_OBJECT_CLASS (hall_escalations_page_parent_class)->dispose (object);
}

static void
hall_escalations_page_finalize (GObject *object)
{
  HallEscalationsPage *self = HALL_ESCALATIONS_PAGE (object);

  g_clear_pointer (&self->data, json_object_unref);
  g_clear_pointer (&self->reading, json_object_unref);
  g_clear_pointer (&self->leader_ids, g_array_unref);
  g_clear_pointer (&self->failures, g_hash_table_unref);
  G_OBJECT_CLASS (hall_escalations_page_parent_class)->finalize (object);
}

static void
hall_escalations_page_class_init (HallEscalationsPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_escalations_page_dispose;
  object_class->finalize = hall_escalations_page_finalize;
  page_class->refresh = hall_escalations_page_refresh;
  page_class->event = hall_escalations_page_event;
  page_class->update_actions = hall_escalations_page_update_actions;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/manager/hall-escalations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallEscalationsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, HallEscalationsPage, no_leader_label);
  gtk_widget_class_bind_template_child (widget_class, HallEscalationsPage, lapsed_group);
  gtk_widget_class_bind_template_child (widget_class, HallEscalationsPage, lapsed_list);
  gtk_widget_class_bind_template_child (widget_class, HallEscalationsPage, leaders_box);
  gtk_widget_class_bind_template_child (widget_class, HallEscalationsPage, received_list);

  gtk_widget_class_install_action (widget_class, "escalations.open-matter", "x",
                                   open_matter_action);
  gtk_widget_class_install_action (widget_class, "escalations.escalate-again", "x",
                                   escalate_again_action);
  gtk_widget_class_install_action (widget_class, "escalations.leave", "x", leave_action);
  gtk_widget_class_install_action (widget_class, "escalations.refresh", NULL, refresh_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "escalations.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "escalations.refresh", NULL);
}

static void
hall_escalations_page_init (HallEscalationsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->leader_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->failures = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  hall_escalations_page_update_actions (HALL_PAGE (self));
}

GtkWidget *
hall_escalations_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_ESCALATIONS_PAGE, "client", client, NULL);
}

JsonObject *
hall_escalations_page_get_data (HallEscalationsPage *self)
{
  g_return_val_if_fail (HALL_IS_ESCALATIONS_PAGE (self), NULL);
  return self->data;
}

gboolean
hall_escalations_page_get_busy (HallEscalationsPage *self)
{
  g_return_val_if_fail (HALL_IS_ESCALATIONS_PAGE (self), FALSE);
  return hall_page_is_loading (HALL_PAGE (self)) || self->pending > 0;
}

AdwMessageDialog *
hall_escalations_page_get_dialog (HallEscalationsPage *self)
{
  g_return_val_if_fail (HALL_IS_ESCALATIONS_PAGE (self), NULL);
  return self->dialog;
}

GtkWindow *
hall_escalations_page_get_matter_window (HallEscalationsPage *self)
{
  g_return_val_if_fail (HALL_IS_ESCALATIONS_PAGE (self), NULL);
  return self->matter_window;
}
