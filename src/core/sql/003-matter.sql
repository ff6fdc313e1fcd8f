-- 003-matter.sql — petitioners (信访人) and matters (信访事项): registration, the first receiver
-- (首接首办), assignments (交办) and objections (异议), the regulation's clocks, replies, closing,
-- review (复查) and re-review (复核), and the timeline of every step.
-- SPDX-License-Identifier: GPL-3.0-or-later

CREATE TABLE petitioner (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
  -- 18 characters, check character in upper case; NULL when the person gave none
  id_number   TEXT UNIQUE CHECK (id_number IS NULL OR length(id_number) = 18),
  -- mobile as 11 digits, landline as 0745-1234567[-801]
  phone       TEXT CHECK (phone IS NULL OR length(phone) <= 24),
  sex         TEXT CHECK (sex IS NULL OR sex IN ('male', 'female')),
  birth_date  TEXT,
  address     TEXT CHECK (address IS NULL OR length(address) <= 200),
  created_at  INTEGER NOT NULL,
  created_by  INTEGER REFERENCES account (id),
  updated_at  INTEGER NOT NULL
);
CREATE INDEX petitioner_by_phone ON petitioner (phone) WHERE phone IS NOT NULL;
CREATE INDEX petitioner_by_name ON petitioner (name);

-- The last matter number given out per year: XF2026-000123.
CREATE TABLE matter_number (
  year        INTEGER PRIMARY KEY,
  last_number INTEGER NOT NULL CHECK (last_number >= 1)
);

