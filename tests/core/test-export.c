/* test-export.c — the 统计表 and the ledgers written as XLSX (read back with python3-openpyxl)
 * and PDF (read back with pdftotext), in the hall's Chinese, and xinfang-hall-server export from
 * end to end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-export"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "hall-export.h"
#include "hall-test-util.h"

#define ID_WANG "431228198001151236"

typedef struct
{
  HallTestHall *hall;
  char         *dir;
  char         *staff;
  char         *leader;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *sql = NULL;
  g_autoptr (JsonObject) m = NULL;
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) d = NULL;

  f->hall = hall_test_hall_new ();
  f->dir = g_dir_make_tmp ("hall-export-XXXXXX", &error);
  g_assert_no_error (error);
  f->staff = hall_test_add_user (f->hall, "li", "staff", "chengjian", 2);
  f->leader = hall_test_add_user (f->hall, "sun", "leader", NULL, 0);
  hall_test_set_now (f->hall, "2026-06-10 09:00");

  /* a visit that went to the province before, and one that did not */
  m = hall_test_ok (f->hall, f->staff, "matter.register",
                    "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"征地补偿款未发放\","
                    "\"escalation\":\"province\",\"petitioners\":[{\"name\":\"王小明\","
                    "\"id_number\":\"" ID_WANG "\",\"phone\":\"13800138000\"}]}");
  hall_test_register_visit (f->hall, f->staff, 0, NULL);
  r = hall_test_ok (f->hall, f->leader, "leader.receive",
                    "{\"matter_id\":%" G_GINT64_FORMAT ",\"problem\":\"征地补偿款未发放\","
                    "\"instructions\":\"当场协调国土部门\",\"outcome\":\"resolved\"}",
                    json_object_get_int_member (m, "matter_id"));
  d = hall_test_ok (f->hall, f->staff, "dispute.create",
                    "{\"found_date\":\"2026-06-09\",\"source\":\"grid\",\"parties\":\"张三、李四\","
                    "\"type\":\"wages\",\"risk\":\"high\",\"summary\":\"工地拖欠工资\","
                    "\"department_id\":4,\"leader_name\":\"王副镇长\",\"person_name\":\"刘干事\"}");
  sql = g_strdup_printf ("INSERT INTO leader_duty (date, user_id, slot, set_at) VALUES "
                         "('2026-06-17', %" G_GINT64_FORMAT ", 'am', 0);",
                         hall_test_user_id (f->hall, f->leader));
  hall_test_exec_sql (f->hall, sql);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  hall_test_rm_rf (f->dir);
  g_free (f->dir);
  g_free (f->staff);
  g_free (f->leader);
  hall_test_hall_free (f->hall);
}

static JsonObject *
call_cb (const char *command,
         JsonObject *params,
         gpointer    data,
         GError    **error)
{
  return hall_engine_call_system (data, command, params, error);
}

