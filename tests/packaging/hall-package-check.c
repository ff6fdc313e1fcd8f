/* hall-package-check.c — the Debian packages, unpacked: their server answers and their app opens
 * its window
 *
 *   hall-package-check ROOT [GTest options]
 *
 * ROOT is a folder that xinfang-hall_*.deb and xinfang-hall-server_*.deb were unpacked into
 * (dpkg -x), with the schemas compiled as the package's trigger would; tests/check-packages.sh
 * builds the packages and runs this. Nothing of the build tree is used: the server is
 * ROOT/usr/bin/xinfang-hall-server, the app ROOT/usr/bin/xinfang-hall with its schema, help and
 * translations from ROOT/usr/share. The app's window is found on the X display by its
 * _NET_WM_PID, and counts as shown once it is mapped and painted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <locale.h>
#include <signal.h>

#include "hall-test-server.h"
#include "hall-test-util.h"

/* A painted welcome page has text, an icon and buttons: far more colours than this. */
#define MIN_COLOURS 16

typedef struct
{
  Window   window;
  char    *title;
  int      width;
  int      height;
  guint    colours;
  gboolean exited;
} AppWindow;

static const char *root;

static char *
root_path (const char *first,
           ...)
{
  va_list args;
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  const char *part;

  g_ptr_array_add (parts, (gpointer) root);
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

/* ---- the server ---------------------------------------------------------------------------- */

static void
test_server (void)
{
  g_autofree char *exe = root_path ("usr", "bin", "xinfang-hall-server", NULL);
  g_autoptr (HallTestServer) server = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autofree char *body = NULL;
  g_autofree char *token = NULL;
  g_autofree char *log = NULL;
  JsonObject      *health;
  guint            status = 0;

  g_assert_true (g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE));
  /* hall-test-server.c starts $HALL_SERVER_EXE: `serve` on 127.0.0.1, a free port, HTTPS with a
   * new self-signed certificate beside a new database, and waits for its health to answer. */
  g_setenv ("HALL_SERVER_EXE", exe, TRUE);
  server = hall_test_server_new (HALL_TEST_SERVER_TLS);
  g_assert_true (g_str_has_prefix (server->url, "https://127.0.0.1:"));
  g_test_message ("packaged server at %s, certificate %s", server->url, server->fingerprint);

  body = hall_test_server_request (server, "GET", "/api/v1/health", NULL, NULL, 0, &status);
  g_assert_cmpuint (status, ==, 200);
  g_assert_true (json_parser_load_from_data (parser, body, -1, NULL));
  health = json_node_get_object (json_parser_get_root (parser));
  g_assert_true (json_object_get_boolean_member (health, "ok"));
  g_assert_cmpint (json_object_get_int_member (health, "api_version"), ==, 1);
  g_assert_true (json_object_get_boolean_member (health, "tls"));
  g_assert_cmpstr (json_object_get_string_member (health, "version"), ==, PACKAGE_VERSION);

  /* The README's first administrator: `add-user` against the database, then a sign-in. */
  token = hall_test_server_add_user_login (server, "admin", "admin", NULL, 0);
  g_assert_nonnull (token);

  g_assert_cmpint (hall_test_server_stop (server), ==, 0);
  log = hall_test_server_read_log (server);
  g_assert_nonnull (strstr (log, "Stopped"));
}

/* ---- the app ------------------------------------------------------------------------------- */

static gboolean
window_has_pid (Display *display,
                Window   window,
                GPid     pid)
{
  Atom           net_wm_pid = XInternAtom (display, "_NET_WM_PID", False);
  Atom           type;
  int            format;
  unsigned long  n, after;
  unsigned char *data = NULL;
  gboolean       match = FALSE;

  if (XGetWindowProperty (display, window, net_wm_pid, 0, 1, False, XA_CARDINAL, &type, &format,
                          &n, &after, &data)
          == Success
      && data != NULL && format == 32 && n == 1)
    match = *(unsigned long *) data == (unsigned long) pid;
  if (data != NULL)
    XFree (data);
  return match;
}

