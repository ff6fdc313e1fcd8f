-- 020-fewer-pages.sql — fewer pages written by a call (issue 8 §5)
--
-- Every b-tree a command changes is one more page in the WAL before its commit is synced. Read
-- back from the WAL with dbstat, counter.call_next wrote eleven b-trees; three of them were kept
-- for queries that can be answered without them on the call's path:
-- * ticket_waiting, a count per day and department kept by triggers on every ticket change, is
--   only read by ticket.issue for the people ahead of a new ticket: a count over the covering
--   index ticket_by_department (the department's waiting tickets, one range), so it goes.
-- * ticket_waiting_by_arrival held every waiting ticket; the only query that used it counts the
--   tickets waiting for the leader (hall.snapshot): an index of those alone.
-- * audit_by_object held every audit row; every query that used it looked for the ticket.finish
--   row of a ticket (who served it: the statistics, the rating pads). The ticket keeps that
--   now (finished_by), in the page ticket.finish writes anyway, and no audit row is indexed.
-- SPDX-License-Identifier: GPL-3.0-or-later

DROP TRIGGER ticket_waiting_after_insert;
DROP TRIGGER ticket_waiting_after_update;
DROP TRIGGER ticket_waiting_after_delete;
DROP TABLE ticket_waiting;

DROP INDEX ticket_waiting_by_arrival;
CREATE INDEX ticket_leader_waiting ON ticket (day)
  WHERE state = 'waiting' AND queue = 'leader';

-- Who finished each finished ticket, from its last ticket.finish row, found through the index
-- before it goes.
ALTER TABLE ticket ADD COLUMN finished_by INTEGER REFERENCES account (id);
UPDATE ticket SET finished_by = (
  SELECT a.user_id FROM audit a
   WHERE a.object_type = 'ticket' AND a.object_id = CAST (ticket.id AS TEXT)
     AND a.command = 'ticket.finish' AND a.result = 'ok'
   ORDER BY a.id DESC LIMIT 1)
 WHERE state = 'finished';
DROP INDEX audit_by_object;
