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

typedef struct
{
  char            *name;
  char            *from;
  char            *to;
  JsonObject      *filters;
  HallExportFormat format;
  char            *hall_name;
  char            *path;
  HallExportCall   call;
  gpointer         call_data;
  GDestroyNotify   call_data_free;
} Job;

static void
job_free (Job *job)
{
  g_free (job->name);
  g_free (job->from);
  g_free (job->to);
  g_clear_pointer (&job->filters, json_object_unref);
  g_free (job->hall_name);
  g_free (job->path);
  if (job->call_data_free != NULL)
    job->call_data_free (job->call_data);
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

static void
write_thread (GTask        *task,
              gpointer      source,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job    *job = task_data;
  GError *error = NULL;

  if (hall_export_write (job->name, job->from, job->to, job->filters, job->format,
                         job->hall_name, job->path, job->call, job->call_data, &error))
    g_task_return_pointer (task, g_path_get_basename (job->path), g_free);
  else
    g_task_return_error (task, error);
}

void
_hall_export_file_write_async (gpointer            source,
                               const char         *name,
                               const char         *from,
                               const char         *to,
                               JsonObject         *filters,
                               HallExportFormat    format,
                               const char         *hall_name,
                               const char         *path,
                               HallExportCall      call,
                               gpointer            call_data,
                               GDestroyNotify      call_data_free,
                               GAsyncReadyCallback callback,
                               gpointer            user_data)
{
  g_autoptr (GTask) task = g_task_new (source, NULL, callback, user_data);
  Job *job = g_new0 (Job, 1);

  job->name = g_strdup (name);
  job->from = g_strdup (from);
  job->to = g_strdup (to);
  job->filters = filters != NULL ? json_object_ref (filters) : NULL;
  job->format = format;
  job->hall_name = g_strdup (hall_name);
  job->path = g_strdup (path);
  job->call = call;
  job->call_data = call_data;
  job->call_data_free = call_data_free;
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, write_thread);
}

gboolean
_hall_export_file_write_finish (GAsyncResult *result,
                                HallPage     *page,
                                GError      **error)
{
  g_autofree char *basename = g_task_propagate_pointer (G_TASK (result), error);
  g_autofree char *message = NULL;

  if (basename == NULL)
    return FALSE;
  /* Translators: after saving the statistics table (统计表); %s the file's name */
  message = g_strdup_printf (_ ("Saved %s"), basename);
  hall_page_toast (page, message);
  return TRUE;
}
