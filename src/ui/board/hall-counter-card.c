/* hall-counter-card.c — one service window on the hall board
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-counter-card"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-counter-card.h"
#include "hall-format.h"
#include "hall-labels.h"

struct _HallCounterCard
{
  GtkWidget parent_instance;

  HallJsonItem *item;
  gulong        notify_handler;

  GtkWidget *box;
  GtkLabel  *number_label;
  GtkLabel  *name_label;
  GtkLabel  *departments_label;
  GtkLabel  *state_label;
  GtkLabel  *ticket_label;
  GtkLabel  *ticket_detail_label;
  GtkLabel  *staff_label;
  GtkLabel  *waiting_label;
  GtkWidget *over_norm_label;
};

G_DEFINE_FINAL_TYPE (HallCounterCard, hall_counter_card, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const state_classes[] = { "state-open", "state-paused", "state-closed" };

static char *
departments_text (JsonObject *data)
{
  JsonArray *departments = json_object_get_array_member (data, "departments");
  g_autoptr (GString) text = g_string_new (NULL);
  guint n = departments ? json_array_get_length (departments) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *department = json_array_get_object_element (departments, i);

      if (i > 0)
        /* Translators: between the department names a window serves */
        g_string_append (text, _ (" · "));
      g_string_append (text, json_object_get_string_member_with_default (department, "name", ""));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update (HallCounterCard *self)
{
  JsonObject      *data = self->item ? hall_json_item_get_data (self->item) : NULL;
  gint64           now = self->item ? hall_json_item_get_now (self->item) : 0;
  g_autofree char *number = NULL;
  g_autofree char *departments = NULL;
  g_autofree char *waiting = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *accessible = NULL;
  const char      *state, *state_label, *staff, *code = NULL;
  JsonObject      *current = NULL;
  gint64           n_waiting, held;
  gboolean         over_norm;

  if (data == NULL)
    return;

  state = json_object_get_string_member_with_default (data, "state", "closed");
  staff = json_object_get_string_member_with_default (data, "staff_name", NULL);
  n_waiting = json_object_get_int_member_with_default (data, "waiting", 0);
  held = json_object_get_int_member_with_default (data, "held", 0);
  if (json_object_has_member (data, "current") && !json_object_get_null_member (data, "current"))
    current = json_object_get_object_member (data, "current");

  number = g_strdup_printf ("%" G_GINT64_FORMAT,
                            json_object_get_int_member_with_default (data, "number", 0));
  gtk_label_set_text (self->number_label, number);
  gtk_label_set_text (self->name_label,
                      json_object_get_string_member_with_default (data, "name", ""));
  departments = departments_text (data);
  gtk_label_set_text (self->departments_label, departments);

  for (guint i = 0; i < G_N_ELEMENTS (state_classes); i++)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), state_classes[i]);
      gtk_widget_remove_css_class (self->box, state_classes[i]);
    }
  state_label = hall_label_counter_state (state);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label),
                            _hall_format_counter_state_class (state));
  gtk_widget_add_css_class (self->box, _hall_format_counter_state_class (state));
  gtk_label_set_text (self->state_label, state_label);

  if (current != NULL)
    {
      gint64           since = json_object_get_int_member_with_default (current, "since", now);
      g_autofree char *duration = _hall_format_minutes (now - since);

      code = json_object_get_string_member_with_default (current, "code", "");
      if (g_strcmp0 (json_object_get_string_member_with_default (current, "state", ""), "serving")
          == 0)
        /* Translators: %s is a duration such as "12 min" */
        detail = g_strdup_printf (_ ("Serving for %s"), duration);
      else
        /* Translators: %s is a duration such as "2 min" */
        detail = g_strdup_printf (_ ("Called %s ago"), duration);
      gtk_label_set_text (self->ticket_label, code);
      gtk_widget_set_visible (GTK_WIDGET (self->ticket_label), TRUE);
    }
  else
    {
      const char *reason = json_object_get_string_member_with_default (data, "pause_reason", NULL);

      if (g_str_equal (state, "paused") && reason != NULL && *reason)
        /* Translators: %s is why a window is paused */
        detail = g_strdup_printf (_ ("Paused: %s"), reason);
      else if (g_str_equal (state, "open"))
        detail = g_strdup (_ ("Ready for the next visitor"));
      else
        detail = g_strdup ("");
      gtk_widget_set_visible (GTK_WIDGET (self->ticket_label), FALSE);
    }
  gtk_label_set_text (self->ticket_detail_label, detail);
  gtk_widget_set_visible (GTK_WIDGET (self->ticket_detail_label), *detail != '\0');

  if (staff != NULL && *staff)
    gtk_label_set_text (self->staff_label, staff);
  else
    gtk_label_set_text (self->staff_label, _ ("Nobody at the window"));
  gtk_widget_set_opacity (GTK_WIDGET (self->staff_label), staff != NULL && *staff ? 1.0 : 0.55);

  if (held > 0)
    /* Translators: waiting and held visitors of one window */
    waiting = g_strdup_printf (_ ("%d waiting · %d on hold"), (int) n_waiting, (int) held);
  else
    waiting = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d waiting", "%d waiting", n_waiting),
                               (int) n_waiting);
  gtk_label_set_text (self->waiting_label, waiting);

  /* The board marks a window whose departments' visitors wait longer than the hall's norm. */
  over_norm = json_object_get_boolean_member_with_default (data, "over_norm", FALSE);
  gtk_widget_set_visible (self->over_norm_label, over_norm);
  if (over_norm)
    gtk_widget_add_css_class (self->box, "over-norm");
  else
    gtk_widget_remove_css_class (self->box, "over-norm");

  /* Translators: what a screen reader says for a window's card: name, state, visitor, waiting */
  accessible = g_strdup_printf (_ ("%s, %s, %s, %s"), gtk_label_get_text (self->name_label),
                                state_label, code ? code : detail, waiting);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  /* The badge's colour is not all a screen reader gets. */
  if (over_norm)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    gtk_label_get_text (GTK_LABEL (self->over_norm_label)), -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
