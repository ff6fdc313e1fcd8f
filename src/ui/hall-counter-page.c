/* hall-counter-page.c — the window clerk's counter
 *
 * Reads hall.snapshot (the counter) and ticket.list (its visitors) once, then again after each
 * ticket or counter event (several in a row cost one read) and after a reconnect. Every action is
 * a widget action with a key, so the counter is worked from the keyboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-counter-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-board-item.h"
#include "hall-counter-page-private.h"
#include "hall-matter-form.h"
#include "hall-matter-format.h"
#include "hall-matter-view.h"
#include "hall-ui-util.h"


G_DEFINE_FINAL_TYPE (HallCounterPage, hall_counter_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


gint64
_hall_counter_page_counter_id (HallCounterPage *self)
{
  return self->client != NULL ? hall_client_get_counter_id (self->client) : 0;
}

const char *
_hall_counter_page_string (JsonObject *object,
                           const char *member)
{
  if (object == NULL || !json_object_has_member (object, member) || json_object_get_null_member (object, member))
    return NULL;
  return json_object_get_string_member_with_default (object, member, NULL);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static const char *
counter_state_label (const char *state)
{
  if (g_strcmp0 (state, "open") == 0)
    return C_("counter state", "Open");
  if (g_strcmp0 (state, "paused") == 0)
    return C_("counter state", "Paused");
  return C_("counter state", "Closed");
}

void
_hall_counter_page_show_person (HallCounterPage *self)
{
  JsonObject *person = self->current != NULL
                         && json_object_get_int_member_with_default (self->current, "id", 0) == self->person_ticket_id
                         ? self->person : NULL;
  JsonArray *matters = person ? json_object_get_array_member (person, "matters") : NULL;
  JsonArray *visits = person ? json_object_get_array_member (person, "visits") : NULL;
  gint64 ticket_id = self->current ? json_object_get_int_member_with_default (self->current, "id", 0) : 0;
  gint64 visit_number = person ? json_object_get_int_member_with_default (person, "repeat_count", 0) + 1 : 0;
  guint n_earlier = 0;

  /* A person registered with this ticket at triage has this visit on record already. */
  for (guint i = 0; visits != NULL && i < json_array_get_length (visits); i++)
    if (json_object_get_int_member_with_default (json_array_get_object_element (visits, i), "ticket_id", 0) == ticket_id)
      visit_number--;
  for (guint i = 0; matters != NULL && i < json_array_get_length (matters); i++)
    if (json_object_get_int_member_with_default (json_array_get_object_element (matters, i), "ticket_id", 0) != ticket_id)
      n_earlier++;

  clear_list (self->earlier_list);
  gtk_widget_set_visible (GTK_WIDGET (self->petitioner_label), person != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_badge), person != NULL && visit_number > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->earlier_list), n_earlier > 0);
  if (person == NULL)
    return;
  {
    /* Translators: the repeat-visit badge: 第 N 次来访 */
    g_autofree char *badge = g_strdup_printf (_("Visit no. %d"), (int) visit_number);
    g_autofree char *who = g_strdup_printf ("%s · %s", _hall_counter_page_string (person, "name") ?: "", _hall_counter_page_string (person, "id_number") ?: "");
    gtk_label_set_text (self->repeat_badge, badge);
    gtk_label_set_text (self->petitioner_label, who);
  }
  for (guint i = 0; matters != NULL && i < json_array_get_length (matters); i++)
    {
      JsonObject *m = json_array_get_object_element (matters, i);
      GtkWidget *row;

      if (json_object_get_int_member_with_default (m, "ticket_id", 0) == ticket_id)
        continue;
      row = adw_action_row_new ();
      g_autofree char *subtitle = g_strdup_printf ("%s · %s · %s", _hall_counter_page_string (m, "received_date") ?: "",
                                                   _hall_mf_state_label (_hall_counter_page_string (m, "state")),
                                                   _hall_counter_page_string (m, "department_name") ?: "");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _hall_counter_page_string (m, "number") ?: "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data (G_OBJECT (row), "matter-id", GINT_TO_POINTER ((int) json_object_get_int_member (m, "id")));
      gtk_list_box_append (self->earlier_list, row);
    }
}

