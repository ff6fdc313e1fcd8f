/* test-print.c — the papers the hall hands out, as real PDF files read back with pdftotext:
 * the registration receipt, the written notice of the decision, the leader's reception record, the
 * written opinions (处理意见书, 复查意见书, 复核意见书), the extension notice, 交办单 and 督办函
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-print"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "hall-papers.h"
#include "hall-papers-repeat.h"
#include "hall-test-util.h"

#define ID_ZHANG "430102198503151236"
#define HALL_NAME "城关县信访超市"

typedef struct
{
  HallTestHall *hall;
  char         *staff; /* 城建 (2), counter 2 */
  char         *leader;
} Fixture;

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  f->hall = hall_test_hall_new ();
  f->staff = hall_test_add_user (f->hall, "zhang", "staff", "chengjian", 2);
  f->leader = hall_test_add_user (f->hall, "zhao", "leader", NULL, 0);
  hall_engine_set_now (f->hall->engine, hall_test_time ("2026-11-20 09:30"));
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_free (f->staff);
  g_free (f->leader);
  hall_test_hall_free (f->hall);
}

static gint64
register_matter (Fixture    *f,
                 const char *content)
{
  g_autoptr (JsonObject) r =
      hall_test_ok (f->hall, f->staff, "matter.register",
                    "{\"channel\":\"visit\",\"type\":\"claim\",\"category_id\":3,"
                    "\"content\":\"%s\",\"petitioners\":[{\"name\":\"张伟\","
                    "\"id_number\":\"%s\",\"phone\":\"13812345678\","
                    "\"address\":\"城关镇建设路8号\"}]}",
                    content, ID_ZHANG);
  return json_object_get_int_member (r, "matter_id");
}

static JsonObject *
get_matter (Fixture *f,
            gint64   matter_id)
{
  return hall_test_ok (f->hall, f->staff, "matter.get", "{\"matter_id\":%lld}",
                       (long long) matter_id);
}

/* The PDF's text as pdftotext reads it; *@n_pages from its page breaks. */
static char *
pdf_text (HallDocument *document,
          int          *n_pages)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hall-print-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "paper.pdf", NULL);
  g_autofree char *out = NULL;

  g_assert_no_error (error);
  g_assert_true (hall_document_write_pdf (document, pdf, &error));
  g_assert_no_error (error);
  out = hall_test_spawn ((const char *const[]){ "pdftotext", "-enc", "UTF-8", pdf, "-", NULL });
  /* HALL_TEST_PAPERS=DIR keeps a copy of each paper there, to look at. */
  if (g_getenv ("HALL_TEST_PAPERS") != NULL)
    {
      g_autofree char *name = g_strdup_printf ("%s.pdf", hall_document_get_title (document));
      g_autofree char *keep = g_build_filename (g_getenv ("HALL_TEST_PAPERS"), name, NULL);
      g_autofree char *contents = NULL;
      gsize            length = 0;

      g_assert_true (g_file_get_contents (pdf, &contents, &length, NULL));
      g_assert_true (g_file_set_contents (keep, contents, length, NULL));
    }
  if (n_pages != NULL)
    {
      /* pdftotext ends every page with a form feed. */
      *n_pages = 0;
      for (const char *p = out; *p != '\0'; p++)
        *n_pages += *p == '\f';
    }
  hall_test_rm_rf (dir);
  return g_steal_pointer (&out);
}