item_notify_cb (HallCounterCard *self)
{
  update (self);
}

static void
hall_counter_card_dispose (GObject *object)
{
  HallCounterCard *self = HALL_COUNTER_CARD (object);

  if (self->item != NULL)
    g_clear_signal_handler (&self->notify_handler, self->item);
  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_COUNTER_CARD);
  G_OBJECT_CLASS (hall_counter_card_parent_class)->dispose (object);
}

static void
hall_counter_card_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HallCounterCard *self = HALL_COUNTER_CARD (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_counter_card_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HallCounterCard *self = HALL_COUNTER_CARD (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      hall_counter_card_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_counter_card_class_init (HallCounterCardClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hall_counter_card_dispose;
  object_class->get_property = hall_counter_card_get_property;
  object_class->set_property = hall_counter_card_set_property;

  properties[PROP_ITEM] =
      g_param_spec_object ("item", NULL, NULL, HALL_TYPE_JSON_ITEM,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/board/hall-counter-card.ui");
  gtk_widget_class_bind_template_child (widget_class, HallCounterCard, box);
  gtk_widget_class_bind_template_child (widget_class, HallCounterCard, number_label);
  gtk_widget_class_bind_template_child (widget_class, HallCounterCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, HallCounterCard, departments_label);
  gtk_widget_class_bind_template_child (widget_class, HallCounterCard, state_label);
  gtk_widget_class_bind_template_child (widget_class, HallCounterCard, ticket_label);
  gtk_widget_class_bind_template_child (widget_class, HallCounterCard, ticket_detail_label);
  gtk_widget_class_bind_template_child (widget_class, HallCounterCard, staff_label);
  gtk_widget_class_bind_template_child (widget_class, HallCounterCard, waiting_label);
  gtk_widget_class_bind_template_child (widget_class, HallCounterCard, over_norm_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "countercard");
}

static void
hall_counter_card_init (HallCounterCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
hall_counter_card_new (HallJsonItem *item)
{
  return g_object_new (HALL_TYPE_COUNTER_CARD, "item", item, NULL);
}

HallJsonItem *
hall_counter_card_get_item (HallCounterCard *self)
{
  g_return_val_if_fail (HALL_IS_COUNTER_CARD (self), NULL);
  return self->item;
}

void
hall_counter_card_set_item (HallCounterCard *self,
                            HallJsonItem    *item)
{
  g_return_if_fail (HALL_IS_COUNTER_CARD (self));
  g_return_if_fail (item == NULL || HALL_IS_JSON_ITEM (item));

  if (self->item == item)
    return;
  if (self->item != NULL)
    g_clear_signal_handler (&self->notify_handler, self->item);
  g_set_object (&self->item, item);
  if (item != NULL)
    self->notify_handler =
        g_signal_connect_swapped (item, "notify::data", G_CALLBACK (item_notify_cb), self);
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
