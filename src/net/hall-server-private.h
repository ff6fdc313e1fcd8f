/* hall-server-private.h — what hall-server.c and hall-event-stream.c share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libsoup/soup.h>

#include "hall-server.h"

G_BEGIN_DECLS

typedef struct _HallEventStream HallEventStream;

/* hall-server-http.c: answers (JSON, security headers) and request bodies */
void _hall_server_add_timing (SoupServerMessage      *msg,
                              gint64                  received,
                              gint64                  parsed,
                              const HallEngineTiming *timing,
                              gint64                  called_back);
void _hall_server_respond_json (SoupServerMessage *msg,
                                guint              status,
                                JsonObject        *object);
/* The LAN contract's error shape, with the status of its code. */
void _hall_server_respond_error (SoupServerMessage *msg,
                                 const GError      *error);
/* The same with an HTTP status of its own (405). */
void _hall_server_respond_error_status (SoupServerMessage *msg,
                                        guint              status,
                                        HallErrorCode      code,
                                        const char        *field,
                                        const char        *message);
void _hall_server_respond_stopping (SoupServerMessage *msg);
void _hall_server_respond_simple_error (SoupServerMessage *msg,
                                        HallErrorCode      code,
                                        const char        *field,
                                        const char        *message);
/* The body as a JSON object; empty counts as {}. */
JsonObject *_hall_server_parse_body (SoupServerMessage *msg,
                                     GError           **error);
/* The same for @length bytes at @data (may be NULL when @length is 0): the size limit, UTF-8,
 * the strict check of hall-json-check.c, then json-glib. */
JsonObject *_hall_server_parse_json (const char *data,
                                     gsize       length,
                                     GError    **error);
/* The bearer token (or ?token= from @query), NULL when there is none; FALSE with @error when
 * the header is malformed. */
gboolean _hall_server_get_token (SoupServerMessage *msg,
                                 GHashTable        *query,
                                 char             **token,
                                 GError           **error);

/* hall-server.c */
/* The handlers of /api/v1/. libsoup matches handler paths as plain prefixes, so the change
 * feed's handlers pass on any other path that starts with /api/v1/events. */
void     _hall_server_api_cb (SoupServer        *soup,
                              SoupServerMessage *msg,
                              const char        *path,
                              GHashTable        *query,
                              gpointer           user_data);
gboolean _hall_server_is_stopping (HallServer *self);
/* Counts an engine call whose answer is awaited, so shutdown waits for it. */
void _hall_server_hold (HallServer *self);
void _hall_server_release (HallServer *self);
void _hall_server_add_stream (HallServer      *self,
                              HallEventStream *stream);
void _hall_server_remove_stream (HallServer      *self,
                                 HallEventStream *stream);

/* hall-server-keepalive.c: makes libsoup before 3.4 close a kept-alive connection when the
 * client closes it between two requests */
void _hall_server_keepalive_init (SoupServer *soup);

/* hall-server-framing.c: refuses, at the headers, a body not framed by one plain Content-Length
 * of at most 1 MiB (400, or 413), answering and closing the connection itself; TRUE when it did */
gboolean _hall_server_framing_refused (SoupServerMessage *msg);
void     _hall_server_framing_early_cb (SoupServer        *soup,
                                        SoupServerMessage *msg,
                                        const char        *path,
                                        GHashTable        *query,
                                        gpointer           user_data);

/* hall-json-check.c: one JSON value in standard syntax, nested at most @max_depth deep;
 * @nul_escapes (gsize) gets the offset of every "\u0000" escape in a string */
gboolean _hall_json_check (const char *data,
                           gsize       length,
                           guint       max_depth,
                           GArray     *nul_escapes,
                           GError    **error);

/* hall-event-stream.c: one change-feed subscriber */
void             _hall_event_stream_add_handlers (HallServer *self,
                                                  SoupServer *soup);
HallEventStream *_hall_event_stream_ref (HallEventStream *stream);
void             _hall_event_stream_unref (HallEventStream *stream);
/* The session token the subscriber opened the feed with. */
const char *_hall_event_stream_get_token (HallEventStream *stream);
/* @text is @event serialized, shared by every subscriber. */
void _hall_event_stream_deliver (HallEventStream *stream,
                                 JsonObject      *event,
                                 const char      *text);
void _hall_event_stream_close (HallEventStream *stream,
                               gushort          code,
                               const char      *reason);

G_END_DECLS
