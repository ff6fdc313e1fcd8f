/* test-manager-leaders.c — the hall manager's pages for the leaders under Xvfb, driven through
 * the workspace's actions: the roster puts a leader on duty today, escalated matters reach the
 * leader on duty, and those not received on their day are escalated again or left with their
 * department
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "hall-escalations-page.h"
#include "hall-roster-page.h"
#include "hall-test-util.h"
#include "hall-ui-test-manager.h"
#include "hall-ui-test-util.h"

static char *data_dir;

static gboolean
roster_idle (gpointer data)
{
  return hall_roster_page_get_roster (data) != NULL && hall_roster_page_get_today (data) != NULL
         && !hall_roster_page_get_busy (data);
}

/* The leaders on @date in the roster shown, "name/slot" joined by commas. */
static char *
roster_day (HallRosterPage *page,
            const char     *date)
{
  JsonArray *days = json_object_get_array_member (hall_roster_page_get_roster (page), "days");
  GString   *text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (days); i++)
    {
      JsonObject *day = json_array_get_object_element (days, i);
      JsonArray  *leaders = json_object_get_array_member (day, "leaders");

      if (g_strcmp0 (json_object_get_string_member (day, "date"), date) != 0)
        continue;
      for (guint j = 0; j < json_array_get_length (leaders); j++)
        {
          JsonObject *leader = json_array_get_object_element (leaders, j);
          g_string_append_printf (text, "%s%s/%s", j ? "," : "",
                                  json_object_get_string_member (leader, "display_name"),
                                  json_object_get_string_member (leader, "slot"));
        }
    }
  return g_string_free (text, FALSE);
}

static void
test_roster (void)
{
  HallUiTestManager m = { 0 };
  g_autofree char  *today_row = NULL;
  g_autofree char  *shown = NULL;
  g_autofree char  *first_from = NULL;
  g_autoptr (JsonObject) today = NULL;
  GtkWidget        *page, *row;
  AdwMessageDialog *dialog;
  const char       *date;

  hall_ui_test_manager_start (&m, NULL);
  page = hall_ui_test_manager_show_page (&m, "roster");
  hall_ui_test_wait (roster_idle, page, 30, "the roster");
  date = hall_roster_page_get_today (HALL_ROSTER_PAGE (page));

  /* Today's row says it is today and that nobody is on duty. */
  today_row = g_strdup_printf ("day-%s", date);
  row = hall_ui_test_find (page, today_row);
  g_assert_true (gtk_widget_has_css_class (row, "roster-today"));
  g_assert_nonnull (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));

  gtk_widget_activate_action (page, "roster.add", "s", date);
  dialog = hall_roster_page_get_dialog (HALL_ROSTER_PAGE (page));
  g_assert_nonnull (dialog);
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "add"));
  hall_ui_test_select (GTK_WIDGET (dialog), "duty_leader", "wangjianguo");
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (GTK_WIDGET (dialog), "duty_slot")),
                              1);
  hall_ui_test_type (GTK_WIDGET (dialog), "duty_note", "二楼接访室");
  adw_message_dialog_response (dialog, "add");
  gtk_window_close (GTK_WINDOW (dialog));
  hall_ui_test_flush ();
  hall_ui_test_wait (roster_idle, page, 30, "the roster after the change");
  shown = roster_day (HALL_ROSTER_PAGE (page), date);
  g_assert_cmpstr (shown, ==, "wangjianguo/am");
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (page, "roster_error")));

  /* The hall agrees: today's duty leader, with the room. */
  today = hall_test_ok (m.hall, m.token, "leader.today", "{}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (today, "leaders")), ==, 1);
  g_assert_cmpstr (
      json_object_get_string_member (
          json_array_get_object_element (json_object_get_array_member (today, "leaders"), 0),
          "note"),
      ==, "二楼接访室");

  /* Next week and back. */
  first_from = g_strdup (json_object_get_string_member (
      hall_roster_page_get_roster (HALL_ROSTER_PAGE (page)), "from"));
  gtk_widget_activate_action (page, "roster.next", NULL);
  hall_ui_test_wait (roster_idle, page, 30, "next week");
  g_assert_cmpstr (
      json_object_get_string_member (hall_roster_page_get_roster (HALL_ROSTER_PAGE (page)), "from"),
      >, first_from);
  /* A day picked (Wednesday 3 March 2027) or typed shows its week, Monday to Sunday. */
  hall_ui_test_pick_date (page, "roster_week_of", "2027-03-03");
  hall_ui_test_wait (roster_idle, page, 30, "the week picked");
  g_assert_cmpstr (
      json_object_get_string_member (hall_roster_page_get_roster (HALL_ROSTER_PAGE (page)), "from"),
      ==, "2027-03-01");
  hall_ui_test_type (page, "roster_week_of", "2027年3月14日");
  hall_ui_test_press_enter (page, "roster_week_of");
  hall_ui_test_wait (roster_idle, page, 30, "the week typed");
  g_assert_cmpstr (
      json_object_get_string_member (hall_roster_page_get_roster (HALL_ROSTER_PAGE (page)), "from"),
      ==, "2027-03-08");
  gtk_widget_activate_action (page, "roster.this-week", NULL);
  hall_ui_test_wait (roster_idle, page, 30, "this week");
  g_assert_cmpstr (
      json_object_get_string_member (hall_roster_page_get_roster (HALL_ROSTER_PAGE (page)), "from"),
      ==, first_from);

  /* Taking the leader off asks first, then clears the day. */
  gtk_widget_activate_action (
      page, "roster.remove", "(sx)", date,
      json_object_get_int_member (
          json_array_get_object_element (json_object_get_array_member (today, "leaders"), 0),
          "user_id"));
  dialog = hall_roster_page_get_dialog (HALL_ROSTER_PAGE (page));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "remove");
  gtk_window_close (GTK_WINDOW (dialog));
  hall_ui_test_flush ();
  hall_ui_test_wait (roster_idle, page, 30, "the roster after removing");
  g_clear_pointer (&shown, g_free);
  shown = roster_day (HALL_ROSTER_PAGE (page), date);
  g_assert_cmpstr (shown, ==, "");
  hall_ui_test_manager_stop (&m);
}

