/* hall-rating-alerts.h — the 不满意 ratings on the hall board, until the manager follows them up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define HALL_TYPE_RATING_ALERTS (hall_rating_alerts_get_type ())

G_DECLARE_FINAL_TYPE (HallRatingAlerts, hall_rating_alerts, HALL, RATING_ALERTS, AdwBin)

GtkWidget *hall_rating_alerts_new (void);
/* Shows the open alerts of rating.alerts (NULL: none); hidden when there are none. */
void hall_rating_alerts_set_alerts (HallRatingAlerts *self,
                                    JsonArray        *alerts);
/* The alerts shown, as HallJsonItems of rating.alerts's objects. */
GListModel *hall_rating_alerts_get_model (HallRatingAlerts *self);

G_END_DECLS
