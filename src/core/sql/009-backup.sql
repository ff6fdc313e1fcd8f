-- 009-backup.sql — the daily backup: when it is taken, how many are kept, and what each
-- attempt did, so the admin page can say "last backup: …" and show a failure.
-- SPDX-License-Identifier: GPL-3.0-or-later

-- The schedule's settings live in hall_setting once an admin sets them (hall.configure):
-- backup_enabled (1), backup_minute (750: 12:30, the hall's lunch break, minutes past midnight
-- in the hall's time zone) and backup_keep (14); until then hall-backup.c uses those defaults.

CREATE TABLE backup_log (
  id    INTEGER PRIMARY KEY,
  at    INTEGER NOT NULL,
  kind  TEXT NOT NULL CHECK (kind IN ('scheduled', 'manual', 'before_restore')),
  file  TEXT,    -- the file's name in the backups folder; NULL when none was made
  size  INTEGER,
  error TEXT     -- NULL when the backup was made
);
CREATE INDEX backup_log_by_kind ON backup_log (kind, at);
