-- 005-search.sql — the full-text index behind matter.search
-- SPDX-License-Identifier: GPL-3.0-or-later
--
-- One row per matter (rowid = matter.id): its number, the names of its petitioners and its
-- content, tokenized by hall_bigram (hall-search-tokenizer.c: overlapping pairs of Chinese
-- characters, whole ASCII words and digit runs), so two-character queries such as 张伟 or 拆迁
-- are a single token. The triggers below keep it current, so registering, editing and linking
-- petitioners need not know it exists. ID numbers, phones and matter numbers are looked up
-- exactly through the ordinary indexes of 003-matter.sql instead.
--
-- scope holds who may see the matter as words ("d2 f2 u17": the responsible department, the
-- first-receiving department, the first receiver), so a window clerk's search intersects with
-- their own matters inside the index instead of reading every match of a common word.

CREATE VIRTUAL TABLE matter_fts USING fts5 (
  number, names, content, scope,
  tokenize = 'hall_bigram',
  columnsize = 0
);

-- The names of a matter's petitioners, in their order on the matter.
CREATE VIEW matter_search_names AS
  SELECT m.id AS matter_id,
         (SELECT group_concat(name, ' ')
            FROM (SELECT p.name FROM matter_petitioner mp JOIN petitioner p ON p.id = mp.petitioner_id
                   WHERE mp.matter_id = m.id ORDER BY mp.sort, p.id)) AS names
    FROM matter m;

-- Cooperating departments (配合单位, 003-matter.sql) count as "d" too.
CREATE VIEW matter_search_scope AS
  SELECT id AS matter_id,
         'd' || department_id || ' f' || first_department_id || coalesce (' u' || first_user_id, '')
         || coalesce ((SELECT group_concat (' d' || a.department_id, '') FROM matter_assignment a
                        WHERE a.matter_id = matter.id AND a.role = 'cooperate'
                          AND a.state IN ('open', 'done')), '') AS scope
    FROM matter;

CREATE TRIGGER matter_fts_after_insert AFTER INSERT ON matter BEGIN
  INSERT INTO matter_fts (rowid, number, names, content, scope)
    VALUES (new.id, new.number,
            (SELECT names FROM matter_search_names WHERE matter_id = new.id), new.content,
            (SELECT scope FROM matter_search_scope WHERE matter_id = new.id));
END;

CREATE TRIGGER matter_fts_after_update AFTER UPDATE OF number, content ON matter BEGIN
  UPDATE matter_fts SET number = new.number, content = new.content WHERE rowid = new.id;
END;

CREATE TRIGGER matter_fts_after_move
AFTER UPDATE OF department_id, first_department_id, first_user_id ON matter BEGIN
  UPDATE matter_fts SET scope = (SELECT scope FROM matter_search_scope WHERE matter_id = new.id)
    WHERE rowid = new.id;
END;

CREATE TRIGGER matter_fts_cooperation_added AFTER INSERT ON matter_assignment
WHEN new.role = 'cooperate' BEGIN
  UPDATE matter_fts SET scope = (SELECT scope FROM matter_search_scope WHERE matter_id = new.matter_id)
    WHERE rowid = new.matter_id;
END;

CREATE TRIGGER matter_fts_cooperation_changed AFTER UPDATE OF state ON matter_assignment
WHEN new.role = 'cooperate' BEGIN
  UPDATE matter_fts SET scope = (SELECT scope FROM matter_search_scope WHERE matter_id = new.matter_id)
    WHERE rowid = new.matter_id;
END;

CREATE TRIGGER matter_fts_after_delete AFTER DELETE ON matter BEGIN
  DELETE FROM matter_fts WHERE rowid = old.id;
END;

CREATE TRIGGER matter_fts_petitioner_linked AFTER INSERT ON matter_petitioner BEGIN
  UPDATE matter_fts SET names = (SELECT names FROM matter_search_names WHERE matter_id = new.matter_id)
    WHERE rowid = new.matter_id;
END;

CREATE TRIGGER matter_fts_petitioner_unlinked AFTER DELETE ON matter_petitioner BEGIN
  UPDATE matter_fts SET names = (SELECT names FROM matter_search_names WHERE matter_id = old.matter_id)
    WHERE rowid = old.matter_id;
END;

CREATE TRIGGER matter_fts_petitioner_relinked AFTER UPDATE ON matter_petitioner BEGIN
  UPDATE matter_fts SET names = (SELECT names FROM matter_search_names WHERE matter_id = old.matter_id)
    WHERE rowid = old.matter_id;
  UPDATE matter_fts SET names = (SELECT names FROM matter_search_names WHERE matter_id = new.matter_id)
    WHERE rowid = new.matter_id;
END;

CREATE TRIGGER matter_fts_petitioner_renamed AFTER UPDATE OF name ON petitioner BEGIN
  UPDATE matter_fts
     SET names = (SELECT names FROM matter_search_names WHERE matter_id = matter_fts.rowid)
   WHERE rowid IN (SELECT matter_id FROM matter_petitioner WHERE petitioner_id = new.id);
END;
