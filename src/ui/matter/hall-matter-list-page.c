/* hall-matter-list-page.c — "My first-received matters" (首接首办) and matter search
 *
 * Without a search the list is matter.list {first_received_by: "me", state: "open"}: every matter
 * the clerk first received until it closes, with its state, department and deadline. Typing
 * searches (matter.search) within what the clerk may see. Matter events read the list again.
 * The list is a GtkListView whose rows the .ui's factory builds only when seen; the first page is
 * PAGE_SIZE matters and scrolling to the end asks for the next.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-json-item.h"
#include "hall-json.h"
#include "hall-labels.h"
#include "hall-matter-format.h"
#include "hall-matter-list-page.h"
#include "hall-matter-view.h"

#define PAGE_SIZE 50
#define MAX_LIMIT 200
#define SEARCH_SIZE 100

/* The row's box, whose "label" is the accessible name of the row: its number, state,
 * department and deadline in words, given to the list item around it too. */
#define HALL_TYPE_MATTER_ROW (hall_matter_row_get_type ())
G_DECLARE_FINAL_TYPE (HallMatterRow, hall_matter_row, HALL, MATTER_ROW, GtkBox)

struct _HallMatterRow
{
  GtkBox parent_instance;
  char  *label;
};

G_DEFINE_FINAL_TYPE (HallMatterRow, hall_matter_row, GTK_TYPE_BOX)

enum
{
  ROW_PROP_0,
  ROW_PROP_LABEL,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

static void
hall_matter_row_update_label (HallMatterRow *self)
{
  GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->label ?: "", -1);
  if (parent != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (parent), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    self->label ?: "", -1);
}

static void
hall_matter_row_finalize (GObject *object)
{
  g_free (HALL_MATTER_ROW (object)->label);
  G_OBJECT_CLASS (hall_matter_row_parent_class)->finalize (object);
}

