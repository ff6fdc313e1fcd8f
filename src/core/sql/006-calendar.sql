-- 006-calendar.sql — the working-day calendar
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- Monday to Friday are working days and Saturday and Sunday are not, unless a row here says
-- otherwise: 'holiday' for a public holiday, 'workday' for a make-up working day (调休) that falls
-- on a weekend. Admins edit the rows (calendar.set_day, calendar.clear_day); deadlines use them
-- (民法典 arts. 201, 203: a period whose last day is not a working day ends on the next one).

CREATE TABLE calendar_day (
  date TEXT PRIMARY KEY CHECK (date GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
  kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
  note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 40)
) WITHOUT ROWID;

-- The State Council's holiday schedules (国务院办公厅关于部分节假日安排的通知) for 2025 and 2026.
WITH RECURSIVE
  holiday (first, last, note) AS (
    VALUES
      ('2025-01-01', '2025-01-01', '元旦'),
      ('2025-01-28', '2025-02-04', '春节'),
      ('2025-04-04', '2025-04-06', '清明节'),
      ('2025-05-01', '2025-05-05', '劳动节'),
      ('2025-05-31', '2025-06-02', '端午节'),
      ('2025-10-01', '2025-10-08', '国庆节、中秋节'),
      ('2026-01-01', '2026-01-03', '元旦'),
      ('2026-02-15', '2026-02-23', '春节'),
      ('2026-04-04', '2026-04-06', '清明节'),
      ('2026-05-01', '2026-05-05', '劳动节'),
      ('2026-06-19', '2026-06-21', '端午节'),
      ('2026-09-25', '2026-09-27', '中秋节'),
      ('2026-10-01', '2026-10-07', '国庆节')
  ),
  day (date, last, note) AS (
    SELECT first, last, note FROM holiday
    UNION ALL
    SELECT date(date, '+1 day'), last, note FROM day WHERE date < last
  )
INSERT INTO calendar_day (date, kind, note)
  SELECT date, 'holiday', note FROM day;

INSERT INTO calendar_day (date, kind, note) VALUES
  ('2025-01-26', 'workday', '春节调休上班'),
  ('2025-02-08', 'workday', '春节调休上班'),
  ('2025-04-27', 'workday', '劳动节调休上班'),
  ('2025-09-28', 'workday', '国庆节、中秋节调休上班'),
  ('2025-10-11', 'workday', '国庆节、中秋节调休上班'),
  ('2026-01-04', 'workday', '元旦调休上班'),
  ('2026-02-14', 'workday', '春节调休上班'),
  ('2026-02-28', 'workday', '春节调休上班'),
  ('2026-05-09', 'workday', '劳动节调休上班'),
  ('2026-09-20', 'workday', '国庆节调休上班'),
  ('2026-10-10', 'workday', '国庆节调休上班');
