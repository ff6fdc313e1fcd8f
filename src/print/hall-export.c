/* hall-export.c — the figures (信访工作情况统计表) and the ledgers (台账) as XLSX and PDF files
 *
 * Each ledger is a table of columns over the rows of ledger.list, asked for a page at a time; the
 * same rows go to an XLSX sheet (libxlsxwriter in constant-memory mode: a row is written, then
 * forgotten) or to a grid of the paper engine. The statistics table puts stats.summary's figures
 * in the rows a county's report copies, with the same period a year earlier beside them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-export"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <xlsxwriter.h>

#include "hall-document.h"
#include "hall-export.h"
#include "hall-labels.h"

#define PAGE_SIZE 5000

typedef enum
{
  COL_TEXT,
  COL_INT,
  COL_SERIAL,  /* 序号 */
  COL_CODE,    /* words from hall_label_code (@code) */
  COL_CHANNEL, /* hall_label_channel */
  COL_STATE,   /* hall_label_state */
  COL_WEEKDAY, /* the weekday of the date in @key */
  COL_YES_NO,
  COL_FIVE, /* the 五个一 of a charge */
} ColumnKind;

typedef struct
{
  const char *key;
  const char *header;
  ColumnKind  kind;
  const char *code;
  double      weight;
} Column;

#define MAX_COLUMNS 16

typedef struct
{
  const char *name;
  const char *title;
  Column      columns[MAX_COLUMNS];
} Ledger;

/* Translators: the column headers and titles of the ledgers (台账) as the county's annexes write
 * them */
