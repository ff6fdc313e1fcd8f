/* hall-welcome-page.c — the first run: start a hall here, join a hall server, or try the demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-welcome-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-check.h"
#include "hall-discovery.h"
#include "hall-form.h"
#include "hall-remote-client.h"
#include "hall-server.h"
#include "hall-welcome-page.h"

#define MAX_HALL_NAME_CHARS 40

struct _HallWelcomePage
{
  AdwBin parent_instance;

  GCancellable *cancellable;
  char         *probed_url;
  char         *probed_fingerprint;
  gboolean      working;
  gboolean      creating; /* the window is making this PC's hall from the form */
  /* Browsing while the join step shows; the hall chosen from its list, until the address
   * changes: what the server presents must be what it announced. */
  HallDiscovery      *discovery;
  HallDiscoveredHall *chosen_hall;

  GtkStack      *stack;
  GtkWidget     *open_local_row;
  AdwEntryRow   *hall_name_row;
  GtkWidget     *hall_name_error;
  AdwEntryRow   *username_row;
  GtkWidget     *username_error;
  AdwEntryRow   *display_name_row;
  AdwEntryRow   *password_row;
  GtkWidget     *password_error;
  AdwEntryRow   *confirm_row;
  GtkWidget     *confirm_error;
  GtkLabel      *create_error;
  GtkListBox    *found_list;
  GtkSpinner    *found_spinner;
  GtkWidget     *found_note;
  AdwEntryRow   *address_row;
  GtkWidget     *address_error;
  GtkRevealer   *fingerprint_revealer;
  GtkLabel      *fingerprint_label;
  GtkLabel      *join_error;
  GtkWidget     *probe_button;
  GtkWidget     *join_button;
  AdwStatusPage *progress_page;
  GtkSpinner    *progress_spinner;
};

G_DEFINE_FINAL_TYPE (HallWelcomePage, hall_welcome_page, ADW_TYPE_BIN)

static void
toast (HallWelcomePage *self,
       const char      *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static const char *
text_of (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
set_label_error (GtkLabel   *label,
                 const char *message)
{
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL && *message);
}

static void
show_progress (HallWelcomePage *self,
               const char      *title,
               const char      *description)
{
  adw_status_page_set_title (self->progress_page, title);
  adw_status_page_set_description (self->progress_page, description);
  gtk_spinner_start (self->progress_spinner);
  gtk_stack_set_visible_child_name (self->stack, "progress");
}

static void
set_working (HallWelcomePage *self,
             gboolean         working)
{
  static const char *const actions[] = {
    "welcome.create",
    "welcome.open-demo",
    "welcome.open-local",
    "welcome.probe",
    "welcome.join",
    "welcome.show-create",
    "welcome.show-join",
  };

  self->working = working;
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), actions[i], !working);
  if (!working)
    gtk_spinner_stop (self->progress_spinner);
}

/* ---- the create form ------------------------------------------------------------------------ */

static const char *
check_hall_name (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name));

  if (*trimmed == '\0')
    return _ ("Enter the hall’s name, as visitors see it on the wall display.");
  if (g_utf8_strlen (trimmed, -1) > MAX_HALL_NAME_CHARS)
    return _ ("Use at most 40 characters.");
  return NULL;
}

static const char *
check_confirm (HallWelcomePage *self)
{
  if (!g_str_equal (text_of (self->password_row), text_of (self->confirm_row)))
    return _ ("The two passwords differ. Type the same password twice.");
  return NULL;
}

/* As the person types, a message appears once there is something to say about what is there
 * already, and goes away as soon as it is fixed. */
