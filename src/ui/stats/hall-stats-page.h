/* hall-stats-page.h — 统计: the county's figures for a period, with the year before, charts,
 * tables, the records behind each figure and the 统计表 as XLSX or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-export.h"
#include "hall-page.h"
#include "hall-stats-period.h"

G_BEGIN_DECLS

#define HALL_TYPE_STATS_PAGE (hall_stats_page_get_type ())
G_DECLARE_FINAL_TYPE (HallStatsPage, hall_stats_page, HALL, STATS_PAGE, HallPage)

GtkWidget *hall_stats_page_new (HallClient *client);

/* The period shown: @kind's period holding @date, or (CUSTOM) @date to @to. */
void        hall_stats_page_set_period (HallStatsPage  *self,
                                        HallStatsPeriod kind,
                                        const char     *date,
                                        const char     *to);
const char *hall_stats_page_get_from (HallStatsPage *self);
const char *hall_stats_page_get_to (HallStatsPage *self);
/* stats.summary's answer for the period shown, once loaded (NULL before). */
JsonObject *hall_stats_page_get_summary (HallStatsPage *self);
/* What the page shows: "list" (the figures), "trace" (the records behind one) or "matter". */
const char *hall_stats_page_get_view (HallStatsPage *self);
/* The records the trace view lists, as HallJsonItems {"kind", "id"}. */
GListModel *hall_stats_page_get_trace (HallStatsPage *self);
/* Writes the 统计表 of the period shown to @path, in a thread; the page toasts when done.
 * hall_stats_page_is_exporting() is TRUE until then. */
void     hall_stats_page_export_to (HallStatsPage   *self,
                                    HallExportFormat format,
                                    const char      *path);
gboolean hall_stats_page_is_exporting (HallStatsPage *self);

G_END_DECLS
