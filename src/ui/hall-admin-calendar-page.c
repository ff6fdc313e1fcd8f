/* hall-admin-calendar-page.c — the working-day calendar: holidays, make-up working days and
 * what they do to the hall's deadlines
 *
 * Reads the hall's today (hall.info), the marked days of this year and the next
 * (calendar.list) and three deadlines counted from today (calendar.deadline), again after every
 * calendar.changed event, so the preview shows at once what a new holiday does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-admin-calendar"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-admin-calendar-page.h"
#include "hall-admin-util.h"
#include "hall-board-item.h"
#include "hall-ui-util.h"

struct _HallAdminCalendarPage
{
  AdwBin parent_instance;

  HallClient *client;
  GSignalGroup *client_signals; /* "event" */
  GSignalGroup *client_notify;  /* "notify::" */
  GCancellable *cancellable;
  guint pending; /* reads under way */
  gboolean dirty;
  guint busy;    /* changes under way */
  char *today;
  char *due_15;

  GListStore *days;

  GtkLabel *deadline_15;
  GtkLabel *deadline_60;
  GtkLabel *deadline_5w;
  AdwEntryRow *date_row;
  GtkWidget *date_error;
  AdwComboRow *kind_row;
  AdwEntryRow *note_row;
  GtkWidget *note_error;
  GtkLabel *general_error;
  AdwPreferencesGroup *days_group;
  GtkListBox *days_list;
};

G_DEFINE_FINAL_TYPE (HallAdminCalendarPage, hall_admin_calendar_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const watched_events[] = { "calendar.changed", NULL };

typedef struct
{
  HallAdminCalendarPage *self;
  GtkLabel *label;
  char *date;
} CalendarCall;

static void refresh (HallAdminCalendarPage *self);

static void
calendar_call_free (CalendarCall *call)
{
  g_clear_object (&call->self);
  g_free (call->date);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CalendarCall, calendar_call_free)

static CalendarCall *
calendar_call_new (HallAdminCalendarPage *self,
                   GtkLabel              *label,
                   const char            *date)
{
  CalendarCall *call = g_new0 (CalendarCall, 1);

  call->self = g_object_ref (self);
  call->label = label;
  call->date = g_strdup (date);
  return call;
}

static gboolean
is_busy (HallAdminCalendarPage *self)
{
  return self->busy > 0 || self->pending > 0;
}

static void
set_busy (HallAdminCalendarPage *self,
          guint                 *counter,
          gboolean               busy)
{
  gboolean was = is_busy (self);

  if (busy)
    (*counter)++;
  else if (*counter > 0)
    (*counter)--;
  if (was != is_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
update_actions (HallAdminCalendarPage *self)
{
  gboolean connected = self->client != NULL && hall_client_get_connected (self->client);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.add-day", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "calendar.remove-day", connected);
}

static void
read_done (HallAdminCalendarPage *self)
{
  set_busy (self, &self->pending, FALSE);
  if (self->pending == 0 && self->dirty)
    refresh (self);
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (CalendarCall) call = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (reply == NULL)
    g_debug ("calendar.list: %s", error->message);
  else
    _hall_admin_store_replace (call->self->days, json_object_get_array_member (reply, "days"), TRUE);
  read_done (call->self);
}

static void
deadline_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (CalendarCall) call = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (reply == NULL)
    gtk_label_set_text (call->label, error->message);
  else
    {
      const char *due = json_object_get_string_member_with_default (reply, "due", "");
      g_autofree char *date = _hall_admin_format_date (due);
      /* Translators: deadline preview, %s is a date with its weekday */
      g_autofree char *text = g_strdup_printf (_("ends on %s"), date);

      gtk_label_set_text (call->label, text);
      if (call->label == call->self->deadline_15)
        {
          g_free (call->self->due_15);
          call->self->due_15 = g_strdup (due);
        }
    }
  read_done (call->self);
}

static void
ask_deadline (HallAdminCalendarPage *self,
              GtkLabel              *label,
              int                    days,
              gboolean               working)
{
  g_autoptr (JsonObject) params = json_object_new ();

  json_object_set_string_member (params, "from", self->today);
  json_object_set_int_member (params, "days", days);
  json_object_set_boolean_member (params, "working", working);
  set_busy (self, &self->pending, TRUE);
  hall_client_call_async (self->client, "calendar.deadline", params, self->cancellable, deadline_cb,
                          calendar_call_new (self, label, NULL));
}

static void
info_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (CalendarCall) call = user_data;
  HallAdminCalendarPage *self = call->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) info = hall_client_call_finish (HALL_CLIENT (object), result, &error);
  const char *today;
  int year = 0;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  today = info ? json_object_get_string_member_with_default (info, "today", NULL) : NULL;
  if (today == NULL || sscanf (today, "%d-", &year) != 1)
    {
      if (error != NULL)
        g_debug ("hall.info: %s", error->message);
      read_done (self);
      return;
    }

  g_free (self->today);
  self->today = g_strdup (today);
  {
    g_autoptr (JsonObject) params = json_object_new ();
    g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
    g_autofree char *to = g_strdup_printf ("%04d-12-31", year + 1);
    /* Translators: the years the calendar page lists, e.g. "2026–2027" */
    g_autofree char *description = g_strdup_printf (_("%d–%d"), year, year + 1);

    adw_preferences_group_set_description (self->days_group, description);
    json_object_set_string_member (params, "from", from);
    json_object_set_string_member (params, "to", to);
    set_busy (self, &self->pending, TRUE);
    hall_client_call_async (self->client, "calendar.list", params, self->cancellable, list_cb,
                            calendar_call_new (self, NULL, NULL));
  }
  ask_deadline (self, self->deadline_15, 15, FALSE);
  ask_deadline (self, self->deadline_60, 60, FALSE);
  ask_deadline (self, self->deadline_5w, 5, TRUE);
  read_done (self);
}

