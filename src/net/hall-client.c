/* hall-client.c — the behaviour every HallClient shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-client"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-client-private.h"
#include "hall-engine.h"

typedef struct
{
  char       *token;
  JsonObject *user;
  char       *role;
  gint64      counter_id;
  gint64      last_seq;
  gboolean    connected;
} HallClientPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (HallClient, hall_client, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CONNECTED,
  PROP_LAST_SEQ,
  PROP_USER,
  PROP_ROLE,
  PROP_COUNTER_ID,
  N_PROPS
};

enum
{
  EVENT,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint       signals[N_SIGNALS];

/* Sets the session from a session.login or session.switch result. */
static void
take_session (HallClient *self,
              JsonObject *result)
{
  HallClientPrivate *priv = hall_client_get_instance_private (self);
  JsonNode          *counter;

  if (json_object_has_member (result, "token"))
    {
      g_free (priv->token);
      priv->token = g_strdup (json_object_get_string_member (result, "token"));
    }
  if (json_object_has_member (result, "user")
      && JSON_NODE_HOLDS_OBJECT (json_object_get_member (result, "user")))
    {
      g_clear_pointer (&priv->user, json_object_unref);
      priv->user = json_object_ref (json_object_get_object_member (result, "user"));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
    }
  if (json_object_has_member (result, "role"))
    {
      g_free (priv->role);
      priv->role = g_strdup (json_object_get_string_member (result, "role"));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
    }
  counter = json_object_get_member (result, "counter_id");
  if (counter != NULL)
    {
      priv->counter_id = JSON_NODE_HOLDS_VALUE (counter) ? json_node_get_int (counter) : 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTER_ID]);
    }
}

/* Returns the token the session had, for ending it on the hall. */
static char *
drop_session (HallClient *self)
{
  HallClientPrivate *priv = hall_client_get_instance_private (self);
  char              *token = g_steal_pointer (&priv->token);

  if (token != NULL)
    HALL_CLIENT_GET_CLASS (self)->stop_feed (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (priv->user != NULL)
    {
      g_clear_pointer (&priv->user, json_object_unref);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
    }
  if (priv->role != NULL)
    {
      g_clear_pointer (&priv->role, g_free);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
    }
  if (priv->counter_id != 0)
    {
      priv->counter_id = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNTER_ID]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  return token;
}

/* The finish of every call made here that returns a JsonObject, the default send_finish too. */
static JsonObject *
task_propagate_object (HallClient   *self,
                       GAsyncResult *result,
                       GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static gboolean
command_changes_state (const char *command)
{
  const HallCommand *cmd = hall_engine_lookup_command (command);

  /* An unknown command may be one a newer hall knows: a request_id costs nothing there. */
  if (cmd == NULL)
    return TRUE;
  /* A replayed sign-in would hand back a stored token: signing in twice is harmless instead. */
  if (cmd->flags & HALL_COMMAND_PUBLIC)
    return FALSE;
  return (cmd->flags & HALL_COMMAND_WRITE) != 0;
}

/* ---- calls -------------------------------------------------------------------------------- */

typedef struct
{
  char *command;
  char *token;
} CallData;

static void
call_data_free (CallData *data)
{
  g_free (data->command);
  g_free (data->token);
  g_free (data);
}

static void
call_sent_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  HallClient *self = HALL_CLIENT (object);
  g_autoptr (GTask) task = user_data;
  CallData          *data = g_task_get_task_data (task);
  HallClientPrivate *priv = hall_client_get_instance_private (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = NULL;
  gboolean same_session;

  reply = HALL_CLIENT_GET_CLASS (self)->send_finish (self, result, &error);
  same_session = data->token != NULL && g_strcmp0 (data->token, priv->token) == 0;

  if (reply == NULL)
    {
      if (same_session && g_error_matches (error, HALL_ERROR, HALL_ERROR_UNAUTHENTICATED))
        _hall_client_session_lost (self);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (same_session && g_str_equal (data->command, "session.switch"))
    take_session (self, reply);
  else if (same_session && g_str_equal (data->command, "session.logout"))
    g_free (drop_session (self));

  g_task_return_pointer (task, g_steal_pointer (&reply), (GDestroyNotify) json_object_unref);
}

/* ---- sign-in ------------------------------------------------------------------------------ */

static void
login_head_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  HallClient *self = HALL_CLIENT (object);
  g_autoptr (GTask) task = user_data;
  JsonObject        *reply = g_task_get_task_data (task);
  HallClientPrivate *priv = hall_client_get_instance_private (self);
  g_autoptr (GError) error = NULL;
  gint64 head;

  head = HALL_CLIENT_GET_CLASS (self)->head_finish (self, result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (priv->last_seq == 0 && head > 0)
    {
      priv->last_seq = head;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SEQ]);
    }

  g_object_freeze_notify (G_OBJECT (self));
  take_session (self, reply);
  g_object_thaw_notify (G_OBJECT (self));
  json_object_remove_member (reply, "token");

  HALL_CLIENT_GET_CLASS (self)->start_feed (self);
  g_task_return_pointer (task, json_object_ref (reply), (GDestroyNotify) json_object_unref);
}

static void
login_sent_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  HallClient *self = HALL_CLIENT (object);
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  GCancellable *cancellable;
  JsonObject   *reply;

  reply = HALL_CLIENT_GET_CLASS (self)->send_finish (self, result, &error);
  if (reply == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!json_object_has_member (reply, "token"))
    {
      json_object_unref (reply);
      g_task_return_new_error (task, HALL_ERROR, HALL_ERROR_INTERNAL,
                               _ ("The hall server answered the sign-in without a session."));
      return;
    }
  g_task_set_task_data (task, reply, (GDestroyNotify) json_object_unref);

  /* Where the feed starts must be known before the caller hears "signed in", so every change
   * made after that reaches this client. */
  cancellable = g_task_get_cancellable (task);
  HALL_CLIENT_GET_CLASS (self)->head_async (self, cancellable, login_head_cb,
                                            g_steal_pointer (&task));
}

