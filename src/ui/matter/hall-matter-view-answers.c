/* hall-matter-view-answers.c — the matter view's written answers and the requests against them:
 * the reply (答复), the review (复查, 条例 35) and the re-review (复核, 条例 36), each answered in
 * the same form of facts, basis and opinion, and each review asked for in the same form of the
 * date received and what is asked
 *
 * The 30 days to ask are the hall's to count: the form says until when, and a late request comes
 * back from the hall with its message at the date, the typed request kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-matter-view"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-date-row.h"
#include "hall-form.h"
#include "hall-json.h"
#include "hall-labels.h"
#include "hall-matter-view-private.h"

static const char *const reply_opinions[] = { "support", "explain", "reject", NULL };
static const char *const review_opinions[] = { "uphold", "revise", NULL };

/* One step of the written answers: a request (NULL @opinions: a date and what is asked) or an
 * answer (facts, basis, the opinion among @opinions and its words). */
typedef struct
{
  const char        *form; /* the form's name, and its action's after "matter." */
  const char        *command;
  const char *const *opinions;
  const char        *title;
  const char        *apply;
  const char        *opinion_title;
  const char        *done; /* the toast once the hall has it */
} Step;

static const Step steps[] = {
  { "reply", "matter.reply", reply_opinions, N_ ("Reply to the petitioner"), N_ ("_Reply"),
    N_ ("Opinion"),
    /* Translators: toast after the reply (答复) was recorded */
    N_ ("Reply recorded") },
  /* Translators: form title: a petitioner's request for a review (复查申请) is recorded */
  { "review-request", "matter.review_request", NULL, N_ ("Record a review request"),
    /* Translators: button of the review and re-review request forms */
    N_ ("_Record Request"), NULL,
    /* Translators: toast after a review request (复查申请) was recorded */
    N_ ("Review request recorded") },
  /* Translators: form title: 出具复查意见 */
  { "review-reply", "matter.review_reply", review_opinions, N_ ("Give the review opinion"),
    /* Translators: button of the review and re-review opinion forms (出具意见) */
    N_ ("_Give Opinion"),
    /* Translators: a field of the review opinion form: 复查意见, upheld or changed */
    N_ ("Review opinion"),
    /* Translators: toast after the review opinion (复查意见) was recorded */
    N_ ("Review opinion recorded") },
  /* Translators: form title: a petitioner's request for a re-review (复核申请) is recorded */
  { "rereview-request", "matter.rereview_request", NULL, N_ ("Record a re-review request"),
    N_ ("_Record Request"), NULL,
    /* Translators: toast after a re-review request (复核申请) was recorded */
    N_ ("Re-review request recorded") },
  /* Translators: form title: 出具复核意见 */
  { "rereview-reply", "matter.rereview_reply", review_opinions, N_ ("Give the re-review opinion"),
    N_ ("_Give Opinion"),
    /* Translators: a field of the re-review opinion form: 复核意见, upheld or changed */
    N_ ("Re-review opinion"),
    /* Translators: toast after the re-review opinion (复核意见) was recorded */
    N_ ("Re-review opinion recorded") },
};

static const Step *
find_step (const char *form)
{
  for (guint i = 0; form != NULL && i < G_N_ELEMENTS (steps); i++)
    if (g_str_equal (form, steps[i].form))
      return &steps[i];
  return NULL;
}

static gboolean
state_is (JsonObject *matter,
          const char *a,
          const char *b)
{
  const char *state = _hall_json_string (matter, "state");

  return g_strcmp0 (state, a) == 0 || (b != NULL && g_strcmp0 (state, b) == 0);
}

/* What the form tells before anything is typed: the parts of the paper, or until when the
 * petitioner may ask (the hall's date, and whether it has passed by the hall's today). */
static char *
dup_description (HallMatterView *self,
                 const Step     *step,
                 JsonObject     *matter)
{
  gboolean    review = g_str_has_prefix (step->form, "review");
  const char *until = _hall_json_string (
      matter, review ? "review_request_until" : "rereview_request_until");
  gboolean passed = until != NULL && self->today != NULL && strcmp (until, self->today) < 0;

  if (g_str_equal (step->form, "reply"))
    /* Translators: under the reply form's title: the parts of 处理意见书 (条例 32) */
    return g_strdup (_ ("The written opinion states the facts found, the laws and policies it "
                        "relies on, and the opinion."));
  if (g_str_equal (step->form, "review-reply"))
    /* Translators: under the review opinion form's title (复查意见书, 条例 35) */
    return g_strdup (_ ("The review opinion states the facts found, the basis, and whether the "
                        "reply is upheld or changed. The petitioner may ask for a re-review "
                        "within 30 days of receiving it."));
  if (g_str_equal (step->form, "rereview-reply"))
    /* Translators: under the re-review opinion form's title (复核意见书, 条例 36) */
    return g_strdup (_ ("The re-review opinion is final: the same facts and reasons are not "
                        "taken up again."));
  if (until == NULL)
    /* Translators: under the review or re-review request form's title */
    return g_strdup (_ ("Enter the day the request was received and what the petitioner asks."));
  if (review && passed)
    /* Translators: under the review request form's title; %s is a date */
    return g_strdup_printf (_ ("The 30 days to ask for a review ended on %s. The hall refuses a "
                               "request received later."),
                            until);
  if (review)
    /* Translators: under the review request form's title; %s is a date (条例 35) */
    return g_strdup_printf (_ ("A review may be asked for within 30 days of receiving the reply, "
                               "until %s. The review opinion is due 30 days after the request."),
                            until);
  if (passed)
    /* Translators: under the re-review request form's title; %s is a date */
    return g_strdup_printf (_ ("The 30 days to ask for a re-review ended on %s. The hall refuses "
                               "a request received later."),
                            until);
  /* Translators: under the re-review request form's title; %s is a date (条例 36) */
  return g_strdup_printf (_ ("A re-review may be asked for within 30 days of receiving the review "
                             "opinion, until %s. The re-review opinion is due 30 days after the "
                             "request."),
                          until);
}

