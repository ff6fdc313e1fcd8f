-- 004-leader.sql — leaders: the duty roster (领导接访值班), escalations to the duty leader,
-- reception records (领导干部接待群众来访登记表), charges (包案 · 五个一) and supervision (督办).
-- SPDX-License-Identifier: GPL-3.0-or-later

-- Who receives visitors on which day. Several leaders may share a day, each for the whole day
-- or half of it.
CREATE TABLE leader_duty (
  id         INTEGER PRIMARY KEY,
  date       TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  user_id    INTEGER NOT NULL REFERENCES account (id),
  slot       TEXT NOT NULL DEFAULT 'day' CHECK (slot IN ('day', 'am', 'pm')),
  note       TEXT CHECK (note IS NULL OR length(note) <= 200),
  set_by     INTEGER REFERENCES account (id),
  set_at     INTEGER NOT NULL,
  UNIQUE (date, user_id)
);

-- A matter handed to a duty leader. The visitor's ticket (when there is one) waits in the
-- leader's reception queue; the escalation follows it until the leader has received them.
-- One still waiting or called when its day is over lapses (not received on its day): the engine
-- stores that the next time anyone looks at escalations or the matter, and the hall manager then
-- re-escalates the matter to a later duty leader or leaves it with its department (resolution).
CREATE TABLE leader_escalation (
  id             INTEGER PRIMARY KEY,
  matter_id      INTEGER NOT NULL REFERENCES matter (id),
  ticket_id      INTEGER REFERENCES ticket (id),
  leader_user_id INTEGER NOT NULL REFERENCES account (id),
  date           TEXT NOT NULL,
  note           TEXT,
  escalated_by   INTEGER NOT NULL REFERENCES account (id),
  escalated_at   INTEGER NOT NULL,
  state          TEXT NOT NULL DEFAULT 'waiting'
                 CHECK (state IN ('waiting', 'called', 'received', 'cancelled', 'lapsed')),
  called_at      INTEGER,
  reception_id   INTEGER REFERENCES leader_reception (id),
  lapsed_at      INTEGER,
  -- what became of a lapsed escalation: escalated again, left with the department, or the
  -- matter received by a leader later all the same
  resolution     TEXT CHECK (resolution IS NULL OR resolution IN ('escalated', 'left', 'received')),
  resolved_at    INTEGER,
  resolved_by    INTEGER REFERENCES account (id),
  resolution_note TEXT CHECK (resolution_note IS NULL OR length(resolution_note) <= 500),
  next_escalation_id INTEGER REFERENCES leader_escalation (id)
);
CREATE INDEX leader_escalation_by_leader ON leader_escalation (leader_user_id, date, state);
-- A matter waits for at most one leader at a time.
CREATE UNIQUE INDEX leader_escalation_open ON leader_escalation (matter_id)
  WHERE state IN ('waiting', 'called');
CREATE INDEX leader_escalation_lapsed ON leader_escalation (date) WHERE state = 'lapsed' AND resolution IS NULL;

-- 领导干部接待群众来访登记表: one row per reception. The visitor's particulars are copied as
-- written on the form on that day.
CREATE TABLE leader_reception (
  id                INTEGER PRIMARY KEY,
  date              TEXT NOT NULL,
  leader_user_id    INTEGER NOT NULL REFERENCES account (id),
  escalation_id     INTEGER REFERENCES leader_escalation (id),
  ticket_id         INTEGER REFERENCES ticket (id),
  matter_id         INTEGER NOT NULL REFERENCES matter (id),
  petitioner_id     INTEGER REFERENCES petitioner (id),
  petitioner_name   TEXT,
  petitioner_sex    TEXT CHECK (petitioner_sex IS NULL OR petitioner_sex IN ('male', 'female')),
  petitioner_id_number TEXT,
  petitioner_address TEXT,
  petitioner_phone  TEXT,
  persons           INTEGER NOT NULL DEFAULT 1 CHECK (persons BETWEEN 1 AND 9999),
  problem           TEXT NOT NULL,
  instructions      TEXT NOT NULL,          -- 批示
  departments_json  TEXT NOT NULL DEFAULT '[]', -- [{"department_id","code","name","deadline","role"}]
  deadline          TEXT,                   -- the latest deadline given
  result            TEXT,                   -- 处理结果
  created_at        INTEGER NOT NULL,
  created_by        INTEGER NOT NULL REFERENCES account (id)
);
CREATE INDEX leader_reception_by_date ON leader_reception (date, leader_user_id);
CREATE INDEX leader_reception_by_matter ON leader_reception (matter_id);

-- 包案: a leader takes personal charge of a hard matter, with the 五个一 (one leader, one
-- working group, one plan, one set of meeting minutes, one set of stability measures).
CREATE TABLE leader_charge (
  id                 INTEGER PRIMARY KEY,
  matter_id          INTEGER NOT NULL REFERENCES matter (id),
  leader_user_id     INTEGER NOT NULL REFERENCES account (id),
  charged_at         INTEGER NOT NULL,
  deadline           TEXT,
  note               TEXT,
  working_group_json TEXT NOT NULL DEFAULT '[]',  -- names and units of the 工作专班
  plan               TEXT,                        -- 化解方案
  plan_date          TEXT,
  stability_measures TEXT,                        -- 稳控措施
  closed             INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
  closed_at          INTEGER,
  closing_note       TEXT,
  updated_at         INTEGER NOT NULL
);
CREATE UNIQUE INDEX leader_charge_open ON leader_charge (matter_id) WHERE closed = 0;
CREATE INDEX leader_charge_by_leader ON leader_charge (leader_user_id, closed);

-- Meeting minutes (会议纪要) and progress notes of a charge.
CREATE TABLE leader_charge_entry (
  id         INTEGER PRIMARY KEY,
  charge_id  INTEGER NOT NULL REFERENCES leader_charge (id),
  kind       TEXT NOT NULL CHECK (kind IN ('minutes', 'progress')),
  date       TEXT NOT NULL,
  text       TEXT NOT NULL,
  by_user_id INTEGER NOT NULL REFERENCES account (id),
  at         INTEGER NOT NULL
);
CREATE INDEX leader_charge_entry_by_charge ON leader_charge_entry (charge_id, kind);

-- 督办: a leader flags a matter for follow-up by a due date. A new flag on the same matter
-- supersedes the open one.
CREATE TABLE leader_supervision (
  id              INTEGER PRIMARY KEY,
  matter_id       INTEGER NOT NULL REFERENCES matter (id),
  by_user_id      INTEGER NOT NULL REFERENCES account (id),
  at              INTEGER NOT NULL,
  note            TEXT NOT NULL,
  due_date        TEXT NOT NULL,
  resolved        INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
  resolved_at     INTEGER,
  resolved_by     INTEGER REFERENCES account (id),
  resolution      TEXT,
  superseded_by   INTEGER REFERENCES leader_supervision (id)
);
CREATE UNIQUE INDEX leader_supervision_open ON leader_supervision (matter_id) WHERE resolved = 0;
CREATE INDEX leader_supervision_by_due ON leader_supervision (resolved, due_date);
