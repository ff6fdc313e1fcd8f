-- 018-stats-counts.sql — the counts stats.summary reads, kept by triggers in the transaction of
-- every write to the tickets, the matters and their petitioners, so that a year's figures are
-- sums over a few thousand daily rows instead of a walk over every record.
--
-- stats_batch holds one row per batch (批次: a ticket, or a matter received without one) with
-- its 初访/重访 flag, worked out by the same definition stats.trace reads from the records
-- (stats_batch_source below): a batch is a repeat when its petitioner had a ticket or a matter
-- received before it, in the order (date received, time, tickets before matters, number). When a
-- record changes, the batches of the record and of every person it names are worked out again;
-- each insert into or delete from stats_batch moves the daily counts.
-- SPDX-License-Identifier: GPL-3.0-or-later

-- Every batch as it stands, with its flag: the definition of _hall_stats_flagged
-- (hall-stats-figures.c) without the period.
CREATE VIEW stats_batch_source AS
SELECT b.*, (b.petitioner_id IS NOT NULL AND (
    EXISTS (SELECT 1 FROM ticket t2 WHERE t2.petitioner_id = b.petitioner_id
             AND (t2.day, t2.issued_at, 0, t2.id) < (b.date, b.at, b.rank, b.rid))
    OR EXISTS (SELECT 1 FROM matter_petitioner mp2 JOIN matter m2 ON m2.id = mp2.matter_id
                WHERE mp2.petitioner_id = b.petitioner_id AND m2.id IS NOT b.matter_id
                  AND (b.ticket_id IS NULL OR m2.ticket_id IS NOT b.ticket_id)
                  AND (m2.received_date, m2.registered_at, 1, m2.id)
                      < (b.date, b.at, b.rank, b.rid)))) AS repeat
FROM (
  SELECT 0 AS rank, t.id AS rid, t.id AS ticket_id, t.matter_id, t.day AS date, t.issued_at AS at,
         'visit' AS channel, t.department_id, t.persons,
         (t.priority = 'collective' OR t.persons >= 5 OR coalesce (m.collective, 0)) AS collective,
         m.escalation,
         coalesce (t.petitioner_id,
                   (SELECT mp.petitioner_id FROM matter_petitioner mp WHERE mp.matter_id = t.matter_id
                     ORDER BY mp.sort, mp.petitioner_id LIMIT 1)) AS petitioner_id
    FROM ticket t LEFT JOIN matter m ON m.id = t.matter_id
  UNION ALL
  SELECT 1, m.id, NULL, m.id, m.received_date, m.registered_at, m.channel, m.first_department_id,
         m.persons, (m.collective OR m.persons >= 5), m.escalation,
         (SELECT mp.petitioner_id FROM matter_petitioner mp WHERE mp.matter_id = m.id
           ORDER BY mp.sort, mp.petitioner_id LIMIT 1)
    FROM matter m
   WHERE m.ticket_id IS NULL AND NOT EXISTS (SELECT 1 FROM ticket t WHERE t.matter_id = m.id)) b;

-- The tickets whose batch may name a person: their own, and those of the person's matters.
CREATE VIEW stats_person_ticket AS
SELECT petitioner_id, id AS ticket_id FROM ticket WHERE petitioner_id IS NOT NULL
UNION ALL
SELECT mp.petitioner_id, t.id FROM matter_petitioner mp JOIN ticket t ON t.matter_id = mp.matter_id;

CREATE TABLE stats_batch (
  rank          INTEGER NOT NULL,  -- 0 a ticket, 1 a matter without one
  rid           INTEGER NOT NULL,  -- the ticket's or the matter's id
  ticket_id     INTEGER,
  matter_id     INTEGER,
  date          TEXT NOT NULL,
  at            INTEGER NOT NULL,
  channel       TEXT NOT NULL,
  department_id INTEGER NOT NULL,
  persons       INTEGER NOT NULL,
  collective    INTEGER NOT NULL,
  escalation    TEXT,
  petitioner_id INTEGER,
  repeat        INTEGER NOT NULL,
  PRIMARY KEY (rank, rid)
) WITHOUT ROWID;
CREATE INDEX stats_batch_by_petitioner ON stats_batch (petitioner_id) WHERE petitioner_id IS NOT NULL;

