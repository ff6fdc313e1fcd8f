/* hall-papers.h — the papers a hall hands out: the registration receipt, the written notice of
 * the decision (条例 23: 书面告知), the leader's reception record (领导干部接待群众来访登记表) and
 * the kiosk's queue ticket (排队号票)
 *
 * Each builds a HallDocument from what the engine returned (docs/api.md): matter.get's reply
 * for a matter, leader.receive's or leader.reception's "reception" for a record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "hall-document.h"

G_BEGIN_DECLS

/* 信访事项登记回执: the number and the query code the visitor keeps. */
HallDocument *hall_paper_receipt (JsonObject *matter_reply,
                                  const char *hall_name,
                                  const char *today);
/* 受理告知书 / 不予受理告知书 / the guidance of a litigation-related matter. Fails while the matter
 * waits for its decision. */
HallDocument *hall_paper_decision_notice (JsonObject *matter_reply,
                                          const char *hall_name,
                                          const char *today,
                                          GError    **error);
/* 领导干部接待群众来访登记表 */
HallDocument *hall_paper_reception_record (JsonObject *reception,
                                           const char *hall_name);

/* 排队号票, on a roll: the number large, the department and @windows ("1、2号窗口"), the people
 * ahead, the time, and a QR code of the number. @issue_reply is ticket.issue's reply. */
HallDocument *hall_paper_ticket (JsonObject *issue_reply,
                                 const char *hall_name,
                                 const char *windows);
/* What the receipt's QR code holds for the kiosk's status query: "XF2026-000123 483920". */
char *hall_paper_status_code (const char *number,
                              const char *query_code);
/* Reads what a scanner typed from that code (or a person typed alike): TRUE with the number
 * upper-cased and the 6-digit code. */
gboolean hall_paper_parse_status_code (const char *text,
                                       char      **number,
                                       char      **query_code);

/* ---- hall-papers-replies.c: the written answers and the letters about a matter ---- */

/* 信访事项处理意见书 (条例 32): the request, the facts found, the basis and the opinion, and the
 * right to a review (条例 35) by @review_body (the hall's 复查机关; NULL or "": the regulation's
 * own words). @matter_reply is matter.get's reply; fails before the matter is replied to. */
HallDocument *hall_paper_opinion (JsonObject *matter_reply,
                                  const char *hall_name,
                                  const char *review_body,
                                  GError    **error);
/* 复查意见书, with the right to a re-review by the body above the reviewing one (条例 36). */
HallDocument *hall_paper_review_opinion (JsonObject *matter_reply,
                                         const char *hall_name,
                                         const char *review_body,
                                         GError    **error);
/* 复核意见书: final; the same facts and reasons are not taken up again (条例 36). */
HallDocument *hall_paper_rereview_opinion (JsonObject *matter_reply,
                                           const char *hall_name,
                                           GError    **error);
/* 延期告知书 (条例 34): the reason for the extension and the new deadline, from matter.extend's
 * record; fails when the handling period was not extended. */
HallDocument *hall_paper_extension_notice (JsonObject *matter_reply,
                                           const char *hall_name,
                                           GError    **error);
/* 信访事项交办单: the latest assignment's department and deadline, the matter, and how to reach
 * the petitioners (name, phone, address; never an ID number); fails when it was never assigned. */
HallDocument *hall_paper_assignment (JsonObject *matter_reply,
                                     const char *hall_name,
                                     const char *today,
                                     GError    **error);
/* 督办函: @supervision is matter.supervise's "supervision" (what is urged, the feedback's due
 * date, the leader), @matter_reply the matter it is about. */
HallDocument *hall_paper_supervision (JsonObject *matter_reply,
                                      JsonObject *supervision,
                                      const char *hall_name);

/* "2026年11月22日" for "2026-11-22"; the text itself when it is not a date. */
char *hall_paper_format_date (const char *iso_date);

G_END_DECLS
