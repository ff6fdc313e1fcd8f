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

#include "hall-form.h"
#include "hall-format.h"
#include "hall-json-item.h"
#include "hall-json.h"
#include "hall-leader-format.h"
#include "hall-matter-view.h"
#include "hall-papers.h"
#include "hall-print.h"
#include "hall-reception-form.h"
#include "hall-reception-page.h"
#include "hall-rows.h"

struct _HallReceptionPage
{
  HallPage parent_instance;

  GListStore *visitors;

  HallMatterView    *matter_view;
  GtkStack          *stack;
  GtkLabel          *summary_label;
  GtkLabel          *duty_label;
  GtkLabel          *list_error;
  GtkListBox        *visitors_list;
  GtkLabel          *form_title;
  HallReceptionForm *form;
};

G_DEFINE_FINAL_TYPE (HallReceptionPage, hall_reception_page, HALL_TYPE_PAGE)

static void
hall_reception_page_update_actions (HallPage *page)
{
  gboolean online = hall_page_is_online (page);

  gtk_widget_action_set_enabled (GTK_WIDGET (page), "reception.refresh", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (page), "reception.call", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (page), "reception.record", online);
}

/* "A012 · XF2026-000123": the visitor's ticket (when they came with one) and matter. */
static char *
visitor_label (JsonObject *visitor)
{
  const char *code = json_object_get_string_member_with_default (visitor, "ticket_code", NULL);
  const char *number = json_object_get_string_member_with_default (visitor, "matter_number", "");

  /* Translators: a visitor in the leader's list: ticket code · matter number */
  return code != NULL ? g_strdup_printf (_ ("%s · %s"), code, number) : g_strdup (number);
}

static JsonObject *
find_visitor (HallReceptionPage *self,
              gint64             escalation_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->visitors));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (G_LIST_MODEL (self->visitors), i);
      JsonObject *data = hall_json_item_get_data (item);

      if (json_object_get_int_member_with_default (data, "escalation_id", 0) == escalation_id)
        return data;
    }
  return NULL;
}

static GtkWidget *
create_visitor_row (gpointer item,
                    gpointer user_data)
{
  JsonObject *data = hall_json_item_get_data (item);
  gint64      escalation_id = json_object_get_int_member_with_default (data, "escalation_id", 0);
  gboolean    called =
      g_strcmp0 (json_object_get_string_member_with_default (data, "state", ""), "called") == 0;
  const char *note = json_object_get_string_member_with_default (data, "note", NULL);
  const char *sent_by =
      json_object_get_string_member_with_default (data, "escalated_by_name", NULL);
  gint64           arrived = json_object_get_int_member_with_default (data, "arrived_at", 0);
  gint64           persons = json_object_get_int_member_with_default (data, "persons", 1);
  AdwActionRow    *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget       *badge = gtk_label_new (called ? _ ("Called in") : _ ("Waiting"));
  GtkWidget       *call;
  GtkWidget       *record;
  g_autofree char *title = visitor_label (data);
  g_autofree char *clock = arrived ? _hall_format_clock (arrived) : NULL;
  g_autoptr (GString) subtitle = g_string_new (NULL);
  g_autofree char *name = g_strdup_printf ("visitor-%" G_GINT64_FORMAT, escalation_id);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (GTK_WIDGET (row), name);
  g_string_append_printf (
      subtitle, g_dngettext (GETTEXT_PACKAGE, "%d person", "%d persons", persons), (int) persons);
  if (clock != NULL)
    /* Translators: when the visitor arrived in the hall, %s is a time such as 09:12 */
    g_string_append_printf (subtitle, _ (" · arrived %s"), clock);
  else
    g_string_append (subtitle, _ (" · not in the hall"));
  if (sent_by != NULL)
    /* Translators: who sent the visitor to the leader, %s a name */
    g_string_append_printf (subtitle, _ (" · sent by %s"), sent_by);
  if (note != NULL && *note)
    g_string_append_printf (subtitle, " · %s", note);
  adw_action_row_set_subtitle (row, subtitle->str);
  adw_action_row_set_subtitle_lines (row, 2);

  _hall_leader_format_state_badge (badge, called);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (row, badge);

  _hall_rows_add_button (row, _ ("_Details"), "reception.show-matter",
                         json_object_get_int_member_with_default (data, "matter_id", 0));
  call = _hall_rows_add_button (row, called ? _ ("Call _Again") : _ ("_Call In"), "reception.call",
                                escalation_id);
  record = _hall_rows_add_button (row, _ ("_Record"), "reception.record", escalation_id);
  gtk_widget_add_css_class (called ? record : call, "suggested-action");
  return GTK_WIDGET (row);
}

