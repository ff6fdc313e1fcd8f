/* hall-kiosk-page.c — the ticket kiosk (取号机): take a number, print the ticket, check a matter
 *
 * A visitor touches a problem category (its department under it), sets how many came, may type
 * an ID number on the keypad and ask for the green channel; ticket.issue answers with the number,
 * shown large and printed on the roll. The kiosk account's replies carry nothing personal, and
 * the screens show nothing a visitor typed once they are done: after printing the kiosk goes back
 * to the start by itself, and any screen left half filled does after the idle timeout.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-kiosk-page"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-idcard.h"
#include "hall-info.h"
#include "hall-kiosk-page-private.h"
#include "hall-papers.h"
#include "hall-print.h"

#define APP_SCHEMA "io.github.xinfanghall.Hall"
#define PERSONS_MAX 99
#define HOME_AFTER_PRINT_SECONDS 8

G_DEFINE_FINAL_TYPE (HallKioskPage, hall_kiosk_page, HALL_TYPE_PAGE)

enum
{
  PROP_0,
  PROP_IDLE_SECONDS,
  PROP_PAPER_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  TICKET_PRINTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *const id_keys[] = { "1", "2", "3", "4", "5", "6",
                                       "7", "8", "9", "X", "0", "⌫", NULL };

/* ---- helpers ---------------------------------------------------------------------------------- */

static JsonObject *
find_by_id (JsonArray *items,
            gint64     id)
{
  for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (json_object_get_int_member_with_default (item, "id", 0) == id)
        return item;
    }
  return NULL;
}

/* "1、2号窗口": the windows that serve @department_id. */
static char *
windows_text (JsonObject *info,
              gint64      department_id)
{
  JsonArray *counters = _hall_info_array (info, "counters");
  g_autoptr (GString) numbers = g_string_new (NULL);

  for (guint i = 0; counters != NULL && i < json_array_get_length (counters); i++)
    {
      JsonObject *counter = json_array_get_object_element (counters, i);
      JsonArray  *served = json_object_get_array_member (counter, "department_ids");

      for (guint j = 0; served != NULL && j < json_array_get_length (served); j++)
        if (json_array_get_int_element (served, j) == department_id)
          {
            if (numbers->len > 0)
              /* Translators: between two names in a list of people */
              g_string_append (numbers, _ (", "));
            g_string_append_printf (numbers, "%d",
                                    (int) json_object_get_int_member (counter, "number"));
            break;
          }
    }
  if (numbers->len == 0)
    return NULL;
  /* Translators: the windows a ticket goes to, "1、2号窗口" */
  return g_strdup_printf (_ ("Windows %s"), numbers->str);
}

void
_hall_kiosk_page_field_error (GtkLabel   *label,
                              const char *message)
{
  gtk_label_set_text (label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

GtkWidget *
_hall_kiosk_page_keypad_new (const char *const *keys,
                             guint              columns)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_homogeneous (GTK_GRID (grid), TRUE);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  gtk_widget_set_halign (grid, GTK_ALIGN_CENTER);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      GtkWidget       *button = gtk_button_new_with_label (keys[i]);
      g_autofree char *name = g_strdup_printf ("key-%s", keys[i]);

      gtk_widget_set_name (button, name);
      gtk_widget_add_css_class (button, "kiosk-key");
      gtk_widget_set_focusable (button, FALSE);
      if (g_str_equal (keys[i], "⌫"))
        {
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "kiosk.backspace");
          /* Translators: the kiosk keypad's backspace key (accessible name) */
          gtk_widget_set_tooltip_text (button, _ ("Delete the last character"));
        }
      else
        gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", keys[i]);
      if (!g_str_equal (keys[i], "⌫"))
        gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "kiosk.key");
      gtk_grid_attach (GTK_GRID (grid), button, i % columns, i / columns, 1, 1);
    }
  return grid;
}

