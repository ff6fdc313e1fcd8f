/* hall-papers-private.h — what the paper files (hall-papers.c, hall-papers-replies.c) share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "hall-document.h"

G_BEGIN_DECLS

/* @name of @object as text; NULL when it is missing or null. */
const char *_hall_papers_member_string (JsonObject *object,
                                        const char *name);
/* "张三、李四（代表）": everybody the petition names, as the visitor knows them. */
char *_hall_papers_petitioner_names (JsonObject *reply);
/* The hall's name and the day, right-aligned at the foot, where the seal goes. */
void _hall_papers_add_issuer (HallDocument *document,
                              const char   *hall_name,
                              const char   *today);

G_END_DECLS
