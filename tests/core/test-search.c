/* test-search.c — matter.search: Chinese words of two, three and four characters, names, ID
 * numbers, phones and matter numbers; who sees what; paging; queries full of FTS and SQL syntax
 *
 * The matters are written straight into the hall database through a second connection, so the
 * search index is kept current by 005-search.sql's triggers alone, as it is for registration.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-search"

#include "config.h"

#include "hall-search-tokenizer.h"
#include "hall-test-util.h"

typedef struct
{
  HallTestHall *hall;
  char         *staff; /* 城建 window, user 1 */
  char         *manager;
} Fixture;

/*   id  number          dept (first)     petitioners            content
 *   1   XF2025-000100   城建 (城建)      赵强                   物业乱收费
 *   2   XF2026-000001   城建 (城建)      张伟 (ID, phone)       3号楼漏水, 物业
 *   3   XF2026-000002   自然资源 (same)  李秀英 (ID, phone)     征地拆迁补偿款
 *   4   XF2026-000003   人社 (城建)      王建国                 拖欠农民工工资
 *   5   XF2026-000004   民政 (民政)      张伟 (another one)     低保; first received by user 1
 *   6   XF2026-000005   农业农村 (same)  欧阳明, 陈红 (代表)    土地承包, collective */
static const char *records =
    "INSERT INTO petitioner (id, name, id_number, phone, created_at, updated_at) VALUES "
    "  (1, '赵强', NULL, NULL, 0, 0),"
    "  (2, '张伟', '43010219900307123X', '13800138000', 0, 0),"
    "  (3, '李秀英', '430102196512240025', '13912345678', 0, 0),"
    "  (4, '王建国', NULL, '0745-2234567', 0, 0),"
    "  (5, '张伟', NULL, NULL, 0, 0),"
    "  (6, '欧阳明', NULL, NULL, 0, 0),"
    "  (7, '陈红', NULL, NULL, 0, 0);"
    "INSERT INTO matter (id, number, query_code, channel, type, department_id, first_department_id,"
    "                    first_user_id, content, persons, collective, received_date, registered_at,"
    "                    decision_due, updated_at) VALUES "
    "  (1, 'XF2025-000100', '100100', 'visit', 'claim', 2, 2, NULL,"
    "   '反映小区物业乱收费，停车费一年内上涨三次，业主多次协商无果。', 1, 0, '2025-11-03', 0, "
    "'2025-11-18', 0),"
    "  (2, 'XF2026-000001', '000001', 'visit', 'claim', 2, 2, NULL,"
    "   '反映小区3号楼楼顶漏水，物业公司拖延维修，要求尽快解决。', 1, 0, '2026-03-02', 0, "
    "'2026-03-17', 0),"
    "  (3, 'XF2026-000002', '000002', 'visit', 'claim', 4, 4, NULL,"
    "   '反映村里征地拆迁补偿款未足额发放，要求核实并补发。', 1, 0, '2026-03-03', 0, '2026-03-18', "
    "0),"
    "  (4, 'XF2026-000003', '000003', 'letter', 'claim', 5, 2, NULL,"
    "   '反映某建筑公司拖欠农民工工资三个月，要求协调支付。', 1, 0, '2026-03-04', 0, '2026-03-19', "
    "0),"
    "  (5, 'XF2026-000004', '000004', 'visit', 'claim', 3, 3, 1,"
    "   '申请城乡低保，因家庭困难，希望政府给予救助。', 1, 0, '2026-03-05', 0, '2026-03-20', 0),"
    "  (6, 'XF2026-000005', '000005', 'visit', 'claim', 6, 6, NULL,"
    "   '反映土地承包经营权纠纷，邻村占用耕地二十余亩。', 12, 1, '2026-03-06', 0, '2026-03-21', 0);"
    "INSERT INTO matter_petitioner (matter_id, petitioner_id, role, sort) VALUES "
    "  (1, 1, 'petitioner', 0), (2, 2, 'petitioner', 0), (3, 3, 'petitioner', 0), (4, 4, "
    "'petitioner', 0),"
    "  (5, 5, 'petitioner', 0), (6, 6, 'representative', 0), (6, 7, 'representative', 1);";

