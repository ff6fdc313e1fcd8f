/* hall-supervision-page.c — 督办: overdue and due-soon matters across the hall, flagged ones
 *
 * leader.supervision, read again after each change to matters the hall reports. From a row the
 * leader flags the matter for supervision with a note and a date to report back by
 * (matter.supervise), resolves a flag with a resolution (matter.supervise with resolve; asks
 * first, it cannot be undone), or takes charge of it (leader.charge).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-supervision-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-admin-util.h"
#include "hall-board-item.h"
#include "hall-leader-util.h"
#include "hall-matter-view.h"
#include "hall-supervision-page.h"
#include "hall-ui-util.h"

#define DEFAULT_REPORT_DAYS 7

struct _HallSupervisionPage
{
  AdwBin parent_instance;

  HallClient *client;
  GSignalGroup *client_signals;
  GSignalGroup *client_notify;
  GCancellable *cancellable;
  gboolean loading;
  gboolean dirty;
  gboolean busy;
  char *today;
  gint64 flag_matter_id;
  gint64 resolve_matter_id;

  GListStore *overdue;
  GListStore *due_soon;
  GListStore *flagged;

  AdwToastOverlay *toast_overlay;
  HallMatterView *matter_view;
  char *return_view; /* the view a matter's details go back to */
  GtkStack *stack;
  GtkLabel *summary_label;
  GtkLabel *list_error;
  GtkListBox *overdue_list;
  GtkListBox *due_soon_list;
  GtkListBox *flagged_list;
  GtkLabel *flag_title;
  GtkLabel *flag_subtitle;
  GtkTextView *note_view;
  GtkLabel *note_error;
  AdwEntryRow *due_row;
  GtkLabel *due_error;
  GtkLabel *flag_error;
  GtkLabel *resolve_title;
  GtkLabel *resolve_subtitle;
  GtkTextView *resolution_view;
  GtkLabel *resolution_error;
  GtkLabel *resolve_error;
};

G_DEFINE_FINAL_TYPE (HallSupervisionPage, hall_supervision_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh (HallSupervisionPage *self);

static void
toast (HallSupervisionPage *self,
       const char          *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static GCancellable *
cancellable (HallSupervisionPage *self)
{
  if (self->cancellable == NULL)
    self->cancellable = g_cancellable_new ();
  return self->cancellable;
}

static void
update_actions (HallSupervisionPage *self)
{
  gboolean connected = self->client != NULL && hall_client_get_connected (self->client);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.refresh", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.flag", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.take-charge", connected && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.submit",
                                 connected && !self->busy && self->flag_matter_id != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.resolve", connected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.resolve-submit",
                                 connected && !self->busy && self->resolve_matter_id != 0);
}

static GtkWidget *
action_button (const char *label,
               const char *action,
               gint64      matter_id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (matter_id));
  return button;
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  JsonObject *data = hall_board_item_get_data (item);
  gboolean flagged = json_object_has_member (data, "supervision_id");
  gint64 matter_id = json_object_get_int_member_with_default (data, "matter_id", 0);
  const char *due = json_object_get_string_member_with_default (data, flagged ? "due_date" : "due", NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gtk_label_new (NULL);
  g_autofree char *title = NULL;
  g_autofree char *name = g_strdup_printf ("matter-%" G_GINT64_FORMAT, matter_id);
  g_autoptr (GString) subtitle = g_string_new (NULL);

  /* Translators: a matter in the supervision lists: number · responsible department */
  title = g_strdup_printf (_("%s · %s"), json_object_get_string_member_with_default (data, "matter_number", ""),
                           json_object_get_string_member_with_default (data, "department_name", "—"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, name);

  if (flagged)
    {
      g_autofree char *at = _hall_leader_format_date (json_object_get_int_member_with_default (data, "at", 0));

      /* Translators: a supervised matter: the note, who flagged it and when */
      g_string_append_printf (subtitle, _("%s — %s, %s"), json_object_get_string_member_with_default (data, "note", ""),
                              json_object_get_string_member_with_default (data, "by_name", ""), at);
    }
  else
    {
      g_string_append (subtitle, _hall_leader_clock_label (json_object_get_string_member_with_default (data, "clock", "")));
      g_string_append (subtitle, " · ");
      g_string_append (subtitle, _hall_leader_state_label (json_object_get_string_member_with_default (data, "matter_state", "")));
      if (_hall_leader_get_flag (data, "supervised"))
        /* Translators: the matter is already flagged for supervision (督办) */
        g_string_append (subtitle, _(" · under supervision"));
    }
  if (json_object_get_int_member_with_default (data, "charge_leader_id", 0) != 0)
    /* Translators: a leader has taken charge of the matter (包案) */
    g_string_append (subtitle, _(" · in a leader’s charge"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);

  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  _hall_leader_set_due_badge (GTK_LABEL (badge), json_object_get_int_member_with_default (data, "days_left", 0),
                              _hall_leader_get_flag (data, "overdue"), due);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), action_button (_("_Details"), "supervision.show-matter", matter_id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             action_button (flagged ? _("Supervise _Again") : _("_Supervise"), "supervision.flag",
                                            matter_id));
  if (flagged)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               /* Translators: button: ends the supervision (督办) of a flagged matter */
                               action_button (_("_Resolve"), "supervision.resolve", matter_id));
  if (json_object_get_int_member_with_default (data, "charge_leader_id", 0) == 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               action_button (_("_Take Charge"), "supervision.take-charge", matter_id));
  return row;
}

static void
fill_store (GListStore *store,
            JsonArray  *array)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    g_ptr_array_add (items, hall_board_item_new (json_array_get_object_element (array, i), now));
  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)), items->pdata, items->len);
}

