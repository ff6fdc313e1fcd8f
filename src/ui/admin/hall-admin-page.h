/* hall-admin-page.h — what the administrator's pages share: they load again after the change-feed
 * events they name, and they are busy while a change the admin asked for or a load is under way
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-page.h"

G_BEGIN_DECLS

#define HALL_TYPE_ADMIN_PAGE (hall_admin_page_get_type ())

/* Derived by final classes with a template, which it disposes of. */
G_DECLARE_DERIVABLE_TYPE (HallAdminPage, hall_admin_page, HALL, ADMIN_PAGE, HallPage)

struct _HallAdminPageClass
{
  HallPageClass parent_class;

  /* The change-feed kinds (NULL-terminated) after which the page loads again. */
  const char *const *refresh_on;

  gpointer padding[4];
};

/* Sends a change: the page is changing, and its actions are updated, until @func has run. */
void hall_admin_page_change (HallAdminPage    *self,
                             const char       *command,
                             JsonObject       *params,
                             HallPageReplyFunc func,
                             gpointer          user_data,
                             GDestroyNotify    destroy);
/* For hall_admin_page_change(): the page loads again to show a change that was made; a toast
 * says what went wrong. */
void hall_admin_page_refresh_cb (HallPage     *page,
                                 JsonObject   *reply,
                                 const GError *error,
                                 gpointer      user_data);
/* TRUE while a change is under way. */
gboolean hall_admin_page_is_changing (HallAdminPage *self);
/* TRUE while a change or a load is under way. */
gboolean hall_admin_page_get_busy (HallAdminPage *self);

G_END_DECLS
