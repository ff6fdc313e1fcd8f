/* hall-ui-test-devices.c — the three devices of the hall as apps in processes of their own,
 * for test-hall-day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "hall-device-mode.h"
#include "hall-device-window.h"
#include "hall-display-page.h"
#include "hall-find.h"
#include "hall-kiosk-page.h"
#include "hall-rating-pad.h"
#include "hall-test-server.h"
#include "hall-ui-test-devices.h"
#include "hall-ui-test-process.h"
#include "hall-ui-test-util.h"
#include "hall-window.h"

static const char *const personal[] = { HALL_UI_TEST_PETITIONER_NAME, "欧阳",
                                        HALL_UI_TEST_PETITIONER_ID,
                                        HALL_UI_TEST_PETITIONER_PHONE };

typedef struct
{
  const char       *mode;
  char             *dir;
  HallDeviceWindow *window;
  GtkWidget        *device;
  GPtrArray        *shown;    /* display: each text of the big line, as it changed */
  GPtrArray        *spoken;   /* display: each announcement the voice started */
  gboolean          flashing; /* display: whether the call flashed as its announcement began */
  guint             printed;
  GType             type;    /* the device's widget at the first start */
  guint             starts;  /* of the app */
  gboolean          restart; /* the test asked for the app to start again */
} Device;

static gboolean
has_device (gpointer data)
{
  return hall_device_window_get_device (data) != NULL;
}

static gboolean
has_line (gpointer data)
{
  HallUiTestLines *lines = data;
  return lines->eof || !g_queue_is_empty (&lines->lines);
}

/* The next line from the test, in words; NULL at its end. */
static GStrv
next_line (void)
{
  HallUiTestLines *lines = hall_ui_test_child_lines ();
  g_autofree char *line = NULL;

  hall_ui_test_wait (has_line, lines, 2 * HALL_UI_TEST_STEP_TIMEOUT, "the test's next step");
  line = g_queue_pop_head (&lines->lines);
  return line ? g_strsplit (line, " ", -1) : NULL;
}

/* Words 1… of @words, joined again. */
static char *
rest (GStrv words)
{
  return g_strjoinv (" ", words + 1);
}

/* ---- waits ---- */

typedef struct
{
  Device     *device;
  const char *text;
  guint       count;
  gboolean    flag;
} Want;

static gboolean
offline_is (gpointer data)
{
  Want *want = data;
  return hall_device_window_get_offline (want->device->window) == want->flag;
}

static gboolean
call_is (gpointer data)
{
  Want       *want = data;
  HallVoice  *voice = hall_display_page_get_voice (HALL_DISPLAY_PAGE (want->device->device));
  const char *call = hall_display_page_get_call_text (HALL_DISPLAY_PAGE (want->device->device));

  return g_str_equal (call, want->text) && want->device->spoken->len >= want->count
         && hall_voice_get_pending (voice) == 0;
}

static char *
departments_text (Device *device)
{
  g_autofree char *text = hall_ui_test_texts (hall_ui_test_find (device->device, "departments_box"));

  g_strstrip (text);
  return g_strdelimit (g_steal_pointer (&text), "\n", '|');
}

static gboolean
departments_are (gpointer data)
{
  Want            *want = data;
  g_autofree char *text = departments_text (want->device);
  return g_str_equal (text, want->text);
}

static gboolean
window_has_text (gpointer data)
{
  Want            *want = data;
  g_autofree char *text = hall_ui_test_texts (GTK_WIDGET (want->device->window));
  return (strstr (text, want->text) != NULL) == want->flag;
}

static gboolean
kiosk_screen_is (gpointer data)
{
  Want *want = data;
  return g_strcmp0 (hall_kiosk_page_get_screen (HALL_KIOSK_PAGE (want->device->device)), want->text)
         == 0;
}

static gboolean
kiosk_has_choice (gpointer data)
{
  Want *want = data;
  return _hall_find_named (want->device->device, want->text) != NULL;
}

static gboolean
kiosk_printed (gpointer data)
{
  Want *want = data;
  return want->device->printed >= want->count;
}

static gboolean
kiosk_answered (gpointer data)
{
  Want      *want = data;
  GtkWidget *error = hall_ui_test_find (want->device->device, "code_error");

  return g_strcmp0 (hall_kiosk_page_get_screen (HALL_KIOSK_PAGE (want->device->device)), "status")
             == 0
         || (gtk_widget_get_visible (error) && *gtk_label_get_text (GTK_LABEL (error)) != '\0');
}