/* The page shows the lapsed escalations and the leaders on duty it is told to wait for
 * (its "lapsed" and "leaders" data). */
static gboolean
escalations_are (gpointer data)
{
  JsonObject *shown = hall_escalations_page_get_data (data);

  return shown != NULL && !hall_escalations_page_get_busy (data)
         && json_object_get_int_member (shown, "lapsed")
                == GPOINTER_TO_INT (g_object_get_data (data, "lapsed"))
         && json_array_get_length (json_object_get_array_member (shown, "leaders"))
                == GPOINTER_TO_UINT (g_object_get_data (data, "leaders"));
}

static void
escalations_wait (GtkWidget  *page,
                  int         lapsed,
                  guint       leaders,
                  const char *what)
{
  g_object_set_data (G_OBJECT (page), "lapsed", GINT_TO_POINTER (lapsed));
  g_object_set_data (G_OBJECT (page), "leaders", GUINT_TO_POINTER (leaders));
  hall_ui_test_wait (escalations_are, page, 30, what);
}

static void
put_on_duty (HallUiTestManager *m,
             const char        *date,
             gint64             leader_id)
{
  g_autoptr (JsonObject) duty =
      hall_test_ok (m->hall, m->token, "leader.duty",
                    "{\"date\": \"%s\", \"user_id\": %" G_GINT64_FORMAT "}", date, leader_id);
}

/* Registers a matter and escalates it; returns the escalation's id, its matter's in *@matter_id. */
static gint64
escalate (HallUiTestManager *m,
          const char        *content,
          gint64            *matter_id)
{
  g_autoptr (JsonObject) registered = NULL;
  g_autoptr (JsonObject) reply = NULL;

  registered = hall_test_ok (
      m->hall, m->token, "matter.register",
      "{\"channel\": \"visit\", \"type\": \"claim\", \"content\": \"%s\","
      " \"petitioners\": [{\"name\": \"王小明\", \"id_number\": \"110101199003070011\"}]}",
      content);
  *matter_id = json_object_get_int_member (registered, "matter_id");
  reply = hall_test_ok (m->hall, m->token, "matter.escalate",
                        "{\"matter_id\": %" G_GINT64_FORMAT "}", *matter_id);
  return json_object_get_int_member (json_object_get_object_member (reply, "escalation"), "id");
}

