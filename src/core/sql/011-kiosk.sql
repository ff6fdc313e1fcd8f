-- 011-kiosk.sql — the green channel (绿色通道) a visitor asks for at the ticket kiosk
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- A kiosk cannot grant priority: whoever stands at it could ask for it. The request waits on the
-- ticket until the hall manager confirms it (ticket.prioritize) or the ticket leaves the queue.

ALTER TABLE ticket ADD COLUMN green_request INTEGER NOT NULL DEFAULT 0
  CHECK (green_request IN (0, 1));
