/* hall-date-marks.c — the hall's holidays and make-up working days (调休) of a month, for the
 * date pickers, asked once per client and month
 *
 * Each client keeps a table "YYYY-MM" → the month's days (calendar.list's "days"), emptied on
 * every calendar.changed event of its feed, so opening a picker again asks nothing and a holiday
 * the admin adds shows the next time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-date-marks"

#include "config.h"

#include "hall-date-marks.h"

#define CACHE_KEY "hall-date-marks"

static void
event_cb (HallClient *client,
          JsonObject *event,
          GHashTable *cache)
{
  if (g_strcmp0 (json_object_get_string_member_with_default (event, "kind", ""),
                 "calendar.changed")
      == 0)
    g_hash_table_remove_all (cache);
}

static GHashTable *
client_cache (HallClient *client)
{
  GHashTable *cache = g_object_get_data (G_OBJECT (client), CACHE_KEY);

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) json_array_unref);
      g_object_set_data_full (G_OBJECT (client), CACHE_KEY, cache,
                              (GDestroyNotify) g_hash_table_unref);
      g_signal_connect (client, "event", G_CALLBACK (event_cb), cache);
    }
  return cache;
}

static void
list_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr (GTask) task = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_client_call_finish (HALL_CLIENT (object), result, &error);
  JsonArray *days;

  if (reply == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  days = json_object_get_array_member (reply, "days");
  g_hash_table_replace (client_cache (HALL_CLIENT (object)), g_strdup (g_task_get_task_data (task)),
                        json_array_ref (days));
  g_task_return_pointer (task, json_array_ref (days), (GDestroyNotify) json_array_unref);
}

void
_hall_date_marks_load_async (HallClient         *client,
                             int                 year,
                             int                 month,
                             GCancellable       *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (client, cancellable, callback, user_data);
  g_autoptr (JsonObject) params = json_object_new ();
  g_autofree char *key = g_strdup_printf ("%04d-%02d", year, month);
  g_autofree char *from = g_strdup_printf ("%s-01", key);
  g_autofree char *to = NULL;
  JsonArray       *days = g_hash_table_lookup (client_cache (client), key);

  g_return_if_fail (month >= 1 && month <= 12);
  g_task_set_source_tag (task, _hall_date_marks_load_async);
  if (days != NULL)
    {
      g_task_return_pointer (task, json_array_ref (days), (GDestroyNotify) json_array_unref);
      return;
    }
  to = g_strdup_printf ("%s-%02d", key, g_date_get_days_in_month (month, year));
  json_object_set_string_member (params, "from", from);
  json_object_set_string_member (params, "to", to);
  g_task_set_task_data (task, g_steal_pointer (&key), g_free);
  hall_client_call_async (client, "calendar.list", params, cancellable, list_cb,
                          g_steal_pointer (&task));
}

JsonArray *
_hall_date_marks_load_finish (HallClient   *client,
                              GAsyncResult *result,
                              GError      **error)
{
  g_return_val_if_fail (g_task_is_valid (result, client), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
