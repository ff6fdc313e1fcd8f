/* test-matter-similar.c — the matter form's earlier matters under Xvfb: typing a known person's
 * ID number shows their earlier matter, linking to it says plainly that the petition will be
 * recorded as a repeat and not accepted, and registering records the repeat on that matter; the
 * matter view links two matters (a number typed, or a matter alike offered) and unlinks them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "hall-local-client.h"
#include "hall-matter-form.h"
#include "hall-matter-view.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"

#define ID_ZHANG "430102198503151236"

static char *data_dir;

static gboolean
candidate_shown (gpointer data)
{
  GtkWidget *similar = hall_ui_test_find (data, "similar");

  return gtk_widget_get_visible (similar) && _hall_find_named (similar, "link-XF2026-000001");
}

static gboolean
form_done (gpointer data)
{
  return hall_matter_form_get_result (data) != NULL;
}

static void
test_repeat_from_form (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *staff = hall_test_add_user (hall, "lijing", "staff", "chengjian", 0);
  g_autoptr (HallClient) client = hall_local_client_new (hall->engine);
  g_autoptr (JsonObject) earlier = NULL;
  g_autoptr (JsonObject) matter = NULL;
  GtkWidget  *window = gtk_window_new ();
  GtkWidget  *form, *notice;
  JsonObject *result;
  gboolean    signed_in = FALSE;
  gint64      earlier_id;

  earlier = hall_test_ok (hall, staff, "matter.register",
                          "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"小区电梯长期故障，"
                          "物业不予维修。\",\"petitioners\":[{\"name\":\"张伟\",\"id_number\":\"%s\"}]}",
                          ID_ZHANG);
  earlier_id = json_object_get_int_member (earlier, "matter_id");

  hall_client_login_async (client, "lijing", "password123", "staff", 0, NULL, hall_ui_test_login_cb,
                           &signed_in);
  hall_ui_test_wait (hall_ui_test_flag_set, &signed_in, 30, "sign-in");
  form = hall_matter_form_new (client);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 1000);
  gtk_window_set_child (GTK_WINDOW (window), form);
  gtk_window_present (GTK_WINDOW (window));
  hall_ui_test_flush ();

  /* Nothing typed: no panel. */
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (form, "similar")));

  /* The ID number of a person the hall knows: their earlier matter is offered. */
  hall_ui_test_type (form, "petitioners[0].name", "张伟");
  hall_ui_test_type (form, "petitioners[0].id_number", ID_ZHANG);
  hall_ui_test_wait (candidate_shown, form, 30, "the earlier matter among the candidates");
  notice = hall_ui_test_find (form, "similar_notice");
  g_assert_false (gtk_widget_get_visible (notice));

  /* Linked: the form says what registering will do. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (hall_ui_test_find (form, "link-XF2026-000001")),
                               TRUE);
  g_assert_true (gtk_widget_get_visible (notice));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (notice)), "XF2026-000001"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (notice)), "19"));

  hall_ui_test_type (form, "content", "电梯还是没有修好");
  g_assert_true (gtk_widget_activate_action (form, "matter-form.submit", NULL));
  hall_ui_test_wait (form_done, form, 30, "the registration");

  /* Recorded on the earlier matter; the notice, not a receipt, is offered. */
  result = hall_matter_form_get_result (HALL_MATTER_FORM (form));
  g_assert_cmpstr (json_object_get_string_member (result, "outcome"), ==, "repeat");
  g_assert_cmpint (json_object_get_int_member (result, "matter_id"), ==, earlier_id);
  hall_ui_test_flush ();
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (form, "result_number"))), ==,
                   "XF2026-000001");
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (form, "print_notice")));
  g_assert_false (gtk_widget_get_sensitive (hall_ui_test_find (form, "print_receipt")));

  matter = hall_test_ok (hall, staff, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}",
                         earlier_id);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (matter, "repeats")), ==,
                    1);

  /* The next registration starts without the link. */
  hall_matter_form_reset (HALL_MATTER_FORM (form));
  g_assert_false (gtk_widget_get_visible (hall_ui_test_find (form, "similar")));
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
n_links (HallMatterView *view)
{
  JsonObject *result = hall_matter_view_get_result (view);
  JsonArray  *links = result != NULL ? json_object_get_array_member (result, "links") : NULL;

  return links != NULL ? json_array_get_length (links) : 0;
}

static gboolean
linked (gpointer data)
{
  return n_links (data) == 1;
}

static gboolean
unlinked (gpointer data)
{
  return hall_matter_view_get_result (data) != NULL && n_links (data) == 0;
}

