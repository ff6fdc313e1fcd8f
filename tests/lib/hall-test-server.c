/* hall-test-server.c — the real xinfang-hall-server as a child process, for tests and the
 * benchmark
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hall-remote-client.h"
#include "hall-test-netns.h"
#include "hall-test-server.h"
#include "hall-test-util.h"
#include "hall-tls.h"

static const char *
server_exe (HallTestServer *self)
{
  const char *exe = self->exe ? self->exe : g_getenv ("HALL_SERVER_EXE");

  if (exe == NULL)
    g_error ("HALL_SERVER_EXE is not set: run the tests with `meson test`.");
  return exe;
}

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

void
hall_test_pump (guint msec)
{
  gboolean done = FALSE;
  GSource *source = g_timeout_source_new (msec);

  g_source_set_callback (source, set_flag_cb, &done, NULL);
  g_source_attach (source, g_main_context_get_thread_default ());
  while (!done)
    g_main_context_iteration (g_main_context_get_thread_default (), TRUE);
  g_source_destroy (source);
  g_source_unref (source);
}

static gboolean
tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
hall_test_wait_for (gboolean *flag,
                    guint     timeout_seconds)
{
  gint64        deadline = g_get_monotonic_time () + (gint64) timeout_seconds * G_USEC_PER_SEC;
  GMainContext *context = g_main_context_get_thread_default ();
  GSource      *tick = g_timeout_source_new (10);

  /* One dispatch at a time, checking the flag after each: whoever set it gets control back
   * before anything else is handled (a WebSocket's first messages, say). */
  g_source_set_callback (tick, tick_cb, NULL, NULL);
  g_source_attach (tick, context);
  while (!*flag && g_get_monotonic_time () < deadline)
    g_main_context_iteration (context, TRUE);
  g_source_destroy (tick);
  g_source_unref (tick);
  return *flag;
}

static void
process_exited_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  HallTestServer *self = user_data;
  GSubprocess    *process = G_SUBPROCESS (object);

  g_subprocess_wait_finish (process, result, NULL);
  /* A later start may have replaced the process already. */
  if (process == self->process)
    {
      self->exit_status = g_subprocess_get_status (process);
      self->exited = TRUE;
    }
}

static gboolean
accept_certificate_cb (SoupMessage         *msg,
                       GTlsCertificate     *certificate,
                       GTlsCertificateFlags errors,
                       gpointer             user_data)
{
  HallTestServer  *self = user_data;
  g_autofree char *fingerprint = hall_tls_fingerprint (certificate);

  return self->fingerprint != NULL && g_strcmp0 (fingerprint, self->fingerprint) == 0;
}

SoupMessage *
hall_test_server_message_new (HallTestServer *self,
                              const char     *method,
                              const char     *path)
{
  g_autofree char *uri = g_strconcat (self->url, path, NULL);
  SoupMessage     *msg = soup_message_new (method, uri);

  g_assert_nonnull (msg);
  if (self->tls)
    g_signal_connect (msg, "accept-certificate", G_CALLBACK (accept_certificate_cb), self);
  return msg;
}

char *
hall_test_server_request (HallTestServer *self,
                          const char     *method,
                          const char     *path,
                          const char     *token,
                          const char     *body,
                          gsize           body_length,
                          guint          *status)
{
  g_autoptr (SoupMessage) msg = hall_test_server_message_new (self, method, path);
  g_autoptr (GBytes) answer = NULL;
  g_autoptr (GError) error = NULL;
  gsize       length = 0;
  const char *data;

  if (token != NULL)
    {
      g_autofree char *header = g_strconcat ("Bearer ", token, NULL);
      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization",
                                    header);
    }
  if (body != NULL)
    {
      g_autoptr (GBytes) bytes = g_bytes_new (body, body_length);
      soup_message_set_request_body_from_bytes (msg, "application/json", bytes);
    }

  answer = soup_session_send_and_read (self->session, msg, NULL, &error);
  g_assert_no_error (error);
  *status = soup_message_get_status (msg);
  data = g_bytes_get_data (answer, &length);
  return g_strndup (data ? data : "", length);
}

char *
hall_test_server_read_log (HallTestServer *self)
{
  char *text = NULL;

  if (self->log_path == NULL || !g_file_get_contents (self->log_path, &text, NULL, NULL))
    return g_strdup ("");
  return text;
}

