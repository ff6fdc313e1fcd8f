/* hall-test-netem.c — an impaired network link between two namespaces, made of two TUN devices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib-unix.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "hall-test-netem.h"
#include "hall-test-netns.h"

/* Larger than any MTU the devices get. */
#define PACKET_MAX 65536

enum
{
  FROM_SERVER = 0,
  FROM_CLIENT = 1,
};

typedef struct
{
  gint64 due;
  gsize  length;
  guint8 data[];
} Packet;

struct _HallTestNetem
{
  int      fds[2]; /* FROM_SERVER: the server side's device, FROM_CLIENT: the client's */
  int      wake[2];
  char    *server_address;
  char    *client_address;
  GThread *thread;
  gboolean stop;

  GMutex             lock;
  gint64             delay_us;
  gint64             jitter_us;
  double             loss;
  HallTestNetemCut   cut;
  HallTestNetemStats stats;

  /* The thread's own. */
  GQueue queues[2];
  gint64 last_due[2];
  GRand *rand;
};

static const HallTestNetemCut cut_of[2] = { HALL_TEST_NETEM_CUT_TO_CLIENT,
                                            HALL_TEST_NETEM_CUT_TO_SERVER };

static int
tun_new (const char *pattern,
         char        name[IFNAMSIZ])
{
  struct ifreq ifr = { 0 };
  int          fd = open ("/dev/net/tun", O_RDWR | O_NONBLOCK | O_CLOEXEC);

  if (fd < 0)
    g_error ("/dev/net/tun: %s", g_strerror (errno));
  ifr.ifr_flags = IFF_TUN | IFF_NO_PI;
  g_strlcpy (ifr.ifr_name, pattern, IFNAMSIZ);
  if (ioctl (fd, TUNSETIFF, &ifr) < 0)
    g_error ("TUNSETIFF: %s", g_strerror (errno));
  g_strlcpy (name, ifr.ifr_name, IFNAMSIZ);
  return fd;
}

/* Moves the device @name into @ns and gives it @local, pointing at @peer. */
static void
place (const char *name,
       const char *ns,
       const char *local,
       const char *peer)
{
  hall_test_netns_ip ("link", "set", name, "netns", ns, NULL);
  hall_test_netns_ip ("-n", ns, "addr", "add", local, "peer", peer, "dev", name, NULL);
  hall_test_netns_ip ("-n", ns, "link", "set", name, "up", NULL);
}

/* Takes in a packet read from direction @dir's device: lost, or queued for its time. */
static void
take (HallTestNetem *self,
      int            dir,
      const guint8  *data,
      gsize          length,
      gint64         now)
{
  Packet *packet;
  gint64  due;

  g_mutex_lock (&self->lock);
  if (self->cut & cut_of[dir])
    {
      self->stats.cut++;
      g_mutex_unlock (&self->lock);
      return;
    }
  if (self->loss > 0 && g_rand_double (self->rand) < self->loss)
    {
      self->stats.lost++;
      g_mutex_unlock (&self->lock);
      return;
    }
  due = now + self->delay_us;
  if (self->jitter_us > 0)
    due += g_rand_int_range (self->rand, (gint32) -self->jitter_us, (gint32) self->jitter_us + 1);
  self->stats.queued++;
  g_mutex_unlock (&self->lock);

  /* One path keeps its packets in order: a packet never overtakes the one before it. */
  due = MAX (due, self->last_due[dir]);
  self->last_due[dir] = due;
  packet = g_malloc (sizeof (Packet) + length);
  packet->due = due;
  packet->length = length;
  memcpy (packet->data, data, length);
  g_queue_push_tail (&self->queues[dir], packet);
}

/* Writes what is due to the other side; returns the time the next packet is due, or 0. */
static gint64
deliver (HallTestNetem *self,
         gint64         now)
{
  gint64 next = 0;

  for (int dir = 0; dir < 2; dir++)
    {
      Packet *packet;

      while ((packet = g_queue_peek_head (&self->queues[dir])) != NULL && packet->due <= now)
        {
          gboolean cut;

          g_queue_pop_head (&self->queues[dir]);
          g_mutex_lock (&self->lock);
          self->stats.queued--;
          cut = (self->cut & cut_of[dir]) != 0;
          if (cut)
            self->stats.cut++;
          else if (write (self->fds[1 - dir], packet->data, packet->length)
                   == (gssize) packet->length)
            self->stats.forwarded++;
          else
            self->stats.lost++; /* the device's queue is full: dropped, as a router would */
          g_mutex_unlock (&self->lock);
          g_free (packet);
        }
      if (packet != NULL && (next == 0 || packet->due < next))
        next = packet->due;
    }
  return next;
}

