/* hall-counter-page.c — the window clerk's counter
 *
 * Reads hall.snapshot (the counter) and ticket.list (its visitors) once, then again after each
 * ticket or counter hall_counter_page_event (several in a row cost one read), after a reconnect and
 * when the clerk's window changes. Every action is a widget action with a key, so the counter is
 * worked from the keyboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-counter-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-format.h"
#include "hall-json-item.h"
#include "hall-counter-page-private.h"
#include "hall-json.h"
#include "hall-labels.h"
#include "hall-matter-view.h"
#include "hall-rows.h"

G_DEFINE_FINAL_TYPE (HallCounterPage, hall_counter_page, HALL_TYPE_PAGE)

static gint64
counter_id (HallCounterPage *self)
{
  HallClient *client = hall_page_get_client (HALL_PAGE (self));

  return client != NULL ? hall_client_get_counter_id (client) : 0;
}

gint64
_hall_counter_page_current_matter (HallCounterPage *self)
{
  if (self->current == NULL || !json_object_has_member (self->current, "matter_id")
      || json_object_get_null_member (self->current, "matter_id"))
    return 0;
  return json_object_get_int_member (self->current, "matter_id");
}

/* What a ticket's priority says next to it, NULL for an ordinary one. */
static const char *
priority_label (JsonObject *ticket)
{
  const char *priority = _hall_json_string (ticket, "priority");

  if (g_strcmp0 (priority, "collective") == 0)
    return _ ("collective visit");
  if (g_strcmp0 (priority, "priority") == 0)
    return _ ("priority");
  return NULL;
}

static void
show_person (HallCounterPage *self)
{
  JsonObject *person = self->current != NULL
                               && json_object_get_int_member_with_default (self->current, "id", 0)
                                      == self->person_ticket_id
                           ? self->person
                           : NULL;
  JsonArray  *matters = person ? json_object_get_array_member (person, "matters") : NULL;
  JsonArray  *visits = person ? json_object_get_array_member (person, "visits") : NULL;
  gint64      ticket_id =
      self->current ? json_object_get_int_member_with_default (self->current, "id", 0) : 0;
  gint64 visit_number =
      person ? json_object_get_int_member_with_default (person, "repeat_count", 0) + 1 : 0;
  guint n_earlier = 0;

  /* A person registered with this ticket at triage has this visit on record already. */
  for (guint i = 0; visits != NULL && i < json_array_get_length (visits); i++)
    if (json_object_get_int_member_with_default (json_array_get_object_element (visits, i),
                                                 "ticket_id", 0)
        == ticket_id)
      visit_number--;
  for (guint i = 0; matters != NULL && i < json_array_get_length (matters); i++)
    if (json_object_get_int_member_with_default (json_array_get_object_element (matters, i),
                                                 "ticket_id", 0)
        != ticket_id)
      n_earlier++;

  _hall_rows_remove_all (self->earlier_list);
  gtk_widget_set_visible (GTK_WIDGET (self->petitioner_label), person != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_badge), person != NULL && visit_number > 1);
  gtk_widget_set_visible (GTK_WIDGET (self->earlier_list), n_earlier > 0);
  if (person == NULL)
    return;
  {
    /* Translators: the repeat-visit badge: 第 N 次来访 */
    g_autofree char *badge = g_strdup_printf (_ ("Visit no. %d"), (int) visit_number);
    g_autofree char *who = g_strdup_printf ("%s · %s", _hall_json_string (person, "name") ?: "",
                                            _hall_json_string (person, "id_number") ?: "");
    gtk_label_set_text (self->repeat_badge, badge);
    gtk_label_set_text (self->petitioner_label, who);
  }
  for (guint i = 0; matters != NULL && i < json_array_get_length (matters); i++)
    {
      JsonObject *m = json_array_get_object_element (matters, i);
      GtkWidget  *row;

      if (json_object_get_int_member_with_default (m, "ticket_id", 0) == ticket_id)
        continue;
      row = adw_action_row_new ();
      g_autofree char *subtitle =
          g_strdup_printf ("%s · %s · %s", _hall_json_string (m, "received_date") ?: "",
                           hall_label_state (_hall_json_string (m, "state")),
                           _hall_json_string (m, "department_name") ?: "");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _hall_json_string (m, "number") ?: "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "counter.show-earlier-matter");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x",
                                        json_object_get_int_member (m, "id"));
      gtk_list_box_append (self->earlier_list, row);
    }
}