static const Ledger ledgers[] = {
  { "disputes",
    N_ ("List of disputes screened and resolved"),
    { { NULL, N_ ("No."), COL_SERIAL, NULL, 0.6 },
      { "found_date", N_ ("Date found"), COL_TEXT, NULL, 1.2 },
      { "source", N_ ("Source"), COL_CODE, "source", 0.8 },
      { "parties", N_ ("Parties"), COL_TEXT, NULL, 1.5 },
      { "type", N_ ("Type of dispute"), COL_CODE, "dispute_type", 1 },
      { "risk", N_ ("Risk level"), COL_CODE, "risk", 0.7 },
      { "summary", N_ ("Summary"), COL_TEXT, NULL, 3 },
      { "department", N_ ("Responsible department"), COL_TEXT, NULL, 1.3 },
      { "leader_name", N_ ("Responsible leader"), COL_TEXT, NULL, 1 },
      { "person_name", N_ ("Responsible person"), COL_TEXT, NULL, 1 },
      { "measures", N_ ("Measures"), COL_TEXT, NULL, 2 },
      { "deadline", N_ ("Deadline"), COL_TEXT, NULL, 1.2 },
      { "state", N_ ("State"), COL_CODE, "dispute_state", 0.9 },
      { "resolved_date", N_ ("Date resolved"), COL_TEXT, NULL, 1.2 } } },
  { "charges",
    N_ ("List of long-standing and prominent petition matters to resolve"),
    { { NULL, N_ ("No."), COL_SERIAL, NULL, 0.6 },
      { "number", N_ ("Matter number"), COL_TEXT, NULL, 1.5 },
      { "petitioners", N_ ("Petitioners"), COL_TEXT, NULL, 1.2 },
      { "content", N_ ("Problem raised"), COL_TEXT, NULL, 3 },
      { "department", N_ ("Responsible department"), COL_TEXT, NULL, 1.3 },
      { "leader", N_ ("Leader in charge"), COL_TEXT, NULL, 1 },
      { NULL, N_ ("Five ones in place"), COL_FIVE, NULL, 2 },
      { "plan", N_ ("Plan"), COL_TEXT, NULL, 2 },
      { "deadline", N_ ("Deadline"), COL_TEXT, NULL, 1.2 },
      { "progress", N_ ("Progress"), COL_TEXT, NULL, 2 } } },
  { "receptions",
    N_ ("Register of leading cadres receiving visiting petitioners"),
    { { NULL, N_ ("No."), COL_SERIAL, NULL, 0.6 },
      { "date", N_ ("Date of reception"), COL_TEXT, NULL, 1.2 },
      { "leader", N_ ("Receiving leader"), COL_TEXT, NULL, 1 },
      { "petitioner_name", N_ ("Visitor"), COL_TEXT, NULL, 1 },
      { "persons", N_ ("Persons"), COL_INT, NULL, 0.6 },
      { "problem", N_ ("Problem raised"), COL_TEXT, NULL, 3 },
      { "instructions", N_ ("Leader’s instructions"), COL_TEXT, NULL, 2 },
      { "departments", N_ ("Responsible departments"), COL_TEXT, NULL, 1.5 },
      { "deadline", N_ ("Deadline"), COL_TEXT, NULL, 1.2 },
      { "outcome", N_ ("Handled by"), COL_CODE, "outcome", 1.8 },
      { "result", N_ ("Result"), COL_TEXT, NULL, 2 },
      { "number", N_ ("Matter number"), COL_TEXT, NULL, 1.8 } } },
  { "roster",
    N_ ("Leaders’ reception roster"),
    { { NULL, N_ ("No."), COL_SERIAL, NULL, 0.6 },
      { "date", N_ ("Date"), COL_TEXT, NULL, 1.2 },
      { "date", N_ ("Weekday"), COL_WEEKDAY, NULL, 0.8 },
      { "slot", N_ ("Time"), COL_CODE, "slot", 0.8 },
      { "leader", N_ ("Receiving leader"), COL_TEXT, NULL, 1.2 },
      { "note", N_ ("Note"), COL_TEXT, NULL, 2 } } },
  { "matters",
    N_ ("Register of petition matters"),
    { { NULL, N_ ("No."), COL_SERIAL, NULL, 0.6 },
      { "number", N_ ("Matter number"), COL_TEXT, NULL, 1.5 },
      { "received_date", N_ ("Date received"), COL_TEXT, NULL, 1.2 },
      { "channel", N_ ("Channel"), COL_CHANNEL, NULL, 0.7 },
      { "petitioners", N_ ("Petitioners"), COL_TEXT, NULL, 1.2 },
      { "persons", N_ ("Persons"), COL_INT, NULL, 0.6 },
      { "collective", N_ ("Collective"), COL_YES_NO, NULL, 0.6 },
      { "escalation", N_ ("Beyond level"), COL_CODE, "escalation", 0.8 },
      { "content", N_ ("Summary"), COL_TEXT, NULL, 3 },
      { "department", N_ ("Responsible department"), COL_TEXT, NULL, 1.3 },
      { "state", N_ ("State"), COL_STATE, NULL, 1 },
      { "decision_due", N_ ("Decision due"), COL_TEXT, NULL, 1.2 },
      { "decided_date", N_ ("Decided"), COL_TEXT, NULL, 1.2 },
      { "handling_due", N_ ("Reply due"), COL_TEXT, NULL, 1.2 },
      { "replied_date", N_ ("Replied"), COL_TEXT, NULL, 1.2 },
      { "satisfaction", N_ ("Satisfaction"), COL_CODE, "satisfaction", 1 } } },
  { "followups",
    N_ ("Follow-up ledger"),
    { { NULL, N_ ("No."), COL_SERIAL, NULL, 0.6 },
      { "number", N_ ("Matter number"), COL_TEXT, NULL, 1.5 },
      { "petitioners", N_ ("Petitioners"), COL_TEXT, NULL, 1.2 },
      { "called_date", N_ ("Date of follow-up"), COL_TEXT, NULL, 1.2 },
      { "method", N_ ("Follow-up method"), COL_CODE, "followup_method", 0.8 },
      { "result", N_ ("Reached"), COL_CODE, "followup_result", 1 },
      { "satisfaction", N_ ("Satisfaction"), COL_CODE, "satisfaction", 1 },
      { "accepts", N_ ("Accepts the outcome"), COL_YES_NO, NULL, 1 },
      { "caller", N_ ("Called by"), COL_TEXT, NULL, 1 },
      { "note", N_ ("Note"), COL_TEXT, NULL, 2.5 } } },
};