static gpointer
forward_thread (gpointer data)
{
  HallTestNetem     *self = data;
  g_autofree guint8 *buffer = g_malloc (PACKET_MAX);

  while (!g_atomic_int_get (&self->stop))
    {
      struct pollfd fds[3] = {
        { .fd = self->fds[FROM_SERVER], .events = POLLIN },
        { .fd = self->fds[FROM_CLIENT], .events = POLLIN },
        { .fd = self->wake[0], .events = POLLIN },
      };
      gint64 now = g_get_monotonic_time ();
      gint64 next = deliver (self, now);
      int    timeout = next == 0 ? -1 : (int) ((next - now + 999) / 1000);

      if (poll (fds, G_N_ELEMENTS (fds), timeout) < 0 && errno != EINTR)
        g_error ("poll: %s", g_strerror (errno));
      now = g_get_monotonic_time ();
      for (int dir = 0; dir < 2; dir++)
        {
          gssize n;

          if (!(fds[dir].revents & POLLIN))
            continue;
          while ((n = read (self->fds[dir], buffer, PACKET_MAX)) > 0)
            take (self, dir, buffer, (gsize) n, now);
        }
    }
  return NULL;
}

HallTestNetem *
hall_test_netem_new (guint       index,
                     const char *server_ns,
                     const char *client_ns)
{
  HallTestNetem *self = g_new0 (HallTestNetem, 1);
  g_autoptr (GError) error = NULL;
  g_autofree char *server_pattern = NULL;
  g_autofree char *client_pattern = NULL;
  char             server_dev[IFNAMSIZ], client_dev[IFNAMSIZ];

  g_assert_cmpuint (index, >, 0);
  g_assert_cmpuint (index, <, 255);
  g_mutex_init (&self->lock);
  g_queue_init (&self->queues[0]);
  g_queue_init (&self->queues[1]);
  self->rand = g_rand_new ();
  self->server_address = g_strdup_printf ("10.77.%u.1", index);
  self->client_address = g_strdup_printf ("10.77.%u.2", index);
  if (!g_unix_open_pipe (self->wake, FD_CLOEXEC, &error))
    g_error ("pipe: %s", error->message);

  /* Named for the link, unique in the server's namespace; %d unique here while they wait. */
  server_pattern = g_strdup_printf ("hall%us%%d", index);
  client_pattern = g_strdup_printf ("hall%uc%%d", index);
  self->fds[FROM_SERVER] = tun_new (server_pattern, server_dev);
  self->fds[FROM_CLIENT] = tun_new (client_pattern, client_dev);
  place (server_dev, server_ns, self->server_address, self->client_address);
  place (client_dev, client_ns, self->client_address, self->server_address);

  self->thread = g_thread_new ("netem", forward_thread, self);
  return self;
}

void
hall_test_netem_set_delay (HallTestNetem *self,
                           guint          delay_ms,
                           guint          jitter_ms)
{
  g_assert_cmpuint (jitter_ms, <=, delay_ms);
  g_mutex_lock (&self->lock);
  self->delay_us = (gint64) delay_ms * 1000;
  self->jitter_us = (gint64) jitter_ms * 1000;
  g_mutex_unlock (&self->lock);
}

void
hall_test_netem_set_loss (HallTestNetem *self,
                          double         loss)
{
  g_mutex_lock (&self->lock);
  self->loss = loss;
  g_mutex_unlock (&self->lock);
}

void
hall_test_netem_set_cut (HallTestNetem   *self,
                         HallTestNetemCut cut)
{
  g_mutex_lock (&self->lock);
  self->cut = cut;
  g_mutex_unlock (&self->lock);
}

void
hall_test_netem_get_stats (HallTestNetem      *self,
                           HallTestNetemStats *stats)
{
  g_mutex_lock (&self->lock);
  *stats = self->stats;
  g_mutex_unlock (&self->lock);
}

const char *
hall_test_netem_get_server_address (HallTestNetem *self)
{
  return self->server_address;
}

const char *
hall_test_netem_get_client_address (HallTestNetem *self)
{
  return self->client_address;
}

void
hall_test_netem_free (HallTestNetem *self)
{
  if (self == NULL)
    return;
  g_atomic_int_set (&self->stop, TRUE);
  if (write (self->wake[1], "x", 1) != 1)
    g_error ("pipe: %s", g_strerror (errno));
  g_thread_join (self->thread);
  for (int dir = 0; dir < 2; dir++)
    {
      g_queue_clear_full (&self->queues[dir], g_free);
      close (self->fds[dir]);
      close (self->wake[dir]);
    }
  g_rand_free (self->rand);
  g_free (self->server_address);
  g_free (self->client_address);
  g_mutex_clear (&self->lock);
  g_free (self);
}
