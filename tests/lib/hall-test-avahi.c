/* hall-test-avahi.c — a real avahi-daemon of the test's own, for the hall found on the LAN
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE /* setns(), unshare() */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

#include "hall-test-avahi.h"
#include "hall-test-netns.h"
#include "hall-test-server.h"
#include "hall-test-util.h"

/* Where avahi-daemon keeps its pid file and socket, whatever its configuration says. */
#define AVAHI_RUNTIME_DIR "/run/avahi-daemon"
/* How long the daemon may take to say it is up (a loaded machine under sanitizers). */
#define START_TIMEOUT 60

struct _HallTestAvahi
{
  char        *dir;
  char        *netns;
  char        *bus_socket;
  GSubprocess *bus;
  GSubprocess *daemon;
  guint        n_starts;
};

static const char bus_config[] =
    "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
    " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
    "<busconfig>\n"
    "  <type>system</type>\n"
    "  <listen>unix:path=%s</listen>\n"
    "  <auth>EXTERNAL</auth>\n"
    "  <policy context=\"default\">\n"
    "    <allow user=\"*\"/>\n"
    "    <allow own=\"*\"/>\n"
    "    <allow send_type=\"method_call\"/>\n"
    "    <allow send_destination=\"*\"/>\n"
    "    <allow receive_sender=\"*\"/>\n"
    "  </policy>\n"
    "</busconfig>\n";

/* Only the namespace's loopback; no announcement of the workstation itself. */
static const char avahi_config[] = "[server]\n"
                                   "host-name=hall-test\n"
                                   "use-ipv4=yes\n"
                                   "use-ipv6=no\n"
                                   "allow-interfaces=lo\n"
                                   "[wide-area]\n"
                                   "enable-wide-area=no\n"
                                   "[publish]\n"
                                   "publish-workstation=no\n"
                                   "publish-hinfo=no\n";

typedef struct
{
  HallTestChild child;
  gboolean      private_run; /* a tmpfs of its own on AVAHI_RUNTIME_DIR */
} DaemonSetup;

/* Runs in the child between fork and exec. */
static void
daemon_setup (gpointer data)
{
  DaemonSetup *setup = data;

  hall_test_netns_child_setup (&setup->child);
  /* A pid file of its own: another avahi-daemon (the machine's, a parallel run) may be running. */
  if (setup->private_run
      && (unshare (CLONE_NEWNS) != 0 || mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0
          || mount ("tmpfs", AVAHI_RUNTIME_DIR, "tmpfs", 0, "mode=0755") != 0))
    _exit (1);
}

