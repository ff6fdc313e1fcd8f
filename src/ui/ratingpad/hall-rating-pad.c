/* hall-rating-pad.c — a window's rating pad (评价器, 一次一评), facing the visitor
 *
 * Idle, the pad shows its window and the staff on duty. When the window finishes a ticket
 * (ticket.finished at its counter on the change feed, or rating.pending after a reconnect), it
 * asks 非常满意 / 满意 / 不满意 in large buttons, with optional 1–5 scores for 态度, 质量, 效率
 * and 廉洁自律; one tap on a level sends the rating. It thanks the visitor and goes back to idle;
 * a visitor who does not rate leaves the question for the next one after a minute. The pad
 * never receives anything about the visitor: the ticket's number, the window, the staff's name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-rating-pad"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-error.h"
#include "hall-labels.h"
#include "hall-rating-pad.h"

#define N_SCORES 4
#define MAX_SCORE 5
#define DEFAULT_ASK_SECONDS 60
#define DEFAULT_THANKS_SECONDS 6

struct _HallRatingPad
{
  HallPage parent_instance;

  gint64   counter_id;
  gint64   ticket_id;      /* the ticket asked about */
  gint64   done_ticket_id; /* the last ticket rated or left unrated: not asked again */
  guint    ask_seconds;
  guint    thanks_seconds;
  guint    timeout_id;
  gboolean sending;

  GtkToggleButton *scores[N_SCORES][MAX_SCORE];

  GtkStack      *stack;
  AdwStatusPage *error_page;
  GtkLabel      *counter_label;
  GtkLabel      *staff_label;
  GtkLabel      *ticket_label;
  GtkGrid       *scores_grid;
  GtkLabel      *message_label;
};

G_DEFINE_FINAL_TYPE (HallRatingPad, hall_rating_pad, HALL_TYPE_PAGE)

static const char *const score_members[N_SCORES] = { "attitude", "quality", "efficiency",
                                                     "integrity" };

static void show_idle (HallRatingPad *self);

/* ---- screens -------------------------------------------------------------------------------- */

static void
set_timeout (HallRatingPad *self,
             guint          seconds,
             GSourceFunc    func)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add_seconds (seconds, func, self);
}

static gboolean
back_to_idle_cb (gpointer data)
{
  HallRatingPad *self = data;

  self->timeout_id = 0;
  show_idle (self);
  /* A ticket finished while the pad thanked someone is asked about now. */
  hall_page_refresh (HALL_PAGE (self));
  return G_SOURCE_REMOVE;
}

static void
show_idle (HallRatingPad *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->ticket_id != 0)
    self->done_ticket_id = self->ticket_id;
  self->ticket_id = 0;
  gtk_stack_set_visible_child_name (self->stack, "idle");
}

static void
clear_scores (HallRatingPad *self)
{
  for (guint i = 0; i < N_SCORES; i++)
    for (guint j = 0; j < MAX_SCORE; j++)
      gtk_toggle_button_set_active (self->scores[i][j], FALSE);
}

static void
ask (HallRatingPad *self,
     JsonObject    *pending)
{
  g_autofree char *ticket = NULL;

  self->ticket_id = json_object_get_int_member (pending, "ticket_id");
  /* Translators: on the rating pad, the visitor's ticket number, "C011 号" */
  ticket = g_strdup_printf (C_ ("rating pad", "No. %s"), json_object_get_string_member_with_default (
                                                             pending, "code", ""));
  gtk_label_set_text (self->ticket_label, ticket);
  gtk_label_set_text (self->message_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->message_label), FALSE);
  clear_scores (self);
  gtk_stack_set_visible_child_name (self->stack, "ask");
  set_timeout (self, self->ask_seconds, back_to_idle_cb);
}

static void
show_counter (HallRatingPad *self,
              JsonObject    *counter)
{
  const char      *staff = json_object_get_string_member_with_default (counter, "staff_name", NULL);
  const char      *state = json_object_get_string_member_with_default (counter, "state", "");
  g_autofree char *staff_text = NULL;

  gtk_label_set_text (self->counter_label,
                      json_object_get_string_member_with_default (counter, "name", ""));
  if (g_str_equal (state, "closed") || staff == NULL)
    /* Translators: on the rating pad while its window is closed */
    staff_text = g_strdup (_ ("This window is not serving at the moment"));
  else if (g_str_equal (state, "paused"))
    /* Translators: on the rating pad while its window has paused, %s is the staff's name */
    staff_text = g_strdup_printf (_ ("On duty: %s · paused"), staff);
  else
    /* Translators: on the rating pad, the staff member serving at the window */
    staff_text = g_strdup_printf (_ ("On duty: %s"), staff);
  gtk_label_set_text (self->staff_label, staff_text);
}