static void
test_receipt (Fixture      *f,
              gconstpointer data)
{
  gint64 id = register_matter (f, "小区电梯长期故障，物业不予维修，要求尽快修复。");
  g_autoptr (JsonObject) reply = get_matter (f, id);
  JsonObject *matter = json_object_get_object_member (reply, "matter");
  g_autoptr (HallDocument) receipt = hall_paper_receipt (reply, HALL_NAME, "2026-11-20");
  int              n_pages = 0;
  g_autofree char *text = pdf_text (receipt, &n_pages);
  g_autofree char *due =
      hall_paper_format_date (json_object_get_string_member (matter, "decision_due"));

  g_assert_cmpint (n_pages, ==, 1);
  g_assert_nonnull (strstr (text, "Petition Registration Receipt"));
  /* What the visitor needs to follow it up: the number and the query code. */
  g_assert_nonnull (strstr (text, json_object_get_string_member (matter, "number")));
  g_assert_nonnull (strstr (text, json_object_get_string_member (matter, "query_code")));
  g_assert_nonnull (strstr (text, "张伟"));
  g_assert_nonnull (strstr (text, "小区电梯长期故障"));
  g_assert_nonnull (strstr (text, HALL_NAME));
  g_assert_nonnull (strstr (text, "Window 2"));
  /* The 15-day decision deadline of 条例 23, as a date. */
  g_assert_cmpstr (due, ==, "2026-12-07");
  g_assert_nonnull (strstr (text, due));
  /* A paper the visitor takes home carries no ID number, phone or address. */
  g_assert_null (strstr (text, ID_ZHANG));
  g_assert_null (strstr (text, "13812345678"));
  g_assert_null (strstr (text, "建设路"));
}

/* The receipt's QR code holds what the kiosk's status query reads from a scanner. */
static void
test_receipt_qr (Fixture      *f,
                 gconstpointer data)
{
  gint64 id = register_matter (f, "小区电梯长期故障，物业不予维修，要求尽快修复。");
  g_autoptr (JsonObject) reply = get_matter (f, id);
  JsonObject *matter = json_object_get_object_member (reply, "matter");
  g_autoptr (HallDocument) receipt = hall_paper_receipt (reply, HALL_NAME, "2026-11-20");
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("hall-print-XXXXXX", &error);
  g_autofree char *pdf = g_build_filename (dir, "receipt.pdf", NULL);
  g_autofree char *scanned = NULL;
  g_autofree char *number = NULL;
  g_autofree char *code = NULL;

  g_assert_true (hall_document_write_pdf (receipt, pdf, &error));
  g_assert_no_error (error);
  scanned = hall_test_pdf_qr (pdf);
  g_assert_true (hall_paper_parse_status_code (scanned, &number, &code));
  g_assert_cmpstr (number, ==, json_object_get_string_member (matter, "number"));
  g_assert_cmpstr (code, ==, json_object_get_string_member (matter, "query_code"));
  hall_test_rm_rf (dir);
}

