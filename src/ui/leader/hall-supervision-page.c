/* hall-supervision-page.c — 督办: overdue and due-soon matters across the hall, flagged ones
 *
 * leader.supervision, read again after each change to matters the hall reports. From a row the
 * leader flags the matter for supervision with a note and a date to report back by
 * (matter.supervise), resolves a flag with a resolution (matter.supervise with resolve; asks
 * first, it cannot be undone), or takes charge of it (leader.charge). Under the lists, the 约谈 and
 * 通报 recorded (leader.talks) and the form that records one (leader.talk, hall-talk-form.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-supervision-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-date-row.h"
#include "hall-dialog.h"
#include "hall-form.h"
#include "hall-format.h"
#include "hall-info.h"
#include "hall-json-item.h"
#include "hall-json.h"
#include "hall-labels.h"
#include "hall-leader-format.h"
#include "hall-matter-view.h"
#include "hall-rows.h"
#include "hall-supervision-page.h"
#include "hall-supervision-talks.h"
#include "hall-supervision-week.h"
#include "hall-talk-form.h"

#define DEFAULT_REPORT_DAYS 7

/* The two forms a row opens, flagging and resolving, have one shape: a title and a line under
 * it, a text (the note or the resolution), and the hall's errors; the flag form has a date too. */
typedef struct
{
  const char   *view;      /* the stack's child: "flag" or "resolve" */
  const char   *submit;    /* its action, enabled while the form is open */
  HallFormField fields[3]; /* the text, the flag's date, the general error */
  guint         n_fields;
  gint64        matter_id; /* the matter it is open for, else 0 */
  GtkLabel     *title;
  GtkLabel     *subtitle;
  GtkTextView  *text;
  GtkLabel     *text_error;
  GtkLabel     *error;
} Form;

struct _HallSupervisionPage
{
  HallPage parent_instance;

  gboolean busy;
  char    *today;

  GListStore *overdue;
  GListStore *due_soon;
  GListStore *flagged;
  GListStore *talks;
  JsonObject *info;
  gboolean    talk_open;

  HallMatterView *matter_view;
  GtkStack       *stack;
  GtkLabel       *summary_label;
  GtkLabel       *list_error;
  GtkListBox     *overdue_list;
  GtkListBox     *due_soon_list;
  GtkListBox     *flagged_list;
  GtkLabel       *week_summary;
  GtkListBox     *week_list;
  GtkListBox     *talks_list;
  GtkLabel       *talks_error;
  HallTalkForm   *talk_form;
  Form            flag;
  HallDateRow    *due_row;
  GtkLabel       *due_error;
  Form            resolve;
};

G_DEFINE_FINAL_TYPE (HallSupervisionPage, hall_supervision_page, HALL_TYPE_PAGE)

static void
hall_supervision_page_update_actions (HallPage *page)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (page);
  gboolean             online = hall_page_is_online (page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.refresh", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.flag", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.resolve", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.take-charge",
                                 online && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), self->flag.submit,
                                 online && !self->busy && self->flag.matter_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), self->resolve.submit,
                                 online && !self->busy && self->resolve.matter_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.new-talk", online);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.talk-submit",
                                 online && !self->busy && self->talk_open);
}