/* ---- calls ---------------------------------------------------------------------------------- */

static void
pending_cb (HallPage     *page,
            JsonObject   *reply,
            const GError *error,
            gpointer      user_data)
{
  HallRatingPad *self = HALL_RATING_PAD (page);
  JsonObject    *pending;
  const char    *screen = gtk_stack_get_visible_child_name (self->stack);
  gint64         ticket_id;

  if (reply == NULL && (g_str_equal (screen, "ask") || g_str_equal (screen, "thanks")))
    {
      /* The visitor's question stays; the device shell says when the pad is offline. */
      g_debug ("rating.pending: %s", error->message);
      return;
    }
  if (reply == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  show_counter (self, json_object_get_object_member (reply, "counter"));
  pending = json_object_get_object_member (reply, "pending");
  ticket_id = pending ? json_object_get_int_member (pending, "ticket_id") : 0;

  if (g_str_equal (screen, "thanks"))
    return;
  if (ticket_id != 0 && ticket_id != self->ticket_id && ticket_id != self->done_ticket_id)
    ask (self, pending);
  else if (ticket_id == 0 && g_str_equal (screen, "ask") && !self->sending)
    /* Rated elsewhere or too late: nothing left to ask. */
    show_idle (self);
  else if (!g_str_equal (screen, "ask"))
    gtk_stack_set_visible_child_name (self->stack, "idle");
}

static void
hall_rating_pad_refresh (HallPage *page)
{
  HallRatingPad *self = HALL_RATING_PAD (page);
  JsonObject    *params = json_object_new ();

  if (self->counter_id != 0)
    json_object_set_int_member (params, "counter_id", self->counter_id);
  hall_page_load (page, "rating.pending", params, pending_cb, NULL);
}

static void
hall_rating_pad_event (HallPage   *page,
                       const char *kind,
                       JsonObject *event)
{
  HallRatingPad *self = HALL_RATING_PAD (page);
  gint64         counter_id = json_object_get_int_member_with_default (event, "counter_id", 0);

  /* Its own window's changes, and a change of accounts (a new binding, a renamed staff). */
  if (counter_id == self->counter_id || g_str_equal (kind, "account.changed")
      || g_str_equal (kind, "hall.restored"))
    hall_page_refresh (page);
}

static void
hall_rating_pad_update_actions (HallPage *page)
{
  HallRatingPad *self = HALL_RATING_PAD (page);

  gtk_widget_action_set_enabled (GTK_WIDGET (page), "pad.rate",
                                 hall_page_is_online (page) && !self->sending);
}

static void
submitted_cb (HallPage     *page,
              JsonObject   *reply,
              const GError *error,
              gpointer      user_data)
{
  HallRatingPad *self = HALL_RATING_PAD (page);

  self->sending = FALSE;
  hall_rating_pad_update_actions (page);
  if (reply == NULL)
    {
      /* Said where the visitor looks. A service that cannot be rated any more (already rated,
       * too late) leaves soon; otherwise the visitor may tap again until the question times out. */
      gtk_label_set_text (self->message_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->message_label), TRUE);
      if (error->domain == HALL_ERROR && error->code == HALL_ERROR_CONFLICT)
        set_timeout (self, self->thanks_seconds, back_to_idle_cb);
      else
        set_timeout (self, self->ask_seconds, back_to_idle_cb);
      return;
    }
  self->done_ticket_id = self->ticket_id;
  gtk_stack_set_visible_child_name (self->stack, "thanks");
  set_timeout (self, self->thanks_seconds, back_to_idle_cb);
}

static void
rate_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HallRatingPad *self = HALL_RATING_PAD (widget);
  JsonObject    *params;

  if (self->ticket_id == 0 || self->sending)
    return;
  params = json_object_new ();
  json_object_set_int_member (params, "ticket_id", self->ticket_id);
  json_object_set_string_member (params, "level", g_variant_get_string (parameter, NULL));
  for (guint i = 0; i < N_SCORES; i++)
    for (guint j = 0; j < MAX_SCORE; j++)
      if (gtk_toggle_button_get_active (self->scores[i][j]))
        json_object_set_int_member (params, score_members[i], j + 1);
  self->sending = TRUE;
  hall_rating_pad_update_actions (HALL_PAGE (self));
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  hall_page_call (HALL_PAGE (self), "rating.submit", params, submitted_cb, NULL);
}

