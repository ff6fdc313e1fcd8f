/* hall-application-open.c — making and opening the hall on this PC: a new hall, the demo hall
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "hall-application-private.h"
#include "hall-demo.h"

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

  _hall_application_set_busy (self, FALSE);
  engine = hall_engine_new_finish (result, &error);
  if (engine == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  _hall_application_set_local_hall (self, engine);
  _hall_application_start_hosting (self);
  g_task_return_boolean (task, TRUE);
}

void
hall_application_open_local_async (HallApplication    *self,
                                   GCancellable       *cancellable,
                                   GAsyncReadyCallback callback,
                                   gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *path = hall_application_get_local_path ();

  g_return_if_fail (HALL_IS_APPLICATION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hall_application_open_local_async);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_task_return_new_error (
          task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
          _ ("There is no hall on this PC yet (%s). Start one or join a hall server."), path);
      return;
    }
  g_settings_set_string (self->settings, "mode", "local");
  _hall_application_set_busy (self, TRUE);
  hall_engine_new_async (path, cancellable, open_engine_cb, g_steal_pointer (&task));
}

gboolean
hall_application_open_local_finish (HallApplication *self,
                                    GAsyncResult    *result,
                                    GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* ---- creating this PC's hall -------------------------------------------------------------- */

typedef struct
{
  char       *hall_name;
  char       *username;
  char       *display_name;
  char       *password;
  char       *path;
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
      _hall_application_remove_database (data->path);
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
  GError    *error = NULL;

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

  _hall_application_set_busy (self, FALSE);
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
  CreateData      *data = g_task_get_task_data (task);
  GError          *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      _hall_application_set_busy (self, FALSE);
      create_fail (task, error);
      return;
    }

  g_settings_set_string (self->settings, "mode", "local");
  g_settings_set_string (self->settings, "last-username", data->username);
  _hall_application_set_local_hall (self, data->engine);
  _hall_application_start_hosting (self);
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
      _hall_application_set_busy (g_task_get_source_object (task), FALSE);
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
hall_application_create_local_async (HallApplication    *self,
                                     const char         *hall_name,
                                     const char         *username,
                                     const char         *display_name,
                                     const char         *password,
                                     GCancellable       *cancellable,
                                     GAsyncReadyCallback callback,
                                     gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  GError     *error = NULL;
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
      g_task_return_error (
          task, hall_error_new_literal (HALL_ERROR_CONFLICT, NULL,
                                        _ ("This PC already has a hall. Open it instead.")));
      return;
    }
  if (!_hall_application_ensure_data_dir (&error))
    {
      g_task_return_error (task, error);
      return;
    }

  _hall_application_close_hall (self);
  _hall_application_set_busy (self, TRUE);
  hall_engine_new_async (data->path, cancellable, create_engine_cb, g_steal_pointer (&task));
}

gboolean
hall_application_create_local_finish (HallApplication *self,
                                      GAsyncResult    *result,
                                      GError         **error)
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
  HallApplication       *self = g_task_get_source_object (task);
  HallEngine            *engine = g_task_get_task_data (task);
  const HallDemoAccount *accounts = hall_demo_get_accounts (NULL);
  GError                *error = NULL;

  _hall_application_set_busy (self, FALSE);
  if (!hall_demo_fill_finish (result, &error))
    {
      hall_engine_shutdown (engine);
      g_task_return_error (task, error);
      return;
    }
  g_settings_set_string (self->settings, "mode", "demo");
  g_settings_set_string (self->settings, "last-username", accounts[0].username);
  _hall_application_set_local_hall (self, engine);
  g_task_return_boolean (task, TRUE);
}

static void
demo_engine_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  HallEngine *engine;
  GError     *error = NULL;

  engine = hall_engine_new_finish (result, &error);
  if (engine == NULL)
    {
      _hall_application_set_busy (g_task_get_source_object (task), FALSE);
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

  _hall_application_set_busy (self, FALSE);
  engine = hall_engine_new_finish (result, &error);
  if (engine == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  _hall_application_set_local_hall (self, engine);
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

  info =
      g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return FALSE;
  modified = g_file_info_get_modification_date_time (info);
  if (modified == NULL)
    return FALSE;
  modified_local = g_date_time_to_local (modified);
  return g_date_time_get_year (modified_local) == g_date_time_get_year (now)
         && g_date_time_get_day_of_year (modified_local) == g_date_time_get_day_of_year (now);
}

void
_hall_application_open_demo (HallApplication    *self,
                             gboolean            fresh,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *path = hall_application_get_demo_path ();
  GError          *error = NULL;

  g_task_set_source_tag (task, hall_application_open_demo_async);
  if (!_hall_application_ensure_data_dir (&error))
    {
      g_task_return_error (task, error);
      return;
    }

  _hall_application_close_hall (self);
  _hall_application_set_busy (self, TRUE);
  if (!fresh && g_file_test (path, G_FILE_TEST_EXISTS) && demo_is_from_today (path))
    {
      hall_engine_new_async (path, cancellable, demo_reopen_cb, g_steal_pointer (&task));
      return;
    }
  _hall_application_remove_database (path);
  hall_engine_new_async (path, cancellable, demo_engine_cb, g_steal_pointer (&task));
}

void
hall_application_open_demo_async (HallApplication    *self,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data)
{
  g_return_if_fail (HALL_IS_APPLICATION (self));
  _hall_application_open_demo (self, TRUE, cancellable, callback, user_data);
}

gboolean
hall_application_open_demo_finish (HallApplication *self,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