static gboolean
pad_asks (gpointer data)
{
  Want          *want = data;
  HallRatingPad *pad = HALL_RATING_PAD (want->device->device);

  return g_strcmp0 (hall_rating_pad_get_screen (pad), want->text) == 0
         && (want->count == 0 || hall_rating_pad_get_ticket_id (pad) == (gint64) want->count);
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

/* ---- what each device does when told ---- */

static void
spoken_cb (HallVoice  *voice,
           const char *text,
           gint64      first_sample,
           Device     *device)
{
  g_ptr_array_add (device->spoken, g_strdup (text));
  device->flashing = hall_display_page_get_flashing (HALL_DISPLAY_PAGE (device->device));
}

static void
call_label_cb (GtkLabel   *label,
               GParamSpec *pspec,
               Device     *device)
{
  g_ptr_array_add (device->shown, g_strdup (gtk_label_get_text (label)));
}

static void
printed_cb (HallKioskPage *page,
            gboolean       ok,
            Device        *device)
{
  g_assert_true (ok);
  device->printed++;
}

static void
display_step (Device *device,
              GStrv   words)
{
  Want want = { device, NULL, 0, FALSE };

  if (g_str_equal (words[0], "call"))
    {
      /* call CODE WINDOW SPOKEN: the big line shows it and the voice has said SPOKEN calls. */
      g_autofree char *text = g_strdup_printf ("Number %s, please go to window %s", words[1],
                                               words[2]);
      want.text = text;
      want.count = (guint) g_ascii_strtoull (words[3], NULL, 10);
      hall_ui_test_wait (call_is, &want, HALL_UI_TEST_STEP_TIMEOUT, text);
      hall_ui_test_say ("called %d", device->flashing);
    }
  else if (g_str_equal (words[0], "counts"))
    {
      g_autofree char *expected = rest (words);
      g_autofree char *shown = NULL;

      want.text = expected;
      hall_ui_test_wait (departments_are, &want, HALL_UI_TEST_STEP_TIMEOUT, "the waiting counts");
      shown = departments_text (device);
      hall_ui_test_say ("counts %s", shown);
    }
  else if (g_str_equal (words[0], "log"))
    {
      g_autofree char *shown = NULL;
      g_autofree char *spoken = NULL;

      g_ptr_array_add (device->shown, NULL);
      g_ptr_array_add (device->spoken, NULL);
      shown = g_strjoinv ("|", (GStrv) device->shown->pdata);
      spoken = g_strjoinv ("|", (GStrv) device->spoken->pdata);
      g_ptr_array_remove_index (device->shown, device->shown->len - 1);
      g_ptr_array_remove_index (device->spoken, device->spoken->len - 1);
      hall_ui_test_say ("shown %s", shown);
      hall_ui_test_say ("spoken %s", spoken);
    }
  else
    g_error ("The display cannot “%s”", words[0]);
}

static void
kiosk_step (Device *device,
            GStrv   words)
{
  GtkWidget *page = device->device;
  Want       want = { device, NULL, 0, FALSE };

  if (g_str_equal (words[0], "take"))
    {
      /* take CATEGORY PERSONS: a visitor's taps; the ticket comes out as a PDF. */
      g_autofree char *name = g_strdup_printf ("choice-%s", words[1]);
      g_autofree char *pdf = g_strdup_printf ("%s/ticket-%u.pdf", device->dir, device->printed + 1);
      JsonObject      *reply;

      want.text = "start";
      hall_ui_test_wait (kiosk_screen_is, &want, HALL_UI_TEST_STEP_TIMEOUT, "the kiosk's start");
      want.text = name;
      hall_ui_test_wait (kiosk_has_choice, &want, HALL_UI_TEST_STEP_TIMEOUT, name);
      hall_kiosk_page_set_export_filename (HALL_KIOSK_PAGE (page), pdf);
      gtk_widget_activate (hall_ui_test_find (page, name));
      want.text = "details";
      hall_ui_test_wait (kiosk_screen_is, &want, HALL_UI_TEST_STEP_TIMEOUT, "the kiosk's details");
      for (guint64 i = 1; i < g_ascii_strtoull (words[2], NULL, 10); i++)
        g_assert_true (gtk_widget_activate_action (page, "kiosk.persons-more", NULL));
      g_assert_true (gtk_widget_activate_action (page, "kiosk.take", NULL));
      want.count = device->printed + 1;
      hall_ui_test_wait (kiosk_printed, &want, HALL_UI_TEST_STEP_TIMEOUT, "the ticket printed");
      reply = hall_kiosk_page_get_last_ticket (HALL_KIOSK_PAGE (page));
      hall_ui_test_say (
          "ticket %s %" G_GINT64_FORMAT " %s",
          json_object_get_string_member (json_object_get_object_member (reply, "ticket"), "code"),
          json_object_get_int_member (reply, "people_ahead"), pdf);
      /* The visitor takes the paper and taps 完成. */
      g_assert_true (gtk_widget_activate_action (page, "kiosk.home", NULL));
    }
  else if (g_str_equal (words[0], "query"))
    {
      /* query NUMBER CODE: answers "status STATE" or "refused MESSAGE". */
      g_assert_true (gtk_widget_activate_action (page, "kiosk.query-start", NULL));
      gtk_widget_set_visible (hall_ui_test_find (page, "code_error"), FALSE);
      hall_ui_test_type (page, "number_entry", words[1]);
      hall_ui_test_type (page, "code_entry", words[2]);
      g_assert_true (gtk_widget_activate_action (page, "kiosk.query", NULL));
      hall_ui_test_wait (kiosk_answered, &want, HALL_UI_TEST_STEP_TIMEOUT, "the status query's answer");
      if (g_str_equal (hall_kiosk_page_get_screen (HALL_KIOSK_PAGE (page)), "status"))
        hall_ui_test_say ("status %s",
                          gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "state_label"))));
      else
        hall_ui_test_say ("refused %s",
                          gtk_label_get_text (GTK_LABEL (hall_ui_test_find (page, "code_error"))));
      g_assert_true (gtk_widget_activate_action (page, "kiosk.home", NULL));
    }
  else
    g_error ("The kiosk cannot “%s”", words[0]);
}