static void
show_state (HallCounterPage *self)
{
  const char *state = _hall_json_string (self->counter, "state");
  JsonArray  *departments =
      self->counter ? json_object_get_array_member (self->counter, "departments") : NULL;
  g_autoptr (GString) title = g_string_new (NULL);
  g_autofree char *heading = NULL;
  guint            n_waiting = g_list_model_get_n_items (G_LIST_MODEL (self->waiting));

  if (self->counter == NULL)
    return;
  g_string_append (title, _hall_json_string (self->counter, "name") ?: "");
  for (guint i = 0; departments != NULL && i < json_array_get_length (departments); i++)
    g_string_append_printf (
        title, "%s%s", i == 0 ? " · " : "、",
        json_object_get_string_member (json_array_get_object_element (departments, i), "name"));
  gtk_label_set_text (self->counter_title, title->str);
  if (g_strcmp0 (state, "paused") == 0 && _hall_json_string (self->counter, "pause_reason") != NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s: %s", hall_label_counter_state (state),
                                               _hall_json_string (self->counter, "pause_reason"));
      gtk_label_set_text (self->counter_state, text);
    }
  else
    gtk_label_set_text (self->counter_state, hall_label_counter_state (state));
  gtk_widget_set_css_classes (
      GTK_WIDGET (self->counter_state),
      (const char *[]){ "state-badge", _hall_format_counter_state_class (state), NULL });
  /* Translators: heading of the window's waiting list */
  heading = g_strdup_printf (_ ("Waiting (%u)"), n_waiting);
  gtk_label_set_text (self->waiting_heading, heading);

  if (self->current != NULL)
    {
      gint64 waited = json_object_get_int_member_with_default (self->current, "called_at", 0)
                      - json_object_get_int_member_with_default (self->current, "arrived_at", 0);
      g_autofree char *duration = _hall_format_minutes (MAX (waited, 0));
      gint64           persons = json_object_get_int_member_with_default (self->current, "persons", 1);
      g_autofree char *details = NULL;
      const char      *priority = priority_label (self->current);

      gtk_label_set_text (self->ticket_code, _hall_json_string (self->current, "code"));
      gtk_label_set_text (self->ticket_state,
                          hall_label_ticket_state (_hall_json_string (self->current, "state")));
      gtk_widget_set_visible (GTK_WIDGET (self->ticket_state), TRUE);
      /* Translators: the visitor at the window: department, how long they waited, how many came */
      details = g_strdup_printf (_ ("%s · waited %s · %d people%s%s"),
                                 _hall_json_string (self->current, "department_name") ?: "",
                                 duration, (int) persons, priority ? " · " : "", priority ?: "");
      gtk_label_set_text (self->ticket_details, details);
    }
  else
    {
      gtk_label_set_text (self->ticket_code, "—");
      gtk_widget_set_visible (GTK_WIDGET (self->ticket_state), FALSE);
      gtk_label_set_text (self->ticket_details,
                          g_strcmp0 (state, "open") == 0
                              ? _ ("Nobody at the window. Call the next visitor with F2.")
                              : _ ("Open the window to call visitors."));
    }
  show_person (self);
}

static void
update_waiting (HallCounterPage *self,
                JsonArray       *tickets,
                gint64           now)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 me = counter_id (self);

  g_clear_pointer (&self->current, json_object_unref);
  for (guint i = 0; tickets != NULL && i < json_array_get_length (tickets); i++)
    {
      JsonObject *ticket = json_array_get_object_element (tickets, i);
      const char *state = _hall_json_string (ticket, "state");

      if ((g_strcmp0 (state, "called") == 0 || g_strcmp0 (state, "serving") == 0)
          && json_object_get_int_member_with_default (ticket, "counter_id", 0) == me)
        self->current = json_object_ref (ticket);
      else if (g_strcmp0 (state, "waiting") == 0)
        g_ptr_array_add (items, hall_json_item_new (ticket, now));
    }
  g_list_store_splice (self->waiting, 0, g_list_model_get_n_items (G_LIST_MODEL (self->waiting)),
                       items->pdata, items->len);
}

