/* hall-page.h — what every part of the app that talks to the hall shares
 *
 * A HallPage holds the HallClient, follows its change feed and its connection, loads what it
 * shows again when it (re)connects or someone signs in, coalesces refreshes that come while a
 * load is under way, drops the replies of calls made for an earlier client, and shows toasts.
 * Pages with a matter's details one click away get the drill-down and "back" from here too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-client.h"

G_BEGIN_DECLS

#define HALL_TYPE_PAGE (hall_page_get_type ())

G_DECLARE_DERIVABLE_TYPE (HallPage, hall_page, HALL, PAGE, AdwBin)

struct _HallPageClass
{
  AdwBinClass parent_class;

  /* Loads what the page shows, with hall_page_load(). Called when the client is set, when
   * someone signs in, when the connection comes back and from hall_page_refresh(). */
  void (*refresh) (HallPage *self);
  /* A change-feed event; @kind is its "kind". */
  void (*event) (HallPage   *self,
                 const char *kind,
                 JsonObject *event);
  /* Enables the page's actions for the connection state (hall_page_is_online()). */
  void (*update_actions) (HallPage *self);

  gpointer padding[4];
};

/* @reply is NULL when the call failed; @error then says why (never "cancelled": a call the
 * page gave up on, because its client changed or it went away, does not call back). */
typedef void (*HallPageReplyFunc) (HallPage     *self,
                                   JsonObject   *reply,
                                   const GError *error,
                                   gpointer      user_data);

HallClient *hall_page_get_client (HallPage *self);
void        hall_page_set_client (HallPage   *self,
                                  HallClient *client);
/* The client is connected (and so actions that need the hall may run). */
gboolean hall_page_is_online (HallPage *self);
/* Cancelled when the client changes or the page goes away. */
GCancellable *hall_page_get_cancellable (HallPage *self);

/* Calls @command; @func runs with the page alive, unless the call was given up on. */
void hall_page_call (HallPage         *self,
                     const char       *command,
                     JsonObject       *params,
                     HallPageReplyFunc func,
                     gpointer          user_data);
void hall_page_call_full (HallPage         *self,
                          const char       *command,
                          JsonObject       *params,
                          HallPageReplyFunc func,
                          gpointer          user_data,
                          GDestroyNotify    destroy);
/* The same, for the calls of a refresh: a refresh asked for while one runs comes after it. */
void hall_page_load (HallPage         *self,
                     const char       *command,
                     JsonObject       *params,
                     HallPageReplyFunc func,
                     gpointer          user_data);
void hall_page_load_full (HallPage         *self,
                          const char       *command,
                          JsonObject       *params,
                          HallPageReplyFunc func,
                          gpointer          user_data,
                          GDestroyNotify    destroy);
/* TRUE while the calls of a refresh (hall_page_load()) are under way. */
gboolean hall_page_is_loading (HallPage *self);
/* Loads the page again (when signed in), now or after the load under way. */
void hall_page_refresh (HallPage *self);
/* Adds @action_name (say "charges.refresh", also on F5): hall_page_refresh(). */
void hall_page_class_install_refresh_action (HallPageClass *klass,
                                             const char    *action_name);
/* Runs the class's update_actions. */
void hall_page_update_actions (HallPage *self);

/* A toast on the page's own AdwToastOverlay (its child), or on the nearest one around it. */
void hall_page_toast (HallPage   *self,
                      const char *message);
/* The same with a toast of one's own (a button, a timeout); takes it. */
void hall_page_add_toast (HallPage *self,
                          AdwToast *toast);

/* A matter's details: @stack shows @matter_view (a HallPage with an int64 "matter-id" property,
 * such as HallMatterView; it gets the page's client) as its "matter" child, and "list" is where
 * "back" goes from anything else. hall_page_class_install_matter_actions() adds
 * "@prefix.show-matter" (int64 matter id) and "@prefix.back" (also on Escape). */
void hall_page_set_matter_stack (HallPage  *self,
                                 GtkStack  *stack,
                                 GtkWidget *matter_view);
void hall_page_show_matter (HallPage *self,
                            gint64    matter_id);
void hall_page_back (HallPage *self);
void hall_page_class_install_matter_actions (HallPageClass *klass,
                                             const char    *prefix);

G_END_DECLS
