/* hall-bench-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-bench"

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "hall-bench-util.h"
#include "hall-command.h"
#include "hall-engine.h"
#include "hall-error.h"

GArray *
bench_samples_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (double));
}

void
bench_samples_add_us (GArray *samples,
                      gint64  microseconds)
{
  double ms = microseconds / 1000.0;

  g_array_append_val (samples, ms);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

double
bench_percentile (GArray *samples,
                  double  p)
{
  guint rank;

  if (samples->len == 0)
    return 0;
  g_array_sort (samples, compare_doubles);
  /* nearest rank */
  rank = (guint) ((p / 100.0) * samples->len + 0.999999);
  rank = CLAMP (rank, 1, samples->len);
  return g_array_index (samples, double, rank - 1);
}

double
bench_mean (GArray *samples)
{
  double sum = 0;

  if (samples->len == 0)
    return 0;
  for (guint i = 0; i < samples->len; i++)
    sum += g_array_index (samples, double, i);
  return sum / samples->len;
}

static void
append_padded (GString    *line,
               const char *text,
               guint       columns)
{
  guint width = 0;

  g_string_append (line, text);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    width += g_unichar_iswide (g_utf8_get_char (p)) ? 2 : 1;
  for (; width < columns; width++)
    g_string_append_c (line, ' ');
}

void
bench_print_row (const char *label,
                 const char *value,
                 const char *target)
{
  g_autoptr (GString) line = g_string_new ("  ");

  append_padded (line, label, 46);
  g_string_append_c (line, ' ');
  append_padded (line, value, 30);
  if (target != NULL)
    {
      g_string_append_c (line, ' ');
      g_string_append (line, target);
    }
  g_print ("%s\n", line->str);
}

guint16
bench_free_port (GError **error)
{
  g_autoptr (GSocket) socket = NULL;
  g_autoptr (GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr (GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr (GSocketAddress) bound = NULL;

  socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, error);
  if (socket == NULL || !g_socket_bind (socket, any, FALSE, error))
    return 0;
  bound = g_socket_get_local_address (socket, error);
  if (bound == NULL)
    return 0;
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static gboolean
server_healthy (BenchServer *server)
{
  g_autoptr (BenchClient) client = bench_client_new (server->url);
  g_autofree char *uri = g_strconcat (server->url, "/api/v1/health", NULL);
  g_autoptr (SoupMessage) msg = soup_message_new ("GET", uri);
  g_autoptr (GBytes) body = NULL;

  body = soup_session_send_and_read (client->session, msg, NULL, NULL);
  return body != NULL && soup_message_get_status (msg) == SOUP_STATUS_OK;
}

/* Between fork and exec: the server dies with the benchmark (or test) that started it, even
 * one that aborts. The signal comes when the starting thread ends. */
static void
die_with_parent_cb (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  if (getppid () != GPOINTER_TO_INT (user_data))
    raise (SIGKILL);
}

static gboolean
server_spawn (BenchServer *server,
              GError     **error)
{
  g_autoptr (GSubprocessLauncher) launcher = NULL;
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_MERGE);
  g_subprocess_launcher_set_stdout_file_path (launcher, NULL);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent_cb, GINT_TO_POINTER (getpid ()), NULL);
  if (server->log_path != NULL)
    {
      /* append across restarts */
      int fd = open (server->log_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);

      if (fd >= 0)
        g_subprocess_launcher_take_stdout_fd (launcher, fd);
    }
  g_clear_object (&server->process);
  server->process = g_subprocess_launcher_spawn (launcher, error, server->server_path, "serve",
                                                 "--database", server->database,
                                                 "--listen", server->listen, "--plain", NULL);
  if (server->process == NULL)
    return FALSE;

  while (g_get_monotonic_time () < deadline)
    {
      if (server_healthy (server))
        return TRUE;
      /* GLib reaps the child on its worker thread: no identifier once it has exited */
      if (g_subprocess_get_identifier (server->process) == NULL)
        break;
      g_usleep (20 * 1000);
    }
  g_set_error (error, HALL_ERROR, HALL_ERROR_UNAVAILABLE, "%s did not start; see %s", server->server_path,
               server->log_path);
  return FALSE;
}

