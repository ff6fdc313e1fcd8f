-- 002-queue.sql — the hall queue (取号 / 叫号): tickets, their daily numbers and transfers.
-- SPDX-License-Identifier: GPL-3.0-or-later

-- The last number given out per department and day. Numbers restart every day and are never
-- given twice within a day: the row is bumped in the same transaction that inserts the ticket.
CREATE TABLE ticket_number (
  day           TEXT NOT NULL,
  department_id INTEGER NOT NULL REFERENCES department (id),
  last_number   INTEGER NOT NULL CHECK (last_number >= 1),
  PRIMARY KEY (day, department_id)
) WITHOUT ROWID;

CREATE TABLE ticket (
  id                   INTEGER PRIMARY KEY,
  day                  TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  code                 TEXT NOT NULL,  -- prefix + daily number, "C015"
  number               INTEGER NOT NULL CHECK (number >= 1),
  -- the department whose number series the ticket took its number from
  issued_department_id INTEGER NOT NULL REFERENCES department (id),
  -- the department whose queue the ticket waits in now (changes on transfer)
  department_id        INTEGER NOT NULL REFERENCES department (id),
  -- set when the ticket waits for one counter only: transferred to it, or resumed after a hold
  target_counter_id    INTEGER REFERENCES counter (id),
  category_id          INTEGER REFERENCES category (id),
  priority             TEXT NOT NULL DEFAULT 'normal'
                       CHECK (priority IN ('normal', 'priority', 'collective')),
  persons              INTEGER NOT NULL DEFAULT 1 CHECK (persons BETWEEN 1 AND 999),
  petitioner_id        INTEGER REFERENCES petitioner (id),
  state                TEXT NOT NULL DEFAULT 'waiting'
                       CHECK (state IN ('waiting', 'called', 'serving', 'held', 'no_show', 'finished')),
  -- the counter that called (or holds) the ticket
  counter_id           INTEGER REFERENCES counter (id),
  -- 'leader': escalated to the leader's reception queue (leader_user_id receives the visitor)
  queue                TEXT NOT NULL DEFAULT 'counter' CHECK (queue IN ('counter', 'leader')),
  leader_user_id       INTEGER REFERENCES account (id),
  arrived_at           INTEGER NOT NULL,  -- kept on transfer, hold and reactivation
  issued_at            INTEGER NOT NULL,
  called_at            INTEGER,
  started_at           INTEGER,
  finished_at          INTEGER,
  -- set to go before every other waiting ticket (moved to the front, or resumed after a hold)
  front_at             INTEGER,
  recall_count         INTEGER NOT NULL DEFAULT 0,
  outcome              TEXT CHECK (outcome IS NULL
                                   OR outcome IN ('matter', 'resolved', 'consultation', 'guided')),
  matter_id            INTEGER REFERENCES matter (id),
  note                 TEXT CHECK (note IS NULL OR length(note) <= 200),
  issued_by            INTEGER REFERENCES account (id),
  UNIQUE (day, issued_department_id, number),
  CHECK (outcome IS NULL OR state = 'finished')
);

-- The day's waiting tickets in arrival order (counting the leader's reception queue); picking the
-- next ticket walks the priority ones on their own and the few moved to the front.
CREATE INDEX ticket_waiting_by_arrival ON ticket (day, arrived_at, id) WHERE state = 'waiting';
CREATE INDEX ticket_waiting_priority ON ticket (day, arrived_at, id)
  WHERE state = 'waiting' AND priority != 'normal';
CREATE INDEX ticket_waiting_front ON ticket (day, front_at, id)
  WHERE state = 'waiting' AND front_at IS NOT NULL;
-- Every index below leaves out the tickets it is never asked about, so that calling a ticket
-- or finishing it writes as few pages as it can before the commit: a waiting ticket has no
-- counter and no called_at, a called one is out of the department's waiting queue.
-- The waiting queue of each department in arrival order: where counter.call_next looks first,
-- department by department; also answers "how many go before a new priority ticket"
-- (count_ahead in hall-queue.c) from the index alone.
CREATE INDEX ticket_by_department
  ON ticket (department_id, day, queue, arrived_at, id, priority, front_at, state)
  WHERE state = 'waiting';
-- the ticket a counter is dealing with
CREATE INDEX ticket_by_counter ON ticket (counter_id, state) WHERE counter_id IS NOT NULL;
-- tickets sent to one counter, by arrival
CREATE INDEX ticket_by_target ON ticket (target_counter_id, day, arrived_at, id)
  WHERE target_counter_id IS NOT NULL;
-- the day's calls, latest first (the wall display); a day's tickets by number use the UNIQUE index
CREATE INDEX ticket_by_day ON ticket (day, called_at) WHERE called_at IS NOT NULL;
CREATE INDEX ticket_by_petitioner ON ticket (petitioner_id) WHERE petitioner_id IS NOT NULL;
CREATE INDEX ticket_by_matter ON ticket (matter_id) WHERE matter_id IS NOT NULL;

-- How many tickets wait in each department's counter queue, day by day, kept by the triggers
-- below whatever changes a ticket: a new ticket's place in the queue without counting the queue.
CREATE TABLE ticket_waiting (
  day           TEXT NOT NULL,
  department_id INTEGER NOT NULL,
  waiting       INTEGER NOT NULL CHECK (waiting >= 0),
  PRIMARY KEY (day, department_id)
) WITHOUT ROWID;

CREATE TRIGGER ticket_waiting_after_insert AFTER INSERT ON ticket
  WHEN new.state = 'waiting' AND new.queue = 'counter'
BEGIN
  INSERT INTO ticket_waiting (day, department_id, waiting) VALUES (new.day, new.department_id, 1)
    ON CONFLICT (day, department_id) DO UPDATE SET waiting = waiting + 1;
END;

CREATE TRIGGER ticket_waiting_after_update AFTER UPDATE OF state, queue, department_id, day ON ticket
  WHEN (old.state = 'waiting' AND old.queue = 'counter')
    OR (new.state = 'waiting' AND new.queue = 'counter')
BEGIN
  UPDATE ticket_waiting SET waiting = waiting - 1
    WHERE old.state = 'waiting' AND old.queue = 'counter'
      AND day = old.day AND department_id = old.department_id;
  INSERT INTO ticket_waiting (day, department_id, waiting)
    SELECT new.day, new.department_id, 1 WHERE new.state = 'waiting' AND new.queue = 'counter'
    ON CONFLICT (day, department_id) DO UPDATE SET waiting = waiting + 1;
END;

CREATE TRIGGER ticket_waiting_after_delete AFTER DELETE ON ticket
  WHEN old.state = 'waiting' AND old.queue = 'counter'
BEGIN
  UPDATE ticket_waiting SET waiting = waiting - 1
    WHERE day = old.day AND department_id = old.department_id;
END;

CREATE TABLE ticket_transfer (
  id                 INTEGER PRIMARY KEY,
  ticket_id          INTEGER NOT NULL REFERENCES ticket (id),
  from_department_id INTEGER NOT NULL REFERENCES department (id),
  from_counter_id    INTEGER REFERENCES counter (id),
  to_department_id   INTEGER NOT NULL REFERENCES department (id),
  to_counter_id      INTEGER REFERENCES counter (id),
  reason             TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 200),
  by_user_id         INTEGER REFERENCES account (id),
  at                 INTEGER NOT NULL
);
CREATE INDEX ticket_transfer_by_ticket ON ticket_transfer (ticket_id);