static void
pad_step (Device *device,
          GStrv   words)
{
  Want want = { device, "ask", 0, FALSE };

  if (g_str_equal (words[0], "rate"))
    {
      /* rate TICKET LEVEL: the pad asks about that ticket; the visitor taps LEVEL. */
      g_autofree char *button = g_strdup_printf ("rate-%s", words[2]);

      want.count = (guint) g_ascii_strtoull (words[1], NULL, 10);
      hall_ui_test_wait (pad_asks, &want, HALL_UI_TEST_STEP_TIMEOUT, "the pad asking");
      if (g_str_equal (words[2], "dissatisfied"))
        gtk_widget_activate (hall_ui_test_find (device->device, "score-attitude-2"));
      gtk_widget_activate (hall_ui_test_find (device->device, button));
      want.text = "thanks";
      want.count = 0;
      hall_ui_test_wait (pad_asks, &want, HALL_UI_TEST_STEP_TIMEOUT, "the pad's thanks");
      want.text = "idle";
      hall_ui_test_wait (pad_asks, &want, HALL_UI_TEST_STEP_TIMEOUT, "the pad back to its window");
      hall_ui_test_say ("rated %s", words[1]);
    }
  else
    g_error ("The pad cannot “%s”", words[0]);
}

/* What every device answers: "offline 0|1" and "private". */
static gboolean
common_step (Device *device,
             GStrv   words)
{
  Want want = { device, NULL, 0, FALSE };

  if (g_str_equal (words[0], "offline"))
    {
      want.flag = g_str_equal (words[1], "1");
      hall_ui_test_wait (offline_is, &want, HALL_UI_TEST_STEP_TIMEOUT, "the offline banner");
      hall_ui_test_say ("offline %d", want.flag);
      return TRUE;
    }
  if (g_str_equal (words[0], "shows") || g_str_equal (words[0], "hides"))
    {
      g_autofree char *text = rest (words);

      want.text = text;
      want.flag = g_str_equal (words[0], "shows");
      hall_ui_test_wait (window_has_text, &want, HALL_UI_TEST_STEP_TIMEOUT, text);
      hall_ui_test_say ("%s", words[0]);
      return TRUE;
    }
  if (g_str_equal (words[0], "private"))
    {
      g_autofree char *text = hall_ui_test_texts (GTK_WIDGET (device->window));

      for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
        if (strstr (text, personal[i]) != NULL)
          g_error ("The %s shows “%s”:\n%s", device->mode, personal[i], text);
      hall_ui_test_say ("private");
      return TRUE;
    }
  return FALSE;
}