static gboolean
candidate_offered (gpointer data)
{
  return _hall_find_named (data, "candidate-XF2026-000002") != NULL;
}

static gboolean
number_refused (gpointer data)
{
  return gtk_widget_has_css_class (hall_ui_test_find (data, "linked_number"), "error");
}

/* The number of links matter.get gives @matter_id. */
static guint
links_of (HallTestHall *hall,
          const char   *token,
          gint64        matter_id)
{
  g_autoptr (JsonObject) matter = hall_test_ok (
      hall, token, "matter.get", "{\"matter_id\":%" G_GINT64_FORMAT "}", matter_id);

  return json_array_get_length (json_object_get_array_member (matter, "links"));
}

/* From the matter view, window 2 links two of its matters by number (an unknown number is said at
 * the field, the text kept): both show the link; unlinking asks first, then both lose it. */
static void
test_link_from_view (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *staff = hall_test_add_user (hall, "lijing", "staff", "chengjian", 2);
  g_autoptr (HallClient) client = hall_local_client_new (hall->engine);
  g_autoptr (JsonObject) first = NULL;
  g_autoptr (JsonObject) second = NULL;
  GtkWidget *view = hall_matter_view_new (NULL);
  GtkWidget *window = gtk_window_new ();
  gint64     first_id, second_id;

  first = hall_test_ok (hall, staff, "matter.register",
                        "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"小区电梯长期故障。\","
                        "\"petitioners\":[{\"name\":\"张伟\",\"id_number\":\"%s\"}]}",
                        ID_ZHANG);
  second = hall_test_ok (hall, staff, "matter.register",
                         "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"小区电梯长期故障，"
                         "维修资金去向不明。\",\"petitioners\":[{\"name\":\"李芳\"}]}");
  first_id = json_object_get_int_member (first, "matter_id");
  second_id = json_object_get_int_member (second, "matter_id");
  hall_ui_test_show_matter (view, window, client, "lijing", 2, first_id, "registered");
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (view, "link_button")));

  /* No number: said at the field, nothing sent. */
  g_assert_true (gtk_widget_activate_action (view, "matter.link", NULL));
  g_assert_cmpstr (hall_matter_view_get_form (HALL_MATTER_VIEW (view)), ==, "link");
  gtk_widget_activate_action (view, "matter.apply", NULL);
  g_assert_true (number_refused (view));
  /* A number the hall does not have: said at the field, the text kept. */
  hall_ui_test_type (view, "linked_number", "XF2026-009999");
  hall_ui_test_type (view, "note", "同一小区电梯问题");
  gtk_widget_activate_action (view, "matter.apply", NULL);
  hall_ui_test_wait (number_refused, view, 30, "the unknown number");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (view, "linked_number"))),
                   ==, "XF2026-009999");
  g_assert_cmpstr (hall_matter_view_get_form (HALL_MATTER_VIEW (view)), ==, "link");

  /* The second matter, alike in content, is offered: taken, its number is in the field; linked,
   * the link shows on both. */
  hall_ui_test_wait (candidate_offered, view, 30, "the matter alike among the candidates");
  adw_action_row_activate (ADW_ACTION_ROW (hall_ui_test_find (view, "candidate-XF2026-000002")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (view, "linked_number"))),
                   ==, json_object_get_string_member (second, "number"));
  gtk_widget_activate_action (view, "matter.apply", NULL);
  hall_ui_test_wait (linked, view, 30, "the link in the view");
  g_assert_null (hall_matter_view_get_form (HALL_MATTER_VIEW (view)));
  g_assert_cmpuint (links_of (hall, staff, second_id), ==, 1);

  /* Unlinking asks first; no is no. */
  gtk_widget_activate_action (view, "matter.unlink", "x", second_id);
  hall_ui_test_answer ("cancel");
  g_assert_cmpuint (links_of (hall, staff, first_id), ==, 1);
  gtk_widget_activate_action (view, "matter.unlink", "x", second_id);
  hall_ui_test_answer ("unlink");
  hall_ui_test_wait (unlinked, view, 30, "the link to go");
  g_assert_cmpuint (links_of (hall, staff, second_id), ==, 0);
  hall_ui_test_close_and_finalize (window, view);
  hall_engine_shutdown (hall->engine);
}

int
main (int   argc,
      char *argv[])
{
  data_dir = hall_ui_test_init (&argc, &argv);

  g_test_add_func ("/matter-form/repeat", test_repeat_from_form);
  g_test_add_func ("/matter-view/link", test_link_from_view);
  return hall_ui_test_run (data_dir);
}
