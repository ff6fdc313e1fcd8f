-- 015-followup.sql — 回访核实: the follow-up list (one item per round of follow-up of a closed
-- matter, a leader's reception or a 不满意 on a window's rating pad), every call made on it,
-- the on-site check (实地核实) after a 不满意 and its finding, and the two periods as settings.
-- SPDX-License-Identifier: GPL-3.0-or-later

-- One round of follow-up. It is on a matter when there is one (closed, received by a leader,
-- rectified and replied again, or a rated ticket that became a matter); otherwise on the ticket
-- a visitor rated 不满意.
CREATE TABLE followup (
  id             INTEGER PRIMARY KEY,
  matter_id      INTEGER REFERENCES matter (id) ON DELETE CASCADE,
  ticket_id      INTEGER REFERENCES ticket (id),
  rating_id      INTEGER REFERENCES rating (id),
  source         TEXT NOT NULL CHECK (source IN ('closed', 'leader', 'rating', 'rectified')),
  -- whose list it is on: the matter's responsible department, or the rated ticket's
  department_id  INTEGER NOT NULL REFERENCES department (id),
  listed_date    TEXT NOT NULL,
  due_date       TEXT NOT NULL,
  -- open: to call; check: 不满意, waiting for the on-site check or its finding; rectifying: the
  -- matter went back to its department (整改); done: reached and answered (or the check confirmed
  -- the outcome); unreachable: 3 attempts not reached; refused: 拒绝回访; rectified: the 整改
  -- was replied and a new round follows
  state          TEXT NOT NULL DEFAULT 'open'
                 CHECK (state IN ('open', 'check', 'rectifying', 'done', 'unreachable',
                                  'refused', 'rectified')),
  attempts       INTEGER NOT NULL DEFAULT 0 CHECK (attempts BETWEEN 0 AND 3),
  -- 实地核实
  check_person   TEXT CHECK (check_person IS NULL OR length(check_person) BETWEEN 1 AND 40),
  check_due      TEXT,
  check_assigned_at INTEGER,
  check_assigned_by INTEGER REFERENCES account (id),
  finding        TEXT CHECK (finding IS NULL OR finding IN ('confirmed', 'reopen')),
  finding_text   TEXT CHECK (finding_text IS NULL OR length(finding_text) <= 2000),
  finding_date   TEXT,
  finding_by     INTEGER REFERENCES account (id),
  rectify_due    TEXT,
  ended_date     TEXT,
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL,
  CHECK (matter_id IS NOT NULL OR ticket_id IS NOT NULL),
  CHECK ((finding = 'reopen') = (rectify_due IS NOT NULL))
);
CREATE INDEX followup_by_state ON followup (state, due_date);
CREATE INDEX followup_by_matter ON followup (matter_id, id) WHERE matter_id IS NOT NULL;
CREATE INDEX followup_by_due ON followup (due_date);
-- one round open at a time on a matter
CREATE UNIQUE INDEX followup_one_open ON followup (matter_id)
  WHERE matter_id IS NOT NULL AND state IN ('open', 'check', 'rectifying');

-- Every call (one attempt), with the matter it is about, its satisfaction and its time: the
-- record the automatic supervision (督办) reads.
CREATE TABLE followup_call (
  id            INTEGER PRIMARY KEY,
  followup_id   INTEGER NOT NULL REFERENCES followup (id) ON DELETE CASCADE,
  matter_id     INTEGER REFERENCES matter (id) ON DELETE CASCADE,
  attempt       INTEGER NOT NULL CHECK (attempt BETWEEN 1 AND 3),
  method        TEXT NOT NULL DEFAULT 'phone' CHECK (method IN ('phone', 'visit', 'sms')),
  -- reached, or why not: 未接通 / 空号 / 拒绝回访
  result        TEXT NOT NULL CHECK (result IN ('reached', 'no_answer', 'empty_number',
                                                'refused')),
  satisfaction  TEXT CHECK (satisfaction IS NULL
                            OR satisfaction IN ('satisfied', 'basic', 'dissatisfied')),
  accepts       INTEGER CHECK (accepts IS NULL OR accepts IN (0, 1)),  -- 息诉罢访
  note          TEXT CHECK (note IS NULL OR length(note) <= 2000),
  called_at     INTEGER NOT NULL,
  called_date   TEXT NOT NULL,
  user_id       INTEGER REFERENCES account (id),
  CHECK ((result = 'reached') = (satisfaction IS NOT NULL)),
  CHECK ((result = 'reached') = (accepts IS NOT NULL))
);
CREATE INDEX followup_call_by_item ON followup_call (followup_id, id);
CREATE INDEX followup_call_by_matter ON followup_call (matter_id, called_at)
  WHERE matter_id IS NOT NULL;
CREATE INDEX followup_call_by_date ON followup_call (called_date);

-- The two periods (回访 followup_days working days after closing, 整改 rectify_days working days)
-- are hall settings (hall.configure); until an administrator sets them they are 5 and 15.
