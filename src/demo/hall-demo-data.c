/* hall-demo-data.c — the demo hall's people, windows and problems, and the visitors made from them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "hall-demo-private.h"

const DemoStaff _hall_demo_staff[N_COUNTERS] = {
  { "lijing", "李静", TRUE, NULL },                 /* 1 信访综合接待 */
  { "zhaolei", "赵磊", TRUE, NULL },                /* 2 城建 */
  { "sunmin", "孙敏", TRUE, NULL },                 /* 3 民政 */
  { "zhoutao", "周涛", TRUE, NULL },                /* 4 自然资源 */
  { "wufang", "吴芳", TRUE, NULL },                 /* 5 人社 */
  { "zhengwei", "郑伟", TRUE, NULL },               /* 6 农业农村 */
  { "fengxue", "冯雪", TRUE, NULL },                /* 7 教育 */
  { "chengang", "陈刚", TRUE, "到档案室调取材料" }, /* 8 卫健 */
  { "chuliang", "褚亮", TRUE, NULL },               /* 9 公安 */
  { "weiping", "卫平", TRUE, NULL },                /* 10 法院 */
  { "jianglin", "蒋琳", FALSE, NULL },              /* 11 检察院 */
  { "shenjie", "沈洁", TRUE, NULL },                /* 12 司法 */
  { "hanmei", "韩梅", TRUE, NULL },                 /* 13 人民调解 */
  { "yangfan", "杨帆", TRUE, NULL },                /* 14 市场监管 */
  { "zhuqing", "朱青", FALSE, NULL },               /* 15 生态环境 */
  { "zhujun", "朱军", TRUE, NULL },                 /* 16 交通运输 */
  { "heping", "何平", FALSE, NULL },                /* 17 水利 */
  { "qinyong", "秦勇", TRUE, NULL },                /* 18 退役军人 */
  { "lvxia", "吕霞", FALSE, NULL },                 /* 19 医保 */
  { "xuwen", "许文", TRUE, NULL },                  /* 20 纪委监委 */
};

const HallDemoAccount _hall_demo_featured[] = {
  { "zhangli", "张丽", "manager,staff", "xinfang", 0 },
  { "wangjianguo", "王建国", "leader", NULL, 0 },
  { "lijing", "李静", "staff", "xinfang", 1 },
  { "zhaolei", "赵磊", "staff", "chengjian", 2 },
  { "chenzhiqiang", "陈志强", "admin", NULL, 0 },
};
const guint _hall_demo_n_featured = G_N_ELEMENTS (_hall_demo_featured);

const char *const _hall_demo_department_codes[N_COUNTERS] = {
  "xinfang",
  "chengjian",
  "minzheng",
  "ziranziyuan",
  "renshe",
  "nongye",
  "jiaoyu",
  "weijian",
  "gongan",
  "fayuan",
  "jianchayuan",
  "sifa",
  "tiaojie",
  "shichang",
  "shengtai",
  "jiaotong",
  "shuili",
  "tuiyi",
  "yibao",
  "jiwei",
};

const DemoProblem _hall_demo_problems[] = {
  { "住房/物业", 2, "小区物业擅自提高物业费，电梯长期故障无人维修，业主多次反映未果，要求住建部门督促整改。", 6 },
  { "城市建设管理", 2, "老旧小区改造施工噪音扰民，夜间十点后仍在作业，要求规范施工时间。", 3 },
  { "征地拆迁", 4, "村集体土地被征收后，青苗补偿款至今未发放到户，要求核实并尽快发放。", 5 },
  { "土地权属纠纷", 4, "与邻村就一块林地的承包边界发生争议，要求自然资源部门重新勘界确权。", 2 },
  { "低保/救助", 3, "家中老人长期患病，丈夫去世后家庭无收入来源，申请最低生活保障被退回，要求说明理由。", 4 },
  { "欠薪/社保", 5, "在某建筑工地务工半年，包工头拖欠工资四万余元，多次讨要无果，要求帮助追讨。", 6 },
  { "就业创业", 5, "返乡创业申请的创业担保贷款迟迟未审批，要求了解办理进度。", 2 },
  { "农村土地承包", 6, "土地流转合同到期后承包方拒不退还耕地，要求农业农村部门调解处理。", 3 },
  { "教育", 7, "孩子随迁入学申请未获批准，户籍与居住证材料齐全，要求重新审核。", 2 },
  { "医疗卫生", 8, "在乡镇卫生院就诊时用药错误导致病情加重，要求调查并赔偿。", 2 },
  { "治安/户籍", 9, "户口迁移手续办理中提示信息有误，多次往返仍未办结，要求公安部门核查。", 2 },
  { "邻里纠纷", 13, "邻居加盖房屋遮挡采光并占用公共通道，协商不成，申请人民调解。", 3 },
  { "婚姻家庭纠纷", 13, "赡养老人问题兄弟姐妹之间分歧较大，申请调解赡养费用分担。", 1 },
  { "法律援助", 12, "工伤认定后用人单位拒绝支付赔偿，经济困难，申请法律援助。", 2 },
  { "消费维权/食品安全", 14, "在超市购买的食品已过保质期，商家拒绝退换，要求市场监管部门处理。", 2 },
  { "交通运输", 16, "村村通客运班线停运三个月，群众出行困难，要求恢复班线。", 1 },
  { "退役军人安置", 18, "退役后安置待遇未按政策落实，要求退役军人事务部门核实。", 1 },
  { "干部违纪", 20, "反映村干部在危房改造补助发放中优亲厚友，要求纪委监委调查。", 1 },
};
const guint _hall_demo_n_problems = G_N_ELEMENTS (_hall_demo_problems);