static void
set_busy (HallSupervisionPage *self,
          gboolean             busy)
{
  self->busy = busy;
  hall_supervision_page_update_actions (HALL_PAGE (self));
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  JsonObject *data = hall_json_item_get_data (item);
  gboolean    flagged = json_object_has_member (data, "supervision_id");
  gboolean    charged = json_object_get_int_member_with_default (data, "charge_leader_id", 0) != 0;
  gint64      matter_id = json_object_get_int_member_with_default (data, "matter_id", 0);
  const char *due =
      json_object_get_string_member_with_default (data, flagged ? "due_date" : "due", NULL);
  AdwActionRow    *row = ADW_ACTION_ROW (adw_action_row_new ());
  GtkWidget       *badge = gtk_label_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *name = g_strdup_printf ("matter-%" G_GINT64_FORMAT, matter_id);
  g_autoptr (GString) subtitle = g_string_new (NULL);

  /* Translators: a matter in the supervision lists: number · responsible department */
  title = g_strdup_printf (
      _ ("%s · %s"), json_object_get_string_member_with_default (data, "matter_number", ""),
      json_object_get_string_member_with_default (data, "department_name", "—"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (GTK_WIDGET (row), name);

  if (flagged)
    {
      g_autofree char *at =
          _hall_format_date (json_object_get_int_member_with_default (data, "at", 0));

      const char *rule = json_object_get_string_member_with_default (data, "rule", NULL);
      const char *note = json_object_get_string_member_with_default (data, "note", "");

      if (rule != NULL)
        /* Translators: a matter a supervision rule flagged by itself: the rule, what it found
           (a date, a department), when */
        g_string_append_printf (subtitle, _ ("%s: %s — flagged by the hall, %s"),
                                hall_label_supervision_rule (rule), note, at);
      else
        /* Translators: a supervised matter: the note, who flagged it and when */
        g_string_append_printf (subtitle, _ ("%s — %s, %s"), note,
                                json_object_get_string_member_with_default (data, "by_name", ""),
                                at);
    }
  else
    {
      g_string_append (subtitle,
                       _hall_leader_format_clock_label (
                           json_object_get_string_member_with_default (data, "clock", "")));
      g_string_append (subtitle, " · ");
      g_string_append (subtitle, hall_label_state (json_object_get_string_member_with_default (
                                     data, "matter_state", "")));
      if (_hall_json_flag (data, "supervised"))
        /* Translators: the matter is already flagged for supervision (督办) */
        g_string_append (subtitle, _ (" · under supervision"));
    }
  if (charged)
    /* Translators: a leader has taken charge of the matter (包案) */
    g_string_append (subtitle, _ (" · in a leader’s charge"));
  adw_action_row_set_subtitle (row, subtitle->str);
  /* A flag's note is the leader's own words: all of it, however many lines beside the buttons. */
  adw_action_row_set_subtitle_lines (row, flagged ? 0 : 2);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  _hall_leader_format_due_badge (GTK_LABEL (badge),
                                 json_object_get_int_member_with_default (data, "days_left", 0),
                                 _hall_json_flag (data, "overdue"), due);
  adw_action_row_add_suffix (row, badge);
  _hall_rows_add_button (row, _ ("_Details"), "supervision.show-matter", matter_id);
  _hall_rows_add_button (row, flagged ? _ ("Supervise _Again") : _ ("_Supervise"),
                         "supervision.flag", matter_id);
  if (flagged)
    /* Translators: button: ends the supervision (督办) of a flagged matter */
    _hall_rows_add_button (row, _ ("_Resolve"), "supervision.resolve", matter_id);
  if (!charged)
    _hall_rows_add_button (row, _ ("_Take Charge"), "supervision.take-charge", matter_id);
  return GTK_WIDGET (row);
}

static void
supervision_cb (HallPage     *page,
                JsonObject   *reply,
                const GError *error,
                gpointer      user_data)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (page);
  g_autofree char     *summary = NULL;

  _hall_form_set_error (GTK_WIDGET (self->list_error), GTK_WIDGET (self->list_error),
                        reply == NULL ? error->message : NULL);
  if (reply == NULL)
    return;
  g_free (self->today);
  self->today = g_strdup (json_object_get_string_member_with_default (reply, "date", ""));
  _hall_json_store_fill (self->overdue, json_object_get_array_member (reply, "overdue"));
  _hall_json_store_fill (self->due_soon, json_object_get_array_member (reply, "due_soon"));
  _hall_json_store_fill (self->flagged, json_object_get_array_member (reply, "flagged"));
  /* Translators: summary of the supervision page; the last %s is a date */
  summary =
      g_strdup_printf (_ ("%u overdue · %u due by %s · %u flagged for supervision"),
                       g_list_model_get_n_items (G_LIST_MODEL (self->overdue)),
                       g_list_model_get_n_items (G_LIST_MODEL (self->due_soon)),
                       json_object_get_string_member_with_default (reply, "due_soon_until", ""),
                       g_list_model_get_n_items (G_LIST_MODEL (self->flagged)));
  gtk_label_set_text (self->summary_label, summary);
}

static void
forecast_cb (HallPage     *page,
             JsonObject   *reply,
             const GError *error,
             gpointer      user_data)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (page);
  g_autofree char     *summary = NULL;

  if (reply == NULL)
    {
      gtk_label_set_text (self->week_summary, error->message);
      return;
    }
  summary = _hall_supervision_week_fill (self->week_list, reply);
  gtk_label_set_text (self->week_summary, summary);
}

