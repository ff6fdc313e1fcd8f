/* hall-stats-page.c — 统计: the county's figures for a period, the same dates a year earlier
 * (同比), two charts, tables by department, window and staff member, the records behind each
 * figure, and the 信访工作情况统计表 as XLSX or PDF
 *
 * The page starts from the hall's own today (hall.info), shows the current month and steps by
 * day, week, month, quarter or year, or shows dates picked. It reads stats.summary (the figures,
 * their definitions for the tooltips) and stats.daily (the trend). A figure's button asks
 * stats.trace for the records it counts and lists them; a matter opens in the matter view. The
 * export writes the summary already on the screen with hall_export_write(), in a thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-stats-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-date-row.h"
#include "hall-export-file.h"
#include "hall-form.h"
#include "hall-json-item.h"
#include "hall-matter-view.h"
#include "hall-print.h"
#include "hall-rows.h"
#include "hall-stats-chart.h"
#include "hall-stats-page-private.h"

#define MAX_DAYS 3660

G_DEFINE_FINAL_TYPE (HallStatsPage, hall_stats_page, HALL_TYPE_PAGE)

static const char *const kind_names[] = {
  /* Translators: periods of the statistics page */
  N_ ("Day"),
  N_ ("Week"),
  N_ ("Month"),
  N_ ("Quarter"),
  N_ ("Year"),
  N_ ("Custom Dates"),
};

static gboolean
is_admin (HallStatsPage *self)
{
  HallClient *client = hall_page_get_client (HALL_PAGE (self));

  return client != NULL && g_strcmp0 (hall_client_get_role (client), "admin") == 0;
}

static void
hall_stats_page_update_actions (HallPage *page)
{
  HallStatsPage *self = HALL_STATS_PAGE (page);
  gboolean       online = hall_page_is_online (page);
  gboolean       custom = self->kind == HALL_STATS_PERIOD_CUSTOM;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stats.refresh", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stats.shift",
                                 online && !custom && self->from != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stats.apply", online && custom);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stats.trace", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stats.export",
                                 self->summary != NULL && !self->exporting);
}

static void
show_period (HallStatsPage *self)
{
  g_autofree char *title = _hall_stats_period_title (self->kind, self->from, self->to);
  g_autofree char *before = NULL;
  JsonObject      *previous =
      self->summary != NULL ? json_object_get_object_member (self->summary, "previous") : NULL;

  gtk_label_set_text (self->period_label, title);
  if (previous != NULL)
    /* Translators: the dates the 同比 column of the statistics covers */
    before = g_strdup_printf (_ ("Compared with %s to %s"),
                              json_object_get_string_member_with_default (previous, "from", ""),
                              json_object_get_string_member_with_default (previous, "to", ""));
  gtk_label_set_text (self->previous_label, before != NULL ? before : "");
}

/* The first frame with the figures is drawn without a row of the tables (they are below the
 * figures, and two of them on tabs not shown): the frame after it builds the tab shown. */
static gboolean
tables_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  HallStatsPage *self = HALL_STATS_PAGE (widget);

  /* the first tick is that of the figures' frame, before its layout */
  if (++self->tables_frames < 2)
    return G_SOURCE_CONTINUE;
  self->tables_tick = 0;
  self->tables_ready = TRUE;
  _hall_stats_page_show_tables (self);
  return G_SOURCE_REMOVE;
}

static void
summary_cb (HallPage     *page,
            JsonObject   *reply,
            const GError *error,
            gpointer      user_data)
{
  HallStatsPage *self = HALL_STATS_PAGE (page);
  JsonObject    *current = reply != NULL ? json_object_get_object_member (reply, "current") : NULL;

  _hall_form_set_error (GTK_WIDGET (self->error_label), GTK_WIDGET (self->error_label),
                        reply == NULL ? error->message : NULL);
  /* An answer for a period the user has since left is dropped. */
  if (current == NULL
      || g_strcmp0 (json_object_get_string_member_with_default (current, "from", ""), self->from)
             != 0
      || g_strcmp0 (json_object_get_string_member_with_default (current, "to", ""), self->to)
             != 0)
    return;
  g_clear_pointer (&self->summary, json_object_unref);
  self->summary = json_object_ref (reply);
  show_period (self);
  _hall_stats_page_fill_figures (self);
  _hall_stats_page_fill_tables (self);
  if (!self->tables_ready && self->tables_tick == 0)
    self->tables_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), tables_tick_cb, NULL, NULL);
  hall_stats_page_update_actions (page);
}

