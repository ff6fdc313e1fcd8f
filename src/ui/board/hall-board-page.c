/* hall-board-page.c — the hall board: every window, its visitor and who waits where, live
 *
 * The board reads hall.snapshot once, then again after each change the hall reports through
 * the client's "event" signal (several events in a row cost one read), and after a reconnect.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-board-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-format.h"
#include "hall-json-item.h"
#include "hall-board-page.h"
#include "hall-counter-card.h"
#include "hall-forecast-tile.h"
#include "hall-rating-alerts.h"

struct _HallBoardPage
{
  HallPage parent_instance;

  gboolean loaded;
  gint64   seq;

  GListStore         *counters;
  GListStore         *departments;
  GtkFilter          *waiting_filter;
  GtkFilterListModel *waiting_departments;

  GtkStack         *stack;
  GtkSpinner       *spinner;
  AdwStatusPage    *error_page;
  GtkFlowBox       *counters_box;
  GtkListBox       *departments_list;
  GtkLabel         *waiting_value;
  GtkLabel         *open_value;
  GtkLabel         *longest_value;
  GtkLabel         *longest_caption;
  GtkWidget        *longest_card;
  GtkLabel         *leader_value;
  HallRatingAlerts *rating_alerts;
  HallForecastTile *forecast_tile;
};

G_DEFINE_FINAL_TYPE (HallBoardPage, hall_board_page, HALL_TYPE_PAGE)

/* A window is over the norm when a department it serves has someone waiting past it. */
static void
mark_counters_over_norm (JsonArray *counters,
                         JsonArray *departments)
{
  guint n;

  n = json_array_get_length (counters);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *counter = json_array_get_object_element (counters, i);
      JsonArray  *served = json_object_get_array_member (counter, "departments");
      gboolean    over = FALSE;

      for (guint j = 0; !over && served && j < json_array_get_length (served); j++)
        {
          gint64 id = json_object_get_int_member (json_array_get_object_element (served, j), "id");

          for (guint k = 0; !over && k < json_array_get_length (departments); k++)
            {
              JsonObject *department = json_array_get_object_element (departments, k);
              over =
                  json_object_get_int_member (department, "id") == id
                  && json_object_get_boolean_member_with_default (department, "over_norm", FALSE);
            }
        }
      json_object_set_boolean_member (
          counter, "over_norm",
          over && json_object_get_int_member_with_default (counter, "waiting", 0) > 0);
    }
}

static void
show_snapshot (HallBoardPage *self,
               JsonObject    *snapshot)
{
  JsonArray       *counters = json_object_get_array_member (snapshot, "counters");
  JsonArray       *departments = json_object_get_array_member (snapshot, "departments");
  gint64           now = json_object_get_int_member_with_default (snapshot, "now",
                                                                  g_get_real_time () / G_USEC_PER_SEC);
  gint64           norm = json_object_get_int_member_with_default (snapshot, "wait_norm_minutes", 20);
  gint64           longest = 0, n_open = 0, n_counters;
  g_autofree char *waiting = NULL;
  g_autofree char *open = NULL;
  g_autofree char *leader = NULL;
  g_autofree char *longest_text = NULL;
  g_autofree char *norm_text = NULL;

  if (counters == NULL || departments == NULL)
    return;

  mark_counters_over_norm (counters, departments);
  n_counters = json_array_get_length (counters);
  for (guint i = 0; i < n_counters; i++)
    if (g_strcmp0 (json_object_get_string_member_with_default (
                       json_array_get_object_element (counters, i), "state", ""),
                   "open")
        == 0)
      n_open++;
  for (guint i = 0; i < json_array_get_length (departments); i++)
    longest = MAX (longest,
                   json_object_get_int_member_with_default (
                       json_array_get_object_element (departments, i), "longest_wait_seconds", 0));

  /* The cards and rows of what is still there stay. */
  hall_json_item_update_store (self->counters, counters, now, TRUE);
  hall_json_item_update_store (self->departments, departments, now, TRUE);
  gtk_filter_changed (self->waiting_filter, GTK_FILTER_CHANGE_DIFFERENT);

  waiting = g_strdup_printf ("%" G_GINT64_FORMAT,
                             json_object_get_int_member_with_default (snapshot, "waiting", 0));
  gtk_label_set_text (self->waiting_value, waiting);
  /* Translators: windows open out of all windows, "12 / 20" */
  open = g_strdup_printf (_ ("%d / %d"), (int) n_open, (int) n_counters);
  gtk_label_set_text (self->open_value, open);
  longest_text = longest > 0 ? _hall_format_minutes (longest) : g_strdup ("—");
  gtk_label_set_text (self->longest_value, longest_text);
  /* Said in words as well as in red. */
  if (longest > norm * 60)
    /* Translators: caption of the longest wait on the hall board when it is past the norm, %d
     * is the norm in minutes */
    norm_text = g_strdup_printf (_ ("Longest wait, over the norm of %d min"), (int) norm);
  else
    /* Translators: caption of the longest wait on the hall board, %d is the norm in minutes */
    norm_text = g_strdup_printf (_ ("Longest wait (norm %d min)"), (int) norm);
  gtk_label_set_text (self->longest_caption, norm_text);
  if (longest > norm * 60)
    gtk_widget_add_css_class (self->longest_card, "over-norm");
  else
    gtk_widget_remove_css_class (self->longest_card, "over-norm");
  leader = g_strdup_printf (
      "%" G_GINT64_FORMAT, json_object_get_int_member_with_default (snapshot, "leader_waiting", 0));
  gtk_label_set_text (self->leader_value, leader);

  self->seq = json_object_get_int_member_with_default (snapshot, "last_seq", self->seq);
  self->loaded = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "board");
}

