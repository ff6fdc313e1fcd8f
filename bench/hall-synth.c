/* hall-synth.c — synthetic petitioners and matters built from phrase pools
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "hall-synth"

#include "config.h"

#include <string.h>

#include "hall-synth.h"

#define PICK(rng, pool) ((pool)[hall_synth_rng_below ((rng), G_N_ELEMENTS (pool))])

/* The most common surnames, the first ones repeated so they come up about as often as they do in
 * a county (王, 李, 张, 刘, 陈 are a third of the population). */
static const char *const surnames[] = {
  "王",
  "王",
  "王",
  "李",
  "李",
  "李",
  "张",
  "张",
  "张",
  "刘",
  "刘",
  "陈",
  "陈",
  "杨",
  "杨",
  "黄",
  "赵",
  "吴",
  "周",
  "徐",
  "孙",
  "马",
  "朱",
  "胡",
  "郭",
  "何",
  "高",
  "林",
  "罗",
  "郑",
  "梁",
  "谢",
  "宋",
  "唐",
  "许",
  "韩",
  "冯",
  "邓",
  "曹",
  "彭",
  "曾",
  "肖",
  "田",
  "董",
  "袁",
  "潘",
  "于",
  "蒋",
  "蔡",
  "余",
  "杜",
  "叶",
  "程",
  "苏",
  "魏",
  "吕",
  "丁",
  "任",
  "沈",
  "姚",
  "卢",
  "姜",
  "崔",
  "钟",
  "谭",
  "陆",
  "汪",
  "范",
  "金",
  "石",
  "廖",
  "贾",
  "夏",
  "韦",
  "付",
  "方",
  "白",
  "邹",
  "孟",
  "熊",
  "秦",
  "邱",
  "江",
  "尹",
  "薛",
  "闫",
  "段",
  "雷",
  "侯",
  "龙",
  "史",
  "陶",
  "黎",
  "贺",
  "顾",
  "毛",
  "郝",
  "龚",
  "邵",
  "万",
  "钱",
  "严",
  "覃",
  "武",
  "戴",
  "莫",
  "孔",
  "向",
  "汤",
  "欧阳",
  "司马",
  "诸葛",
};

static const char *const given_male[] = {
  "伟",
  "强",
  "磊",
  "军",
  "洋",
  "勇",
  "杰",
  "涛",
  "明",
  "超",
  "刚",
  "平",
  "辉",
  "鹏",
  "华",
  "飞",
  "斌",
  "波",
  "宇",
  "浩",
  "凯",
  "健",
  "俊",
  "帆",
  "建国",
  "建华",
  "国强",
  "志强",
  "德明",
  "春生",
  "学军",
  "海涛",
  "文斌",
  "永红",
  "建军",
  "卫东",
  "振华",
  "立新",
  "长江",
  "胜利",
  "红军",
  "国庆",
};

static const char *const given_female[] = {
  "芳",
  "娜",
  "敏",
  "静",
  "丽",
  "艳",
  "娟",
  "霞",
  "燕",
  "玲",
  "丹",
  "萍",
  "红",
  "英",
  "梅",
  "琳",
  "秀英",
  "桂英",
  "秀兰",
  "玉兰",
  "桂兰",
  "秀珍",
  "凤英",
  "玉梅",
  "海燕",
  "红梅",
  "春燕",
  "丽华",
  "淑珍",
  "美玲",
  "小红",
  "晓燕",
  "雪梅",
  "金凤",
  "慧敏",
  "翠花",
  "月娥",
  "素芬",
};

/* Counties of one prefecture (岳阳, 湖南) and their towns: the hall's catchment area. */
static const char *const regions[] = {
  "430602",
  "430603",
  "430611",
  "430621",
  "430623",
  "430624",
  "430626",
  "430681",
  "430682",
};

static const char *const counties[] = {
  "岳阳楼区",
  "云溪区",
  "君山区",
  "岳阳县",
  "华容县",
  "湘阴县",
  "平江县",
  "汨罗市",
  "临湘市",
};

static const char *const towns[] = {
  "城关镇",
  "新墙镇",
  "荣家湾镇",
  "黄沙街镇",
  "筻口镇",
  "公田镇",
  "麻塘镇",
  "月田镇",
  "杨林街镇",
  "长寿镇",
  "三阳乡",
  "鹿角镇",
  "新开镇",
  "团洲乡",
  "万庾镇",
  "东塘镇",
  "南湖街道",
  "洞庭街道",
};

