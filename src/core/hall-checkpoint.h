/* hall-checkpoint.h — copying the WAL back into the database off the commit path
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-db.h"

G_BEGIN_DECLS

typedef struct _HallCheckpointer HallCheckpointer;

/* Takes over @writer's checkpoints (its automatic one stops): a thread of its own checkpoints
 * over its own connection once the WAL holds a thousand pages. Call before @writer is in use;
 * free it only after @writer is closed. */
HallCheckpointer *hall_checkpointer_new (HallDb  *writer,
                                         GError **error);
void              hall_checkpointer_free (HallCheckpointer *self);
/* Checkpoints done so far (for tests). */
guint hall_checkpointer_get_count (HallCheckpointer *self);
/* Pages in the WAL after the writer's last commit (on the writer's thread). */
guint hall_checkpointer_get_wal_pages (HallCheckpointer *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HallCheckpointer, hall_checkpointer_free)

G_END_DECLS