static void
fixture_set_up (Fixture      *f,
                gconstpointer data)
{
  g_autoptr (JsonObject) who = NULL;

  f->hall = hall_test_hall_new ();
  f->staff = hall_test_add_user (f->hall, "li", "staff", "chengjian", 2);
  f->manager = hall_test_add_user (f->hall, "zhao", "manager", NULL, 0);
  who = hall_test_ok (f->hall, f->staff, "session.whoami", NULL);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (who, "user"), "id"),
                   ==, 1);
  hall_test_exec_sql (f->hall, records);
}

static void
fixture_tear_down (Fixture      *f,
                   gconstpointer data)
{
  g_free (f->staff);
  g_free (f->manager);
  hall_test_hall_free (f->hall);
}

/* The ids found, newest first, as "5,2". */
static char *
search_ids (Fixture    *f,
            const char *token,
            const char *query)
{
  g_autoptr (JsonObject) params = json_object_new ();
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) ids = g_string_new (NULL);
  JsonArray *matters;

  json_object_set_string_member (params, "query", query);
  r = hall_engine_call_sync (f->hall->engine, token, "matter.search", params, NULL, &error);
  g_assert_no_error (error);
  matters = json_object_get_array_member (r, "matters");
  for (guint i = 0; i < json_array_get_length (matters); i++)
    g_string_append_printf (
        ids, "%s%" G_GINT64_FORMAT, i ? "," : "",
        json_object_get_int_member (json_array_get_object_element (matters, i), "id"));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

#define assert_found(f, token, query, expected)                   \
  G_STMT_START                                                    \
  {                                                               \
    g_autofree char *found_ = search_ids ((f), (token), (query)); \
    if (g_strcmp0 (found_, (expected)) != 0)                      \
      g_test_message ("query “%s”", (query));                     \
    g_assert_cmpstr (found_, ==, (expected));                     \
  }                                                               \
  G_STMT_END

static void
test_chinese_words (Fixture      *f,
                    gconstpointer data)
{
  /* Two characters: one token of the bigram index. */
  assert_found (f, f->manager, "漏水", "2");
  assert_found (f, f->manager, "拆迁", "3");
  assert_found (f, f->manager, "物业", "2,1");
  assert_found (f, f->manager, "低保", "5");
  /* Three and four characters: consecutive pairs, in order. */
  assert_found (f, f->manager, "农民工", "4");
  assert_found (f, f->manager, "补偿款", "3");
  assert_found (f, f->manager, "拆迁补偿", "3");
  assert_found (f, f->manager, "土地承包", "6");
  assert_found (f, f->manager, "3号楼", "2");
  /* The same characters out of order, or two words that never stand together, are no match. */
  assert_found (f, f->manager, "迁拆", "");
  assert_found (f, f->manager, "拆迁工资", "");
  assert_found (f, f->manager, "火车站", "");
  /* Several words: all of them, anywhere in the matter. */
  assert_found (f, f->manager, "物业 漏水", "2");
  assert_found (f, f->manager, "物业\xe3\x80\x80停车费", "1");
  assert_found (f, f->manager, "物业 拆迁", "");
}