BenchServer *
bench_server_start (const char  *server_path,
                    const char  *database,
                    guint16      port,
                    GError     **error)
{
  g_autoptr (BenchServer) server = g_new0 (BenchServer, 1);

  if (port == 0 && (port = bench_free_port (error)) == 0)
    return NULL;
  server->server_path = g_strdup (server_path);
  server->database = g_strdup (database);
  server->listen = g_strdup_printf ("127.0.0.1:%u", port);
  server->url = g_strdup_printf ("http://127.0.0.1:%u", port);
  server->log_path = g_strconcat (database, ".log", NULL);
  if (!server_spawn (server, error))
    return NULL;
  return g_steal_pointer (&server);
}

void
bench_server_stop (BenchServer *server,
                   gboolean     kill)
{
  if (server->process == NULL)
    return;
  if (g_subprocess_get_identifier (server->process) != NULL)
    {
      if (kill)
        g_subprocess_force_exit (server->process);
      else
        g_subprocess_send_signal (server->process, SIGTERM);
      g_subprocess_wait (server->process, NULL, NULL);
    }
  g_clear_object (&server->process);
}

gboolean
bench_server_restart (BenchServer *server,
                      GError     **error)
{
  bench_server_stop (server, FALSE);
  return server_spawn (server, error);
}

gint64
bench_server_rss_kb (BenchServer *server)
{
  const char *pid;
  g_autofree char *path = NULL;
  g_autofree char *status = NULL;
  const char *line;

  if (server->process == NULL || (pid = g_subprocess_get_identifier (server->process)) == NULL)
    return -1;
  path = g_strdup_printf ("/proc/%s/status", pid);
  if (!g_file_get_contents (path, &status, NULL, NULL))
    return -1;
  line = strstr (status, "\nVmRSS:");
  if (line == NULL)
    return -1;
  return g_ascii_strtoll (line + strlen ("\nVmRSS:"), NULL, 10);
}

void
bench_server_free (BenchServer *server)
{
  if (server == NULL)
    return;
  bench_server_stop (server, FALSE);
  g_free (server->server_path);
  g_free (server->database);
  g_free (server->listen);
  g_free (server->url);
  g_free (server->log_path);
  g_free (server);
}

BenchClient *
bench_client_new (const char *url)
{
  BenchClient *client = g_new0 (BenchClient, 1);

  client->session = soup_session_new_with_options ("timeout", 120, "max-conns-per-host", 2, NULL);
  client->url = g_strdup (url);
  return client;
}

void
bench_client_free (BenchClient *client)
{
  if (client == NULL)
    return;
  g_clear_object (&client->session);
  g_free (client->url);
  g_free (client->token);
  g_free (client);
}

/* The same rule as HallClient: writes other than signing in carry a request_id. */
static gboolean
command_changes_state (const char *command)
{
  const HallCommand *cmd = hall_engine_lookup_command (command);

  if (cmd == NULL)
    return FALSE;
  if (cmd->flags & HALL_COMMAND_PUBLIC)
    return FALSE;
  return (cmd->flags & HALL_COMMAND_WRITE) != 0;
}