static char *
window_title (Display *display,
              Window   window)
{
  Atom           net_wm_name = XInternAtom (display, "_NET_WM_NAME", False);
  Atom           utf8 = XInternAtom (display, "UTF8_STRING", False);
  Atom           type;
  int            format;
  unsigned long  n, after;
  unsigned char *data = NULL;
  char          *title = NULL;

  if (XGetWindowProperty (display, window, net_wm_name, 0, 1024, False, utf8, &type, &format, &n,
                          &after, &data)
          == Success
      && data != NULL && format == 8)
    title = g_strndup ((const char *) data, n);
  if (data != NULL)
    XFree (data);
  return title;
}

/* How many different pixels the window shows, counting up to MIN_COLOURS. */
static guint
window_colours (Display *display,
                Window   window,
                int      width,
                int      height)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  XImage *image = XGetImage (display, window, 0, 0, width, height, AllPlanes, ZPixmap);

  if (image == NULL)
    return 0;
  for (int y = 0; y < height && g_hash_table_size (seen) < MIN_COLOURS; y += 2)
    for (int x = 0; x < width; x += 2)
      g_hash_table_add (seen, GSIZE_TO_POINTER (XGetPixel (image, x, y) + 1));
  XDestroyImage (image);
  return g_hash_table_size (seen);
}

/* The app's mapped top-level window, if it has one yet. */
static gboolean
find_app_window (Display   *display,
                 GPid       pid,
                 AppWindow *found)
{
  Window       root_window, parent, *children = NULL;
  unsigned int n = 0;
  gboolean     ok = FALSE;

  if (!XQueryTree (display, DefaultRootWindow (display), &root_window, &parent, &children, &n))
    return FALSE;
  for (unsigned int i = 0; i < n && !ok; i++)
    {
      XWindowAttributes attributes;

      if (!window_has_pid (display, children[i], pid)
          || !XGetWindowAttributes (display, children[i], &attributes)
          || attributes.map_state != IsViewable)
        continue;
      found->window = children[i];
      found->width = attributes.width;
      found->height = attributes.height;
      g_free (found->title);
      found->title = window_title (display, children[i]);
      found->colours = window_colours (display, children[i], attributes.width, attributes.height);
      ok = found->colours >= MIN_COLOURS;
    }
  if (children != NULL)
    XFree (children);
  return ok;
}

static void
app_exited_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AppWindow *app = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  app->exited = TRUE;
}

/* Asks the window to close, as its close button does (WM_DELETE_WINDOW). */
static void
close_window (Display *display,
              Window   window)
{
  XEvent event = { 0 };

  event.xclient.type = ClientMessage;
  event.xclient.window = window;
  event.xclient.message_type = XInternAtom (display, "WM_PROTOCOLS", False);
  event.xclient.format = 32;
  event.xclient.data.l[0] = (long) XInternAtom (display, "WM_DELETE_WINDOW", False);
  event.xclient.data.l[1] = CurrentTime;
  XSendEvent (display, window, False, NoEventMask, &event);
  XFlush (display);
}

