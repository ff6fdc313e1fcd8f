/* hall-test-netns.c — network namespaces for the LAN test and the WAN benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* setns() */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <linux/if_tun.h>
#include <net/if.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "hall-test-netns.h"

#define NETNS_DIR "/run/netns"
#define PREFIX "hall-lan-"
#define MAX_NAMESPACES 16

/* Fixed buffers: the signal handlers read them. */
static char         made[MAX_NAMESPACES][64];
static volatile int n_made;

static void
remove_bound (const char *name)
{
  char path[128];

  if (strlen (NETNS_DIR) + 1 + strlen (name) + 1 > sizeof path)
    return;
  strcpy (path, NETNS_DIR "/");
  strcat (path, name);
  /* What `ip netns del` does: the namespace goes when its last process does. */
  umount2 (path, MNT_DETACH);
  unlink (path);
}

void
hall_test_netns_cleanup (void)
{
  while (n_made > 0)
    {
      n_made--;
      remove_bound (made[n_made]);
    }
}

static void
fatal_signal_cb (int sig)
{
  hall_test_netns_cleanup ();
  signal (sig, SIG_DFL);
  raise (sig);
}

static void
install_cleanup (void)
{
  static gboolean installed;
  /* A failed assertion aborts, g_error() traps, meson's timeout terminates. Crashes are left to
   * AddressSanitizer's report; their namespaces go with the next run's sweep. */
  const int signals[] = { SIGABRT, SIGTRAP, SIGTERM, SIGINT };

  if (installed)
    return;
  installed = TRUE;
  atexit (hall_test_netns_cleanup);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      struct sigaction action = { 0 };

      action.sa_handler = fatal_signal_cb;
      sigemptyset (&action.sa_mask);
      /* AddressSanitizer reports through SIGABRT too: let it print first, it ends by aborting. */
      sigaction (signals[i], &action, NULL);
    }
}

/* Namespaces of runs that were killed (SIGKILL leaves no chance to clean up). */
static void
sweep (void)
{
  g_autoptr (GDir) dir = g_dir_open (NETNS_DIR, 0, NULL);
  const char *name;

  if (dir == NULL)
    return;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      gint64 pid;

      if (!g_str_has_prefix (name, PREFIX))
        continue;
      pid = g_ascii_strtoll (name + strlen (PREFIX), NULL, 10);
      if (pid > 0 && kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
        remove_bound (name);
    }
}

static gboolean
run_ip (GPtrArray *args,
        char     **error_output)
{
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_ptr_array_insert (args, 0, g_strdup ("ip"));
  g_ptr_array_add (args, NULL);
  if (!g_spawn_sync (NULL, (char **) args->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                     error_output, &status, &error))
    {
      if (error_output != NULL)
        *error_output = g_strdup (error->message);
      return FALSE;
    }
  return g_spawn_check_wait_status (status, NULL);
}

void
hall_test_netns_ip (const char *first,
                    ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *errors = NULL;
  g_autofree char *line = NULL;
  va_list          ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, g_strdup (arg));
  va_end (ap);
  g_ptr_array_add (args, NULL);
  line = g_strjoinv (" ", (char **) args->pdata);
  g_ptr_array_remove_index (args, args->len - 1);
  if (!run_ip (args, &errors))
    g_error ("ip %s: %s", line, errors);
}

char *
hall_test_netns_unsupported (void)
{
  g_autoptr (GPtrArray) args = NULL;
  g_autofree char *ip = g_find_program_in_path ("ip");
  g_autofree char *probe = NULL;
  g_autofree char *errors = NULL;
  struct ifreq     ifr = { 0 };
  int              fd;

  if (geteuid () != 0)
    return g_strdup ("not root: network namespaces and TUN devices need CAP_NET_ADMIN");
  if (ip == NULL)
    return g_strdup ("no `ip` command (iproute2) in PATH");

  fd = open ("/dev/net/tun", O_RDWR | O_CLOEXEC);
  if (fd < 0)
    return g_strdup_printf ("cannot open /dev/net/tun: %s (no CONFIG_TUN?)", g_strerror (errno));
  ifr.ifr_flags = IFF_TUN | IFF_NO_PI;
  g_strlcpy (ifr.ifr_name, "hallprobe%d", IFNAMSIZ);
  if (ioctl (fd, TUNSETIFF, &ifr) < 0)
    {
      int saved = errno;

      close (fd);
      return g_strdup_printf ("cannot make a TUN device: %s", g_strerror (saved));
    }
  close (fd);

  sweep ();
  probe = g_strdup_printf (PREFIX "%d-probe", (int) getpid ());
  args = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (args, g_strdup ("netns"));
  g_ptr_array_add (args, g_strdup ("add"));
  g_ptr_array_add (args, g_strdup (probe));
  if (!run_ip (args, &errors))
    return g_strdup_printf ("`ip netns add` failed: %s", g_strstrip (errors));
  remove_bound (probe);
  return NULL;
}

char *
hall_test_netns_try_new (const char *what,
                         char      **why)
{
  g_autofree char *name = g_strdup_printf (PREFIX "%d-%s", (int) getpid (), what);
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *errors = NULL;

  g_assert_cmpint (n_made, <, MAX_NAMESPACES);
  g_assert_cmpuint (strlen (name), <, sizeof made[0]);
  if (geteuid () != 0)
    {
      *why = g_strdup ("not root: network namespaces need CAP_SYS_ADMIN");
      return NULL;
    }
  install_cleanup ();
  sweep ();
  g_ptr_array_add (args, g_strdup ("netns"));
  g_ptr_array_add (args, g_strdup ("add"));
  g_ptr_array_add (args, g_strdup (name));
  if (!run_ip (args, &errors))
    {
      *why = g_strdup_printf ("`ip netns add` failed: %s", errors ? g_strstrip (errors) : "");
      return NULL;
    }
  strcpy (made[n_made], name);
  n_made++;
  hall_test_netns_ip ("-n", name, "link", "set", "lo", "up", NULL);
  return g_steal_pointer (&name);
}

char *
hall_test_netns_new (const char *what)
{
  g_autofree char *why = NULL;
  char            *name = hall_test_netns_try_new (what, &why);

  if (name == NULL)
    g_error ("%s", why);
  return name;
}

int
hall_test_netns_open (const char *name)
{
  g_autofree char *path = g_build_filename (NETNS_DIR, name, NULL);
  int              fd = open (path, O_RDONLY | O_CLOEXEC);

  if (fd < 0)
    g_error ("%s: %s", path, g_strerror (errno));
  return fd;
}

void
hall_test_netns_enter (const char *name)
{
  int fd = hall_test_netns_open (name);

  if (setns (fd, CLONE_NEWNET) != 0)
    g_error ("setns %s: %s", name, g_strerror (errno));
  close (fd);
}

void
hall_test_netns_child_setup (gpointer data)
{
  HallTestChild *child = data;

  prctl (PR_SET_PDEATHSIG, SIGKILL);
  /* The test may have died before prctl() took effect. */
  if (getppid () != child->pid)
    _exit (1);
  if (child->netns_fd >= 0 && setns (child->netns_fd, CLONE_NEWNET) != 0)
    _exit (1);
}
