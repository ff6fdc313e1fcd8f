/* hall-application.h — the app: its settings, the hall it reaches and the hosting server
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-client.h"

G_BEGIN_DECLS

#define HALL_TYPE_APPLICATION (hall_application_get_type ())

G_DECLARE_FINAL_TYPE (HallApplication, hall_application, HALL, APPLICATION, AdwApplication)

HallApplication *hall_application_new (void);
GSettings       *hall_application_get_settings (HallApplication *self);
/* The hall this app talks to, or NULL before one is opened. */
HallClient *hall_application_get_client (HallApplication *self);
/* "", "local", "remote" or "demo" (the GSettings key). */
char *hall_application_dup_mode (HallApplication *self);
/* Where this PC's own hall lives: g_get_user_data_dir()/xinfang-hall/hall.db. */
char *hall_application_get_local_path (void);
char *hall_application_get_demo_path (void);
/* TRUE while a hall is being opened (the window shows a spinner). */
gboolean hall_application_get_busy (HallApplication *self);

/* Opens the hall the settings name (nothing when "mode" is empty). */
void     hall_application_open_async (HallApplication    *self,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data);
gboolean hall_application_open_finish (HallApplication *self,
                                       GAsyncResult    *result,
                                       GError         **error);

/* Creates this PC's hall: the database, its name and the first admin account (who also holds
 * the hall manager role), then signs that account in. Errors name the field. */
void     hall_application_create_local_async (HallApplication    *self,
                                              const char         *hall_name,
                                              const char         *username,
                                              const char         *display_name,
                                              const char         *password,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
gboolean hall_application_create_local_finish (HallApplication *self,
                                               GAsyncResult    *result,
                                               GError         **error);

/* Makes a new demo hall filled with a realistic day and opens it. */
void     hall_application_open_demo_async (HallApplication    *self,
                                           GCancellable       *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer            user_data);
gboolean hall_application_open_demo_finish (HallApplication *self,
                                            GAsyncResult    *result,
                                            GError         **error);

/* Joins the hall server at @url, trusting the certificate with @fingerprint (NULL for http://). */
void hall_application_join (HallApplication *self,
                            const char      *url,
                            const char      *fingerprint);
/* Opens the hall already on this PC (mode "local"). */
void     hall_application_open_local_async (HallApplication    *self,
                                            GCancellable       *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
gboolean hall_application_open_local_finish (HallApplication *self,
                                             GAsyncResult    *result,
                                             GError         **error);
/* Signs out, closes the hall and goes back to the first-run choice. The database stays. */
void hall_application_forget_hall (HallApplication *self);

/* Serving this PC's hall to the LAN (local mode only). */
gboolean hall_application_set_hosting (HallApplication *self,
                                       gboolean         hosting,
                                       GError         **error);
gboolean hall_application_get_hosting (HallApplication *self);
/* "https://192.168.1.10:8443" (one per line for several addresses), or NULL. */
char       *hall_application_dup_host_urls (HallApplication *self);
const char *hall_application_get_host_fingerprint (HallApplication *self);

G_END_DECLS
