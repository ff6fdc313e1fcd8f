-- 013-stats-ledgers.sql — what the county's figures and ledgers need that the hall did not keep:
-- 越级访 on a matter, the outcome of a leader's reception, 下访/约访, and the screened disputes
-- (矛盾纠纷排查化解清单).
-- SPDX-License-Identifier: GPL-3.0-or-later

-- 越级访: the petitioner has already gone to a higher level about this matter (到市 / 到省 / 进京).
ALTER TABLE matter ADD COLUMN escalation TEXT
  CHECK (escalation IS NULL OR escalation IN ('city', 'province', 'capital'));

-- The outcome of a reception: answered and resolved on the spot (现场答复解决), assigned (交办),
-- forwarded (转送), explained (解释说明). Older records that handed the matter to departments were
-- assignments; the others say nothing.
ALTER TABLE leader_reception ADD COLUMN outcome TEXT
  CHECK (outcome IS NULL OR outcome IN ('resolved', 'assigned', 'forwarded', 'explained'));
UPDATE leader_reception SET outcome = 'assigned' WHERE departments_json != '[]';

-- 下访 (a leader goes out to the petitioners) and 约访 (a leader invites them).
CREATE TABLE leader_outreach (
  id             INTEGER PRIMARY KEY,
  kind           TEXT NOT NULL CHECK (kind IN ('visit', 'invite')),
  date           TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  place          TEXT NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
  leader_user_id INTEGER NOT NULL REFERENCES account (id),
  persons        INTEGER NOT NULL DEFAULT 1 CHECK (persons BETWEEN 1 AND 9999),
  note           TEXT CHECK (note IS NULL OR length(note) <= 2000),
  created_at     INTEGER NOT NULL,
  created_by     INTEGER NOT NULL REFERENCES account (id),
  updated_at     INTEGER NOT NULL
);
CREATE INDEX leader_outreach_by_date ON leader_outreach (date);

CREATE TABLE leader_outreach_matter (
  outreach_id INTEGER NOT NULL REFERENCES leader_outreach (id) ON DELETE CASCADE,
  matter_id   INTEGER NOT NULL REFERENCES matter (id),
  PRIMARY KEY (outreach_id, matter_id)
) WITHOUT ROWID;

-- 矛盾纠纷排查化解清单: disputes found by screening (排查) before anyone petitions.
CREATE TABLE dispute (
  id             INTEGER PRIMARY KEY,
  found_date     TEXT NOT NULL CHECK (found_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  source         TEXT NOT NULL CHECK (source IN ('community', 'grid', 'department')),
  parties        TEXT NOT NULL CHECK (length(parties) BETWEEN 1 AND 500),
  type           TEXT NOT NULL CHECK (type IN ('wages', 'property', 'neighbour', 'land', 'family',
                                               'environment', 'other')),
  risk           TEXT NOT NULL CHECK (risk IN ('high', 'medium', 'low')),
  summary        TEXT NOT NULL CHECK (length(summary) BETWEEN 1 AND 4000),
  department_id  INTEGER NOT NULL REFERENCES department (id),
  leader_name    TEXT NOT NULL CHECK (length(leader_name) BETWEEN 1 AND 100),
  person_name    TEXT NOT NULL CHECK (length(person_name) BETWEEN 1 AND 100),
  measures       TEXT CHECK (measures IS NULL OR length(measures) <= 4000),
  deadline       TEXT,
  state          TEXT NOT NULL DEFAULT 'screening'
                 CHECK (state IN ('screening', 'resolving', 'resolved', 'controlled')),
  resolved_date  TEXT,
  created_at     INTEGER NOT NULL,
  created_by     INTEGER NOT NULL REFERENCES account (id),
  updated_at     INTEGER NOT NULL,
  updated_by     INTEGER NOT NULL REFERENCES account (id),
  CHECK ((state = 'resolved') = (resolved_date IS NOT NULL))
);
CREATE INDEX dispute_by_found ON dispute (found_date);
CREATE INDEX dispute_by_updated ON dispute (updated_at);

-- The order in which a person's visits were received, for 初访/重访.
CREATE INDEX ticket_by_petitioner_issued ON ticket (petitioner_id, issued_at, id)
  WHERE petitioner_id IS NOT NULL;
CREATE INDEX leader_reception_by_date_only ON leader_reception (date);
-- A matter's first petitioner (who a batch belongs to) without sorting.
CREATE INDEX matter_petitioner_first ON matter_petitioner (matter_id, sort, petitioner_id);