static void
show_state (HallCounterPage *self)
{
  const char *state = _hall_counter_page_string (self->counter, "state");
  JsonArray *departments = self->counter ? json_object_get_array_member (self->counter, "departments") : NULL;
  g_autoptr (GString) title = g_string_new (NULL);
  g_autofree char *heading = NULL;
  guint n_waiting = g_list_model_get_n_items (G_LIST_MODEL (self->waiting));

  if (self->counter == NULL)
    return;
  g_string_append (title, _hall_counter_page_string (self->counter, "name") ?: "");
  for (guint i = 0; departments != NULL && i < json_array_get_length (departments); i++)
    g_string_append_printf (title, "%s%s", i == 0 ? " · " : "、",
                            json_object_get_string_member (json_array_get_object_element (departments, i), "name"));
  gtk_label_set_text (self->counter_title, title->str);
  if (g_strcmp0 (state, "paused") == 0 && _hall_counter_page_string (self->counter, "pause_reason") != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s: %s", counter_state_label (state), _hall_counter_page_string (self->counter, "pause_reason"));
      gtk_label_set_text (self->counter_state, text);
    }
  else
    gtk_label_set_text (self->counter_state, counter_state_label (state));
  gtk_widget_set_css_classes (GTK_WIDGET (self->counter_state),
                              (const char *[]) { "state-badge", g_strcmp0 (state, "open") == 0 ? "state-open"
                                                 : g_strcmp0 (state, "paused") == 0 ? "state-paused" : "state-closed",
                                                 NULL });
  /* Translators: heading of the window's waiting list */
  heading = g_strdup_printf (_("Waiting (%u)"), n_waiting);
  gtk_label_set_text (self->waiting_heading, heading);

  if (self->current != NULL)
    {
      gint64 waited = json_object_get_int_member_with_default (self->current, "called_at", 0)
                      - json_object_get_int_member_with_default (self->current, "arrived_at", 0);
      g_autofree char *duration = _hall_format_minutes (MAX (waited, 0));
      gint64 persons = json_object_get_int_member_with_default (self->current, "persons", 1);
      g_autofree char *details = NULL;
      const char *priority = _hall_counter_page_string (self->current, "priority");

      gtk_label_set_text (self->ticket_code, _hall_counter_page_string (self->current, "code"));
      gtk_label_set_text (self->ticket_state, _hall_mf_ticket_state_label (_hall_counter_page_string (self->current, "state")));
      gtk_widget_set_visible (GTK_WIDGET (self->ticket_state), TRUE);
      /* Translators: the visitor at the window: department, how long they waited, how many came */
      details = g_strdup_printf (_("%s · waited %s · %d people%s%s"), _hall_counter_page_string (self->current, "department_name") ?: "",
                                 duration, (int) persons,
                                 g_strcmp0 (priority, "normal") != 0 && priority ? " · " : "",
                                 g_strcmp0 (priority, "collective") == 0 ? _("collective visit")
                                 : g_strcmp0 (priority, "priority") == 0 ? _("priority") : "");
      gtk_label_set_text (self->ticket_details, details);
    }
  else
    {
      gtk_label_set_text (self->ticket_code, "—");
      gtk_widget_set_visible (GTK_WIDGET (self->ticket_state), FALSE);
      gtk_label_set_text (self->ticket_details,
                          g_strcmp0 (state, "open") == 0 ? _("Nobody at the window. Call the next visitor with F2.")
                                                         : _("Open the window to call visitors."));
    }
  _hall_counter_page_show_person (self);
}

static void
update_waiting (HallCounterPage *self,
                JsonArray       *tickets,
                gint64           now)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 me = _hall_counter_page_counter_id (self);

  g_clear_pointer (&self->current, json_object_unref);
  for (guint i = 0; tickets != NULL && i < json_array_get_length (tickets); i++)
    {
      JsonObject *ticket = json_array_get_object_element (tickets, i);
      const char *state = _hall_counter_page_string (ticket, "state");

      if ((g_strcmp0 (state, "called") == 0 || g_strcmp0 (state, "serving") == 0)
          && json_object_get_int_member_with_default (ticket, "counter_id", 0) == me)
        self->current = json_object_ref (ticket);
      else if (g_strcmp0 (state, "waiting") == 0)
        g_ptr_array_add (items, hall_board_item_new (ticket, now));
    }
  g_list_store_splice (self->waiting, 0, g_list_model_get_n_items (G_LIST_MODEL (self->waiting)), items->pdata,
                       items->len);
}