static GSubprocess *
spawn (HallTestAvahi *self,
       const char    *log_name,
       gboolean       in_netns,
       GError       **error,
       const char    *first,
       ...)
{
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autofree char *log_path = g_build_filename (self->dir, log_name, NULL);
  DaemonSetup      setup = { { getpid (), -1 }, in_netns };
  GSubprocess     *process;
  va_list          ap;
  int              fd;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  fd = g_open (log_path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_subprocess_launcher_take_stderr_fd (launcher, dup (fd));
  g_subprocess_launcher_take_stdout_fd (launcher, fd);
  if (in_netns)
    setup.child.netns_fd = hall_test_netns_open (self->netns);
  g_subprocess_launcher_set_child_setup (launcher, daemon_setup, &setup, NULL);
  process = g_subprocess_launcher_spawnv (launcher, (const char *const *) args->pdata, error);
  if (setup.child.netns_fd >= 0)
    close (setup.child.netns_fd);
  return process;
}

static char *
read_log (HallTestAvahi *self,
          const char    *log_name)
{
  g_autofree char *path = g_build_filename (self->dir, log_name, NULL);
  char            *text = NULL;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    text = g_strdup ("");
  return text;
}

static void
stop_process (GSubprocess **process)
{
  if (*process == NULL)
    return;
  g_subprocess_send_signal (*process, SIGTERM);
  g_subprocess_wait (*process, NULL, NULL);
  g_clear_object (process);
}

/* NULL once "Server startup complete" is in the log, else why it is not. */
static char *
start_daemon (HallTestAvahi *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *config = g_build_filename (self->dir, "avahi-daemon.conf", NULL);
  g_autofree char *log_name = g_strdup_printf ("avahi-daemon-%u.log", ++self->n_starts);
  gint64           deadline = g_get_monotonic_time () + START_TIMEOUT * G_USEC_PER_SEC;

  self->daemon = spawn (self, log_name, TRUE, &error, "avahi-daemon", "--no-drop-root",
                        "--no-chroot", "--no-rlimits", "--no-proc-title", "-f", config, NULL);
  if (self->daemon == NULL)
    return g_strdup_printf ("cannot run avahi-daemon: %s", error->message);
  for (;;)
    {
      g_autofree char *log = read_log (self, log_name);

      if (strstr (log, "Server startup complete") != NULL)
        return NULL;
      /* The identifier goes once the child watch has seen it exit. */
      if (g_subprocess_get_identifier (self->daemon) == NULL || g_get_monotonic_time () > deadline)
        {
          stop_process (&self->daemon);
          return g_strdup_printf ("avahi-daemon did not start:\n%s", log);
        }
      hall_test_pump (20);
    }
}

HallTestAvahi *
hall_test_avahi_new (char **why)
{
  g_autoptr (HallTestAvahi) self = g_new0 (HallTestAvahi, 1);
  g_autoptr (GError) error = NULL;
  g_autofree char *bus_config_text = NULL;
  g_autofree char *bus_config_path = NULL;
  g_autofree char *avahi_config_path = NULL;
  g_autofree char *address = NULL;
  gint64           deadline;
  const char      *programs[] = { "avahi-daemon", "dbus-daemon" };

  for (guint i = 0; i < G_N_ELEMENTS (programs); i++)
    {
      g_autofree char *path = g_find_program_in_path (programs[i]);

      if (path == NULL)
        {
          *why = g_strdup_printf ("no %s in PATH", programs[i]);
          return NULL;
        }
    }
  self->dir = g_dir_make_tmp ("hall-avahi-XXXXXX", &error);
  g_assert_no_error (error);
  self->netns = hall_test_netns_try_new ("avahi", why);
  if (self->netns == NULL)
    return NULL;
  /* avahi-daemon needs an interface that can multicast, and the loopback cannot by default. */
  hall_test_netns_ip ("-n", self->netns, "link", "set", "lo", "multicast", "on", NULL);
  if (g_mkdir_with_parents (AVAHI_RUNTIME_DIR, 0755) != 0)
    {
      *why = g_strdup_printf ("cannot make %s: %s", AVAHI_RUNTIME_DIR, g_strerror (errno));
      return NULL;
    }

  self->bus_socket = g_build_filename (self->dir, "system_bus_socket", NULL);
  bus_config_text = g_strdup_printf (bus_config, self->bus_socket);
  bus_config_path = g_build_filename (self->dir, "system-bus.conf", NULL);
  avahi_config_path = g_build_filename (self->dir, "avahi-daemon.conf", NULL);
  g_assert_true (g_file_set_contents (bus_config_path, bus_config_text, -1, NULL));
  g_assert_true (g_file_set_contents (avahi_config_path, avahi_config, -1, NULL));

  address = g_strdup_printf ("--config-file=%s", bus_config_path);
  self->bus = spawn (self, "dbus-daemon.log", FALSE, &error, "dbus-daemon", address, "--nofork",
                     "--nopidfile", NULL);
  if (self->bus == NULL)
    {
      *why = g_strdup_printf ("cannot run dbus-daemon: %s", error->message);
      return NULL;
    }
  deadline = g_get_monotonic_time () + START_TIMEOUT * G_USEC_PER_SEC;
  while (!g_file_test (self->bus_socket, G_FILE_TEST_EXISTS))
    {
      if (g_get_monotonic_time () > deadline || g_subprocess_get_identifier (self->bus) == NULL)
        {
          g_autofree char *log = read_log (self, "dbus-daemon.log");
          *why = g_strdup_printf ("dbus-daemon did not start:\n%s", log);
          return NULL;
        }
      hall_test_pump (20);
    }
  g_free (address);
  address = g_strdup_printf ("unix:path=%s", self->bus_socket);
  /* Before any thread: libdbus reads it when the first client connects. */
  g_setenv ("DBUS_SYSTEM_BUS_ADDRESS", address, TRUE);

  *why = start_daemon (self);
  if (*why != NULL)
    return NULL;
  return g_steal_pointer (&self);
}

void
hall_test_avahi_stop_daemon (HallTestAvahi *self)
{
  stop_process (&self->daemon);
}

void
hall_test_avahi_start_daemon (HallTestAvahi *self)
{
  g_autofree char *why = NULL;

  g_assert_null (self->daemon);
  why = start_daemon (self);
  if (why != NULL)
    g_error ("%s", why);
}

void
hall_test_avahi_free (HallTestAvahi *self)
{
  stop_process (&self->daemon);
  stop_process (&self->bus);
  g_unsetenv ("DBUS_SYSTEM_BUS_ADDRESS");
  if (self->netns != NULL)
    hall_test_netns_ip ("netns", "del", self->netns, NULL);
  if (self->dir != NULL)
    hall_test_rm_rf (self->dir);
  g_free (self->netns);
  g_free (self->bus_socket);
  g_free (self->dir);
  g_free (self);
}

void
hall_test_wait_n_items (GListModel *model,
                        guint       n_items)
{
  gint64 deadline = g_get_monotonic_time () + HALL_TEST_SERVER_TIMEOUT * G_USEC_PER_SEC;

  while (g_list_model_get_n_items (model) != n_items)
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("waited for %u items, the model has %u", n_items,
                 g_list_model_get_n_items (model));
      hall_test_pump (20);
    }
}

HallDiscoveredHall *
hall_test_wait_for_hall (HallDiscovery *discovery,
                         const char    *name)
{
  GListModel *model = G_LIST_MODEL (discovery);
  gint64      deadline = g_get_monotonic_time () + HALL_TEST_SERVER_TIMEOUT * G_USEC_PER_SEC;

  for (;;)
    {
      if (g_list_model_get_n_items (model) == 1)
        {
          g_autoptr (HallDiscoveredHall) hall = g_list_model_get_item (model, 0);

          if (g_str_equal (hall_discovered_hall_get_name (hall), name))
            return hall;
        }
      if (g_get_monotonic_time () > deadline)
        g_error ("waited for the hall “%s” alone in the list", name);
      hall_test_pump (20);
    }
}