static const char *const villages[] = {
  "和平村",
  "新华村",
  "红星村",
  "建设村",
  "团结村",
  "光明村",
  "长青村",
  "太平村",
  "金山村",
  "桃花村",
  "向阳村",
  "永安村",
  "清水村",
  "双桥村",
  "石门村",
  "河西村",
  "东风社区",
  "湖滨社区",
};

static const char *const estates[] = {
  "锦绣华庭",
  "金色家园",
  "阳光花园",
  "滨江一号",
  "东方明珠小区",
  "碧桂园",
  "洞庭名苑",
  "南湖新城",
  "翰林世家",
  "幸福里小区",
  "建设新村",
  "纺织厂宿舍",
};

static const char *const mobile_prefixes[] = {
  "130",
  "131",
  "132",
  "133",
  "135",
  "136",
  "137",
  "138",
  "139",
  "150",
  "151",
  "152",
  "153",
  "155",
  "156",
  "157",
  "158",
  "159",
  "166",
  "173",
  "175",
  "176",
  "177",
  "180",
  "181",
  "182",
  "183",
  "185",
  "186",
  "187",
  "188",
  "189",
  "191",
  "198",
  "199",
};

typedef struct
{
  gint64      category_id; /* as seeded by 001-core.sql */
  gint64      department_id;
  const char *events[6];
  const char *details[5];
  const char *demands[4];
} Theme;