static void
field_changed_cb (HallWelcomePage *self,
                  GParamSpec      *pspec,
                  GtkEditable     *editable)
{
  const char *text = gtk_editable_get_text (editable);

  if (editable == GTK_EDITABLE (self->hall_name_row))
    _hall_form_set_error (GTK_WIDGET (self->hall_name_row), self->hall_name_error,
                          *text ? check_hall_name (text) : NULL);
  else if (editable == GTK_EDITABLE (self->username_row))
    _hall_form_set_error (GTK_WIDGET (self->username_row), self->username_error,
                          *text ? _hall_check_username (text) : NULL);
  else if (editable == GTK_EDITABLE (self->password_row))
    {
      /* "Too short" only once the person stops typing would be nicer, but never before the
       * field had an error: while it has one, it clears the moment the password is long enough. */
      if (gtk_widget_has_css_class (GTK_WIDGET (self->password_row), "error"))
        {
          g_autofree char *message = _hall_check_new_password (text);
          _hall_form_set_error (GTK_WIDGET (self->password_row), self->password_error, message);
        }
      if (*text_of (self->confirm_row))
        _hall_form_set_error (
            GTK_WIDGET (self->confirm_row), self->confirm_error,
            g_str_has_prefix (text, text_of (self->confirm_row)) ? NULL : check_confirm (self));
    }
  else if (editable == GTK_EDITABLE (self->confirm_row))
    {
      const char *password = text_of (self->password_row);

      /* Still typing the same password: nothing to say yet. */
      _hall_form_set_error (GTK_WIDGET (self->confirm_row), self->confirm_error,
                            g_str_has_prefix (password, text) && strlen (text) < strlen (password)
                                ? NULL
                                : check_confirm (self));
    }
  else if (editable == GTK_EDITABLE (self->address_row))
    {
      _hall_form_set_error (GTK_WIDGET (self->address_row), self->address_error, NULL);
      set_label_error (self->join_error, NULL);
      g_clear_object (&self->chosen_hall);
      /* A fingerprint belongs to the address it was read from. */
      gtk_revealer_set_reveal_child (self->fingerprint_revealer, FALSE);
      gtk_widget_set_visible (self->join_button, FALSE);
      gtk_widget_set_visible (self->probe_button, TRUE);
    }
}

static gboolean
validate_create_form (HallWelcomePage *self)
{
  const char      *hall_name = check_hall_name (text_of (self->hall_name_row));
  const char      *username = _hall_check_username (text_of (self->username_row));
  g_autofree char *password = _hall_check_new_password (text_of (self->password_row));
  const char      *confirm = password ? NULL : check_confirm (self);
  GtkWidget       *first = NULL;

  _hall_form_set_error (GTK_WIDGET (self->hall_name_row), self->hall_name_error, hall_name);
  _hall_form_set_error (GTK_WIDGET (self->username_row), self->username_error, username);
  _hall_form_set_error (GTK_WIDGET (self->password_row), self->password_error, password);
  _hall_form_set_error (GTK_WIDGET (self->confirm_row), self->confirm_error, confirm);
  set_label_error (self->create_error, NULL);

  if (hall_name)
    first = GTK_WIDGET (self->hall_name_row);
  else if (username)
    first = GTK_WIDGET (self->username_row);
  else if (password)
    first = GTK_WIDGET (self->password_row);
  else if (confirm)
    first = GTK_WIDGET (self->confirm_row);
  if (first != NULL)
    gtk_widget_grab_focus (first);
  return first == NULL;
}

static void
show_create_error (HallWelcomePage *self,
                   const GError    *error)
{
  const HallFormField fields[] = {
    { "hall_name", GTK_WIDGET (self->hall_name_row), self->hall_name_error },
    { "username", GTK_WIDGET (self->username_row), self->username_error },
    { "password", GTK_WIDGET (self->password_row), self->password_error },
  };
  GtkWidget *field;

  gtk_stack_set_visible_child_name (self->stack, "create");
  field = _hall_form_show_error (fields, G_N_ELEMENTS (fields), error, NULL);
  if (field != NULL)
    gtk_widget_grab_focus (field);
  else
    set_label_error (self->create_error, error->message);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HallWelcomePage *self = HALL_WELCOME_PAGE (widget);
  g_autofree char *hall_name = NULL;

  if (self->working || !validate_create_form (self))
    return;

  hall_name = _hall_form_dup_text (self->hall_name_row);
  set_working (self, TRUE);
  self->creating = TRUE;
  show_progress (self, _ ("Starting the Hall…"),
                 _ ("Making the hall’s records and the first account"));
  /* The window makes the hall and answers with hall_welcome_page_finish(). */
  if (!gtk_widget_activate_action (widget, "win.create-hall", "(ssss)", hall_name,
                                   text_of (self->username_row), text_of (self->display_name_row),
                                   text_of (self->password_row)))
    hall_welcome_page_finish (self, NULL);
}