/* What a scanner or a person types at the kiosk: the number and the 6-digit code, any separator. */
static void
test_status_code (void)
{
  const struct
  {
    const char *text, *number, *code;
  } cases[] = {
    { "XF2026-000123 483920", "XF2026-000123", "483920" },
    { "xf2026-000123/483920\n", "XF2026-000123", "483920" },
    { "  XF2026-000123\t 000001 ", "XF2026-000123", "000001" },
    { "XF2026-000123 48392", NULL, NULL },
    { "XF2026-000123 48392a", NULL, NULL },
    { "XF2026-000123", NULL, NULL },
    { "XF2026-000123 483920 1", NULL, NULL },
    { "", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *number = NULL;
      g_autofree char *code = NULL;
      gboolean         ok = hall_paper_parse_status_code (cases[i].text, &number, &code);

      g_assert_cmpint (ok, ==, cases[i].number != NULL);
      g_assert_cmpstr (number, ==, cases[i].number);
      g_assert_cmpstr (code, ==, cases[i].code);
    }
}

/* The queue ticket on a roll: one page no longer than its content, the number large, no page
 * number. */
static void
test_ticket (void)
{
  g_autoptr (JsonObject) reply = hall_test_parse_object (
      "{\"ticket\": {\"code\": \"D007\", \"department_name\": \"自然资源\", \"persons\": 3, "
      "\"issued_at\": 1796600000, \"green_request\": true}, \"people_ahead\": 4}");
  g_autoptr (HallDocument) ticket = hall_paper_ticket (reply, HALL_NAME, "Windows 4, 9");
  double           width = 58 / 25.4 * 72, height = hall_document_measure_height (ticket, width);
  g_autofree char *text = pdf_text (ticket, NULL);

  g_assert_true (hall_document_get_roll (ticket));
  g_assert_cmpfloat (height, >, 200);
  g_assert_cmpfloat (height, <, 600);
  /* Wider paper, fewer lines: never longer. */
  g_assert_cmpfloat (hall_document_measure_height (ticket, 80 / 25.4 * 72), <=, height);
  g_assert_nonnull (strstr (text, "D007"));
  g_assert_nonnull (strstr (text, "自然资源"));
  g_assert_nonnull (strstr (text, "Windows 4, 9"));
  g_assert_nonnull (strstr (text, "People ahead\n4"));
  g_assert_nonnull (strstr (text, "Green channel"));
  g_assert_null (strstr (text, "Page 1"));
}

/* A 4,000-character petition runs over pages, and no character of it is lost on the way. */
static void
test_long_content (Fixture      *f,
                   gconstpointer data)
{
  static const char phrase[] = "村里土地征收补偿款分配不公，部分村民至今没有领到安置补助，";
  g_autoptr (GString) content = g_string_new (NULL);
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (HallDocument) receipt = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  int              n_pages = 0;

  while (g_utf8_strlen (content->str, -1) + g_utf8_strlen (phrase, -1) <= 4000)
    g_string_append (content, phrase);
  reply = get_matter (f, register_matter (f, content->str));
  receipt = hall_paper_receipt (reply, HALL_NAME, "2026-11-20");
  text = pdf_text (receipt, &n_pages);
  flat = hall_test_squeeze (text);

  g_assert_cmpint (n_pages, >=, 3);
  /* Between the pages' footers, the whole petition in order. */
  {
    g_autoptr (GRegex) footer = g_regex_new ("Page[0-9]+of[0-9]+", 0, 0, NULL);
    g_autofree char *body = g_regex_replace_literal (footer, flat, -1, 0, "", 0, NULL);

    g_assert_nonnull (strstr (body, content->str));
  }
  /* Every page says which it is. */
  g_assert_nonnull (strstr (text, "Page 1 of"));
  {
    g_autofree char *last = g_strdup_printf ("Page %d of %d", n_pages, n_pages);
    g_assert_nonnull (strstr (text, last));
  }
}

static void
test_decision_notice (Fixture      *f,
                      gconstpointer data)
{
  gint64 accepted = register_matter (f, "小区电梯长期故障。");
  gint64 declined = register_matter (f, "要求撤销已生效的民事判决。");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = get_matter (f, accepted);
  g_autoptr (HallDocument) notice =
      hall_paper_decision_notice (reply, HALL_NAME, "2026-11-20", &error);
  g_autofree char *text = NULL;

  /* Before the decision there is nothing to tell in writing. */
  g_assert_null (notice);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "accept"));
  g_clear_error (&error);
  g_clear_pointer (&reply, json_object_unref);

  json_object_unref (hall_test_ok (f->hall, f->staff, "matter.accept", "{\"matter_id\":%lld}",
                                   (long long) accepted));
  reply = get_matter (f, accepted);
  notice = hall_paper_decision_notice (reply, HALL_NAME, "2026-11-20", &error);
  g_assert_no_error (error);
  text = pdf_text (notice, NULL);
  g_assert_nonnull (strstr (text, "Notice of Acceptance"));
  {
    g_autofree char *flat = hall_test_squeeze (text);
    JsonObject      *matter = json_object_get_object_member (reply, "matter");

    g_assert_nonnull (strstr (flat, "张伟"));
    g_assert_nonnull (strstr (flat, json_object_get_string_member (matter, "handling_due")));
    g_assert_nonnull (strstr (flat, json_object_get_string_member (matter, "department_name")));
  }
  g_clear_object (&notice);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&reply, json_object_unref);

  json_object_unref (hall_test_ok (f->hall, f->staff, "matter.decline",
                                   "{\"matter_id\":%lld,\"reason\":\"已经人民法院生效判决，不属于信访事项受理范围。\"}",
                                   (long long) declined));
  reply = get_matter (f, declined);
  notice = hall_paper_decision_notice (reply, HALL_NAME, "2026-11-20", &error);
  g_assert_no_error (error);
  text = pdf_text (notice, NULL);
  g_assert_nonnull (strstr (text, "Notice of Non-Acceptance"));
  {
    /* The reason, as the clerk wrote it, in the paragraph (whose lines pdftotext breaks). */
    g_autofree char *flat = hall_test_squeeze (text);
    g_assert_nonnull (strstr (flat, "已经人民法院生效判决，不属于信访事项受理范围。"));
  }
}

