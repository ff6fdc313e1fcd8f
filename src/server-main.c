/* server-main.c — xinfang-hall-server: the hall's database served on the LAN
 *
 *   xinfang-hall-server serve    --database PATH [--listen HOST:PORT] [--plain] [--no-announce]
 *   xinfang-hall-server add-user --database PATH --username U --role ROLE [--role ROLE…]
 *                                [--department CODE] [--display-name NAME]   (password on stdin)
 *   xinfang-hall-server backup   --database PATH --to FILE
 *   xinfang-hall-server check    --database PATH
 *   xinfang-hall-server restore  --database PATH --from FILE   (the server stopped)
 *   xinfang-hall-server export   LEDGER --database PATH --from DATE --to DATE
 *                                --format xlsx|pdf --output FILE
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-server"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "hall-announce.h"
#include "hall-engine.h"
#include "hall-export.h"
#include "hall-restore.h"
#include "hall-scheduler.h"
#include "hall-server.h"
#include "hall-tls.h"

#define DEFAULT_LISTEN "0.0.0.0:8443"
#define MAX_PASSWORD_BYTES 1024

typedef struct
{
  GMainLoop    *loop;
  HallServer   *server;
  HallAnnounce *announcement;
  gboolean      stopping;
  int           status;
} Serve;

static char *opt_database;

static const GOptionEntry database_entry[] = { { "database", 'd', 0, G_OPTION_ARG_FILENAME,
                                                 &opt_database, N_ ("The hall database file"),
                                                 N_ ("PATH") },
                                               { NULL } };

static void
print_error (const GError *error)
{
  const char *field = error->domain == HALL_ERROR ? hall_error_get_field (error) : NULL;

  if (field != NULL)
    g_printerr ("xinfang-hall-server: %s: %s\n", field, error->message);
  else
    g_printerr ("xinfang-hall-server: %s\n", error->message);
}

/* Parses the subcommand's options; FALSE (with a message printed) on a usage error. */
static gboolean
parse_options (const char         *command,
               const char         *summary,
               const GOptionEntry *entries,
               int                *argc,
               char             ***argv)
{
  g_autofree char *parameter = g_strdup_printf ("%s — %s", command, summary);
  g_autoptr (GOptionContext) context = g_option_context_new (parameter);
  g_autoptr (GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, database_entry, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("xinfang-hall-server %s: %s\n", command, error->message);
      return FALSE;
    }
  if (*argc > 1)
    {
      g_printerr (_ ("xinfang-hall-server %s: unexpected argument “%s”. See --help.\n"), command,
                  (*argv)[1]);
      return FALSE;
    }
  if (opt_database == NULL)
    {
      g_printerr (_ ("xinfang-hall-server %s: say which database with --database PATH.\n"),
                  command);
      return FALSE;
    }
  return TRUE;
}

/* The engine for an existing database: backup and check must not create an empty hall. */
static HallEngine *
open_existing (GError **error)
{
  if (!g_file_test (opt_database, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT,
                   _ ("There is no hall database at “%s”."), opt_database);
      return NULL;
    }
  return hall_engine_new (opt_database, error);
}

/* ---- serve -------------------------------------------------------------------------------- */

/* Announced under the hall's name, the hall setting, as the join page lists it. */
static HallAnnounce *
announce (HallEngine *engine,
          guint16     port,
          const char *fingerprint)
{
  g_autoptr (JsonObject) info = hall_engine_call_system (engine, "hall.info", NULL, NULL);

  return hall_announce_new (
      info ? json_object_get_string_member_with_default (info, "hall_name", NULL) : NULL, port,
      fingerprint);
}

static void
shutdown_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Serve *serve = user_data;

  hall_server_shutdown_finish (HALL_SERVER (object), result, NULL);
  g_main_loop_quit (serve->loop);
}

