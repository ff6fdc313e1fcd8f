/* hall-stats-tables.c — the statistics page's tables (by department, window, staff member) and
 * its two charts
 *
 * The tables are sortable GtkColumnViews over rows put together from stats.summary: a
 * department's batches with its 首接首办, a window's queue, a staff member's queue with their
 * 首接首办. A count the engine can trace is a button, as in the 统计表.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-stats-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-format.h"
#include "hall-json-item.h"
#include "hall-stats-page-private.h"

typedef enum
{
  CELL_TEXT,
  CELL_COUNT,
  CELL_MINUTES,
  CELL_RATE,
} CellKind;

typedef struct
{
  const char *title; /* N_() */
  const char *member;
  CellKind    kind;
  const char *definition; /* the key of its definition in stats.summary, for the tooltip */
  const char *trace;      /* "key&filter" before the row's id, NULL for none */
  const char *id;         /* the filter the row's "id" goes to */
  const char *tail;       /* after the id ("&bucket=open"), or NULL */
} Column;

/* An average is over the tickets of its row's "Served", which lists them; every count and rate
 * lists what it counts (a rate its numerator). */
static const Column department_columns[] = {
  { N_ ("Department"), "name", CELL_TEXT },
  { N_ ("Batches"), "batches", CELL_COUNT, "batches", "batches", "department_id" },
  { N_ ("Person-times"), "persons", CELL_COUNT, "persons", "batches", "department_id" },
  { N_ ("Matters"), "matters", CELL_COUNT, "matters", "matters", "department_id" },
  { N_ ("First received"), "fh_matters", CELL_COUNT, "first_handling", "first_handling",
    "department_id", "&bucket=all" },
  { N_ ("Open"), "fh_open", CELL_COUNT, "first_handling", "first_handling", "department_id",
    "&bucket=open" },
  { N_ ("Overdue"), "fh_overdue", CELL_COUNT, "first_handling", "first_handling",
    "department_id", "&bucket=overdue" },
  { N_ ("Closed on time"), "fh_on_time", CELL_RATE, "first_handling", "first_handling",
    "department_id", "&bucket=on_time" },
  { NULL },
};

static const Column counter_columns[] = {
  { N_ ("Window"), "name", CELL_TEXT },
  { N_ ("Served"), "served", CELL_COUNT, "queue", "queue", "counter_id" },
  { N_ ("Average wait"), "wait_average", CELL_MINUTES, "queue" },
  { N_ ("90% waited at most"), "wait_p90", CELL_MINUTES, "queue" },
  { N_ ("Average service"), "service_average", CELL_MINUTES, "queue" },
  { N_ ("Resolved on site"), "on_site", CELL_RATE, "on_site", "on_site", "counter_id" },
  { NULL },
};

static const Column staff_columns[] = {
  { N_ ("Staff member"), "name", CELL_TEXT },
  { N_ ("Served"), "served", CELL_COUNT, "queue", "queue", "user_id" },
  { N_ ("Average service"), "service_average", CELL_MINUTES, "queue" },
  { N_ ("Resolved on site"), "on_site", CELL_RATE, "on_site", "on_site", "user_id" },
  { N_ ("First received"), "fh_matters", CELL_COUNT, "first_handling", "first_handling",
    "user_id", "&bucket=all" },
  { N_ ("Open"), "fh_open", CELL_COUNT, "first_handling", "first_handling", "user_id",
    "&bucket=open" },
  { N_ ("Overdue"), "fh_overdue", CELL_COUNT, "first_handling", "first_handling", "user_id",
    "&bucket=overdue" },
  { N_ ("Closed on time"), "fh_on_time", CELL_RATE, "first_handling", "first_handling",
    "user_id", "&bucket=on_time" },
  { NULL },
};

static double
cell_number (JsonObject   *data,
             const Column *column)
{
  JsonNode *node = json_object_get_member (data, column->member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return -1;
  /* a rate sorts by its value */
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *rate = json_node_get_object (node);

      return json_object_get_null_member (rate, "rate")
                 ? -1
                 : json_object_get_double_member (rate, "rate");
    }
  return json_node_get_double (node);
}

