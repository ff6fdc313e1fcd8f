/* test-review-ui.c — the matter view's review (复查, 条例 35) and re-review (复核, 条例 36)
 * under Xvfb, against the real server on 127.0.0.1
 *
 * Window staff of the lead department reply to a matter, record the petitioner's review request,
 * give the review opinion (the server stopped while it is typed: the form keeps the text), record
 * the re-review request and give the re-review opinion; the timeline, the state and the print menu
 * follow each step, and the 复查意见书 and 复核意见书 printed to PDF read back with pdftotext. An
 * empty request is said at its field; a request after the 30 days comes back from the hall at the
 * date, the text kept; staff of the cooperating department read the matter without the actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "hall-date-row.h"
#include "hall-form.h"
#include "hall-matter-view-private.h"
#include "hall-print.h"
#include "hall-remote-client.h"
#include "hall-test-server.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"

#define ID_WANG "431228198001151236"
#define PHONE_WANG "13800138000"

typedef struct
{
  HallTestHall   *hall;
  HallTestServer *server;
  char           *today;
  gint64          matter;      /* assigned today: the steps are taken in the view */
  gint64          late_matter; /* replied 50 days ago: the 30 days to ask have ended */
  char           *dir;
  HallClient     *client; /* the view's, signed in to the server */
  GtkWidget      *window;
  GtkWidget      *view;
} Fixture;

static void
assert_field (GtkWidget  *view,
              const char *name,
              const char *text)
{
  g_autofree char *kept = hall_ui_test_dup_text (view, name);

  g_assert_cmpstr (kept, ==, text);
}

static gboolean
shown (GtkWidget  *view,
       const char *button)
{
  return gtk_widget_get_visible (hall_ui_test_find (view, button));
}

static JsonObject *
matter_of (GtkWidget *view)
{
  return json_object_get_object_member (hall_matter_view_get_result (HALL_MATTER_VIEW (view)),
                                        "matter");
}

/* Applies the open form and waits until the view shows the matter in @state (static). */
static void
apply_until (GtkWidget  *view,
             const char *state)
{
  g_assert_true (gtk_widget_activate_action (view, "matter.apply", NULL));
  g_object_set_data (G_OBJECT (view), "want-state", (gpointer) state);
  hall_ui_test_wait (hall_ui_test_matter_view_shows, view, 60, state);
  g_assert_null (hall_matter_view_get_form (HALL_MATTER_VIEW (view)));
}

static void
fill_answer (GtkWidget  *view,
             const char *facts,
             const char *basis,
             const char *opinion,
             const char *text)
{
  hall_ui_test_type (view, "facts", facts);
  hall_ui_test_type (view, "basis", basis);
  hall_ui_test_select (view, "opinion", opinion);
  hall_ui_test_type (view, "text", text);
}

/* The paper @paper of the shown matter through the print operation to a PDF, as its text. */
static char *
print_paper (Fixture    *f,
             GtkWidget  *view,
             const char *paper)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HallDocument) document = NULL;
  g_autofree char *action = g_strconcat ("matter.print-", paper, NULL);
  g_autofree char *pdf = g_strdup_printf ("%s/%s.pdf", f->dir, paper);
  char            *text;

  /* The menu's item opens the print dialog; a clerk cancels it. */
  g_assert_true (gtk_widget_activate_action (view, action, NULL));
  hall_ui_test_cancel_print_dialog ();
  document = _hall_matter_view_dup_written_paper (HALL_MATTER_VIEW (view), paper, &error);
  g_assert_no_error (error);
  g_assert_true (hall_print_export (document, pdf, &error));
  g_assert_no_error (error);
  text = hall_test_pdf_squeezed_text (pdf);
  g_assert_null (strstr (text, ID_WANG));
  g_assert_null (strstr (text, PHONE_WANG));
  return text;
}

/* The paper's item does nothing while the matter has no such answer. */
static void
assert_paper_off (GtkWidget  *view,
                  const char *paper)
{
  g_autofree char *action = g_strconcat ("matter.print-", paper, NULL);

  gtk_widget_activate_action (view, action, NULL);
  hall_ui_test_flush ();
  g_assert_null (hall_ui_test_find_print_dialog ());
}

