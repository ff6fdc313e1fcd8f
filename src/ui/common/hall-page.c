/* hall-page.c — what every part of the app that talks to the hall shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-page"

#include "config.h"

#include "hall-page.h"

typedef struct
{
  HallClient   *client;
  GSignalGroup *client_signals; /* "event" */
  GSignalGroup *client_notify;  /* "notify::connected", "notify::user" */
  GCancellable *cancellable;
  guint         loading; /* calls of a refresh under way */
  gboolean      dirty;   /* a refresh was asked for meanwhile */

  GtkStack *matter_stack;
  HallPage *matter_view; /* a page with an int64 "matter-id" (HallMatterView) */
  char     *return_view; /* the view a matter's details go back to */
} HallPagePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (HallPage, hall_page, ADW_TYPE_BIN)

enum
{
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  HallPage         *self;
  HallPageReplyFunc func;
  gpointer          user_data;
  GDestroyNotify    destroy;
  gboolean          load;
} CallData;

static void
call_data_free (CallData *data)
{
  if (data->destroy != NULL)
    data->destroy (data->user_data);
  g_object_unref (data->self);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CallData, call_data_free)

static void
call_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (CallData) data = user_data;
  HallPagePrivate *priv = hall_page_get_instance_private (data->self);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);

  /* Given up on: the page's client changed (its loads were forgotten then) or it went away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (data->func != NULL)
    data->func (data->self, reply, error, data->user_data);
  if (data->load && priv->loading > 0 && --priv->loading == 0 && priv->dirty)
    hall_page_refresh (data->self);
}

static void
start_call (HallPage         *self,
            const char       *command,
            JsonObject       *params,
            HallPageReplyFunc func,
            gpointer          user_data,
            GDestroyNotify    destroy,
            gboolean          load)
{
  HallPagePrivate *priv = hall_page_get_instance_private (self);
  CallData        *data;

  g_return_if_fail (priv->client != NULL);

  data = g_new0 (CallData, 1);
  data->self = g_object_ref (self);
  data->func = func;
  data->user_data = user_data;
  data->destroy = destroy;
  data->load = load;
  if (load)
    priv->loading++;
  hall_client_call_async (priv->client, command, params, hall_page_get_cancellable (self), call_cb,
                          data);
}

void
hall_page_call_full (HallPage         *self,
                     const char       *command,
                     JsonObject       *params,
                     HallPageReplyFunc func,
                     gpointer          user_data,
                     GDestroyNotify    destroy)
{
  g_return_if_fail (HALL_IS_PAGE (self));
  start_call (self, command, params, func, user_data, destroy, FALSE);
}

void
hall_page_call (HallPage         *self,
                const char       *command,
                JsonObject       *params,
                HallPageReplyFunc func,
                gpointer          user_data)
{
  g_return_if_fail (HALL_IS_PAGE (self));
  start_call (self, command, params, func, user_data, NULL, FALSE);
}

void
hall_page_load (HallPage         *self,
                const char       *command,
                JsonObject       *params,
                HallPageReplyFunc func,
                gpointer          user_data)
{
  g_return_if_fail (HALL_IS_PAGE (self));
  start_call (self, command, params, func, user_data, NULL, TRUE);
}

void
hall_page_load_full (HallPage         *self,
                     const char       *command,
                     JsonObject       *params,
                     HallPageReplyFunc func,
                     gpointer          user_data,
                     GDestroyNotify    destroy)
{
  g_return_if_fail (HALL_IS_PAGE (self));
  start_call (self, command, params, func, user_data, destroy, TRUE);
}

gboolean
hall_page_is_loading (HallPage *self)
{
  HallPagePrivate *priv;

  g_return_val_if_fail (HALL_IS_PAGE (self), FALSE);
  priv = hall_page_get_instance_private (self);
  return priv->loading > 0;
}

void
hall_page_refresh (HallPage *self)
{
  HallPagePrivate *priv;

  g_return_if_fail (HALL_IS_PAGE (self));
  priv = hall_page_get_instance_private (self);
  if (priv->client == NULL || !hall_client_is_signed_in (priv->client))
    return;
  if (priv->loading > 0)
    {
      priv->dirty = TRUE;
      return;
    }
  priv->dirty = FALSE;
  if (HALL_PAGE_GET_CLASS (self)->refresh != NULL)
    HALL_PAGE_GET_CLASS (self)->refresh (self);
}

void
hall_page_update_actions (HallPage *self)
{
  g_return_if_fail (HALL_IS_PAGE (self));
  if (HALL_PAGE_GET_CLASS (self)->update_actions != NULL)
    HALL_PAGE_GET_CLASS (self)->update_actions (self);
}

HallClient *
hall_page_get_client (HallPage *self)
{
  HallPagePrivate *priv;

  g_return_val_if_fail (HALL_IS_PAGE (self), NULL);
  priv = hall_page_get_instance_private (self);
  return priv->client;
}

gboolean
hall_page_is_online (HallPage *self)
{
  HallPagePrivate *priv;

  g_return_val_if_fail (HALL_IS_PAGE (self), FALSE);
  priv = hall_page_get_instance_private (self);
  return priv->client != NULL && hall_client_get_connected (priv->client);
}

GCancellable *
hall_page_get_cancellable (HallPage *self)
{
  HallPagePrivate *priv;

  g_return_val_if_fail (HALL_IS_PAGE (self), NULL);
  priv = hall_page_get_instance_private (self);
  if (priv->cancellable == NULL)
    priv->cancellable = g_cancellable_new ();
  return priv->cancellable;
}

static void
forget_calls (HallPage *self)
{
  HallPagePrivate *priv = hall_page_get_instance_private (self);

  g_cancellable_cancel (priv->cancellable);
  g_clear_object (&priv->cancellable);
  priv->loading = 0;
  priv->dirty = FALSE;
}

void
hall_page_set_client (HallPage   *self,
                      HallClient *client)
{
  HallPagePrivate *priv;

  g_return_if_fail (HALL_IS_PAGE (self));
  g_return_if_fail (client == NULL || HALL_IS_CLIENT (client));
  priv = hall_page_get_instance_private (self);
  if (!g_set_object (&priv->client, client))
    return;
  forget_calls (self);
  g_signal_group_set_target (priv->client_signals, client);
  g_signal_group_set_target (priv->client_notify, client);
  if (priv->matter_view != NULL)
    hall_page_set_client (priv->matter_view, client);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
  hall_page_update_actions (self);
  hall_page_refresh (self);
}

void
hall_page_add_toast (HallPage *self,
                     AdwToast *toast)
{
  GtkWidget *child;
  GtkWidget *overlay;

  g_return_if_fail (HALL_IS_PAGE (self));
  g_return_if_fail (ADW_IS_TOAST (toast));
  child = adw_bin_get_child (ADW_BIN (self));
  overlay = ADW_IS_TOAST_OVERLAY (child)
                ? child
                : gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_debug ("No toast overlay for: %s", adw_toast_get_title (toast));
      g_object_unref (toast);
    }
}

void
hall_page_toast (HallPage   *self,
                 const char *message)
{
  hall_page_add_toast (self, adw_toast_new (message));
}

/* ---- a matter's details ------------------------------------------------------------------- */

