/* hall-ledgers-page.c — 台账: each ledger of ledger.list for a period, filtered, and exported
 *
 * The page is driven by a table of ledgers (ledger_infos[]): its key in ledger.list, its filter
 * and whether a row is a matter. The columns and their words come from the export's own table
 * (hall_export_column_header(), hall_export_cell_text()), so the screen and the paper agree. The
 * rows are read a page of ledger.list at a time; the export writes the rows on the screen with
 * hall_export_write() in a thread, as the statistics page does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-ledgers"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-date-row.h"
#include "hall-export-file.h"
#include "hall-form.h"
#include "hall-json-item.h"
#include "hall-labels.h"
#include "hall-info.h"
#include "hall-ledgers-page-private.h"
#include "hall-matter-view.h"
#include "hall-print.h"

#define PAGE_SIZE 1000

static const char *const dispute_states[] = { "screening", "resolving", "resolved",
                                              "controlled", NULL };
static const char *const matter_states[] = { "registered", "accepted", "declined", "litigation",
                                             "assigned", "replied", "review", "reviewed",
                                             "rereview", "rereviewed", "closed", NULL };
static const char *const outcomes[] = { "resolved", "assigned", "forwarded", "explained", NULL };

/* The ledgers, in the order of the chooser. @filter is the ledger.list parameter the filter
 * sets, its @values put into words by hall_label_code (@code) or, with no code, as a matter's
 * state; @matter_key is the member holding the matter a row is about. */
static const struct
{
  const char        *name;
  const char        *filter;
  const char        *code;
  const char *const *values;
  const char        *matter_key;
} ledger_infos[] = {
  { "disputes", "state", "dispute_state", dispute_states, NULL },
  { "charges", NULL, NULL, NULL, "matter_id" },
  { "receptions", "outcome", "outcome", outcomes, NULL },
  { "roster", NULL, NULL, NULL, NULL },
  { "matters", "state", NULL, matter_states, "id" },
  { "followups", NULL, NULL, NULL, NULL },
};

struct _HallLedgersPage
{
  HallPage parent_instance;

  guint       ledger; /* in ledger_infos */
  char       *from;
  char       *to;
  char       *filter; /* a code, or NULL for all */
  guint       generation;
  gboolean    loading;
  gboolean    exporting;
  gboolean    weekly; /* the disputes' weekly report (每周三、五报送) is shown */
  GListStore *rows;
  JsonObject *info; /* hall.info: the departments of the dispute form */

  GtkStack        *stack;
  GtkLabel        *title_label;
  GtkDropDown     *ledger_dropdown;
  GtkWidget       *from_row;
  GtkWidget       *to_row;
  GtkDropDown     *filter_dropdown;
  GtkWidget       *new_dispute_button;
  GtkToggleButton *weekly_button;
  GtkLabel        *dates_error;
  GtkLabel        *error_label;
  GtkLabel        *count_label;
  GtkColumnView   *column_view;
  GtkWidget       *matter_view;
};

G_DEFINE_FINAL_TYPE (HallLedgersPage, hall_ledgers_page, HALL_TYPE_PAGE)

static void
hall_ledgers_page_update_actions (HallPage *page)
{
  HallLedgersPage *self = HALL_LEDGERS_PAGE (page);
  gboolean         online = hall_page_is_online (page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledgers.refresh", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledgers.apply", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledgers.new-dispute",
                                 online && self->info != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "ledgers.export",
                                 self->from != NULL && !self->loading && !self->exporting
                                     && !self->weekly);
}

/* The manager and the window staff enter disputes (dispute.create); the leader and the
 * administrator read them. */
static gboolean
may_enter_disputes (HallLedgersPage *self)
{
  HallClient *client = hall_page_get_client (HALL_PAGE (self));
  const char *role = client != NULL ? hall_client_get_role (client) : NULL;

  return g_strcmp0 (role, "manager") == 0 || g_strcmp0 (role, "staff") == 0;
}

