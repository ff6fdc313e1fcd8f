-- 022-fewer-pages.sql — fewer pages written by a call (issue 8 §5)
--
-- Every b-tree a command changes is one more page in the WAL before its commit is synced. Read
-- back from the WAL with dbstat, counter.call_next wrote eleven b-trees; three of them were kept
-- for queries that can be answered without them on the call's path:
-- * ticket_waiting, a count per day and department kept by triggers on every ticket change, is
--   only read by ticket.issue for the people ahead of a new ticket: a count over the covering
--   index ticket_by_department (the department's waiting tickets, one range), so it goes.
-- * ticket_waiting_by_arrival held every waiting ticket; the only query that used it counts the
--   tickets waiting for the leader (hall.snapshot): an index of those alone.
-- * audit_by_object held every audit row; every query that uses it looks for the ticket.finish
--   row of a ticket (who served it: the statistics, the rating pads): an index of those alone.
-- The statements may run again on a hall that has them already (tests rewind the version).
-- SPDX-License-Identifier: GPL-3.0-or-later

DROP TRIGGER IF EXISTS ticket_waiting_after_insert;
DROP TRIGGER IF EXISTS ticket_waiting_after_update;
DROP TRIGGER IF EXISTS ticket_waiting_after_delete;
DROP TABLE IF EXISTS ticket_waiting;

DROP INDEX IF EXISTS ticket_waiting_by_arrival;
CREATE INDEX IF NOT EXISTS ticket_leader_waiting ON ticket (day)
  WHERE state = 'waiting' AND queue = 'leader';

DROP INDEX IF EXISTS audit_by_object;
CREATE INDEX IF NOT EXISTS audit_ticket_finished ON audit (object_id)
  WHERE object_type = 'ticket' AND command = 'ticket.finish' AND result = 'ok';