static const char *const names[] = { "statistics", "disputes", "charges", "receptions",
                                     "roster", "matters", "followups", NULL };

/* ---- where the rows go: an XLSX sheet or a grid on paper ---------------------------------- */

typedef struct
{
  HallExportFormat format;
  lxw_workbook    *workbook;
  lxw_worksheet   *sheet;
  lxw_format      *head;
  lxw_format      *cell;
  guint            row;
  HallDocument    *document;
  guint            n_columns;
} Sink;

static void
sink_open (Sink              *sink,
           HallExportFormat   format,
           const char        *path,
           const char        *title,
           const char        *note,
           guint              n_columns,
           const char *const *headers,
           const double      *weights)
{
  sink->format = format;
  sink->n_columns = n_columns;
  sink->row = 0;
  if (format == HALL_EXPORT_PDF)
    {
      sink->document = hall_document_new (title);
      hall_document_add_note (sink->document, note);
      hall_document_set_landscape (sink->document, n_columns > 6);
      hall_document_add_grid (sink->document, n_columns, headers, weights);
      return;
    }
  {
    lxw_workbook_options options = { .constant_memory = LXW_TRUE };
    lxw_format          *title_format;

    sink->workbook = workbook_new_opt (path, &options);
    if (sink->workbook == NULL)
      return;
    sink->sheet = workbook_add_worksheet (sink->workbook, NULL);
    title_format = workbook_add_format (sink->workbook);
    format_set_bold (title_format);
    format_set_font_size (title_format, 16);
    format_set_align (title_format, LXW_ALIGN_CENTER);
    sink->head = workbook_add_format (sink->workbook);
    format_set_bold (sink->head);
    format_set_border (sink->head, LXW_BORDER_THIN);
    format_set_text_wrap (sink->head);
    format_set_bg_color (sink->head, 0xEEEEEE);
    sink->cell = workbook_add_format (sink->workbook);
    format_set_border (sink->cell, LXW_BORDER_THIN);
    format_set_text_wrap (sink->cell);
    format_set_align (sink->cell, LXW_ALIGN_VERTICAL_TOP);
    for (guint c = 0; c < n_columns; c++)
      worksheet_set_column (sink->sheet, c, c, 8 * weights[c], NULL);
    worksheet_merge_range (sink->sheet, 0, 0, 0, n_columns - 1, title, title_format);
    worksheet_merge_range (sink->sheet, 1, 0, 1, n_columns - 1, note, NULL);
    for (guint c = 0; c < n_columns; c++)
      worksheet_write_string (sink->sheet, 2, c, headers[c], sink->head);
    worksheet_repeat_rows (sink->sheet, 2, 2);
    sink->row = 3;
  }
}

/* @numbers[i] when cell i is a count (written as a number in the sheet). */
static void
sink_row (Sink              *sink,
          const char *const *cells,
          const gboolean    *numbers)
{
  if (sink->format == HALL_EXPORT_PDF)
    {
      hall_document_add_grid_row (sink->document, sink->n_columns, cells);
      return;
    }
  if (sink->sheet == NULL)
    return;
  for (guint c = 0; c < sink->n_columns; c++)
    if (numbers[c] && cells[c][0] != '\0')
      worksheet_write_number (sink->sheet, sink->row, c, g_ascii_strtod (cells[c], NULL),
                              sink->cell);
    else
      worksheet_write_string (sink->sheet, sink->row, c, cells[c], sink->cell);
  sink->row++;
}

static gboolean
sink_close (Sink       *sink,
            const char *path,
            GError    **error)
{
  g_autofree char *name = g_filename_display_name (path);
  lxw_error        rc;

  if (sink->format == HALL_EXPORT_PDF)
    {
      gboolean ok = hall_document_write_pdf (sink->document, path, error);

      g_clear_object (&sink->document);
      return ok;
    }
  if (sink->workbook == NULL)
    {
      /* Translators: %s is a file name */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Could not write “%s”."), name);
      return FALSE;
    }
  rc = workbook_close (sink->workbook);
  sink->workbook = NULL;
  if (rc != LXW_NO_ERROR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _ ("Could not write “%s”: %s"), name,
                   lxw_strerror (rc));
      return FALSE;
    }
  return TRUE;
}

