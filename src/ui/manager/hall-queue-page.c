/* hall-queue-page.c — the hall manager's queue: every waiting, held and missed ticket, live
 *
 * ticket.list (today's tickets, in calling order) is read again after each ticket or
 * counter hall_queue_page_event (several in a row cost one read) and after a reconnect. Each row
 * offers what the manager may do with that ticket: move it to the front or back, mark it priority,
 * transfer it (department or window, with a required reason), return a held ticket to the queue,
 * reactivate a no-show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-queue-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-dialog.h"
#include "hall-form.h"
#include "hall-info.h"
#include "hall-json-item.h"
#include "hall-manager-change.h"
#include "hall-manager-rows.h"
#include "hall-queue-page.h"

struct _HallQueuePage
{
  HallPage parent_instance;

  JsonObject *info;    /* hall.info: the departments and windows to transfer to */
  guint       pending; /* changes sent, not answered yet */

  GListStore *waiting;
  GListStore *held;
  GListStore *no_show;

  /* The transfer dialog, while it is open. */
  AdwMessageDialog *dialog;
  gint64            transfer_ticket_id;
  AdwComboRow      *transfer_department;
  AdwComboRow      *transfer_counter;
  AdwEntryRow      *transfer_reason;
  GArray           *department_ids;
  GArray           *counter_ids;

  GtkLabel       *error_label;
  GtkLabel       *waiting_heading;
  GtkLabel       *held_heading;
  GtkLabel       *no_show_heading;
  GtkListBox     *waiting_list;
  GtkListBox     *held_list;
  GtkListBox     *no_show_list;
  GtkSearchEntry *search_entry;
  GtkFilter      *filter;
};

G_DEFINE_FINAL_TYPE (HallQueuePage, hall_queue_page, HALL_TYPE_PAGE)

static const char *const ticket_actions[] = {
  "queue.front",
  "queue.priority",
  "queue.transfer",
  "queue.resume",
  "queue.reactivate",
  "queue.refresh",
};

static void
hall_queue_page_update_actions (HallPage *page)
{
  for (guint i = 0; i < G_N_ELEMENTS (ticket_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (page), ticket_actions[i],
                                   hall_page_is_online (page));
}

/* ---- rows -------------------------------------------------------------------------------- */

static GtkWidget *
create_ticket_row (gpointer item,
                   gpointer user_data)
{
  return _hall_manager_rows_ticket_new (hall_json_item_get_data (item));
}

/* A ticket code ("c01" finds C015) or a department's name. */
static gboolean
ticket_matches (gpointer item,
                gpointer user_data)
{
  HallQueuePage   *self = user_data;
  JsonObject      *ticket = hall_json_item_get_data (item);
  const char      *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *code = NULL;
  g_autofree char *wanted = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;
  code = g_utf8_strup (json_object_get_string_member_with_default (ticket, "code", ""), -1);
  wanted = g_utf8_strup (text, -1);
  return g_str_has_prefix (code, wanted)
         || strstr (json_object_get_string_member_with_default (ticket, "department_name", ""),
                    text)
                != NULL;
}

static void
bind_filtered (HallQueuePage *self,
               GtkListBox    *list,
               GListStore    *store)
{
  g_autoptr (GtkFilterListModel) filtered =
      gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (store)), g_object_ref (self->filter));

  gtk_list_box_bind_model (list, G_LIST_MODEL (filtered), create_ticket_row, NULL, NULL);
}

static void
search_changed_cb (HallQueuePage *self)
{
  gtk_filter_changed (self->filter, GTK_FILTER_CHANGE_DIFFERENT);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (HALL_QUEUE_PAGE (widget)->search_entry));
}

/* ---- reading the queue ------------------------------------------------------------------- */

static void
fill_store (GListStore *store,
            GPtrArray  *items)
{
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata,
                       items->len);
}

static void
set_heading (GtkLabel   *label,
             const char *title,
             GListStore *store)
{
  g_autofree char *text =
      g_strdup_printf ("%s (%u)", title, g_list_model_get_n_items (G_LIST_MODEL (store)));
  gtk_label_set_text (label, text);
}

static void
set_headings (HallQueuePage *self)
{
  /* Translators: queue page heading, followed by a count */
  set_heading (self->waiting_heading, _ ("Waiting"), self->waiting);
  /* Translators: queue page heading (暂挂), followed by a count */
  set_heading (self->held_heading, _ ("Held"), self->held);
  /* Translators: queue page heading (过号), followed by a count */
  set_heading (self->no_show_heading, _ ("Not shown"), self->no_show);
}

