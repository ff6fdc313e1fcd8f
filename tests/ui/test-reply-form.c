/* test-reply-form.c — the matter view's reply (条例 32) in three parts, each required and each
 * answered at its field without losing what was typed, and the written opinion it makes printed
 * through GTK's print operation to a PDF read back with pdftotext
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "hall-local-client.h"
#include "hall-matter-view-private.h"
#include "hall-print.h"
#include "hall-test-util.h"
#include "hall-ui-test-util.h"

#define ID_WANG "430102198503151236"

static void
test_reply_form (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *token = hall_test_add_user (hall, "lijing", "staff", "chengjian", 2);
  g_autoptr (HallClient) client = hall_local_client_new (hall->engine);
  g_autoptr (JsonObject) registered = NULL;
  g_autoptr (GString) too_long = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (HallDocument) paper = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hall-reply-form-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "opinion.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *kept = NULL;
  GtkWidget       *view = hall_matter_view_new (NULL);
  GtkWidget       *window = gtk_window_new ();
  gint64           matter_id;

  registered = hall_test_ok (
      hall, token, "matter.register",
      "{\"channel\": \"visit\", \"type\": \"claim\", \"content\": \"小区拆迁补偿未到位\","
      " \"petitioners\": [{\"name\": \"王建国\", \"id_number\": \"" ID_WANG "\","
      " \"phone\": \"13812345678\", \"address\": \"城关镇建设路8号\"}]}");
  matter_id = json_object_get_int_member (registered, "matter_id");
  json_object_unref (hall_test_ok (hall, token, "matter.accept",
                                   "{\"matter_id\": %" G_GINT64_FORMAT "}", matter_id));
  hall_ui_test_show_matter (view, window, client, "lijing", 2, matter_id, "accepted");

  /* Nothing written yet: the opinion does not print. */
  gtk_widget_activate_action (view, "matter.print-opinion", NULL);
  hall_ui_test_flush ();
  g_assert_null (hall_ui_test_find_print_dialog ());

  /* The reply form: the facts, the basis, the opinion and its words, each of several lines. */
  g_assert_true (gtk_widget_activate_action (view, "matter.reply", NULL));
  g_assert_cmpstr (hall_matter_view_get_form (HALL_MATTER_VIEW (view)), ==, "reply");
  g_assert_true (GTK_IS_TEXT_VIEW (hall_ui_test_find (view, "facts")));
  g_assert_true (GTK_IS_TEXT_VIEW (hall_ui_test_find (view, "basis")));
  g_assert_true (GTK_IS_TEXT_VIEW (hall_ui_test_find (view, "text")));
  g_assert_nonnull (hall_ui_test_find (view, "opinion"));

  /* The basis left empty: said at that field, nothing sent, the other parts kept. */
  hall_ui_test_type (view, "facts", "经实地核查，补偿款已拨付至街道办，\n尚有12户未领取。");
  hall_ui_test_type (view, "text", "责成街道办于十日内发放到位。");
  gtk_widget_activate_action (view, "matter.apply", NULL);
  hall_ui_test_flush ();
  g_assert_true (hall_ui_test_has_error (hall_ui_test_find (view, "basis")));
  g_assert_false (hall_ui_test_has_error (hall_ui_test_find (view, "facts")));
  g_assert_false (hall_ui_test_has_error (hall_ui_test_find (view, "text")));
  kept = hall_ui_test_dup_text (view, "facts");
  g_assert_cmpstr (kept, ==, "经实地核查，补偿款已拨付至街道办，\n尚有12户未领取。");
  g_clear_pointer (&kept, g_free);
  kept = hall_ui_test_dup_text (view, "text");
  g_assert_cmpstr (kept, ==, "责成街道办于十日内发放到位。");
  g_clear_pointer (&kept, g_free);
  g_assert_cmpstr (hall_matter_view_get_form (HALL_MATTER_VIEW (view)), ==, "reply");

  /* The hall refuses facts too long: at that field, and the typed text stays. */
  for (int i = 0; i < 400; i++)
    g_string_append (too_long, "补偿款已拨付至街道办。");
  hall_ui_test_type (view, "facts", too_long->str);
  hall_ui_test_type (view, "basis", "《国有土地上房屋征收与补偿条例》第二十七条");
  gtk_widget_activate_action (view, "matter.apply", NULL);
  hall_ui_test_wait (hall_ui_test_has_error, hall_ui_test_find (view, "facts"), 30,
                     "the hall's refusal");
  g_assert_false (hall_ui_test_has_error (hall_ui_test_find (view, "basis")));
  kept = hall_ui_test_dup_text (view, "facts");
  g_assert_cmpstr (kept, ==, too_long->str);
  g_clear_pointer (&kept, g_free);
  kept = hall_ui_test_dup_text (view, "basis");
  g_assert_cmpstr (kept, ==, "《国有土地上房屋征收与补偿条例》第二十七条");
  g_clear_pointer (&kept, g_free);
  g_assert_cmpstr (hall_matter_view_get_form (HALL_MATTER_VIEW (view)), ==, "reply");

  /* Written right: replied, the three parts stored apart. */
  hall_ui_test_type (view, "facts", "经实地核查，补偿款已拨付至街道办，尚有12户未领取。");
  hall_ui_test_select (view, "opinion", "Supported");
  gtk_widget_activate_action (view, "matter.apply", NULL);
  g_object_set_data (G_OBJECT (view), "want-state", (gpointer) "replied");
  hall_ui_test_wait (hall_ui_test_matter_view_shows, view, 30, "the replied matter");
  {
    JsonObject *matter =
        json_object_get_object_member (hall_matter_view_get_result (HALL_MATTER_VIEW (view)), "matter");

    g_assert_cmpstr (json_object_get_string_member (matter, "reply_facts"), ==,
                     "经实地核查，补偿款已拨付至街道办，尚有12户未领取。");
    g_assert_cmpstr (json_object_get_string_member (matter, "reply_basis"), ==,
                     "《国有土地上房屋征收与补偿条例》第二十七条");
    g_assert_cmpstr (json_object_get_string_member (matter, "reply_opinion"), ==, "support");
  }

  /* The written opinion: the print dialog opens from the view, and the same paper goes through
   * the print operation to a PDF file. */
  g_assert_true (gtk_widget_activate_action (view, "matter.print-opinion", NULL));
  hall_ui_test_cancel_print_dialog ();
  paper = _hall_matter_view_dup_written_paper (HALL_MATTER_VIEW (view), "opinion", &error);
  g_assert_no_error (error);
  g_assert_true (hall_print_export (paper, pdf, &error));
  g_assert_no_error (error);
  text = hall_test_pdf_squeezed_text (pdf);
  g_assert_nonnull (strstr (text, "WrittenOpiniononaPetition"));
  g_assert_nonnull (strstr (text, json_object_get_string_member (registered, "number")));
  g_assert_nonnull (strstr (text, "王建国"));
  g_assert_nonnull (strstr (text, "尚有12户未领取"));
  g_assert_nonnull (strstr (text, "第二十七条"));
  g_assert_nonnull (strstr (text, "Supported"));
  g_assert_nonnull (strstr (text, "责成街道办于十日内发放到位"));
  g_assert_nonnull (strstr (text, "forareviewwithin30daysofreceivingit"));
  g_assert_null (strstr (text, ID_WANG));
  g_assert_null (strstr (text, "13812345678"));
  hall_test_rm_rf (dir);

  hall_ui_test_close_and_finalize (window, view);
  hall_engine_shutdown (hall->engine);
}

int
main (int   argc,
      char *argv[])
{
  char *data_dir = hall_ui_test_init (&argc, &argv);

  g_test_add_func ("/reply-form", test_reply_form);
  return hall_ui_test_run (data_dir);
}