static void
person_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (HallCounterPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);
  gint64 ticket_id = self->lookup_ticket_id;
  JsonArray *persons;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->lookup_ticket_id = 0;
  if (reply == NULL)
    {
      g_debug ("petitioner.lookup: %s", error->message);
      return;
    }
  persons = json_object_get_array_member (reply, "persons");
  if (self->current == NULL || json_object_get_int_member_with_default (self->current, "id", 0) != ticket_id
      || persons == NULL || json_array_get_length (persons) == 0)
    return;
  g_clear_pointer (&self->person, json_object_unref);
  self->person = json_object_ref (json_array_get_object_element (persons, 0));
  self->person_ticket_id = ticket_id;
  _hall_counter_page_show_person (self);
}

/* The visitor registered at triage: name them on the card (an audited read). */
static void
look_up_person (HallCounterPage *self)
{
  g_autoptr (JsonObject) params = NULL;
  gint64 ticket_id, petitioner_id;

  if (self->current == NULL)
    return;
  ticket_id = json_object_get_int_member_with_default (self->current, "id", 0);
  petitioner_id = json_object_has_member (self->current, "petitioner_id")
                    && !json_object_get_null_member (self->current, "petitioner_id")
                    ? json_object_get_int_member (self->current, "petitioner_id") : 0;
  if (petitioner_id <= 0 || ticket_id == self->person_ticket_id || ticket_id == self->lookup_ticket_id)
    return;
  params = json_object_new ();
  json_object_set_int_member (params, "petitioner_id", petitioner_id);
  self->lookup_ticket_id = ticket_id;
  hall_client_call_async (self->client, "petitioner.lookup", params, self->cancellable, person_cb, g_object_ref (self));
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (HallCounterPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (reply != NULL)
    {
      update_waiting (self, json_object_get_array_member (reply, "tickets"),
                      json_object_get_int_member_with_default (self->snapshot, "now", g_get_real_time () / G_USEC_PER_SEC));
      show_state (self);
      look_up_person (self);
    }
  else
    g_debug ("ticket.list: %s", error->message);
  _hall_counter_page_update_actions (self);
  if (self->dirty)
    _hall_counter_page_refresh (self);
}

static void
snapshot_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (HallCounterPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) snapshot = hall_client_call_finish (HALL_CLIENT (object), result, &error);
  g_autoptr (JsonObject) params = json_object_new ();
  JsonArray *counters;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (snapshot == NULL)
    {
      g_debug ("hall.snapshot: %s", error->message);
      self->loading = FALSE;
      if (self->dirty)
        _hall_counter_page_refresh (self);
      return;
    }
  g_clear_pointer (&self->snapshot, json_object_unref);
  self->snapshot = json_object_ref (snapshot);
  counters = json_object_get_array_member (snapshot, "counters");
  g_clear_pointer (&self->counter, json_object_unref);
  for (guint i = 0; counters != NULL && i < json_array_get_length (counters); i++)
    if (json_object_get_int_member (json_array_get_object_element (counters, i), "id") == _hall_counter_page_counter_id (self))
      self->counter = json_object_ref (json_array_get_object_element (counters, i));
  show_state (self);
  _hall_counter_page_update_actions (self);
  json_object_set_int_member (params, "counter_id", _hall_counter_page_counter_id (self));
  hall_client_call_async (self->client, "ticket.list", params, self->cancellable, list_cb, g_object_ref (self));
}

static void
info_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (HallCounterPage) self = user_data;
  g_autoptr (JsonObject) info = hall_client_call_finish (HALL_CLIENT (object), result, NULL);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  if (info == NULL)
    return;
  g_clear_pointer (&self->counters, json_array_unref);
  g_clear_pointer (&self->departments, json_array_unref);
  self->counters = json_array_ref (json_object_get_array_member (info, "counters"));
  self->departments = json_array_ref (json_object_get_array_member (info, "departments"));
  for (guint i = 0; i < json_array_get_length (self->counters); i++)
    gtk_string_list_append (names, json_object_get_string_member (json_array_get_object_element (self->counters, i), "name"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->choose_row), G_LIST_MODEL (names));
}

