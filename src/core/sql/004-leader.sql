-- 004-leader.sql
-- SPDX-License-Identifier: GPL-3.0-or-later
SELECT 1;