/* ---- joining a hall server ----------------------------------------------------------------- */

static void
probe_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr (HallWelcomePage) self = user_data;
  g_autoptr (JsonObject) health = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *fingerprint = NULL;

  set_working (self, FALSE);
  health = hall_remote_client_probe_finish (result, &fingerprint, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (health == NULL)
    {
      _hall_form_set_error (GTK_WIDGET (self->address_row), self->address_error, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->address_row));
      return;
    }

  /* Chosen from the list: another certificate than announced is another computer. */
  if (self->chosen_hall != NULL
      && !hall_discovered_hall_check_fingerprint (self->chosen_hall, fingerprint, &error))
    {
      _hall_form_set_error (GTK_WIDGET (self->address_row), self->address_error, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->address_row));
      return;
    }

  g_free (self->probed_fingerprint);
  self->probed_fingerprint = g_steal_pointer (&fingerprint);
  if (self->probed_fingerprint != NULL)
    gtk_label_set_text (self->fingerprint_label, self->probed_fingerprint);
  else
    gtk_label_set_text (
        self->fingerprint_label,
        _ ("This server does not encrypt its connections (http://). Use it only on this PC."));
  gtk_revealer_set_reveal_child (self->fingerprint_revealer, TRUE);
  gtk_widget_set_visible (self->probe_button, FALSE);
  gtk_widget_set_visible (self->join_button, TRUE);
  gtk_widget_grab_focus (self->join_button);
}

static void
probe_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HallWelcomePage *self = HALL_WELCOME_PAGE (widget);
  const char      *message = NULL;
  g_autofree char *url = _hall_form_parse_server_url (text_of (self->address_row), &message);

  if (self->working)
    return;
  _hall_form_set_error (GTK_WIDGET (self->address_row), self->address_error, message);
  set_label_error (self->join_error, NULL);
  if (url == NULL)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->address_row));
      return;
    }
  g_free (self->probed_url);
  self->probed_url = g_strdup (url);
  set_working (self, TRUE);
  hall_remote_client_probe_async (url, self->cancellable, probe_cb, g_object_ref (self));
}

static void
join_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HallWelcomePage *self = HALL_WELCOME_PAGE (widget);

  if (self->probed_url == NULL || self->working)
    return;
  gtk_widget_activate_action (widget, "win.join-hall", "(ss)", self->probed_url,
                              self->probed_fingerprint != NULL ? self->probed_fingerprint : "");
  hall_welcome_page_reset (self);
}

/* ---- the halls found on the LAN ------------------------------------------------------------ */

static GtkWidget *
create_found_row (gpointer item,
                  gpointer user_data)
{
  HallDiscoveredHall *hall = item;
  GtkWidget          *row = adw_action_row_new ();
  GtkWidget          *icon = gtk_image_new_from_icon_name ("network-server-symbolic");
  GtkWidget          *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  /* A hall's name is whatever its manager typed: not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), hall_discovered_hall_get_name (hall));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), hall_discovered_hall_get_address (hall));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 24);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "", -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  return row;
}

static void
discovery_available_cb (HallWelcomePage *self)
{
  gboolean available = self->discovery != NULL && hall_discovery_get_available (self->discovery);

  /* Without the daemon the list would only ever say it is looking: a quiet note instead, and
   * the typed address works as before. */
  gtk_widget_set_visible (GTK_WIDGET (self->found_list), available);
  gtk_widget_set_visible (self->found_note, !available);
  if (available)
    gtk_spinner_start (self->found_spinner);
  else
    gtk_spinner_stop (self->found_spinner);
}

