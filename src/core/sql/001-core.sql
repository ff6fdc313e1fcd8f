-- 001-core.sql — the hall, its departments, counters, categories, accounts, sessions,
-- audit trail, change feed and request log.
-- SPDX-License-Identifier: GPL-3.0-or-later

CREATE TABLE hall_setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

INSERT INTO hall_setting (key, value) VALUES
  ('hall_name', '信访超市'),
  -- no ticket waits longer than this because priority tickets went first
  ('priority_max_wait_minutes', '30'),
  -- the waiting-time norm a counter is measured against on the hall board
  ('wait_norm_minutes', '20');

CREATE TABLE department (
  id       INTEGER PRIMARY KEY,
  code     TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 32),
  name     TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 40),
  prefix   TEXT NOT NULL UNIQUE CHECK (length(prefix) = 1 AND prefix BETWEEN 'A' AND 'Z'),
  -- 政法 windows: where litigation-related visitors are sent (诉访分离)
  is_legal INTEGER NOT NULL DEFAULT 0 CHECK (is_legal IN (0, 1)),
  sort     INTEGER NOT NULL DEFAULT 0,
  active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

INSERT INTO department (id, code, name, prefix, is_legal, sort) VALUES
  (1,  'xinfang',     '信访综合接待', 'X', 0, 1),
  (2,  'chengjian',   '城建',         'C', 0, 2),
  (3,  'minzheng',    '民政',         'M', 0, 3),
  (4,  'ziranziyuan', '自然资源',     'Z', 0, 4),
  (5,  'renshe',      '人社',         'R', 0, 5),
  (6,  'nongye',      '农业农村',     'N', 0, 6),
  (7,  'jiaoyu',      '教育',         'J', 0, 7),
  (8,  'weijian',     '卫健',         'W', 0, 8),
  (9,  'gongan',      '公安',         'G', 1, 9),
  (10, 'fayuan',      '法院',         'F', 1, 10),
  (11, 'jianchayuan', '检察院',       'K', 1, 11),
  (12, 'sifa',        '司法(法律援助)', 'S', 1, 12),
  (13, 'tiaojie',     '人民调解',     'D', 0, 13),
  (14, 'shichang',    '市场监管',     'L', 0, 14),
  (15, 'shengtai',    '生态环境',     'H', 0, 15),
  (16, 'jiaotong',    '交通运输',     'T', 0, 16),
  (17, 'shuili',      '水利',         'B', 0, 17),
  (18, 'tuiyi',       '退役军人',     'A', 0, 18),
  (19, 'yibao',       '医保',         'Y', 0, 19),
  (20, 'jiwei',       '纪委监委',     'P', 0, 20);

CREATE TABLE account (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) BETWEEN 1 AND 64),
  display_name  TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 64),
  password_hash TEXT NOT NULL,  -- libsodium crypto_pwhash_str (argon2id)
  department_id INTEGER REFERENCES department (id),
  locked        INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),  -- by an admin
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until  INTEGER NOT NULL DEFAULT 0,  -- after repeated failed sign-ins
  created_at    INTEGER NOT NULL
);

CREATE TABLE account_role (
  user_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  role    TEXT NOT NULL CHECK (role IN ('staff', 'manager', 'leader', 'admin', 'display', 'kiosk')),
  PRIMARY KEY (user_id, role)
) WITHOUT ROWID;

CREATE TABLE counter (
  id            INTEGER PRIMARY KEY,
  number        INTEGER NOT NULL UNIQUE CHECK (number BETWEEN 1 AND 99),
  name          TEXT NOT NULL,
  state         TEXT NOT NULL DEFAULT 'closed' CHECK (state IN ('closed', 'open', 'paused')),
  pause_reason  TEXT,
  staff_user_id INTEGER REFERENCES account (id),
  state_since   INTEGER
);