static void
talks_cb (HallPage     *page,
          JsonObject   *reply,
          const GError *error,
          gpointer      user_data)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (page);

  _hall_form_set_error (GTK_WIDGET (self->talks_error), GTK_WIDGET (self->talks_error),
                        reply == NULL ? error->message : NULL);
  if (reply != NULL)
    _hall_json_store_fill (self->talks, json_object_get_array_member (reply, "talks"));
}

static void
hall_supervision_page_refresh (HallPage *page)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (page);

  hall_page_load (page, "leader.supervision", NULL, supervision_cb, NULL);
  hall_page_load (page, "leader.forecast", NULL, forecast_cb, NULL);
  hall_page_load (page, "leader.talks", NULL, talks_cb, NULL);
  if (self->info == NULL)
    _hall_info_load (page, &self->info, NULL);
}

static JsonObject *
find_matter (HallSupervisionPage *self,
             gint64               matter_id)
{
  GListStore *stores[] = { self->overdue, self->due_soon, self->flagged };

  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (stores[s])); i++)
      {
        g_autoptr (HallJsonItem) item = g_list_model_get_item (G_LIST_MODEL (stores[s]), i);
        JsonObject *data = hall_json_item_get_data (item);

        if (json_object_get_int_member_with_default (data, "matter_id", 0) == matter_id)
          return data;
      }
  return NULL;
}

/* ---- the flag and resolve forms ----------------------------------------------------------- */

/* Where the hall's errors show: at the text (the hall's field @text_field), at the date
 * (@date_row, the flag form's), else under the form. */
static void
form_init_fields (Form       *form,
                  const char *text_field,
                  GtkWidget  *date_row,
                  GtkWidget  *date_error)
{
  form->n_fields = 0;
  form->fields[form->n_fields++] = (HallFormField){ text_field, GTK_WIDGET (form->text),
                                                    GTK_WIDGET (form->text_error) };
  if (date_row != NULL)
    form->fields[form->n_fields++] = (HallFormField){ "due_date", date_row, date_error };
  form->fields[form->n_fields++] =
      (HallFormField){ "*", GTK_WIDGET (form->error), GTK_WIDGET (form->error) };
}

static void
form_clear_errors (HallSupervisionPage *self,
                   Form                *form)
{
  _hall_form_clear_errors (form->fields, form->n_fields, NULL);
}

/* Opens @form for the matter @parameter (its id), with @subtitle_member of its row under the
 * title; returns the row's data, or NULL when the matter is no longer listed. */
static JsonObject *
form_open (HallSupervisionPage *self,
           Form                *form,
           GVariant            *parameter,
           const char          *subtitle_member)
{
  gint64      matter_id = g_variant_get_int64 (parameter);
  JsonObject *data = find_matter (self, matter_id);

  if (data == NULL)
    return NULL;
  form->matter_id = matter_id;
  gtk_label_set_text (form->subtitle,
                      json_object_get_string_member_with_default (data, subtitle_member, ""));
  _hall_form_text_view_set_text (form->text, NULL);
  form_clear_errors (self, form);
  hall_supervision_page_update_actions (HALL_PAGE (self));
  gtk_stack_set_visible_child_name (self->stack, form->view);
  gtk_widget_grab_focus (GTK_WIDGET (form->text));
  return data;
}