gboolean
hall_test_server_wait_healthy (HallTestServer *self,
                               guint           timeout_seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_seconds * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      g_autoptr (SoupMessage) msg = hall_test_server_message_new (self, "GET", "/api/v1/health");
      g_autoptr (GBytes) answer = soup_session_send_and_read (self->session, msg, NULL, NULL);

      if (answer != NULL && soup_message_get_status (msg) == SOUP_STATUS_OK)
        return TRUE;
      if (self->exited)
        return FALSE;
      hall_test_pump (20);
    }
  return FALSE;
}

guint
hall_test_server_count_fds (HallTestServer *self)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/fd", (int) hall_test_server_get_pid (self));
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = g_dir_open (path, 0, &error);
  guint n = 0;

  g_assert_no_error (error);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

gint64
hall_test_server_rss_kb (HallTestServer *self)
{
  g_autofree char *path = NULL;
  g_autofree char *status = NULL;
  const char      *line;

  if (!hall_test_server_is_running (self))
    return -1;
  path = g_strdup_printf ("/proc/%d/status", (int) hall_test_server_get_pid (self));
  if (!g_file_get_contents (path, &status, NULL, NULL))
    return -1;
  line = strstr (status, "\nVmRSS:");
  if (line == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen ("\nVmRSS:"), NULL, 10);
}

/* Counts the server's sockets (local port @port) in @tcp_state; adds to @client_ports, when
 * given, the local port of each client socket (remote port @port) in that state. */
static guint
scan_sockets (const char *table,
              guint16     port,
              guint       tcp_state,
              GHashTable *client_ports)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  guint n = 0;

  if (!g_file_get_contents (table, &text, NULL, NULL))
    return 0;
  lines = g_strsplit (text, "\n", -1);
  /* "  sl  local_address rem_address   st …" with addresses as HEXADDR:HEXPORT. */
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      const char *local = NULL, *remote = NULL, *state = NULL;
      guint64     local_port, remote_port;
      guint       field = 0;

      for (guint j = 0; fields[j] != NULL; j++)
        {
          if (*fields[j] == '\0')
            continue;
          if (field == 1)
            local = fields[j];
          else if (field == 2)
            remote = fields[j];
          else if (field == 3)
            state = fields[j];
          field++;
        }
      if (local == NULL || remote == NULL || state == NULL || strchr (local, ':') == NULL
          || strchr (remote, ':') == NULL || g_ascii_strtoull (state, NULL, 16) != tcp_state)
        continue;
      local_port = g_ascii_strtoull (strrchr (local, ':') + 1, NULL, 16);
      remote_port = g_ascii_strtoull (strrchr (remote, ':') + 1, NULL, 16);
      if (local_port == port)
        n++;
      else if (remote_port == port && client_ports != NULL)
        g_hash_table_add (client_ports, GUINT_TO_POINTER ((guint) local_port));
    }
  return n;
}

guint
hall_test_server_count_connections (HallTestServer *self,
                                    guint           tcp_state)
{
  g_assert_cmpuint (self->port, !=, 0);
  return scan_sockets ("/proc/net/tcp", self->port, tcp_state, NULL)
         + scan_sockets ("/proc/net/tcp6", self->port, tcp_state, NULL);
}

void
hall_test_server_collect_client_ports (HallTestServer *self,
                                       GHashTable     *ports)
{
  g_assert_cmpuint (self->port, !=, 0);
  scan_sockets ("/proc/net/tcp", self->port, HALL_TEST_TCP_ESTABLISHED, ports);
  scan_sockets ("/proc/net/tcp6", self->port, HALL_TEST_TCP_ESTABLISHED, ports);
}

gboolean
hall_test_server_wait_fds_at_most (HallTestServer *self,
                                   guint           max_fds,
                                   guint           timeout_seconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_seconds * G_USEC_PER_SEC;

  while (hall_test_server_count_fds (self) > max_fds
         || hall_test_server_count_connections (self, HALL_TEST_TCP_CLOSE_WAIT) > 0)
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      hall_test_pump (20);
    }
  return TRUE;
}

/* Reads "Listening on URL" (and the fingerprint) from the log of this start. */
static gboolean
read_announcement (HallTestServer *self)
{
  g_autofree char *log = hall_test_server_read_log (self);
  g_auto (GStrv) lines = g_strsplit (log, "\n", -1);
  const char *url = NULL, *fingerprint = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "Listening on "))
        url = lines[i] + strlen ("Listening on ");
      else if (g_str_has_prefix (lines[i], "Certificate fingerprint (SHA-256): "))
        fingerprint = lines[i] + strlen ("Certificate fingerprint (SHA-256): ");
    }
  if (url == NULL || (self->tls && fingerprint == NULL))
    return FALSE;

  {
    g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);

    g_assert_nonnull (uri);
    if (self->port != 0)
      g_assert_cmpint (g_uri_get_port (uri), ==, self->port);
    self->port = g_uri_get_port (uri);
    g_free (self->url);
    /* It listens on every address: say the one its clients use. */
    self->url = self->host != NULL ? g_strdup_printf ("%s://%s:%u", g_uri_get_scheme (uri),
                                                      self->host, self->port)
                                   : g_strdup (url);
  }
  if (self->tls)
    {
      g_free (self->fingerprint);
      self->fingerprint = g_strdup (fingerprint);
    }
  return TRUE;
}