static void
daily_cb (HallPage     *page,
          JsonObject   *reply,
          const GError *error,
          gpointer      user_data)
{
  HallStatsPage *self = HALL_STATS_PAGE (page);

  if (reply == NULL
      || g_strcmp0 (json_object_get_string_member_with_default (reply, "from", ""), self->from)
             != 0
      || g_strcmp0 (json_object_get_string_member_with_default (reply, "to", ""), self->to) != 0)
    return;
  _hall_stats_page_fill_trend (self, json_object_get_array_member (reply, "days"));
}

static JsonObject *
period_params (const char *from,
               const char *to)
{
  JsonObject *params = json_object_new ();

  json_object_set_string_member (params, "from", from);
  json_object_set_string_member (params, "to", to);
  return params;
}

static void
load_figures (HallStatsPage *self)
{
  g_autoptr (JsonObject) summary = period_params (self->from, self->to);
  g_autoptr (JsonObject) daily = period_params (self->from, self->to);

  show_period (self);
  hall_page_load (HALL_PAGE (self), "stats.summary", summary, summary_cb, NULL);
  hall_page_load (HALL_PAGE (self), "stats.daily", daily, daily_cb, NULL);
}

static void
set_dates (HallStatsPage *self,
           char          *from,
           char          *to)
{
  g_free (self->from);
  g_free (self->to);
  self->from = from;
  self->to = to;
  hall_date_row_set_date (HALL_DATE_ROW (self->from_row), from);
  hall_date_row_set_date (HALL_DATE_ROW (self->to_row), to);
  hall_stats_page_update_actions (HALL_PAGE (self));
}

static void
info_cb (HallPage     *page,
         JsonObject   *reply,
         const GError *error,
         gpointer      user_data)
{
  HallStatsPage *self = HALL_STATS_PAGE (page);
  const char    *today =
      reply != NULL ? json_object_get_string_member_with_default (reply, "today", NULL) : NULL;
  char *from = NULL, *to = NULL;

  if (today == NULL)
    {
      _hall_form_set_error (GTK_WIDGET (self->error_label), GTK_WIDGET (self->error_label),
                            error != NULL ? error->message : NULL);
      return;
    }
  g_free (self->today);
  self->today = g_strdup (today);
  /* A period chosen before had its figures asked beside hall.info (refresh below). */
  if (self->from != NULL)
    return;
  if (!_hall_stats_period_around (self->kind, today, &from, &to))
    _hall_stats_period_around (HALL_STATS_PERIOD_MONTH, today, &from, &to);
  set_dates (self, from, to);
  load_figures (self);
}

/* The first paint waits for one round trip, not two: with a period already chosen (the page
 * shown again, or opened on given dates) stats.summary and stats.daily go out with hall.info;
 * only the first period of all needs the hall's today first. */
static void
hall_stats_page_refresh (HallPage *page)
{
  HallStatsPage *self = HALL_STATS_PAGE (page);

  hall_page_load (page, "hall.info", NULL, info_cb, NULL);
  if (self->from != NULL)
    load_figures (self);
}

static void
hall_stats_page_event (HallPage   *page,
                       const char *kind,
                       JsonObject *event)
{
  /* The names of departments and windows; the figures themselves are read again on F5 or the
   * refresh button, not at every ticket of a busy day. */
  if (g_str_equal (kind, "setup.changed"))
    hall_page_refresh (page);
}

/* ---- the period --------------------------------------------------------------------------- */