/* ---- ledgers ------------------------------------------------------------------------------ */

/* The text of one cell of @row. Most cells are the row's own strings or fixed words and are not
 * copied; the others are written into @scratch (one per column, kept for the whole export), so
 * that a 100,000-row ledger does not allocate and free a string per cell. */
static const char *
cell_text (const Column *column,
           JsonObject   *row,
           gint64        serial,
           GString      *scratch)
{
  JsonNode   *node = column->key != NULL ? json_object_get_member (row, column->key) : NULL;
  const char *text = NULL;

  if (column->kind == COL_SERIAL)
    {
      g_string_printf (scratch, "%" G_GINT64_FORMAT, serial);
      return scratch->str;
    }
  if (column->kind == COL_FIVE)
    {
      /* Translators: the 五个一 of a leader's charge, each marked done (✓) or not (✗) */
      static const char *const parts[][2] = { { "has_leader", N_ ("leader") },
                                              { "has_group", N_ ("working group") },
                                              { "has_plan", N_ ("plan") },
                                              { "has_minutes", N_ ("minutes") },
                                              { "has_measures", N_ ("stability measures") } };

      g_string_truncate (scratch, 0);
      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        g_string_append_printf (scratch, "%s%s%s", i ? " " : "", _ (parts[i][1]),
                                json_object_get_int_member_with_default (row, parts[i][0], 0)
                                    ? "✓"
                                    : "✗");
      return scratch->str;
    }
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return "";
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      gint64 value = json_node_get_int (node);

      if (column->kind == COL_YES_NO)
        return value ? _ ("Yes") : _ ("No");
      g_string_printf (scratch, "%" G_GINT64_FORMAT, value);
      return scratch->str;
    }
  text = json_node_get_string (node);
  switch (column->kind)
    {
    case COL_CODE:
      return hall_label_code (column->code, text);
    case COL_CHANNEL:
      return hall_label_channel (text);
    case COL_STATE:
      return hall_label_state (text);
    case COL_WEEKDAY:
      {
        static const char *const weekdays[] = { N_ ("Monday"), N_ ("Tuesday"), N_ ("Wednesday"),
                                                N_ ("Thursday"), N_ ("Friday"), N_ ("Saturday"),
                                                N_ ("Sunday") };
        guint                    y = 0, m = 0, d = 0;
        GDate                    date;

        if (sscanf (text, "%4u-%2u-%2u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
          return "";
        g_date_clear (&date, 1);
        g_date_set_dmy (&date, d, m, y);
        return _ (weekdays[g_date_get_weekday (&date) - 1]);
      }
    default:
      return text != NULL ? text : "";
    }
}

static const Ledger *
find_ledger (const char *name)
{
  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (ledgers); i++)
    if (g_str_equal (ledgers[i].name, name))
      return &ledgers[i];
  return NULL;
}

guint
hall_export_n_columns (const char *name)
{
  const Ledger *ledger = find_ledger (name);
  guint         n = 0;

  while (ledger != NULL && n < MAX_COLUMNS && ledger->columns[n].header != NULL)
    n++;
  return n;
}

const char *
hall_export_column_header (const char *name,
                           guint       column)
{
  g_return_val_if_fail (column < hall_export_n_columns (name), NULL);
  return _ (find_ledger (name)->columns[column].header);
}

char *
hall_export_cell_text (const char *name,
                       guint       column,
                       JsonObject *row,
                       gint64      serial)
{
  g_autoptr (GString) scratch = g_string_new (NULL);

  g_return_val_if_fail (column < hall_export_n_columns (name), NULL);
  return g_strdup (cell_text (&find_ledger (name)->columns[column], row, serial, scratch));
}

static char *
period_note (const char *hall_name,
             const char *from,
             const char *to)
{
  /* Translators: under an exported table: the hall, then the first and last day */
  return g_strdup_printf (_ ("%s · %s to %s"), hall_name != NULL ? hall_name : "", from, to);
}

