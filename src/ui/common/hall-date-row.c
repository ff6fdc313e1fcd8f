/* hall-date-row.c — a date field: typed or picked from a calendar that marks the hall's holidays
 *
 * Every date a form asks for is one of these rows. The text shows the date in the local form
 * with its weekday ("2026年12月5日 星期六"); a person may type it as 2026-12-05, 2026/12/5,
 * 20261205 or 2026年12月5日 too, and Enter (or leaving the field) shows it in the local form, or
 * the error at the field with the text kept. The button (or Alt+Down) opens a calendar that marks
 * the hall's holidays and make-up working days (调休) of the month shown, named in a legend under
 * it, since a GtkCalendar has one kind of mark only. What forms read is "YYYY-MM-DD".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-date-row"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hall-date-marks.h"
#include "hall-date-row.h"
#include "hall-form.h"
#include "hall-page.h"

struct _HallDateRow
{
  AdwEntryRow parent_instance;

  char         *date;        /* "YYYY-MM-DD", NULL when empty or not a date */
  gboolean      showing;     /* the text is being set from the date */
  gboolean      moving;      /* the calendar is being moved to the date */
  int           marks_month; /* year * 12 + month - 1 of the marks shown, -1: none */
  GCancellable *marks_cancellable;

  GtkMenuButton *button;
  GtkPopover    *popover;
  GtkCalendar   *calendar;
  GtkLabel      *legend;
};

G_DEFINE_FINAL_TYPE (HallDateRow, hall_date_row, ADW_TYPE_ENTRY_ROW)

