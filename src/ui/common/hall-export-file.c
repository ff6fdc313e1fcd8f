/* hall-export-file.c — saving an export (统计表, 台账) from a page
 *
 * The file chooser is GtkFileChooserNative (GTK 4.8: no GtkFileDialog); the file is written by
 * hall_export_write() in a GTask thread, so a long ledger does not stop the window.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-export-file"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-export-file.h"
#include "hall-print.h"

typedef struct
{
  HallPage        *page;
  gboolean        *busy;
  char            *failed;
  char            *name;
  char            *from;
  char            *to;
  HallExportFormat format;
  char            *hall_name;
  char            *path;
  char            *command;
  char            *text; /* the page's data, as JSON: read in the thread */
  JsonNode        *data; /* parsed there, once */
} Job;

static void
job_free (Job *job)
{
  g_object_unref (job->page);
  g_free (job->failed);
  g_free (job->name);
  g_free (job->from);
  g_free (job->to);
  g_free (job->hall_name);
  g_free (job->path);
  g_free (job->command);
  g_free (job->text);
  g_clear_pointer (&job->data, json_node_unref);
  g_free (job);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  GtkWidget       *owner)
{
  HallExportFileFunc func = g_object_get_data (G_OBJECT (dialog), "hall-func");
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT
      && (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog))) != NULL
      && (path = g_file_get_path (file)) != NULL)
    func (owner, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "hall-format")), path);
  g_object_unref (dialog);
}

void
_hall_export_file_choose (GtkWidget         *owner,
                          const char        *dialog_title,
                          const char        *name,
                          const char        *from,
                          const char        *to,
                          HallExportFormat   format,
                          HallExportFileFunc func)
{
  GtkFileChooserNative *dialog;
  g_autofree char      *file_name = NULL;

  dialog = gtk_file_chooser_native_new (dialog_title, GTK_WINDOW (gtk_widget_get_root (owner)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  file_name = g_strdup_printf ("%s %s %s.%s", hall_export_title (name), from, to,
                               format == HALL_EXPORT_PDF ? "pdf" : "xlsx");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "hall-format", GINT_TO_POINTER (format));
  g_object_set_data (G_OBJECT (dialog), "hall-func", func);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), owner);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The export's calls, answered from the page's data: its object, or a page of its rows. */
static JsonObject *
screen_call (const char *command,
             JsonObject *params,
             gpointer    data,
             GError    **error)
{
  Job        *job = data;
  JsonArray  *all, *rows;
  JsonObject *result;
  gint64      offset = json_object_get_int_member_with_default (params, "offset", 0);
  gint64      limit = json_object_get_int_member_with_default (params, "limit", 1000);

  if (!g_str_equal (command, job->command))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s", command);
      return NULL;
    }
  if (job->data == NULL)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();

      if (!json_parser_load_from_data (parser, job->text, -1, error))
        return NULL;
      job->data = json_parser_steal_root (parser);
      g_clear_pointer (&job->text, g_free);
    }
  if (JSON_NODE_HOLDS_OBJECT (job->data))
    return json_object_ref (json_node_get_object (job->data));
  all = json_node_get_array (job->data);
  rows = json_array_sized_new (MIN (limit, json_array_get_length (all)));
  for (gint64 i = offset; i < offset + limit && i < json_array_get_length (all); i++)
    json_array_add_element (rows, json_node_ref (json_array_get_element (all, i)));
  result = json_object_new ();
  json_object_set_array_member (result, "rows", rows);
  if (offset + limit < json_array_get_length (all))
    json_object_set_int_member (result, "next_offset", offset + limit);
  else
    json_object_set_null_member (result, "next_offset");
  return result;
}

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job    *job = task_data;
  GError *error = NULL;

  if (hall_export_write (job->name, job->from, job->to, NULL, job->format, job->hall_name,
                         job->path, screen_call, job, &error))
    g_task_return_pointer (task, g_path_get_basename (job->path), g_free);
  else
    g_task_return_error (task, error);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;
  g_autofree char *basename = g_task_propagate_pointer (G_TASK (result), &error);
  g_autofree char *message = NULL;

  *job->busy = FALSE;
  hall_page_update_actions (job->page);
  if (basename != NULL)
    /* Translators: after saving the statistics table (统计表) or a ledger; %s the file's name */
    message = g_strdup_printf (_ ("Saved %s"), basename);
  else
    {
      /* @failed's "%s" is the reason; not a printf format from a variable */
      g_auto (GStrv) parts = g_strsplit (job->failed, "%s", 2);

      message = g_strconcat (parts[0], error->message, parts[1], NULL);
    }
  hall_page_toast (job->page, message);
}

void
_hall_export_file_save (HallPage        *page,
                        gboolean        *busy,
                        const char      *name,
                        const char      *from,
                        const char      *to,
                        HallExportFormat format,
                        const char      *path,
                        const char      *command,
                        JsonNode        *data,
                        const char      *failed)
{
  g_autoptr (GTask) task = g_task_new (page, NULL, saved_cb, NULL);
  Job *job = g_new0 (Job, 1);

  job->page = g_object_ref (page);
  job->busy = busy;
  job->failed = g_strdup (failed);
  job->name = g_strdup (name);
  job->from = g_strdup (from);
  job->to = g_strdup (to);
  job->format = format;
  job->hall_name = hall_print_dup_hall_name (GTK_WIDGET (page));
  job->path = g_strdup (path);
  job->command = g_strdup (command);
  /* As text: the page keeps its objects, and json-glib's counts are not for two threads. */
  job->text = json_to_string (data, FALSE);
  json_node_unref (data);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  *busy = TRUE;
  hall_page_update_actions (page);
  g_task_run_in_thread (task, write_thread);
}
