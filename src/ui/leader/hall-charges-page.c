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

#include "hall-form.h"
#include "hall-format.h"
#include "hall-json-item.h"
#include "hall-charge-view.h"
#include "hall-charges-page.h"
#include "hall-json.h"
#include "hall-labels.h"
#include "hall-leader-format.h"
#include "hall-matter-view.h"

struct _HallChargesPage
{
  HallPage parent_instance;

  gboolean    busy;
  GListStore *charges;

  HallMatterView *matter_view;
  GtkStack       *stack;
  GtkLabel       *list_error;
  GtkListBox     *charges_list;
  AdwEntryRow    *take_row;
  GtkLabel       *take_error;
  HallChargeView *charge_view;
};

G_DEFINE_FINAL_TYPE (HallChargesPage, hall_charges_page, HALL_TYPE_PAGE)

static void
hall_charges_page_update_actions (HallPage *page)
{
  HallChargesPage *self = HALL_CHARGES_PAGE (page);
  gboolean         online = hall_page_is_online (page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charges.refresh", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charges.open", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "charges.take", online && !self->busy);
}

static void
set_busy (HallChargesPage *self,
          gboolean         busy)
{
  self->busy = busy;
  hall_charges_page_update_actions (HALL_PAGE (self));
}

static char *
checklist_text (JsonObject *charge)
{
  /* Translators: how much of the 五个一 of a charged matter is done, "3/5" */
  return g_strdup_printf (_ ("Five ones %d/%d"),
                          (int) json_object_get_int_member_with_default (charge, "complete", 0),
                          (int) json_object_get_int_member_with_default (charge, "items", 5));
}

static GtkWidget *
create_charge_row (gpointer item,
                   gpointer user_data)
{
  JsonObject      *data = hall_json_item_get_data (item);
  GtkWidget       *row = adw_action_row_new ();
  g_autofree char *checklist = checklist_text (data);
  GtkWidget       *complete = gtk_label_new (checklist);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *name =
      g_strdup_printf ("charge-%" G_GINT64_FORMAT, json_object_get_int_member (data, "id"));
  gint64           minutes = json_object_get_int_member_with_default (data, "minutes_count", 0);
  g_autofree char *charged =
      _hall_format_date (json_object_get_int_member_with_default (data, "charged_at", 0));

  /* Translators: a charged matter in the list: number · state */
  title = g_strdup_printf (
      _ ("%s · %s"), json_object_get_string_member_with_default (data, "matter_number", ""),
      hall_label_state (json_object_get_string_member_with_default (data, "matter_state", "")));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  /* Translators: under a charged matter: the day the leader took charge and how many meetings were
   * minuted */
  subtitle =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In charge since %s · %d meeting minuted",
                                    "In charge since %s · %d meetings minuted", minutes),
                       charged, (int) minutes);
  if (json_object_get_string_member_with_default (data, "handling_due", NULL) != NULL)
    {
      /* Translators: appended under a charged matter: the matter's own handling deadline */
      g_autofree char *with_due =
          g_strdup_printf (_ ("%s · handling deadline %s"), subtitle,
                           json_object_get_string_member (data, "handling_due"));
      g_free (subtitle);
      subtitle = g_steal_pointer (&with_due);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (row, name);

  gtk_widget_set_valign (complete, GTK_ALIGN_CENTER);
  _hall_leader_format_state_badge (
      complete, json_object_get_int_member_with_default (data, "complete", 0)
                    >= json_object_get_int_member_with_default (data, "items", 5));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), complete);
  if (json_object_get_string_member_with_default (data, "deadline", NULL) != NULL)
    {
      GtkWidget *due = gtk_label_new (NULL);

      gtk_widget_set_valign (due, GTK_ALIGN_CENTER);
      _hall_leader_format_due_badge (
          GTK_LABEL (due), json_object_get_int_member_with_default (data, "days_left", 0),
          _hall_json_flag (data, "overdue"), json_object_get_string_member (data, "deadline"));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), due);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "charges.open");
  gtk_actionable_set_action_target_value (
      GTK_ACTIONABLE (row), g_variant_new_int64 (json_object_get_int_member (data, "id")));
  return row;
}

static void
charges_cb (HallPage     *page,
            JsonObject   *reply,
            const GError *error,
            gpointer      user_data)
{
  HallChargesPage *self = HALL_CHARGES_PAGE (page);

  _hall_form_set_error (GTK_WIDGET (self->list_error), GTK_WIDGET (self->list_error),
                        reply == NULL ? error->message : NULL);
  if (reply != NULL)
    _hall_json_store_fill (self->charges, json_object_get_array_member (reply, "charges"));
}

static void
hall_charges_page_refresh (HallPage *page)
{
  hall_page_load (page, "leader.charges", NULL, charges_cb, NULL);
}

/* ---- one charge --------------------------------------------------------------------------- */

static void
charge_cb (HallPage     *page,
           JsonObject   *reply,
           const GError *error,
           gpointer      user_data)
{
  HallChargesPage *self = HALL_CHARGES_PAGE (page);

  set_busy (self, FALSE);
  if (reply == NULL)
    {
      hall_page_toast (page, error->message);
      return;
    }
  hall_charge_view_set_charge (self->charge_view, json_object_get_object_member (reply, "charge"));
  gtk_stack_set_visible_child_name (self->stack, "detail");
}

