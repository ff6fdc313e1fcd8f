/* hall-test-util.c — a real hall in a temporary folder, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-test"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>
#include <sqlite3.h>

#include "hall-search-tokenizer.h"
#include "hall-test-util.h"

JsonObject *
hall_test_parse_object (const char *json)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonNode) node = json_from_string (json, &error);

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

void
hall_test_rm_rf (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        hall_test_rm_rf (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

char *
hall_test_spawn (const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  int              status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

/* Prints each row of the first sheet as its cells joined by tabs. */
static const char xlsx_script[] =
    "import sys, openpyxl\n"
    "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
    "for row in ws.iter_rows(values_only=True):\n"
    "    print('\\t'.join('' if v is None else str(v) for v in row))\n";

char *
hall_test_xlsx_rows (const char *path)
{
  const char *argv[] = { "/usr/bin/python3", "-c", xlsx_script, path, NULL };

  return hall_test_run (argv, NULL, NULL);
}

void
hall_test_assert_has (const char *text,
                      const char *what)
{
  if (strstr (text, what) == NULL)
    g_error ("“%s” not in:\n%s", what, text);
}

char *
hall_test_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", path, "-", NULL };

  return hall_test_run (argv, NULL, NULL);
}

char *
hall_test_squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

char *
hall_test_pdf_squeezed_text (const char *pdf)
{
  g_autofree char *text =
      hall_test_spawn ((const char *const[]){ "pdftotext", "-enc", "UTF-8", pdf, "-", NULL });

  return hall_test_squeeze (text);
}

char *
hall_test_pdf_qr (const char *pdf)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hall-qr-XXXXXX", &error);
  g_autofree char *root = g_build_filename (dir, "page", NULL);
  g_autofree char *png = g_build_filename (dir, "page-1.png", NULL);
  char            *text;

  g_assert_no_error (error);
  g_free (hall_test_spawn ((const char *const[]){ "pdftoppm", "-png", "-r", "300", "-f", "1", "-l",
                                                  "1", pdf, root, NULL }));
  text = hall_test_spawn ((const char *const[]){ "zbarimg", "-q", "--raw", png, NULL });
  hall_test_rm_rf (dir);
  return g_strchomp (text);
}

HallTestHall *
hall_test_hall_new (void)
{
  g_autoptr (GError) error = NULL;
  HallTestHall *hall = g_new0 (HallTestHall, 1);

  hall->dir = g_dir_make_tmp ("hall-test-XXXXXX", &error);
  g_assert_no_error (error);
  hall->path = g_build_filename (hall->dir, "hall.db", NULL);
  hall->engine = hall_engine_new (hall->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (hall->engine);
  return hall;
}

void
hall_test_hall_free (HallTestHall *hall)
{
  if (hall == NULL)
    return;
  if (hall->engine)
    {
      hall_engine_shutdown (hall->engine);
      /* Deliver events still queued for this context before the engine goes. */
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_assert_finalize_object (hall->engine);
    }
  hall_test_rm_rf (hall->dir);
  g_free (hall->dir);
  g_free (hall->path);
  g_free (hall);
}

JsonObject *
hall_test_login_params (const char *username,
                        const char *password,
                        const char *role,
                        gint64      counter_id)
{
  JsonObject *params = json_object_new ();

  json_object_set_string_member (params, "username", username);
  json_object_set_string_member (params, "password", password);
  if (role != NULL)
    json_object_set_string_member (params, "role", role);
  if (counter_id != 0)
    json_object_set_int_member (params, "counter_id", counter_id);
  return params;
}

char *
hall_test_login (HallTestHall *hall,
                 const char   *username,
                 const char   *role,
                 gint64        counter_id)
{
  return hall_test_login_with_password (hall, username, "password123", role, counter_id);
}

char *
hall_test_login_with_password (HallTestHall *hall,
                               const char   *username,
                               const char   *password,
                               const char   *role,
                               gint64        counter_id)
{
  g_autoptr (JsonObject) params = hall_test_login_params (username, password, role, counter_id);
  g_autoptr (JsonObject) result = NULL;
  g_autoptr (GError) error = NULL;

  result = hall_engine_call_sync (hall->engine, NULL, "session.login", params, "127.0.0.1", &error);
  g_assert_no_error (error);
  return g_strdup (json_object_get_string_member (result, "token"));
}

char *
hall_test_add_user (HallTestHall *hall,
                    const char   *username,
                    const char   *roles,
                    const char   *department,
                    gint64        counter_id)
{
  g_autoptr (JsonObject) params = json_object_new ();
  g_autoptr (JsonObject) result = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) role_list = g_strsplit (roles, ",", -1);
  JsonArray *array = json_array_new ();

  for (guint i = 0; role_list[i]; i++)
    json_array_add_string_element (array, role_list[i]);
  json_object_set_string_member (params, "username", username);
  json_object_set_string_member (params, "display_name", username);
  json_object_set_string_member (params, "password", "password123");
  json_object_set_array_member (params, "roles", array);
  if (department)
    json_object_set_string_member (params, "department", department);
  result = hall_engine_call_system (hall->engine, "user.create", params, &error);
  g_assert_no_error (error);

  return hall_test_login (hall, username, role_list[0], counter_id);
}