/* Category ids follow the order of the INSERT in 001-core.sql (征地拆迁 = 1 …). */
static const Theme themes[] = {
  { 1,
    4,
    { "我家承包地被征收用于修建高速公路", "我家房屋被列入旧城改造征收范围",
      "村里将集体土地征收用于工业园建设", "镇政府在未签协议的情况下强行拆除了我家的房屋",
      "征地拆迁时我家的养殖场被拆除", "拆迁后承诺的安置房至今没有交付" },
    { "补偿款至今没有足额发放", "补偿标准远低于周边同类地块", "安置房面积与协议约定不符",
      "过渡费已经停发两年", "地上附着物和青苗没有得到任何补偿" },
    { "请求按政策足额支付征地补偿款", "请求尽快交付安置房", "请求重新评估房屋价值并依法补偿",
      "请求有关部门公开征地拆迁补偿方案" } },
  { 3,
    2,
    { "小区物业公司擅自提高物业费", "小区电梯长期故障物业不予维修", "楼上住户违规装修导致我家漏水",
      "物业公司将小区公共绿地改建成停车位出租", "开发商交房后房屋出现严重质量问题",
      "小区业主委员会选举被物业公司操纵" },
    { "多次向物业反映无人处理", "老人和小孩上下楼非常不便", "墙面大面积发霉开裂",
      "公共收益去向不明", "住户与物业多次发生冲突" },
    { "请求住建部门督促物业公司整改", "请求公开物业费收支情况", "请求责令开发商维修并赔偿损失",
      "请求依法更换物业服务企业" } },
  { 5,
    3,
    { "家中老人常年患病卧床，申请低保被村委会拒绝", "我本人残疾丧失劳动能力，低保被无故取消",
      "丈夫因车祸去世，家庭生活陷入困难", "孩子患重病花光积蓄，申请临时救助未获批准",
      "村里低保评定不公开，有干部亲属享受低保", "特困供养金连续三个月没有发放" },
    { "家庭人均收入远低于当地低保标准", "现在靠亲戚接济勉强度日", "医药费已欠下五万余元",
      "村干部以各种理由推脱", "多次到镇民政办询问没有答复" },
    { "请求重新审核我家低保资格", "请求给予临时救助", "请求纠正低保评定中的优亲厚友问题",
      "请求尽快补发特困供养金" } },
  { 7,
    5,
    { "我在某建筑工地务工八个月，包工头拖欠工资", "公司以经营困难为由拖欠员工工资半年",
      "工厂倒闭后老板失联，工资和经济补偿无人支付", "单位没有依法为我缴纳社会保险",
      "项目完工后总包单位拒绝结算农民工工资", "用人单位辞退我时没有支付经济补偿金" },
    { "欠薪金额共计四万余元", "涉及农民工三十余人", "劳动合同被单位收走",
      "到劳动监察大队投诉后至今没有结果", "临近年关家里急需用钱" },
    { "请求依法追讨拖欠的工资", "请求责令单位补缴社会保险", "请求支付经济补偿金",
      "请求对恶意欠薪行为依法处理" } },
  { 9,
    6,
    { "村组重新调整土地时没有分给我家承包地", "我家承包的责任田被他人强行耕种",
      "土地流转合同到期后流转方拒绝退还土地", "村委会擅自将我家的林地发包给外地老板",
      "宅基地审批手续办理多年没有结果", "土地确权时我家的面积被少登记" },
    { "承包经营权证上写得清清楚楚", "全家老小失去了生活来源", "流转费已拖欠三年",
      "村组干部相互推诿", "曾经镇里调解但协议没有履行" },
    { "请求依法确认我家的土地承包经营权", "请求责令返还承包地", "请求支付拖欠的土地流转费",
      "请求重新核实确权面积" } },
  { 14,
    13,
    { "邻居建房占用我家宅基地", "邻居家的排水沟把污水排到我家院子", "隔壁饭店油烟和噪音严重扰民",
      "邻居在公共通道上堆放杂物", "因为修路与邻居发生纠纷", "邻居家养狗多次咬伤路人" },
    { "双方多次发生争吵", "村调解委员会调解未果", "已经影响到正常生活", "家里老人因此生病住院",
      "对方态度蛮横拒绝协商" },
    { "请求人民调解委员会组织调解", "请求责令对方停止侵害", "请求拆除违章建筑恢复原状",
      "请求依法赔偿损失" } },
  { 12,
    19,
    { "在外地住院的医疗费用回本地报销被拒", "新农合报销比例与宣传不一致",
      "慢性病门诊报销手续繁琐一直没有办下来", "医保卡被他人冒用", "大病保险二次报销没有到账",
      "异地就医备案后仍然不能直接结算" },
    { "自费部分已超过十万元", "多次提交材料被要求补件", "医保窗口工作人员态度生硬", "家庭因病致贫",
      "报销时限快要过了" },
    { "请求按规定报销医疗费用", "请求简化慢性病报销手续", "请求查处冒用医保卡的行为",
      "请求尽快落实大病保险待遇" } },
  { 10,
    7,
    { "孩子在学校被同学欺凌", "学校违规收取补课费", "孩子入学被拒，理由是户籍不在学区",
      "民办幼儿园突然停办不退学费", "学校食堂饭菜质量差，多名学生肠胃不适",
      "代课教师多年工资待遇没有落实" },
    { "班主任处理不当", "涉及学生家长一百余人", "多次找学校沟通没有结果", "孩子已经不敢去上学",
      "教育局电话一直打不通" },
    { "请求教育部门调查处理", "请求退还违规收取的费用", "请求解决孩子就近入学问题",
      "请求落实代课教师待遇" } },
  { 21,
    15,
    { "村旁的采石场粉尘污染严重", "化工厂夜间偷排废水，河里的鱼大量死亡",
      "养猪场臭气熏天，污水直排农田", "砂石场大货车昼夜运输噪音扰民", "垃圾填埋场渗滤液污染地下水",
      "小作坊焚烧垃圾冒黑烟" },
    { "村民饮用水井已经变色", "附近庄稼减产", "多人出现呼吸道疾病", "向环保热线反映过多次",
      "企业白天停产晚上生产" },
    { "请求环保部门现场检查依法查处", "请求责令企业停产整改", "请求对受污染农田给予赔偿",
      "请求公开环境监测数据" } },
  { 16,
    20,
    { "村支书在危房改造中收受好处费", "村干部虚报冒领惠农补贴", "村集体资金使用不公开",
      "镇干部在低保评定中优亲厚友", "村主任侵占村集体土地建私房", "村干部在工程发包中暗箱操作" },
    { "群众意见很大", "有相关收据和录音为证", "村务公开栏多年没有更新", "涉及金额二十余万元",
      "曾向镇纪委反映未见处理" },
    { "请求纪委监委调查核实", "请求依法依纪严肃处理", "请求公开村集体财务",
      "请求追回被侵占的集体资金" } },
  { 24,
    18,
    { "我是退役士兵，安置工作一直没有落实", "参战退役人员的生活补助没有按标准发放",
      "伤残军人的抚恤金被停发", "退役后一次性经济补助没有领到", "优抚对象的医疗待遇没有落实",
      "自主就业退役士兵的养老保险接续出现问题" },
    { "服役期间多次立功受奖", "现在生活非常困难", "相关证明材料齐全", "多次到退役军人事务局询问",
      "部队已经出具了证明" },
    { "请求按政策落实安置待遇", "请求补发抚恤金", "请求办理养老保险接续",
      "请求落实优抚医疗待遇" } },
  { 13,
    9,
    { "孩子上户口被派出所拒绝", "身份证信息登记错误无法办理业务", "家中被盗报案后一直没有立案",
      "户籍迁移手续办理遇到困难", "夜间有人聚众赌博扰民", "电动车被盗多次报警没有结果" },
    { "已提供全部材料", "影响孩子上学", "报案回执都有", "派出所让我回去等通知", "邻居们都很害怕" },
    { "请求公安机关依法办理户口登记", "请求尽快立案侦查", "请求更正身份信息",
      "请求加强治安巡逻" } },
};