static void
supervision_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (HallSupervisionPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  _hall_form_set_error (GTK_WIDGET (self->list_error), GTK_WIDGET (self->list_error),
                        reply == NULL ? error->message : NULL);
  if (reply != NULL)
    {
      g_autofree char *summary = NULL;

      g_free (self->today);
      self->today = g_strdup (json_object_get_string_member_with_default (reply, "date", ""));
      fill_store (self->overdue, json_object_get_array_member (reply, "overdue"));
      fill_store (self->due_soon, json_object_get_array_member (reply, "due_soon"));
      fill_store (self->flagged, json_object_get_array_member (reply, "flagged"));
      /* Translators: summary of the supervision page; the last %s is a date */
      summary = g_strdup_printf (_("%u overdue · %u due by %s · %u flagged for supervision"),
                                 g_list_model_get_n_items (G_LIST_MODEL (self->overdue)),
                                 g_list_model_get_n_items (G_LIST_MODEL (self->due_soon)),
                                 json_object_get_string_member_with_default (reply, "due_soon_until", ""),
                                 g_list_model_get_n_items (G_LIST_MODEL (self->flagged)));
      gtk_label_set_text (self->summary_label, summary);
    }
  if (self->dirty)
    refresh (self);
}

static void
refresh (HallSupervisionPage *self)
{
  if (self->client == NULL || !hall_client_is_signed_in (self->client))
    return;
  if (self->loading)
    {
      self->dirty = TRUE;
      return;
    }
  self->dirty = FALSE;
  self->loading = TRUE;
  hall_client_call_async (self->client, "leader.supervision", NULL, cancellable (self), supervision_cb,
                          g_object_ref (self));
}

static JsonObject *
find_matter (HallSupervisionPage *self,
             gint64               matter_id)
{
  GListStore *stores[] = { self->overdue, self->due_soon, self->flagged };

  for (guint s = 0; s < G_N_ELEMENTS (stores); s++)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (stores[s])); i++)
      {
        g_autoptr (HallBoardItem) item = g_list_model_get_item (G_LIST_MODEL (stores[s]), i);
        JsonObject *data = hall_board_item_get_data (item);

        if (json_object_get_int_member_with_default (data, "matter_id", 0) == matter_id)
          return data;
      }
  return NULL;
}

static void
clear_flag_errors (HallSupervisionPage *self)
{
  _hall_form_set_error (GTK_WIDGET (self->note_view), GTK_WIDGET (self->note_error), NULL);
  _hall_form_set_error (GTK_WIDGET (self->due_row), GTK_WIDGET (self->due_error), NULL);
  _hall_form_set_error (GTK_WIDGET (self->flag_error), GTK_WIDGET (self->flag_error), NULL);
}

static void
flag_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (widget);
  gint64 matter_id = g_variant_get_int64 (parameter);
  JsonObject *data = find_matter (self, matter_id);
  g_autofree char *title = NULL;
  g_autofree char *due = _hall_leader_add_days (self->today, DEFAULT_REPORT_DAYS);

  if (data == NULL)
    return;
  self->flag_matter_id = matter_id;
  /* Translators: title of the supervision form, %s the matter number */
  title = g_strdup_printf (_("Supervise %s"), json_object_get_string_member_with_default (data, "matter_number", ""));
  gtk_label_set_text (self->flag_title, title);
  gtk_label_set_text (self->flag_subtitle, json_object_get_string_member_with_default (data, "department_name", ""));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->due_row), due);
  clear_flag_errors (self);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "flag");
  gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
}