static const char *
filter_label (guint       ledger,
              const char *value)
{
  if (ledger_infos[ledger].code != NULL)
    return hall_label_code (ledger_infos[ledger].code, value);
  return hall_label_state (value);
}

/* ---- the columns -------------------------------------------------------------------------- */

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  HallLedgersPage *self = g_object_get_data (G_OBJECT (factory), "hall-page");
  guint            column = GPOINTER_TO_UINT (user_data);
  g_autofree char *text =
      hall_export_cell_text (ledger_infos[self->ledger].name, column,
                             hall_json_item_get_data (gtk_list_item_get_item (item)),
                             gtk_list_item_get_position (item) + 1);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
set_columns (HallLedgersPage *self)
{
  const char *name = ledger_infos[self->ledger].name;
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr (GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }
  for (guint c = 0; c < hall_export_n_columns (name); c++)
    {
      GtkListItemFactory  *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_object_set_data (G_OBJECT (factory), "hall-page", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GUINT_TO_POINTER (c));
      column = gtk_column_view_column_new (hall_export_column_header (name, c), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->column_view, column);
      g_object_unref (column);
    }
}

static void
set_filters (HallLedgersPage *self)
{
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  const char *const *values = ledger_infos[self->ledger].values;

  /* Translators: the ledger's filter: no filter */
  gtk_string_list_append (labels, _ ("All"));
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    gtk_string_list_append (labels, filter_label (self->ledger, values[i]));
  gtk_drop_down_set_model (self->filter_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->filter_dropdown, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_dropdown), values != NULL);
}

/* ---- the rows ----------------------------------------------------------------------------- */

static void
show_count (HallLedgersPage *self)
{
  guint            n = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autofree char *text = NULL;

  if (self->loading)
    /* Translators: while a ledger's rows are read */
    text = g_strdup_printf (g_dngettext (NULL, "%u row so far…", "%u rows so far…", n), n);
  else
    /* Translators: under a ledger (台账): its rows, then its period */
    text = g_strdup_printf (g_dngettext (NULL, "%u row, %s to %s", "%u rows, %s to %s", n), n,
                            self->from, self->to);
  gtk_label_set_text (self->count_label, text);
}

static JsonObject *
query_params (HallLedgersPage *self,
              gint64           offset)
{
  JsonObject *params = json_object_new ();

  json_object_set_string_member (params, "ledger", ledger_infos[self->ledger].name);
  json_object_set_string_member (params, "from", self->from);
  json_object_set_string_member (params, "to", self->to);
  if (self->filter != NULL)
    json_object_set_string_member (params, ledger_infos[self->ledger].filter, self->filter);
  json_object_set_int_member (params, "offset", offset);
  json_object_set_int_member (params, "limit", PAGE_SIZE);
  return params;
}

static void load_page (HallLedgersPage *self,
                       gint64           offset);

static void
rows_cb (HallPage     *page,
         JsonObject   *reply,
         const GError *error,
         gpointer      user_data)
{
  HallLedgersPage *self = HALL_LEDGERS_PAGE (page);
  JsonArray       *rows;

  /* An answer for a query the user has since left is dropped. */
  if (GPOINTER_TO_UINT (user_data) != self->generation)
    return;
  if (reply == NULL)
    {
      self->loading = FALSE;
      _hall_form_set_error (GTK_WIDGET (self->error_label), GTK_WIDGET (self->error_label),
                            error->message);
      show_count (self);
      hall_ledgers_page_update_actions (page);
      return;
    }
  rows = json_object_get_array_member (reply, "rows");
  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      g_autoptr (HallJsonItem) item =
          hall_json_item_new (json_array_get_object_element (rows, i), 0);

      g_list_store_append (self->rows, item);
    }
  if (!json_object_get_null_member (reply, "next_offset"))
    {
      show_count (self);
      load_page (self, json_object_get_int_member (reply, "next_offset"));
      return;
    }
  self->loading = FALSE;
  show_count (self);
  hall_ledgers_page_update_actions (page);
}