-- Batches and their persons per day, channel, collective or not, level of 越级访 ('' none) and
-- 初访 (0) or 重访 (1).
CREATE TABLE stats_batch_day (
  date       TEXT NOT NULL,
  channel    TEXT NOT NULL,
  collective INTEGER NOT NULL,
  escalation TEXT NOT NULL,
  repeat     INTEGER NOT NULL,
  batches    INTEGER NOT NULL,
  persons    INTEGER NOT NULL,
  PRIMARY KEY (date, channel, collective, escalation, repeat)
) WITHOUT ROWID;

-- Per day and department: batches and their persons (by the batch's department), matters (by
-- the department of first receipt).
CREATE TABLE stats_department_day (
  date          TEXT NOT NULL,
  department_id INTEGER NOT NULL,
  batches       INTEGER NOT NULL,
  persons       INTEGER NOT NULL,
  matters       INTEGER NOT NULL,
  PRIMARY KEY (date, department_id)
) WITHOUT ROWID;

-- Matters and their persons per day received and channel.
CREATE TABLE stats_matter_day (
  date    TEXT NOT NULL,
  channel TEXT NOT NULL,
  matters INTEGER NOT NULL,
  persons INTEGER NOT NULL,
  PRIMARY KEY (date, channel)
) WITHOUT ROWID;

-- The rates' counts per day received, 涉法涉诉 left out. What depends on the day asked about is
-- kept by due date: decision_open is the decision due date of the undecided matters (''
-- otherwise), handling_open the handling due date of the accepted matters not yet replied.
CREATE TABLE stats_rate_day (
  date            TEXT NOT NULL,
  decision_open   TEXT NOT NULL,
  handling_open   TEXT NOT NULL,
  matters         INTEGER NOT NULL,
  decided         INTEGER NOT NULL,
  decided_on_time INTEGER NOT NULL,
  replied         INTEGER NOT NULL,
  replied_on_time INTEGER NOT NULL,
  satisfied       INTEGER NOT NULL,
  rated           INTEGER NOT NULL,
  closed          INTEGER NOT NULL,
  PRIMARY KEY (date, decision_open, handling_open)
) WITHOUT ROWID;

-- 首接首办 per day received, first receiver (0 none) and department of first receipt: finished
-- or not, late or not, and for the open ones their due dates as in stats_rate_day.
CREATE TABLE stats_first_day (
  date          TEXT NOT NULL,
  user_id       INTEGER NOT NULL,
  department_id INTEGER NOT NULL,
  finished      INTEGER NOT NULL,
  late          INTEGER NOT NULL,
  decision_open TEXT NOT NULL,
  handling_open TEXT NOT NULL,
  matters       INTEGER NOT NULL,
  PRIMARY KEY (date, user_id, department_id, finished, late, decision_open, handling_open)
) WITHOUT ROWID;

-- A batch in or out: the daily counts follow.
CREATE TRIGGER stats_batch_added AFTER INSERT ON stats_batch BEGIN
  INSERT INTO stats_batch_day VALUES (NEW.date, NEW.channel, NEW.collective,
                                      coalesce (NEW.escalation, ''), NEW.repeat, 1, NEW.persons)
    ON CONFLICT (date, channel, collective, escalation, repeat)
    DO UPDATE SET batches = batches + 1, persons = persons + excluded.persons;
  INSERT INTO stats_department_day VALUES (NEW.date, NEW.department_id, 1, NEW.persons, 0)
    ON CONFLICT (date, department_id)
    DO UPDATE SET batches = batches + 1, persons = persons + excluded.persons;
END;

