/* hall-charges-page.c — 包案: the matters a leader took charge of, with the 五个一 checklist
 *
 * The list is leader.charges, following the change feed; a charge opens with leader.charge_get
 * in a HallChargeView. The leader takes charge of a matter by its number (matter.get, then
 * leader.charge).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-charges-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-board-item.h"
#include "hall-charge-view.h"
#include "hall-charges-page.h"
#include "hall-leader-util.h"
#include "hall-matter-view.h"
#include "hall-ui-util.h"

struct _HallChargesPage
{
  AdwBin parent_instance;

  HallClient *client;
  GSignalGroup *client_signals;
  GSignalGroup *client_notify;
  GCancellable *cancellable;
  gboolean loading;
  gboolean dirty;
  gboolean busy;
  GListStore *charges;

  AdwToastOverlay *toast_overlay;
  HallMatterView *matter_view;
  char *return_view; /* the view a matter's details go back to */
  GtkStack *stack;
  GtkLabel *list_error;
  GtkListBox *charges_list;
  AdwEntryRow *take_row;
  GtkLabel *take_error;
  HallChargeView *charge_view;
};

G_DEFINE_FINAL_TYPE (HallChargesPage, hall_charges_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (HallChargesPage *self);

static void
toast (HallChargesPage *self,
       const char      *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static GCancellable *
cancellable (HallChargesPage *self)
{
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  return self->cancellable;
}

static void
update_actions (HallChargesPage *self)
{
  gboolean connected = self->client != NULL && hall_client_get_connected (self->client);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charges.refresh", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charges.open", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charges.take", connected && !self->busy);
}

static char *
checklist_text (JsonObject *charge)
{
  /* Translators: how much of the 五个一 of a charged matter is done, "3/5" */
  return g_strdup_printf (_("Five ones %d/%d"), (int) json_object_get_int_member_with_default (charge, "complete", 0),
                          (int) json_object_get_int_member_with_default (charge, "items", 5));
}

static void
set_complete_badge (GtkWidget  *badge,
                    JsonObject *charge)
{
  gboolean all = json_object_get_int_member_with_default (charge, "complete", 0)
                 >= json_object_get_int_member_with_default (charge, "items", 5);

  gtk_widget_add_css_class (badge, "state-badge");
  gtk_widget_remove_css_class (badge, all ? "state-paused" : "state-open");
  gtk_widget_add_css_class (badge, all ? "state-open" : "state-paused");
}

static GtkWidget *
create_charge_row (gpointer item,
                   gpointer user_data)
{
  JsonObject *data = hall_board_item_get_data (item);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *checklist = checklist_text (data);
  GtkWidget *complete = gtk_label_new (checklist);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *name = g_strdup_printf ("charge-%" G_GINT64_FORMAT, json_object_get_int_member (data, "id"));
  gint64 minutes = json_object_get_int_member_with_default (data, "minutes_count", 0);
  g_autofree char *charged = _hall_leader_format_date (json_object_get_int_member_with_default (data, "charged_at", 0));

  /* Translators: a charged matter in the list: number · state */
  title = g_strdup_printf (_("%s · %s"), json_object_get_string_member_with_default (data, "matter_number", ""),
                           _hall_leader_state_label (json_object_get_string_member_with_default (data, "matter_state", "")));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Translators: under a charged matter: the day the leader took charge and how many meetings were minuted */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In charge since %s · %d meeting minuted",
                                           "In charge since %s · %d meetings minuted", minutes),
                              charged, (int) minutes);
  if (json_object_get_string_member_with_default (data, "handling_due", NULL) != NULL)
    {
      /* Translators: appended under a charged matter: the matter's own handling deadline */
      g_autofree char *with_due = g_strdup_printf (_("%s · handling deadline %s"), subtitle,
                                                   json_object_get_string_member (data, "handling_due"));
      g_free (subtitle);
      subtitle = g_steal_pointer (&with_due);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, name);

  gtk_widget_set_valign (complete, GTK_ALIGN_CENTER);
  set_complete_badge (complete, data);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), complete);
  if (json_object_get_string_member_with_default (data, "deadline", NULL) != NULL)
    {
      GtkWidget *due = gtk_label_new (NULL);

      gtk_widget_set_valign (due, GTK_ALIGN_CENTER);
      _hall_leader_set_due_badge (GTK_LABEL (due), json_object_get_int_member_with_default (data, "days_left", 0),
                                  _hall_leader_get_flag (data, "overdue"),
                                  json_object_get_string_member (data, "deadline"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), due);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "charges.open");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                          g_variant_new_int64 (json_object_get_int_member (data, "id")));
  return row;
}