static gboolean
write_ledger (const Ledger    *ledger,
              const char      *from,
              const char      *to,
              JsonObject      *filters,
              HallExportFormat format,
              const char      *hall_name,
              const char      *path,
              HallExportCall   call,
              gpointer         data,
              GError         **error)
{
  const char      *headers[MAX_COLUMNS];
  double           weights[MAX_COLUMNS];
  gboolean         numbers[MAX_COLUMNS];
  guint            n = 0;
  gint64           offset = 0, serial = 0;
  g_autofree char *note = period_note (hall_name, from, to);
  Sink             sink = { 0 };
  GString         *scratch[MAX_COLUMNS];
  gboolean         ok = TRUE;

  while (n < MAX_COLUMNS && ledger->columns[n].header != NULL)
    {
      headers[n] = _ (ledger->columns[n].header);
      weights[n] = ledger->columns[n].weight;
      numbers[n] = ledger->columns[n].kind == COL_INT || ledger->columns[n].kind == COL_SERIAL;
      n++;
    }
  sink_open (&sink, format, path, _ (ledger->title), note, n, headers, weights);
  for (guint c = 0; c < n; c++)
    scratch[c] = g_string_sized_new (32);

  do
    {
      g_autoptr (JsonObject) params = json_object_new ();
      g_autoptr (JsonObject) page = NULL;
      g_autoptr (GList) members = NULL;
      JsonArray *rows;

      if (filters != NULL)
        members = json_object_get_members (filters);
      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (params, l->data, json_object_dup_member (filters, l->data));
      json_object_set_string_member (params, "ledger", ledger->name);
      json_object_set_string_member (params, "from", from);
      json_object_set_string_member (params, "to", to);
      json_object_set_int_member (params, "offset", offset);
      json_object_set_int_member (params, "limit", PAGE_SIZE);
      page = call ("ledger.list", params, data, error);
      if (page == NULL)
        {
          ok = FALSE;
          break;
        }
      rows = json_object_get_array_member (page, "rows");
      for (guint r = 0; r < json_array_get_length (rows); r++)
        {
          JsonObject *row = json_array_get_object_element (rows, r);
          const char *cells[MAX_COLUMNS];

          serial++;
          for (guint c = 0; c < n; c++)
            cells[c] = cell_text (&ledger->columns[c], row, serial, scratch[c]);
          sink_row (&sink, cells, numbers);
        }
      offset = json_object_get_null_member (page, "next_offset")
                   ? -1
                   : json_object_get_int_member (page, "next_offset");
    }
  while (offset >= 0);

  for (guint c = 0; c < n; c++)
    g_string_free (scratch[c], TRUE);
  if (ok)
    return sink_close (&sink, path, error);
  /* no half-written ledger under the name asked for */
  sink_close (&sink, path, NULL);
  g_unlink (path);
  return FALSE;
}

/* ---- 信访工作情况统计表 ------------------------------------------------------------------- */

static gint64
member_int (JsonObject *object,
            const char *path)
{
  g_auto (GStrv) parts = g_strsplit (path, "/", -1);

  for (guint i = 0; parts[i + 1] != NULL && object != NULL; i++)
    object = json_object_get_object_member (object, parts[i]);
  return object != NULL
             ? json_object_get_int_member_with_default (object, parts[g_strv_length (parts) - 1], 0)
             : 0;
}

/* The member @key of the row of @array whose @field is @code. */
static gint64
row_int (JsonObject *period,
         const char *array,
         const char *field,
         const char *code,
         const char *key)
{
  JsonArray *rows = json_object_get_array_member (period, array);

  for (guint i = 0; rows != NULL && i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      if (g_strcmp0 (json_object_get_string_member (row, field), code) == 0)
        return json_object_get_int_member_with_default (row, key, 0);
    }
  return 0;
}