static void
assign (Fixture    *f,
        const char *manager,
        gint64      matter,
        const char *deadline)
{
  g_autoptr (JsonObject) r = NULL;

  /* 城建 leads (牵头), 民政 cooperates (配合). */
  r = hall_test_ok (f->hall, manager, "matter.assign",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"department_id\":2,\"deadline\":\"%s\","
                    "\"cooperating_department_ids\":[3]}",
                    matter, deadline);
}

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autoptr (GDateTime) past = g_date_time_add_days (now, -50);
  g_autoptr (GDateTime) soon = g_date_time_add_days (now, 10);
  g_autoptr (GDateTime) past_soon = g_date_time_add_days (past, 10);
  g_autofree char *past_time = g_date_time_format (past, "%Y-%m-%d 09:00");
  g_autofree char *deadline = g_date_time_format (soon, "%Y-%m-%d");
  g_autofree char *past_deadline = g_date_time_format (past_soon, "%Y-%m-%d");
  g_autofree char *staff = NULL;
  g_autofree char *manager = NULL;
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (GError) error = NULL;

  f->dir = g_dir_make_tmp ("hall-review-ui-XXXXXX", &error);
  g_assert_no_error (error);
  f->today = g_date_time_format (now, "%Y-%m-%d");
  f->hall = hall_test_hall_new ();
  staff = hall_test_add_user (f->hall, "chuangkou", "staff", "chengjian", 2);
  manager = hall_test_add_user (f->hall, "zhiban", "manager", NULL, 0);
  g_free (hall_test_add_user (f->hall, "peihe", "staff", "minzheng", 3));

  /* 50 days ago: registered, accepted, assigned and replied. */
  hall_test_set_now (f->hall, past_time);
  f->late_matter = hall_test_register_visit (f->hall, staff, 0, NULL);
  r = hall_test_ok (f->hall, staff, "matter.accept", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                    f->late_matter);
  assign (f, manager, f->late_matter, past_deadline);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, staff, "matter.reply",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"facts\":\"电梯已修复\","
                    "\"basis\":\"《物业管理条例》\",\"opinion\":\"support\",\"text\":\"已督促修复\"}",
                    f->late_matter);

  /* Today, on the hall's own clock again: registered, accepted and assigned. */
  hall_engine_set_now (f->hall->engine, 0);
  f->matter = hall_test_register_visit (f->hall, staff, 0, NULL);
  g_clear_pointer (&r, json_object_unref);
  r = hall_test_ok (f->hall, staff, "matter.accept", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                    f->matter);
  assign (f, manager, f->matter, deadline);

  /* The hall's file goes to the real server. */
  hall_engine_shutdown (f->hall->engine);
  f->server = hall_test_server_new_for_database (NULL, f->hall->path);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  if (f->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (f->window));
      hall_ui_test_flush ();
      g_assert_finalize_object (f->view);
    }
  g_clear_object (&f->client);
  hall_test_server_free (f->server);
  hall_test_hall_free (f->hall);
  hall_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->today);
}

/* A view in a window of its own, signed in to the server as @username at @counter, showing
 * @matter in @state (static). */
static GtkWidget *
open_view (Fixture    *f,
           const char *username,
           int         counter,
           gint64      matter,
           const char *state)
{
  f->client = hall_remote_client_new (f->server->url, NULL);
  f->window = gtk_window_new ();
  f->view = hall_matter_view_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 900, 1000);
  hall_ui_test_show_matter (f->view, f->window, f->client, username, counter, matter, state);
  return f->view;
}

