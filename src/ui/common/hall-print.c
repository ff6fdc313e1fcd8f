/* hall-print.c — a paper of the hall to the printer, through GTK's print dialog
 *
 * The document lays itself out on the whole A4 sheet with its own margins, the same as in a PDF,
 * so the operation uses the full page in points.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-print"

#include "config.h"

#include <glib/gi18n.h>

#include "hall-print.h"

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                HallDocument      *document)
{
  gtk_print_operation_set_n_pages (
      operation, hall_document_paginate (document, gtk_print_context_get_cairo_context (context),
                                         gtk_print_context_get_width (context),
                                         gtk_print_context_get_height (context)));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              HallDocument      *document)
{
  hall_document_draw_page (document, gtk_print_context_get_cairo_context (context),
                           gtk_print_context_get_width (context),
                           gtk_print_context_get_height (context), page);
}

static GtkPrintOperation *
new_operation (HallDocument *document)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  GtkPaperSize *a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_paper_size_free (a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, hall_document_get_title (document));
  /* The operation outlives the caller of the dialog: it keeps the document. */
  g_object_set_data_full (G_OBJECT (operation), "hall-document", g_object_ref (document),
                          g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), document);
  return operation;
}

static void
done_cb (GtkPrintOperation      *operation,
         GtkPrintOperationResult result,
         GtkWidget              *widget)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  GtkWidget       *overlay;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;
  gtk_print_operation_get_error (operation, &error);
  /* Translators: %s says why a paper could not be printed */
  message = g_strdup_printf (_ ("Could not print: %s"), error != NULL ? error->message : "");
  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

void
hall_print_document (GtkWidget    *widget,
                     HallDocument *document)
{
  GtkPrintOperation *operation;
  GtkRoot           *root;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (HALL_IS_DOCUMENT (document));

  operation = new_operation (document);
  root = gtk_widget_get_root (widget);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (done_cb), widget, 0);
  /* "done" comes in every case once the operation runs asynchronously: the operation ends there. */
  g_signal_connect_after (operation, "done", G_CALLBACK (g_object_unref), NULL);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, NULL);
}

void
hall_print_reply_cb (HallPage     *page,
                     JsonObject   *reply,
                     const GError *error,
                     gpointer      paper_func)
{
  HallPrintPaperFunc make_paper = (HallPrintPaperFunc) paper_func;
  g_autoptr (HallDocument) paper = NULL;
  g_autofree char *hall_name = NULL;

  if (reply == NULL)
    {
      hall_page_toast (page, error->message);
      return;
    }
  hall_name = hall_print_dup_hall_name (GTK_WIDGET (page));
  paper = make_paper (reply, hall_name);
  hall_print_document (GTK_WIDGET (page), paper);
}

char *
hall_print_dup_hall_name (GtkWidget *widget)
{
  GtkRoot *root;
  char    *name = NULL;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), g_strdup (""));
  /* The app's window says the hall's name in its "hall-name" property; a window of its own (a
   * matter opened apart) has none, and the paper's head then stays without it. */
  root = gtk_widget_get_root (widget);
  if (root != NULL && g_object_class_find_property (G_OBJECT_GET_CLASS (root), "hall-name") != NULL)
    g_object_get (root, "hall-name", &name, NULL);
  return name != NULL ? name : g_strdup ("");
}

char *
hall_print_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

static void
roll_done_cb (GtkPrintOperation      *operation,
              GtkPrintOperationResult result,
              GtkWidget              *widget)
{
  HallPrintDoneFunc func = g_object_get_data (G_OBJECT (operation), "hall-print-done");
  g_autoptr (GError) error = NULL;

  g_object_set_data (G_OBJECT (operation), "hall-print-reported", GINT_TO_POINTER (TRUE));
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  func (widget, error);
}

void
hall_print_roll (GtkWidget        *widget,
                 HallDocument     *document,
                 double            width_mm,
                 const char       *export_path,
                 HallPrintDoneFunc func)
{
  GtkPrintOperation *operation;
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GError) error = NULL;
  GtkPaperSize           *paper;
  GtkPrintOperationResult result;
  double                  width = width_mm / 25.4 * 72, height;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (HALL_IS_DOCUMENT (document));
  g_return_if_fail (func != NULL);

  /* The roll is cut where the content ends: the paper is as long as the document. */
  height = hall_document_measure_height (document, width);
  paper = gtk_paper_size_new_custom ("hall-roll", hall_document_get_title (document), width,
                                     height, GTK_UNIT_POINTS);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_paper_size_free (paper);

  operation = new_operation (document);
  gtk_print_operation_set_default_page_setup (operation, setup);
  g_object_set_data (G_OBJECT (operation), "hall-print-done", func);
  g_signal_connect_object (operation, "done", G_CALLBACK (roll_done_cb), widget, 0);
  if (export_path != NULL)
    {
      gtk_print_operation_set_export_filename (operation, export_path);
      result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error);
      /* An export runs to its end here; a failed one has said so on "done" already. */
      if (g_object_get_data (G_OBJECT (operation), "hall-print-reported") == NULL)
        func (widget, result == GTK_PRINT_OPERATION_RESULT_ERROR ? error : NULL);
      g_object_unref (operation);
      return;
    }
  /* A kiosk has nobody to answer a dialog: straight to the default printer. */
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_after (operation, "done", G_CALLBACK (g_object_unref), NULL);
  g_object_ref (operation);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT, NULL, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR
      && g_object_get_data (G_OBJECT (operation), "hall-print-reported") == NULL)
    {
      /* It failed before it started, so "done" will not come to say so nor to end it. */
      func (widget, error);
      g_object_unref (operation);
    }
  g_object_unref (operation);
}

gboolean
hall_print_export (HallDocument *document,
                   const char   *path,
                   GError      **error)
{
  g_autoptr (GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (HALL_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  operation = new_operation (document);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error)
         != GTK_PRINT_OPERATION_RESULT_ERROR;
}