JsonObject *
bench_client_call (BenchClient *client,
                   const char  *command,
                   JsonObject  *params,
                   GError     **error)
{
  g_autofree char *uri = g_strconcat (client->url, "/api/v1/", command, NULL);
  g_autoptr (SoupMessage) msg = soup_message_new ("POST", uri);
  g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autoptr (JsonObject) empty = json_object_new ();
  g_autoptr (GBytes) request = NULL;
  g_autoptr (GBytes) body = NULL;
  g_autoptr (JsonNode) reply = NULL;
  g_autoptr (GError) local_error = NULL;
  char *json;
  gsize length;
  JsonObject *object;

  /* Without the flag libsoup opens a new connection for every POST. Sending one again is safe
   * here: state-changing calls carry a request_id, and a replay returns the first result. */
  soup_message_add_flags (msg, SOUP_MESSAGE_IDEMPOTENT);
  json_node_set_object (node, params ? params : empty);
  if (command_changes_state (command) && !json_object_has_member (json_node_get_object (node), "request_id"))
    {
      /* As HallClient does for every state-changing call: the figures include the request row. */
      g_autoptr (JsonObject) sent = json_object_new ();
      g_autofree char *request_id = g_uuid_string_random ();
      JsonObjectIter iter;
      const char *member;
      JsonNode *value;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &member, &value))
        json_object_set_member (sent, member, json_node_copy (value));
      json_object_set_string_member (sent, "request_id", request_id);
      json_node_set_object (node, sent);
    }
  json = json_to_string (node, FALSE);
  length = strlen (json);
  request = g_bytes_new_take (json, length);
  soup_message_set_request_body_from_bytes (msg, "application/json", request);
  if (client->token != NULL)
    {
      g_autofree char *auth = g_strconcat ("Bearer ", client->token, NULL);

      soup_message_headers_replace (soup_message_get_request_headers (msg), "Authorization", auth);
    }

  body = soup_session_send_and_read (client->session, msg, NULL, &local_error);
  if (body == NULL)
    {
      g_set_error (error, HALL_ERROR, HALL_ERROR_UNAVAILABLE, "%s: %s", command, local_error->message);
      return NULL;
    }
  reply = json_from_string (g_bytes_get_data (body, NULL), &local_error);
  if (reply == NULL || !JSON_NODE_HOLDS_OBJECT (reply))
    {
      g_set_error (error, HALL_ERROR, HALL_ERROR_INTERNAL, "%s: HTTP %u, not a JSON object", command,
                   soup_message_get_status (msg));
      return NULL;
    }
  object = json_node_get_object (reply);
  if (soup_message_get_status (msg) != SOUP_STATUS_OK)
    {
      JsonObject *err = json_object_get_object_member (object, "error");
      HallErrorCode code = HALL_ERROR_INTERNAL;
      const char *field = NULL;

      if (err != NULL)
        {
          hall_error_code_from_string (json_object_get_string_member_with_default (err, "code", ""), &code);
          field = json_object_get_string_member_with_default (err, "field", NULL);
        }
      if (error != NULL)
        *error = hall_error_new_literal (code, field,
                                         err ? json_object_get_string_member_with_default (err, "message", "?")
                                             : "?");
      return NULL;
    }
  return json_object_ref (object);
}

JsonObject *
bench_client_callf (BenchClient *client,
                    const char  *command,
                    GError     **error,
                    const char  *json_format,
                    ...)
{
  g_autofree char *json = NULL;
  g_autoptr (JsonNode) node = NULL;
  va_list args;

  va_start (args, json_format);
  json = g_strdup_vprintf (json_format, args);
  va_end (args);
  node = json_from_string (json, error);
  if (node == NULL)
    return NULL;
  g_return_val_if_fail (JSON_NODE_HOLDS_OBJECT (node), NULL);
  return bench_client_call (client, command, json_node_get_object (node), error);
}

gboolean
bench_client_login (BenchClient *client,
                    const char  *username,
                    const char  *password,
                    const char  *role,
                    gint64       counter_id,
                    GError     **error)
{
  g_autoptr (JsonObject) params = json_object_new ();
  g_autoptr (JsonObject) result = NULL;

  json_object_set_string_member (params, "username", username);
  json_object_set_string_member (params, "password", password);
  if (role != NULL)
    json_object_set_string_member (params, "role", role);
  if (counter_id != 0)
    json_object_set_int_member (params, "counter_id", counter_id);
  result = bench_client_call (client, "session.login", params, error);
  if (result == NULL)
    return FALSE;
  g_free (client->token);
  client->token = g_strdup (json_object_get_string_member (result, "token"));
  return TRUE;
}

const char *
bench_filesystem_name (const char *path)
{
  struct statfs fs;

  switch (statfs (path, &fs) == 0 ? (unsigned long) fs.f_type : 0UL)
    {
    case 0xEF53:
      return "ext4";
    case 0x58465342:
      return "xfs";
    case 0x9123683E:
      return "btrfs";
    case 0x01021994:
      return "tmpfs (fsync costs nothing here: the floor is not a disk's)";
    case 0x794C7630:
      return "overlayfs";
    default:
      return "other";
    }
}

void
bench_die (const char   *what,
           const GError *error)
{
  g_printerr ("%s: %s: %s\n", g_get_prgname () ? g_get_prgname () : "hall-bench", what,
              error ? error->message : "failed");
  exit (1);
}
