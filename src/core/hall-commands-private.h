/* hall-commands-private.h — the command tables of each part of the engine
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-command.h"

G_BEGIN_DECLS

#define HALL_SESSION_LIFETIME (12 * 60 * 60)

/* Each table ends with an entry whose name is NULL. */
extern const HallCommand _hall_session_commands[]; /* hall-session.c: sign-in, role switch, feed */
extern const HallCommand _hall_account_commands[]; /* hall-account.c: accounts, audit trail */
extern const HallCommand
                         _hall_setup_commands[];       /* hall-setup.c: hall, departments, counters, categories */
extern const HallCommand _hall_calendar_commands[];    /* hall-calendar.c: working days */
extern const HallCommand _hall_queue_commands[];       /* hall-queue.c: tickets and counters */
extern const HallCommand _hall_matter_commands[];      /* hall-matter.c: petitioners and matters */
extern const HallCommand _hall_search_commands[];      /* hall-search.c: matter.search */
extern const HallCommand _hall_repeat_commands[];      /* hall-matter-repeat.c: similar, link, unlink */
extern const HallCommand _hall_leader_commands[];      /* hall-leader.c: roster, reception, 包案, 督办 */
extern const HallCommand _hall_stats_commands[];       /* hall-stats.c: stats.summary, stats.trace */
extern const HallCommand _hall_outreach_commands[];    /* hall-leader-outreach.c: 下访/约访 */
extern const HallCommand _hall_trend_commands[];       /* hall-stats-daily.c: stats.daily */
extern const HallCommand _hall_dispute_commands[];     /* hall-dispute.c: 矛盾纠纷排查化解 */
extern const HallCommand _hall_ledger_commands[];      /* hall-ledger.c: ledger.list */
extern const HallCommand _hall_admin_commands[];       /* hall-admin.c: hall.backup, hall.check */
extern const HallCommand _hall_backup_commands[];      /* hall-backup.c: the daily backup, the list */
extern const HallCommand _hall_rating_commands[];      /* hall-rating.c: the window rating pads */
extern const HallCommand _hall_supervision_commands[]; /* hall-supervision.c: rules, 约谈/通报 */
extern const HallCommand _hall_display_commands[];     /* hall-display.c: the devices' notice, unlock */
extern const HallCommand _hall_followup_commands[];    /* hall-followup.c: 回访核实 */

/* ---- functions one part of the engine offers the others (run inside a handler's transaction) ----
 */

/* hall-calendar.c. Dates are "YYYY-MM-DD" in the hall's time zone; results are newly allocated.
 * A period of @days calendar days counted from the day after @from; when its last day is not a
 * working day it ends on the next working day (民法典 arts. 201, 203). */
/* hall-setup.c: a department that exists and still works in the hall, or FALSE with an
 * invalid_argument error at @field. */
gboolean _hall_department_check_active (HallCtx    *ctx,
                                        gint64      department_id,
                                        const char *field,
                                        GError    **error);
char    *_hall_calendar_add_days (HallCtx    *ctx,
                                  const char *from,
                                  int         days,
                                  GError    **error);
/* The @n-th working day after @from (the 5-working-day objection period). */
char    *_hall_calendar_add_working_days (HallCtx    *ctx,
                                          const char *from,
                                          int         n,
                                          GError    **error);
gboolean _hall_calendar_is_working_day (HallCtx    *ctx,
                                        const char *date,
                                        gboolean   *working,
                                        GError    **error);

/* hall-petitioner.c. Validates @petitioner ({"name", "id_number", "phone", "sex", "address"};
 * errors name "<field_prefix>.id_number" and so on), finds the person by ID number or creates
 * them, and returns their id. @repeat_visits (may be NULL) gets how many earlier visits or
 * matters the person has. For a kiosk, an ID number on record under another name gives id 0
 * (no petitioner) and @repeat_visits -1, and naming a person by "id" is refused. */
gboolean _hall_petitioner_resolve (HallCtx    *ctx,
                                   JsonObject *petitioner,
                                   const char *field_prefix,
                                   gint64     *petitioner_id,
                                   gint64     *repeat_visits,
                                   GError    **error);

/* Whether the actor may see @petitioner_id, their particulars and history: managers, leaders
 * and the hall itself every person; window staff a person linked to a matter or a ticket they
 * may see (docs/api.md, "Who sees a petitioner"). */
gboolean _hall_petitioner_visible (HallCtx  *ctx,
                                   gint64    petitioner_id,
                                   gboolean *visible,
                                   GError  **error);

/* hall-queue-board.c. Whether the actor may see @ticket's personal fields (its petitioner and
 * note; @ticket as ticket.get returns it): managers, leaders and the hall itself every ticket;
 * window staff their department's, those at or sent to their window, those of a department
 * their window serves and those of a matter they may see. */
gboolean _hall_ticket_visible (HallCtx    *ctx,
                               JsonObject *ticket,
                               gboolean   *visible,
                               GError    **error);

/* hall-matter-assign.c. Assigns (交办) a matter to a department with a deadline, as matter.assign
 * does, with the actor of @ctx. */
gboolean _hall_matter_assign (HallCtx    *ctx,
                              gint64      matter_id,
                              gint64      department_id,
                              const char *deadline,
                              const char *note,
                              GError    **error);
/* One department of an assignment round; @deadline NULL for the matter's handling deadline. */
typedef struct
{
  gint64      department_id;
  const char *deadline;
  const char *note;
} HallAssignSpec;
/* Assigns a matter for a new round: @specs[0] leads (牵头) and becomes responsible for the
 * matter, the others cooperate (配合); all stay open together, and the earlier round's open
 * assignments end as "reassigned". On failure @bad_index (may be NULL) gets the index of the
 * spec at fault (the error names "department_id" or "deadline"), or -1. Emits matter.changed. */
gboolean _hall_matter_assign_round (HallCtx              *ctx,
                                    gint64                matter_id,
                                    const HallAssignSpec *specs,
                                    guint                 n_specs,
                                    int                  *bad_index,
                                    GError              **error);

/* hall-engine.c: after the current batch commits, the worker puts the backup @from back in
 * place of the hall (hall.restore) and answers the call with the outcome. */
void _hall_engine_restore_after_commit (HallEngine *self,
                                        const char *from);

/* hall-rating.c: the window a rating pad account faces (0 when none). */
gboolean _hall_rating_pad_counter (HallDb  *db,
                                   gint64   user_id,
                                   gint64  *counter_id,
                                   GError **error);
/* Binds the rating pad account @user_id to the window @counter_id (errors name "counter_id"). */
gboolean _hall_rating_bind_pad (HallCtx *ctx,
                                gint64   user_id,
                                gint64   counter_id,
                                GError **error);

/* hall-account.c */
JsonObject *_hall_account_describe (HallCtx *ctx,
                                    gint64   user_id,
                                    GError **error);
HallRole    _hall_account_load_roles (HallDb  *db,
                                      gint64   user_id,
                                      GError **error);
char       *_hall_password_hash (const char *password,
                                 GError    **error);

/* hall-session.c: TRUE when @password is @username's and the account may sign in now (not
 * locked, not in lockout); else the same errors as session.login, a wrong password counting
 * towards the lockout. @user_id gets the account's id when there is one (also on failure). */
gboolean _hall_session_check_password (HallCtx    *ctx,
                                       const char *username,
                                       const char *password,
                                       gint64     *user_id,
                                       GError    **error);

G_END_DECLS
