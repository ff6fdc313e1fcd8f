/* hall-scheduler.c — runs a command of the hall this process owns at once and again later
 *
 * Made by the process that owns the hall (the server, or the app for the hall on this PC), one
 * for the daily backup and one for the supervision rules. The decision (is a backup due, does a
 * rule hold) is the command's, on the engine's clock and the hall's calendar; this only asks it
 * again. GLib's timeouts follow the monotonic clock, which stops while the PC sleeps and ignores
 * a change of the wall clock, so a wait is never longer than max_wait seconds, however far the
 * time the command names ("next_at") is: the command decides again each time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-scheduler"

#include "config.h"

#include "hall-scheduler.h"

struct _HallScheduler
{
  GObject parent_instance;

  HallEngine *engine;
  char       *command;
  guint       max_wait;
  char       *event_kind; /* a change that makes it look at once, or NULL */
  gulong      event_id;
  guint       timeout_id;
  gboolean    running; /* a check is on the engine's queue */
  gboolean    again;   /* and another was asked for meanwhile */
};

G_DEFINE_FINAL_TYPE (HallScheduler, hall_scheduler, G_TYPE_OBJECT)

enum
{
  CHECKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
timeout_cb (gpointer data)
{
  HallScheduler *self = data;

  self->timeout_id = 0;
  hall_scheduler_check (self);
  return G_SOURCE_REMOVE;
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (HallScheduler) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_engine_call_finish (HALL_ENGINE (object), result, &error);
  gint64 wait = self->max_wait;

  self->running = FALSE;
  if (self->engine == NULL)
    return;
  if (reply == NULL)
    g_message ("%s failed: %s", self->command, error->message);
  else if (json_object_has_member (reply, "next_at"))
    wait = json_object_get_int_member (reply, "next_at") - hall_engine_get_now (self->engine);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add_seconds ((guint) CLAMP (wait, 1, self->max_wait), timeout_cb, self);
  g_signal_emit (self, signals[CHECKED], 0, reply);
  if (self->again)
    {
      self->again = FALSE;
      hall_scheduler_check (self);
    }
}

static void
engine_event_cb (HallScheduler *self,
                 JsonObject    *event)
{
  if (g_strcmp0 (json_object_get_string_member_with_default (event, "kind", NULL), self->event_kind)
      == 0)
    hall_scheduler_check (self);
}

static HallScheduler *
hall_scheduler_new (HallEngine *engine,
                    const char *command,
                    guint       max_wait,
                    const char *event_kind)
{
  HallScheduler *self;

  g_return_val_if_fail (HALL_IS_ENGINE (engine), NULL);

  self = g_object_new (HALL_TYPE_SCHEDULER, NULL);
  self->engine = g_object_ref (engine);
  self->command = g_strdup (command);
  self->max_wait = max_wait;
  self->event_kind = g_strdup (event_kind);
  if (event_kind != NULL)
    self->event_id =
        g_signal_connect_swapped (engine, "event", G_CALLBACK (engine_event_cb), self);
  hall_scheduler_check (self);
  return self;
}

static void
hall_scheduler_dispose (GObject *object)
{
  HallScheduler *self = HALL_SCHEDULER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_signal_handler (&self->event_id, self->engine);
  g_clear_object (&self->engine);

  G_OBJECT_CLASS (hall_scheduler_parent_class)->dispose (object);
}

static void
hall_scheduler_finalize (GObject *object)
{
  HallScheduler *self = HALL_SCHEDULER (object);

  g_free (self->command);
  g_free (self->event_kind);

  G_OBJECT_CLASS (hall_scheduler_parent_class)->finalize (object);
}

static void
hall_scheduler_class_init (HallSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hall_scheduler_dispose;
  object_class->finalize = hall_scheduler_finalize;

  /**
   * HallScheduler::checked:
   * @reply: (nullable): the command's answer
   *
   * The command ran: the backup taken if it was due, the rules' flags raised where they hold.
   */
  signals[CHECKED] = g_signal_new ("checked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1,
                                   JSON_TYPE_OBJECT | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
hall_scheduler_init (HallScheduler *self)
{
}

HallScheduler *
hall_scheduler_new_backup (HallEngine *engine)
{
  /* The admin may change the time, the number kept, or turn it off: "setup.changed". */
  return hall_scheduler_new (engine, "hall.backup_scheduled", 10 * 60, "setup.changed");
}

HallScheduler *
hall_scheduler_new_supervision (HallEngine *engine)
{
  /* A flag falls due at the start of a day: a few minutes' delay is no matter. */
  return hall_scheduler_new (engine, "supervision.evaluate", 5 * 60, NULL);
}

void
hall_scheduler_check (HallScheduler *self)
{
  g_return_if_fail (HALL_IS_SCHEDULER (self));

  if (self->engine == NULL)
    return;
  if (self->running)
    {
      self->again = TRUE;
      return;
    }
  self->running = TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  hall_engine_call_system_async (self->engine, self->command, NULL, NULL, checked_cb,
                                 g_object_ref (self));
}