static char *
cell_text (JsonObject   *data,
           const Column *column)
{
  double value = cell_number (data, column);

  switch (column->kind)
    {
    case CELL_TEXT:
      return g_strdup (json_object_get_string_member_with_default (data, column->member, ""));
    case CELL_COUNT:
      return g_strdup_printf ("%.0f", MAX (value, 0));
    case CELL_MINUTES:
      return value < 0 ? g_strdup ("—") : _hall_format_minutes ((gint64) value);
    case CELL_RATE:
    default:
      {
        JsonNode *node = json_object_get_member (data, column->member);

        return _hall_stats_page_rate_text (
            node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL);
      }
    }
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          const Column             *column)
{
  GtkWidget *child;

  if (column->trace != NULL)
    {
      child = gtk_button_new_with_label ("");
      gtk_widget_add_css_class (child, "flat");
    }
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
    }
  gtk_widget_set_halign (child, column->kind == CELL_TEXT ? GTK_ALIGN_START : GTK_ALIGN_END);
  gtk_list_item_set_child (item, child);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         const Column             *column)
{
  HallStatsPage   *self = g_object_get_data (G_OBJECT (factory), "page");
  JsonObject      *data = hall_json_item_get_data (gtk_list_item_get_item (item));
  GtkWidget       *child = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (data, column);
  const char      *definition =
      column->definition != NULL
               ? _hall_stats_page_definition (self, "definition", column->definition)
               : NULL;

  gtk_widget_set_tooltip_text (child, definition);
  if (column->trace == NULL)
    {
      gtk_label_set_text (GTK_LABEL (child), text);
      return;
    }
  /* A rate with nothing to count ("—") has no records behind it. */
  if (column->kind == CELL_RATE && cell_number (data, column) < 0)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (child), NULL);
      gtk_widget_set_name (child, "");
      gtk_button_set_label (GTK_BUTTON (child), text);
      gtk_widget_set_sensitive (child, FALSE);
      return;
    }
  gtk_widget_set_sensitive (child, TRUE);
  {
    g_autofree char *trace = g_strdup_printf (
        "%s&%s=%" G_GINT64_FORMAT "%s", column->trace, column->id,
        json_object_get_int_member_with_default (data, "id", 0), column->tail ? column->tail : "");
    g_autofree char *name = g_strconcat (column->member, " ", trace, NULL);

    gtk_button_set_label (GTK_BUTTON (child), text);
    gtk_widget_set_name (child, name);
    /* The target first: an action name without its target would be activated with none. */
    gtk_actionable_set_action_target (GTK_ACTIONABLE (child), "s", trace);
    gtk_actionable_set_action_name (GTK_ACTIONABLE (child), "stats.trace");
  }
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  const Column *column = user_data;
  JsonObject   *x = hall_json_item_get_data ((gpointer) a);
  JsonObject   *y = hall_json_item_get_data ((gpointer) b);

  if (column->kind == CELL_TEXT)
    return g_strcmp0 (json_object_get_string_member_with_default (x, column->member, ""),
                      json_object_get_string_member_with_default (y, column->member, ""));
  return (cell_number (x, column) > cell_number (y, column))
         - (cell_number (x, column) < cell_number (y, column));
}

static GtkSelectionModel *
init_view (HallStatsPage *self,
           GtkColumnView *view,
           GListStore    *store,
           const Column  *columns)
{
  GtkSortListModel *sorted;

  for (const Column *c = columns; c->title != NULL; c++)
    {
      GtkListItemFactory  *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      g_autoptr (GtkSorter) sorter =
          GTK_SORTER (gtk_custom_sorter_new (compare_cb, (gpointer) c, NULL));

      g_object_set_data (G_OBJECT (factory), "page", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), (gpointer) c);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), (gpointer) c);
      column = gtk_column_view_column_new (_ (c->title), factory);
      gtk_column_view_column_set_sorter (column, sorter);
      gtk_column_view_column_set_expand (column, c == columns);
      gtk_column_view_append_column (view, column);
      g_object_unref (column);
    }
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (store)),
                                    g_object_ref (gtk_column_view_get_sorter (view)));
  /* Not set on the view yet: the rows are built when the tab is shown. */
  return GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (sorted)));
}