CREATE TABLE counter_department (
  counter_id    INTEGER NOT NULL REFERENCES counter (id) ON DELETE CASCADE,
  department_id INTEGER NOT NULL REFERENCES department (id),
  PRIMARY KEY (counter_id, department_id)
) WITHOUT ROWID;
CREATE INDEX counter_department_by_department ON counter_department (department_id);

INSERT INTO counter (id, number, name)
  SELECT id, id, printf('%d号窗口', id) FROM department;
INSERT INTO counter_department (counter_id, department_id)
  SELECT id, id FROM department;

CREATE TABLE category (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 40),
  department_id INTEGER NOT NULL REFERENCES department (id),
  -- 涉法涉诉: not accepted as a petition; the visitor is guided to the 政法 windows
  litigation    INTEGER NOT NULL DEFAULT 0 CHECK (litigation IN (0, 1)),
  sort          INTEGER NOT NULL DEFAULT 0,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

INSERT INTO category (name, department_id, litigation, sort) VALUES
  ('征地拆迁',         4,  0, 1),
  ('土地权属纠纷',     4,  0, 2),
  ('住房/物业',        2,  0, 3),
  ('城市建设管理',     2,  0, 4),
  ('低保/救助',        3,  0, 5),
  ('殡葬/婚姻登记',    3,  0, 6),
  ('欠薪/社保',        5,  0, 7),
  ('就业创业',         5,  0, 8),
  ('农村土地承包',     6,  0, 9),
  ('教育',             7,  0, 10),
  ('医疗卫生',         8,  0, 11),
  ('医保报销',         19, 0, 12),
  ('治安/户籍',        9,  0, 13),
  ('邻里纠纷',         13, 0, 14),
  ('婚姻家庭纠纷',     13, 0, 15),
  ('干部违纪',         20, 0, 16),
  ('诉讼相关',         10, 1, 17),
  ('检察监督',         11, 1, 18),
  ('法律援助',         12, 0, 19),
  ('消费维权/食品安全', 14, 0, 20),
  ('环境污染',         15, 0, 21),
  ('交通运输',         16, 0, 22),
  ('水利/水事纠纷',    17, 0, 23),
  ('退役军人安置',     18, 0, 24),
  ('其他',             1,  0, 99);

CREATE TABLE session (
  id             INTEGER PRIMARY KEY,
  token_hash     TEXT NOT NULL UNIQUE,  -- SHA-256 of the bearer token; the token itself is never stored
  user_id        INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  role           TEXT NOT NULL,
  counter_id     INTEGER REFERENCES counter (id),
  created_at     INTEGER NOT NULL,
  expires_at     INTEGER NOT NULL,
  client_address TEXT
);
CREATE INDEX session_by_user ON session (user_id);

CREATE TABLE audit (
  id             INTEGER PRIMARY KEY,
  at             INTEGER NOT NULL,
  user_id        INTEGER REFERENCES account (id),
  role           TEXT,
  client_address TEXT,
  command        TEXT NOT NULL,
  object_type    TEXT,
  object_id      TEXT,
  result         TEXT NOT NULL  -- "ok" or the error code
);
-- Listed newest first by id (ids follow time); every index here is one more page a command writes.
CREATE INDEX audit_by_object ON audit (object_type, object_id);

-- The change feed: every committed change, numbered. Payloads carry ids and codes, never
-- personal data, since every session (the wall display too) receives them.
CREATE TABLE event (
  seq     INTEGER PRIMARY KEY, -- never deleted, so max + 1 numbers them in order (no AUTOINCREMENT page)
  at      INTEGER NOT NULL,
  kind    TEXT NOT NULL,
  payload TEXT NOT NULL
);

-- Exactly once: the first result of every state-changing request that carried a request_id.
CREATE TABLE request (
  request_id TEXT PRIMARY KEY,
  user_id    INTEGER,
  command    TEXT NOT NULL,
  result     TEXT NOT NULL,
  at         INTEGER NOT NULL
) WITHOUT ROWID;