static void
refresh (HallAdminCalendarPage *self)
{
  if (self->client == NULL || !hall_client_is_signed_in (self->client))
    return;
  if (self->pending > 0)
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  set_busy (self, &self->pending, TRUE);
  hall_client_call_async (self->client, "hall.info", NULL, self->cancellable, info_cb,
                          calendar_call_new (self, NULL, NULL));
}

static void
update_day_row (AdwActionRow  *row,
                GParamSpec    *pspec,
                HallBoardItem *item)
{
  JsonObject *day = hall_board_item_get_data (item);
  const char *date = json_object_get_string_member_with_default (day, "date", "");
  const char *kind = json_object_get_string_member_with_default (day, "kind", "");
  const char *note = json_object_get_string_member_with_default (day, "note", "");
  GtkLabel *kind_label = g_object_get_data (G_OBJECT (row), "kind-label");
  GtkWidget *remove = g_object_get_data (G_OBJECT (row), "remove-button");
  g_autofree char *title = _hall_admin_format_date (date);
  g_autofree char *remove_name = NULL;
  gboolean holiday = g_str_equal (kind, "holiday");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, note);
  gtk_widget_set_name (GTK_WIDGET (row), date);
  /* Text as well as colour: a day off or a working day. */
  gtk_label_set_text (kind_label, holiday ? _("Holiday") : _("Make-up working day"));
  gtk_widget_remove_css_class (GTK_WIDGET (kind_label), holiday ? "day-workday" : "day-holiday");
  gtk_widget_add_css_class (GTK_WIDGET (kind_label), holiday ? "day-holiday" : "day-workday");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", date);
  /* Translators: accessible name of the button that removes a day from the calendar, %s a date */
  remove_name = g_strdup_printf (_("Remove %s"), date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  gtk_widget_set_tooltip_text (remove, remove_name);
}

static GtkWidget *
create_day_row (gpointer item,
                gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *kind = gtk_label_new (NULL);
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_add_css_class (kind, "day-kind");
  gtk_widget_set_valign (kind, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "calendar.remove-day");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), kind);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "kind-label", kind);
  g_object_set_data (G_OBJECT (row), "remove-button", remove);
  g_signal_connect_object (item, "notify::data", G_CALLBACK (update_day_row), row, G_CONNECT_SWAPPED);
  update_day_row (ADW_ACTION_ROW (row), NULL, item);
  return row;
}

static void
clear_errors (HallAdminCalendarPage *self)
{
  _hall_form_set_error (GTK_WIDGET (self->date_row), self->date_error, NULL);
  _hall_form_set_error (GTK_WIDGET (self->note_row), self->note_error, NULL);
  gtk_label_set_text (self->general_error, "");
}