CREATE TABLE matter (
  id                     INTEGER PRIMARY KEY,
  number                 TEXT NOT NULL UNIQUE,          -- XF2026-000123
  query_code             TEXT NOT NULL CHECK (length(query_code) = 6),  -- printed, for status.query
  channel                TEXT NOT NULL CHECK (channel IN ('visit', 'letter', 'online', 'phone', 'other')),
  -- 建议意见 / 检举控告 / 申诉求决 (条例 29–31)
  type                   TEXT NOT NULL CHECK (type IN ('suggestion', 'accusation', 'claim')),
  category_id            INTEGER REFERENCES category (id),
  -- the department responsible now: the first receiver's, then the one it is assigned to
  department_id          INTEGER NOT NULL REFERENCES department (id),
  content                TEXT NOT NULL CHECK (length(content) BETWEEN 1 AND 4000),
  persons                INTEGER NOT NULL DEFAULT 1 CHECK (persons BETWEEN 1 AND 9999),
  collective             INTEGER NOT NULL DEFAULT 0 CHECK (collective IN (0, 1)),   -- 集体访
  litigation             INTEGER NOT NULL DEFAULT 0 CHECK (litigation IN (0, 1)),   -- 涉法涉诉
  state                  TEXT NOT NULL DEFAULT 'registered'
                         CHECK (state IN ('registered', 'accepted', 'declined', 'litigation',
                                          'assigned', 'objected', 'replied', 'review', 'reviewed',
                                          'rereview', 'rereviewed', 'closed')),
  -- 首接首办: who registered it, at which counter, for which department; accountable until closed
  first_user_id          INTEGER REFERENCES account (id),
  first_counter_id       INTEGER REFERENCES counter (id),
  first_department_id    INTEGER NOT NULL REFERENCES department (id),
  ticket_id              INTEGER REFERENCES ticket (id),
  received_date          TEXT NOT NULL,
  registered_at          INTEGER NOT NULL,
  -- decision (受理 / 不予受理) within 15 days of receipt (条例 22–23)
  decision_due           TEXT NOT NULL,
  decided_at             INTEGER,
  decided_date           TEXT,
  decision_late          INTEGER NOT NULL DEFAULT 0 CHECK (decision_late IN (0, 1)),
  decline_reason         TEXT,
  -- handling within 60 days of acceptance, extended once by at most 30 (条例 34)
  accepted_date          TEXT,
  handling_due           TEXT,
  extended_days          INTEGER NOT NULL DEFAULT 0 CHECK (extended_days BETWEEN 0 AND 30),
  extension_reason       TEXT,
  extension_approver     TEXT,
  extended_at            INTEGER,
  extended_by            INTEGER REFERENCES account (id),
  -- 处理意见书 (条例 32)
  reply_opinion          TEXT CHECK (reply_opinion IS NULL OR reply_opinion IN ('support', 'explain', 'reject')),
  reply_text             TEXT,
  replied_date           TEXT,
  replied_at             INTEGER,
  replied_by             INTEGER REFERENCES account (id),
  reply_late             INTEGER NOT NULL DEFAULT 0 CHECK (reply_late IN (0, 1)),
  -- 复查 (条例 35): asked within 30 days of the reply, answered within 30 days of the request
  review_request_until   TEXT,
  review_requested_date  TEXT,
  review_reason          TEXT,
  review_due             TEXT,
  review_opinion         TEXT CHECK (review_opinion IS NULL OR review_opinion IN ('uphold', 'revise')),
  review_text            TEXT,
  reviewed_date          TEXT,
  review_late            INTEGER NOT NULL DEFAULT 0 CHECK (review_late IN (0, 1)),
  -- 复核 (条例 36): the same, once more, after the review
  rereview_request_until TEXT,
  rereview_requested_date TEXT,
  rereview_reason        TEXT,
  rereview_due           TEXT,
  rereview_opinion       TEXT CHECK (rereview_opinion IS NULL OR rereview_opinion IN ('uphold', 'revise')),
  rereview_text          TEXT,
  rereviewed_date        TEXT,
  rereview_late          INTEGER NOT NULL DEFAULT 0 CHECK (rereview_late IN (0, 1)),
  -- closing: 满意 / 基本满意 / 不满意 / 未评价 and 三到位一处理
  satisfaction           TEXT CHECK (satisfaction IS NULL
                                     OR satisfaction IN ('satisfied', 'basic', 'dissatisfied', 'none')),
  outcome                TEXT CHECK (outcome IS NULL
                                     OR outcome IN ('resolved', 'educated', 'assisted', 'punished')),
  closing_note           TEXT,
  closed_at              INTEGER,
  closed_date            TEXT,
  closed_by              INTEGER REFERENCES account (id),
  -- 督办 and 包案, set by the leaders' commands
  supervised             INTEGER NOT NULL DEFAULT 0 CHECK (supervised IN (0, 1)),
  supervised_by          INTEGER REFERENCES account (id),
  supervised_at          INTEGER,
  charge_leader_id       INTEGER REFERENCES account (id),
  -- status.query: wrong query codes in a row, and until when the number is refused
  query_failures         INTEGER NOT NULL DEFAULT 0,
  query_locked_until     INTEGER NOT NULL DEFAULT 0,
  updated_at             INTEGER NOT NULL
);
CREATE INDEX matter_by_state ON matter (state, department_id);
CREATE INDEX matter_by_department ON matter (department_id, state);
CREATE INDEX matter_by_first_user ON matter (first_user_id, state);
CREATE INDEX matter_by_first_department ON matter (first_department_id, state);
CREATE INDEX matter_by_received ON matter (received_date);
CREATE INDEX matter_by_ticket ON matter (ticket_id) WHERE ticket_id IS NOT NULL;

CREATE TABLE matter_petitioner (
  matter_id     INTEGER NOT NULL REFERENCES matter (id) ON DELETE CASCADE,
  petitioner_id INTEGER NOT NULL REFERENCES petitioner (id),
  -- a collective visit names at most 5 representatives (条例 18)
  role          TEXT NOT NULL DEFAULT 'petitioner' CHECK (role IN ('petitioner', 'representative')),
  sort          INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (matter_id, petitioner_id)
) WITHOUT ROWID;
CREATE INDEX matter_petitioner_by_petitioner ON matter_petitioner (petitioner_id);

