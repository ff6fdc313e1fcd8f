/* hall-display-notice.c — where the manager and the admin write the calling display's notice
 *
 * A group of its own, set into the admin's setup page and the manager's windows page: it reads
 * display.notice, saves with display.notice_set, and shows what another PC saved (the
 * display.notice event) unless something is being typed here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-display-notice"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-display-notice.h"
#include "hall-form.h"

struct _HallDisplayNotice
{
  HallPage parent_instance;

  char *saved; /* the notice as the hall has it */

  AdwEntryRow *text_row;
  GtkWidget   *error_label;
};

G_DEFINE_FINAL_TYPE (HallDisplayNotice, hall_display_notice, HALL_TYPE_PAGE)

static void
take_saved (HallDisplayNotice *self,
            const char        *text)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->text_row));

  /* What someone is typing here stays. */
  if (self->saved == NULL ? *typed == '\0' : g_str_equal (typed, self->saved))
    gtk_editable_set_text (GTK_EDITABLE (self->text_row), text);
  g_free (self->saved);
  self->saved = g_strdup (text);
}

static void
loaded_cb (HallPage     *page,
           JsonObject   *reply,
           const GError *error,
           gpointer      user_data)
{
  if (reply != NULL)
    take_saved (HALL_DISPLAY_NOTICE (page),
                json_object_get_string_member_with_default (reply, "text", ""));
}

static void
saved_cb (HallPage     *page,
          JsonObject   *reply,
          const GError *error,
          gpointer      user_data)
{
  HallDisplayNotice *self = HALL_DISPLAY_NOTICE (page);

  if (reply == NULL)
    {
      _hall_form_set_error (GTK_WIDGET (self->text_row), self->error_label, error->message);
      return;
    }
  g_clear_pointer (&self->saved, g_free);
  take_saved (self, json_object_get_string_member_with_default (reply, "text", ""));
  /* Translators: the calling display's notice was stored */
  hall_page_toast (page, _ ("The displays show the notice now."));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  HallDisplayNotice *self = HALL_DISPLAY_NOTICE (widget);
  g_autoptr (JsonObject) params = json_object_new ();

  _hall_form_set_error (GTK_WIDGET (self->text_row), self->error_label, NULL);
  json_object_set_string_member (params, "text",
                                 gtk_editable_get_text (GTK_EDITABLE (self->text_row)));
  hall_page_call (HALL_PAGE (self), "display.notice_set", params, saved_cb, NULL);
}

static void
text_activated_cb (HallDisplayNotice *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "notice.save", NULL);
}

static void
hall_display_notice_refresh (HallPage *page)
{
  hall_page_load (page, "display.notice", NULL, loaded_cb, NULL);
}

static void
hall_display_notice_event (HallPage   *page,
                           const char *kind,
                           JsonObject *event)
{
  if (g_str_equal (kind, "display.notice"))
    take_saved (HALL_DISPLAY_NOTICE (page),
                json_object_get_string_member_with_default (event, "text", ""));
}

static void
hall_display_notice_update_actions (HallPage *page)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (page), "notice.save", hall_page_is_online (page));
}

static void
hall_display_notice_dispose (GObject *object)
{
  /* AdwBin would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), HALL_TYPE_DISPLAY_NOTICE);
  G_OBJECT_CLASS (hall_display_notice_parent_class)->dispose (object);
}

static void
hall_display_notice_finalize (GObject *object)
{
  g_free (HALL_DISPLAY_NOTICE (object)->saved);
  G_OBJECT_CLASS (hall_display_notice_parent_class)->finalize (object);
}

static void
hall_display_notice_class_init (HallDisplayNoticeClass *klass)
{
  GObjectClass   *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  HallPageClass  *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_display_notice_dispose;
  object_class->finalize = hall_display_notice_finalize;
  page_class->refresh = hall_display_notice_refresh;
  page_class->event = hall_display_notice_event;
  page_class->update_actions = hall_display_notice_update_actions;

  gtk_widget_class_set_template_from_resource (
      widget_class, "/io/github/xinfanghall/Hall/ui/display/hall-display-notice.ui");
  gtk_widget_class_bind_template_child (widget_class, HallDisplayNotice, text_row);
  gtk_widget_class_bind_template_child (widget_class, HallDisplayNotice, error_label);
  gtk_widget_class_bind_template_callback (widget_class, text_activated_cb);
  gtk_widget_class_install_action (widget_class, "notice.save", NULL, save_action);
}

static void
hall_display_notice_init (HallDisplayNotice *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  hall_display_notice_update_actions (HALL_PAGE (self));
}

GtkWidget *
hall_display_notice_new (HallClient *client)
{
  return g_object_new (HALL_TYPE_DISPLAY_NOTICE, "client", client, NULL);
}
