/* hall-admin-page.c — what the administrator's pages share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-admin"

#include "config.h"

#include "hall-admin-page.h"

typedef struct
{
  guint changes; /* under way, sent through the present client */
} HallAdminPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (HallAdminPage, hall_admin_page, HALL_TYPE_PAGE)

typedef struct
{
  HallPageReplyFunc func;
  gpointer          user_data;
  GDestroyNotify    destroy;
} Change;

static void
change_free (Change *change)
{
  if (change->destroy != NULL)
    change->destroy (change->user_data);
  g_free (change);
}

static void
change_cb (HallPage     *page,
           JsonObject   *reply,
           const GError *error,
           gpointer      user_data)
{
  HallAdminPagePrivate *priv = hall_admin_page_get_instance_private (HALL_ADMIN_PAGE (page));
  Change               *change = user_data;

  if (change->func != NULL)
    change->func (page, reply, error, change->user_data);
  if (priv->changes > 0)
    priv->changes--;
  hall_page_update_actions (page);
}

void
hall_admin_page_change (HallAdminPage    *self,
                        const char       *command,
                        JsonObject       *params,
                        HallPageReplyFunc func,
                        gpointer          user_data,
                        GDestroyNotify    destroy)
{
  HallAdminPagePrivate *priv;
  Change               *change;

  g_return_if_fail (HALL_IS_ADMIN_PAGE (self));
  priv = hall_admin_page_get_instance_private (self);

  change = g_new0 (Change, 1);
  change->func = func;
  change->user_data = user_data;
  change->destroy = destroy;
  priv->changes++;
  hall_page_update_actions (HALL_PAGE (self));
  hall_page_call_full (HALL_PAGE (self), command, params, change_cb, change,
                       (GDestroyNotify) change_free);
}

void
hall_admin_page_refresh_cb (HallPage     *page,
                            JsonObject   *reply,
                            const GError *error,
                            gpointer      user_data)
{
  if (reply == NULL)
    hall_page_toast (page, error->message);
  else
    hall_page_refresh (page);
}

gboolean
hall_admin_page_is_changing (HallAdminPage *self)
{
  HallAdminPagePrivate *priv;

  g_return_val_if_fail (HALL_IS_ADMIN_PAGE (self), FALSE);
  priv = hall_admin_page_get_instance_private (self);
  return priv->changes > 0;
}

gboolean
hall_admin_page_get_busy (HallAdminPage *self)
{
  g_return_val_if_fail (HALL_IS_ADMIN_PAGE (self), FALSE);
  return hall_admin_page_is_changing (self) || hall_page_is_loading (HALL_PAGE (self));
}

static void
hall_admin_page_event (HallPage   *page,
                       const char *kind,
                       JsonObject *event)
{
  const char *const *refresh_on = HALL_ADMIN_PAGE_GET_CLASS (page)->refresh_on;

  if (refresh_on != NULL && g_strv_contains (refresh_on, kind))
    hall_page_refresh (page);
}

/* The changes sent through the last client never call back. */
static void
client_changed_cb (HallAdminPage *self)
{
  HallAdminPagePrivate *priv = hall_admin_page_get_instance_private (self);

  priv->changes = 0;
}

/* Each admin page is a final class with its own template. */
static void
hall_admin_page_dispose (GObject *object)
{
  /* AdwBin would unparent its child again after the template did. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), G_OBJECT_TYPE (object));
  G_OBJECT_CLASS (hall_admin_page_parent_class)->dispose (object);
}

static void
hall_admin_page_class_init (HallAdminPageClass *klass)
{
  GObjectClass  *object_class = G_OBJECT_CLASS (klass);
  HallPageClass *page_class = HALL_PAGE_CLASS (klass);

  object_class->dispose = hall_admin_page_dispose;
  page_class->event = hall_admin_page_event;
}

static void
hall_admin_page_init (HallAdminPage *self)
{
  g_signal_connect (self, "notify::client", G_CALLBACK (client_changed_cb), NULL);
}