static void
supervised_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr (HallSupervisionPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);
  JsonObject *supervision;
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  update_actions (self);
  if (reply == NULL)
    {
      const char *field = hall_error_get_field (error);

      if (g_strcmp0 (field, "note") == 0)
        _hall_form_set_error (GTK_WIDGET (self->note_view), GTK_WIDGET (self->note_error), error->message);
      else if (g_strcmp0 (field, "due_date") == 0)
        _hall_form_set_error (GTK_WIDGET (self->due_row), GTK_WIDGET (self->due_error), error->message);
      else
        _hall_form_set_error (GTK_WIDGET (self->flag_error), GTK_WIDGET (self->flag_error), error->message);
      return;
    }
  supervision = json_object_get_object_member (reply, "supervision");
  /* Translators: after flagging a matter, %s its number */
  message = g_strdup_printf (_("%s flagged for supervision"),
                             json_object_get_string_member_with_default (supervision, "matter_number", ""));
  toast (self, message);
  self->flag_matter_id = 0;
  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
  refresh (self);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (widget);
  g_autofree char *note = _hall_leader_text_view_get (self->note_view);
  const char *due = gtk_editable_get_text (GTK_EDITABLE (self->due_row));
  const char *message;
  g_autoptr (JsonObject) params = NULL;
  gboolean valid = TRUE;

  clear_flag_errors (self);
  if (*note == '\0')
    {
      _hall_form_set_error (GTK_WIDGET (self->note_view), GTK_WIDGET (self->note_error),
                            _("Write what the department must do and report."));
      valid = FALSE;
    }
  if ((message = _hall_leader_check_date (due)) == NULL && self->today != NULL && strcmp (due, self->today) < 0)
    message = _("The date to report back by cannot be in the past.");
  if (message != NULL)
    {
      _hall_form_set_error (GTK_WIDGET (self->due_row), GTK_WIDGET (self->due_error), message);
      valid = FALSE;
    }
  if (!valid)
    return;

  params = _hall_leader_params_id ("matter_id", self->flag_matter_id);
  json_object_set_string_member (params, "note", note);
  json_object_set_string_member (params, "due_date", due);
  self->busy = TRUE;
  update_actions (self);
  hall_client_call_async (self->client, "matter.supervise", params, cancellable (self), supervised_cb,
                          g_object_ref (self));
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (widget);
  gint64 matter_id = g_variant_get_int64 (parameter);
  JsonObject *data = find_matter (self, matter_id);
  g_autofree char *title = NULL;

  if (data == NULL)
    return;
  self->resolve_matter_id = matter_id;
  /* Translators: title of the form that ends a supervision (督办), %s the matter number */
  title = g_strdup_printf (_("Resolve the Supervision of %s"),
                           json_object_get_string_member_with_default (data, "matter_number", ""));
  gtk_label_set_text (self->resolve_title, title);
  gtk_label_set_text (self->resolve_subtitle, json_object_get_string_member_with_default (data, "note", ""));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->resolution_view), "", -1);
  _hall_form_set_error (GTK_WIDGET (self->resolution_view), GTK_WIDGET (self->resolution_error), NULL);
  _hall_form_set_error (GTK_WIDGET (self->resolve_error), GTK_WIDGET (self->resolve_error), NULL);
  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "resolve");
  gtk_widget_grab_focus (GTK_WIDGET (self->resolution_view));
}

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr (HallSupervisionPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  update_actions (self);
  if (reply == NULL)
    {
      if (g_strcmp0 (hall_error_get_field (error), "resolution") == 0)
        _hall_form_set_error (GTK_WIDGET (self->resolution_view), GTK_WIDGET (self->resolution_error), error->message);
      else
        _hall_form_set_error (GTK_WIDGET (self->resolve_error), GTK_WIDGET (self->resolve_error), error->message);
      return;
    }
  /* Translators: after ending the supervision (督办) of a matter, %s its number */
  message = g_strdup_printf (_("The supervision of %s is resolved"),
                             json_object_get_string_member_with_default (json_object_get_object_member (reply, "supervision"),
                                                                         "matter_number", ""));
  toast (self, message);
  self->resolve_matter_id = 0;
  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
  refresh (self);
}