/* Forgets everything a visitor typed or chose, on every screen. */
static void
clear_visit (HallKioskPage *self)
{
  self->category_id = 0;
  self->department_id = 0;
  self->persons = 1;
  gtk_label_set_text (self->persons_label, "1");
  gtk_editable_set_text (GTK_EDITABLE (self->id_entry), "");
  _hall_kiosk_page_field_error (self->id_error, NULL);
  gtk_toggle_button_set_active (self->green_button, FALSE);
  gtk_label_set_text (self->code_label, "");
  gtk_label_set_text (self->where_label, "");
  gtk_label_set_text (self->ahead_label, "");
  gtk_label_set_text (self->print_label, "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->print_label), "error");
  _hall_kiosk_query_clear (self);
}

static void
go_home (HallKioskPage *self)
{
  g_clear_handle_id (&self->home_id, g_source_remove);
  clear_visit (self);
  gtk_stack_set_visible_child_name (self->stack, "start");
}

static gboolean
home_cb (gpointer data)
{
  HallKioskPage *self = data;

  self->home_id = 0;
  go_home (self);
  return G_SOURCE_REMOVE;
}

/* Back to the start after @seconds, unless something comes before. */
static void
schedule_home (HallKioskPage *self,
               guint          seconds)
{
  g_clear_handle_id (&self->home_id, g_source_remove);
  self->home_id = g_timeout_add_seconds (MAX (seconds, 1), home_cb, self);
}

static void
restart_idle (HallKioskPage *self)
{
  g_clear_handle_id (&self->home_id, g_source_remove);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "start") != 0)
    schedule_home (self, self->idle_seconds);
}

void
_hall_kiosk_page_show (HallKioskPage *self,
                       const char    *screen)
{
  gtk_stack_set_visible_child_name (self->stack, screen);
  restart_idle (self);
}

static void
rebuild_choices (HallKioskPage *self)
{
  JsonArray *categories = _hall_info_array (self->info, "categories");
  JsonArray *departments = _hall_info_array (self->info, "departments");
  GtkWidget *child;
  guint      added = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->choices_box))) != NULL)
    gtk_flow_box_remove (self->choices_box, child);

  gtk_label_set_text (self->hall_label, self->info != NULL ? json_object_get_string_member_with_default (self->info, "hall_name", "") : "");
  /* The problem categories, each with the department it sends the visitor to; a hall without
   * categories offers its departments. */
  for (int pass = 0; pass < 2 && added == 0; pass++)
    {
      JsonArray *items = pass == 0 ? categories : departments;

      for (guint i = 0; items != NULL && i < json_array_get_length (items); i++)
        {
          JsonObject *item = json_array_get_object_element (items, i);
          gint64      id = json_object_get_int_member_with_default (item, "id", 0);
          gint64      department_id =
              pass == 0 ? json_object_get_int_member_with_default (item, "department_id", 0) : id;
          JsonObject      *department = find_by_id (departments, department_id);
          GtkWidget       *button, *box, *title, *subtitle;
          g_autofree char *name = NULL;

          if (!json_object_get_boolean_member_with_default (item, "active", TRUE)
              || department == NULL
              || !json_object_get_boolean_member_with_default (department, "active", TRUE))
            continue;
          box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
          gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
          title = gtk_label_new (json_object_get_string_member_with_default (item, "name", ""));
          gtk_label_set_wrap (GTK_LABEL (title), TRUE);
          gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
          gtk_widget_add_css_class (title, "kiosk-choice-title");
          gtk_box_append (GTK_BOX (box), title);
          if (pass == 0)
            {
              subtitle = gtk_label_new (
                  json_object_get_string_member_with_default (department, "name", ""));
              gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
              gtk_widget_add_css_class (subtitle, "dim-label");
              gtk_widget_add_css_class (subtitle, "kiosk-choice-department");
              gtk_box_append (GTK_BOX (box), subtitle);
            }
          button = gtk_button_new ();
          name = g_strdup_printf ("choice-%s",
                                  json_object_get_string_member_with_default (item, "name", ""));
          gtk_widget_set_name (button, name);
          gtk_button_set_child (GTK_BUTTON (button), box);
          gtk_widget_add_css_class (button, "kiosk-choice");
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "kiosk.choose");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(xx)",
                                            pass == 0 ? id : (gint64) 0, department_id);
          gtk_flow_box_append (self->choices_box, button);
          added++;
        }
    }
}

