/* hall-application.c — the app: its settings, the hall it reaches and the hosting server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "hall-application-private.h"
#include "hall-demo.h"
#include "hall-host.h"
#include "hall-local-client.h"
#include "hall-preferences-window.h"
#include "hall-remote-client.h"
#include "hall-restore.h"
#include "hall-server.h"
#include "hall-window.h"

G_DEFINE_FINAL_TYPE (HallApplication, hall_application, ADW_TYPE_APPLICATION)

enum
{
  PROP_0,
  PROP_CLIENT,
  PROP_BUSY,
  PROP_HOSTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_hall_application_set_busy (HallApplication *self,
                            gboolean         busy)
{
  if (busy)
    self->busy++;
  else
    self->busy--;
  if ((busy && self->busy == 1) || (!busy && self->busy == 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_hall_application_stop_hosting (HallApplication *self)
{
  if (self->host == NULL)
    return;
  hall_host_stop (self->host);
  g_clear_object (&self->host);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOSTING]);
}

void
_hall_application_close_hall (HallApplication *self)
{
  _hall_application_stop_hosting (self);
  g_clear_object (&self->backups);
  g_clear_object (&self->supervision);
  if (self->lock >= 0)
    close (g_steal_fd (&self->lock));
  if (self->client != NULL)
    {
      if (hall_client_is_signed_in (self->client))
        hall_client_logout_async (self->client, NULL, NULL, NULL);
      g_clear_object (&self->client);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
    }
  if (self->engine != NULL)
    {
      hall_engine_shutdown (self->engine);
      g_clear_object (&self->engine);
    }
}

void
_hall_application_set_local_hall (HallApplication *self,
                                  HallEngine      *engine)
{
  g_autofree char *mode = g_settings_get_string (self->settings, "mode");

  _hall_application_close_hall (self);
  self->engine = g_object_ref (engine);
  self->client = hall_local_client_new (engine);
  /* The demo is made again every day: nothing to keep. */
  if (g_str_equal (mode, "local"))
    {
      g_autoptr (GError) error = NULL;

      self->lock = hall_restore_lock (hall_engine_get_path (engine), &error);
      if (self->lock < 0)
        g_message ("%s", error->message);
      self->backups = hall_scheduler_new_backup (engine);
      self->supervision = hall_scheduler_new_supervision (engine);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

char *
_hall_application_data_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "xinfang-hall", name, NULL);
}

