-- 010-rating.sql — the window rating pads (评价器, 一次一评): the rating_pad role, which window
-- each pad faces, and one rating per finished ticket.
-- SPDX-License-Identifier: GPL-3.0-or-later

-- A CHECK cannot be altered: the table of roles is made again with the new role in it.
CREATE TABLE account_role_010 (
  user_id INTEGER NOT NULL REFERENCES account (id) ON DELETE CASCADE,
  role    TEXT NOT NULL CHECK (role IN ('staff', 'manager', 'leader', 'admin', 'display', 'kiosk',
                                        'rating_pad')),
  PRIMARY KEY (user_id, role)
) WITHOUT ROWID;
INSERT INTO account_role_010 (user_id, role) SELECT user_id, role FROM account_role;
DROP TABLE account_role;
ALTER TABLE account_role_010 RENAME TO account_role;

-- The window a rating pad account faces: it rates only the tickets finished there.
CREATE TABLE rating_pad (
  user_id    INTEGER PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
  counter_id INTEGER NOT NULL REFERENCES counter (id)
);

CREATE TABLE rating (
  id            INTEGER PRIMARY KEY,
  ticket_id     INTEGER NOT NULL UNIQUE REFERENCES ticket (id),  -- each service rated once
  day           TEXT NOT NULL,  -- the ticket's day
  counter_id    INTEGER NOT NULL REFERENCES counter (id),
  department_id INTEGER NOT NULL REFERENCES department (id),
  -- who finished the ticket (the staff member who served), when known
  staff_user_id INTEGER REFERENCES account (id),
  pad_user_id   INTEGER REFERENCES account (id),
  level         TEXT NOT NULL CHECK (level IN ('very_satisfied', 'satisfied', 'dissatisfied')),
  -- optional scores 1–5: 态度, 质量, 效率, 廉洁自律
  attitude      INTEGER CHECK (attitude IS NULL OR attitude BETWEEN 1 AND 5),
  quality       INTEGER CHECK (quality IS NULL OR quality BETWEEN 1 AND 5),
  efficiency    INTEGER CHECK (efficiency IS NULL OR efficiency BETWEEN 1 AND 5),
  integrity     INTEGER CHECK (integrity IS NULL OR integrity BETWEEN 1 AND 5),
  rated_at      INTEGER NOT NULL,
  -- a 不满意 is an alert on the manager's board until someone marks it followed up
  alert         TEXT CHECK (alert IS NULL OR alert IN ('open', 'followed_up')),
  followed_up_by INTEGER REFERENCES account (id),
  followed_up_at INTEGER,
  CHECK ((level = 'dissatisfied') = (alert IS NOT NULL)),
  CHECK ((alert = 'followed_up') = (followed_up_at IS NOT NULL))
);
CREATE INDEX rating_by_day ON rating (day, counter_id);
CREATE INDEX rating_open_alerts ON rating (rated_at) WHERE alert = 'open';
