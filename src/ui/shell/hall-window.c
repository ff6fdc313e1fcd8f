/* hall-window.c — the main window: first run, sign-in and the workspace of the role
 *
 * What the window shows follows the application and its client: opening a hall → a spinner;
 * no hall → the first-run choice; a hall but nobody signed in → sign-in; signed in → the
 * workspace of the session's role.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-window"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-application.h"
#include "hall-role.h"
#include "hall-window.h"

struct _HallWindow
{
  AdwApplicationWindow parent_instance;

  GSettings    *settings;
  HallClient   *client;
  GSignalGroup *client_signals;
  GSignalGroup *app_signals;
  GCancellable *cancellable;
  char         *hall_name;
  char         *role; /* the session's role, as the "win.role" action shows it */
  gboolean      switching;
  guint         back_button_idle;

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle  *window_title;
  GtkWidget       *back_button;
  GtkWidget       *hosting_label;
  GtkRevealer     *offline_revealer;
  GtkStack        *main_stack;
  GtkSpinner      *loading_spinner;
  HallWelcomePage *welcome_page;
  HallSigninPage  *signin_page;
  HallWorkspace   *workspace;
  GMenu           *role_section;
};

G_DEFINE_FINAL_TYPE (HallWindow, hall_window, ADW_TYPE_APPLICATION_WINDOW)

