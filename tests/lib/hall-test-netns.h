/* hall-test-netns.h — network namespaces for the LAN test and the WAN benchmark
 *
 * A namespace is made with `ip netns add` (so it is bound under /run/netns and `ip -n NAME`
 * reaches it) and named "hall-lan-PID-WHAT": hall_test_netns_sweep() removes those a killed run
 * left behind. Every namespace made here is removed when the process exits, aborts on a failed
 * assertion or is ended with SIGTERM/SIGINT (hall_test_netns_cleanup(), also called from the
 * signal handlers it installs).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* NULL when namespaces and TUN devices can be made here, else why not (for the skip message). */
char *hall_test_netns_unsupported (void);
/* Makes the namespace "hall-lan-PID-@what" with its loopback up; returns its name. */
char *hall_test_netns_new (const char *what);
/* The same, or NULL with @why when it cannot be made (not root, no `ip`, no namespaces). */
char *hall_test_netns_try_new (const char *what,
                               char      **why);
/* Moves the calling thread (only it: threads made after it follow) into namespace @name. */
void hall_test_netns_enter (const char *name);
/* An open descriptor of namespace @name (close-on-exec), for hall_test_netns_child_setup(). */
int hall_test_netns_open (const char *name);

/* A GSpawnChildSetupFunc for a helper process: it dies with the test (PR_SET_PDEATHSIG) and,
 * when @data's fd is not -1, runs in that namespace. */
typedef struct
{
  int pid; /* the test's, to see whether it died before prctl() took effect */
  int netns_fd;
} HallTestChild;

void hall_test_netns_child_setup (gpointer data);

/* Runs `ip ARGS…` (NULL-terminated); fails the test when it fails. */
void hall_test_netns_ip (const char *first,
                         ...) G_GNUC_NULL_TERMINATED;
/* Removes every namespace this process made. Async-signal-safe. */
void hall_test_netns_cleanup (void);

G_END_DECLS
