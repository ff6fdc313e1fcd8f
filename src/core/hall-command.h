/* hall-command.h — what a command handler sees
 *
 * Every operation on the hall is a named command ("counter.call_next") with a JSON object of
 * parameters and a JSON object as result. Handlers run on the engine's worker thread inside
 * the dispatcher's transaction: they read and write through ctx->db, record change-feed events
 * with hall_ctx_emit() and return their result, or NULL with @error set (the dispatcher then
 * rolls back everything the handler wrote).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "hall-db.h"
#include "hall-error.h"

G_BEGIN_DECLS

typedef enum
{
  HALL_ROLE_STAFF = 1 << 0,   /* 窗口工作人员 */
  HALL_ROLE_MANAGER = 1 << 1, /* 大厅值班长 / 导访员 */
  HALL_ROLE_LEADER = 1 << 2,  /* 接访领导 / 包案领导 */
  HALL_ROLE_ADMIN = 1 << 3,
  HALL_ROLE_DISPLAY = 1 << 4,    /* 叫号大屏 */
  HALL_ROLE_KIOSK = 1 << 5,      /* 取号机 */
  HALL_ROLE_RATING_PAD = 1 << 6, /* 评价器: one window's rating pad */
  HALL_ROLE_SYSTEM = 1 << 7,     /* the server's own command line and first-run setup; never a login */
} HallRole;

#define HALL_ROLES_PEOPLE (HALL_ROLE_STAFF | HALL_ROLE_MANAGER | HALL_ROLE_LEADER | HALL_ROLE_ADMIN)
#define HALL_ROLES_ALL \
  (HALL_ROLES_PEOPLE | HALL_ROLE_DISPLAY | HALL_ROLE_KIOSK | HALL_ROLE_RATING_PAD)

/* The roles a session may hold, NULL-terminated, in the order a session picks its role when the
 * client does not say: hall_role_names[i] is the role 1 << i. The one list of them: the UI's
 * names and checks are made from it. */
#define HALL_N_ROLES 7
extern const char *const hall_role_names[HALL_N_ROLES + 1];

const char *hall_role_to_string (HallRole role);
HallRole    hall_role_from_string (const char *str);

typedef enum
{
  HALL_COMMAND_READ = 0,
  HALL_COMMAND_WRITE = 1 << 0,   /* changes state: takes a request_id, emits events */
  HALL_COMMAND_PUBLIC = 1 << 1,  /* no session needed (session.login) */
  HALL_COMMAND_AUDITED = 1 << 2, /* a read that leaves an audit row even when it goes through: it
                                  * looks for people or shows the audit trail itself */
} HallCommandFlags;

typedef struct
{
  gint64      user_id;
  gint64      session_id;
  HallRole    role;          /* the role this session acts in */
  HallRole    roles;         /* every role the account holds */
  gint64      department_id; /* 0 when none */
  gint64      counter_id;    /* the counter this session works at, 0 when none */
  const char *username;
  const char *display_name;
  const char *client_address;
} HallActor;

typedef struct _HallEngine HallEngine;

typedef struct
{
  HallEngine      *engine;
  HallDb          *db;
  const HallActor *actor;
  const char      *command;
  gint64           now;       /* seconds since the epoch */
  GDateTime       *now_local; /* the same instant in the hall's time zone */
  const char      *today;     /* "YYYY-MM-DD" in the hall's time zone */

  /*< private >*/
  GPtrArray *events; /* JsonObject*, broadcast after commit */
  GPtrArray *failure_hooks;
  GTimeZone *tz;
  char      *object_type;
  char      *object_id;
  gboolean   unchanged; /* hall_ctx_set_unchanged() */
} HallCtx;

typedef JsonObject *(*HallCommandFunc) (HallCtx    *ctx,
                                        JsonObject *params,
                                        GError    **error);

typedef struct
{
  const char      *name;
  HallCommandFunc  func;
  guint            roles; /* HallRole bits allowed to call; HALL_ROLE_SYSTEM may call everything */
  HallCommandFlags flags;
} HallCommand;