CREATE TRIGGER stats_batch_removed AFTER DELETE ON stats_batch BEGIN
  UPDATE stats_batch_day SET batches = batches - 1, persons = persons - OLD.persons
   WHERE date = OLD.date AND channel = OLD.channel AND collective = OLD.collective
     AND escalation = coalesce (OLD.escalation, '') AND repeat = OLD.repeat;
  DELETE FROM stats_batch_day
   WHERE date = OLD.date AND channel = OLD.channel AND collective = OLD.collective
     AND escalation = coalesce (OLD.escalation, '') AND repeat = OLD.repeat AND batches = 0;
  UPDATE stats_department_day SET batches = batches - 1, persons = persons - OLD.persons
   WHERE date = OLD.date AND department_id = OLD.department_id;
  DELETE FROM stats_department_day
   WHERE date = OLD.date AND department_id = OLD.department_id AND batches = 0 AND matters = 0;
END;

-- What to work out again: a ticket's batch, a matter's batch, or every batch a person's records
-- make (the flags of the others may change with one of them). The triggers below insert here;
-- the rows are done at once and removed.
CREATE TABLE stats_refresh (
  kind TEXT NOT NULL CHECK (kind IN ('ticket', 'matter', 'person')),
  id   INTEGER NOT NULL
);

CREATE TRIGGER stats_refresh_ticket AFTER INSERT ON stats_refresh WHEN NEW.kind = 'ticket' BEGIN
  DELETE FROM stats_batch WHERE rank = 0 AND rid = NEW.id;
  INSERT INTO stats_batch SELECT * FROM stats_batch_source WHERE rank = 0 AND rid = NEW.id;
  DELETE FROM stats_refresh;
END;

CREATE TRIGGER stats_refresh_matter AFTER INSERT ON stats_refresh WHEN NEW.kind = 'matter' BEGIN
  DELETE FROM stats_batch WHERE rank = 1 AND rid = NEW.id;
  INSERT INTO stats_batch SELECT * FROM stats_batch_source WHERE rank = 1 AND rid = NEW.id;
  DELETE FROM stats_refresh;
END;

CREATE TRIGGER stats_refresh_person AFTER INSERT ON stats_refresh WHEN NEW.kind = 'person' BEGIN
  DELETE FROM stats_batch WHERE petitioner_id = NEW.id;
  INSERT INTO stats_refresh SELECT 'ticket', ticket_id FROM stats_person_ticket
   WHERE petitioner_id = NEW.id;
  INSERT INTO stats_refresh SELECT 'matter', matter_id FROM matter_petitioner
   WHERE petitioner_id = NEW.id;
  DELETE FROM stats_refresh;
END;

-- A matter counted in (sign 1) or out (-1), with the columns its counts read.
CREATE TABLE stats_matter_change (
  sign                INTEGER NOT NULL,
  received_date       TEXT NOT NULL,
  channel             TEXT NOT NULL,
  first_department_id INTEGER NOT NULL,
  first_user_id       INTEGER,
  persons             INTEGER NOT NULL,
  litigation          INTEGER NOT NULL,
  state               TEXT NOT NULL,
  decision_due        TEXT,
  decided_date        TEXT,
  accepted_date       TEXT,
  handling_due        TEXT,
  replied_date        TEXT,
  satisfaction        TEXT
);