/* The form's text, or NULL (and it says so) when nothing is written. */
static char *
form_get_text (HallSupervisionPage *self,
               Form                *form,
               const char          *missing)
{
  g_autofree char *text = _hall_form_text_view_dup_text (form->text);

  if (*text != '\0')
    return g_steal_pointer (&text);
  _hall_form_set_error (GTK_WIDGET (form->text), GTK_WIDGET (form->text_error), missing);
  return NULL;
}

static void
form_sent_cb (HallPage     *page,
              JsonObject   *reply,
              const GError *error,
              gpointer      user_data)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (page);
  Form                *form = user_data;
  const char          *number;
  g_autofree char     *message = NULL;

  set_busy (self, FALSE);
  if (reply == NULL)
    {
      _hall_form_show_error (form->fields, form->n_fields, error, NULL);
      return;
    }
  number = json_object_get_string_member_with_default (
      json_object_get_object_member (reply, "supervision"), "matter_number", "");
  if (form == &self->flag)
    /* Translators: after flagging a matter, %s its number */
    message = g_strdup_printf (_ ("%s flagged for supervision"), number);
  else
    /* Translators: after ending the supervision (督办) of a matter, %s its number */
    message = g_strdup_printf (_ ("The supervision of %s is resolved"), number);
  hall_page_toast (page, message);
  gtk_stack_set_visible_child_name (self->stack, "list");
  hall_page_refresh (page);
}

static void
form_send (HallSupervisionPage *self,
           Form                *form,
           JsonObject          *params)
{
  json_object_set_int_member (params, "matter_id", form->matter_id);
  set_busy (self, TRUE);
  hall_page_call (HALL_PAGE (self), "matter.supervise", params, form_sent_cb, form);
}

/* Leaving a form for the lists closes it. */
static void
view_changed_cb (HallSupervisionPage *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") != 0)
    return;
  self->flag.matter_id = 0;
  self->resolve.matter_id = 0;
  self->talk_open = FALSE;
  hall_supervision_page_update_actions (HALL_PAGE (self));
}

static void
flag_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (widget);
  JsonObject          *data = form_open (self, &self->flag, parameter, "department_name");
  g_autofree char     *title = NULL;
  g_autofree char     *due = NULL;

  if (data == NULL)
    return;
  /* Translators: title of the supervision form, %s the matter number */
  title = g_strdup_printf (_ ("Supervise %s"),
                           json_object_get_string_member_with_default (data, "matter_number", ""));
  gtk_label_set_text (self->flag.title, title);
  due = _hall_leader_format_add_days (self->today, DEFAULT_REPORT_DAYS);
  hall_date_row_set_date (self->due_row, due);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (widget);
  g_autofree char     *note = NULL;
  const char          *due;
  gboolean             valid;
  g_autoptr (JsonObject) params = NULL;

  form_clear_errors (self, &self->flag);
  note = form_get_text (self, &self->flag, _ ("Write what the department must do and report."));
  valid = hall_date_row_check (self->due_row, TRUE);
  due = hall_date_row_get_date (self->due_row);
  if (valid && self->today != NULL && strcmp (due, self->today) < 0)
    {
      _hall_form_set_error (GTK_WIDGET (self->due_row), GTK_WIDGET (self->due_error),
                            _ ("The date to report back by cannot be in the past."));
      valid = FALSE;
    }
  if (note == NULL || !valid)
    return;

  params = json_object_new ();
  json_object_set_string_member (params, "note", note);
  json_object_set_string_member (params, "due_date", due);
  form_send (self, &self->flag, params);
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (widget);
  JsonObject          *data = form_open (self, &self->resolve, parameter, "note");
  g_autofree char     *title = NULL;

  if (data == NULL)
    return;
  /* Translators: title of the form that ends a supervision (督办), %s the matter number */
  title = g_strdup_printf (_ ("Resolve the Supervision of %s"),
                           json_object_get_string_member_with_default (data, "matter_number", ""));
  gtk_label_set_text (self->resolve.title, title);
}