static void
test_review_steps (Fixture      *f,
                   gconstpointer data)
{
  GtkWidget       *view = open_view (f, "chuangkou", 2, f->matter, "assigned");
  g_autofree char *timeline = NULL;
  g_autofree char *paper = NULL;
  g_autofree char *state = NULL;

  /* Assigned: a reply, no review yet. */
  g_assert_true (shown (view, "reply_button"));
  g_assert_false (shown (view, "review_request_button"));
  g_assert_false (shown (view, "review_reply_button"));
  gtk_widget_activate_action (view, "matter.review-request", NULL);
  g_assert_null (hall_matter_view_get_form (HALL_MATTER_VIEW (view)));

  /* The reply, in the same form as the review opinions. */
  g_assert_true (gtk_widget_activate_action (view, "matter.reply", NULL));
  fill_answer (view, "经查，电梯维修基金已到位。", "《物业管理条例》第五十四条", "Supported",
               "责成物业公司十日内修复电梯。");
  apply_until (view, "replied");
  g_assert_false (shown (view, "reply_button"));
  g_assert_true (shown (view, "review_request_button"));
  assert_paper_off (view, "review-opinion");

  /* The review request: the date is the hall's today; an empty request is said at its field,
   * nothing is sent and the date stays. */
  g_assert_true (gtk_widget_activate_action (view, "matter.review-request", NULL));
  g_assert_cmpstr (hall_matter_view_get_form (HALL_MATTER_VIEW (view)), ==, "review-request");
  g_assert_true (GTK_IS_TEXT_VIEW (hall_ui_test_find (view, "reason")));
  g_assert_cmpstr (hall_date_row_get_date (HALL_DATE_ROW (hall_ui_test_find (view, "request_date"))),
                   ==, f->today);
  gtk_widget_activate_action (view, "matter.apply", NULL);
  hall_ui_test_flush ();
  g_assert_true (hall_ui_test_has_error (hall_ui_test_find (view, "reason")));
  g_assert_false (hall_ui_test_has_error (hall_ui_test_find (view, "request_date")));
  g_assert_cmpstr (hall_date_row_get_date (HALL_DATE_ROW (hall_ui_test_find (view, "request_date"))),
                   ==, f->today);
  g_assert_cmpstr (hall_matter_view_get_form (HALL_MATTER_VIEW (view)), ==, "review-request");
  g_assert_cmpstr (json_object_get_string_member (matter_of (view), "state"), ==, "replied");
  hall_ui_test_type (view, "reason", "对答复不服：电梯至今仍未修复，请求复查。");
  apply_until (view, "review");
  g_assert_cmpstr (json_object_get_string_member (matter_of (view), "review_requested_date"), ==,
                   f->today);
  g_assert_false (shown (view, "review_request_button"));
  g_assert_true (shown (view, "review_reply_button"));

  /* The review opinion, typed while the server is down: nothing can be sent, nothing typed is
   * lost, and it goes once the server is back. */
  g_assert_true (gtk_widget_activate_action (view, "matter.review-reply", NULL));
  g_assert_cmpstr (hall_matter_view_get_form (HALL_MATTER_VIEW (view)), ==, "review-reply");
  hall_ui_test_type (view, "facts", "复查查明：维修基金已拨付，物业公司未按期施工。");
  hall_ui_test_type (view, "basis", "《信访工作条例》第三十五条；《物业管理条例》第五十四条");
  hall_test_server_stop (f->server);
  hall_ui_test_wait (hall_ui_test_client_offline, f->client, 60, "the client offline");
  g_assert_false (hall_page_is_online (HALL_PAGE (view)));
  hall_ui_test_type (view, "text", "维持原答复意见，责成物业公司五日内完成施工。");
  g_assert_false (gtk_widget_is_sensitive (hall_ui_test_find (view, "apply_button")));
  g_assert_cmpstr (hall_matter_view_get_form (HALL_MATTER_VIEW (view)), ==, "review-reply");
  hall_test_server_start (f->server);
  hall_ui_test_wait (hall_ui_test_client_online, f->client, 60, "the client online again");
  g_assert_true (hall_page_is_online (HALL_PAGE (view)));
  assert_field (view, "facts", "复查查明：维修基金已拨付，物业公司未按期施工。");
  assert_field (view, "basis", "《信访工作条例》第三十五条；《物业管理条例》第五十四条");
  assert_field (view, "text", "维持原答复意见，责成物业公司五日内完成施工。");
  hall_ui_test_select (view, "opinion", "Upheld");
  apply_until (view, "reviewed");
  g_assert_cmpstr (json_object_get_string_member (matter_of (view), "review_opinion"), ==,
                   "uphold");

  /* The 复查意见书: the facts, the basis and the opinion, and the way to a re-review. */
  paper = print_paper (f, view, "review-opinion");
  hall_test_assert_has (paper, "维修基金已拨付，物业公司未按期施工");
  hall_test_assert_has (paper, "《信访工作条例》第三十五条");
  hall_test_assert_has (paper, "Upheld");
  hall_test_assert_has (paper, "责成物业公司五日内完成施工");
  g_clear_pointer (&paper, g_free);
  assert_paper_off (view, "rereview-opinion");

  /* The re-review: requested, then answered. */
  g_assert_true (shown (view, "rereview_request_button"));
  g_assert_true (gtk_widget_activate_action (view, "matter.rereview-request", NULL));
  hall_ui_test_type (view, "reason", "对复查意见不服，请求复核。");
  apply_until (view, "rereview");
  g_assert_true (shown (view, "rereview_reply_button"));
  g_assert_true (gtk_widget_activate_action (view, "matter.rereview-reply", NULL));
  fill_answer (view, "复核查明：电梯已于复查后修复并通过检验。", "《信访工作条例》第三十六条",
               "Changed", "变更复查意见：物业公司承担检验费用。");
  apply_until (view, "rereviewed");

  /* The 复核意见书 says the opinion is final. */
  paper = print_paper (f, view, "rereview-opinion");
  hall_test_assert_has (paper, "电梯已于复查后修复并通过检验");
  hall_test_assert_has (paper, "《信访工作条例》第三十六条");
  hall_test_assert_has (paper, "Changed");
  hall_test_assert_has (paper, "物业公司承担检验费用");
  hall_test_assert_has (paper, "Thisre-reviewopinionisfinal");

  /* Every step in the timeline, the state, and nothing more to ask for. */
  timeline = hall_ui_test_texts (hall_ui_test_find (view, "timeline"));
  hall_test_assert_has (timeline, "Replied");
  hall_test_assert_has (timeline, "Review requested");
  hall_test_assert_has (timeline, "对答复不服：电梯至今仍未修复，请求复查。");
  hall_test_assert_has (timeline, "Reviewed");
  hall_test_assert_has (timeline, "Re-review requested");
  hall_test_assert_has (timeline, "Re-reviewed");
  hall_test_assert_has (timeline, "Final");
  state = g_strdup (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (view, "matter_state"))));
  g_assert_cmpstr (state, ==, "Re-reviewed");
  g_assert_false (shown (view, "review_request_button"));
  g_assert_false (shown (view, "rereview_request_button"));
  g_assert_false (shown (view, "rereview_reply_button"));
}