static void
device_activated (HallApplication *app,
                  Device          *device)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (app));
  gpointer   window = active;
  gboolean   forget;
  GStrv      words;

  g_signal_handlers_disconnect_by_func (app, device_activated, device);
  device->starts++;
  g_assert_true (HALL_IS_DEVICE_WINDOW (active));
  g_assert_true (gtk_window_is_fullscreen (active));
  device->window = HALL_DEVICE_WINDOW (active);
  g_object_add_weak_pointer (G_OBJECT (active), &window);
  hall_ui_test_wait (has_device, active, HALL_UI_TEST_STEP_TIMEOUT, "the device signed in");
  device->device = hall_device_window_get_device (device->window);
  /* After a restart, the same device by itself. */
  if (device->type == G_TYPE_INVALID)
    device->type = G_OBJECT_TYPE (device->device);
  g_assert_true (G_OBJECT_TYPE (device->device) == device->type);
  if (HALL_IS_DISPLAY_PAGE (device->device))
    {
      g_signal_connect (hall_display_page_get_voice (HALL_DISPLAY_PAGE (device->device)), "started",
                        G_CALLBACK (spoken_cb), device);
      g_signal_connect (hall_ui_test_find (device->device, "call_label"), "notify::label",
                        G_CALLBACK (call_label_cb), device);
    }
  else if (HALL_IS_KIOSK_PAGE (device->device))
    g_signal_connect (device->device, "ticket-printed", G_CALLBACK (printed_cb), device);
  else
    /* A visitor who taps gets as long as a pad gives; the thanks are short. */
    hall_rating_pad_set_timeouts (HALL_RATING_PAD (device->device), 60, 1);
  hall_ui_test_say ("ready %u", device->starts);

  while ((words = next_line ()) != NULL && !g_str_equal (words[0], "quit")
         && !g_str_equal (words[0], "restart"))
    {
      if (!common_step (device, words))
        {
          if (HALL_IS_DISPLAY_PAGE (device->device))
            display_step (device, words);
          else if (HALL_IS_KIOSK_PAGE (device->device))
            kiosk_step (device, words);
          else
            pad_step (device, words);
        }
      g_strfreev (words);
    }
  g_assert_nonnull (words);
  device->restart = g_str_equal (words[0], "restart");
  /* Left for good only after a restart showed it comes back. */
  forget = !device->restart && device->starts > 1;
  g_strfreev (words);

  /* An administrator leaves the device: for now (the app ends, the setup stays) or for good. */
  g_assert_true (hall_ui_test_press_shortcut (window, GDK_KEY_q, GDK_CONTROL_MASK | GDK_ALT_MASK));
  hall_ui_test_type (window, "username_row", "admin1");
  hall_ui_test_type (window, "password_row", HALL_TEST_PASSWORD);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (hall_ui_test_find (window, "forget_check")),
                               forget);
  gtk_widget_activate_action (window, "device.unlock-confirm", NULL);
  hall_ui_test_wait (window_gone, &window, HALL_UI_TEST_STEP_TIMEOUT, "the device left");
  if (forget)
    {
      g_autoptr (GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *mode = g_settings_get_string (settings, "device-mode");

      /* A staff PC of the same hall now. */
      g_assert_cmpstr (mode, ==, "");
      g_assert_true (HALL_IS_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app))));
      g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
    }
}

int
hall_ui_test_device_run (const char *mode,
                         const char *url,
                         const char *username)
{
  g_autoptr (GSettings) settings = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (HallApplication) app = NULL;
  Device           device = { mode };
  gint64           counter = g_str_equal (mode, "rating-pad") ? 2 : 0;
  g_autofree char *option = g_strdup_printf ("--%s", mode);
  char            *argv[] = { (char *) "xinfang-hall", option, (char *) "--counter", (char *) "2",
                              NULL };
  int              status;

  device.dir = hall_ui_test_child_init ();
  device.shown = g_ptr_array_new_with_free_func (g_free);
  device.spoken = g_ptr_array_new_with_free_func (g_free);
  /* Set up once, as the welcome page's setup leaves a PC. */
  settings = g_settings_new (APP_ID);
  g_assert_true (hall_device_config_save (settings, mode, counter, url, NULL, username,
                                          HALL_TEST_PASSWORD, &error));
  g_assert_no_error (error);

  app = hall_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "activate", G_CALLBACK (device_activated), &device);
  status = g_application_run (G_APPLICATION (app), counter > 0 ? 4 : 2, argv);
  g_assert_cmpint (status, ==, 0);
  if (device.restart)
    {
      /* The PC restarts: the app starts with no option at all, as the session starts it. */
      g_clear_object (&app);
      app = hall_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_signal_connect_after (app, "activate", G_CALLBACK (device_activated), &device);
      status = g_application_run (G_APPLICATION (app), 1, argv);
      g_assert_cmpint (status, ==, 0);
      g_assert_false (device.restart);
    }

  g_ptr_array_unref (device.shown);
  g_ptr_array_unref (device.spoken);
  hall_ui_test_child_end (device.dir);
  return 0;
}