static void
info_loaded_cb (HallPage     *page,
                const GError *error)
{
  HallKioskPage *self = HALL_KIOSK_PAGE (page);

  if (error != NULL)
    return;
  rebuild_choices (self);
  hall_page_update_actions (page);
}

/* ---- printing ----------------------------------------------------------------------------------
 */

static void
printed_cb (GtkWidget    *widget,
            const GError *error)
{
  HallKioskPage *self = HALL_KIOSK_PAGE (widget);

  if (error != NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: the kiosk could not print the ticket; %s is the number, the second %s why */
      message = g_strdup_printf (_ ("The ticket could not be printed (%2$s). Your number is "
                                    "%1$s: please remember it, or ask the hall staff."),
                                 gtk_label_get_text (self->code_label), error->message);
      gtk_label_set_text (self->print_label, message);
      gtk_widget_add_css_class (GTK_WIDGET (self->print_label), "error");
      /* The number stays on screen until the visitor is done, or the idle timeout. */
      restart_idle (self);
      g_signal_emit (self, signals[TICKET_PRINTED], 0, FALSE);
      return;
    }
  /* Translators: the kiosk printed the ticket */
  gtk_label_set_text (self->print_label, _ ("Please take your ticket below."));
  schedule_home (self, HOME_AFTER_PRINT_SECONDS);
  g_signal_emit (self, signals[TICKET_PRINTED], 0, TRUE);
}

static void
print_ticket (HallKioskPage *self,
              JsonObject    *reply)
{
  JsonObject      *ticket = json_object_get_object_member (reply, "ticket");
  g_autofree char *windows =
      windows_text (self->info, json_object_get_int_member_with_default (ticket, "department_id", 0));
  g_autoptr (HallDocument) paper = hall_paper_ticket (
      reply, json_object_get_string_member_with_default (self->info, "hall_name", ""), windows);

  /* Translators: the kiosk is printing the ticket */
  gtk_label_set_text (self->print_label, _ ("Printing your ticket…"));
  hall_print_roll (GTK_WIDGET (self), paper, self->paper_width, self->export_filename, printed_cb);
}

/* ---- taking a number -------------------------------------------------------------------------- */

static void
issue_cb (HallPage     *page,
          JsonObject   *reply,
          const GError *error,
          gpointer      user_data)
{
  HallKioskPage   *self = HALL_KIOSK_PAGE (page);
  JsonObject      *ticket;
  g_autofree char *where = NULL;
  g_autofree char *windows = NULL;
  g_autofree char *ahead = NULL;
  gint64           people_ahead;

  self->busy = FALSE;
  hall_page_update_actions (page);
  if (reply == NULL)
    {
      /* The visit stays as chosen, to try again. */
      hall_page_toast (page, error->message);
      return;
    }

  g_clear_pointer (&self->last_ticket, json_object_unref);
  self->last_ticket = json_object_ref (reply);
  ticket = json_object_get_object_member (reply, "ticket");
  windows = windows_text (self->info, json_object_get_int_member (ticket, "department_id"));
  where = windows != NULL ? g_strdup_printf ("%s · %s",
                                             json_object_get_string_member (ticket, "department_name"),
                                             windows)
                          : g_strdup (json_object_get_string_member (ticket, "department_name"));
  people_ahead = json_object_get_int_member_with_default (reply, "people_ahead", 0);
  ahead = g_strdup_printf (
      /* Translators: the kiosk, under the number just issued */
      ngettext ("%d person ahead of you", "%d people ahead of you", (gulong) people_ahead),
      (int) people_ahead);

  /* What the visitor typed is done with: nobody after them sees it. */
  clear_visit (self);
  gtk_label_set_text (self->code_label, json_object_get_string_member (ticket, "code"));
  gtk_label_set_text (self->where_label, where);
  gtk_label_set_text (self->ahead_label, ahead);
  _hall_kiosk_page_show (self, "ticket");
  print_ticket (self, reply);
}

