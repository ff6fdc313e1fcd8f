/* hall-ui-test-counter.h — what a test waits for on a window's counter page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-counter-page.h"

G_BEGIN_DECLS

/* Conditions for hall_ui_test_wait() on a HallCounterPage (@data). */

/* The counter is in the state named by the page's "want" data. */
gboolean hall_ui_test_counter_is (gpointer data);
/* Exactly one visitor waits. */
gboolean hall_ui_test_one_waiting (gpointer data);
/* A visitor is at the window. */
gboolean hall_ui_test_has_current (gpointer data);
/* Nobody is at the window. */
gboolean hall_ui_test_no_current (gpointer data);
/* The visitor at the window has a matter registered. */
gboolean hall_ui_test_current_has_matter (gpointer data);

G_END_DECLS