static void
hall_counter_page_update_actions (HallPage *page)
{
  HallCounterPage *self = HALL_COUNTER_PAGE (page);
  GtkWidget       *widget = GTK_WIDGET (self);
  gboolean         connected = hall_page_is_online (page);
  gboolean         form = hall_action_form_get_name (self->action_form) != NULL;
  gboolean         ready = connected && !self->busy && self->counter != NULL;
  const char      *state = _hall_json_string (self->counter, "state");
  const char      *ticket = _hall_json_string (self->current, "state");
  gboolean         open = g_strcmp0 (state, "open") == 0;
  gboolean         paused = g_strcmp0 (state, "paused") == 0;

  gtk_widget_set_visible (self->open_button, !open && !paused);
  gtk_widget_set_visible (self->pause_button, open);
  gtk_widget_set_visible (self->resume_button, paused);
  gtk_widget_set_visible (self->close_button, open || paused);
  gtk_widget_action_set_enabled (widget, "counter.open", ready && !open && !paused);
  gtk_widget_action_set_enabled (widget, "counter.pause", ready && open);
  gtk_widget_action_set_enabled (widget, "counter.resume", ready && paused);
  gtk_widget_action_set_enabled (widget, "counter.close",
                                 ready && (open || paused) && self->current == NULL);
  gtk_widget_action_set_enabled (widget, "counter.call-next",
                                 ready && open && self->current == NULL);
  gtk_widget_action_set_enabled (widget, "counter.recall",
                                 ready && g_strcmp0 (ticket, "called") == 0);
  gtk_widget_action_set_enabled (widget, "counter.start",
                                 ready && g_strcmp0 (ticket, "called") == 0);
  gtk_widget_action_set_enabled (widget, "counter.no-show",
                                 ready && g_strcmp0 (ticket, "called") == 0);
  gtk_widget_action_set_enabled (widget, "counter.hold", ready && self->current != NULL);
  gtk_widget_action_set_enabled (widget, "counter.transfer", ready && self->current != NULL);
  gtk_widget_action_set_enabled (widget, "counter.finish", ready && self->current != NULL);
  gtk_widget_action_set_enabled (widget, "counter.escalate",
                                 ready && _hall_counter_page_current_matter (self) > 0);
  gtk_widget_action_set_enabled (widget, "counter.register", connected);
  gtk_widget_action_set_enabled (widget, "counter.form-apply", connected && !self->busy && form);
  gtk_widget_action_set_enabled (widget, "counter.form-cancel", form);
  gtk_widget_action_set_enabled (widget, "counter.choose", connected && !self->busy);
}

/* An earlier matter of the visitor, in a window of its own over the counter. */
static void
show_earlier_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  GtkRoot   *root = gtk_widget_get_root (widget);
  GtkWidget *view;
  GtkWindow *window;

  view = hall_matter_view_new_in_window (
      GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, hall_page_get_client (HALL_PAGE (widget)),
      /* Translators: the window showing one of the visitor's earlier matters */
      _ ("Earlier Matter"));
  window = GTK_WINDOW (gtk_widget_get_root (view));
  gtk_window_set_modal (window, gtk_window_get_transient_for (window) != NULL);
  hall_matter_view_set_matter_id (HALL_MATTER_VIEW (view), g_variant_get_int64 (parameter));
  gtk_window_present (window);
}