static void
load_page (HallLedgersPage *self,
           gint64           offset)
{
  g_autoptr (JsonObject) params = query_params (self, offset);

  hall_page_call (HALL_PAGE (self), "ledger.list", params, rows_cb,
                  GUINT_TO_POINTER (self->generation));
}

static void
load_rows (HallLedgersPage *self)
{
  if (self->from == NULL || hall_page_get_client (HALL_PAGE (self)) == NULL)
    return;
  self->generation++;
  self->loading = TRUE;
  _hall_form_set_error (GTK_WIDGET (self->error_label), GTK_WIDGET (self->error_label), NULL);
  gtk_label_set_text (self->title_label, hall_export_title (ledger_infos[self->ledger].name));
  gtk_widget_set_visible (self->new_dispute_button,
                          self->ledger == 0 && may_enter_disputes (self));
  gtk_widget_set_visible (GTK_WIDGET (self->weekly_button), self->ledger == 0);
  self->weekly = FALSE;
  gtk_toggle_button_set_active (self->weekly_button, FALSE);
  g_list_store_remove_all (self->rows);
  set_columns (self);
  show_count (self);
  hall_ledgers_page_update_actions (HALL_PAGE (self));
  load_page (self, 0);
}

static void
set_query (HallLedgersPage *self,
           const char      *from,
           const char      *to,
           const char      *filter)
{
  g_free (self->from);
  g_free (self->to);
  g_free (self->filter);
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  self->filter = g_strdup (filter);
  hall_date_row_set_date (HALL_DATE_ROW (self->from_row), from);
  hall_date_row_set_date (HALL_DATE_ROW (self->to_row), to);
}

static void
info_cb (HallPage     *page,
         JsonObject   *reply,
         const GError *error,
         gpointer      user_data)
{
  HallLedgersPage *self = HALL_LEDGERS_PAGE (page);
  const char      *today =
      reply != NULL ? json_object_get_string_member_with_default (reply, "today", NULL) : NULL;
  g_autofree char *first = NULL;

  if (today == NULL)
    {
      _hall_form_set_error (GTK_WIDGET (self->error_label), GTK_WIDGET (self->error_label),
                            error != NULL ? error->message : NULL);
      return;
    }
  g_clear_pointer (&self->info, json_object_unref);
  self->info = json_object_ref (reply);
  /* The hall's month so far, the first time. */
  if (self->from == NULL)
    {
      first = g_strdup_printf ("%.8s01", today);
      set_query (self, first, today, NULL);
    }
  load_rows (self);
}

static void
hall_ledgers_page_refresh (HallPage *page)
{
  hall_page_load (page, "hall.info", NULL, info_cb, NULL);
}

static void
ledger_changed_cb (HallLedgersPage *self)
{
  guint ledger = gtk_drop_down_get_selected (self->ledger_dropdown);

  if (ledger == self->ledger || ledger >= G_N_ELEMENTS (ledger_infos))
    return;
  self->ledger = ledger;
  set_filters (self);
  g_clear_pointer (&self->filter, g_free);
  load_rows (self);
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HallLedgersPage   *self = HALL_LEDGERS_PAGE (widget);
  const char *const *values = ledger_infos[self->ledger].values;
  guint              selected = gtk_drop_down_get_selected (self->filter_dropdown);
  const char        *from, *to;
  g_autofree char   *first = NULL;
  g_autofree char   *last = NULL;

  if (!hall_date_row_check (HALL_DATE_ROW (self->from_row), TRUE)
      || !hall_date_row_check (HALL_DATE_ROW (self->to_row), TRUE))
    return;
  from = hall_date_row_get_date (HALL_DATE_ROW (self->from_row));
  to = hall_date_row_get_date (HALL_DATE_ROW (self->to_row));
  if (g_strcmp0 (from, to) > 0)
    {
      _hall_form_set_error (self->to_row, GTK_WIDGET (self->dates_error),
                            _ ("Must not be before the start date."));
      return;
    }
  _hall_form_set_error (self->to_row, GTK_WIDGET (self->dates_error), NULL);
  first = g_strdup (from);
  last = g_strdup (to);
  set_query (self, first, last,
             values != NULL && selected > 0 && selected != GTK_INVALID_LIST_POSITION
                 ? values[selected - 1]
                 : NULL);
  load_rows (self);
}

