/* hall-application-private.h — what the app's own files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-application.h"
#include "hall-engine.h"
#include "hall-host.h"
#include "hall-scheduler.h"

G_BEGIN_DECLS

struct _HallApplication
{
  AdwApplication parent_instance;

  GSettings  *settings;
  HallEngine *engine; /* the hall in this process (local and demo modes) */
  HallClient *client;
  HallHost   *host; /* "Host this hall for other PCs" */
  /* The hall on this PC (not the demo): its daily backup, and its lock against
   * `xinfang-hall-server restore` (-1 when another process holds it). */
  HallScheduler *backups;
  /* and its supervision rules, looked at every few minutes */
  HallScheduler *supervision;
  int            lock;
  guint          busy;
  gboolean       offer_create; /* --local without a hall on this PC: open on the form that makes one */
  /* A device PC (hall-application-device.c): its window, and what --display & co. asked for */
  GtkWindow *device_window;
  char      *device_request;
  gint64     device_request_counter;
};

void _hall_application_set_busy (HallApplication *self,
                                 gboolean         busy);
void _hall_application_stop_hosting (HallApplication *self);
/* Signs out and drops the client, the engine and the hosting server. */
void _hall_application_close_hall (HallApplication *self);
/* Makes a local client over @engine the app's client. */
void     _hall_application_set_local_hall (HallApplication *self,
                                           HallEngine      *engine);
char    *_hall_application_data_path (const char *name);
gboolean _hall_application_ensure_data_dir (GError **error);
/* Deletes a database file and its -wal, -shm and -journal companions. */
void _hall_application_remove_database (const char *path);
/* Hosts the hall when the settings say so (a toast when it cannot). */
void _hall_application_start_hosting (HallApplication *self);
/* Opens the demo hall: today's one when @fresh is FALSE and it exists, else a new one. */
void _hall_application_open_demo (HallApplication    *self,
                                  gboolean            fresh,
                                  GCancellable       *cancellable,
                                  GAsyncReadyCallback callback,
                                  gpointer            user_data);

/* hall-application-device.c: a PC set up as a device (the calling display …) */
void _hall_application_device_init (HallApplication *self);
void _hall_application_device_startup (HallApplication *self);
void _hall_application_device_handle_options (HallApplication *self,
                                              GVariantDict    *options);
/* Starts the device this PC is set up as, or offers the setup --display & co. asked for;
 * FALSE when this PC is no device (the app opens its window as usual). */
gboolean _hall_application_device_activate (HallApplication *self);

G_END_DECLS
