/* hall-bench-load.h — a hall database with many synthetic matters, cached between runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What a cached database depends on: the text of every migration, the generator's version and
 * the number of matters. */
char *bench_load_cache_key (guint64 n_matters);

/* Bulk-inserts matters 0 … @n_matters - 1 of hall-synth into @path, whose schema the engine
 * has already created, in one transaction; the triggers of 005-search.sql keep the search
 * index current. */
gboolean bench_load_matters (const char *path,
                             guint64     n_matters,
                             GError    **error);

/* The index of the generated matter whose petitioner is the @n-th distinct sample: the loader
 * gives some matters to an earlier petitioner (repeat visitors), and this names ones that are
 * not. */
guint64 bench_load_sample (guint64 n_matters,
                           guint   n);

G_END_DECLS