static JsonObject *
escalation_get (GtkWidget *page,
                gint64     id)
{
  JsonArray *escalations = json_object_get_array_member (
      hall_escalations_page_get_data (HALL_ESCALATIONS_PAGE (page)), "escalations");

  for (guint i = 0; i < json_array_get_length (escalations); i++)
    if (json_object_get_int_member (json_array_get_object_element (escalations, i), "id") == id)
      return json_array_get_object_element (escalations, i);
  return NULL;
}

static gboolean
escalations_show (gpointer data)
{
  JsonObject *shown = hall_escalations_page_get_data (data);
  JsonArray  *leaders = shown ? json_object_get_array_member (shown, "leaders") : NULL;
  JsonArray  *visitors;

  if (hall_escalations_page_get_busy (data) || leaders == NULL
      || json_array_get_length (leaders) != 1)
    return FALSE;
  visitors = json_object_get_array_member (json_array_get_object_element (leaders, 0), "visitors");
  return visitors != NULL
         && json_array_get_length (visitors) == GPOINTER_TO_UINT (g_object_get_data (data, "want"));
}

static void
test_escalations (void)
{
  HallUiTestManager m = { 0 };
  g_autoptr (JsonObject) info = NULL;
  GtkWidget *page;
  GtkWindow *window;
  gint64     matter_id;

  hall_ui_test_manager_start (&m, NULL);
  page = hall_ui_test_manager_show_page (&m, "escalations");
  /* Nobody on duty today: said, in words. */
  escalations_wait (page, 0, 0, "the escalations");
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "no_leader")));

  info = hall_test_ok (m.hall, m.token, "hall.info", "{}");
  put_on_duty (&m, json_object_get_string_member (info, "today"),
               hall_test_user_id (m.hall, m.leader));
  escalations_wait (page, 0, 1, "today's leader");
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (page, "no_leader")));

  /* A matter escalated: the leader's queue shows it, live. */
  escalate (&m, "拆迁补偿款至今未发放", &matter_id);
  g_object_set_data (G_OBJECT (page), "want", GUINT_TO_POINTER (1));
  hall_ui_test_wait (escalations_show, page, 30, "the escalated matter");
  /* Nobody received yet: the list says so after every refresh. */
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "no_receptions")));

  /* Its matter opens in a window of its own. */
  gtk_widget_activate_action (page, "escalations.open-matter", "x", matter_id);
  window = hall_escalations_page_get_matter_window (HALL_ESCALATIONS_PAGE (page));
  g_assert_nonnull (window);
  gtk_window_destroy (window);
  hall_ui_test_flush ();
  g_assert_null (hall_escalations_page_get_matter_window (HALL_ESCALATIONS_PAGE (page)));
  hall_ui_test_manager_stop (&m);
}

/* Two escalations the leader did not receive on their day: escalating one again is refused
 * while nobody is on duty, then goes to the leader the manager chooses; the other is left with
 * its department. */