static gboolean
signal_cb (gpointer user_data)
{
  Serve *serve = user_data;

  if (!serve->stopping)
    {
      serve->stopping = TRUE;
      /* Withdrawn first: the join page must not offer a hall that is stopping. */
      g_clear_object (&serve->announcement);
      g_message ("Stopping: no new requests; finishing the ones under way");
      hall_server_shutdown_async (serve->server, NULL, shutdown_done_cb, serve);
    }
  return G_SOURCE_CONTINUE;
}

static int
cmd_serve (int    argc,
           char **argv)
{
  g_autofree char   *opt_listen = NULL;
  gboolean           opt_plain = FALSE;
  gboolean           opt_no_announce = FALSE;
  const GOptionEntry entries[] = {
    { "listen", 'l', 0, G_OPTION_ARG_STRING, &opt_listen,
      N_ ("Address and port to listen on (default 0.0.0.0:8443; port 0 picks a free one)"),
      N_ ("HOST:PORT") },
    { "plain", 0, 0, G_OPTION_ARG_NONE, &opt_plain,
      N_ ("Serve plain HTTP instead of HTTPS (loopback addresses only)"), NULL },
    { "no-announce", 0, 0, G_OPTION_ARG_NONE, &opt_no_announce,
      N_ ("Do not announce the hall on the LAN (DNS-SD through avahi-daemon)"), NULL },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GSocketAddress) address = NULL;
  g_autoptr (HallEngine) engine = NULL;
  g_autoptr (HallServer) server = NULL;
  g_autoptr (GTlsCertificate) certificate = NULL;
  g_autoptr (GMainLoop) loop = NULL;
  g_autoptr (HallScheduler) scheduler = NULL;
  g_autoptr (HallScheduler) supervision = NULL;
  g_autofree char *fingerprint = NULL;
  g_autofree char *url = NULL;
  guint            sigterm, sigint;
  Serve            serve = { 0 };
  int              lock;

  if (!parse_options ("serve", _ ("serve the hall on the network"), entries, &argc, &argv))
    return 2;

  address = hall_server_parse_address (opt_listen ? opt_listen : DEFAULT_LISTEN, &error);
  if (address == NULL)
    {
      print_error (error);
      return 2;
    }
  if (opt_plain
      && !g_inet_address_get_is_loopback (
          g_inet_socket_address_get_address (G_INET_SOCKET_ADDRESS (address))))
    {
      g_printerr (_ (
          "xinfang-hall-server: --plain is only allowed on a loopback address (127.0.0.1 or ::1): "
          "elsewhere passwords and personal data would cross the network unencrypted. Leave out "
          "--plain to serve HTTPS.\n"));
      return 2;
    }

  /* Kept until the process ends: `restore` must not replace the file under a running hall. */
  lock = hall_restore_lock (opt_database, &error);
  if (lock < 0)
    {
      print_error (error);
      return 1;
    }
  engine = hall_engine_new (opt_database, &error);
  if (engine == NULL)
    {
      print_error (error);
      close (lock);
      return 1;
    }

  server = hall_server_new (engine);

  if (!opt_plain)
    {
      g_autofree char *tls_dir = hall_tls_dir_for_database (opt_database);
      gboolean         created = FALSE;

      certificate = hall_tls_load_or_create (tls_dir, &created, &error);
      if (certificate == NULL)
        {
          print_error (error);
          hall_engine_shutdown (engine);
          return 1;
        }
      if (created)
        g_message ("Made a new self-signed certificate in %s", tls_dir);
      fingerprint = hall_tls_fingerprint (certificate);
      hall_server_set_tls_certificate (server, certificate);
      /* Clients show this on first connection; compare it with what they show. */
      g_print ("Certificate fingerprint (SHA-256): %s\n", fingerprint);
      g_message ("Certificate fingerprint (SHA-256): %s", fingerprint);
    }

  if (!hall_server_listen (server, address, &error))
    {
      print_error (error);
      hall_engine_shutdown (engine);
      return 1;
    }

  url = hall_server_get_url (server);
  g_print ("Listening on %s\n", url);
  g_message ("Serving %s on %s", opt_database, url);

  /* A plain server answers on loopback only: nothing to find on the LAN. */
  if (fingerprint != NULL && !opt_no_announce)
    serve.announcement = announce (engine, hall_server_get_port (server), fingerprint);

  scheduler = hall_scheduler_new_backup (engine);
  supervision = hall_scheduler_new_supervision (engine);
  loop = g_main_loop_new (NULL, FALSE);
  serve.loop = loop;
  serve.server = server;
  sigterm = g_unix_signal_add (SIGTERM, signal_cb, &serve);
  sigint = g_unix_signal_add (SIGINT, signal_cb, &serve);

  g_main_loop_run (loop);

  g_source_remove (sigterm);
  g_source_remove (sigint);
  g_clear_object (&serve.announcement);
  /* Let the engine finish what it was given, then close the database. */
  g_clear_object (&scheduler);
  g_clear_object (&supervision);
  hall_engine_shutdown (engine);
  close (lock);
  g_message ("Stopped");
  return 0;
}