static void
snapshot_cb (HallPage     *page,
             JsonObject   *snapshot,
             const GError *error,
             gpointer      user_data)
{
  HallBoardPage *self = HALL_BOARD_PAGE (page);

  gtk_spinner_stop (self->spinner);
  if (snapshot != NULL)
    show_snapshot (self, snapshot);
  else if (!self->loaded)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  else
    /* A board already on screen stays; the offline banner says why it may be stale. */
    g_debug ("hall.snapshot: %s", error->message);
}

static void
alerts_cb (HallPage     *page,
           JsonObject   *reply,
           const GError *error,
           gpointer      user_data)
{
  HallBoardPage *self = HALL_BOARD_PAGE (page);

  if (reply != NULL)
    hall_rating_alerts_set_alerts (self->rating_alerts,
                                   json_object_get_array_member (reply, "alerts"));
  else
    g_debug ("rating.alerts: %s", error->message);
}

/* The role of the page's session, "" when none. */
static const char *
session_role (HallPage *page)
{
  HallClient *client = hall_page_get_client (page);
  const char *role = client ? hall_client_get_role (client) : NULL;

  return role ? role : "";
}

static void
forecast_cb (HallPage     *page,
             JsonObject   *reply,
             const GError *error,
             gpointer      user_data)
{
  /* The board's own error page tells of a hall that cannot be read; a tile just hides. */
  hall_forecast_tile_set_forecast (HALL_BOARD_PAGE (page)->forecast_tile, reply);
}

static void
hall_board_page_refresh (HallPage *page)
{
  HallBoardPage *self = HALL_BOARD_PAGE (page);
  const char    *role = session_role (page);

  if (!self->loaded)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }
  hall_page_load (page, "hall.snapshot", NULL, snapshot_cb, NULL);
  /* A 不满意 from a window's rating pad waits here for the manager (and shows to leaders). */
  if (g_str_equal (role, "manager") || g_str_equal (role, "leader"))
    {
      hall_page_load (page, "rating.alerts", NULL, alerts_cb, NULL);
      /* The matters turning overdue this week (督办 预警): a count here, the list on the
       * supervision page. */
      hall_page_load (page, "leader.forecast", NULL, forecast_cb, NULL);
    }
  else
    {
      hall_rating_alerts_set_alerts (self->rating_alerts, NULL);
      hall_forecast_tile_set_forecast (self->forecast_tile, NULL);
    }
}

static void
hall_board_page_update_actions (HallPage *page)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (page), "board.refresh", hall_page_is_online (page));
  gtk_widget_action_set_enabled (GTK_WIDGET (page), "board.follow-up",
                                 hall_page_is_online (page)
                                     && g_str_equal (session_role (page), "manager"));
}

