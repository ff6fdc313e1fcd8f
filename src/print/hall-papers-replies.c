/* hall-papers-replies.c — the written answers to a petition (处理意见书, 复查意见书, 复核意见书),
 * the notice of an extension (延期告知书) and the letters to departments (交办单, 督办函)
 *
 * The answers and the notice go to the petitioner: names, never an ID number, phone or address.
 * The 交办单 goes to the department that must contact the petitioner: their phone and address,
 * still never the ID number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-papers"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "hall-labels.h"
#include "hall-papers-private.h"
#include "hall-papers.h"

/* One level of written answer: where its parts are in matter.get's matter. */
typedef enum
{
  ANSWER_REPLY,
  ANSWER_REVIEW,
  ANSWER_REREVIEW,
} Answer;

static const struct
{
  const char *prefix; /* the columns: prefix + "_facts", "_basis", "_opinion", "_text" */
  const char *date;
  const char *request; /* what the petitioner asked this level for */
} answers[] = {
  [ANSWER_REPLY] = { "reply", "replied_date", "content" },
  [ANSWER_REVIEW] = { "review", "reviewed_date", "review_reason" },
  [ANSWER_REREVIEW] = { "rereview", "rereviewed_date", "rereview_reason" },
};

static const char *
answer_member (JsonObject *matter,
               Answer      answer,
               const char *part)
{
  g_autofree char *name = g_strconcat (answers[answer].prefix, "_", part, NULL);

  return _hall_papers_member_string (matter, name);
}

static HallDocument *
new_paper (const char *title,
           JsonObject *matter,
           const char *hall_name)
{
  HallDocument    *document = hall_document_new (title);
  g_autofree char *number = NULL;

  if (hall_name != NULL && *hall_name != '\0')
    hall_document_add_note (document, hall_name);
  /* Translators: under the title of a printed paper: the matter's number */
  number = g_strdup_printf (_ ("No. %s"), _hall_papers_member_string (matter, "number"));
  hall_document_add_note (document, number);
  return document;
}

/* The heading rows every answer starts with: who answers, the matter, the petitioners. */
static void
add_matter_fields (HallDocument *document,
                   JsonObject   *matter_reply,
                   JsonObject   *matter)
{
  g_autofree char *names = _hall_papers_petitioner_names (matter_reply);
  g_autofree char *received =
      hall_paper_format_date (_hall_papers_member_string (matter, "received_date"));

  hall_document_add_field (document, C_ ("paper", "Issued by"),
                           _hall_papers_member_string (matter, "department_name"));
  hall_document_add_field (document, C_ ("paper", "Matter number"),
                           _hall_papers_member_string (matter, "number"));
  hall_document_add_field (document, C_ ("paper", "Petitioners"), names);
  hall_document_add_field (document, C_ ("paper", "Received on"), received);
}

static HallDocument *
answer_paper (JsonObject *matter_reply,
              Answer      answer,
              const char *hall_name,
              const char *notice,
              GError    **error)
{
  static const char *const titles[] = {
    /* Translators: the title of 信访事项处理意见书 (条例 32) */
    [ANSWER_REPLY] = N_ ("Written Opinion on a Petition"),
    /* Translators: the title of 信访事项复查意见书 (条例 35) */
    [ANSWER_REVIEW] = N_ ("Written Review Opinion on a Petition"),
    /* Translators: the title of 信访事项复核意见书 (条例 36) */
    [ANSWER_REREVIEW] = N_ ("Written Re-review Opinion on a Petition"),
  };
  JsonObject      *matter;
  HallDocument    *document;
  const char      *opinion, *text;
  g_autofree char *opinion_line = NULL;

  g_return_val_if_fail (matter_reply != NULL, NULL);

  matter = json_object_get_object_member (matter_reply, "matter");
  opinion = answer_member (matter, answer, "opinion");
  if (opinion == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           answer == ANSWER_REPLY
                               ? _ ("The matter has no written reply yet: reply first, then "
                                    "print the opinion.")
                           : answer == ANSWER_REVIEW
                               ? _ ("The matter has no review opinion yet.")
                               : _ ("The matter has no re-review opinion yet."));
      return NULL;
    }

  document = new_paper (_ (titles[answer]), matter, hall_name);
  add_matter_fields (document, matter_reply, matter);

  /* Translators: a heading of a written opinion: what the petitioner asks for (投诉请求) */
  hall_document_add_heading (document, C_ ("paper", "The request"));
  hall_document_add_text (document, _hall_papers_member_string (matter, answers[answer].request));
  /* Translators: a heading of a written opinion: 查明事实 */
  hall_document_add_heading (document, C_ ("paper", "Facts found"));
  hall_document_add_text (document, answer_member (matter, answer, "facts"));
  /* Translators: a heading of a written opinion: the laws and policies relied on (依据) */
  hall_document_add_heading (document, C_ ("paper", "Basis"));
  hall_document_add_text (document, answer_member (matter, answer, "basis"));
  /* Translators: a heading of a written opinion: 处理意见 */
  hall_document_add_heading (document, C_ ("paper", "Opinion"));
  /* Translators: the first line of a written opinion's opinion: "处理意见：支持" */
  opinion_line = g_strdup_printf (_ ("Opinion: %s"), hall_label_opinion (opinion));
  hall_document_add_text (document, opinion_line);
  /* An answer given before the form had three parts keeps its one text here. */
  text = answer_member (matter, answer, "text");
  hall_document_add_text (document, text);

  /* Translators: a heading of a written opinion: what the petitioner may do next */
  hall_document_add_heading (document, C_ ("paper", "Your rights"));
  hall_document_add_text (document, notice);

  _hall_papers_add_issuer (document, hall_name,
                           _hall_papers_member_string (matter, answers[answer].date));
  return document;
}

