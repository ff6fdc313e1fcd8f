/* hall-stats-figures.c — the 信访工作情况统计表 on the statistics page
 *
 * The rows are the county's (seeds 000 and 004): batches, person-times and matters per channel,
 * 单访/集体访, 初访/重访, 越级访 by level, the leaders' receptions by outcome, 下访/约访 and the
 * rates, each for the period, the same dates a year earlier and the change. Every figure is a
 * button: its tooltip is the engine's definition, and a click lists the records it counts. A
 * figure with nothing to count reads "—", with its definition in the tooltip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-stats-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-labels.h"
#include "hall-stats-page-private.h"

static const char *const channels[] = { "visit", "letter", "online", "phone", "other" };
static const char *const levels[] = { "city", "province", "capital" };
static const char *const outcomes[] = { "resolved", "assigned", "forwarded", "explained",
                                        "unrecorded" };
static const char *const kinds[] = { "visit", "invite" };

typedef struct
{
  HallStatsPage *self;
  JsonObject    *now;    /* the period's */
  JsonObject    *before; /* the same dates a year earlier */
  int            row;
  GPtrArray     *cells; /* the grid's widgets from the period before, at row * 4 + column */
} Table;

/* The widget of @type at @column of the row: the period before's, its texts to be set again
 * (the rows are the same from period to period), or a new one in place of another kind. */
static GtkWidget *
cell (Table *t,
      int    column,
      GType  type)
{
  guint      index = t->row * 4 + column;
  GtkWidget *child = index < t->cells->len ? t->cells->pdata[index] : NULL;

  if (child != NULL && G_TYPE_FROM_INSTANCE (child) == type)
    return child;
  if (child != NULL)
    gtk_grid_remove (t->self->figures_grid, child);
  child = type == GTK_TYPE_BUTTON ? gtk_button_new () : gtk_label_new (NULL);
  gtk_grid_attach (t->self->figures_grid, child, column, t->row, 1, 1);
  return child;
}

/* @object's member @path ("leader_receptions/batches"), or in the row of its array @list whose
 * @match member is @value. */
static JsonNode *
lookup (JsonObject *object,
        const char *list,
        const char *match,
        const char *value,
        const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);

  if (object == NULL)
    return NULL;
  if (list != NULL)
    {
      JsonArray *rows = json_object_get_array_member (object, list);

      object = NULL;
      for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
        {
          JsonObject *row = json_array_get_object_element (rows, i);

          if (g_strcmp0 (json_object_get_string_member_with_default (row, match, NULL), value)
              == 0)
            object = row;
        }
    }
  for (guint i = 0; object != NULL && parts[i] != NULL; i++)
    {
      JsonNode *node = json_object_get_member (object, parts[i]);

      if (parts[i + 1] == NULL)
        return node;
      object = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
    }
  return NULL;
}

static void
add_label (Table      *t,
           const char *text,
           int         column,
           gboolean    heading)
{
  GtkWidget *label = cell (t, column, GTK_TYPE_LABEL);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_xalign (GTK_LABEL (label), column == 0 ? 0 : 1);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  /* The items take the card's width; the figures stay in columns at its right. */
  gtk_widget_set_hexpand (label, column == 0);
  if (heading)
    {
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 6);
    }
  else if (column == 3)
    gtk_widget_add_css_class (label, "dim-label");
}

/* A figure: a flat button listing what it counts, or a plain "—" when @text is. */
static void
add_figure (Table      *t,
            const char *text,
            int         column,
            const char *name,
            const char *trace,
            const char *tooltip,
            const char *accessible)
{
  GtkWidget *button;

  if (trace == NULL)
    {
      GtkWidget *label = cell (t, column, GTK_TYPE_LABEL);

      gtk_label_set_text (GTK_LABEL (label), text);
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_name (label, name);
      gtk_widget_set_tooltip_text (label, tooltip);
      return;
    }
  button = cell (t, column, GTK_TYPE_BUTTON);
  gtk_button_set_label (GTK_BUTTON (button), text);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_END);
  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, tooltip);
  /* The target first: the button is in the grid, an action name without its target would be
   * checked with none. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", trace);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "stats.trace");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

static char *
change_text (gint64 now,
             gint64 before)
{
  if (before <= 0)
    return g_strdup ("—");
  return g_strdup_printf ("%+.1f%%", 100.0 * (now - before) / before);
}

/* One row of counts: @label, then the figure at @path (in the @list row whose @match is @value)
 * now and a year earlier, each tracing @trace, and the change. */
