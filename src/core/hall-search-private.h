/* hall-search-private.h — what matter.search (hall-search.c) and matter.similar
 * (hall-matter-similar.c) share: the row-level rule of a search and its binding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-command.h"

G_BEGIN_DECLS

#define HALL_SEARCH_SUMMARY_CHARS 80

/* Row-level visibility, as matter.get: staff see their own department's matters (the one
 * responsible now, one cooperating on it, or the one that first received it) and those they
 * first received themselves; managers and leaders see every matter. :restricted = 1 when the
 * rule applies. */
#define HALL_SEARCH_VISIBLE                                                                   \
  "(:restricted = 0 OR m.department_id = :department OR m.first_department_id = :department " \
  "OR m.first_user_id = :user OR m.id IN (SELECT a.matter_id FROM matter_assignment a "       \
  "WHERE a.department_id = :department AND a.role = 'cooperate' AND a.state IN ('open', 'done')))"

#define HALL_SEARCH_COLUMNS                                                                      \
  "m.id, m.number, m.received_date, m.state, m.channel, m.type, m.category_id, "                 \
  "c.name AS category_name, m.department_id, d.name AS department_name, m.first_department_id, " \
  "m.persons, m.collective, m.litigation, m.supervised, substr(m.content, 1, " G_STRINGIFY (     \
      HALL_SEARCH_SUMMARY_CHARS) ") AS summary "

#define HALL_SEARCH_JOINS \
  "LEFT JOIN category c ON c.id = m.category_id JOIN department d ON d.id = m.department_id "

/* A scope of the FTS index a window clerk's search is intersected with (005-search.sql): their
 * department as responsible or first receiver, or themselves as first receiver. */
#define HALL_SEARCH_SCOPE_FORMAT                                                            \
  "scope : (\"d%" G_GINT64_FORMAT "\" OR \"f%" G_GINT64_FORMAT "\" OR \"u%" G_GINT64_FORMAT \
  "\")"

void _hall_search_bind_text (HallStmt   *stmt,
                             const char *name,
                             const char *value);
void _hall_search_bind_int (HallStmt   *stmt,
                            const char *name,
                            gint64      value);
/* Binds :restricted, :department and :user of HALL_SEARCH_VISIBLE for the actor of @ctx. */
void _hall_search_bind_scope (HallStmt *stmt,
                              HallCtx  *ctx);

G_END_DECLS