/* what comes before and after the place */
static const char *const openings[][2] = {
  { "本人系", "村民，" },
  { "我是", "的居民，" },
  { "反映人家住", "，" },
  { "我们是", "的群众，" },
};

static const char *const time_phrases[] = {
  "2019年",
  "2020年",
  "2021年",
  "2022年",
  "2023年",
  "去年",
  "今年年初",
  "前年",
  "三年前",
  "上个月",
};

static const char *const connectors[] = { "，", "，但", "，而且", "，至今" };

static const char *const channels[] = { "visit", "visit", "visit", "letter",
                                        "online", "online", "phone", "other" };
static const char *const types[] = { "claim", "claim", "claim", "accusation", "suggestion" };

static const char *const queries_2[] = {
  "拆迁", "欠薪", "物业", "低保", "征地", "工资", "医保", "噪音", "漏水", "补偿", "王芳", "李强",
  "张伟", "刘洋", "陈静", "杨敏", "安置", "污染", "学校", "户口", NULL
};
static const char *const queries_3[] = {
  "物业费", "安置房", "宅基地", "包工头", "张建国", "李秀英", "王建华", "刘桂英", "陈志强", "采石场",
  "抚恤金", "养猪场", "新农合", "承包地", "派出所", "经营权", "补偿款", "农民工", "委员会", "过渡费", NULL
};
static const char *const queries_4[] = {
  "征地拆迁", "拖欠工资", "物业公司", "临时救助", "社会保险", "承包经营", "危房改造", "惠农补贴",
  "医疗费用", "经济补偿", "欧阳秀英", "司马建国", "诸葛红梅", "安置待遇", "环境监测", "低保资格",
  "土地流转", "强行拆除", "旧城改造", "大病保险", NULL
};

void
hall_synth_rng_init (HallSynthRng *rng,
                     guint64       seed)
{
  rng->state =
      seed * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15) + G_GUINT64_CONSTANT (0x2545F4914F6CDD1D);
}