static GtkColumnView *
table_view (HallStatsPage *self,
            guint          i)
{
  GtkColumnView *views[] = { self->department_view, self->counter_view, self->staff_view };

  return views[i];
}

void
_hall_stats_page_init_tables (HallStatsPage *self)
{
  self->table_models[0] =
      init_view (self, self->department_view, self->departments, department_columns);
  self->table_models[1] = init_view (self, self->counter_view, self->counters, counter_columns);
  self->table_models[2] = init_view (self, self->staff_view, self->staff, staff_columns);
  g_signal_connect_swapped (self->tables_stack, "notify::visible-child",
                            G_CALLBACK (_hall_stats_page_show_tables), self);
}

void
_hall_stats_page_show_tables (HallStatsPage *self)
{
  GtkWidget *shown = gtk_stack_get_visible_child (self->tables_stack);

  for (guint i = 0; i < G_N_ELEMENTS (self->table_models); i++)
    {
      GtkColumnView     *view = table_view (self, i);
      GtkSelectionModel *model =
          self->tables_ready && GTK_WIDGET (view) == shown ? self->table_models[i] : NULL;

      if (gtk_column_view_get_model (view) != model)
        gtk_column_view_set_model (view, model);
    }
}

/* At finalize: the models, the views they were given to gone with the template. */
void
_hall_stats_page_clear_tables (HallStatsPage *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->table_models); i++)
    g_clear_object (&self->table_models[i]);
}

/* The row of @table for @id, made (with @name) when there is none. */
static JsonObject *
row_for (GHashTable *table,
         GPtrArray  *order,
         gint64      id,
         const char *name)
{
  JsonObject *row = g_hash_table_lookup (table, &id);

  if (row == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = id;
      row = json_object_new ();
      json_object_set_int_member (row, "id", id);
      json_object_set_string_member (row, "name", name != NULL ? name : "");
      json_object_set_int_member (row, "fh_matters", 0);
      json_object_set_int_member (row, "fh_open", 0);
      json_object_set_int_member (row, "fh_overdue", 0);
      json_object_set_int_member (row, "served", 0);
      json_object_set_null_member (row, "fh_on_time");
      g_hash_table_insert (table, key, row);
      g_ptr_array_add (order, row);
    }
  return row;
}

static void
set_rate (JsonObject *row,
          const char *member,
          JsonObject *rate)
{
  if (rate == NULL)
    json_object_set_null_member (row, member);
  else
    json_object_set_object_member (row, member, json_object_ref (rate));
}

/* Rows from the @queue list (Q objects) and the @first list (F objects) of stats.summary, joined
 * on @id_member; @extra (by_department's) adds its counts. */