static GtkWidget *
create_waiting_row (gpointer item,
                    gpointer user_data)
{
  JsonObject *ticket = hall_json_item_get_data (item);
  GtkWidget  *row = adw_action_row_new ();
  gint64      wait = json_object_get_int_member_with_default (
           ticket, "wait_seconds",
           hall_json_item_get_now (item)
               - json_object_get_int_member_with_default (ticket, "arrived_at", 0));
  g_autofree char *duration = _hall_format_minutes (wait);
  const char      *priority = priority_label (ticket);
  g_autofree char *subtitle = NULL;

  /* Translators: a waiting visitor: department, how long they have waited, and a priority mark */
  subtitle = g_strdup_printf ("%s · %s%s%s", _hall_json_string (ticket, "department_name") ?: "",
                              duration, priority ? " · " : "", priority ?: "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 _hall_json_string (ticket, "code") ?: "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (json_object_get_boolean_member_with_default (ticket, "overdue", FALSE))
    {
      /* Translators: a waiting visitor past the hall's longest allowed wait */
      g_autofree char *over = g_strdup_printf ("%s · %s", subtitle, _ ("waiting too long"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), over);
      gtk_widget_add_css_class (row, "over-norm-row");
    }
  return row;
}

static void
person_cb (HallPage     *page,
           JsonObject   *reply,
           const GError *error,
           gpointer      user_data)
{
  HallCounterPage *self = HALL_COUNTER_PAGE (page);
  gint64           ticket_id = self->lookup_ticket_id;
  JsonArray       *persons;

  self->lookup_ticket_id = 0;
  if (reply == NULL)
    {
      g_debug ("petitioner.lookup: %s", error->message);
      return;
    }
  persons = json_object_get_array_member (reply, "persons");
  if (self->current == NULL
      || json_object_get_int_member_with_default (self->current, "id", 0) != ticket_id
      || persons == NULL || json_array_get_length (persons) == 0)
    return;
  g_clear_pointer (&self->person, json_object_unref);
  self->person = json_object_ref (json_array_get_object_element (persons, 0));
  self->person_ticket_id = ticket_id;
  show_person (self);
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
                      ? json_object_get_int_member (self->current, "petitioner_id")
                      : 0;
  if (petitioner_id <= 0 || ticket_id == self->person_ticket_id
      || ticket_id == self->lookup_ticket_id)
    return;
  params = json_object_new ();
  json_object_set_int_member (params, "petitioner_id", petitioner_id);
  self->lookup_ticket_id = ticket_id;
  hall_page_call (HALL_PAGE (self), "petitioner.lookup", params, person_cb, NULL);
}

static void
list_cb (HallPage     *page,
         JsonObject   *reply,
         const GError *error,
         gpointer      user_data)
{
  HallCounterPage *self = HALL_COUNTER_PAGE (page);

  if (reply == NULL)
    {
      g_debug ("ticket.list: %s", error->message);
      return;
    }
  update_waiting (self, json_object_get_array_member (reply, "tickets"),
                  json_object_get_int_member_with_default (self->snapshot, "now",
                                                           g_get_real_time () / G_USEC_PER_SEC));
  show_state (self);
  look_up_person (self);
  hall_page_update_actions (page);
}

static void
snapshot_cb (HallPage     *page,
             JsonObject   *reply,
             const GError *error,
             gpointer      user_data)
{
  HallCounterPage *self = HALL_COUNTER_PAGE (page);
  g_autoptr (JsonObject) params = NULL;
  JsonArray *counters;

  if (reply == NULL)
    {
      g_debug ("hall.snapshot: %s", error->message);
      return;
    }
  g_clear_pointer (&self->snapshot, json_object_unref);
  self->snapshot = json_object_ref (reply);
  counters = json_object_get_array_member (reply, "counters");
  g_clear_pointer (&self->counter, json_object_unref);
  for (guint i = 0; counters != NULL && i < json_array_get_length (counters); i++)
    if (json_object_get_int_member (json_array_get_object_element (counters, i), "id")
        == counter_id (self))
      self->counter = json_object_ref (json_array_get_object_element (counters, i));
  show_state (self);
  hall_page_update_actions (page);
  params = json_object_new ();
  json_object_set_int_member (params, "counter_id", counter_id (self));
  hall_page_load (page, "ticket.list", params, list_cb, NULL);
}

static void
info_cb (HallPage     *page,
         JsonObject   *reply,
         const GError *error,
         gpointer      user_data)
{
  HallCounterPage *self = HALL_COUNTER_PAGE (page);
  g_autoptr (GtkStringList) names = gtk_string_list_new (NULL);

  if (reply == NULL)
    return;
  g_clear_pointer (&self->counters, json_array_unref);
  g_clear_pointer (&self->departments, json_array_unref);
  self->counters = json_array_ref (json_object_get_array_member (reply, "counters"));
  self->departments = json_array_ref (json_object_get_array_member (reply, "departments"));
  _hall_json_append_names (names, self->counters);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->choose_row), G_LIST_MODEL (names));
}

