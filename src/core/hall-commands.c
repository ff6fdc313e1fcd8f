/* hall-commands.c — the registry of every command
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-commands"

#include "config.h"

#include "hall-engine.h"
#include "hall-commands-private.h"

static const HallCommand *tables[] = {
  _hall_session_commands,
  _hall_account_commands,
  _hall_setup_commands,
  _hall_calendar_commands,
  _hall_queue_commands,
  _hall_matter_commands,
  _hall_search_commands,
  _hall_repeat_commands,
  _hall_leader_commands,
  _hall_stats_commands,
  _hall_trend_commands,
  _hall_outreach_commands,
  _hall_dispute_commands,
  _hall_ledger_commands,
  _hall_admin_commands,
  _hall_backup_commands,
  _hall_rating_commands,
  _hall_display_commands,
  _hall_followup_commands,

  _hall_supervision_commands,
};

static GHashTable *by_name;
static GPtrArray  *in_order;

static void
ensure_registry (void)
{
  if (g_once_init_enter (&by_name))
    {
      GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

      in_order = g_ptr_array_new ();
      for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
        for (const HallCommand *c = tables[i]; c->name != NULL; c++)
          {
            g_assert (!g_hash_table_contains (table, c->name));
            g_hash_table_insert (table, (gpointer) c->name, (gpointer) c);
            g_ptr_array_add (in_order, (gpointer) c);
          }
      g_ptr_array_add (in_order, NULL);
      g_once_init_leave (&by_name, table);
    }
}

const HallCommand *
hall_engine_lookup_command (const char *name)
{
  if (name == NULL)
    return NULL;
  ensure_registry ();
  return g_hash_table_lookup (by_name, name);
}

const HallCommand *const *
hall_engine_list_commands (guint *n_commands)
{
  ensure_registry ();
  if (n_commands)
    *n_commands = in_order->len - 1;
  return (const HallCommand *const *) in_order->pdata;
}