void
hall_test_server_start (HallTestServer *self)
{
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) args = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  HallTestChild    child = { getpid (), -1 };
  gint64           deadline;
  int              fd;

  g_assert_false (hall_test_server_is_running (self));
  g_assert_true (self->host == NULL || self->tls);

  self->n_starts++;
  name = g_strdup_printf ("server-%u.log", self->n_starts);
  g_free (self->log_path);
  self->log_path = g_build_filename (self->dir, name, NULL);

  fd = g_open (self->log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_subprocess_launcher_take_stderr_fd (launcher, dup (fd));
  g_subprocess_launcher_take_stdout_fd (launcher, fd);
  /* It dies with the test, so a test that aborts on a failed assertion leaves no server behind.
   * The signal comes when the thread that started the server ends: start servers from the
   * test's main thread. */
  if (self->netns != NULL)
    child.netns_fd = hall_test_netns_open (self->netns);
  g_subprocess_launcher_set_child_setup (launcher, hall_test_netns_child_setup, &child, NULL);

  g_ptr_array_add (args, g_strdup (server_exe (self)));
  g_ptr_array_add (args, g_strdup ("serve"));
  g_ptr_array_add (args, g_strdup ("--database"));
  g_ptr_array_add (args, g_strdup (self->database));
  g_ptr_array_add (args, g_strdup ("--listen"));
  g_ptr_array_add (args, g_strdup_printf ("%s:%u", self->host ? "0.0.0.0" : "127.0.0.1",
                                          self->port));
  if (!self->tls)
    g_ptr_array_add (args, g_strdup ("--plain"));
  else if (!self->announce)
    /* Not on the machine's LAN, through its avahi-daemon, when a test runs there. */
    g_ptr_array_add (args, g_strdup ("--no-announce"));
  g_ptr_array_add (args, NULL);

  g_clear_object (&self->process);
  self->exited = FALSE;
  self->process =
      g_subprocess_launcher_spawnv (launcher, (const char *const *) args->pdata, &error);
  if (child.netns_fd >= 0)
    close (child.netns_fd);
  g_assert_no_error (error);
  g_subprocess_wait_async (self->process, NULL, process_exited_cb, self);

  deadline = g_get_monotonic_time () + HALL_TEST_SERVER_TIMEOUT * G_USEC_PER_SEC;
  while (!read_announcement (self))
    {
      if (self->exited || g_get_monotonic_time () > deadline)
        {
          g_autofree char *log = hall_test_server_read_log (self);
          g_error ("xinfang-hall-server did not start:\n%s", log);
        }
      hall_test_pump (10);
    }

  if (!hall_test_server_wait_healthy (self, HALL_TEST_SERVER_TIMEOUT))
    {
      g_autofree char *log = hall_test_server_read_log (self);
      g_error ("xinfang-hall-server does not answer /api/v1/health:\n%s", log);
    }
}

gboolean
hall_test_server_is_running (HallTestServer *self)
{
  return self->process != NULL && !self->exited;
}

GPid
hall_test_server_get_pid (HallTestServer *self)
{
  const char *id;

  if (!hall_test_server_is_running (self))
    return 0;
  id = g_subprocess_get_identifier (self->process);
  return id ? (GPid) g_ascii_strtoll (id, NULL, 10) : 0;
}

static void
wait_exit (HallTestServer *self)
{
  if (!hall_test_wait_for (&self->exited, HALL_TEST_SERVER_TIMEOUT))
    {
      g_autofree char *log = hall_test_server_read_log (self);
      g_error ("xinfang-hall-server did not exit:\n%s", log);
    }
}

int
hall_test_server_stop (HallTestServer *self)
{
  g_assert_true (hall_test_server_is_running (self));
  g_subprocess_send_signal (self->process, SIGTERM);
  wait_exit (self);
  if (!WIFEXITED (self->exit_status))
    {
      g_autofree char *log = hall_test_server_read_log (self);
      g_error ("xinfang-hall-server died from signal %d on SIGTERM:\n%s",
               WTERMSIG (self->exit_status), log);
    }
  return WEXITSTATUS (self->exit_status);
}