static void
activate_cb (HallLedgersPage *self,
             guint            position)
{
  const char *key = ledger_infos[self->ledger].matter_key;
  g_autoptr (HallJsonItem) item = NULL;
  JsonObject *row;

  HallClient *client = hall_page_get_client (HALL_PAGE (self));

  /* The administrator keeps the hall, not its matters. */
  if (self->ledger == 0 && may_enter_disputes (self))
    {
      item = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
      if (item != NULL)
        gtk_window_present (GTK_WINDOW (_hall_ledgers_dispute_new (
            self, _hall_info_array (self->info, "departments"), hall_json_item_get_data (item))));
      return;
    }
  if (key == NULL || client == NULL || g_strcmp0 (hall_client_get_role (client), "admin") == 0)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  row = item != NULL ? hall_json_item_get_data (item) : NULL;
  if (row != NULL && json_object_get_int_member_with_default (row, key, 0) > 0)
    hall_page_show_matter (HALL_PAGE (self), json_object_get_int_member (row, key));
}

/* ---- the disputes' weekly report ---------------------------------------------------------- */

static void
weekly_cb (HallPage     *page,
           JsonObject   *reply,
           const GError *error,
           gpointer      user_data)
{
  HallLedgersPage *self = HALL_LEDGERS_PAGE (page);
  JsonArray       *disputes;
  g_autofree char *text = NULL;
  guint            n;

  if (GPOINTER_TO_UINT (user_data) != self->generation)
    return;
  self->loading = FALSE;
  hall_ledgers_page_update_actions (page);
  if (reply == NULL)
    {
      _hall_form_set_error (GTK_WIDGET (self->error_label), GTK_WIDGET (self->error_label),
                            error->message);
      return;
    }
  disputes = json_object_get_array_member (reply, "disputes");
  n = json_array_get_length (disputes);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *dispute = json_array_get_object_element (disputes, i);
      g_autoptr (HallJsonItem) item = NULL;

      /* the ledger's column is "department" */
      json_object_set_string_member (
          dispute, "department",
          json_object_get_string_member_with_default (dispute, "department_name", ""));
      item = hall_json_item_new (dispute, 0);
      g_list_store_append (self->rows, item);
    }
  /* Translators: the disputes' weekly report (每周三、五报送): the count, the day before the
   * report day and the report day */
  text = g_strdup_printf (
      g_dngettext (NULL, "%u dispute entered or changed after %s, for the report of %s",
                   "%u disputes entered or changed after %s, for the report of %s", n),
      n, json_object_get_string_member_with_default (reply, "since", ""),
      json_object_get_string_member_with_default (reply, "report_date", ""));
  gtk_label_set_text (self->count_label, text);
}

static void
weekly_toggled_cb (HallLedgersPage *self)
{
  gboolean weekly = gtk_toggle_button_get_active (self->weekly_button);

  if (weekly == self->weekly)
    return;
  if (!weekly)
    {
      load_rows (self);
      return;
    }
  self->generation++;
  self->weekly = TRUE;
  self->loading = TRUE;
  g_list_store_remove_all (self->rows);
  gtk_label_set_text (self->count_label, "");
  hall_ledgers_page_update_actions (HALL_PAGE (self));
  hall_page_call (HALL_PAGE (self), "dispute.weekly", NULL, weekly_cb,
                  GUINT_TO_POINTER (self->generation));
}