/* hall.info read again for a request form: the hall's day may have turned since the view read
 * it. A date still as the form put it follows; one the clerk chose stays. */
static void
today_cb (HallPage     *page,
          JsonObject   *reply,
          const GError *error,
          gpointer      user_data)
{
  HallMatterView *self = HALL_MATTER_VIEW (page);
  const char     *today = _hall_json_string (reply, "today");
  GtkWidget      *date = hall_action_form_get_field (self->action_form, "request_date");

  if (today == NULL)
    return;
  if (HALL_IS_DATE_ROW (date)
      && g_strcmp0 (hall_date_row_get_date (HALL_DATE_ROW (date)), self->today) == 0)
    hall_date_row_set_date (HALL_DATE_ROW (date), today);
  g_free (self->today);
  self->today = g_strdup (today);
}

/* "matter.reply", "matter.review-request" …: opens the step's form on the shown matter. */
static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HallMatterView      *self = HALL_MATTER_VIEW (widget);
  const Step          *step = find_step (action_name + strlen ("matter."));
  JsonObject          *matter = _hall_matter_view_get_matter (self);
  AdwPreferencesGroup *group;
  g_autofree char     *description = NULL;

  if (step == NULL || matter == NULL)
    return;
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  description = dup_description (self, step, matter);
  adw_preferences_group_set_description (group, description);
  if (step->opinions == NULL)
    {
      GtkWidget *date = _hall_form_add_field (
          /* Translators: the day the hall received a review or re-review request */
          group, "request_date", _ ("Date received"), hall_date_row_new ());

      /* The hall's today (hall.info), never this PC's. */
      hall_date_row_set_date (HALL_DATE_ROW (date), self->today);
      /* Translators: a field of the review and re-review request forms (请求事项及理由) */
      _hall_form_add_text_area (group, "reason", _ ("Request and its reasons"));
      hall_page_call (HALL_PAGE (self), "hall.info", NULL, today_cb, NULL);
    }
  else
    {
      const char *labels[G_N_ELEMENTS (reply_opinions)] = { NULL };

      for (guint i = 0; step->opinions[i] != NULL; i++)
        labels[i] = hall_label_opinion (step->opinions[i]);
      /* Translators: 查明事实, a field of the reply form */
      _hall_form_add_text_area (group, "facts", _ ("Facts found"));
      /* Translators: 依据, a field of the reply form */
      _hall_form_add_text_area (group, "basis", _ ("Basis: laws and policies relied on"));
      _hall_form_add_combo (group, "opinion", _ (step->opinion_title), labels);
      /* Translators: 处理意见 in words, a field of the reply form */
      _hall_form_add_text_area (group, "text", _ ("Opinion in words"));
    }
  hall_action_form_open (self->action_form, step->form, _ (step->title), _ (step->apply), group);
  hall_page_update_actions (HALL_PAGE (self));
}

const char *
_hall_matter_view_answer_command (const char *form)
{
  const Step *step = find_step (form);

  return step != NULL ? step->command : NULL;
}

const char *
_hall_matter_view_answer_done (const char *form)
{
  const Step *step = find_step (form);

  return step != NULL ? _ (step->done) : NULL;
}

gboolean
_hall_matter_view_take_answer (HallMatterView *self,
                               const char     *form,
                               JsonObject     *params)
{
  const Step *step = find_step (form);
  gboolean    ok;

  g_return_val_if_fail (step != NULL, FALSE);
  /* Each field wrong says so at once; what was typed stays. */
  if (step->opinions == NULL)
    {
      ok = _hall_matter_view_take_date (self, params, "request_date");
      ok = _hall_matter_view_take_required (self, params, "reason") && ok;
      return ok;
    }
  ok = _hall_matter_view_take_required (self, params, "facts");
  ok = _hall_matter_view_take_required (self, params, "basis") && ok;
  ok = _hall_matter_view_take_required (self, params, "text") && ok;
  json_object_set_string_member (params, "opinion",
                                 _hall_matter_view_selected_code (self, "opinion", step->opinions));
  return ok;
}