void
_hall_counter_page_refresh (HallCounterPage *self)
{
  if (self->client == NULL || !hall_client_is_signed_in (self->client))
    return;
  if (self->counters == NULL)
    hall_client_call_async (self->client, "hall.info", NULL, self->cancellable, info_cb, g_object_ref (self));
  if (_hall_counter_page_counter_id (self) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "no-counter");
      _hall_counter_page_update_actions (self);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "counter");
  if (self->loading)
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  self->loading = TRUE;
  hall_client_call_async (self->client, "hall.snapshot", NULL, self->cancellable, snapshot_cb, g_object_ref (self));
}

void
_hall_counter_page_update_actions (HallCounterPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean connected = self->client != NULL && hall_client_get_connected (self->client);
  gboolean ready = connected && !self->busy && self->counter != NULL;
  const char *state = _hall_counter_page_string (self->counter, "state");
  const char *ticket = _hall_counter_page_string (self->current, "state");
  gboolean open = g_strcmp0 (state, "open") == 0;
  gboolean paused = g_strcmp0 (state, "paused") == 0;

  gtk_widget_set_visible (self->open_button, !open && !paused);
  gtk_widget_set_visible (self->pause_button, open);
  gtk_widget_set_visible (self->resume_button, paused);
  gtk_widget_set_visible (self->close_button, open || paused);
  gtk_widget_action_set_enabled (widget, "counter.open", ready && !open && !paused);
  gtk_widget_action_set_enabled (widget, "counter.pause", ready && open);
  gtk_widget_action_set_enabled (widget, "counter.resume", ready && paused);
  gtk_widget_action_set_enabled (widget, "counter.close", ready && (open || paused) && self->current == NULL);
  gtk_widget_action_set_enabled (widget, "counter.call-next", ready && open && self->current == NULL);
  gtk_widget_action_set_enabled (widget, "counter.recall", ready && g_strcmp0 (ticket, "called") == 0);
  gtk_widget_action_set_enabled (widget, "counter.start", ready && g_strcmp0 (ticket, "called") == 0);
  gtk_widget_action_set_enabled (widget, "counter.no-show", ready && g_strcmp0 (ticket, "called") == 0);
  gtk_widget_action_set_enabled (widget, "counter.hold", ready && self->current != NULL);
  gtk_widget_action_set_enabled (widget, "counter.transfer", ready && self->current != NULL);
  gtk_widget_action_set_enabled (widget, "counter.finish", ready && self->current != NULL);
  gtk_widget_action_set_enabled (widget, "counter.escalate", ready && _hall_counter_page_current_matter (self) > 0);
  gtk_widget_action_set_enabled (widget, "counter.register", connected);
  gtk_widget_action_set_enabled (widget, "counter.form-apply", connected && !self->busy && self->form != NULL);
  gtk_widget_action_set_enabled (widget, "counter.form-cancel", self->form != NULL);
  gtk_widget_action_set_enabled (widget, "counter.choose", connected && !self->busy);
}

gint64
_hall_counter_page_current_matter (HallCounterPage *self)
{
  if (self->current == NULL || !json_object_has_member (self->current, "matter_id")
      || json_object_get_null_member (self->current, "matter_id"))
    return 0;
  return json_object_get_int_member (self->current, "matter_id");
}

void
_hall_counter_page_close_form (HallCounterPage *self)
{
  self->form = NULL;
  self->form_group = NULL;
  gtk_revealer_set_reveal_child (self->form_revealer, FALSE);
  adw_bin_set_child (self->form_bin, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
  _hall_counter_page_update_actions (self);
}

static void
petitioner_found_cb (HallCounterPage *self,
                     JsonObject      *person)
{
  g_clear_pointer (&self->person, json_object_unref);
  self->person = json_object_ref (person);
  self->person_ticket_id = self->current ? json_object_get_int_member (self->current, "id") : 0;
  _hall_counter_page_show_person (self);
}

static void
earlier_row_activated_cb (HallCounterPage *self,
                          GtkListBoxRow   *row)
{
  gint64 matter_id = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "matter-id"));
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *view = hall_matter_view_new (self->client);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), view);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_set_title (GTK_WINDOW (window), _("Earlier Matter"));
  gtk_window_set_default_size (GTK_WINDOW (window), 760, 680);
  if (GTK_IS_WINDOW (root))
    {
      gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
      gtk_window_set_modal (GTK_WINDOW (window), TRUE);
    }
  hall_matter_view_set_matter_id (HALL_MATTER_VIEW (view), matter_id);
  gtk_window_present (GTK_WINDOW (window));
}

