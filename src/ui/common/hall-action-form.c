/* hall-action-form.c — an action's form, opened in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-action-form"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-action-form.h"
#include "hall-find.h"
#include "hall-form.h"

struct _HallActionForm
{
  AdwBin parent_instance;

  const char *name; /* static string, NULL when closed */
  GtkWidget  *group;

  GtkRevealer *revealer;
  GtkLabel    *title;
  GtkLabel    *error;
  AdwBin      *fields;
  GtkButton   *cancel_button;
  GtkButton   *apply_button;
};

G_DEFINE_FINAL_TYPE (HallActionForm, hall_action_form, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_APPLY_ACTION_NAME,
  PROP_CANCEL_ACTION_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
hall_action_form_dispose (GObject *object)
{
  HallActionForm *self = HALL_ACTION_FORM (object);

  self->group = NULL;
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_ACTION_FORM);
  G_OBJECT_CLASS (hall_action_form_parent_class)->dispose (object);
}

static void
hall_action_form_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HallActionForm *self = HALL_ACTION_FORM (object);

  switch (prop_id)
    {
    case PROP_APPLY_ACTION_NAME:
      g_value_set_string (value,
                          gtk_actionable_get_action_name (GTK_ACTIONABLE (self->apply_button)));
      break;
    case PROP_CANCEL_ACTION_NAME:
      g_value_set_string (value,
                          gtk_actionable_get_action_name (GTK_ACTIONABLE (self->cancel_button)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_action_form_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HallActionForm *self = HALL_ACTION_FORM (object);

  switch (prop_id)
    {
    case PROP_APPLY_ACTION_NAME:
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->apply_button),
                                      g_value_get_string (value));
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_CANCEL_ACTION_NAME:
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->cancel_button),
                                      g_value_get_string (value));
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_action_form_class_init (HallActionFormClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hall_action_form_dispose;
  object_class->get_property = hall_action_form_get_property;
  object_class->set_property = hall_action_form_set_property;

  properties[PROP_APPLY_ACTION_NAME] =
      g_param_spec_string ("apply-action-name", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_CANCEL_ACTION_NAME] =
      g_param_spec_string ("cancel-action-name", NULL, NULL, NULL,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/common/hall-action-form.ui");
  gtk_widget_class_bind_template_child (widget_class, HallActionForm, revealer);
  gtk_widget_class_bind_template_child (widget_class, HallActionForm, title);
  gtk_widget_class_bind_template_child (widget_class, HallActionForm, error);
  gtk_widget_class_bind_template_child (widget_class, HallActionForm, fields);
  gtk_widget_class_bind_template_child (widget_class, HallActionForm, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, HallActionForm, apply_button);
}

static void
hall_action_form_init (HallActionForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
hall_action_form_open (HallActionForm      *self,
                       const char          *name,
                       const char          *title,
                       const char          *apply,
                       AdwPreferencesGroup *group)
{
  g_return_if_fail (HALL_IS_ACTION_FORM (self));
  g_return_if_fail (ADW_IS_PREFERENCES_GROUP (group));

  self->name = name;
  self->group = GTK_WIDGET (group);
  adw_bin_set_child (self->fields, self->group);
  gtk_label_set_text (self->title, title);
  gtk_button_set_label (self->apply_button, apply);
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

void
hall_action_form_close (HallActionForm *self)
{
  g_return_if_fail (HALL_IS_ACTION_FORM (self));

  self->name = NULL;
  self->group = NULL;
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  adw_bin_set_child (self->fields, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
}

const char *
hall_action_form_get_name (HallActionForm *self)
{
  g_return_val_if_fail (HALL_IS_ACTION_FORM (self), NULL);
  return self->name;
}

gboolean
hall_action_form_is_open (HallActionForm *self,
                          const char     *name)
{
  g_return_val_if_fail (HALL_IS_ACTION_FORM (self), FALSE);
  return g_strcmp0 (self->name, name) == 0;
}

GtkWidget *
hall_action_form_get_field (HallActionForm *self,
                            const char     *field)
{
  g_return_val_if_fail (HALL_IS_ACTION_FORM (self), NULL);
  return self->group != NULL ? _hall_find_named (self->group, field) : NULL;
}

char *
hall_action_form_dup_required (HallActionForm *self,
                               const char     *field)
{
  GtkWidget       *widget = hall_action_form_get_field (self, field);
  g_autofree char *text = NULL;

  g_return_val_if_fail (widget != NULL, NULL);
  text = _hall_form_dup_text (widget);
  /* Translators: under a required field of a form left empty */
  _hall_form_field_set_error (widget, *text == '\0' ? _ ("Fill this in.") : NULL);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

gboolean
hall_action_form_show_error (HallActionForm *self,
                             const char     *field,
                             const char     *message)
{
  g_return_val_if_fail (HALL_IS_ACTION_FORM (self), FALSE);
  if (self->name == NULL)
    return FALSE;
  if (message != NULL && self->group != NULL
      && _hall_form_show_named_error (self->group, field, message) != NULL)
    return TRUE;
  gtk_label_set_text (self->error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error), message != NULL);
  return TRUE;
}