static char *export(Fixture         *f,
                    const char      *name,
                    HallExportFormat format)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (f->dir, format == HALL_EXPORT_PDF ? "out.pdf" : "out.xlsx", NULL);

  g_assert_true (hall_export_write (name, "2026-06-01", "2026-06-30", NULL, format,
                                    "城关县信访超市", path, call_cb, f->hall->engine, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_matters_xlsx (Fixture      *f,
                   gconstpointer data)
{
  g_autofree char *path = export(f, "matters", HALL_EXPORT_XLSX);
  g_autofree char *rows = hall_test_xlsx_rows (path);
  g_auto (GStrv) lines = g_strsplit (rows, "\n", -1);

  g_assert_cmpuint (g_strv_length (lines), >=, 5);
  g_assert_true (g_str_has_prefix (lines[0], "信访事项登记台账"));
  hall_test_assert_has (lines[1], "城关县信访超市 · 2026-06-01 至 2026-06-30");
  g_assert_true (g_str_has_prefix (lines[2], "序号\t信访事项编号\t收到日期\t渠道\t信访人\t人数"));
  hall_test_assert_has (lines[2], "越级访");
  /* the numbers are numbers, the codes are words */
  g_assert_true (g_str_has_prefix (lines[3], "1\tXF2026-"));
  hall_test_assert_has (lines[3], "\t来访\t王小明\t1\t否\t到省\t征地补偿款未发放\t");
  g_assert_true (g_str_has_prefix (lines[4], "2\tXF2026-"));
  /* the ledger names people, never their ID numbers or phones */
  g_assert_null (strstr (rows, ID_WANG));
  g_assert_null (strstr (rows, "13800138000"));
}

static void
test_receptions_pdf (Fixture      *f,
                     gconstpointer data)
{
  g_autofree char *path = export(f, "receptions", HALL_EXPORT_PDF);
  g_autofree char *text = hall_test_pdf_text (path);

  hall_test_assert_has (text, "领导干部接待群众来访登记表");
  hall_test_assert_has (text, "接访领导");
  hall_test_assert_has (text, "现场答复解决");
  hall_test_assert_has (text, "当场协调国土部门");
  g_assert_null (strstr (text, ID_WANG));
}

static void
test_other_ledgers (Fixture      *f,
                    gconstpointer data)
{
  g_autofree char *disputes = export(f, "disputes", HALL_EXPORT_XLSX);
  g_autofree char *rows = hall_test_xlsx_rows (disputes);
  g_autofree char *roster = export(f, "roster", HALL_EXPORT_PDF);
  g_autofree char *text = hall_test_pdf_text (roster);

  hall_test_assert_has (rows, "矛盾纠纷排查化解清单");
  hall_test_assert_has (rows, "1\t2026-06-09\t网格\t张三、李四\t欠薪\t高\t工地拖欠工资");
  hall_test_assert_has (rows, "排查中");
  hall_test_assert_has (text, "领导接访安排表");
  hall_test_assert_has (text, "星期三");
  hall_test_assert_has (text, "上午");
}

/* 回访台账: the leader's reception put 王小明's matter on the follow-up list; two calls. */
static void
test_followups (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (JsonObject) listed = NULL;
  g_autoptr (JsonObject) first = NULL;
  g_autoptr (JsonObject) second = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  gint64           id;

  listed = hall_test_ok (f->hall, f->staff, "followup.list", "{\"view\":\"open\"}");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (listed, "items")), ==, 1);
  id = json_object_get_int_member (
      json_array_get_object_element (json_object_get_array_member (listed, "items"), 0), "id");
  hall_test_set_now (f->hall, "2026-06-15 10:00");
  first = hall_test_ok (f->hall, f->staff, "followup.record",
                        "{\"followup_id\":%" G_GINT64_FORMAT ",\"result\":\"no_answer\"}", id);
  hall_test_set_now (f->hall, "2026-06-16 15:00");
  second = hall_test_ok (f->hall, f->staff, "followup.record",
                         "{\"followup_id\":%" G_GINT64_FORMAT ",\"result\":\"reached\","
                         "\"method\":\"visit\",\"satisfaction\":\"basic\",\"accepts\":true,"
                         "\"note\":\"补偿款已到账\"}",
                         id);

  xlsx = export(f, "followups", HALL_EXPORT_XLSX);
  rows = hall_test_xlsx_rows (xlsx);
  hall_test_assert_has (rows, "回访台账");
  hall_test_assert_has (rows, "序号\t信访事项编号\t信访人\t回访日期\t回访方式\t是否接通\t满意度\t是否息诉罢访\t回访人\t备注");
  hall_test_assert_has (rows, "\t王小明\t2026-06-15\t电话\t未接通\t\t\tli\t");
  hall_test_assert_has (rows, "\t王小明\t2026-06-16\t上门\t已接通\t基本满意\t是\tli\t补偿款已到账");
  g_assert_null (strstr (rows, "13800138000"));
  pdf = export(f, "followups", HALL_EXPORT_PDF);
  text = hall_test_pdf_text (pdf);
  hall_test_assert_has (text, "回访台账");
  hall_test_assert_has (text, "基本满意");
  hall_test_assert_has (text, "补偿款已到账");
  g_assert_null (strstr (text, ID_WANG));
  g_assert_null (strstr (text, "13800138000"));
}

static void
test_statistics (Fixture      *f,
                 gconstpointer data)
{
  g_autofree char *path = export(f, "statistics", HALL_EXPORT_XLSX);
  g_autofree char *rows = hall_test_xlsx_rows (path);
  g_autofree char *pdf = export(f, "statistics", HALL_EXPORT_PDF);
  g_autofree char *text = hall_test_pdf_text (pdf);

  hall_test_assert_has (rows, "信访工作情况统计表");
  hall_test_assert_has (rows, "项目\t本期\t去年同期\t同比");
  /* two visits of one person each; none a year earlier */
  hall_test_assert_has (rows, "合计批次\t2\t0\t—");
  hall_test_assert_has (rows, "来访人次\t2\t0\t—");
  hall_test_assert_has (rows, "到省批次\t1\t0");
  hall_test_assert_has (rows, "领导接访批次\t1\t0");
  hall_test_assert_has (rows, "现场答复解决批次\t1\t0");
  hall_test_assert_has (rows, "满意率\t—\t—\t—");
  hall_test_assert_has (text, "信访工作情况统计表");
  hall_test_assert_has (text, "及时受理率");
}

