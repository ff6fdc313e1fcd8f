/* hall-kiosk-query.c — the kiosk's status query: a matter's state by its number and query code
 *
 * Typed on the kiosk's keys or scanned from the receipt's QR code: a scanner types what the code
 * holds ("XF2026-000123 483920", see hall_paper_status_code()) and Enter, into the number field.
 * status.query answers with the state, the deadlines and the department, nothing personal; a
 * wrong code is refused at the code field, and after five the number waits (429, Retry-After).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-kiosk-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-error.h"
#include "hall-kiosk-page-private.h"
#include "hall-papers.h"

static const char *const query_keys[] = { "1", "2", "3", "X", "4", "5", "6", "F",
                                          "7", "8", "9", "-", "0", "⌫", NULL };

static void
focus_enter_cb (GtkEventControllerFocus *controller,
                HallKioskPage           *self)
{
  self->target = GTK_EDITABLE (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)));
}

static void
track_focus (HallKioskPage *self,
             GtkEntry      *entry)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "enter", G_CALLBACK (focus_enter_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (entry), focus);
}

/* The date in @member as the papers write it, or NULL when there is none. */
static char *
reply_date (JsonObject *reply,
            const char *member)
{
  if (!json_object_has_member (reply, member) || json_object_get_null_member (reply, member))
    return NULL;
  return hall_paper_format_date (json_object_get_string_member (reply, member));
}

static void
query_cb (HallPage     *page,
          JsonObject   *reply,
          const GError *error,
          gpointer      user_data)
{
  HallKioskPage *self = HALL_KIOSK_PAGE (page);
  g_autoptr (GString) details = NULL;
  g_autofree char *received = NULL;
  g_autofree char *decision = NULL;
  g_autofree char *handling = NULL;
  char            *lines[3];

  self->busy = FALSE;
  hall_page_update_actions (page);
  if (reply == NULL)
    {
      const char *field = hall_error_get_field (error);

      if (g_error_matches (error, HALL_ERROR, HALL_ERROR_RATE_LIMITED))
        {
          guint            minutes = (hall_error_get_retry_after (error) + 59) / 60;
          g_autofree char *message = g_strdup_printf (
              /* Translators: the kiosk, after five wrong query codes for one number */
              ngettext ("Too many wrong query codes for this number. Try again in %u minute, or "
                        "ask at a window.",
                        "Too many wrong query codes for this number. Try again in %u minutes, or "
                        "ask at a window.",
                        MAX (minutes, 1)),
              MAX (minutes, 1));
          _hall_kiosk_page_field_error (self->code_error, message);
        }
      else if (g_error_matches (error, HALL_ERROR, HALL_ERROR_NOT_FOUND))
        /* Translators: the kiosk; the same for an unknown number and a wrong code */
        _hall_kiosk_page_field_error (self->code_error,
                                      _ ("This number and query code do not match. Check both on "
                                         "your receipt."));
      else if (g_strcmp0 (field, "number") == 0)
        _hall_kiosk_page_field_error (self->number_error, error->message);
      else
        hall_page_toast (page, error->message);
      return;
    }

  gtk_label_set_text (self->status_number_label, json_object_get_string_member (reply, "number"));
  gtk_label_set_text (self->state_label, json_object_get_string_member (reply, "state_label"));
  details = g_string_new (NULL);
  /* Translators: the kiosk's status screen; %s is a department */
  g_string_append_printf (details, _ ("Handled by %s"),
                          json_object_get_string_member_with_default (reply, "department_name", ""));
  received = reply_date (reply, "received_date");
  decision = reply_date (reply, "decision_due");
  handling = reply_date (reply, "handling_due");
  /* Translators: the kiosk's status screen; %s is a date */
  lines[0] = received != NULL ? g_strdup_printf (_ ("Received on %s"), received) : NULL;
  /* Translators: the kiosk's status screen; %s is a date */
  lines[1] = decision != NULL ? g_strdup_printf (_ ("Decision on acceptance due by %s"), decision)
                              : NULL;
  /* Translators: the kiosk's status screen; %s is a date */
  lines[2] = handling != NULL ? g_strdup_printf (_ ("Handling due by %s"), handling) : NULL;
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (lines[i] != NULL)
      {
        g_string_append_printf (details, "\n%s", lines[i]);
        g_free (lines[i]);
      }
  gtk_label_set_text (self->status_details_label, details->str);
  /* The code typed is done with. */
  _hall_kiosk_query_clear (self);
  _hall_kiosk_page_show (self, "status");
}