static void
hall_matter_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  switch (prop_id)
    {
    case ROW_PROP_LABEL:
      g_value_set_string (value, HALL_MATTER_ROW (object)->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_matter_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HallMatterRow *self = HALL_MATTER_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_LABEL:
      if (g_strcmp0 (self->label, g_value_get_string (value)) != 0)
        {
          g_free (self->label);
          self->label = g_value_dup_string (value);
          hall_matter_row_update_label (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_matter_row_class_init (HallMatterRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hall_matter_row_finalize;
  object_class->get_property = hall_matter_row_get_property;
  object_class->set_property = hall_matter_row_set_property;
  row_properties[ROW_PROP_LABEL] =
      g_param_spec_string ("label", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
hall_matter_row_init (HallMatterRow *self)
{
  g_signal_connect (self, "notify::parent", G_CALLBACK (hall_matter_row_update_label), NULL);
}

struct _HallMatterListPage
{
  HallPage parent_instance;

  GListStore *matters;
  gboolean    searching; /* the list shows matter.search's results */
  gboolean    more;      /* matter.list has matters after the ones listed */
  guint       offset;    /* where the answer being awaited starts */

  GtkStack           *list_stack;
  GtkSingleSelection *selection;

  GtkSearchEntry *search_entry;
  GtkLabel       *list_heading;
  GtkListView    *matters_list;
  GtkLabel       *placeholder;
  HallMatterView *view;
};

G_DEFINE_FINAL_TYPE (HallMatterListPage, hall_matter_list_page, HALL_TYPE_PAGE)

static char *
matter_number (gpointer    unused,
               JsonObject *m)
{
  return g_strdup (_hall_json_string (m, "number") ?: "");
}

static char *
matter_department (gpointer    unused,
                   JsonObject *m)
{
  return g_strdup (_hall_json_string (m, "department_name") ?: "");
}

static char *
due_text (JsonObject  *m,
          const char **css_class)
{
  if (m == NULL)
    {
      *css_class = NULL;
      return NULL;
    }
  return _hall_matter_format_due_text (
      _hall_json_string (m, "clock") != NULL,
      json_object_get_int_member_with_default (m, "days_left", 0),
      json_object_get_boolean_member_with_default (m, "overdue", FALSE), css_class);
}

static char *
matter_due (gpointer    unused,
            JsonObject *m)
{
  const char *css_class;
  char       *text = due_text (m, &css_class);

  return text ?: g_strdup ("");
}

static gboolean
matter_has_due (gpointer    unused,
                JsonObject *m)
{
  const char      *css_class;
  g_autofree char *text = due_text (m, &css_class);

  return text != NULL;
}

static GStrv
matter_due_classes (gpointer    unused,
                    JsonObject *m)
{
  const char      *css_class;
  g_autofree char *text = due_text (m, &css_class);
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add_many (builder, "due-badge", "caption", css_class, NULL);
  return g_strv_builder_end (builder);
}

static char *
matter_state (gpointer    unused,
              JsonObject *m)
{
  return g_strdup (m != NULL ? hall_label_state (_hall_json_string (m, "state")) : "");
}

static GStrv
matter_state_classes (gpointer    unused,
                      JsonObject *m)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add_many (
      builder, "state-badge",
      m != NULL ? _hall_matter_format_state_class (_hall_json_string (m, "state")) : NULL, NULL);
  return g_strv_builder_end (builder);
}

static char *
matter_accessible_label (gpointer    unused,
                         JsonObject *m)
{
  const char      *css_class;
  g_autofree char *due = due_text (m, &css_class);
  g_autoptr (GString) label = g_string_new (NULL);

  if (m == NULL)
    return g_strdup ("");
  /* Translators: separates the parts of a matter's spoken description in the list */
  g_string_append_printf (label, "%s%s%s", _hall_json_string (m, "number") ?: "", _ (", "),
                          hall_label_state (_hall_json_string (m, "state")));
  if (_hall_json_string (m, "department_name") != NULL)
    g_string_append_printf (label, "%s%s", _ (", "), _hall_json_string (m, "department_name"));
  if (due != NULL)
    g_string_append_printf (label, "%s%s", _ (", "), due);
  return g_string_free (g_steal_pointer (&label), FALSE);
}

static void
update_stack (HallMatterListPage *self)
{
  gtk_stack_set_visible_child_name (
      self->list_stack,
      g_list_model_get_n_items (G_LIST_MODEL (self->matters)) > 0 ? "list" : "empty");
}

/* After the list was read again, the matter shown beside it stays selected. */
static void
select_shown (HallMatterListPage *self)
{
  gint64 shown = hall_matter_view_get_matter_id (self->view);
  guint  n = g_list_model_get_n_items (G_LIST_MODEL (self->matters));

  for (guint i = 0; shown != 0 && i < n; i++)
    {
      g_autoptr (HallJsonItem) item = g_list_model_get_item (G_LIST_MODEL (self->matters), i);

      if (hall_json_item_get_id (item) == shown)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
list_cb (HallPage     *page,
         JsonObject   *reply,
         const GError *error,
         gpointer      user_data)
{
  HallMatterListPage *self = HALL_MATTER_LIST_PAGE (page);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint      n = g_list_model_get_n_items (G_LIST_MODEL (self->matters));
  guint      offset = MIN (self->offset, n);
  JsonArray *matters;

  if (reply == NULL)
    {
      gtk_label_set_text (self->placeholder, error->message);
      g_list_store_remove_all (self->matters);
      self->more = FALSE;
      update_stack (self);
      return;
    }
  matters = json_object_get_array_member (reply, "matters");
  for (guint i = 0; matters != NULL && i < json_array_get_length (matters); i++)
    g_ptr_array_add (items, hall_json_item_new (json_array_get_object_element (matters, i), 0));
  /* A first page replaces the list; a next page is added after what is listed. */
  g_list_store_splice (self->matters, offset, n - offset, items->pdata, items->len);
  self->more =
      !self->searching && json_object_get_boolean_member_with_default (reply, "more", FALSE);
  select_shown (self);
  gtk_label_set_text (self->placeholder, *gtk_editable_get_text (GTK_EDITABLE (self->search_entry))
                                             ? _ ("No matter found.")
                                             : _ ("No open matter you first received."));
  update_stack (self);
}

/* Reads the list again from its start, as many matters as are listed (at least a page), or from
 * @offset on when @next_page. */
static void
load (HallMatterListPage *self,
      gboolean            next_page)
{
  g_autoptr (JsonObject) params = json_object_new ();
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint       n = g_list_model_get_n_items (G_LIST_MODEL (self->matters));

  if (query != NULL && g_utf8_strlen (query, -1) >= 2)
    {
      self->searching = TRUE;
      self->offset = 0;
      gtk_label_set_text (self->list_heading, _ ("Search results"));
      json_object_set_string_member (params, "query", query);
      json_object_set_int_member (params, "limit", SEARCH_SIZE);
      hall_page_load (HALL_PAGE (self), "matter.search", params, list_cb, NULL);
      return;
    }
  if (self->searching)
    n = 0;
  self->searching = FALSE;
  self->offset = next_page ? n : 0;
  gtk_label_set_text (self->list_heading, _ ("My first-received matters"));
  json_object_set_string_member (params, "first_received_by", "me");
  json_object_set_string_member (params, "state", "open");
  json_object_set_int_member (params, "limit",
                              next_page ? PAGE_SIZE : CLAMP (n, PAGE_SIZE, MAX_LIMIT));
  json_object_set_boolean_member (params, "count", FALSE);
  if (next_page)
    json_object_set_int_member (params, "offset", self->offset);
  hall_page_load (HALL_PAGE (self), "matter.list", params, list_cb, NULL);
}

static void
hall_matter_list_page_refresh (HallPage *page)
{
  load (HALL_MATTER_LIST_PAGE (page), FALSE);
}

static void
edge_reached_cb (HallMatterListPage *self,
                 GtkPositionType     position)
{
  HallClient *client = hall_page_get_client (HALL_PAGE (self));

  /* The next page, unless a read is under way (a refresh reads as many as are listed). */
  if (position == GTK_POS_BOTTOM && self->more && !self->searching
      && !hall_page_is_loading (HALL_PAGE (self)) && client != NULL
      && hall_client_is_signed_in (client))
    load (self, TRUE);
}

static void
search_changed_cb (HallMatterListPage *self)
{
  hall_page_refresh (HALL_PAGE (self));
}

static void
open_item (HallMatterListPage *self,
           HallJsonItem       *item)
{
  if (item != NULL)
    hall_matter_view_set_matter_id (self->view, hall_json_item_get_id (item));
}

static void
selected_cb (HallMatterListPage *self)
{
  open_item (self, gtk_single_selection_get_selected_item (self->selection));
}

static void
activate_cb (HallMatterListPage *self,
             guint               position)
{
  g_autoptr (HallJsonItem) item = g_list_model_get_item (G_LIST_MODEL (self->matters), position);

  gtk_single_selection_set_selected (self->selection, position);
  open_item (self, item);
}

static void
hall_matter_list_page_event (HallPage   *page,
                             const char *kind,
                             JsonObject *event)
{
  if (g_str_has_prefix (kind, "matter."))
    hall_page_refresh (page);
}

static void
hall_matter_list_page_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), HALL_TYPE_MATTER_LIST_PAGE);
  G_OBJECT_CLASS (hall_matter_list_page_parent_class)->dispose (object);
}

static void
hall_matter_list_page_finalize (GObject *object)
{
  g_clear_object (&HALL_MATTER_LIST_PAGE (object)->matters);
  G_OBJECT_CLASS (hall_matter_list_page_parent_class)->finalize (object);
}

/* "matters.show-matter" (int64 matter id) */
static void
show_matter_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  hall_matter_list_page_show_matter (HALL_MATTER_LIST_PAGE (widget),
                                     g_variant_get_int64 (parameter));
}

static void
hall_matter_list_page_class_init (HallMatterListPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_matter_list_page_dispose;
  object_class->finalize = hall_matter_list_page_finalize;
  page_class->refresh = hall_matter_list_page_refresh;
  page_class->event = hall_matter_list_page_event;

  g_type_ensure (HALL_TYPE_MATTER_VIEW);
  g_type_ensure (HALL_TYPE_MATTER_ROW);
  g_type_ensure (HALL_TYPE_JSON_ITEM);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/matter/hall-matter-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallMatterListPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HallMatterListPage, list_heading);
  gtk_widget_class_bind_template_child (widget_class, HallMatterListPage, matters_list);
  gtk_widget_class_bind_template_child (widget_class, HallMatterListPage, placeholder);
  gtk_widget_class_bind_template_child (widget_class, HallMatterListPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, HallMatterListPage, selection);
  gtk_widget_class_bind_template_child (widget_class, HallMatterListPage, view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, edge_reached_cb);
  gtk_widget_class_bind_template_callback (widget_class, matter_number);
  gtk_widget_class_bind_template_callback (widget_class, matter_department);
  gtk_widget_class_bind_template_callback (widget_class, matter_due);
  gtk_widget_class_bind_template_callback (widget_class, matter_has_due);
  gtk_widget_class_bind_template_callback (widget_class, matter_due_classes);
  gtk_widget_class_bind_template_callback (widget_class, matter_state);
  gtk_widget_class_bind_template_callback (widget_class, matter_state_classes);
  gtk_widget_class_bind_template_callback (widget_class, matter_accessible_label);

  gtk_widget_class_install_action (widget_class, "matters.show-matter", "x", show_matter_action);
}

static void
hall_matter_list_page_init (HallMatterListPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->matters = g_list_store_new (HALL_TYPE_JSON_ITEM);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->matters));
  update_stack (self);
  g_object_bind_property (self, "client", self->view, "client", G_BINDING_SYNC_CREATE);
}

GtkWidget *
hall_matter_list_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_MATTER_LIST_PAGE, "client", client, NULL);
}

GListModel *
hall_matter_list_page_get_matters (HallMatterListPage *self)
{
  g_return_val_if_fail (HALL_IS_MATTER_LIST_PAGE (self), NULL);
  return G_LIST_MODEL (self->matters);
}

void
hall_matter_list_page_show_matter (HallMatterListPage *self,
                                   gint64              matter_id)
{
  g_return_if_fail (HALL_IS_MATTER_LIST_PAGE (self));
  hall_matter_view_set_matter_id (self->view, matter_id);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  select_shown (self);
}

GtkWidget *
hall_matter_list_page_get_view (HallMatterListPage *self)
{
  g_return_val_if_fail (HALL_IS_MATTER_LIST_PAGE (self), NULL);
  return GTK_WIDGET (self->view);
}