void
hall_test_server_kill (HallTestServer *self)
{
  g_assert_true (hall_test_server_is_running (self));
  g_subprocess_force_exit (self->process);
  wait_exit (self);
}

void
hall_test_server_restart (HallTestServer *self)
{
  g_assert_cmpint (hall_test_server_stop (self), ==, 0);
  hall_test_server_start (self);
}

HallTestServer *
hall_test_server_new (HallTestServerFlags flags)
{
  g_autoptr (GError) error = NULL;
  HallTestServer *self = g_new0 (HallTestServer, 1);

  self->dir = g_dir_make_tmp ("hall-server-test-XXXXXX", &error);
  g_assert_no_error (error);
  self->database = g_build_filename (self->dir, "hall.db", NULL);
  self->tls = (flags & HALL_TEST_SERVER_TLS) != 0;
  self->announce = (flags & HALL_TEST_SERVER_ANNOUNCE) != 0;
  self->session = soup_session_new_with_options ("timeout", HALL_TEST_SERVER_TIMEOUT, NULL);

  if (!(flags & HALL_TEST_SERVER_NO_START))
    hall_test_server_start (self);
  return self;
}

HallTestServer *
hall_test_server_new_for_database (const char *exe,
                                   const char *database)
{
  HallTestServer *self = g_new0 (HallTestServer, 1);

  self->exe = g_strdup (exe);
  self->dir = g_path_get_dirname (database);
  self->keep_dir = TRUE;
  self->database = g_strdup (database);
  self->session = soup_session_new_with_options ("timeout", HALL_TEST_SERVER_TIMEOUT, NULL);
  hall_test_server_start (self);
  return self;
}

void
hall_test_server_free (HallTestServer *self)
{
  if (self == NULL)
    return;
  if (hall_test_server_is_running (self))
    hall_test_server_kill (self);
  g_clear_object (&self->process);
  g_clear_object (&self->session);
  if (!self->keep_dir)
    hall_test_rm_rf (self->dir);
  g_free (self->exe);
  g_free (self->dir);
  g_free (self->database);
  g_free (self->netns);
  g_free (self->host);
  g_free (self->log_path);
  g_free (self->url);
  g_free (self->fingerprint);
  g_free (self);
}

char *
hall_test_server_run_cli (HallTestServer *self,
                          const char     *input,
                          int            *exit_code,
                          char          **error_output,
                          ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char      *arg;
  va_list          ap;

  g_ptr_array_add (args, (gpointer) server_exe (self));
  va_start (ap, error_output);
  while ((arg = va_arg (ap, const char *)) != NULL)
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);

  process = g_subprocess_newv ((const char *const *) args->pdata,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                   | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input ? input : "", NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  *exit_code = g_subprocess_get_exit_status (process);
  if (error_output != NULL)
    *error_output = g_steal_pointer (&err);
  return g_steal_pointer (&out);
}