const char *const _hall_demo_surnames[] = {
  "王",
  "李",
  "张",
  "刘",
  "陈",
  "杨",
  "赵",
  "黄",
  "周",
  "吴",
  "徐",
  "孙",
  "胡",
  "朱",
  "高",
  "林",
  "何",
  "郭",
  "马",
  "罗",
};
const guint _hall_demo_n_surnames = G_N_ELEMENTS (_hall_demo_surnames);

const char *const _hall_demo_given_names[] = {
  "秀英",
  "桂兰",
  "建华",
  "国强",
  "玉梅",
  "志刚",
  "红霞",
  "海燕",
  "德明",
  "春生",
  "文斌",
  "淑珍",
  "小龙",
  "丽娟",
  "永福",
  "金花",
  "宏伟",
  "秋菊",
  "长青",
  "爱民",
};
const guint _hall_demo_n_given_names = G_N_ELEMENTS (_hall_demo_given_names);

const char *const _hall_demo_villages[] = {
  "城关镇东关村",
  "白道口镇西河村",
  "留固镇北街村",
  "万古镇南岗村",
  "老店镇前进村",
  "焦虎镇李庄村",
};
const guint _hall_demo_n_villages = G_N_ELEMENTS (_hall_demo_villages);

/* ---- people and their problems --------------------------------------------------------------------------------- */

/* A resident ID number with a real birth date and a correct GB 11643 check digit. */
static char *
make_id_number (GRand    *rand,
                gboolean *female)
{
  static const int  weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char checks[] = "10X98765432";
  char              id[19];
  int               sum = 0, sequence;

  sequence = g_rand_int_range (rand, 1, 999);
  *female = sequence % 2 == 0;
  g_snprintf (id, sizeof id, "410526%04d%02d%02d%03d", g_rand_int_range (rand, 1948, 1996),
              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29), sequence);
  for (int i = 0; i < 17; i++)
    sum += (id[i] - '0') * weights[i];
  id[17] = checks[sum % 11];
  id[18] = '\0';
  return g_strdup (id);
}

JsonObject *
_hall_demo_make_petitioner (GRand      *rand,
                            int         n,
                            const char *role)
{
  JsonObject      *person = json_object_new ();
  g_autofree char *name =
      g_strconcat (_hall_demo_surnames[(n * 7) % _hall_demo_n_surnames],
                   _hall_demo_given_names[(n * 3 + n / 20) % _hall_demo_n_given_names], NULL);
  g_autofree char *phone = g_strdup_printf ("13%d%08d", g_rand_int_range (rand, 5, 10),
                                            g_rand_int_range (rand, 0, 99999999));
  g_autofree char *address =
      g_strconcat ("河南省滑县", _hall_demo_villages[n % _hall_demo_n_villages], NULL);
  gboolean         female;
  g_autofree char *id_number = make_id_number (rand, &female);

  json_object_set_string_member (person, "name", name);
  json_object_set_string_member (person, "id_number", id_number);
  json_object_set_string_member (person, "phone", phone);
  json_object_set_string_member (person, "sex", female ? "female" : "male");
  json_object_set_string_member (person, "address", address);
  if (role != NULL)
    json_object_set_string_member (person, "role", role);
  return person;
}

const DemoProblem *
_hall_demo_pick_problem (GRand *rand,
                         guint *index)
{
  int total = 0, r;

  for (guint i = 0; i < _hall_demo_n_problems; i++)
    total += _hall_demo_problems[i].weight;
  r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < _hall_demo_n_problems; i++)
    {
      if (r < _hall_demo_problems[i].weight)
        {
          *index = i;
          return &_hall_demo_problems[i];
        }
      r -= _hall_demo_problems[i].weight;
    }
  *index = 0;
  return &_hall_demo_problems[0];
}