static void
test_names_and_numbers (Fixture      *f,
                        gconstpointer data)
{
  g_autoptr (JsonObject) r = NULL;
  JsonObject *matter, *person;

  /* Names of two and three characters, representatives included; two people named 张伟. */
  assert_found (f, f->manager, "张伟", "5,2");
  assert_found (f, f->manager, "李秀英", "3");
  assert_found (f, f->manager, "欧阳明", "6");
  assert_found (f, f->manager, "陈红", "6");
  assert_found (f, f->manager, "张伟 低保", "5");

  /* ID numbers, exactly, with the check character in either case. */
  assert_found (f, f->manager, "43010219900307123X", "2");
  assert_found (f, f->manager, "43010219900307123x", "2");
  assert_found (f, f->manager, "430102196512240025", "3");
  assert_found (f, f->manager, "430102196512240026", "");
  /* Phones: mobile and landline. */
  assert_found (f, f->manager, "13800138000", "2");
  assert_found (f, f->manager, "0745-2234567", "4");
  assert_found (f, f->manager, "13800138001", "");
  /* Matter numbers, in either case, and the serial part alone. */
  assert_found (f, f->manager, "XF2026-000002", "3");
  assert_found (f, f->manager, "xf2026-000002", "3");
  assert_found (f, f->manager, "000002", "3");
  assert_found (f, f->manager, "XF2027-000002", "");

  /* What a result says: the kind of query, the matter, its people with ID and phone masked. */
  r = hall_test_ok (f->hall, f->manager, "matter.search", "{\"query\":\"13800138000\"}");
  g_assert_cmpstr (json_object_get_string_member (r, "kind"), ==, "phone");
  matter = json_array_get_object_element (json_object_get_array_member (r, "matters"), 0);
  g_assert_cmpstr (json_object_get_string_member (matter, "number"), ==, "XF2026-000001");
  g_assert_cmpstr (json_object_get_string_member (matter, "department_name"), ==, "城建");
  g_assert_cmpstr (json_object_get_string_member (matter, "state"), ==, "registered");
  g_assert_true (g_str_has_prefix (json_object_get_string_member (matter, "summary"), "反映小区3号楼"));
  person = json_array_get_object_element (json_object_get_array_member (matter, "petitioners"), 0);
  g_assert_cmpstr (json_object_get_string_member (person, "name"), ==, "张伟");
  g_assert_cmpstr (json_object_get_string_member (person, "phone"), ==, "138****8000");
  g_assert_cmpstr (json_object_get_string_member (person, "id_number"), ==, "430102********123X");
}

static void
test_visibility (Fixture      *f,
                 gconstpointer data)
{
  g_autofree char *leader = hall_test_add_user (f->hall, "sun", "leader", NULL, 0);
  g_autofree char *other = hall_test_add_user (f->hall, "qian", "staff", "ziranziyuan", 4);

  /* The 城建 window sees 城建's matters (1, 2), the one it received for 人社 (4) and the one its
   * clerk received himself (5), never 自然资源's (3) or 农业农村's (6). */
  assert_found (f, f->staff, "张伟", "5,2");
  assert_found (f, f->staff, "物业", "2,1");
  assert_found (f, f->staff, "农民工", "4");
  assert_found (f, f->staff, "拆迁", "");
  assert_found (f, f->staff, "430102196512240025", "");
  assert_found (f, f->staff, "13912345678", "");
  assert_found (f, f->staff, "XF2026-000002", "");
  assert_found (f, f->staff, "土地承包", "");
  /* The 自然资源 window sees its own. */
  assert_found (f, other, "拆迁", "3");
  assert_found (f, other, "张伟", "");
  /* Leaders see all. */
  assert_found (f, leader, "张伟", "5,2");
  assert_found (f, leader, "反映", "6,4,3,2,1");
}

