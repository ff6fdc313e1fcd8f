/* hall-labels.c — the hall's words for the engine's codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "hall-labels.h"

/* A code and its words; @context as C_() takes it, or NULL. */
typedef struct
{
  const char *code;
  const char *context;
  const char *label;
} Label;

static const char *
find_label (const Label *labels,
            gsize        n_labels,
            const char  *code)
{
  for (gsize i = 0; i < n_labels; i++)
    if (g_strcmp0 (code, labels[i].code) == 0)
      return labels[i].context != NULL
                 ? g_dpgettext2 (GETTEXT_PACKAGE, labels[i].context, labels[i].label)
                 : _ (labels[i].label);
  return code != NULL ? code : "";
}

#define FIND(labels, code) find_label (labels, G_N_ELEMENTS (labels), code)

const char *
hall_label_state (const char *state)
{
  static const Label labels[] = {
    /* Translators: matter states */
    { "registered", NULL, N_ ("Waiting for decision") },
    { "accepted", NULL, N_ ("Accepted") },
    { "declined", NULL, N_ ("Not accepted") },
    { "litigation", NULL, N_ ("Litigation-related") },
    { "assigned", NULL, N_ ("Assigned") },
    { "objected", NULL, N_ ("Sent back") },
    { "replied", NULL, N_ ("Replied") },
    { "review", NULL, N_ ("Under review") },
    { "reviewed", NULL, N_ ("Reviewed") },
    { "rereview", NULL, N_ ("Under re-review") },
    { "rereviewed", NULL, N_ ("Re-reviewed") },
    { "closed", NULL, N_ ("Closed") },
  };

  return FIND (labels, state);
}

const char *
hall_label_channel (const char *channel)
{
  static const Label labels[] = {
    { "visit", "channel", NC_ ("channel", "Visit") },
    { "letter", "channel", NC_ ("channel", "Letter") },
    { "online", "channel", NC_ ("channel", "Online") },
    { "phone", "channel", NC_ ("channel", "Phone") },
    { "other", "channel", NC_ ("channel", "Other") },
  };

  return FIND (labels, channel);
}

const char *
hall_label_type (const char *type)
{
  static const Label labels[] = {
    { "suggestion", NULL, N_ ("Suggestion") },
    { "accusation", NULL, N_ ("Report or accusation") },
    { "claim", NULL, N_ ("Appeal or claim") },
  };

  return FIND (labels, type);
}

const char *
hall_label_rating_score (const char *score)
{
  static const Label labels[] = {
    /* Translators: a score the visitor gives on the rating pad: the staff's attitude (态度) */
    { "attitude", "rating", NC_ ("rating", "Attitude") },
    /* Translators: a score on the rating pad: the quality of the service (质量) */
    { "quality", "rating", NC_ ("rating", "Quality") },
    /* Translators: a score on the rating pad: how quickly it was dealt with (效率) */
    { "efficiency", "rating", NC_ ("rating", "Efficiency") },
    /* Translators: a score on the rating pad: integrity and self-discipline (廉洁自律) */
    { "integrity", "rating", NC_ ("rating", "Integrity") },
  };

  return FIND (labels, score);
}

const char *
hall_label_opinion (const char *opinion)
{
  static const Label labels[] = {
    { "support", NULL, N_ ("Supported") },
    { "explain", NULL, N_ ("Explained") },
    { "reject", NULL, N_ ("Not supported") },
    /* a review's or a re-review's opinion of the answer under review (维持 / 变更) */
    { "uphold", NULL, N_ ("Upheld") },
    { "revise", NULL, N_ ("Changed") },
  };

  return FIND (labels, opinion);
}

const char *
hall_label_sex (const char *sex)
{
  static const Label labels[] = {
    { "male", NULL, N_ ("male") },
    { "female", NULL, N_ ("female") },
  };

  return FIND (labels, sex);
}