enum
{
  PROP_0,
  PROP_ROLE,
  PROP_HALL_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static HallApplication *
get_app (HallWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return HALL_IS_APPLICATION (app) ? HALL_APPLICATION (app) : NULL;
}

static void
set_role_state (HallWindow *self,
                const char *role)
{
  if (g_strcmp0 (self->role, role) == 0)
    return;
  g_free (self->role);
  self->role = g_strdup (role);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

static void
set_hall_name (HallWindow *self,
               const char *hall_name)
{
  if (g_strcmp0 (self->hall_name, hall_name) == 0)
    return;
  g_free (self->hall_name);
  self->hall_name = g_strdup (hall_name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HALL_NAME]);
}

static void
update_role_menu (HallWindow *self)
{
  JsonObject *user = self->client ? hall_client_get_user (self->client) : NULL;
  JsonArray  *roles = user ? json_object_get_array_member (user, "roles") : NULL;
  g_autoptr (GMenu) submenu = g_menu_new ();
  guint n_desktop = 0;

  g_menu_remove_all (self->role_section);
  for (guint i = 0; roles != NULL && i < json_array_get_length (roles); i++)
    {
      const char *role = json_array_get_string_element (roles, i);
      g_autoptr (GMenuItem) item = NULL;

      if (!g_strv_contains (_hall_role_desktop_roles (), role))
        continue;
      item = g_menu_item_new (_hall_role_label (role), NULL);
      g_menu_item_set_action_and_target (item, "win.role", "s", role);
      g_menu_append_item (submenu, item);
      n_desktop++;
    }
  /* Someone with one role has nothing to switch to. */
  if (n_desktop > 1)
    g_menu_append_submenu (self->role_section, _ ("_Switch Role"), G_MENU_MODEL (submenu));
}

static void
update_title (HallWindow *self)
{
  g_autofree char *subtitle = NULL;
  JsonObject      *user;
  const char      *role;

  if (self->client == NULL || !hall_client_is_signed_in (self->client))
    {
      adw_window_title_set_title (self->window_title, _ ("Xinfang Hall"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      return;
    }

  user = hall_client_get_user (self->client);
  role = hall_client_get_role (self->client);
  adw_window_title_set_title (self->window_title,
                              self->hall_name ? self->hall_name : _ ("Xinfang Hall"));
  /* The PC's window is said for those who serve at one (a manager may cover it), not for a leader
   * or the administrator who signed in at it. */
  if (hall_client_get_counter_id (self->client) > 0
      && (g_strcmp0 (role, "staff") == 0 || g_strcmp0 (role, "manager") == 0))
    /* Translators: window subtitle: person · role · service window, "张伟 · 窗口工作人员 · 3号窗口" */
    subtitle =
        g_strdup_printf (_ ("%s · %s · Window %d"),
                         json_object_get_string_member_with_default (user, "display_name", ""),
                         _hall_role_label (role), (int) hall_client_get_counter_id (self->client));
  else
    /* Translators: window subtitle: person · role, "李娜 · 大厅值班长" */
    subtitle = g_strdup_printf (
        _ ("%s · %s"), json_object_get_string_member_with_default (user, "display_name", ""),
        _hall_role_label (role));
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
update_actions (HallWindow *self)
{
  gboolean         signed_in = self->client != NULL && hall_client_is_signed_in (self->client);
  gboolean         connected = self->client != NULL && hall_client_get_connected (self->client);
  HallApplication *app = get_app (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out", signed_in);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.role",
                                 signed_in && connected && !self->switching);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.change-hall",
                                 self->client != NULL && !(app && hall_application_get_busy (app)));
  gtk_revealer_set_reveal_child (self->offline_revealer, self->client != NULL && !connected);
  gtk_widget_set_visible (self->hosting_label, app != NULL && hall_application_get_hosting (app));
}

static void
hall_info_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr (HallWindow) self = user_data;
  g_autoptr (JsonObject) info = NULL;
  g_autoptr (GError) error = NULL;

  info = hall_client_call_finish (HALL_CLIENT (object), result, &error);
  if (info == NULL)
    {
      g_debug ("hall.info: %s", error->message);
      return;
    }
  set_hall_name (self, json_object_get_string_member_with_default (info, "hall_name", NULL));
  update_title (self);
}

static char *
describe_location (HallWindow *self)
{
  HallApplication *app = get_app (self);
  g_autofree char *mode = app ? hall_application_dup_mode (app) : g_strdup ("");

  if (g_str_equal (mode, "demo"))
    return g_strdup (_ ("The demo hall: made-up people and petitions"));
  if (g_str_equal (mode, "remote"))
    {
      g_autofree char *url = g_settings_get_string (self->settings, "server-url");
      /* Translators: %s is the hall server's address */
      return g_strdup_printf (_ ("The hall at %s"), url);
    }
  return g_strdup (_ ("The hall kept on this PC"));
}

static void
update_page (HallWindow *self)
{
  HallApplication *app = get_app (self);
  HallClient      *client = app ? hall_application_get_client (app) : NULL;
  const char      *previous = gtk_stack_get_visible_child_name (self->main_stack);
  const char      *page;

  if (client != self->client)
    {
      g_set_object (&self->client, client);
      g_signal_group_set_target (self->client_signals, client);
      hall_signin_page_set_client (self->signin_page, client);
      set_hall_name (self, NULL);
    }

  /* The first-run page shows its own progress while it makes or opens a hall. */
  if (app != NULL && hall_application_get_busy (app))
    page = g_strcmp0 (previous, "welcome") == 0 ? "welcome" : "loading";
  else if (client == NULL)
    page = "welcome";
  else if (!hall_client_is_signed_in (client))
    page = "signin";
  else
    page = "workspace";

  if (g_str_equal (page, "loading"))
    gtk_spinner_start (self->loading_spinner);
  else
    gtk_spinner_stop (self->loading_spinner);

  if (g_str_equal (page, "welcome") && g_strcmp0 (previous, "welcome") != 0)
    {
      g_autofree char *path = hall_application_get_local_path ();
      hall_welcome_page_set_local_exists (self->welcome_page,
                                          g_file_test (path, G_FILE_TEST_EXISTS));
    }

  if (g_str_equal (page, "workspace"))
    {
      hall_workspace_set_client (self->workspace, client);
      hall_workspace_set_role (self->workspace, hall_client_get_role (client));
      set_role_state (self, hall_client_get_role (client));
      if (self->hall_name == NULL)
        hall_client_call_async (client, "hall.info", NULL, self->cancellable, hall_info_cb,
                                g_object_ref (self));
    }
  else
    {
      hall_workspace_set_role (self->workspace, NULL);
      hall_workspace_set_client (self->workspace, NULL);
      set_role_state (self, NULL);
    }

  gtk_stack_set_visible_child_name (self->main_stack, page);
  if (g_str_equal (page, "signin") && g_strcmp0 (previous, "signin") != 0)
    {
      g_autofree char *location = describe_location (self);
      g_autofree char *mode = hall_application_dup_mode (app);
      hall_signin_page_set_location (self->signin_page, location, g_str_equal (mode, "demo"));
    }

  update_role_menu (self);
  update_title (self);
  update_actions (self);
}

static gboolean
update_back_button_cb (gpointer data)
{
  HallWindow *self = data;
  gboolean    folded = hall_workspace_get_folded (self->workspace);

  self->back_button_idle = 0;
  gtk_widget_set_visible (
      self->back_button,
      folded && g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "workspace") == 0);
  return G_SOURCE_REMOVE;
}

/* The leaflet folds while it is being allocated: showing the back button then would resize
 * the header bar in the middle of that allocation, so it waits for the next main loop turn. */
static void
folded_cb (HallWindow *self)
{
  if (self->back_button_idle == 0)
    self->back_button_idle = g_idle_add (update_back_button_cb, self);
}

/* ---- actions ------------------------------------------------------------------------------ */

static void
switch_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr (HallWindow) self = user_data;
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (GError) error = NULL;