static void
taken_cb (HallPage     *page,
          JsonObject   *reply,
          const GError *error,
          gpointer      user_data)
{
  HallChargesPage *self = HALL_CHARGES_PAGE (page);

  set_busy (self, FALSE);
  if (reply == NULL)
    {
      _hall_form_set_error (GTK_WIDGET (self->take_row), GTK_WIDGET (self->take_error),
                            error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->take_row), "");
  hall_charge_view_set_charge (self->charge_view, json_object_get_object_member (reply, "charge"));
  gtk_stack_set_visible_child_name (self->stack, "detail");
  hall_page_refresh (page);
}

static void
matter_found_cb (HallPage     *page,
                 JsonObject   *reply,
                 const GError *error,
                 gpointer      user_data)
{
  HallChargesPage *self = HALL_CHARGES_PAGE (page);
  g_autoptr (JsonObject) params = NULL;

  if (reply == NULL)
    {
      set_busy (self, FALSE);
      _hall_form_set_error (GTK_WIDGET (self->take_row), GTK_WIDGET (self->take_error),
                            error->message);
      return;
    }
  params = _hall_json_params_id (
      "matter_id",
      json_object_get_int_member (json_object_get_object_member (reply, "matter"), "id"));
  hall_page_call (page, "leader.charge", params, taken_cb, NULL);
}

static void
take_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HallChargesPage *self = HALL_CHARGES_PAGE (widget);
  g_autofree char *number = _hall_form_dup_text (self->take_row);
  g_autoptr (JsonObject) params = json_object_new ();

  if (*number == '\0')
    {
      _hall_form_set_error (GTK_WIDGET (self->take_row), GTK_WIDGET (self->take_error),
                            _ ("Enter the number of the matter, e.g. XF2026-000123."));
      return;
    }
  _hall_form_set_error (GTK_WIDGET (self->take_row), GTK_WIDGET (self->take_error), NULL);
  json_object_set_string_member (params, "number", number);
  set_busy (self, TRUE);
  hall_page_call (HALL_PAGE (self), "matter.get", params, matter_found_cb, NULL);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  g_autoptr (JsonObject) params =
      _hall_json_params_id ("charge_id", g_variant_get_int64 (parameter));

  hall_page_call (HALL_PAGE (widget), "leader.charge_get", params, charge_cb, NULL);
}

static void
hall_charges_page_event (HallPage   *page,
                         const char *kind,
                         JsonObject *event)
{
  if (g_str_has_prefix (kind, "leader.charge") || g_str_equal (kind, "matter.changed"))
    hall_page_refresh (page);
}

static void
hall_charges_page_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), HALL_TYPE_CHARGES_PAGE);
  G_OBJECT_CLASS (hall_charges_page_parent_class)->dispose (object);
}

static void
hall_charges_page_finalize (GObject *object)
{
  HallChargesPage *self = HALL_CHARGES_PAGE (object);

  g_clear_object (&self->charges);
  G_OBJECT_CLASS (hall_charges_page_parent_class)->finalize (object);
}

static void
hall_charges_page_class_init (HallChargesPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  HallPageClass *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_charges_page_dispose;
  object_class->finalize = hall_charges_page_finalize;
  page_class->refresh = hall_charges_page_refresh;
  page_class->event = hall_charges_page_event;
  page_class->update_actions = hall_charges_page_update_actions;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/leader/hall-charges-page.ui");
  g_type_ensure (HALL_TYPE_MATTER_VIEW);
  g_type_ensure (HALL_TYPE_CHARGE_VIEW);
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, HallChargesPage, name)
  CHILD (matter_view);
  CHILD (stack);
  CHILD (list_error);
  CHILD (charges_list);
  CHILD (take_row);
  CHILD (take_error);
  CHILD (charge_view);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "charges.open", "x", open_action);
  gtk_widget_class_install_action (widget_class, "charges.take", NULL, take_action);
  hall_page_class_install_refresh_action (page_class, "charges.refresh");
  hall_page_class_install_matter_actions (page_class, "charges");
}

static void
charge_saved_cb (HallChargesPage *self)
{
  hall_page_toast (HALL_PAGE (self), _ ("Saved"));
  hall_page_refresh (HALL_PAGE (self));
}

static void
charge_show_matter_cb (HallChargesPage *self,
                       gint64           matter_id)
{
  hall_page_show_matter (HALL_PAGE (self), matter_id);
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

  self->charges = g_list_store_new (HALL_TYPE_JSON_ITEM);
  gtk_list_box_bind_model (self->charges_list, G_LIST_MODEL (self->charges), create_charge_row,
                           NULL, NULL);
  g_signal_connect_swapped (self->take_row, "apply", G_CALLBACK (take_apply_cb), self);
  g_signal_connect_object (self->charge_view, "saved", G_CALLBACK (charge_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->charge_view, "show-matter", G_CALLBACK (charge_show_matter_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->take_row, "entry-activated", G_CALLBACK (take_apply_cb), self);
  g_object_bind_property (self, "client", self->charge_view, "client", G_BINDING_SYNC_CREATE);
  hall_page_set_matter_stack (HALL_PAGE (self), self->stack, GTK_WIDGET (self->matter_view));
  hall_charges_page_update_actions (HALL_PAGE (self));
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