static void
queue_cb (HallPage     *page,
          JsonObject   *reply,
          const GError *error,
          gpointer      user_data)
{
  HallReceptionPage *self = HALL_RECEPTION_PAGE (page);
  g_autofree char   *summary = NULL;
  guint              waiting = 0, called = 0;

  _hall_form_set_error (GTK_WIDGET (self->list_error), GTK_WIDGET (self->list_error),
                        reply == NULL ? error->message : NULL);
  if (reply == NULL)
    return;
  _hall_json_store_fill (self->visitors, json_object_get_array_member (reply, "visitors"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->visitors)); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (G_LIST_MODEL (self->visitors), i);

      if (g_strcmp0 (json_object_get_string_member_with_default (hall_json_item_get_data (item),
                                                                 "state", ""),
                     "called")
          == 0)
        called++;
      else
        waiting++;
    }
  /* Translators: the leader's reception summary: visitors waiting and called in, %s is today's date
   */
  summary = g_strdup_printf (_ ("%s: %u waiting, %u called in"),
                             json_object_get_string_member_with_default (reply, "date", ""),
                             waiting, called);
  gtk_label_set_text (self->summary_label, summary);
}

/* Whether this leader is on today's roster, and when: said above the list. */
static void
today_cb (HallPage     *page,
          JsonObject   *reply,
          const GError *error,
          gpointer      user_data)
{
  HallReceptionPage *self = HALL_RECEPTION_PAGE (page);
  JsonObject        *user = hall_client_get_user (hall_page_get_client (page));
  gint64             me = user ? json_object_get_int_member_with_default (user, "id", 0) : 0;
  JsonArray         *leaders = reply ? json_object_get_array_member (reply, "leaders") : NULL;
  JsonObject        *mine = NULL;
  g_autofree char   *text = NULL;

  if (reply == NULL)
    return;
  for (guint i = 0; leaders != NULL && i < json_array_get_length (leaders); i++)
    if (json_object_get_int_member_with_default (json_array_get_object_element (leaders, i),
                                                 "user_id", -1)
        == me)
      mine = json_array_get_object_element (leaders, i);

  if (mine == NULL)
    text = g_strdup (
        _ ("You are not on today’s duty roster: visitors are sent to the leader on duty."));
  else
    {
      const char *slot = json_object_get_string_member_with_default (mine, "slot", "day");
      const char *note = json_object_get_string_member_with_default (mine, "note", NULL);
      const char *when = g_strcmp0 (slot, "am") == 0   ? _ ("this morning")
                         : g_strcmp0 (slot, "pm") == 0 ? _ ("this afternoon")
                                                       : _ ("all day");

      if (note != NULL && *note)
        /* Translators: the leader's duty today: "all day" / "this morning", then the room or note
         */
        text = g_strdup_printf (_ ("You receive visitors %s · %s"), when, note);
      else
        /* Translators: the leader's duty today: "all day" / "this morning" */
        text = g_strdup_printf (_ ("You receive visitors %s"), when);
    }
  gtk_label_set_text (self->duty_label, text);
}

static void
hall_reception_page_refresh (HallPage *page)
{
  hall_page_load (page, "leader.queue", NULL, queue_cb, NULL);
  hall_page_load (page, "leader.today", NULL, today_cb, NULL);
}

/* ---- the reception record ----------------------------------------------------------------- */

static void
open_form (HallReceptionPage *self,
           gint64             escalation_id,
           gint64             matter_id,
           JsonObject        *visitor)
{
  g_autofree char *label = visitor_label (visitor);
  g_autofree char *title = NULL;

  /* Translators: title of the reception record, %s the ticket code and matter number */
  title = g_strdup_printf (_ ("Reception Record — %s"), label);
  gtk_label_set_text (self->form_title, title);
  hall_reception_form_load (self->form, escalation_id, matter_id);
  gtk_stack_set_visible_child_name (self->stack, "form");
}

static void
called_cb (HallPage     *page,
           JsonObject   *reply,
           const GError *error,
           gpointer      user_data)
{
  JsonObject *escalation;

  if (reply == NULL)
    {
      hall_page_toast (page, error->message);
      return;
    }
  escalation = json_object_get_object_member (reply, "escalation");
  if (escalation != NULL)
    open_form (HALL_RECEPTION_PAGE (page), json_object_get_int_member (escalation, "id"),
               json_object_get_int_member (escalation, "matter_id"), escalation);
  hall_page_refresh (page);
}

static void
call_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autoptr (JsonObject) params =
      _hall_json_params_id ("escalation_id", g_variant_get_int64 (parameter));

  hall_page_call (HALL_PAGE (widget), "leader.call", params, called_cb, NULL);
}