/* splitmix64: fast, and good enough to make text look varied. */
guint64
hall_synth_rng_next (HallSynthRng *rng)
{
  guint64 z = (rng->state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

guint32
hall_synth_rng_below (HallSynthRng *rng,
                      guint32       n)
{
  return (guint32) ((hall_synth_rng_next (rng) >> 32) * n >> 32);
}

void
hall_synth_id_number (const char *region,
                      const char *birth,
                      guint       sequence,
                      char       *out)
{
  static const int  weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
  static const char check_chars[] = "10X98765432";
  int               sum = 0;

  g_snprintf (out, 19, "%.6s%.8s%03u", region, birth, sequence % 1000);
  for (int i = 0; i < 17; i++)
    sum += (out[i] - '0') * weights[i];
  out[17] = check_chars[sum % 11];
  out[18] = '\0';
}

static void
make_person (HallSynthRng    *rng,
             HallSynthPerson *out)
{
  static const int month_days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
  gboolean         female = hall_synth_rng_below (rng, 2);
  guint            region = hall_synth_rng_below (rng, G_N_ELEMENTS (regions));
  int              year = 1940 + (int) hall_synth_rng_below (rng, 66);
  int              month = 1 + (int) hall_synth_rng_below (rng, 12);
  int              day = 1 + (int) hall_synth_rng_below (rng, month_days[month - 1]);
  guint            sequence = hall_synth_rng_below (rng, 500) * 2 + (female ? 0 : 1);
  char             birth[9];
  char             id[19];

  out->name = g_strconcat (PICK (rng, surnames),
                           female ? PICK (rng, given_female) : PICK (rng, given_male), NULL);
  g_snprintf (birth, sizeof birth, "%04d%02d%02d", year, month, day);
  hall_synth_id_number (regions[region], birth, sequence, id);
  out->id_number = g_strdup (id);
  out->birth_date = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
  out->sex = female ? "female" : "male";
  out->phone = g_strdup_printf ("%s%08u", PICK (rng, mobile_prefixes),
                                hall_synth_rng_below (rng, 100000000));
  if (hall_synth_rng_below (rng, 4) == 0)
    out->address =
        g_strdup_printf ("%s%s%s%u栋%u单元%u室", counties[region], PICK (rng, towns),
                         PICK (rng, estates), 1 + hall_synth_rng_below (rng, 30),
                         1 + hall_synth_rng_below (rng, 4), 101 + hall_synth_rng_below (rng, 1800));
  else
    out->address = g_strdup_printf ("%s%s%s%u组", counties[region], PICK (rng, towns),
                                    PICK (rng, villages), 1 + hall_synth_rng_below (rng, 12));
}

void
hall_synth_person (guint64          index,
                   HallSynthPerson *out)
{
  HallSynthRng rng;

  hall_synth_rng_init (&rng, index);
  make_person (&rng, out);
}

void
hall_synth_person_clear (HallSynthPerson *person)
{
  g_clear_pointer (&person->name, g_free);
  g_clear_pointer (&person->id_number, g_free);
  g_clear_pointer (&person->phone, g_free);
  g_clear_pointer (&person->address, g_free);
  g_clear_pointer (&person->birth_date, g_free);
}

void
hall_synth_matter (guint64          index,
                   HallSynthMatter *out)
{
  HallSynthRng rng;
  const Theme *theme;
  GString     *text = g_string_sized_new (256);
  guint        n_events;
  guint        region;

  hall_synth_rng_init (&rng, index);
  make_person (&rng, &out->petitioner);

  theme = &themes[hall_synth_rng_below (&rng, G_N_ELEMENTS (themes))];
  out->category_id = theme->category_id;
  out->department_id = theme->department_id;
  out->channel = PICK (&rng, channels);
  out->type = theme->category_id == 16 ? "accusation" : PICK (&rng, types);
  out->persons = hall_synth_rng_below (&rng, 10) == 0 ? 5 + hall_synth_rng_below (&rng, 30) : 1;

  region = hall_synth_rng_below (&rng, G_N_ELEMENTS (counties));
  {
    const char *const *opening = openings[hall_synth_rng_below (&rng, G_N_ELEMENTS (openings))];

    g_string_append_printf (text, "%s%s%s%s%s", opening[0], counties[region], PICK (&rng, towns),
                            PICK (&rng, villages), opening[1]);
  }
  g_string_append (text, PICK (&rng, time_phrases));
  n_events = 1 + hall_synth_rng_below (&rng, 2);
  for (guint i = 0; i < n_events; i++)
    {
      if (i > 0)
        g_string_append (text, "；另外，");
      g_string_append (text, PICK (&rng, theme->events));
      g_string_append (text, PICK (&rng, connectors));
      g_string_append (text, PICK (&rng, theme->details));
    }
  g_string_append (text, "。");
  g_string_append (text, PICK (&rng, theme->demands));
  if (hall_synth_rng_below (&rng, 2))
    {
      g_string_append (text, "，");
      g_string_append (text, PICK (&rng, theme->demands));
    }
  g_string_append (text, "。");
  out->content = g_string_free (text, FALSE);
}

void
hall_synth_matter_clear (HallSynthMatter *matter)
{
  hall_synth_person_clear (&matter->petitioner);
  g_clear_pointer (&matter->content, g_free);
}

const char *const *
hall_synth_queries (guint n_chars)
{
  switch (n_chars)
    {
    case 2:
      return queries_2;
    case 3:
      return queries_3;
    default:
      return queries_4;
    }
}
