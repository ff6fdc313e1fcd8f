/* hall-reception-page.c — 领导接访: the visitors escalated to this leader today, live
 *
 * The list is leader.queue, read again after each change of the queues or the leaders the hall
 * reports. Calling a visitor in (leader.call) opens their reception record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-reception-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-board-item.h"
#include "hall-leader-util.h"
#include "hall-matter-view.h"
#include "hall-reception-form.h"
#include "hall-reception-page.h"
#include "hall-ui-util.h"

struct _HallReceptionPage
{
  AdwBin parent_instance;

  HallClient *client;
  GSignalGroup *client_signals; /* "event" */
  GSignalGroup *client_notify;  /* "notify::" */
  GCancellable *cancellable;
  gboolean loading;
  gboolean dirty;
  gboolean loaded;

  GListStore *visitors;

  AdwToastOverlay *toast_overlay;
  HallMatterView *matter_view;
  char *return_view; /* the view a matter's details go back to */
  GtkStack *stack;
  GtkLabel *summary_label;
  GtkLabel *duty_label;
  GtkLabel *list_error;
  GtkListBox *visitors_list;
  GtkLabel *form_title;
  HallReceptionForm *form;
};

G_DEFINE_FINAL_TYPE (HallReceptionPage, hall_reception_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (HallReceptionPage *self);

static void
toast (HallReceptionPage *self,
       const char        *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static JsonObject *
find_visitor (HallReceptionPage *self,
              gint64             escalation_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->visitors));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (HallBoardItem) item = g_list_model_get_item (G_LIST_MODEL (self->visitors), i);
      JsonObject *data = hall_board_item_get_data (item);

      if (json_object_get_int_member_with_default (data, "escalation_id", 0) == escalation_id)
        return data;
    }
  return NULL;
}

static void
show_queue (HallReceptionPage *self,
            JsonObject        *queue)
{
  JsonArray *visitors = json_object_get_array_member (queue, "visitors");
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *summary = NULL;
  guint waiting = 0, called = 0;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; visitors != NULL && i < json_array_get_length (visitors); i++)
    {
      JsonObject *visitor = json_array_get_object_element (visitors, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (visitor, "state", ""), "called") == 0)
        called++;
      else
        waiting++;
      g_ptr_array_add (items, hall_board_item_new (visitor, now));
    }
  g_list_store_splice (self->visitors, 0, g_list_model_get_n_items (G_LIST_MODEL (self->visitors)),
                       items->pdata, items->len);

  /* Translators: the leader's reception summary: visitors waiting and called in, %s is today's date */
  summary = g_strdup_printf (_("%s: %u waiting, %u called in"),
                             json_object_get_string_member_with_default (queue, "date", ""), waiting, called);
  gtk_label_set_text (self->summary_label, summary);
  self->loaded = TRUE;
}

static void
queue_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (HallReceptionPage) self = user_data;
  g_autoptr (JsonObject) queue = NULL;
  g_autoptr (GError) error = NULL;

  queue = hall_client_call_finish (HALL_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  _hall_form_set_error (GTK_WIDGET (self->list_error), GTK_WIDGET (self->list_error),
                        queue == NULL ? error->message : NULL);
  if (queue != NULL)
    show_queue (self, queue);
  if (self->dirty)
    refresh (self);
}

/* Whether this leader is on today's roster, and when: said above the list. */
static void
today_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (HallReceptionPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);
  JsonObject *user = self->client ? hall_client_get_user (self->client) : NULL;
  gint64 me = user ? json_object_get_int_member_with_default (user, "id", 0) : 0;
  JsonArray *leaders = reply ? json_object_get_array_member (reply, "leaders") : NULL;
  JsonObject *mine = NULL;
  g_autofree char *text = NULL;

  if (reply == NULL)
    return;
  for (guint i = 0; leaders != NULL && i < json_array_get_length (leaders); i++)
    if (json_object_get_int_member_with_default (json_array_get_object_element (leaders, i), "user_id", -1) == me)
      mine = json_array_get_object_element (leaders, i);

  if (mine == NULL)
    text = g_strdup (_("You are not on today’s duty roster: visitors are sent to the leader on duty."));
  else
    {
      const char *slot = json_object_get_string_member_with_default (mine, "slot", "day");
      const char *note = json_object_get_string_member_with_default (mine, "note", NULL);
      const char *when = g_strcmp0 (slot, "am") == 0 ? _("this morning")
                         : g_strcmp0 (slot, "pm") == 0 ? _("this afternoon") : _("all day");

      if (note != NULL && *note)
        /* Translators: the leader's duty today: "all day" / "this morning", then the room or note */
        text = g_strdup_printf (_("You receive visitors %s · %s"), when, note);
      else
        /* Translators: the leader's duty today: "all day" / "this morning" */
        text = g_strdup_printf (_("You receive visitors %s"), when);
    }
  gtk_label_set_text (self->duty_label, text);
}