static void
hall_counter_page_refresh (HallPage *page)
{
  HallCounterPage *self = HALL_COUNTER_PAGE (page);

  if (self->counters == NULL)
    hall_page_call (page, "hall.info", NULL, info_cb, NULL);
  if (counter_id (self) == 0)
    {
      gtk_stack_set_visible_child_name (self->stack, "no-counter");
      hall_page_update_actions (page);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "counter");
  hall_page_load (page, "hall.snapshot", NULL, snapshot_cb, NULL);
}

static void
hall_counter_page_event (HallPage   *page,
                         const char *kind,
                         JsonObject *event)
{
  if (g_str_has_prefix (kind, "ticket.") || g_str_has_prefix (kind, "counter.")
      || g_str_equal (kind, "setup.changed"))
    hall_page_refresh (page);
}

static void
petitioner_found_cb (HallCounterPage *self,
                     JsonObject      *person)
{
  g_clear_pointer (&self->person, json_object_unref);
  self->person = json_object_ref (person);
  self->person_ticket_id = self->current ? json_object_get_int_member (self->current, "id") : 0;
  show_person (self);
}

/* The clerk chose another window (or none). */
static void
counter_id_cb (HallCounterPage *self)
{
  hall_page_update_actions (HALL_PAGE (self));
  if (hall_page_is_online (HALL_PAGE (self)))
    hall_page_refresh (HALL_PAGE (self));
}

/* The calls of the last client are forgotten: nothing is on its way any more. */
static void
client_changed_cb (HallCounterPage *self)
{
  self->busy = FALSE;
  self->lookup_ticket_id = 0;
}

static void
hall_counter_page_dispose (GObject *object)
{
  HallCounterPage *self = HALL_COUNTER_PAGE (object);

  if (self->client_notify != NULL)
    g_signal_group_set_target (self->client_notify, NULL);
  g_clear_object (&self->client_notify);
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
hall_counter_page_class_init (HallCounterPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_counter_page_dispose;
  object_class->finalize = hall_counter_page_finalize;
  page_class->refresh = hall_counter_page_refresh;
  page_class->event = hall_counter_page_event;
  page_class->update_actions = hall_counter_page_update_actions;

  g_type_ensure (HALL_TYPE_ACTION_FORM);
  g_type_ensure (HALL_TYPE_MATTER_FORM);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/counter/hall-counter-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, HallCounterPage, name)
  CHILD (stack);
  CHILD (choose_group);
  CHILD (counter_title);
  CHILD (counter_state);
  CHILD (open_button);
  CHILD (pause_button);
  CHILD (resume_button);
  CHILD (close_button);
  CHILD (action_form);
  CHILD (visitor_card);
  CHILD (ticket_code);
  CHILD (ticket_state);
  CHILD (repeat_badge);
  CHILD (ticket_details);
  CHILD (petitioner_label);
  CHILD (earlier_list);
  CHILD (register_revealer);
  CHILD (show_matter_button);
  CHILD (matter_form);
  CHILD (waiting_heading);
  CHILD (waiting_list);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, petitioner_found_cb);
  gtk_widget_class_install_action (widget_class, "counter.show-earlier-matter", "x",
                                   show_earlier_action);

  _hall_counter_page_class_install_actions (widget_class);
}

static void
hall_counter_page_init (HallCounterPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->waiting = g_list_store_new (HALL_TYPE_JSON_ITEM);
  gtk_list_box_bind_model (self->waiting_list, G_LIST_MODEL (self->waiting), create_waiting_row,
                           NULL, NULL);
  self->choose_row = adw_combo_row_new ();
  gtk_widget_set_name (self->choose_row, "choose_counter");
  /* Translators: the service window (窗口) a clerk works at */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->choose_row), _ ("Window"));
  adw_preferences_group_add (self->choose_group, self->choose_row);

  self->client_notify = g_signal_group_new (G_TYPE_OBJECT);
  g_signal_group_connect_swapped (self->client_notify, "notify::counter-id",
                                  G_CALLBACK (counter_id_cb), self);
  g_object_bind_property (self, "client", self->client_notify, "target", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "client", self->matter_form, "client", G_BINDING_SYNC_CREATE);
  g_signal_connect (self, "notify::client", G_CALLBACK (client_changed_cb), NULL);
  hall_counter_page_update_actions (HALL_PAGE (self));
}

GtkWidget *
hall_counter_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_COUNTER_PAGE, "client", client, NULL);
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
