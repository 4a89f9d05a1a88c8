-- The rule files on disk (or in a watched folder) that were last seen, as an action of the ruleset log: at start-up,
-- files that did not change since then leave the version last activated in force (an approval is not overridden by
-- a restart); files that changed become a new version. Recorded like every other ruleset action, in the audit chain.
ALTER TABLE ruleset_action DROP CONSTRAINT ck_ruleset_action;
ALTER TABLE ruleset_action ADD CONSTRAINT ck_ruleset_action
    CHECK (action IN ('SEEDED', 'STORED', 'REJECTED', 'ACTIVATED', 'REFUSED', 'FILES_SEEN'));
