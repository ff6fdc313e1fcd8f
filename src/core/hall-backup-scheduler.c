/* hall-backup-scheduler.c — takes the daily backup of the hall this process owns
 *
 * The decision (is it due, when next) is hall.backup_scheduled's, on the engine's clock; this
 * only asks it again at the time it names. GLib's timeouts follow the monotonic clock, which
 * stops while the PC sleeps and ignores a change of the wall clock, so a wait is cut into
 * pieces of at most MAX_WAIT_SECONDS and the command decides again each time it fires.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-backup-scheduler"

#include "config.h"

#include "hall-backup-scheduler.h"

#define MAX_WAIT_SECONDS (10 * 60)

struct _HallBackupScheduler
{
  GObject parent_instance;

  HallEngine *engine;
  gulong      event_id;
  guint       timeout_id;
  gboolean    running; /* a check is on the engine's queue */
  gboolean    again;   /* and another was asked for meanwhile */
};

G_DEFINE_FINAL_TYPE (HallBackupScheduler, hall_backup_scheduler, G_TYPE_OBJECT)

enum
{
  CHECKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
timeout_cb (gpointer data)
{
  HallBackupScheduler *self = data;

  self->timeout_id = 0;
  hall_backup_scheduler_check (self);
  return G_SOURCE_REMOVE;
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (HallBackupScheduler) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_engine_call_finish (HALL_ENGINE (object), result, &error);

  self->running = FALSE;
  if (self->engine == NULL)
    return;
  if (reply == NULL)
    g_message ("Cannot look whether the daily backup is due: %s", error->message);
  else if (json_object_has_member (reply, "next_at"))
    {
      gint64 wait = json_object_get_int_member (reply, "next_at")
                    - hall_engine_get_now (self->engine);

      g_clear_handle_id (&self->timeout_id, g_source_remove);
      self->timeout_id =
          g_timeout_add_seconds ((guint) CLAMP (wait, 1, MAX_WAIT_SECONDS), timeout_cb, self);
    }
  g_signal_emit (self, signals[CHECKED], 0, reply);
  if (self->again)
    {
      self->again = FALSE;
      hall_backup_scheduler_check (self);
    }
}

static void
engine_event_cb (HallBackupScheduler *self,
                 JsonObject          *event)
{
  /* The admin may have changed the time, the number kept, or turned it off. */
  if (g_strcmp0 (json_object_get_string_member_with_default (event, "kind", NULL), "setup.changed")
      == 0)
    hall_backup_scheduler_check (self);
}

static void
hall_backup_scheduler_dispose (GObject *object)
{
  HallBackupScheduler *self = HALL_BACKUP_SCHEDULER (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_signal_handler (&self->event_id, self->engine);
  g_clear_object (&self->engine);
  G_OBJECT_CLASS (hall_backup_scheduler_parent_class)->dispose (object);
}

static void
hall_backup_scheduler_class_init (HallBackupSchedulerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hall_backup_scheduler_dispose;

  /**
   * HallBackupScheduler::checked:
   * @reply: (nullable): hall.backup_scheduled's answer
   *
   * The schedule was looked at, and the daily backup taken if it was due.
   */
  signals[CHECKED] = g_signal_new ("checked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                   NULL, NULL, G_TYPE_NONE, 1,
                                   JSON_TYPE_OBJECT | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
hall_backup_scheduler_init (HallBackupScheduler *self)
{
}

HallBackupScheduler *
hall_backup_scheduler_new (HallEngine *engine)
{
  HallBackupScheduler *self;

  g_return_val_if_fail (HALL_IS_ENGINE (engine), NULL);

  self = g_object_new (HALL_TYPE_BACKUP_SCHEDULER, NULL);
  self->engine = g_object_ref (engine);
  self->event_id =
      g_signal_connect_swapped (engine, "event", G_CALLBACK (engine_event_cb), self);
  hall_backup_scheduler_check (self);
  return self;
}

void
hall_backup_scheduler_check (HallBackupScheduler *self)
{
  g_return_if_fail (HALL_IS_BACKUP_SCHEDULER (self));

  if (self->engine == NULL)
    return;
  if (self->running)
    {
      self->again = TRUE;
      return;
    }
  self->running = TRUE;
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  hall_engine_call_system_async (self->engine, "hall.backup_scheduled", NULL, NULL, checked_cb,
                                 g_object_ref (self));
}