static void
record_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HallReceptionPage *self = HALL_RECEPTION_PAGE (widget);
  JsonObject        *visitor = find_visitor (self, g_variant_get_int64 (parameter));

  if (visitor != NULL)
    open_form (self, json_object_get_int_member (visitor, "escalation_id"),
               json_object_get_int_member (visitor, "matter_id"), visitor);
}

static void
received_cb (HallReceptionPage *self,
             JsonObject        *reception)
{
  JsonArray       *departments = json_object_get_array_member (reception, "departments");
  guint            n = departments ? json_array_get_length (departments) : 0;
  const char      *number = json_object_get_string_member_with_default (reception, "matter_number", "");
  g_autofree char *message = NULL;
  AdwToast        *toast;

  if (n > 0)
    /* Translators: after the reception record is saved; %s the matter number */
    message =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s recorded and assigned to %u department",
                                      "%s recorded and assigned to %u departments", n),
                         number, n);
  else
    /* Translators: after the reception record is saved; %s the matter number */
    message = g_strdup_printf (_ ("%s recorded"), number);
  toast = adw_toast_new (message);
  /* Translators: on the toast after a reception record is saved: prints 领导干部接待群众来访登记表 */
  adw_toast_set_button_label (toast, _ ("_Print Record"));
  adw_toast_set_action_name (toast, "reception.print-record");
  adw_toast_set_action_target_value (
      toast, g_variant_new_int64 (json_object_get_int_member (reception, "id")));
  adw_toast_set_timeout (toast, 10);
  hall_page_add_toast (HALL_PAGE (self), toast);
  gtk_stack_set_visible_child_name (self->stack, "list");
  hall_page_refresh (HALL_PAGE (self));
}

static HallDocument *
record_from_reply (JsonObject *reply,
                   const char *hall_name)
{
  return hall_paper_reception_record (json_object_get_object_member (reply, "reception"),
                                      hall_name);
}

/* "reception.print-record" (int64 reception id): the 登记表 as the hall keeps it on file. */
static void
print_record_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr (JsonObject) params = json_object_new ();

  json_object_set_int_member (params, "reception_id", g_variant_get_int64 (parameter));
  hall_page_call (HALL_PAGE (widget), "leader.reception", params, hall_print_reply_cb,
                  (gpointer) record_from_reply);
}

static void
hall_reception_page_event (HallPage   *page,
                           const char *kind,
                           JsonObject *event)
{
  if (g_str_has_prefix (kind, "leader.") || g_str_has_prefix (kind, "ticket.")
      || g_str_equal (kind, "matter.escalated"))
    hall_page_refresh (page);
}

static void
hall_reception_page_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), HALL_TYPE_RECEPTION_PAGE);
  G_OBJECT_CLASS (hall_reception_page_parent_class)->dispose (object);
}

static void
hall_reception_page_finalize (GObject *object)
{
  HallReceptionPage *self = HALL_RECEPTION_PAGE (object);

  g_clear_object (&self->visitors);
  G_OBJECT_CLASS (hall_reception_page_parent_class)->finalize (object);
}

static void
hall_reception_page_class_init (HallReceptionPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_reception_page_dispose;
  object_class->finalize = hall_reception_page_finalize;
  page_class->refresh = hall_reception_page_refresh;
  page_class->event = hall_reception_page_event;
  page_class->update_actions = hall_reception_page_update_actions;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/leader/hall-reception-page.ui");
  g_type_ensure (HALL_TYPE_MATTER_VIEW);
  g_type_ensure (HALL_TYPE_RECEPTION_FORM);
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, HallReceptionPage, name)
  CHILD (matter_view);
  CHILD (stack);
  CHILD (summary_label);
  CHILD (duty_label);
  CHILD (list_error);
  CHILD (visitors_list);
  CHILD (form_title);
  CHILD (form);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "reception.call", "x", call_action);
  gtk_widget_class_install_action (widget_class, "reception.record", "x", record_action);
  gtk_widget_class_install_action (widget_class, "reception.print-record", "x",
                                   print_record_action);
  hall_page_class_install_refresh_action (page_class, "reception.refresh");
  hall_page_class_install_matter_actions (page_class, "reception");
}

static void
hall_reception_page_init (HallReceptionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->visitors = g_list_store_new (HALL_TYPE_JSON_ITEM);
  gtk_list_box_bind_model (self->visitors_list, G_LIST_MODEL (self->visitors), create_visitor_row,
                           NULL, NULL);
  g_signal_connect_object (self->form, "received", G_CALLBACK (received_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_bind_property (self, "client", self->form, "client", G_BINDING_SYNC_CREATE);
  hall_page_set_matter_stack (HALL_PAGE (self), self->stack, GTK_WIDGET (self->matter_view));
  hall_reception_page_update_actions (HALL_PAGE (self));
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