HallDocument *
hall_paper_opinion (JsonObject *matter_reply,
                    const char *hall_name,
                    const char *review_body,
                    GError    **error)
{
  g_autofree char *notice = NULL;

  if (review_body == NULL || *review_body == '\0')
    /* Translators: who reviews a reply when the hall set no 复查机关 (条例 35) */
    review_body = _ ("the body one level above the one that handled the matter");
  /* Translators: on 处理意见书; %s is the reviewing body (复查机关) */
  notice = g_strdup_printf (
      _ ("If you do not accept this opinion, you may ask %s for a review within 30 days of "
         "receiving it (Article 35 of the Regulation on Petition Work)."),
      review_body);
  return answer_paper (matter_reply, ANSWER_REPLY, hall_name, notice, error);
}

HallDocument *
hall_paper_review_opinion (JsonObject *matter_reply,
                           const char *hall_name,
                           const char *review_body,
                           GError    **error)
{
  g_autofree char *notice = NULL;

  if (review_body != NULL && *review_body != '\0')
    /* Translators: on 复查意见书; %s is the reviewing body (复查机关) */
    notice = g_strdup_printf (
        _ ("If you do not accept this review opinion, you may ask the body one level above %s "
           "for a re-review within 30 days of receiving it (Article 36 of the Regulation on "
           "Petition Work)."),
        review_body);
  else
    /* Translators: on 复查意见书, when the hall set no 复查机关 */
    notice = g_strdup (_ ("If you do not accept this review opinion, you may ask the body one "
                          "level above the reviewing body for a re-review within 30 days of "
                          "receiving it (Article 36 of the Regulation on Petition Work)."));
  return answer_paper (matter_reply, ANSWER_REVIEW, hall_name, notice, error);
}

HallDocument *
hall_paper_rereview_opinion (JsonObject *matter_reply,
                             const char *hall_name,
                             GError    **error)
{
  /* Translators: on 复核意见书: the re-review is final (条例 36) */
  return answer_paper (
      matter_reply, ANSWER_REREVIEW, hall_name,
      _ ("This re-review opinion is final. A petitioner who does not accept it and brings the same "
         "claim again on the same facts and reasons will not have it accepted again (Article 36 "
         "of the Regulation on Petition Work)."),
      error);
}

