/* hall-supervision-scheduler.c — looks at the supervision rules of the hall this process owns
 *
 * The rules' time is the engine's clock and the hall calendar's working days: the command
 * decides, this only asks it again. A flag falls due at the start of a day, so a few minutes'
 * delay is no matter; GLib's timeouts follow the monotonic clock, which stops while the PC
 * sleeps, so the scheduler asks every EVERY_SECONDS and not at a computed time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-supervision-scheduler"

#include "config.h"

#include "hall-supervision-scheduler.h"

#define EVERY_SECONDS (5 * 60)

struct _HallSupervisionScheduler
{
  GObject parent_instance;

  HallEngine *engine;
  guint       timeout_id;
  gboolean    running;
};

G_DEFINE_FINAL_TYPE (HallSupervisionScheduler, hall_supervision_scheduler, G_TYPE_OBJECT)

enum
{
  CHECKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
evaluated_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (HallSupervisionScheduler) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_engine_call_finish (HALL_ENGINE (object), result, &error);

  self->running = FALSE;
  if (self->engine == NULL)
    return;
  if (reply == NULL)
    g_message ("Cannot look at the supervision rules: %s", error->message);
  g_signal_emit (self, signals[CHECKED], 0, reply);
}

static gboolean
timeout_cb (gpointer data)
{
  hall_supervision_scheduler_check (data);
  return G_SOURCE_CONTINUE;
}

static void
hall_supervision_scheduler_dispose (GObject *object)
{
  HallSupervisionScheduler *self = HALL_SUPERVISION_SCHEDULER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (hall_supervision_scheduler_parent_class)->dispose (object);
}

static void
hall_supervision_scheduler_class_init (HallSupervisionSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hall_supervision_scheduler_dispose;

  /**
   * HallSupervisionScheduler::checked:
   * @reply: (nullable): supervision.evaluate's answer
   *
   * The rules were looked at, and their flags raised where they hold.
   */
  signals[CHECKED] = g_signal_new ("checked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1,
                                   JSON_TYPE_OBJECT | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
hall_supervision_scheduler_init (HallSupervisionScheduler *self)
{
}

HallSupervisionScheduler *
hall_supervision_scheduler_new (HallEngine *engine)
{
  HallSupervisionScheduler *self;

  g_return_val_if_fail (HALL_IS_ENGINE (engine), NULL);

  self = g_object_new (HALL_TYPE_SUPERVISION_SCHEDULER, NULL);
  self->engine = g_object_ref (engine);
  self->timeout_id = g_timeout_add_seconds (EVERY_SECONDS, timeout_cb, self);
  hall_supervision_scheduler_check (self);
  return self;
}

void
hall_supervision_scheduler_check (HallSupervisionScheduler *self)
{
  g_return_if_fail (HALL_IS_SUPERVISION_SCHEDULER (self));

  if (self->engine == NULL || self->running)
    return;
  self->running = TRUE;
  hall_engine_call_system_async (self->engine, "supervision.evaluate", NULL, NULL, evaluated_cb,
                                 g_object_ref (self));
}
