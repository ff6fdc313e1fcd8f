/* hall-stats-page-private.h — what the files of the statistics page share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-stats-chart.h"
#include "hall-stats-page.h"

G_BEGIN_DECLS

struct _HallStatsPage
{
  HallPage parent_instance;

  char           *today; /* the hall's, from hall.info */
  HallStatsPeriod kind;
  char           *from;
  char           *to;
  JsonObject     *summary;
  GListStore     *departments;
  GListStore     *counters;
  GListStore     *staff;
  GListStore     *trace;
  gboolean        exporting;

  GtkStack       *stack;
  GtkDropDown    *kind_dropdown;
  GtkLabel       *period_label;
  GtkLabel       *previous_label;
  GtkRevealer    *custom_revealer;
  GtkWidget      *from_row;
  GtkWidget      *to_row;
  GtkLabel       *dates_error;
  GtkLabel       *error_label;
  HallStatsChart *trend_chart;
  HallStatsChart *department_chart;
  GtkGrid        *figures_grid;
  GtkStack       *tables_stack;
  GtkColumnView  *department_view;
  GtkColumnView  *counter_view;
  GtkColumnView  *staff_view;
  GtkLabel       *trace_title;
  GtkLabel       *trace_summary;
  GtkListBox     *trace_list;
  GtkWidget      *matter_view;

  /* The tables' models: a table gets its own once its tab is shown, after the first frame with
   * the figures (tables_ready), so the first paint builds no row of a table. */
  GtkSelectionModel *table_models[3];
  gboolean           tables_ready;
  guint              tables_tick;   /* the tick callback waiting for that frame */
  guint              tables_frames; /* frames it has seen */
};

/* hall-stats-figures.c: the 统计表 in the page's grid, each figure a button that opens the
 * records behind it (the "stats.trace" action, its target "key[&filter=value…][&prev]"). */
void _hall_stats_page_fill_figures (HallStatsPage *self);
/* The @member ("label", "definition") of figure @key in stats.summary's "definitions", or
 * NULL. */
const char *_hall_stats_page_definition (HallStatsPage *self,
                                         const char    *member,
                                         const char    *key);

/* "92.3% (36/39)" for a rate of stats.summary, "—" when it has no denominator or is NULL. */
char *_hall_stats_page_rate_text (JsonObject *rate);

/* hall-stats-tables.c: the columns of the tables by department, window and staff member, and
 * their rows (and the departments' chart) from stats.summary. */
void _hall_stats_page_init_tables (HallStatsPage *self);
void _hall_stats_page_fill_tables (HallStatsPage *self);
/* Gives the table of the tab shown its model (its rows built) once the tables are ready, and
 * takes theirs from the others. */
void _hall_stats_page_show_tables (HallStatsPage *self);
void _hall_stats_page_clear_tables (HallStatsPage *self);
/* The trend chart from stats.daily's @days. */
void _hall_stats_page_fill_trend (HallStatsPage *self,
                                  JsonArray     *days);

G_END_DECLS
