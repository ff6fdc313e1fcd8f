-- 007-status-query.sql — wrong query codes counted by matter number, whether or not it exists
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- status.query locked a number after five wrong codes only when a matter had that number, so the
-- lock itself told a kiosk which numbers exist. Failures are now counted here for any number
-- written in the matter number format; the columns matter.query_failures and
-- matter.query_locked_until are no longer used.

CREATE TABLE status_query_guard (
  number       TEXT PRIMARY KEY,
  failures     INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER NOT NULL DEFAULT 0,
  updated_at   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX status_query_guard_updated ON status_query_guard (updated_at);