static GtkWidget *
create_waiting_row (gpointer item,
                    gpointer user_data)
{
  JsonObject *ticket = hall_board_item_get_data (item);
  GtkWidget *row = adw_action_row_new ();
  gint64 wait = json_object_get_int_member_with_default (ticket, "wait_seconds",
                                                         hall_board_item_get_now (item)
                                                         - json_object_get_int_member_with_default (ticket, "arrived_at", 0));
  g_autofree char *duration = _hall_format_minutes (wait);
  const char *priority = _hall_counter_page_string (ticket, "priority");
  g_autofree char *subtitle = NULL;

  /* Translators: a waiting visitor: department, how long they have waited, and a priority mark */
  subtitle = g_strdup_printf ("%s · %s%s%s", _hall_counter_page_string (ticket, "department_name") ?: "", duration,
                              g_strcmp0 (priority, "normal") != 0 && priority ? " · " : "",
                              g_strcmp0 (priority, "collective") == 0 ? _("collective visit")
                              : g_strcmp0 (priority, "priority") == 0 ? _("priority") : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _hall_counter_page_string (ticket, "code") ?: "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (json_object_get_boolean_member_with_default (ticket, "overdue", FALSE))
    {
      /* Translators: a waiting visitor past the hall's longest allowed wait */
      g_autofree char *over = g_strdup_printf ("%s · %s", subtitle, _("waiting too long"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), over);
      gtk_widget_add_css_class (row, "over-norm-row");
    }
  return row;
}

static void
event_cb (HallCounterPage *self,
          JsonObject      *event)
{
  const char *kind = json_object_get_string_member_with_default (event, "kind", "");

  if (g_str_has_prefix (kind, "ticket.") || g_str_has_prefix (kind, "counter.") || g_str_equal (kind, "setup.changed"))
    _hall_counter_page_refresh (self);
}

static void
connected_cb (HallCounterPage *self)
{
  _hall_counter_page_update_actions (self);
  if (self->client != NULL && hall_client_get_connected (self->client))
    _hall_counter_page_refresh (self);
}

static void
hall_counter_page_dispose (GObject *object)
{
  HallCounterPage *self = HALL_COUNTER_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client_signals != NULL)
    g_signal_group_set_target (self->client_signals, NULL);
  if (self->client_notify != NULL)
    g_signal_group_set_target (self->client_notify, NULL);
  g_clear_object (&self->client_signals);
  g_clear_object (&self->client_notify);
  g_clear_object (&self->client);
  self->form_group = NULL;
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_COUNTER_PAGE);
  G_OBJECT_CLASS (hall_counter_page_parent_class)->dispose (object);
}

static void
hall_counter_page_finalize (GObject *object)
{
  HallCounterPage *self = HALL_COUNTER_PAGE (object);

  g_clear_pointer (&self->counter, json_object_unref);
  g_clear_pointer (&self->current, json_object_unref);
  g_clear_pointer (&self->snapshot, json_object_unref);
  g_clear_pointer (&self->person, json_object_unref);
  g_clear_pointer (&self->counters, json_array_unref);
  g_clear_pointer (&self->departments, json_array_unref);
  g_clear_object (&self->waiting);
  G_OBJECT_CLASS (hall_counter_page_parent_class)->finalize (object);
}