static void
resolve_response_cb (HallSupervisionPage *self,
                     const char          *response,
                     AdwMessageDialog    *dialog)
{
  g_autoptr (JsonObject) params = NULL;
  g_autofree char *resolution = NULL;

  if (g_strcmp0 (response, "resolve") != 0 || self->client == NULL || self->busy || self->resolve_matter_id == 0)
    return;
  resolution = _hall_leader_text_view_get (self->resolution_view);
  params = _hall_leader_params_id ("matter_id", self->resolve_matter_id);
  json_object_set_boolean_member (params, "resolve", TRUE);
  json_object_set_string_member (params, "resolution", resolution);
  self->busy = TRUE;
  update_actions (self);
  hall_client_call_async (self->client, "matter.supervise", params, cancellable (self), resolved_cb,
                          g_object_ref (self));
}

/* Resolving is for good: write the resolution, then confirm. */
static void
resolve_submit_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (widget);
  g_autofree char *resolution = _hall_leader_text_view_get (self->resolution_view);
  JsonObject *data = find_matter (self, self->resolve_matter_id);
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  _hall_form_set_error (GTK_WIDGET (self->resolution_view), GTK_WIDGET (self->resolution_error), NULL);
  _hall_form_set_error (GTK_WIDGET (self->resolve_error), GTK_WIDGET (self->resolve_error), NULL);
  if (*resolution == '\0')
    {
      _hall_form_set_error (GTK_WIDGET (self->resolution_view), GTK_WIDGET (self->resolution_error),
                            _("Write how the department dealt with the matter."));
      return;
    }
  /* Translators: question before ending a supervision (督办), %s the matter number */
  heading = g_strdup_printf (_("Resolve the Supervision of %s?"),
                             data ? json_object_get_string_member_with_default (data, "matter_number", "") : "");
  dialog = _hall_admin_confirm (widget, heading,
                                _("The flag is lifted for good and the department no longer reports on it."),
                                /* Translators: button that ends a supervision (督办) */
                                "resolve", _("_Resolve"), G_CALLBACK (resolve_response_cb), self);
  g_object_set_data_full (G_OBJECT (dialog), "page", g_object_ref (self), g_object_unref);
}

static void
charged_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr (HallSupervisionPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);
  g_autofree char *message = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  update_actions (self);
  if (reply == NULL)
    {
      toast (self, error->message);
      return;
    }
  /* Translators: after the leader took charge of a matter (包案), %s its number */
  message = g_strdup_printf (_("You are in charge of %s now; see My Charged Matters"),
                             json_object_get_string_member_with_default (json_object_get_object_member (reply, "charge"),
                                                                         "matter_number", ""));
  toast (self, message);
  refresh (self);
}