-- The definitions of hall-stats-private.h (the rates) and hall-stats-queue.c (首接首办).
CREATE TRIGGER stats_matter_counted AFTER INSERT ON stats_matter_change BEGIN
  INSERT INTO stats_matter_day VALUES (NEW.received_date, NEW.channel, NEW.sign,
                                       NEW.sign * NEW.persons)
    ON CONFLICT (date, channel)
    DO UPDATE SET matters = matters + excluded.matters, persons = persons + excluded.persons;
  DELETE FROM stats_matter_day
   WHERE date = NEW.received_date AND channel = NEW.channel AND matters = 0;

  INSERT INTO stats_department_day VALUES (NEW.received_date, NEW.first_department_id, 0, 0,
                                           NEW.sign)
    ON CONFLICT (date, department_id) DO UPDATE SET matters = matters + excluded.matters;
  DELETE FROM stats_department_day
   WHERE date = NEW.received_date AND department_id = NEW.first_department_id AND batches = 0
     AND matters = 0;

  INSERT INTO stats_rate_day
  SELECT NEW.received_date,
         CASE WHEN NEW.decided_date IS NULL THEN coalesce (NEW.decision_due, '') ELSE '' END,
         CASE WHEN NEW.accepted_date IS NOT NULL AND NEW.replied_date IS NULL
              THEN coalesce (NEW.handling_due, '') ELSE '' END,
         NEW.sign,
         NEW.sign * (NEW.decided_date IS NOT NULL),
         NEW.sign * coalesce (NEW.decided_date IS NOT NULL AND NEW.decided_date <= NEW.decision_due, 0),
         NEW.sign * (NEW.accepted_date IS NOT NULL AND NEW.replied_date IS NOT NULL),
         NEW.sign * coalesce (NEW.accepted_date IS NOT NULL AND NEW.replied_date IS NOT NULL
                              AND NEW.replied_date <= NEW.handling_due, 0),
         NEW.sign * coalesce (NEW.state = 'closed' AND NEW.satisfaction IN ('satisfied', 'basic'), 0),
         NEW.sign * coalesce (NEW.state = 'closed'
                              AND NEW.satisfaction IN ('satisfied', 'basic', 'dissatisfied'), 0),
         NEW.sign * (NEW.state = 'closed')
   WHERE NEW.litigation = 0
    ON CONFLICT (date, decision_open, handling_open)
    DO UPDATE SET matters = matters + excluded.matters, decided = decided + excluded.decided,
                  decided_on_time = decided_on_time + excluded.decided_on_time,
                  replied = replied + excluded.replied,
                  replied_on_time = replied_on_time + excluded.replied_on_time,
                  satisfied = satisfied + excluded.satisfied, rated = rated + excluded.rated,
                  closed = closed + excluded.closed;
  DELETE FROM stats_rate_day WHERE date = NEW.received_date AND matters = 0;

  INSERT INTO stats_first_day
  SELECT NEW.received_date, coalesce (NEW.first_user_id, 0), NEW.first_department_id, f.finished,
         (coalesce (NEW.decided_date > NEW.decision_due, 0)
          OR coalesce (NEW.replied_date > NEW.handling_due, 0)),
         CASE WHEN NOT f.finished AND NEW.decided_date IS NULL
              THEN coalesce (NEW.decision_due, '') ELSE '' END,
         CASE WHEN NOT f.finished AND NEW.accepted_date IS NOT NULL AND NEW.replied_date IS NULL
              THEN coalesce (NEW.handling_due, '') ELSE '' END,
         NEW.sign
    FROM (SELECT NEW.state IN ('closed', 'declined', 'litigation') AS finished) f
   WHERE true
    ON CONFLICT (date, user_id, department_id, finished, late, decision_open, handling_open)
    DO UPDATE SET matters = matters + excluded.matters;
  DELETE FROM stats_first_day WHERE date = NEW.received_date AND matters = 0;

  DELETE FROM stats_matter_change;
END;

-- The records' triggers.
CREATE TRIGGER stats_ticket_inserted AFTER INSERT ON ticket BEGIN
  INSERT INTO stats_refresh VALUES ('ticket', NEW.id);
  INSERT INTO stats_refresh SELECT 'matter', NEW.matter_id WHERE NEW.matter_id IS NOT NULL;
  INSERT INTO stats_refresh SELECT 'person', p FROM
    (SELECT NEW.petitioner_id AS p
     UNION SELECT petitioner_id FROM matter_petitioner WHERE matter_id = NEW.matter_id)
   WHERE p IS NOT NULL;
END;

CREATE TRIGGER stats_ticket_updated AFTER UPDATE OF day, issued_at, department_id, persons,
  priority, petitioner_id, matter_id ON ticket
  WHEN OLD.day IS NOT NEW.day OR OLD.issued_at IS NOT NEW.issued_at
    OR OLD.department_id IS NOT NEW.department_id OR OLD.persons IS NOT NEW.persons
    OR OLD.priority IS NOT NEW.priority OR OLD.petitioner_id IS NOT NEW.petitioner_id
    OR OLD.matter_id IS NOT NEW.matter_id