gboolean
_hall_application_ensure_data_dir (GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "xinfang-hall", NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _ ("Cannot make the folder “%s” for the hall: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

void
_hall_application_remove_database (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

void
_hall_application_start_hosting (HallApplication *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *mode = hall_application_dup_mode (self);

  if (!g_str_equal (mode, "local") || !g_settings_get_boolean (self->settings, "host-hall"))
    return;
  if (!hall_application_set_hosting (self, TRUE, &error))
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

      g_message ("Cannot host the hall: %s", error->message);
      if (HALL_IS_WINDOW (window))
        hall_window_show_toast (HALL_WINDOW (window), error->message);
    }
}

/* ---- a hall server on the LAN ------------------------------------------------------------- */

void
hall_application_join (HallApplication *self,
                       const char      *url,
                       const char      *fingerprint)
{
  g_return_if_fail (HALL_IS_APPLICATION (self));
  g_return_if_fail (url != NULL);

  _hall_application_close_hall (self);
  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "mode", "remote");
  g_settings_set_string (self->settings, "server-url", url);
  g_settings_set_string (self->settings, "server-fingerprint", fingerprint ? fingerprint : "");
  g_settings_apply (self->settings);
  self->client = hall_remote_client_new (url, fingerprint);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

/* ---- opening what the settings say --------------------------------------------------------- */

static void
open_step_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
hall_application_open_async (HallApplication    *self,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *mode = NULL;

  g_return_if_fail (HALL_IS_APPLICATION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hall_application_open_async);
  mode = hall_application_dup_mode (self);

  if (g_str_equal (mode, "local"))
    hall_application_open_local_async (self, cancellable, open_step_cb, g_steal_pointer (&task));
  else if (g_str_equal (mode, "demo"))
    _hall_application_open_demo (self, FALSE, cancellable, open_step_cb, g_steal_pointer (&task));
  else if (g_str_equal (mode, "remote"))
    {
      g_autofree char *url = g_settings_get_string (self->settings, "server-url");
      g_autofree char *fingerprint = g_settings_get_string (self->settings, "server-fingerprint");

      if (*url == '\0')
        {
          g_settings_set_string (self->settings, "mode", "");
          g_task_return_boolean (task, TRUE);
          return;
        }
      hall_application_join (self, url, *fingerprint ? fingerprint : NULL);
      g_task_return_boolean (task, TRUE);
    }
  else
    g_task_return_boolean (task, TRUE);
}

gboolean
hall_application_open_finish (HallApplication *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
hall_application_forget_hall (HallApplication *self)
{
  g_return_if_fail (HALL_IS_APPLICATION (self));

  _hall_application_close_hall (self);
  g_settings_set_string (self->settings, "mode", "");
}

/* ---- hosting ------------------------------------------------------------------------------ */

gboolean
hall_application_set_hosting (HallApplication *self,
                              gboolean         hosting,
                              GError         **error)
{
  g_autofree char *mode = NULL;

  g_return_val_if_fail (HALL_IS_APPLICATION (self), FALSE);

  if (!hosting)
    {
      _hall_application_stop_hosting (self);
      g_settings_set_boolean (self->settings, "host-hall", FALSE);
      return TRUE;
    }
  if (self->host != NULL)
    return TRUE;
  mode = hall_application_dup_mode (self);
  if (self->engine == NULL || !g_str_equal (mode, "local"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _ ("Only a hall kept on this PC can be hosted for other PCs."));
      return FALSE;
    }

  self->host = hall_host_start (self->engine, HALL_SERVER_DEFAULT_PORT, error);
  if (self->host == NULL)
    return FALSE;
  g_settings_set_boolean (self->settings, "host-hall", TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOSTING]);
  return TRUE;
}

gboolean
hall_application_get_hosting (HallApplication *self)
{
  g_return_val_if_fail (HALL_IS_APPLICATION (self), FALSE);
  return self->host != NULL;
}

char *
hall_application_dup_host_urls (HallApplication *self)
{
  g_return_val_if_fail (HALL_IS_APPLICATION (self), NULL);
  return self->host ? hall_host_dup_urls (self->host) : NULL;
}

const char *
hall_application_get_host_fingerprint (HallApplication *self)
{
  g_return_val_if_fail (HALL_IS_APPLICATION (self), NULL);
  return self->host ? hall_host_get_fingerprint (self->host) : NULL;
}

/* ---- actions ------------------------------------------------------------------------------ */

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  HallApplication   *self = user_data;
  GtkWindow         *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Xinfang Hall developers", NULL };
  GtkWidget         *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _ ("Xinfang Hall"),
                        "developer-name", _ ("The Xinfang Hall developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _ ("The one-stop petition reception hall: queue, register, "
                                       "hand on and follow up every visitor’s matter."),
                        "website", "https://github.com/xinfanghall/xinfang-hall",
                        "issue-url", "https://github.com/xinfanghall/xinfang-hall/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _ ("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* The guide is installed as help:xinfang-hall (help/meson.build). Run from the build tree it is
 * not installed: then yelp shows the sources, and without yelp the window says so. */
static gboolean
help_is_installed (void)
{
  const char *const *dirs = g_get_system_data_dirs ();
  g_autofree char   *user = g_build_filename (g_get_user_data_dir (), "help", "C", HELP_NAME,
                                              "index.page", NULL);

  if (g_file_test (user, G_FILE_TEST_EXISTS))
    return TRUE;
  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *page = g_build_filename (dirs[i], "help", "C", HELP_NAME, "index.page", NULL);
      if (g_file_test (page, G_FILE_TEST_EXISTS))
        return TRUE;
    }
  return FALSE;
}

static void
help_say_missing (GtkWindow  *parent,
                  const char *detail)
{
  g_autofree char *text = NULL;

  /* Translators: the user guide (帮助) cannot be opened; %s says why */
  text = g_strdup_printf (_ ("The user guide cannot be opened: %s"), detail);
  if (HALL_IS_WINDOW (parent))
    hall_window_show_toast (HALL_WINDOW (parent), text);
  else
    g_message ("%s", text);
}

static void
help_shown_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (GtkWindow) parent = user_data;
  g_autoptr (GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error))
    help_say_missing (parent, error->message);
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  HallApplication *self = user_data;
  GtkWindow       *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *index = g_build_filename (BUILD_HELPDIR, "index.page", NULL);
  g_autofree char *yelp = NULL;
  g_autoptr (GError) error = NULL;

  if (help_is_installed ())
    {
      if (parent != NULL)
        gtk_show_uri_full (parent, "help:" HELP_NAME, GDK_CURRENT_TIME, NULL, help_shown_cb,
                           g_object_ref (parent));
      else
        gtk_show_uri (NULL, "help:" HELP_NAME, GDK_CURRENT_TIME);
      return;
    }
  yelp = g_find_program_in_path ("yelp");
  if (yelp != NULL && g_file_test (index, G_FILE_TEST_EXISTS))
    {
      const char *argv[] = { yelp, index, NULL };

      if (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &error))
        return;
      help_say_missing (parent, error->message);
      return;
    }
  /* Translators: why the user guide (帮助) cannot be opened */
  help_say_missing (parent, _ ("it is not installed on this computer."));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  HallApplication       *self = user_data;
  GtkWindow             *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  HallPreferencesWindow *preferences = hall_preferences_window_new (self);

  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  HallApplication *self = user_data;
  g_autoptr (GList) windows = NULL;

  /* A device is left only with an administrator's password (HallDeviceWindow). */
  if (self->device_window != NULL)
    return;
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  /* Closing each window saves its size. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "help", help_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

/* ---- GApplication ------------------------------------------------------------------------- */