static void
kind_changed_cb (HallStatsPage *self)
{
  HallStatsPeriod kind = gtk_drop_down_get_selected (self->kind_dropdown);
  char           *from = NULL, *to = NULL;

  if (kind == self->kind)
    return;
  self->kind = kind;
  gtk_revealer_set_reveal_child (self->custom_revealer, kind == HALL_STATS_PERIOD_CUSTOM);
  _hall_form_set_error (GTK_WIDGET (self->to_row), GTK_WIDGET (self->dates_error), NULL);
  hall_stats_page_update_actions (HALL_PAGE (self));
  if (kind == HALL_STATS_PERIOD_CUSTOM)
    {
      show_period (self);
      return;
    }
  if (!_hall_stats_period_around (kind, self->today != NULL ? self->today : self->from, &from,
                                  &to))
    return;
  set_dates (self, from, to);
  load_figures (self);
}

static void
shift_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HallStatsPage *self = HALL_STATS_PAGE (widget);
  char          *from = NULL, *to = NULL;

  if (!_hall_stats_period_shift (self->kind, self->from, g_variant_get_int32 (parameter), &from,
                                 &to))
    return;
  set_dates (self, from, to);
  load_figures (self);
}

/* The dates typed: both there, in order, at most ten years; the error at the field. */
static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HallStatsPage *self = HALL_STATS_PAGE (widget);
  HallDateRow   *from_row = HALL_DATE_ROW (self->from_row);
  HallDateRow   *to_row = HALL_DATE_ROW (self->to_row);
  const char    *from, *to;
  guint          days;

  _hall_form_set_error (GTK_WIDGET (self->to_row), GTK_WIDGET (self->dates_error), NULL);
  if (!hall_date_row_check (from_row, TRUE) || !hall_date_row_check (to_row, TRUE))
    return;
  from = hall_date_row_get_date (from_row);
  to = hall_date_row_get_date (to_row);
  days = _hall_stats_period_n_days (from, to);
  if (days == 0 || days > MAX_DAYS)
    {
      _hall_form_set_error (GTK_WIDGET (self->to_row), GTK_WIDGET (self->dates_error),
                            days == 0 ? _ ("The last day cannot be before the first.")
                                      : _ ("Choose at most ten years."));
      return;
    }
  set_dates (self, g_strdup (from), g_strdup (to));
  load_figures (self);
}

/* ---- the records behind a figure ---------------------------------------------------------- */

static GtkWidget *
create_trace_row (gpointer item,
                  gpointer user_data)
{
  HallStatsPage   *self = user_data;
  JsonObject      *data = hall_json_item_get_data (item);
  const char      *kind = json_object_get_string_member (data, "kind");
  gint64           id = json_object_get_int_member (data, "id");
  AdwActionRow    *row = ADW_ACTION_ROW (adw_action_row_new ());
  g_autofree char *title = NULL;
  g_autofree char *name = g_strdup_printf ("%s-%" G_GINT64_FORMAT, kind, id);

  if (g_str_equal (kind, "matters"))
    /* Translators: a record behind a figure of the statistics: a matter, its id */
    title = g_strdup_printf (_ ("Matter %d"), (int) id);
  else if (g_str_equal (kind, "tickets"))
    /* Translators: a record behind a figure of the statistics: a ticket (a visit), its id */
    title = g_strdup_printf (_ ("Ticket %d"), (int) id);
  else if (g_str_equal (kind, "receptions"))
    /* Translators: a record behind a figure: a leader's reception record, its id */
    title = g_strdup_printf (_ ("Reception record %d"), (int) id);
  else
    /* Translators: a record behind a figure: a leader's 下访/约访 record, its id */
    title = g_strdup_printf (_ ("Visit or invitation record %d"), (int) id);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (GTK_WIDGET (row), name);
  if (g_str_equal (kind, "matters") && !is_admin (self))
    _hall_rows_add_button (row, _ ("_Details"), "stats.show-matter", id);
  return GTK_WIDGET (row);
}