/* ---- GObject ------------------------------------------------------------------------------ */

/* The default head_finish, for a head_async that returns through a GTask. */
static gint64
hall_client_real_head_finish (HallClient   *self,
                              GAsyncResult *result,
                              GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  return g_task_propagate_int (G_TASK (result), error);
}

static void
hall_client_finalize (GObject *object)
{
  HallClientPrivate *priv = hall_client_get_instance_private (HALL_CLIENT (object));

  g_free (priv->token);
  g_clear_pointer (&priv->user, json_object_unref);
  g_free (priv->role);

  G_OBJECT_CLASS (hall_client_parent_class)->finalize (object);
}

static void
hall_client_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HallClient *self = HALL_CLIENT (object);

  switch (prop_id)
    {
    case PROP_CONNECTED:
      g_value_set_boolean (value, hall_client_get_connected (self));
      break;
    case PROP_LAST_SEQ:
      g_value_set_int64 (value, hall_client_get_last_seq (self));
      break;
    case PROP_USER:
      g_value_set_boxed (value, hall_client_get_user (self));
      break;
    case PROP_ROLE:
      g_value_set_string (value, hall_client_get_role (self));
      break;
    case PROP_COUNTER_ID:
      g_value_set_int64 (value, hall_client_get_counter_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_client_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_LAST_SEQ:
      hall_client_set_last_seq (HALL_CLIENT (object), g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_client_class_init (HallClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = hall_client_finalize;
  object_class->get_property = hall_client_get_property;
  object_class->set_property = hall_client_set_property;

  klass->send_finish = task_propagate_object;
  klass->head_finish = hall_client_real_head_finish;

  properties[PROP_CONNECTED] =
      g_param_spec_boolean ("connected", NULL, NULL, FALSE,
                            G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_LAST_SEQ] =
      g_param_spec_int64 ("last-seq", NULL, NULL, 0, G_MAXINT64, 0,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_USER] =
      g_param_spec_boxed ("user", NULL, NULL, JSON_TYPE_OBJECT,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_ROLE] =
      g_param_spec_string ("role", NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_COUNTER_ID] =
      g_param_spec_int64 ("counter-id", NULL, NULL, 0, G_MAXINT64, 0,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * HallClient::event:
   * @event: a #JsonObject {"seq", "kind", "at", ...}
   *
   * A committed change on the hall, in seq order, each once, while signed in.
   */
  signals[EVENT] = g_signal_new ("event", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1,
                                 JSON_TYPE_OBJECT | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
hall_client_init (HallClient *self)
{
}

/* ---- for subclasses ----------------------------------------------------------------------- */

const char *
_hall_client_get_token (HallClient *self)
{
  HallClientPrivate *priv = hall_client_get_instance_private (self);

  return priv->token;
}

void
_hall_client_set_connected (HallClient *self,
                            gboolean    connected)
{
  HallClientPrivate *priv = hall_client_get_instance_private (self);

  connected = !!connected;
  if (priv->connected == connected)
    return;
  priv->connected = connected;
  g_debug ("%s", connected ? "connected" : "disconnected");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTED]);
}

gboolean
_hall_client_deliver_event (HallClient *self,
                            JsonObject *event)
{
  HallClientPrivate *priv = hall_client_get_instance_private (self);
  gint64             seq = json_object_get_int_member_with_default (event, "seq", 0);

  if (seq <= priv->last_seq)
    return FALSE;
  priv->last_seq = seq;
  g_signal_emit (self, signals[EVENT], 0, event);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SEQ]);
  return TRUE;
}

void
_hall_client_session_lost (HallClient *self)
{
  g_free (drop_session (self));
}

/* ---- public API --------------------------------------------------------------------------- */

/**
 * hall_client_call_async:
 * @params: (nullable): the command's parameters; not modified
 *
 * Runs @command on the hall as the signed-in session. A command that changes state gets a fresh
 * "request_id" unless @params has one, so a retried call is done exactly once.
 */
void
hall_client_call_async (HallClient         *self,
                        const char         *command,
                        JsonObject         *params,
                        GCancellable       *cancellable,
                        GAsyncReadyCallback callback,
                        gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (JsonObject) sent = json_object_new ();
  CallData *data;

  g_return_if_fail (HALL_IS_CLIENT (self));
  g_return_if_fail (command != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hall_client_call_async);
  data = g_new0 (CallData, 1);
  data->command = g_strdup (command);
  data->token = g_strdup (_hall_client_get_token (self));
  g_task_set_task_data (task, data, (GDestroyNotify) call_data_free);

  if (params != NULL)
    {
      JsonObjectIter iter;
      const char    *member;
      JsonNode      *value;

      json_object_iter_init (&iter, params);
      while (json_object_iter_next (&iter, &member, &value))
        json_object_set_member (sent, member, json_node_copy (value));
    }
  if (!json_object_has_member (sent, "request_id") && command_changes_state (command))
    {
      g_autofree char *request_id = g_uuid_string_random ();
      json_object_set_string_member (sent, "request_id", request_id);
    }

  HALL_CLIENT_GET_CLASS (self)->send_async (self, data->token, command, sent, cancellable,
                                            call_sent_cb, g_steal_pointer (&task));
}

/**
 * hall_client_call_finish:
 *
 * Returns: (transfer full): the command's result, or NULL with a HALL_ERROR (see
 *   hall_error_get_field() for the parameter to fix)
 */
JsonObject *
hall_client_call_finish (HallClient   *self,
                         GAsyncResult *result,
                         GError      **error)
{
  return task_propagate_object (self, result, error);
}

void
hall_client_login_async (HallClient         *self,
                         const char         *username,
                         const char         *password,
                         const char         *role,
                         gint64              counter_id,
                         GCancellable       *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (JsonObject) params = json_object_new ();
  g_autofree char *old_token = NULL;

  g_return_if_fail (HALL_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hall_client_login_async);

  /* Signing in as someone else ends the previous session first. */
  old_token = drop_session (self);
  if (old_token != NULL)
    HALL_CLIENT_GET_CLASS (self)->send_async (self, old_token, "session.logout", NULL, NULL, NULL,
                                              NULL);

  json_object_set_string_member (params, "username", username ? username : "");
  json_object_set_string_member (params, "password", password ? password : "");
  if (role != NULL)
    json_object_set_string_member (params, "role", role);
  if (counter_id > 0)
    json_object_set_int_member (params, "counter_id", counter_id);

  HALL_CLIENT_GET_CLASS (self)->send_async (self, NULL, "session.login", params, cancellable,
                                            login_sent_cb, g_steal_pointer (&task));
}

/**
 * hall_client_login_finish:
 *
 * Returns: (transfer full): the session.login result without its token, or NULL
 */
JsonObject *
hall_client_login_finish (HallClient   *self,
                          GAsyncResult *result,
                          GError      **error)
{
  return task_propagate_object (self, result, error);
}

static void
logout_sent_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  HallClient *self = HALL_CLIENT (object);
  g_autoptr (GTask) task = user_data;
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (GError) error = NULL;

  reply = HALL_CLIENT_GET_CLASS (self)->send_finish (self, result, &error);
  /* An expired session is as ended as one we end. */
  if (reply == NULL && !g_error_matches (error, HALL_ERROR, HALL_ERROR_UNAUTHENTICATED))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
hall_client_logout_async (HallClient         *self,
                          GCancellable       *cancellable,
                          GAsyncReadyCallback callback,
                          gpointer            user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autofree char *token = NULL;

  g_return_if_fail (HALL_IS_CLIENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, hall_client_logout_async);

  token = drop_session (self);
  if (token == NULL)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  HALL_CLIENT_GET_CLASS (self)->send_async (self, token, "session.logout", NULL, cancellable,
                                            logout_sent_cb, g_steal_pointer (&task));
}

gboolean
hall_client_logout_finish (HallClient   *self,
                           GAsyncResult *result,
                           GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
hall_client_get_connected (HallClient *self)
{
  HallClientPrivate *priv;

  g_return_val_if_fail (HALL_IS_CLIENT (self), FALSE);
  priv = hall_client_get_instance_private (self);
  return priv->connected;
}

gint64
hall_client_get_last_seq (HallClient *self)
{
  HallClientPrivate *priv;

  g_return_val_if_fail (HALL_IS_CLIENT (self), 0);
  priv = hall_client_get_instance_private (self);
  return priv->last_seq;
}

void
hall_client_set_last_seq (HallClient *self,
                          gint64      last_seq)
{
  HallClientPrivate *priv;

  g_return_if_fail (HALL_IS_CLIENT (self));
  g_return_if_fail (last_seq >= 0);

  priv = hall_client_get_instance_private (self);
  if (priv->last_seq == last_seq)
    return;
  priv->last_seq = last_seq;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_SEQ]);
}

JsonObject *
hall_client_get_user (HallClient *self)
{
  HallClientPrivate *priv;

  g_return_val_if_fail (HALL_IS_CLIENT (self), NULL);
  priv = hall_client_get_instance_private (self);
  return priv->user;
}

const char *
hall_client_get_role (HallClient *self)
{
  HallClientPrivate *priv;

  g_return_val_if_fail (HALL_IS_CLIENT (self), NULL);
  priv = hall_client_get_instance_private (self);
  return priv->role;
}

gint64
hall_client_get_counter_id (HallClient *self)
{
  HallClientPrivate *priv;

  g_return_val_if_fail (HALL_IS_CLIENT (self), 0);
  priv = hall_client_get_instance_private (self);
  return priv->counter_id;
}

gboolean
hall_client_is_signed_in (HallClient *self)
{
  HallClientPrivate *priv;

  g_return_val_if_fail (HALL_IS_CLIENT (self), FALSE);
  priv = hall_client_get_instance_private (self);
  return priv->token != NULL;
}