static void
start_browsing (HallWelcomePage *self)
{
  if (self->discovery != NULL)
    return;
  self->discovery = hall_discovery_new ();
  g_signal_connect_object (self->discovery, "notify::available",
                           G_CALLBACK (discovery_available_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_bind_model (self->found_list, G_LIST_MODEL (self->discovery), create_found_row,
                           NULL, NULL);
  discovery_available_cb (self);
}

static void
stop_browsing (HallWelcomePage *self)
{
  if (self->discovery == NULL)
    return;
  gtk_list_box_bind_model (self->found_list, NULL, NULL, NULL, NULL);
  g_signal_handlers_disconnect_by_data (self->discovery, self);
  g_clear_object (&self->discovery);
  gtk_spinner_stop (self->found_spinner);
}

static void
found_row_activated_cb (HallWelcomePage *self,
                        GtkListBoxRow   *row)
{
  g_autoptr (HallDiscoveredHall) hall = NULL;

  if (self->discovery == NULL || self->working)
    return;
  hall = g_list_model_get_item (G_LIST_MODEL (self->discovery), gtk_list_box_row_get_index (row));
  if (hall == NULL)
    return;
  /* Typing the address clears the chosen hall: fill it in first. */
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), hall_discovered_hall_get_url (hall));
  g_set_object (&self->chosen_hall, hall);
  gtk_widget_activate_action (GTK_WIDGET (self), "welcome.probe", NULL);
}

/* ---- the demo and this PC's hall ----------------------------------------------------------- */

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HallWelcomePage *self = HALL_WELCOME_PAGE (widget);

  if (self->working)
    return;
  set_working (self, TRUE);
  show_progress (
      self, _ ("Making the Demo Hall…"),
      _ ("Staffing the windows, issuing numbers and registering the morning’s petitions"));
  if (!gtk_widget_activate_action (widget, "win.open-demo", NULL))
    hall_welcome_page_finish (self, NULL);
}

static void
open_local_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  HallWelcomePage *self = HALL_WELCOME_PAGE (widget);

  if (self->working)
    return;
  set_working (self, TRUE);
  show_progress (self, _ ("Opening the Hall…"), NULL);
  if (!gtk_widget_activate_action (widget, "win.open-local", NULL))
    hall_welcome_page_finish (self, NULL);
}

/* ---- moving between the steps --------------------------------------------------------------- */

static void
show_create_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  HallWelcomePage *self = HALL_WELCOME_PAGE (widget);

  gtk_stack_set_visible_child_name (self->stack, "create");
  gtk_widget_grab_focus (GTK_WIDGET (self->hall_name_row));
}

static void
show_join_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HallWelcomePage *self = HALL_WELCOME_PAGE (widget);

  gtk_stack_set_visible_child_name (self->stack, "join");
  start_browsing (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->address_row));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HallWelcomePage *self = HALL_WELCOME_PAGE (widget);

  /* What was typed stays, in case the person comes back to the form. */
  gtk_stack_set_visible_child_name (self->stack, "choose");
  stop_browsing (self);
}

static void
entry_activated_cb (HallWelcomePage *self,
                    AdwEntryRow     *row)
{
  if (row == self->hall_name_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->username_row));
  else if (row == self->username_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->display_name_row));
  else if (row == self->display_name_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  else if (row == self->password_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->confirm_row));
  else if (row == self->confirm_row)
    gtk_widget_activate_action (GTK_WIDGET (self), "welcome.create", NULL);
  else if (row == self->address_row)
    gtk_widget_activate_action (
        GTK_WIDGET (self),
        gtk_widget_get_visible (self->join_button) ? "welcome.join" : "welcome.probe", NULL);
}