static void
test_reception_record (Fixture      *f,
                       gconstpointer data)
{
  gint64 id = register_matter (f, "小区电梯长期故障。");
  g_autoptr (JsonObject) r = hall_test_ok (f->hall, f->leader, "leader.receive",
                                           "{\"matter_id\":%lld,\"problem\":\"电梯停运三个月，老人出行困难。\","
                                           "\"instructions\":\"请住建局牵头，一周内拿出维修方案。\","
                                           "\"assignments\":[{\"department\":\"chengjian\","
                                           "\"deadline\":\"2026-11-27\"}],\"result\":\"已当面答复群众。\"}",
                                           (long long) id);
  JsonObject *reception = json_object_get_object_member (r, "reception");
  g_autoptr (HallDocument) record = hall_paper_reception_record (reception, HALL_NAME);
  g_autofree char *raw = pdf_text (record, NULL);
  g_autofree char *text = hall_test_squeeze (raw);

  g_assert_nonnull (strstr (raw, "Record of a Leader"));
  /* The office's own file: the form's particulars are on it. */
  g_assert_nonnull (strstr (text, ID_ZHANG));
  g_assert_nonnull (strstr (text, "13812345678"));
  g_assert_nonnull (strstr (text, "电梯停运三个月"));
  g_assert_nonnull (strstr (text, "一周内拿出维修方案"));
  g_assert_nonnull (strstr (text, "2026-11-27"));
  g_assert_nonnull (strstr (text, "已当面答复群众"));
  g_assert_nonnull (strstr (text, "male"));
}

/* Accepted, assigned to 民政 with a note, extended once, and replied to in three parts. */
static gint64
replied_matter (Fixture *f)
{
  gint64 id = register_matter (f, "小区电梯长期故障，物业不予维修，要求尽快修复。");

  json_object_unref (hall_test_ok (f->hall, f->staff, "matter.assign",
                                   "{\"matter_id\":%lld,\"department_id\":3,"
                                   "\"deadline\":\"2026-12-18\",\"note\":\"请于期限内核实并答复\"}",
                                   (long long) id));
  json_object_unref (hall_test_ok (f->hall, f->staff, "matter.extend",
                                   "{\"matter_id\":%lld,\"days\":15,"
                                   "\"reason\":\"需委托第三方检测电梯安全状况\",\"approver\":\"赵局长\"}",
                                   (long long) id));
  json_object_unref (hall_test_ok (
      f->hall, f->staff, "matter.reply",
      "{\"matter_id\":%lld,\"facts\":\"经实地核查，该小区3号楼电梯自8月起停运，物业未按合同履行维修义务。\","
      "\"basis\":\"《物业管理条例》第三十五条、《特种设备安全法》第四十二条\","
      "\"opinion\":\"support\",\"text\":\"责成物业公司于十五日内修复电梯并通过检验。\"}",
      (long long) id));
  return id;
}

