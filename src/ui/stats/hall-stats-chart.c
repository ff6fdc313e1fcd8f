/* hall-stats-chart.c — a bar chart drawn with Cairo: batches a day, batches per department
 *
 * The colours are the style's (the foreground for the axes and the words, the accent for the
 * bars), so the chart reads the same in the light and the dark style. The axis labels are the
 * caller's words; between them, only as many as fit are written. The value of a bar is in its
 * tooltip, and the whole series in the accessible description.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-stats-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-stats-chart.h"

#define MARGIN_LEFT 48.0
#define MARGIN_RIGHT 12.0
#define MARGIN_TOP 12.0
#define MARGIN_BOTTOM 28.0
#define N_TICKS 4

struct _HallStatsChart
{
  GtkWidget parent_instance;

  GStrv   labels;
  gint64 *values;
  guint   n_bars;
  char   *unit;
};

G_DEFINE_FINAL_TYPE (HallStatsChart, hall_stats_chart, GTK_TYPE_WIDGET)

static gint64
max_value (HallStatsChart *self)
{
  gint64 max = 0;

  for (guint i = 0; i < self->n_bars; i++)
    max = MAX (max, self->values[i]);
  return max;
}

/* A round top for the axis: 1, 2, 5 × 10ⁿ steps, at least N_TICKS. */
static gint64
axis_top (gint64 max)
{
  gint64 step = 1;

  while (step * N_TICKS < max)
    {
      if (step * 2 * N_TICKS >= max)
        return step * 2 * N_TICKS;
      if (step * 5 * N_TICKS >= max)
        return step * 5 * N_TICKS;
      step *= 10;
    }
  return step * N_TICKS;
}

static void
plot_area (HallStatsChart  *self,
           graphene_rect_t *area)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  graphene_rect_init (area, MARGIN_LEFT, MARGIN_TOP, MAX (0, width - MARGIN_LEFT - MARGIN_RIGHT),
                      MAX (0, height - MARGIN_TOP - MARGIN_BOTTOM));
}

static void
draw_text (GtkWidget  *widget,
           cairo_t    *cr,
           const char *text,
           double      x,
           double      y,
           double      max_width,
           double      align)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (widget, text);
  int          w, h;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, x - align * w, y - h / 2.0);
  pango_cairo_show_layout (cr, layout);
  g_object_unref (layout);
}

static void
hall_stats_chart_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  HallStatsChart  *self = HALL_STATS_CHART (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  GdkRGBA          fg, accent, grid;
  graphene_rect_t  area;
  cairo_t         *cr;
  gint64           top;
  double           slot;
  guint            every;

  plot_area (self, &area);
  if (area.size.width <= 0 || area.size.height <= 0)
    return;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (style, &fg);
  if (!gtk_style_context_lookup_color (style, "accent_color", &accent))
    accent = fg;
  G_GNUC_END_IGNORE_DEPRECATIONS
  grid = fg;
  grid.alpha *= 0.15;
  top = axis_top (max_value (self));
  cr = gtk_snapshot_append_cairo (
      snapshot, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget),
                                     gtk_widget_get_height (widget)));

  /* The value axis: N_TICKS lines, each with its figure at the left. */
  cairo_set_line_width (cr, 1);
  for (int t = 0; t <= N_TICKS; t++)
    {
      double           y = area.origin.y + area.size.height * (1.0 - (double) t / N_TICKS);
      g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, top * t / N_TICKS);

      gdk_cairo_set_source_rgba (cr, &grid);
      cairo_move_to (cr, area.origin.x, (int) y + 0.5);
      cairo_line_to (cr, area.origin.x + area.size.width, (int) y + 0.5);
      cairo_stroke (cr);
      gdk_cairo_set_source_rgba (cr, &fg);
      draw_text (widget, cr, text, area.origin.x - 6, y, 0, 1.0);
    }

  if (self->n_bars == 0)
    {
      cairo_destroy (cr);
      return;
    }
  slot = area.size.width / self->n_bars;
  /* A label needs about 64 pixels: write every n-th so that they do not run into each other. */
  every = MAX (1, (guint) (64.0 / slot + 0.999));
  for (guint i = 0; i < self->n_bars; i++)
    {
      double h = area.size.height * self->values[i] / (double) top;
      double gap = slot > 6 ? slot * 0.2 : 0;

      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_rectangle (cr, area.origin.x + slot * i + gap / 2,
                       area.origin.y + area.size.height - h, MAX (1, slot - gap), h);
      cairo_fill (cr);
      if (i % every == 0)
        {
          gdk_cairo_set_source_rgba (cr, &fg);
          draw_text (widget, cr, self->labels[i], area.origin.x + slot * (i + 0.5),
                     area.origin.y + area.size.height + MARGIN_BOTTOM / 2, slot * every, 0.5);
        }
    }
  cairo_destroy (cr);
}

