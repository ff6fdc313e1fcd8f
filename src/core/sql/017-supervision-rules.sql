-- 017-supervision-rules.sql — 督办 that starts by itself (issue 11 §4), and 约谈 / 通报 (条例 40).
-- SPDX-License-Identifier: GPL-3.0-or-later

-- A flag the engine raises names its rule and has no leader: by_user_id becomes optional, so the
-- table is made again (SQLite cannot drop a NOT NULL). The old one is renamed first, so that its
-- reference to itself follows it and the new table's points at the new one.
-- rule_key names the occurrence a rule flagged (a date, a department and a date, a visit), so a
-- flag that was resolved is not raised again for the same occurrence.
ALTER TABLE leader_supervision RENAME TO leader_supervision_017;
CREATE TABLE leader_supervision (
  id              INTEGER PRIMARY KEY,
  matter_id       INTEGER NOT NULL REFERENCES matter (id),
  by_user_id      INTEGER REFERENCES account (id),
  at              INTEGER NOT NULL,
  note            TEXT NOT NULL,
  due_date        TEXT NOT NULL,
  resolved        INTEGER NOT NULL DEFAULT 0 CHECK (resolved IN (0, 1)),
  resolved_at     INTEGER,
  resolved_by     INTEGER REFERENCES account (id),
  resolution      TEXT,
  superseded_by   INTEGER REFERENCES leader_supervision (id),
  rule            TEXT CHECK (rule IS NULL OR rule IN ('half_period', 'silent_department',
                                                       'due_no_reply', 'repeat_visit',
                                                       'dissatisfied')),
  rule_key        TEXT CHECK (rule_key IS NULL OR length(rule_key) <= 200),
  -- a leader's flag has its leader and no rule; a rule's flag the other way round
  CHECK ((rule IS NULL) = (by_user_id IS NOT NULL)),
  CHECK ((rule IS NULL) = (rule_key IS NULL))
);
INSERT INTO leader_supervision (id, matter_id, by_user_id, at, note, due_date, resolved,
                                resolved_at, resolved_by, resolution, superseded_by)
  SELECT id, matter_id, by_user_id, at, note, due_date, resolved, resolved_at, resolved_by,
         resolution, superseded_by
  FROM leader_supervision_017;
DROP TABLE leader_supervision_017;
-- One open leader's flag per matter (a new one supersedes it), one open flag per rule per matter,
-- and each occurrence flagged once.
CREATE UNIQUE INDEX leader_supervision_open ON leader_supervision (matter_id)
  WHERE resolved = 0 AND rule IS NULL;
CREATE UNIQUE INDEX leader_supervision_rule_open ON leader_supervision (matter_id, rule)
  WHERE resolved = 0 AND rule IS NOT NULL;
CREATE UNIQUE INDEX leader_supervision_rule_key ON leader_supervision (matter_id, rule, rule_key)
  WHERE rule IS NOT NULL;
CREATE INDEX leader_supervision_by_due ON leader_supervision (resolved, due_date);

-- 约谈 (a leader's talk with a department's head) and 通报 (a notice to all departments), each
-- linked to the matters it concerns.
CREATE TABLE leader_talk (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('talk', 'notice')),
  date           TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  leader_user_id INTEGER NOT NULL REFERENCES account (id),
  -- the department talked to; a notice goes to every department
  department_id  INTEGER REFERENCES department (id),
  subject        TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  content        TEXT NOT NULL CHECK (length(content) BETWEEN 1 AND 4000),
  created_at     INTEGER NOT NULL,
  CHECK ((kind = 'talk') = (department_id IS NOT NULL))
);
CREATE INDEX leader_talk_by_date ON leader_talk (date, id);

CREATE TABLE leader_talk_matter (
  talk_id   INTEGER NOT NULL REFERENCES leader_talk (id),
  matter_id INTEGER NOT NULL REFERENCES matter (id),
  PRIMARY KEY (talk_id, matter_id)
) WITHOUT ROWID;
CREATE INDEX leader_talk_matter_by_matter ON leader_talk_matter (matter_id);
