/* hall-forecast-tile.h — the hall board's count of matters turning overdue this week
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HALL_TYPE_FORECAST_TILE (hall_forecast_tile_get_type ())

G_DECLARE_FINAL_TYPE (HallForecastTile, hall_forecast_tile, HALL, FORECAST_TILE, AdwBin)

GtkWidget *hall_forecast_tile_new (void);
/* Shows leader.forecast's count (NULL: hidden, for the roles that do not read it). */
void hall_forecast_tile_set_forecast (HallForecastTile *self,
                                      JsonObject       *forecast);

G_END_DECLS