const char *
hall_label_timeline (const char *kind)
{
  static const Label labels[] = {
    /* Translators: entries of a matter's timeline */
    { "registered", NULL, N_ ("Registered") },
    { "litigation_guided", NULL, N_ ("Guided to the legal windows") },
    { "accepted", NULL, N_ ("Accepted") },
    { "declined", NULL, N_ ("Not accepted") },
    { "assigned", NULL, N_ ("Assigned") },
    { "objected", NULL, N_ ("Objection: sent back") },
    /* Translators: timeline: a cooperating department (配合单位) refused its part */
    { "cooperation_objected", NULL, N_ ("Cooperating department objected") },
    /* Translators: timeline: a note on how the handling goes (办理进展) */
    { "progress_note", NULL, N_ ("Progress note") },
    { "extended", NULL, N_ ("Deadline extended") },
    { "replied", NULL, N_ ("Replied") },
    { "review_requested", NULL, N_ ("Review requested") },
    { "reviewed", NULL, N_ ("Reviewed") },
    { "rereview_requested", NULL, N_ ("Re-review requested") },
    { "rereviewed", NULL, N_ ("Re-reviewed") },
    { "closed", NULL, N_ ("Closed") },
    { "escalated", NULL, N_ ("Escalated to the duty leader") },
    /* Translators: timeline: the duty leader did not receive the visitor that day
       (当日未接访，已过期) */
    { "escalation_lapsed", NULL, N_ ("Not received that day (lapsed)") },
    /* Translators: timeline: after a lapsed escalation the matter stays with its department
       (留原单位办理) */
    { "escalation_left", NULL, N_ ("Left with its department") },
    { "leader_instruction", NULL, N_ ("Leader’s instruction") },
    { "charged", NULL, N_ ("Leader took charge") },
    { "charge_updated", NULL, N_ ("Leader’s charge updated") },
    { "charge_closed", NULL, N_ ("Leader’s charge ended") },
    { "supervised", NULL, N_ ("Flagged for supervision") },
    { "supervision_resolved", NULL, N_ ("Supervision resolved") },
    /* Translators: timeline: a leader's talk (约谈) or notice (通报) names this matter */
    { "talk", NULL, N_ ("Talk or notice") },
    /* Translators: timeline: whether the petitioner went to a higher level was set (越级访) */
    { "escalation_set", NULL, N_ ("Higher level visited recorded") },
    /* Translators: timeline: the petitioner came again about this matter (重复信访) */
    { "repeat_petition", NULL, N_ ("Repeat petition recorded") },
    /* Translators: timeline: linked to another matter (关联事项) */
    { "linked", NULL, N_ ("Linked to a matter") },
    { "unlinked", NULL, N_ ("Link to a matter removed") },
    /* Translators: timeline: a follow-up call after closing (回访) */
    { "followup_call", NULL, N_ ("Follow-up call") },
    /* Translators: timeline: someone is sent to check on site (实地核实) */
    { "followup_check", NULL, N_ ("On-site check assigned") },
    /* Translators: timeline: the on-site check sent the matter back for rectification (整改) */
    { "followup_reopened", NULL, N_ ("Sent back for rectification") },
    /* Translators: timeline: the on-site check confirmed the outcome */
    { "followup_confirmed", NULL, N_ ("Outcome confirmed on site") },
  };

  return FIND (labels, kind);
}

const char *
hall_label_supervision_rule (const char *rule)
{
  static const Label labels[] = {
    /* Translators: the rules that flag a matter for supervision (督办) by themselves */
    { "half_period", NULL, N_ ("Half the period gone without progress") },
    { "silent_department", NULL, N_ ("Cooperating department silent 5 working days") },
    { "due_no_reply", NULL, N_ ("Due within 3 working days, no reply") },
    { "repeat_visit", NULL, N_ ("Repeat visit on an open matter") },
    { "dissatisfied", NULL, N_ ("Dissatisfied at follow-up") },
  };

  return FIND (labels, rule);
}

const char *
hall_label_talk_kind (const char *kind)
{
  /* Translators: 约谈 (a leader's talk with a department's head) and 通报 (a notice to all) */
  if (g_strcmp0 (kind, "notice") == 0)
    return C_ ("talk kind", "Notice");
  return C_ ("talk kind", "Talk");
}

const char *
hall_label_ticket_state (const char *state)
{
  static const Label labels[] = {
    { "waiting", "ticket", NC_ ("ticket", "Waiting") },
    { "called", "ticket", NC_ ("ticket", "Called") },
    { "serving", "ticket", NC_ ("ticket", "Being served") },
    { "held", "ticket", NC_ ("ticket", "On hold") },
    { "no_show", "ticket", NC_ ("ticket", "No-show") },
    { "finished", "ticket", NC_ ("ticket", "Finished") },
  };

  return FIND (labels, state);
}