/* ---- the score rows ------------------------------------------------------------------------- */

static void
build_scores (HallRatingPad *self)
{
  for (guint i = 0; i < N_SCORES; i++)
    {
      const char *score = hall_label_rating_score (score_members[i]);
      GtkWidget  *label = gtk_label_new (score);

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_widget_add_css_class (label, "rating-score-name");
      gtk_grid_attach (self->scores_grid, label, 0, i, 1, 1);
      for (guint j = 0; j < MAX_SCORE; j++)
        {
          g_autofree char *text = g_strdup_printf ("%u", j + 1);
          g_autofree char *name = NULL;
          g_autofree char *widget_name = g_strdup_printf ("score-%s-%u", score_members[i], j + 1);
          GtkWidget       *button = gtk_toggle_button_new_with_label (text);

          /* Translators: accessible name of a score button on the rating pad, "态度 5 分" */
          name = g_strdup_printf (_ ("%s %u"), score, j + 1);
          gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          name, -1);
          gtk_widget_set_name (button, widget_name);
          gtk_widget_add_css_class (button, "rating-score");
          if (j > 0)
            gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->scores[i][0]);
          self->scores[i][j] = GTK_TOGGLE_BUTTON (button);
          gtk_grid_attach (self->scores_grid, button, 1 + j, i, 1, 1);
        }
    }
}

/* ---- overrides ------------------------------------------------------------------------------ */

static void
hall_rating_pad_dispose (GObject *object)
{
  HallRatingPad *self = HALL_RATING_PAD (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), HALL_TYPE_RATING_PAD);
  G_OBJECT_CLASS (hall_rating_pad_parent_class)->dispose (object);
}

static void
hall_rating_pad_class_init (HallRatingPadClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_rating_pad_dispose;
  page_class->refresh = hall_rating_pad_refresh;
  page_class->event = hall_rating_pad_event;
  page_class->update_actions = hall_rating_pad_update_actions;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/ratingpad/hall-rating-pad.ui");
  gtk_widget_class_bind_template_child (widget_class, HallRatingPad, stack);
  gtk_widget_class_bind_template_child (widget_class, HallRatingPad, error_page);
  gtk_widget_class_bind_template_child (widget_class, HallRatingPad, counter_label);
  gtk_widget_class_bind_template_child (widget_class, HallRatingPad, staff_label);
  gtk_widget_class_bind_template_child (widget_class, HallRatingPad, ticket_label);
  gtk_widget_class_bind_template_child (widget_class, HallRatingPad, scores_grid);
  gtk_widget_class_bind_template_child (widget_class, HallRatingPad, message_label);

  gtk_widget_class_install_action (widget_class, "pad.rate", "s", rate_action);
  gtk_widget_class_set_css_name (widget_class, "ratingpad");
}

static void
hall_rating_pad_init (HallRatingPad *self)
{
  self->ask_seconds = DEFAULT_ASK_SECONDS;
  self->thanks_seconds = DEFAULT_THANKS_SECONDS;
  gtk_widget_init_template (GTK_WIDGET (self));
  build_scores (self);
  hall_rating_pad_update_actions (HALL_PAGE (self));
}

/* ---- public API ----------------------------------------------------------------------------- */

GtkWidget *
hall_rating_pad_new (HallClient *client,
                     gint64      counter_id)
{
  HallRatingPad *self = g_object_new (HALL_TYPE_RATING_PAD, NULL);

  /* The window first: setting the client loads what the pad shows. */
  self->counter_id = counter_id;
  hall_page_set_client (HALL_PAGE (self), client);
  return GTK_WIDGET (self);
}

const char *
hall_rating_pad_get_screen (HallRatingPad *self)
{
  g_return_val_if_fail (HALL_IS_RATING_PAD (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gint64
hall_rating_pad_get_ticket_id (HallRatingPad *self)
{
  g_return_val_if_fail (HALL_IS_RATING_PAD (self), 0);
  return self->ticket_id;
}

void
hall_rating_pad_set_timeouts (HallRatingPad *self,
                              guint          ask_seconds,
                              guint          thanks_seconds)
{
  g_return_if_fail (HALL_IS_RATING_PAD (self));
  self->ask_seconds = MAX (ask_seconds, 1);
  self->thanks_seconds = MAX (thanks_seconds, 1);
}
