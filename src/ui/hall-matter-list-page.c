/* hall-matter-list-page.c — "My first-received matters" (首接首办) and matter search
 *
 * Without a search the list is matter.list {first_received_by: "me", state: "open"}: every matter
 * the clerk first received until it closes, with its state, department and deadline. Typing
 * searches (matter.search) within what the clerk may see. Matter events read the list again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter-list-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-board-item.h"
#include "hall-matter-format.h"
#include "hall-matter-list-page.h"
#include "hall-matter-view.h"

struct _HallMatterListPage
{
  AdwBin parent_instance;

  HallClient *client;
  GSignalGroup *client_signals;
  GSignalGroup *client_notify;
  GCancellable *cancellable;
  GListStore *matters;
  gboolean loading;
  gboolean dirty;

  GtkSearchEntry *search_entry;
  GtkLabel *list_heading;
  GtkListBox *matters_list;
  GtkLabel *placeholder;
  HallMatterView *view;
};

G_DEFINE_FINAL_TYPE (HallMatterListPage, hall_matter_list_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (HallMatterListPage *self);

static const char *
str (JsonObject *object,
     const char *member)
{
  if (object == NULL || !json_object_has_member (object, member) || json_object_get_null_member (object, member))
    return NULL;
  return json_object_get_string_member_with_default (object, member, NULL);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  JsonObject *m = hall_board_item_get_data (item);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *state = gtk_label_new (_hall_mf_state_label (str (m, "state")));
  const char *due_class = NULL;
  g_autofree char *due = _hall_mf_due_text (str (m, "clock") != NULL,
                                            json_object_get_int_member_with_default (m, "days_left", 0),
                                            json_object_get_boolean_member_with_default (m, "overdue", FALSE),
                                            &due_class);
  g_autofree char *subtitle = g_strdup_printf ("%s%s%s", str (m, "department_name") ?: "",
                                               due ? " · " : "", due ? due : "");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), str (m, "number") ?: "");
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_css_classes (state, (const char *[]) { "state-badge", _hall_mf_state_class (str (m, "state")), NULL });
  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
  if (due_class != NULL)
    gtk_widget_add_css_class (row, due_class);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  return row;
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (HallMatterListPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  JsonArray *matters;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (reply == NULL)
    {
      gtk_label_set_text (self->placeholder, error->message);
      g_list_store_remove_all (self->matters);
    }
  else
    {
      matters = json_object_get_array_member (reply, "matters");
      for (guint i = 0; matters != NULL && i < json_array_get_length (matters); i++)
        g_ptr_array_add (items, hall_board_item_new (json_array_get_object_element (matters, i), 0));
      g_list_store_splice (self->matters, 0, g_list_model_get_n_items (G_LIST_MODEL (self->matters)), items->pdata,
                           items->len);
      gtk_label_set_text (self->placeholder, *gtk_editable_get_text (GTK_EDITABLE (self->search_entry))
                                               ? _("No matter found.") : _("No open matter you first received."));
    }
  if (self->dirty)
    refresh (self);
}

static void
refresh (HallMatterListPage *self)
{
  g_autoptr (JsonObject) params = json_object_new ();
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->client == NULL || !hall_client_is_signed_in (self->client))
    return;
  if (self->loading)
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  self->loading = TRUE;
  if (query != NULL && g_utf8_strlen (query, -1) >= 2)
    {
      gtk_label_set_text (self->list_heading, _("Search results"));
      json_object_set_string_member (params, "query", query);
      json_object_set_int_member (params, "limit", 100);
      hall_client_call_async (self->client, "matter.search", params, self->cancellable, list_cb, g_object_ref (self));
    }
  else
    {
      gtk_label_set_text (self->list_heading, _("My first-received matters"));
      json_object_set_string_member (params, "first_received_by", "me");
      json_object_set_string_member (params, "state", "open");
      json_object_set_int_member (params, "limit", 200);
      hall_client_call_async (self->client, "matter.list", params, self->cancellable, list_cb, g_object_ref (self));
    }
}

static void
search_changed_cb (HallMatterListPage *self)
{
  refresh (self);
}

static void
row_activated_cb (HallMatterListPage *self,
                  GtkListBoxRow      *row)
{
  g_autoptr (HallBoardItem) item = g_list_model_get_item (G_LIST_MODEL (self->matters),
                                                         gtk_list_box_row_get_index (row));

  if (item != NULL)
    hall_matter_view_set_matter_id (self->view, hall_board_item_get_id (item));
}

static void
event_cb (HallMatterListPage *self,
          JsonObject         *event)
{
  if (g_str_has_prefix (json_object_get_string_member_with_default (event, "kind", ""), "matter."))
    refresh (self);
}

static void
hall_matter_list_page_dispose (GObject *object)
{
  HallMatterListPage *self = HALL_MATTER_LIST_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client_signals != NULL)
    g_signal_group_set_target (self->client_signals, NULL);
  if (self->client_notify != NULL)
    g_signal_group_set_target (self->client_notify, NULL);
  g_clear_object (&self->client_signals);
  g_clear_object (&self->client_notify);
  g_clear_object (&self->client);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_MATTER_LIST_PAGE);
  G_OBJECT_CLASS (hall_matter_list_page_parent_class)->dispose (object);
}

static void
hall_matter_list_page_finalize (GObject *object)
{
  g_clear_object (&HALL_MATTER_LIST_PAGE (object)->matters);
  G_OBJECT_CLASS (hall_matter_list_page_parent_class)->finalize (object);
}

static void
hall_matter_list_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, HALL_MATTER_LIST_PAGE (object)->client);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_matter_list_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CLIENT:
      hall_matter_list_page_set_client (HALL_MATTER_LIST_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_matter_list_page_class_init (HallMatterListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hall_matter_list_page_dispose;
  object_class->finalize = hall_matter_list_page_finalize;
  object_class->get_property = hall_matter_list_page_get_property;
  object_class->set_property = hall_matter_list_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HALL_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HALL_TYPE_MATTER_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xinfanghall/Hall/ui/hall-matter-list-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallMatterListPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, HallMatterListPage, list_heading);
  gtk_widget_class_bind_template_child (widget_class, HallMatterListPage, matters_list);
  gtk_widget_class_bind_template_child (widget_class, HallMatterListPage, placeholder);
  gtk_widget_class_bind_template_child (widget_class, HallMatterListPage, view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
hall_matter_list_page_init (HallMatterListPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->matters = g_list_store_new (HALL_TYPE_BOARD_ITEM);
  gtk_list_box_bind_model (self->matters_list, G_LIST_MODEL (self->matters), create_row, NULL, NULL);
  self->client_signals = g_signal_group_new (HALL_TYPE_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "event", G_CALLBACK (event_cb), self);
  self->client_notify = g_signal_group_new (G_TYPE_OBJECT);
  g_signal_group_connect_swapped (self->client_notify, "notify::user", G_CALLBACK (refresh), self);
  g_signal_group_connect_swapped (self->client_notify, "notify::connected", G_CALLBACK (refresh), self);
}

GtkWidget *
hall_matter_list_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_MATTER_LIST_PAGE, "client", client, NULL);
}

void
hall_matter_list_page_set_client (HallMatterListPage *self,
                                  HallClient         *client)
{
  g_return_if_fail (HALL_IS_MATTER_LIST_PAGE (self));

  if (!g_set_object (&self->client, client))
    return;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = FALSE;
  g_signal_group_set_target (self->client_signals, client);
  g_signal_group_set_target (self->client_notify, client);
  hall_matter_view_set_client (self->view, client);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
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
}

GtkWidget *
hall_matter_list_page_get_view (HallMatterListPage *self)
{
  g_return_val_if_fail (HALL_IS_MATTER_LIST_PAGE (self), NULL);
  return GTK_WIDGET (self->view);
}