static void
take_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HallKioskPage *self = HALL_KIOSK_PAGE (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *id_number = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->id_entry)));
  g_autoptr (JsonObject) params = NULL;

  g_strstrip (id_number);
  if (*id_number != '\0' && !hall_id_number_validate (id_number, &error))
    {
      /* The rest of the visit stays as chosen; the number stays to be corrected. */
      _hall_kiosk_page_field_error (self->id_error, error->message);
      return;
    }
  _hall_kiosk_page_field_error (self->id_error, NULL);

  params = json_object_new ();
  if (self->category_id != 0)
    json_object_set_int_member (params, "category_id", self->category_id);
  json_object_set_int_member (params, "department_id", self->department_id);
  json_object_set_int_member (params, "persons", self->persons);
  json_object_set_boolean_member (params, "green_channel",
                                  gtk_toggle_button_get_active (self->green_button));
  if (*id_number != '\0')
    {
      g_autofree char *normal = hall_id_number_normalize (id_number);
      /* Translators: a ticket's note written by the kiosk */
      g_autofree char *note = g_strdup_printf (_ ("ID number given at the kiosk: %s"), normal);

      /* A touch screen has no way to type a name, so the number goes to the window that serves
       * the ticket, in the ticket's note (which the kiosk never gets back). */
      json_object_set_string_member (params, "note", note);
    }
  self->busy = TRUE;
  hall_page_update_actions (HALL_PAGE (self));
  hall_page_call (HALL_PAGE (self), "ticket.issue", params, issue_cb, NULL);
}

static void
choose_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  HallKioskPage   *self = HALL_KIOSK_PAGE (widget);
  JsonObject      *category, *department;
  g_autofree char *text = NULL;

  clear_visit (self);
  g_variant_get (parameter, "(xx)", &self->category_id, &self->department_id);
  category = find_by_id (_hall_info_array (self->info, "categories"), self->category_id);
  department = find_by_id (_hall_info_array (self->info, "departments"), self->department_id);
  if (department == NULL)
    return;
  if (category != NULL)
    text = g_strdup_printf ("%s · %s", json_object_get_string_member (category, "name"),
                            json_object_get_string_member (department, "name"));
  else
    text = g_strdup (json_object_get_string_member (department, "name"));
  gtk_label_set_text (self->choice_label, text);
  self->target = GTK_EDITABLE (self->id_entry);
  _hall_kiosk_page_show (self, "details");
}

static void
persons_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  HallKioskPage   *self = HALL_KIOSK_PAGE (widget);
  g_autofree char *text = NULL;

  if (g_str_equal (action_name, "kiosk.persons-more"))
    self->persons = MIN (self->persons + 1, PERSONS_MAX);
  else
    self->persons = MAX (self->persons - 1, 1);
  text = g_strdup_printf ("%d", (int) self->persons);
  gtk_label_set_text (self->persons_label, text);
  hall_page_update_actions (HALL_PAGE (self));
}

static void
key_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  HallKioskPage *self = HALL_KIOSK_PAGE (widget);
  int            position;

  if (self->target == NULL)
    return;
  position = g_utf8_strlen (gtk_editable_get_text (self->target), -1);
  gtk_editable_insert_text (self->target, g_variant_get_string (parameter, NULL), -1, &position);
  gtk_editable_set_position (self->target, position);
}

static void
backspace_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  HallKioskPage *self = HALL_KIOSK_PAGE (widget);
  int            length;

  if (self->target == NULL)
    return;
  length = g_utf8_strlen (gtk_editable_get_text (self->target), -1);
  if (length > 0)
    gtk_editable_delete_text (self->target, length - 1, length);
}

static void
home_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  go_home (HALL_KIOSK_PAGE (widget));
}