/* A paper that has nothing to tell yet is refused with a message, not printed empty. */
static void
assert_refused (HallDocument *paper,
                GError      **error)
{
  g_assert_null (paper);
  g_assert_error (*error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (error);
}

/* The text of @paper, titled @title, read back from its PDF without white space (a paragraph
 * comes back broken into lines). */
static char *
paper_text (HallDocument *paper,
            const char   *title)
{
  g_autofree char *raw = NULL;

  g_assert_nonnull (paper);
  raw = pdf_text (paper, NULL);
  g_assert_nonnull (strstr (raw, title));
  return hall_test_squeeze (raw);
}

/* What a paper the petitioner takes home must not carry: the ID number, the phone, the address. */
static void
assert_no_particulars (const char *text)
{
  g_assert_null (strstr (text, ID_ZHANG));
  g_assert_null (strstr (text, "13812345678"));
  g_assert_null (strstr (text, "建设路"));
}

/* 信访事项处理意见书: the request, facts, basis and opinion, the right to a review and which body;
 * no ID number, phone or address. */
static void
test_opinion (Fixture      *f,
              gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = get_matter (f, register_matter (f, "小区电梯长期故障。"));
  g_autoptr (HallDocument) paper = hall_paper_opinion (reply, HALL_NAME, NULL, &error);
  g_autofree char *text = NULL;

  /* Nothing to print before the reply. */
  assert_refused (paper, &error);
  g_clear_pointer (&reply, json_object_unref);

  reply = get_matter (f, replied_matter (f));
  paper = hall_paper_opinion (reply, HALL_NAME, "城关县人民政府", &error);
  g_assert_no_error (error);
  text = paper_text (paper, "Written Opinion on a Petition");
  g_assert_nonnull (strstr (text, HALL_NAME));
  g_assert_nonnull (strstr (text, "XF2026-000002"));
  g_assert_nonnull (strstr (text, "张伟"));
  g_assert_nonnull (strstr (text, "物业不予维修，要求尽快修复"));
  g_assert_nonnull (strstr (text, "Factsfound"));
  g_assert_nonnull (strstr (text, "3号楼电梯自8月起停运"));
  g_assert_nonnull (strstr (text, "《特种设备安全法》第四十二条"));
  g_assert_nonnull (strstr (text, "Opinion:Supported"));
  g_assert_nonnull (strstr (text, "责成物业公司于十五日内修复电梯"));
  /* The right to a review within 30 days, and of whom; the day of the reply. */
  g_assert_nonnull (strstr (text, "ask城关县人民政府forareview"));
  g_assert_nonnull (strstr (text, "within30daysofreceivingit"));
  g_assert_nonnull (strstr (text, "2026-11-20"));
  assert_no_particulars (text);
  g_clear_object (&paper);
  g_clear_pointer (&text, g_free);

  /* No review body set: the regulation's own words. */
  paper = hall_paper_opinion (reply, HALL_NAME, "", &error);
  text = paper_text (paper, "Written Opinion on a Petition");
  g_assert_nonnull (strstr (text, "askthebodyonelevelabovetheonethathandledthematterforareview"));
}

/* A reply given before it had three parts still prints: its one text is the opinion's text. */
static void
test_opinion_old_reply (Fixture      *f,
                        gconstpointer data)
{
  gint64 id = replied_matter (f);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (HallDocument) paper = NULL;
  g_autofree char *sql = g_strdup_printf (
      "UPDATE matter SET reply_facts = NULL, reply_basis = NULL WHERE id = %lld", (long long) id);
  g_autofree char *text = NULL;

  hall_test_exec_sql (f->hall, sql);
  reply = get_matter (f, id);
  g_assert_true (json_object_get_null_member (json_object_get_object_member (reply, "matter"),
                                              "reply_facts"));
  paper = hall_paper_opinion (reply, HALL_NAME, NULL, &error);
  g_assert_no_error (error);
  text = paper_text (paper, "Written Opinion on a Petition");
  g_assert_nonnull (strstr (text, "Opinion:Supported"));
  g_assert_nonnull (strstr (text, "责成物业公司于十五日内修复电梯"));
  g_assert_null (strstr (text, "3号楼电梯自8月起停运"));
}

/* 复查意见书 (the right to a re-review, of whom) and 复核意见书 (final). */
static void
test_review_opinions (Fixture      *f,
                      gconstpointer data)
{
  gint64 id = replied_matter (f);
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (HallDocument) paper = NULL;
  g_autofree char *text = NULL;

  json_object_unref (hall_test_ok (f->hall, f->staff, "matter.review_request",
                                   "{\"matter_id\":%lld,\"reason\":\"电梯修复后仍频繁故障，要求更换\"}",
                                   (long long) id));
  reply = get_matter (f, id);
  assert_refused (hall_paper_review_opinion (reply, HALL_NAME, NULL, &error), &error);
  g_clear_pointer (&reply, json_object_unref);

  json_object_unref (hall_test_ok (
      f->hall, f->leader, "matter.review_reply",
      "{\"matter_id\":%lld,\"facts\":\"复查查明电梯已修复并经检验合格。\","
      "\"basis\":\"《信访工作条例》第三十五条\",\"opinion\":\"uphold\",\"text\":\"维持原处理意见。\"}",
      (long long) id));
  reply = get_matter (f, id);
  paper = hall_paper_review_opinion (reply, HALL_NAME, "城关县人民政府", &error);
  g_assert_no_error (error);
  text = paper_text (paper, "Written Review Opinion");
  g_assert_nonnull (strstr (text, "电梯修复后仍频繁故障"));
  g_assert_nonnull (strstr (text, "复查查明电梯已修复并经检验合格"));
  g_assert_nonnull (strstr (text, "Opinion:Upheld"));
  g_assert_nonnull (strstr (text, "onelevelabove城关县人民政府forare-reviewwithin30days"));
  assert_no_particulars (text);
  g_clear_object (&paper);
  g_clear_pointer (&text, g_free);
  g_clear_pointer (&reply, json_object_unref);

  json_object_unref (hall_test_ok (f->hall, f->staff, "matter.rereview_request",
                                   "{\"matter_id\":%lld,\"reason\":\"仍不服\"}", (long long) id));
  json_object_unref (hall_test_ok (
      f->hall, f->leader, "matter.rereview_reply",
      "{\"matter_id\":%lld,\"facts\":\"复核查明物业已更换主机。\","
      "\"basis\":\"《信访工作条例》第三十六条\",\"opinion\":\"revise\",\"text\":\"变更为责令更换电梯。\"}",
      (long long) id));
  reply = get_matter (f, id);
  paper = hall_paper_rereview_opinion (reply, HALL_NAME, &error);
  g_assert_no_error (error);
  text = paper_text (paper, "Written Re-review Opinion");
  g_assert_nonnull (strstr (text, "复核查明物业已更换主机"));
  g_assert_nonnull (strstr (text, "Opinion:Changed"));
  g_assert_nonnull (strstr (text, "Thisre-reviewopinionisfinal"));
  g_assert_nonnull (strstr (text, "willnothaveitacceptedagain"));
  assert_no_particulars (text);
}

/* 延期告知书: the reason and the new deadline, from matter.extend's record. */
static void
test_extension_notice (Fixture      *f,
                       gconstpointer data)
{
  gint64 id = register_matter (f, "小区电梯长期故障。");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = NULL;
  g_autofree char *text = NULL;

  json_object_unref (
      hall_test_ok (f->hall, f->staff, "matter.accept", "{\"matter_id\":%lld}", (long long) id));
  reply = get_matter (f, id);
  assert_refused (hall_paper_extension_notice (reply, HALL_NAME, &error), &error);
  g_clear_pointer (&reply, json_object_unref);

  /* Accepted Friday 20 November: 60 days end on Tuesday 19 January; 15 more, Wednesday 3
   * February. */
  json_object_unref (hall_test_ok (f->hall, f->staff, "matter.extend",
                                   "{\"matter_id\":%lld,\"days\":15,"
                                   "\"reason\":\"需委托第三方检测电梯安全状况\",\"approver\":\"赵局长\"}",
                                   (long long) id));
  reply = get_matter (f, id);
  {
    g_autoptr (HallDocument) paper = hall_paper_extension_notice (reply, HALL_NAME, &error);

    g_assert_no_error (error);
    text = paper_text (paper, "Notice of Extension");
  }
  g_assert_nonnull (strstr (text, "张伟"));
  g_assert_nonnull (strstr (text, "需委托第三方检测电梯安全状况"));
  g_assert_nonnull (strstr (text, "extendedby15days"));
  g_assert_nonnull (strstr (text, "by2027-02-03"));
  assert_no_particulars (text);
}

/* 交办单: the department, the deadline, the petition, and the petitioner's phone and address for the
 * department to reach them; never the ID number. */
static void
test_assignment (Fixture      *f,
                 gconstpointer data)
{
  gint64 id = register_matter (f, "小区电梯长期故障，物业不予维修，要求尽快修复。");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = get_matter (f, id);
  g_autofree char *text = NULL;

  assert_refused (hall_paper_assignment (reply, HALL_NAME, "2026-11-20", &error), &error);
  g_clear_pointer (&reply, json_object_unref);

  json_object_unref (hall_test_ok (f->hall, f->staff, "matter.assign",
                                   "{\"matter_id\":%lld,\"department_id\":3,"
                                   "\"cooperating_department_ids\":[5],"
                                   "\"deadline\":\"2026-12-18\",\"note\":\"请于期限内核实并答复\"}",
                                   (long long) id));
  reply = get_matter (f, id);
  {
    g_autoptr (HallDocument) paper = hall_paper_assignment (reply, HALL_NAME, "2026-11-20", &error);

    g_assert_no_error (error);
    text = paper_text (paper, "Assignment of a Petition");
  }
  g_assert_nonnull (strstr (text, "民政"));
  g_assert_nonnull (strstr (text, "Cooperating"));
  g_assert_nonnull (strstr (text, "2026-12-18"));
  g_assert_nonnull (strstr (text, "物业不予维修，要求尽快修复"));
  g_assert_nonnull (strstr (text, "请于期限内核实并答复"));
  /* What the department needs to reach the petitioner, and not the ID number. */
  g_assert_nonnull (strstr (text, "张伟"));
  g_assert_nonnull (strstr (text, "13812345678"));
  g_assert_nonnull (strstr (text, "城关镇建设路8号"));
  g_assert_null (strstr (text, ID_ZHANG));
}

/* 督办函, from matter.supervise's record. */
static void
test_supervision (Fixture      *f,
                  gconstpointer data)
{
  gint64 id = register_matter (f, "小区电梯长期故障。");
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) reply = NULL;
  g_autoptr (HallDocument) paper = NULL;
  g_autofree char *text = NULL;

  json_object_unref (
      hall_test_ok (f->hall, f->staff, "matter.accept", "{\"matter_id\":%lld}", (long long) id));
  r = hall_test_ok (f->hall, f->leader, "matter.supervise",
                    "{\"matter_id\":%lld,\"note\":\"请城建局五日内拿出维修方案\","
                    "\"due_date\":\"2026-11-27\"}",
                    (long long) id);
  reply = get_matter (f, id);
  paper = hall_paper_supervision (reply, json_object_get_object_member (r, "supervision"),
                                  HALL_NAME);
  text = paper_text (paper, "Supervision Letter");
  g_assert_nonnull (strstr (text, "XF2026-000001"));
  g_assert_nonnull (strstr (text, "请城建局五日内拿出维修方案"));
  g_assert_nonnull (strstr (text, "by2026-11-27"));
  g_assert_nonnull (strstr (text, "城建"));
  assert_no_particulars (text);
}