static void
run_query (HallKioskPage *self)
{
  g_autoptr (JsonObject) params = json_object_new ();
  g_autofree char *number = g_strstrip (
      g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->number_entry))));
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_entry))));

  _hall_kiosk_page_field_error (self->number_error, NULL);
  _hall_kiosk_page_field_error (self->code_error, NULL);
  if (*number == '\0')
    {
      /* Translators: the kiosk's status query */
      _hall_kiosk_page_field_error (self->number_error, _ ("Type the matter number."));
      return;
    }
  if (strlen (code) != 6)
    {
      /* Translators: the kiosk's status query */
      _hall_kiosk_page_field_error (self->code_error, _ ("The query code has 6 digits."));
      return;
    }
  json_object_set_string_member (params, "number", number);
  json_object_set_string_member (params, "query_code", code);
  self->busy = TRUE;
  hall_page_update_actions (HALL_PAGE (self));
  hall_page_call (HALL_PAGE (self), "status.query", params, query_cb, NULL);
}

static void
number_activate_cb (HallKioskPage *self)
{
  g_autofree char *number = NULL;
  g_autofree char *code = NULL;

  /* A scan of the receipt's code fills both fields at once. */
  if (hall_paper_parse_status_code (gtk_editable_get_text (GTK_EDITABLE (self->number_entry)),
                                    &number, &code))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->number_entry), number);
      gtk_editable_set_text (GTK_EDITABLE (self->code_entry), code);
      run_query (self);
      return;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->code_entry));
}

static void
code_activate_cb (HallKioskPage *self)
{
  run_query (self);
}

static void
query_start_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HallKioskPage *self = HALL_KIOSK_PAGE (widget);

  _hall_kiosk_query_clear (self);
  _hall_kiosk_page_show (self, "query");
  self->target = GTK_EDITABLE (self->number_entry);
  gtk_widget_grab_focus (GTK_WIDGET (self->number_entry));
}

static void
query_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  run_query (HALL_KIOSK_PAGE (widget));
}

void
_hall_kiosk_query_clear (HallKioskPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->number_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->code_entry), "");
  _hall_kiosk_page_field_error (self->number_error, NULL);
  _hall_kiosk_page_field_error (self->code_error, NULL);
}

void
_hall_kiosk_query_update_actions (HallKioskPage *self)
{
  gboolean online = hall_page_is_online (HALL_PAGE (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.query-start", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "kiosk.query", online && !self->busy);
}

void
_hall_kiosk_query_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, HallKioskPage, number_entry);
  gtk_widget_class_bind_template_child (widget_class, HallKioskPage, number_error);
  gtk_widget_class_bind_template_child (widget_class, HallKioskPage, code_entry);
  gtk_widget_class_bind_template_child (widget_class, HallKioskPage, code_error);
  gtk_widget_class_bind_template_child (widget_class, HallKioskPage, query_keypad_slot);
  gtk_widget_class_bind_template_child (widget_class, HallKioskPage, status_number_label);
  gtk_widget_class_bind_template_child (widget_class, HallKioskPage, state_label);
  gtk_widget_class_bind_template_child (widget_class, HallKioskPage, status_details_label);
  gtk_widget_class_bind_template_callback (widget_class, number_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, code_activate_cb);
  gtk_widget_class_install_action (widget_class, "kiosk.query-start", NULL, query_start_action);
  gtk_widget_class_install_action (widget_class, "kiosk.query", NULL, query_action);
}

void
_hall_kiosk_query_init (HallKioskPage *self)
{
  adw_bin_set_child (self->query_keypad_slot, _hall_kiosk_page_keypad_new (query_keys, 4));
  track_focus (self, self->number_entry);
  track_focus (self, self->code_entry);
}
