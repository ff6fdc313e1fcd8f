/* test-manager.c — the hall manager's workspace under Xvfb, driven through its actions: triage
 * issues a ticket, the queue transfers one with a reason, the roster puts a leader on duty today
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "hall-local-client.h"
#include "hall-test-util.h"
#include "hall-triage-page.h"
#include "hall-ui-test-util.h"
#include "hall-workspace.h"

static char *data_dir;

typedef struct
{
  HallTestHall *hall;
  char *token;
  HallClient *client;
  GtkWidget *window;
  GtkWidget *workspace;
} Manager;

static gboolean
flag_set (gpointer data)
{
  return *(gboolean *) data;
}

static void
login_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_login_finish (HALL_CLIENT (object), result, &error);

  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

/* A hall with a manager signed in on a local client, the manager's workspace in a window. */
static void
manager_start (Manager *m)
{
  gboolean signed_in = FALSE;

  m->hall = hall_test_hall_new ();
  m->token = hall_test_add_user (m->hall, "zhangli", "manager", "xinfang", 0);
  m->client = hall_local_client_new (m->hall->engine);
  hall_client_login_async (m->client, "zhangli", "password123", NULL, 0, NULL, login_cb, &signed_in);
  hall_ui_test_wait (flag_set, &signed_in, 30, "sign-in");

  m->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (m->window), 1280, 800);
  m->workspace = hall_workspace_new ();
  gtk_window_set_child (GTK_WINDOW (m->window), m->workspace);
  hall_workspace_set_client (HALL_WORKSPACE (m->workspace), m->client);
  hall_workspace_set_role (HALL_WORKSPACE (m->workspace), "manager");
  gtk_window_present (GTK_WINDOW (m->window));
  hall_ui_test_flush ();
}

static void
manager_stop (Manager *m)
{
  gtk_window_destroy (GTK_WINDOW (m->window));
  hall_ui_test_flush ();
  g_clear_object (&m->client);
  hall_engine_shutdown (m->hall->engine);
  g_clear_pointer (&m->token, g_free);
  g_clear_pointer (&m->hall, hall_test_hall_free);
}

static GtkWidget *
show_page (Manager    *m,
           const char *name)
{
  hall_workspace_show_page (HALL_WORKSPACE (m->workspace), name);
  g_assert_cmpstr (hall_workspace_get_visible_page_name (HALL_WORKSPACE (m->workspace)), ==, name);
  return hall_workspace_get_page (HALL_WORKSPACE (m->workspace), name);
}

static guint
combo_find (GtkWidget  *combo,
            const char *text)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (GtkStringObject) item = g_list_model_get_item (model, i);

      if (strstr (gtk_string_object_get_string (item), text) != NULL)
        return i;
    }
  g_error ("No “%s” in the list", text);
  return 0;
}

static const char *
combo_text (GtkWidget *combo)
{
  return gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (combo)));
}

static gboolean
triage_ready (gpointer data)
{
  return hall_triage_page_get_ready (data);
}

static gboolean
triage_idle (gpointer data)
{
  return !hall_triage_page_get_busy (data);
}

static gboolean
triage_issued (gpointer data)
{
  return hall_triage_page_get_last_issued (data) != NULL && !hall_triage_page_get_busy (data);
}

static void
test_triage (void)
{
  Manager m = { 0 };
  GtkWidget *page;
  JsonObject *issued, *ticket;
  g_autoptr (JsonObject) again = NULL;

  manager_start (&m);
  page = show_page (&m, "triage");
  hall_ui_test_wait (triage_ready, page, 30, "the categories");

  /* Nothing picked: said on the form, nothing issued. */
  gtk_widget_activate_action (page, "triage.issue", NULL);
  hall_ui_test_flush ();
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "form_error")));
  g_assert_null (hall_triage_page_get_last_issued (HALL_TRIAGE_PAGE (page)));

  /* 征地拆迁 suggests 自然资源. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (page, "category")),
                              combo_find (hall_ui_test_find (page, "category"), "征地拆迁"));
  g_assert_nonnull (strstr (combo_text (hall_ui_test_find (page, "department")), "自然资源"));

  /* A wrong check digit is said as soon as the 18th character is typed. */
  hall_ui_test_type (page, "id_number", "110101199003070010");
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (page, "id_number"), "error"));
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "id_number_error")));
  gtk_widget_activate_action (page, "triage.issue", NULL);
  hall_ui_test_flush ();
  g_assert_null (hall_triage_page_get_last_issued (HALL_TRIAGE_PAGE (page)));

  /* A valid one is looked up: a first visit. */
  hall_ui_test_type (page, "id_number", "110101199003070011");
  g_assert_false (gtk_widget_has_css_class (hall_ui_test_find (page, "id_number"), "error"));
  hall_ui_test_wait (triage_idle, page, 30, "the lookup");
  g_assert_nonnull (hall_triage_page_get_lookup (HALL_TRIAGE_PAGE (page)));
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "repeat_warning")));
  g_assert_false (gtk_widget_has_css_class (hall_ui_test_find (page, "repeat_warning"), "repeat"));
  hall_ui_test_type (page, "name", "王小明");

  /* Five persons make a collective visit. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hall_ui_test_find (page, "persons")), 6);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (hall_ui_test_find (page, "priority"))), ==, 2);

  gtk_widget_activate_action (page, "triage.issue", NULL);
  hall_ui_test_wait (triage_issued, page, 30, "the ticket");
  issued = hall_triage_page_get_last_issued (HALL_TRIAGE_PAGE (page));
  ticket = json_object_get_object_member (issued, "ticket");
  g_assert_cmpstr (json_object_get_string_member (ticket, "department_code"), ==, "ziranziyuan");
  g_assert_cmpstr (json_object_get_string_member (ticket, "priority"), ==, "collective");
  g_assert_cmpint (json_object_get_int_member (ticket, "persons"), ==, 6);
  /* The code, large, to tell the visitor; the form is ready for the next one. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "ticket_code"))), ==, "Z001");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "ticket_position"))), !=, "");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (page, "id_number"))), ==, "");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (hall_ui_test_find (page, "category"))), ==, 0);

  /* Ctrl+Enter pressed twice gives no second ticket: the form is empty. */
  gtk_widget_activate_action (page, "triage.issue", NULL);
  hall_ui_test_flush ();
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "form_error")));
  again = hall_test_ok (m.hall, m.token, "ticket.list", "{\"state\": \"waiting\"}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (again, "tickets")), ==, 1);

  /* The same person again: a repeat visit, named. */
  hall_ui_test_type (page, "id_number", "110101199003070011");
  hall_ui_test_wait (triage_idle, page, 30, "the second lookup");
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (page, "repeat_warning"), "repeat"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (hall_ui_test_find (page, "name"))), ==, "王小明");
  g_assert_true (gtk_widget_get_visible (hall_ui_test_find (page, "history")));

  /* Collective with fewer than 5 is refused next to the persons count. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (page, "department")),
                              combo_find (hall_ui_test_find (page, "department"), "城建"));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (hall_ui_test_find (page, "persons")), 2);
  adw_combo_row_set_selected (ADW_COMBO_ROW (hall_ui_test_find (page, "priority")), 2);
  g_assert_true (gtk_widget_has_css_class (hall_ui_test_find (page, "persons"), "error"));

  gtk_widget_activate_action (page, "triage.clear", NULL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "ticket_code"))), ==, "—");
  manager_stop (&m);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  data_dir = hall_ui_test_environment ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/manager/triage", test_triage);
  result = g_test_run ();
  hall_test_rm_rf (data_dir);
  g_free (data_dir);
  return result;
}