static void
refresh_duty (HallReceptionPage *self)
{
  if (self->client == NULL || !hall_client_is_signed_in (self->client))
    return;
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  hall_client_call_async (self->client, "leader.today", NULL, self->cancellable, today_cb, g_object_ref (self));
}

static void
refresh (HallReceptionPage *self)
{
  if (self->client == NULL || !hall_client_is_signed_in (self->client))
    return;
  if (self->loading)
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  self->loading = TRUE;
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  hall_client_call_async (self->client, "leader.queue", NULL, self->cancellable, queue_cb, g_object_ref (self));
}

static void
update_actions (HallReceptionPage *self)
{
  gboolean connected = self->client != NULL && hall_client_get_connected (self->client);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reception.refresh", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reception.call", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reception.record", connected);
}

static GtkWidget *
create_visitor_row (gpointer item,
                    gpointer user_data)
{
  JsonObject *data = hall_board_item_get_data (item);
  gint64 escalation_id = json_object_get_int_member_with_default (data, "escalation_id", 0);
  gboolean called = g_strcmp0 (json_object_get_string_member_with_default (data, "state", ""), "called") == 0;
  const char *code = json_object_get_string_member_with_default (data, "ticket_code", NULL);
  const char *number = json_object_get_string_member_with_default (data, "matter_number", "");
  const char *note = json_object_get_string_member_with_default (data, "note", NULL);
  gint64 arrived = json_object_get_int_member_with_default (data, "arrived_at", 0);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gtk_label_new (called ? _("Called in") : _("Waiting"));
  GtkWidget *call = gtk_button_new_with_mnemonic (called ? _("Call _Again") : _("_Call In"));
  GtkWidget *record = gtk_button_new_with_mnemonic (_("_Record"));
  GtkWidget *details;
  g_autofree char *title = NULL;
  g_autofree char *clock = arrived ? _hall_format_clock (arrived) : NULL;
  g_autoptr (GString) subtitle = g_string_new (NULL);
  g_autofree char *name = g_strdup_printf ("visitor-%" G_GINT64_FORMAT, escalation_id);
  GVariant *target = g_variant_new_int64 (escalation_id);

  /* Translators: a visitor in the leader's list: ticket code · matter number */
  title = code ? g_strdup_printf (_("%s · %s"), code, number) : g_strdup (number);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);
  g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%d person", "%d persons",
                                                 json_object_get_int_member_with_default (data, "persons", 1)),
                          (int) json_object_get_int_member_with_default (data, "persons", 1));
  if (clock != NULL)
    /* Translators: when the visitor arrived in the hall, %s is a time such as 09:12 */
    g_string_append_printf (subtitle, _(" · arrived %s"), clock);
  else
    g_string_append (subtitle, _(" · not in the hall"));
  if (json_object_get_string_member_with_default (data, "escalated_by_name", NULL) != NULL)
    /* Translators: who sent the visitor to the leader, %s a name */
    g_string_append_printf (subtitle, _(" · sent by %s"), json_object_get_string_member (data, "escalated_by_name"));
  if (note != NULL && *note)
    g_string_append_printf (subtitle, " · %s", note);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  gtk_widget_add_css_class (badge, "state-badge");
  gtk_widget_add_css_class (badge, called ? "state-open" : "state-paused");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), badge);

  gtk_widget_set_valign (call, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (call), "reception.call");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (call), target);
  gtk_widget_set_valign (record, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (record), "reception.record");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (record), target);
  if (called)
    gtk_widget_add_css_class (record, "suggested-action");
  else
    gtk_widget_add_css_class (call, "suggested-action");
  details = gtk_button_new_with_mnemonic (_("_Details"));
  gtk_widget_set_valign (details, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (details), "reception.show-matter");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (details),
                                          g_variant_new_int64 (json_object_get_int_member_with_default (data, "matter_id", 0)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), details);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), call);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), record);
  return row;
}