static GtkWidget *
create_counter_card (gpointer item,
                     gpointer user_data)
{
  return hall_counter_card_new (item);
}

static void
update_department_row (AdwActionRow *row,
                       GParamSpec   *pspec,
                       HallJsonItem *item)
{
  JsonObject      *data = hall_json_item_get_data (item);
  GtkLabel        *count = g_object_get_data (G_OBJECT (row), "count-label");
  GtkLabel        *prefix = g_object_get_data (G_OBJECT (row), "prefix-label");
  gint64           waiting = json_object_get_int_member_with_default (data, "waiting", 0);
  gint64           persons = json_object_get_int_member_with_default (data, "persons_waiting", waiting);
  gint64           open = json_object_get_int_member_with_default (data, "counters_open", 0);
  gint64           longest = json_object_get_int_member_with_default (data, "longest_wait_seconds", 0);
  gboolean         over = json_object_get_boolean_member_with_default (data, "over_norm", FALSE);
  g_autofree char *duration = _hall_format_minutes (longest);
  g_autofree char *subtitle = NULL;
  g_autofree char *count_text = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 json_object_get_string_member_with_default (data, "name", ""));
  gtk_label_set_text (prefix, json_object_get_string_member_with_default (data, "prefix", ""));
  if (over)
    /* Translators: %s is a duration; the department's longest wait is past the hall's norm */
    subtitle = g_strdup_printf (_ ("Longest wait %s, over the norm"), duration);
  else
    /* Translators: %s is a duration such as "12 min" */
    subtitle = g_strdup_printf (_ ("Longest wait %s"), duration);
  if (open == 0)
    {
      g_autofree char *with = g_strdup_printf ("%s · %s", subtitle, _ ("no window open"));
      g_free (subtitle);
      subtitle = g_steal_pointer (&with);
    }
  adw_action_row_set_subtitle (row, subtitle);
  if (over || open == 0)
    gtk_widget_add_css_class (GTK_WIDGET (row), "over-norm-row");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "over-norm-row");

  if (persons != waiting)
    /* Translators: tickets waiting and how many people came with them */
    count_text = g_strdup_printf (_ ("%d waiting (%d people)"), (int) waiting, (int) persons);
  else
    count_text = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%d waiting", "%d waiting", waiting), (int) waiting);
  gtk_label_set_text (count, count_text);
}

static GtkWidget *
create_department_row (gpointer item,
                       gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *prefix = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);

  gtk_widget_add_css_class (prefix, "department-prefix");
  gtk_widget_set_valign (prefix, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (count, "numeric");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), prefix);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), count);
  g_object_set_data (G_OBJECT (row), "count-label", count);
  g_object_set_data (G_OBJECT (row), "prefix-label", prefix);
  g_signal_connect_object (item, "notify::data", G_CALLBACK (update_department_row), row,
                           G_CONNECT_SWAPPED);
  update_department_row (ADW_ACTION_ROW (row), NULL, item);
  return row;
}

static gboolean
department_has_waiting (gpointer item,
                        gpointer user_data)
{
  JsonObject *data = hall_json_item_get_data (item);

  return json_object_get_int_member_with_default (data, "waiting", 0) > 0;
}

static void
hall_board_page_event (HallPage   *page,
                       const char *kind,
                       JsonObject *event)
{
  HallBoardPage *self = HALL_BOARD_PAGE (page);
  gint64         seq = json_object_get_int_member_with_default (event, "seq", 0);

  /* What the board shows already includes this change. */
  if (seq != 0 && seq <= self->seq && !hall_page_is_loading (page))
    return;
  hall_page_refresh (page);
}

/* Another hall's board starts from nothing. */
static void
client_changed_cb (HallBoardPage *self)
{
  self->loaded = FALSE;
  self->seq = 0;
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  hall_page_refresh (HALL_PAGE (widget));
}

static void
followed_up_cb (HallPage     *page,
                JsonObject   *reply,
                const GError *error,
                gpointer      user_data)
{
  if (reply == NULL)
    hall_page_toast (page, error->message);
  /* The board reads the alerts again on the change's event. */
}

static void
follow_up_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  JsonObject *params = json_object_new ();

  json_object_set_int_member (params, "rating_id", g_variant_get_int64 (parameter));
  hall_page_call (HALL_PAGE (widget), "rating.follow_up", params, followed_up_cb, NULL);
}