static void
count_row (Table      *t,
           const char *label,
           const char *list,
           const char *match,
           const char *value,
           const char *path,
           const char *def_key,
           const char *trace)
{
  const char      *definition = _hall_stats_page_definition (t->self, "definition", def_key);
  JsonNode        *a = lookup (t->now, list, match, value, path);
  JsonNode        *b = lookup (t->before, list, match, value, path);
  gint64           now = a != NULL && JSON_NODE_HOLDS_VALUE (a) ? json_node_get_int (a) : 0;
  gint64           before = b != NULL && JSON_NODE_HOLDS_VALUE (b) ? json_node_get_int (b) : 0;
  g_autofree char *now_text = g_strdup_printf ("%" G_GINT64_FORMAT, now);
  g_autofree char *before_text = g_strdup_printf ("%" G_GINT64_FORMAT, before);
  g_autofree char *change = change_text (now, before);
  g_autofree char *previous = g_strconcat (trace, "&prev", NULL);
  /* Translators: what a screen reader says for a figure of the statistics: the row, the value */
  g_autofree char *a11y_now = g_strdup_printf (_ ("%s: %s"), label, now_text);
  /* Translators: the same for the figure of the same period a year earlier */
  g_autofree char *a11y_before = g_strdup_printf (_ ("%s, a year earlier: %s"), label, before_text);

  g_autofree char *name_now = g_strconcat (path, " ", trace, NULL);
  g_autofree char *name_before = g_strconcat (path, " ", previous, NULL);

  add_label (t, label, 0, FALSE);
  add_figure (t, now_text, 1, name_now, trace, definition, a11y_now);
  add_figure (t, before_text, 2, name_before, previous, definition, a11y_before);
  add_label (t, change, 3, FALSE);
  t->row++;
}

static void
pair_rows (Table      *t,
           const char *what,
           const char *list,
           const char *match,
           const char *value,
           const char *batches,
           const char *persons,
           const char *def_key,
           const char *trace)
{
  /* Translators: a row of the statistics table: a channel or group, then batches or persons */
  g_autofree char *b = g_strdup_printf (C_ ("statistics row", "%s %s"), what, _ ("batches"));
  /* Translators: a row of the statistics table: a channel or group, then batches or persons */
  g_autofree char *p = g_strdup_printf (C_ ("statistics row", "%s %s"), what, _ ("person-times"));

  count_row (t, b, list, match, value, batches, def_key, trace);
  count_row (t, p, list, match, value, persons, def_key, trace);
}

char *
_hall_stats_page_rate_text (JsonObject *rate)
{
  if (rate == NULL || json_object_get_null_member (rate, "rate"))
    return g_strdup ("—");
  /* Translators: a rate on the statistics page: the percentage, then numerator/denominator */
  return g_strdup_printf (_ ("%.1f%% (%d/%d)"), 100.0 * json_object_get_double_member (rate, "rate"),
                          (int) json_object_get_int_member (rate, "numerator"),
                          (int) json_object_get_int_member (rate, "denominator"));
}

/* A rate (or a follow-up figure) defined under @def_key: traceable as @trace when the engine
 * counts it, "—" with its note when it does not. */
