-- 012-display-notice.sql — the notice that scrolls along the foot of the calling display (叫号大屏),
-- which the hall manager or the admin edits. One row at most; no row means no notice.
-- SPDX-License-Identifier: GPL-3.0-or-later

CREATE TABLE IF NOT EXISTS display_notice (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  text       TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by INTEGER REFERENCES account (id)
);