static void
app_open_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  HallApplication *self = HALL_APPLICATION (object);
  g_autoptr (GError) error = NULL;

  if (!hall_application_open_finish (self, result, &error))
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

      /* Back to the first-run choice, saying why. */
      g_settings_set_string (self->settings, "mode", "");
      if (HALL_IS_WINDOW (window))
        hall_window_show_toast (HALL_WINDOW (window), error->message);
    }
}

static void
hall_application_activate (GApplication *app)
{
  HallApplication *self = HALL_APPLICATION (app);
  GtkWindow       *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *mode = hall_application_dup_mode (self);

  if (_hall_application_device_activate (self))
    return;
  if (window == NULL || !HALL_IS_WINDOW (window))
    window = GTK_WINDOW (hall_window_new (GTK_APPLICATION (self)));
  gtk_window_present (window);

  if (self->offer_create && HALL_IS_WINDOW (window))
    {
      self->offer_create = FALSE;
      gtk_widget_activate_action (GTK_WIDGET (window), "win.offer-create", NULL);
    }

  if (self->client == NULL && self->busy == 0 && *mode != '\0')
    hall_application_open_async (self, NULL, app_open_cb, NULL);
}

/* --local, as README's launch command starts the app: the single-PC hall, whatever was used
 * last. Opens the hall on this PC when there is one, else the form that starts it. */