static void
take_charge_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (widget);
  g_autoptr (JsonObject) params = _hall_leader_params_id ("matter_id", g_variant_get_int64 (parameter));

  self->busy = TRUE;
  update_actions (self);
  hall_client_call_async (self->client, "leader.charge", params, cancellable (self), charged_cb, g_object_ref (self));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (widget);

  /* From a matter's details, back to where they were opened. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "matter") == 0 && self->return_view != NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, self->return_view);
      return;
    }
  self->flag_matter_id = 0;
  self->resolve_matter_id = 0;
  update_actions (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

static void
show_matter_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (widget);

  g_free (self->return_view);
  self->return_view = g_strdup (gtk_stack_get_visible_child_name (self->stack));
  hall_matter_view_set_matter_id (self->matter_view, g_variant_get_int64 (parameter));
  gtk_stack_set_visible_child_name (self->stack, "matter");
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  refresh (HALL_SUPERVISION_PAGE (widget));
}

static void
event_cb (HallSupervisionPage *self,
          JsonObject          *event)
{
  const char *kind = json_object_get_string_member_with_default (event, "kind", "");

  if (g_str_has_prefix (kind, "matter.") || g_str_has_prefix (kind, "leader.charge")
      || g_str_equal (kind, "setup.changed"))
    refresh (self);
}

static void
connected_cb (HallSupervisionPage *self)
{
  update_actions (self);
  if (self->client != NULL && hall_client_get_connected (self->client))
    refresh (self);
}

static void
user_cb (HallSupervisionPage *self)
{
  refresh (self);
}

static void
hall_supervision_page_dispose (GObject *object)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->client_signals != NULL)
    g_signal_group_set_target (self->client_signals, NULL);
  if (self->client_notify != NULL)
    g_signal_group_set_target (self->client_notify, NULL);
  g_clear_object (&self->client_signals);
  g_clear_object (&self->client_notify);
  g_clear_object (&self->client);
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_SUPERVISION_PAGE);
  G_OBJECT_CLASS (hall_supervision_page_parent_class)->dispose (object);
}

static void
hall_supervision_page_finalize (GObject *object)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (object);

  g_clear_object (&self->overdue);
  g_clear_object (&self->due_soon);
  g_clear_object (&self->flagged);
  g_free (self->today);
  g_free (self->return_view);
  G_OBJECT_CLASS (hall_supervision_page_parent_class)->finalize (object);
}

static void
hall_supervision_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_supervision_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HallSupervisionPage *self = HALL_SUPERVISION_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      if (!g_set_object (&self->client, g_value_get_object (value)))
        break;
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->loading = FALSE;
      g_signal_group_set_target (self->client_signals, self->client);
      g_signal_group_set_target (self->client_notify, self->client);
      hall_matter_view_set_client (self->matter_view, self->client);
      update_actions (self);
      refresh (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_supervision_page_class_init (HallSupervisionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hall_supervision_page_dispose;
  object_class->finalize = hall_supervision_page_finalize;
  object_class->get_property = hall_supervision_page_get_property;
  object_class->set_property = hall_supervision_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL, HALL_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/xinfanghall/Hall/ui/hall-supervision-page.ui");
  g_type_ensure (HALL_TYPE_MATTER_VIEW);
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, HallSupervisionPage, name)
  CHILD (toast_overlay);
  CHILD (matter_view);
  CHILD (stack);
  CHILD (summary_label);
  CHILD (list_error);
  CHILD (overdue_list);
  CHILD (due_soon_list);
  CHILD (flagged_list);
  CHILD (flag_title);
  CHILD (flag_subtitle);
  CHILD (note_view);
  CHILD (note_error);
  CHILD (due_row);
  CHILD (due_error);
  CHILD (flag_error);
  CHILD (resolve_title);
  CHILD (resolve_subtitle);
  CHILD (resolution_view);
  CHILD (resolution_error);
  CHILD (resolve_error);
#undef CHILD

  gtk_widget_class_install_action (widget_class, "supervision.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "supervision.flag", "x", flag_action);
  gtk_widget_class_install_action (widget_class, "supervision.take-charge", "x", take_charge_action);
  gtk_widget_class_install_action (widget_class, "supervision.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "supervision.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "supervision.resolve", "x", resolve_action);
  gtk_widget_class_install_action (widget_class, "supervision.resolve-submit", NULL, resolve_submit_action);
  gtk_widget_class_install_action (widget_class, "supervision.show-matter", "x", show_matter_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "supervision.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "supervision.submit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "supervision.back", NULL);
}

static void
hall_supervision_page_init (HallSupervisionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->overdue = g_list_store_new (HALL_TYPE_BOARD_ITEM);
  self->due_soon = g_list_store_new (HALL_TYPE_BOARD_ITEM);
  self->flagged = g_list_store_new (HALL_TYPE_BOARD_ITEM);
  gtk_list_box_bind_model (self->overdue_list, G_LIST_MODEL (self->overdue), create_row, NULL, NULL);
  gtk_list_box_bind_model (self->due_soon_list, G_LIST_MODEL (self->due_soon), create_row, NULL, NULL);
  gtk_list_box_bind_model (self->flagged_list, G_LIST_MODEL (self->flagged), create_row, NULL, NULL);

  self->client_signals = g_signal_group_new (HALL_TYPE_CLIENT);
  g_signal_group_connect_swapped (self->client_signals, "event", G_CALLBACK (event_cb), self);
  self->client_notify = g_signal_group_new (G_TYPE_OBJECT);
  g_signal_group_connect_swapped (self->client_notify, "notify::connected", G_CALLBACK (connected_cb), self);
  g_signal_group_connect_swapped (self->client_notify, "notify::user", G_CALLBACK (user_cb), self);
  update_actions (self);
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
  return G_LIST_MODEL (self->flagged);
}

const char *
hall_supervision_page_get_view (HallSupervisionPage *self)
{
  g_return_val_if_fail (HALL_IS_SUPERVISION_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}
