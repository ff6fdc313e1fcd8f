/* hall-stats-chart.h — a bar chart drawn with Cairo: batches a day, batches per department
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define HALL_TYPE_STATS_CHART (hall_stats_chart_get_type ())
G_DECLARE_FINAL_TYPE (HallStatsChart, hall_stats_chart, HALL, STATS_CHART, GtkWidget)

GtkWidget *hall_stats_chart_new (void);

/* The bars, in order: @labels[i] under bar i (NULL-terminated), @values[i] its height. @unit
 * names what is counted in the tooltip and the accessible description ("batches"). */
void        hall_stats_chart_set_data (HallStatsChart    *self,
                                       const char *const *labels,
                                       const gint64      *values,
                                       const char        *unit);
guint       hall_stats_chart_get_n_bars (HallStatsChart *self);
gint64      hall_stats_chart_get_value (HallStatsChart *self,
                                        guint           index);
const char *hall_stats_chart_get_label (HallStatsChart *self,
                                        guint           index);
/* The bar under the point (@x, @y) in the widget's coordinates, or -1. */
int hall_stats_chart_bar_at (HallStatsChart *self,
                             double          x,
                             double          y);
/* What the tooltip says over bar @index ("12-05: 3 batches"). */
char *hall_stats_chart_dup_tooltip (HallStatsChart *self,
                                    guint           index);

G_END_DECLS