static void
trace_cb (HallPage     *page,
          JsonObject   *reply,
          const GError *error,
          gpointer      user_data)
{
  HallStatsPage           *self = HALL_STATS_PAGE (page);
  static const char *const lists[] = { "tickets", "matters", "receptions", "outreach" };
  g_autofree char         *summary = NULL;

  if (reply == NULL)
    {
      hall_page_toast (page, error->message);
      return;
    }
  g_list_store_remove_all (self->trace);
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    {
      JsonArray *ids = json_object_has_member (reply, lists[l])
                           ? json_object_get_array_member (reply, lists[l])
                           : NULL;

      /* A reception names its matter too: the records it counts come first. */
      if (ids == NULL || (g_str_equal (lists[l], "matters") && json_object_has_member (reply, "receptions")))
        continue;
      for (guint i = 0; i < json_array_get_length (ids); i++)
        {
          g_autoptr (JsonObject) data = json_object_new ();
          g_autoptr (HallJsonItem) item = NULL;

          json_object_set_string_member (data, "kind", lists[l]);
          json_object_set_int_member (data, "id", json_array_get_int_element (ids, i));
          item = hall_json_item_new (data, 0);
          g_list_store_append (self->trace, item);
        }
    }
  if (json_object_has_member (reply, "persons"))
    /* Translators: under the title of the records behind a figure: the count, their persons,
     * then the dates */
    summary = g_strdup_printf (
        g_dngettext (NULL, "%d record counted (%d person-times), %s to %s",
                     "%d records counted (%d person-times), %s to %s",
                     json_object_get_int_member (reply, "count")),
        (int) json_object_get_int_member (reply, "count"),
        (int) json_object_get_int_member (reply, "persons"),
        json_object_get_string_member_with_default (reply, "from", ""),
        json_object_get_string_member_with_default (reply, "to", ""));
  else
    /* Translators: under the title of the records behind a figure: the count, then the dates */
    summary = g_strdup_printf (
        g_dngettext (NULL, "%d record counted, %s to %s", "%d records counted, %s to %s",
                     json_object_get_int_member (reply, "count")),
        (int) json_object_get_int_member (reply, "count"),
        json_object_get_string_member_with_default (reply, "from", ""),
        json_object_get_string_member_with_default (reply, "to", ""));
  gtk_label_set_text (self->trace_summary, summary);
  gtk_stack_set_visible_child_name (self->stack, "trace");
}

static const char *const follow_up_rows[][2] = {
  { "follow_up_visits", NC_ ("statistics row", "Follow-up visits") },
  { "follow_up_successful", NC_ ("statistics row", "Successful follow-up visits") },
  { "follow_up_satisfied", NC_ ("statistics row", "Satisfied at follow-up") },
};

/* "key&filter=value…&prev": stats.trace for the figure, in the period or the year before. */
static void
trace_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HallStatsPage *self = HALL_STATS_PAGE (widget);
  g_auto (GStrv) parts = g_strsplit (g_variant_get_string (parameter, NULL), "&", -1);
  g_autoptr (JsonObject) params = json_object_new ();
  JsonObject      *period = NULL;
  const char      *label;
  g_autofree char *title = NULL;

  if (self->summary == NULL || parts[0] == NULL)
    return;
  period = json_object_get_object_member (self->summary, "current");
  json_object_set_string_member (params, "key", parts[0]);
  for (guint i = 1; parts[i] != NULL; i++)
    {
      g_auto (GStrv) pair = g_strsplit (parts[i], "=", 2);

      if (g_str_equal (parts[i], "prev"))
        period = json_object_get_object_member (self->summary, "previous");
      else if (pair[1] != NULL && g_str_has_suffix (pair[0], "_id"))
        json_object_set_int_member (params, pair[0], g_ascii_strtoll (pair[1], NULL, 10));
      else if (pair[1] != NULL)
        json_object_set_string_member (params, pair[0], pair[1]);
    }
  json_object_set_string_member (params, "from",
                                 json_object_get_string_member_with_default (period, "from", ""));
  json_object_set_string_member (params, "to",
                                 json_object_get_string_member_with_default (period, "to", ""));
  label = _hall_stats_page_definition (self, "label", parts[0]);
  /* The follow-up figures share one definition; each has its own row. */
  for (guint i = 0; label == NULL && i < G_N_ELEMENTS (follow_up_rows); i++)
    if (g_str_equal (parts[0], follow_up_rows[i][0]))
      label = g_dpgettext2 (NULL, "statistics row", follow_up_rows[i][1]);
  /* Translators: title of the records behind a figure of the statistics: the figure's name */
  title = g_strdup_printf (_ ("What “%s” counts"), label != NULL ? label : parts[0]);
  gtk_label_set_text (self->trace_title, title);
  gtk_label_set_text (self->trace_summary, "");
  hall_page_call (HALL_PAGE (self), "stats.trace", params, trace_cb, NULL);
}