/* ---- add-user ----------------------------------------------------------------------------- */

static char *
read_password (GError **error)
{
  gboolean       tty = isatty (STDIN_FILENO);
  struct termios saved, quiet;
  gboolean       echo_off = FALSE;
  char           buffer[MAX_PASSWORD_BYTES + 2];
  char          *line;

  if (tty)
    {
      g_printerr ("%s", _ ("Password: "));
      if (tcgetattr (STDIN_FILENO, &saved) == 0)
        {
          quiet = saved;
          quiet.c_lflag &= ~(tcflag_t) ECHO;
          echo_off = tcsetattr (STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }

  line = fgets (buffer, sizeof buffer, stdin);

  if (echo_off)
    {
      tcsetattr (STDIN_FILENO, TCSAFLUSH, &saved);
      g_printerr ("\n");
    }

  if (line == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _ ("Give the password on standard input."));
      return NULL;
    }
  if (strlen (line) > MAX_PASSWORD_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _ ("The password is too long."));
      return NULL;
    }
  line[strcspn (line, "\r\n")] = '\0';
  line = g_strdup (line);
  memset (buffer, 0, sizeof buffer);
  return line;
}

static int
cmd_add_user (int    argc,
              char **argv)
{
  g_autofree char *opt_username = NULL;
  g_autofree char *opt_department = NULL;
  g_autofree char *opt_display_name = NULL;
  g_auto (GStrv) opt_roles = NULL;
  const GOptionEntry entries[] = {
    { "username", 'u', 0, G_OPTION_ARG_STRING, &opt_username,
      N_ ("Sign-in name of the new account"), N_ ("USER") },
    { "role", 'r', 0, G_OPTION_ARG_STRING_ARRAY, &opt_roles,
      N_ ("staff, manager, leader, admin, display or kiosk; repeat or separate with commas"),
      N_ ("ROLE") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &opt_department,
      N_ ("Department code, e.g. chengjian"), N_ ("CODE") },
    { "display-name", 'n', 0, G_OPTION_ARG_STRING, &opt_display_name, N_ ("Name shown in the app"),
      N_ ("NAME") },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (HallEngine) engine = NULL;
  g_autoptr (JsonObject) params = json_object_new ();
  g_autoptr (JsonObject) result = NULL;
  g_autofree char *password = NULL;
  g_autoptr (GString) shown_roles = g_string_new (NULL);
  JsonArray *roles = json_array_new ();

  json_object_set_array_member (params, "roles", roles);
  if (!parse_options ("add-user", _ ("create an account; the password is read from standard input"),
                      entries, &argc, &argv))
    return 2;
  if (opt_username == NULL || opt_roles == NULL)
    {
      g_printerr (_ ("xinfang-hall-server add-user: give --username and at least one --role.\n"));
      return 2;
    }

  for (guint i = 0; opt_roles[i] != NULL; i++)
    {
      g_auto (GStrv) parts = g_strsplit (opt_roles[i], ",", -1);

      for (guint j = 0; parts[j] != NULL; j++)
        {
          g_strstrip (parts[j]);
          if (*parts[j] == '\0')
            continue;
          json_array_add_string_element (roles, parts[j]);
          g_string_append_printf (shown_roles, "%s%s", shown_roles->len ? ", " : "", parts[j]);
        }
    }

  password = read_password (&error);
  if (password == NULL)
    {
      print_error (error);
      return 2;
    }

  json_object_set_string_member (params, "username", opt_username);
  json_object_set_string_member (params, "password", password);
  if (opt_department != NULL)
    json_object_set_string_member (params, "department", opt_department);
  if (opt_display_name != NULL)
    json_object_set_string_member (params, "display_name", opt_display_name);

  engine = hall_engine_new (opt_database, &error);
  if (engine == NULL)
    {
      print_error (error);
      return 1;
    }
  result = hall_engine_call_system (engine, "user.create", params, &error);
  memset (password, 0, strlen (password));
  hall_engine_shutdown (engine);
  if (result == NULL)
    {
      print_error (error);
      return 1;
    }

  g_print (_ ("Created the account “%s” (%s).\n"), opt_username, shown_roles->str);
  return 0;
}

/* ---- backup and check --------------------------------------------------------------------- */

static int
cmd_backup (int    argc,
            char **argv)
{
  g_autofree char   *opt_to = NULL;
  const GOptionEntry entries[] = {
    { "to", 't', 0, G_OPTION_ARG_FILENAME, &opt_to, N_ ("Where to write the copy"), N_ ("FILE") },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (HallEngine) engine = NULL;
  g_autoptr (JsonObject) params = json_object_new ();
  g_autoptr (JsonObject) result = NULL;

  if (!parse_options ("backup", _ ("copy the database while the hall keeps working"), entries,
                      &argc, &argv))
    return 2;
  if (opt_to == NULL)
    {
      g_printerr (_ ("xinfang-hall-server backup: say where with --to FILE.\n"));
      return 2;
    }

  engine = open_existing (&error);
  if (engine == NULL)
    {
      print_error (error);
      return 1;
    }
  json_object_set_string_member (params, "to", opt_to);
  result = hall_engine_call_system (engine, "hall.backup", params, &error);
  hall_engine_shutdown (engine);
  if (result == NULL)
    {
      print_error (error);
      return 1;
    }

  g_print (_ ("Backed up to %s (%lld bytes).\n"), json_object_get_string_member (result, "path"),
           (long long) json_object_get_int_member (result, "size"));
  return 0;
}

static int
cmd_check (int    argc,
           char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (HallEngine) engine = NULL;
  g_autoptr (JsonObject) result = NULL;
  gboolean ok;

  if (!parse_options ("check", _ ("check the database's integrity and foreign keys"), NULL, &argc,
                      &argv))
    return 2;

  engine = open_existing (&error);
  if (engine == NULL)
    {
      print_error (error);
      return 1;
    }
  result = hall_engine_call_system (engine, "hall.check", NULL, &error);
  hall_engine_shutdown (engine);
  if (result == NULL)
    {
      print_error (error);
      return 1;
    }

  ok = json_object_get_boolean_member (result, "ok");
  g_print ("%s", json_object_get_string_member (result, "report"));
  g_print ("%s\n", ok ? _ ("The database is sound.")
                      : _ ("The database has problems: restore the latest backup."));
  return ok ? 0 : 1;
}

/* ---- restore ------------------------------------------------------------------------------ */

static int
cmd_restore (int    argc,
             char **argv)
{
  g_autofree char   *opt_from = NULL;
  const GOptionEntry entries[] = {
    { "from", 'f', 0, G_OPTION_ARG_FILENAME, &opt_from, N_ ("The backup to put back"),
      N_ ("FILE") },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *undo = NULL;
  int              lock;
  gboolean         ok;

  if (!parse_options ("restore",
                      _ ("put a backup back in place of the database; the hall goes back to the "
                         "moment of the backup"),
                      entries, &argc, &argv))
    return 2;
  if (opt_from == NULL)
    {
      g_printerr (_ ("xinfang-hall-server restore: say which backup with --from FILE.\n"));
      return 2;
    }

  lock = hall_restore_lock (opt_database, &error);
  if (lock < 0)
    {
      print_error (error);
      return 1;
    }
  ok = hall_restore_database (opt_database, opt_from, g_get_real_time () / G_USEC_PER_SEC, &undo,
                              &error);
  close (lock);
  if (!ok)
    {
      print_error (error);
      return 1;
    }

  g_print (_ ("Restored the hall from %s. The hall as it was is kept in %s.\n"), opt_from, undo);
  return 0;
}

/* ---- export ------------------------------------------------------------------------------- */

static JsonObject *
export_call_cb (const char *command,
                JsonObject *params,
                gpointer    data,
                GError    **error)
{
  return hall_engine_call_system (data, command, params, error);
}

static void
export_list (FILE *out)
{
  const char *const *names = hall_export_names ();

  fprintf (out, "%s", _ ("What can be exported:\n"));
  for (guint i = 0; names[i] != NULL; i++)
    fprintf (out, "  %-12s %s\n", names[i], hall_export_title (names[i]));
}

static gboolean
check_date (const char *date)
{
  guint y, m, d;

  return date != NULL && strlen (date) == 10 && sscanf (date, "%4u-%2u-%2u", &y, &m, &d) == 3
         && g_date_valid_dmy (d, m, y);
}

static int
cmd_export (int    argc,
            char **argv)
{
  g_autofree char   *opt_from = NULL;
  g_autofree char   *opt_to = NULL;
  g_autofree char   *opt_format = NULL;
  g_autofree char   *opt_output = NULL;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &opt_from, N_ ("The first day (YYYY-MM-DD)"),
      N_ ("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to, N_ ("The last day (YYYY-MM-DD)"), N_ ("DATE") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &opt_format, N_ ("xlsx or pdf"), N_ ("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_ ("The file to write"),
      N_ ("FILE") },
    { NULL }
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (HallEngine) engine = NULL;
  g_autoptr (JsonObject) info = NULL;
  g_autofree char *ledger = NULL;
  HallExportFormat format;

  /* The ledger is the first word after "export"; --help lists them all. */
  if (argc > 1 && argv[1][0] != '-')
    {
      ledger = g_strdup (argv[1]);
      memmove (&argv[1], &argv[2], (argc - 2) * sizeof *argv);
      argc--;
    }
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
      {
        g_print ("%s", _ ("Usage:\n  xinfang-hall-server export LEDGER --database PATH --from DATE "
                          "--to DATE --format xlsx|pdf --output FILE\n\n"));
        export_list (stdout);
        g_print ("\n");
        break;
      }
  if (!parse_options ("export", _ ("write the statistics or a ledger to an XLSX or PDF file"),
                      entries, &argc, &argv))
    return 2;
  if (ledger == NULL || hall_export_title (ledger) == NULL)
    {
      if (ledger != NULL)
        g_printerr (_ ("xinfang-hall-server export: there is no ledger “%s”.\n"), ledger);
      else
        g_printerr (_ ("xinfang-hall-server export: say which ledger.\n"));
      export_list (stderr);
      return 2;
    }
  if (!check_date (opt_from) || !check_date (opt_to) || strcmp (opt_from, opt_to) > 0)
    {
      g_printerr (_ ("xinfang-hall-server export: give the period as --from DATE --to DATE "
                     "(YYYY-MM-DD, in order).\n"));
      return 2;
    }
  if (g_strcmp0 (opt_format, "xlsx") == 0)
    format = HALL_EXPORT_XLSX;
  else if (g_strcmp0 (opt_format, "pdf") == 0)
    format = HALL_EXPORT_PDF;
  else
    {
      g_printerr (_ ("xinfang-hall-server export: --format is xlsx or pdf.\n"));
      return 2;
    }
  if (opt_output == NULL)
    {
      g_printerr (_ ("xinfang-hall-server export: say where with --output FILE.\n"));
      return 2;
    }

  engine = open_existing (&error);
  if (engine != NULL)
    info = hall_engine_call_system (engine, "hall.info", NULL, &error);
  if (info == NULL
      || !hall_export_write (ledger, opt_from, opt_to, NULL, format,
                             json_object_get_string_member_with_default (info, "hall_name", ""),
                             opt_output, export_call_cb, engine, &error))
    {
      if (engine != NULL)
        hall_engine_shutdown (engine);
      print_error (error);
      return 1;
    }
  hall_engine_shutdown (engine);
  g_print (_ ("Wrote %s to %s.\n"), hall_export_title (ledger), opt_output);
  return 0;
}

/* ---- main --------------------------------------------------------------------------------- */

static void
usage (FILE *out)
{
  fprintf (out, "%s",
           _ ("Usage:\n"
              "  xinfang-hall-server serve --database PATH [--listen HOST:PORT] [--plain] "
              "[--no-announce]\n"
              "  xinfang-hall-server add-user --database PATH --username USER --role ROLE [--role "
              "ROLE…]\n"
              "                      [--department CODE] [--display-name NAME]   (password on "
              "standard input)\n"
              "  xinfang-hall-server backup --database PATH --to FILE\n"
              "  xinfang-hall-server check --database PATH\n"
              "  xinfang-hall-server restore --database PATH --from FILE   (with the server "
              "stopped)\n"

              "\n"
              "serve listens on 0.0.0.0:8443 with HTTPS by default, using a self-signed "
              "certificate kept in\n"
              "PATH.tls/. --plain serves HTTP and is allowed on 127.0.0.1 or ::1 only.\n"
              "An HTTPS server announces itself on the LAN (_xinfang-hall._tcp, through "
              "avahi-daemon)\nunless given --no-announce.\n"
              "Run “xinfang-hall-server COMMAND --help” for each command's options.\n"));
  fprintf (out, "%s",
           _ ("\nThe statistics and the ledgers, as XLSX or PDF files (“export --help” lists "
              "them):\n  xinfang-hall-server export LEDGER --database PATH --from DATE --to DATE "
              "--format xlsx|pdf --output FILE\n"));
}

int
main (int    argc,
      char **argv)
{
  const char *command;
  int         status;

  setlocale (LC_ALL, "");
  /* As the app does: the build tree's translations for a run from the build tree. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("XINFANG_HALL_LOCALEDIR") != NULL
                                       ? g_getenv ("XINFANG_HALL_LOCALEDIR")
                                       : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("xinfang-hall-server");
  /* Tests and supervisors read "Listening on …" from a file or pipe as soon as it is printed. */
  setvbuf (stdout, NULL, _IOLBF, 0);

  if (argc < 2)
    {
      usage (stderr);
      return 2;
    }

  command = argv[1];
  /* The subcommand's own options start after its name. */
  argv[1] = argv[0];

  if (g_str_equal (command, "serve"))
    status = cmd_serve (argc - 1, argv + 1);
  else if (g_str_equal (command, "add-user"))
    status = cmd_add_user (argc - 1, argv + 1);
  else if (g_str_equal (command, "backup"))
    status = cmd_backup (argc - 1, argv + 1);
  else if (g_str_equal (command, "check"))
    status = cmd_check (argc - 1, argv + 1);
  else if (g_str_equal (command, "restore"))
    status = cmd_restore (argc - 1, argv + 1);
  else if (g_str_equal (command, "export"))
    status = cmd_export (argc - 1, argv + 1);
  else if (g_str_equal (command, "--help") || g_str_equal (command, "-h")
           || g_str_equal (command, "help"))
    {
      usage (stdout);
      status = 0;
    }
  else if (g_str_equal (command, "--version"))
    {
      g_print ("xinfang-hall-server %s\n", PACKAGE_VERSION);
      status = 0;
    }
  else
    {
      g_printerr (_ ("xinfang-hall-server: unknown command “%s”.\n"), command);
      usage (stderr);
      status = 2;
    }

  g_free (opt_database);
  return status;
}