static void
rate_row (Table      *t,
          const char *label,
          const char *path,
          const char *def_key,
          const char *trace)
{
  JsonNode        *a = lookup (t->now, NULL, NULL, NULL, path);
  JsonNode        *b = lookup (t->before, NULL, NULL, NULL, path);
  JsonObject      *ra = a != NULL && JSON_NODE_HOLDS_OBJECT (a) ? json_node_get_object (a) : NULL;
  JsonObject      *rb = b != NULL && JSON_NODE_HOLDS_OBJECT (b) ? json_node_get_object (b) : NULL;
  g_autofree char *now = _hall_stats_page_rate_text (ra);
  g_autofree char *before = _hall_stats_page_rate_text (rb);
  g_autofree char *change = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *previous = g_strconcat (trace, "&prev", NULL);
  g_autofree char *name_before = g_strconcat (path, "&prev", NULL);
  const char      *definition = _hall_stats_page_definition (t->self, "definition", def_key);
  const char      *note = ra != NULL ? json_object_get_string_member_with_default (ra, "note", NULL)
                                     : NULL;
  gboolean         traced = note == NULL && ra != NULL;
  g_autofree char *a11y_now = g_strdup_printf (_ ("%s: %s"), label, now);
  g_autofree char *a11y_before = g_strdup_printf (_ ("%s, a year earlier: %s"), label, before);

  if (ra == NULL || rb == NULL || json_object_get_null_member (ra, "rate")
      || json_object_get_null_member (rb, "rate"))
    change = g_strdup ("—");
  else
    /* Translators: a change of a rate, in percentage points (个百分点) */
    change = g_strdup_printf (_ ("%+.1f points"),
                              100.0
                                  * (json_object_get_double_member (ra, "rate")
                                     - json_object_get_double_member (rb, "rate")));
  /* Translators: the tooltip of a figure not counted yet: its definition, then the reason */
  tooltip = note != NULL ? g_strdup_printf (_ ("%s\n%s"), definition ? definition : "", note)
                         : g_strdup (definition);
  add_label (t, label, 0, FALSE);
  add_figure (t, now, 1, path, traced ? trace : NULL, tooltip, a11y_now);
  add_figure (t, before, 2, name_before, traced ? previous : NULL, tooltip, a11y_before);
  add_label (t, change, 3, FALSE);
  t->row++;
}

static void
heading_row (Table *t)
{
  add_label (t, _ ("Item"), 0, TRUE);
  add_label (t, _ ("This period"), 1, TRUE);
  add_label (t, _ ("Same period last year"), 2, TRUE);
  add_label (t, _ ("Year on year"), 3, TRUE);
  t->row++;
}

const char *
_hall_stats_page_definition (HallStatsPage *self,
                             const char    *member,
                             const char    *key)
{
  JsonArray *definitions =
      self->summary != NULL ? json_object_get_array_member (self->summary, "definitions") : NULL;

  for (guint i = 0; definitions != NULL && i < json_array_get_length (definitions); i++)
    {
      JsonObject *d = json_array_get_object_element (definitions, i);

      if (g_strcmp0 (json_object_get_string_member_with_default (d, "key", NULL), key) == 0)
        return json_object_get_string_member_with_default (d, member, NULL);
    }
  return NULL;
}

