-- 016-repeats.sql — repeat petitions (重复信访, 条例 19 and 36) and links between matters (关联事项).
-- SPDX-License-Identifier: GPL-3.0-or-later

-- A visit, letter or call about a matter the hall already has: recorded on that matter instead of
-- a new one. kind 'open': the matter is still being handled, so the petition is not accepted
-- again (条例 19); kind 'final': its re-review (复核) is final, so the same facts are not taken
-- up again (条例 36). The supervision rules read this table (matter_id, at).
CREATE TABLE matter_repeat (
  id             INTEGER PRIMARY KEY,
  matter_id      INTEGER NOT NULL REFERENCES matter (id),
  kind           TEXT NOT NULL CHECK (kind IN ('open', 'final')),
  date           TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  at             INTEGER NOT NULL,
  channel        TEXT NOT NULL CHECK (channel IN ('visit', 'letter', 'online', 'phone', 'other')),
  ticket_id      INTEGER REFERENCES ticket (id),
  persons        INTEGER NOT NULL DEFAULT 1 CHECK (persons BETWEEN 1 AND 9999),
  petitioner_ids TEXT NOT NULL DEFAULT '[]',      -- JSON array of petitioner ids, in order
  content        TEXT NOT NULL CHECK (length(content) BETWEEN 1 AND 4000),
  user_id        INTEGER REFERENCES account (id),
  counter_id     INTEGER REFERENCES counter (id),
  department_id  INTEGER REFERENCES department (id)
);
CREATE INDEX matter_repeat_by_matter ON matter_repeat (matter_id, at);
CREATE INDEX matter_repeat_by_date ON matter_repeat (date);

-- A link from a matter to an earlier or related one: 'earlier' when the matter was registered
-- on the same facts as a closed one, 'related' when a clerk linked two matters. One link per
-- pair, whichever way it was made.
CREATE TABLE matter_link (
  id             INTEGER PRIMARY KEY,
  matter_id      INTEGER NOT NULL REFERENCES matter (id),
  linked_id      INTEGER NOT NULL REFERENCES matter (id),
  kind           TEXT NOT NULL CHECK (kind IN ('earlier', 'related')),
  note           TEXT CHECK (note IS NULL OR length(note) <= 500),
  created_at     INTEGER NOT NULL,
  created_by     INTEGER REFERENCES account (id),
  CHECK (matter_id != linked_id)
);
CREATE UNIQUE INDEX matter_link_pair
  ON matter_link (min (matter_id, linked_id), max (matter_id, linked_id));
CREATE INDEX matter_link_by_linked ON matter_link (linked_id);