static int
hall_application_handle_local_options (GApplication *app,
                                       GVariantDict *options)
{
  HallApplication *self = HALL_APPLICATION (app);
  g_autofree char *path = NULL;

  _hall_application_device_handle_options (self, options);
  if (!g_variant_dict_contains (options, "local"))
    return -1;
  path = hall_application_get_local_path ();
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    g_settings_set_string (self->settings, "mode", "local");
  else
    {
      g_settings_set_string (self->settings, "mode", "");
      self->offer_create = TRUE;
    }
  return -1;
}

static void
hall_application_startup (GApplication *app)
{
  HallApplication   *self = HALL_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *help_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (hall_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.help", help_accels);
  _hall_application_device_startup (self);
}

static void
hall_application_shutdown (GApplication *app)
{
  HallApplication *self = HALL_APPLICATION (app);

  _hall_application_close_hall (self);
  G_APPLICATION_CLASS (hall_application_parent_class)->shutdown (app);
}

static void
hall_application_dispose (GObject *object)
{
  HallApplication *self = HALL_APPLICATION (object);

  /* As close_hall(), without telling anyone: nobody is listening any more. */
  g_clear_object (&self->host);
  g_clear_object (&self->backups);
  g_clear_object (&self->supervision);
  if (self->lock >= 0)
    close (g_steal_fd (&self->lock));
  g_clear_object (&self->client);
  if (self->engine != NULL)
    hall_engine_shutdown (self->engine);
  g_clear_object (&self->engine);
  G_OBJECT_CLASS (hall_application_parent_class)->dispose (object);
}

static void
hall_application_finalize (GObject *object)
{
  HallApplication *self = HALL_APPLICATION (object);

  g_clear_object (&self->settings);
  g_free (self->device_request);
  G_OBJECT_CLASS (hall_application_parent_class)->finalize (object);
}

static void
hall_application_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HallApplication *self = HALL_APPLICATION (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy > 0);
      break;
    case PROP_HOSTING:
      g_value_set_boolean (value, self->host != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_application_class_init (HallApplicationClass *klass)
{
  GObjectClass      *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = hall_application_dispose;
  object_class->finalize = hall_application_finalize;
  object_class->get_property = hall_application_get_property;
  app_class->activate = hall_application_activate;
  app_class->handle_local_options = hall_application_handle_local_options;
  app_class->startup = hall_application_startup;
  app_class->shutdown = hall_application_shutdown;

  properties[PROP_CLIENT] =
      g_param_spec_object ("client", NULL, NULL, HALL_TYPE_CLIENT,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_BUSY] =
      g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HOSTING] =
      g_param_spec_boolean ("hosting", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hall_application_init (HallApplication *self)
{
  self->settings = g_settings_new (APP_ID);
  self->lock = -1;
  g_application_add_main_option (G_APPLICATION (self), "local", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE,
                                 _ ("Use the hall on this PC: open it, or start one"), NULL);
  _hall_application_device_init (self);
}

/* ---- public API --------------------------------------------------------------------------- */

HallApplication *
hall_application_new (void)
{
  return g_object_new (HALL_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/io/github/xinfanghall/Hall",
                       NULL);
}

GSettings *
hall_application_get_settings (HallApplication *self)
{
  g_return_val_if_fail (HALL_IS_APPLICATION (self), NULL);
  return self->settings;
}

HallClient *
hall_application_get_client (HallApplication *self)
{
  g_return_val_if_fail (HALL_IS_APPLICATION (self), NULL);
  return self->client;
}

char *
hall_application_dup_mode (HallApplication *self)
{
  g_return_val_if_fail (HALL_IS_APPLICATION (self), NULL);
  return g_settings_get_string (self->settings, "mode");
}

gboolean
hall_application_get_busy (HallApplication *self)
{
  g_return_val_if_fail (HALL_IS_APPLICATION (self), FALSE);
  return self->busy > 0;
}

char *
hall_application_get_local_path (void)
{
  return _hall_application_data_path ("hall.db");
}

char *
hall_application_get_demo_path (void)
{
  return _hall_application_data_path ("demo.db");
}
