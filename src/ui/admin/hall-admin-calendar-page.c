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
#include "hall-date-row.h"
#include "hall-dialog.h"
#include "hall-form.h"
#include "hall-format.h"
#include "hall-json-item.h"

struct _HallAdminCalendarPage
{
  HallAdminPage parent_instance;

  char         *today;
  char         *due_15;
  GListStore   *days;
  HallFormField fields[2];

  GtkLabel            *deadline_15;
  GtkLabel            *deadline_60;
  GtkLabel            *deadline_5w;
  HallDateRow         *date_row;
  GtkWidget           *date_error;
  AdwComboRow         *kind_row;
  AdwEntryRow         *note_row;
  GtkWidget           *note_error;
  GtkLabel            *general_error;
  AdwPreferencesGroup *days_group;
  GtkListBox          *days_list;
};

G_DEFINE_FINAL_TYPE (HallAdminCalendarPage, hall_admin_calendar_page, HALL_TYPE_ADMIN_PAGE)

static const char *const refresh_on[] = { "calendar.changed", NULL };

static void
hall_admin_calendar_page_update_actions (HallPage *page)
{
  gboolean online = hall_page_is_online (page);

  gtk_widget_action_set_enabled (GTK_WIDGET (page), "calendar.add-day", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (page), "calendar.remove-day", online);
}

static void
list_cb (HallPage     *page,
         JsonObject   *reply,
         const GError *error,
         gpointer      user_data)
{
  if (reply == NULL)
    g_debug ("calendar.list: %s", error->message);
  else
    hall_json_item_update_store (HALL_ADMIN_CALENDAR_PAGE (page)->days,
                                 json_object_get_array_member (reply, "days"), 0, TRUE);
}

/* @user_data: the deadline's label. */
static void
deadline_cb (HallPage     *page,
             JsonObject   *reply,
             const GError *error,
             gpointer      user_data)
{
  HallAdminCalendarPage *self = HALL_ADMIN_CALENDAR_PAGE (page);
  GtkLabel              *label = user_data;
  const char            *due;
  g_autofree char       *date = NULL;
  g_autofree char       *text = NULL;

  if (reply == NULL)
    {
      gtk_label_set_text (label, error->message);
      return;
    }
  due = json_object_get_string_member_with_default (reply, "due", "");
  date = _hall_format_weekday_date (due);
  /* Translators: deadline preview, %s is a date with its weekday */
  text = g_strdup_printf (_ ("ends on %s"), date);
  gtk_label_set_text (label, text);
  if (label == self->deadline_15)
    {
      g_free (self->due_15);
      self->due_15 = g_strdup (due);
    }
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
  hall_page_load (HALL_PAGE (self), "calendar.deadline", params, deadline_cb, label);
}

static void
info_cb (HallPage     *page,
         JsonObject   *info,
         const GError *error,
         gpointer      user_data)
{
  HallAdminCalendarPage *self = HALL_ADMIN_CALENDAR_PAGE (page);
  const char            *today =
      info != NULL ? json_object_get_string_member_with_default (info, "today", NULL) : NULL;
  g_autoptr (JsonObject) params = json_object_new ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *description = NULL;
  int              year = 0;

  if (today == NULL || sscanf (today, "%d-", &year) != 1)
    {
      if (error != NULL)
        g_debug ("hall.info: %s", error->message);
      return;
    }
  g_free (self->today);
  self->today = g_strdup (today);
  from = g_strdup_printf ("%04d-01-01", year);
  to = g_strdup_printf ("%04d-12-31", year + 1);
  /* Translators: the years the calendar page lists, e.g. "2026–2027" */
  description = g_strdup_printf (_ ("%d–%d"), year, year + 1);
  adw_preferences_group_set_description (self->days_group, description);
  json_object_set_string_member (params, "from", from);
  json_object_set_string_member (params, "to", to);
  /* Loads of the same refresh: one asked for meanwhile waits for them all. */
  hall_page_load (page, "calendar.list", params, list_cb, NULL);
  ask_deadline (self, self->deadline_15, 15, FALSE);
  ask_deadline (self, self->deadline_60, 60, FALSE);
  ask_deadline (self, self->deadline_5w, 5, TRUE);
}

static void
hall_admin_calendar_page_refresh (HallPage *page)
{
  hall_page_load (page, "hall.info", NULL, info_cb, NULL);
}

static void
update_day_row (AdwActionRow *row,
                GParamSpec   *pspec,
                HallJsonItem *item)
{
  JsonObject      *day = hall_json_item_get_data (item);
  const char      *date = json_object_get_string_member_with_default (day, "date", "");
  const char      *kind = json_object_get_string_member_with_default (day, "kind", "");
  const char      *note = json_object_get_string_member_with_default (day, "note", "");
  GtkLabel        *kind_label = g_object_get_data (G_OBJECT (row), "kind-label");
  GtkWidget       *remove = g_object_get_data (G_OBJECT (row), "remove-button");
  g_autofree char *title = _hall_format_weekday_date (date);
  g_autofree char *remove_name = NULL;
  gboolean         holiday = g_str_equal (kind, "holiday");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, note);
  gtk_widget_set_name (GTK_WIDGET (row), date);
  /* Text as well as colour: a day off or a working day. */
  gtk_label_set_text (kind_label, holiday ? _ ("Holiday") : _ ("Make-up working day"));
  gtk_widget_remove_css_class (GTK_WIDGET (kind_label), holiday ? "day-workday" : "day-holiday");
  gtk_widget_add_css_class (GTK_WIDGET (kind_label), holiday ? "day-holiday" : "day-workday");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", date);
  /* Translators: accessible name of the button that removes a day from the calendar, %s a date */
  remove_name = g_strdup_printf (_ ("Remove %s"), date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_name, -1);
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
  g_signal_connect_object (item, "notify::data", G_CALLBACK (update_day_row), row,
                           G_CONNECT_SWAPPED);
  update_day_row (ADW_ACTION_ROW (row), NULL, item);
  return row;
}