static void
test_bad_queries (Fixture      *f,
                  gconstpointer data)
{
  g_autofree char *admin = hall_test_add_user (f->hall, "admin", "admin", NULL, 0);
  g_autofree char *display = hall_test_add_user (f->hall, "wall", "display", NULL, 0);
  g_autofree char *kiosk = hall_test_add_user (f->hall, "kiosk", "kiosk", NULL, 0);
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) audit = NULL;
  const char *const harmless[] = {
    "\"漏水",
    "漏水\"",
    "漏水*",
    "*",
    "NEAR(漏水 物业)",
    "漏水 AND 物业",
    "漏水 OR 拆迁",
    "NOT 漏水",
    "content:漏水",
    "{number names}: 漏水",
    "^漏水",
    "(漏水",
    "'; DROP TABLE matter; --",
    "漏水'--",
    "\"\"\"\"",
    "-漏水",
    "漏水 + 物业",
    "%_",
    "\\漏水",
    NULL,
  };

  /* FTS and SQL syntax is only text: no error, no surprise. Where the words remain, they match. */
  for (guint i = 0; harmless[i] != NULL; i++)
    {
      g_autoptr (JsonObject) params = json_object_new ();
      g_autoptr (JsonObject) result = NULL;
      g_autoptr (GError) error = NULL;

      json_object_set_string_member (params, "query", harmless[i]);
      result = hall_engine_call_sync (f->hall->engine, f->manager, "matter.search", params, NULL,
                                      &error);
      if (error != NULL)
        g_assert_error (error, HALL_ERROR, HALL_ERROR_INVALID_ARGUMENT);
    }
  assert_found (f, f->manager, "\"漏水", "2");
  assert_found (f, f->manager, "漏水*", "2");
  assert_found (f, f->manager, "(漏水", "2");
  assert_found (f, f->manager, "'; DROP TABLE matter; --", "");
  assert_found (f, f->manager, "反映", "6,4,3,2,1");

  /* One character cannot be searched; punctuation alone is no query. */
  hall_test_fails (f->hall, f->manager, "matter.search", HALL_ERROR_INVALID_ARGUMENT, "query",
                   "{\"query\":\"水\"}");
  hall_test_fails (f->hall, f->manager, "matter.search", HALL_ERROR_INVALID_ARGUMENT, "query",
                   "{\"query\":\"张 \"}");
  hall_test_fails (f->hall, f->manager, "matter.search", HALL_ERROR_INVALID_ARGUMENT, "query",
                   "{\"query\":\"*\"}");
  hall_test_fails (f->hall, f->manager, "matter.search", HALL_ERROR_INVALID_ARGUMENT, "query",
                   "{\"query\":\"\\\"\\\"\"}");
  hall_test_fails (f->hall, f->manager, "matter.search", HALL_ERROR_INVALID_ARGUMENT, "query",
                   "{\"query\":\"   \"}");
  hall_test_fails (f->hall, f->manager, "matter.search", HALL_ERROR_INVALID_ARGUMENT, "query",
                   "{}");
  hall_test_fails (f->hall, f->manager, "matter.search", HALL_ERROR_INVALID_ARGUMENT, "query",
                   "{\"query\":42}");
  hall_test_fails (f->hall, f->manager, "matter.search", HALL_ERROR_INVALID_ARGUMENT, "query",
                   "{\"query\":\"%s\"}",
                   "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十"
                   "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一");
  hall_test_fails (f->hall, f->manager, "matter.search", HALL_ERROR_INVALID_ARGUMENT, "query",
                   "{\"query\":\"a1 b2 c3 d4 e5 f6 g7 h8 i9\"}");
  hall_test_fails (f->hall, f->manager, "matter.search", HALL_ERROR_INVALID_ARGUMENT, "limit",
                   "{\"query\":\"物业\",\"limit\":0}");
  hall_test_fails (f->hall, f->manager, "matter.search", HALL_ERROR_INVALID_ARGUMENT, "limit",
                   "{\"query\":\"物业\",\"limit\":101}");
  hall_test_fails (f->hall, f->manager, "matter.search", HALL_ERROR_INVALID_ARGUMENT, "before",
                   "{\"query\":\"物业\",\"before\":\"x\"}");

  /* Neither the devices nor the admin search petitions. */
  hall_test_fails (f->hall, admin, "matter.search", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"query\":\"物业\"}");
  hall_test_fails (f->hall, display, "matter.search", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"query\":\"物业\"}");
  hall_test_fails (f->hall, kiosk, "matter.search", HALL_ERROR_FORBIDDEN, NULL,
                   "{\"query\":\"物业\"}");

  /* Every search is audited, and so is every matter whose people it showed. */
  r = hall_test_ok (f->hall, f->staff, "matter.search", "{\"query\":\"张伟\"}");
  audit = hall_test_ok (f->hall, admin, "audit.list", "{\"limit\":3}");
  {
    JsonArray  *entries = json_object_get_array_member (audit, "entries");
    JsonObject *e;

    /* Newest first: the search itself, then the two matters it showed (2, then 5). */
    g_assert_cmpuint (json_array_get_length (entries), ==, 3);
    e = json_array_get_object_element (entries, 0);
    g_assert_cmpstr (json_object_get_string_member (e, "command"), ==, "matter.search");
    g_assert_cmpstr (json_object_get_string_member (e, "username"), ==, "li");
    e = json_array_get_object_element (entries, 1);
    g_assert_cmpstr (json_object_get_string_member (e, "command"), ==, "matter.search.result");
    g_assert_cmpstr (json_object_get_string_member (e, "object_type"), ==, "matter");
    g_assert_cmpstr (json_object_get_string_member (e, "object_id"), ==, "2");
    e = json_array_get_object_element (entries, 2);
    g_assert_cmpstr (json_object_get_string_member (e, "object_id"), ==, "5");
    g_assert_cmpstr (json_object_get_string_member (e, "username"), ==, "li");
  }
}

