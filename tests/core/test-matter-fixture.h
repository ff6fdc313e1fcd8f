/* test-matter-fixture.h — the hall, its staff and the matter helpers that the matter tests share
 * (test-matter.c, test-matter-access.c, test-matter-cohandling.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-test-util.h"

G_BEGIN_DECLS

/* Valid ID numbers (GB 11643 check characters computed) */
#define ID_ZHANG "430102198503151236" /* male, 1985-03-15 */
#define ID_LIU "11010519491231002X"   /* female, 1949-12-31 */

typedef struct
{
  HallTestHall *hall;
  char         *zhang;  /* staff, 城建 (2), counter 2 */
  char         *zhang2; /* staff, 城建, counter 4 */
  char         *li;     /* staff, 民政 (3), counter 3 */
  char         *sun;    /* staff, 人社 (5), counter 5 */
  char         *wang;   /* manager */
  char         *zhao;   /* leader */
  char         *kiosk;
  char         *admin;
} Fixture;

/* A fresh hall with everyone of @f signed in. */
void fixture_set_up (Fixture      *f,
                     gconstpointer data);
void fixture_tear_down (Fixture      *f,
                        gconstpointer data);
/* Sets the hall's clock to @local ("2026-10-01 09:00"). */
void at (Fixture    *f,
         const char *local);
/* Registers a matter for 张伟 by @token, with @extra members (",\"…\":…" or NULL); its id. */
gint64 register_matter (Fixture    *f,
                        const char *token,
                        const char *extra);
/* A string member of the "matter" object of a command's result. */
const char *matter_member (JsonObject *result,
                           const char *member);

/* Registers test @func at @path; each test runs in a fresh hall of its own. */
#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

G_END_DECLS