/* A request received after the 30 days: the hall's refusal at the date, the request kept. */
static void
test_late_request (Fixture      *f,
                   gconstpointer data)
{
  GtkWidget  *view = open_view (f, "chuangkou", 2, f->late_matter, "replied");
  GtkWidget  *date;
  const char *request = "复查申请：电梯修复后再次停运。";

  g_assert_true (gtk_widget_activate_action (view, "matter.review-request", NULL));
  hall_ui_test_type (view, "reason", request);
  gtk_widget_activate_action (view, "matter.apply", NULL);
  date = hall_ui_test_find (view, "request_date");
  hall_ui_test_wait (hall_ui_test_has_error, date, 60, "the hall's refusal at the date");
  hall_test_assert_has (gtk_label_get_text (GTK_LABEL (_hall_form_field_get_error_label (date))),
                        "The 30 days to ask for a review ended on");
  assert_field (view, "reason", request);
  g_assert_cmpstr (hall_matter_view_get_form (HALL_MATTER_VIEW (view)), ==, "review-request");
  g_assert_cmpstr (json_object_get_string_member (matter_of (view), "state"), ==, "replied");
}

/* Staff of the cooperating department read the replied matter, without its actions. */
static void
test_cooperating_reader (Fixture      *f,
                         gconstpointer data)
{
  GtkWidget *view = open_view (f, "peihe", 3, f->late_matter, "replied");

  g_assert_false (shown (view, "review_request_button"));
  g_assert_false (shown (view, "rereview_request_button"));
  gtk_widget_activate_action (view, "matter.review-request", NULL);
  g_assert_null (hall_matter_view_get_form (HALL_MATTER_VIEW (view)));
  /* The written opinion is there to print. */
  g_assert_true (gtk_widget_activate_action (view, "matter.print-opinion", NULL));
  hall_ui_test_cancel_print_dialog ();
}

int
main (int   argc,
      char *argv[])
{
  char *data_dir = hall_ui_test_init (&argc, &argv);

  g_test_add ("/review-ui/steps", Fixture, NULL, fixture_set_up, test_review_steps,
              fixture_tear_down);
  g_test_add ("/review-ui/late-request", Fixture, NULL, fixture_set_up, test_late_request,
              fixture_tear_down);
  g_test_add ("/review-ui/cooperating-reader", Fixture, NULL, fixture_set_up,
              test_cooperating_reader, fixture_tear_down);
  return hall_ui_test_run (data_dir);
}
