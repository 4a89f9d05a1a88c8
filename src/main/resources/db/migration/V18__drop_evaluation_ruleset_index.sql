-- One index fewer on evaluation (issue 12 items 3-4): every index is written on every commit of an evaluation (on H2
-- a new copy of each changed page per commit, on PostgreSQL an index entry and its WAL per row), and this one is the
-- costliest and serves no read that needs it. A ruleset version is a long key (about 60 characters) with a handful of
-- values, each matching a large part of the table: a listing filtered by it is faster reading newest first through
-- ix_evaluation_evaluated_at and stopping once its page is full (docs/benchmarks.md "Store, session 5": the
-- listing filtered by ruleset version read in half the time or less without it; profile and verdict, which it measured slower
-- without their indexes, keep them).
DROP INDEX ix_evaluation_ruleset;
