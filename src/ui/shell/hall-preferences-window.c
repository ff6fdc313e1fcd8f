/* hall-preferences-window.c — where this PC's hall is, and hosting it for other PCs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-preferences-window.h"

struct _HallPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  HallApplication *application;
  gboolean         updating;

  AdwActionRow *location_row;
  AdwActionRow *server_fingerprint_row;
  GtkWidget    *hosting_group;
  GtkSwitch    *hosting_switch;
  AdwActionRow *address_row;
  AdwActionRow *fingerprint_row;
};

G_DEFINE_FINAL_TYPE (HallPreferencesWindow, hall_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum
{
  PROP_0,
  PROP_APPLICATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update (HallPreferencesWindow *self)
{
  g_autofree char *mode = NULL;
  g_autofree char *urls = NULL;
  gboolean         hosting;

  if (self->application == NULL)
    {
      gtk_widget_set_visible (self->hosting_group, FALSE);
      return;
    }

  mode = hall_application_dup_mode (self->application);
  if (g_str_equal (mode, "remote"))
    {
      GSettings       *settings = hall_application_get_settings (self->application);
      g_autofree char *url = g_settings_get_string (settings, "server-url");
      g_autofree char *fingerprint = g_settings_get_string (settings, "server-fingerprint");

      /* Translators: preferences: the hall lives on a hall server */
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->location_row), _ ("Hall server"));
      adw_action_row_set_subtitle (self->location_row, url);
      adw_action_row_set_subtitle (self->server_fingerprint_row, fingerprint);
      gtk_widget_set_visible (GTK_WIDGET (self->server_fingerprint_row), *fingerprint != '\0');
    }
  else
    {
      g_autofree char *path = g_str_equal (mode, "demo") ? hall_application_get_demo_path ()
                                                         : hall_application_get_local_path ();

      adw_preferences_row_set_title (
          ADW_PREFERENCES_ROW (self->location_row),
          g_str_equal (mode, "demo")
              /* Translators: preferences: where the demo hall's records are */
              ? _ ("Demo hall kept on this PC")
              /* Translators: preferences: where this PC's hall's records are */
              : _ ("Kept on this PC"));
      adw_action_row_set_subtitle (self->location_row, path);
      gtk_widget_set_visible (GTK_WIDGET (self->server_fingerprint_row), FALSE);
    }

  /* Only a real hall on this PC is served to others. */
  gtk_widget_set_visible (self->hosting_group, g_str_equal (mode, "local"));
  hosting = hall_application_get_hosting (self->application);
  self->updating = TRUE;
  gtk_switch_set_active (self->hosting_switch, hosting);
  self->updating = FALSE;
  urls = hall_application_dup_host_urls (self->application);
  adw_action_row_set_subtitle (self->address_row, urls ? urls : "");
  adw_action_row_set_subtitle (self->fingerprint_row,
                               hosting ? hall_application_get_host_fingerprint (self->application)
                                       : "");
  gtk_widget_set_visible (GTK_WIDGET (self->address_row), hosting);
  gtk_widget_set_visible (GTK_WIDGET (self->fingerprint_row), hosting);
}

static void
hosting_switch_cb (HallPreferencesWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (self->updating || self->application == NULL)
    return;
  if (!hall_application_set_hosting (self->application,
                                     gtk_switch_get_active (self->hosting_switch), &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new (error->message));
  update (self);
}

static void
copy_subtitle (HallPreferencesWindow *self,
               AdwActionRow          *row)
{
  const char *text = adw_action_row_get_subtitle (row);

  if (text == NULL || *text == '\0')
    return;
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  /* Translators: toast after copying an address or a fingerprint */
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_ ("Copied")));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HallPreferencesWindow *self = HALL_PREFERENCES_WINDOW (widget);

  if (g_str_equal (action_name, "prefs.copy-address"))
    copy_subtitle (self, self->address_row);
  else if (g_str_equal (action_name, "prefs.copy-fingerprint"))
    copy_subtitle (self, self->fingerprint_row);
  else
    copy_subtitle (self, self->server_fingerprint_row);
}

static void
hall_preferences_window_dispose (GObject *object)
{
  HallPreferencesWindow *self = HALL_PREFERENCES_WINDOW (object);

  g_clear_object (&self->application);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (hall_preferences_window_parent_class)->dispose (object);
}

static void
hall_preferences_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  HallPreferencesWindow *self = HALL_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_set_object (&self->application, g_value_get_object (value));
      if (self->application != NULL)
        g_signal_connect_object (self->application, "notify::hosting", G_CALLBACK (update), self,
                                 G_CONNECT_SWAPPED);
      update (self);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_preferences_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  HallPreferencesWindow *self = HALL_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_APPLICATION:
      g_value_set_object (value, self->application);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_preferences_window_class_init (HallPreferencesWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hall_preferences_window_dispose;
  object_class->get_property = hall_preferences_window_get_property;
  object_class->set_property = hall_preferences_window_set_property;

  /* Not GtkWindow's "application": this window must not keep the app running on its own. */
  properties[PROP_APPLICATION] =
      g_param_spec_object ("hall-application", NULL, NULL, HALL_TYPE_APPLICATION,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/shell/hall-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HallPreferencesWindow, location_row);
  gtk_widget_class_bind_template_child (widget_class, HallPreferencesWindow,
                                        server_fingerprint_row);
  gtk_widget_class_bind_template_child (widget_class, HallPreferencesWindow, hosting_group);
  gtk_widget_class_bind_template_child (widget_class, HallPreferencesWindow, hosting_switch);
  gtk_widget_class_bind_template_child (widget_class, HallPreferencesWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, HallPreferencesWindow, fingerprint_row);

  gtk_widget_class_install_action (widget_class, "prefs.copy-address", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "prefs.copy-fingerprint", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "prefs.copy-server-fingerprint", NULL,
                                   copy_action);
}

static void
hall_preferences_window_init (HallPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->hosting_switch, "notify::active", G_CALLBACK (hosting_switch_cb),
                           self, G_CONNECT_SWAPPED);
}

HallPreferencesWindow *
hall_preferences_window_new (HallApplication *application)
{
  return g_object_new (HALL_TYPE_PREFERENCES_WINDOW, "hall-application", application, NULL);
}