static void
hall_counter_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, HALL_COUNTER_PAGE (object)->client);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_counter_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CLIENT:
      hall_counter_page_set_client (HALL_COUNTER_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_counter_page_class_init (HallCounterPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char *counter_actions[] = { "counter.open", "counter.pause", "counter.resume", "counter.close",
                                    "counter.call-next", "counter.recall", "counter.start", "counter.no-show",
                                    "counter.hold", "counter.transfer", "counter.finish", "counter.escalate" };

  object_class->dispose = hall_counter_page_dispose;
  object_class->finalize = hall_counter_page_finalize;
  object_class->get_property = hall_counter_page_get_property;
  object_class->set_property = hall_counter_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HALL_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HALL_TYPE_MATTER_FORM);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xinfanghall/Hall/ui/hall-counter-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, choose_group);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, counter_title);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, counter_state);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, open_button);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, pause_button);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, resume_button);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, close_button);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, form_revealer);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, form_title);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, form_error);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, form_bin);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, apply_button);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, visitor_card);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, ticket_code);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, ticket_state);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, repeat_badge);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, ticket_details);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, petitioner_label);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, earlier_list);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, register_revealer);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, show_matter_button);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, matter_form);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, waiting_heading);
  gtk_widget_class_bind_template_child (widget_class, HallCounterPage, waiting_list);
  gtk_widget_class_bind_template_callback_full (widget_class, "registered_cb", G_CALLBACK (_hall_counter_page_registered_cb));
  gtk_widget_class_bind_template_callback (widget_class, petitioner_found_cb);
  gtk_widget_class_bind_template_callback (widget_class, earlier_row_activated_cb);

  for (guint i = 0; i < G_N_ELEMENTS (counter_actions); i++)
    gtk_widget_class_install_action (widget_class, counter_actions[i], NULL, _hall_counter_page_counter_action);
  gtk_widget_class_install_action (widget_class, "counter.register", NULL, _hall_counter_page_register_action);
  gtk_widget_class_install_action (widget_class, "counter.form-apply", NULL, _hall_counter_page_form_apply_action);
  gtk_widget_class_install_action (widget_class, "counter.form-cancel", NULL, _hall_counter_page_form_cancel_action);
  gtk_widget_class_install_action (widget_class, "counter.choose", NULL, _hall_counter_page_choose_action);
  gtk_widget_class_install_action (widget_class, "counter.show-matter", NULL, _hall_counter_page_show_matter_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "counter.call-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, 0, "counter.recall", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F4, 0, "counter.start", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "counter.no-show", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "counter.hold", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F7, 0, "counter.transfer", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F8, 0, "counter.finish", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "counter.escalate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK, "counter.register", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "counter.form-cancel", NULL);
}

static void
hall_counter_page_init (HallCounterPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->waiting = g_list_store_new (HALL_TYPE_BOARD_ITEM);
  gtk_list_box_bind_model (self->waiting_list, G_LIST_MODEL (self->waiting), create_waiting_row, NULL, NULL);
  self->choose_row = adw_combo_row_new ();
  gtk_widget_set_name (self->choose_row, "choose_counter");
  /* Translators: the service window (窗口) a clerk works at */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->choose_row), _("Window"));
  adw_preferences_group_add (self->choose_group, self->choose_row);

  self->client_signals = g_signal_group_new (HALL_TYPE_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "event", G_CALLBACK (event_cb), self);
  self->client_notify = g_signal_group_new (G_TYPE_OBJECT);
  g_signal_group_connect_swapped (self->client_notify, "notify::connected", G_CALLBACK (connected_cb), self);
  g_signal_group_connect_swapped (self->client_notify, "notify::user", G_CALLBACK (connected_cb), self);
  g_signal_group_connect_swapped (self->client_notify, "notify::counter-id", G_CALLBACK (connected_cb), self);
  _hall_counter_page_update_actions (self);
}

GtkWidget *
hall_counter_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_COUNTER_PAGE, "client", client, NULL);
}

HallClient *
hall_counter_page_get_client (HallCounterPage *self)
{
  g_return_val_if_fail (HALL_IS_COUNTER_PAGE (self), NULL);
  return self->client;
}

void
hall_counter_page_set_client (HallCounterPage *self,
                              HallClient      *client)
{
  g_return_if_fail (HALL_IS_COUNTER_PAGE (self));
  g_return_if_fail (client == NULL || HALL_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = FALSE;
  g_signal_group_set_target (self->client_signals, client);
  g_signal_group_set_target (self->client_notify, client);
  hall_matter_form_set_client (self->matter_form, client);
  _hall_counter_page_update_actions (self);
  _hall_counter_page_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

JsonObject *
hall_counter_page_get_counter (HallCounterPage *self)
{
  g_return_val_if_fail (HALL_IS_COUNTER_PAGE (self), NULL);
  return self->counter;
}

JsonObject *
hall_counter_page_get_current (HallCounterPage *self)
{
  g_return_val_if_fail (HALL_IS_COUNTER_PAGE (self), NULL);
  return self->current;
}

GListModel *
hall_counter_page_get_waiting (HallCounterPage *self)
{
  g_return_val_if_fail (HALL_IS_COUNTER_PAGE (self), NULL);
  return G_LIST_MODEL (self->waiting);
}

GtkWidget *
hall_counter_page_get_matter_form (HallCounterPage *self)
{
  g_return_val_if_fail (HALL_IS_COUNTER_PAGE (self), NULL);
  return GTK_WIDGET (self->matter_form);
}