static void
test_app (void)
{
  g_autofree char *exe = root_path ("usr", "bin", "xinfang-hall", NULL);
  g_autofree char *share = root_path ("usr", "share", NULL);
  g_autofree char *schemas = root_path ("usr", "share", "glib-2.0", "schemas", NULL);
  g_autofree char *locale = root_path ("usr", "share", "locale", NULL);
  g_autofree char *compiled = g_build_filename (schemas, "gschemas.compiled", NULL);
  g_autofree char *data_dirs = g_strconcat (share, ":/usr/local/share:/usr/share", NULL);
  g_autofree char *home = g_dir_make_tmp ("hall-package-home-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  g_autofree char *config_home = g_build_filename (home, "config", NULL);
  g_autofree char *cache_home = g_build_filename (home, "cache", NULL);
  g_autoptr (GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) error = NULL;
  locale_t    chinese = newlocale (LC_ALL_MASK, "zh_CN.UTF-8", (locale_t) 0);
  const char *expected = chinese != (locale_t) 0 ? "信访超市" : "Xinfang Hall";
  gint64      deadline = g_get_monotonic_time () + HALL_TEST_SERVER_TIMEOUT * G_USEC_PER_SEC;
  AppWindow   app = { 0 };
  Display    *display;

  if (chinese != (locale_t) 0)
    freelocale (chinese);
  g_assert_true (g_file_test (exe, G_FILE_TEST_IS_EXECUTABLE));
  g_assert_true (g_file_test (compiled, G_FILE_TEST_IS_REGULAR));
  display = XOpenDisplay (NULL);
  if (display == NULL)
    {
      g_test_fail_printf ("no X display (DISPLAY=%s): run under xvfb-run", g_getenv ("DISPLAY"));
      return;
    }

  /* The unpacked tree in place of /usr: its schema, its help and icons, its translations (in
   * Chinese when this machine has the locale, then the title says so). */
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_SCHEMA_DIR", schemas, TRUE);
  g_subprocess_launcher_setenv (launcher, "GSETTINGS_BACKEND", "memory", TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_DIRS", data_dirs, TRUE);
  g_subprocess_launcher_setenv (launcher, "XINFANG_HALL_LOCALEDIR", locale, TRUE);
  g_subprocess_launcher_setenv (launcher, "LANG", chinese ? "zh_CN.UTF-8" : "C.UTF-8", TRUE);
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  g_subprocess_launcher_unsetenv (launcher, "LC_ALL");
  g_subprocess_launcher_setenv (launcher, "HOME", home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", config_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", cache_home, TRUE);
  g_subprocess_launcher_setenv (launcher, "GDK_BACKEND", "x11", TRUE);
  g_subprocess_launcher_setenv (launcher, "GDK_DEBUG", "gl-disable", TRUE);
  g_subprocess_launcher_setenv (launcher, "GSK_RENDERER", "cairo", TRUE);
  g_subprocess_launcher_setenv (launcher, "GTK_A11Y", "none", TRUE);
  /* A warning or a critical on the way to the first window ends the app: the test sees it. */
  g_subprocess_launcher_setenv (launcher, "G_DEBUG", "fatal-warnings", TRUE);
  process = g_subprocess_launcher_spawn (launcher, &error, exe, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_async (process, NULL, app_exited_cb, &app);

  while (!app.exited && g_get_monotonic_time () < deadline)
    {
      if (find_app_window (display, (GPid) atoi (g_subprocess_get_identifier (process)), &app))
        break;
      hall_test_pump (200);
    }
  g_assert_false (app.exited);
  g_assert_true (app.window != None);
  g_test_message ("the packaged app's window: “%s”, %d×%d, at least %u colours", app.title,
                  app.width, app.height, app.colours);
  g_assert_cmpuint (app.colours, >=, MIN_COLOURS);
  g_assert_cmpstr (app.title, ==, expected);
  g_assert_cmpint (app.width, >=, 400);
  g_assert_cmpint (app.height, >=, 300);

  /* Closing the window quits the app, cleanly. */
  close_window (display, app.window);
  deadline = g_get_monotonic_time () + HALL_TEST_SERVER_TIMEOUT * G_USEC_PER_SEC;
  while (!app.exited && g_get_monotonic_time () < deadline)
    hall_test_pump (100);
  if (!app.exited)
    {
      g_subprocess_force_exit (process);
      g_test_fail_printf ("the app did not quit when its window was closed");
    }
  else
    {
      g_assert_true (g_subprocess_get_if_exited (process));
      g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 0);
    }
  /* Let a forced exit be reaped before the process object goes. */
  while (!app.exited)
    hall_test_pump (100);

  g_free (app.title);
  XCloseDisplay (display);
  hall_test_rm_rf (home);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  if (argc != 2)
    {
      g_printerr ("usage: hall-package-check ROOT (the packages unpacked with dpkg -x)\n");
      return 2;
    }
  root = argv[1];

  g_test_add_func ("/packages/server", test_server);
  g_test_add_func ("/packages/app", test_app);
  return g_test_run ();
}
