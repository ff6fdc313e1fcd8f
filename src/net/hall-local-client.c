/* hall-local-client.c — the hall in this process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-local-client"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-client-private.h"
#include "hall-local-client.h"

#define CATCH_UP_PAGE 1000

struct _HallLocalClient
{
  HallClient parent_instance;

  HallEngine *engine;
  gulong      event_handler;

  gboolean feeding;
  /* While the feed replays what it missed from the database, live events wait here. */
  GCancellable *catch_up;
  GQueue        pending;
};

G_DEFINE_FINAL_TYPE (HallLocalClient, hall_local_client, HALL_TYPE_CLIENT)

enum
{
  PROP_0,
  PROP_ENGINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
flush_pending (HallLocalClient *self)
{
  JsonObject *event;

  while ((event = g_queue_pop_head (&self->pending)) != NULL)
    {
      _hall_client_deliver_event (HALL_CLIENT (self), event);
      json_object_unref (event);
    }
}

static void catch_up (HallLocalClient *self);

typedef struct
{
  HallLocalClient *self;
  GCancellable    *cancellable;
} CatchUp;

static void
catch_up_free (CatchUp *data)
{
  g_object_unref (data->self);
  g_object_unref (data->cancellable);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CatchUp, catch_up_free)

static void
catch_up_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (CatchUp) data = user_data;
  HallLocalClient *self = data->self;
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (GError) error = NULL;
  JsonArray *events;

  reply = hall_engine_call_finish (HALL_ENGINE (object), result, &error);
  /* The feed stopped (or restarted) meanwhile. */
  if (self->catch_up != data->cancellable)
    return;
  g_clear_object (&self->catch_up);

  if (reply == NULL)
    {
      g_debug ("Cannot read the change feed: %s", error->message);
      flush_pending (self);
      return;
    }

  events = json_object_get_array_member (reply, "events");
  for (guint i = 0; i < json_array_get_length (events); i++)
    _hall_client_deliver_event (HALL_CLIENT (self), json_array_get_object_element (events, i));

  if (json_object_get_boolean_member_with_default (reply, "more", FALSE))
    catch_up (self);
  else
    flush_pending (self);
}

static void
catch_up (HallLocalClient *self)
{
  g_autoptr (JsonObject) params = json_object_new ();
  CatchUp *data = g_new0 (CatchUp, 1);

  json_object_set_int_member (params, "since", hall_client_get_last_seq (HALL_CLIENT (self)));
  json_object_set_int_member (params, "limit", CATCH_UP_PAGE);
  self->catch_up = g_cancellable_new ();
  data->self = g_object_ref (self);
  data->cancellable = g_object_ref (self->catch_up);
  hall_engine_call_async (self->engine, _hall_client_get_token (HALL_CLIENT (self)), "events.since",
                          params, "local", self->catch_up, catch_up_cb, data);
}

static void
engine_event_cb (HallEngine      *engine,
                 JsonObject      *event,
                 HallLocalClient *self)
{
  if (!self->feeding)
    return;
  if (self->catch_up != NULL)
    g_queue_push_tail (&self->pending, json_object_ref (event));
  else
    _hall_client_deliver_event (HALL_CLIENT (self), event);
}

/* ---- HallClient --------------------------------------------------------------------------- */

static void
local_sent_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  JsonObject *reply;

  reply = hall_engine_call_finish (HALL_ENGINE (object), result, &error);
  if (reply == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, reply, (GDestroyNotify) json_object_unref);
}

static void
hall_local_client_send_async (HallClient         *client,
                              const char         *token,
                              const char         *command,
                              JsonObject         *params,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  HallLocalClient *self = HALL_LOCAL_CLIENT (client);
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr (JsonObject) empty = NULL;

  g_task_set_source_tag (task, hall_local_client_send_async);
  if (params == NULL)
    params = empty = json_object_new ();
  hall_engine_call_async (self->engine, token, command, params, "local", cancellable, local_sent_cb,
                          g_steal_pointer (&task));
}

static void
hall_local_client_head_async (HallClient         *client,
                              GCancellable       *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer            user_data)
{
  HallLocalClient *self = HALL_LOCAL_CLIENT (client);
  g_autoptr (GTask) task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, hall_local_client_head_async);
  g_task_return_int (task, hall_engine_get_last_seq (self->engine));
}

static void
hall_local_client_stop_feed (HallClient *client)
{
  HallLocalClient *self = HALL_LOCAL_CLIENT (client);

  self->feeding = FALSE;
  g_cancellable_cancel (self->catch_up);
  g_clear_object (&self->catch_up);
  g_queue_clear_full (&self->pending, (GDestroyNotify) json_object_unref);
}

static void
hall_local_client_start_feed (HallClient *client)
{
  HallLocalClient *self = HALL_LOCAL_CLIENT (client);

  hall_local_client_stop_feed (client);
  self->feeding = TRUE;
  if (hall_client_get_last_seq (client) < hall_engine_get_last_seq (self->engine))
    catch_up (self);
}

/* ---- GObject ------------------------------------------------------------------------------ */

static void
hall_local_client_constructed (GObject *object)
{
  HallLocalClient *self = (HallLocalClient *) object;

  G_OBJECT_CLASS (hall_local_client_parent_class)->constructed (object);

  g_assert (self->engine != NULL);
  self->event_handler =
      g_signal_connect (self->engine, "event", G_CALLBACK (engine_event_cb), self);
  _hall_client_set_connected (HALL_CLIENT (self), TRUE);
}

static void
hall_local_client_dispose (GObject *object)
{
  HallLocalClient *self = (HallLocalClient *) object;

  hall_local_client_stop_feed (HALL_CLIENT (self));
  if (self->engine != NULL)
    g_clear_signal_handler (&self->event_handler, self->engine);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (hall_local_client_parent_class)->dispose (object);
}

static void
hall_local_client_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  HallLocalClient *self = HALL_LOCAL_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      g_value_set_object (value, self->engine);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_local_client_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  HallLocalClient *self = HALL_LOCAL_CLIENT (object);

  switch (prop_id)
    {
    case PROP_ENGINE:
      self->engine = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_local_client_class_init (HallLocalClientClass *klass)
{
  GObjectClass    *object_class = G_OBJECT_CLASS (klass);
  HallClientClass *client_class = HALL_CLIENT_CLASS (klass);

  object_class->constructed = hall_local_client_constructed;
  object_class->dispose = hall_local_client_dispose;
  object_class->get_property = hall_local_client_get_property;
  object_class->set_property = hall_local_client_set_property;

  properties[PROP_ENGINE] =
      g_param_spec_object ("engine", NULL, NULL, HALL_TYPE_ENGINE,
                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  client_class->send_async = hall_local_client_send_async;
  client_class->head_async = hall_local_client_head_async;
  client_class->start_feed = hall_local_client_start_feed;
  client_class->stop_feed = hall_local_client_stop_feed;
}

static void
hall_local_client_init (HallLocalClient *self)
{
  g_queue_init (&self->pending);
}

/* ---- public API --------------------------------------------------------------------------- */

HallClient *
hall_local_client_new (HallEngine *engine)
{
  g_return_val_if_fail (HALL_IS_ENGINE (engine), NULL);
  return g_object_new (HALL_TYPE_LOCAL_CLIENT, "engine", engine, NULL);
}

HallEngine *
hall_local_client_get_engine (HallLocalClient *self)
{
  g_return_val_if_fail (HALL_IS_LOCAL_CLIENT (self), NULL);
  return self->engine;
}