static JsonObject *call_va (HallTestHall *hall,
                            const char   *token,
                            const char   *command,
                            GError      **error,
                            const char   *json_format,
                            va_list       args) G_GNUC_PRINTF (5, 0);

static JsonObject *
call_va (HallTestHall *hall,
         const char   *token,
         const char   *command,
         GError      **error,
         const char   *json_format,
         va_list       args)
{
  g_autofree char *json = g_strdup_vprintf (json_format ? json_format : "{}", args);
  g_autoptr (JsonObject) params = hall_test_parse_object (json);

  return hall_engine_call_sync (hall->engine, token, command, params, "127.0.0.1", error);
}

JsonObject *
hall_test_ok (HallTestHall *hall,
              const char   *token,
              const char   *command,
              const char   *json_format,
              ...)
{
  g_autoptr (GError) error = NULL;
  JsonObject *result;
  va_list     args;

  va_start (args, json_format);
  result = call_va (hall, token, command, &error, json_format, args);
  va_end (args);
  if (error)
    g_error ("%s failed: %s (field %s)", command, error->message,
             hall_error_get_field (error) ? hall_error_get_field (error) : "-");
  g_assert_nonnull (result);
  return result;
}

void
hall_test_fails (HallTestHall *hall,
                 const char   *token,
                 const char   *command,
                 HallErrorCode code,
                 const char   *field,
                 const char   *json_format,
                 ...)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) result = NULL;
  va_list args;

  va_start (args, json_format);
  result = call_va (hall, token, command, &error, json_format, args);
  va_end (args);
  if (error == NULL)
    g_error ("%s succeeded, expected %s", command, hall_error_code_to_string (code));
  if (!g_error_matches (error, HALL_ERROR, code))
    g_error ("%s failed with “%s” (%s), expected %s", command, error->message,
             error->domain == HALL_ERROR ? hall_error_code_to_string (error->code) : "other",
             hall_error_code_to_string (code));
  if (field)
    g_assert_cmpstr (hall_error_get_field (error), ==, field);
  g_assert_cmpstr (error->message, !=, "");
}

gint64
hall_test_time (const char *local)
{
  g_autoptr (GTimeZone) tz = g_time_zone_new_local ();
  int y, mo, d, h = 0, mi = 0;
  g_autoptr (GDateTime) dt = NULL;

  g_assert_cmpint (sscanf (local, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi), >=, 3);
  dt = g_date_time_new (tz, y, mo, d, h, mi, 0);
  return g_date_time_to_unix (dt);
}

void
hall_test_set_now (HallTestHall *hall,
                   const char   *local)
{
  hall_engine_set_now (hall->engine, hall_test_time (local));
}

gint64
hall_test_user_id (HallTestHall *hall,
                   const char   *token)
{
  g_autoptr (JsonObject) who = hall_test_ok (hall, token, "session.whoami", NULL);

  return json_object_get_int_member (json_object_get_object_member (who, "user"), "id");
}

gint64
hall_test_register_visit (HallTestHall *hall,
                          const char   *token,
                          gint64        ticket_id,
                          const char   *received_date)
{
  g_autoptr (JsonObject) r = NULL;
  g_autofree char *ticket =
      ticket_id ? g_strdup_printf (",\"ticket_id\":%" G_GINT64_FORMAT, ticket_id) : g_strdup ("");
  g_autofree char *received = received_date
                                  ? g_strdup_printf (",\"received_date\":\"%s\"", received_date)
                                  : g_strdup ("");

  r = hall_test_ok (hall, token, "matter.register",
                    "{\"channel\":\"visit\",\"type\":\"claim\",\"category_id\":3,"
                    "\"content\":\"小区物业长期不维修电梯，多次反映未解决\"%s%s,"
                    "\"petitioners\":[{\"name\":\"王小明\",\"id_number\":\"431228198001151236\","
                    "\"phone\":\"13800138000\",\"sex\":\"male\",\"address\":\"城关镇幸福路8号\"}]}",
                    ticket, received);
  return json_object_get_int_member (json_object_get_object_member (r, "matter"), "id");
}