static void
show_tickets (HallQueuePage *self,
              JsonArray     *tickets)
{
  g_autoptr (GPtrArray) waiting = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) held = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) missed = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; tickets && i < json_array_get_length (tickets); i++)
    {
      JsonObject *ticket = json_array_get_object_element (tickets, i);
      const char *state = json_object_get_string_member_with_default (ticket, "state", "");

      if (g_strcmp0 (state, "waiting") == 0)
        g_ptr_array_add (waiting, hall_json_item_new (ticket, now));
      else if (g_strcmp0 (state, "held") == 0)
        g_ptr_array_add (held, hall_json_item_new (ticket, now));
      else if (g_strcmp0 (state, "no_show") == 0)
        g_ptr_array_add (missed, hall_json_item_new (ticket, now));
    }

  fill_store (self->waiting, waiting);
  fill_store (self->held, held);
  fill_store (self->no_show, missed);
  set_headings (self);
}

static void
list_cb (HallPage     *page,
         JsonObject   *reply,
         const GError *error,
         gpointer      user_data)
{
  HallQueuePage *self = HALL_QUEUE_PAGE (page);

  if (reply == NULL)
    {
      g_debug ("ticket.list: %s", error->message);
      _hall_form_set_error (GTK_WIDGET (self->error_label), GTK_WIDGET (self->error_label),
                            error->message);
      return;
    }
  show_tickets (self, json_object_get_array_member (reply, "tickets"));
}

static void
hall_queue_page_refresh (HallPage *page)
{
  HallQueuePage *self = HALL_QUEUE_PAGE (page);
  g_autoptr (JsonObject) params = json_object_new ();

  if (self->info == NULL)
    _hall_info_load (page, &self->info, NULL);
  /* One read, so a ticket is never in two lists: waiting, held and no-show come before the
   * finished ones, and a day has far fewer than 5000 tickets. */
  json_object_set_string_member (params, "state", "all");
  json_object_set_int_member (params, "limit", 5000);
  hall_page_load (page, "ticket.list", params, list_cb, NULL);
}

/* ---- changes ----------------------------------------------------------------------------- */

static void
send_change (HallQueuePage *self,
             const char    *command,
             JsonObject    *params)
{
  _hall_manager_change_send (HALL_PAGE (self), command, params, self->error_label, &self->pending);
}

static JsonObject *
find_ticket (HallQueuePage *self,
             gint64         ticket_id)
{
  GListStore *stores[] = { self->waiting, self->held, self->no_show };

  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (stores[s])); i++)
      {
        g_autoptr (HallJsonItem) item = g_list_model_get_item (G_LIST_MODEL (stores[s]), i);

        if (hall_json_item_get_id (item) == ticket_id)
          return hall_json_item_get_data (item);
      }
  return NULL;
}

static JsonObject *
ticket_params (gint64 ticket_id)
{
  JsonObject *params = json_object_new ();

  json_object_set_int_member (params, "ticket_id", ticket_id);
  return params;
}

/* "queue.front" moves the ticket to the front or back to its place, "queue.priority" marks it
 * priority or normal again: both are ticket.prioritize. */
static void
prioritize_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HallQueuePage *self = HALL_QUEUE_PAGE (widget);
  gint64         id = g_variant_get_int64 (parameter);
  JsonObject    *ticket = find_ticket (self, id);
  g_autoptr (JsonObject) params = ticket_params (id);

  if (g_str_equal (action_name, "queue.front"))
    json_object_set_boolean_member (
        params, "front",
        !(ticket && json_object_get_boolean_member_with_default (ticket, "at_front", FALSE)));
  else
    json_object_set_string_member (
        params, "priority",
        ticket
                && g_strcmp0 (json_object_get_string_member_with_default (ticket, "priority", ""),
                              "priority")
                       == 0
            ? "normal"
            : "priority");
  send_change (self, "ticket.prioritize", params);
}

/* "queue.resume" sends ticket.resume, "queue.reactivate" ticket.reactivate: the ticket id alone. */
static void
ticket_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  g_autoptr (JsonObject) params = ticket_params (g_variant_get_int64 (parameter));
  g_autofree char *command = g_strconcat ("ticket.", strchr (action_name, '.') + 1, NULL);

  send_change (HALL_QUEUE_PAGE (widget), command, params);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  hall_page_refresh (HALL_PAGE (widget));
}

/* ---- the transfer dialog ----------------------------------------------------------------- */