static void
resolve_response_cb (HallSupervisionPage *self,
                     const char          *response,
                     AdwMessageDialog    *dialog)
{
  g_autoptr (JsonObject) params = NULL;
  g_autofree char *resolution = NULL;

  if (g_strcmp0 (response, "resolve") != 0 || hall_page_get_client (HALL_PAGE (self)) == NULL
      || self->busy || self->resolve.matter_id == 0)
    return;
  resolution = _hall_form_text_view_dup_text (self->resolve.text);
  params = json_object_new ();
  json_object_set_boolean_member (params, "resolve", TRUE);
  json_object_set_string_member (params, "resolution", resolution);
  form_send (self, &self->resolve, params);
}

/* Resolving is for good: write the resolution, then confirm. */
static void
resolve_submit_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (widget);
  g_autofree char     *resolution = NULL;
  JsonObject          *data = find_matter (self, self->resolve.matter_id);
  g_autofree char     *heading = NULL;

  form_clear_errors (self, &self->resolve);
  resolution =
      form_get_text (self, &self->resolve, _ ("Write how the department dealt with the matter."));
  if (resolution == NULL)
    return;
  /* Translators: question before ending a supervision (督办), %s the matter number */
  heading = g_strdup_printf (
      _ ("Resolve the Supervision of %s?"),
      data ? json_object_get_string_member_with_default (data, "matter_number", "") : "");
  _hall_dialog_confirm (
      widget, 0, NULL, heading,
      _ ("The flag is lifted for good and the department no longer reports on it."),
      /* Translators: button that ends a supervision (督办) */
      "resolve", _ ("_Resolve"), G_CALLBACK (resolve_response_cb));
}

/* ---- 约谈 and 通报 ------------------------------------------------------------------------- */

/* Opens the talk form, the matters of the page's lists to tick, each once. */
static void
new_talk_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (widget);
  GListStore          *stores[] = { self->flagged, self->overdue, self->due_soon };
  g_autoptr (GPtrArray) matters = g_ptr_array_new ();

  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (stores[s])); i++)
      {
        g_autoptr (HallJsonItem) item = g_list_model_get_item (G_LIST_MODEL (stores[s]), i);
        JsonObject *data = hall_json_item_get_data (item);
        gint64      id = json_object_get_int_member_with_default (data, "matter_id", 0);
        gboolean    seen = FALSE;

        for (guint m = 0; m < matters->len && !seen; m++)
          seen = json_object_get_int_member (g_ptr_array_index (matters, m), "matter_id") == id;
        if (!seen)
          g_ptr_array_add (matters, data);
      }
  hall_talk_form_reset (self->talk_form, _hall_info_array (self->info, "departments"), matters,
                        self->today);
  self->talk_open = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "talk");
  hall_supervision_page_update_actions (HALL_PAGE (self));
}

static void
talk_sent_cb (HallPage     *page,
              JsonObject   *reply,
              const GError *error,
              gpointer      user_data)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (page);
  JsonObject          *talk;
  g_autofree char     *message = NULL;

  set_busy (self, FALSE);
  if (reply == NULL)
    {
      hall_talk_form_show_error (self->talk_form, error);
      return;
    }
  talk = json_object_get_object_member (reply, "talk");
  /* Translators: after recording a talk or notice: its kind (约谈 / 通报) and subject */
  message = g_strdup_printf (_ ("%s recorded: %s"),
                             hall_label_talk_kind (_hall_json_string (talk, "kind")),
                             json_object_get_string_member_with_default (talk, "subject", ""));
  hall_page_toast (page, message);
  gtk_stack_set_visible_child_name (self->stack, "list");
  hall_page_refresh (page);
}