static void
change_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (CalendarCall) call = user_data;
  HallAdminCalendarPage *self = call->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);
  const char *field;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  field = error != NULL && error->domain == HALL_ERROR ? hall_error_get_field (error) : NULL;
  if (reply != NULL)
    {
      if (call->label == NULL)
        {
          gtk_editable_set_text (GTK_EDITABLE (self->date_row), "");
          gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
          clear_errors (self);
        }
      refresh (self);
    }
  else if (call->label != NULL)
    _hall_admin_toast (GTK_WIDGET (self), error->message);
  else if (g_strcmp0 (field, "date") == 0)
    _hall_form_set_error (GTK_WIDGET (self->date_row), self->date_error, error->message);
  else if (g_strcmp0 (field, "note") == 0)
    _hall_form_set_error (GTK_WIDGET (self->note_row), self->note_error, error->message);
  else
    gtk_label_set_text (self->general_error, error->message);
  set_busy (self, &self->busy, FALSE);
}

static gboolean
valid_date (const char *text)
{
  int y, m, d;
  char end;

  return text != NULL && strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3
         && g_date_valid_dmy (d, m, y);
}

static void
add_day_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HallAdminCalendarPage *self = HALL_ADMIN_CALENDAR_PAGE (widget);
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  g_autoptr (JsonObject) params = json_object_new ();

  clear_errors (self);
  if (!valid_date (date))
    {
      _hall_form_set_error (GTK_WIDGET (self->date_row), self->date_error,
                            _("Type the date as year-month-day, for example 2026-10-01."));
      return;
    }
  if (self->client == NULL)
    return;
  json_object_set_string_member (params, "date", date);
  json_object_set_string_member (params, "kind", adw_combo_row_get_selected (self->kind_row) == 1 ? "workday"
                                                                                                  : "holiday");
  if (*note)
    json_object_set_string_member (params, "note", note);
  set_busy (self, &self->busy, TRUE);
  hall_client_call_async (self->client, "calendar.set_day", params, self->cancellable, change_cb,
                          calendar_call_new (self, NULL, date));
}

static void
remove_response_cb (CalendarCall     *call,
                    const char       *response,
                    AdwMessageDialog *dialog)
{
  HallAdminCalendarPage *self = call->self;
  g_autoptr (JsonObject) params = NULL;

  if (g_strcmp0 (response, "remove") != 0 || self->client == NULL)
    return;
  params = json_object_new ();
  json_object_set_string_member (params, "date", call->date);
  set_busy (self, &self->busy, TRUE);
  /* A label marks a removal, so an error goes to a toast rather than the form. */
  hall_client_call_async (self->client, "calendar.clear_day", params, self->cancellable, change_cb,
                          calendar_call_new (self, self->general_error, call->date));
}

static void
remove_day_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HallAdminCalendarPage *self = HALL_ADMIN_CALENDAR_PAGE (widget);
  CalendarCall *call = calendar_call_new (self, NULL, g_variant_get_string (parameter, NULL));
  g_autofree char *date = _hall_admin_format_date (call->date);
  /* Translators: question before removing a day from the calendar, %s is a date */
  g_autofree char *heading = g_strdup_printf (_("Remove %s from the Calendar?"), date);
  AdwMessageDialog *dialog;

  dialog = _hall_admin_confirm (widget, heading,
                                _("The day follows the weekday rule again, and every deadline that runs "
                                  "over it is counted again."),
                                /* Translators: button that removes a day from the calendar */
                                "remove", _("_Remove"), G_CALLBACK (remove_response_cb), call);
  g_object_set_data_full (G_OBJECT (dialog), "call", call, (GDestroyNotify) calendar_call_free);
}

static void
event_cb (HallAdminCalendarPage *self,
          JsonObject            *event)
{
  if (_hall_admin_event_is (event, watched_events))
    refresh (self);
}

static void
connected_cb (HallAdminCalendarPage *self)
{
  update_actions (self);
  if (self->client != NULL && hall_client_get_connected (self->client))
    refresh (self);
}

static void
hall_admin_calendar_page_dispose (GObject *object)
{
  HallAdminCalendarPage *self = HALL_ADMIN_CALENDAR_PAGE (object);

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
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_ADMIN_CALENDAR_PAGE);
  G_OBJECT_CLASS (hall_admin_calendar_page_parent_class)->dispose (object);
}

static void
hall_admin_calendar_page_finalize (GObject *object)
{
  HallAdminCalendarPage *self = HALL_ADMIN_CALENDAR_PAGE (object);

  g_clear_object (&self->days);
  g_clear_pointer (&self->today, g_free);
  g_clear_pointer (&self->due_15, g_free);
  G_OBJECT_CLASS (hall_admin_calendar_page_parent_class)->finalize (object);
}

