/* test-print-ui.c — a paper through GTK's print operation, as the print dialog's "Print to File"
 * makes it: a real PDF read back with pdftotext
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gtk/gtk.h>

#include "hall-print.h"
#include "hall-test-util.h"

static char *
read_pdf (const char *pdf)
{
  return hall_test_spawn ((const char *const[]){ "pdftotext", "-enc", "UTF-8", pdf, "-", NULL });
}

static guint
count_pages (const char *text)
{
  guint pages = 0;

  /* pdftotext ends every page with a form feed. */
  for (const char *p = text; *p != '\0'; p++)
    pages += *p == '\f';
  return pages;
}

static void
test_export (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hall-print-ui-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "receipt.pdf", NULL);
  g_autofree char *direct = g_build_filename (dir, "direct.pdf", NULL);
  g_autoptr (HallDocument) document = hall_document_new ("Petition Registration Receipt");
  g_autoptr (GString) long_text = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *direct_text = NULL;
  guint            pages;

  for (int i = 0; i < 150; i++)
    g_string_append (long_text, "村里土地征收补偿款分配不公，部分村民至今没有领到安置补助。");
  hall_document_add_note (document, "No. XF2026-000123");
  hall_document_add_field (document, "Query code", "388872");
  hall_document_add_field (document, "Petitioners", "张伟");
  hall_document_add_text (document, long_text->str);

  g_assert_true (hall_print_export (document, pdf, &error));
  g_assert_no_error (error);
  text = read_pdf (pdf);
  g_assert_nonnull (strstr (text, "Petition Registration Receipt"));
  g_assert_nonnull (strstr (text, "XF2026-000123"));
  g_assert_nonnull (strstr (text, "388872"));
  g_assert_nonnull (strstr (text, "张伟"));
  /* The printer gets the same pages as the PDF the document writes by itself. */
  g_assert_true (hall_document_write_pdf (document, direct, &error));
  direct_text = read_pdf (direct);
  pages = count_pages (text);
  g_assert_cmpuint (pages, >=, 2);
  g_assert_cmpuint (pages, ==, count_pages (direct_text));
  {
    g_autofree char *last = g_strdup_printf ("Page %u of %u", pages, pages);
    g_assert_nonnull (strstr (text, last));
  }
  hall_test_rm_rf (dir);
}

static void
test_export_fails (void)
{
  g_autoptr (HallDocument) document = hall_document_new ("Test");
  g_autoptr (GError) error = NULL;

  g_assert_false (hall_print_export (document, "/nonexistent-folder/paper.pdf", &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/print-ui/export", test_export);
  g_test_add_func ("/print-ui/export-fails", test_export_fails);
  return g_test_run ();
}