static gboolean
counter_serves (JsonObject *counter,
                gint64      department_id)
{
  JsonArray *ids = json_object_get_array_member (counter, "department_ids");

  for (guint i = 0; ids && i < json_array_get_length (ids); i++)
    if (json_array_get_int_element (ids, i) == department_id)
      return TRUE;
  return FALSE;
}

/* The windows that serve the department picked, after "any window". */
static void
transfer_department_cb (HallQueuePage *self)
{
  gint64     department_id = _hall_info_combo_get_id (self->transfer_department, self->department_ids);
  JsonArray *counters = _hall_info_array (self->info, "counters");
  g_autoptr (JsonArray) serving = json_array_new ();

  for (guint i = 0; counters && i < json_array_get_length (counters); i++)
    if (counter_serves (json_array_get_object_element (counters, i), department_id))
      json_array_add_element (serving, json_node_copy (json_array_get_element (counters, i)));
  _hall_info_combo_set_items (
      self->transfer_counter, self->counter_ids,
      /* Translators: transfer target: the department's queue, whichever window calls first */
      _ ("Any window of the department"), serving, FALSE, 0);
}

static void
transfer_response_cb (HallQueuePage *self,
                      const char    *response)
{
  g_autoptr (JsonObject) params = NULL;
  g_autofree char *reason = NULL;
  gint64           counter_id;

  if (g_strcmp0 (response, "transfer") != 0)
    return;
  reason = _hall_form_dup_text (self->transfer_reason);
  params = ticket_params (self->transfer_ticket_id);
  json_object_set_int_member (
      params, "department_id",
      _hall_info_combo_get_id (self->transfer_department, self->department_ids));
  counter_id = _hall_info_combo_get_id (self->transfer_counter, self->counter_ids);
  if (counter_id != 0)
    json_object_set_int_member (params, "counter_id", counter_id);
  json_object_set_string_member (params, "reason", reason);
  send_change (self, "ticket.transfer", params);
}

static void
transfer_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HallQueuePage   *self = HALL_QUEUE_PAGE (widget);
  gint64           id = g_variant_get_int64 (parameter);
  JsonObject      *ticket = find_ticket (self, id);
  GtkWidget       *group, *dialog;
  g_autofree char *heading = NULL;

  if (ticket == NULL || self->info == NULL || self->dialog != NULL)
    return;

  /* Translators: heading of the transfer dialog (转窗口); %s is the ticket code */
  heading = g_strdup_printf (_ ("Transfer %s"),
                             json_object_get_string_member_with_default (ticket, "code", ""));
  dialog = _hall_dialog_new (GTK_WIDGET (self), &self->dialog, heading,
                             /* Translators: body of the transfer dialog */
                             _ ("The visitor keeps their place by arrival time in the new queue."),
                             /* Translators: confirms the transfer dialog */
                             "transfer", _ ("_Transfer"), ADW_RESPONSE_SUGGESTED,
                             G_CALLBACK (transfer_response_cb));
  group = adw_preferences_group_new ();
  self->transfer_department = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->transfer_department), "transfer_department");
  /* Translators: transfer dialog field */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->transfer_department), _ ("Department"));
  _hall_info_combo_set_items (self->transfer_department, self->department_ids, NULL,
                              _hall_info_array (self->info, "departments"), FALSE,
                              json_object_get_int_member_with_default (ticket, "department_id", 0));
  self->transfer_counter = ADW_COMBO_ROW (adw_combo_row_new ());
  gtk_widget_set_name (GTK_WIDGET (self->transfer_counter), "transfer_counter");
  /* Translators: transfer dialog field */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->transfer_counter), _ ("Window"));
  self->transfer_reason =
      _hall_dialog_reason_row_new (ADW_MESSAGE_DIALOG (dialog), "transfer_reason", "transfer");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->transfer_department));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->transfer_counter));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->transfer_reason));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);

  self->transfer_ticket_id = id;
  transfer_department_cb (self);
  g_signal_connect_object (self->transfer_department, "notify::selected",
                           G_CALLBACK (transfer_department_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (GTK_WIDGET (self->transfer_reason));
}

/* ---- the client -------------------------------------------------------------------------- */

static void
hall_queue_page_event (HallPage   *page,
                       const char *kind,
                       JsonObject *event)
{
  HallQueuePage *self = HALL_QUEUE_PAGE (page);

  if (_hall_info_forget_on (&self->info, kind) || g_str_has_prefix (kind, "ticket.")
      || g_str_has_prefix (kind, "counter."))
    hall_page_refresh (page);
}

/* Another hall perhaps: its reference data, and no change of the last one under way. */
static void
client_changed_cb (HallQueuePage *self)
{
  self->pending = 0;
  g_clear_pointer (&self->info, json_object_unref);
}

static void
hall_queue_page_dispose (GObject *object)
{
  HallQueuePage *self = HALL_QUEUE_PAGE (object);

  _hall_dialog_close (&self->dialog);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_QUEUE_PAGE);
  G_OBJECT_CLASS (hall_queue_page_parent_class)->dispose (object);
}