HallDocument *
hall_paper_extension_notice (JsonObject *matter_reply,
                             const char *hall_name,
                             GError    **error)
{
  JsonObject      *matter;
  HallDocument    *document;
  g_autofree char *names = NULL;
  g_autofree char *received = NULL;
  g_autofree char *due = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  g_autoptr (GDateTime) extended = NULL;
  gint64 days;

  g_return_val_if_fail (matter_reply != NULL, NULL);

  matter = json_object_get_object_member (matter_reply, "matter");
  days = json_object_get_int_member_with_default (matter, "extended_days", 0);
  if (days <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("The handling period of this matter was not extended."));
      return NULL;
    }

  /* Translators: the title of 延期办理告知书 (条例 34) */
  document = new_paper (_ ("Notice of Extension of the Handling Period"), matter, hall_name);
  names = _hall_papers_petitioner_names (matter_reply);
  received = hall_paper_format_date (_hall_papers_member_string (matter, "received_date"));
  due = hall_paper_format_date (_hall_papers_member_string (matter, "handling_due"));
  /* Translators: 延期告知书: names, the day they came, the number, the days added, the reason,
   * the new deadline */
  text = g_strdup_printf (
      _ ("%s:\nThe petition you submitted on %s (No. %s) is complex, and with the approval of the "
         "head of the body handling it, its handling period is extended by %d days (Article 34 of "
         "the Regulation on Petition Work), for this reason: %s\nIt will now be concluded, with "
         "a written reply, by %s."),
      names, received, _hall_papers_member_string (matter, "number"), (int) days,
      _hall_papers_member_string (matter, "extension_reason") ?: "—", due);
  hall_document_add_text (document, text);

  extended = g_date_time_new_from_unix_local (
      json_object_get_int_member_with_default (matter, "extended_at", 0));
  date = g_date_time_format (extended, "%Y-%m-%d");
  _hall_papers_add_issuer (document, hall_name, date);
  return document;
}

/* The latest assignment's lead part, from matter.get's "assignments" (by id, the newest last). */
static JsonObject *
latest_assignment (JsonObject *matter_reply)
{
  JsonArray  *parts = json_object_get_array_member (matter_reply, "assignments");
  JsonObject *latest = NULL;

  for (guint i = 0; parts != NULL && i < json_array_get_length (parts); i++)
    {
      JsonObject *part = json_array_get_object_element (parts, i);

      if (g_strcmp0 (_hall_papers_member_string (part, "role"), "cooperate") != 0)
        latest = part;
    }
  return latest;
}

/* "张伟  13812345678  城关镇建设路8号", one petitioner a line: how the department reaches them. */
static char *
petitioner_contacts (JsonObject *matter_reply)
{
  JsonArray *petitioners = json_object_get_array_member (matter_reply, "petitioners");
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; petitioners != NULL && i < json_array_get_length (petitioners); i++)
    {
      JsonObject *person = json_array_get_object_element (petitioners, i);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      /* Translators: on 交办单: a petitioner's name, phone and address */
      g_string_append_printf (out, _ ("%s, phone %s, address %s"),
                              _hall_papers_member_string (person, "name") ?: "—",
                              _hall_papers_member_string (person, "phone") ?: "—",
                              _hall_papers_member_string (person, "address") ?: "—");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

HallDocument *
hall_paper_assignment (JsonObject *matter_reply,
                       const char *hall_name,
                       const char *today,
                       GError    **error)
{
  JsonObject   *matter, *part;
  JsonArray    *all;
  HallDocument *document;
  g_autoptr (GString) cooperating = g_string_new (NULL);
  g_autofree char *contacts = NULL;
  g_autofree char *received = NULL;
  g_autofree char *deadline = NULL;
  g_autofree char *assigned = NULL;
  gint64           round;

  g_return_val_if_fail (matter_reply != NULL, NULL);

  matter = json_object_get_object_member (matter_reply, "matter");
  part = latest_assignment (matter_reply);
  if (part == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("The matter was never assigned to a department."));
      return NULL;
    }
  round = json_object_get_int_member_with_default (part, "round", 0);
  all = json_object_get_array_member (matter_reply, "assignments");
  for (guint i = 0; i < json_array_get_length (all); i++)
    {
      JsonObject *other = json_array_get_object_element (all, i);

      if (json_object_get_int_member_with_default (other, "round", -1) == round
          && g_strcmp0 (_hall_papers_member_string (other, "role"), "cooperate") == 0)
        {
          if (cooperating->len > 0)
            g_string_append (cooperating, _ (", "));
          g_string_append (cooperating, _hall_papers_member_string (other, "department_name"));
        }
    }

  /* Translators: the title of 信访事项交办单 */
  document = new_paper (_ ("Assignment of a Petition"), matter, hall_name);
  received = hall_paper_format_date (_hall_papers_member_string (matter, "received_date"));
  deadline = hall_paper_format_date (_hall_papers_member_string (part, "deadline"));
  assigned = hall_paper_format_date (_hall_papers_member_string (part, "assigned_date"));
  contacts = petitioner_contacts (matter_reply);

  /* Translators: on 交办单: the department a matter is assigned to (承办单位) */
  hall_document_add_field (document, C_ ("paper", "Handled by"),
                           _hall_papers_member_string (part, "department_name"));
  if (cooperating->len > 0)
    /* Translators: on 交办单: 配合单位 */
    hall_document_add_field (document, C_ ("paper", "Cooperating"), cooperating->str);
  hall_document_add_field (document, C_ ("paper", "Matter number"),
                           _hall_papers_member_string (matter, "number"));
  hall_document_add_field (document, C_ ("paper", "Received on"), received);
  hall_document_add_field (document, C_ ("paper", "Type"),
                           hall_label_type (_hall_papers_member_string (matter, "type")));
  hall_document_add_field (document, C_ ("paper", "Category"),
                           _hall_papers_member_string (matter, "category_name"));
  hall_document_add_field (document, C_ ("paper", "Assigned on"), assigned);
  /* Translators: on 交办单: the date by which the department reports its result (办理时限) */
  hall_document_add_field (document, C_ ("paper", "Report by"), deadline);
  /* Translators: a heading of 交办单: how to reach the petitioners (信访人及联系方式) */
  hall_document_add_heading (document, C_ ("paper", "Petitioners and how to reach them"));
  hall_document_add_text (document, contacts);
  hall_document_add_heading (document, C_ ("paper", "The petition"));
  hall_document_add_text (document, _hall_papers_member_string (matter, "content"));
  /* Translators: a heading of 交办单: what the assigning body asks of the department (交办意见) */
  hall_document_add_heading (document, C_ ("paper", "Instructions"));
  hall_document_add_text (document, _hall_papers_member_string (part, "note"));
  hall_document_add_text (
      document,
      _ ("Please handle this matter according to law, contact the petitioner, and report the "
         "result in writing by the date above. A department that finds the matter is not its "
         "own may object within 5 working days."));
  /* Translators: a line to sign on a printed paper */
  hall_document_add_signature (document, _ ("Received by (signature)"));
  _hall_papers_add_issuer (document, hall_name, today);
  return document;
}