  self->switching = FALSE;
  reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);
  if (reply == NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    hall_window_show_toast (self, error->message);
  /* The client took the new role from the answer ("notify::role" rebuilt the workspace); on
   * failure the radio item goes back to the role the session still has. */
  if (self->client != NULL && hall_client_is_signed_in (self->client))
    set_role_state (self, hall_client_get_role (self->client));
  update_actions (self);
}

static void
request_role (HallWindow *self,
              const char *role)
{
  g_autoptr (JsonObject) params = NULL;

  if (self->client == NULL || !hall_client_is_signed_in (self->client) || role == NULL
      || g_strcmp0 (role, hall_client_get_role (self->client)) == 0)
    return;

  params = json_object_new ();
  json_object_set_string_member (params, "role", role);
  self->switching = TRUE;
  update_actions (self);
  hall_client_call_async (self->client, "session.switch", params, self->cancellable, switch_cb,
                          g_object_ref (self));
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  HallWindow *self = HALL_WINDOW (widget);

  if (self->client != NULL && hall_client_is_signed_in (self->client))
    hall_client_logout_async (self->client, NULL, NULL, NULL);
}

static void
change_hall_response_cb (HallWindow       *self,
                         const char       *response,
                         AdwMessageDialog *dialog)
{
  HallApplication *app = get_app (self);

  if (app != NULL && g_strcmp0 (response, "change") == 0)
    hall_application_forget_hall (app);
}

