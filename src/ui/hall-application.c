/* hall-application.c — the app: its settings, the hall it reaches and the hosting server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include "hall-application.h"
#include "hall-demo.h"
#include "hall-local-client.h"
#include "hall-preferences-window.h"
#include "hall-remote-client.h"
#include "hall-server.h"
#include "hall-tls.h"
#include "hall-window.h"

struct _HallApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  HallEngine *engine; /* the hall in this process (local and demo modes) */
  HallClient *client;
  HallServer *server; /* "Host this hall for other PCs" */
  char *host_fingerprint;
  guint busy;
};

G_DEFINE_FINAL_TYPE (HallApplication, hall_application, ADW_TYPE_APPLICATION)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_BUSY,
  PROP_HOSTING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_busy (HallApplication *self,
          gboolean         busy)
{
  if (busy)
    self->busy++;
  else
    self->busy--;
  if ((busy && self->busy == 1) || (!busy && self->busy == 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
stop_hosting (HallApplication *self)
{
  if (self->server == NULL)
    return;
  /* The server's dispose closes its listeners and streams; nobody waits for the answer. */
  hall_server_shutdown_async (self->server, NULL, NULL, NULL);
  g_clear_object (&self->server);
  g_clear_pointer (&self->host_fingerprint, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOSTING]);
}

static void
close_hall (HallApplication *self)
{
  stop_hosting (self);
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

static void
set_local_hall (HallApplication *self,
                HallEngine      *engine)
{
  close_hall (self);
  self->engine = g_object_ref (engine);
  self->client = hall_local_client_new (engine);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

static char *
data_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "xinfang-hall", name, NULL);
}

static gboolean
ensure_data_dir (GError **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "xinfang-hall", NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Cannot make the folder “%s” for the hall: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
}

static void
start_hosting_from_settings (HallApplication *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *mode = hall_application_dup_mode (self);

  if (!g_str_equal (mode, "local") || !g_settings_get_boolean (self->settings, "host-hall"))
    return;
  if (!hall_application_set_hosting (self, TRUE, &error))
    {
      GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

      g_warning ("Cannot host the hall: %s", error->message);
      if (HALL_IS_WINDOW (window))
        hall_window_show_toast (HALL_WINDOW (window), error->message);
    }
}

/* ---- opening this PC's hall ------------------------------------------------------------- */

static void
open_engine_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  HallApplication *self = g_task_get_source_object (task);
  g_autoptr (HallEngine) engine = NULL;
  g_autoptr (GError) error = NULL;

  set_busy (self, FALSE);
  engine = hall_engine_new_finish (result, &error);
  if (engine == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  set_local_hall (self, engine);
  start_hosting_from_settings (self);
  g_task_return_boolean (task, TRUE);
}

void
hall_application_open_local_async (HallApplication     *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *path = hall_application_get_local_path ();

  g_return_if_fail (HALL_IS_APPLICATION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hall_application_open_local_async);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("There is no hall on this PC yet (%s). Start one or join a hall server."),
                               path);
      return;
    }
  g_settings_set_string (self->settings, "mode", "local");
  set_busy (self, TRUE);
  hall_engine_new_async (path, cancellable, open_engine_cb, g_steal_pointer (&task));
}