static void
hall_queue_page_finalize (GObject *object)
{
  HallQueuePage *self = HALL_QUEUE_PAGE (object);

  g_clear_pointer (&self->info, json_object_unref);
  g_clear_pointer (&self->department_ids, g_array_unref);
  g_clear_pointer (&self->counter_ids, g_array_unref);
  g_clear_object (&self->waiting);
  g_clear_object (&self->held);
  g_clear_object (&self->no_show);
  g_clear_object (&self->filter);
  G_OBJECT_CLASS (hall_queue_page_parent_class)->finalize (object);
}

static void
hall_queue_page_class_init (HallQueuePageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_queue_page_dispose;
  object_class->finalize = hall_queue_page_finalize;
  page_class->refresh = hall_queue_page_refresh;
  page_class->event = hall_queue_page_event;
  page_class->update_actions = hall_queue_page_update_actions;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/manager/hall-queue-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallQueuePage, error_label);
  gtk_widget_class_bind_template_child (widget_class, HallQueuePage, waiting_heading);
  gtk_widget_class_bind_template_child (widget_class, HallQueuePage, held_heading);
  gtk_widget_class_bind_template_child (widget_class, HallQueuePage, no_show_heading);
  gtk_widget_class_bind_template_child (widget_class, HallQueuePage, waiting_list);
  gtk_widget_class_bind_template_child (widget_class, HallQueuePage, held_list);
  gtk_widget_class_bind_template_child (widget_class, HallQueuePage, no_show_list);
  gtk_widget_class_bind_template_child (widget_class, HallQueuePage, search_entry);

  gtk_widget_class_install_action (widget_class, "queue.front", "x", prioritize_action);
  gtk_widget_class_install_action (widget_class, "queue.priority", "x", prioritize_action);
  gtk_widget_class_install_action (widget_class, "queue.transfer", "x", transfer_action);
  gtk_widget_class_install_action (widget_class, "queue.resume", "x", ticket_action);
  gtk_widget_class_install_action (widget_class, "queue.reactivate", "x", ticket_action);
  gtk_widget_class_install_action (widget_class, "queue.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "queue.find", NULL, find_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "queue.find",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "queue.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "queue.refresh",
                                       NULL);
}

static void
hall_queue_page_init (HallQueuePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->waiting = g_list_store_new (HALL_TYPE_JSON_ITEM);
  self->held = g_list_store_new (HALL_TYPE_JSON_ITEM);
  self->no_show = g_list_store_new (HALL_TYPE_JSON_ITEM);
  self->department_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->counter_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->filter = GTK_FILTER (gtk_custom_filter_new (ticket_matches, self, NULL));
  bind_filtered (self, self->waiting_list, self->waiting);
  bind_filtered (self, self->held_list, self->held);
  bind_filtered (self, self->no_show_list, self->no_show);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "notify::client", G_CALLBACK (client_changed_cb), NULL);
  set_headings (self);
  hall_queue_page_update_actions (HALL_PAGE (self));
}

GtkWidget *
hall_queue_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_QUEUE_PAGE, "client", client, NULL);
}

GListModel *
hall_queue_page_get_waiting (HallQueuePage *self)
{
  g_return_val_if_fail (HALL_IS_QUEUE_PAGE (self), NULL);
  return G_LIST_MODEL (self->waiting);
}

GListModel *
hall_queue_page_get_held (HallQueuePage *self)
{
  g_return_val_if_fail (HALL_IS_QUEUE_PAGE (self), NULL);
  return G_LIST_MODEL (self->held);
}

GListModel *
hall_queue_page_get_no_show (HallQueuePage *self)
{
  g_return_val_if_fail (HALL_IS_QUEUE_PAGE (self), NULL);
  return G_LIST_MODEL (self->no_show);
}

gboolean
hall_queue_page_get_busy (HallQueuePage *self)
{
  g_return_val_if_fail (HALL_IS_QUEUE_PAGE (self), FALSE);
  return hall_page_is_loading (HALL_PAGE (self)) || self->pending > 0;
}

AdwMessageDialog *
hall_queue_page_get_dialog (HallQueuePage *self)
{
  g_return_val_if_fail (HALL_IS_QUEUE_PAGE (self), NULL);
  return self->dialog;
}