static void
talk_submit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (widget);
  g_autoptr (JsonObject) params = hall_talk_form_get_params (self->talk_form);

  if (params == NULL)
    return;
  set_busy (self, TRUE);
  hall_page_call (HALL_PAGE (self), "leader.talk", params, talk_sent_cb, NULL);
}

/* ---- taking charge ------------------------------------------------------------------------ */

static void
charged_cb (HallPage     *page,
            JsonObject   *reply,
            const GError *error,
            gpointer      user_data)
{
  g_autofree char *message = NULL;

  set_busy (HALL_SUPERVISION_PAGE (page), FALSE);
  if (reply == NULL)
    {
      hall_page_toast (page, error->message);
      return;
    }
  /* Translators: after the leader took charge of a matter (包案), %s its number */
  message =
      g_strdup_printf (_ ("You are in charge of %s now; see My Charged Matters"),
                       json_object_get_string_member_with_default (
                           json_object_get_object_member (reply, "charge"), "matter_number", ""));
  hall_page_toast (page, message);
  hall_page_refresh (page);
}

static void
take_charge_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  g_autoptr (JsonObject) params =
      _hall_json_params_id ("matter_id", g_variant_get_int64 (parameter));

  set_busy (HALL_SUPERVISION_PAGE (widget), TRUE);
  hall_page_call (HALL_PAGE (widget), "leader.charge", params, charged_cb, NULL);
}

static void
hall_supervision_page_event (HallPage   *page,
                             const char *kind,
                             JsonObject *event)
{
  _hall_info_forget_on (&HALL_SUPERVISION_PAGE (page)->info, kind);
  if (g_str_has_prefix (kind, "matter.") || g_str_has_prefix (kind, "leader.charge")
      || g_str_equal (kind, "leader.talk") || g_str_has_prefix (kind, "setup."))
    hall_page_refresh (page);
}

/* Calls sent with another client will not answer. */
static void
client_changed_cb (HallSupervisionPage *self)
{
  self->busy = FALSE;
}

static void
hall_supervision_page_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), HALL_TYPE_SUPERVISION_PAGE);
  G_OBJECT_CLASS (hall_supervision_page_parent_class)->dispose (object);
}

static void
hall_supervision_page_finalize (GObject *object)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (object);

  g_clear_object (&self->overdue);
  g_clear_object (&self->due_soon);
  g_clear_object (&self->flagged);
  g_clear_object (&self->talks);
  g_clear_pointer (&self->info, json_object_unref);
  g_free (self->today);
  G_OBJECT_CLASS (hall_supervision_page_parent_class)->finalize (object);
}

static void
hall_supervision_page_class_init (HallSupervisionPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_supervision_page_dispose;
  object_class->finalize = hall_supervision_page_finalize;
  page_class->refresh = hall_supervision_page_refresh;
  page_class->event = hall_supervision_page_event;
  page_class->update_actions = hall_supervision_page_update_actions;

  g_type_ensure (HALL_TYPE_DATE_ROW);
  g_type_ensure (HALL_TYPE_TALK_FORM);
  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/leader/hall-supervision-page.ui");
  g_type_ensure (HALL_TYPE_MATTER_VIEW);
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, HallSupervisionPage, name)
#define FORM_CHILD(id, member)                                        \
  gtk_widget_class_bind_template_child_full (widget_class, id, FALSE, \
                                             G_STRUCT_OFFSET (HallSupervisionPage, member))
  CHILD (matter_view);
  CHILD (stack);
  CHILD (summary_label);
  CHILD (list_error);
  CHILD (overdue_list);
  CHILD (due_soon_list);
  CHILD (flagged_list);
  CHILD (week_summary);
  CHILD (week_list);
  CHILD (talks_list);
  CHILD (talks_error);
  CHILD (talk_form);
  CHILD (due_row);
  CHILD (due_error);
  FORM_CHILD ("flag_title", flag.title);
  FORM_CHILD ("flag_subtitle", flag.subtitle);
  FORM_CHILD ("note_view", flag.text);
  FORM_CHILD ("note_error", flag.text_error);
  FORM_CHILD ("flag_error", flag.error);
  FORM_CHILD ("resolve_title", resolve.title);
  FORM_CHILD ("resolve_subtitle", resolve.subtitle);
  FORM_CHILD ("resolution_view", resolve.text);
  FORM_CHILD ("resolution_error", resolve.text_error);
  FORM_CHILD ("resolve_error", resolve.error);