const char *
hall_label_counter_state (const char *state)
{
  /* Translators: a service window's state */
  if (g_strcmp0 (state, "open") == 0)
    return C_ ("counter state", "Open");
  if (g_strcmp0 (state, "paused") == 0)
    return C_ ("counter state", "Paused");
  return C_ ("counter state", "Closed");
}

const char *
hall_label_command (const char *command)
{
  static const Label labels[] = {
    /* Translators: what a command of the hall did, as the audit trail (操作日志) lists it */
    { "audit.list", "command", NC_ ("command", "Read the audit trail") },
    { "calendar.clear_day", "command", NC_ ("command", "Restore a calendar day") },
    { "calendar.deadline", "command", NC_ ("command", "Work out a deadline") },
    { "calendar.list", "command", NC_ ("command", "Read the calendar") },
    { "calendar.set_day", "command", NC_ ("command", "Set a calendar day") },
    { "category.save", "command", NC_ ("command", "Save a problem category") },
    { "counter.call_next", "command", NC_ ("command", "Call the next visitor") },
    { "counter.close", "command", NC_ ("command", "Close a window") },
    { "counter.open", "command", NC_ ("command", "Open a window") },
    { "counter.pause", "command", NC_ ("command", "Pause a window") },
    { "counter.recall", "command", NC_ ("command", "Call again") },
    { "counter.resume", "command", NC_ ("command", "Resume a window") },
    { "counter.save", "command", NC_ ("command", "Save a window") },
    { "department.save", "command", NC_ ("command", "Save a department") },
    { "events.since", "command", NC_ ("command", "Catch up with changes") },
    { "followup.check_assign", "command", NC_ ("command", "Send someone to check on site") },
    { "followup.check_finding", "command", NC_ ("command", "Record an on-site check’s finding") },
    { "followup.list", "command", NC_ ("command", "List follow-ups") },
    { "followup.record", "command", NC_ ("command", "Record a follow-up call") },
    { "hall.backup", "command", NC_ ("command", "Back up the hall") },
    { "hall.backup_list", "command", NC_ ("command", "List the backups") },
    { "hall.backup_scheduled", "command", NC_ ("command", "Daily backup") },
    { "hall.check", "command", NC_ ("command", "Check the database") },
    { "hall.configure", "command", NC_ ("command", "Change the hall’s settings") },
    { "hall.info", "command", NC_ ("command", "Read the hall’s settings") },
    { "hall.restore", "command", NC_ ("command", "Restore a backup") },
    { "hall.setup", "command", NC_ ("command", "Set up the hall") },
    { "hall.snapshot", "command", NC_ ("command", "Read the hall board") },
    { "leader.call", "command", NC_ ("command", "Call a visitor in (leader)") },
    { "leader.charge", "command", NC_ ("command", "Take charge of a matter") },
    { "leader.charge_get", "command", NC_ ("command", "Read a charged matter") },
    { "leader.charge_update", "command", NC_ ("command", "Update a charged matter") },
    { "leader.charges", "command", NC_ ("command", "List charged matters") },
    { "leader.duty", "command", NC_ ("command", "Change the duty roster") },
    { "leader.escalation_leave", "command", NC_ ("command", "Leave a matter with its department") },
    { "leader.escalations", "command", NC_ ("command", "List escalations") },
    { "leader.queue", "command", NC_ ("command", "Read the leader’s queue") },
    { "leader.receive", "command", NC_ ("command", "Record a leader’s reception") },
    { "leader.reception", "command", NC_ ("command", "Read a reception record") },
    { "leader.receptions", "command", NC_ ("command", "List reception records") },
    { "leader.roster", "command", NC_ ("command", "Read the duty roster") },
    { "leader.supervision", "command", NC_ ("command", "Read supervision") },
    { "leader.forecast", "command", NC_ ("command", "Read the week’s forecast") },
    { "leader.talk", "command", NC_ ("command", "Record a talk or notice") },
    { "leader.talks", "command", NC_ ("command", "List talks and notices") },
    { "supervision.evaluate", "command", NC_ ("command", "Apply the supervision rules") },
    { "leader.today", "command", NC_ ("command", "Read today’s duty leader") },
    { "matter.accept", "command", NC_ ("command", "Accept a matter") },
    { "matter.assign", "command", NC_ ("command", "Assign a matter") },
    { "matter.close", "command", NC_ ("command", "Close a matter") },
    { "matter.decline", "command", NC_ ("command", "Decline a matter") },
    { "matter.due", "command", NC_ ("command", "List deadlines") },
    { "matter.escalate", "command", NC_ ("command", "Escalate to the duty leader") },
    { "matter.extend", "command", NC_ ("command", "Extend the deadline") },
    { "matter.get", "command", NC_ ("command", "Read a matter") },
    { "matter.list", "command", NC_ ("command", "List matters") },
    { "matter.note", "command", NC_ ("command", "Add a progress note") },
    { "matter.object", "command", NC_ ("command", "Object to an assignment") },
    { "matter.read_personal", "command", NC_ ("command", "Read a petitioner’s particulars") },
    { "matter.register", "command", NC_ ("command", "Register a matter") },
    { "matter.reply", "command", NC_ ("command", "Reply to a matter") },
    { "matter.rereview_reply", "command", NC_ ("command", "Give the re-review opinion") },
    { "matter.rereview_request", "command", NC_ ("command", "Request a re-review") },
    { "matter.review_reply", "command", NC_ ("command", "Give the review opinion") },
    { "matter.review_request", "command", NC_ ("command", "Request a review") },
    { "matter.search", "command", NC_ ("command", "Search matters") },
    { "matter.search.result", "command", NC_ ("command", "Matter found by a search") },
    { "matter.supervise", "command", NC_ ("command", "Flag for supervision") },
    { "petitioner.lookup", "command", NC_ ("command", "Look up a petitioner") },
    { "petitioner.read_personal", "command",
      NC_ ("command", "Read a petitioner’s particulars (lookup)") },
    { "leader_reception.read_personal", "command",
      NC_ ("command", "Read a reception record’s particulars") },
    { "rating.alerts", "command", NC_ ("command", "List dissatisfied ratings") },
    { "rating.bind", "command", NC_ ("command", "Choose a rating pad’s window") },
    { "rating.follow_up", "command", NC_ ("command", "Mark a rating followed up") },
    { "rating.list", "command", NC_ ("command", "List ratings") },
    { "rating.pending", "command", NC_ ("command", "Read the service to rate") },
    { "rating.submit", "command", NC_ ("command", "Rate a service (rating pad)") },
    { "rating.summary", "command", NC_ ("command", "Read the rating figures") },
    { "session.login", "command", NC_ ("command", "Sign in") },
    { "session.logout", "command", NC_ ("command", "Sign out") },
    { "session.switch", "command", NC_ ("command", "Switch role") },
    { "session.whoami", "command", NC_ ("command", "Read the session") },
    { "stats.summary", "command", NC_ ("command", "Read the statistics") },
    { "status.query", "command", NC_ ("command", "Status query (kiosk)") },
    { "ticket.finish", "command", NC_ ("command", "Finish a visit") },
    { "ticket.get", "command", NC_ ("command", "Read a ticket") },
    { "ticket.hold", "command", NC_ ("command", "Put a visitor on hold") },
    { "ticket.issue", "command", NC_ ("command", "Issue a ticket") },
    { "ticket.list", "command", NC_ ("command", "List the queue") },
    { "ticket.no_show", "command", NC_ ("command", "Mark a no-show") },
    { "ticket.prioritize", "command", NC_ ("command", "Move to the front") },
    { "ticket.reactivate", "command", NC_ ("command", "Reactivate a ticket") },
    { "ticket.resume", "command", NC_ ("command", "Resume a held visitor") },
    { "ticket.start", "command", NC_ ("command", "Start serving") },
    { "ticket.transfer", "command", NC_ ("command", "Transfer a visitor") },
    { "user.create", "command", NC_ ("command", "Create an account") },
    { "user.list", "command", NC_ ("command", "List accounts") },
    { "user.set_locked", "command", NC_ ("command", "Lock or unlock an account") },
    { "user.set_password", "command", NC_ ("command", "Reset a password") },
    { "user.update", "command", NC_ ("command", "Change an account") },
  };

  return FIND (labels, command);
}