static void
charges_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (HallChargesPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  _hall_form_set_error (GTK_WIDGET (self->list_error), GTK_WIDGET (self->list_error),
                        reply == NULL ? error->message : NULL);
  if (reply != NULL)
    {
      JsonArray *charges = json_object_get_array_member (reply, "charges");
      g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
      gint64 now = g_get_real_time () / G_USEC_PER_SEC;

      for (guint i = 0; charges != NULL && i < json_array_get_length (charges); i++)
        g_ptr_array_add (items, hall_board_item_new (json_array_get_object_element (charges, i), now));
      g_list_store_splice (self->charges, 0, g_list_model_get_n_items (G_LIST_MODEL (self->charges)),
                           items->pdata, items->len);
    }
  if (self->dirty)
    refresh (self);
}

static void
refresh (HallChargesPage *self)
{
  if (self->client == NULL || !hall_client_is_signed_in (self->client))
    return;
  if (self->loading)
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  self->loading = TRUE;
  hall_client_call_async (self->client, "leader.charges", NULL, cancellable (self), charges_cb, g_object_ref (self));
}

/* ---- one charge --------------------------------------------------------------------------- */

static void
charge_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (HallChargesPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);
  JsonObject *charge;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  update_actions (self);
  if (reply == NULL)
    {
      toast (self, error->message);
      return;
    }
  charge = json_object_get_object_member (reply, "charge");
  hall_charge_view_set_charge (self->charge_view, charge);
  gtk_stack_set_visible_child_name (self->stack, "detail");
}

static void
open_charge (HallChargesPage *self,
             gint64           charge_id)
{
  g_autoptr (JsonObject) params = _hall_leader_params_id ("charge_id", charge_id);

  hall_client_call_async (self->client, "leader.charge_get", params, cancellable (self), charge_cb,
                          g_object_ref (self));
}

static void
taken_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (HallChargesPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  update_actions (self);
  if (reply == NULL)
    {
      _hall_form_set_error (GTK_WIDGET (self->take_row), GTK_WIDGET (self->take_error), error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->take_row), "");
  hall_charge_view_set_charge (self->charge_view, json_object_get_object_member (reply, "charge"));
  gtk_stack_set_visible_child_name (self->stack, "detail");
  refresh (self);
}

static void
matter_found_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (HallChargesPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);
  g_autoptr (JsonObject) params = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (reply == NULL)
    {
      self->busy = FALSE;
      update_actions (self);
      _hall_form_set_error (GTK_WIDGET (self->take_row), GTK_WIDGET (self->take_error), error->message);
      return;
    }
  params = _hall_leader_params_id ("matter_id",
                                   json_object_get_int_member (json_object_get_object_member (reply, "matter"), "id"));
  hall_client_call_async (self->client, "leader.charge", params, cancellable (self), taken_cb, g_object_ref (self));
}