/* ---- the export ----------------------------------------------------------------------------- */

static void
export_chosen (GtkWidget       *owner,
               HallExportFormat format,
               const char      *path)
{
  hall_stats_page_export_to (HALL_STATS_PAGE (owner), format, path);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HallStatsPage *self = HALL_STATS_PAGE (widget);
  gboolean       pdf = g_str_equal (g_variant_get_string (parameter, NULL), "pdf");

  if (self->summary == NULL)
    return;
  _hall_export_file_choose (
      widget,
      pdf ? _ ("Export the Statistics Table as PDF") : _ ("Export the Statistics Table as XLSX"),
      "statistics", self->from, self->to, pdf ? HALL_EXPORT_PDF : HALL_EXPORT_XLSX,
      export_chosen);
}

/* ---- overrides ---------------------------------------------------------------------------- */

static void
hall_stats_page_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), HALL_TYPE_STATS_PAGE);
  G_OBJECT_CLASS (hall_stats_page_parent_class)->dispose (object);
}

static void
hall_stats_page_finalize (GObject *object)
{
  HallStatsPage *self = HALL_STATS_PAGE (object);

  g_clear_pointer (&self->summary, json_object_unref);
  g_clear_object (&self->departments);
  g_clear_object (&self->counters);
  g_clear_object (&self->staff);
  g_clear_object (&self->trace);
  _hall_stats_page_clear_tables (self);
  g_free (self->today);
  g_free (self->from);
  g_free (self->to);
  G_OBJECT_CLASS (hall_stats_page_parent_class)->finalize (object);
}

static void
hall_stats_page_class_init (HallStatsPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_stats_page_dispose;
  object_class->finalize = hall_stats_page_finalize;
  page_class->refresh = hall_stats_page_refresh;
  page_class->event = hall_stats_page_event;
  page_class->update_actions = hall_stats_page_update_actions;

  g_type_ensure (HALL_TYPE_DATE_ROW);
  g_type_ensure (HALL_TYPE_MATTER_VIEW);
  g_type_ensure (HALL_TYPE_STATS_CHART);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/stats/hall-stats-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, HallStatsPage, name)
  CHILD (stack);
  CHILD (kind_dropdown);
  CHILD (period_label);
  CHILD (previous_label);
  CHILD (custom_revealer);
  CHILD (from_row);
  CHILD (to_row);
  CHILD (dates_error);
  CHILD (error_label);
  CHILD (trend_chart);
  CHILD (department_chart);
  CHILD (figures_grid);
  CHILD (tables_stack);
  CHILD (department_view);
  CHILD (counter_view);
  CHILD (staff_view);
  CHILD (trace_title);
  CHILD (trace_summary);
  CHILD (trace_list);
  CHILD (matter_view);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "stats.shift", "i", shift_action);
  gtk_widget_class_install_action (widget_class, "stats.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "stats.trace", "s", trace_action);
  gtk_widget_class_install_action (widget_class, "stats.export", "s", export_action);
  hall_page_class_install_refresh_action (page_class, "stats.refresh");
  hall_page_class_install_matter_actions (page_class, "stats");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "stats.shift", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "stats.shift", "i", 1);
}

