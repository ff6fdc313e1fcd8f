/* hall-synth.h — synthetic but realistic petitioners and matters, for the benchmark and tests
 *
 * Everything is a pure function of an index, so the n-th matter can be made again anywhere
 * (the benchmark picks its search queries from matters it generated in an earlier run).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Bumped whenever what the generator produces changes: cached databases carry it in their key. */
#define HALL_SYNTH_VERSION 1

typedef struct
{
  guint64 state;
} HallSynthRng;

void    hall_synth_rng_init (HallSynthRng *rng,
                             guint64       seed);
guint64 hall_synth_rng_next (HallSynthRng *rng);
/* Uniform in [0, n). */
guint32 hall_synth_rng_below (HallSynthRng *rng,
                              guint32       n);

typedef struct
{
  char       *name;       /* 王建国, 欧阳秀英 */
  char       *id_number;  /* 18 characters with a valid GB 11643 check character */
  char       *phone;      /* 11-digit mobile */
  char       *address;    /* 某某县某某镇某某村3组 */
  const char *sex;        /* "male" / "female", as the ID number says */
  char       *birth_date; /* "YYYY-MM-DD" */
} HallSynthPerson;

typedef struct
{
  HallSynthPerson petitioner;
  /* index into the seeded categories (1-based id of 001-core.sql's category rows) */
  gint64      category_id;
  gint64      department_id;
  const char *channel; /* visit, letter, online, phone, other */
  const char *type;    /* suggestion, accusation, claim */
  char       *content; /* two to four sentences about the petitioner's problem */
  gint64      persons;
} HallSynthMatter;

void hall_synth_person (guint64          index,
                        HallSynthPerson *out);
void hall_synth_person_clear (HallSynthPerson *person);
void hall_synth_matter (guint64          index,
                        HallSynthMatter *out);
void hall_synth_matter_clear (HallSynthMatter *matter);

/* Writes an 18-character ID number for region @region (6 digits), @birth ("YYYYMMDD") and
 * @sequence (0–999) into @out (19 bytes). */
void hall_synth_id_number (const char *region,
                           const char *birth,
                           guint       sequence,
                           char       *out);

/* Search terms a clerk would type, all of which occur in generated matters. NULL-terminated. */
const char *const *hall_synth_queries (guint n_chars);

G_END_DECLS