static void
open_form (HallReceptionPage *self,
           gint64             escalation_id,
           gint64             matter_id,
           const char        *label)
{
  g_autofree char *title = NULL;

  /* Translators: title of the reception record, %s the ticket code and matter number */
  title = g_strdup_printf (_("Reception Record — %s"), label);
  gtk_label_set_text (self->form_title, title);
  hall_reception_form_load (self->form, escalation_id, matter_id);
  gtk_stack_set_visible_child_name (self->stack, "form");
}

static void
open_form_for (HallReceptionPage *self,
               JsonObject        *visitor)
{
  const char *code = json_object_get_string_member_with_default (visitor, "ticket_code", NULL);
  const char *number = json_object_get_string_member_with_default (visitor, "matter_number", "");
  g_autofree char *label = code ? g_strdup_printf ("%s · %s", code, number) : g_strdup (number);

  open_form (self, json_object_get_int_member (visitor, "escalation_id"),
             json_object_get_int_member (visitor, "matter_id"), label);
}

static void
call_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (HallReceptionPage) self = user_data;
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (GError) error = NULL;
  JsonObject *escalation;

  reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (reply == NULL)
    {
      toast (self, error->message);
      return;
    }
  escalation = json_object_get_object_member (reply, "escalation");
  if (escalation != NULL)
    {
      const char *code = json_object_get_string_member_with_default (escalation, "ticket_code", NULL);
      const char *number = json_object_get_string_member_with_default (escalation, "matter_number", "");
      g_autofree char *label = code ? g_strdup_printf ("%s · %s", code, number) : g_strdup (number);

      open_form (self, json_object_get_int_member (escalation, "id"),
                 json_object_get_int_member (escalation, "matter_id"), label);
    }
  refresh (self);
}

static void
call_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HallReceptionPage *self = HALL_RECEPTION_PAGE (widget);
  g_autoptr (JsonObject) params = _hall_leader_params_id ("escalation_id", g_variant_get_int64 (parameter));

  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  hall_client_call_async (self->client, "leader.call", params, self->cancellable, call_cb, g_object_ref (self));
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HallReceptionPage *self = HALL_RECEPTION_PAGE (widget);
  JsonObject *visitor = find_visitor (self, g_variant_get_int64 (parameter));

  if (visitor != NULL)
    open_form_for (self, visitor);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HallReceptionPage *self = HALL_RECEPTION_PAGE (widget);

  /* From a matter's details, back to where they were opened. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "matter") == 0 && self->return_view != NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, self->return_view);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
show_matter_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HallReceptionPage *self = HALL_RECEPTION_PAGE (widget);

  g_free (self->return_view);
  self->return_view = g_strdup (gtk_stack_get_visible_child_name (self->stack));
  hall_matter_view_set_matter_id (self->matter_view, g_variant_get_int64 (parameter));
  gtk_stack_set_visible_child_name (self->stack, "matter");
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  refresh (HALL_RECEPTION_PAGE (widget));
}

static void
received_cb (HallReceptionPage *self,
             JsonObject        *reception)
{
  JsonArray *departments = json_object_get_array_member (reception, "departments");
  guint n = departments ? json_array_get_length (departments) : 0;
  g_autofree char *message = NULL;

  if (n > 0)
    /* Translators: after the reception record is saved; %s the matter number */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s recorded and assigned to %u department",
                                            "%s recorded and assigned to %u departments", n),
                               json_object_get_string_member_with_default (reception, "matter_number", ""), n);
  else
    /* Translators: after the reception record is saved; %s the matter number */
    message = g_strdup_printf (_("%s recorded"), json_object_get_string_member_with_default (reception,
                                                                                          "matter_number", ""));
  toast (self, message);
  gtk_stack_set_visible_child_name (self->stack, "list");
  refresh (self);
}

static void
event_cb (HallReceptionPage *self,
          JsonObject        *event)
{
  const char *kind = json_object_get_string_member_with_default (event, "kind", "");

  if (g_str_equal (kind, "leader.duty"))
    refresh_duty (self);
  if (g_str_has_prefix (kind, "leader.") || g_str_has_prefix (kind, "ticket.")
      || g_str_equal (kind, "matter.escalated"))
    refresh (self);
}