static void
test_paging (Fixture      *f,
             gconstpointer data)
{
  g_autoptr (JsonObject) first = NULL;
  g_autoptr (JsonObject) second = NULL;
  g_autoptr (JsonObject) third = NULL;
  JsonArray *matters;

  first = hall_test_ok (f->hall, f->manager, "matter.search", "{\"query\":\"反映\",\"limit\":2}");
  matters = json_object_get_array_member (first, "matters");
  g_assert_cmpuint (json_array_get_length (matters), ==, 2);
  g_assert_true (json_object_get_boolean_member (first, "more"));
  g_assert_cmpint (json_object_get_int_member (first, "next_before"), ==, 4);

  second = hall_test_ok (f->hall, f->manager, "matter.search",
                         "{\"query\":\"反映\",\"limit\":2,\"before\":4}");
  matters = json_object_get_array_member (second, "matters");
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (matters, 0), "id"),
                   ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (matters, 1), "id"),
                   ==, 2);
  g_assert_true (json_object_get_boolean_member (second, "more"));

  third = hall_test_ok (f->hall, f->manager, "matter.search",
                        "{\"query\":\"反映\",\"limit\":2,\"before\":2}");
  matters = json_object_get_array_member (third, "matters");
  g_assert_cmpuint (json_array_get_length (matters), ==, 1);
  g_assert_false (json_object_get_boolean_member (third, "more"));
  g_assert_true (json_object_get_null_member (third, "next_before"));
}

static void
test_index_follows_changes (Fixture      *f,
                            gconstpointer data)
{
  /* A renamed petitioner, edited content, a person added to and removed from a matter, a
   * deleted matter: the index follows each through its triggers. */
  hall_test_exec_sql (f->hall, "UPDATE petitioner SET name = '赵刚' WHERE id = 1");
  assert_found (f, f->manager, "赵刚", "1");
  assert_found (f, f->manager, "赵强", "");

  hall_test_exec_sql (f->hall,
                      "UPDATE matter SET content = '反映小区电梯经常故障，存在安全隐患。' WHERE id = 2");
  assert_found (f, f->manager, "电梯", "2");
  assert_found (f, f->manager, "漏水", "");
  assert_found (f, f->manager, "张伟", "5,2");

  hall_test_exec_sql (
      f->hall, "INSERT INTO matter_petitioner (matter_id, petitioner_id, sort) VALUES (2, 3, 1)");
  assert_found (f, f->manager, "李秀英", "3,2");
  hall_test_exec_sql (f->hall,
                      "DELETE FROM matter_petitioner WHERE matter_id = 2 AND petitioner_id = 2");
  assert_found (f, f->manager, "张伟", "5");
  assert_found (f, f->manager, "李秀英", "3,2");

  /* Assigned (交办) to 城建, 自然资源's matter becomes visible to the 城建 window; and the words
   * the index keeps about who may see a matter are never found by a search. */
  assert_found (f, f->staff, "拆迁", "");
  hall_test_exec_sql (f->hall, "UPDATE matter SET department_id = 2 WHERE id = 3");
  assert_found (f, f->staff, "拆迁", "3");
  assert_found (f, f->manager, "d2", "");
  assert_found (f, f->manager, "f4", "");
  assert_found (f, f->manager, "u1", "");

  hall_test_exec_sql (
      f->hall,
      "DELETE FROM matter_petitioner WHERE matter_id = 6; DELETE FROM matter WHERE id = 6");
  assert_found (f, f->manager, "土地承包", "");
  assert_found (f, f->manager, "欧阳明", "");
}

