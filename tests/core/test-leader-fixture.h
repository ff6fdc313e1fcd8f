/* test-leader-fixture.h — the hall, its people and the queue-and-matter helpers that the leader
 * tests share (test-leader.c, test-leader-reception.c, test-leader-charge.c)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "hall-test-util.h"

G_BEGIN_DECLS

typedef struct
{
  HallTestHall *hall;
  char         *manager;
  char         *staff;
  char         *leader;  /* 张书记 */
  char         *leader2; /* 李县长 */
  char         *display;
  char         *kiosk;
  char         *admin;
  gint64        manager_id;
  gint64        staff_id;
  gint64        leader_id;
  gint64        leader2_id;
} Fixture;

/* A fresh hall on Monday 12 October 2026, 09:00, with everyone of @f signed in. */
void fixture_set_up (Fixture      *f,
                     gconstpointer data);
void fixture_tear_down (Fixture      *f,
                        gconstpointer data);

/* Registers 王小明's matter at window 2 (hall_test_register_visit()). */
gint64 register_matter (Fixture    *f,
                        gint64      ticket_id,
                        const char *received_date);
/* A visitor takes a number for 城建, window 2 calls them in and registers their matter. */
gint64 visitor_at_window (Fixture *f,
                          gint64  *matter_id);
/* The ticket as the manager reads it (ticket.get). */
JsonObject *get_ticket (Fixture *f,
                        gint64   ticket_id);
/* A new day: yesterday's sessions have expired, so everyone signs in again. */
void relogin (Fixture *f);
/* The manager puts @leader_id on the roster for Monday 12 October. */
void put_on_duty (Fixture *f,
                  gint64   leader_id);

G_END_DECLS