#undef FORM_CHILD
#undef CHILD

  gtk_widget_class_install_action (widget_class, "supervision.flag", "x", flag_action);
  gtk_widget_class_install_action (widget_class, "supervision.take-charge", "x",
                                   take_charge_action);
  gtk_widget_class_install_action (widget_class, "supervision.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "supervision.resolve", "x", resolve_action);
  gtk_widget_class_install_action (widget_class, "supervision.resolve-submit", NULL,
                                   resolve_submit_action);
  gtk_widget_class_install_action (widget_class, "supervision.new-talk", NULL, new_talk_action);
  gtk_widget_class_install_action (widget_class, "supervision.talk-submit", NULL,
                                   talk_submit_action);
  hall_page_class_install_refresh_action (page_class, "supervision.refresh");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "supervision.submit", NULL);
  hall_page_class_install_matter_actions (page_class, "supervision");
}

static void
hall_supervision_page_init (HallSupervisionPage *self)
{
  GListStore **stores[] = { &self->overdue, &self->due_soon, &self->flagged };
  GtkListBox **lists[] = { &self->overdue_list, &self->due_soon_list, &self->flagged_list };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->flag.view = "flag";
  self->flag.submit = "supervision.submit";
  form_init_fields (&self->flag, "note", GTK_WIDGET (self->due_row), GTK_WIDGET (self->due_error));
  self->resolve.view = "resolve";
  self->resolve.submit = "supervision.resolve-submit";
  form_init_fields (&self->resolve, "resolution", NULL, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (stores); i++)
    {
      *stores[i] = g_list_store_new (HALL_TYPE_JSON_ITEM);
      gtk_list_box_bind_model (*lists[i], G_LIST_MODEL (*stores[i]), create_row, NULL, NULL);
    }
  self->talks = g_list_store_new (HALL_TYPE_JSON_ITEM);
  gtk_list_box_bind_model (self->talks_list, G_LIST_MODEL (self->talks),
                           _hall_supervision_talks_create_row, NULL, NULL);
  g_signal_connect_swapped (self->stack, "notify::visible-child-name", G_CALLBACK (view_changed_cb),
                            self);
  g_signal_connect (self, "notify::client", G_CALLBACK (client_changed_cb), NULL);
  hall_page_set_matter_stack (HALL_PAGE (self), self->stack, GTK_WIDGET (self->matter_view));
  hall_supervision_page_update_actions (HALL_PAGE (self));
}
GtkWidget *
hall_supervision_page_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_SUPERVISION_PAGE, "client", client, NULL);
}

GListModel *
hall_supervision_page_get_list (HallSupervisionPage *self,
                                const char          *which)
{
  g_return_val_if_fail (HALL_IS_SUPERVISION_PAGE (self), NULL);
  if (g_strcmp0 (which, "overdue") == 0)
    return G_LIST_MODEL (self->overdue);
  if (g_strcmp0 (which, "due_soon") == 0)
    return G_LIST_MODEL (self->due_soon);
  if (g_strcmp0 (which, "talks") == 0)
    return G_LIST_MODEL (self->talks);
  return G_LIST_MODEL (self->flagged);
}

const char *
hall_supervision_page_get_view (HallSupervisionPage *self)
{
  g_return_val_if_fail (HALL_IS_SUPERVISION_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
