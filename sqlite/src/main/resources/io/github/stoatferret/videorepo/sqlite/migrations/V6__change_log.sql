-- videorepo SQLite schema, version 6: the change log behind the change feed (VR-17). Each
-- committed change is one row, written by the writer in the same transaction as the change, so
-- a change's position is exactly as durable as the change: after a crash the log holds the
-- changes of the acknowledged writes, in order, and nothing else.
--
-- position is the rowid, assigned by the writer in commit order (it is the only writer) and never
-- reused: pruning always keeps the newest row, so the next position follows the largest kept.
-- kind is A(dded), U(pdated) or D(eleted); before and after are the video images (one line of
-- tab-separated fields, the format of the PostgreSQL log) that the kind calls for.
-- committed_at_us is when the group committed, for pruning by age.
-- A file migrated from version 5 starts with an empty log: its first change is position 1.

CREATE TABLE change_log (
  position        INTEGER PRIMARY KEY,
  kind            TEXT    NOT NULL CHECK (kind IN ('A', 'U', 'D')),
  before          TEXT,
  after           TEXT,
  committed_at_us INTEGER NOT NULL
) STRICT;