static void
take_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HallChargesPage *self = HALL_CHARGES_PAGE (widget);
  g_autofree char *number = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->take_row))));
  g_autoptr (JsonObject) params = json_object_new ();

  if (*number == '\0')
    {
      _hall_form_set_error (GTK_WIDGET (self->take_row), GTK_WIDGET (self->take_error),
                            _("Enter the number of the matter, e.g. XF2026-000123."));
      return;
    }
  _hall_form_set_error (GTK_WIDGET (self->take_row), GTK_WIDGET (self->take_error), NULL);
  json_object_set_string_member (params, "number", number);
  self->busy = TRUE;
  update_actions (self);
  hall_client_call_async (self->client, "matter.get", params, cancellable (self), matter_found_cb,
                          g_object_ref (self));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  open_charge (HALL_CHARGES_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HallChargesPage *self = HALL_CHARGES_PAGE (widget);

  /* From a matter's details, back to where they were opened. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "matter") == 0 && self->return_view != NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, self->return_view);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
show_matter_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HallChargesPage *self = HALL_CHARGES_PAGE (widget);

  g_free (self->return_view);
  self->return_view = g_strdup (gtk_stack_get_visible_child_name (self->stack));
  hall_matter_view_set_matter_id (self->matter_view, g_variant_get_int64 (parameter));
  gtk_stack_set_visible_child_name (self->stack, "matter");
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  refresh (HALL_CHARGES_PAGE (widget));
}

static void
event_cb (HallChargesPage *self,
          JsonObject      *event)
{
  const char *kind = json_object_get_string_member_with_default (event, "kind", "");

  if (g_str_has_prefix (kind, "leader.charge") || g_str_equal (kind, "matter.changed"))
    refresh (self);
}

static void
connected_cb (HallChargesPage *self)
{
  update_actions (self);
  if (self->client != NULL && hall_client_get_connected (self->client))
    refresh (self);
}

static void
user_cb (HallChargesPage *self)
{
  refresh (self);
}

static void
hall_charges_page_dispose (GObject *object)
{
  HallChargesPage *self = HALL_CHARGES_PAGE (object);

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
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_CHARGES_PAGE);
  G_OBJECT_CLASS (hall_charges_page_parent_class)->dispose (object);
}

static void
hall_charges_page_finalize (GObject *object)
{
  HallChargesPage *self = HALL_CHARGES_PAGE (object);

  g_clear_object (&self->charges);
  g_free (self->return_view);
  G_OBJECT_CLASS (hall_charges_page_parent_class)->finalize (object);
}

static void
hall_charges_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HallChargesPage *self = HALL_CHARGES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_charges_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HallChargesPage *self = HALL_CHARGES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      if (!g_set_object (&self->client, g_value_get_object (value)))
        break;
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->loading = FALSE;
      g_signal_group_set_target (self->client_signals, self->client);
      g_signal_group_set_target (self->client_notify, self->client);
      hall_matter_view_set_client (self->matter_view, self->client);
      hall_charge_view_set_client (self->charge_view, self->client);
      update_actions (self);
      refresh (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_charges_page_class_init (HallChargesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hall_charges_page_dispose;
  object_class->finalize = hall_charges_page_finalize;
  object_class->get_property = hall_charges_page_get_property;
  object_class->set_property = hall_charges_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HALL_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/xinfanghall/Hall/ui/hall-charges-page.ui");
  g_type_ensure (HALL_TYPE_MATTER_VIEW);
  g_type_ensure (HALL_TYPE_CHARGE_VIEW);
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, HallChargesPage, name)
  CHILD (toast_overlay);
  CHILD (matter_view);
  CHILD (stack);
  CHILD (list_error);
  CHILD (charges_list);
  CHILD (take_row);
  CHILD (take_error);
  CHILD (charge_view);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "charges.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "charges.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "charges.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "charges.show-matter", "x", show_matter_action);
  gtk_widget_class_install_action (widget_class, "charges.take", NULL, take_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "charges.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "charges.back", NULL);
}

static void
charge_saved_cb (HallChargesPage *self)
{
  toast (self, _("Saved"));
  refresh (self);
}

static void
charge_show_matter_cb (HallChargesPage *self,
                       gint64           matter_id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "charges.show-matter", "x", matter_id);
}

static void
take_apply_cb (HallChargesPage *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "charges.take", NULL);
}

static void
hall_charges_page_init (HallChargesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->charges = g_list_store_new (HALL_TYPE_BOARD_ITEM);
  gtk_list_box_bind_model (self->charges_list, G_LIST_MODEL (self->charges), create_charge_row, NULL, NULL);
  g_signal_connect_swapped (self->take_row, "apply", G_CALLBACK (take_apply_cb), self);
  g_signal_connect_object (self->charge_view, "saved", G_CALLBACK (charge_saved_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->charge_view, "show-matter", G_CALLBACK (charge_show_matter_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->take_row, "entry-activated", G_CALLBACK (take_apply_cb), self);

  self->client_signals = g_signal_group_new (HALL_TYPE_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "event", G_CALLBACK (event_cb), self);
  self->client_notify = g_signal_group_new (G_TYPE_OBJECT);
  g_signal_group_connect_swapped (self->client_notify, "notify::connected", G_CALLBACK (connected_cb), self);
  g_signal_group_connect_swapped (self->client_notify, "notify::user", G_CALLBACK (user_cb), self);
  update_actions (self);
}

GtkWidget *
hall_charges_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_CHARGES_PAGE, "client", client, NULL);
}

GListModel *
hall_charges_page_get_charges (HallChargesPage *self)
{
  g_return_val_if_fail (HALL_IS_CHARGES_PAGE (self), NULL);
  return G_LIST_MODEL (self->charges);
}

JsonObject *
hall_charges_page_get_current (HallChargesPage *self)
{
  g_return_val_if_fail (HALL_IS_CHARGES_PAGE (self), NULL);
  return hall_charge_view_get_charge (self->charge_view);
}

const char *
hall_charges_page_get_view (HallChargesPage *self)
{
  g_return_val_if_fail (HALL_IS_CHARGES_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