/* A folder nobody may write to: the error names the file, nothing is left behind. */
#define REPEAT                                                                                            \
  "{\"channel\":\"visit\",\"type\":\"claim\",\"content\":\"电梯还没修\",\"petitioners\":[{\"name\":" \
  "\"张伟\",\"id_number\":\"%s\",\"phone\":\"13812345678\"}],\"link\":%lld}"

/* Registers 张伟's petition again, linked to @earlier, and reads back the notice: titled @title,
 * with the name, the earlier number and the hall, and neither ID number nor phone. */
static char *
repeat_notice_text (Fixture    *f,
                    gint64      earlier,
                    const char *title)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = hall_test_ok (f->hall, f->staff, "matter.register", REPEAT,
                                               ID_ZHANG, (long long) earlier);
  g_autoptr (HallDocument) notice =
      hall_paper_repeat_notice (reply, "张伟", HALL_NAME, "2026-11-20", &error);
  g_autofree char *text = NULL;
  char            *flat;

  g_assert_no_error (error);
  text = pdf_text (notice, NULL);
  flat = hall_test_squeeze (text);
  g_assert_nonnull (strstr (text, title));
  g_assert_nonnull (strstr (flat, "张伟"));
  g_assert_nonnull (strstr (flat, "XF2026-000001"));
  g_assert_nonnull (strstr (flat, HALL_NAME));
  g_assert_null (strstr (flat, ID_ZHANG));
  g_assert_null (strstr (flat, "13812345678"));
  return flat;
}