BEGIN
  INSERT INTO stats_refresh VALUES ('ticket', NEW.id);
  INSERT INTO stats_refresh SELECT 'matter', m FROM (SELECT OLD.matter_id AS m UNION SELECT NEW.matter_id)
   WHERE m IS NOT NULL;
  INSERT INTO stats_refresh SELECT 'person', p FROM
    (SELECT OLD.petitioner_id AS p UNION SELECT NEW.petitioner_id
     UNION SELECT petitioner_id FROM matter_petitioner WHERE matter_id IN (OLD.matter_id, NEW.matter_id))
   WHERE p IS NOT NULL;
END;

CREATE TRIGGER stats_ticket_deleted AFTER DELETE ON ticket BEGIN
  INSERT INTO stats_refresh VALUES ('ticket', OLD.id);
  INSERT INTO stats_refresh SELECT 'matter', OLD.matter_id WHERE OLD.matter_id IS NOT NULL;
  INSERT INTO stats_refresh SELECT 'person', p FROM
    (SELECT OLD.petitioner_id AS p
     UNION SELECT petitioner_id FROM matter_petitioner WHERE matter_id = OLD.matter_id)
   WHERE p IS NOT NULL;
END;

CREATE TRIGGER stats_matter_inserted AFTER INSERT ON matter BEGIN
  INSERT INTO stats_matter_change VALUES (1, NEW.received_date, NEW.channel,
    NEW.first_department_id, NEW.first_user_id, NEW.persons, NEW.litigation, NEW.state,
    NEW.decision_due, NEW.decided_date, NEW.accepted_date, NEW.handling_due, NEW.replied_date,
    NEW.satisfaction);
  INSERT INTO stats_refresh VALUES ('matter', NEW.id);
  INSERT INTO stats_refresh SELECT 'ticket', t FROM
    (SELECT NEW.ticket_id AS t UNION SELECT id FROM ticket WHERE matter_id = NEW.id)
   WHERE t IS NOT NULL;
  INSERT INTO stats_refresh SELECT 'person', p FROM
    (SELECT petitioner_id AS p FROM ticket WHERE id = NEW.ticket_id
     UNION SELECT petitioner_id FROM matter_petitioner WHERE matter_id = NEW.id)
   WHERE p IS NOT NULL;
END;

CREATE TRIGGER stats_matter_counts_updated AFTER UPDATE OF received_date, channel,
  first_department_id, first_user_id, persons, litigation, state, decision_due, decided_date,
  accepted_date, handling_due, replied_date, satisfaction ON matter BEGIN
  INSERT INTO stats_matter_change VALUES (-1, OLD.received_date, OLD.channel,
    OLD.first_department_id, OLD.first_user_id, OLD.persons, OLD.litigation, OLD.state,
    OLD.decision_due, OLD.decided_date, OLD.accepted_date, OLD.handling_due, OLD.replied_date,
    OLD.satisfaction);
  INSERT INTO stats_matter_change VALUES (1, NEW.received_date, NEW.channel,
    NEW.first_department_id, NEW.first_user_id, NEW.persons, NEW.litigation, NEW.state,
    NEW.decision_due, NEW.decided_date, NEW.accepted_date, NEW.handling_due, NEW.replied_date,
    NEW.satisfaction);
END;

CREATE TRIGGER stats_matter_batches_updated AFTER UPDATE OF received_date, registered_at, channel,
  first_department_id, persons, collective, escalation, ticket_id ON matter
  WHEN OLD.received_date IS NOT NEW.received_date OR OLD.registered_at IS NOT NEW.registered_at
    OR OLD.channel IS NOT NEW.channel OR OLD.first_department_id IS NOT NEW.first_department_id
    OR OLD.persons IS NOT NEW.persons OR OLD.collective IS NOT NEW.collective
    OR OLD.escalation IS NOT NEW.escalation OR OLD.ticket_id IS NOT NEW.ticket_id
