/* hall-forecast-tile.c — the hall board's count of matters turning overdue this week
 *
 * A stat card beside the board's others: how many open matters leader.forecast finds turning
 * overdue in the next 7 days, for the manager (and the leaders) to see before they do. The
 * supervision page lists them by department with the rules that flagged them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-forecast-tile"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-forecast-tile.h"

struct _HallForecastTile
{
  AdwBin parent_instance;

  GtkLabel *value;
  GtkLabel *caption;
};

G_DEFINE_FINAL_TYPE (HallForecastTile, hall_forecast_tile, ADW_TYPE_BIN)

static void
hall_forecast_tile_class_init (HallForecastTileClass *klass)
{
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "forecast-tile");
}

static void
hall_forecast_tile_init (HallForecastTile *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "stat-card");
  self->value = GTK_LABEL (gtk_label_new ("0"));
  gtk_widget_set_name (GTK_WIDGET (self->value), "forecast_count");
  gtk_label_set_xalign (self->value, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->value), "stat-value");
  /* Translators: hall board summary: open matters whose time limit ends in the next 7 days */
  self->caption = GTK_LABEL (gtk_label_new (_ ("Turning overdue this week")));
  gtk_label_set_xalign (self->caption, 0);
  gtk_label_set_wrap (self->caption, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->caption), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->value));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->caption));
  adw_bin_set_child (ADW_BIN (self), box);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
hall_forecast_tile_new (void)
{
  return g_object_new (HALL_TYPE_FORECAST_TILE, NULL);
}

void
hall_forecast_tile_set_forecast (HallForecastTile *self,
                                 JsonObject       *forecast)
{
  g_autofree char *count = NULL;
  gint64           n;

  g_return_if_fail (HALL_IS_FORECAST_TILE (self));

  gtk_widget_set_visible (GTK_WIDGET (self), forecast != NULL);
  if (forecast == NULL)
    return;
  n = json_object_get_int_member_with_default (forecast, "count", 0);
  count = g_strdup_printf ("%" G_GINT64_FORMAT, n);
  gtk_label_set_text (self->value, count);
  if (n > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->value), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->value), "error");
}