/* 重复信访告知书 and 不予受理告知书 from matter.register's reply to a linked petition: the
 * earlier matter's number and state, the article, and no ID number or phone. */
static void
test_repeat_notice (Fixture      *f,
                    gconstpointer data)
{
  gint64 earlier = register_matter (f, "小区电梯长期故障。");
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonObject) reply = NULL;
  g_autofree char *flat = NULL;
  /* An ordinary registration has no such notice. */
  reply = get_matter (f, earlier);
  g_assert_null (hall_paper_repeat_notice (reply, "张伟", HALL_NAME, "2026-11-20", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_clear_pointer (&reply, json_object_unref);

  json_object_unref (hall_test_ok (f->hall, f->staff, "matter.accept", "{\"matter_id\":%lld}",
                                   (long long) earlier));
  flat = repeat_notice_text (f, earlier, "Notice of a Repeat Petition");
  g_assert_nonnull (strstr (flat, "Article19"));
  g_assert_nonnull (strstr (flat, "Accepted"));
  g_clear_pointer (&flat, g_free);

  /* Its re-review concluded and final: not accepted, citing Article 36. */
  hall_test_exec_sql (f->hall, "UPDATE matter SET state = 'rereviewed', "
                               "rereviewed_date = '2026-11-10' WHERE id = 1");
  flat = repeat_notice_text (f, earlier, "Notice of Non-Acceptance");
  g_assert_nonnull (strstr (flat, "Article36"));
  g_assert_nonnull (strstr (flat, "2026-11-10"));
}

static void
test_unwritable (void)
{
  g_autoptr (HallDocument) document = hall_document_new ("Test");
  g_autoptr (GError) error = NULL;

  hall_document_add_field (document, "Name", NULL);
  g_assert_false (hall_document_write_pdf (document, "/nonexistent-folder/paper.pdf", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "paper.pdf"));
  g_assert_false (g_file_test ("/nonexistent-folder/paper.pdf", G_FILE_TEST_EXISTS));
}

/* Empty values print as a dash, and an empty document is one page with its title. */
static void
test_empty_values (void)
{
  g_autoptr (HallDocument) document = hall_document_new ("Empty");
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  int              n_pages = 0;

  hall_document_add_field (document, "Address", "");
  hall_document_add_text (document, NULL);
  plain = hall_document_dup_text (document);
  g_assert_cmpstr (plain, ==, "Empty\nAddress: —\n—\n");
  text = pdf_text (document, &n_pages);
  g_assert_cmpint (n_pages, ==, 1);
  g_assert_nonnull (strstr (text, "Empty"));
  g_assert_nonnull (strstr (text, "—"));
}

int
main (int   argc,
      char *argv[])
{
  /* The tests read English (LANG=C.UTF-8); LANG=zh_CN.UTF-8 with HALL_TEST_PAPERS shows the papers
   * as the hall prints them. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, BUILD_LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/print/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("receipt", test_receipt);
  ADD ("receipt-qr", test_receipt_qr);
  ADD ("long-content", test_long_content);
  ADD ("decision-notice", test_decision_notice);
  ADD ("reception-record", test_reception_record);
  ADD ("repeat-notice", test_repeat_notice);
  ADD ("opinion", test_opinion);
  ADD ("opinion-old-reply", test_opinion_old_reply);
  ADD ("review-opinions", test_review_opinions);
  ADD ("extension-notice", test_extension_notice);
  ADD ("assignment", test_assignment);
  ADD ("supervision", test_supervision);
#undef ADD
  g_test_add_func ("/print/unwritable", test_unwritable);
  g_test_add_func ("/print/empty-values", test_empty_values);
  g_test_add_func ("/print/status-code", test_status_code);
  g_test_add_func ("/print/ticket", test_ticket);
  return g_test_run ();
}
