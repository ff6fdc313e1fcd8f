/* hall-papers.c — the papers a hall hands out
 *
 * Only what the paper's reader needs: names, never an ID number on what the visitor takes home
 * (the reception record is the office's own file and carries the particulars the form asks for).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-papers"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <stdio.h>

#include "hall-labels.h"
#include "hall-papers-private.h"
#include "hall-papers.h"

const char *
_hall_papers_member_string (JsonObject *object,
                            const char *name)
{
  if (object == NULL || !json_object_has_member (object, name)
      || json_object_get_null_member (object, name))
    return NULL;
  return json_object_get_string_member_with_default (object, name, NULL);
}

static char *
member_int_text (JsonObject *object,
                 const char *name)
{
  if (object == NULL || !json_object_has_member (object, name)
      || json_object_get_null_member (object, name))
    return NULL;
  return g_strdup_printf ("%lld", (long long) json_object_get_int_member (object, name));
}

char *
hall_paper_format_date (const char *iso_date)
{
  if (iso_date == NULL || *iso_date == '\0')
    return g_strdup ("");
  if (strlen (iso_date) == 10)
    {
      int year = 0, month = 0, day = 0;

      if (sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day) == 3
          && g_date_valid_dmy (day, month, year))
        {
          /* Translators: a date on a printed paper: year, month, day, e.g. "2026年11月22日" */
          return g_strdup_printf (_ ("%1$d-%2$02d-%3$02d"), year, month, day);
        }
    }
  return g_strdup (iso_date);
}