void
hall_test_server_add_user (HallTestServer *self,
                           const char     *username,
                           const char     *roles,
                           const char     *department,
                           const char     *password)
{
  g_autofree char *input = g_strconcat (password ? password : HALL_TEST_PASSWORD, "\n", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int              code = -1;

  if (department != NULL)
    out = hall_test_server_run_cli (self, input, &code, &err, "add-user", "--database",
                                    self->database, "--username", username, "--role", roles,
                                    "--department", department, NULL);
  else
    out = hall_test_server_run_cli (self, input, &code, &err, "add-user", "--database",
                                    self->database, "--username", username, "--role", roles, NULL);
  if (code != 0)
    g_error ("add-user %s failed (%d): %s", username, code, err);
}

char *
hall_test_server_login (HallTestServer *self,
                        const char     *username,
                        const char     *role,
                        gint64          counter_id)
{
  g_autoptr (JsonObject) params =
      hall_test_login_params (username, HALL_TEST_PASSWORD, role, counter_id);
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (JsonObject) answer = NULL;
  g_autofree char *body = NULL;
  g_autofree char *text = NULL;
  guint            status = 0;

  node = json_node_init_object (json_node_alloc (), params);
  body = json_to_string (node, FALSE);

  text = hall_test_server_request (self, "POST", "/api/v1/session.login", NULL, body, strlen (body),
                                   &status);
  if (status != SOUP_STATUS_OK)
    g_error ("Sign-in of %s failed with %u: %s", username, status, text);
  answer = hall_test_parse_object (text);
  return g_strdup (json_object_get_string_member (answer, "token"));
}

char *
hall_test_server_add_user_login (HallTestServer *self,
                                 const char     *username,
                                 const char     *roles,
                                 const char     *department,
                                 gint64          counter_id)
{
  hall_test_server_add_user (self, username, roles, department, NULL);
  return hall_test_server_login (self, username, NULL, counter_id);
}

static JsonObject *
call_valist (HallTestServer *self,
             const char     *token,
             const char     *command,
             guint          *status,
             const char     *json_format,
             va_list         args)
{
  g_autofree char *path = g_strconcat ("/api/v1/", command, NULL);
  g_autofree char *body = json_format ? g_strdup_vprintf (json_format, args) : NULL;
  g_autofree char *text =
      hall_test_server_request (self, "POST", path, token, body, body ? strlen (body) : 0, status);
  g_autoptr (JsonNode) node = json_from_string (text, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    g_error ("%s answered %u with something other than a JSON object: %s", command, *status, text);
  return json_object_ref (json_node_get_object (node));
}

JsonObject *
hall_test_server_call (HallTestServer *self,
                       const char     *token,
                       const char     *command,
                       guint          *status,
                       const char     *json_format,
                       ...)
{
  JsonObject *result;
  va_list     args;

  va_start (args, json_format);
  result = call_valist (self, token, command, status, json_format, args);
  va_end (args);
  return result;
}

JsonObject *
hall_test_server_ok (HallTestServer *self,
                     const char     *token,
                     const char     *command,
                     const char     *json_format,
                     ...)
{
  JsonObject *result;
  guint       status = 0;
  va_list     args;

  va_start (args, json_format);
  result = call_valist (self, token, command, &status, json_format, args);
  va_end (args);
  if (status != SOUP_STATUS_OK)
    {
      g_autoptr (JsonNode) node = json_node_init_object (json_node_alloc (), result);
      g_autofree char *text = json_to_string (node, FALSE);
      g_error ("%s answered %u: %s", command, status, text);
    }
  return result;
}

JsonObject *
hall_test_server_fails (HallTestServer *self,
                        const char     *token,
                        const char     *command,
                        HallErrorCode   code,
                        const char     *field,
                        const char     *json_format,
                        ...)
{
  g_autoptr (JsonObject) result = NULL;
  JsonObject *error;
  guint       status = 0;
  va_list     args;

  va_start (args, json_format);
  result = call_valist (self, token, command, &status, json_format, args);
  va_end (args);

  error = json_object_get_object_member (result, "error");
  if (error == NULL)
    g_error ("%s succeeded (%u) but should have failed with %s", command, status,
             hall_error_code_to_string (code));
  g_assert_cmpstr (json_object_get_string_member (error, "code"), ==,
                   hall_error_code_to_string (code));
  g_assert_cmpuint (status, ==, hall_error_code_to_status (code));
  g_assert_true (json_object_has_member (error, "field"));
  g_assert_nonnull (json_object_get_string_member (error, "message"));
  g_assert_cmpstr (json_object_get_string_member (error, "message"), !=, "");
  if (field != NULL)
    g_assert_cmpstr (json_object_get_string_member_with_default (error, "field", NULL), ==, field);
  return json_object_ref (error);
}

gint64
hall_test_server_user_id (HallTestServer *self,
                          const char     *admin_token,
                          const char     *username)
{
  g_autoptr (JsonObject) list = hall_test_server_ok (self, admin_token, "user.list", "{}");
  JsonArray *users = json_object_get_array_member (list, "users");

  for (guint i = 0; i < json_array_get_length (users); i++)
    {
      JsonObject *user = json_array_get_object_element (users, i);

      if (g_str_equal (json_object_get_string_member (user, "username"), username))
        return json_object_get_int_member (user, "id");
    }
  g_error ("No account %s in user.list", username);
}

typedef struct
{
  gboolean    done;
  JsonObject *health;
  char      **fingerprint;
  GError    **error;
} Probe;

static void
probe_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Probe *probe = user_data;

  probe->health = hall_remote_client_probe_finish (result, probe->fingerprint, probe->error);
  probe->done = TRUE;
}

JsonObject *
hall_test_probe (const char *url,
                 char      **fingerprint,
                 GError    **error)
{
  Probe probe = { FALSE, NULL, fingerprint, error };

  hall_remote_client_probe_async (url, NULL, probe_cb, &probe);
  g_assert_true (hall_test_wait_for (&probe.done, HALL_TEST_SERVER_TIMEOUT));
  return probe.health;
}