static void
hall_stats_page_init (HallStatsPage *self)
{
  g_autoptr (GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    gtk_string_list_append (kinds, _ (kind_names[i]));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  self->kind = HALL_STATS_PERIOD_MONTH;
  gtk_drop_down_set_selected (self->kind_dropdown, self->kind);
  g_signal_connect_swapped (self->kind_dropdown, "notify::selected",
                            G_CALLBACK (kind_changed_cb), self);
  hall_date_row_set_error_label (HALL_DATE_ROW (self->to_row), GTK_WIDGET (self->dates_error));
  hall_date_row_set_error_label (HALL_DATE_ROW (self->from_row), GTK_WIDGET (self->dates_error));

  self->departments = g_list_store_new (HALL_TYPE_JSON_ITEM);
  self->counters = g_list_store_new (HALL_TYPE_JSON_ITEM);
  self->staff = g_list_store_new (HALL_TYPE_JSON_ITEM);
  self->trace = g_list_store_new (HALL_TYPE_JSON_ITEM);
  _hall_stats_page_init_tables (self);
  gtk_list_box_bind_model (self->trace_list, G_LIST_MODEL (self->trace), create_trace_row, self,
                           NULL);
  hall_page_set_matter_stack (HALL_PAGE (self), self->stack, self->matter_view);
  hall_stats_page_update_actions (HALL_PAGE (self));
}

GtkWidget *
hall_stats_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_STATS_PAGE, "client", client, NULL);
}

void
hall_stats_page_set_period (HallStatsPage  *self,
                            HallStatsPeriod kind,
                            const char     *date,
                            const char     *to)
{
  char *from = NULL, *last = NULL;

  g_return_if_fail (HALL_IS_STATS_PAGE (self));
  if (kind == HALL_STATS_PERIOD_CUSTOM)
    {
      from = g_strdup (date);
      last = g_strdup (to);
    }
  else if (!_hall_stats_period_around (kind, date, &from, &last))
    return;
  self->kind = kind;
  gtk_drop_down_set_selected (self->kind_dropdown, kind);
  gtk_revealer_set_reveal_child (self->custom_revealer, kind == HALL_STATS_PERIOD_CUSTOM);
  set_dates (self, from, last);
  if (hall_page_get_client (HALL_PAGE (self)) != NULL)
    load_figures (self);
}

const char *
hall_stats_page_get_from (HallStatsPage *self)
{
  g_return_val_if_fail (HALL_IS_STATS_PAGE (self), NULL);
  return self->from;
}

const char *
hall_stats_page_get_to (HallStatsPage *self)
{
  g_return_val_if_fail (HALL_IS_STATS_PAGE (self), NULL);
  return self->to;
}

JsonObject *
hall_stats_page_get_summary (HallStatsPage *self)
{
  g_return_val_if_fail (HALL_IS_STATS_PAGE (self), NULL);
  return self->summary;
}

const char *
hall_stats_page_get_view (HallStatsPage *self)
{
  g_return_val_if_fail (HALL_IS_STATS_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GListModel *
hall_stats_page_get_trace (HallStatsPage *self)
{
  g_return_val_if_fail (HALL_IS_STATS_PAGE (self), NULL);
  return G_LIST_MODEL (self->trace);
}

void
hall_stats_page_export_to (HallStatsPage   *self,
                           HallExportFormat format,
                           const char      *path)
{
  g_return_if_fail (HALL_IS_STATS_PAGE (self));
  g_return_if_fail (self->summary != NULL && !self->exporting);
  /* The figures on the screen, not figures read again: the file says what the user saw. */
  _hall_export_file_save (HALL_PAGE (self), &self->exporting, "statistics", self->from, self->to,
                          format, path, "stats.summary",
                          json_node_init_object (json_node_alloc (), self->summary),
                          /* Translators: the statistics table could not be saved; %s says why */
                          _ ("The statistics table was not saved: %s"));
}

gboolean
hall_stats_page_is_exporting (HallStatsPage *self)
{
  g_return_val_if_fail (HALL_IS_STATS_PAGE (self), FALSE);
  return self->exporting;
}
