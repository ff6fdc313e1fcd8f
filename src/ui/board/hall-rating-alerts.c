/* hall-rating-alerts.c — the 不满意 ratings on the hall board, until the manager follows them up
 *
 * Each row names the ticket, the window and the staff member, never the visitor; its button
 * runs "board.follow-up" with the rating's id (the board page installs it, for the manager).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-rating-alerts"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-format.h"
#include "hall-json-item.h"
#include "hall-labels.h"
#include "hall-rating-alerts.h"

struct _HallRatingAlerts
{
  AdwBin parent_instance;

  GListStore *alerts;

  GtkListBox *list;
  GtkLabel   *heading;
};

G_DEFINE_FINAL_TYPE (HallRatingAlerts, hall_rating_alerts, ADW_TYPE_BIN)

/* 态度, 质量, 效率, 廉洁自律 with their scores, where the visitor gave them. */
static char *
format_scores (JsonObject *data)
{
  static const char *const members[] = { "attitude", "quality", "efficiency", "integrity" };
  GString                 *text = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      JsonNode *node = json_object_get_member (data, members[i]);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      g_string_append_printf (text, "%s %d", hall_label_rating_score (members[i]),
                              (int) json_node_get_int (node));
    }
  return g_string_free (text, FALSE);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  JsonObject      *data = hall_json_item_get_data (item);
  GtkWidget       *row = adw_action_row_new ();
  GtkWidget       *button = gtk_button_new_with_mnemonic (_ ("_Followed Up"));
  GtkWidget       *icon = gtk_image_new_from_icon_name ("face-sad-symbolic");
  g_autofree char *clock =
      _hall_format_clock (json_object_get_int_member_with_default (data, "rated_at", 0));
  g_autofree char *scores = format_scores (data);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char      *staff = json_object_get_string_member_with_default (data, "staff_name", NULL);

  /* Translators: a dissatisfied rating on the hall board: the ticket number, the window and the
   * staff member who served, "C011 · 2号窗口 · 李四" */
  title = g_strdup_printf (_ ("%s · %s · %s"),
                           json_object_get_string_member_with_default (data, "code", ""),
                           json_object_get_string_member_with_default (data, "counter_name", ""),
                           staff ? staff : "—");
  if (*scores != '\0')
    /* Translators: when the visitor rated, and the scores they gave, "09:12 · 态度 1" */
    subtitle = g_strdup_printf (_ ("Dissatisfied at %s · %s"), clock, scores);
  else
    /* Translators: when the visitor rated the service "dissatisfied" */
    subtitle = g_strdup_printf (_ ("Dissatisfied at %s"), clock);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (icon, "error");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "board.follow-up");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "x",
                                    json_object_get_int_member (data, "rating_id"));
  gtk_widget_set_tooltip_text (button,
                               _ ("Mark that someone has talked with the visitor or the window"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_widget_add_css_class (row, "rating-alert-row");
  return row;
}

static void
hall_rating_alerts_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), HALL_TYPE_RATING_ALERTS);
  G_OBJECT_CLASS (hall_rating_alerts_parent_class)->dispose (object);
}

static void
hall_rating_alerts_finalize (GObject *object)
{
  HallRatingAlerts *self = HALL_RATING_ALERTS (object);

  g_clear_object (&self->alerts);
  G_OBJECT_CLASS (hall_rating_alerts_parent_class)->finalize (object);
}

static void
hall_rating_alerts_class_init (HallRatingAlertsClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hall_rating_alerts_dispose;
  object_class->finalize = hall_rating_alerts_finalize;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/board/hall-rating-alerts.ui");
  gtk_widget_class_bind_template_child (widget_class, HallRatingAlerts, list);
  gtk_widget_class_bind_template_child (widget_class, HallRatingAlerts, heading);
}

static void
hall_rating_alerts_init (HallRatingAlerts *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->alerts = g_list_store_new (HALL_TYPE_JSON_ITEM);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->alerts), create_row, NULL, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
hall_rating_alerts_new (void)
{
  return g_object_new (HALL_TYPE_RATING_ALERTS, NULL);
}

void
hall_rating_alerts_set_alerts (HallRatingAlerts *self,
                               JsonArray        *alerts)
{
  g_autoptr (JsonArray) items = json_array_new ();
  guint            n = alerts ? json_array_get_length (alerts) : 0;
  g_autofree char *heading = NULL;

  g_return_if_fail (HALL_IS_RATING_ALERTS (self));

  /* A row is an item with an "id": the rating's. */
  for (guint i = 0; i < n; i++)
    {
      JsonObject *alert = json_object_ref (json_array_get_object_element (alerts, i));

      json_object_set_int_member (alert, "id", json_object_get_int_member (alert, "rating_id"));
      json_array_add_object_element (items, alert);
    }
  hall_json_item_update_store (self->alerts, items, g_get_real_time () / G_USEC_PER_SEC, TRUE);

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%d dissatisfied rating to follow up",
                                          "%d dissatisfied ratings to follow up", n),
                             (int) n);
  gtk_label_set_text (self->heading, heading);
  gtk_widget_set_visible (GTK_WIDGET (self), n > 0);
}

GListModel *
hall_rating_alerts_get_model (HallRatingAlerts *self)
{
  g_return_val_if_fail (HALL_IS_RATING_ALERTS (self), NULL);
  return G_LIST_MODEL (self->alerts);
}
