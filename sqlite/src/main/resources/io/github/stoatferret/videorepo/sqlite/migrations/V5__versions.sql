-- videorepo SQLite schema, version 5: every video has a version (VR-16.1), for conditional
-- updates and deletes. A new row gets 1; every update adds one in its own statement. Rows that
-- exist when the file is migrated get 1, as if just added: no caller can hold a version of them
-- yet. ADD COLUMN with a constant default only rewrites the schema, not the rows, so this step
-- takes the same time however many videos the file holds.

ALTER TABLE videos ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