void
hall_page_set_matter_stack (HallPage  *self,
                            GtkStack  *stack,
                            GtkWidget *matter_view)
{
  HallPagePrivate *priv;

  g_return_if_fail (HALL_IS_PAGE (self));
  g_return_if_fail (GTK_IS_STACK (stack));
  g_return_if_fail (HALL_IS_PAGE (matter_view));
  g_return_if_fail (g_object_class_find_property (G_OBJECT_GET_CLASS (matter_view), "matter-id")
                    != NULL);
  priv = hall_page_get_instance_private (self);
  priv->matter_stack = stack;
  priv->matter_view = HALL_PAGE (matter_view);
  hall_page_set_client (priv->matter_view, priv->client);
}

void
hall_page_show_matter (HallPage *self,
                       gint64    matter_id)
{
  HallPagePrivate *priv;

  g_return_if_fail (HALL_IS_PAGE (self));
  priv = hall_page_get_instance_private (self);
  g_return_if_fail (priv->matter_stack != NULL);
  if (g_strcmp0 (gtk_stack_get_visible_child_name (priv->matter_stack), "matter") != 0)
    {
      g_free (priv->return_view);
      priv->return_view = g_strdup (gtk_stack_get_visible_child_name (priv->matter_stack));
    }
  g_object_set (priv->matter_view, "matter-id", matter_id, NULL);
  gtk_stack_set_visible_child_name (priv->matter_stack, "matter");
}

