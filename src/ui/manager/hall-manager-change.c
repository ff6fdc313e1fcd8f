/* hall-manager-change.c — a change the hall manager's pages send, and what they show of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-manager-change"

#include "config.h"

#include "hall-form.h"
#include "hall-manager-change.h"

typedef struct
{
  GtkLabel *error_label;
  guint    *pending;
} Change;

static void
change_cb (HallPage     *page,
           JsonObject   *reply,
           const GError *error,
           gpointer      user_data)
{
  Change *change = user_data;

  (*change->pending)--;
  _hall_form_set_error (GTK_WIDGET (change->error_label), GTK_WIDGET (change->error_label),
                        reply == NULL ? error->message : NULL);
  hall_page_refresh (page);
}

void
_hall_manager_change_send (HallPage   *page,
                           const char *command,
                           JsonObject *params,
                           GtkLabel   *error_label,
                           guint      *pending)
{
  Change *change;

  if (hall_page_get_client (page) == NULL)
    return;
  change = g_new (Change, 1);
  change->error_label = error_label;
  change->pending = pending;
  (*pending)++;
  hall_page_call_full (page, command, params, change_cb, change, g_free);
}
