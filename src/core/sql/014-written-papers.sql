-- 014-written-papers.sql — the written answers as their papers need them (条例 32, 35, 36): the
-- facts found (查明事实) and the basis (依据: the laws and policies relied on) beside the opinion
-- and its text. Older answers keep their one text as the opinion's text; these stay NULL.
-- SPDX-License-Identifier: GPL-3.0-or-later

ALTER TABLE matter ADD COLUMN reply_facts TEXT;
ALTER TABLE matter ADD COLUMN reply_basis TEXT;
ALTER TABLE matter ADD COLUMN review_facts TEXT;
ALTER TABLE matter ADD COLUMN review_basis TEXT;
ALTER TABLE matter ADD COLUMN rereview_facts TEXT;
ALTER TABLE matter ADD COLUMN rereview_basis TEXT;