-- Every step of a matter, with who did it and when. @detail is a JSON object.
CREATE TABLE matter_timeline (
  id        INTEGER PRIMARY KEY,
  matter_id INTEGER NOT NULL REFERENCES matter (id) ON DELETE CASCADE,
  at        INTEGER NOT NULL,
  user_id   INTEGER REFERENCES account (id),
  kind      TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
  detail    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail))
);
CREATE INDEX matter_timeline_by_matter ON matter_timeline (matter_id, id);

-- 交办: a matter handed to a department with a deadline. The department may object (异议)
-- within 5 working days; the matter then goes back to the first receiver.
-- One assignment is one round (round = 1, 2 …): one lead department (牵头单位), responsible for the
-- matter and the only one that replies, and any cooperating departments (配合单位), all working it
-- at the same time. An objection by the lead returns the whole round (the others 'returned'); one
-- by a cooperating department ends only its own part. A new round ends the open ones ('reassigned').
CREATE TABLE matter_assignment (
  id              INTEGER PRIMARY KEY,
  matter_id       INTEGER NOT NULL REFERENCES matter (id) ON DELETE CASCADE,
  department_id   INTEGER NOT NULL REFERENCES department (id),
  round           INTEGER NOT NULL DEFAULT 1 CHECK (round >= 1),
  role            TEXT NOT NULL DEFAULT 'lead' CHECK (role IN ('lead', 'cooperate')),
  from_department_id INTEGER REFERENCES department (id),
  assigned_at     INTEGER NOT NULL,
  assigned_date   TEXT NOT NULL,
  assigned_by     INTEGER REFERENCES account (id),
  deadline        TEXT NOT NULL,
  note            TEXT CHECK (note IS NULL OR length(note) <= 500),
  objection_until TEXT NOT NULL,
  state           TEXT NOT NULL DEFAULT 'open'
                  CHECK (state IN ('open', 'objected', 'reassigned', 'returned', 'done')),
  objected_at     INTEGER,
  objected_by     INTEGER REFERENCES account (id),
  reason          TEXT CHECK (reason IS NULL OR length(reason) <= 500)
);
CREATE INDEX matter_assignment_by_matter ON matter_assignment (matter_id, id);
CREATE INDEX matter_assignment_open ON matter_assignment (department_id) WHERE state = 'open';
CREATE UNIQUE INDEX matter_assignment_lead ON matter_assignment (matter_id, round) WHERE role = 'lead';
CREATE UNIQUE INDEX matter_assignment_round ON matter_assignment (matter_id, round, department_id);
-- A cooperating department's staff see the matter while they work it and after the reply.
CREATE INDEX matter_assignment_cooperating ON matter_assignment (department_id, matter_id)
  WHERE role = 'cooperate' AND state IN ('open', 'done');

-- The clocks running on each matter now: one row per matter and clock, with its due date.
--   decision  registered, not yet accepted or declined (15 days)
--   handling  accepted and not yet replied (60 days, +30 once)
--   objection assigned; the lead department may still object (5 working days)
--   review / rereview  a request waits for its opinion (30 days)
CREATE VIEW matter_clock AS
  SELECT id AS matter_id, 'decision' AS clock, decision_due AS due FROM matter
    WHERE state = 'registered'
  UNION ALL
  SELECT id, 'handling', handling_due FROM matter
    WHERE state IN ('accepted', 'assigned', 'objected')
  UNION ALL
  SELECT a.matter_id, 'objection', a.objection_until
    FROM matter_assignment a JOIN matter m ON m.id = a.matter_id
    WHERE a.state = 'open' AND a.role = 'lead' AND m.state = 'assigned'
  UNION ALL
  SELECT id, 'review', review_due FROM matter WHERE state = 'review'
  UNION ALL
  SELECT id, 'rereview', rereview_due FROM matter WHERE state = 'rereview';