static void
day_set_cb (HallPage     *page,
            JsonObject   *reply,
            const GError *error,
            gpointer      user_data)
{
  HallAdminCalendarPage *self = HALL_ADMIN_CALENDAR_PAGE (page);

  if (reply == NULL)
    {
      _hall_form_show_error (self->fields, G_N_ELEMENTS (self->fields), error, self->general_error);
      return;
    }
  hall_date_row_set_date (self->date_row, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->note_row), "");
  _hall_form_clear_errors (self->fields, G_N_ELEMENTS (self->fields), self->general_error);
  hall_page_refresh (page);
}

static void
add_day_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HallAdminCalendarPage *self = HALL_ADMIN_CALENDAR_PAGE (widget);
  const char            *date;
  const char            *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  g_autoptr (JsonObject) params = json_object_new ();

  _hall_form_clear_errors (self->fields, G_N_ELEMENTS (self->fields), self->general_error);
  if (!hall_date_row_check (self->date_row, TRUE))
    return;
  date = hall_date_row_get_date (self->date_row);
  if (hall_page_get_client (HALL_PAGE (self)) == NULL)
    return;
  json_object_set_string_member (params, "date", date);
  json_object_set_string_member (
      params, "kind", adw_combo_row_get_selected (self->kind_row) == 1 ? "workday" : "holiday");
  if (*note)
    json_object_set_string_member (params, "note", note);
  hall_admin_page_change (HALL_ADMIN_PAGE (self), "calendar.set_day", params, day_set_cb, NULL,
                          NULL);
}

static void
remove_response_cb (HallAdminCalendarPage *self,
                    const char            *response,
                    AdwMessageDialog      *dialog)
{
  g_autoptr (JsonObject) params = NULL;

  if (!g_str_equal (response, "remove") || hall_page_get_client (HALL_PAGE (self)) == NULL)
    return;
  params = json_object_new ();
  json_object_set_string_member (params, "date", _hall_dialog_get_key (dialog));
  /* Not asked for in the form: what went wrong is a toast. */
  hall_admin_page_change (HALL_ADMIN_PAGE (self), "calendar.clear_day", params,
                          hall_admin_page_refresh_cb, NULL, NULL);
}

static void
remove_day_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char      *day = g_variant_get_string (parameter, NULL);
  g_autofree char *date = _hall_format_weekday_date (day);
  /* Translators: question before removing a day from the calendar, %s is a date */
  g_autofree char *heading = g_strdup_printf (_ ("Remove %s from the Calendar?"), date);

  _hall_dialog_confirm (
      widget, 0, day, heading,
      _ ("The day follows the weekday rule again, and every deadline that runs over it "
         "is counted again."),
      /* Translators: button that removes a day from the calendar */
      "remove", _ ("_Remove"), G_CALLBACK (remove_response_cb));
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
hall_admin_calendar_page_class_init (HallAdminCalendarPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->finalize = hall_admin_calendar_page_finalize;
  page_class->refresh = hall_admin_calendar_page_refresh;
  page_class->update_actions = hall_admin_calendar_page_update_actions;
  HALL_ADMIN_PAGE_CLASS (klass)->refresh_on = refresh_on;

  g_type_ensure (HALL_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/admin/hall-admin-calendar-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, HallAdminCalendarPage, name)
  CHILD (deadline_15);
  CHILD (deadline_60);
  CHILD (deadline_5w);
  CHILD (date_row);
  CHILD (date_error);
  CHILD (kind_row);
  CHILD (note_row);
  CHILD (note_error);
  CHILD (general_error);
  CHILD (days_group);
  CHILD (days_list);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "calendar.add-day", NULL, add_day_action);
  gtk_widget_class_install_action (widget_class, "calendar.remove-day", "s", remove_day_action);
}

static void
hall_admin_calendar_page_init (HallAdminCalendarPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields[0] = (HallFormField){ "date", GTK_WIDGET (self->date_row), self->date_error };
  self->fields[1] = (HallFormField){ "note", GTK_WIDGET (self->note_row), self->note_error };
  self->days = g_list_store_new (HALL_TYPE_JSON_ITEM);
  gtk_list_box_bind_model (self->days_list, G_LIST_MODEL (self->days), create_day_row, NULL, NULL);
  hall_admin_calendar_page_update_actions (HALL_PAGE (self));
}

GtkWidget *
hall_admin_calendar_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_ADMIN_CALENDAR_PAGE, "client", client, NULL);
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
  return hall_admin_page_get_busy (HALL_ADMIN_PAGE (self));
}