/* Any touch, click or key on the kiosk is someone still using it. */
static gboolean
legacy_event_cb (GtkEventControllerLegacy *controller,
                 GdkEvent                 *event,
                 HallKioskPage            *self)
{
  switch (gdk_event_get_event_type (event))
    {
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_KEY_PRESS:
      if (self->home_id != 0)
        restart_idle (self);
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

/* ---- HallPage hooks --------------------------------------------------------------------------- */

static void
hall_kiosk_page_refresh (HallPage *page)
{
  HallKioskPage *self = HALL_KIOSK_PAGE (page);

  _hall_info_load (page, &self->info, info_loaded_cb);
}

static void
hall_kiosk_page_event (HallPage   *page,
                       const char *kind,
                       JsonObject *event)
{
  HallKioskPage *self = HALL_KIOSK_PAGE (page);

  if (_hall_info_forget_on (&self->info, kind))
    hall_page_refresh (page);
}

static void
hall_kiosk_page_update_actions (HallPage *page)
{
  HallKioskPage *self = HALL_KIOSK_PAGE (page);
  GtkWidget     *widget = GTK_WIDGET (page);
  gboolean       online = hall_page_is_online (page) && self->info != NULL;

  gtk_widget_action_set_enabled (widget, "kiosk.choose", online);
  gtk_widget_action_set_enabled (widget, "kiosk.take", online && !self->busy);
  gtk_widget_action_set_enabled (widget, "kiosk.persons-less", self->persons > 1);
  gtk_widget_action_set_enabled (widget, "kiosk.persons-more", self->persons < PERSONS_MAX);
  _hall_kiosk_query_update_actions (self);
}

/* ---- GObject ---------------------------------------------------------------------------------- */

static void
hall_kiosk_page_dispose (GObject *object)
{
  HallKioskPage *self = HALL_KIOSK_PAGE (object);

  g_clear_handle_id (&self->home_id, g_source_remove);
  g_clear_object (&self->settings);
  gtk_widget_dispose_template (GTK_WIDGET (self), HALL_TYPE_KIOSK_PAGE);
  G_OBJECT_CLASS (hall_kiosk_page_parent_class)->dispose (object);
}

static void
hall_kiosk_page_finalize (GObject *object)
{
  HallKioskPage *self = HALL_KIOSK_PAGE (object);

  g_clear_pointer (&self->info, json_object_unref);
  g_clear_pointer (&self->last_ticket, json_object_unref);
  g_free (self->export_filename);
  G_OBJECT_CLASS (hall_kiosk_page_parent_class)->finalize (object);
}

static void
hall_kiosk_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  HallKioskPage *self = HALL_KIOSK_PAGE (object);

  switch (prop_id)
    {
    case PROP_IDLE_SECONDS:
      g_value_set_int (value, (int) self->idle_seconds);
      break;
    case PROP_PAPER_WIDTH:
      g_value_set_int (value, self->paper_width);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_kiosk_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  HallKioskPage *self = HALL_KIOSK_PAGE (object);

  switch (prop_id)
    {
    case PROP_IDLE_SECONDS:
      if (self->idle_seconds != (guint) g_value_get_int (value))
        {
          self->idle_seconds = (guint) g_value_get_int (value);
          if (self->home_id != 0)
            restart_idle (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_PAPER_WIDTH:
      if (self->paper_width != g_value_get_int (value))
        {
          self->paper_width = g_value_get_int (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_kiosk_page_class_init (HallKioskPageClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_kiosk_page_dispose;
  object_class->finalize = hall_kiosk_page_finalize;
  object_class->get_property = hall_kiosk_page_get_property;
  object_class->set_property = hall_kiosk_page_set_property;
  page_class->refresh = hall_kiosk_page_refresh;
  page_class->event = hall_kiosk_page_event;
  page_class->update_actions = hall_kiosk_page_update_actions;

  /* Seconds without a touch before a half-filled screen goes back to the start. */
  properties[PROP_IDLE_SECONDS] =
      g_param_spec_int ("idle-seconds", NULL, NULL, 1, 3600, 60,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /* The ticket roll's width in millimetres: 58 or 80. */
  properties[PROP_PAPER_WIDTH] =
      g_param_spec_int ("paper-width", NULL, NULL, 40, 120, 80,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /* The ticket went to the printer (or its PDF), or could not (@ok FALSE): for the device's log
   * and the benchmark. */
  signals[TICKET_PRINTED] = g_signal_new ("ticket-printed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                          G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/kiosk/hall-kiosk-page.ui");
  gtk_widget_class_bind_template_child (widget_class, HallKioskPage, stack);
  gtk_widget_class_bind_template_child (widget_class, HallKioskPage, hall_label);
  gtk_widget_class_bind_template_child (widget_class, HallKioskPage, choices_box);
  gtk_widget_class_bind_template_child (widget_class, HallKioskPage, choice_label);
  gtk_widget_class_bind_template_child (widget_class, HallKioskPage, persons_label);
  gtk_widget_class_bind_template_child (widget_class, HallKioskPage, id_entry);
  gtk_widget_class_bind_template_child (widget_class, HallKioskPage, id_error);
  gtk_widget_class_bind_template_child (widget_class, HallKioskPage, id_keypad_slot);
  gtk_widget_class_bind_template_child (widget_class, HallKioskPage, green_button);
  gtk_widget_class_bind_template_child (widget_class, HallKioskPage, code_label);
  gtk_widget_class_bind_template_child (widget_class, HallKioskPage, where_label);
  gtk_widget_class_bind_template_child (widget_class, HallKioskPage, ahead_label);
  gtk_widget_class_bind_template_child (widget_class, HallKioskPage, print_label);

  gtk_widget_class_install_action (widget_class, "kiosk.choose", "(xx)", choose_action);
  gtk_widget_class_install_action (widget_class, "kiosk.persons-less", NULL, persons_action);
  gtk_widget_class_install_action (widget_class, "kiosk.persons-more", NULL, persons_action);
  gtk_widget_class_install_action (widget_class, "kiosk.key", "s", key_action);
  gtk_widget_class_install_action (widget_class, "kiosk.backspace", NULL, backspace_action);
  gtk_widget_class_install_action (widget_class, "kiosk.take", NULL, take_action);
  gtk_widget_class_install_action (widget_class, "kiosk.home", NULL, home_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "kiosk.home", NULL);
  _hall_kiosk_query_class_init (widget_class);
}

static void
hall_kiosk_page_init (HallKioskPage *self)
{
  GtkEventController *legacy;

  self->persons = 1;
  self->idle_seconds = 60;
  self->paper_width = 80;
  gtk_widget_init_template (GTK_WIDGET (self));
  adw_bin_set_child (self->id_keypad_slot, _hall_kiosk_page_keypad_new (id_keys, 3));
  _hall_kiosk_query_init (self);

  legacy = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (legacy, GTK_PHASE_CAPTURE);
  g_signal_connect (legacy, "event", G_CALLBACK (legacy_event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), legacy);
  clear_visit (self);
}

/* ---- public API ------------------------------------------------------------------------------- */

GtkWidget *
hall_kiosk_page_new (HallClient *client)
{
  HallKioskPage *self = g_object_new (HALL_TYPE_KIOSK_PAGE, "client", client, NULL);

  self->settings = g_settings_new (APP_SCHEMA);
  g_settings_bind (self->settings, "kiosk-idle-seconds", self, "idle-seconds",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "kiosk-paper-width", self, "paper-width", G_SETTINGS_BIND_GET);
  return GTK_WIDGET (self);
}

const char *
hall_kiosk_page_get_screen (HallKioskPage *self)
{
  g_return_val_if_fail (HALL_IS_KIOSK_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

void
hall_kiosk_page_set_export_filename (HallKioskPage *self,
                                     const char    *path)
{
  g_return_if_fail (HALL_IS_KIOSK_PAGE (self));
  g_free (self->export_filename);
  self->export_filename = g_strdup (path);
}

JsonObject *
hall_kiosk_page_get_last_ticket (HallKioskPage *self)
{
  g_return_val_if_fail (HALL_IS_KIOSK_PAGE (self), NULL);
  return self->last_ticket;
}