/* Appends a numbered change-feed event in the current transaction. @payload (transfer full)
 * must hold no personal data: every session, the wall display included, receives every event.
 * Returns the event's seq, or 0 with @error set. */
gint64 hall_ctx_emit (HallCtx    *ctx,
                      const char *kind,
                      JsonObject *payload,
                      GError    **error);
/* A change-feed event as clients receive it: {"seq", "kind", "at"} and the payload's members. */
JsonObject *hall_event_new (gint64      seq,
                            const char *kind,
                            gint64      at,
                            JsonObject *payload);
/* Names the object the command acted on, for its audit row. */
void hall_ctx_set_object (HallCtx    *ctx,
                          const char *type,
                          gint64      id);
/* Says that the write command found nothing to change, so its success leaves no audit row: for
 * the hall's own runs every few minutes (supervision.evaluate raising no flag), which would
 * otherwise fill the trail with rows that record nothing. A person's write is audited even when
 * it changes nothing. */
void hall_ctx_set_unchanged (HallCtx *ctx);
/* An extra audit row: every read of a matter's personal data is recorded. */
gboolean hall_ctx_audit (HallCtx    *ctx,
                         const char *action,
                         const char *object_type,
                         gint64      object_id,
                         GError    **error);
typedef void (*HallCtxFailureFunc) (HallCtx *ctx,
                                    gpointer data);
/* Runs @func after the command failed and its writes were rolled back, still inside the
 * transaction: for what must be kept even so, such as a failed sign-in counting towards lockout. */
void     hall_ctx_on_failure (HallCtx           *ctx,
                              HallCtxFailureFunc func,
                              gpointer           data,
                              GDestroyNotify     destroy);
gboolean hall_ctx_is (HallCtx *ctx,
                      guint    roles);
/* "YYYY-MM-DD" for @unix_time in the hall's time zone. */
char *hall_ctx_date_of (HallCtx *ctx,
                        gint64   unix_time);

/* Parameter readers. Each checks type, presence and limits and on failure sets a
 * HALL_ERROR_INVALID_ARGUMENT naming the field, in words a counter clerk understands. A missing
 * optional member leaves the default in @out. Strings are returned trimmed, and empty counts as
 * missing. */
/* Text longer than this may hold line breaks and tabs (contents, replies, notes, reasons);
 * shorter fields (names, usernames, passwords, codes) are one line. */
#define HALL_PARAM_LINE_MAX 200
/* INVALID_ARGUMENT naming @field unless @value is valid UTF-8 without control characters
 * (newline and tab allowed when @multi_line). hall_param_string() checks every string with it. */
gboolean hall_text_check (const char *value,
                          const char *field,
                          gboolean    multi_line,
                          GError    **error);
gboolean hall_param_string (JsonObject  *params,
                            const char  *name,
                            gboolean     required,
                            guint        max_chars,
                            const char **out,
                            GError     **error);
gboolean hall_param_int (JsonObject *params,
                         const char *name,
                         gboolean    required,
                         gint64      min,
                         gint64      max,
                         gint64     *out,
                         GError    **error);
gboolean hall_param_bool (JsonObject *params,
                          const char *name,
                          gboolean    required,
                          gboolean   *out,
                          GError    **error);
/* @allowed is NULL-terminated. */
gboolean hall_param_enum (JsonObject        *params,
                          const char        *name,
                          gboolean           required,
                          const char *const *allowed,
                          const char       **out,
                          GError           **error);
/* A calendar date "YYYY-MM-DD" that exists. */
gboolean hall_param_date (JsonObject  *params,
                          const char  *name,
                          gboolean     required,
                          const char **out,
                          GError     **error);
gboolean hall_param_array (JsonObject *params,
                           const char *name,
                           gboolean    required,
                           guint       max_len,
                           JsonArray **out,
                           GError    **error);
gboolean hall_param_object (JsonObject  *params,
                            const char  *name,
                            gboolean     required,
                            JsonObject **out,
                            GError     **error);

G_END_DECLS