static void
count_row (Sink       *sink,
           const char *label,
           gint64      now,
           gint64      before)
{
  static const gboolean numbers[] = { FALSE, TRUE, TRUE, FALSE };
  g_autofree char      *a = g_strdup_printf ("%" G_GINT64_FORMAT, now);
  g_autofree char      *b = g_strdup_printf ("%" G_GINT64_FORMAT, before);
  g_autofree char      *c = before > 0 ? g_strdup_printf ("%+.1f%%", 100.0 * (now - before) / before)
                                       : g_strdup ("—");
  const char           *cells[] = { label, a, b, c };

  sink_row (sink, cells, numbers);
}

static char *
rate_text (JsonObject *rates,
           const char *name)
{
  JsonObject *r = json_object_get_object_member (rates, name);

  if (r == NULL || json_object_get_null_member (r, "rate"))
    return g_strdup ("—");
  return g_strdup_printf ("%.1f%%", 100.0 * json_object_get_double_member (r, "rate"));
}

static void
rate_row (Sink       *sink,
          const char *label,
          JsonObject *current,
          JsonObject *previous,
          const char *name)
{
  static const gboolean numbers[] = { FALSE, FALSE, FALSE, FALSE };
  JsonObject           *a = json_object_get_object_member (current, "rates");
  JsonObject           *b = json_object_get_object_member (previous, "rates");
  g_autofree char      *now = rate_text (a, name);
  g_autofree char      *before = rate_text (b, name);
  g_autofree char      *change = NULL;
  const char           *cells[4];
  JsonObject           *ra = json_object_get_object_member (a, name);
  JsonObject           *rb = json_object_get_object_member (b, name);

  if (json_object_get_null_member (ra, "rate") || json_object_get_null_member (rb, "rate"))
    change = g_strdup ("—");
  else
    /* Translators: a change of a rate, in percentage points (个百分点) */
    change = g_strdup_printf (_ ("%+.1f points"),
                              100.0 * (json_object_get_double_member (ra, "rate") - json_object_get_double_member (rb, "rate")));
  cells[0] = label;
  cells[1] = now;
  cells[2] = before;
  cells[3] = change;
  sink_row (sink, cells, numbers);
}

/* A row label: what, then of what ("来信" "批次"). */
static char *
label2 (const char *what,
        const char *of)
{
  /* Translators: a row of the statistics table: a channel or group, then batches or persons */
  return g_strdup_printf (C_ ("statistics row", "%s %s"), what, of);
}

static void
pair_rows (Sink       *sink,
           const char *what,
           JsonObject *cur,
           JsonObject *prev,
           const char *batches,
           const char *persons)
{
  g_autofree char *b = label2 (what, _ ("batches"));
  g_autofree char *p = label2 (what, _ ("person-times"));

  count_row (sink, b, member_int (cur, batches), member_int (prev, batches));
  count_row (sink, p, member_int (cur, persons), member_int (prev, persons));
}