static void
hall_board_page_dispose (GObject *object)
{
  /* AdwBin would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), HALL_TYPE_BOARD_PAGE);
  G_OBJECT_CLASS (hall_board_page_parent_class)->dispose (object);
}

static void
hall_board_page_finalize (GObject *object)
{
  HallBoardPage *self = HALL_BOARD_PAGE (object);

  g_clear_object (&self->waiting_departments);
  g_clear_object (&self->waiting_filter);
  g_clear_object (&self->counters);
  g_clear_object (&self->departments);
  G_OBJECT_CLASS (hall_board_page_parent_class)->finalize (object);
}

static void
hall_board_page_class_init (HallBoardPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_board_page_dispose;
  object_class->finalize = hall_board_page_finalize;
  page_class->refresh = hall_board_page_refresh;
  page_class->event = hall_board_page_event;
  page_class->update_actions = hall_board_page_update_actions;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/board/hall-board-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallBoardPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HallBoardPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, HallBoardPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, HallBoardPage, counters_box);
  gtk_widget_class_bind_template_child (widget_class, HallBoardPage, departments_list);
  gtk_widget_class_bind_template_child (widget_class, HallBoardPage, waiting_value);
  gtk_widget_class_bind_template_child (widget_class, HallBoardPage, open_value);
  gtk_widget_class_bind_template_child (widget_class, HallBoardPage, longest_value);
  gtk_widget_class_bind_template_child (widget_class, HallBoardPage, longest_caption);
  gtk_widget_class_bind_template_child (widget_class, HallBoardPage, longest_card);
  gtk_widget_class_bind_template_child (widget_class, HallBoardPage, leader_value);
  gtk_widget_class_bind_template_child (widget_class, HallBoardPage, rating_alerts);
  gtk_widget_class_bind_template_child (widget_class, HallBoardPage, forecast_tile);

  gtk_widget_class_install_action (widget_class, "board.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "board.follow-up", "x", follow_up_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "board.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "board.refresh",
                                       NULL);

  g_type_ensure (HALL_TYPE_COUNTER_CARD);
  g_type_ensure (HALL_TYPE_RATING_ALERTS);
  g_type_ensure (HALL_TYPE_FORECAST_TILE);
}

static void
hall_board_page_init (HallBoardPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->counters = g_list_store_new (HALL_TYPE_JSON_ITEM);
  self->departments = g_list_store_new (HALL_TYPE_JSON_ITEM);
  self->waiting_filter = GTK_FILTER (gtk_custom_filter_new (department_has_waiting, NULL, NULL));
  self->waiting_departments = gtk_filter_list_model_new (
      g_object_ref (G_LIST_MODEL (self->departments)), g_object_ref (self->waiting_filter));
  gtk_flow_box_bind_model (self->counters_box, G_LIST_MODEL (self->counters), create_counter_card,
                           NULL, NULL);
  gtk_list_box_bind_model (self->departments_list, G_LIST_MODEL (self->waiting_departments),
                           create_department_row, NULL, NULL);
  g_signal_connect (self, "notify::client", G_CALLBACK (client_changed_cb), NULL);
  hall_board_page_update_actions (HALL_PAGE (self));
}

GtkWidget *
hall_board_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_BOARD_PAGE, "client", client, NULL);
}

GListModel *
hall_board_page_get_counters (HallBoardPage *self)
{
  g_return_val_if_fail (HALL_IS_BOARD_PAGE (self), NULL);
  return G_LIST_MODEL (self->counters);
}

GListModel *
hall_board_page_get_departments (HallBoardPage *self)
{
  g_return_val_if_fail (HALL_IS_BOARD_PAGE (self), NULL);
  return G_LIST_MODEL (self->departments);
}

GListModel *
hall_board_page_get_rating_alerts (HallBoardPage *self)
{
  g_return_val_if_fail (HALL_IS_BOARD_PAGE (self), NULL);
  return hall_rating_alerts_get_model (self->rating_alerts);
}

gint64
hall_board_page_get_seq (HallBoardPage *self)
{
  g_return_val_if_fail (HALL_IS_BOARD_PAGE (self), 0);
  return self->seq;
}