gboolean
hall_application_open_local_finish (HallApplication  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- creating this PC's hall -------------------------------------------------------------- */

typedef struct
{
  char *hall_name;
  char *username;
  char *display_name;
  char *password;
  char *path;
  HallEngine *engine;
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_free (data->hall_name);
  g_free (data->username);
  g_free (data->display_name);
  if (data->password != NULL)
    memset (data->password, 0, strlen (data->password));
  g_free (data->password);
  g_free (data->path);
  g_clear_object (&data->engine);
  g_free (data);
}

static void
create_fail (GTask  *task,
             GError *error)
{
  CreateData *data = g_task_get_task_data (task);

  /* A half-made hall would be opened next time without an account to sign in with. */
  if (data->engine != NULL)
    {
      hall_engine_shutdown (data->engine);
      g_clear_object (&data->engine);
      remove_database (data->path);
    }
  g_task_return_error (task, error);
}

static void
create_accounts_thread (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  CreateData *data = task_data;
  g_autoptr (JsonObject) user = json_object_new ();
  g_autoptr (JsonObject) hall = json_object_new ();
  g_autoptr (JsonObject) result = NULL;
  g_autoptr (JsonObject) configured = NULL;
  JsonArray *roles = json_array_new ();
  GError *error = NULL;

  json_object_set_string_member (user, "username", data->username);
  if (data->display_name != NULL && *data->display_name)
    json_object_set_string_member (user, "display_name", data->display_name);
  json_object_set_string_member (user, "password", data->password);
  /* On a single-PC hall whoever sets it up also runs the hall day to day. */
  json_array_add_string_element (roles, "admin");
  json_array_add_string_element (roles, "manager");
  json_object_set_array_member (user, "roles", roles);

  result = hall_engine_call_system (data->engine, "user.create", user, &error);
  if (result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  json_object_set_string_member (hall, "hall_name", data->hall_name);
  configured = hall_engine_call_system (data->engine, "hall.configure", hall, &error);
  if (configured == NULL)
    {
      /* The engine says "hall_name"; so does the form. */
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
create_login_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  HallApplication *self = g_task_get_source_object (task);
  g_autoptr (JsonObject) reply = NULL;
  GError *error = NULL;

  set_busy (self, FALSE);
  reply = hall_client_login_finish (HALL_CLIENT (object), result, &error);
  if (reply == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
create_accounts_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  HallApplication *self = g_task_get_source_object (task);
  CreateData *data = g_task_get_task_data (task);
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      set_busy (self, FALSE);
      create_fail (task, error);
      return;
    }

  g_settings_set_string (self->settings, "mode", "local");
  g_settings_set_string (self->settings, "last-username", data->username);
  set_local_hall (self, data->engine);
  start_hosting_from_settings (self);
  hall_client_login_async (self->client, data->username, data->password, NULL,
                           g_settings_get_int64 (self->settings, "counter-id"),
                           g_task_get_cancellable (task), create_login_cb, g_object_ref (task));
}

static void
create_engine_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  CreateData *data = g_task_get_task_data (task);
  g_autoptr (GTask) thread_task = NULL;
  GError *error = NULL;

  data->engine = hall_engine_new_finish (result, &error);
  if (data->engine == NULL)
    {
      set_busy (g_task_get_source_object (task), FALSE);
      create_fail (task, error);
      return;
    }

  /* hall_engine_call_system() blocks until the worker has run the command. */
  thread_task = g_task_new (g_task_get_source_object (task), NULL, create_accounts_cb,
                            g_object_ref (task));
  g_task_set_task_data (thread_task, data, NULL);
  g_task_run_in_thread (thread_task, create_accounts_thread);
}

void
hall_application_create_local_async (HallApplication     *self,
                                     const char          *hall_name,
                                     const char          *username,
                                     const char          *display_name,
                                     const char          *password,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  GError *error = NULL;
  CreateData *data;

  g_return_if_fail (HALL_IS_APPLICATION (self));
  g_return_if_fail (hall_name != NULL && username != NULL && password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hall_application_create_local_async);
  data = g_new0 (CreateData, 1);
  data->hall_name = g_strdup (hall_name);
  data->username = g_strdup (username);
  data->display_name = g_strdup (display_name);
  data->password = g_strdup (password);
  data->path = hall_application_get_local_path ();
  g_task_set_task_data (task, data, (GDestroyNotify) create_data_free);

  if (g_file_test (data->path, G_FILE_TEST_EXISTS))
    {
      g_task_return_error (task, hall_error_new_literal (HALL_ERROR_CONFLICT, NULL,
                                                         _("This PC already has a hall. Open it instead.")));
      return;
    }
  if (!ensure_data_dir (&error))
    {
      g_task_return_error (task, error);
      return;
    }

  close_hall (self);
  set_busy (self, TRUE);
  hall_engine_new_async (data->path, cancellable, create_engine_cb, g_steal_pointer (&task));
}

gboolean
hall_application_create_local_finish (HallApplication  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- the demo hall ------------------------------------------------------------------------ */

static void
demo_filled_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  HallApplication *self = g_task_get_source_object (task);
  HallEngine *engine = g_task_get_task_data (task);
  const HallDemoAccount *accounts = hall_demo_get_accounts (NULL);
  GError *error = NULL;

  set_busy (self, FALSE);
  if (!hall_demo_fill_finish (result, &error))
    {
      hall_engine_shutdown (engine);
      g_task_return_error (task, error);
      return;
    }
  g_settings_set_string (self->settings, "mode", "demo");
  g_settings_set_string (self->settings, "last-username", accounts[0].username);
  set_local_hall (self, engine);
  g_task_return_boolean (task, TRUE);
}

static void
demo_engine_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  HallEngine *engine;
  GError *error = NULL;

  engine = hall_engine_new_finish (result, &error);
  if (engine == NULL)
    {
      set_busy (g_task_get_source_object (task), FALSE);
      g_task_return_error (task, error);
      return;
    }
  g_task_set_task_data (task, engine, g_object_unref);
  hall_demo_fill_async (engine, g_task_get_cancellable (task), demo_filled_cb, g_object_ref (task));
}

static void
demo_reopen_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  HallApplication *self = g_task_get_source_object (task);
  g_autoptr (HallEngine) engine = NULL;
  GError *error = NULL;

  set_busy (self, FALSE);
  engine = hall_engine_new_finish (result, &error);
  if (engine == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  set_local_hall (self, engine);
  g_task_return_boolean (task, TRUE);
}

/* The demo is "today": a demo made on an earlier day is made again. */
static gboolean
demo_is_from_today (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GDateTime) modified = NULL;
  g_autoptr (GDateTime) modified_local = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return FALSE;
  modified = g_file_info_get_modification_date_time (info);
  if (modified == NULL)
    return FALSE;
  modified_local = g_date_time_to_local (modified);
  return g_date_time_get_year (modified_local) == g_date_time_get_year (now)
         && g_date_time_get_day_of_year (modified_local) == g_date_time_get_day_of_year (now);
}