void
_hall_matter_view_update_answer_actions (HallMatterView *self,
                                         gboolean        writer)
{
  JsonObject *matter = _hall_matter_view_get_matter (self);
  GtkWidget  *buttons[G_N_ELEMENTS (steps)] = {
     self->reply_button,
     self->review_request_button,
     self->review_reply_button,
     self->rereview_request_button,
     self->rereview_reply_button,
  };
  /* As the engine allows each: a review asked once, after the reply (also once closed); a
   * re-review once, after the review. */
  gboolean allowed[G_N_ELEMENTS (steps)] = {
    state_is (matter, "accepted", "assigned") || state_is (matter, "objected", NULL),
    state_is (matter, "replied", "closed") && _hall_json_string (matter, "replied_date") != NULL
        && _hall_json_string (matter, "review_requested_date") == NULL,
    state_is (matter, "review", NULL),
    state_is (matter, "reviewed", "closed") && _hall_json_string (matter, "reviewed_date") != NULL
        && _hall_json_string (matter, "rereview_requested_date") == NULL,
    state_is (matter, "rereview", NULL),
  };

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *action = g_strconcat ("matter.", steps[i].form, NULL);

      _hall_matter_view_set_action (self, action, buttons[i], writer && allowed[i]);
    }
}

void
_hall_matter_view_add_answer_rows (HallMatterView *self)
{
  static const struct
  {
    const char *level; /* the prefix of the matter's columns */
    const char *request_title;
    const char *answer_title;
  } levels[] = {
    { "reply", NULL, N_ ("Reply") },
    /* Translators: a matter's detail: the petitioner's request for a review (复查申请) */
    { "review", N_ ("Review request"),
      /* Translators: a matter's detail: the review opinion (复查意见) */
      N_ ("Review opinion") },
    /* Translators: a matter's detail: the petitioner's request for a re-review (复核申请) */
    { "rereview", N_ ("Re-review request"),
      /* Translators: a matter's detail: the re-review opinion (复核意见), which is final */
      N_ ("Re-review opinion (final)") },
  };
  JsonObject *matter = _hall_matter_view_get_matter (self);

  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autofree char *requested = g_strconcat (levels[i].level, "_requested_date", NULL);
      g_autofree char *reason = g_strconcat (levels[i].level, "_reason", NULL);
      g_autofree char *opinion = g_strconcat (levels[i].level, "_opinion", NULL);
      g_autofree char *text = g_strconcat (levels[i].level, "_text", NULL);

      if (levels[i].request_title != NULL && _hall_json_string (matter, requested) != NULL)
        {
          g_autofree char *value =
              g_strdup_printf ("%s · %s", _hall_json_string (matter, requested),
                               _hall_json_string (matter, reason) ?: "");
          _hall_matter_view_add_detail_row (self->details_list, _ (levels[i].request_title),
                                            value);
        }
      if (_hall_json_string (matter, opinion) != NULL)
        {
          g_autofree char *value =
              g_strdup_printf ("%s: %s", hall_label_opinion (_hall_json_string (matter, opinion)),
                               _hall_json_string (matter, text) ?: "");
          _hall_matter_view_add_detail_row (self->details_list, _ (levels[i].answer_title),
                                            value);
        }
    }
}

void
_hall_matter_view_add_answer_detail (const char *kind,
                                     JsonObject *detail,
                                     GPtrArray  *parts)
{
  const char *s;

  if ((s = _hall_json_string (detail, "request_date")) != NULL)
    /* Translators: timeline: the day a review or re-review request was received; %s is a date */
    g_ptr_array_add (parts, g_strdup_printf (_ ("Received %s"), s));
  if (g_str_has_suffix (kind, "_requested") && (s = _hall_json_string (detail, "due")) != NULL)
    /* Translators: timeline: the review or re-review opinion is due on this date */
    g_ptr_array_add (parts, g_strdup_printf (_ ("Opinion due %s"), s));
  if ((s = _hall_json_string (detail, "review_request_until")) != NULL)
    /* Translators: timeline: the petitioner may ask for a review (复查) until this date */
    g_ptr_array_add (parts, g_strdup_printf (_ ("Review may be asked for until %s"), s));
  if ((s = _hall_json_string (detail, "rereview_request_until")) != NULL)
    /* Translators: timeline: the petitioner may ask for a re-review (复核) until this date */
    g_ptr_array_add (parts, g_strdup_printf (_ ("Re-review may be asked for until %s"), s));
  if (g_strcmp0 (kind, "rereviewed") == 0)
    /* Translators: timeline: the re-review opinion is final (条例 36) */
    g_ptr_array_add (parts, g_strdup (_ ("Final")));
}

void
_hall_matter_view_class_install_answer_actions (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autofree char *action = g_strconcat ("matter.", steps[i].form, NULL);

      gtk_widget_class_install_action (widget_class, action, NULL, open_action);
    }
}