/* Through matter.register itself: what a window registers can be found at once. */
static void
test_registered_matters (void)
{
  g_autoptr (HallTestHall) hall = hall_test_hall_new ();
  g_autofree char *staff = hall_test_add_user (hall, "li", "staff", "chengjian", 2);
  g_autofree char *other = hall_test_add_user (hall, "qian", "staff", "minzheng", 3);
  g_autoptr (JsonObject) r = NULL;
  g_autoptr (JsonObject) found = NULL;
  JsonArray  *matters;
  const char *queries[] = { "电梯", "物业不予维修", "王秀兰", "430102198503151236", "13812345678", NULL };

  hall_engine_set_now (hall->engine, hall_test_time ("2026-03-02 09:00"));
  r = hall_test_ok (hall, staff, "matter.register",
                    "{\"channel\":\"visit\",\"type\":\"claim\",\"category_id\":3,"
                    "\"content\":\"小区电梯长期故障，物业不予维修。\","
                    "\"petitioners\":[{\"name\":\"王秀兰\",\"id_number\":\"430102198503151236\","
                    "\"phone\":\"13812345678\"}]}");

  for (guint i = 0; queries[i] != NULL; i++)
    {
      g_autoptr (JsonObject) mine = NULL;
      g_autoptr (JsonObject) theirs = NULL;

      mine = hall_test_ok (hall, staff, "matter.search", "{\"query\":\"%s\"}", queries[i]);
      matters = json_object_get_array_member (mine, "matters");
      g_assert_cmpuint (json_array_get_length (matters), ==, 1);
      g_assert_cmpstr (
          json_object_get_string_member (json_array_get_object_element (matters, 0), "number"), ==,
          json_object_get_string_member (r, "number"));
      /* Another department's window does not see it. */
      theirs = hall_test_ok (hall, other, "matter.search", "{\"query\":\"%s\"}", queries[i]);
      g_assert_cmpuint (json_array_get_length (json_object_get_array_member (theirs, "matters")),
                        ==, 0);
    }

  found = hall_test_ok (hall, staff, "matter.search", "{\"query\":\"%s\"}",
                        json_object_get_string_member (r, "number"));
  g_assert_cmpstr (json_object_get_string_member (found, "kind"), ==, "number");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (found, "matters")), ==, 1);
}

typedef struct
{
  const char *text;
  GString    *ranges;
} Ranges;

static int
add_range (void       *data,
           int         flags,
           const char *token,
           int         n_token,
           int         start,
           int         end)
{
  Ranges *ranges = data;

  g_assert_cmpint (end, <=, strlen (ranges->text));
  g_string_append_printf (ranges->ranges, "%s%.*s=%.*s", ranges->ranges->len > 0 ? " " : "",
                          n_token, token, end - start, ranges->text + start);
  return SQLITE_OK;
}

/* Each token stands for the very bytes of the text it came from, even where lowering a letter
 * makes it longer (Ⱦ has two bytes in UTF-8, its lower case ⱦ three): FTS5 highlights and
 * snippets by these ranges, and a range past the text would read beyond it. */
static void
test_token_ranges (void)
{
  const char *cases[][2] = {
    { "拆迁补偿", "拆迁=拆迁 迁补=迁补 补偿=补偿" },
    { "物业 Ⱦ", "物业=物业 ⱦ=Ⱦ" },
    { "Ⱦ 物业", "ⱦ=Ⱦ 物业=物业" },
    { "ȾȺ", "ⱦⱥ=ȾȺ" },
    { "Ｗｉｆｉ漏水3号", "wifi=Ｗｉｆｉ 漏水=漏水 3=3 号=号" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Ranges ranges = { cases[i][0], g_string_new (NULL) };

      g_assert_cmpint (
          hall_search_tokenize (cases[i][0], strlen (cases[i][0]), add_range, &ranges), ==,
          SQLITE_OK);
      g_assert_cmpstr (ranges.ranges->str, ==, cases[i][1]);
      g_string_free (ranges.ranges, TRUE);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/search/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("chinese-words", test_chinese_words);
  ADD ("names-and-numbers", test_names_and_numbers);
  ADD ("visibility", test_visibility);
  ADD ("bad-queries", test_bad_queries);
  ADD ("paging", test_paging);
  ADD ("index-follows-changes", test_index_follows_changes);
#undef ADD
  g_test_add_func ("/search/registered-matters", test_registered_matters);
  g_test_add_func ("/search/token-ranges", test_token_ranges);

  return g_test_run ();
}