static void
change_hall_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HallWindow *self = HALL_WINDOW (widget);
  GtkWidget  *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Use Another Hall?"),
                                   _ ("You will be signed out and see the first-run choice again. "
                                      "The records of a hall kept on this PC stay on this PC."));
  adw_message_dialog_add_responses (
      ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"),
      /* Translators: confirms leaving the hall for the first-run choice */
      "change", _ ("_Use Another Hall"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "change",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (change_hall_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- the welcome page's requests: the window opens the hall through the application -------- */

static void
hall_opened_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr (HallWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean ok;

  if (g_task_get_source_tag (G_TASK (result)) == hall_application_create_local_async)
    ok = hall_application_create_local_finish (HALL_APPLICATION (object), result, &error);
  else if (g_task_get_source_tag (G_TASK (result)) == hall_application_open_demo_async)
    ok = hall_application_open_demo_finish (HALL_APPLICATION (object), result, &error);
  else
    ok = hall_application_open_local_finish (HALL_APPLICATION (object), result, &error);
  if (!ok && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  hall_welcome_page_finish (self->welcome_page, ok ? NULL : error);
}

/* "win.create-hall" (ssss: the hall's name, username, display name, password), "win.open-demo",
 * "win.open-local" */
static void
open_hall_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HallWindow      *self = HALL_WINDOW (widget);
  HallApplication *app = get_app (self);
  const char      *hall_name, *username, *display_name, *password;

  if (app == NULL)
    {
      hall_welcome_page_finish (self->welcome_page, NULL);
      return;
    }
  if (g_str_equal (action_name, "win.create-hall"))
    {
      g_variant_get (parameter, "(&s&s&s&s)", &hall_name, &username, &display_name, &password);
      hall_application_create_local_async (app, hall_name, username, display_name, password,
                                           self->cancellable, hall_opened_cb, g_object_ref (self));
    }
  else if (g_str_equal (action_name, "win.open-demo"))
    hall_application_open_demo_async (app, self->cancellable, hall_opened_cb, g_object_ref (self));
  else
    hall_application_open_local_async (app, self->cancellable, hall_opened_cb, g_object_ref (self));
}

/* "win.join-hall" (ss: the server's address and the certificate's fingerprint, "" for none) */
static void
join_hall_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HallApplication *app = get_app (HALL_WINDOW (widget));
  const char      *url, *fingerprint;

  g_variant_get (parameter, "(&s&s)", &url, &fingerprint);
  if (app != NULL)
    hall_application_join (app, url, *fingerprint != '\0' ? fingerprint : NULL);
}

/* "win.offer-create": the first-run page opens on the form that starts a hall on this PC. */
static void
offer_create_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_widget_activate_action (GTK_WIDGET (HALL_WINDOW (widget)->welcome_page),
                              "welcome.show-create", NULL);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  hall_workspace_navigate_back (HALL_WINDOW (widget)->workspace);
}

/* ---- GtkWindow ---------------------------------------------------------------------------- */

static gboolean
hall_window_close_request (GtkWindow *window)
{
  HallWindow *self = HALL_WINDOW (window);
  int         width, height;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
  return GTK_WINDOW_CLASS (hall_window_parent_class)->close_request (window);
}

/* "application" is set after construction: follow it from then on. */
static void
application_changed_cb (HallWindow *self)
{
  g_signal_group_set_target (self->app_signals, get_app (self));
  update_page (self);
}

static void
hall_window_dispose (GObject *object)
{
  HallWindow *self = HALL_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->back_button_idle, g_source_remove);
  if (self->client_signals != NULL)
    g_signal_group_set_target (self->client_signals, NULL);
  if (self->app_signals != NULL)
    g_signal_group_set_target (self->app_signals, NULL);
  g_clear_object (&self->client_signals);
  g_clear_object (&self->app_signals);
  g_clear_object (&self->client);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_WINDOW);
  G_OBJECT_CLASS (hall_window_parent_class)->dispose (object);
}

static void
hall_window_finalize (GObject *object)
{
  HallWindow *self = HALL_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_free (self->hall_name);
  g_free (self->role);
  G_OBJECT_CLASS (hall_window_parent_class)->finalize (object);
}