static void
new_dispute_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HallLedgersPage *self = HALL_LEDGERS_PAGE (widget);

  if (self->info == NULL)
    return;
  gtk_window_present (GTK_WINDOW (
      _hall_ledgers_dispute_new (self, _hall_info_array (self->info, "departments"), NULL)));
}

void
_hall_ledgers_page_reload (HallLedgersPage *self)
{
  load_rows (self);
}

/* ---- the export --------------------------------------------------------------------------- */

static void
export_chosen (GtkWidget       *owner,
               HallExportFormat format,
               const char      *path)
{
  hall_ledgers_page_export_to (HALL_LEDGERS_PAGE (owner), format, path);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HallLedgersPage *self = HALL_LEDGERS_PAGE (widget);
  gboolean         pdf = g_str_equal (g_variant_get_string (parameter, NULL), "pdf");
  g_autofree char *title = NULL;

  if (self->from == NULL)
    return;
  /* Translators: title of the file chooser: the ledger's name (矛盾纠纷排查化解清单 …) */
  title = g_strdup_printf (pdf ? _ ("Export “%s” as PDF") : _ ("Export “%s” as XLSX"),
                           hall_export_title (ledger_infos[self->ledger].name));
  _hall_export_file_choose (widget, title, ledger_infos[self->ledger].name, self->from, self->to,
                            pdf ? HALL_EXPORT_PDF : HALL_EXPORT_XLSX, export_chosen);
}

/* ---- overrides ---------------------------------------------------------------------------- */

static void
hall_ledgers_page_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), HALL_TYPE_LEDGERS_PAGE);
  G_OBJECT_CLASS (hall_ledgers_page_parent_class)->dispose (object);
}

static void
hall_ledgers_page_finalize (GObject *object)
{
  HallLedgersPage *self = HALL_LEDGERS_PAGE (object);

  g_clear_object (&self->rows);
  g_clear_pointer (&self->info, json_object_unref);
  g_free (self->from);
  g_free (self->to);
  g_free (self->filter);
  G_OBJECT_CLASS (hall_ledgers_page_parent_class)->finalize (object);
}

static void
hall_ledgers_page_class_init (HallLedgersPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_ledgers_page_dispose;
  object_class->finalize = hall_ledgers_page_finalize;
  page_class->refresh = hall_ledgers_page_refresh;
  page_class->update_actions = hall_ledgers_page_update_actions;

  g_type_ensure (HALL_TYPE_DATE_ROW);
  g_type_ensure (HALL_TYPE_MATTER_VIEW);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/ledgers/hall-ledgers-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, HallLedgersPage, name)
  CHILD (stack);
  CHILD (title_label);
  CHILD (ledger_dropdown);
  CHILD (from_row);
  CHILD (to_row);
  CHILD (filter_dropdown);
  CHILD (new_dispute_button);
  CHILD (weekly_button);
  CHILD (dates_error);
  CHILD (error_label);
  CHILD (count_label);
  CHILD (column_view);
  CHILD (matter_view);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "ledgers.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "ledgers.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "ledgers.new-dispute", NULL,
                                   new_dispute_action);
  hall_page_class_install_refresh_action (page_class, "ledgers.refresh");
  hall_page_class_install_matter_actions (page_class, "ledgers");
}