HallDocument *
hall_paper_supervision (JsonObject *matter_reply,
                        JsonObject *supervision,
                        const char *hall_name)
{
  JsonObject      *matter;
  HallDocument    *document;
  g_autofree char *due = NULL;
  g_autofree char *handling_due = NULL;
  g_autofree char *date = NULL;
  g_autofree char *text = NULL;
  g_autoptr (GDateTime) at = NULL;

  g_return_val_if_fail (matter_reply != NULL && supervision != NULL, NULL);

  matter = json_object_get_object_member (matter_reply, "matter");
  /* Translators: the title of 信访事项督办函 */
  document = new_paper (_ ("Supervision Letter on a Petition"), matter, hall_name);
  due = hall_paper_format_date (_hall_papers_member_string (supervision, "due_date"));
  handling_due = hall_paper_format_date (_hall_papers_member_string (matter, "handling_due"));

  hall_document_add_field (document, C_ ("paper", "To"),
                           _hall_papers_member_string (matter, "department_name"));
  hall_document_add_field (document, C_ ("paper", "Matter number"),
                           _hall_papers_member_string (matter, "number"));
  hall_document_add_field (document, C_ ("paper", "State"),
                           hall_label_state (_hall_papers_member_string (matter, "state")));
  /* Translators: on 督办函: the matter's own handling deadline */
  hall_document_add_field (document, C_ ("paper", "Handling deadline"), handling_due);
  /* Translators: on 督办函: the leader who supervises (督办领导) */
  hall_document_add_field (document, C_ ("paper", "Supervised by"),
                           _hall_papers_member_string (supervision, "by_name"));
  hall_document_add_heading (document, C_ ("paper", "The petition"));
  hall_document_add_text (document, _hall_papers_member_string (matter, "content"));
  /* Translators: a heading of 督办函: what the leader urges (督办事项) */
  hall_document_add_heading (document, C_ ("paper", "What is urged"));
  hall_document_add_text (document, _hall_papers_member_string (supervision, "note"));
  /* Translators: 督办函; %s is the date by which the department reports back */
  text = g_strdup_printf (_ ("Please report in writing what was done and the result by %s."), due);
  hall_document_add_text (document, text);

  at = g_date_time_new_from_unix_local (
      json_object_get_int_member_with_default (supervision, "at", 0));
  date = g_date_time_format (at, "%Y-%m-%d");
  _hall_papers_add_issuer (document, hall_name, date);
  return document;
}