const char *
hall_label_code (const char *kind,
                 const char *code)
{
  static const struct
  {
    const char *kind;
    Label       label;
  } labels[] = {
    /* Translators: where a screened dispute was found (排查来源) */
    { "source", { "community", NULL, N_ ("Community") } },
    { "source", { "grid", NULL, N_ ("Grid") } },
    { "source", { "department", NULL, N_ ("Department") } },
    /* Translators: kinds of dispute (纠纷类型) */
    { "dispute_type", { "wages", NULL, N_ ("Unpaid wages") } },
    { "dispute_type", { "property", NULL, N_ ("Real estate") } },
    { "dispute_type", { "neighbour", NULL, N_ ("Neighbours") } },
    { "dispute_type", { "land", NULL, N_ ("Land and requisition") } },
    { "dispute_type", { "family", NULL, N_ ("Marriage and family") } },
    { "dispute_type", { "environment", NULL, N_ ("Environment") } },
    { "dispute_type", { "other", NULL, N_ ("Other") } },
    /* Translators: risk levels (风险等级) */
    { "risk", { "high", NULL, N_ ("High") } },
    { "risk", { "medium", NULL, N_ ("Medium") } },
    { "risk", { "low", NULL, N_ ("Low") } },
    /* Translators: states of a screened dispute */
    { "dispute_state", { "screening", NULL, N_ ("Screening") } },
    { "dispute_state", { "resolving", NULL, N_ ("Being resolved") } },
    { "dispute_state", { "resolved", NULL, N_ ("Resolved") } },
    { "dispute_state", { "controlled", NULL, N_ ("Kept stable") } },
    /* Translators: outcomes of a leader's reception */
    { "outcome", { "resolved", NULL, N_ ("Answered and resolved on the spot") } },
    { "outcome", { "assigned", NULL, N_ ("Assigned") } },
    { "outcome", { "forwarded", NULL, N_ ("Forwarded") } },
    { "outcome", { "explained", NULL, N_ ("Explained") } },
    /* Translators: a reception recorded before outcomes were, counted apart */
    { "outcome", { "unrecorded", NULL, N_ ("Outcome not recorded") } },
    /* Translators: the higher level a petitioner already went to (越级访) */
    { "escalation", { "city", NULL, N_ ("To the city") } },
    { "escalation", { "province", NULL, N_ ("To the province") } },
    { "escalation", { "capital", NULL, N_ ("To Beijing") } },
    /* Translators: a leader's duty slot */
    { "slot", { "day", NULL, N_ ("All day") } },
    { "slot", { "am", NULL, N_ ("Morning") } },
    { "slot", { "pm", NULL, N_ ("Afternoon") } },
    { "satisfaction", { "satisfied", NULL, N_ ("Satisfied") } },
    { "satisfaction", { "basic", NULL, N_ ("Basically satisfied") } },
    { "satisfaction", { "dissatisfied", NULL, N_ ("Dissatisfied") } },
    { "satisfaction", { "none", NULL, N_ ("Not rated") } },
    /* Translators: how a follow-up call went (回访: 已接通 / 未接通 / 空号 / 拒绝回访) */
    { "followup_result", { "reached", NULL, N_ ("Reached the petitioner") } },
    { "followup_result", { "no_answer", NULL, N_ ("No answer") } },
    { "followup_result", { "empty_number", NULL, N_ ("Number not in service") } },
    { "followup_result", { "refused", NULL, N_ ("Refused the follow-up") } },
    /* Translators: how the petitioner was followed up (回访方式) */
    { "followup_method", { "phone", NULL, N_ ("Phone") } },
    { "followup_method", { "visit", NULL, N_ ("Home visit") } },
    { "followup_method", { "sms", NULL, N_ ("Text message") } },
    /* Translators: where a follow-up came from */
    { "followup_source", { "closed", NULL, N_ ("Closed") } },
    { "followup_source", { "leader", NULL, N_ ("Leader reception") } },
    { "followup_source", { "rating", NULL, N_ ("Dissatisfied rating") } },
    { "followup_source", { "rectified", NULL, N_ ("Rectified") } },
    /* Translators: the state of a follow-up */
    { "followup_state", { "open", NULL, N_ ("To call") } },
    { "followup_state", { "check", NULL, N_ ("On-site check") } },
    { "followup_state", { "rectifying", NULL, N_ ("Being rectified") } },
    { "followup_state", { "done", NULL, N_ ("Done") } },
    { "followup_state", { "unreachable", NULL, N_ ("Unreachable") } },
    { "followup_state", { "refused", NULL, N_ ("Refused") } },
    { "followup_state", { "rectified", NULL, N_ ("Rectified, called again") } },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].kind, kind) && g_strcmp0 (labels[i].label.code, code) == 0)
      return _ (labels[i].label.label);
  return code != NULL ? code : "";
}