static void
hall_admin_calendar_page_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  HallAdminCalendarPage *self = HALL_ADMIN_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, is_busy (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_admin_calendar_page_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  HallAdminCalendarPage *self = HALL_ADMIN_CALENDAR_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      hall_admin_calendar_page_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_admin_calendar_page_class_init (HallAdminCalendarPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hall_admin_calendar_page_dispose;
  object_class->finalize = hall_admin_calendar_page_finalize;
  object_class->get_property = hall_admin_calendar_page_get_property;
  object_class->set_property = hall_admin_calendar_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HALL_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xinfanghall/Hall/ui/hall-admin-calendar-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallAdminCalendarPage, deadline_15);
  gtk_widget_class_bind_template_child (widget_class, HallAdminCalendarPage, deadline_60);
  gtk_widget_class_bind_template_child (widget_class, HallAdminCalendarPage, deadline_5w);
  gtk_widget_class_bind_template_child (widget_class, HallAdminCalendarPage, date_row);
  gtk_widget_class_bind_template_child (widget_class, HallAdminCalendarPage, date_error);
  gtk_widget_class_bind_template_child (widget_class, HallAdminCalendarPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, HallAdminCalendarPage, note_row);
  gtk_widget_class_bind_template_child (widget_class, HallAdminCalendarPage, note_error);
  gtk_widget_class_bind_template_child (widget_class, HallAdminCalendarPage, general_error);
  gtk_widget_class_bind_template_child (widget_class, HallAdminCalendarPage, days_group);
  gtk_widget_class_bind_template_child (widget_class, HallAdminCalendarPage, days_list);

  gtk_widget_class_install_action (widget_class, "calendar.add-day", NULL, add_day_action);
  gtk_widget_class_install_action (widget_class, "calendar.remove-day", "s", remove_day_action);
}

static void
hall_admin_calendar_page_init (HallAdminCalendarPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->days = g_list_store_new (HALL_TYPE_BOARD_ITEM);
  gtk_list_box_bind_model (self->days_list, G_LIST_MODEL (self->days), create_day_row, NULL, NULL);

  self->client_signals = g_signal_group_new (HALL_TYPE_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "event", G_CALLBACK (event_cb), self);
  self->client_notify = g_signal_group_new (G_TYPE_OBJECT);
  g_signal_group_connect_swapped (self->client_notify, "notify::connected", G_CALLBACK (connected_cb), self);
  g_signal_group_connect_swapped (self->client_notify, "notify::user", G_CALLBACK (connected_cb), self);
  update_actions (self);
}

GtkWidget *
hall_admin_calendar_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_ADMIN_CALENDAR_PAGE, "client", client, NULL);
}

HallClient *
hall_admin_calendar_page_get_client (HallAdminCalendarPage *self)
{
  g_return_val_if_fail (HALL_IS_ADMIN_CALENDAR_PAGE (self), NULL);
  return self->client;
}

void
hall_admin_calendar_page_set_client (HallAdminCalendarPage *self,
                                     HallClient            *client)
{
  g_return_if_fail (HALL_IS_ADMIN_CALENDAR_PAGE (self));
  g_return_if_fail (client == NULL || HALL_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->pending = 0;
  self->busy = 0;
  g_signal_group_set_target (self->client_signals, client);
  g_signal_group_set_target (self->client_notify, client);
  update_actions (self);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

GListModel *
hall_admin_calendar_page_get_days (HallAdminCalendarPage *self)
{
  g_return_val_if_fail (HALL_IS_ADMIN_CALENDAR_PAGE (self), NULL);
  return G_LIST_MODEL (self->days);
}

const char *
hall_admin_calendar_page_get_today (HallAdminCalendarPage *self)
{
  g_return_val_if_fail (HALL_IS_ADMIN_CALENDAR_PAGE (self), NULL);
  return self->today;
}

const char *
hall_admin_calendar_page_get_due_15 (HallAdminCalendarPage *self)
{
  g_return_val_if_fail (HALL_IS_ADMIN_CALENDAR_PAGE (self), NULL);
  return self->due_15;
}

gboolean
hall_admin_calendar_page_get_busy (HallAdminCalendarPage *self)
{
  g_return_val_if_fail (HALL_IS_ADMIN_CALENDAR_PAGE (self), FALSE);
  return is_busy (self);
}