static void
fill_store (GListStore *store,
            JsonArray  *extra,
            JsonArray  *queue,
            JsonArray  *first,
            const char *id_member)
{
  g_autoptr (GHashTable) table = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                        (GDestroyNotify) json_object_unref);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  JsonArray *lists[] = { extra, queue, first };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l] != NULL && i < json_array_get_length (lists[l]); i++)
      {
        JsonObject *src = json_array_get_object_element (lists[l], i);
        JsonObject *row = row_for (table, order, json_object_get_int_member_with_default (src, id_member, 0),
                                   json_object_get_string_member_with_default (src, "name", NULL));

        if (l == 0)
          for (guint m = 0; m < 3; m++)
            {
              static const char *const members[] = { "batches", "persons", "matters" };

              json_object_set_int_member (
                  row, members[m], json_object_get_int_member_with_default (src, members[m], 0));
            }
        else if (l == 1)
          {
            static const char *const members[] = { "served", "wait_average", "wait_p90",
                                                   "service_average" };

            for (guint m = 0; m < G_N_ELEMENTS (members); m++)
              json_object_set_member (row, members[m],
                                      json_node_copy (json_object_get_member (src, members[m])));
            set_rate (row, "on_site", json_object_get_object_member (src, "on_site_resolution"));
          }
        else
          {
            json_object_set_int_member (row, "fh_matters",
                                        json_object_get_int_member_with_default (src, "matters", 0));
            json_object_set_int_member (row, "fh_open",
                                        json_object_get_int_member_with_default (src, "open", 0));
            json_object_set_int_member (row, "fh_overdue",
                                        json_object_get_int_member_with_default (src, "overdue", 0));
            set_rate (row, "fh_on_time", json_object_get_object_member (src, "on_time"));
          }
      }
  g_list_store_remove_all (store);
  for (guint i = 0; i < order->len; i++)
    {
      g_autoptr (HallJsonItem) item = hall_json_item_new (order->pdata[i], 0);

      g_list_store_append (store, item);
    }
}

static JsonArray *
array_at (JsonObject *object,
          const char *group,
          const char *list)
{
  JsonObject *inner = object != NULL ? json_object_get_object_member (object, group) : NULL;

  return inner != NULL ? json_object_get_array_member (inner, list) : NULL;
}

/* A bar per department, the order of the table's rows as the hall lists them. */
static void
fill_department_chart (HallStatsPage *self)
{
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) values = g_array_new (FALSE, TRUE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->departments)); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (G_LIST_MODEL (self->departments), i);
      JsonObject *data = hall_json_item_get_data (item);
      gint64      batches = json_object_get_int_member_with_default (data, "batches", 0);

      g_ptr_array_add (labels, g_strdup (json_object_get_string_member (data, "name")));
      g_array_append_val (values, batches);
    }
  g_ptr_array_add (labels, NULL);
  hall_stats_chart_set_data (self->department_chart, (const char *const *) labels->pdata,
                             (gint64 *) values->data, _ ("batches"));
}

void
_hall_stats_page_fill_tables (HallStatsPage *self)
{
  JsonObject *now =
      self->summary != NULL ? json_object_get_object_member (self->summary, "current") : NULL;

  fill_store (self->departments,
              now != NULL ? json_object_get_array_member (now, "by_department") : NULL, NULL,
              array_at (now, "first_handling", "by_department"), "department_id");
  fill_store (self->counters, NULL, array_at (now, "queue", "by_counter"), NULL, "counter_id");
  fill_store (self->staff, NULL, array_at (now, "queue", "by_staff"),
              array_at (now, "first_handling", "by_staff"), "user_id");
  fill_department_chart (self);
}

void
_hall_stats_page_fill_trend (HallStatsPage *self,
                             JsonArray     *days)
{
  guint n = _hall_stats_period_n_days (self->from, self->to);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) values = g_array_new (FALSE, TRUE, sizeof (gint64));
  guint d = 0;

  /* Every day of the period has its bar, the days without a batch at 0. */
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *date = _hall_stats_period_add_days (self->from, i);
      gint64           batches = 0;
      JsonObject      *day = days != NULL && d < json_array_get_length (days)
                                 ? json_array_get_object_element (days, d)
                                 : NULL;

      if (day != NULL
          && g_strcmp0 (json_object_get_string_member_with_default (day, "date", ""), date) == 0)
        {
          batches = json_object_get_int_member_with_default (day, "batches", 0);
          d++;
        }
      /* The axis shows month-day; the year is the period's. */
      g_ptr_array_add (labels, g_strdup (date + 5));
      g_array_append_val (values, batches);
    }
  g_ptr_array_add (labels, NULL);
  hall_stats_chart_set_data (self->trend_chart, (const char *const *) labels->pdata,
                             (gint64 *) values->data, _ ("batches"));
}
