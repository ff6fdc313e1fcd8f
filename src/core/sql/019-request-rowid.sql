-- 019-request-rowid.sql — the exactly-once table written in arrival order (issue 8 §5)
--
-- Every state-changing call stores its first result under the client's request_id. Keyed by that
-- random UUID in a WITHOUT ROWID table, each row (the whole answer, often over half a kilobyte)
-- went into a random leaf of a b-tree that holds the rows themselves, five or six to a page: a
-- leaf split every few calls, and now and then a split that climbed, nine pages in one commit.
-- As a rowid table the row is appended to the last leaf, and only the small index on
-- request_id takes a random leaf, with about eighty entries to a page.
-- SPDX-License-Identifier: GPL-3.0-or-later

-- Copied out and back rather than renamed: ALTER TABLE … RENAME checks every trigger of the
-- schema again, the search index's too.
CREATE TABLE request_019 AS SELECT request_id, user_id, command, result, at FROM request;
DROP TABLE request;
CREATE TABLE request (
  id         INTEGER PRIMARY KEY,
  request_id TEXT NOT NULL,
  user_id    INTEGER,
  command    TEXT NOT NULL,
  result     TEXT NOT NULL,
  at         INTEGER NOT NULL
);
INSERT INTO request (request_id, user_id, command, result, at)
  SELECT request_id, user_id, command, result, at FROM request_019 ORDER BY at, request_id;
DROP TABLE request_019;
CREATE UNIQUE INDEX request_by_request_id ON request (request_id);