static void
hall_ledgers_page_init (HallLedgersPage *self)
{
  g_autoptr (GtkStringList) titles = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (ledger_infos); i++)
    gtk_string_list_append (titles, hall_export_title (ledger_infos[i].name));
  gtk_drop_down_set_model (self->ledger_dropdown, G_LIST_MODEL (titles));
  gtk_drop_down_set_selected (self->ledger_dropdown, 0);
  set_filters (self);
  g_signal_connect_swapped (self->ledger_dropdown, "notify::selected",
                            G_CALLBACK (ledger_changed_cb), self);
  hall_date_row_set_error_label (HALL_DATE_ROW (self->from_row), GTK_WIDGET (self->dates_error));
  hall_date_row_set_error_label (HALL_DATE_ROW (self->to_row), GTK_WIDGET (self->dates_error));

  self->rows = g_list_store_new (HALL_TYPE_JSON_ITEM);
  gtk_column_view_set_model (
      self->column_view,
      GTK_SELECTION_MODEL (gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->rows)))));
  g_signal_connect_swapped (self->weekly_button, "toggled", G_CALLBACK (weekly_toggled_cb),
                            self);
  g_signal_connect_swapped (self->column_view, "activate", G_CALLBACK (activate_cb), self);
  gtk_label_set_text (self->title_label, hall_export_title (ledger_infos[0].name));
  hall_page_set_matter_stack (HALL_PAGE (self), self->stack, self->matter_view);
  hall_ledgers_page_update_actions (HALL_PAGE (self));
}

GtkWidget *
hall_ledgers_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_LEDGERS_PAGE, "client", client, NULL);
}

void
hall_ledgers_page_show (HallLedgersPage *self,
                        const char      *name,
                        const char      *from,
                        const char      *to,
                        const char      *filter)
{
  g_return_if_fail (HALL_IS_LEDGERS_PAGE (self));
  for (guint i = 0; i < G_N_ELEMENTS (ledger_infos); i++)
    if (g_str_equal (ledger_infos[i].name, name))
      {
        const char *const *values = ledger_infos[i].values;

        self->ledger = i;
        g_signal_handlers_block_by_func (self->ledger_dropdown, ledger_changed_cb, self);
        gtk_drop_down_set_selected (self->ledger_dropdown, i);
        g_signal_handlers_unblock_by_func (self->ledger_dropdown, ledger_changed_cb, self);
        set_filters (self);
        for (guint v = 0; filter != NULL && values != NULL && values[v] != NULL; v++)
          if (g_str_equal (values[v], filter))
            gtk_drop_down_set_selected (self->filter_dropdown, v + 1);
        set_query (self, from, to, filter);
        load_rows (self);
        return;
      }
  g_return_if_reached ();
}

GListModel *
hall_ledgers_page_get_rows (HallLedgersPage *self)
{
  g_return_val_if_fail (HALL_IS_LEDGERS_PAGE (self), NULL);
  return G_LIST_MODEL (self->rows);
}

gboolean
hall_ledgers_page_is_loading (HallLedgersPage *self)
{
  g_return_val_if_fail (HALL_IS_LEDGERS_PAGE (self), FALSE);
  return self->loading || hall_page_is_loading (HALL_PAGE (self));
}

void
hall_ledgers_page_export_to (HallLedgersPage *self,
                             HallExportFormat format,
                             const char      *path)
{
  JsonArray *rows = json_array_new ();

  g_return_if_fail (HALL_IS_LEDGERS_PAGE (self));
  g_return_if_fail (self->from != NULL && !self->loading && !self->exporting);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->rows)); i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (G_LIST_MODEL (self->rows), i);

      json_array_add_object_element (rows, json_object_ref (hall_json_item_get_data (item)));
    }
  /* The rows on the screen: the file says what the user saw. */
  _hall_export_file_save (HALL_PAGE (self), &self->exporting, ledger_infos[self->ledger].name,
                          self->from, self->to, format, path, "ledger.list",
                          json_node_init_array (json_node_alloc (), rows),
                          /* Translators: a ledger (台账) could not be saved; %s says why */
                          _ ("The ledger was not saved: %s"));
  json_array_unref (rows);
}

gboolean
hall_ledgers_page_is_exporting (HallLedgersPage *self)
{
  g_return_val_if_fail (HALL_IS_LEDGERS_PAGE (self), FALSE);
  return self->exporting;
}