static void
hall_window_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  HallWindow *self = HALL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      g_value_set_string (value, self->role ? self->role : "");
      break;
    case PROP_HALL_NAME:
      g_value_set_string (value, self->hall_name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_window_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  HallWindow *self = HALL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_ROLE:
      /* The "win.role" radio items: ask the hall; the state follows its answer. */
      request_role (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_window_class_init (HallWindowClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = hall_window_dispose;
  object_class->finalize = hall_window_finalize;
  object_class->get_property = hall_window_get_property;
  object_class->set_property = hall_window_set_property;
  window_class->close_request = hall_window_close_request;

  properties[PROP_ROLE] =
      g_param_spec_string ("role", NULL, NULL, "",
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* What the pages print at the head of a paper (hall_print_dup_hall_name()). */
  properties[PROP_HALL_NAME] =
      g_param_spec_string ("hall-name", NULL, NULL, NULL,
                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (HALL_TYPE_WELCOME_PAGE);
  g_type_ensure (HALL_TYPE_SIGNIN_PAGE);
  g_type_ensure (HALL_TYPE_WORKSPACE);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/shell/hall-window.ui");
  gtk_widget_class_bind_template_child (widget_class, HallWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, HallWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, HallWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, HallWindow, hosting_label);
  gtk_widget_class_bind_template_child (widget_class, HallWindow, offline_revealer);
  gtk_widget_class_bind_template_child (widget_class, HallWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, HallWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, HallWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, HallWindow, signin_page);
  gtk_widget_class_bind_template_child (widget_class, HallWindow, workspace);
  gtk_widget_class_bind_template_child (widget_class, HallWindow, role_section);

  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);
  gtk_widget_class_install_action (widget_class, "win.change-hall", NULL, change_hall_action);
  gtk_widget_class_install_action (widget_class, "win.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "win.create-hall", "(ssss)", open_hall_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_hall_action);
  gtk_widget_class_install_action (widget_class, "win.open-local", NULL, open_hall_action);
  gtk_widget_class_install_action (widget_class, "win.join-hall", "(ss)", join_hall_action);
  gtk_widget_class_install_action (widget_class, "win.offer-create", NULL, offer_create_action);
  gtk_widget_class_install_property_action (widget_class, "win.role", "role");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_q, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.sign-out", NULL);
}

static void
hall_window_init (HallWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  hall_signin_page_set_settings (self->signin_page, self->settings);

  /* Only "notify::" signals: they belong to GObject, not to the HallClient interface. */
  self->client_signals = g_signal_group_new (G_TYPE_OBJECT);
  g_signal_group_connect_swapped (self->client_signals, "notify::user", G_CALLBACK (update_page),
                                  self);
  g_signal_group_connect_swapped (self->client_signals, "notify::role", G_CALLBACK (update_page),
                                  self);
  g_signal_group_connect_swapped (self->client_signals, "notify::counter-id",
                                  G_CALLBACK (update_title), self);
  g_signal_group_connect_swapped (self->client_signals, "notify::connected",
                                  G_CALLBACK (update_actions), self);

  self->app_signals = g_signal_group_new (HALL_TYPE_APPLICATION);
  g_signal_group_connect_swapped (self->app_signals, "notify::client", G_CALLBACK (update_page),
                                  self);
  g_signal_group_connect_swapped (self->app_signals, "notify::busy", G_CALLBACK (update_page),
                                  self);
  g_signal_group_connect_swapped (self->app_signals, "notify::hosting", G_CALLBACK (update_actions),
                                  self);

  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed_cb), NULL);
  update_page (self);
  g_signal_connect_object (self->workspace, "notify::folded", G_CALLBACK (folded_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->main_stack, "notify::visible-child-name", G_CALLBACK (folded_cb),
                           self, G_CONNECT_SWAPPED);
}

HallWindow *
hall_window_new (GtkApplication *application)
{
  return g_object_new (HALL_TYPE_WINDOW, "application", application, NULL);
}

void
hall_window_show_toast (HallWindow *self,
                        const char *message)
{
  AdwToast *toast;

  g_return_if_fail (HALL_IS_WINDOW (self));
  g_return_if_fail (message != NULL);

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

const char *
hall_window_get_page_name (HallWindow *self)
{
  g_return_val_if_fail (HALL_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

HallWelcomePage *
hall_window_get_welcome_page (HallWindow *self)
{
  g_return_val_if_fail (HALL_IS_WINDOW (self), NULL);
  return self->welcome_page;
}

HallSigninPage *
hall_window_get_signin_page (HallWindow *self)
{
  g_return_val_if_fail (HALL_IS_WINDOW (self), NULL);
  return self->signin_page;
}

HallWorkspace *
hall_window_get_workspace (HallWindow *self)
{
  g_return_val_if_fail (HALL_IS_WINDOW (self), NULL);
  return self->workspace;
}

const char *
hall_window_get_role (HallWindow *self)
{
  g_return_val_if_fail (HALL_IS_WINDOW (self), NULL);
  return self->role;
}

const char *
hall_window_get_hall_name (HallWindow *self)
{
  g_return_val_if_fail (HALL_IS_WINDOW (self), NULL);
  return self->hall_name;
}