void
_hall_stats_page_fill_figures (HallStatsPage *self)
{
  GtkWidget *child;
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();
  Table t = { self, NULL, NULL, 0, cells };

  if (self->summary == NULL)
    {
      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_grid))) != NULL)
        gtk_grid_remove (self->figures_grid, child);
      return;
    }
  /* A new period updates the texts of the widgets there: the rows are the same. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->figures_grid)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int column, row;

      gtk_grid_query_child (self->figures_grid, child, &column, &row, NULL, NULL);
      if ((guint) (row * 4 + column) >= cells->len)
        g_ptr_array_set_size (cells, row * 4 + column + 1);
      cells->pdata[row * 4 + column] = child;
    }
  t.now = json_object_get_object_member (self->summary, "current");
  t.before = json_object_get_object_member (self->summary, "previous");

  heading_row (&t);
  pair_rows (&t, _ ("Total"), NULL, NULL, NULL, "batches", "persons", "batches", "batches");
  count_row (&t, _ ("Matters received (cases)"), NULL, NULL, NULL, "matters", "matters",
             "matters");
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      g_autofree char *trace = g_strconcat ("batches&channel=", channels[i], NULL);
      g_autofree char *matters = g_strconcat ("matters&channel=", channels[i], NULL);
      g_autofree char *label = g_strdup_printf (C_ ("statistics row", "%s %s"),
                                                hall_label_channel (channels[i]),
                                                _ ("Matters received (cases)"));

      pair_rows (&t, hall_label_channel (channels[i]), "by_channel", "channel", channels[i],
                 "batches", "persons", "batches", trace);
      count_row (&t, label, "by_channel", "channel", channels[i], "matters", "matters", matters);
    }
  pair_rows (&t, _ ("Single visits"), NULL, NULL, NULL, "single_batches", "single_persons",
             "single_batches", "single_batches");
  pair_rows (&t, _ ("Collective visits"), NULL, NULL, NULL, "collective_batches",
             "collective_persons", "collective_batches", "collective_batches");
  pair_rows (&t, _ ("First visits"), NULL, NULL, NULL, "first_batches", "first_persons",
             "first_batches", "first_batches");
  pair_rows (&t, _ ("Repeat visits"), NULL, NULL, NULL, "repeat_batches", "repeat_persons",
             "repeat_batches", "repeat_batches");
  pair_rows (&t, _ ("Repeat petitions"), NULL, NULL, NULL, "repeat_petition_batches",
             "repeat_petition_persons", "repeat_petitions", "repeat_petitions");
  pair_rows (&t, _ ("Beyond level"), NULL, NULL, NULL, "escalated_batches", "escalated_persons",
             "escalated_batches", "escalated_batches");
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autofree char *trace = g_strconcat ("escalated_batches&level=", levels[i], NULL);

      pair_rows (&t, hall_label_code ("escalation", levels[i]), "by_escalation", "level",
                 levels[i], "batches", "persons", "escalated_batches", trace);
    }
  pair_rows (&t, _ ("Leader receptions"), NULL, NULL, NULL, "leader_receptions/batches",
             "leader_receptions/persons", "leader_receptions", "leader_receptions");
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      g_autofree char *trace = g_strconcat ("leader_receptions&outcome=", outcomes[i], NULL);
      JsonObject      *now = json_object_get_object_member (t.now, "leader_receptions");
      JsonObject      *before = json_object_get_object_member (t.before, "leader_receptions");
      Table            sub = t;
      g_autofree char *label = g_strdup_printf (C_ ("statistics row", "%s %s"),
                                                hall_label_code ("outcome", outcomes[i]),
                                                _ ("batches"));

      sub.now = now;
      sub.before = before;
      count_row (&sub, label, "by_outcome", "outcome", outcomes[i], "batches", "leader_receptions",
                 trace);
      t.row = sub.row;
    }
  pair_rows (&t, _ ("Visits and invitations"), NULL, NULL, NULL, "leader_outreach/batches",
             "leader_outreach/persons", "leader_outreach", "leader_outreach");
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *trace = g_strconcat ("leader_outreach&kind=", kinds[i], NULL);
      Table            sub = t;
      g_autofree char *label = g_strdup_printf (
          C_ ("statistics row", "%s %s"),
          g_str_equal (kinds[i], "visit") ? C_ ("outreach", "Visits to the people")
                                          : C_ ("outreach", "Invited visits"),
          _ ("batches"));

      sub.now = json_object_get_object_member (t.now, "leader_outreach");
      sub.before = json_object_get_object_member (t.before, "leader_outreach");
      count_row (&sub, label, "by_kind", "kind", kinds[i], "batches", "leader_outreach", trace);
      t.row = sub.row;
    }
  rate_row (&t, _ ("Timely acceptance rate"), "rates/decision_on_time", "decision_on_time",
            "decision_on_time");
  rate_row (&t, _ ("On-time reply rate"), "rates/handling_on_time", "handling_on_time",
            "handling_on_time");
  rate_row (&t, _ ("Satisfaction rate"), "rates/satisfaction", "satisfaction", "satisfaction");
  rate_row (&t, _ ("Rating participation rate"), "rates/participation", "participation",
            "participation");
  rate_row (&t, _ ("Resolution rate"), "rates/resolution", "resolution", "resolution");
  rate_row (&t, C_ ("statistics row", "Follow-up visits"), "follow_up/visits", "follow_up",
            "follow_up_visits");
  rate_row (&t, C_ ("statistics row", "Successful follow-up visits"), "follow_up/successful",
            "follow_up", "follow_up_successful");
  rate_row (&t, C_ ("statistics row", "Satisfied at follow-up"), "follow_up/satisfied",
            "follow_up", "follow_up_satisfied");
}