static void
hall_welcome_page_dispose (GObject *object)
{
  HallWelcomePage *self = HALL_WELCOME_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  stop_browsing (self);
  g_clear_object (&self->chosen_hall);
  /* AdwBin would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_WELCOME_PAGE);
  G_OBJECT_CLASS (hall_welcome_page_parent_class)->dispose (object);
}

static void
hall_welcome_page_finalize (GObject *object)
{
  HallWelcomePage *self = HALL_WELCOME_PAGE (object);

  g_clear_object (&self->cancellable);
  g_free (self->probed_url);
  g_free (self->probed_fingerprint);
  G_OBJECT_CLASS (hall_welcome_page_parent_class)->finalize (object);
}

static void
hall_welcome_page_class_init (HallWelcomePageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = hall_welcome_page_dispose;
  object_class->finalize = hall_welcome_page_finalize;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/shell/hall-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, stack);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, open_local_row);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, hall_name_row);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, hall_name_error);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, username_row);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, username_error);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, display_name_row);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, password_row);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, password_error);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, confirm_row);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, confirm_error);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, create_error);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, found_list);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, found_spinner);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, found_note);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, address_row);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, address_error);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, fingerprint_revealer);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, fingerprint_label);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, join_error);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, probe_button);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, join_button);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, progress_page);
  gtk_widget_class_bind_template_child (widget_class, HallWelcomePage, progress_spinner);

  gtk_widget_class_bind_template_callback (widget_class, found_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "welcome.show-create", NULL, show_create_action);
  gtk_widget_class_install_action (widget_class, "welcome.show-join", NULL, show_join_action);
  gtk_widget_class_install_action (widget_class, "welcome.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "welcome.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "welcome.probe", NULL, probe_action);
  gtk_widget_class_install_action (widget_class, "welcome.join", NULL, join_action);
  gtk_widget_class_install_action (widget_class, "welcome.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "welcome.open-local", NULL, open_local_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "welcome.back", NULL);
}

static void
hall_welcome_page_init (HallWelcomePage *self)
{
  AdwEntryRow *rows[7];

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();

  rows[0] = self->hall_name_row;
  rows[1] = self->username_row;
  rows[2] = self->display_name_row;
  rows[3] = self->password_row;
  rows[4] = self->confirm_row;
  rows[5] = self->address_row;
  rows[6] = NULL;
  for (guint i = 0; rows[i] != NULL; i++)
    {
      g_signal_connect_object (rows[i], "notify::text", G_CALLBACK (field_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (rows[i], "entry-activated", G_CALLBACK (entry_activated_cb), self,
                               G_CONNECT_SWAPPED);
    }
  set_label_error (self->create_error, NULL);
  set_label_error (self->join_error, NULL);
}

GtkWidget *
hall_welcome_page_new (void)
{
  return g_object_new (HALL_TYPE_WELCOME_PAGE, NULL);
}

const char *
hall_welcome_page_get_step (HallWelcomePage *self)
{
  g_return_val_if_fail (HALL_IS_WELCOME_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

void
hall_welcome_page_set_local_exists (HallWelcomePage *self,
                                    gboolean         exists)
{
  g_return_if_fail (HALL_IS_WELCOME_PAGE (self));
  gtk_widget_set_visible (self->open_local_row, exists);
}

void
hall_welcome_page_reset (HallWelcomePage *self)
{
  AdwEntryRow *rows[] = {
    self->hall_name_row,
    self->username_row,
    self->display_name_row,
    self->password_row,
    self->confirm_row,
    self->address_row,
  };

  g_return_if_fail (HALL_IS_WELCOME_PAGE (self));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_editable_set_text (GTK_EDITABLE (rows[i]), "");
  _hall_form_set_error (GTK_WIDGET (self->hall_name_row), self->hall_name_error, NULL);
  _hall_form_set_error (GTK_WIDGET (self->username_row), self->username_error, NULL);
  _hall_form_set_error (GTK_WIDGET (self->password_row), self->password_error, NULL);
  _hall_form_set_error (GTK_WIDGET (self->confirm_row), self->confirm_error, NULL);
  _hall_form_set_error (GTK_WIDGET (self->address_row), self->address_error, NULL);
  set_label_error (self->create_error, NULL);
  set_label_error (self->join_error, NULL);
  g_clear_pointer (&self->probed_url, g_free);
  g_clear_pointer (&self->probed_fingerprint, g_free);
  g_clear_object (&self->chosen_hall);
  stop_browsing (self);
  gtk_stack_set_visible_child_name (self->stack, "choose");
}

void
hall_welcome_page_finish (HallWelcomePage *self,
                          const GError    *error)
{
  gboolean creating;

  g_return_if_fail (HALL_IS_WELCOME_PAGE (self));
  if (!self->working)
    return;
  creating = self->creating;
  self->creating = FALSE;
  set_working (self, FALSE);
  if (creating && error != NULL)
    show_create_error (self, error);
  else if (creating)
    /* The window moves on to the workspace; the form must not keep the password. */
    hall_welcome_page_reset (self);
  else
    {
      gtk_stack_set_visible_child_name (self->stack, "choose");
      stop_browsing (self);
      if (error != NULL)
        toast (self, error->message);
    }
}
