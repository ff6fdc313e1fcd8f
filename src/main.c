/* main.c — xinfang-hall, the desktop app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "xinfang-hall"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "hall-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (HallApplication) app = NULL;
  const char *localedir = g_getenv ("XINFANG_HALL_LOCALEDIR");

  /* build-aux/hall run points XINFANG_HALL_LOCALEDIR at the build tree's translations. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_application_name (_ ("Xinfang Hall"));
  app = hall_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
