/* hall-ui-test-counter.c — what a test waits for on a window's counter page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include "hall-ui-test-counter.h"

gboolean
hall_ui_test_counter_is (gpointer data)
{
  JsonObject *counter = hall_counter_page_get_counter (data);

  return counter != NULL
         && g_strcmp0 (json_object_get_string_member (counter, "state"),
                       g_object_get_data (data, "want"))
                == 0;
}

gboolean
hall_ui_test_one_waiting (gpointer data)
{
  return g_list_model_get_n_items (hall_counter_page_get_waiting (data)) == 1;
}

gboolean
hall_ui_test_has_current (gpointer data)
{
  return hall_counter_page_get_current (data) != NULL;
}

gboolean
hall_ui_test_no_current (gpointer data)
{
  return hall_counter_page_get_current (data) == NULL;
}

gboolean
hall_ui_test_current_has_matter (gpointer data)
{
  JsonObject *current = hall_counter_page_get_current (data);

  return current != NULL && json_object_has_member (current, "matter_id")
         && !json_object_get_null_member (current, "matter_id");
}