BEGIN
  INSERT INTO stats_refresh VALUES ('matter', NEW.id);
  INSERT INTO stats_refresh SELECT 'ticket', t FROM
    (SELECT OLD.ticket_id AS t UNION SELECT NEW.ticket_id
     UNION SELECT id FROM ticket WHERE matter_id = NEW.id)
   WHERE t IS NOT NULL;
  INSERT INTO stats_refresh SELECT 'person', p FROM
    (SELECT petitioner_id AS p FROM ticket WHERE id IN (OLD.ticket_id, NEW.ticket_id)
     UNION SELECT petitioner_id FROM matter_petitioner WHERE matter_id = NEW.id)
   WHERE p IS NOT NULL;
END;

CREATE TRIGGER stats_matter_deleted AFTER DELETE ON matter BEGIN
  INSERT INTO stats_matter_change VALUES (-1, OLD.received_date, OLD.channel,
    OLD.first_department_id, OLD.first_user_id, OLD.persons, OLD.litigation, OLD.state,
    OLD.decision_due, OLD.decided_date, OLD.accepted_date, OLD.handling_due, OLD.replied_date,
    OLD.satisfaction);
  INSERT INTO stats_refresh VALUES ('matter', OLD.id);
  INSERT INTO stats_refresh SELECT 'ticket', t FROM
    (SELECT OLD.ticket_id AS t UNION SELECT id FROM ticket WHERE matter_id = OLD.id)
   WHERE t IS NOT NULL;
  INSERT INTO stats_refresh SELECT 'person', p FROM
    (SELECT petitioner_id AS p FROM ticket WHERE id = OLD.ticket_id
     UNION SELECT petitioner_id FROM matter_petitioner WHERE matter_id = OLD.id)
   WHERE p IS NOT NULL;
END;

-- A person named on a matter, dropped from it or moved in its order: the matter's batch, its
-- tickets' batches (their petitioner may come from it) and every batch of its people.
CREATE TRIGGER stats_matter_petitioner_inserted AFTER INSERT ON matter_petitioner BEGIN
  INSERT INTO stats_refresh VALUES ('matter', NEW.matter_id);
  INSERT INTO stats_refresh SELECT 'ticket', id FROM ticket WHERE matter_id = NEW.matter_id;
  INSERT INTO stats_refresh SELECT 'person', petitioner_id FROM matter_petitioner
   WHERE matter_id = NEW.matter_id;
END;

CREATE TRIGGER stats_matter_petitioner_updated AFTER UPDATE ON matter_petitioner BEGIN
  INSERT INTO stats_refresh SELECT 'matter', m FROM (SELECT OLD.matter_id AS m UNION SELECT NEW.matter_id);
  INSERT INTO stats_refresh SELECT 'ticket', id FROM ticket
   WHERE matter_id IN (OLD.matter_id, NEW.matter_id);
  INSERT INTO stats_refresh SELECT 'person', p FROM
    (SELECT OLD.petitioner_id AS p UNION SELECT petitioner_id FROM matter_petitioner
      WHERE matter_id IN (OLD.matter_id, NEW.matter_id));
END;

CREATE TRIGGER stats_matter_petitioner_deleted AFTER DELETE ON matter_petitioner BEGIN
  INSERT INTO stats_refresh VALUES ('matter', OLD.matter_id);
  INSERT INTO stats_refresh SELECT 'ticket', id FROM ticket WHERE matter_id = OLD.matter_id;
  INSERT INTO stats_refresh SELECT 'person', p FROM
    (SELECT OLD.petitioner_id AS p UNION SELECT petitioner_id FROM matter_petitioner
      WHERE matter_id = OLD.matter_id);
END;

-- The counts of the records already kept, by the same triggers.
INSERT INTO stats_batch SELECT * FROM stats_batch_source;
INSERT INTO stats_matter_change
SELECT 1, received_date, channel, first_department_id, first_user_id, persons, litigation, state,
       decision_due, decided_date, accepted_date, handling_due, replied_date, satisfaction
  FROM matter;

-- The queue's figures read the tickets served in the period.
CREATE INDEX ticket_served_by_day ON ticket (day)
  WHERE state = 'finished' AND counter_id IS NOT NULL AND started_at IS NOT NULL;
