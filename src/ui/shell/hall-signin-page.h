/* hall-signin-page.h — username, password, role and this PC's window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "hall-client.h"

G_BEGIN_DECLS

#define HALL_TYPE_SIGNIN_PAGE (hall_signin_page_get_type ())

G_DECLARE_FINAL_TYPE (HallSigninPage, hall_signin_page, HALL, SIGNIN_PAGE, AdwBin)

GtkWidget  *hall_signin_page_new (void);
HallClient *hall_signin_page_get_client (HallSigninPage *self);
void        hall_signin_page_set_client (HallSigninPage *self,
                                         HallClient     *client);
/* Fills the form from the last sign-in on this PC and remembers the next one. May be NULL. */
void hall_signin_page_set_settings (HallSigninPage *self,
                                    GSettings      *settings);
/* Says which hall the page signs in to; @demo lists the demo accounts. */
void     hall_signin_page_set_location (HallSigninPage *self,
                                        const char     *description,
                                        gboolean        demo);
gboolean hall_signin_page_get_busy (HallSigninPage *self);

G_END_DECLS