enum
{
  PROP_0,
  PROP_DATE,
  PROP_ERROR_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* 2026-12-05, 2026/12/5, 2026.12.5, 2026年12月5日, maybe followed by a weekday (the field shows
 * one, and a person who changes the day leaves it). */
#define DATE_PATTERN \
  "^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:\\s+(\\S+))?$"

static GDateTime *
date_time_new (int year,
               int month,
               int day)
{
  if (year < 1000 || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_date_time_new_local (year, month, day, 12, 0, 0);
}

static GDateTime *
parse_iso (const char *date)
{
  int y, m, d;

  if (date == NULL || sscanf (date, "%4d-%2d-%2d", &y, &m, &d) != 3)
    return NULL;
  return date_time_new (y, m, d);
}

static int
match_int (GMatchInfo *match,
           int         group)
{
  g_autofree char *digits = g_match_info_fetch (match, group);

  return digits != NULL ? atoi (digits) : 0;
}

static gboolean
is_weekday (const char *word)
{
  /* 2023-01-02 was a Monday: the seven days after it name every weekday. */
  for (int i = 0; i < 7; i++)
    {
      g_autoptr (GDateTime) day = date_time_new (2023, 1, 2 + i);
      g_autofree char *full = g_date_time_format (day, "%A");
      g_autofree char *abbreviated = g_date_time_format (day, "%a");

      if (g_strcmp0 (word, full) == 0 || g_strcmp0 (word, abbreviated) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The day a person typed in one of the forms the field takes, or NULL. */
static GDateTime *
parse_typed (const char *text)
{
  g_autoptr (GRegex) regex = NULL;
  g_autoptr (GMatchInfo) match = NULL;
  g_autofree char *weekday = NULL;
  int              y, m, d;

  if (strlen (text) == 8 && strspn (text, "0123456789") == 8)
    return sscanf (text, "%4d%2d%2d", &y, &m, &d) == 3 ? date_time_new (y, m, d) : NULL;
  regex = g_regex_new (DATE_PATTERN, 0, 0, NULL);
  if (!g_regex_match (regex, text, 0, &match))
    return NULL;
  weekday = g_match_info_fetch (match, 4);
  if (weekday != NULL && *weekday && !is_weekday (weekday))
    return NULL;
  return date_time_new (match_int (match, 1), match_int (match, 2), match_int (match, 3));
}

static char *
format_shown (GDateTime *time)
{
  /* Translators: a date in a date field, strftime format ("%-d": no leading zero); zh_CN:
   * "%Y年%-m月%-d日 %A" (2026年12月5日 星期六) */
  return g_date_time_format (time, _ ("%a, %-d %b %Y"));
}

/* The day the field's @text (stripped) says, or NULL. */
static GDateTime *
read_text (HallDateRow *self,
           const char  *text)
{
  g_autoptr (GDateTime) current = parse_iso (self->date);
  g_autofree char *shown = current != NULL ? format_shown (current) : NULL;

  if (*text == '\0')
    return NULL;
  if (g_strcmp0 (text, shown) == 0)
    return g_steal_pointer (&current);
  return parse_typed (text);
}

static void
set_value (HallDateRow *self,
           GDateTime   *time)
{
  g_autofree char *date = time != NULL ? g_date_time_format (time, "%Y-%m-%d") : NULL;

  if (g_strcmp0 (date, self->date) == 0)
    return;
  g_free (self->date);
  self->date = g_steal_pointer (&date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

static void
show_date (HallDateRow *self)
{
  g_autoptr (GDateTime) time = parse_iso (self->date);
  g_autofree char *shown = time != NULL ? format_shown (time) : g_strdup ("");

  self->showing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), shown);
  gtk_editable_set_position (GTK_EDITABLE (self), -1);
  self->showing = FALSE;
}

static void
show_error (HallDateRow *self,
            const char  *message)
{
  GtkWidget *label = _hall_form_field_get_error_label (GTK_WIDGET (self));

  if (label != NULL)
    _hall_form_set_error (GTK_WIDGET (self), label, message);
  else if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
}

/* Takes the text as the date, shown in the local form; FALSE (and the error at the field, the
 * text kept) when it is not one. A date typed, or any date on @enter, is "chosen". */
static gboolean
apply (HallDateRow *self,
       gboolean     enter)
{
  g_autofree char *text = _hall_form_dup_text (self);
  g_autoptr (GDateTime) time = read_text (self, text);
  g_autofree char *shown = time != NULL ? format_shown (time) : NULL;
  gboolean         typed = g_strcmp0 (text, shown) != 0;

  if (time == NULL && *text)
    {
      set_value (self, NULL);
      /* Translators: error under a date field; the examples are the forms it takes */
      show_error (self, _ ("Type a date such as 2026-12-05 or 2026年12月5日, or pick it in the "
                           "calendar."));
      return FALSE;
    }
  /* First: a form that checks more on the change (a deadline after today) has the last word. */
  show_error (self, NULL);
  set_value (self, time);
  show_date (self);
  if (time != NULL && (typed || enter))
    g_signal_emit (self, signals[CHOSEN], 0);
  return TRUE;
}

static void
pick (HallDateRow *self,
      GDateTime   *time)
{
  show_error (self, NULL);
  set_value (self, time);
  show_date (self);
  gtk_popover_popdown (self->popover);
  g_signal_emit (self, signals[CHOSEN], 0);
}

static int
month_of (GDateTime *time)
{
  return g_date_time_get_year (time) * 12 + g_date_time_get_month (time) - 1;
}

/* GTK 4.8's calendar shows its marks as they were when the selected day last changed: select
 * the day next to it and back, where a person does not see it. */
static void
redraw_marks (HallDateRow *self)
{
  g_autoptr (GDateTime) selected = gtk_calendar_get_date (self->calendar);
  g_autoptr (GDateTime) other =
      g_date_time_add_days (selected, g_date_time_get_day_of_month (selected) > 1 ? -1 : 1);

  self->moving = TRUE;
  gtk_calendar_select_day (self->calendar, other);
  gtk_calendar_select_day (self->calendar, selected);
  self->moving = FALSE;
}

/* The marked day @day of calendar.list, NULL when it is not one of the month shown. */
static GDateTime *
marked_day (HallDateRow *self,
            JsonObject  *day)
{
  g_autoptr (GDateTime) time =
      parse_iso (json_object_get_string_member_with_default (day, "date", NULL));

  return time != NULL && month_of (time) == self->marks_month ? g_steal_pointer (&time) : NULL;
}

/* Whether @next is the day after @day and says the same: one line of the legend for both. */
static gboolean
same_run (JsonObject *day,
          GDateTime  *time,
          JsonObject *next,
          GDateTime  *next_time)
{
  return next_time != NULL
         && g_date_time_get_day_of_month (next_time) == g_date_time_get_day_of_month (time) + 1
         && json_object_get_boolean_member_with_default (day, "working", FALSE)
                == json_object_get_boolean_member_with_default (next, "working", FALSE)
         && g_strcmp0 (json_object_get_string_member_with_default (day, "note", ""),
                       json_object_get_string_member_with_default (next, "note", ""))
                == 0;
}

/* One line of the legend: the days from @first to @last, what they are. */
static char *
legend_line (JsonObject *day,
             GDateTime  *first,
             GDateTime  *last)
{
  const char *note = json_object_get_string_member_with_default (day, "note", "");
  /* Translators: a day in the legend under a date picker's calendar, strftime format; zh_CN:
   * "%-m月%-d日" */
  g_autofree char *when = g_date_time_format (first, _ ("%b %-d"));

  if (!g_date_time_equal (first, last))
    {
      /* Translators: the last day of a run of days in the legend under a date picker ("Oct
       * 1–7"), strftime format; zh_CN: "%-d日" */
      g_autofree char *until = g_date_time_format (last, _ ("%-d"));
      g_autofree char *start = g_steal_pointer (&when);

      when = g_strdup_printf ("%s–%s", start, until);
    }
  if (json_object_get_boolean_member_with_default (day, "working", FALSE))
    /* Translators: legend under a date picker: make-up working days (调休) and their note;
     * zh_CN: "%s %s 班" (the calendar badge) */
    return g_strdup_printf (_ ("%s %s: make-up working day"), when, note);
  /* Translators: legend under a date picker: a public holiday and its name; zh_CN: "%s %s 休" */
  return g_strdup_printf (_ ("%s %s: day off"), when, note);
}

static void
show_marks (HallDateRow *self,
            JsonArray   *days)
{
  g_autoptr (GString) legend = g_string_new (NULL);
  guint n = json_array_get_length (days);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *day = json_array_get_object_element (days, i);
      g_autoptr (GDateTime) first = marked_day (self, day);
      g_autoptr (GDateTime) last = NULL;
      g_autofree char *line = NULL;

      if (first == NULL)
        continue;
      last = g_date_time_ref (first);
      gtk_calendar_mark_day (self->calendar, g_date_time_get_day_of_month (first));
      while (i + 1 < n)
        {
          JsonObject *next = json_array_get_object_element (days, i + 1);
          g_autoptr (GDateTime) next_time = marked_day (self, next);

          if (!same_run (day, last, next, next_time))
            break;
          gtk_calendar_mark_day (self->calendar, g_date_time_get_day_of_month (next_time));
          g_date_time_unref (last);
          last = g_steal_pointer (&next_time);
          i++;
        }
      line = legend_line (day, first, last);
      if (legend->len > 0)
        g_string_append_c (legend, '\n');
      g_string_append (legend, line);
    }
  gtk_label_set_text (self->legend, legend->str);
  gtk_widget_set_visible (GTK_WIDGET (self->legend), legend->len > 0);
  redraw_marks (self);
}

static void
marks_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonArray) days = _hall_date_marks_load_finish (HALL_CLIENT (object), result, &error);

  /* A row that went away cancelled its call first: only then is @user_data gone. */
  if (days == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("calendar.list: %s", error->message);
      return;
    }
  show_marks (HALL_DATE_ROW (user_data), days);
}

/* Asks for the marks of the month the calendar shows, from the client of the page around. */
static void
load_marks (HallDateRow *self)
{
  GtkWidget  *page = gtk_widget_get_ancestor (GTK_WIDGET (self), HALL_TYPE_PAGE);
  HallClient *client = page != NULL ? hall_page_get_client (HALL_PAGE (page)) : NULL;
  g_autoptr (GDateTime) shown = gtk_calendar_get_date (self->calendar);

  g_cancellable_cancel (self->marks_cancellable);
  g_clear_object (&self->marks_cancellable);
  self->marks_month = month_of (shown);
  gtk_calendar_clear_marks (self->calendar);
  redraw_marks (self);
  gtk_widget_set_visible (GTK_WIDGET (self->legend), FALSE);
  if (client == NULL || !hall_client_is_signed_in (client))
    return;
  self->marks_cancellable = g_cancellable_new ();
  _hall_date_marks_load_async (client, g_date_time_get_year (shown),
                               g_date_time_get_month (shown), self->marks_cancellable, marks_cb,
                               self);
}

static void
text_changed_cb (HallDateRow *self)
{
  g_autofree char *text = NULL;
  g_autoptr (GDateTime) time = NULL;

  if (self->showing)
    return;
  text = _hall_form_dup_text (self);
  time = read_text (self, text);
  set_value (self, time);
  /* No error while typing; what was wrong goes as soon as the text is a date. */
  if (time != NULL || *text == '\0')
    show_error (self, NULL);
}

static void
entry_activated_cb (HallDateRow *self)
{
  apply (self, TRUE);
}

static void
focus_leave_cb (HallDateRow *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    apply (self, FALSE);
}

static void
popover_show_cb (HallDateRow *self)
{
  g_autoptr (GDateTime) time = parse_iso (self->date);

  if (time == NULL)
    time = g_date_time_new_now_local ();
  else
    show_date (self);
  self->moving = TRUE;
  gtk_calendar_select_day (self->calendar, time);
  self->moving = FALSE;
  load_marks (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->calendar));
}

static void
popover_closed_cb (HallDateRow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static void
day_selected_cb (HallDateRow *self)
{
  g_autoptr (GDateTime) time = NULL;

  if (self->moving)
    return;
  time = gtk_calendar_get_date (self->calendar);
  /* The calendar selects a day of the month it turns to as well: that is not a pick. */
  if (month_of (time) != self->marks_month)
    load_marks (self);
  else
    pick (self, time);
}

/* The arrows and Ctrl+arrows turn the month without selecting a day. */
static void
month_shown_cb (HallDateRow *self)
{
  g_autoptr (GDateTime) shown = gtk_calendar_get_date (self->calendar);

  if (!self->moving && month_of (shown) != self->marks_month)
    load_marks (self);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  gtk_menu_button_popup (HALL_DATE_ROW (widget)->button);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  pick (HALL_DATE_ROW (widget), now);
}

static void
hall_date_row_dispose (GObject *object)
{
  HallDateRow *self = HALL_DATE_ROW (object);

  g_cancellable_cancel (self->marks_cancellable);
  g_clear_object (&self->marks_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_DATE_ROW);
  G_OBJECT_CLASS (hall_date_row_parent_class)->dispose (object);
}

static void
hall_date_row_finalize (GObject *object)
{
  g_free (HALL_DATE_ROW (object)->date);
  G_OBJECT_CLASS (hall_date_row_parent_class)->finalize (object);
}

static void
hall_date_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  HallDateRow *self = HALL_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_ERROR_LABEL:
      g_value_set_object (value, _hall_form_field_get_error_label (GTK_WIDGET (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_date_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  HallDateRow *self = HALL_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      hall_date_row_set_date (self, g_value_get_string (value));
      break;
    case PROP_ERROR_LABEL:
      hall_date_row_set_error_label (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_date_row_class_init (HallDateRowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hall_date_row_dispose;
  object_class->finalize = hall_date_row_finalize;
  object_class->get_property = hall_date_row_get_property;
  object_class->set_property = hall_date_row_set_property;

  properties[PROP_DATE] =
      g_param_spec_string ("date", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ERROR_LABEL] =
      g_param_spec_object ("error-label", NULL, NULL, GTK_TYPE_WIDGET,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HallDateRow::chosen:
   *
   * A person settled on the date: picked it in the calendar, or typed it and pressed Enter or
   * left the field. (The date property changes as a person types too.)
   */
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/common/hall-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, HallDateRow, button);
  gtk_widget_class_bind_template_child (widget_class, HallDateRow, popover);
  gtk_widget_class_bind_template_child (widget_class, HallDateRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, HallDateRow, legend);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_leave_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, month_shown_cb);

  gtk_widget_class_install_action (widget_class, "date-row.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "date-row.today", NULL, today_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "date-row.open",
                                       NULL);
}

static void
hall_date_row_init (HallDateRow *self)
{
  self->marks_month = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hall_date_row_new (void)
{
  return g_object_new (HALL_TYPE_DATE_ROW, NULL);
}

const char *
hall_date_row_get_date (HallDateRow *self)
{
  g_return_val_if_fail (HALL_IS_DATE_ROW (self), NULL);
  return self->date;
}

void
hall_date_row_set_date (HallDateRow *self,
                        const char  *date)
{
  g_autoptr (GDateTime) time = NULL;

  g_return_if_fail (HALL_IS_DATE_ROW (self));
  time = parse_iso (date);
  show_error (self, NULL);
  set_value (self, time);
  show_date (self);
}

void
hall_date_row_set_error_label (HallDateRow *self,
                               GtkWidget   *error_label)
{
  g_return_if_fail (HALL_IS_DATE_ROW (self));
  _hall_form_field_set_error_label (GTK_WIDGET (self), error_label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_LABEL]);
}

gboolean
hall_date_row_check (HallDateRow *self,
                     gboolean     required)
{
  g_return_val_if_fail (HALL_IS_DATE_ROW (self), FALSE);
  if (!apply (self, FALSE))
    return FALSE;
  if (required && self->date == NULL)
    {
      /* Translators: error under a date field left empty */
      show_error (self, _ ("Pick a date."));
      return FALSE;
    }
  return TRUE;
}