JsonObject *
hall_test_find_timeline (JsonObject *matter_result,
                         const char *kind)
{
  JsonArray *timeline = json_object_get_array_member (matter_result, "timeline");

  for (guint i = 0; i < json_array_get_length (timeline); i++)
    {
      JsonObject *entry = json_array_get_object_element (timeline, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "kind"), kind) == 0)
        return entry;
    }
  return NULL;
}

guint
hall_test_count_timeline (JsonObject *matter_result,
                          const char *kind)
{
  JsonArray *timeline = json_object_get_array_member (matter_result, "timeline");
  guint      n = 0;

  for (guint i = 0; i < json_array_get_length (timeline); i++)
    {
      JsonObject *entry = json_array_get_object_element (timeline, i);

      if (g_strcmp0 (json_object_get_string_member (entry, "kind"), kind) == 0)
        n++;
    }
  return n;
}

void
hall_test_exec_sql (HallTestHall *hall,
                    const char   *sql)
{
  g_autoptr (GError) error = NULL;
  sqlite3 *db = NULL;
  char    *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (hall->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  /* The matter tables' triggers keep the search index, which needs the hall's tokenizer. */
  g_assert_true (hall_search_register_tokenizer (db, &error));
  g_assert_no_error (error);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s", message);
  sqlite3_close (db);
}

static void
record_event_cb (GObject    *emitter,
                 JsonObject *event,
                 GPtrArray  *events)
{
  g_ptr_array_add (events, json_object_ref (event));
}

GPtrArray *
hall_test_record_events (gpointer emitter)
{
  GPtrArray *events = g_ptr_array_new_with_free_func ((GDestroyNotify) json_object_unref);

  g_signal_connect (emitter, "event", G_CALLBACK (record_event_cb), events);
  return events;
}

void
hall_test_stop_recording (gpointer   emitter,
                          GPtrArray *events)
{
  g_signal_handlers_disconnect_by_data (emitter, events);
  g_ptr_array_unref (events);
}

char *
hall_test_run (const char *const *argv,
               char             **err,
               int               *exit_status)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  int   status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL,
                               G_SPAWN_SEARCH_PATH | (err == NULL ? G_SPAWN_STDERR_TO_DEV_NULL : 0),
                               NULL, NULL, &out, err, &status, &error));
  g_assert_no_error (error);
  if (exit_status != NULL)
    *exit_status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  else
    g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

void
hall_test_assert_rate (JsonObject *rates,
                       const char *name,
                       gint64      numerator,
                       gint64      denominator)
{
  JsonObject *r = json_object_get_object_member (rates, name);

  g_assert_nonnull (r);
  g_assert_cmpint (json_object_get_int_member (r, "numerator"), ==, numerator);
  g_assert_cmpint (json_object_get_int_member (r, "denominator"), ==, denominator);
  if (denominator == 0)
    g_assert_true (json_object_get_null_member (r, "rate"));
  else
    g_assert_cmpfloat_with_epsilon (json_object_get_double_member (r, "rate"),
                                    (double) numerator / denominator, 1e-9);
}

static void
race_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  HallTestRace *race = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) r = hall_engine_call_finish (HALL_ENGINE (source), result, &error);

  if (r != NULL)
    race->ok++;
  else
    {
      g_assert_error (error, HALL_ERROR, HALL_ERROR_CONFLICT);
      if (race->field != NULL)
        g_assert_cmpstr (hall_error_get_field (error), ==, race->field);
      race->conflicts++;
    }
  race->pending--;
}

void
hall_test_race_call (HallTestHall *hall,
                     HallTestRace *race,
                     const char   *token,
                     const char   *command,
                     const char   *json_format,
                     ...)
{
  g_autofree char *json = NULL;
  g_autoptr (JsonObject) params = NULL;
  va_list args;

  va_start (args, json_format);
  json = g_strdup_vprintf (json_format, args);
  va_end (args);
  params = hall_test_parse_object (json);
  race->pending++;
  hall_engine_call_async (hall->engine, token, command, params, "127.0.0.1", NULL, race_cb, race);
}

void
hall_test_race_wait (HallTestRace *race)
{
  while (race->pending > 0)
    g_main_context_iteration (NULL, TRUE);
}