static void
open_demo (HallApplication     *self,
           gboolean             fresh,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *path = hall_application_get_demo_path ();
  GError *error = NULL;

  g_task_set_source_tag (task, hall_application_open_demo_async);
  if (!ensure_data_dir (&error))
    {
      g_task_return_error (task, error);
      return;
    }

  close_hall (self);
  set_busy (self, TRUE);
  if (!fresh && g_file_test (path, G_FILE_TEST_EXISTS) && demo_is_from_today (path))
    {
      hall_engine_new_async (path, cancellable, demo_reopen_cb, g_steal_pointer (&task));
      return;
    }
  remove_database (path);
  hall_engine_new_async (path, cancellable, demo_engine_cb, g_steal_pointer (&task));
}

void
hall_application_open_demo_async (HallApplication     *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_return_if_fail (HALL_IS_APPLICATION (self));
  open_demo (self, TRUE, cancellable, callback, user_data);
}

gboolean
hall_application_open_demo_finish (HallApplication  *self,
                                   GAsyncResult     *result,
                                   GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- a hall server on the LAN ------------------------------------------------------------- */

void
hall_application_join (HallApplication *self,
                       const char      *url,
                       const char      *fingerprint)
{
  g_return_if_fail (HALL_IS_APPLICATION (self));
  g_return_if_fail (url != NULL);

  close_hall (self);
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
hall_application_open_async (HallApplication     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
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
    open_demo (self, FALSE, cancellable, open_step_cb, g_steal_pointer (&task));
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
hall_application_open_finish (HallApplication  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

void
hall_application_forget_hall (HallApplication *self)
{
  g_return_if_fail (HALL_IS_APPLICATION (self));

  close_hall (self);
  g_settings_set_string (self->settings, "mode", "");
}

/* ---- hosting ------------------------------------------------------------------------------ */

gboolean
hall_application_set_hosting (HallApplication  *self,
                              gboolean          hosting,
                              GError          **error)
{
  g_autoptr (HallServer) server = NULL;
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autoptr (GSocketAddress) address = NULL;
  g_autofree char *tls_dir = NULL;
  g_autofree char *listen = NULL;
  g_autofree char *mode = NULL;

  g_return_val_if_fail (HALL_IS_APPLICATION (self), FALSE);

  if (!hosting)
    {
      stop_hosting (self);
      g_settings_set_boolean (self->settings, "host-hall", FALSE);
      return TRUE;
    }
  if (self->server != NULL)
    return TRUE;
  mode = hall_application_dup_mode (self);
  if (self->engine == NULL || !g_str_equal (mode, "local"))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only a hall kept on this PC can be hosted for other PCs."));
      return FALSE;
    }

  tls_dir = hall_tls_dir_for_database (hall_engine_get_path (self->engine));
  certificate = hall_tls_load_or_create (tls_dir, NULL, error);
  if (certificate == NULL)
    return FALSE;
  listen = g_strdup_printf ("0.0.0.0:%d", HALL_APPLICATION_HOST_PORT);
  address = hall_server_parse_address (listen, error);
  if (address == NULL)
    return FALSE;

  server = hall_server_new (self->engine);
  hall_server_set_tls_certificate (server, certificate);
  if (!hall_server_listen (server, address, error))
    return FALSE;

  self->server = g_steal_pointer (&server);
  self->host_fingerprint = hall_tls_fingerprint (certificate);
  g_settings_set_boolean (self->settings, "host-hall", TRUE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOSTING]);
  return TRUE;
}

gboolean
hall_application_get_hosting (HallApplication *self)
{
  g_return_val_if_fail (HALL_IS_APPLICATION (self), FALSE);
  return self->server != NULL;
}

char *
hall_application_dup_host_urls (HallApplication *self)
{
  g_autoptr (GString) urls = g_string_new (NULL);
  struct ifaddrs *addrs = NULL;

  g_return_val_if_fail (HALL_IS_APPLICATION (self), NULL);

  if (self->server == NULL)
    return NULL;

  /* Other PCs need this PC's LAN address, not the 0.0.0.0 it listens on. */
  if (getifaddrs (&addrs) == 0)
    {
      for (struct ifaddrs *a = addrs; a != NULL; a = a->ifa_next)
        {
          char text[INET_ADDRSTRLEN];
          struct sockaddr_in *in;

          if (a->ifa_addr == NULL || a->ifa_addr->sa_family != AF_INET)
            continue;
          in = (struct sockaddr_in *) a->ifa_addr;
          if ((ntohl (in->sin_addr.s_addr) >> 24) == 127)
            continue;
          if (inet_ntop (AF_INET, &in->sin_addr, text, sizeof text) == NULL)
            continue;
          g_string_append_printf (urls, "%shttps://%s:%d", urls->len ? "\n" : "", text,
                                  hall_server_get_port (self->server));
        }
      freeifaddrs (addrs);
    }
  if (urls->len == 0)
    g_string_append_printf (urls, "https://%s:%d", g_get_host_name (), hall_server_get_port (self->server));
  return g_string_free (g_steal_pointer (&urls), FALSE);
}

const char *
hall_application_get_host_fingerprint (HallApplication *self)
{
  g_return_val_if_fail (HALL_IS_APPLICATION (self), NULL);
  return self->host_fingerprint;
}

/* ---- actions ------------------------------------------------------------------------------ */

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  HallApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Xinfang Hall developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Xinfang Hall"),
                        "developer-name", _("The Xinfang Hall developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("The one-stop petition reception hall: queue, register, "
                                      "hand on and follow up every visitor’s matter."),
                        "website", "https://github.com/xinfanghall/xinfang-hall",
                        "issue-url", "https://github.com/xinfanghall/xinfang-hall/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  HallApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
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
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing each window saves its size. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_application_quit (G_APPLICATION (self));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
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
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *mode = hall_application_dup_mode (self);

  if (window == NULL)
    window = GTK_WINDOW (hall_window_new (self));
  gtk_window_present (window);

  if (self->client == NULL && self->busy == 0 && *mode != '\0')
    hall_application_open_async (self, NULL, app_open_cb, NULL);
}

static void
hall_application_startup (GApplication *app)
{
  HallApplication *self = HALL_APPLICATION (app);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (hall_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
}

static void
hall_application_shutdown (GApplication *app)
{
  HallApplication *self = HALL_APPLICATION (app);

  close_hall (self);
  G_APPLICATION_CLASS (hall_application_parent_class)->shutdown (app);
}

static void
hall_application_finalize (GObject *object)
{
  HallApplication *self = HALL_APPLICATION (object);

  close_hall (self);
  g_clear_object (&self->settings);
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
      g_value_set_boolean (value, self->server != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_application_class_init (HallApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = hall_application_finalize;
  object_class->get_property = hall_application_get_property;
  app_class->activate = hall_application_activate;
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
  return data_path ("hall.db");
}

char *
hall_application_get_demo_path (void)
{
  return data_path ("demo.db");
}
