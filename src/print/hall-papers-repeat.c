/* hall-papers-repeat.c — the notices of a repeat petition: 重复信访告知书 when the earlier matter is
 * still being handled (条例 19), 不予受理告知书 when its re-review is final (条例 36)
 *
 * What the visitor takes home: their names, the earlier matter's number and state, the article;
 * no ID number, phone or address.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-papers"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "hall-labels.h"
#include "hall-papers-repeat.h"
#include "hall-papers.h"

static const char *
string_or_null (JsonObject *object,
                const char *name)
{
  if (object == NULL || !json_object_has_member (object, name)
      || json_object_get_null_member (object, name))
    return NULL;
  return json_object_get_string_member_with_default (object, name, NULL);
}

HallDocument *
hall_paper_repeat_notice (JsonObject *register_reply,
                          const char *names,
                          const char *hall_name,
                          const char *today,
                          GError    **error)
{
  const char      *outcome = string_or_null (register_reply, "outcome");
  const char      *number = string_or_null (register_reply, "number");
  JsonObject      *matter = NULL, *repeat = NULL;
  HallDocument    *document;
  g_autofree char *came = NULL;
  g_autofree char *text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (register_reply != NULL, NULL);

  if (json_object_has_member (register_reply, "matter"))
    matter = json_object_get_object_member (register_reply, "matter");
  if (json_object_has_member (register_reply, "repeat_petition"))
    repeat = json_object_get_object_member (register_reply, "repeat_petition");
  if (repeat == NULL || number == NULL
      || (g_strcmp0 (outcome, "repeat") != 0 && g_strcmp0 (outcome, "refused") != 0))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _ ("Only a petition recorded as a repeat has this notice."));
      return NULL;
    }
  came = hall_paper_format_date (string_or_null (repeat, "date"));

  if (g_str_equal (outcome, "refused"))
    {
      g_autofree char *final = hall_paper_format_date (string_or_null (matter, "rereviewed_date"));

      document = hall_document_new (_ ("Notice of Non-Acceptance of a Petition"));
      /* Translators: a notice (不予受理告知书): the petitioners' names, the day they came, the
       * earlier matter's number, the day its re-review was concluded */
      text = g_strdup_printf (
          _ ("%s:\nOn %s you raised again the facts and reasons of matter No. %s. Its re-review "
             "was concluded on %s and is final. Under Article 36 of the Regulation on Petition "
             "Work a petition on the same facts and reasons is not accepted again. Your visit "
             "has been recorded on that matter."),
          names ? names : "", came, number, final);
    }
  else
    {
      /* Translators: the title of the notice of a repeat petition (重复信访告知书) */
      document = hall_document_new (_ ("Notice of a Repeat Petition"));
      /* Translators: a notice (重复信访告知书): names, the day they came, the earlier matter's
       * number, its state ("Being handled" …) */
      text = g_strdup_printf (
          _ ("%s:\nOn %s you raised again matter No. %s, which the hall already has (now: %s). "
             "Under Article 19 of the Regulation on Petition Work a matter being handled is not "
             "accepted again: your petition has been recorded on it as a repeat petition, and "
             "you will receive its written reply. With the matter number and your query code "
             "you can follow its progress at the hall’s kiosk or at any window."),
          names ? names : "", came, number,
          hall_label_state (string_or_null (register_reply, "state")));
    }
  note = g_strdup_printf (_ ("No. %s"), number);
  hall_document_add_note (document, note);
  hall_document_add_text (document, text);
  day = hall_paper_format_date (today);
  hall_document_add_note (document, hall_name);
  hall_document_add_note (document, day);
  return document;
}