/* A ledger the hall refuses leaves no file behind, and says why. */
static void
test_refused (Fixture      *f,
              gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) filters = hall_test_parse_object ("{\"state\":\"forgotten\"}");
  g_autofree char *path = g_build_filename (f->dir, "refused.xlsx", NULL);

  g_assert_false (hall_export_write ("matters", "2026-06-01", "2026-06-30", filters,
                                     HALL_EXPORT_XLSX, "城关县信访超市", path, call_cb,
                                     f->hall->engine, &error));
  g_assert_error (error, HALL_ERROR, HALL_ERROR_INVALID_ARGUMENT);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* xinfang-hall-server export, as a scheduled job runs it. */
static void
test_command_line (Fixture      *f,
                   gconstpointer data)
{
  const char      *exe = g_getenv ("HALL_SERVER_EXE");
  const char      *db = hall_engine_get_path (f->hall->engine);
  g_autofree char *out = g_build_filename (f->dir, "charges.xlsx", NULL);
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  g_autofree char *rows = NULL;
  int              status;

  g_assert_nonnull (exe);
  {
    const char *argv[] = { exe, "export", "charges", "--database", db,
                           "--from", "2026-06-01", "--to", "2026-07-31", "--format",
                           "xlsx", "--output", out, NULL };

    stdout_text = hall_test_run (argv, &stderr_text, &status);
    g_assert_cmpint (status, ==, 0);
    rows = hall_test_xlsx_rows (out);
    hall_test_assert_has (rows, "信访积案和突出问题化解清单");
    hall_test_assert_has (rows, "包案领导");
    /* both matters are past their decision due date (15 days) at the end of July */
    hall_test_assert_has (rows, "\n2\tXF2026-");
    g_clear_pointer (&stdout_text, g_free);
    g_clear_pointer (&stderr_text, g_free);
  }
  {
    const char *argv[] = { exe, "export", "secrets", "--database", db, "--from", "2026-06-01",
                           "--to", "2026-06-30", "--format", "pdf", "--output", out, NULL };

    stdout_text = hall_test_run (argv, &stderr_text, &status);
    g_assert_cmpint (status, ==, 2);
    hall_test_assert_has (stderr_text, "secrets");
    hall_test_assert_has (stderr_text, "statistics");
    g_clear_pointer (&stdout_text, g_free);
    g_clear_pointer (&stderr_text, g_free);
  }
  {
    const char *argv[] = { exe, "export", "matters", "--database", db, "--from", "2026-06-30",
                           "--to", "2026-06-01", "--format", "pdf", "--output", out, NULL };

    stdout_text = hall_test_run (argv, &stderr_text, &status);
    g_assert_cmpint (status, ==, 2);
    hall_test_assert_has (stderr_text, "--from");
    g_clear_pointer (&stdout_text, g_free);
    g_clear_pointer (&stderr_text, g_free);
  }
  {
    const char *argv[] = { exe, "export", "--help", NULL };

    stdout_text = hall_test_run (argv, &stderr_text, &status);
    g_assert_cmpint (status, ==, 0);
    hall_test_assert_has (stdout_text, "矛盾纠纷排查化解清单");
    hall_test_assert_has (stdout_text, "receptions");
    hall_test_assert_has (stdout_text, "followups");
    hall_test_assert_has (stdout_text, "回访台账");
  }
}

int
main (int   argc,
      char *argv[])
{
  /* The exports in the hall's Chinese, whatever the test's locale; the command line's too. */
  g_setenv ("LANGUAGE", "zh_CN", TRUE);
  g_setenv ("XINFANG_HALL_LOCALEDIR", BUILD_LOCALEDIR, TRUE);
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/export/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("matters-xlsx", test_matters_xlsx);
  ADD ("receptions-pdf", test_receptions_pdf);
  ADD ("other-ledgers", test_other_ledgers);
  ADD ("statistics", test_statistics);
  ADD ("followups", test_followups);
  ADD ("refused", test_refused);
  ADD ("command-line", test_command_line);
#undef ADD

  return g_test_run ();
}