static void
connected_cb (HallReceptionPage *self)
{
  update_actions (self);
  if (self->client != NULL && hall_client_get_connected (self->client))
    {
      refresh (self);
      refresh_duty (self);
    }
}

static void
user_cb (HallReceptionPage *self)
{
  refresh (self);
  refresh_duty (self);
}

static void
hall_reception_page_dispose (GObject *object)
{
  HallReceptionPage *self = HALL_RECEPTION_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client_signals != NULL)
    g_signal_group_set_target (self->client_signals, NULL);
  if (self->client_notify != NULL)
    g_signal_group_set_target (self->client_notify, NULL);
  g_clear_object (&self->client_signals);
  g_clear_object (&self->client_notify);
  g_clear_object (&self->client);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_RECEPTION_PAGE);
  G_OBJECT_CLASS (hall_reception_page_parent_class)->dispose (object);
}

static void
hall_reception_page_finalize (GObject *object)
{
  HallReceptionPage *self = HALL_RECEPTION_PAGE (object);

  g_clear_object (&self->visitors);
  g_free (self->return_view);
  G_OBJECT_CLASS (hall_reception_page_parent_class)->finalize (object);
}

static void
hall_reception_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  HallReceptionPage *self = HALL_RECEPTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_reception_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  HallReceptionPage *self = HALL_RECEPTION_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      if (!g_set_object (&self->client, g_value_get_object (value)))
        break;
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->loading = FALSE;
      self->loaded = FALSE;
      g_signal_group_set_target (self->client_signals, self->client);
      g_signal_group_set_target (self->client_notify, self->client);
      hall_matter_view_set_client (self->matter_view, self->client);
      g_object_set (self->form, "client", self->client, NULL);
      update_actions (self);
      refresh (self);
      refresh_duty (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_reception_page_class_init (HallReceptionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hall_reception_page_dispose;
  object_class->finalize = hall_reception_page_finalize;
  object_class->get_property = hall_reception_page_get_property;
  object_class->set_property = hall_reception_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HALL_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xinfanghall/Hall/ui/hall-reception-page.ui");
  g_type_ensure (HALL_TYPE_MATTER_VIEW);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionPage, matter_view);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionPage, duty_label);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionPage, list_error);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionPage, visitors_list);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionPage, form_title);
  gtk_widget_class_bind_template_child (widget_class, HallReceptionPage, form);

  gtk_widget_class_install_action (widget_class, "reception.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "reception.call", "x", call_action);
  gtk_widget_class_install_action (widget_class, "reception.record", "x", record_action);
  gtk_widget_class_install_action (widget_class, "reception.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "reception.show-matter", "x", show_matter_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "reception.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "reception.back", NULL);

  g_type_ensure (HALL_TYPE_RECEPTION_FORM);
}

static void
hall_reception_page_init (HallReceptionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->visitors = g_list_store_new (HALL_TYPE_BOARD_ITEM);
  gtk_list_box_bind_model (self->visitors_list, G_LIST_MODEL (self->visitors), create_visitor_row, NULL, NULL);
  g_signal_connect_object (self->form, "received", G_CALLBACK (received_cb), self, G_CONNECT_SWAPPED);

  self->client_signals = g_signal_group_new (HALL_TYPE_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "event", G_CALLBACK (event_cb), self);
  self->client_notify = g_signal_group_new (G_TYPE_OBJECT);
  g_signal_group_connect_swapped (self->client_notify, "notify::connected", G_CALLBACK (connected_cb), self);
  g_signal_group_connect_swapped (self->client_notify, "notify::user", G_CALLBACK (user_cb), self);
  update_actions (self);
}

GtkWidget *
hall_reception_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_RECEPTION_PAGE, "client", client, NULL);
}

GListModel *
hall_reception_page_get_visitors (HallReceptionPage *self)
{
  g_return_val_if_fail (HALL_IS_RECEPTION_PAGE (self), NULL);
  return G_LIST_MODEL (self->visitors);
}

GtkWidget *
hall_reception_page_get_form (HallReceptionPage *self)
{
  g_return_val_if_fail (HALL_IS_RECEPTION_PAGE (self), NULL);
  return GTK_WIDGET (self->form);
}

const char *
hall_reception_page_get_view (HallReceptionPage *self)
{
  g_return_val_if_fail (HALL_IS_RECEPTION_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