static void
hall_stats_chart_measure (GtkWidget     *widget,
                          GtkOrientation orientation,
                          int            for_size,
                          int           *minimum,
                          int           *natural,
                          int           *minimum_baseline,
                          int           *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 480 : 220;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  HallStatsChart  *self = HALL_STATS_CHART (widget);
  int              bar = hall_stats_chart_bar_at (self, x, y);
  g_autofree char *text = NULL;

  if (bar < 0)
    return FALSE;
  text = hall_stats_chart_dup_tooltip (self, bar);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
hall_stats_chart_finalize (GObject *object)
{
  HallStatsChart *self = HALL_STATS_CHART (object);

  g_strfreev (self->labels);
  g_free (self->values);
  g_free (self->unit);
  G_OBJECT_CLASS (hall_stats_chart_parent_class)->finalize (object);
}

static void
hall_stats_chart_class_init (HallStatsChartClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = hall_stats_chart_finalize;
  widget_class->snapshot = hall_stats_chart_snapshot;
  widget_class->measure = hall_stats_chart_measure;
  gtk_widget_class_set_css_name (widget_class, "statschart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
hall_stats_chart_init (HallStatsChart *self)
{
  self->labels = g_new0 (char *, 1);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}

GtkWidget *
hall_stats_chart_new (void)
{
  return g_object_new (HALL_TYPE_STATS_CHART, NULL);
}

void
hall_stats_chart_set_data (HallStatsChart    *self,
                           const char *const *labels,
                           const gint64      *values,
                           const char        *unit)
{
  g_autoptr (GString) description = g_string_new (NULL);

  g_return_if_fail (HALL_IS_STATS_CHART (self));
  g_strfreev (self->labels);
  g_free (self->values);
  g_free (self->unit);
  self->labels = g_strdupv ((char **) labels);
  self->n_bars = g_strv_length (self->labels);
  self->values = g_memdup2 (values, sizeof (gint64) * MAX (1, self->n_bars));
  self->unit = g_strdup (unit);
  for (guint i = 0; i < self->n_bars; i++)
    {
      g_autofree char *bar = hall_stats_chart_dup_tooltip (self, i);

      if (i > 0)
        g_string_append (description, _ ("; "));
      g_string_append (description, bar);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description->str, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

guint
hall_stats_chart_get_n_bars (HallStatsChart *self)
{
  g_return_val_if_fail (HALL_IS_STATS_CHART (self), 0);
  return self->n_bars;
}

gint64
hall_stats_chart_get_value (HallStatsChart *self,
                            guint           index)
{
  g_return_val_if_fail (HALL_IS_STATS_CHART (self) && index < self->n_bars, 0);
  return self->values[index];
}

const char *
hall_stats_chart_get_label (HallStatsChart *self,
                            guint           index)
{
  g_return_val_if_fail (HALL_IS_STATS_CHART (self) && index < self->n_bars, NULL);
  return self->labels[index];
}

int
hall_stats_chart_bar_at (HallStatsChart *self,
                         double          x,
                         double          y)
{
  graphene_rect_t area;
  int             bar;

  g_return_val_if_fail (HALL_IS_STATS_CHART (self), -1);
  plot_area (self, &area);
  if (self->n_bars == 0 || area.size.width <= 0 || x < area.origin.x
      || x >= area.origin.x + area.size.width || y < area.origin.y
      || y > area.origin.y + area.size.height + MARGIN_BOTTOM)
    return -1;
  bar = (int) ((x - area.origin.x) / (area.size.width / self->n_bars));
  return CLAMP (bar, 0, (int) self->n_bars - 1);
}

char *
hall_stats_chart_dup_tooltip (HallStatsChart *self,
                              guint           index)
{
  g_return_val_if_fail (HALL_IS_STATS_CHART (self) && index < self->n_bars, NULL);
  /* Translators: a bar of a chart: what it stands for (a day, a department), its value, what is
   * counted ("12-05: 3 batches") */
  return g_strdup_printf (_ ("%s: %d %s"), self->labels[index], (int) self->values[index],
                          self->unit != NULL ? self->unit : "");
}