static void
test_lapsed_escalations (void)
{
  HallUiTestManager m = { 0 };
  g_autoptr (JsonObject) queue = NULL;
  g_autoptr (JsonObject) matter = NULL;
  g_autofree char  *leader2 = NULL;
  GtkWidget        *page;
  GtkListBox       *lapsed;
  AdwMessageDialog *dialog;
  JsonArray        *visitors, *timeline;
  gint64            first, second, first_matter, second_matter, leader_id, leader2_id;

  /* Monday evening: two matters wait for 王建国, who does not receive them. */
  hall_ui_test_manager_start (&m, "2026-10-12 21:00");
  leader_id = hall_test_user_id (m.hall, m.leader);
  put_on_duty (&m, "2026-10-12", leader_id);
  first = escalate (&m, "拆迁补偿款至今未发放", &first_matter);
  second = escalate (&m, "小区路灯长期不亮", &second_matter);
  page = hall_ui_test_manager_show_page (&m, "escalations");
  escalations_wait (page, 0, 1, "Monday's escalations");
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "no_lapsed")));

  /* Tuesday: Monday's two were not received on their day; they come first, in their own group. */
  hall_engine_set_now (m.hall->engine, hall_test_time ("2026-10-13 08:30"));
  gtk_widget_activate_action (page, "escalations.refresh", NULL);
  escalations_wait (page, 2, 0, "the lapsed escalations");
  lapsed = GTK_LIST_BOX (hall_ui_test_find (page, "lapsed"));
  g_assert_nonnull (gtk_list_box_get_row_at_index (lapsed, 1));
  g_assert_null (gtk_list_box_get_row_at_index (lapsed, 2));
  g_assert_cmpstr (adw_preferences_group_get_title (
                       ADW_PREFERENCES_GROUP (hall_ui_test_find (page, "lapsed_group"))),
                   ==, "Not Received on Their Day (2)");
  g_assert_cmpstr (json_object_get_string_member (escalation_get (page, first), "state"), ==,
                   "lapsed");
  g_assert_cmpstr (json_object_get_string_member (escalation_get (page, first), "date"), ==,
                   "2026-10-12");

  /* Nobody is on duty yet: escalating again is refused, and the row stays, saying why. */
  gtk_widget_activate_action (page, "escalations.escalate-again", "x", first);
  g_assert_true (hall_escalations_page_get_busy (HALL_ESCALATIONS_PAGE (page)));
  escalations_wait (page, 2, 0, "the refusal");
  g_assert_nonnull (strstr (
      adw_action_row_get_subtitle (ADW_ACTION_ROW (gtk_list_box_get_row_at_index (lapsed, 0))),
      "Not done: No leader is on duty today"));

  /* 王建国 and 李静 on duty: escalating again asks which of them; 李静 gets it in her queue. */
  leader2 = hall_test_add_user (m.hall, "lijing", "leader", NULL, 0);
  leader2_id = hall_test_user_id (m.hall, leader2);
  put_on_duty (&m, "2026-10-13", leader_id);
  put_on_duty (&m, "2026-10-13", leader2_id);
  escalations_wait (page, 2, 2, "two leaders on duty");
  gtk_widget_activate_action (page, "escalations.escalate-again", "x", first);
  dialog = hall_escalations_page_get_dialog (HALL_ESCALATIONS_PAGE (page));
  g_assert_nonnull (dialog);
  hall_ui_test_select (GTK_WIDGET (dialog), "again_leader", "lijing");
  hall_ui_test_respond (dialog, "escalate");
  escalations_wait (page, 1, 2, "the escalation sent again");
  g_assert_null (escalation_get (page, first));
  g_assert_null (gtk_list_box_get_row_at_index (lapsed, 1));
  queue = hall_test_ok (m.hall, m.token, "leader.queue",
                        "{\"leader_user_id\": %" G_GINT64_FORMAT "}", leader2_id);
  visitors = json_object_get_array_member (queue, "visitors");
  g_assert_cmpuint (json_array_get_length (visitors), ==, 1);
  g_assert_cmpint (
      json_object_get_int_member (json_array_get_object_element (visitors, 0), "matter_id"), ==,
      first_matter);

  /* Left with its department: asks first, with an optional note, and the timeline says so last. */
  gtk_widget_activate_action (page, "escalations.leave", "x", second);
  dialog = hall_escalations_page_get_dialog (HALL_ESCALATIONS_PAGE (page));
  g_assert_nonnull (dialog);
  hall_ui_test_type (GTK_WIDGET (dialog), "leave_note", "已由住建局电话答复");
  hall_ui_test_respond (dialog, "leave");
  escalations_wait (page, 0, 2, "the escalation left with its department");
  g_assert_null (escalation_get (page, second));
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "no_lapsed")));
  matter = hall_test_ok (m.hall, m.token, "matter.get", "{\"matter_id\": %" G_GINT64_FORMAT "}",
                         second_matter);
  timeline = json_object_get_array_member (matter, "timeline");
  g_assert_cmpstr (
      json_object_get_string_member (
          json_array_get_object_element (timeline, json_array_get_length (timeline) - 1), "kind"),
      ==, "escalation_left");
  hall_ui_test_manager_stop (&m);
}

int
main (int   argc,
      char *argv[])
{
  data_dir = hall_ui_test_init (&argc, &argv);

  g_test_add_func ("/manager/roster", test_roster);
  g_test_add_func ("/manager/escalations", test_escalations);
  g_test_add_func ("/manager/lapsed-escalations", test_lapsed_escalations);
  return hall_ui_test_run (data_dir);
}
