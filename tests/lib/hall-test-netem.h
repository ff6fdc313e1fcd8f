/* hall-test-netem.h — an impaired network link between two namespaces, made of two TUN devices
 *
 * The kernels the tests run on may lack sch_netem (`tc qdisc … netem` answers "Specified qdisc
 * kind is unknown"), so the impairment is done here: a thread reads every IP packet from one
 * TUN device and writes it to the other, after a delay (mean ± uniform jitter, each direction
 * kept in order, as a single path does), dropping a share of them at random, or all of them
 * while the link is cut. The two devices are made in the calling thread's namespace and moved
 * into @server_ns and @client_ns; their descriptors keep working from here.
 *
 * A link's addresses are 10.77.N.1 (server side) and 10.77.N.2 (client side), point to point,
 * N its @index.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _HallTestNetem HallTestNetem;

typedef enum
{
  HALL_TEST_NETEM_OPEN = 0,
  HALL_TEST_NETEM_CUT_TO_CLIENT = 1 << 0, /* the server's packets are lost (answers) */
  HALL_TEST_NETEM_CUT_TO_SERVER = 1 << 1, /* the client's packets are lost (requests) */
  HALL_TEST_NETEM_CUT = HALL_TEST_NETEM_CUT_TO_CLIENT | HALL_TEST_NETEM_CUT_TO_SERVER,
} HallTestNetemCut;

typedef struct
{
  guint64 forwarded;
  guint64 lost;   /* at random */
  guint64 cut;    /* while cut */
  guint64 queued; /* waiting for their time now */
} HallTestNetemStats;

HallTestNetem *hall_test_netem_new (guint       index,
                                    const char *server_ns,
                                    const char *client_ns);
/* One-way delay of each packet, in each direction: @delay_ms ± @jitter_ms (uniform). */
void hall_test_netem_set_delay (HallTestNetem *self,
                                guint          delay_ms,
                                guint          jitter_ms);
/* The share (0…1) of packets lost, in each direction, independently. */
void hall_test_netem_set_loss (HallTestNetem *self,
                               double         loss);
/* Cuts the link in one or both directions (packets on their way are lost too), or heals it. */
void hall_test_netem_set_cut (HallTestNetem   *self,
                              HallTestNetemCut cut);
void hall_test_netem_get_stats (HallTestNetem      *self,
                                HallTestNetemStats *stats);
/* The client side's address of the server ("10.77.N.1") and the client's own ("10.77.N.2"). */
const char *hall_test_netem_get_server_address (HallTestNetem *self);
const char *hall_test_netem_get_client_address (HallTestNetem *self);
/* Ends the thread and closes the devices (which removes them). */
void hall_test_netem_free (HallTestNetem *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (HallTestNetem, hall_test_netem_free)

G_END_DECLS