void
hall_page_back (HallPage *self)
{
  HallPagePrivate *priv;

  g_return_if_fail (HALL_IS_PAGE (self));
  priv = hall_page_get_instance_private (self);
  g_return_if_fail (priv->matter_stack != NULL);
  /* From a matter's details, back to where they were opened; from anything else, the list. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (priv->matter_stack), "matter") == 0
      && priv->return_view != NULL)
    gtk_stack_set_visible_child_name (priv->matter_stack, priv->return_view);
  else
    gtk_stack_set_visible_child_name (priv->matter_stack, "list");
}

static void
show_matter_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  hall_page_show_matter (HALL_PAGE (widget), g_variant_get_int64 (parameter));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  hall_page_back (HALL_PAGE (widget));
}

void
hall_page_class_install_matter_actions (HallPageClass *klass,
                                        const char    *prefix)
{
  GtkWidgetClass  *widget_class = GTK_WIDGET_CLASS (klass);
  g_autofree char *show = g_strconcat (prefix, ".show-matter", NULL);
  g_autofree char *back = g_strconcat (prefix, ".back", NULL);

  gtk_widget_class_install_action (widget_class, show, "x", show_matter_action);
  gtk_widget_class_install_action (widget_class, back, NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, back, NULL);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  hall_page_refresh (HALL_PAGE (widget));
}

void
hall_page_class_install_refresh_action (HallPageClass *klass,
                                        const char    *action_name)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, action_name, NULL, refresh_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, action_name, NULL);
}

/* ---- the client's signals ----------------------------------------------------------------- */

static void
event_cb (HallPage   *self,
          JsonObject *event)
{
  /* The hall went back to a backup: whatever the page shows may be gone. */
  if (g_strcmp0 (json_object_get_string_member_with_default (event, "kind", ""), "hall.restored")
      == 0)
    hall_page_refresh (self);
  if (HALL_PAGE_GET_CLASS (self)->event != NULL)
    HALL_PAGE_GET_CLASS (self)->event (
        self, json_object_get_string_member_with_default (event, "kind", ""), event);
}

static void
connection_cb (HallPage *self)
{
  hall_page_update_actions (self);
  if (hall_page_is_online (self))
    hall_page_refresh (self);
}

static void
hall_page_dispose (GObject *object)
{
  HallPage        *self = HALL_PAGE (object);
  HallPagePrivate *priv = hall_page_get_instance_private (self);

  forget_calls (self);
  if (priv->client_signals != NULL)
    g_signal_group_set_target (priv->client_signals, NULL);
  if (priv->client_notify != NULL)
    g_signal_group_set_target (priv->client_notify, NULL);
  g_clear_object (&priv->client_signals);
  g_clear_object (&priv->client_notify);
  g_clear_object (&priv->client);
  priv->matter_stack = NULL;
  priv->matter_view = NULL;
  G_OBJECT_CLASS (hall_page_parent_class)->dispose (object);
}

static void
hall_page_finalize (GObject *object)
{
  HallPagePrivate *priv = hall_page_get_instance_private (HALL_PAGE (object));

  g_free (priv->return_view);
  G_OBJECT_CLASS (hall_page_parent_class)->finalize (object);
}

static void
hall_page_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, hall_page_get_client (HALL_PAGE (object)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_page_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_CLIENT:
      hall_page_set_client (HALL_PAGE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
hall_page_class_init (HallPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = hall_page_dispose;
  object_class->finalize = hall_page_finalize;
  object_class->get_property = hall_page_get_property;
  object_class->set_property = hall_page_set_property;

  properties[PROP_CLIENT] =
      g_param_spec_object ("client", NULL, NULL, HALL_TYPE_CLIENT,
                           G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
hall_page_init (HallPage *self)
{
  HallPagePrivate *priv = hall_page_get_instance_private (self);

  priv->client_signals = g_signal_group_new (HALL_TYPE_CLIENT);
  g_signal_group_connect_swapped (priv->client_signals, "event", G_CALLBACK (event_cb), self);
  priv->client_notify = g_signal_group_new (G_TYPE_OBJECT);
  g_signal_group_connect_swapped (priv->client_notify, "notify::connected",
                                  G_CALLBACK (connection_cb), self);
  g_signal_group_connect_swapped (priv->client_notify, "notify::user", G_CALLBACK (connection_cb),
                                  self);
}
