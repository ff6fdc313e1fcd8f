/* hall-demo-private.h — the demo hall's people, windows and problems
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-demo.h"

G_BEGIN_DECLS

#define N_COUNTERS 20

typedef struct
{
  const char *username;
  const char *name;
  gboolean    open;  /* staffed today */
  const char *pause; /* paused with this reason at the end, or NULL */
} DemoStaff;

/* Who comes to the hall on a morning, and why: category name, department, what they say. */
typedef struct
{
  const char *category;
  int         department_id;
  const char *content;
  int         weight;
} DemoProblem;

/* One per counter (counter id = department id), in department order. */
extern const DemoStaff       _hall_demo_staff[N_COUNTERS];
extern const char *const     _hall_demo_department_codes[N_COUNTERS];
extern const HallDemoAccount _hall_demo_featured[];
extern const guint           _hall_demo_n_featured;
extern const DemoProblem     _hall_demo_problems[];
extern const guint           _hall_demo_n_problems;
extern const char *const     _hall_demo_surnames[];
extern const guint           _hall_demo_n_surnames;
extern const char *const     _hall_demo_given_names[];
extern const guint           _hall_demo_n_given_names;
extern const char *const     _hall_demo_villages[];
extern const guint           _hall_demo_n_villages;

/* Visitor number @n of the demo: a name, a resident ID number with a real birth date and check
 * digit, a phone and an address in the county; @role (may be NULL) is their part in a collective
 * visit. */
JsonObject *_hall_demo_make_petitioner (GRand      *rand,
                                        int         n,
                                        const char *role);
/* A problem of _hall_demo_problems[] by weight, and its *@index. */
const DemoProblem *_hall_demo_pick_problem (GRand *rand,
                                            guint *index);

G_END_DECLS