char *
_hall_papers_petitioner_names (JsonObject *reply)
{
  JsonArray *petitioners = json_object_get_array_member (reply, "petitioners");
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; petitioners != NULL && i < json_array_get_length (petitioners); i++)
    {
      JsonObject *person = json_array_get_object_element (petitioners, i);
      const char *name = _hall_papers_member_string (person, "name");

      if (name == NULL)
        continue;
      if (names->len > 0)
        /* Translators: between two names in a list of people */
        g_string_append (names, _ (", "));
      if (g_strcmp0 (_hall_papers_member_string (person, "role"), "representative") == 0)
        /* Translators: a representative of a collective visit, after the name */
        g_string_append_printf (names, _ ("%s (representative)"), name);
      else
        g_string_append (names, name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

void
_hall_papers_add_issuer (HallDocument *document,
                         const char   *hall_name,
                         const char   *today)
{
  g_autofree char *day = hall_paper_format_date (today);

  hall_document_add_note (document, hall_name);
  hall_document_add_note (document, day);
}

HallDocument *
hall_paper_receipt (JsonObject *matter_reply,
                    const char *hall_name,
                    const char *today)
{
  JsonObject      *matter;
  HallDocument    *document;
  g_autofree char *number = NULL;
  g_autofree char *names = NULL;
  g_autofree char *persons = NULL;
  g_autofree char *received = NULL;
  g_autofree char *counter = NULL;
  g_autofree char *first = NULL;
  g_autofree char *due = NULL;
  g_autofree char *notice = NULL;

  g_return_val_if_fail (matter_reply != NULL, NULL);

  matter = json_object_get_object_member (matter_reply, "matter");
  /* Translators: the title of the paper a visitor takes home after registering a petition */
  document = hall_document_new (_ ("Petition Registration Receipt"));
  /* Translators: under the title of a printed paper: the matter's number */
  number = g_strdup_printf (_ ("No. %s"), _hall_papers_member_string (matter, "number"));
  hall_document_add_note (document, number);

  names = _hall_papers_petitioner_names (matter_reply);
  persons = member_int_text (matter, "persons");
  received = hall_paper_format_date (_hall_papers_member_string (matter, "received_date"));
  counter = member_int_text (matter, "first_counter_number");
  if (counter != NULL)
    /* Translators: on a receipt: the first receiver, "3号窗口 · 张三" */
    first = g_strdup_printf (_ ("Window %s · %s"), counter,
                             _hall_papers_member_string (matter, "first_user_name") ?: "—");
  else
    first = g_strdup (_hall_papers_member_string (matter, "first_user_name"));

  hall_document_add_field (document, C_ ("paper", "Query code"),
                           _hall_papers_member_string (matter, "query_code"));
  {
    g_autofree char *scan = hall_paper_status_code (_hall_papers_member_string (matter, "number"),
                                                    _hall_papers_member_string (matter, "query_code"));

    if (scan != NULL)
      hall_document_add_qr (document, scan);
  }
  hall_document_add_field (document, C_ ("paper", "Petitioners"), names);
  hall_document_add_field (document, C_ ("paper", "Persons"), persons);
  hall_document_add_field (document, C_ ("paper", "Received on"), received);
  hall_document_add_field (document, C_ ("paper", "Channel"),
                           hall_label_channel (_hall_papers_member_string (matter, "channel")));
  hall_document_add_field (document, C_ ("paper", "Type"),
                           hall_label_type (_hall_papers_member_string (matter, "type")));
  hall_document_add_field (document, C_ ("paper", "Category"),
                           _hall_papers_member_string (matter, "category_name"));
  hall_document_add_field (document, C_ ("paper", "Responsible department"),
                           _hall_papers_member_string (matter, "department_name"));
  hall_document_add_field (document, C_ ("paper", "Received by"), first);

  hall_document_add_heading (document, C_ ("paper", "The petition"));
  hall_document_add_text (document, _hall_papers_member_string (matter, "content"));

  hall_document_add_heading (document, C_ ("paper", "What happens next"));
  if (json_object_get_boolean_member_with_default (matter, "litigation", FALSE))
    notice = g_strdup (_ (
        "This matter concerns litigation. Under the separation of litigation from petitions it is "
        "not "
        "accepted as a petition: please bring it to the public security, procuratorate, court or "
        "justice windows of this hall, which will handle it according to law."));
  else
    {
      due = hall_paper_format_date (_hall_papers_member_string (matter, "decision_due"));
      /* Translators: on a receipt; %s is the date by which the decision is due */
      notice = g_strdup_printf (
          _ ("Your petition is registered. Whether it is accepted will be told to you in writing "
             "by %s (within 15 days, Article 23 of the Regulation on Petition Work). With the "
             "matter number and the query code above you can follow its progress at the hall’s "
             "kiosk or at any window. Please keep this receipt."),
          due);
    }
  hall_document_add_text (document, notice);

  /* Translators: a line to sign on a printed paper */
  hall_document_add_signature (document, _ ("Petitioner’s signature"));
  /* Translators: a line to sign on a printed paper */
  hall_document_add_signature (document, _ ("Received by (signature)"));
  _hall_papers_add_issuer (document, hall_name, today);
  return document;
}

HallDocument *
hall_paper_decision_notice (JsonObject *matter_reply,
                            const char *hall_name,
                            const char *today,
                            GError    **error)
{
  JsonObject      *matter;
  const char      *state;
  HallDocument    *document;
  g_autofree char *names = NULL;
  g_autofree char *received = NULL;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (matter_reply != NULL, NULL);

  matter = json_object_get_object_member (matter_reply, "matter");
  state = _hall_papers_member_string (matter, "state");
  names = _hall_papers_petitioner_names (matter_reply);
  received = hall_paper_format_date (_hall_papers_member_string (matter, "received_date"));

  if (g_strcmp0 (state, "registered") == 0)
    {
      g_set_error_literal (
          error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
          _ ("The matter waits for its decision: accept it or decline it first, then print the "
             "notice."));
      return NULL;
    }
  if (g_strcmp0 (state, "declined") == 0)
    {
      /* Translators: the title of the written notice that a petition is not accepted (不予受理告知书) */
      document = hall_document_new (_ ("Notice of Non-Acceptance of a Petition"));
      /* Translators: a notice: the petitioners' names, the day they came, the matter number, the
       * reason */
      text = g_strdup_printf (
          _ ("%s:\nThe petition you submitted on %s (No. %s) has been examined and is not accepted "
             "as a petition, for this reason: %s\nIf you have questions about this decision, you "
             "may ask at any window of the hall."),
          names, received, _hall_papers_member_string (matter, "number"),
          _hall_papers_member_string (matter, "decline_reason") ?: "—");
    }
  else if (g_strcmp0 (state, "litigation") == 0)
    {
      /* Translators: the title of the written guidance for a litigation-related matter */
      document = hall_document_new (_ ("Notice on a Litigation-Related Matter"));
      /* Translators: a notice: the petitioners' names, the day they came, the matter number */
      text = g_strdup_printf (
          _ ("%s:\nThe matter you submitted on %s (No. %s) concerns litigation. Under the "
             "separation of litigation from petitions it is not handled as a petition. Please "
             "bring "
             "it to the public security, procuratorate, court or justice windows of this hall, "
             "which "
             "will handle it according to law."),
          names, received, _hall_papers_member_string (matter, "number"));
    }
  else
    {
      g_autofree char *accepted = hall_paper_format_date (_hall_papers_member_string (matter, "accepted_date"));
      g_autofree char *due = hall_paper_format_date (_hall_papers_member_string (matter, "handling_due"));

      /* Translators: the title of the written notice that a petition is accepted (受理告知书) */
      document = hall_document_new (_ ("Notice of Acceptance of a Petition"));
      /* Translators: a notice: names, the day they came, the number, the day it was accepted, the
       * responsible department, the handling deadline */
      text = g_strdup_printf (
          _ ("%s:\nThe petition you submitted on %s (No. %s) was accepted on %s and is handled by "
             "%s. Under Article 34 of the Regulation on Petition Work it will be concluded, with a "
             "written reply, within 60 days of its acceptance, by %s; should it need longer, you "
             "will be told the reason for the extension.\nWith the matter number and your query "
             "code you can follow its progress at the hall’s kiosk or at any window."),
          names, received, _hall_papers_member_string (matter, "number"), accepted,
          _hall_papers_member_string (matter, "department_name") ?: "—", due);
    }
  number = g_strdup_printf (_ ("No. %s"), _hall_papers_member_string (matter, "number"));
  hall_document_add_note (document, number);
  hall_document_add_text (document, text);
  _hall_papers_add_issuer (document, hall_name, today);
  return document;
}

HallDocument *
hall_paper_reception_record (JsonObject *reception,
                             const char *hall_name)
{
  HallDocument *document;
  JsonArray    *departments;
  g_autoptr (GString) assigned = g_string_new (NULL);
  g_autofree char *date = NULL;
  g_autofree char *persons = NULL;
  g_autofree char *deadline = NULL;

  g_return_val_if_fail (reception != NULL, NULL);

  /* Translators: the title of the form 领导干部接待群众来访登记表 */
  document = hall_document_new (_ ("Record of a Leader’s Reception of Visitors"));
  hall_document_add_note (document, hall_name);
  date = hall_paper_format_date (_hall_papers_member_string (reception, "date"));
  persons = member_int_text (reception, "persons");
  deadline = hall_paper_format_date (_hall_papers_member_string (reception, "deadline"));

  departments = json_object_get_array_member (reception, "departments");
  for (guint i = 0; departments != NULL && i < json_array_get_length (departments); i++)
    {
      JsonObject      *department = json_array_get_object_element (departments, i);
      g_autofree char *due = hall_paper_format_date (_hall_papers_member_string (department, "deadline"));

      if (assigned->len > 0)
        g_string_append_c (assigned, '\n');
      /* Translators: one department a leader assigned a matter to, and its deadline */
      g_string_append_printf (assigned, _ ("%s, by %s"), _hall_papers_member_string (department, "name") ?: "—",
                              due);
    }

  hall_document_add_field (document, C_ ("paper", "Receiving leader"),
                           _hall_papers_member_string (reception, "leader_name"));
  hall_document_add_field (document, C_ ("paper", "Date"), date);
  hall_document_add_field (document, C_ ("paper", "Matter number"),
                           _hall_papers_member_string (reception, "matter_number"));
  hall_document_add_field (document, C_ ("paper", "Name"),
                           _hall_papers_member_string (reception, "petitioner_name"));
  hall_document_add_field (document, C_ ("paper", "Sex"),
                           hall_label_sex (_hall_papers_member_string (reception, "petitioner_sex")));
  hall_document_add_field (document, C_ ("paper", "ID number"),
                           _hall_papers_member_string (reception, "petitioner_id_number"));
  hall_document_add_field (document, C_ ("paper", "Address"),
                           _hall_papers_member_string (reception, "petitioner_address"));
  hall_document_add_field (document, C_ ("paper", "Phone"),
                           _hall_papers_member_string (reception, "petitioner_phone"));
  hall_document_add_field (document, C_ ("paper", "Persons"), persons);
  hall_document_add_heading (document, C_ ("paper", "The problem raised"));
  hall_document_add_text (document, _hall_papers_member_string (reception, "problem"));
  hall_document_add_heading (document, C_ ("paper", "The leader’s instructions"));
  hall_document_add_text (document, _hall_papers_member_string (reception, "instructions"));
  hall_document_add_heading (document, C_ ("paper", "Assigned to"));
  hall_document_add_text (document, assigned->str);
  hall_document_add_field (document, C_ ("paper", "Deadline"), deadline);
  hall_document_add_heading (document, C_ ("paper", "Result"));
  hall_document_add_text (document, _hall_papers_member_string (reception, "result"));
  /* Translators: a line to sign on a printed paper */
  hall_document_add_signature (document, _ ("Receiving leader (signature)"));
  return document;
}

/* ---- the ticket kiosk's papers ---------------------------------------------------------------- */

char *
hall_paper_status_code (const char *number,
                        const char *query_code)
{
  if (number == NULL || query_code == NULL)
    return NULL;
  return g_strdup_printf ("%s %s", number, query_code);
}

gboolean
hall_paper_parse_status_code (const char *text,
                              char      **number,
                              char      **query_code)
{
  g_autofree char *copy = NULL;
  g_auto (GStrv) parts = NULL;
  const char *words[2] = { NULL, NULL };
  guint       n = 0;

  g_return_val_if_fail (number != NULL && query_code != NULL, FALSE);
  if (text == NULL)
    return FALSE;
  /* A scanner types what the code holds; a person may separate the two with anything. */
  copy = g_strdelimit (g_strdup (text), "/,;:|\t\r\n", ' ');
  parts = g_strsplit (copy, " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0' && n++ < 2)
      words[n - 1] = parts[i];
  if (n != 2 || strlen (words[1]) != 6)
    return FALSE;
  for (const char *c = words[1]; *c != '\0'; c++)
    if (!g_ascii_isdigit (*c))
      return FALSE;
  *number = g_ascii_strup (words[0], -1);
  *query_code = g_strdup (words[1]);
  return TRUE;
}

HallDocument *
hall_paper_ticket (JsonObject *issue_reply,
                   const char *hall_name,
                   const char *windows)
{
  JsonObject      *ticket;
  HallDocument    *document;
  g_autofree char *ahead = NULL;
  g_autofree char *persons = NULL;
  g_autofree char *time = NULL;
  g_autoptr (GDateTime) issued = NULL;
  const char *code;

  g_return_val_if_fail (issue_reply != NULL, NULL);

  ticket = json_object_get_object_member (issue_reply, "ticket");
  code = _hall_papers_member_string (ticket, "code");
  /* Translators: the title of the slip the ticket kiosk prints */
  document = hall_document_new (_ ("Queue Ticket"));
  hall_document_set_roll (document, TRUE);
  if (hall_name != NULL && *hall_name != '\0')
    hall_document_add_note (document, hall_name);
  hall_document_add_big (document, code);

  ahead = member_int_text (issue_reply, "people_ahead");
  persons = member_int_text (ticket, "persons");
  issued = g_date_time_new_from_unix_local (
      json_object_get_int_member_with_default (ticket, "issued_at", 0));
  /* Translators: the time on a queue ticket, e.g. "2026年12月5日 09:41" */
  time = g_date_time_format (issued, _ ("%Y-%m-%d %H:%M"));

  hall_document_add_field (document, C_ ("paper", "Department"),
                           _hall_papers_member_string (ticket, "department_name"));
  hall_document_add_field (document, C_ ("paper", "Windows"), windows);
  hall_document_add_field (document, C_ ("paper", "People ahead"), ahead);
  hall_document_add_field (document, C_ ("paper", "Persons"), persons);
  hall_document_add_field (document, C_ ("paper", "Time"), time);
  if (json_object_get_boolean_member_with_default (ticket, "green_request", FALSE))
    hall_document_add_text (document, _ ("Green channel asked for: the hall manager will "
                                         "confirm it with you."));
  hall_document_add_qr (document, code);
  hall_document_add_text (document, _ ("Please wait in the hall until your number is shown and "
                                       "called. Keep this ticket."));
  return document;
}