static gboolean
write_statistics (const char      *from,
                  const char      *to,
                  HallExportFormat format,
                  const char      *hall_name,
                  const char      *path,
                  HallExportCall   call,
                  gpointer         data,
                  GError         **error)
{
  static const char *const channels[] = { "visit", "letter", "online", "phone" };
  static const char *const levels[] = { "city", "province", "capital" };
  static const char *const outcomes[] = { "resolved", "assigned", "forwarded", "explained" };
  static const double      weights[] = { 3, 1, 1, 1 };
  const char              *headers[] = { _ ("Item"), _ ("This period"), _ ("Same period last year"),
                                         _ ("Year on year") };
  g_autoptr (JsonObject) params = json_object_new ();
  g_autoptr (JsonObject) summary = NULL;
  g_autofree char *note = period_note (hall_name, from, to);
  JsonObject      *cur, *prev;
  Sink             sink = { 0 };

  json_object_set_string_member (params, "from", from);
  json_object_set_string_member (params, "to", to);
  summary = call ("stats.summary", params, data, error);
  if (summary == NULL)
    return FALSE;
  cur = json_object_get_object_member (summary, "current");
  prev = json_object_get_object_member (summary, "previous");

  sink_open (&sink, format, path, _ ("Statistics of petition work"), note, 4, headers, weights);
  pair_rows (&sink, _ ("Total"), cur, prev, "batches", "persons");
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    {
      g_autofree char *b = label2 (hall_label_channel (channels[i]), _ ("batches"));
      g_autofree char *p = label2 (hall_label_channel (channels[i]), _ ("person-times"));

      count_row (&sink, b, row_int (cur, "by_channel", "channel", channels[i], "batches"),
                 row_int (prev, "by_channel", "channel", channels[i], "batches"));
      count_row (&sink, p, row_int (cur, "by_channel", "channel", channels[i], "persons"),
                 row_int (prev, "by_channel", "channel", channels[i], "persons"));
    }
  count_row (&sink, _ ("Matters received (cases)"), member_int (cur, "matters"),
             member_int (prev, "matters"));
  pair_rows (&sink, _ ("Single visits"), cur, prev, "single_batches", "single_persons");
  pair_rows (&sink, _ ("Collective visits"), cur, prev, "collective_batches",
             "collective_persons");
  pair_rows (&sink, _ ("First visits"), cur, prev, "first_batches", "first_persons");
  pair_rows (&sink, _ ("Repeat visits"), cur, prev, "repeat_batches", "repeat_persons");
  pair_rows (&sink, _ ("Beyond level"), cur, prev, "escalated_batches", "escalated_persons");
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    {
      g_autofree char *b = label2 (hall_label_code ("escalation", levels[i]), _ ("batches"));

      count_row (&sink, b, row_int (cur, "by_escalation", "level", levels[i], "batches"),
                 row_int (prev, "by_escalation", "level", levels[i], "batches"));
    }
  pair_rows (&sink, _ ("Leader receptions"), cur, prev, "leader_receptions/batches",
             "leader_receptions/persons");
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      JsonObject      *a = json_object_get_object_member (cur, "leader_receptions");
      JsonObject      *b = json_object_get_object_member (prev, "leader_receptions");
      g_autofree char *label = label2 (hall_label_code ("outcome", outcomes[i]), _ ("batches"));

      count_row (&sink, label, row_int (a, "by_outcome", "outcome", outcomes[i], "batches"),
                 row_int (b, "by_outcome", "outcome", outcomes[i], "batches"));
    }
  pair_rows (&sink, _ ("Visits and invitations"), cur, prev, "leader_outreach/batches",
             "leader_outreach/persons");
  rate_row (&sink, _ ("Timely acceptance rate"), cur, prev, "decision_on_time");
  rate_row (&sink, _ ("On-time reply rate"), cur, prev, "handling_on_time");
  rate_row (&sink, _ ("Satisfaction rate"), cur, prev, "satisfaction");
  rate_row (&sink, _ ("Rating participation rate"), cur, prev, "participation");
  rate_row (&sink, _ ("Resolution rate"), cur, prev, "resolution");
  return sink_close (&sink, path, error);
}

/* ---- public API --------------------------------------------------------------------------- */

const char *const *
hall_export_names (void)
{
  return names;
}

const char *
hall_export_title (const char *name)
{
  if (g_strcmp0 (name, "statistics") == 0)
    return _ ("Statistics of petition work");
  for (guint i = 0; i < G_N_ELEMENTS (ledgers); i++)
    if (g_strcmp0 (ledgers[i].name, name) == 0)
      return _ (ledgers[i].title);
  return NULL;
}

gboolean
hall_export_write (const char      *name,
                   const char      *from,
                   const char      *to,
                   JsonObject      *filters,
                   HallExportFormat format,
                   const char      *hall_name,
                   const char      *path,
                   HallExportCall   call,
                   gpointer         data,
                   GError         **error)
{
  g_return_val_if_fail (name != NULL && from != NULL && to != NULL && path != NULL, FALSE);

  if (g_str_equal (name, "statistics"))
    return write_statistics (from, to, format, hall_name, path, call, data, error);
  for (guint i = 0; i < G_N_ELEMENTS (ledgers); i++)
    if (g_str_equal (ledgers[i].name, name))
      return write_ledger (&ledgers[i], from, to, filters, format, hall_name, path, call, data,
                           error);
  /* Translators: %s is what the user asked to export */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _ ("There is no ledger “%s”."),
               name);
  return FALSE;
}
